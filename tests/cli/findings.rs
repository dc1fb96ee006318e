//! Misconceptions (belief, behavior, both) and the other findings, each on
//! both sides of its trigger.

use crate::common::{assess, assess_with, doc, fired, pilots, rubric_with};
use readiness::vocabulary::{FindingId, Source, Word};

fn source_of(body: &str, id: &str) -> Option<Source> {
    assess(&doc(body))
        .findings
        .iter()
        .find(|f| f.id.word() == id)
        .and_then(|f| f.source)
}

#[test]
fn strategy_first_from_belief_behavior_or_both() {
    let roadmap = "strategy:\n  roadmap:\n    status: draft\n";
    let ideas = "implementation:\n  pilots:\n    - { name: a, stage: idea }\n";
    let belief = "beliefs:\n  strategy_before_implementation: agree\n";
    assert_eq!(
        source_of(&format!("{roadmap}{ideas}"), "strategy-first"),
        Some(Source::Behavior)
    );
    assert_eq!(source_of(belief, "strategy-first"), Some(Source::Belief));
    assert_eq!(
        source_of(&format!("{roadmap}{ideas}{belief}"), "strategy-first"),
        Some(Source::Both)
    );
    // A pilot at stage `pilot` or later means implementation has started.
    let started = "implementation:\n  pilots:\n    - { name: a, stage: pilot }\n";
    assert_eq!(
        source_of(&format!("{roadmap}{started}"), "strategy-first"),
        None
    );
    // No roadmap, or pilots left out: the behavior is not shown.
    assert_eq!(
        source_of(
            &format!("strategy:\n  roadmap:\n    status: none\n{ideas}"),
            "strategy-first"
        ),
        None
    );
    assert_eq!(source_of(roadmap, "strategy-first"), None);
    // `unsure` and `disagree` are not beliefs in it.
    assert_eq!(
        source_of(
            "beliefs:\n  strategy_before_implementation: unsure\n",
            "strategy-first"
        ),
        None
    );
    // No pilots at all, with a roadmap, shows it too.
    assert_eq!(
        source_of(
            &format!("{roadmap}implementation:\n  pilots: []\n"),
            "strategy-first"
        ),
        Some(Source::Behavior)
    );
}

#[test]
fn it_only_needs_both_hr_and_department_heads_absent() {
    let pilot = pilots(&["stage: pilot"]);
    let cm = |hr: &str, heads: &str| {
        format!("{pilot}  change_management:\n    hr: {hr}\n    department_heads: {heads}\n")
    };
    assert_eq!(
        source_of(&cm("false", "false"), "it-only"),
        Some(Source::Behavior)
    );
    assert_eq!(source_of(&cm("true", "false"), "it-only"), None);
    assert_eq!(source_of(&cm("false", "true"), "it-only"), None);
    // HR unanswered: unknown, so it does not fire.
    assert_eq!(
        source_of(
            &format!("{pilot}  change_management:\n    department_heads: false\n"),
            "it-only"
        ),
        None
    );
    // Only ideas: nothing is being implemented yet.
    let idea = pilots(&["stage: idea"]);
    assert_eq!(
        source_of(
            &format!("{idea}  change_management:\n    hr: false\n    department_heads: false\n"),
            "it-only"
        ),
        None
    );
}

#[test]
fn strategy_equals_ready_at_its_strategy_cut_line() {
    let body = "strategy:\n  sponsor: board\n  priorities: ranked\n  roadmap:\n    status: approved\nimplementation:\n  data:\n    quality: poor\n";
    let strategy = assess(&doc(body)).scores.strategy;
    let at = rubric_with(&[("strategy_equals_ready_strategy", &format!("{strategy:.1}"))]);
    let a = assess_with(&doc(body), &at);
    let f = a
        .findings
        .iter()
        .find(|f| f.id == FindingId::StrategyEqualsReady)
        .expect("fires at the cut line");
    assert_eq!(f.source, Some(Source::Behavior));
    assert_eq!(f.evidence[0].path, "scores.strategy");
    assert_eq!(f.evidence[0].line, None);
    assert_eq!(f.evidence[1].path, "implementation.data.quality");
    let above = rubric_with(&[(
        "strategy_equals_ready_strategy",
        &format!("{:.1}", strategy + 0.1),
    )]);
    assert!(!fired(&assess_with(&doc(body), &above)).contains(&"strategy-equals-ready"));
}

