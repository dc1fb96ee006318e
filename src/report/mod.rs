//! The JSON report, format 1, as typed values: what a comparison (`diff`,
//! `assess --baseline`, the regression gate) reads of either side, whether
//! the side is a stored report read back ([`read`]) or an assessment made
//! now ([`Report::of`]). Nothing downstream looks a value up by its key.
//!
//! Format 1 lets new fields be added without a new `format_version`, so an
//! unknown field is ignored here, never refused (`deny_unknown_fields` is
//! left off on purpose): a report written by a later version of the tool
//! still compares. Every field the comparison reads is required, and
//! checked as a questionnaire's value would be.

pub mod read;

use crate::assessment::Assessment;
use crate::vocabulary::{
    Confidence, FindingId, Focus, Group, Level, PurgatoryStatus, Quadrant, Severity, Stage,
};
use serde::Deserialize;

/// One organization's report, as far as a comparison reads it.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct Report {
    /// What the report names its questionnaire; a stored report is shown
    /// by its own file name instead.
    pub source: String,
    pub organization: Organization,
    pub rubric: Rubric,
    pub scores: Scores,
    pub confidence: Confidence,
    pub level: Level,
    pub quadrant: Quadrant,
    pub focus: Focus,
    pub purgatory: Purgatory,
    pub findings: Vec<Finding>,
    pub dimensions: Vec<Dimension>,
    pub pilots: Vec<Pilot>,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct Organization {
    pub name: String,
    /// `YYYY-MM-DD`, checked to be a real date.
    pub assessed: String,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct Rubric {
    pub id: String,
    pub version: String,
}

/// A field that may be `null` but must be there: serde would otherwise
/// read a missing `Option` as `null`, and a report that lost a score would
/// compare as one with nothing answered.
fn present<'de, D, T>(deserializer: D) -> Result<Option<T>, D::Error>
where
    D: serde::Deserializer<'de>,
    T: Deserialize<'de>,
{
    Option::deserialize(deserializer)
}

#[derive(Debug, Clone, Copy, PartialEq, Deserialize)]
pub struct Scores {
    #[serde(deserialize_with = "present")]
    pub strategy: Option<f64>,
    #[serde(deserialize_with = "present")]
    pub implementation: Option<f64>,
    #[serde(deserialize_with = "present")]
    pub overall: Option<f64>,
    pub completeness: f64,
    pub range: Ranges,
}

#[derive(Debug, Clone, Copy, PartialEq, Deserialize)]
pub struct Ranges {
    pub strategy: [f64; 2],
    pub implementation: [f64; 2],
    pub overall: [f64; 2],
}

#[derive(Debug, Clone, Copy, PartialEq, Deserialize)]
pub struct Purgatory {
    pub status: PurgatoryStatus,
    #[serde(deserialize_with = "present")]
    pub pilot_to_production_pct: Option<f64>,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct Finding {
    pub id: FindingId,
    pub kind: Group,
    pub severity: Severity,
    pub title: String,
    pub message: String,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct Dimension {
    pub id: String,
    pub name: String,
    #[serde(deserialize_with = "present")]
    pub strategy: Option<f64>,
    #[serde(deserialize_with = "present")]
    pub implementation: Option<f64>,
    pub criteria: Vec<Criterion>,
}

/// A criterion's result, as far as a comparison reads it.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct Criterion {
    pub id: String,
    /// `null` when nothing of it was answered, or it does not apply.
    #[serde(deserialize_with = "present")]
    pub points: Option<f64>,
    pub applies: bool,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct Pilot {
    pub name: String,
    pub stage: Stage,
}

impl Report {
    /// What a comparison reads of an assessment made now: the same values
    /// its JSON report holds.
    pub fn of(a: &Assessment) -> Report {
        Report {
            source: a.source.clone(),
            organization: Organization {
                name: a.organization.name.clone(),
                assessed: a.organization.assessed.clone(),
            },
            rubric: Rubric {
                id: a.rubric.id.clone(),
                version: a.rubric.version.clone(),
            },
            scores: Scores {
                strategy: a.scores.strategy,
                implementation: a.scores.implementation,
                overall: a.scores.overall,
                completeness: a.scores.completeness,
                range: Ranges {
                    strategy: a.scores.range.strategy,
                    implementation: a.scores.range.implementation,
                    overall: a.scores.range.overall,
                },
            },
            confidence: a.confidence,
            level: a.level,
            quadrant: a.quadrant,
            focus: a.focus,
            purgatory: Purgatory {
                status: a.purgatory.status,
                pilot_to_production_pct: a.purgatory.pilot_to_production_pct,
            },
            findings: a
                .findings
                .iter()
                .map(|f| Finding {
                    id: f.id,
                    kind: f.kind,
                    severity: f.severity,
                    title: f.title.to_string(),
                    message: f.message.to_string(),
                })
                .collect(),
            dimensions: a
                .dimensions
                .iter()
                .map(|d| Dimension {
                    id: d.id.to_string(),
                    name: d.name.to_string(),
                    strategy: d.strategy,
                    implementation: d.implementation,
                    criteria: d
                        .criteria
                        .iter()
                        .map(|c| Criterion {
                            id: c.criterion.id.to_string(),
                            points: c.points.map(f64::from),
                            applies: c.applies,
                        })
                        .collect(),
                })
                .collect(),
            pilots: a
                .pilots
                .iter()
                .map(|p| Pilot {
                    name: p.name.clone(),
                    stage: p.stage,
                })
                .collect(),
        }
    }
}
