//! Reads YAML text into a small tree of nodes, each with its line and column.
//!
//! serde-saphyr does the parsing, with tight budgets so that an alias bomb or
//! deeply nested brackets fail fast instead of exhausting memory or the stack.
//! The questionnaire loader then walks this tree itself, which lets it report
//! every problem in a file at once, in its own words.

use serde::de::{self, Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_saphyr::{budget::BudgetBreach, Error as YamlError, MessageFormatter, Spanned};
use std::fmt;

/// A position in the text, counted from 1.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Default)]
pub struct Position {
    pub line: u32,
    pub column: u32,
}

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
    let options = serde_saphyr::options! {
        strict_booleans: true,
        budget: serde_saphyr::budget! {
            max_depth: 32,
            max_nodes: 2_000_000,
            max_aliases: 200,
            max_anchors: 200,
        },
        alias_limits: serde_saphyr::alias_limits! {
            max_total_replayed_events: 20_000,
            max_replay_stack_depth: 16,
        },
    };
    serde_saphyr::from_str_with_options::<Spanned<Value>>(text, options)
        .map(|spanned| Node {
            at: position_of(&spanned.referenced),
            value: spanned.value,
        })
        .map_err(|error| SyntaxError {
            at: error
                .location()
                .filter(|l| l.line() > 0)
                .map(|l| position_of(&l)),
            message: describe_error(&error),
        })
}

fn position_of(location: &serde_saphyr::Location) -> Position {
    Position {
        line: u32::try_from(location.line()).unwrap_or(u32::MAX),
        column: u32::try_from(location.column()).unwrap_or(u32::MAX),
    }
}

const NESTED_TOO_DEEPLY: &str =
    "the YAML is nested too deeply; a questionnaire needs only a few levels";

const ALIASES_EXPAND_TOO_FAR: &str =
    "the YAML aliases (`*name`) expand to too many values; write the values out instead";

// The parser's own words for most syntax errors are clear; budget breaches and
// duplicate keys are rephrased for a reader who has never heard of either.
fn describe_error(error: &YamlError) -> String {
    match error.without_snippet() {
        YamlError::Budget { breach, .. } => match breach {
            BudgetBreach::Depth { .. } => NESTED_TOO_DEEPLY.to_owned(),
            BudgetBreach::Aliases { .. }
            | BudgetBreach::Anchors { .. }
            | BudgetBreach::AliasAnchorRatio { .. } => {
                "the YAML uses too many anchors or aliases (`&name`, `*name`); write the values out instead"
                    .to_owned()
            }
            _ => "the YAML is too large to be a questionnaire (too many values or aliases expanded)"
                .to_owned(),
        },
        YamlError::AliasReplayLimitExceeded { .. }
        | YamlError::AliasExpansionLimitExceeded { .. }
        | YamlError::AliasReplayStackDepthExceeded { .. } => ALIASES_EXPAND_TOO_FAR.to_owned(),
        YamlError::DuplicateMappingKey { key: Some(key), .. } => {
            format!("the key \"{}\" appears twice in the same mapping; keep one", clip(key))
        }
        YamlError::DuplicateMappingKey { key: None, .. } => {
            "a key appears twice in the same mapping; keep one".to_owned()
        }
        YamlError::MultipleDocuments { .. } => {
            "the file holds more than one YAML document (`---`); a questionnaire is one document"
                .to_owned()
        }
        YamlError::Eof { .. } => "the YAML ends in the middle of a value".to_owned(),
        other => {
            let text = serde_saphyr::UserMessageFormatter.format_message(other);
            let text = text.trim();
            // Some parser messages repeat the position we already print in front.
            let text = text.split(" at line ").next().unwrap_or(text);
            if text.contains("recursion limit") {
                return NESTED_TOO_DEEPLY.to_owned();
            }
            // Alias replay limits can arrive wrapped in other errors; their text is stable.
            if text.contains("too large or too complex") {
                return ALIASES_EXPAND_TOO_FAR.to_owned();
            }
            format!("not valid YAML: {text}")
        }
    }
}

impl<'de> Deserialize<'de> for Value {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(ValueVisitor)
    }
}

struct ValueVisitor;

impl<'de> Visitor<'de> for ValueVisitor {
    type Value = Value;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any YAML value")
    }

    fn visit_bool<E>(self, v: bool) -> Result<Value, E> {
        Ok(Value::Bool(v))
    }

    fn visit_i64<E>(self, v: i64) -> Result<Value, E> {
        Ok(Value::Int(v))
    }

    fn visit_u64<E>(self, v: u64) -> Result<Value, E> {
        // Beyond i64 no questionnaire number is in range anyway; keep it as a float.
        Ok(i64::try_from(v).map_or(Value::Float(v as f64), Value::Int))
    }

    fn visit_i128<E>(self, v: i128) -> Result<Value, E> {
        Ok(i64::try_from(v).map_or(Value::Float(v as f64), Value::Int))
    }

    fn visit_u128<E>(self, v: u128) -> Result<Value, E> {
        Ok(i64::try_from(v).map_or(Value::Float(v as f64), Value::Int))
    }

    fn visit_f64<E>(self, v: f64) -> Result<Value, E> {
        Ok(Value::Float(v))
    }

    fn visit_str<E>(self, v: &str) -> Result<Value, E> {
        Ok(Value::Text(v.to_owned()))
    }

    fn visit_string<E>(self, v: String) -> Result<Value, E> {
        Ok(Value::Text(v))
    }

    fn visit_bytes<E: de::Error>(self, v: &[u8]) -> Result<Value, E> {
        Ok(Value::Text(String::from_utf8_lossy(v).into_owned()))
    }

    fn visit_unit<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }

    fn visit_none<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }

    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Value, D::Error> {
        Value::deserialize(d)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
        let mut items = Vec::new();
        while let Some(item) = seq.next_element::<Spanned<Value>>()? {
            items.push(node(item));
        }
        Ok(Value::List(items))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Value, A::Error> {
        let mut entries = Vec::new();
        while let Some((key, value)) = map.next_entry::<Spanned<Value>, Spanned<Value>>()? {
            entries.push((node(key), node(value)));
        }
        Ok(Value::Map(entries))
    }
}

fn node(spanned: Spanned<Value>) -> Node {
    Node {
        at: position_of(&spanned.referenced),
        value: spanned.value,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
