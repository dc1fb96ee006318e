//! The leadership report in Markdown: the first screen is the whole story
//! (the organization, date and confidence, the focus, the action plan, the
//! scores and the chart); then the details, each piece of advice said once;
//! then, for whoever checks, the evidence and the method, with every path,
//! line, weight and point. It renders on GitHub and in any `CommonMark`
//! viewer with tables; the chart is a Mermaid `quadrantChart`, which GitHub
//! draws natively. It passes markdownlint's default rules (but line length).

use super::cases;
use super::chart;
pub(super) use super::markup::cell;
pub(super) use super::story::capitalized;
use super::story::{self, after_the_focus, ActionItem, Span, ACTION_PLAN, DECISIONS_SHOWN};
use super::words::{acceptance_lines, bar, confidence_note, score};
use crate::assessment::{Assessment, Finding};
use crate::frameworks::NOT_A_JUDGEMENT;
use crate::vocabulary::{Confidence, Group, Quadrant};
use std::fmt::Write as _;

/// The report: the leadership part (report.md, "The first screen"), then
/// everything a reader needs to check it.
pub fn render(a: &Assessment) -> String {
    crate::text::written(|out| {
        headline(out, a)?;
        decisions(out, a)?;
        action_plan(out, a)?;
        scores(out, a)?;
        chart(out, a);
        spend(out, a)?;
        if let Some(comparison) = &a.comparison {
            out.push_str("## Since the baseline\n\n");
            for line in super::diff::three_lines(comparison) {
                writeln!(out, "- {}", cell(&line))?;
            }
            out.push('\n');
        }
        evidence_and_method(out, a)?;
        super::frameworks::report_markdown(out, a)?;
        Ok(())
    })
}

/// The heading that opens the closing section: what comes before it is the
/// report a leadership team reads; what follows is for whoever checks it.
pub const EVIDENCE_AND_METHOD: &str = "## Evidence and method";

/// Title, date and confidence; the focus; the level, the quadrant and the
/// next level, each with what it means.
fn headline(out: &mut String, a: &Assessment) -> std::fmt::Result {
    writeln!(out, "# AI readiness: {}\n", cell(&a.organization.name))?;
    // An untrustworthy verdict is said before anything else.
    if a.confidence == Confidence::Insufficient {
        writeln!(
            out,
            "> **Confidence: insufficient.** {}\n",
            confidence_note(a)
        )?;
    }
    writeln!(out, "{}\n", spans(&story::assessed_line(a)))?;
    answered_by(out, a)?;
    writeln!(out, "**{}**\n", cell(&a.focus_reason))?;
    if let Some(also) = story::focus_also(a) {
        writeln!(out, "{}\n", cell(&also))?;
    }
    for line in story::verdict_lines(a) {
        writeln!(out, "- {}", spans(&line))?;
    }
    out.push('\n');
    Ok(())
}

/// Who answered, in the report's first lines; nothing when nobody is named.
fn answered_by(out: &mut String, a: &Assessment) -> std::fmt::Result {
    if let Some(line) = cases::answered_by(a, cell) {
        writeln!(out, "{line}\n")?;
    }
    Ok(())
}

/// The go/no-go decisions only leadership can take, the longest running first.
fn decisions(out: &mut String, a: &Assessment) -> std::fmt::Result {
    if a.decisions.is_empty() {
        return Ok(());
    }
    out.push_str("## Decisions needed from leadership\n\n");
    decision_table(out, a, DECISIONS_SHOWN)?;
    if let Some(more) = story::more_decisions(a, "under Evidence and method") {
        writeln!(out, "{}\n", cell(&more))?;
    }
    Ok(())
}

fn decision_table(out: &mut String, a: &Assessment, rows: usize) -> std::fmt::Result {
    writeln!(
        out,
        "| {} |\n| --- | --- | --- | ---: | ---: |",
        story::DECISION_COLUMNS.join(" | ")
    )?;
    for d in a.decisions.iter().take(rows) {
        let cells: Vec<String> = story::decision_row(d).iter().map(|c| cell(c)).collect();
        writeln!(out, "| {} |", cells.join(" | "))?;
    }
    out.push('\n');
    Ok(())
}

fn action_plan(out: &mut String, a: &Assessment) -> std::fmt::Result {
    out.push_str("## Action plan\n\n");
    let mut summary = vec![story::findings_count(a), story::purgatory_line(a)];
    summary.extend(story::misconceptions_line(a));
    summary.extend(story::gate_line(a));
    writeln!(out, "{}\n", cell(&summary.join(" ")))?;
    for (i, item) in story::action_items(a, ACTION_PLAN).iter().enumerate() {
        action_item(out, i + 1, item)?;
    }
    out.push('\n');
    Ok(())
}

