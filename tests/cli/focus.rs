//! The focus rule row by row, in its order, each at its boundary; the
//! quadrant, the level and its cap, and the confidence at their cut lines.

use crate::common::{assess, assess_with, doc, pilots, rubric_with};
use readiness::assess::scoring::{level_cap, level_of, quadrant_of};
use readiness::assessment::Assessment;
use readiness::rubric::default_rubric;
use readiness::vocabulary::{
    Confidence, Focus, FocusReason, Level, PurgatoryStatus, Quadrant, Word as _,
};

/// A fully answered, strong strategy (the sponsor and priorities set apart).
fn strategy(priorities: &str, extra: &str) -> String {
    format!("strategy:\n  sponsor: board\n  roadmap: {{ status: approved, horizon_months: 24, updated: 2026-10-01, scaling_plan: true }}\n  priorities: {priorities}\n  investment: {{ budget: approved, projected_roi: 3, areas: [talent, data, cloud, training] }}\n  policies: {{ data_privacy: approved, ethics: approved, acceptable_use: approved }}\n  okrs: {{ company: true, individual: true, team_alignment_pct: 100 }}\n  risks_assessed: [market, strategic, regulatory, technical, operational]\n  business_problems:\n    - {{ name: churn, kpi: churn rate, target: -10%, owner: CMO }}\n{extra}")
}

/// A fully answered, strong delivery side with these pilots.
fn delivery(pilot_entries: &[&str]) -> String {
    format!("{}  data: {{ quality: excellent, access: unified, architecture: modern }}\n  infrastructure: {{ hosting: cloud, production_ready: true }}\n  mlops: {{ version_control: true, ci_cd: true, model_registry: true, monitoring: true, automated_retraining: true }}\n  team: {{ data_scientists: 4, ml_engineers: 3, data_engineers: 3, platform_ops: 2, head_of_ai: true }}\n  spend: {{ tracked: true, recurring_budget: true, monthly: 90000 }}\n  safeguards: {{ anonymization: true, bias_testing: true, access_controls: true, audit_logging: true }}\n  change_management: {{ hr: true, department_heads: true, training: true, adoption_tracked: true }}\n", pilots(pilot_entries))
}

const GOOD_LIVE: &str = "stage: scaled, started: 2024-01-01, environment: production, users: 400, integrated: true, value_measured: true, success_metrics: [business_kpi], monitoring: automated, retraining: automated, cost_vs_plan: 1.0, business_owner: COO, decision_by: 2024-06-01";
const OLD_PILOT: &str = "stage: pilot, started: 2025-01-01, environment: cloud, users: 20, integrated: true, value_measured: true, success_metrics: [business_kpi], monitoring: automated, retraining: automated, cost_vs_plan: 1.0, business_owner: COO";

fn reason(a: &Assessment) -> FocusReason {
    a.focus_reason_id
}

#[test]
fn aligned_scales_and_hardens_first_when_live_systems_are_unsafe() {
    let a = assess(&doc(&format!(
        "{}{}",
        strategy("ranked", ""),
        delivery(&[
            GOOD_LIVE,
            GOOD_LIVE.replace("scaled", "production").as_str()
        ])
    )));
    assert_eq!(a.quadrant, Quadrant::Aligned);
    assert_eq!((a.focus, reason(&a)), (Focus::Scale, FocusReason::Aligned));
    // The headline names the live pilots.
    assert!(
        a.focus_reason
            .contains("grow what works (p0 and p1) from one department"),
        "{}",
        a.focus_reason
    );
    // The same with a high-impact live model watched by hand.
    let unsafe_live =
        GOOD_LIVE.replace("monitoring: automated", "monitoring: manual, impact: high");
    let a = assess(&doc(&format!(
        "{}{}",
        strategy("ranked", ""),
        delivery(&[&unsafe_live])
    )));
    assert_eq!(a.quadrant, Quadrant::Aligned);
    assert_eq!(
        (a.focus, reason(&a)),
        (Focus::Implementation, FocusReason::Harden)
    );
    assert!(
        a.focus_reason
            .contains("high-stakes decisions without automated monitoring"),
        "{}",
        a.focus_reason
    );
    assert!(
        a.focus_reason
            .starts_with("Harden what is live (p0) before growing it"),
        "{}",
        a.focus_reason
    );
    assert_eq!(a.recommendations[0].id.as_str(), "focus");
    assert_eq!(a.recommendations[1].id.as_str(), "unguarded-decisions");
}

