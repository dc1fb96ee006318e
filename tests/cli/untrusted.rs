//! Outside data is data: each attack on git revisions and paths, stored
//! reports, commit subjects and job summaries, reproduced from the outside
//! with a real git repository, real files and the built binary, so that no
//! class of them can come back.

use crate::common::{commit_on, git, path_of, run, run_in, run_in_env, scratch_dir};
use serde_json::Value;
use std::fmt::Write as _;
use tempfile::TempDir;

const NORTHWIND: &str = "examples/slide-deck-northwind-retail.yaml";
const HARBOR: &str = "examples/aligned-harbor-logistics.yaml";

fn example(path: &str) -> String {
    std::fs::read_to_string(format!("{}/{path}", env!("CARGO_MANIFEST_DIR"))).expect("example")
}

/// A repository holding `org.yaml` (Northwind) in one commit.
fn repository() -> TempDir {
    let tmp = scratch_dir();
    let dir = path_of(&tmp);
    git(dir, &["init", "--quiet"]);
    std::fs::write(format!("{dir}/org.yaml"), example(NORTHWIND)).expect("write");
    commit_on(dir, "2026-11-01", "Northwind");
    tmp
}

// Defect 1: a job summary over GitHub's limit was cut at a byte index, and a
// cut inside a multi-byte character panicked.
#[test]
fn a_job_summary_over_the_limit_is_cut_at_a_line_never_inside_a_character() {
    const LIMIT: usize = 1024 * 1024;
    let tmp = scratch_dir();
    let dir = path_of(&tmp);
    let harbor = example(HARBOR);
    let start = harbor.find("  pilots:\n").expect("pilots");
    let end = start
        + harbor[start..]
            .find("\n  data:")
            .expect("the section after");
    // 700 pilots with Japanese names and departments, every answer given, so
    // that the report is mostly three-byte characters.
    let pilots = |pad: usize| {
        let mut pilots = String::from("  pilots:");
        for i in 0..700 {
            let pad = if i == 0 {
                "x".repeat(pad)
            } else {
                String::new()
            };
            let _ = write!(
                pilots,
                "\n    - name: {pad}{}{i}\n      department: {}\n      stage: scaled\n      started: 2024-10-01\n      environment: production\n      users: 640\n      integrated: true\n      value_measured: true\n      success_metrics: [business_kpi]\n      monitoring: automated\n      retraining: scheduled\n      cost_vs_plan: 1.05\n      business_owner: 物流部長",
                "試験運用".repeat(150),
                "物流".repeat(10)
            );
        }
        pilots
    };
    let summary = format!("{dir}/summary.md");
    let mut cut_inside_a_character = false;
    // Every offset of the cut within a character, whichever it falls in.
    for pad in 0..3 {
        let mut yaml = harbor.clone();
        yaml.replace_range(start..end, &pilots(pad));
        std::fs::write(format!("{dir}/org.yaml"), &yaml).expect("write");
        let _ = std::fs::remove_file(&summary);
        let out = run_in_env(
            dir,
            &["assess", "org.yaml", "--format", "markdown"],
            &[("GITHUB_STEP_SUMMARY", summary.as_str())],
        );
        assert_eq!(out.code, 0, "{}", out.stderr);
        // The summary is this report; the old cut fell at LIMIT - 200.
        assert!(out.stdout.len() > LIMIT, "the report fits: nothing was cut");
        cut_inside_a_character |= !out.stdout.is_char_boundary(LIMIT - 200);
        let written = std::fs::read(&summary).expect("a summary");
        assert!(written.len() <= LIMIT, "{}", written.len());
        let text = String::from_utf8(written).expect("whole characters");
        assert!(
            text.ends_with("The full report is in the job's output.\n"),
            "{}",
            text.chars().rev().take(300).collect::<String>()
        );
        let kept = text
            .split("\n> The report was cut here")
            .next()
            .expect("a part");
        assert!(out.stdout.starts_with(kept) && kept.ends_with('\n'));
    }
    assert!(cut_inside_a_character, "no cut fell inside a character");
}

// Defect 2: a revision reached git as an option (`--output=FILE` writes a file).
#[test]
fn a_revision_that_looks_like_an_option_is_refused_and_git_never_sees_it() {
    let tmp = repository();
    let dir = path_of(&tmp);
    for reference in ["git:--output=out", "git:-p", "git:--", "git:"] {
        let out = run_in(dir, &["assess", "org.yaml", "--baseline", reference]);
        assert_eq!((out.code, out.stdout.as_str()), (2, ""), "{reference}");
        assert!(out.stderr.starts_with("org.yaml: "), "{}", out.stderr);
        assert_eq!(out.stderr.lines().count(), 1, "{}", out.stderr);
    }
    let out = run_in(
        dir,
        &["assess", "org.yaml", "--baseline", "git:--output=out"],
    );
    assert_eq!(
        out.stderr,
        "org.yaml: the git revision --output=out starts with '-', which git would read as an option; name a commit, a branch or a tag\n"
    );
    // From a settings file in a pull request, the same.
    std::fs::write(
        format!("{dir}/readiness.toml"),
        "[gate]\nbaseline = \"git:--output=from-settings\"\n",
    )
    .expect("write");
    let out = run_in(dir, &["assess", "org.yaml"]);
    assert_eq!(out.code, 2, "{}", out.stderr);
    assert!(!std::path::Path::new(&format!("{dir}/out")).exists());
    assert!(!std::path::Path::new(&format!("{dir}/from-settings")).exists());
}

// `git:^HEAD`, a range's negative end, was verified by git as `^<id>` and
// read as an object: "invalid object name"; `git:@{u}` with no upstream
// was said to name no commit, git's own reason hidden.
#[test]
fn a_revision_that_names_no_single_commit_is_said_so_with_gits_reason() {
    let tmp = repository();
    let dir = path_of(&tmp);
    for (reference, said) in [
        ("git:^HEAD", "org.yaml: git revision ^HEAD names no commit in this repository\n"),
        ("git:nosuch", "org.yaml: git revision nosuch names no commit in this repository\n"),
        ("git:@{u}", "org.yaml: git revision @{u} names no commit: no upstream configured for branch 'main'\n"),
    ] {
        let out = run_in(dir, &["assess", "org.yaml", "--baseline", reference]);
        assert_eq!((out.code, out.stdout.as_str()), (2, ""), "{reference}");
        assert_eq!(out.stderr, said, "{reference}");
    }
}

