//! The command line: commands, options and their help, as clap parses them.

use crate::date::Date;
use crate::gate::{add_once, FailCondition, Gates};
use crate::suggest::closest;
use crate::vocabulary::{FailOn, FindingId, Format, Word};
use clap::builder::{PossibleValue, PossibleValuesParser, TypedValueParser};
use clap::{Parser, Subcommand, ValueEnum};
use std::ffi::OsString;
use std::path::{Path, PathBuf};

/// The command line, parsed; else what to print: the help or the version
/// (`clap::Error::exit` prints them and exits 0), or a mistake (printed,
/// exit 2). A mistake is clap's message with every argument quoted as the
/// tool prints outside text (`diagnostic::shown_path`: control, bidi and
/// invisible characters escaped, bytes that are not UTF-8 as `\xNN`, a
/// leading `::` behind `./`), so that no argument can break the message's
/// lines, write an escape sequence or start a workflow command: it is
/// clap's message for the arguments so quoted. Quoting keeps a mistake a mistake (an
/// escape adds a backslash where none was), except where it makes a value
/// valid: a value that is not UTF-8 for an option that takes text (then
/// the message names every argument that is not UTF-8, quoted), or a name
/// that is only a line break (then the first message, its arguments
/// written quoted).
pub fn parse_command_line(args: &[OsString]) -> Result<Cli, clap::Error> {
    let error = match Cli::try_parse_from(args) {
        Ok(cli) => return Ok(cli),
        Err(error) if !error.use_stderr() => return Err(error),
        Err(error) => error,
    };
    let quoted = args
        .iter()
        .map(|arg| crate::diagnostic::shown_path(Path::new(arg)));
    // Quoted, the arguments are still a mistake, save for that one case.
    Cli::try_parse_from(quoted)?;
    if error.kind() == clap::error::ErrorKind::InvalidUtf8 {
        // Clap says only that some argument is not UTF-8. Paths need not be,
        // so every one that is not is named, and the rule said.
        let not_utf8: Vec<String> = args
            .iter()
            .filter(|arg| arg.to_str().is_none())
            .map(|arg| format!("'{}'", crate::diagnostic::shown_path(Path::new(arg))))
            .collect();
        let message = format!(
            "a name or text must be UTF-8 (a path need not be); not UTF-8: {}\n",
            not_utf8.join(", ")
        );
        return Err(clap::Error::raw(error.kind(), message));
    }
    // Any other message, with each argument clap quotes in it (`'value'`)
    // written as the tool quotes it (the longest first, as a shorter one may
    // be part of it), then line by line as outside text.
    let mut quoted: Vec<(&str, String)> = args
        .iter()
        .filter_map(|arg| arg.to_str())
        .map(|arg| (arg, crate::diagnostic::shown_path(Path::new(arg))))
        .filter(|(arg, shown)| arg != shown)
        .collect();
    quoted.sort_by_key(|(arg, _)| std::cmp::Reverse(arg.len()));
    let mut message = error.render().to_string();
    for (arg, shown) in &quoted {
        message = message.replace(&format!("'{arg}'"), &format!("'{shown}'"));
    }
    let message = message.strip_prefix("error: ").unwrap_or(&message);
    let lines: Vec<_> = message
        .trim_end()
        .lines()
        .map(crate::diagnostic::escaped)
        .collect();
    let safe = crate::render::lines::guarded(&lines.join("\n"));
    Err(clap::Error::raw(error.kind(), safe + "\n"))
}

#[derive(Debug, Parser)]
#[command(
    name = "readiness",
    version,
    about = "How ready an organization is for AI, and what to do next",
    long_about = "Scores an organization's AI strategy and AI implementation, described in a YAML \
                  questionnaire, against a rubric: scores, maturity level, quadrant, pilot purgatory, \
                  misconceptions, the focus, and ranked recommendations, each with evidence from the file."
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
    /// When to colour the table: auto follows `NO_COLOR`, CLICOLOR, `CLICOLOR_FORCE` and the terminal
    #[arg(long, value_enum, global = true, default_value_t = ColorWhen::Auto, value_name = "WHEN")]
    pub color: ColorWhen,
}

/// The `--color` choices.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorWhen {
    Auto,
    Always,
    Never,
}

