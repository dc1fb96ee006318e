//! What the keys added for real cases (rules 2.4) bring to the reports that
//! people read, in words the table and the Markdown report share: who
//! answered, the pilots retired on purpose by reason, and the incidents.

use crate::assessment::{Assessment, IncidentSummary};
use crate::vocabulary::{RetiredReason, Word};

/// `Answered by: Chief Medical Officer (strategy and beliefs); Head of
/// Nursing.`, or nothing when the questionnaire names nobody. The roles are
/// the questionnaire's text, to be escaped by the caller where needed.
pub(super) fn answered_by(a: &Assessment, escape: fn(&str) -> String) -> Option<String> {
    if a.respondents.is_empty() {
        return None;
    }
    let people: Vec<String> = a
        .respondents
        .iter()
        .map(|r| {
            let parts: Vec<String> = r.answered.iter().map(|p| p.replace('_', " ")).collect();
            match parts.as_slice() {
                [] => escape(&r.role),
                [.., last] => {
                    let rest = &parts[..parts.len() - 1];
                    let parts = if rest.is_empty() {
                        last.clone()
                    } else {
                        format!("{} and {last}", rest.join(", "))
                    };
                    format!("{} ({parts})", escape(&r.role))
                }
            }
        })
        .collect();
    Some(format!("Answered by: {}.", people.join("; ")))
}

/// `Retired on purpose, a decision rather than a failure: 3 pilots (2 for
/// cost, 1 replaced).`,
/// counting the retired pilots that give a reason; nothing when none does.
pub(super) fn retired_on_purpose(a: &Assessment) -> Option<String> {
    let reasons: Vec<RetiredReason> = a.pilots.iter().filter_map(|p| p.retired_reason).collect();
    if reasons.is_empty() {
        return None;
    }
    let by_reason: Vec<String> = RetiredReason::all()
        .iter()
        .filter_map(|reason| {
            let n = reasons.iter().filter(|r| *r == reason).count();
            (n > 0).then(|| match reason {
                RetiredReason::Replaced => format!("{n} replaced"),
                _ => format!("{n} for {}", reason.word()),
            })
        })
        .collect();
    let pilots = super::words::count(reasons.len(), "pilot", "pilots");
    let counted = match by_reason.as_slice() {
        // One reason for all: `2 pilots, for cost`.
        [_] => match reasons[0] {
            RetiredReason::Replaced => format!("{pilots}, replaced"),
            reason => format!("{pilots}, for {reason}"),
        },
        _ => format!("{pilots} ({})", by_reason.join(", ")),
    };
    Some(format!(
        "Retired on purpose, a decision rather than a failure: {counted}."
    ))
}

/// `Incidents: 2 recorded, 1 not resolved.`
pub(super) fn incidents_line(a: &Assessment) -> String {
    let open = a.incidents.iter().filter(|i| !i.resolved).count();
    format!(
        "Incidents: {} recorded, {} not resolved.",
        a.incidents.len(),
        open
    )
}

/// The cells of an incident's row: date, pilot, kind, severity, resolved,
/// and what happened (the last two the questionnaire's text, or words of
/// the tool's own when left out).
pub(super) fn incident_cells(i: &IncidentSummary) -> [String; 6] {
    [
        i.date.clone(),
        i.pilot
            .clone()
            .unwrap_or_else(|| "not tied to a pilot".to_owned()),
        i.kind.word().to_owned(),
        i.severity.word().to_owned(),
        if i.resolved { "yes" } else { "no" }.to_owned(),
        i.summary.clone().unwrap_or_else(|| "not stated".to_owned()),
    ]
}
