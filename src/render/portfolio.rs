//! The portfolio: one row per organization, then the totals, in the table and
//! Markdown formats; with `--detail`, each organization's report after it.

use super::chart;
use super::markdown::{capitalized, cell};
use super::story::Span;
use super::words::{new_table, right_align, score, try_fit, widen_to_words, width_for_words, wrap};
use crate::assessment::Assessment;
use crate::portfolio::{Portfolio, PortfolioRow};
use crate::vocabulary::{Focus, PurgatoryStatus, Quadrant, Word};
use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::io;

/// The portfolio as a table, written as it goes: each organization's report,
/// with `--detail`, copied from where it was kept when it was assessed (in
/// colour or not, as chosen then).
pub fn write_table(
    p: &Portfolio,
    width: u16,
    detail: bool,
    sink: &mut dyn io::Write,
) -> io::Result<()> {
    let opening = format!(
        "Portfolio: {} organization{}, {}.",
        p.portfolio.organizations,
        plural(p.portfolio.organizations),
        p.portfolio.order
    );
    writeln!(sink, "{}\n", wrap(&opening, width, "", ""))?;
    let gated = p.rows.iter().any(|r| r.gate.is_some());
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
    write_rows(p, &header, gated, width, sink)?;
    sink.write_all(b"\n")?;
    let rest = crate::text::written(|out| {
        let totals = format!("Totals: {}.", totals_line(p));
        writeln!(out, "{}", wrap(&totals, width, "", ""))?;
        if let Some(line) = accepted_line(p) {
            writeln!(out, "{}", wrap(&line, width, "", ""))?;
        }
        let failed = failed_gates(p);
        if !failed.is_empty() {
            writeln!(out, "\nFailed gates:")?;
            for line in &failed {
                writeln!(out, "{}", wrap(line, width, "  ", "    "))?;
            }
        }
        if !p.errors.is_empty() {
            let heading = format!("{}:", not_assessed_heading(p));
            writeln!(out, "\n{}", wrap(&heading, width, "", ""))?;
            for line in not_assessed(p) {
                writeln!(out, "{}", wrap(&line, width, "  ", "    "))?;
            }
        }
        Ok(())
    });
    sink.write_all(rest.as_bytes())?;
    if detail {
        for r in &p.rows {
            p.copy(r, r.reports.table, "table", sink)?;
        }
    }
    Ok(())
}

/// One organization's cells in the table.
fn cells(r: &PortfolioRow, names: &Names<'_>, gated: bool) -> Vec<String> {
    let mut row = vec![
        names.of(r),
        score(r.scores.strategy),
        score(r.scores.implementation),
        overall(r),
        r.level.word().to_owned(),
        r.quadrant.word().to_owned(),
        r.focus.word().to_owned(),
        purgatory_word(r).to_owned(),
        r.critical.to_string(),
    ];
    if gated {
        row.push(gate_word(r));
    }
    row
}

/// The rows, each line ended: a table laid out to the width with no word
/// split or, where the columns cannot fit, each organization as a block of
/// its own. Whether the longest words fit is found from the cells one row
/// at a time, so that a portfolio too wide for the table is never built
/// into one.
fn write_rows(
    p: &Portfolio,
    header: &[&str],
    gated: bool,
    width: u16,
    sink: &mut dyn io::Write,
) -> io::Result<()> {
    let names = Names::of_rows(&p.rows);
    let mut longest = vec![0usize; header.len()];
    widen_to_words(&mut longest, header.iter().copied());
    for r in &p.rows {
        widen_to_words(
            &mut longest,
            cells(r, &names, gated).iter().map(String::as_str),
        );
    }
    // As `try_fit` finds it.
    if width_for_words(&longest) > usize::from(width) {
        return write_narrow_rows(p, gated, width, sink);
    }
    let mut t = new_table(header);
    for r in &p.rows {
        t.add_row(cells(r, &names, gated));
    }
    right_align(&mut t, &[1, 2, 3]);
    match try_fit(&t, width) {
        Some(rows) => writeln!(sink, "{rows}"),
        None => write_narrow_rows(p, gated, width, sink),
    }
}

/// The rows for a terminal too narrow for the table: each organization in a
/// sentence of its own, wrapped, with the same facts in the same order.
fn write_narrow_rows(
    p: &Portfolio,
    gated: bool,
    width: u16,
    sink: &mut dyn io::Write,
) -> io::Result<()> {
    let names = Names::of_rows(&p.rows);
    for r in &p.rows {
        let critical = r.critical as usize;
        let mut row = format!(
            "{}: overall {}{} (strategy {}, implementation {}); {}, {}; focus {}; purgatory {}; {critical} critical finding{}",
            names.of(r),
            score(r.scores.overall),
            overall_change(r).map_or_else(String::new, |c| {
                if r.baseline.as_ref().is_some_and(|b| b.another.is_some()) {
                    format!(", {c}")
                } else {
                    format!(", {c} since the baseline")
                }
            }),
            score(r.scores.strategy),
            score(r.scores.implementation),
            r.level,
            r.quadrant,
            r.focus,
            purgatory_word(r),
            plural(critical)
        );
        if gated {
            crate::text::append(&mut row, |row| write!(row, "; gate {}", gate_word(r)));
        }
        writeln!(sink, "{}", wrap(&row, width, "", "  "))?;
    }
    Ok(())
}

