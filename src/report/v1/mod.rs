//! The JSON report, format 1, as Rust types: what `assess --format json`
//! writes, what a stored report is read back as (`diff`, `--baseline`, the
//! regression gate), and what `readiness schema --report` describes (its
//! JSON Schema is derived from these types, the doc comments its
//! descriptions). The domain's `Assessment` is written into it by
//! `Assessment::report`; nothing here knows how an assessment is made.
//!
//! Reading is strict where it matters: every field format 1 has had since
//! a stored report could be compared is required (one that may be `null`
//! must still be there), closed words are checked as they are read, and
//! `read::check` adds what types cannot say. Format 1 adds fields without a
//! new `format_version`: a field added since is `#[serde(default)]` on
//! reading, so an earlier report still reads, and a key this version does
//! not know is ignored, so a later tool's report still compares.

// The doc comments here are the schema's descriptions, read as plain text:
// `[[accept]]` and `pilots[0]` in them are words, not links.
#![allow(rustdoc::broken_intra_doc_links)]

pub mod comparison;
pub mod evidence;
pub mod frameworks;
pub mod gate;
pub mod history;
pub mod listed;
pub mod portfolio;
pub mod references;
pub mod root;
pub mod schema;

use crate::shared_text::SharedText;
use crate::vocabulary::{
    AcceptanceStatus, Confidence, DateSource, Environment, FindingId, Focus, FocusReason, Group,
    IncidentKind, IncidentSeverity, Level, Monitoring, Part, PurgatoryStatus, Quadrant,
    RetiredReason, Severity, Side, Source, Stage,
};
use schemars::JsonSchema;
use serde::{Deserialize, Deserializer, Serialize};
use std::sync::Arc;

pub use comparison::Comparison;
pub use evidence::EvidenceList;
pub use gate::{Config, Gate, GateCheck, Gates};
pub use references::ReferenceList;

/// The version of the JSON report's shape.
pub const FORMAT_VERSION: u32 = 1;

/// A field that may be `null` but must be there: serde would otherwise
/// read a missing `Option` as `null`, and a report that lost a score would
/// compare as one with nothing answered.
pub(crate) fn present<'de, D, T>(deserializer: D) -> Result<Option<T>, D::Error>
where
    D: Deserializer<'de>,
    T: Deserialize<'de>,
{
    Option::deserialize(deserializer)
}

/// What a finding read from a report written before acceptances counts
/// for: the gate, as every finding did then.
fn counts() -> bool {
    true
}

/// The assessment of one questionnaire.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[schemars(rename = "assessment")]
pub struct Report {
    /// The report format version; fields are added within a version, never renamed or removed.
    #[schemars(extend("const" = 1))]
    pub format_version: u32,
    /// The tool that made the report.
    pub tool: Tool,
    /// The questionnaire's file name as given on the command line, or the --stdin-filename name.
    pub source: String,
    /// Who was assessed, and when.
    pub organization: Organization,
    /// The rubric the scores were computed with.
    pub rubric: Rubric,
    /// The scores, each from 0 to 100 with one decimal, computed from what was answered.
    pub scores: Scores,
    /// How far to trust the verdict given what was left unanswered: firm (the open questions cannot change the quadrant), provisional, or insufficient (too little answered to judge).
    pub confidence: Confidence,
    /// The maturity level: the lower of the level the overall score reaches and the cap set by what exists.
    pub level: Level,
    /// The level the overall score alone reaches.
    pub level_by_score: Level,
    /// The highest level what exists supports; null when no cap applies.
    #[serde(deserialize_with = "present")]
    pub level_cap: Option<Level>,
    /// The next level up and what holds the organization back from it; null at the top level.
    #[serde(default)] // added within format 1: an earlier report lacks it
    pub next_level: Option<NextLevel>,
    /// Where strategy and implementation put the organization: aligned (both high), slide-deck (a plan nothing delivers), unused-tools (systems without a purpose) or early (neither).
    pub quadrant: Quadrant,
    /// What to work on next: strategy, implementation, both in parallel, or scale.
    pub focus: Focus,
    /// The focus in one sentence, naming the facts that decided it.
    pub focus_reason: SharedText,
    /// Which row of the focus rule decided.
    pub focus_reason_id: FocusReason,
    /// Whether pilots are stuck between pilot and production, and why.
    pub purgatory: Purgatory,
    /// Who answered the questionnaire (respondents), in its order; left out when it names nobody.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub respondents: Vec<Respondent>,
    /// Every pilot in the questionnaire, retired ones included, in its order.
    pub pilots: Vec<Pilot>,
    /// The go/no-go decisions leadership owes: every lingering pilot, the longest running first.
    #[serde(default)] // added within format 1: an earlier report lacks it
    pub decisions: Vec<Decision>,
    /// What AI costs, as answered; each part null when left out.
    #[serde(default)] // added within format 1: an earlier report lacks it
    pub spend: Spend,
    /// The incidents the questionnaire records (implementation.incidents), in its order; left out when it records none.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub incidents: Vec<Incident>,
    /// Every finding that fired, most severe first, then in the rules' order.
    pub findings: Vec<Finding>,
    /// Each dimension of the rubric with its scores and criteria.
    pub dimensions: Vec<Dimension>,
    /// The questionnaire paths of the questions left unanswered, each a dotted path such as strategy.sponsor or implementation.pilots[0].monitoring.
    pub unanswered: Vec<String>,
    /// What to do, ranked: the focus first, then findings' remedies and the largest gaps.
    pub recommendations: Vec<Recommendation>,
    /// The gate's result when a gate was set; null when none was.
    #[serde(deserialize_with = "present")]
    pub gate: Option<Gate>,
    /// Every acceptance of the settings file that concerns this questionnaire (one naming a pilot concerns only questionnaires that have it), in the file's order.
    #[serde(default)] // added within format 1: an earlier report lacks it
    pub acceptances: Vec<AcceptanceState>,
    /// What changed since the baseline (--baseline); null when none was given.
    #[serde(default)] // added within format 1: an earlier report lacks it
    pub comparison: Option<Box<Comparison>>,
    /// The settings the report was made with.
    pub config: Config,
}

