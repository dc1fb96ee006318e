//! Runs a parsed command and decides what is printed and the exit code: each
//! command resolves its settings, does its work through the library, renders
//! through `render`, and says what to emit. The library never prints; `main`
//! writes out what this returns, but for a portfolio's JSON, written as it
//! is assessed to the standard output `main` hands over
//! (`Environment::stdout`).

use crate::assess::findings::describe;
use crate::assessment::Assessment;
use crate::command::acceptances::Seen;
use crate::command::args::{AssessArgs, Cli, Command, DiffArgs, RubricAction, ValidateArgs};
use crate::command::inputs::Inputs;
use crate::command::output::Replace;
use crate::command::settings::Settings;
use crate::command::spill::Spill;
use crate::date::Date;
use crate::diagnostic;
use crate::error::{Error, InputError};
use crate::load::questionnaire::LoadOptions;
use crate::portfolio::{GateOutcome, Portfolio, PortfolioRow, Reports};
use crate::render::gate_lines::Gated;
use crate::render::lines::Mark;
use crate::render::{self, Assessed, Layout, Report};
use crate::vocabulary::{FindingId as FindingIdWord, Format, Word as _};
use std::fmt::Write as _;
use std::sync::{Arc, Mutex};
pub mod accept_entries;
pub mod acceptances;
pub mod args;
pub mod config;
pub mod explain;
pub mod frameworks;
pub mod git;
pub mod history;
mod in_order;
pub mod init;
pub mod inputs;
pub mod interrupt;
mod json_portfolio;
pub mod output;
pub mod pages;
pub mod read;
pub mod settings;
pub mod spill;
pub mod tree;

use crate::{assess, rubric};

use std::path::{Path, PathBuf};

/// How a run ends: the exit codes of the command-line contract.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ExitStatus {
    /// Assessed, and every gate passed (or none was set).
    #[default]
    Ok = 0,
    /// Assessed, and a gate failed; the report is still printed.
    GateFailed = 1,
    /// Nothing assessed: bad usage, unreadable or invalid input.
    Invalid = 2,
    /// Stopped by SIGINT, SIGTERM or SIGHUP: the shell's code for a
    /// command interrupted by a signal.
    Interrupted = 130,
}

impl ExitStatus {
    /// The number the process exits with.
    pub const fn code(self) -> u8 {
        self as u8
    }
}

impl From<ExitStatus> for std::process::ExitCode {
    fn from(status: ExitStatus) -> std::process::ExitCode {
        std::process::ExitCode::from(status.code())
    }
}

/// What the process should write and how it should exit.
#[derive(Debug, Default)]
pub struct Output {
    pub stdout: Report,
    pub stderr: String,
    pub code: ExitStatus,
    /// The job summary to append once the report is written: the main
    /// report comes first, whatever happens to the summary.
    pub step_summary: Option<StepSummary>,
}

/// Markdown for GitHub Actions' job summary, and the file to append it to.
#[derive(Debug)]
pub struct StepSummary {
    pub path: PathBuf,
    pub markdown: String,
}

impl StepSummary {
    /// Appends the summary; on failure, the warning to print.
    pub fn append(&self) -> Result<(), String> {
        output::append_summary(&self.path, &self.markdown)
            .map_err(|error| format!("warning: {}", error.render()))
    }
}

impl Output {
    /// Plain text on standard output.
    fn success(stdout: String) -> Output {
        Output {
            stdout: Report::Text(stdout, Mark::Backslash),
            ..Output::default()
        }
    }

    /// A report in `format` on standard output.
    fn rendered(stdout: String, format: Format) -> Output {
        Output {
            stdout: Report::Text(stdout, Mark::of(format)),
            ..Output::default()
        }
    }

    fn failure(error: &Error) -> Output {
        Output {
            stdout: Report::default(),
            stderr: error.render(),
            code: ExitStatus::Invalid,
            step_summary: None,
        }
    }
}

