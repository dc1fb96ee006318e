//! The leadership part of a report as plain sentences and rows, composed
//! once so that every human-readable format tells the same story: the level
//! and what the next one takes, the decisions leadership owes, the action
//! plan with severity and owners, the scores in words and spend (what
//! changed since a baseline is `diff::three_lines`). Each renderer escapes
//! the text for its own format.

use super::words::count;
use crate::assessment::{
    Assessment, DecisionNeeded, Finding, HeldAtZero, PilotSummary, Reason, Recommendation,
    RecommendationId,
};
use crate::derive::evidence::Evidence;
use crate::load::questionnaire::DateSource;
use crate::vocabulary::{
    Confidence, Environment, FindingId, Group, Level, Monitoring, PurgatoryStatus, Severity, Side,
    Source, Stage, Word,
};
use std::fmt::Write as _;

/// How many recommendations make the action plan for the next quarter.
pub const ACTION_PLAN: usize = 3;
/// How many decisions the leadership part lists; the rest are counted.
pub const DECISIONS_SHOWN: usize = 5;

/// The recommendations after the focus, which the headline states.
pub fn after_the_focus(a: &Assessment) -> impl Iterator<Item = &Recommendation> {
    a.recommendations
        .iter()
        .filter(|r| r.id != RecommendationId::Focus)
}

/// The focus as a recommendation, where there is one: the headline, whose
/// basis the evidence lists first, unnumbered, before the items after it.
pub fn the_focus(a: &Assessment) -> Option<&Recommendation> {
    a.recommendations
        .iter()
        .find(|r| r.id == RecommendationId::Focus)
}

/// The level's name and what it means: `Experimenting`, `Pilots are being tried; …`.
pub fn level(a: &Assessment) -> (String, &str) {
    (
        capitalized(a.level.word()),
        a.rubric.level_meanings.get(a.level),
    )
}

/// The quadrant's name and what it means, as the rubric words them.
pub fn quadrant(a: &Assessment) -> (&str, &str) {
    let q = a.rubric.quadrants.get(a.quadrant);
    (&q.name, &q.meaning)
}

/// What the next level takes: where it starts, the points the overall
/// score still needs and where they are most readily found, and what must
/// exist first when the pilots cap the level. `None` at the top level.
pub fn next_level(a: &Assessment) -> Option<String> {
    let next = a.next_level.as_ref()?;
    let name = capitalized(next.level.word());
    let Some(overall) = a.scores.overall else {
        // No point distance to a score that does not exist yet.
        let [low, high] = a.scores.range.overall;
        return Some(format!(
            "{name} starts at an overall score of {}; the overall score is not known until both halves are scored (it could be {low:.1} to {high:.1}).",
            trimmed(next.starts_at)
        ));
    };
    let mut text = if next.points_needed > 0.0 {
        format!(
            "{name} starts at an overall score of {}, {:.1} points above today's {overall:.1}",
            trimmed(next.starts_at),
            next.points_needed
        )
    } else {
        format!(
            "{name} starts at an overall score of {}, which the score already reaches ({overall:.1})",
            trimmed(next.starts_at)
        )
    };
    if let Some(cap) = next.cap {
        let joint = if next.points_needed > 0.0 {
            "; it also needs"
        } else {
            "; the level waits for"
        };
        // With the pilots list left out, what exists is not known.
        let lifted_by = if a.purgatory.pilots_listed {
            cap_lifted_by(cap)
        } else {
            "the pilots list to be answered"
        };
        crate::text::append(&mut text, |text| write!(text, "{joint} {lifted_by}"));
    }
    let titles: Vec<&str> = next
        .criteria
        .iter()
        .filter_map(|id| criterion_title(a, id))
        .collect();
    // A side at 0 holds the overall score at 0: the gaps named are its own.
    let held = if next.points_needed > 0.0 {
        a.scores.held_at_zero()
    } else {
        HeldAtZero::No
    };
    match held {
        HeldAtZero::One(side) => crate::text::append(&mut text, |text| {
            write!(
                text,
                ". The overall score stays at 0 while the {} side scores 0",
                side.word()
            )
        }),
        HeldAtZero::Both => {
            text.push_str(". The overall score stays at 0 until both sides score above 0");
        }
        HeldAtZero::No => {}
    }
    if !titles.is_empty() {
        let there = if matches!(held, HeldAtZero::One(_)) {
            " there"
        } else {
            ""
        };
        // Titles may hold commas of their own, so semicolons part them.
        crate::text::append(&mut text, |text| {
            write!(text, ". The largest gaps{there}: {}", titles.join("; "))
        });
    }
    text.push('.');
    Some(text)
}

