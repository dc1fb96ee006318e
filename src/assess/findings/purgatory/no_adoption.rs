//! `no-adoption`: a live system that nobody uses, or whose use nobody tracks.

use super::super::{Context, Detected, Detector};
use super::{live, matching};
use crate::load::questionnaire::format::{path, pilot};
use crate::vocabulary::FindingId;

pub(crate) const DETECTOR: Detector = Detector {
    id: FindingId::NoAdoption,
    reads: &[path::IMPLEMENTATION_CHANGE_MANAGEMENT_ADOPTION_TRACKED],
    reads_of_pilots: &[pilot::USERS],
    trigger: "A pilot in production or scaled has users: 0, or change_management.adoption_tracked is false while any pilot is live.",
    detect,
};

fn detect(cx: &Context<'_>) -> Option<Detected> {
    let live = live(cx);
    let mut unused = matching(&live, pilot::USERS, |p| {
        p.answers().integer(pilot::USERS) == Some(0)
    });
    let untracked = cx
        .facts
        .answers()
        .flag(path::IMPLEMENTATION_CHANGE_MANAGEMENT_ADOPTION_TRACKED)
        == Some(false);
    if !live.is_empty() && untracked {
        unused.extend(
            cx.facts
                .evidence(path::IMPLEMENTATION_CHANGE_MANAGEMENT_ADOPTION_TRACKED),
        );
        unused.extend(live.iter().map(|p| p.field_evidence(pilot::STAGE)));
    }
    (!unused.is_empty()).then(|| Detected::new(unused))
}
