//! `readiness frameworks --format json`: the frameworks a rubric declares,
//! one framework's ids with what the rubric maps to each, and the coverage
//! view of assessments. Fields are in the order of their names, as these
//! documents have always been written.

use super::present;
use super::schema;
use crate::shared_text::SharedText;
use crate::vocabulary::{FindingId, Severity};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// readiness frameworks: the frameworks a rubric declares.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[schemars(rename = "frameworks")]
pub struct Frameworks {
    /// The format version, as in the report.
    #[schemars(extend("const" = 1))]
    pub format_version: u32,
    /// Each framework the rubric declares, in its order.
    pub frameworks: Vec<FrameworkSummary>,
    /// That a reference marks evidence about a control, not a judgement that the control is met.
    pub note: String,
    /// The rubric whose frameworks and mapping these are.
    pub rubric: RubricName,
}

/// A framework and how much of it the rubric maps.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct FrameworkSummary {
    /// Its id.
    pub id: SharedText,
    /// How many ids it has.
    pub ids: usize,
    /// How many of them a finding or dimension of the rubric maps to.
    pub mapped: usize,
    /// Its name.
    pub name: SharedText,
    /// What compact references start with.
    pub short: SharedText,
    /// Its version.
    pub version: SharedText,
}

/// The rubric whose frameworks and mapping these are.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct RubricName {
    /// The rubric's id.
    pub id: String,
    /// The rubric's name.
    pub name: String,
    /// The rubric's version.
    pub version: String,
}

/// The framework, as the rubric declares it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct FrameworkName {
    /// Its id, such as nist-ai-rmf.
    pub id: SharedText,
    /// Its name.
    pub name: SharedText,
    /// What compact references start with, such as NIST.
    pub short: SharedText,
    /// Its version.
    pub version: SharedText,
}

/// readiness frameworks ID: a framework's ids and what the rubric maps to each.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[schemars(rename = "framework_ids")]
pub struct FrameworkIds {
    /// The format version, as in the report.
    #[schemars(extend("const" = 1))]
    pub format_version: u32,
    /// The framework, as the rubric declares it.
    pub framework: FrameworkName,
    /// Every id of the framework, in its order.
    pub ids: Vec<MappedId>,
    /// That a reference marks evidence about a control, not a judgement that the control is met.
    pub note: String,
    /// The rubric whose frameworks and mapping these are.
    pub rubric: RubricName,
}

/// An id and what the rubric maps to it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct MappedId {
    /// The dimensions the rubric maps to it.
    pub dimensions: Vec<SharedText>,
    /// The findings the rubric maps to it.
    pub findings: Vec<FindingId>,
    /// The function, clause or chapter it belongs to.
    pub group: SharedText,
    /// The id, as the framework writes it.
    pub id: SharedText,
    /// Its title (for NIST AI RMF, the subcategory's text).
    pub title: SharedText,
}

/// readiness frameworks ID FILE...: the coverage view.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[schemars(rename = "framework_coverage")]
pub struct FrameworkCoverage {
    /// One entry per questionnaire, in the order given.
    pub coverage: Vec<Coverage>,
    /// The format version, as in the report.
    #[schemars(extend("const" = 1))]
    pub format_version: u32,
    /// The framework, as the rubric declares it.
    pub framework: FrameworkName,
    /// That a reference marks evidence about a control, not a judgement that the control is met.
    pub note: String,
    /// The rubric whose frameworks and mapping these are.
    pub rubric: RubricName,
}

/// What one assessment shows for every id of the framework.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Coverage {
    /// The assessment date used.
    #[schemars(schema_with = "schema::date")]
    pub assessed: String,
    /// How many ids have each status.
    pub counts: StatusCounts,
    /// Every id of the framework, in its order.
    pub ids: Vec<CoveredId>,
    /// The organization's name.
    pub organization: String,
    /// The questionnaire's file name as given.
    pub source: String,
}

/// How many ids have each status.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct StatusCounts {
    /// Ids with a finding that fired.
    pub fired: usize,
    /// Ids the rubric maps, with no finding.
    #[serde(rename = "no-finding")]
    pub no_finding: usize,
    /// Ids the rubric maps nothing to.
    #[serde(rename = "not-assessed")]
    pub not_assessed: usize,
}

/// An id and what the assessment shows for it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct CoveredId {
    /// The scores of the dimensions the rubric maps to it.
    pub dimensions: Vec<DimensionScore>,
    /// The findings mapped to it that fired.
    pub findings: Vec<Fired>,
    /// The function, clause or chapter it belongs to.
    pub group: SharedText,
    /// The id, as the framework writes it.
    pub id: SharedText,
    /// Every finding the rubric maps to it, fired or not.
    pub mapped_findings: Vec<FindingId>,
    /// fired (a finding mapped to it fired), no-finding (the rubric maps findings or dimensions to it and none fired: not a judgement that it is met) or not-assessed (the rubric maps nothing to it).
    #[schemars(schema_with = "schema::coverage_status")]
    pub status: String,
    /// Its title (for NIST AI RMF, the subcategory's text).
    pub title: SharedText,
}

/// A finding that fired.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Fired {
    /// False when accepted risks in force cover it whole.
    pub counts_for_gate: bool,
    /// The finding's id.
    pub id: FindingId,
    /// Its severity.
    pub severity: Severity,
    /// Its title.
    pub title: SharedText,
}

/// A dimension's scores.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct DimensionScore {
    /// The dimension's id.
    pub id: SharedText,
    /// Its implementation score; null when none.
    #[serde(deserialize_with = "present")]
    #[schemars(range(min = 0, max = 100))]
    pub implementation: Option<f64>,
    /// Its name.
    pub name: SharedText,
    /// Its strategy score; null when none.
    #[serde(deserialize_with = "present")]
    #[schemars(range(min = 0, max = 100))]
    pub strategy: Option<f64>,
}