/// What lifts a cap on the level: what must exist.
fn cap_lifted_by(cap: Level) -> &'static str {
    match cap {
        Level::Exploring => "a started pilot",
        Level::Experimenting => "a pilot in production",
        Level::Operationalizing => "a scaled pilot",
        Level::Scaling | Level::Transforming => "a second scaled pilot",
    }
}

fn criterion_title<'a>(a: &'a Assessment, id: &str) -> Option<&'a str> {
    a.dimensions
        .iter()
        .flat_map(|d| &d.criteria)
        .find(|c| &*c.criterion.id == id)
        .map(|c| &*c.criterion.title)
}

/// One row of "Decisions needed from leadership": pilot, owner, go/no-go
/// date, days running, cost against plan.
pub fn decision_row(d: &DecisionNeeded) -> [String; 5] {
    let owner = d
        .business_owner
        .clone()
        .unwrap_or_else(|| "no owner".to_owned());
    let date = match (&d.decision_by, d.overdue) {
        (Some(date), true) => format!("{date}, passed"),
        (Some(date), false) => date.clone(),
        (None, _) => "no date".to_owned(),
    };
    let days = d
        .days_running
        .map_or_else(|| "not stated".to_owned(), |days| days.to_string());
    let cost = d.cost_vs_plan.map_or_else(
        || "not stated".to_owned(),
        |c| format!("{} × plan", ratio(c)),
    );
    [d.pilot.clone(), owner, date, days, cost]
}

/// The column names of the decisions' rows.
pub const DECISION_COLUMNS: [&str; 5] = [
    "Pilot",
    "Business owner",
    "Go/no-go date",
    "Days running",
    "Cost against plan",
];

/// The sentence after the first rows when more pilots linger, saying
/// `where` the rest are listed.
pub fn more_decisions(a: &Assessment, listed: &str) -> Option<String> {
    let more = a.decisions.len().saturating_sub(DECISIONS_SHOWN);
    (more > 0).then(|| {
        format!(
            "And {}, listed {listed}.",
            count(more, "more pilot", "more pilots")
        )
    })
}

/// One item of the action plan, in plain words.
#[derive(Debug)]
pub struct ActionItem {
    /// The recommendation comes from a critical finding.
    pub critical: bool,
    pub title: String,
    pub why: String,
    /// Who owns the pilots it names, where they have an owner.
    pub owners: Option<String>,
    /// The acceptances in force of the risk it would fix: the reader acts
    /// on the first screen, where the finding's own mark is not.
    pub accepted: Option<String>,
    /// The findings whose advice it gives too.
    pub also: Option<String>,
}

impl ActionItem {
    /// The lines said under its reason, in order.
    pub fn notes(&self) -> impl Iterator<Item = &String> {
        [&self.owners, &self.accepted, &self.also]
            .into_iter()
            .flatten()
    }
}

/// The first `n` recommendations after the focus, as the action plan says them.
pub fn action_items(a: &Assessment, n: usize) -> Vec<ActionItem> {
    after_the_focus(a)
        .take(n)
        .map(|r| ActionItem {
            critical: finding_of(a, r).is_some_and(|f| f.severity == Severity::Critical),
            title: r.title.to_string(),
            why: why(r),
            owners: owners(a, r),
            accepted: accepted(a, r),
            also: also(a, r),
        })
        .collect()
}

/// `Accepted for churn-model by Dana until 2027-03-31: the platform
/// moves in March.`: each acceptance in force of the item's finding, for
/// the whole finding or a pilot the item names.
fn accepted(a: &Assessment, r: &Recommendation) -> Option<String> {
    let finding = finding_of(a, r)?;
    let notes: Vec<String> = finding
        .accepted
        .iter()
        .filter(|x| x.pilot.as_ref().is_none_or(|p| r.pilots.contains(p)))
        .map(|x| crate::render::words::sentence(&capitalized(&x.note())))
        .collect();
    (!notes.is_empty()).then(|| notes.join(" "))
}

/// The finding a recommendation comes from, if it comes from one.
pub fn finding_of<'a>(a: &'a Assessment, r: &Recommendation) -> Option<&'a Finding> {
    match r.id {
        RecommendationId::Finding(id) => a.findings.iter().find(|f| f.id == id),
        _ => None,
    }
}

