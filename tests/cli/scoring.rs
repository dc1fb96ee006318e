//! Scoring from what was answered: answered shares, ranges, completeness by
//! weight, sides with no score, pilot sets and impact weights, sourcing, and
//! the ownership criterion. The assessment date is 2026-11-20.

use crate::common::{assess, assess_with, doc, pilots, rubric_with};
use readiness::assessment::{Assessment, CriterionResult};

fn criterion<'a>(a: &'a Assessment, id: &str) -> &'a CriterionResult {
    a.dimensions
        .iter()
        .flat_map(|d| &d.criteria)
        .find(|c| &*c.criterion.id == id)
        .unwrap_or_else(|| panic!("no criterion {id}"))
}

#[test]
fn an_unanswered_question_counts_neither_for_nor_against() {
    // One strategy answer, the best one: the side scores from it alone.
    let a = assess(&doc("strategy:\n  sponsor: board\n"));
    assert_eq!(a.scores.strategy, Some(100.0));
    // The sponsor weighs 2 of the strategy side's 25: answered best, the
    // side could still fall to 2 x 100 / 25 = 8.0 if every other answer
    // were the worst, and could be 100.0 if every one were the best.
    assert_eq!(a.scores.range.strategy, [8.0, 100.0]);
    assert_eq!(a.scores.completeness_by_side.strategy, 8.0);
    // Nothing answered on the implementation side: no score, the widest range.
    assert_eq!(a.scores.implementation, None);
    assert_eq!(a.scores.range.implementation, [0.0, 100.0]);
    assert_eq!(a.scores.overall, None);
    assert_eq!(a.scores.completeness_by_side.implementation, 0.0);
    // The worst answer instead: the score falls, the range stays the same width.
    let worst = assess(&doc("strategy:\n  sponsor: none\n"));
    assert_eq!(worst.scores.strategy, Some(0.0));
    assert_eq!(worst.scores.range.strategy[0], 0.0);
    assert_eq!(
        worst.scores.completeness_by_side.strategy,
        a.scores.completeness_by_side.strategy
    );
}

#[test]
fn a_checklist_is_scored_over_the_answers_given() {
    let a = assess(&doc(
        "implementation:\n  team:\n    data_scientists: 2\n    ml_engineers: 0\n",
    ));
    let team = criterion(&a, "leadership.team");
    assert_eq!(team.points, Some(50.0));
    assert!((team.answered - 0.5).abs() < 1e-6);
}

#[test]
fn completeness_is_by_weight() {
    // The business problems criterion weighs 3 of the strategy side's weight.
    let a = assess(&doc(
        "strategy:\n  business_problems:\n    - { name: churn }\n",
    ));
    // The strategy side weighs 25 in all: 3 / 25 is 12 %, whatever the
    // number of questions behind the other criteria.
    assert_eq!(a.scores.completeness_by_side.strategy, 12.0);
    assert_eq!(a.scores.completeness_by_side.implementation, 0.0);
    // Overall by the weight of both sides, 3 of 61.
    assert_eq!(a.scores.completeness, 4.9);
    // A business problem's kpi, target and owner are measured by presence:
    // left out, they are not unanswered questions.
    assert!(a
        .unanswered
        .iter()
        .all(|p| !p.contains("business_problems[")));
    assert_eq!(criterion(&a, "purpose.business-problems").points, Some(0.0));
}

#[test]
fn only_started_pilots_count_weighted_by_impact() {
    // A scaled pilot and an active one: stage points 100 and 30.
    let even = assess(&doc(&pilots(&["stage: scaled", "stage: pilot"])));
    assert_eq!(criterion(&even, "delivery.stage").points, Some(65.0));
    // The scaled one high-impact (3) and the pilot low (1): (300 + 30) / 4.
    let weighted = assess(&doc(&pilots(&[
        "stage: scaled, impact: high",
        "stage: pilot, impact: low",
    ])));
    assert_eq!(criterion(&weighted, "delivery.stage").points, Some(82.5));
    // Ideas and retired pilots are outside every criterion.
    let with_idea = assess(&doc(&pilots(&[
        "stage: scaled",
        "stage: pilot",
        "stage: idea, environment: laptop",
        "stage: retired",
    ])));
    assert_eq!(with_idea.scores, even.scores);
    // The weights come from the rubric.
    let rubric = rubric_with(&[("impact_weights", "{ low = 1.0, medium = 1.0, high = 1.0 }")]);
    let flat = assess_with(
        &doc(&pilots(&[
            "stage: scaled, impact: high",
            "stage: pilot, impact: low",
        ])),
        &rubric,
    );
    assert_eq!(criterion(&flat, "delivery.stage").points, Some(65.0));
}

#[test]
fn a_per_pilot_answer_is_answered_by_the_weight_that_gives_it() {
    let a = assess(&doc(&pilots(&[
        "stage: pilot, impact: high, monitoring: automated",
        "stage: pilot, impact: low",
    ])));
    let monitoring = criterion(&a, "scale.monitoring");
    assert_eq!(monitoring.points, Some(100.0));
    assert!((monitoring.answered - 0.75).abs() < 1e-6);
    assert!(a
        .unanswered
        .contains(&"implementation.pilots[1].monitoring".to_owned()));
}

