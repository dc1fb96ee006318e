//! Ranked recommendations, in the rules' seven steps: answer the open
//! questions first when the verdict cannot be trusted; the focus and why;
//! critical findings; the warnings that fit the focus; the other warnings;
//! the criteria with the largest weighted gap, skipping advice a finding
//! or the focus already gives; then the informational findings. No advice
//! is given twice: a fix given once per pilot, the focus taking part.

use crate::assess::focus::Decision;
use crate::assess::scoring::{is_met, pilot_points, reads_of, CriterionScore};
use crate::assessment::{Finding, Reason, Recommendation, RecommendationId, Scores};
use crate::derive::evidence::{Evidence, EvidencePath};
use crate::derive::facts::Facts;
use crate::load::questionnaire::format::PILOTS;
use crate::number::round1;
use crate::rubric::template::fill;
use crate::rubric::{Criterion, Measure, Message, Rubric};
use crate::text::names;
use crate::vocabulary::{Confidence, FindingId, Focus, FocusReason, Group, Severity, Side};
use rustc_hash::FxHashSet;
use std::collections::BTreeSet;
use std::sync::Arc;

/// What recommendations are drawn from.
#[derive(Debug, Clone, Copy)]
pub struct Inputs<'a> {
    pub decision: &'a Decision,
    pub confidence: Confidence,
    pub scores: &'a Scores,
    pub findings: &'a [Finding],
    pub criteria: &'a [(&'a Criterion, CriterionScore)],
    pub facts: &'a Facts<'a>,
    pub rubric: &'a Rubric,
}

pub fn recommend(x: &Inputs<'_>) -> Vec<Recommendation> {
    let mut out = Vec::new();
    // 1. The verdict cannot be trusted: answer what it depends on.
    if x.confidence == Confidence::Insufficient {
        out.push(answer_first(x));
    }
    // 2. The focus.
    out.push(Recommendation {
        rank: 0,
        id: RecommendationId::Focus,
        group: None,
        title: x.decision.sentence.clone(),
        reason: Reason::Text(x.decision.why.clone()),
        evidence: x.decision.evidence.as_slice().into(),
        pilots: x.decision.pilots.as_slice().into(),
        also: Vec::new(),
        // About the whole organization: evidence about no one control.
        references: crate::frameworks::References::default(),
    });
    let fits = fitting_groups(x.decision.reason);
    let of = |severity: Severity| x.findings.iter().filter(move |f| f.severity == severity);
    // 3 to 5: critical findings, then the warnings that fit the focus, then
    // the other warnings; within each, the rules' table order.
    let mut findings: Vec<&Finding> = of(Severity::Critical).collect();
    findings.extend(of(Severity::Warning).filter(|f| fits.contains(&f.kind)));
    findings.extend(of(Severity::Warning).filter(|f| !fits.contains(&f.kind)));
    out.extend(findings.into_iter().map(from_finding));
    // 6. The largest gaps, where no finding gives the advice already.
    out.extend(gaps(x));
    // 7. Information.
    out.extend(of(Severity::Info).map(from_finding));
    let mut out = fix_said_once(out, x);
    for (i, r) in out.iter_mut().enumerate() {
        r.rank = i + 1;
    }
    out
}

/// The groups whose warnings follow the focus directly (step 4).
fn fitting_groups(reason: FocusReason) -> &'static [Group] {
    match (reason.focus(), reason) {
        (_, FocusReason::Harden) | (Focus::Scale, _) => &[Group::Operations],
        (Focus::Implementation, _) => &[Group::Purgatory],
        (Focus::Strategy, _) => &[Group::Other, Group::Misconception],
        (Focus::Parallel, _) => &[],
    }
}

fn from_finding(f: &Finding) -> Recommendation {
    Recommendation {
        rank: 0,
        id: RecommendationId::Finding(f.id),
        group: Some(f.kind),
        title: f.remedy.clone(),
        reason: Reason::Finding {
            title: f.title.clone(),
            message: f.message.clone(),
        },
        evidence: f.evidence.clone(),
        references: f.references.clone(),
        pilots: f.pilots.clone(),
        also: Vec::new(),
    }
}

