//! The pipeline from a loaded questionnaire and a rubric to an `Assessment`:
//! derive facts, score criteria, detect findings, decide the focus, rank
//! recommendations. Pure: no I/O.

pub mod findings;
pub mod focus;
pub mod portfolio;
pub mod recommend;
pub mod scoring;

use crate::assessment::{
    Assessment, Benchmark, CriterionResult, DimensionResult, Organization, PilotSummary, Purgatory,
    Scores, Tool, FORMAT_VERSION,
};
use crate::derive::facts::{Facts, Pilot};
use crate::load::questionnaire::format::{self, pilot, QUESTIONS};
use crate::load::questionnaire::Questionnaire;
use crate::rubric::{Criterion, Rubric};
use crate::vocabulary::{Side, Stage};
use findings::{Context, SideScores, DETECTORS};
use scoring::{round1, CriterionScore};
use std::collections::BTreeSet;
use std::sync::Arc;

/// Assesses one questionnaire. `source` is the file name the report shows.
pub fn assess(questionnaire: &Questionnaire, rubric: &Rubric, source: &str) -> Assessment {
    let facts = Facts::derive(questionnaire);
    let criteria: Vec<(&Criterion, CriterionScore)> = rubric
        .criteria
        .iter()
        .map(|c| (&**c, scoring::score(c, &facts)))
        .collect();
    let side = |side: Side| {
        scoring::weighted_mean(
            criteria
                .iter()
                .map(|(c, s)| (*c, s))
                .filter(scoring::on_side(side)),
        )
        .unwrap_or(0.0)
    };
    let strategy = side(Side::Strategy);
    let implementation = side(Side::Implementation);
    let answered = criteria.iter().filter(|(_, s)| s.answered).count();
    let scores = Scores {
        strategy,
        implementation,
        overall: scoring::overall(strategy, implementation),
        completeness: round1(100.0 * answered as f64 / criteria.len().max(1) as f64),
    };
    let findings = findings::detect(&Context {
        facts: &facts,
        rubric,
        scores: SideScores {
            strategy,
            implementation,
        },
    });
    let (status, signals) = findings::purgatory_status(&findings, rubric);
    let quadrant = scoring::quadrant_of(strategy, implementation, rubric);
    let decision = focus::decide(&findings, status, quadrant, &scores, rubric);
    let recommendations = recommend::recommend(&decision, &findings, &criteria, &facts, rubric);
    Assessment {
        format_version: FORMAT_VERSION,
        tool: Tool {
            name: env!("CARGO_PKG_NAME"),
            version: env!("CARGO_PKG_VERSION"),
        },
        source: source.to_owned(),
        organization: Organization {
            name: questionnaire.organization().to_owned(),
            assessed: questionnaire.assessed.to_string(),
            assessed_from: questionnaire.assessed_from,
        },
        rubric: Arc::clone(&rubric.reference),
        scores,
        level: scoring::level_of(scores.overall, rubric),
        quadrant,
        focus: decision.focus,
        focus_reason: decision.sentence.clone(),
        purgatory: Purgatory {
            status,
            signals,
            pilot_to_production_pct: pilot_to_production(&facts),
            benchmark: Benchmark {
                pilot_to_production_pct: rubric.benchmark.pilot_to_production_pct,
                source: rubric.benchmark.source.clone(),
            },
        },
        pilots: inventory(&facts),
        findings,
        dimensions: dimensions(rubric, &criteria),
        unanswered: unanswered(questionnaire, &criteria),
        recommendations,
        gate: None,
    }
}

/// Live pilots as a share of the pilots that got past the idea stage and
/// were not retired, in percent.
fn pilot_to_production(facts: &Facts<'_>) -> Option<f64> {
    let pilots: Vec<&Pilot<'_>> = facts.counted_pilots()?.collect();
    let live = pilots.iter().filter(|p| p.is_live()).count();
    let tried = pilots
        .iter()
        .filter(|p| p.is_live() || p.is_active())
        .count();
    (tried > 0).then(|| round1(100.0 * live as f64 / tried as f64))
}

