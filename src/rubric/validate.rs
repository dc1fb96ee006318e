//! Checks a rubric completely when it loads: unknown keys, unknown kinds and
//! paths, weights that are not positive, points tables missing a choice or
//! falling towards the mature end, duplicate ids, texts for every finding.
//! Every problem names its line and column in the rubric file.

use super::raw::{RawCriterion, RawFinding, RawRubric};
use super::template::placeholders;
use super::SharedText;
use super::{
    AnswerFirst, Benchmark, Criterion, Curve, Dimension, FindingText, ImpactWeights, Levels,
    Measure, Message, PilotPoints, QuadrantText, Rubric, RubricRef, Thresholds,
};
use crate::diagnostic::Position;
use crate::diagnostic::{in_file_order, Diagnostic};
use crate::frameworks::Framework;
use crate::load::questionnaire::format::{self, pilot, Kind, PILOTS};
use crate::load::toml_text::position;
use crate::suggest::closest;
use crate::vocabulary::{
    FindingId, FocusReason, Group, Level, PerWord, Quadrant, Severity, Side, Stage, Word,
};
use std::collections::BTreeSet;
use std::ops::Range;
use std::sync::Arc;
use toml::Spanned;

/// The largest ratio, weight or impact weight a rubric may hold: weights are
/// capped at 1,000 by the rules, and nothing needs more.
const LARGEST: f64 = 1000.0;
/// How far from zero a curve's values may go.
const CURVE_VALUES: f64 = 1e9;

/// A number as a message quotes it: `1e308`, not three hundred digits.
fn shown(v: f64) -> String {
    if v.abs() >= 1e6 {
        format!("{v:e}")
    } else {
        v.to_string()
    }
}

/// The rubric's tables, each of which serde would also read from a list.
const TABLES: &[&str] = &[
    "thresholds",
    "thresholds.impact_weights",
    "levels",
    "benchmark",
    "answer_first",
    "quadrants.*",
    "dimensions[]",
    "criteria[]",
    "findings.*",
    "findings.*.messages",
    "frameworks[]",
    "frameworks[].ids[]",
];

/// Parses and checks a rubric; on failure, every problem found.
pub fn parse(text: &str) -> Result<Rubric, Vec<Diagnostic>> {
    // Every unknown key first, then, when the rest reads, every other
    // problem, so that one run reports them all.
    let (read, problems) = crate::load::toml_text::parse_all::<RawRubric>(text);
    let Some((raw, read_text)) = read else {
        return Err(problems);
    };
    let mut check = Checker {
        text: &read_text,
        problems,
    };
    // The text has been read already, so it parses: its texts and tables
    // are checked as written.
    if let Ok(document) = toml::de::DeTable::parse(&read_text) {
        for (span, why) in super::texts::refused(document.get_ref()) {
            check.problem(span, why);
        }
        let document = document.get_ref();
        let lists = crate::load::toml_text::lists_for_tables(&read_text, document, TABLES);
        check.problems.extend(lists);
    }
    // A rubric is built only when every per-id text is present, and each
    // missing one is a problem, so `None` never comes without a problem.
    match check.rubric(raw) {
        Some(rubric) if check.problems.is_empty() => Ok(rubric),
        _ => Err(in_file_order(check.problems)),
    }
}

pub(super) struct Checker<'t> {
    text: &'t str,
    problems: Vec<Diagnostic>,
}