fn action_item(out: &mut String, number: usize, item: &ActionItem) -> std::fmt::Result {
    let critical = if item.critical { "**Critical:** " } else { "" };
    write!(
        out,
        "{number}. {critical}**{}**  \n   Why: {}",
        cell(&item.title),
        cell(&item.why)
    )?;
    for extra in item.notes() {
        write!(out, "  \n   {}", cell(extra))?;
    }
    out.push('\n');
    Ok(())
}

fn scores(out: &mut String, a: &Assessment) -> std::fmt::Result {
    out.push_str("## Scores\n\n| Score | Value | | What it means |\n| --- | --- | --- | --- |\n");
    for (name, value, shown, meaning) in story::score_rows(a) {
        let shown_bar = shown.map_or_else(String::new, |v| format!("`{}`", bar(v)));
        writeln!(out, "| {name} | {value} | {shown_bar} | {meaning} |")?;
    }
    out.push('\n');
    Ok(())
}

fn chart(out: &mut String, a: &Assessment) {
    out.push_str("## Where you stand\n\n");
    chart::header(out, |q| quadrant_name(a, q).to_owned());
    chart::points(
        out,
        &[(
            a.organization.name.clone(),
            &a.scores,
            a.rubric.quadrant_cut,
        )],
    );
    out.push('\n');
}

fn spend(out: &mut String, a: &Assessment) -> std::fmt::Result {
    if let Some(line) = story::spend_line(a) {
        writeln!(out, "## Spend\n\n{}\n", cell(&line))?;
    }
    Ok(())
}

fn dimensions(out: &mut String, a: &Assessment) -> std::fmt::Result {
    out.push_str(
        "### Dimensions\n\n| Dimension | Strategy | | Implementation | |\n| --- | ---: | --- | ---: | --- |\n",
    );
    for d in &a.dimensions {
        let bar_of = |v: Option<f64>| v.map_or_else(|| "—".to_owned(), |v| format!("`{}`", bar(v)));
        writeln!(
            out,
            "| {} | {} | {} | {} | {} |",
            cell(&d.name),
            score(d.strategy),
            bar_of(d.strategy),
            score(d.implementation),
            bar_of(d.implementation)
        )?;
    }
    out.push('\n');
    Ok(())
}

/// The pilot inventory: purgatory's status, every pilot, the rate.
fn pilots(out: &mut String, a: &Assessment) -> std::fmt::Result {
    out.push_str("### Pilots\n\n");
    writeln!(out, "{}\n", cell(&story::purgatory_line(a)))?;
    if a.pilots.is_empty() {
        out.push_str("No pilots are listed in the questionnaire.\n\n");
        return Ok(());
    }
    out.push_str("| Pilot | Department | Stage | Days running | Runs | Users | Monitoring |\n| --- | --- | --- | ---: | --- | ---: | --- |\n");
    for p in &a.pilots {
        let cells: Vec<String> = story::pilot_row(p).iter().map(|c| cell(c)).collect();
        writeln!(out, "| {} |", cells.join(" | "))?;
    }
    out.push('\n');
    if let Some(retired) = cases::retired_on_purpose(a) {
        writeln!(out, "{retired}\n")?;
    }
    Ok(())
}

/// Every finding once, by group: what was found, how severe, and the
/// answers it rests on. What to do about it is a recommendation.
fn findings(out: &mut String, a: &Assessment) -> std::fmt::Result {
    if a.findings.is_empty() {
        out.push_str("### Findings\n\nNo finding fired.\n\n");
        return Ok(());
    }
    writeln!(out, "### Findings\n\n{}\n", cell(&story::findings_count(a)))?;
    for (group, heading) in story::FINDING_GROUPS {
        let of_group: Vec<&Finding> = a.findings.iter().filter(|f| f.kind == group).collect();
        let incidents = group == Group::Operations && !a.incidents.is_empty();
        if of_group.is_empty() && !incidents {
            continue;
        }
        writeln!(out, "#### {heading}\n")?;
        for f in &of_group {
            finding(out, f)?;
        }
        if !of_group.is_empty() {
            out.push('\n');
        }
        if incidents {
            self::incidents(out, a)?;
        }
    }
    if a.findings.iter().any(|f| !f.references.is_empty()) {
        writeln!(out, "{NOT_A_JUDGEMENT}\n")?;
    }
    Ok(())
}

/// The incidents the questionnaire records, in its order.
fn incidents(out: &mut String, a: &Assessment) -> std::fmt::Result {
    writeln!(out, "{}\n", cases::incidents_line(a))?;
    out.push_str("| Date | Pilot | Kind | Severity | Resolved | What happened |\n| --- | --- | --- | --- | --- | --- |\n");
    for i in &a.incidents {
        let cells: Vec<String> = cases::incident_cells(i).iter().map(|c| cell(c)).collect();
        writeln!(out, "| {} |", cells.join(" | "))?;
    }
    out.push('\n');
    Ok(())
}

