//! The leadership report: a snapshot of each example, well-formed `CommonMark`
//! tables, a well-formed quadrant chart, and `--output` written whole.

use crate::common::{examples, path_of, run, scratch_dir};
use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

fn markdown(file: &str) -> String {
    let out = run(&[
        "assess",
        &format!("examples/{file}"),
        "--format",
        "markdown",
    ]);
    assert_eq!(out.code, 0, "{file}: {}", out.stderr);
    out.stdout
}

#[test]
fn examples_as_markdown() {
    for file in examples() {
        insta::assert_snapshot!(format!("markdown-{file}"), markdown(&file));
    }
}

#[test]
fn every_table_has_as_many_cells_in_each_row_as_in_its_header() {
    for file in examples() {
        let text = markdown(&file);
        let mut tables = 0;
        let mut cells_in_row = 0;
        let mut header_cells = 0;
        for event in Parser::new_ext(&text, Options::ENABLE_TABLES) {
            match event {
                Event::Start(Tag::Table(_)) => tables += 1,
                Event::Start(Tag::TableHead | Tag::TableRow) => cells_in_row = 0,
                Event::Start(Tag::TableCell) => cells_in_row += 1,
                Event::End(TagEnd::TableHead) => header_cells = cells_in_row,
                Event::End(TagEnd::TableRow) => assert_eq!(
                    cells_in_row, header_cells,
                    "{file}: a row with {cells_in_row} cells under {header_cells} headings"
                ),
                _ => {}
            }
        }
        assert!(
            tables >= 3,
            "{file}: scores, dimensions and pilots are tables"
        );
        // Every row written as a line of pipes was read as a table row, not as text.
        let pipe_lines = text
            .lines()
            .filter(|l| l.starts_with('|') && !l.starts_with("| ---"))
            .count();
        let rows = Parser::new_ext(&text, Options::ENABLE_TABLES)
            .filter(|e| matches!(e, Event::Start(Tag::TableRow | Tag::TableHead)))
            .count();
        assert_eq!(pipe_lines, rows, "{file}");
    }
}

#[test]
fn the_quadrant_chart_is_well_formed_and_plots_the_scores() {
    for file in examples() {
        let text = markdown(&file);
        let json: serde_json::Value = serde_json::from_str(
            &run(&["assess", &format!("examples/{file}"), "--format", "json"]).stdout,
        )
        .expect("JSON");
        let block: Vec<&str> = text
            .split("```mermaid\n")
            .nth(1)
            .and_then(|rest| rest.split("\n```").next())
            .expect("a mermaid block")
            .lines()
            .map(str::trim)
            .collect();
        assert_eq!(block[0], "quadrantChart", "{file}");
        assert!(
            block.contains(&"x-axis Low strategy --> High strategy"),
            "{file}"
        );
        assert!(
            block.contains(&"y-axis Low implementation --> High implementation"),
            "{file}"
        );
        for (n, name) in [
            (1, "Aligned"),
            (2, "Unused tools"),
            (3, "Early"),
            (4, "Slide deck"),
        ] {
            assert!(
                block.contains(&format!("quadrant-{n} \"{name}\"").as_str()),
                "{file}: quadrant-{n}"
            );
        }
        let point = block.last().expect("a point");
        let (label, coordinates) = point.split_once(": [").expect("name: [x, y]");
        let name = json["organization"]["name"].as_str().expect("name");
        assert_eq!(label, format!("\"{name}\""), "{file}");
        let (x, y) = coordinates
            .trim_end_matches(']')
            .split_once(", ")
            .expect("x, y");
        let (x, y): (f64, f64) = (x.parse().expect("x"), y.parse().expect("y"));
        assert!(
            (0.0..=1.0).contains(&x) && (0.0..=1.0).contains(&y),
            "{file}"
        );
        // With the default cut line at 50 the scale is the score over 100,
        // kept 0.03 off the edges.
        let strategy = json["scores"]["strategy"].as_f64().expect("score");
        let implementation = json["scores"]["implementation"].as_f64().expect("score");
        let expected = |s: f64| (s / 100.0).clamp(0.03, 0.97);
        assert!(
            (x - expected(strategy)).abs() < 1e-9,
            "{file}: x {x} vs {strategy}"
        );
        assert!(
            (y - expected(implementation)).abs() < 1e-9,
            "{file}: y {y} vs {implementation}"
        );
    }
}

