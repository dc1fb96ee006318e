//! `assess --baseline`: the comparison with an earlier assessment in every
//! report format, alone and in a portfolio, and each of its sentences for
//! each way it can read.

use crate::common::{commit_on, git, path_of, run, run_in, scratch_dir};
use serde_json::Value;
use tempfile::TempDir;

const NORTHWIND: &str = "examples/slide-deck-northwind-retail.yaml";

fn example(name: &str) -> String {
    std::fs::read_to_string(format!("{}/{name}", env!("CARGO_MANIFEST_DIR"))).expect("example")
}

/// A repository holding Northwind as committed, and a working copy a
/// quarter on: both pilots in production, a new idea, a budget cut.
fn northwind_repository() -> TempDir {
    let tmp = scratch_dir();
    let dir = path_of(&tmp);
    git(dir, &["init", "--quiet"]);
    std::fs::write(format!("{dir}/northwind.yaml"), example(NORTHWIND)).expect("write");
    commit_on(dir, "2026-08-20", "Northwind as of August");
    let later = example(NORTHWIND)
        .replace("stage: pilot", "stage: production")
        .replace("environment: laptop", "environment: production");
    std::fs::write(format!("{dir}/northwind.yaml"), later).expect("write");
    tmp
}

#[test]
fn the_comparison_in_every_format() {
    let tmp = northwind_repository();
    let dir = path_of(&tmp);
    for format in ["table", "markdown", "json"] {
        let out = run_in(
            dir,
            &[
                "assess",
                "northwind.yaml",
                "--baseline",
                "git:HEAD",
                "--format",
                format,
            ],
        );
        assert_eq!(out.code, 0, "{}", out.stderr);
        insta::assert_snapshot!(format!("baseline-{format}"), out.stdout);
    }
}

#[test]
fn a_portfolio_shows_each_change_of_the_overall_score() {
    let tmp = northwind_repository();
    let dir = path_of(&tmp);
    for format in ["table", "markdown"] {
        let out = run_in(
            dir,
            &["assess", ".", "--baseline", "git:HEAD", "--format", format],
        );
        assert_eq!(out.code, 0, "{}", out.stderr);
        insta::assert_snapshot!(format!("baseline-portfolio-{format}"), out.stdout);
    }
    // Without a baseline, the heading is the plain one.
    let out = run_in(dir, &["assess", ".", "--format", "markdown"]);
    assert!(out.stdout.contains("| Overall | Level |"), "{}", out.stdout);
}

