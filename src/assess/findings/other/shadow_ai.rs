//! `shadow-ai`: adoption driven from below with no acceptable-use policy.

use super::super::{Context, Detected, Detector, PilotSet};
use crate::load::questionnaire::format::path;
use crate::vocabulary::{FindingId, Policy};

pub(crate) const DETECTOR: Detector = Detector {
    id: FindingId::ShadowAi,
    reads: &[
        path::OPERATING_MODEL_ADOPTION,
        path::STRATEGY_POLICIES_ACCEPTABLE_USE,
    ],
    reads_of_pilots: &[],
    pilot_set: PilotSet::Started,
    trigger: "operating_model.adoption is 1 or 2 (bottom-up) and policies.acceptable_use is none.",
    detect,
};

fn detect(cx: &Context<'_>) -> Option<Detected> {
    let answers = cx.facts.answers();
    let bottom_up = answers
        .integer(path::OPERATING_MODEL_ADOPTION)
        .is_some_and(|a| a <= 2);
    let no_policy = answers.choice_of(path::STRATEGY_POLICIES_ACCEPTABLE_USE) == Some(Policy::None);
    if !(bottom_up && no_policy) {
        return None;
    }
    let evidence = [
        path::OPERATING_MODEL_ADOPTION,
        path::STRATEGY_POLICIES_ACCEPTABLE_USE,
    ]
    .into_iter()
    .filter_map(|p| cx.facts.evidence(p))
    .collect();
    Some(Detected::new(evidence))
}
