//! The result of an assessment: the single source of every output format.
//! The JSON report (format 1 of the command-line contract) is written from
//! it by [`Assessment::report`], in the types of `crate::report::v1`.

mod moves;
mod report;

pub use moves::{CriterionMove, TimeAlone};

use crate::derive::evidence::Evidence;
use crate::frameworks::References;
use crate::gate::Gate;
use crate::rubric::{Criterion, RubricRef, SharedText};
use crate::vocabulary::{
    Confidence, DateSource, Environment, FindingId, Focus, FocusReason, Group, IncidentKind,
    IncidentSeverity, Level, Monitoring, PurgatoryStatus, Quadrant, RetiredReason, Severity, Side,
    Source, Stage, Word,
};
use std::fmt;
use std::sync::Arc;

pub use crate::report::v1::FORMAT_VERSION;

#[derive(Debug, Clone, PartialEq)]
pub struct Assessment {
    pub format_version: u32,
    pub tool: Tool,
    /// The questionnaire's file name, as given on the command line, made
    /// safe to print (escaped where it must be).
    pub source: String,
    /// The questionnaire's real path, where it was read from a file: what
    /// SARIF and annotations locate their results by (`source` is escaped
    /// for display, and a location must name the file itself).
    pub path: Option<std::path::PathBuf>,
    pub organization: Organization,
    /// Shared with every other assessment by the same rubric.
    pub rubric: Arc<RubricRef>,
    pub scores: Scores,
    /// How far to trust the verdict, given what was left unanswered.
    pub confidence: Confidence,
    /// The lower of the level the overall score reaches and the cap.
    pub level: Level,
    pub level_by_score: Level,
    /// The highest level what exists supports; `null` when none applies.
    pub level_cap: Option<Level>,
    /// The next level up and what holds the organization back from it;
    /// `null` at the top level.
    pub next_level: Option<NextLevel>,
    pub quadrant: Quadrant,
    pub focus: Focus,
    /// The focus in one sentence, naming the facts that decided it.
    pub focus_reason: SharedText,
    /// Which row of the focus rule decided.
    pub focus_reason_id: FocusReason,
    pub purgatory: Purgatory,
    /// Who answered the questionnaire; left out of the JSON when none is named.
    pub respondents: Vec<Respondent>,
    /// Every pilot in the questionnaire, retired ones included.
    pub pilots: Vec<PilotSummary>,
    /// The go/no-go decisions leadership owes: every lingering pilot, the
    /// longest running first.
    pub decisions: Vec<DecisionNeeded>,
    /// What AI costs, as answered.
    pub spend: Spend,
    /// The incidents the questionnaire records; left out of the JSON when none is.
    pub incidents: Vec<IncidentSummary>,
    pub findings: Vec<Finding>,
    pub dimensions: Vec<DimensionResult>,
    pub unanswered: Vec<String>,
    /// The open questions a side's criteria read from the other side's
    /// section (`strategy.risks_assessed`, which implementation's risk
    /// criterion reads too), counted in that side's number beside its
    /// score: the report names them, as a reader looking under the side's
    /// own section finds none.
    pub unanswered_across: Vec<(Side, String)>,
    pub recommendations: Vec<Recommendation>,
    /// The gate result; `null` when no gate was set.
    pub gate: Option<Gate>,
    /// Every acceptance of the settings file that concerns this
    /// questionnaire, and what became of it.
    pub acceptances: Vec<crate::acceptance::AcceptanceState>,
    /// What changed since the baseline (`--baseline`); `null` when none was given.
    pub comparison: Option<Box<crate::report::v1::Comparison>>,
    /// With the regression gate: the criteria whose points moved since the
    /// baseline, for the lines of a failed check (the JSON's `comparison`
    /// holds what moved by dimension).
    pub moved: Vec<CriterionMove>,
    /// The settings this report was made with; shared by every assessment of a run.
    pub config: Arc<RunConfig>,
    /// The frameworks whose view the report adds (`--framework`); the JSON
    /// carries every reference already, and `readiness frameworks` the view.
    pub framework_views: Vec<FrameworkView>,
}

