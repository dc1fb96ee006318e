//! What the human-readable formats share: a score bar, an evidence line,
//! an acceptance's warning, colour, and how a terminal table is set up.

use super::grid::Grid;
use super::width::columns;
use super::width::visible_width;
use crate::acceptance::AcceptanceState;
use crate::assessment::Assessment;
use crate::derive::evidence::Evidence;
use crate::vocabulary::{AcceptanceStatus, Confidence};

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

/// A terminal table under `header`, laid out by [`fit`] or [`try_fit`].
pub fn new_table(header: &[&str]) -> Grid {
    Grid::new(header)
}

/// Aligns the numbers of `columns` to the right.
pub fn right_align(t: &mut Grid, columns: &[usize]) {
    t.align_right(columns);
}

/// `1 pilot`, `3 pilots`: a count with its noun.
pub fn count(n: usize, one: &str, many: &str) -> String {
    if n == 1 {
        format!("1 {one}")
    } else {
        format!("{n} {many}")
    }
}

/// What the confidence means for the reader, in one sentence (two when a
/// provisional verdict has both reasons).
pub fn confidence_note(a: &Assessment) -> &'static str {
    // Provisional for open questions that could move the quadrant, for an
    // inventory known to be incomplete (rules 2.4), or both.
    let cut = a.rubric.quadrant_cut;
    let straddles = [a.scores.range.strategy, a.scores.range.implementation]
        .iter()
        .any(|[low, high]| *low < cut && cut <= *high);
    let partial = a
        .findings
        .iter()
        .any(|f| f.id == crate::vocabulary::FindingId::IncompleteInventory);
    match a.confidence {
        Confidence::Firm if a.unanswered.is_empty() => {
            "Every question the assessment reads was answered."
        }
        Confidence::Firm => "The unanswered questions could not change the quadrant.",
        Confidence::Provisional if partial && straddles => {
            "Answering the open questions could still change the quadrant, and the pilots list is not the whole inventory of AI in use."
        }
        Confidence::Provisional if partial => {
            "The pilots list is not the whole inventory of AI in use, so the verdict rests on part of it."
        }
        Confidence::Provisional => {
            "Answering the open questions could still change the quadrant."
        }
        Confidence::Insufficient => {
            "Too much is unanswered to trust this verdict. Answer the questions named in the first recommendation, then assess again."
        }
    }
}

/// Which settings file, rubric and gates made this report:
/// `settings from readiness.toml; rubric default version 2 from rubrics/ours.toml; gates: fail_under 60.0`.
pub fn settings(a: &Assessment) -> String {
    let file = a.config.file.as_ref().map_or_else(
        || "no settings file".to_owned(),
        |f| format!("settings from {f}"),
    );
    let rubric = match &a.config.rubric {
        Some(path) => format!(
            "rubric {} version {} from {path}",
            a.rubric.id, a.rubric.version
        ),
        None => format!(
            "the built-in rubric {} version {}",
            a.rubric.id, a.rubric.version
        ),
    };
    let gates = a
        .config
        .gates
        .describe()
        .map_or_else(|| "no gate".to_owned(), |g| format!("gates: {g}"));
    let mut line = format!("{file}; {rubric}; {gates}");
    for replaced in &a.config.overrides {
        line.push_str("; ");
        line.push_str(&overridden(replaced, a.config.file.as_deref()));
    }
    line
}

/// A setting a flag replaced, in words:
/// `fail_on: purgatory, from --fail-on, replacing readiness.toml's critical and purgatory`.
pub fn overridden(o: &crate::assessment::Override, file: Option<&str>) -> String {
    format!(
        "{}: {}, from {}, replacing {}'s {}",
        o.setting,
        o.value,
        o.flag,
        file.unwrap_or("the settings file"),
        o.replaced
    )
}

