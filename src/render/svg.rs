//! The HTML report's charts, drawn by the tool as inline SVG: the quadrant
//! chart (the point at the scores, the range box when confidence is not
//! firm, the baseline's point with an arrow to today's, the cut lines with
//! their value, ticks every 25) and the line chart of a history. Labels are
//! placed where they overlap neither each other nor the quadrant names:
//! moved, never dropped. Every outside text goes through [`escape`].

use super::markup::escape;
use std::fmt::Write as _;

/// The chart's size in SVG units, and where the plot sits inside it.
const WIDTH: f64 = 640.0;
const HEIGHT: f64 = 480.0;
const LEFT: f64 = 64.0;
const RIGHT: f64 = 580.0;
const TOP: f64 = 30.0;
const BOTTOM: f64 = 424.0;
/// Label text: the width of a character as measured for
/// placement (generous, so that a wide font still fits its box).
const CHAR: f64 = 7.8;
const LINE: f64 = 18.0;
/// How many labels the plot holds before the rest are listed under it.
const CROWD: usize = 80;

/// A box on the chart, in SVG units.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Rect {
    pub x: f64,
    pub y: f64,
    pub w: f64,
    pub h: f64,
}

impl Rect {
    pub fn overlaps(&self, o: &Rect) -> bool {
        self.x < o.x + o.w && o.x < self.x + self.w && self.y < o.y + o.h && o.y < self.y + self.h
    }

    fn inside(&self, x0: f64, y0: f64, x1: f64, y1: f64) -> bool {
        self.x >= x0 && self.y >= y0 && self.x + self.w <= x1 && self.y + self.h <= y1
    }
}

/// One organization on the quadrant chart.
#[derive(Debug, Clone)]
pub struct Mark {
    /// The label drawn beside the point: the name, or its number in the legend.
    pub label: String,
    /// The scores, when both sides are scored.
    pub point: Option<(f64, f64)>,
    /// The ranges of strategy and implementation, shaded when not firm.
    pub range: Option<([f64; 2], [f64; 2])>,
    /// Where the organization stood at the baseline, when both were scored.
    pub baseline: Option<(f64, f64)>,
}

/// What the quadrant chart shows.
#[derive(Debug)]
pub struct Quadrants<'a> {
    pub cut: f64,
    /// Names of Early, Slide deck, Unused tools, Aligned.
    pub names: [&'a str; 4],
    pub marks: Vec<Mark>,
    pub title: &'a str,
    pub description: &'a str,
    /// Prefixes the chart's ids, unique on the page.
    pub id: &'a str,
}

fn x_of(score: f64) -> f64 {
    LEFT + (RIGHT - LEFT) * score.clamp(0.0, 100.0) / 100.0
}

fn y_of(score: f64) -> f64 {
    BOTTOM - (BOTTOM - TOP) * score.clamp(0.0, 100.0) / 100.0
}

/// A number as SVG writes it: at most one decimal, no trailing zero.
fn n(x: f64) -> String {
    let text = format!("{x:.1}");
    text.strip_suffix(".0").unwrap_or(&text).to_owned()
}

/// A label's box for its text, with its top-left corner at `(x, y)`.
fn label_box(text: &str, x: f64, y: f64) -> Rect {
    Rect {
        x,
        y,
        w: text_width(text) + 6.0,
        h: LINE,
    }
}

/// How wide `text` is drawn at the labels' size, erring wide: capitals
/// and wide letters count more, narrow ones less, and a character outside
/// Latin (CJK, say) as a full square.
fn text_width(text: &str) -> f64 {
    text.chars()
        .map(|c| match c {
            'i' | 'j' | 'l' | 'I' | '.' | ',' | ':' | ';' | '\'' | '|' | '!' | ' ' => 0.5 * CHAR,
            'm' | 'w' | 'M' | 'W' => 1.45 * CHAR,
            c if c.is_ascii_uppercase() => 1.25 * CHAR,
            c if c.is_ascii() || c.len_utf8() < 3 => CHAR,
            _ => 1.7 * CHAR,
        })
        .sum()
}

