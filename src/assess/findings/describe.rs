//! A finding described for any organization rather than for one that it
//! fired in: what makes it fire, with the rubric's thresholds, and its
//! remedy in general words. `readiness explain` and the SARIF rules say this.

use super::detector;
use crate::load::questionnaire::format_number;
use crate::rubric::template::fill;
use crate::rubric::Rubric;
use crate::vocabulary::FindingId;

/// What makes finding `id` fire, with the rubric's thresholds filled in.
pub fn trigger(id: FindingId, rubric: &Rubric) -> String {
    let t = &rubric.thresholds;
    let thresholds = [
        (
            "no_production_min_active",
            t.no_production_min_active.to_string(),
        ),
        ("stale_pilot_days", t.stale_pilot_days.to_string()),
        ("cost_overrun_ratio", format_number(t.cost_overrun_ratio)),
        (
            "plan_without_results_strategy",
            format_number(t.plan_without_results_strategy),
        ),
        (
            "plan_without_results_implementation",
            format_number(t.plan_without_results_implementation),
        ),
        (
            "strategy_equals_ready_strategy",
            format_number(t.strategy_equals_ready_strategy),
        ),
        (
            "overwhelmed_open_options",
            t.overwhelmed_open_options.to_string(),
        ),
    ];
    fill(detector(id).trigger, &thresholds)
}

/// The remedy of finding `id`, speaking of any organization: where it names
/// what fired, general words stand in.
pub fn generic_remedy(id: FindingId, rubric: &Rubric) -> String {
    let t = &rubric.thresholds;
    let generic = [
        ("pilots", "the pilots concerned".to_owned()),
        ("count", "some".to_owned()),
        ("ratio", format_number(t.cost_overrun_ratio)),
        ("days", t.stale_pilot_days.to_string()),
        (
            "affected",
            "the people outside the organization they affect".to_owned(),
        ),
        (
            "problems",
            "each business problem no started pilot works on".to_owned(),
        ),
        (
            "fixes",
            "what removes each blocker (the production platform, the data modernization)"
                .to_owned(),
        ),
        (
            "steps",
            match id {
                FindingId::NoMonitoring => "Monitor the pilots nobody monitors for health and accuracy, automatically, with someone on call for alerts, and make monitoring part of the MLOps practice where it is not",
                _ => "Find out why nobody uses the pilots concerned, or track their adoption, as the answers call for",
            }
            .to_owned(),
        ),
    ];
    fill(&rubric.finding(id).remedy, &generic)
}

/// The severity of finding `id` in words: the rubric's, or for a finding
/// that takes its severity from what it found, how it does.
pub fn severity(id: FindingId, rubric: &Rubric) -> String {
    let severity = rubric.finding(id).severity;
    match id {
        FindingId::OpenIncident => format!(
            "that of the worst open incident (high: critical, medium: warning, low: info), at most {severity}"
        ),
        _ => severity.to_string(),
    }
}
