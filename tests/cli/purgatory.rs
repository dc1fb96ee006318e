//! The purgatory group, each finding at its boundary on both sides; which
//! pilots linger; and the purgatory status they add up to. The assessment
//! date of every test questionnaire is 2026-11-20.

use crate::common::{assess, assess_with, doc, fired, pilots, rubric_with};
use readiness::assessment::Assessment;
use readiness::vocabulary::{FindingId, Group, PurgatoryStatus};

fn of(entries: &[&str]) -> Assessment {
    assess(&doc(&pilots(entries)))
}

fn fires(entries: &[&str], id: &str) -> bool {
    fired(&of(entries)).contains(&id)
}

fn message(a: &Assessment, id: FindingId) -> String {
    a.findings
        .iter()
        .find(|f| f.id == id)
        .map_or_else(|| panic!("{id} did not fire"), |f| f.message.to_string())
}

#[test]
fn no_production_needs_two_active_pilots_and_none_live() {
    assert!(!fires(&["stage: pilot"], "no-production"));
    let two = of(&["stage: pilot", "stage: pilot"]);
    assert!(fired(&two).contains(&"no-production"));
    assert_eq!(
        message(&two, FindingId::NoProduction),
        "2 pilots are active (p0 and p1) and none is in production or scaled."
    );
    assert!(!fires(
        &["stage: pilot", "stage: pilot", "stage: production"],
        "no-production"
    ));
    // Ideas and retired pilots are not active.
    assert!(!fires(
        &["stage: pilot", "stage: idea", "stage: retired"],
        "no-production"
    ));
    // A left-out pilots list is unknown: nothing fires.
    assert!(!fired(&assess(&doc(""))).contains(&"no-production"));
}

#[test]
fn stale_pilot_fires_from_180_days() {
    // 2026-05-25 is 179 days before 2026-11-20; 2026-05-24 is 180.
    assert!(!fires(
        &["stage: pilot, started: 2026-05-25"],
        "stale-pilot"
    ));
    let a = of(&["stage: pilot, started: 2026-05-24"]);
    let stale = a
        .findings
        .iter()
        .find(|f| f.id == FindingId::StalePilot)
        .expect("stale-pilot fires");
    assert_eq!(stale.evidence[0].path, "implementation.pilots[0]");
    assert_eq!(stale.evidence[0].value, "p0, running 180 days");
    assert_eq!(stale.evidence[0].line, Some(7));
    assert_eq!(
        &*stale.message,
        "Still pilots 180 days or more after they started: p0."
    );
    // A live pilot is not stale, however old.
    assert!(!fires(
        &["stage: production, started: 2020-01-01"],
        "stale-pilot"
    ));
    let rubric = rubric_with(&[("stale_pilot_days", "365")]);
    let a = assess_with(
        &doc(&pilots(&["stage: pilot, started: 2026-05-24"])),
        &rubric,
    );
    assert!(!fired(&a).contains(&"stale-pilot"));
}

#[test]
fn overdue_decision_fires_the_day_after_the_go_no_go_date() {
    assert!(!fires(
        &["stage: pilot, decision_by: 2026-11-20"],
        "overdue-decision"
    ));
    assert!(fires(
        &["stage: pilot, decision_by: 2026-11-19"],
        "overdue-decision"
    ));
    // A decision date in the future is allowed and not overdue.
    assert!(!fires(
        &["stage: pilot, decision_by: 2027-03-01"],
        "overdue-decision"
    ));
    // Only active pilots wait for a decision.
    assert!(!fires(
        &["stage: production, decision_by: 2026-01-01"],
        "overdue-decision"
    ));
}