/// Why a recommendation is made, in words; its points and weights are in
/// the evidence.
fn why(r: &Recommendation) -> String {
    if r.id == RecommendationId::AnswerFirst {
        // The questions themselves are listed under Evidence and method.
        return format!(
            "Too much is unanswered to trust this verdict: the {} it depends on most {} listed with this item under Evidence and method.",
            count(r.evidence.len(), "open answer", "open answers"),
            if r.evidence.len() == 1 { "is" } else { "are" }
        );
    }
    match &r.reason {
        Reason::Gap { criterion, .. } => format!(
            // Quoted: a title is a name, capitalized and often plural
            // ("Pilots retrained as data changes").
            "Among the answers given, the criterion \"{}\" has one of the largest gaps to full points.",
            criterion.title
        ),
        Reason::Finding { message, .. } => message.to_string(),
        Reason::Text(text) => text.to_string(),
    }
}

/// `Owner: VP Marketing (churn-model); no owner named for demand-forecast.`
fn owners(a: &Assessment, r: &Recommendation) -> Option<String> {
    if r.pilots.is_empty() {
        return None;
    }
    // Pilot names are unique; a map keeps a file of thousands of pilots
    // from searching them all for each one an item names.
    let owner_of: rustc_hash::FxHashMap<&str, &str> = a
        .pilots
        .iter()
        .filter_map(|p| Some((p.name.as_str(), p.business_owner.as_deref()?)))
        .collect();
    let mut named = Vec::new();
    let mut unowned = Vec::new();
    // An item about a practice (monitoring for every model built in
    // house) holds the pilots it concerns without naming any: an owner
    // line would name them out of the blue. One whose words name some
    // (the rest as "and 4 more") has the owners of all.
    let said = why(r);
    let names_any = r
        .pilots
        .iter()
        .any(|name| crate::text::mentions(&r.title, name) || crate::text::mentions(&said, name));
    if !names_any {
        return None;
    }
    for name in r.pilots.iter() {
        let owner = owner_of.get(name.as_str()).copied();
        match owner {
            Some(owner) => named.push(format!("{owner} ({name})")),
            None => unowned.push(name.as_str()),
        }
    }
    let mut text = match named.len() {
        0 => String::new(),
        1 => format!("Owner: {}", named[0]),
        _ => format!("Owners: {}", named.join(", ")),
    };
    if !unowned.is_empty() {
        let none = format!(
            "no owner named for {}",
            crate::text::names(unowned.into_iter())
        );
        text = if text.is_empty() {
            capitalized(&none)
        } else {
            format!("{text}; {none}")
        };
    }
    Some(format!("{text}."))
}

/// The findings the focus sentence gives the advice of, said under it
/// (`Also covers: pilots running for too long.`), as the report lists no
/// item of its own for them.
pub fn focus_also(a: &Assessment) -> Option<String> {
    let focus = a
        .recommendations
        .iter()
        .find(|r| r.id == crate::assessment::RecommendationId::Focus)?;
    also(a, focus)
}

/// `Also covers: go/no-go decisions overdue.`
fn also(a: &Assessment, r: &Recommendation) -> Option<String> {
    if r.also.is_empty() {
        return None;
    }
    let titles: Vec<String> = r
        .also
        .iter()
        .map(|id| {
            a.findings.iter().find(|f| f.id == *id).map_or_else(
                || id.word().to_owned(),
                |f| crate::text::lower_first(&f.title),
            )
        })
        .collect();
    // A title with a comma of its own ("strategy first, implementation
    // later") would run into the list's commas: then semicolons part them.
    let listed = if titles.iter().any(|t| t.contains(',')) {
        titles.join("; ")
    } else {
        crate::text::names(titles.iter().map(String::as_str))
    };
    Some(format!("Also covers: {listed}."))
}

/// `Findings: 1 critical, 9 warnings and 1 note; 2 of them accepted.`
pub fn findings_count(a: &Assessment) -> String {
    if a.findings.is_empty() {
        return "Findings: none.".to_owned();
    }
    let of = |s: Severity| a.findings.iter().filter(|f| f.severity == s).count();
    let mut parts = Vec::new();
    for (severity, one, many) in [
        (Severity::Critical, "critical", "critical"),
        (Severity::Warning, "warning", "warnings"),
        (Severity::Info, "note", "notes"),
    ] {
        let n = of(severity);
        if n > 0 {
            parts.push(count(n, one, many));
        }
    }
    let mut text = format!(
        "Findings: {}",
        crate::text::names(parts.iter().map(String::as_str))
    );
    crate::text::append(&mut text, |text| {
        // Accepted whole, the finding leaves the gate; accepted for some of
        // its pilots, it still counts for the others.
        let accepted = a.findings.iter().filter(|f| !f.accepted.is_empty());
        let (partly, whole): (Vec<&Finding>, Vec<&Finding>) =
            accepted.partition(|f| f.counts_for_gate);
        let their = if partly.len() == 1 { "its" } else { "their" };
        match (whole.len(), partly.len()) {
            (0, 0) => {}
            (whole, 0) => write!(text, "; {whole} of them accepted")?,
            (0, partly) => write!(
                text,
                "; {partly} of them accepted for only some of {their} pilots"
            )?,
            (whole, partly) => write!(
                text,
                "; {whole} of them accepted, and {partly} for only some of {their} pilots"
            )?,
        }
        text.push('.');
        Ok(())
    });
    text
}

