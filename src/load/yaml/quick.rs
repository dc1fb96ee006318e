//! The events of the YAML most questionnaires are written in, found
//! without the general parser: mappings and lists laid out by
//! indentation, scalars on one line (plain, single-quoted, or
//! double-quoted without escapes), lists and mappings in brackets on one
//! line, comments and blank lines. The events and their places are the
//! ones saphyr-parser gives for the same text, which a test holds side by
//! side over generated and mangled text; at anything else, or anything in
//! doubt, [`events`] gives `None` and the text goes to the parser, which
//! also words every error. Parsing was a quarter of a portfolio's time,
//! most of it the general parser's bookkeeping for YAML a questionnaire
//! never uses.

use super::Parsed;
use saphyr_parser::{Event, Marker, ScalarStyle, Span};
use std::borrow::Cow;
use std::cell::Cell;

/// The events of `text`, from the stream's start to its end; `None` when
/// the text is not of the plain kind read here.
pub(super) fn events(text: &str) -> Option<Vec<Parsed<'_>>> {
    // About one event per ten bytes in a questionnaire.
    let mut scan = Scan::new(text, text.len() / 8 + 8);
    while scan.step()? {}
    Some(scan.events)
}

/// The events of a large text, found a line at a time as they are taken.
/// Where the text stops being plain, [`Lazy::next`] says how many events
/// it has given, and the parser takes over after those: every event given
/// is one the parser gives in the same place, as a line's events are held
/// back until the next line with content is read (a line below can make
/// a scalar above it run on, `a: b` then `  c`, but no line further down).
pub(super) struct Lazy<'t> {
    scan: Scan<'t>,
    /// Events certain to be the parser's, last first.
    ready: Vec<Parsed<'t>>,
    given: usize,
    ended: bool,
}

/// What [`Lazy::next`] finds.
pub(super) enum Next<'t> {
    Event(Parsed<'t>),
    /// The stream has ended.
    End,
    /// The text is not plain past the events given, this many.
    NotPlain(usize),
}

impl<'t> Lazy<'t> {
    pub(super) fn new(text: &'t str) -> Lazy<'t> {
        Lazy {
            scan: Scan::new(text, 64),
            ready: Vec::with_capacity(64),
            given: 0,
            ended: false,
        }
    }

    pub(super) fn next(&mut self) -> Next<'t> {
        loop {
            if let Some(event) = self.ready.pop() {
                self.given += 1;
                return Next::Event(event);
            }
            if self.ended {
                return Next::End;
            }
            // The scanner holds the events of the last line with content.
            let held = self.scan.events.len();
            match self.scan.step() {
                None => return Next::NotPlain(self.given),
                Some(false) => {
                    self.ended = true;
                    self.ready.append(&mut self.scan.events);
                }
                Some(true) if self.scan.had_content => {
                    self.ready.extend(self.scan.events.drain(..held));
                }
                Some(true) => {}
            }
            self.ready.reverse();
        }
    }
}

/// An event and its place.
type Placed<'t> = (Event<'t>, Span);

/// Flow lists and mappings inside one another, at most; deeper ones go to
/// the parser, which bounds them.
const MAX_FLOW_DEPTH: usize = 8;
/// A key longer than this in bytes, quotes included, goes to the parser,
/// which refuses a key whose colon is more than 1,024 characters after
/// its start.
const MAX_KEY: usize = 1000;

#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    Map,
    List,
}

/// A mapping or list laid out by indentation, still open.
struct Block {
    kind: Kind,
    column: usize,
    /// A list whose dashes stand in its key's column (`key:\n- item`).
    indentless: bool,
    /// Whether its start event is out: an indentless list's start takes
    /// the place of its first item's content.
    started: bool,
}

/// A key or dash with nothing after it on its line: its value is on the
/// lines below, or it is empty.
#[derive(Clone, Copy)]
enum Pending {
    Value { column: usize, colon: Marker },
    Item { column: usize },
}

struct Scan<'t> {
    text: &'t str,
    bytes: &'t [u8],
    events: Vec<Parsed<'t>>,
    blocks: Vec<Block>,
    pending: Option<Pending>,
    /// Whether the document has started: its first line with content is past.
    begun: bool,
    /// Whether the last line read had content (not only a comment or spaces).
    had_content: bool,
    /// The current line: its number (from 1), where it starts in bytes
    /// and in characters, and whether it is all ASCII.
    line: usize,
    start: usize,
    start_chars: usize,
    ascii: bool,
    /// In a line that is not all ASCII, the last byte whose column was
    /// counted, and that column.
    counted: Cell<(usize, usize)>,
}

