//! The pipeline from a loaded questionnaire and a rubric to an `Assessment`:
//! derive facts, score criteria, detect findings, decide the focus, rank
//! recommendations. Pure: no I/O.

pub mod accept;
pub mod findings;
pub mod focus;
pub mod gate;
pub mod recommend;
pub mod scoring;

use crate::assessment::{
    Assessment, Benchmark, BySide, CriterionResult, DecisionNeeded, DimensionResult,
    IncidentSummary, NextLevel, OpenQuestions, Organization, PilotSummary, Purgatory, Ranges,
    Respondent, Scores, Spend, Tool, FORMAT_VERSION,
};
use crate::derive::facts::Facts;
use crate::load::questionnaire::format::{self, pilot, PILOTS, QUESTIONS};
use crate::load::questionnaire::Questionnaire;
use crate::number::round1;
use crate::rubric::{Criterion, Rubric};
use crate::vocabulary::{Confidence, Level, Side, Stage, Word};
use findings::{Context, DETECTORS};
use rayon::prelude::*;
use scoring::{CriterionScore, SideScore};
use std::collections::BTreeSet;
use std::sync::Arc;

/// Assesses one questionnaire. `source` is the file name the report shows.
pub fn assess(questionnaire: &Questionnaire, rubric: &Rubric, source: &str) -> Assessment {
    assess_to(questionnaire, rubric, source, Extent::Report)
}

/// The verdict alone, as a trend point of `history` shows it: the scores
/// with their ranges, level, quadrant, focus, confidence, purgatory and the
/// findings, exactly as [`assess`] gives them; none of what only a report
/// shows (recommendations, the next level, the pilot inventory, decisions,
/// dimensions, open questions, respondents, incidents), which a history of
/// thousands of versions would compute for nothing.
pub fn verdict(questionnaire: &Questionnaire, rubric: &Rubric, source: &str) -> Assessment {
    assess_to(questionnaire, rubric, source, Extent::Verdict)
}

/// How much of an assessment is worked out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Extent {
    Report,
    Verdict,
}

fn assess_to(
    questionnaire: &Questionnaire,
    rubric: &Rubric,
    source: &str,
    extent: Extent,
) -> Assessment {
    let pilots = questionnaire
        .list(PILOTS)
        .map_or(0, |list| list.items.len());
    assess_with(
        questionnaire,
        rubric,
        source,
        extent,
        AtOnce::for_pilots(pilots),
    )
}

fn assess_with(
    questionnaire: &Questionnaire,
    rubric: &Rubric,
    source: &str,
    extent: Extent,
    at_once: AtOnce,
) -> Assessment {
    let facts = Facts::derive(questionnaire);
    let t = &rubric.thresholds;
    let score = |c: &Criterion| scoring::score(c, &facts, &t.impact_weights);
    let criteria: Vec<(&Criterion, CriterionScore)> = match at_once {
        AtOnce::Yes => (rubric.criteria.par_iter())
            .map(|c| (&**c, score(c)))
            .collect(),
        AtOnce::No => rubric.criteria.iter().map(|c| (&**c, score(c))).collect(),
    };
    let side = |side: Side| {
        scoring::side_score(
            criteria
                .iter()
                .map(|(c, s)| (*c, s))
                .filter(scoring::on_side(side)),
        )
    };
    let (strategy, implementation) = (side(Side::Strategy), side(Side::Implementation));
    let scores = scores(&strategy, &implementation, &criteria);
    let findings = findings::detect(
        &Context {
            facts: &facts,
            rubric,
            strategy,
            implementation,
        },
        at_once,
    );
    let purgatory = findings::purgatory_status(&findings, &facts, rubric);
    let live = facts.live_pilots();
    let quadrant = scoring::quadrant_of(
        strategy.effective(),
        implementation.effective(),
        !live.is_empty(),
        rubric,
    );
    let confidence = confidence(&strategy, &implementation, &facts, rubric);
    let (level, level_by_score, level_cap) = levels(&facts, &scores, rubric);
    let decision = focus::decide(&focus::Situation {
        findings: &findings,
        purgatory: &purgatory,
        quadrant,
        scores: &scores,
        facts: &facts,
        rubric,
    });
    let mut assessment = Assessment {
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
        confidence,
        level,
        level_by_score,
        level_cap,
        next_level: None,
        quadrant,
        focus: decision.reason.focus(),
        focus_reason: decision.sentence.clone(),
        focus_reason_id: decision.reason,
        purgatory: purgatory_of(purgatory, &facts, rubric),
        respondents: Vec::new(),
        pilots: Vec::new(),
        decisions: Vec::new(),
        spend: spend(&facts),
        incidents: Vec::new(),
        findings,
        dimensions: Vec::new(),
        unanswered: Vec::new(),
        unanswered_across: Vec::new(),
        recommendations: Vec::new(),
        gate: None,
        acceptances: Vec::new(),
        comparison: None,
        moved: Vec::new(),
        framework_views: Vec::new(),
        config: Arc::default(),
        path: None,
    };
    if extent == Extent::Report {
        add_report_parts(
            &mut assessment,
            questionnaire,
            &facts,
            &criteria,
            &decision,
            rubric,
            at_once,
        );
    }
    assessment
}

