//! Reading TOML files (the rubric, `readiness.toml`) with errors a person can
//! act on: a position, plain words instead of Rust type names, and a
//! suggestion for a mistyped key.

use crate::diagnostic::{Diagnostic, Position};
use crate::suggest::closest;
use serde::de::DeserializeOwned;

/// Parses TOML text into `T`; on failure, one diagnostic with its position.
pub fn parse<T: DeserializeOwned>(text: &str) -> Result<T, Diagnostic> {
    toml::from_str(text)
        .map_err(|e| Diagnostic::new(e.span().map(|s| position(text, s.start)), message(text, &e)))
}

/// The error's message in plain words; a duplicate key is named, as toml
/// says only "duplicate key", whichever it is.
fn message(text: &str, e: &toml::de::Error) -> String {
    let plain = humanize(e.message());
    if plain.starts_with("invalid type: ") || plain.starts_with("invalid value: ") {
        let start = e.span().map_or(0, |s| s.start);
        let plain = what_was_written(text, start, &plain);
        return match e.span().and_then(|span| key_of_value(text, span.start)) {
            Some(key) => format!("{}: {plain}", crate::diagnostic::escaped(&key)),
            None => plain,
        };
    }
    if plain != "duplicate key" {
        return plain;
    }
    let Some(span) = e.span() else {
        return plain;
    };
    // A table's header is a line that opens with `[`: named whole, dotted
    // as it is written (`[a.b]`), rather than by its last part.
    let line_start = text
        .get(..span.start)
        .map_or(0, |before| before.rfind('\n').map_or(0, |i| i + 1));
    let line = text
        .get(line_start..)
        .and_then(|rest| rest.lines().next())
        .unwrap_or("")
        .trim();
    let table = line.starts_with('[');
    let key = if table {
        Some(line.trim_matches(['[', ']']).trim())
    } else {
        text.get(span)
            .map(|key| key.trim().trim_matches(['"', '\'']))
    }
    .filter(|key| !key.is_empty());
    match (key, table) {
        (Some(key), true) => format!(
            "the table [{}] is written twice; keep one, with all its keys",
            crate::diagnostic::escaped(key)
        ),
        (Some(key), false) => format!(
            "the key \"{}\" is written twice; keep one",
            crate::diagnostic::escaped(key)
        ),
        (None, _) => plain,
    }
}

/// The dotted key whose value starts at byte `start`, where the value
/// follows `key =` on its line: the key, after the name of the table its
/// nearest header above opens (`gate.fail_under`, `accept.until`).
fn key_of_value(text: &str, start: usize) -> Option<String> {
    let before = text.get(..start)?;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let (key, value) = before[line_start..].rsplit_once('=')?;
    // Only `key = value` on one line: a value inside an inline table or
    // a list has no key this can name.
    if !matches!(value.trim(), "" | "[") || key.contains(['{', '[', ',']) {
        return None;
    }
    let key = unquoted(key.trim());
    if key.is_empty() {
        return None;
    }
    let table = before[..line_start]
        .lines()
        .rev()
        .find_map(header_of)
        .map(unquoted);
    Some(match table {
        Some(table) if !table.is_empty() => format!("{table}.{key}"),
        _ => key.to_owned(),
    })
}

/// The table a line opens, `gate` of `[gate]` or `[[accept]]` (a comment
/// after it allowed); `None` for any other line, a list's `[1],` among them.
fn header_of(line: &str) -> Option<&str> {
    let line = line.trim();
    let (open, close) = if line.starts_with("[[") {
        ("[[", "]]")
    } else {
        ("[", "]")
    };
    let inner = line.strip_prefix(open)?;
    let (name, rest) = inner.split_once(close)?;
    let rest = rest.trim();
    (rest.is_empty() || rest.starts_with('#')).then(|| name.trim())
}

/// A key without the quotes it may be written in.
fn unquoted(key: &str) -> &str {
    key.trim_matches(['"', '\''])
}

