//! Renderers: each a pure function of the `Assessment` (or, for `rubric show`,
//! of the rubric). None recomputes a score. [`report`] is the one entry point
//! that picks the renderer for a format.

mod cases;
mod chart;
pub mod codeclimate;
pub mod diff;
pub mod finding_list;
pub mod frameworks;
pub mod gate_lines;
pub mod github;
pub mod history;
pub mod html;
pub mod json;
pub mod junit;
pub mod lines;
pub mod markdown;
pub mod markup;
pub mod portfolio;
pub mod report_schema;
pub mod rubric;
pub mod sarif;
pub mod story;
pub mod svg;
pub mod table;
pub mod words;

use crate::assess::portfolio::Portfolio;
use crate::assessment::Assessment;
use crate::vocabulary::Format;
use std::fmt::Write as _;
use std::io::{self, Write};

/// What was assessed: one organization, or several as a portfolio.
#[derive(Debug)]
pub enum Assessed {
    One(Box<Assessment>),
    Portfolio(Portfolio),
}

/// How a human-readable report is laid out.
#[derive(Debug, Clone, Copy)]
pub struct Layout {
    /// Columns for the table format.
    pub width: u16,
    /// Whether the table may use colour.
    pub color: bool,
    /// With a portfolio, each organization's full report after it.
    pub detail: bool,
}

/// What the code-scanning formats need beyond the assessment: the working
/// directory (locations are relative to it) and, for SARIF, the rubric's
/// findings as rules, rendered once.
#[derive(Debug, Clone, Default)]
pub struct Scanning {
    pub base: std::path::PathBuf,
    /// The SARIF `tool.driver` object as JSON text; empty for other formats.
    pub driver: String,
}

/// A rendered report, for standard output or the file `--output` names.
#[derive(Debug)]
pub enum Report {
    Text(String),
    /// GitHub workflow commands (`--format github`): the only report whose
    /// lines may begin with `::`, its outside text escaped by GitHub's rules.
    Commands(String),
    /// One organization's JSON report, pretty-printed into the output as it
    /// is serialized: a file of ten thousand pilots makes tens of megabytes
    /// of it, never held whole.
    Json(Box<Assessment>),
    /// A portfolio: hundreds of megabytes for thousands of organizations,
    /// so it is written as it is rendered, never held whole.
    Portfolio {
        portfolio: Portfolio,
        format: Format,
        layout: Layout,
        scanning: Scanning,
    },
}

impl Default for Report {
    fn default() -> Report {
        Report::Text(String::new())
    }
}

impl Report {
    /// Writes the report; every line but a workflow command's is guarded
    /// ([`lines`]) so that none can start one.
    pub fn write_to(&self, out: &mut dyn Write) -> io::Result<()> {
        let commands = match self {
            Report::Commands(_) => true,
            Report::Portfolio { format, .. } => *format == Format::Github,
            Report::Text(_) | Report::Json(_) => false,
        };
        if commands {
            return self.write_raw(out);
        }
        let mut guarded = lines::Guarded::new(out);
        self.write_raw(&mut guarded)?;
        guarded.finish().map(drop)
    }

    fn write_raw(&self, out: &mut dyn Write) -> io::Result<()> {
        match self {
            Report::Text(text) | Report::Commands(text) => out.write_all(text.as_bytes()),
            Report::Json(assessment) => {
                // serde_json writes in small pieces; they reach the line
                // guard in large ones.
                let mut buffered = io::BufWriter::with_capacity(1 << 16, out);
                serde_json::to_writer_pretty(&mut buffered, &**assessment)?;
                buffered.write_all(b"\n")?;
                buffered.flush()
            }
            Report::Portfolio {
                portfolio,
                format,
                layout,
                scanning,
            } => match format {
                Format::Table => portfolio::write_table(
                    portfolio,
                    layout.width,
                    layout.color,
                    layout.detail,
                    out,
                ),
                Format::Markdown => portfolio::write_markdown(portfolio, layout.detail, out),
                Format::Json => json::write_portfolio(portfolio, out),
                Format::Sarif => sarif::write_portfolio(portfolio, scanning, out),
                Format::Github => github::write_portfolio(portfolio, scanning, out),
                Format::Codeclimate => codeclimate::write_portfolio(portfolio, &scanning.base, out),
                Format::Junit => junit::write_portfolio(portfolio, out),
                Format::Html => html::portfolio::write(portfolio, layout.detail, out),
            },
        }
    }
}

