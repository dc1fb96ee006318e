//! The leadership report as one self-contained HTML5 page: the same
//! sections, in the same order, from the same sentences as the Markdown
//! report ([`super::story`]), with a chart drawn as inline SVG
//! ([`super::svg`]) and a stylesheet for screens (light and dark) and for
//! print (A4 or Letter, "Evidence and method" on a new page). No script, no
//! outside resource: it opens offline, as an attachment, and under a strict
//! content security policy. Every outside text goes through [`escape`].

pub mod diff;
pub mod history;
pub mod portfolio;

use super::story::{self, after_the_focus, ActionItem, Span, ACTION_PLAN, DECISIONS_SHOWN};
use super::svg;
use super::words::{acceptance_lines, confidence_note, score};
use crate::assessment::{Assessment, Scores};
use crate::rubric::RubricRef;
use crate::vocabulary::{Confidence, Quadrant};
use std::fmt::Write as _;

pub use super::markup::escape;

/// A whole page: the document's head with its stylesheet, then `body`.
pub fn page(title: &str, body: &str) -> String {
    format!(
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>{}</title>\n<style>\n{STYLE}</style>\n</head>\n<body>\n<main>\n{body}</main>\n</body>\n</html>\n",
        escape(title)
    )
}

/// The report of one organization, as a page.
pub fn render(a: &Assessment) -> String {
    page(&title(a), &body(a, 0))
}

fn title(a: &Assessment) -> String {
    format!("AI readiness: {}", a.organization.name)
}

/// The report's content; headings `shift` levels down, for a report inside
/// a portfolio's page.
pub fn body(a: &Assessment, shift: u8) -> String {
    // Inside a portfolio, each heading and caption names the organization,
    // as the Markdown's do, and each table's label its file too, so that no
    // two read the same.
    let mut out = if shift == 0 {
        Writer::new(0)
    } else {
        Writer {
            out: String::new(),
            shift,
            id: format!("{}-", slug(&a.source)),
            suffix: format!(" — {}", a.organization.name),
            place: format!(" ({})", a.source),
        }
    };
    crate::text::append(&mut out, |out| {
        out.heading(1, &title(a));
        headline(out, a)?;
        decisions(out, a);
        action_plan(out, a)?;
        scores(out, a);
        chart(out, a)?;
        if let Some(line) = story::spend_line(a) {
            out.heading(2, "Spend");
            out.paragraph(&line);
        }
        if let Some(comparison) = &a.comparison {
            out.heading(2, "Since the baseline");
            out.list(&super::diff::three_lines(comparison));
        }
        evidence_and_method(out, a)?;
        framework_views(out, a);
        Ok(())
    });
    out.out
}

/// The "Framework view" of each framework asked for (`--framework`), as the
/// Markdown report gives it: each mapped id with what this assessment shows,
/// grouped by the framework's functions, clauses or chapters.
fn framework_views(out: &mut Writer, a: &Assessment) {
    use crate::coverage::{self, Status};
    for view in &a.framework_views {
        let c = coverage::coverage(&view.rubric, &view.framework, a);
        out.heading(2, &format!("Framework view: {}", view.framework.title()));
        out.paragraph(crate::frameworks::NOT_A_JUDGEMENT);
        out.paragraph(&super::frameworks::counts_sentence(&c));
        for (group, members) in coverage::groups(c.framework) {
            out.heading(3, group);
            let (mapped, not): (Vec<_>, Vec<_>) = members
                .iter()
                .filter_map(|&i| c.ids.get(i))
                .partition(|i| i.status != Status::NotAssessed);
            if !mapped.is_empty() {
                let rows: Vec<Vec<String>> = mapped
                    .iter()
                    .map(|i| {
                        vec![
                            super::frameworks::shown_id(&i.row),
                            i.row.entry.title.to_string(),
                            super::frameworks::shows(i),
                        ]
                    })
                    .collect();
                out.table(
                    group,
                    &["Id", "Title", "What this assessment shows"],
                    &rows,
                    &[],
                );
            }
            if !not.is_empty() {
                let ids: Vec<&str> = not.iter().map(|i| &*i.row.entry.id).collect();
                out.paragraph(&format!("Not assessed by this rubric: {}.", ids.join(", ")));
            }
        }
    }
}

