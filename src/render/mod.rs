//! Renderers: each a pure function of the `Assessment` (or, for `rubric show`,
//! of the rubric). None recomputes a score.

pub mod json;
pub mod markdown;
pub mod portfolio;
pub mod rubric;
pub mod table;
pub mod words;
