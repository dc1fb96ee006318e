//! Accepted risks applied to an assessment: which findings each entry of
//! the settings file covers, which stop counting for the gate, and what
//! became of each entry (in force, expired, matched nothing).

use crate::acceptance::{Acceptance, AcceptanceState};
use crate::assessment::Assessment;
use crate::date::Date;
use crate::vocabulary::AcceptanceStatus;
use rustc_hash::FxHashSet;

/// Whether `x` concerns the organization assessed: one naming a pilot
/// concerns only questionnaires that have it.
pub fn concerns(x: &Acceptance, a: &Assessment) -> bool {
    x.pilot
        .as_ref()
        .is_none_or(|pilot| a.pilots.iter().any(|p| &p.name == pilot))
}

/// Marks the findings of `a` that `acceptances` cover, and records what
/// became of each acceptance that concerns it. A finding stops counting for
/// the gate when acceptances in force cover it whole: without a pilot, or
/// one for each pilot it names. Pilots are looked up in sets, so that
/// thousands of acceptances of thousands of pilots take linear time.
pub fn apply(a: &mut Assessment, acceptances: &[Acceptance], on: Date) {
    let pilots: FxHashSet<&str> = a.pilots.iter().map(|p| p.name.as_str()).collect();
    // Each finding's pilots, by the finding's place in the list.
    let named: Vec<FxHashSet<&str>> = a
        .findings
        .iter()
        .map(|f| f.pilots.iter().map(String::as_str).collect())
        .collect();
    let covers = |x: &Acceptance, index: usize| {
        a.findings[index].id == x.finding
            && x.pilot.as_deref().is_none_or(|p| named[index].contains(p))
    };
    let mut seen = Vec::new();
    let mut accepted: Vec<Vec<&Acceptance>> = vec![Vec::new(); a.findings.len()];
    for acceptance in acceptances {
        // One naming a pilot concerns only questionnaires that have it.
        if acceptance
            .pilot
            .as_deref()
            .is_some_and(|p| !pilots.contains(p))
        {
            continue;
        }
        let matched: Vec<usize> = (0..a.findings.len())
            .filter(|&i| covers(acceptance, i))
            .collect();
        let status = if acceptance.until < on {
            AcceptanceStatus::Expired
        } else if matched.is_empty() {
            AcceptanceStatus::Unmatched
        } else {
            AcceptanceStatus::InForce
        };
        if status == AcceptanceStatus::InForce {
            for i in matched {
                accepted[i].push(acceptance);
            }
        }
        seen.push(AcceptanceState {
            acceptance: acceptance.clone(),
            status,
        });
    }
    let mut whole = Vec::with_capacity(a.findings.len());
    for (finding, accepted) in a.findings.iter().zip(&accepted) {
        let for_pilots: FxHashSet<&str> =
            accepted.iter().filter_map(|x| x.pilot.as_deref()).collect();
        whole.push(
            accepted.iter().any(|x| x.pilot.is_none())
                || (!finding.pilots.is_empty()
                    && finding
                        .pilots
                        .iter()
                        .all(|p| for_pilots.contains(p.as_str()))),
        );
    }
    let accepted: Vec<Vec<Acceptance>> = accepted
        .into_iter()
        .map(|list| list.into_iter().cloned().collect())
        .collect();
    for ((finding, list), whole) in a.findings.iter_mut().zip(accepted).zip(whole) {
        finding.accepted.extend(list);
        finding.counts_for_gate = !whole;
    }
    a.acceptances = seen;
}