/// The boxes of the four quadrant names, each in its quadrant's outer
/// corner: Early bottom left, Slide deck bottom right, Unused tools top
/// left, Aligned top right.
pub fn name_boxes(names: [&str; 4]) -> [Rect; 4] {
    let at = |text: &str, right: bool, top: bool| {
        let mut r = label_box(text, 0.0, 0.0);
        r.x = if right { RIGHT - 4.0 - r.w } else { LEFT + 4.0 };
        r.y = if top { TOP + 4.0 } else { BOTTOM - 4.0 - r.h };
        r
    };
    [
        at(names[0], false, false),
        at(names[1], true, false),
        at(names[2], false, true),
        at(names[3], true, true),
    ]
}

/// Where each label goes: beside its point where that overlaps nothing
/// taken, else further out in rings, else anywhere free on the chart,
/// else in rows under the plot. `None` for a mark with no point.
/// `taken` holds the quadrant names' boxes and grows with every label.
pub fn place_labels(marks: &[Mark], taken: &mut Vec<Rect>) -> Vec<Option<Rect>> {
    // Points are obstacles too: no label hides another organization.
    let dots: Vec<Rect> = marks
        .iter()
        .filter_map(|m| m.point)
        .map(|(s, i)| Rect {
            x: x_of(s) - 4.0,
            y: y_of(i) - 4.0,
            w: 8.0,
            h: 8.0,
        })
        .collect();
    let mut below = 0.0;
    let mut placed = Vec::with_capacity(marks.len());
    for m in marks {
        let Some((strategy, implementation)) = m.point else {
            placed.push(None);
            continue;
        };
        let (px, py) = (x_of(strategy), y_of(implementation));
        let free = |r: &Rect, taken: &[Rect]| {
            r.inside(LEFT, TOP, RIGHT, BOTTOM)
                && !taken.iter().any(|t| t.overlaps(r))
                && !dots.iter().any(|d| d.overlaps(r))
        };
        let sized = label_box(&m.label, 0.0, 0.0);
        let mut spot = None;
        'rings: for ring in 0..12u8 {
            let d = 6.0 + f64::from(ring) * 10.0;
            for (dx, dy) in [
                (d, -sized.h / 2.0),
                (-d - sized.w, -sized.h / 2.0),
                (-sized.w / 2.0, -d - sized.h),
                (-sized.w / 2.0, d),
                (d, -d - sized.h),
                (d, d),
                (-d - sized.w, -d - sized.h),
                (-d - sized.w, d),
            ] {
                let r = label_box(&m.label, px + dx, py + dy);
                if free(&r, taken) {
                    spot = Some(r);
                    break 'rings;
                }
            }
        }
        // Anywhere free on the plot, nearest the point first; past a crowd
        // of labels the search costs more than it finds, so they go under it.
        if spot.is_none() && taken.len() < CROWD {
            let mut best: Option<(f64, Rect)> = None;
            let mut top = TOP;
            while top + sized.h <= BOTTOM {
                let mut left = LEFT;
                while left + sized.w <= RIGHT {
                    let r = label_box(&m.label, left, top);
                    let dist =
                        (left + sized.w / 2.0 - px).powi(2) + (top + sized.h / 2.0 - py).powi(2);
                    if free(&r, taken) && best.is_none_or(|(b, _)| dist < b) {
                        best = Some((dist, r));
                    }
                    left += 8.0;
                }
                top += 6.0;
            }
            spot = best.map(|(_, r)| r);
        }
        let r = spot.unwrap_or_else(|| {
            // The plot is full: a row of its own under the axis title.
            let r = label_box(&m.label, LEFT, HEIGHT + below);
            below += LINE + 2.0;
            r
        });
        taken.push(r);
        placed.push(Some(r));
    }
    placed
}