impl<'t> Scan<'t> {
    fn new(text: &'t str, capacity: usize) -> Scan<'t> {
        Scan {
            text,
            bytes: text.as_bytes(),
            events: Vec::with_capacity(capacity),
            begun: false,
            had_content: false,
            blocks: Vec::new(),
            pending: None,
            line: 1,
            start: 0,
            start_chars: 0,
            ascii: true,
            counted: Cell::new((0, 0)),
        }
    }

    /// Finds the events of the next line, or the stream's end after the
    /// last: `Some(true)` while lines are left, `Some(false)` once the end
    /// is found, `None` where the text is not plain.
    fn step(&mut self) -> Option<bool> {
        if self.start == 0 && self.line == 1 {
            // The parser places the end of a text without a final line
            // break as if it had one; such texts are rare enough to leave
            // to it.
            if self.bytes.last() != Some(&b'\n') {
                return None;
            }
            self.push(Event::StreamStart, Span::empty(Marker::new(0, 1, 0)));
        }
        if self.start < self.bytes.len() {
            self.next_line()?;
            return Some(true);
        }
        if !self.begun {
            return None;
        }
        let end = Span::empty(Marker::new(self.start_chars, self.line, 0));
        match self.pending.take() {
            Some(Pending::Value { colon, .. }) => self.empty_scalar(colon),
            Some(Pending::Item { .. }) => return None,
            None => {}
        }
        while let Some(block) = self.blocks.pop() {
            if !block.started {
                return None;
            }
            self.push(end_of(block.kind), end);
        }
        self.push(Event::DocumentEnd, end);
        self.push(Event::StreamEnd, end);
        Some(false)
    }

    /// The events of the current line, then on to the next.
    fn next_line(&mut self) -> Option<()> {
        let end = self.start + crate::byte_search::find(b'\n', &self.bytes[self.start..])?;
        let line = &self.bytes[self.start..end];
        self.ascii = plain_line(&self.text[self.start..end])?;
        self.counted.set((self.start, 0));
        let indent = line.iter().take_while(|&&b| b == b' ').count();
        self.had_content = indent < line.len() && line[indent] != b'#';
        if self.had_content {
            if indent == 0
                && (line.starts_with(b"---") || line.starts_with(b"...") || line[0] == b'%')
            {
                return None;
            }
            if !self.begun {
                self.begun = true;
                let at = self.mark(self.start + indent);
                self.push(Event::DocumentStart(false), Span::empty(at));
            }
            self.content(indent, end)?;
        }
        let chars = if self.ascii {
            line.len()
        } else {
            self.text[self.start..end].chars().count()
        };
        self.start_chars += chars + 1;
        self.start = end + 1;
        self.line += 1;
        Some(())
    }

    /// A line with content, `indent` spaces in, ending at byte `end`.
    fn content(&mut self, indent: usize, end: usize) -> Option<()> {
        let at = self.start + indent;
        let dash = is_dash(self.bytes, at, end);
        match self.pending.take() {
            Some(Pending::Value { column, colon }) => {
                if indent > column || (indent == column && dash) {
                    self.open(dash, indent, indent == column, at);
                } else {
                    self.empty_scalar(colon);
                }
            }
            Some(Pending::Item { column }) => {
                if indent <= column {
                    return None;
                }
                self.open(dash, indent, false, at);
            }
            None if self.blocks.is_empty() => self.open(dash, indent, false, at),
            None => {}
        }
        while let Some(top) = self.blocks.last() {
            let closes = top.column > indent || (top.indentless && top.column == indent && !dash);
            if !closes {
                break;
            }
            if !top.started {
                return None;
            }
            let kind = top.kind;
            self.blocks.pop();
            let here = self.mark(at);
            self.push(end_of(kind), Span::empty(here));
        }
        let top = self.blocks.last()?;
        if top.column != indent {
            return None;
        }
        match (top.kind, dash) {
            (Kind::List, true) => self.item(at, end),
            (Kind::Map, false) => {
                let (key, colon) = self.key(at, end)?;
                self.after_key(key, colon, end)
            }
            _ => None,
        }
    }

    /// Opens a mapping or list in `column`, its first line at byte `at`.
    fn open(&mut self, dash: bool, column: usize, indentless: bool, at: usize) {
        let kind = if dash { Kind::List } else { Kind::Map };
        self.blocks.push(Block {
            kind,
            column,
            indentless,
            started: !indentless,
        });
        if !indentless {
            let here = Span::empty(self.mark(at));
            self.push(start_of(kind), here);
        }
    }

    /// A list item whose dash is at byte `dash`.
    fn item(&mut self, mut dash: usize, end: usize) -> Option<()> {
        let at = loop {
            let at = skip_spaces(self.bytes, dash + 1, end);
            let started = self.blocks.last()?.started;
            if at == end || self.bytes[at] == b'#' {
                if !started {
                    return None;
                }
                self.pending = Some(Pending::Item {
                    column: dash - self.start,
                });
                return Some(());
            }
            if !started {
                self.blocks.last_mut()?.started = true;
                let here = Span::empty(self.mark(at));
                self.push(Event::SequenceStart(0, None), here);
            }
            if !is_dash(self.bytes, at, end) {
                break at;
            }
            // A list in the item (`- - x`): a loop, not a call, however
            // many a line holds.
            self.open(true, at - self.start, false, at);
            dash = at;
        };
        if let Some((key, colon)) = self.key(at, end) {
            self.open(false, at - self.start, false, at);
            return self.after_key(key, colon, end);
        }
        let after = self.value(at, end)?;
        self.line_end(after, end)
    }

    /// A key at byte `at` and the place of its colon, when the line
    /// holds one there; not yet pushed, as a mapping may start first.
    fn key(&self, at: usize, end: usize) -> Option<(Placed<'t>, usize)> {
        let bytes = self.bytes;
        if matches!(bytes[at], b'"' | b'\'') {
            let (text, close) = self.quoted(at, end)?;
            let colon = close + 1;
            if !is_colon(bytes, colon, end) || colon - at > MAX_KEY {
                return None;
            }
            return Some((self.scalar(text, style(bytes[at]), at, colon), colon));
        }
        if !starts_plain(bytes, at, end) {
            return None;
        }
        let window = end.min(at + MAX_KEY + 1);
        let mut i = at;
        loop {
            i += crate::byte_search::find_either(b':', b'#', &bytes[i..window])?;
            if is_colon(bytes, i, end) {
                let key_end = trim_end(bytes, at, i);
                let key = Cow::Borrowed(&self.text[at..key_end]);
                return Some((self.scalar(key, ScalarStyle::Plain, at, key_end), i));
            }
            // A comment (a plain scalar never starts with `#`).
            if bytes[i] == b'#' && bytes[i - 1] == b' ' {
                return None;
            }
            i += 1;
        }
    }

    /// Pushes `key` and reads what follows its colon on the line.
    fn after_key(&mut self, key: Placed<'t>, colon: usize, end: usize) -> Option<()> {
        self.events.push(Ok(key));
        let at = skip_spaces(self.bytes, colon + 1, end);
        if at == end || self.bytes[at] == b'#' {
            let column = self.blocks.last()?.column;
            let colon = self.mark(colon);
            self.pending = Some(Pending::Value { column, colon });
            return Some(());
        }
        let after = self.value(at, end)?;
        self.line_end(after, end)
    }

    /// A value at byte `at` that ends on its line; where it ends.
    fn value(&mut self, at: usize, end: usize) -> Option<usize> {
        let bytes = self.bytes;
        match bytes[at] {
            b'"' | b'\'' => {
                let (text, close) = self.quoted(at, end)?;
                let to = self.runs_on(close + 1, end);
                let scalar = self.scalar(text, style(bytes[at]), at, to);
                self.events.push(Ok(scalar));
                Some(close + 1)
            }
            b'[' | b'{' => self.flow(at, end, 1),
            _ if starts_plain(bytes, at, end) => {
                let mut i = at;
                let stop = loop {
                    let Some(found) = crate::byte_search::find_either(b':', b'#', &bytes[i..end])
                    else {
                        break end;
                    };
                    i += found;
                    // A second key on the line, or a multi-line key.
                    if is_colon(bytes, i, end) {
                        return None;
                    }
                    if bytes[i] == b'#' && bytes[i - 1] == b' ' {
                        break i;
                    }
                    i += 1;
                };
                let last = trim_end(bytes, at, stop);
                let text = Cow::Borrowed(&self.text[at..last]);
                let scalar = self.scalar(text, ScalarStyle::Plain, at, last);
                self.events.push(Ok(scalar));
                Some(last)
            }
            _ => None,
        }
    }

    /// After a value at `after`: nothing more on the line but a comment.
    fn line_end(&self, after: usize, end: usize) -> Option<()> {
        let at = skip_spaces(self.bytes, after, end);
        (at == end || (self.bytes[at] == b'#' && at > after)).then_some(())
    }

    /// A list or mapping in brackets at byte `at`, closed on its line;
    /// where it ends.
    fn flow(&mut self, at: usize, end: usize, depth: usize) -> Option<usize> {
        if depth > MAX_FLOW_DEPTH {
            return None;
        }
        let bytes = self.bytes;
        let (kind, close) = if bytes[at] == b'{' {
            (Kind::Map, b'}')
        } else {
            (Kind::List, b']')
        };
        let span = self.span(at, self.runs_on(at + 1, end));
        self.push(start_of(kind), span);
        let mut i = skip_spaces(bytes, at + 1, end);
        if i < end && bytes[i] == close {
            return Some(self.flow_end(kind, i, end));
        }
        loop {
            if kind == Kind::Map {
                i = self.flow_scalar(i, end, true)?;
                if !(i + 1 < end && bytes[i] == b':' && bytes[i + 1] == b' ') {
                    return None;
                }
                i = skip_spaces(bytes, i + 1, end);
            }
            i = if i < end && matches!(bytes[i], b'[' | b'{') {
                self.flow(i, end, depth + 1)?
            } else {
                self.flow_scalar(i, end, false)?
            };
            i = skip_spaces(bytes, i, end);
            if i >= end {
                return None;
            }
            if bytes[i] == close {
                return Some(self.flow_end(kind, i, end));
            }
            if bytes[i] != b',' {
                return None;
            }
            i = skip_spaces(bytes, i + 1, end);
            // A comma before the bracket closes is left to the parser.
            if i >= end || bytes[i] == close {
                return None;
            }
        }
    }

    /// Pushes the end of a flow list or mapping whose bracket is at byte
    /// `at`; where it ends. The parser's span of it runs on over the
    /// spaces after it, and a comment after those.
    fn flow_end(&mut self, kind: Kind, at: usize, end: usize) -> usize {
        let span = self.span(at, self.runs_on(at + 1, end));
        self.push(end_of(kind), span);
        at + 1
    }

    /// Where the parser ends the span of a quote or bracket that ends
    /// at byte `after`: past the spaces after it, and past a comment
    /// after those.
    fn runs_on(&self, after: usize, end: usize) -> usize {
        let spaced = skip_spaces(self.bytes, after, end);
        if spaced > after && spaced < end && self.bytes[spaced] == b'#' {
            end
        } else {
            spaced
        }
    }

    /// A scalar inside brackets at byte `at`; where it ends. A key's
    /// plain text ends at its colon, a value's at a comma or bracket.
    fn flow_scalar(&mut self, at: usize, end: usize, key: bool) -> Option<usize> {
        let bytes = self.bytes;
        if at >= end {
            return None;
        }
        if matches!(bytes[at], b'"' | b'\'') {
            let (text, close) = self.quoted(at, end)?;
            let to = self.runs_on(close + 1, end);
            let scalar = self.scalar(text, style(bytes[at]), at, to);
            self.events.push(Ok(scalar));
            return Some(close + 1);
        }
        if !starts_plain(bytes, at, end) {
            return None;
        }
        let mut i = at;
        while i < end {
            match bytes[i] {
                b',' | b']' | b'}' | b':' => break,
                b'[' | b'{' => return None,
                // The parser refuses a word of the scalar that starts
                // with one of these before a comma or bracket.
                b'#' | b'-' | b'?' if bytes[i - 1] == b' ' => return None,
                _ => i += 1,
            }
        }
        if i >= end || (bytes[i] == b':') != key {
            return None;
        }
        let last = trim_end(bytes, at, i);
        let text = Cow::Borrowed(&self.text[at..last]);
        let scalar = self.scalar(text, ScalarStyle::Plain, at, last);
        self.events.push(Ok(scalar));
        Some(last)
    }

    /// A quoted scalar's text, its quote at byte `at`, and where its
    /// closing quote is, when it closes on its line. Escapes in double
    /// quotes are left to the parser.
    fn quoted(&self, at: usize, end: usize) -> Option<(Cow<'t, str>, usize)> {
        let bytes = self.bytes;
        let from = at + 1;
        if bytes[at] == b'"' {
            let close = from
                + bytes[from..end]
                    .iter()
                    .position(|&b| b == b'"' || b == b'\\')?;
            return (bytes[close] == b'"').then(|| (Cow::Borrowed(&self.text[from..close]), close));
        }
        let mut text: Option<String> = None;
        let mut piece = from;
        let mut i = from;
        loop {
            let quote = i + bytes[i..end].iter().position(|&b| b == b'\'')?;
            if quote + 1 < end && bytes[quote + 1] == b'\'' {
                // Two quotes stand for one.
                text.get_or_insert_with(String::new)
                    .push_str(&self.text[piece..=quote]);
                i = quote + 2;
                piece = i;
                continue;
            }
            let text = match text {
                None => Cow::Borrowed(&self.text[from..quote]),
                Some(mut text) => {
                    text.push_str(&self.text[piece..quote]);
                    Cow::Owned(text)
                }
            };
            return Some((text, quote));
        }
    }

    fn empty_scalar(&mut self, colon: Marker) {
        let event = Event::Scalar(Cow::Borrowed(""), ScalarStyle::Plain, 0, None);
        self.push(event, Span::empty(colon));
    }

    fn scalar(&self, text: Cow<'t, str>, style: ScalarStyle, from: usize, to: usize) -> Placed<'t> {
        (Event::Scalar(text, style, 0, None), self.span(from, to))
    }

    fn push(&mut self, event: Event<'t>, span: Span) {
        self.events.push(Ok((event, span)));
    }

    fn span(&self, from: usize, to: usize) -> Span {
        Span::new(self.mark(from), self.mark(to))
    }

    /// Where byte `at` of the current line is, in characters.
    #[inline]
    fn mark(&self, at: usize) -> Marker {
        let column = if self.ascii {
            at - self.start
        } else {
            self.column_of(at)
        };
        Marker::new(self.start_chars + column, self.line, column)
    }

    /// The column of byte `at` in a line that is not all ASCII, counted
    /// on from the last one asked for: places are asked for left to right,
    /// and counting each from the line's start would take time growing
    /// with the square of a long line's length.
    fn column_of(&self, at: usize) -> usize {
        let (mut from, mut column) = self.counted.get();
        if at < from {
            (from, column) = (self.start, 0);
        }
        column += self.text[from..at].chars().count();
        self.counted.set((at, column));
        column
    }
}

/// Whether `line` holds only what this scanner reads, and whether it is
/// ASCII; `None` at a tab, a carriage return, any other control
/// character, or a character the parser may read as a line break, a byte
/// order mark or not printable.
fn plain_line(line: &str) -> Option<bool> {
    // Most lines are printable ASCII: one pass over every byte, without a
    // branch for each, which the compiler vectorizes.
    let printable = |all: bool, &b: &u8| all & (b.wrapping_sub(b' ') < 0x7f - b' ');
    if line.as_bytes().iter().fold(true, printable) {
        return Some(true);
    }
    if line.bytes().any(|b| b < 0x20 || b == 0x7f) {
        return None;
    }
    let odd = |c: char| {
        matches!(
            c,
            '\u{80}'..='\u{9f}' | '\u{2028}' | '\u{2029}' | '\u{feff}' | '\u{fffe}' | '\u{ffff}'
        )
    };
    (!line.chars().any(odd)).then_some(false)
}

/// Whether a list item's dash is at byte `at`: a `-` followed by a space
/// or the line's end.
fn is_dash(bytes: &[u8], at: usize, end: usize) -> bool {
    bytes[at] == b'-' && (at + 1 == end || bytes[at + 1] == b' ')
}

/// Whether the colon at byte `at` ends a key: followed by a space or the line's end.
fn is_colon(bytes: &[u8], at: usize, end: usize) -> bool {
    at < end && bytes[at] == b':' && (at + 1 == end || bytes[at + 1] == b' ')
}

/// Whether a plain scalar may start at byte `at`. Of the characters YAML
/// gives a meaning at a scalar's start, only a minus before a digit
/// (`-13%`) is taken here.
fn starts_plain(bytes: &[u8], at: usize, end: usize) -> bool {
    match bytes[at] {
        b'-' => at + 1 < end && bytes[at + 1].is_ascii_digit(),
        b'?' | b':' | b',' | b'[' | b']' | b'{' | b'}' | b'#' | b'&' | b'*' | b'!' | b'|'
        | b'>' | b'\'' | b'"' | b'%' | b'@' | b'`' | b' ' => false,
        _ => true,
    }
}

fn skip_spaces(bytes: &[u8], mut at: usize, end: usize) -> usize {
    while at < end && bytes[at] == b' ' {
        at += 1;
    }
    at
}

/// Where the text from `from` to `to` ends once its trailing spaces are dropped.
fn trim_end(bytes: &[u8], from: usize, mut to: usize) -> usize {
    while to > from && bytes[to - 1] == b' ' {
        to -= 1;
    }
    to
}

fn style(quote: u8) -> ScalarStyle {
    if quote == b'"' {
        ScalarStyle::DoubleQuoted
    } else {
        ScalarStyle::SingleQuoted
    }
}

fn start_of(kind: Kind) -> Event<'static> {
    match kind {
        Kind::Map => Event::MappingStart(0, None),
        Kind::List => Event::SequenceStart(0, None),
    }
}

fn end_of(kind: Kind) -> Event<'static> {
    match kind {
        Kind::Map => Event::MappingEnd,
        Kind::List => Event::SequenceEnd,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use saphyr_parser::Parser;

    /// The parser's events for `text`, up to its end or its first error.
    fn parsed(text: &str) -> Vec<Parsed<'_>> {
        let mut all = Vec::new();
        for parsed in Parser::new_from_str(text) {
            let ended = match &parsed {
                Ok((event, _)) => *event == Event::StreamEnd,
                Err(_) => true,
            };
            all.push(parsed);
            if ended {
                break;
            }
        }
        all
    }

