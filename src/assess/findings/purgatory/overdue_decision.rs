//! `overdue-decision`: a pilot whose go/no-go date has passed.

use super::super::{Context, Detected, Detector, PilotSet};
use crate::load::questionnaire::format::pilot;
use crate::vocabulary::FindingId;

pub(crate) const DETECTOR: Detector = Detector {
    id: FindingId::OverdueDecision,
    reads: &[],
    reads_of_pilots: &[pilot::DECISION_BY],
    pilot_set: PilotSet::Active,
    trigger: "A pilot at stage pilot has a decision_by date before the assessment date.",
    detect,
};

fn detect(cx: &Context<'_>) -> Option<Detected> {
    let assessed = cx.facts.questionnaire.assessed;
    // A decision due today has not passed.
    let overdue: Vec<_> = cx
        .facts
        .active_pilots()
        .into_iter()
        .filter(|p| p.decision_by().is_some_and(|due| due < assessed))
        .collect();
    if overdue.is_empty() {
        return None;
    }
    let evidence = overdue
        .iter()
        .map(|p| p.field_evidence(pilot::DECISION_BY))
        .collect();
    Some(Detected::new(evidence).naming(&overdue))
}
