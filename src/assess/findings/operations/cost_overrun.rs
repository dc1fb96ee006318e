//! `cost-overrun`: a started pilot that costs well above its plan.

use super::super::{Context, Detected, Detector, PilotSet};
use crate::assess::findings::matching;
use crate::load::questionnaire::format::pilot;
use crate::load::questionnaire::format_number;
use crate::vocabulary::FindingId;

pub(crate) const DETECTOR: Detector = Detector {
    id: FindingId::CostOverrun,
    reads: &[],
    reads_of_pilots: &[pilot::COST_VS_PLAN],
    pilot_set: PilotSet::Started,
    trigger:
        "A pilot at stage pilot, production or scaled has cost_vs_plan above {cost_overrun_ratio}.",
    detect,
};

fn detect(cx: &Context<'_>) -> Option<Detected> {
    let ratio = cx.rubric.thresholds.cost_overrun_ratio;
    let started = cx.facts.started_pilots().unwrap_or_default();
    // Compared as written: 1.25 is not above 1.25.
    let (over, evidence) = matching(&started, pilot::COST_VS_PLAN, |p| {
        p.answers()
            .number(pilot::COST_VS_PLAN)
            .is_some_and(|r| r > ratio)
    });
    (!over.is_empty()).then(|| {
        Detected::new(evidence)
            .naming(&over)
            .with("ratio", &format_number(ratio))
    })
}
