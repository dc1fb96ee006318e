//! The terminal's boxed tables: a header, rows of cells, and a layout to a
//! width. The layout is comfy-table's (its `UTF8_FULL_CONDENSED` style and
//! its dynamic arrangement with a lower bound on each column), made here
//! for the one way the tool uses it, byte for byte the same; a property
//! test compares the two. Laid out by comfy-table, the tables were a third
//! of a small run's instructions, most of them measuring the same text
//! again and again: here each line of a cell is measured once, and a line
//! of printable ASCII by its length.

use crate::render::width::visible_width;
use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

/// Blanks on either side of a cell's text.
const PADDING: usize = 1;

/// A table of text cells. A cell may hold several lines.
#[derive(Debug, Clone, Default)]
pub struct Grid {
    header: Vec<String>,
    rows: Vec<Vec<String>>,
    /// The columns whose cells are aligned to the right.
    right: Vec<usize>,
}

impl Grid {
    pub fn new(header: &[&str]) -> Grid {
        Grid {
            header: header.iter().map(|&h| h.to_owned()).collect(),
            ..Grid::default()
        }
    }

    pub fn add_row<T: Into<String>>(&mut self, cells: impl IntoIterator<Item = T>) {
        self.rows.push(cells.into_iter().map(Into::into).collect());
    }

    /// Aligns the cells of `columns` to the right.
    pub fn align_right(&mut self, columns: &[usize]) {
        self.right.extend_from_slice(columns);
    }

    pub fn header(&self) -> &[String] {
        &self.header
    }

    pub fn rows(&self) -> &[Vec<String>] {
        &self.rows
    }

    /// How many columns the table has: as many as its longest row.
    pub fn column_count(&self) -> usize {
        self.rows
            .iter()
            .map(Vec::len)
            .chain([self.header.len()])
            .max()
            .unwrap_or(0)
    }

    /// The header and then each row.
    fn all_rows(&self) -> impl Iterator<Item = &[String]> {
        std::iter::once(self.header.as_slice()).chain(self.rows.iter().map(Vec::as_slice))
    }

    /// The table laid out to `width` columns, each column at least
    /// `least[i]` wide with its padding: its lines joined, with no line
    /// break after the last, and the columns its widest line takes on a
    /// terminal (see [`visible_width`]), which may be more than `width`.
    pub fn lay_out(&self, width: usize, least: &[usize]) -> (String, usize) {
        let measured = Measured::of(self);
        let widths = measured.arrange(width, least);
        let mut out = String::with_capacity(measured.bytes + 16 * measured.lines.len());
        border(&mut out, &widths, ['┌', '─', '┬', '┐']);
        // A border is a column for each of its characters, and so is a
        // line of printable ASCII pieces, each cut to its column's width;
        // a line with any other text is measured as the terminal shows it.
        let border_width = 2
            + widths.iter().map(|w| w + 2 * PADDING).sum::<usize>()
            + widths.len().saturating_sub(1);
        let mut widest = border_width;
        // Each column's pieces of the row being written, kept from row to row.
        let mut pieces: Vec<Vec<Piece<'_>>> = vec![Vec::new(); widths.len()];
        for (r, lines) in measured.rows().enumerate() {
            for column in &mut pieces {
                column.clear();
            }
            for line in lines {
                let column = &mut pieces[line.column];
                let w = widths[line.column];
                if line.width > w {
                    split_line(line, w, column);
                } else {
                    column.push(Piece {
                        text: line.text,
                        width: line.width,
                        plain: line.plain,
                    });
                }
            }
            // A cell the row lacks is one empty line; a cell of blanks
            // wider than its column splits into none.
            let cells = lines.last().map_or(0, |l| l.column + 1);
            let height = (pieces.iter().enumerate())
                .map(|(c, p)| if c < cells { p.len() } else { 1 })
                .max()
                .unwrap_or(0);
            for i in 0..height {
                out.push('\n');
                let start = out.len();
                let mut plain = true;
                out.push('│');
                for (c, (column, &w)) in pieces.iter().zip(&widths).enumerate() {
                    if c > 0 {
                        out.push('┆');
                    }
                    let piece = column.get(i).copied().unwrap_or(Piece::EMPTY);
                    plain &= piece.plain;
                    padded(&mut out, piece, w, self.right.contains(&c));
                }
                out.push('│');
                if !plain {
                    widest = widest.max(visible_width(&out[start..]));
                }
            }
            if r == 0 {
                out.push('\n');
                border(&mut out, &widths, ['╞', '═', '╪', '╡']);
            }
        }
        out.push('\n');
        border(&mut out, &widths, ['└', '─', '┴', '┘']);
        (out, widest)
    }
}

