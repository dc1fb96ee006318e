//! The JSON report, format 1: the `Assessment` (or, for several inputs, the
//! `Portfolio`) serialized.

use crate::assess::portfolio::Portfolio;
use crate::assessment::Assessment;
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
/// Enough to keep the cores busy, few enough that only a few megabytes of
/// JSON are ever held at once.
const CHUNK: usize = 512;

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
    // Reports kept when they were assessed are copied in order.
    if let Some(spill) = &portfolio.spill {
        if portfolio.kept.len() == portfolio.assessments.len()
            && portfolio.kept.iter().all(|k| k.json.is_some())
        {
            for (i, kept) in portfolio.kept.iter().filter_map(|k| k.json).enumerate() {
                if i > 0 {
                    out.write_all(b",")?;
                }
                spill.copy(kept, out)?;
            }
            return write_tail(portfolio, out);
        }
    }
    // Each chunk is split into one part per thread, each rendered into its
    // own buffer; the buffers are kept from chunk to chunk, so after the
    // first chunk no memory is allocated, and no page is faulted in, again.
    let threads = rayon::current_num_threads().max(1);
    let mut buffers: Vec<Vec<u8>> = vec![Vec::new(); threads];
    let mut first = true;
    for chunk in portfolio.assessments.chunks(CHUNK) {
        let per_part = chunk.len().div_ceil(threads);
        let parts = chunk.len().div_ceil(per_part);
        buffers
            .par_iter_mut()
            .zip(chunk.par_chunks(per_part))
            .for_each(|(buffer, part)| render_part(part, buffer));
        for buffer in &buffers[..parts] {
            if !first {
                out.write_all(b",")?;
            }
            first = false;
            out.write_all(buffer)?;
        }
    }
    write_tail(portfolio, out)
}

/// What follows the assessments: the totals and the inputs not assessed.
fn write_tail(portfolio: &Portfolio, out: &mut dyn Write) -> io::Result<()> {
    out.write_all(b"],\"portfolio\":")?;
    serde_json::to_writer(&mut *out, &portfolio.portfolio)?;
    out.write_all(b",\"errors\":")?;
    serde_json::to_writer(&mut *out, &portfolio.errors)?;
    out.write_all(b"}\n")
}

/// One assessment as the portfolio's JSON holds it, on one line.
pub fn compact(assessment: &Assessment) -> Vec<u8> {
    // Serializing plain data with string keys into memory cannot fail.
    serde_json::to_vec(assessment).unwrap_or_default()
}

/// The assessments of `part` as JSON, separated by commas, into `buffer`.
fn render_part(part: &[Assessment], buffer: &mut Vec<u8>) {
    buffer.clear();
    for (index, assessment) in part.iter().enumerate() {
        if index > 0 {
            buffer.push(b',');
        }
        // Serializing plain data with string keys into memory cannot fail.
        let _ = serde_json::to_writer(&mut *buffer, assessment);
    }
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
    fn the_streamed_portfolio_is_the_serialized_portfolio() {
        let examples = std::fs::read_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/examples"))
            .expect("examples")
            .map(|e| e.expect("entry").path())
            .filter(|p| p.extension().is_some_and(|x| x == "yaml"));
        let mut assessments = Vec::new();
        for path in examples {
            let text = std::fs::read_to_string(&path).expect("example");
            // Repeat the examples past one chunk, so chunk boundaries are crossed.
            for copy in 0..=(CHUNK / 4) {
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