/// The overall score's heading: with a baseline, its change is beside it.
pub(super) fn overall_heading(p: &Portfolio) -> &'static str {
    if p.rows.iter().any(|r| r.baseline.is_some()) {
        "Overall (change since the baseline)"
    } else {
        "Overall"
    }
}

/// The overall score's change since the baseline, signed; `None` without
/// one. Against another organization's baseline it says so: the number
/// is then no change of this one.
fn overall_change(r: &PortfolioRow) -> Option<String> {
    let baseline = r.baseline.as_ref()?;
    let change = super::diff::signed(baseline.overall.as_ref()?.change);
    Some(match &baseline.another {
        Some(other) => format!("{change} against {other}, another organization"),
        None => change,
    })
}

/// The overall score, and with a baseline its change since.
pub(super) fn overall(r: &PortfolioRow) -> String {
    match overall_change(r) {
        Some(change) => format!("{} ({change})", score(r.scores.overall)),
        None => score(r.scores.overall),
    }
}

/// One organization's table as `--detail` shows it, after a rule.
pub fn table_detail(a: &Assessment, width: u16, color: bool) -> String {
    let mut out = format!("\n{}\n\n", "═".repeat(usize::from(width.min(100))));
    out.push_str(&super::table::render(a, width, color));
    out
}

/// The portfolio as a Markdown report, with every organization on one
/// chart; with `detail`, each organization's report must have been kept.
pub fn markdown(p: &Portfolio, detail: bool) -> io::Result<String> {
    let mut out = Vec::new();
    write_markdown(p, detail, &mut out)?;
    Ok(String::from_utf8_lossy(&out).into_owned())
}

/// The portfolio in Markdown, written as it goes, as [`write_table`].
pub fn write_markdown(p: &Portfolio, detail: bool, sink: &mut dyn io::Write) -> io::Result<()> {
    let out = crate::text::written(|out| {
        writeln!(out, "# AI readiness portfolio\n")?;
        writeln!(out, "{}\n", listed(p))?;
        out.push_str("## Where they stand\n\n");
        let first = p.rows.first();
        chart::header(out, |q| {
            first.map_or(q.word(), |r| quadrant_name(r, q)).to_owned()
        });
        let named: Vec<_> = unique_labels(&p.rows)
            .into_iter()
            .map(|(label, r)| (label, &r.scores, r.rubric.quadrant_cut))
            .collect();
        chart::points(out, &named);
        out.push_str("\n## Organizations\n\n");
        let gated = p.rows.iter().any(|r| r.gate.is_some());
        write!(out, "| Organization | Strategy | Implementation | {} | Level | Quadrant | Focus | Pilot purgatory | Critical findings |", overall_heading(p))?;
        out.push_str(if gated { " Gate |\n" } else { "\n" });
        out.push_str("| --- | ---: | ---: | ---: | --- | --- | --- | --- | ---: |");
        out.push_str(if gated { " --- |\n" } else { "\n" });
        let row_names = Names::of_rows(&p.rows);
        for r in &p.rows {
            write!(
                out,
                "| {} | {} | {} | {} | {} | {} | {} | {} | {} |",
                cell(&row_names.of(r)),
                score(r.scores.strategy),
                score(r.scores.implementation),
                // It may name the baseline's organization.
                cell(&overall(r)),
                capitalized(r.level.word()),
                cell(quadrant_name(r, r.quadrant)),
                focus_phrase(r.focus),
                purgatory_phrase(r),
                r.critical
            )?;
            if gated {
                write!(out, " {} |", gate_word(r))?;
            }
            out.push('\n');
        }
        writeln!(out, "\n## Totals\n\n{}.", capitalized(&totals_line(p)))?;
        if let Some(line) = accepted_line(p) {
            writeln!(out, "\n{}", cell(&line))?;
        }
        let failed = failed_gates(p);
        if !failed.is_empty() {
            writeln!(out, "\n## Failed gates\n")?;
            for line in &failed {
                writeln!(out, "- {}", cell(line))?;
            }
        }
        if !p.errors.is_empty() {
            writeln!(out, "\n## Not assessed\n\n{}:\n", not_assessed_heading(p))?;
            for line in not_assessed(p) {
                writeln!(out, "- {}", cell(&line))?;
            }
        }
        Ok(())
    });
    sink.write_all(out.as_bytes())?;
    if detail {
        for r in &p.rows {
            // One blank line between reports, and none after the last.
            sink.write_all(b"\n")?;
            p.copy(r, r.reports.markdown, "Markdown", sink)?;
        }
    }
    Ok(())
}

