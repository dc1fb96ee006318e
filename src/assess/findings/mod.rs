//! Findings: what the assessment noticed, each with its evidence. Every
//! finding has one shape, a [`Detector`]: its id, the answers it reads, its
//! trigger in words, and one function from the facts, scores and rubric to a
//! detection. One file per finding, one folder per group. The logic is here,
//! in Rust; the words and severity come from the rubric.
//!
//! Unanswered questions never make a finding fire: triggers are read with
//! three values ([`logic::Tri`]), and a finding fires only when its trigger
//! is true.

pub mod describe;
pub mod logic;
mod misconceptions;
mod operations;
mod other;
mod purgatory;

use crate::assess::scoring::SideScore;
use crate::assess::AtOnce;
use crate::assessment::{Clause, Finding, PilotVar};
use crate::derive::evidence::Evidence;
use crate::derive::facts::{Facts, Pilot};
use crate::rubric::template::fill;
use crate::rubric::{FindingText, Message, Rubric};
use crate::text::names;
use crate::vocabulary::{FindingId, Severity, Source};
use logic::Tri;
use rayon::prelude::*;
use std::fmt::Display;

pub use purgatory::{status as purgatory_status, Status as PurgatoryFacts};

/// One finding the tool can detect.
#[derive(Debug, Clone, Copy)]
pub struct Detector {
    pub id: FindingId,
    /// The single answers it reads, by path.
    pub reads: &'static [&'static str],
    /// The keys it reads of each pilot of `pilot_set`.
    pub reads_of_pilots: &'static [&'static str],
    pub pilot_set: PilotSet,
    /// What makes it fire, in words; `{threshold}` names are the rubric's.
    pub trigger: &'static str,
    /// The detection, when the trigger is true.
    pub detect: fn(&Context<'_>) -> Option<Detected>,
}

/// Which pilots a detector reads: by stage.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PilotSet {
    /// At stage `pilot`.
    Active,
    /// In production or scaled.
    Live,
    /// Any of those.
    Started,
}

impl PilotSet {
    pub fn holds(self, stage: crate::vocabulary::Stage) -> bool {
        match self {
            PilotSet::Active => stage.is_active(),
            PilotSet::Live => stage.is_live(),
            PilotSet::Started => stage.is_started(),
        }
    }
}

/// Every finding, in the order of [`FindingId`]: the order of the rules'
/// tables, which reports and recommendations keep within a severity.
pub const DETECTORS: &[Detector] = &[
    purgatory::no_production::DETECTOR,
    purgatory::stale_pilot::DETECTOR,
    purgatory::overdue_decision::DETECTOR,
    purgatory::laptop_bound::DETECTOR,
    purgatory::unproven_pilot::DETECTOR,
    purgatory::infrastructure_gap::DETECTOR,
    purgatory::plan_without_results::DETECTOR,
    operations::unguarded_decisions::DETECTOR,
    operations::no_monitoring::DETECTOR,
    operations::unmeasured_value::DETECTOR,
    operations::cost_overrun::DETECTOR,
    operations::no_adoption::DETECTOR,
    operations::no_human_oversight::DETECTOR,
    operations::unassessed_impact::DETECTOR,
    operations::open_incident::DETECTOR,
    misconceptions::strategy_first::DETECTOR,
    misconceptions::it_only::DETECTOR,
    misconceptions::strategy_equals_ready::DETECTOR,
    misconceptions::one_time_cost::DETECTOR,
    other::overwhelmed::DETECTOR,
    other::tensions::EXPERIMENTATION,
    other::tensions::ADOPTION,
    other::tensions::FOCUS,
    other::tensions::GOALS,
    other::shadow_ai::DETECTOR,
    other::unanchored_pilot::DETECTOR,
    other::unserved_problem::DETECTOR,
    other::incomplete_inventory::DETECTOR,
];

/// The detector of `id`.
pub fn detector(id: FindingId) -> &'static Detector {
    // DETECTORS follows FindingId's order; a test checks it.
    &DETECTORS[id as usize]
}

/// Whether finding `id` is judged pilot by pilot, so that one of its
/// pilots can be accepted on its own.
pub fn per_pilot(id: FindingId) -> bool {
    !detector(id).reads_of_pilots.is_empty()
}

/// What a detector reads: the facts, the two side scores with their ranges,
/// and the rubric's thresholds.
#[derive(Debug, Clone, Copy)]
pub struct Context<'a> {
    pub facts: &'a Facts<'a>,
    pub rubric: &'a Rubric,
    pub strategy: SideScore,
    pub implementation: SideScore,
}