/// The facts of the environment a run depends on, passed in so runs are repeatable.
#[derive(Debug, Clone)]
pub struct Environment {
    pub today: Date,
    /// Columns for the table format.
    pub width: u16,
    /// Whether the table may use colour.
    pub color: bool,
    /// GitHub Actions' job summary file (`GITHUB_STEP_SUMMARY`), when set.
    pub step_summary: Option<PathBuf>,
    /// Where the command runs: code-scanning locations are relative to it.
    pub working_directory: PathBuf,
    /// Standard output, for a report written while the run goes on (a
    /// portfolio's JSON); every other report is returned in [`Output`].
    pub stdout: fn() -> Box<dyn std::io::Write>,
}

/// What to say when the report could not be written to standard output;
/// `None` for a closed pipe (`readiness assess x | head`), which is not an
/// error worth a message.
pub fn standard_output_failure(error: &std::io::Error) -> Option<String> {
    (error.kind() != std::io::ErrorKind::BrokenPipe).then(|| {
        format!(
            "readiness: cannot write the report to standard output: {}\n",
            crate::text::io_words(error)
        )
    })
}

pub fn run(cli: Cli, env: &Environment) -> Output {
    let result = match cli.command {
        Command::Assess(args) => assess_command(&args, env),
        Command::Validate(args) => Ok(validate_command(&args, env)),
        Command::Diff(args) => diff_command(&args, env),
        Command::History(args) => history::run(&args, env),
        Command::Rubric { action } => rubric_command(&action, env),
        Command::Frameworks(args) => frameworks::run(&args, env)
            .map(|text| Output::rendered(text, args.format.unwrap_or(Format::Table))),
        Command::Completions { shell } => Ok(Output::success(completions(shell))),
        Command::Explain {
            id: None,
            rubric,
            config,
            no_config,
            format,
            ..
        } => read::rubric_in_use(rubric.as_deref(), config.as_deref(), no_config).map(|rubric| {
            let format = format.unwrap_or(Format::Table);
            Output::rendered(
                match format {
                    Format::Json => render::finding_list::json(rubric),
                    Format::Markdown => render::finding_list::markdown(rubric),
                    // The command line offers table, markdown and json only.
                    Format::Table
                    | Format::Sarif
                    | Format::Github
                    | Format::Codeclimate
                    | Format::Junit
                    | Format::Html => render::finding_list::text(rubric, env.width),
                },
                format,
            )
        }),
        Command::Explain {
            id: Some(id),
            rubric,
            config,
            no_config,
            as_of,
            format: _,
        } => config::discover(
            config::Source::from_flags(config.as_deref(), no_config),
            Path::new("."),
        )
        .and_then(|settings| {
            let rubric = read::rubric_of_settings(rubric.as_deref(), &settings)?;
            Ok((rubric, settings))
        })
        .and_then(|(rubric, settings)| {
            let accepted = match FindingIdWord::parse(&id) {
                // Only a finding can be accepted; its acceptances are
                // in the settings file, read as `assess` reads it, and
                // refused past a year as `assess` refuses them.
                Some(finding) => {
                    let mine = settings.accept.iter().filter(|x| x.finding == finding);
                    let on = as_of.unwrap_or(env.today);
                    acceptances::refuse_too_late(settings.path.as_deref(), mine, on)?;
                    settings.accept
                }
                None => Vec::new(),
            };
            explain::explain(&id, rubric, &accepted, env.today, as_of)
        })
        .map(Output::success),
        Command::Schema { report } => {
            let schema = if report {
                crate::report::v1::root::report_schema().into()
            } else {
                crate::load::schema::questionnaire_schema()
            };
            // Plain data with string keys always serializes.
            Ok(Output::rendered(
                format!(
                    "{}\n",
                    render::pretty::to_string(&schema).unwrap_or_default()
                ),
                Format::Json,
            ))
        }
        Command::Init { file, force } => init(file.as_deref(), force),
    };
    result.unwrap_or_else(|error| Output::failure(&error))
}

/// The questionnaire a side of `diff` names, which `git:REV` on the other
/// side reads at REV.
fn named_file(path: &Path) -> Option<&Path> {
    let text = path.to_string_lossy();
    (!text.starts_with("git:") && !read::is_json(path)).then_some(path)
}

