//! Writes a validated rubric as Rust source: how `rubrics/default.toml`
//! becomes `compiled.rs`, the default rubric built at start without parsing
//! or checking any TOML. A test regenerates the source from the TOML and
//! fails when the committed file differs (`READINESS_BLESS=1` rewrites it).

use super::{
    AnswerFirst, Benchmark, Criterion, Curve, Dimension, FindingText, ImpactWeights, Levels,
    Measure, Message, PilotPoints, QuadrantText, Rubric, RubricRef, SharedText, Thresholds,
};
use crate::frameworks::{Entry, Framework, Reference, References};
use crate::vocabulary::{PerWord, Word};
use std::fmt::{Debug, Write};
use std::sync::Arc;

/// The whole file for `rubric`.
pub(super) fn source(rubric: &Rubric) -> String {
    let mut out = String::from(HEADER);
    out.push_str("pub(super) fn rubric() -> Rubric {\n");
    rubric.code(&mut out);
    out.push_str("\n}\n");
    out
}

const HEADER: &str = "\
//! The default rubric, `rubrics/default.toml`, as Rust data: generated from
//! the TOML after it passed every rubric check, so a run that uses the
//! default rubric neither parses nor checks it. Do not edit: change the TOML
//! and run `READINESS_BLESS=1 cargo test --lib rubric`; a test fails while
//! the two differ.
#![allow(clippy::too_many_lines, clippy::unreadable_literal, clippy::wildcard_imports)]

use super::*;
use crate::frameworks::{Entry, Framework, Reference};
use std::sync::Arc;

/// Rubric text held by the binary, shared without allocating.
macro_rules! t {
    ($text:literal) => {
        SharedText::from_static($text)
    };
}

fn s(text: &str) -> String {
    text.to_owned()
}

";

/// A value written as the Rust expression that builds it.
trait Code {
    fn code(&self, out: &mut String);
}

fn write(out: &mut String, args: std::fmt::Arguments<'_>) {
    crate::text::append(out, |out| out.write_fmt(args));
}

impl Code for f64 {
    fn code(&self, out: &mut String) {
        // `{:?}` always writes a float literal (`3.0`, never `3`).
        write(out, format_args!("{self:?}"));
    }
}

impl Code for i64 {
    fn code(&self, out: &mut String) {
        write(out, format_args!("{self}"));
    }
}

impl Code for usize {
    fn code(&self, out: &mut String) {
        write(out, format_args!("{self}"));
    }
}

impl Code for bool {
    fn code(&self, out: &mut String) {
        write(out, format_args!("{self}"));
    }
}

/// A path of the questionnaire's format, or another word with no owner.
impl Code for &'static str {
    fn code(&self, out: &mut String) {
        // Debug writes a valid Rust string literal, escapes and all.
        write(out, format_args!("{self:?}"));
    }
}

impl Code for String {
    fn code(&self, out: &mut String) {
        write(out, format_args!("s({self:?})"));
    }
}

impl Code for SharedText {
    fn code(&self, out: &mut String) {
        write(out, format_args!("t!({:?})", &**self));
    }
}

impl<T: Code> Code for Option<T> {
    fn code(&self, out: &mut String) {
        match self {
            None => out.push_str("None"),
            Some(value) => {
                out.push_str("Some(");
                value.code(out);
                out.push(')');
            }
        }
    }
}

impl<T: Code> Code for Vec<T> {
    fn code(&self, out: &mut String) {
        out.push_str("vec![");
        list(self, out);
        out.push(']');
    }
}

impl<A: Code, B: Code> Code for (A, B) {
    fn code(&self, out: &mut String) {
        out.push('(');
        self.0.code(out);
        out.push_str(", ");
        self.1.code(out);
        out.push(')');
    }
}

impl<T: Code> Code for Arc<T> {
    fn code(&self, out: &mut String) {
        out.push_str("Arc::new(");
        (**self).code(out);
        out.push(')');
    }
}

impl Code for References {
    fn code(&self, out: &mut String) {
        out.push_str("References::from([");
        list(self, out);
        out.push_str("])");
    }
}

impl<K: Word + Debug, V: Code> Code for PerWord<K, V> {
    fn code(&self, out: &mut String) {
        out.push_str("PerWord::in_order(vec![");
        for (key, value) in self.iter() {
            write(out, format_args!("\n({}::{key:?}, ", type_name::<K>()));
            value.code(out);
            out.push_str("),");
        }
        out.push_str("\n])");
    }
}

/// The last segment of a type's path: `Severity` for `crate::vocabulary::Severity`.
fn type_name<T>() -> &'static str {
    let full = std::any::type_name::<T>();
    full.rsplit("::").next().unwrap_or(full)
}

fn list<T: Code>(items: &[T], out: &mut String) {
    for item in items {
        out.push('\n');
        item.code(out);
        out.push(',');
    }
    if !items.is_empty() {
        out.push('\n');
    }
}

/// Writes `Name { field: value, ... }`.
fn fields(out: &mut String, name: &str, fields: &[(&str, &dyn Code)]) {
    out.push_str(name);
    out.push_str(" {");
    for (field, value) in fields {
        write(out, format_args!("\n{field}: "));
        value.code(out);
        out.push(',');
    }
    out.push_str("\n}");
}

/// [`fields`] for a struct whose fields are named as the code names them.
macro_rules! code_struct {
    ($out:expr, $value:expr, $name:literal { $($field:ident),+ $(,)? }) => {
        fields($out, $name, &[$((stringify!($field), &$value.$field)),+])
    };
}

/// A closed word: `Severity::Warning`.
macro_rules! code_words {
    ($($name:ty),+ $(,)?) => {$(
        impl Code for $name {
            fn code(&self, out: &mut String) {
                write(out, format_args!("{}::{self:?}", type_name::<$name>()));
            }
        }
    )+};
}

