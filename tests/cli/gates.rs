//! Gates for CI: each on both sides of its threshold, the exit code, and the
//! failed check listed in the report.

use crate::common::{run, unwrapped};
use serde_json::Value;

const NORTHWIND: &str = "examples/slide-deck-northwind-retail.yaml";
const HARBOR: &str = "examples/aligned-harbor-logistics.yaml";
const MILLBROOK: &str = "examples/early-millbrook-credit-union.yaml";
/// The closing line of a failed score gate.
const ADVICE: &str =
    "what to do: the report's recommendations, in order, say what would raise the scores";

fn json(file: &str, gate: &[&str]) -> (i32, Value) {
    let mut args = vec!["assess", file, "--format", "json"];
    args.extend(gate);
    let out = run(&args);
    (
        out.code,
        serde_json::from_str(&out.stdout).unwrap_or(Value::Null),
    )
}

fn score(file: &str, name: &str) -> f64 {
    json(file, &[]).1["scores"][name].as_f64().expect("a score")
}

#[test]
fn no_gate_means_gate_null_and_exit_0() {
    let (code, report) = json(NORTHWIND, &[]);
    assert_eq!(code, 0);
    assert_eq!(report["gate"], Value::Null);
}

#[test]
fn each_score_gate_at_its_threshold() {
    for (flag, name, file) in [
        ("--fail-under", "overall", NORTHWIND),
        ("--min-strategy", "strategy", NORTHWIND),
        ("--min-implementation", "implementation", NORTHWIND),
        (
            "--min-completeness",
            "completeness",
            "examples/partial-cedar-health.yaml",
        ),
    ] {
        let actual = score(file, name);
        let at = format!("{actual:.1}");
        let (code, report) = json(file, &[flag, &at]);
        assert_eq!(code, 0, "{flag} {at}");
        assert_eq!(report["gate"]["passed"], true);
        let above = format!("{:.1}", actual + 0.1);
        let (code, report) = json(file, &[flag, &above]);
        assert_eq!(code, 1, "{flag} {above}");
        let check = &report["gate"]["checks"][0];
        assert_eq!(
            check["name"],
            flag.trim_start_matches("--").replace('-', "_")
        );
        assert_eq!(
            check["threshold"].as_f64(),
            Some(actual + 0.1).map(|x| (x * 10.0).round() / 10.0)
        );
        assert_eq!(check["actual"].as_f64(), Some(actual));
        assert_eq!(check["passed"], false);
        assert_eq!(report["gate"]["passed"], false);
    }
}

#[test]
fn fail_on_purgatory_critical_and_warning() {
    // Northwind is stuck and has critical findings.
    assert_eq!(json(NORTHWIND, &["--fail-on", "purgatory"]).0, 1);
    assert_eq!(json(NORTHWIND, &["--fail-on", "critical"]).0, 1);
    // Millbrook is at risk with warnings only.
    assert_eq!(json(MILLBROOK, &["--fail-on", "purgatory"]).0, 0);
    assert_eq!(json(MILLBROOK, &["--fail-on", "critical"]).0, 0);
    let (code, report) = json(MILLBROOK, &["--fail-on", "warning"]);
    assert_eq!(code, 1);
    assert_eq!(report["gate"]["checks"][0]["actual"], "warning");
    // Harbor has no finding at all.
    let (code, report) = json(HARBOR, &["--fail-on", "warning"]);
    assert_eq!(code, 0);
    assert_eq!(report["gate"]["checks"][0]["actual"], "none");
}

