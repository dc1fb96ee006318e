//! The trend of `readiness history`: a table of every version for a
//! terminal, and Markdown with a Mermaid `xychart-beta` line chart of the
//! scores. Mermaid's line charts have no legend, so each chart sets its
//! colours and the text beside it says which line is which.

use super::chart::label;
use super::diff::signed;
use super::markdown::{capitalized, cell};
use super::words::{count, new_table, right_align, score, try_fit, wrap};
use crate::diagnostic::escaped;
use crate::history::{History, Point, PortfolioHistory, Version};
use crate::vocabulary::Word;
use std::fmt::Write as _;

/// The colours of a history's three lines, and their names, in the order
/// the chart draws them.
const SCORE_LINES: [(&str, &str); 3] = [
    ("#2563eb", "blue"),
    ("#ea580c", "orange"),
    ("#16a34a", "green"),
];

/// The colours of a portfolio's lines; past the last, they repeat.
const ORGANIZATION_LINES: [(&str, &str); 8] = [
    ("#2563eb", "blue"),
    ("#ea580c", "orange"),
    ("#16a34a", "green"),
    ("#dc2626", "red"),
    ("#7c3aed", "purple"),
    ("#92400e", "brown"),
    ("#db2777", "pink"),
    ("#4b5563", "grey"),
];

/// The history for a terminal `width` columns wide.
pub fn text(h: &History, width: u16) -> String {
    crate::text::written(|out| {
        writeln!(out, "{}", wrap(&opening(h), width, "", ""))?;
        if let Some(trend) = trend(h) {
            writeln!(out, "{}", wrap(&trend, width, "", ""))?;
        }
        out.push('\n');
        out.push_str(&versions_table(h, width));
        out.push('\n');
        let invalid = invalid_lines(h);
        if !invalid.is_empty() {
            writeln!(out, "\nNot valid at their commit: {}", invalid.len())?;
            for line in invalid {
                writeln!(out, "{}", wrap(&line, width, "  ", "    "))?;
            }
        }
        Ok(())
    })
}

/// The history in Markdown, with its chart.
pub fn markdown(h: &History) -> String {
    let mut out = format!("# AI readiness over time: {}\n\n", cell(h.name()));
    crate::text::append(&mut out, |out| {
        writeln!(out, "{}\n", cell(&opening(h)))?;
        if let Some(trend) = trend(h) {
            writeln!(out, "{}\n", cell(&trend))?;
        }
        score_chart(out, h)?;
        out.push_str("## Versions\n\n");
        versions_markdown(out, h)?;
        let invalid = invalid_lines(h);
        if !invalid.is_empty() {
            out.push_str("\n## Not valid at their commit\n\n");
            for line in invalid {
                writeln!(out, "- {}", cell(&line))?;
            }
        }
        Ok(())
    });
    out
}

/// A directory's histories for a terminal: each organization's after the
/// other, in the directory's order.
pub fn portfolio_text(p: &PortfolioHistory, width: u16) -> String {
    let opening = format!(
        "History of {}: each organization's versions, oldest first.",
        count(p.histories.len(), "questionnaire", "questionnaires")
    );
    let mut out = format!("{}\n", wrap(&opening, width, "", ""));
    crate::text::append(&mut out, |out| {
        for h in &p.histories {
            write!(out, "\n{}", text(h, width))?;
        }
        Ok(())
    });
    out
}

/// A directory's histories in Markdown: one chart of every organization's
/// overall score, then each organization's versions.
pub fn portfolio_markdown(p: &PortfolioHistory) -> String {
    let mut out = String::from("# AI readiness over time: portfolio\n\n");
    crate::text::append(&mut out, |out| {
        writeln!(
            out,
            "{}, each with its versions, oldest first.\n",
            capitalized(&count(p.histories.len(), "questionnaire", "questionnaires"))
        )?;
        portfolio_chart(out, p)?;
        for h in &p.histories {
            writeln!(out, "## {}\n", cell(&shown_name(p, h)))?;
            writeln!(out, "{}\n", cell(&opening(h)))?;
            if let Some(trend) = trend(h) {
                writeln!(out, "{}\n", cell(&trend))?;
            }
            versions_markdown(out, h)?;
            let invalid = invalid_lines(h);
            if !invalid.is_empty() {
                writeln!(
                    out,
                    "\nNot valid at their commit, in {}:\n",
                    cell(&shown_name(p, h))
                )?;
                for line in invalid {
                    writeln!(out, "- {}", cell(&line))?;
                }
            }
            out.push('\n');
        }
        out.pop();
        Ok(())
    });
    out
}

