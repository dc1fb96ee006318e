//! Pilot purgatory: the signals that pilots are not reaching production, and
//! the status they add up to.

use super::logic::Tri;
use super::{Detected, Finding, FindingKind, SideScores};
use crate::evidence::Evidence;
use crate::facts::{Facts, Pilot};
use crate::questionnaire::format_number;
use crate::rubric::Rubric;
use serde::Serialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum PurgatoryStatus {
    Stuck,
    AtRisk,
    None,
}

impl PurgatoryStatus {
    pub fn word(self) -> &'static str {
        match self {
            PurgatoryStatus::Stuck => "stuck",
            PurgatoryStatus::AtRisk => "at-risk",
            PurgatoryStatus::None => "none",
        }
    }
}

/// `stuck` when `no-production` or `stale-pilot` fired and enough signals
/// fired in all; `at-risk` when any fired; `none` otherwise.
pub fn status(findings: &[Finding], rubric: &Rubric) -> (PurgatoryStatus, Vec<&'static str>) {
    let signals: Vec<&'static str> = super::catalog::CATALOG
        .iter()
        .filter(|s| s.kind == FindingKind::Purgatory)
        .filter(|s| findings.iter().any(|f| f.id == s.id))
        .map(|s| s.id)
        .collect();
    let stuck_signal = signals
        .iter()
        .any(|s| *s == "no-production" || *s == "stale-pilot");
    let status = if stuck_signal && signals.len() >= rubric.thresholds.stuck_min_signals {
        PurgatoryStatus::Stuck
    } else if signals.is_empty() {
        PurgatoryStatus::None
    } else {
        PurgatoryStatus::AtRisk
    };
    (status, signals)
}

#[allow(clippy::too_many_lines)] // split one finding per function next
pub(super) fn detect(facts: &Facts<'_>, rubric: &Rubric, scores: SideScores) -> Vec<Detected> {
    let t = &rubric.thresholds;
    let answers = facts.answers();
    let pilots: Vec<&Pilot<'_>> = facts
        .counted_pilots()
        .map(std::iter::Iterator::collect)
        .unwrap_or_default();
    let known = facts.pilots.is_some();
    let active: Vec<&Pilot<'_>> = pilots.iter().copied().filter(|p| p.is_active()).collect();
    let live: Vec<&Pilot<'_>> = pilots.iter().copied().filter(|p| p.is_live()).collect();
    let in_play: Vec<&Pilot<'_>> = pilots
        .iter()
        .copied()
        .filter(|p| p.is_active() || p.is_live())
        .collect();
    let mut out = Vec::new();

    // A left-out pilots list is unknown: no pilot trigger can be true.
    if known && active.len() >= t.no_production_min_active && live.is_empty() {
        let evidence = active.iter().map(|p| p.evidence("still a pilot")).collect();
        out.push(
            Detected::new("no-production", evidence)
                .with("active", active.len())
                .with("min_active", t.no_production_min_active),
        );
    }

    let stale: Vec<Evidence> = active
        .iter()
        .filter(|p| p.age_days.is_some_and(|d| d >= t.stale_pilot_days))
        .map(|p| p.evidence(&format!("running {} days", p.age_days.unwrap_or_default())))
        .collect();
    if !stale.is_empty() {
        let count = stale.len();
        out.push(
            Detected::new("stale-pilot", stale)
                .with("count", count)
                .with("days", t.stale_pilot_days),
        );
    }

    let laptop = matching(&in_play, "environment", |p| {
        p.answers().choice("environment") == Some("laptop")
    });
    if !laptop.is_empty() {
        let count = laptop.len();
        out.push(Detected::new("laptop-bound", laptop).with("count", count));
    }

    let mut unmonitored = matching(&live, "monitoring", |p| {
        p.answers().choice("monitoring") == Some("none")
    });
    let count = unmonitored.len();
    if !live.is_empty() && answers.flag("implementation.mlops.monitoring") == Some(false) {
        unmonitored.extend(facts.evidence("implementation.mlops.monitoring"));
        unmonitored.extend(live.iter().map(|p| p.field_evidence("stage")));
    }
    if !unmonitored.is_empty() {
        out.push(Detected::new("no-monitoring", unmonitored).with("count", count));
    }

    let unmeasured = matching(&in_play, "value_measured", |p| {
        p.answers().flag("value_measured") == Some(false)
    });
    if !unmeasured.is_empty() {
        let count = unmeasured.len();
        out.push(Detected::new("unmeasured-value", unmeasured).with("count", count));
    }

    let over = matching(&in_play, "cost_vs_plan", |p| {
        p.answers()
            .number("cost_vs_plan")
            .is_some_and(|r| r > t.cost_overrun_ratio)
    });
    if !over.is_empty() {
        let count = over.len();
        out.push(
            Detected::new("cost-overrun", over)
                .with("count", count)
                .with("ratio", format_number(t.cost_overrun_ratio)),
        );
    }

    if !active.is_empty() {
        let not_ready = Tri::of(
            answers
                .flag("implementation.infrastructure.production_ready")
                .map(|b| !b),
        );
        let legacy = Tri::of(
            answers
                .choice("implementation.data.architecture")
                .map(|a| a == "legacy"),
        );
        if not_ready.or(legacy).is_true() {
            let mut evidence: Vec<Evidence> =
                active.iter().map(|p| p.evidence("still a pilot")).collect();
            if not_ready.is_true() {
                evidence.extend(facts.evidence("implementation.infrastructure.production_ready"));
            }
            if legacy.is_true() {
                evidence.extend(facts.evidence("implementation.data.architecture"));
            }
            out.push(Detected::new("infrastructure-gap", evidence));
        }
    }

    let mut unused = matching(&live, "users", |p| p.answers().integer("users") == Some(0));
    if !live.is_empty()
        && answers.flag("implementation.change_management.adoption_tracked") == Some(false)
    {
        unused.extend(facts.evidence("implementation.change_management.adoption_tracked"));
        unused.extend(live.iter().map(|p| p.field_evidence("stage")));
    }
    if !unused.is_empty() {
        out.push(Detected::new("no-adoption", unused));
    }

    if scores.strategy >= t.plan_without_results_strategy
        && scores.implementation < t.plan_without_results_implementation
    {
        let evidence = vec![
            Evidence::score("scores.strategy", scores.strategy),
            Evidence::score("scores.implementation", scores.implementation),
        ];
        out.push(
            Detected::new("plan-without-results", evidence)
                .with("strategy", format!("{:.1}", scores.strategy))
                .with("implementation", format!("{:.1}", scores.implementation))
                .with("min_strategy", t.plan_without_results_strategy)
                .with("max_implementation", t.plan_without_results_implementation),
        );
    }
    out
}

/// Evidence for each pilot that meets `test`, citing the key it was judged on.
fn matching(
    pilots: &[&Pilot<'_>],
    key: &'static str,
    test: impl Fn(&Pilot<'_>) -> bool,
) -> Vec<Evidence> {
    pilots
        .iter()
        .filter(|p| test(p))
        .map(|p| p.field_evidence(key))
        .collect()
}