/// Whether the independent parts of an assessment are worked out on
/// several threads at once. For a questionnaire of thousands of pilots
/// assessed on its own, where each part takes milliseconds, it is; for the
/// few pilots of most, handing work to another thread costs more than it
/// saves. Never on one of rayon's threads (a portfolio's or a history's,
/// already each assessing a questionnaire): waiting there for its other
/// part, a thread may take up another input's work, which may wait in turn
/// for this one's result (`command::in_order`'s window) and never end.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AtOnce {
    Yes,
    No,
}

impl AtOnce {
    /// From this many pilots, parts are worked out at once.
    const FROM_PILOTS: usize = 1000;

    fn for_pilots(pilots: usize) -> AtOnce {
        if pilots >= AtOnce::FROM_PILOTS && rayon::current_thread_index().is_none() {
            AtOnce::Yes
        } else {
            AtOnce::No
        }
    }

    /// `a` and `b`, at once or one after the other.
    pub fn join<A: Send, B: Send>(
        self,
        a: impl FnOnce() -> A + Send,
        b: impl FnOnce() -> B + Send,
    ) -> (A, B) {
        match self {
            AtOnce::Yes => rayon::join(a, b),
            AtOnce::No => (a(), b()),
        }
    }
}

/// What only a report shows, beside the verdict: the recommendations and
/// the next level, the pilot inventory, decisions, dimensions, open
/// questions, respondents and incidents.
fn add_report_parts(
    a: &mut Assessment,
    questionnaire: &Questionnaire,
    facts: &Facts<'_>,
    criteria: &[(&Criterion, CriterionScore)],
    decision: &focus::Decision,
    rubric: &Rubric,
    at_once: AtOnce,
) {
    // The recommendations on one side; on the other, the lists that only
    // restate the questionnaire, pilot by pilot and answer by answer.
    let ((recommendations, next), (pilots, decisions, unanswered)) = at_once.join(
        || {
            let gaps = recommend::ranked_gaps(criteria, &a.findings, facts, rubric);
            let recommendations = recommend::recommend(&recommend::Inputs {
                decision,
                confidence: a.confidence,
                scores: &a.scores,
                findings: &a.findings,
                criteria,
                facts,
                rubric,
            });
            let next = next_level((a.level, a.level_cap), &a.scores, &gaps, rubric);
            (recommendations, next)
        },
        || {
            (
                inventory(facts),
                decisions(facts, rubric),
                unanswered(questionnaire, criteria),
            )
        },
    );
    a.recommendations = recommendations;
    a.next_level = next;
    a.respondents = respondents(questionnaire);
    a.pilots = pilots;
    a.decisions = decisions;
    a.incidents = incidents(questionnaire);
    a.dimensions = dimensions(rubric, criteria);
    a.unanswered = unanswered;
    a.unanswered_across = read_across(criteria);
}

