//! The Mermaid `quadrantChart` both Markdown reports draw: labels quoted so
//! that any name parses (Mermaid 11 reads quoted labels), coordinates scaled
//! so that the chart's midlines sit at the rubric's cut line, points kept off
//! the edges where their labels would be cut, and points that would fall on
//! one another moved apart a little.

use crate::assessment::Scores;
use crate::vocabulary::{Quadrant, Side};
use std::fmt::Write as _;

/// The chart's header: title, axes and the four quadrants' names.
pub(super) fn header(out: &mut String, quadrant_name: impl Fn(Quadrant) -> String) {
    crate::text::append(out, |out| {
        out.push_str("```mermaid\nquadrantChart\n    title Strategy and implementation\n");
        out.push_str("    x-axis Low strategy --> High strategy\n");
        out.push_str("    y-axis Low implementation --> High implementation\n");
        // Mermaid numbers quadrants from the top right, anticlockwise.
        for (number, quadrant) in [
            (1, Quadrant::Aligned),
            (2, Quadrant::UnusedTools),
            (3, Quadrant::Early),
            (4, Quadrant::SlideDeck),
        ] {
            writeln!(
                out,
                "    quadrant-{number} {}",
                label(&quadrant_name(quadrant))
            )?;
        }
        Ok(())
    });
}

/// One point per organization, labelled with the given names, placed by
/// its scores against its rubric's cut line; then the fence. An
/// organization with a side not scored is not placed, since no point would
/// say where it stands: a line under the chart says why.
pub(super) fn points(out: &mut String, named: &[(String, &Scores, f64)]) {
    crate::text::append(out, |out| {
        let mut placed: Vec<(u32, u32)> = Vec::new();
        let mut unplaced: Vec<String> = Vec::new();
        for &(ref name, scores, cut) in named {
            if let Some(why) = not_placed(scores) {
                unplaced.push(if named.len() == 1 {
                    why
                } else {
                    format!("{} ({why})", super::markup::cell(name))
                });
                continue;
            }
            let x0 = position(scores.effective(Side::Strategy), cut);
            let y0 = position(scores.effective(Side::Implementation), cut);
            let (x, y) = free_spot(&placed, x0, y0);
            placed.push((thousandths(x), thousandths(y)));
            writeln!(out, "    {}: [{}, {}]", label(name), number(x), number(y))?;
        }
        out.push_str("```\n");
        if !unplaced.is_empty() {
            writeln!(out, "\n{}", not_placed_line(&unplaced))?;
        }
        Ok(())
    });
}

/// The line under a chart that names who is not placed and why.
pub(super) fn not_placed_line(unplaced: &[String]) -> String {
    format!("Not placed: {}.", unplaced.join("; "))
}

/// Why scores have no point on the chart: `strategy is not scored, 18
/// questions open`; `None` when both sides are scored.
pub(super) fn not_placed(s: &Scores) -> Option<String> {
    let sides: Vec<String> = [
        ("strategy", s.strategy, s.open_questions.strategy),
        (
            "implementation",
            s.implementation,
            s.open_questions.implementation,
        ),
    ]
    .into_iter()
    .filter(|(_, score, _)| score.is_none())
    .map(|(side, _, open)| {
        format!(
            "{side} is not scored, {}",
            super::words::count(open, "question open", "questions open")
        )
    })
    .collect();
    (!sides.is_empty()).then(|| sides.join(" and "))
}

/// The spot for a point at `(x0, y0)`: there, or where no point was placed
/// yet, stepping aside in rings around it. A point never leaves its quadrant,
/// so the chart never shows an organization where it does not stand.
fn free_spot(placed: &[(u32, u32)], x0: f64, y0: f64) -> (f64, f64) {
    let same_half =
        |v0: f64, v: f64| (v0 >= 0.5) == (v >= 0.5) && (MARGIN..=1.0 - MARGIN).contains(&v);
    let free = |x: f64, y: f64| !placed.contains(&(thousandths(x), thousandths(y)));
    if free(x0, y0) {
        return (x0, y0);
    }
    for ring in 1..=40u8 {
        let r = f64::from(ring);
        for (dx, dy) in [
            (0.0, 1.0),
            (0.0, -1.0),
            (1.0, 0.0),
            (-1.0, 0.0),
            (1.0, 1.0),
            (-1.0, -1.0),
            (1.0, -1.0),
            (-1.0, 1.0),
        ] {
            let (x, y) = (x0 + dx * r * STEP, y0 + dy * r * STEP);
            if same_half(x0, x) && same_half(y0, y) && free(x, y) {
                return (x, y);
            }
        }
    }
    // A crowd beyond every ring: the point goes where it stands.
    (x0, y0)
}

/// How far a point steps aside from one already placed.
const STEP: f64 = 0.03;
/// How close to an edge a point may sit before its label is cut.
const MARGIN: f64 = 0.03;

/// A score as a chart coordinate: the cut line at the middle, each half
/// stretched to its side, and kept off the edges.
pub(super) fn position(score: f64, cut: f64) -> f64 {
    let score = score.clamp(0.0, 100.0);
    let scaled = if cut <= 0.0 {
        0.5 + score / 200.0
    } else if cut >= 100.0 || score < cut {
        0.5 * score / cut.min(100.0)
    } else {
        0.5 + 0.5 * (score - cut) / (100.0 - cut)
    };
    scaled.clamp(MARGIN, 1.0 - MARGIN)
}

#[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
fn thousandths(x: f64) -> u32 {
    // Within 0..=1, so the cast is exact.
    (x * 1000.0).round() as u32
}

/// A coordinate written without trailing zeros.
fn number(x: f64) -> String {
    let text = format!("{x:.3}");
    let text = text.trim_end_matches('0').trim_end_matches('.');
    if text.is_empty() {
        "0".to_owned()
    } else {
        text.to_owned()
    }
}

/// A label Mermaid reads whatever it holds: quoted, with the quote, the
/// entity sign and angle brackets written as Mermaid entities and line
/// breaks as spaces.
pub(super) fn label(name: &str) -> String {
    let mut out = String::with_capacity(name.len() + 2);
    out.push('"');
    for c in name.chars() {
        match c {
            '"' => out.push_str("#quot;"),
            '#' => out.push_str("#35;"),
            // Never markup, even inside the chart.
            '<' => out.push_str("#60;"),
            '>' => out.push_str("#62;"),
            c if c.is_control() => out.push(' '),
            c => out.push(c),
        }
    }
    if name.trim().is_empty() {
        out.push_str("Organization");
    }
    out.push('"');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_cut_line_is_the_midline() {
        assert!((position(50.0, 50.0) - 0.5).abs() < 1e-9);
        assert!((position(60.0, 60.0) - 0.5).abs() < 1e-9);
        assert!(position(59.9, 60.0) < 0.5);
        assert!((position(80.0, 60.0) - 0.75).abs() < 1e-9);
        assert!((position(30.0, 60.0) - 0.25).abs() < 1e-9);
        assert!((position(100.0, 50.0) - 0.97).abs() < 1e-9);
        assert!((position(0.0, 50.0) - 0.03).abs() < 1e-9);
    }

    #[test]
    fn labels_are_quoted_and_escaped() {
        assert_eq!(label("Acme (EMEA)"), "\"Acme (EMEA)\"");
        assert_eq!(label("Say \"hi\" #1"), "\"Say #quot;hi#quot; #35;1\"");
        assert_eq!(label(" "), "\" Organization\"");
    }
}
