//! The terminal layout: every table and paragraph fits the width (`COLUMNS`,
//! else the terminal's, else 100 when piped), prose wraps at spaces, and no
//! evidence path, finding id or criterion id is ever split across lines.

use crate::common::examples;
use serde_json::Value;

fn run_at(width: u16, args: &[&str]) -> String {
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_readiness"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env("COLUMNS", width.to_string())
        .env_remove("GITHUB_STEP_SUMMARY")
        .output()
        .expect("the binary runs");
    String::from_utf8(output.stdout).expect("UTF-8")
}

/// The lines wider than `width` columns, measured as a terminal does (wide
/// characters take two) by the width tables themselves, not the tool's own count.
fn too_wide(text: &str, width: u16) -> Vec<String> {
    use unicode_width::UnicodeWidthStr;
    text.lines()
        .filter(|l| l.width() > usize::from(width))
        .map(|l| format!("{} columns: {l}", l.width()))
        .collect()
}

/// Every evidence path the table shows (misconceptions show their
/// statement and correction instead), from the JSON.
fn paths(file: &str) -> Vec<String> {
    let json = run_at(100, &["assess", file, "--format", "json"]);
    let report: Value = serde_json::from_str(&json).expect("JSON");
    report["findings"]
        .as_array()
        .into_iter()
        .flatten()
        .filter(|f| f["kind"] != "misconception")
        .flat_map(|f| f["evidence"].as_array().cloned().unwrap_or_default())
        .filter_map(|e| e["path"].as_str().map(str::to_owned))
        .collect()
}

#[test]
fn every_single_report_fits_its_width_with_no_path_split() {
    for file in examples() {
        let path = format!("examples/{file}");
        let evidence = paths(&path);
        for width in [60, 80, 100, 132] {
            let text = run_at(
                width,
                &["assess", &path, "--format", "table", "--fail-under", "99"],
            );
            assert_eq!(
                too_wide(&text, width),
                Vec::<String>::new(),
                "{file} at {width}"
            );
            for p in &evidence {
                assert!(text.contains(p.as_str()), "{file} at {width}: {p} is split");
            }
        }
    }
}

#[test]
fn the_portfolio_fits_as_a_table_when_it_can_and_as_sentences_when_not() {
    let wide = run_at(160, &["assess", "examples"]);
    assert_eq!(too_wide(&wide, 160), Vec::<String>::new());
    assert!(wide.contains("│ Organization "), "a table at 160 columns");
    for width in [60, 80, 100] {
        let narrow = run_at(width, &["assess", "examples", "--fail-under", "50"]);
        assert_eq!(too_wide(&narrow, width), Vec::<String>::new(), "at {width}");
        assert!(!narrow.contains('│'), "no table at {width}");
        let joined = narrow.split_whitespace().collect::<Vec<_>>().join(" ");
        assert!(
            joined.contains("Harbor Logistics: overall 95.4 (strategy 98.4, implementation 92.6); scaling, aligned; focus scale; purgatory none; 0 critical findings; gate passed"),
            "{narrow}"
        );
    }
}

#[test]
fn rubric_show_fits_and_keeps_every_id_whole() {
    let rubric: toml::Value =
        toml::from_str(readiness::rubric::DEFAULT_TOML).expect("the default rubric");
    let ids: Vec<String> = rubric["criteria"]
        .as_array()
        .expect("criteria")
        .iter()
        .filter_map(|c| c["id"].as_str().map(str::to_owned))
        .collect();
    assert!(ids.len() > 20);
    for width in [60, 80, 120] {
        let text = run_at(width, &["rubric", "show"]);
        assert_eq!(too_wide(&text, width), Vec::<String>::new(), "at {width}");
        for id in &ids {
            assert!(text.contains(id.as_str()), "at {width}: {id} is split");
        }
    }
}

#[test]
fn prose_wraps_at_spaces_and_keeps_its_words() {
    let file = "examples/slide-deck-northwind-retail.yaml";
    let narrow = run_at(60, &["assess", file]);
    let wide = run_at(400, &["assess", file]);
    let words = |text: &str| -> Vec<String> {
        text.split_whitespace()
            .filter(|w| {
                w.chars()
                    .all(|c| c.is_alphanumeric() || ".,:;()-'".contains(c))
            })
            .map(str::to_owned)
            .collect()
    };
    // The focus sentence, wrapped, reads the same word for word.
    let focus = "Pivot to implementation: the plan is there (strategy 80.9), but 2 pilots linger (churn-model and demand-forecast) and none is live.";
    assert!(wide.contains(focus));
    assert!(!narrow.contains(focus));
    let joined = narrow.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(joined.contains(focus), "the sentence survives wrapping");
    assert!(words(&narrow).contains(&"demand-forecast)".to_owned()));
}

/// A name in a script written without spaces takes two columns a character
/// and breaks between them: no line is wider than the terminal (at the
/// widths where the longest evidence path, which is never split, fits).
#[test]
fn a_chinese_name_fits_the_width() {
    let tmp = crate::common::scratch_dir();
    let dir = crate::common::path_of(&tmp);
    let text = std::fs::read_to_string(format!(
        "{}/examples/slide-deck-northwind-retail.yaml",
        env!("CARGO_MANIFEST_DIR")
    ))
    .expect("example")
    .replacen(
        "name: Northwind Retail",
        "name: 北京人工智能零售研究院有限公司华东分公司",
        1,
    );
    let file = format!("{dir}/org.yaml");
    std::fs::write(&file, text).expect("write");
    for width in [60, 80, 100] {
        let out = run_at(width, &["assess", &file, "--format", "table"]);
        assert!(out.contains("北京人工"), "{out}");
        assert_eq!(too_wide(&out, width), Vec::<String>::new(), "at {width}");
    }
}