/// serde reads a date, a time and an inline table all as a map: the
/// message says which of them was written.
fn what_was_written(text: &str, start: usize, plain: &str) -> String {
    let written = text.get(start..).unwrap_or_default();
    let what = if written.starts_with('{') {
        "a table"
    } else {
        "a date or a time"
    };
    plain.replace("a table, a date or a time", what)
}

/// Parses TOML text into `T`, reporting every unknown key at once rather
/// than the first alone: each unknown key written on a line of its own is
/// blanked out (its lines made spaces, so every other position holds) and
/// the text read again. Returns the value when the rest reads, with the
/// text it was read from (for positions), and the problems found on the way.
pub fn parse_all<T: DeserializeOwned>(text: &str) -> (Option<(T, String)>, Vec<Diagnostic>) {
    let mut current = text.to_owned();
    let mut problems = Vec::new();
    // Each round blanks one key, so the rounds are bounded by the keys.
    loop {
        match toml::from_str::<T>(&current) {
            Ok(value) => return (Some((value, current)), problems),
            Err(e) => {
                let start = e.span().map(|s| s.start);
                let message = message(&current, &e);
                let next = start
                    .filter(|_| message.starts_with("unknown key "))
                    .and_then(|start| blank_entry(&current, start));
                problems.push(Diagnostic::new(
                    start.map(|s| position(&current, s)),
                    message,
                ));
                match next {
                    Some(blanked) => current = blanked,
                    None => return (None, problems),
                }
            }
        }
    }
}

/// `text` with the entry whose key starts at byte `start` made blank: a
/// `key = value` (over as many lines as its value takes) or a `[table]`
/// with its keys. `None` when the key does not open its line (a key inside
/// an inline table), or no end is found: then no later problem is sure.
fn blank_entry(text: &str, start: usize) -> Option<String> {
    let line_start = text.get(..start)?.rfind('\n').map_or(0, |i| i + 1);
    let head = text.get(line_start..start)?.trim();
    let lines: Vec<(usize, &str)> = text
        .get(line_start..)?
        .split_inclusive('\n')
        .scan(line_start, |at, line| {
            let here = *at;
            *at += line.len();
            Some((here, line))
        })
        .collect();
    let end = if head.starts_with('[') {
        // A table header: the table runs to the next header.
        lines
            .iter()
            .skip(1)
            .find(|(_, line)| line.trim_start().starts_with('['))
            .map_or(text.len(), |(at, _)| *at)
    } else if head.is_empty() {
        // A key and its value: the fewest lines that read as TOML alone.
        let mut end = None;
        for (at, line) in &lines {
            let candidate = at + line.len();
            if toml::from_str::<toml::Table>(text.get(line_start..candidate)?).is_ok() {
                end = Some(candidate);
                break;
            }
        }
        end?
    } else {
        return None;
    };
    let mut out = String::with_capacity(text.len());
    out.push_str(text.get(..line_start)?);
    out.extend(
        text.get(line_start..end)?
            .chars()
            .map(|c| if c == '\n' { '\n' } else { ' ' }),
    );
    out.push_str(text.get(end..)?);
    Some(out)
}

/// Line and column (from 1, in characters) of a byte offset.
pub fn position(text: &str, offset: usize) -> Position {
    Position::of_offset(text.as_bytes(), offset)
}

/// Positions of byte offsets in one text, its line starts found once: a
/// settings file with sixteen thousand `[[accept]]` entries asks for tens of
/// thousands of positions, and counting lines from the start for each made
/// reading it quadratic.
#[derive(Debug)]
pub struct Positions<'a> {
    text: &'a str,
    line_starts: Vec<usize>,
}

