//! The leadership report in Markdown: the answer first, then the detail.
//! It renders on GitHub and in any `CommonMark` viewer with tables; the
//! quadrant chart is a Mermaid `quadrantChart`, which GitHub draws natively.

use super::chart;
use super::words::{bar, confidence_note, level_cap_note, score, score_with_range, shown_by};
use crate::assessment::Finding;
use crate::assessment::{Assessment, PilotSummary, Recommendation};
use crate::derive::evidence::Evidence;
use crate::load::questionnaire::DateSource;
use crate::vocabulary::{
    Confidence, Environment, Group, Monitoring, PurgatoryStatus, Quadrant, Side, Stage, Word,
};
use std::fmt::Write as _;

pub fn render(a: &Assessment) -> String {
    let mut out = String::new();
    headline(&mut out, a);
    action_plan(&mut out, a);
    scores(&mut out, a);
    chart(&mut out, a);
    dimensions(&mut out, a);
    purgatory(&mut out, a);
    misconceptions(&mut out, a);
    other_findings(&mut out, a);
    recommendations(&mut out, a);
    unanswered(&mut out, a);
    gate(&mut out, a);
    method(&mut out, a);
    out
}

fn headline(out: &mut String, a: &Assessment) {
    let date_from = match a.organization.assessed_from {
        DateSource::Questionnaire => "the date the answers describe",
        DateSource::AsOf => "the date given with --as-of",
        DateSource::Today => "the date the report was made",
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
    let _ = writeln!(out, "**{}**\n", cell(&a.focus_reason));
    let _ = writeln!(
        out,
        "Assessed on {} ({date_from}). Maturity level: **{}**. Quadrant: **{}**.\n",
        a.organization.assessed,
        capitalized(a.level.word()),
        cell(quadrant_name(a, a.quadrant))
    );
    if let Some(note) = level_cap_note(a) {
        let _ = writeln!(out, "{note}\n");
    }
    if a.confidence != Confidence::Insufficient {
        let _ = writeln!(
            out,
            "Confidence: **{}**. {}\n",
            a.confidence,
            confidence_note(a)
        );
    }
}

/// How many recommendations make the action plan for the next quarter.
const ACTION_PLAN: usize = 3;

fn action_plan(out: &mut String, a: &Assessment) {
    out.push_str(
        "## Action plan

",
    );
    for r in a.recommendations.iter().take(ACTION_PLAN) {
        recommendation(out, r);
    }
}

fn recommendation(out: &mut String, r: &Recommendation) {
    let _ = writeln!(
        out,
        "{}. **{}**  \n   Why: {}",
        r.rank,
        cell(&r.title),
        cell(&r.reason.to_string())
    );
    let changes: Vec<String> = r.evidence.iter().map(evidence_line).collect();
    if !changes.is_empty() {
        let _ = writeln!(out, "   Based on: {}", changes.join("; "));
    }
    out.push('\n');
}

fn scores(out: &mut String, a: &Assessment) {
    out.push_str("## Scores\n\n| Score | Value | | What it means |\n|---|---|---|---|\n");
    let s = &a.scores;
    let rows = [
        ("Strategy", Some(Side::Strategy), s.strategy, "Why and where to invest: problems with goals, sponsor, roadmap, budget, policy."),
        ("Implementation", Some(Side::Implementation), s.implementation, "How it is made to work: pilots in production, data, platform, team, safeguards, adoption."),
        ("Overall", None, s.overall, "Both halves together; a weak half pulls it down more than a strong one lifts it."),
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
        "| Completeness | {:.1} (strategy {:.1}, implementation {:.1}) | `{}` | How much of the questionnaire was answered, by weight; an unanswered question counts neither for nor against a score, and widens its range. |",
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
    let _ = writeln!(
        out,
        "Strategy {}, implementation {}: **{}**. {}\n",
        score(a.scores.strategy),
        score(a.scores.implementation),
        quadrant_name(a, a.quadrant),
        quadrant_meaning(a)
    );
}

fn dimensions(out: &mut String, a: &Assessment) {
    out.push_str(
        "## Dimensions\n\n| Dimension | Strategy | | Implementation | |\n|---|---:|---|---:|---|\n",
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
        PurgatoryStatus::Stuck => {
            "**Stuck.** Pilots are not reaching production, and several signals say so."
        }
        PurgatoryStatus::AtRisk => {
            "**At risk.** Some signals show pilots may stall before production."
        }
        PurgatoryStatus::None => "**Clear.** No signal shows pilots stalling before production.",
    };
    let _ = writeln!(out, "{status}\n");
    if a.pilots.is_empty() {
        out.push_str("No pilots are listed in the questionnaire.\n\n");
    } else {
        out.push_str("| Pilot | Department | Stage | Days running | Runs | Users | Monitoring |\n|---|---|---|---:|---|---:|---|\n");
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
                "Pilot-to-production rate: **{rate:.1}%** of the started pilots (at stage pilot, production or scaled) are in production or scaled. Industry figure: {:.0}% ({}).\n",
                benchmark.pilot_to_production_pct,
                benchmark.source
            );
        }
        None => {
            let _ = writeln!(
                out,
                "Pilot-to-production rate: not yet measurable, as no pilot has started. Industry figure: {:.0}% ({}).\n",
                benchmark.pilot_to_production_pct,
                benchmark.source
            );
        }
    }
    for f in a.findings.iter().filter(|f| f.kind == Group::Purgatory) {
        finding(out, f);
    }
    let live_systems: Vec<&Finding> = a
        .findings
        .iter()
        .filter(|f| f.kind == Group::Operations)
        .collect();
    if !live_systems.is_empty() {
        out.push_str(
            "## Live systems

",
        );
        for f in live_systems {
            finding(out, f);
        }
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
        let _ = writeln!(out, "### {} (shown by {})\n", cell(&m.title), shown_by(m));
        let _ = writeln!(out, "{}\n", cell(&m.message));
        let _ = writeln!(
            out,
            "- **The belief:** {}",
            m.statement.as_deref().unwrap_or_default()
        );
        let _ = writeln!(
            out,
            "- **The correction:** {}",
            m.correction.as_deref().unwrap_or_default()
        );
        let _ = writeln!(out, "- **What to do:** {}\n", cell(&m.remedy));
        evidence_list(out, &m.evidence);
    }
}