#[test]
fn stuck_with_a_plan_pivots_from_a_strategy_of_50() {
    let plan = strategy("ranked", "").replace("sponsor: board", "sponsor: vp");
    let text = doc(&format!("{plan}{}", delivery(&[OLD_PILOT])));
    let a = assess(&text);
    assert_eq!(a.purgatory.status, PurgatoryStatus::Stuck);
    assert_eq!(
        (a.focus, reason(&a)),
        (Focus::Implementation, FocusReason::Stuck)
    );
    assert!(a.focus_reason.contains("(p0)"), "{}", a.focus_reason);
    let score = a.scores.strategy.expect("scored");
    let at = rubric_with(&[("pivot_min_strategy", &format!("{score:.1}"))]);
    assert_eq!(reason(&assess_with(&text, &at)), FocusReason::Stuck);
    let above = rubric_with(&[("pivot_min_strategy", &format!("{:.1}", score + 0.1))]);
    assert_ne!(reason(&assess_with(&text, &above)), FocusReason::Stuck);
}

#[test]
fn overwhelmed_decides_only_below_a_strategy_of_50() {
    // A strong plan with unranked options: the quadrant decides, and the
    // overwhelmed finding stays as a recommendation.
    let strong = doc(&format!(
        "{}{}",
        strategy("unranked", "  open_options: 6\n"),
        delivery(&[GOOD_LIVE])
    ));
    let a = assess(&strong);
    assert_ne!(reason(&a), FocusReason::Overwhelmed);
    assert!(a
        .recommendations
        .iter()
        .any(|r| r.id.as_str() == "overwhelmed"));
    // Little strategy, many unranked options: choose first.
    let weak = doc(
        "strategy:\n  sponsor: manager\n  roadmap: { status: none, horizon_months: 1, updated: 2026-10-01, scaling_plan: false }\n  priorities: unranked\n  open_options: 6\n  investment: { budget: none, projected_roi: 0, areas: [] }\n  policies: { data_privacy: none, ethics: none, acceptable_use: none }\n  okrs: { company: false, individual: false, team_alignment_pct: 0 }\n  risks_assessed: []\n  business_problems: []\nimplementation:\n  pilots: []\n",
    );
    let a = assess(&weak);
    assert_eq!(
        (a.focus, reason(&a)),
        (Focus::Strategy, FocusReason::Overwhelmed)
    );
    assert!(a.focus_reason.starts_with("Focus on strategy: 6 AI ideas"));
    // The focus asks for the ranking, so no item asks for it again: the
    // finding's advice is folded into the focus, and said under it.
    assert!(!a
        .recommendations
        .iter()
        .any(|r| r.id.as_str() == "overwhelmed"));
    let focus = a
        .recommendations
        .iter()
        .find(|r| r.id.as_str() == "focus")
        .expect("the focus item");
    assert_eq!(
        focus.also.iter().map(|id| id.word()).collect::<Vec<_>>(),
        ["overwhelmed"]
    );
    assert!(a.findings.iter().any(|f| f.id.word() == "overwhelmed"));
}

#[test]
fn a_strategy_half_left_unanswered_is_put_on_record_first() {
    let text = doc(&format!(
        "strategy:\n  sponsor: board\n{}",
        delivery(&[GOOD_LIVE])
    ));
    let a = assess(&text);
    assert!(a.scores.completeness_by_side.strategy < 50.0);
    assert_eq!(
        (a.focus, reason(&a)),
        (Focus::Strategy, FocusReason::NoPlanOnRecord)
    );
    assert_eq!(a.confidence, Confidence::Insufficient);
    assert_eq!(a.recommendations[0].id.as_str(), "answer-first");
    assert_eq!(a.recommendations[1].id.as_str(), "focus");
    // At the completeness cut line the plan counts as on record.
    let share = a.scores.completeness_by_side.strategy;
    let at = rubric_with(&[("min_side_completeness", &format!("{share:.1}"))]);
    assert_ne!(
        reason(&assess_with(&text, &at)),
        FocusReason::NoPlanOnRecord
    );
}