/// The level reported, the level the overall score alone reaches, and the
/// cap what exists sets: the level is the lower of the two.
fn levels(facts: &Facts<'_>, scores: &Scores, rubric: &Rubric) -> (Level, Level, Option<Level>) {
    let live = facts.live_pilots();
    let started = facts.started_pilots().map(|s| s.len());
    let scaled = live.iter().filter(|p| p.stage == Stage::Scaled).count();
    let by_score = scoring::level_of(scores.effective_overall(), rubric);
    let cap = scoring::level_cap(started, live.len(), scaled);
    (cap.map_or(by_score, |cap| cap.min(by_score)), by_score, cap)
}

/// The three scores with their ranges, and completeness by weight.
fn scores(
    strategy: &SideScore,
    implementation: &SideScore,
    criteria: &[(&Criterion, CriterionScore)],
) -> Scores {
    let overall = match (strategy.score, implementation.score) {
        (Some(s), Some(i)) => Some(scoring::harmonic(s, i)),
        _ => None,
    };
    let (mut all, mut answered) = (0.0, 0.0);
    for (c, s) in criteria {
        all += s.weight(c);
        answered += s.weight(c) * s.answered;
    }
    Scores {
        strategy: strategy.score,
        implementation: implementation.score,
        overall,
        completeness: if all > 0.0 {
            round1(100.0 * answered / all)
        } else {
            0.0
        },
        range: Ranges {
            strategy: [strategy.low, strategy.high],
            implementation: [implementation.low, implementation.high],
            overall: [
                scoring::harmonic(strategy.low, implementation.low),
                scoring::harmonic(strategy.high, implementation.high),
            ],
        },
        completeness_by_side: BySide {
            strategy: strategy.completeness,
            implementation: implementation.completeness,
        },
        open_questions: OpenQuestions {
            strategy: open_questions(criteria, |side| side == Side::Strategy),
            implementation: open_questions(criteria, |side| side == Side::Implementation),
            overall: open_questions(criteria, |_| true),
        },
    }
}

/// How many distinct questions the criteria of the sides `on` read that
/// were left out.
fn open_questions(criteria: &[(&Criterion, CriterionScore)], on: impl Fn(Side) -> bool) -> usize {
    criteria
        .iter()
        .filter(|(c, s)| on(c.side) && s.applies)
        .flat_map(|(_, s)| s.unanswered.iter())
        .collect::<BTreeSet<_>>()
        .len()
}

/// The open questions each side's criteria read from the other side's
/// section, each once per side, in path order.
fn read_across(criteria: &[(&Criterion, CriterionScore)]) -> Vec<(Side, String)> {
    let section = |side: Side| match side {
        Side::Strategy => "strategy.",
        Side::Implementation => "implementation.",
    };
    criteria
        .iter()
        .filter(|(_, s)| s.applies)
        .flat_map(|(c, s)| s.unanswered.iter().map(move |q| (c.side, q)))
        .filter(|(side, q)| !q.starts_with(section(*side)))
        .map(|(side, q)| (side, q.clone()))
        .collect::<BTreeSet<_>>()
        .into_iter()
        .collect()
}

/// `insufficient` when a side is too little answered or the pilots list is
/// left out; `provisional` when the unanswered questions could change the
/// quadrant, or the pilots list is known not to be the whole inventory (it
/// describes only part of the AI in use); `firm` otherwise.
fn confidence(
    strategy: &SideScore,
    implementation: &SideScore,
    facts: &Facts<'_>,
    rubric: &Rubric,
) -> Confidence {
    let t = &rubric.thresholds;
    let sides = [strategy, implementation];
    if facts.pilots.is_none()
        || sides
            .iter()
            .any(|s| s.completeness < t.min_side_completeness)
    {
        Confidence::Insufficient
    } else if sides
        .iter()
        .any(|s| s.low < t.quadrant_cut && t.quadrant_cut <= s.high)
        || facts
            .answers()
            .flag(format::path::IMPLEMENTATION_INVENTORY_COMPLETE)
            == Some(false)
    {
        Confidence::Provisional
    } else {
        Confidence::Firm
    }
}

