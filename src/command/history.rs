//! `readiness history PATH`: every committed version of a questionnaire (or
//! of each questionnaire in a directory) read through git, assessed on its
//! own date, and rendered as a trend.

use crate::command::args::HistoryArgs;
use crate::command::git::{self, Blob, Revision};
use crate::command::{inputs, read, Environment, Output};
use crate::diagnostic;
use crate::error::{Error, InputError};
use crate::history::{History, Point, PortfolioHistory, Version};
use crate::load::questionnaire::{self, LoadOptions};
use crate::load::source;
use crate::render;
use crate::rubric::Rubric;
use crate::vocabulary::Format;
use rayon::prelude::*;
use std::path::Path;

pub fn run(args: &HistoryArgs, env: &Environment) -> Result<Output, Error> {
    let rubric = read::rubric(args.rubric.as_deref())?;
    let format = args.format.unwrap_or(Format::Table);
    if !args.path.is_dir() {
        let history = history_of(&args.path, args, &rubric, env)?;
        let text = match format {
            // The command line offers table, markdown and json only.
            Format::Table
            | Format::Sarif
            | Format::Github
            | Format::Codeclimate
            | Format::Junit => render::history::text(&history, env.width),
            Format::Markdown => render::history::markdown(&history),
            Format::Json => render::json::render(&history),
        };
        return Ok(Output::success(text));
    }
    let inputs = inputs::expand(std::slice::from_ref(&args.path))?;
    let mut problems = inputs.problems;
    let mut histories = Vec::with_capacity(inputs.files.len());
    for file in &inputs.files {
        match history_of(file, args, &rubric, env) {
            Ok(history) => histories.push(history),
            Err(problem) => problems.push(problem),
        }
    }
    let stderr: String = problems.iter().map(Error::render).collect();
    let code = if problems.is_empty() {
        super::exit::OK
    } else {
        super::exit::INVALID
    };
    if histories.is_empty() {
        return Ok(Output {
            stderr,
            code,
            ..Output::default()
        });
    }
    let portfolio = PortfolioHistory {
        format_version: 1,
        histories,
    };
    let text = match format {
        Format::Table | Format::Sarif | Format::Github | Format::Codeclimate | Format::Junit => {
            render::history::portfolio_text(&portfolio, env.width)
        }
        Format::Markdown => render::history::portfolio_markdown(&portfolio),
        Format::Json => render::json::render(&portfolio),
    };
    Ok(Output {
        stderr,
        code,
        ..Output::success(text)
    })
}

/// The history of one questionnaire: its versions, oldest first, within
/// `--since` and `--max`, each assessed.
fn history_of(
    file: &Path,
    args: &HistoryArgs,
    rubric: &Rubric,
    env: &Environment,
) -> Result<History, Error> {
    let shown = diagnostic::shown_path(file);
    let mut revisions = git::revisions(file, &shown)?;
    revisions.reverse();
    let committed = revisions.len();
    if let Some(since) = args.since {
        revisions.retain(|r| r.date >= since);
    }
    if let Some(max) = args.max {
        let older = revisions
            .len()
            .saturating_sub(usize::try_from(max).unwrap_or(usize::MAX));
        revisions.drain(..older);
    }
    if revisions.is_empty() {
        return Err(Error::Refused(match args.since {
            Some(since) if committed > 0 => {
                format!("{shown}: no committed version since {since} ({committed} before it)")
            }
            _ => format!(
                "{shown}: has no committed version: git lists no commit that added or changed it"
            ),
        }));
    }
    let blobs = git::contents(file, &shown, &revisions)?;
    let versions = revisions
        .par_iter()
        .zip(blobs)
        .map(|(revision, blob)| version(revision, blob, rubric, env))
        .collect();
    Ok(History {
        format_version: 1,
        file: shown,
        rubric: format!("{} version {}", rubric.id, rubric.version),
        versions,
    })
}

/// One version assessed on its own date: the questionnaire's, else the
/// day it was committed.
fn version(revision: &Revision, blob: Blob, rubric: &Rubric, env: &Environment) -> Version {
    let short = revision.commit.get(..7).unwrap_or(&revision.commit);
    let name = format!("{short}:{}", revision.path);
    let options = LoadOptions {
        as_of: Some(revision.date),
        today: env.today,
    };
    let invalid = |text: Option<String>, problems| Error::Invalid {
        file: name.clone(),
        text,
        problems,
    };
    let assessed = match blob {
        Blob::Bytes(bytes) => source::text_of(bytes)
            .map_err(|d| invalid(None, vec![d]))
            .and_then(|text| {
                questionnaire::load(&text, options)
                    .map_err(|problems| invalid(Some(text), problems))
            })
            .map(|q| Point::of(&crate::assess::assess(&q, rubric, &name))),
        Blob::TooLarge => Err(invalid(None, vec![source::too_large()])),
        Blob::Missing => Err(invalid(
            None,
            vec![diagnostic::Diagnostic::whole_file(
                "git has no file at this path in the commit",
            )],
        )),
    };
    let (assessment, error) = match assessed {
        Ok(point) => (Some(point), None),
        Err(error) => (None, Some(InputError::from(&error))),
    };
    Version {
        commit: revision.commit.clone(),
        date: revision.date.to_string(),
        subject: revision.subject.clone(),
        path: revision.path.clone(),
        assessment,
        error,
    }
}