/// An organization's name in a portfolio's history, with its file when
/// another questionnaire bears the same name.
pub(super) fn shown_name(p: &PortfolioHistory, h: &History) -> String {
    let same = p.histories.iter().filter(|o| o.name() == h.name()).count();
    if same > 1 && h.name() != h.file {
        format!("{} ({})", h.name(), h.file)
    } else {
        h.name().to_owned()
    }
}

/// What the history covers, in one sentence.
pub(super) fn opening(h: &History) -> String {
    let first = h.versions.first().map_or("", |v| v.date.as_str());
    let last = h.versions.last().map_or("", |v| v.date.as_str());
    let span = if first == last {
        format!("on {first}")
    } else {
        format!("from {first} to {last}")
    };
    let whose = if h.name() == h.file {
        h.file.clone()
    } else {
        format!("{} ({})", h.name(), h.file)
    };
    let mut text = format!(
        "History of {whose}: {} {span}, assessed with the rubric {}.",
        count(h.versions.len(), "version", "versions"),
        h.rubric
    );
    crate::text::append(&mut text, |text| {
        for v in &h.versions {
            if let Some(before) = &v.renamed_from {
                write!(
                    text,
                    " The file was renamed from {} to {} in commit {}, and followed.",
                    escaped(before),
                    escaped(&v.path),
                    short(v)
                )?;
            }
        }
        if h.shallow {
            write!(
                text,
                " The repository is a shallow clone, so the history is cut at the clone's boundary and older versions are not listed; to see them, {}.",
                crate::history::UNSHALLOW
            )?;
        }
        Ok(())
    });
    text
}

/// The first valid version against the last: the scores and the verdicts
/// that moved. `None` with fewer than two valid versions.
pub(super) fn trend(h: &History) -> Option<String> {
    let mut assessed = h.assessed();
    let (first_version, first) = assessed.next()?;
    let (last_version, last) = assessed.last()?;
    let mut parts = Vec::new();
    for (name, before, after) in [
        ("overall", first.overall, last.overall),
        ("strategy", first.strategy, last.strategy),
        ("implementation", first.implementation, last.implementation),
    ] {
        let change = before.zip(after).map(|(b, a)| crate::number::round1(a - b));
        parts.push(match change {
            Some(change) if before != after => format!(
                "{name} {} → {} ({})",
                score(before),
                score(after),
                signed(Some(change))
            ),
            _ if before == after => format!("{name} {} (unchanged)", score(after)),
            _ => format!("{name} {} → {}", score(before), score(after)),
        });
    }
    for (name, before, after) in [
        ("level", first.level.word(), last.level.word()),
        ("quadrant", first.quadrant.word(), last.quadrant.word()),
        ("focus", first.focus.word(), last.focus.word()),
        ("purgatory", first.purgatory.word(), last.purgatory.word()),
    ] {
        if before != after {
            parts.push(format!("{name} {before} → {after}"));
        }
    }
    // Versions of one day span no time: said as that day's.
    Some(if first_version.date == last_version.date {
        format!(
            "Over the versions of {}: {}.",
            first_version.date,
            parts.join("; ")
        )
    } else {
        format!(
            "From {} to {}: {}.",
            first_version.date,
            last_version.date,
            parts.join("; ")
        )
    })
}

pub(super) fn short(v: &Version) -> &str {
    v.commit.get(..7).unwrap_or(&v.commit)
}

/// A version's cells after its date and commit.
pub(super) fn cells(p: &Point) -> [String; 8] {
    [
        score(p.strategy),
        score(p.implementation),
        score(p.overall),
        p.level.word().to_owned(),
        p.quadrant.word().to_owned(),
        p.focus.word().to_owned(),
        p.purgatory.word().to_owned(),
        p.open_findings.to_string(),
    ]
}

