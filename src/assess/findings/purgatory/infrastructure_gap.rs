//! `infrastructure-gap`: pilots with no production-ready place to go.

use super::super::logic::Tri;
use super::super::{Context, Detected, Detector, PilotSet};
use crate::derive::evidence::Evidence;
use crate::load::questionnaire::format::path;
use crate::vocabulary::{DataArchitecture, FindingId};

pub(crate) const DETECTOR: Detector = Detector {
    id: FindingId::InfrastructureGap,
    reads: &[
        path::IMPLEMENTATION_INFRASTRUCTURE_PRODUCTION_READY,
        path::IMPLEMENTATION_DATA_ARCHITECTURE,
    ],
    reads_of_pilots: &[],
    pilot_set: PilotSet::Started,
    trigger: "A pilot is at stage pilot, and infrastructure.production_ready is false or data.architecture is legacy.",
    detect,
};

fn detect(cx: &Context<'_>) -> Option<Detected> {
    let active = cx.facts.active_pilots();
    if active.is_empty() {
        return None;
    }
    let answers = cx.facts.answers();
    let not_ready = Tri::of(
        answers
            .flag(path::IMPLEMENTATION_INFRASTRUCTURE_PRODUCTION_READY)
            .map(|ready| !ready),
    );
    let legacy = Tri::of(
        answers
            .choice_of(path::IMPLEMENTATION_DATA_ARCHITECTURE)
            .map(|a: DataArchitecture| a == DataArchitecture::Legacy),
    );
    if !not_ready.or(legacy).is_true() {
        return None;
    }
    let mut evidence: Vec<Evidence> = active.iter().map(|p| p.evidence("still a pilot")).collect();
    // What blocks them, in the words of the answers that say so, and what
    // would remove each.
    let (mut blockers, mut fixes) = (Vec::new(), Vec::new());
    if not_ready.is_true() {
        evidence.extend(
            cx.facts
                .evidence(path::IMPLEMENTATION_INFRASTRUCTURE_PRODUCTION_READY),
        );
        blockers.push("the infrastructure is not ready for production load");
        fixes.push("the production platform");
    }
    if legacy.is_true() {
        evidence.extend(cx.facts.evidence(path::IMPLEMENTATION_DATA_ARCHITECTURE));
        blockers.push("the data architecture is legacy");
        fixes.push("the data modernization");
    }
    Some(
        Detected::new(evidence)
            .naming(&active)
            .with("blockers", &blockers.join(" and "))
            .with("fixes", &fixes.join(" and ")),
    )
}
