//! Recommendations in the seven steps, each with its id and group; advice a
//! finding already gives is not given again; per-pilot advice waits for a
//! started pilot. The assessment date is 2026-11-20.

use crate::common::{assess, doc, pilots};
use readiness::assessment::Assessment;
use readiness::vocabulary::Group;

fn ids(a: &Assessment) -> Vec<&str> {
    a.recommendations.iter().map(|r| r.id.as_str()).collect()
}

/// A fully answered organization with a strong plan and two stuck pilots,
/// one on a laptop, with no recurring budget.
fn stuck() -> Assessment {
    assess(&doc(&format!(
        "strategy:\n  sponsor: board\n  roadmap: {{ status: approved, horizon_months: 24, updated: 2026-10-01, scaling_plan: true }}\n  priorities: ranked\n  open_options: 2\n  investment: {{ budget: approved, projected_roi: 3, areas: [talent, data, cloud, training] }}\n  policies: {{ data_privacy: approved, ethics: approved, acceptable_use: approved }}\n  okrs: {{ company: true, individual: true, team_alignment_pct: 100 }}\n  risks_assessed: [market, strategic, regulatory, technical, operational]\n  business_problems:\n    - {{ name: churn, kpi: churn rate, target: -10%, owner: CMO }}\n{}  data: {{ quality: fair, access: partial, architecture: modernizing }}\n  infrastructure: {{ hosting: cloud, production_ready: true }}\n  mlops: {{ version_control: true, ci_cd: false, model_registry: false, monitoring: false, automated_retraining: false }}\n  team: {{ data_scientists: 2, ml_engineers: 1, data_engineers: 1, platform_ops: 0, head_of_ai: true }}\n  spend: {{ tracked: true, recurring_budget: false, monthly: 10000 }}\n  safeguards: {{ anonymization: true, bias_testing: false, access_controls: true, audit_logging: false }}\n  change_management: {{ hr: true, department_heads: true, training: false, adoption_tracked: true }}\nbeliefs:\n  strategy_before_implementation: disagree\n  implementation_is_it_only: disagree\n  strategy_means_ready: disagree\n  implementation_one_time_cost: disagree\noperating_model:\n  experimentation: 3\n  adoption: 1\n  focus: 3\n  goals: 4\n",
        pilots(&[
            "stage: pilot, started: 2025-01-01, environment: laptop, users: 5, integrated: false, value_measured: true, success_metrics: [business_kpi], monitoring: manual, retraining: ad_hoc, cost_vs_plan: 1.0",
            "stage: pilot, started: 2025-03-01, environment: cloud, users: 9, integrated: false, value_measured: true, success_metrics: [business_kpi], monitoring: manual, retraining: ad_hoc, cost_vs_plan: 1.0",
        ])
    )))
}