#[test]
fn one_time_cost_needs_a_live_pilot_without_upkeep() {
    let live = |pilot: &str, extra: &str| format!("{}{extra}", pilots(&[pilot]));
    let kept = "stage: production, monitoring: automated, retraining: scheduled";
    assert_eq!(
        source_of(
            &live(kept, "  spend:\n    recurring_budget: false\n"),
            "one-time-cost"
        ),
        Some(Source::Behavior)
    );
    assert_eq!(
        source_of(
            &live(kept, "  spend:\n    recurring_budget: true\n"),
            "one-time-cost"
        ),
        None
    );
    assert_eq!(
        source_of(
            &live("stage: scaled, retraining: none", ""),
            "one-time-cost"
        ),
        Some(Source::Behavior)
    );
    assert_eq!(
        source_of(&live("stage: pilot, retraining: none", ""), "one-time-cost"),
        None
    );
}

#[test]
fn overwhelmed_from_five_open_options_without_ranked_priorities() {
    let body = |open: u32, priorities: &str| {
        format!("strategy:\n  open_options: {open}\n  priorities: {priorities}\n")
    };
    assert!(!fired(&assess(&doc(&body(4, "unranked")))).contains(&"overwhelmed"));
    assert!(fired(&assess(&doc(&body(5, "unranked")))).contains(&"overwhelmed"));
    assert!(fired(&assess(&doc(&body(5, "none")))).contains(&"overwhelmed"));
    assert!(!fired(&assess(&doc(&body(9, "ranked")))).contains(&"overwhelmed"));
    // Priorities unanswered: unknown, so it does not fire.
    assert!(!fired(&assess(&doc("strategy:\n  open_options: 9\n"))).contains(&"overwhelmed"));
}

#[test]
fn tensions_fire_at_the_poles_only() {
    let model = |key: &str, value: u32| format!("operating_model:\n  {key}: {value}\n");
    for key in ["experimentation", "adoption", "focus"] {
        let id = format!("tension.{key}");
        for (value, fires) in [(1, true), (2, false), (3, false), (4, false), (5, true)] {
            assert_eq!(
                fired(&assess(&doc(&model(key, value)))).contains(&id.as_str()),
                fires,
                "{key} = {value}"
            );
        }
    }
    for (value, fires) in [(1, true), (2, true), (3, false), (5, false)] {
        assert_eq!(
            fired(&assess(&doc(&model("goals", value)))).contains(&"tension.goals"),
            fires,
            "goals = {value}"
        );
    }
}

#[test]
fn shadow_ai_needs_bottom_up_adoption_and_no_acceptable_use_policy() {
    let body = |adoption: u32, policy: &str| {
        format!("strategy:\n  policies:\n    acceptable_use: {policy}\noperating_model:\n  adoption: {adoption}\n")
    };
    assert!(fired(&assess(&doc(&body(2, "none")))).contains(&"shadow-ai"));
    assert!(fired(&assess(&doc(&body(1, "none")))).contains(&"shadow-ai"));
    assert!(!fired(&assess(&doc(&body(3, "none")))).contains(&"shadow-ai"));
    assert!(!fired(&assess(&doc(&body(2, "draft")))).contains(&"shadow-ai"));
    let critical = assess(&doc(&body(2, "none")));
    assert_eq!(
        critical.findings[0].id,
        FindingId::ShadowAi,
        "critical findings come first"
    );
}
