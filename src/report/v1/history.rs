//! `readiness history --format json`: every committed version of a
//! questionnaire, each with what the trend shows of its assessment or why
//! it could not be assessed. `crate::history` makes it.

use super::portfolio::InputError;
use super::present;
use super::schema;
use crate::vocabulary::{Confidence, Focus, Level, PurgatoryStatus, Quadrant};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// Every committed version of one questionnaire, oldest first, each assessed on its own date.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[schemars(rename = "history")]
pub struct History {
    /// The history's format version.
    #[schemars(extend("const" = 1))]
    pub format_version: u32,
    /// The questionnaire as named on the command line.
    pub file: String,
    /// The rubric every version was assessed with, as "default version 2".
    pub rubric: String,
    /// The repository is a shallow clone: the history is cut at the clone's boundary, and older versions are not listed.
    pub shallow: bool,
    /// The versions within --since and --max, oldest first.
    pub versions: Vec<Version>,
}

/// The history of every questionnaire in a directory.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[schemars(rename = "portfolio_history")]
pub struct PortfolioHistory {
    /// The history's format version.
    #[schemars(extend("const" = 1))]
    pub format_version: u32,
    /// One history per questionnaire, in the directory's order.
    pub histories: Vec<History>,
}

/// One committed version.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Version {
    /// The full commit id.
    #[schemars(regex(pattern = "^[0-9a-f]{40,64}$"))]
    pub commit: String,
    /// The commit's date as git gives it, YYYY-MM-DD; a date past the year 9999 has more digits, and that version is not assessed.
    #[schemars(regex(pattern = "^[0-9]{4,}-[0-9]{2}-[0-9]{2}$"))]
    pub date: String,
    /// The commit's subject line.
    pub subject: String,
    /// The file's path at that commit, from the repository's root (renames are followed, copies never).
    pub path: String,
    /// The path before, where this commit renamed the file; null otherwise.
    #[serde(deserialize_with = "present")]
    pub renamed_from: Option<String>,
    /// What the trend shows of its assessment; null when the version was not valid.
    #[serde(deserialize_with = "present")]
    pub assessment: Option<Point>,
    /// Why the version could not be assessed; null when it was.
    #[serde(deserialize_with = "present")]
    pub error: Option<InputError>,
}

/// What the trend shows of one assessment.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Point {
    /// The organization's name in this version.
    pub organization: String,
    /// The assessment date used: the questionnaire's, else the commit's.
    #[schemars(schema_with = "schema::date")]
    pub assessed: String,
    /// The strategy score; null when nothing on that side is answered.
    #[serde(deserialize_with = "present")]
    #[schemars(range(min = 0, max = 100))]
    pub strategy: Option<f64>,
    /// The implementation score; null when nothing on that side is answered.
    #[serde(deserialize_with = "present")]
    #[schemars(range(min = 0, max = 100))]
    pub implementation: Option<f64>,
    /// The overall score; null when a side has none.
    #[serde(deserialize_with = "present")]
    #[schemars(range(min = 0, max = 100))]
    pub overall: Option<f64>,
    /// How much of the questionnaire is answered, by weight.
    #[schemars(range(min = 0, max = 100))]
    pub completeness: f64,
    /// The maturity level.
    pub level: Level,
    /// The quadrant.
    pub quadrant: Quadrant,
    /// The focus.
    pub focus: Focus,
    /// How far to trust the verdict.
    pub confidence: Confidence,
    /// The pilot purgatory status.
    pub purgatory: PurgatoryStatus,
    /// How many findings fired.
    pub open_findings: usize,
    /// How many of them are critical.
    pub critical_findings: usize,
}
