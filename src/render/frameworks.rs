//! `readiness frameworks`: the frameworks a rubric refers to, one
//! framework's ids with what the rubric maps to each, and the coverage view
//! (what an assessment shows for every id), as a table, Markdown or JSON;
//! and the report's "Framework view", the coverage grouped by the
//! framework's functions, clauses or chapters. Every form says once that a
//! reference is evidence about a control, not a judgement that it is met,
//! and an id without a finding never reads as passed.

use super::markup::{cell, code};
use super::words::{self, fit, new_table, wrap};
use crate::assessment::Assessment;
use crate::coverage::{self, Coverage, Covered, Row, Status};
use crate::frameworks::{Framework, HIGH_RISK, NOT_A_JUDGEMENT};
use crate::report::v1::frameworks as wire;
use crate::report::v1::FORMAT_VERSION;
use crate::rubric::Rubric;
use crate::shared_text::SharedText;
use crate::vocabulary::{FindingId, Format, Word};
use std::fmt::Write as _;

/// The frameworks `rubric` declares.
pub fn list(rubric: &Rubric, format: Format, width: u16) -> String {
    let mapped = |f: &Framework| {
        coverage::rows(rubric, f)
            .iter()
            .filter(|r| r.mapped())
            .count()
    };
    if format == Format::Json {
        let frameworks = rubric
            .frameworks
            .iter()
            .map(|f| wire::FrameworkSummary {
                id: f.id.clone(),
                ids: f.entries.len(),
                mapped: mapped(f),
                name: f.name.clone(),
                short: f.short.clone(),
                version: f.version.clone(),
            })
            .collect();
        return super::json::render(&wire::Frameworks {
            format_version: FORMAT_VERSION,
            frameworks,
            note: NOT_A_JUDGEMENT.to_owned(),
            rubric: rubric_json(rubric),
        });
    }
    if rubric.frameworks.is_empty() {
        return format!(
            "The rubric {} declares no framework, so its findings carry no references.\n",
            rubric.id
        );
    }
    let mut out = String::new();
    crate::text::append(&mut out, |out| {
        if format == Format::Markdown {
            writeln!(
                out,
                "# Frameworks of the rubric {}\n\n| Id | Framework | Ids | Mapped by the rubric |\n| --- | --- | ---: | ---: |",
                cell(&rubric.id)
            )?;
            for f in &rubric.frameworks {
                writeln!(
                    out,
                    "| `{}` | {} | {} | {} |",
                    f.id,
                    cell(&f.title()),
                    f.entries.len(),
                    mapped(f)
                )?;
            }
            writeln!(out, "\n{NOT_A_JUDGEMENT}")?;
            return Ok(());
        }
        let mut t = new_table(&["Id", "Framework", "Ids", "Mapped by the rubric"]);
        for f in &rubric.frameworks {
            t.add_row(vec![
                f.id.to_string(),
                f.title(),
                f.entries.len().to_string(),
                mapped(f).to_string(),
            ]);
        }
        words::right_align(&mut t, &[2, 3]);
        writeln!(out, "{}\n", fit(&t, width))?;
        writeln!(
            out,
            "{}",
            wrap(
                "readiness frameworks ID lists a framework's ids and what maps to each; readiness frameworks ID FILE... shows what an assessment has to say about each.",
                width,
                "",
                ""
            )
        )?;
        writeln!(out, "{}", wrap(NOT_A_JUDGEMENT, width, "", ""))?;
        Ok(())
    });
    out
}

fn rubric_json(rubric: &Rubric) -> wire::RubricName {
    wire::RubricName {
        id: rubric.id.clone(),
        name: rubric.name.clone(),
        version: rubric.version.clone(),
    }
}

fn framework_json(f: &Framework) -> wire::FrameworkName {
    wire::FrameworkName {
        id: f.id.clone(),
        name: f.name.clone(),
        short: f.short.clone(),
        version: f.version.clone(),
    }
}