#[test]
fn fail_on_a_finding_id_on_both_sides() {
    // Northwind's pilots are stale; they are not live, so none is unmonitored.
    let (code, report) = json(NORTHWIND, &["--fail-on", "stale-pilot"]);
    assert_eq!(code, 1);
    let check = &report["gate"]["checks"][0];
    assert_eq!(
        (
            &check["name"],
            &check["threshold"],
            &check["actual"],
            &check["passed"]
        ),
        (
            &Value::from("fail_on"),
            &Value::from("stale-pilot"),
            &Value::from("fired"),
            &Value::from(false)
        )
    );
    let (code, report) = json(NORTHWIND, &["--fail-on", "no-monitoring"]);
    assert_eq!(code, 0);
    assert_eq!(report["gate"]["checks"][0]["actual"], "not fired");
    assert_eq!(report["gate"]["passed"], true);
}

#[test]
fn fail_on_takes_several_values_repeated_or_with_commas_each_checked_once() {
    let thresholds = |report: &Value| -> Vec<String> {
        report["gate"]["checks"]
            .as_array()
            .expect("checks")
            .iter()
            .map(|c| c["threshold"].as_str().expect("a word").to_owned())
            .collect()
    };
    let (code, report) = json(
        MILLBROOK,
        &[
            "--fail-on",
            "purgatory,no-monitoring",
            "--fail-on",
            "purgatory",
        ],
    );
    assert_eq!(code, 0);
    assert_eq!(thresholds(&report), ["purgatory", "no-monitoring"]);
    let (code, report) = json(
        MILLBROOK,
        &["--fail-on", "critical", "--fail-on", "warning"],
    );
    assert_eq!(code, 1, "one failed check fails the gate");
    assert_eq!(thresholds(&report), ["critical", "warning"]);
}

#[test]
fn an_unknown_fail_on_value_says_what_is_allowed_and_the_nearest() {
    let out = run(&["assess", NORTHWIND, "--fail-on", "critical,nomonitoring"]);
    assert_eq!((out.code, out.stdout.as_str()), (2, ""));
    assert!(
        out.stderr.starts_with(
            "error: --fail-on <WHAT>: \"nomonitoring\" is not a choice; expected purgatory, critical, warning, a finding id such as no-monitoring (`readiness explain` lists them) or a framework reference such as nist-ai-rmf:MEASURE-2.4 (`readiness frameworks` lists them); did you mean \"no-monitoring\"?"
        ),
        "{}",
        out.stderr
    );
}

#[test]
fn the_report_is_still_printed_with_the_failed_checks() {
    let out = run(&[
        "assess",
        NORTHWIND,
        "--fail-under",
        "60",
        "--min-strategy",
        "50",
    ]);
    assert_eq!(out.code, 1);
    assert!(out.stdout.contains("Gate: FAILED\n  FAILED: overall 40.3 is below 60.0\n  passed: strategy 80.9 is at least 50.0\n"), "{}", out.stdout);
    let md = run(&[
        "assess",
        NORTHWIND,
        "--format",
        "markdown",
        "--fail-under",
        "60",
    ]);
    assert_eq!(md.code, 1);
    assert!(
        md.stdout.contains("## Gate\n\n**Failed.**"),
        "{}",
        md.stdout
    );
    assert!(md
        .stdout
        .contains("| overall 40.3 is below 60.0 | failed |"));
}

#[test]
fn score_gates_compare_the_low_end_and_say_what_is_open() {
    let cedar = "examples/partial-cedar-health.yaml";
    let json = |threshold: &str| {
        let out = run(&[
            "assess",
            cedar,
            "--format",
            "json",
            "--min-strategy",
            threshold,
        ]);
        let parsed: serde_json::Value = serde_json::from_str(&out.stdout).expect("JSON");
        (out.code, parsed["gate"]["checks"][0].clone())
    };
    // Strategy scores 90.2 from what was answered; its low end is 61.3.
    let (code, check) = json("61.3");
    assert_eq!(code, 0);
    assert_eq!(check["actual"], 61.3);
    assert_eq!(check["score"], 90.2);
    assert_eq!(check["open"], 28.9);
    let (code, check) = json("61.4");
    assert_eq!(code, 1);
    assert_eq!(check["passed"], false);
    let out = run(&["assess", cedar, "--min-strategy", "62"]);
    assert!(
        unwrapped(&out.stdout).contains("FAILED: strategy 61.3 is below 62.0 (the low end of its range: 90.2 from what was answered, 28.9 lower with the open questions counted as 0)"),
        "{}",
        out.stdout
    );
}

