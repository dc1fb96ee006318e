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
