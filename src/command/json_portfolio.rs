//! `readiness assess` of several questionnaires as JSON: each
//! organization's report is written as soon as it and those before it are
//! assessed, in input order, while the others are still being assessed;
//! then the totals and the inputs not assessed. Nothing of a report is
//! kept once written: a row per organization (for the totals, the gate and
//! the notes) and, for a job summary with `--detail`, its Markdown.
//!
//! Where the report goes decides what "nothing written" takes. A file
//! (`-o`) is written into a temporary file renamed into place at the end,
//! so a run that fails late leaves nothing. Standard output cannot take
//! back what it was given, so when the run can still fail after the last
//! organization (an acceptance of a pilot no questionnaire names, known
//! only then), the report goes through a temporary file first.

use super::{
    acceptances, assess_each, exit_code, nothing_assessed, output, run_notes, Environment,
    ExitStatus, Keeping, Output, StepSummary,
};
use crate::command::args::AssessArgs;
use crate::command::inputs::Inputs;
use crate::command::settings::Settings;
use crate::error::{Error, InputError};
use crate::load::questionnaire::LoadOptions;
use crate::portfolio::{Portfolio, PortfolioRow};
use crate::render::json::{append_separated, PortfolioWriter};
use crate::render::{self, Assessed};
use std::cell::RefCell;
use std::io::{self, BufWriter, Seek, Write};
use std::path::Path;
use std::sync::{Arc, Mutex, PoisonError};

/// Room for one organization's report, most of which take 30 to 60 KB.
const BUFFER: usize = 64 << 10;

/// What a run of a JSON portfolio is given.
pub(super) struct Run<'a> {
    pub args: &'a AssessArgs,
    pub env: &'a Environment,
    pub settings: &'a Settings,
    pub inputs: &'a Inputs,
    pub assess: (
        &'a crate::rubric::Rubric,
        &'a [crate::assessment::FrameworkView],
    ),
    pub options: LoadOptions,
    pub output_file: Option<&'a Path>,
    pub keeping: Keeping,
}

/// What writing the report found out, whether or not it was written whole.
struct Found {
    portfolio: Portfolio,
    seen: Vec<acceptances::Seen>,
    problems: Vec<Error>,
    /// Why the report may not stand, found once every input was assessed.
    refused: Option<Error>,
}

impl Found {
    /// Whether the report is written whole: something was assessed and
    /// nothing refused the run.
    fn stands(&self) -> bool {
        !self.portfolio.rows.is_empty() && self.refused.is_none()
    }
}

/// What stops a report from being written whole when it may not stand;
/// never shown (see [`Found::stands`]).
#[derive(Debug)]
struct Abandoned;

impl std::fmt::Display for Abandoned {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("the report was abandoned")
    }
}

impl std::error::Error for Abandoned {}

fn is_abandoned(error: &io::Error) -> bool {
    error
        .get_ref()
        .is_some_and(<dyn std::error::Error + Send + Sync>::is::<Abandoned>)
}

pub(super) fn run(run: &Run<'_>) -> Result<Output, Error> {
    let found = RefCell::new(None);
    let write = |out: &mut dyn Write| -> io::Result<()> {
        let mut writer = PortfolioWriter::new(out);
        let assessed = assess_into(run, &mut writer)?;
        let stands = assessed.stands();
        let mut found = found.borrow_mut();
        let assessed = found.insert(assessed);
        if !stands {
            return Err(io::Error::other(Abandoned));
        }
        writer.finish(&assessed.portfolio)
    };
    // What went wrong in writing, in words; `None` when nothing did, or
    // nothing worth a word did.
    let failure = match run.output_file {
        Some(path) => output::write_whole(path, output::Replace::Allowed, write)
            .err()
            .map(|e| e.render()),
        None => to_standard_output(run, write)
            .err()
            .and_then(|e| super::standard_output_failure(&e)),
    };
    let Some(found) = found.into_inner() else {
        // Nothing was assessed: the report could not be begun.
        return Ok(Output {
            stderr: failure.unwrap_or_default(),
            code: ExitStatus::Invalid,
            ..Output::default()
        });
    };
    if let Some(refused) = found.refused {
        return Err(refused);
    }
    if found.portfolio.rows.is_empty() {
        return Ok(nothing_assessed(&found.problems));
    }
    let Found {
        portfolio,
        seen,
        problems,
        ..
    } = found;
    let gated = render::gated_rows(portfolio.rows.iter());
    let mut stderr = run_notes(run.settings, &problems, &seen, &gated);
    let code = exit_code(
        portfolio.rows.iter().any(PortfolioRow::gate_failed),
        &problems,
    );
    drop(gated);
    if let Some(failure) = failure {
        stderr.push_str(&failure);
        return Ok(Output {
            stderr,
            code: ExitStatus::Invalid,
            ..Output::default()
        });
    }
    let step_summary = step_summary(run, portfolio)?;
    Ok(Output {
        stderr,
        code,
        step_summary,
        ..Output::default()
    })
}

