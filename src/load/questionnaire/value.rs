//! Reads one value of a questionnaire against the kind of answer its key
//! takes: the walk over the tree and the plain reading (`streamed`) both
//! read values here, so a value means the same whichever reads it.

use super::format::Kind;
use super::{Given, Named};
use crate::date::Date;
use crate::diagnostic::Diagnostic;
use crate::load::yaml::{clip, Node, Position, Value};
use crate::suggest::closest;
use rustc_hash::FxHashSet;
use std::fmt;

/// Where a list item is (`implementation.pilots[2]`), written out only when
/// a message needs it: most items have no problem to report.
#[derive(Debug, Clone, Copy)]
pub(super) struct ItemPath {
    pub(super) list: &'static str,
    pub(super) index: usize,
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
pub(super) fn read(
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

/// Up to this many names, a name is checked against each earlier one.
const FEW_NAMES: usize = 16;

/// A list of names: each a name on one line, not blank; a name written
/// twice is read once.
fn names(path: &dyn fmt::Display, items: &[Node]) -> Result<Vec<Named>, Vec<Diagnostic>> {
    let mut problems = Vec::new();
    let mut names: Vec<Named> = Vec::with_capacity(items.len());
    // A long list is checked against a set of the names so far: looking
    // at each earlier name takes time that grows with the square of the
    // list's length.
    let mut seen: Option<FxHashSet<String>> = (items.len() > FEW_NAMES).then(FxHashSet::default);
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
        let new = match &mut seen {
            Some(seen) => seen.insert(text.clone()),
            None => !names.iter().any(|n| n.text == text),
        };
        if new {
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

#[cfg(test)]
mod tests {
    use super::*;

    fn list(names: &[&str]) -> Node {
        let at = |n: usize| Position {
            line: u32::try_from(n + 1).unwrap_or(u32::MAX),
            column: 3,
        };
        let items = names
            .iter()
            .enumerate()
            .map(|(n, name)| Node {
                value: Value::Text((*name).to_owned()),
                at: at(n),
            })
            .collect();
        Node {
            value: Value::List(items),
            at: at(0),
        }
    }

    fn read_names(names: &[&str]) -> Vec<(String, u32)> {
        match read(&"serves", Kind::Names, &mut list(names)) {
            Ok(Some(Given::Names(read))) => read.into_iter().map(|n| (n.text, n.at.line)).collect(),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn a_name_written_twice_is_read_once_where_first_written_in_a_list_short_or_long() {
        let short = ["a", "b", "a", "c", "b"];
        let expected = vec![
            ("a".to_owned(), 1),
            ("b".to_owned(), 2),
            ("c".to_owned(), 4),
        ];
        assert_eq!(read_names(&short), expected);
        // Past the few checked one by one: the same, by a set.
        let mut long: Vec<String> = (0..FEW_NAMES * 2).map(|n| format!("n{}", n % 20)).collect();
        long.push("n3".to_owned());
        let long: Vec<&str> = long.iter().map(String::as_str).collect();
        assert!(long.len() > FEW_NAMES);
        let read = read_names(&long);
        assert_eq!(read.len(), 20);
        assert_eq!(read[0], ("n0".to_owned(), 1));
        assert_eq!(read[19], ("n19".to_owned(), 20));
        // At the threshold and just past it, each with a name written
        // twice: the first of the two is kept, in the order written.
        for size in [FEW_NAMES, FEW_NAMES + 1] {
            let mut names: Vec<String> = (1..size).map(|n| format!("n{n}")).collect();
            names.insert(size / 2, "n1".to_owned());
            let names: Vec<&str> = names.iter().map(String::as_str).collect();
            let expected: Vec<(String, u32)> = (1..size)
                .map(|n| {
                    let line = if n <= size / 2 { n } else { n + 1 };
                    (format!("n{n}"), u32::try_from(line).expect("small"))
                })
                .collect();
            assert_eq!(read_names(&names), expected, "{size} names");
        }
    }
}