#[test]
fn the_same_answers_say_that_nothing_moved() {
    let out = run(&["assess", NORTHWIND, "--baseline", NORTHWIND]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let section = out
        .stdout
        .split("Since the baseline\n")
        .nth(1)
        .expect("the section");
    assert_eq!(
        section.split("\n\n").next().expect("its lines"),
        "  Compared with examples/slide-deck-northwind-retail.yaml, assessed 2026-11-20. Nothing moved: the\n    same scores, verdicts, findings and pilots."
    );
    let out = run(&[
        "assess",
        NORTHWIND,
        "--baseline",
        NORTHWIND,
        "--format",
        "markdown",
    ]);
    let section = out
        .stdout
        .split("## Since the baseline\n\n")
        .nth(1)
        .expect("the section");
    assert_eq!(
        section.split("\n\n").next().expect("its lines"),
        "- Compared with examples/slide-deck-northwind-retail.yaml, assessed 2026-11-20. Nothing moved: the same scores, verdicts, findings and pilots."
    );
    let in_full = out
        .stdout
        .split("### Since the baseline, in full\n\n")
        .nth(1)
        .expect("the section in full");
    assert!(in_full.starts_with("Compared"));
    assert!(
        !in_full
            .split("\n### ")
            .next()
            .unwrap_or_default()
            .contains("| Score |"),
        "{in_full}"
    );
}

/// The Markdown section's list, one item per line, without the bullet.
fn moves(baseline: &str, now: &str) -> Vec<String> {
    let tmp = scratch_dir();
    let dir = path_of(&tmp);
    std::fs::write(format!("{dir}/before.yaml"), baseline).expect("write");
    std::fs::write(format!("{dir}/now.yaml"), now).expect("write");
    let out = run_in(
        dir,
        &[
            "assess",
            "now.yaml",
            "--baseline",
            "before.yaml",
            "--format",
            "markdown",
        ],
    );
    assert_eq!(out.code, 0, "{}", out.stderr);
    let section = out
        .stdout
        .split("### Since the baseline, in full\n\n")
        .nth(1)
        .expect("the section");
    let section = section
        .split("\n### ")
        .next()
        .expect("up to the next section");
    section
        .lines()
        .filter_map(|l| l.strip_prefix("- "))
        .map(str::to_owned)
        .collect()
}

#[test]
fn each_move_is_said_once_and_only_when_it_happened() {
    let harbor = example("examples/aligned-harbor-logistics.yaml");
    // A pilot added: only that, and the findings it brings.
    let added = harbor.replacen(
        "  pilots:\n",
        "  pilots:\n    - { name: night-shift-rota, stage: idea }\n",
        1,
    );
    assert_ne!(added, harbor, "the example lists pilots");
    let lines = moves(&harbor, &added);
    assert!(
        lines.contains(&"Pilot night-shift-rota: added, at stage idea.".to_owned()),
        "{lines:?}"
    );
    assert!(!lines.iter().any(|l| l.starts_with("Level:")), "{lines:?}");
    assert!(
        !lines.iter().any(|l| l.starts_with("Resolved:")),
        "{lines:?}"
    );
    // The same pilot removed again, seen from the other side.
    let lines = moves(&added, &harbor);
    assert!(
        lines.contains(&"Pilot night-shift-rota: removed (was at stage idea).".to_owned()),
        "{lines:?}"
    );

    // Northwind ships both pilots: the verdicts and findings move.
    let northwind = example(NORTHWIND);
    let shipped = northwind
        .replace("stage: pilot", "stage: production")
        .replace("environment: laptop", "environment: production");
    let lines = moves(&northwind, &shipped);
    for expected in [
        "Level: experimenting → operationalizing.",
        "Pilot purgatory: stuck → at-risk.",
        "Pilot-to-production rate: 0.0% → 100.0%.",
        "Resolved: No pilot has reached production (no-production).",
        "Pilot churn-model: pilot → production.",
    ] {
        assert!(
            lines.contains(&expected.to_owned()),
            "{expected}: {lines:?}"
        );
    }
    assert!(
        lines.iter().any(|l| l
            .starts_with("New: Gaps in monitoring live systems (no-monitoring, critical): ")
            && l.ends_with("the MLOps practice monitors no model built in house.")),
        "{lines:?}"
    );
    // Unchanged verdicts are not said.
    assert!(
        !lines.iter().any(|l| l.starts_with("Quadrant:")),
        "{lines:?}"
    );
    assert!(!lines.iter().any(|l| l.starts_with("Focus:")), "{lines:?}");
    // Every line is said once.
    let mut unique = lines.clone();
    unique.sort();
    unique.dedup();
    assert_eq!(unique.len(), lines.len(), "{lines:?}");
    // And back: what was new is resolved, what was resolved is new.
    let back = moves(&shipped, &northwind);
    assert!(
        back.contains(&"Resolved: Gaps in monitoring live systems (no-monitoring).".to_owned()),
        "{back:?}"
    );
    assert!(
        back.iter().any(|l| l.starts_with(
            "New: No pilot has reached production (no-production, warning): 2 pilots are active"
        )),
        "{back:?}"
    );
}

#[test]
fn another_organization_as_the_baseline_is_said_first() {
    let out = run(&[
        "assess",
        NORTHWIND,
        "--baseline",
        "examples/aligned-harbor-logistics.yaml",
        "--format",
        "json",
    ]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let report: Value = serde_json::from_str(&out.stdout).expect("JSON");
    assert_eq!(
        report["comparison"]["warnings"][0],
        "These are two organizations, Harbor Logistics and Northwind Retail: the changes compare them, not one organization over time."
    );
    let out = run(&[
        "assess",
        NORTHWIND,
        "--baseline",
        "examples/aligned-harbor-logistics.yaml",
    ]);
    let section = out
        .stdout
        .split("Since the baseline\n")
        .nth(1)
        .expect("section");
    let second = section.lines().nth(1).expect("a second line");
    assert!(
        second.starts_with("  Note: These are two organizations"),
        "{section}"
    );
}

// With another organization's report as the baseline, the regression gate
// passed ("no critical finding is new since the baseline") and a portfolio
// showed Harbor "+55.1 since the baseline" against Northwind.
#[test]
fn another_organization_cannot_be_a_regression_baseline_and_is_named_beside_a_change() {
    let harbor = "examples/aligned-harbor-logistics.yaml";
    let out = run(&[
        "assess",
        harbor,
        "--baseline",
        NORTHWIND,
        "--fail-on-regression",
    ]);
    assert_eq!((out.code, out.stdout.as_str()), (2, ""));
    assert_eq!(
        out.stderr,
        format!("{NORTHWIND}: the baseline is an assessment of Northwind Retail, not of Harbor Logistics; the regression gate compares an organization with its own earlier assessment\n")
    );
    // The same organization's earlier assessment is a baseline.
    let out = run(&[
        "assess",
        NORTHWIND,
        "--baseline",
        NORTHWIND,
        "--fail-on-regression",
    ]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    // Without the gate, a portfolio names the other organization beside the number.
    let out = run(&["assess", harbor, NORTHWIND, "--baseline", NORTHWIND]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(
        out.stdout.contains("Harbor Logistics: overall 95.4, +55.1 against Northwind Retail, another organization (strategy 98.4,")
            || out.stdout.contains("| 95.4 (+55.1 against Northwind Retail, another organization) |"),
        "{}",
        out.stdout
    );
    assert!(
        !out.stdout.contains("+55.1 since the baseline"),
        "{}",
        out.stdout
    );
    let out = run(&[
        "assess",
        harbor,
        NORTHWIND,
        "--baseline",
        NORTHWIND,
        "--format",
        "markdown",
    ]);
    assert!(
        out.stdout
            .contains("| 95.4 (+55.1 against Northwind Retail, another organization) |"),
        "{}",
        out.stdout
    );
}

// A stored baseline scored with another rubric passed the regression gate
// with a note: its scores and this run's measure different things.
#[test]
fn a_baseline_scored_with_another_rubric_cannot_gate_a_regression() {
    let tmp = scratch_dir();
    let dir = path_of(&tmp);
    std::fs::write(format!("{dir}/org.yaml"), example(NORTHWIND)).expect("write");
    let out = run_in(
        dir,
        &["assess", "org.yaml", "--format", "json", "-o", "then.json"],
    );
    assert_eq!(out.code, 0, "{}", out.stderr);
    // The same rubric: a baseline.
    let gated = [
        "assess",
        "org.yaml",
        "--baseline",
        "then.json",
        "--fail-on-regression",
    ];
    assert_eq!(run_in(dir, &gated).code, 0);
    let report = std::fs::read_to_string(format!("{dir}/then.json")).expect("read");
    let mut report: Value = serde_json::from_str(&report).expect("JSON");
    report["rubric"]["id"] = "lenient".into();
    report["rubric"]["version"] = "7".into();
    std::fs::write(format!("{dir}/then.json"), report.to_string()).expect("write");
    let out = run_in(dir, &gated);
    assert_eq!((out.code, out.stdout.as_str()), (2, ""));
    assert_eq!(
        out.stderr,
        "then.json: the baseline was scored with the rubric lenient version 7, this run with default version 2; the regression gate compares scores of one rubric (store a baseline made with this rubric, or compare with git:REV, assessed again now)\n"
    );
    // Without the gate, the comparison is shown, with its note.
    let out = run_in(dir, &["assess", "org.yaml", "--baseline", "then.json"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(
        out.stdout
            .contains("The rubric changed, from lenient version 7 to default version 2"),
        "{}",
        out.stdout
    );
}
