//! The questionnaire as the rest of the tool sees it: every answer given,
//! typed and checked, with the position it was written at.
//!
//! Answers are keyed by their dotted path from the format table (`format.rs`),
//! so lookups, evidence and the unanswered list all speak the same paths a
//! reader sees in their own file.

pub mod about;
pub mod format;
mod keys;
mod load;
mod references;
mod streamed;
mod value;

use crate::date::Date;
use crate::diagnostic::Position;
use crate::vocabulary::Word;
use keys::KeyMap;
use std::collections::BTreeMap;

pub use load::{load, LoadOptions};

/// Text that is often one of the format's own words or paths, borrowed then,
/// and written out only when it names something in this questionnaire.
pub type Words = std::borrow::Cow<'static, str>;

/// A typed answer value.
#[derive(Debug, Clone, PartialEq)]
pub enum Given {
    Text(String),
    Integer(i64),
    Number(f64),
    Flag(bool),
    Date(Date),
    /// A closed choice: the word and its place in the maturity order.
    Choice {
        word: &'static str,
        rank: usize,
    },
    /// An "any of" list, each word once, in the order of the format.
    Words(Vec<&'static str>),
    /// A list of names that refer to items elsewhere in the file, each
    /// once, in the order written, each with its place for messages.
    Names(Vec<Named>),
}

/// A name written in a list of names, and where.
#[derive(Debug, Clone, PartialEq)]
pub struct Named {
    pub text: String,
    pub at: Position,
}

impl Given {
    /// The value in words, as evidence shows it; the format's own words borrowed.
    pub fn describe(&self) -> Words {
        match self {
            Given::Text(t) => t.clone().into(),
            Given::Integer(i) => i.to_string().into(),
            Given::Number(x) => format_number(*x).into(),
            Given::Flag(true) => "true".into(),
            Given::Flag(false) => "false".into(),
            Given::Date(d) => d.to_string().into(),
            Given::Choice { word, .. } => (*word).into(),
            Given::Words(words) if words.is_empty() => "none".into(),
            Given::Words(words) => words.join(", ").into(),
            Given::Names(names) if names.is_empty() => "none".into(),
            Given::Names(names) => names
                .iter()
                .map(|n| n.text.as_str())
                .collect::<Vec<_>>()
                .join(", ")
                .into(),
        }
    }
}

/// A number as a person writes it: no trailing `.0`, at most two decimals,
/// and no minus sign on a number that rounds to zero (`-0.001` is `0`).
pub fn format_number(x: f64) -> String {
    if !(x * 100.0).is_finite() {
        // The largest doubles, times 100, overflow to infinity; they hold
        // no cents to round: written whole.
        return format!("{x:.0}");
    }
    let rounded = (x * 100.0).round() / 100.0;
    if rounded.fract() == 0.0 && rounded.abs() < 1e15 {
        // Whole numbers are most answers (`users: 40`); written as an
        // integer, as `{:.0}` would write them, without float formatting.
        if rounded == 0.0 {
            return "0".to_owned();
        }
        #[allow(clippy::cast_possible_truncation)] // whole and below 1e15
        itoa::Buffer::new().format(rounded as i64).to_owned()
    } else {
        let text = format!("{rounded:.2}");
        // From 1e15 up, `.00` is all that is left after the digits.
        text.trim_end_matches('0').trim_end_matches('.').to_owned()
    }
}

/// One answer and where it was written.
#[derive(Debug, Clone, PartialEq)]
pub struct Answer {
    pub value: Given,
    pub at: Position,
}

/// Answers by their key, within the questionnaire or within one list item.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Answers {
    by_key: KeyMap<Answer>,
}

impl Answers {
    /// Room for `n` answers, so that filling it never grows the map.
    pub(crate) fn with_capacity(n: usize) -> Answers {
        Answers {
            by_key: KeyMap::with_capacity_and_hasher(n, rustc_hash::FxBuildHasher),
        }
    }

    pub(crate) fn insert(&mut self, key: &'static str, answer: Answer) {
        self.by_key.insert(key, answer);
    }

    pub fn get(&self, key: &str) -> Option<&Answer> {
        self.by_key.get(key)
    }

    pub fn text(&self, key: &str) -> Option<&str> {
        match &self.get(key)?.value {
            Given::Text(t) => Some(t),
            _ => None,
        }
    }