#[test]
fn a_failed_gate_still_writes_the_report_file() {
    let tmp = crate::common::scratch_dir();
    let target = format!("{}/gated-report.md", crate::common::path_of(&tmp));
    let out = run(&[
        "assess",
        NORTHWIND,
        "--format",
        "markdown",
        "--fail-under",
        "60",
        "-o",
        &target,
    ]);
    assert_eq!((out.code, out.stdout.as_str()), (1, ""));
    assert!(std::fs::read_to_string(&target)
        .expect("written")
        .contains("## Gate"));
}

#[test]
fn thresholds_outside_0_to_100_are_usage_errors() {
    for value in ["-1", "100.1", "sixty"] {
        let out = run(&["assess", NORTHWIND, "--fail-under", value]);
        assert_eq!((out.code, out.stdout.as_str()), (2, ""), "{value}");
        assert!(
            out.stderr.contains("expected a number from 0 to 100"),
            "{}",
            out.stderr
        );
    }
    // `info` is a severity no gate takes: refused before anything is
    // assessed, with the choices named.
    let out = run(&["assess", NORTHWIND, "--fail-on", "info"]);
    assert_eq!((out.code, out.stdout.as_str()), (2, ""));
    assert_eq!(
        out.stderr,
        "error: --fail-on <WHAT>: \"info\" is not a choice; expected purgatory, critical, warning, a finding id such as no-monitoring (`readiness explain` lists them) or a framework reference such as nist-ai-rmf:MEASURE-2.4 (`readiness frameworks` lists them)\n"
    );
}

#[test]
fn an_invalid_questionnaire_is_never_exit_0_or_1() {
    let out = run(&["assess", "no/such.yaml", "--fail-under", "0"]);
    assert_eq!(
        (out.code, out.stdout.as_str(), out.stderr.as_str()),
        (2, "", "no/such.yaml: no such file\n")
    );
}

fn run_with_summary(args: &[&str], summary: &str) -> crate::common::Run {
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_readiness"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env("GITHUB_STEP_SUMMARY", summary)
        .output()
        .expect("the binary runs");
    crate::common::Run {
        stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
        code: output.status.code().unwrap_or(-1),
    }
}

// A job summary named at the questionnaire had the report appended to it.
#[test]
fn a_job_summary_never_goes_into_a_file_the_run_reads() {
    let tmp = crate::common::scratch_dir();
    let dir = crate::common::path_of(&tmp);
    let questionnaire = format!("{dir}/q.yaml");
    std::fs::copy(
        format!("{}/{NORTHWIND}", env!("CARGO_MANIFEST_DIR")),
        &questionnaire,
    )
    .expect("copy");
    let before = std::fs::read(&questionnaire).expect("read");
    let rubric = format!("{dir}/rubric.toml");
    std::fs::write(&rubric, readiness::rubric::DEFAULT_TOML).expect("write");
    for (summary, input, what) in [
        (&questionnaire, &questionnaire, "questionnaire"),
        (&rubric, &rubric, "rubric"),
    ] {
        let out = run_with_summary(&["assess", &questionnaire, "--rubric", &rubric], summary);
        assert_eq!((out.code, out.stdout.as_str()), (2, ""));
        assert_eq!(
            out.stderr,
            format!("GITHUB_STEP_SUMMARY names {summary}, which is also an input ({input}); the job summary would be added to the {what}, so nothing is written (pass --no-step-summary to write the report alone)\n")
        );
    }
    assert_eq!(std::fs::read(&questionnaire).expect("read"), before);
    let alone = run_with_summary(
        &["assess", &questionnaire, "--no-step-summary"],
        &questionnaire,
    );
    assert_eq!(alone.code, 0, "{}", alone.stderr);
    assert_eq!(std::fs::read(&questionnaire).expect("read"), before);
}

