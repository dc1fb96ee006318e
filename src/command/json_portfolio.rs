//! `readiness assess` of several questionnaires as JSON: each
//! organization's report is written as soon as it and those before it are
//! assessed, in input order, while the others are still being assessed;
//! then the totals and the inputs not assessed. Nothing of a report is
//! kept once written: a row per organization (for the totals, the gate and
//! the notes) and, for a job summary with `--detail`, its Markdown. When
//! writing fails (a reader that stopped early: `| head`), the rest are
//! still assessed, for what standard error and the exit code say of them.
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
use std::sync::atomic::{AtomicBool, Ordering};
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

/// What assessing found, whether or not the report was written whole.
struct Found {
    portfolio: Portfolio,
    problems: Vec<Error>,
    /// What standard error says of the run (the problems, the acceptances'
    /// warnings, the failed gates, in input order) and its exit code.
    notes: String,
    code: ExitStatus,
    /// Why the report may not stand, found once every input was assessed.
    refused: Option<Error>,
    /// Why writing stopped, if it did: the organizations after it were
    /// still assessed, for what standard error and the exit code say.
    unwritten: Option<io::Error>,
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
    // What went wrong in writing, in words; `None` when nothing did, or
    // nothing worth a word did.
    let failure = match run.output_file {
        Some(path) => output::write_whole(path, output::Replace::Allowed, |out| {
            write_report(run, out, &found)
        })
        .err()
        .map(|e| e.render()),
        None => to_standard_output(run, |out| write_report(run, out, &found))
            .err()
            .and_then(|e| super::standard_output_failure(&e)),
    };
    // The report could not be begun (`-o` names a directory, or a file
    // that cannot be written): the organizations are assessed all the
    // same, for what standard error and the job summary say of them.
    let found = match found.into_inner() {
        Some(found) => found,
        None => assess_into(run, None),
    };
    if found.portfolio.rows.is_empty() {
        return Ok(nothing_assessed(&found.problems));
    }
    if let Some(refused) = found.refused {
        return Err(refused);
    }
    let (mut stderr, mut code) = (found.notes, found.code);
    if let Some(failure) = failure {
        stderr.push_str(&failure);
        code = ExitStatus::Invalid;
    }
    let step_summary = step_summary(run, found.portfolio)?;
    Ok(Output {
        stderr,
        code,
        step_summary,
        ..Output::default()
    })
}

/// Assesses every input into `out`, and keeps what was found in `found`.
fn write_report(
    run: &Run<'_>,
    out: &mut dyn Write,
    found: &RefCell<Option<Found>>,
) -> io::Result<()> {
    let mut writer = PortfolioWriter::new(out);
    let assessed = assess_into(run, Some(&mut writer));
    let mut found = found.borrow_mut();
    let found = found.insert(assessed);
    if let Some(error) = found.unwritten.take() {
        return Err(error);
    }
    if !found.stands() {
        return Err(io::Error::other(Abandoned));
    }
    writer.finish(&found.portfolio)
}

/// Assesses every input, writing each organization's report to `writer`
/// as it comes, until writing fails.
fn assess_into(run: &Run<'_>, mut writer: Option<&mut PortfolioWriter<'_>>) -> Found {
    // Room for every row at once (see `assess_all`).
    let mut rows = Vec::with_capacity(run.inputs.files.len());
    let mut problems = run.inputs.problems.clone();
    let mut unwritten = None;
    // Once nothing more can be written, no more reports are made.
    let writing = AtomicBool::new(writer.is_some());
    // Buffers written out go back to the threads that fill them: made
    // anew for each report, they were grown from nothing, copied on the
    // way, and freed on another thread.
    let buffers: Mutex<Vec<Vec<u8>>> = Mutex::new(Vec::new());
    let buffer = || {
        let spare = buffers.lock().unwrap_or_else(PoisonError::into_inner).pop();
        spare.unwrap_or_else(|| Vec::with_capacity(BUFFER))
    };
    let finish = |a: crate::assessment::Assessment| {
        let mut json = Vec::new();
        if writing.load(Ordering::Relaxed) {
            json = buffer();
            append_separated(&a, &mut json);
        }
        Ok((run.keeping.keep(a)?, json))
    };
    let weigh = |(_, json): &(PortfolioRow, Vec<u8>)| json.capacity();
    let take = |result: Result<(PortfolioRow, Vec<u8>), Error>| {
        match result {
            Ok((row, mut json)) => {
                rows.push(row);
                if let (Some(writer), None) = (writer.as_mut(), &unwritten) {
                    if let Err(error) = writer.assessment(&json) {
                        writing.store(false, Ordering::Relaxed);
                        unwritten = Some(error);
                    }
                }
                // A huge file's report is not held for the rest of the run.
                if json.capacity() <= 1 << 20 {
                    json.clear();
                    buffers
                        .lock()
                        .unwrap_or_else(PoisonError::into_inner)
                        .push(json);
                }
            }
            Err(problem) => problems.push(problem),
        }
        Ok::<(), std::convert::Infallible>(())
    };
    let seen = match assess_each(
        run.inputs,
        run.args,
        run.settings,
        run.assess,
        run.options,
        finish,
        weigh,
        take,
    ) {
        Ok(seen) => seen,
        Err(never) => match never {},
    };
    let refused = acceptances::refuse_unknown_pilots(run.settings, &seen).err();
    // From the rows in input order, as every other format says them.
    let gated = render::gated_rows(rows.iter());
    let notes = run_notes(run.settings, &problems, &seen, &gated);
    let code = exit_code(rows.iter().any(PortfolioRow::gate_failed), &problems);
    drop(gated);
    let kept: Arc<dyn crate::portfolio::KeptReports> = run.keeping.spill.clone();
    let mut portfolio = Portfolio::with_reports(rows, Some(kept));
    portfolio.errors = problems.iter().map(InputError::from).collect();
    Found {
        portfolio,
        problems,
        notes,
        code,
        refused,
        unwritten,
    }
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
