//! The four misconceptions: each stated by leadership (`beliefs`), shown in
//! practice by the answers, or both. Each file holds one misconception's
//! behaviour trigger; what they share is here.

pub(super) mod it_only;
pub(super) mod one_time_cost;
pub(super) mod strategy_equals_ready;
pub(super) mod strategy_first;

use super::{Context, Detected};
use crate::derive::evidence::Evidence;
use crate::derive::facts::Pilot;
use crate::vocabulary::{Belief, Source};

/// The misconception when leadership agrees with the statement at
/// `belief_path`, or `behavior` shows it (its evidence), or both.
fn misconception(
    cx: &Context<'_>,
    belief_path: &'static str,
    behavior: Option<Vec<Evidence>>,
) -> Option<Detected> {
    let believed = cx.facts.answers().choice_of(belief_path) == Some(Belief::Agree);
    let source = match (believed, behavior.is_some()) {
        (true, true) => Source::Both,
        (true, false) => Source::Belief,
        (false, true) => Source::Behavior,
        (false, false) => return None,
    };
    let mut evidence: Vec<Evidence> = Vec::new();
    if believed {
        evidence.extend(cx.facts.evidence(belief_path));
    }
    evidence.extend(behavior.unwrap_or_default());
    let mut detected = Detected::new(evidence);
    detected.source = Some(source);
    Some(detected)
}

/// The pilots that are not retired; `None` when the list was left out.
fn pilots<'a>(cx: &'a Context<'_>) -> Option<Vec<&'a Pilot<'a>>> {
    cx.facts.counted_pilots().map(Iterator::collect)
}