/// The HTML being written, with the heading shift and the prefix that
/// keeps ids unique when several reports share a page.
struct Writer {
    out: String,
    shift: u8,
    id: String,
    /// After every heading but the title, and every caption.
    suffix: String,
    /// After every table's label.
    place: String,
}

impl Writer {
    fn new(shift: u8) -> Writer {
        Writer {
            out: String::new(),
            shift,
            id: String::new(),
            suffix: String::new(),
            place: String::new(),
        }
    }

    fn heading(&mut self, level: u8, text: &str) {
        let suffix = if level > 1 { self.suffix.as_str() } else { "" };
        let level = (level + self.shift).min(6);
        crate::text::append(&mut self.out, |out| {
            writeln!(
                out,
                "<h{level}>{}{}</h{level}>",
                escape(text),
                escape(suffix)
            )
        });
    }

    fn paragraph(&mut self, text: &str) {
        crate::text::append(&mut self.out, |out| {
            writeln!(out, "<p>{}</p>", escape(text))
        });
    }

    fn list(&mut self, lines: &[String]) {
        crate::text::append(&mut self.out, |out| {
            out.push_str("<ul>\n");
            for line in lines {
                writeln!(out, "<li>{}</li>", escape(line))?;
            }
            out.push_str("</ul>\n");
            Ok(())
        });
    }

    /// A table in a box of its own that scrolls when the table is wider
    /// than the screen; `numeric` columns align right.
    fn table(&mut self, caption: &str, head: &[&str], rows: &[Vec<String>], numeric: &[usize]) {
        let cells: Vec<Vec<String>> = rows
            .iter()
            .map(|row| row.iter().map(|c| escape(c)).collect())
            .collect();
        self.raw_table(caption, head, &cells, numeric);
    }

    /// A table whose cells are markup already.
    fn raw_table(&mut self, caption: &str, head: &[&str], rows: &[Vec<String>], numeric: &[usize]) {
        let caption = format!("{caption}{}", self.suffix);
        let label = format!("{caption}{}", self.place);
        crate::text::append(&mut self.out, |out| {
            labelled_table(out, &caption, &label, head, rows, numeric)
        });
    }
}

/// A table with its caption, in a box that scrolls, labelled `label` for
/// whoever moves from one region of the page to the next.
fn labelled_table(
    out: &mut String,
    caption: &str,
    label: &str,
    head: &[&str],
    rows: &[Vec<String>],
    numeric: &[usize],
) -> std::fmt::Result {
    writeln!(
        out,
        "<div class=\"table\" role=\"region\" aria-label=\"{}\" tabindex=\"0\">\n<table>\n<caption>{}</caption>\n<thead>\n<tr>",
        escape(label),
        escape(caption)
    )?;
    for (i, h) in head.iter().enumerate() {
        let class = if numeric.contains(&i) {
            " class=\"num\""
        } else {
            ""
        };
        write!(out, "<th scope=\"col\"{class}>{}</th>", escape(h))?;
    }
    out.push_str("</tr>\n</thead>\n<tbody>\n");
    for row in rows {
        out.push_str("<tr>");
        for (i, c) in row.iter().enumerate() {
            let class = if numeric.contains(&i) {
                " class=\"num\""
            } else {
                ""
            };
            // The first cell names the row.
            if i == 0 {
                write!(out, "<th scope=\"row\"{class}>{c}</th>")?;
            } else {
                write!(out, "<td{class}>{c}</td>")?;
            }
        }
        out.push_str("</tr>\n");
    }
    out.push_str("</tbody>\n</table>\n</div>\n");
    Ok(())
}

