//! Problems found in a user's file, as data, and how they are shown:
//! `FILE:LINE:COLUMN: message`, then the offending line with a caret under
//! it, drawn by `annotate-snippets` as rustc and ruff draw theirs.

use annotate_snippets::{AnnotationKind, Group, Level, Renderer, Snippet};
use std::fmt::Write as _;
use std::ops::Range;
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

/// How bad a problem is: an error stops the file from being used; a
/// warning is said and the file is used.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Default)]
pub enum Severity {
    #[default]
    Error,
    Warning,
}

/// A place in the file with what it has to do with the problem.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Label {
    pub at: Position,
    pub text: String,
}

/// One problem in an input file. Diagnostics are data, not errors: a loader
/// collects all of them before anything is reported.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    pub severity: Severity,
    /// Where in the file, when known: the column the caret points at.
    pub at: Option<Position>,
    pub message: String,
    /// What most problems do without; boxed, so that a diagnostic stays
    /// small in the results that carry one.
    details: Option<Box<Details>>,
}

/// A diagnostic's code, label, other places and help.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
struct Details {
    code: Option<&'static str>,
    label: Option<String>,
    secondary: Vec<Label>,
    help: Option<String>,
}

impl Diagnostic {
    /// An error at `at`, or about the whole file when `None`.
    pub fn new(at: Option<Position>, message: impl Into<String>) -> Diagnostic {
        Diagnostic {
            severity: Severity::Error,
            at,
            message: message.into(),
            details: None,
        }
    }

    pub fn at(at: Position, message: impl Into<String>) -> Diagnostic {
        Diagnostic::new(Some(at), message)
    }

    pub fn whole_file(message: impl Into<String>) -> Diagnostic {
        Diagnostic::new(None, message)
    }

    /// The same problem, as a warning.
    #[must_use]
    pub fn warning(self) -> Diagnostic {
        Diagnostic {
            severity: Severity::Warning,
            ..self
        }
    }

    /// A stable code for the kind of problem.
    #[must_use]
    pub fn with_code(mut self, code: &'static str) -> Diagnostic {
        self.details().code = Some(code);
        self
    }

    /// What is said beside the caret.
    #[must_use]
    pub fn with_label(mut self, label: impl Into<String>) -> Diagnostic {
        self.details().label = Some(label.into());
        self
    }

    /// Another place that explains this one (where a name was first used).
    #[must_use]
    pub fn with_secondary(mut self, at: Position, text: impl Into<String>) -> Diagnostic {
        self.details().secondary.push(Label {
            at,
            text: text.into(),
        });
        self
    }

    /// What to do about it, on a line of its own.
    #[must_use]
    pub fn with_help(mut self, help: impl Into<String>) -> Diagnostic {
        self.details().help = Some(help.into());
        self
    }