// `git:HEAD:` reached git as the object `COMMIT:`, and git's own words for
// it were printed after an empty file name.
#[test]
fn a_revision_followed_by_no_path_names_no_file() {
    let tmp = repository();
    let dir = path_of(&tmp);
    let expected = "git:HEAD:: names no file to read at that revision: write git:REV:PATH, or compare with a questionnaire in the repository (standard input named by --stdin-filename)\n";
    let sides: [&[&str]; 2] = [
        &["diff", "git:HEAD:", "org.yaml"],
        &["assess", "org.yaml", "--baseline", "git:HEAD:"],
    ];
    for args in sides {
        let out = run_in(dir, args);
        assert_eq!((out.code, out.stdout.as_str()), (2, ""), "{args:?}");
        assert_eq!(out.stderr, expected);
    }
    // With a path, the same revision is read.
    let out = run_in(dir, &["diff", "git:HEAD:org.yaml", "org.yaml"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    std::fs::write(
        format!("{dir}/readiness.toml"),
        "[gate]\nbaseline = \"git:HEAD:\"\n",
    )
    .expect("write");
    let out = run_in(dir, &["assess", "org.yaml"]);
    assert_eq!((out.code, out.stdout.as_str()), (2, ""));
    assert!(
        out.stderr.starts_with("readiness.toml:2:12: gate.baseline: \"git:HEAD:\" names no file after the revision; write git:REV:PATH, or git:REV for the questionnaire assessed\n"),
        "{}",
        out.stderr
    );
}

/// A report of Northwind written by `assess --format json`, changed by `edit`.
fn stored_report(dir: &str, edit: impl FnOnce(&mut Value)) -> String {
    let out = run(&["assess", NORTHWIND, "--format", "json"]);
    let mut report: Value = serde_json::from_str(&out.stdout).expect("JSON");
    edit(&mut report);
    let path = format!("{dir}/report.json");
    std::fs::write(&path, serde_json::to_string_pretty(&report).expect("JSON")).expect("write");
    path
}

/// A change made to a stored report.
type Edit = Box<dyn Fn(&mut Value)>;

/// Each stored report `cases` make is refused by `diff` and `--baseline`,
/// with its file and the message, and nothing printed from it.
fn assert_refused(dir: &str, cases: Vec<(&str, Edit, &str)>) {
    for (what, edit, message) in cases {
        let report = stored_report(dir, |r| edit(r));
        for args in [
            vec!["diff", report.as_str(), NORTHWIND],
            vec!["diff", report.as_str(), NORTHWIND, "--format", "markdown"],
            vec!["assess", NORTHWIND, "--baseline", report.as_str()],
        ] {
            let out = run(&args);
            assert_eq!((out.code, out.stdout.as_str()), (2, ""), "{what}: {args:?}");
            assert!(
                out.stderr.starts_with(report.as_str()) && out.stderr.contains(message),
                "{what}: {}",
                out.stderr
            );
            assert!(
                !out.stderr.contains(['\u{1b}', '\u{7}', '\u{200b}'])
                    && !out.stderr.contains("\n::")
            );
        }
    }
}

// A stored report that said its overall score was 99.0 beside a range of
// [40.3, 40.3] passed the regression gate (which reads the range) while the
// comparison showed the score falling (which reads the score).
#[test]
fn a_stored_report_that_contradicts_itself_is_refused() {
    let tmp = scratch_dir();
    let dir = path_of(&tmp);
    let cases: Vec<(&str, Edit, &str)> = vec![
        (
            "a score above its range",
            Box::new(|r| r["scores"]["overall"] = 99.0.into()),
            "scores.overall: 99.0 lies outside its own range, scores.range.overall [40.3, 40.3]",
        ),
        (
            "a range below its score",
            Box::new(|r| r["scores"]["range"]["strategy"] = serde_json::json!([0.0, 0.0])),
            "scores.strategy: 80.9 lies outside its own range, scores.range.strategy [0.0, 0.0]",
        ),
        (
            "a side with answers and no score",
            Box::new(|r| r["scores"]["strategy"] = Value::Null),
            "scores.strategy: is null, yet completeness_by_side.strategy says 100.0% of that side is answered",
        ),
        (
            "an overall score with a side missing",
            Box::new(|r| {
                r["scores"]["implementation"] = Value::Null;
                r["scores"]["completeness_by_side"]["implementation"] = 0.0.into();
            }),
            "scores.overall: has a value, yet a side has no score",
        ),
        (
            "no overall score with both sides there",
            Box::new(|r| r["scores"]["overall"] = Value::Null),
            "scores.overall: is null, yet both sides have a score",
        ),
        (
            "a score of -0.0",
            Box::new(|r| r["scores"]["strategy"] = (-0.0).into()),
            "scores.strategy: is -0.0; a score is from 0 to 100, written without a sign",
        ),
        (
            "a purgatory status its counts do not give",
            Box::new(|r| r["purgatory"]["status"] = "none".into()),
            "purgatory.status: is none, yet its counts (2 lingering, 0 live) and signals make it stuck",
        ),
        (
            "a purgatory status its signals do not give",
            Box::new(|r| {
                r["purgatory"]["lingering"] = 0.into();
                r["purgatory"]["signals"] = serde_json::json!(["laptop-bound"]);
                r["purgatory"]["status"] = "at-risk".into();
            }),
            "purgatory.status: is at-risk, yet its counts (0 lingering, 0 live) and signals make it none",
        ),
    ];
    assert_refused(dir, cases);
    // As written by assess, every one of them holds.
    let report = stored_report(dir, |_| {});
    let out = run(&["diff", report.as_str(), NORTHWIND]);
    assert_eq!(out.code, 0, "{}", out.stderr);
}

// The whole report is read, not only what a comparison shows.
#[test]
fn a_stored_report_is_read_whole() {
    let tmp = scratch_dir();
    let dir = path_of(&tmp);
    let cases: Vec<(&str, Edit, &str)> = vec![
        (
            "an escape sequence in a text no comparison shows",
            Box::new(|r| r["recommendations"][0]["reason"] = "fine\u{1b}]8;;x\u{7}".into()),
            "recommendations[0].reason: holds U+001B, a control character; a text of a report is one line of visible characters",
        ),
        (
            "a bell in a key the format does not have",
            Box::new(|r| r["spend"]["note\u{7}"] = 1.into()),
            "the key holds U+0007, a control character; a key of a report is one line of visible characters",
        ),
        (
            "a zero-width space in a key",
            Box::new(|r| r["spend"]["a\u{200b}b"] = 1.into()),
            "spend.a\\u{200B}b: the key holds U+200B, a character that is invisible or changes the direction of text",
        ),
        (
            "a field of the format missing, though no comparison reads it",
            Box::new(|r| {
                r["scores"]
                    .as_object_mut()
                    .expect("scores")
                    .remove("open_questions");
            }),
            "scores: missing field `open_questions`",
        ),
        (
            "a field that may be null, missing",
            Box::new(|r| {
                r["pilots"][0]
                    .as_object_mut()
                    .expect("a pilot")
                    .remove("department");
            }),
            "pilots[0]: missing field `department`",
        ),
        (
            "a word no gate check has",
            Box::new(|r| r["config"]["gates"]["fail_under"] = "fifty".into()),
            "config.gates.fail_under: invalid type: string \"fifty\", expected a number",
        ),
        (
            "a count made a word",
            Box::new(|r| r["purgatory"]["lingering"] = "str".into()),
            "purgatory.lingering: invalid type: string \"str\", expected a whole number, 0 or more",
        ),
        (
            "a head count made a fraction",
            Box::new(|r| r["pilots"][0]["users"] = 1.5.into()),
            "pilots[0].users: invalid type: floating point `1.5`, expected a whole number",
        ),
        (
            "an object written as a list, which serde reads by position",
            Box::new(|r| {
                let scores = r["scores"].as_object().expect("scores").clone();
                r["scores"] = Value::Array(scores.into_iter().map(|(_, v)| v).collect());
            }),
            "scores: invalid type: a list, expected an object",
        ),
        (
            "an optional object written as a list",
            Box::new(|r| r["next_level"] = serde_json::json!(["operationalizing", 40.0])),
            "next_level: invalid type: a list, expected an object",
        ),
        (
            "a share of answers far past 1",
            Box::new(|r| r["dimensions"][0]["criteria"][0]["answered"] = 1e300.into()),
            "dimensions[0].criteria[0].answered: 1e+300 is out of range; a report holds a number from 0 to 1 here",
        ),
        (
            "a negative head count",
            Box::new(|r| r["pilots"][0]["users"] = (-1).into()),
            "pilots[0].users: -1 is out of range; a report holds a number 0 or more here",
        ),
        (
            "a criterion's points made a word",
            Box::new(|r| r["dimensions"][0]["criteria"][0]["points"] = "x".into()),
            "dimensions[0].criteria[0].points: invalid type: string \"x\", expected a number",
        ),
    ];
    assert_refused(dir, cases);
}

// Format 1 gains fields without a new version: a report written before
// them (here, on the day `diff` first read reports) still compares.
#[test]
fn a_report_written_before_fields_were_added_still_compares() {
    let old = "tests/fixtures/reports/northwind-2026-11-29.json";
    let out = run(&["diff", old, NORTHWIND, "--format", "json"]);
    assert_eq!((out.code, out.stderr.as_str()), (0, ""));
    let diff: Value = serde_json::from_str(&out.stdout).expect("JSON");
    assert_eq!(diff["before"]["source"], old);
    let changes: Vec<&Value> = diff["scores"]
        .as_array()
        .expect("scores")
        .iter()
        .map(|s| &s["change"])
        .collect();
    assert_eq!(changes, [&Value::from(0.0); 4]);
    assert_eq!(diff["findings"]["new"], serde_json::json!([]));
    assert_eq!(diff["findings"]["resolved"], serde_json::json!([]));
    assert_eq!(
        diff["findings"]["still_open"].as_array().map(Vec::len),
        Some(11)
    );
}

// The tool's other JSON documents are named for what they are.
#[test]
fn another_document_of_the_tool_is_named_for_what_it_is() {
    let tmp = scratch_dir();
    let dir = path_of(&tmp);
    for (args, said) in [
        (
            vec!["diff", NORTHWIND, NORTHWIND, "--format", "json"],
            "before: this is a comparison, as `readiness diff` writes it",
        ),
        (
            vec!["frameworks", "--format", "json"],
            "note: this is a framework document, as `readiness frameworks` writes it",
        ),
    ] {
        let path = format!("{dir}/other.json");
        std::fs::write(&path, run(&args).stdout).expect("write");
        let out = run(&["diff", &path, NORTHWIND]);
        assert_eq!((out.code, out.stdout.as_str()), (2, ""));
        assert!(
            out.stderr.contains(&format!(
                "{said}; compare one organization's report (`readiness assess FILE --format json`)"
            )),
            "{}",
            out.stderr
        );
    }
}

// Defect 4: a stored report's text and numbers were printed as they were.
#[test]
fn a_stored_report_is_read_with_a_questionnaires_strictness() {
    let tmp = scratch_dir();
    let dir = path_of(&tmp);
    let cases: Vec<(&str, Edit, &str)> = vec![
        (
            "an escape sequence in a name",
            Box::new(|r| r["organization"]["name"] = "Acme\u{1b}[2J".into()),
            "organization.name: holds U+001B, a control character; a text of a report is one line of visible characters",
        ),
        (
            "a line that starts a workflow command",
            Box::new(|r| r["findings"][0]["title"] = "x\n::error::forged".into()),
            "findings[0].title: holds U+000A, a control character; a text of a report is one line of visible characters",
        ),
        (
            "a bidi override in a pilot's name",
            Box::new(|r| r["pilots"][0]["name"] = "abc\u{202e}def".into()),
            "pilots[0].name: holds U+202E, a character that is invisible or changes the direction of text; a text of a report is one line of visible characters",
        ),
        (
            "a word that is not a level",
            Box::new(|r| r["level"] = "<img src=x onerror=alert(1)>".into()),
            "level: \"<img src=x onerror=alert(1)>\" is not one of the words allowed here: exploring, experimenting, operationalizing, scaling, transforming",
        ),
        (
            "a score of 309 digits",
            Box::new(|r| r["scores"]["overall"] = serde_json::json!(1.7e308)),
            "scores.overall: 1.7e+308 is out of range; a report holds a number from 0 to 100 here",
        ),
        (
            "a range upside down",
            Box::new(|r| r["scores"]["range"]["overall"] = serde_json::json!([60.0, 40.0])),
            "scores.range.overall: its low end 60 is above its high end 40",
        ),
        (
            "a format this tool does not read",
            Box::new(|r| r["format_version"] = 2.into()),
            "format_version: 2 is not a format this version of readiness reads; it reads format 1",
        ),
        (
            "a pilot listed twice",
            Box::new(|r| {
                let first = r["pilots"][0].clone();
                r["pilots"].as_array_mut().expect("pilots").push(first);
            }),
            "appears earlier in pilots; each is listed once",
        ),
    ];
    assert_refused(dir, cases);
    // Markup is text a name may hold, as in a questionnaire: Markdown shows
    // it escaped, never as HTML.
    let report = stored_report(dir, |r| {
        r["organization"]["name"] = "<img src=x onerror=alert(1)>".into();
        r["pilots"][0]["name"] = "<b>p</b>".into();
    });
    let out = run(&["diff", &report, NORTHWIND, "--format", "markdown"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(!out.stdout.contains('<'), "{}", out.stdout);
    assert!(out.stdout.contains("&lt;img src=x onerror=alert(1)&gt;"));
    assert!(out.stdout.contains("- &lt;b&gt;p&lt;/b&gt;: removed"));
    // A field added by a later version of format 1 is no reason to refuse.
    let report = stored_report(dir, |r| r["added_later"] = "anything".into());
    let out = run(&["diff", &report, NORTHWIND, "--format", "json"]);
    assert_eq!((out.code, out.stderr.as_str()), (0, ""));
    let diff: serde_json::Value = serde_json::from_str(&out.stdout).expect("JSON");
    // The stored report is Northwind's own: nothing moved.
    let changes: Vec<(&str, f64)> = diff["scores"]
        .as_array()
        .expect("scores")
        .iter()
        .map(|s| {
            (
                s["name"].as_str().expect("a name"),
                s["change"].as_f64().expect("a change"),
            )
        })
        .collect();
    assert_eq!(
        changes,
        [
            ("strategy", 0.0),
            ("implementation", 0.0),
            ("overall", 0.0),
            ("completeness", 0.0)
        ]
    );
}

// Defect 6: the regression gate skipped every check a baseline had no value for.
#[test]
fn a_baseline_missing_a_value_is_refused_never_a_skipped_check() {
    let tmp = scratch_dir();
    let dir = path_of(&tmp);
    for (path, pointer) in [
        ("scores.range", "/scores/range"),
        ("level", "/level"),
        ("quadrant", "/quadrant"),
        ("scores.overall", "/scores/overall"),
        ("findings", "/findings"),
    ] {
        let report = stored_report(dir, |r| {
            let (parent, key) = pointer.rsplit_once('/').expect("a pointer");
            let parent = if parent.is_empty() {
                r
            } else {
                r.pointer_mut(parent).expect("parent")
            };
            parent.as_object_mut().expect("an object").remove(key);
        });
        let out = run(&[
            "assess",
            HARBOR,
            "--baseline",
            &report,
            "--fail-on-regression",
        ]);
        assert_eq!((out.code, out.stdout.as_str()), (2, ""), "{path}");
        let field = path.rsplit('.').next().expect("a field");
        assert!(
            out.stderr.contains(&format!("missing field `{field}`")),
            "{path}: {}",
            out.stderr
        );
    }
    // Complete, the same baseline fails the fall it was hiding: Northwind
    // fallen to Millbrook's answers.
    let report = stored_report(dir, |_| {});
    let fallen = format!("{dir}/fallen.yaml");
    let millbrook = example("examples/early-millbrook-credit-union.yaml");
    std::fs::write(
        &fallen,
        millbrook.replacen("name: Millbrook Credit Union", "name: Northwind Retail", 1),
    )
    .expect("write");
    let out = run(&[
        "assess",
        &fallen,
        "--baseline",
        &report,
        "--fail-on-regression",
    ]);
    assert_eq!(out.code, 1, "{}", out.stderr);
}

// Defect 5: records of `git log` were split on U+001E, which a subject can hold.
#[test]
fn a_commit_subject_cannot_forge_a_version_of_the_history() {
    let tmp = repository();
    let dir = path_of(&tmp);
    std::fs::write(
        format!("{dir}/org.yaml"),
        example(NORTHWIND).replace("quality: fair", "quality: poor"),
    )
    .expect("write");
    let forged = format!(
        "worse\u{1e}{}\u{1f}2026-11-30\u{1f}all good\0\norg.yaml\0",
        "f".repeat(40)
    )
    .replace('\0', "");
    commit_on(dir, "2026-11-10", &forged);
    let out = run_in(dir, &["history", "org.yaml", "--format", "json"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let history: Value = serde_json::from_str(&out.stdout).expect("JSON");
    let versions = history["versions"].as_array().expect("versions");
    assert_eq!(versions.len(), 2, "{}", out.stdout);
    // Git gives the subject's lines joined by a space; the control
    // characters are shown escaped, as in every other output.
    let shown = forged
        .replace('\n', " ")
        .replace('\u{1e}', "\\u{1e}")
        .replace('\u{1f}', "\\u{1f}");
    assert_eq!(versions[1]["subject"], shown.as_str());
    assert_eq!(versions[1]["date"], "2026-11-10");
    assert!(versions.iter().all(|v| v["commit"] != "f".repeat(40)));
}

// Issue 22, item 5: a shallow clone cut the history and the baseline short
// without saying so.
#[test]
fn a_shallow_clone_says_what_it_cuts_and_how_to_fetch_the_rest() {
    let origin_tmp = repository();
    let origin = path_of(&origin_tmp);
    for (day, change) in [("2026-11-05", "fair"), ("2026-11-10", "good")] {
        std::fs::write(
            format!("{origin}/org.yaml"),
            example(NORTHWIND).replace("quality: fair", &format!("quality: {change}")),
        )
        .expect("write");
        commit_on(origin, day, day);
    }
    let tmp = scratch_dir();
    let clone = format!("{}/clone", path_of(&tmp));
    git(
        path_of(&tmp),
        &[
            "clone",
            "--quiet",
            "--depth",
            "1",
            &format!("file://{origin}"),
            &clone,
        ],
    );
    let out = run_in(&clone, &["assess", "org.yaml", "--baseline", "git:HEAD~1"]);
    assert_eq!((out.code, out.stdout.as_str()), (2, ""));
    assert_eq!(
        out.stderr,
        "org.yaml: git revision HEAD~1 is not in this clone, which is shallow (its history was cut when it was cloned); fetch the whole history (`fetch-depth: 0` in actions/checkout, or `git fetch --unshallow`)\n"
    );
    let out = run_in(&clone, &["history", "org.yaml"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let said = crate::common::unwrapped(&out.stdout);
    assert!(
        said.contains("The repository is a shallow clone, so the history is cut at the clone's boundary and older versions are not listed; to see them, fetch the whole history (`fetch-depth: 0` in actions/checkout, or `git fetch --unshallow`)."),
        "{said}"
    );
    // The full repository says nothing of the kind.
    let out = run_in(origin, &["history", "org.yaml"]);
    assert!(!out.stdout.contains("shallow"), "{}", out.stdout);
}

// The history of a file whose directory was removed since was asked
// whether its clone is shallow from that directory, which is not there:
// git failed, and a cut history was said to be whole.
#[test]
fn a_removed_directorys_file_in_a_shallow_clone_is_said_to_be_cut() {
    let origin_tmp = repository();
    let origin = path_of(&origin_tmp);
    std::fs::create_dir(format!("{origin}/gone")).expect("mkdir");
    for (day, change) in [("2026-11-05", "fair"), ("2026-11-10", "good")] {
        std::fs::write(
            format!("{origin}/gone/org.yaml"),
            example(NORTHWIND).replace("quality: fair", &format!("quality: {change}")),
        )
        .expect("write");
        commit_on(origin, day, day);
    }
    git(origin, &["rm", "-r", "--quiet", "gone"]);
    commit_on(origin, "2026-11-11", "gone");
    let tmp = scratch_dir();
    let clone = format!("{}/clone", path_of(&tmp));
    let source = format!("file://{origin}");
    git(
        path_of(&tmp),
        &["clone", "--quiet", "--depth", "2", &source, &clone],
    );
    let out = run_in(&clone, &["history", "gone/org.yaml", "--format", "json"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let history: Value = serde_json::from_str(&out.stdout).expect("JSON");
    assert_eq!(history["shallow"], true, "{}", out.stdout);
    assert_eq!(
        history["versions"].as_array().map(Vec::len),
        Some(1),
        "{}",
        out.stdout
    );
}

// A link to a questionnaire in a shallow clone: its history is read in the
// clone, and was said to be whole because the link's own directory, outside
// it, was asked.
#[cfg(unix)]
#[test]
fn a_linked_questionnaire_in_a_shallow_clone_is_said_to_be_cut() {
    let origin_tmp = repository();
    let origin = path_of(&origin_tmp);
    let better = example(NORTHWIND).replace("quality: fair", "quality: good");
    std::fs::write(format!("{origin}/org.yaml"), better).expect("write");
    commit_on(origin, "2026-11-05", "better data");
    let tmp = scratch_dir();
    let clone = format!("{}/clone", path_of(&tmp));
    let source = format!("file://{origin}");
    git(
        path_of(&tmp),
        &["clone", "--quiet", "--depth", "1", &source, &clone],
    );
    let elsewhere = format!("{}/elsewhere", path_of(&tmp));
    std::fs::create_dir(&elsewhere).expect("mkdir");
    std::os::unix::fs::symlink(format!("{clone}/org.yaml"), format!("{elsewhere}/org.yaml"))
        .expect("symlink");
    let out = run_in(&elsewhere, &["history", "org.yaml", "--format", "json"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let history: Value = serde_json::from_str(&out.stdout).expect("JSON");
    assert_eq!(history["shallow"], true, "{}", out.stdout);
}

// `log.showRoot = false` in a user's or a repository's git settings left
// out the changes of a file's first commit, and with them its first version.
#[test]
fn a_git_setting_cannot_hide_the_first_version() {
    let tmp = repository();
    let dir = path_of(&tmp);
    let later = example(NORTHWIND).replace("quality: fair", "quality: good");
    std::fs::write(format!("{dir}/org.yaml"), later).expect("write");
    commit_on(dir, "2026-11-02", "better data");
    git(dir, &["config", "log.showRoot", "false"]);
    git(dir, &["config", "diff.relative", "true"]);
    let out = run_in(dir, &["history", "org.yaml", "--format", "json"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let history: Value = serde_json::from_str(&out.stdout).expect("JSON");
    let dates: Vec<&str> = history["versions"]
        .as_array()
        .expect("versions")
        .iter()
        .filter_map(|v| v["date"].as_str())
        .collect();
    assert_eq!(dates, ["2026-11-01", "2026-11-02"], "{}", out.stdout);
}

// `git:HEAD:.git/org.yaml` ran git inside `.git`, where a path is read from
// the repository's root: the root's org.yaml was compared under that name.
#[test]
fn a_path_inside_the_git_directory_is_refused() {
    let tmp = repository();
    let dir = path_of(&tmp);
    for args in [
        &["diff", "git:HEAD:.git/org.yaml", "org.yaml"][..],
        &["history", ".git/org.yaml"][..],
    ] {
        let out = run_in(dir, args);
        assert_eq!((out.code, out.stdout.as_str()), (2, ""), "{args:?}");
        assert_eq!(
            out.stderr,
            ".git/org.yaml: lies inside a .git directory, of which git keeps no versions; name a file of the repository\n",
            "{args:?}"
        );
    }
}

// Outside a repository, git's own words say so.
#[test]
fn a_git_baseline_outside_a_repository_says_so() {
    let tmp = scratch_dir();
    let dir = path_of(&tmp);
    std::fs::write(format!("{dir}/org.yaml"), example(NORTHWIND)).expect("write");
    let out = run_in_env(
        dir,
        &["assess", "org.yaml", "--baseline", "git:HEAD"],
        &[("GIT_CEILING_DIRECTORIES", env!("CARGO_TARGET_TMPDIR"))],
    );
    assert_eq!((out.code, out.stdout.as_str()), (2, ""));
    assert!(
        out.stderr
            .starts_with("org.yaml: cannot be read at git revision HEAD: not a git repository"),
        "{}",
        out.stderr
    );
}

// Issue 22, item 7: `diff` takes `git:REV` on either side.
#[test]
fn diff_takes_a_git_revision_on_either_side() {
    let tmp = repository();
    let dir = path_of(&tmp);
    std::fs::write(
        format!("{dir}/org.yaml"),
        example(NORTHWIND).replace("quality: fair", "quality: poor"),
    )
    .expect("write");
    let out = run_in(dir, &["diff", "git:HEAD", "org.yaml", "--format", "json"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let diff: Value = serde_json::from_str(&out.stdout).expect("JSON");
    assert_eq!(diff["before"]["source"], "HEAD:org.yaml");
    assert_eq!(diff["after"]["source"], "org.yaml");
    assert_eq!(diff["scores"][1]["name"], "implementation");
    assert_eq!(diff["scores"][1]["change"], -2.2, "{}", out.stdout);
    // The other way round, and another path named in full.
    std::fs::create_dir_all(format!("{dir}/old")).expect("mkdir");
    let out = run_in(dir, &["diff", "org.yaml", "git:HEAD", "--format", "json"]);
    let diff: Value = serde_json::from_str(&out.stdout).expect("JSON");
    assert_eq!(diff["after"]["source"], "HEAD:org.yaml");
    let out = run_in(
        dir,
        &[
            "diff",
            "git:HEAD:org.yaml",
            "git:HEAD:org.yaml",
            "--format",
            "json",
        ],
    );
    assert_eq!(out.code, 0, "{}", out.stderr);
    // A report stored in the repository, read as strictly as a file.
    let report = run(&["assess", NORTHWIND, "--format", "json"]).stdout;
    std::fs::write(
        format!("{dir}/q3.json"),
        report.replace("\"scores\"", "\"Scores\""),
    )
    .expect("write");
    commit_on(dir, "2026-11-02", "a broken report");
    let out = run_in(dir, &["diff", "git:HEAD:q3.json", "org.yaml"]);
    assert_eq!((out.code, out.stdout.as_str()), (2, ""));
    assert!(
        out.stderr.starts_with("HEAD:q3.json:")
            && out
                .stderr
                .contains(": not a report of one organization: missing field `scores`"),
        "{}",
        out.stderr
    );
    std::fs::write(format!("{dir}/q3.json"), report).expect("write");
    commit_on(dir, "2026-11-03", "the report");
    let out = run_in(
        dir,
        &["diff", "git:HEAD:q3.json", "org.yaml", "--format", "json"],
    );
    assert_eq!(out.code, 0, "{}", out.stderr);
    let diff: Value = serde_json::from_str(&out.stdout).expect("JSON");
    assert_eq!(diff["before"]["source"], "HEAD:q3.json");
    // With no file on the other side, `git:REV` names none.
    let out = run_in(dir, &["diff", "git:HEAD", "git:HEAD"]);
    assert_eq!((out.code, out.stdout.as_str()), (2, ""));
    assert_eq!(
        out.stderr,
        "git:HEAD: names no file to read at that revision: write git:REV:PATH, or compare with a questionnaire in the repository (standard input named by --stdin-filename)\n"
    );
}

/// The lines of `text` that a GitHub runner would read as a command.
fn commands(text: &str) -> Vec<&str> {
    text.lines()
        .filter(|l| l.trim_start().starts_with("::"))
        .collect()
}

// Defect 3: a name one word longer than the line was wrapped onto a line of
// its own, which the runner read as a workflow command.
#[test]
fn no_line_printed_can_start_a_workflow_command_whatever_the_width() {
    let tmp = scratch_dir();
    let dir = path_of(&tmp);
    let long = format!("::warning::{}", "y".repeat(120));
    let yaml =
        example(NORTHWIND).replace("name: Northwind Retail", &format!("name: \"Acme {long}\""));
    std::fs::write(format!("{dir}/org.yaml"), &yaml).expect("write");
    std::fs::write(format!("{dir}/same.yaml"), &yaml).expect("write");
    std::fs::write(format!("{dir}/{long}.yaml"), "version: 1\nnot_a_key: 1\n").expect("write");
    for width in ["40", "80", "100", "200"] {
        for args in [
            vec!["assess", "org.yaml"],
            vec!["assess", "org.yaml", "--format", "markdown"],
            vec!["assess", "org.yaml", "same.yaml"],
            vec![
                "assess",
                "org.yaml",
                "same.yaml",
                "--format",
                "markdown",
                "--detail",
            ],
            vec![
                "assess",
                "org.yaml",
                "--baseline",
                "same.yaml",
                "--fail-on-regression",
            ],
            vec!["diff", NORTHWIND, "org.yaml"],
            vec!["diff", NORTHWIND, "org.yaml", "--format", "markdown"],
            vec!["validate", "org.yaml", &format!("{long}.yaml")],
            vec!["assess", &format!("{long}.yaml")],
        ] {
            let mut args = args;
            if args[0] == "assess" && !args.contains(&"--baseline") {
                args.push("--fail-under");
                args.push("90");
            }
            let out = run_in_env(dir, &args, &[("COLUMNS", width)]);
            assert!(matches!(out.code, 0..=2), "{args:?}: {}", out.stderr);
            assert_eq!(
                commands(&out.stdout),
                Vec::<&str>::new(),
                "{args:?} at {width}"
            );
            assert_eq!(
                commands(&out.stderr),
                Vec::<&str>::new(),
                "{args:?} at {width}"
            );
        }
    }
    // The wrapped name is there, behind its guard.
    let out = run_in_env(dir, &["assess", "org.yaml"], &[("COLUMNS", "40")]);
    assert!(out.stdout.contains("\n\\::warning::yyy"), "{}", out.stdout);
    // `--format github` writes the tool's own commands, and only those.
    let out = run_in(dir, &["assess", "org.yaml", "--format", "github"]);
    assert!(commands(&out.stdout)
        .iter()
        .all(|l| l.starts_with("::error ")
            || l.starts_with("::warning ")
            || l.starts_with("::notice ")));
}

// JSON reports are written without the line guard: a line of JSON is
// blanks and then a token, a text always quoted and its line breaks
// escaped, so none can begin with `::`, whatever the questionnaire holds.
#[test]
fn no_line_of_a_json_report_can_start_a_workflow_command() {
    let tmp = scratch_dir();
    let dir = path_of(&tmp);
    let yaml = example(NORTHWIND)
        .replace(
            "name: Northwind Retail",
            "name: \"::error::forged ::warning::too\"",
        )
        .replace("name: churn-model", "name: \"::error::pilot\"");
    std::fs::write(format!("{dir}/org.yaml"), &yaml).expect("write");
    std::fs::write(format!("{dir}/same.yaml"), &yaml).expect("write");
    for format in ["json", "sarif", "codeclimate"] {
        for files in [vec!["org.yaml"], vec!["org.yaml", "same.yaml"]] {
            let mut args = vec!["assess"];
            args.extend(&files);
            args.extend(["--format", format]);
            let out = run_in(dir, &args);
            assert_eq!(out.code, 0, "{args:?}: {}", out.stderr);
            assert!(out.stdout.contains("::error::"), "{args:?}");
            assert_eq!(commands(&out.stdout), Vec::<&str>::new(), "{args:?}");
            assert!(!out.stdout.contains("\\::"), "{args:?}: nothing to guard");
        }
    }
}

/// Runs git in `dir` with these variables; fails the test when git fails.
fn git_with(dir: &str, args: &[&str], variables: &[(&str, &str)]) {
    let output = std::process::Command::new("git")
        .args([
            "-c",
            "user.name=readiness",
            "-c",
            "user.email=readiness@example.org",
        ])
        .args(args)
        .envs(variables.iter().copied())
        .current_dir(dir)
        .output()
        .expect("git runs");
    assert!(
        output.status.success(),
        "git {args:?}: {}",
        String::from_utf8_lossy(&output.stderr)
    );
}

/// The versions `history --format json` lists: (date, path).
fn versions(dir: &str, file: &str) -> Vec<(String, String)> {
    let out = run_in(dir, &["history", file, "--format", "json"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let history: Value = serde_json::from_str(&out.stdout).expect("JSON");
    history["versions"]
        .as_array()
        .expect("versions")
        .iter()
        .map(|v| {
            (
                v["date"].as_str().expect("a date").to_owned(),
                v["path"].as_str().expect("a path").to_owned(),
            )
        })
        .collect()
}

// Defect 10: a baseline read through git skipped the size cap.
#[test]
fn a_git_baseline_over_the_size_cap_is_refused_unread() {
    let tmp = repository();
    let dir = path_of(&tmp);
    let mut large = example(NORTHWIND);
    large.push_str("# ");
    large.push_str(&"x".repeat(5 * 1024 * 1024));
    large.push('\n');
    std::fs::write(format!("{dir}/org.yaml"), large).expect("write");
    commit_on(dir, "2026-11-02", "large");
    std::fs::write(format!("{dir}/org.yaml"), example(NORTHWIND)).expect("write");
    let out = run_in(dir, &["assess", "org.yaml", "--baseline", "git:HEAD"]);
    assert_eq!((out.code, out.stdout.as_str()), (2, ""));
    assert_eq!(
        out.stderr,
        "org.yaml: at git revision HEAD, the file is larger than 4 MiB, the most this tool reads from one file\n"
    );
}

// Defect 12: with `GIT_DIR` set and no `GIT_WORK_TREE` (as in a hook), the
// baseline of `sub/org.yaml` was the root's `org.yaml`.
#[test]
fn git_variables_of_a_hook_do_not_change_which_file_is_read() {
    let tmp = repository();
    let dir = path_of(&tmp);
    std::fs::create_dir_all(format!("{dir}/sub")).expect("mkdir");
    std::fs::write(format!("{dir}/sub/org.yaml"), example(HARBOR)).expect("write");
    commit_on(dir, "2026-11-02", "Harbor");
    let git_dir = format!("{dir}/.git");
    let out = run_in_env(
        dir,
        &[
            "assess",
            "sub/org.yaml",
            "--baseline",
            "git:HEAD",
            "--format",
            "json",
        ],
        &[("GIT_DIR", git_dir.as_str())],
    );
    assert_eq!(out.code, 0, "{}", out.stderr);
    let report: Value = serde_json::from_str(&out.stdout).expect("JSON");
    assert_eq!(
        report["comparison"]["before"]["organization"],
        "Harbor Logistics"
    );
    let out = run_in_env(
        &format!("{dir}/sub"),
        &["history", "org.yaml", "--format", "json"],
        &[("GIT_DIR", git_dir.as_str()), ("GIT_WORK_TREE", "/")],
    );
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(
        out.stdout.contains("\"path\": \"sub/org.yaml\""),
        "{}",
        out.stdout
    );
}

// Defect 13: paths were pathspecs, so `org[1].yaml` matched `org1.yaml`.
#[test]
fn a_path_given_to_git_is_a_file_name_never_pathspec_magic() {
    let tmp = repository();
    let dir = path_of(&tmp);
    std::fs::write(format!("{dir}/org1.yaml"), example(HARBOR)).expect("write");
    commit_on(dir, "2026-11-02", "org1");
    std::fs::write(format!("{dir}/org[1].yaml"), example(NORTHWIND)).expect("write");
    commit_on(dir, "2026-11-03", "org[1]");
    std::fs::write(
        format!("{dir}/org1.yaml"),
        example(HARBOR).replace("quality: good", "quality: fair"),
    )
    .expect("write");
    commit_on(dir, "2026-11-04", "org1 again");
    assert_eq!(
        versions(dir, "org[1].yaml"),
        [("2026-11-03".to_owned(), "org[1].yaml".to_owned())]
    );
    std::fs::write(format!("{dir}/:(top)org.yaml"), example(HARBOR)).expect("write");
    commit_on(dir, "2026-11-05", "magic name");
    assert_eq!(
        versions(dir, ":(top)org.yaml"),
        [("2026-11-05".to_owned(), ":(top)org.yaml".to_owned())]
    );
}

// Defect 14: `--follow` found copies, and mixed a template's history into
// the history of a questionnaire copied from it.
#[test]
fn history_follows_renames_never_copies_and_says_where_it_followed_one() {
    let tmp = scratch_dir();
    let dir = path_of(&tmp);
    git(dir, &["init", "--quiet"]);
    std::fs::write(format!("{dir}/template.yaml"), example(NORTHWIND)).expect("write");
    commit_on(dir, "2026-10-01", "template");
    let changed = example(NORTHWIND).replace("quality: fair", "quality: good");
    std::fs::write(format!("{dir}/template.yaml"), &changed).expect("write");
    commit_on(dir, "2026-10-02", "template again");
    std::fs::write(format!("{dir}/org.yaml"), &changed).expect("write");
    std::fs::write(format!("{dir}/template.yaml"), example(NORTHWIND)).expect("write");
    commit_on(dir, "2026-10-03", "org from the template");
    assert_eq!(
        versions(dir, "org.yaml"),
        [("2026-10-03".to_owned(), "org.yaml".to_owned())]
    );
    git(dir, &["mv", "org.yaml", "northwind.yaml"]);
    commit_on(dir, "2026-10-04", "renamed");
    assert_eq!(
        versions(dir, "northwind.yaml"),
        [
            ("2026-10-03".to_owned(), "org.yaml".to_owned()),
            ("2026-10-04".to_owned(), "northwind.yaml".to_owned())
        ]
    );
    let out = run_in(dir, &["history", "northwind.yaml"]);
    assert!(
        crate::common::unwrapped(&out.stdout)
            .contains("The file was renamed from org.yaml to northwind.yaml in commit"),
        "{}",
        out.stdout
    );
}

// Defect 15: a commit dated after the year 9999 vanished from the history.
#[test]
fn a_commit_dated_past_the_year_9999_is_listed_not_dropped() {
    let tmp = repository();
    let dir = path_of(&tmp);
    std::fs::write(
        format!("{dir}/org.yaml"),
        example(NORTHWIND).replace("quality: fair", "quality: good"),
    )
    .expect("write");
    git_with(
        dir,
        &["commit", "--quiet", "-am", "from the future"],
        &[
            ("GIT_COMMITTER_DATE", "@253402300800 +0000"),
            ("GIT_AUTHOR_DATE", "@253402300800 +0000"),
        ],
    );
    let out = run_in(dir, &["history", "org.yaml"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let said = crate::common::unwrapped(&out.stdout);
    assert!(
        said.contains("2 versions from 2026-11-01 to 10000-01-01"),
        "{said}"
    );
    assert!(
        said.contains(
            "git gives its commit date as 10000-01-01, which this tool cannot read as a date"
        ),
        "{said}"
    );
}

// Defect 20, and the settings that already held: a repository's
// configuration cannot make a read run a program.
#[test]
fn a_repositorys_settings_cannot_make_a_read_run_a_program() {
    let tmp = repository();
    let dir = path_of(&tmp);
    let marker = format!("{dir}/ran");
    let program = format!("{dir}/program.sh");
    std::fs::write(
        &program,
        format!("#!/bin/sh\necho \"$0 $*\" >> {marker}\ncat\n"),
    )
    .expect("write");
    std::process::Command::new("chmod")
        .args(["+x", &program])
        .status()
        .expect("chmod");
    for setting in [
        "gpg.program",
        "core.pager",
        "core.fsmonitor",
        "diff.external",
        "diff.yaml.textconv",
    ] {
        git(dir, &["config", setting, &program]);
    }
    git(dir, &["config", "log.showSignature", "true"]);
    git(dir, &["config", "core.hooksPath", dir]);
    std::fs::write(format!("{dir}/.gitattributes"), "*.yaml diff=yaml\n").expect("write");
    // A commit that carries a signature, for --show-signature to check.
    let commit = std::process::Command::new("git")
        .args(["cat-file", "commit", "HEAD"])
        .current_dir(dir)
        .output()
        .expect("git");
    let text = String::from_utf8_lossy(&commit.stdout).replacen(
        "\n\n",
        "\ngpgsig -----BEGIN PGP SIGNATURE-----\n \n iQEzBAABCAAdFiEE\n -----END PGP SIGNATURE-----\n\n",
        1,
    );
    let signed = format!("{dir}/signed-commit");
    std::fs::write(&signed, text).expect("write");
    let id = std::process::Command::new("git")
        .args(["hash-object", "-t", "commit", "-w", &signed])
        .current_dir(dir)
        .output()
        .expect("git");
    let id = String::from_utf8_lossy(&id.stdout).trim().to_owned();
    git(dir, &["update-ref", "HEAD", &id]);
    std::fs::write(
        format!("{dir}/org.yaml"),
        example(NORTHWIND).replace("quality: fair", "quality: good"),
    )
    .expect("write");
    let out = run_in(dir, &["history", "org.yaml"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let out = run_in(dir, &["assess", "org.yaml", "--baseline", "git:HEAD"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let out = run_in(dir, &["diff", "git:HEAD", "org.yaml"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(
        !std::path::Path::new(&marker).exists(),
        "{}",
        std::fs::read_to_string(&marker).unwrap_or_default()
    );
    // The same history, read by git itself, runs the program: the test can fail.
    let shown = std::process::Command::new("git")
        .args(["log", "--format=%H", "--", "org.yaml"])
        .current_dir(dir)
        .output()
        .expect("git");
    assert!(shown.status.success());
    assert!(std::path::Path::new(&marker).exists(), "git ran no program");
}

// Defect 21: a corrupt object read as "no file at this path", exit 0.
#[test]
fn a_corrupt_repository_is_an_error_with_gits_own_words() {
    let tmp = repository();
    let dir = path_of(&tmp);
    let blob = std::process::Command::new("git")
        .args(["rev-parse", "HEAD:org.yaml"])
        .current_dir(dir)
        .output()
        .expect("git");
    let blob = String::from_utf8_lossy(&blob.stdout).trim().to_owned();
    std::fs::write(
        format!("{dir}/org.yaml"),
        example(NORTHWIND).replace("quality: fair", "quality: good"),
    )
    .expect("write");
    commit_on(dir, "2026-11-02", "second");
    std::fs::remove_file(format!("{dir}/.git/objects/{}/{}", &blob[..2], &blob[2..]))
        .expect("the loose object");
    let out = run_in(dir, &["history", "org.yaml"]);
    assert_eq!((out.code, out.stdout.as_str()), (2, ""), "{}", out.stderr);
    assert!(
        out.stderr.starts_with("org.yaml: the version of commit ") && out.stderr.contains(&blob),
        "{}",
        out.stderr
    );
    let out = run_in(dir, &["assess", "org.yaml", "--baseline", "git:HEAD~1"]);
    assert_eq!((out.code, out.stdout.as_str()), (2, ""));
    assert!(
        out.stderr
            .starts_with("org.yaml: cannot be read at git revision HEAD~1: "),
        "{}",
        out.stderr
    );
}

// Defect 22: the git baseline of standard input looked up a file named `-`.
#[test]
fn the_git_baseline_of_standard_input_is_the_file_it_is_named_as() {
    let tmp = repository();
    let dir = path_of(&tmp);
    let file = format!("{dir}/org.yaml");
    let worse = example(NORTHWIND).replace("quality: fair", "quality: poor");
    let out = crate::common::run_with_stdin(
        &[
            "assess",
            "-",
            "--stdin-filename",
            &file,
            "--baseline",
            "git:HEAD",
            "--fail-on-regression",
            "--format",
            "json",
        ],
        worse.as_bytes(),
    );
    assert_eq!(out.code, 1, "{}", out.stderr);
    let report: Value = serde_json::from_str(&out.stdout).expect("JSON");
    assert_eq!(
        report["comparison"]["before"]["source"],
        format!("HEAD:{file}")
    );
    // Without a name, standard input has no file in any repository.
    let out =
        crate::common::run_with_stdin(&["assess", "-", "--baseline", "git:HEAD"], worse.as_bytes());
    assert_eq!((out.code, out.stdout.as_str()), (2, ""));
    assert_eq!(
        out.stderr,
        "git:HEAD: names no file to read at that revision: write git:REV:PATH, or compare with a questionnaire in the repository (standard input named by --stdin-filename)\n"
    );
}

// Defect 17: SARIF and annotations were located by the display-escaped name,
// with `\` made `/`: `a\b.yaml` was reported as `a/b.yaml`.
#[test]
fn code_scanning_locates_results_by_the_real_file_name() {
    let tmp = scratch_dir();
    let dir = path_of(&tmp);
    for name in ["a\\b.yaml", "a\nb.yaml"] {
        std::fs::write(format!("{dir}/{name}"), example(NORTHWIND)).expect("write");
        let out = run_in(dir, &["assess", name, "--format", "sarif"]);
        assert_eq!(out.code, 0, "{}", out.stderr);
        let log: Value = serde_json::from_str(&out.stdout).expect("JSON");
        let uri = &log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]
            ["artifactLocation"]["uri"];
        let expected = if name.contains('\n') {
            "a%0Ab.yaml"
        } else {
            "a%5Cb.yaml"
        };
        assert_eq!(uri, expected, "{name:?}");
        let out = run_in(dir, &["assess", name, "--format", "github"]);
        let expected = if name.contains('\n') {
            "file=a%0Ab.yaml,"
        } else {
            "file=a\\b.yaml,"
        };
        assert!(
            out.stdout.lines().any(|l| l.contains(expected)),
            "{name:?}: {}",
            out.stdout
        );
        std::fs::remove_file(format!("{dir}/{name}")).expect("remove");
    }
    // A character GitHub's escaping has no form for is written as every
    // message writes it: no escape sequence, bidi override or replaced
    // byte reaches the log.
    let names: [(&[u8], &str); 3] = [
        (b"a\x1b[2Kb.yaml", "/a\\u{1b}[2Kb.yaml,line="),
        ("a\u{202e}b.yaml".as_bytes(), "/a\\u{202e}b.yaml,line="),
        (b"a\xffb.yaml", "/a\\xFFb.yaml,line="),
    ];
    for (name, expected) in names {
        use std::os::unix::ffi::OsStrExt;
        let name = std::ffi::OsStr::from_bytes(name);
        let path = std::path::Path::new(dir).join(name);
        std::fs::write(&path, example(NORTHWIND)).expect("write");
        let out = crate::common::run_os(&[
            "assess".as_ref(),
            path.as_os_str(),
            "--format".as_ref(),
            "github".as_ref(),
        ]);
        assert_eq!(out.code, 0, "{}", out.stderr);
        assert!(
            out.stdout.lines().skip(1).all(|l| l.contains(expected)),
            "{name:?}: {}",
            out.stdout
        );
        assert!(
            !out.stdout.contains(['\u{1b}', '\u{202e}', '\u{fffd}']),
            "{}",
            out.stdout
        );
        std::fs::remove_file(&path).expect("remove");
    }
    // In a portfolio, the same; and in Code Climate's report, where `\`
    // became `/` and named another file.
    std::fs::write(format!("{dir}/a\\b.yaml"), example(NORTHWIND)).expect("write");
    let out = run_in(dir, &["assess", "a\\b.yaml", "--format", "codeclimate"]);
    let issues: Value = serde_json::from_str(&out.stdout).expect("JSON");
    assert_eq!(issues[0]["location"]["path"], "a\\b.yaml", "{}", out.stdout);
    std::fs::write(format!("{dir}/c.yaml"), example(HARBOR)).expect("write");
    let out = run_in(dir, &["assess", ".", "--format", "sarif"]);
    assert!(
        out.stdout.contains("\"uri\":\"a%5Cb.yaml\""),
        "{}",
        out.stdout
    );
}

// Defect 18: a portfolio said "2 critical; gate passed" without a word of
// the acceptances that let it pass.
#[test]
fn a_gate_passed_by_acceptances_says_how_many_and_where_to_read_them() {
    let tmp = scratch_dir();
    let dir = path_of(&tmp);
    let meridian = "examples/aligned-unguarded-meridian-insurance.yaml";
    std::fs::write(format!("{dir}/meridian.yaml"), example(meridian)).expect("write");
    std::fs::write(format!("{dir}/harbor.yaml"), example(HARBOR)).expect("write");
    let mut config = String::from("[gate]\nfail_on = \"critical\"\n");
    for id in ["no-monitoring", "unguarded-decisions"] {
        let _ = write!(
            config,
            "\n[[accept]]\nfinding = \"{id}\"\nreason = \"Guarded by hand until March\"\nby = \"Dana\"\nuntil = 2026-12-31\n"
        );
    }
    std::fs::write(format!("{dir}/readiness.toml"), config).expect("write");
    let summary = format!("{dir}/summary.md");
    let args = [
        "assess",
        "meridian.yaml",
        "harbor.yaml",
        "--as-of",
        "2026-11-20",
    ];
    let out = run_in_env(dir, &args, &[("GITHUB_STEP_SUMMARY", summary.as_str())]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let table = crate::common::unwrapped(&out.stdout);
    assert!(table.contains("passed, 2 accepted"), "{table}");
    assert!(
        table.contains("Accepted: 2 findings in 1 organization left out of the gate by the settings file's [[accept]] entries; each organization's report (--detail) lists them under \"Accepted risks\"."),
        "{table}"
    );
    let written = std::fs::read_to_string(&summary).expect("a summary");
    assert!(
        written.starts_with("> **Gate passed.** Every check set for this run holds, with 2 findings accepted in the settings file and left out of it: the report lists them under \"Accepted risks\".\n"),
        "{written}"
    );
    assert!(
        written.contains("| Passed, 2 accepted |") || written.contains("| passed, 2 accepted |"),
        "{written}"
    );
    let mut markdown = args.to_vec();
    markdown.extend(["--format", "markdown"]);
    let out = run_in(dir, &markdown);
    assert!(out.stdout.contains("passed, 2 accepted"), "{}", out.stdout);
    assert!(
        out.stdout
            .contains("Accepted: 2 findings in 1 organization"),
        "{}",
        out.stdout
    );
    // One questionnaire's summary says it too.
    let _ = std::fs::remove_file(&summary);
    let one = ["assess", "meridian.yaml", "--as-of", "2026-11-20"];
    let out = run_in_env(dir, &one, &[("GITHUB_STEP_SUMMARY", summary.as_str())]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let written = std::fs::read_to_string(&summary).expect("a summary");
    assert!(
        written.contains("with 2 findings accepted in the settings file"),
        "{written}"
    );
}

// A mistake on the command line quoted the argument as given: a line break in
// it started a line of its own (a workflow command, in a CI log), and a
// carriage return or a bidi override rewrote what the reader saw. So did an
// unknown framework or framework id, given as an option.
#[test]
fn an_argument_in_a_mistake_is_quoted_escaped_on_the_message_line() {
    let cases: [(&[&str], &str); 7] = [
        (
            &["history", "--max", "\n::error::forged", NORTHWIND],
            "error: invalid value '\\n::error::forged' for '--max <N>': not a number of versions; expected a whole number, 1 or more\n",
        ),
        (
            &["assess", "--format", "json\r\u{1b}[2K", NORTHWIND],
            "error: invalid value 'json\\r\\u{1b}[2K' for '--format <FORMAT>'\n",
        ),
        (
            &["assess", "--fail-under", "5\u{202e}0", NORTHWIND],
            "error: invalid value '5\\u{202e}0' for '--fail-under <N>': not a score; expected a number from 0 to 100\n",
        ),
        (
            &["assess", "--fail-on", "warn\ning", NORTHWIND],
            "error: --fail-on <WHAT>: \"warn\\ning\" is not a choice;",
        ),
        (
            &["assess", "--framework", "iso\n::error::forged", NORTHWIND],
            "--framework: the rubric default declares no framework \"iso\\n::error::forged\";",
        ),
        (
            &["assess", "--fail-on", "iso-42001:A.6\r\u{1b}[2K", NORTHWIND],
            "--fail-on: iso-42001 has no id \"A.6\\r\\u{1b}[2K\";",
        ),
        (
            &["::error::forged"],
            "error: unrecognized subcommand './::error::forged'\n",
        ),
    ];
    for (args, first_line) in cases {
        let out = run(args);
        assert_eq!((out.code, out.stdout.as_str()), (2, ""), "{args:?}");
        assert!(
            out.stderr.starts_with(first_line),
            "{args:?}: {}",
            out.stderr
        );
        assert!(
            !out.stderr.contains(['\r', '\u{1b}', '\u{202e}'])
                && out.stderr.lines().all(|line| !line.starts_with("::")),
            "{args:?}: {}",
            out.stderr
        );
    }
}

// Quoting a value that is not UTF-8 makes it text; where that would make the
// command line valid, the message names the value, quoted. An empty name for
// standard input would show nothing where a file's name stands.
#[test]
fn an_argument_that_is_not_utf8_is_a_mistake_whatever_quoting_would_make_of_it() {
    use std::ffi::OsStr;
    use std::os::unix::ffi::OsStrExt;
    let not_utf8 = OsStr::from_bytes(b"org\xff.yaml");
    let out = crate::common::run_os(&[
        OsStr::new("assess"),
        OsStr::new("--stdin-filename"),
        not_utf8,
        OsStr::new(NORTHWIND),
    ]);
    assert_eq!((out.code, out.stdout.as_str()), (2, ""));
    assert!(
        out.stderr
            == "error: a name or text must be UTF-8 (a path need not be); not UTF-8: 'org\\xFF.yaml'\n",
        "{}",
        out.stderr
    );
    // A name that is only a line break is quoted on the message's line,
    // though quoted it would be a name.
    for (name, quoted) in [(" ", " "), ("\n", "\\n"), ("\r\n", "\\r\\n")] {
        let out = run(&["assess", "--stdin-filename", name, "-"]);
        assert_eq!((out.code, out.stdout.as_str()), (2, ""));
        assert_eq!(
            out.stderr,
            format!("error: invalid value '{quoted}' for '--stdin-filename <NAME>': a name shows nothing when it is empty or blank; expected a name such as org.yaml\n\nFor more information, try '--help'.\n"),
        );
    }
    let out = crate::common::run_os(&[
        OsStr::new("assess"),
        OsStr::new("--as-of"),
        OsStr::from_bytes(b"2026-11-2\xff"),
        OsStr::new(NORTHWIND),
    ]);
    assert_eq!((out.code, out.stdout.as_str()), (2, ""));
    assert!(
        out.stderr.starts_with(
            "error: invalid value '2026-11-2\\xFF' for '--as-of <YYYY-MM-DD>': not a calendar date"
        ),
        "{}",
        out.stderr
    );
}

// A committed file whose name is not UTF-8 was said to have no committed
// version, and to be missing at HEAD: its name reached git changed.
#[cfg(target_os = "linux")]
#[test]
fn a_file_name_that_is_not_utf8_is_refused_for_git_not_said_to_be_missing() {
    use std::ffi::{OsStr, OsString};
    use std::os::unix::ffi::OsStringExt;
    let tmp = repository();
    let dir = path_of(&tmp);
    let mut file = format!("{dir}/lat").into_bytes();
    file.extend_from_slice(b"\xe9.yaml");
    let file = OsString::from_vec(file);
    std::fs::write(&file, example(NORTHWIND)).expect("write");
    git(dir, &["add", "--all"]);
    commit_on(dir, "2026-11-02", "a name that is not UTF-8");
    let shown = format!("{dir}/lat\\xE9.yaml");
    let mut git_path = OsString::from("git:HEAD:");
    git_path.push(&file);
    let cases: [Vec<&OsStr>; 4] = [
        vec![OsStr::new("history"), &file],
        vec![
            OsStr::new("assess"),
            &file,
            OsStr::new("--baseline"),
            OsStr::new("git:HEAD"),
        ],
        vec![OsStr::new("diff"), OsStr::new("git:HEAD"), &file],
        vec![OsStr::new("diff"), &git_path, &file],
    ];
    for args in cases {
        let out = crate::common::run_os(&args);
        assert_eq!((out.code, out.stdout.as_str()), (2, ""), "{args:?}");
        let name = if args[1] == git_path.as_os_str() {
            format!("git:HEAD:{shown}")
        } else {
            shown.clone()
        };
        assert_eq!(
            out.stderr,
            format!("{name}: the file's name is not UTF-8, so its versions cannot be read from git; rename the file\n"),
            "{args:?}"
        );
    }
    // Read as it lies now, it is assessed.
    let out = crate::common::run_os(&[OsStr::new("assess"), &file]);
    assert_eq!(out.code, 0, "{}", out.stderr);
}

// A tab or an invisible character in a pilot's name passed `validate`, and
// the JSON report holding it could not be read back by `diff`: the report's
// reader refuses what the questionnaire now refuses too.
#[test]
fn every_text_a_questionnaire_may_hold_comes_back_from_its_json_report() {
    let tmp = scratch_dir();
    let dir = path_of(&tmp);
    let harbor = example(HARBOR);
    let refused = [
        (
            "name: Harbor Logistics",
            "\t",
            "the control character U+0009",
        ),
        (
            "name: Harbor Logistics",
            "\u{200B}",
            "U+200B, an invisible character",
        ),
        (
            "department: Transport",
            "\u{200B}",
            "U+200B, an invisible character",
        ),
        (
            "name: Harbor Logistics",
            "\u{200D}",
            "a name holds a zero-width joiner",
        ),
    ];
    for (line, c, what) in refused {
        let (key, value) = line.split_once(": ").expect("a key and a value");
        let text = harbor.replacen(line, &format!("{key}: \"{value}{c}x\""), 1);
        std::fs::write(format!("{dir}/org.yaml"), text).expect("write");
        let out = run_in(dir, &["validate", "org.yaml"]);
        assert_eq!(out.code, 2, "{line} {c:?}: {}", out.stderr);
        assert!(out.stderr.contains(what), "{}", out.stderr);
    }
    // Visible text of every kind in a name; in free text, a line break and
    // the joiners of Persian and of emoji.
    let name = "Café Ñandú 東京 👩💻 ❤️ عربي";
    let department = "می\u{200C}خواهم 👩\u{200D}💻";
    let text = harbor
        .replacen("name: Harbor Logistics", &format!("name: \"{name}\""), 1)
        .replacen(
            "department: Transport",
            &format!("department: \"{department}\\nTransport\""),
            1,
        );
    std::fs::write(format!("{dir}/org.yaml"), text).expect("write");
    let out = run_in(
        dir,
        &["assess", "org.yaml", "--format", "json", "-o", "a.json"],
    );
    assert_eq!(out.code, 0, "{}", out.stderr);
    let report: Value =
        serde_json::from_str(&std::fs::read_to_string(format!("{dir}/a.json")).expect("read"))
            .expect("JSON");
    assert_eq!(report["organization"]["name"], name);
    assert_eq!(
        report["pilots"][0]["department"],
        format!("{department} Transport")
    );
    let out = run_in(dir, &["diff", "a.json", "a.json"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(out.stdout.contains(name), "{}", out.stdout);
}

// A file's name in a code span was escaped as Markdown text, which a code
// span shows as written: `a\|b` showed its backslash, and a backtick in the
// name closed the span early.
#[test]
fn a_file_name_in_a_markdown_code_span_is_shown_as_written() {
    let tmp = scratch_dir();
    let dir = path_of(&tmp);
    let name = "i|`<b>`[l](u).yaml";
    std::fs::write(format!("{dir}/{name}"), example(NORTHWIND)).expect("write");
    let out = run_in(
        dir,
        &[
            "frameworks",
            "nist-ai-rmf",
            "--format",
            "markdown",
            "--",
            name,
        ],
    );
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(
        out.stdout
            .contains("## Northwind Retail (``i|`<b>`[l](u).yaml``)\n"),
        "{}",
        out.stdout
    );
}

// A path at a revision whose directory is not there now was reported as a
// git command that could not be run; it is read from the nearest directory
// that is there, so a file in a directory removed since is still found.
#[test]
fn a_file_in_a_directory_removed_since_is_read_at_its_revision() {
    let tmp = repository();
    let dir = path_of(&tmp);
    std::fs::create_dir(format!("{dir}/old")).expect("mkdir");
    std::fs::write(format!("{dir}/old/org.yaml"), example(NORTHWIND)).expect("write");
    commit_on(dir, "2026-11-02", "kept under old/");
    git(dir, &["rm", "-r", "--quiet", "old"]);
    commit_on(dir, "2026-11-03", "old/ removed");
    let out = run_in(dir, &["diff", "git:HEAD~1:old/org.yaml", "org.yaml"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let out = run_in(dir, &["history", "old/org.yaml", "--format", "json"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let history: Value = serde_json::from_str(&out.stdout).expect("JSON");
    assert_eq!(
        history["versions"].as_array().map(Vec::len),
        Some(1),
        "{}",
        out.stdout
    );
    // A path no revision has is git's to say, in its words.
    let out = run_in(dir, &["diff", "git:HEAD:no/such/dir/org.yaml", "org.yaml"]);
    assert_eq!((out.code, out.stdout.as_str()), (2, ""));
    assert!(
        out.stderr.starts_with("no/such/dir/org.yaml: cannot be read at git revision HEAD: path 'no/such/dir/org.yaml' does not exist in"),
        "{}",
        out.stderr
    );
}

// git's own words reached the reader: "git cat-file COMMIT:sub: bad file"
// for a directory, "HEAD^{tree}^{commit}: expected commit type" for a
// tree, and a message cut at the line break of a name.
#[test]
fn what_git_cannot_read_as_a_file_is_said_in_plain_words() {
    let tmp = repository();
    let dir = path_of(&tmp);
    std::fs::create_dir(format!("{dir}/reports.yaml")).expect("mkdir");
    std::fs::write(format!("{dir}/reports.yaml/org.yaml"), example(NORTHWIND)).expect("write");
    commit_on(dir, "2026-11-02", "a directory named like a file");
    for (reference, message) in [
        (
            "git:HEAD:reports.yaml",
            "reports.yaml: at git revision HEAD it is a directory, not a file; name the questionnaire or report inside it\n",
        ),
        (
            "git:HEAD^{tree}",
            "org.yaml: git revision HEAD^{tree} names no commit in this repository\n",
        ),
        (
            "git:HEAD:x\n::error file=a::forged",
            "x\\n::error file=a::forged: the file's name holds a control character (U+000A), so its versions are not read from git; rename the file\n",
        ),
    ] {
        let out = run_in(dir, &["assess", "org.yaml", "--baseline", reference]);
        assert_eq!((out.code, out.stdout.as_str()), (2, ""), "{reference}");
        assert_eq!(out.stderr, message, "{reference}");
    }
}

// `main@{1.week.ago}` in a fresh clone, whose reflog starts at the clone,
// was taken by git as the clone's first commit, with a warning `--quiet`
// silenced: the regression gate compared the file with itself and passed.
// Here a date before the test repository's first reflog entry does it.
#[test]
fn a_revision_git_finds_only_approximately_is_refused() {
    let tmp = repository();
    let dir = path_of(&tmp);
    let out = run_in(
        dir,
        &[
            "assess",
            "org.yaml",
            "--baseline",
            "git:HEAD@{2020-01-01}",
            "--fail-on-regression",
        ],
    );
    assert_eq!((out.code, out.stdout.as_str()), (2, ""));
    assert!(
        out.stderr.starts_with("org.yaml: git revision HEAD@{2020-01-01} is found only approximately in this clone (log for 'HEAD' only goes back to "),
        "{}",
        out.stderr
    );
    assert!(
        out.stderr
            .ends_with("); name a commit, a branch or a tag\n"),
        "{}",
        out.stderr
    );
    // A reflog entry that is there is exact.
    let out = run_in(
        dir,
        &[
            "assess",
            "org.yaml",
            "--baseline",
            "git:HEAD@{0}",
            "--fail-on-regression",
        ],
    );
    assert_eq!(out.code, 0, "{}", out.stderr);
}

// A questionnaire kept as a symbolic link was read from git as the link's
// own blob, the name it points to, and judged as a questionnaire's text.
#[cfg(unix)]
#[test]
fn a_symbolic_link_is_followed_in_the_working_tree_and_named_in_git() {
    let tmp = repository();
    let dir = path_of(&tmp);
    std::os::unix::fs::symlink("org.yaml", format!("{dir}/current.yaml")).expect("symlink");
    commit_on(dir, "2026-11-02", "current.yaml points to org.yaml");
    let later = example(NORTHWIND).replace("stage: pilot", "stage: production");
    std::fs::write(format!("{dir}/org.yaml"), later).expect("write");
    commit_on(dir, "2026-11-03", "a pilot in production");
    // Through the link in the working tree: the file it points to.
    let out = run_in(dir, &["history", "current.yaml", "--format", "json"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let history: Value = serde_json::from_str(&out.stdout).expect("JSON");
    let dates: Vec<&str> = history["versions"]
        .as_array()
        .expect("versions")
        .iter()
        .filter(|v| v["error"].is_null())
        .filter_map(|v| v["date"].as_str())
        .collect();
    assert_eq!(dates, ["2026-11-01", "2026-11-03"], "{}", out.stdout);
    let out = run_in(
        dir,
        &["diff", "git:HEAD~1", "current.yaml", "--format", "json"],
    );
    assert_eq!(out.code, 0, "{}", out.stderr);
    // A path that is a link at a revision is said to be one, never read.
    std::fs::remove_file(format!("{dir}/current.yaml")).expect("remove");
    std::fs::write(format!("{dir}/current.yaml"), example(NORTHWIND)).expect("write");
    let out = run_in(dir, &["assess", "current.yaml", "--baseline", "git:HEAD"]);
    assert_eq!((out.code, out.stdout.as_str()), (2, ""));
    assert_eq!(
        out.stderr,
        "current.yaml: at git revision HEAD it is a symbolic link, not a file; name the file it points to\n"
    );
    let out = run_in(dir, &["history", "current.yaml", "--format", "json"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let history: Value = serde_json::from_str(&out.stdout).expect("JSON");
    let version = &history["versions"][0];
    assert!(version["assessment"].is_null(), "{}", out.stdout);
    assert_eq!(
        version["error"]["problems"][0]["message"],
        "at this commit the path is a symbolic link, not a file; the version is not assessed",
        "{}",
        out.stdout
    );
}

// A path that was a submodule: its id names a commit of another
// repository, so git's "could not get object info" reached the reader, and
// `history` stopped whole at "<id> missing".
#[test]
fn a_path_that_was_a_submodule_is_said_to_be_one() {
    let tmp = repository();
    let dir = path_of(&tmp);
    git(dir, &["rm", "--quiet", "org.yaml"]);
    let elsewhere = "0123456789abcdef0123456789abcdef01234567";
    git(
        dir,
        &[
            "update-index",
            "--add",
            "--cacheinfo",
            &format!("160000,{elsewhere},org.yaml"),
        ],
    );
    // An empty directory is a submodule not checked out: `add --all` keeps it.
    std::fs::create_dir(format!("{dir}/org.yaml")).expect("mkdir");
    commit_on(dir, "2026-11-02", "org.yaml is a submodule");
    git(dir, &["rm", "--quiet", "--cached", "org.yaml"]);
    std::fs::remove_dir(format!("{dir}/org.yaml")).expect("rmdir");
    std::fs::write(format!("{dir}/org.yaml"), example(NORTHWIND)).expect("write");
    git(dir, &["add", "org.yaml"]);
    commit_on(dir, "2026-11-03", "org.yaml is a file again");
    let out = run_in(dir, &["assess", "org.yaml", "--baseline", "git:HEAD~1"]);
    assert_eq!((out.code, out.stdout.as_str()), (2, ""));
    assert_eq!(
        out.stderr,
        "org.yaml: at git revision HEAD~1 it is a submodule, not a file; name the questionnaire or report inside it\n"
    );
    let out = run_in(dir, &["history", "org.yaml", "--format", "json"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let history: Value = serde_json::from_str(&out.stdout).expect("JSON");
    let said: Vec<&str> = history["versions"]
        .as_array()
        .expect("versions")
        .iter()
        .map(|v| {
            v["error"]["problems"][0]["message"]
                .as_str()
                .unwrap_or("assessed")
        })
        .collect();
    assert_eq!(
        said,
        [
            "assessed",
            "at this commit the path is a submodule, not a file; the version is not assessed",
            "assessed"
        ],
        "{}",
        out.stdout
    );
}

// A path where a directory once stood: git listed the files inside it, and
// the last of them (another organization's questionnaire) was taken as a
// version of the file, its scores charted under the file's name.
#[test]
fn a_directory_that_stood_at_the_path_is_no_version_of_the_file() {
    let tmp = scratch_dir();
    let dir = path_of(&tmp);
    git(dir, &["init", "--quiet"]);
    std::fs::create_dir(format!("{dir}/org.yaml")).expect("mkdir");
    std::fs::write(format!("{dir}/org.yaml/a.yaml"), example(HARBOR)).expect("write");
    std::fs::write(format!("{dir}/org.yaml/b.yaml"), example(HARBOR)).expect("write");
    commit_on(dir, "2026-11-01", "a directory");
    git(dir, &["rm", "-r", "--quiet", "org.yaml"]);
    std::fs::write(format!("{dir}/org.yaml"), example(NORTHWIND)).expect("write");
    commit_on(dir, "2026-11-02", "a file");
    let out = run_in(dir, &["history", "org.yaml", "--format", "json"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let history: Value = serde_json::from_str(&out.stdout).expect("JSON");
    let versions = history["versions"].as_array().expect("versions");
    assert_eq!(versions.len(), 2, "{}", out.stdout);
    assert_eq!(versions[0]["path"], "org.yaml");
    assert!(versions[0]["assessment"].is_null(), "{}", out.stdout);
    assert_eq!(
        versions[0]["error"]["problems"][0]["message"],
        "at this commit the path is a directory, not a file; the version is not assessed"
    );
    assert!(!out.stdout.contains("Harbor"), "{}", out.stdout);
}

// A directory's questionnaire that linked to a file elsewhere on the machine
// had that file read and its first problem quoted in the job's log.
#[test]
fn a_directorys_link_to_a_file_outside_its_repository_is_not_read() {
    let tmp = scratch_dir();
    let dir = path_of(&tmp);
    // A repository of its own, wherever the build puts scratch directories.
    git(dir, &["init", "--quiet"]);
    let elsewhere = tempfile::tempdir().expect("a directory outside the repository");
    let secret = elsewhere.path().join("secret.yaml");
    std::fs::write(&secret, "token: abc\n").expect("write");
    std::fs::create_dir(format!("{dir}/orgs")).expect("mkdir");
    std::fs::write(format!("{dir}/orgs/a.yaml"), example(NORTHWIND)).expect("write");
    std::fs::write(format!("{dir}/harbor.yaml"), example(HARBOR)).expect("write");
    std::os::unix::fs::symlink(&secret, format!("{dir}/orgs/b.yaml")).expect("symlink");
    std::os::unix::fs::symlink("../harbor.yaml", format!("{dir}/orgs/c.yaml")).expect("symlink");
    let out = run_in(dir, &["assess", "orgs", "--format", "json"]);
    assert_eq!(out.code, 2, "{}", out.stderr);
    assert_eq!(
        out.stderr,
        "orgs/b.yaml: links to a file outside the repository holding this directory, which is not read; give that file's own path to assess it\n"
    );
    let report: Value = serde_json::from_str(&out.stdout).expect("JSON");
    assert_eq!(
        report["assessments"].as_array().map(Vec::len),
        Some(2),
        "{}",
        out.stdout
    );
    assert!(!out.stdout.contains("token"));
    // Named on the command line, the file is the runner's choice, and read.
    let secret = secret.to_str().expect("UTF-8");
    let out = run_in(dir, &["validate", secret]);
    assert_eq!(out.code, 2, "{}", out.stderr);
    assert!(
        out.stderr.starts_with(&format!("{secret}:1:1:")),
        "{}",
        out.stderr
    );
}

// A stored JSON report in UTF-16 was told to be saved "as UTF-8, which YAML
// files use".
#[test]
fn a_report_in_utf16_is_told_of_utf8_without_yaml() {
    let tmp = scratch_dir();
    let dir = path_of(&tmp);
    let path = format!("{dir}/report.json");
    let mut bytes = vec![0xFF, 0xFE];
    for unit in "{\"format_version\": 1}".encode_utf16() {
        bytes.extend_from_slice(&unit.to_le_bytes());
    }
    std::fs::write(&path, bytes).expect("write");
    let out = run(&["diff", &path, NORTHWIND]);
    assert_eq!((out.code, out.stdout.as_str()), (2, ""));
    assert_eq!(
        out.stderr,
        format!("{path}: the file is UTF-16 text; save it as UTF-8\n")
    );
}
