//! `stale-pilot`: a pilot that has run for longer than a pilot should.

use super::super::{Context, Detected, Detector};
use super::active;
use crate::derive::evidence::Evidence;
use crate::load::questionnaire::format::pilot;
use crate::vocabulary::FindingId;

pub(crate) const DETECTOR: Detector = Detector {
    id: FindingId::StalePilot,
    reads: &[],
    reads_of_pilots: &[pilot::STARTED],
    trigger:
        "A pilot at stage pilot started {stale_pilot_days} days or more before the assessment date.",
    detect,
};

fn detect(cx: &Context<'_>) -> Option<Detected> {
    let days = cx.rubric.thresholds.stale_pilot_days;
    let stale: Vec<Evidence> = active(cx)
        .iter()
        .filter_map(|p| {
            let age = p.age_days.filter(|age| *age >= days)?;
            Some(p.evidence(&format!("running {age} days")))
        })
        .collect();
    if stale.is_empty() {
        return None;
    }
    let count = stale.len();
    Some(
        Detected::new(stale)
            .with("count", &count)
            .with("days", &days),
    )
}