impl Context<'_> {
    /// "`side` is `x` or more", read on its range: true when even the low
    /// end reaches `x`, false when even the high end stays below, else unknown.
    pub fn at_least(side: &SideScore, x: f64) -> Tri {
        if side.low >= x {
            Tri::True
        } else if side.high < x {
            Tri::False
        } else {
            Tri::Unknown
        }
    }

    /// "`side` is below `x`", read on its range.
    pub fn below(side: &SideScore, x: f64) -> Tri {
        !Context::at_least(side, x)
    }
}

/// A finding that fired, before the rubric's words are put to it.
#[derive(Debug, Clone)]
pub struct Detected {
    pub evidence: Vec<Evidence>,
    /// The values of the placeholders its texts may use.
    pub vars: Vec<(&'static str, String)>,
    /// For a misconception: where it shows, and whether leadership rejects
    /// the statement its behaviour shows.
    pub source: Option<Source>,
    pub contradicts_stated_belief: bool,
    /// The pilots it names.
    pub pilots: Vec<String>,
    /// A severity the finding takes from what it found (an incident's),
    /// never above the rubric's for it; `None`: the rubric's.
    pub severity: Option<Severity>,
    /// The values of the placeholders whose words depend on the pilots named.
    pub pilot_vars: Vec<PilotVar>,
}

impl Detected {
    fn new(evidence: Vec<Evidence>) -> Detected {
        Detected {
            evidence,
            vars: Vec::new(),
            source: None,
            contradicts_stated_belief: false,
            pilots: Vec::new(),
            severity: None,
            pilot_vars: Vec::new(),
        }
    }

    /// A placeholder said in `clauses`, each about its pilots, joined by
    /// `joiner`.
    fn with_clauses(
        mut self,
        name: &'static str,
        joiner: &'static str,
        clauses: Vec<(Clause, Vec<String>)>,
    ) -> Detected {
        self.pilot_vars.push(PilotVar {
            name,
            joiner,
            opens_sentence: false,
            clauses,
        });
        self
    }

    /// The same, for a placeholder that opens its text's sentence.
    fn with_sentence(
        mut self,
        name: &'static str,
        joiner: &'static str,
        clauses: Vec<(Clause, Vec<String>)>,
    ) -> Detected {
        self = self.with_clauses(name, joiner, clauses);
        if let Some(var) = self.pilot_vars.last_mut() {
            var.opens_sentence = true;
        }
        self
    }

    fn with(mut self, name: &'static str, value: &dyn Display) -> Detected {
        self.vars.push((name, value.to_string()));
        self
    }

