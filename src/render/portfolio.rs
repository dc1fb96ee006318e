//! The portfolio: one row per organization, then the totals, in the table and
//! Markdown formats; with `--detail`, each organization's report after it.

use super::chart;
use super::markdown::{capitalized, cell, quadrant_name};
use super::story::Span;
use super::words::{new_table, right_align, score, try_fit, wrap};
use crate::assess::portfolio::{critical_count, Portfolio};
use crate::assessment::Assessment;
use crate::vocabulary::{Focus, PurgatoryStatus, Quadrant, Word};
use std::collections::BTreeMap;
use std::fmt::Write as _;

/// The portfolio for a terminal `width` columns wide.
pub fn table(p: &Portfolio, width: u16, color: bool, detail: bool) -> String {
    let mut out = Vec::new();
    // Writing into memory cannot fail.
    let _ = write_table(p, width, color, detail, &mut out);
    String::from_utf8_lossy(&out).into_owned()
}

/// The portfolio as a table, written as it goes: each organization's report,
/// with `--detail`, copied from where it was kept when it was assessed.
pub fn write_table(
    p: &Portfolio,
    width: u16,
    color: bool,
    detail: bool,
    sink: &mut dyn std::io::Write,
) -> std::io::Result<()> {
    let mut out = String::new();
    let opening = format!(
        "Portfolio: {} organization{}, {}.",
        p.portfolio.organizations,
        plural(p.portfolio.organizations),
        p.portfolio.order
    );
    let _ = writeln!(out, "{}\n", wrap(&opening, width, "", ""));
    let gated = p.assessments.iter().any(|a| a.gate.is_some());
    let mut header = vec![
        "Organization",
        "Strategy",
        "Implementation",
        overall_heading(p),
        "Level",
        "Quadrant",
        "Focus",
        "Purgatory",
        "Critical",
    ];
    if gated {
        header.push("Gate");
    }
    // Laid out to the width with no word split; where the columns cannot
    // fit, each organization becomes a block of its own.
    let mut t = new_table(&header, Some(width), false);
    for a in &p.assessments {
        let mut row = vec![
            a.organization.name.clone(),
            score(a.scores.strategy),
            score(a.scores.implementation),
            overall(a),
            a.level.word().to_owned(),
            a.quadrant.word().to_owned(),
            a.focus.word().to_owned(),
            a.purgatory.status.word().to_owned(),
            critical_count(a).to_string(),
        ];
        if gated {
            row.push(gate_word(a));
        }
        t.add_row(row);
    }
    right_align(&mut t, &[1, 2, 3]);
    let rows = try_fit(&mut t, width).unwrap_or_else(|| narrow_rows(p, gated, width));
    let _ = writeln!(out, "{rows}\n");
    let totals = format!("Totals: {}.", totals_line(p));
    let _ = writeln!(out, "{}", wrap(&totals, width, "", ""));
    if let Some(line) = accepted_line(p) {
        let _ = writeln!(out, "{}", wrap(&line, width, "", ""));
    }
    if !p.errors.is_empty() {
        let heading = format!("{}:", not_assessed_heading(p));
        let _ = writeln!(out, "\n{}", wrap(&heading, width, "", ""));
        for line in not_assessed(p) {
            let _ = writeln!(out, "{}", wrap(&line, width, "  ", "    "));
        }
    }
    sink.write_all(out.as_bytes())?;
    if detail {
        for (i, a) in p.assessments.iter().enumerate() {
            match (&p.spill, p.kept.get(i).and_then(|k| k.table)) {
                (Some(spill), Some(kept)) => spill.copy(kept, sink)?,
                _ => sink.write_all(table_detail(a, width, color).as_bytes())?,
            }
        }
    }
    Ok(())
}

/// The rows for a terminal too narrow for the table: each organization in a
/// sentence of its own, wrapped, with the same facts in the same order.
fn narrow_rows(p: &Portfolio, gated: bool, width: u16) -> String {
    let mut rows = Vec::with_capacity(p.assessments.len());
    for a in &p.assessments {
        let critical = critical_count(a);
        let mut row = format!(
            "{}: overall {}{} (strategy {}, implementation {}); {}, {}; focus {}; purgatory {}; {critical} critical finding{}",
            a.organization.name,
            score(a.scores.overall),
            overall_change(a).map_or_else(String::new, |c| format!(", {c} since the baseline")),
            score(a.scores.strategy),
            score(a.scores.implementation),
            a.level,
            a.quadrant,
            a.focus,
            a.purgatory.status,
            plural(critical)
        );
        if gated {
            let _ = write!(row, "; gate {}", gate_word(a));
        }
        rows.push(wrap(&row, width, "", "  "));
    }
    rows.join("\n")
}

/// The overall score's heading: with a baseline, its change is beside it.
pub(super) fn overall_heading(p: &Portfolio) -> &'static str {
    if p.assessments.iter().any(|a| a.comparison.is_some()) {
        "Overall (change since the baseline)"
    } else {
        "Overall"
    }
}