#[test]
fn the_report_speaks_plainly() {
    let text = markdown("slide-deck-northwind-retail.yaml");
    assert!(
        text.contains("| churn-model | Marketing | pilot | 629 | on a laptop | 12 | none |"),
        "{text}"
    );
    assert!(text.contains("against an industry figure of 54%"), "{text}");
    assert!(text
        .contains("The industry figure beside the pilot-to-production rate: Gartner survey, 2022"));
    assert!(text.contains("*The correction:* Strategy and delivery work best in parallel"));
    assert!(text.contains("`implementation.pilots[0]` (line 50): churn-model, running 629 days"));
    for jargon in ["| laptop |", "| c_suite |", "**slide-deck**", "**at-risk**"] {
        assert!(!text.contains(jargon), "raw word {jargon:?} in the report");
    }
}

#[test]
fn output_writes_the_whole_report_and_nothing_on_stdout() {
    let tmp = scratch_dir();
    let dir = path_of(&tmp);
    let target = format!("{dir}/report.md");
    for format in ["markdown", "json", "table"] {
        let out = run(&[
            "assess",
            "examples/early-millbrook-credit-union.yaml",
            "--format",
            format,
            "-o",
            &target,
        ]);
        assert_eq!(
            (out.code, out.stdout.as_str(), out.stderr.as_str()),
            (0, "", "")
        );
        let printed = run(&[
            "assess",
            "examples/early-millbrook-credit-union.yaml",
            "--format",
            format,
        ])
        .stdout;
        assert_eq!(
            std::fs::read_to_string(&target).expect("written"),
            printed,
            "{format}"
        );
    }
    let left: Vec<_> = std::fs::read_dir(dir)
        .expect("dir")
        .map(|e| e.expect("entry").file_name())
        .collect();
    assert_eq!(left, ["report.md"], "no temporary file is left behind");
}

#[test]
fn a_failed_run_leaves_an_existing_report_untouched() {
    let tmp = scratch_dir();
    let dir = path_of(&tmp);
    let target = format!("{dir}/report.md");
    std::fs::write(&target, "the previous report\n").expect("write");
    let bad = format!("{dir}/bad.yaml");
    std::fs::write(&bad, "version: 1\norganization:\n  name: A\n  size: 3\n").expect("write");
    let out = run(&["assess", &bad, "--format", "markdown", "-o", &target]);
    assert_eq!((out.code, out.stdout.as_str()), (2, ""));
    assert_eq!(
        std::fs::read_to_string(&target).expect("still there"),
        "the previous report\n"
    );
}

#[test]
fn an_unwritable_path_exits_2() {
    let out = run(&[
        "assess",
        "examples/early-millbrook-credit-union.yaml",
        "-o",
        "no/such/dir/report.md",
    ]);
    assert_eq!((out.code, out.stdout.as_str()), (2, ""));
    assert_eq!(
        out.stderr,
        "no/such/dir/report.md: the directory no/such/dir does not exist\n"
    );
    // A path under a file cannot be written either.
    let out = run(&[
        "assess",
        "examples/early-millbrook-credit-union.yaml",
        "-o",
        "Cargo.toml/report.md",
    ]);
    assert_eq!((out.code, out.stdout.as_str()), (2, ""));
    assert!(
        out.stderr.starts_with("Cargo.toml/report.md: "),
        "{}",
        out.stderr
    );
    let out = run(&[
        "assess",
        "examples/early-millbrook-credit-union.yaml",
        "-o",
        "examples",
    ]);
    assert_eq!(out.code, 2);
    assert_eq!(
        out.stderr,
        "examples: is a directory; give the path of a file to write\n"
    );
}