pub(super) const HEADER: [&str; 10] = [
    "Date",
    "Commit",
    "Strategy",
    "Implementation",
    "Overall",
    "Level",
    "Quadrant",
    "Focus",
    "Purgatory",
    "Findings",
];

fn versions_table(h: &History, width: u16) -> String {
    let mut t = new_table(&HEADER);
    for v in &h.versions {
        let mut row = vec![v.date.clone(), short(v).to_owned()];
        if let Some(p) = &v.assessment {
            row.extend(cells(p));
        } else {
            row.push("not valid".to_owned());
            row.extend(std::iter::repeat_n(String::new(), 7));
        }
        t.add_row(row);
    }
    right_align(&mut t, &[2, 3, 4, 9]);
    try_fit(&t, width).unwrap_or_else(|| narrow(h, width))
}

/// Each version in a sentence of its own, for a terminal too narrow for
/// the table, with the same facts in the same order.
fn narrow(h: &History, width: u16) -> String {
    let rows: Vec<String> = h
        .versions
        .iter()
        .map(|v| {
            let text = match &v.assessment {
                Some(p) => format!(
                    "{} {}: strategy {}, implementation {}, overall {}; {}, {}; focus {}; purgatory {}; {}",
                    v.date,
                    short(v),
                    score(p.strategy),
                    score(p.implementation),
                    score(p.overall),
                    p.level,
                    p.quadrant,
                    p.focus,
                    p.purgatory,
                    count(p.open_findings, "finding", "findings")
                ),
                None => format!("{} {}: not valid", v.date, short(v)),
            };
            wrap(&text, width, "", "  ")
        })
        .collect();
    rows.join("\n")
}

fn versions_markdown(out: &mut String, h: &History) -> std::fmt::Result {
    out.push_str("| Date | Commit | Strategy | Implementation | Overall | Level | Quadrant | Focus | Pilot purgatory | Findings |\n");
    out.push_str("| --- | --- | ---: | ---: | ---: | --- | --- | --- | --- | ---: |\n");
    for v in &h.versions {
        write!(out, "| {} | `{}` |", v.date, short(v))?;
        match &v.assessment {
            Some(p) => {
                for c in cells(p) {
                    write!(out, " {c} |")?;
                }
            }
            None => out.push_str(" not valid | | | | | | | |"),
        }
        out.push('\n');
    }
    Ok(())
}

/// Each version that could not be assessed, with its first problem.
pub(super) fn invalid_lines(h: &History) -> Vec<String> {
    h.versions
        .iter()
        .filter_map(|v| {
            let error = v.error.as_ref()?;
            let first = error.problems.first();
            let place = first
                .and_then(|p| Some(format!("line {}, column {}: ", p.line?, p.column?)))
                .unwrap_or_default();
            let message = first.map_or("", |p| p.message.as_str());
            let more = error.problems.len() + error.more - 1;
            let more = match more {
                0 => String::new(),
                1 => " (and 1 more problem)".to_owned(),
                n => format!(" (and {n} more problems)"),
            };
            Some(format!(
                "{} {} ({}): {place}{message}{more}",
                v.date,
                short(v),
                escaped(&v.path)
            ))
        })
        .collect()
}

/// The chart's front matter, which sets the colours of its lines.
fn chart_opening(out: &mut String, colours: &[(&str, &str)]) -> std::fmt::Result {
    let palette: Vec<&str> = colours.iter().map(|(hex, _)| *hex).collect();
    write!(
        out,
        "```mermaid\n---\nconfig:\n  themeVariables:\n    xyChart:\n      plotColorPalette: \"{}\"\n---\nxychart-beta\n",
        palette.join(", ")
    )?;
    Ok(())
}

fn x_axis(out: &mut String, dates: &[&str]) -> std::fmt::Result {
    let labels: Vec<String> = dates.iter().map(|d| format!("\"{d}\"")).collect();
    writeln!(out, "    x-axis [{}]", labels.join(", "))?;
    out.push_str("    y-axis \"Score\" 0 --> 100\n");
    Ok(())
}

fn line(out: &mut String, name: &str, values: impl Iterator<Item = f64>) -> std::fmt::Result {
    let values: Vec<String> = values.map(|v| format!("{v:.1}")).collect();
    writeln!(out, "    line {} [{}]", label(name), values.join(", "))?;
    Ok(())
}

