//! GitHub Actions workflow commands: one annotation per finding, placed on
//! the questionnaire's line that caused it (`::warning file=…,line=…,
//! title=…::message`, a critical finding as `::error`). Every value is
//! escaped by GitHub's rules, so no questionnaire text can end a command
//! or start one of its own. GitHub shows at most ten annotations of each
//! kind per step, so the most severe come first, after a summary.

use super::story::capitalized;
use super::words;
use crate::assessment::{Assessment, Finding};
use crate::frameworks::compact;
use crate::portfolio::Portfolio;
use crate::vocabulary::Severity;
use std::fmt::Write as _;
use std::io::{self, Write};
use std::path::Path;

/// How many annotations of one kind GitHub shows for a step.
const SHOWN_PER_KIND: usize = 10;

/// An annotation's kind, most severe first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Kind {
    Error,
    Warning,
    Notice,
}

impl Kind {
    fn command(self) -> &'static str {
        match self {
            Kind::Error => "error",
            Kind::Warning => "warning",
            Kind::Notice => "notice",
        }
    }

    fn of(f: &Finding) -> Kind {
        // An accepted finding is still shown, but not as a problem.
        if !f.counts_for_gate {
            return Kind::Notice;
        }
        match f.severity {
            Severity::Critical => Kind::Error,
            Severity::Warning => Kind::Warning,
            Severity::Info => Kind::Notice,
        }
    }

    fn rank(self) -> char {
        match self {
            Kind::Error => '0',
            Kind::Warning => '1',
            Kind::Notice => '2',
        }
    }

    fn from_rank(rank: char) -> Kind {
        match rank {
            '0' => Kind::Error,
            '1' => Kind::Warning,
            _ => Kind::Notice,
        }
    }
}

/// GitHub's escaping of a command's message.
fn data(text: &str) -> String {
    text.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// GitHub's escaping of a command's property value.
fn property(text: &str) -> String {
    data(text).replace(':', "%3A").replace(',', "%2C")
}

/// One workflow command: an annotation of a kind, placed on a file's line
/// when it has a place, with a title; written escaped by GitHub's rules.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Annotation<'a> {
    kind: Kind,
    /// The file and the line it is placed on; `None` for the run's summary.
    place: Option<(&'a str, u32)>,
    title: &'a str,
    message: &'a str,
}

impl std::fmt::Display for Annotation<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "::{} ", self.kind.command())?;
        if let Some((file, line)) = self.place {
            write!(f, "file={},line={line},", property(file))?;
        }
        write!(f, "title={}::{}", property(self.title), data(self.message))
    }
}

/// The questionnaire's real path relative to `base` where it lies under
/// it (the display name is escaped, and would name another file): line
/// breaks are written by GitHub's escaping, which GitHub reads back.
fn file(a: &Assessment, base: &Path) -> String {
    relative_path(a, base, |c| {
        matches!(c, '\n' | '\r') || !crate::diagnostic::needs_escaping(c)
    })
}

/// The questionnaire's real path relative to `base` where it lies under
/// it, without a leading `./`, for a format that locates results in the
/// repository. On Windows its parts are joined by `/`, before anything is
/// escaped (elsewhere `\` is a character of a name). A path that is not
/// UTF-8, or holds a character the format cannot carry (`kept` says which
/// it can), would reach the reader as it is or name no file: it is written
/// as every message writes it, escaped.
pub(super) fn relative_path(a: &Assessment, base: &Path, kept: impl Fn(char) -> bool) -> String {
    let path = a.path.as_deref().unwrap_or(Path::new(&a.source));
    let relative = path.strip_prefix(base).unwrap_or(path);
    let relative = relative.strip_prefix(".").unwrap_or(relative);
    let slashed;
    let relative = if cfg!(windows) {
        let parts: Vec<_> = relative.iter().map(|p| p.to_string_lossy()).collect();
        slashed = std::path::PathBuf::from(parts.join("/"));
        slashed.as_path()
    } else {
        relative
    };
    match relative.to_str() {
        Some(text) if text.chars().all(kept) => text.to_owned(),
        _ => crate::diagnostic::shown_path(relative),
    }
}

