//! `readiness diff OLD NEW`: each side a questionnaire or a stored JSON
//! report; every number of the comparison, a change of organization or
//! rubric said first, bad sides refused, and every format snapshotted.

use crate::common::{path_of, run, run_in, scratch_dir};
use serde_json::{json, Value};

const NORTHWIND: &str = "examples/slide-deck-northwind-retail.yaml";

/// Northwind a quarter on: both pilots live, off the laptop.
fn northwind_later(dir: &str) -> String {
    let text = std::fs::read_to_string(format!("{}/{NORTHWIND}", env!("CARGO_MANIFEST_DIR")))
        .expect("example")
        .replace("stage: pilot", "stage: production")
        .replace("environment: laptop", "environment: production");
    let path = format!("{dir}/northwind-later.yaml");
    std::fs::write(&path, text).expect("write");
    path
}

/// Northwind's report as stored last quarter.
fn northwind_report(dir: &str) -> String {
    let path = format!("{dir}/northwind.json");
    let out = run(&["assess", NORTHWIND, "--format", "json", "-o", &path]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    path
}

fn diff_json(old: &str, new: &str) -> Value {
    let out = run(&["diff", old, new, "--format", "json"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    serde_json::from_str(&out.stdout).expect("JSON")
}

fn ids(list: &Value) -> Vec<&str> {
    list.as_array()
        .expect("a list")
        .iter()
        .map(|f| f["id"].as_str().expect("an id"))
        .collect()
}

#[test]
fn a_stored_report_against_a_later_questionnaire_gives_every_change() {
    let tmp = scratch_dir();
    let dir = path_of(&tmp);
    let (old, new) = (northwind_report(dir), northwind_later(dir));
    let d = diff_json(&old, &new);
    assert_eq!(d["warnings"], json!([]));
    let score = |name: &str| {
        d["scores"]
            .as_array()
            .expect("scores")
            .iter()
            .find(|s| s["name"] == name)
            .cloned()
            .expect("the score")
    };
    assert_eq!(
        (
            score("strategy")["before"].clone(),
            score("strategy")["after"].clone(),
            score("strategy")["change"].clone()
        ),
        (json!(80.9), json!(80.9), json!(0.0))
    );
    assert_eq!(
        (
            score("implementation")["before"].clone(),
            score("implementation")["after"].clone(),
            score("implementation")["change"].clone()
        ),
        (json!(26.8), json!(32.1), json!(5.3))
    );
    assert_eq!(score("overall")["change"], json!(5.7));
    assert_eq!(
        d["level"],
        json!({"before": "experimenting", "after": "operationalizing", "changed": true})
    );
    assert_eq!(
        d["quadrant"],
        json!({"before": "slide-deck", "after": "slide-deck", "changed": false})
    );
    assert_eq!(
        d["purgatory_status"],
        json!({"before": "stuck", "after": "at-risk", "changed": true})
    );
    assert_eq!(
        d["pilot_to_production_pct"],
        json!({"before": 0.0, "after": 100.0, "change": 100.0})
    );
    assert_eq!(
        ids(&d["findings"]["resolved"]),
        [
            "no-production",
            "stale-pilot",
            "overdue-decision",
            "laptop-bound",
            "unproven-pilot",
            "infrastructure-gap"
        ]
    );
    assert_eq!(
        ids(&d["findings"]["new"]),
        [
            "unguarded-decisions",
            "no-monitoring",
            "unmeasured-value",
            "no-adoption"
        ]
    );
    assert_eq!(
        ids(&d["findings"]["still_open"]),
        [
            "plan-without-results",
            "cost-overrun",
            "strategy-first",
            "one-time-cost",
            "tension.goals"
        ]
    );
    assert_eq!(
        d["pilots"],
        json!([
            {"name": "churn-model", "before": "pilot", "after": "production"},
            {"name": "demand-forecast", "before": "pilot", "after": "production"}
        ])
    );
    let delivery = d["dimensions"]
        .as_array()
        .expect("dimensions")
        .iter()
        .find(|x| x["id"] == "delivery")
        .expect("delivery");
    assert_eq!(
        delivery["implementation"],
        json!({"before": 32.9, "after": 54.3, "change": 21.4})
    );
    // Backwards, every change turns round.
    let back = diff_json(&new, &old);
    assert_eq!(back["findings"]["resolved"], d["findings"]["new"]);
    assert_eq!(back["level"]["after"], "experimenting");
}

#[test]
fn the_same_assessment_on_both_sides_changes_nothing() {
    let d = diff_json(NORTHWIND, NORTHWIND);
    assert_eq!(d["findings"]["resolved"], json!([]));
    assert_eq!(d["findings"]["new"], json!([]));
    assert_eq!(d["pilots"], json!([]));
    assert!(d["scores"]
        .as_array()
        .expect("scores")
        .iter()
        .all(|s| s["change"] == 0.0));
    let text = run(&["diff", NORTHWIND, NORTHWIND]).stdout;
    assert!(text.contains("Dimensions that moved: 0 of 9"), "{text}");
    assert!(text.contains("Pilots that changed: 0"), "{text}");
}

#[test]
fn another_organization_or_another_rubric_is_said_first() {
    let d = diff_json("examples/partial-cedar-health.yaml", NORTHWIND);
    assert_eq!(
        d["warnings"],
        json!(["These are two organizations, Cedar Health and Northwind Retail: the changes compare them, not one organization over time."])
    );
    let tmp = scratch_dir();
    let dir = path_of(&tmp);
    let rubric =
        run(&["rubric", "export"])
            .stdout
            .replacen("version = \"2\"", "version = \"3\"", 1);
    let rubric_path = format!("{dir}/next.toml");
    std::fs::write(&rubric_path, rubric).expect("write");
    let stored = northwind_report(dir);
    let out = run(&["diff", &stored, NORTHWIND, "--rubric", &rubric_path]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let second_line = out
        .stdout
        .lines()
        .find(|l| l.starts_with("Note:"))
        .unwrap_or_default();
    assert!(
        second_line
            .starts_with("Note: The rubric changed, from default version 2 to default version 3"),
        "{}",
        out.stdout
    );
    // The same rubric on both sides says nothing of it.
    assert!(!run(&["diff", &stored, NORTHWIND]).stdout.contains("Note:"));
}

#[test]
fn a_side_that_is_not_a_report_is_refused_with_its_place() {
    let tmp = scratch_dir();
    let dir = path_of(&tmp);
    let broken = format!("{dir}/broken.json");
    std::fs::write(&broken, "{\n  \"format_version\": 1,\n  oops\n}\n").expect("write");
    let out = run(&["diff", &broken, NORTHWIND]);
    assert_eq!((out.code, out.stdout.as_str()), (2, ""));
    assert!(
        out.stderr.starts_with(&format!(
            "{broken}:3:3: not valid JSON: key must be a string"
        )),
        "{}",
        out.stderr
    );

    let portfolio = format!("{dir}/portfolio.json");
    assert_eq!(
        run(&["assess", "examples", "--format", "json", "-o", &portfolio]).code,
        0
    );
    let out = run(&["diff", NORTHWIND, &portfolio]);
    assert_eq!((out.code, out.stdout.as_str()), (2, ""));
    assert_eq!(
        out.stderr,
        format!(
            "{portfolio}: assessments: this is a portfolio of {} reports; compare one organization's report (`readiness assess FILE --format json`)\n",
            crate::common::examples().len()
        )
    );
    let out = run(&["diff", NORTHWIND, "no/such.yaml"]);
    assert_eq!(out.code, 2);
    assert!(out.stderr.starts_with("no/such.yaml:"), "{}", out.stderr);
}

#[test]
fn every_format_of_the_comparison() {
    let tmp = scratch_dir();
    let dir = path_of(&tmp);
    northwind_report(dir);
    northwind_later(dir);
    // Run from the scratch directory so that the names, and so the wrapping,
    // do not depend on where the target directory is.
    for format in ["table", "markdown", "json", "html"] {
        let out = run_in(
            dir,
            &[
                "diff",
                "northwind.json",
                "northwind-later.yaml",
                "--format",
                format,
            ],
        );
        assert_eq!(out.code, 0, "{}", out.stderr);
        insta::assert_snapshot!(format!("diff-{format}"), out.stdout);
    }
}

// A finding open on both sides said nothing of the pilots it named now and
// did not before, or no longer named.
#[test]
fn a_finding_still_open_says_which_pilots_it_gained_and_lost() {
    let tmp = scratch_dir();
    let dir = path_of(&tmp);
    let kestrel = "examples/early-live-kestrel-manufacturing.yaml";
    let text = std::fs::read_to_string(format!("{}/{kestrel}", env!("CARGO_MANIFEST_DIR")))
        .expect("example");
    // maintenance-forecast goes to production.
    let (head, tail) = text
        .split_once("name: maintenance-forecast")
        .expect("the pilot");
    let later = format!(
        "{head}name: maintenance-forecast{}",
        tail.replacen("stage: pilot", "stage: production", 1)
    );
    let path = format!("{dir}/kestrel-later.yaml");
    std::fs::write(&path, later).expect("write");
    let d = diff_json(kestrel, &path);
    let open = |id: &str| {
        d["findings"]["still_open"]
            .as_array()
            .and_then(|l| l.iter().find(|f| f["id"] == id))
            .cloned()
            .expect("still open")
    };
    assert_eq!(
        open("unmeasured-value")["pilots_added"],
        json!(["maintenance-forecast"])
    );
    assert_eq!(
        open("stale-pilot")["pilots_cleared"],
        json!(["maintenance-forecast"])
    );
    // A finding naming the same pilots carries neither list.
    let same = open("laptop-bound");
    assert!(same.get("pilots_added").is_none() && same.get("pilots_cleared").is_none());
    let markdown = run(&["diff", kestrel, &path, "--format", "markdown"]).stdout;
    assert!(
        markdown.contains("quote-assistant. It no longer names maintenance-forecast.\n"),
        "{markdown}"
    );
    assert!(
        markdown.contains("It newly names maintenance-forecast.\n"),
        "{markdown}"
    );
}

// "It now also names demand-forecasting and no longer names churn-model and
// demand-forecast": no pilot named before was left, so nothing was "also".
#[test]
fn a_finding_whose_pilots_all_changed_is_not_said_to_name_more() {
    let tmp = crate::common::scratch_dir();
    let dir = crate::common::path_of(&tmp);
    let northwind = std::fs::read_to_string(format!(
        "{}/examples/slide-deck-northwind-retail.yaml",
        env!("CARGO_MANIFEST_DIR")
    ))
    .expect("example");
    let later = northwind
        .replace("name: demand-forecast\n", "name: demand-forecasting\n")
        .replacen("stage: pilot", "stage: production", 1);
    let path = format!("{dir}/later.yaml");
    std::fs::write(&path, later).expect("write");
    let out = run(&[
        "diff",
        "examples/slide-deck-northwind-retail.yaml",
        &path,
        "--format",
        "markdown",
    ]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(
        out.stdout.contains("It newly names demand-forecasting and no longer names churn-model and demand-forecast."),
        "{}",
        out.stdout
    );
    assert!(!out.stdout.contains("also names"), "{}", out.stdout);
}
