//! The JSON report, format 1: the `Assessment` (or, for several inputs, the
//! `Portfolio`) serialized, pretty-printed.

use serde::Serialize;

pub fn render(report: &impl Serialize) -> String {
    // Serializing plain data with string keys cannot fail.
    let mut text = serde_json::to_string_pretty(report).unwrap_or_default();
    text.push('\n');
    text
}

/// The same, on one line: for the portfolio of many questionnaires, where
/// programs are the readers and the size is what counts.
pub fn render_compact(report: &impl Serialize) -> String {
    let mut text = serde_json::to_string(report).unwrap_or_default();
    text.push('\n');
    text
}
