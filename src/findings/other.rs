//! The other findings: too many open options, operating-model tensions, and
//! the risk of shadow AI.

use super::Detected;
use crate::facts::Facts;
use crate::rubric::Rubric;

pub(super) fn detect(facts: &Facts<'_>, rubric: &Rubric) -> Vec<Detected> {
    let answers = facts.answers();
    let mut out = Vec::new();

    let min_options = rubric.thresholds.overwhelmed_open_options;
    if let (Some(open), Some(priorities)) = (
        answers.integer("strategy.open_options"),
        answers.choice("strategy.priorities"),
    ) {
        if open >= min_options && priorities != "ranked" {
            let evidence = ["strategy.open_options", "strategy.priorities"]
                .iter()
                .filter_map(|p| facts.evidence(p))
                .collect();
            out.push(
                Detected::new("overwhelmed", evidence)
                    .with("open_options", open)
                    .with("min_options", min_options),
            );
        }
    }

    let adoption = answers.integer("operating_model.adoption");
    if adoption.is_some_and(|a| a <= 2)
        && answers.choice("strategy.policies.acceptable_use") == Some("none")
    {
        let evidence = [
            "operating_model.adoption",
            "strategy.policies.acceptable_use",
        ]
        .iter()
        .filter_map(|p| facts.evidence(p))
        .collect();
        out.push(Detected::new("shadow-ai", evidence));
    }

    // Three poles are healthiest in the middle; goals at the aligned end (5).
    let tensions: [(&'static str, &str, &[i64]); 4] = [
        (
            "tension.experimentation",
            "operating_model.experimentation",
            &[1, 5],
        ),
        ("tension.adoption", "operating_model.adoption", &[1, 5]),
        ("tension.focus", "operating_model.focus", &[1, 5]),
        ("tension.goals", "operating_model.goals", &[1, 2]),
    ];
    for (id, path, extremes) in tensions {
        if let Some(value) = answers.integer(path).filter(|v| extremes.contains(v)) {
            out.push(
                Detected::new(id, facts.evidence(path).into_iter().collect()).with("value", value),
            );
        }
    }
    out
}
