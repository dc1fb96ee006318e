//! GitLab's Code Quality report (the Code Climate issue format): a JSON
//! array with one issue per finding that counts for the gate, one per pilot
//! for a finding that names pilots, each at the questionnaire's line. An
//! accepted finding, or an accepted pilot of one, is left out, as GitLab
//! has no way to mark an issue as accepted.

use super::words::sentence;
use crate::assessment::{Assessment, Finding};
use crate::portfolio::Portfolio;
use crate::vocabulary::{Severity, Word};
use rustc_hash::{FxHashMap, FxHashSet};
use serde::Serialize;
use std::io::{self, Write};
use std::path::Path;

/// One issue of the report; keys in the order of their names, as the
/// report has always been written.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Issue {
    check_name: &'static str,
    /// The format's room for more, which GitLab shows with the issue.
    #[serde(skip_serializing_if = "Option::is_none")]
    content: Option<Content>,
    description: String,
    fingerprint: String,
    location: Location,
    severity: &'static str,
    #[serde(rename = "type")]
    kind: &'static str,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
struct Content {
    body: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
struct Location {
    lines: Lines,
    path: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
struct Lines {
    begin: u32,
}

/// GitLab's severities are five; the tool's three map onto them so that a
/// critical finding reads as critical, a warning as major, and the
/// informative tensions as info.
fn severity(s: Severity) -> &'static str {
    match s {
        Severity::Critical => "critical",
        Severity::Warning => "major",
        Severity::Info => "info",
    }
}

/// The issues of one assessment; `base` is the working directory, which
/// paths are given relative to, as GitLab reads them from the repository's root.
pub fn issues(a: &Assessment, base: &Path) -> Vec<Issue> {
    let path = relative(a, base);
    let mut out = Vec::new();
    for f in a.findings.iter().filter(|f| f.counts_for_gate) {
        let first = first_line(f);
        if f.pilots.is_empty() {
            out.push(issue(f, &path, None, first));
        } else {
            let lines = pilot_lines(f);
            for pilot in f.unaccepted_pilots() {
                let line = lines.get(pilot).copied().unwrap_or(first);
                out.push(issue(f, &path, Some(pilot), line));
            }
        }
    }
    out
}

fn issue(f: &Finding, path: &str, pilot: Option<&str>, line: u32) -> Issue {
    let title = match pilot {
        Some(pilot) => format!("{} ({pilot})", f.title),
        None => f.title.to_string(),
    };
    // The references, and what a reference does not say.
    let content = (!f.references.is_empty()).then(|| Content {
        body: format!(
            "References: {}. {}",
            crate::frameworks::compact(&f.references),
            crate::frameworks::NOT_A_JUDGEMENT
        ),
    });
    Issue {
        check_name: f.id.word(),
        content,
        description: sentence(&format!("{title}: {}", f.message)),
        fingerprint: fingerprint(path, f.id.word(), pilot.unwrap_or("")),
        location: Location {
            lines: Lines { begin: line },
            path: path.to_owned(),
        },
        severity: severity(f.severity),
        kind: "issue",
    }
}

/// The line of the finding's first evidence that has one, else 1: where an
/// issue about no one pilot, or about a pilot no evidence names, is placed.
fn first_line(f: &Finding) -> u32 {
    f.evidence.iter().find_map(|e| e.line).unwrap_or(1)
}

/// For each pilot the finding names, the line of the first evidence about
/// it (a value that is its name, or begins with its name and a comma),
/// found in one pass over the evidence: one search per pilot made ten
/// thousand pilots' issues take seconds.
fn pilot_lines(f: &Finding) -> FxHashMap<&str, u32> {
    let pilots: FxHashSet<&str> = f.pilots.iter().map(String::as_str).collect();
    let mut lines = FxHashMap::default();
    for e in f.evidence.iter() {
        let Some(line) = e.line else { continue };
        let value: &str = &e.value;
        let heads = value.match_indices(',').map(|(at, _)| &value[..at]);
        for head in std::iter::once(value).chain(heads) {
            if let Some(pilot) = pilots.get(head) {
                lines.entry(*pilot).or_insert(line);
            }
        }
    }
    lines
}

/// Stable across runs for the same file, finding and pilot, whatever the
/// lines: GitLab compares fingerprints to tell new issues from fixed ones.
/// Two 64-bit FNV-1a hashes with different offsets, as 32 hex digits.
fn fingerprint(path: &str, id: &str, pilot: &str) -> String {
    let fnv = |offset: u64| {
        let mut hash = offset;
        for byte in path
            .bytes()
            .chain([0])
            .chain(id.bytes())
            .chain([0])
            .chain(pilot.bytes())
        {
            hash ^= u64::from(byte);
            hash = hash.wrapping_mul(0x0100_0000_01b3);
        }
        hash
    };
    format!(
        "{:016x}{:016x}",
        fnv(0xcbf2_9ce4_8422_2325),
        fnv(0x6c62_272e_07bb_0142)
    )
}

/// The questionnaire's path relative to `base` where it lies under it, as
/// GitHub's annotations locate it (`github::relative_path`), with every
/// character that needs escaping escaped: JSON carries them, GitLab would
/// show them.
fn relative(a: &Assessment, base: &Path) -> String {
    super::github::relative_path(a, base, |c| !crate::diagnostic::needs_escaping(c))
}

/// The report of one assessment, pretty-printed.
pub fn render(a: &Assessment, base: &Path) -> String {
    // Plain data with string keys always serializes.
    format!(
        "{}\n",
        super::pretty::to_string(&issues(a, base)).unwrap_or_default()
    )
}

/// One assessment's issues as the array holds them: comma-separated, no
/// brackets, so that a portfolio's can be written one after another.
pub fn issues_part(a: &Assessment, base: &Path) -> Vec<u8> {
    super::comma_separated(&issues(a, base))
}

/// A portfolio's report: every organization's issues in one array, in the
/// portfolio's order, each copied from where it was kept when assessed.
pub fn write_portfolio(p: &Portfolio, out: &mut dyn Write) -> io::Result<()> {
    out.write_all(b"[")?;
    let mut parts = p.rows.iter().map(|r| {
        let mut part = Vec::new();
        p.copy(r, r.reports.codeclimate, "Code Quality", &mut part)
            .map(|()| part)
    });
    super::write_comma_joined(&mut parts, out)?;
    out.write_all(b"]\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fingerprints_tell_file_finding_and_pilot_apart_and_never_change() {
        let one = fingerprint("org.yaml", "stale-pilot", "churn-model");
        assert_eq!(one, fingerprint("org.yaml", "stale-pilot", "churn-model"));
        assert_eq!(one.len(), 32);
        assert_ne!(
            one,
            fingerprint("org.yaml", "stale-pilot", "demand-forecast")
        );
        assert_ne!(one, fingerprint("other.yaml", "stale-pilot", "churn-model"));
        assert_ne!(one, fingerprint("org.yaml", "laptop-bound", "churn-model"));
        // The separators keep "ab"+"c" apart from "a"+"bc".
        assert_ne!(fingerprint("a", "bc", ""), fingerprint("ab", "c", ""));
    }

    #[test]
    fn each_pilots_issue_is_placed_at_the_first_evidence_about_it() {
        let text = "version: 1\norganization: {name: O, assessed: 2026-11-20}\nimplementation:\n  pilots:\n    - {name: a, stage: pilot, started: 2025-01-01, environment: laptop}\n    - {name: \"a, b\", stage: pilot, started: 2025-01-01, environment: laptop}\n    - {name: c, stage: pilot, started: 2025-01-01}\n";
        let options = crate::load::questionnaire::LoadOptions {
            as_of: None,
            today: crate::date::Date::parse("2026-11-20").expect("date"),
        };
        let q = crate::load::questionnaire::load(text, options).expect("valid");
        let a = crate::assess::assess(&q, &crate::rubric::default_rubric(), "o.yaml");
        let placed = |id: &str| -> Vec<(String, u32)> {
            issues(&a, Path::new("."))
                .into_iter()
                .filter(|i| i.check_name == id)
                .map(|i| (i.description.clone(), i.location.lines.begin))
                .collect()
        };
        let laptop = placed("laptop-bound");
        // "a, b" is told from "a"; each at its own line.
        assert_eq!(
            laptop.iter().map(|(_, line)| *line).collect::<Vec<_>>(),
            [5, 6]
        );
        // Each stale pilot at its own item's line.
        let stale = placed("stale-pilot");
        assert_eq!(
            stale.iter().map(|(_, line)| *line).collect::<Vec<_>>(),
            [5, 6, 7]
        );
    }
}