#[test]
fn early_is_parallel_and_brings_lingering_pilots_to_a_decision() {
    let early = "strategy:\n  sponsor: manager\n  roadmap: { status: draft, horizon_months: 6, updated: 2026-10-01, scaling_plan: false }\n  priorities: unranked\n  investment: { budget: requested, projected_roi: 1, areas: [talent] }\n  policies: { data_privacy: draft, ethics: none, acceptable_use: draft }\n  okrs: { company: false, individual: false, team_alignment_pct: 10 }\n  risks_assessed: [market]\n  business_problems:\n    - { name: churn }\n";
    let a = assess(&doc(&format!(
        "{early}{}",
        pilots(&["stage: pilot, started: 2026-10-01"])
    )));
    assert_eq!(a.quadrant, Quadrant::Early);
    assert_eq!((a.focus, reason(&a)), (Focus::Parallel, FocusReason::Early));
    let a = assess(&doc(&format!(
        "{early}{}",
        pilots(&["stage: pilot, started: 2025-01-01"])
    )));
    assert_eq!(a.purgatory.status, PurgatoryStatus::Stuck);
    assert_eq!(
        (a.focus, reason(&a)),
        (Focus::Parallel, FocusReason::EarlyStuck)
    );
    assert!(a.focus_reason.contains("(p0)"), "{}", a.focus_reason);
}

#[test]
fn quadrant_cut_lines_and_the_live_pilot_rule() {
    let r = default_rubric();
    assert_eq!(quadrant_of(50.0, 50.0, true, &r), Quadrant::Aligned);
    assert_eq!(quadrant_of(50.0, 49.9, true, &r), Quadrant::SlideDeck);
    assert_eq!(quadrant_of(49.9, 50.0, true, &r), Quadrant::UnusedTools);
    assert_eq!(quadrant_of(49.9, 49.9, true, &r), Quadrant::Early);
    // Without a live pilot, implementation is never high.
    assert_eq!(quadrant_of(90.0, 90.0, false, &r), Quadrant::SlideDeck);
    assert_eq!(quadrant_of(10.0, 90.0, false, &r), Quadrant::Early);
}

#[test]
fn levels_at_their_cut_lines_and_capped_by_what_exists() {
    let r = default_rubric();
    for (overall, level) in [
        (19.9, Level::Exploring),
        (20.0, Level::Experimenting),
        (39.9, Level::Experimenting),
        (40.0, Level::Operationalizing),
        (59.9, Level::Operationalizing),
        (60.0, Level::Scaling),
        (79.9, Level::Scaling),
        (80.0, Level::Transforming),
    ] {
        assert_eq!(level_of(overall, &r), level, "{overall}");
    }
    assert_eq!(level_cap(None, 0, 0), Some(Level::Exploring));
    assert_eq!(level_cap(Some(3), 0, 0), Some(Level::Experimenting));
    assert_eq!(level_cap(Some(3), 2, 1), Some(Level::Scaling));
    assert_eq!(level_cap(Some(3), 2, 2), None);
    // A strong organization with one scaled system: the cap binds.
    let a = assess(&doc(&format!(
        "{}{}",
        strategy("ranked", ""),
        delivery(&[GOOD_LIVE])
    )));
    assert_eq!(a.level_cap, Some(Level::Scaling));
    assert!(a.level <= Level::Scaling);
    assert_eq!(a.level, a.level_by_score.min(Level::Scaling));
}

