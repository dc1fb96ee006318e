//! `readiness.toml`: found from the current directory up to the
//! repository's root, or named with `--config`, or none with `--no-config`;
//! flags override it (and say so), its rubric path is relative to it,
//! unknown keys are errors.

use crate::common::{commit_on, git, path_of, run_in, scratch_dir, unwrapped};

fn northwind() -> String {
    format!(
        "{}/examples/slide-deck-northwind-retail.yaml",
        env!("CARGO_MANIFEST_DIR")
    )
}

#[test]
fn the_gate_in_readiness_toml_applies_and_flags_override_it() {
    let tmp = scratch_dir();
    let dir = path_of(&tmp);
    std::fs::write(format!("{dir}/readiness.toml"), "[gate]\nfail_under = 60\n").expect("write");
    let out = run_in(dir, &["assess", &northwind(), "--format", "json"]);
    assert_eq!(out.code, 1, "{}", out.stderr);
    assert!(out.stdout.contains("\"name\": \"fail_under\""));
    let out = run_in(
        dir,
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
fn a_wrong_value_in_readiness_toml_is_named_in_the_readers_words() {
    let tmp = scratch_dir();
    let dir = path_of(&tmp);
    let cases = [
        (
            "[gate]\nfail_under = 99999999999999999999\n",
            "readiness.toml:2:14: the number 99999999999999999999 is too large to hold; expected a number\n",
        ),
        (
            "[gate]\nfail_under = 2027-01-01\n",
            "readiness.toml:2:14: gate.fail_under: invalid type: a date or a time, expected a number\n",
        ),
        ("[gate]\nfail_under = 1e400\n", "readiness.toml:2:14: the number is too large to hold\n"),
        ("gate = 5\n", "readiness.toml:1:8: gate: invalid type: integer \"5\", expected a table\n"),
        ("accept = [1]\n", "readiness.toml:1:11: accept: invalid type: integer \"1\", expected a table\n"),
        (
            "[gate]\nfail_on = [\"purgatory\", \"x\\n::error::y\"]\n",
            "readiness.toml:2:11: gate.fail_on: holds U+000A, a control, invisible or bidirectional character; a word or a reference is one line of visible characters\n",
        ),
        (
            "gate = [99.0, 50.0]\n",
            "readiness.toml:1:8: gate: a table is written with its keys by name, never as a list\n",
        ),
        (
            "[[gate]]\nfail_under = 3\n",
            "readiness.toml:1:1: gate: a table is written with its keys by name, never as a list\n",
        ),
        (
            "accept = { finding = \"laptop-bound\" }\n",
            "readiness.toml:1:10: accept: a list of tables, one [[accept]] for each accepted risk, not one table\n",
        ),
        (
            "[gate]\nfail_on_regression = 5\n",
            "readiness.toml:2:22: gate.fail_on_regression: invalid type: integer \"5\", expected a boolean\n",
        ),
        (
            "[gate]\nfail_under = { a = 1 }\n",
            "readiness.toml:2:14: gate.fail_under: invalid type: a table, expected a number\n",
        ),
        (
            "[gate] # the thresholds\nfail_under = 2027-01-01\n",
            "readiness.toml:2:14: gate.fail_under: invalid type: a date or a time, expected a number\n",
        ),
        (
            "[\"gate\"]\nfail_under = 2027-01-01\n",
            "readiness.toml:2:14: gate.fail_under: invalid type: a date or a time, expected a number\n",
        ),
        (
            "gate = { fail_under = 2027-01-01 }\n",
            "readiness.toml:1:23: invalid type: a date or a time, expected a number\n",
        ),
        (
            "gate = [99.0, 50.0, 50.0, 80.0, \"purgatory\", \"o.yaml\", true, 0.0]\n",
            "readiness.toml:1:8: gate: a table is written with its keys by name, never as a list\n",
        ),
        (
            "accept = [[\"laptop-bound\", \"x\", \"r\", \"b\", 2027-01-01]]\n",
            "readiness.toml:1:11: accept[0]: a table is written with its keys by name, never as a list\n",
        ),
        (
            "framework = \"nist\\u200b-ai-rmf\"\n",
            "readiness.toml:1:13: framework: holds U+200B, a control, invisible or bidirectional character; a word or a reference is one line of visible characters\n",
        ),
    ];
    for (settings, first_line) in cases {
        std::fs::write(format!("{dir}/readiness.toml"), settings).expect("write");
        let out = run_in(dir, &["assess", &northwind()]);
        assert_eq!((out.code, out.stdout.as_str()), (2, ""), "{settings}");
        assert!(
            out.stderr.starts_with(first_line),
            "{settings}: {}",
            out.stderr
        );
    }
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
    let tmp = scratch_dir();
    let dir = path_of(&tmp);
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
        let (code, checks) = fail_on_checks(dir, &[]);
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
    let (code, checks) = fail_on_checks(dir, &["--fail-on", "no-monitoring"]);
    assert_eq!(code, 0);
    assert_eq!(checks, [pair("no-monitoring", "not fired")]);

    std::fs::write(format!("{dir}/readiness.toml"), "[gate]\nfail_on = 3\n").expect("write");
    let out = run_in(dir, &["assess", &northwind()]);
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
    let tmp = scratch_dir();
    let dir = path_of(&tmp);
    std::fs::write(format!("{dir}/readiness.toml"), "format = \"markdown\"\n").expect("write");
    let out = run_in(dir, &["assess", &northwind()]);
    assert!(
        out.stdout.starts_with("# AI readiness: Northwind Retail"),
        "{}",
        out.stdout
    );
    let out = run_in(dir, &["assess", &northwind(), "--format", "json"]);
    assert!(out.stdout.starts_with('{'));
}

#[test]
fn the_rubric_path_is_relative_to_the_config_file() {
    let tmp = scratch_dir();
    let dir = path_of(&tmp);
    std::fs::create_dir_all(format!("{dir}/settings")).expect("mkdir");
    let ours = readiness::rubric::DEFAULT_TOML.replacen("id = \"default\"", "id = \"ours\"", 1);
    std::fs::write(format!("{dir}/settings/ours.toml"), ours).expect("write");
    std::fs::write(
        format!("{dir}/settings/readiness.toml"),
        "rubric = \"ours.toml\"\n",
    )
    .expect("write");
    let out = run_in(
        dir,
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

// `diff` scored a questionnaire with the default rubric where the
// settings file named another, and reported the difference between the
// two rubrics as a change of the organization's.
#[test]
fn every_command_that_scores_uses_the_rubric_the_settings_file_names() {
    let tmp = scratch_dir();
    let dir = path_of(&tmp);
    let ours = readiness::rubric::DEFAULT_TOML
        .replacen("id = \"default\"", "id = \"ours\"", 1)
        .replacen("weight = 3.0", "weight = 9.0", 1);
    std::fs::write(format!("{dir}/ours.toml"), ours).expect("write");
    std::fs::write(format!("{dir}/readiness.toml"), "rubric = \"ours.toml\"\n").expect("write");
    std::fs::copy(northwind(), format!("{dir}/org.yaml")).expect("copy");
    let out = run_in(
        dir,
        &["assess", "org.yaml", "--format", "json", "-o", "old.json"],
    );
    assert_eq!(out.code, 0, "{}", out.stderr);
    let out = run_in(dir, &["diff", "old.json", "org.yaml"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(!out.stdout.contains("The rubric changed"), "{}", out.stdout);
    assert!(
        out.stdout.contains("  strategy: 84.6 (unchanged)\n"),
        "{}",
        out.stdout
    );
    // Without the settings file, the default rubric, and the note says so.
    let out = run_in(dir, &["diff", "old.json", "org.yaml", "--no-config"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(
        out.stdout
            .contains("The rubric changed, from ours version 2 to default version 2"),
        "{}",
        out.stdout
    );
    assert!(
        out.stdout.contains("  strategy: 84.6 → 80.9 (-3.7)\n"),
        "{}",
        out.stdout
    );
    // The flag wins over the settings file.
    let default = format!("{dir}/default.toml");
    std::fs::write(&default, readiness::rubric::DEFAULT_TOML).expect("write");
    let out = run_in(
        dir,
        &["diff", "old.json", "org.yaml", "--rubric", "default.toml"],
    );
    assert!(
        out.stdout
            .contains("from ours version 2 to default version 2"),
        "{}",
        out.stdout
    );
    for args in [
        &["rubric", "show"][..],
        &["explain", "purpose.business-problems"][..],
    ] {
        let out = run_in(dir, args);
        assert_eq!(out.code, 0, "{args:?}: {}", out.stderr);
        let shown = run_in(dir, &[args, &["--no-config"][..]].concat());
        assert_ne!(
            out.stdout, shown.stdout,
            "{args:?}: the settings' rubric makes no difference"
        );
    }
    let out = run_in(dir, &["rubric", "show"]);
    assert!(
        out.stdout.contains("(id ours, version 2)"),
        "{}",
        out.stdout
    );
    let out = run_in(dir, &["explain", "purpose.business-problems"]);
    assert!(
        out.stdout.contains("weight 9 of 31 on that side"),
        "{}",
        out.stdout
    );
    // A settings file that cannot be read stops them as it stops `assess`.
    std::fs::write(format!("{dir}/readiness.toml"), "rubric = 3\n").expect("write");
    for args in [
        &["diff", "old.json", "org.yaml"][..],
        &["history", "org.yaml"][..],
        &["rubric", "show"][..],
        &["explain", "stale-pilot"][..],
    ] {
        let out = run_in(dir, args);
        assert_eq!((out.code, out.stdout.as_str()), (2, ""), "{args:?}");
        assert!(
            out.stderr.starts_with("readiness.toml:1:"),
            "{args:?}: {}",
            out.stderr
        );
    }
}

#[test]
fn mistakes_in_the_config_are_errors_with_their_place() {
    let tmp = scratch_dir();
    let dir = path_of(&tmp);
    std::fs::write(
        format!("{dir}/readiness.toml"),
        "format = \"json\"\n[gate]\nfail_undr = 60\n",
    )
    .expect("write");
    let out = run_in(dir, &["assess", &northwind()]);
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
        "format = \"pdf\"\n[gate]\nmin_strategy = 120\nfail_on = \"criticals\"\n",
    )
    .expect("write");
    let out = run_in(dir, &["assess", &northwind()]);
    assert_eq!(out.code, 2);
    let lines: Vec<&str> = out
        .stderr
        .lines()
        .filter(|l| l.starts_with("readiness.toml:"))
        .collect();
    assert_eq!(
        lines,
        [
            "readiness.toml:1:10: format: \"pdf\" is not a choice; expected one of table, markdown, json, sarif, github, codeclimate, junit, html",
            "readiness.toml:3:16: gate.min_strategy: expected a number from 0 to 100, found 120",
            "readiness.toml:4:11: gate.fail_on: \"criticals\" is not a choice; expected purgatory, critical, warning, a finding id such as no-monitoring (`readiness explain` lists them) or a framework reference such as nist-ai-rmf:MEASURE-2.4 (`readiness frameworks` lists them); did you mean \"critical\"?",
        ]
    );

    let out = run_in(dir, &["assess", &northwind(), "--config", "missing.toml"]);
    assert_eq!(
        (out.code, out.stderr.as_str()),
        (2, "missing.toml: no such file\n")
    );
}

#[test]
fn every_format_says_which_settings_rubric_and_gates_made_it() {
    let tmp = scratch_dir();
    let dir = path_of(&tmp);
    let bare = run_in(dir, &["assess", &northwind(), "--format", "json"]);
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
    let table = run_in(dir, &["assess", &northwind(), "--format", "table"]);
    assert!(table.stdout.ends_with(
        "\nMade with no settings file; the built-in rubric default version 2; no gate.\n"
    ));

    let rubric = run_in(dir, &["rubric", "export"]).stdout;
    std::fs::create_dir_all(format!("{dir}/rubrics")).expect("mkdir");
    std::fs::write(format!("{dir}/rubrics/ours.toml"), rubric).expect("write");
    std::fs::write(
        format!("{dir}/readiness.toml"),
        "rubric = \"rubrics/ours.toml\"\n[gate]\nfail_under = 20\nfail_on = \"stale-pilot\"\n",
    )
    .expect("write");
    let json = run_in(
        dir,
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
        dir,
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
        dir,
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

// `baseline = "git:HEAD~1:org.yaml"` read org.yaml from the working
// directory: from the root the root's file, from team/ team's own, so the
// same settings passed the gate in one directory and failed it in another.
#[test]
fn a_settings_files_git_baseline_path_is_relative_to_it() {
    let tmp = scratch_dir();
    let dir = path_of(&tmp);
    git(dir, &["init", "--quiet"]);
    let northwind = std::fs::read_to_string(northwind()).expect("example");
    let unsponsored = northwind.replace("sponsor: c_suite", "sponsor: none");
    std::fs::create_dir(format!("{dir}/team")).expect("mkdir");
    std::fs::write(format!("{dir}/org.yaml"), &unsponsored).expect("write");
    std::fs::write(format!("{dir}/team/org.yaml"), &northwind).expect("write");
    commit_on(dir, "2026-11-01", "both");
    std::fs::write(format!("{dir}/team/org.yaml"), &unsponsored).expect("write");
    commit_on(dir, "2026-11-02", "team's sponsor left");
    std::fs::write(
        format!("{dir}/readiness.toml"),
        "[gate]\nbaseline = \"git:HEAD~1:org.yaml\"\nfail_on_regression = true\n",
    )
    .expect("write");
    // Against the root's org.yaml, as it was: nothing moved.
    let from_root = run_in(dir, &["assess", "team/org.yaml", "--format", "json"]);
    let team = format!("{dir}/team");
    let from_team = run_in(&team, &["assess", "org.yaml", "--format", "json"]);
    for (out, baseline) in [
        (&from_root, "git:HEAD~1:org.yaml"),
        (&from_team, "git:HEAD~1:../org.yaml"),
    ] {
        assert_eq!(out.code, 0, "{}", out.stderr);
        let report: serde_json::Value = serde_json::from_str(&out.stdout).expect("JSON");
        assert_eq!(
            report["config"]["gates"]["baseline"], baseline,
            "{}",
            out.stdout
        );
        assert_eq!(report["gate"]["passed"], true, "{}", out.stdout);
    }
}

#[test]
fn the_settings_file_is_found_upward_to_the_repository_root() {
    let tmp = scratch_dir();
    let dir = path_of(&tmp);
    let repo = format!("{dir}/repo");
    std::fs::create_dir_all(format!("{repo}/questionnaires/2026")).expect("mkdir");
    git(&repo, &["init", "--quiet"]);
    std::fs::copy(northwind(), format!("{repo}/questionnaires/2026/org.yaml")).expect("copy");
    std::fs::write(
        format!("{repo}/readiness.toml"),
        "[gate]\nfail_under = 60\n",
    )
    .expect("write");
    let deep = format!("{repo}/questionnaires/2026");
    let out = run_in(&deep, &["assess", "org.yaml", "--format", "table"]);
    assert_eq!(out.code, 1, "{}", out.stderr);
    assert!(
        unwrapped(&out.stdout).contains("Made with settings from ../../readiness.toml;"),
        "{}",
        out.stdout
    );
    // The rubric named in it is still read relative to it.
    std::fs::write(
        format!("{repo}/ours.toml"),
        readiness::rubric::DEFAULT_TOML.replacen("id = \"default\"", "id = \"ours\"", 1),
    )
    .expect("write");
    std::fs::write(
        format!("{repo}/readiness.toml"),
        "rubric = \"ours.toml\"\n[gate]\nfail_under = 60\n",
    )
    .expect("write");
    let out = run_in(&deep, &["assess", "org.yaml", "--format", "json"]);
    assert_eq!(out.code, 1, "{}", out.stderr);
    assert!(out.stdout.contains("\"id\": \"ours\""), "{}", out.stdout);

    // The nearest wins.
    std::fs::write(
        format!("{repo}/questionnaires/readiness.toml"),
        "[gate]\nfail_under = 10\n",
    )
    .expect("write");
    let out = run_in(&deep, &["assess", "org.yaml", "--format", "json"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(
        out.stdout.contains("\"file\": \"../readiness.toml\""),
        "{}",
        out.stdout
    );

    // --no-config reads none; --config still names one.
    let out = run_in(
        &deep,
        &["assess", "org.yaml", "--format", "table", "--no-config"],
    );
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(unwrapped(&out.stdout).contains("Made with no settings file;"));
    let out = run_in(
        &deep,
        &[
            "assess",
            "org.yaml",
            "--format",
            "json",
            "--config",
            "../../readiness.toml",
        ],
    );
    assert_eq!(out.code, 1, "{}", out.stderr);
    let out = run_in(
        &deep,
        &["assess", "org.yaml", "--no-config", "--config", "x.toml"],
    );
    assert_eq!(out.code, 2);
    assert!(out.stderr.contains("--no-config"), "{}", out.stderr);
}

#[test]
fn the_search_stops_at_the_repository_root() {
    let tmp = scratch_dir();
    let dir = path_of(&tmp);
    // A settings file above the repository is not the repository's.
    std::fs::write(format!("{dir}/readiness.toml"), "[gate]\nfail_under = 99\n").expect("write");
    for dot_git in ["directory", "file"] {
        let repo = format!("{dir}/repo-{dot_git}");
        std::fs::create_dir_all(format!("{repo}/sub")).expect("mkdir");
        if dot_git == "directory" {
            git(&repo, &["init", "--quiet"]);
        } else {
            // A worktree or a submodule: `.git` is a file.
            std::fs::write(format!("{repo}/.git"), "gitdir: /nowhere\n").expect("write");
        }
        std::fs::copy(northwind(), format!("{repo}/sub/org.yaml")).expect("copy");
        let out = run_in(
            &format!("{repo}/sub"),
            &["assess", "org.yaml", "--format", "table"],
        );
        assert_eq!(out.code, 0, "{dot_git}: {}", out.stderr);
        assert!(
            unwrapped(&out.stdout).contains("Made with no settings file;"),
            "{dot_git}"
        );
    }
    // Outside a repository the search goes on up: this scratch directory
    // is not one, and its parent holds the settings file.
    std::fs::create_dir_all(format!("{dir}/plain/sub")).expect("mkdir");
    std::fs::copy(northwind(), format!("{dir}/plain/sub/org.yaml")).expect("copy");
    let out = run_in(
        &format!("{dir}/plain/sub"),
        &["assess", "org.yaml", "--format", "json"],
    );
    assert_eq!(out.code, 1, "{}", out.stderr);
    assert!(
        out.stdout.contains("\"file\": \"../../readiness.toml\""),
        "{}",
        out.stdout
    );
}

#[test]
fn a_flag_that_replaces_a_setting_says_so_in_the_report_and_on_stderr() {
    let tmp = scratch_dir();
    let dir = path_of(&tmp);
    std::fs::write(
        format!("{dir}/readiness.toml"),
        "format = \"markdown\"\n[gate]\nfail_under = 20\nfail_on = [\"critical\", \"purgatory\"]\n",
    )
    .expect("write");
    let out = run_in(
        dir,
        &[
            "assess",
            &northwind(),
            "--format",
            "table",
            "--fail-on",
            "purgatory",
            "--fail-under",
            "20",
        ],
    );
    assert_eq!(out.code, 1);
    let replaced =
        "fail_on: purgatory, from --fail-on, replacing readiness.toml's critical and purgatory";
    let format = "format: table, from --format, replacing readiness.toml's markdown";
    // A flag set to the file's own value replaces nothing.
    assert_eq!(
        out.stderr
            .lines()
            .filter(|l| l.starts_with("note: "))
            .collect::<Vec<_>>(),
        [format!("note: {format}"), format!("note: {replaced}")]
    );
    assert!(
        unwrapped(&out.stdout).ends_with(&format!(
            "gates: fail_under 20.0, fail_on purgatory; {format}; {replaced}."
        )),
        "{}",
        out.stdout
    );
    // Without flags, no note.
    let out = run_in(dir, &["assess", &northwind()]);
    assert!(!out.stderr.contains("note:"), "{}", out.stderr);
}

#[test]
fn every_mistake_of_the_settings_file_is_reported_at_once() {
    let tmp = scratch_dir();
    let dir = path_of(&tmp);
    std::fs::write(
        format!("{dir}/readiness.toml"),
        "formt = \"json\"\n[gate]\nfail_undr = 60\nmin_strategy = 120\n",
    )
    .expect("write");
    let out = run_in(dir, &["assess", &northwind()]);
    assert_eq!((out.code, out.stdout.as_str()), (2, ""));
    let lines: Vec<&str> = out
        .stderr
        .lines()
        .filter(|l| l.starts_with("readiness.toml:"))
        .collect();
    assert_eq!(
        lines,
        [
            "readiness.toml:1:1: unknown key \"formt\"; did you mean \"format\"?",
            "readiness.toml:3:1: unknown key \"fail_undr\"; did you mean \"fail_under\"?",
            "readiness.toml:4:16: gate.min_strategy: expected a number from 0 to 100, found 120",
        ]
    );
}

// A settings file naming a file elsewhere on the machine had it read and
// its first line quoted in the job's log.
#[test]
fn a_settings_file_names_files_inside_its_repository_only() {
    let tmp = scratch_dir();
    let dir = path_of(&tmp);
    // A repository of its own, wherever the build puts scratch directories.
    git(dir, &["init", "--quiet"]);
    let elsewhere = tempfile::tempdir().expect("a directory outside the repository");
    let secret = elsewhere.path().join("secret.toml");
    std::fs::write(&secret, "token: abc\n").expect("write");
    std::os::unix::fs::symlink(&secret, format!("{dir}/link.toml")).expect("symlink");
    let secret = secret.to_str().expect("UTF-8");
    let cases = [
        (
            format!("rubric = \"{secret}\"\n"),
            "1:10: rubric",
            secret,
            "rubric",
        ),
        (
            "rubric = \"link.toml\"\n".to_owned(),
            "1:10: rubric",
            "link.toml",
            "rubric",
        ),
        (
            format!("[gate]\nbaseline = \"{secret}\"\n"),
            "2:12: gate.baseline",
            secret,
            "baseline",
        ),
    ];
    for (settings, place, named, flag) in cases {
        std::fs::write(format!("{dir}/readiness.toml"), &settings).expect("write");
        let out = run_in(dir, &["assess", &northwind()]);
        assert_eq!((out.code, out.stdout.as_str()), (2, ""), "{settings}");
        assert!(
            out.stderr.starts_with(&format!("readiness.toml:{place}: \"{named}\" lies outside the repository holding this settings file; a settings file names files inside it (--{flag} names any file)\n")),
            "{settings}: {}",
            out.stderr
        );
        assert!(!out.stderr.contains("token"), "{}", out.stderr);
    }
    // A file at a git revision is read from the repository that holds its
    // directory: one beside this one is outside too. So is `.git` itself.
    let other = elsewhere.path().join("other");
    std::fs::create_dir(&other).expect("mkdir");
    git(other.to_str().expect("UTF-8"), &["init", "--quiet"]);
    let other = other.to_str().expect("UTF-8");
    for (settings, place, named) in [
        (
            format!("[gate]\nbaseline = \"git:HEAD:{other}/org.yaml\"\n"),
            "2:12: gate.baseline",
            format!("git:HEAD:{other}/org.yaml"),
        ),
        (
            "rubric = \".git/config\"\n".to_owned(),
            "1:10: rubric",
            ".git/config".to_owned(),
        ),
    ] {
        std::fs::write(format!("{dir}/readiness.toml"), &settings).expect("write");
        let out = run_in(dir, &["assess", &northwind()]);
        assert_eq!((out.code, out.stdout.as_str()), (2, ""), "{settings}");
        assert!(
            out.stderr.starts_with(&format!(
                "readiness.toml:{place}: \"{named}\" lies outside the repository"
            )),
            "{settings}: {}",
            out.stderr
        );
    }
    // A flag that replaces the file leaves the settings file usable.
    std::fs::write(
        format!("{dir}/readiness.toml"),
        format!("rubric = \"{secret}\"\n"),
    )
    .expect("write");
    let default_rubric = format!("{}/rubrics/default.toml", env!("CARGO_MANIFEST_DIR"));
    let out = run_in(dir, &["assess", &northwind(), "--rubric", &default_rubric]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    // Inside the repository, and given as a flag, either is read.
    std::fs::copy(
        format!("{}/rubrics/default.toml", env!("CARGO_MANIFEST_DIR")),
        format!("{dir}/ours.toml"),
    )
    .expect("copy");
    std::fs::write(format!("{dir}/readiness.toml"), "rubric = \"ours.toml\"\n").expect("write");
    assert_eq!(run_in(dir, &["assess", &northwind()]).code, 0);
    std::fs::write(format!("{dir}/readiness.toml"), "").expect("write");
    let out = run_in(dir, &["assess", &northwind(), "--rubric", secret]);
    assert_eq!(out.code, 2, "{}", out.stderr);
    assert!(
        out.stderr.starts_with(&format!("{secret}:1:")),
        "{}",
        out.stderr
    );
}

// A settings file found by searching that linked to a file elsewhere on the
// machine had that file read and its first problem quoted in the job's log.
#[test]
fn a_found_settings_file_linked_from_outside_its_repository_is_not_read() {
    let tmp = scratch_dir();
    let dir = path_of(&tmp);
    git(dir, &["init", "--quiet"]);
    let elsewhere = tempfile::tempdir().expect("a directory outside the repository");
    let secret = elsewhere.path().join("secret.txt");
    std::fs::write(&secret, "AWS_SECRET=abc123\n").expect("write");
    std::fs::create_dir(format!("{dir}/sub")).expect("mkdir");
    std::fs::copy(northwind(), format!("{dir}/sub/q.yaml")).expect("copy");
    std::os::unix::fs::symlink(&secret, format!("{dir}/readiness.toml")).expect("symlink");
    let out = run_in(&format!("{dir}/sub"), &["assess", "q.yaml"]);
    assert_eq!(out.code, 2, "{}", out.stderr);
    assert_eq!(
        out.stderr,
        "../readiness.toml: links to a file outside the repository holding it; it is read for settings, so make it a file or remove it (or pass --no-config)\n"
    );
    assert_eq!(out.stdout, "");
    // Named on the command line, it is the user's own choice, and read.
    let named = run_in(
        &format!("{dir}/sub"),
        &["assess", "q.yaml", "--config", "../readiness.toml"],
    );
    assert_eq!(named.code, 2);
    assert!(named.stderr.contains("AWS_SECRET"), "{}", named.stderr);
    // A link inside the repository is read as the file it links to.
    std::fs::remove_file(format!("{dir}/readiness.toml")).expect("remove");
    std::fs::write(format!("{dir}/settings.toml"), "format = \"json\"\n").expect("write");
    std::os::unix::fs::symlink("settings.toml", format!("{dir}/readiness.toml")).expect("symlink");
    let inside = run_in(&format!("{dir}/sub"), &["assess", "q.yaml"]);
    assert!(inside.stdout.starts_with('{'), "{}", inside.stderr);
}

// A file a settings key names that cannot be read was reported by its bare
// path (": no such file" for a blank one), never naming the settings file.
#[test]
fn a_file_the_settings_name_that_cannot_be_read_is_said_at_its_key() {
    let tmp = scratch_dir();
    let dir = path_of(&tmp);
    git(dir, &["init", "--quiet"]);
    std::fs::copy(northwind(), format!("{dir}/q.yaml")).expect("copy");
    std::fs::create_dir(format!("{dir}/rubrics")).expect("mkdir");
    for (settings, expected) in [
        ("rubric = \"\"\n", "readiness.toml:1:10: rubric: is blank; name a file, or leave the key out"),
        ("rubric = \"rubrics\"\n", "readiness.toml:1:10: rubric: \"rubrics\" is a directory; name the rubric's TOML file, read relative to this settings file"),
        ("rubric = \"ours.toml\"\n", "readiness.toml:1:10: rubric: \"ours.toml\" is not there, read relative to this settings file"),
        ("[gate]\nbaseline = \"git:-p\"\n", "readiness.toml:2:12: gate.baseline: \"git:-p\": the git revision starts with '-', which git would read as an option; name a commit, a branch or a tag"),
        ("[gate]\nbaseline = \"git:\"\n", "readiness.toml:2:12: gate.baseline: \"git:\" names no revision; write git:REV, as in git:HEAD~1 or git:origin/main"),
    ] {
        std::fs::write(format!("{dir}/readiness.toml"), settings).expect("write");
        let out = run_in(dir, &["assess", "q.yaml"]);
        assert_eq!((out.code, out.stdout.as_str()), (2, ""), "{settings}");
        assert!(
            out.stderr.starts_with(&format!("{expected}\n")),
            "{settings}: {}",
            out.stderr
        );
    }
    // The flag that replaces the key replaces its problem too.
    std::fs::write(format!("{dir}/readiness.toml"), "rubric = \"ours.toml\"\n").expect("write");
    std::fs::write(format!("{dir}/mine.toml"), readiness::rubric::DEFAULT_TOML).expect("write");
    let out = run_in(dir, &["assess", "q.yaml", "--rubric", "mine.toml"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
}

// toml says only "duplicate key": the key, or the table, is named.
#[test]
fn a_key_or_table_written_twice_is_named() {
    let tmp = scratch_dir();
    let dir = path_of(&tmp);
    std::fs::copy(northwind(), format!("{dir}/q.yaml")).expect("copy");
    for (settings, expected) in [
        (
            "format = \"json\"\nformat = \"table\"\n",
            "readiness.toml:2:1: the key \"format\" is written twice; keep one",
        ),
        (
            "[gate]\nfail_under = 3\n\"fail_under\" = 4\n",
            "readiness.toml:3:1: the key \"fail_under\" is written twice; keep one",
        ),
        (
            "[gate]\nfail_under = 3\n[gate]\nfail_under = 4\n",
            "readiness.toml:3:2: the table [gate] is written twice; keep one, with all its keys",
        ),
    ] {
        std::fs::write(format!("{dir}/readiness.toml"), settings).expect("write");
        let out = run_in(dir, &["assess", "q.yaml"]);
        assert_eq!((out.code, out.stdout.as_str()), (2, ""), "{settings}");
        assert!(
            out.stderr.starts_with(&format!("{expected}\n")),
            "{settings}: {}",
            out.stderr
        );
    }
}
