//! The settings file's acceptances applied to the assessments: what depends
//! on the questionnaires (the pilot exists, the date is within a year of
//! the assessment) checked as they are assessed, and the warnings the run's
//! acceptances call for. Each entry was checked as it was read, in
//! [`super::accept_entries`]. What the run's checks need of an assessment
//! is taken from it as [`Seen`], so that a portfolio can release it.

use crate::acceptance::Acceptance;
use crate::assessment::Assessment;
use crate::command::config;
use crate::command::settings::Settings;
use crate::date::Date;
use crate::diagnostic::{Diagnostic, Position};
use crate::error::Error;
use crate::suggest::closest;
use crate::vocabulary::AcceptanceStatus;
use rustc_hash::FxHashSet;
use std::path::Path;

/// The settings file's accepted risks applied to `a`, each in force
/// through its `until` date as judged on `on` (today, or `--as-of`); an
/// acceptance dated more than a year after `on` is refused, with its place.
pub fn apply(a: &mut Assessment, settings: &Settings, on: Date) -> Result<(), Error> {
    if settings.accept.is_empty() {
        return Ok(());
    }
    let concerned = settings
        .accept
        .iter()
        .filter(|x| crate::assess::accept::concerns(x, a));
    refuse_too_late(settings.config_file.as_deref(), concerned, on)?;
    crate::assess::accept::apply(a, &settings.accept, on);
    Ok(())
}

/// Refuses, with their places in the settings file `file`, the acceptances
/// dated more than a year after `on`: `assess` for those that concern a
/// questionnaire, `explain` for those of the finding it explains.
pub fn refuse_too_late<'a>(
    file: Option<&Path>,
    accepts: impl Iterator<Item = &'a Acceptance>,
    on: Date,
) -> Result<(), Error> {
    let limit = on.one_year_later();
    let too_late: Vec<Diagnostic> = accepts
        .filter(|x| x.until > limit)
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
    if too_late.is_empty() {
        Ok(())
    } else {
        Err(settings_error(file, too_late))
    }
}

/// What the run's acceptances need of one assessment: each acceptance it
/// saw, by line, with its status and the warning it calls for; and, when
/// an acceptance names a pilot, the names of its pilots, to suggest from.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Seen {
    states: Vec<(u32, AcceptanceStatus, Option<String>)>,
    pilots: Vec<String>,
}

impl Seen {
    /// What the run's acceptances need of `a`; `None` when nothing.
    pub fn of(a: &Assessment, settings: &Settings) -> Option<Seen> {
        let states: Vec<(u32, AcceptanceStatus, Option<String>)> = a
            .acceptances
            .iter()
            .map(|state| {
                (
                    state.acceptance.line,
                    state.status,
                    crate::render::words::acceptance_warning(state, a),
                )
            })
            .collect();
        let mut pilots: Vec<String> = Vec::new();
        if settings.accept.iter().any(|x| x.pilot.is_some()) {
            let named = a.pilots.iter().map(|p| p.name.as_str());
            let of_findings = a
                .findings
                .iter()
                .flat_map(|f| f.pilots.iter().map(String::as_str));
            for name in named.chain(of_findings).filter(|n| !n.is_empty()) {
                if !pilots.iter().any(|p| p == name) {
                    pilots.push(name.to_owned());
                }
            }
        }
        (!states.is_empty() || !pilots.is_empty()).then_some(Seen { states, pilots })
    }
}

/// An acceptance naming a pilot that no questionnaire of the run has is
/// refused, with its place: a misspelt name would otherwise accept nothing
/// in silence.
pub fn refuse_unknown_pilots(settings: &Settings, seen: &[Seen]) -> Result<(), Error> {
    // The names to suggest from, gathered only when a name is unknown:
    // every pilot of every questionnaire, each once.
    let names = std::cell::OnceCell::new();
    let names = || {
        names.get_or_init(|| {
            let mut known = std::collections::HashSet::new();
            let mut names: Vec<&str> = Vec::new();
            for name in seen.iter().flat_map(|s| &s.pilots) {
                if known.insert(name.as_str()) {
                    names.push(name.as_str());
                }
            }
            names
        })
    };
    // An acceptance is known by its line: one `[[accept]]` header a line.
    let concerned: FxHashSet<u32> = seen
        .iter()
        .flat_map(|s| s.states.iter().map(|(line, _, _)| *line))
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
        Err(settings_error(settings.config_file.as_deref(), problems))
    }
}

/// Problems of the settings file found only once questionnaires were read,
/// shown like those found when it was: with its lines.
fn settings_error(file: Option<&Path>, problems: Vec<Diagnostic>) -> Error {
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
pub fn warnings(seen: &[Seen]) -> Vec<String> {
    let in_force_somewhere: FxHashSet<u32> = seen
        .iter()
        .flat_map(|s| &s.states)
        .filter(|(_, status, _)| *status == AcceptanceStatus::InForce)
        .map(|(line, _, _)| *line)
        .collect();
    let mut lines = Vec::new();
    let mut said = FxHashSet::default();
    for (line, status, warning) in seen.iter().flat_map(|s| &s.states) {
        let unmatched = *status == AcceptanceStatus::Unmatched;
        if unmatched && in_force_somewhere.contains(line) {
            continue;
        }
        if let Some(warning) = warning {
            if said.insert(warning.as_str()) {
                lines.push(warning.clone());
            }
        }
    }
    lines
}
