//! Many questionnaires at once: the portfolio in every format, its order, one
//! bad file among good ones, the worst exit code, and output independent of
//! the number of cores.

use crate::common::{path_of, run, scratch_dir, unwrapped};
use serde_json::Value;

#[test]
fn the_examples_as_a_portfolio_in_every_format() {
    for format in ["table", "markdown", "json"] {
        let out = run(&["assess", "examples", "--format", format]);
        assert_eq!(out.code, 0, "{format}: {}", out.stderr);
        insta::assert_snapshot!(format!("portfolio-{format}"), out.stdout);
    }
    let detail = run(&["assess", "examples", "--format", "markdown", "--detail"]);
    assert_eq!(detail.code, 0);
    assert!(detail.stdout.starts_with("# AI readiness portfolio\n"));
    assert_eq!(
        detail.stdout.matches("\n## AI readiness: ").count(),
        crate::common::examples().len(),
        "each report follows, one level down"
    );
}

#[test]
fn json_for_several_inputs_lists_each_assessment_in_input_order() {
    let out = run(&["assess", "examples", "--format", "json"]);
    let json: Value = serde_json::from_str(&out.stdout).expect("JSON");
    assert_eq!(json["format_version"], 1);
    let list = json["assessments"].as_array().expect("assessments");
    let sources: Vec<&str> = list
        .iter()
        .map(|a| a["source"].as_str().expect("source"))
        .collect();
    let examples: Vec<String> = crate::common::examples()
        .iter()
        .map(|e| format!("examples/{e}"))
        .collect();
    assert_eq!(sources, examples, "a directory's files by name");
    assert_eq!(
        json["portfolio"]["order"],
        "as the inputs were named, the questionnaires of a directory by file name"
    );
    assert!(list.iter().all(|a| a["format_version"] == 1));
    assert_eq!(
        json["portfolio"]["organizations"],
        crate::common::examples().len()
    );
    assert_eq!(json["portfolio"]["quadrants"]["slide-deck"], 2);
    assert_eq!(json["portfolio"]["stuck"], 2);
    // Files named one by one keep the order they were named in.
    let named = run(&[
        "assess",
        "examples/slide-deck-northwind-retail.yaml",
        "examples/aligned-harbor-logistics.yaml",
        "--format",
        "json",
    ]);
    let json: Value = serde_json::from_str(&named.stdout).expect("JSON");
    assert_eq!(
        json["assessments"][0]["organization"]["name"],
        "Northwind Retail"
    );
    assert_eq!(
        json["assessments"][1]["organization"]["name"],
        "Harbor Logistics"
    );
}

#[test]
fn ties_are_broken_by_name_then_file() {
    let tmp = scratch_dir();
    let dir = path_of(&tmp);
    for (file, name) in [("c.yaml", "Beta"), ("a.yaml", "Beta"), ("b.yaml", "Alpha")] {
        std::fs::write(
            format!("{dir}/{file}"),
            format!("version: 1\norganization:\n  name: {name}\n  assessed: 2026-11-20\n"),
        )
        .expect("write");
    }
    let out = run(&["assess", dir, "--format", "markdown"]);
    let rows: Vec<&str> = out
        .stdout
        .lines()
        .filter(|l| l.starts_with("| Alpha") || l.starts_with("| Beta"))
        .map(|l| l.split(" | ").next().unwrap_or_default())
        .collect();
    assert_eq!(
        rows,
        [
            "| Alpha".to_owned(),
            format!("| Beta ({dir}/a.yaml)"),
            format!("| Beta ({dir}/c.yaml)")
        ]
    );
}

