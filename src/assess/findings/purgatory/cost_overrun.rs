//! `cost-overrun`: a pilot that costs well above its plan.

use super::super::{Context, Detected, Detector};
use super::{in_play, matching};
use crate::load::questionnaire::format::pilot;
use crate::load::questionnaire::format_number;
use crate::vocabulary::FindingId;

pub(crate) const DETECTOR: Detector = Detector {
    id: FindingId::CostOverrun,
    reads: &[],
    reads_of_pilots: &[pilot::COST_VS_PLAN],
    trigger:
        "A pilot at stage pilot, production or scaled has cost_vs_plan above {cost_overrun_ratio}.",
    detect,
};

fn detect(cx: &Context<'_>) -> Option<Detected> {
    let ratio = cx.rubric.thresholds.cost_overrun_ratio;
    let over = matching(&in_play(cx), pilot::COST_VS_PLAN, |p| {
        p.answers()
            .number(pilot::COST_VS_PLAN)
            .is_some_and(|r| r > ratio)
    });
    let count = over.len();
    (count > 0).then(|| {
        Detected::new(over)
            .with("count", &count)
            .with("ratio", &format_number(ratio))
    })
}
