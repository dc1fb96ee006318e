//! The focus rule, in its exact order: overwhelmed wins, then a stuck
//! purgatory with a plan to pivot from, then the quadrant.

use crate::assess::findings::STUCK_SIGNALS;
use crate::assessment::Finding;
use crate::assessment::Scores;
use crate::derive::evidence::Evidence;
use crate::load::questionnaire::format::path;
use crate::rubric::template::fill;
use crate::rubric::{Rubric, SharedText};
use crate::vocabulary::{FindingId, Focus, FocusReason, PurgatoryStatus, Quadrant, Side};

/// The focus, the sentence that states it, the reason, and the facts that decided it.
#[derive(Debug, Clone)]
pub struct Decision {
    pub focus: Focus,
    /// Shared with the first recommendation, whose title it is.
    pub sentence: SharedText,
    pub reason: String,
    pub evidence: Vec<Evidence>,
}

pub fn decide(
    findings: &[Finding],
    purgatory: PurgatoryStatus,
    quadrant: Quadrant,
    scores: &Scores,
    rubric: &Rubric,
) -> Decision {
    let text = |reason: FocusReason, vars: &[(&str, String)]| -> SharedText {
        fill(rubric.focus.get(reason), vars).into()
    };
    let score_vars = [
        ("strategy", format!("{:.1}", scores.strategy)),
        ("implementation", format!("{:.1}", scores.implementation)),
    ];
    let score_evidence = vec![
        Evidence::score(Side::Strategy, scores.strategy),
        Evidence::score(Side::Implementation, scores.implementation),
    ];

    // 1. Overwhelmed by options: there is no plan to pivot from.
    if let Some(overwhelmed) = findings.iter().find(|f| f.id == FindingId::Overwhelmed) {
        let open = overwhelmed
            .evidence
            .iter()
            .find(|e| e.path == path::STRATEGY_OPEN_OPTIONS)
            .map(|e| e.value.clone())
            .unwrap_or_default();
        return Decision {
            focus: Focus::Strategy,
            sentence: text(
                FocusReason::Overwhelmed,
                &[("open_options", open.into_owned())],
            ),
            reason: overwhelmed.message.to_string(),
            evidence: overwhelmed.evidence.to_vec(),
        };
    }

    // 2. A plan exists but pilots are stuck.
    if purgatory == PurgatoryStatus::Stuck
        && scores.strategy >= rubric.thresholds.pivot_min_strategy
    {
        // The signals that make purgatory "stuck" are the ones that decided.
        let deciding: Vec<&Finding> = findings
            .iter()
            .filter(|f| STUCK_SIGNALS.contains(&f.id))
            .collect();
        let titles: Vec<String> = deciding.iter().map(|f| lower_first(&f.title)).collect();
        let mut evidence = vec![Evidence::score(Side::Strategy, scores.strategy)];
        evidence.extend(deciding.iter().flat_map(|f| f.evidence.iter().cloned()));
        let reason: Vec<&str> = deciding.iter().map(|f| &*f.message).collect();
        return Decision {
            focus: Focus::Implementation,
            sentence: text(
                FocusReason::Stuck,
                &[
                    ("signals", titles.join("; ")),
                    ("strategy", format!("{:.1}", scores.strategy)),
                ],
            ),
            reason: reason.join(" "),
            evidence,
        };
    }

    // 3. Otherwise the quadrant decides.
    Decision {
        focus: quadrant.focus(),
        sentence: text(quadrant.reason(), &score_vars),
        reason: rubric.quadrants.get(quadrant).meaning.to_string(),
        evidence: score_evidence,
    }
}

fn lower_first(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_lowercase().chain(chars).collect(),
        None => String::new(),
    }
}
