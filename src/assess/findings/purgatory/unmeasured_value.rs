//! `unmeasured-value`: a pilot whose value nobody measures.

use super::super::{Context, Detected, Detector};
use super::{in_play, matching};
use crate::load::questionnaire::format::pilot;
use crate::vocabulary::FindingId;

pub(crate) const DETECTOR: Detector = Detector {
    id: FindingId::UnmeasuredValue,
    reads: &[],
    reads_of_pilots: &[pilot::VALUE_MEASURED],
    trigger: "A pilot at stage pilot, production or scaled has value_measured: false.",
    detect,
};

fn detect(cx: &Context<'_>) -> Option<Detected> {
    let unmeasured = matching(&in_play(cx), pilot::VALUE_MEASURED, |p| {
        p.answers().flag(pilot::VALUE_MEASURED) == Some(false)
    });
    let count = unmeasured.len();
    (count > 0).then(|| Detected::new(unmeasured).with("count", &count))
}