/// The purgatory verdict and the pilot-to-production rate in one sentence.
pub fn purgatory_line(a: &Assessment) -> String {
    let p = &a.purgatory;
    if !p.pilots_listed {
        return "Pilot purgatory: not judged, as the pilots list is not answered.".to_owned();
    }
    let status = match p.status {
        PurgatoryStatus::Stuck => format!(
            "stuck ({} and {})",
            count(p.lingering, "pilot lingers", "pilots linger"),
            match p.live {
                0 => "none is live".to_owned(),
                1 => "1 is live".to_owned(),
                n => format!("{n} are live"),
            }
        ),
        // At risk by the scores alone (plan-without-results): no pilot
        // need be active, let alone stalling.
        PurgatoryStatus::AtRisk
            if !p.signals.iter().any(|s| {
                matches!(
                    s,
                    FindingId::NoProduction | FindingId::StalePilot | FindingId::OverdueDecision
                )
            }) =>
        {
            "at risk (a strong plan with little delivered)".to_owned()
        }
        PurgatoryStatus::AtRisk => "at risk (some pilots may stall before production)".to_owned(),
        PurgatoryStatus::None => "clear (no pilot is stalling before production)".to_owned(),
    };
    let rate = match p.pilot_to_production_pct {
        Some(rate) => format!(
            "{rate:.1}% of started pilots are live, against an industry figure of {:.0}%",
            p.benchmark.pilot_to_production_pct
        ),
        None => "no pilot has started, so no pilot-to-production rate yet".to_owned(),
    };
    format!("Pilot purgatory: {status}; {rate}.")
}

/// The misconceptions leadership holds, and how each shows; `None` when none does.
pub fn misconceptions_line(a: &Assessment) -> Option<String> {
    let found: Vec<String> = a
        .findings
        .iter()
        .filter(|f| f.kind == Group::Misconception)
        .map(|f| format!("{} ({})", f.title, how_shown(f)))
        .collect();
    (!found.is_empty()).then(|| format!("Misconceptions: {}.", found.join("; ")))
}

/// How a misconception shows, in a few words.
pub fn how_shown(f: &Finding) -> &'static str {
    match (f.source, f.contradicts_stated_belief) {
        (Some(Source::Belief), _) => "stated by leadership",
        (Some(Source::Behavior), Some(true)) => "shown, though leadership rejects it",
        (Some(Source::Both), _) => "stated and shown",
        _ => "shown by the answers",
    }
}

/// A score in words a reader knows: `47.0, could be 40.0 to 56.0 once the
/// 19 open questions are answered`; the value alone when it is exact.
pub fn score_in_words(a: &Assessment, side: Option<Side>) -> String {
    let s = &a.scores;
    let (score, [low, high], open) = match side {
        Some(Side::Strategy) => (s.strategy, s.range.strategy, s.open_questions.strategy),
        Some(Side::Implementation) => (
            s.implementation,
            s.range.implementation,
            s.open_questions.implementation,
        ),
        None => (s.overall, s.range.overall, s.open_questions.overall),
    };
    let once = match open {
        0 => "once the open answers are given".to_owned(),
        1 => "once the 1 open question is answered".to_owned(),
        n => format!("once the {n} open questions are answered"),
    };
    match score {
        Some(v) if low == high => format!("{v:.1}"),
        Some(v) => format!("{v:.1}, could be {low:.1} to {high:.1} {once}"),
        None => format!("not scored yet; could be {low:.1} to {high:.1} {once}"),
    }
}

