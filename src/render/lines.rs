//! No line the tool prints can be read as a GitHub workflow command. The
//! Actions runner reads any line of a job's log that begins with `::`
//! after blanks as a command (`::error::`, `::add-mask::`, `::stop-commands::`),
//! and text from outside (a name wrapped onto a line of its own, a path, a
//! message) could begin one. So every line is guarded where it is written,
//! not field by field: a `\` goes before a leading `::`. In Markdown `\:`
//! shows as `:`, so a reader there sees the text unchanged.
//!
//! Only `--format github`, whose lines are the tool's own commands with every
//! outside text escaped by GitHub's rules, is written without the guard.

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
    /// begin a line. Runs of a line past its start are written as they are.
    fn guard(&mut self, buf: &[u8]) -> io::Result<()> {
        let mut rest = buf;
        while let Some(&first) = rest.first() {
            match self.state {
                State::Middle => {
                    let end = rest.iter().position(|&b| b == b'\n');
                    let (line, after) = rest.split_at(end.map_or(rest.len(), |e| e + 1));
                    self.inner.write_all(line)?;
                    if end.is_some() {
                        self.state = State::Start;
                    }
                    rest = after;
                }
                State::Colon => {
                    self.state = State::Middle;
                    if first == b':' {
                        self.inner.write_all(b"\\::")?;
                        rest = &rest[1..];
                    } else {
                        self.inner.write_all(b":")?;
                    }
                }
                State::Start => {
                    // One whole character, which may have begun in the last write.
                    self.partial.push(first);
                    rest = &rest[1..];
                    let c = match std::str::from_utf8(&self.partial) {
                        Ok(text) => text.chars().next(),
                        // Not yet whole: wait for the next byte.
                        Err(e) if e.error_len().is_none() && self.partial.len() < 4 => continue,
                        Err(_) => None,
                    };
                    let bytes = std::mem::take(&mut self.partial);
                    match c {
                        Some(':') => self.state = State::Colon,
                        // The runner trims every kind of blank, not only spaces.
                        Some(c) if c.is_whitespace() => self.inner.write_all(&bytes)?,
                        _ => {
                            self.inner.write_all(&bytes)?;
                            self.state = State::Middle;
                        }
                    }
                }
            }
        }
        Ok(())
    }
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

/// `text` with every line guarded.
pub fn guarded(text: &str) -> String {
    let mut guard = Guarded::new(Vec::with_capacity(text.len()));
    let written = guard.guard(text.as_bytes());
    debug_assert!(written.is_ok(), "writing into memory cannot fail");
    let out = guard.finish().unwrap_or_default();
    // Only ASCII is inserted, before an ASCII character: still UTF-8.
    String::from_utf8(out).unwrap_or_default()
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
}
