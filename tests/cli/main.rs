//! The integration tests, in one binary so they build and link once: the
//! whole command line, the rules at their boundaries, the report formats,
//! properties of the scoring, and the fuzzing harness. The exit-code and
//! message contract cases are data files in `tests/cmd/`, run by `cmd`.

mod common;

mod accept;
mod bad_input;
mod baseline;
mod ci_formats;
mod cmd;
mod code_layout;
mod commands;
mod config;
mod diff;
mod evidence_cap;
mod examples;
mod findings;
mod focus;
mod frameworks;
mod fuzz;
mod gates;
mod hardening;
mod history;
mod html;
mod leadership;
mod markdown;
mod portfolio;
mod properties;
mod purgatory;
mod real_cases;
mod recommendations;
mod regression;
mod report_schema;
mod rubric;
mod scanning;
mod schema_and_init;
mod scoring;
mod stdin;
mod untrusted;
mod width;
