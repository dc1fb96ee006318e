//! The focus rule, row by row in its exact order: a plan not on record, a
//! stuck purgatory with a plan to pivot from, too many options and no plan,
//! live systems to harden, then the quadrant. The sentence names the facts
//! (scores, pilots, findings) that decided it.

use crate::assess::findings::PurgatoryFacts as Status;
use crate::assessment::{Finding, Scores};
use crate::derive::evidence::Evidence;
use crate::derive::facts::Facts;
use crate::load::questionnaire::format::{path, pilot};
use crate::rubric::template::fill;
use crate::rubric::{Rubric, SharedText};
use crate::text::names;
use crate::vocabulary::{FindingId, FocusReason, Group, PurgatoryStatus, Quadrant, Severity, Side};

/// What the focus rule reads.
#[derive(Debug, Clone, Copy)]
pub struct Situation<'a> {
    pub findings: &'a [Finding],
    pub purgatory: &'a Status,
    pub quadrant: Quadrant,
    pub scores: &'a Scores,
    pub facts: &'a Facts<'a>,
    pub rubric: &'a Rubric,
}

/// The row that decided, the sentence that states the focus, why, and the
/// facts it rests on.
#[derive(Debug, Clone)]
pub struct Decision {
    pub reason: FocusReason,
    /// Shared with the focus recommendation, whose title it is.
    pub sentence: SharedText,
    pub why: SharedText,
    pub evidence: Vec<Evidence>,
    /// The pilots the sentence names: the lingering ones it asks a
    /// decision on, or the started ones it lets teach the strategy.
    pub pilots: Vec<String>,
}

pub fn decide(s: &Situation<'_>) -> Decision {
    let t = &s.rubric.thresholds;
    let strategy = s.scores.effective(Side::Strategy);
    let stuck = s.purgatory.status == PurgatoryStatus::Stuck;
    let fired = |id: FindingId| s.findings.iter().find(|f| f.id == id);
    let critical_operations: Vec<&Finding> = s
        .findings
        .iter()
        .filter(|f| f.kind == Group::Operations && f.severity == Severity::Critical)
        .collect();
    let reason = if s.scores.completeness_by_side.strategy < t.min_side_completeness {
        FocusReason::NoPlanOnRecord
    } else if stuck && strategy >= t.pivot_min_strategy {
        FocusReason::Stuck
    } else if fired(FindingId::Overwhelmed).is_some() && strategy < t.pivot_min_strategy {
        FocusReason::Overwhelmed
    } else if s.quadrant == Quadrant::Aligned && !critical_operations.is_empty() {
        FocusReason::Harden
    } else if s.quadrant == Quadrant::Early && stuck {
        FocusReason::EarlyStuck
    } else {
        s.quadrant.reason()
    };
    let (mut vars, why, mut evidence) = facts_of(reason, s, &critical_operations);
    // "Run one small pilot" is advice against the facts once pilots run:
    // then the sentence names them, the live ones first.
    let started = s.facts.started_live_first();
    let (template, pilots) = if reason == FocusReason::Early && !started.is_empty() {
        vars.push(("pilots", names(started.iter().map(|p| p.name()))));
        vars.push(("each", each(started.len())));
        evidence.extend(started.iter().map(|p| p.field_evidence(pilot::STAGE)));
        (&s.rubric.early_started, started)
    } else if matches!(reason, FocusReason::Stuck | FocusReason::EarlyStuck) {
        let lingering = s.facts.lingering_pilots(t.stale_pilot_days);
        (s.rubric.focus.get(reason), lingering)
    } else {
        (s.rubric.focus.get(reason), Vec::new())
    };
    Decision {
        reason,
        sentence: fill(template, &vars).into(),
        why,
        evidence,
        pilots: pilots.iter().map(|p| p.name().to_owned()).collect(),
    }
}