#[test]
fn one_bad_file_does_not_hide_the_rest() {
    let tmp = scratch_dir();
    let dir = path_of(&tmp);
    std::fs::write(
        format!("{dir}/good.yaml"),
        "version: 1\norganization:\n  name: Good\n  assessed: 2026-11-20\n",
    )
    .expect("write");
    std::fs::write(
        format!("{dir}/bad.yaml"),
        "version: 1\norganization:\n  name: Bad\n  size: 3\n",
    )
    .expect("write");
    std::fs::write(format!("{dir}/notes.txt"), "not a questionnaire").expect("write");
    let out = run(&["assess", dir, "--format", "json"]);
    assert_eq!(out.code, 2);
    assert_eq!(out.stderr, format!("{dir}/bad.yaml:4:3: unknown key \"size\" in organization; allowed: name, industry, employees, assessed\n4 |   size: 3\n  |   ^\n"));
    let json: Value = serde_json::from_str(&out.stdout).expect("the valid ones are still reported");
    assert_eq!(json["assessments"].as_array().map(Vec::len), Some(1));
    assert_eq!(json["assessments"][0]["organization"]["name"], "Good");
    assert_eq!(
        json["errors"],
        serde_json::json!([{
            "file": format!("{dir}/bad.yaml"),
            "problems": [{
                "line": 4,
                "column": 3,
                "message": "unknown key \"size\" in organization; allowed: name, industry, employees, assessed"
            }],
            "more": 0
        }])
    );
    let not_assessed = "1 input could not be assessed and is not counted above (standard error, or `readiness validate`, lists every problem):";
    let first = format!(
        "{dir}/bad.yaml: line 4, column 3: unknown key \"size\" in organization; allowed: name, industry, employees, assessed"
    );
    let table = run(&["assess", dir, "--format", "table"]);
    assert_eq!(table.code, 2);
    assert!(
        unwrapped(&table.stdout).ends_with(&format!("{not_assessed} {first}")),
        "{}",
        table.stdout
    );
    let markdown = run(&["assess", dir, "--format", "markdown"]);
    assert_eq!(markdown.code, 2);
    assert!(
        markdown.stdout.ends_with(&format!(
            "\n\n## Not assessed\n\n{not_assessed}\n\n- {first}\n"
        )),
        "{}",
        markdown.stdout
    );
}

