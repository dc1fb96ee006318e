//! `readiness diff`: what changed between two assessments of an
//! organization. Each side is a JSON report (format 1), either read from a
//! file written earlier by `assess --format json` or made now from a
//! questionnaire, so a stored report from last quarter compares without its
//! questionnaire. The comparison reads only the report's documented fields.

use serde::Serialize;
use serde_json::Value;

/// The comparison, as the JSON format writes it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Diff {
    pub format_version: u32,
    pub before: Side,
    pub after: Side,
    /// What makes the two hard to compare: another organization, another
    /// rubric. Said first, so that a rubric change is never read as progress.
    pub warnings: Vec<String>,
    pub scores: Vec<ScoreChange>,
    pub level: Change,
    pub quadrant: Change,
    pub focus: Change,
    pub confidence: Change,
    pub purgatory_status: Change,
    pub pilot_to_production_pct: NumberChange,
    pub dimensions: Vec<DimensionChange>,
    pub findings: FindingChanges,
    pub pilots: Vec<PilotChange>,
}

/// Which report a side is.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Side {
    pub source: String,
    pub organization: String,
    pub assessed: String,
    pub rubric: String,
}

/// A word before and after.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Change {
    pub before: Value,
    pub after: Value,
    pub changed: bool,
}

/// A number before and after, and the change (`null` when either is).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct NumberChange {
    pub before: Option<f64>,
    pub after: Option<f64>,
    pub change: Option<f64>,
}

/// A score before and after, with each side's range.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ScoreChange {
    pub name: &'static str,
    #[serde(flatten)]
    pub value: NumberChange,
    pub before_range: Option<[f64; 2]>,
    pub after_range: Option<[f64; 2]>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DimensionChange {
    pub id: String,
    pub name: String,
    pub strategy: NumberChange,
    pub implementation: NumberChange,
}

/// Findings matched by id: gone, new, and still there.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct FindingChanges {
    pub resolved: Vec<FindingRef>,
    pub new: Vec<FindingRef>,
    pub still_open: Vec<FindingRef>,
}

/// A finding as the comparison names it: its message names the pilots.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FindingRef {
    pub id: String,
    pub kind: String,
    pub severity: String,
    pub title: String,
    pub message: String,
}

/// A pilot added, removed, or at another stage.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PilotChange {
    pub name: String,
    /// `null`: added since.
    pub before: Option<String>,
    /// `null`: removed since.
    pub after: Option<String>,
}

/// Why a JSON value cannot be compared.
pub const NOT_A_REPORT: &str =
    "is not a JSON report of one organization from `readiness assess --format json` (format 1)";

/// Whether `report` is one assessment in report format 1.
pub fn is_report(report: &Value) -> bool {
    report["format_version"] == 1
        && report["organization"]["name"].is_string()
        && report["scores"].is_object()
        && report["findings"].is_array()
}