/// The tool that made the report.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Tool {
    /// Always readiness.
    pub name: String,
    /// The tool's version.
    pub version: String,
}

/// Who was assessed, and when.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Organization {
    /// The organization's name from the questionnaire.
    pub name: String,
    /// The assessment date used, YYYY-MM-DD.
    #[schemars(schema_with = "schema::date")]
    pub assessed: String,
    /// Where that date came from: the questionnaire, the --as-of flag, or today's date.
    pub assessed_from: DateSource,
}

/// The rubric the scores were computed with.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Rubric {
    /// The rubric's id (default for the built-in one).
    pub id: String,
    /// The rubric's version.
    pub version: String,
    /// The rubric's name.
    pub name: String,
    /// Each quadrant's name and meaning, as the rubric words them.
    pub quadrants: Quadrants,
    /// The score at or above which a side counts as high; the chart's midlines sit here.
    #[schemars(range(min = 0, max = 100))]
    pub quadrant_cut: f64,
    /// What each level means, in one line, as the rubric words it.
    #[serde(default)] // added within format 1: an earlier report lacks it
    pub level_meanings: LevelMeanings,
}

/// Each quadrant's name and meaning, as the rubric words them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Quadrants {
    /// Strategy and implementation both high.
    pub aligned: QuadrantText,
    /// Neither side high.
    pub early: QuadrantText,
    /// Strategy high, implementation low.
    #[serde(rename = "slide-deck")]
    pub slide_deck: QuadrantText,
    /// Implementation high, strategy low.
    #[serde(rename = "unused-tools")]
    pub unused_tools: QuadrantText,
}

/// A quadrant in the rubric's words.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct QuadrantText {
    /// The quadrant's name for people.
    pub name: SharedText,
    /// What being in the quadrant means.
    pub meaning: SharedText,
}

/// What each level means, in one line, as the rubric words it.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct LevelMeanings {
    /// What an organization at the experimenting level has.
    pub experimenting: SharedText,
    /// What an organization at the exploring level has.
    pub exploring: SharedText,
    /// What an organization at the operationalizing level has.
    pub operationalizing: SharedText,
    /// What an organization at the scaling level has.
    pub scaling: SharedText,
    /// What an organization at the transforming level has.
    pub transforming: SharedText,
}

/// The scores, each from 0 to 100 with one decimal, computed from what was answered.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Scores {
    /// The strategy score; null when nothing on that side is answered.
    #[serde(deserialize_with = "present")]
    #[schemars(range(min = 0, max = 100))]
    pub strategy: Option<f64>,
    /// The implementation score; null when nothing on that side is answered.
    #[serde(deserialize_with = "present")]
    #[schemars(range(min = 0, max = 100))]
    pub implementation: Option<f64>,
    /// The harmonic mean of strategy and implementation; null when either is null.
    #[serde(deserialize_with = "present")]
    #[schemars(range(min = 0, max = 100))]
    pub overall: Option<f64>,
    /// The share of the rubric's weight answered, in percent.
    #[schemars(range(min = 0, max = 100))]
    pub completeness: f64,
    /// The range each score could take once the open questions are answered.
    pub range: Ranges,
    /// The share of each side's weight answered, in percent.
    pub completeness_by_side: BySide,
    /// How many questions the scores read are unanswered.
    pub open_questions: OpenQuestions,
}

