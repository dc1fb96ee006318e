//! Accepted risks: findings a team knowingly accepts, written down in
//! `readiness.toml` with who accepted them, why, and until when. An accepted
//! finding is still reported, and still counts in the scores (accepting a
//! risk does not make it go away); it stops counting for the gate until its
//! date has passed, and then counts again, loudly.

use crate::assessment::{Assessment, Finding};
use crate::date::Date;
use crate::diagnostic::Position;
use crate::vocabulary::{AcceptanceStatus, FindingId};
use serde::{Serialize, Serializer};

/// One `[[accept]]` entry of the settings file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Acceptance {
    pub finding: FindingId,
    /// For a per-pilot finding: the one pilot accepted; `None` for all.
    pub pilot: Option<String>,
    pub reason: String,
    /// Who accepted it.
    pub by: String,
    /// The last day it holds.
    #[serde(serialize_with = "as_text")]
    pub until: Date,
    /// The settings file it is written in, as named.
    pub file: String,
    /// The line of its `[[accept]]` header.
    pub line: u32,
    /// Where its `pilot` and `until` values are, for messages about them.
    #[serde(skip)]
    pub pilot_at: Option<Position>,
    #[serde(skip)]
    pub until_at: Position,
}

fn as_text<S: Serializer>(date: &Date, serializer: S) -> Result<S::Ok, S::Error> {
    serializer.collect_str(date)
}

/// An acceptance as one assessment saw it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AcceptanceState {
    #[serde(flatten)]
    pub acceptance: Acceptance,
    pub status: AcceptanceStatus,
}

impl Acceptance {
    /// Where it is written, as `readiness.toml:12`.
    pub fn place(&self) -> String {
        format!("{}:{}", self.file, self.line)
    }

    /// What it accepts, as `laptop-bound for churn-model`.
    pub fn subject(&self) -> String {
        match &self.pilot {
            Some(pilot) => format!("{} for {pilot}", self.finding),
            None => self.finding.to_string(),
        }
    }

    /// Whether it covers `finding`: the same id, and for one pilot, a
    /// finding that names that pilot.
    fn covers(&self, finding: &Finding) -> bool {
        finding.id == self.finding
            && self
                .pilot
                .as_ref()
                .is_none_or(|pilot| finding.pilots.contains(pilot))
    }

    /// Whether it concerns the organization assessed: one naming a pilot
    /// concerns only questionnaires that have it.
    pub fn concerns(&self, a: &Assessment) -> bool {
        self.pilot
            .as_ref()
            .is_none_or(|pilot| a.pilots.iter().any(|p| &p.name == pilot))
    }
}

/// Marks the findings of `a` that `acceptances` cover, and records what
/// became of each acceptance that concerns it. A finding stops counting for
/// the gate when acceptances in force cover it whole: without a pilot, or
/// one for each pilot it names.
pub fn apply(a: &mut Assessment, acceptances: &[Acceptance], assessed: Date) {
    let mut seen = Vec::new();
    let concerning: Vec<&Acceptance> = acceptances.iter().filter(|x| x.concerns(a)).collect();
    for acceptance in concerning {
        let matched = a.findings.iter().any(|f| acceptance.covers(f));
        let status = if acceptance.until < assessed {
            AcceptanceStatus::Expired
        } else if matched {
            AcceptanceStatus::InForce
        } else {
            AcceptanceStatus::Unmatched
        };
        if status == AcceptanceStatus::InForce {
            for finding in a.findings.iter_mut().filter(|f| acceptance.covers(f)) {
                finding.accepted.push(acceptance.clone());
            }
        }
        seen.push(AcceptanceState {
            acceptance: acceptance.clone(),
            status,
        });
    }
    for finding in &mut a.findings {
        let whole = finding.accepted.iter().any(|x| x.pilot.is_none())
            || (!finding.pilots.is_empty()
                && finding.pilots.iter().all(|pilot| {
                    finding
                        .accepted
                        .iter()
                        .any(|x| x.pilot.as_ref() == Some(pilot))
                }));
        finding.counts_for_gate = !whole;
    }
    a.acceptances = seen;
}

/// The warning an acceptance calls for in `a`, one line: an expired one
/// (its finding counts again) or one that matched nothing (the finding no
/// longer fires); `None` for one in force.
pub fn warning(state: &AcceptanceState, a: &Assessment) -> Option<String> {
    let x = &state.acceptance;
    match state.status {
        AcceptanceStatus::InForce => None,
        AcceptanceStatus::Expired => Some(format!(
            "{}: the acceptance of {} by {} expired on {}: {}",
            x.place(),
            x.subject(),
            x.by,
            x.until,
            if a.findings.iter().any(|f| x.covers(f)) {
                "the finding counts again; fix it, or renew the acceptance with a new date"
            } else {
                "the finding no longer fires; remove the acceptance"
            }
        )),
        AcceptanceStatus::Unmatched => Some(format!(
            "{}: the acceptance of {} matched nothing in {}: the finding does not fire; remove the acceptance",
            x.place(),
            x.subject(),
            a.source
        )),
    }
}
