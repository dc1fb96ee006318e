//! `readiness rubric show`: the rubric in use, as a person reads it.

use super::words::{new_table, right_align};
use crate::rubric::{Rubric, Side};
use comfy_table::Table;
use std::fmt::Write as _;

// One straight sequence of sections; splitting it would hide their order.
#[allow(clippy::too_many_lines)]
pub fn render(rubric: &Rubric, width: u16) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{} (id {}, version {})\n",
        rubric.name, rubric.id, rubric.version
    );

    let t = &rubric.thresholds;
    let mut thresholds = table(width, &["Threshold", "Value", "Used by"]);
    for (name, value, used_by) in [
        (
            "quadrant_cut",
            t.quadrant_cut.to_string(),
            "quadrant: a side at or above it is high",
        ),
        (
            "stale_pilot_days",
            t.stale_pilot_days.to_string(),
            "stale-pilot",
        ),
        (
            "cost_overrun_ratio",
            t.cost_overrun_ratio.to_string(),
            "cost-overrun (above it)",
        ),
        (
            "no_production_min_active",
            t.no_production_min_active.to_string(),
            "no-production",
        ),
        (
            "overwhelmed_open_options",
            t.overwhelmed_open_options.to_string(),
            "overwhelmed",
        ),
        (
            "plan_without_results_strategy",
            t.plan_without_results_strategy.to_string(),
            "plan-without-results (at or above)",
        ),
        (
            "plan_without_results_implementation",
            t.plan_without_results_implementation.to_string(),
            "plan-without-results (below)",
        ),
        (
            "strategy_equals_ready_strategy",
            t.strategy_equals_ready_strategy.to_string(),
            "strategy-equals-ready",
        ),
        (
            "stuck_min_signals",
            t.stuck_min_signals.to_string(),
            "purgatory status stuck",
        ),
        (
            "pivot_min_strategy",
            t.pivot_min_strategy.to_string(),
            "focus: stuck pivots to implementation",
        ),
        (
            "recommended_gaps",
            t.recommended_gaps.to_string(),
            "recommendations from criterion gaps",
        ),
    ] {
        thresholds.add_row(vec![name.to_owned(), value, used_by.to_owned()]);
    }
    let _ = writeln!(out, "{thresholds}\n");

    let l = &rubric.levels;
    let _ = writeln!(
        out,
        "Levels by overall score: exploring from 0, experimenting from {}, operationalizing from {}, scaling from {}, transforming from {}.\n",
        l.experimenting, l.operationalizing, l.scaling, l.transforming
    );

    let mut criteria = table(
        width,
        &["Dimension", "Side", "Criterion", "Weight", "Title"],
    );
    for dimension_index in 0..rubric.dimensions.len() {
        for c in rubric
            .criteria
            .iter()
            .filter(|c| c.dimension == dimension_index)
        {
            let side = match c.side {
                Side::Strategy => "strategy",
                Side::Implementation => "implementation",
            };
            criteria.add_row(vec![
                rubric.dimensions[dimension_index].name.to_string(),
                side.to_owned(),
                c.id.to_string(),
                c.weight.to_string(),
                c.title.to_string(),
            ]);
        }
    }
    right_align(&mut criteria, &[3]);
    let _ = writeln!(out, "{criteria}\n");

    let mut findings = table(width, &["Finding", "Severity", "Title"]);
    for spec in crate::findings::catalog::CATALOG {
        let text = rubric.finding(spec.id);
        findings.add_row(vec![
            spec.id.to_owned(),
            text.severity.word().to_owned(),
            text.title.to_string(),
        ]);
    }
    let _ = writeln!(out, "{findings}");
    out
}

fn table(width: u16, header: &[&str]) -> Table {
    new_table(header, Some(width), false)
}
