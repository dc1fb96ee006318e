//! Gates for CI: thresholds on the scores and on what fired, checked against
//! the full assessment whatever the output shows. A failed gate means exit 1,
//! with the report still printed and the failed checks listed in it.

use crate::assessment::{Assessment, Finding, Gate, GateCheck};
use crate::frameworks::tag_form;
use crate::vocabulary::{FailOn, FindingId, PurgatoryStatus, ScoreGate, Severity, Word};
use std::borrow::Cow;
use std::sync::Arc;

/// The gates that were set; all `None` and no `fail_on` means no gate. The
/// JSON report writes them under `config.gates` as `readiness.toml` names them.
#[derive(Debug, Clone, Default, PartialEq, serde::Serialize)]
pub struct Gates {
    pub fail_under: Option<f64>,
    pub min_strategy: Option<f64>,
    pub min_implementation: Option<f64>,
    pub min_completeness: Option<f64>,
    /// Every `--fail-on` value, in the order given, without repeats.
    pub fail_on: Vec<FailCondition>,
    /// The earlier assessment compared with (`--baseline`); `None` when none is.
    pub baseline: Option<String>,
    /// The points a score may fall against the baseline; `None` when the
    /// regression gate (`--fail-on-regression`) is off.
    pub tolerance: Option<f64>,
}

/// What `--fail-on` can name: purgatory or a severity, one finding by id,
/// or a framework reference (`nist-ai-rmf:MEASURE-2.4`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FailCondition {
    Level(FailOn),
    Finding(FindingId),
    /// A framework's id and one of its ids, as written until the rubric
    /// is read; then checked, in the framework's own spelling.
    Reference {
        framework: Arc<str>,
        id: Arc<str>,
    },
}

impl FailCondition {
    /// What a `--fail-on` value may be, for messages.
    pub const ALLOWED: &'static str =
        "purgatory, critical, warning, a finding id such as no-monitoring (`readiness explain` lists them) or a framework reference such as nist-ai-rmf:MEASURE-2.4 (`readiness frameworks` lists them)";

    /// A level word first, then a finding id; the two sets share no word.
    /// A word with a colon is a framework reference, checked against the
    /// rubric once it is read.
    pub fn parse(word: &str) -> Option<Self> {
        if let Some((framework, id)) = word.split_once(':') {
            let (framework, id) = (framework.trim(), id.trim());
            return (!framework.is_empty() && !id.is_empty()).then(|| FailCondition::Reference {
                framework: framework.into(),
                id: id.into(),
            });
        }
        FailOn::parse(word)
            .map(FailCondition::Level)
            .or_else(|| FindingId::parse(word).map(FailCondition::Finding))
    }

    /// The condition as `--fail-on` takes it.
    pub fn word(&self) -> Cow<'static, str> {
        match self {
            FailCondition::Level(level) => Cow::Borrowed(level.word()),
            FailCondition::Finding(id) => Cow::Borrowed(id.word()),
            FailCondition::Reference { framework, id } => {
                Cow::Owned(format!("{framework}:{}", tag_form(id)))
            }
        }
    }

    /// Every word `parse` accepts, for suggestions.
    pub fn words() -> Vec<&'static str> {
        FailOn::words()
            .iter()
            .chain(FindingId::words())
            .copied()
            .collect()
    }
}

impl serde::Serialize for FailCondition {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.word())
    }
}

/// Adds `condition` to `list` unless it is already there, so that
/// `--fail-on warning,warning` checks once.
pub fn add_once(list: &mut Vec<FailCondition>, condition: FailCondition) {
    if !list.contains(&condition) {
        list.push(condition);
    }
}