/// `readiness diff OLD NEW`: both sides read (a JSON report as written, a
/// questionnaire assessed now), then compared.
fn diff_command(args: &DiffArgs, env: &Environment) -> Result<Output, Error> {
    let rubric = read::rubric_in_use(
        args.rubric.as_deref(),
        args.config.as_deref(),
        args.no_config,
    )?;
    let options = LoadOptions {
        as_of: args.as_of,
        today: env.today,
    };
    // `git:REV` on one side is the file the other side names, at REV.
    let side = |path: &Path, other: &Path| {
        let reference = path.to_string_lossy();
        if reference.starts_with("git:") {
            // `git:REV:PATH` with a PATH that is not UTF-8: see `git::place`.
            if path.to_str().is_none() {
                return Err(crate::error::GitProblem::NotUtf8 {
                    file: crate::diagnostic::shown_path(path),
                }
                .into());
            }
            read::report(&reference, named_file(other), rubric, options)
        } else {
            // Read by its path as given, whatever it holds.
            read::side(path, rubric, options)
        }
    };
    let (before, after) = (side(&args.old, &args.new)?, side(&args.new, &args.old)?);
    let diff = crate::diff::compare(&before, &after);
    let text = match args.format.unwrap_or(Format::Table) {
        // The command line offers table, markdown and json only.
        Format::Table | Format::Sarif | Format::Github | Format::Codeclimate | Format::Junit => {
            render::diff::text(&diff, env.width)
        }
        Format::Markdown => render::diff::markdown(&diff),
        Format::Json => render::json::render(&diff),
        Format::Html => render::html::diff::render(&diff),
    };
    Ok(Output::rendered(text, args.format.unwrap_or(Format::Table)))
}

fn assess_command(args: &AssessArgs, env: &Environment) -> Result<Output, Error> {
    let mut settings = Settings::resolve(args, Path::new("."))?;
    let rubric = read::rubric(settings.rubric.as_deref())?;
    frameworks::resolve_fail_on(&mut settings, rubric)?;
    let views = frameworks::views(&settings, rubric)?;
    let inputs = inputs::expand(&args.files)?;
    let output_file = args.output.as_deref().filter(|o| o.as_os_str() != "-");
    // Before a questionnaire is read.
    refuse_writing_into_inputs(args, env, &settings, &inputs)?;
    let options = LoadOptions {
        as_of: args.as_of,
        today: env.today,
    };
    let summary_wanted = env.step_summary.is_some() && !args.no_step_summary;
    let scanning = scanning(settings.format, rubric, env);
    let keeping = if inputs.several || args.portfolio {
        let spill = Spill::new().map_err(|source| Error::Temporary {
            keeping: false,
            source: source.into(),
        })?;
        Some(Keeping {
            spill: Arc::new(spill),
            scanning: matches!(
                settings.format,
                Format::Sarif | Format::Github | Format::Codeclimate
            )
            .then(|| (settings.format, scanning.base.clone())),
            table: (args.detail && settings.format == Format::Table)
                .then_some((env.width, env.color && output_file.is_none())),
            markdown: args.detail && (settings.format == Format::Markdown || summary_wanted),
            html: args.detail && settings.format == Format::Html,
        })
    } else {
        None
    };
    let assess = (rubric, views.as_slice());
    let (assessed, stderr, code) = if let Some(keeping) = keeping {
        if settings.format == Format::Json {
            return json_portfolio::run(&json_portfolio::Run {
                args,
                env,
                settings: &settings,
                inputs: &inputs,
                assess,
                options,
                output_file,
                keeping,
            });
        }
        let (rows, seen, problems) = assess_all(&inputs, args, &settings, assess, options, |a| {
            keeping.keep(a)
        });
        // The inputs' names are not needed again.
        drop(inputs);
        if rows.is_empty() {
            return Ok(nothing_assessed(&problems));
        }
        acceptances::refuse_unknown_pilots(&settings, &seen)?;
        let gated = render::gated_rows(rows.iter());
        let stderr = run_notes(&settings, &problems, &seen, &gated);
        let code = exit_code(rows.iter().any(PortfolioRow::gate_failed), &problems);
        drop(gated);
        let mut portfolio = Portfolio::with_reports(rows, Some(keeping.spill));
        portfolio.errors = problems.iter().map(InputError::from).collect();
        (Assessed::Portfolio(portfolio), stderr, code)
    } else {
        let (mut assessments, seen, problems) =
            assess_all(&inputs, args, &settings, assess, options, Ok);
        // One input, if it was assessed.
        let Some(a) = assessments.pop() else {
            return Ok(nothing_assessed(&problems));
        };
        acceptances::refuse_unknown_pilots(&settings, &seen)?;
        let outcome = GateOutcome::of(&a);
        let gated: Vec<Gated<'_>> = outcome.iter().map(|g| (a.source.as_str(), g)).collect();
        let stderr = run_notes(&settings, &problems, &seen, &gated);
        let code = exit_code(outcome.as_ref().is_some_and(|g| !g.passed), &problems);
        (Assessed::One(Box::new(a)), stderr, code)
    };
    // The job summary is always Markdown; it is rendered only when asked for.
    let step_summary = match env.step_summary.as_ref().filter(|_| !args.no_step_summary) {
        Some(path) => Some(StepSummary {
            path: path.clone(),
            markdown: render::step_summary(&assessed, args.detail).map_err(|source| {
                Error::Temporary {
                    keeping: true,
                    source: source.into(),
                }
            })?,
        }),
        None => None,
    };
    let layout = Layout {
        width: env.width,
        color: env.color && output_file.is_none(),
        detail: args.detail,
    };
    let report = render::report(assessed, settings.format, layout, scanning);
    let mut out = emit(report, output_file, stderr, code);
    out.step_summary = step_summary;
    Ok(out)
}

