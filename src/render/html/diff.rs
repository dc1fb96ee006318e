//! The comparison of two assessments in HTML: `readiness diff --format
//! html` as a page, and a report's "Since the baseline, in full" section,
//! with the content and order of their Markdown ([`crate::render::diff`]).

use super::{escape, page, Writer};
use crate::diff::Diff;
use crate::render::diff as words;
use std::fmt::Write as _;

/// `readiness diff --format html`.
pub fn render(d: &Diff) -> String {
    let title = format!("What changed: {}", d.after.organization);
    let mut out = Writer::new(0);
    crate::text::append(&mut out, |out| {
        out.heading(1, &title);
        out.paragraph(&words::headline(d));
        notes(out, d)?;
        scores(out, d, "Before", "After");
        let mut verdicts: Vec<String> = words::verdicts(d)
            .into_iter()
            .map(|(name, change)| format!("{name}: {}", words::word_change(&change)))
            .collect();
        verdicts.push(format!(
            "Pilot-to-production rate: {}",
            words::percent_change(&d.pilot_to_production_pct)
        ));
        out.list(&verdicts);
        let moved: Vec<Vec<String>> = d
            .dimensions
            .iter()
            .filter(|x| words::moved(x))
            .map(|x| {
                vec![
                    x.name.clone(),
                    words::number_change(&x.strategy),
                    words::number_change(&x.implementation),
                ]
            })
            .collect();
        if !moved.is_empty() {
            out.heading(2, "Dimensions that moved");
            out.table(
                "Dimensions whose scores moved",
                &["Dimension", "Strategy", "Implementation"],
                &moved,
                &[],
            );
        }
        for (title, list) in words::finding_groups(d) {
            if list.is_empty() {
                continue;
            }
            out.heading(2, title);
            let lines: Vec<String> = list.iter().map(words::finding).collect();
            out.list(&lines);
        }
        if !d.pilots.is_empty() {
            out.heading(2, "Pilots that changed");
            let lines: Vec<String> = d.pilots.iter().map(words::pilot).collect();
            out.list(&lines);
        }
        Ok(())
    });
    page(&title, &out.out)
}

fn notes(out: &mut Writer, d: &Diff) -> std::fmt::Result {
    for warning in &d.warnings {
        writeln!(
            out.out,
            "<p class=\"warning\"><strong>Note:</strong> {}</p>",
            escape(warning)
        )?;
    }
    Ok(())
}

fn scores(out: &mut Writer, d: &Diff, before: &str, after: &str) {
    let rows: Vec<Vec<String>> = words::score_rows(d)
        .into_iter()
        .map(|row| row.to_vec())
        .collect();
    out.table(
        &format!(
            "Scores: {} and {}",
            before.to_lowercase(),
            after.to_lowercase()
        ),
        &["Score", before, after, "Change"],
        &rows,
        &[1, 2, 3],
    );
}

/// A report's baseline section under Evidence and method.
pub(super) fn brief(out: &mut Writer, d: &Diff) -> std::fmt::Result {
    out.heading(3, "Since the baseline, in full");
    out.paragraph(&words::since(d));
    notes(out, d)?;
    if words::unchanged(d) {
        return Ok(());
    }
    scores(out, d, "Baseline", "Now");
    let lines = words::brief(d);
    if !lines.is_empty() {
        out.list(&lines);
    }
    Ok(())
}
