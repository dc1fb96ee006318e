//! Reads a plain questionnaire straight from the parser's events, without
//! the YAML tree.
//!
//! A file that uses nothing of YAML beyond mappings, lists and scalars and
//! holds no problem the walk would find is read here in one pass, into the
//! answers the walk gives it, without building a tree first (a test reads
//! every shipped example, and mutations of them, both ways). At the first
//! thing this pass does not read (an anchor, an unknown or repeated key, a
//! value of the wrong kind, a missing answer) it gives up, and `load`
//! reads the file through the tree, whose walk finds and words every
//! problem. Each value is read by the walk's own `read`, so a value means
//! here what it means there.

use super::format::{self, path, Entry, Kind, ListQuestion};
use super::value::{read, ItemPath};
use super::{Answer, Answers, Given, Item, List};
use crate::load::yaml::{self, Key, Node, Step, Steps, Value};
use std::borrow::Cow;
use std::collections::BTreeMap;

/// A questionnaire's answers, read without problems.
#[derive(Debug)]
pub(super) struct Read {
    pub(super) answers: Answers,
    pub(super) lists: BTreeMap<&'static str, List>,
}

/// The answers of `text`, or `None` when it must be read through the tree.
pub(super) fn read_plain(text: &str) -> Option<Read> {
    yaml::with_steps(text, |steps| {
        let Step::Map(_) = steps.next()? else {
            return None;
        };
        let mut reader = Reader {
            steps,
            answers: Answers::with_capacity(format::QUESTIONS.len()),
            lists: BTreeMap::new(),
            has_version: false,
            item_answers: Vec::new(),
        };
        reader.mapping("")?;
        // What the walk checks at the top, once the file is read.
        let named = matches!(
            reader.answers.get(path::ORGANIZATION_NAME),
            Some(Answer { value: Given::Text(name), .. }) if !crate::diagnostic::shows_nothing(name)
        );
        (reader.has_version && named).then_some(Read {
            answers: reader.answers,
            lists: reader.lists,
        })
    })
}

struct Reader<'s, 'input> {
    steps: &'s mut Steps<'input>,
    answers: Answers,
    lists: BTreeMap<&'static str, List>,
    has_version: bool,
    /// One item's answers as they are read, reused from item to item, so
    /// that each item's map is made once at its exact size.
    item_answers: Vec<(&'static str, Answer)>,
}

impl Reader<'_, '_> {
    /// A mapping whose keys live under `prefix` in the format, up to its end.
    fn mapping(&mut self, prefix: &str) -> Option<()> {
        let mut keys: Vec<Cow<'_, str>> = Vec::new();
        let mut path = String::with_capacity(prefix.len() + 32);
        loop {
            let key = match self.steps.next_key()? {
                Key::End => return Some(()),
                Key::Text(key) => key,
            };
            // A key written twice: the tree's builder says so.
            if keys.contains(&key) {
                return None;
            }
            format::write_path(&mut path, prefix, &key);
            if path == "version" {
                let Step::Scalar(Node {
                    value: Value::Int(1),
                    ..
                }) = self.steps.next()?
                else {
                    return None;
                };
                self.has_version = true;
            } else {
                match format::entry(&path)? {
                    Entry::Question(question) => self.answer(question.path, question.kind)?,
                    Entry::List(list) => self.list(list)?,
                    Entry::Section => match self.steps.next()? {
                        Step::Map(_) => self.mapping(&path)?,
                        Step::Scalar(Node {
                            value: Value::Null, ..
                        }) => {}
                        _ => return None,
                    },
                }
            }
            keys.push(key);
        }
    }

    /// The value of one answer, which a list holds only for a list of names or words.
    fn value(&mut self, kind: Kind) -> Option<Node> {
        match self.steps.next()? {
            Step::Scalar(node) => Some(node),
            Step::List(at) if matches!(kind, Kind::Names | Kind::AnyOf(_)) => {
                let mut items = Vec::new();
                loop {
                    match self.steps.next()? {
                        Step::Scalar(item) => items.push(item),
                        Step::End => break,
                        Step::Map(_) | Step::List(_) => return None,
                    }
                }
                Some(Node {
                    value: Value::List(items),
                    at,
                })
            }
            _ => None,
        }
    }

    fn answer(&mut self, path: &'static str, kind: Kind) -> Option<()> {
        let mut node = self.value(kind)?;
        let at = node.at;
        if let Some(value) = read(&path, kind, &mut node).ok()? {
            self.answers.insert(path, Answer { value, at });
        }
        Some(())
    }

