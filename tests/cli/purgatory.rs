//! Each pilot purgatory signal fires, and does not fire, at its boundary; and
//! the purgatory status they add up to.

use crate::common::{assess, assess_with, doc, fired, pilots, rubric_with};
use readiness::vocabulary::FindingId;

fn signals(body: &str) -> Vec<&'static str> {
    assess(&doc(body))
        .purgatory
        .signals
        .into_iter()
        .map(Into::into)
        .collect()
}

#[test]
fn no_production_needs_two_active_pilots_and_none_live() {
    assert!(!signals(&pilots(&["stage: pilot"])).contains(&"no-production"));
    assert!(signals(&pilots(&["stage: pilot", "stage: pilot"])).contains(&"no-production"));
    assert!(!signals(&pilots(&[
        "stage: pilot",
        "stage: pilot",
        "stage: production"
    ]))
    .contains(&"no-production"));
    // Ideas and retired pilots are not active.
    assert!(
        !signals(&pilots(&["stage: pilot", "stage: idea", "stage: retired"]))
            .contains(&"no-production")
    );
}

#[test]
fn stale_pilot_fires_from_180_days() {
    // 2026-05-25 is 179 days before 2026-11-20; 2026-05-24 is 180.
    assert!(!signals(&pilots(&["stage: pilot, started: 2026-05-25"])).contains(&"stale-pilot"));
    let a = assess(&doc(&pilots(&["stage: pilot, started: 2026-05-24"])));
    let stale = a
        .findings
        .iter()
        .find(|f| f.id == FindingId::StalePilot)
        .expect("stale-pilot fires");
    assert_eq!(stale.evidence[0].path, "implementation.pilots[0]");
    assert_eq!(stale.evidence[0].value, "p0, running 180 days");
    assert_eq!(stale.evidence[0].line, Some(7));
    // A live pilot is not stale, however old.
    assert!(
        !signals(&pilots(&["stage: production, started: 2020-01-01"])).contains(&"stale-pilot")
    );
}

#[test]
fn cost_overrun_is_above_1_25() {
    assert!(!signals(&pilots(&["stage: pilot, cost_vs_plan: 1.25"])).contains(&"cost-overrun"));
    assert!(signals(&pilots(&["stage: pilot, cost_vs_plan: 1.26"])).contains(&"cost-overrun"));
    assert!(!signals(&pilots(&["stage: idea, cost_vs_plan: 3"])).contains(&"cost-overrun"));
}

#[test]
fn cost_overrun_threshold_comes_from_the_rubric() {
    let rubric = rubric_with(&[("cost_overrun_ratio", "1.5")]);
    let a = assess_with(&doc(&pilots(&["stage: pilot, cost_vs_plan: 1.4"])), &rubric);
    assert!(!a.purgatory.signals.contains(&FindingId::CostOverrun));
}

#[test]
fn laptop_bound_counts_active_and_live_pilots_only() {
    assert!(signals(&pilots(&["stage: pilot, environment: laptop"])).contains(&"laptop-bound"));
    assert!(signals(&pilots(&["stage: scaled, environment: laptop"])).contains(&"laptop-bound"));
    assert!(!signals(&pilots(&["stage: idea, environment: laptop"])).contains(&"laptop-bound"));
    assert!(!signals(&pilots(&["stage: retired, environment: laptop"])).contains(&"laptop-bound"));
    assert!(!signals(&pilots(&["stage: pilot, environment: sandbox"])).contains(&"laptop-bound"));
}

#[test]
fn no_monitoring_on_a_live_pilot_or_without_mlops_monitoring() {
    assert!(signals(&pilots(&["stage: production, monitoring: none"])).contains(&"no-monitoring"));
    assert!(
        !signals(&pilots(&["stage: production, monitoring: manual"])).contains(&"no-monitoring")
    );
    assert!(!signals(&pilots(&["stage: pilot, monitoring: none"])).contains(&"no-monitoring"));
    let live = format!(
        "{}  mlops:\n    monitoring: false\n",
        pilots(&["stage: production, monitoring: automated"])
    );
    assert!(signals(&live).contains(&"no-monitoring"));
    let active = format!(
        "{}  mlops:\n    monitoring: false\n",
        pilots(&["stage: pilot"])
    );
    assert!(!signals(&active).contains(&"no-monitoring"));
    let watched = format!(
        "{}  mlops:\n    monitoring: true\n",
        pilots(&["stage: production, monitoring: automated"])
    );
    assert!(!signals(&watched).contains(&"no-monitoring"));
}

#[test]
fn unmeasured_value_on_active_or_live_pilots() {
    assert!(
        signals(&pilots(&["stage: pilot, value_measured: false"])).contains(&"unmeasured-value")
    );
    assert!(
        !signals(&pilots(&["stage: pilot, value_measured: true"])).contains(&"unmeasured-value")
    );
    assert!(!signals(&pilots(&["stage: pilot"])).contains(&"unmeasured-value"));
    assert!(
        !signals(&pilots(&["stage: idea, value_measured: false"])).contains(&"unmeasured-value")
    );
}

