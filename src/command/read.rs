//! Reads the files a command works on, each into its checked form or an
//! [`Error`] that names every problem: questionnaires (a file, or `-` for
//! standard input) and rubrics (a file, or the default one).

use crate::diagnostic;
use crate::error::Error;
use crate::load::questionnaire::{self, LoadOptions, Questionnaire};
use crate::load::source;
use crate::rubric::{self, Rubric};
use std::path::Path;

/// The name a questionnaire is shown by: its path, or the name given for `-`.
pub fn shown_name(path: &Path, stdin_name: &str) -> String {
    if is_stdin(path) {
        diagnostic::shown_name(stdin_name)
    } else {
        diagnostic::shown_path(path)
    }
}

/// Reads and loads a questionnaire; `name` is what messages call it.
pub fn questionnaire(
    path: &Path,
    name: &str,
    options: LoadOptions,
) -> Result<Questionnaire, Error> {
    let text = if is_stdin(path) {
        source::read_stdin()
    } else {
        source::read_text(path)
    }
    .map_err(|d| invalid(name, None, vec![d]))?;
    questionnaire::load(&text, options).map_err(|problems| invalid(name, Some(text), problems))
}

/// The rubric at `path`, or the default one.
pub fn rubric(path: Option<&Path>) -> Result<Rubric, Error> {
    let Some(path) = path else {
        return rubric::default_rubric().map_err(|problems| {
            invalid(
                "rubrics/default.toml",
                Some(rubric::DEFAULT_TOML.to_owned()),
                problems,
            )
        });
    };
    let name = diagnostic::shown_path(path);
    let text = source::read_text(path).map_err(|d| invalid(&name, None, vec![d]))?;
    rubric::parse(&text).map_err(|problems| invalid(&name, Some(text), problems))
}

fn is_stdin(path: &Path) -> bool {
    path.as_os_str() == "-"
}

fn invalid(
    file: &str,
    text: Option<String>,
    problems: Vec<crate::diagnostic::Diagnostic>,
) -> Error {
    Error::Invalid {
        file: file.to_owned(),
        text,
        problems,
    }
}

/// Whether `path` names a JSON report rather than a questionnaire.
pub fn is_json(path: &Path) -> bool {
    path.extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("json"))
}

/// Reads a JSON report written by `assess --format json`; anything else is
/// refused with where it went wrong.
pub fn json_report(path: &Path, name: &str) -> Result<serde_json::Value, Error> {
    let text = source::read_text(path).map_err(|d| invalid(name, None, vec![d]))?;
    let report: serde_json::Value = serde_json::from_str(&text).map_err(|e| {
        let at = diagnostic::Position {
            line: u32::try_from(e.line()).unwrap_or(u32::MAX),
            column: u32::try_from(e.column()).unwrap_or(u32::MAX),
        };
        // serde_json's message, less its own " at line L column C".
        let message = e.to_string();
        let message = message
            .split(" at line ")
            .next()
            .unwrap_or_default()
            .to_owned();
        invalid(
            name,
            Some(text.clone()),
            vec![diagnostic::Diagnostic::at(
                at,
                format!("not valid JSON: {message}"),
            )],
        )
    })?;
    if crate::diff::is_report(&report) {
        Ok(report)
    } else {
        Err(invalid(
            name,
            None,
            vec![diagnostic::Diagnostic::whole_file(
                crate::diff::NOT_A_REPORT,
            )],
        ))
    }
}

/// A stored JSON report, named by the file given rather than by the
/// questionnaire it was made from.
pub fn stored_report(path: &Path, name: &str) -> Result<serde_json::Value, Error> {
    let mut report = json_report(path, name)?;
    report["source"] = serde_json::Value::from(name);
    Ok(report)
}

/// The baseline of `file` named by `reference`: `git:REV` reads the file as
/// it was at that revision through the `git` command; otherwise a JSON
/// report, or a questionnaire assessed now with `rubric`.
pub fn baseline(
    reference: &str,
    file: &Path,
    rubric: &Rubric,
    options: LoadOptions,
) -> Result<serde_json::Value, Error> {
    let Some(revision) = reference.strip_prefix("git:") else {
        let path = Path::new(reference);
        let name = diagnostic::shown_path(path);
        if is_json(path) {
            return stored_report(path, &name);
        }
        let questionnaire = questionnaire(path, &name, options)?;
        return Ok(as_report(&questionnaire, rubric, &name));
    };
    let shown = diagnostic::shown_path(file);
    let bytes = crate::command::git::show(file, &shown, revision)?;
    let name = format!("{revision}:{shown}");
    let text = String::from_utf8(bytes)
        .map_err(|_| Error::Refused(format!("{name}: is not UTF-8 text")))?;
    let questionnaire = questionnaire::load(&text, options)
        .map_err(|problems| invalid(&name, Some(text), problems))?;
    Ok(as_report(&questionnaire, rubric, &name))
}

/// A questionnaire's assessment as its JSON report.
pub fn as_report(questionnaire: &Questionnaire, rubric: &Rubric, name: &str) -> serde_json::Value {
    let assessment = crate::assess::assess(questionnaire, rubric, name);
    // Plain data with string keys always serializes.
    serde_json::to_value(&assessment).unwrap_or_default()
}
