//! Renderers: each a pure function of the `Assessment` (for several, of the
//! `Portfolio`; for `rubric show`, of the rubric). None recomputes a score. [`report`] is the one entry point
//! that picks the renderer for a format.

mod cases;
mod chart;
pub mod codeclimate;
pub mod diff;
pub mod finding_list;
pub mod frameworks;
pub mod gate_lines;
pub mod github;
pub mod grid;
pub mod history;
pub mod html;
pub mod json;
pub mod json_writer;
pub mod junit;
pub mod lines;
pub mod markdown;
pub mod markup;
pub mod portfolio;
pub mod pretty;
pub mod rubric;
pub mod sarif;
pub mod sarif_model;
pub mod story;
pub mod svg;
pub mod table;
pub mod width;
pub mod words;

use crate::assessment::Assessment;
use crate::portfolio::{GateOutcome, Portfolio};
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
    /// The SARIF `tool.driver`: the tool and the rubric's rules; empty for
    /// other formats.
    pub driver: Box<sarif_model::Driver>,
}

/// A rendered report, for standard output or the file `--output` names.
#[derive(Debug)]
pub enum Report {
    /// A report rendered whole, and how a `##[` in it is broken
    /// ([`lines::Mark`], by its format).
    Text(String, lines::Mark),
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
        Report::Text(String::new(), lines::Mark::Backslash)
    }
}

/// From this many pilots, a JSON report is written in two halves at once
/// (`pretty::to_writer_in_halves`); below, a second thread costs more
/// than it saves.
const HALVED_FROM_PILOTS: usize = 1000;

impl Report {
    /// The buffer the report wants before the output. A text rendered
    /// whole goes out in one piece larger than a small buffer, which a
    /// buffer passes on without copying it; the pieces around a guarded
    /// `::` or `##[` are joined in it rather than written one by one. A
    /// JSON report and a portfolio come in many pieces.
    pub fn buffer_size(&self) -> usize {
        match self {
            Report::Text(..) | Report::Commands(_) => 4096,
            Report::Json(_) | Report::Portfolio { .. } => 1 << 16,
        }
    }

    /// Writes the report; every line but a workflow command's is guarded
    /// ([`lines`]) so that none can start one, except where none can: in
    /// JSON, whose writer (`json_writer`) escapes every control character
    /// in a string, each line is blanks and then a JSON token (a brace, a
    /// bracket, a quote, a digit, a literal), never `::`. On the tens of
    /// megabytes of a large report, guarding that was a tenth of the run.
    ///
    /// Every `##[`, the runner's older form of a command, is broken in
    /// every report but GitHub's own commands ([`lines::Legacy`]).
    pub fn write_to(&self, out: &mut dyn Write) -> io::Result<()> {
        let (guard_lines, mark) = match self {
            // GitHub's commands; a portfolio's JSON, which is not written
            // from here (`json::PortfolioWriter`).
            Report::Commands(_)
            | Report::Portfolio {
                format: Format::Github | Format::Json,
                ..
            } => return self.write_raw(out),
            Report::Json(_) => (false, lines::Mark::Json),
            Report::Portfolio { format, .. } => (
                !matches!(format, Format::Sarif | Format::Codeclimate),
                lines::Mark::of(*format),
            ),
            Report::Text(_, mark) => (true, *mark),
        };
        let mut legacy = lines::Legacy::new(out, mark);
        if !guard_lines {
            return self.write_raw(&mut legacy);
        }
        let mut guarded = lines::Guarded::new(legacy);
        self.write_raw(&mut guarded)?;
        guarded.finish().map(drop)
    }

