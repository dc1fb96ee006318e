//! `overwhelmed`: many open options and no ranking to choose among them.

use super::super::{Context, Detected, Detector, PilotSet};
use crate::load::questionnaire::format::path;
use crate::vocabulary::{FindingId, Priorities};

pub(crate) const DETECTOR: Detector = Detector {
    id: FindingId::Overwhelmed,
    reads: &[path::STRATEGY_OPEN_OPTIONS, path::STRATEGY_PRIORITIES],
    reads_of_pilots: &[],
    pilot_set: PilotSet::Started,
    trigger: "strategy.open_options is {overwhelmed_open_options} or more and strategy.priorities is not ranked.",
    detect,
};

fn detect(cx: &Context<'_>) -> Option<Detected> {
    let answers = cx.facts.answers();
    let min_options = cx.rubric.thresholds.overwhelmed_open_options;
    let open = answers.integer(path::STRATEGY_OPEN_OPTIONS)?;
    let priorities: Priorities = answers.choice_of(path::STRATEGY_PRIORITIES)?;
    if open < min_options || priorities == Priorities::Ranked {
        return None;
    }
    let evidence = [path::STRATEGY_OPEN_OPTIONS, path::STRATEGY_PRIORITIES]
        .into_iter()
        .filter_map(|p| cx.facts.evidence(p))
        .collect();
    Some(
        Detected::new(evidence)
            .with("open_options", &open)
            .with("min_options", &min_options),
    )
}
