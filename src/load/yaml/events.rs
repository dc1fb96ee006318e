//! The parser's events, as the tree builder or the plain steps take them:
//! found on the spot, or, for a large file, on a thread of their own while
//! the ones before are taken. Text of the plain kind most questionnaires
//! are written in is scanned (`quick`) rather than parsed: the same events
//! in a fraction of the time; any other text is parsed by saphyr-parser,
//! and a large file's from the line where it stops being plain.
//!
//! On a thread of its own, a large file's scanning or parsing is done in
//! the time the rest of its loading takes. The events cross in batches,
//! so that the threads meet once per batch rather than once per event,
//! and through a channel of a few batches, so that the thread runs no
//! further ahead than that.

use super::{quick, Parsed};
use crate::load::source::LARGE_FILE;
use saphyr_parser::{Parser, Span, StrInput};
use std::sync::mpsc::{sync_channel, Receiver, SyncSender};
use std::thread::Scope;

/// Runs `take` over the events of `text`, told whether the text is large
/// enough to be kept tight: found on a thread of their own for a large
/// file (over [`LARGE_FILE`] bytes), on the spot for any other.
pub(super) fn with_events<T>(text: &str, take: impl FnOnce(Events<'_>, bool) -> T) -> T {
    if text.len() > LARGE_FILE {
        std::thread::scope(|scope| take(Events::piped(scope, text), true))
    } else {
        take(Events::here(text), false)
    }
}

/// Events per batch: enough that passing a batch costs little beside
/// parsing it, few enough that the builder starts at once.
const BATCH: usize = 1024;
/// Batches parsed ahead of the builder, at most.
const AHEAD: usize = 4;

// One per file, made once and never moved: the parser's size beside the
// other variant costs nothing, where boxing it would cost every small file
// an allocation.
#[allow(clippy::large_enum_variant)]
pub(super) enum Events<'input> {
    /// Found at once, by the scanner for plain text (`quick`).
    Scanned(std::vec::IntoIter<Parsed<'input>>),
    /// Parsed as they are taken.
    Here(Parser<'input, StrInput<'input>>),
    /// Found on another thread, in batches; `batch` is the one being read.
    Piped {
        batch: std::vec::IntoIter<Parsed<'input>>,
        batches: Receiver<Vec<Parsed<'input>>>,
    },
}

impl<'input> Events<'input> {
    /// The events of `text`: found at once when it is of the plain kind
    /// the scanner reads, or else parsed as they are taken.
    pub(super) fn here(text: &'input str) -> Events<'input> {
        match quick::events(text) {
            Some(events) => Events::Scanned(events.into_iter()),
            None => Events::Here(Parser::new_from_str(text)),
        }
    }

    /// The events of `text`, parsed on a thread of `scope`'s; on the spot
    /// when the system gives no thread. The thread stops after the last
    /// event or the first error, or when these events are dropped.
    pub(super) fn piped<'scope>(
        scope: &'scope Scope<'scope, '_>,
        text: &'input str,
    ) -> Events<'input>
    where
        'input: 'scope,
    {
        let (sender, batches) = sync_channel(AHEAD);
        let parsing = std::thread::Builder::new()
            .name("yaml-parser".to_owned())
            .spawn_scoped(scope, move || parse_into(text, &sender));
        match parsing {
            Ok(_) => Events::Piped {
                batch: Vec::new().into_iter(),
                batches,
            },
            Err(_) => Events::here(text),
        }
    }

    /// The next event; `None` once the parse has ended. Made part of each
    /// caller: returned from a call of its own, each event (a hundred
    /// bytes with its place) was copied once more on its way, 1 % of a
    /// portfolio's instructions. Left to itself, the compiler had not
    /// made it part of them.
    #[allow(clippy::inline_always)]
    #[inline(always)]
    pub(super) fn next(&mut self) -> Option<Parsed<'input>> {
        match self {
            Events::Scanned(events) => events.next(),
            Events::Here(parser) => parser.next(),
            Events::Piped { batch, batches } => loop {
                if let Some(parsed) = batch.next() {
                    return Some(parsed);
                }
                // A closed channel: the parser has sent its last batch.
                *batch = batches.recv().ok()?.into_iter();
            },
        }
    }

    /// Where the next event is, when there is one.
    pub(super) fn peek_span(&mut self) -> Option<Span> {
        match self {
            Events::Scanned(events) => events
                .as_slice()
                .first()?
                .as_ref()
                .ok()
                .map(|(_, span)| *span),
            Events::Here(parser) => {
                let Some(Ok((_, span))) = parser.peek() else {
                    return None;
                };
                Some(*span)
            }
            Events::Piped { batch, batches } => loop {
                if let Some(parsed) = batch.as_slice().first() {
                    return parsed.as_ref().ok().map(|(_, span)| *span);
                }
                *batch = batches.recv().ok()?.into_iter();
            },
        }
    }
}