/// A framework to show the report's "Framework view" of, with the rubric
/// whose mapping it shows; shared by every assessment of a run.
#[derive(Debug, Clone)]
pub struct FrameworkView {
    pub rubric: Arc<crate::rubric::Rubric>,
    pub framework: Arc<crate::frameworks::Framework>,
}

impl PartialEq for FrameworkView {
    fn eq(&self, other: &FrameworkView) -> bool {
        Arc::ptr_eq(&self.rubric, &other.rubric) && self.framework == other.framework
    }
}

/// The files and gates a report was made with, so a reader can tell which
/// rubric and which `readiness.toml` produced it.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct RunConfig {
    /// The settings file read, as named; `null` when none was.
    pub file: Option<String>,
    /// The rubric file read, as named; `null` for the built-in default rubric.
    pub rubric: Option<String>,
    /// Every gate in force, from the flags over the settings file.
    pub gates: crate::gate::Gates,
    /// Each setting of the settings file a flag replaced, for the report's
    /// config line; the JSON's `gates` already holds the values in force.
    pub overrides: Vec<Override>,
}

/// A setting of the settings file that a flag replaced with another value.
#[derive(Debug, Clone, PartialEq)]
pub struct Override {
    /// The setting as the settings file names it: `fail_on`, `rubric`.
    pub setting: &'static str,
    /// The flag that replaced it: `--fail-on`.
    pub flag: &'static str,
    /// The value in force, as printed.
    pub value: String,
    /// The settings file's value, as printed.
    pub replaced: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Tool {
    pub name: &'static str,
    pub version: &'static str,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Organization {
    pub name: String,
    /// The assessment date used, `YYYY-MM-DD`.
    pub assessed: String,
    /// Where that date came from: the questionnaire, `--as-of`, or today.
    pub assessed_from: DateSource,
}

/// The scores, each computed from what was answered: `null` for a side
/// with nothing answered (overall: either side).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Scores {
    pub strategy: Option<f64>,
    pub implementation: Option<f64>,
    pub overall: Option<f64>,
    /// The share of the rubric's weight answered, both sides together.
    pub completeness: f64,
    /// Each score's range: every unanswered part counted as 0, then as 100.
    pub range: Ranges,
    pub completeness_by_side: BySide,
    /// How many questions each side's criteria read that were left out.
    pub open_questions: OpenQuestions,
}

/// What holds the overall score at 0: see [`Scores::held_at_zero`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HeldAtZero {
    No,
    One(Side),
    Both,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct OpenQuestions {
    pub strategy: usize,
    pub implementation: usize,
    /// Distinct questions read by either side's criteria: a question both
    /// sides read counts once. Questions only a finding reads are not here.
    pub overall: usize,
}

/// The next level up, and what stands between the organization and it.
#[derive(Debug, Clone, PartialEq)]
pub struct NextLevel {
    pub level: Level,
    /// Where it starts on the overall score.
    pub starts_at: f64,
    /// Overall points still missing; 0 when the score already reaches it.
    pub points_needed: f64,
    /// The cap on what exists that holds the level below it; `null` when
    /// what exists allows it.
    pub cap: Option<Level>,
    /// The criteria with the largest weighted gaps, which would raise the
    /// score most; empty when the score already reaches the level.
    pub criteria: Vec<SharedText>,
}

/// A go/no-go decision that leadership owes: a lingering pilot.
#[derive(Debug, Clone, PartialEq)]
pub struct DecisionNeeded {
    pub pilot: String,
    /// Who in the business is accountable for it; `null` when nobody is named.
    pub business_owner: Option<String>,
    /// Its go/no-go date, `YYYY-MM-DD`; `null` when none is set.
    pub decision_by: Option<String>,
    /// Whether that date has passed.
    pub overdue: bool,
    /// Days since it started; `null` when its start is not given.
    pub days_running: Option<i64>,
    /// Its cost against plan; `null` when not answered.
    pub cost_vs_plan: Option<f64>,
    pub line: u32,
}

