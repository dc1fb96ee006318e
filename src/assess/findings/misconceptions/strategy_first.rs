//! `strategy-first`: the strategy must be finished before anything is built.

use super::super::logic::Tri;
use super::super::{Context, Detected, Detector};
use super::{misconception, pilots};
use crate::derive::evidence::Evidence;
use crate::load::questionnaire::format::{path, pilot, PILOTS};
use crate::vocabulary::{FindingId, Policy, Stage};

pub(crate) const DETECTOR: Detector = Detector {
    id: FindingId::StrategyFirst,
    reads: &[
        path::BELIEFS_STRATEGY_BEFORE_IMPLEMENTATION,
        path::STRATEGY_ROADMAP_STATUS,
    ],
    reads_of_pilots: &[],
    trigger: "Leadership agrees with the statement, or: the roadmap is draft or approved and no pilot has reached stage pilot or later.",
    detect,
};

fn detect(cx: &Context<'_>) -> Option<Detected> {
    misconception(
        cx,
        path::BELIEFS_STRATEGY_BEFORE_IMPLEMENTATION,
        behavior(cx),
    )
}

/// A roadmap is drafted or approved, and no pilot has reached stage `pilot` or later.
fn behavior(cx: &Context<'_>) -> Option<Vec<Evidence>> {
    let status = cx.facts.answers().choice_of(path::STRATEGY_ROADMAP_STATUS);
    let has_roadmap = Tri::of(status.map(|s: Policy| s != Policy::None));
    let pilots = pilots(cx);
    let none_started = Tri::of(
        pilots
            .as_ref()
            .map(|p| p.iter().all(|p| p.stage == Stage::Idea)),
    );
    if !has_roadmap.and(none_started).is_true() {
        return None;
    }
    let mut evidence: Vec<Evidence> = cx
        .facts
        .evidence(path::STRATEGY_ROADMAP_STATUS)
        .into_iter()
        .collect();
    let pilots = pilots.unwrap_or_default();
    if pilots.is_empty() {
        evidence.extend(
            cx.facts
                .questionnaire
                .list(PILOTS)
                .map(|l| Evidence::answer(PILOTS, "no pilots", l.at.line)),
        );
    }
    evidence.extend(pilots.iter().map(|p| p.field_evidence(pilot::STAGE)));
    Some(evidence)
}