#[test]
fn no_started_pilot_is_an_answer_worth_nothing() {
    let a = assess(&doc(&pilots(&["stage: idea"])));
    for id in ["delivery.stage", "delivery.ownership", "scale.retraining"] {
        let c = criterion(&a, id);
        assert_eq!(
            (c.points, c.answered, c.applies),
            (Some(0.0), 1.0, true),
            "{id}"
        );
    }
    // The list left out: every per-pilot criterion is unanswered.
    let a = assess(&doc(""));
    let c = criterion(&a, "delivery.stage");
    assert_eq!((c.points, c.answered), (None, 0.0));
    assert!(a.unanswered.contains(&"implementation.pilots".to_owned()));
}

#[test]
fn retraining_a_bought_system_is_its_vendors_job() {
    let bought = assess(&doc(&pilots(&[
        "stage: production, sourcing: bought, retraining: none",
    ])));
    let c = criterion(&bought, "scale.retraining");
    assert!(!c.applies);
    assert_eq!(c.points, None);
    // A built pilot beside it is read alone.
    let both = assess(&doc(&pilots(&[
        "stage: production, sourcing: bought",
        "stage: production, retraining: automated",
    ])));
    let c = criterion(&both, "scale.retraining");
    assert_eq!((c.points, c.answered), (Some(100.0), 1.0));
    assert!(!both
        .unanswered
        .contains(&"implementation.pilots[0].retraining".to_owned()));
}

#[test]
fn ownership_earns_half_for_an_owner_and_half_for_a_date() {
    let a = assess(&doc(&pilots(&[
        "stage: pilot, business_owner: CFO",
        "stage: production, business_owner: COO, decision_by: 2026-01-31",
    ])));
    assert_eq!(criterion(&a, "delivery.ownership").points, Some(75.0));
    // Presence-measured and defaulted keys are never unanswered.
    for key in ["business_owner", "decision_by", "sourcing", "impact"] {
        assert!(
            a.unanswered.iter().all(|p| !p.ends_with(key)),
            "{key}: {:?}",
            a.unanswered
        );
    }
}

#[test]
fn the_overall_score_is_the_harmonic_mean_of_the_rounded_sides() {
    let a = assess("version: 1\norganization:\n  name: Examples\n  assessed: 2026-11-20\nstrategy:\n  sponsor: vp\nimplementation:\n  data:\n    quality: good\n");
    // A sponsor at vp level earns 60 and good data quality 75:
    // 2 x 60 x 75 / (60 + 75) = 9000 / 135 = 66.67, shown as 66.7.
    assert_eq!(a.scores.strategy, Some(60.0));
    assert_eq!(a.scores.implementation, Some(75.0));
    assert_eq!(a.scores.overall, Some(66.7));
    // The range ends are the harmonic means of the sides' ends:
    // 2 x 4.8 x 4.2 / 9.0 = 4.48 and 2 x 96.8 x 98.6 / 195.4 = 97.69.
    assert_eq!(a.scores.range.strategy, [4.8, 96.8]);
    assert_eq!(a.scores.range.implementation, [4.2, 98.6]);
    assert_eq!(a.scores.range.overall, [4.5, 97.7]);
}

/// Confidence is insufficient for a side answered less than the rubric's
/// minimum, and not for one answered exactly that much.
#[test]
fn confidence_is_insufficient_below_the_minimum_never_at_it() {
    use readiness::vocabulary::Confidence;
    let yaml = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/examples/partial-cedar-health.yaml"
    ))
    .expect("example");
    let scores = assess(&yaml).scores;
    let least = scores
        .completeness_by_side
        .strategy
        .min(scores.completeness_by_side.implementation);
    let confidence = |min: f64| {
        let rubric = rubric_with(&[("min_side_completeness", &format!("{min:.1}"))]);
        assess_with(&yaml, &rubric).confidence
    };
    assert_ne!(confidence(least), Confidence::Insufficient, "at {least}");
    assert_eq!(confidence(least + 0.1), Confidence::Insufficient);
}

/// A key only a finding reads is open for the pilots that finding reads it
/// of. In the default rubric a criterion reads every key a finding reads of
/// pilots, so a rubric whose monitoring criterion reads retraining instead
/// shows it: monitoring is then open for a live pilot (what no-monitoring
/// reads), not for an active one.
#[test]
fn a_key_only_a_finding_reads_is_open_for_the_pilots_it_concerns() {
    let text = readiness::rubric::DEFAULT_TOML.replace(
        "field = \"monitoring\"\npoints = { none = 0, manual = 50, automated = 100 }",
        "field = \"retraining\"\npoints = { none = 0, ad_hoc = 30, scheduled = 70, automated = 100 }",
    );
    assert_ne!(text, readiness::rubric::DEFAULT_TOML);
    let rubric = readiness::rubric::parse(&text).expect("a valid rubric");
    let a = assess_with(
        &doc(&pilots(&[
            "stage: production, started: 2025-01-01",
            "stage: pilot, started: 2026-06-01",
        ])),
        &rubric,
    );
    let monitoring: Vec<&str> = a
        .unanswered
        .iter()
        .filter(|p| p.ends_with(".monitoring") && p.starts_with("implementation.pilots"))
        .map(String::as_str)
        .collect();
    assert_eq!(monitoring, ["implementation.pilots[0].monitoring"]);
}