/// What AI costs, as answered; each `null` when left out.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Spend {
    /// Monthly AI spend, in the questionnaire's currency.
    pub monthly: Option<f64>,
    /// Spend is tracked against the value the strategy projected.
    pub tracked: Option<bool>,
    /// Running costs (monitoring, retraining) have a recurring budget.
    pub recurring_budget: Option<bool>,
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Ranges {
    pub strategy: [f64; 2],
    pub implementation: [f64; 2],
    pub overall: [f64; 2],
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct BySide {
    pub strategy: f64,
    pub implementation: f64,
}

impl Scores {
    /// A side's score, or where it has none its low end (then 0): what the
    /// level, the quadrant and the focus compare.
    pub fn effective(&self, side: Side) -> f64 {
        match side {
            Side::Strategy => self.strategy.unwrap_or(self.range.strategy[0]),
            Side::Implementation => self.implementation.unwrap_or(self.range.implementation[0]),
        }
    }

    /// The overall score, or its low end.
    pub fn effective_overall(&self) -> f64 {
        self.overall.unwrap_or(self.range.overall[0])
    }

    /// What holds the overall score, the sides' harmonic mean, at 0: one
    /// side scored 0 (only its gains can raise it), or both (each must
    /// rise). A side not scored holds nothing: the overall is not known.
    pub fn held_at_zero(&self) -> HeldAtZero {
        let zero = |score: Option<f64>| score == Some(0.0);
        match (zero(self.strategy), zero(self.implementation)) {
            (true, true) => HeldAtZero::Both,
            (true, false) => HeldAtZero::One(Side::Strategy),
            (false, true) => HeldAtZero::One(Side::Implementation),
            (false, false) => HeldAtZero::No,
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Purgatory {
    pub status: PurgatoryStatus,
    /// The ids of the purgatory-group findings that fired.
    pub signals: Vec<FindingId>,
    /// Active pilots that linger (past their time or their go/no-go date).
    pub lingering: usize,
    /// Pilots in production or scaled.
    pub live: usize,
    /// Live pilots as a share of active and live ones, in percent; `null`
    /// when there are none or the pilots were left out.
    pub pilot_to_production_pct: Option<f64>,
    /// The published industry figure it is compared with.
    pub benchmark: Benchmark,
    /// Whether the questionnaire lists its pilots (`[]` included): with the
    /// list left out, nothing is known of purgatory, and the reports say so
    /// rather than call it clear.
    pub pilots_listed: bool,
}

/// A published figure to set the organization's own next to.
#[derive(Debug, Clone, PartialEq)]
pub struct Benchmark {
    pub pilot_to_production_pct: f64,
    pub source: SharedText,
}

/// One line of the pilot inventory.
#[derive(Debug, Clone, PartialEq)]
pub struct PilotSummary {
    pub name: String,
    pub department: Option<String>,
    pub stage: Stage,
    /// Days from `started` to the assessment date.
    pub age_days: Option<i64>,
    pub environment: Option<Environment>,
    pub users: Option<i64>,
    pub monitoring: Option<Monitoring>,
    /// Who in the business is accountable for its results.
    pub business_owner: Option<String>,
    /// Why a retired pilot was retired; left out of the JSON when not given.
    pub retired_reason: Option<RetiredReason>,
    pub line: u32,
}

/// One person who answered the questionnaire, by role.
#[derive(Debug, Clone, PartialEq)]
pub struct Respondent {
    pub role: String,
    /// The parts they answered, in the format's order; empty when not said.
    pub answered: Vec<&'static str>,
    pub line: u32,
}

/// One incident as the questionnaire records it.
#[derive(Debug, Clone, PartialEq)]
pub struct IncidentSummary {
    /// `YYYY-MM-DD`.
    pub date: String,
    /// The pilot it happened with; `null` when not tied to one.
    pub pilot: Option<String>,
    pub kind: IncidentKind,
    pub severity: IncidentSeverity,
    pub resolved: bool,
    pub summary: Option<String>,
    pub line: u32,
}

/// A finding as reported.
#[derive(Debug, Clone, PartialEq)]
pub struct Finding {
    pub id: FindingId,
    pub kind: Group,
    pub severity: Severity,
    pub title: SharedText,
    /// Shared with the recommendation whose reason it gives.
    pub message: SharedText,
    /// Shared with the recommendation that quotes this finding.
    pub evidence: Arc<[Evidence]>,
    /// Shared with the recommendation whose title it is.
    pub remedy: SharedText,
    pub source: Option<Source>,
    /// For a misconception: leadership rejects the statement its answers show.
    pub contradicts_stated_belief: Option<bool>,
    pub statement: Option<SharedText>,
    pub correction: Option<SharedText>,
    /// The pilots it names, in the questionnaire's order; empty when it
    /// names none. Shared with its report, and with its recommendation
    /// unless that names fewer.
    pub pilots: Arc<[String]>,
    /// The acceptances in force that cover it (`[[accept]]` in `readiness.toml`).
    pub accepted: Vec<crate::acceptance::Acceptance>,
    /// False when acceptances in force cover it whole: it is reported, and
    /// counts in the scores, but not for `--fail-on`.
    pub counts_for_gate: bool,
    /// The values its texts were filled with, kept so that its advice can be
    /// said again for fewer pilots (recommendations, "one fix, said once").
    pub vars: Vec<(&'static str, String)>,
    /// Its placeholders whose words depend on which of its pilots are named.
    pub pilot_vars: Vec<PilotVar>,
    /// What it is evidence about in the rubric's frameworks; shared with
    /// the rubric and the recommendation that quotes it.
    pub references: References,
}

/// A placeholder whose words depend on the pilots named: clauses, each
/// about some of a finding's pilots, of which those about a pilot named
/// are said. A finding that fires for different reasons for different
/// pilots says which is which, and its advice said again for fewer pilots
/// ("one fix, said once") says only what holds of them.
#[derive(Debug, Clone, PartialEq)]
pub struct PilotVar {
    pub name: &'static str,
    /// Between two clauses said.
    pub joiner: &'static str,
    /// Its words open a sentence: the first letter is a capital, whichever
    /// clause comes first.
    pub opens_sentence: bool,
    /// Each clause: its words, given the names of its pilots that are
    /// named and how many they are, and its pilots; a clause with no
    /// pilots is about the whole organization and said whichever are named.
    pub clauses: Vec<(Clause, Vec<String>)>,
}

/// A clause's words, from the names of the pilots it is said about and
/// their number.
pub type Clause = fn(&str, usize) -> String;

impl PilotVar {
    /// Whether it says something of the whole organization, which no
    /// earlier item's advice about its pilots covers.
    pub fn speaks_of_the_organization(&self) -> bool {
        self.clauses.iter().any(|(_, pilots)| pilots.is_empty())
    }

    /// Its words when the pilots that `named` accepts are named.
    pub fn words(&self, named: impl Fn(&str) -> bool) -> String {
        let said: Vec<String> = self
            .clauses
            .iter()
            .filter_map(|(clause, pilots)| {
                let kept: Vec<&str> = pilots
                    .iter()
                    .map(String::as_str)
                    .filter(|p| named(p))
                    .collect();
                (pilots.is_empty() || !kept.is_empty())
                    .then(|| clause(&crate::text::names(kept.iter().copied()), kept.len()))
            })
            .collect();
        let words = said.join(self.joiner);
        if !self.opens_sentence {
            return words;
        }
        let mut chars = words.chars();
        chars
            .next()
            .map_or_else(String::new, |c| c.to_uppercase().chain(chars).collect())
    }
}

impl Finding {
    /// The line it is shown at, in code scanning and in the gate's
    /// messages: that of its first evidence with one; `None` when none has.
    pub fn line(&self) -> Option<u32> {
        self.evidence.iter().find_map(|e| e.line)
    }

    /// The line a failed gate names it at: that of its first evidence about
    /// a pilot no acceptance leaves out (a value that is the pilot's name,
    /// or begins with it and a comma), else its [`line`](Finding::line).
    /// A line about an accepted pilot would point at what does not fail.
    pub fn gate_line(&self) -> Option<u32> {
        if self.accepted.iter().all(|x| x.pilot.is_none()) {
            return self.line();
        }
        let counting: rustc_hash::FxHashSet<&str> = self.unaccepted_pilots().into_iter().collect();
        let about_one = |value: &str| {
            let heads = value.match_indices(',').map(|(at, _)| &value[..at]);
            std::iter::once(value)
                .chain(heads)
                .any(|head| counting.contains(head))
        };
        self.evidence
            .iter()
            .find(|e| e.line.is_some() && about_one(&e.value))
            .and_then(|e| e.line)
            .or_else(|| self.line())
    }

    /// The pilots its acceptances in force leave counting for the gate:
    /// every pilot it names, less those accepted one by one.
    pub fn unaccepted_pilots(&self) -> Vec<&str> {
        self.pilots
            .iter()
            .filter(|p| {
                !self
                    .accepted
                    .iter()
                    .any(|x| x.pilot.as_deref() == Some(p.as_str()))
            })
            .map(String::as_str)
            .collect()
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct DimensionResult {
    pub id: SharedText,
    pub name: SharedText,
    /// `null` for a side with no criteria, or none answered.
    pub strategy: Option<f64>,
    pub implementation: Option<f64>,
    pub criteria: Vec<CriterionResult>,
    /// What its scores are evidence about in the rubric's frameworks.
    pub references: References,
}

/// One criterion's result. The criterion's id, title, side and weight are
/// the rubric's, shared by every assessment; the JSON writes them out.
#[derive(Debug, Clone, PartialEq)]
pub struct CriterionResult {
    pub criterion: Arc<Criterion>,
    /// Points over what was answered, rounded to one decimal; `None` when
    /// nothing was, or it does not apply. Kept in 32 bits: ten thousand
    /// assessments hold forty criteria each, and a rounded score needs no more.
    pub points: Option<f32>,
    /// The answered share, from 0 to 1, to three places.
    pub answered: f32,
    /// Whether it takes part in the scores at all.
    pub applies: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Recommendation {
    pub rank: usize,
    /// The finding's or criterion's id, or `focus` or `answer-first`.
    pub id: RecommendationId,
    /// The finding's group; `null` for the focus, `answer-first` and criteria.
    pub group: Option<Group>,
    pub title: SharedText,
    pub reason: Reason,
    pub evidence: Arc<[Evidence]>,
    /// The pilots its advice names, in the questionnaire's order; for a
    /// finding's remedy, those no earlier item of the same fix named.
    /// Shared with its report, and with the finding it quotes when it
    /// names all of that finding's pilots.
    pub pilots: Arc<[String]>,
    /// Findings whose advice this item gives too: a later item with the
    /// same fix for no other pilot is folded in here, not repeated.
    pub also: Vec<FindingId>,
    /// A finding's references, or for a criterion's gap its dimension's;
    /// empty for the focus and answer-first.
    pub references: References,
}

/// What a recommendation comes from, written as its id. Ids are the
/// vocabulary's words or the rubric's shared text, so none is copied.
#[derive(Debug, Clone, PartialEq)]
pub enum RecommendationId {
    /// `answer-first`: answer the open questions before acting.
    AnswerFirst,
    /// `focus`: the focus and why.
    Focus,
    Finding(FindingId),
    Criterion(SharedText),
}

impl RecommendationId {
    pub fn as_str(&self) -> &str {
        match self {
            RecommendationId::AnswerFirst => "answer-first",
            RecommendationId::Focus => "focus",
            RecommendationId::Finding(id) => id.word(),
            RecommendationId::Criterion(id) => id,
        }
    }
}

/// Why a recommendation is made, one sentence in the report. For a
/// finding's remedy it is the finding's title and message, shared with the
/// finding rather than written out again in every assessment.
#[derive(Debug, Clone, PartialEq)]
pub enum Reason {
    /// Shared with the focus it explains, or a text of the rubric's.
    Text(SharedText),
    Finding {
        title: SharedText,
        message: SharedText,
    },
    /// A criterion's gap: its points over what was answered, and its weight.
    Gap {
        criterion: Arc<Criterion>,
        points: f32,
    },
}

impl fmt::Display for Reason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Reason::Text(text) => f.write_str(text),
            Reason::Finding { title, message } => write!(f, "{title}: {message}"),
            Reason::Gap { criterion, points } => write!(
                f,
                "{}: {points:.1} of 100 points over what was answered, weight {}",
                criterion.title, criterion.weight
            ),
        }
    }
}
