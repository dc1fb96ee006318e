//! The terminal report: a headline, then tables for scores, dimensions,
//! purgatory, misconceptions and other findings, then the top recommendations.

use super::grid::Grid;
use super::markdown::capitalized;
use super::story;
use super::words::{
    acceptance_lines, bar, bold, colored, confidence_note, count, evidence, fit, new_table, paint,
    right_align, score, wrap,
};
use crate::assessment::Assessment;
use crate::assessment::Finding;
use crate::frameworks::{compact, NOT_A_JUDGEMENT};
use crate::vocabulary::{Confidence, Group, PurgatoryStatus, Side, Word};
use anstyle::AnsiColor;
use std::fmt::{self, Write as _};

/// How many recommendations the terminal shows; the others are in JSON and Markdown.
const TOP_RECOMMENDATIONS: usize = 5;

/// Renders the report for a terminal `width` columns wide, in colour when
/// `color`: one section after another, in the order a reader needs them.
pub fn render(a: &Assessment, width: u16, color: bool) -> String {
    let t = Tables { width, color };
    // Room for a typical report at once, rather than growing (and copying)
    // the text from a few bytes through every power of two.
    let mut report = String::with_capacity(REPORT_ROOM);
    crate::text::append(&mut report, |out| {
        headline(out, a, &t)?;
        decisions(out, a, &t)?;
        scores(out, a, &t)?;
        dimensions(out, a, &t)?;
        purgatory(out, a, &t)?;
        live_systems(out, a, &t)?;
        misconceptions(out, a, &t)?;
        others(out, a, &t)?;
        recommendations(out, a, &t)?;
        spend(out, a, &t)?;
        unanswered(out, a, &t)?;
        accepted_risks(out, a, &t)?;
        comparison(out, a, &t)?;
        gate(out, a, &t)?;
        closing(out, a, &t)?;
        Ok(())
    });
    report
}

/// The bytes a terminal report of one organization starts with room for:
/// the shipped examples' reports take 4 to 20 KB at 100 columns.
const REPORT_ROOM: usize = 24 * 1024;

/// The organization, the date and where it came from, who answered, the
/// verdict and the focus.
fn headline(out: &mut String, a: &Assessment, t: &Tables) -> fmt::Result {
    let date_from = a.organization.assessed_from.brief();
    let headline = format!(
        "AI readiness of {} — assessed {} ({date_from})",
        paint(&a.organization.name, bold(), t.color),
        a.organization.assessed
    );
    writeln!(out, "{}", t.prose(&headline))?;
    if let Some(line) = super::cases::answered_by(a, str::to_owned) {
        writeln!(out, "{}", t.prose(&line))?;
    }
    // An untrustworthy verdict is said before anything else.
    if a.confidence == Confidence::Insufficient {
        let warning = format!("Confidence insufficient: {}", confidence_note(a));
        writeln!(
            out,
            "{}",
            paint(&t.prose(&warning), colored(AnsiColor::Yellow), t.color)
        )?;
    }
    let verdict_line = format!(
        "Level: {}   Quadrant: {}   Focus: {}   Confidence: {}",
        paint(a.level.word(), bold(), t.color),
        paint(a.quadrant.word(), bold(), t.color),
        paint(a.focus.word(), bold(), t.color),
        paint(a.confidence.word(), bold(), t.color)
    );
    writeln!(out, "{}", t.prose(&verdict_line))?;
    // A provisional verdict says why, as the other formats do.
    if a.confidence == Confidence::Provisional {
        let why = format!("Provisional: {}", confidence_note(a));
        writeln!(out, "{}", t.prose(&why))?;
    }
    if let Some(next) = story::next_level(a) {
        writeln!(out, "{}", t.prose(&format!("Next level: {next}")))?;
    }
    writeln!(out, "{}", t.prose(&a.focus_reason))?;
    if let Some(also) = story::focus_also(a) {
        writeln!(out, "{}", t.prose(&also))?;
    }
    out.push('\n');
    Ok(())
}

/// The go/no-go decisions only leadership can take.
fn decisions(out: &mut String, a: &Assessment, t: &Tables) -> fmt::Result {
    if !a.decisions.is_empty() {
        writeln!(out, "Decisions needed from leadership:")?;
        let mut decisions = new_table(&story::DECISION_COLUMNS);
        for d in a.decisions.iter().take(story::DECISIONS_SHOWN) {
            decisions.add_row(story::decision_row(d).to_vec());
        }
        right_align(&mut decisions, &[3, 4]);
        writeln!(out, "{}", t.show(&decisions))?;
        if let Some(more) = story::more_decisions(a, "in the Markdown and JSON reports") {
            writeln!(out, "{}", t.prose(&more))?;
        }
        out.push('\n');
    }
    Ok(())
}

/// The three scores and the completeness of each side, with bars.
fn scores(out: &mut String, a: &Assessment, t: &Tables) -> fmt::Result {
    let s = &a.scores;
    let mut scores = new_table(&["Score", "Value", ""]);
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
            story::score_in_words(a, side),
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
    writeln!(out, "{}\n", t.show(&scores))?;
    Ok(())
}

