//! The terminal report: a headline, then tables for scores, dimensions,
//! purgatory, misconceptions and other findings, then the top recommendations.

use super::words::{
    bar, bold, colored, confidence_note, count, evidence, level_cap_note, new_table, paint,
    right_align, score, score_with_range, shown_by,
};
use crate::assessment::Assessment;
use crate::assessment::Finding;
use crate::load::questionnaire::DateSource;
use crate::vocabulary::{Confidence, Group, PurgatoryStatus, Severity, Side, Word};
use anstyle::AnsiColor;
use comfy_table::{Cell, Color, Table};
use std::fmt::Write as _;

/// How many recommendations the terminal shows; the others are in JSON and Markdown.
const TOP_RECOMMENDATIONS: usize = 5;

/// Renders the report for a terminal `width` columns wide, in colour when `color`.
// One straight sequence of sections; splitting it would hide their order.
#[allow(clippy::too_many_lines)]
pub fn render(a: &Assessment, width: u16, color: bool) -> String {
    let t = Tables { width, color };
    let mut out = String::new();
    let date_from = match a.organization.assessed_from {
        DateSource::Questionnaire => "from the questionnaire",
        DateSource::AsOf => "from --as-of",
        DateSource::Today => "today's date",
    };
    let _ = writeln!(
        out,
        "AI readiness of {} — assessed {} ({date_from})",
        paint(&a.organization.name, bold(), color),
        a.organization.assessed
    );
    // An untrustworthy verdict is said before anything else.
    if a.confidence == Confidence::Insufficient {
        let _ = writeln!(
            out,
            "{}",
            paint(
                &format!("Confidence insufficient: {}", confidence_note(a)),
                colored(AnsiColor::Yellow),
                color
            )
        );
    }
    let _ = writeln!(
        out,
        "Level: {}   Quadrant: {}   Focus: {}   Confidence: {}",
        paint(a.level.word(), bold(), color),
        paint(a.quadrant.word(), bold(), color),
        paint(a.focus.word(), bold(), color),
        paint(a.confidence.word(), bold(), color)
    );
    if let Some(note) = level_cap_note(a) {
        let _ = writeln!(out, "{note}");
    }
    let _ = writeln!(out, "{}\n", a.focus_reason);

    let s = &a.scores;
    let mut scores = t.table(&["Score", "Value", ""]);
    for (name, side, value) in [
        ("Strategy", Some(Side::Strategy), s.strategy),
        (
            "Implementation",
            Some(Side::Implementation),
            s.implementation,
        ),
        ("Overall (harmonic mean)", None, s.overall),
    ] {
        scores.add_row(vec![
            name.to_owned(),
            score_with_range(a, side),
            value.map_or_else(String::new, bar),
        ]);
    }
    for (name, value) in [
        ("Completeness, strategy", s.completeness_by_side.strategy),
        (
            "Completeness, implementation",
            s.completeness_by_side.implementation,
        ),
        ("Completeness, overall", s.completeness),
    ] {
        scores.add_row(vec![name.to_owned(), format!("{value:.1}"), bar(value)]);
    }
    right_align(&mut scores, &[1]);
    let _ = writeln!(out, "{scores}\n");

    let mut dimensions = t.table(&["Dimension", "Strategy", "Implementation"]);
    for d in &a.dimensions {
        dimensions.add_row(vec![
            d.name.to_string(),
            score(d.strategy),
            score(d.implementation),
        ]);
    }
    right_align(&mut dimensions, &[1, 2]);
    let _ = writeln!(out, "{dimensions}\n");

    let signals = kind(a, Group::Purgatory);
    let status_style = match a.purgatory.status {
        PurgatoryStatus::Stuck => colored(AnsiColor::Red).bold(),
        PurgatoryStatus::AtRisk => colored(AnsiColor::Yellow),
        PurgatoryStatus::None => colored(AnsiColor::Green),
    };
    let _ = writeln!(
        out,
        "Pilot purgatory: {} ({} lingering, {} live; {})",
        paint(a.purgatory.status.word(), status_style, color),
        count(a.purgatory.lingering, "pilot", "pilots"),
        a.purgatory.live,
        count(signals.len(), "signal", "signals"),
    );
    if !signals.is_empty() {
        let _ = writeln!(out, "{}", t.findings(&signals, "Signal"));
    }
    out.push('\n');

    let live_systems = kind(a, Group::Operations);
    if !live_systems.is_empty() {
        let _ = writeln!(
            out,
            "Live systems: {}",
            count(live_systems.len(), "finding", "findings")
        );
        let _ = writeln!(out, "{}\n", t.findings(&live_systems, "Finding"));
    }

    let misconceptions = kind(a, Group::Misconception);
    let _ = writeln!(out, "Misconceptions: {}", misconceptions.len());
    if !misconceptions.is_empty() {
        let mut t = t.table(&["Misconception", "Shown by", "Correction"]);
        for m in &misconceptions {
            t.add_row(vec![
                m.statement.as_deref().unwrap_or_default().to_owned(),
                format!("{}: {}", shown_by(m), m.message),
                m.correction.as_deref().unwrap_or_default().to_owned(),
            ]);
        }
        let _ = writeln!(out, "{t}");
    }
    out.push('\n');

    let others = kind(a, Group::Other);
    if !others.is_empty() {
        let _ = writeln!(out, "Other findings: {}", others.len());
        let _ = writeln!(out, "{}\n", t.findings(&others, "Finding"));
    }

    let _ = writeln!(
        out,
        "Recommendations (top {} of {}):",
        TOP_RECOMMENDATIONS.min(a.recommendations.len()),
        a.recommendations.len()
    );
    for r in a.recommendations.iter().take(TOP_RECOMMENDATIONS) {
        let _ = writeln!(out, "{:>2}. {}", r.rank, r.title);
        let _ = writeln!(out, "    Why: {}", r.reason);
    }
    out.push('\n');
    let _ = writeln!(
        out,
        "Unanswered: {} (completeness {:.1}); --format json lists them.",
        count(a.unanswered.len(), "question", "questions"),
        a.scores.completeness
    );
    if let Some(gate) = &a.gate {
        let _ = writeln!(out, "\nGate: {}", verdict(gate.passed, color));
        for check in &gate.checks {
            let verdict = verdict(check.passed(), color);
            let _ = writeln!(out, "  {verdict}: {}", crate::gate::describe(check));
        }
    }
    let _ = writeln!(out, "\nMade with {}.", super::words::settings(a));
    out
}

fn kind(a: &Assessment, kind: Group) -> Vec<&Finding> {
    a.findings.iter().filter(|f| f.kind == kind).collect()
}

fn verdict(passed: bool, color: bool) -> String {
    if passed {
        paint("passed", colored(AnsiColor::Green), color)
    } else {
        paint("FAILED", colored(AnsiColor::Red).bold(), color)
    }
}

/// How tables are laid out: their width, and whether they may use colour.
struct Tables {
    width: u16,
    color: bool,
}

impl Tables {
    fn findings(&self, findings: &[&Finding], heading: &str) -> Table {
        let mut t = self.table(&[heading, "Severity", "Evidence"]);
        for f in findings {
            let lines: Vec<String> = f.evidence.iter().map(evidence).collect();
            let severity = match f.severity {
                Severity::Critical => Color::Red,
                Severity::Warning => Color::Yellow,
                Severity::Info => Color::Blue,
            };
            t.add_row(vec![
                Cell::new(format!("{}\n{}", f.title, f.message)),
                Cell::new(f.severity.word()).fg(severity),
                Cell::new(lines.join("\n")),
            ]);
        }
        t
    }

    fn table(&self, header: &[&str]) -> Table {
        new_table(header, Some(self.width), self.color)
    }
}
