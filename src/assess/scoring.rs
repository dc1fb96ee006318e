//! Turns answers into points: each criterion from 0 to 100, then the strategy,
//! implementation, overall and completeness scores, the level and the quadrant.
//!
//! Scores are rounded to one decimal once, and every cut line compares the
//! rounded value, so what a reader sees is what was compared.

use crate::derive::facts::{Facts, Pilot};
use crate::load::questionnaire::format::{pilot, PILOTS};
use crate::load::questionnaire::{Answers, Given};
use crate::number::round1;
use crate::rubric::{Criterion, ImpactWeights, Measure, PilotPoints, Rubric};
use crate::vocabulary::{Level, Quadrant, Side, Sourcing};

/// One criterion's result.
#[derive(Debug, Clone, PartialEq)]
pub struct CriterionScore {
    /// Points from 0 to 100 over the parts that were answered; `None` when
    /// nothing of it was answered, or it does not apply.
    pub points: Option<f64>,
    /// The answered share `a`, from 0 to 1.
    pub answered: f64,
    /// Whether it takes part in scores, ranges and completeness at all.
    pub applies: bool,
    /// Paths the criterion reads that were left out.
    pub unanswered: Vec<String>,
}

impl CriterionScore {
    /// A criterion of one answer: answered with its points, or not at all.
    fn single(path: &str, points: Option<f64>) -> CriterionScore {
        CriterionScore {
            answered: if points.is_some() { 1.0 } else { 0.0 },
            unanswered: if points.is_some() {
                Vec::new()
            } else {
                vec![path.to_owned()]
            },
            points,
            applies: true,
        }
    }

    /// Answered, with these points.
    fn answered(points: f64) -> CriterionScore {
        CriterionScore {
            points: Some(points),
            answered: 1.0,
            applies: true,
            unanswered: Vec::new(),
        }
    }

    fn not_applicable() -> CriterionScore {
        CriterionScore {
            points: None,
            answered: 0.0,
            applies: false,
            unanswered: Vec::new(),
        }
    }

    /// The weight it counts with: none when it does not apply.
    pub fn weight(&self, criterion: &Criterion) -> f64 {
        if self.applies {
            criterion.weight
        } else {
            0.0
        }
    }

    /// The weighted gap between its answered part and full points,
    /// `weight × a × (100 − points)`, rounded.
    pub fn gap(&self, criterion: &Criterion) -> f64 {
        round1(self.weight(criterion) * self.answered * (100.0 - self.points.unwrap_or(100.0)))
    }

    /// The weight of its unanswered part, `weight × (1 − a)`.
    pub fn open_weight(&self, criterion: &Criterion) -> f64 {
        self.weight(criterion) * (1.0 - self.answered)
    }
}

/// Scores one criterion against the facts. `weights` turn a pilot's impact
/// into its weight in per-pilot averages.
pub fn score(criterion: &Criterion, facts: &Facts<'_>, weights: &ImpactWeights) -> CriterionScore {
    let answers = facts.answers();
    let single = CriterionScore::single;
    match &criterion.measure {
        Measure::Choice { path, points } => {
            let rank = match answers.get(path).map(|a| &a.value) {
                Some(Given::Choice { rank, .. }) => Some(*rank),
                _ => None,
            };
            single(path, rank.map(|r| points[r]))
        }
        Measure::Scale { path, curve } => single(path, answers.number(path).map(|x| curve.at(x))),
        Measure::Age { path, curve } => {
            let age = answers
                .date(path)
                .map(|d| facts.questionnaire.assessed.days_since(d));
            single(path, age.map(|days| curve.at(days as f64)))
        }
        Measure::AnyOf { path, items } => single(
            path,
            answers.words(path).map(|words| share_of(words, items)),
        ),
        Measure::Checklist { paths } => {
            let given: Vec<&Given> = paths
                .iter()
                .filter_map(|p| answers.get(p).map(|a| &a.value))
                .collect();
            let met = given.iter().filter(|g| is_met(Some(g))).count();
            CriterionScore {
                points: (!given.is_empty()).then(|| 100.0 * met as f64 / given.len() as f64),
                answered: given.len() as f64 / paths.len() as f64,
                applies: true,
                unanswered: paths
                    .iter()
                    .filter(|p| answers.get(p).is_none())
                    .map(|p| (*p).to_owned())
                    .collect(),
            }
        }
        // The items' fields are measured by presence: the list is the answer.
        Measure::ListCompleteness { list, fields } => match facts.questionnaire.list(list) {
            None => single(list, None),
            Some(items) => {
                let total: f64 = items
                    .items
                    .iter()
                    .map(|item| share_given(&item.answers, fields))
                    .sum();
                CriterionScore::answered(100.0 * total / items.items.len().max(1) as f64)
            }
        },
        Measure::Pilots { field, points } => pilots_score(facts, field, points, weights),
        Measure::PilotPresence { fields } => match facts.started_pilots() {
            None => single(PILOTS, None),
            Some(started) => {
                let (mut all, mut earned) = (0.0, 0.0);
                for p in started {
                    let w = weights.of(p.impact());
                    all += w;
                    earned += w * share_given(p.answers(), fields);
                }
                // No started pilot: nothing is delivering, which earns nothing.
                CriterionScore::answered(if all > 0.0 { 100.0 * earned / all } else { 0.0 })
            }
        },
    }
}