/// Each dimension's strategy and implementation scores.
fn dimensions(out: &mut String, a: &Assessment, t: &Tables) -> fmt::Result {
    let mut dimensions = new_table(&["Dimension", "Strategy", "Implementation"]);
    for d in &a.dimensions {
        dimensions.add_row(vec![
            d.name.to_string(),
            score(d.strategy),
            score(d.implementation),
        ]);
    }
    right_align(&mut dimensions, &[1, 2]);
    writeln!(out, "{}\n", t.show(&dimensions))?;
    Ok(())
}

/// Pilot purgatory: its status, the pilots retired on purpose, its signals.
fn purgatory(out: &mut String, a: &Assessment, t: &Tables) -> fmt::Result {
    let signals = kind(a, Group::Purgatory);
    let status_style = match a.purgatory.status {
        PurgatoryStatus::Stuck => colored(AnsiColor::Red).bold(),
        PurgatoryStatus::AtRisk => colored(AnsiColor::Yellow),
        PurgatoryStatus::None => colored(AnsiColor::Green),
    };
    let purgatory = if a.purgatory.pilots_listed {
        format!(
            "Pilot purgatory: {} ({} lingering, {} live; {})",
            paint(a.purgatory.status.word(), status_style, t.color),
            count(a.purgatory.lingering, "pilot", "pilots"),
            a.purgatory.live,
            count(signals.len(), "signal", "signals"),
        )
    } else {
        "Pilot purgatory: not judged (the pilots list is not answered)".to_owned()
    };
    writeln!(out, "{}", t.prose(&purgatory))?;
    if let Some(retired) = super::cases::retired_on_purpose(a) {
        writeln!(out, "{}", t.prose(&retired))?;
    }
    if !signals.is_empty() {
        writeln!(out, "{}", t.show(&findings_table(&signals, "Signal")))?;
    }
    out.push('\n');
    Ok(())
}

/// Findings about live systems, then the incidents.
fn live_systems(out: &mut String, a: &Assessment, t: &Tables) -> fmt::Result {
    let live_systems = kind(a, Group::Operations);
    if !live_systems.is_empty() {
        writeln!(
            out,
            "Live systems and running costs: {}",
            count(live_systems.len(), "finding", "findings")
        )?;
        writeln!(
            out,
            "{}\n",
            t.show(&findings_table(&live_systems, "Finding"))
        )?;
    }
    if !a.incidents.is_empty() {
        writeln!(out, "{}", t.prose(&super::cases::incidents_line(a)))?;
        let mut table = new_table(&[
            "Date",
            "Pilot",
            "Kind",
            "Severity",
            "Resolved",
            "What happened",
        ]);
        for i in &a.incidents {
            table.add_row(super::cases::incident_cells(i).to_vec());
        }
        writeln!(out, "{}\n", t.show(&table))?;
    }
    Ok(())
}

/// The misconceptions, each with what shows it and its correction.
fn misconceptions(out: &mut String, a: &Assessment, t: &Tables) -> fmt::Result {
    let misconceptions = kind(a, Group::Misconception);
    writeln!(out, "Misconceptions: {}", misconceptions.len())?;
    if !misconceptions.is_empty() {
        let mut table = new_table(&["Misconception", "Shown by", "Correction"]);
        for m in &misconceptions {
            table.add_row(vec![
                m.statement.as_deref().unwrap_or_default().to_owned(),
                if m.references.is_empty() {
                    format!("{}: {}", capitalized(story::how_shown(m)), m.message)
                } else {
                    format!(
                        "{}: {}\nReferences: {}",
                        capitalized(story::how_shown(m)),
                        m.message,
                        compact(&m.references)
                    )
                },
                m.correction.as_deref().unwrap_or_default().to_owned(),
            ]);
        }
        writeln!(out, "{}", t.show(&table))?;
    }
    out.push('\n');
    Ok(())
}

/// The findings in no other group.
fn others(out: &mut String, a: &Assessment, t: &Tables) -> fmt::Result {
    let others = kind(a, Group::Other);
    if !others.is_empty() {
        writeln!(out, "Other findings: {}", others.len())?;
        writeln!(out, "{}\n", t.show(&findings_table(&others, "Finding")))?;
    }
    Ok(())
}

/// The top recommendations after the focus, numbered as the Markdown
/// report numbers them.
fn recommendations(out: &mut String, a: &Assessment, t: &Tables) -> fmt::Result {
    // The focus is the headline; the list goes on from it, numbered as the
    // Markdown report numbers it.
    let total = story::after_the_focus(a).count();
    writeln!(
        out,
        "Recommendations after the focus (top {} of {total}):",
        TOP_RECOMMENDATIONS.min(total)
    )?;
    for (i, item) in story::action_items(a, TOP_RECOMMENDATIONS)
        .iter()
        .enumerate()
    {
        let rank = format!("{:>2}. ", i + 1);
        let title = if item.critical {
            format!(
                "{} {}",
                paint("Critical:", colored(AnsiColor::Red).bold(), t.color),
                item.title
            )
        } else {
            item.title.clone()
        };
        writeln!(out, "{}", wrap(&title, t.width, &rank, "    "))?;
        writeln!(
            out,
            "{}",
            wrap(&item.why, t.width, "    Why: ", "         ")
        )?;
        for extra in item.notes() {
            writeln!(out, "{}", wrap(extra, t.width, "    ", "    "))?;
        }
    }
    out.push('\n');
    Ok(())
}

