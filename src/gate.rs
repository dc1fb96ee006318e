//! Gates for CI: the thresholds set on the scores and on what fired, and
//! the verdict of each check, in types and in words. A failed gate means
//! exit 1, with the report still printed and the failed checks listed in
//! it. The checks are made against an assessment by [`crate::assess::gate`].

use crate::frameworks::tag_form;
use crate::number::round1;
use crate::vocabulary::{
    FailOn, FindingId, Level, PurgatoryStatus, Quadrant, ScoreGate, Severity, Word,
};
use std::borrow::Cow;
use std::sync::Arc;

/// The gates that were set; all `None` and no `fail_on` means no gate. The
/// JSON report writes them under `config.gates` as `readiness.toml` names them.
#[derive(Debug, Clone, Default, PartialEq)]
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
        .filter_map(|(gate, threshold)| Some(format!("{gate} {}", as_given(threshold?))))
        .collect();
        if !self.fail_on.is_empty() {
            let words: Vec<Cow<'_, str>> = self.fail_on.iter().map(FailCondition::word).collect();
            parts.push(format!("fail_on {}", words.join(" and ")));
        }
        if let (Some(baseline), Some(tolerance)) = (&self.baseline, self.tolerance) {
            parts.push(format!(
                "fail_on_regression against {baseline} (tolerance {})",
                as_given(tolerance)
            ));
        }
        (!parts.is_empty()).then(|| parts.join(", "))
    }
}

/// A threshold as it was given, with at least one decimal: `60.0`,
/// `40.31` (never rounded to `40.3`, which would read "40.3 is below 40.3").
pub fn as_given(threshold: f64) -> String {
    // The shortest text that reads back as the same number.
    let written = format!("{threshold}");
    if written.contains(['.', 'e', 'i', 'N']) {
        written
    } else {
        format!("{written}.0")
    }
}

/// A score gate's check in words, with what is open below its score.
fn describe_score(
    check: &GateCheck,
    gate: ScoreGate,
    threshold: f64,
    low: f64,
    score: Option<f64>,
) -> String {
    let verdict = if check.passed() {
        "is at least"
    } else {
        "is below"
    };
    let open = check.open().filter(|open| *open > 0.0);
    match (score, open) {
        (Some(score), Some(open)) => format!(
            "{} {low:.1} {verdict} {} (the low end of its range: {score:.1} from what was answered, {open:.1} lower with the open questions counted as 0)",
            gate.subject(),
            as_given(threshold)
        ),
        // Overall is no side: it has no score while either side has none.
        (None, _) if gate == ScoreGate::FailUnder => format!(
            "{} {low:.1} {verdict} {} (overall is not scored: a side has nothing answered)",
            gate.subject(),
            as_given(threshold)
        ),
        (None, _) => format!(
            "{} {low:.1} {verdict} {} (nothing on that side is answered)",
            gate.subject(),
            as_given(threshold)
        ),
        (Some(_), None) => format!(
            "{} {low:.1} {verdict} {}",
            gate.subject(),
            as_given(threshold)
        ),
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
        } => describe_score(check, gate, threshold, low, score),
        GateCheck::Purgatory { judged: false, .. } => format!(
            "purgatory is not judged, as the pilots list is not answered (fails when {})",
            PurgatoryStatus::Stuck
        ),
        GateCheck::Purgatory { status, .. } => {
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
                "{score} {low:.1} against the baseline's {baseline:.1} ({change:+.1}; the low ends of the ranges), {verdict} the tolerance of {}",
                as_given(tolerance)
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

/// The verdict of the gates that were set: each check, and whether all passed.
#[derive(Debug, Clone, PartialEq)]
pub struct Gate {
    pub passed: bool,
    pub checks: Vec<GateCheck>,
}

/// One check of a gate.
#[derive(Debug, Clone, PartialEq)]
pub enum GateCheck {
    /// No finding mapped to this framework reference may fire
    /// (`--fail-on nist-ai-rmf:MEASURE-2.4`), unless it is accepted.
    Reference {
        /// As `--fail-on` takes it.
        reference: Arc<str>,
        /// The findings mapped to it that fired and count for the gate.
        fired: Vec<FindingId>,
        /// How many that fired are accepted, and left out.
        accepted: usize,
    },
    /// A score's low end must be at least the threshold: an unanswered
    /// question never helps a questionnaire pass.
    Score {
        gate: ScoreGate,
        threshold: f64,
        /// The low end of the score's range (completeness: the value).
        low: f64,
        /// The score from what was answered; `None` when nothing was.
        score: Option<f64>,
    },
    /// Purgatory must not be `stuck` (`--fail-on purgatory`). `judged` is
    /// false when the pilots list is not answered: the status is then
    /// `none` by the rules, and said as not judged.
    Purgatory {
        status: PurgatoryStatus,
        judged: bool,
    },
    /// No finding may be as severe as `fail_on` (`--fail-on critical` or `warning`).
    /// Accepted findings are left out; `accepted` counts them.
    Severity {
        fail_on: Severity,
        worst: Option<Severity>,
        accepted: usize,
    },
    /// This finding must not fire (`--fail-on no-monitoring`), unless it
    /// is accepted.
    Finding {
        id: FindingId,
        fired: bool,
        accepted: bool,
    },
    /// `--fail-on-regression`: a score's low end may fall at most
    /// `tolerance` below the baseline's.
    ScoreRegression {
        score: &'static str,
        baseline: f64,
        low: f64,
        tolerance: f64,
    },
    /// `--fail-on-regression`: the level may not fall below the baseline's.
    LevelRegression { baseline: Level, level: Level },
    /// `--fail-on-regression`: the quadrant may not fall (aligned above
    /// slide deck and unused tools, both above early).
    QuadrantRegression {
        baseline: Quadrant,
        quadrant: Quadrant,
    },
    /// `--fail-on-regression`: no critical finding may be new since the
    /// baseline; `None` when none is.
    NewCritical { id: Option<FindingId> },
}

/// How far along a quadrant is: aligned ahead of the two halfway quadrants,
/// both ahead of early.
pub fn quadrant_rank(q: Quadrant) -> u8 {
    match q {
        Quadrant::Early => 0,
        Quadrant::SlideDeck | Quadrant::UnusedTools => 1,
        Quadrant::Aligned => 2,
    }
}

impl GateCheck {
    pub fn passed(&self) -> bool {
        match *self {
            GateCheck::Reference { ref fired, .. } => fired.is_empty(),
            GateCheck::Score { threshold, low, .. } => low >= threshold,
            GateCheck::Purgatory { status, .. } => status != PurgatoryStatus::Stuck,
            GateCheck::Severity { fail_on, worst, .. } => worst < Some(fail_on),
            GateCheck::Finding {
                fired, accepted, ..
            } => !fired || accepted,
            GateCheck::ScoreRegression {
                baseline,
                low,
                tolerance,
                ..
            } => low >= round1(baseline - tolerance),
            GateCheck::LevelRegression { baseline, level } => level >= baseline,
            GateCheck::QuadrantRegression { baseline, quadrant } => {
                quadrant_rank(quadrant) >= quadrant_rank(baseline)
            }
            GateCheck::NewCritical { id } => id.is_none(),
        }
    }

    /// How much of a score gate's value is open: the score less its low end.
    pub fn open(&self) -> Option<f64> {
        match *self {
            GateCheck::Score { low, score, .. } => score.map(|s| round1(s - low)),
            _ => None,
        }
    }
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