// Each subcommand's arguments are built only when it is the one run:
// building every subcommand's cost a one-file assessment 68,000
// instructions and some 17 page faults in code it never ran.
#[derive(Debug, Subcommand)]
#[command(defer = true)]
pub enum Command {
    /// Assess a questionnaire and print the report
    Assess(AssessArgs),
    /// Check questionnaires against the format, print every problem, score nothing
    Validate(ValidateArgs),
    /// Compare two assessments of an organization: what moved, what was resolved, what is new
    Diff(DiffArgs),
    /// Assess every committed version of a questionnaire and show the trend
    History(HistoryArgs),
    /// Show, check or export a rubric
    Rubric {
        #[command(subcommand)]
        action: RubricAction,
    },
    /// What a criterion or finding id means, what triggers it, how to improve; with no id, every finding
    Explain {
        /// A criterion or finding id, as `rubric show` lists them; without it, every finding is listed
        id: Option<String>,
        /// How to print the list of findings (without ID) [default: table]
        #[arg(long, value_name = "FORMAT", conflicts_with = "id", value_parser = word_of::<Format>(&[
            "A plain-text table, for a terminal",
            "A Markdown table",
            "JSON, for programs",
        ]))]
        format: Option<Format>,
        /// Explain against this rubric (TOML) instead of the one readiness.toml names, or the default one
        #[arg(long, value_name = "FILE")]
        rubric: Option<PathBuf>,
        /// The settings file whose rubric and accepted risks to use (default: the nearest readiness.toml, from here up to the repository's root)
        #[arg(long, value_name = "FILE")]
        config: Option<PathBuf>,
        /// Read no settings file
        #[arg(long, conflicts_with = "config")]
        no_config: bool,
        /// The date the acceptances are judged on, instead of today
        #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
        as_of: Option<Date>,
    },
    /// Governance frameworks the rubric maps to: the list, one framework's ids, or the coverage view of questionnaires
    ///
    /// Without ID, the frameworks the rubric declares; with ID, each of that framework's ids with what the rubric maps to it; with ID and questionnaires, for every id the findings that fired on it, the dimension scores behind it, no finding, or not assessed by this rubric. A reference is evidence about a control, never a judgement that it is met.
    Frameworks(FrameworksArgs),
    /// Print the questionnaire's JSON Schema, for editors (with --report, the JSON report's)
    Schema {
        /// Print the JSON report's schema instead, for programs that read `--format json` (`--format codeclimate` follows GitLab's Code Quality format, `--format junit` the XML schema of Jenkins' xUnit plugin, `junit-10.xsd`)
        #[arg(long)]
        report: bool,
    },
    /// Write a commented starter questionnaire (to standard output without FILE)
    Init {
        /// Where to write it
        file: Option<PathBuf>,
        /// Overwrite FILE if it exists
        #[arg(long)]
        force: bool,
    },
    /// Print a shell completion script
    Completions {
        /// The shell to complete for
        shell: clap_complete::Shell,
    },
}

#[derive(Debug, Subcommand)]
#[command(defer = true)]
pub enum RubricAction {
    /// Show the rubric in use: dimensions, criteria, weights, thresholds
    Show {
        /// Show this rubric (TOML) instead of the one readiness.toml names, or the default one
        #[arg(long, value_name = "FILE")]
        rubric: Option<PathBuf>,
        /// Read settings (the rubric) from this file instead of the nearest readiness.toml (searched from here up to the repository's root)
        #[arg(long, value_name = "FILE")]
        config: Option<PathBuf>,
        /// Read no settings file: show --rubric's rubric or the default one
        #[arg(long, conflicts_with = "config")]
        no_config: bool,
    },
    /// Check a rubric file; exit 0 when valid, else 2
    Check {
        /// The rubric (TOML)
        file: PathBuf,
    },
    /// Print the default rubric's TOML, as a starting point for your own
    Export,
}

