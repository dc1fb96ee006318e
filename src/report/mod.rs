//! The JSON report: its format ([`v1`], format 1, the types every JSON
//! document of the tool is written from and its schema derived from) and
//! reading a stored one back ([`read`]) with a questionnaire's strictness.
//! A comparison (`diff`, `assess --baseline`, the regression gate) reads
//! both of its sides as a [`Report`], whether stored or made now
//! (`Assessment::report`), so nothing downstream looks a value up by key.

pub mod read;
mod shape;
// The doc comments of the format's types are its schema's descriptions,
// read by people who consume the JSON: plain words, no Markdown.
#[allow(clippy::doc_markdown)]
pub mod v1;

pub use v1::{Criterion, Dimension, Finding, Report};