#[test]
fn laptop_bound_and_unproven_read_active_pilots_only() {
    assert!(fires(
        &["stage: pilot, environment: laptop"],
        "laptop-bound"
    ));
    assert!(!fires(
        &["stage: pilot, environment: sandbox"],
        "laptop-bound"
    ));
    for stage in ["production", "scaled", "idea", "retired"] {
        let laptop = format!("stage: {stage}, environment: laptop");
        assert!(!fires(&[&laptop], "laptop-bound"), "{stage}");
        let unproven = format!("stage: {stage}, value_measured: false");
        assert!(!fires(&[&unproven], "unproven-pilot"), "{stage}");
    }
    assert!(fires(
        &["stage: pilot, value_measured: false"],
        "unproven-pilot"
    ));
    assert!(!fires(
        &["stage: pilot, value_measured: true"],
        "unproven-pilot"
    ));
    assert!(!fires(&["stage: pilot"], "unproven-pilot"));
}

#[test]
fn infrastructure_gap_needs_an_active_pilot_and_a_blocker() {
    let with = |infrastructure: &str| {
        assess(&doc(&format!(
            "{}{infrastructure}",
            pilots(&["stage: pilot"])
        )))
    };
    let not_ready = with("  infrastructure:\n    production_ready: false\n");
    assert_eq!(
        message(&not_ready, FindingId::InfrastructureGap),
        "Pilots are active (p0), but the infrastructure is not ready for production load."
    );
    let legacy = with("  data:\n    architecture: legacy\n");
    assert_eq!(
        message(&legacy, FindingId::InfrastructureGap),
        "Pilots are active (p0), but the data architecture is legacy."
    );
    // The remedy plans what removes the blockers found, and only those.
    let remedy = |a: &readiness::assessment::Assessment| {
        let f = a
            .findings
            .iter()
            .find(|f| f.id == FindingId::InfrastructureGap);
        f.map(|f| f.remedy.to_string()).expect("fired")
    };
    assert_eq!(
        remedy(&not_ready),
        "Plan the production platform now, or p0 cannot go live."
    );
    assert_eq!(
        remedy(&legacy),
        "Plan the data modernization now, or p0 cannot go live."
    );
    let both =
        with("  infrastructure:\n    production_ready: false\n  data:\n    architecture: legacy\n");
    assert_eq!(
        message(&both, FindingId::InfrastructureGap),
        "Pilots are active (p0), but the infrastructure is not ready for production load and the data architecture is legacy."
    );
    assert_eq!(
        remedy(&both),
        "Plan the production platform and the data modernization now, or p0 cannot go live."
    );
    assert!(!fired(&with(
        "  infrastructure:\n    production_ready: true\n  data:\n    architecture: modernizing\n"
    ))
    .contains(&"infrastructure-gap"));
    // Unanswered, it is unknown and cannot fire.
    assert!(!fired(&with("")).contains(&"infrastructure-gap"));
    // Without an active pilot there is nothing to carry.
    let live = assess(&doc(&format!(
        "{}  infrastructure:\n    production_ready: false\n",
        pilots(&["stage: production"])
    )));
    assert!(!fired(&live).contains(&"infrastructure-gap"));
}

#[test]
fn lingering_is_time_or_an_overdue_decision() {
    let a = of(&[
        "stage: pilot, started: 2026-05-24",
        "stage: pilot, started: 2026-05-25",
        "stage: pilot, decision_by: 2026-11-19",
        "stage: pilot, decision_by: 2026-11-20",
        "stage: pilot",
        "stage: production, started: 2020-01-01",
    ]);
    assert_eq!(a.purgatory.lingering, 2);
    assert_eq!(a.purgatory.live, 1);
    // Each alone, so that one pilot's count cannot stand in for another's:
    // 180 days old lingers and 179 does not; a decision due yesterday has
    // passed, one due today has not.
    for (pilot, lingering) in [
        ("stage: pilot, started: 2026-05-24", 1),
        ("stage: pilot, started: 2026-05-25", 0),
        ("stage: pilot, decision_by: 2026-11-19", 1),
        ("stage: pilot, decision_by: 2026-11-20", 0),
        (
            "stage: pilot, started: 2026-10-01, decision_by: 2026-01-31",
            1,
        ),
        ("stage: pilot", 0),
    ] {
        assert_eq!(of(&[pilot]).purgatory.lingering, lingering, "{pilot}");
    }
}

