//! Findings: what the assessment noticed, each with its evidence.

pub mod catalog;
