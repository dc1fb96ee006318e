//! The terminal's boxed tables: a header, rows of cells, and a layout to a
//! width. The layout is comfy-table's (its `UTF8_FULL_CONDENSED` style and
//! its dynamic arrangement with a lower bound on each column), made here
//! for the one way the tool uses it, byte for byte the same; a property
//! test compares the two. Laid out by comfy-table, the tables were a third
//! of a small run's instructions, most of them measuring the same text
//! again and again.

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
    /// `least[i]` wide with its padding; its lines joined, with no line
    /// break after the last.
    pub fn lay_out(&self, width: usize, least: &[usize]) -> String {
        let widths = self.arrange(width, least);
        let mut out = String::new();
        border(&mut out, &widths, ['┌', '─', '┬', '┐']);
        for (i, row) in self.all_rows().enumerate() {
            for line in self.row_lines(row, &widths) {
                out.push('\n');
                out.push('│');
                for (c, part) in line.iter().enumerate() {
                    if c > 0 {
                        out.push('┆');
                    }
                    out.push_str(part);
                }
                out.push('│');
            }
            if i == 0 {
                out.push('\n');
                border(&mut out, &widths, ['╞', '═', '╪', '╡']);
            }
        }
        out.push('\n');
        border(&mut out, &widths, ['└', '─', '┴', '┘']);
        out
    }

    /// The widest line of each column's cells, at least 1 where a column
    /// has a cell.
    fn widest(&self) -> Vec<usize> {
        let mut widest = vec![0; self.column_count()];
        for row in self.all_rows() {
            for (c, cell) in row.iter().enumerate() {
                let w = cell.split('\n').map(text_width).max().unwrap_or(0);
                widest[c] = widest[c].max(w.max(1));
            }
        }
        widest
    }

    /// The width of each column's text, padding left out: comfy-table's
    /// dynamic arrangement, step by step.
    fn arrange(&self, width: usize, least: &[usize]) -> Vec<usize> {
        let widest = self.widest();
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
            let mut found = true;
            while found {
                found = false;
                for c in 0..columns {
                    if state.decided[c].is_some() {
                        continue;
                    }
                    let average = state.average();
                    let longest = self.longest_line_after_split(c, average);
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

    /// The widest line of column `c` once its text is split to `room`.
    fn longest_line_after_split(&self, c: usize, room: usize) -> usize {
        let mut longest = 0;
        for row in self.all_rows() {
            let Some(cell) = row.get(c) else { continue };
            for line in cell.split('\n') {
                let w = text_width(line);
                if w > room {
                    for part in split_line(line, at_least_one(room)) {
                        longest = longest.max(text_width(part));
                    }
                } else {
                    longest = longest.max(w);
                }
            }
        }
        longest
    }

    /// A row's cells as lines of padded parts, one part per column; a
    /// cell shorter than the others is filled with blanks.
    fn row_lines(&self, row: &[String], widths: &[usize]) -> Vec<Vec<String>> {
        let mut cells: Vec<Vec<String>> = Vec::with_capacity(widths.len());
        for (c, &w) in widths.iter().enumerate() {
            let Some(cell) = row.get(c) else {
                cells.push(vec![padded("", w, false)]);
                continue;
            };
            let mut lines = Vec::new();
            for line in cell.split('\n') {
                if text_width(line) > w {
                    lines.extend(split_line(line, w));
                } else {
                    lines.push(line);
                }
            }
            let right = self.right.contains(&c);
            cells.push(lines.into_iter().map(|l| padded(l, w, right)).collect());
        }
        let height = cells.iter().map(Vec::len).max().unwrap_or(0);
        (0..height)
            .map(|i| {
                cells
                    .iter()
                    .zip(widths)
                    .map(|(lines, &w)| {
                        lines
                            .get(i)
                            .cloned()
                            .unwrap_or_else(|| padded("", w, false))
                    })
                    .collect()
            })
            .collect()
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

/// The columns `text` takes, as comfy-table measures it: printable ASCII a
/// column a byte, anything else by Unicode's widths.
fn text_width(text: &str) -> usize {
    if text.bytes().all(|b| (0x20..0x7f).contains(&b)) {
        text.len()
    } else {
        UnicodeWidthStr::width(text)
    }
}

/// `line` with its padding, aligned in `width` columns.
fn padded(line: &str, width: usize, right: bool) -> String {
    let room = width.saturating_sub(text_width(line));
    let (left, right) = if right { (room, 0) } else { (0, room) };
    let mut out = String::with_capacity(line.len() + room + 2 * PADDING);
    blanks(&mut out, PADDING + left);
    out.push_str(line);
    blanks(&mut out, right + PADDING);
    out
}

/// `n` blanks at the end of `out`.
fn blanks(out: &mut String, n: usize) {
    const BLANKS: &str = "                                                                ";
    let mut left = n;
    while left > 0 {
        let run = left.min(BLANKS.len());
        out.push_str(&BLANKS[..run]);
        left -= run;
    }
}

/// A horizontal border: `[left, fill, between, right]`.
fn border(out: &mut String, widths: &[usize], [left, fill, between, right]: [char; 4]) {
    let mut fill_text = [0; 4];
    let fill_text: &str = fill.encode_utf8(&mut fill_text);
    out.push(left);
    for (c, &w) in widths.iter().enumerate() {
        if c > 0 {
            out.push(between);
        }
        for _ in 0..w + 2 * PADDING {
            out.push_str(fill_text);
        }
    }
    out.push(right);
}

/// A line filled with a margin: a line is cut once fewer than this many
/// columns are left on it.
const MIN_FREE: usize = 2;

/// `line` split at its spaces into lines of at most `width` columns, as
/// comfy-table splits it: a word too long for a line is cut, and a line is
/// closed once it has two columns or fewer left. Each line is a piece of
/// `line`: its words are one space apart there too.
fn split_line(line: &str, width: usize) -> Vec<&str> {
    let mut lines = Vec::new();
    let mut words = line.split(' ');
    // Where the next word of `words` starts.
    let mut next_at = 0;
    // A word put back to be placed again (whole, or the tail of a word
    // cut in two), with where it starts; it comes before the next one.
    let mut put_back: Option<(usize, &str)> = None;
    // The line being filled is `line[start..end]`, empty when they meet.
    let (mut start, mut end, mut current_width) = (0, 0, 0);
    loop {
        let (at, word) = match put_back.take() {
            Some(put_back) => put_back,
            None => match words.next() {
                Some(word) => {
                    let at = next_at;
                    next_at += word.len() + 1;
                    (at, word)
                }
                None => break,
            },
        };
        let empty = start == end;
        let word_width = text_width(word);
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
                lines.push(&line[start..end]);
                (start, current_width) = (end, 0);
            }
            continue;
        }
        if !empty && room <= MIN_FREE {
            put_back = Some((at, word));
            lines.push(&line[start..end]);
            (start, current_width) = (end, 0);
            continue;
        }
        if word_width > width {
            let (head, tail) = split_long_word(room, word);
            let tail_at = at + head.len();
            if empty && head.is_empty() {
                // Not even one character fits: one goes on the line anyway.
                let first = tail.chars().next().map_or(0, char::len_utf8);
                lines.push(&line[tail_at..tail_at + first]);
                put_back = Some((tail_at + first, &tail[first..]));
            } else {
                let from = if empty { at } else { start };
                lines.push(&line[from..tail_at]);
                put_back = Some((tail_at, tail));
            }
            (start, end, current_width) = (0, 0, 0);
            continue;
        }
        lines.push(&line[start..end]);
        (start, end, current_width) = (at, at + word.len(), word_width);
        if current_width > width.saturating_sub(MIN_FREE) {
            lines.push(&line[start..end]);
            (start, current_width) = (end, 0);
        }
    }
    if start != end {
        lines.push(&line[start..end]);
    }
    lines
}

/// A word cut after at most `room` columns, between characters as a
/// reader sees them.
fn split_long_word(room: usize, word: &str) -> (&str, &str) {
    if word.bytes().all(|b| (0x20..0x7f).contains(&b)) {
        return word.split_at(word.len().min(room));
    }
    let mut used = 0;
    let mut at = word.len();
    for (index, grapheme) in word.grapheme_indices(true) {
        let w = UnicodeWidthStr::width(grapheme);
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
            prop_assert_eq!(grid.lay_out(width, &least), by_comfy_table(&grid, width, &least));
        }
    }

    #[test]
    fn a_table_is_boxed_with_its_header_ruled_off() {
        let mut grid = Grid::new(&["Name", "Score"]);
        grid.add_row(["Northwind", "49.6"]);
        grid.add_row(["Harbor", "71.3"]);
        grid.align_right(&[1]);
        assert_eq!(
            grid.lay_out(40, &[11, 7]),
            "┌───────────┬───────┐\n\
             │ Name      ┆ Score │\n\
             ╞═══════════╪═══════╡\n\
             │ Northwind ┆  49.6 │\n\
             │ Harbor    ┆  71.3 │\n\
             └───────────┴───────┘"
        );
    }
}
