//! `one-time-cost`: implementation is paid for once.

use super::super::{Context, Detected, Detector, PilotSet};
use super::misconception;
use crate::derive::evidence::Evidence;
use crate::load::questionnaire::format::{path, pilot};
use crate::vocabulary::FindingId;

pub(crate) const DETECTOR: Detector = Detector {
    id: FindingId::OneTimeCost,
    reads: &[
        path::BELIEFS_IMPLEMENTATION_ONE_TIME_COST,
        path::IMPLEMENTATION_SPEND_RECURRING_BUDGET,
    ],
    reads_of_pilots: &[],
    pilot_set: PilotSet::Started,
    trigger: "Leadership agrees with the statement, or: a pilot has started and spend.recurring_budget is false.",
    detect,
};

fn detect(cx: &Context<'_>) -> Option<Detected> {
    misconception(cx, path::BELIEFS_IMPLEMENTATION_ONE_TIME_COST, behavior(cx))
}

/// Work has started, and nothing funds running what is being built. (An
/// unmonitored live system is `no-monitoring`, not evidence of this belief.)
fn behavior(cx: &Context<'_>) -> Option<Detected> {
    let started = cx.facts.started_pilots()?;
    let no_recurring = cx
        .facts
        .answers()
        .flag(path::IMPLEMENTATION_SPEND_RECURRING_BUDGET)
        == Some(false);
    if started.is_empty() || !no_recurring {
        return None;
    }
    // The started work is half the trigger, so each pilot is cited too.
    let mut evidence: Vec<Evidence> = started
        .iter()
        .map(|p| p.field_evidence(pilot::STAGE))
        .collect();
    evidence.extend(
        cx.facts
            .evidence(path::IMPLEMENTATION_SPEND_RECURRING_BUDGET),
    );
    Some(Detected::new(evidence).naming(&started))
}