/// Strategy, implementation and overall over time: one point per day, the
/// day's last valid version with a score on both sides.
fn score_chart(out: &mut String, h: &History) -> std::fmt::Result {
    let days = score_days(h);
    if days.is_empty() {
        writeln!(out, "{}\n", nothing_to_chart(h))?;
        return Ok(());
    }
    chart_opening(out, &SCORE_LINES)?;
    writeln!(
        out,
        "    title {}",
        label(&format!("AI readiness of {}", h.name()))
    )?;
    let dates: Vec<&str> = days.iter().map(|(d, _)| *d).collect();
    x_axis(out, &dates)?;
    for (i, name) in ["Strategy", "Implementation", "Overall"]
        .into_iter()
        .enumerate()
    {
        line(out, name, days.iter().map(|(_, v)| v[i]))?;
    }
    out.push_str("```\n\n");
    writeln!(
        out,
        "Lines: strategy in {}, implementation in {}, overall in {}; one point per day, the day's last valid version.\n",
        SCORE_LINES[0].1, SCORE_LINES[1].1, SCORE_LINES[2].1
    )?;
    Ok(())
}

/// The days a history's chart shows: each day's last valid version with a
/// score on both sides, and its strategy, implementation and overall.
pub(super) fn score_days(h: &History) -> Vec<(&str, [f64; 3])> {
    h.by_day()
        .into_iter()
        .filter_map(|(date, p)| Some((date, [p.strategy?, p.implementation?, p.overall?])))
        .collect()
}

/// Why a history has no chart.
pub(super) fn nothing_to_chart(h: &History) -> &'static str {
    if h.assessed().next().is_none() {
        "No version could be assessed, so there is nothing to chart."
    } else {
        "No version has a score on both sides, so there is nothing to chart."
    }
}

/// Every organization's overall score over time, one line each, from the
/// first day on which every one of them has a score.
fn portfolio_chart(out: &mut String, p: &PortfolioHistory) -> std::fmt::Result {
    let days = portfolio_days(p);
    if days.is_empty() {
        writeln!(out, "{NO_PORTFOLIO_CHART}\n")?;
        return Ok(());
    }
    chart_opening(out, &ORGANIZATION_LINES)?;
    out.push_str("    title \"Overall AI readiness\"\n");
    let dates: Vec<&str> = days.iter().map(|(d, _)| d.as_str()).collect();
    x_axis(out, &dates)?;
    for (i, h) in p.histories.iter().enumerate() {
        line(out, &shown_name(p, h), days.iter().map(|(_, v)| v[i]))?;
    }
    out.push_str("```\n\n");
    let colours: Vec<String> = p
        .histories
        .iter()
        .enumerate()
        .map(|(i, h)| {
            format!(
                "{} in {}",
                cell(&shown_name(p, h)),
                ORGANIZATION_LINES[i % ORGANIZATION_LINES.len()].1
            )
        })
        .collect();
    write!(out, "Lines: {}", colours.join(", "))?;
    if p.histories.len() > ORGANIZATION_LINES.len() {
        write!(
            out,
            " (the colours repeat after {})",
            ORGANIZATION_LINES.len()
        )?;
    }
    writeln!(out, ". {}\n", portfolio_days_note(&days))?;
    Ok(())
}

/// Why a directory's history has no chart of every organization.
pub(super) const NO_PORTFOLIO_CHART: &str = "Not every organization has a version with an overall score, so there is no chart of them together.";

/// The days the chart of every organization shows, from the first on which
/// each has an overall score, with each one's score that day.
pub(super) fn portfolio_days(p: &PortfolioHistory) -> Vec<(String, Vec<f64>)> {
    p.common_days()
        .into_iter()
        .filter_map(|(date, points)| {
            let scores: Option<Vec<f64>> = points.iter().map(|p| p.overall).collect();
            scores
                .filter(|s| s.len() == p.histories.len())
                .map(|s| (date, s))
        })
        .collect()
}

/// What each point of the chart of every organization is.
pub(super) fn portfolio_days_note(days: &[(String, Vec<f64>)]) -> String {
    format!(
        "One point per day, each organization's latest valid version on that day, from {}, the first day every organization has one.",
        days.first().map_or("", |(d, _)| d.as_str())
    )
}