/// The quadrant chart as an `<svg>` element.
pub fn quadrants(q: &Quadrants<'_>) -> String {
    let names = name_boxes(q.names);
    let mut taken: Vec<Rect> = names.to_vec();
    // Today's points first, then where each stood at its baseline, labelled
    // too: both are placed under the same rules.
    let mut all = q.marks.clone();
    all.extend(
        q.marks
            .iter()
            .filter(|m| m.point.is_some())
            .filter_map(|m| {
                m.baseline.map(|point| Mark {
                    label: if q.marks.len() == 1 {
                        "baseline".to_owned()
                    } else {
                        format!("{} at baseline", m.label)
                    },
                    point: Some(point),
                    range: None,
                    baseline: None,
                })
            }),
    );
    let labels = place_labels(&all, &mut taken);
    let extra = labels
        .iter()
        .flatten()
        .map(|r| r.y + r.h - HEIGHT)
        .fold(0.0_f64, f64::max);
    let height = HEIGHT + extra.max(0.0) + if extra > 0.0 { 4.0 } else { 0.0 };
    let mut out = open(q.id, "chart", q.title, q.description, height);
    crate::text::append(&mut out, |out| {
        frame(out, q.cut)?;
        for (name, r) in q.names.iter().zip(names) {
            text_in(out, "quadrant-name", name, r)?;
        }
        for m in &q.marks {
            if let Some(([s0, s1], [i0, i1])) = m.range {
                writeln!(
                    out,
                    "<rect class=\"range\" x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\"/>",
                    n(x_of(s0)),
                    n(y_of(i1)),
                    n((x_of(s1) - x_of(s0)).max(1.0)),
                    n((y_of(i0) - y_of(i1)).max(1.0))
                )?;
            }
        }
        for m in &q.marks {
            if let (Some((bs, bi)), Some((s, i))) = (m.baseline, m.point) {
                arrow(out, (x_of(bs), y_of(bi)), (x_of(s), y_of(i)))?;
            }
        }
        for (k, (m, r)) in all.iter().zip(&labels).enumerate() {
            let (Some((s, i)), Some(r)) = (m.point, r) else {
                continue;
            };
            let today = k < q.marks.len();
            let (px, py) = (x_of(s), y_of(i));
            // A label moved away from its point is tied to it by a line.
            let (cx, cy) = (px.clamp(r.x, r.x + r.w), py.clamp(r.y, r.y + r.h));
            if distance(cx - px, cy - py) > 20.0 {
                writeln!(
                    out,
                    "<line class=\"leader\" x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\"/>",
                    n(px),
                    n(py),
                    n(cx),
                    n(cy)
                )?;
            }
            // The baseline's point is drawn with its arrow.
            if today {
                writeln!(
                    out,
                    "<circle class=\"point\" cx=\"{}\" cy=\"{}\" r=\"5\"/>",
                    n(px),
                    n(py)
                )?;
            }
            text_in(
                out,
                if today { "label" } else { "label then" },
                &m.label,
                *r,
            )?;
        }
        out.push_str("</svg>\n");
        Ok(())
    });
    out
}

/// The opening of a chart: its size, its role as an image, its title and
/// its text alternative, their ids prefixed with `id` and named for `kind`.
fn open(id: &str, kind: &str, title: &str, description: &str, height: f64) -> String {
    let id = escape(id);
    format!(
        "<svg class=\"chart\" viewBox=\"0 0 {} {}\" role=\"img\" aria-labelledby=\"{id}{kind}-title {id}{kind}-desc\">\n<title id=\"{id}{kind}-title\">{}</title>\n<desc id=\"{id}{kind}-desc\">{}</desc>\n",
        n(WIDTH),
        n(height),
        escape(title),
        escape(description)
    )
}