/// What the rubric maps to a row's id, in words.
fn mapped_words(rubric: &Rubric, row: &Row<'_>) -> String {
    if !row.mapped() {
        return "not assessed by this rubric".to_owned();
    }
    let mut parts = Vec::new();
    if !row.findings.is_empty() {
        let ids: Vec<&str> = row.findings.iter().map(|f| f.word()).collect();
        parts.push(format!("findings {}", ids.join(", ")));
    }
    if !row.dimensions.is_empty() {
        parts.push(format!(
            "dimensions {}",
            dimension_ids(rubric, row)
                .iter()
                .map(|id| &***id)
                .collect::<Vec<&str>>()
                .join(", ")
        ));
    }
    parts.join("; ")
}

fn dimension_ids<'r>(rubric: &'r Rubric, row: &Row<'_>) -> Vec<&'r SharedText> {
    row.dimensions
        .iter()
        .filter_map(|&i| rubric.dimensions.get(i).map(|d| &d.id))
        .collect()
}

fn finding_ids(row: &Row<'_>) -> Vec<&'static str> {
    row.findings.iter().map(|f| FindingId::word(*f)).collect()
}

/// An id with the high-risk note where it applies: `Art. 26 (where …)`.
pub(super) fn shown_id(row: &Row<'_>) -> String {
    if row.entry.high_risk {
        format!("{} ({HIGH_RISK})", row.entry.id)
    } else {
        row.entry.id.to_string()
    }
}

/// Every id of `framework`, its title, and what `rubric` maps to it.
pub fn ids(rubric: &Rubric, framework: &Framework, format: Format, width: u16) -> String {
    let rows = coverage::rows(rubric, framework);
    if format == Format::Json {
        let ids = rows
            .iter()
            .map(|r| wire::MappedId {
                dimensions: dimension_ids(rubric, r).into_iter().cloned().collect(),
                findings: r.findings.clone(),
                group: r.entry.group.clone(),
                id: r.entry.id.clone(),
                title: r.entry.title.clone(),
            })
            .collect();
        return super::json::render(&wire::FrameworkIds {
            format_version: FORMAT_VERSION,
            framework: framework_json(framework),
            ids,
            note: NOT_A_JUDGEMENT.to_owned(),
            rubric: rubric_json(rubric),
        });
    }
    let mut out = String::new();
    if format == Format::Markdown {
        crate::text::append(&mut out, |out| {
            writeln!(out, "# {}\n\n{NOT_A_JUDGEMENT}\n", cell(&framework.title()))?;
            for (group, members) in coverage::groups(framework) {
                writeln!(
                    out,
                    "## {}\n\n| Id | Title | Mapped by the rubric |\n| --- | --- | --- |",
                    cell(group)
                )?;
                for row in members.iter().filter_map(|&i| rows.get(i)) {
                    writeln!(
                        out,
                        "| {} | {} | {} |",
                        cell(&shown_id(row)),
                        cell(&row.entry.title),
                        cell(&mapped_words(rubric, row))
                    )?;
                }
                out.push('\n');
            }
            Ok(())
        });
        return one_newline(out);
    }
    crate::text::append(&mut out, |out| {
        writeln!(out, "{}\n", wrap(&framework.title(), width, "", ""))?;
        let mut t = new_table(&["Id", "Title", "Mapped by the rubric"]);
        for row in &rows {
            t.add_row(vec![
                shown_id(row),
                row.entry.title.to_string(),
                mapped_words(rubric, row),
            ]);
        }
        writeln!(out, "{}\n", fit(&t, width))?;
        writeln!(out, "{}", wrap(NOT_A_JUDGEMENT, width, "", ""))?;
        Ok(())
    });
    out
}

/// What an assessment shows about one id, in one or two sentences. An id
/// without a finding is said to have none, never to be met.
pub fn shows(c: &Covered<'_>) -> String {
    let mut text = match c.status {
        Status::NotAssessed => return "Not assessed by this rubric.".to_owned(),
        Status::Fired => format!("Fired: {}.", coverage::fired_words(&c.fired).join(", ")),
        Status::NoFinding if c.row.findings.is_empty() => "No finding maps here.".to_owned(),
        Status::NoFinding => match finding_ids(&c.row).as_slice() {
            [one] => format!("No finding: {one} did not fire."),
            many => format!("No finding: none of {} fired.", many.join(", ")),
        },
    };
    crate::text::append(&mut text, |text| {
        if !c.dimensions.is_empty() {
            let scores: Vec<String> = c
                .dimensions
                .iter()
                .map(|d| {
                    format!(
                        "{} (strategy {}, implementation {})",
                        d.name,
                        words::score(d.strategy),
                        words::score(d.implementation)
                    )
                })
                .collect();
            write!(text, " Dimension scores: {}.", scores.join("; "))?;
        }
        Ok(())
    });
    text
}

/// The coverage view of one framework by one assessment or several.
pub fn coverage(
    rubric: &Rubric,
    framework: &Framework,
    coverages: &[Coverage<'_>],
    format: Format,
    width: u16,
) -> String {
    if format == Format::Json {
        return super::json::render(&wire::FrameworkCoverage {
            coverage: coverages.iter().map(coverage_json).collect(),
            format_version: FORMAT_VERSION,
            framework: framework_json(framework),
            note: NOT_A_JUDGEMENT.to_owned(),
            rubric: rubric_json(rubric),
        });
    }
    let mut out = String::new();
    crate::text::append(&mut out, |out| {
        let several = coverages.len() > 1;
        if format == Format::Markdown {
            if let Some(first) = coverages.first() {
                writeln!(
                    out,
                    "# {}: coverage\n\n{NOT_A_JUDGEMENT}\n",
                    cell(&first.framework.title())
                )?;
            }
        }
        for c in coverages {
            if format == Format::Markdown {
                writeln!(
                    out,
                    "## {} ({})\n\nAssessed {}.",
                    cell(&c.organization),
                    code(&c.source),
                    c.assessed
                )?;
                // Group headings name the organization when there are several,
                // so that each heading is unique.
                let suffix = if several {
                    format!(" — {} ({})", cell(&c.organization), code(&c.source))
                } else {
                    String::new()
                };
                view_markdown(out, c, "###", &suffix)?;
                blank_line(out);
            } else {
                let heading = format!(
                    "{} for {} (assessed {}, {})",
                    c.framework.title(),
                    c.organization,
                    c.assessed,
                    c.source
                );
                writeln!(out, "{}\n", wrap(&heading, width, "", ""))?;
                out.push_str(&view_text(c, width, true));
                writeln!(out, "\n{}\n", wrap(NOT_A_JUDGEMENT, width, "", ""))?;
            }
        }
        Ok(())
    });
    one_newline(out)
}

/// Ends `out` with one blank line, however many the last block left.
fn blank_line(out: &mut String) {
    while out.ends_with("\n\n") {
        out.pop();
    }
    if !out.is_empty() && !out.ends_with('\n') {
        out.push('\n');
    }
    out.push('\n');
}

/// `out` ending in exactly one line break, as Markdown files should.
fn one_newline(mut out: String) -> String {
    while out.ends_with("\n\n") {
        out.pop();
    }
    out
}

fn coverage_json(c: &Coverage<'_>) -> wire::Coverage {
    let ids = c
        .ids
        .iter()
        .map(|i| wire::CoveredId {
            dimensions: i.dimensions.clone(),
            findings: i.fired.clone(),
            group: i.row.entry.group.clone(),
            id: i.row.entry.id.clone(),
            mapped_findings: i.row.findings.clone(),
            status: i.status.word().to_owned(),
            title: i.row.entry.title.clone(),
        })
        .collect();
    let [(_, fired), (_, no_finding), (_, not_assessed)] = counts(c);
    wire::Coverage {
        assessed: c.assessed.clone(),
        counts: wire::StatusCounts {
            fired,
            no_finding,
            not_assessed,
        },
        ids,
        organization: c.organization.clone(),
        source: c.source.clone(),
    }
}

/// How many ids have each status.
fn counts(c: &Coverage<'_>) -> [(Status, usize); 3] {
    [Status::Fired, Status::NoFinding, Status::NotAssessed]
        .map(|s| (s, c.ids.iter().filter(|i| i.status == s).count()))
}

/// `4 ids with a finding, 20 with none, 48 not assessed by this rubric.`
pub(super) fn counts_sentence(c: &Coverage<'_>) -> String {
    let [(_, fired), (_, none), (_, not)] = counts(c);
    format!(
        "Of {}: {} with a finding that fired, {} with no finding, {} not assessed by this rubric.",
        words::count(c.ids.len(), "id", "ids"),
        fired,
        none,
        not
    )
}

/// The coverage grouped by the framework's functions, clauses or chapters,
/// in Markdown, under headings of `level` ending in `suffix`. Only ids the
/// rubric maps get a row; the others are named after the table, as not
/// assessed by this rubric.
pub fn view_markdown(
    out: &mut String,
    c: &Coverage<'_>,
    level: &str,
    suffix: &str,
) -> std::fmt::Result {
    writeln!(out, "{}\n", counts_sentence(c))?;
    for (group, members) in coverage::groups(c.framework) {
        writeln!(out, "{level} {}{suffix}\n", cell(group))?;
        let covered: Vec<&Covered<'_>> = members.iter().filter_map(|&i| c.ids.get(i)).collect();
        let (mapped, not): (Vec<&Covered<'_>>, Vec<&Covered<'_>>) = covered
            .into_iter()
            .partition(|i| i.status != Status::NotAssessed);
        if !mapped.is_empty() {
            out.push_str("| Id | Title | What this assessment shows |\n| --- | --- | --- |\n");
            for i in &mapped {
                writeln!(
                    out,
                    "| {} | {} | {} |",
                    cell(&shown_id(&i.row)),
                    cell(&i.row.entry.title),
                    cell(&shows(i))
                )?;
            }
            out.push('\n');
        }
        if !not.is_empty() {
            let ids: Vec<&str> = not.iter().map(|i| &*i.row.entry.id).collect();
            writeln!(
                out,
                "Not assessed by this rubric: {}.\n",
                cell(&ids.join(", "))
            )?;
        }
    }
    Ok(())
}

/// The coverage as a terminal table, one row per id in the framework's
/// order; with `every_id` false, the ids the rubric maps nothing to are
/// named after the table instead, as not assessed.
pub fn view_text(c: &Coverage<'_>, width: u16, every_id: bool) -> String {
    crate::text::written(|out| {
        writeln!(out, "{}", wrap(&counts_sentence(c), width, "", ""))?;
        let mut t = new_table(&["Id", "Title", "What this assessment shows"]);
        let mut not_assessed = Vec::new();
        for i in &c.ids {
            if every_id || i.status != Status::NotAssessed {
                t.add_row(vec![
                    shown_id(&i.row),
                    i.row.entry.title.to_string(),
                    shows(i),
                ]);
            } else {
                // No break inside an id: `Art. 11` stays on one line.
                not_assessed.push(i.row.entry.id.replace(' ', "\u{a0}"));
            }
        }
        writeln!(out, "{}", fit(&t, width))?;
        if !not_assessed.is_empty() {
            let line = format!("Not assessed by this rubric: {}.", not_assessed.join(", "));
            writeln!(out, "{}", wrap(&line, width, "", ""))?;
        }
        Ok(())
    })
}

/// The report's "Framework view" sections in Markdown, one per framework
/// asked for, after the method.
pub fn report_markdown(out: &mut String, a: &Assessment) -> std::fmt::Result {
    for view in &a.framework_views {
        let c = coverage::coverage(&view.rubric, &view.framework, a);
        blank_line(out);
        writeln!(
            out,
            "### Framework view: {}\n\n{NOT_A_JUDGEMENT}\n",
            cell(&view.framework.title())
        )?;
        view_markdown(out, &c, "####", "")?;
    }
    if !a.framework_views.is_empty() {
        let ended = one_newline(std::mem::take(out));
        *out = ended;
    }
    Ok(())
}

/// The report's "Framework view" tables, one per framework asked for.
pub fn report_text(a: &Assessment, width: u16) -> String {
    crate::text::written(|out| {
        for view in &a.framework_views {
            let c = coverage::coverage(&view.rubric, &view.framework, a);
            let heading = format!("Framework view: {}", view.framework.title());
            writeln!(out, "\n{}", wrap(&heading, width, "", ""))?;
            out.push_str(&view_text(&c, width, false));
        }
        Ok(())
    })
}