/// Monthly spend and how it is funded, as answered; `None` when nothing is.
pub fn spend_line(a: &Assessment) -> Option<String> {
    let s = &a.spend;
    let mut parts = Vec::new();
    if let Some(monthly) = s.monthly {
        parts.push(format!("Monthly AI spend: {}.", thousands(monthly)));
    }
    parts.extend(s.tracked.map(|tracked| {
        let is = if tracked { "is" } else { "is not" };
        format!("Spend {is} tracked against the value the strategy projected.")
    }));
    parts.extend(s.recurring_budget.map(|funded| {
        let have = if funded { "have a" } else { "have no" };
        format!("Running costs (monitoring, retraining, support) {have} recurring budget.")
    }));
    (!parts.is_empty()).then(|| parts.join(" "))
}

/// The gate's result in one sentence; `None` when no gate was set.
pub fn gate_line(a: &Assessment) -> Option<String> {
    let gate = a.gate.as_ref()?;
    let failed = gate.checks.iter().filter(|c| !c.passed()).count();
    Some(if gate.passed {
        format!(
            "Gate: passed; {} under Evidence and method.",
            count(gate.checks.len(), "check is listed", "checks are listed")
        )
    } else {
        format!(
            "Gate: failed; {} of {} failed, listed under Evidence and method.",
            count(failed, "check", "checks"),
            gate.checks.len()
        )
    })
}

/// A piece of inline text, for sentences that show an id or a path as
/// code or a word in bold: each renderer writes the pieces its own way, so
/// that the words are composed once.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Span {
    Text(String),
    Code(String),
    Strong(String),
    Em(String),
}

fn text(t: impl Into<String>) -> Span {
    Span::Text(t.into())
}

/// Where the assessment date came from, in the words of every report. The
/// type is the loader's; its words are the reports', so they are here.
impl DateSource {
    /// In a few words, for the terminal's headline: `from --as-of`.
    pub fn brief(self) -> &'static str {
        match self {
            DateSource::Questionnaire => "from the questionnaire",
            DateSource::AsOf => "from --as-of",
            DateSource::Today => "today's date",
        }
    }

    /// After the date in the reports' opening line, when not from the
    /// questionnaire: ` (the date given with --as-of)`; empty otherwise.
    pub fn note(self) -> &'static str {
        match self {
            DateSource::Questionnaire => "",
            DateSource::AsOf => " (the date given with --as-of)",
            DateSource::Today => " (the date the report was made)",
        }
    }
}

/// The date, where it came from, and (unless it was said first, as an
/// insufficient one is) the confidence with what it means.
pub fn assessed_line(a: &Assessment) -> Vec<Span> {
    let mut spans = vec![text(format!(
        "Assessed on {}{}.",
        a.organization.assessed,
        a.organization.assessed_from.note()
    ))];
    if a.confidence != Confidence::Insufficient {
        spans.push(text(" Confidence: "));
        spans.push(Span::Strong(a.confidence.to_string()));
        spans.push(text(format!(". {}", super::words::confidence_note(a))));
    }
    spans
}

/// The level, the quadrant and the next level, one line each, the verdict
/// in bold.
pub fn verdict_lines(a: &Assessment) -> Vec<Vec<Span>> {
    let (level, meaning) = level(a);
    let (quadrant, quadrant_meaning) = quadrant(a);
    let mut lines = vec![
        vec![
            text("Maturity level: "),
            Span::Strong(level),
            text(format!(". {meaning}")),
        ],
        vec![
            text("Quadrant: "),
            Span::Strong(quadrant.to_owned()),
            text(format!(". {quadrant_meaning}")),
        ],
    ];
    if let Some(next) = next_level(a) {
        lines.push(vec![text(format!("Next level: {next}"))]);
    }
    lines
}

/// The rows of the scores table: name, value in words, the score a bar
/// shows, and what the score means.
pub fn score_rows(a: &Assessment) -> [(&'static str, String, Option<f64>, &'static str); 4] {
    let s = &a.scores;
    [
        (
            "Strategy",
            score_in_words(a, Some(Side::Strategy)),
            s.strategy,
            "Why and where to invest",
        ),
        (
            "Implementation",
            score_in_words(a, Some(Side::Implementation)),
            s.implementation,
            "How it is made to work",
        ),
        (
            "Overall",
            score_in_words(a, None),
            s.overall,
            "Both; the weaker weighs more",
        ),
        (
            "Completeness",
            format!(
                "{:.1} (strategy {:.1}, implementation {:.1})",
                s.completeness,
                s.completeness_by_side.strategy,
                s.completeness_by_side.implementation
            ),
            Some(s.completeness),
            "How much was answered",
        ),
    ]
}

/// The column names of the pilot inventory.
pub const PILOT_COLUMNS: [&str; 7] = [
    "Pilot",
    "Department",
    "Stage",
    "Days running",
    "Runs",
    "Users",
    "Monitoring",
];

