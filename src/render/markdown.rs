//! The leadership report in Markdown: the first screen is the whole story
//! (the organization, date and confidence, the focus, the action plan, the
//! scores and the chart); then the details, each piece of advice said once;
//! then, for whoever checks, the evidence and the method, with every path,
//! line, weight and point. It renders on GitHub and in any `CommonMark`
//! viewer with tables; the chart is a Mermaid `quadrantChart`, which GitHub
//! draws natively. It passes markdownlint's default rules (but line length).

use super::chart;
use super::words::{
    self, acceptance_lines, accepted_note, bar, confidence_note, level_cap_note, score,
    score_with_range,
};
use crate::assessment::Finding;
use crate::assessment::{Assessment, PilotSummary, Reason, Recommendation, RecommendationId};
use crate::derive::evidence::Evidence;
use crate::frameworks::{compact, NOT_A_JUDGEMENT};
use crate::load::questionnaire::DateSource;
use crate::vocabulary::{
    Confidence, Environment, Group, Monitoring, PurgatoryStatus, Quadrant, Severity, Side, Source,
    Stage, Word,
};
use std::fmt::Write as _;

pub fn render(a: &Assessment) -> String {
    let mut out = String::new();
    headline(&mut out, a);
    action_plan(&mut out, a);
    scores(&mut out, a);
    chart(&mut out, a);
    if let Some(comparison) = &a.comparison {
        out.push_str(&super::diff::brief_markdown(comparison));
    }
    purgatory(&mut out, a);
    misconceptions(&mut out, a);
    other_findings(&mut out, a);
    recommendations(&mut out, a);
    accepted_risks(&mut out, a);
    gate(&mut out, a);
    evidence_and_method(&mut out, a);
    super::frameworks::report_markdown(&mut out, a);
    out
}

/// The heading that opens the closing section: what comes before it is the
/// report a leadership team reads; what follows is for whoever checks it.
pub const EVIDENCE_AND_METHOD: &str = "## Evidence and method";

fn headline(out: &mut String, a: &Assessment) {
    let date_from = match a.organization.assessed_from {
        DateSource::Questionnaire => "",
        DateSource::AsOf => " (the date given with --as-of)",
        DateSource::Today => " (the date the report was made)",
    };
    let _ = writeln!(out, "# AI readiness: {}\n", cell(&a.organization.name));
    // An untrustworthy verdict is said before anything else.
    if a.confidence == Confidence::Insufficient {
        let _ = writeln!(
            out,
            "> **Confidence: insufficient.** {}\n",
            confidence_note(a)
        );
    }
    let _ = write!(out, "Assessed on {}{date_from}.", a.organization.assessed);
    if a.confidence != Confidence::Insufficient {
        let _ = write!(
            out,
            " Confidence: **{}**. {}",
            a.confidence,
            confidence_note(a)
        );
    }
    out.push_str("\n\n");
    let _ = writeln!(out, "**{}**\n", cell(&a.focus_reason));
    let _ = write!(
        out,
        "Maturity level: **{}**. Quadrant: **{}**.",
        capitalized(a.level.word()),
        cell(quadrant_name(a, a.quadrant))
    );
    if let Some(note) = level_cap_note(a) {
        let _ = write!(out, " {note}");
    }
    out.push_str("\n\n");
}

/// How many recommendations make the action plan for the next quarter.
const ACTION_PLAN: usize = 3;
/// How many more the report's first part lists; the rest close the report.
const FURTHER: usize = 4;

/// The recommendations after the focus, which the headline states.
fn after_the_focus(a: &Assessment) -> impl Iterator<Item = &Recommendation> {
    a.recommendations
        .iter()
        .filter(|r| r.id != RecommendationId::Focus)
}

fn action_plan(out: &mut String, a: &Assessment) {
    out.push_str("## Action plan\n\n");
    for (i, r) in after_the_focus(a).take(ACTION_PLAN).enumerate() {
        let _ = writeln!(
            out,
            "{}. **{}**  \n   Why: {}",
            i + 1,
            cell(&r.title),
            plain_reason(r)
        );
    }
    out.push('\n');
}

/// Why a recommendation is made, in words; its points and weights are in
/// the evidence section.
fn plain_reason(r: &Recommendation) -> String {
    if r.id == RecommendationId::AnswerFirst {
        // The questions themselves are listed under Evidence and method.
        return format!(
            "Too much is unanswered to trust this verdict: {} open, listed at the end of this report.",
            words::count(r.evidence.len(), "answer is", "answers are")
        );
    }
    match &r.reason {
        Reason::Gap { criterion, .. } => format!(
            "{} is among the largest gaps left in the answers.",
            cell(&criterion.title)
        ),
        Reason::Finding { message, .. } => cell(message),
        Reason::Text(text) => cell(text),
    }
}

