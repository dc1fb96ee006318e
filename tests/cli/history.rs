//! `readiness history`: real git repositories in scratch directories, with
//! several commits, a rename and a version that was invalid when committed;
//! every number of the series checked against `assess` of the same text on
//! the same date, `--since` and `--max` at their boundaries, and the errors.

use crate::common::{commit_on, git, path_of, run, run_in, scratch_dir, Run};
use serde_json::Value;
use tempfile::TempDir;

const NORTHWIND: &str = "examples/slide-deck-northwind-retail.yaml";

fn example(name: &str) -> String {
    std::fs::read_to_string(format!("{}/{name}", env!("CARGO_MANIFEST_DIR"))).expect("example")
}

/// Northwind without its own assessment date, so each version is assessed
/// on the day it was committed.
fn undated(text: &str) -> String {
    text.replace("  assessed: 2026-11-20\n", "")
}

/// The versions, in the order committed: (date, file, text).
fn northwind_versions() -> Vec<(&'static str, &'static str, String)> {
    let first = undated(&example(NORTHWIND));
    let shipped = first
        .replace("stage: pilot", "stage: production")
        .replace("environment: laptop", "environment: production");
    let broken = format!("{shipped}oops: [\n");
    vec![
        ("2026-10-05", "org/nw.yaml", first),
        ("2026-10-20", "org/nw.yaml", shipped.clone()),
        ("2026-11-02", "org/nw.yaml", broken),
        // Renamed, and fixed, the same day as the last change.
        ("2026-11-15", "org/northwind.yaml", shipped),
    ]
}

/// A repository holding Northwind's versions, one commit each, and Harbor
/// Logistics beside it from the last day on.
fn repository() -> TempDir {
    let tmp = scratch_dir();
    let dir = path_of(&tmp);
    git(dir, &["init", "--quiet"]);
    std::fs::create_dir_all(format!("{dir}/org")).expect("mkdir");
    let mut previous: Option<&str> = None;
    for (date, file, text) in northwind_versions() {
        if let Some(old) = previous.filter(|old| *old != file) {
            git(dir, &["mv", old, file]);
        }
        std::fs::write(format!("{dir}/{file}"), text).expect("write");
        commit_on(dir, date, &format!("Northwind on {date}"));
        previous = Some(file);
    }
    std::fs::write(
        format!("{dir}/org/harbor.yaml"),
        example("examples/aligned-harbor-logistics.yaml"),
    )
    .expect("write");
    commit_on(dir, "2026-11-15", "Harbor Logistics joins");
    tmp
}

fn json(out: &Run) -> Value {
    assert_eq!(out.code, 0, "{}", out.stderr);
    serde_json::from_str(&out.stdout).expect("JSON")
}

#[test]
fn every_version_is_assessed_on_its_own_date_and_the_rename_is_followed() {
    let tmp = repository();
    let dir = path_of(&tmp);
    let history = json(&run_in(
        dir,
        &["history", "org/northwind.yaml", "--format", "json"],
    ));
    assert_eq!(history["file"], "org/northwind.yaml");
    assert_eq!(history["rubric"], "default version 2");
    let versions = history["versions"].as_array().expect("versions");
    let expected = northwind_versions();
    assert_eq!(versions.len(), expected.len());
    for (version, (date, file, text)) in versions.iter().zip(&expected) {
        assert_eq!(version["date"], *date);
        assert_eq!(version["path"], *file);
        assert_eq!(version["subject"], format!("Northwind on {date}"));
        assert_eq!(version["commit"].as_str().map(str::len), Some(40));
        // The same text assessed by `assess` on the commit's date.
        let scratch_tmp = scratch_dir();
        let scratch = path_of(&scratch_tmp);
        std::fs::write(format!("{scratch}/q.yaml"), text).expect("write");
        let out = run(&[
            "assess",
            &format!("{scratch}/q.yaml"),
            "--as-of",
            date,
            "--format",
            "json",
        ]);
        if out.code == 2 {
            // Refused by `assess` too, at the same place for the same reason.
            assert_eq!(version["assessment"], Value::Null);
            let problem = &version["error"]["problems"][0];
            let place = format!(
                "{scratch}/q.yaml:{}:{}: {}",
                problem["line"],
                problem["column"],
                problem["message"].as_str().expect("a message")
            );
            assert!(out.stderr.starts_with(&place), "{place}\n{}", out.stderr);
            assert!(place.contains("not valid YAML"), "{place}");
            continue;
        }
        let report = json(&out);
        let point = &version["assessment"];
        assert_eq!(version["error"], Value::Null);
        assert_eq!(point["assessed"], *date);
        for score in ["strategy", "implementation", "overall", "completeness"] {
            assert_eq!(point[score], report["scores"][score], "{score} on {date}");
        }
        for word in ["level", "quadrant", "focus", "confidence"] {
            assert_eq!(point[word], report[word], "{word} on {date}");
        }
        assert_eq!(point["purgatory"], report["purgatory"]["status"]);
        let findings = report["findings"].as_array().expect("findings");
        assert_eq!(point["open_findings"], findings.len());
        assert_eq!(
            point["critical_findings"],
            findings
                .iter()
                .filter(|f| f["severity"] == "critical")
                .count()
        );
    }
    // Shipping the pilots moved the verdicts.
    assert_eq!(versions[0]["assessment"]["purgatory"], "stuck");
    assert_eq!(versions[1]["assessment"]["level"], "operationalizing");
}

