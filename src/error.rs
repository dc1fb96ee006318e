//! The one error type of a run, and the one way it is shown: every line
//! names the file it is about. Problems inside a user's file are collected as
//! diagnostics first (data, not errors) and reach here together. Everything
//! else a command can refuse is a variant that carries what its message
//! needs, and says it in one `#[error]` line.

use crate::date::Date;
use crate::diagnostic::{Diagnostic, Lines};
use std::fmt;
use std::io;
use std::sync::Arc;

/// Why a command could not do its work (exit code 2). An I/O error it
/// carries is shared, so that an error can be kept and shown twice (a
/// portfolio lists its inputs' problems, then says why it stopped).
#[derive(Debug, Clone, thiserror::Error)]
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
    /// `explain ID` with an id that names no finding and no criterion.
    #[error("unknown id \"{id}\"; {}", match suggestion {
        Some(near) => format!("did you mean \"{near}\"? (`readiness explain` lists the findings, `readiness rubric show` the criteria too)"),
        None => "`readiness explain` lists every finding, `readiness rubric show` every criterion and finding".to_owned(),
    })]
    UnknownId {
        id: String,
        suggestion: Option<String>,
    },
    /// A framework, or a framework's id, that the rubric does not declare.
    #[error(transparent)]
    Undeclared(#[from] Undeclared),
    /// A setting given on the command line that cannot be used: `flag` is
    /// the flag it was given with.
    #[error("{flag}: {problem}")]
    Flag {
        flag: &'static str,
        problem: Undeclared,
    },
    /// The inputs named on the command line.
    #[error(transparent)]
    Input(#[from] InputsProblem),
    /// The settings, from the flags and the settings file together.
    #[error(transparent)]
    Setting(#[from] SettingProblem),
    /// A file's versions, as git keeps them.
    #[error(transparent)]
    Git(#[from] GitProblem),
    /// The report, or the job summary, could not be written.
    #[error(transparent)]
    Write(#[from] WriteProblem),
    /// A portfolio's reports are kept in a temporary file until they are
    /// written out; that file could not be made or written.
    #[error("{}: {}", if *keeping {
        "cannot keep a report in a temporary file"
    } else {
        "cannot create a temporary file for the reports"
    }, crate::text::io_words(source))]
    Temporary {
        /// Whether the file existed and a report could not be kept in it,
        /// or could not be created at all.
        keeping: bool,
        #[source]
        source: Arc<io::Error>,
    },
}

/// A framework, or one of a framework's ids, the rubric does not declare.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum Undeclared {
    /// A framework id the rubric does not declare, with the nearest when one
    /// is close, else every one it declares.
    #[error("the rubric {rubric} declares no framework \"{id}\"; {}", match (suggestion, declared.is_empty()) {
        (Some(near), _) => format!("did you mean \"{near}\"?"),
        (None, true) => "it declares none".to_owned(),
        (None, false) => format!("it declares {}", declared.join(", ")),
    })]
    Framework {
        rubric: String,
        id: String,
        suggestion: Option<String>,
        declared: Vec<String>,
    },
    /// An id that a declared framework does not have, as the framework
    /// says it (`Framework::unknown`).
    #[error("{0}")]
    Reference(String),
}

