//! The regression gate: `assess --baseline REF --fail-on-regression`, with
//! REF a questionnaire, a JSON report or `git:REV` read from a real git
//! repository; each kind of regression on both sides of the tolerance, and
//! the errors for a missing revision or file.

use crate::common::{git, path_of, run, run_in, scratch_dir};
use serde_json::Value;

const NORTHWIND: &str = "examples/slide-deck-northwind-retail.yaml";

fn example(name: &str) -> String {
    std::fs::read_to_string(format!("{}/examples/{name}", env!("CARGO_MANIFEST_DIR")))
        .expect("example")
}

/// Northwind as it might have stood once: Harbor's answers under
/// Northwind's name (a regression baseline is the same organization's),
/// written in `dir`; its path.
fn strong_northwind(dir: &str) -> String {
    let path = format!("{dir}/strong-northwind.yaml");
    let text = example("aligned-harbor-logistics.yaml").replacen(
        "name: Harbor Logistics",
        "name: Northwind Retail",
        1,
    );
    std::fs::write(&path, text).expect("write");
    path
}

/// The checks a gated run printed in JSON: (name, passed).
fn checks(out: &crate::common::Run) -> Vec<(String, bool)> {
    let report: Value = serde_json::from_str(&out.stdout).expect("JSON");
    report["gate"]["checks"]
        .as_array()
        .expect("checks")
        .iter()
        .map(|c| {
            (
                c["name"].as_str().expect("a name").to_owned(),
                c["passed"].as_bool().expect("passed"),
            )
        })
        .collect()
}

fn failed(out: &crate::common::Run) -> Vec<String> {
    checks(out)
        .into_iter()
        .filter(|(_, passed)| !passed)
        .map(|(name, _)| name)
        .collect()
}

