//! `laptop-bound`: a pilot that runs on someone's laptop.

use super::super::{Context, Detected, Detector};
use super::{in_play, matching};
use crate::load::questionnaire::format::pilot;
use crate::vocabulary::{Environment, FindingId};

pub(crate) const DETECTOR: Detector = Detector {
    id: FindingId::LaptopBound,
    reads: &[],
    reads_of_pilots: &[pilot::ENVIRONMENT],
    trigger: "A pilot at stage pilot, production or scaled runs with environment: laptop.",
    detect,
};

fn detect(cx: &Context<'_>) -> Option<Detected> {
    let laptop = matching(&in_play(cx), pilot::ENVIRONMENT, |p| {
        p.answers().choice_of(pilot::ENVIRONMENT) == Some(Environment::Laptop)
    });
    let count = laptop.len();
    (count > 0).then(|| Detected::new(laptop).with("count", &count))
}