/// Inputs that cannot be read as asked.
#[derive(Debug, Clone, thiserror::Error)]
pub enum InputsProblem {
    #[error("{dir}: no questionnaire (*.yaml, *.yml) in this directory")]
    NoQuestionnaire { dir: String },
    #[error("{dir}: cannot be read: {}", crate::text::io_words(source))]
    UnreadableDirectory {
        dir: String,
        #[source]
        source: Arc<io::Error>,
    },
    /// `-o` names one of the files being read: a questionnaire, the rubric
    /// or the settings file.
    #[error("{output}: is also an input ({input}); writing the report there would replace the {what}, so choose another file")]
    OutputIsInput {
        output: String,
        input: String,
        what: &'static str,
    },
    /// `GITHUB_STEP_SUMMARY` names a file the run reads.
    #[error("GITHUB_STEP_SUMMARY names {summary}, which is also an input ({input}); the job summary would be added to the {what}, so nothing is written (pass --no-step-summary to write the report alone)")]
    SummaryIsInput {
        summary: String,
        input: String,
        what: &'static str,
    },
    /// `git:REV` with no path, and no questionnaire to take the path from.
    #[error("{reference}: names no file to read at that revision: write git:REV:PATH, or compare with a questionnaire in the repository (standard input named by --stdin-filename)")]
    NoFileAtRevision { reference: String },
    /// A regression gate whose baseline is another organization's: no
    /// regression of one organization can be judged from it.
    #[error("{reference}: the baseline is an assessment of {baseline}, not of {organization}; the regression gate compares an organization with its own earlier assessment")]
    BaselineOfAnother {
        reference: String,
        baseline: String,
        organization: String,
    },
    /// A stored baseline scored with another rubric: its scores and this
    /// run's measure different things, and no fall can be judged.
    #[error("{reference}: the baseline was scored with the rubric {baseline}, this run with {rubric}; the regression gate compares scores of one rubric (store a baseline made with this rubric, or compare with git:REV, assessed again now)")]
    BaselineOfAnotherRubric {
        reference: String,
        baseline: String,
        rubric: String,
    },
    /// `history` of a file git has no version of (since `since`, when
    /// given and some are older).
    #[error("{file}: {}", match since {
        Some((since, before)) => format!("no committed version since {since} ({before} before it)"),
        None => "has no committed version: git lists no commit that added or changed it".to_owned(),
    })]
    NoCommittedVersion {
        file: String,
        since: Option<(Date, usize)>,
    },
}

/// Settings that cannot be used together, or a settings file that is not one.
#[derive(Debug, Clone, thiserror::Error)]
pub enum SettingProblem {
    /// The regression gate is on with nothing to compare with: turned on
    /// by the flag, or else by `settings_file` (with the key's line and
    /// column), where a baseline can be set.
    #[error("{}", if *by_flag {
        format!("--fail-on-regression: needs a baseline to compare with: --baseline REF, or gate.baseline in {settings_file} ({BASELINES})")
    } else {
        format!("{settings_file}: gate.fail_on_regression: needs a baseline to compare with: gate.baseline, or --baseline REF ({BASELINES})")
    })]
    RegressionWithoutBaseline {
        settings_file: String,
        by_flag: bool,
    },
    #[error("--tolerance: is the regression gate's, which is off: add --fail-on-regression (or fail_on_regression = true under [gate])")]
    ToleranceWithoutGate,
    /// The settings file found by looking up from the working directory is
    /// there but is not a file that can be read.
    #[error("{path}: {why}; it is read for settings, so make it a file or remove it (or pass --no-config)")]
    NotASettingsFile { path: String, why: &'static str },
}

/// What a baseline may be.
const BASELINES: &str = "a questionnaire, a JSON report, or git:REV";

/// What to do in a shallow clone, said wherever its cut history leaves
/// something out.
pub const UNSHALLOW: &str =
    "fetch the whole history (`fetch-depth: 0` in actions/checkout, or `git fetch --unshallow`)";

