//! `no-human-oversight`: a high-stakes live system whose outputs take
//! effect with no person checking them.

use super::super::{high_stakes, Context, Detected, Detector, PilotSet};
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
    let (unchecked, evidence) = high_stakes(
        &cx.facts.live_pilots(),
        &[pilot::IMPACT, pilot::HUMAN_REVIEW],
        |p| p.answers().choice_of(pilot::HUMAN_REVIEW) == Some(HumanReview::None),
    );
    if unchecked.is_empty() {
        return None;
    }
    Some(Detected::new(evidence).naming(&unchecked))
}
