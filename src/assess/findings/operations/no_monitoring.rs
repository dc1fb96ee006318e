//! `no-monitoring`: a live system that nobody watches, or a model built in
//! house, live, that no monitoring practice (`mlops.monitoring`) covers.
//! The message names the pilots nobody watches and says when the practice
//! is missing; the remedy gives each only the step that holds of it.

use super::super::{Clause, Context, Detected, Detector, PilotSet};
use crate::assess::findings::matching;
use crate::derive::facts::Pilot;
use crate::load::questionnaire::format::{path, pilot};
use crate::vocabulary::{FindingId, Monitoring, Sourcing};

pub(crate) const DETECTOR: Detector = Detector {
    id: FindingId::NoMonitoring,
    reads: &[path::IMPLEMENTATION_MLOPS_MONITORING],
    reads_of_pilots: &[pilot::MONITORING],
    pilot_set: PilotSet::Live,
    trigger: "A pilot in production or scaled has monitoring: none, or implementation.mlops.monitoring is false while a built pilot is live.",
    detect,
};

fn detect(cx: &Context<'_>) -> Option<Detected> {
    let live = cx.facts.live_pilots();
    let (mut concerned, mut evidence) = matching(&live, pilot::MONITORING, |p| {
        p.answers().choice_of(pilot::MONITORING) == Some(Monitoring::None)
    });
    let unwatched = names_of(&concerned);
    let no_practice = cx
        .facts
        .answers()
        .flag(path::IMPLEMENTATION_MLOPS_MONITORING)
        == Some(false);
    // The MLOps practice watches what the organization built itself.
    let built: Vec<&Pilot<'_>> = live
        .iter()
        .copied()
        .filter(|p| p.sourcing() == Sourcing::Built)
        .collect();
    let outside_practice = if no_practice {
        names_of(&built)
    } else {
        Vec::new()
    };
    if !outside_practice.is_empty() {
        evidence.extend(cx.facts.evidence(path::IMPLEMENTATION_MLOPS_MONITORING));
        for p in built {
            if !concerned.iter().any(|u| u.index == p.index) {
                evidence.push(p.field_evidence(pilot::STAGE));
                evidence.push(p.sourcing_evidence());
                concerned.push(p);
            }
        }
    }
    concerned.sort_by_key(|p| p.index);
    // Each way it fires, said of the pilots it holds for; a pilot watched
    // by its own monitoring is never told to be monitored again.
    let nobody: Clause = |names, _| format!("nobody monitors {names}");
    let unpracticed: Clause =
        |_, _| "the MLOps practice monitors no model built in house".to_owned();
    let monitor: Clause = |names, _| {
        format!("monitor {names} for health and accuracy, automatically, with someone on call for alerts")
    };
    let practice: Clause = |_, _| {
        "make monitoring part of the MLOps practice, for every model built in house".to_owned()
    };
    // The practice's clauses are the organization's (no pilots of their
    // own): said whichever pilots an item names, so that splitting the
    // advice, or folding it into an earlier item's, never loses them.
    let (mut gaps, mut steps) = (Vec::new(), Vec::new());
    if !unwatched.is_empty() {
        gaps.push((nobody, unwatched.clone()));
        steps.push((monitor, unwatched));
    }
    if !outside_practice.is_empty() {
        gaps.push((unpracticed, Vec::new()));
        steps.push((practice, Vec::new()));
    }
    (!concerned.is_empty()).then(|| {
        Detected::new(evidence)
            .naming(&concerned)
            .with_clauses("gaps", ", and ", gaps)
            .with_sentence("steps", ", and ", steps)
    })
}

fn names_of(pilots: &[&Pilot<'_>]) -> Vec<String> {
    pilots.iter().map(|p| p.name().to_owned()).collect()
}