    /// Whether the scanner reads `text`; when it does, its events must be
    /// the parser's, place for place. Taken a line at a time, the events
    /// must be the same, or, where the text stops being plain, the
    /// parser's first ones.
    fn read_alike(text: &str) -> bool {
        let whole = parsed(text);
        let mut lazy = Lazy::new(text);
        let mut given = Vec::new();
        let plain = loop {
            match lazy.next() {
                Next::Event(event) => given.push(event),
                Next::End => break true,
                Next::NotPlain(count) => {
                    assert_eq!(count, given.len(), "{text:?}");
                    assert!(whole.len() >= count, "{text:?}");
                    assert!(whole[..count].iter().all(Result::is_ok), "{text:?}");
                    break false;
                }
            }
        };
        if plain {
            assert_eq!(given, whole, "{text:?}");
        } else {
            assert_eq!(given[..], whole[..given.len()], "{text:?}");
        }
        let Some(quick) = events(text) else {
            assert!(!plain, "{text:?}");
            return false;
        };
        assert!(plain, "{text:?}");
        assert_eq!(quick, whole, "{text:?}");
        true
    }

    #[test]
    fn the_shipped_examples_are_read_here_as_the_parser_reads_them() {
        let mut read = 0;
        for entry in std::fs::read_dir("examples").expect("examples") {
            let path = entry.expect("entry").path();
            if path.extension().is_some_and(|e| e == "yaml") {
                let text = std::fs::read_to_string(&path).expect("example");
                assert!(read_alike(&text), "{} not read here", path.display());
                read += 1;
            }
        }
        assert!(read >= 4, "{read} examples");
    }