fn dates(out: &Run) -> Vec<String> {
    json(out)["versions"]
        .as_array()
        .expect("versions")
        .iter()
        .map(|v| v["date"].as_str().expect("a date").to_owned())
        .collect()
}

#[test]
fn since_and_max_at_their_boundaries() {
    let tmp = repository();
    let dir = path_of(&tmp);
    let history = |extra: &[&str]| {
        let mut args = vec!["history", "org/northwind.yaml", "--format", "json"];
        args.extend(extra);
        run_in(dir, &args)
    };
    // --since keeps the versions committed on the day and after.
    assert_eq!(
        dates(&history(&["--since", "2026-10-20"])),
        ["2026-10-20", "2026-11-02", "2026-11-15"]
    );
    assert_eq!(
        dates(&history(&["--since", "2026-10-21"])),
        ["2026-11-02", "2026-11-15"]
    );
    // --max keeps the latest N, after --since.
    assert_eq!(dates(&history(&["--max", "1"])), ["2026-11-15"]);
    assert_eq!(dates(&history(&["--max", "4"])).len(), 4);
    assert_eq!(dates(&history(&["--max", "5"])).len(), 4);
    assert_eq!(
        dates(&history(&["--since", "2026-10-06", "--max", "2"])),
        ["2026-11-02", "2026-11-15"]
    );
    let out = history(&["--since", "2026-11-16"]);
    assert_eq!((out.code, out.stdout.as_str()), (2, ""));
    assert_eq!(
        out.stderr,
        "org/northwind.yaml: no committed version since 2026-11-16 (4 before it)\n"
    );
    let out = history(&["--max", "0"]);
    assert_eq!((out.code, out.stdout.as_str()), (2, ""));
    assert_eq!(
        out.stderr,
        "error: invalid value '0' for '--max <N>': would keep no version; expected a whole number, 1 or more\n\nFor more information, try '--help'.\n"
    );
    let out = history(&["--max", "all"]);
    assert_eq!((out.code, out.stdout.as_str()), (2, ""));
    assert_eq!(
        out.stderr,
        "error: invalid value 'all' for '--max <N>': not a number of versions; expected a whole number, 1 or more\n\nFor more information, try '--help'.\n"
    );
    // A count past what it can hold keeps every version.
    assert_eq!(dates(&history(&["--max", "99999999999999999999"])).len(), 4);
}

#[test]
fn what_has_no_history_is_an_error_naming_it() {
    let tmp = repository();
    let dir = path_of(&tmp);
    std::fs::write(format!("{dir}/org/draft.yaml"), example(NORTHWIND)).expect("write");
    let out = run_in(dir, &["history", "org/draft.yaml"]);
    assert_eq!((out.code, out.stdout.as_str()), (2, ""));
    assert_eq!(
        out.stderr,
        "org/draft.yaml: has no committed version: git lists no commit that added or changed it\n"
    );
    // In a directory, the others' histories are still shown.
    let out = run_in(dir, &["history", "org", "--format", "json"]);
    assert_eq!(out.code, 2);
    assert_eq!(
        out.stderr,
        "org/draft.yaml: has no committed version: git lists no commit that added or changed it\n"
    );
    let histories: Value = serde_json::from_str(&out.stdout).expect("JSON");
    assert_eq!(histories["histories"].as_array().map(Vec::len), Some(2));

    let outside_tmp = scratch_dir();
    let outside = path_of(&outside_tmp);
    std::fs::write(format!("{outside}/q.yaml"), example(NORTHWIND)).expect("write");
    // A scratch directory may sit inside a repository (the project's own):
    // tell git the repository ends here.
    let out = crate::common::run_in_env(
        outside,
        &["history", "q.yaml"],
        &[("GIT_CEILING_DIRECTORIES", env!("CARGO_TARGET_TMPDIR"))],
    );
    assert_eq!((out.code, out.stdout.as_str()), (2, ""));
    assert!(
        out.stderr
            .starts_with("q.yaml: its history cannot be read: not a git repository"),
        "{}",
        out.stderr
    );
}