/// Inline pieces as HTML, outside text escaped.
pub fn spans(pieces: &[Span]) -> String {
    crate::text::written(|out| {
        for piece in pieces {
            match piece {
                Span::Text(t) => out.push_str(&escape(t)),
                Span::Code(t) => {
                    write!(out, "<code>{}</code>", escape(t))?;
                }
                Span::Strong(t) => {
                    write!(out, "<strong>{}</strong>", escape(t))?;
                }
                Span::Em(t) => {
                    write!(out, "<em>{}</em>", escape(t))?;
                }
            }
        }
        Ok(())
    })
}

/// A score as a bar, for the eye only: the number is beside it.
fn bar(value: f64) -> String {
    format!(
        "<svg class=\"bar\" viewBox=\"0 0 100 8\" aria-hidden=\"true\"><rect class=\"track\" width=\"100\" height=\"8\"/><rect class=\"fill\" width=\"{:.1}\" height=\"8\"/></svg>",
        value.clamp(0.0, 100.0)
    )
}

/// Title, date and confidence; the focus; the level, the quadrant and the
/// next level, each with what it means.
fn headline(out: &mut Writer, a: &Assessment) -> std::fmt::Result {
    if a.confidence == Confidence::Insufficient {
        writeln!(
            out.out,
            "<p class=\"warning\"><strong>Confidence: insufficient.</strong> {}</p>",
            escape(confidence_note(a))
        )?;
    }
    writeln!(out.out, "<p>{}</p>", spans(&story::assessed_line(a)))?;
    if let Some(line) = super::cases::answered_by(a, str::to_owned) {
        out.paragraph(&line);
    }
    writeln!(
        out.out,
        "<p class=\"focus\"><strong>{}</strong></p>",
        escape(&a.focus_reason)
    )?;
    if let Some(also) = story::focus_also(a) {
        out.paragraph(&also);
    }
    let items: Vec<String> = story::verdict_lines(a).iter().map(|l| spans(l)).collect();
    out.out.push_str("<ul class=\"verdict\">\n");
    for item in items {
        writeln!(out.out, "<li>{item}</li>")?;
    }
    out.out.push_str("</ul>\n");
    Ok(())
}

fn decisions(out: &mut Writer, a: &Assessment) {
    if a.decisions.is_empty() {
        return;
    }
    out.heading(2, "Decisions needed from leadership");
    decision_table(out, a, DECISIONS_SHOWN);
    if let Some(more) = story::more_decisions(a, "under Evidence and method") {
        out.paragraph(&more);
    }
}

fn decision_table(out: &mut Writer, a: &Assessment, rows: usize) {
    let rows: Vec<Vec<String>> = a
        .decisions
        .iter()
        .take(rows)
        .map(|d| story::decision_row(d).to_vec())
        .collect();
    out.table(
        "Go/no-go decisions, the longest running first",
        &story::DECISION_COLUMNS,
        &rows,
        &[3, 4],
    );
}

fn action_plan(out: &mut Writer, a: &Assessment) -> std::fmt::Result {
    out.heading(2, "Action plan");
    let mut summary = vec![story::findings_count(a), story::purgatory_line(a)];
    summary.extend(story::misconceptions_line(a));
    summary.extend(story::gate_line(a));
    out.paragraph(&summary.join(" "));
    let items = story::action_items(a, ACTION_PLAN);
    if items.is_empty() {
        return Ok(());
    }
    out.out.push_str("<ol class=\"actions\">\n");
    for item in &items {
        action_item(out, item)?;
    }
    out.out.push_str("</ol>\n");
    Ok(())
}

fn action_item(out: &mut Writer, item: &ActionItem) -> std::fmt::Result {
    let critical = if item.critical {
        "<strong class=\"critical\">Critical:</strong> "
    } else {
        ""
    };
    write!(
        out.out,
        "<li>{critical}<strong>{}</strong><br>Why: {}",
        escape(&item.title),
        escape(&item.why)
    )?;
    for extra in item.notes() {
        write!(out.out, "<br>{}", escape(extra))?;
    }
    out.out.push_str("</li>\n");
    Ok(())
}

