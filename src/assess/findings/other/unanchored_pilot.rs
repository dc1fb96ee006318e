//! `unanchored-pilot`: started work that serves none of the business
//! problems the strategy names.

use super::super::{matching, Context, Detected, Detector, PilotSet};
use crate::load::questionnaire::format::pilot;
use crate::vocabulary::FindingId;

pub(crate) const DETECTOR: Detector = Detector {
    id: FindingId::UnanchoredPilot,
    reads: &[],
    reads_of_pilots: &[pilot::SERVES],
    pilot_set: PilotSet::Started,
    trigger: "A pilot at stage pilot, production or scaled has serves: [] (it works on none of strategy.business_problems).",
    detect,
};

fn detect(cx: &Context<'_>) -> Option<Detected> {
    let started = cx.facts.started_pilots().unwrap_or_default();
    // Only `serves: []` written out says "none"; a left-out serves is unknown.
    let (unanchored, evidence) = matching(&started, pilot::SERVES, |p| {
        p.answers()
            .names(pilot::SERVES)
            .is_some_and(<[_]>::is_empty)
    });
    (!unanchored.is_empty()).then(|| Detected::new(evidence).naming(&unanchored))
}
