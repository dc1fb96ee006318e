//! The `readiness` binary: parse the arguments, run, print, exit.

use anstream::ColorChoice;
use readiness::command::args::{self, ColorWhen};
use readiness::command::{self, Environment, ExitStatus};
use readiness::date::Date;
use std::io::{IsTerminal, Write};
use std::process::ExitCode;

/// The table's width when standard output is not a terminal, so that piped
/// and redirected output is the same on every machine.
const PLAIN_WIDTH: u16 = 100;

/// mimalloc rather than the system allocator: assessing thousands of files
/// on several threads, glibc grew each thread's heap tens of thousands of
/// times (one `mprotect` call each) and spent about a fifth of the run in
/// malloc and free. It asks for transparent huge pages, which the run
/// allows only once it reads a large questionnaire on its own
/// (`command::pages`).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// The width to lay the report out for: `COLUMNS` when set to a usable
/// number (as `ls` and `git` honour it), else the terminal's, else the
/// plain width. Narrower than 40 columns, nothing reads well; wider than
/// 1000, nobody reads across.
fn output_width(terminal: bool) -> u16 {
    let columns = std::env::var("COLUMNS")
        .ok()
        .and_then(|c| c.trim().parse::<u16>().ok());
    let width = match columns {
        Some(columns) => columns,
        None if terminal => comfy_table::Table::new().width().unwrap_or(PLAIN_WIDTH),
        None => PLAIN_WIDTH,
    };
    width.clamp(40, 1000)
}

/// Where the report goes: standard output. On Unix, through a handle of
/// its own on the same file, written as given: Rust's own handle looks back
/// through each write for its last line end, to pass whole lines on, and a
/// portfolio's JSON is one line of hundreds of megabytes, so every byte of
/// it was read once more (2.4 % of the run's instructions). The report is
/// written in large pieces either way. Unlike Rust's own handle, this one
/// does not pass a write to a descriptor open only for reading as done: a
/// report that went nowhere is an error. (A closed standard output is
/// reopened on /dev/null before `main`, so writing to it still succeeds.)
/// Where no handle can be had (no descriptor left, or another system),
/// Rust's own.
fn report_output() -> Box<dyn Write> {
    #[cfg(unix)]
    {
        use std::os::fd::AsFd;
        if let Ok(own) = std::io::stdout().as_fd().try_clone_to_owned() {
            return Box::new(std::fs::File::from(own));
        }
    }
    Box::new(std::io::stdout().lock())
}

/// `CLICOLOR_FORCE=0` forces nothing, by the convention the variable comes
/// from; anstream (and clap through it) reads any value as forcing colour,
/// so a `0` is taken out of the environment before anything reads it. Done
/// first in `main`, before any thread exists to read the environment too.
fn unforce_colour() {
    if std::env::var_os("CLICOLOR_FORCE").is_some_and(|v| v == "0") {
        std::env::remove_var("CLICOLOR_FORCE");
    }
}

fn main() -> ExitCode {
    unforce_colour();
    command::pages::start_small();
    command::interrupt::install();
    let arguments: Vec<_> = std::env::args_os().collect();
    let cli = args::parse_command_line(&arguments).unwrap_or_else(|e| e.exit());
    let choice = match cli.color {
        ColorWhen::Auto => ColorChoice::Auto,
        ColorWhen::Always => ColorChoice::Always,
        ColorWhen::Never => ColorChoice::Never,
    };
    choice.write_global();
    // anstream settles "auto" from NO_COLOR, CLICOLOR, CLICOLOR_FORCE and the terminal.
    let color = matches!(
        anstream::AutoStream::choice(&std::io::stdout()),
        ColorChoice::Always | ColorChoice::AlwaysAnsi
    );
    let width = output_width(std::io::stdout().is_terminal());
    let output = command::run(
        cli,
        &Environment {
            today: Date::today(),
            width,
            color,
            step_summary: std::env::var_os("GITHUB_STEP_SUMMARY")
                .filter(|v| !v.is_empty())
                .map(Into::into),
            // Unreadable only when the directory was removed under us; then
            // locations stay as given.
            working_directory: std::env::current_dir().unwrap_or_default(),
            stdout: report_output,
        },
    );
    let mut stderr = output.stderr;
    let mut code = output.code;
    // A closed pipe (`readiness assess x | head`) is not an error worth a
    // message; any other failure to write the report is.
    let mut stdout =
        std::io::BufWriter::with_capacity(output.stdout.buffer_size(), report_output());
    let written = output
        .stdout
        .write_to(&mut stdout)
        .and_then(|()| stdout.flush());
    drop(stdout);
    // The report is written and the process ends with this function:
    // freeing a large report allocation by allocation (hundreds of
    // thousands for ten thousand pilots) only delays the exit.
    std::mem::forget(output.stdout);
    if let Some(failure) = written
        .err()
        .and_then(|e| command::standard_output_failure(&e))
    {
        stderr.push_str(&failure);
        code = ExitStatus::Invalid;
    }
    // The job summary only after the report, so it can never hold the report up.
    if let Some(summary) = output.step_summary {
        if let Err(warning) = summary.append() {
            stderr.push_str(&warning);
        }
    }
    // Messages quote outside text too: no line of them may start a workflow command.
    let stderr = readiness::render::lines::guarded(&stderr);
    // Standard error closed: there is nowhere left to say anything.
    std::io::stderr().write_all(stderr.as_bytes()).ok();
    code.into()
}
