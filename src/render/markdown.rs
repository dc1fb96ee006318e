//! The leadership report in Markdown: the first screen is the whole story
//! (the organization, date and confidence, the focus, the action plan, the
//! scores and the chart); then the details, each piece of advice said once;
//! then, for whoever checks, the evidence and the method, with every path,
//! line, weight and point. It renders on GitHub and in any `CommonMark`
//! viewer with tables; the chart is a Mermaid `quadrantChart`, which GitHub
//! draws natively. It passes markdownlint's default rules (but line length).

use super::cases;
use super::chart;
pub(super) use super::story::capitalized;
use super::story::{self, after_the_focus, ActionItem, ACTION_PLAN, DECISIONS_SHOWN};
use super::words::{self, acceptance_lines, accepted_note, bar, confidence_note, score};
use crate::assessment::{Assessment, Finding, PilotSummary, Reason, Recommendation};
use crate::derive::evidence::Evidence;
use crate::frameworks::{compact, NOT_A_JUDGEMENT};
use crate::load::questionnaire::DateSource;
use crate::vocabulary::{
    Confidence, Environment, Group, Monitoring, Quadrant, RetiredReason, Severity, Side, Stage,
    Word,
};
use std::fmt::Write as _;

/// The report: the leadership part (report.md, "The first screen"), then
/// everything a reader needs to check it.
pub fn render(a: &Assessment) -> String {
    let mut out = String::new();
    headline(&mut out, a);
    decisions(&mut out, a);
    action_plan(&mut out, a);
    scores(&mut out, a);
    chart(&mut out, a);
    spend(&mut out, a);
    if let Some(comparison) = &a.comparison {
        out.push_str("## Since the baseline\n\n");
        for line in super::diff::three_lines(comparison) {
            let _ = writeln!(out, "- {}", cell(&line));
        }
        out.push('\n');
    }
    evidence_and_method(&mut out, a);
    super::frameworks::report_markdown(&mut out, a);
    out
}

/// The heading that opens the closing section: what comes before it is the
/// report a leadership team reads; what follows is for whoever checks it.
pub const EVIDENCE_AND_METHOD: &str = "## Evidence and method";

/// Title, date and confidence; the focus; the level, the quadrant and the
/// next level, each with what it means.
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
    answered_by(out, a);
    let _ = writeln!(out, "**{}**\n", cell(&a.focus_reason));
    let (level, meaning) = story::level(a);
    let _ = writeln!(out, "- Maturity level: **{level}**. {}", cell(meaning));
    let (quadrant, meaning) = story::quadrant(a);
    let _ = writeln!(out, "- Quadrant: **{}**. {}", cell(quadrant), cell(meaning));
    if let Some(next) = story::next_level(a) {
        let _ = writeln!(out, "- Next level: {}", cell(&next));
    }
    out.push('\n');
}

/// Who answered, in the report's first lines; nothing when nobody is named.
fn answered_by(out: &mut String, a: &Assessment) {
    if let Some(line) = cases::answered_by(a, cell) {
        let _ = writeln!(out, "{line}\n");
    }
}

/// The go/no-go decisions only leadership can take, the longest running first.
fn decisions(out: &mut String, a: &Assessment) {
    if a.decisions.is_empty() {
        return;
    }
    out.push_str("## Decisions needed from leadership\n\n");
    decision_table(out, a, DECISIONS_SHOWN);
    if let Some(more) = story::more_decisions(a, "under Evidence and method") {
        let _ = writeln!(out, "{}\n", cell(&more));
    }
}

fn decision_table(out: &mut String, a: &Assessment, rows: usize) {
    let _ = writeln!(
        out,
        "| {} |\n| --- | --- | --- | ---: | ---: |",
        story::DECISION_COLUMNS.join(" | ")
    );
    for d in a.decisions.iter().take(rows) {
        let cells: Vec<String> = story::decision_row(d).iter().map(|c| cell(c)).collect();
        let _ = writeln!(out, "| {} |", cells.join(" | "));
    }
    out.push('\n');
}

fn action_plan(out: &mut String, a: &Assessment) {
    out.push_str("## Action plan\n\n");
    let mut summary = vec![story::findings_count(a), story::purgatory_line(a)];
    summary.extend(story::misconceptions_line(a));
    summary.extend(story::gate_line(a));
    let _ = writeln!(out, "{}\n", cell(&summary.join(" ")));
    for (i, item) in story::action_items(a, ACTION_PLAN).iter().enumerate() {
        action_item(out, i + 1, item);
    }
    out.push('\n');
}

