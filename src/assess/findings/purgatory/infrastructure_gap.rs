//! `infrastructure-gap`: pilots with no production-ready place to go.

use super::super::logic::Tri;
use super::super::{Context, Detected, Detector};
use super::active;
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
    trigger: "A pilot is at stage pilot, and infrastructure.production_ready is false or data.architecture is legacy.",
    detect,
};

fn detect(cx: &Context<'_>) -> Option<Detected> {
    let active = active(cx);
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
    if not_ready.is_true() {
        evidence.extend(
            cx.facts
                .evidence(path::IMPLEMENTATION_INFRASTRUCTURE_PRODUCTION_READY),
        );
    }
    if legacy.is_true() {
        evidence.extend(cx.facts.evidence(path::IMPLEMENTATION_DATA_ARCHITECTURE));
    }
    Some(Detected::new(evidence))
}