fn scores(out: &mut Writer, a: &Assessment) {
    out.heading(2, "Scores");
    let rows: Vec<Vec<String>> = story::score_rows(a)
        .into_iter()
        .map(|(name, value, shown, meaning)| {
            vec![
                escape(name),
                escape(&value),
                shown.map_or_else(String::new, bar),
                escape(meaning),
            ]
        })
        .collect();
    out.raw_table(
        "Scores out of 100",
        &["Score", "Value", "Bar", "What it means"],
        &rows,
        &[],
    );
}

fn chart(out: &mut Writer, a: &Assessment) -> std::fmt::Result {
    out.heading(2, "Where you stand");
    let description = story::chart_description(a);
    let svg = svg::quadrants(&svg::Quadrants {
        cut: a.rubric.quadrant_cut,
        names: quadrant_names(&a.rubric),
        marks: vec![mark(
            &a.scores,
            a.confidence,
            baseline_point(a),
            a.organization.name.clone(),
        )],
        title: "Strategy and implementation",
        description: &description,
        id: &out.id,
    });
    writeln!(out.out, "<figure class=\"chart\">\n{svg}</figure>")?;
    if let Some(why) = super::chart::not_placed(&a.scores) {
        out.paragraph(&super::chart::not_placed_line(&[why]));
    }
    Ok(())
}

/// The four quadrants' names, as the rubric words them, in the order the
/// chart takes them.
pub fn quadrant_names(rubric: &RubricRef) -> [&str; 4] {
    let name = |q| -> &str { &rubric.quadrants.get(q).name };
    [
        name(Quadrant::Early),
        name(Quadrant::SlideDeck),
        name(Quadrant::UnusedTools),
        name(Quadrant::Aligned),
    ]
}

/// Where the baseline put an assessment: its strategy and implementation
/// then, when both were scored.
fn baseline_point(a: &Assessment) -> Option<(f64, f64)> {
    let c = a.comparison.as_ref()?;
    let before = |name: &str| {
        c.scores
            .iter()
            .find(|x| x.name == name)
            .and_then(|x| x.value.before)
    };
    before("strategy").zip(before("implementation"))
}

/// An organization on the chart: its point where both sides are scored,
/// its ranges where confidence is not firm, its baseline's point.
pub fn mark(
    s: &Scores,
    confidence: Confidence,
    baseline: Option<(f64, f64)>,
    label: String,
) -> svg::Mark {
    let point = s.strategy.zip(s.implementation);
    // A side not scored has no point, so its range is all the chart can say.
    let range = (confidence != Confidence::Firm || point.is_none())
        .then_some((s.range.strategy, s.range.implementation));
    svg::Mark {
        label,
        point,
        range,
        baseline,
    }
}

fn evidence_and_method(out: &mut Writer, a: &Assessment) -> std::fmt::Result {
    out.out.push_str("<section class=\"evidence\">\n");
    out.heading(2, "Evidence and method");
    pilots(out, a);
    if a.decisions.len() > DECISIONS_SHOWN {
        out.heading(3, "Every decision needed");
        decision_table(out, a, usize::MAX);
    }
    findings(out, a)?;
    recommendations(out, a)?;
    if !a.acceptances.is_empty() {
        out.heading(3, "Accepted risks");
        out.list(&acceptance_lines(a));
    }
    if let Some(comparison) = &a.comparison {
        diff::brief(out, comparison)?;
    }
    dimensions(out, a);
    unanswered(out, a)?;
    out.heading(3, "Method");
    out.list(&story::method_lines(a));
    gate(out, a)?;
    out.out.push_str("</section>\n");
    Ok(())
}

