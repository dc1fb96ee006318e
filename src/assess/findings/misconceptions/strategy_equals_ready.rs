//! `strategy-equals-ready`: a strategy on paper means the organization is ready.

use super::super::logic::Tri;
use super::super::{Context, Detected, Detector, PilotSet};
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
        path::STRATEGY_INVESTMENT_AREAS,
    ],
    reads_of_pilots: &[],
    pilot_set: PilotSet::Started,
    trigger: "Leadership agrees with the statement, or: strategy scores {strategy_equals_ready_strategy} or more, data.architecture is legacy, data.quality is poor or infrastructure.production_ready is false, and investment.areas names neither data nor cloud.",
    detect,
};

/// The investment areas that would pay for the gap.
const AREAS_THAT_CLOSE_THE_GAP: [&str; 2] = ["data", "cloud"];

fn detect(cx: &Context<'_>) -> Option<Detected> {
    let min_strategy = cx.rubric.thresholds.strategy_equals_ready_strategy;
    misconception(cx, path::BELIEFS_STRATEGY_MEANS_READY, behavior(cx))
        .map(|d| d.with("min_strategy", &min_strategy))
}

/// Strategy is strong, the data or infrastructure is not ready, and the
/// plan does not pay to make it ready.
fn behavior(cx: &Context<'_>) -> Option<Detected> {
    let min_strategy = cx.rubric.thresholds.strategy_equals_ready_strategy;
    let answers = cx.facts.answers();
    let gaps = [
        (
            path::IMPLEMENTATION_DATA_ARCHITECTURE,
            "a legacy data architecture",
            answers
                .choice_of(path::IMPLEMENTATION_DATA_ARCHITECTURE)
                .map(|a: DataArchitecture| a == DataArchitecture::Legacy),
        ),
        (
            path::IMPLEMENTATION_DATA_QUALITY,
            "poor data quality",
            answers
                .choice_of(path::IMPLEMENTATION_DATA_QUALITY)
                .map(|q: DataQuality| q == DataQuality::Poor),
        ),
        (
            path::IMPLEMENTATION_INFRASTRUCTURE_PRODUCTION_READY,
            "infrastructure that cannot carry production load",
            answers
                .flag(path::IMPLEMENTATION_INFRASTRUCTURE_PRODUCTION_READY)
                .map(|ready| !ready),
        ),
    ];
    let any_gap = Tri::any(gaps.iter().map(|(_, _, gap)| Tri::of(*gap)));
    let unfunded = Tri::of(
        answers
            .words(path::STRATEGY_INVESTMENT_AREAS)
            .map(|areas| !areas.iter().any(|a| AREAS_THAT_CLOSE_THE_GAP.contains(a))),
    );
    let strong = Context::at_least(&cx.strategy, min_strategy);
    if !strong.and(any_gap).and(unfunded).is_true() {
        return None;
    }
    let strategy = cx.strategy.effective();
    let mut evidence = vec![Evidence::score(Side::Strategy, strategy)];
    let mut named = Vec::new();
    for (path, words, gap) in gaps {
        if gap == Some(true) {
            evidence.extend(cx.facts.evidence(path));
            named.push(words);
        }
    }
    evidence.extend(cx.facts.evidence(path::STRATEGY_INVESTMENT_AREAS));
    Some(
        Detected::new(evidence)
            .with("strategy", &format_args!("{strategy:.1}"))
            .with("gaps", &crate::text::names(named.into_iter())),
    )
}
