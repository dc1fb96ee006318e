//! `readiness rubric show`: the rubric in use, as a person reads it.

use super::words::{fit, new_table, right_align, wrap};
use crate::rubric::Rubric;
use crate::vocabulary::{FindingId, Focus, Level, PurgatoryStatus, Word};
use std::fmt::Write as _;

// One straight sequence of sections; splitting it would hide their order.
#[allow(clippy::too_many_lines)]
pub fn render(rubric: &Rubric, width: u16) -> String {
    crate::text::written(|out| {
        let title = format!(
            "{} (id {}, version {})",
            rubric.name, rubric.id, rubric.version
        );
        writeln!(out, "{}\n", wrap(&title, width, "", ""))?;

        let t = &rubric.thresholds;
        let mut thresholds = new_table(&["Threshold", "Value", "Used by"]);
        for (name, value, used_by) in [
            (
                "quadrant_cut",
                t.quadrant_cut.to_string(),
                "quadrant: a side at or above it is high".to_owned(),
            ),
            (
                "stale_pilot_days",
                t.stale_pilot_days.to_string(),
                FindingId::StalePilot.to_string(),
            ),
            (
                "cost_overrun_ratio",
                t.cost_overrun_ratio.to_string(),
                format!("{} (above it)", FindingId::CostOverrun),
            ),
            (
                "no_production_min_active",
                t.no_production_min_active.to_string(),
                FindingId::NoProduction.to_string(),
            ),
            (
                "overwhelmed_open_options",
                t.overwhelmed_open_options.to_string(),
                FindingId::Overwhelmed.to_string(),
            ),
            (
                "plan_without_results_strategy",
                t.plan_without_results_strategy.to_string(),
                format!("{} (at or above)", FindingId::PlanWithoutResults),
            ),
            (
                "plan_without_results_implementation",
                t.plan_without_results_implementation.to_string(),
                format!("{} (below)", FindingId::PlanWithoutResults),
            ),
            (
                "strategy_equals_ready_strategy",
                t.strategy_equals_ready_strategy.to_string(),
                FindingId::StrategyEqualsReady.to_string(),
            ),
            (
                "impact_weights",
                format!(
                    "low {}, medium {}, high {}",
                    t.impact_weights.low, t.impact_weights.medium, t.impact_weights.high
                ),
                "each started pilot's weight in per-pilot averages".to_owned(),
            ),
            (
                "max_weight",
                t.max_weight.to_string(),
                "rubric check: the largest weight a criterion may have".to_owned(),
            ),
            (
                "min_side_completeness",
                t.min_side_completeness.to_string(),
                "confidence insufficient, focus on strategy, answer first (below it)".to_owned(),
            ),
            (
                "pivot_min_strategy",
                t.pivot_min_strategy.to_string(),
                format!(
                    "focus: {} pivots to {}",
                    PurgatoryStatus::Stuck,
                    Focus::Implementation
                ),
            ),
            (
                "recommended_gaps",
                t.recommended_gaps.to_string(),
                "recommendations from criterion gaps".to_owned(),
            ),
        ] {
            thresholds.add_row(vec![name.to_owned(), value, used_by]);
        }
        writeln!(out, "{}\n", fit(&thresholds, width))?;

        let l = &rubric.levels;
        let starts = [
            0.0,
            l.experimenting,
            l.operationalizing,
            l.scaling,
            l.transforming,
        ];
        let levels: Vec<String> = Level::all()
            .iter()
            .zip(starts)
            .map(|(level, from)| format!("{level} from {from}"))
            .collect();
        let levels = format!("Levels by overall score: {}.", levels.join(", "));
        writeln!(out, "{}\n", wrap(&levels, width, "", ""))?;

        let mut criteria = new_table(&["Dimension", "Side", "Criterion", "Weight", "Title"]);
        for dimension_index in 0..rubric.dimensions.len() {
            for c in rubric
                .criteria
                .iter()
                .filter(|c| c.dimension == dimension_index)
            {
                let side = c.side.word();
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
        writeln!(out, "{}\n", fit(&criteria, width))?;

        let mut findings = new_table(&["Finding", "Severity", "Title"]);
        for (id, text) in rubric.findings.iter() {
            findings.add_row(vec![
                id.word().to_owned(),
                text.severity.word().to_owned(),
                text.title.to_string(),
            ]);
        }
        writeln!(out, "{}", fit(&findings, width))?;
        if !rubric.frameworks.is_empty() {
            let names: Vec<String> = rubric
                .frameworks
                .iter()
                .map(|f| format!("{} ({})", f.id, f.title()))
                .collect();
            let line = format!(
                "Framework references to {}; readiness frameworks ID lists what each finding and dimension maps to.",
                names.join(", ")
            );
            writeln!(out, "\n{}", wrap(&line, width, "", ""))?;
        }
        Ok(())
    })
}
