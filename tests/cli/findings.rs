//! Live-system findings, misconceptions and the other findings, each at its
//! boundary on both sides, with the message it prints for each way it fires.
//! The assessment date of every test questionnaire is 2026-11-20.

use crate::common::{finding, fired, fires, of, pilots};
use readiness::assessment::Assessment;
use readiness::vocabulary::{FindingId, Group, Severity, Source};

#[test]
fn no_monitoring_on_a_live_pilot_or_without_the_practice() {
    let a = of(&pilots(&["stage: production, monitoring: none"]));
    let f = finding(&a, "no-monitoring");
    assert_eq!(f.kind, Group::Operations);
    assert_eq!(f.severity, Severity::Critical);
    assert_eq!(
        &*f.message,
        "A model that drifts could go unnoticed in live systems: nobody monitors p0."
    );
    assert_eq!(
        &*f.remedy,
        "Monitor p0 for health and accuracy, automatically, with someone on call for alerts."
    );
    assert!(!fires(
        &pilots(&["stage: production, monitoring: manual"]),
        "no-monitoring"
    ));
    assert!(!fires(
        &pilots(&["stage: pilot, monitoring: none"]),
        "no-monitoring"
    ));
    let practice = |sourcing: &str| {
        format!(
            "{}  mlops:\n    monitoring: false\n",
            pilots(&[&format!("stage: scaled, monitoring: automated{sourcing}")])
        )
    };
    let a = of(&practice(""));
    let f = finding(&a, "no-monitoring");
    // The default a left-out sourcing is read as is cited, with no line.
    let sourcing = f
        .evidence
        .iter()
        .find(|e| e.path == "implementation.pilots[0].sourcing")
        .expect("sourcing cited");
    assert_eq!(sourcing.value, "p0, sourcing built (the default)");
    assert_eq!(sourcing.line, None);
    // Watched by its own monitoring, it is never said to be watched by nobody.
    assert_eq!(
        &*f.message,
        "A model that drifts could go unnoticed in live systems: the MLOps practice monitors no model built in house."
    );
    assert_eq!(
        &*f.remedy,
        "Make monitoring part of the MLOps practice, for every model built in house."
    );
    // Both ways at once, each pilot under the way that holds of it.
    let both = format!(
        "{}  mlops:\n    monitoring: false\n",
        pilots(&[
            "stage: production, monitoring: none, sourcing: bought",
            "stage: scaled, monitoring: manual",
        ])
    );
    let a = of(&both);
    let f = finding(&a, "no-monitoring");
    assert_eq!(*f.pilots, ["p0", "p1"]);
    assert_eq!(
        &*f.message,
        "A model that drifts could go unnoticed in live systems: nobody monitors p0, and the MLOps practice monitors no model built in house."
    );
    assert!(fires(&practice(", sourcing: built"), "no-monitoring"));
    // A vendor's product is watched by its vendor, not by the MLOps practice.
    assert!(!fires(&practice(", sourcing: bought"), "no-monitoring"));
}

#[test]
fn unguarded_decisions_need_an_explicit_high_impact() {
    let live = |extra: &str| pilots(&[&format!("stage: production{extra}")]);
    assert!(fires(
        &live(", impact: high, monitoring: manual"),
        "unguarded-decisions"
    ));
    assert!(fires(
        &live(", impact: high, monitoring: none"),
        "unguarded-decisions"
    ));
    assert!(!fires(
        &live(", impact: high, monitoring: automated"),
        "unguarded-decisions"
    ));
    assert!(!fires(
        &live(", impact: medium, monitoring: manual"),
        "unguarded-decisions"
    ));
    // The default impact is medium; a left-out monitoring answer is unknown.
    assert!(!fires(&live(", monitoring: manual"), "unguarded-decisions"));
    assert!(!fires(&live(", impact: high"), "unguarded-decisions"));
    assert!(!fires(
        &pilots(&["stage: pilot, impact: high, monitoring: none"]),
        "unguarded-decisions"
    ));
}

#[test]
fn unmeasured_value_is_about_live_systems() {
    assert!(fires(
        &pilots(&["stage: scaled, value_measured: false"]),
        "unmeasured-value"
    ));
    assert!(!fires(
        &pilots(&["stage: scaled, value_measured: true"]),
        "unmeasured-value"
    ));
    // An active pilot that measures nothing is unproven instead.
    let a = of(&pilots(&["stage: pilot, value_measured: false"]));
    assert_eq!(fired(&a), ["unproven-pilot"]);
}

