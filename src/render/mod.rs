//! Renderers: each a pure function of the `Assessment`. None recomputes a score.

pub mod json;
pub mod markdown;
pub mod table;
pub mod words;
