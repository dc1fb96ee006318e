//! `readiness`: how ready an organization is for AI, and what to do next.
//!
//! The flow is one way: text is loaded into a checked [`questionnaire`], facts
//! are derived from it, the [`rubric`] turns both into an [`assessment`], and
//! each renderer is a pure function of that assessment.

pub mod app;
pub mod assess;
pub mod assessment;
pub mod cli;
pub mod config;
pub mod date;
pub mod diagnostic;
pub mod error;
pub mod evidence;
pub mod explain;
pub mod facts;
pub mod findings;
pub mod focus;
pub mod gate;
pub mod init;
pub mod inputs;
pub mod output;
pub mod portfolio;
pub mod questionnaire;
pub mod read;
pub mod recommend;
pub mod render;
pub mod rubric;
pub mod schema;
pub mod scoring;
pub mod settings;
pub mod source;
pub mod suggest;
pub mod toml_text;
pub mod vocabulary;
pub mod yaml;
