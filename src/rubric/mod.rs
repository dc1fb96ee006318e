//! The rubric: criteria with weights and points, thresholds, cut lines, and
//! every text a reader sees. The default one is compiled in; `--rubric FILE`
//! replaces it. A rubric is checked completely when it loads, so an assessment
//! never fails half-way through.

#[cfg(test)]
mod codegen;
// Generated from rubrics/default.toml by `codegen`; its layout is the generator's.
#[rustfmt::skip]
mod compiled;
mod raw;
mod references;
pub mod template;
mod texts;
mod validate;

use crate::frameworks::{Framework, References};
use crate::vocabulary::{FindingId, FocusReason, Impact, Level, PerWord, Quadrant, Severity, Side};
use std::sync::Arc;

pub use validate::parse;

/// The default rubric's TOML, compiled into the binary.
pub const DEFAULT_TOML: &str = include_str!("../../rubrics/default.toml");

/// The default rubric, built from Rust data generated from [`DEFAULT_TOML`]
/// once it passed every check (`compiled.rs`): reading and checking the
/// TOML at every start was nearly half of a one-file run. Built once for
/// the process and shared: its lists of references make their JSON once
/// and keep it for the rest of the run (`frameworks::References`), which a
/// rubric built anew for each caller would do again each time.
pub fn shared_default_rubric() -> &'static Rubric {
    static DEFAULT: std::sync::OnceLock<Rubric> = std::sync::OnceLock::new();
    DEFAULT.get_or_init(compiled::rubric)
}

/// A copy of the default rubric, sharing its texts and lists.
pub fn default_rubric() -> Rubric {
    shared_default_rubric().clone()
}

/// Rubric text that every assessment quotes: shared, so ten thousand
/// assessments hold ten thousand pointers to one copy of the words.
pub use crate::shared_text::SharedText;

/// The rubric as every report names it.
#[derive(Debug, Clone, PartialEq)]
pub struct RubricRef {
    pub id: String,
    pub version: String,
    pub name: String,
    /// Each quadrant's name and meaning, by id, as the rubric words them.
    pub quadrants: PerWord<Quadrant, QuadrantText>,
    /// The cut line between a low and a high side, where charts draw their midlines.
    pub quadrant_cut: f64,
    /// What each level means, in one line.
    pub level_meanings: PerWord<Level, SharedText>,
}

/// A validated rubric.
#[derive(Debug, Clone, PartialEq)]
pub struct Rubric {
    pub id: String,
    pub version: String,
    pub name: String,
    /// What every report says of the rubric: id, version, name, quadrants.
    pub reference: Arc<RubricRef>,
    pub thresholds: Thresholds,
    pub levels: Levels,
    /// What each level means, in one line.
    pub level_meanings: PerWord<Level, SharedText>,
    pub quadrants: PerWord<Quadrant, QuadrantText>,
    /// The sentence that states the focus, for each reason that can decide it.
    pub focus: PerWord<FocusReason, String>,
    /// The sentence for focus reason `early` when pilots are started: it
    /// names them instead of advising to start one (`focus.early-started`).
    pub early_started: String,
    pub dimensions: Vec<Dimension>,
    /// Shared with every assessment's criterion results.
    pub criteria: Vec<Arc<Criterion>>,
    pub findings: PerWord<FindingId, FindingText>,
    pub benchmark: Benchmark,
    /// The recommendation to answer the open questions first.
    pub answer_first: AnswerFirst,
    /// The frameworks its findings and dimensions refer to, as declared.
    pub frameworks: Vec<Arc<Framework>>,
}

/// The words of the recommendation to answer the open questions first.
#[derive(Debug, Clone, PartialEq)]
pub struct AnswerFirst {
    pub title: SharedText,
    /// May name `{questions}`: the criteria to answer, heaviest first.
    pub reason: String,
}

/// A published industry figure the report sets the organization's own next to.
#[derive(Debug, Clone, PartialEq)]
pub struct Benchmark {
    pub pilot_to_production_pct: f64,
    pub source: SharedText,
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Thresholds {
    pub quadrant_cut: f64,
    /// Below this completeness a side is too little answered to judge.
    pub min_side_completeness: f64,
    pub pivot_min_strategy: f64,
    /// Each started pilot's weight in per-pilot averages, by `impact`.
    pub impact_weights: ImpactWeights,
    /// The largest weight a criterion may have.
    pub max_weight: f64,
    pub stale_pilot_days: i64,
    pub cost_overrun_ratio: f64,
    pub no_production_min_active: usize,
    pub overwhelmed_open_options: i64,
    pub plan_without_results_strategy: f64,
    pub plan_without_results_implementation: f64,
    pub strategy_equals_ready_strategy: f64,
    pub recommended_gaps: usize,
}

/// A started pilot's weight in every per-pilot average, by its `impact`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ImpactWeights {
    pub low: f64,
    pub medium: f64,
    pub high: f64,
}

impl ImpactWeights {
    pub fn of(&self, impact: Impact) -> f64 {
        match impact {
            Impact::Low => self.low,
            Impact::Medium => self.medium,
            Impact::High => self.high,
        }
    }
}

/// Where each level starts on the overall score.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Levels {
    pub experimenting: f64,
    pub operationalizing: f64,
    pub scaling: f64,
    pub transforming: f64,
}

#[derive(Debug, Clone, PartialEq)]
pub struct QuadrantText {
    pub name: SharedText,
    pub meaning: SharedText,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Dimension {
    pub id: SharedText,
    pub name: SharedText,
    /// What its scores are evidence about, in the frameworks declared.
    pub references: References,
}

impl Criterion {
    /// Its labels as `{missing}` says them where no questionnaire is
    /// read (`explain`): any one of them may be missing.
    pub fn any_label(&self) -> String {
        let labels: Vec<&str> = self.labels.iter().map(|l| &**l).collect();
        crate::text::every(&labels, "or")
    }

