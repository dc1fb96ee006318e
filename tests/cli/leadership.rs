//! The leadership report agrees with itself (rules 2.3, report.md): one fix
//! said once per pilot, no advice to start a pilot once pilots run, critical
//! findings called critical, the next level and the decisions named, spend
//! shown, counts that agree, and evidence listed once. Each rule at its
//! cases, then as properties over generated questionnaires.

use crate::common::{assess, doc, pilots};
use crate::properties::{assess_generated, questionnaire};
use proptest::prelude::*;
use readiness::assessment::{Assessment, RecommendationId};
use readiness::render;
use readiness::rubric::default_rubric;
use readiness::vocabulary::{FindingId, FocusReason, Level, Severity, Side, Word};
use std::collections::BTreeSet;

/// The recommendation that comes from finding `id`, if it is listed.
fn item(a: &Assessment, id: FindingId) -> Option<&readiness::assessment::Recommendation> {
    a.recommendations
        .iter()
        .find(|r| r.id == RecommendationId::Finding(id))
}

fn live(monitoring: &str, impact: &str) -> String {
    format!("stage: production, started: 2025-01-01, environment: production, users: 40, monitoring: {monitoring}, impact: {impact}")
}

#[test]
fn a_repeat_of_the_same_fix_for_the_same_pilot_is_folded_into_also() {
    // p0 is high-stakes and unmonitored: unguarded-decisions and
    // no-monitoring both prescribe monitoring it.
    let a = assess(&doc(&pilots(&[&live("none", "high")])));
    let first = item(&a, FindingId::UnguardedDecisions).expect("the first item");
    assert_eq!(first.also, [FindingId::NoMonitoring]);
    assert_eq!(*first.pilots, ["p0"]);
    assert!(item(&a, FindingId::NoMonitoring).is_none());
    // The finding itself is still reported.
    assert!(a.findings.iter().any(|f| f.id == FindingId::NoMonitoring));
    let markdown = render::markdown::render(&a);
    assert!(
        markdown.contains("Also covers: gaps in monitoring live systems."),
        "{markdown}"
    );
    assert_eq!(markdown.matches("Monitor p0").count(), 0, "{markdown}");
}

#[test]
fn a_later_item_names_only_the_pilots_no_earlier_item_of_its_fix_named() {
    // p0 is high-stakes (both findings), p1 only unmonitored.
    let a = assess(&doc(&pilots(&[
        &live("none", "high"),
        &live("none", "low"),
    ])));
    let first = item(&a, FindingId::UnguardedDecisions).expect("unguarded");
    assert_eq!(*first.pilots, ["p0"]);
    assert!(first.also.is_empty());
    let second = item(&a, FindingId::NoMonitoring).expect("no-monitoring for p1");
    assert_eq!(*second.pilots, ["p1"]);
    assert_eq!(
        &*second.title,
        "Monitor p1 for health and accuracy, automatically, with someone on call for alerts."
    );
    assert_eq!(
        second.reason.to_string(),
        "Gaps in monitoring live systems: A model that drifts could go unnoticed in live systems: nobody monitors p1."
    );
    let cited: Vec<String> = second.evidence.iter().map(|e| e.path.to_string()).collect();
    assert_eq!(cited, ["implementation.pilots[1].monitoring"]);
    let md = render::markdown::render(&a);
    assert!(md.contains("Rests on the finding `no-monitoring` above; here for p1 only, as an earlier item gives the same fix for the others."), "{md}");
    // The finding keeps both pilots.
    let finding = a
        .findings
        .iter()
        .find(|f| f.id == FindingId::NoMonitoring)
        .expect("finding");
    assert_eq!(*finding.pilots, ["p0", "p1"]);
    // Said again for fewer pilots, each way it fired is said only of the
    // pilots left: p0 is unmonitored, p1 outside the MLOps practice.
    let a = assess(&doc(&format!(
        "{}  mlops:\n    monitoring: false\n",
        pilots(&[&live("none", "high"), &live("manual", "low")])
    )));
    let second = item(&a, FindingId::NoMonitoring).expect("no-monitoring for p1");
    assert_eq!(*second.pilots, ["p1"]);
    assert_eq!(
        second.reason.to_string(),
        "Gaps in monitoring live systems: A model that drifts could go unnoticed in live systems: the MLOps practice monitors no model built in house."
    );
    assert_eq!(
        &*second.title,
        "Make monitoring part of the MLOps practice, for every model built in house."
    );
}