#[test]
fn portfolio_gives_the_portfolio_shape_for_one_input_and_an_empty_error_list() {
    let file = "examples/aligned-harbor-logistics.yaml";
    let out = run(&["assess", file, "--portfolio", "--format", "json"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let json: Value = serde_json::from_str(&out.stdout).expect("JSON");
    assert_eq!(json["assessments"].as_array().map(Vec::len), Some(1));
    assert_eq!(json["portfolio"]["organizations"], 1);
    assert_eq!(json["errors"], serde_json::json!([]));
    let table = run(&["assess", file, "--portfolio", "--format", "table"]);
    assert!(table.stdout.starts_with("Portfolio: 1 organization, "));
    assert!(!table.stdout.contains("could not be assessed"));
    // Without the flag, one input is one report.
    let one = run(&["assess", file, "--format", "json"]);
    let json: Value = serde_json::from_str(&one.stdout).expect("JSON");
    assert_eq!(json["organization"]["name"], "Harbor Logistics");
}

#[test]
fn the_worst_exit_code_wins() {
    let harbor = "examples/aligned-harbor-logistics.yaml";
    let northwind = "examples/slide-deck-northwind-retail.yaml";
    assert_eq!(
        run(&["assess", harbor, northwind, "--fail-under", "30"]).code,
        0
    );
    let out = run(&[
        "assess",
        harbor,
        northwind,
        "--fail-under",
        "60",
        "--format",
        "json",
    ]);
    assert_eq!(out.code, 1);
    let json: Value = serde_json::from_str(&out.stdout).expect("JSON");
    let passed: Vec<bool> = json["assessments"]
        .as_array()
        .expect("list")
        .iter()
        .map(|a| a["gate"]["passed"].as_bool().expect("gate"))
        .collect();
    assert_eq!(passed, [true, false], "in input order, Northwind fails");
    assert_eq!(
        run(&[
            "assess",
            harbor,
            northwind,
            "no/such.yaml",
            "--fail-under",
            "60"
        ])
        .code,
        2
    );
}

#[test]
fn output_is_the_same_on_one_core_or_two() {
    let on = |threads: &str| {
        let output = std::process::Command::new(env!("CARGO_BIN_EXE_readiness"))
            .args(["assess", "examples", "--format", "json"])
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .env("RAYON_NUM_THREADS", threads)
            .env_remove("GITHUB_STEP_SUMMARY")
            .output()
            .expect("runs");
        String::from_utf8_lossy(&output.stdout).into_owned()
    };
    let one = on("1");
    assert!(!one.is_empty());
    assert_eq!(one, on("2"));
}

/// The portfolio's pilot-to-production share counts live pilots among
/// those at stage pilot or later; with none at all it is unknown, never a
/// share of nothing.
#[test]
fn pilot_to_production_is_unknown_without_a_pilot_tried() {
    use crate::common::{of, pilots};
    use readiness::portfolio::Portfolio;
    let share = |bodies: &[&str]| {
        Portfolio::new(bodies.iter().map(|b| of(b)).collect())
            .portfolio
            .pilot_to_production_pct
    };
    assert_eq!(share(&["", &pilots(&["stage: idea"])]), None);
    assert_eq!(
        share(&[&pilots(&["stage: pilot"]), &pilots(&["stage: production"])]),
        Some(50.0)
    );
    assert_eq!(
        share(&[&pilots(&["stage: pilot", "stage: pilot", "stage: scaled"])]),
        Some(33.3)
    );
}

/// A portfolio's row counts of each organization the critical findings
/// and those acceptances leave out of the gate, as its columns show them.
#[test]
fn a_portfolio_row_counts_the_critical_and_the_accepted_findings() {
    use readiness::acceptance::Acceptance;
    use readiness::assess::accept::apply;
    use readiness::diagnostic::Position;
    use readiness::portfolio::{PortfolioRow, Reports};
    let text = std::fs::read_to_string(format!(
        "{}/examples/slide-deck-northwind-retail.yaml",
        env!("CARGO_MANIFEST_DIR")
    ))
    .expect("example");
    let row = |accepted: bool| {
        let mut a = crate::common::assess(&text);
        if accepted {
            let laptop = Acceptance {
                finding: readiness::vocabulary::FindingId::LaptopBound,
                pilot: None,
                reason: "Moves in March".to_owned(),
                by: "CIO".to_owned(),
                until: readiness::date::Date::parse("2027-03-31").expect("a date"),
                file: "readiness.toml".to_owned(),
                line: 1,
                pilot_at: None,
                until_at: Position { line: 6, column: 9 },
            };
            apply(&mut a, &[laptop], crate::common::test_date());
        }
        PortfolioRow::new(a, Reports::default())
    };
    // plan-without-results is Northwind's one critical finding.
    let (plain, with_acceptance) = (row(false), row(true));
    assert_eq!((plain.critical, plain.accepted), (1, 0));
    assert_eq!((with_acceptance.critical, with_acceptance.accepted), (1, 1));
}

// A questionnaire that left its pilots list out was shown as clear of
// pilot purgatory in the portfolio.
#[test]
fn a_portfolio_row_without_a_pilots_list_is_not_judged_for_purgatory() {
    let tmp = crate::common::scratch_dir();
    let dir = crate::common::path_of(&tmp);
    std::fs::write(
        format!("{dir}/a.yaml"),
        "version: 1\norganization: {name: A, assessed: 2026-11-20}\n",
    )
    .expect("write");
    std::fs::write(
        format!("{dir}/b.yaml"),
        "version: 1\norganization: {name: B, assessed: 2026-11-20}\nimplementation:\n  pilots: []\n",
    )
    .expect("write");
    let markdown = crate::common::run(&["assess", dir, "--format", "markdown", "--no-config"]);
    let row = |name: &str| {
        markdown
            .stdout
            .lines()
            .find(|l| l.starts_with(&format!("| {name} |")))
            .unwrap_or_default()
            .to_owned()
    };
    assert!(row("A").contains("| Not judged |"), "{}", markdown.stdout);
    assert!(row("B").contains("| Clear |"), "{}", markdown.stdout);
    let table = crate::common::run(&["assess", dir, "--no-config"]);
    assert!(table.stdout.contains("not judged"), "{}", table.stdout);
}

// A file named twice (in a directory and by itself) was assessed twice, its
// issues' fingerprints repeated; `q/.` and `q//x.yaml` were names of their
// own, so every fingerprint changed with the spelling.
#[test]
fn each_file_is_assessed_once_under_one_name() {
    let tmp = crate::common::scratch_dir();
    let dir = crate::common::path_of(&tmp);
    std::fs::create_dir(format!("{dir}/q")).expect("mkdir");
    for name in [
        "slide-deck-northwind-retail.yaml",
        "aligned-harbor-logistics.yaml",
    ] {
        std::fs::copy(format!("examples/{name}"), format!("{dir}/q/{name}")).expect("copy");
    }
    let once = crate::common::run_in(dir, &["assess", "q", "--format", "codeclimate"]);
    for spelling in [
        vec!["q", "q/slide-deck-northwind-retail.yaml"],
        vec!["q/.", "q//slide-deck-northwind-retail.yaml"],
        vec!["q/./"],
    ] {
        let mut args = vec!["assess"];
        args.extend(&spelling);
        args.extend(["--format", "codeclimate"]);
        let out = crate::common::run_in(dir, &args);
        assert_eq!(out.code, once.code, "{spelling:?}: {}", out.stderr);
        assert_eq!(out.stdout, once.stdout, "{spelling:?}");
    }
    // One file named twice is one organization, not a portfolio.
    let out = crate::common::run_in(
        dir,
        &[
            "assess",
            "q/slide-deck-northwind-retail.yaml",
            "./q/slide-deck-northwind-retail.yaml",
            "--format",
            "json",
        ],
    );
    let report: serde_json::Value = serde_json::from_str(&out.stdout).expect("JSON");
    assert_eq!(report["organization"]["name"], "Northwind Retail");
    // `./-` is a file named `-`, never standard input.
    std::fs::copy("examples/aligned-harbor-logistics.yaml", format!("{dir}/-")).expect("copy");
    let out = crate::common::run_in(dir, &["assess", "./-", "--format", "json"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let report: serde_json::Value = serde_json::from_str(&out.stdout).expect("JSON");
    assert_eq!(report["organization"]["name"], "Harbor Logistics");
}

// A portfolio row said FAILED with a score above the threshold, and only
// standard error said why (the low end of its range): the report itself
// lists each failed check.
#[test]
fn a_portfolio_report_says_why_a_row_failed() {
    for (format, expected) in [
        (
            "table",
            "\nFailed gates:\n  examples/slide-deck-northwind-retail.yaml: gate failed: overall 40.3 is below 50.0\n",
        ),
        (
            "markdown",
            "\n## Failed gates\n\n- examples/slide-deck-northwind-retail.yaml: gate failed: overall 40.3 is below 50.0\n",
        ),
        (
            "html",
            "<li>examples/slide-deck-northwind-retail.yaml: gate failed: overall 40.3 is below 50.0</li>",
        ),
    ] {
        let out = crate::common::run(&[
            "assess",
            "examples/slide-deck-northwind-retail.yaml",
            "examples/aligned-harbor-logistics.yaml",
            "--fail-under",
            "50",
            "--format",
            format,
        ]);
        assert_eq!(out.code, 1, "{format}: {}", out.stderr);
        assert!(out.stdout.contains(expected), "{format}: {}", out.stdout);
        // The advice points to recommendations a portfolio does not show.
        assert!(!out.stdout.contains("what to do:"), "{format}: {}", out.stdout);
        assert!(out.stderr.contains("what to do:"), "{}", out.stderr);
    }
    // No failed gate, no such section.
    let out = crate::common::run(&[
        "assess",
        "examples/slide-deck-northwind-retail.yaml",
        "examples/aligned-harbor-logistics.yaml",
        "--fail-under",
        "10",
    ]);
    assert_eq!(out.code, 0);
    assert!(!out.stdout.contains("Failed gates"), "{}", out.stdout);
}

// Two assessments of one organization were two rows both named "Northwind
// Retail", and the chart called one of them "Northwind Retail (2)", a name
// the table never gave.
#[test]
fn organizations_that_share_a_name_are_told_apart_by_their_files() {
    let tmp = crate::common::scratch_dir();
    let dir = crate::common::path_of(&tmp);
    let northwind =
        std::fs::read_to_string("examples/slide-deck-northwind-retail.yaml").expect("example");
    std::fs::create_dir(format!("{dir}/q")).expect("mkdir");
    std::fs::write(format!("{dir}/q/old.yaml"), &northwind).expect("write");
    std::fs::write(
        format!("{dir}/q/new.yaml"),
        northwind.replace("assessed: 2026-11-20", "assessed: 2027-03-01"),
    )
    .expect("write");
    let out = crate::common::run_in(dir, &["assess", "q", "--format", "markdown"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    for name in [
        "Northwind Retail (q/new.yaml)",
        "Northwind Retail (q/old.yaml)",
    ] {
        assert!(
            out.stdout.contains(&format!("| {name} |")),
            "{}",
            out.stdout
        );
        assert!(
            out.stdout.contains(&format!("\"{name}\": [")),
            "{}",
            out.stdout
        );
    }
    assert!(!out.stdout.contains("(2)"), "{}", out.stdout);
    // A name no other organization has is the name alone.
    let out = crate::common::run(&[
        "assess",
        "examples/slide-deck-northwind-retail.yaml",
        "examples/aligned-harbor-logistics.yaml",
        "--format",
        "markdown",
    ]);
    assert!(
        out.stdout.contains("| Northwind Retail |"),
        "{}",
        out.stdout
    );
}

// A portfolio's JSON is written as it is assessed. A reader that stops
// early (`| head`) leaves the run to say what it says of every file: its
// gate lines on standard error, its exit code for the gate.
#[test]
fn a_json_portfolio_read_only_in_part_still_says_and_exits_for_the_whole() {
    use std::io::Read;
    let args = [
        "assess",
        "examples",
        "--format",
        "json",
        "--fail-under",
        "90",
    ];
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_readiness"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("the binary runs");
    let mut start = [0u8; 10];
    child
        .stdout
        .take()
        .expect("standard output")
        .read_exact(&mut start)
        .expect("read");
    // Standard output closed here, with hundreds of kilobytes unread.
    let mut stderr = String::new();
    child
        .stderr
        .take()
        .expect("standard error")
        .read_to_string(&mut stderr)
        .expect("read");
    let status = child.wait().expect("the run ends");
    assert_eq!(&start, b"{\"format_v");
    assert_eq!(status.code(), Some(1), "{stderr}");
    let whole = run(&args);
    assert_eq!(stderr, whole.stderr);
    assert!(stderr.contains(": gate failed: overall "), "{stderr}");
}

// Standard error lists the failed gates in input order, as every format
// of the portfolio does, whatever order the rows are shown in.
#[test]
fn a_json_portfolio_lists_its_failed_gates_as_the_other_formats_do() {
    let args = |format| {
        [
            "assess",
            "examples",
            "--format",
            format,
            "--fail-under",
            "90",
        ]
    };
    let json = run(&args("json"));
    let markdown = run(&args("markdown"));
    assert_eq!((json.code, markdown.code), (1, 1));
    assert_eq!(json.stderr, markdown.stderr);
}

// A report file that cannot be made does not keep the run from saying what
// it found: every problem and failed gate, then why nothing was written.
#[test]
fn a_json_portfolio_whose_file_cannot_be_made_still_says_what_it_found() {
    let tmp = scratch_dir();
    let dir = path_of(&tmp);
    let summary = format!("{dir}/summary.md");
    let examples = format!("{}/examples", env!("CARGO_MANIFEST_DIR"));
    let out = crate::common::run_in_env(
        dir,
        &[
            "assess",
            &examples,
            "--format",
            "json",
            "--fail-under",
            "90",
            "-o",
            "missing/report.json",
        ],
        &[("GITHUB_STEP_SUMMARY", &summary)],
    );
    assert_eq!((out.code, out.stdout.as_str()), (2, ""));
    let table = crate::common::run_in(dir, &["assess", &examples, "--fail-under", "90"]);
    let (found, why) = out.stderr.split_at(table.stderr.len());
    assert_eq!(found, table.stderr);
    assert_eq!(
        why,
        "missing/report.json: the directory missing does not exist\n"
    );
    let summary = std::fs::read_to_string(&summary).expect("the job summary is written");
    assert!(
        summary.contains("\n# AI readiness portfolio\n"),
        "{summary}"
    );
}
