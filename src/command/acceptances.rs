//! The settings file's acceptances applied to the assessments: what depends
//! on the questionnaires (the pilot exists, the date is within a year of
//! the assessment) checked as they are assessed, and the warnings the run's
//! acceptances call for. Each entry was checked as it was read, in
//! [`super::accept_entries`].

use crate::assessment::Assessment;
use crate::command::config;
use crate::command::settings::Settings;
use crate::date::Date;
use crate::diagnostic::{Diagnostic, Position};
use crate::error::Error;
use crate::suggest::closest;
use crate::vocabulary::AcceptanceStatus;
use rustc_hash::FxHashSet;

/// The settings file's accepted risks applied to `a`, each in force
/// through its `until` date as judged on `on` (today, or `--as-of`); an
/// acceptance dated more than a year after `on` is refused, with its place.
pub fn apply(a: &mut Assessment, settings: &Settings, on: Date) -> Result<(), Error> {
    if settings.accept.is_empty() {
        return Ok(());
    }
    let limit = on.one_year_later();
    let too_late: Vec<Diagnostic> = settings
        .accept
        .iter()
        .filter(|x| x.until > limit && crate::assess::accept::concerns(x, a))
        .map(|x| {
            Diagnostic::at(
                x.until_at,
                format!(
                    "accept.until: {} is more than a year after {on}, the date acceptances are judged on; accept a risk for a year at most ({limit}), then look again",
                    x.until
                ),
            )
        })
        .collect();
    if !too_late.is_empty() {
        return Err(settings_error(settings, too_late));
    }
    crate::assess::accept::apply(a, &settings.accept, on);
    Ok(())
}

/// An acceptance naming a pilot that no questionnaire of the run has is
/// refused, with its place: a misspelt name would otherwise accept nothing
/// in silence.
pub fn refuse_unknown_pilots(settings: &Settings, assessed: &[&Assessment]) -> Result<(), Error> {
    // The names to suggest from, gathered only when a name is unknown:
    // every pilot an assessment still holds by name (a portfolio's keep
    // only those of the findings they kept).
    let names = std::cell::OnceCell::new();
    let names = || {
        names.get_or_init(|| {
            let mut seen = std::collections::HashSet::new();
            let mut names: Vec<&str> = Vec::new();
            for a in assessed {
                let pilots = a.pilots.iter().map(|p| p.name.as_str());
                let of_findings = a
                    .findings
                    .iter()
                    .flat_map(|f| f.pilots.iter().map(String::as_str));
                for name in pilots.chain(of_findings).filter(|n| !n.is_empty()) {
                    if seen.insert(name) {
                        names.push(name);
                    }
                }
            }
            names
        })
    };
    // An acceptance is known by its line: one `[[accept]]` header a line.
    let concerned: FxHashSet<u32> = assessed
        .iter()
        .flat_map(|a| a.acceptances.iter().map(|s| s.acceptance.line))
        .collect();
    let problems: Vec<Diagnostic> = settings
        .accept
        .iter()
        .filter(|x| x.pilot.is_some())
        .filter(|x| !concerned.contains(&x.line))
        .map(|x| {
            Diagnostic::at(
                x.pilot_at.unwrap_or(Position {
                    line: x.line,
                    column: 1,
                }),
                {
                    let pilot = x.pilot.as_deref().unwrap_or_default();
                    let hint = closest(pilot, names())
                        .map(|n| format!("; did you mean \"{}\"?", crate::diagnostic::escaped(n)))
                        .unwrap_or_default();
                    format!(
                        "accept.pilot: no questionnaire assessed has a pilot named \"{}\"; name it as implementation.pilots does{hint}",
                        crate::diagnostic::escaped(pilot)
                    )
                },
            )
        })
        .collect();
    if problems.is_empty() {
        Ok(())
    } else {
        Err(settings_error(settings, problems))
    }
}

/// Problems of the settings file found only once questionnaires were read,
/// shown like those found when it was: with its lines.
fn settings_error(settings: &Settings, problems: Vec<Diagnostic>) -> Error {
    let file = settings.config_file.as_deref();
    Error::Invalid {
        file: file.map_or_else(
            || config::DEFAULT_NAME.to_owned(),
            crate::diagnostic::shown_path,
        ),
        text: file.and_then(|p| std::fs::read_to_string(p).ok()),
        problems,
    }
}

/// The warnings of every assessment's acceptances, each once: an
/// acceptance that matched nothing here but is in force for another
/// organization of the portfolio is not a mistake.
pub fn warnings(assessed: &[&Assessment]) -> Vec<String> {
    let in_force_somewhere: FxHashSet<u32> = assessed
        .iter()
        .flat_map(|a| &a.acceptances)
        .filter(|s| s.status == AcceptanceStatus::InForce)
        .map(|s| s.acceptance.line)
        .collect();
    let mut lines = Vec::new();
    let mut said = FxHashSet::default();
    for a in assessed {
        for state in &a.acceptances {
            let unmatched = state.status == AcceptanceStatus::Unmatched;
            if unmatched && in_force_somewhere.contains(&state.acceptance.line) {
                continue;
            }
            if let Some(line) = crate::assess::accept::warning(state, a) {
                if said.insert(line.clone()) {
                    lines.push(line);
                }
            }
        }
    }
    lines
}