fn scores(out: &mut String, a: &Assessment) {
    out.push_str("## Scores\n\n| Score | Value | | What it means |\n| --- | --- | --- | --- |\n");
    let s = &a.scores;
    let rows = [
        (
            "Strategy",
            Some(Side::Strategy),
            s.strategy,
            "Why and where to invest",
        ),
        (
            "Implementation",
            Some(Side::Implementation),
            s.implementation,
            "How it is made to work",
        ),
        ("Overall", None, s.overall, "Both; the weaker weighs more"),
    ];
    for (name, side, value, meaning) in rows {
        let shown_bar = value.map_or_else(String::new, |v| format!("`{}`", bar(v)));
        let _ = writeln!(
            out,
            "| {name} | {} | {shown_bar} | {meaning} |",
            score_with_range(a, side)
        );
    }
    let _ = writeln!(
        out,
        "| Completeness | {:.1} (strategy {:.1}, implementation {:.1}) | `{}` | How much was answered |",
        s.completeness,
        s.completeness_by_side.strategy,
        s.completeness_by_side.implementation,
        bar(s.completeness)
    );
    out.push('\n');
}

fn chart(out: &mut String, a: &Assessment) {
    out.push_str("## Where you stand\n\n");
    chart::header(out, |q| quadrant_name(a, q).to_owned());
    chart::points(out, &[(a.organization.name.clone(), a)]);
    out.push('\n');
}

fn dimensions(out: &mut String, a: &Assessment) {
    out.push_str(
        "### Dimensions\n\n| Dimension | Strategy | | Implementation | |\n| --- | ---: | --- | ---: | --- |\n",
    );
    for d in &a.dimensions {
        let bar_of = |v: Option<f64>| v.map_or_else(|| "—".to_owned(), |v| format!("`{}`", bar(v)));
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} | {} |",
            cell(&d.name),
            score(d.strategy),
            bar_of(d.strategy),
            score(d.implementation),
            bar_of(d.implementation)
        );
    }
    out.push('\n');
}

fn purgatory(out: &mut String, a: &Assessment) {
    out.push_str("## Pilot purgatory\n\n");
    let status = match a.purgatory.status {
        PurgatoryStatus::Stuck => "**Stuck**: more pilots linger than are live.",
        PurgatoryStatus::AtRisk => "**At risk**: some pilots may stall before production.",
        PurgatoryStatus::None => "**Clear**: no pilot is stalling before production.",
    };
    let _ = writeln!(out, "{status}\n");
    if a.pilots.is_empty() {
        out.push_str("No pilots are listed in the questionnaire.\n\n");
    } else {
        out.push_str("| Pilot | Department | Stage | Days running | Runs | Users | Monitoring |\n| --- | --- | --- | ---: | --- | ---: | --- |\n");
        for p in &a.pilots {
            let _ = writeln!(out, "{}", pilot_row(p));
        }
        out.push('\n');
    }
    let benchmark = &a.purgatory.benchmark;
    match a.purgatory.pilot_to_production_pct {
        Some(rate) => {
            let _ = writeln!(
                out,
                "Pilot-to-production rate: **{rate:.1}%** of started pilots are live; the industry figure is {:.0}%.\n",
                benchmark.pilot_to_production_pct
            );
        }
        None => {
            let _ = writeln!(
                out,
                "Pilot-to-production rate: not yet measurable, as no pilot has started; the industry figure is {:.0}%.\n",
                benchmark.pilot_to_production_pct
            );
        }
    }
    let signals = untold(a, Group::Purgatory);
    for f in &signals {
        finding(out, f);
    }
    if !signals.is_empty() {
        out.push('\n');
    }
    let live_systems = untold(a, Group::Operations);
    if !live_systems.is_empty() {
        out.push_str("## Live systems\n\n");
        for f in live_systems {
            finding(out, f);
        }
        out.push('\n');
    }
}

fn misconceptions(out: &mut String, a: &Assessment) {
    out.push_str("## Misconceptions\n\n");
    let found: Vec<&Finding> = a
        .findings
        .iter()
        .filter(|f| f.kind == Group::Misconception)
        .collect();
    if found.is_empty() {
        out.push_str("None of the four common misconceptions is stated by leadership or shown by the answers.\n\n");
        return;
    }
    for m in found {
        let shown = match (m.source, m.contradicts_stated_belief) {
            (Some(Source::Belief), _) => "stated by leadership",
            (Some(Source::Behavior), Some(true)) => "shown, though leadership rejects it",
            (Some(Source::Both), _) => "stated and shown",
            _ => "shown by the answers",
        };
        let _ = writeln!(
            out,
            "- **{}** ({shown}): {} *The correction:* {}",
            cell(&m.title),
            cell(&m.message),
            cell(m.correction.as_deref().unwrap_or_default())
        );
    }
    out.push('\n');
}

