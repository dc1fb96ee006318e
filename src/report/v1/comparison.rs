//! What changed between two assessments, as format 1 writes it:
//! `assess --baseline` under `comparison`, and `readiness diff --format
//! json` whole. `crate::diff` computes it from two reports.

use super::present;
use super::schema;
use crate::vocabulary::{
    Confidence, FindingId, Focus, Group, Level, PurgatoryStatus, Quadrant, Severity, Stage,
};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// What changed between two assessments, each side a questionnaire assessed or a stored JSON report.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[schemars(rename = "comparison")]
pub struct Comparison {
    /// The comparison's format version.
    #[schemars(extend("const" = 1))]
    pub format_version: u32,
    /// The earlier assessment.
    pub before: Side,
    /// The later assessment.
    pub after: Side,
    /// What makes the two hard to compare: another organization, another rubric; each a sentence. Said first, so that a rubric change is never read as progress.
    pub warnings: Vec<String>,
    /// Strategy, implementation, overall and completeness, before and after.
    pub scores: Vec<ScoreChange>,
    /// The maturity level.
    pub level: Change<Level>,
    /// The quadrant.
    pub quadrant: Change<Quadrant>,
    /// The focus.
    pub focus: Change<Focus>,
    /// The confidence.
    pub confidence: Change<Confidence>,
    /// The pilot purgatory status.
    pub purgatory_status: Change<PurgatoryStatus>,
    /// The pilot-to-production rate, in percent.
    pub pilot_to_production_pct: NumberChange,
    /// Every dimension of either side, the later side's order first.
    pub dimensions: Vec<DimensionChange>,
    /// Findings matched by id.
    pub findings: FindingChanges,
    /// Pilots matched by name: at another stage, added or removed.
    pub pilots: Vec<PilotChange>,
}

/// Which report a side of a comparison is.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Side {
    /// The file it was read from, or git:REV:file.
    pub source: String,
    /// The organization's name.
    pub organization: String,
    /// Its assessment date, YYYY-MM-DD.
    #[schemars(schema_with = "schema::date")]
    pub assessed: String,
    /// The rubric's id and version, as "default version 2".
    pub rubric: String,
}

/// A word before and after.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[schemars(rename = "{T}Change")]
pub struct Change<T> {
    /// The word before.
    pub before: T,
    /// The word after.
    pub after: T,
    /// Whether the two differ.
    pub changed: bool,
}

/// A number before and after, and the change.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct NumberChange {
    /// The value before; null when there was none.
    #[serde(deserialize_with = "present")]
    #[schemars(range(min = 0, max = 100))]
    pub before: Option<f64>,
    /// The value after; null when there is none.
    #[serde(deserialize_with = "present")]
    #[schemars(range(min = 0, max = 100))]
    pub after: Option<f64>,
    /// After less before, one decimal; null when either is null.
    #[serde(deserialize_with = "present")]
    #[schemars(range(min = -100, max = 100))]
    pub change: Option<f64>,
}

/// A score before and after, with each side's range.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct ScoreChange {
    /// The score: strategy, implementation, overall or completeness.
    #[schemars(schema_with = "schema::score_name")]
    pub name: String,
    #[serde(flatten)]
    pub value: NumberChange,
    /// The range before; null for completeness, which has none.
    #[serde(deserialize_with = "present")]
    #[schemars(schema_with = "schema::nullable_low_high")]
    pub before_range: Option<[f64; 2]>,
    /// The range after; null for completeness, which has none.
    #[serde(deserialize_with = "present")]
    #[schemars(schema_with = "schema::nullable_low_high")]
    pub after_range: Option<[f64; 2]>,
}

/// A dimension's scores before and after.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct DimensionChange {
    /// The dimension's id.
    pub id: String,
    /// Its name, as the later side names it where it has it.
    pub name: String,
    /// Its strategy score.
    pub strategy: NumberChange,
    /// Its implementation score.
    pub implementation: NumberChange,
}

/// Findings matched by id: gone, new, and still there.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct FindingChanges {
    /// Findings of the earlier side that no longer fire.
    pub resolved: Vec<FindingRef>,
    /// Findings that fire now and did not before.
    pub new: Vec<FindingRef>,
    /// Findings that fire on both sides.
    pub still_open: Vec<FindingRef>,
}

/// A finding, as it reads in the side it comes from (now, for one still open).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct FindingRef {
    /// The finding's id.
    pub id: FindingId,
    /// Its family: purgatory, operations (live systems and running costs), misconception, or other.
    pub kind: Group,
    /// Its severity.
    pub severity: Severity,
    /// Its title.
    pub title: String,
    /// What it says, naming the pilots it concerns.
    pub message: String,
    /// For a finding still open: the pilots it names now and did not before.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub pilots_added: Vec<String>,
    /// For a finding still open: the pilots it named before and no longer does.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub pilots_cleared: Vec<String>,
}

/// A pilot that changed: added, removed, or at another stage.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct PilotChange {
    /// The pilot's name.
    pub name: String,
    /// Its stage before; null when it was added since.
    #[serde(deserialize_with = "present")]
    pub before: Option<Stage>,
    /// Its stage now; null when it was removed since.
    #[serde(deserialize_with = "present")]
    pub after: Option<Stage>,
}
