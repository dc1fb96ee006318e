//! Helpers shared by the integration tests: run the binary, load and assess text.

use readiness::assessment::Assessment;
use readiness::date::Date;
use readiness::load::questionnaire::{self, LoadOptions};
use readiness::rubric;
use std::fmt::Write as _;
use std::path::Path;
use std::process::{Command, Stdio};
use tempfile::TempDir;

/// Variables of the environment that would change what the binary prints.
const OUTSIDE_INFLUENCES: &[&str] = &[
    "GITHUB_STEP_SUMMARY",
    "CLICOLOR_FORCE",
    "CLICOLOR",
    "NO_COLOR",
    "RUST_BACKTRACE",
    "COLUMNS",
];

/// A command for the binary, shielded from the caller's environment.
fn binary() -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_readiness"));
    for name in OUTSIDE_INFLUENCES {
        command.env_remove(name);
    }
    command
}

/// What a run of the binary printed, and its exit code.
pub(crate) struct Run {
    pub stdout: String,
    pub stderr: String,
    pub code: i32,
}

/// Runs `readiness` with `args` from the repository root, with no terminal.
pub(crate) fn run(args: &[&str]) -> Run {
    run_in(env!("CARGO_MANIFEST_DIR"), args)
}

/// Runs `readiness` with `args`, which need not be UTF-8, from the repository root.
pub(crate) fn run_os(args: &[&std::ffi::OsStr]) -> Run {
    binary()
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .args(args)
        .stdin(Stdio::null())
        .output()
        .expect("the binary runs")
        .into()
}

impl From<std::process::Output> for Run {
    fn from(output: std::process::Output) -> Run {
        Run {
            stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
            code: output.status.code().unwrap_or(-1),
        }
    }
}

/// The date the test questionnaires are assessed on, unless they say otherwise.
pub(crate) fn test_date() -> Date {
    Date::parse("2026-11-20").expect("a real date")
}

/// Loads and assesses YAML text with the default rubric.
pub(crate) fn assess(yaml: &str) -> Assessment {
    let options = LoadOptions {
        as_of: None,
        today: test_date(),
    };
    let q = questionnaire::load(yaml, options)
        .unwrap_or_else(|p| panic!("invalid test questionnaire: {p:?}\n{yaml}"));
    let rubric = rubric::default_rubric();
    readiness::assess::assess(&q, &rubric, "test.yaml")
}

/// The ids of the findings that fired.
pub(crate) fn fired(a: &Assessment) -> Vec<&str> {
    a.findings.iter().map(|f| f.id.into()).collect()
}

/// A questionnaire with `body` after the organization, assessed.
pub(crate) fn of(body: &str) -> Assessment {
    assess(&doc(body))
}

/// The finding `id` of `a`; the test fails when it did not fire.
pub(crate) fn finding(a: &Assessment, id: &str) -> readiness::assessment::Finding {
    a.findings
        .iter()
        .find(|f| <&str>::from(f.id) == id)
        .cloned()
        .unwrap_or_else(|| panic!("{id} did not fire: {:?}", fired(a)))
}

/// Whether finding `id` fires for `body`.
pub(crate) fn fires(body: &str, id: &str) -> bool {
    fired(&of(body)).contains(&id)
}

/// The findings added with the keys for real cases (rules 2.4).
pub(crate) const REAL_CASE_FINDINGS: [&str; 6] = [
    "no-human-oversight",
    "unassessed-impact",
    "open-incident",
    "unanchored-pilot",
    "unserved-problem",
    "incomplete-inventory",
];

/// The shipped examples, sorted by name.
pub(crate) fn examples() -> Vec<String> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples");
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .expect("examples/ exists")
        .filter_map(std::result::Result::ok)
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| {
            std::path::Path::new(n)
                .extension()
                .is_some_and(|e| e == "yaml")
        })
        .collect();
    names.sort();
    names
}

/// The default rubric with some `key = value` lines replaced.
pub(crate) fn rubric_with(changes: &[(&str, &str)]) -> readiness::rubric::Rubric {
    let mut text = rubric::DEFAULT_TOML.to_owned();
    for (key, value) in changes {
        let start = text
            .find(&format!("\n{key} = "))
            .unwrap_or_else(|| panic!("no {key} in the rubric"))
            + 1;
        let end = start + text[start..].find('\n').expect("line end");
        text.replace_range(start..end, &format!("{key} = {value}"));
    }
    rubric::parse(&text).unwrap_or_else(|p| panic!("{p:?}"))
}

