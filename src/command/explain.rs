//! `readiness explain ID`: what a criterion or finding means, what triggers it
//! or how it earns points, its thresholds, and how to improve.

use crate::acceptance::Acceptance;
use crate::assess::findings::describe;
use crate::date::Date;
use crate::error::Error;
use crate::load::questionnaire::format::{pilot, PILOTS};
use crate::load::questionnaire::format_number;
use crate::rubric::{Criterion, Curve, Measure, PilotPoints, Rubric};
use crate::suggest::closest;
use crate::vocabulary::{FindingId, Group, Stage, Word};
use std::fmt::Write as _;

/// The explanation of `id`, or a message with the closest known id.
pub fn explain(
    id: &str,
    rubric: &Rubric,
    accepted: &[Acceptance],
    today: Date,
    as_of: Option<Date>,
) -> Result<String, Error> {
    if let Some(criterion) = rubric.criteria.iter().find(|c| &*c.id == id) {
        return Ok(criterion_text(criterion, rubric));
    }
    if let Some(finding) = FindingId::parse(id) {
        let mut text = finding_text(finding, rubric);
        text.push_str(&references_text("", &rubric.finding(finding).references));
        text.push_str(&acceptances_text(finding, accepted, today, as_of));
        return Ok(text);
    }
    let mut known: Vec<&str> = rubric.criteria.iter().map(|c| &*c.id).collect();
    known.extend(FindingId::words());
    let id = crate::diagnostic::escaped(id);
    Err(Error::UnknownId {
        suggestion: closest(&id, &known).map(str::to_owned),
        id: id.into_owned(),
    })
}

/// The settings file's acceptances of finding `id`, each with whether it
/// holds today (or on the `--as-of` date); nothing when there are none.
fn acceptances_text(
    id: FindingId,
    accepted: &[Acceptance],
    today: Date,
    as_of: Option<Date>,
) -> String {
    let mine: Vec<&Acceptance> = accepted.iter().filter(|x| x.finding == id).collect();
    if mine.is_empty() {
        return String::new();
    }
    let mut out = format!("\nAccepted risks ({}):\n", mine[0].file);
    crate::text::append(&mut out, |out| {
        for x in mine {
            let on = as_of.unwrap_or(today);
            let day = as_of.map_or_else(|| "today".to_owned(), |d| format!("on {d}"));
            // Expired on its own date, as `assess` says, whatever day it
            // is judged on.
            let state = match as_of {
                _ if x.until >= on => format!("in force {day}"),
                None => format!("expired on {}: it counts again", x.until),
                Some(d) => format!("expired on {}: it counts again on {d}", x.until),
            };
            writeln!(out, "  line {}: {} ({state}).", x.line, x.note())?;
        }
        Ok(())
    });
    out
}

fn criterion_text(c: &Criterion, rubric: &Rubric) -> String {
    let side = c.side;
    let side_weight: f64 = rubric
        .criteria
        .iter()
        .filter(|o| o.side == c.side)
        .map(|o| o.weight)
        .sum();
    let mut out = String::new();
    crate::text::append(&mut out, |out| {
        writeln!(out, "{}: {}", c.id, c.title)?;
        writeln!(
            out,
            "Criterion of {} ({}), on the {side} side, weight {} of {} on that side.",
            rubric.dimensions[c.dimension].name,
            rubric.dimensions[c.dimension].id,
            format_number(c.weight),
            format_number(side_weight)
        )?;
        writeln!(out, "Reads: {}", reads(&c.measure))?;
        writeln!(out, "Points: {}", points(&c.measure))?;
        writeln!(
            out,
            "Unanswered, it counts neither for nor against the score: the score is computed from what was answered, the range beside it shows how far the open answers could move it, and completeness falls."
        )?;
        writeln!(out, "How to improve: {}", c.advice_in_general())?;
        out.push_str(&references_text(
            " of its dimension",
            &rubric.dimensions[c.dimension].references,
        ));
        Ok(())
    });
    out
}

/// A finding's or a criterion's dimension's framework references, and what
/// they mean; nothing when there are none.
fn references_text(whose: &str, references: &[crate::frameworks::Reference]) -> String {
    if references.is_empty() {
        return String::new();
    }
    format!(
        "Framework references{whose}: {}. {}\n",
        crate::frameworks::compact(references),
        crate::frameworks::NOT_A_JUDGEMENT
    )
}

fn reads(measure: &Measure) -> String {
    match measure {
        Measure::Choice { path, .. }
        | Measure::Scale { path, .. }
        | Measure::AnyOf { path, .. }
        | Measure::Age { path, .. } => (*path).to_owned(),
        Measure::Checklist { paths } => paths.join(", "),
        Measure::ListCompleteness { list, fields } => {
            format!("{list} (each item's {})", fields.join(", "))
        }
        Measure::Pilots { field, .. } => format!("{PILOTS} (each started pilot's {field})"),
        Measure::PilotPresence { fields } => {
            format!("{PILOTS} (each started pilot's {})", fields.join(", "))
        }
    }
}

