//! `no-human-oversight`: a high-stakes live system whose outputs take
//! effect with no person checking them.

use super::super::{Context, Detected, Detector, PilotSet};
use crate::load::questionnaire::format::pilot;
use crate::vocabulary::{FindingId, HumanReview};

pub(crate) const DETECTOR: Detector = Detector {
    id: FindingId::NoHumanOversight,
    reads: &[],
    reads_of_pilots: &[pilot::IMPACT, pilot::HUMAN_REVIEW],
    pilot_set: PilotSet::Live,
    trigger:
        "A pilot in production or scaled with impact: high (written out) has human_review: none.",
    detect,
};

fn detect(cx: &Context<'_>) -> Option<Detected> {
    // A left-out human_review is unknown: it cannot make this fire.
    let unchecked: Vec<_> = cx
        .facts
        .live_pilots()
        .into_iter()
        .filter(|p| p.is_high_impact())
        .filter(|p| p.answers().choice_of(pilot::HUMAN_REVIEW) == Some(HumanReview::None))
        .collect();
    if unchecked.is_empty() {
        return None;
    }
    let evidence = unchecked
        .iter()
        .flat_map(|p| {
            [
                p.field_evidence(pilot::IMPACT),
                p.field_evidence(pilot::HUMAN_REVIEW),
            ]
        })
        .collect();
    Some(Detected::new(evidence).naming(&unchecked))
}