#[test]
fn go_no_go_advice_is_given_once_per_pilot() {
    // p0 is stale and overdue; p1 only stale: overdue names nobody new.
    let stale = "stage: pilot, started: 2025-01-01, environment: cloud";
    let a = assess(&doc(&pilots(&[
        &format!("{stale}, decision_by: 2026-06-30"),
        stale,
    ])));
    let decide = item(&a, FindingId::StalePilot).expect("stale-pilot");
    assert_eq!(*decide.pilots, ["p0", "p1"]);
    assert_eq!(decide.also, [FindingId::OverdueDecision]);
    assert!(item(&a, FindingId::OverdueDecision).is_none());
    // Overdue alone on another pilot than the stale one: both stand.
    let a = assess(&doc(&pilots(&[
        stale,
        "stage: pilot, started: 2026-10-01, environment: cloud, decision_by: 2026-11-19",
    ])));
    assert_eq!(
        *item(&a, FindingId::StalePilot).expect("stale").pilots,
        ["p0"]
    );
    assert_eq!(
        *item(&a, FindingId::OverdueDecision)
            .expect("overdue")
            .pilots,
        ["p1"]
    );
}

#[test]
fn no_advice_to_start_a_pilot_once_pilots_run() {
    let rubric = default_rubric();
    let start = &rubric.finding(FindingId::StrategyFirst).remedy;
    let belief = "beliefs:\n  strategy_before_implementation: agree\n";
    // No pilot started: starting one is the advice.
    let a = assess(&doc(&format!("{belief}{}", pilots(&["stage: idea"]))));
    assert_eq!(
        &*item(&a, FindingId::StrategyFirst).expect("item").title,
        start.as_str()
    );
    // One started: the advice names it instead.
    let a = assess(&doc(&format!(
        "{belief}{}",
        pilots(&["stage: idea", "stage: pilot, started: 2026-10-01"])
    )));
    assert_eq!(
        &*item(&a, FindingId::StrategyFirst).expect("item").title,
        "Let the pilots under way (p1) teach the strategy at each checkpoint, instead of waiting for the plan to be finished."
    );
}

#[test]
fn the_early_focus_names_the_started_pilots_live_first() {
    let millbrook = example("early-millbrook-credit-union.yaml");
    // Its one started pilot made an idea: nothing runs, so start one.
    let none_started = millbrook.replacen("      stage: pilot\n", "      stage: idea\n", 1);
    assert_ne!(none_started, millbrook);
    let a = assess(&none_started);
    assert_eq!(a.focus_reason_id, FocusReason::Early);
    assert!(
        a.focus_reason
            .starts_with("Work in parallel: run one small pilot"),
        "{}",
        a.focus_reason
    );
    // As it is, and with the idea live: the live one is named first.
    let a = assess(&millbrook);
    assert_eq!(a.focus_reason_id, FocusReason::Early);
    assert!(
        a.focus_reason
            .starts_with("Work in parallel: let loan-document-reader teach the strategy while it takes shape, and make sure it has an owner,"),
        "{}",
        a.focus_reason
    );
    let live_chatbot = millbrook.replacen("      stage: idea\n", "      stage: production\n", 1);
    assert_ne!(live_chatbot, millbrook);
    let a = assess(&live_chatbot);
    assert_eq!(a.focus_reason_id, FocusReason::Early);
    assert!(
        a.focus_reason.starts_with(
            "Work in parallel: let member-chatbot and loan-document-reader teach the strategy while it takes shape, and make sure each has an owner,"
        ),
        "{}",
        a.focus_reason
    );
}

fn example(file: &str) -> String {
    std::fs::read_to_string(format!("{}/examples/{file}", env!("CARGO_MANIFEST_DIR")))
        .expect("example")
}