    pub fn code(&self) -> Option<&'static str> {
        self.details.as_ref().and_then(|d| d.code)
    }

    pub fn label(&self) -> Option<&str> {
        self.details.as_ref().and_then(|d| d.label.as_deref())
    }

    pub fn secondary(&self) -> &[Label] {
        self.details.as_ref().map_or(&[], |d| &d.secondary)
    }

    pub fn help(&self) -> Option<&str> {
        self.details.as_ref().and_then(|d| d.help.as_deref())
    }

    fn details(&mut self) -> &mut Details {
        self.details.get_or_insert_with(Box::default)
    }

    /// `FILE:LINE:COLUMN: message` (`FILE: message` for the whole file),
    /// then, where `text` has the line, the line itself with a caret under
    /// the column, the other places with their labels, and the help.
    pub fn render(&self, file: &str, text: Option<&str>) -> String {
        self.render_with(file, text.map(Lines::new).as_ref())
    }

    /// As [`Diagnostic::render`], with the file's lines indexed once for all
    /// of its problems.
    pub fn render_with(&self, file: &str, lines: Option<&Lines<'_>>) -> String {
        crate::text::written(|out| {
            // The message quotes the file's own keys and values: never raw.
            let message = escaped(&self.message);
            let kind = match (self.severity, self.code()) {
                (Severity::Error, None) => String::new(),
                (Severity::Error, Some(code)) => format!("error[{code}]: "),
                (Severity::Warning, None) => "warning: ".to_owned(),
                (Severity::Warning, Some(code)) => format!("warning[{code}]: "),
            };
            match self.at {
                Some(at) => write!(out, "{file}:{}:{}: {kind}{message}", at.line, at.column)?,
                None => write!(out, "{file}: {kind}{message}")?,
            }
            let drawn = self.drawn(lines);
            if !drawn.is_empty() {
                out.push('\n');
                out.push_str(drawn.trim_end_matches('\n'));
            }
            Ok(())
        })
    }

    /// The lines, carets, labels and help under the first line, drawn by
    /// `annotate-snippets` as rustc draws them, without colour; empty when
    /// there is nothing to show.
    fn drawn(&self, lines: Option<&Lines<'_>>) -> String {
        let level = match self.severity {
            Severity::Error => Level::ERROR,
            Severity::Warning => Level::WARNING,
        };
        let mut group = Group::with_level(level);
        let mut any = false;
        if let (Some(at), Some(lines)) = (self.at, lines) {
            if let Some(excerpt) = Excerpt::of(lines, at, self.secondary()) {
                let mut snippet = Snippet::source(excerpt.text)
                    .line_start(excerpt.first_line)
                    .fold(true);
                let label = self.label().map(|l| escaped(l).into_owned());
                snippet =
                    snippet.annotation(AnnotationKind::Primary.span(excerpt.primary).label(label));
                for (span, text) in excerpt.secondary {
                    snippet = snippet.annotation(AnnotationKind::Context.span(span).label(text));
                }
                group = group.element(snippet);
                any = true;
            }
        }
        if let Some(help) = self.help() {
            group = group.element(Level::HELP.message(escaped(help).into_owned()));
            any = true;
        }
        if !any {
            return String::new();
        }
        let drawn = Renderer::plain().render(&[group]);
        // The drawing opens with an empty gutter line, which says nothing
        // under a first line that already names the place: left out, so a
        // problem reads as compactly as a compiler's.
        match drawn.split_once('\n') {
            Some((first, rest)) if first.trim() == "|" => rest.to_owned(),
            _ => drawn,
        }
    }
}

/// The lines a diagnostic shows, as one text, with the spans of its caret
/// and of its other places in that text.
struct Excerpt {
    text: String,
    first_line: usize,
    primary: Range<usize>,
    secondary: Vec<(Range<usize>, String)>,
}

impl Excerpt {
    /// The widest a line is shown: long lines (minified YAML, hostile
    /// input) are cut to a window around the column.
    const WIDTH: usize = 100;
    /// Other places further than this from the caret are left out.
    const REACH: u32 = 200;