type Vars = Vec<(&'static str, String)>;

/// ` (a and b)`: the live pilots that work, or nothing when none does: one
/// with no users, or whose value is not measured, is not yet what works.
fn proven(s: &Situation<'_>) -> String {
    let flagged: std::collections::BTreeSet<&str> = s
        .findings
        .iter()
        .filter(|f| matches!(f.id, FindingId::NoAdoption | FindingId::UnmeasuredValue))
        .flat_map(|f| f.pilots.iter().map(String::as_str))
        .collect();
    let live = s.facts.live_pilots();
    let working: Vec<&str> = live
        .iter()
        .map(|p| p.name())
        .filter(|name| !flagged.contains(name))
        .collect();
    if working.is_empty() {
        String::new()
    } else {
        format!(" ({})", names(working.into_iter()))
    }
}

/// What keeps delivery below the plan in a slide deck: its score, or, where
/// the score is high, that nothing is live, or not known to be (the pilots
/// list left out); implementation counts as high only with a live pilot.
fn behind_the_plan(s: &Situation<'_>) -> String {
    let implementation = shown(s.scores.implementation);
    if s.facts.pilots.is_none() {
        format!("the pilots list is not answered, so nothing is known to be live (implementation {implementation})")
    } else if s.scores.effective(Side::Implementation) < s.rubric.thresholds.quadrant_cut {
        let live = s.facts.live_pilots();
        if live.is_empty() {
            format!("delivery is behind it (implementation {implementation})")
        } else {
            let named = names(live.iter().map(|p| p.name()));
            format!("delivery is behind it (implementation {implementation}, with {named} live)")
        }
    } else {
        format!("no pilot is live yet (implementation {implementation})")
    }
}

/// The placeholders of the reason's sentence, the reason in words, and the
/// evidence: each naming what decided it.
fn facts_of(
    reason: FocusReason,
    s: &Situation<'_>,
    critical_operations: &[&Finding],
) -> (Vars, SharedText, Vec<Evidence>) {
    let scores = s.scores;
    let score_vars = || -> Vars {
        vec![
            ("strategy", shown(scores.strategy)),
            ("implementation", shown(scores.implementation)),
        ]
    };
    let score_evidence = || {
        vec![
            Evidence::score(Side::Strategy, scores.effective(Side::Strategy)),
            Evidence::score(Side::Implementation, scores.effective(Side::Implementation)),
        ]
    };
    let live_names = || names(s.facts.live_pilots().iter().map(|p| p.name()));
    let lingering = || {
        s.facts
            .lingering_pilots(s.rubric.thresholds.stale_pilot_days)
    };
    // The quadrant's meaning is the rubric's text, shared rather than copied.
    let meaning = s.rubric.quadrants.get(s.quadrant).meaning.clone();
    match reason {
        FocusReason::NoPlanOnRecord => no_plan_facts(s),
        FocusReason::Stuck | FocusReason::EarlyStuck => {
            let pilots = lingering();
            let mut vars = score_vars();
            vars.extend([
                ("lingering", lingering_phrase(s.purgatory.lingering)),
                ("live", live_phrase(&s.facts.live_pilots())),
                ("live_note", live_note(s)),
                ("pilots", names(pilots.iter().map(|p| p.name()))),
                ("each", each(pilots.len())),
            ]);
            let mut evidence = score_evidence();
            evidence.extend(pilots.iter().map(|p| p.evidence("lingering")));
            // The findings that say why the pilots linger: time, or a
            // decision date gone by.
            let why = s
                .findings
                .iter()
                .filter(|f| matches!(f.id, FindingId::StalePilot | FindingId::OverdueDecision))
                .map(|f| &*f.message)
                .collect::<Vec<_>>()
                .join(" ");
            (vars, why.into(), evidence)
        }
        FocusReason::Overwhelmed => overwhelmed_facts(s),
        FocusReason::Harden => {
            let mut vars = score_vars();
            vars.push(("live_pilots", live_names()));
            let titles: Vec<String> = critical_operations
                .iter()
                .map(|f| crate::text::lower_first(&f.title))
                .collect();
            vars.push(("findings", names(titles.iter().map(String::as_str))));
            let why = critical_operations
                .iter()
                .map(|f| &*f.message)
                .collect::<Vec<_>>()
                .join(" ");
            let evidence = critical_operations
                .iter()
                .flat_map(|f| f.evidence.iter().cloned())
                .collect();
            (vars, why.into(), evidence)
        }
        FocusReason::SlideDeck => {
            let mut vars = score_vars();
            vars.push(("delivery", behind_the_plan(s)));
            (vars, meaning, score_evidence())
        }
        FocusReason::UnusedTools | FocusReason::Aligned => {
            // Implementation is high only with a pilot live: they are named,
            // where none is proven (what works) by the live ones' note.
            let mut vars = score_vars();
            vars.push(("live_pilots", live_names()));
            let proven = proven(s);
            let note = if proven.is_empty() {
                live_note(s)
            } else {
                String::new()
            };
            vars.push(("proven", proven));
            vars.push(("live_note", note));
            (vars, meaning, score_evidence())
        }
        FocusReason::Early => (score_vars(), meaning, score_evidence()),
    }
}

/// The facts of the no-plan-on-record row: how much of the strategy is
/// answered, against the least a plan on record takes.
fn no_plan_facts(s: &Situation<'_>) -> (Vars, SharedText, Vec<Evidence>) {
    let scores = s.scores;
    let vars = vec![
        (
            "completeness",
            format!("{:.1}", scores.completeness_by_side.strategy),
        ),
        (
            "min_completeness",
            crate::load::questionnaire::format_number(s.rubric.thresholds.min_side_completeness),
        ),
        ("live_note", live_note(s)),
    ];
    let why = format!(
        "{:.1}% of the strategy questions, by weight, are answered.",
        scores.completeness_by_side.strategy
    );
    (vars, why.into(), Vec::new())
}

/// The facts of the overwhelmed row: the open options, and the strategy
/// too weak to choose by.
fn overwhelmed_facts(s: &Situation<'_>) -> (Vars, SharedText, Vec<Evidence>) {
    let scores = s.scores;
    let overwhelmed = s.findings.iter().find(|f| f.id == FindingId::Overwhelmed);
    let open = overwhelmed
        .and_then(|f| {
            f.evidence
                .iter()
                .find(|e| e.path == path::STRATEGY_OPEN_OPTIONS)
        })
        .map(|e| e.value.to_string())
        .unwrap_or_default();
    let vars = vec![
        ("open_options", open),
        ("strategy", shown(scores.strategy)),
        ("live_note", live_note(s)),
    ];
    let why = overwhelmed.map_or_else(|| SharedText::from(""), |f| f.message.clone());
    let mut evidence = vec![Evidence::score(
        Side::Strategy,
        scores.effective(Side::Strategy),
    )];
    evidence.extend(overwhelmed.iter().flat_map(|f| f.evidence.iter().cloned()));
    (vars, why, evidence)
}

/// `{live_note}`: a sentence naming the live pilots after a headline that
/// is about something else (`Live already: fraud-model.`), or nothing
/// where none is live: the headline names the live ones where there are.
fn live_note(s: &Situation<'_>) -> String {
    let live = s.facts.live_pilots();
    if live.is_empty() {
        return String::new();
    }
    format!(" Live already: {}.", names(live.iter().map(|p| p.name())))
}

/// `1 pilot lingers`, `3 pilots linger`.
fn lingering_phrase(count: usize) -> String {
    if count == 1 {
        "1 pilot lingers".to_owned()
    } else {
        format!("{count} pilots linger")
    }
}

/// `none is live`, `1 is live (fraud-model)`, `2 are live (a and b)`:
/// the headline names the live pilots where there are some.
fn live_phrase(live: &[&crate::derive::facts::Pilot<'_>]) -> String {
    let named = names(live.iter().map(|p| p.name()));
    match live.len() {
        0 => "none is live".to_owned(),
        1 => format!("1 is live ({named})"),
        n => format!("{n} are live ({named})"),
    }
}

/// A score as a sentence shows it: one decimal, or "not scored".
fn shown(score: Option<f64>) -> String {
    score.map_or_else(|| "not scored".to_owned(), |s| format!("{s:.1}"))
}

/// `{each}` in a focus sentence: "each" of several pilots, "it" of one
/// ("decide go or no-go for it").
fn each(pilots: usize) -> String {
    if pilots == 1 { "it" } else { "each" }.to_owned()
}