fn pilots(out: &mut Writer, a: &Assessment) {
    out.heading(3, "Pilots");
    out.paragraph(&story::purgatory_line(a));
    if a.pilots.is_empty() {
        out.paragraph("No pilots are listed in the questionnaire.");
        return;
    }
    let rows: Vec<Vec<String>> = a
        .pilots
        .iter()
        .map(|p| story::pilot_row(p).to_vec())
        .collect();
    out.table("Every pilot listed", &story::PILOT_COLUMNS, &rows, &[3, 5]);
    if let Some(retired) = super::cases::retired_on_purpose(a) {
        out.paragraph(&retired);
    }
}

fn findings(out: &mut Writer, a: &Assessment) -> std::fmt::Result {
    out.heading(3, "Findings");
    if a.findings.is_empty() {
        out.paragraph("No finding fired.");
        return Ok(());
    }
    out.paragraph(&story::findings_count(a));
    for (group, heading) in story::FINDING_GROUPS {
        let lines: Vec<String> = a
            .findings
            .iter()
            .filter(|f| f.kind == group)
            .map(|f| spans(&story::finding_line(f)))
            .collect();
        let incidents = group == crate::vocabulary::Group::Operations && !a.incidents.is_empty();
        if lines.is_empty() && !incidents {
            continue;
        }
        out.heading(4, heading);
        if !lines.is_empty() {
            raw_list(&mut out.out, &lines)?;
        }
        if incidents {
            out.paragraph(&super::cases::incidents_line(a));
            let rows: Vec<Vec<String>> = a
                .incidents
                .iter()
                .map(|i| super::cases::incident_cells(i).to_vec())
                .collect();
            out.table(
                "Incidents recorded",
                &[
                    "Date",
                    "Pilot",
                    "Kind",
                    "Severity",
                    "Resolved",
                    "What happened",
                ],
                &rows,
                &[],
            );
        }
    }
    if a.findings.iter().any(|f| !f.references.is_empty()) {
        out.paragraph(crate::frameworks::NOT_A_JUDGEMENT);
    }
    Ok(())
}

/// A list whose items are markup already.
pub fn raw_list(out: &mut String, items: &[String]) -> std::fmt::Result {
    out.push_str("<ul>\n");
    for item in items {
        writeln!(out, "<li>{item}</li>")?;
    }
    out.push_str("</ul>\n");
    Ok(())
}

fn recommendations(out: &mut Writer, a: &Assessment) -> std::fmt::Result {
    out.heading(3, "Recommendations and what they rest on");
    let numbered = after_the_focus(a)
        .enumerate()
        .map(|(i, r)| (format!("{}.", i + 1), r));
    let focus = story::the_focus(a).map(|r| ("Focus.".to_owned(), r));
    let items: Vec<String> = focus
        .into_iter()
        .chain(numbered)
        .map(|(label, r)| {
            let basis = spans(&story::basis(a, r));
            let sep = if basis.is_empty() { "" } else { " " };
            format!("<strong>{label}</strong> {}{sep}{basis}", escape(&r.title))
        })
        .collect();
    if items.is_empty() {
        return Ok(());
    }
    raw_list(&mut out.out, &items)?;
    Ok(())
}

fn dimensions(out: &mut Writer, a: &Assessment) {
    out.heading(3, "Dimensions");
    let bar_of = |v: Option<f64>| v.map_or_else(|| "—".to_owned(), bar);
    let rows: Vec<Vec<String>> = a
        .dimensions
        .iter()
        .map(|d| {
            vec![
                escape(&d.name),
                score(d.strategy),
                bar_of(d.strategy),
                score(d.implementation),
                bar_of(d.implementation),
            ]
        })
        .collect();
    out.raw_table(
        "Scores by dimension, out of 100",
        &[
            "Dimension",
            "Strategy",
            "Strategy bar",
            "Implementation",
            "Implementation bar",
        ],
        &rows,
        &[1, 3],
    );
}