/// One line of a cell, measured.
#[derive(Debug, Clone, Copy)]
struct Line<'a> {
    column: usize,
    text: &'a str,
    width: usize,
    /// Printable ASCII only: every piece of it is as wide as it is long.
    plain: bool,
}

/// A piece of a line as it is written in a column, its width, and
/// whether it is printable ASCII.
#[derive(Debug, Clone, Copy)]
struct Piece<'a> {
    text: &'a str,
    width: usize,
    plain: bool,
}

impl Piece<'_> {
    /// What a cell with fewer lines than its row shows below them.
    const EMPTY: Piece<'static> = Piece {
        text: "",
        width: 0,
        plain: true,
    };
}

/// Every line of a table's cells, measured once: the header's first, then
/// each row's, cell by cell.
struct Measured<'a> {
    lines: Vec<Line<'a>>,
    /// Where each row's lines start in `lines`, and where the last ends.
    row_starts: Vec<usize>,
    /// The widest line of each column's cells, at least 1 where a column
    /// has a cell.
    widest: Vec<usize>,
    /// The bytes of every cell together.
    bytes: usize,
}

impl<'a> Measured<'a> {
    fn of(grid: &'a Grid) -> Measured<'a> {
        let mut measured = Measured {
            lines: Vec::new(),
            row_starts: vec![0],
            widest: vec![0; grid.column_count()],
            bytes: 0,
        };
        for row in grid.all_rows() {
            for (column, cell) in row.iter().enumerate() {
                measured.bytes += cell.len();
                for text in cell.split('\n') {
                    let plain = is_plain(text);
                    let width = if plain { text.len() } else { text.width() };
                    measured.widest[column] = measured.widest[column].max(width.max(1));
                    measured.lines.push(Line {
                        column,
                        text,
                        width,
                        plain,
                    });
                }
            }
            measured.row_starts.push(measured.lines.len());
        }
        measured
    }

    /// Each row's lines, the header's first.
    fn rows(&self) -> impl Iterator<Item = &[Line<'a>]> {
        self.row_starts
            .windows(2)
            .map(|ends| &self.lines[ends[0]..ends[1]])
    }

    /// The width of each column's text, padding left out: comfy-table's
    /// dynamic arrangement, step by step.
    fn arrange(&self, width: usize, least: &[usize]) -> Vec<usize> {
        let widest = &self.widest;
        let columns = widest.len();
        let least = |c: usize| least.get(c).copied();
        let mut state = Arrangement {
            decided: vec![None; columns],
            remaining_width: 0,
            remaining_columns: 0,
        };
        // A column whose widest text fits within its lower bound is that wide.
        for (c, &w) in widest.iter().enumerate() {
            if let Some(least) = least(c) {
                if w + 2 * PADDING <= least {
                    state.decided[c] = Some(at_least_one(least.saturating_sub(2 * PADDING)));
                }
            }
        }
        // The borders: one on either side and one between columns.
        let borders = 2 + columns.saturating_sub(1);
        let mut remaining = width.saturating_sub(borders);
        for decided in &state.decided {
            let taken = decided.unwrap_or(0) + 2 * PADDING;
            remaining = remaining.saturating_sub(taken);
        }
        state.remaining_width = remaining;
        state.remaining_columns = state.decided.iter().filter(|d| d.is_none()).count();

        // Lower bounds above the average space.
        if state.remaining_columns > 0 {
            let mut again = true;
            'bounds: while again {
                again = false;
                for c in 0..columns {
                    if state.decided[c].is_some() {
                        continue;
                    }
                    let Some(least) = least(c) else { continue };
                    if state.average() >= least {
                        continue;
                    }
                    if !state.fix(c, at_least_one(least.saturating_sub(2 * PADDING))) {
                        break 'bounds;
                    }
                    again = true;
                }
            }
        }
        // Columns whose text fits within the average space.
        let mut found = true;
        while found {
            found = false;
            if state.remaining_columns == 0 || state.average() == 0 {
                break;
            }
            for (c, &w) in widest.iter().enumerate() {
                if state.decided[c].is_some() {
                    continue;
                }
                if w <= state.average() {
                    if !state.fix(c, w) {
                        break;
                    }
                    found = true;
                }
            }
        }
        // Columns whose text, split at the average space, leaves room.
        if state.remaining_columns > 0 {
            let mut pieces = Vec::new();
            let mut found = true;
            while found {
                found = false;
                for c in 0..columns {
                    if state.decided[c].is_some() {
                        continue;
                    }
                    let average = state.average();
                    let longest = self.longest_line_after_split(c, average, &mut pieces);
                    if average.saturating_sub(longest) >= 3 {
                        if !state.fix(c, longest) {
                            break;
                        }
                        found = true;
                    }
                }
            }
        }
        // The rest shared out evenly, the first columns a column more.
        if state.remaining_columns > 0 {
            let share = state.remaining_width.max(state.remaining_columns);
            let (each, extra) = (
                share / state.remaining_columns,
                share % state.remaining_columns,
            );
            let mut index = 0;
            for decided in &mut state.decided {
                if decided.is_none() {
                    *decided = Some(at_least_one(each + usize::from(index < extra)));
                    index += 1;
                }
            }
        }
        state.decided.into_iter().map(|w| w.unwrap_or(1)).collect()
    }