#[test]
fn the_markdown_report_is_appended_to_the_github_step_summary() {
    let tmp = crate::common::scratch_dir();
    let summary = format!("{}/step-summary.md", crate::common::path_of(&tmp));
    std::fs::write(&summary, "earlier step\n").expect("scratch file");
    let out = run_with_summary(
        &[
            "assess",
            NORTHWIND,
            "--format",
            "json",
            "--fail-under",
            "60",
        ],
        &summary,
    );
    assert_eq!(out.code, 1);
    assert!(
        out.stdout.starts_with('{'),
        "the chosen format still goes to standard output"
    );
    let written = std::fs::read_to_string(&summary).expect("summary");
    // Never truncated, and the gate's result first.
    assert!(
        written.starts_with(&format!(
            "earlier step\n\n> **Gate failed.**\n>\n> - {NORTHWIND}: gate failed: overall 40.3 is below 60.0\n> - {ADVICE}\n\n# AI readiness: Northwind Retail\n"
        )),
        "{written}"
    );
    assert!(written.contains("## Gate\n\n**Failed.**"));
    // The failed check is in the job's log too, whatever the format.
    assert_eq!(
        out.stderr,
        format!("{NORTHWIND}: gate failed: overall 40.3 is below 60.0\n{ADVICE}\n")
    );

    // What an earlier step left mid-line (a table's last row) is set
    // apart by a blank line, so the gate's line is no row of it.
    std::fs::write(&summary, "| a | b |\n| --- | --- |\n| 1 | 2 |").expect("scratch file");
    run_with_summary(&["assess", NORTHWIND, "--fail-under", "10"], &summary);
    let written = std::fs::read_to_string(&summary).expect("summary");
    assert!(
        written.starts_with("| a | b |\n| --- | --- |\n| 1 | 2 |\n\n> **Gate passed.**"),
        "{written}"
    );
    std::fs::write(&summary, "earlier step\n").expect("scratch file");
    let out = run_with_summary(&["assess", NORTHWIND, "--no-step-summary"], &summary);
    assert_eq!(out.code, 0);
    assert_eq!(
        std::fs::read_to_string(&summary).expect("summary"),
        "earlier step\n"
    );
}

#[test]
fn an_unwritable_step_summary_warns_and_keeps_the_verdict() {
    let out = run_with_summary(
        &["assess", NORTHWIND, "--fail-under", "10"],
        "/no/such/dir/summary.md",
    );
    assert_eq!(out.code, 0);
    assert_eq!(
        out.stderr,
        "warning: /no/such/dir/summary.md: the directory does not exist; the job summary was not written\n"
    );
}

#[test]
fn a_failed_gate_says_why_on_standard_error_even_with_o() {
    let tmp = crate::common::scratch_dir();
    let target = format!("{}/gated-quiet.json", crate::common::path_of(&tmp));
    let out = run(&[
        "assess",
        "examples",
        "--format",
        "json",
        "--min-completeness",
        "90",
        "-o",
        &target,
    ]);
    assert_eq!(out.code, 1);
    assert_eq!(out.stdout, "");
    let lines: Vec<&str> = out.stderr.lines().collect();
    assert_eq!(lines.len(), 3, "{}", out.stderr);
    assert_eq!(lines[2], ADVICE);
    assert!(
        lines[..2]
            .iter()
            .all(|l| l.contains(": gate failed: completeness ")),
        "{}",
        out.stderr
    );
}