#[test]
fn confidence_from_completeness_and_ranges() {
    // Everything answered: the range is the score, so the verdict is firm.
    let a = assess(&doc(&format!(
        "{}{}",
        strategy("ranked", ""),
        delivery(&[GOOD_LIVE])
    )));
    assert_eq!(
        a.scores.range.strategy,
        [a.scores.strategy.unwrap_or(-1.0); 2]
    );
    assert_eq!(a.confidence, Confidence::Firm);
    // The pilots list left out: nothing is known about delivery.
    let text = delivery(&[GOOD_LIVE]);
    let without_pilots: String = text
        .lines()
        .filter(|l| !l.contains("pilots:") && !l.contains("- { name"))
        .flat_map(|l| [l, "\n"])
        .collect();
    let a = assess(&doc(&format!("{}{without_pilots}", strategy("ranked", ""))));
    assert_eq!(a.confidence, Confidence::Insufficient);
    assert_eq!(a.level_cap, Some(Level::Exploring));
}

#[test]
fn provisional_when_a_range_straddles_the_cut_line() {
    // Strategy fully answered; implementation answered except two data
    // answers, so its range is open around its score.
    let full = delivery(&[GOOD_LIVE]);
    let open: String = full
        .lines()
        .map(|l| {
            if l.starts_with("  data:") {
                "  data: { quality: fair }"
            } else {
                l
            }
        })
        .flat_map(|l| [l, "\n"])
        .collect();
    let text = doc(&format!("{}{open}", strategy("ranked", "")));
    let a = assess(&text);
    let [low, high] = a.scores.range.implementation;
    assert!(low < high, "{low} {high}");
    // With the cut line at the low end, nothing straddles it: firm.
    let at_low = rubric_with(&[("quadrant_cut", &format!("{low:.1}"))]);
    assert_eq!(assess_with(&text, &at_low).confidence, Confidence::Firm);
    // Just above the low end, the range straddles it: provisional.
    let above = rubric_with(&[("quadrant_cut", &format!("{:.1}", low + 0.1))]);
    assert_eq!(
        assess_with(&text, &above).confidence,
        Confidence::Provisional
    );
    // At the high end it still straddles (low < cut <= high); above it, firm.
    let at_high = rubric_with(&[("quadrant_cut", &format!("{high:.1}"))]);
    assert_eq!(
        assess_with(&text, &at_high).confidence,
        Confidence::Provisional
    );
    let past = rubric_with(&[("quadrant_cut", &format!("{:.1}", high + 0.1))]);
    assert_eq!(assess_with(&text, &past).confidence, Confidence::Firm);
}

/// Row 2 at its boundary: with `overwhelmed` fired, a strategy exactly at
/// the pivot line is not "below" it, so the row does not decide; a tenth
/// under it does.
#[test]
fn overwhelmed_boundary_a_strategy_at_the_pivot_line_is_not_below_it() {
    let weak = doc(
        "strategy:\n  sponsor: manager\n  roadmap: { status: draft, horizon_months: 6, updated: 2026-10-01, scaling_plan: false }\n  priorities: unranked\n  open_options: 6\n  investment: { budget: requested, projected_roi: 1, areas: [talent] }\n  policies: { data_privacy: draft, ethics: none, acceptable_use: none }\n  okrs: { company: false, individual: false, team_alignment_pct: 10 }\n  risks_assessed: [market]\n  business_problems: []\nimplementation:\n  pilots: []\n",
    );
    let a = assess(&weak);
    assert_eq!(reason(&a), FocusReason::Overwhelmed);
    let score = a.scores.strategy.expect("scored");
    let at = rubric_with(&[("pivot_min_strategy", &format!("{score:.1}"))]);
    assert_ne!(reason(&assess_with(&weak, &at)), FocusReason::Overwhelmed);
    let above = rubric_with(&[("pivot_min_strategy", &format!("{:.1}", score + 0.1))]);
    assert_eq!(
        reason(&assess_with(&weak, &above)),
        FocusReason::Overwhelmed
    );
}

