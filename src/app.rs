//! Runs a parsed command and decides what is printed and the exit code.
//! The library never prints; `main` writes out what this returns.

use crate::assessment::Assessment;
use crate::cli::{AssessArgs, Cli, Command, RubricAction, ValidateArgs};
use crate::date::Date;
use crate::diagnostic::Diagnostic;
use crate::output::Replace;
use crate::portfolio::Portfolio;
use crate::questionnaire::{self, LoadOptions, Questionnaire};
use crate::render;
use crate::rubric::{self, Rubric};
use crate::vocabulary::Format;
use crate::{assess, source};
use rayon::prelude::*;
use std::fmt::Write as _;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

/// Exit codes of the command-line contract.
pub mod exit {
    /// Assessed, and every gate passed (or none was set).
    pub const OK: i32 = 0;
    /// Assessed, and a gate failed; the report is still printed.
    pub const GATE_FAILED: i32 = 1;
    /// Nothing assessed: bad usage, unreadable or invalid input.
    pub const INVALID: i32 = 2;
}

/// What the process should write and how it should exit.
#[derive(Debug, Default)]
pub struct Output {
    pub stdout: Report,
    pub stderr: String,
    pub code: i32,
}

/// What goes to standard output, or to the file `--output` names.
#[derive(Debug)]
pub enum Report {
    Text(String),
    /// A portfolio as JSON: hundreds of megabytes for thousands of
    /// organizations, so it is written as it is rendered, never held whole.
    PortfolioJson(Portfolio),
}

impl Default for Report {
    fn default() -> Report {
        Report::Text(String::new())
    }
}

