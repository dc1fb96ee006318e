//! `strategy-equals-ready`: a strategy on paper means the organization is ready.

use super::super::{Context, Detected, Detector};
use super::misconception;
use crate::derive::evidence::Evidence;
use crate::load::questionnaire::format::path;
use crate::vocabulary::{DataArchitecture, DataQuality, FindingId, Side};

pub(crate) const DETECTOR: Detector = Detector {
    id: FindingId::StrategyEqualsReady,
    reads: &[
        path::BELIEFS_STRATEGY_MEANS_READY,
        path::IMPLEMENTATION_DATA_ARCHITECTURE,
        path::IMPLEMENTATION_DATA_QUALITY,
        path::IMPLEMENTATION_INFRASTRUCTURE_PRODUCTION_READY,
    ],
    reads_of_pilots: &[],
    trigger: "Leadership agrees with the statement, or: strategy scores {strategy_equals_ready_strategy} or more while data.architecture is legacy, data.quality is poor or infrastructure.production_ready is false.",
    detect,
};

fn detect(cx: &Context<'_>) -> Option<Detected> {
    let min_strategy = cx.rubric.thresholds.strategy_equals_ready_strategy;
    misconception(cx, path::BELIEFS_STRATEGY_MEANS_READY, behavior(cx))
        .map(|d| d.with("min_strategy", &min_strategy))
}

/// Strategy is strong, and the data or infrastructure is not ready.
fn behavior(cx: &Context<'_>) -> Option<Vec<Evidence>> {
    let strategy = cx.scores.strategy;
    if strategy < cx.rubric.thresholds.strategy_equals_ready_strategy {
        return None;
    }
    let answers = cx.facts.answers();
    let gaps: Vec<Evidence> = [
        (
            path::IMPLEMENTATION_DATA_ARCHITECTURE,
            answers.choice_of(path::IMPLEMENTATION_DATA_ARCHITECTURE)
                == Some(DataArchitecture::Legacy),
        ),
        (
            path::IMPLEMENTATION_DATA_QUALITY,
            answers.choice_of(path::IMPLEMENTATION_DATA_QUALITY) == Some(DataQuality::Poor),
        ),
        (
            path::IMPLEMENTATION_INFRASTRUCTURE_PRODUCTION_READY,
            answers.flag(path::IMPLEMENTATION_INFRASTRUCTURE_PRODUCTION_READY) == Some(false),
        ),
    ]
    .into_iter()
    .filter(|(_, gap)| *gap)
    .filter_map(|(path, _)| cx.facts.evidence(path))
    .collect();
    if gaps.is_empty() {
        return None;
    }
    let mut evidence = vec![Evidence::score(Side::Strategy, strategy)];
    evidence.extend(gaps);
    Some(evidence)
}
