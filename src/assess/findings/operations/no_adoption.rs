//! `no-adoption`: a live system that nobody uses, or whose use nobody
//! tracks. The message and the remedy say which of the two holds of each
//! pilot it names.

use super::super::{Clause, Context, Detected, Detector, PilotSet};
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
    let unused: Vec<String> = concerned.iter().map(|p| p.name().to_owned()).collect();
    let untracked = cx
        .facts
        .answers()
        .flag(path::IMPLEMENTATION_CHANGE_MANAGEMENT_ADOPTION_TRACKED)
        == Some(false);
    let mut untracked_pilots = Vec::new();
    if untracked && !live.is_empty() {
        untracked_pilots = live.iter().map(|p| p.name().to_owned()).collect();
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
    let no_users: Clause =
        |names, n| format!("{names} {} no users", if n == 1 { "has" } else { "have" });
    let nobody_tracks: Clause = |names, n| {
        format!(
            "nobody tracks how {names} {} used",
            if n == 1 { "is" } else { "are" }
        )
    };
    let find_out: Clause = |names, _| format!("find out why nobody uses {names}");
    let track: Clause = |names, _| format!("track the adoption of {names}");
    // Only the ways that fired: a clause with no pilots would be the
    // organization's, said whichever are named.
    let (mut gaps, mut steps) = (Vec::new(), Vec::new());
    if !unused.is_empty() {
        gaps.push((no_users, unused.clone()));
        steps.push((find_out, unused));
    }
    if !untracked_pilots.is_empty() {
        gaps.push((nobody_tracks, untracked_pilots.clone()));
        steps.push((track, untracked_pilots));
    }
    (!concerned.is_empty()).then(|| {
        Detected::new(evidence)
            .naming(&concerned)
            .with_clauses("gaps", ", and ", gaps)
            .with_sentence("steps", ", and ", steps)
    })
}