/// Row 0 comes before row 1: a stuck organization whose strategy half is
/// under-answered puts its plan on record first, even with a strategy
/// score high enough to pivot.
#[test]
fn focus_order_no_plan_on_record_before_stuck() {
    let text = doc(&format!(
        "strategy:\n  sponsor: board\n  priorities: ranked\n{}",
        delivery(&[OLD_PILOT])
    ));
    let a = assess(&text);
    assert_eq!(a.purgatory.status, PurgatoryStatus::Stuck);
    assert!(a.scores.strategy.expect("scored") >= 50.0);
    assert!(a.scores.completeness_by_side.strategy < 50.0);
    assert_eq!(reason(&a), FocusReason::NoPlanOnRecord);
    // Answer the strategy half and the stuck row decides.
    let answered = doc(&format!(
        "{}{}",
        strategy("ranked", ""),
        delivery(&[OLD_PILOT])
    ));
    assert_eq!(reason(&assess(&answered)), FocusReason::Stuck);
}

/// Row 1 comes before row 3: an aligned organization that is stuck and has
/// a critical live-system finding pivots to its lingering pilots first.
#[test]
fn focus_order_stuck_before_harden() {
    let unsafe_live =
        GOOD_LIVE.replace("monitoring: automated", "monitoring: manual, impact: high");
    let text = doc(&format!(
        "{}{}",
        strategy("ranked", ""),
        delivery(&[
            &unsafe_live,
            OLD_PILOT,
            OLD_PILOT.replace("COO", "CFO").as_str()
        ])
    ));
    let a = assess(&text);
    assert_eq!(a.quadrant, Quadrant::Aligned);
    assert_eq!(a.purgatory.status, PurgatoryStatus::Stuck);
    assert!(a
        .findings
        .iter()
        .any(|f| f.id == readiness::vocabulary::FindingId::UnguardedDecisions));
    assert_eq!(reason(&a), FocusReason::Stuck);
}

/// Harden is for a finding both critical and of operations: an operations
/// warning (a cost overrun) or a critical finding of another group (shadow
/// AI) leaves an aligned organization to scale.
#[test]
fn harden_needs_a_finding_both_critical_and_of_operations() {
    let over_plan = GOOD_LIVE.replace("cost_vs_plan: 1.0", "cost_vs_plan: 1.5");
    let a = assess(&doc(&format!(
        "{}{}",
        strategy("ranked", ""),
        delivery(&[GOOD_LIVE, &over_plan])
    )));
    assert!(
        crate::common::fired(&a).contains(&"cost-overrun"),
        "{:?}",
        crate::common::fired(&a)
    );
    assert_eq!(a.quadrant, Quadrant::Aligned);
    assert_eq!((a.focus, reason(&a)), (Focus::Scale, FocusReason::Aligned));
    // The headline names the live pilots.
    assert!(
        a.focus_reason
            .contains("grow what works (p0 and p1) from one department"),
        "{}",
        a.focus_reason
    );
    let shadow = strategy("ranked", "").replace("acceptable_use: approved", "acceptable_use: none");
    let a = assess(&doc(&format!(
        "{shadow}{}operating_model:\n  adoption: 1\n",
        delivery(&[GOOD_LIVE])
    )));
    assert!(
        crate::common::fired(&a).contains(&"shadow-ai"),
        "{:?}",
        crate::common::fired(&a)
    );
    assert_eq!(a.quadrant, Quadrant::Aligned);
    assert_eq!((a.focus, reason(&a)), (Focus::Scale, FocusReason::Aligned));
}