fn other_findings(out: &mut String, a: &Assessment) {
    let others: Vec<&Finding> = a
        .findings
        .iter()
        .filter(|f| f.kind == Group::Other)
        .collect();
    if others.is_empty() {
        return;
    }
    out.push_str("## Other findings\n\n");
    for f in others {
        finding(out, f);
    }
}

fn finding(out: &mut String, f: &Finding) {
    let _ = writeln!(out, "### {} ({})\n", cell(&f.title), f.severity.word());
    let _ = writeln!(out, "{}\n", cell(&f.message));
    let _ = writeln!(out, "What to do: {}\n", cell(&f.remedy));
    evidence_list(out, &f.evidence);
}

fn recommendations(out: &mut String, a: &Assessment) {
    let rest = a.recommendations.iter().skip(ACTION_PLAN);
    if rest.len() == 0 {
        return;
    }
    out.push_str(
        "## Further recommendations

",
    );
    for r in rest {
        recommendation(out, r);
    }
}

fn unanswered(out: &mut String, a: &Assessment) {
    let _ = writeln!(
        out,
        "## Unanswered questions\n\nCompleteness: {:.1} of 100.\n",
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
    let _ = writeln!(out, "## Gate\n\n{verdict}\n\n| Check | Result |\n|---|---|");
    for check in &gate.checks {
        let result = if check.passed() { "passed" } else { "failed" };
        let _ = writeln!(out, "| {} | {result} |", crate::gate::describe(check));
    }
    out.push('\n');
}

fn method(out: &mut String, a: &Assessment) {
    out.push_str("## Method\n\n");
    out.push_str(
        "- Each criterion turns the answers it reads into 0 to 100 points, over the answers given.\n",
    );
    out.push_str("- Strategy and implementation are each the mean of their criteria, weighted by each criterion's weight and the share of it answered, rounded to one decimal: an unanswered question counts neither as good nor as bad.\n");
    out.push_str("- Each score's range counts every unanswered part as 0 points (low) and as 100 points (high); with everything answered, the range is the score.\n");
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
}

fn evidence_list(out: &mut String, evidence: &[Evidence]) {
    if evidence.is_empty() {
        return;
    }
    out.push_str("Evidence:\n\n");
    for e in evidence {
        let _ = writeln!(out, "- {}", evidence_line(e));
    }
    out.push('\n');
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

fn quadrant_meaning(a: &Assessment) -> &str {
    &a.rubric.quadrants.get(a.quadrant).meaning
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
