//! `unassessed-impact`: a high-stakes live system that affects people
//! outside the organization, with no assessment of that effect.

use super::super::{high_stakes, Context, Detected, Detector, PilotSet};
use crate::derive::facts::Pilot;
use crate::load::questionnaire::format::pilot;
use crate::vocabulary::{Affected, FindingId, Word};

pub(crate) const DETECTOR: Detector = Detector {
    id: FindingId::UnassessedImpact,
    reads: &[],
    reads_of_pilots: &[pilot::IMPACT, pilot::AFFECTS, pilot::IMPACT_ASSESSED],
    pilot_set: PilotSet::Live,
    trigger: "A pilot in production or scaled with impact: high (written out) affects anyone but employees, and impact_assessed is false.",
    detect,
};

/// Who the pilot affects beyond its own organization's employees.
fn outsiders(p: &Pilot<'_>) -> Vec<&'static str> {
    p.answers()
        .words(pilot::AFFECTS)
        .unwrap_or_default()
        .iter()
        .copied()
        .filter(|w| *w != Affected::Employees.word())
        .collect()
}

fn detect(cx: &Context<'_>) -> Option<Detected> {
    let (unassessed, evidence) = high_stakes(
        &cx.facts.live_pilots(),
        &[pilot::IMPACT, pilot::AFFECTS, pilot::IMPACT_ASSESSED],
        |p| !outsiders(p).is_empty() && p.answers().flag(pilot::IMPACT_ASSESSED) == Some(false),
    );
    if unassessed.is_empty() {
        return None;
    }
    // Every group affected, in the format's order, each once, in words.
    let affected: Vec<&str> = Affected::all()
        .iter()
        .filter(|a| unassessed.iter().any(|p| outsiders(p).contains(&a.word())))
        .map(|a| match a {
            Affected::Public => "the public",
            _ => a.word(),
        })
        .collect();
    Some(
        Detected::new(evidence)
            .naming(&unassessed)
            .with("affected", &crate::text::names(affected.into_iter())),
    )
}