/// One row of the pilot inventory, in words.
pub fn pilot_row(p: &PilotSummary) -> [String; 7] {
    let stage = match p.stage {
        Stage::Production => "in production",
        Stage::Scaled => "scaled up",
        Stage::Pilot | Stage::Retired | Stage::Idea => p.stage.word(),
    };
    let stage = match p.retired_reason {
        Some(crate::vocabulary::RetiredReason::Replaced) => format!("{stage} (replaced)"),
        Some(reason) => format!("{stage} (for {reason})"),
        None => stage.to_owned(),
    };
    let runs = match p.environment {
        Some(Environment::Laptop) => "on a laptop",
        Some(Environment::Sandbox) => "in a sandbox",
        Some(Environment::Cloud) => "in the cloud",
        Some(Environment::Production) => "on the production platform",
        None => "not stated",
    };
    let monitoring = match p.monitoring {
        Some(Monitoring::None) => "none",
        Some(Monitoring::Manual) => "manual checks",
        Some(Monitoring::Automated) => "automated",
        None => "not stated",
    };
    let not_stated = || "not stated".to_owned();
    [
        p.name.clone(),
        p.department.clone().unwrap_or_else(not_stated),
        stage,
        // Days since it started, for the pilots running: an idea has not
        // started, and a retired pilot runs no more.
        match p.stage {
            Stage::Idea => "not started".to_owned(),
            Stage::Retired => "stopped".to_owned(),
            _ => p.age_days.map_or_else(not_stated, |d| d.to_string()),
        },
        runs.to_owned(),
        p.users.map_or_else(not_stated, |u| u.to_string()),
        monitoring.to_owned(),
    ]
}

/// The headings of the findings' groups, in the order they are listed.
pub const FINDING_GROUPS: [(Group, &str); 4] = [
    (Group::Purgatory, "Pilot purgatory"),
    (Group::Operations, "Live systems and running costs"),
    (Group::Misconception, "Misconceptions"),
    (Group::Other, "Other findings"),
];

/// A finding with its severity, its message, how a misconception shows
/// and its correction, its acceptances and its evidence.
pub fn finding_line(f: &Finding) -> Vec<Span> {
    let severity = match f.severity {
        Severity::Critical => "critical",
        Severity::Warning => "warning",
        Severity::Info => "note",
    };
    let mut spans = vec![
        Span::Strong(f.title.to_string()),
        text(" ("),
        Span::Code(f.id.to_string()),
        text(format!(", {severity}): {}", f.message)),
    ];
    if f.kind == Group::Misconception {
        spans.push(text(" "));
        spans.push(Span::Em(format!("{}.", capitalized(how_shown(f)))));
        spans.push(text(" "));
        spans.push(Span::Em("The correction:".to_owned()));
        spans.push(text(format!(
            " {}",
            f.correction.as_deref().unwrap_or_default()
        )));
    }
    for x in &f.accepted {
        spans.push(text(" "));
        spans.push(Span::Em(format!("{}.", capitalized(&x.note()))));
    }
    if !f.evidence.is_empty() {
        let (shown, more) = shown_evidence(&f.evidence);
        spans.push(text(" Evidence: "));
        for (i, e) in shown.iter().enumerate() {
            if i > 0 {
                spans.push(text("; "));
            }
            spans.extend(evidence_spans(e));
        }
        if let Some(more) = more {
            spans.push(text(format!("; {more}")));
        }
        spans.push(text("."));
    }
    if !f.references.is_empty() {
        spans.push(text(format!(
            " References: {}.",
            crate::frameworks::compact(&f.references)
        )));
    }
    spans
}

/// The most pieces of evidence a reader's report lists for one finding or
/// recommendation. A questionnaire of thousands of pilots gives a finding
/// thousands; nobody reads past the first fifty, and laying them all out
/// took a quarter of such a run. The JSON report keeps every one.
pub const EVIDENCE_SHOWN: usize = 50;

/// The evidence a reader's report lists, and what it says of the rest:
/// "… and 3,280 more pieces of evidence; the JSON report lists them all".
pub fn shown_evidence(evidence: &[Evidence]) -> (&[Evidence], Option<String>) {
    if evidence.len() <= EVIDENCE_SHOWN {
        return (evidence, None);
    }
    let more = evidence.len() - EVIDENCE_SHOWN;
    let noun = if more == 1 { "piece" } else { "pieces" };
    (
        &evidence[..EVIDENCE_SHOWN],
        Some(format!(
            "… and {} more {noun} of evidence; the JSON report lists them all",
            thousands(more as f64)
        )),
    )
}

