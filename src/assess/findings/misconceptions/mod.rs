//! The four misconceptions: each stated by leadership (`beliefs`), shown in
//! practice by the answers, or both; and when leadership rejects a statement
//! that its own answers show, the say-do gap. Each file holds one
//! misconception's behaviour trigger; what they share is here.

pub(super) mod it_only;
pub(super) mod one_time_cost;
pub(super) mod strategy_equals_ready;
pub(super) mod strategy_first;

use super::{Context, Detected};
use crate::vocabulary::{Belief, Source};

/// The misconception when leadership agrees with the statement at
/// `belief_path`, or `behavior` (its evidence and placeholders) shows it, or
/// both.
fn misconception(
    cx: &Context<'_>,
    belief_path: &'static str,
    behavior: Option<Detected>,
) -> Option<Detected> {
    let stated = cx.facts.answers().choice_of(belief_path);
    let agreed = stated == Some(Belief::Agree);
    let source = match (agreed, behavior.is_some()) {
        (true, true) => Source::Both,
        (true, false) => Source::Belief,
        (false, true) => Source::Behavior,
        (false, false) => return None,
    };
    let mut detected = behavior.unwrap_or_else(|| Detected::new(Vec::new()));
    if agreed {
        let mut evidence: Vec<_> = cx.facts.evidence(belief_path).into_iter().collect();
        evidence.append(&mut detected.evidence);
        detected.evidence = evidence;
    }
    detected.source = Some(source);
    // Leadership rejects the statement, yet its answers act on it.
    detected.contradicts_stated_belief =
        source == Source::Behavior && stated == Some(Belief::Disagree);
    if detected.contradicts_stated_belief {
        detected.evidence.extend(cx.facts.evidence(belief_path));
    }
    Some(detected)
}