    fn write_raw(&self, out: &mut dyn Write) -> io::Result<()> {
        match self {
            Report::Text(text, _) | Report::Commands(text) => out.write_all(text.as_bytes()),
            Report::Json(assessment) => {
                // The writer hands its JSON over 64 KiB at a time; the
                // buffer joins the last of it to the closing line break.
                let mut buffered = io::BufWriter::with_capacity(1 << 16, out);
                let report = assessment.report();
                if assessment.pilots.len() >= HALVED_FROM_PILOTS {
                    // The recommendations, with their evidence, are about
                    // half of such a report.
                    pretty::to_writer_in_halves(&mut buffered, &report, "recommendations")?;
                } else {
                    pretty::to_writer(&mut buffered, &report)?;
                }
                buffered.write_all(b"\n")?;
                buffered.flush()
            }
            Report::Portfolio {
                portfolio,
                format,
                layout,
                scanning,
            } => match format {
                Format::Table => {
                    portfolio::write_table(portfolio, layout.width, layout.detail, out)
                }
                Format::Markdown => portfolio::write_markdown(portfolio, layout.detail, out),
                // Written as the organizations are assessed, by the command.
                Format::Json => Err(io::Error::other(
                    "a portfolio's JSON is written as it is assessed",
                )),
                Format::Sarif => sarif::write_portfolio(portfolio, scanning, out),
                Format::Github => github::write_portfolio(portfolio, out),
                Format::Codeclimate => codeclimate::write_portfolio(portfolio, out),
                Format::Junit => junit::write_portfolio(portfolio, out),
                Format::Html => html::portfolio::write(portfolio, layout.detail, out),
            },
        }
    }
}

