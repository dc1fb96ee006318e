//! `unmeasured-value`: a live system whose business value nobody measures.

use super::super::{Context, Detected, Detector, PilotSet};
use crate::assess::findings::matching;
use crate::load::questionnaire::format::pilot;
use crate::vocabulary::FindingId;

pub(crate) const DETECTOR: Detector = Detector {
    id: FindingId::UnmeasuredValue,
    reads: &[],
    reads_of_pilots: &[pilot::VALUE_MEASURED],
    pilot_set: PilotSet::Live,
    trigger: "A pilot in production or scaled has value_measured: false.",
    detect,
};

fn detect(cx: &Context<'_>) -> Option<Detected> {
    let (unmeasured, evidence) = matching(&cx.facts.live_pilots(), pilot::VALUE_MEASURED, |p| {
        p.answers().flag(pilot::VALUE_MEASURED) == Some(false)
    });
    (!unmeasured.is_empty()).then(|| Detected::new(evidence).naming(&unmeasured))
}
