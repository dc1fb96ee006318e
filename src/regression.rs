//! The regression gate: an assessment checked against a baseline (the same
//! questionnaire at an earlier revision, or a stored JSON report). A score
//! whose low end falls more than the tolerance, a level or quadrant that
//! falls, or a critical finding that is new fails the gate.

use crate::assessment::{Assessment, GateCheck};
use crate::vocabulary::{Level, Quadrant, Severity, Word};
use serde_json::Value;

/// Every regression check of `now` against `baseline`, a JSON report
/// (format 1) of the earlier assessment.
pub fn checks(baseline: &Value, now: &Assessment, tolerance: f64) -> Vec<GateCheck> {
    let mut checks = Vec::new();
    let ranges = &now.scores.range;
    for (score, low) in [
        ("overall", ranges.overall[0]),
        ("strategy", ranges.strategy[0]),
        ("implementation", ranges.implementation[0]),
    ] {
        if let Some(before) = baseline["scores"]["range"][score][0].as_f64() {
            checks.push(GateCheck::ScoreRegression {
                score,
                baseline: before,
                low,
                tolerance,
            });
        }
    }
    if let Some(before) = baseline["level"].as_str().and_then(Level::parse) {
        checks.push(GateCheck::LevelRegression {
            baseline: before,
            level: now.level,
        });
    }
    if let Some(before) = baseline["quadrant"].as_str().and_then(Quadrant::parse) {
        checks.push(GateCheck::QuadrantRegression {
            baseline: before,
            quadrant: now.quadrant,
        });
    }
    let critical_before: Vec<&str> = baseline["findings"]
        .as_array()
        .into_iter()
        .flatten()
        .filter(|f| f["severity"] == "critical")
        .filter_map(|f| f["id"].as_str())
        .collect();
    let new: Vec<GateCheck> = now
        .findings
        .iter()
        // An accepted critical finding was let in knowingly.
        .filter(|f| f.severity == Severity::Critical && f.counts_for_gate)
        .filter(|f| !critical_before.contains(&f.id.word()))
        .map(|f| GateCheck::NewCritical { id: Some(f.id) })
        .collect();
    if new.is_empty() {
        checks.push(GateCheck::NewCritical { id: None });
    } else {
        checks.extend(new);
    }
    checks
}
