//! Problems found in a user's file, as data, and how they are shown:
//! `FILE:LINE:COLUMN: message`, then the offending line with a caret under it.

use crate::yaml::Position;
use std::fmt::Write as _;

/// One problem in an input file. Diagnostics are data, not errors: a loader
/// collects all of them before anything is reported.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    /// Where in the file, when known.
    pub at: Option<Position>,
    pub message: String,
}

impl Diagnostic {
    pub fn at(at: Position, message: impl Into<String>) -> Diagnostic {
        Diagnostic {
            at: Some(at),
            message: message.into(),
        }
    }

    pub fn whole_file(message: impl Into<String>) -> Diagnostic {
        Diagnostic {
            at: None,
            message: message.into(),
        }
    }

    /// The one-line form, `FILE:LINE:COLUMN: message`, and where `text` has that
    /// line, the line itself with a caret under the column.
    pub fn render(&self, file: &str, text: Option<&str>) -> String {
        let mut out = String::new();
        match self.at {
            Some(at) => {
                let _ = write!(out, "{file}:{}:{}: {}", at.line, at.column, self.message);
                if let Some(snippet) = text.and_then(|t| snippet(t, at)) {
                    out.push('\n');
                    out.push_str(&snippet);
                }
            }
            None => {
                let _ = write!(out, "{file}: {}", self.message);
            }
        }
        out
    }
}

/// Sorts diagnostics by position (whole-file ones first) and drops exact repeats.
pub fn in_file_order(mut diagnostics: Vec<Diagnostic>) -> Vec<Diagnostic> {
    diagnostics.sort_by(|a, b| a.at.cmp(&b.at).then_with(|| a.message.cmp(&b.message)));
    diagnostics.dedup();
    diagnostics
}

fn snippet(text: &str, at: Position) -> Option<String> {
    const WIDTH: usize = 100;
    let index = usize::try_from(at.line).ok()?.checked_sub(1)?;
    let line = text.lines().nth(index)?.trim_end_matches('\r');
    if line.trim().is_empty() {
        return None;
    }
    let column = usize::try_from(at.column).unwrap_or(1).max(1);
    // Long lines (minified YAML, hostile input) are cut to a window around the column.
    let chars: Vec<char> = line.chars().collect();
    let start = column.saturating_sub(WIDTH / 2).min(chars.len());
    let end = (start + WIDTH).min(chars.len());
    let shown: String = chars[start..end]
        .iter()
        .map(|c| if c.is_control() { ' ' } else { *c })
        .collect();
    let caret_at = column - 1 - start;
    let number = at.line.to_string();
    let gutter = " ".repeat(number.len());
    Some(format!(
        "{number} | {shown}\n{gutter} | {}^",
        " ".repeat(caret_at.min(shown.chars().count()))
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn renders_position_and_caret() {
        let d = Diagnostic::at(Position { line: 2, column: 3 }, "unknown key \"pilot\"");
        assert_eq!(
            d.render("org.yaml", Some("a:\n  pilot: 1\n")),
            "org.yaml:2:3: unknown key \"pilot\"\n2 |   pilot: 1\n  |   ^"
        );
        assert_eq!(
            Diagnostic::whole_file("file not found").render("x.yaml", None),
            "x.yaml: file not found"
        );
    }
}