#[test]
fn infrastructure_gap_needs_an_active_pilot_and_a_known_gap() {
    let with = |pilot: &str, extra: &str| signals(&format!("{}{extra}", pilots(&[pilot])));
    assert!(with(
        "stage: pilot",
        "  infrastructure:\n    production_ready: false\n"
    )
    .contains(&"infrastructure-gap"));
    assert!(
        with("stage: pilot", "  data:\n    architecture: legacy\n").contains(&"infrastructure-gap")
    );
    assert!(
        !with("stage: pilot", "  data:\n    architecture: modernizing\n")
            .contains(&"infrastructure-gap")
    );
    assert!(!with("stage: pilot", "").contains(&"infrastructure-gap"));
    assert!(!with(
        "stage: production",
        "  infrastructure:\n    production_ready: false\n"
    )
    .contains(&"infrastructure-gap"));
}

#[test]
fn no_adoption_on_live_pilots() {
    assert!(signals(&pilots(&["stage: production, users: 0"])).contains(&"no-adoption"));
    assert!(!signals(&pilots(&["stage: production, users: 1"])).contains(&"no-adoption"));
    assert!(!signals(&pilots(&["stage: pilot, users: 0"])).contains(&"no-adoption"));
    let untracked = format!(
        "{}  change_management:\n    adoption_tracked: false\n",
        pilots(&["stage: scaled, users: 50"])
    );
    assert!(signals(&untracked).contains(&"no-adoption"));
}

/// A strong plan and nothing implemented.
const STRONG_PLAN: &str = "strategy:\n  sponsor: board\n  priorities: ranked\n  roadmap:\n    status: approved\n    horizon_months: 12\n    updated: 2026-11-01\n    scaling_plan: true\n  investment:\n    budget: approved\n    projected_roi: 3\n    areas: [talent, data, cloud, training]\n  policies:\n    data_privacy: approved\n    ethics: approved\n";

#[test]
fn plan_without_results_at_its_strategy_cut_line() {
    let a = assess(&doc(STRONG_PLAN));
    let strategy = a.scores.strategy;
    assert_eq!(a.scores.implementation, 0.0);
    // The cut line set exactly at the score fires; a tenth above does not.
    let at = rubric_with(&[("plan_without_results_strategy", &format!("{strategy:.1}"))]);
    assert!(fired(&assess_with(&doc(STRONG_PLAN), &at)).contains(&"plan-without-results"));
    let above = rubric_with(&[(
        "plan_without_results_strategy",
        &format!("{:.1}", strategy + 0.1),
    )]);
    assert!(!fired(&assess_with(&doc(STRONG_PLAN), &above)).contains(&"plan-without-results"));
}

#[test]
fn plan_without_results_at_its_implementation_cut_line() {
    let a = assess(&doc(STRONG_PLAN));
    let low = rubric_with(&[
        ("plan_without_results_strategy", "1.0"),
        ("plan_without_results_implementation", "0.0"),
    ]);
    // Implementation 0.0 is not below 0.0.
    assert_eq!(a.scores.implementation, 0.0);
    assert!(!fired(&assess_with(&doc(STRONG_PLAN), &low)).contains(&"plan-without-results"));
    let just_above = rubric_with(&[
        ("plan_without_results_strategy", "1.0"),
        ("plan_without_results_implementation", "0.1"),
    ]);
    assert!(fired(&assess_with(&doc(STRONG_PLAN), &just_above)).contains(&"plan-without-results"));
}

#[test]
fn purgatory_status_stuck_at_risk_none() {
    use readiness::vocabulary::PurgatoryStatus::{AtRisk, None, Stuck};
    // Two signals including a stuck one.
    assert_eq!(
        assess(&doc(&pilots(&[
            "stage: pilot",
            "stage: pilot, environment: laptop"
        ])))
        .purgatory
        .status,
        Stuck
    );
    // One stuck signal alone is not enough.
    assert_eq!(
        assess(&doc(&pilots(&["stage: pilot", "stage: pilot"])))
            .purgatory
            .status,
        AtRisk
    );
    // Two signals, neither of them a stuck one.
    let two = pilots(&["stage: pilot, environment: laptop, value_measured: false"]);
    assert_eq!(signals(&two), ["laptop-bound", "unmeasured-value"]);
    assert_eq!(assess(&doc(&two)).purgatory.status, AtRisk);
    assert_eq!(
        assess(&doc(&pilots(&["stage: production, monitoring: automated"])))
            .purgatory
            .status,
        None
    );
}

#[test]
fn unanswered_questions_never_trigger_a_finding() {
    let a = assess(&doc(""));
    assert_eq!(fired(&a), Vec::<&str>::new());
    assert_eq!(a.scores.completeness, 0.0);
    assert!(a.unanswered.contains(&"implementation.pilots".to_owned()));
    // Pilots with nothing but a stage trigger nothing that needs more.
    let bare = assess(&doc(&pilots(&["stage: pilot"])));
    assert_eq!(fired(&bare), Vec::<&str>::new());
}

#[test]
fn retired_pilots_are_counted_nowhere() {
    let retired = "stage: retired, started: 2020-01-01, environment: laptop, value_measured: false, cost_vs_plan: 9, monitoring: none, users: 0";
    let a = assess(&doc(&pilots(&[retired, retired])));
    assert_eq!(fired(&a), Vec::<&str>::new());
    let none = assess(&doc("implementation:\n  pilots: []\n"));
    assert_eq!(a.scores, none.scores);
    assert!(!a
        .unanswered
        .iter()
        .any(|p| p.starts_with("implementation.pilots[")));
}