/// The report of what was assessed, in `format`.
pub fn report(assessed: Assessed, format: Format, layout: Layout, scanning: Scanning) -> Report {
    match assessed {
        Assessed::One(a) => Report::Text(
            match format {
                Format::Table => table::render(&a, layout.width, layout.color),
                Format::Markdown => markdown::render(&a),
                Format::Html => html::render(&a),
                Format::Json => return Report::Json(a),
                Format::Sarif => sarif::render(&a, &scanning),
                Format::Github => return Report::Commands(github::render(&a, &scanning.base)),
                Format::Codeclimate => codeclimate::render(&a, &scanning.base),
                Format::Junit => junit::render(&a),
            },
            lines::Mark::of(format),
        ),
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
pub fn step_summary(assessed: &Assessed, detail: bool) -> io::Result<String> {
    let outcome;
    let unassessed = match assessed {
        Assessed::One(_) => 0,
        Assessed::Portfolio(p) => p.errors.len(),
    };
    let (report, gated, accepted): (String, Vec<gate_lines::Gated<'_>>, usize) = match assessed {
        Assessed::One(a) => {
            outcome = GateOutcome::of(a);
            let gated = outcome.iter().map(|g| (a.source.as_str(), g)).collect();
            (markdown::render(a), gated, accepted_count(a))
        }
        Assessed::Portfolio(p) => (
            portfolio::markdown(p, detail)?,
            gated_rows(p.rows.iter()),
            p.rows.iter().map(|r| r.accepted as usize).sum(),
        ),
    };
    if gated.is_empty() && unassessed == 0 {
        return Ok(report);
    }
    let failed = failed_checks(&gated);
    let mut out = String::new();
    crate::text::append(&mut out, |out| {
        // Inputs not assessed fail the run whatever the gate says of the
        // others: said first, so that no "passed" heads a failed job.
        if unassessed > 0 {
            write!(
                out,
                "> **{unassessed} input{} could not be assessed**, so the run fails; {} listed under \"Not assessed\".\n\n",
                if unassessed == 1 { "" } else { "s" },
                if unassessed == 1 { "it is" } else { "they are" }
            )?;
        }
        let for_whom = if unassessed > 0 {
            " for the questionnaires assessed"
        } else {
            " for this run"
        };
        if gated.is_empty() {
            // No gate was set: nothing passed or failed.
        } else if failed.is_empty() && accepted > 0 {
            write!(
                out,
                "> **Gate passed.** Every check set{for_whom} holds, with {accepted} finding{} accepted in the settings file and left out of it: the report lists {} under \"Accepted risks\".\n\n",
                if accepted == 1 { "" } else { "s" },
                if accepted == 1 { "it" } else { "them" }
            )?;
        } else if failed.is_empty() {
            writeln!(out, "> **Gate passed.** Every check set{for_whom} holds.\n")?;
        } else if matches!(assessed, Assessed::Portfolio(_)) {
            // The portfolio's report lists them itself: said once.
            out.push_str(
                "> **Gate failed.** The failed checks are listed under \"Failed gates\".\n\n",
            );
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
    Ok(out)
}

/// The line of each failed check, without the advice after them.
pub fn failed_lines(gated: &[gate_lines::Gated<'_>]) -> Vec<String> {
    gated
        .iter()
        .flat_map(|&(source, outcome)| {
            outcome
                .checks
                .iter()
                .filter(|c| !c.check.passed())
                .flat_map(move |c| gate_lines::failed(source, outcome, c))
        })
        .collect()
}

/// The gates of these rows, each with its questionnaire; rows with no gate
/// are left out.
pub fn gated_rows<'a>(
    rows: impl Iterator<Item = &'a crate::portfolio::PortfolioRow>,
) -> Vec<gate_lines::Gated<'a>> {
    rows.filter_map(|r| r.gate.as_deref().map(|g| (r.source.as_str(), g)))
        .collect()
}

/// How many of an assessment's findings acceptances leave out of the gate.
pub fn accepted_count(a: &Assessment) -> usize {
    a.findings.iter().filter(|f| !f.counts_for_gate).count()
}

/// Every failed check of every gate, one line each, naming its file and,
/// where a finding failed it, the finding and its line; then one line with
/// what to do.
pub fn failed_checks(gated: &[gate_lines::Gated<'_>]) -> Vec<String> {
    let mut lines = failed_lines(gated);
    if let Some(advice) = gate_lines::what_to_do(gated) {
        lines.push(advice);
    }
    lines
}

/// `items` as the inside of a compact JSON array: comma-separated, no
/// brackets, so that one organization's part can be kept and joined to the
/// next with [`write_comma_joined`].
pub(crate) fn comma_separated<T: serde::Serialize>(items: &[T]) -> Vec<u8> {
    let mut out = Vec::new();
    for (i, item) in items.iter().enumerate() {
        if i > 0 {
            out.push(b',');
        }
        // Plain data with string keys always serializes into memory.
        serde_json::to_writer(&mut out, item).unwrap_or_default();
    }
    out
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::questionnaire::{self, LoadOptions};

    /// An assessment of `n` pilots on laptops.
    fn pilots(n: usize) -> Assessment {
        let mut yaml = String::from(
            "version: 1\norganization: {name: Many Pilots, assessed: 2026-11-20}\nimplementation:\n  pilots:\n",
        );
        for i in 0..n {
            writeln!(
                yaml,
                "    - {{name: p{i}, stage: pilot, started: 2026-06-01, environment: laptop}}"
            )
            .expect("written to a string");
        }
        let today = crate::date::Date::parse("2026-11-20").expect("date");
        let options = LoadOptions { as_of: None, today };
        let questionnaire = questionnaire::load(&yaml, options).expect("valid");
        crate::assess::assess(&questionnaire, &crate::rubric::default_rubric(), "org.yaml")
    }

    #[test]
    fn a_large_json_report_written_in_halves_is_the_report_written_whole() {
        for n in [HALVED_FROM_PILOTS - 1, HALVED_FROM_PILOTS] {
            let a = pilots(n);
            let whole = format!("{}\n", pretty::to_string(&a.report()).expect("json"));
            let mut written = Vec::new();
            Report::Json(Box::new(a))
                .write_to(&mut written)
                .expect("written");
            assert_eq!(
                String::from_utf8(written).expect("UTF-8"),
                whole,
                "{n} pilots"
            );
        }
    }
}
