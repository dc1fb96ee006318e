//! `no-adoption`: a live system that nobody uses, or whose use nobody tracks.

use super::super::{Context, Detected, Detector, PilotSet};
use crate::assess::findings::matching;
use crate::load::questionnaire::format::{path, pilot};
use crate::vocabulary::FindingId;

pub(crate) const DETECTOR: Detector = Detector {
    id: FindingId::NoAdoption,
    reads: &[path::IMPLEMENTATION_CHANGE_MANAGEMENT_ADOPTION_TRACKED],
    reads_of_pilots: &[pilot::USERS],
    pilot_set: PilotSet::Live,
    trigger: "A pilot in production or scaled has users: 0, or change_management.adoption_tracked is false while any pilot is live.",
    detect,
};

fn detect(cx: &Context<'_>) -> Option<Detected> {
    let live = cx.facts.live_pilots();
    let (mut concerned, mut evidence) = matching(&live, pilot::USERS, |p| {
        p.answers().integer(pilot::USERS) == Some(0)
    });
    let untracked = cx
        .facts
        .answers()
        .flag(path::IMPLEMENTATION_CHANGE_MANAGEMENT_ADOPTION_TRACKED)
        == Some(false);
    if untracked && !live.is_empty() {
        evidence.extend(
            cx.facts
                .evidence(path::IMPLEMENTATION_CHANGE_MANAGEMENT_ADOPTION_TRACKED),
        );
        for p in &live {
            if !concerned.iter().any(|c| c.index == p.index) {
                evidence.push(p.field_evidence(pilot::STAGE));
                concerned.push(p);
            }
        }
    }
    concerned.sort_by_key(|p| p.index);
    (!concerned.is_empty()).then(|| Detected::new(evidence).naming(&concerned))
}
