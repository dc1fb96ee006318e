//! `no-monitoring`: a live system that nobody watches.

use super::super::{Context, Detected, Detector, PilotSet};
use crate::assess::findings::matching;
use crate::derive::facts::Pilot;
use crate::load::questionnaire::format::{path, pilot};
use crate::vocabulary::{FindingId, Monitoring, Sourcing};

pub(crate) const DETECTOR: Detector = Detector {
    id: FindingId::NoMonitoring,
    reads: &[path::IMPLEMENTATION_MLOPS_MONITORING],
    reads_of_pilots: &[pilot::MONITORING],
    pilot_set: PilotSet::Live,
    trigger: "A pilot in production or scaled has monitoring: none, or implementation.mlops.monitoring is false while a built pilot is live.",
    detect,
};

fn detect(cx: &Context<'_>) -> Option<Detected> {
    let live = cx.facts.live_pilots();
    let (mut unwatched, mut evidence) = matching(&live, pilot::MONITORING, |p| {
        p.answers().choice_of(pilot::MONITORING) == Some(Monitoring::None)
    });
    let no_practice = cx
        .facts
        .answers()
        .flag(path::IMPLEMENTATION_MLOPS_MONITORING)
        == Some(false);
    // The MLOps practice watches what the organization built itself.
    let built: Vec<&Pilot<'_>> = live
        .iter()
        .copied()
        .filter(|p| p.sourcing() == Sourcing::Built)
        .collect();
    if no_practice && !built.is_empty() {
        evidence.extend(cx.facts.evidence(path::IMPLEMENTATION_MLOPS_MONITORING));
        for p in built {
            if !unwatched.iter().any(|u| u.index == p.index) {
                evidence.push(p.field_evidence(pilot::STAGE));
                evidence.push(p.sourcing_evidence());
                unwatched.push(p);
            }
        }
    }
    unwatched.sort_by_key(|p| p.index);
    (!unwatched.is_empty()).then(|| Detected::new(evidence).naming(&unwatched))
}