/// A file's versions that git could not give.
#[derive(Debug, Clone, thiserror::Error)]
pub enum GitProblem {
    /// A file name that is not UTF-8: git cannot be asked about it exactly.
    #[error("{file}: the file's name is not UTF-8, so its versions cannot be read from git; rename the file")]
    NotUtf8 { file: String },
    #[error("{file}: the file's name holds a control character (U+{code:04X}), so its versions are not read from git; rename the file")]
    ControlInName { file: String, code: u32 },
    #[error("{file}: lies inside a .git directory, of which git keeps no versions; name a file of the repository")]
    InGitDirectory { file: String },
    #[error(
        "{file}: at git revision {revision} it is {what}, not a file; {}",
        GitProblem::instead(what)
    )]
    NotAFile {
        file: String,
        revision: String,
        what: &'static str,
    },
    /// Git said why: `why` is the first line of what it said.
    #[error("{file}: {what}: {why}")]
    Failed {
        file: String,
        what: String,
        why: String,
    },
    #[error(
        "{file}: the git command cannot be run: {}",
        crate::text::io_words(source)
    )]
    CannotRun {
        file: String,
        #[source]
        source: Arc<io::Error>,
    },
    #[error(
        "{file}: `git:` names no revision; write git:REV, as in git:HEAD~1 or git:origin/main"
    )]
    NoRevision { file: String },
    #[error("{file}: the git revision {revision} starts with '-', which git would read as an option; name a commit, a branch or a tag")]
    OptionLike { file: String, revision: String },
    #[error("{file}: git revision {revision} is not in this clone, which is shallow (its history was cut when it was cloned); {}", UNSHALLOW)]
    Shallow { file: String, revision: String },
    #[error("{file}: git revision {revision} names no commit in this repository")]
    NoSuchCommit { file: String, revision: String },
    /// A revision git resolves only by approximation (a date past the
    /// reach of this clone's reflog): `why` is git's warning.
    #[error("{file}: git revision {revision} is found only approximately in this clone ({why}); name a commit, a branch or a tag")]
    Approximate {
        file: String,
        revision: String,
        why: String,
    },
    #[error("{file}: git gave no size for it at {revision}")]
    NoSize { file: String, revision: String },
    #[error("{file}: at git revision {revision}, {}", crate::load::source::too_large().message)]
    TooLarge { file: String, revision: String },
    #[error("{file}: git's list of its commits cannot be read")]
    UnreadableLog { file: String },
    /// Git stopped answering before every version was read, without a word.
    #[error("{file}: {what}")]
    Stopped { file: String, what: String },
    #[error("{file}: git cat-file stopped: {}", crate::text::io_words(source))]
    Broken {
        file: String,
        #[source]
        source: Arc<io::Error>,
    },
}

impl GitProblem {
    /// What to name instead of a path that is not a file at a revision.
    fn instead(what: &str) -> &'static str {
        if what == "a symbolic link" {
            "name the file it points to"
        } else {
            "name the questionnaire or report inside it"
        }
    }
}

/// Where a report or the job summary could not be written, and why.
#[derive(Debug, Clone, thiserror::Error)]
pub enum WriteProblem {
    #[error("{path}: is a directory; give the path of a file to write")]
    IsADirectory { path: String },
    #[error("{path}: already exists; add --force to overwrite it")]
    AlreadyExists { path: String },
    #[error("{path}: not a file name")]
    NotAFileName { path: String },
    #[error("{path}: the directory {directory} does not exist")]
    NoDirectory { path: String, directory: String },
    #[error("{path}: cannot be written: {}", reason_in_directory(source))]
    CannotWrite {
        path: String,
        #[source]
        source: Arc<io::Error>,
    },
    /// The job summary's file is there but is not a regular file.
    #[error("{path}: is not a regular file; the job summary was not written")]
    SummaryNotAFile { path: String },
    #[error("{path}: {}; the job summary was not written", reason(source))]
    SummaryNotWritten {
        path: String,
        #[source]
        source: Arc<io::Error>,
    },
}

/// Why a file could not be written, in a reader's words where the usual
/// reasons have them.
fn reason(error: &io::Error) -> String {
    match error.kind() {
        io::ErrorKind::PermissionDenied => "permission denied".to_owned(),
        io::ErrorKind::NotFound => "the directory does not exist".to_owned(),
        io::ErrorKind::WouldBlock => "it cannot be written without waiting".to_owned(),
        _ => crate::text::io_words(error),
    }
}

/// Why a file could not be written to a directory that is there: one
/// where no file can be made (`/proc`) says that no file was found.
fn reason_in_directory(error: &io::Error) -> String {
    match error.kind() {
        io::ErrorKind::NotFound => "no file can be made in its directory".to_owned(),
        _ => reason(error),
    }
}

impl Error {
    /// The error as printed on standard error: its lines, each ended.
    pub fn render(&self) -> String {
        format!("{self}\n")
    }
}

/// An input that could not be assessed, as a portfolio lists it: the file
/// and its problems (at most [`MAX_PRINTED`], with a count of the rest).
pub use crate::report::v1::portfolio::{InputError, InputProblem};

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
            other => InputError {
                file: None,
                problems: vec![InputProblem {
                    line: None,
                    column: None,
                    message: other.to_string(),
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

use crate::diagnostic::MAX_PRINTED;

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
            Error::Input(InputsProblem::NoQuestionnaire {
                dir: "x".to_owned()
            })
            .render(),
            "x: no questionnaire (*.yaml, *.yml) in this directory\n"
        );
    }
}