#[test]
fn cost_overrun_is_above_1_25_for_any_started_pilot() {
    assert!(!fires(
        &pilots(&["stage: pilot, cost_vs_plan: 1.25"]),
        "cost-overrun"
    ));
    assert!(fires(
        &pilots(&["stage: pilot, cost_vs_plan: 1.26"]),
        "cost-overrun"
    ));
    assert!(fires(
        &pilots(&["stage: scaled, cost_vs_plan: 2"]),
        "cost-overrun"
    ));
    assert!(!fires(
        &pilots(&["stage: idea, cost_vs_plan: 3"]),
        "cost-overrun"
    ));
    assert!(!fires(
        &pilots(&["stage: retired, cost_vs_plan: 3"]),
        "cost-overrun"
    ));
}

#[test]
fn no_adoption_from_zero_users_or_untracked_use() {
    assert!(fires(
        &pilots(&["stage: production, users: 0"]),
        "no-adoption"
    ));
    assert!(!fires(
        &pilots(&["stage: production, users: 1"]),
        "no-adoption"
    ));
    assert!(!fires(&pilots(&["stage: pilot, users: 0"]), "no-adoption"));
    let untracked = |stage: &str| {
        format!(
            "{}  change_management:\n    adoption_tracked: false\n",
            pilots(&[&format!("stage: {stage}")])
        )
    };
    assert!(fires(&untracked("production"), "no-adoption"));
    assert!(!fires(&untracked("pilot"), "no-adoption"));
    // Each way it fires is said of the pilots it holds for, and only that
    // way's remedy is given.
    let a = of(&pilots(&["stage: production, users: 0"]));
    let f = finding(&a, "no-adoption");
    assert_eq!(
        &*f.message,
        "The adoption of live systems is not shown: p0 has no users."
    );
    assert_eq!(
        &*f.remedy,
        "Find out why nobody uses p0, working with the departments whose workflows change."
    );
    let a = of(&untracked("production"));
    let f = finding(&a, "no-adoption");
    assert_eq!(
        &*f.message,
        "The adoption of live systems is not shown: nobody tracks how p0 is used."
    );
    assert_eq!(
        &*f.remedy,
        "Track the adoption of p0, working with the departments whose workflows change."
    );
    let both = format!(
        "{}  change_management:\n    adoption_tracked: false\n",
        pilots(&["stage: production, users: 0", "stage: scaled, users: 40"])
    );
    let a = of(&both);
    let f = finding(&a, "no-adoption");
    assert_eq!(
        &*f.message,
        "The adoption of live systems is not shown: p0 has no users, and nobody tracks how p0 and p1 are used."
    );
    assert_eq!(
        &*f.remedy,
        "Find out why nobody uses p0, and track the adoption of p0 and p1, working with the departments whose workflows change."
    );
}

/// A questionnaire with a roadmap, no started pilot, and a stated belief.
fn strategy_first(belief: &str, roadmap: &str, pilot_list: &str) -> Assessment {
    of(&format!(
        "strategy:\n  roadmap:\n    status: {roadmap}\n{pilot_list}beliefs:\n  strategy_before_implementation: {belief}\n"
    ))
}

#[test]
fn a_misconception_says_where_it_shows() {
    let no_pilots = "implementation:\n  pilots: []\n";
    let one_pilot = "implementation:\n  pilots:\n    - { name: churn-model, stage: pilot }\n";
    // Stated, not shown: the message speaks of the belief alone.
    let f = finding(
        &strategy_first("agree", "none", one_pilot),
        "strategy-first",
    );
    assert_eq!(f.source, Some(Source::Belief));
    assert_eq!(f.contradicts_stated_belief, Some(false));
    assert_eq!(
        &*f.message,
        "Leadership holds that the whole strategy must be finished before any implementation starts."
    );
    assert_eq!(f.evidence.len(), 1);
    assert_eq!(f.evidence[0].path, "beliefs.strategy_before_implementation");
    // Shown, not stated.
    let f = finding(
        &strategy_first("unsure", "approved", no_pilots),
        "strategy-first",
    );
    assert_eq!(f.source, Some(Source::Behavior));
    assert_eq!(
        &*f.message,
        "The roadmap is approved, yet no pilot has started."
    );
    // Both.
    let f = finding(
        &strategy_first("agree", "draft", no_pilots),
        "strategy-first",
    );
    assert_eq!(f.source, Some(Source::Both));
    assert!(f.message.starts_with(
        "Leadership holds that the strategy must come first, and it shows: the roadmap is draft"
    ));
    // Rejected in words, shown in practice: the say-do gap.
    let f = finding(
        &strategy_first("disagree", "approved", no_pilots),
        "strategy-first",
    );
    assert_eq!(f.source, Some(Source::Behavior));
    assert_eq!(f.contradicts_stated_belief, Some(true));
    assert_eq!(
        &*f.message,
        "The roadmap is approved, yet no pilot has started. Leadership rejects the statement, yet acts on it."
    );
    // Neither: a started pilot, or no roadmap, or the pilots unknown.
    let a = strategy_first("disagree", "approved", one_pilot);
    assert!(!fired(&a).contains(&"strategy-first"));
    assert!(!fired(&strategy_first("unsure", "none", no_pilots)).contains(&"strategy-first"));
    assert!(!fired(&strategy_first("unsure", "approved", "")).contains(&"strategy-first"));
}