    /// Its advice where no questionnaire is read (`explain`).
    pub fn advice_in_general(&self) -> String {
        template::fill(&self.advice, &[("missing", self.any_label())])
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Criterion {
    pub id: SharedText,
    /// Index into `Rubric::dimensions`.
    pub dimension: usize,
    pub side: Side,
    pub weight: f64,
    pub title: SharedText,
    /// What to do about a gap; `{missing}` in it lists the [`labels`] of
    /// the parts not met.
    ///
    /// [`labels`]: Criterion::labels
    pub advice: SharedText,
    pub measure: Measure,
    /// A name for each answer of a checklist, or each item of an any-of,
    /// in their order; empty when the rubric gives none.
    pub labels: Vec<SharedText>,
}

/// How a criterion turns answers into points from 0 to 100.
#[derive(Debug, Clone, PartialEq)]
pub enum Measure {
    /// A closed choice; points per word, in the format's order.
    Choice {
        path: &'static str,
        points: Vec<f64>,
    },
    /// Flags that are true, or head counts of one or more, as a share.
    Checklist { paths: Vec<&'static str> },
    /// A number, read along a curve.
    Scale { path: &'static str, curve: Curve },
    /// The share of `items` among an "any of" answer.
    AnyOf {
        path: &'static str,
        items: Vec<&'static str>,
    },
    /// A date's age in days, read along a curve.
    Age { path: &'static str, curve: Curve },
    /// The share of `fields` given, averaged over a list's items; answered
    /// whenever the list is given (the fields are measured by presence).
    ListCompleteness {
        list: &'static str,
        fields: Vec<&'static str>,
    },
    /// One key of every started pilot, averaged over them by impact weight.
    Pilots {
        field: &'static str,
        points: PilotPoints,
    },
    /// The share of `fields` each started pilot gives, averaged by impact
    /// weight; answered whenever the pilots list is given.
    PilotPresence { fields: Vec<&'static str> },
}

/// How one pilot's key turns into points.
#[derive(Debug, Clone, PartialEq)]
pub enum PilotPoints {
    Choice(Vec<f64>),
    Flag,
    AnyOf(Vec<&'static str>),
    Scale(Curve),
}

/// Points along a number line: straight lines between `(value, points)`
/// pairs, flat before the first and after the last.
#[derive(Debug, Clone, PartialEq)]
pub struct Curve(pub Vec<(f64, f64)>);

impl Curve {
    pub fn at(&self, x: f64) -> f64 {
        let points = &self.0;
        let Some(&(first_x, first_p)) = points.first() else {
            return 0.0;
        };
        if x <= first_x {
            return first_p;
        }
        for pair in points.windows(2) {
            let ((x0, p0), (x1, p1)) = (pair[0], pair[1]);
            if x <= x1 {
                if x1 == x0 {
                    return p1;
                }
                return p0 + (p1 - p0) * (x - x0) / (x1 - x0);
            }
        }
        points.last().map_or(0.0, |&(_, p)| p)
    }
}

/// The words of one finding, its severity, and the criteria whose advice
/// its remedy already gives.
#[derive(Debug, Clone, PartialEq)]
pub struct FindingText {
    pub severity: Severity,
    pub title: SharedText,
    pub message: Message,
    pub remedy: String,
    /// Indices into `Rubric::criteria`.
    pub related: Vec<usize>,
    pub statement: Option<SharedText>,
    pub correction: Option<SharedText>,
    /// The remedy when pilots are started, where `remedy` advises starting one.
    pub remedy_started: Option<String>,
    /// The fix the remedy prescribes; findings sharing one give it once per pilot.
    pub fix: Option<SharedText>,
    /// What the finding is evidence about, in the frameworks declared.
    pub references: References,
}

/// What a finding says of this organization.
#[derive(Debug, Clone, PartialEq)]
pub enum Message {
    One(String),
    /// A misconception: a text for each way it shows, and for the say-do gap.
    BySource {
        belief: String,
        behavior: String,
        both: String,
        gap: String,
    },
}

impl Rubric {
    /// The texts of a finding; the rubric check guarantees every finding has them.
    pub fn finding(&self, id: FindingId) -> &FindingText {
        self.findings.get(id)
    }

    /// The declared framework with this id.
    pub fn framework(&self, id: &str) -> Option<&Arc<Framework>> {
        self.frameworks.iter().find(|f| &*f.id == id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn curve_interpolates_and_clamps() {
        let c = Curve(vec![(0.0, 0.0), (10.0, 50.0), (20.0, 100.0)]);
        assert_eq!(c.at(-5.0), 0.0);
        assert_eq!(c.at(5.0), 25.0);
        assert_eq!(c.at(15.0), 75.0);
        assert_eq!(c.at(99.0), 100.0);
    }

    /// The compiled default rubric is the TOML's, checked: the generated
    /// source is what the generator writes for the parsed TOML, so the two
    /// cannot differ. `READINESS_BLESS=1` rewrites the source.
    #[test]
    fn the_compiled_default_rubric_is_the_checked_toml() {
        let parsed = parse(DEFAULT_TOML).unwrap_or_else(|problems| panic!("{problems:?}"));
        let source = codegen::source(&parsed);
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/src/rubric/compiled.rs");
        if std::env::var_os("READINESS_BLESS").is_some() {
            std::fs::write(path, &source).expect("compiled.rs written");
        }
        assert!(
            source == include_str!("compiled.rs"),
            "src/rubric/compiled.rs differs from rubrics/default.toml: run READINESS_BLESS=1 cargo test --lib rubric"
        );
        assert_eq!(default_rubric(), parsed);
    }
}
