//! Pilot purgatory: work that does not reach production, and the status it
//! adds up to. Purgatory is a matter of time: pilots that linger.

pub(super) mod infrastructure_gap;
pub(super) mod laptop_bound;
pub(super) mod no_production;
pub(super) mod overdue_decision;
pub(super) mod plan_without_results;
pub(super) mod stale_pilot;
pub(super) mod unproven_pilot;

use crate::assessment::Finding;
use crate::derive::facts::Facts;
use crate::rubric::Rubric;
use crate::vocabulary::{FindingId, Group, PurgatoryStatus};

/// What the purgatory status rests on.
#[derive(Debug, Clone, PartialEq)]
pub struct Status {
    pub status: PurgatoryStatus,
    /// The purgatory-group findings that fired, in catalogue order.
    pub signals: Vec<FindingId>,
    /// Active pilots that linger, and pilots that are live.
    pub lingering: usize,
    pub live: usize,
}

/// The purgatory status ([`PurgatoryStatus::of`]) and what it rests on.
pub fn status(findings: &[Finding], facts: &Facts<'_>, rubric: &Rubric) -> Status {
    let mut signals: Vec<FindingId> = findings
        .iter()
        .filter(|f| f.kind == Group::Purgatory)
        .map(|f| f.id)
        .collect();
    signals.sort_unstable();
    let lingering = facts
        .lingering_pilots(rubric.thresholds.stale_pilot_days)
        .len();
    let live = facts.live_pilots().len();
    let status = PurgatoryStatus::of(lingering, live, &signals);
    Status {
        status,
        signals,
        lingering,
        live,
    }
}
