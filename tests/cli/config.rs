//! `readiness.toml`: read from the current directory or `--config`, flags
//! override it, its rubric path is relative to it, unknown keys are errors.

use crate::common::{run_in, scratch_dir, unwrapped};

fn northwind() -> String {
    format!(
        "{}/examples/slide-deck-northwind-retail.yaml",
        env!("CARGO_MANIFEST_DIR")
    )
}

#[test]
fn the_gate_in_readiness_toml_applies_and_flags_override_it() {
    let dir = scratch_dir("config-gate");
    std::fs::write(format!("{dir}/readiness.toml"), "[gate]\nfail_under = 60\n").expect("write");
    let out = run_in(&dir, &["assess", &northwind(), "--format", "json"]);
    assert_eq!(out.code, 1, "{}", out.stderr);
    assert!(out.stdout.contains("\"name\": \"fail_under\""));
    let out = run_in(
        &dir,
        &[
            "assess",
            &northwind(),
            "--format",
            "json",
            "--fail-under",
            "30",
        ],
    );
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(out.stdout.contains("\"threshold\": 30.0"));
}

/// The `fail_on` checks a config sets, as the JSON report lists them.
fn fail_on_checks(dir: &str, extra: &[&str]) -> (i32, Vec<(String, String)>) {
    let path = northwind();
    let mut args = vec!["assess", &path, "--format", "json"];
    args.extend(extra);
    let out = run_in(dir, &args);
    let report: serde_json::Value = serde_json::from_str(&out.stdout).unwrap_or_default();
    let checks = report["gate"]["checks"]
        .as_array()
        .map(|checks| {
            checks
                .iter()
                .map(|c| {
                    (
                        c["threshold"].as_str().unwrap_or_default().to_owned(),
                        c["actual"].as_str().unwrap_or_default().to_owned(),
                    )
                })
                .collect()
        })
        .unwrap_or_default();
    (out.code, checks)
}

#[test]
fn fail_on_in_the_config_takes_several_values_and_finding_ids() {
    let dir = scratch_dir("config-fail-on");
    let pair = |a: &str, b: &str| (a.to_owned(), b.to_owned());
    for value in [
        "[\"no-monitoring\", \"stale-pilot\"]",
        "\"no-monitoring, stale-pilot\"",
        "[\"no-monitoring,stale-pilot\", \"stale-pilot\"]",
    ] {
        std::fs::write(
            format!("{dir}/readiness.toml"),
            format!("[gate]\nfail_on = {value}\n"),
        )
        .expect("write");
        let (code, checks) = fail_on_checks(&dir, &[]);
        assert_eq!(code, 1, "{value}");
        assert_eq!(
            checks,
            [
                pair("no-monitoring", "not fired"),
                pair("stale-pilot", "fired")
            ],
            "{value}"
        );
    }
    // A flag replaces the config's whole list.
    let (code, checks) = fail_on_checks(&dir, &["--fail-on", "no-monitoring"]);
    assert_eq!(code, 0);
    assert_eq!(checks, [pair("no-monitoring", "not fired")]);

    std::fs::write(format!("{dir}/readiness.toml"), "[gate]\nfail_on = 3\n").expect("write");
    let out = run_in(&dir, &["assess", &northwind()]);
    assert_eq!(
        (out.code, out.stderr.lines().next()),
        (
            2,
            Some("readiness.toml:2:11: gate.fail_on: expected a word or a list of words, found integer")
        )
    );
}

#[test]
fn format_from_the_config_and_from_the_flag() {
    let dir = scratch_dir("config-format");
    std::fs::write(format!("{dir}/readiness.toml"), "format = \"markdown\"\n").expect("write");
    let out = run_in(&dir, &["assess", &northwind()]);
    assert!(
        out.stdout.starts_with("# AI readiness: Northwind Retail"),
        "{}",
        out.stdout
    );
    let out = run_in(&dir, &["assess", &northwind(), "--format", "json"]);
    assert!(out.stdout.starts_with('{'));
}

#[test]
fn the_rubric_path_is_relative_to_the_config_file() {
    let dir = scratch_dir("config-rubric");
    std::fs::create_dir_all(format!("{dir}/settings")).expect("mkdir");
    let ours = readiness::rubric::DEFAULT_TOML.replacen("id = \"default\"", "id = \"ours\"", 1);
    std::fs::write(format!("{dir}/settings/ours.toml"), ours).expect("write");
    std::fs::write(
        format!("{dir}/settings/readiness.toml"),
        "rubric = \"ours.toml\"\n",
    )
    .expect("write");
    let out = run_in(
        &dir,
        &[
            "assess",
            &northwind(),
            "--format",
            "json",
            "--config",
            "settings/readiness.toml",
        ],
    );
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(out.stdout.contains("\"id\": \"ours\""));
}

