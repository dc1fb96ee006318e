//! SARIF 2.1.0, for GitHub code scanning and every tool that reads static
//! analysis results: one run, the rubric's findings as its rules, and one
//! result per finding that fired, placed on the questionnaire's line that
//! caused it. An accepted finding is a result with an external suppression.

use super::sarif_model::{
    ArtifactLocation, Configuration, Driver, Location, Log, PhysicalLocation, Properties, Region,
    Rule, Run, SarifResult, Suppression, Text, Tool, SCHEMA,
};
use super::words::sentence;
use super::Scanning;
use crate::assessment::{Assessment, Finding};
use crate::frameworks::{compact, Reference, NOT_A_JUDGEMENT};
use crate::portfolio::Portfolio;
use crate::rubric::Rubric;
use crate::vocabulary::{FindingId, Severity, Word};
use std::fmt::Write as _;
use std::io::{self, Write};
use std::path::Path;

/// A finding described for any organization rather than for one that it
/// fired in, as its rule says it: what makes it fire and its remedy, with
/// the rubric's thresholds filled in. The assessment engine words these;
/// the rules only show them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RuleText {
    pub fires_when: String,
    pub remedy: String,
}

/// The tool's description: every finding of the rubric as a rule, in the
/// order of the finding ids, so that a result's `ruleIndex` is its id's;
/// `described` words each.
pub fn driver(rubric: &Rubric, described: impl Fn(FindingId) -> RuleText) -> Driver {
    let rules = FindingId::all()
        .iter()
        .map(|&id| {
            let text = rubric.finding(id);
            let RuleText { fires_when, remedy } = described(id);
            // Framework references as tags (`nist-ai-rmf:MEASURE-2.4`), so
            // code scanning can filter by control, and in words in the help.
            let mut tags = vec![id.group().word().to_owned()];
            tags.extend(text.references.iter().map(Reference::tag));
            let mut help = sentence(&remedy);
            if !text.references.is_empty() {
                crate::text::append(&mut help, |help| {
                    write!(
                        help,
                        " Framework references: {}. {}",
                        compact(&text.references),
                        NOT_A_JUDGEMENT
                    )
                });
            }
            // The name is for people; SARIF wants it only where it differs
            // from the id, letter case aside.
            let name = Some(rule_name(id)).filter(|n| !n.eq_ignore_ascii_case(id.word()));
            Rule {
                default_configuration: Configuration {
                    level: level(text.severity),
                },
                full_description: Text {
                    text: sentence(&fires_when),
                },
                help: Text { text: help },
                id: id.word(),
                name,
                properties: Properties { tags },
                short_description: Text {
                    text: sentence(&text.title),
                },
            }
        })
        .collect();
    // Where to learn about the tool: the repository or home page the
    // package names, when it names one.
    let about = [env!("CARGO_PKG_REPOSITORY"), env!("CARGO_PKG_HOMEPAGE")];
    Driver {
        full_name: format!(
            "readiness {}, rubric {} version {}",
            env!("CARGO_PKG_VERSION"),
            rubric.id,
            rubric.version
        ),
        information_uri: about.into_iter().find(|u| !u.is_empty()),
        name: "readiness",
        rules,
        semantic_version: env!("CARGO_PKG_VERSION"),
        version: env!("CARGO_PKG_VERSION"),
    }
}

/// `laptop-bound` as a rule name: `LaptopBound`.
fn rule_name(id: FindingId) -> String {
    id.word()
        .split(['-', '.'])
        .map(|part| {
            let mut chars = part.chars();
            chars
                .next()
                .map_or_else(String::new, |c| c.to_uppercase().chain(chars).collect())
        })
        .collect()
}

fn level(severity: Severity) -> &'static str {
    match severity {
        Severity::Critical => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}

/// The results of one assessment; `base` is the working directory, which
/// the questionnaire's location is given relative to.
pub fn results(a: &Assessment, base: &Path) -> Vec<SarifResult> {
    let uri = match &a.path {
        Some(path) => uri(path, base),
        None => uri(Path::new(&a.source), base),
    };
    a.findings.iter().map(|f| result(f, &uri)).collect()
}

fn result(f: &Finding, uri: &str) -> SarifResult {
    let suppressions = (!f.counts_for_gate).then(|| {
        let justification: Vec<String> = f
            .accepted
            .iter()
            .map(|x| format!("{} ({}, {})", x.reason, x.terms(), x.place()))
            .collect();
        [Suppression {
            justification: justification.join("; "),
            kind: "external",
            status: "accepted",
        }]
    });
    SarifResult {
        level: level(f.severity),
        locations: [Location {
            physical_location: PhysicalLocation {
                artifact_location: ArtifactLocation {
                    uri: uri.to_owned(),
                },
                region: Region {
                    start_line: f.line().unwrap_or(1),
                },
            },
        }],
        message: Text {
            text: sentence(&format!("{}: {}", f.title, f.message)),
        },
        rule_id: f.id.word(),
        rule_index: f.id as usize,
        suppressions,
    }
}