#[test]
fn it_only_needs_started_work_without_hr_and_department_heads() {
    let with = |stage: &str, hr: &str, heads: &str| {
        of(&format!(
            "{}  change_management:\n    hr: {hr}\n    department_heads: {heads}\n",
            pilots(&[&format!("stage: {stage}")])
        ))
    };
    let f = finding(&with("pilot", "false", "false"), "it-only");
    assert_eq!(
        &*f.message,
        "Pilots are under way (p0), but neither HR nor department heads take part in the rollout."
    );
    assert!(!fired(&with("pilot", "true", "false")).contains(&"it-only"));
    assert!(!fired(&with("pilot", "false", "true")).contains(&"it-only"));
    assert!(!fired(&with("idea", "false", "false")).contains(&"it-only"));
    // Shown in practice, the remedy is the practice's.
    assert_eq!(
        &*f.remedy,
        "Give HR and the heads of the affected departments a role in every rollout."
    );
    // Stated while HR and department heads take part: the advice is about
    // the belief, never to give them the role they have.
    let stated = |hr: &str| {
        of(&format!(
            "{}  change_management:\n    hr: {hr}\n    department_heads: true\nbeliefs:\n  implementation_is_it_only: agree\n",
            pilots(&["stage: pilot"])
        ))
    };
    let a = stated("true");
    let f = finding(&a, "it-only");
    assert_eq!(f.source, Some(Source::Belief));
    assert_eq!(
        &*f.remedy,
        "Talk the belief through with leadership before it shapes decisions: AI changes how people work, so HR and department heads must help staff adapt; IT alone cannot make a new workflow stick."
    );
}

#[test]
fn strategy_equals_ready_needs_a_strong_plan_a_gap_and_no_funding_for_it() {
    let plan = "strategy:\n  sponsor: board\n  roadmap: { status: approved, horizon_months: 24, updated: 2026-10-01, scaling_plan: true }\n  priorities: ranked\n  investment: { budget: approved, projected_roi: 3, areas: AREAS }\n  policies: { data_privacy: approved, ethics: approved, acceptable_use: approved }\n  okrs: { company: true, individual: true, team_alignment_pct: 100 }\n  risks_assessed: [market, strategic, regulatory]\n  business_problems:\n    - { name: churn, kpi: churn rate, target: -10%, owner: CMO }\nimplementation:\n  team: { head_of_ai: true }\n  data: { architecture: legacy }\n";
    let with = |areas: &str| of(&plan.replace("AREAS", areas));
    let f = finding(&with("[talent, training]"), "strategy-equals-ready");
    assert_eq!(f.source, Some(Source::Behavior));
    assert!(
        f.message
            .contains("the organization has a legacy data architecture, and the investment plan funds neither data nor cloud"),
        "{}",
        f.message
    );
    // The plan pays for the gap: not this misconception.
    assert!(!fired(&with("[talent, data]")).contains(&"strategy-equals-ready"));
    assert!(!fired(&with("[cloud]")).contains(&"strategy-equals-ready"));
    // Infrastructure is a gap when it cannot carry production load, not
    // when it can.
    let infrastructure = |ready: &str| {
        of(&plan.replace("AREAS", "[talent]").replace(
            "  data: { architecture: legacy }\n",
            &format!("  data: {{ architecture: modern }}\n  infrastructure: {{ production_ready: {ready} }}\n"),
        ))
    };
    let f = finding(&infrastructure("false"), "strategy-equals-ready");
    assert!(
        f.message
            .contains("infrastructure that cannot carry production load"),
        "{}",
        f.message
    );
    assert!(!fired(&infrastructure("true")).contains(&"strategy-equals-ready"));
}

