//! `readiness diff`: what changed between two assessments of an
//! organization. Each side is a JSON report (format 1), either read from a
//! file written earlier by `assess --format json` or made now from a
//! questionnaire, so a stored report from last quarter compares without its
//! questionnaire. Both sides are typed [`Report`]s: a stored one was
//! checked when it was read, so nothing here can meet a missing field.

use crate::report::{Dimension, Report};
use crate::vocabulary::{FindingId, Stage};
use rustc_hash::FxHashMap;

pub use crate::report::v1::comparison::{
    Change, Comparison as Diff, DimensionChange, FindingChanges, FindingRef, NumberChange,
    PilotChange, ScoreChange, Side,
};

/// Compares `before` with `after`.
pub fn compare(before: &Report, after: &Report) -> Diff {
    let side = |r: &Report| Side {
        source: r.source.clone(),
        organization: r.organization.name.clone(),
        assessed: r.organization.assessed.clone(),
        rubric: format!("{} version {}", r.rubric.id, r.rubric.version),
    };
    let (b, a) = (side(before), side(after));
    let mut warnings = Vec::new();
    if b.organization != a.organization {
        warnings.push(format!(
            "These are two organizations, {} and {}: the changes compare them, not one organization over time.",
            b.organization, a.organization
        ));
    }
    if b.rubric != a.rubric {
        warnings.push(format!(
            "The rubric changed, from {} to {}: part of any change in the scores is the rubric, not the organization.",
            b.rubric, a.rubric
        ));
    }
    let (old, new) = (&before.scores, &after.scores);
    let scores = vec![
        ScoreChange {
            name: "strategy".to_owned(),
            value: numbers(old.strategy, new.strategy),
            before_range: Some(old.range.strategy),
            after_range: Some(new.range.strategy),
        },
        ScoreChange {
            name: "implementation".to_owned(),
            value: numbers(old.implementation, new.implementation),
            before_range: Some(old.range.implementation),
            after_range: Some(new.range.implementation),
        },
        ScoreChange {
            name: "overall".to_owned(),
            value: numbers(old.overall, new.overall),
            before_range: Some(old.range.overall),
            after_range: Some(new.range.overall),
        },
        ScoreChange {
            name: "completeness".to_owned(),
            value: numbers(Some(old.completeness), Some(new.completeness)),
            before_range: None,
            after_range: None,
        },
    ];
    Diff {
        format_version: 1,
        warnings,
        scores,
        level: change(before.level, after.level),
        quadrant: change(before.quadrant, after.quadrant),
        focus: change(before.focus, after.focus),
        confidence: change(before.confidence, after.confidence),
        purgatory_status: change(before.purgatory.status, after.purgatory.status),
        pilot_to_production_pct: numbers(
            before.purgatory.pilot_to_production_pct,
            after.purgatory.pilot_to_production_pct,
        ),
        dimensions: dimensions(before, after),
        findings: findings(before, after),
        pilots: pilots(before, after),
        before: b,
        after: a,
    }
}

fn change<T: PartialEq>(before: T, after: T) -> Change<T> {
    Change {
        changed: before != after,
        before,
        after,
    }
}

fn numbers(before: Option<f64>, after: Option<f64>) -> NumberChange {
    NumberChange {
        before,
        after,
        change: before.zip(after).map(|(b, a)| crate::number::round1(a - b)),
    }
}