#[test]
fn the_manufacturer_reads_true() {
    let a = assess(&example("early-live-kestrel-manufacturing.yaml"));
    let md = render::markdown::render(&a);
    let story = md.split("## Evidence and method").next().expect("story");
    assert!(
        story.contains("let visual-inspection, supplier-risk-score"),
        "{story}"
    );
    assert!(!story.contains("run one small pilot"), "{story}");
    assert!(story.contains("Findings: 2 critical"), "{story}");
    assert!(
        story.contains("1. **Critical:** **Put automated monitoring"),
        "{story}"
    );
    assert!(
        story.contains("- Next level: Operationalizing starts at an overall score of 40"),
        "{story}"
    );
    assert!(story.contains("| maintenance-forecast | Head of Plant Engineering | 2026-05-31, passed | 536 | 1.6 × plan |"), "{story}");
    assert!(
        story.contains("| quote-assistant | no owner | no date | 415 | 1.0 × plan |"),
        "{story}"
    );
    assert!(story.contains("Monthly AI spend: 38,000."), "{story}");
    assert!(!story.contains("here for  only"), "{story}");
    assert_eq!(
        a.next_level.as_ref().map(|n| n.level),
        Some(Level::Operationalizing)
    );
}

/// The section of `markdown` under `heading`, up to the next heading of any level.
fn section<'m>(markdown: &'m str, heading: &str) -> Option<&'m str> {
    let body = markdown.split(heading).nth(1)?;
    Some(body.split("\n#").next().unwrap_or(body))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(96))]

    #[test]
    fn every_report_agrees_with_itself(doc in questionnaire()) {
        let rubric = default_rubric();
        let a = assess_generated(&doc, &rubric);
        let md = render::markdown::render(&a);
        let story = md.split("## Evidence and method").next().unwrap_or_default();
        let started = a.pilots.iter().any(|p| p.stage.is_started());

        // No advice to start a pilot when pilots are started.
        if started {
            let start = &rubric.finding(FindingId::StrategyFirst).remedy;
            prop_assert!(a.recommendations.iter().all(|r| &*r.title != start.as_str()));
            prop_assert!(!a.focus_reason.contains("run one small pilot"), "{}", a.focus_reason);
        }

        // No fix given twice to a pilot; no folded finding lost.
        let mut named: Vec<(String, String)> = Vec::new();
        for r in &a.recommendations {
            let RecommendationId::Finding(id) = r.id else { continue };
            let Some(fix) = rubric.finding(id).fix.as_deref() else { continue };
            for pilot in r.pilots.iter() {
                let key = (fix.to_owned(), pilot.clone());
                prop_assert!(!named.contains(&key), "{fix} twice for {pilot}");
                named.push(key);
            }
        }
        for f in &a.findings {
            let listed = item(&a, f.id).is_some()
                || a.recommendations.iter().any(|r| r.also.contains(&f.id));
            prop_assert!(listed, "{} neither listed nor folded", f.id);
        }

        // Critical findings are called critical.
        let critical = a.findings.iter().filter(|f| f.severity == Severity::Critical).count();
        if critical > 0 {
            let counted = format!("Findings: {critical} critical");
            prop_assert!(story.contains(&counted), "{story}");
        }
        for (i, r) in a.recommendations.iter().filter(|r| r.id != RecommendationId::Focus).take(3).enumerate() {
            let from_critical = matches!(r.id, RecommendationId::Finding(id)
                if a.findings.iter().any(|f| f.id == id && f.severity == Severity::Critical));
            let marked = story.contains(&format!("{}. **Critical:**", i + 1));
            prop_assert_eq!(from_critical, marked, "item {}", i + 1);
        }

        // The next level is named below the top; decisions and spend are shown.
        if let Some(next) = &a.next_level {
            let line = format!("- Next level: {}", readiness::render::story::capitalized(next.level.word()));
            prop_assert!(story.contains(&line), "{story}");
        }
        prop_assert_eq!(a.level == Level::Transforming, a.next_level.is_none());
        if let Some(first) = a.decisions.first() {
            prop_assert!(story.contains("## Decisions needed from leadership"));
            prop_assert!(story.contains(&format!("| {} |", first.pilot)), "{story}");
        }
        if a.spend.monthly.is_some() {
            prop_assert!(story.contains("Monthly AI spend: "), "{story}");
        }

        // Counts agree: the open questions beside the scores are the ones
        // the scores read, and the unanswered list says how many those are.
        let overall_open = a.scores.open_questions.overall;
        if a.scores.range.overall[0] != a.scores.range.overall[1] && overall_open > 1 {
            let said = format!("once the {overall_open} open questions are answered");
            prop_assert!(story.contains(&said), "{story}");
        }
        if a.unanswered.len() > overall_open {
            let said = format!("Of these {}, {overall_open} are read by the scores", a.unanswered.len());
            prop_assert!(md.contains(&said), "{md}");
        }
        prop_assert!(overall_open <= a.unanswered.len());

        // Evidence once: a recommendation from a finding points to it.
        if let Some(basis) = section(&md, "### Recommendations and what they rest on") {
            for line in basis.lines().filter(|l| l.contains("Rests on the finding")) {
                prop_assert!(!line.contains("(line "), "{line}");
            }
        }

        // Each pilot a finding names is cited in its evidence.
        for f in &a.findings {
            let cited: BTreeSet<String> = f.evidence.iter().map(|e| e.path.to_string()).collect();
            for name in f.pilots.iter() {
                let index = a.pilots.iter().position(|p| &p.name == name).expect("a listed pilot");
                let prefix = format!("implementation.pilots[{index}]");
                // Cited by the pilot's own answers, or by an answer that names
                // it (an incident recorded against it).
                let by_path = cited.iter().any(|p| p.starts_with(&prefix));
                let by_answer = f.evidence.iter().any(|e| e.value.split(", ").any(|word| word == name));
                prop_assert!(by_path || by_answer, "{} names {name} without citing it: {cited:?}", f.id);
            }
        }
    }
}

