//! `readiness history --format html`: the trend of one questionnaire as a
//! page, with the content and order of its Markdown
//! ([`crate::render::history`]), the three scores drawn as an SVG line
//! chart; for a directory, each organization's trend in turn.

use super::{page, Writer};
use crate::history::{History, PortfolioHistory};
use crate::render::history as words;
use crate::render::markdown::capitalized;
use crate::render::svg;
use crate::render::words::count;
use std::fmt::Write as _;

/// One questionnaire's history.
pub fn render(h: &History) -> String {
    let title = format!("AI readiness over time: {}", h.name());
    let mut out = Writer::new(0);
    out.heading(1, &title);
    section(&mut out, h, h.name(), "");
    page(&title, &out.out)
}

/// A directory's histories: each organization's, one after the other.
pub fn portfolio(p: &PortfolioHistory) -> String {
    let title = "AI readiness over time: portfolio";
    let mut out = Writer::new(1);
    crate::text::append(&mut out, |out| {
        writeln!(out.out, "<h1>{}</h1>", super::escape(title))?;
        out.paragraph(&format!(
            "{}, each with its versions, oldest first.",
            capitalized(&count(p.histories.len(), "questionnaire", "questionnaires"))
        ));
        together(out, p)?;
        for (i, h) in p.histories.iter().enumerate() {
            let name = words::shown_name(p, h);
            out.heading(1, &name);
            section(out, h, &name, &format!("h{}-", i + 1));
        }
        Ok(())
    });
    page(title, &out.out)
}

/// Every organization's overall score over time, one line each, as in
/// the Markdown; eight line styles, then they repeat, named in the legend.
fn together(out: &mut Writer, p: &PortfolioHistory) -> std::fmt::Result {
    let days = words::portfolio_days(p);
    if days.is_empty() {
        out.paragraph(words::NO_PORTFOLIO_CHART);
        return Ok(());
    }
    let names: Vec<String> = p
        .histories
        .iter()
        .map(|h| words::shown_name(p, h))
        .collect();
    let series: Vec<svg::Series<'_>> = names
        .iter()
        .enumerate()
        .map(|(i, name)| svg::Series {
            name,
            class: SERIES[i % SERIES.len()],
            values: days.iter().map(|(_, v)| Some(v[i])).collect(),
        })
        .collect();
    let ticks: Vec<String> = days.iter().map(|(d, _)| d.clone()).collect();
    let mut description = format!(
        "Overall scores over time. {}",
        words::portfolio_days_note(&days)
    );
    for (i, name) in names.iter().enumerate() {
        let values: Vec<String> = days
            .iter()
            .map(|(d, v)| format!("{d}: {:.1}", v[i]))
            .collect();
        write!(description, " {name}: {}.", values.join(", "))?;
    }
    let chart = svg::lines(
        "all-",
        "Overall AI readiness",
        &description,
        &ticks,
        &series,
    );
    writeln!(out.out, "<figure class=\"chart\">\n{chart}</figure>")?;
    out.paragraph(&words::portfolio_days_note(&days));
    Ok(())
}

/// The line styles of a chart of several organizations.
const SERIES: [&str; 8] = [
    "series-1", "series-2", "series-3", "series-4", "series-5", "series-6", "series-7", "series-8",
];

/// The opening, the trend, the chart, the versions and those not valid.
fn section(out: &mut Writer, h: &History, name: &str, id: &str) {
    out.paragraph(&words::opening(h));
    if let Some(trend) = words::trend(h) {
        out.paragraph(&trend);
    }
    let days = words::score_days(h);
    if days.is_empty() {
        out.paragraph(words::nothing_to_chart(h));
    } else {
        let ticks: Vec<String> = days.iter().map(|(d, _)| (*d).to_owned()).collect();
        let series: Vec<svg::Series<'_>> = ["Strategy", "Implementation", "Overall"]
            .into_iter()
            .enumerate()
            .map(|(i, name)| svg::Series {
                name,
                class: ["series-1", "series-2", "series-3"][i],
                values: days.iter().map(|(_, v)| Some(v[i])).collect(),
            })
            .collect();
        let description = describe(name, &days);
        let chart = svg::lines(
            id,
            &format!("AI readiness of {name}"),
            &description,
            &ticks,
            &series,
        );
        out.out.push_str("<figure class=\"chart\">\n");
        out.out.push_str(&chart);
        out.out.push_str("</figure>\n");
    }
    out.heading(2, "Versions");
    let rows: Vec<Vec<String>> = h
        .versions
        .iter()
        .map(|v| {
            let mut row = vec![
                super::escape(&v.date),
                format!("<code>{}</code>", super::escape(words::short(v))),
            ];
            if let Some(p) = &v.assessment {
                row.extend(words::cells(p).iter().map(|c| super::escape(c)));
            } else {
                row.push("not valid".to_owned());
                row.extend(std::iter::repeat_n(String::new(), 7));
            }
            row
        })
        .collect();
    let mut head = words::HEADER;
    head[8] = "Pilot purgatory";
    out.raw_table(
        &format!("Every version of {name}, oldest first"),
        &head,
        &rows,
        &[2, 3, 4, 9],
    );
    let invalid = words::invalid_lines(h);
    if !invalid.is_empty() {
        out.heading(2, "Not valid at their commit");
        out.list(&invalid);
    }
}

/// The chart in words: each day's three scores.
fn describe(name: &str, days: &[(&str, [f64; 3])]) -> String {
    let mut text = format!(
        "Strategy, implementation and overall scores of {name}, one point per day, the day's last valid version:"
    );
    crate::text::append(&mut text, |text| {
        for (date, [s, i, o]) in days {
            write!(text, " {date}: {s:.1}, {i:.1}, {o:.1};")?;
        }
        text.pop();
        text.push('.');
        Ok(())
    });
    text
}
