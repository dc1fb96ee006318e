//! The comparison of two assessments (`readiness diff`) as terminal text and
//! as Markdown short enough for a pull-request comment.

use super::markup::cell;
use super::story::capitalized;
use super::words::{score as number, sentence, wrap};
use crate::diff::{Change, Diff, FindingRef, NumberChange, PilotChange};
use crate::vocabulary::Word;
use std::fmt::Write as _;

/// The comparison for a terminal `width` columns wide.
pub fn text(d: &Diff, width: u16) -> String {
    crate::text::written(|out| {
        // Indented lines keep their indent as the wrap's prefix.
        let line = |out: &mut String, text: &str, rest: &str| {
            let indent = &text[..text.len() - text.trim_start().len()];
            writeln!(out, "{}", wrap(text.trim_start(), width, indent, rest))
        };
        line(out, &headline(d), "")?;
        for warning in &d.warnings {
            line(out, &format!("Note: {warning}"), "  ")?;
        }
        out.push_str("\nScores\n");
        for s in &d.scores {
            let mut text = format!("  {}: {}", s.name, number_change(&s.value));
            if let Some(ranges) = ranges(s.before_range, s.after_range) {
                write!(text, "; range {ranges}")?;
            }
            line(out, &text, "    ")?;
        }
        out.push('\n');
        for (name, change) in verdicts(d) {
            line(out, &format!("{name}: {}", word_change(&change)), "  ")?;
        }
        line(
            out,
            &format!(
                "Pilot-to-production rate: {}",
                percent_change(&d.pilot_to_production_pct)
            ),
            "  ",
        )?;
        let moved: Vec<_> = d.dimensions.iter().filter(|x| moved(x)).collect();
        writeln!(
            out,
            "\nDimensions that moved: {} of {}",
            moved.len(),
            d.dimensions.len()
        )?;
        for x in moved {
            let text = format!(
                "  {}: strategy {}; implementation {}",
                x.name,
                number_change(&x.strategy),
                number_change(&x.implementation)
            );
            line(out, &text, "    ")?;
        }
        for (title, list) in finding_groups(d) {
            writeln!(out, "\n{title}: {}", list.len())?;
            for f in list {
                line(out, &format!("  {}", finding(f)), "    ")?;
            }
        }
        writeln!(out, "\nPilots that changed: {}", d.pilots.len())?;
        for p in &d.pilots {
            line(out, &format!("  {}", pilot(p)), "    ")?;
        }
        Ok(())
    })
}

/// The comparison in Markdown.
pub fn markdown(d: &Diff) -> String {
    let mut out = format!("# What changed: {}\n\n", cell(&d.after.organization));
    crate::text::append(&mut out, |out| {
        writeln!(out, "{}\n", cell(&headline(d)))?;
        for warning in &d.warnings {
            writeln!(out, "> **Note:** {}\n", cell(warning))?;
        }
        score_table(out, d, "Before", "After")?;
        for (name, change) in verdicts(d) {
            writeln!(out, "- {name}: {}", word_change(&change))?;
        }
        writeln!(
            out,
            "- Pilot-to-production rate: {}",
            percent_change(&d.pilot_to_production_pct)
        )?;
        let moved: Vec<_> = d.dimensions.iter().filter(|x| moved(x)).collect();
        if !moved.is_empty() {
            out.push_str("\n## Dimensions that moved\n\n| Dimension | Strategy | Implementation |\n| --- | --- | --- |\n");
            for x in moved {
                writeln!(
                    out,
                    "| {} | {} | {} |",
                    cell(&x.name),
                    number_change(&x.strategy),
                    number_change(&x.implementation)
                )?;
            }
        }
        for (title, list) in finding_groups(d) {
            if list.is_empty() {
                continue;
            }
            writeln!(out, "\n## {title}\n")?;
            for f in list {
                writeln!(out, "- {}", cell(&finding(f)))?;
            }
        }
        if !d.pilots.is_empty() {
            out.push_str("\n## Pilots that changed\n\n");
            for p in &d.pilots {
                writeln!(out, "- {}", cell(&pilot(p)))?;
            }
        }
        Ok(())
    });
    out
}

