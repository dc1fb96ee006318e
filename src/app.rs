//! Runs a parsed command and decides what is printed and the exit code.
//! The library never prints; `main` writes out what this returns.

use crate::cli::{AssessArgs, Cli, Command, Format, RubricAction, ValidateArgs};
use crate::date::Date;
use crate::diagnostic::Diagnostic;
use crate::questionnaire::{self, LoadOptions, Questionnaire};
use crate::render;
use crate::rubric::{self, Rubric};
use crate::{assess, source};
use std::path::Path;

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
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Output {
    pub stdout: String,
    pub stderr: String,
    pub code: i32,
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

pub fn run(cli: Cli, env: Environment) -> Output {
    match cli.command {
        Command::Assess(args) => assess_command(&args, &env),
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

fn rubric_command(action: &RubricAction, env: Environment) -> Output {
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
    if path.exists() && !force {
        return failure(format!(
            "{}: already exists; add --force to overwrite it\n",
            path.display()
        ));
    }
    match crate::output::write_whole(path, &template) {
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
    let name = shown_name(&args.file, &args.stdin_filename);
    let questionnaire = match load_questionnaire(&args.file, &name, options) {
        Ok(q) => q,
        Err(message) => return failure(message),
    };
    let mut assessment = assess::assess(&questionnaire, &rubric, &name);
    assessment.gate = gates.check(&assessment);
    let code = match &assessment.gate {
        Some(gate) if !gate.passed => exit::GATE_FAILED,
        _ => exit::OK,
    };
    let stdout = match format {
        Format::Table => {
            render::table::render(&assessment, env.width, env.color && args.output.is_none())
        }
        Format::Markdown => render::markdown::render(&assessment),
        Format::Json => render::json::render(&assessment),
    };
    let mut warnings = String::new();
    if let (Some(summary), false) = (&env.step_summary, args.no_step_summary) {
        if let Err(message) = crate::output::append(summary, &render::markdown::render(&assessment))
        {
            warnings.push_str(&format!("warning: {message}\n"));
        }
    }
    let output = match &args.output {
        None => Output {
            stdout,
            stderr: String::new(),
            code,
        },
        Some(path) => match crate::output::write_whole(path, &stdout) {
            Ok(()) => Output {
                code,
                ..Output::default()
            },
            Err(message) => failure(format!("{message}\n")),
        },
    };
    Output {
        stderr: format!("{}{warnings}", output.stderr),
        ..output
    }
}

fn validate_command(args: &ValidateArgs, env: Environment) -> Output {
    let options = LoadOptions {
        as_of: args.as_of,
        today: env.today,
    };
    let mut output = Output::default();
    for file in &args.files {
        let name = shown_name(file, &args.stdin_filename);
        match load_questionnaire(file, &name, options) {
            Ok(_) => output.stdout.push_str(&format!("{name}: valid\n")),
            Err(message) => {
                output.stderr.push_str(&message);
                output.code = exit::INVALID;
            }
        }
    }
    output
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
        stdout,
        ..Output::default()
    }
}

fn failure(stderr: String) -> Output {
    Output {
        stdout: String::new(),
        stderr,
        code: exit::INVALID,
    }
}
