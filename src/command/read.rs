//! Reads the files a command works on, each into its checked form or an
//! [`Error`] that names every problem: questionnaires (a file, or `-` for
//! standard input) and rubrics (a file, or the default one).

use crate::command::pages;
use crate::diagnostic;
use crate::error::Error;
use crate::load::questionnaire::{self, LoadOptions, Questionnaire};
use crate::load::source;
use crate::report::Report;
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
    pages::grow_for_input(text.len());
    questionnaire::load(&text, options).map_err(|problems| invalid(name, Some(text), problems))
}

/// The rubric at `path`, or the default one, kept for the rest of the run:
/// a command reads one rubric and uses it to the end, so taking it apart at
/// exit would be work for nothing.
pub fn rubric(path: Option<&Path>) -> Result<&'static Rubric, Error> {
    let Some(path) = path else {
        return Ok(rubric::shared_default_rubric());
    };
    let name = diagnostic::shown_path(path);
    let text = source::read_text(path).map_err(|d| invalid(&name, None, vec![d]))?;
    let rubric = rubric::parse(&text).map_err(|problems| invalid(&name, Some(text), problems))?;
    Ok(Box::leak(Box::new(rubric)))
}

/// The rubric a command uses: `--rubric`'s, else the one the settings file
/// names, else the default, as `assess` chooses it, so that every command
/// scores a questionnaire alike. The settings file is `--config`'s, else
/// the nearest `readiness.toml`, or none with `--no-config`.
pub fn rubric_in_use(
    flag: Option<&Path>,
    config: Option<&Path>,
    no_config: bool,
) -> Result<&'static Rubric, Error> {
    let settings = super::config::discover(
        super::config::Source::from_flags(config, no_config),
        Path::new("."),
    )?;
    rubric_of_settings(flag, &settings)
}

/// [`rubric_in_use`] with the settings file already read.
pub fn rubric_of_settings(
    flag: Option<&Path>,
    settings: &super::config::Config,
) -> Result<&'static Rubric, Error> {
    // Only the rubric is read: a baseline named outside is no problem here.
    settings.refused_files(|setting| setting != "rubric" || flag.is_some())?;
    rubric(flag.or(settings.rubric.as_deref()))
}

pub fn is_stdin(path: &Path) -> bool {
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

/// Reads a JSON report written by `assess --format json` into typed
/// values, checked as a questionnaire is; anything else is refused with
/// the JSON path and the reason. It is named by the file given rather than
/// by the questionnaire it was made from.
pub fn stored_report(path: &Path, name: &str) -> Result<Report, Error> {
    let text = source::read_text(path).map_err(|d| invalid(name, None, vec![d]))?;
    let mut report = crate::report::read::parse(&text)
        .map_err(|problems| invalid(name, Some(text), problems))?;
    name.clone_into(&mut report.source);
    Ok(report)
}

/// One side of a comparison, named by `reference`: `git:REV:PATH` (the file
/// at PATH as it was at that revision, a questionnaire or a JSON report),
/// `git:REV` (the file `same` names, as it was at that revision), a JSON
/// report, or a questionnaire assessed now with `rubric`. `same` is the
/// questionnaire the other side names, if any.
pub fn report(
    reference: &str,
    same: Option<&Path>,
    rubric: &Rubric,
    options: LoadOptions,
) -> Result<Report, Error> {
    let Some(git) = reference.strip_prefix("git:") else {
        return side(Path::new(reference), rubric, options);
    };
    let (revision, file) = match git.split_once(':') {
        Some((revision, path)) if !path.is_empty() => (revision, Path::new(path)),
        // `git:REV:`, with nothing after the second colon.
        Some(_) => {
            return Err(crate::error::InputsProblem::NoFileAtRevision {
                reference: diagnostic::shown_name(reference),
            }
            .into())
        }
        None => match same {
            Some(file) if !is_stdin(file) => (git, file),
            _ => {
                return Err(crate::error::InputsProblem::NoFileAtRevision {
                    reference: diagnostic::shown_name(reference),
                }
                .into())
            }
        },
    };
    let shown = diagnostic::shown_path(file);
    let bytes = crate::command::git::show(file, &shown, revision)?;
    let name = format!("{}:{shown}", diagnostic::escaped(revision));
    let text = source::text_of(bytes).map_err(|d| invalid(&name, None, vec![d]))?;
    if is_json(file) {
        // A report stored in the repository, read as strictly as any.
        let mut report = crate::report::read::parse(&text)
            .map_err(|problems| invalid(&name, Some(text), problems))?;
        report.source = name;
        return Ok(report);
    }
    let questionnaire = questionnaire::load(&text, options)
        .map_err(|problems| invalid(&name, Some(text), problems))?;
    Ok(as_report(&questionnaire, rubric, &name))
}

/// A JSON report, or a questionnaire assessed now, by its path.
pub fn side(path: &Path, rubric: &Rubric, options: LoadOptions) -> Result<Report, Error> {
    let name = shown_name(path, "<stdin>");
    if is_json(path) {
        return stored_report(path, &name);
    }
    let questionnaire = questionnaire(path, &name, options)?;
    Ok(as_report(&questionnaire, rubric, &name))
}

/// A questionnaire's assessment, as a comparison reads it.
pub fn as_report(questionnaire: &Questionnaire, rubric: &Rubric, name: &str) -> Report {
    crate::assess::assess(questionnaire, rubric, name).report()
}
