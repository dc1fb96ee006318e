//! `one-time-cost`: implementation is paid for once.

use super::super::{Context, Detected, Detector};
use super::{misconception, pilots};
use crate::load::questionnaire::format::{path, pilot};
use crate::vocabulary::{FindingId, Monitoring, Retraining};

pub(crate) const DETECTOR: Detector = Detector {
    id: FindingId::OneTimeCost,
    reads: &[
        path::BELIEFS_IMPLEMENTATION_ONE_TIME_COST,
        path::IMPLEMENTATION_SPEND_RECURRING_BUDGET,
    ],
    reads_of_pilots: &[pilot::MONITORING, pilot::RETRAINING],
    trigger: "Leadership agrees with the statement, or: a pilot is live and spend.recurring_budget is false, or a live pilot has monitoring: none or retraining: none.",
    detect,
};

fn detect(cx: &Context<'_>) -> Option<Detected> {
    misconception(cx, path::BELIEFS_IMPLEMENTATION_ONE_TIME_COST, behavior(cx))
}

/// A pilot is live, and its upkeep is not funded or not done.
fn behavior(cx: &Context<'_>) -> Option<Vec<crate::derive::evidence::Evidence>> {
    let pilots = pilots(cx)?;
    let live: Vec<_> = pilots.iter().filter(|p| p.is_live()).collect();
    if live.is_empty() {
        return None;
    }
    let mut evidence = Vec::new();
    if cx
        .facts
        .answers()
        .flag(path::IMPLEMENTATION_SPEND_RECURRING_BUDGET)
        == Some(false)
    {
        evidence.extend(
            cx.facts
                .evidence(path::IMPLEMENTATION_SPEND_RECURRING_BUDGET),
        );
    }
    for system in &live {
        let answers = system.answers();
        if answers.choice_of(pilot::MONITORING) == Some(Monitoring::None) {
            evidence.push(system.field_evidence(pilot::MONITORING));
        }
        if answers.choice_of(pilot::RETRAINING) == Some(Retraining::None) {
            evidence.push(system.field_evidence(pilot::RETRAINING));
        }
    }
    (!evidence.is_empty()).then_some(evidence)
}
