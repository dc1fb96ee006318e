//! Evidence: the answers behind a finding or a recommendation, each with its
//! questionnaire path, its value in words and its line, so a reader can check
//! it in their own file.

use serde::Serialize;
use std::borrow::Cow;

/// Text that is often one of the format's own words or paths, borrowed then,
/// and written out only when it names something in this questionnaire.
pub type Words = Cow<'static, str>;

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Evidence {
    /// The questionnaire path (`implementation.pilots[1]`), or `scores.strategy`.
    pub path: Words,
    /// The value in words (`churn-model, running 630 days`).
    pub value: Words,
    /// The line in the questionnaire; `None` for a score.
    pub line: Option<u32>,
}

impl Evidence {
    pub fn answer(path: impl Into<Words>, value: impl Into<Words>, line: u32) -> Evidence {
        Evidence {
            path: path.into(),
            value: value.into(),
            line: Some(line),
        }
    }

    /// A score the trigger rests on (no line: it is computed, not written).
    pub fn score(name: &str, value: f64) -> Evidence {
        Evidence {
            path: format!("scores.{name}").into(),
            value: format!("{value:.1}").into(),
            line: None,
        }
    }

    /// An answer that was left out.
    pub fn unanswered(path: impl Into<Words>) -> Evidence {
        Evidence {
            path: path.into(),
            value: Cow::Borrowed("unanswered"),
            line: None,
        }
    }
}