/// Strategy first, shown: the evidence says whether the pilots list holds
/// ideas only or nothing at all.
#[test]
fn strategy_first_says_whether_there_are_ideas_or_no_pilots() {
    let evidence = |pilots: &str| {
        let f = finding(
            &strategy_first("unsure", "approved", pilots),
            "strategy-first",
        );
        f.evidence
            .iter()
            .find(|e| e.path == "implementation.pilots")
            .map(|e| e.value.to_string())
    };
    assert_eq!(
        evidence("implementation:\n  pilots: []\n").as_deref(),
        Some("no pilots")
    );
    assert_eq!(
        evidence("implementation:\n  pilots:\n    - { name: someday, stage: idea }\n").as_deref(),
        Some("no pilot started")
    );
}

#[test]
fn one_time_cost_is_shown_only_by_started_work_without_a_recurring_budget() {
    let with = |stage: &str, recurring: &str| {
        of(&format!(
            "{}  spend:\n    recurring_budget: {recurring}\n",
            pilots(&[&format!("stage: {stage}, monitoring: none")])
        ))
    };
    let f = finding(&with("pilot", "false"), "one-time-cost");
    assert_eq!(
        &*f.message,
        "Work has started (p0), but no recurring budget funds running it."
    );
    assert!(!fired(&with("pilot", "true")).contains(&"one-time-cost"));
    assert!(!fired(&with("idea", "false")).contains(&"one-time-cost"));
    assert_eq!(
        &*f.remedy,
        "Fund the running of every started system (monitoring, retraining, support) as a recurring budget."
    );
    // Stated with a recurring budget in place: the advice is about the belief.
    let a = of(&format!(
        "{}  spend:\n    recurring_budget: true\nbeliefs:\n  implementation_one_time_cost: agree\n",
        pilots(&["stage: pilot"])
    ));
    let f = finding(&a, "one-time-cost");
    assert_eq!(f.source, Some(Source::Belief));
    assert!(
        f.remedy
            .starts_with("Talk the belief through with leadership before it shapes decisions: Models need monitoring"),
        "{}",
        f.remedy
    );
    // An unmonitored live system is no-monitoring, not this belief.
    let a = with("production", "true");
    assert!(fired(&a).contains(&"no-monitoring"));
    assert!(!fired(&a).contains(&"one-time-cost"));
}

#[test]
fn overwhelmed_from_five_open_options_unless_ranked() {
    let with = |open: u32, priorities: &str| {
        of(&format!(
            "strategy:\n  open_options: {open}\n  priorities: {priorities}\n"
        ))
    };
    assert!(!fired(&with(4, "unranked")).contains(&"overwhelmed"));
    assert!(fired(&with(5, "unranked")).contains(&"overwhelmed"));
    assert!(fired(&with(5, "none")).contains(&"overwhelmed"));
    assert!(!fired(&with(9, "ranked")).contains(&"overwhelmed"));
    assert!(!fires("strategy:\n  open_options: 9\n", "overwhelmed"));
}

#[test]
fn tensions_at_the_poles_and_shadow_ai() {
    let pole = |key: &str, value: u8| {
        fired(&of(&format!("operating_model:\n  {key}: {value}\n")))
            .into_iter()
            .map(str::to_owned)
            .collect::<Vec<_>>()
    };
    for key in ["experimentation", "adoption", "focus"] {
        let id = format!("tension.{key}");
        assert!(pole(key, 1).contains(&id), "{key}");
        assert!(!pole(key, 2).contains(&id), "{key}");
        assert!(!pole(key, 4).contains(&id), "{key}");
        assert!(pole(key, 5).contains(&id), "{key}");
    }
    assert!(pole("goals", 2).contains(&"tension.goals".to_owned()));
    assert!(!pole("goals", 3).contains(&"tension.goals".to_owned()));
    let shadow = |adoption: u8, policy: &str| {
        fires(
            &format!("strategy:\n  policies:\n    acceptable_use: {policy}\noperating_model:\n  adoption: {adoption}\n"),
            "shadow-ai",
        )
    };
    assert!(shadow(2, "none"));
    assert!(!shadow(3, "none"));
    assert!(!shadow(1, "draft"));
}

#[test]
fn names_past_three_say_how_many_more() {
    let a = of(&pilots(&[
        "stage: pilot, environment: laptop",
        "stage: pilot, environment: laptop",
        "stage: pilot, environment: laptop",
        "stage: pilot, environment: laptop",
        "stage: pilot, environment: laptop",
    ]));
    let f = finding(&a, "laptop-bound");
    assert_eq!(
        &*f.message,
        "Pilots that run on someone's laptop: p0, p1, p2 and 2 more."
    );
    assert!(f.remedy.starts_with("Move p0, p1, p2 and 2 more to"));
    assert_eq!(f.id, FindingId::LaptopBound);
}