// Folded into the monitoring item before it, no-monitoring lost its advice
// about the MLOps practice, which no earlier item gives.
#[test]
fn the_practices_advice_is_kept_when_the_pilots_advice_is_folded() {
    let a = assess(&doc(&format!(
        "{}  mlops:\n    monitoring: false\n",
        pilots(&[&live("none", "high")])
    )));
    let first = item(&a, FindingId::UnguardedDecisions).expect("unguarded");
    assert_eq!(*first.pilots, ["p0"]);
    assert!(first.also.is_empty());
    let practice = item(&a, FindingId::NoMonitoring).expect("kept for the practice");
    assert!(practice.pilots.is_empty());
    assert_eq!(
        &*practice.title,
        "Make monitoring part of the MLOps practice, for every model built in house."
    );
    // Its basis says what it is left for, naming no pilot.
    let md = render::markdown::render(&a);
    assert!(md.contains("Rests on the finding `no-monitoring` above; an earlier item gives the same fix for its pilots, so this one is for the rest of it."), "{md}");
    assert!(!md.contains("here for  only"), "{md}");
    // Without the practice's gap, it is folded as before.
    let a = assess(&doc(&pilots(&[&live("none", "high")])));
    assert!(item(&a, FindingId::NoMonitoring).is_none());
}

// With every pilot live, plan-without-results alone made the organization
// "at risk", and the report said some pilots may stall and advised getting
// a pilot live.
#[test]
fn a_plan_without_results_is_not_said_to_stall_pilots_that_are_live() {
    let northwind = example("slide-deck-northwind-retail.yaml");
    let all_live = northwind
        .replace("stage: pilot", "stage: production")
        .replace("stage: idea", "stage: production");
    let a = assess(&all_live);
    assert_eq!(a.purgatory.signals, [FindingId::PlanWithoutResults]);
    let md = render::markdown::render(&a);
    assert!(
        md.contains("Pilot purgatory: at risk (a strong plan with little delivered); 100.0% of started pilots are live"),
        "{md}"
    );
    assert!(!md.contains("may stall"), "{md}");
    assert!(!md.contains("getting a pilot live"), "{md}");
    assert!(md.contains("put the next budget and people into getting more of the plan running in production, not into more planning."), "{md}");
    // One pilot still lingering beside a live one: pilots may stall.
    let one_live = northwind.replacen("stage: pilot", "stage: production", 1);
    let a = assess(&one_live);
    assert!(a.purgatory.signals.contains(&FindingId::StalePilot));
    let md = render::markdown::render(&a);
    assert!(
        md.contains("Pilot purgatory: at risk (some pilots may stall before production)"),
        "{md}"
    );
}

