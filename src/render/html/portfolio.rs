//! The portfolio as one HTML page: the chart with one point per
//! organization, the table, the totals and what could not be assessed, in
//! the order of the Markdown portfolio ([`crate::render::portfolio`]); with
//! `--detail`, each organization's report after it, headings one level down.

use super::{escape, mark, page, quadrant_names, spans, Writer};
use crate::assess::portfolio::{critical_count, Portfolio};
use crate::render::markdown::{capitalized, quadrant_name};
use crate::render::portfolio as words;
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
    chart(&mut out, p);
    out.heading(2, "Organizations");
    organizations(&mut out, p);
    out.heading(2, "Totals");
    out.paragraph(&format!("{}.", capitalized(&words::totals_line(p))));
    if !p.errors.is_empty() {
        out.heading(2, "Not assessed");
        let _ = writeln!(out.out, "<p>{}:</p>", spans(&words::not_assessed_spans(p)));
        out.list(&words::not_assessed(p));
    }
    let html = page(title, &out.out);
    // The page ends with `</main>` and what follows it; the reports go before.
    let (head, tail) = html.split_at(html.rfind("</main>").unwrap_or(html.len()));
    sink.write_all(head.as_bytes())?;
    if detail {
        for (i, a) in p.assessments.iter().enumerate() {
            sink.write_all(b"<article class=\"detail\">\n")?;
            match (&p.spill, p.kept.get(i).and_then(|k| k.html)) {
                (Some(spill), Some(kept)) => spill.copy(kept, sink)?,
                _ => sink.write_all(super::body(a, 1).as_bytes())?,
            }
            sink.write_all(b"</article>\n")?;
        }
    }
    sink.write_all(tail.as_bytes())
}

/// The chart: a point per organization, labelled with its name, or with
/// its number when names would crowd, the legend then under the chart.
fn chart(out: &mut Writer, p: &Portfolio) {
    let labels = words::unique_labels(&p.assessments);
    let numbered =
        labels.len() > LEGEND_PAST || labels.iter().any(|(l, _)| l.chars().count() > LONG_NAME);
    let marks: Vec<svg::Mark> = labels
        .iter()
        .enumerate()
        .map(|(i, (label, a))| {
            let shown = if numbered {
                (i + 1).to_string()
            } else {
                label.clone()
            };
            mark(a, shown)
        })
        .collect();
    let description = description(&labels);
    let names = p
        .assessments
        .first()
        .map_or(["Early", "Slide deck", "Unused tools", "Aligned"], |a| {
            quadrant_names(a)
        });
    let cut = p
        .assessments
        .first()
        .map_or(50.0, |a| a.rubric.quadrant_cut);
    let svg = svg::quadrants(&svg::Quadrants {
        cut,
        names,
        marks,
        title: "Strategy and implementation of every organization",
        description: &description,
        id: "",
    });
    let _ = writeln!(out.out, "<figure class=\"chart\">\n{svg}</figure>");
    if numbered {
        out.out
            .push_str("<ol class=\"legend\" aria-label=\"Legend of the chart\">\n");
        for (label, _) in &labels {
            let _ = writeln!(out.out, "<li>{}</li>", escape(label));
        }
        out.out.push_str("</ol>\n");
    }
    let unplaced: Vec<String> = labels
        .iter()
        .filter_map(|(label, a)| {
            crate::render::chart::not_placed(a).map(|why| format!("{label} ({why})"))
        })
        .collect();
    if !unplaced.is_empty() {
        out.paragraph(&crate::render::chart::not_placed_line(&unplaced));
    }
}

/// The chart in words: each organization's scores and quadrant.
fn description(labels: &[(String, &crate::assessment::Assessment)]) -> String {
    let mut text = format!(
        "{} on the chart of strategy against implementation.",
        capitalized(&count(labels.len(), "organization", "organizations"))
    );
    let scored = |v: Option<f64>| v.map_or_else(|| "not scored".to_owned(), |v| format!("{v:.1}"));
    for (label, a) in labels {
        let _ = write!(
            text,
            " {label}: strategy {}, implementation {}, {}.",
            scored(a.scores.strategy),
            scored(a.scores.implementation),
            quadrant_name(a, a.quadrant)
        );
    }
    text
}

fn organizations(out: &mut Writer, p: &Portfolio) {
    let gated = p.assessments.iter().any(|a| a.gate.is_some());
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
    let rows: Vec<Vec<String>> = p
        .assessments
        .iter()
        .map(|a| {
            let mut row = vec![
                a.organization.name.clone(),
                score(a.scores.strategy),
                score(a.scores.implementation),
                words::overall(a),
                capitalized(a.level.word()),
                quadrant_name(a, a.quadrant).to_owned(),
                words::focus_phrase(a).to_owned(),
                words::purgatory_phrase(a).to_owned(),
                critical_count(a).to_string(),
            ];
            if gated {
                row.push(words::gate_word(a));
            }
            row
        })
        .collect();
    out.table("Every organization assessed", &head, &rows, &[1, 2, 3, 8]);
}
