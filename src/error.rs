//! The one error type of a run, and the one way it is shown: every line
//! names the file it is about. Problems inside a user's file are collected as
//! diagnostics first (data, not errors) and reach here together.

use crate::diagnostic::{Diagnostic, Lines};
use std::fmt;

/// Why a command could not do its work (exit code 2).
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum Error {
    /// A questionnaire, rubric or config file that cannot be read or is
    /// invalid: every problem, each with its place and, where the text is
    /// known, the offending line.
    #[error("{}", Rendered { file, text: text.as_deref(), problems })]
    Invalid {
        file: String,
        text: Option<String>,
        problems: Vec<Diagnostic>,
    },
    /// What was asked for cannot be done: an unknown id, a directory with no
    /// questionnaire, a report that cannot be written.
    #[error("{0}")]
    Refused(String),
}

impl Error {
    /// The error as printed on standard error: its lines, each ended.
    pub fn render(&self) -> String {
        format!("{self}\n")
    }
}

/// An input that could not be assessed, as a portfolio lists it: the file
/// and its problems (at most [`MAX_PRINTED`], with a count of the rest).
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct InputError {
    /// The file as named; `null` for a problem that belongs to no one file.
    pub file: Option<String>,
    pub problems: Vec<InputProblem>,
    /// How many more problems the file has than are listed.
    pub more: usize,
}

/// One problem of an input: where, when known, and what.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct InputProblem {
    pub line: Option<u32>,
    pub column: Option<u32>,
    pub message: String,
}

impl From<&Error> for InputError {
    fn from(error: &Error) -> InputError {
        match error {
            Error::Invalid { file, problems, .. } => InputError {
                file: Some(file.clone()),
                problems: problems
                    .iter()
                    .take(MAX_PRINTED)
                    .map(|d| InputProblem {
                        line: d.at.map(|at| at.line),
                        column: d.at.map(|at| at.column),
                        message: d.message.clone(),
                    })
                    .collect(),
                more: problems.len().saturating_sub(MAX_PRINTED),
            },
            Error::Refused(message) => InputError {
                file: None,
                problems: vec![InputProblem {
                    line: None,
                    column: None,
                    message: message.clone(),
                }],
                more: 0,
            },
        }
    }
}

/// Diagnostics rendered one after another.
struct Rendered<'a> {
    file: &'a str,
    text: Option<&'a str>,
    problems: &'a [Diagnostic],
}

/// The most problems printed for one file: past it, a count of the rest.
/// A hostile file can hold a hundred thousand mistakes; nobody reads past a
/// hundred, and printing them all would take minutes.
pub const MAX_PRINTED: usize = 100;

impl fmt::Display for Rendered<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let lines = self.text.map(Lines::new);
        for (i, problem) in self.problems.iter().take(MAX_PRINTED).enumerate() {
            if i > 0 {
                f.write_str("\n")?;
            }
            f.write_str(&problem.render_with(self.file, lines.as_ref()))?;
        }
        if self.problems.len() > MAX_PRINTED {
            write!(
                f,
                "\n{}: … and {} more problems, not shown; fix these and check again",
                self.file,
                self.problems.len() - MAX_PRINTED
            )?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::Position;

    #[test]
    fn every_problem_is_one_line_and_each_is_ended() {
        let error = Error::Invalid {
            file: "org.yaml".to_owned(),
            text: None,
            problems: vec![
                Diagnostic::at(Position { line: 1, column: 2 }, "first"),
                Diagnostic::whole_file("second"),
            ],
        };
        assert_eq!(error.render(), "org.yaml:1:2: first\norg.yaml: second\n");
        assert_eq!(
            Error::Refused("x: no such id".to_owned()).render(),
            "x: no such id\n"
        );
    }
}
