//! `unguarded-decisions`: a high-stakes live system without automated monitoring.

use super::super::{Context, Detected, Detector, PilotSet};
use crate::assess::findings::high_stakes;
use crate::load::questionnaire::format::pilot;
use crate::text::names;
use crate::vocabulary::{FindingId, HumanReview, Monitoring};

pub(crate) const DETECTOR: Detector = Detector {
    id: FindingId::UnguardedDecisions,
    reads: &[],
    reads_of_pilots: &[pilot::IMPACT, pilot::MONITORING],
    pilot_set: PilotSet::Live,
    trigger: "A pilot in production or scaled with impact: high (written out) has monitoring that is not automated.",
    detect,
};

fn detect(cx: &Context<'_>) -> Option<Detected> {
    // Only an explicit `impact: high` raises the stakes; a left-out
    // monitoring answer is unknown, so it cannot make this fire.
    let (unguarded, evidence) = high_stakes(
        &cx.facts.live_pilots(),
        &[pilot::IMPACT, pilot::MONITORING],
        |p| {
            p.answers()
                .choice_of(pilot::MONITORING)
                .is_some_and(|m: Monitoring| m != Monitoring::Automated)
        },
    );
    if unguarded.is_empty() {
        return None;
    }
    // A person checking each output does not see a model drift over
    // months (rules 2.4): said where a pilot has that review, so that it is
    // not read as the answer to this finding.
    let reviewed: Vec<&str> = unguarded
        .iter()
        .filter(|p| p.answers().choice_of(pilot::HUMAN_REVIEW) == Some(HumanReview::EveryOutput))
        .map(|p| p.name())
        .collect();
    let review = if reviewed.is_empty() {
        String::new()
    } else {
        format!(
            " People check each output of {}, which does not catch a model drifting over months.",
            names(reviewed.into_iter())
        )
    };
    Some(
        Detected::new(evidence)
            .naming(&unguarded)
            .with("review", &review),
    )
}