/// `word` cut into pieces of at most `room` columns, between characters:
/// how text without spaces (Chinese, Japanese) wraps.
fn pieces(word: &str, room: usize) -> Vec<&str> {
    let mut out = Vec::new();
    let (mut start, mut used) = (0, 0);
    for (at, c) in word.char_indices() {
        let w = columns(c);
        if used + w > room && at > start {
            out.push(&word[start..at]);
            start = at;
            used = 0;
        }
        used += w;
    }
    out.push(&word[start..]);
    out
}

/// `text` wrapped at spaces to `width` columns: the first line after
/// `first`, the others after `rest`. A word longer than a line (a path, an
/// id) gets a line of its own and is never split, unless it holds wide
/// characters: text in scripts written without spaces breaks between them.
pub fn wrap(text: &str, width: u16, first: &str, rest: &str) -> String {
    let width = usize::from(width);
    let mut out = String::with_capacity(first.len() + text.len() + 8);
    out.push_str(first);
    let mut line = Line {
        width: visible_width(first),
        empty: true,
    };
    let rest_width = visible_width(rest);
    let room = width.saturating_sub(rest_width).max(1);
    let line_break = (width, first, (rest, rest_width));
    // Each word with the spaces before it, kept within a line (so that
    // `Level: x   Quadrant: y` keeps its spacing) and dropped at a break.
    let mut rest_of_text = text;
    while !rest_of_text.is_empty() {
        let gap = rest_of_text.len() - rest_of_text.trim_start_matches(' ').len();
        let after_gap = &rest_of_text[gap..];
        // The word ends at the next blank; one of printable ASCII only is
        // as wide as it is long.
        let mut plain = true;
        let word_end = after_gap
            .bytes()
            .position(|b| {
                plain &= matches!(b, b' '..=b'~');
                b == b' '
            })
            .unwrap_or(after_gap.len());
        let word = &after_gap[..word_end];
        rest_of_text = &after_gap[word_end..];
        if word.is_empty() {
            break;
        }
        let word_width = if plain {
            word.len()
        } else {
            visible_width(word)
        };
        if word_width > room && word.chars().any(|c| columns(c) > 1) {
            for (i, piece) in pieces(word, room).into_iter().enumerate() {
                let gap = if i == 0 { gap } else { 0 };
                let placed = (gap, piece, visible_width(piece));
                place(&mut out, &mut line, placed, line_break);
            }
        } else {
            place(&mut out, &mut line, (gap, word, word_width), line_break);
        }
    }
    out
}

/// The line being filled: the columns it takes, and whether it holds a word yet.
struct Line {
    width: usize,
    empty: bool,
}

/// Places one word `word_width` columns wide, after `gap` spaces, on the
/// current line or the next.
fn place(
    out: &mut String,
    line: &mut Line,
    (gap, word, word_width): (usize, &str, usize),
    (width, first, (rest, rest_width)): (usize, &str, (&str, usize)),
) {
    // A first word that does not fit after a label (`  Evidence: `)
    // starts the next line rather than overflow this one.
    let after_label = line.empty && out.len() == first.len() && !first.trim().is_empty();
    if (!line.empty || after_label) && line.width + gap + word_width > width {
        if after_label {
            out.truncate(out.trim_end_matches(' ').len());
        }
        out.push('\n');
        out.push_str(rest);
        line.width = rest_width;
        line.empty = true;
    }
    if !line.empty {
        out.extend(std::iter::repeat_n(' ', gap));
        line.width += gap;
    }
    out.push_str(word);
    line.width += word_width;
    line.empty = false;
}

/// A table laid out in `width` columns with no word split across lines:
/// each column is at least as wide as its longest word. When that cannot
/// fit, each row is written as a block instead, its first cell on a line and
/// every other cell under it after its column's name.
pub fn fit(t: &Grid, width: u16) -> String {
    try_fit(t, width).unwrap_or_else(|| stacked(t, width))
}

/// Widens each of `longest` to the widest word of the row's cell in its
/// column (words end at blanks and line breaks); cells past the last
/// column are left out.
pub fn widen_to_words<'a>(longest: &mut [usize], cells: impl Iterator<Item = &'a str>) {
    for (column, cell) in longest.iter_mut().zip(cells) {
        *column = (*column).max(widest_word(cell));
    }
}

