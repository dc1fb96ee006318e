//! The `[[accept]]` entries of `readiness.toml`, each checked as it is read:
//! a finding id, a pilot only for a per-pilot finding, a reason, who
//! accepted the risk and until when, each mistake named with its place.
//! The settings file's reader ([`super::config`]) calls it; what depends on
//! the questionnaires is checked later, in [`super::acceptances`].

use crate::acceptance::Acceptance;
use crate::date::Date;
use crate::diagnostic::{Diagnostic, Position};
use crate::load::toml_text::Positions;
use crate::suggest::closest;
use crate::vocabulary::{FindingId, Word};
use serde::Deserialize;
use std::path::Path;
use toml::Spanned;

/// One `[[accept]]` entry as written; every key is optional here so that a
/// missing one is named with its place rather than by the TOML reader.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawAccept {
    finding: Option<Spanned<String>>,
    pilot: Option<Spanned<String>>,
    reason: Option<Spanned<String>>,
    by: Option<Spanned<String>>,
    until: Option<Spanned<toml::Value>>,
}

/// The entry checked, or every problem it has.
pub fn acceptance(
    text: &Positions<'_>,
    path: &Path,
    entry: &Spanned<RawAccept>,
) -> Result<Acceptance, Vec<Diagnostic>> {
    let raw = entry.get_ref();
    let table = text.at(entry.span().start);
    let mut problems = Vec::new();
    let mut text_of = |value: Option<&Spanned<String>>, key: &str, what: &str| {
        required_text(text, table, value, key, what).map_err(|p| problems.push(p))
    };
    let finding = text_of(
        raw.finding.as_ref(),
        "finding",
        "the id of the finding accepted (`readiness explain` lists them)",
    );
    let reason = text_of(raw.reason.as_ref(), "reason", "why the risk is accepted");
    let by = text_of(raw.by.as_ref(), "by", "who accepted the risk");
    let pilot = match &raw.pilot {
        Some(_) => text_of(
            raw.pilot.as_ref(),
            "pilot",
            "the name of the pilot accepted",
        )
        .map(Some),
        None => Ok(None),
    };
    let finding = finding.and_then(|word| {
        finding_id(text, raw.finding.as_ref(), &word).map_err(|p| problems.push(p))
    });
    if let (Ok(id), Some(value)) = (&finding, &raw.pilot) {
        if !crate::assess::findings::per_pilot(*id) {
            problems.push(Diagnostic::at(
                text.at(value.span().start),
                format!("accept.pilot: {id} is about the organization as a whole, not one pilot; remove pilot to accept it"),
            ));
        }
    }
    let until = until_date(text, table, raw.until.as_ref()).map_err(|p| problems.push(p));
    match (finding, pilot, reason, by, until) {
        (Ok(finding), Ok(pilot), Ok(reason), Ok(by), Ok(until)) if problems.is_empty() => {
            Ok(Acceptance {
                finding,
                pilot,
                reason,
                by,
                until,
                file: crate::diagnostic::shown_path(path),
                line: table.line,
                pilot_at: raw.pilot.as_ref().map(|v| text.at(v.span().start)),
                until_at: raw
                    .until
                    .as_ref()
                    .map_or(table, |v| text.at(v.span().start)),
            })
        }
        _ => Err(problems),
    }
}

/// A text the entry must have: present, not blank, and safe to print on
/// one line (it reaches terminals, Markdown and CI logs).
fn required_text(
    text: &Positions<'_>,
    table: Position,
    value: Option<&Spanned<String>>,
    key: &str,
    what: &str,
) -> Result<String, Diagnostic> {
    let Some(value) = value else {
        return Err(Diagnostic::at(
            table,
            format!("accept: {key} is required: {what}"),
        ));
    };
    let at = text.at(value.span().start);
    if value.get_ref().trim().is_empty() {
        return Err(Diagnostic::at(
            at,
            format!("accept.{key}: is empty; write {what}"),
        ));
    }
    match value
        .get_ref()
        .chars()
        .find(|&c| crate::diagnostic::needs_escaping(c))
    {
        Some(c) => Err(Diagnostic::at(
            at,
            format!(
                "accept.{key}: holds U+{:04X}, {}; remove it",
                u32::from(c),
                if crate::diagnostic::is_hidden(c) {
                    "a character that is invisible or changes the direction of text, so the text would not read as it is written"
                } else {
                    "a character that cannot be shown safely on one line"
                }
            ),
        )),
        None => Ok(value.get_ref().trim().to_owned()),
    }
}

fn finding_id(
    text: &Positions<'_>,
    value: Option<&Spanned<String>>,
    word: &str,
) -> Result<FindingId, Diagnostic> {
    FindingId::parse(word).ok_or_else(|| {
        let hint = closest(word, FindingId::words())
            .map(|n| format!("; did you mean \"{n}\"?"))
            .unwrap_or_default();
        Diagnostic::at(
            value.map_or(Position::default(), |v| text.at(v.span().start)),
            format!("accept.finding: \"{word}\" is not a finding id (`readiness explain` lists them){hint}"),
        )
    })
}

/// `until`: a TOML date (`2027-03-31`) or the same as a string.
fn until_date(
    text: &Positions<'_>,
    table: Position,
    value: Option<&Spanned<toml::Value>>,
) -> Result<Date, Diagnostic> {
    let Some(value) = value else {
        return Err(Diagnostic::at(
            table,
            "accept: until is required: the last day the acceptance holds, YYYY-MM-DD, at most a year after the assessment date",
        ));
    };
    let date = match value.get_ref() {
        toml::Value::String(s) => Date::parse(s),
        toml::Value::Datetime(d) if d.time.is_none() && d.offset.is_none() => {
            Date::parse(&d.to_string())
        }
        _ => None,
    };
    date.ok_or_else(|| {
        Diagnostic::at(
            text.at(value.span().start),
            format!(
                "accept.until: expected a date, YYYY-MM-DD, found {}",
                value.get_ref()
            ),
        )
    })
}