    /// The widest line of column `c` once its text is split to `room`;
    /// `pieces` is room to split a line in.
    fn longest_line_after_split(
        &self,
        c: usize,
        room: usize,
        pieces: &mut Vec<Piece<'a>>,
    ) -> usize {
        let mut longest = 0;
        for line in self.lines.iter().filter(|l| l.column == c) {
            if line.width > room {
                pieces.clear();
                split_line(line, at_least_one(room), pieces);
                longest = pieces.iter().map(|p| p.width).fold(longest, usize::max);
            } else {
                longest = longest.max(line.width);
            }
        }
        longest
    }
}

/// The columns decided so far, and the room left for the others.
struct Arrangement {
    decided: Vec<Option<usize>>,
    remaining_width: usize,
    remaining_columns: usize,
}

impl Arrangement {
    /// The room left for each undecided column.
    fn average(&self) -> usize {
        self.remaining_width
            .checked_div(self.remaining_columns)
            .unwrap_or(0)
    }

    /// Column `c` is `width` wide; false when no column is left undecided.
    fn fix(&mut self, c: usize, width: usize) -> bool {
        self.decided[c] = Some(at_least_one(width));
        self.remaining_width = self.remaining_width.saturating_sub(width);
        self.remaining_columns -= 1;
        self.remaining_columns > 0
    }
}

/// A column's text is never narrower than one column.
fn at_least_one(width: usize) -> usize {
    width.max(1)
}

/// Printable ASCII only, a column a byte.
fn is_plain(text: &str) -> bool {
    text.bytes().all(|b| (0x20..0x7f).contains(&b))
}

/// The columns `text` takes, as comfy-table measures it: printable ASCII a
/// column a byte, anything else by Unicode's widths.
fn text_width(text: &str) -> usize {
    if is_plain(text) {
        text.len()
    } else {
        text.width()
    }
}

/// `piece` with its padding, aligned in `width` columns, at the end of `out`.
fn padded(out: &mut String, piece: Piece<'_>, width: usize, right: bool) {
    let room = width.saturating_sub(piece.width);
    let (left, right) = if right { (room, 0) } else { (0, room) };
    repeated(out, BLANKS, PADDING + left);
    out.push_str(piece.text);
    repeated(out, BLANKS, right + PADDING);
}

/// Runs of one character, [`RUN`] long, to write many at once.
const RUN: usize = 32;
const BLANKS: &str = "                                ";
const LIGHT: &str = "────────────────────────────────";
const DOUBLE: &str = "════════════════════════════════";

/// `n` copies of the character `run` repeats, at the end of `out`.
fn repeated(out: &mut String, run: &str, n: usize) {
    let each = run.len() / RUN;
    let mut left = n;
    while left > 0 {
        let count = left.min(RUN);
        out.push_str(&run[..count * each]);
        left -= count;
    }
}

/// A horizontal border: `[left, fill, between, right]`, the fill `─` or `═`.
fn border(out: &mut String, widths: &[usize], [left, fill, between, right]: [char; 4]) {
    let run = if fill == '═' { DOUBLE } else { LIGHT };
    out.push(left);
    for (c, &w) in widths.iter().enumerate() {
        if c > 0 {
            out.push(between);
        }
        repeated(out, run, w + 2 * PADDING);
    }
    out.push(right);
}

/// A line filled with a margin: a line is cut once fewer than this many
/// columns are left on it.
const MIN_FREE: usize = 2;

