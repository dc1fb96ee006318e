//! Findings: what the assessment noticed, each with its evidence. Every
//! finding has one shape, a [`Detector`]: its id, the answers it reads, its
//! trigger in words, and one function from the facts, scores and rubric to a
//! detection. One file per finding, one folder per group. The logic is here,
//! in Rust; the words and severity come from the rubric.

mod logic;
mod misconceptions;
mod other;
mod purgatory;

use crate::assessment::Finding;
use crate::derive::evidence::Evidence;
use crate::derive::facts::Facts;
use crate::rubric::template::fill;
use crate::rubric::Rubric;
use crate::vocabulary::{FindingId, Source};
use std::fmt::Display;

pub use purgatory::{status as purgatory_status, STUCK_SIGNALS};

/// One finding the tool can detect.
#[derive(Debug, Clone, Copy)]
pub struct Detector {
    pub id: FindingId,
    /// The single answers it reads, by path.
    pub reads: &'static [&'static str],
    /// The keys it reads of every pilot that is not retired.
    pub reads_of_pilots: &'static [&'static str],
    /// What makes it fire, in words; `{threshold}` names are the rubric's.
    pub trigger: &'static str,
    /// The detection, when the trigger is true.
    pub detect: fn(&Context<'_>) -> Option<Detected>,
}

/// Every finding, in the order of [`FindingId`], which is the order reports
/// list them within a severity.
pub const DETECTORS: &[Detector] = &[
    purgatory::no_production::DETECTOR,
    purgatory::stale_pilot::DETECTOR,
    purgatory::laptop_bound::DETECTOR,
    purgatory::no_monitoring::DETECTOR,
    purgatory::unmeasured_value::DETECTOR,
    purgatory::cost_overrun::DETECTOR,
    purgatory::infrastructure_gap::DETECTOR,
    purgatory::no_adoption::DETECTOR,
    purgatory::plan_without_results::DETECTOR,
    misconceptions::strategy_first::DETECTOR,
    misconceptions::it_only::DETECTOR,
    misconceptions::strategy_equals_ready::DETECTOR,
    misconceptions::one_time_cost::DETECTOR,
    other::overwhelmed::DETECTOR,
    other::shadow_ai::DETECTOR,
    other::tensions::EXPERIMENTATION,
    other::tensions::ADOPTION,
    other::tensions::FOCUS,
    other::tensions::GOALS,
];

/// The detector of `id`.
pub fn detector(id: FindingId) -> &'static Detector {
    // DETECTORS follows FindingId's order; a test checks it.
    &DETECTORS[id as usize]
}

/// What a detector reads: the facts, the two side scores, and the rubric's thresholds.
#[derive(Debug, Clone, Copy)]
pub struct Context<'a> {
    pub facts: &'a Facts<'a>,
    pub rubric: &'a Rubric,
    pub scores: SideScores,
}

/// The two side scores, rounded, which some triggers compare.
#[derive(Debug, Clone, Copy)]
pub struct SideScores {
    pub strategy: f64,
    pub implementation: f64,
}

/// A finding that fired, before the rubric's words are put to it.
#[derive(Debug, Clone)]
pub struct Detected {
    pub evidence: Vec<Evidence>,
    /// The values of the placeholders its texts may use.
    pub vars: Vec<(&'static str, String)>,
    pub source: Option<Source>,
}

impl Detected {
    fn new(evidence: Vec<Evidence>) -> Detected {
        Detected {
            evidence,
            vars: Vec::new(),
            source: None,
        }
    }

    fn with(mut self, name: &'static str, value: &dyn Display) -> Detected {
        self.vars.push((name, value.to_string()));
        self
    }
}

/// Every finding that fires, most severe first, then in catalogue order.
pub fn detect(cx: &Context<'_>) -> Vec<Finding> {
    let mut findings: Vec<Finding> = DETECTORS
        .iter()
        .filter_map(|d| (d.detect)(cx).map(|found| word(d.id, found, cx.rubric)))
        .collect();
    // A stable sort keeps the catalogue's order within a severity.
    findings.sort_by_key(|f| std::cmp::Reverse(f.severity));
    findings
}

fn word(id: FindingId, detected: Detected, rubric: &Rubric) -> Finding {
    let text = rubric.finding(id);
    Finding {
        id,
        kind: id.group(),
        severity: text.severity,
        title: text.title.clone(),
        message: fill(&text.message, &detected.vars).into(),
        evidence: detected.evidence.into(),
        remedy: fill(&text.remedy, &detected.vars).into(),
        source: detected.source,
        statement: text.statement.clone(),
        correction: text.correction.clone(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::vocabulary::Word;

    #[test]
    fn one_detector_per_finding_in_the_catalogue_order() {
        let ids: Vec<FindingId> = DETECTORS.iter().map(|d| d.id).collect();
        assert_eq!(ids, FindingId::all());
        for &id in FindingId::all() {
            assert_eq!(detector(id).id, id);
        }
    }
}
