//! Turns questionnaire text into a checked `Questionnaire`, or into every
//! problem found in it.
//!
//! A plain file with no problem is read straight from the parser's events
//! (`streamed.rs`). Any other is read through the YAML tree, walked against
//! the format table: unknown keys, wrong types, choices outside their list
//! and numbers out of range are all collected. Then the rules that span
//! several answers (unique pilot names, dates not after the assessment
//! date, and the cross-references of `references.rs`) are checked.

use super::format::{self, path, Entry, Kind, ListQuestion, INCIDENTS, PILOTS};
use super::references;
use super::streamed;
use super::value::{read, ItemPath};
use super::{Answer, Answers, DateSource, Given, Item, List, Questionnaire};
use crate::date::Date;
use crate::diagnostic::{in_file_order, Diagnostic};
use crate::load::yaml::{self, clip, Node, Position, Value};
use crate::suggest::closest;
use std::collections::BTreeMap;

/// What the loader needs besides the text.
#[derive(Debug, Clone, Copy)]
pub struct LoadOptions {
    /// The assessment date when the questionnaire gives none (`--as-of`).
    pub as_of: Option<Date>,
    /// The date to use when neither gives one.
    pub today: Date,
}

/// Loads a questionnaire; on failure, every problem found, in file order.
pub fn load(text: &str, options: LoadOptions) -> Result<Questionnaire, Vec<Diagnostic>> {
    // Most files are plain and hold no problem: read without the tree.
    let walker = match streamed::read_plain(text) {
        Some(read) => Walker {
            answers: read.answers,
            lists: read.lists,
            partial: Vec::new(),
            problems: Vec::new(),
        },
        None => walk_tree(text)?,
    };
    let mut problems = walker.problems;
    let (assessed, assessed_from) = match walker.answers.date(path::ORGANIZATION_ASSESSED) {
        Some(date) => (date, DateSource::Questionnaire),
        None => match options.as_of {
            Some(date) => (date, DateSource::AsOf),
            None => (options.today, DateSource::Today),
        },
    };
    problems.extend(dates_after(&walker.answers, &walker.lists, assessed));
    problems.extend(duplicate_pilot_names(&walker.lists));
    problems.extend(references::check(
        &walker.answers,
        &walker.lists,
        &walker.partial,
    ));
    if problems.is_empty() {
        Ok(Questionnaire {
            answers: walker.answers,
            lists: walker.lists,
            assessed,
            assessed_from,
        })
    } else {
        Err(in_file_order(problems))
    }
}

/// Builds the tree of `text` and walks it: the answers, and every problem
/// found on the way; a syntax error alone when there is no tree.
pub(super) fn walk_tree(text: &str) -> Result<Walker, Vec<Diagnostic>> {
    let mut root = yaml::parse(text).map_err(|e| vec![Diagnostic::new(e.at, e.message)])?;
    let mut walker = Walker {
        answers: Answers::with_capacity(format::QUESTIONS.len()),
        lists: BTreeMap::new(),
        partial: Vec::new(),
        problems: Vec::new(),
    };
    walker.root(&mut root);
    Ok(walker)
}

/// The answers and lists read from a file, and every problem met on the
/// way: by the walk over the tree, or by the plain reading (which meets none).
pub(super) struct Walker {
    pub(super) answers: Answers,
    pub(super) lists: BTreeMap<&'static str, List>,
    /// Lists with an item left out for its problems: a name that refers to
    /// one of their items cannot be checked.
    pub(super) partial: Vec<&'static str>,
    pub(super) problems: Vec<Diagnostic>,
}

impl Walker {
    fn problem(&mut self, at: Position, message: String) {
        self.problems.push(Diagnostic::at(at, message));
    }

    /// The walk takes text answers out of the tree rather than copying them;
    /// the tree is dropped once walked.
    fn root(&mut self, root: &mut Node) {
        let start = Position { line: 1, column: 1 };
        match &root.value {
            Value::Null => {
                self.problem(
                    start,
                    "the file is empty; a questionnaire starts with `version: 1` and an `organization` with a `name`"
                        .to_owned(),
                );
                return;
            }
            Value::Map(_) => {}
            other => {
                self.problem(
                    root.at,
                    format!(
                        "a questionnaire is a mapping of sections ({}) at the top; found {}",
                        format::SECTIONS.join(", "),
                        other.describe()
                    ),
                );
                return;
            }
        }
        let has_version = matches!(&root.value, Value::Map(entries)
            if entries.iter().any(|(k, _)| k.value == Value::Text("version".into())));
        // A name written with a wrong value has its own message already.
        let name_written = entry(root, "organization")
            .and_then(|organization| entry(organization, "name"))
            .is_some_and(|name| name.value != Value::Null);
        self.mapping("", root);
        if !has_version {
            self.problem(
                start,
                "missing `version: 1` at the top of the file".to_owned(),
            );
        }
        match self.answers.get(path::ORGANIZATION_NAME) {
            None if name_written => {}
            None => self.problem(
                start,
                "missing organization.name: the organization's name is required".to_owned(),
            ),
            Some(Answer {
                value: Given::Text(name),
                at,
            }) if crate::diagnostic::shows_nothing(name) => {
                let at = *at;
                self.problem(at, "organization.name: must not be blank".to_owned());
            }
            Some(_) => {}
        }
    }