impl Report {
    pub fn write_to(&self, out: &mut dyn Write) -> io::Result<()> {
        match self {
            Report::Text(text) => out.write_all(text.as_bytes()),
            Report::PortfolioJson(portfolio) => render::json::write_portfolio(portfolio, out),
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
    pub step_summary: Option<std::path::PathBuf>,
}

pub fn run(cli: Cli, env: &Environment) -> Output {
    match cli.command {
        Command::Assess(args) => assess_command(&args, env),
        Command::Validate(args) => validate_command(&args, env),
        Command::Rubric { action } => rubric_command(&action, env),
        Command::Completions { shell } => completions(shell),
        Command::Explain { id, rubric } => match load_rubric(rubric.as_deref()) {
            Ok(rubric) => match crate::explain::explain(&id, &rubric) {
                Ok(text) => success(text),
                Err(message) => failure(format!("{message}\n")),
            },
            Err(message) => failure(message),
        },
        Command::Schema => {
            let schema = crate::schema::questionnaire_schema();
            success(format!(
                "{}\n",
                serde_json::to_string_pretty(&schema).unwrap_or_default()
            ))
        }
        Command::Init { file, force } => init(file.as_deref(), force),
    }
}

fn rubric_command(action: &RubricAction, env: &Environment) -> Output {
    match action {
        RubricAction::Export => success(rubric::DEFAULT_TOML.to_owned()),
        RubricAction::Check { file } => match load_rubric(Some(file)) {
            Ok(_) => success(format!("{}: valid\n", file.display())),
            Err(message) => failure(message),
        },
        RubricAction::Show { rubric } => match load_rubric(rubric.as_deref()) {
            Ok(rubric) => success(render::rubric::render(&rubric, env.width)),
            Err(message) => failure(message),
        },
    }
}

fn init(file: Option<&Path>, force: bool) -> Output {
    let template = crate::init::template();
    let Some(path) = file else {
        return success(template);
    };
    let replace = if force {
        Replace::Allowed
    } else {
        Replace::Refused
    };
    match crate::output::write_whole(path, replace, |out| out.write_all(template.as_bytes())) {
        Ok(()) => success(format!(
            "wrote {}; fill it in, then run: readiness assess {}\n",
            path.display(),
            path.display()
        )),
        Err(message) => failure(format!("{message}\n")),
    }
}

fn completions(shell: clap_complete::Shell) -> Output {
    let mut script = Vec::new();
    let mut command = <Cli as clap::CommandFactory>::command();
    clap_complete::generate(shell, &mut command, "readiness", &mut script);
    success(String::from_utf8_lossy(&script).into_owned())
}

fn assess_command(args: &AssessArgs, env: &Environment) -> Output {
    let config = match crate::config::discover(args.config.as_deref(), Path::new(".")) {
        Ok(config) => config,
        Err(message) => return failure(message),
    };
    // Flags override the config file.
    let rubric_path = args.rubric.clone().or(config.rubric);
    let format = args.format.or(config.format).unwrap_or(Format::Table);
    let gates = config.gates.overridden_by(args.gates());
    let rubric = match load_rubric(rubric_path.as_deref()) {
        Ok(rubric) => rubric,
        Err(message) => return failure(message),
    };
    let options = LoadOptions {
        as_of: args.as_of,
        today: env.today,
    };
    let inputs = match crate::inputs::expand(&args.files) {
        Ok(inputs) => inputs,
        Err(message) => return failure(message),
    };
    let assess_file = |file: &PathBuf| -> Result<Assessment, String> {
        let name = shown_name(file, &args.stdin_filename);
        let questionnaire = load_questionnaire(file, &name, options)?;
        let mut assessment = assess::assess(&questionnaire, &rubric, &name);
        assessment.gate = gates.check(&assessment);
        Ok(assessment)
    };
    let results = each_file(&inputs.files, assess_file);
    let mut problems = String::new();
    let mut assessments = Vec::with_capacity(results.len());
    for result in results {
        match result {
            Ok(assessment) => assessments.push(assessment),
            Err(message) => problems.push_str(&message),
        }
    }
    if assessments.is_empty() {
        return failure(problems);
    }
    // The worst wins: an input that could not be assessed, then a failed gate.
    let gate_failed = assessments
        .iter()
        .any(|a| a.gate.as_ref().is_some_and(|g| !g.passed));
    let code = if !problems.is_empty() {
        exit::INVALID
    } else if gate_failed {
        exit::GATE_FAILED
    } else {
        exit::OK
    };
    let color = env.color && args.output.is_none();
    let summary_file = env.step_summary.as_ref().filter(|_| !args.no_step_summary);
    // The job summary is always Markdown; it is rendered only when asked for.
    let (stdout, summary) = if inputs.several {
        let portfolio = Portfolio::new(assessments);
        let summary = summary_file.map(|_| render::portfolio::markdown(&portfolio, args.detail));
        let report = match format {
            Format::Table => Report::Text(render::portfolio::table(
                &portfolio,
                env.width,
                color,
                args.detail,
            )),
            Format::Markdown => Report::Text(render::portfolio::markdown(&portfolio, args.detail)),
            Format::Json => Report::PortfolioJson(portfolio),
        };
        (report, summary)
    } else {
        let assessment = &assessments[0];
        let text = match format {
            Format::Table => render::table::render(assessment, env.width, color),
            Format::Markdown => render::markdown::render(assessment),
            Format::Json => render::json::render(assessment),
        };
        (
            Report::Text(text),
            summary_file.map(|_| render::markdown::render(assessment)),
        )
    };
    let mut stderr = problems;
    if let (Some(path), Some(summary)) = (summary_file, summary) {
        if let Err(message) = crate::output::append(path, &summary) {
            let _ = writeln!(stderr, "warning: {message}");
        }
    }
    match &args.output {
        None => Output {
            stdout,
            stderr,
            code,
        },
        Some(path) => {
            match crate::output::write_whole(path, Replace::Allowed, |out| stdout.write_to(out)) {
                Ok(()) => Output {
                    stdout: Report::default(),
                    stderr,
                    code,
                },
                Err(message) => failure(format!("{stderr}{message}\n")),
            }
        }
    }
}

fn validate_command(args: &ValidateArgs, env: &Environment) -> Output {
    let options = LoadOptions {
        as_of: args.as_of,
        today: env.today,
    };
    let inputs = match crate::inputs::expand(&args.files) {
        Ok(inputs) => inputs,
        Err(message) => return failure(message),
    };
    let check = |file: &PathBuf| {
        let name = shown_name(file, &args.stdin_filename);
        load_questionnaire(file, &name, options).map(|_| format!("{name}: valid\n"))
    };
    let results = each_file(&inputs.files, check);
    let (mut valid, mut output) = (String::new(), Output::default());
    for result in results {
        match result {
            Ok(line) => valid.push_str(&line),
            Err(message) => {
                output.stderr.push_str(&message);
                output.code = exit::INVALID;
            }
        }
    }
    output.stdout = Report::Text(valid);
    output
}

/// `work` done for every file, the results in input order. Several files are
/// worked on in parallel and collected in order, so the output never depends
/// on how many cores did the work. One file skips the thread pool: starting
/// its threads costs more than the work.
fn each_file<T: Send>(files: &[PathBuf], work: impl Fn(&PathBuf) -> T + Sync + Send) -> Vec<T> {
    if files.len() > 1 {
        files.par_iter().map(work).collect()
    } else {
        files.iter().map(work).collect()
    }
}

/// The name a questionnaire is shown by: its path, or the name given for `-`.
fn shown_name(path: &Path, stdin_name: &str) -> String {
    if path.as_os_str() == "-" {
        stdin_name.to_owned()
    } else {
        path.display().to_string()
    }
}

/// Reads and loads a questionnaire (`-` is standard input); on failure,
/// every problem, rendered.
pub fn load_questionnaire(
    path: &Path,
    name: &str,
    options: LoadOptions,
) -> Result<Questionnaire, String> {
    let read = if path.as_os_str() == "-" {
        source::read_stdin()
    } else {
        source::read_text(path)
    };
    let text = read.map_err(|d| render_all(name, None, &[d]))?;
    questionnaire::load(&text, options).map_err(|problems| render_all(name, Some(&text), &problems))
}

/// The rubric at `path`, or the default one.
pub fn load_rubric(path: Option<&Path>) -> Result<Rubric, String> {
    let Some(path) = path else {
        return rubric::default_rubric()
            .map_err(|p| render_all("rubrics/default.toml", Some(rubric::DEFAULT_TOML), &p));
    };
    let name = path.display().to_string();
    let text = source::read_text(path).map_err(|d| render_all(&name, None, &[d]))?;
    rubric::parse(&text).map_err(|problems| render_all(&name, Some(&text), &problems))
}

fn render_all(name: &str, text: Option<&str>, problems: &[Diagnostic]) -> String {
    let mut out = String::new();
    for problem in problems {
        out.push_str(&problem.render(name, text));
        out.push('\n');
    }
    out
}

fn success(stdout: String) -> Output {
    Output {
        stdout: Report::Text(stdout),
        ..Output::default()
    }
}

fn failure(stderr: String) -> Output {
    Output {
        stdout: Report::default(),
        stderr,
        code: exit::INVALID,
    }
}
