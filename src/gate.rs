//! Gates for CI: thresholds on the scores and on what fired, checked against
//! the full assessment whatever the output shows. A failed gate means exit 1,
//! with the report still printed and the failed checks listed in it.

use crate::assessment::{Assessment, Gate, GateCheck};
use crate::findings::PurgatoryStatus;
use crate::rubric::Severity;
use serde_json::json;

/// What `--fail-on` fails on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum FailOn {
    /// Purgatory status is `stuck`
    Purgatory,
    /// A critical finding fired
    Critical,
    /// A warning or critical finding fired
    Warning,
}

/// The gates that were set; all `None` means no gate.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Gates {
    pub fail_under: Option<f64>,
    pub min_strategy: Option<f64>,
    pub min_implementation: Option<f64>,
    pub min_completeness: Option<f64>,
    pub fail_on: Option<FailOn>,
}

impl Gates {
    /// Checks every gate that was set; `None` when none was.
    pub fn check(&self, a: &Assessment) -> Option<Gate> {
        let mut checks = Vec::new();
        for (name, threshold, actual) in [
            ("fail_under", self.fail_under, a.scores.overall),
            ("min_strategy", self.min_strategy, a.scores.strategy),
            (
                "min_implementation",
                self.min_implementation,
                a.scores.implementation,
            ),
            (
                "min_completeness",
                self.min_completeness,
                a.scores.completeness,
            ),
        ] {
            if let Some(threshold) = threshold {
                checks.push(GateCheck {
                    name: name.to_owned(),
                    threshold: json!(threshold),
                    actual: json!(actual),
                    passed: actual >= threshold,
                });
            }
        }
        if let Some(fail_on) = self.fail_on {
            checks.push(fail_on_check(fail_on, a));
        }
        (!checks.is_empty()).then(|| Gate {
            passed: checks.iter().all(|c| c.passed),
            checks,
        })
    }
}

fn fail_on_check(fail_on: FailOn, a: &Assessment) -> GateCheck {
    let worst = a.findings.iter().map(|f| f.severity).max();
    let (threshold, actual, passed) = match fail_on {
        FailOn::Purgatory => (
            "purgatory",
            a.purgatory.status.word(),
            a.purgatory.status != PurgatoryStatus::Stuck,
        ),
        FailOn::Critical => (
            "critical",
            worst.map_or("none", Severity::word),
            worst < Some(Severity::Critical),
        ),
        FailOn::Warning => (
            "warning",
            worst.map_or("none", Severity::word),
            worst < Some(Severity::Warning),
        ),
    };
    GateCheck {
        name: "fail_on".to_owned(),
        threshold: json!(threshold),
        actual: json!(actual),
        passed,
    }
}

/// A failed check in words: `overall 33.7 is below 60`.
pub fn describe(check: &GateCheck) -> String {
    let subject = match check.name.as_str() {
        "fail_under" => "overall",
        "min_strategy" => "strategy",
        "min_implementation" => "implementation",
        "min_completeness" => "completeness",
        _ => "",
    };
    let (actual, threshold) = (plain(&check.actual), plain(&check.threshold));
    match (check.name.as_str(), check.passed) {
        ("fail_on", _) if threshold == "purgatory" => {
            format!("purgatory status is {actual} (fails when stuck)")
        }
        ("fail_on", _) => {
            format!("the most severe finding is {actual} (fails on {threshold} or worse)")
        }
        (_, true) => format!("{subject} {actual} is at least {threshold}"),
        (_, false) => format!("{subject} {actual} is below {threshold}"),
    }
}

fn plain(value: &serde_json::Value) -> String {
    match value {
        serde_json::Value::String(s) => s.clone(),
        serde_json::Value::Number(n) => n
            .as_f64()
            .map_or_else(|| n.to_string(), |x| format!("{x:.1}")),
        other => other.to_string(),
    }
}