/// The plot's frame.
fn plot_box(out: &mut String) -> std::fmt::Result {
    writeln!(
        out,
        "<rect class=\"plot\" x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\"/>",
        n(LEFT),
        n(TOP),
        n(RIGHT - LEFT),
        n(BOTTOM - TOP)
    )?;
    Ok(())
}

/// Axes, ticks at 0, 25, 50, 75 and 100, axis titles, and the cut lines
/// with their value.
fn frame(out: &mut String, cut: f64) -> std::fmt::Result {
    plot_box(out)?;
    for tick in [0.0, 25.0, 50.0, 75.0, 100.0] {
        let (x, y) = (x_of(tick), y_of(tick));
        writeln!(
            out,
            "<line class=\"tick\" x1=\"{0}\" y1=\"{1}\" x2=\"{0}\" y2=\"{2}\"/><text class=\"tick-label\" x=\"{0}\" y=\"{3}\" text-anchor=\"middle\">{4}</text>",
            n(x),
            n(BOTTOM),
            n(BOTTOM + 5.0),
            n(BOTTOM + 18.0),
            n(tick)
        )?;
        writeln!(
            out,
            "<line class=\"tick\" x1=\"{0}\" y1=\"{1}\" x2=\"{2}\" y2=\"{1}\"/><text class=\"tick-label\" x=\"{3}\" y=\"{4}\" text-anchor=\"end\">{5}</text>",
            n(LEFT - 5.0),
            n(y),
            n(LEFT),
            n(LEFT - 8.0),
            n(y + 4.0),
            n(tick)
        )?;
    }
    writeln!(
        out,
        "<text class=\"axis-title\" x=\"{}\" y=\"{}\" text-anchor=\"middle\">Strategy</text>",
        n(f64::midpoint(LEFT, RIGHT)),
        n(BOTTOM + 40.0)
    )?;
    writeln!(
        out,
        "<text class=\"axis-title\" transform=\"translate(18 {}) rotate(-90)\" text-anchor=\"middle\">Implementation</text>",
        n(f64::midpoint(TOP, BOTTOM))
    )?;
    let (x, y) = (x_of(cut), y_of(cut));
    writeln!(
        out,
        "<line class=\"cut\" x1=\"{0}\" y1=\"{1}\" x2=\"{0}\" y2=\"{2}\"/><line class=\"cut\" x1=\"{3}\" y1=\"{4}\" x2=\"{5}\" y2=\"{4}\"/>",
        n(x),
        n(TOP),
        n(BOTTOM),
        n(LEFT),
        n(y),
        n(RIGHT)
    )?;
    // The cut's value sits outside the plot, where no label goes: above
    // the vertical line, right of the horizontal one.
    writeln!(
        out,
        "<text class=\"cut-label\" x=\"{}\" y=\"{}\" text-anchor=\"middle\">cut {}</text><text class=\"cut-label\" x=\"{}\" y=\"{}\" text-anchor=\"start\">cut {}</text>",
        n(x),
        n(TOP - 8.0),
        n(cut),
        n(RIGHT + 6.0),
        n(y + 4.0),
        n(cut)
    )?;
    Ok(())
}

/// Text inside its box, its baseline placed so that the glyphs fit the box.
fn text_in(out: &mut String, class: &str, text: &str, r: Rect) -> std::fmt::Result {
    writeln!(
        out,
        "<text class=\"{class}\" x=\"{}\" y=\"{}\">{}</text>",
        n(r.x + 3.0),
        n(r.y + r.h - 5.0),
        escape(text)
    )?;
    Ok(())
}

/// The length of `(dx, dy)`. Not `f64::hypot`, the one function the tool
/// took from the C maths library: without it the binary does not load that
/// library at all, which was a part of every run's start. A chart's
/// distances are far from where `hypot`'s care for overflow matters.
fn distance(dx: f64, dy: f64) -> f64 {
    (dx * dx + dy * dy).sqrt()
}

