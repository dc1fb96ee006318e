//! Gates for CI: thresholds on the scores and on what fired, checked against
//! the full assessment whatever the output shows. A failed gate means exit 1,
//! with the report still printed and the failed checks listed in it.

use crate::assessment::{Assessment, Gate, GateCheck};
use crate::vocabulary::{FailOn, PurgatoryStatus, ScoreGate, Severity, Word};

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
    /// Checks every gate that was set; `None` when none was. Score gates
    /// compare the low end of the score's range, so an unanswered question
    /// can never help a questionnaire pass.
    pub fn check(&self, a: &Assessment) -> Option<Gate> {
        let s = &a.scores;
        let mut checks: Vec<GateCheck> = [
            (
                ScoreGate::FailUnder,
                self.fail_under,
                s.range.overall[0],
                s.overall,
            ),
            (
                ScoreGate::MinStrategy,
                self.min_strategy,
                s.range.strategy[0],
                s.strategy,
            ),
            (
                ScoreGate::MinImplementation,
                self.min_implementation,
                s.range.implementation[0],
                s.implementation,
            ),
            (
                ScoreGate::MinCompleteness,
                self.min_completeness,
                s.completeness,
                Some(s.completeness),
            ),
        ]
        .into_iter()
        .filter_map(|(gate, threshold, low, score)| {
            Some(GateCheck::Score {
                gate,
                threshold: threshold?,
                low,
                score,
            })
        })
        .collect();
        if let Some(fail_on) = self.fail_on {
            checks.push(fail_on_check(fail_on, a));
        }
        (!checks.is_empty()).then(|| Gate {
            passed: checks.iter().all(GateCheck::passed),
            checks,
        })
    }
}

fn fail_on_check(fail_on: FailOn, a: &Assessment) -> GateCheck {
    let worst = a.findings.iter().map(|f| f.severity).max();
    match fail_on {
        FailOn::Purgatory => GateCheck::Purgatory {
            status: a.purgatory.status,
        },
        FailOn::Critical => GateCheck::Severity {
            fail_on: Severity::Critical,
            worst,
        },
        FailOn::Warning => GateCheck::Severity {
            fail_on: Severity::Warning,
            worst,
        },
    }
}

/// A check in words: `overall 33.7 is below 60.0`.
pub fn describe(check: &GateCheck) -> String {
    match *check {
        GateCheck::Score {
            gate,
            threshold,
            low,
            score,
        } => {
            let verdict = if check.passed() {
                "is at least"
            } else {
                "is below"
            };
            let open = check.open().filter(|open| *open > 0.0);
            match (score, open) {
                (Some(score), Some(open)) => format!(
                    "{} {low:.1} {verdict} {threshold:.1} (the low end of its range: {score:.1} from what was answered, {open:.1} lower with the open questions counted as 0)",
                    gate.subject()
                ),
                (None, _) => format!(
                    "{} {low:.1} {verdict} {threshold:.1} (nothing on that side is answered)",
                    gate.subject()
                ),
                (Some(_), None) => format!("{} {low:.1} {verdict} {threshold:.1}", gate.subject()),
            }
        }
        GateCheck::Purgatory { status } => {
            format!(
                "purgatory status is {status} (fails when {})",
                PurgatoryStatus::Stuck
            )
        }
        GateCheck::Severity { fail_on, worst } => format!(
            "the most severe finding is {} (fails on {fail_on} or worse)",
            worst.map_or("none", Severity::word)
        ),
    }
}