    #[test]
    fn every_fixture_read_here_is_read_as_the_parser_reads_it() {
        let mut stack = vec![std::path::PathBuf::from("tests")];
        let mut seen = 0;
        while let Some(dir) = stack.pop() {
            for entry in std::fs::read_dir(&dir).expect("tests") {
                let path = entry.expect("entry").path();
                if path.is_dir() {
                    stack.push(path);
                } else if path.extension().is_some_and(|e| e == "yaml" || e == "yml") {
                    if let Ok(text) = std::fs::read_to_string(&path) {
                        read_alike(&text);
                        seen += 1;
                    }
                }
            }
        }
        assert!(seen > 0);
    }

    #[test]
    fn plain_layouts_are_read_here() {
        for text in [
            "a: 1\n",
            "a: b\n",
            "version: 1\norganization:\n  name: \"A Co\"\n  tags: [a, b]\npilots:\n- name: x\n  stage: pilot  # c\n- {name: y, n: 2}\nempty:\nlast: z\n",
            "- a\n- b\n-\n  - c\n- - d\n  - e\n-   f: 1\n    g: 2\n\n# end\n\n",
            "a:\n  - x\nb: 1 # x\n#c\n",
            "# lead\n\n  # more\na: 1\n",
            "a:\n  # inside\n  b: 1\n# between\nc: 'it''s'\n",
            "a: \"\"\nb: ''\nc: []\nd: {}\ne: [[], {}]\n",
            "a: {b: [1, 2], c: {d: e}}\n",
            "a: x#y\nb: x:y\nc: -13% in 12 months\nd: http://host/path\n",
            "'a': 1\n\"b\": 2\n",
            "a:\n- b:\n  - c\n",
            "a:\n    b:\n        c: 1\n    d: 2\ne: 3\n",
            "name: Zürich — Café\nb: [ä, \"ö\"]\n",
            "a:   spaced   \n",
            "a:\n",
            "a: b\n\n\n",
        ] {
            assert!(read_alike(text), "{text:?} not read here");
        }
    }