#[test]
fn the_seven_steps_in_order() {
    let a = stuck();
    assert_eq!(a.focus_reason_id, readiness::vocabulary::FocusReason::Stuck);
    let ids = ids(&a);
    // The focus; the warnings that fit it (purgatory) in the rules' table
    // order; the other warnings; the gaps; the information last.
    assert_eq!(ids[0], "focus");
    let purgatory: Vec<usize> = a
        .recommendations
        .iter()
        .enumerate()
        .filter(|(_, r)| r.group == Some(Group::Purgatory))
        .map(|(i, _)| i)
        .collect();
    let misconception = ids
        .iter()
        .position(|id| *id == "one-time-cost")
        .expect("one-time-cost");
    assert!(purgatory.iter().all(|i| *i < misconception), "{ids:?}");
    // The focus asks a decision on the lingering pilots, so stale-pilot's
    // advice (the same fix for the same pilots) is covered by it.
    assert_eq!(ids[1..3], ["no-production", "laptop-bound"], "{ids:?}");
    assert_eq!(
        a.recommendations[0].also,
        [readiness::vocabulary::FindingId::StalePilot]
    );
    assert_eq!(*a.recommendations[0].pilots, ["p0", "p1"]);
    let info = ids
        .iter()
        .position(|id| *id == "tension.adoption")
        .expect("info");
    assert_eq!(info, ids.len() - 1, "{ids:?}");
    // Criteria come between, with no group.
    let gaps: Vec<_> = a
        .recommendations
        .iter()
        .filter(|r| r.id.as_str().contains('.') && !r.id.as_str().starts_with("tension"))
        .collect();
    assert!(!gaps.is_empty());
    assert!(gaps.iter().all(|r| r.group.is_none()));
    // The whole list, each with its group and its words.
    let listed: Vec<(&str, Option<Group>, String)> = a
        .recommendations
        .iter()
        .map(|r| (r.id.as_str(), r.group, r.title.to_string()))
        .collect();
    let expected: Vec<(&str, Option<Group>, &str)> = vec![
        ("focus", None, "Pivot to implementation: the plan is there (strategy 100.0), but 2 pilots linger (p0 and p1) and none is live. Decide go or no-go for each before starting anything new."),
        ("no-production", Some(Group::Purgatory), "Pick the pilot closest to value among p0 and p1 and take it all the way to production before starting another."),
        ("laptop-bound", Some(Group::Purgatory), "Move p0 to a shared cloud or production platform that others can reach and operations can support."),
        ("one-time-cost", Some(Group::Misconception), "Fund the running of every started system (monitoring, retraining, support) as a recurring budget."),
        ("delivery.ownership", None, "Give every pilot an accountable owner in the business and a date by which it goes to production or stops."),
        ("delivery.integrated", None, "Integrate each pilot into the workflow or system where the work happens."),
        // Each names only the parts answered and not in place.
        ("scale.mlops", None, "Add what the MLOps practice lacks: CI/CD, a model registry, monitoring and automated retraining."),
        ("governance.safeguards", None, "Turn the policies into the checks still missing from code: bias tests and audit logs."),
        ("data.quality", None, "Raise data quality where the pilots depend on it: fix sources, not just copies."),
        ("tension.adoption", Some(Group::Other), "Bring adoption from both directions: a clear policy from the top that leaves teams room to find their own uses."),
    ];
    let expected: Vec<(&str, Option<Group>, String)> = expected
        .into_iter()
        .map(|(id, group, title)| (id, group, title.to_owned()))
        .collect();
    assert_eq!(listed, expected);
}

#[test]
fn advice_a_finding_gives_is_not_given_again() {
    let a = stuck();
    let ids = ids(&a);
    // laptop-bound covers scale.environment; one-time-cost covers spend control;
    // no-production covers delivery.stage.
    for (finding, covered) in [
        ("laptop-bound", "scale.environment"),
        ("one-time-cost", "investment.spend-control"),
        ("no-production", "delivery.stage"),
    ] {
        assert!(ids.contains(&finding), "{finding}: {ids:?}");
        assert!(!ids.contains(&covered), "{covered}: {ids:?}");
    }
    // The gaps no finding covers are still advised.
    for gap in ["delivery.ownership", "delivery.integrated", "scale.mlops"] {
        assert!(ids.contains(&gap), "{gap}: {ids:?}");
    }
    let mut seen = std::collections::BTreeSet::new();
    for r in &a.recommendations {
        assert!(seen.insert(r.title.to_string()), "{} twice", r.title);
    }
}

#[test]
fn per_pilot_advice_waits_for_a_started_pilot() {
    let a = assess(&doc(&pilots(&["stage: idea"])));
    for per_pilot in [
        "delivery.stage",
        "delivery.ownership",
        "scale.monitoring",
        "purpose.value-measured",
    ] {
        assert!(!ids(&a).contains(&per_pilot), "{per_pilot}");
    }
    assert_eq!(ids(&a), ["answer-first", "focus"]);
    // The same pilot once started: the per-pilot advice comes.
    let started = assess(&doc(&pilots(&["stage: pilot, started: 2026-01-01"])));
    assert_eq!(
        ids(&started),
        ["answer-first", "focus", "stale-pilot", "delivery.ownership"]
    );
}