/// A finding with its severity, its message and its evidence.
fn finding(out: &mut String, f: &Finding) -> std::fmt::Result {
    writeln!(out, "- {}", spans(&story::finding_line(f)))?;
    Ok(())
}

/// Inline pieces as Markdown, outside text escaped.
fn spans(pieces: &[Span]) -> String {
    crate::text::written(|out| {
        for piece in pieces {
            match piece {
                Span::Text(t) => out.push_str(&cell(t)),
                Span::Code(t) => out.push_str(&super::markup::code(t)),
                Span::Strong(t) => {
                    write!(out, "**{}**", cell(t))?;
                }
                Span::Em(t) => {
                    write!(out, "*{}*", cell(t))?;
                }
            }
        }
        Ok(())
    })
}

/// Every acceptance that concerns this organization: in force, expired or
/// matching nothing.
fn accepted_risks(out: &mut String, a: &Assessment) -> std::fmt::Result {
    if a.acceptances.is_empty() {
        return Ok(());
    }
    out.push_str("### Accepted risks\n\n");
    for line in acceptance_lines(a) {
        writeln!(out, "- {}", cell(&line))?;
    }
    out.push('\n');
    Ok(())
}

/// Every recommendation in order with what it rests on: a finding's
/// evidence is the finding's entry above, not repeated here.
fn recommendations(out: &mut String, a: &Assessment) -> std::fmt::Result {
    out.push_str("### Recommendations and what they rest on\n\n");
    let numbered = after_the_focus(a)
        .enumerate()
        .map(|(i, r)| (format!("{}.", i + 1), r));
    let focus = story::the_focus(a).map(|r| ("Focus.".to_owned(), r));
    for (label, r) in focus.into_iter().chain(numbered) {
        write!(out, "- **{label}** {}", cell(&r.title))?;
        let basis = spans(&story::basis(a, r));
        if !basis.is_empty() {
            write!(out, " {basis}")?;
        }
        out.push('\n');
    }
    out.push('\n');
    Ok(())
}

/// The closing section, for whoever checks the report: the pilots, every
/// finding with its evidence, every recommendation with its basis, the
/// decisions in full, the comparison, the dimensions, the questions left
/// open, how the scores are computed, and the gate.
fn evidence_and_method(out: &mut String, a: &Assessment) -> std::fmt::Result {
    writeln!(out, "{EVIDENCE_AND_METHOD}\n")?;
    pilots(out, a)?;
    if a.decisions.len() > DECISIONS_SHOWN {
        out.push_str("### Every decision needed\n\n");
        decision_table(out, a, usize::MAX)?;
    }
    findings(out, a)?;
    recommendations(out, a)?;
    accepted_risks(out, a)?;
    if let Some(comparison) = &a.comparison {
        out.push_str(&super::diff::brief_markdown(comparison));
    }
    dimensions(out, a)?;
    unanswered(out, a)?;
    method(out, a)?;
    gate(out, a)?;
    Ok(())
}

fn unanswered(out: &mut String, a: &Assessment) -> std::fmt::Result {
    writeln!(
        out,
        "### Unanswered questions\n\nCompleteness: {:.1} of 100.\n",
        a.scores.completeness
    )?;
    let Some(note) = story::unanswered_note(a) else {
        out.push_str("Every question the assessment reads was answered.\n\n");
        return Ok(());
    };
    writeln!(out, "{}\n", cell(&note))?;
    for path in &a.unanswered {
        writeln!(out, "- `{path}`")?;
    }
    out.push('\n');
    Ok(())
}

fn gate(out: &mut String, a: &Assessment) -> std::fmt::Result {
    let (Some(gate), Some(verdict)) = (&a.gate, story::gate_verdict(a)) else {
        return Ok(());
    };
    writeln!(
        out,
        "\n### Gate\n\n{}\n\n| Check | Result |\n| --- | --- |",
        spans(&verdict)
    )?;
    for check in &gate.checks {
        let result = if check.passed() { "passed" } else { "failed" };
        writeln!(out, "| {} | {result} |", crate::gate::describe(check))?;
    }
    Ok(())
}

fn method(out: &mut String, a: &Assessment) -> std::fmt::Result {
    out.push_str("### Method\n\n");
    for line in story::method_lines(a) {
        writeln!(out, "- {}", cell(&line))?;
    }
    Ok(())
}

pub(super) fn quadrant_name(a: &Assessment, q: Quadrant) -> &str {
    &a.rubric.quadrants.get(q).name
}
