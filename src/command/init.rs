//! `readiness init`: a commented starter questionnaire with every key and its
//! allowed values, generated from the format table so it covers every key.
//! Every answer starts empty (left out), so it validates and assesses as is.

use crate::load::questionnaire::about::{about, poles};
use crate::load::questionnaire::format::{self, path, Kind};
use std::fmt::Write as _;

/// The column where comments start, so they line up.
const COMMENT_COLUMN: usize = 36;

pub fn template() -> String {
    let mut out = String::from(
        "# A readiness questionnaire (format 1). Fill in what you know and leave the rest\n\
         # empty: an empty answer is listed as unanswered, never scored as good or bad.\n\
         # Then run: readiness assess <this file>\n\
         #\n\
         # For completion and checks in your editor, save the schema next to this file\n\
         # (readiness schema > questionnaire.schema.json) and keep the next line.\n\
         # yaml-language-server: $schema=questionnaire.schema.json\n\n\
         version: 1\n",
    );
    crate::text::append(&mut out, |out| {
        for section in format::SECTIONS.iter().filter(|s| **s != "version") {
            out.push('\n');
            match format::list(section) {
                // A list at the top (`respondents`).
                Some(list) => items(out, "", section, list)?,
                None => mapping(out, section, 0)?,
            }
        }
        Ok(())
    });
    out
}

/// A list's key and its item's keys, commented out, under `indent`.
fn items(
    out: &mut String,
    indent: &str,
    key: &str,
    list: &format::ListQuestion,
) -> std::fmt::Result {
    line(
        out,
        &format!("{indent}{key}:"),
        "a list; uncomment and repeat the item below",
    )?;
    for (i, field) in list.fields.iter().enumerate() {
        let lead = if i == 0 { "- " } else { "  " };
        let note = if field.required {
            format!("required; {}", field.kind.allowed())
        } else {
            field.kind.allowed()
        };
        let note = match refers_to(list.path, field.key) {
            Some(what) => format!("{note}: {what}"),
            None => note,
        };
        line(out, &format!("{indent}  # {lead}{}:", field.key), &note)?;
    }
    Ok(())
}

/// What a key that must agree with another part of the file refers to.
fn refers_to(list: &str, key: &str) -> Option<&'static str> {
    use format::{incident, pilot};
    match (list, key) {
        (format::PILOTS, pilot::SERVES) => {
            Some("names under strategy.business_problems, [] for none")
        }
        (format::PILOTS, pilot::RETIRED_REASON) => Some("only for stage retired"),
        (format::INCIDENTS, incident::PILOT) => Some("the name of a listed pilot"),
        (format::INCIDENTS, incident::DATE) => Some("not after the assessment date"),
        _ => None,
    }
}

fn mapping(out: &mut String, path: &str, depth: usize) -> std::fmt::Result {
    let indent = "  ".repeat(depth);
    let key = path.rsplit('.').next().unwrap_or(path);
    writeln!(out, "{indent}{key}:")?;
    for child in format::keys_under(path) {
        let child_path = format!("{path}.{child}");
        if let Some(question) = format::question(&child_path) {
            let value = if child_path == path::ORGANIZATION_NAME {
                " Your organization"
            } else {
                ""
            };
            let note = if child_path == path::ORGANIZATION_NAME {
                "required".to_owned()
            } else {
                question.kind.allowed()
            };
            // A belief is answered against its statement, in full.
            let belief = if path == "beliefs" {
                about(&child_path)
                    .map(|statement| format!(" — {statement}"))
                    .unwrap_or_default()
            } else {
                String::new()
            };
            line(
                out,
                &format!("{indent}  {child}:{value}"),
                &format!("{}{belief}", describe(child, question.kind, &note)),
            )?;
        } else if let Some(list) = format::list(&child_path) {
            items(out, &format!("{indent}  "), child, list)?;
        } else {
            mapping(out, &child_path, depth + 1)?;
        }
    }
    Ok(())
}

/// The allowed values, and for a scale which end is which.
fn describe(key: &str, kind: Kind, note: &str) -> String {
    match (kind, poles(key)) {
        (Kind::Integer { min: 1, max: 5 }, Some(poles)) => {
            format!("{note}: {poles} (3 is balanced)")
        }
        _ => note.to_owned(),
    }
}

fn line(out: &mut String, text: &str, comment: &str) -> std::fmt::Result {
    let width = text.chars().count();
    let padding = " ".repeat(COMMENT_COLUMN.saturating_sub(width).max(1));
    writeln!(out, "{text}{padding}# {comment}")
}
