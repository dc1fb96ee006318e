//! `plan-without-results`: a strong plan that delivery does not follow.

use super::super::{Context, Detected, Detector, PilotSet};
use crate::derive::evidence::Evidence;
use crate::vocabulary::{FindingId, Side};

pub(crate) const DETECTOR: Detector = Detector {
    id: FindingId::PlanWithoutResults,
    reads: &[],
    reads_of_pilots: &[],
    pilot_set: PilotSet::Started,
    trigger: "Strategy scores {plan_without_results_strategy} or more and implementation below {plan_without_results_implementation}, whatever the unanswered questions would add.",
    detect,
};

fn detect(cx: &Context<'_>) -> Option<Detected> {
    let t = &cx.rubric.thresholds;
    let strong = Context::at_least(&cx.strategy, t.plan_without_results_strategy);
    let weak = Context::below(&cx.implementation, t.plan_without_results_implementation);
    if !strong.and(weak).is_true() {
        return None;
    }
    let (strategy, implementation) = (cx.strategy.effective(), cx.implementation.effective());
    let evidence = vec![
        Evidence::score(Side::Strategy, strategy),
        Evidence::score(Side::Implementation, implementation),
    ];
    Some(
        Detected::new(evidence)
            .with("strategy", &format_args!("{strategy:.1}"))
            .with("implementation", &format_args!("{implementation:.1}"))
            .with("min_strategy", &t.plan_without_results_strategy)
            .with("max_implementation", &t.plan_without_results_implementation),
    )
}
