//! Turns answers into points: each criterion from 0 to 100, then the strategy,
//! implementation, overall and completeness scores, the level and the quadrant.
//!
//! Scores are rounded to one decimal once, and every cut line compares the
//! rounded value, so what a reader sees is what was compared.

use crate::derive::facts::{Facts, Pilot};
use crate::load::questionnaire::format::PILOTS;
use crate::load::questionnaire::Given;
use crate::rubric::{Criterion, Measure, PilotPoints, Rubric};
use crate::vocabulary::{Level, Quadrant, Side};

/// One criterion's result.
#[derive(Debug, Clone, PartialEq)]
pub struct CriterionScore {
    pub points: f64,
    pub answered: bool,
    /// Paths the criterion reads that were left out.
    pub unanswered: Vec<String>,
}

/// Rounds to one decimal, halves away from zero.
pub fn round1(x: f64) -> f64 {
    (x * 10.0).round() / 10.0
}

/// Scores one criterion against the facts.
pub fn score(criterion: &Criterion, facts: &Facts<'_>) -> CriterionScore {
    let answers = facts.answers();
    let single = |path: &str, points: Option<f64>| CriterionScore {
        points: points.unwrap_or(0.0),
        answered: points.is_some(),
        unanswered: if points.is_some() {
            vec![]
        } else {
            vec![path.to_owned()]
        },
    };
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
            let met = paths
                .iter()
                .filter(|p| is_met(answers.get(p).map(|a| &a.value)))
                .count();
            let unanswered: Vec<String> = paths
                .iter()
                .filter(|p| answers.get(p).is_none())
                .map(|p| (*p).to_owned())
                .collect();
            CriterionScore {
                points: 100.0 * met as f64 / paths.len() as f64,
                answered: unanswered.len() < paths.len(),
                unanswered,
            }
        }
        Measure::ListCompleteness { list, fields } => match facts.questionnaire.list(list) {
            None => single(list, None),
            Some(items) => {
                let mut unanswered = Vec::new();
                let mut total = 0.0;
                for (i, item) in items.items.iter().enumerate() {
                    let given = fields
                        .iter()
                        .filter(|f| item.answers.get(f).is_some())
                        .count();
                    total += given as f64 / fields.len() as f64;
                    unanswered.extend(
                        fields
                            .iter()
                            .filter(|f| item.answers.get(f).is_none())
                            .map(|f| format!("{list}[{i}].{f}")),
                    );
                }
                let count = items.items.len().max(1) as f64;
                CriterionScore {
                    points: 100.0 * total / count,
                    answered: true,
                    unanswered,
                }
            }
        },
        Measure::Pilots { field, points } => match facts.counted_pilots() {
            None => single(PILOTS, None),
            Some(pilots) => {
                let pilots: Vec<&Pilot<'_>> = pilots.collect();
                let mut total = 0.0;
                let mut unanswered = Vec::new();
                for pilot in &pilots {
                    match pilot_points(pilot, field, points) {
                        Some(p) => total += p,
                        None => unanswered.push(format!("{}.{field}", pilot.path())),
                    }
                }
                // No counted pilots is an answer ("we have none"): zero points.
                let answered = pilots.is_empty() || unanswered.len() < pilots.len();
                CriterionScore {
                    points: total / pilots.len().max(1) as f64,
                    answered,
                    unanswered,
                }
            }
        },
    }
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

/// The weighted mean of `(weight, points)` pairs, rounded; `None` when empty.
pub fn weighted_mean<'a>(
    pairs: impl Iterator<Item = (&'a Criterion, &'a CriterionScore)>,
) -> Option<f64> {
    let (mut weights, mut total) = (0.0, 0.0);
    for (criterion, score) in pairs {
        weights += criterion.weight;
        total += criterion.weight * score.points;
    }
    (weights > 0.0).then(|| round1(total / weights))
}

/// The harmonic mean of the two rounded side scores: balance is the point.
pub fn overall(strategy: f64, implementation: f64) -> f64 {
    if strategy <= 0.0 || implementation <= 0.0 {
        return 0.0;
    }
    round1(2.0 * strategy * implementation / (strategy + implementation))
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

/// Where the two side scores place the organization, on the rubric's cut line.
pub fn quadrant_of(strategy: f64, implementation: f64, rubric: &Rubric) -> Quadrant {
    let cut = rubric.thresholds.quadrant_cut;
    match (strategy >= cut, implementation >= cut) {
        (true, true) => Quadrant::Aligned,
        (true, false) => Quadrant::SlideDeck,
        (false, true) => Quadrant::UnusedTools,
        (false, false) => Quadrant::Early,
    }
}

/// Which side a criterion is on, as a filter.
pub fn on_side(side: Side) -> impl Fn(&(&Criterion, &CriterionScore)) -> bool {
    move |(c, _)| c.side == side
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn overall_is_the_harmonic_mean() {
        assert_eq!(overall(90.0, 10.0), 18.0);
        assert_eq!(overall(50.0, 50.0), 50.0);
        assert_eq!(overall(0.0, 80.0), 0.0);
        assert_eq!(overall(71.3, 38.0), 49.6);
    }

    #[test]
    fn rounds_half_away_from_zero() {
        assert_eq!(round1(59.95), 60.0);
        assert_eq!(round1(59.94), 59.9);
    }
}
