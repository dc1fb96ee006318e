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
}

const fn spec(id: &'static str, kind: FindingKind, vars: &'static [&'static str]) -> FindingSpec {
    FindingSpec { id, kind, vars }
}

use FindingKind::{Misconception, Other, Purgatory};

/// Every finding, in the order the report lists them within a severity.
pub const CATALOG: &[FindingSpec] = &[
    spec("no-production", Purgatory, &["active", "min_active"]),
    spec("stale-pilot", Purgatory, &["count", "days"]),
    spec("laptop-bound", Purgatory, &["count"]),
    spec("no-monitoring", Purgatory, &["count"]),
    spec("unmeasured-value", Purgatory, &["count"]),
    spec("cost-overrun", Purgatory, &["count", "ratio"]),
    spec("infrastructure-gap", Purgatory, &[]),
    spec("no-adoption", Purgatory, &[]),
    spec(
        "plan-without-results",
        Purgatory,
        &[
            "strategy",
            "implementation",
            "min_strategy",
            "max_implementation",
        ],
    ),
    spec("strategy-first", Misconception, &[]),
    spec("it-only", Misconception, &[]),
    spec("strategy-equals-ready", Misconception, &["min_strategy"]),
    spec("one-time-cost", Misconception, &[]),
    spec("overwhelmed", Other, &["open_options", "min_options"]),
    spec("shadow-ai", Other, &[]),
    spec("tension.experimentation", Other, &["value"]),
    spec("tension.adoption", Other, &["value"]),
    spec("tension.focus", Other, &["value"]),
    spec("tension.goals", Other, &["value"]),
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
        match after.find('}') {
            Some(close) => {
                let name = &after[..close];
                match vars.iter().find(|(n, _)| *n == name) {
                    Some((_, value)) => out.push_str(value),
                    None => out.push_str(&rest[open..open + close + 2]),
                }
                rest = &after[close + 1..];
            }
            None => {
                out.push_str(&rest[open..]);
                rest = "";
            }
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
