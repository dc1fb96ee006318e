//! The four misconceptions: each stated by leadership (`beliefs`), shown in
//! practice by the answers, or both.

use super::logic::Tri;
use super::{Detected, SideScores, Source};
use crate::evidence::Evidence;
use crate::facts::{Facts, Pilot};
use crate::rubric::Rubric;

pub(super) fn detect(facts: &Facts<'_>, rubric: &Rubric, scores: SideScores) -> Vec<Detected> {
    [
        (
            "strategy-first",
            "beliefs.strategy_before_implementation",
            strategy_first(facts),
        ),
        (
            "it-only",
            "beliefs.implementation_is_it_only",
            it_only(facts),
        ),
        (
            "strategy-equals-ready",
            "beliefs.strategy_means_ready",
            strategy_equals_ready(facts, rubric, scores),
        ),
        (
            "one-time-cost",
            "beliefs.implementation_one_time_cost",
            one_time_cost(facts),
        ),
    ]
    .into_iter()
    .filter_map(|(id, belief_path, behavior)| {
        let believed = facts.answers().choice(belief_path) == Some("agree");
        let source = match (believed, behavior.is_some()) {
            (true, true) => Source::Both,
            (true, false) => Source::Belief,
            (false, true) => Source::Behavior,
            (false, false) => return None,
        };
        let mut evidence: Vec<Evidence> = Vec::new();
        if believed {
            evidence.extend(facts.evidence(belief_path));
        }
        evidence.extend(behavior.unwrap_or_default());
        let mut detected = Detected::new(id, evidence);
        if id == "strategy-equals-ready" {
            detected = detected.with(
                "min_strategy",
                rubric.thresholds.strategy_equals_ready_strategy,
            );
        }
        detected.source = Some(source);
        Some(detected)
    })
    .collect()
}

fn pilots<'a>(facts: &'a Facts<'_>) -> Option<Vec<&'a Pilot<'a>>> {
    facts.counted_pilots().map(std::iter::Iterator::collect)
}

/// A roadmap is drafted or approved, and no pilot has reached stage `pilot` or later.
fn strategy_first(facts: &Facts<'_>) -> Option<Vec<Evidence>> {
    let status = facts.answers().choice("strategy.roadmap.status");
    let has_roadmap = Tri::of(status.map(|s| s == "draft" || s == "approved"));
    let pilots = pilots(facts);
    let none_started = Tri::of(
        pilots
            .as_ref()
            .map(|p| p.iter().all(|p| p.stage == crate::facts::Stage::Idea)),
    );
    if !has_roadmap.and(none_started).is_true() {
        return None;
    }
    let mut evidence: Vec<Evidence> = facts
        .evidence("strategy.roadmap.status")
        .into_iter()
        .collect();
    let pilots = pilots.unwrap_or_default();
    if pilots.is_empty() {
        evidence.extend(
            facts
                .questionnaire
                .list(crate::questionnaire::format::PILOTS)
                .map(|l| {
                    Evidence::answer(crate::questionnaire::format::PILOTS, "no pilots", l.at.line)
                }),
        );
    }
    evidence.extend(pilots.iter().map(|p| p.field_evidence("stage")));
    Some(evidence)
}

/// A pilot is active or live, and neither HR nor department heads take part.
fn it_only(facts: &Facts<'_>) -> Option<Vec<Evidence>> {
    let pilots = pilots(facts)?;
    let in_play: Vec<&&Pilot<'_>> = pilots
        .iter()
        .filter(|p| p.is_active() || p.is_live())
        .collect();
    let answers = facts.answers();
    let without = |path| Tri::of(answers.flag(path).map(|b| !b));
    let trigger = Tri::of(Some(!in_play.is_empty()))
        .and(without("implementation.change_management.hr"))
        .and(without("implementation.change_management.department_heads"));
    if !trigger.is_true() {
        return None;
    }
    let mut evidence: Vec<Evidence> = in_play.iter().map(|p| p.field_evidence("stage")).collect();
    evidence.extend(facts.evidence("implementation.change_management.hr"));
    evidence.extend(facts.evidence("implementation.change_management.department_heads"));
    Some(evidence)
}

/// Strategy is strong, and the data or infrastructure is not ready.
fn strategy_equals_ready(
    facts: &Facts<'_>,
    rubric: &Rubric,
    scores: SideScores,
) -> Option<Vec<Evidence>> {
    if scores.strategy < rubric.thresholds.strategy_equals_ready_strategy {
        return None;
    }
    let answers = facts.answers();
    let gaps: Vec<Evidence> = [
        (
            "implementation.data.architecture",
            answers.choice("implementation.data.architecture") == Some("legacy"),
        ),
        (
            "implementation.data.quality",
            answers.choice("implementation.data.quality") == Some("poor"),
        ),
        (
            "implementation.infrastructure.production_ready",
            answers.flag("implementation.infrastructure.production_ready") == Some(false),
        ),
    ]
    .into_iter()
    .filter(|(_, gap)| *gap)
    .filter_map(|(path, _)| facts.evidence(path))
    .collect();
    if gaps.is_empty() {
        return None;
    }
    let mut evidence = vec![Evidence::score("scores.strategy", scores.strategy)];
    evidence.extend(gaps);
    Some(evidence)
}

/// A pilot is live, and its upkeep is not funded or not done.
fn one_time_cost(facts: &Facts<'_>) -> Option<Vec<Evidence>> {
    let pilots = pilots(facts)?;
    let live: Vec<&&Pilot<'_>> = pilots.iter().filter(|p| p.is_live()).collect();
    if live.is_empty() {
        return None;
    }
    let mut evidence = Vec::new();
    if facts
        .answers()
        .flag("implementation.spend.recurring_budget")
        == Some(false)
    {
        evidence.extend(facts.evidence("implementation.spend.recurring_budget"));
    }
    for pilot in &live {
        for key in ["monitoring", "retraining"] {
            if pilot.answers().choice(key) == Some("none") {
                evidence.push(pilot.field_evidence(key));
            }
        }
    }
    (!evidence.is_empty()).then_some(evidence)
}