/// The scores before and after, with their ranges, as a Markdown table.
fn score_table(out: &mut String, d: &Diff, before: &str, after: &str) -> std::fmt::Result {
    writeln!(
        out,
        "| Score | {before} | {after} | Change |\n| --- | ---: | ---: | ---: |"
    )?;
    for row in score_rows(d) {
        writeln!(out, "| {} |", row.join(" | "))?;
    }
    out.push('\n');
    Ok(())
}

/// Each score before and after, with its range where it has one, and the change.
pub(super) fn score_rows(d: &Diff) -> Vec<[String; 4]> {
    d.scores
        .iter()
        .map(|s| {
            [
                capitalized(&s.name),
                with_range(s.value.before, s.before_range),
                with_range(s.value.after, s.after_range),
                signed(s.value.change),
            ]
        })
        .collect()
}

pub(super) fn headline(d: &Diff) -> String {
    format!(
        "{}: assessed {} ({}) compared with {} ({}).",
        d.after.organization, d.after.assessed, d.after.source, d.before.assessed, d.before.source
    )
}

pub(super) fn verdicts(d: &Diff) -> [(&'static str, Change<&'static str>); 5] {
    [
        ("Level", words(&d.level)),
        ("Quadrant", words(&d.quadrant)),
        ("Focus", words(&d.focus)),
        ("Confidence", words(&d.confidence)),
        ("Pilot purgatory", words(&d.purgatory_status)),
    ]
}

/// A change of closed words, as its words.
pub(super) fn words<T: Word>(c: &Change<T>) -> Change<&'static str> {
    Change {
        before: c.before.word(),
        after: c.after.word(),
        changed: c.changed,
    }
}