/// A per-pilot criterion: the weighted mean over the started pilots that
/// give the key, answered by the weight of those that do.
fn pilots_score(
    facts: &Facts<'_>,
    field: &'static str,
    points: &PilotPoints,
    weights: &ImpactWeights,
) -> CriterionScore {
    let Some(started) = facts.started_pilots() else {
        return CriterionScore::single(PILOTS, None);
    };
    let read: Vec<&Pilot<'_>> = started
        .iter()
        .copied()
        .filter(|p| reads_of(p, field))
        .collect();
    if read.is_empty() {
        return if started.is_empty() {
            // No started pilot: nothing is delivering, which earns nothing.
            CriterionScore::answered(0.0)
        } else {
            CriterionScore::not_applicable()
        };
    }
    let (mut all, mut given, mut earned) = (0.0, 0.0, 0.0);
    let mut unanswered = Vec::new();
    for p in read {
        let w = weights.of(p.impact());
        all += w;
        match pilot_points(p, field, points) {
            Some(x) => {
                given += w;
                earned += w * x;
            }
            None => unanswered.push([&p.path(), ".", field].concat()),
        }
    }
    CriterionScore {
        points: (given > 0.0).then(|| earned / given),
        answered: given / all,
        applies: true,
        unanswered,
    }
}

/// Whether a per-pilot criterion on `field` reads the pilot `p`: every started
/// pilot, but for retraining only the built ones, as retraining a bought
/// system is its vendor's job.
pub fn reads_of(p: &Pilot<'_>, field: &str) -> bool {
    field != pilot::RETRAINING || p.sourcing() == Sourcing::Built
}

/// The share of `fields` an item gives, from 0 to 1.
fn share_given(answers: &Answers, fields: &[&str]) -> f64 {
    let given = fields.iter().filter(|f| answers.get(f).is_some()).count();
    given as f64 / fields.len().max(1) as f64
}

/// One pilot's points for a key, `None` when the pilot leaves it out.
pub fn pilot_points(pilot: &Pilot<'_>, field: &str, points: &PilotPoints) -> Option<f64> {
    let value = &pilot.answers().get(field)?.value;
    Some(match (points, value) {
        (PilotPoints::Choice(table), Given::Choice { rank, .. }) => {
            table.get(*rank).copied().unwrap_or(0.0)
        }
        (PilotPoints::Flag, Given::Flag(true)) => 100.0,
        (PilotPoints::AnyOf(items), Given::Words(words)) => share_of(words, items),
        (PilotPoints::Scale(curve), Given::Integer(i)) => curve.at(*i as f64),
        (PilotPoints::Scale(curve), Given::Number(x)) => curve.at(*x),
        _ => 0.0,
    })
}

fn share_of(words: &[&str], items: &[&str]) -> f64 {
    let given = items.iter().filter(|i| words.contains(i)).count();
    100.0 * given as f64 / items.len().max(1) as f64
}

/// A checklist entry counts when a flag is true or a head count is one or more.
pub fn is_met(value: Option<&Given>) -> bool {
    match value {
        Some(Given::Flag(b)) => *b,
        Some(Given::Integer(i)) => *i >= 1,
        _ => false,
    }
}

/// A side's score, computed from what was answered, with its range and
/// completeness; every figure rounded once.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct SideScore {
    /// `None` when nothing on the side was answered.
    pub score: Option<f64>,
    /// Every unanswered part counted as 0 points.
    pub low: f64,
    /// Every unanswered part counted as 100 points.
    pub high: f64,
    /// `100 × Σ(weight × a) / Σ weight`.
    pub completeness: f64,
}

impl SideScore {
    /// The score, or where there is none its low end (then 0): what the
    /// level, the quadrant and the focus compare.
    pub fn effective(&self) -> f64 {
        self.score.unwrap_or(self.low)
    }
}

/// The score of a set of criteria (a side, or one dimension's side).
pub fn side_score<'a>(
    criteria: impl Iterator<Item = (&'a Criterion, &'a CriterionScore)>,
) -> SideScore {
    let (mut all, mut answered, mut earned) = (0.0, 0.0, 0.0);
    for (criterion, score) in criteria {
        let weight = score.weight(criterion);
        all += weight;
        answered += weight * score.answered;
        earned += weight * score.answered * score.points.unwrap_or(0.0);
    }
    if all <= 0.0 {
        return SideScore {
            score: None,
            low: 0.0,
            high: 100.0,
            completeness: 0.0,
        };
    }
    SideScore {
        score: (answered > 0.0).then(|| round1(earned / answered)),
        low: round1(earned / all),
        high: round1((earned + 100.0 * (all - answered)) / all),
        completeness: round1(100.0 * answered / all),
    }
}