impl Gates {
    /// The gates in force as `readiness.toml` writes them:
    /// `fail_under 60.0, fail_on purgatory and no-monitoring`; `None` when none is.
    pub fn describe(&self) -> Option<String> {
        let mut parts: Vec<String> = [
            (ScoreGate::FailUnder, self.fail_under),
            (ScoreGate::MinStrategy, self.min_strategy),
            (ScoreGate::MinImplementation, self.min_implementation),
            (ScoreGate::MinCompleteness, self.min_completeness),
        ]
        .into_iter()
        .filter_map(|(gate, threshold)| Some(format!("{gate} {:.1}", threshold?)))
        .collect();
        if !self.fail_on.is_empty() {
            let words: Vec<Cow<'_, str>> = self.fail_on.iter().map(FailCondition::word).collect();
            parts.push(format!("fail_on {}", words.join(" and ")));
        }
        if let (Some(baseline), Some(tolerance)) = (&self.baseline, self.tolerance) {
            parts.push(format!(
                "fail_on_regression against {baseline} (tolerance {tolerance:.1})"
            ));
        }
        (!parts.is_empty()).then(|| parts.join(", "))
    }

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
        checks.extend(self.fail_on.iter().map(|c| fail_on_check(c, a)));
        (!checks.is_empty()).then(|| Gate {
            passed: checks.iter().all(GateCheck::passed),
            checks,
        })
    }
}

fn fail_on_check(condition: &FailCondition, a: &Assessment) -> GateCheck {
    let fail_on = match *condition {
        FailCondition::Level(level) => level,
        FailCondition::Reference { .. } => return reference_check(condition, a),
        FailCondition::Finding(id) => {
            let fired = a.findings.iter().find(|f| f.id == id);
            return GateCheck::Finding {
                id,
                fired: fired.is_some(),
                accepted: fired.is_some_and(|f| !f.counts_for_gate),
            };
        }
    };
    // Accepted findings do not count for the gate.
    let worst = a
        .findings
        .iter()
        .filter(|f| f.counts_for_gate)
        .map(|f| f.severity)
        .max();
    let accepted = a.findings.iter().filter(|f| !f.counts_for_gate).count();
    match fail_on {
        FailOn::Purgatory => GateCheck::Purgatory {
            status: a.purgatory.status,
        },
        FailOn::Critical => GateCheck::Severity {
            fail_on: Severity::Critical,
            worst,
            accepted,
        },
        FailOn::Warning => GateCheck::Severity {
            fail_on: Severity::Warning,
            worst,
            accepted,
        },
    }
}

/// `--fail-on nist-ai-rmf:MEASURE-2.4`: the findings that fired and are
/// mapped to that reference; accepted ones are left out, as for any `--fail-on`.
fn reference_check(condition: &FailCondition, a: &Assessment) -> GateCheck {
    let FailCondition::Reference { framework, id } = condition else {
        unreachable!("called for references only")
    };
    let mapped = a.findings.iter().filter(|f| {
        f.references
            .iter()
            .any(|r| *r.framework == **framework && *r.id == **id)
    });
    let (counting, accepted): (Vec<_>, Vec<_>) = mapped.partition(|f| f.counts_for_gate);
    GateCheck::Reference {
        reference: condition.word().into(),
        fired: counting.iter().map(|f| f.id).collect(),
        accepted: accepted.len(),
    }
}

