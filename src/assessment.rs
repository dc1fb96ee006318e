//! The result of an assessment: the single source of every output format.
//! The JSON report (format 1 of the command-line contract) is this type
//! serialized, so the contract is kept by the compiler and one snapshot.

use crate::evidence::Evidence;
use crate::findings::{Finding, PurgatoryStatus};
use crate::questionnaire::DateSource;
use crate::rubric::{Criterion, RubricRef, SharedText};
use crate::scoring::{Level, Quadrant};
use serde::ser::SerializeStruct;
use serde::{Serialize, Serializer};
use std::fmt;
use std::sync::Arc;

/// The version of the JSON report's shape.
pub const FORMAT_VERSION: u32 = 1;

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Assessment {
    pub format_version: u32,
    pub tool: Tool,
    /// The questionnaire's file name, as given on the command line.
    pub source: String,
    pub organization: Organization,
    /// Shared with every other assessment by the same rubric.
    pub rubric: Arc<RubricRef>,
    pub scores: Scores,
    pub level: Level,
    pub quadrant: Quadrant,
    pub focus: Focus,
    /// The focus in one sentence, with the reason that decided it.
    pub focus_reason: SharedText,
    pub purgatory: Purgatory,
    /// Every pilot in the questionnaire, retired ones included.
    pub pilots: Vec<PilotSummary>,
    pub findings: Vec<Finding>,
    pub dimensions: Vec<DimensionResult>,
    pub unanswered: Vec<String>,
    pub recommendations: Vec<Recommendation>,
    /// The gate result; `null` when no gate was set.
    pub gate: Option<Gate>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Tool {
    pub name: &'static str,
    pub version: &'static str,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Organization {
    pub name: String,
    /// The assessment date used, `YYYY-MM-DD`.
    pub assessed: String,
    /// Where that date came from: the questionnaire, `--as-of`, or today.
    pub assessed_from: DateSource,
}

#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Scores {
    pub strategy: f64,
    pub implementation: f64,
    pub overall: f64,
    pub completeness: f64,
}

/// The one-word answer leadership reads first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Focus {
    Strategy,
    Implementation,
    Parallel,
    Scale,
}

impl Focus {
    pub fn word(self) -> &'static str {
        match self {
            Focus::Strategy => "strategy",
            Focus::Implementation => "implementation",
            Focus::Parallel => "parallel",
            Focus::Scale => "scale",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Purgatory {
    pub status: PurgatoryStatus,
    /// The ids of the purgatory signals that fired.
    pub signals: Vec<&'static str>,
    /// Live pilots as a share of active and live ones, in percent; `null`
    /// when there are none or the pilots were left out.
    pub pilot_to_production_pct: Option<f64>,
    /// The published industry figure it is compared with.
    pub benchmark: Benchmark,
}

/// A published figure to set the organization's own next to.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Benchmark {
    pub pilot_to_production_pct: f64,
    pub source: SharedText,
}

/// One line of the pilot inventory.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PilotSummary {
    pub name: String,
    pub department: Option<String>,
    /// The stage, environment and monitoring are the format's own words.
    pub stage: &'static str,
    /// Days from `started` to the assessment date.
    pub age_days: Option<i64>,
    pub environment: Option<&'static str>,
    pub users: Option<i64>,
    pub monitoring: Option<&'static str>,
    pub line: u32,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DimensionResult {
    pub id: SharedText,
    pub name: SharedText,
    /// `null` for a side with no criteria.
    pub strategy: Option<f64>,
    pub implementation: Option<f64>,
    pub criteria: Vec<CriterionResult>,
}

/// One criterion's result. The criterion's id, title, side and weight are
/// the rubric's, shared by every assessment; the JSON writes them out.
#[derive(Debug, Clone, PartialEq)]
pub struct CriterionResult {
    pub criterion: Arc<Criterion>,
    pub points: f64,
    pub answered: bool,
}

impl Serialize for CriterionResult {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut fields = serializer.serialize_struct("CriterionResult", 6)?;
        fields.serialize_field("id", &*self.criterion.id)?;
        fields.serialize_field("title", &*self.criterion.title)?;
        fields.serialize_field("side", &self.criterion.side)?;
        fields.serialize_field("weight", &self.criterion.weight)?;
        fields.serialize_field("points", &self.points)?;
        fields.serialize_field("answered", &self.answered)?;
        fields.end()
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Recommendation {
    pub rank: usize,
    pub title: SharedText,
    pub reason: Reason,
    pub evidence: Arc<[Evidence]>,
}

/// Why a recommendation is made, one sentence in the report. For a
/// finding's remedy it is the finding's title and message, shared with the
/// finding rather than written out again in every assessment.
#[derive(Debug, Clone, PartialEq)]
pub enum Reason {
    Text(String),
    Finding {
        title: SharedText,
        message: SharedText,
    },
}

impl fmt::Display for Reason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Reason::Text(text) => f.write_str(text),
            Reason::Finding { title, message } => write!(f, "{title}: {message}"),
        }
    }
}

impl Serialize for Reason {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Gate {
    pub passed: bool,
    pub checks: Vec<GateCheck>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct GateCheck {
    pub name: String,
    pub threshold: serde_json::Value,
    pub actual: serde_json::Value,
    pub passed: bool,
}