fn other_findings(out: &mut String, a: &Assessment) {
    let others = untold(a, Group::Other);
    if others.is_empty() {
        return;
    }
    out.push_str("## Other findings\n\n");
    for f in others {
        finding(out, f);
    }
    out.push('\n');
}

/// A finding as the details show it: what was found. What to do about it
/// is a recommendation, said once; its evidence is in the closing section.
fn finding(out: &mut String, f: &Finding) {
    // Critical is said; a warning is what a finding is by default.
    let severity = match f.severity {
        Severity::Critical => " (critical)",
        Severity::Info | Severity::Warning => "",
    };
    let _ = write!(
        out,
        "- **{}**{severity}: {}",
        cell(&f.title),
        cell(&f.message)
    );
    for x in &f.accepted {
        let _ = write!(out, " *{}.*", cell(&capitalized(&accepted_note(x))));
    }
    out.push('\n');
}

/// Every acceptance that concerns this organization: in force, expired or
/// matching nothing.
fn accepted_risks(out: &mut String, a: &Assessment) {
    if a.acceptances.is_empty() {
        return;
    }
    out.push_str("## Accepted risks\n\n");
    for line in acceptance_lines(a) {
        let _ = writeln!(out, "- {}", cell(&line));
    }
    out.push('\n');
}

/// The findings of `group` the details still have to tell: those whose
/// recommendation is in the action plan were told there, with their reason.
fn untold(a: &Assessment, group: Group) -> Vec<&Finding> {
    let planned: Vec<&RecommendationId> = after_the_focus(a)
        .take(ACTION_PLAN)
        .map(|r| &r.id)
        .collect();
    a.findings
        .iter()
        .filter(|f| f.kind == group)
        .filter(|f| !planned.contains(&&RecommendationId::Finding(f.id)))
        .collect()
}

fn recommendations(out: &mut String, a: &Assessment) {
    let rest: Vec<&Recommendation> = after_the_focus(a).skip(ACTION_PLAN).take(FURTHER).collect();
    if rest.is_empty() {
        return;
    }
    out.push_str("## Further recommendations\n\n");
    // Each is said once: what a finding found is in the details above, and
    // what a gap rests on is in the evidence below.
    for (i, r) in rest.iter().enumerate() {
        let _ = writeln!(out, "- **{}.** {}", ACTION_PLAN + i + 1, cell(&r.title));
    }
    let more = after_the_focus(a)
        .count()
        .saturating_sub(ACTION_PLAN + FURTHER);
    if more > 0 {
        let _ = writeln!(
            out,
            "\n{} under Evidence and method.",
            words::count(more, "more recommendation is", "more recommendations are")
        );
    }
    out.push('\n');
}

/// The closing section, for whoever checks the report: what each finding and
/// recommendation rests on (paths and lines in the questionnaire), the
/// dimensions, the questions left open, and how the scores are computed.
fn evidence_and_method(out: &mut String, a: &Assessment) {
    let _ = writeln!(out, "{EVIDENCE_AND_METHOD}\n");
    if !a.findings.is_empty() {
        out.push_str("### What the findings rest on\n\n");
        for f in &a.findings {
            let lines: Vec<String> = f.evidence.iter().map(evidence_line).collect();
            let _ = writeln!(
                out,
                "- **{}** (`{}`): {}{}",
                cell(&f.title),
                f.id,
                lines.join("; "),
                references_note(&f.references)
            );
        }
        out.push('\n');
        if a.findings.iter().any(|f| !f.references.is_empty()) {
            let _ = writeln!(out, "{NOT_A_JUDGEMENT}\n");
        }
    }
    let more: Vec<&Recommendation> = after_the_focus(a).skip(ACTION_PLAN + FURTHER).collect();
    if !more.is_empty() {
        out.push_str("### More recommendations\n\n");
        for (i, r) in more.iter().enumerate() {
            let _ = writeln!(
                out,
                "- **{}.** {}",
                ACTION_PLAN + FURTHER + i + 1,
                cell(&r.title)
            );
        }
        out.push('\n');
    }
    out.push_str("### What the recommendations rest on\n\n");
    let mut shown = 0;
    for r in after_the_focus(a) {
        shown += 1;
        let mut basis: Vec<String> = Vec::new();
        if let Reason::Gap { criterion, points } = &r.reason {
            basis.push(format!(
                "{points:.1} of 100 points over what was answered, weight {}",
                criterion.weight
            ));
        }
        basis.extend(r.evidence.iter().map(evidence_line));
        let _ = writeln!(
            out,
            "- **{shown}** (`{}`): {}",
            r.id.as_str(),
            basis.join("; ")
        );
    }
    out.push('\n');
    dimensions(out, a);
    unanswered(out, a);
    method(out, a);
}