/// The range each score could take once the open questions are answered:
/// every open question counted as 0 points (low) and as 100 (high).
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Ranges {
    /// The strategy score's range, [low, high].
    #[schemars(schema_with = "schema::low_high")]
    pub strategy: [f64; 2],
    /// The implementation score's range, [low, high].
    #[schemars(schema_with = "schema::low_high")]
    pub implementation: [f64; 2],
    /// The overall score's range, [low, high].
    #[schemars(schema_with = "schema::low_high")]
    pub overall: [f64; 2],
}

/// The share of each side's weight answered, in percent.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct BySide {
    /// For the strategy side.
    #[schemars(range(min = 0, max = 100))]
    pub strategy: f64,
    /// For the implementation side.
    #[schemars(range(min = 0, max = 100))]
    pub implementation: f64,
}

/// How many questions the scores read are unanswered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct OpenQuestions {
    /// Read by the strategy side's criteria.
    pub strategy: usize,
    /// Read by the implementation side's criteria.
    pub implementation: usize,
    /// Read by either side's criteria, each question once; questions only a finding reads are not counted.
    #[serde(default)] // added within format 1: an earlier report lacks it
    pub overall: usize,
}

/// The next level up and what holds the organization back from it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct NextLevel {
    /// The next level.
    pub level: Level,
    /// Where it starts on the overall score.
    #[schemars(range(min = 0, max = 100))]
    pub starts_at: f64,
    /// Overall points still missing; 0 when the score already reaches it.
    #[schemars(range(min = 0, max = 100))]
    pub points_needed: f64,
    /// The cap set by what exists that holds the level below it; null when what exists allows it.
    #[serde(deserialize_with = "present")]
    pub cap: Option<Level>,
    /// The criteria with the largest weighted gaps (their ids), whose answers would raise the score most; empty when the score already reaches the level.
    pub criteria: Vec<SharedText>,
}

/// Whether pilots are stuck between pilot and production, and why.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Purgatory {
    /// stuck (more pilots linger than are live), at-risk (a signal fired) or none.
    pub status: PurgatoryStatus,
    /// The purgatory findings that fired.
    pub signals: Vec<FindingId>,
    /// Pilots still at stage pilot past the rubric's limit (180 days by default) or past their go/no-go date.
    pub lingering: usize,
    /// Pilots in production or scaled.
    pub live: usize,
    /// Live pilots (production or scaled) as a share of those and the pilots at stage pilot, in percent; null when there are none, or the pilots were left out.
    #[serde(deserialize_with = "present")]
    #[schemars(range(min = 0, max = 100))]
    pub pilot_to_production_pct: Option<f64>,
    /// The industry figure to compare with.
    pub benchmark: Benchmark,
}

/// The industry figure to compare with.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Benchmark {
    /// The share of pilots that reach production across the industry, in percent.
    #[schemars(range(min = 0, max = 100))]
    pub pilot_to_production_pct: f64,
    /// Where the figure comes from.
    pub source: SharedText,
}

/// One person who answered, by role.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Respondent {
    /// Their role, as the questionnaire gives it.
    pub role: String,
    /// The parts of the questionnaire they answered; empty when not said.
    pub answered: Vec<Part>,
    /// The line of the respondent in the questionnaire.
    #[schemars(range(min = 1))]
    pub line: u32,
}

/// One pilot as the inventory lists it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Pilot {
    /// The pilot's name.
    pub name: String,
    /// The department that runs it; null when not given.
    #[serde(deserialize_with = "present")]
    pub department: Option<String>,
    /// Its stage: idea, pilot, production, scaled or retired.
    pub stage: Stage,
    /// Days from its start to the assessment date; null when the start is not given.
    #[serde(deserialize_with = "present")]
    pub age_days: Option<i64>,
    /// Where it runs; null when not given.
    #[serde(deserialize_with = "present")]
    pub environment: Option<Environment>,
    /// How many people use it; null when not given.
    #[serde(deserialize_with = "present")]
    #[schemars(range(min = 0))]
    pub users: Option<i64>,
    /// How its outputs are watched; null when not given.
    #[serde(deserialize_with = "present")]
    pub monitoring: Option<Monitoring>,
    /// Who in the business is accountable for its results; null when nobody is named.
    #[serde(default)] // added within format 1: an earlier report lacks it
    pub business_owner: Option<String>,
    /// Why a retired pilot was retired; left out when not given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub retired_reason: Option<RetiredReason>,
    /// The line of the pilot in the questionnaire.
    #[schemars(range(min = 1))]
    pub line: u32,
}

