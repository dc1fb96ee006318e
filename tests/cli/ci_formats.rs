//! The formats for every CI: GitLab's Code Quality report (`codeclimate`)
//! and `JUnit` XML (`junit`), for one questionnaire and for a portfolio.

use crate::common::{path_of, run, run_in, scratch_dir};
use serde_json::Value;

const NORTHWIND: &str = "examples/slide-deck-northwind-retail.yaml";
const HARBOR: &str = "examples/aligned-harbor-logistics.yaml";

fn issues(stdout: &str) -> Vec<Value> {
    serde_json::from_str::<Value>(stdout)
        .expect("JSON")
        .as_array()
        .expect("an array")
        .clone()
}

#[test]
fn code_quality_has_an_issue_per_finding_and_pilot_at_its_line() {
    let out = run(&["assess", NORTHWIND, "--format", "codeclimate"]);
    assert_eq!((out.code, out.stderr.as_str()), (0, ""));
    let all = issues(&out.stdout);
    let laptop: Vec<&Value> = all
        .iter()
        .filter(|i| i["check_name"] == "laptop-bound")
        .collect();
    assert_eq!(laptop.len(), 1);
    assert_eq!(laptop[0]["severity"], "major");
    assert_eq!(laptop[0]["location"]["path"], NORTHWIND);
    assert_eq!(laptop[0]["location"]["lines"]["begin"], 54);
    assert!(laptop[0]["description"]
        .as_str()
        .expect("text")
        .contains("(churn-model)"));
    // A finding of two pilots is two issues, each with its own fingerprint.
    let stale: Vec<&Value> = all
        .iter()
        .filter(|i| i["check_name"] == "stale-pilot")
        .collect();
    assert_eq!(stale.len(), 2);
    assert_ne!(stale[0]["fingerprint"], stale[1]["fingerprint"]);
    assert!(all.iter().any(|i| i["severity"] == "critical"));
    for issue in &all {
        for key in [
            "type",
            "check_name",
            "description",
            "fingerprint",
            "severity",
            "location",
        ] {
            assert!(issue.get(key).is_some(), "{key}: {issue}");
        }
        assert!(["info", "minor", "major", "critical", "blocker"]
            .contains(&issue["severity"].as_str().expect("a word")));
    }
    let again = run(&["assess", NORTHWIND, "--format", "codeclimate"]);
    assert_eq!(
        again.stdout, out.stdout,
        "the same input gives the same report"
    );
    insta::assert_snapshot!("codeclimate-northwind", out.stdout);
}

#[test]
fn fingerprints_hold_when_lines_move_and_accepted_pilots_are_left_out() {
    let tmp = scratch_dir();
    let dir = path_of(&tmp);
    let text = std::fs::read_to_string(format!("{}/{NORTHWIND}", env!("CARGO_MANIFEST_DIR")))
        .expect("example");
    std::fs::write(format!("{dir}/org.yaml"), &text).expect("write");
    let before = issues(&run_in(dir, &["assess", "org.yaml", "--format", "codeclimate"]).stdout);
    std::fs::write(
        format!("{dir}/org.yaml"),
        format!("# moved\n# down\n{text}"),
    )
    .expect("write");
    let after = issues(&run_in(dir, &["assess", "org.yaml", "--format", "codeclimate"]).stdout);
    assert_eq!(before.len(), after.len());
    for (b, a) in before.iter().zip(&after) {
        assert_eq!(b["fingerprint"], a["fingerprint"]);
        let line = |i: &Value| i["location"]["lines"]["begin"].as_u64().expect("a line");
        if line(b) > 1 {
            assert_eq!(line(a), line(b) + 2);
        }
    }
    std::fs::write(
        format!("{dir}/readiness.toml"),
        "[[accept]]\nfinding = \"stale-pilot\"\npilot = \"churn-model\"\nreason = \"Decided in March\"\nby = \"CIO\"\nuntil = 2027-01-31\n",
    )
    .expect("write");
    let accepted = issues(&run_in(dir, &["assess", "org.yaml", "--format", "codeclimate"]).stdout);
    let stale: Vec<&Value> = accepted
        .iter()
        .filter(|i| i["check_name"] == "stale-pilot")
        .collect();
    assert_eq!(stale.len(), 1);
    assert!(stale[0]["description"]
        .as_str()
        .expect("text")
        .contains("(demand-forecast)"));
}

#[test]
fn a_portfolio_is_one_array_of_every_file() {
    let out = run(&["assess", NORTHWIND, HARBOR, "--format", "codeclimate"]);
    assert_eq!(out.code, 0);
    let all = issues(&out.stdout);
    let one = issues(&run(&["assess", NORTHWIND, "--format", "codeclimate"]).stdout);
    let other = issues(&run(&["assess", HARBOR, "--format", "codeclimate"]).stdout);
    assert_eq!(all.len(), one.len() + other.len());
    assert_eq!(all[..one.len()], one[..]);
}

#[test]
fn junit_has_a_test_case_per_gate_check_and_a_failure_with_the_gate_lines() {
    let out = run(&[
        "assess",
        NORTHWIND,
        "--format",
        "junit",
        "--fail-under",
        "60",
        "--min-completeness",
        "10",
        "--fail-on",
        "laptop-bound",
    ]);
    assert_eq!(out.code, 1);
    insta::assert_snapshot!("junit-northwind", out.stdout);
    // Without a gate: a suite with no test case, which says so.
    let out = run(&["assess", HARBOR, "--format", "junit"]);
    assert_eq!(out.code, 0);
    assert!(out.stdout.contains("tests=\"0\" failures=\"0\" errors=\"0\">\n    <system-out>No gate was set for this run.</system-out>"), "{}", out.stdout);
}

#[test]
fn a_junit_portfolio_has_a_suite_per_file_and_an_error_for_one_that_is_not_read() {
    let tmp = scratch_dir();
    let dir = path_of(&tmp);
    std::fs::write(
        format!("{dir}/broken.yaml"),
        "version: 1\norganization: [\n",
    )
    .expect("write");
    let broken = format!("{dir}/broken.yaml");
    let out = run(&[
        "assess",
        NORTHWIND,
        HARBOR,
        &broken,
        "--format",
        "junit",
        "--fail-under",
        "60",
    ]);
    assert_eq!(out.code, 2);
    assert!(out.stdout.starts_with("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"readiness\" tests=\"3\" failures=\"1\" errors=\"1\">\n"), "{}", out.stdout);
    assert_eq!(out.stdout.matches("<testsuite ").count(), 3);
    assert!(
        out.stdout.contains(&format!(
            "<testsuite name=\"{broken}\" tests=\"1\" failures=\"0\" errors=\"1\">"
        )),
        "{}",
        out.stdout
    );
    assert!(
        out.stdout.contains("<error type=\"invalid\" message=\""),
        "{}",
        out.stdout
    );
}
