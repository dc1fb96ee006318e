//! The findings the tool knows how to detect: their ids, kinds, and the
//! variables their texts may use. The detection logic is Rust; the words and
//! severities come from the rubric, which must give texts for exactly these.

use serde::Serialize;

/// Which family a finding belongs to, as the JSON report names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum FindingKind {
    Purgatory,
    Misconception,
    Other,
}

/// One finding the tool can detect.
#[derive(Debug, Clone, Copy)]
pub struct FindingSpec {
    pub id: &'static str,
    pub kind: FindingKind,
    /// The `{name}` variables its message and remedy may use.
    pub vars: &'static [&'static str],
    /// What makes it fire, in words; `{threshold}` names are the rubric's.
    pub trigger: &'static str,
}

const fn spec(
    id: &'static str,
    kind: FindingKind,
    vars: &'static [&'static str],
    trigger: &'static str,
) -> FindingSpec {
    FindingSpec {
        id,
        kind,
        vars,
        trigger,
    }
}

use FindingKind::{Misconception, Other, Purgatory};

/// Every finding, in the order the report lists them within a severity.
pub const CATALOG: &[FindingSpec] = &[
    spec("no-production", Purgatory, &["active", "min_active"], "{no_production_min_active} or more pilots are at stage pilot and none is in production or scaled."),
    spec("stale-pilot", Purgatory, &["count", "days"], "A pilot at stage pilot started {stale_pilot_days} days or more before the assessment date."),
    spec("laptop-bound", Purgatory, &["count"], "A pilot at stage pilot, production or scaled runs with environment: laptop."),
    spec("no-monitoring", Purgatory, &["count"], "A pilot in production or scaled has monitoring: none, or implementation.mlops.monitoring is false while any pilot is live."),
    spec("unmeasured-value", Purgatory, &["count"], "A pilot at stage pilot, production or scaled has value_measured: false."),
    spec("cost-overrun", Purgatory, &["count", "ratio"], "A pilot at stage pilot, production or scaled has cost_vs_plan above {cost_overrun_ratio}."),
    spec("infrastructure-gap", Purgatory, &[], "A pilot is at stage pilot, and infrastructure.production_ready is false or data.architecture is legacy."),
    spec("no-adoption", Purgatory, &[], "A pilot in production or scaled has users: 0, or change_management.adoption_tracked is false while any pilot is live."),
    spec(
        "plan-without-results",
        Purgatory,
        &[
            "strategy",
            "implementation",
            "min_strategy",
            "max_implementation",
        ],
        "Strategy scores {plan_without_results_strategy} or more and implementation below {plan_without_results_implementation}.",
    ),
    spec("strategy-first", Misconception, &[], "Leadership agrees with the statement, or: the roadmap is draft or approved and no pilot has reached stage pilot or later."),
    spec("it-only", Misconception, &[], "Leadership agrees with the statement, or: a pilot is active or live and neither HR nor department heads take part in change management."),
    spec("strategy-equals-ready", Misconception, &["min_strategy"], "Leadership agrees with the statement, or: strategy scores {strategy_equals_ready_strategy} or more while data.architecture is legacy, data.quality is poor or infrastructure.production_ready is false."),
    spec("one-time-cost", Misconception, &[], "Leadership agrees with the statement, or: a pilot is live and spend.recurring_budget is false, or a live pilot has monitoring: none or retraining: none."),
    spec("overwhelmed", Other, &["open_options", "min_options"], "strategy.open_options is {overwhelmed_open_options} or more and strategy.priorities is not ranked."),
    spec("shadow-ai", Other, &[], "operating_model.adoption is 1 or 2 (bottom-up) and policies.acceptable_use is none."),
    spec("tension.experimentation", Other, &["value"], "operating_model.experimentation is 1 (learning without control) or 5 (control without learning)."),
    spec("tension.adoption", Other, &["value"], "operating_model.adoption is 1 (bottom-up only) or 5 (top-down only)."),
    spec("tension.focus", Other, &["value"], "operating_model.focus is 1 (execution without governance) or 5 (governance that stalls output)."),
    spec("tension.goals", Other, &["value"], "operating_model.goals is 1 or 2 (isolated team goals)."),
];

/// The focus sentences: which branch of the focus rule decided, and the
/// variables its sentence may use.
pub const FOCUS_REASONS: &[(&str, &[&str])] = &[
    ("overwhelmed", &["open_options"]),
    ("stuck", &["signals", "strategy"]),
    ("unused-tools", &["strategy", "implementation"]),
    ("slide-deck", &["strategy", "implementation"]),
    ("early", &["strategy", "implementation"]),
    ("aligned", &["strategy", "implementation"]),
];

/// The quadrant ids.
pub const QUADRANTS: &[&str] = &["aligned", "slide-deck", "unused-tools", "early"];

pub fn spec_of(id: &str) -> Option<&'static FindingSpec> {
    CATALOG.iter().find(|s| s.id == id)
}

/// Fills `{name}` placeholders from `vars`; unknown names are left as written
/// (the rubric check refuses them before any text is filled).
pub fn fill(template: &str, vars: &[(&str, String)]) -> String {
    let mut out = String::with_capacity(template.len());
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        if let Some(close) = after.find('}') {
            let name = &after[..close];
            match vars.iter().find(|(n, _)| *n == name) {
                Some((_, value)) => out.push_str(value),
                None => out.push_str(&rest[open..open + close + 2]),
            }
            rest = &after[close + 1..];
        } else {
            out.push_str(&rest[open..]);
            rest = "";
        }
    }
    out.push_str(rest);
    out
}

/// The `{name}` placeholders a template uses.
pub fn placeholders(template: &str) -> Vec<&str> {
    let mut names = Vec::new();
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        let after = &rest[open + 1..];
        let Some(close) = after.find('}') else { break };
        names.push(&after[..close]);
        rest = &after[close + 1..];
    }
    names
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fills_known_placeholders_only() {
        let vars = [("count", "3".to_owned())];
        assert_eq!(fill("{count} pilots, {other}", &vars), "3 pilots, {other}");
        assert_eq!(placeholders("a {x} b {y}"), ["x", "y"]);
        assert_eq!(fill("no braces", &vars), "no braces");
        assert_eq!(fill("open { only", &vars), "open { only");
    }
}