/// The baseline's point and an arrow from it to today's.
fn arrow(out: &mut String, from: (f64, f64), to: (f64, f64)) -> std::fmt::Result {
    writeln!(
        out,
        "<circle class=\"baseline\" cx=\"{}\" cy=\"{}\" r=\"4\"/>",
        n(from.0),
        n(from.1)
    )?;
    let (dx, dy) = (to.0 - from.0, to.1 - from.1);
    let length = distance(dx, dy);
    if length < 12.0 {
        // Too short to draw: the two points nearly coincide.
        return Ok(());
    }
    let (ux, uy) = (dx / length, dy / length);
    // Stop at the edge of today's point, head included.
    let tip = (to.0 - ux * 6.0, to.1 - uy * 6.0);
    let back = (tip.0 - ux * 8.0, tip.1 - uy * 8.0);
    writeln!(
        out,
        "<line class=\"arrow\" x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\"/><polygon class=\"arrow-head\" points=\"{},{} {},{} {},{}\"/>",
        n(from.0 + ux * 5.0),
        n(from.1 + uy * 5.0),
        n(back.0),
        n(back.1),
        n(tip.0),
        n(tip.1),
        n(back.0 - uy * 4.0),
        n(back.1 + ux * 4.0),
        n(back.0 + uy * 4.0),
        n(back.1 - ux * 4.0)
    )?;
    Ok(())
}

/// One line of a line chart: its name, its CSS class and its values,
/// `None` where a version has no value.
#[derive(Debug)]
pub struct Series<'a> {
    pub name: &'a str,
    pub class: &'a str,
    pub values: Vec<Option<f64>>,
}

