//! The portfolio as one HTML page: the chart with one point per
//! organization, the table, the totals and what could not be assessed, in
//! the order of the Markdown portfolio ([`crate::render::portfolio`]); with
//! `--detail`, each organization's report after it, headings one level down.

use super::{escape, mark, page, quadrant_names, spans, Writer};
use crate::portfolio::{Portfolio, PortfolioRow};
use crate::render::markdown::capitalized;
use crate::render::portfolio::{self as words, quadrant_name};
use crate::render::svg;
use crate::render::words::{count, score};
use crate::vocabulary::Word;
use std::fmt::Write as _;

/// Past this many organizations, or when a name is long, the chart labels
/// each point with its number and a legend under the chart names them.
const LEGEND_PAST: usize = 6;
const LONG_NAME: usize = 28;

/// The portfolio, written as it goes; each report, with `--detail`, copied
/// from where it was kept when it was assessed.
pub fn write(p: &Portfolio, detail: bool, sink: &mut dyn std::io::Write) -> std::io::Result<()> {
    let title = "AI readiness portfolio";
    let mut out = Writer::new(0);
    out.heading(1, title);
    out.paragraph(&words::listed(p));
    out.heading(2, "Where they stand");
    crate::text::append(&mut out, |out| chart(out, p));
    out.heading(2, "Organizations");
    organizations(&mut out, p);
    out.heading(2, "Totals");
    out.paragraph(&format!("{}.", capitalized(&words::totals_line(p))));
    let failed = words::failed_gates(p);
    if !failed.is_empty() {
        out.heading(2, "Failed gates");
        out.list(&failed);
    }
    if !p.errors.is_empty() {
        out.heading(2, "Not assessed");
        crate::text::append(&mut out.out, |html| {
            writeln!(html, "<p>{}:</p>", spans(&words::not_assessed_spans(p)))
        });
        out.list(&words::not_assessed(p));
    }
    let html = page(title, &out.out);
    // The page ends with `</main>` and what follows it; the reports go before.
    let (head, tail) = html.split_at(html.rfind("</main>").unwrap_or(html.len()));
    sink.write_all(head.as_bytes())?;
    if detail {
        for r in &p.rows {
            sink.write_all(b"<article class=\"detail\">\n")?;
            p.copy(r, r.reports.html, "HTML", sink)?;
            sink.write_all(b"</article>\n")?;
        }
    }
    sink.write_all(tail.as_bytes())
}

/// The chart: a point per organization, labelled with its name, or with
/// its number when names would crowd, the legend then under the chart.
fn chart(out: &mut Writer, p: &Portfolio) -> std::fmt::Result {
    let labels = words::unique_labels(&p.rows);
    let numbered =
        labels.len() > LEGEND_PAST || labels.iter().any(|(l, _)| l.chars().count() > LONG_NAME);
    let marks: Vec<svg::Mark> = labels
        .iter()
        .enumerate()
        .map(|(i, (label, r))| {
            let shown = if numbered {
                (i + 1).to_string()
            } else {
                label.clone()
            };
            mark(&r.scores, r.confidence, baseline_point(r), shown)
        })
        .collect();
    let description = description(&labels);
    let names = p
        .rows
        .first()
        .map_or(["Early", "Slide deck", "Unused tools", "Aligned"], |r| {
            quadrant_names(&r.rubric)
        });
    let cut = p.rows.first().map_or(50.0, |r| r.rubric.quadrant_cut);
    let svg = svg::quadrants(&svg::Quadrants {
        cut,
        names,
        marks,
        title: "Strategy and implementation of every organization",
        description: &description,
        id: "",
    });
    writeln!(out.out, "<figure class=\"chart\">\n{svg}</figure>")?;
    if numbered {
        out.out
            .push_str("<ol class=\"legend\" aria-label=\"Legend of the chart\">\n");
        for (label, _) in &labels {
            writeln!(out.out, "<li>{}</li>", escape(label))?;
        }
        out.out.push_str("</ol>\n");
    }
    let unplaced: Vec<String> = labels
        .iter()
        .filter_map(|(label, r)| {
            crate::render::chart::not_placed(&r.scores).map(|why| format!("{label} ({why})"))
        })
        .collect();
    if !unplaced.is_empty() {
        out.paragraph(&crate::render::chart::not_placed_line(&unplaced));
    }
    Ok(())
}

/// Where the baseline put an organization, when both sides were scored.
fn baseline_point(r: &PortfolioRow) -> Option<(f64, f64)> {
    let b = r.baseline.as_ref()?;
    let before = |change: &Option<crate::diff::NumberChange>| change.as_ref()?.before;
    before(&b.strategy).zip(before(&b.implementation))
}

/// The chart in words: each organization's scores and quadrant.
fn description(labels: &[(String, &PortfolioRow)]) -> String {
    // Only an organization scored on both sides has a point.
    let placed = labels
        .iter()
        .filter(|(_, r)| r.scores.strategy.is_some() && r.scores.implementation.is_some())
        .count();
    let mut text = format!(
        "{} on the chart of strategy against implementation.",
        capitalized(&count(placed, "organization", "organizations"))
    );
    let scored = |v: Option<f64>| v.map_or_else(|| "not scored".to_owned(), |v| format!("{v:.1}"));
    crate::text::append(&mut text, |text| {
        for (label, r) in labels {
            write!(
                text,
                " {label}: strategy {}, implementation {}, {}.",
                scored(r.scores.strategy),
                scored(r.scores.implementation),
                quadrant_name(r, r.quadrant)
            )?;
        }
        Ok(())
    });
    text
}

fn organizations(out: &mut Writer, p: &Portfolio) {
    let gated = p.rows.iter().any(|r| r.gate.is_some());
    let mut head = vec![
        "Organization",
        "Strategy",
        "Implementation",
        words::overall_heading(p),
        "Level",
        "Quadrant",
        "Focus",
        "Pilot purgatory",
        "Critical findings",
    ];
    if gated {
        head.push("Gate");
    }
    let names = words::Names::of_rows(&p.rows);
    let rows: Vec<Vec<String>> = p
        .rows
        .iter()
        .map(|r| {
            let mut row = vec![
                names.of(r),
                score(r.scores.strategy),
                score(r.scores.implementation),
                words::overall(r),
                capitalized(r.level.word()),
                quadrant_name(r, r.quadrant).to_owned(),
                words::focus_phrase(r.focus).to_owned(),
                words::purgatory_phrase(r).to_owned(),
                r.critical.to_string(),
            ];
            if gated {
                row.push(words::gate_word(r));
            }
            row
        })
        .collect();
    out.table("Every organization assessed", &head, &rows, &[1, 2, 3, 8]);
}
