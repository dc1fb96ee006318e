//! The focus rule, in its exact order: overwhelmed wins, then a stuck
//! purgatory with a plan to pivot from, then the quadrant.

use crate::assessment::{Focus, Scores};
use crate::evidence::Evidence;
use crate::findings::catalog::fill;
use crate::findings::{Finding, PurgatoryStatus};
use crate::rubric::{Rubric, SharedText};
use crate::scoring::Quadrant;

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
    let text = |key: &str, vars: &[(&str, String)]| -> SharedText {
        fill(rubric.focus.get(key).map_or("", String::as_str), vars).into()
    };
    let score_vars = [
        ("strategy", format!("{:.1}", scores.strategy)),
        ("implementation", format!("{:.1}", scores.implementation)),
    ];
    let score_evidence = vec![
        Evidence::score("scores.strategy", scores.strategy),
        Evidence::score("scores.implementation", scores.implementation),
    ];

    // 1. Overwhelmed by options: there is no plan to pivot from.
    if let Some(overwhelmed) = findings.iter().find(|f| f.id == "overwhelmed") {
        let open = overwhelmed
            .evidence
            .iter()
            .find(|e| e.path == "strategy.open_options")
            .map(|e| e.value.clone())
            .unwrap_or_default();
        return Decision {
            focus: Focus::Strategy,
            sentence: text("overwhelmed", &[("open_options", open.into_owned())]),
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
            .filter(|f| f.id == "no-production" || f.id == "stale-pilot")
            .collect();
        let titles: Vec<String> = deciding.iter().map(|f| lower_first(&f.title)).collect();
        let mut evidence = vec![Evidence::score("scores.strategy", scores.strategy)];
        evidence.extend(deciding.iter().flat_map(|f| f.evidence.iter().cloned()));
        let reason: Vec<&str> = deciding.iter().map(|f| &*f.message).collect();
        return Decision {
            focus: Focus::Implementation,
            sentence: text(
                "stuck",
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
    let focus = match quadrant {
        Quadrant::UnusedTools => Focus::Strategy,
        Quadrant::SlideDeck => Focus::Implementation,
        Quadrant::Early => Focus::Parallel,
        Quadrant::Aligned => Focus::Scale,
    };
    Decision {
        focus,
        sentence: text(quadrant.id(), &score_vars),
        reason: rubric
            .quadrants
            .get(quadrant.id())
            .map(|q| q.meaning.to_string())
            .unwrap_or_default(),
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
