//! `unproven-pilot`: a pilot that does not measure the value it should prove.

use super::super::{Context, Detected, Detector, PilotSet};
use crate::assess::findings::matching;
use crate::load::questionnaire::format::pilot;
use crate::vocabulary::FindingId;

pub(crate) const DETECTOR: Detector = Detector {
    id: FindingId::UnprovenPilot,
    reads: &[],
    reads_of_pilots: &[pilot::VALUE_MEASURED],
    pilot_set: PilotSet::Active,
    trigger: "A pilot at stage pilot has value_measured: false.",
    detect,
};

fn detect(cx: &Context<'_>) -> Option<Detected> {
    let (unproven, evidence) = matching(&cx.facts.active_pilots(), pilot::VALUE_MEASURED, |p| {
        p.answers().flag(pilot::VALUE_MEASURED) == Some(false)
    });
    (!unproven.is_empty()).then(|| Detected::new(evidence).naming(&unproven))
}
