//! Turns questionnaire text into a checked `Questionnaire`, or into every
//! problem found in it.
//!
//! The YAML tree is walked against the format table: unknown keys, wrong
//! types, choices outside their list and numbers out of range are all
//! collected, then the rules that span several answers (unique pilot names,
//! dates not after the assessment date, and the cross-references of
//! `references.rs`) are checked.

use super::format::{self, path, Entry, Kind, ListQuestion, INCIDENTS, PILOTS};
use super::references;
use super::{Answer, Answers, DateSource, Given, Item, List, Named, Questionnaire};
use crate::date::Date;
use crate::diagnostic::{in_file_order, Diagnostic};
use crate::load::yaml::{self, clip, Node, Position, Value};
use crate::suggest::closest;
use std::collections::BTreeMap;
use std::fmt;

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
    let mut root = yaml::parse(text).map_err(|e| vec![Diagnostic::new(e.at, e.message)])?;
    let mut walker = Walker {
        answers: Answers::with_capacity(format::QUESTIONS.len()),
        lists: BTreeMap::new(),
        partial: Vec::new(),
        problems: Vec::new(),
    };
    walker.root(&mut root);
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

struct Walker {
    answers: Answers,
    lists: BTreeMap<&'static str, List>,
    /// Lists with an item left out for its problems: a name that refers to
    /// one of their items cannot be checked.
    partial: Vec<&'static str>,
    problems: Vec<Diagnostic>,
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
            path.clear();
            if !prefix.is_empty() {
                path.push_str(prefix);
                path.push('.');
            }
            path.push_str(name);
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

/// A number held exactly: past 2^53 a double holds it rounded, and every
/// report would print digits the reader never wrote. `None` for one that
/// is not, and for what is no number.
fn exact_number(value: &Value) -> Option<f64> {
    const EXACT_UP_TO: u64 = 1 << 53;
    match value {
        #[allow(clippy::cast_precision_loss)] // at most 2^53: exact
        Value::Int(i) if i.unsigned_abs() <= EXACT_UP_TO => Some(*i as f64),
        #[allow(clippy::cast_precision_loss)]
        Value::Float(x) if x.abs() <= EXACT_UP_TO as f64 => Some(*x),
        _ => None,
    }
}

/// A number past 2^53, in words (see [`exact_number`]).
fn inexact(path: &dyn fmt::Display, kind: &Kind, node: &Node) -> Vec<Diagnostic> {
    vec![Diagnostic::at(
        node.at,
        format!(
            "{path}: expected {}, found {}; numbers above 9,007,199,254,740,992 cannot be held exactly",
            kind.allowed(),
            node.value.describe()
        ),
    )]
}

/// Why a name may not hold a zero-width joiner or non-joiner, which free
/// text may (`diagnostic::is_joiner`).
fn joined_name(path: &dyn fmt::Display) -> String {
    format!("{path}: a name holds a zero-width joiner (U+200C or U+200D), which makes two names that differ look the same; remove it")
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

/// Where a list item is (`implementation.pilots[2]`), written out only when
/// a message needs it: most items have no problem to report.
#[derive(Debug, Clone, Copy)]
struct ItemPath {
    list: &'static str,
    index: usize,
}

impl fmt::Display for ItemPath {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}[{}]", self.list, self.index)
    }
}

/// Free text and names written as text, taken from the tree rather than
/// copied (the tree is not read again); `None` for any other kind or value.
fn read_text(
    path: &dyn fmt::Display,
    kind: Kind,
    node: &mut Node,
) -> Option<Result<Given, Vec<Diagnostic>>> {
    let Value::Text(text) = &mut node.value else {
        return None;
    };
    match kind {
        // A blank answer would count as given (a KPI of nothing earns the
        // points of a real one): it is refused, as a blank name is.
        Kind::Text if crate::diagnostic::shows_nothing(text) => Some(Err(vec![Diagnostic::at(
            node.at,
            format!(
                "{path}: is blank; write the answer, or leave the key out while it is not known"
            ),
        )])),
        // Line breaks in free text are shown as spaces in every report.
        Kind::Text if text.contains('\n') => {
            Some(Ok(Given::Text(text.trim_end().replace('\n', " "))))
        }
        // A name heads reports, tables and CI logs: a line break in it
        // would let the file print lines of its own choosing.
        Kind::Name if text.contains('\n') => Some(Err(vec![Diagnostic::at(
            node.at,
            format!("{path}: a name is one line; this one holds a line break"),
        )])),
        Kind::Name if text.contains(crate::diagnostic::is_joiner) => {
            Some(Err(vec![Diagnostic::at(node.at, joined_name(path))]))
        }
        Kind::Text | Kind::Name => Some(Ok(Given::Text(std::mem::take(text)))),
        _ => None,
    }
}