fn inventory(facts: &Facts<'_>) -> Vec<PilotSummary> {
    let Some(pilots) = &facts.pilots else {
        return Vec::new();
    };
    pilots
        .iter()
        .map(|p| {
            let answers = p.answers();
            PilotSummary {
                name: p.name().to_owned(),
                department: answers.text(pilot::DEPARTMENT).map(str::to_owned),
                stage: p.stage,
                age_days: p.age_days,
                environment: answers.choice_of(pilot::ENVIRONMENT),
                users: answers.integer(pilot::USERS),
                monitoring: answers.choice_of(pilot::MONITORING),
                line: p.item.at.line,
            }
        })
        .collect()
}

fn dimensions(rubric: &Rubric, criteria: &[(&Criterion, CriterionScore)]) -> Vec<DimensionResult> {
    rubric
        .dimensions
        .iter()
        .enumerate()
        .map(|(index, dimension)| {
            let mine = || {
                criteria
                    .iter()
                    .filter(move |(c, _)| c.dimension == index)
                    .map(|(c, s)| (*c, s))
            };
            DimensionResult {
                id: dimension.id.clone(),
                name: dimension.name.clone(),
                strategy: scoring::weighted_mean(mine().filter(scoring::on_side(Side::Strategy))),
                implementation: scoring::weighted_mean(
                    mine().filter(scoring::on_side(Side::Implementation)),
                ),
                // Criteria are scored in the rubric's order.
                criteria: rubric
                    .criteria
                    .iter()
                    .zip(criteria)
                    .filter(|(c, _)| c.dimension == index)
                    .map(|(c, (_, s))| CriterionResult {
                        criterion: Arc::clone(c),
                        points: round1(s.points),
                        answered: s.answered,
                    })
                    .collect(),
            }
        })
        .collect()
}

/// Every left-out path that a criterion or a finding reads, in questionnaire order.
fn unanswered(
    questionnaire: &Questionnaire,
    criteria: &[(&Criterion, CriterionScore)],
) -> Vec<String> {
    let mut paths: BTreeSet<String> = criteria
        .iter()
        .flat_map(|(_, s)| s.unanswered.iter().cloned())
        .collect();
    paths.extend(
        DETECTORS
            .iter()
            .flat_map(|d| d.reads)
            .filter(|p| questionnaire.answers.get(p).is_none())
            .map(|p| (*p).to_owned()),
    );
    match questionnaire.list(format::PILOTS) {
        None => {
            paths.insert(format::PILOTS.to_owned());
        }
        Some(list) => {
            for (i, item) in list.items.iter().enumerate() {
                if item.answers.choice_of(pilot::STAGE) == Some(Stage::Retired) {
                    continue;
                }
                for key in DETECTORS
                    .iter()
                    .flat_map(|d| d.reads_of_pilots)
                    .filter(|k| item.answers.get(k).is_none())
                {
                    paths.insert(format!("{}[{i}].{key}", format::PILOTS));
                }
            }
        }
    }
    let mut ordered: Vec<String> = paths.into_iter().collect();
    ordered.sort_by_cached_key(|p| order_key(p));
    ordered
}

/// Sorts paths as the questionnaire is written: each list first in its
/// section (as the format's example writes them), list items by index.
fn order_key(path: &str) -> (usize, bool, usize, usize) {
    let (base, index, key) = match path.split_once('[') {
        Some((list, rest)) => {
            let (index, key) = rest.split_once(']').unwrap_or((rest, ""));
            (
                list,
                index.parse().unwrap_or(0),
                key.trim_start_matches('.'),
            )
        }
        None => (path, 0, ""),
    };
    let is_list = format::list(base).is_some();
    let anchor = if is_list {
        let section = base.split('.').next().unwrap_or(base);
        QUESTIONS.iter().position(|q| q.path.starts_with(section))
    } else {
        QUESTIONS.iter().position(|q| q.path == base)
    };
    let key_position = format::list(base)
        .and_then(|l| l.fields.iter().position(|f| f.key == key))
        .unwrap_or(0);
    (anchor.unwrap_or(usize::MAX), !is_list, index, key_position)
}