/// The columns the widest word of `cell` takes (words end at blanks and
/// line breaks).
fn widest_word(cell: &str) -> usize {
    // A word of printable ASCII is as wide as it is long; any other is
    // measured as the terminal shows it.
    let width = |word: &str, plain: bool| {
        if plain {
            word.len()
        } else {
            visible_width(word)
        }
    };
    let (mut widest, mut start, mut plain) = (0, 0, true);
    for (at, &byte) in cell.as_bytes().iter().enumerate() {
        match byte {
            b' ' | b'\n' => {
                widest = widest.max(width(&cell[start..at], plain));
                (start, plain) = (at + 1, true);
            }
            b'!'..=b'~' => {}
            _ => plain = false,
        }
    }
    widest.max(width(&cell[start..], plain))
}

/// The width a table takes whose columns are `longest` wide: a space of
/// padding on either side of each, and a border between and around them.
pub fn width_for_words(longest: &[usize]) -> usize {
    longest.iter().sum::<usize>() + 3 * longest.len() + 1
}

/// The table laid out in `width` columns with no word split; `None` when
/// its columns cannot fit.
pub fn try_fit(t: &Grid, width: u16) -> Option<String> {
    let columns = t.column_count();
    let mut longest = vec![0usize; columns];
    let rows = std::iter::once(t.header()).chain(t.rows().iter().map(Vec::as_slice));
    for row in rows {
        widen_to_words(&mut longest, row.iter().map(String::as_str));
    }
    if width_for_words(&longest) > usize::from(width) {
        return None;
    }
    let least: Vec<usize> = longest
        .iter()
        .map(|words| (words + 2).min(usize::from(u16::MAX)))
        .collect();
    // Text other than printable ASCII may take more columns on a terminal
    // than the layout reckoned.
    let (text, widest) = t.lay_out(usize::from(width), &least);
    (widest <= usize::from(width)).then_some(text)
}

/// Each row of `t` as a block: see [`fit`].
fn stacked(t: &Grid, width: u16) -> String {
    let header = t.header();
    let mut blocks = Vec::new();
    for row in t.rows() {
        let mut block = Vec::new();
        for (i, content) in row.iter().enumerate() {
            let name = header.get(i).map(String::as_str).unwrap_or_default();
            for (j, line) in content.lines().enumerate() {
                let text = match (i, j, name.is_empty()) {
                    (0, 0, _) => wrap(line, width, "", "  "),
                    (0, _, _) => wrap(line, width, "  ", "  "),
                    (_, 0, false) => wrap(line, width, &format!("  {name}: "), "    "),
                    _ => wrap(line, width, "    ", "    "),
                };
                block.push(text);
            }
        }
        blocks.push(block.join("\n"));
    }
    blocks.join("\n\n")
}

/// The warning an acceptance calls for in `a`, one line: an expired one
/// (its finding counts again) or one that matched nothing (the finding no
/// longer fires); `None` for one in force.
pub fn acceptance_warning(state: &AcceptanceState, a: &Assessment) -> Option<String> {
    let x = &state.acceptance;
    match state.status {
        AcceptanceStatus::InForce => None,
        AcceptanceStatus::Expired => Some(format!(
            "{}: the acceptance of {} by {} expired on {}: {}",
            x.place(),
            x.subject(),
            x.by,
            x.until,
            if a.findings.iter().any(|f| x.covers(f.id, &f.pilots)) {
                "the finding counts again; fix it, or renew the acceptance with a new date"
            } else {
                "the finding no longer fires; remove the acceptance"
            }
        )),
        AcceptanceStatus::Unmatched => Some(format!(
            "{}: the acceptance of {} matched nothing in {}: the finding does not fire; remove the acceptance",
            x.place(),
            x.subject(),
            a.source
        )),
    }
}