#[test]
fn every_format_of_a_history() {
    let tmp = repository();
    let dir = path_of(&tmp);
    for (name, args, columns) in [
        ("table", vec!["--format", "table"], "100"),
        ("table-wide", vec!["--format", "table"], "160"),
        ("markdown", vec!["--format", "markdown"], "100"),
        ("json", vec!["--format", "json"], "100"),
        ("html", vec!["--format", "html"], "100"),
    ] {
        let mut all = vec!["history", "org/northwind.yaml"];
        all.extend(args);
        let out = crate::common::run_in_env(dir, &all, &[("COLUMNS", columns)]);
        assert_eq!(out.code, 0, "{}", out.stderr);
        // Commit ids depend on the machine's git; the rest must not.
        insta::assert_snapshot!(format!("history-{name}"), without_commits(dir, &out.stdout));
    }
    for format in ["table", "markdown", "json", "html"] {
        let out = run_in(dir, &["history", "org", "--format", format]);
        assert_eq!(out.code, 0, "{}", out.stderr);
        insta::assert_snapshot!(
            format!("history-portfolio-{format}"),
            without_commits(dir, &out.stdout)
        );
    }
}

/// `text` with every commit id of the repository in `dir` replaced by one
/// named for its subject, so that snapshots hold whatever git wrote them.
fn without_commits(dir: &str, text: &str) -> String {
    let log = std::process::Command::new("git")
        .args(["log", "--format=%H %cs"])
        .current_dir(dir)
        .output()
        .expect("git log");
    let mut text = text.to_owned();
    for (i, line) in String::from_utf8_lossy(&log.stdout).lines().enumerate() {
        let commit = line.split(' ').next().expect("an id");
        let name = format!("{:0<40}", format!("c{i}"));
        text = text
            .replace(commit, &name)
            .replace(&commit[..7], &name[..7]);
    }
    text
}

#[test]
fn two_questionnaires_of_one_name_are_told_apart_by_their_files() {
    let tmp = repository();
    let dir = path_of(&tmp);
    std::fs::write(
        format!("{dir}/org/northwind-copy.yaml"),
        undated(&example(NORTHWIND)),
    )
    .expect("write");
    commit_on(dir, "2026-11-16", "A copy");
    let out = run_in(dir, &["history", "org", "--format", "markdown"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(
        out.stdout
            .contains("\n## Northwind Retail (org/northwind.yaml)\n"),
        "{}",
        out.stdout
    );
    assert!(
        out.stdout
            .contains("\n## Northwind Retail (org/northwind-copy.yaml)\n"),
        "{}",
        out.stdout
    );
    assert!(
        out.stdout.contains("\n## Harbor Logistics\n"),
        "{}",
        out.stdout
    );
}

// Two versions of one day were summed up "From 2026-12-06 to 2026-12-06".
#[test]
fn versions_of_one_day_are_said_as_that_days() {
    let tmp = scratch_dir();
    let dir = path_of(&tmp);
    git(dir, &["init", "--quiet"]);
    let first = undated(&example(NORTHWIND));
    std::fs::write(format!("{dir}/nw.yaml"), &first).expect("write");
    commit_on(dir, "2026-11-10", "morning");
    let shipped = first.replace("stage: pilot", "stage: production");
    std::fs::write(format!("{dir}/nw.yaml"), shipped).expect("write");
    commit_on(dir, "2026-11-10", "afternoon");
    let out = run_in(dir, &["history", "nw.yaml"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(
        out.stdout.contains("Over the versions of 2026-11-10: "),
        "{}",
        out.stdout
    );
    assert!(
        !out.stdout.contains("From 2026-11-10 to 2026-11-10"),
        "{}",
        out.stdout
    );
}

// Versions are read on one thread and assessed on others, a few at a
// time: forty of them, some not valid, come back each in its place.
#[test]
fn a_long_history_comes_back_in_the_order_committed() {
    let tmp = scratch_dir();
    let dir = path_of(&tmp);
    git(dir, &["init", "--quiet"]);
    let base = undated(&example(NORTHWIND));
    for i in 0..40 {
        let mut text = base.replace("users: 12", &format!("users: {}", 12 + i));
        if i % 7 == 6 {
            text.push_str("oops: [\n");
        }
        std::fs::write(format!("{dir}/nw.yaml"), text).expect("write");
        let date = format!("2026-{:02}-{:02}", 10 + i / 28, 1 + i % 28);
        commit_on(dir, &date, &format!("version {i}"));
    }
    let history = json(&run_in(dir, &["history", "nw.yaml", "--format", "json"]));
    let versions = history["versions"].as_array().expect("versions");
    let subjects: Vec<&str> = versions
        .iter()
        .map(|v| v["subject"].as_str().expect("subject"))
        .collect();
    let expected: Vec<String> = (0..40).map(|i| format!("version {i}")).collect();
    assert_eq!(subjects, expected);
    for (i, version) in versions.iter().enumerate() {
        let invalid = i % 7 == 6;
        assert_eq!(version["assessment"].is_null(), invalid, "version {i}");
        assert_eq!(version["error"].is_null(), !invalid, "version {i}");
    }
}