impl<'a> Positions<'a> {
    pub fn new(text: &'a str) -> Positions<'a> {
        let mut line_starts = vec![0];
        line_starts.extend(
            text.bytes()
                .enumerate()
                .filter(|(_, b)| *b == b'\n')
                .map(|(i, _)| i + 1),
        );
        Positions { text, line_starts }
    }

    /// Line and column (from 1, in characters) of a byte offset, as
    /// [`position`] gives them.
    pub fn at(&self, offset: usize) -> Position {
        let bytes = self.text.as_bytes();
        let offset = offset.min(bytes.len());
        let line = self.line_starts.partition_point(|&start| start <= offset);
        let start = self
            .line_starts
            .get(line.wrapping_sub(1))
            .copied()
            .unwrap_or(0);
        Position::in_line(line, &bytes[start..offset])
    }
}

// The TOML reader speaks of Rust types and backticks; a rubric author should
// read plain words, with a suggestion for a mistyped key.
fn humanize(message: &str) -> String {
    let message = message.trim();
    if let Some(rest) = message.strip_prefix("unknown field `") {
        let (name, tail) = rest.split_once('`').unwrap_or((rest, ""));
        let expected: Vec<&str> = tail
            .split('`')
            .skip(1)
            .step_by(2)
            .filter(|s| !s.is_empty())
            .collect();
        return match closest(name, &expected) {
            Some(near) => format!("unknown key \"{name}\"; did you mean \"{near}\"?"),
            None if expected.is_empty() => format!("unknown key \"{name}\""),
            None => format!("unknown key \"{name}\"; allowed: {}", expected.join(", ")),
        };
    }
    if let Some(rest) = message.strip_prefix("missing field `") {
        let name = rest.split('`').next().unwrap_or(rest);
        return format!("missing key \"{name}\"");
    }
    let mut text = message.replace('`', "\"");
    for (rust, plain) in [
        ("expected f64", "expected a number"),
        ("expected i64", "expected a whole number"),
        ("expected a string", "expected text in quotes"),
        ("expected a sequence", "expected a list"),
        ("expected a map", "expected a table"),
        (
            "expected a tuple of size 2",
            "expected a [value, points] pair",
        ),
        ("expected struct ", "expected a table "),
        // A date, a time and an inline table all reach serde as maps.
        (
            "invalid type: map",
            "invalid type: a table, a date or a time",
        ),
        ("invalid type: sequence", "invalid type: a list"),
        (
            "floating-point number overflowed",
            "the number is too large to hold",
        ),
        (
            "integer number overflowed",
            "the number is too large to hold",
        ),
    ] {
        text = text.replace(rust, plain);
    }
    // The names of the types a table is read into are Rust's, not the
    // reader's: "expected a table RawGate" says no more than "a table".
    if let Some(at) = text.find("expected a table ") {
        let name = at + "expected a table".len();
        let end = text[name + 1..]
            .find(|c: char| !c.is_ascii_alphanumeric())
            .map_or(text.len(), |e| name + 1 + e);
        text.replace_range(name..end, "");
    }
    // A list read where a table is expected counts the table's fields.
    if let Some(at) = text.find(", expected a table with ") {
        text.truncate(at);
        text = text.replace("invalid length", "found a list of length") + ", expected a table";
    }
    // An integer too large for 64 bits is read as Rust's 128-bit one.
    for wide in ["\" as i128", "\" as u128"] {
        if let Some(at) = text.find(wide) {
            let number = text[..at].rsplit('"').next().unwrap_or_default().to_owned();
            let expected = text.split_once(", expected ").map_or("", |(_, e)| e);
            text = format!("the number {number} is too large to hold; expected {expected}");
        }
    }
    text
}

/// Each value at `paths` of `document` (parsed from `text`) that is a list
/// where a table belongs: serde reads a table's type from a list too,
/// taking its keys by position, so `gate = [99, 50, 50, 80, ...]` would set
/// gates no key names. A path's parts are keys, `*` for any key, and `[]`
/// for each item of a list (`criteria[]`, `findings.*.messages`).
pub fn lists_for_tables(
    text: &str,
    document: &toml::de::DeTable<'_>,
    paths: &[&str],
) -> Vec<Diagnostic> {
    let mut problems = Vec::new();
    for path in paths {
        let parts: Vec<&str> = path.split('.').collect();
        in_table(text, document, &parts, "", &mut problems);
    }
    problems
}

fn in_table(
    text: &str,
    table: &toml::de::DeTable<'_>,
    parts: &[&str],
    place: &str,
    problems: &mut Vec<Diagnostic>,
) {
    let Some((part, rest)) = parts.split_first() else {
        return;
    };
    let (key, each) = match part.strip_suffix("[]") {
        Some(key) => (key, true),
        None => (*part, false),
    };
    for (name, value) in table {
        if key != "*" && name.get_ref() != key {
            continue;
        }
        let here = if place.is_empty() {
            name.get_ref().to_string()
        } else {
            format!("{place}.{}", name.get_ref())
        };
        if each {
            if let toml::de::DeValue::Array(items) = value.get_ref() {
                for (i, item) in items.iter().enumerate() {
                    at_value(text, item, rest, &format!("{here}[{i}]"), problems);
                }
            }
        } else {
            at_value(text, value, rest, &here, problems);
        }
    }
}

fn at_value(
    text: &str,
    value: &toml::Spanned<toml::de::DeValue<'_>>,
    rest: &[&str],
    place: &str,
    problems: &mut Vec<Diagnostic>,
) {
    match value.get_ref() {
        toml::de::DeValue::Table(table) => in_table(text, table, rest, place, problems),
        toml::de::DeValue::Array(_) => problems.push(Diagnostic::at(
            position(text, value.span().start),
            format!(
                "{}: a table is written with its keys by name, never as a list",
                crate::diagnostic::escaped(place)
            ),
        )),
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_rust_type_name_reaches_a_message() {
        let cases = [
            (
                "invalid type: integer `5`, expected struct RawGate",
                "invalid type: integer \"5\", expected a table",
            ),
            (
                "invalid type: integer `99999999999999999999` as i128, expected f64",
                "the number 99999999999999999999 is too large to hold; expected a number",
            ),
            (
                "invalid type: integer `170141183460469231731687303715884105728` as u128, expected i64",
                "the number 170141183460469231731687303715884105728 is too large to hold; expected a whole number",
            ),
            (
                "invalid type: map, expected f64",
                "invalid type: a table, a date or a time, expected a number",
            ),
            ("invalid type: sequence, expected f64", "invalid type: a list, expected a number"),
            ("floating-point number overflowed", "the number is too large to hold"),
            ("integer number overflowed", "the number is too large to hold"),
            (
                "invalid length 0, expected struct RawGate with 8 elements",
                "found a list of length 0, expected a table",
            ),
        ];
        for (serde, plain) in cases {
            assert_eq!(humanize(serde), plain);
        }
    }

    #[test]
    fn a_list_where_a_table_belongs_is_named() {
        let text = "gate = [60, 50]\naccept = [[\"a\"], { finding = \"x\" }]\n[t.one]\nw = [1]\n[t.two.w]\nlow = 1\n";
        let lists = |text: &str, paths: &[&str]| {
            let document = toml::de::DeTable::parse(text).expect("TOML");
            lists_for_tables(text, document.get_ref(), paths)
        };
        let found: Vec<String> = lists(text, &["gate", "accept[]", "t.*.w"])
            .iter()
            .map(|d| d.render("s.toml", None))
            .collect();
        assert_eq!(
            found,
            [
                "s.toml:1:8: gate: a table is written with its keys by name, never as a list",
                "s.toml:2:11: accept[0]: a table is written with its keys by name, never as a list",
                "s.toml:4:5: t.one.w: a table is written with its keys by name, never as a list",
            ]
        );
        assert!(lists(
            "[gate]\nfail_under = 1\n[[accept]]\nfinding = \"x\"\n",
            &["gate", "accept[]"]
        )
        .is_empty());
    }

    #[test]
    fn indexed_positions_are_the_counted_ones() {
        let text = "a = 1\n\nnamé = \"x\"\n[[accept]]\nlast";
        let positions = Positions::new(text);
        for offset in 0..=text.len() + 2 {
            assert_eq!(positions.at(offset), position(text, offset), "at {offset}");
        }
    }
}