// Each flag is a clap switch: `--detail`, `--portfolio`, `--no-step-summary`,
// `--fail-on-regression`; an enum would not read as the command line does.
#[allow(clippy::struct_excessive_bools)]
#[derive(Debug, clap::Args)]
pub struct AssessArgs {
    /// The questionnaires (YAML); a directory means every *.yaml and *.yml in it; `-` reads standard input
    #[arg(required = true)]
    pub files: Vec<PathBuf>,
    /// With several questionnaires, add each organization's full report after the portfolio
    #[arg(long)]
    pub detail: bool,
    /// The name to show for standard input in reports and messages
    #[arg(long, value_name = "NAME", default_value = "<stdin>", value_parser = parse_name)]
    pub stdin_filename: String,
    /// How to print the report [default: table, or `format` in readiness.toml]
    #[arg(long, value_parser = word_of::<Format>(&[
        "A table, for a person at a terminal",
        "A Markdown report, for leadership",
        "JSON report format 1, for programs",
        "SARIF 2.1.0, for GitHub code scanning and other code-scanning tools",
        "GitHub Actions annotations on the questionnaire's lines",
        "GitLab Code Quality (Code Climate issues), one per finding and pilot",
        "JUnit XML, one test case per gate check, for Jenkins, Azure Pipelines and Buildkite",
        "One self-contained HTML page, for leadership, to read on any screen or print",
    ]))]
    pub format: Option<Format>,
    /// Do not append the Markdown report to $`GITHUB_STEP_SUMMARY`
    #[arg(long)]
    pub no_step_summary: bool,
    /// Read settings from this file instead of the nearest readiness.toml (searched from here up to the repository's root)
    #[arg(long, value_name = "FILE")]
    pub config: Option<PathBuf>,
    /// Read no settings file: only the flags set gates
    #[arg(long, conflicts_with = "config")]
    pub no_config: bool,
    /// Write the report to this file instead of standard output (whole or not at all)
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Use this rubric (TOML) instead of the default one
    #[arg(long, value_name = "FILE")]
    pub rubric: Option<PathBuf>,
    /// The assessment date, where the questionnaire gives none
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
    pub as_of: Option<Date>,
    /// Report as a portfolio whatever the number of inputs, so that the shape of the JSON never depends on how many files a glob matched (a directory always is one)
    #[arg(long)]
    pub portfolio: bool,
    /// Gate: exit 1 when the overall score is below N
    #[arg(long, value_name = "N", value_parser = parse_threshold, allow_negative_numbers = true)]
    pub fail_under: Option<f64>,
    /// Gate: exit 1 when the strategy score is below N
    #[arg(long, value_name = "N", value_parser = parse_threshold, allow_negative_numbers = true)]
    pub min_strategy: Option<f64>,
    /// Gate: exit 1 when the implementation score is below N
    #[arg(long, value_name = "N", value_parser = parse_threshold, allow_negative_numbers = true)]
    pub min_implementation: Option<f64>,
    /// Gate: exit 1 when completeness is below N
    #[arg(long, value_name = "N", value_parser = parse_threshold, allow_negative_numbers = true)]
    pub min_completeness: Option<f64>,
    /// The earlier assessment to compare with, shown in every format: a questionnaire, a JSON report, or git:REV (this file at a git revision, such as git:origin/main)
    #[arg(long, value_name = "REF")]
    pub baseline: Option<String>,
    /// Gate: exit 1 when, against the baseline, a score's low end falls by more than --tolerance, the level or quadrant falls, or a critical finding is new
    #[arg(long)]
    pub fail_on_regression: bool,
    /// How many points a score may fall before the regression gate fails [default: 0]
    #[arg(long, value_name = "N", value_parser = parse_threshold)]
    pub tolerance: Option<f64>,
    /// Gate: exit 1 when purgatory is stuck, a finding this severe or worse fired, the finding with this id fired (`readiness explain` lists the ids), or a finding mapped to this framework reference fired (nist-ai-rmf:MEASURE-2.4; `readiness frameworks` lists them); repeat the flag or separate values with commas
    #[arg(long, value_name = "WHAT", value_delimiter = ',', action = clap::ArgAction::Append, value_parser = FailConditionParser)]
    pub fail_on: Vec<FailCondition>,
    /// Add a "Framework view" of this framework to the report (table and Markdown): what the assessment shows for each of its ids, grouped by function, clause or chapter; repeat for several [default: `framework` in readiness.toml]
    #[arg(long, value_name = "ID")]
    pub framework: Vec<String>,
}

/// `--fail-on`'s parser: the three levels, with their help, and every
/// finding id, accepted and completed but kept out of `--help`'s list; an
/// unknown value is told what is allowed and the nearest word.
#[derive(Clone)]
struct FailConditionParser;

impl TypedValueParser for FailConditionParser {
    type Value = FailCondition;

