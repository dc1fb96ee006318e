//! Findings where reviewers already look: SARIF 2.1.0 for code scanning,
//! validated against the specification's JSON Schema (shipped in the test
//! fixtures), and GitHub Actions annotations, escaped so that no
//! questionnaire text can start a command of its own; each for one file and
//! for a portfolio, with accepted findings suppressed.

use crate::common::{path_of, run, run_in, scratch_dir};
use serde_json::Value;
use tempfile::TempDir;

const NORTHWIND: &str = "examples/slide-deck-northwind-retail.yaml";

fn sarif_validator() -> jsonschema::Validator {
    let path = format!(
        "{}/tests/fixtures/sarif-schema-2.1.0.json",
        env!("CARGO_MANIFEST_DIR")
    );
    let schema: Value =
        serde_json::from_str(&std::fs::read_to_string(path).expect("the SARIF schema"))
            .expect("JSON");
    jsonschema::validator_for(&schema).expect("a valid JSON Schema")
}

fn assert_valid_sarif(log: &Value) {
    let validator = sarif_validator();
    let errors: Vec<String> = validator
        .iter_errors(log)
        .map(|e| format!("{e} at {}", e.instance_path()))
        .take(5)
        .collect();
    assert!(errors.is_empty(), "{errors:#?}");
}

fn sarif(args: &[&str]) -> Value {
    let mut all = vec!["assess", "--format", "sarif"];
    all.extend(args);
    let out = run(&all);
    assert_eq!(out.code, 0, "{}", out.stderr);
    serde_json::from_str(&out.stdout).expect("JSON")
}

#[test]
fn sarif_is_valid_against_the_specifications_schema() {
    let one = sarif(&[NORTHWIND]);
    assert_valid_sarif(&one);
    let portfolio = sarif(&["examples"]);
    assert_valid_sarif(&portfolio);
    // The schema is strict enough to refuse what SARIF does not allow.
    let mut broken = one.clone();
    broken["runs"][0]["results"][0]["level"] = Value::from("fatal");
    assert!(!sarif_validator().is_valid(&broken));
}

#[test]
fn every_finding_is_a_result_on_the_line_of_its_first_evidence() {
    let log = sarif(&[NORTHWIND]);
    let report: Value =
        serde_json::from_str(&run(&["assess", NORTHWIND, "--format", "json"]).stdout)
            .expect("JSON");
    let run = &log["runs"][0];
    assert_eq!(log["version"], "2.1.0");
    assert_eq!(run["tool"]["driver"]["name"], "readiness");
    let rules = run["tool"]["driver"]["rules"].as_array().expect("rules");
    assert_eq!(rules.len(), 28, "every finding of the rubric is a rule");
    let results = run["results"].as_array().expect("results");
    let findings = report["findings"].as_array().expect("findings");
    assert_eq!(results.len(), findings.len());
    for (result, finding) in results.iter().zip(findings) {
        assert_eq!(result["ruleId"], finding["id"]);
        let index = result["ruleIndex"].as_u64().expect("an index");
        assert_eq!(
            rules[usize::try_from(index).expect("small")]["id"],
            finding["id"]
        );
        let level = match finding["severity"].as_str() {
            Some("critical") => "error",
            Some("warning") => "warning",
            _ => "note",
        };
        assert_eq!(result["level"], level);
        let location = &result["locations"][0]["physicalLocation"];
        assert_eq!(location["artifactLocation"]["uri"], NORTHWIND);
        let first_line = finding["evidence"]
            .as_array()
            .expect("evidence")
            .iter()
            .find_map(|e| e["line"].as_u64())
            .unwrap_or(1);
        assert_eq!(location["region"]["startLine"], first_line);
        assert_eq!(result["suppressions"], Value::Null);
    }
    // A finding resting on scores alone is placed on line 1.
    let plan = results
        .iter()
        .find(|r| r["ruleId"] == "plan-without-results")
        .expect("fired");
    assert_eq!(
        plan["locations"][0]["physicalLocation"]["region"]["startLine"],
        1
    );
    let laptop = &rules[3];
    assert_eq!(laptop["id"], "laptop-bound");
    assert_eq!(laptop["name"], "LaptopBound");
    assert_eq!(laptop["defaultConfiguration"]["level"], "warning");
    assert_eq!(
        laptop["fullDescription"]["text"],
        "A pilot at stage pilot runs with environment: laptop."
    );
}

