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
    let rubric = read::rubric_in_use(
        args.rubric.as_deref(),
        args.config.as_deref(),
        args.no_config,
    )?;
    let format = args.format.unwrap_or(Format::Table);
    if !args.path.is_dir() {
        let history = history_of(&args.path, args, rubric, env)?;
        let text = match format {
            // The command line offers table, markdown and json only.
            Format::Table
            | Format::Sarif
            | Format::Github
            | Format::Codeclimate
            | Format::Junit => render::history::text(&history, env.width),
            Format::Markdown => render::history::markdown(&history),
            Format::Json => render::json::render(&history),
            Format::Html => render::html::history::render(&history),
        };
        return Ok(Output::rendered(text, format));
    }
    let inputs = inputs::expand(std::slice::from_ref(&args.path))?;
    let mut problems = inputs.problems;
    let mut histories = Vec::with_capacity(inputs.files.len());
    for file in &inputs.files {
        match history_of(file, args, rubric, env) {
            Ok(history) => histories.push(history),
            Err(problem) => problems.push(problem),
        }
    }
    let stderr: String = problems.iter().map(Error::render).collect();
    let code = if problems.is_empty() {
        super::ExitStatus::Ok
    } else {
        super::ExitStatus::Invalid
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
        Format::Html => render::html::history::portfolio(&portfolio),
    };
    Ok(Output {
        stderr,
        code,
        ..Output::rendered(text, format)
    })
}

/// The most versions a worker takes from the reader at a time.
const CHUNK: usize = 16;
/// A chunk is handed over once its versions' text reaches this much: a
/// history of a large questionnaire is never held in memory at once.
const CHUNK_BYTES: usize = 1 << 20;

/// The history of one questionnaire: its versions, oldest first, within
/// `--since` and `--max`, each assessed.
fn history_of(
    file: &Path,
    args: &HistoryArgs,
    rubric: &Rubric,
    env: &Environment,
) -> Result<History, Error> {
    let shown = diagnostic::shown_path(file);
    let git::Log {
        mut revisions,
        shallow,
    } = git::revisions(file, &shown)?;
    revisions.reverse();
    let committed = revisions.len();
    if let Some(since) = args.since {
        // A version whose date cannot be read is kept, to be shown as such.
        revisions.retain(|r| r.date.is_none_or(|date| date >= since));
    }
    if let Some(max) = args.max {
        let older = revisions
            .len()
            .saturating_sub(usize::try_from(max).unwrap_or(usize::MAX));
        revisions.drain(..older);
    }
    if revisions.is_empty() {
        return Err(crate::error::InputsProblem::NoCommittedVersion {
            file: shown,
            since: args.since.filter(|_| committed > 0).map(|s| (s, committed)),
        }
        .into());
    }
    // Read on one thread and assessed on the others as they arrive, a few
    // versions at a time, with a few such chunks at most waiting between
    // the two, so that neither side waits for the other to finish. The
    // chunks are small enough that each thread has several, and hold at
    // most CHUNK_BYTES of text and one version more. (Assessed in batches
    // between reads, the workers spent most of the run yielding to one
    // another at each batch's end; handed over one by one, waking one
    // another for each.)
    let threads = rayon::current_num_threads().max(1);
    let chunk_len = revisions.len().div_ceil(threads * 4).clamp(1, CHUNK);
    let (sender, received) = std::sync::mpsc::sync_channel::<Vec<(usize, Blob)>>(threads);
    let (read, mut versions) = std::thread::scope(|scope| {
        let shown = &shown;
        let revisions = &revisions;
        // The sender moves to the reader and ends with it, which ends the
        // chunks received.
        let reader = scope.spawn(move || {
            let mut chunk = Vec::with_capacity(chunk_len);
            let mut bytes = 0;
            let read = git::each_content(file, shown, revisions, |index, blob| {
                if let Blob::Bytes(text) = &blob {
                    bytes += text.len();
                }
                chunk.push((index, blob));
                if chunk.len() == chunk_len || bytes >= CHUNK_BYTES {
                    // The receiving side ends only after every chunk is sent.
                    let next = Vec::with_capacity(chunk_len);
                    let _ = sender.send(std::mem::replace(&mut chunk, next));
                    bytes = 0;
                }
            });
            let _ = sender.send(chunk);
            read
        });
        let versions: Vec<(usize, Version)> = received
            .into_iter()
            .par_bridge()
            .flat_map_iter(|chunk| {
                chunk
                    .into_iter()
                    .map(|(index, blob)| (index, version(&revisions[index], blob, rubric, env)))
            })
            .collect();
        let read = reader
            .join()
            .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
        (read, versions)
    });
    read?;
    versions.sort_unstable_by_key(|(index, _)| *index);
    let versions = versions.into_iter().map(|(_, version)| version).collect();
    Ok(History {
        format_version: 1,
        file: shown,
        rubric: format!("{} version {}", rubric.id, rubric.version),
        shallow,
        versions,
    })
}

/// One version assessed on its own date: the questionnaire's, else the
/// day it was committed.
fn version(revision: &Revision, blob: Blob, rubric: &Rubric, env: &Environment) -> Version {
    let short = revision.commit.get(..7).unwrap_or(&revision.commit);
    let name = format!("{short}:{}", revision.path);
    let options = LoadOptions {
        as_of: revision.date,
        today: env.today,
    };
    let invalid = |text: Option<String>, problems| Error::Invalid {
        file: name.clone(),
        text,
        problems,
    };
    let assessed = match blob {
        _ if revision.date.is_none() => Err(invalid(
            None,
            vec![diagnostic::Diagnostic::whole_file(format!(
                "git gives its commit date as {}, which this tool cannot read as a date; the version is not assessed",
                diagnostic::escaped(&revision.date_text)
            ))],
        )),
        Blob::Bytes(bytes) => source::text_of(bytes)
            .map_err(|d| invalid(None, vec![d]))
            .and_then(|text| {
                questionnaire::load(&text, options)
                    .map_err(|problems| invalid(Some(text), problems))
            })
            .map(|q| Point::of(&crate::assess::verdict(&q, rubric, &name))),
        Blob::TooLarge => Err(invalid(None, vec![source::too_large()])),
        Blob::NotAFile(what) => Err(invalid(
            None,
            vec![diagnostic::Diagnostic::whole_file(format!(
                "at this commit the path is {what}, not a file; the version is not assessed"
            ))],
        )),
    };
    let (assessment, error) = match assessed {
        Ok(point) => (Some(point), None),
        Err(error) => (None, Some(InputError::from(&error))),
    };
    Version {
        commit: revision.commit.clone(),
        date: revision.date_text.clone(),
        subject: revision.subject.clone(),
        path: revision.path.clone(),
        renamed_from: revision.renamed_from.clone(),
        assessment,
        error,
    }
}