#[test]
fn a_failed_finding_gate_names_each_finding_at_its_line_then_what_to_do() {
    let out = run(&[
        "assess",
        NORTHWIND,
        "--format",
        "json",
        "--fail-on",
        "critical",
    ]);
    assert_eq!(out.code, 1);
    assert_eq!(
        out.stderr,
        format!(
            "{NORTHWIND}: gate failed: critical finding plan-without-results: fails on critical\n\
             what to do: run `readiness explain plan-without-results` to see why it fired and how to resolve it, \
             or accept a known risk with an [[accept]] entry in readiness.toml\n"
        )
    );
    // A finding id: the finding, its pilots and its line.
    let out = run(&[
        "assess",
        NORTHWIND,
        "--format",
        "json",
        "--fail-on",
        "laptop-bound,overdue-decision",
    ]);
    assert_eq!(out.code, 1);
    assert_eq!(
        out.stderr.lines().collect::<Vec<_>>(),
        [
            format!("{NORTHWIND}:54: gate failed: finding laptop-bound (churn-model) fired: fails when it fires"),
            format!("{NORTHWIND}:63: gate failed: finding overdue-decision (churn-model) fired: fails when it fires"),
            "what to do: run `readiness explain ID` for each of laptop-bound, overdue-decision to see why it \
             fired and how to resolve it, or accept a known risk with an [[accept]] entry in readiness.toml"
                .to_owned(),
        ]
    );
    // A finding that did not fire fails nothing: no line at all.
    let out = run(&[
        "assess",
        HARBOR,
        "--format",
        "json",
        "--fail-on",
        "laptop-bound",
    ]);
    assert_eq!((out.code, out.stderr.as_str()), (0, ""));
}

#[test]
fn a_portfolio_keeps_the_line_of_each_failing_finding() {
    let out = run(&[
        "assess",
        NORTHWIND,
        HARBOR,
        "--format",
        "json",
        "--fail-on",
        "warning",
    ]);
    assert_eq!(out.code, 1);
    let lines: Vec<&str> = out.stderr.lines().collect();
    assert!(
        lines.contains(&format!(
            "{NORTHWIND}:54: gate failed: warning finding laptop-bound (churn-model): fails on warning or worse"
        ).as_str()),
        "{}",
        out.stderr
    );
    assert!(
        lines.iter().all(|l| !l.starts_with(HARBOR)),
        "{}",
        out.stderr
    );
    assert!(lines
        .last()
        .is_some_and(|l| l.starts_with("what to do: run `readiness explain ID` for each of ")));
}