    fn list(&mut self, list: &'static ListQuestion) -> Option<()> {
        let at = match self.steps.next()? {
            Step::List(at) => at,
            Step::Scalar(Node {
                value: Value::Null, ..
            }) => return Some(()),
            _ => return None,
        };
        let mut items = Vec::new();
        loop {
            match self.steps.next()? {
                Step::End => break,
                Step::Map(at) => {
                    let answers = self.item(list, items.len())?;
                    items.push(Item { at, answers });
                }
                _ => return None,
            }
        }
        self.lists.insert(list.path, List { at, items });
        Some(())
    }

    /// One item's keys and values, up to the end of its mapping.
    fn item(&mut self, list: &'static ListQuestion, index: usize) -> Option<Answers> {
        let place = ItemPath {
            list: list.path,
            index,
        };
        self.item_answers.clear();
        // The fields written so far, one bit each.
        let mut written: u64 = 0;
        loop {
            let key = match self.steps.next_key()? {
                Key::End => break,
                Key::Text(key) => key,
            };
            let (bit, field) = list
                .fields
                .iter()
                .enumerate()
                .find(|(_, field)| field.key == key)?;
            if written & (1 << bit) != 0 {
                return None;
            }
            written |= 1 << bit;
            let mut node = self.value(field.kind)?;
            let at = node.at;
            let path = format_args!("{place}.{key}");
            if let Some(value) = read(&path, field.kind, &mut node).ok()? {
                self.item_answers.push((field.key, Answer { value, at }));
            }
        }
        for field in list.fields.iter().filter(|field| field.required) {
            let given = self.item_answers.iter().find(|(key, _)| *key == field.key);
            match given {
                Some((
                    _,
                    Answer {
                        value: Given::Text(text),
                        ..
                    },
                )) if crate::diagnostic::shows_nothing(text) => return None,
                Some(_) => {}
                None => return None,
            }
        }
        // The size the walk gives an item's map: the keys written.
        let mut answers = Answers::with_capacity(written.count_ones() as usize);
        for (key, answer) in self.item_answers.drain(..) {
            answers.insert(key, answer);
        }
        Some(answers)
    }
}

#[cfg(test)]
mod tests {
    use super::super::load::walk_tree;
    use super::*;
    use proptest::prelude::*;
    use std::fmt::Write as _;

    /// What the tree's walk gives `text`, when it finds no problem.
    fn through_tree(text: &str) -> Option<Read> {
        let walked = walk_tree(text).ok()?;
        (walked.problems.is_empty() && walked.partial.is_empty()).then_some(Read {
            answers: walked.answers,
            lists: walked.lists,
        })
    }

    /// Read plain, `text` gives what the tree gives it; and a file the
    /// tree reads without a problem, with no anchor, alias or merge key
    /// (nor `&`, `*` or `<<` in any text), is read plain.
    fn agrees(text: &str) -> Result<(), TestCaseError> {
        let beyond_plain = text.contains(['&', '*']) || text.contains("<<");
        if !beyond_plain && through_tree(text).is_some() {
            prop_assert!(read_plain(text).is_some(), "not read plain: {text}");
        }
        if let Some(read) = read_plain(text) {
            let tree = through_tree(text);
            prop_assert!(
                tree.is_some(),
                "read plain, but the tree finds problems: {text}"
            );
            let tree = tree.expect("checked");
            prop_assert_eq!(&read.answers, &tree.answers, "{}", text);
            prop_assert_eq!(&read.lists, &tree.lists, "{}", text);
        }
        Ok(())
    }

    const EXAMPLES: [&str; 9] = [
        include_str!("../../../examples/aligned-harbor-logistics.yaml"),
        include_str!("../../../examples/aligned-incident-lakeshore-health.yaml"),
        include_str!("../../../examples/aligned-unguarded-meridian-insurance.yaml"),
        include_str!("../../../examples/early-live-kestrel-manufacturing.yaml"),
        include_str!("../../../examples/early-millbrook-credit-union.yaml"),
        include_str!("../../../examples/insufficient-alder-foods.yaml"),
        include_str!("../../../examples/partial-cedar-health.yaml"),
        include_str!("../../../examples/slide-deck-northwind-retail.yaml"),
        include_str!("../../../examples/unused-tools-brightwave-software.yaml"),
    ];

    #[test]
    fn every_example_is_read_plain_as_the_tree_reads_it() {
        for text in EXAMPLES {
            let read = read_plain(text).expect("an example is plain");
            let tree = through_tree(text).expect("an example has no problem");
            assert_eq!(read.answers, tree.answers);
            assert_eq!(read.lists, tree.lists);
        }
    }

    #[test]
    fn every_list_item_has_at_most_64_keys() {
        // One bit per key marks the keys an item has written.
        assert!(format::LISTS.iter().all(|list| list.fields.len() <= 64));
    }

    const PLAIN: &str = "version: 1\norganization:\n  name: Acme\nimplementation:\n  pilots:\n    - name: a\n      stage: pilot\n";