/// A line chart of scores (0 to 100) over versions, oldest at the left;
/// `ticks` names each version under the axis. A series is broken where a
/// version has no value; a lone value is drawn as a dot.
pub fn lines(
    id: &str,
    title: &str,
    description: &str,
    ticks: &[String],
    series: &[Series<'_>],
) -> String {
    let count = ticks.len().max(1);
    let x_at = |i: usize| {
        if count == 1 {
            f64::midpoint(LEFT, RIGHT)
        } else {
            LEFT + 20.0 + (RIGHT - LEFT - 40.0) * i as f64 / (count - 1) as f64
        }
    };
    let legend_y = HEIGHT + 8.0;
    // Three names to a row when they are short, else one.
    let columns = if series.iter().all(|s| s.name.chars().count() <= 20) {
        3
    } else {
        1
    };
    let height = legend_y + LINE * series.len().div_ceil(columns) as f64 + 8.0;
    let mut out = open(id, "history", title, description, height);
    crate::text::append(&mut out, |out| {
        plot_box(out)?;
        for tick in [0.0, 25.0, 50.0, 75.0, 100.0] {
            let y = y_of(tick);
            writeln!(
                out,
                "<line class=\"grid\" x1=\"{0}\" y1=\"{1}\" x2=\"{2}\" y2=\"{1}\"/><text class=\"tick-label\" x=\"{3}\" y=\"{4}\" text-anchor=\"end\">{5}</text>",
                n(LEFT - 5.0),
                n(y),
                n(RIGHT),
                n(LEFT - 8.0),
                n(y + 4.0),
                n(tick)
            )?;
        }
        version_ticks(out, ticks, &x_at)?;
        writeln!(
            out,
            "<text class=\"axis-title\" x=\"{}\" y=\"{}\" text-anchor=\"middle\">Day, oldest first (its last valid version)</text>",
            n(f64::midpoint(LEFT, RIGHT)),
            n(BOTTOM + 40.0)
        )?;
        for s in series {
            draw_series(out, s, &x_at)?;
        }
        for (k, s) in series.iter().enumerate() {
            let x = LEFT + (k % columns) as f64 * 180.0;
            let y = legend_y + (k / columns) as f64 * LINE;
            writeln!(
                out,
                "<line class=\"{0}\" x1=\"{1}\" y1=\"{2}\" x2=\"{3}\" y2=\"{2}\"/><text class=\"label\" x=\"{4}\" y=\"{5}\">{6}</text>",
                s.class,
                n(x),
                n(y + 6.0),
                n(x + 24.0),
                n(x + 30.0),
                n(y + 10.0),
                escape(s.name)
            )?;
        }
        out.push_str("</svg>\n");
        Ok(())
    });
    out
}

/// The versions' names under the axis, thinned so that they never
/// overlap: every name fits in 70 units, and the plot is about 500 wide.
fn version_ticks(
    out: &mut String,
    ticks: &[String],
    x_at: &dyn Fn(usize) -> f64,
) -> std::fmt::Result {
    let count = ticks.len();
    let every = (count * 70).div_ceil(500).max(1);
    for (i, tick) in ticks.iter().enumerate() {
        let last = i + 1 == count;
        // The last is shown too, unless it would touch the one before it.
        let shown = i % every == 0 || (last && i % every * 2 >= every);
        if !shown {
            continue;
        }
        writeln!(
            out,
            "<text class=\"tick-label\" x=\"{}\" y=\"{}\" text-anchor=\"middle\">{}</text>",
            n(x_at(i)),
            n(BOTTOM + 18.0),
            escape(tick)
        )?;
    }
    Ok(())
}

/// One series: a polyline for each run of values, a dot for a lone one.
fn draw_series(out: &mut String, s: &Series<'_>, x_at: &dyn Fn(usize) -> f64) -> std::fmt::Result {
    let mut run: Vec<(f64, f64)> = Vec::new();
    let flush = |run: &mut Vec<(f64, f64)>, out: &mut String| -> std::fmt::Result {
        match run.len() {
            0 => {}
            1 => {
                writeln!(
                    out,
                    "<circle class=\"{}\" cx=\"{}\" cy=\"{}\" r=\"3\"/>",
                    s.class,
                    n(run[0].0),
                    n(run[0].1)
                )?;
            }
            _ => {
                let points: Vec<String> = run
                    .iter()
                    .map(|(x, y)| format!("{},{}", n(*x), n(*y)))
                    .collect();
                writeln!(
                    out,
                    "<polyline class=\"{}\" points=\"{}\"/>",
                    s.class,
                    points.join(" ")
                )?;
            }
        }
        run.clear();
        Ok(())
    };
    for (i, v) in s.values.iter().enumerate() {
        match v {
            Some(v) => run.push((x_at(i), y_of(*v))),
            None => flush(&mut run, out)?,
        }
    }
    flush(&mut run, out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn crowd(count: usize, label: impl Fn(usize) -> String) -> (Vec<Mark>, [Rect; 4]) {
        let marks = (0..count)
            .map(|i| {
                // Bunched near the cut and in the corners, where names sit.
                let s = [48.0, 52.0, 3.0, 97.0, 50.0][i % 5] + (i % 7) as f64 * 0.4;
                let t = [51.0, 49.0, 97.0, 2.0, 50.0][i % 5] - (i % 3) as f64 * 0.5;
                Mark {
                    label: label(i),
                    point: Some((s, t)),
                    range: None,
                    baseline: None,
                }
            })
            .collect();
        (
            marks,
            name_boxes(["Early", "Slide deck", "Unused tools", "Aligned"]),
        )
    }

    fn assert_apart(count: usize, label: impl Fn(usize) -> String) {
        let (marks, names) = crowd(count, label);
        let mut taken = names.to_vec();
        let placed: Vec<Rect> = place_labels(&marks, &mut taken)
            .into_iter()
            .map(|r| r.expect("every scored mark has its label"))
            .collect();
        assert_eq!(placed.len(), count);
        for (i, a) in placed.iter().enumerate() {
            for name in &names {
                assert!(!a.overlaps(name), "label {i} on a quadrant name");
            }
            for (j, b) in placed.iter().enumerate().skip(i + 1) {
                assert!(!a.overlaps(b), "labels {i} and {j} overlap");
            }
        }
    }

    #[test]
    fn crowded_labels_never_overlap_each_other_or_the_quadrant_names() {
        assert_apart(40, |i| (i + 1).to_string());
        assert_apart(12, |i| format!("Organization number {i}"));
    }

    #[test]
    fn labels_beyond_the_plot_go_under_it_rather_than_vanish() {
        assert_apart(300, |i| format!("A long organization name {i}"));
    }

    #[test]
    fn a_lone_label_sits_beside_its_point() {
        let marks = vec![Mark {
            label: "Acme".to_owned(),
            point: Some((30.0, 30.0)),
            range: None,
            baseline: None,
        }];
        let mut taken = Vec::new();
        let r = place_labels(&marks, &mut taken)[0].expect("placed");
        assert!((r.x - (x_of(30.0) + 6.0)).abs() < 1e-9);
    }

    #[test]
    fn a_mark_without_a_point_has_no_label_on_the_plot() {
        let marks = vec![Mark {
            label: "Acme".to_owned(),
            point: None,
            range: Some(([10.0, 60.0], [0.0, 100.0])),
            baseline: None,
        }];
        assert_eq!(place_labels(&marks, &mut Vec::new()), vec![None]);
        let svg = quadrants(&Quadrants {
            cut: 50.0,
            names: ["E", "S", "U", "A"],
            marks,
            title: "t",
            description: "d",
            id: "",
        });
        assert!(!svg.contains("class=\"point\""));
        assert!(svg.contains("class=\"range\""));
    }

    #[test]
    fn the_cut_lines_are_labelled_with_their_value() {
        let svg = quadrants(&Quadrants {
            cut: 62.5,
            names: ["E", "S", "U", "A"],
            marks: Vec::new(),
            title: "t",
            description: "d",
            id: "",
        });
        assert_eq!(svg.matches(">cut 62.5<").count(), 2);
        for tick in ["0", "25", "50", "75", "100"] {
            assert_eq!(svg.matches(&format!(">{tick}</text>")).count(), 2, "{tick}");
        }
    }

    #[test]
    fn the_baseline_is_labelled_apart_from_today() {
        let svg = quadrants(&Quadrants {
            cut: 50.0,
            names: ["Early", "Slide deck", "Unused tools", "Aligned"],
            marks: vec![Mark {
                label: "Northwind Retail".to_owned(),
                point: Some((80.9, 31.0)),
                range: None,
                baseline: Some((80.9, 26.8)),
            }],
            title: "t",
            description: "d",
            id: "",
        });
        assert_eq!(svg.matches("class=\"point\"").count(), 1);
        assert_eq!(svg.matches("class=\"baseline\"").count(), 1);
        assert_eq!(svg.matches(">baseline</text>").count(), 1);
        assert_eq!(svg.matches("class=\"arrow-head\"").count(), 1);
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(64))]
        #[test]
        fn labels_of_any_portfolio_never_overlap(
            points in proptest::collection::vec(
                ((0.0..=100.0f64, 0.0..=100.0f64), "[A-Za-z ]{1,24}"),
                1..40,
            )
        ) {
            let marks: Vec<Mark> = points
                .into_iter()
                .map(|(point, label)| Mark { label, point: Some(point), range: None, baseline: None })
                .collect();
            let names = name_boxes(["Early", "Slide deck", "Unused tools", "Aligned"]);
            let mut taken = names.to_vec();
            let placed: Vec<Rect> = place_labels(&marks, &mut taken).into_iter().flatten().collect();
            proptest::prop_assert_eq!(placed.len(), marks.len());
            for (i, a) in placed.iter().enumerate() {
                proptest::prop_assert!(!names.iter().any(|n| a.overlaps(n)));
                proptest::prop_assert!(!placed[i + 1..].iter().any(|b| a.overlaps(b)));
            }
        }
    }
}
