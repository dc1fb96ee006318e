//! The JSON report, format 1: the assessment in the types of
//! `report::v1`, serialized; for several inputs, an object of every
//! assessment, the portfolio's totals and the inputs not assessed.

use crate::assessment::Assessment;
use crate::assessment::FORMAT_VERSION;
use crate::portfolio::{Portfolio, Totals};
use serde::Serialize;
use std::io::{self, Write};

/// One report, pretty-printed for the people who read it.
pub fn render(report: &impl Serialize) -> String {
    // Serializing plain data with string keys cannot fail.
    let mut text = super::pretty::to_string(report).unwrap_or_default();
    text.push('\n');
    text
}

/// A portfolio's JSON on one line, written as it goes: each organization's
/// report as soon as it is assessed ([`append_separated`]), in input order, then
/// the totals and the inputs not assessed. Ten thousand organizations make
/// over 400 MB of JSON, never held whole and never kept aside.
pub struct PortfolioWriter<'o> {
    out: &'o mut dyn Write,
    assessments: usize,
}

impl std::fmt::Debug for PortfolioWriter<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("PortfolioWriter")
            .field("assessments", &self.assessments)
            .finish_non_exhaustive()
    }
}

impl<'o> PortfolioWriter<'o> {
    pub fn new(out: &'o mut dyn Write) -> PortfolioWriter<'o> {
        PortfolioWriter {
            out,
            assessments: 0,
        }
    }

    /// Writes one organization's report, as [`append_separated`] made it,
    /// in one write: a report is tens of kilobytes, which a buffer in the
    /// way would only copy. The document starts with the first: a run
    /// that assesses nothing has written nothing.
    pub fn assessment(&mut self, separated: &[u8]) -> io::Result<()> {
        let first = self.assessments == 0;
        if first {
            self.start()?;
        }
        let bytes = match (first, separated.strip_prefix(b",")) {
            (true, Some(report)) => report,
            (true, None) | (false, Some(_)) => separated,
            // A report made without its comma.
            (false, None) => {
                self.out.write_all(b",")?;
                separated
            }
        };
        self.assessments += 1;
        self.out.write_all(bytes)
    }

    fn start(&mut self) -> io::Result<()> {
        write!(
            self.out,
            "{{\"format_version\":{FORMAT_VERSION},\"assessments\":["
        )
    }

    /// Ends the document with the portfolio's totals, its order being the
    /// inputs', and the inputs not assessed.
    pub fn finish(mut self, portfolio: &Portfolio) -> io::Result<()> {
        if self.assessments == 0 {
            self.start()?;
        }
        self.out.write_all(b"],\"portfolio\":")?;
        let totals = Totals {
            order: crate::portfolio::INPUT_ORDER.to_owned(),
            ..portfolio.portfolio.clone()
        };
        // The totals and the inputs not assessed (their names, their
        // problems) are guarded as they are written; the reports were
        // when made.
        let mut guarded = super::lines::Legacy::new(&mut *self.out, super::lines::Mark::Json);
        serde_json::to_writer(&mut guarded, &totals)?;
        guarded.write_all(b",\"errors\":")?;
        serde_json::to_writer(&mut guarded, &portfolio.errors)?;
        guarded.write_all(b"}\n")
    }
}

/// One assessment as the portfolio's JSON holds it, on one line after the
/// comma that separates it from the one before, written at the end of
/// `out`.
pub fn append_separated(assessment: &Assessment, out: &mut Vec<u8>) {
    out.push(b',');
    let start = out.len();
    // Serializing plain data with string keys into memory cannot fail.
    super::json_writer::append::<false>(out, &assessment.report()).unwrap_or_default();
    // Broken here, on the thread that made it: the portfolio is written
    // without a second look at every byte (`Report::write_to`).
    super::lines::break_in_place(out, start, super::lines::Mark::Json);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::questionnaire::{self, LoadOptions};

    fn assessment(name: &str, text: &str) -> crate::assessment::Assessment {
        let rubric = crate::rubric::default_rubric();
        let today = crate::date::Date::parse("2026-11-20").expect("date");
        let options = LoadOptions { as_of: None, today };
        let questionnaire = questionnaire::load(text, options).expect("valid");
        crate::assess::assess(&questionnaire, &rubric, name)
    }

    #[test]
    fn the_written_portfolio_is_the_serialized_portfolio_in_input_order() {
        let mut examples: Vec<_> =
            std::fs::read_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/examples"))
                .expect("examples")
                .map(|e| e.expect("entry").path())
                .filter(|p| p.extension().is_some_and(|x| x == "yaml"))
                .collect();
        examples.sort();
        let mut assessments = Vec::new();
        for path in examples {
            let text = std::fs::read_to_string(&path).expect("example");
            for copy in 0..3 {
                assessments.push(assessment(&format!("{}#{copy}", path.display()), &text));
            }
        }
        let mut written = Vec::new();
        let mut writer = PortfolioWriter::new(&mut written);
        let mut line = Vec::new();
        for a in &assessments {
            line.clear();
            append_separated(a, &mut line);
            writer.assessment(&line).expect("written");
        }
        let portfolio = Portfolio::new(assessments.clone());
        writer.finish(&portfolio).expect("written");
        // The portfolio's JSON as serde writes its type, whole.
        let whole = crate::report::v1::portfolio::Portfolio {
            format_version: portfolio.format_version,
            assessments: assessments.iter().map(Assessment::report).collect(),
            portfolio: Totals {
                order: crate::portfolio::INPUT_ORDER.to_owned(),
                ..portfolio.portfolio.clone()
            },
            errors: portfolio.errors.clone(),
        };
        let mut whole = serde_json::to_string(&whole).expect("serialized");
        whole.push('\n');
        assert_eq!(String::from_utf8(written).expect("utf-8"), whole);
        // The rows, for the table, keep their own order.
        assert_eq!(portfolio.portfolio.order, crate::portfolio::ORDER);
    }

    #[test]
    fn reports_made_without_their_comma_are_still_separated() {
        let mut written = Vec::new();
        let mut writer = PortfolioWriter::new(&mut written);
        for report in [&b"{}"[..], b",{\"a\":1}", b"[]"] {
            writer.assessment(report).expect("written");
        }
        let written = String::from_utf8(written).expect("UTF-8");
        assert!(
            written.ends_with("\"assessments\":[{},{\"a\":1},[]"),
            "{written}"
        );
    }

    #[test]
    fn a_portfolio_that_assessed_nothing_is_still_one_document() {
        let mut written = Vec::new();
        PortfolioWriter::new(&mut written)
            .finish(&Portfolio::new(Vec::new()))
            .expect("written");
        let document: serde_json::Value =
            serde_json::from_slice(&written).expect("one JSON document");
        assert_eq!(document["assessments"], serde_json::json!([]));
        assert_eq!(document["portfolio"]["organizations"], 0);
    }
}