#[test]
fn user_text_cannot_inject_markdown_or_html() {
    let dir = format!(
        "{}/tests/fixtures/hostile-names",
        env!("CARGO_MANIFEST_DIR")
    );
    let out = run(&["assess", &dir, "--format", "markdown", "--detail"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    for raw in ["<img", "<b>", "[p]("] {
        assert!(!out.stdout.contains(raw), "{raw} passed through");
    }
    // Every bracket of the would-be link is escaped, so no link is formed.
    assert!(!out.stdout.replace("\\]", "").contains("](javascript:"));
    assert!(out.stdout.contains("&lt;img src=x onerror=alert(1)&gt;"));
    assert!(out.stdout.contains("\\[p\\](javascript:alert(1))"));
    // Chart labels are quoted, and organizations of the same name are
    // told apart by their files.
    assert!(out
        .stdout
        .contains(&format!("    \"Acme (EMEA) ({dir}/00.yaml)\": [")));
    assert!(out
        .stdout
        .contains(&format!("    \"Acme (EMEA) ({dir}/14.yaml)\": [")));
    assert!(out.stdout.contains("    \"Say #quot;hi#quot; #35;1\": ["));
}

#[test]
fn the_chart_splits_at_the_rubrics_cut_line() {
    let tmp = scratch_dir();
    let dir = path_of(&tmp);
    let rubric = format!("{dir}/cut.toml");
    std::fs::write(
        &rubric,
        readiness::rubric::DEFAULT_TOML.replacen("quadrant_cut = 50.0", "quadrant_cut = 60.0", 1),
    )
    .expect("rubric");
    let out = run(&[
        "assess",
        "examples/slide-deck-northwind-retail.yaml",
        "--format",
        "markdown",
        "--rubric",
        &rubric,
    ]);
    // Strategy 80.9 with the cut at 60: 0.5 + 0.5 × 20.9 / 40.
    assert!(
        out.stdout.contains("\"Northwind Retail\": [0.761, "),
        "{}",
        out.stdout
    );
}

#[test]
fn everything_before_the_evidence_is_at_most_700_words() {
    for file in examples() {
        let text = markdown(&file);
        let (story, evidence) = text
            .split_once("\n## Evidence and method\n")
            .expect("an evidence and method section");
        let words = story.split_whitespace().count();
        assert!(words <= 700, "{file}: {words} words before the evidence");
        // Paths, lines, weights and points are in the closing section only.
        assert!(!story.contains("implementation.pilots["), "{file}");
        assert!(!story.contains("(line "), "{file}");
        assert!(!story.contains(" weight "), "{file}");
        assert!(evidence.contains("(line "), "{file}");
        // Each piece of advice is said once.
        let titles: Vec<&str> = story
            .lines()
            .filter_map(|l| {
                l.split_once(". **")
                    .map(|(_, t)| t)
                    .or_else(|| l.strip_prefix("- **"))
            })
            .collect();
        let mut seen = std::collections::BTreeSet::new();
        for t in titles {
            assert!(seen.insert(t), "{file}: said twice: {t}");
        }
    }
}

/// The README shows the first part of a shipped example's report; it must
/// be what the tool prints, line for line.
#[test]
fn the_readme_excerpt_is_what_the_tool_prints() {
    let readme = std::fs::read_to_string(format!("{}/README.md", env!("CARGO_MANIFEST_DIR")))
        .expect("README");
    let (_, after) = readme
        .split_once("<!-- report-excerpt: ")
        .expect("the excerpt's marker");
    let (file, after) = after.split_once(" -->\n````markdown\n").expect("its fence");
    let (excerpt, _) = after.split_once("\n````\n").expect("its end");
    let out = crate::common::run(&["assess", file, "--format", "markdown"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(
        out.stdout.starts_with(&format!("{excerpt}\n")),
        "README's excerpt of {file} differs from the report:\n{}",
        out.stdout
    );
}

// An idea showed days running from a date it was written down, a retired
// pilot the days since it started long after it stopped.
#[test]
fn days_running_are_shown_for_running_pilots_only() {
    let a = crate::common::assess(&crate::common::doc(&crate::common::pilots(&[
        "stage: idea, started: 2026-10-01",
        "stage: retired, started: 2024-01-01",
        "stage: pilot, started: 2026-10-01",
        "stage: production, started: 2026-01-01",
    ])));
    let days: Vec<String> = a
        .pilots
        .iter()
        .map(|p| readiness::render::story::pilot_row(p)[3].clone())
        .collect();
    assert_eq!(days, ["not started", "stopped", "50", "323"]);
}
