//! `laptop-bound`: a pilot that runs on someone's laptop.

use super::super::{Context, Detected, Detector, PilotSet};
use crate::assess::findings::matching;
use crate::load::questionnaire::format::pilot;
use crate::vocabulary::{Environment, FindingId};

pub(crate) const DETECTOR: Detector = Detector {
    id: FindingId::LaptopBound,
    reads: &[],
    reads_of_pilots: &[pilot::ENVIRONMENT],
    pilot_set: PilotSet::Active,
    trigger: "A pilot at stage pilot runs with environment: laptop.",
    detect,
};

fn detect(cx: &Context<'_>) -> Option<Detected> {
    let (laptop, evidence) = matching(&cx.facts.active_pilots(), pilot::ENVIRONMENT, |p| {
        p.answers().choice_of(pilot::ENVIRONMENT) == Some(Environment::Laptop)
    });
    (!laptop.is_empty()).then(|| Detected::new(evidence).naming(&laptop))
}
