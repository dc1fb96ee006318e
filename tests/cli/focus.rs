//! The focus rule in each branch and in its order, and the levels and
//! quadrants at their cut lines.

use crate::common::{assess, assess_with, doc, pilots, rubric_with};
use readiness::assess::scoring::{level_of, quadrant_of};
use readiness::rubric::default_rubric;
use readiness::vocabulary::{Focus, Level, Quadrant};

/// A strong plan, two stale pilots on a laptop: stuck in purgatory.
fn stuck_with_plan(extra_strategy: &str) -> String {
    let strategy = format!(
        "strategy:\n  sponsor: board\n  roadmap:\n    status: approved\n    horizon_months: 24\n    updated: 2026-10-01\n    scaling_plan: true\n  investment:\n    budget: approved\n    projected_roi: 3\n    areas: [talent, data, cloud, training]\n  policies:\n    data_privacy: approved\n    ethics: approved\n    acceptable_use: approved\n  okrs:\n    company: true\n    individual: true\n    team_alignment_pct: 100\n  risks_assessed: [market, strategic, regulatory]\n  business_problems:\n    - {{ name: churn, kpi: churn rate, target: -10%, owner: CMO }}\n{extra_strategy}"
    );
    let pilots = pilots(&[
        "stage: pilot, started: 2025-01-01, environment: laptop",
        "stage: pilot, started: 2025-01-01",
    ]);
    doc(&format!("{strategy}{pilots}"))
}

#[test]
fn stuck_with_a_plan_pivots_to_implementation() {
    let a = assess(&stuck_with_plan("  priorities: ranked\n"));
    assert_eq!(
        a.purgatory.status,
        readiness::vocabulary::PurgatoryStatus::Stuck
    );
    assert!(a.scores.strategy >= 50.0, "{}", a.scores.strategy);
    assert_eq!(a.focus, Focus::Implementation);
    assert_eq!(a.recommendations[0].title, a.focus_reason);
    assert!(a.recommendations[0]
        .evidence
        .iter()
        .any(|e| e.path == "implementation.pilots[0]"));
}

#[test]
fn overwhelmed_wins_over_purgatory() {
    let a = assess(&stuck_with_plan(
        "  priorities: unranked\n  open_options: 6\n",
    ));
    assert_eq!(
        a.purgatory.status,
        readiness::vocabulary::PurgatoryStatus::Stuck
    );
    assert_eq!(a.focus, Focus::Strategy);
    assert!(a.focus_reason.contains("6 AI ideas"), "{}", a.focus_reason);
    assert_eq!(
        a.recommendations[0].evidence[0].path,
        "strategy.open_options"
    );
}

#[test]
fn stuck_pivots_only_from_a_strategy_of_50_or_more() {
    let text = stuck_with_plan("  priorities: ranked\n");
    let strategy = assess(&text).scores.strategy;
    let at = rubric_with(&[("pivot_min_strategy", &format!("{strategy:.1}"))]);
    assert_eq!(assess_with(&text, &at).focus, Focus::Implementation);
    // Just below the cut line, the quadrant decides: slide deck, so implementation
    // too; move the quadrant cut so the quadrant says otherwise.
    let above = rubric_with(&[
        ("pivot_min_strategy", &format!("{:.1}", strategy + 0.1)),
        ("quadrant_cut", "99.0"),
    ]);
    let a = assess_with(&text, &above);
    assert_eq!(a.quadrant, Quadrant::Early);
    assert_eq!(a.focus, Focus::Parallel);
}

#[test]
fn quadrants_decide_otherwise() {
    let early = assess(&doc(""));
    assert_eq!(
        (early.quadrant, early.focus),
        (Quadrant::Early, Focus::Parallel)
    );
    let ex = |name: &str| {
        let text =
            std::fs::read_to_string(format!("{}/examples/{name}", env!("CARGO_MANIFEST_DIR")))
                .expect("example");
        assess(&text)
    };
    let aligned = ex("aligned-harbor-logistics.yaml");
    assert_eq!(
        (aligned.quadrant, aligned.focus),
        (Quadrant::Aligned, Focus::Scale)
    );
    let unused = ex("unused-tools-brightwave-software.yaml");
    assert_eq!(
        (unused.quadrant, unused.focus),
        (Quadrant::UnusedTools, Focus::Strategy)
    );
    let deck = ex("slide-deck-northwind-retail.yaml");
    assert_eq!(deck.quadrant, Quadrant::SlideDeck);
}

#[test]
fn quadrant_cut_line_is_50_inclusive() {
    let r = default_rubric().expect("valid");
    assert_eq!(quadrant_of(50.0, 50.0, &r), Quadrant::Aligned);
    assert_eq!(quadrant_of(50.0, 49.9, &r), Quadrant::SlideDeck);
    assert_eq!(quadrant_of(49.9, 50.0, &r), Quadrant::UnusedTools);
    assert_eq!(quadrant_of(49.9, 49.9, &r), Quadrant::Early);
}

#[test]
fn levels_start_at_their_cut_lines() {
    let r = default_rubric().expect("valid");
    let cases = [
        (0.0, Level::Exploring),
        (19.9, Level::Exploring),
        (20.0, Level::Experimenting),
        (39.9, Level::Experimenting),
        (40.0, Level::Operationalizing),
        (59.9, Level::Operationalizing),
        (60.0, Level::Scaling),
        (79.9, Level::Scaling),
        (80.0, Level::Transforming),
        (100.0, Level::Transforming),
    ];
    for (overall, level) in cases {
        assert_eq!(level_of(overall, &r), level, "{overall}");
    }
}

#[test]
fn recommendations_are_ranked_focus_then_findings_then_gaps() {
    let a = assess(&stuck_with_plan("  priorities: ranked\n"));
    let ranks: Vec<usize> = a.recommendations.iter().map(|r| r.rank).collect();
    assert_eq!(ranks, (1..=a.recommendations.len()).collect::<Vec<_>>());
    // After the focus come the findings' remedies, most severe first.
    for (r, f) in a.recommendations[1..].iter().zip(&a.findings) {
        assert_eq!(r.title, f.remedy);
    }
    // Then the five largest criterion gaps.
    assert_eq!(a.recommendations.len(), 1 + a.findings.len() + 5);
    assert!(a.recommendations.iter().all(|r| !r.evidence.is_empty()));
}
