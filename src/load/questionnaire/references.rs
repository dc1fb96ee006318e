//! The rules that tie one answer to another part of the file (rules 2.4): a
//! pilot `serves` business problems that are listed, an incident names a
//! listed pilot, only a retired pilot has a `retired_reason`, and
//! `systems_known` is not below the systems the pilots list holds. Each
//! mistake is a located problem with the nearest name where one is close.

use super::format::{incident, path, pilot, problem, BUSINESS_PROBLEMS, INCIDENTS, PILOTS};
use super::{Answer, Answers, Given, List};
use crate::diagnostic::{Diagnostic, MAX_PRINTED};
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

/// What to say after "is not a ... under `list`": the nearest name, or
/// the names there are when they are few. Only the first problems of a
/// kind have one: a reader is shown at most [`MAX_PRINTED`] problems of a
/// file, and finding the nearest of thousands of names for each of
/// thousands of problems, no one of them shown, took seconds.
struct Hints<'k> {
    known: Vec<&'k str>,
    list: &'static str,
    left: usize,
}

/// Up to this many names, a message with no near one lists them all.
const NAMES_LISTED: usize = 10;

impl<'k> Hints<'k> {
    fn new(known: &'k [String], list: &'static str) -> Hints<'k> {
        Hints {
            known: known.iter().map(String::as_str).collect(),
            list,
            left: MAX_PRINTED,
        }
    }

    fn next(&mut self, name: &str) -> String {
        if self.left == 0 {
            return String::new();
        }
        self.left -= 1;
        let list = self.list;
        match closest(name, &self.known) {
            Some(near) => format!("; did you mean \"{}\"?", clip(near)),
            None if self.known.is_empty() => format!("; {list} lists none"),
            None if self.known.len() > NAMES_LISTED => format!(
                "; none of the {} names under {list} is near it",
                self.known.len()
            ),
            None => format!(
                "; {list} lists: {}",
                self.known
                    .iter()
                    .map(|c| format!("\"{}\"", clip(c)))
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
        }
    }
}

fn served_problems(pilots: Option<&List>, problems: Option<&List>) -> Vec<Diagnostic> {
    let known = names_of(problems, problem::NAME);
    let listed = lookup(&known);
    let mut hints = Hints::new(&known, BUSINESS_PROBLEMS);
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
                        hints.next(&served.text)
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
    let mut hints = Hints::new(&known, PILOTS);
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
                    hints.next(name)
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

#[cfg(test)]
mod tests {
    use super::super::{load, LoadOptions};
    use crate::date::Date;
    use std::fmt::Write as _;

    /// The messages of a file whose pilots are `pilots` and whose
    /// incidents name `named`, one incident each.
    fn messages(pilots: &[String], named: &[String]) -> Vec<String> {
        let mut text =
            "version: 1\norganization:\n  name: A\n  assessed: 2026-01-31\nimplementation:\n  pilots:\n"
                .to_owned();
        for pilot in pilots {
            writeln!(text, "    - {{name: {pilot}, stage: pilot}}").expect("text");
        }
        text.push_str("  incidents:\n");
        for name in named {
            writeln!(
                text,
                "    - {{date: 2026-01-02, pilot: {name}, kind: outage, severity: low, resolved: true}}"
            )
            .expect("text");
        }
        let today = Date::parse("2026-02-01").expect("a date");
        let options = LoadOptions { as_of: None, today };
        match load(&text, options) {
            Ok(_) => Vec::new(),
            Err(problems) => problems.into_iter().map(|p| p.message).collect(),
        }
    }

    fn names(prefix: &str, count: usize) -> Vec<String> {
        (0..count).map(|n| format!("{prefix}{n}")).collect()
    }

    #[test]
    fn with_no_near_name_the_names_are_listed_when_they_are_few() {
        let few = messages(&names("pilot-number-", 10), &["zz".to_owned()]);
        assert_eq!(few.len(), 1);
        assert!(
            few[0].ends_with("lists: \"pilot-number-0\", \"pilot-number-1\", \"pilot-number-2\", \"pilot-number-3\", \"pilot-number-4\", \"pilot-number-5\", \"pilot-number-6\", \"pilot-number-7\", \"pilot-number-8\", \"pilot-number-9\""),
            "{}",
            few[0]
        );
        let many = messages(&names("pilot-number-", 11), &["zz".to_owned()]);
        assert_eq!(
            many,
            ["implementation.incidents[0].pilot: \"zz\" is not a pilot under implementation.pilots; none of the 11 names under implementation.pilots is near it"]
        );
    }

    #[test]
    fn only_the_problems_a_reader_can_be_shown_look_for_a_near_name() {
        let shown = super::MAX_PRINTED;
        let problems = messages(&names("p", 3), &names("q", shown + 1));
        assert_eq!(problems.len(), shown + 1);
        let last_hinted = format!(
            "implementation.incidents[{}].pilot: \"q{}\" is not a pilot under implementation.pilots; implementation.pilots lists: \"p0\", \"p1\", \"p2\"",
            shown - 1,
            shown - 1
        );
        assert_eq!(problems[shown - 1], last_hinted);
        assert_eq!(
            problems[shown],
            format!("implementation.incidents[{shown}].pilot: \"q{shown}\" is not a pilot under implementation.pilots")
        );
    }
}