/// The overall score's change since the baseline, signed; `None` without one.
fn overall_change(a: &Assessment) -> Option<String> {
    let comparison = a.comparison.as_ref()?;
    let overall = comparison.scores.iter().find(|s| s.name == "overall")?;
    Some(super::diff::signed(overall.value.change))
}

/// The overall score, and with a baseline its change since.
pub(super) fn overall(a: &Assessment) -> String {
    match overall_change(a) {
        Some(change) => format!("{} ({change})", score(a.scores.overall)),
        None => score(a.scores.overall),
    }
}

/// One organization's table as `--detail` shows it, after a rule.
pub fn table_detail(a: &Assessment, width: u16, color: bool) -> String {
    let mut out = format!("\n{}\n\n", "═".repeat(usize::from(width.min(100))));
    out.push_str(&super::table::render(a, width, color));
    out
}

/// The portfolio as a Markdown report, with every organization on one chart.
pub fn markdown(p: &Portfolio, detail: bool) -> String {
    let mut out = Vec::new();
    // Writing into memory cannot fail.
    let _ = write_markdown(p, detail, &mut out);
    String::from_utf8_lossy(&out).into_owned()
}

/// The portfolio in Markdown, written as it goes, as [`write_table`].
pub fn write_markdown(
    p: &Portfolio,
    detail: bool,
    sink: &mut dyn std::io::Write,
) -> std::io::Result<()> {
    let mut out = String::new();
    let _ = writeln!(out, "# AI readiness portfolio\n");
    let _ = writeln!(out, "{}\n", listed(p));
    out.push_str("## Where they stand\n\n");
    let first = p.assessments.first();
    chart::header(&mut out, |q| {
        first.map_or(q.word(), |a| quadrant_name(a, q)).to_owned()
    });
    chart::points(&mut out, &unique_labels(&p.assessments));
    out.push_str("\n## Organizations\n\n");
    let gated = p.assessments.iter().any(|a| a.gate.is_some());
    let _ = write!(out, "| Organization | Strategy | Implementation | {} | Level | Quadrant | Focus | Pilot purgatory | Critical findings |", overall_heading(p));
    out.push_str(if gated { " Gate |\n" } else { "\n" });
    out.push_str("| --- | ---: | ---: | ---: | --- | --- | --- | --- | ---: |");
    out.push_str(if gated { " --- |\n" } else { "\n" });
    for a in &p.assessments {
        let _ = write!(
            out,
            "| {} | {} | {} | {} | {} | {} | {} | {} | {} |",
            cell(&a.organization.name),
            score(a.scores.strategy),
            score(a.scores.implementation),
            overall(a),
            capitalized(a.level.word()),
            cell(quadrant_name(a, a.quadrant)),
            focus_phrase(a),
            purgatory_phrase(a),
            critical_count(a)
        );
        if gated {
            let _ = write!(out, " {} |", gate_word(a));
        }
        out.push('\n');
    }
    let _ = writeln!(out, "\n## Totals\n\n{}.", capitalized(&totals_line(p)));
    if let Some(line) = accepted_line(p) {
        let _ = writeln!(out, "\n{}", cell(&line));
    }
    if !p.errors.is_empty() {
        let _ = writeln!(out, "\n## Not assessed\n\n{}:\n", not_assessed_heading(p));
        for line in not_assessed(p) {
            let _ = writeln!(out, "- {}", cell(&line));
        }
    }
    sink.write_all(out.as_bytes())?;
    if detail {
        for (i, a) in p.assessments.iter().enumerate() {
            // One blank line between reports, and none after the last.
            sink.write_all(b"\n")?;
            match (&p.spill, p.kept.get(i).and_then(|k| k.markdown)) {
                (Some(spill), Some(kept)) => spill.copy(kept, sink)?,
                _ => sink.write_all(markdown_detail(a).as_bytes())?,
            }
        }
    }
    Ok(())
}

/// How many organizations, and in what order they are listed.
pub(super) fn listed(p: &Portfolio) -> String {
    format!(
        "{} organization{}, listed {}.",
        p.portfolio.organizations,
        plural(p.portfolio.organizations),
        p.portfolio.order
    )
}

/// One organization's Markdown report as `--detail` shows it: its headings
/// one level down, under the portfolio's, each naming the organization so
/// that no two headings of the portfolio read the same.
pub fn markdown_detail(a: &Assessment) -> String {
    let mut out = String::new();
    let name = cell(&a.organization.name);
    for line in super::markdown::render(a).lines() {
        if line.starts_with("# ") {
            out.push('#');
            out.push_str(line);
        } else if line.starts_with('#') {
            out.push('#');
            out.push_str(line);
            out.push_str(" — ");
            out.push_str(&name);
        } else {
            out.push_str(line);
        }
        out.push('\n');
    }
    out
}