    #[test]
    fn lists_in_list_items_nest_as_deep_as_a_line_holds() {
        assert!(read_alike("- - - x\n  - y\n- z\n"));
        let deep = format!("{}x\n", "- ".repeat(100_000));
        let events = events(&deep).expect("plain");
        assert_eq!(events.len(), 2 * 100_000 + 5);
    }

    #[test]
    fn a_long_key_goes_to_the_parser() {
        for quote in ["", "'", "\""] {
            let key = |length| format!("{quote}{}{quote}", "k".repeat(length));
            for layout in ["{}: v\n", "- {}: v\n", "a:\n  {}: v\n"] {
                let short = layout.replace("{}", &key(990));
                assert!(read_alike(&short), "{short:?}");
                for length in [1001, 1022, 1023, 1030] {
                    let long = layout.replace("{}", &key(length));
                    assert!(!read_alike(&long), "{long:?}");
                }
            }
        }
        // In brackets no key is too long for the parser.
        assert!(read_alike(&format!("a: {{\"{}\": v}}\n", "k".repeat(1030))));
    }

    #[test]
    fn a_long_line_beyond_ascii_is_placed_character_by_character() {
        let items = vec!["é"; 3000].join(", ");
        let text = format!("städte: [{items}]\nnext: ü\n");
        assert!(read_alike(&text));
        // A place asked for left of the last one counted is counted again.
        let mut scan = Scan::new("aé: bé\n", 8);
        scan.ascii = false;
        assert_eq!(scan.mark(6).col(), 5);
        assert_eq!(scan.mark(1).col(), 1);
        assert_eq!(scan.mark(3).col(), 2);
    }

