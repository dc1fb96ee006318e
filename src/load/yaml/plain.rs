//! A plain file's parser events as steps: mappings, lists and scalars,
//! each scalar resolved and checked as the tree's builder does it.
//!
//! Most questionnaires use nothing of YAML beyond those, and are read
//! straight from these steps, without a tree (`questionnaire::streamed`).
//! Whatever the steps do not carry ends them with `None`: an anchor, an
//! alias, a plain `<<` (a merge key where it is a key), a second document,
//! a syntax error, a scalar the builder refuses, nesting or a number of
//! values past the builder's budgets. The caller then reads the file
//! through the tree, whose builder and walk word what is wrong.

use super::build::{position, refuse_control_characters, scalar_value, MAX_DEPTH, MAX_NODES};
use super::events::Events;
use super::{Node, Position};
use saphyr_parser::{Event, ScalarStyle};
use std::borrow::Cow;

/// One step of a plain document.
#[derive(Debug, Clone, PartialEq)]
pub enum Step {
    /// A mapping starts here; its keys and values follow, then its `End`.
    Map(Position),
    /// A list starts here; its items follow, then its `End`.
    List(Position),
    /// The innermost open mapping or list ends.
    End,
    /// A scalar, resolved, with its place.
    Scalar(Node),
}

/// What comes where a mapping's key is due.
#[derive(Debug, Clone, PartialEq)]
pub enum Key<'input> {
    /// A key that is text, borrowed from the file where it can be.
    Text(Cow<'input, str>),
    /// The mapping ends.
    End,
}

/// The steps of one document, taken one at a time.
pub struct Steps<'input> {
    events: Events<'input>,
    tight_text: bool,
    /// Scalars and collections so far, against the builder's budget.
    nodes: usize,
    /// Collections open.
    depth: usize,
}

impl std::fmt::Debug for Steps<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Steps")
            .field("nodes", &self.nodes)
            .field("depth", &self.depth)
            .finish_non_exhaustive()
    }
}

impl<'input> Steps<'input> {
    pub(super) fn new(events: Events<'input>, tight_text: bool) -> Steps<'input> {
        Steps {
            events,
            tight_text,
            nodes: 0,
            depth: 0,
        }
    }

    /// Runs `read` over the one document's steps; `None` when it gives up,
    /// or when the stream holds anything but that one document.
    pub(super) fn read<T>(
        mut self,
        read: impl FnOnce(&mut Steps<'input>) -> Option<T>,
    ) -> Option<T> {
        loop {
            match self.events.next()?.ok()?.0 {
                Event::StreamStart | Event::Nothing => {}
                Event::DocumentStart(_) => break,
                _ => return None,
            }
        }
        let value = read(&mut self)?;
        if self.depth != 0 {
            return None;
        }
        loop {
            match self.events.next()?.ok()?.0 {
                Event::DocumentEnd | Event::Nothing => {}
                Event::StreamEnd => return Some(value),
                _ => return None,
            }
        }
    }

    /// The next step of the document; `None` at anything the steps do not carry.
    // `Option` is the answer "read it through the tree", not an absence.
    #[allow(clippy::should_implement_trait)]
    pub fn next(&mut self) -> Option<Step> {
        let (event, span) = self.events.next()?.ok()?;
        let at = position(&span);
        match event {
            Event::Scalar(text, style, 0, tag) => {
                self.count()?;
                let (value, merge_key) =
                    scalar_value(text, style, tag.as_deref(), at, self.tight_text).ok()?;
                (!merge_key).then_some(Step::Scalar(Node { value, at }))
            }
            Event::MappingStart(0, _) => {
                self.open()?;
                Some(Step::Map(at))
            }
            Event::SequenceStart(0, _) => {
                self.open()?;
                Some(Step::List(at))
            }
            Event::MappingEnd | Event::SequenceEnd => {
                self.depth = self.depth.checked_sub(1)?;
                Some(Step::End)
            }
            _ => None,
        }
    }

    /// The next step where a mapping's key is due: the key, when it is
    /// text, or the mapping's end; `None` at anything else, as [`Steps::next`]
    /// gives. A key is not copied out of the file, as a value is: each
    /// file has hundreds, and they are only compared.
    pub fn next_key(&mut self) -> Option<Key<'input>> {
        let (event, span) = self.events.next()?.ok()?;
        match event {
            Event::MappingEnd => {
                self.depth = self.depth.checked_sub(1)?;
                Some(Key::End)
            }
            Event::Scalar(text, style, 0, None) => {
                self.count()?;
                // A merge key, or a null, a boolean or a number as a key,
                // is for the tree.
                let plain = style == ScalarStyle::Plain;
                if plain && (text == "<<" || super::scalar::is_not_text(&text)) {
                    return None;
                }
                refuse_control_characters(&text, position(&span)).ok()?;
                Some(Key::Text(text))
            }
            Event::Scalar(text, style, 0, tag) => {
                self.count()?;
                let at = position(&span);
                match scalar_value(text, style, tag.as_deref(), at, false).ok()? {
                    (super::Value::Text(text), false) => Some(Key::Text(Cow::Owned(text))),
                    _ => None,
                }
            }
            _ => None,
        }
    }

    fn count(&mut self) -> Option<()> {
        self.nodes += 1;
        (self.nodes <= MAX_NODES).then_some(())
    }

    fn open(&mut self) -> Option<()> {
        self.count()?;
        self.depth += 1;
        (self.depth <= MAX_DEPTH).then_some(())
    }
}

#[cfg(test)]
mod tests {
    use super::super::{parse, with_steps, Value};
    use super::*;