#[test]
fn a_portfolio_is_one_run_with_results_across_files() {
    let log = sarif(&["examples"]);
    assert_eq!(log["runs"].as_array().map(Vec::len), Some(1));
    let uris: std::collections::BTreeSet<&str> = log["runs"][0]["results"]
        .as_array()
        .expect("results")
        .iter()
        .filter_map(|r| r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"].as_str())
        .collect();
    // Every example with a finding, each with its own count of results.
    let mut counts: std::collections::BTreeMap<&str, usize> = std::collections::BTreeMap::new();
    for result in log["runs"][0]["results"].as_array().expect("results") {
        let uri = result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
            .as_str()
            .expect("a uri");
        *counts.entry(uri).or_default() += 1;
    }
    assert_eq!(uris.len(), counts.len());
    assert_eq!(
        counts.into_iter().collect::<Vec<_>>(),
        [
            ("examples/aligned-incident-lakeshore-health.yaml", 5),
            ("examples/aligned-unguarded-meridian-insurance.yaml", 2),
            ("examples/early-live-kestrel-manufacturing.yaml", 13),
            ("examples/early-millbrook-credit-union.yaml", 5),
            ("examples/insufficient-alder-foods.yaml", 3),
            ("examples/partial-cedar-health.yaml", 2),
            ("examples/slide-deck-northwind-retail.yaml", 11),
            ("examples/unused-tools-brightwave-software.yaml", 7),
        ]
    );
    // A file's results in the portfolio are those of the file alone, which
    // the snapshot `scanning-sarif` keeps.
    let alone = sarif(&[NORTHWIND]);
    let in_portfolio: Vec<&Value> = log["runs"][0]["results"]
        .as_array()
        .expect("results")
        .iter()
        .filter(|r| r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == NORTHWIND)
        .collect();
    let alone: Vec<&Value> = alone["runs"][0]["results"]
        .as_array()
        .expect("results")
        .iter()
        .collect();
    assert_eq!(in_portfolio, alone);
}

fn northwind_with_acceptance() -> TempDir {
    let tmp = scratch_dir();
    let dir = path_of(&tmp);
    let text = std::fs::read_to_string(format!("{}/{NORTHWIND}", env!("CARGO_MANIFEST_DIR")))
        .expect("example");
    std::fs::write(format!("{dir}/northwind.yaml"), text).expect("write");
    std::fs::write(
        format!("{dir}/readiness.toml"),
        "[[accept]]\nfinding = \"laptop-bound\"\npilot = \"churn-model\"\nreason = \"Moves to the data platform in March\"\nby = \"Dana Whitfield, CIO\"\nuntil = 2027-03-31\n",
    )
    .expect("write");
    tmp
}

#[test]
fn an_accepted_finding_is_a_suppressed_result_and_a_notice() {
    let tmp = northwind_with_acceptance();
    let dir = path_of(&tmp);
    let out = run_in(dir, &["assess", "northwind.yaml", "--format", "sarif"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let log: Value = serde_json::from_str(&out.stdout).expect("JSON");
    assert_valid_sarif(&log);
    let laptop = log["runs"][0]["results"]
        .as_array()
        .expect("results")
        .iter()
        .find(|r| r["ruleId"] == "laptop-bound")
        .expect("still reported");
    assert_eq!(
        laptop["suppressions"],
        serde_json::json!([{
            "kind": "external",
            "status": "accepted",
            "justification": "Moves to the data platform in March (accepted for churn-model by Dana Whitfield, CIO until 2027-03-31, readiness.toml:1)"
        }])
    );
    let out = run_in(dir, &["assess", "northwind.yaml", "--format", "github"]);
    let line = out
        .stdout
        .lines()
        .find(|l| l.contains("(laptop-bound"))
        .expect("annotated");
    assert_eq!(
        line,
        "::notice file=northwind.yaml,line=54,title=Pilots running on a laptop (laptop-bound%2C accepted)::Pilots that run on someone's laptop: churn-model. Framework references (evidence about each control, not a judgement that it is met): NIST GOVERN 1.6, MEASURE 2.7 · ISO A.4.5, A.6.2.5. Accepted for churn-model by Dana Whitfield, CIO until 2027-03-31: Moves to the data platform in March."
    );
}

#[test]
fn annotations_come_most_severe_first_after_a_summary() {
    let out = run(&["assess", NORTHWIND, "--format", "github"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let lines: Vec<&str> = out.stdout.lines().collect();
    assert_eq!(
        lines[0],
        "::notice title=readiness::11 findings in 1 questionnaire: 1 error, 9 warnings, 1 notice."
    );
    let kinds: Vec<&str> = lines[1..]
        .iter()
        .map(|l| l.split(' ').next().expect("a command"))
        .collect();
    let mut sorted = kinds.clone();
    sorted.sort_by_key(|k| {
        ["::error", "::warning", "::notice"]
            .iter()
            .position(|x| x == k)
    });
    assert_eq!(kinds, sorted);
    assert_eq!(kinds.len(), 11);
    // The examples make more warnings than GitHub shows.
    let out = run(&["assess", "examples", "--format", "github"]);
    let first = out.stdout.lines().next().expect("a summary");
    assert!(
        first.ends_with("GitHub shows 10 annotations of each kind per step; 22 more warnings are listed in this log only."),
        "{first}"
    );
}

#[test]
fn no_questionnaire_text_can_start_a_command_of_its_own() {
    let tmp = scratch_dir();
    let dir = path_of(&tmp);
    // A name that tries to end the command and start another; names are one
    // line by the format's rules, so the attempt is with the separators.
    let text = std::fs::read_to_string(format!("{}/{NORTHWIND}", env!("CARGO_MANIFEST_DIR")))
        .expect("example")
        .replace("churn-model", "churn,line=1::%0A::error::pwned");
    std::fs::write(format!("{dir}/q,1:x.yaml"), text).expect("write");
    let out = run_in(dir, &["assess", "q,1:x.yaml", "--format", "github"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    for line in out.stdout.lines() {
        // Every line is one command of ours, its properties escaped.
        let command = line.strip_prefix("::").expect("a workflow command");
        let (properties, message) = command.split_once("::").expect("a message");
        assert!(
            properties.starts_with("error ")
                || properties.starts_with("warning ")
                || properties.starts_with("notice "),
            "{line}"
        );
        assert!(!message.contains('\n'));
        if properties.contains("file=") {
            assert!(properties.contains("file=q%2C1%3Ax.yaml,line="), "{line}");
        }
        assert!(!properties.contains("::"), "{line}");
    }
    // In a message the separators are harmless after the first `::`; only
    // `%` and line breaks are escaped there.
    assert!(
        out.stdout.contains("churn,line=1::%250A::error::pwned"),
        "{}",
        out.stdout
    );
    let out = run_in(dir, &["assess", "q,1:x.yaml", "--format", "sarif"]);
    let log: Value = serde_json::from_str(&out.stdout).expect("JSON");
    assert_valid_sarif(&log);
    assert_eq!(
        log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
        "q%2C1%3Ax.yaml"
    );
}

#[test]
fn every_code_scanning_format() {
    for format in ["sarif", "github"] {
        let out = run(&["assess", NORTHWIND, "--format", format]);
        assert_eq!(out.code, 0, "{}", out.stderr);
        insta::assert_snapshot!(format!("scanning-{format}"), out.stdout);
    }
    let out = run(&["assess", "examples", "--format", "github"]);
    insta::assert_snapshot!("scanning-github-portfolio", out.stdout);
}