/// Reads one value against its kind: `Ok(None)` when left out (null).
/// `path` is only written out in a message.
fn read(
    path: &dyn fmt::Display,
    kind: Kind,
    node: &mut Node,
) -> Result<Option<Given>, Vec<Diagnostic>> {
    if node.value == Value::Null {
        return Ok(None);
    }
    if let Some(text) = read_text(path, kind, node) {
        return text.map(Some);
    }
    let node = &*node;
    let wrong = || {
        vec![Diagnostic::at(
            node.at,
            format!(
                "{path}: expected {}, found {}",
                kind.allowed(),
                node.value.describe()
            ),
        )]
    };
    let given = match (kind, &node.value) {
        (Kind::Text | Kind::Name, Value::Int(i)) => Given::Text(i.to_string()),
        (Kind::Text | Kind::Name, Value::Float(x)) => Given::Text(x.to_string()),
        (Kind::Text | Kind::Name, Value::Bool(b)) => Given::Text(b.to_string()),
        (Kind::Integer { min, max }, value) => {
            let number = match value {
                Value::Int(i) => *i,
                // 12.0 is a whole number written with a decimal point.
                // Whole and below 2^53 in size, so the cast is exact.
                #[allow(clippy::cast_possible_truncation)]
                Value::Float(x) if x.fract() == 0.0 && x.abs() < 9e15 => *x as i64,
                _ => return Err(quoted_hint(wrong(), value)),
            };
            if number < min || number > max {
                return Err(wrong());
            }
            Given::Integer(number)
        }
        (Kind::Number { min, max, .. }, value) => {
            // Out of range is said first: `-1e20` is no number "above" anything.
            #[allow(clippy::cast_precision_loss)]
            let roughly = match value {
                Value::Int(i) => Some(*i as f64),
                Value::Float(x) if x.is_finite() => Some(*x),
                _ => None,
            };
            if roughly.is_some_and(|x| x < min || x > max) {
                return Err(wrong());
            }
            let Some(number) = exact_number(value) else {
                return Err(match roughly {
                    Some(_) => inexact(path, &kind, node),
                    None => quoted_hint(wrong(), value),
                });
            };
            if number < min || number > max {
                return Err(wrong());
            }
            Given::Number(number)
        }
        (Kind::Flag, Value::Bool(b)) => Given::Flag(*b),
        (Kind::Flag, Value::Text(t)) if is_yaml11_bool(t) => {
            return Err(vec![Diagnostic::at(
                node.at,
                format!("{path}: expected true or false, found \"{t}\"; yes/no/on/off are not booleans here"),
            )])
        }
        (Kind::Date, Value::Text(t)) => match Date::parse(t.trim()) {
            Some(date) => Given::Date(date),
            None => {
                return Err(vec![Diagnostic::at(
                    node.at,
                    format!("{path}: \"{}\" is not a calendar date; expected a date written YYYY-MM-DD", clip(t)),
                )])
            }
        },
        (Kind::Choice(words), Value::Text(t)) => match words.iter().position(|w| w == t) {
            Some(rank) => Given::Choice { word: words[rank], rank },
            None => return Err(not_a_choice(path, node.at, t, words)),
        },
        (Kind::Names, Value::List(items)) => Given::Names(names(path, items)?),
        (Kind::AnyOf(words), Value::List(items)) => {
            let mut problems = Vec::new();
            let mut chosen = vec![false; words.len()];
            for item in items {
                match &item.value {
                    Value::Text(t) => match words.iter().position(|w| w == t) {
                        Some(i) => chosen[i] = true,
                        None => problems.extend(not_a_choice(path, item.at, t, words)),
                    },
                    other => problems.push(Diagnostic::at(
                        item.at,
                        format!("{path}: expected one of {}, found {}", words.join(", "), other.describe()),
                    )),
                }
            }
            if !problems.is_empty() {
                return Err(problems);
            }
            let picked = words.iter().zip(chosen).filter(|(_, c)| *c).map(|(w, _)| *w);
            Given::Words(picked.collect())
        }
        _ => return Err(wrong()),
    };
    Ok(Some(given))
}

/// A list of names: each a name on one line, not blank; a name written
/// twice is read once.
fn names(path: &dyn fmt::Display, items: &[Node]) -> Result<Vec<Named>, Vec<Diagnostic>> {
    let mut problems = Vec::new();
    let mut names: Vec<Named> = Vec::with_capacity(items.len());
    for item in items {
        let text = match &item.value {
            Value::Text(t) if t.contains('\n') => {
                problems.push(Diagnostic::at(
                    item.at,
                    format!("{path}: a name is one line; this one holds a line break"),
                ));
                continue;
            }
            Value::Text(t) if t.contains(crate::diagnostic::is_joiner) => {
                problems.push(Diagnostic::at(item.at, joined_name(path)));
                continue;
            }
            Value::Text(t) if !crate::diagnostic::shows_nothing(t) => t.clone(),
            Value::Int(i) => i.to_string(),
            Value::Float(x) => x.to_string(),
            other => {
                problems.push(Diagnostic::at(
                    item.at,
                    format!(
                        "{path}: expected {}, found {}",
                        Kind::Names.allowed(),
                        other.describe()
                    ),
                ));
                continue;
            }
        };
        if !names.iter().any(|n| n.text == text) {
            names.push(Named { text, at: item.at });
        }
    }
    if problems.is_empty() {
        Ok(names)
    } else {
        Err(problems)
    }
}

fn quoted_hint(mut problems: Vec<Diagnostic>, value: &Value) -> Vec<Diagnostic> {
    if let (Value::Text(t), Some(problem)) = (value, problems.first_mut()) {
        if t.trim().parse::<f64>().is_ok() {
            problem.message.push_str("; write numbers without quotes");
        }
    }
    problems
}

fn not_a_choice(
    path: &dyn fmt::Display,
    at: Position,
    found: &str,
    words: &[&str],
) -> Vec<Diagnostic> {
    let hint = closest(found, words)
        .map(|near| format!("; did you mean \"{near}\"?"))
        .unwrap_or_default();
    vec![Diagnostic::at(
        at,
        format!(
            "{path}: \"{}\" is not a choice; expected one of {}{hint}",
            clip(found),
            words.join(", ")
        ),
    )]
}

// YAML 1.1 spellings that some tools read as booleans; YAML 1.2 reads them as text.
fn is_yaml11_bool(text: &str) -> bool {
    matches!(
        text.to_ascii_lowercase().as_str(),
        "yes" | "no" | "on" | "off" | "y" | "n"
    )
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