#[test]
fn the_same_questionnaire_as_its_own_baseline_passes_every_check() {
    let out = run(&[
        "assess",
        NORTHWIND,
        "--format",
        "json",
        "--baseline",
        NORTHWIND,
        "--fail-on-regression",
    ]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert_eq!(
        checks(&out),
        [
            ("regression.overall".to_owned(), true),
            ("regression.strategy".to_owned(), true),
            ("regression.implementation".to_owned(), true),
            ("regression.level".to_owned(), true),
            ("regression.quadrant".to_owned(), true),
            ("regression.critical".to_owned(), true),
        ]
    );
}

#[test]
fn a_score_that_falls_fails_beyond_the_tolerance_and_passes_within_it() {
    let tmp = scratch_dir();
    let dir = path_of(&tmp);
    // Northwind with one data answer worse: implementation falls by 1.6.
    let worse =
        example("slide-deck-northwind-retail.yaml").replace("quality: fair", "quality: poor");
    std::fs::write(format!("{dir}/org.yaml"), worse).expect("write");
    let baseline = format!("{}/{NORTHWIND}", env!("CARGO_MANIFEST_DIR"));
    let gated = |tolerance: &str| {
        run_in(
            dir,
            &[
                "assess",
                "org.yaml",
                "--format",
                "json",
                "--baseline",
                &baseline,
                "--fail-on-regression",
                "--tolerance",
                tolerance,
            ],
        )
    };
    // The largest fall among the three scores is the tolerance's boundary.
    let report: Value = serde_json::from_str(&gated("0").stdout).expect("JSON");
    let fall = report["gate"]["checks"]
        .as_array()
        .expect("checks")
        .iter()
        .filter_map(|c| Some(c["baseline"].as_f64()? - c["actual"].as_f64()?))
        .fold(0.0_f64, f64::max);
    let fall = (fall * 10.0).round() / 10.0;
    assert!(fall > 0.0, "{report}");
    let at = format!("{fall:.1}");
    let below = format!("{:.1}", fall - 0.1);
    let out = gated(&at);
    assert_eq!(
        (out.code, failed(&out)),
        (0, vec![]),
        "a fall of {fall} within a tolerance of {at}"
    );
    let out = gated(&below);
    assert_eq!(out.code, 1);
    assert_eq!(
        failed(&out),
        ["regression.overall"],
        "only the largest fall"
    );
    assert!(
        out.stderr.contains("beyond the tolerance of"),
        "{}",
        out.stderr
    );
}

#[test]
fn a_level_or_quadrant_that_falls_and_a_new_critical_finding_fail() {
    let tmp = scratch_dir();
    let dir = path_of(&tmp);
    let harbor = strong_northwind(dir);
    // Northwind against its strong past: everything falls.
    let out = run(&[
        "assess",
        NORTHWIND,
        "--format",
        "json",
        "--baseline",
        &harbor,
        "--fail-on-regression",
        "--tolerance",
        "100",
    ]);
    assert_eq!(out.code, 1);
    assert_eq!(
        failed(&out),
        [
            "regression.level",
            "regression.quadrant",
            "regression.critical"
        ],
        "a tolerance of 100 lets every score fall"
    );
    // The strong one against Northwind: nothing falls, and Northwind's
    // critical finding is gone, not new.
    let out = run(&[
        "assess",
        &harbor,
        "--format",
        "json",
        "--baseline",
        NORTHWIND,
        "--fail-on-regression",
    ]);
    assert_eq!((out.code, failed(&out)), (0, vec![]));
    // A stored JSON report as the baseline gives the same checks.
    let stored = format!("{dir}/harbor.json");
    assert_eq!(
        run(&["assess", &harbor, "--format", "json", "-o", &stored]).code,
        0
    );
    let from_json = run(&[
        "assess",
        NORTHWIND,
        "--format",
        "json",
        "--baseline",
        &stored,
        "--fail-on-regression",
        "--tolerance",
        "100",
    ]);
    assert_eq!(checks(&from_json), checks(&out_against(&harbor)));
}

fn out_against(baseline: &str) -> crate::common::Run {
    run(&[
        "assess",
        NORTHWIND,
        "--format",
        "json",
        "--baseline",
        baseline,
        "--fail-on-regression",
        "--tolerance",
        "100",
    ])
}

#[test]
fn a_git_revision_is_the_baseline_and_its_errors_are_clear() {
    let tmp = scratch_dir();
    let dir = path_of(&tmp);
    git(dir, &["init", "--quiet"]);
    std::fs::create_dir_all(format!("{dir}/org")).expect("mkdir");
    std::fs::write(
        format!("{dir}/org/q.yaml"),
        example("aligned-harbor-logistics.yaml").replacen(
            "name: Harbor Logistics",
            "name: Northwind Retail",
            1,
        ),
    )
    .expect("write");
    git(dir, &["add", "."]);
    git(dir, &["commit", "--quiet", "-m", "strong"]);
    // The working copy falls back to Northwind's answers.
    std::fs::write(
        format!("{dir}/org/q.yaml"),
        example("slide-deck-northwind-retail.yaml"),
    )
    .expect("write");
    let out = run_in(
        dir,
        &[
            "assess",
            "org/q.yaml",
            "--format",
            "json",
            "--baseline",
            "git:HEAD",
            "--fail-on-regression",
        ],
    );
    assert_eq!(out.code, 1, "{}", out.stderr);
    assert!(failed(&out).contains(&"regression.level".to_owned()));
    assert!(
        out.stderr.contains(
            "org/q.yaml: gate failed: level experimenting is below the baseline's scaling"
        ),
        "{}",
        out.stderr
    );

    let out = run_in(
        dir,
        &[
            "assess",
            "org/q.yaml",
            "--baseline",
            "git:no-such-branch",
            "--fail-on-regression",
        ],
    );
    assert_eq!((out.code, out.stdout.as_str()), (2, ""));
    assert_eq!(
        out.stderr,
        "org/q.yaml: git revision no-such-branch names no commit in this repository\n"
    );
    std::fs::write(
        format!("{dir}/org/new.yaml"),
        example("aligned-harbor-logistics.yaml"),
    )
    .expect("write");
    let out = run_in(
        dir,
        &[
            "assess",
            "org/new.yaml",
            "--baseline",
            "git:HEAD",
            "--fail-on-regression",
        ],
    );
    assert_eq!(out.code, 2);
    assert!(
        out.stderr
            .starts_with("org/new.yaml: cannot be read at git revision HEAD: "),
        "{}",
        out.stderr
    );
}

#[test]
fn the_regression_gate_needs_a_baseline_and_the_tolerance_needs_the_gate() {
    let out = run(&["assess", NORTHWIND, "--fail-on-regression"]);
    assert_eq!((out.code, out.stdout.as_str()), (2, ""));
    assert_eq!(
        out.stderr,
        "--fail-on-regression: needs a baseline to compare with: --baseline REF, or gate.baseline in readiness.toml (a questionnaire, a JSON report, or git:REV)\n"
    );
    let out = run(&["assess", NORTHWIND, "--tolerance", "3"]);
    assert_eq!((out.code, out.stdout.as_str()), (2, ""));
    assert_eq!(
        out.stderr,
        "--tolerance: is the regression gate's, which is off: add --fail-on-regression (or fail_on_regression = true under [gate])\n"
    );
    // A baseline alone is a comparison, not a gate.
    let out = run(&[
        "assess",
        NORTHWIND,
        "--baseline",
        NORTHWIND,
        "--format",
        "json",
    ]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let report: Value = serde_json::from_str(&out.stdout).expect("JSON");
    assert_eq!(report["gate"], Value::Null);
    assert_eq!(report["config"]["gates"]["tolerance"], Value::Null);
    assert_eq!(report["comparison"]["before"]["source"], NORTHWIND);
}

#[test]
fn the_regression_gate_from_readiness_toml() {
    let tmp = scratch_dir();
    let dir = path_of(&tmp);
    std::fs::create_dir_all(format!("{dir}/reports")).expect("mkdir");
    let harbor = strong_northwind(dir);
    assert_eq!(
        run(&[
            "assess",
            &harbor,
            "--format",
            "json",
            "-o",
            &format!("{dir}/reports/last.json")
        ])
        .code,
        0
    );
    std::fs::write(
        format!("{dir}/readiness.toml"),
        "[gate]\nbaseline = \"reports/last.json\"\nfail_on_regression = true\ntolerance = 100\n",
    )
    .expect("write");
    let northwind = format!("{}/{NORTHWIND}", env!("CARGO_MANIFEST_DIR"));
    let out = run_in(dir, &["assess", &northwind, "--format", "json"]);
    assert_eq!(out.code, 1, "{}", out.stderr);
    assert_eq!(
        failed(&out),
        [
            "regression.level",
            "regression.quadrant",
            "regression.critical"
        ]
    );
    let report: Value = serde_json::from_str(&out.stdout).expect("JSON");
    assert_eq!(report["config"]["gates"]["baseline"], "reports/last.json");
    assert_eq!(report["config"]["gates"]["tolerance"], 100.0);

    // The gate from the settings file, the baseline from the flag, and the
    // flag's tolerance over the file's.
    std::fs::write(
        format!("{dir}/readiness.toml"),
        "[gate]\nfail_on_regression = true\ntolerance = 2\n",
    )
    .expect("write");
    let out = run_in(dir, &["assess", &northwind]);
    assert_eq!((out.code, out.stdout.as_str()), (2, ""));
    assert_eq!(
        out.stderr,
        "readiness.toml:2:22: gate.fail_on_regression: needs a baseline to compare with: gate.baseline, or --baseline REF (a questionnaire, a JSON report, or git:REV)\n"
    );
    let flags = [
        "assess",
        &northwind,
        "--baseline",
        "reports/last.json",
        "--format",
        "json",
    ];
    let out = run_in(dir, &flags);
    assert_eq!(out.code, 1, "{}", out.stderr);
    let report: Value = serde_json::from_str(&out.stdout).expect("JSON");
    assert_eq!(report["config"]["gates"]["tolerance"], 2.0);
    let out = run_in(dir, &[&flags[..], &["--tolerance", "100"]].concat());
    let report: Value = serde_json::from_str(&out.stdout).expect("JSON");
    assert_eq!(report["config"]["gates"]["tolerance"], 100.0);

    // A baseline alone in the settings file compares, and gates nothing.
    std::fs::write(
        format!("{dir}/readiness.toml"),
        "[gate]\nbaseline = \"reports/last.json\"\n",
    )
    .expect("write");
    let out = run_in(dir, &["assess", &northwind, "--format", "json"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let report: Value = serde_json::from_str(&out.stdout).expect("JSON");
    assert_eq!(report["gate"], Value::Null);
    assert_eq!(
        report["comparison"]["before"]["organization"],
        "Northwind Retail"
    );
}

#[test]
fn a_regression_names_the_criteria_that_moved_and_when_time_alone_moved_them() {
    let tmp = scratch_dir();
    let dir = path_of(&tmp);
    let harbor = example("aligned-harbor-logistics.yaml");
    std::fs::write(format!("{dir}/org.yaml"), &harbor).expect("write");
    git(dir, &["init", "--quiet"]);
    crate::common::commit_on(dir, "2026-11-20", "the baseline");
    let gated = [
        "assess",
        "org.yaml",
        "--baseline",
        "git:HEAD",
        "--fail-on-regression",
        "--format",
        "json",
    ];

    // Only the assessment date moves: the roadmap ages past six months.
    let later = harbor.replace("assessed: 2026-11-20", "assessed: 2027-06-20");
    std::fs::write(format!("{dir}/org.yaml"), &later).expect("write");
    let out = run_in(dir, &gated);
    assert_eq!(out.code, 1, "{}", out.stderr);
    let why = "the criteria that moved: delivery.roadmap-fresh 100.0 to 73.9 (moved with time alone: \
               strategy.roadmap.updated is 2026-09-15 in both, 66 days before the baseline's assessment \
               and 278 before this one)";
    let lines: Vec<&str> = out.stderr.lines().collect();
    assert_eq!(
        lines,
        [
            format!("org.yaml: gate failed: overall 94.9 against the baseline's 95.4 (-0.5; the low ends of the ranges), beyond the tolerance of 0.0; {why}").as_str(),
            format!("org.yaml: gate failed: strategy 97.4 against the baseline's 98.4 (-1.0; the low ends of the ranges), beyond the tolerance of 0.0; {why}").as_str(),
            "what to do: `readiness diff` with the baseline and this file shows everything that moved",
        ]
    );

    // The roadmap's date itself moved back: the move is named, not put on time.
    let older = harbor.replace("updated: 2026-09-15", "updated: 2025-09-15");
    std::fs::write(format!("{dir}/org.yaml"), &older).expect("write");
    let out = run_in(dir, &gated);
    assert_eq!(out.code, 1, "{}", out.stderr);
    assert!(
        out.stderr
            .contains("; the criteria that moved: delivery.roadmap-fresh 100.0 to 41.0\n"),
        "{}",
        out.stderr
    );
    assert!(!out.stderr.contains("time alone"), "{}", out.stderr);

    // Both moved, the date answered and the assessment date: the calendar
    // alone does not explain the move, though the new points fit the new
    // date's age.
    let both = older.replace("assessed: 2026-11-20", "assessed: 2027-06-20");
    std::fs::write(format!("{dir}/org.yaml"), &both).expect("write");
    let out = run_in(dir, &gated);
    assert_eq!(out.code, 1, "{}", out.stderr);
    assert!(
        out.stderr
            .contains("; the criteria that moved: delivery.roadmap-fresh 100.0 to "),
        "{}",
        out.stderr
    );
    assert!(!out.stderr.contains("time alone"), "{}", out.stderr);

    // The implementation side did not move: its check passed, and names nothing.
    assert!(
        !out.stderr.contains("gate failed: implementation"),
        "{}",
        out.stderr
    );
}

/// A criterion left unanswered in the baseline and still unanswered now
/// did not move: the criteria that moved name only those whose points
/// changed.
#[test]
fn a_criterion_unanswered_before_and_now_did_not_move() {
    let tmp = scratch_dir();
    let dir = path_of(&tmp);
    let harbor = example("aligned-harbor-logistics.yaml").replace("  priorities: ranked\n", "");
    std::fs::write(format!("{dir}/org.yaml"), &harbor).expect("write");
    git(dir, &["init", "--quiet"]);
    crate::common::commit_on(dir, "2026-11-20", "the baseline");
    let later = harbor.replace("assessed: 2026-11-20", "assessed: 2027-06-20");
    std::fs::write(format!("{dir}/org.yaml"), &later).expect("write");
    let out = run_in(
        dir,
        &[
            "assess",
            "org.yaml",
            "--baseline",
            "git:HEAD",
            "--fail-on-regression",
            "--format",
            "json",
        ],
    );
    assert_eq!(out.code, 1, "{}", out.stderr);
    let strategy = out
        .stderr
        .lines()
        .find(|l| l.starts_with("org.yaml: gate failed: strategy "))
        .unwrap_or_else(|| panic!("{}", out.stderr));
    let moved = strategy
        .split_once("; the criteria that moved: ")
        .unwrap_or_else(|| panic!("{strategy}"))
        .1;
    assert_eq!(
        moved,
        "delivery.roadmap-fresh 100.0 to 73.9 (moved with time alone: \
         strategy.roadmap.updated is 2026-09-15 in both, 66 days before the baseline's assessment \
         and 278 before this one)"
    );
}