/// Each acceptance of the settings file that concerns `a`, one sentence
/// each: in force, or the warning an expired or unmatched one calls for.
pub fn acceptance_lines(a: &Assessment) -> Vec<String> {
    a.acceptances
        .iter()
        .map(|state| {
            acceptance_warning(state, a).map_or_else(
                || {
                    format!(
                        "{}: {} ({}).",
                        state.acceptance.finding,
                        state.acceptance.note(),
                        state.acceptance.place()
                    )
                },
                |warning| format!("Warning: {warning}."),
            )
        })
        .collect()
}

/// `text` ended as a sentence, without doubling its own full stop.
pub fn sentence(text: &str) -> String {
    let text = text.trim_end();
    if text.ends_with(['.', '!', '?']) {
        text.to_owned()
    } else {
        format!("{text}.")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wrap_breaks_at_spaces_at_the_width_and_not_before() {
        // "aaaa bbbb" is 9 columns: it fits in 9, not in 8.
        assert_eq!(wrap("aaaa bbbb", 9, "", ""), "aaaa bbbb");
        assert_eq!(wrap("aaaa bbbb", 8, "", ""), "aaaa\nbbbb");
        assert_eq!(wrap("aaaa bbbb cc", 9, "> ", "  "), "> aaaa\n  bbbb cc");
    }

    #[test]
    fn wrap_never_splits_a_word_longer_than_the_line() {
        let path = "implementation.pilots[0].environment";
        assert_eq!(
            wrap(&format!("see {path} now"), 20, "", ""),
            format!("see\n{path}\nnow")
        );
    }

    #[test]
    fn wrap_keeps_the_spacing_within_a_line_and_drops_it_at_a_break() {
        assert_eq!(wrap("a:   b   c", 20, "", ""), "a:   b   c");
        assert_eq!(wrap("a:   b   c", 6, "", ""), "a:   b\nc");
    }

    #[test]
    fn a_word_too_long_after_a_label_starts_the_next_line() {
        assert_eq!(
            wrap("implementation.pilots", 16, "  Evidence: ", "    "),
            "  Evidence:\n    implementation.pilots"
        );
        assert_eq!(
            wrap("pilots", 18, "  Evidence: ", "    "),
            "  Evidence: pilots"
        );
        // Blank indents are no label: the word stays after them.
        assert_eq!(
            wrap("implementation.pilots", 16, "    ", "    "),
            "    implementation.pilots"
        );
    }

    #[test]
    fn the_widest_word_is_measured_as_a_terminal_shows_it() {
        assert_eq!(widest_word(""), 0);
        assert_eq!(widest_word("ab  abc\nabcd e"), 4);
        assert_eq!(widest_word("abcde f"), 5);
        // Wide characters take two columns, a colour code none.
        assert_eq!(widest_word("abc 北京人"), 6);
        assert_eq!(widest_word("\u{1b}[1mbold\u{1b}[0m x"), 4);
        let mut longest = [3, 0];
        widen_to_words(&mut longest, ["a b", "北京 abc", "ignored"].into_iter());
        assert_eq!(longest, [3, 4]);
    }

    proptest::proptest! {
        #[test]
        fn the_widest_word_is_the_widest_of_the_words(text in "[a-c \n北\u{1b}m\u{301}]{0,30}") {
            let words = text.split([' ', '\n']).map(visible_width).max().unwrap_or(0);
            proptest::prop_assert_eq!(widest_word(&text), words);
        }
    }

    #[test]
    fn wide_characters_take_two_columns_and_break_between_them() {
        assert_eq!(visible_width("北京"), 4);
        assert_eq!(visible_width("e\u{301}"), 1);
        // Ten ideographs are 20 columns: at 8, four a line, then two.
        let name = "北京人工智能研究院有限";
        assert_eq!(wrap(name, 8, "", ""), "北京人工\n智能研究\n院有限");
        for line in wrap(&format!("Acme {name} ltd"), 9, "", "").lines() {
            assert!(visible_width(line) <= 9, "{line}");
        }
    }
}
