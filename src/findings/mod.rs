//! Findings: what the assessment noticed, each with its evidence. The logic of
//! each finding is here, in Rust; its words and severity come from the rubric.

pub mod catalog;
pub mod logic;
mod misconceptions;
mod other;
mod purgatory;

use crate::evidence::Evidence;
use crate::facts::Facts;
use crate::rubric::{Rubric, Severity, SharedText};
use catalog::{fill, FindingKind};
use serde::Serialize;
use std::sync::Arc;

pub use purgatory::{status as purgatory_status, PurgatoryStatus};

/// Where a misconception shows: leadership said it, the answers show it, or both.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Source {
    Belief,
    Behavior,
    Both,
}

/// A finding that fired, before the rubric's words are put to it.
#[derive(Debug, Clone)]
pub struct Detected {
    pub id: &'static str,
    pub evidence: Vec<Evidence>,
    pub vars: Vec<(&'static str, String)>,
    pub source: Option<Source>,
}

impl Detected {
    fn new(id: &'static str, evidence: Vec<Evidence>) -> Detected {
        Detected {
            id,
            evidence,
            vars: Vec::new(),
            source: None,
        }
    }

    #[allow(clippy::needless_pass_by_value)]
    fn with(mut self, name: &'static str, value: impl ToString) -> Detected {
        self.vars.push((name, value.to_string()));
        self
    }
}

/// A finding as reported.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Finding {
    pub id: &'static str,
    pub kind: FindingKind,
    pub severity: Severity,
    pub title: SharedText,
    /// Shared with the recommendation whose reason it gives.
    pub message: SharedText,
    /// Shared with the recommendation that quotes this finding.
    pub evidence: Arc<[Evidence]>,
    /// Shared with the recommendation whose title it is.
    pub remedy: SharedText,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source: Option<Source>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub statement: Option<SharedText>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub correction: Option<SharedText>,
}

/// The two side scores, rounded, which some triggers compare.
#[derive(Debug, Clone, Copy)]
pub struct SideScores {
    pub strategy: f64,
    pub implementation: f64,
}

/// Every finding that fires, most severe first, then in catalogue order.
pub fn detect(facts: &Facts<'_>, rubric: &Rubric, scores: SideScores) -> Vec<Finding> {
    let mut detected = purgatory::detect(facts, rubric, scores);
    detected.extend(misconceptions::detect(facts, rubric, scores));
    detected.extend(other::detect(facts, rubric));
    let mut findings: Vec<Finding> = detected.into_iter().map(|d| word(d, rubric)).collect();
    // The catalogue's order is looked up once per finding, not per comparison.
    findings.sort_by_cached_key(|f| {
        let order = catalog::CATALOG.iter().position(|s| s.id == f.id);
        (std::cmp::Reverse(f.severity), order)
    });
    findings
}

fn word(detected: Detected, rubric: &Rubric) -> Finding {
    let text = rubric.finding(detected.id);
    Finding {
        id: detected.id,
        kind: text.kind,
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