code_words!(
    crate::vocabulary::Severity,
    crate::vocabulary::Side,
    crate::vocabulary::FindingId,
    crate::vocabulary::FocusReason,
    crate::vocabulary::Level,
    crate::vocabulary::Quadrant,
);

impl Code for Rubric {
    fn code(&self, out: &mut String) {
        code_struct!(out, self, "Rubric" {
            id, version, name, reference, thresholds, levels, level_meanings, quadrants,
            focus, early_started, dimensions, criteria, findings, benchmark, answer_first,
            frameworks,
        });
    }
}

impl Code for RubricRef {
    fn code(&self, out: &mut String) {
        code_struct!(out, self, "RubricRef" {
            id, version, name, quadrants, quadrant_cut, level_meanings,
        });
    }
}

impl Code for QuadrantText {
    fn code(&self, out: &mut String) {
        code_struct!(out, self, "QuadrantText" { name, meaning });
    }
}

impl Code for Thresholds {
    fn code(&self, out: &mut String) {
        code_struct!(out, self, "Thresholds" {
            quadrant_cut, min_side_completeness, pivot_min_strategy, impact_weights, max_weight,
            stale_pilot_days, cost_overrun_ratio, no_production_min_active,
            overwhelmed_open_options, plan_without_results_strategy,
            plan_without_results_implementation, strategy_equals_ready_strategy,
            recommended_gaps,
        });
    }
}

impl Code for ImpactWeights {
    fn code(&self, out: &mut String) {
        code_struct!(out, self, "ImpactWeights" { low, medium, high });
    }
}

impl Code for Levels {
    fn code(&self, out: &mut String) {
        code_struct!(out, self, "Levels" { experimenting, operationalizing, scaling, transforming });
    }
}

impl Code for Dimension {
    fn code(&self, out: &mut String) {
        code_struct!(out, self, "Dimension" { id, name, references });
    }
}

impl Code for Criterion {
    fn code(&self, out: &mut String) {
        code_struct!(out, self, "Criterion" {
            id, dimension, side, weight, title, advice, measure, labels,
        });
    }
}

impl Code for Measure {
    fn code(&self, out: &mut String) {
        match self {
            Measure::Choice { path, points } => {
                fields(
                    out,
                    "Measure::Choice",
                    &[("path", path), ("points", points)],
                );
            }
            Measure::Checklist { paths } => fields(out, "Measure::Checklist", &[("paths", paths)]),
            Measure::Scale { path, curve } => {
                fields(out, "Measure::Scale", &[("path", path), ("curve", curve)]);
            }
            Measure::AnyOf { path, items } => {
                fields(out, "Measure::AnyOf", &[("path", path), ("items", items)]);
            }
            Measure::Age { path, curve } => {
                fields(out, "Measure::Age", &[("path", path), ("curve", curve)]);
            }
            Measure::ListCompleteness {
                list,
                fields: names,
            } => {
                fields(
                    out,
                    "Measure::ListCompleteness",
                    &[("list", list), ("fields", names)],
                );
            }
            Measure::Pilots { field, points } => {
                fields(
                    out,
                    "Measure::Pilots",
                    &[("field", field), ("points", points)],
                );
            }
            Measure::PilotPresence { fields: names } => {
                fields(out, "Measure::PilotPresence", &[("fields", names)]);
            }
        }
    }
}

impl Code for PilotPoints {
    fn code(&self, out: &mut String) {
        match self {
            PilotPoints::Choice(points) => {
                out.push_str("PilotPoints::Choice(");
                points.code(out);
                out.push(')');
            }
            PilotPoints::Flag => out.push_str("PilotPoints::Flag"),
            PilotPoints::AnyOf(items) => {
                out.push_str("PilotPoints::AnyOf(");
                items.code(out);
                out.push(')');
            }
            PilotPoints::Scale(curve) => {
                out.push_str("PilotPoints::Scale(");
                curve.code(out);
                out.push(')');
            }
        }
    }
}

impl Code for Curve {
    fn code(&self, out: &mut String) {
        out.push_str("Curve(");
        self.0.code(out);
        out.push(')');
    }
}

impl Code for FindingText {
    fn code(&self, out: &mut String) {
        code_struct!(out, self, "FindingText" {
            severity, title, message, remedy, related, statement, correction, remedy_started,
            fix, references,
        });
    }
}

impl Code for Message {
    fn code(&self, out: &mut String) {
        match self {
            Message::One(text) => {
                out.push_str("Message::One(");
                text.code(out);
                out.push(')');
            }
            Message::BySource {
                belief,
                behavior,
                both,
                gap,
            } => fields(
                out,
                "Message::BySource",
                &[
                    ("belief", belief),
                    ("behavior", behavior),
                    ("both", both),
                    ("gap", gap),
                ],
            ),
        }
    }
}

impl Code for Benchmark {
    fn code(&self, out: &mut String) {
        code_struct!(out, self, "Benchmark" { pilot_to_production_pct, source });
    }
}

impl Code for AnswerFirst {
    fn code(&self, out: &mut String) {
        code_struct!(out, self, "AnswerFirst" { title, reason });
    }
}

impl Code for Framework {
    fn code(&self, out: &mut String) {
        code_struct!(out, self, "Framework" { id, name, version, short, entries });
    }
}

impl Code for Entry {
    fn code(&self, out: &mut String) {
        code_struct!(out, self, "Entry" { id, title, group, high_risk });
    }
}

impl Code for Reference {
    fn code(&self, out: &mut String) {
        code_struct!(out, self, "Reference" { framework, short, id, title, high_risk });
    }
}