#[test]
fn answer_first_names_the_heaviest_open_questions_first() {
    let a = assess(&doc("strategy:\n  sponsor: board\n"));
    assert_eq!(ids(&a)[..2], ["answer-first", "focus"]);
    let first = &a.recommendations[0];
    assert!(first.group.is_none());
    // The business problems (weight 3) come before every weight 2 and 1.
    assert!(
        first
            .reason
            .to_string()
            .contains("the weightiest first: Business problems with a KPI, a target and an owner;"),
        "{}",
        first.reason
    );
    // The pilots list, left out, is named too.
    assert_eq!(first.evidence[0].path, "implementation.pilots");
    // Nothing is advised twice: the open criteria are not also gaps.
    assert!(!ids(&a).contains(&"purpose.business-problems"));
    assert_eq!(
        first.title.to_string(),
        "Answer the open questions before acting on this report."
    );
    assert_eq!(
        a.recommendations[1].title.to_string(),
        "Focus on strategy: the strategy side is only 8.0% complete (less than 50%), so there is no plan on record to judge the work against. Write it down now, alongside any pilots rather than before them."
    );
}

/// "One fix, said once" narrows a later item of a fix to the pilots no
/// earlier item of it named, and cuts its evidence about the other pilots
/// only: evidence about another list (the incidents) stays whole. No
/// finding of the default rubric that names pilots shares a fix with one
/// whose evidence lists other items, so a rubric that gives open incidents
/// the monitoring fix shows it.
#[test]
fn a_narrowed_item_keeps_its_evidence_about_other_lists() {
    use readiness::assessment::RecommendationId;
    use readiness::vocabulary::FindingId;
    let text = readiness::rubric::DEFAULT_TOML.replace(
        "[findings.open-incident]\n",
        "[findings.open-incident]\nfix = \"monitor\"\n",
    );
    let rubric = readiness::rubric::parse(&text).expect("a valid rubric");
    let yaml = doc(&format!(
        "{}  incidents:\n    - {{ date: 2026-09-14, pilot: p0, kind: harm, severity: high, resolved: false }}\n    - {{ date: 2026-10-01, pilot: p1, kind: harm, severity: high, resolved: false }}\n",
        pilots(&[
            "stage: production, started: 2025-01-01, monitoring: none",
            "stage: pilot, started: 2026-06-01, monitoring: manual",
        ])
    ));
    let a = crate::common::assess_with(&yaml, &rubric);
    let item = |id: FindingId| {
        a.recommendations
            .iter()
            .find(|r| r.id == RecommendationId::Finding(id))
            .unwrap_or_else(|| panic!("no item for {id}: {:?}", ids(&a)))
    };
    assert_eq!(*item(FindingId::NoMonitoring).pilots, ["p0"]);
    let incidents = item(FindingId::OpenIncident);
    assert_eq!(*incidents.pilots, ["p1"]);
    let paths: Vec<String> = incidents
        .evidence
        .iter()
        .map(|e| e.path.to_string())
        .collect();
    assert_eq!(
        paths,
        ["implementation.incidents[0]", "implementation.incidents[1]"]
    );
}