/// "One fix, said once": walking the items in their order, an item whose
/// finding shares its `fix` with an earlier item names only the pilots no
/// earlier item of that fix named; an item left with none is folded into
/// the `also` list of the first earlier item of the fix that named them.
/// The findings themselves are untouched: reported, scored and gated.
fn fix_said_once(items: Vec<Recommendation>, x: &Inputs<'_>) -> Vec<Recommendation> {
    // Each item's pilots, held apart from the item (shared, not copied), so
    // that the names can be borrowed while the items move.
    let pilots_of: Vec<Arc<[String]>> = items.iter().map(|i| Arc::clone(&i.pilots)).collect();
    // For each fix, the items kept so far that gave it, with the pilots each
    // named: sets, as a file may hold thousands of pilots.
    let mut given: Vec<(&str, usize, FxHashSet<&str>)> = Vec::new();
    let mut kept: Vec<Recommendation> = Vec::with_capacity(items.len());
    let reason = x.decision.reason;
    for (item, pilots) in items.into_iter().zip(&pilots_of) {
        if item.id == RecommendationId::Focus {
            // A stuck organization's focus asks for a go/no-go decision on
            // each lingering pilot: the fix of `stale-pilot`, given first;
            // the early focus with pilots started asks each for a measure
            // of value: the fix of `unproven-pilot`.
            let covered = match reason {
                FocusReason::Stuck | FocusReason::EarlyStuck => Some(FindingId::StalePilot),
                FocusReason::Early => Some(FindingId::UnprovenPilot),
                _ => None,
            };
            let fix = covered.and_then(|id| x.rubric.finding(id).fix.as_deref());
            if let Some(fix) = fix.filter(|_| !item.pilots.is_empty()) {
                given.push((fix, kept.len(), pilots.iter().map(String::as_str).collect()));
            }
            kept.push(item);
            continue;
        }
        let RecommendationId::Finding(id) = item.id else {
            kept.push(item);
            continue;
        };
        // The overwhelmed focus asks for the ideas to be ranked: the advice
        // of `overwhelmed`, which a second item would give twice.
        if id == FindingId::Overwhelmed && reason == FocusReason::Overwhelmed {
            if let Some(focus) = kept.iter_mut().find(|k| k.id == RecommendationId::Focus) {
                focus.also.push(id);
                continue;
            }
        }
        // The early focus already runs a pilot beside the strategy, or lets
        // the started ones teach it: the advice `strategy-first` gives.
        // With the pilots list left out its remedy is about the belief,
        // which the focus does not say.
        if id == FindingId::StrategyFirst
            && reason == FocusReason::Early
            && x.facts.pilots.is_some()
        {
            if let Some(focus) = kept.iter_mut().find(|k| k.id == RecommendationId::Focus) {
                focus.also.push(id);
                continue;
            }
        }
        let Some(fix) = x.rubric.finding(id).fix.as_deref() else {
            kept.push(item);
            continue;
        };
        if item.pilots.is_empty() {
            kept.push(item);
            continue;
        }
        let earlier: Vec<&(&str, usize, FxHashSet<&str>)> =
            given.iter().filter(|(f, _, _)| *f == fix).collect();
        let named_before = |pilot: &str| earlier.iter().any(|(_, _, named)| named.contains(pilot));
        let left: Vec<&str> = pilots
            .iter()
            .map(String::as_str)
            .filter(|p| !named_before(p))
            .collect();
        // An item that also speaks of the whole organization (the MLOps
        // practice) is kept for that, whatever earlier items named.
        let organization_wide = x.findings.iter().find(|f| f.id == id).is_some_and(|f| {
            f.pilot_vars
                .iter()
                .any(crate::assessment::PilotVar::speaks_of_the_organization)
        });
        if left.is_empty() && !organization_wide {
            let first = earlier
                .iter()
                .find(|(_, _, named)| pilots.iter().any(|p| named.contains(p.as_str())))
                .map(|(_, at, _)| *at);
            if let Some(at) = first {
                kept[at].also.push(id);
                continue;
            }
        }
        let item = if left.len() < item.pilots.len() {
            for_fewer_pilots(item, id, &left, x)
        } else {
            item
        };
        // The pilots it names: `left`, all of them or the fewer it was cut to.
        given.push((fix, kept.len(), left.into_iter().collect()));
        kept.push(item);
    }
    kept
}