fn unanswered(out: &mut Writer, a: &Assessment) -> std::fmt::Result {
    out.heading(3, "Unanswered questions");
    out.paragraph(&format!(
        "Completeness: {:.1} of 100.",
        a.scores.completeness
    ));
    let Some(note) = story::unanswered_note(a) else {
        out.paragraph("Every question the assessment reads was answered.");
        return Ok(());
    };
    out.paragraph(&note);
    let items: Vec<String> = a
        .unanswered
        .iter()
        .map(|path| format!("<code>{}</code>", escape(path)))
        .collect();
    raw_list(&mut out.out, &items)?;
    Ok(())
}

fn gate(out: &mut Writer, a: &Assessment) -> std::fmt::Result {
    let (Some(gate), Some(verdict)) = (&a.gate, story::gate_verdict(a)) else {
        return Ok(());
    };
    out.heading(3, "Gate");
    writeln!(out.out, "<p>{}</p>", spans(&verdict))?;
    let rows: Vec<Vec<String>> = gate
        .checks
        .iter()
        .map(|check| {
            let result = if check.passed() { "passed" } else { "failed" };
            vec![crate::gate::describe(check), result.to_owned()]
        })
        .collect();
    out.table(
        "Every check set for this run",
        &["Check", "Result"],
        &rows,
        &[],
    );
    Ok(())
}

/// A name made safe for an id: ASCII letters and digits as they are, any
/// other character as `-` and its code in hex, so that two names never give
/// the same id; after an `r`, since an id is best begun with a letter.
pub fn slug(text: &str) -> String {
    let mut out = String::from("r");
    crate::text::append(&mut out, |out| {
        for c in text.chars() {
            if c.is_ascii_alphanumeric() {
                out.push(c);
            } else {
                write!(out, "-{:x}", u32::from(c))?;
            }
        }
        Ok(())
    });
    out
}

/// The stylesheet: light and dark schemes, both with WCAG AA contrast;
/// wide tables scroll in their own box; in print, "Evidence and method"
/// starts a page, and tables, figures and list items do not break.
const STYLE: &str = include_str!("html.css");

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escape_leaves_no_markup_and_no_way_out_of_an_attribute() {
        assert_eq!(
            escape("<script>alert(1)</script>"),
            "&lt;script&gt;alert(1)&lt;/script&gt;"
        );
        assert_eq!(escape("a \"b\" & 'c'"), "a &quot;b&quot; &amp; &#39;c&#39;");
        assert_eq!(escape("&amp;"), "&amp;amp;");
        assert_eq!(escape("x\" onload=\"y"), "x&quot; onload=&quot;y");
        assert_eq!(escape("Café — 東京"), "Café — 東京");
    }

    #[test]
    fn escape_replaces_what_html_forbids() {
        assert_eq!(
            escape("a\u{0}b\u{7}c\u{FFFF}d\u{FDD0}"),
            "a\u{FFFD}b\u{FFFD}c\u{FFFD}d\u{FFFD}"
        );
        assert_eq!(escape("a\r\nb\tc\n::error::x"), "a  b c ::error::x");
    }

    #[test]
    fn spans_escape_every_piece() {
        let html = spans(&[
            Span::Strong("<b>".to_owned()),
            Span::Code("a&b".to_owned()),
            Span::Em("\"".to_owned()),
            Span::Text("'".to_owned()),
        ]);
        assert_eq!(
            html,
            "<strong>&lt;b&gt;</strong><code>a&amp;b</code><em>&quot;</em>&#39;"
        );
    }

    #[test]
    fn slugs_are_plain_ids_and_never_the_same_for_two_names() {
        assert_eq!(slug("examples/a b.yaml"), "rexamples-2fa-20b-2eyaml");
        assert_eq!(slug("\"><x"), "r-22-3e-3cx");
        assert_ne!(slug("a b"), slug("a-b"));
        assert_ne!(slug("A"), slug("a"));
    }
}