/// One piece of evidence: its path as code, its line and its value.
pub fn evidence_spans(e: &Evidence) -> [Span; 2] {
    let rest = match e.line {
        Some(line) => format!(" (line {line}): {}", e.value),
        None => format!(": {}", e.value),
    };
    [Span::Code(e.path.to_string()), text(rest)]
}

/// What a recommendation rests on: the finding it comes from (whose
/// evidence is listed with it), else its criterion's points and evidence.
pub fn basis(a: &Assessment, r: &Recommendation) -> Vec<Span> {
    if let Some(f) = finding_of(a, r) {
        let mut spans = vec![
            text("Rests on the finding "),
            Span::Code(f.id.to_string()),
            text(" above"),
        ];
        if !r.also.is_empty() {
            spans.push(text(", and covers "));
            for (i, id) in r.also.iter().enumerate() {
                if i > 0 {
                    spans.push(text(" and "));
                }
                spans.push(Span::Code(id.to_string()));
            }
            spans.push(text(" too"));
        }
        if r.pilots.is_empty() && !f.pilots.is_empty() {
            // Every pilot's fix was given earlier; what is left is the
            // finding's other part (a practice, a policy).
            spans.push(text(
                "; an earlier item gives the same fix for its pilots, so this one is for the rest of it",
            ));
        } else if r.pilots.len() < f.pilots.len() {
            spans.push(text(format!(
                "; here for {} only, as an earlier item gives the same fix for the others",
                crate::text::names(r.pilots.iter().map(String::as_str))
            )));
        }
        spans.push(text("."));
        return spans;
    }
    let mut parts: Vec<Vec<Span>> = Vec::new();
    if let Reason::Gap { criterion, points } = &r.reason {
        parts.push(vec![text(format!(
            "{}: {points:.1} of 100 points over what was answered, weight {}",
            criterion.title, criterion.weight
        ))]);
    }
    let (shown, more) = shown_evidence(&r.evidence);
    parts.extend(shown.iter().map(|e| evidence_spans(e).to_vec()));
    parts.extend(more.map(|more| vec![text(more)]));
    if parts.is_empty() && r.id == RecommendationId::Focus {
        // A focus decided by how much is answered rests on that share.
        let why = why(r);
        if !why.is_empty() {
            return vec![text(format!(
                "Rests on: {}",
                crate::text::lower_first(&why)
            ))];
        }
    }
    if parts.is_empty() {
        return Vec::new();
    }
    let mut spans = vec![text("Rests on: ")];
    for (i, part) in parts.into_iter().enumerate() {
        if i > 0 {
            spans.push(text("; "));
        }
        spans.extend(part);
    }
    spans.push(text("."));
    spans
}

/// What the list of unanswered questions means, and, when findings read
/// questions the scores do not, why its count differs from the one given
/// beside the scores. `None` when everything was answered.
pub fn unanswered_note(a: &Assessment) -> Option<String> {
    if a.unanswered.is_empty() {
        return None;
    }
    let mut text = "These answers were left out. They count neither for nor against a score (they widen its range), and they trigger no finding; answering them narrows the range and firms up the verdict.".to_owned();
    let total = a.unanswered.len();
    let scored = a.scores.open_questions.overall;
    if total > scored {
        // The count beside the scores is only what the scores read.
        crate::text::append(&mut text, |text| {
            write!(
                text,
                " Of these {total}, {scored} are read by the scores (the number given beside them); {} read only by findings, and so leave the ranges as they are.",
                count(total - scored, "is", "are")
            )
        });
    }
    text.extend(read_across(a));
    Some(text)
}

/// ` The implementation score's count includes strategy.risks_assessed,
/// which it reads too.`: the open questions a side's score reads from the
/// other side's section, where a reader would not look for them.
pub fn read_across(a: &Assessment) -> Option<String> {
    if a.unanswered_across.is_empty() {
        return None;
    }
    let mut text = String::new();
    for side in [Side::Strategy, Side::Implementation] {
        let questions: Vec<&str> = a
            .unanswered_across
            .iter()
            .filter(|(s, _)| *s == side)
            .map(|(_, q)| q.as_str())
            .collect();
        if questions.is_empty() {
            continue;
        }
        crate::text::append(&mut text, |text| {
            write!(
                text,
                " The {} score's count includes {}, which it reads too.",
                side.word(),
                crate::text::every(&questions, "and")
            )
        });
    }
    Some(text)
}