    /// `{count}` and `{pilots}` for the pilots concerned.
    fn naming(mut self, pilots: &[&Pilot<'_>]) -> Detected {
        self.pilots = pilots.iter().map(|p| p.name().to_owned()).collect();
        self.with("count", &pilots.len())
            .with("pilots", &names(pilots.iter().map(|p| p.name())))
    }
}

/// The pilots that meet `test`, and evidence citing the key each was judged
/// on: the shape of every per-pilot finding.
fn matching<'p, 'q>(
    pilots: &[&'p Pilot<'q>],
    key: &'static str,
    test: impl Fn(&Pilot<'_>) -> bool,
) -> (Vec<&'p Pilot<'q>>, Vec<Evidence>) {
    let chosen: Vec<&'p Pilot<'q>> = pilots.iter().copied().filter(|p| test(p)).collect();
    let evidence = chosen.iter().map(|p| p.field_evidence(key)).collect();
    (chosen, evidence)
}

/// The live pilots with `impact: high` written out that meet `test`, and
/// evidence citing each one's `keys`: the shape of the findings about
/// high-stakes live systems.
fn high_stakes<'p, 'q>(
    live: &[&'p Pilot<'q>],
    keys: &[&'static str],
    test: impl Fn(&Pilot<'_>) -> bool,
) -> (Vec<&'p Pilot<'q>>, Vec<Evidence>) {
    let chosen: Vec<&'p Pilot<'q>> = live
        .iter()
        .copied()
        .filter(|p| p.is_high_impact() && test(p))
        .collect();
    let evidence = chosen
        .iter()
        .flat_map(|p| keys.iter().map(|key| p.field_evidence(key)))
        .collect();
    (chosen, evidence)
}

/// Every finding that fires, most severe first, then in catalogue order.
/// The detectors run one after another, or, for a questionnaire large enough
/// (`at_once`), side by side, each finding in its place all the same.
pub fn detect(cx: &Context<'_>, at_once: AtOnce) -> Vec<Finding> {
    let fire = |d: &Detector| (d.detect)(cx).map(|found| word(d.id, found, cx));
    let mut findings: Vec<Finding> = match at_once {
        AtOnce::Yes => DETECTORS.par_iter().filter_map(fire).collect(),
        AtOnce::No => DETECTORS.iter().filter_map(fire).collect(),
    };
    // A stable sort keeps the catalogue's order within a severity.
    findings.sort_by_key(|f| std::cmp::Reverse(f.severity));
    findings
}

fn word(id: FindingId, mut detected: Detected, cx: &Context<'_>) -> Finding {
    let text = cx.rubric.finding(id);
    let plain_vars = detected.vars.clone();
    for var in &detected.pilot_vars {
        detected.vars.push((var.name, var.words(|_| true)));
    }
    let message = match (&text.message, detected.source) {
        (Message::One(message), _) => fill(message, &detected.vars),
        (Message::BySource { belief, .. }, Some(Source::Belief)) => fill(belief, &[]),
        (Message::BySource { both, .. }, Some(Source::Both)) => fill(both, &detected.vars),
        (Message::BySource { behavior, gap, .. }, _) => {
            let shown = fill(behavior, &detected.vars);
            if detected.contradicts_stated_belief {
                format!("{shown} {}", fill(gap, &detected.vars))
            } else {
                shown
            }
        }
    };
    let remedy = remedy(id, text, &detected, cx);
    Finding {
        id,
        kind: id.group(),
        severity: detected
            .severity
            .map_or(text.severity, |s| s.min(text.severity)),
        title: text.title.clone(),
        message: message.into(),
        evidence: detected.evidence.into(),
        remedy: remedy.into(),
        source: detected.source,
        contradicts_stated_belief: detected.source.map(|_| detected.contradicts_stated_belief),
        statement: text.statement.clone(),
        correction: text.correction.clone(),
        pilots: detected.pilots.into(),
        accepted: Vec::new(),
        counts_for_gate: true,
        references: text.references.clone(),
        vars: plain_vars,
        pilot_vars: detected.pilot_vars,
    }
}

/// The remedy for a misconception leadership states but the answers do not
/// show: about the belief, with its correction; `None` for a finding that
/// is no misconception.
pub fn belief_remedy(text: &FindingText) -> Option<String> {
    let correction = text.correction.as_ref()?;
    Some(format!(
        "Talk the belief through with leadership before it shapes decisions: {correction}"
    ))
}

/// The remedy that fits the pilots: where the rubric holds a second text for
/// when pilots are started, it is used then, naming them with the live ones
/// first, so that no report advises starting what is already running.
fn remedy(id: FindingId, text: &FindingText, detected: &Detected, cx: &Context<'_>) -> String {
    let vars = &detected.vars;
    // A belief leadership states that the answers do not show in practice:
    // the remedy for the practice (give HR a role, fund running costs)
    // would ask for what may be in place, so the advice is about the
    // belief.
    // `strategy-first`'s own remedies act against the belief (start a
    // pilot, let the started ones teach): kept where the pilots are known.
    let pilots_known = cx.facts.pilots.is_some();
    if detected.source == Some(Source::Belief) && !(id == FindingId::StrategyFirst && pilots_known)
    {
        if let Some(remedy) = belief_remedy(text) {
            return remedy;
        }
    }
    let started = cx.facts.started_live_first();
    match &text.remedy_started {
        Some(when_started) if !started.is_empty() => {
            let mut vars = vars.clone();
            vars.push(("started", names(started.iter().map(|p| p.name()))));
            fill(when_started, &vars)
        }
        _ => fill(&text.remedy, vars),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::vocabulary::Word;

    /// "At least `x`" on a range: known true from a low end at `x`, known
    /// false only from a high end below it; a high end at `x` leaves it open.
    #[test]
    fn at_least_is_open_while_the_high_end_reaches_it() {
        let side = |low: f64, high: f64| SideScore {
            score: None,
            low,
            high,
            completeness: 0.0,
        };
        assert_eq!(Context::at_least(&side(60.0, 80.0), 60.0), Tri::True);
        assert_eq!(Context::at_least(&side(59.9, 80.0), 60.0), Tri::Unknown);
        assert_eq!(Context::at_least(&side(50.0, 60.0), 60.0), Tri::Unknown);
        assert_eq!(Context::at_least(&side(50.0, 59.9), 60.0), Tri::False);
    }

    #[test]
    fn one_detector_per_finding_in_the_catalogue_order() {
        let ids: Vec<FindingId> = DETECTORS.iter().map(|d| d.id).collect();
        assert_eq!(ids, FindingId::all());
        for &id in FindingId::all() {
            assert_eq!(detector(id).id, id);
        }
    }
}
