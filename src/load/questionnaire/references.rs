//! The rules that tie one answer to another part of the file (rules 2.4): a
//! pilot `serves` business problems that are listed, an incident names a
//! listed pilot, only a retired pilot has a `retired_reason`, and
//! `systems_known` is not below the systems the pilots list holds. Each
//! mistake is a located problem with the nearest name where one is close.

use super::format::{incident, path, pilot, problem, BUSINESS_PROBLEMS, INCIDENTS, PILOTS};
use super::{Answer, Answers, Given, List};
use crate::diagnostic::Diagnostic;
use crate::load::yaml::clip;
use crate::suggest::closest;
use crate::vocabulary::Stage;
use rustc_hash::FxHashSet;
use std::collections::BTreeMap;

/// Every broken cross-reference. `partial` names the lists that lost an
/// item to its own problems: what refers to them, or counts their items
/// by index, is not judged until those problems are fixed.
pub(super) fn check(
    answers: &Answers,
    lists: &BTreeMap<&'static str, List>,
    partial: &[&'static str],
) -> Vec<Diagnostic> {
    let whole = |list: &str| !partial.contains(&list);
    let mut problems = Vec::new();
    let pilots = lists.get(PILOTS);
    if whole(PILOTS) && whole(BUSINESS_PROBLEMS) {
        problems.extend(served_problems(pilots, lists.get(BUSINESS_PROBLEMS)));
    }
    if whole(PILOTS) && whole(INCIDENTS) {
        problems.extend(incident_pilots(lists.get(INCIDENTS), pilots));
    }
    if whole(PILOTS) {
        problems.extend(retired_reasons(pilots));
        problems.extend(systems_known(answers, pilots));
    }
    problems
}

/// The names of a list's items, in the file's order.
fn names_of(list: Option<&List>, key: &str) -> Vec<String> {
    list.map(|l| {
        l.items
            .iter()
            .filter_map(|item| item.answers.text(key).map(str::to_owned))
            .collect()
    })
    .unwrap_or_default()
}

/// The names, to look each up at once: with each looked for one by one,
/// validating ten thousand incidents among ten thousand pilots took
/// 0.19 s, and 0.05 s with a set.
fn lookup(names: &[String]) -> FxHashSet<&str> {
    names.iter().map(String::as_str).collect()
}

/// What to say after "is not a ... under `list`": the nearest name, or the
/// names there are.
fn hint(name: &str, known: &[String], list: &str) -> String {
    let candidates: Vec<&str> = known.iter().map(String::as_str).collect();
    match closest(name, &candidates) {
        Some(near) => format!("; did you mean \"{}\"?", clip(near)),
        None if known.is_empty() => format!("; {list} lists none"),
        None => format!(
            "; {list} lists: {}",
            candidates
                .iter()
                .map(|c| format!("\"{}\"", clip(c)))
                .collect::<Vec<_>>()
                .join(", ")
        ),
    }
}

fn served_problems(pilots: Option<&List>, problems: Option<&List>) -> Vec<Diagnostic> {
    let known = names_of(problems, problem::NAME);
    let listed = lookup(&known);
    let mut out = Vec::new();
    for (i, item) in pilots.iter().flat_map(|l| l.items.iter()).enumerate() {
        for served in item.answers.names(pilot::SERVES).unwrap_or_default() {
            if !listed.contains(served.text.as_str()) {
                out.push(Diagnostic::at(
                    served.at,
                    format!(
                        "{PILOTS}[{i}].{}: \"{}\" is not a business problem under {BUSINESS_PROBLEMS}{}",
                        pilot::SERVES,
                        clip(&served.text),
                        hint(&served.text, &known, BUSINESS_PROBLEMS)
                    ),
                ));
            }
        }
    }
    out
}

fn incident_pilots(incidents: Option<&List>, pilots: Option<&List>) -> Vec<Diagnostic> {
    if incidents.is_none_or(|list| list.items.is_empty()) {
        // No pilot's name to gather.
        return Vec::new();
    }
    let known = names_of(pilots, pilot::NAME);
    let listed = lookup(&known);
    let mut out = Vec::new();
    for (i, item) in incidents.iter().flat_map(|l| l.items.iter()).enumerate() {
        let Some(answer) = item.answers.get(incident::PILOT) else {
            continue;
        };
        let Given::Text(name) = &answer.value else {
            continue;
        };
        if !listed.contains(name.as_str()) {
            out.push(Diagnostic::at(
                answer.at,
                format!(
                    "{INCIDENTS}[{i}].{}: \"{}\" is not a pilot under {PILOTS}{}",
                    incident::PILOT,
                    clip(name),
                    hint(name, &known, PILOTS)
                ),
            ));
        }
    }
    out
}

fn retired_reasons(pilots: Option<&List>) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for (i, item) in pilots.iter().flat_map(|l| l.items.iter()).enumerate() {
        let stage = item.answers.choice_of::<Stage>(pilot::STAGE);
        if let (Some(answer), Some(stage)) = (item.answers.get(pilot::RETIRED_REASON), stage) {
            if stage != Stage::Retired {
                out.push(Diagnostic::at(
                    answer.at,
                    format!(
                        "{PILOTS}[{i}].{}: only a pilot at stage retired has a reason for retiring; this one is at stage {stage}",
                        pilot::RETIRED_REASON
                    ),
                ));
            }
        }
    }
    out
}

/// `systems_known` counts the AI systems known to exist, so it cannot be
/// below the started and retired pilots the list holds (ideas are not
/// systems yet).
fn systems_known(answers: &Answers, pilots: Option<&List>) -> Option<Diagnostic> {
    let Answer {
        value: Given::Integer(known),
        at,
    } = answers.get(path::IMPLEMENTATION_INVENTORY_SYSTEMS_KNOWN)?
    else {
        return None;
    };
    let listed = pilots.map_or(0, |l| {
        l.items
            .iter()
            .filter(|item| {
                item.answers
                    .choice_of::<Stage>(pilot::STAGE)
                    .is_some_and(|s| s.is_started() || s == Stage::Retired)
            })
            .count()
    });
    let listed = i64::try_from(listed).unwrap_or(i64::MAX);
    (*known < listed).then(|| {
        Diagnostic::at(
            *at,
            format!(
                "{}: {known} is fewer than the {listed} started and retired pilots listed under {PILOTS}; expected a whole number, {listed} or more",
                path::IMPLEMENTATION_INVENTORY_SYSTEMS_KNOWN
            ),
        )
    })
}