/// The purgatory section: the status, with the pilot-to-production rate and
/// the industry figure beside it.
fn purgatory_of(status: findings::PurgatoryFacts, facts: &Facts<'_>, rubric: &Rubric) -> Purgatory {
    Purgatory {
        status: status.status,
        signals: status.signals,
        lingering: status.lingering,
        live: status.live,
        pilot_to_production_pct: pilot_to_production(facts),
        benchmark: Benchmark {
            pilot_to_production_pct: rubric.benchmark.pilot_to_production_pct,
            source: rubric.benchmark.source.clone(),
        },
        pilots_listed: facts.pilots.is_some(),
    }
}

/// Live pilots as a share of started pilots, in percent (unweighted
/// counts); none when no pilot has started.
fn pilot_to_production(facts: &Facts<'_>) -> Option<f64> {
    let started = facts.started_pilots()?;
    let live = started.iter().filter(|p| p.is_live()).count();
    (!started.is_empty()).then(|| round1(100.0 * live as f64 / started.len() as f64))
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
                business_owner: answers.text(pilot::BUSINESS_OWNER).map(str::to_owned),
                retired_reason: answers.choice_of(pilot::RETIRED_REASON),
                line: p.item.at.line,
            }
        })
        .collect()
}

/// The next level up: where it starts, the points the overall score still
/// needs, the cap that holds the level below it, and the criteria whose
/// gaps weigh most (`gaps`, ranked as the recommendations rank them, so the
/// report names what it also advises). `None` at the top level.
fn next_level(
    (level, cap): (Level, Option<Level>),
    scores: &Scores,
    gaps: &[usize],
    rubric: &Rubric,
) -> Option<NextLevel> {
    let next = Level::at(level as usize + 1)?;
    let cuts = &rubric.levels;
    let starts_at = match next {
        Level::Exploring => 0.0,
        Level::Experimenting => cuts.experimenting,
        Level::Operationalizing => cuts.operationalizing,
        Level::Scaling => cuts.scaling,
        Level::Transforming => cuts.transforming,
    };
    let points_needed = round1((starts_at - scores.effective_overall()).max(0.0));
    // The overall score is the two sides' harmonic mean: while one side
    // scores 0 it stays 0 whatever the other does, and only that side's
    // gaps can raise it.
    let held_by = match scores.held_at_zero() {
        crate::assessment::HeldAtZero::One(side) => Some(side),
        _ => None,
    };
    let criteria = if points_needed > 0.0 {
        gaps.iter()
            .filter(|i| held_by.is_none_or(|side| rubric.criteria[**i].side == side))
            .take(NEXT_LEVEL_CRITERIA)
            .map(|i| rubric.criteria[*i].id.clone())
            .collect()
    } else {
        Vec::new()
    };
    Some(NextLevel {
        level: next,
        starts_at,
        points_needed,
        cap: cap.filter(|cap| *cap < next),
        criteria,
    })
}

/// How many criteria the next level names.
const NEXT_LEVEL_CRITERIA: usize = 3;

/// The decisions leadership owes: every lingering pilot, the longest
/// running first (those without a start date last), then in the
/// questionnaire's order.
fn decisions(facts: &Facts<'_>, rubric: &Rubric) -> Vec<DecisionNeeded> {
    let assessed = facts.questionnaire.assessed;
    let mut lingering = facts.lingering_pilots(rubric.thresholds.stale_pilot_days);
    lingering.sort_by_key(|p| (std::cmp::Reverse(p.age_days), p.index));
    lingering
        .into_iter()
        .map(|p| {
            let answers = p.answers();
            DecisionNeeded {
                pilot: p.name().to_owned(),
                business_owner: answers.text(pilot::BUSINESS_OWNER).map(str::to_owned),
                decision_by: p.decision_by().map(|d| d.to_string()),
                overdue: p.decision_by().is_some_and(|due| due < assessed),
                days_running: p.age_days,
                cost_vs_plan: answers.number(pilot::COST_VS_PLAN),
                line: p.item.at.line,
            }
        })
        .collect()
}

