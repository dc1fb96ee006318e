//! The JSON report, format 1: the `Assessment` serialized, pretty-printed.

use crate::assessment::Assessment;

pub fn render(assessment: &Assessment) -> String {
    // Serializing plain data with string keys cannot fail.
    let mut text = serde_json::to_string_pretty(assessment).unwrap_or_default();
    text.push('\n');
    text
}
