//! Many questionnaires at once: the assessments in a stated, stable order,
//! and the totals a group leader reads at a glance. The JSON for several
//! inputs is this type serialized.

use crate::assessment::{Assessment, FORMAT_VERSION};
use crate::number::round1;
use crate::vocabulary::{PurgatoryStatus, Quadrant, Severity, Word};
use serde::Serialize;
use std::collections::BTreeMap;

/// The order the portfolio lists organizations in, as the report states it.
pub const ORDER: &str = "by overall score, lowest first, then by organization name, then by file";

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Portfolio {
    pub format_version: u32,
    pub assessments: Vec<Assessment>,
    pub portfolio: Totals,
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
    pub fn new(mut assessments: Vec<Assessment>) -> Portfolio {
        assessments.sort_by(|a, b| {
            a.scores
                .effective_overall()
                .total_cmp(&b.scores.effective_overall())
                .then_with(|| a.organization.name.cmp(&b.organization.name))
                .then_with(|| a.source.cmp(&b.source))
        });
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
        }
    }
}

/// How many critical findings an assessment has.
pub fn critical_count(a: &Assessment) -> usize {
    a.findings
        .iter()
        .filter(|f| f.severity == Severity::Critical)
        .count()
}