/// `line` split at its spaces into lines of at most `width` columns, as
/// comfy-table splits it, each pushed on `pieces`: a word too long for a
/// line is cut, and a line is closed once it has two columns or fewer left.
/// Each piece is a piece of `line`: its words are one space apart there too.
fn split_line<'a>(line: &Line<'a>, width: usize, pieces: &mut Vec<Piece<'a>>) {
    let text = line.text;
    let measure = |part: &str| {
        if line.plain {
            part.len()
        } else {
            text_width(part)
        }
    };
    let mut push = |part: &'a str| {
        pieces.push(Piece {
            text: part,
            width: measure(part),
            plain: line.plain,
        });
    };
    // Where the next word starts; past the end once every word is taken.
    let mut next_at = 0;
    // A word put back to be placed again (whole, or the tail of a word
    // cut in two), with where it starts; it comes before the next one.
    let mut put_back: Option<(usize, &'a str)> = None;
    // The line being filled is `text[start..end]`, empty when they meet.
    let (mut start, mut end, mut current_width) = (0, 0, 0);
    loop {
        let (at, word) = match put_back.take() {
            Some(put_back) => put_back,
            None if next_at <= text.len() => {
                let at = next_at;
                let len = text.as_bytes()[at..]
                    .iter()
                    .position(|&b| b == b' ')
                    .unwrap_or(text.len() - at);
                next_at += len + 1;
                (at, &text[at..at + len])
            }
            None => break,
        };
        let empty = start == end;
        let word_width = measure(word);
        let gap = usize::from(!empty);
        let room = width.saturating_sub(current_width).saturating_sub(gap);
        if current_width + gap + word_width <= width {
            // The word joins the line, after the space before it.
            if empty {
                start = at;
            }
            end = at + word.len();
            current_width += gap + word_width;
            if current_width > width.saturating_sub(MIN_FREE) {
                push(&text[start..end]);
                (start, current_width) = (end, 0);
            }
            continue;
        }
        if !empty && room <= MIN_FREE {
            put_back = Some((at, word));
            push(&text[start..end]);
            (start, current_width) = (end, 0);
            continue;
        }
        if word_width > width {
            let (head, tail) = split_long_word(room, word);
            let tail_at = at + head.len();
            if empty && head.is_empty() {
                // Not even one character fits: one goes on the line anyway.
                let first = tail.chars().next().map_or(0, char::len_utf8);
                push(&text[tail_at..tail_at + first]);
                put_back = Some((tail_at + first, &tail[first..]));
            } else {
                let from = if empty { at } else { start };
                push(&text[from..tail_at]);
                put_back = Some((tail_at, tail));
            }
            (start, end, current_width) = (0, 0, 0);
            continue;
        }
        push(&text[start..end]);
        (start, end, current_width) = (at, at + word.len(), word_width);
        if current_width > width.saturating_sub(MIN_FREE) {
            push(&text[start..end]);
            (start, current_width) = (end, 0);
        }
    }
    if start != end {
        push(&text[start..end]);
    }
}

