//! What the human-readable formats share: a score bar, an evidence line,
//! colour, and how a terminal table is set up.

use crate::derive::evidence::Evidence;

/// A ten-step bar for a score from 0 to 100: `███████░░░`.
pub fn bar(score: f64) -> String {
    // Clamped to 0..=100 first, so the cast is exact.
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
    let filled = (score.clamp(0.0, 100.0) / 10.0).round() as usize;
    format!("{}{}", "█".repeat(filled), "░".repeat(10 - filled))
}

/// One evidence line: `implementation.pilots[0] (line 31): churn-model, running 630 days`.
pub fn evidence(e: &Evidence) -> String {
    match e.line {
        Some(line) => format!("{} (line {line}): {}", e.path, e.value),
        None => format!("{}: {}", e.path, e.value),
    }
}

/// A score, or a dash for a side with no criteria.
pub fn score(value: Option<f64>) -> String {
    value.map_or_else(|| "—".to_owned(), |v| format!("{v:.1}"))
}

/// `text` in `style` when colour is on; plain otherwise.
pub fn paint(text: &str, style: anstyle::Style, color: bool) -> String {
    if color {
        format!("{}{text}{}", style.render(), style.render_reset())
    } else {
        text.to_owned()
    }
}

/// Bold text.
pub fn bold() -> anstyle::Style {
    anstyle::Style::new().bold()
}

/// Text in one of the basic colours.
pub fn colored(color: anstyle::AnsiColor) -> anstyle::Style {
    anstyle::Style::new().fg_color(Some(color.into()))
}

/// A terminal table: wrapped to `width` columns, or never wrapped when `None`;
/// styled only when `color`, never by comfy-table's own terminal check.
pub fn new_table(header: &[&str], width: Option<u16>, color: bool) -> comfy_table::Table {
    use comfy_table::{presets::UTF8_FULL_CONDENSED, ContentArrangement};
    let mut t = comfy_table::Table::new();
    t.load_style(UTF8_FULL_CONDENSED)
        .set_header(header.to_vec());
    match width {
        Some(width) => t
            .set_content_arrangement(ContentArrangement::Dynamic)
            .set_width(width),
        None => t.set_content_arrangement(ContentArrangement::Disabled),
    };
    if color {
        t.enforce_styling();
    } else {
        t.force_no_tty();
    }
    t
}

/// Aligns the numbers of `columns` to the right.
pub fn right_align(t: &mut comfy_table::Table, columns: &[usize]) {
    for column in columns {
        if let Some(c) = t.column_mut(*column) {
            c.set_cell_alignment(comfy_table::CellAlignment::Right);
        }
    }
}