    /// Walks a mapping whose keys live under `prefix` in the format.
    fn mapping(&mut self, prefix: &str, node: &mut Node) {
        let at = node.at;
        let entries = match &mut node.value {
            Value::Null => return,
            Value::Map(entries) => entries,
            other => {
                let section = if prefix.is_empty() { "the top" } else { prefix };
                self.problem(
                    at,
                    format!(
                        "{section}: expected a mapping of keys ({}), found {}",
                        format::keys_under(prefix).join(", "),
                        other.describe()
                    ),
                );
                return;
            }
        };
        // One buffer for every key's path in this mapping.
        let mut path = String::with_capacity(prefix.len() + 32);
        for (key, value) in entries.iter_mut() {
            let Some(name) = self.key_name(key) else {
                continue;
            };
            format::write_path(&mut path, prefix, name);
            if path == "version" {
                self.version(value);
                continue;
            }
            match format::entry(&path) {
                Some(Entry::Question(question)) => {
                    self.answer(question.path, question.kind, value);
                }
                Some(Entry::List(list)) => self.list(list, value),
                Some(Entry::Section) => self.mapping(&path, value),
                None => {
                    let message = unknown_key(name, prefix, &format::keys_under(prefix));
                    self.problem(key.at, message);
                }
            }
        }
    }

    /// A mapping key as text; any other key is a problem.
    fn key_name<'n>(&mut self, key: &'n Node) -> Option<&'n String> {
        match &key.value {
            Value::Text(name) => Some(name),
            other => {
                self.problem(
                    key.at,
                    format!("keys are words; found {}", other.describe()),
                );
                None
            }
        }
    }

    fn version(&mut self, node: &Node) {
        match &node.value {
            Value::Int(1) => {}
            Value::Text(t) if t.trim() == "1" => self.problem(
                node.at,
                "version: expected the number 1, found the text \"1\"; write it without quotes"
                    .to_owned(),
            ),
            Value::Float(x) if *x == 1.0 => self.problem(
                node.at,
                "version: expected the whole number 1, found 1.0; write it without the decimal point"
                    .to_owned(),
            ),
            other => self.problem(
                node.at,
                format!(
                    "version: {} is not a supported version; supported: 1",
                    other.describe()
                ),
            ),
        }
    }

    /// Reads one answer; a null value is left out.
    fn answer(&mut self, path: &'static str, kind: Kind, node: &mut Node) {
        let at = node.at;
        match read(&path, kind, node) {
            Ok(None) => {}
            Ok(Some(value)) => self.answers.insert(path, Answer { value, at }),
            Err(problems) => self.problems.extend(problems),
        }
    }

    fn list(&mut self, list: &'static ListQuestion, node: &mut Node) {
        let at = node.at;
        let items = match &mut node.value {
            Value::Null => return,
            Value::List(items) => items,
            other => {
                self.problem(
                    at,
                    format!(
                        "{}: expected a list of items (`- name: ...`), found {}",
                        list.path,
                        other.describe()
                    ),
                );
                return;
            }
        };
        let mut loaded = List {
            at,
            items: Vec::with_capacity(items.len()),
        };
        for (index, item) in items.iter_mut().enumerate() {
            let place = ItemPath {
                list: list.path,
                index,
            };
            let at = item.at;
            match self.item(list, place, item) {
                Some(answers) => loaded.items.push(Item { at, answers }),
                None => self.partial.push(list.path),
            }
            // The item's keys are read: its tree goes now rather than with
            // the whole, so a long list's answers take the room it leaves.
            item.value = Value::Null;
        }
        self.lists.insert(list.path, loaded);
    }

    fn item(
        &mut self,
        list: &'static ListQuestion,
        place: ItemPath,
        node: &mut Node,
    ) -> Option<Answers> {
        let at = node.at;
        if !matches!(node.value, Value::Map(_)) {
            self.problem(
                at,
                format!(
                    "{place}: expected an item with keys ({}), found {}",
                    keys_of(list).join(", "),
                    node.value.describe()
                ),
            );
            return None;
        }
        let Value::Map(entries) = &mut node.value else {
            return None;
        };
        // Room for the keys written, not every key the item may have: a
        // file of ten thousand pilots was a fifth bigger for the room left.
        let mut answers = Answers::with_capacity(entries.len().min(list.fields.len()));
        let mut written: Vec<&'static str> = Vec::new();
        let before = self.problems.len();
        for (key, value) in entries.iter_mut() {
            let Some(name) = self.key_name(key) else {
                continue;
            };
            let Some(field) = list.fields.iter().find(|f| f.key == name) else {
                let message = unknown_key(name, &place.to_string(), &keys_of(list));
                self.problem(key.at, message);
                continue;
            };
            if value.value != Value::Null {
                written.push(field.key);
            }
            let value_at = value.at;
            match read(&format_args!("{place}.{name}"), field.kind, value) {
                Ok(None) => {}
                Ok(Some(given)) => answers.insert(
                    field.key,
                    Answer {
                        value: given,
                        at: value_at,
                    },
                ),
                Err(problems) => self.problems.extend(problems),
            }
        }
        // A required key written with a wrong value has its own message already.
        for field in list.fields.iter().filter(|f| f.required) {
            let given = answers.get(field.key);
            if given.is_none() && written.contains(&field.key) {
                continue;
            }
            let blank = matches!(given, Some(Answer { value: Given::Text(t), .. }) if crate::diagnostic::shows_nothing(t));
            if given.is_none() || blank {
                self.problem(
                    node.at,
                    format!(
                        "{place}: missing {}, which every item needs ({})",
                        field.key,
                        field.kind.allowed()
                    ),
                );
            }
        }
        (self.problems.len() == before).then_some(answers)
    }
}

