//! How many columns text takes on a terminal: what a wrapped line or a
//! table's line is measured by, in one place for the formats that lay
//! text out.

/// The columns `text` takes on a terminal, less any colour codes: a wide
/// character (CJK, most emoji) takes two, a combining mark none.
pub fn visible_width(text: &str) -> usize {
    // Printable ASCII and box drawing (U+2500 to U+257F, three bytes that
    // start E2 94 or E2 95) take a column each, counted by bytes: most
    // text, and the borders of a table's lines measured after layout (those
    // with text beyond printable ASCII); any other character is looked up.
    let bytes = text.as_bytes();
    let (mut width, mut at) = (0, 0);
    while let Some(&byte) = bytes.get(at) {
        // Eight bytes of printable ASCII at a time: eight columns.
        if let Some(eight) = bytes.get(at..at + 8) {
            if all_printable_ascii(u64::from_le_bytes(eight.try_into().unwrap_or_default())) {
                at += 8;
                width += 8;
                continue;
            }
        }
        match byte {
            b' '..=b'~' => {
                at += 1;
                width += 1;
            }
            0xE2 if matches!(bytes.get(at + 1), Some(0x94 | 0x95)) => {
                at += 3;
                width += 1;
            }
            // A colour code, up to the `m` that ends it, takes none.
            0x1b => match crate::byte_search::find(b'm', &bytes[at..]) {
                Some(end) => at += end + 1,
                None => break,
            },
            _ => {
                let c = text[at..].chars().next().unwrap_or_default();
                at += c.len_utf8();
                width += columns(c);
            }
        }
    }
    width
}

/// Whether each of the eight bytes of `word` is printable ASCII, from a
/// space (0x20) to a tilde (0x7E).
fn all_printable_ascii(word: u64) -> bool {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = ONES * 0x80;
    if word & HIGH != 0 {
        return false;
    }
    // Every byte is below 0x80, so no sum carries into the next byte: a
    // byte plus 0x60 keeps its high bit clear only when it is below 0x20,
    // and a byte plus one sets it only when it is 0x7F (delete).
    let below_space = !(word + ONES * 0x60) & HIGH;
    let delete = (word + ONES) & HIGH;
    below_space | delete == 0
}

/// The columns one character takes on a terminal.
pub fn columns(c: char) -> usize {
    unicode_width::UnicodeWidthChar::width(c).unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The columns `text` takes, a character at a time: what
    /// [`visible_width`] counts faster.
    fn width_of_characters(text: &str) -> usize {
        let mut width = 0;
        let mut in_escape = false;
        for c in text.chars() {
            match (in_escape, c) {
                (false, '\u{1b}') => in_escape = true,
                (true, 'm') => in_escape = false,
                (true, _) => {}
                (false, _) => width += columns(c),
            }
        }
        width
    }

    // Counted by bytes or a character at a time, any text measures the
    // same: borders and their neighbours (U+24FF, U+2580), other
    // characters that start E2 (a zero-width space, a wide radical), wide
    // and combining characters, colour codes.
    proptest::proptest! {
        #[test]
        fn text_measures_the_same_by_bytes_as_by_characters(
            text in "[ a~\u{2500}\u{257f}\u{2524}\u{24ff}\u{2580}\u{2026}\u{200b}\u{2e80}\u{1b}m北\u{301}\t]{0,24}",
        ) {
            proptest::prop_assert_eq!(visible_width(&text), width_of_characters(&text));
        }
    }

    #[test]
    fn eight_bytes_are_printable_ascii_only_when_each_is() {
        for byte in 0..=u8::MAX {
            for at in 0..8 {
                let mut eight = *b"abcdefgh";
                eight[at] = byte;
                assert_eq!(
                    all_printable_ascii(u64::from_le_bytes(eight)),
                    (0x20..0x7f).contains(&byte),
                    "{byte:#x} at {at}"
                );
            }
        }
    }

    #[test]
    fn a_table_line_is_a_column_for_each_border_and_letter() {
        assert_eq!(visible_width("┌──┬─┐"), 6);
        assert_eq!(visible_width("│ a ┆ b │"), 9);
        assert_eq!(visible_width("╞══╪═╡"), 6);
        assert_eq!(visible_width("│ … │"), 5);
    }

    #[test]
    fn colour_codes_take_no_columns() {
        assert_eq!(visible_width("\u{1b}[1mbold\u{1b}[0m"), 4);
    }
}
