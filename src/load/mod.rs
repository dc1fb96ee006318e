//! Stage 1, loading: files read safely into text, text into checked data.
//! Nothing after this stage sees text or can fail on bad input.

pub mod questionnaire;
pub mod schema;
pub mod source;
pub mod toml_text;
pub mod yaml;
