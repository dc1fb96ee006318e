//! What a rubric maps to each id of a framework and, for an assessment,
//! what became of it: the findings mapped to it that fired, the dimension
//! scores behind it, no finding, or nothing the rubric assesses. An id with
//! no finding is never said to be met: the tool assesses readiness, and
//! only the evidence it has.

use crate::assessment::Assessment;
use crate::frameworks::{Entry, Framework, Reference};
use crate::rubric::Rubric;
use crate::vocabulary::{FindingId, Word};
use std::sync::Arc;

/// What an assessment shows about one id.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    /// A finding mapped to it fired.
    Fired,
    /// The rubric maps findings or dimensions to it, and no finding fired.
    NoFinding,
    /// The rubric maps nothing to it.
    NotAssessed,
}

impl Status {
    pub fn word(self) -> &'static str {
        match self {
            Status::Fired => "fired",
            Status::NoFinding => "no-finding",
            Status::NotAssessed => "not-assessed",
        }
    }
}

/// One id of the framework and what the rubric maps to it.
#[derive(Debug, Clone, PartialEq)]
pub struct Row<'f> {
    pub entry: &'f Entry,
    /// The findings mapped to it, in the catalogue's order.
    pub findings: Vec<FindingId>,
    /// The dimensions mapped to it, in the rubric's order (indices).
    pub dimensions: Vec<usize>,
}

impl Row<'_> {
    pub fn mapped(&self) -> bool {
        !self.findings.is_empty() || !self.dimensions.is_empty()
    }
}

/// Every id of `framework` with what `rubric` maps to it, in the
/// framework's order.
pub fn rows<'f>(rubric: &Rubric, framework: &'f Framework) -> Vec<Row<'f>> {
    let maps = |references: &[Reference], entry: &Entry| {
        references
            .iter()
            .any(|r| r.framework == framework.id && r.id == entry.id)
    };
    framework
        .entries
        .iter()
        .map(|entry| Row {
            entry,
            findings: FindingId::all()
                .iter()
                .copied()
                .filter(|&id| maps(&rubric.finding(id).references, entry))
                .collect(),
            dimensions: rubric
                .dimensions
                .iter()
                .enumerate()
                .filter(|(_, d)| maps(&d.references, entry))
                .map(|(i, _)| i)
                .collect(),
        })
        .collect()
}

pub use crate::report::v1::frameworks::{DimensionScore, Fired};

/// One id as an assessment covers it.
#[derive(Debug, Clone, PartialEq)]
pub struct Covered<'f> {
    pub row: Row<'f>,
    pub status: Status,
    pub fired: Vec<Fired>,
    pub dimensions: Vec<DimensionScore>,
}

/// The coverage of a framework by one assessment.
#[derive(Debug, Clone)]
pub struct Coverage<'f> {
    pub framework: &'f Arc<Framework>,
    pub source: String,
    pub organization: String,
    pub assessed: String,
    pub ids: Vec<Covered<'f>>,
}

/// What `a` shows about every id of `framework`, by `rubric`'s mapping.
pub fn coverage<'f>(
    rubric: &Rubric,
    framework: &'f Arc<Framework>,
    a: &Assessment,
) -> Coverage<'f> {
    let ids = rows(rubric, framework)
        .into_iter()
        .map(|row| {
            let fired: Vec<Fired> = a
                .findings
                .iter()
                .filter(|f| row.findings.contains(&f.id))
                .map(|f| Fired {
                    id: f.id,
                    severity: f.severity,
                    title: f.title.clone(),
                    counts_for_gate: f.counts_for_gate,
                })
                .collect();
            let dimensions = row
                .dimensions
                .iter()
                .filter_map(|&i| {
                    let id = &rubric.dimensions.get(i)?.id;
                    let d = a.dimensions.iter().find(|d| d.id == *id)?;
                    Some(DimensionScore {
                        id: d.id.clone(),
                        name: d.name.clone(),
                        strategy: d.strategy,
                        implementation: d.implementation,
                    })
                })
                .collect();
            let status = if !row.mapped() {
                Status::NotAssessed
            } else if fired.is_empty() {
                Status::NoFinding
            } else {
                Status::Fired
            };
            Covered {
                row,
                status,
                fired,
                dimensions,
            }
        })
        .collect();
    Coverage {
        framework,
        source: a.source.clone(),
        organization: a.organization.name.clone(),
        assessed: a.organization.assessed.clone(),
        ids,
    }
}

/// The groups of a framework's ids in order of first appearance, each with
/// its ids' positions: GOVERN, MAP, MEASURE, MANAGE; clauses; chapters.
pub fn groups(framework: &Framework) -> Vec<(&str, Vec<usize>)> {
    let mut out: Vec<(&str, Vec<usize>)> = Vec::new();
    for (i, e) in framework.entries.iter().enumerate() {
        match out.iter_mut().find(|(g, _)| *g == &*e.group) {
            Some((_, list)) => list.push(i),
            None => out.push((&e.group, vec![i])),
        }
    }
    out
}

/// Fired findings in words, for one line: `no-monitoring (critical)`.
pub fn fired_words(fired: &[Fired]) -> Vec<String> {
    fired
        .iter()
        .map(|f| {
            let accepted = if f.counts_for_gate { "" } else { ", accepted" };
            format!("{} ({}{accepted})", f.id.word(), f.severity.word())
        })
        .collect()
}
