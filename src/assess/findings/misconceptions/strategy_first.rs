//! `strategy-first`: the strategy must be finished before anything is built.

use super::super::logic::Tri;
use super::super::{Context, Detected, Detector, PilotSet};
use super::misconception;
use crate::derive::evidence::Evidence;
use crate::load::questionnaire::format::{path, PILOTS};
use crate::vocabulary::{FindingId, Policy};

pub(crate) const DETECTOR: Detector = Detector {
    id: FindingId::StrategyFirst,
    reads: &[
        path::BELIEFS_STRATEGY_BEFORE_IMPLEMENTATION,
        path::STRATEGY_ROADMAP_STATUS,
    ],
    reads_of_pilots: &[],
    pilot_set: PilotSet::Started,
    trigger: "Leadership agrees with the statement, or: the roadmap is draft or approved and no pilot has started (stage pilot, production or scaled).",
    detect,
};

fn detect(cx: &Context<'_>) -> Option<Detected> {
    misconception(
        cx,
        path::BELIEFS_STRATEGY_BEFORE_IMPLEMENTATION,
        behavior(cx),
    )
}

/// A roadmap is drafted or approved, and no pilot has started.
fn behavior(cx: &Context<'_>) -> Option<Detected> {
    let status: Option<Policy> = cx.facts.answers().choice_of(path::STRATEGY_ROADMAP_STATUS);
    let has_roadmap = Tri::of(status.map(|s| s != Policy::None));
    let started = cx.facts.started_pilots();
    let none_started = Tri::of(started.as_ref().map(Vec::is_empty));
    if !has_roadmap.and(none_started).is_true() {
        return None;
    }
    let mut evidence: Vec<Evidence> = cx
        .facts
        .evidence(path::STRATEGY_ROADMAP_STATUS)
        .into_iter()
        .collect();
    if let Some(list) = cx.facts.questionnaire.list(PILOTS) {
        let ideas = cx.facts.pilots.iter().flatten().count();
        let what = if ideas == 0 {
            "no pilots"
        } else {
            "no pilot started"
        };
        evidence.push(Evidence::answer(PILOTS, what, list.at.line));
    }
    Some(Detected::new(evidence).with("roadmap", &status.map_or("", Into::into)))
}