fn unanswered(out: &mut String, a: &Assessment) {
    let _ = writeln!(
        out,
        "### Unanswered questions\n\nCompleteness: {:.1} of 100.\n",
        a.scores.completeness
    );
    if a.unanswered.is_empty() {
        out.push_str("Every question the assessment reads was answered.\n\n");
        return;
    }
    out.push_str("These answers were left out. They count neither for nor against a score (they widen its range), and they trigger no finding; answering them narrows the range and firms up the verdict:\n\n");
    for path in &a.unanswered {
        let _ = writeln!(out, "- `{path}`");
    }
    out.push('\n');
}

fn gate(out: &mut String, a: &Assessment) {
    let Some(gate) = &a.gate else { return };
    let verdict = if gate.passed {
        "**Passed.** Every check set for this run holds."
    } else {
        "**Failed.** At least one check set for this run does not hold."
    };
    let _ = writeln!(
        out,
        "## Gate\n\n{verdict}\n\n| Check | Result |\n| --- | --- |"
    );
    for check in &gate.checks {
        let result = if check.passed() { "passed" } else { "failed" };
        let _ = writeln!(out, "| {} | {result} |", crate::gate::describe(check));
    }
    out.push('\n');
}

fn method(out: &mut String, a: &Assessment) {
    out.push_str("### Method\n\n");
    out.push_str(
        "- Each criterion turns the answers it reads into 0 to 100 points, over the answers given.\n",
    );
    out.push_str("- Strategy and implementation are each the mean of their criteria, weighted by each criterion's weight and the share of it answered, rounded to one decimal: an unanswered question counts neither as good nor as bad.\n");
    out.push_str("- Each score's range counts every unanswered part as 0 points (low) and as 100 points (high); with everything answered, the range is the score.\n");
    let _ = writeln!(
        out,
        "- The industry figure beside the pilot-to-production rate: {}.",
        cell(&a.purgatory.benchmark.source)
    );
    out.push_str("- Overall is the harmonic mean of the two (2 × S × I ÷ (S + I)), so a plan without delivery, or delivery without a plan, scores low.\n");
    out.push_str("- Completeness is the share of the rubric's weight answered. A side scoring at or above the rubric's cut line (50 by default) counts as high, and implementation only with a live pilot; the chart's midlines sit at the cut line.\n");
    let _ = writeln!(
        out,
        "- Rubric: {} (id {}, version {}). Tool: {} {}. Source: {}.",
        cell(&a.rubric.name),
        cell(&a.rubric.id),
        cell(&a.rubric.version),
        a.tool.name,
        a.tool.version,
        cell(&a.source)
    );
    let _ = writeln!(out, "- Made with {}.", cell(&words::settings(a)));
}

/// A finding's references after its evidence: ` References: NIST MEASURE 2.4 · ISO A.6.2.6.`
fn references_note(references: &[crate::frameworks::Reference]) -> String {
    if references.is_empty() {
        return String::new();
    }
    format!(". References: {}.", cell(&compact(references)))
}

fn evidence_line(e: &Evidence) -> String {
    match e.line {
        Some(line) => format!("`{}` (line {line}): {}", e.path, cell(&e.value)),
        None => format!("`{}`: {}", e.path, cell(&e.value)),
    }
}

fn pilot_row(p: &PilotSummary) -> String {
    let stage = match p.stage {
        Stage::Production => "in production",
        Stage::Scaled => "scaled up",
        Stage::Pilot | Stage::Retired | Stage::Idea => p.stage.word(),
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
    format!(
        "| {} | {} | {stage} | {} | {runs} | {} | {monitoring} |",
        cell(&p.name),
        p.department
            .as_deref()
            .map_or_else(|| "not stated".to_owned(), cell),
        p.age_days
            .map_or_else(|| "not stated".to_owned(), |d| d.to_string()),
        p.users
            .map_or_else(|| "not stated".to_owned(), |u| u.to_string()),
    )
}

pub(super) fn quadrant_name(a: &Assessment, q: Quadrant) -> &str {
    &a.rubric.quadrants.get(q).name
}

/// Text the tool did not write, safe anywhere in Markdown: in a table cell,
/// a heading, a list item or a paragraph. Markdown's punctuation is escaped so
/// that it is shown, not read (no emphasis, link, image or code), `<`, `>` and
/// `&` become entities so that no HTML passes through, and line breaks become
/// spaces so that nothing can start a line of its own.
pub(super) fn cell(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match c {
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '\\' | '`' | '*' | '_' | '[' | ']' | '|' | '~' | '#' | '!' | '$' => {
                out.push('\\');
                out.push(c);
            }
            '\n' | '\r' => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

pub(super) fn capitalized(word: &str) -> String {
    let mut chars = word.chars();
    chars
        .next()
        .map_or_else(String::new, |c| c.to_uppercase().chain(chars).collect())
}
