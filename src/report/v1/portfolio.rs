//! The portfolio's JSON, format 1: every assessment, the totals, and the
//! inputs that could not be assessed. The command writes it as it goes
//! (`render::json::PortfolioWriter`); this type is its shape, for the schema.

use super::present;
use super::Report;
use crate::vocabulary::Quadrant;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// Several assessments, in the order of the inputs, with totals and the inputs that could not be assessed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[schemars(rename = "portfolio")]
pub struct Portfolio {
    /// The report format version.
    #[schemars(extend("const" = 1))]
    pub format_version: u32,
    /// One assessment per organization, in the order the inputs were named, a directory's questionnaires by file name.
    pub assessments: Vec<Report>,
    /// Totals over the organizations assessed.
    pub portfolio: Totals,
    /// The inputs that could not be assessed (the exit code is then 2).
    pub errors: Vec<InputError>,
}

/// Totals over the organizations assessed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Totals {
    /// How many organizations were assessed.
    pub organizations: usize,
    /// How many organizations are in each quadrant.
    pub quadrants: QuadrantCounts,
    /// How many are stuck in pilot purgatory.
    pub stuck: usize,
    /// Live pilots (production or scaled) as a share of those and the pilots at stage pilot, over all organizations, in percent; null when there are none.
    #[serde(deserialize_with = "present")]
    #[schemars(range(min = 0, max = 100))]
    pub pilot_to_production_pct: Option<f64>,
    /// The order of the assessments, in words.
    pub order: String,
}

/// How many organizations are in each quadrant.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct QuadrantCounts {
    /// Organizations in the aligned quadrant.
    pub aligned: usize,
    /// Organizations in the early quadrant.
    pub early: usize,
    /// Organizations in the slide-deck quadrant.
    #[serde(rename = "slide-deck")]
    pub slide_deck: usize,
    /// Organizations in the unused-tools quadrant.
    #[serde(rename = "unused-tools")]
    pub unused_tools: usize,
}

/// An input that could not be assessed, with its problems.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct InputError {
    /// The file as named; null for a problem that belongs to no one file.
    #[serde(deserialize_with = "present")]
    pub file: Option<String>,
    /// Its problems, at most a hundred.
    pub problems: Vec<InputProblem>,
    /// How many more problems it has than are listed.
    pub more: usize,
}

/// One problem of the input.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct InputProblem {
    /// The line, when known.
    #[serde(deserialize_with = "present")]
    #[schemars(range(min = 1))]
    pub line: Option<u32>,
    /// The column, when known.
    #[serde(deserialize_with = "present")]
    #[schemars(range(min = 1))]
    pub column: Option<u32>,
    /// What is wrong, and what is allowed.
    pub message: String,
}

impl QuadrantCounts {
    /// The count for `quadrant`.
    pub fn get_mut(&mut self, quadrant: Quadrant) -> &mut usize {
        match quadrant {
            Quadrant::Aligned => &mut self.aligned,
            Quadrant::Early => &mut self.early,
            Quadrant::SlideDeck => &mut self.slide_deck,
            Quadrant::UnusedTools => &mut self.unused_tools,
        }
    }

    /// How many organizations are in `quadrant`.
    pub fn get(&self, quadrant: Quadrant) -> usize {
        match quadrant {
            Quadrant::Aligned => self.aligned,
            Quadrant::Early => self.early,
            Quadrant::SlideDeck => self.slide_deck,
            Quadrant::UnusedTools => self.unused_tools,
        }
    }
}