// A slide deck decided by "nothing live" said the plan was ahead of a
// delivery score that was higher than the cut; the sentence now names what
// decided it, each way.
#[test]
fn the_slide_deck_sentence_names_what_keeps_delivery_low() {
    // Delivery strong on paper, two pilots at stage pilot and none live.
    let young = OLD_PILOT.replace("2025-01-01", "2026-10-01");
    let a = assess(&doc(&format!(
        "{}{}",
        strategy("ranked", ""),
        delivery(&[&young, &young])
    )));
    assert_eq!(
        (a.quadrant, reason(&a)),
        (Quadrant::SlideDeck, FocusReason::SlideDeck)
    );
    assert!(a.scores.implementation.expect("scored") >= 50.0);
    assert!(
        a.focus_reason.ends_with(&format!(
            "but no pilot is live yet (implementation {:.1}).",
            a.scores.implementation.expect("scored")
        )),
        "{}",
        a.focus_reason
    );
    // Delivery below the cut: the score is what keeps it low.
    let weak = "stage: pilot, started: 2026-10-01, environment: laptop, users: 0, integrated: false, value_measured: false, monitoring: none, retraining: none";
    let a = assess(&doc(&format!(
        "{}{}",
        strategy("ranked", ""),
        pilots(&[weak])
    )));
    assert_eq!(reason(&a), FocusReason::SlideDeck);
    assert!(
        a.focus_reason
            .contains("but delivery is behind it (implementation "),
        "{}",
        a.focus_reason
    );
    // The pilots list left out: nothing is known to be live, and purgatory
    // is not judged.
    let without = delivery(&[GOOD_LIVE]);
    let (_, rest) = without.split_once("  data:").expect("the delivery block");
    let a = assess(&doc(&format!(
        "{}implementation:\n  data:{rest}",
        strategy("ranked", "")
    )));
    assert_eq!(reason(&a), FocusReason::SlideDeck);
    assert!(
        a.focus_reason
            .contains("but the pilots list is not answered, so nothing is known to be live"),
        "{}",
        a.focus_reason
    );
    assert_eq!(
        readiness::render::story::purgatory_line(&a),
        "Pilot purgatory: not judged, as the pilots list is not answered."
    );
    let listed = assess(&doc(&format!(
        "{}implementation:\n  pilots: []\n",
        strategy("ranked", "")
    )));
    assert!(readiness::render::story::purgatory_line(&listed).starts_with("Pilot purgatory: clear"));
}

// "Harden what is live before growing it" was followed by advice to take
// pilots to production and scale them.
#[test]
fn the_harden_focus_gives_no_advice_to_grow() {
    let production = GOOD_LIVE.replace("scaled", "production");
    let unsafe_live =
        GOOD_LIVE.replace("monitoring: automated", "monitoring: manual, impact: high");
    let hardening = assess(&doc(&format!(
        "{}{}",
        strategy("ranked", ""),
        delivery(&[&unsafe_live, &production])
    )));
    assert_eq!(reason(&hardening), FocusReason::Harden);
    let ids: Vec<&str> = hardening
        .recommendations
        .iter()
        .map(|r| r.id.as_str())
        .collect();
    assert!(!ids.contains(&"delivery.stage"), "{ids:?}");
    // The same pilots, safe: scaling is the focus, which says to grow what
    // works: the stage criterion's advice is not given beside it either.
    let scaling = assess(&doc(&format!(
        "{}{}",
        strategy("ranked", ""),
        delivery(&[GOOD_LIVE, &production])
    )));
    assert_eq!(reason(&scaling), FocusReason::Aligned);
    let ids: Vec<&str> = scaling
        .recommendations
        .iter()
        .map(|r| r.id.as_str())
        .collect();
    assert!(!ids.contains(&"delivery.stage"), "{ids:?}");
    assert!(
        scaling.focus_reason.contains("grow what works (p0 and p1)"),
        "{}",
        scaling.focus_reason
    );
}

