//! The rubric file as written: TOML read into loosely typed structs that keep
//! each value's place in the file. `validate.rs` turns them into a `Rubric`.

use serde::Deserialize;
use std::collections::BTreeMap;
use toml::Spanned;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawRubric {
    pub id: Spanned<String>,
    pub version: Spanned<String>,
    pub name: String,
    pub thresholds: RawThresholds,
    pub levels: RawLevels,
    /// One line for each level: what an organization at that level has.
    pub level_meanings: BTreeMap<String, Spanned<String>>,
    pub quadrants: BTreeMap<String, Spanned<RawQuadrant>>,
    pub focus: BTreeMap<String, Spanned<String>>,
    pub dimensions: Vec<RawDimension>,
    pub criteria: Vec<RawCriterion>,
    pub findings: BTreeMap<String, Spanned<RawFinding>>,
    pub benchmark: RawBenchmark,
    pub answer_first: RawAnswerFirst,
    /// The frameworks its findings and dimensions refer to; none when absent,
    /// so rubrics written before references keep loading.
    #[serde(default)]
    pub frameworks: Vec<RawFramework>,
}

/// A framework the rubric refers to: one of the three built in (whose ids
/// the tool carries), or its own, with its ids.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawFramework {
    pub id: Spanned<String>,
    pub name: String,
    pub version: Spanned<String>,
    /// What compact references start with (`NIST`); the id when absent.
    pub short: Option<String>,
    /// A framework of the rubric's own: every id it has, with its title.
    pub ids: Option<Spanned<Vec<RawEntry>>>,
}

/// One id of a framework the rubric declares itself.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawEntry {
    pub id: Spanned<String>,
    pub title: String,
    /// The part of the framework it belongs to; the framework's name when absent.
    pub group: Option<String>,
}

/// The recommendation to answer the open questions first.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawAnswerFirst {
    pub title: Spanned<String>,
    pub reason: Spanned<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawBenchmark {
    pub pilot_to_production_pct: Spanned<f64>,
    pub source: String,
}

/// Every number a finding, the quadrant or the focus compares against.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawThresholds {
    pub quadrant_cut: Spanned<f64>,
    pub min_side_completeness: Spanned<f64>,
    pub pivot_min_strategy: Spanned<f64>,
    pub impact_weights: Spanned<RawImpactWeights>,
    pub max_weight: Spanned<f64>,
    pub stale_pilot_days: Spanned<i64>,
    pub cost_overrun_ratio: Spanned<f64>,
    pub no_production_min_active: Spanned<i64>,
    pub overwhelmed_open_options: Spanned<i64>,
    pub plan_without_results_strategy: Spanned<f64>,
    pub plan_without_results_implementation: Spanned<f64>,
    pub strategy_equals_ready_strategy: Spanned<f64>,
    pub recommended_gaps: Spanned<i64>,
}

/// Each started pilot's weight in per-pilot averages, by its `impact`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawImpactWeights {
    pub low: f64,
    pub medium: f64,
    pub high: f64,
}

/// The overall score from which each level starts (`exploring` starts at 0).
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawLevels {
    pub experimenting: Spanned<f64>,
    pub operationalizing: Spanned<f64>,
    pub scaling: Spanned<f64>,
    pub transforming: Spanned<f64>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawQuadrant {
    pub name: String,
    pub meaning: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawDimension {
    pub id: Spanned<String>,
    pub name: String,
    /// Framework references, `framework:id`.
    #[serde(default)]
    pub references: Vec<Spanned<String>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawCriterion {
    pub id: Spanned<String>,
    pub dimension: Spanned<String>,
    pub side: Spanned<String>,
    pub weight: Spanned<f64>,
    pub title: String,
    pub advice: Spanned<String>,
    pub kind: Spanned<String>,
    /// One answer's path (`choice`, `scale`, `any-of`, `age`).
    pub answer: Option<Spanned<String>>,
    /// Several answers' paths (`checklist`).
    pub answers: Option<Spanned<Vec<Spanned<String>>>>,
    /// A list's path (`list-completeness`).
    pub list: Option<Spanned<String>>,
    /// Item keys that count (`list-completeness`).
    pub fields: Option<Spanned<Vec<Spanned<String>>>>,
    /// A pilot's key (`pilots`).
    pub field: Option<Spanned<String>>,
    /// Words that count (`any-of`, or `pilots` over an any-of key).
    pub items: Option<Spanned<Vec<Spanned<String>>>>,
    /// What each answer (`checklist`) or item (`any-of`) is called in a
    /// sentence: `{missing}` in the advice lists those not met.
    pub labels: Option<Spanned<Vec<Spanned<String>>>>,
    /// Points per choice.
    pub points: Option<Spanned<BTreeMap<String, Spanned<f64>>>>,
    /// Points along a number line, as `[value, points]` pairs.
    pub curve: Option<Spanned<Vec<(f64, f64)>>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawFinding {
    pub severity: Spanned<String>,
    pub title: String,
    /// The message; misconceptions have `messages` instead.
    pub message: Option<Spanned<String>>,
    pub remedy: Spanned<String>,
    /// Criteria whose advice this finding's remedy already gives; required,
    /// even when empty, so that a rubric says it for every finding.
    pub related: Vec<Spanned<String>>,
    /// Framework references, `framework:id` (`nist-ai-rmf:MEASURE 2.4`).
    #[serde(default)]
    pub references: Vec<Spanned<String>>,
    /// For misconceptions: the belief, and the correction.
    pub statement: Option<String>,
    pub correction: Option<String>,
    /// For misconceptions: a message for each way it shows, and for the say-do gap.
    pub messages: Option<Spanned<RawMessages>>,
    /// The remedy when pilots are started, where the plain remedy would
    /// advise starting one.
    pub remedy_started: Option<Spanned<String>>,
    /// The fix its remedy prescribes (`decide`, `monitor`, `measure`):
    /// findings that share one give it once per pilot.
    pub fix: Option<Spanned<String>>,
}

/// A misconception's message for each source, and the sentence added when
/// leadership rejects the statement that its behaviour shows.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawMessages {
    pub belief: Spanned<String>,
    pub behavior: Spanned<String>,
    pub both: Spanned<String>,
    pub gap: Spanned<String>,
}