/// Neither the report (`-o`) nor the job summary may be written into a
/// file the run reads.
fn refuse_writing_into_inputs(
    args: &AssessArgs,
    env: &Environment,
    settings: &Settings,
    inputs: &inputs::Inputs,
) -> Result<(), Error> {
    let baseline = settings.gates.baseline.as_deref();
    let baseline = baseline.filter(|b| !b.starts_with("git:")).map(Path::new);
    if let Some(path) = args.output.as_deref().filter(|o| o.as_os_str() != "-") {
        // A JSON report may replace the JSON report it is compared with, so
        // that the next run compares with this one; a baseline is read as a
        // JSON report by its name (`read::is_json`).
        let replaced_in_kind = |b: &&Path| settings.format == Format::Json && read::is_json(b);
        let others = files_read(settings, baseline.filter(|b| !replaced_in_kind(b)));
        inputs::refuse_overwriting(path, inputs, &others)?;
    }
    if let Some(summary) = env
        .step_summary
        .as_deref()
        .filter(|_| !args.no_step_summary)
    {
        if let Some((input, what)) =
            inputs::input_at(summary, inputs, &files_read(settings, baseline))
        {
            return Err(crate::error::InputsProblem::SummaryIsInput {
                summary: diagnostic::shown_path(summary),
                input,
                what,
            }
            .into());
        }
    }
    Ok(())
}

/// The files besides the questionnaires that a run reads, each with what
/// it is: its rubric, its settings file and `baseline`.
fn files_read<'a>(
    settings: &'a Settings,
    baseline: Option<&'a Path>,
) -> Vec<(&'a Path, &'static str)> {
    [
        (settings.rubric.as_deref(), "rubric"),
        (settings.config_file.as_deref(), "settings file"),
        (baseline, "baseline"),
    ]
    .into_iter()
    .filter_map(|(file, what)| Some((file?, what)))
    .collect()
}

/// What SARIF and GitHub annotations need: the working directory, and for
/// SARIF the rubric's rules, rendered once for every organization.
fn scanning(format: Format, rubric: &rubric::Rubric, env: &Environment) -> render::Scanning {
    match format {
        Format::Sarif | Format::Github | Format::Codeclimate => render::Scanning {
            base: env.working_directory.clone(),
            driver: if format == Format::Sarif {
                let described = |id| render::sarif::RuleText {
                    fires_when: describe::trigger(id, rubric),
                    remedy: describe::generic_remedy(id, rubric),
                };
                Box::new(render::sarif::driver(rubric, described))
            } else {
                Box::default()
            },
        },
        _ => render::Scanning::default(),
    }
}

/// The report on standard output, or written whole to `path`; a report that
/// cannot be written is a failure whatever the verdict.
fn emit(report: Report, path: Option<&Path>, stderr: String, code: ExitStatus) -> Output {
    let Some(path) = path else {
        return Output {
            stdout: report,
            stderr,
            code,
            step_summary: None,
        };
    };
    match output::write_whole(path, Replace::Allowed, |out| report.write_to(out)) {
        Ok(()) => Output {
            stdout: Report::default(),
            stderr,
            code,
            step_summary: None,
        },
        Err(error) => Output {
            stderr: stderr + &error.render(),
            code: ExitStatus::Invalid,
            ..Output::default()
        },
    }
}

