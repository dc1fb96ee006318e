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
    let _ = std::fmt::Write::write_fmt(
        &mut out.out,
        format_args!("<h1>{}</h1>\n", super::escape(title)),
    );
    out.paragraph(&format!(
        "{}, each with its versions, oldest first.",
        capitalized(&count(p.histories.len(), "questionnaire", "questionnaires"))
    ));
    for (i, h) in p.histories.iter().enumerate() {
        let name = words::shown_name(p, h);
        out.heading(1, &name);
        section(&mut out, h, &name, &format!("h{}-", i + 1));
    }
    page(title, &out.out)
}

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
    for (date, [s, i, o]) in days {
        let _ = write!(text, " {date}: {s:.1}, {i:.1}, {o:.1};");
    }
    text.pop();
    text.push('.');
    text
}