/// A word cut after at most `room` columns, between characters as a
/// reader sees them.
fn split_long_word(room: usize, word: &str) -> (&str, &str) {
    if is_plain(word) {
        return word.split_at(word.len().min(room));
    }
    let mut used = 0;
    let mut at = word.len();
    for (index, grapheme) in word.grapheme_indices(true) {
        let w = grapheme.width();
        if used + w > room {
            at = index;
            break;
        }
        used += w;
    }
    word.split_at(at)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// The same table laid out by comfy-table, as the tool laid it out
    /// before it had a layout of its own.
    fn by_comfy_table(grid: &Grid, width: usize, least: &[usize]) -> String {
        use comfy_table::{
            presets::UTF8_FULL_CONDENSED, CellAlignment, ColumnConstraint, ContentArrangement,
            Table, Width,
        };
        let mut t = Table::new();
        t.load_style(UTF8_FULL_CONDENSED)
            .set_header(grid.header().to_vec())
            .set_content_arrangement(ContentArrangement::Dynamic)
            .set_width(u16::try_from(width).expect("small"))
            .force_no_tty();
        for row in grid.rows() {
            t.add_row(row.clone());
        }
        for (c, &least) in least.iter().enumerate() {
            if let Some(column) = t.column_mut(c) {
                let least = u16::try_from(least).expect("small");
                column.set_constraint(ColumnConstraint::LowerBoundary(Width::Fixed(least)));
                if grid.right.contains(&c) {
                    column.set_cell_alignment(CellAlignment::Right);
                }
            }
        }
        t.to_string()
    }

    fn cell() -> impl Strategy<Value = String> {
        // Short and long words, blanks in a row, line breaks, wide and
        // combining characters, an emoji sequence, colour codes.
        let word = prop_oneof![
            "[a-z]{1,6}",
            "[a-z]{8,30}",
            Just(String::new()),
            " {2,9}",
            Just("北京人工智能".to_owned()),
            Just("e\u{301}".to_owned()),
            Just("🙂\u{200d}↕\u{fe0f}".to_owned()),
            Just("\u{1b}[1mbold\u{1b}[0m".to_owned()),
            Just("…".to_owned()),
        ];
        proptest::collection::vec((word, prop_oneof![Just(" "), Just("\n")]), 0..8).prop_map(
            |parts| {
                let mut text: String = parts
                    .into_iter()
                    .flat_map(|(w, s)| [w, s.to_owned()])
                    .collect();
                text.pop();
                text
            },
        )
    }

    fn grid() -> impl Strategy<Value = (Grid, usize, Vec<usize>)> {
        (1usize..6)
            .prop_flat_map(|columns| {
                (
                    proptest::collection::vec("[A-Za-z ]{0,12}", columns),
                    proptest::collection::vec(
                        proptest::collection::vec(cell(), 0..=columns + 1),
                        0..5,
                    ),
                    proptest::collection::vec(0usize..columns, 0..3),
                    0usize..160,
                    proptest::collection::vec(0usize..40, columns),
                )
            })
            .prop_map(|(header, rows, right, width, least)| {
                let header: Vec<&str> = header.iter().map(String::as_str).collect();
                let mut grid = Grid::new(&header);
                for row in rows {
                    grid.add_row(row);
                }
                grid.align_right(&right);
                (grid, width, least)
            })
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2000))]

        // Any table, any width, any lower bounds: the same bytes as
        // comfy-table's.
        #[test]
        fn a_table_is_laid_out_as_comfy_table_lays_it_out((grid, width, least) in grid()) {
            let (text, widest) = grid.lay_out(width, &least);
            prop_assert_eq!(widest, text.lines().map(visible_width).max().unwrap_or(0));
            prop_assert_eq!(text, by_comfy_table(&grid, width, &least));
        }
    }

    #[test]
    fn each_run_of_one_character_is_as_long_as_the_others() {
        for run in [BLANKS, LIGHT, DOUBLE] {
            assert_eq!(run.chars().count(), RUN);
            assert!(run.chars().all(|c| run.starts_with(c)));
        }
    }

    #[test]
    fn a_row_of_blanks_too_wide_for_its_columns_takes_no_line() {
        for (header, row, width) in [
            (vec!["A"], vec!["     "], 6),
            (vec!["A", "B"], vec!["     ", "      "], 9),
        ] {
            let mut grid = Grid::new(&header);
            grid.add_row(row);
            let least = vec![2; header.len()];
            let (text, _) = grid.lay_out(width, &least);
            assert_eq!(text, by_comfy_table(&grid, width, &least));
            assert_eq!(text.lines().count(), 4, "{text}");
        }
        // A cell the row lacks still takes its line.
        let mut grid = Grid::new(&["A", "B"]);
        grid.add_row(["     "]);
        let (text, _) = grid.lay_out(9, &[2, 2]);
        assert_eq!(text, by_comfy_table(&grid, 9, &[2, 2]));
        assert_eq!(text.lines().count(), 5, "{text}");
    }

    #[test]
    fn a_table_without_columns_is_as_wide_as_its_corners() {
        let (text, widest) = Grid::new(&[]).lay_out(1, &[]);
        assert_eq!(text, "┌┐\n╞╡\n└┘");
        assert_eq!(widest, 2);
    }

    #[test]
    fn a_table_is_boxed_with_its_header_ruled_off() {
        let mut grid = Grid::new(&["Name", "Score"]);
        grid.add_row(["Northwind", "49.6"]);
        grid.add_row(["Harbor", "71.3"]);
        grid.align_right(&[1]);
        assert_eq!(
            grid.lay_out(40, &[11, 7]).0,
            "┌───────────┬───────┐\n\
             │ Name      ┆ Score │\n\
             ╞═══════════╪═══════╡\n\
             │ Northwind ┆  49.6 │\n\
             │ Harbor    ┆  71.3 │\n\
             └───────────┴───────┘"
        );
    }
}