    #[test]
    fn a_file_with_a_problem_or_beyond_plain_yaml_is_left_to_the_tree() {
        assert!(read_plain(PLAIN).is_some());
        for (from, to) in [
            // The top.
            ("version: 1\n", ""),
            ("version: 1\n", "version: 2\n"),
            ("version: 1\n", "version: \"1\"\n"),
            ("  name: Acme\n", ""),
            ("  name: Acme\n", "  name: \" \"\n"),
            ("  name: Acme\n", "  name:\n"),
            // Keys.
            ("organization:\n", "organisation:\n"),
            ("  name: Acme\n", "  name: Acme\n  name: Acme\n"),
            ("  name: Acme\n", "  name: Acme\n  1: x\n"),
            ("version: 1\n", "version: 1\nversion: 1\n"),
            // Values of the wrong kind.
            ("  name: Acme\n", "  name: [Acme]\n"),
            ("  name: Acme\n", "  name: Acme\n  employees: many\n"),
            ("organization:\n", "organization: Acme\n"),
            ("  pilots:\n", "  pilots: a\n"),
            ("    - name: a\n", "    - a\n    - name: a\n"),
            // Items.
            (
                "      stage: pilot\n",
                "      stage: pilot\n      stage: pilot\n",
            ),
            (
                "      stage: pilot\n",
                "      stage: pilot\n      colour: red\n",
            ),
            ("    - name: a\n", "    - stage: pilot\n    - name: a\n"),
            ("    - name: a\n", "    - name: \"\"\n"),
            ("      stage: pilot\n", "      stage: [pilot]\n"),
            // YAML beyond the plain.
            ("  name: Acme\n", "  name: &n Acme\n  industry: *n\n"),
            ("      stage: pilot\n", "      <<: {stage: pilot}\n"),
            ("      stage: pilot\n", "      stage: pilot\n---\n"),
        ] {
            assert!(PLAIN.contains(from), "{from:?}");
            let text = PLAIN.replacen(from, to, 1);
            assert!(read_plain(&text).is_none(), "{text}");
        }
    }

    #[test]
    fn what_the_walk_reads_alike_is_read_plain() {
        for (from, to) in [
            ("organization:\n", "strategy:\norganization:\n"),
            (
                "implementation:\n",
                "strategy:\n  business_problems:\nimplementation:\n",
            ),
            ("  name: Acme\n", "  name:\tAcme\n"),
            ("  name: Acme\n", "  name: 42\n"),
            ("      stage: pilot\n", "      stage: pilot\n      users:\n"),
            ("  name: Acme\n", "  name: Acme\n  industry: \"banking\"\n"),
        ] {
            let text = PLAIN.replacen(from, to, 1);
            assert!(read_plain(&text).is_some(), "{text}");
            agrees(&text).unwrap_or_else(|e| panic!("{e}"));
        }
    }

    #[test]
    fn a_large_file_is_read_plain_as_the_tree_reads_it() {
        let mut text = PLAIN.to_owned();
        for n in 0..2_000 {
            write!(
                text,
                "    - name: p{n}\n      stage: production\n      users: {n}\n      success_metrics: [business_kpi, user_adoption]\n"
            )
            .expect("a string takes any text");
        }
        assert!(text.len() > crate::load::source::LARGE_FILE);
        let read = read_plain(&text).expect("plain");
        assert_eq!(read.lists[format::PILOTS].items.len(), 2_001);
        agrees(&text).unwrap_or_else(|e| panic!("{e}"));
    }

    /// A line of an example dropped, repeated, or replaced by one of these.
    const LINES: [&str; 10] = [
        "  name: x\n",
        "      stage: idea\n",
        "  x: &a 1\n",
        "  sponsor: *a\n",
        "    - name: pilot\n",
        "  users: 12.5\n",
        "strategy:\n",
        "  employees: 1e3\n",
        "      departments: [a, a]\n",
        "---\n",
    ];

    fn mutated(example: usize, edits: &[(usize, usize, usize)]) -> String {
        let mut lines: Vec<&str> = EXAMPLES[example].split_inclusive('\n').collect();
        for &(kind, at, with) in edits {
            let at = at % lines.len().max(1);
            match kind % 3 {
                0 if lines.len() > 1 => {
                    lines.remove(at);
                }
                1 => lines.insert(at, lines[at]),
                _ => lines[at] = LINES[with % LINES.len()],
            }
        }
        lines.concat()
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 512, failure_persistence: None, ..ProptestConfig::default() })]
        #[test]
        fn a_mutated_example_read_plain_is_what_the_tree_reads(
            example in 0..EXAMPLES.len(),
            edits in proptest::collection::vec((0usize..3, any::<usize>(), any::<usize>()), 1..4),
        ) {
            agrees(&mutated(example, &edits))?;
        }
    }
}