fn action_item(out: &mut String, number: usize, item: &ActionItem) {
    let critical = if item.critical { "**Critical:** " } else { "" };
    let _ = write!(
        out,
        "{number}. {critical}**{}**  \n   Why: {}",
        cell(&item.title),
        cell(&item.why)
    );
    for extra in [&item.owners, &item.also].into_iter().flatten() {
        let _ = write!(out, "  \n   {}", cell(extra));
    }
    out.push('\n');
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
            story::score_in_words(a, side)
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

fn spend(out: &mut String, a: &Assessment) {
    if let Some(line) = story::spend_line(a) {
        let _ = writeln!(out, "## Spend\n\n{}\n", cell(&line));
    }
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

/// The pilot inventory: purgatory's status, every pilot, the rate.
fn pilots(out: &mut String, a: &Assessment) {
    out.push_str("### Pilots\n\n");
    let _ = writeln!(out, "{}\n", cell(&story::purgatory_line(a)));
    if a.pilots.is_empty() {
        out.push_str("No pilots are listed in the questionnaire.\n\n");
        return;
    }
    out.push_str("| Pilot | Department | Stage | Days running | Runs | Users | Monitoring |\n| --- | --- | --- | ---: | --- | ---: | --- |\n");
    for p in &a.pilots {
        let _ = writeln!(out, "{}", pilot_row(p));
    }
    out.push('\n');
    if let Some(retired) = cases::retired_on_purpose(a) {
        let _ = writeln!(out, "{retired}\n");
    }
}

/// Every finding once, by group: what was found, how severe, and the
/// answers it rests on. What to do about it is a recommendation.
fn findings(out: &mut String, a: &Assessment) {
    if a.findings.is_empty() {
        out.push_str("### Findings\n\nNo finding fired.\n\n");
        return;
    }
    let _ = writeln!(out, "### Findings\n\n{}\n", cell(&story::findings_count(a)));
    for (group, heading) in [
        (Group::Purgatory, "Pilot purgatory"),
        (Group::Operations, "Live systems"),
        (Group::Misconception, "Misconceptions"),
        (Group::Other, "Other findings"),
    ] {
        let of_group: Vec<&Finding> = a.findings.iter().filter(|f| f.kind == group).collect();
        let incidents = group == Group::Operations && !a.incidents.is_empty();
        if of_group.is_empty() && !incidents {
            continue;
        }
        let _ = writeln!(out, "#### {heading}\n");
        for f in &of_group {
            finding(out, f);
        }
        if !of_group.is_empty() {
            out.push('\n');
        }
        if incidents {
            self::incidents(out, a);
        }
    }
    if a.findings.iter().any(|f| !f.references.is_empty()) {
        let _ = writeln!(out, "{NOT_A_JUDGEMENT}\n");
    }
}

/// The incidents the questionnaire records, in its order.
fn incidents(out: &mut String, a: &Assessment) {
    let _ = writeln!(out, "{}\n", cases::incidents_line(a));
    out.push_str("| Date | Pilot | Kind | Severity | Resolved | What happened |\n| --- | --- | --- | --- | --- | --- |\n");
    for i in &a.incidents {
        let cells: Vec<String> = cases::incident_cells(i).iter().map(|c| cell(c)).collect();
        let _ = writeln!(out, "| {} |", cells.join(" | "));
    }
    out.push('\n');
}

/// A finding with its severity, its message and its evidence.
fn finding(out: &mut String, f: &Finding) {
    let severity = match f.severity {
        Severity::Critical => "critical",
        Severity::Warning => "warning",
        Severity::Info => "note",
    };
    let _ = write!(
        out,
        "- **{}** (`{}`, {severity}): {}",
        cell(&f.title),
        f.id,
        cell(&f.message)
    );
    if f.kind == Group::Misconception {
        let _ = write!(
            out,
            " *{}.* *The correction:* {}",
            capitalized(story::how_shown(f)),
            cell(f.correction.as_deref().unwrap_or_default())
        );
    }
    for x in &f.accepted {
        let _ = write!(out, " *{}.*", cell(&capitalized(&accepted_note(x))));
    }
    let lines: Vec<String> = f.evidence.iter().map(evidence_line).collect();
    if !lines.is_empty() {
        let _ = write!(out, " Evidence: {}.", lines.join("; "));
    }
    out.push_str(&references_note(&f.references));
    out.push('\n');
}

/// Every acceptance that concerns this organization: in force, expired or
/// matching nothing.
fn accepted_risks(out: &mut String, a: &Assessment) {
    if a.acceptances.is_empty() {
        return;
    }
    out.push_str("### Accepted risks\n\n");
    for line in acceptance_lines(a) {
        let _ = writeln!(out, "- {}", cell(&line));
    }
    out.push('\n');
}

/// Every recommendation in order with what it rests on: a finding's
/// evidence is the finding's entry above, not repeated here.
fn recommendations(out: &mut String, a: &Assessment) {
    out.push_str("### Recommendations and what they rest on\n\n");
    for (i, r) in after_the_focus(a).enumerate() {
        let _ = writeln!(out, "- **{}.** {} {}", i + 1, cell(&r.title), basis(a, r));
    }
    out.push('\n');
}

/// What a recommendation rests on, as one sentence.
fn basis(a: &Assessment, r: &Recommendation) -> String {
    if let Some(f) = story::finding_of(a, r) {
        let mut text = format!("Rests on the finding `{}` above", f.id);
        if !r.also.is_empty() {
            let ids: Vec<String> = r.also.iter().map(|id| format!("`{id}`")).collect();
            let _ = write!(text, ", and covers {} too", ids.join(" and "));
        }
        if r.pilots.len() < f.pilots.len() {
            let _ = write!(
                text,
                "; here for {} only, as an earlier item gives the same fix for the others",
                cell(&crate::assess::findings::names(
                    r.pilots.iter().map(String::as_str)
                ))
            );
        }
        text.push('.');
        return text;
    }
    let mut parts: Vec<String> = Vec::new();
    if let Reason::Gap { criterion, points } = &r.reason {
        parts.push(format!(
            "{}: {points:.1} of 100 points over what was answered, weight {}",
            cell(&criterion.title),
            criterion.weight
        ));
    }
    parts.extend(r.evidence.iter().map(evidence_line));
    if parts.is_empty() {
        return String::new();
    }
    format!("Rests on: {}.", parts.join("; "))
}

/// The closing section, for whoever checks the report: the pilots, every
/// finding with its evidence, every recommendation with its basis, the
/// decisions in full, the comparison, the dimensions, the questions left
/// open, how the scores are computed, and the gate.
fn evidence_and_method(out: &mut String, a: &Assessment) {
    let _ = writeln!(out, "{EVIDENCE_AND_METHOD}\n");
    pilots(out, a);
    if a.decisions.len() > DECISIONS_SHOWN {
        out.push_str("### Every decision needed\n\n");
        decision_table(out, a, usize::MAX);
    }
    findings(out, a);
    recommendations(out, a);
    accepted_risks(out, a);
    if let Some(comparison) = &a.comparison {
        out.push_str(&super::diff::brief_markdown(comparison));
    }
    dimensions(out, a);
    unanswered(out, a);
    method(out, a);
    gate(out, a);
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
    out.push_str("These answers were left out. They count neither for nor against a score (they widen its range), and they trigger no finding; answering them narrows the range and firms up the verdict.");
    let total = a.unanswered.len();
    let scored = a.scores.open_questions.overall;
    if total > scored {
        // The count beside the scores is only what the scores read.
        let _ = write!(
            out,
            " Of these {total}, {scored} are read by the scores (the number given beside them); {} read only by findings, and so leave the ranges as they are.",
            words::count(total - scored, "is", "are")
        );
    }
    out.push_str("\n\n");
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
        "\n### Gate\n\n{verdict}\n\n| Check | Result |\n| --- | --- |"
    );
    for check in &gate.checks {
        let result = if check.passed() { "passed" } else { "failed" };
        let _ = writeln!(out, "| {} | {result} |", crate::gate::describe(check));
    }
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
    out.push_str("- A level is also capped by what exists: below experimenting with no started pilot, below operationalizing with nothing live, below scaling with nothing scaled, and below transforming with fewer than two scaled pilots.\n");
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
    if let Some(line) = cases::answered_by(a, cell) {
        let _ = writeln!(out, "- {line}");
    }
}

/// A finding's references after its evidence: ` References: NIST MEASURE 2.4 · ISO A.6.2.6.`
fn references_note(references: &[crate::frameworks::Reference]) -> String {
    if references.is_empty() {
        return String::new();
    }
    format!(" References: {}.", cell(&compact(references)))
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
    let stage = match p.retired_reason {
        Some(RetiredReason::Replaced) => format!("{stage} (replaced)"),
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
