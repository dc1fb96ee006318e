//! What moved since a baseline, criterion by criterion, as the assessment
//! carries it for the regression gate's lines; `crate::regression_moves`
//! finds the moves.

use crate::date::Date;
use crate::vocabulary::Side;

/// A criterion whose points are not what they were in the baseline.
#[derive(Debug, Clone, PartialEq)]
pub struct CriterionMove {
    pub id: String,
    pub side: Side,
    /// `None`: unanswered, or not applying, on that side.
    pub before: Option<f64>,
    pub after: Option<f64>,
    /// Set when the date the criterion ages is the same in both, as far as
    /// the points can tell, and only the assessment date moved.
    pub time_alone: Option<TimeAlone>,
}

/// A move that time alone explains.
#[derive(Debug, Clone, PartialEq)]
pub struct TimeAlone {
    /// The answer that holds the date (`strategy.roadmap.updated`).
    pub path: &'static str,
    pub date: Date,
    /// Days from that date to the baseline's assessment, and to this one.
    pub days_before: i64,
    pub days_now: i64,
}
