//! `readiness`: how ready an organization is for AI, and what to do next.
//!
//! The flow is one way, and each stage is a folder:
//!
//! 1. [`load`]: text into a checked [`load::questionnaire`] (and the rubric's
//!    and config's TOML), every problem a [`diagnostic`];
//! 2. [`derive`](mod@derive): the facts the rules read, each with its [`derive::evidence`];
//! 3. [`rubric`] and [`assess`]: scores, findings, focus and recommendations,
//!    into an [`assessment`] (and, for several, a [`portfolio`] of rows);
//! 4. [`render`]: each format a pure function of the assessment or the
//!    portfolio;
//! 5. [`gate`]: thresholds for CI and their verdict, checked against the
//!    assessment by [`assess::gate`].
//!
//! [`report`] is the JSON report's format as types: written from the
//! assessment, read back from a stored report, compared by [`diff`], and
//! its schema derived from them. [`coverage`] is what an assessment shows
//! for each id of a framework.
//!
//! [`command`] runs a parsed command line through these stages; it is the
//! only part that touches files. [`vocabulary`] holds every closed set of
//! words, and depends on nothing else here.

pub mod acceptance;
pub mod assess;
pub mod assessment;
pub mod byte_search;
pub mod command;
pub mod coverage;
pub mod date;
pub mod derive;
pub mod diagnostic;
pub mod diff;
pub mod error;
pub mod frameworks;
pub mod gate;
pub mod history;
pub mod json_forms;
#[cfg(test)]
mod layering;
pub mod load;
pub mod number;
pub mod portfolio;
pub mod regression;
pub mod regression_moves;
pub mod render;
pub mod report;
pub mod rubric;
pub mod shared_text;
pub mod suggest;
pub mod text;
pub mod vocabulary;
