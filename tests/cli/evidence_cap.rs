//! A finding with thousands of pieces of evidence: the reader's reports list
//! the first fifty and say how many more the JSON report lists; the JSON
//! keeps every one. Tested at the cap, both sides.

use crate::common::{path_of, run_in_env, scratch_dir};
use std::fmt::Write as _;

/// A questionnaire of `n` pilots on laptops, each one piece of evidence of
/// `laptop-bound`.
fn laptops(n: usize) -> String {
    let mut yaml = String::from(
        "version: 1\norganization: {name: Many Pilots, assessed: 2026-11-20}\nimplementation:\n  pilots:\n",
    );
    for i in 0..n {
        writeln!(
            yaml,
            "    - {{name: p{i}, stage: pilot, started: 2026-06-01, environment: laptop}}"
        )
        .expect("written to a string");
    }
    yaml
}

/// The report in `format`, laid out wide enough that no line is wrapped.
fn report(n: usize, format: &str) -> String {
    let tmp = scratch_dir();
    let dir = path_of(&tmp);
    std::fs::write(format!("{dir}/org.yaml"), laptops(n)).expect("written");
    let run = run_in_env(
        dir,
        &["assess", "org.yaml", "--format", format],
        &[("COLUMNS", "1000")],
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    run.stdout
}

/// The end of the laptop-bound finding's evidence: the line of its fiftieth
/// piece and the next (the table lists a piece a line, the other formats
/// all on one).
fn laptop_end(out: &str) -> String {
    let lines: Vec<&str> = out.lines().collect();
    let at = lines
        .iter()
        .position(|l| l.contains("p49, environment laptop"))
        .expect("the fiftieth piece of evidence is listed");
    lines[at..=at + 1].join("\n")
}

fn laptop_evidence_in_json(n: usize) -> usize {
    let json: serde_json::Value = serde_json::from_str(&report(n, "json")).expect("JSON");
    let findings = json["findings"].as_array().expect("findings");
    let laptop = findings
        .iter()
        .find(|f| f["id"] == "laptop-bound")
        .expect("laptop-bound fired");
    laptop["evidence"].as_array().expect("evidence").len()
}

#[test]
fn the_json_report_keeps_every_piece_of_evidence() {
    assert_eq!(laptop_evidence_in_json(50), 50);
    assert_eq!(laptop_evidence_in_json(51), 51);
}

#[test]
fn fifty_pieces_are_all_listed_and_nothing_is_said_of_more() {
    for format in ["table", "markdown", "html"] {
        let out = report(50, format);
        let end = laptop_end(&out);
        assert!(!end.contains("more piece"), "{format}: {end}");
    }
}

#[test]
fn past_fifty_the_rest_is_counted_and_left_to_the_json() {
    for format in ["table", "markdown", "html"] {
        let out = report(51, format);
        let end = laptop_end(&out);
        assert!(
            !out.contains("p50, environment laptop"),
            "{format}: the fifty-first is left to the JSON report"
        );
        assert!(
            end.contains("… and 1 more piece of evidence; the JSON report lists them all"),
            "{format}: {end}"
        );
    }
    let out = report(3_330, "markdown");
    assert!(laptop_end(&out)
        .contains("… and 3,280 more pieces of evidence; the JSON report lists them all"));
}
