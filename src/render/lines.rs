//! No line the tool prints can be read as a GitHub workflow command. The
//! Actions runner reads any line of a job's log that begins with `::`
//! after blanks as a command (`::error::`, `::add-mask::`, `::stop-commands::`),
//! and text from outside (a name wrapped onto a line of its own, a path, a
//! message) could begin one. So every line is guarded where it is written,
//! not field by field: a `\` goes before a leading `::`. In Markdown `\:`
//! shows as `:`, so a reader there sees the text unchanged.
//!
//! Written without the guard: `--format github`, whose lines are the tool's
//! own commands with every outside text escaped by GitHub's rules, and the
//! JSON formats, whose lines cannot begin with `::` (see
//! `Report::write_to`).
//!
//! The runner also reads the older form `##[command]` anywhere in a line,
//! and outside text (a pilot's name, a commit's subject) could hold one.
//! [`Legacy`] breaks every `##[` in every format but GitHub's own commands,
//! in the way the format allows: `##\[` in text and Markdown (which shows
//! `[`), `##\u005b` in JSON (where `##[` can only be inside a string), and
//! `##&#91;` in HTML and XML.

use std::io::{self, Write};

/// Where the guard is in the current line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum State {
    /// Only blanks so far (or nothing).
    Start,
    /// Blanks, then one `:` held back until the next byte says whether it
    /// starts a command.
    Colon,
    /// Past the line's first visible character.
    Middle,
}

/// A writer that puts `\` before `::` at the start of any line.
#[derive(Debug)]
pub struct Guarded<W: Write> {
    inner: W,
    state: State,
    /// The bytes of a character at a line's start, split between writes.
    partial: Vec<u8>,
}

impl<W: Write> Guarded<W> {
    pub fn new(inner: W) -> Guarded<W> {
        Guarded {
            inner,
            state: State::Start,
            partial: Vec::new(),
        }
    }

    /// Writes what is held back (a last lone `:`), and gives the writer back.
    pub fn finish(mut self) -> io::Result<W> {
        if self.state == State::Colon {
            self.inner.write_all(b":")?;
        }
        self.inner.write_all(&self.partial)?;
        Ok(self.inner)
    }

    /// Writes `buf` to the inner writer, a backslash before any `::` that would
    /// begin a line. What needs no backslash is written in runs as long as
    /// possible: a pretty-printed report has a short line for every value,
    /// and a write for each was most of the cost of printing it.
    fn guard(&mut self, buf: &[u8]) -> io::Result<()> {
        let mut i = 0;
        // The start of what is read but not yet written.
        let mut pending = 0;
        if !self.partial.is_empty() {
            // A character at a line's start that the last write split.
            while i < buf.len() && first_char(&self.partial) == Decoded::Incomplete {
                self.partial.push(buf[i]);
                i += 1;
            }
            match first_char(&self.partial) {
                Decoded::Incomplete => return Ok(()),
                decoded => {
                    self.inner.write_all(&self.partial)?;
                    self.partial.clear();
                    if !decoded.is_blank() {
                        self.state = State::Middle;
                    }
                }
            }
            pending = i;
        }
        if self.state == State::Colon && i < buf.len() {
            // The held-back `:` of the last write; a second one follows it.
            self.inner
                .write_all(if buf[i] == b':' { b"\\:" } else { b":" })?;
            self.state = State::Middle;
        }
        while i < buf.len() {
            match self.state {
                State::Middle => match crate::byte_search::find(b'\n', &buf[i..]) {
                    Some(at) => {
                        i += at + 1;
                        self.state = State::Start;
                    }
                    None => i = buf.len(),
                },
                State::Colon => break,
                State::Start => match buf[i] {
                    blank if is_ascii_blank(blank) => i += 1,
                    b':' => match buf.get(i + 1) {
                        Some(b':') => {
                            self.inner.write_all(&buf[pending..i])?;
                            self.inner.write_all(b"\\")?;
                            pending = i;
                            i += 2;
                            self.state = State::Middle;
                        }
                        Some(_) => {
                            i += 1;
                            self.state = State::Middle;
                        }
                        None => {
                            // The next write says whether it starts a command.
                            self.inner.write_all(&buf[pending..i])?;
                            i += 1;
                            pending = i;
                            self.state = State::Colon;
                        }
                    },
                    byte if byte.is_ascii() => self.state = State::Middle,
                    _ => match first_char(&buf[i..]) {
                        Decoded::Incomplete => {
                            self.inner.write_all(&buf[pending..i])?;
                            self.partial.extend_from_slice(&buf[i..]);
                            i = buf.len();
                            pending = i;
                        }
                        decoded => {
                            i += decoded.len();
                            // The runner trims every kind of blank, not only spaces.
                            if !decoded.is_blank() {
                                self.state = State::Middle;
                            }
                        }
                    },
                },
            }
        }
        self.inner.write_all(&buf[pending..])
    }
}