/// Assesses every input, writing each organization's report as it comes.
fn assess_into(run: &Run<'_>, writer: &mut PortfolioWriter<'_>) -> io::Result<Found> {
    // Room for every row at once (see `assess_all`).
    let mut rows = Vec::with_capacity(run.inputs.files.len());
    let mut problems = run.inputs.problems.clone();
    // Buffers written out go back to the threads that fill them: made
    // anew for each report, they were grown from nothing, copied on the
    // way, and freed on another thread.
    let buffers: Mutex<Vec<Vec<u8>>> = Mutex::new(Vec::new());
    let buffer = || {
        let spare = buffers.lock().unwrap_or_else(PoisonError::into_inner).pop();
        spare.unwrap_or_else(|| Vec::with_capacity(BUFFER))
    };
    let finish = |a: crate::assessment::Assessment| {
        let mut json = buffer();
        append_separated(&a, &mut json);
        Ok((run.keeping.keep(a)?, json))
    };
    let take = |result: Result<(PortfolioRow, Vec<u8>), Error>| -> io::Result<()> {
        match result {
            Ok((row, mut json)) => {
                rows.push(row);
                writer.assessment(&json)?;
                // A huge file's report is not held for the rest of the run.
                if json.capacity() <= 1 << 20 {
                    json.clear();
                    buffers
                        .lock()
                        .unwrap_or_else(PoisonError::into_inner)
                        .push(json);
                }
                Ok(())
            }
            Err(problem) => {
                problems.push(problem);
                Ok(())
            }
        }
    };
    let seen = assess_each(
        run.inputs,
        run.args,
        run.settings,
        run.assess,
        run.options,
        finish,
        take,
    )?;
    let refused = acceptances::refuse_unknown_pilots(run.settings, &seen).err();
    let kept: Arc<dyn crate::portfolio::KeptReports> = run.keeping.spill.clone();
    let mut portfolio = Portfolio::with_reports(rows, Some(kept));
    portfolio.errors = problems.iter().map(InputError::from).collect();
    Ok(Found {
        portfolio,
        seen,
        problems,
        refused,
    })
}

/// Writes the report to standard output: straight there when the run can
/// no longer fail once it is written, else into a temporary file first,
/// copied out once it stands.
fn to_standard_output(
    run: &Run<'_>,
    write: impl FnOnce(&mut dyn Write) -> io::Result<()>,
) -> io::Result<()> {
    // Each report is written in one piece; the buffer gathers the rest.
    let mut stdout = BufWriter::new((run.env.stdout)());
    let may_fail_late = run.settings.accept.iter().any(|a| a.pilot.is_some());
    if !may_fail_late {
        return match write(&mut stdout) {
            Err(e) if is_abandoned(&e) => Ok(()),
            written => written.and_then(|()| stdout.flush()),
        };
    }
    let mut first = BufWriter::with_capacity(1 << 16, tempfile::tempfile()?);
    match write(&mut first) {
        Err(e) if is_abandoned(&e) => return Ok(()),
        written => written?,
    }
    let mut file = first.into_inner().map_err(io::IntoInnerError::into_error)?;
    file.rewind()?;
    io::copy(&mut file, &mut stdout)?;
    stdout.flush()
}

/// The job summary, when one is wanted: the portfolio in Markdown.
fn step_summary(run: &Run<'_>, portfolio: Portfolio) -> Result<Option<StepSummary>, Error> {
    let Some(path) = run
        .env
        .step_summary
        .as_ref()
        .filter(|_| !run.args.no_step_summary)
    else {
        return Ok(None);
    };
    let markdown = render::step_summary(&Assessed::Portfolio(portfolio), run.args.detail).map_err(
        |source| Error::Temporary {
            keeping: true,
            source: source.into(),
        },
    )?;
    Ok(Some(StepSummary {
        path: path.clone(),
        markdown,
    }))
}