/// The questionnaire's location as a URI reference: its real path relative
/// to `base` where it lies under it, else as given; every byte outside the
/// unreserved set and `/` percent-encoded (RFC 3986), so `a\b.yaml` is
/// `a%5Cb.yaml` and a name with a line break keeps it, as `%0A`.
fn uri(path: &Path, base: &Path) -> String {
    let relative = path.strip_prefix(base).unwrap_or(path);
    let bytes = path_bytes(relative);
    let mut relative: &[u8] = &bytes;
    while let Some(rest) = relative.strip_prefix(b"./") {
        relative = rest;
    }
    let mut out = String::with_capacity(relative.len());
    crate::text::append(&mut out, |out| {
        if relative.starts_with(b"/") {
            out.push_str("file://");
        }
        for &byte in relative {
            if byte.is_ascii_alphanumeric() || b"-._~/".contains(&byte) {
                out.push(char::from(byte));
            } else {
                write!(out, "%{byte:02X}")?;
            }
        }
        Ok(())
    });
    out
}

/// A path's bytes: as they are on Unix; on Windows, as UTF-8 with `\` (the
/// separator there) written `/`.
fn path_bytes(path: &Path) -> Vec<u8> {
    #[cfg(unix)]
    {
        use std::os::unix::ffi::OsStrExt;
        path.as_os_str().as_bytes().to_vec()
    }
    #[cfg(not(unix))]
    {
        path.to_string_lossy().replace('\\', "/").into_bytes()
    }
}

/// The whole log of one run: `driver` (from [`driver`]) and the results,
/// each already rendered, written as they come.
pub fn write_log(
    driver: &Driver,
    results: &mut dyn Iterator<Item = io::Result<Vec<u8>>>,
    out: &mut dyn Write,
) -> io::Result<()> {
    write!(
        out,
        "{{\"$schema\":\"{SCHEMA}\",\"version\":\"2.1.0\",\"runs\":[{{\"tool\":{{\"driver\":"
    )?;
    serde_json::to_writer(&mut *out, driver)?;
    out.write_all(b"},\"columnKind\":\"unicodeCodePoints\",\"results\":[")?;
    super::write_comma_joined(results, out)?;
    out.write_all(b"]}]}\n")
}

/// One assessment's results as the log holds them: comma-separated, no
/// brackets, so that a portfolio's can be written one after another.
pub fn results_part(a: &Assessment, base: &Path) -> Vec<u8> {
    super::comma_separated(&results(a, base))
}

/// The log of one assessment, pretty-printed.
pub fn render(a: &Assessment, scanning: &Scanning) -> String {
    super::json::render(&Log {
        schema: SCHEMA,
        runs: [Run {
            column_kind: "unicodeCodePoints",
            results: results(a, &scanning.base),
            tool: Tool {
                driver: &scanning.driver,
            },
        }],
        version: "2.1.0",
    })
}

/// A portfolio's log: one run, the results of every organization in the
/// portfolio's order, each copied from where it was kept when assessed.
pub fn write_portfolio(p: &Portfolio, scanning: &Scanning, out: &mut dyn Write) -> io::Result<()> {
    let mut parts = p.rows.iter().map(|r| {
        let mut part = Vec::new();
        p.copy(r, r.reports.sarif, "SARIF", &mut part)
            .map(|()| part)
    });
    write_log(&scanning.driver, &mut parts, out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_become_relative_uris() {
        let base = Path::new("/work/repo");
        let uri = |path: &str, base: &Path| uri(Path::new(path), base);
        assert_eq!(uri("org.yaml", base), "org.yaml");
        assert_eq!(uri("./org/q.yaml", base), "org/q.yaml");
        assert_eq!(uri("/work/repo/org/q.yaml", base), "org/q.yaml");
        assert_eq!(uri("/elsewhere/q.yaml", base), "file:///elsewhere/q.yaml");
        assert_eq!(uri("a b#1%.yaml", base), "a%20b%231%25.yaml");
        assert_eq!(uri("é.yaml", base), "%C3%A9.yaml");
        #[cfg(unix)]
        {
            assert_eq!(uri("a\\b.yaml", base), "a%5Cb.yaml");
            assert_eq!(uri("a\nb.yaml", base), "a%0Ab.yaml");
        }
    }

    #[test]
    fn rule_names_are_identifiers() {
        assert_eq!(rule_name(FindingId::LaptopBound), "LaptopBound");
        assert_eq!(rule_name(FindingId::TensionGoals), "TensionGoals");
    }
}