/// The harmonic mean of two rounded side scores: balance is the point
/// (90 and 10 give 18). 0 when either is 0.
pub fn harmonic(a: f64, b: f64) -> f64 {
    if a <= 0.0 || b <= 0.0 {
        return 0.0;
    }
    round1(2.0 * a * b / (a + b))
}

/// The level the overall score reaches on the rubric's cut lines.
pub fn level_of(overall: f64, rubric: &Rubric) -> Level {
    let cuts = &rubric.levels;
    if overall >= cuts.transforming {
        Level::Transforming
    } else if overall >= cuts.scaling {
        Level::Scaling
    } else if overall >= cuts.operationalizing {
        Level::Operationalizing
    } else if overall >= cuts.experimenting {
        Level::Experimenting
    } else {
        Level::Exploring
    }
}

/// Where the two side scores place the organization, on the rubric's cut
/// line. Implementation counts as high only with a live pilot: without a
/// working system no organization is aligned or has unused tools.
pub fn quadrant_of(
    strategy: f64,
    implementation: f64,
    any_live: bool,
    rubric: &Rubric,
) -> Quadrant {
    let cut = rubric.thresholds.quadrant_cut;
    match (strategy >= cut, implementation >= cut && any_live) {
        (true, true) => Quadrant::Aligned,
        (true, false) => Quadrant::SlideDeck,
        (false, true) => Quadrant::UnusedTools,
        (false, false) => Quadrant::Early,
    }
}

/// The highest level what exists supports: `None` when no cap applies.
/// `started`, `live` and `scaled` count pilots; `started` is `None` when the
/// pilots list was left out.
pub fn level_cap(started: Option<usize>, live: usize, scaled: usize) -> Option<Level> {
    match started {
        None | Some(0) => Some(Level::Exploring),
        Some(_) if live == 0 => Some(Level::Experimenting),
        Some(_) if scaled == 0 => Some(Level::Operationalizing),
        Some(_) if scaled < 2 => Some(Level::Scaling),
        Some(_) => None,
    }
}

/// Which side a criterion is on, as a filter.
pub fn on_side(side: Side) -> impl Fn(&(&Criterion, &CriterionScore)) -> bool {
    move |(c, _)| c.side == side
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A gap is `weight × a × (100 − points)`: the answered part's shortfall,
    /// weighted; what the largest gaps and the next level rank by.
    #[test]
    fn a_gap_is_the_answered_parts_shortfall_times_the_weight() {
        let rubric = crate::rubric::default_rubric();
        let mut criterion = (*rubric.criteria[0]).clone();
        criterion.weight = 2.0;
        let half = CriterionScore {
            points: Some(40.0),
            answered: 0.5,
            applies: true,
            unanswered: Vec::new(),
        };
        assert_eq!(half.gap(&criterion), 60.0);
        assert_eq!(CriterionScore::answered(40.0).gap(&criterion), 120.0);
        assert_eq!(CriterionScore::not_applicable().gap(&criterion), 0.0);
    }

    #[test]
    fn overall_is_the_harmonic_mean() {
        assert_eq!(harmonic(90.0, 10.0), 18.0);
        assert_eq!(harmonic(50.0, 50.0), 50.0);
        assert_eq!(harmonic(0.0, 80.0), 0.0);
    }

    /// The zero guard: both sides at 0 (a starter questionnaire's low ends)
    /// give 0, not the NaN of 0 / 0.
    #[test]
    fn harmonic_zero_guard_both_sides_at_zero_give_zero() {
        assert_eq!(harmonic(0.0, 0.0), 0.0);
        assert_eq!(harmonic(80.0, 0.0), 0.0);
        assert_eq!(harmonic(0.1, 0.1), 0.1);
        assert_eq!(harmonic(71.3, 38.0), 49.6);
    }

    #[test]
    fn the_level_cap_follows_what_exists() {
        assert_eq!(level_cap(None, 0, 0), Some(Level::Exploring));
        assert_eq!(level_cap(Some(0), 0, 0), Some(Level::Exploring));
        assert_eq!(level_cap(Some(1), 0, 0), Some(Level::Experimenting));
        assert_eq!(level_cap(Some(1), 1, 0), Some(Level::Operationalizing));
        assert_eq!(level_cap(Some(2), 2, 1), Some(Level::Scaling));
        assert_eq!(level_cap(Some(2), 2, 2), None);
    }
}
