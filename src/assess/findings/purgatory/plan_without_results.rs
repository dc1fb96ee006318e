//! `plan-without-results`: a strong plan that delivery does not follow.

use super::super::{Context, Detected, Detector};
use crate::derive::evidence::Evidence;
use crate::vocabulary::{FindingId, Side};

pub(crate) const DETECTOR: Detector = Detector {
    id: FindingId::PlanWithoutResults,
    reads: &[],
    reads_of_pilots: &[],
    trigger: "Strategy scores {plan_without_results_strategy} or more and implementation below {plan_without_results_implementation}.",
    detect,
};

fn detect(cx: &Context<'_>) -> Option<Detected> {
    let t = &cx.rubric.thresholds;
    let scores = cx.scores;
    if !(scores.strategy >= t.plan_without_results_strategy
        && scores.implementation < t.plan_without_results_implementation)
    {
        return None;
    }
    let evidence = vec![
        Evidence::score(Side::Strategy, scores.strategy),
        Evidence::score(Side::Implementation, scores.implementation),
    ];
    Some(
        Detected::new(evidence)
            .with("strategy", &format_args!("{:.1}", scores.strategy))
            .with(
                "implementation",
                &format_args!("{:.1}", scores.implementation),
            )
            .with("min_strategy", &t.plan_without_results_strategy)
            .with("max_implementation", &t.plan_without_results_implementation),
    )
}
