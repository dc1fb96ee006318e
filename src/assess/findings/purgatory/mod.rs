//! Pilot purgatory: the signals that pilots are not reaching production, and
//! the status they add up to.

pub(super) mod cost_overrun;
pub(super) mod infrastructure_gap;
pub(super) mod laptop_bound;
pub(super) mod no_adoption;
pub(super) mod no_monitoring;
pub(super) mod no_production;
pub(super) mod plan_without_results;
pub(super) mod stale_pilot;
pub(super) mod unmeasured_value;

use super::{Context, Finding};
use crate::derive::evidence::Evidence;
use crate::derive::facts::Pilot;
use crate::rubric::Rubric;
use crate::vocabulary::{FindingId, Group, PurgatoryStatus};

/// The signals that can make purgatory `stuck`: pilots that do not move.
pub const STUCK_SIGNALS: [FindingId; 2] = [FindingId::NoProduction, FindingId::StalePilot];

/// `stuck` when one of [`STUCK_SIGNALS`] fired and enough signals fired in
/// all; `at-risk` when any fired; `none` otherwise. Also the signals, in
/// catalogue order.
pub fn status(findings: &[Finding], rubric: &Rubric) -> (PurgatoryStatus, Vec<FindingId>) {
    let mut signals: Vec<FindingId> = findings
        .iter()
        .filter(|f| f.kind == Group::Purgatory)
        .map(|f| f.id)
        .collect();
    signals.sort_unstable();
    let stuck_signal = signals.iter().any(|s| STUCK_SIGNALS.contains(s));
    let status = if stuck_signal && signals.len() >= rubric.thresholds.stuck_min_signals {
        PurgatoryStatus::Stuck
    } else if signals.is_empty() {
        PurgatoryStatus::None
    } else {
        PurgatoryStatus::AtRisk
    };
    (status, signals)
}

/// The pilots that are not retired, when the list was given: a left-out
/// list is unknown, so no pilot trigger can be true.
fn counted<'a>(cx: &'a Context<'_>) -> Vec<&'a Pilot<'a>> {
    cx.facts
        .counted_pilots()
        .map(Iterator::collect)
        .unwrap_or_default()
}

/// Pilots at stage `pilot`.
fn active<'a>(cx: &'a Context<'_>) -> Vec<&'a Pilot<'a>> {
    counted(cx).into_iter().filter(|p| p.is_active()).collect()
}

/// Pilots in production or scaled.
fn live<'a>(cx: &'a Context<'_>) -> Vec<&'a Pilot<'a>> {
    counted(cx).into_iter().filter(|p| p.is_live()).collect()
}

/// Pilots that are active or live.
fn in_play<'a>(cx: &'a Context<'_>) -> Vec<&'a Pilot<'a>> {
    counted(cx)
        .into_iter()
        .filter(|p| p.is_active() || p.is_live())
        .collect()
}

/// Evidence for each pilot that meets `test`, citing the key it was judged on.
fn matching(
    pilots: &[&Pilot<'_>],
    key: &'static str,
    test: impl Fn(&Pilot<'_>) -> bool,
) -> Vec<Evidence> {
    pilots
        .iter()
        .filter(|p| test(p))
        .map(|p| p.field_evidence(key))
        .collect()
}