// An item about the MLOps practice, which names no pilot, was followed by
// "No owner named for p0."
#[test]
fn an_item_that_names_no_pilot_names_no_owner() {
    let a = assess(&doc(&format!(
        "{}  mlops:\n    monitoring: false\n",
        pilots(&[&live("manual", "low")])
    )));
    let practice = item(&a, FindingId::NoMonitoring).expect("the practice's item");
    assert_eq!(*practice.pilots, ["p0"]);
    assert_eq!(
        &*practice.title,
        "Make monitoring part of the MLOps practice, for every model built in house."
    );
    let md = render::markdown::render(&a);
    assert!(!md.contains("owner named for p0"), "{md}");
    // An item that names the pilot says who owns it.
    let a = assess(&doc(&pilots(&[&live("none", "low")])));
    let md = render::markdown::render(&a);
    assert!(md.contains("Monitor p0 for health and accuracy"), "{md}");
    assert!(md.contains("No owner named for p0."), "{md}");
}

// A pilot called "mode" was taken as named by "every model built in
// house", and its owner line followed an item that names no pilot.
#[test]
fn a_pilot_is_named_by_its_name_as_a_word_not_inside_another() {
    let yaml = format!(
        "{}  mlops:\n    monitoring: false\n",
        pilots(&[&live("manual", "low")])
    );
    let a = assess(&doc(&yaml.replace("p0", "mode")));
    let practice = item(&a, FindingId::NoMonitoring).expect("the practice's item");
    assert_eq!(*practice.pilots, ["mode"]);
    let md = render::markdown::render(&a);
    assert!(!md.contains("owner named for mode"), "{md}");
    // Named as a word of its own, it has its owner line.
    let yaml = pilots(&[&live("none", "low")]);
    let a = assess(&doc(&yaml.replace("p0", "mode")));
    let md = render::markdown::render(&a);
    assert!(md.contains("Monitor mode for health and accuracy"), "{md}");
    assert!(md.contains("No owner named for mode."), "{md}");
}

// One lingering pilot was told "Decide go or no-go for each".
#[test]
fn a_focus_on_one_pilot_speaks_of_it_not_of_each() {
    let a = assess(&example("partial-cedar-health.yaml"));
    assert_eq!(a.focus_reason_id, FocusReason::Stuck);
    assert_eq!(
        &*a.focus_reason,
        "Pivot to implementation: the plan is there (strategy 90.2), but 1 pilot lingers (radiology-triage) and none is live. Decide go or no-go for it before starting anything new."
    );
}

// A criterion's title read as the subject of the sentence: "Among the
// answers given, Pilots retrained as data changes has ...".
#[test]
fn a_gap_names_its_criterion_as_a_name() {
    let a = assess(&example("aligned-unguarded-meridian-insurance.yaml"));
    let md = render::markdown::render(&a);
    assert!(
        md.contains("Why: Among the answers given, the criterion \"Pilots retrained as data changes\" has one of the largest gaps to full points."),
        "{md}"
    );
}

/// The file without one top-level section (`strategy:`), as a reader who
/// has not filled it in yet would leave it.
fn without_section(text: &str, section: &str) -> String {
    let mut kept = String::new();
    let mut inside = false;
    for line in text.split_inclusive('\n') {
        let top_level = !line.starts_with([' ', '#', '\n']);
        if top_level {
            inside = line.starts_with(&format!("{section}:"));
        }
        if !inside {
            kept.push_str(line);
        }
    }
    kept
}

