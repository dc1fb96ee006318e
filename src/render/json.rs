//! The JSON report, format 1: the `Assessment` (or, for several inputs, the
//! `Portfolio`) serialized.

use crate::portfolio::Portfolio;
use rayon::prelude::*;
use serde::Serialize;
use std::io::{self, Write};

/// One report, pretty-printed for the people who read it.
pub fn render(report: &impl Serialize) -> String {
    // Serializing plain data with string keys cannot fail.
    let mut text = serde_json::to_string_pretty(report).unwrap_or_default();
    text.push('\n');
    text
}

/// How many assessments are rendered in parallel before being written.
/// Enough to keep both cores busy, few enough that only a few megabytes of
/// JSON are ever held at once.
const CHUNK: usize = 256;

/// Writes the portfolio's JSON on one line: byte for byte what serializing
/// `Portfolio` gives, but rendered in parallel chunks and written as it goes.
/// Ten thousand organizations make over 200 MB of JSON; building that as one
/// string first would double the memory and leave a core idle.
pub fn write_portfolio(portfolio: &Portfolio, out: &mut dyn Write) -> io::Result<()> {
    write!(
        out,
        "{{\"format_version\":{},\"assessments\":[",
        portfolio.format_version
    )?;
    for (index, chunk) in portfolio.assessments.chunks(CHUNK).enumerate() {
        let rendered: Vec<Vec<u8>> = chunk
            .par_iter()
            .map(|assessment| serde_json::to_vec(assessment).unwrap_or_default())
            .collect();
        for (offset, json) in rendered.iter().enumerate() {
            if index > 0 || offset > 0 {
                out.write_all(b",")?;
            }
            out.write_all(json)?;
        }
    }
    out.write_all(b"],\"portfolio\":")?;
    serde_json::to_writer(&mut *out, &portfolio.portfolio)?;
    out.write_all(b"}\n")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::questionnaire::{self, LoadOptions};

    fn assessment(name: &str, text: &str) -> crate::assessment::Assessment {
        let rubric = crate::rubric::default_rubric().expect("default rubric");
        let today = crate::date::Date::parse("2026-11-20").expect("date");
        let options = LoadOptions { as_of: None, today };
        let questionnaire = questionnaire::load(text, options).expect("valid");
        crate::assess::assess(&questionnaire, &rubric, name)
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
            // Repeat the examples past one chunk, so chunk boundaries are crossed.
            for copy in 0..(CHUNK / 4 + 1) {
                assessments.push(assessment(&format!("{}#{copy}", path.display()), &text));
            }
        }
        assert!(assessments.len() > CHUNK);
        let portfolio = Portfolio::new(assessments);
        let mut streamed = Vec::new();
        write_portfolio(&portfolio, &mut streamed).expect("written");
        let mut whole = serde_json::to_string(&portfolio).expect("serialized");
        whole.push('\n');
        assert_eq!(String::from_utf8(streamed).expect("utf-8"), whole);
    }
}