    pub fn flag(&self, key: &str) -> Option<bool> {
        match self.get(key)?.value {
            Given::Flag(b) => Some(b),
            _ => None,
        }
    }

    pub fn integer(&self, key: &str) -> Option<i64> {
        match self.get(key)?.value {
            Given::Integer(i) => Some(i),
            _ => None,
        }
    }

    /// A number, whether written as a whole number or not.
    pub fn number(&self, key: &str) -> Option<f64> {
        match self.get(key)?.value {
            Given::Number(x) => Some(x),
            Given::Integer(i) => Some(i as f64),
            _ => None,
        }
    }

    pub fn date(&self, key: &str) -> Option<Date> {
        match self.get(key)?.value {
            Given::Date(d) => Some(d),
            _ => None,
        }
    }

    pub fn choice(&self, key: &str) -> Option<&'static str> {
        match self.get(key)?.value {
            Given::Choice { word, .. } => Some(word),
            _ => None,
        }
    }

    /// A choice as a member of its closed set, when the logic reads it.
    pub fn choice_of<T: Word>(&self, key: &str) -> Option<T> {
        self.choice(key).and_then(T::parse)
    }

    pub fn words(&self, key: &str) -> Option<&[&'static str]> {
        match &self.get(key)?.value {
            Given::Words(words) => Some(words),
            _ => None,
        }
    }

    pub fn names(&self, key: &str) -> Option<&[Named]> {
        match &self.get(key)?.value {
            Given::Names(names) => Some(names),
            _ => None,
        }
    }
}

/// A list of the questionnaire (business problems, pilots).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct List {
    pub at: Position,
    pub items: Vec<Item>,
}

/// One item of a list, with its own answers.
#[derive(Debug, Clone, PartialEq)]
pub struct Item {
    pub at: Position,
    pub answers: Answers,
}

impl Item {
    /// The item's name (required in every item, so present once loaded).
    pub fn name(&self) -> &str {
        self.answers.text("name").unwrap_or_default()
    }
}

pub use crate::vocabulary::DateSource;

/// A loaded, checked questionnaire.
#[derive(Debug, Clone, PartialEq)]
pub struct Questionnaire {
    /// Every single answer given, by its dotted path.
    pub answers: Answers,
    lists: BTreeMap<&'static str, List>,
    /// "Today" for everything that depends on time.
    pub assessed: Date,
    pub assessed_from: DateSource,
}

impl Questionnaire {
    pub fn organization(&self) -> &str {
        self.answers
            .text(format::path::ORGANIZATION_NAME)
            .unwrap_or_default()
    }

    /// The list at `path`, `None` when it was left out.
    pub fn list(&self, path: &str) -> Option<&List> {
        self.lists.get(path)
    }
}

#[cfg(test)]
mod tests {
    use super::format_number;
    use proptest::prelude::*;

    /// What the whole-number path replaced: every number through the
    /// float formatting, a negative zero made zero first.
    fn as_float_formatting_writes_it(x: f64) -> String {
        let rounded = (x * 100.0).round() / 100.0 + 0.0;
        if rounded.fract() == 0.0 && rounded.abs() < 1e15 {
            format!("{rounded:.0}")
        } else {
            let text = format!("{rounded:.2}");
            text.trim_end_matches('0').trim_end_matches('.').to_owned()
        }
    }

    #[test]
    fn numbers_are_written_as_the_float_formatting_writes_them() {
        for x in [
            0.0, -0.0, -0.001, 0.004, 1.0, -1.0, 40.0, 2.999, 1e14, -1e14, 1e15, -1e15, 1.25, 1.5,
            0.125,
        ] {
            assert_eq!(format_number(x), as_float_formatting_writes_it(x), "{x}");
        }
        assert_eq!(format_number(-0.0), "0");
        // The largest finite answer is written whole, never as "inf".
        let largest = format_number(f64::MAX);
        assert!(largest.starts_with("17976931348623157") && largest.len() == 309);
        assert_eq!(format_number(-0.001), "0");
        assert_eq!(format_number(-0.005), "-0.01");
        assert_eq!(format_number(1.5), "1.5");
        assert_eq!(format_number(1e15), "1000000000000000");
    }

    proptest! {
        #[test]
        fn any_number_is_written_as_before(x in -2e15f64..2e15, whole in any::<bool>()) {
            let x = if whole { x.trunc() } else { x };
            prop_assert_eq!(format_number(x), as_float_formatting_writes_it(x));
        }
    }
}