// The early focus with pilots started lets them teach the strategy, which is
// all strategy-first's remedy then says: it is not said again.
#[test]
fn the_early_focus_covers_the_strategy_first_remedy_once_pilots_run() {
    let young = OLD_PILOT.replace("2025-01-01", "2026-10-01");
    let a = assess(&doc(&format!(
        "strategy:\n  sponsor: manager\n  roadmap: {{ status: draft, horizon_months: 3, updated: 2025-01-01, scaling_plan: false }}\n  priorities: none\n  investment: {{ budget: none, projected_roi: 0, areas: [] }}\n  policies: {{ data_privacy: none, ethics: none, acceptable_use: none }}\n  okrs: {{ company: false, individual: false, team_alignment_pct: 0 }}\n  risks_assessed: []\n  business_problems: []\n{}beliefs:\n  strategy_before_implementation: agree\n",
        pilots(&[&young])
    )));
    assert_eq!(reason(&a), FocusReason::Early);
    assert!(
        a.focus_reason.contains("let p0 teach the strategy"),
        "{}",
        a.focus_reason
    );
    assert!(a
        .findings
        .iter()
        .any(|f| f.id == readiness::vocabulary::FindingId::StrategyFirst));
    let focus = a
        .recommendations
        .iter()
        .find(|r| r.id.as_str() == "focus")
        .expect("the focus");
    assert_eq!(
        focus.also,
        [readiness::vocabulary::FindingId::StrategyFirst]
    );
    assert!(!a
        .recommendations
        .iter()
        .any(|r| r.id.as_str() == "strategy-first"));
    let markdown = readiness::render::markdown::render(&a);
    assert!(
        markdown.contains("Also covers: strategy first, implementation later."),
        "{markdown}"
    );
}

// The scale headline called a live pilot with no users "what works".
#[test]
fn the_scale_headline_names_only_live_pilots_that_work() {
    let unused = GOOD_LIVE
        .replace("users: 400", "users: 0")
        .replace("scaled", "production");
    let a = assess(&doc(&format!(
        "{}{}",
        strategy("ranked", ""),
        delivery(&[GOOD_LIVE, &unused])
    )));
    assert_eq!(reason(&a), FocusReason::Aligned);
    assert!(
        a.focus_reason
            .contains("; grow what works (p0) from one department"),
        "{}",
        a.focus_reason
    );
    // None works yet: the sentence names none.
    let a = assess(&doc(&format!(
        "{}{}",
        strategy("ranked", ""),
        delivery(&[&unused])
    )));
    assert_eq!(reason(&a), FocusReason::Aligned);
    assert!(
        a.focus_reason
            .contains("; grow what works from one department"),
        "{}",
        a.focus_reason
    );
}

// The early focus ran a pilot beside the strategy, and an item said to
// start one again; with pilots started, it asked each for a measure of
// value and items asked again.
#[test]
fn the_early_focus_covers_what_it_already_says() {
    let weak = "strategy:\n  sponsor: manager\n  roadmap: { status: draft, horizon_months: 3, updated: 2025-01-01, scaling_plan: false }\n  priorities: none\n  investment: { budget: none, projected_roi: 0, areas: [] }\n  policies: { data_privacy: none, ethics: none, acceptable_use: none }\n  okrs: { company: false, individual: false, team_alignment_pct: 0 }\n  risks_assessed: []\n  business_problems: []\n";
    let focus = |a: &Assessment| {
        a.recommendations
            .iter()
            .find(|r| r.id.as_str() == "focus")
            .cloned()
            .expect("the focus")
    };
    let ideas = assess(&doc(&format!("{weak}{}", pilots(&["stage: idea"]))));
    assert_eq!(reason(&ideas), FocusReason::Early);
    assert!(ideas.focus_reason.contains("run one small pilot"));
    assert_eq!(
        focus(&ideas).also,
        [readiness::vocabulary::FindingId::StrategyFirst]
    );
    let started = assess(&doc(&format!(
        "{weak}{}",
        pilots(&["stage: pilot, started: 2026-10-01, value_measured: false, business_owner: A"])
    )));
    assert_eq!(reason(&started), FocusReason::Early);
    assert!(focus(&started)
        .also
        .contains(&readiness::vocabulary::FindingId::UnprovenPilot));
    let ids: Vec<&str> = started
        .recommendations
        .iter()
        .map(|r| r.id.as_str())
        .collect();
    assert!(!ids.contains(&"unproven-pilot"), "{ids:?}");
    // It asks each pilot for an owner and a decision date: that criterion's
    // advice is not given beside it.
    assert!(!ids.contains(&"delivery.ownership"), "{ids:?}");
}