/// Who answered, as the questionnaire names them.
fn respondents(questionnaire: &Questionnaire) -> Vec<Respondent> {
    let Some(list) = questionnaire.list(format::RESPONDENTS) else {
        return Vec::new();
    };
    list.items
        .iter()
        .map(|item| Respondent {
            role: item
                .answers
                .text(format::respondent::ROLE)
                .unwrap_or_default()
                .to_owned(),
            answered: item
                .answers
                .words(format::respondent::ANSWERED)
                .unwrap_or_default()
                .to_vec(),
            line: item.at.line,
        })
        .collect()
}

fn spend(facts: &Facts<'_>) -> Spend {
    let answers = facts.answers();
    Spend {
        monthly: answers.number(format::path::IMPLEMENTATION_SPEND_MONTHLY),
        tracked: answers.flag(format::path::IMPLEMENTATION_SPEND_TRACKED),
        recurring_budget: answers.flag(format::path::IMPLEMENTATION_SPEND_RECURRING_BUDGET),
    }
}

/// The incidents recorded, in the questionnaire's order.
fn incidents(questionnaire: &Questionnaire) -> Vec<IncidentSummary> {
    use format::incident;
    let Some(list) = questionnaire.list(format::INCIDENTS) else {
        return Vec::new();
    };
    // The loader requires a date, kind, severity and resolved in each.
    list.items
        .iter()
        .filter_map(|item| {
            let a = &item.answers;
            Some(IncidentSummary {
                date: a.date(incident::DATE)?.to_string(),
                pilot: a.text(incident::PILOT).map(str::to_owned),
                kind: a.choice_of(incident::KIND)?,
                severity: a.choice_of(incident::SEVERITY)?,
                resolved: a.flag(incident::RESOLVED)?,
                summary: a.text(incident::SUMMARY).map(str::to_owned),
                line: item.at.line,
            })
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
                references: dimension.references.clone(),
                strategy: scoring::side_score(mine().filter(scoring::on_side(Side::Strategy)))
                    .score,
                implementation: scoring::side_score(
                    mine().filter(scoring::on_side(Side::Implementation)),
                )
                .score,
                // Criteria are scored in the rubric's order.
                criteria: rubric
                    .criteria
                    .iter()
                    .zip(criteria)
                    .filter(|(c, _)| c.dimension == index)
                    .map(|(c, (_, s))| CriterionResult {
                        criterion: Arc::clone(c),
                        #[allow(clippy::cast_possible_truncation)]
                        points: s.points.filter(|_| s.applies).map(|p| round1(p) as f32),
                        // A share, to three places: 2 of 3 answers is 0.667.
                        #[allow(clippy::cast_possible_truncation)]
                        answered: ((s.answered * 1000.0).round() / 1000.0) as f32,
                        applies: s.applies,
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
    // Each path beside its place: sorted by place, then by text, and the
    // same path kept once. Comparing places rather than the paths' text
    // matters for long lists, whose paths share all but their last bytes.
    let mut places = Places::default();
    let mut paths: Vec<(Place, String)> = criteria
        .iter()
        .flat_map(|(_, s)| s.unanswered.iter())
        .map(|path| (places.of(path), path.clone()))
        .collect();
    paths.extend(
        DETECTORS
            .iter()
            .flat_map(|d| d.reads)
            .filter(|p| !format::path::NEVER_UNANSWERED.contains(p))
            .filter(|p| questionnaire.answers.get(p).is_none())
            .map(|p| (places.of(p), (*p).to_owned())),
    );
    match questionnaire.list(format::PILOTS) {
        None => paths.push((places.of(format::PILOTS), format::PILOTS.to_owned())),
        Some(list) => {
            let (anchor, not_a_list) = section_place(format::PILOTS);
            // Ideas and retired pilots are in the inventory only; presence-
            // measured keys and defaulted ones are never unanswered.
            for (i, item) in list.items.iter().enumerate() {
                let Some(stage) = item.answers.choice_of::<Stage>(pilot::STAGE) else {
                    continue;
                };
                for key in DETECTORS
                    .iter()
                    .filter(|d| d.pilot_set.holds(stage))
                    .flat_map(|d| d.reads_of_pilots)
                    .filter(|k| !pilot::NEVER_UNANSWERED.contains(k))
                    .filter(|k| item.answers.get(k).is_none())
                {
                    let index = itoa::Buffer::new().format(i).to_owned();
                    let place = (anchor, not_a_list, i, key_place(format::PILOTS, key));
                    paths.push((place, [format::PILOTS, "[", &index, "].", key].concat()));
                }
            }
        }
    }
    paths.sort_unstable();
    paths.dedup();
    paths.into_iter().map(|(_, path)| path).collect()
}

/// Where a path stands in the questionnaire: its section's question (or
/// list), whether it is outside a list, its item's index, its key's place.
type Place = (usize, bool, usize, usize);

/// Finds paths' places, to sort them as the questionnaire is written:
/// each list first in its section (as the format's example writes them),
/// list items by index. Each path outside list items (a question, or a
/// list) is looked up in the format once: the paths of a long list's items
/// differ only in their index and key.
#[derive(Default)]
struct Places {
    /// A base path, its place, and its list when it is one.
    bases: Vec<(String, (usize, bool), Option<&'static format::ListQuestion>)>,
}

impl Places {
    fn of(&mut self, path: &str) -> Place {
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
        let known = self
            .bases
            .iter()
            .position(|(b, _, _)| b == base)
            .unwrap_or_else(|| {
                let found = (base.to_owned(), section_place(base), format::list(base));
                self.bases.push(found);
                self.bases.len() - 1
            });
        let &(_, (anchor, not_a_list), list) = &self.bases[known];
        let key_place = list
            .and_then(|l| l.fields.iter().position(|f| f.key == key))
            .unwrap_or(0);
        (anchor, not_a_list, index, key_place)
    }
}

/// A path outside list items: the place of its question, or of the first
/// question of its section for a list, and whether it is not a list.
fn section_place(base: &str) -> (usize, bool) {
    let is_list = format::list(base).is_some();
    let anchor = if is_list {
        let section = base.split('.').next().unwrap_or(base);
        QUESTIONS.iter().position(|q| q.path.starts_with(section))
    } else {
        QUESTIONS.iter().position(|q| q.path == base)
    };
    (anchor.unwrap_or(usize::MAX), !is_list)
}

/// A list item's key, placed as the list's fields are written.
fn key_place(base: &str, key: &str) -> usize {
    format::list(base)
        .and_then(|l| l.fields.iter().position(|f| f.key == key))
        .unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A shipped example with `n` more pilots of every stage, environment
    /// and state of monitoring, a few of them overdue or over budget.
    fn many_pilots(n: usize) -> Questionnaire {
        use std::fmt::Write;
        let example = include_str!("../../examples/partial-cedar-health.yaml");
        let mut pilots = String::from("  pilots:\n");
        let stages = ["idea", "pilot", "production", "scaled", "retired"];
        let environments = ["laptop", "sandbox", "cloud", "production"];
        let monitoring = ["none", "manual", "automated"];
        for i in 0..n {
            let stage = stages[i % stages.len()];
            let retired = if stage == "retired" {
                ", retired_reason: cost"
            } else {
                ""
            };
            writeln!(
                pilots,
                "    - {{name: p{i}, stage: {stage}{retired}, started: 2025-{:02}-01, environment: {}, \
                 users: {}, value_measured: {}, monitoring: {}, cost_vs_plan: {}}}",
                i % 12 + 1,
                environments[i % environments.len()],
                i % 40,
                i % 3 == 0,
                monitoring[i % monitoring.len()],
                i % 4,
            )
            .expect("written to a string");
        }
        let text = example.replacen("  pilots:\n", &pilots, 1);
        let today = crate::date::Date::parse("2026-11-20").expect("date");
        let options = crate::load::questionnaire::LoadOptions { as_of: None, today };
        crate::load::questionnaire::load(&text, options).expect("valid")
    }

    #[test]
    fn parts_worked_out_at_once_are_the_parts_worked_out_one_by_one() {
        let rubric = crate::rubric::default_rubric();
        for n in [AtOnce::FROM_PILOTS - 2, AtOnce::FROM_PILOTS - 1] {
            // With the example's own pilot: one short of the bound, and on it.
            let q = many_pilots(n);
            let pilots = n + 1;
            let expected = if pilots >= AtOnce::FROM_PILOTS {
                AtOnce::Yes
            } else {
                AtOnce::No
            };
            assert_eq!(AtOnce::for_pilots(pilots), expected);
            // On a thread of rayon's, as a portfolio's questionnaire is.
            let pool = rayon::ThreadPoolBuilder::new().num_threads(1).build();
            let on_pool = pool.expect("a pool").install(|| AtOnce::for_pilots(pilots));
            assert_eq!(on_pool, AtOnce::No);
            let one_by_one = assess_with(&q, &rubric, "org.yaml", Extent::Report, AtOnce::No);
            let at_once = assess_with(&q, &rubric, "org.yaml", Extent::Report, AtOnce::Yes);
            assert!(at_once.findings.len() > 3, "{:?}", at_once.findings);
            assert!(at_once.recommendations.len() > 3);
            assert_eq!(at_once, one_by_one, "{pilots} pilots");
            assert_eq!(assess(&q, &rubric, "org.yaml"), one_by_one);
        }
    }

    fn order_key(path: &str) -> Place {
        Places::default().of(path)
    }

    #[test]
    fn a_place_found_again_is_the_place_found_first() {
        let mut shared = Places::default();
        for path in [
            "implementation.pilots[3].owner",
            "strategy.sponsor",
            "implementation.pilots[0].stage",
            "strategy.business_problems[1].kpi",
            "strategy.sponsor",
            "implementation.pilots",
            "implementation.pilots[3].owner",
        ] {
            assert_eq!(shared.of(path), order_key(path), "{path}");
        }
    }

    /// The place written beside a pilot's path is the place read from it.
    #[test]
    fn a_pilot_path_is_placed_as_its_text_says() {
        let (anchor, not_a_list) = section_place(format::PILOTS);
        for key in [
            pilot::STAGE,
            pilot::STARTED,
            pilot::COST_VS_PLAN,
            "not-a-key",
        ] {
            for i in [0, 7, 12_345] {
                let path = format!("{}[{i}].{key}", format::PILOTS);
                let place = (anchor, not_a_list, i, key_place(format::PILOTS, key));
                assert_eq!(place, order_key(&path), "{path}");
            }
        }
        assert_eq!(order_key(format::PILOTS), (anchor, not_a_list, 0, 0));
    }

    /// Paths sort as the questionnaire is written: a list first in its
    /// section, its items by index, then the section's own questions.
    #[test]
    fn a_list_comes_first_in_its_section() {
        let item = order_key("strategy.business_problems[0].kpi");
        assert!(item < order_key("strategy.business_problems[1].kpi"));
        assert!(item < order_key("strategy.sponsor"));
        assert!(order_key("strategy.sponsor") < order_key("strategy.priorities"));
    }

    /// Completeness over no weight at all (every criterion left out as not
    /// applying) is 0, never the NaN of 0 / 0.
    #[test]
    fn completeness_of_no_weight_is_zero() {
        let side = SideScore {
            score: None,
            low: 0.0,
            high: 100.0,
            completeness: 0.0,
        };
        assert_eq!(scores(&side, &side, &[]).completeness, 0.0);
    }
}