    fn parse_ref(
        &self,
        cmd: &clap::Command,
        arg: Option<&clap::Arg>,
        value: &std::ffi::OsStr,
    ) -> Result<FailCondition, clap::Error> {
        let word = value.to_string_lossy();
        FailCondition::parse(word.trim()).ok_or_else(|| {
            let hint = closest(word.trim(), &FailCondition::words())
                .map(|n| format!("; did you mean \"{n}\"?"))
                .unwrap_or_default();
            let flag = arg.map_or_else(|| "--fail-on".to_owned(), ToString::to_string);
            clap::Error::raw(
                clap::error::ErrorKind::InvalidValue,
                format!(
                    "{flag}: \"{word}\" is not a choice; expected {}{hint}\n",
                    FailCondition::ALLOWED
                ),
            )
            .with_cmd(cmd)
        })
    }

    fn possible_values(&self) -> Option<Box<dyn Iterator<Item = PossibleValue> + '_>> {
        let levels = FailOn::words().iter().zip([
            "Purgatory status is `stuck`",
            "A critical finding fired",
            "A warning or critical finding fired",
        ]);
        let values = levels
            .map(|(word, help)| PossibleValue::new(*word).help(help))
            .chain(
                FindingId::words()
                    .iter()
                    .map(|word| PossibleValue::new(*word).hide(true)),
            );
        Some(Box::new(values))
    }
}

impl AssessArgs {
    pub fn gates(&self) -> Gates {
        Gates {
            fail_under: self.fail_under,
            min_strategy: self.min_strategy,
            min_implementation: self.min_implementation,
            min_completeness: self.min_completeness,
            fail_on: self.fail_on.iter().fold(Vec::new(), |mut list, c| {
                add_once(&mut list, c.clone());
                list
            }),
            baseline: self.baseline.clone(),
            // Whether the regression gate is on is decided with the settings
            // file, which may turn it on too.
            tolerance: self.tolerance,
        }
    }
}

#[derive(Debug, clap::Args)]
pub struct ValidateArgs {
    /// The questionnaires (YAML); a directory means every *.yaml and *.yml in it; `-` reads standard input
    #[arg(required = true)]
    pub files: Vec<PathBuf>,
    /// The name to show for standard input in messages
    #[arg(long, value_name = "NAME", default_value = "<stdin>", value_parser = parse_name)]
    pub stdin_filename: String,
    /// The assessment date, where a questionnaire gives none
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
    pub as_of: Option<Date>,
}

#[derive(Debug, clap::Args)]
pub struct FrameworksArgs {
    /// A framework's id, such as nist-ai-rmf, iso-42001 or eu-ai-act (`readiness frameworks` lists them)
    pub id: Option<String>,
    /// Questionnaires (YAML) to show the coverage view of: per id, the findings that fired on it, the dimension scores behind it, no finding, or not assessed; a directory means every *.yaml and *.yml in it
    #[arg(requires = "id")]
    pub files: Vec<PathBuf>,
    /// Output format [default: table]
    #[arg(long, value_name = "FORMAT", value_parser = word_of::<Format>(&[
        "A plain-text table, for a terminal",
        "Markdown, grouped by the framework's functions, clauses or chapters",
        "JSON, for programs",
    ]))]
    pub format: Option<Format>,
    /// Use this rubric (TOML) instead of the one readiness.toml names, or the default one
    #[arg(long, value_name = "FILE")]
    pub rubric: Option<PathBuf>,
    /// Read settings (the rubric, accepted risks) from this file instead of the nearest readiness.toml (searched from here up to the repository's root)
    #[arg(long, value_name = "FILE")]
    pub config: Option<PathBuf>,
    /// Read no settings file: the rubric is --rubric's or the default one, and no risk is accepted
    #[arg(long, conflicts_with = "config")]
    pub no_config: bool,
    /// The assessment date, where a questionnaire gives none
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
    pub as_of: Option<Date>,
}

