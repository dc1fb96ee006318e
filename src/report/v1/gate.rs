//! The gate's result and the settings a report was made with, as format 1
//! writes them. A check is one flat record whatever its kind: its name,
//! threshold, actual value and result, plus the fields only some kinds
//! have (a score check's score and open part, a reference's findings).

use super::present;
use super::schema;
use crate::vocabulary::FindingId;
use schemars::JsonSchema;
use serde::{Deserialize, Deserializer, Serialize};

/// The gate's result when a gate was set.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Gate {
    /// True when every check passed (exit 0); false means exit 1.
    pub passed: bool,
    /// Every check of the gate, score gates first.
    pub checks: Vec<GateCheck>,
}

/// One check: its name, threshold, actual value and result. A score check's actual is the low end of the score's range, with the score and the part left open beside it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[allow(clippy::option_option)] // `score` and `open`: left out, null, or a score
pub struct GateCheck {
    /// The gate, as readiness.toml names it.
    #[schemars(schema_with = "schema::gate_name")]
    pub name: String,
    /// A score for a score gate (for a score regression, the baseline's low end less the tolerance); for fail_on, the level, finding id or framework reference it fails on; for the level and quadrant regressions, the baseline's; for regression.critical, none.
    #[schemars(schema_with = "schema::gate_threshold")]
    pub threshold: Value,
    /// A score check: the low end of the score's range. fail_on: the purgatory status, the most severe finding's severity (or none), or fired / not fired for a finding id or a framework reference. A level or quadrant regression: the level or quadrant now. regression.critical: the new critical finding's id, or none.
    #[schemars(schema_with = "schema::gate_actual")]
    pub actual: Value,
    /// fail_on a framework reference only: the findings mapped to it that fired and count (accepted ones left out).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub findings: Option<Vec<FindingId>>,
    /// fail_on checks only, when accepted findings were left out: how many (for a severity, those at least that severe; for a finding id, 1 when it fired and is accepted).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(range(min = 1))]
    pub accepted: Option<usize>,
    /// Score checks only: the score from what was answered; null when nothing was.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "there"
    )]
    #[schemars(schema_with = "schema::nullable_score")]
    pub score: Option<Option<f64>>,
    /// Score checks only: the score less the low end, the part of a shortfall that rests on open questions.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "there"
    )]
    #[schemars(schema_with = "schema::nullable_score")]
    pub open: Option<Option<f64>>,
    /// Score regression checks only: the low end of the score's range in the baseline; the threshold is this less the tolerance.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(range(min = 0, max = 100))]
    pub baseline: Option<f64>,
    /// Whether this check passed.
    pub passed: bool,
}

/// A field that only some checks have and that may be `null` where they
/// do: there (`Some`, perhaps `Some(None)`), or left out (`None`).
#[allow(clippy::option_option)] // left out, null, or a score: the format's three cases
fn there<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Option<Option<f64>>, D::Error> {
    Option::deserialize(deserializer).map(Some)
}

/// A threshold or an actual value: a score, or a word.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum Value {
    Score(f64),
    Word(String),
}

/// The settings the report was made with.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Config {
    /// The settings file read (readiness.toml or --config), as named; null when none was.
    #[serde(deserialize_with = "present")]
    pub file: Option<String>,
    /// The rubric file read, as named; null for the built-in rubric.
    #[serde(deserialize_with = "present")]
    pub rubric: Option<String>,
    /// Every gate in force, from the flags over the settings file.
    pub gates: Gates,
}

/// Every gate in force, from the flags over the settings file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Gates {
    /// Fails when the overall score's low end is below this; null when not set.
    #[serde(deserialize_with = "present")]
    #[schemars(range(min = 0, max = 100))]
    pub fail_under: Option<f64>,
    /// Fails when the strategy score's low end is below this; null when not set.
    #[serde(deserialize_with = "present")]
    #[schemars(range(min = 0, max = 100))]
    pub min_strategy: Option<f64>,
    /// Fails when the implementation score's low end is below this; null when not set.
    #[serde(deserialize_with = "present")]
    #[schemars(range(min = 0, max = 100))]
    pub min_implementation: Option<f64>,
    /// Fails when completeness is below this; null when not set.
    #[serde(deserialize_with = "present")]
    #[schemars(range(min = 0, max = 100))]
    pub min_completeness: Option<f64>,
    /// The --fail-on values: purgatory, a severity, finding ids or framework references.
    #[schemars(schema_with = "schema::fail_on_list")]
    pub fail_on: Vec<String>,
    /// The --baseline reference compared with (a file, or git:REV); null when none was given.
    #[serde(default)] // added within format 1: an earlier report lacks it
    pub baseline: Option<String>,
    /// With --fail-on-regression, the points a score may fall; null when off.
    #[serde(default)] // added within format 1: an earlier report lacks it
    #[schemars(range(min = 0, max = 100))]
    pub tolerance: Option<f64>,
}

/// A number or a word; the check's field says which words.
impl JsonSchema for Value {
    fn inline_schema() -> bool {
        true
    }

    fn schema_name() -> std::borrow::Cow<'static, str> {
        "GateValue".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({ "type": ["number", "string"] })
    }
}