    #[test]
    fn what_is_not_plain_goes_to_the_parser() {
        for text in [
            "",
            "\n",
            "# only a comment\n",
            "a: 1",
            "a: &x 1\nb: *x\n",
            "a: !!str 1\n",
            "a: |\n  text\n",
            "a: >\n  text\n",
            "---\na: 1\n",
            "a: 1\n...\n",
            "%YAML 1.2\n---\na: 1\n",
            "a: b\n  continued\n",
            "- a\n  continued\n",
            "a: \"multi\n  line\"\n",
            "a: 'multi\n  line'\n",
            "a: \"esc\\n\"\n",
            "a: [1,\n  2]\n",
            "a: [1, ]\n",
            "a: {b}\n",
            "a: {b: }\n",
            "a: {url: http://x}\n",
            "a: b: c\n",
            "a:\tb\n",
            "a: b\r\n",
            "? a\n: b\n",
            "plain\n",
            "a: 1\n b: 2\n",
            "  a: 1\nb: 2\n",
            "a: - b\n",
            "-\n- b\n",
            "a:\n-\n",
            "\u{feff}a: 1\n",
            "a: \u{85}\n",
        ] {
            assert!(!read_alike(text), "{text:?} read here");
        }
    }

    /// A small deterministic generator: xorshift.
    struct Dice(u64);