/// The value of `key` in the mapping `node`, if it is one and has it.
fn entry<'n>(node: &'n Node, key: &str) -> Option<&'n Node> {
    let Value::Map(entries) = &node.value else {
        return None;
    };
    entries
        .iter()
        .find(|(k, _)| matches!(&k.value, Value::Text(t) if t == key))
        .map(|(_, value)| value)
}

fn keys_of(list: &ListQuestion) -> Vec<&'static str> {
    list.fields.iter().map(|f| f.key).collect()
}

fn unknown_key(name: &str, place: &str, allowed: &[&str]) -> String {
    let within = if place.is_empty() {
        "at the top".to_owned()
    } else {
        format!("in {place}")
    };
    match closest(name, allowed) {
        Some(near) => format!(
            "unknown key \"{}\" {within}; did you mean \"{near}\"?",
            clip(name)
        ),
        None => format!(
            "unknown key \"{}\" {within}; allowed: {}",
            clip(name),
            allowed.join(", ")
        ),
    }
}

/// `started`, `updated` and an incident's `date` may not lie after the
/// assessment date.
fn dates_after(
    answers: &Answers,
    lists: &BTreeMap<&'static str, List>,
    assessed: Date,
) -> Vec<Diagnostic> {
    let mut problems = Vec::new();
    // The path is written out only for a problem: most dates have none.
    let mut check = |path: &dyn std::fmt::Display, answer: Option<&Answer>| {
        if let Some(Answer {
            value: Given::Date(date),
            at,
        }) = answer
        {
            if *date > assessed {
                problems.push(Diagnostic::at(
                    *at,
                    format!("{path}: {date} is after the assessment date {assessed}"),
                ));
            }
        }
    };
    check(
        &path::STRATEGY_ROADMAP_UPDATED,
        answers.get(path::STRATEGY_ROADMAP_UPDATED),
    );
    if let Some(pilots) = lists.get(PILOTS) {
        for (i, pilot) in pilots.items.iter().enumerate() {
            check(
                &format_args!("{PILOTS}[{i}].started"),
                pilot.answers.get(format::pilot::STARTED),
            );
        }
    }
    if let Some(incidents) = lists.get(INCIDENTS) {
        for (i, incident) in incidents.items.iter().enumerate() {
            check(
                &format_args!("{INCIDENTS}[{i}].date"),
                incident.answers.get(format::incident::DATE),
            );
        }
    }
    problems
}

/// Pilot names must differ exactly (case and spaces count).
fn duplicate_pilot_names(lists: &BTreeMap<&'static str, List>) -> Vec<Diagnostic> {
    let mut problems = Vec::new();
    let Some(pilots) = lists.get(PILOTS) else {
        return problems;
    };
    // Looked up, never iterated: the messages follow the list's order.
    let mut first_seen: rustc_hash::FxHashMap<&str, (usize, Position)> =
        rustc_hash::FxHashMap::default();
    for (i, pilot) in pilots.items.iter().enumerate() {
        let Some(name) = pilot.answers.get("name") else {
            continue;
        };
        match first_seen.get(pilot.name()) {
            Some((first, at)) => problems.push(Diagnostic::at(
                name.at,
                format!(
                    "{PILOTS}[{i}].name: \"{}\" is already the name of {PILOTS}[{first}] (line {}); pilot names must differ",
                    clip(pilot.name()),
                    at.line
                ),
            )),
            None => {
                first_seen.insert(pilot.name(), (i, name.at));
            }
        }
    }
    problems
}