    fn of(lines: &Lines<'_>, at: Position, secondary: &[Label]) -> Option<Excerpt> {
        let line_of = |number: u32| -> Option<&str> {
            Some(
                lines
                    .line(usize::try_from(number).ok()?)?
                    .trim_end_matches('\r'),
            )
        };
        if line_of(at.line)?.trim().is_empty() {
            return None;
        }
        let others: Vec<&Label> = secondary
            .iter()
            .filter(|l| {
                l.at.line.abs_diff(at.line) <= Excerpt::REACH && line_of(l.at.line).is_some()
            })
            .collect();
        let first = others.iter().map(|l| l.at.line).fold(at.line, u32::min);
        let last = others.iter().map(|l| l.at.line).fold(at.line, u32::max);
        let mut text = String::new();
        let mut starts = Vec::new();
        for number in first..=last {
            // The window of a line is set by the caret on it, or by its
            // first other place, so that both stay in view.
            let column = if number == at.line {
                at.column
            } else {
                others
                    .iter()
                    .find(|l| l.at.line == number)
                    .map_or(1, |l| l.at.column)
            };
            let skip = usize::try_from(column)
                .unwrap_or(1)
                .max(1)
                .saturating_sub(Excerpt::WIDTH / 2);
            starts.push((number, text.len(), skip));
            let shown = line_of(number)
                .unwrap_or_default()
                .chars()
                .skip(skip)
                .take(Excerpt::WIDTH);
            text.extend(shown.map(|c| if is_unsafe(c) { ' ' } else { c }));
            text.push('\n');
        }
        let span = |p: Position| -> Range<usize> {
            let (_, start, skip) = starts
                .iter()
                .copied()
                .find(|(n, _, _)| *n == p.line)
                .unwrap_or((0, 0, 0));
            let line = &text[start..];
            let line = &line[..line.find('\n').unwrap_or(line.len())];
            let column = usize::try_from(p.column).unwrap_or(1).max(1) - 1;
            match line.char_indices().nth(column.saturating_sub(skip)) {
                Some((i, c)) => start + i..start + i + c.len_utf8(),
                // Past the end of the line: the caret just after it.
                None => start + line.len()..start + line.len(),
            }
        };
        Some(Excerpt {
            primary: span(at),
            secondary: others
                .iter()
                .map(|l| (span(l.at), escaped(&l.text).into_owned()))
                .collect(),
            first_line: usize::try_from(first).unwrap_or(1),
            text,
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
/// overrides and isolates, zero-width characters and joiners, the word
/// joiner and the other invisible format characters, the soft hyphen, the
/// byte order mark, the Hangul fillers, the interlinear annotation marks,
/// the shorthand format controls, the musical symbol formatting, the tag
/// characters and the unassigned ignorable code points, and the line and
/// paragraph separators. Variation selectors are left alone: they choose
/// how a character looks (the Mongolian ones too; U+180E, the Mongolian
/// vowel separator, is a space no one sees).
pub fn is_hidden(c: char) -> bool {
    matches!(
        c,
        '\u{00AD}'
            | '\u{034F}'
            | '\u{061C}'
            | '\u{115F}'..='\u{1160}'
            | '\u{17B4}'..='\u{17B5}'
            | '\u{180E}'
            | '\u{200B}'..='\u{200F}'
            | '\u{2028}'..='\u{202E}'
            | '\u{2060}'..='\u{206F}'
            | '\u{3164}'
            | '\u{FEFF}'
            | '\u{FFA0}'
            | '\u{FFF0}'..='\u{FFFB}'
            | '\u{1BCA0}'..='\u{1BCA3}'
            | '\u{1D173}'..='\u{1D17A}'
            | '\u{E0000}'..='\u{E00FF}'
            | '\u{E01F0}'..='\u{E0FFF}'
    )
}

/// Whether a character is a zero-width joiner or non-joiner: invisible, yet
/// how Persian, Urdu and the Indic scripts are written, and how emoji are
/// joined. Free text may hold them; names may not, where `a` and `a` with a
/// joiner would be two names that look like one.
pub fn is_joiner(c: char) -> bool {
    matches!(c, '\u{200C}' | '\u{200D}')
}

/// Whether a character is refused in a text a questionnaire or a stored
/// report holds: a control character (a questionnaire's free text may
/// still hold a line break) or an invisible one but the joiners, which
/// free text may hold and names refuse on their own.
pub fn refused_in_text(c: char) -> bool {
    c.is_control() || (is_hidden(c) && !is_joiner(c))
}

/// Whether text would show nothing where it stands: it holds only spaces,
/// invisible characters, combining marks with nothing to combine with,
/// variation selectors and the blank braille pattern. A name that shows
/// nothing is as blank as an empty one.
pub fn shows_nothing(text: &str) -> bool {
    text.chars().all(|c| {
        c.is_whitespace()
            || is_hidden(c)
            || matches!(
                c,
                '\u{0300}'..='\u{036F}'
                    | '\u{1AB0}'..='\u{1AFF}'
                    | '\u{1DC0}'..='\u{1DFF}'
                    | '\u{20D0}'..='\u{20FF}'
                    | '\u{FE00}'..='\u{FE0F}'
                    | '\u{FE20}'..='\u{FE2F}'
                    | '\u{2800}'
                    | '\u{E0100}'..='\u{E01EF}'
            )
    })
}

/// Whether a character of outside text is written escaped: an unsafe or
/// an invisible one.
pub fn needs_escaping(c: char) -> bool {
    is_unsafe(c) || is_hidden(c)
}

/// Text the tool did not write itself, made safe to print on one line:
/// every unsafe or invisible character written as an escape (`\n`,
/// `\u{1b}`, `\u{200b}`).
pub fn escaped(text: &str) -> std::borrow::Cow<'_, str> {
    if !text.chars().any(needs_escaping) {
        return text.into();
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match c {
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if needs_escaping(c) => {
                crate::text::append(&mut out, |out| write!(out, "\\u{{{:x}}}", u32::from(c)));
            }
            c => out.push(c),
        }
    }
    out.into()
}

/// Bytes from outside, as text safe to print on one line: bytes that are
/// not UTF-8 as `\xNN`, and unsafe and invisible characters escaped. (A
/// name that holds the text `\xFF` prints as a name holding that byte does:
/// a backslash is left as it is, as paths on Windows are full of them.)
pub fn shown_bytes(bytes: &[u8]) -> String {
    let mut text = String::with_capacity(bytes.len());
    for chunk in bytes.utf8_chunks() {
        text.push_str(&escaped(chunk.valid()));
        for byte in chunk.invalid() {
            crate::text::append(&mut text, |text| write!(text, "\\x{byte:02X}"));
        }
    }
    text
}

/// A path as the tool prints it: [`shown_bytes`], and a leading `::` (a
/// GitHub workflow command) behind `./`.
pub fn shown_path(path: &Path) -> String {
    #[cfg(unix)]
    let text = {
        use std::os::unix::ffi::OsStrExt;
        shown_bytes(path.as_os_str().as_bytes())
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

/// The most problems printed for one file: past it, a count of the rest.
/// A hostile file can hold a hundred thousand mistakes; nobody reads past a
/// hundred, and printing them all would take minutes.
pub const MAX_PRINTED: usize = 100;

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

    #[test]
    fn a_label_other_places_and_help_are_drawn_under_the_line() {
        let text = "pilots:\n  - name: x\n    stage: live\n  - name: x\n";
        let d = Diagnostic::at(
            Position {
                line: 4,
                column: 11,
            },
            "two pilots named \"x\"",
        )
        .with_code("P1")
        .with_label("named again")
        .with_secondary(
            Position {
                line: 2,
                column: 11,
            },
            "first named",
        )
        .with_help("give each pilot a name of its own");
        assert_eq!(
            d.render("org.yaml", Some(text)),
            "org.yaml:4:11: error[P1]: two pilots named \"x\"\n2 |   - name: x\n  |           - first named\n3 |     stage: live\n4 |   - name: x\n  |           ^ named again\n  |\n  = help: give each pilot a name of its own"
        );
        assert_eq!(
            Diagnostic::whole_file("empty")
                .warning()
                .with_help("write something")
                .render("x.yaml", None),
            "x.yaml: warning: empty\n = help: write something"
        );
    }

    #[test]
    fn a_long_line_is_shown_around_the_column_and_a_caret_past_its_end_is_kept() {
        let line = format!("key: {}", "x".repeat(300));
        let d = Diagnostic::at(
            Position {
                line: 1,
                column: 200,
            },
            "too long",
        );
        let drawn = d.render("a.yaml", Some(&line));
        let shown = drawn.lines().nth(1).unwrap_or_default();
        assert!(
            shown.starts_with("1 | x") && shown.chars().count() <= 104,
            "{drawn}"
        );
        let d = Diagnostic::at(Position { line: 1, column: 6 }, "no value");
        assert_eq!(
            d.render("a.yaml", Some("name:")),
            "a.yaml:1:6: no value\n1 | name:\n  |      ^"
        );
    }
}