/// Compares `before` with `after`; both must pass [`is_report`].
pub fn compare(before: &Value, after: &Value) -> Diff {
    let side = |r: &Value| Side {
        source: text(&r["source"]),
        organization: text(&r["organization"]["name"]),
        assessed: text(&r["organization"]["assessed"]),
        rubric: format!(
            "{} version {}",
            text(&r["rubric"]["id"]),
            text(&r["rubric"]["version"])
        ),
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
    let scores = ["strategy", "implementation", "overall", "completeness"]
        .into_iter()
        .map(|name| ScoreChange {
            name,
            value: numbers(&before["scores"][name], &after["scores"][name]),
            before_range: range(&before["scores"]["range"][name]),
            after_range: range(&after["scores"]["range"][name]),
        })
        .collect();
    let word = |key: &str| change(&before[key], &after[key]);
    Diff {
        format_version: 1,
        warnings,
        scores,
        level: word("level"),
        quadrant: word("quadrant"),
        focus: word("focus"),
        confidence: word("confidence"),
        purgatory_status: change(
            &before["purgatory"]["status"],
            &after["purgatory"]["status"],
        ),
        pilot_to_production_pct: numbers(
            &before["purgatory"]["pilot_to_production_pct"],
            &after["purgatory"]["pilot_to_production_pct"],
        ),
        dimensions: dimensions(before, after),
        findings: findings(before, after),
        pilots: pilots(before, after),
        before: b,
        after: a,
    }
}

fn text(value: &Value) -> String {
    value.as_str().unwrap_or_default().to_owned()
}

fn change(before: &Value, after: &Value) -> Change {
    Change {
        before: before.clone(),
        after: after.clone(),
        changed: before != after,
    }
}

fn numbers(before: &Value, after: &Value) -> NumberChange {
    let (b, a) = (before.as_f64(), after.as_f64());
    NumberChange {
        before: b,
        after: a,
        change: b.zip(a).map(|(b, a)| crate::number::round1(a - b)),
    }
}

fn range(value: &Value) -> Option<[f64; 2]> {
    Some([value[0].as_f64()?, value[1].as_f64()?])
}

/// Dimensions by id, in the after side's order, then any only before.
fn dimensions(before: &Value, after: &Value) -> Vec<DimensionChange> {
    let list = |r: &Value| r["dimensions"].as_array().cloned().unwrap_or_default();
    let (old, new) = (list(before), list(after));
    let mut ids: Vec<String> = new.iter().map(|d| text(&d["id"])).collect();
    for d in &old {
        let id = text(&d["id"]);
        if !ids.contains(&id) {
            ids.push(id);
        }
    }
    ids.into_iter()
        .map(|id| {
            let find = |list: &[Value]| {
                list.iter()
                    .find(|d| d["id"] == id.as_str())
                    .cloned()
                    .unwrap_or(Value::Null)
            };
            let (o, n) = (find(&old), find(&new));
            let name = n["name"].as_str().or(o["name"].as_str()).unwrap_or(&id);
            DimensionChange {
                name: name.to_owned(),
                strategy: numbers(&o["strategy"], &n["strategy"]),
                implementation: numbers(&o["implementation"], &n["implementation"]),
                id,
            }
        })
        .collect()
}

fn finding_ref(f: &Value) -> FindingRef {
    FindingRef {
        id: text(&f["id"]),
        kind: text(&f["kind"]),
        severity: text(&f["severity"]),
        title: text(&f["title"]),
        message: text(&f["message"]),
    }
}

/// Findings matched by id; a finding still open is named as it reads now.
fn findings(before: &Value, after: &Value) -> FindingChanges {
    let list = |r: &Value| -> Vec<FindingRef> {
        r["findings"]
            .as_array()
            .map(|l| l.iter().map(finding_ref).collect())
            .unwrap_or_default()
    };
    let (old, new) = (list(before), list(after));
    let has = |list: &[FindingRef], id: &str| list.iter().any(|f| f.id == id);
    FindingChanges {
        resolved: old.iter().filter(|f| !has(&new, &f.id)).cloned().collect(),
        new: new.iter().filter(|f| !has(&old, &f.id)).cloned().collect(),
        still_open: new.iter().filter(|f| has(&old, &f.id)).cloned().collect(),
    }
}

/// Pilots matched by name: those at another stage, added or removed, in the
/// after side's order, then those removed.
fn pilots(before: &Value, after: &Value) -> Vec<PilotChange> {
    let stages = |r: &Value| -> Vec<(String, String)> {
        r["pilots"]
            .as_array()
            .map(|l| {
                l.iter()
                    .map(|p| (text(&p["name"]), text(&p["stage"])))
                    .collect()
            })
            .unwrap_or_default()
    };
    let (old, new) = (stages(before), stages(after));
    let stage_in = |list: &[(String, String)], name: &str| {
        list.iter()
            .find(|(n, _)| n == name)
            .map(|(_, stage)| stage.clone())
    };
    let mut changes: Vec<PilotChange> = new
        .iter()
        .filter_map(|(name, stage)| {
            let was = stage_in(&old, name);
            (was.as_deref() != Some(stage.as_str())).then(|| PilotChange {
                name: name.clone(),
                before: was,
                after: Some(stage.clone()),
            })
        })
        .collect();
    changes.extend(
        old.iter()
            .filter(|(name, _)| stage_in(&new, name).is_none())
            .map(|(name, stage)| PilotChange {
                name: name.clone(),
                before: Some(stage.clone()),
                after: None,
            }),
    );
    changes
}