/// The report of what was assessed, in `format`.
pub fn report(assessed: Assessed, format: Format, layout: Layout, scanning: Scanning) -> Report {
    match assessed {
        Assessed::One(a) => Report::Text(match format {
            Format::Table => table::render(&a, layout.width, layout.color),
            Format::Markdown => markdown::render(&a),
            Format::Html => html::render(&a),
            Format::Json => return Report::Json(a),
            Format::Sarif => sarif::render(&a, &scanning),
            Format::Github => return Report::Commands(github::render(&a, &scanning.base)),
            Format::Codeclimate => codeclimate::render(&a, &scanning.base),
            Format::Junit => junit::render(&a),
        }),
        Assessed::Portfolio(portfolio) => Report::Portfolio {
            portfolio,
            format,
            layout,
            scanning,
        },
    }
}

/// The job summary for GitHub Actions: always the Markdown report.
/// The gate's result comes first, where a reader of a failed job looks.
pub fn step_summary(assessed: &Assessed, detail: bool) -> String {
    let (report, assessments): (String, Vec<&Assessment>) = match assessed {
        Assessed::One(a) => (markdown::render(a), vec![&**a]),
        Assessed::Portfolio(p) => (
            portfolio::markdown(p, detail),
            p.assessments.iter().collect(),
        ),
    };
    let failed = failed_checks(&assessments);
    let gated = assessments.iter().any(|a| a.gate.is_some());
    if !gated {
        return report;
    }
    let mut out = String::new();
    crate::text::append(&mut out, |out| {
        let accepted: usize = assessments.iter().map(|a| accepted_count(a)).sum();
        if failed.is_empty() && accepted > 0 {
            write!(
                out,
                "> **Gate passed.** Every check set for this run holds, with {accepted} finding{} accepted in the settings file and left out of it: the report lists {} under \"Accepted risks\".\n\n",
                if accepted == 1 { "" } else { "s" },
                if accepted == 1 { "it" } else { "them" }
            )?;
        } else if failed.is_empty() {
            out.push_str("> **Gate passed.** Every check set for this run holds.\n\n");
        } else {
            out.push_str("> **Gate failed.**\n>\n");
            for line in &failed {
                out.push_str("> - ");
                out.push_str(&markdown::cell(line));
                out.push('\n');
            }
            out.push('\n');
        }
        out.push_str(&report);
        Ok(())
    });
    out
}

/// How many of an assessment's findings acceptances leave out of the gate.
pub fn accepted_count(a: &Assessment) -> usize {
    a.findings.iter().filter(|f| !f.counts_for_gate).count()
}

/// Every failed check of every assessment, one line each, naming its file
/// and, where a finding failed it, the finding and its line; then one line
/// with what to do.
pub fn failed_checks(assessments: &[&Assessment]) -> Vec<String> {
    let mut lines: Vec<String> = assessments
        .iter()
        .flat_map(|a| {
            a.gate.iter().flat_map(move |g| {
                g.checks
                    .iter()
                    .filter(|c| !c.passed())
                    .flat_map(move |c| gate_lines::failed(a, c))
            })
        })
        .collect();
    if let Some(advice) = gate_lines::what_to_do(assessments) {
        lines.push(advice);
    }
    lines
}

/// Parts of a JSON array, each already rendered as comma-separated items
/// (one organization's results), written one after another with a comma
/// between those that hold any: how SARIF and Code Quality portfolios are
/// streamed.
pub(crate) fn write_comma_joined(
    parts: &mut dyn Iterator<Item = io::Result<Vec<u8>>>,
    out: &mut dyn Write,
) -> io::Result<()> {
    let mut first = true;
    for part in parts {
        let part = part?;
        if part.is_empty() {
            continue;
        }
        if !first {
            out.write_all(b",")?;
        }
        first = false;
        out.write_all(&part)?;
    }
    Ok(())
}