/// The first character of some bytes, as far as they go.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Decoded {
    Char(char),
    /// Bytes that are no character, taken as one of this length.
    Invalid(usize),
    /// The start of a character whose other bytes are still to come.
    Incomplete,
}

impl Decoded {
    fn is_blank(self) -> bool {
        matches!(self, Decoded::Char(c) if c.is_whitespace())
    }

    fn len(self) -> usize {
        match self {
            Decoded::Char(c) => c.len_utf8(),
            Decoded::Invalid(len) => len,
            Decoded::Incomplete => 0,
        }
    }
}

fn first_char(bytes: &[u8]) -> Decoded {
    let head = &bytes[..bytes.len().min(4)];
    let valid = match std::str::from_utf8(head) {
        Ok(text) => text,
        Err(e) if e.valid_up_to() > 0 => {
            std::str::from_utf8(&head[..e.valid_up_to()]).unwrap_or_default()
        }
        Err(e) => {
            return match e.error_len() {
                Some(len) => Decoded::Invalid(len),
                None => Decoded::Incomplete,
            }
        }
    };
    valid
        .chars()
        .next()
        .map_or(Decoded::Incomplete, Decoded::Char)
}

/// The ASCII characters `char::is_whitespace` counts as blanks (a line
/// feed among them: an empty line leaves the next at its start).
fn is_ascii_blank(byte: u8) -> bool {
    matches!(byte, b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c)
}

impl<W: Write> Write for Guarded<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.guard(buf)?;
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        self.inner.flush()
    }
}

/// `text` (plain text) with every line guarded, and every `##[` broken.
pub fn guarded(text: &str) -> String {
    let legacy = Legacy::new(Vec::with_capacity(text.len()), Mark::Backslash);
    let mut guard = Guarded::new(legacy);
    let written = guard.guard(text.as_bytes());
    debug_assert!(written.is_ok(), "writing into memory cannot fail");
    let out = guard.finish().map(Legacy::into_inner).unwrap_or_default();
    // Only ASCII is inserted, before or for an ASCII character: still UTF-8.
    String::from_utf8(out).unwrap_or_default()
}

/// Breaks every `##[` in `bytes` from `from` on, as [`Legacy`] would have
/// written them: for a report rendered into memory on a worker thread and
/// copied out whole later, so that the copy need not look at each byte
/// again on the one thread that writes the output.
pub fn break_in_place(bytes: &mut Vec<u8>, from: usize, mark: Mark) {
    let tail = &bytes[from..];
    if older_command(tail).is_none() {
        return;
    }
    let mut legacy = Legacy::new(Vec::with_capacity(tail.len() + 8), mark);
    // Writing into memory cannot fail.
    let _ = legacy.write_all(tail);
    let broken = legacy.into_inner();
    bytes.truncate(from);
    bytes.extend_from_slice(&broken);
}

/// Where the first `##[` in `bytes` starts, if any. It looks for `#`,
/// which JSON and most text hold few of, rather than for `[`, which every
/// JSON list opens with.
fn older_command(bytes: &[u8]) -> Option<usize> {
    let mut from = 0;
    while let Some(at) = crate::byte_search::find(b'#', &bytes[from..]) {
        let hash = from + at;
        if bytes.get(hash + 1) == Some(&b'#') && bytes.get(hash + 2) == Some(&b'[') {
            return Some(hash);
        }
        from = hash + 1;
    }
    None
}