#[derive(Debug, clap::Args)]
pub struct DiffArgs {
    /// The earlier side: a questionnaire (YAML), a JSON report written by `assess --format json`, or git:REV (the other side's file at that revision) or git:REV:PATH
    pub old: PathBuf,
    /// The later side, the same way
    pub new: PathBuf,
    /// Output format [default: table]
    #[arg(long, value_name = "FORMAT", value_parser = some_of::<Format>(&[
        ("table", "A plain-text comparison, for a terminal"),
        ("markdown", "Markdown, short enough for a pull-request comment"),
        ("json", "JSON, for programs"),
        ("html", "One self-contained HTML page"),
    ]))]
    pub format: Option<Format>,
    /// Assess questionnaires with this rubric (TOML) instead of the one readiness.toml names, or the default one; a JSON report keeps its own
    #[arg(long, value_name = "FILE")]
    pub rubric: Option<PathBuf>,
    /// Read settings (the rubric) from this file instead of the nearest readiness.toml (searched from here up to the repository's root)
    #[arg(long, value_name = "FILE")]
    pub config: Option<PathBuf>,
    /// Read no settings file: the rubric is --rubric's or the default one
    #[arg(long, conflicts_with = "config")]
    pub no_config: bool,
    /// The assessment date, where a questionnaire gives none
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
    pub as_of: Option<Date>,
}

#[derive(Debug, clap::Args)]
pub struct HistoryArgs {
    /// The questionnaire (YAML) in a git repository; a directory means the history of every questionnaire in it
    pub path: PathBuf,
    /// Only the versions committed on or after this date
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
    pub since: Option<Date>,
    /// Only the latest N versions (after --since)
    #[arg(long, value_name = "N", value_parser = parse_count)]
    pub max: Option<u32>,
    /// Output format [default: table]
    #[arg(long, value_name = "FORMAT", value_parser = some_of::<Format>(&[
        ("table", "A plain-text table, for a terminal"),
        ("markdown", "Markdown with a line chart of the scores"),
        ("json", "JSON with the series, for programs"),
        ("html", "One self-contained HTML page with a line chart of the scores"),
    ]))]
    pub format: Option<Format>,
    /// Assess every version with this rubric (TOML) instead of the one readiness.toml names, or the default one
    #[arg(long, value_name = "FILE")]
    pub rubric: Option<PathBuf>,
    /// Read settings (the rubric) from this file instead of the nearest readiness.toml (searched from here up to the repository's root)
    #[arg(long, value_name = "FILE")]
    pub config: Option<PathBuf>,
    /// Read no settings file: the rubric is --rubric's or the default one
    #[arg(long, conflicts_with = "config")]
    pub no_config: bool,
}

/// A parser for a word of a closed set: its words are the vocabulary's, and
/// `help` says what each means, in the set's order, for `--help`.
fn word_of<T: Word + Send + Sync>(
    help: &'static [&'static str],
) -> impl TypedValueParser<Value = T> {
    let values = T::words()
        .iter()
        .zip(help)
        .map(|(word, help)| PossibleValue::new(*word).help(*help));
    PossibleValuesParser::new(values).try_map(|word| T::parse(&word).ok_or("not a choice"))
}

/// A parser for some of a closed set's words, each with its help.
fn some_of<T: Word + Send + Sync>(
    choices: &'static [(&'static str, &'static str)],
) -> impl TypedValueParser<Value = T> {
    let values = choices
        .iter()
        .map(|(word, help)| PossibleValue::new(*word).help(*help));
    PossibleValuesParser::new(values).try_map(|word| T::parse(&word).ok_or("not a choice"))
}

fn parse_threshold(text: &str) -> Result<f64, String> {
    match text.trim().parse::<f64>() {
        Ok(n) if (0.0..=100.0).contains(&n) => Ok(n),
        _ => Err("not a score; expected a number from 0 to 100".to_owned()),
    }
}

/// A number of versions, 1 or more; a count too large to hold keeps every
/// version, as the largest one does.
fn parse_count(text: &str) -> Result<u32, String> {
    let digits = text.trim();
    let whole = !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit());
    match digits.parse::<u32>() {
        Ok(0) => Err("would keep no version; expected a whole number, 1 or more".to_owned()),
        Ok(n) => Ok(n),
        Err(_) if whole => Ok(u32::MAX),
        Err(_) => Err("not a number of versions; expected a whole number, 1 or more".to_owned()),
    }
}

/// A name to show for standard input: something to show, as a
/// questionnaire's names must be.
fn parse_name(text: &str) -> Result<String, String> {
    if crate::diagnostic::shows_nothing(text) {
        Err(
            "a name shows nothing when it is empty or blank; expected a name such as org.yaml"
                .to_owned(),
        )
    } else {
        Ok(text.to_owned())
    }
}

fn parse_date(text: &str) -> Result<Date, String> {
    Date::parse(text).ok_or_else(|| "not a calendar date; expected YYYY-MM-DD".to_owned())
}
