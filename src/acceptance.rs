//! Accepted risks: findings a team knowingly accepts, written down in
//! `readiness.toml` with who accepted them, why, and until when. An accepted
//! finding is still reported, and still counts in the scores (accepting a
//! risk does not make it go away); it stops counting for the gate until its
//! date has passed, and then counts again, loudly. The entries themselves;
//! applying them to an assessment is [`crate::assess::accept`]'s.

use crate::date::Date;
use crate::diagnostic::Position;
use crate::vocabulary::{AcceptanceStatus, FindingId};

/// One `[[accept]]` entry of the settings file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Acceptance {
    pub finding: FindingId,
    /// For a per-pilot finding: the one pilot accepted; `None` for all.
    pub pilot: Option<String>,
    pub reason: String,
    /// Who accepted it.
    pub by: String,
    /// The last day it holds.
    pub until: Date,
    /// The settings file it is written in, as named.
    pub file: String,
    /// The line of its `[[accept]]` header.
    pub line: u32,
    /// Where its `pilot` and `until` values are, for messages about them.
    pub pilot_at: Option<Position>,
    pub until_at: Position,
}

/// An acceptance as one assessment saw it.
#[derive(Debug, Clone, PartialEq)]
pub struct AcceptanceState {
    pub acceptance: Acceptance,
    pub status: AcceptanceStatus,
}

impl Acceptance {
    /// Where it is written, as `readiness.toml:12`.
    pub fn place(&self) -> String {
        format!("{}:{}", self.file, self.line)
    }

    /// Who accepted it and until when, as every report says it:
    /// `accepted for churn-model by Dana until 2026-06-30`.
    pub fn terms(&self) -> String {
        let pilot = self
            .pilot
            .as_ref()
            .map_or_else(String::new, |p| format!(" for {p}"));
        format!("accepted{pilot} by {} until {}", self.by, self.until)
    }

    /// Its terms and its reason: `accepted by Dana until 2026-06-30: the
    /// pilot ends in June`.
    pub fn note(&self) -> String {
        format!("{}: {}", self.terms(), self.reason)
    }

    /// Whether it covers a finding `id` that names `pilots`: the same id,
    /// and for one pilot, a finding that names that pilot.
    pub fn covers(&self, id: FindingId, pilots: &[String]) -> bool {
        id == self.finding && self.pilot.as_ref().is_none_or(|p| pilots.contains(p))
    }

    /// What it accepts, as `laptop-bound for churn-model`.
    pub fn subject(&self) -> String {
        match &self.pilot {
            Some(pilot) => format!("{} for {pilot}", self.finding),
            None => self.finding.to_string(),
        }
    }
}