/// How a `##[` is broken, by the format it is written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mark {
    /// Text and Markdown: `##\[`.
    Backslash,
    /// JSON, inside a string: `##\u005b`.
    Json,
    /// HTML and XML: `##&#91;`.
    Markup,
}

impl Mark {
    /// The mark for a report written in `format`.
    pub fn of(format: crate::vocabulary::Format) -> Mark {
        use crate::vocabulary::Format;
        match format {
            Format::Json | Format::Sarif | Format::Codeclimate => Mark::Json,
            Format::Html | Format::Junit => Mark::Markup,
            Format::Table | Format::Markdown | Format::Github => Mark::Backslash,
        }
    }

    fn bracket(self) -> &'static [u8] {
        match self {
            Mark::Backslash => b"\\[",
            Mark::Json => b"\\u005b",
            Mark::Markup => b"&#91;",
        }
    }
}

/// A writer that breaks every `##[`, the runner's older form of a workflow
/// command, wherever it stands: the `[` after two `#` is written as
/// [`Mark`] says. Only the last two bytes written are remembered, so a `##[`
/// split between writes is broken too.
#[derive(Debug)]
pub struct Legacy<W: Write> {
    inner: W,
    mark: Mark,
    /// The last two bytes written, oldest first.
    last: [u8; 2],
}

impl<W: Write> Legacy<W> {
    pub fn new(inner: W, mark: Mark) -> Legacy<W> {
        Legacy {
            inner,
            mark,
            last: [0; 2],
        }
    }

    pub fn into_inner(self) -> W {
        self.inner
    }
}

