//! The JSON report, format 1: the `Assessment` (or, for several inputs, the
//! `Portfolio`) serialized, pretty-printed.

use serde::Serialize;

pub fn render(report: &impl Serialize) -> String {
    // Serializing plain data with string keys cannot fail.
    let mut text = serde_json::to_string_pretty(report).unwrap_or_default();
    text.push('\n');
    text
}