/// A check in words: `overall 33.7 is below 60.0`.
pub fn describe(check: &GateCheck) -> String {
    match *check {
        GateCheck::Reference {
            ref reference,
            ref fired,
            accepted,
        } => describe_reference(reference, fired, accepted),
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
        GateCheck::Severity {
            fail_on,
            worst,
            accepted: 0,
        } => format!(
            "the most severe finding is {} (fails on {fail_on} or worse)",
            worst.map_or("none", Severity::word)
        ),
        GateCheck::Severity {
            fail_on,
            worst,
            accepted,
        } => format!(
            "the most severe finding not accepted is {} (fails on {fail_on} or worse; {accepted} accepted finding{} left out)",
            worst.map_or("none", Severity::word),
            if accepted == 1 { "" } else { "s" }
        ),
        GateCheck::Finding {
            id,
            fired: true,
            accepted: true,
        } => format!("finding {id} fired and is accepted, so it does not count (fails when it fires)"),
        GateCheck::Finding { id, fired, .. } => format!(
            "finding {id} {} (fails when it fires)",
            if fired { "fired" } else { "did not fire" }
        ),
        GateCheck::ScoreRegression {
            score,
            baseline,
            low,
            tolerance,
        } => {
            let change = crate::number::round1(low - baseline);
            let verdict = if check.passed() { "within" } else { "beyond" };
            format!(
                "{score} {low:.1} against the baseline's {baseline:.1} ({change:+.1}; the low ends of the ranges), {verdict} the tolerance of {tolerance:.1}"
            )
        }
        GateCheck::LevelRegression { baseline, level } => {
            if check.passed() {
                format!("level {level} is not below the baseline's {baseline}")
            } else {
                format!("level {level} is below the baseline's {baseline}")
            }
        }
        GateCheck::QuadrantRegression { baseline, quadrant } => {
            if check.passed() {
                format!("quadrant {quadrant} is not behind the baseline's {baseline}")
            } else {
                format!("quadrant {quadrant} is behind the baseline's {baseline}")
            }
        }
        GateCheck::NewCritical { id } => match id {
            Some(id) => format!("critical finding {id} is new since the baseline"),
            None => "no critical finding is new since the baseline".to_owned(),
        },
    }
}

/// The findings that fail a failed check, in the report's order: those not
/// accepted as severe as a severity check's bar, the one a finding check
/// names, the signals of a stuck purgatory, a new critical finding. Empty
/// for a check that passed or that compares scores.
pub fn failing_findings<'a>(check: &GateCheck, a: &'a Assessment) -> Vec<&'a Finding> {
    if check.passed() {
        return Vec::new();
    }
    let counted = a.findings.iter().filter(|f| f.counts_for_gate);
    match *check {
        GateCheck::Severity { fail_on, .. } => counted.filter(|f| f.severity >= fail_on).collect(),
        GateCheck::Finding { id, .. } | GateCheck::NewCritical { id: Some(id) } => {
            counted.filter(|f| f.id == id).collect()
        }
        GateCheck::Purgatory { .. } => a
            .findings
            .iter()
            .filter(|f| f.kind == crate::vocabulary::Group::Purgatory)
            .collect(),
        _ => Vec::new(),
    }
}

/// The pilots of a finding its acceptances in force leave counting for the
/// gate: every pilot it names, less those accepted one by one.
pub fn unaccepted_pilots(f: &Finding) -> Vec<&str> {
    f.pilots
        .iter()
        .filter(|p| {
            !f.accepted
                .iter()
                .any(|x| x.pilot.as_deref() == Some(p.as_str()))
        })
        .map(String::as_str)
        .collect()
}

/// `reference nist-ai-rmf:MEASURE-2.4: no-monitoring fired (fails when a
/// finding mapped to it fires)`.
fn describe_reference(reference: &str, fired: &[FindingId], accepted: usize) -> String {
    let findings: Vec<&str> = fired.iter().map(|id| id.word()).collect();
    let what = match findings.as_slice() {
        [] => "no finding mapped to it fired".to_owned(),
        [one] => format!("{one} fired"),
        [many @ .., last] => format!("{} and {last} fired", many.join(", ")),
    };
    let left_out = match accepted {
        0 => String::new(),
        1 => "; 1 accepted finding left out".to_owned(),
        n => format!("; {n} accepted findings left out"),
    };
    format!("reference {reference}: {what} (fails when a finding mapped to it fires{left_out})")
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A `--fail-on` value with a colon is a framework reference only with
    /// both halves: a framework and one of its ids.
    #[test]
    fn a_framework_reference_needs_both_a_framework_and_an_id() {
        assert_eq!(
            FailCondition::parse("nist-ai-rmf:MEASURE-2.4"),
            Some(FailCondition::Reference {
                framework: "nist-ai-rmf".into(),
                id: "MEASURE-2.4".into(),
            })
        );
        assert_eq!(FailCondition::parse("nist-ai-rmf:"), None);
        assert_eq!(FailCondition::parse(":MEASURE-2.4"), None);
        assert_eq!(FailCondition::parse(" : "), None);
    }
}
