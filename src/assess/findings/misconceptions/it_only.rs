//! `it-only`: implementation is a job for IT alone.

use super::super::logic::Tri;
use super::super::{Context, Detected, Detector, PilotSet};
use super::misconception;
use crate::derive::evidence::Evidence;
use crate::load::questionnaire::format::{path, pilot};
use crate::vocabulary::FindingId;

pub(crate) const DETECTOR: Detector = Detector {
    id: FindingId::ItOnly,
    reads: &[
        path::BELIEFS_IMPLEMENTATION_IS_IT_ONLY,
        path::IMPLEMENTATION_CHANGE_MANAGEMENT_HR,
        path::IMPLEMENTATION_CHANGE_MANAGEMENT_DEPARTMENT_HEADS,
    ],
    reads_of_pilots: &[],
    pilot_set: PilotSet::Started,
    trigger: "Leadership agrees with the statement, or: a pilot has started and neither HR nor department heads take part in change management.",
    detect,
};

fn detect(cx: &Context<'_>) -> Option<Detected> {
    misconception(cx, path::BELIEFS_IMPLEMENTATION_IS_IT_ONLY, behavior(cx))
}

/// A pilot has started, and neither HR nor department heads take part.
fn behavior(cx: &Context<'_>) -> Option<Detected> {
    let started = cx.facts.started_pilots()?;
    let answers = cx.facts.answers();
    let without = |path| Tri::of(answers.flag(path).map(|b| !b));
    let trigger = Tri::of(Some(!started.is_empty()))
        .and(without(path::IMPLEMENTATION_CHANGE_MANAGEMENT_HR))
        .and(without(
            path::IMPLEMENTATION_CHANGE_MANAGEMENT_DEPARTMENT_HEADS,
        ));
    if !trigger.is_true() {
        return None;
    }
    let mut evidence: Vec<Evidence> = started
        .iter()
        .map(|p| p.field_evidence(pilot::STAGE))
        .collect();
    evidence.extend(cx.facts.evidence(path::IMPLEMENTATION_CHANGE_MANAGEMENT_HR));
    evidence.extend(
        cx.facts
            .evidence(path::IMPLEMENTATION_CHANGE_MANAGEMENT_DEPARTMENT_HEADS),
    );
    Some(Detected::new(evidence).naming(&started))
}