/// A lingering pilot awaiting its go/no-go decision.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Decision {
    /// The pilot's name.
    pub pilot: String,
    /// Who in the business is accountable for it; null when nobody is named.
    #[serde(deserialize_with = "present")]
    pub business_owner: Option<String>,
    /// Its go/no-go date; null when none is set.
    #[serde(deserialize_with = "present")]
    #[schemars(schema_with = "schema::nullable_date")]
    pub decision_by: Option<String>,
    /// Whether the go/no-go date has passed.
    pub overdue: bool,
    /// Days since it started; null when its start is not given.
    #[serde(deserialize_with = "present")]
    #[schemars(range(min = 0))]
    pub days_running: Option<i64>,
    /// Its cost against plan; null when not answered.
    #[serde(deserialize_with = "present")]
    #[schemars(range(min = 0))]
    pub cost_vs_plan: Option<f64>,
    /// The line of the pilot in the questionnaire.
    #[schemars(range(min = 1))]
    pub line: u32,
}

/// What AI costs, as answered; each part null when left out.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Spend {
    /// Monthly AI spend, in the questionnaire's currency.
    #[serde(deserialize_with = "present")]
    #[schemars(range(min = 0))]
    pub monthly: Option<f64>,
    /// Spend is tracked against the value the strategy projected.
    #[serde(deserialize_with = "present")]
    pub tracked: Option<bool>,
    /// Running costs (monitoring, retraining) have a recurring budget.
    #[serde(deserialize_with = "present")]
    pub recurring_budget: Option<bool>,
}

/// One incident with an AI system, as recorded.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Incident {
    /// When it happened, YYYY-MM-DD.
    #[schemars(schema_with = "schema::date")]
    pub date: String,
    /// The pilot it happened with; null when it is not tied to one.
    #[serde(deserialize_with = "present")]
    pub pilot: Option<String>,
    /// What kind of incident it was.
    pub kind: IncidentKind,
    /// How serious it was.
    pub severity: IncidentSeverity,
    /// Whether it is resolved.
    pub resolved: bool,
    /// What happened, in one line; null when not given.
    #[serde(deserialize_with = "present")]
    pub summary: Option<String>,
    /// The line of the incident in the questionnaire.
    #[schemars(range(min = 1))]
    pub line: u32,
}

/// A finding that fired, with the evidence that made it fire.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Finding {
    /// The finding's id; readiness explain ID describes it.
    pub id: FindingId,
    /// Its family: purgatory, operations (live systems and running costs), misconception, or other.
    pub kind: Group,
    /// info, warning or critical.
    pub severity: Severity,
    /// The finding's title.
    pub title: SharedText,
    /// What fired, naming the pilots or answers concerned.
    pub message: SharedText,
    /// The answers that made it fire, each with its path and line.
    pub evidence: EvidenceList,
    /// What to do about it.
    pub remedy: SharedText,
    /// Misconceptions only: whether leadership states the belief, shows it in practice, or both.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<Source>,
    /// Misconceptions only: true when practice shows the belief that leadership says it does not hold (a say-do gap).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub contradicts_stated_belief: Option<bool>,
    /// Misconceptions only: the belief, in full.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub statement: Option<SharedText>,
    /// Misconceptions only: why the belief is wrong.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub correction: Option<SharedText>,
    /// The pilots it names, in the questionnaire's order; empty when it names none.
    #[serde(default)] // added within format 1: an earlier report lacks it
    pub pilots: Arc<[String]>,
    /// The acceptances in force that cover it ([[accept]] in readiness.toml).
    #[serde(default)] // added within format 1: an earlier report lacks it
    pub accepted: Vec<Acceptance>,
    /// False when acceptances in force cover it whole (without a pilot, or one for each pilot it names): it is still reported and still counts in the scores, but not for --fail-on.
    // Added within format 1: before acceptances, every finding counted.
    #[serde(default = "counts")]
    pub counts_for_gate: bool,
    /// The framework controls the rubric maps this finding to: evidence about each, not a judgement that it is met.
    #[serde(default)] // added within format 1: an earlier report lacks it
    pub references: ReferenceList,
}

/// One piece of evidence a reader can check in the questionnaire.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[schemars(rename = "evidence")]
pub struct Evidence {
    /// The questionnaire path (implementation.pilots[0].environment), or scores.strategy for a score.
    pub path: String,
    /// The value in words.
    pub value: String,
    /// The line in the questionnaire; null for a score or an unanswered question.
    #[serde(deserialize_with = "present")]
    #[schemars(range(min = 1))]
    pub line: Option<u32>,
}