// With the strategy left out, strategy scored 0 and so did overall, and the
// next level named three implementation gaps, none of which could raise it.
#[test]
fn the_next_level_names_gaps_only_of_a_side_that_holds_the_score_at_zero() {
    let northwind = example("slide-deck-northwind-retail.yaml");
    let a = assess(&without_section(&northwind, "strategy"));
    assert_eq!(
        (a.scores.strategy, a.scores.overall),
        (Some(0.0), Some(0.0))
    );
    let next = a.next_level.as_ref().expect("a next level");
    let sides: Vec<Side> = next
        .criteria
        .iter()
        .map(|id| {
            let criteria = &default_rubric().criteria;
            criteria
                .iter()
                .find(|c| c.id == *id)
                .expect("criterion")
                .side
        })
        .collect();
    assert!(
        !sides.is_empty() && sides.iter().all(|s| *s == Side::Strategy),
        "{sides:?}"
    );
    let md = render::markdown::render(&a);
    assert!(
        md.contains("20.0 points above today's 0.0. The overall score stays at 0 while the strategy side scores 0. The largest gaps there: "),
        "{md}"
    );
    let a = assess(&without_section(&northwind, "implementation"));
    assert_eq!(a.scores.implementation, Some(0.0));
    let md = render::markdown::render(&a);
    assert!(
        md.contains("The overall score stays at 0 while the implementation side scores 0."),
        "{md}"
    );
    // Both sides above 0: no such sentence, the largest gaps of either.
    let md = render::markdown::render(&assess(&northwind));
    assert!(!md.contains("stays at 0"), "{md}");
    // Both at 0: each must rise, and the gaps of either are named.
    let a = assess(ZERO_BOTH);
    assert_eq!(
        (a.scores.strategy, a.scores.implementation),
        (Some(0.0), Some(0.0))
    );
    let md = render::markdown::render(&a);
    assert!(
        md.contains(
            "The overall score stays at 0 until both sides score above 0. The largest gaps: "
        ),
        "{md}"
    );
    let next = a.next_level.as_ref().expect("a next level");
    let sides: BTreeSet<String> = next
        .criteria
        .iter()
        .map(|id| {
            let criteria = &default_rubric().criteria;
            let side = criteria
                .iter()
                .find(|c| c.id == *id)
                .expect("criterion")
                .side;
            side.word().to_owned()
        })
        .collect();
    assert_eq!(sides.len(), 2, "{:?}", next.criteria);
}

/// Nothing in place on either side, every question answered.
const ZERO_BOTH: &str = "version: 1
organization:
  name: Zero Both
  assessed: 2026-11-20
strategy:
  business_problems: []
  sponsor: none
  roadmap:
    status: none
    scaling_plan: false
  priorities: none
  investment:
    budget: none
    areas: []
  policies:
    data_privacy: none
    ethics: none
    acceptable_use: none
  okrs:
    company: false
    team_alignment_pct: 0
    individual: false
  risks_assessed: []
implementation:
  pilots: []
  data: {quality: poor, access: siloed, architecture: legacy}
  mlops: {version_control: false, ci_cd: false, model_registry: false, monitoring: false, automated_retraining: false}
  team: {data_scientists: 0, ml_engineers: 0, data_engineers: 0, platform_ops: 0, head_of_ai: false}
  spend: {tracked: false, recurring_budget: false, monthly: 0}
  safeguards: {anonymization: false, bias_testing: false, access_controls: false, audit_logging: false}
  change_management: {hr: false, department_heads: false, training: false, adoption_tracked: false}
";

// Alder Foods' implementation score had "1 open question", and the list of
// unanswered questions held none under implementation: the one it counts is
// strategy.risks_assessed, which its risk criterion reads too.
#[test]
fn a_question_a_side_reads_from_the_other_sides_section_is_named() {
    let a = assess(&example("insufficient-alder-foods.yaml"));
    assert_eq!(a.scores.open_questions.implementation, 1);
    assert_eq!(
        a.unanswered_across,
        [(Side::Implementation, "strategy.risks_assessed".to_owned())]
    );
    let md = render::markdown::render(&a);
    assert!(
        md.contains(" The implementation score's count includes strategy.risks\\_assessed, which it reads too.\n"),
        "{md}"
    );
    // Answered, it is not named.
    let answered = example("insufficient-alder-foods.yaml")
        .replace("strategy:\n", "strategy:\n  risks_assessed: [market]\n");
    let a = assess(&answered);
    assert!(a.unanswered_across.is_empty(), "{:?}", a.unanswered_across);
    assert!(!render::markdown::render(&a).contains("which it reads too"));
}

// Pilots named "churn and retention" and "forecast, demand" were listed as
// "churn and retention and forecast, demand": two names read as four.
#[test]
fn pilot_names_that_read_as_lists_are_quoted_in_prose() {
    let text = example("slide-deck-northwind-retail.yaml")
        .replace("name: churn-model", "name: churn and retention")
        .replace("name: demand-forecast", "name: \"forecast, demand\"");
    let a = assess(&text);
    assert!(
        a.focus_reason
            .contains("2 pilots linger (\"churn and retention\" and \"forecast, demand\")"),
        "{}",
        a.focus_reason
    );
    let md = render::markdown::render(&a);
    assert!(
        md.contains("Pick the pilot closest to value among \"churn and retention\" and \"forecast, demand\" and take it"),
        "{md}"
    );
}
