//! The gates checked against an assessment: thresholds on the scores and on
//! what fired, checked against the full assessment whatever the output
//! shows. The gates and the verdict's types are [`crate::gate`]'s.

use crate::assessment::{Assessment, Finding};
use crate::gate::{FailCondition, Gate, GateCheck, Gates};
use crate::vocabulary::{FailOn, ScoreGate, Severity};

/// Checks every gate that was set; `None` when none was. Score gates
/// compare the low end of the score's range, so an unanswered question
/// can never help a questionnaire pass.
pub fn check(gates: &Gates, a: &Assessment) -> Option<Gate> {
    let s = &a.scores;
    let mut checks: Vec<GateCheck> = [
        (
            ScoreGate::FailUnder,
            gates.fail_under,
            s.range.overall[0],
            s.overall,
        ),
        (
            ScoreGate::MinStrategy,
            gates.min_strategy,
            s.range.strategy[0],
            s.strategy,
        ),
        (
            ScoreGate::MinImplementation,
            gates.min_implementation,
            s.range.implementation[0],
            s.implementation,
        ),
        (
            ScoreGate::MinCompleteness,
            gates.min_completeness,
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
    checks.extend(gates.fail_on.iter().map(|c| fail_on_check(c, a)));
    (!checks.is_empty()).then(|| Gate {
        passed: checks.iter().all(GateCheck::passed),
        checks,
    })
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
    // The accepted findings the bar would have caught: an accepted warning
    // is nothing a critical-only bar left out.
    let accepted = |bar: Severity| {
        a.findings
            .iter()
            .filter(|f| !f.counts_for_gate && f.severity >= bar)
            .count()
    };
    match fail_on {
        FailOn::Purgatory => GateCheck::Purgatory {
            status: a.purgatory.status,
            judged: a.purgatory.pilots_listed,
        },
        FailOn::Critical => GateCheck::Severity {
            fail_on: Severity::Critical,
            worst,
            accepted: accepted(Severity::Critical),
        },
        FailOn::Warning => GateCheck::Severity {
            fail_on: Severity::Warning,
            worst,
            accepted: accepted(Severity::Warning),
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