/// One id of a governance framework the rubric declares.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[schemars(rename = "reference")]
pub struct Reference {
    /// The framework's id, such as nist-ai-rmf, iso-42001 or eu-ai-act.
    pub framework: SharedText,
    /// The subcategory, clause, control or article, as the framework writes it: MEASURE 2.4, A.6.2.6, Art. 26.
    pub id: SharedText,
    /// Its title (for NIST AI RMF, the subcategory's text).
    pub title: SharedText,
}

/// An [[accept]] entry of the settings file, in force.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Acceptance {
    /// The finding accepted.
    pub finding: FindingId,
    /// The one pilot accepted, for a per-pilot finding; null for the whole finding.
    #[serde(deserialize_with = "present")]
    pub pilot: Option<String>,
    /// Why the risk is accepted.
    pub reason: String,
    /// Who accepted it.
    pub by: String,
    /// The last day it holds.
    #[schemars(schema_with = "schema::date")]
    pub until: String,
    /// The settings file it is written in, as named.
    pub file: String,
    /// The line of its [[accept]] header.
    #[schemars(range(min = 1))]
    pub line: u32,
}

/// An acceptance of the settings file that concerns this questionnaire, and what became of it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct AcceptanceState {
    #[serde(flatten)]
    pub acceptance: Acceptance,
    /// in-force (it covers a finding that fired), expired (past its date: the finding counts again) or unmatched (the finding does not fire: remove it).
    pub status: AcceptanceStatus,
}

/// A dimension of the rubric: its score on each side, and its criteria.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Dimension {
    /// The dimension's id.
    pub id: SharedText,
    /// The dimension's name.
    pub name: SharedText,
    /// Its strategy score; null when it has no strategy criterion answered.
    #[serde(deserialize_with = "present")]
    #[schemars(range(min = 0, max = 100))]
    pub strategy: Option<f64>,
    /// Its implementation score; null when it has no implementation criterion answered.
    #[serde(deserialize_with = "present")]
    #[schemars(range(min = 0, max = 100))]
    pub implementation: Option<f64>,
    /// Its criteria.
    pub criteria: Vec<Criterion>,
    /// The framework controls the rubric maps this dimension to; its criteria's gaps carry them.
    #[serde(default)] // added within format 1: an earlier report lacks it
    pub references: ReferenceList,
}

/// A criterion and what the questionnaire earned on it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Criterion {
    /// The criterion's id, such as delivery.roadmap.
    pub id: SharedText,
    /// What the criterion asks for.
    pub title: SharedText,
    /// The side it counts towards.
    pub side: Side,
    /// Its weight within its side.
    #[schemars(extend("exclusiveMinimum" = 0))]
    pub weight: f64,
    /// Its points from 0 to 100 over what was answered; null when nothing it reads is answered, or it does not apply.
    #[serde(deserialize_with = "present")]
    #[schemars(range(min = 0, max = 100))]
    pub points: Option<f32>,
    /// The share of what it reads that was answered, from 0 to 1.
    #[schemars(range(min = 0, max = 1))]
    pub answered: f32,
    /// False when it does not apply (a pilot criterion with no pilot); it then counts for nothing.
    pub applies: bool,
}

/// One recommendation, with why and the evidence.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Recommendation {
    /// Its rank, from 1.
    #[schemars(range(min = 1))]
    pub rank: usize,
    /// What it comes from: focus, answer-first, a finding id or a criterion id.
    pub id: SharedText,
    /// The family of the finding it comes from; null for the focus, answer-first and criteria.
    #[serde(deserialize_with = "present")]
    pub group: Option<Group>,
    /// What to do.
    pub title: SharedText,
    /// Why, in one sentence.
    pub reason: String,
    /// The answers it rests on.
    pub evidence: EvidenceList,
    /// The pilots its advice names, in the questionnaire's order; for a finding's remedy, only those no earlier item with the same fix named.
    #[serde(default)] // added within format 1: an earlier report lacks it
    pub pilots: Arc<[String]>,
    /// Findings whose advice it gives too: a later item with the same fix and no other pilot, folded in here rather than repeated.
    #[serde(default)] // added within format 1: an earlier report lacks it
    pub also: Vec<FindingId>,
    /// The finding's framework references, or for a criterion's gap its dimension's; empty for the focus and answer-first.
    #[serde(default)] // added within format 1: an earlier report lacks it
    pub references: ReferenceList,
}
