//! Reading TOML files (the rubric, `readiness.toml`) with errors a person can
//! act on: a position, plain words instead of Rust type names, and a
//! suggestion for a mistyped key.

use crate::diagnostic::{Diagnostic, Position};
use crate::suggest::closest;
use serde::de::DeserializeOwned;

/// Parses TOML text into `T`; on failure, one diagnostic with its position.
pub fn parse<T: DeserializeOwned>(text: &str) -> Result<T, Diagnostic> {
    toml::from_str(text).map_err(|e| Diagnostic {
        at: e.span().map(|s| position(text, s.start)),
        message: humanize(e.message()),
    })
}

/// Line and column (from 1, in characters) of a byte offset.
pub fn position(text: &str, offset: usize) -> Position {
    Position::of_offset(text.as_bytes(), offset)
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
    ] {
        text = text.replace(rust, plain);
    }
    text
}
