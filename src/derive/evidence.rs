//! Evidence: the answers behind a finding or a recommendation, each with its
//! questionnaire path, its value in words and its line, so a reader can check
//! it in their own file.

use crate::vocabulary::{Side, Word};
use std::borrow::Cow;
use std::fmt;

pub use crate::load::questionnaire::Words;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Evidence {
    /// The questionnaire path (`implementation.pilots[1]`), or `scores.strategy`.
    pub path: EvidencePath,
    /// The value in words (`churn-model, running 630 days`).
    pub value: Words,
    /// The line in the questionnaire; `None` for a score.
    pub line: Option<u32>,
}

impl Evidence {
    pub fn answer(path: impl Into<EvidencePath>, value: impl Into<Words>, line: u32) -> Evidence {
        Evidence {
            path: path.into(),
            value: value.into(),
            line: Some(line),
        }
    }

    /// A side's score the trigger rests on (no line: it is computed, not
    /// written), cited as `scores.strategy` or `scores.implementation`.
    pub fn score(side: Side, value: f64) -> Evidence {
        Evidence {
            path: EvidencePath::Score(side),
            value: format!("{value:.1}").into(),
            line: None,
        }
    }

    /// An answer that was left out.
    pub fn unanswered(path: impl Into<EvidencePath>) -> Evidence {
        Evidence {
            path: path.into(),
            value: Cow::Borrowed("unanswered"),
            line: None,
        }
    }
}

/// Where evidence points, written out only when shown: most evidence names a
/// path of the format, or an item of a list, so no text needs to be kept.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EvidencePath {
    /// A path of the format.
    Fixed(&'static str),
    /// A side's score (`scores.strategy`).
    Score(Side),
    /// A path written out, for an answer the format names by item
    /// (`implementation.pilots[2].monitoring`) when it is left out.
    Written(String),
    /// An item of a list (`implementation.pilots[2]`), or one of its keys
    /// (`implementation.pilots[2].monitoring`).
    Item {
        list: &'static str,
        index: usize,
        key: Option<&'static str>,
    },
}

impl From<&'static str> for EvidencePath {
    fn from(path: &'static str) -> EvidencePath {
        EvidencePath::Fixed(path)
    }
}

impl EvidencePath {
    /// The path written out, straight into one allocation of the right
    /// size rather than through the formatting machinery, which was most of
    /// the cost of converting a report of ten thousand pilots (hundreds of
    /// thousands of paths).
    pub fn text(&self) -> String {
        match self {
            EvidencePath::Fixed(path) => (*path).to_owned(),
            EvidencePath::Score(side) => ["scores.", side.word()].concat(),
            EvidencePath::Written(path) => path.clone(),
            EvidencePath::Item { list, index, key } => {
                let mut digits = itoa::Buffer::new();
                let index = digits.format(*index);
                let key_len = key.map_or(0, |k| k.len() + 1);
                let mut text = String::with_capacity(list.len() + index.len() + 2 + key_len);
                text.push_str(list);
                text.push('[');
                text.push_str(index);
                text.push(']');
                if let Some(key) = key {
                    text.push('.');
                    text.push_str(key);
                }
                text
            }
        }
    }
}

/// Written in pieces, with no text of its own.
impl fmt::Display for EvidencePath {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            EvidencePath::Fixed(path) => f.write_str(path),
            EvidencePath::Score(side) => {
                f.write_str("scores.")?;
                f.write_str(side.word())
            }
            EvidencePath::Written(path) => f.write_str(path),
            EvidencePath::Item { list, index, key } => {
                f.write_str(list)?;
                f.write_str("[")?;
                f.write_str(itoa::Buffer::new().format(*index))?;
                f.write_str("]")?;
                if let Some(key) = key {
                    f.write_str(".")?;
                    f.write_str(key)?;
                }
                Ok(())
            }
        }
    }
}

impl PartialEq<&str> for EvidencePath {
    fn eq(&self, other: &&str) -> bool {
        match self {
            EvidencePath::Fixed(path) => path == other,
            EvidencePath::Score(side) => other.strip_prefix("scores.") == Some(side.word()),
            EvidencePath::Written(path) => path == other,
            EvidencePath::Item { list, index, key } => {
                let Some((at, rest)) = other
                    .strip_prefix(list)
                    .and_then(|r| r.strip_prefix('['))
                    .and_then(|r| r.split_once(']'))
                else {
                    return false;
                };
                let key_matches = match key {
                    None => rest.is_empty(),
                    Some(key) => rest.strip_prefix('.') == Some(*key),
                };
                at == index.to_string() && key_matches
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::questionnaire::format::{pilot, PILOTS};

    #[test]
    fn paths_are_written_and_compared_as_text() {
        let item = EvidencePath::Item {
            list: PILOTS,
            index: 2,
            key: None,
        };
        let key = EvidencePath::Item {
            list: PILOTS,
            index: 2,
            key: Some(pilot::MONITORING),
        };
        assert_eq!(item.to_string(), "implementation.pilots[2]");
        assert_eq!(key.to_string(), "implementation.pilots[2].monitoring");
        let far = EvidencePath::Item {
            list: PILOTS,
            index: 12_345,
            key: Some(pilot::MONITORING),
        };
        assert_eq!(far.text(), "implementation.pilots[12345].monitoring");
        assert_eq!(
            EvidencePath::Fixed("strategy.sponsor").text(),
            "strategy.sponsor"
        );
        assert_eq!(
            EvidencePath::Written("implementation.pilots[1].retraining".to_owned()).text(),
            "implementation.pilots[1].retraining"
        );
        assert_eq!(item, "implementation.pilots[2]");
        assert_eq!(key, "implementation.pilots[2].monitoring");
        assert_ne!(item, "implementation.pilots[2].monitoring");
        assert_ne!(key, "implementation.pilots[2]");
        assert_ne!(item, "implementation.pilots[20]");
        assert_ne!(item, "strategy.business_problems[2]");
        assert_eq!(EvidencePath::Score(Side::Strategy), "scores.strategy");
        assert_ne!(EvidencePath::Score(Side::Strategy), "scores.implementation");
        // A path written out is compared as the text it is.
        let written = EvidencePath::Written("implementation.pilots[1].retraining".to_owned());
        assert_eq!(written, "implementation.pilots[1].retraining");
        assert_ne!(written, "implementation.pilots[1].monitoring");
        assert_eq!(EvidencePath::Fixed("strategy.sponsor"), "strategy.sponsor");
        assert_ne!(EvidencePath::Fixed("strategy.sponsor"), "strategy.roadmap");
        assert_eq!(
            EvidencePath::Score(Side::Strategy).to_string(),
            "scores.strategy"
        );
    }
}
