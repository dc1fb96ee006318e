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

/// The findings that put an organization at risk of purgatory. The others of
/// the group (laptop, unproven, infrastructure) say what keeps pilots back,
/// but alone they do not.
pub const AT_RISK_SIGNALS: [FindingId; 4] = [
    FindingId::NoProduction,
    FindingId::StalePilot,
    FindingId::OverdueDecision,
    FindingId::PlanWithoutResults,
];

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

/// `stuck` when at least one active pilot lingers and more pilots linger
/// than are live; `at-risk` when not stuck and one of [`AT_RISK_SIGNALS`]
/// fired; `none` otherwise. Taking a pilot to production never makes it worse.
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
    let status = if lingering >= 1 && lingering > live {
        PurgatoryStatus::Stuck
    } else if signals.iter().any(|s| AT_RISK_SIGNALS.contains(s)) {
        PurgatoryStatus::AtRisk
    } else {
        PurgatoryStatus::None
    };
    Status {
        status,
        signals,
        lingering,
        live,
    }
}