/// One assessment's annotations, one line each, each after its kind's rank
/// and a tab, so that a portfolio's can be sorted once all are made.
pub fn ranked_lines(a: &Assessment, base: &Path) -> String {
    let file = file(a, base);
    let mut out = String::new();
    crate::text::append(&mut out, |out| {
        for f in &a.findings {
            let kind = Kind::of(f);
            let line = f.line().unwrap_or(1);
            let accepted = if f.counts_for_gate { "" } else { ", accepted" };
            let title = format!("{} ({}{accepted})", f.title, f.id);
            let mut message = f.message.to_string();
            if !f.references.is_empty() {
                write!(
                    message,
                    " Framework references (evidence about each control, not a judgement that it is met): {}.",
                    compact(&f.references)
                )?;
            }
            for x in &f.accepted {
                write!(message, " {}.", capitalized(&x.note()))?;
            }
            let annotation = Annotation {
                kind,
                place: Some((&file, line)),
                title: &title,
                message: &message,
            };
            writeln!(out, "{}\t{annotation}", kind.rank())?;
        }
        Ok(())
    });
    out
}

/// The annotations of every assessment, most severe first, after a notice
/// that counts them and says how many GitHub will not show.
pub fn write(ranked: &str, questionnaires: usize, out: &mut dyn Write) -> io::Result<()> {
    let mut lines: Vec<(Kind, &str)> = ranked
        .lines()
        .filter_map(|l| {
            let (rank, line) = l.split_once('\t')?;
            Some((Kind::from_rank(rank.chars().next()?), line))
        })
        .collect();
    // A stable sort keeps each kind in the questionnaires' order.
    lines.sort_by_key(|(kind, _)| *kind);
    let count = |k: Kind| lines.iter().filter(|(kind, _)| *kind == k).count();
    let (errors, warnings, notices) = (
        count(Kind::Error),
        count(Kind::Warning),
        count(Kind::Notice),
    );
    let mut summary = format!(
        "{} in {}: {}, {}, {}.",
        words::count(lines.len(), "finding", "findings"),
        words::count(questionnaires, "questionnaire", "questionnaires"),
        words::count(errors, "error", "errors"),
        words::count(warnings, "warning", "warnings"),
        // The summary is a notice too.
        words::count(notices, "notice", "notices")
    );
    let hidden: Vec<String> = [
        (errors, "error", "errors"),
        (warnings, "warning", "warnings"),
        (notices + 1, "notice", "notices"),
    ]
    .into_iter()
    .filter(|(n, _, _)| *n > SHOWN_PER_KIND)
    .map(|(n, one, many)| {
        let more = n - SHOWN_PER_KIND;
        format!("{more} more {}", if more == 1 { one } else { many })
    })
    .collect();
    if !hidden.is_empty() {
        crate::text::append(&mut summary, |summary| {
            write!(
                summary,
                " GitHub shows {SHOWN_PER_KIND} annotations of each kind per step; {} are listed in this log only.",
                hidden.join(" and ")
            )
        });
    }
    let summary = Annotation {
        kind: Kind::Notice,
        place: None,
        title: "readiness",
        message: &summary,
    };
    writeln!(out, "{summary}")?;
    for (_, line) in lines {
        writeln!(out, "{line}")?;
    }
    Ok(())
}

/// A portfolio's annotations: every organization's, most severe first.
pub fn write_portfolio(p: &Portfolio, out: &mut dyn Write) -> io::Result<()> {
    let mut ranked = Vec::new();
    for r in &p.rows {
        p.copy(r, r.reports.github, "GitHub annotations", &mut ranked)?;
    }
    write(&String::from_utf8_lossy(&ranked), p.rows.len(), out)
}

/// The annotations of one assessment.
pub fn render(a: &Assessment, base: &Path) -> String {
    let mut out = Vec::new();
    let written = write(&ranked_lines(a, base), 1, &mut out);
    debug_assert!(written.is_ok(), "writing into memory cannot fail");
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_are_escaped_by_githubs_rules() {
        assert_eq!(data("50% done\r\n::error::x"), "50%25 done%0D%0A::error::x");
        assert_eq!(property("a:b,c%\n"), "a%3Ab%2Cc%25%0A");
    }
}
