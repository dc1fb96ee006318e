//! `no-production`: several pilots, and none has reached production.

use super::super::{Context, Detected, Detector, PilotSet};
use crate::vocabulary::FindingId;

pub(crate) const DETECTOR: Detector = Detector {
    id: FindingId::NoProduction,
    reads: &[],
    reads_of_pilots: &[],
    pilot_set: PilotSet::Started,
    trigger: "{no_production_min_active} or more pilots are at stage pilot and none is in production or scaled.",
    detect,
};

fn detect(cx: &Context<'_>) -> Option<Detected> {
    let min_active = cx.rubric.thresholds.no_production_min_active;
    let active = cx.facts.active_pilots();
    if active.len() < min_active || !cx.facts.live_pilots().is_empty() {
        return None;
    }
    let evidence = active.iter().map(|p| p.evidence("still a pilot")).collect();
    Some(
        Detected::new(evidence)
            .naming(&active)
            .with("active", &active.len())
            .with("min_active", &min_active),
    )
}
