//! Problems found in a user's file, as data, and how they are shown:
//! `FILE:LINE:COLUMN: message`, then the offending line with a caret under it.

use std::fmt::Write as _;
use std::path::Path;

/// A position in a file's text, counted from 1; columns count characters.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Default)]
pub struct Position {
    pub line: u32,
    pub column: u32,
}

impl Position {
    /// The line and column of a byte offset into `bytes`, counting
    /// characters where the text is valid UTF-8 (and one per invalid byte).
    pub fn of_offset(bytes: &[u8], offset: usize) -> Position {
        let before = &bytes[..offset.min(bytes.len())];
        let line = before.iter().filter(|b| **b == b'\n').count() + 1;
        let line_start = before
            .iter()
            .rposition(|b| *b == b'\n')
            .map_or(0, |i| i + 1);
        Position::in_line(line, &before[line_start..])
    }

    /// The position on line `line` (from 1) just after `before`, the bytes
    /// of that line before it.
    pub fn in_line(line: usize, before: &[u8]) -> Position {
        let column = String::from_utf8_lossy(before).chars().count() + 1;
        Position {
            line: u32::try_from(line).unwrap_or(u32::MAX),
            column: u32::try_from(column).unwrap_or(u32::MAX),
        }
    }
}

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
        self.render_with(file, text.map(Lines::new).as_ref())
    }

    /// As [`Diagnostic::render`], with the file's lines indexed once for all
    /// of its problems.
    pub fn render_with(&self, file: &str, lines: Option<&Lines<'_>>) -> String {
        crate::text::written(|out| {
            // The message quotes the file's own keys and values: never raw.
            let message = escaped(&self.message);
            match self.at {
                Some(at) => {
                    write!(out, "{file}:{}:{}: {message}", at.line, at.column)?;
                    if let Some(snippet) = lines.and_then(|l| snippet(l, at)) {
                        out.push('\n');
                        out.push_str(&snippet);
                    }
                }
                None => {
                    write!(out, "{file}: {message}")?;
                }
            }
            Ok(())
        })
    }
}

/// Whether a character could rewrite what a reader sees if printed raw: a
/// control character (an escape sequence, a line break, a carriage return)
/// or a bidirectional override or isolate.
pub fn is_unsafe(c: char) -> bool {
    c.is_control() || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// Whether a character is invisible, or changes the direction of the text
/// around it, so that what a reader sees is not what is written: bidi marks,
/// overrides and isolates, zero-width characters, the word joiner, the byte
/// order mark, and the line and paragraph separators.
pub fn is_hidden(c: char) -> bool {
    matches!(
        c,
        '\u{061C}'
            | '\u{180E}'
            | '\u{200B}'..='\u{200F}'
            | '\u{2028}'..='\u{202E}'
            | '\u{2060}'..='\u{2069}'
            | '\u{FEFF}'
    )
}

/// Text the tool did not write itself, made safe to print on one line:
/// every unsafe character written as an escape (`\n`, `\u{1b}`).
pub fn escaped(text: &str) -> std::borrow::Cow<'_, str> {
    if !text.chars().any(is_unsafe) {
        return text.into();
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match c {
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if is_unsafe(c) => {
                crate::text::append(&mut out, |out| write!(out, "\\u{{{:x}}}", u32::from(c)));
            }
            c => out.push(c),
        }
    }
    out.into()
}

/// A path as the tool prints it: bytes that are not UTF-8 as `\xNN` (so two
/// different names never print the same), unsafe characters escaped, and a
/// leading `::` (a GitHub workflow command) behind `./`.
pub fn shown_path(path: &Path) -> String {
    #[cfg(unix)]
    let text = {
        use std::os::unix::ffi::OsStrExt;
        let mut text = String::new();
        for chunk in path.as_os_str().as_bytes().utf8_chunks() {
            text.push_str(&escaped(chunk.valid()));
            for byte in chunk.invalid() {
                crate::text::append(&mut text, |text| write!(text, "\\x{byte:02X}"));
            }
        }
        text
    };
    #[cfg(not(unix))]
    let text = escaped(&path.to_string_lossy()).into_owned();
    shown_name(&text)
}

/// A name given for standard input, or any file name, as printed.
pub fn shown_name(name: &str) -> String {
    let safe = escaped(name);
    if safe.starts_with("::") {
        format!("./{safe}")
    } else {
        safe.into_owned()
    }
}

/// Sorts diagnostics by position (whole-file ones first) and drops exact repeats.
pub fn in_file_order(mut diagnostics: Vec<Diagnostic>) -> Vec<Diagnostic> {
    diagnostics.sort_by(|a, b| a.at.cmp(&b.at).then_with(|| a.message.cmp(&b.message)));
    diagnostics.dedup();
    diagnostics
}

/// A file's text with the start of every line found once, so that showing
/// the line of each of many problems costs no more than finding it.
#[derive(Debug)]
pub struct Lines<'t> {
    text: &'t str,
    starts: Vec<usize>,
}

impl<'t> Lines<'t> {
    pub fn new(text: &'t str) -> Lines<'t> {
        let mut starts = vec![0];
        starts.extend(text.match_indices('\n').map(|(at, _)| at + 1));
        Lines { text, starts }
    }

    /// Line `number`, counted from 1, without its line break.
    fn line(&self, number: usize) -> Option<&'t str> {
        let start = *self.starts.get(number.checked_sub(1)?)?;
        let end = self
            .starts
            .get(number)
            .map_or(self.text.len(), |next| next - 1);
        self.text.get(start..end.max(start))
    }
}

fn snippet(lines: &Lines<'_>, at: Position) -> Option<String> {
    const WIDTH: usize = 100;
    let line = lines
        .line(usize::try_from(at.line).ok()?)?
        .trim_end_matches('\r');
    if line.trim().is_empty() {
        return None;
    }
    let column = usize::try_from(at.column).unwrap_or(1).max(1);
    // Long lines (minified YAML, hostile input) are cut to a window around
    // the column, read without collecting the whole line.
    let start = column.saturating_sub(WIDTH / 2);
    let shown: String = line
        .chars()
        .skip(start)
        .take(WIDTH)
        .map(|c| if is_unsafe(c) { ' ' } else { c })
        .collect();
    let caret_at = column - 1 - start.min(column - 1);
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
    fn offsets_become_lines_and_character_columns() {
        let text = "a: 1\nname: café x\n".as_bytes();
        assert_eq!(
            Position::of_offset(text, 0),
            Position { line: 1, column: 1 }
        );
        assert_eq!(
            Position::of_offset(text, 5),
            Position { line: 2, column: 1 }
        );
        // "é" is two bytes and one column.
        assert_eq!(
            Position::of_offset(text, 17),
            Position {
                line: 2,
                column: 12
            }
        );
        assert_eq!(
            Position::of_offset(text, 999),
            Position { line: 3, column: 1 }
        );
    }

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