/// Nothing could be assessed: every problem, and the exit code for it.
fn nothing_assessed(problems: &[Error]) -> Output {
    Output {
        stderr: problems.iter().map(Error::render).collect(),
        code: ExitStatus::Invalid,
        ..Output::default()
    }
}

/// What a run says on standard error besides its report: the inputs that
/// could not be assessed; settings overridden by flags; every acceptance
/// that has expired or matches nothing; and every failed check, whatever
/// the format and `-o`, so that a failed job's log says why.
fn run_notes(
    settings: &Settings,
    problems: &[Error],
    seen: &[Seen],
    gated: &[Gated<'_>],
) -> String {
    let mut stderr: String = problems.iter().map(Error::render).collect();
    let file = settings.config_file.as_deref().map(diagnostic::shown_path);
    crate::text::append(&mut stderr, |stderr| {
        for replaced in &settings.overrides {
            writeln!(
                stderr,
                "note: {}",
                render::words::overridden(replaced, file.as_deref())
            )?;
        }
        for line in acceptances::warnings(seen) {
            writeln!(stderr, "warning: {line}")?;
        }
        for line in render::failed_checks(gated) {
            writeln!(stderr, "{line}")?;
        }
        Ok(())
    });
    stderr
}

/// What a portfolio keeps of each organization's full report, rendered as
/// soon as it is assessed, so that the assessment itself can be released.
struct Keeping {
    spill: Arc<Spill>,
    /// With `--detail` as a table: its width and colour.
    table: Option<(u16, bool)>,
    /// With `--detail` in Markdown, or for a job summary with `--detail`.
    markdown: bool,
    /// SARIF or GitHub annotations, with the working directory.
    scanning: Option<(Format, PathBuf)>,
    /// With `--detail` in HTML.
    html: bool,
}

impl Keeping {
    /// The assessment's reports kept, and its row of the portfolio; the
    /// rest of it is released.
    fn keep(&self, a: Assessment) -> Result<PortfolioRow, Error> {
        let cannot = |source: std::io::Error| Error::Temporary {
            keeping: true,
            source: source.into(),
        };
        let mut reports = Reports::default();
        if let Some((width, color)) = self.table {
            let text = render::portfolio::table_detail(&a, width, color);
            reports.table = Some(self.spill.keep(text.as_bytes()).map_err(cannot)?);
        }
        if self.markdown {
            let text = render::portfolio::markdown_detail(&a);
            reports.markdown = Some(self.spill.keep(text.as_bytes()).map_err(cannot)?);
        }
        if self.html {
            let text = render::html::body(&a, 1);
            reports.html = Some(self.spill.keep(text.as_bytes()).map_err(cannot)?);
        }
        match &self.scanning {
            Some((Format::Sarif, base)) => {
                let part = render::sarif::results_part(&a, base);
                reports.sarif = Some(self.spill.keep(&part).map_err(cannot)?);
            }
            Some((Format::Codeclimate, base)) => {
                let part = render::codeclimate::issues_part(&a, base);
                reports.codeclimate = Some(self.spill.keep(&part).map_err(cannot)?);
            }
            Some((_, base)) => {
                let text = render::github::ranked_lines(&a, base);
                reports.github = Some(self.spill.keep(text.as_bytes()).map_err(cannot)?);
            }
            None => {}
        }
        Ok(PortfolioRow::new(a, reports))
    }
}

/// Every input assessed and gated, then `finish`ed (for a portfolio, its
/// reports kept and its row taken), in input order; what the run's
/// acceptances need of each, in input order; and the problems of the
/// inputs that could not be assessed.
fn assess_all<T: Send>(
    inputs: &Inputs,
    args: &AssessArgs,
    settings: &Settings,
    assess: (&rubric::Rubric, &[crate::assessment::FrameworkView]),
    options: LoadOptions,
    finish: impl Fn(Assessment) -> Result<T, Error> + Sync + Send,
) -> (Vec<T>, Vec<Seen>, Vec<Error>) {
    // Room for every input at once: grown by doubling, a portfolio's rows
    // were held twice while they were moved.
    let mut done = Vec::with_capacity(inputs.files.len());
    let mut problems = inputs.problems.clone();
    let take = |result| {
        // Collected where they were made, the problems set aside.
        match result {
            Ok(finished) => done.push(finished),
            Err(problem) => problems.push(problem),
        }
        Ok::<(), std::convert::Infallible>(())
    };
    // What a row or an assessment holds is small beside a report.
    let weigh = |_: &T| 0;
    let seen = match assess_each(inputs, args, settings, assess, options, finish, weigh, take) {
        Ok(seen) => seen,
        Err(never) => match never {},
    };
    (done, seen, problems)
}

/// Every input assessed, gated and `finish`ed, each result passed to
/// `take` in input order as soon as it and those before it are done (see
/// [`in_order`], to which `weigh` tells the memory a result holds); what
/// the run's acceptances need of each, in input order. The first error
/// `take` returns stops the run.
#[allow(clippy::too_many_arguments)] // the run's settings, then what to do with each result
fn assess_each<T: Send, E>(
    inputs: &Inputs,
    args: &AssessArgs,
    settings: &Settings,
    (rubric, views): (&rubric::Rubric, &[crate::assessment::FrameworkView]),
    options: LoadOptions,
    finish: impl Fn(Assessment) -> Result<T, Error> + Sync + Send,
    weigh: impl Fn(&T) -> usize + Sync,
    take: impl FnMut(Result<T, Error>) -> Result<(), E>,
) -> Result<Vec<Seen>, E> {
    let config = Arc::new(settings.run_config());
    let seen: Mutex<Vec<(usize, Seen)>> = Mutex::new(Vec::new());
    let assess_file = |index: usize, file: &PathBuf| -> Result<T, Error> {
        let name = read::shown_name(file, &args.stdin_filename);
        let questionnaire = read::questionnaire(file, &name, options)?;
        let mut assessment = assess::assess(&questionnaire, rubric, &name);
        if !read::is_stdin(file) {
            assessment.path = Some(file.clone());
        }
        // Acceptances expire by the clock, or by --as-of: never by the
        // questionnaire's own date, which nobody may keep up to date.
        acceptances::apply(
            &mut assessment,
            settings,
            options.as_of.unwrap_or(options.today),
        )?;
        assessment.gate = crate::assess::gate::check(&settings.gates, &assessment);
        if let Some(reference) = &settings.gates.baseline {
            // Standard input is found in the repository by the name given for it.
            let in_repository = if read::is_stdin(file) && args.stdin_filename != "<stdin>" {
                Path::new(&args.stdin_filename)
            } else {
                file.as_path()
            };
            compare_with_baseline(
                &mut assessment,
                &questionnaire,
                reference,
                in_repository,
                settings,
                rubric,
                options,
            )?;
        }
        assessment.config = Arc::clone(&config);
        assessment.framework_views = views.to_vec();
        if let Some(found) = Seen::of(&assessment, settings) {
            seen.lock()
                .unwrap_or_else(std::sync::PoisonError::into_inner)
                .push((index, found));
        }
        finish(assessment)
    };
    let files = &inputs.files;
    let weigh = |result: &Result<T, Error>| result.as_ref().map_or(0, &weigh);
    in_order::each_in_order(files.len(), |i| assess_file(i, &files[i]), weigh, take)?;
    let mut seen = seen
        .into_inner()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    seen.sort_by_key(|(index, _)| *index);
    Ok(seen.into_iter().map(|(_, found)| found).collect())
}

/// The assessment of `file` compared with its baseline, and checked against
/// it when the regression gate is on.
fn compare_with_baseline(
    assessment: &mut Assessment,
    questionnaire: &crate::load::questionnaire::Questionnaire,
    reference: &str,
    file: &Path,
    settings: &Settings,
    rubric: &rubric::Rubric,
    options: LoadOptions,
) -> Result<(), Error> {
    let baseline = read::report(reference, Some(file), rubric, options)?;
    if let Some(tolerance) = settings.gates.tolerance {
        // Another organization's scores say nothing of this one's progress.
        if baseline.organization.name != assessment.organization.name {
            return Err(crate::error::InputsProblem::BaselineOfAnother {
                reference: diagnostic::shown_name(reference),
                baseline: diagnostic::escaped(&baseline.organization.name).into_owned(),
                organization: diagnostic::escaped(&assessment.organization.name).into_owned(),
            }
            .into());
        }
        // Scores of two rubrics differ by the rubric as much as by the
        // organization: a fall between them says nothing.
        let rubric_of = |id: &str, version: &str| {
            format!(
                "{} version {}",
                diagnostic::escaped(id),
                diagnostic::escaped(version)
            )
        };
        let (then, now) = (&baseline.rubric, &assessment.rubric);
        if (&then.id, &then.version) != (&now.id, &now.version) {
            return Err(crate::error::InputsProblem::BaselineOfAnotherRubric {
                reference: diagnostic::shown_name(reference),
                baseline: rubric_of(&then.id, &then.version),
                rubric: rubric_of(&now.id, &now.version),
            }
            .into());
        }
        let checks = crate::regression::checks(&baseline, assessment, tolerance);
        let gate = assessment.gate.get_or_insert_with(|| crate::gate::Gate {
            passed: true,
            checks: Vec::new(),
        });
        gate.checks.extend(checks);
        gate.passed = gate.checks.iter().all(crate::gate::GateCheck::passed);
        assessment.moved = crate::regression_moves::moves(&baseline, assessment, questionnaire);
    }
    let now = assessment.report();
    assessment.comparison = Some(Box::new(crate::diff::compare(&baseline, &now)));
    Ok(())
}

/// The worst wins: an input that could not be assessed, then a failed gate.
fn exit_code(gate_failed: bool, problems: &[Error]) -> ExitStatus {
    if !problems.is_empty() {
        ExitStatus::Invalid
    } else if gate_failed {
        ExitStatus::GateFailed
    } else {
        ExitStatus::Ok
    }
}

fn validate_command(args: &ValidateArgs, env: &Environment) -> Output {
    let options = LoadOptions {
        as_of: args.as_of,
        today: env.today,
    };
    let inputs = match inputs::expand(&args.files) {
        Ok(inputs) => inputs,
        Err(error) => return Output::failure(&error),
    };
    let check = |index: usize| {
        let file = &inputs.files[index];
        let name = read::shown_name(file, &args.stdin_filename);
        read::questionnaire(file, &name, options).map(|_| format!("{name}: valid\n"))
    };
    let mut output = Output::default();
    for problem in &inputs.problems {
        output.stderr.push_str(&problem.render());
        output.code = ExitStatus::Invalid;
    }
    let mut valid = String::new();
    let take = |result: Result<String, Error>| {
        match result {
            Ok(line) => valid.push_str(&line),
            Err(error) => {
                output.stderr.push_str(&error.render());
                output.code = ExitStatus::Invalid;
            }
        }
        Ok::<(), std::convert::Infallible>(())
    };
    let weigh = |_: &Result<String, Error>| 0;
    if let Err(never) = in_order::each_in_order(inputs.files.len(), check, weigh, take) {
        match never {}
    }
    output.stdout = Report::Text(valid, Mark::Backslash);
    output
}

fn rubric_command(action: &RubricAction, env: &Environment) -> Result<Output, Error> {
    Ok(Output::success(match action {
        RubricAction::Export => rubric::DEFAULT_TOML.to_owned(),
        RubricAction::Check { file } => {
            read::rubric(Some(file))?;
            format!("{}: valid\n", diagnostic::shown_path(file))
        }
        RubricAction::Show {
            rubric,
            config,
            no_config,
        } => render::rubric::render(
            read::rubric_in_use(rubric.as_deref(), config.as_deref(), *no_config)?,
            env.width,
        ),
    }))
}

fn init(file: Option<&Path>, force: bool) -> Result<Output, Error> {
    let template = crate::command::init::template();
    // `-` is standard output here as everywhere else, never a file named `-`.
    let Some(path) = file.filter(|f| f.as_os_str() != "-") else {
        return Ok(Output::success(template));
    };
    let replace = if force {
        Replace::Allowed
    } else {
        Replace::Refused
    };
    output::write_whole(path, replace, |out| out.write_all(template.as_bytes()))?;
    let shown = diagnostic::shown_path(path);
    // A name shown escaped (`\u{1b}`, `\xE9`) is not the name a shell would
    // pass: no command is offered that would name another file. (A `./`
    // put before a name that starts with `::` names the same file.)
    let same_file = path
        .to_str()
        .is_some_and(|p| shown == p || shown.strip_prefix("./") == Some(p));
    if !same_file {
        return Ok(Output::success(format!(
            "wrote {shown}; fill it in, then assess it with readiness assess\n"
        )));
    }
    Ok(Output::success(format!(
        "wrote {shown}; fill it in, then run: readiness assess {}\n",
        shell_word(&shown)
    )))
}

/// A path as shown (`diagnostic::shown_path`) as one word of a command a
/// reader may paste into a POSIX shell: as it is when every character is
/// plain, else in single quotes; one that begins with `-` after `./`, so
/// that it is never read as an option.
fn shell_word(path: &str) -> String {
    let path = if path.starts_with('-') {
        format!("./{path}")
    } else {
        path.to_owned()
    };
    let plain = |c: char| c.is_ascii_alphanumeric() || "_./+-@%:,=".contains(c);
    if !path.is_empty() && path.chars().all(plain) {
        path
    } else {
        format!("'{}'", path.replace('\'', "'\\''"))
    }
}

fn completions(shell: clap_complete::Shell) -> String {
    let mut script = Vec::new();
    let mut command = whole_command();
    clap_complete::generate(shell, &mut command, "readiness", &mut script);
    let mut script = String::from_utf8_lossy(&script).into_owned();
    if shell == clap_complete::Shell::Fish {
        script.push_str(&fish_positionals(&command));
    }
    script
}

/// The whole command tree, built, for completions. A subcommand's arguments
/// are added only when it is built (see `args::Command`), and clap copies
/// the subcommands under `help` before that, when `rubric` has none of its
/// own yet; the copies under `rubric help`, made once it has them, are put
/// under `help rubric` too.
fn whole_command() -> clap::Command {
    let mut command = <Cli as clap::CommandFactory>::command();
    command.build();
    let nested: Vec<(String, Vec<clap::Command>)> = command
        .get_subcommands()
        .filter_map(|sub| {
            let copies = sub.find_subcommand("help")?.get_subcommands();
            let parent = format!("readiness help {}", sub.get_name());
            let copies = copies
                .filter(|copy| copy.get_name() != "help")
                .map(|copy| renamed(copy.clone(), &parent))
                .collect();
            Some((sub.get_name().to_owned(), copies))
        })
        .collect();
    command.mut_subcommands(|sub| {
        if sub.get_name() != "help" {
            return sub;
        }
        sub.mut_subcommands(
            |copy| match nested.iter().find(|(name, _)| name == copy.get_name()) {
                Some((_, copies)) => copy.subcommands(copies.iter().cloned()),
                None => copy,
            },
        )
    })
}

/// `copy` and its subcommands named as commands under `parent`.
fn renamed(copy: clap::Command, parent: &str) -> clap::Command {
    let bin_name = format!("{parent} {}", copy.get_name());
    copy.mut_subcommands(|sub| renamed(sub, &bin_name))
        .bin_name(bin_name)
}

/// `clap_complete`'s fish script completes options only, so that fish offers
/// file names where a positional takes one of a few words (`readiness
/// completions <TAB>`). This adds a line for each such positional of each
/// subcommand: its words, with their help, and no files.
fn fish_positionals(command: &clap::Command) -> String {
    crate::text::written(|lines| {
        for sub in command.get_subcommands() {
            for arg in sub.get_positionals() {
                let values = arg.get_possible_values();
                if values.is_empty() {
                    continue;
                }
                for value in values.iter().filter(|v| !v.is_hide_set()) {
                    write!(
                        lines,
                        "complete -c readiness -n \"__fish_readiness_using_subcommand {}\" -f -a \"{}\"",
                        sub.get_name(),
                        value.get_name()
                    )?;
                    if let Some(help) = value.get_help() {
                        write!(lines, " -d '{}'", help.to_string().replace('\'', "\\'"))?;
                    }
                    lines.push('\n');
                }
            }
        }
        Ok(())
    })
}