/// Dimensions by id, in the after side's order, then any only before.
fn dimensions(before: &Report, after: &Report) -> Vec<DimensionChange> {
    let old: FxHashMap<&str, &Dimension> = before.dimensions.iter().map(|d| (&*d.id, d)).collect();
    let new: FxHashMap<&str, &Dimension> = after.dimensions.iter().map(|d| (&*d.id, d)).collect();
    let only_before = before
        .dimensions
        .iter()
        .filter(|d| !new.contains_key(&*d.id));
    after
        .dimensions
        .iter()
        .chain(only_before)
        .map(|d| {
            let (o, n) = (old.get(&*d.id), new.get(&*d.id));
            // Named as the after side names it, where it has it.
            let name = n.or(o).map_or(&*d.name, |x| &*x.name);
            DimensionChange {
                id: d.id.to_string(),
                name: name.to_owned(),
                strategy: numbers(o.and_then(|x| x.strategy), n.and_then(|x| x.strategy)),
                implementation: numbers(
                    o.and_then(|x| x.implementation),
                    n.and_then(|x| x.implementation),
                ),
            }
        })
        .collect()
}

fn finding_ref(f: &crate::report::Finding) -> FindingRef {
    FindingRef {
        id: f.id,
        kind: f.kind,
        severity: f.severity,
        title: f.title.to_string(),
        message: f.message.to_string(),
        pilots_added: Vec::new(),
        pilots_cleared: Vec::new(),
    }
}

/// A finding open on both sides, as it reads now, with the pilots it
/// names now and not before, and those it no longer names.
fn still_open(before: &crate::report::Finding, after: &crate::report::Finding) -> FindingRef {
    let named = |f: &crate::report::Finding| -> rustc_hash::FxHashSet<String> {
        f.pilots.iter().cloned().collect()
    };
    // A finding about pilots names at least one: with none, the report was
    // written before findings listed their pilots, and nothing is known.
    let listed = |f: &crate::report::Finding| !f.pilots.is_empty();
    if crate::assess::findings::per_pilot(after.id) && !(listed(before) && listed(after)) {
        return finding_ref(after);
    }
    let (was, is) = (named(before), named(after));
    FindingRef {
        pilots_added: after
            .pilots
            .iter()
            .filter(|p| !was.contains(*p))
            .cloned()
            .collect(),
        pilots_cleared: before
            .pilots
            .iter()
            .filter(|p| !is.contains(*p))
            .cloned()
            .collect(),
        ..finding_ref(after)
    }
}

/// Findings matched by id; a finding still open is named as it reads now.
fn findings(before: &Report, after: &Report) -> FindingChanges {
    let ids = |r: &Report| -> rustc_hash::FxHashSet<FindingId> {
        r.findings.iter().map(|f| f.id).collect()
    };
    let (old, new) = (ids(before), ids(after));
    FindingChanges {
        resolved: before
            .findings
            .iter()
            .filter(|f| !new.contains(&f.id))
            .map(finding_ref)
            .collect(),
        new: after
            .findings
            .iter()
            .filter(|f| !old.contains(&f.id))
            .map(finding_ref)
            .collect(),
        still_open: after
            .findings
            .iter()
            .filter_map(|f| {
                let was = before.findings.iter().find(|b| b.id == f.id)?;
                Some(still_open(was, f))
            })
            .collect(),
    }
}

fn stages(r: &Report) -> FxHashMap<&str, Stage> {
    r.pilots
        .iter()
        .map(|p| (p.name.as_str(), p.stage))
        .collect()
}

/// Pilots matched by name: those at another stage, added or removed, in the
/// after side's order, then those removed. Looked up by name in a map, so
/// that eighty thousand pilots compare in linear time.
fn pilots(before: &Report, after: &Report) -> Vec<PilotChange> {
    let (old, new) = (stages(before), stages(after));
    let mut changes: Vec<PilotChange> = after
        .pilots
        .iter()
        .filter_map(|p| {
            let was = old.get(p.name.as_str()).copied();
            (was != Some(p.stage)).then(|| PilotChange {
                name: p.name.clone(),
                before: was,
                after: Some(p.stage),
            })
        })
        .collect();
    changes.extend(
        before
            .pilots
            .iter()
            .filter(|p| !new.contains_key(p.name.as_str()))
            .map(|p| PilotChange {
                name: p.name.clone(),
                before: Some(p.stage),
                after: None,
            }),
    );
    changes
}
