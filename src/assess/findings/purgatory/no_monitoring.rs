//! `no-monitoring`: a live system that nobody watches.

use super::super::{Context, Detected, Detector};
use super::{live, matching};
use crate::load::questionnaire::format::{path, pilot};
use crate::vocabulary::{FindingId, Monitoring};

pub(crate) const DETECTOR: Detector = Detector {
    id: FindingId::NoMonitoring,
    reads: &[path::IMPLEMENTATION_MLOPS_MONITORING],
    reads_of_pilots: &[pilot::MONITORING],
    trigger: "A pilot in production or scaled has monitoring: none, or implementation.mlops.monitoring is false while any pilot is live.",
    detect,
};

fn detect(cx: &Context<'_>) -> Option<Detected> {
    let live = live(cx);
    let mut unmonitored = matching(&live, pilot::MONITORING, |p| {
        p.answers().choice_of(pilot::MONITORING) == Some(Monitoring::None)
    });
    let count = unmonitored.len();
    let no_practice = cx
        .facts
        .answers()
        .flag(path::IMPLEMENTATION_MLOPS_MONITORING)
        == Some(false);
    if !live.is_empty() && no_practice {
        unmonitored.extend(cx.facts.evidence(path::IMPLEMENTATION_MLOPS_MONITORING));
        unmonitored.extend(live.iter().map(|p| p.field_evidence(pilot::STAGE)));
    }
    (!unmonitored.is_empty()).then(|| Detected::new(unmonitored).with("count", &count))
}
