//! The regression gate: an assessment checked against a baseline (the same
//! questionnaire at an earlier revision, or a stored JSON report). A score
//! whose low end falls more than the tolerance, a level or quadrant that
//! falls, or a critical finding that is new fails the gate.

use crate::assessment::Assessment;
use crate::gate::GateCheck;
use crate::report::Report;
use crate::vocabulary::Severity;

/// Every regression check of `now` against `baseline`, the earlier
/// assessment. The baseline is typed and complete (a stored report missing
/// a value was refused when read), so every check is made, always.
pub fn checks(baseline: &Report, now: &Assessment, tolerance: f64) -> Vec<GateCheck> {
    let (before, ranges) = (&baseline.scores.range, &now.scores.range);
    let mut checks: Vec<GateCheck> = [
        ("overall", before.overall[0], ranges.overall[0]),
        ("strategy", before.strategy[0], ranges.strategy[0]),
        (
            "implementation",
            before.implementation[0],
            ranges.implementation[0],
        ),
    ]
    .into_iter()
    .map(|(score, before, low)| GateCheck::ScoreRegression {
        score,
        baseline: before,
        low,
        tolerance,
    })
    .collect();
    checks.push(GateCheck::LevelRegression {
        baseline: baseline.level,
        level: now.level,
    });
    checks.push(GateCheck::QuadrantRegression {
        baseline: baseline.quadrant,
        quadrant: now.quadrant,
    });
    let critical_before: rustc_hash::FxHashSet<_> = baseline
        .findings
        .iter()
        .filter(|f| f.severity == Severity::Critical)
        .map(|f| f.id)
        .collect();
    let new: Vec<GateCheck> = now
        .findings
        .iter()
        // An accepted critical finding was let in knowingly.
        .filter(|f| f.severity == Severity::Critical && f.counts_for_gate)
        .filter(|f| !critical_before.contains(&f.id))
        .map(|f| GateCheck::NewCritical { id: Some(f.id) })
        .collect();
    if new.is_empty() {
        checks.push(GateCheck::NewCritical { id: None });
    } else {
        checks.extend(new);
    }
    checks
}