/// A finding's recommendation said again for `left`, some of its pilots:
/// its remedy and message filled with their names, its evidence cut to the
/// answers about them and those about no pilot.
fn for_fewer_pilots(
    item: Recommendation,
    id: FindingId,
    left: &[&str],
    x: &Inputs<'_>,
) -> Recommendation {
    let Some(finding) = x.findings.iter().find(|f| f.id == id) else {
        return item;
    };
    let text = x.rubric.finding(id);
    let mut vars: Vec<(&'static str, String)> = finding
        .vars
        .iter()
        .filter(|(name, _)| !matches!(*name, "pilots" | "count"))
        .cloned()
        .collect();
    vars.push(("pilots", names(left.iter().copied())));
    vars.push(("count", left.len().to_string()));
    let left_names: FxHashSet<&str> = left.iter().copied().collect();
    for var in &finding.pilot_vars {
        vars.push((var.name, var.words(|p| left_names.contains(p))));
    }
    let message = match &text.message {
        Message::One(message) => fill(message, &vars).into(),
        Message::BySource { .. } => finding.message.clone(),
    };
    let named_indexes: FxHashSet<usize> = x
        .facts
        .pilots
        .iter()
        .flatten()
        .filter(|p| left_names.contains(p.name()))
        .map(|p| p.index)
        .collect();
    let pilot_named = |index: usize| named_indexes.contains(&index);
    let evidence: Vec<Evidence> = item
        .evidence
        .iter()
        .filter(|e| match e.path {
            EvidencePath::Item { list, index, .. } if list == PILOTS => pilot_named(index),
            _ => true,
        })
        .cloned()
        .collect();
    Recommendation {
        title: fill(&text.remedy, &vars).into(),
        reason: Reason::Finding {
            title: finding.title.clone(),
            message,
        },
        evidence: evidence.into(),
        pilots: left.iter().map(|&name| name.to_owned()).collect(),
        ..item
    }
}

/// The questions to answer first: the criteria of each side too little
/// answered, and the pilots list when it is left out, the heaviest
/// unanswered weight `weight × (1 − a)` first.
fn answer_first(x: &Inputs<'_>) -> Recommendation {
    let min = x.rubric.thresholds.min_side_completeness;
    let thin = |side: Side| match side {
        Side::Strategy => x.scores.completeness_by_side.strategy < min,
        Side::Implementation => x.scores.completeness_by_side.implementation < min,
    };
    let pilots_unanswered = x.facts.pilots.is_none();
    let mut open: Vec<(usize, f64)> = x
        .criteria
        .iter()
        .enumerate()
        .filter(|(_, (c, s))| {
            let reads_pilots = matches!(
                c.measure,
                Measure::Pilots { .. } | Measure::PilotPresence { .. }
            );
            thin(c.side) || (pilots_unanswered && reads_pilots && s.answered < 1.0)
        })
        .map(|(i, (c, s))| (i, s.open_weight(c)))
        .filter(|(_, weight)| *weight > 0.0)
        .collect();
    // Heaviest first; the rubric's order breaks ties.
    open.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
    let titles: Vec<&str> = open.iter().map(|(i, _)| &*x.criteria[*i].0.title).collect();
    // Each path once, in the order first met: a set of the paths, not copies.
    let mut seen: FxHashSet<&str> = FxHashSet::default();
    let mut evidence: Vec<Evidence> = Vec::new();
    if pilots_unanswered {
        seen.insert(PILOTS);
        evidence.push(Evidence::unanswered(PILOTS));
    }
    for (i, _) in &open {
        for path in &x.criteria[*i].1.unanswered {
            if seen.insert(path) {
                evidence.push(Evidence::unanswered(EvidencePath::Written(path.clone())));
            }
        }
    }
    let a = &x.rubric.answer_first;
    Recommendation {
        rank: 0,
        id: RecommendationId::AnswerFirst,
        group: None,
        title: a.title.clone(),
        reason: Reason::Text(fill(&a.reason, &[("questions", titles.join("; "))]).into()),
        evidence: evidence.into(),
        pilots: Arc::default(),
        also: Vec::new(),
        // About the whole organization: evidence about no one control.
        references: crate::frameworks::References::default(),
    }
}

/// The criteria with the largest weighted gap above 0, as many as the
/// rubric recommends, skipping any a fired finding's remedy already covers
/// and, with no started pilot, those whose advice presumes pilots.
fn gaps(x: &Inputs<'_>) -> Vec<Recommendation> {
    ranked_gaps(x.criteria, x.findings, x.facts, x.rubric)
        .into_iter()
        .filter(|i| !held_back(&x.criteria[*i].0.measure, x.decision))
        .take(x.rubric.thresholds.recommended_gaps)
        .map(|i| {
            let (criterion, score) = &x.criteria[i];
            Recommendation {
                rank: 0,
                id: RecommendationId::Criterion(criterion.id.clone()),
                group: None,
                title: advice(criterion, x.facts),
                #[allow(clippy::cast_possible_truncation)]
                reason: Reason::Gap {
                    criterion: Arc::clone(&x.rubric.criteria[i]),
                    points: round1(score.points.unwrap_or(0.0)) as f32,
                },
                evidence: answers_to_change(criterion, x.facts).into(),
                pilots: Arc::default(),
                also: Vec::new(),
                // A criterion's gap is evidence about what its dimension maps to.
                references: x.rubric.dimensions[criterion.dimension].references.clone(),
            }
        })
        .collect()
}

/// Whether the focus holds back a criterion's advice: hardening what is
/// live comes before growing it (the stage pilots reach, their users); the
/// scale focus already says to grow what works (the stage); the early
/// focus with pilots started already asks each for an owner and a
/// decision date (the criterion on what each pilot gives).
fn held_back(measure: &Measure, decision: &Decision) -> bool {
    use crate::load::questionnaire::format::pilot::{STAGE, USERS};
    let on = |wanted: &[&str]| matches!(measure, Measure::Pilots { field, .. } if wanted.contains(field));
    match decision.reason {
        FocusReason::Harden => on(&[STAGE, USERS]),
        FocusReason::Aligned => on(&[STAGE]),
        FocusReason::Early if !decision.pilots.is_empty() => {
            use crate::load::questionnaire::format::pilot::{BUSINESS_OWNER, DECISION_BY};
            matches!(measure, Measure::PilotPresence { fields }
                if fields.iter().all(|f| [BUSINESS_OWNER, DECISION_BY].contains(f)))
        }
        _ => false,
    }
}

/// The criteria whose advice step 6 may give, by index, the largest weighted
/// gap first (the rubric's order breaking ties, so output is stable): those
/// with a gap above 0 whose advice no fired finding's remedy already gives,
/// and, with no started pilot, none whose advice presumes pilots.
pub fn ranked_gaps(
    criteria: &[(&Criterion, CriterionScore)],
    findings: &[Finding],
    facts: &Facts<'_>,
    rubric: &Rubric,
) -> Vec<usize> {
    let covered: BTreeSet<usize> = findings
        .iter()
        .flat_map(|f| rubric.finding(f.id).related.iter().copied())
        .collect();
    let any_started = facts
        .started_pilots()
        .is_some_and(|started| !started.is_empty());
    let mut gaps: Vec<(usize, f64)> = criteria
        .iter()
        .enumerate()
        .filter(|(i, _)| !covered.contains(i))
        .filter(|(_, (c, _))| {
            any_started
                || !matches!(
                    c.measure,
                    Measure::Pilots { .. } | Measure::PilotPresence { .. }
                )
        })
        .map(|(i, (c, s))| (i, s.gap(c)))
        .filter(|(_, gap)| *gap > 0.0)
        .collect();
    gaps.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
    gaps.into_iter().map(|(i, _)| i).collect()
}

/// A criterion's advice for its gap, `{missing}` filled with the labels of
/// the parts answered and not met: a checklist's false flags and zero head
/// counts, an any-of's items not given. (An unanswered part is not known
/// to be missing; the gap is among the answers given.)
fn advice(criterion: &Criterion, facts: &Facts<'_>) -> crate::shared_text::SharedText {
    if criterion.labels.is_empty() {
        return criterion.advice.clone();
    }
    let answers = facts.answers();
    let unmet: Vec<bool> = match &criterion.measure {
        Measure::Checklist { paths } => paths
            .iter()
            .map(|p| answers.get(p).is_some_and(|a| !is_met(Some(&a.value))))
            .collect(),
        Measure::AnyOf { path, items } => {
            let given = answers.words(path);
            items
                .iter()
                .map(|i| given.is_some_and(|words| !words.contains(i)))
                .collect()
        }
        _ => return criterion.advice.clone(),
    };
    let missing: Vec<&str> = criterion
        .labels
        .iter()
        .zip(unmet)
        .filter(|(_, unmet)| *unmet)
        .map(|(label, _)| &**label)
        .collect();
    let missing = if missing.is_empty() {
        criterion.any_label()
    } else {
        crate::text::every(&missing, "and")
    };
    fill(&criterion.advice, &[("missing", missing)]).into()
}

/// The answers a criterion reads that do not yet earn full points.
fn answers_to_change(criterion: &Criterion, facts: &Facts<'_>) -> Vec<Evidence> {
    let answers = facts.answers();
    let cite = |path: &'static str| {
        facts
            .evidence(path)
            .unwrap_or_else(|| Evidence::unanswered(path))
    };
    match &criterion.measure {
        Measure::Choice { path, .. }
        | Measure::Scale { path, .. }
        | Measure::AnyOf { path, .. }
        | Measure::Age { path, .. } => vec![cite(path)],
        Measure::Checklist { paths } => paths
            .iter()
            .filter(|p| !is_met(answers.get(p).map(|a| &a.value)))
            .map(|p| cite(p))
            .collect(),
        Measure::ListCompleteness { list, fields } => match facts.questionnaire.list(list) {
            None => vec![Evidence::unanswered(*list)],
            Some(l) if l.items.is_empty() => {
                vec![Evidence::answer(*list, "none listed", l.at.line)]
            }
            Some(l) => l
                .items
                .iter()
                .enumerate()
                .flat_map(|(i, item)| {
                    fields
                        .iter()
                        .filter(|f| item.answers.get(f).is_none())
                        .map(move |f| {
                            Evidence::answer(
                                EvidencePath::Item {
                                    list,
                                    index: i,
                                    key: None,
                                },
                                [item.name(), ", no ", f].concat(),
                                item.at.line,
                            )
                        })
                })
                .collect(),
        },
        Measure::Pilots { field, points } => match facts.started_pilots() {
            None => vec![Evidence::unanswered(PILOTS)],
            Some(pilots) => {
                let short: Vec<Evidence> = pilots
                    .into_iter()
                    .filter(|p| reads_of(p, field))
                    .filter(|p| pilot_points(p, field, points).is_none_or(|pts| pts < 100.0))
                    .map(|p| p.field_evidence(field))
                    .collect();
                if short.is_empty() {
                    let at = facts.questionnaire.list(PILOTS).map_or(0, |l| l.at.line);
                    vec![Evidence::answer(PILOTS, "no pilots in progress", at)]
                } else {
                    short
                }
            }
        },
        Measure::PilotPresence { fields } => match facts.started_pilots() {
            None => vec![Evidence::unanswered(PILOTS)],
            Some(pilots) => pilots
                .into_iter()
                .filter_map(|p| {
                    let missing: Vec<&str> = fields
                        .iter()
                        .copied()
                        .filter(|f| p.answers().get(f).is_none())
                        .collect();
                    (!missing.is_empty())
                        .then(|| p.evidence(&format!("no {}", missing.join(" or "))))
                })
                .collect(),
        },
    }
}