/// Answer first names the criteria of a side answered less than the
/// rubric's minimum, and not those of a side answered exactly that much;
/// each side in turn, the other left nearly blank.
#[test]
fn answer_first_names_a_side_below_the_minimum_never_one_at_it() {
    use readiness::vocabulary::Side;
    let partly_strategy = doc(&format!(
        "strategy:\n  sponsor: board\n  priorities: ranked\n  roadmap: {{ status: approved, horizon_months: 24, updated: 2026-10-01 }}\n{}",
        pilots(&["stage: pilot"])
    ));
    let partly_implementation = doc(&format!(
        "{}  data: {{ quality: fair, access: partial, architecture: modernizing }}\n  infrastructure: {{ hosting: cloud, production_ready: true }}\n",
        pilots(&["stage: pilot, started: 2026-06-01, environment: cloud, users: 5, monitoring: manual"])
    ));
    for (yaml, side) in [
        (partly_strategy, Side::Strategy),
        (partly_implementation, Side::Implementation),
    ] {
        let scores = crate::common::assess(&yaml).scores;
        let answered = match side {
            Side::Strategy => scores.completeness_by_side.strategy,
            Side::Implementation => scores.completeness_by_side.implementation,
        };
        assert!(answered > 0.0 && answered < 50.0, "{side}: {answered}");
        let named = |min: f64| {
            let rubric =
                crate::common::rubric_with(&[("min_side_completeness", &format!("{min:.1}"))]);
            let a = crate::common::assess_with(&yaml, &rubric);
            let reason = a
                .recommendations
                .iter()
                .find(|r| r.id.as_str() == "answer-first")
                .expect("answer first")
                .reason
                .to_string();
            rubric
                .criteria
                .iter()
                .filter(|c| c.side == side && reason.contains(&*c.title))
                .count()
        };
        assert_eq!(
            named(answered),
            0,
            "{side} answered {answered}, the minimum"
        );
        assert!(named(answered + 0.1) > 0, "{side} below the minimum");
    }
}

/// With the pilots list left out, answer first names the criteria that
/// read pilots, even on a side answered enough, and no other criterion of
/// such a side, however partly answered.
#[test]
fn answer_first_names_the_pilot_criteria_when_the_pilots_are_left_out() {
    use readiness::rubric::Measure;
    let yaml = doc(
        "strategy:\n  sponsor: board\n  priorities: ranked\nimplementation:\n  data: { quality: fair, access: partial }\n  infrastructure: { hosting: cloud }\n",
    );
    // No side is too little answered under this minimum.
    let rubric = crate::common::rubric_with(&[("min_side_completeness", "1.0")]);
    let a = crate::common::assess_with(&yaml, &rubric);
    let reason = a
        .recommendations
        .iter()
        .find(|r| r.id.as_str() == "answer-first")
        .expect("answer first: the pilots are left out")
        .reason
        .to_string();
    let reads_pilots =
        |m: &Measure| matches!(m, Measure::Pilots { .. } | Measure::PilotPresence { .. });
    let named: Vec<&str> = rubric
        .criteria
        .iter()
        .filter(|c| reason.contains(&*c.title))
        .map(|c| &*c.id)
        .collect();
    let pilot_criteria: Vec<&str> = rubric
        .criteria
        .iter()
        .filter(|c| reads_pilots(&c.measure))
        .map(|c| &*c.id)
        .collect();
    assert!(!pilot_criteria.is_empty());
    assert_eq!(named, pilot_criteria, "{reason}");
}

// "Add what the MLOps practice lacks, among version control, CI/CD, ..."
// named parts in place as if missing: the advice names those answered and
// not in place, never one unanswered.
#[test]
fn a_gaps_advice_names_only_the_parts_missing() {
    let a = assess(&doc(
        "strategy:\n  risks_assessed: [market]\nimplementation:\n  mlops:\n    version_control: true\n    ci_cd: false\n    monitoring: false\n",
    ));
    let title = |id: &str| {
        a.recommendations
            .iter()
            .find(|r| r.id.as_str() == id)
            .map(|r| r.title.to_string())
    };
    assert_eq!(
        title("scale.mlops").as_deref(),
        Some("Add what the MLOps practice lacks: CI/CD and monitoring.")
    );
    assert_eq!(
        title("risk.strategic").as_deref(),
        Some("Assess the risks of the AI plan not yet assessed: strategic risks and regulatory risks.")
    );
    // Where no questionnaire is read, any of them may be missing.
    let out = crate::common::run(&["explain", "scale.mlops"]);
    assert!(
        out.stdout.contains("How to improve: Add what the MLOps practice lacks: version control, CI/CD, a model registry, monitoring or automated retraining.\n"),
        "{}",
        out.stdout
    );
}