#[test]
fn mistakes_in_the_config_are_errors_with_their_place() {
    let dir = scratch_dir("config-bad");
    std::fs::write(
        format!("{dir}/readiness.toml"),
        "format = \"json\"\n[gate]\nfail_undr = 60\n",
    )
    .expect("write");
    let out = run_in(&dir, &["assess", &northwind()]);
    assert_eq!((out.code, out.stdout.as_str()), (2, ""));
    assert!(
        out.stderr.starts_with(
            "readiness.toml:3:1: unknown key \"fail_undr\"; did you mean \"fail_under\"?"
        ),
        "{}",
        out.stderr
    );

    std::fs::write(
        format!("{dir}/readiness.toml"),
        "format = \"html\"\n[gate]\nmin_strategy = 120\nfail_on = \"criticals\"\n",
    )
    .expect("write");
    let out = run_in(&dir, &["assess", &northwind()]);
    assert_eq!(out.code, 2);
    let lines: Vec<&str> = out
        .stderr
        .lines()
        .filter(|l| l.starts_with("readiness.toml:"))
        .collect();
    assert_eq!(
        lines,
        [
            "readiness.toml:1:10: format: \"html\" is not a choice; expected one of table, markdown, json, sarif, github",
            "readiness.toml:3:16: gate.min_strategy: expected a number from 0 to 100, found 120",
            "readiness.toml:4:11: gate.fail_on: \"criticals\" is not a choice; expected purgatory, critical, warning, a finding id such as no-monitoring (`readiness explain` lists them) or a framework reference such as nist-ai-rmf:MEASURE-2.4 (`readiness frameworks` lists them); did you mean \"critical\"?",
        ]
    );

    let out = run_in(&dir, &["assess", &northwind(), "--config", "missing.toml"]);
    assert_eq!(
        (out.code, out.stderr.as_str()),
        (2, "missing.toml: no such file\n")
    );
}

#[test]
fn every_format_says_which_settings_rubric_and_gates_made_it() {
    let dir = scratch_dir("config-shown");
    let bare = run_in(&dir, &["assess", &northwind(), "--format", "json"]);
    let report: serde_json::Value = serde_json::from_str(&bare.stdout).expect("json");
    assert_eq!(
        report["config"],
        serde_json::json!({
            "file": null,
            "rubric": null,
            "gates": {
                "fail_under": null,
                "min_strategy": null,
                "min_implementation": null,
                "min_completeness": null,
                "fail_on": [],
                "baseline": null,
                "tolerance": null
            }
        })
    );
    let table = run_in(&dir, &["assess", &northwind(), "--format", "table"]);
    assert!(table.stdout.ends_with(
        "\nMade with no settings file; the built-in rubric default version 2; no gate.\n"
    ));

    let rubric = run_in(&dir, &["rubric", "export"]).stdout;
    std::fs::create_dir_all(format!("{dir}/rubrics")).expect("mkdir");
    std::fs::write(format!("{dir}/rubrics/ours.toml"), rubric).expect("write");
    std::fs::write(
        format!("{dir}/readiness.toml"),
        "rubric = \"rubrics/ours.toml\"\n[gate]\nfail_under = 20\nfail_on = \"stale-pilot\"\n",
    )
    .expect("write");
    let json = run_in(
        &dir,
        &[
            "assess",
            &northwind(),
            "--format",
            "json",
            "--min-strategy",
            "10",
        ],
    );
    let report: serde_json::Value = serde_json::from_str(&json.stdout).expect("json");
    assert_eq!(report["config"]["file"], "readiness.toml");
    assert_eq!(report["config"]["rubric"], "rubrics/ours.toml");
    assert_eq!(report["config"]["gates"]["fail_under"], 20.0);
    assert_eq!(report["config"]["gates"]["min_strategy"], 10.0);
    assert_eq!(
        report["config"]["gates"]["fail_on"],
        serde_json::json!(["stale-pilot"])
    );
    let said = "settings from readiness.toml; rubric default version 2 from rubrics/ours.toml; \
                gates: fail_under 20.0, min_strategy 10.0, fail_on stale-pilot.";
    let table = run_in(
        &dir,
        &[
            "assess",
            &northwind(),
            "--format",
            "table",
            "--min-strategy",
            "10",
        ],
    );
    assert!(
        unwrapped(&table.stdout).ends_with(&format!("Made with {said}")),
        "{}",
        table.stdout
    );
    let markdown = run_in(
        &dir,
        &[
            "assess",
            &northwind(),
            "--format",
            "markdown",
            "--min-strategy",
            "10",
        ],
    );
    // Markdown escapes the underscores, which render as themselves.
    let escaped = said.replace('_', "\\_");
    assert!(
        markdown
            .stdout
            .contains(&format!("\n- Made with {escaped}\n")),
        "{}",
        markdown.stdout
    );
}