    /// Every step of `text`'s document, or `None` where they end.
    fn steps(text: &str) -> Option<Vec<Step>> {
        with_steps(text, |steps| {
            let mut all = Vec::new();
            let mut open = 0usize;
            loop {
                let step = steps.next()?;
                match step {
                    Step::Map(_) | Step::List(_) => open += 1,
                    Step::End => open -= 1,
                    Step::Scalar(_) => {}
                }
                all.push(step);
                if open == 0 {
                    return Some(all);
                }
            }
        })
    }

    fn at(line: u32, column: u32) -> Position {
        Position { line, column }
    }

    #[test]
    fn a_plain_document_is_its_steps_with_their_places() {
        let text = "a: 1\nb: [x, \"y\"]\n";
        let scalar = |value, line, column| {
            Step::Scalar(Node {
                value,
                at: at(line, column),
            })
        };
        assert_eq!(
            steps(text),
            Some(vec![
                Step::Map(at(1, 1)),
                scalar(Value::Text("a".into()), 1, 1),
                scalar(Value::Int(1), 1, 4),
                scalar(Value::Text("b".into()), 2, 1),
                Step::List(at(2, 4)),
                scalar(Value::Text("x".into()), 2, 5),
                scalar(Value::Text("y".into()), 2, 8),
                Step::End,
                Step::End,
            ])
        );
    }

    #[test]
    fn whatever_needs_the_tree_ends_the_steps() {
        for text in [
            "a: &x 1\nb: *x\n",
            "a: &x [1]\n",
            "a: &x {b: 1}\n",
            "a: {b: 1}\nc:\n  <<: {b: 2}\n",
            "a: 1\n---\nb: 2\n",
            "a: [1\n",
            "a: !!int x\n",
            "a: \"\u{1b}[31m\"\n",
            "a: .inf\n",
        ] {
            assert_eq!(steps(text), None, "{text:?}");
        }
        // At the builder's depth, still plain (the top mapping is one);
        // one level more, refused by both.
        let deepest = format!("a: {}{}\n", "[".repeat(31), "]".repeat(31));
        assert!(steps(&deepest).is_some());
        assert!(parse(&deepest).is_ok());
        let deeper = format!("a: {}{}\n", "[".repeat(32), "]".repeat(32));
        assert_eq!(steps(&deeper), None);
        assert!(parse(&deeper).is_err());
    }

    /// The keys of `text`'s top mapping, as `next_key` gives them, up to
    /// the first it does not give.
    fn keys(text: &str) -> Vec<Option<Key<'static>>> {
        let mut keys = Vec::new();
        with_steps(text, |steps| {
            let Some(Step::Map(_)) = steps.next() else {
                return None;
            };
            loop {
                let key = steps.next_key();
                keys.push(key.clone().map(|key| match key {
                    Key::Text(text) => Key::Text(Cow::Owned(text.into_owned())),
                    Key::End => Key::End,
                }));
                match key {
                    Some(Key::Text(_)) => steps.next()?,
                    _ => return Some(()),
                };
            }
        });
        keys
    }

    #[test]
    fn a_key_is_given_where_it_is_text() {
        let text = |key: &str| Some(Key::Text(Cow::Owned(key.to_owned())));
        assert_eq!(
            keys("a: 1\n'<<': 2\n\"b c\": 3\n!!str 4: 5\n"),
            vec![
                text("a"),
                text("<<"),
                text("b c"),
                text("4"),
                Some(Key::End)
            ]
        );
        // A key borrowed from the file, where the file holds it as it is.
        with_steps("name: x\n", |steps| {
            steps.next()?;
            assert!(matches!(
                steps.next_key(),
                Some(Key::Text(Cow::Borrowed("name")))
            ));
            Some(())
        });
        // A null, a boolean, a number or a merge key, a key with a control
        // character, a list or a mapping as a key: for the tree.
        for refused in [
            "1: a\n",
            "true: a\n",
            "~: a\n",
            "<<: {a: 1}\n",
            "\"a\\u0007\": 1\n",
            "? [a]\n: 1\n",
            "? {a: 1}\n: 1\n",
        ] {
            assert_eq!(keys(refused), vec![None], "{refused:?}");
        }
    }

    #[test]
    fn a_reader_that_stops_early_gives_nothing() {
        assert_eq!(with_steps("a: 1\n", |steps| steps.next().map(|_| ())), None);
    }

    #[test]
    fn a_large_file_gives_the_steps_a_small_one_gives() {
        let item = "- {name: p, stage: pilot, users: 3}\n";
        let large = item.repeat(crate::load::source::LARGE_FILE / item.len() + 1);
        let small = item.repeat(3);
        let large_steps = steps(&large).expect("plain");
        let small_steps = steps(&small).expect("plain");
        assert_eq!(large_steps.len(), (large.len() / item.len()) * 8 + 2);
        assert_eq!(
            large_steps[..small_steps.len() - 1],
            small_steps[..small_steps.len() - 1]
        );
        let late_anchor = format!("{large}- &a x\n");
        assert_eq!(steps(&late_anchor), None);
    }
}
