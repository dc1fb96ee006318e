//! The JSON report, format 1: the assessment in the types of
//! `report::v1`, serialized; for several inputs, an object of every
//! assessment, the portfolio's totals and the inputs not assessed.

use crate::assessment::Assessment;
use crate::json_forms;
use crate::portfolio::Portfolio;
use serde::Serialize;
use std::io::{self, Write};

/// One report, pretty-printed for the people who read it.
pub fn render(report: &impl Serialize) -> String {
    // Serializing plain data with string keys cannot fail.
    let mut text = super::pretty::to_string(report).unwrap_or_default();
    text.push('\n');
    text
}

/// Writes the portfolio's JSON on one line, as it goes: each assessment as
/// [`to_keep`] rendered it when it was assessed, copied from where it was
/// kept, then the totals and the inputs not assessed. Ten thousand
/// organizations make over 200 MB of JSON, never held whole.
pub fn write_portfolio(portfolio: &Portfolio, out: &mut dyn Write) -> io::Result<()> {
    write!(
        out,
        "{{\"format_version\":{},\"assessments\":[",
        portfolio.format_version
    )?;
    for (i, row) in portfolio.rows.iter().enumerate() {
        if i > 0 {
            out.write_all(b",")?;
        }
        portfolio.copy(row, row.reports.json, "JSON", out)?;
    }
    out.write_all(b"],\"portfolio\":")?;
    // The totals and the inputs not assessed (their names, their problems)
    // are guarded as they are written; the reports were when kept.
    let mut guarded = super::lines::Legacy::new(&mut *out, super::lines::Mark::Json);
    serde_json::to_writer(&mut guarded, &portfolio.portfolio)?;
    guarded.write_all(b",\"errors\":")?;
    serde_json::to_writer(&mut guarded, &portfolio.errors)?;
    guarded.write_all(b"}\n")
}

/// One assessment as the portfolio's JSON holds it, on one line, written
/// at the end of `out` to be kept: with the number of each JSON form made
/// once for the run in place of the form, which `json_forms::expand`
/// writes back.
pub fn to_keep(assessment: &Assessment, out: &mut Vec<u8>) {
    let start = out.len();
    let mut serializer = serde_json::Serializer::with_formatter(&mut *out, json_forms::Numbered);
    // Serializing plain data with string keys into memory cannot fail.
    assessment
        .report()
        .serialize(&mut serializer)
        .unwrap_or_default();
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

    /// Reports kept in memory, one after another.
    #[derive(Debug, Default)]
    struct Memory(std::sync::Mutex<Vec<u8>>);

    impl Memory {
        fn keep(&self, bytes: &[u8]) -> crate::portfolio::Kept {
            let mut kept = self.0.lock().expect("not poisoned");
            let offset = kept.len() as u64;
            kept.extend_from_slice(bytes);
            crate::portfolio::Kept {
                offset,
                len: bytes.len() as u64,
            }
        }
    }

    impl crate::portfolio::KeptReports for Memory {
        fn copy(&self, kept: crate::portfolio::Kept, out: &mut dyn Write) -> io::Result<()> {
            let all = self.0.lock().expect("not poisoned");
            let start = usize::try_from(kept.offset).expect("in memory");
            let end = start + usize::try_from(kept.len).expect("in memory");
            json_forms::expand(&all[start..end], out)
        }
    }

    #[test]
    fn the_streamed_portfolio_is_the_serialized_portfolio() {
        let examples = std::fs::read_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/examples"))
            .expect("examples")
            .map(|e| e.expect("entry").path())
            .filter(|p| p.extension().is_some_and(|x| x == "yaml"));
        let mut assessments = Vec::new();
        for path in examples {
            let text = std::fs::read_to_string(&path).expect("example");
            for copy in 0..3 {
                assessments.push(assessment(&format!("{}#{copy}", path.display()), &text));
            }
        }
        let memory = std::sync::Arc::new(Memory::default());
        let rows = assessments
            .iter()
            .map(|a| {
                let reports = crate::portfolio::Reports {
                    json: Some(memory.keep(&{
                        let mut json = Vec::new();
                        to_keep(a, &mut json);
                        json
                    })),
                    ..crate::portfolio::Reports::default()
                };
                crate::portfolio::PortfolioRow::new(a.clone(), reports)
            })
            .collect();
        let portfolio = Portfolio::with_reports(rows, Some(memory));
        let mut streamed = Vec::new();
        write_portfolio(&portfolio, &mut streamed).expect("written");
        // The portfolio's order, found here from the assessments.
        let mut sorted: Vec<&Assessment> = assessments.iter().collect();
        sorted.sort_by(|a, b| {
            a.scores
                .effective_overall()
                .total_cmp(&b.scores.effective_overall())
                .then_with(|| a.organization.name.cmp(&b.organization.name))
                .then_with(|| a.source.cmp(&b.source))
        });
        // The portfolio's JSON as serde writes its type, whole.
        let whole = crate::report::v1::portfolio::Portfolio {
            format_version: portfolio.format_version,
            assessments: sorted.iter().map(|a| a.report()).collect(),
            portfolio: portfolio.portfolio.clone(),
            errors: portfolio.errors.clone(),
        };
        let mut whole = serde_json::to_string(&whole).expect("serialized");
        whole.push('\n');
        assert_eq!(String::from_utf8(streamed).expect("utf-8"), whole);
    }

    #[test]
    fn a_portfolio_that_kept_no_json_cannot_write_it() {
        let text = std::fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/examples/slide-deck-northwind-retail.yaml"
        ))
        .expect("example");
        let portfolio = Portfolio::new(vec![assessment("n.yaml", &text)]);
        let mut out = Vec::new();
        let error = write_portfolio(&portfolio, &mut out).expect_err("nothing kept");
        assert_eq!(error.to_string(), "no JSON report of n.yaml was kept");
    }
}
