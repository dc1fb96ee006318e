//! Ranked recommendations: first the focus and why; then the remedies of the
//! findings that fired, most severe first; then the criteria with the largest
//! weighted gap, `weight * (100 - points)`, each naming the answers it would change.

use crate::assess::focus::Decision;
use crate::assess::scoring::{is_met, pilot_points, CriterionScore};
use crate::assessment::Finding;
use crate::assessment::{Reason, Recommendation};
use crate::derive::evidence::{Evidence, EvidencePath};
use crate::derive::facts::Facts;
use crate::load::questionnaire::format::PILOTS;
use crate::rubric::{Criterion, Measure, Rubric};

pub fn recommend(
    decision: &Decision,
    findings: &[Finding],
    criteria: &[(&Criterion, CriterionScore)],
    facts: &Facts<'_>,
    rubric: &Rubric,
) -> Vec<Recommendation> {
    let mut out = vec![Recommendation {
        rank: 0,
        title: decision.sentence.clone(),
        reason: Reason::Text(decision.reason.clone()),
        evidence: decision.evidence.as_slice().into(),
    }];
    // Findings arrive most severe first.
    out.extend(findings.iter().map(|f| Recommendation {
        rank: 0,
        title: f.remedy.clone(),
        reason: Reason::Finding {
            title: f.title.clone(),
            message: f.message.clone(),
        },
        evidence: f.evidence.clone(),
    }));
    let mut gaps: Vec<(usize, f64)> = criteria
        .iter()
        .enumerate()
        .map(|(i, (c, s))| (i, c.weight * (100.0 - s.points)))
        .filter(|(_, gap)| *gap > 0.0)
        .collect();
    // Largest gap first; the rubric's order breaks ties, so output is stable.
    gaps.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
    for (i, _) in gaps.into_iter().take(rubric.thresholds.recommended_gaps) {
        let (criterion, score) = &criteria[i];
        out.push(Recommendation {
            rank: 0,
            title: criterion.advice.clone(),
            reason: Reason::Text(format!(
                "{}: {:.1} of 100 points, weight {}{}",
                criterion.title,
                score.points,
                criterion.weight,
                if score.answered { "" } else { " (unanswered)" }
            )),
            evidence: answers_to_change(criterion, facts).into(),
        });
    }
    for (i, r) in out.iter_mut().enumerate() {
        r.rank = i + 1;
    }
    out
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
                                format!("{}, no {f}", item.name()),
                                item.at.line,
                            )
                        })
                })
                .collect(),
        },
        Measure::Pilots { field, points } => match facts.counted_pilots() {
            None => vec![Evidence::unanswered(PILOTS)],
            Some(pilots) => {
                let short: Vec<Evidence> = pilots
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
    }
}