pub(super) fn finding_groups(d: &Diff) -> [(&'static str, &[FindingRef]); 3] {
    [
        ("Findings resolved", &d.findings.resolved),
        ("New findings", &d.findings.new),
        ("Findings still open", &d.findings.still_open),
    ]
}

pub(super) fn moved(x: &crate::diff::DimensionChange) -> bool {
    x.strategy.before != x.strategy.after || x.implementation.before != x.implementation.after
}

pub(super) fn word_change(c: &Change<&str>) -> String {
    if c.changed {
        format!("{} → {}", c.before, c.after)
    } else {
        format!("{} (unchanged)", c.after)
    }
}

pub(super) fn signed(change: Option<f64>) -> String {
    match change {
        None => "—".to_owned(),
        Some(0.0) => "0.0".to_owned(),
        Some(c) => format!("{c:+.1}"),
    }
}

pub(super) fn number_change(n: &NumberChange) -> String {
    match (n.before == n.after, n.change) {
        (true, _) => format!("{} (unchanged)", number(n.after)),
        (false, Some(change)) => format!(
            "{} → {} ({})",
            number(n.before),
            number(n.after),
            signed(Some(change))
        ),
        // One side has no score: there is no difference to give.
        (false, None) => format!("{} → {}", number(n.before), number(n.after)),
    }
}

pub(super) fn percent_change(n: &NumberChange) -> String {
    let percent =
        |v: Option<f64>| v.map_or_else(|| "none started".to_owned(), |v| format!("{v:.1}%"));
    if n.before == n.after {
        format!("{} (unchanged)", percent(n.after))
    } else {
        format!("{} → {}", percent(n.before), percent(n.after))
    }
}

/// The ranges, where either side's is not exact.
fn ranges(before: Option<[f64; 2]>, after: Option<[f64; 2]>) -> Option<String> {
    let exact = |r: Option<[f64; 2]>| r.is_none_or(|[low, high]| low == high);
    if exact(before) && exact(after) {
        return None;
    }
    let show =
        |r: Option<[f64; 2]>| r.map_or_else(|| "—".to_owned(), |[l, h]| format!("{l:.1}–{h:.1}"));
    Some(format!("{} → {}", show(before), show(after)))
}

fn with_range(value: Option<f64>, range: Option<[f64; 2]>) -> String {
    match range {
        Some([low, high]) if low != high => format!("{} ({low:.1}–{high:.1})", number(value)),
        _ => number(value),
    }
}

pub(super) fn finding(f: &FindingRef) -> String {
    let line = format!("{} ({}, {}): {}", f.title, f.id, f.severity, f.message);
    match pilot_moves(f) {
        Some(moves) => format!("{line} It {moves}."),
        None => line,
    }
}

/// How a finding still open moved among the pilots: `newly names a and no
/// longer names b` (never "also": the pilots it named before may all be
/// gone); `None` when it names the same ones.
fn pilot_moves(f: &FindingRef) -> Option<String> {
    let listed = |pilots: &[String]| crate::text::names(pilots.iter().map(String::as_str));
    let mut moves = Vec::new();
    if !f.pilots_added.is_empty() {
        moves.push(format!("newly names {}", listed(&f.pilots_added)));
    }
    if !f.pilots_cleared.is_empty() {
        moves.push(format!("no longer names {}", listed(&f.pilots_cleared)));
    }
    (!moves.is_empty()).then(|| moves.join(" and "))
}

pub(super) fn pilot(p: &PilotChange) -> String {
    match (&p.before, &p.after) {
        (Some(before), Some(after)) => format!("{}: {before} → {after}", p.name),
        (None, Some(after)) => format!("{}: added, at stage {after}", p.name),
        (Some(before), None) => format!("{}: removed (was at stage {before})", p.name),
        (None, None) => p.name.clone(),
    }
}

/// What a report says of its baseline (`assess --baseline`): the moves only,
/// each once, as sentences; `readiness diff` gives the whole comparison.
pub(super) fn brief(d: &Diff) -> Vec<String> {
    let mut lines = Vec::new();
    let verdicts: Vec<String> = verdicts(d)
        .into_iter()
        .filter(|(_, c)| c.changed)
        .map(|(name, c)| format!("{name}: {}", word_change(&c)))
        .collect();
    lines.extend(verdicts);
    if d.pilot_to_production_pct.before != d.pilot_to_production_pct.after {
        lines.push(format!(
            "Pilot-to-production rate: {}",
            percent_change(&d.pilot_to_production_pct)
        ));
    }
    for x in d.dimensions.iter().filter(|x| moved(x)) {
        let mut sides = Vec::new();
        if x.strategy.before != x.strategy.after {
            sides.push(format!("strategy {}", number_change(&x.strategy)));
        }
        if x.implementation.before != x.implementation.after {
            sides.push(format!(
                "implementation {}",
                number_change(&x.implementation)
            ));
        }
        lines.push(format!("{}: {}", x.name, sides.join("; ")));
    }
    for f in &d.findings.resolved {
        lines.push(format!("Resolved: {} ({})", f.title, f.id));
    }
    for f in &d.findings.new {
        lines.push(format!("New: {}", finding(f)));
    }
    if !d.findings.still_open.is_empty() {
        let titles: Vec<String> = d
            .findings
            .still_open
            .iter()
            .map(|f| match pilot_moves(f) {
                Some(moves) => format!("{} (it {moves})", f.title),
                None => f.title.clone(),
            })
            .collect();
        lines.push(format!("Still open: {}", titles.join("; ")));
    }
    for p in &d.pilots {
        lines.push(format!("Pilot {}", pilot(p)));
    }
    lines.iter().map(|text| sentence(text)).collect()
}

/// What changed since the baseline in three lines at most, for the
/// leadership part of a report: the comparison itself, the scores that
/// moved, and the verdicts and findings that changed. The whole comparison
/// is under Evidence and method.
pub fn three_lines(d: &Diff) -> Vec<String> {
    let mut lines = vec![since(d)];
    if unchanged(d) {
        return lines;
    }
    let scores: Vec<String> = d
        .scores
        .iter()
        .filter(|s| s.value.before != s.value.after)
        .map(|s| format!("{} {}", s.name, number_change(&s.value)))
        .collect();
    lines.push(if scores.is_empty() {
        "The scores did not move.".to_owned()
    } else {
        sentence(&capitalized(&scores.join("; ")))
    });
    let mut changes: Vec<String> = verdicts(d)
        .into_iter()
        .filter(|(_, c)| c.changed)
        .map(|(name, c)| format!("{name}: {}", word_change(&c)))
        .collect();
    let f = &d.findings;
    if !f.resolved.is_empty() || !f.new.is_empty() {
        let critical = f
            .new
            .iter()
            .filter(|x| x.severity == crate::vocabulary::Severity::Critical)
            .count();
        let mut findings = format!(
            "findings: {} resolved, {} new",
            f.resolved.len(),
            f.new.len()
        );
        if critical > 0 {
            crate::text::append(&mut findings, |findings| {
                write!(findings, " ({critical} critical)")
            });
        }
        changes.push(findings);
    }
    if !changes.is_empty() {
        lines.push(sentence(&capitalized(&changes.join("; "))));
    }
    lines
}

/// Whether nothing a report shows moved since the baseline.
pub(super) fn unchanged(d: &Diff) -> bool {
    d.scores
        .iter()
        .all(|s| s.value.before == s.value.after && s.before_range == s.after_range)
        && verdicts(d).iter().all(|(_, c)| !c.changed)
        && d.pilot_to_production_pct.before == d.pilot_to_production_pct.after
        && !d.dimensions.iter().any(moved)
        && d.findings.resolved.is_empty()
        && d.findings.new.is_empty()
        && d.pilots.is_empty()
}

pub(super) fn since(d: &Diff) -> String {
    let mut text = format!(
        "Compared with {}, assessed {}.",
        d.before.source, d.before.assessed
    );
    if unchanged(d) {
        text.push_str(" Nothing moved: the same scores, verdicts, findings and pilots.");
    }
    text
}

/// The baseline section of a terminal report.
pub fn brief_text(d: &Diff, width: u16) -> String {
    let mut out = String::from("Since the baseline\n");
    crate::text::append(&mut out, |out| {
        let mut line = |text: &str| writeln!(out, "{}", wrap(text, width, "  ", "    "));
        line(&since(d))?;
        for warning in &d.warnings {
            line(&format!("Note: {warning}"))?;
        }
        if !unchanged(d) {
            let scores: Vec<String> = d
                .scores
                .iter()
                .filter(|s| s.name != "completeness")
                .map(|s| format!("{} {}", s.name, number_change(&s.value)))
                .collect();
            line(&format!("Scores: {}.", scores.join("; ")))?;
            for text in brief(d) {
                line(&text)?;
            }
        }
        Ok(())
    });
    out
}

/// The baseline section of a Markdown report, short enough for a
/// pull-request comment.
pub fn brief_markdown(d: &Diff) -> String {
    let mut out = format!("### Since the baseline, in full\n\n{}\n\n", cell(&since(d)));
    crate::text::append(&mut out, |out| {
        for warning in &d.warnings {
            writeln!(out, "> **Note:** {}\n", cell(warning))?;
        }
        if unchanged(d) {
            return Ok(());
        }
        score_table(out, d, "Baseline", "Now")?;
        // The table ends with a blank line; so does the list, when there is one.
        let lines = brief(d);
        for text in &lines {
            writeln!(out, "- {}", cell(text))?;
        }
        if !lines.is_empty() {
            out.push('\n');
        }
        Ok(())
    });
    out
}