#[test]
fn stuck_means_more_pilots_linger_than_are_live() {
    let old = "stage: pilot, started: 2025-01-01";
    // One lingering pilot and nothing live: stuck.
    assert_eq!(of(&[old]).purgatory.status, PurgatoryStatus::Stuck);
    // As many live as lingering: not stuck, but the stale pilot puts it at risk.
    assert_eq!(
        of(&[old, "stage: production"]).purgatory.status,
        PurgatoryStatus::AtRisk
    );
    assert_eq!(
        of(&[old, old, "stage: production"]).purgatory.status,
        PurgatoryStatus::Stuck
    );
    // Taking a lingering pilot to production never makes the status worse.
    assert_eq!(
        of(&["stage: production, started: 2025-01-01"])
            .purgatory
            .status,
        PurgatoryStatus::None
    );
}

#[test]
fn at_risk_only_from_pilots_that_do_not_move() {
    // no-production alone: at risk.
    assert_eq!(
        of(&["stage: pilot", "stage: pilot"]).purgatory.status,
        PurgatoryStatus::AtRisk
    );
    // Laptop, unproven and infrastructure findings alone do not.
    let a = of(&["stage: pilot, environment: laptop, value_measured: false"]);
    assert_eq!(fired(&a), ["laptop-bound", "unproven-pilot"]);
    assert_eq!(a.purgatory.status, PurgatoryStatus::None);
    // Live-system problems are not purgatory.
    let a = of(&["stage: production, monitoring: none, users: 0"]);
    assert!(a.findings.iter().all(|f| f.kind == Group::Operations));
    assert_eq!(a.purgatory.status, PurgatoryStatus::None);
    assert!(a.purgatory.signals.is_empty());
    // No pilots at all: nothing at risk.
    assert_eq!(
        assess(&doc("implementation:\n  pilots: []\n"))
            .purgatory
            .status,
        PurgatoryStatus::None
    );
}

#[test]
fn plan_without_results_reads_the_ranges() {
    // Strategy answered in full and strong; implementation answered in full
    // and weak: both conditions are true.
    let strong_plan = "strategy:\n  sponsor: board\n  roadmap: { status: approved, horizon_months: 24, updated: 2026-10-01, scaling_plan: true }\n  priorities: ranked\n  open_options: 0\n  investment: { budget: approved, projected_roi: 3, areas: [talent, data, cloud, training] }\n  policies: { data_privacy: approved, ethics: approved, acceptable_use: approved }\n  okrs: { company: true, individual: true, team_alignment_pct: 100 }\n  risks_assessed: [market, strategic, regulatory, technical, operational]\n  business_problems:\n    - { name: churn, kpi: churn rate, target: -10%, owner: CMO }\n";
    let weak_delivery = "implementation:\n  pilots: []\n  data: { quality: poor, access: siloed, architecture: legacy }\n  infrastructure: { hosting: on_prem, production_ready: false }\n  mlops: { version_control: false, ci_cd: false, model_registry: false, monitoring: false, automated_retraining: false }\n  team: { data_scientists: 0, ml_engineers: 0, data_engineers: 0, platform_ops: 0, head_of_ai: true }\n  spend: { tracked: false, recurring_budget: false, monthly: 0 }\n  safeguards: { anonymization: false, bias_testing: false, access_controls: false, audit_logging: false }\n  change_management: { hr: false, department_heads: false, training: false, adoption_tracked: false }\n";
    let a = assess(&doc(&format!("{strong_plan}{weak_delivery}")));
    assert!(
        fired(&a).contains(&"plan-without-results"),
        "{:?}",
        a.scores
    );
    // With the delivery side left out, its range is 0 to 100: unknown.
    let a = assess(&doc(strong_plan));
    assert!(!fired(&a).contains(&"plan-without-results"));
}