/// Each failed check of each organization's gate, as its line on standard
/// error says it: a row marked as failed says why. (What to do is in each
/// organization's own report, which a portfolio shows only with
/// `--detail`: not said here.)
pub(super) fn failed_gates(p: &Portfolio) -> Vec<String> {
    super::failed_lines(&super::gated_rows(p.rows.iter()))
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
            crate::text::append(&mut line, |line| {
                if let Some(first) = e.problems.first() {
                    if let (Some(l), Some(c)) = (first.line, first.column) {
                        write!(line, "line {l}, column {c}: ")?;
                    }
                    line.push_str(&first.message);
                }
                let more = e.problems.len().saturating_sub(1) + e.more;
                if more > 0 {
                    write!(line, " (and {more} more problem{})", plural(more))?;
                }
                Ok(())
            });
            line
        })
        .collect()
}

pub(super) fn totals_line(p: &Portfolio) -> String {
    let t = &p.portfolio;
    let count = |q: Quadrant| t.quadrants.get(q);
    let benchmark = p.rows.first().map(|r| r.benchmark_pct);
    let rate = match (t.pilot_to_production_pct, benchmark) {
        (Some(rate), Some(b)) => format!(
            "{rate:.1}% of started pilots are in production or scaled (industry figure: {b:.0}%)"
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
pub(super) fn gate_word(r: &PortfolioRow) -> String {
    let word = match &r.gate {
        Some(g) if g.passed => "passed",
        Some(_) => "FAILED",
        None => return String::new(),
    };
    match r.accepted {
        0 => word.to_owned(),
        n => format!("{word}, {n} accepted"),
    }
}

/// Where the accepted findings are, when any is: one sentence.
pub(super) fn accepted_line(p: &Portfolio) -> Option<String> {
    let total: usize = p.rows.iter().map(|r| r.accepted as usize).sum();
    if total == 0 {
        return None;
    }
    let organizations = p.rows.iter().filter(|r| r.accepted > 0).count();
    Some(format!(
        "Accepted: {total} finding{} in {organizations} organization{} left out of the gate by the settings file's [[accept]] entries; each organization's report (--detail) lists them under \"Accepted risks\".",
        plural(total),
        plural(organizations)
    ))
}

pub(super) fn focus_phrase(focus: Focus) -> &'static str {
    match focus {
        Focus::Strategy => "Strategy",
        Focus::Implementation => "Implementation",
        Focus::Parallel => "Both in parallel",
        Focus::Scale => "Scale",
    }
}

pub(super) fn purgatory_phrase(r: &PortfolioRow) -> &'static str {
    match r.purgatory {
        _ if !r.pilots_listed => "Not judged",
        PurgatoryStatus::Stuck => "Stuck",
        PurgatoryStatus::AtRisk => "At risk",
        PurgatoryStatus::None => "Clear",
    }
}

/// The purgatory status in the report's words, or `not judged` when the
/// pilots list was left out.
fn purgatory_word(r: &PortfolioRow) -> &'static str {
    if r.pilots_listed {
        r.purgatory.word()
    } else {
        "not judged"
    }
}

/// Chart labels, each the organization's name as its row gives it
/// ([`Names`]); one still shared (the same name and file, by two
/// spellings) is numbered.
pub(super) fn unique_labels(rows: &[PortfolioRow]) -> Vec<(String, &PortfolioRow)> {
    let names = Names::of_rows(rows);
    let mut seen: BTreeMap<String, usize> = BTreeMap::new();
    rows.iter()
        .map(|r| {
            let label = names.of(r);
            let n = seen.entry(label.clone()).or_default();
            *n += 1;
            let label = if *n == 1 {
                label
            } else {
                format!("{label} ({n})")
            };
            (label, r)
        })
        .collect()
}

/// The names of the organizations of a portfolio as their rows give
/// them: a name two organizations share is followed by each one's file
/// ("Northwind Retail (q3/northwind.yaml)"), so that no two rows look the
/// same.
pub(super) struct Names<'r> {
    shared: rustc_hash::FxHashSet<&'r str>,
}

impl<'r> Names<'r> {
    pub(super) fn of_rows(rows: &'r [PortfolioRow]) -> Names<'r> {
        let mut once = rustc_hash::FxHashSet::default();
        let shared = rows
            .iter()
            .map(|r| r.organization.as_str())
            .filter(|name| !once.insert(*name))
            .collect();
        Names { shared }
    }

    pub(super) fn of(&self, r: &PortfolioRow) -> String {
        if self.shared.contains(r.organization.as_str()) {
            format!("{} ({})", r.organization, r.source)
        } else {
            r.organization.clone()
        }
    }
}

/// A quadrant's name as the row's rubric words it.
pub(super) fn quadrant_name(r: &PortfolioRow, q: Quadrant) -> &str {
    &r.rubric.quadrants.get(q).name
}

pub(super) fn plural(n: usize) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}
