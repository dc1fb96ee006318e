//! `readiness.toml`: read from the current directory or `--config`, flags
//! override it, its rubric path is relative to it, unknown keys are errors.

use crate::common::{run_in, scratch_dir};

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
            "readiness.toml:1:10: format: \"html\" is not a choice; expected one of table, markdown, json",
            "readiness.toml:3:16: gate.min_strategy: expected a number from 0 to 100, found 120",
            "readiness.toml:4:11: gate.fail_on: \"criticals\" is not a choice; expected one of purgatory, critical, warning; did you mean \"critical\"?",
        ]
    );

    let out = run_in(&dir, &["assess", &northwind(), "--config", "missing.toml"]);
    assert_eq!(
        (out.code, out.stderr.as_str()),
        (2, "missing.toml: no such file\n")
    );
}