#[test]
fn plan_without_results_at_its_thresholds() {
    let strong_plan = "strategy:\n  sponsor: vp\n  roadmap: { status: approved, horizon_months: 24, updated: 2026-10-01, scaling_plan: true }\n  priorities: ranked\n  open_options: 0\n  investment: { budget: approved, projected_roi: 3, areas: [talent, data, cloud, training] }\n  policies: { data_privacy: approved, ethics: approved, acceptable_use: approved }\n  okrs: { company: true, individual: true, team_alignment_pct: 100 }\n  risks_assessed: [market, strategic, regulatory, technical, operational]\n  business_problems:\n    - { name: churn, kpi: churn rate, target: -10%, owner: CMO }\n";
    let weak_delivery = "implementation:\n  pilots: []\n  data: { quality: fair, access: siloed, architecture: legacy }\n  infrastructure: { hosting: on_prem, production_ready: false }\n  mlops: { version_control: true, ci_cd: false, model_registry: false, monitoring: false, automated_retraining: false }\n  team: { data_scientists: 1, ml_engineers: 0, data_engineers: 0, platform_ops: 0, head_of_ai: true }\n  spend: { tracked: false, recurring_budget: false, monthly: 0 }\n  safeguards: { anonymization: true, bias_testing: false, access_controls: false, audit_logging: false }\n  change_management: { hr: false, department_heads: false, training: false, adoption_tracked: false }\n";
    let text = doc(&format!("{strong_plan}{weak_delivery}"));
    let a = assess(&text);
    let (s, i) = (
        a.scores.strategy.expect("strategy"),
        a.scores.implementation.expect("implementation"),
    );
    let with = |strategy: f64, implementation: f64| {
        let rubric = rubric_with(&[
            ("plan_without_results_strategy", &format!("{strategy:.1}")),
            (
                "plan_without_results_implementation",
                &format!("{implementation:.1}"),
            ),
        ]);
        fired(&assess_with(&text, &rubric)).contains(&"plan-without-results")
    };
    // Strategy at the line counts ("or more"); implementation at the line does not ("below").
    assert!(with(s, i + 0.1));
    assert!(!with(s + 0.1, i + 0.1));
    assert!(!with(s, i));
}

#[test]
fn strategy_equals_ready_from_a_strategy_of_60() {
    let plan = "strategy:\n  sponsor: vp\n  roadmap: { status: approved, horizon_months: 24, updated: 2026-10-01, scaling_plan: true }\n  priorities: ranked\n  investment: { budget: approved, projected_roi: 3, areas: [talent, training] }\n  policies: { data_privacy: approved, ethics: approved, acceptable_use: approved }\n  okrs: { company: true, individual: true, team_alignment_pct: 100 }\n  risks_assessed: [market, strategic, regulatory]\n  business_problems:\n    - { name: churn, kpi: churn rate, target: -10%, owner: CMO }\nimplementation:\n  team: { head_of_ai: true }\n  data: { quality: poor }\n";
    let text = doc(plan);
    let s = assess(&text).scores.strategy.expect("strategy");
    let at = rubric_with(&[("strategy_equals_ready_strategy", &format!("{s:.1}"))]);
    assert!(fired(&assess_with(&text, &at)).contains(&"strategy-equals-ready"));
    let above = rubric_with(&[("strategy_equals_ready_strategy", &format!("{:.1}", s + 0.1))]);
    assert!(!fired(&assess_with(&text, &above)).contains(&"strategy-equals-ready"));
}

/// A go/no-go decision is overdue once its date has passed, not on the
/// day itself (the assessment date is 2026-11-20).
#[test]
fn a_decision_is_overdue_after_its_date_never_on_it() {
    let overdue = |date: &str| {
        let a = assess(&doc(&pilots(&[&format!(
            "stage: pilot, started: 2025-01-01, decision_by: {date}"
        )])));
        assert_eq!(a.decisions.len(), 1, "{date}: a lingering pilot");
        a.decisions[0].overdue
    };
    assert!(!overdue("2026-11-20"));
    assert!(overdue("2026-11-19"));
}