    impl Dice {
        fn roll(&mut self, n: usize) -> usize {
            self.0 ^= self.0 << 13;
            self.0 ^= self.0 >> 7;
            self.0 ^= self.0 << 17;
            let n = u64::try_from(n).expect("a small number");
            usize::try_from(self.0 % n).expect("below a small number")
        }

        fn pick<'a>(&mut self, from: &[&'a str]) -> &'a str {
            from[self.roll(from.len())]
        }
    }

    const SCALARS: &[&str] = &[
        "word",
        "two words",
        "a#b",
        "a # comment",
        "-1",
        "-13% soon",
        "1.5",
        "~",
        "null",
        "true",
        "2026-01-02",
        "x:y",
        "a: b",
        "'single'",
        "'it''s'",
        "''",
        "\"double\"",
        "\"\"",
        "\"a # b\"",
        "[a, b]",
        "[]",
        "{}",
        "{k: v}",
        "{k: [1, 2], l: {m: n}}",
        "[a, [b, c]]",
        "['q', \"d\"]",
        "Zürich",
        "café au lait",
        "x  ",
        "-",
        "- x",
        "&a x",
        "*a",
        "!t x",
        "|",
        ">",
        "[a,b]",
        "{k:v}",
        "[a, ]",
        "\"e\\\"\"",
        "'",
        "\"",
        "@x",
        "`x",
        "%x",
        "? x",
        ": x",
        "x:",
        "{a: b} c",
        "[a] b",
        "a, b",
        "a]b",
        "a}b",
        "k: [x: y]",
        "a -",
        "a - b",
        "[a - b]",
        "[x -]",
        "{k: a ?}",
        "é # ü",
        "[é, 'ü']",
        "- - x",
        "-  - x",
    ];

    fn node(dice: &mut Dice, out: &mut String, indent: usize, depth: usize) {
        let spaces = |n| " ".repeat(n);
        let kind = if depth > 3 { 2 } else { dice.roll(3) };
        match kind {
            0 => {
                for _ in 0..=dice.roll(3) {
                    out.push_str(&spaces(indent));
                    out.push_str(dice.pick(&[
                        "key", "k", "a b", "'q'", "\"d\"", "x#y", "k2 ", "é", "a:b", "-1", "k-",
                        "[k]", "'a''b'",
                    ]));
                    out.push(':');
                    value_after(dice, out, indent, depth);
                }
            }
            1 => {
                for _ in 0..=dice.roll(3) {
                    out.push_str(&spaces(indent));
                    out.push('-');
                    match dice.roll(4) {
                        0 => {
                            // A compact mapping in the item.
                            out.push_str(&spaces(1 + dice.roll(2)));
                            let column = out.len() - out.rfind('\n').map_or(0, |n| n + 1);
                            out.push_str("k: ");
                            out.push_str(dice.pick(SCALARS));
                            out.push('\n');
                            if dice.roll(2) == 0 {
                                out.push_str(&spaces(column));
                                out.push_str("l: v\n");
                            }
                        }
                        1 => {
                            out.push('\n');
                            let inner = indent + 1 + dice.roll(3);
                            node(dice, out, inner, depth + 1);
                        }
                        _ => {
                            out.push(' ');
                            out.push_str(dice.pick(SCALARS));
                            out.push('\n');
                        }
                    }
                }
            }
            _ => {
                out.push_str(&spaces(indent));
                out.push_str(dice.pick(SCALARS));
                out.push('\n');
            }
        }
        if dice.roll(4) == 0 {
            out.push_str(&spaces(dice.roll(6)));
            out.push_str(dice.pick(&["# note\n", "\n", "#\n", "  \n"]));
        }
    }

    fn value_after(dice: &mut Dice, out: &mut String, indent: usize, depth: usize) {
        match dice.roll(5) {
            0 if depth < 4 => {
                out.push_str(dice.pick(&["", " ", " # c"]));
                out.push('\n');
                // Nested deeper, or a list in the key's own column.
                let inner = if dice.roll(3) == 0 {
                    indent
                } else {
                    indent + 1 + dice.roll(4)
                };
                if inner == indent {
                    let mut list = String::new();
                    node(dice, &mut list, inner, depth + 1);
                    if !list.trim_start().starts_with('-') {
                        list = format!("{}- x\n", " ".repeat(inner));
                    }
                    out.push_str(&list);
                } else {
                    node(dice, out, inner, depth + 1);
                }
            }
            1 => out.push('\n'),
            _ => {
                out.push_str(dice.pick(&[" ", "  ", ""]));
                out.push_str(dice.pick(SCALARS));
                out.push_str(dice.pick(&["", " # c", "  ", "#x"]));
                out.push('\n');
                if dice.roll(8) == 0 {
                    // A scalar running on over the next line.
                    out.push_str(&" ".repeat(indent + 1 + dice.roll(3)));
                    out.push_str(dice.pick(&["more", "more: x", "- more", "\tmore"]));
                    out.push('\n');
                }
            }
        }
    }

    /// One edit somewhere in `text`: a character YAML gives a meaning
    /// inserted, or a character taken out.
    fn mangle(dice: &mut Dice, text: &str) -> String {
        let mut chars: Vec<char> = text.chars().collect();
        let at = dice.roll(chars.len() + 1);
        if dice.roll(3) == 0 && at < chars.len() {
            chars.remove(at);
        } else {
            let inserted = [
                ' ', '-', ':', '#', '\'', '"', '[', ']', '{', '}', ',', '\n', '\t', 'a', 'é', '\\',
                '&', '*', '!', '|', '>', '?', '%',
            ];
            chars.insert(at, inserted[dice.roll(inserted.len())]);
        }
        chars.into_iter().collect()
    }

    #[test]
    fn generated_and_mangled_text_is_read_here_as_the_parser_reads_it() {
        let mut dice = Dice(0x9e37_79b9_7f4a_7c15);
        let (mut read, mut mangled_read) = (0, 0);
        for _ in 0..20_000 {
            let mut text = String::new();
            let indent = dice.roll(2) * 2;
            node(&mut dice, &mut text, indent, 0);
            if read_alike(&text) {
                read += 1;
            }
            let mut mangled = text;
            for _ in 0..=dice.roll(3) {
                mangled = mangle(&mut dice, &mangled);
            }
            if read_alike(&mangled) {
                mangled_read += 1;
            }
        }
        // Both kinds of text reach the comparison often enough to count.
        assert!(read > 2_000, "{read} read");
        assert!(mangled_read > 1_000, "{mangled_read} mangled read");
    }
}