fn points(measure: &Measure) -> String {
    match measure {
        Measure::Choice { path, points } => table(question_words(path), points),
        Measure::Checklist { .. } => {
            "the share of these answers that are true (or, for head counts, 1 or more)".to_owned()
        }
        Measure::Scale { curve, .. } => {
            format!("along a curve, value → points: {}", curve_text(curve))
        }
        Measure::AnyOf { items, .. } => {
            format!("the share of these that are listed: {}", items.join(", "))
        }
        Measure::Age { curve, .. } => {
            format!("by the date's age in days → points: {}", curve_text(curve))
        }
        Measure::ListCompleteness { fields, .. } => format!(
            "the share of {} given in each item, averaged over the items",
            fields.join(", ")
        ),
        Measure::Pilots { field, points } => {
            let each = match points {
                PilotPoints::Choice(table_points) => {
                    let words = crate::load::questionnaire::format::pilot_field(field).map_or(
                        &[][..],
                        |f| match f.kind {
                            crate::load::questionnaire::format::Kind::Choice(words) => words,
                            _ => &[],
                        },
                    );
                    // Only started pilots are scored, so only their stages earn points.
                    let scored: Vec<(&str, f64)> = words
                        .iter()
                        .zip(table_points)
                        .filter(|(w, _)| *field != pilot::STAGE || Stage::parse(w).is_some_and(Stage::is_started))
                        .map(|(w, p)| (*w, *p))
                        .collect();
                    let (words, points): (Vec<&str>, Vec<f64>) = scored.into_iter().unzip();
                    table(&words, &points)
                }
                PilotPoints::Flag => "100 when true, 0 when false".to_owned(),
                PilotPoints::AnyOf(items) => format!("the share of {} listed", items.join(", ")),
                PilotPoints::Scale(curve) => {
                    format!("along a curve, value → points: {}", curve_text(curve))
                }
            };
            let retraining = if *field == pilot::RETRAINING {
                " (only pilots built in-house: retraining a bought system is its vendor's job)"
            } else {
                ""
            };
            format!("each started pilot (stage pilot, production or scaled){retraining} earns {each}; the criterion is their average, weighted by each pilot's impact (low 1, medium 2, high 3 by default)")
        }
        Measure::PilotPresence { fields } => format!(
            "each started pilot earns an equal part for each of {} it gives; the criterion is their average, weighted by impact; with the pilots list given and no pilot started, it earns 0",
            fields.join(", ")
        ),
    }
}

fn question_words(path: &str) -> &'static [&'static str] {
    match crate::load::questionnaire::format::question(path).map(|q| q.kind) {
        Some(crate::load::questionnaire::format::Kind::Choice(words)) => words,
        _ => &[],
    }
}

fn table(words: &[&str], points: &[f64]) -> String {
    let pairs: Vec<String> = words
        .iter()
        .zip(points)
        .map(|(w, p)| format!("{w} {}", format_number(*p)))
        .collect();
    pairs.join(", ")
}

fn curve_text(curve: &Curve) -> String {
    let pairs: Vec<String> = curve
        .0
        .iter()
        .map(|(x, p)| format!("{} → {}", format_number(*x), format_number(*p)))
        .collect();
    format!(
        "{} (straight lines in between, flat beyond the ends)",
        pairs.join(", ")
    )
}

fn finding_text(id: FindingId, rubric: &Rubric) -> String {
    let text = rubric.finding(id);
    let kind = match id.group() {
        Group::Purgatory => "pilot purgatory signal",
        Group::Operations => "finding about live systems and running costs",
        Group::Misconception => "misconception",
        Group::Other => "finding",
    };
    let mut out = String::new();
    crate::text::append(&mut out, |out| {
        writeln!(out, "{id}: {}", text.title)?;
        writeln!(
            out,
            "A {kind}, severity {}.",
            describe::severity(id, rubric)
        )?;
        if let (Some(statement), Some(correction)) = (&text.statement, &text.correction) {
            writeln!(out, "The belief: {statement}")?;
            writeln!(out, "The correction: {correction}")?;
        }
        writeln!(out, "Fires when: {}", describe::trigger(id, rubric))?;
        writeln!(out, "An unanswered question never makes it fire.")?;
        writeln!(
            out,
            "How to improve: {}",
            describe::generic_remedy(id, rubric)
        )?;
        // The remedy a report gives once pilots are started, where the
        // rubric holds one (`strategy-first`): both are shown.
        if let Some(started) = &text.remedy_started {
            let started = crate::rubric::template::fill(
                started,
                &[("started", "named in the report".to_owned())],
            );
            writeln!(out, "Once pilots are started: {started}")?;
        }
        // `strategy-first`'s remedies act against the belief itself.
        let belief = (id != FindingId::StrategyFirst)
            .then(|| crate::assess::findings::belief_remedy(text))
            .flatten();
        if let Some(remedy) = belief {
            writeln!(
                out,
                "When leadership states it and the answers do not show it: {remedy}"
            )?;
        }
        Ok(())
    });
    out
}
