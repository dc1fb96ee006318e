//! A failed gate in lines a CI log can act on: each failed check names its
//! file, and where findings failed it, each finding with its line and
//! pilots (`org.yaml:68: gate failed: critical finding unguarded-decisions
//! (visual-inspection): fails on critical`); then one line with what to do.

use crate::diagnostic::escaped;
use crate::gate::{describe, GateCheck};
use crate::portfolio::{CheckOutcome, FailingFinding, GateOutcome};
use crate::vocabulary::{FindingId, Severity, Word as _};
use std::fmt::Write as _;

/// A gate's outcome and the questionnaire it is of, as named.
pub type Gated<'a> = (&'a str, &'a GateOutcome);

/// The lines of one failed check of the gate of `source`.
pub fn failed(source: &str, outcome: &GateOutcome, failed: &CheckOutcome) -> Vec<String> {
    let (check, findings) = (&failed.check, &failed.failing);
    let whole = || vec![format!("{source}: gate failed: {}", describe(check))];
    match *check {
        GateCheck::Severity {
            fail_on, accepted, ..
        } if !findings.is_empty() => {
            let mut bar = match fail_on {
                Severity::Critical => "fails on critical".to_owned(),
                other => format!("fails on {other} or worse"),
            };
            if accepted > 0 {
                crate::text::append(&mut bar, |bar| {
                    write!(
                        bar,
                        " ({} left out)",
                        crate::render::words::count(
                            accepted,
                            "accepted finding",
                            "accepted findings"
                        )
                    )
                });
            }
            findings
                .iter()
                .map(|f| {
                    format!(
                        "{}: gate failed: {} finding {}{}: {bar}",
                        located(source, f),
                        f.severity,
                        f.id,
                        pilots(f)
                    )
                })
                .collect()
        }
        GateCheck::Finding { id, .. } if !findings.is_empty() => findings
            .iter()
            .map(|f| {
                format!(
                    "{}: gate failed: finding {id}{} fired: fails when it fires",
                    located(source, f),
                    pilots(f)
                )
            })
            .collect(),
        GateCheck::NewCritical { id: Some(id) } if !findings.is_empty() => findings
            .iter()
            .map(|f| {
                format!(
                    "{}: gate failed: critical finding {id}{} is new since the baseline",
                    located(source, f),
                    pilots(f)
                )
            })
            .collect(),
        GateCheck::Purgatory { .. } => match findings
            .iter()
            .find(|f| f.line.is_some())
            .or(findings.first())
        {
            Some(first) => {
                let signals: Vec<&str> = findings.iter().map(|f| f.id.into()).collect();
                vec![format!(
                    "{}: gate failed: {}; its signals: {}",
                    located(source, first),
                    describe(check),
                    signals.join(", ")
                )]
            }
            None => whole(),
        },
        GateCheck::ScoreRegression { score, .. } => {
            let mut line = whole().concat();
            let side = crate::vocabulary::Side::parse(score);
            let moved: Vec<String> = outcome
                .moved
                .iter()
                .filter(|m| side.is_none_or(|side| m.side == side))
                .map(moved)
                .collect();
            if !moved.is_empty() {
                crate::text::append(&mut line, |line| {
                    write!(line, "; the criteria that moved: {}", moved.join("; "))
                });
            }
            vec![line]
        }
        _ => whole(),
    }
}

/// `strategy.roadmap 80.0 to 60.0`, and why when time alone moved it.
fn moved(m: &crate::assessment::CriterionMove) -> String {
    let points = |p: Option<f64>| p.map_or_else(|| "unanswered".to_owned(), |p| format!("{p:.1}"));
    let mut out = format!("{} {} to {}", m.id, points(m.before), points(m.after));
    crate::text::append(&mut out, |out| {
        if let Some(t) = &m.time_alone {
            write!(
                out,
                " (moved with time alone: {} is {} in both, {} days before the baseline's assessment and {} before this one)",
                t.path, t.date, t.days_before, t.days_now
            )?;
        }
        Ok(())
    });
    out
}

/// `org.yaml:68`, the finding's line; the file alone when it has none.
fn located(source: &str, f: &FailingFinding) -> String {
    match f.line {
        Some(line) => format!("{source}:{line}"),
        None => source.to_owned(),
    }
}

/// ` (churn-model, fraud-check)`: the pilots still counting; empty when the
/// finding names none.
fn pilots(f: &FailingFinding) -> String {
    if f.pilots.is_empty() {
        return String::new();
    }
    let shown: Vec<String> = f.pilots.iter().map(|n| escaped(n).into_owned()).collect();
    format!(" ({})", shown.join(", "))
}

/// What to do about the failed checks of these gates, in one line;
/// `None` when every check passed.
pub fn what_to_do(gated: &[Gated<'_>]) -> Option<String> {
    let mut ids: Vec<FindingId> = Vec::new();
    let (mut scores, mut regression, mut purgatory) = (false, false, false);
    for (_, outcome) in gated {
        for CheckOutcome { check, failing } in &outcome.checks {
            if check.passed() {
                continue;
            }
            match check {
                GateCheck::Score { .. } => scores = true,
                GateCheck::ScoreRegression { .. }
                | GateCheck::LevelRegression { .. }
                | GateCheck::QuadrantRegression { .. }
                | GateCheck::NewCritical { .. } => regression = true,
                GateCheck::Purgatory { .. } => {
                    // Its signals are not what an acceptance can lift.
                    purgatory = true;
                    continue;
                }
                _ => {}
            }
            for f in failing {
                if !ids.contains(&f.id) {
                    ids.push(f.id);
                }
            }
        }
    }
    let mut advice = Vec::new();
    match ids.as_slice() {
        [] => {}
        [id] => advice.push(format!(
            "run `readiness explain {id}` to see why it fired and how to resolve it, or accept a known risk with an [[accept]] entry in readiness.toml"
        )),
        many => {
            let words: Vec<&str> = many.iter().map(|id| (*id).into()).collect();
            advice.push(format!(
                "run `readiness explain ID` for each of {} to see why it fired and how to resolve it, or accept a known risk with an [[accept]] entry in readiness.toml",
                words.join(", ")
            ));
        }
    }
    if purgatory {
        advice.push(
            "`readiness explain ID` on each purgatory signal says what holds the pilots back (accepting a signal does not change the status)"
                .to_owned(),
        );
    }
    if scores {
        advice.push(
            "the report's recommendations, in order, say what would raise the scores".to_owned(),
        );
    }
    if regression {
        advice.push(
            "`readiness diff` with the baseline and this file shows everything that moved"
                .to_owned(),
        );
    }
    (!advice.is_empty()).then(|| format!("what to do: {}", advice.join("; ")))
}