// A threshold of 40.31 read "overall 40.3 is below 40.3", and an unscored
// overall "nothing on that side is answered", though overall is no side.
#[test]
fn a_threshold_is_said_as_given_and_an_unscored_overall_as_such() {
    let out = crate::common::run(&[
        "assess",
        "examples/slide-deck-northwind-retail.yaml",
        "--fail-under",
        "40.31",
    ]);
    assert_eq!(out.code, 1);
    assert!(
        out.stderr
            .contains("gate failed: overall 40.3 is below 40.31\n"),
        "{}",
        out.stderr
    );
    let out = crate::common::run(&[
        "assess",
        "examples/slide-deck-northwind-retail.yaml",
        "--fail-under",
        "40.301",
    ]);
    assert!(
        out.stderr
            .contains("gate failed: overall 40.3 is below 40.301\n"),
        "{}",
        out.stderr
    );
    let out = crate::common::run(&[
        "assess",
        "examples/slide-deck-northwind-retail.yaml",
        "--fail-under",
        "40.3",
        "--format",
        "junit",
    ]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(out.stdout.contains("fail_under 40.3"), "{}", out.stdout);
    let tmp = crate::common::scratch_dir();
    let dir = crate::common::path_of(&tmp);
    let file = format!("{dir}/strategy-only.yaml");
    std::fs::write(
        &file,
        "version: 1\norganization: {name: S, assessed: 2026-11-20}\nstrategy: {sponsor: board, priorities: ranked}\n",
    )
    .expect("write");
    let out = crate::common::run(&["assess", &file, "--fail-under", "50"]);
    assert_eq!(out.code, 1);
    assert!(
        out.stderr.contains("gate failed: overall 0.0 is below 50.0 (overall is not scored: a side has nothing answered)\n"),
        "{}",
        out.stderr
    );
    let out = crate::common::run(&["assess", &file, "--min-implementation", "50"]);
    assert!(
        out.stderr.contains(
            "gate failed: implementation 0.0 is below 50.0 (nothing on that side is answered)\n"
        ),
        "{}",
        out.stderr
    );
}

// A run that exited 2 (an input not assessed) headed its job summary with
// "Gate passed."
#[test]
fn a_summary_says_first_when_an_input_was_not_assessed() {
    let tmp = crate::common::scratch_dir();
    let dir = crate::common::path_of(&tmp);
    std::fs::copy(NORTHWIND, format!("{dir}/northwind.yaml")).expect("copy");
    std::fs::write(format!("{dir}/broken.yaml"), "version: 2\n").expect("write");
    let summary = format!("{dir}/summary.md");
    let out = run_with_summary(
        &["assess", dir, "--format", "json", "--fail-under", "10"],
        &summary,
    );
    assert_eq!(out.code, 2, "{}", out.stderr);
    let written = std::fs::read_to_string(&summary).expect("summary");
    assert!(
        written.starts_with("> **1 input could not be assessed**, so the run fails; it is listed under \"Not assessed\".\n\n> **Gate passed.** Every check set for the questionnaires assessed holds.\n\n# AI readiness portfolio\n"),
        "{written}"
    );
}

// "purgatory status is none" stood in the gate's table of a report that
// said, above it, that purgatory was not judged.
#[test]
fn a_purgatory_gate_without_pilots_says_it_is_not_judged() {
    let tmp = crate::common::scratch_dir();
    let dir = crate::common::path_of(&tmp);
    let file = format!("{dir}/no-pilots.yaml");
    std::fs::write(
        &file,
        "version: 1\norganization: {name: S, assessed: 2026-11-20}\nstrategy: {sponsor: board, priorities: ranked}\n",
    )
    .expect("write");
    let out = crate::common::run(&[
        "assess",
        &file,
        "--fail-on",
        "purgatory",
        "--format",
        "markdown",
    ]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(
        out.stdout.contains("| purgatory is not judged, as the pilots list is not answered (fails when stuck) | passed |"),
        "{}",
        out.stdout
    );
    assert!(
        !out.stdout.contains("purgatory status is none"),
        "{}",
        out.stdout
    );
    // With pilots listed, the status is said.
    let out = crate::common::run(&[
        "assess",
        "examples/aligned-harbor-logistics.yaml",
        "--fail-on",
        "purgatory",
        "--format",
        "markdown",
    ]);
    assert!(
        out.stdout
            .contains("| purgatory status is none (fails when stuck) | passed |"),
        "{}",
        out.stdout
    );
}

// A portfolio's job summary listed its failed checks above the report, and
// the report listed them again under "Failed gates".
#[test]
fn a_portfolio_summary_lists_its_failed_checks_once() {
    let tmp = crate::common::scratch_dir();
    let summary = format!("{}/summary.md", crate::common::path_of(&tmp));
    let out = run_with_summary(
        &[
            "assess",
            NORTHWIND,
            "examples/aligned-harbor-logistics.yaml",
            "--fail-under",
            "50",
        ],
        &summary,
    );
    assert_eq!(out.code, 1, "{}", out.stderr);
    let written = std::fs::read_to_string(&summary).expect("summary");
    assert!(
        written.starts_with("> **Gate failed.** The failed checks are listed under \"Failed gates\".\n\n# AI readiness portfolio\n"),
        "{written}"
    );
    assert_eq!(
        written
            .matches("gate failed: overall 40.3 is below 50.0")
            .count(),
        1,
        "{written}"
    );
}