// With the pilots list left out, nothing is known of what exists: the next
// level waits for the list, and no pilot is advised to start.
#[test]
fn a_pilots_list_left_out_is_never_read_as_no_pilot() {
    let a = assess(&doc(&format!(
        "{}beliefs:\n  strategy_before_implementation: agree\n",
        strategy("ranked", "")
    )));
    let next = readiness::render::story::next_level(&a).expect("a next level");
    assert!(next.contains("the pilots list to be answered"), "{next}");
    let f = crate::common::finding(&a, "strategy-first");
    assert!(
        f.remedy
            .starts_with("Talk the belief through with leadership"),
        "{}",
        f.remedy
    );
}

/// The headline names the live pilots where there are some, whatever the
/// reason it gives (report.md): a plan missing, unranked ideas, delivery
/// behind the plan. Where none is live, it says nothing of them.
#[test]
fn every_headline_names_the_live_pilots_where_there_are_some() {
    let brightwave = example("unused-tools-brightwave-software.yaml")
        .replace("open_options: 4", "open_options: 6");
    let a = assess(&brightwave);
    assert_eq!(reason(&a), FocusReason::Overwhelmed);
    assert!(
        a.focus_reason.ends_with(
            "Choose first. Live already: support-ticket-triage, code-review-assistant and churn-signals."
        ),
        "{}",
        a.focus_reason
    );
    let alder = example("insufficient-alder-foods.yaml");
    let a = assess(&alder);
    assert_eq!(reason(&a), FocusReason::NoPlanOnRecord);
    assert!(
        a.focus_reason
            .ends_with("rather than before them. Live already: line-downtime-predictor."),
        "{}",
        a.focus_reason
    );
    let northwind = example("slide-deck-northwind-retail.yaml");
    let a = assess(&northwind);
    assert_eq!(reason(&a), FocusReason::Stuck);
    let live = northwind.replace("stage: pilot", "stage: production");
    let a = assess(&live);
    assert_eq!(reason(&a), FocusReason::SlideDeck);
    assert!(
        a.focus_reason
            .ends_with("(implementation 31.0, with churn-model and demand-forecast live)."),
        "{}",
        a.focus_reason
    );
    // Aligned, with no live pilot proven to work: the live ones named.
    let unproven = example("aligned-harbor-logistics.yaml")
        .replace("value_measured: true", "value_measured: false");
    let a = assess(&unproven);
    assert_eq!(reason(&a), FocusReason::Aligned);
    assert!(
        a.focus_reason.ends_with("grow what works from one department to the company. Live already: route-optimizer and staffing-forecast."),
        "{}",
        a.focus_reason
    );
    // Proven ones are named as what works, once.
    let a = assess(&example("aligned-harbor-logistics.yaml"));
    assert!(
        !a.focus_reason.contains("Live already"),
        "{}",
        a.focus_reason
    );
    // Early and stuck, with a live pilot beside the lingering ones.
    let kestrel = example("early-live-kestrel-manufacturing.yaml");
    let a = assess(&kestrel);
    if reason(&a) == FocusReason::EarlyStuck {
        assert!(
            a.focus_reason.contains(" Live already: "),
            "{}",
            a.focus_reason
        );
    }
    // None live: no word of them.
    let weak = doc(
        "strategy:\n  sponsor: manager\n  roadmap: { status: none, horizon_months: 1, updated: 2026-10-01, scaling_plan: false }\n  priorities: unranked\n  open_options: 6\n  investment: { budget: none, projected_roi: 0, areas: [] }\n  policies: { data_privacy: none, ethics: none, acceptable_use: none }\n  okrs: { company: false, individual: false, team_alignment_pct: 0 }\n  risks_assessed: []\n  business_problems: []\nimplementation:\n  pilots: []\n",
    );
    let a = assess(&weak);
    assert_eq!(reason(&a), FocusReason::Overwhelmed);
    assert!(
        a.focus_reason.ends_with("Choose first."),
        "{}",
        a.focus_reason
    );
}

fn example(file: &str) -> String {
    std::fs::read_to_string(format!("{}/examples/{file}", env!("CARGO_MANIFEST_DIR")))
        .expect("example")
}