impl Checker<'_> {
    pub(super) fn problem(&mut self, span: Range<usize>, message: impl Into<String>) {
        let at = position(self.text, span.start);
        self.problems.push(Diagnostic::at(at, message));
    }

    fn rubric(&mut self, raw: RawRubric) -> Option<Rubric> {
        for (name, field) in [("id", &raw.id), ("version", &raw.version)] {
            if field.get_ref().trim().is_empty() {
                self.problem(field.span(), format!("{name} must not be blank"));
            }
        }
        let thresholds = self.thresholds(&raw);
        let levels = self.levels(&raw);
        let quadrants = self.quadrants(&raw);
        let focus = self.focus(&raw);
        let early_started = self.early_started(&raw);
        let level_meanings = self.level_meanings(&raw);
        let frameworks = self.frameworks(&raw);
        let dimensions = self.dimensions(&raw, &frameworks);
        let criteria: Vec<Arc<Criterion>> = raw
            .criteria
            .iter()
            .filter_map(|c| {
                self.criterion(c, &dimensions, thresholds.max_weight)
                    .map(Arc::new)
            })
            .collect();
        self.unique_criteria(&raw.criteria);
        for &side in Side::all() {
            if !raw.criteria.is_empty() && !criteria.iter().any(|c| c.side == side) {
                self.problems.push(Diagnostic::at(
                    Position { line: 1, column: 1 },
                    format!("the rubric needs at least one {side} criterion"),
                ));
            }
        }
        let findings = self.findings(&raw, &criteria, &frameworks);
        let answer_first = self.answer_first(&raw);
        let benchmark = Benchmark {
            pilot_to_production_pct: self.score_line(
                &raw.benchmark.pilot_to_production_pct,
                "pilot_to_production_pct",
            ),
            source: raw.benchmark.source.as_str().into(),
        };
        let (quadrants, focus, findings, level_meanings) =
            (quadrants?, focus?, findings?, level_meanings?);
        let reference = Arc::new(RubricRef {
            id: raw.id.get_ref().clone(),
            version: raw.version.get_ref().clone(),
            name: raw.name.clone(),
            quadrants: quadrants.clone(),
            quadrant_cut: thresholds.quadrant_cut,
            level_meanings: level_meanings.clone(),
        });
        Some(Rubric {
            id: raw.id.into_inner(),
            version: raw.version.into_inner(),
            name: raw.name,
            reference,
            thresholds,
            levels,
            level_meanings,
            quadrants,
            focus,
            early_started,
            dimensions,
            criteria,
            findings,
            benchmark,
            answer_first,
            frameworks,
        })
    }

    fn answer_first(&mut self, raw: &RawRubric) -> AnswerFirst {
        let a = &raw.answer_first;
        self.placeholders(&a.title, &[]);
        self.placeholders(&a.reason, &["questions"]);
        AnswerFirst {
            title: a.title.get_ref().as_str().into(),
            reason: a.reason.get_ref().clone(),
        }
    }

    fn score_line(&mut self, value: &Spanned<f64>, name: &str) -> f64 {
        let v = *value.get_ref();
        if !(0.0..=100.0).contains(&v) {
            self.problem(
                value.span(),
                format!("{name} must be a score from 0 to 100, found {}", shown(v)),
            );
        }
        v
    }

    /// A whole number from `min` to `max`: every number a rubric holds is
    /// bounded, so no score can overflow.
    fn at_least(&mut self, value: &Spanned<i64>, (min, max): (i64, i64), name: &str) -> i64 {
        let v = *value.get_ref();
        if !(min..=max).contains(&v) {
            self.problem(
                value.span(),
                format!("{name} must be a whole number from {min} to {max}, found {v}"),
            );
        }
        v.clamp(min, max)
    }

    /// A number above 0 and at most `LARGEST`; out of bounds, a problem, and
    /// `LARGEST` in its place so that one mistake is reported once.
    fn positive(&mut self, span: Range<usize>, v: f64, name: &str) -> f64 {
        if !(v.is_finite() && v > 0.0 && v <= LARGEST) {
            self.problem(
                span,
                format!(
                    "{name} must be a number above 0 and at most {LARGEST}, found {}",
                    shown(v)
                ),
            );
            return LARGEST;
        }
        v
    }

    fn thresholds(&mut self, raw: &RawRubric) -> Thresholds {
        let t = &raw.thresholds;
        let ratio = self.positive(
            t.cost_overrun_ratio.span(),
            *t.cost_overrun_ratio.get_ref(),
            "cost_overrun_ratio",
        );
        let weights = t.impact_weights.get_ref();
        let mut weight = |v: f64, name: &str| self.positive(t.impact_weights.span(), v, name);
        let impact_weights = ImpactWeights {
            low: weight(weights.low, "impact_weights.low"),
            medium: weight(weights.medium, "impact_weights.medium"),
            high: weight(weights.high, "impact_weights.high"),
        };
        let max_weight = self.positive(t.max_weight.span(), *t.max_weight.get_ref(), "max_weight");
        Thresholds {
            quadrant_cut: self.score_line(&t.quadrant_cut, "quadrant_cut"),
            min_side_completeness: self
                .score_line(&t.min_side_completeness, "min_side_completeness"),
            pivot_min_strategy: self.score_line(&t.pivot_min_strategy, "pivot_min_strategy"),
            impact_weights,
            max_weight,
            stale_pilot_days: self.at_least(&t.stale_pilot_days, (0, 36_500), "stale_pilot_days"),
            cost_overrun_ratio: ratio,
            no_production_min_active: usize::try_from(self.at_least(
                &t.no_production_min_active,
                (1, 1_000),
                "no_production_min_active",
            ))
            .unwrap_or(1),
            overwhelmed_open_options: self.at_least(
                &t.overwhelmed_open_options,
                (1, 1_000_000),
                "overwhelmed_open_options",
            ),
            plan_without_results_strategy: self.score_line(
                &t.plan_without_results_strategy,
                "plan_without_results_strategy",
            ),
            plan_without_results_implementation: self.score_line(
                &t.plan_without_results_implementation,
                "plan_without_results_implementation",
            ),
            strategy_equals_ready_strategy: self.score_line(
                &t.strategy_equals_ready_strategy,
                "strategy_equals_ready_strategy",
            ),
            recommended_gaps: usize::try_from(self.at_least(
                &t.recommended_gaps,
                (0, 1_000),
                "recommended_gaps",
            ))
            .unwrap_or(0),
        }
    }

    fn levels(&mut self, raw: &RawRubric) -> Levels {
        let l = &raw.levels;
        let cuts = [
            (&l.experimenting, Level::Experimenting.word()),
            (&l.operationalizing, Level::Operationalizing.word()),
            (&l.scaling, Level::Scaling.word()),
            (&l.transforming, Level::Transforming.word()),
        ];
        let mut previous = 0.0;
        for (value, name) in cuts {
            let v = self.score_line(value, name);
            if v <= previous {
                self.problem(
                    value.span(),
                    format!("{name} must start above the level before it ({previous})"),
                );
            }
            previous = v;
        }
        Levels {
            experimenting: *l.experimenting.get_ref(),
            operationalizing: *l.operationalizing.get_ref(),
            scaling: *l.scaling.get_ref(),
            transforming: *l.transforming.get_ref(),
        }
    }

    fn quadrants(&mut self, raw: &RawRubric) -> Option<PerWord<Quadrant, QuadrantText>> {
        let texts = raw.quadrants.iter().map(|(id, quadrant)| {
            let q = quadrant.get_ref();
            let text = QuadrantText {
                name: q.name.as_str().into(),
                meaning: q.meaning.as_str().into(),
            };
            (id, quadrant.span(), text)
        });
        self.per_word(texts, "quadrant", |id| format!("missing [quadrants.{id}]"))
    }

    fn focus(&mut self, raw: &RawRubric) -> Option<PerWord<FocusReason, String>> {
        for (id, text) in &raw.focus {
            if let Some(reason) = FocusReason::parse(id) {
                self.placeholders(text, reason.placeholders());
            }
        }
        let texts = raw
            .focus
            .iter()
            .filter(|(id, _)| id.as_str() != EARLY_STARTED)
            .map(|(id, text)| (id, text.span(), text.get_ref().clone()));
        self.per_word(texts, "focus reason", |id| {
            format!("missing focus.{id}: the sentence for that focus")
        })
    }

    /// The `early` focus sentence for when pilots are started.
    fn early_started(&mut self, raw: &RawRubric) -> String {
        let Some(text) = raw.focus.get(EARLY_STARTED) else {
            self.problems.push(Diagnostic::at(
                Position { line: 1, column: 1 },
                format!("missing focus.{EARLY_STARTED}: the sentence for focus early when pilots are started, naming them instead of advising to start one"),
            ));
            return String::new();
        };
        self.placeholders(text, &["pilots", "each", "strategy", "implementation"]);
        text.get_ref().clone()
    }

    fn level_meanings(&mut self, raw: &RawRubric) -> Option<PerWord<Level, SharedText>> {
        let texts = raw.level_meanings.iter().map(|(id, text)| {
            self.placeholders(text, &[]);
            (id, text.span(), SharedText::from(text.get_ref().as_str()))
        });
        let texts: Vec<_> = texts.collect();
        self.per_word(texts.into_iter(), "level", |id| {
            format!("missing level_meanings.{id}: one line on what that level means")
        })
    }

    /// One value per member of `K` from the rubric's texts keyed by their
    /// words: an unknown key is a problem, and so is each missing one.
    fn per_word<'r, K: Word, V>(
        &mut self,
        texts: impl Iterator<Item = (&'r String, Range<usize>, V)>,
        what: &str,
        missing: impl Fn(&str) -> String,
    ) -> Option<PerWord<K, V>> {
        let mut found = Vec::new();
        for (id, span, value) in texts {
            match K::parse(id) {
                Some(key) => found.push((key, value)),
                None => self.problem(span, unknown(what, id, K::words())),
            }
        }
        for &key in K::all() {
            if !found.iter().any(|(k, _)| *k == key) {
                self.problems.push(Diagnostic::at(
                    Position { line: 1, column: 1 },
                    missing(key.word()),
                ));
            }
        }
        PerWord::complete(found)
    }

    fn placeholders(&mut self, text: &Spanned<String>, vars: &[&str]) {
        if super::template::unclosed(text.get_ref()) {
            self.problem(
                text.span(),
                "a \"{\" with no \"}\" after it; a placeholder is written {name}",
            );
        }
        for name in placeholders(text.get_ref()) {
            if !vars.contains(&name) {
                let allowed = if vars.is_empty() {
                    "none".to_owned()
                } else {
                    vars.join(", ")
                };
                self.problem(
                    text.span(),
                    format!(
                        "unknown placeholder {{{}}}; this text may use: {allowed}",
                        crate::diagnostic::escaped(name)
                    ),
                );
            }
        }
    }

    fn dimensions(&mut self, raw: &RawRubric, frameworks: &[Arc<Framework>]) -> Vec<Dimension> {
        let mut seen = BTreeSet::new();
        let mut out = Vec::new();
        for d in &raw.dimensions {
            if !seen.insert(d.id.get_ref().clone()) {
                self.problem(
                    d.id.span(),
                    format!("duplicate dimension id \"{}\"", d.id.get_ref()),
                );
            }
            out.push(Dimension {
                id: d.id.get_ref().as_str().into(),
                name: d.name.as_str().into(),
                references: self.references(&d.references, frameworks),
            });
        }
        out
    }

    fn unique_criteria(&mut self, criteria: &[RawCriterion]) {
        let mut seen = BTreeSet::new();
        for c in criteria {
            if !seen.insert(c.id.get_ref().as_str()) {
                self.problem(
                    c.id.span(),
                    format!("duplicate criterion id \"{}\"", c.id.get_ref()),
                );
            }
        }
    }

    fn criterion(
        &mut self,
        raw: &RawCriterion,
        dimensions: &[Dimension],
        max_weight: f64,
    ) -> Option<Criterion> {
        let dimension_ids: Vec<&str> = dimensions.iter().map(|d| &*d.id).collect();
        let dimension = dimension_ids
            .iter()
            .position(|d| d == raw.dimension.get_ref());
        if dimension.is_none() {
            self.problem(
                raw.dimension.span(),
                unknown("dimension", raw.dimension.get_ref(), &dimension_ids),
            );
        }
        let side = Side::parse(raw.side.get_ref());
        if side.is_none() {
            self.problem(
                raw.side.span(),
                unknown("side", raw.side.get_ref(), Side::words()),
            );
        }
        let weight = *raw.weight.get_ref();
        if !(weight.is_finite() && weight > 0.0) {
            self.problem(
                raw.weight.span(),
                format!("weight must be above 0, found {}", shown(weight)),
            );
        } else if weight > max_weight {
            self.problem(
                raw.weight.span(),
                format!(
                    "weight must be at most max_weight ({max_weight}), found {}",
                    shown(weight)
                ),
            );
        }
        let measure = self.measure(raw);
        let labels = self.labels(raw, measure.as_ref());
        Some(Criterion {
            id: raw.id.get_ref().as_str().into(),
            dimension: dimension?,
            side: side?,
            weight,
            title: raw.title.as_str().into(),
            advice: raw.advice.get_ref().as_str().into(),
            measure: measure?,
            labels,
        })
    }

    /// A checklist's or an any-of's labels, one for each of its parts, and
    /// the advice's placeholder: `{missing}`, only where there are labels
    /// to list.
    fn labels(&mut self, raw: &RawCriterion, measure: Option<&Measure>) -> Vec<SharedText> {
        let parts = match measure {
            Some(Measure::Checklist { paths }) => Some(paths.len()),
            Some(Measure::AnyOf { items, .. }) => Some(items.len()),
            _ => None,
        };
        let labels: Vec<SharedText> = raw.labels.as_ref().map_or_else(Vec::new, |labels| {
            labels
                .get_ref()
                .iter()
                .map(|l| l.get_ref().as_str().into())
                .collect()
        });
        if let (Some(given), Some(parts)) = (&raw.labels, parts) {
            if labels.len() != parts {
                self.problem(
                    given.span(),
                    format!(
                        "\"labels\" names {} where the criterion has {parts}; give one for each answer or item, in their order",
                        labels.len()
                    ),
                );
            }
        }
        let vars: &[&str] = if labels.is_empty() { &[] } else { &["missing"] };
        self.placeholders(&raw.advice, vars);
        labels
    }

    fn measure(&mut self, raw: &RawCriterion) -> Option<Measure> {
        const KINDS: &[&str] = &[
            "choice",
            "checklist",
            "scale",
            "any-of",
            "age",
            "list-completeness",
            "pilots",
            "pilot-presence",
        ];
        let kind = raw.kind.get_ref().as_str();
        let used: &[&str] = match kind {
            "choice" => &["answer", "points"],
            "checklist" => &["answers", "labels"],
            "scale" | "age" => &["answer", "curve"],
            "any-of" => &["answer", "items", "labels"],
            "list-completeness" => &["list", "fields"],
            "pilots" => &["field", "points", "items", "curve"],
            "pilot-presence" => &["fields"],
            other => {
                self.problem(raw.kind.span(), unknown("criterion kind", other, KINDS));
                return None;
            }
        };
        self.unused_keys(raw, kind, used);
        self.measure_of_kind(raw, kind)
    }

    /// Refuses keys the criterion's kind does not read.
    fn unused_keys(&mut self, raw: &RawCriterion, kind: &str, used: &[&str]) {
        let given: [(&str, Option<Range<usize>>); 9] = [
            ("answer", raw.answer.as_ref().map(Spanned::span)),
            ("answers", raw.answers.as_ref().map(Spanned::span)),
            ("list", raw.list.as_ref().map(Spanned::span)),
            ("fields", raw.fields.as_ref().map(Spanned::span)),
            ("field", raw.field.as_ref().map(Spanned::span)),
            ("items", raw.items.as_ref().map(Spanned::span)),
            ("points", raw.points.as_ref().map(Spanned::span)),
            ("curve", raw.curve.as_ref().map(Spanned::span)),
            ("labels", raw.labels.as_ref().map(Spanned::span)),
        ];
        for (key, span) in given {
            if let Some(span) = span {
                if !used.contains(&key) {
                    self.problem(
                        span,
                        format!(
                            "\"{key}\" is not used by a criterion of kind \"{kind}\" (it uses {})",
                            used.join(", ")
                        ),
                    );
                }
            }
        }
    }

    /// The measure of a criterion whose kind is known and whose keys fit it.
    fn measure_of_kind(&mut self, raw: &RawCriterion, kind: &str) -> Option<Measure> {
        match kind {
            "choice" => {
                let (path, words) =
                    self.question_of(raw, |k| matches!(k, Kind::Choice(_)), "a choice")?;
                let Kind::Choice(words_list) = words else {
                    return None;
                };
                let points = self.points(raw, path, words_list)?;
                Some(Measure::Choice { path, points })
            }
            "checklist" => {
                let Some(answers) = &raw.answers else {
                    self.problem(raw.kind.span(), "a checklist criterion needs \"answers\", a list of true/false or head-count answers");
                    return None;
                };
                let mut paths = Vec::new();
                for answer in answers.get_ref() {
                    match format::question(answer.get_ref()) {
                        Some(q) if matches!(q.kind, Kind::Flag | Kind::Integer { .. }) => {
                            paths.push(q.path);
                        }
                        Some(_) => self.problem(
                            answer.span(),
                            format!(
                                "{} is not a true/false or head-count answer",
                                answer.get_ref()
                            ),
                        ),
                        None => self.problem(answer.span(), unknown_path(answer.get_ref())),
                    }
                }
                if answers.get_ref().is_empty() {
                    self.problem(answers.span(), "answers must not be empty");
                }
                (paths.len() == answers.get_ref().len() && !paths.is_empty())
                    .then_some(Measure::Checklist { paths })
            }
            "scale" => {
                let (path, kind) = self.question_of(
                    raw,
                    |k| matches!(k, Kind::Integer { .. } | Kind::Number { .. }),
                    "a number",
                )?;
                let lower_is_better = matches!(
                    kind,
                    Kind::Number {
                        lower_is_better: true,
                        ..
                    }
                );
                let curve = self.curve(raw, lower_is_better)?;
                Some(Measure::Scale { path, curve })
            }
            "age" => {
                let (path, _) = self.question_of(raw, |k| matches!(k, Kind::Date), "a date")?;
                // A fresher date is better, so points may only fall as days pass.
                let curve = self.curve(raw, true)?;
                Some(Measure::Age { path, curve })
            }
            "any-of" => {
                let (path, kind) =
                    self.question_of(raw, |k| matches!(k, Kind::AnyOf(_)), "an any-of list")?;
                let Kind::AnyOf(words) = kind else {
                    return None;
                };
                let items = self.items(raw, path, words)?;
                Some(Measure::AnyOf { path, items })
            }
            "list-completeness" => self.list_completeness(raw),
            "pilot-presence" => self.pilot_presence(raw),
            _ => self.pilots(raw),
        }
    }

    /// The single answer a criterion reads, if it exists and has the right kind.
    fn question_of(
        &mut self,
        raw: &RawCriterion,
        fits: impl Fn(&Kind) -> bool,
        wanted: &str,
    ) -> Option<(&'static str, Kind)> {
        let Some(answer) = &raw.answer else {
            self.problem(
                raw.kind.span(),
                format!(
                    "a {} criterion needs \"answer\", the path of {wanted}",
                    raw.kind.get_ref()
                ),
            );
            return None;
        };
        match format::question(answer.get_ref()) {
            Some(q) if fits(&q.kind) => Some((q.path, q.kind)),
            Some(_) => {
                self.problem(
                    answer.span(),
                    format!(
                        "{} is not {wanted}, so a {} criterion cannot read it",
                        answer.get_ref(),
                        raw.kind.get_ref()
                    ),
                );
                None
            }
            None => {
                self.problem(answer.span(), unknown_path(answer.get_ref()));
                None
            }
        }
    }

    /// A points table covering every word, never falling towards the mature end.
    fn points(
        &mut self,
        raw: &RawCriterion,
        path: &str,
        words: &[&'static str],
    ) -> Option<Vec<f64>> {
        let Some(table) = &raw.points else {
            self.problem(
                raw.kind.span(),
                format!(
                    "needs \"points\": a number for each of {}",
                    words.join(", ")
                ),
            );
            return None;
        };
        let mut ok = true;
        for (word, value) in table.get_ref() {
            if !words.contains(&word.as_str()) {
                self.problem(
                    value.span(),
                    unknown(&format!("choice of {path}"), word, words),
                );
                ok = false;
            }
            let v = *value.get_ref();
            if !(0.0..=100.0).contains(&v) {
                self.problem(
                    value.span(),
                    format!("points must be from 0 to 100, found {}", shown(v)),
                );
                ok = false;
            }
        }
        let mut points = Vec::with_capacity(words.len());
        for word in words {
            if let Some(v) = table.get_ref().get(*word) {
                points.push(*v.get_ref());
            } else {
                self.problem(
                    table.span(),
                    format!("the points table is missing the choice \"{word}\" of {path}"),
                );
                ok = false;
            }
        }
        if ok {
            for (i, pair) in points.windows(2).enumerate() {
                if pair[1] < pair[0] {
                    self.problem(
                        table.span(),
                        format!(
                            "points must not fall towards the mature end: \"{}\" ({}) scores less than \"{}\" ({})",
                            words[i + 1], pair[1], words[i], pair[0]
                        ),
                    );
                    ok = false;
                }
            }
        }
        ok.then_some(points)
    }

    fn curve(&mut self, raw: &RawCriterion, falling: bool) -> Option<Curve> {
        let Some(curve) = &raw.curve else {
            self.problem(
                raw.kind.span(),
                "needs \"curve\": [value, points] pairs, values ascending",
            );
            return None;
        };
        let pairs = curve.get_ref();
        let mut ok = !pairs.is_empty();
        if pairs.is_empty() {
            self.problem(
                curve.span(),
                "curve must have at least one [value, points] pair",
            );
        }
        for (x, p) in pairs {
            if !(x.is_finite() && x.abs() <= CURVE_VALUES && (0.0..=100.0).contains(p)) {
                self.problem(
                    curve.span(),
                    format!(
                        "curve pair [{}, {}]: values must be within ±{CURVE_VALUES} and points from 0 to 100",
                        shown(*x),
                        shown(*p)
                    ),
                );
                ok = false;
            }
        }
        for pair in pairs.windows(2) {
            let ((x0, p0), (x1, p1)) = (pair[0], pair[1]);
            if x1 <= x0 {
                self.problem(
                    curve.span(),
                    format!("curve values must ascend: {x1} comes after {x0}"),
                );
                ok = false;
            }
            let wrong_way = if falling { p1 > p0 } else { p1 < p0 };
            if wrong_way {
                let direction = if falling { "rise" } else { "fall" };
                self.problem(
                    curve.span(),
                    format!(
                        "curve points must not {direction} towards the mature end: {p0} then {p1}"
                    ),
                );
                ok = false;
            }
        }
        ok.then(|| Curve(pairs.clone()))
    }

    fn items(
        &mut self,
        raw: &RawCriterion,
        path: &str,
        words: &[&'static str],
    ) -> Option<Vec<&'static str>> {
        let Some(items) = &raw.items else {
            self.problem(
                raw.kind.span(),
                format!(
                    "needs \"items\": the words of {path} that count, from {}",
                    words.join(", ")
                ),
            );
            return None;
        };
        let mut out: Vec<&'static str> = Vec::new();
        for item in items.get_ref() {
            match words.iter().find(|w| *w == item.get_ref()) {
                Some(w) if out.contains(w) => {
                    self.problem(item.span(), format!("\"{w}\" is listed twice"));
                }
                Some(w) => out.push(w),
                None => self.problem(
                    item.span(),
                    unknown(&format!("word of {path}"), item.get_ref(), words),
                ),
            }
        }
        if items.get_ref().is_empty() {
            self.problem(items.span(), "items must not be empty");
        }
        (out.len() == items.get_ref().len() && !out.is_empty()).then_some(out)
    }

    fn list_completeness(&mut self, raw: &RawCriterion) -> Option<Measure> {
        let (Some(list), Some(fields)) = (&raw.list, &raw.fields) else {
            self.problem(
                raw.kind.span(),
                "a list-completeness criterion needs \"list\" and \"fields\"",
            );
            return None;
        };
        let Some(question) = format::list(list.get_ref()) else {
            let lists: Vec<&str> = format::LISTS.iter().map(|l| l.path).collect();
            self.problem(list.span(), unknown("list", list.get_ref(), &lists));
            return None;
        };
        let keys: Vec<&'static str> = question.fields.iter().map(|f| f.key).collect();
        let mut out = Vec::new();
        for f in fields.get_ref() {
            match keys.iter().find(|k| *k == f.get_ref()) {
                Some(k) => out.push(*k),
                None => self.problem(
                    f.span(),
                    unknown(&format!("key of {}", question.path), f.get_ref(), &keys),
                ),
            }
        }
        if fields.get_ref().is_empty() {
            self.problem(fields.span(), "fields must not be empty");
        }
        (out.len() == fields.get_ref().len() && !out.is_empty()).then_some(
            Measure::ListCompleteness {
                list: question.path,
                fields: out,
            },
        )
    }

    fn pilot_presence(&mut self, raw: &RawCriterion) -> Option<Measure> {
        let Some(fields) = &raw.fields else {
            self.problem(
                raw.kind.span(),
                "a pilot-presence criterion needs \"fields\", the pilot keys whose presence counts",
            );
            return None;
        };
        let mut out = Vec::new();
        for f in fields.get_ref() {
            match format::pilot_field(f.get_ref()) {
                Some(spec) if !spec.required => out.push(spec.key),
                Some(spec) => self.problem(
                    f.span(),
                    format!(
                        "{} is required in every pilot, so its presence measures nothing",
                        spec.key
                    ),
                ),
                None => {
                    let keys: Vec<&str> = format::list(PILOTS)
                        .map(|l| l.fields.iter().map(|f| f.key).collect())
                        .unwrap_or_default();
                    self.problem(f.span(), unknown("pilot key", f.get_ref(), &keys));
                }
            }
        }
        if fields.get_ref().is_empty() {
            self.problem(fields.span(), "fields must not be empty");
        }
        (out.len() == fields.get_ref().len() && !out.is_empty())
            .then_some(Measure::PilotPresence { fields: out })
    }

    fn pilots(&mut self, raw: &RawCriterion) -> Option<Measure> {
        let Some(field) = &raw.field else {
            self.problem(
                raw.kind.span(),
                "a pilots criterion needs \"field\", the pilot key it reads",
            );
            return None;
        };
        let Some(spec) = format::pilot_field(field.get_ref()) else {
            let keys: Vec<&str> = format::list(PILOTS)
                .map(|l| l.fields.iter().map(|f| f.key).collect())
                .unwrap_or_default();
            self.problem(field.span(), unknown("pilot key", field.get_ref(), &keys));
            return None;
        };
        let place = format!("{PILOTS}[].{}", spec.key);
        let points = match spec.kind {
            // Only started pilots are scored, so the points table covers
            // the stages of maturity; `idea` and `retired` earn nothing.
            Kind::Choice(words) if spec.key == pilot::STAGE => {
                let started: Vec<&'static str> = Stage::all()
                    .iter()
                    .filter(|s| s.is_started())
                    .map(|s| s.word())
                    .collect();
                let points = self.points(raw, &place, &started)?;
                let mut by_rank = vec![0.0; words.len()];
                for (word, p) in started.iter().zip(points) {
                    if let Some(rank) = words.iter().position(|w| w == word) {
                        by_rank[rank] = p;
                    }
                }
                PilotPoints::Choice(by_rank)
            }
            // Sourcing, impact, who it affects and why it was retired
            // describe a pilot; they do not rate it.
            Kind::Choice(_) | Kind::AnyOf(_) if pilot::DESCRIBING.contains(&spec.key) => {
                self.problem(
                    field.span(),
                    format!(
                        "the pilot key {} describes a pilot and cannot be scored",
                        spec.key
                    ),
                );
                return None;
            }
            Kind::Choice(words) => PilotPoints::Choice(self.points(raw, &place, words)?),
            Kind::Flag => PilotPoints::Flag,
            Kind::AnyOf(words) => PilotPoints::AnyOf(self.items(raw, &place, words)?),
            Kind::Integer { .. } | Kind::Number { .. } => {
                let lower_is_better = matches!(
                    spec.kind,
                    Kind::Number {
                        lower_is_better: true,
                        ..
                    }
                );
                PilotPoints::Scale(self.curve(raw, lower_is_better)?)
            }
            Kind::Text | Kind::Name | Kind::Date | Kind::Names => {
                self.problem(
                    field.span(),
                    format!("the pilot key {} cannot be scored", spec.key),
                );
                return None;
            }
        };
        Some(Measure::Pilots {
            field: spec.key,
            points,
        })
    }

    fn findings(
        &mut self,
        raw: &RawRubric,
        criteria: &[Arc<Criterion>],
        frameworks: &[Arc<Framework>],
    ) -> Option<PerWord<FindingId, FindingText>> {
        let mut texts = Vec::new();
        for (id, finding) in &raw.findings {
            let Some(known) = FindingId::parse(id) else {
                self.problem(finding.span(), unknown("finding", id, FindingId::words()));
                continue;
            };
            let f = finding.get_ref();
            let severity = Severity::parse(f.severity.get_ref()).unwrap_or_else(|| {
                self.problem(
                    f.severity.span(),
                    unknown("severity", f.severity.get_ref(), Severity::words()),
                );
                Severity::Info
            });
            self.placeholders(&f.remedy, known.placeholders());
            let message = self.message(known, finding);
            let related = self.related(&f.related, criteria);
            let remedy_started = self.remedy_started(known, finding);
            let fix = self.fix(known, f.fix.as_ref());
            let references = self.references(&f.references, frameworks);
            let text = FindingText {
                severity,
                title: f.title.as_str().into(),
                message: message.unwrap_or(Message::One(String::new())),
                remedy: f.remedy.get_ref().clone(),
                related,
                statement: f.statement.as_deref().map(Into::into),
                correction: f.correction.as_deref().map(Into::into),
                remedy_started,
                fix,
                references,
            };
            texts.push((id, finding.span(), text));
        }
        self.per_word(texts.into_iter(), "finding", |id| {
            format!("missing [findings.\"{id}\"]: every finding needs its texts")
        })
    }

    /// The remedy for when pilots are started: required where the plain
    /// remedy advises starting one, so that no report advises it to an
    /// organization whose pilots are running.
    fn remedy_started(&mut self, id: FindingId, finding: &Spanned<RawFinding>) -> Option<String> {
        let f = finding.get_ref();
        match &f.remedy_started {
            Some(text) => {
                self.placeholders(text, &["started"]);
                Some(text.get_ref().clone())
            }
            None if id == FindingId::StrategyFirst => {
                self.problem(finding.span(), format!("the finding {id} needs \"remedy_started\": its remedy when pilots are started, naming them ({{started}}) instead of advising to start one"));
                None
            }
            None => None,
        }
    }

    /// A finding's fix word: one lowercase word. It folds advice pilot by
    /// pilot, so it only ever joins items that name pilots.
    fn fix(&mut self, id: FindingId, fix: Option<&Spanned<String>>) -> Option<SharedText> {
        let fix = fix?;
        let word = fix.get_ref();
        if word.is_empty() || !word.chars().all(|c| c.is_ascii_lowercase() || c == '-') {
            self.problem(fix.span(), format!("fix \"{word}\" must be one lowercase word (letters and -), such as decide, monitor or measure"));
            return None;
        }
        if id.group() == Group::Misconception {
            self.problem(
                fix.span(),
                format!("a misconception takes no \"fix\"; {id} is one"),
            );
            return None;
        }
        Some(word.as_str().into())
    }

    /// A finding's message: one text, or for a misconception its statement,
    /// correction, and a message for each source and for the say-do gap.
    fn message(&mut self, id: FindingId, finding: &Spanned<RawFinding>) -> Option<Message> {
        let f = finding.get_ref();
        let vars = id.placeholders();
        if id.group() != Group::Misconception {
            if f.statement.is_some() || f.correction.is_some() || f.messages.is_some() {
                self.problem(finding.span(), format!("only misconceptions take \"statement\", \"correction\" and \"messages\"; {id} is not one"));
            }
            let Some(message) = &f.message else {
                self.problem(
                    finding.span(),
                    format!("the finding {id} needs a \"message\""),
                );
                return None;
            };
            self.placeholders(message, vars);
            return Some(Message::One(message.get_ref().clone()));
        }
        if f.statement.is_none() || f.correction.is_none() {
            self.problem(
                finding.span(),
                format!("the misconception {id} needs \"statement\" and \"correction\""),
            );
        }
        if let Some(message) = &f.message {
            self.problem(message.span(), format!("the misconception {id} takes \"messages\" (belief, behavior, both, gap) instead of one \"message\""));
        }
        let Some(messages) = &f.messages else {
            self.problem(
                finding.span(),
                format!("the misconception {id} needs [findings.{id}.messages] with belief, behavior, both and gap"),
            );
            return None;
        };
        let m = messages.get_ref();
        // Stated alone, a belief has no evidence to name.
        self.placeholders(&m.belief, &[]);
        for text in [&m.behavior, &m.both, &m.gap] {
            self.placeholders(text, vars);
        }
        Some(Message::BySource {
            belief: m.belief.get_ref().clone(),
            behavior: m.behavior.get_ref().clone(),
            both: m.both.get_ref().clone(),
            gap: m.gap.get_ref().clone(),
        })
    }

    /// The criteria a finding's `related` list names, by index.
    fn related(&mut self, names: &[Spanned<String>], criteria: &[Arc<Criterion>]) -> Vec<usize> {
        let ids: Vec<&str> = criteria.iter().map(|c| &*c.id).collect();
        names
            .iter()
            .filter_map(|name| {
                let found = ids.iter().position(|id| id == name.get_ref());
                if found.is_none() {
                    self.problem(name.span(), unknown("criterion", name.get_ref(), &ids));
                }
                found
            })
            .collect()
    }
}

/// The key of `[focus]` that holds the `early` sentence for started pilots.
const EARLY_STARTED: &str = "early-started";

fn unknown(what: &str, found: &str, allowed: &[&str]) -> String {
    match closest(found, allowed) {
        Some(near) => format!("unknown {what} \"{found}\"; did you mean \"{near}\"?"),
        None => format!(
            "unknown {what} \"{found}\"; allowed: {}",
            allowed.join(", ")
        ),
    }
}

fn unknown_path(path: &str) -> String {
    let paths: Vec<&str> = format::QUESTIONS.iter().map(|q| q.path).collect();
    unknown("questionnaire path", path, &paths)
}
