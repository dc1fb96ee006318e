//! `unserved-problem`: a business problem the strategy names that no
//! started pilot works on.

use super::super::{Context, Detected, Detector, PilotSet};
use crate::derive::evidence::{Evidence, EvidencePath};
use crate::load::questionnaire::format::{pilot, problem, BUSINESS_PROBLEMS};
use crate::text::names;
use crate::vocabulary::FindingId;

pub(crate) const DETECTOR: Detector = Detector {
    id: FindingId::UnservedProblem,
    reads: &[],
    reads_of_pilots: &[pilot::SERVES],
    pilot_set: PilotSet::Started,
    trigger: "A pilot is started (stage pilot, production or scaled), every started pilot answers serves, and a business problem under strategy.business_problems is served by none of them.",
    detect,
};

fn detect(cx: &Context<'_>) -> Option<Detected> {
    let problems = cx.facts.questionnaire.list(BUSINESS_PROBLEMS)?;
    let started = cx.facts.started_pilots()?;
    // With no started pilot there is no work to judge the problems by, and
    // one started pilot that leaves serves out leaves the question open.
    if started.is_empty() {
        return None;
    }
    let mut served: Vec<&str> = Vec::new();
    for p in &started {
        let answer = p.answers().names(pilot::SERVES)?;
        served.extend(answer.iter().map(|n| n.text.as_str()));
    }
    let unserved: Vec<(usize, &str, u32)> = problems
        .items
        .iter()
        .enumerate()
        .filter_map(|(i, item)| {
            let name = item.answers.text(problem::NAME)?;
            (!served.contains(&name)).then_some((i, name, item.at.line))
        })
        .collect();
    if unserved.is_empty() {
        return None;
    }
    let mut evidence: Vec<Evidence> = unserved
        .iter()
        .map(|(i, name, line)| {
            Evidence::answer(
                EvidencePath::Item {
                    list: BUSINESS_PROBLEMS,
                    index: *i,
                    key: None,
                },
                format!("{name}, served by no started pilot"),
                *line,
            )
        })
        .collect();
    evidence.extend(started.iter().map(|p| p.field_evidence(pilot::SERVES)));
    Some(Detected::new(evidence).with("count", &unserved.len()).with(
        "problems",
        &names(unserved.iter().map(|(_, name, _)| *name)),
    ))
}
