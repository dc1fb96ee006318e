//! Reads YAML text into a small tree of nodes, each with its line and column.
//!
//! saphyr-parser reads the text into events (or, for the plain YAML most
//! questionnaires are written in, `quick` finds the same events faster;
//! `events` chooses); `build` turns them into the
//! tree, with tight budgets so that an alias bomb or deeply nested brackets
//! fail fast instead of exhausting memory or the stack; `scalar` resolves
//! plain scalars by the YAML 1.2 core schema. The questionnaire loader then
//! walks this tree itself, which lets it report every problem in a file at
//! once, in its own words. A plain file, one that uses nothing of YAML but
//! mappings, lists and scalars, can also be read as `plain` steps, without
//! a tree.

mod build;
mod events;
mod plain;
mod quick;
mod scalar;

pub use crate::diagnostic::Position;
pub use plain::{Key, Step, Steps};

/// One parsed event, or the error that ends the parse.
type Parsed<'input> =
    Result<(saphyr_parser::Event<'input>, saphyr_parser::Span), saphyr_parser::ScanError>;

/// One YAML node and where it starts.
#[derive(Debug, Clone, PartialEq)]
pub struct Node {
    pub value: Value,
    pub at: Position,
}

/// What a node holds. Plain scalars are already resolved by the YAML 1.2 core schema.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Null,
    Bool(bool),
    Int(i64),
    Float(f64),
    Text(String),
    List(Vec<Node>),
    Map(Vec<(Node, Node)>),
}

impl Value {
    /// The kind of value in words, for messages ("found a list").
    pub fn describe(&self) -> String {
        match self {
            Value::Null => "nothing".to_owned(),
            Value::Bool(b) => format!("{b}"),
            Value::Int(i) => format!("the number {i}"),
            // Past 2^53 a number may be held rounded: said as about the
            // value held, never with digits the reader did not write.
            Value::Float(x) if x.abs() >= 9_007_199_254_740_992.0 => {
                format!("a number of about {x:e}")
            }
            Value::Float(x) => format!("the number {x}"),
            Value::Text(t) => format!("the text \"{}\"", clip(t)),
            Value::List(_) => "a list".to_owned(),
            Value::Map(_) => "a mapping of keys".to_owned(),
        }
    }
}

/// Shortens long text quoted back to the reader.
pub fn clip(text: &str) -> String {
    const MAX: usize = 40;
    if text.chars().count() <= MAX {
        text.to_owned()
    } else {
        let head: String = text.chars().take(MAX).collect();
        format!("{head}…")
    }
}

/// A problem found while parsing, with its position when the parser knows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SyntaxError {
    pub at: Option<Position>,
    pub message: String,
}

/// Parses one YAML document. Budgets bound depth, node count, aliases and replay.
pub fn parse(text: &str) -> Result<Node, SyntaxError> {
    build::document(&tabs_after_keys(text))
}

/// Runs `read` over the steps of `text`'s one document, parsed as
/// [`parse`] parses it (a large file's events on a thread of their own);
/// `None` when `read` gives up or the steps end at something they do not
/// carry, and the file must be read through the tree.
pub fn with_steps<T>(text: &str, read: impl FnOnce(&mut Steps<'_>) -> Option<T>) -> Option<T> {
    events::with_events(&tabs_after_keys(text), |events, tight_text| {
        Steps::new(events, tight_text).read(read)
    })
}

/// YAML allows a tab to separate a key's colon from its value
/// (`name:\tNorthwind`); the parser underneath does not. A tab right after
/// the colon of a plain key that opens a line is read as the space it
/// stands for. Both are one byte, so every line and column stays the same.
fn tabs_after_keys(text: &str) -> std::borrow::Cow<'_, str> {
    if !text.contains(":\t") {
        return text.into();
    }
    let mut out = String::with_capacity(text.len());
    for line in text.split_inclusive('\n') {
        let body = line.trim_start_matches([' ', '-']);
        let is_plain_key = !body.starts_with(['#', '"', '\'', '{', '[', '|', '>']);
        match body.find(":\t") {
            Some(colon)
                if is_plain_key && !body[..colon].contains([':', '#', '"', '\'', '{', '[']) =>
            {
                let at = line.len() - body.len() + colon + 1;
                out.push_str(&line[..at]);
                let rest = &line[at..];
                let tabs = rest.len() - rest.trim_start_matches('\t').len();
                out.push_str(&" ".repeat(tabs));
                out.push_str(&rest[tabs..]);
            }
            _ => out.push_str(line),
        }
    }
    out.into()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_tab_after_a_keys_colon_separates_as_a_space_does() {
        assert_eq!(tabs_after_keys("name:\tNorthwind\n"), "name: Northwind\n");
        assert_eq!(tabs_after_keys("  - name:\t\tA\n"), "  - name:  A\n");
        // Inside quotes, or after a comment sign, the tab is text.
        assert_eq!(tabs_after_keys("\"a:\tb\": 1\n"), "\"a:\tb\": 1\n");
        assert_eq!(tabs_after_keys("# a:\tb\n"), "# a:\tb\n");
        let parsed = parse("version: 1\norganization:\n  name:\tNorthwind\n");
        assert!(parsed.is_ok(), "{parsed:?}");
    }

    fn parsed(text: &str) -> Node {
        parse(text).unwrap_or_else(|e| panic!("{e:?}"))
    }

    #[test]
    fn resolves_scalars_by_yaml_1_2() {
        let Value::Map(entries) =
            parsed("a: \"1\"\nb: yes\nc: true\nd: 2026-01-02\ne:\nf: 1.5\n").value
        else {
            panic!("not a map")
        };
        let values: Vec<Value> = entries.into_iter().map(|(_, v)| v.value).collect();
        assert_eq!(
            values,
            vec![
                Value::Text("1".into()),
                Value::Text("yes".into()),
                Value::Bool(true),
                Value::Text("2026-01-02".into()),
                Value::Null,
                Value::Float(1.5),
            ]
        );
    }

    #[test]
    fn records_positions() {
        let Value::Map(entries) = parsed("a:\n  b: 3\n").value else {
            panic!("not a map")
        };
        let Value::Map(inner) = &entries[0].1.value else {
            panic!("not a map")
        };
        assert_eq!(inner[0].0.at, Position { line: 2, column: 3 });
        assert_eq!(inner[0].1.at, Position { line: 2, column: 6 });
    }

    #[test]
    fn refuses_duplicate_keys_and_deep_nesting() {
        let dup = parse("a: 1\na: 2\n").expect_err("duplicate");
        assert_eq!(dup.at, Some(Position { line: 2, column: 1 }));
        assert!(dup.message.contains("appears twice"), "{}", dup.message);
        let deep = format!("a: {}{}\n", "[".repeat(10_000), "]".repeat(10_000));
        let err = parse(&deep).expect_err("deep");
        assert!(err.message.contains("nested too deeply"), "{}", err.message);
    }
}
