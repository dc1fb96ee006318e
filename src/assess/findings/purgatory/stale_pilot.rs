//! `stale-pilot`: a pilot that has run for longer than a pilot should.

use super::super::{Context, Detected, Detector, PilotSet};
use crate::load::questionnaire::format::pilot;
use crate::vocabulary::FindingId;

pub(crate) const DETECTOR: Detector = Detector {
    id: FindingId::StalePilot,
    reads: &[],
    reads_of_pilots: &[pilot::STARTED],
    pilot_set: PilotSet::Active,
    trigger:
        "A pilot at stage pilot started {stale_pilot_days} days or more before the assessment date.",
    detect,
};

fn detect(cx: &Context<'_>) -> Option<Detected> {
    let days = cx.rubric.thresholds.stale_pilot_days;
    let stale: Vec<_> = cx
        .facts
        .active_pilots()
        .into_iter()
        .filter(|p| p.age_days.is_some_and(|age| age >= days))
        .collect();
    if stale.is_empty() {
        return None;
    }
    let evidence = stale
        .iter()
        .map(|p| {
            let days = itoa::Buffer::new()
                .format(p.age_days.unwrap_or_default())
                .to_owned();
            p.evidence(&["running ", &days, " days"].concat())
        })
        .collect();
    Some(Detected::new(evidence).naming(&stale).with("days", &days))
}