/// What the organization spends, when the questionnaire says.
fn spend(out: &mut String, a: &Assessment, t: &Tables) -> fmt::Result {
    if let Some(spend) = story::spend_line(a) {
        writeln!(out, "{}\n", t.prose(&format!("Spend: {spend}")))?;
    }
    Ok(())
}

/// How many questions are unanswered, and which of them the scores read.
fn unanswered(out: &mut String, a: &Assessment, t: &Tables) -> fmt::Result {
    let mut unanswered = if a.unanswered.is_empty() {
        format!(
            "Unanswered: none (completeness {:.1}).",
            a.scores.completeness
        )
    } else {
        format!(
            "Unanswered: {} (completeness {:.1}); --format json lists them.",
            count(a.unanswered.len(), "question", "questions"),
            a.scores.completeness
        )
    };
    let read_by_scores = a.scores.open_questions.overall;
    if a.unanswered.len() > read_by_scores {
        // The count beside the scores is only what the scores read.
        write!(
            unanswered,
            " {read_by_scores} of them are read by the scores; {} read only by findings.",
            count(a.unanswered.len() - read_by_scores, "is", "are")
        )?;
    }
    unanswered.extend(super::story::read_across(a));
    writeln!(out, "{}", t.prose(&unanswered))?;
    Ok(())
}

/// The findings accepted in the settings file.
fn accepted_risks(out: &mut String, a: &Assessment, t: &Tables) -> fmt::Result {
    if !a.acceptances.is_empty() {
        writeln!(out, "\nAccepted risks: {}", a.acceptances.len())?;
        for line in acceptance_lines(a) {
            writeln!(out, "{}", wrap(&line, t.width, "  ", "    "))?;
        }
    }
    Ok(())
}

/// The comparison with the baseline, when there is one.
fn comparison(out: &mut String, a: &Assessment, t: &Tables) -> fmt::Result {
    if let Some(comparison) = &a.comparison {
        write!(out, "\n{}", super::diff::brief_text(comparison, t.width))?;
    }
    Ok(())
}

/// The gate's verdict and each of its checks.
fn gate(out: &mut String, a: &Assessment, t: &Tables) -> fmt::Result {
    if let Some(gate) = &a.gate {
        writeln!(out, "\nGate: {}", verdict(gate.passed, t.color))?;
        for check in &gate.checks {
            let verdict = verdict(check.passed(), t.color);
            let check = crate::gate::describe(check);
            writeln!(
                out,
                "{}",
                wrap(&check, t.width, &format!("  {verdict}: "), "    ")
            )?;
        }
    }
    Ok(())
}

/// The framework views, the note on framework references, and the
/// settings the report was made with.
fn closing(out: &mut String, a: &Assessment, t: &Tables) -> fmt::Result {
    out.push_str(&super::frameworks::report_text(a, t.width));
    if !a.framework_views.is_empty() || a.findings.iter().any(|f| !f.references.is_empty()) {
        writeln!(out, "\n{}", t.prose(NOT_A_JUDGEMENT))?;
    }
    let made_with = format!("Made with {}.", super::words::settings(a));
    writeln!(out, "\n{}", t.prose(&made_with))?;
    Ok(())
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
    /// A table laid out to the width, no word split.
    fn show(&self, table: &Grid) -> String {
        fit(table, self.width)
    }

    /// A paragraph wrapped to the width at spaces.
    fn prose(&self, text: &str) -> String {
        wrap(text, self.width, "", "")
    }
}

/// Findings with their evidence: each finding's title carries its
/// severity, so that the evidence, whose paths are never split, has the
/// room to fit an 80-column terminal.
fn findings_table(findings: &[&Finding], heading: &str) -> Grid {
    let mut t = new_table(&[heading, "Evidence"]);
    for f in findings {
        let (shown, more) = super::story::shown_evidence(&f.evidence);
        let lines: Vec<String> = shown.iter().map(evidence).chain(more).collect();
        let mut text = format!("{} ({})\n{}", f.title, f.severity, f.message);
        if !f.references.is_empty() {
            crate::text::append(&mut text, |text| {
                write!(text, "\nReferences: {}", compact(&f.references))
            });
        }
        for x in &f.accepted {
            crate::text::append(&mut text, |text| {
                write!(text, "\n{}", capitalized(&x.note()))
            });
        }
        t.add_row([text, lines.join("\n")]);
    }
    t
}
