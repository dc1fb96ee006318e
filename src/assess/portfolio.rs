//! Many questionnaires at once: the assessments in a stated, stable order,
//! and the totals a group leader reads at a glance. The JSON for several
//! inputs is this type serialized.

use crate::assessment::{Assessment, FORMAT_VERSION};
use crate::error::InputError;
use crate::number::round1;
use crate::spill::{Kept, Spill};
use crate::vocabulary::{PurgatoryStatus, Quadrant, Severity, Word};
use serde::Serialize;
use std::collections::BTreeMap;
use std::sync::Arc;

/// The order the portfolio lists organizations in, as the report states it.
pub const ORDER: &str = "by overall score, lowest first, then by organization name, then by file";

#[derive(Debug, Serialize)]
pub struct Portfolio {
    pub format_version: u32,
    /// In the portfolio's order. Assessed for a portfolio, each keeps only
    /// what the portfolio's rows need (see [`slim`]); its full report, where
    /// one is shown, is kept in `spill`.
    pub assessments: Vec<Assessment>,
    pub portfolio: Totals,
    /// The inputs that could not be assessed, in input order.
    pub errors: Vec<InputError>,
    /// Where each assessment's rendered reports are kept, in the same order.
    #[serde(skip)]
    pub kept: Vec<Reports>,
    #[serde(skip)]
    pub spill: Option<Arc<Spill>>,
}

/// An organization's full reports, rendered when it was assessed.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Reports {
    /// Its JSON, on one line.
    pub json: Option<Kept>,
    /// Its table, after a rule, for `--detail`.
    pub table: Option<Kept>,
    /// Its Markdown report, headings one level down, for `--detail`.
    pub markdown: Option<Kept>,
    /// Its SARIF results, comma-separated.
    pub sarif: Option<Kept>,
    /// Its GitHub annotations, each after its kind's rank.
    pub github: Option<Kept>,
    /// Its Code Quality issues, comma-separated.
    pub codeclimate: Option<Kept>,
    /// Its HTML report, headings one level down, for `--detail`.
    pub html: Option<Kept>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Totals {
    pub organizations: usize,
    /// How many organizations are in each quadrant, by quadrant id.
    pub quadrants: BTreeMap<&'static str, usize>,
    /// How many are stuck in pilot purgatory.
    pub stuck: usize,
    /// Live pilots as a share of pilots at stage pilot or later, over all
    /// organizations, in percent; `null` when there are none.
    pub pilot_to_production_pct: Option<f64>,
    pub order: String,
}

impl Portfolio {
    pub fn new(assessments: Vec<Assessment>) -> Portfolio {
        let entries = assessments
            .into_iter()
            .map(|a| (a, Reports::default()))
            .collect();
        Portfolio::with_reports(entries, None)
    }

    /// A portfolio of assessments whose full reports are kept in `spill`.
    pub fn with_reports(
        mut entries: Vec<(Assessment, Reports)>,
        spill: Option<Arc<Spill>>,
    ) -> Portfolio {
        entries.sort_by(|(a, _), (b, _)| {
            a.scores
                .effective_overall()
                .total_cmp(&b.scores.effective_overall())
                .then_with(|| a.organization.name.cmp(&b.organization.name))
                .then_with(|| a.source.cmp(&b.source))
        });
        let (assessments, kept): (Vec<Assessment>, Vec<Reports>) = entries.into_iter().unzip();
        let mut quadrants: BTreeMap<&'static str, usize> =
            Quadrant::words().iter().map(|q| (*q, 0)).collect();
        let (mut live, mut tried) = (0usize, 0usize);
        for a in &assessments {
            *quadrants.entry(a.quadrant.word()).or_default() += 1;
            for p in &a.pilots {
                live += usize::from(p.stage.is_live());
                tried += usize::from(p.stage.is_live() || p.stage.is_active());
            }
        }
        let totals = Totals {
            organizations: assessments.len(),
            quadrants,
            stuck: assessments
                .iter()
                .filter(|a| a.purgatory.status == PurgatoryStatus::Stuck)
                .count(),
            pilot_to_production_pct: (tried > 0)
                .then(|| round1(100.0 * live as f64 / tried as f64)),
            order: ORDER.to_owned(),
        };
        Portfolio {
            format_version: FORMAT_VERSION,
            assessments,
            portfolio: totals,
            errors: Vec::new(),
            kept,
            spill,
        }
    }
}

/// What a portfolio's rows, chart and totals read of an assessment, the rest
/// released: its critical findings and those that fail a gate check, each
/// with its first located evidence only, its pilots' stages without their
/// names, and no dimensions, unanswered questions, recommendations,
/// decisions, respondents, incidents, purgatory signals or next level. The full report, where one is shown, is kept rendered.
pub fn slim(mut a: Assessment) -> Assessment {
    // Critical findings are counted, accepted ones beside the gate, and the
    // findings that fail a check are kept with the line they are reported
    // at, for the failed gate's lines on standard error.
    let keep: Vec<bool> = {
        let failing: Vec<&crate::assessment::Finding> = a
            .gate
            .iter()
            .flat_map(|g| &g.checks)
            .flat_map(|c| crate::assess::gate::failing_findings(c, &a))
            .collect();
        a.findings
            .iter()
            .map(|f| {
                f.severity == Severity::Critical
                    || !f.counts_for_gate
                    || failing.iter().any(|g| std::ptr::eq(*g, f))
            })
            .collect()
    };
    let mut keep = keep.into_iter();
    a.findings.retain(|_| keep.next().unwrap_or(false));
    for f in &mut a.findings {
        let located: Vec<_> = f
            .evidence
            .iter()
            .filter(|e| e.line.is_some())
            .take(1)
            .cloned()
            .collect();
        f.evidence = located.into();
        f.vars = Vec::new();
    }
    for p in &mut a.pilots {
        p.name = String::new();
        p.department = None;
        p.business_owner = None;
    }
    a.decisions = Vec::new();
    a.respondents = Vec::new();
    a.incidents = Vec::new();
    a.purgatory.signals = Vec::new();
    a.next_level = None;
    a.pilots.shrink_to_fit();
    a.dimensions = Vec::new();
    a.unanswered = Vec::new();
    a.recommendations = Vec::new();
    // The rows show the change of the scores; the rest was kept with the report.
    if let Some(comparison) = &mut a.comparison {
        comparison.dimensions = Vec::new();
        comparison.findings = crate::diff::FindingChanges::default();
        comparison.pilots = Vec::new();
    }
    a
}

/// How many critical findings an assessment has.
pub fn critical_count(a: &Assessment) -> usize {
    a.findings
        .iter()
        .filter(|f| f.severity == Severity::Critical)
        .count()
}
