//! Every shipped example, assessed through the binary: the quadrant it was
//! written for, and snapshots of the table and the JSON report.

use crate::common::{examples, run};

#[test]
fn each_example_lands_in_the_quadrant_it_was_written_for() {
    // File, quadrant, focus, the focus rule's row, confidence.
    let expected = [
        (
            "aligned-harbor-logistics.yaml",
            "aligned",
            "scale",
            "aligned",
            "firm",
        ),
        (
            "aligned-incident-lakeshore-health.yaml",
            "aligned",
            "implementation",
            "harden",
            "provisional",
        ),
        (
            "aligned-unguarded-meridian-insurance.yaml",
            "aligned",
            "implementation",
            "harden",
            "firm",
        ),
        (
            "early-live-kestrel-manufacturing.yaml",
            "early",
            "parallel",
            "early",
            "firm",
        ),
        (
            "early-millbrook-credit-union.yaml",
            "early",
            "parallel",
            "early",
            "firm",
        ),
        (
            "insufficient-alder-foods.yaml",
            "unused-tools",
            "strategy",
            "no-plan-on-record",
            "insufficient",
        ),
        (
            "partial-cedar-health.yaml",
            "slide-deck",
            "implementation",
            "stuck",
            "insufficient",
        ),
        (
            "slide-deck-northwind-retail.yaml",
            "slide-deck",
            "implementation",
            "stuck",
            "firm",
        ),
        (
            "unused-tools-brightwave-software.yaml",
            "unused-tools",
            "strategy",
            "unused-tools",
            "firm",
        ),
    ];
    assert_eq!(examples(), expected.iter().map(|e| e.0).collect::<Vec<_>>());
    for (file, quadrant, focus, reason, confidence) in expected {
        let out = run(&["assess", &format!("examples/{file}"), "--format", "json"]);
        assert_eq!(out.code, 0, "{file}: {}", out.stderr);
        let json: serde_json::Value = serde_json::from_str(&out.stdout).expect("valid JSON");
        assert_eq!(json["quadrant"], quadrant, "{file}");
        assert_eq!(json["focus"], focus, "{file}");
        assert_eq!(json["focus_reason_id"], reason, "{file}");
        assert_eq!(json["confidence"], confidence, "{file}");
    }
}

// The table gave no reason for a provisional verdict, which the Markdown
// and HTML reports give.
#[test]
fn the_table_says_why_a_verdict_is_provisional_or_insufficient() {
    for (file, line) in [
        (
            "aligned-incident-lakeshore-health.yaml",
            Some("Provisional: The pilots list is not the whole inventory of AI in use, so the verdict rests on part\nof it.\n"),
        ),
        (
            "insufficient-alder-foods.yaml",
            Some("Confidence insufficient: Too much is unanswered to trust this verdict."),
        ),
        ("aligned-harbor-logistics.yaml", None),
    ] {
        let out = run(&["assess", &format!("examples/{file}"), "--format", "table"]);
        assert_eq!(out.code, 0, "{file}: {}", out.stderr);
        if let Some(line) = line {
            assert!(out.stdout.contains(line), "{file}: {}", out.stdout);
        } else {
            assert!(!out.stdout.contains("Provisional:"), "{}", out.stdout);
            assert!(!out.stdout.contains("Confidence insufficient"), "{}", out.stdout);
        }
    }
}

#[test]
fn the_quadrant_examples_are_fully_answered() {
    for file in examples()
        .iter()
        .filter(|f| !f.starts_with("partial") && !f.starts_with("insufficient"))
    {
        let out = run(&["assess", &format!("examples/{file}"), "--format", "json"]);
        let json: serde_json::Value = serde_json::from_str(&out.stdout).expect("valid JSON");
        assert_eq!(json["scores"]["completeness"], 100.0, "{file}");
        assert_eq!(json["unanswered"], serde_json::json!([]), "{file}");
    }
}

#[test]
fn examples_as_tables() {
    for file in examples() {
        let out = run(&["assess", &format!("examples/{file}")]);
        assert_eq!(out.code, 0, "{file}: {}", out.stderr);
        assert_eq!(out.stderr, "");
        insta::assert_snapshot!(format!("table-{file}"), out.stdout);
    }
}

#[test]
fn examples_as_json() {
    for file in examples() {
        let out = run(&["assess", &format!("examples/{file}"), "--format", "json"]);
        assert_eq!(out.code, 0, "{file}: {}", out.stderr);
        insta::assert_snapshot!(format!("json-{file}"), out.stdout);
    }
}

/// Each run of the same input gives the stored bytes, not merely the bytes
/// of the run before: a second process, with its own hash seeds and thread
/// timing, against the snapshots `examples_as_tables` and `examples_as_json`
/// keep.
#[test]
fn the_same_input_gives_byte_identical_output() {
    for file in examples() {
        for _ in 0..2 {
            let path = format!("examples/{file}");
            let table = run(&["assess", &path]);
            insta::assert_snapshot!(format!("table-{file}"), table.stdout);
            let json = run(&["assess", &path, "--format", "json"]);
            insta::assert_snapshot!(format!("json-{file}"), json.stdout);
        }
    }
}

#[test]
fn every_example_validates() {
    let mut args = vec!["validate".to_owned()];
    args.extend(examples().iter().map(|f| format!("examples/{f}")));
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let out = run(&args);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let expected: String = examples()
        .iter()
        .flat_map(|f| ["examples/", f.as_str(), ": valid\n"])
        .collect();
    assert_eq!(out.stdout, expected);
}