/// Scans or parses `text`, sending its events in batches until they end
/// or nobody takes them any more.
fn parse_into<'input>(text: &'input str, sender: &SyncSender<Vec<Parsed<'input>>>) {
    let mut source = Source::Scanned(quick::Lazy::new(text), text);
    loop {
        let mut batch = Vec::with_capacity(BATCH);
        // The parse ends at its last event or its first error.
        let mut ended = false;
        while !ended && batch.len() < BATCH {
            let Some(parsed) = source.next() else {
                ended = true;
                break;
            };
            ended = parsed.is_err();
            batch.push(parsed);
        }
        if sender.send(batch).is_err() || ended {
            return;
        }
    }
}

/// A large text's events: scanned while the text is plain (`quick`),
/// parsed from where it stops being so.
// One per large file, made once on its thread and never moved.
#[allow(clippy::large_enum_variant)]
enum Source<'input> {
    Scanned(quick::Lazy<'input>, &'input str),
    /// Boxed: made at most once per large file.
    Parsed(Box<Parser<'input, StrInput<'input>>>),
}

impl<'input> Source<'input> {
    fn next(&mut self) -> Option<Parsed<'input>> {
        loop {
            let (given, text) = match self {
                Source::Parsed(parser) => return parser.next(),
                Source::Scanned(scanned, text) => match scanned.next() {
                    quick::Next::Event(parsed) => return Some(parsed),
                    quick::Next::End => return None,
                    quick::Next::NotPlain(given) => (given, *text),
                },
            };
            // The parser's first events are the ones already given.
            let mut parser = Parser::new_from_str(text);
            for _ in 0..given {
                parser.next();
            }
            *self = Source::Parsed(Box::new(parser));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every event with where it is, up to the error that ends them (the
    /// parser itself goes on answering with errors, as the builder never
    /// asks it again).
    fn all(mut events: Events<'_>) -> Vec<String> {
        let mut out = Vec::new();
        while let Some(parsed) = events.next() {
            match parsed {
                Ok((event, span)) => out.push(format!("{event:?} at {span:?}")),
                Err(error) => {
                    out.push(format!("error {error:?}"));
                    break;
                }
            }
        }
        out
    }

    #[test]
    fn piped_events_are_the_events_parsed_here() {
        // More events than a batch holds, then an error.
        let mut text = "- item\n".repeat(BATCH);
        let whole = text.clone();
        text.push_str("- [unclosed\n");
        let compared = |text: &str| {
            let here = all(Events::here(text));
            let piped = std::thread::scope(|scope| all(Events::piped(scope, text)));
            assert_eq!(piped, here);
            // Scanned or parsed, the parser's own events.
            assert_eq!(here, all(Events::Here(Parser::new_from_str(text))));
            here
        };
        assert!(compared(&whole).len() > BATCH);
        assert!(compared(&text)
            .last()
            .is_some_and(|e| e.starts_with("error")));
        compared("");
        compared("a: [1, 2]\n");
        // Plain for more than a batch, then not: a scalar running on over
        // two lines, a block of text, an anchor, a line without its break.
        for tail in [
            "- a\n  b\n- c\n",
            "- |\n  text\n",
            "- &x a\n- *x\n",
            "- last",
        ] {
            let events = compared(&format!("{whole}{tail}"));
            assert!(events.len() > BATCH + 2);
            assert!(events.last().is_some_and(|e| e.starts_with("StreamEnd")));
        }
    }

    #[test]
    fn peeking_sees_the_next_event_without_taking_it() {
        let text = "a: 1\n";
        let (mut here, spans) = (
            Events::here(text),
            std::thread::scope(|scope| {
                let mut piped = Events::piped(scope, text);
                let mut spans = Vec::new();
                while let Some(span) = piped.peek_span() {
                    spans.push(span);
                    piped.next();
                }
                spans
            }),
        );
        let mut expected = Vec::new();
        while let Some(span) = here.peek_span() {
            expected.push(span);
            here.next();
        }
        assert_eq!(spans, expected);
        assert!(!spans.is_empty());
    }

    #[test]
    fn the_parsing_thread_stops_when_the_events_are_dropped() {
        let text = "- item\n".repeat(BATCH * (AHEAD + 4));
        std::thread::scope(|scope| {
            let mut events = Events::piped(scope, &text);
            assert!(events.next().is_some());
            // Dropped here; the scope then waits for the thread, which must
            // find the channel closed instead of waiting for room in it.
        });
    }
}
