//! Why a score moved against the baseline: the criteria whose points
//! changed, before and after, and for a criterion measured by a date's age
//! (how fresh the roadmap is) whether time alone explains the move, so that
//! a regression gate that fails because the calendar turned says so.

use crate::assessment::Assessment;
use crate::date::Date;
use crate::load::questionnaire::Questionnaire;
use crate::number::round1;
use crate::report::Report;
use crate::rubric::Measure;

use crate::assessment::{CriterionMove, TimeAlone};

/// Every criterion of `now` whose points differ from the baseline's (a JSON
/// report, format 1), in the rubric's order; criteria the baseline lacks
/// (another rubric) are left out.
pub fn moves(
    baseline: &Report,
    now: &Assessment,
    questionnaire: &Questionnaire,
) -> Vec<CriterionMove> {
    let before_assessed = Date::parse(&baseline.organization.assessed);
    let mut out = Vec::new();
    for criterion in now.dimensions.iter().flat_map(|d| &d.criteria) {
        let id = &*criterion.criterion.id;
        let Some(old) = baseline_criterion(baseline, id) else {
            continue;
        };
        let before = old.points.map(f64::from).filter(|_| old.applies);
        let after = criterion
            .points
            .map(f64::from)
            .filter(|_| criterion.applies);
        let same = match (before, after) {
            (Some(b), Some(a)) => (round1(b) - round1(a)).abs() < 0.05,
            (None, None) => true,
            _ => false,
        };
        if same {
            continue;
        }
        let time_alone = match (&criterion.criterion.measure, before, after, before_assessed) {
            (Measure::Age { path, curve }, Some(b), Some(a), Some(then)) => {
                questionnaire.answers.date(path).and_then(|date| {
                    let days_before = then.days_since(date);
                    let days_now = questionnaire.assessed.days_since(date);
                    // The baseline's points are what this same date gave
                    // on the baseline's day: the date did not change.
                    #[allow(clippy::cast_precision_loss)] // days fit in f64
                    let explains = |days: i64, points: f64| {
                        (round1(curve.at(days as f64)) - round1(points)).abs() < 0.05
                    };
                    (then != questionnaire.assessed
                        && explains(days_before, b)
                        && explains(days_now, a))
                    .then_some(TimeAlone {
                        path,
                        date,
                        days_before,
                        days_now,
                    })
                })
            }
            _ => None,
        };
        out.push(CriterionMove {
            id: id.to_owned(),
            side: criterion.criterion.side,
            before,
            after,
            time_alone,
        });
    }
    out
}

/// The baseline's result for criterion `id`, wherever its dimension is.
fn baseline_criterion<'b>(baseline: &'b Report, id: &str) -> Option<&'b crate::report::Criterion> {
    baseline
        .dimensions
        .iter()
        .flat_map(|d| &d.criteria)
        .find(|c| c.id == id)
}