/// The gate's verdict, first word in bold; `None` when no gate was set.
pub fn gate_verdict(a: &Assessment) -> Option<[Span; 2]> {
    let gate = a.gate.as_ref()?;
    Some(if gate.passed {
        [
            Span::Strong("Passed.".to_owned()),
            text(" Every check set for this run holds."),
        ]
    } else {
        [
            Span::Strong("Failed.".to_owned()),
            text(" At least one check set for this run does not hold."),
        ]
    })
}

/// How the scores are made and what made this report, one line each.
pub fn method_lines(a: &Assessment) -> Vec<String> {
    let mut lines = vec![
        "Each criterion turns the answers it reads into 0 to 100 points, over the answers given.".to_owned(),
        "Strategy and implementation are each the mean of their criteria, weighted by each criterion's weight and the share of it answered, rounded to one decimal: an unanswered question counts neither as good nor as bad.".to_owned(),
        "Each score's range counts every unanswered part as 0 points (low) and as 100 points (high); with everything answered, the range is the score.".to_owned(),
        format!(
            "The industry figure beside the pilot-to-production rate: {}.",
            a.purgatory.benchmark.source
        ),
        "Overall is the harmonic mean of the two (2 × S × I ÷ (S + I)), so a plan without delivery, or delivery without a plan, scores low.".to_owned(),
        "Completeness is the share of the rubric's weight answered. A side scoring at or above the rubric's cut line (50 by default) counts as high, and implementation only with a live pilot; the chart's midlines sit at the cut line.".to_owned(),
        "A level is also capped by what exists: below experimenting with no started pilot, below operationalizing with nothing live, below scaling with nothing scaled, and below transforming with fewer than two scaled pilots.".to_owned(),
        format!(
            "Rubric: {} (id {}, version {}). Tool: {} {}. Source: {}.",
            a.rubric.name, a.rubric.id, a.rubric.version, a.tool.name, a.tool.version, a.source
        ),
        format!("Made with {}.", super::words::settings(a)),
    ];
    lines.extend(super::cases::answered_by(a, str::to_owned));
    lines
}

/// What the chart shows, in words, for whoever cannot see it: the scores
/// with their ranges, the quadrant, and where the baseline stood.
pub fn chart_description(a: &Assessment) -> String {
    let mut text = format!(
        "{}: strategy {}; implementation {}; quadrant {}.",
        a.organization.name,
        score_in_words(a, Some(Side::Strategy)),
        score_in_words(a, Some(Side::Implementation)),
        quadrant(a).0
    );
    crate::text::append(&mut text, |text| {
        if let Some(c) = &a.comparison {
            let before = |name: &str| {
                c.scores
                    .iter()
                    .find(|x| x.name == name)
                    .and_then(|x| x.value.before)
                    .map_or_else(|| "not scored".to_owned(), |v| format!("{v:.1}"))
            };
            write!(
                text,
                " At the baseline ({}): strategy {}, implementation {}.",
                c.before.assessed,
                before("strategy"),
                before("implementation")
            )?;
        }
        Ok(())
    });
    text
}

/// A number with thousands separated: `38,000`, `1,250.5`.
fn thousands(x: f64) -> String {
    let text = trimmed(x);
    let (whole, fraction) = text
        .split_once('.')
        .map_or((text.as_str(), ""), |(w, f)| (w, f));
    let digits: Vec<char> = whole.chars().collect();
    let mut out = String::new();
    for (i, c) in digits.iter().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(*c);
    }
    if !fraction.is_empty() {
        out.push('.');
        out.push_str(fraction);
    }
    out
}

/// A number as written, without trailing zeros: `1.4`, `40`.
fn trimmed(x: f64) -> String {
    crate::load::questionnaire::format_number(x)
}

/// A ratio with at least one decimal: `1.0`, `1.25`.
fn ratio(x: f64) -> String {
    if x.fract() == 0.0 {
        format!("{x:.1}")
    } else {
        trimmed(x)
    }
}

pub fn capitalized(word: &str) -> String {
    let mut chars = word.chars();
    chars
        .next()
        .map_or_else(String::new, |c| c.to_uppercase().chain(chars).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn thousands_are_separated() {
        assert_eq!(thousands(38000.0), "38,000");
        assert_eq!(thousands(999.0), "999");
        assert_eq!(thousands(1_250.5), "1,250.5");
        assert_eq!(thousands(1_000_000.0), "1,000,000");
        assert_eq!(thousands(0.0), "0");
    }
}