/// Loads and assesses YAML text with the given rubric.
pub(crate) fn assess_with(yaml: &str, rubric: &readiness::rubric::Rubric) -> Assessment {
    let options = LoadOptions {
        as_of: None,
        today: test_date(),
    };
    let q = questionnaire::load(yaml, options)
        .unwrap_or_else(|p| panic!("invalid test questionnaire: {p:?}\n{yaml}"));
    readiness::assess::assess(&q, rubric, "test.yaml")
}

/// A questionnaire assessed on 2026-11-20 with `body` after the organization.
pub(crate) fn doc(body: &str) -> String {
    format!("version: 1\norganization:\n  name: Test Org\n  assessed: 2026-11-20\n{body}")
}

/// A pilots list, one `- name: pN` item per entry, each entry's keys in flow style.
pub(crate) fn pilots(entries: &[&str]) -> String {
    let mut out = String::from("implementation:\n  pilots:\n");
    for (i, entry) in entries.iter().enumerate() {
        let _ = writeln!(out, "    - {{ name: p{i}, {entry} }}");
    }
    out
}

/// Runs `readiness` with `args` from `dir`, with no terminal.
pub(crate) fn run_in(dir: &str, args: &[&str]) -> Run {
    run_in_env(dir, args, &[])
}

/// Runs `readiness` with `args` from `dir` with these variables set.
pub(crate) fn run_in_env(dir: &str, args: &[&str], variables: &[(&str, &str)]) -> Run {
    binary()
        .args(args)
        .envs(variables.iter().copied())
        .current_dir(dir)
        .stdin(Stdio::null())
        .output()
        .expect("the binary runs")
        .into()
}

/// A fresh directory of the test's own, removed when the guard drops, so that
/// tests running in parallel, or a run after a failed one, share no files.
/// It sits in Cargo's directory for test files, inside the project, so that
/// `GIT_CEILING_DIRECTORIES` set to that directory keeps git from looking
/// above a scratch directory, and the filesystem takes the device nodes and
/// FIFOs some tests make.
pub(crate) fn scratch_dir() -> TempDir {
    tempfile::Builder::new()
        .prefix("scratch-")
        .tempdir_in(env!("CARGO_TARGET_TMPDIR"))
        .expect("scratch directory")
}

/// The path of a scratch directory as text, for arguments and file names.
pub(crate) fn path_of(dir: &TempDir) -> &str {
    dir.path().to_str().expect("a UTF-8 scratch path")
}

/// Runs `readiness` with `args`, feeding `input` on standard input.
pub(crate) fn run_with_stdin(args: &[&str], input: &[u8]) -> Run {
    use std::io::Write;
    let mut child = binary()
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary runs");
    let mut stdin = child.stdin.take().expect("stdin");
    // The binary may stop reading early (a size cap); a broken pipe is fine.
    let _ = stdin.write_all(input);
    drop(stdin);
    child.wait_with_output().expect("the binary ends").into()
}

/// `text` with every run of whitespace made one space: what a wrapped
/// terminal report says, whatever the width it was wrapped to.
pub(crate) fn unwrapped(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Runs git in `dir` as a fixed author; fails the test when git fails.
pub(crate) fn git(dir: &str, args: &[&str]) {
    git_at(dir, args, None);
}

/// Commits everything in `dir` with `message`, dated `date` (`YYYY-MM-DD`,
/// noon UTC) for author and committer alike, so that histories repeat.
pub(crate) fn commit_on(dir: &str, date: &str, message: &str) {
    git(dir, &["add", "--all"]);
    git_at(
        dir,
        &["commit", "--quiet", "--allow-empty", "-m", message],
        Some(&format!("{date}T12:00:00Z")),
    );
}

fn git_at(dir: &str, args: &[&str], date: Option<&str>) {
    let mut command = Command::new("git");
    command
        .args([
            "-c",
            "user.name=readiness",
            "-c",
            "user.email=readiness@example.org",
            "-c",
            "init.defaultBranch=main",
        ])
        .args(args)
        .current_dir(dir);
    if let Some(date) = date {
        command
            .env("GIT_AUTHOR_DATE", date)
            .env("GIT_COMMITTER_DATE", date);
    }
    let output = command.output().expect("git runs");
    assert!(
        output.status.success(),
        "git {args:?}: {}",
        String::from_utf8_lossy(&output.stderr)
    );
}
