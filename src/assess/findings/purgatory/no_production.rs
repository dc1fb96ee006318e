//! `no-production`: several pilots, and none has reached production.

use super::super::{Context, Detected, Detector};
use super::{active, live};
use crate::vocabulary::FindingId;

pub(crate) const DETECTOR: Detector = Detector {
    id: FindingId::NoProduction,
    reads: &[],
    reads_of_pilots: &[],
    trigger: "{no_production_min_active} or more pilots are at stage pilot and none is in production or scaled.",
    detect,
};

fn detect(cx: &Context<'_>) -> Option<Detected> {
    let min_active = cx.rubric.thresholds.no_production_min_active;
    let active = active(cx);
    let known = cx.facts.pilots.is_some();
    if !(known && active.len() >= min_active && live(cx).is_empty()) {
        return None;
    }
    let evidence = active.iter().map(|p| p.evidence("still a pilot")).collect();
    Some(
        Detected::new(evidence)
            .with("active", &active.len())
            .with("min_active", &min_active),
    )
}