/// How many inputs could not be assessed, and where all their problems are.
fn not_assessed_heading(p: &Portfolio) -> String {
    not_assessed_spans(p)
        .iter()
        .map(|piece| match piece {
            Span::Code(t) => format!("`{t}`"),
            Span::Text(t) | Span::Strong(t) | Span::Em(t) => t.clone(),
        })
        .collect()
}

/// [`not_assessed_heading`] in pieces, the command as code.
pub(super) fn not_assessed_spans(p: &Portfolio) -> [Span; 3] {
    let n = p.errors.len();
    [
        Span::Text(format!(
            "{n} input{} could not be assessed and {} not counted above (standard error, or ",
            plural(n),
            if n == 1 { "is" } else { "are" }
        )),
        Span::Code("readiness validate".to_owned()),
        Span::Text(", lists every problem)".to_owned()),
    ]
}

/// One line per input not assessed: its first problem, where, and how many more.
pub(super) fn not_assessed(p: &Portfolio) -> Vec<String> {
    p.errors
        .iter()
        .map(|e| {
            let mut line = e.file.clone().map(|f| f + ": ").unwrap_or_default();
            if let Some(first) = e.problems.first() {
                if let (Some(l), Some(c)) = (first.line, first.column) {
                    let _ = write!(line, "line {l}, column {c}: ");
                }
                line.push_str(&first.message);
            }
            let more = e.problems.len().saturating_sub(1) + e.more;
            if more > 0 {
                let _ = write!(line, " (and {more} more problem{})", plural(more));
            }
            line
        })
        .collect()
}

pub(super) fn totals_line(p: &Portfolio) -> String {
    let t = &p.portfolio;
    let count = |q: Quadrant| t.quadrants.get(q.word()).copied().unwrap_or(0);
    let benchmark = p.assessments.first().map(|a| &a.purgatory.benchmark);
    let rate = match (t.pilot_to_production_pct, benchmark) {
        (Some(rate), Some(b)) => format!(
            "{rate:.1}% of started pilots are in production or scaled (industry figure: {:.0}%)",
            b.pilot_to_production_pct
        ),
        (Some(rate), None) => format!("{rate:.1}% of started pilots are in production or scaled"),
        (None, _) => "no pilot has started yet".to_owned(),
    };
    format!(
        "aligned {}, slide deck {}, unused tools {}, early {}; stuck in pilot purgatory: {}; {rate}",
        count(Quadrant::Aligned),
        count(Quadrant::SlideDeck),
        count(Quadrant::UnusedTools),
        count(Quadrant::Early),
        t.stuck
    )
}

/// The gate's result, with how many findings acceptances left out of it:
/// a gate that passed because risks were accepted says so.
pub(super) fn gate_word(a: &Assessment) -> String {
    let word = match &a.gate {
        Some(g) if g.passed => "passed",
        Some(_) => "FAILED",
        None => return String::new(),
    };
    match super::accepted_count(a) {
        0 => word.to_owned(),
        n => format!("{word}, {n} accepted"),
    }
}

/// Where the accepted findings are, when any is: one sentence.
pub(super) fn accepted_line(p: &Portfolio) -> Option<String> {
    let counts: Vec<usize> = p.assessments.iter().map(super::accepted_count).collect();
    let total: usize = counts.iter().sum();
    if total == 0 {
        return None;
    }
    let organizations = counts.iter().filter(|&&n| n > 0).count();
    Some(format!(
        "Accepted: {total} finding{} in {organizations} organization{} left out of the gate by the settings file's [[accept]] entries; each organization's report (--detail) lists them under \"Accepted risks\".",
        plural(total),
        plural(organizations)
    ))
}

pub(super) fn focus_phrase(a: &Assessment) -> &'static str {
    match a.focus {
        Focus::Strategy => "Strategy",
        Focus::Implementation => "Implementation",
        Focus::Parallel => "Both in parallel",
        Focus::Scale => "Scale",
    }
}

pub(super) fn purgatory_phrase(a: &Assessment) -> &'static str {
    match a.purgatory.status {
        PurgatoryStatus::Stuck => "Stuck",
        PurgatoryStatus::AtRisk => "At risk",
        PurgatoryStatus::None => "Clear",
    }
}

/// Chart labels, made unique where two organizations share a name.
pub(super) fn unique_labels(assessments: &[Assessment]) -> Vec<(String, &Assessment)> {
    let mut seen: BTreeMap<String, usize> = BTreeMap::new();
    assessments
        .iter()
        .map(|a| {
            let label = a.organization.name.clone();
            let n = seen.entry(label.clone()).or_default();
            *n += 1;
            let label = if *n == 1 {
                label
            } else {
                format!("{label} ({n})")
            };
            (label, a)
        })
        .collect()
}

pub(super) fn plural(n: usize) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}