impl<W: Write> Write for Legacy<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        let mut start = 0;
        // A `##[` begun by the last write.
        let across = match buf {
            [b'[', ..] if self.last == *b"##" => Some(0),
            [b'#', b'[', ..] if self.last[1] == b'#' => Some(1),
            _ => None,
        };
        if let Some(bracket) = across {
            self.inner.write_all(&buf[..bracket])?;
            self.inner.write_all(self.mark.bracket())?;
            start = bracket + 1;
        }
        while let Some(at) = older_command(&buf[start..]) {
            let bracket = start + at + 2;
            self.inner.write_all(&buf[start..bracket])?;
            self.inner.write_all(self.mark.bracket())?;
            start = bracket + 1;
        }
        self.inner.write_all(&buf[start..])?;
        match buf {
            [.., a, b] => self.last = [*a, *b],
            [b] => self.last = [self.last[1], *b],
            [] => {}
        }
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        self.inner.flush()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_line_that_would_start_a_command_is_escaped_and_no_other() {
        assert_eq!(guarded("::error::x"), "\\::error::x");
        assert_eq!(
            guarded("a ::b\n  ::warning::w\n\u{3000}\t::x\n: :y\n:"),
            "a ::b\n  \\::warning::w\n\u{3000}\t\\::x\n: :y\n:"
        );
        assert_eq!(guarded("Acme\n::"), "Acme\n\\::");
        assert_eq!(
            guarded("\r\x0b\x0c \t::x\n\n::"),
            "\r\x0b\x0c \t\\::x\n\n\\::"
        );
        assert_eq!(guarded("\u{85}::x\né::y"), "\u{85}\\::x\né::y");
        assert_eq!(guarded(""), "");
    }

    #[test]
    fn a_command_split_between_writes_is_still_escaped() {
        let text = "x\n \u{3000}::warning::y\n::\n";
        for cut in 0..=text.len() {
            let mut guard = Guarded::new(Vec::new());
            guard.write_all(&text.as_bytes()[..cut]).expect("write");
            guard.write_all(&text.as_bytes()[cut..]).expect("write");
            let out = guard.finish().expect("finish");
            assert_eq!(
                String::from_utf8(out).expect("UTF-8"),
                guarded(text),
                "cut at {cut}"
            );
        }
        assert_eq!(guarded(text), "x\n \u{3000}\\::warning::y\n\\::\n");
    }

    /// What the guard must do, line by line: a backslash before a `::`
    /// that follows only blanks.
    fn reference(text: &str) -> String {
        text.split('\n')
            .map(|line| {
                let blanks = line.len() - line.trim_start().len();
                if line[blanks..].starts_with("::") {
                    format!("{}\\{}", &line[..blanks], &line[blanks..])
                } else {
                    line.to_owned()
                }
            })
            .collect::<Vec<_>>()
            .join("\n")
    }

    #[test]
    fn the_older_form_of_a_command_is_broken_anywhere_in_each_format() {
        let text = "pilot ##[error]leaked; ##[ and #[ and ###[x";
        let broken = |mark: Mark| {
            let mut legacy = Legacy::new(Vec::new(), mark);
            legacy.write_all(text.as_bytes()).expect("write");
            String::from_utf8(legacy.into_inner()).expect("UTF-8")
        };
        assert_eq!(
            broken(Mark::Backslash),
            "pilot ##\\[error]leaked; ##\\[ and #[ and ###\\[x"
        );
        assert_eq!(
            broken(Mark::Json),
            "pilot ##\\u005berror]leaked; ##\\u005b and #[ and ###\\u005bx"
        );
        assert_eq!(
            broken(Mark::Markup),
            "pilot ##&#91;error]leaked; ##&#91; and #[ and ###&#91;x"
        );
        // Split between writes, anywhere.
        for cut in 0..=text.len() {
            let mut legacy = Legacy::new(Vec::new(), Mark::Backslash);
            legacy.write_all(&text.as_bytes()[..cut]).expect("write");
            legacy.write_all(&text.as_bytes()[cut..]).expect("write");
            let out = String::from_utf8(legacy.into_inner()).expect("UTF-8");
            assert_eq!(out, broken(Mark::Backslash), "cut at {cut}");
        }
        // One byte at a time.
        let mut legacy = Legacy::new(Vec::new(), Mark::Json);
        for byte in text.bytes() {
            legacy.write_all(&[byte]).expect("write");
        }
        let out = String::from_utf8(legacy.into_inner()).expect("UTF-8");
        assert_eq!(out, broken(Mark::Json));
        assert_eq!(guarded("::x ##[y"), "\\::x ##\\[y");
    }

    proptest::proptest! {
        #[test]
        fn every_older_command_is_broken_however_the_text_is_cut(
            text in "[#\\[a]{0,24}",
            cuts in proptest::collection::vec(0usize..=24, 0..4),
        ) {
            let bytes = text.as_bytes();
            let mut at: Vec<usize> = cuts.into_iter().map(|c| c.min(bytes.len())).collect();
            at.sort_unstable();
            let mut legacy = Legacy::new(Vec::new(), Mark::Backslash);
            let mut from = 0;
            for cut in at.into_iter().chain([bytes.len()]) {
                legacy.write_all(&bytes[from..cut]).expect("write");
                from = cut;
            }
            let out = String::from_utf8(legacy.into_inner()).expect("UTF-8");
            proptest::prop_assert_eq!(out, text.replace("##[", "##\\["));
        }

        #[test]
        fn any_text_cut_anywhere_is_guarded_line_by_line(
            text in "[ \t:a\n\u{3000}é\u{85}]{0,40}",
            cuts in proptest::collection::vec(0usize..=40, 0..4),
        ) {
            let bytes = text.as_bytes();
            let mut at: Vec<usize> = cuts.into_iter().map(|c| c.min(bytes.len())).collect();
            at.sort_unstable();
            let mut guard = Guarded::new(Vec::new());
            let mut from = 0;
            for cut in at.into_iter().chain([bytes.len()]) {
                guard.write_all(&bytes[from..cut]).expect("write");
                from = cut;
            }
            let out = String::from_utf8(guard.finish().expect("finish")).expect("UTF-8");
            proptest::prop_assert_eq!(out, reference(&text));
        }
    }
}
