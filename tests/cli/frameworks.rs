//! Framework references: the default rubric maps every finding and dimension
//! exactly as frameworks.md's table does (a copy of it is kept in
//! `tests/fixtures/frameworks/`), the built-in lists are whole and their
//! titles the published ones, and a rubric's references are checked.

use crate::common::run;
use readiness::rubric::{self, DEFAULT_TOML};
use readiness::vocabulary::{FindingId, Word};
use serde_json::{json, Value};
use std::collections::BTreeMap;

fn fixture(name: &str) -> String {
    std::fs::read_to_string(format!(
        "{}/tests/fixtures/frameworks/{name}",
        env!("CARGO_MANIFEST_DIR")
    ))
    .expect("fixture")
}

/// The framework an id of frameworks.md's dimension list belongs to.
fn framework_of(id: &str) -> &'static str {
    if id.starts_with("Art.") {
        "eu-ai-act"
    } else if ["GOVERN", "MAP", "MEASURE", "MANAGE"]
        .iter()
        .any(|f| id.starts_with(&format!("{f} ")))
    {
        "nist-ai-rmf"
    } else {
        "iso-42001"
    }
}

/// The published title of `id` in a data file.
fn titles(file: &str) -> BTreeMap<String, String> {
    fixture(file)
        .lines()
        .skip(1)
        .filter_map(|l| l.split_once('\t'))
        .map(|(id, title)| (id.to_owned(), title.to_owned()))
        .collect()
}

/// `(framework, id)` pairs as JSON references with their published titles.
fn as_json(pairs: &[(&str, String)]) -> Value {
    let data = [
        ("nist-ai-rmf", titles("nist-ai-rmf-1.0.tsv")),
        ("iso-42001", titles("iso-iec-42001-2023.tsv")),
        ("eu-ai-act", titles("eu-ai-act-2024-1689.tsv")),
    ];
    Value::Array(
        pairs
            .iter()
            .map(|(framework, id)| {
                let title = data
                    .iter()
                    .find(|(f, _)| f == framework)
                    .and_then(|(_, t)| t.get(id))
                    .unwrap_or_else(|| panic!("{framework} has {id}"));
                json!({ "framework": framework, "id": id, "title": title })
            })
            .collect(),
    )
}

/// frameworks.md's mapping table: each finding with its references, in the
/// table's order (NIST, then ISO, then the Act).
fn spec_table() -> BTreeMap<String, Value> {
    let spec = fixture("frameworks.md");
    let mut rows = BTreeMap::new();
    for line in spec.lines().filter(|l| l.starts_with("| `")) {
        let cells: Vec<&str> = line.trim_matches('|').split('|').map(str::trim).collect();
        let finding = cells[0].trim_matches('`').to_owned();
        let mut pairs = Vec::new();
        for (framework, cell) in ["nist-ai-rmf", "iso-42001", "eu-ai-act"]
            .iter()
            .zip(&cells[1..])
        {
            for id in cell.split(',').map(str::trim) {
                if !id.is_empty() && id != "none" {
                    pairs.push((*framework, id.to_owned()));
                }
            }
        }
        rows.insert(finding, as_json(&pairs));
    }
    rows
}

/// frameworks.md's list of each dimension's references.
fn spec_dimensions() -> BTreeMap<String, Value> {
    let spec = fixture("frameworks.md");
    let list = spec
        .split("The rubric also maps each **dimension**")
        .nth(1)
        .and_then(|rest| rest.split("A custom rubric").next())
        .expect("the dimension list");
    let list = list.split_whitespace().collect::<Vec<_>>().join(" ");
    let list = list.split_once("references): ").expect("its start").1;
    list.split(';')
        .map(|part| {
            let (dimension, ids) = part.split_once('→').expect("dimension → ids");
            let pairs: Vec<(&str, String)> = ids
                .trim()
                .trim_end_matches('.')
                .split(',')
                .map(|id| {
                    let id = id.trim();
                    (framework_of(id), id.to_owned())
                })
                .collect();
            (dimension.trim().to_owned(), as_json(&pairs))
        })
        .collect()
}

/// References as the JSON report writes them.
fn references_json(references: &[readiness::frameworks::Reference]) -> Value {
    references
        .iter()
        .map(|r| json!({ "framework": &*r.framework, "id": &*r.id, "title": &*r.title }))
        .collect()
}

#[test]
fn every_finding_carries_exactly_the_references_of_frameworks_md() {
    let rubric = rubric::default_rubric();
    let mut table = spec_table();
    let none = table.remove("tension.*").expect("the tensions' row");
    assert_eq!(none, json!([]));
    for &id in FindingId::all() {
        let references = references_json(&rubric.finding(id).references);
        let expected = if id.word().starts_with("tension.") {
            none.clone()
        } else {
            table
                .remove(id.word())
                .unwrap_or_else(|| panic!("frameworks.md maps {id}"))
        };
        assert_eq!(references, expected, "{id}");
    }
    // The other direction: every row of the table is a finding of the rubric.
    let left: Vec<&str> = table.keys().map(String::as_str).collect();
    assert_eq!(left, Vec::<&str>::new());
}

#[test]
fn every_dimension_carries_exactly_the_references_of_frameworks_md() {
    let rubric = rubric::default_rubric();
    let mut expected = spec_dimensions();
    for d in &rubric.dimensions {
        let references = references_json(&d.references);
        assert_eq!(
            Some(references),
            expected.remove(&*d.id),
            "dimension {}",
            d.id
        );
    }
    assert!(expected.is_empty(), "not in the rubric: {expected:?}");
}

#[test]
fn the_built_in_lists_are_whole_and_nist_titles_are_the_official_texts() {
    let rubric = rubric::default_rubric();
    for (id, file, count) in [
        ("nist-ai-rmf", "nist-ai-rmf-1.0.tsv", 72),
        ("iso-42001", "iso-iec-42001-2023.tsv", 70),
        ("eu-ai-act", "eu-ai-act-2024-1689.tsv", 113),
    ] {
        let framework = rubric.framework(id).expect("declared");
        let published = titles(file);
        assert_eq!(framework.entries.len(), count, "{id}");
        assert_eq!(published.len(), count, "{file}");
        for entry in &framework.entries {
            assert_eq!(
                Some(&*entry.title),
                published.get(&*entry.id).map(String::as_str),
                "{id} {}",
                entry.id
            );
        }
    }
}

/// The default rubric with `from` replaced by `to`, checked by the binary.
fn check(from: &str, to: &str) -> (i32, String) {
    assert!(
        DEFAULT_TOML.contains(from),
        "the default rubric has {from:?}"
    );
    let dir = crate::common::scratch_dir();
    let path = dir.path().join("r.toml");
    std::fs::write(&path, DEFAULT_TOML.replacen(from, to, 1)).expect("written");
    let out = run(&["rubric", "check", &path.to_string_lossy()]);
    assert_eq!(out.stdout.is_empty(), out.code != 0, "valid or a problem");
    let first = out.stderr.lines().next().unwrap_or_default().to_owned();
    let first = first
        .split_once("r.toml:")
        .map_or(first.clone(), |(_, rest)| format!("r.toml:{rest}"));
    (out.code, first)
}

fn line_of(needle: &str) -> usize {
    DEFAULT_TOML
        .lines()
        .position(|l| l.contains(needle))
        .expect("present")
        + 1
}

#[test]
fn a_reference_to_an_id_the_framework_lacks_is_refused_with_the_nearest() {
    let from = "references = [\"nist-ai-rmf:MEASURE 2.4\", \"nist-ai-rmf:MANAGE 4.1\", \"nist-ai-rmf:MANAGE 2.4\"";
    let line = line_of(from);
    assert_eq!(
        check(from, &from.replace("MEASURE 2.4", "MEASURE 2.40")),
        (
            2,
            format!("r.toml:{line}:15: nist-ai-rmf has no id \"MEASURE 2.40\"; did you mean \"MEASURE 2.4\"?")
        )
    );
    assert_eq!(
        check(from, &from.replace("MEASURE 2.4", "CONTROL 99")),
        (
            2,
            format!("r.toml:{line}:15: nist-ai-rmf has no id \"CONTROL 99\"; its ids look like \"GOVERN 1.1\" (readiness frameworks nist-ai-rmf lists them)")
        )
    );
}

#[test]
fn a_reference_to_an_undeclared_framework_is_refused() {
    let from = "\"iso-42001:A.6.2.5\"]";
    let line = line_of(from);
    let column = DEFAULT_TOML
        .lines()
        .nth(line - 1)
        .expect("line")
        .find(from)
        .expect("col")
        + 1;
    assert_eq!(
        check(from, "\"iso-42010:A.6.2.5\"]"),
        (
            2,
            format!("r.toml:{line}:{column}: the rubric declares no framework \"iso-42010\"; did you mean \"iso-42001\"?")
        )
    );
    assert_eq!(
        check(from, "\"A.6.2.5\"]").1,
        format!("r.toml:{line}:{column}: reference \"A.6.2.5\" must be written framework:id, such as \"nist-ai-rmf:MEASURE 2.4\"")
    );
    // Text from the rubric is quoted on the message's line, as written.
    assert_eq!(
        check(from, "\"iso\\n::error::x:A.6.2.5\"]").1,
        format!("r.toml:{line}:{column}: the rubric declares no framework \"iso\\n\"; it declares nist-ai-rmf, iso-42001, eu-ai-act (more under [[frameworks]])")
    );
    assert_eq!(
        check(from, "\"A.6\\u202e2.5\"]").1,
        format!("r.toml:{line}:{column}: reference \"A.6\\u{{202e}}2.5\" must be written framework:id, such as \"nist-ai-rmf:MEASURE 2.4\"")
    );
}

#[test]
fn a_built_in_framework_is_declared_at_its_version() {
    let line = line_of("version = \"1.0\"");
    assert_eq!(
        check("version = \"1.0\"", "version = \"1.1\""),
        (
            2,
            format!("r.toml:{line}:11: nist-ai-rmf is built in at version \"1.0\"; its ids are those of that version, found \"1.1\"")
        )
    );
}

#[test]
fn a_rubric_may_declare_a_framework_of_its_own() {
    let own = "[[frameworks]]\nid = \"our-controls\"\nname = \"Our AI controls\"\nversion = \"3\"\nshort = \"OC\"\nids = [{ id = \"OC 1\", title = \"AI use is approved\", group = \"Approval\" }]\n\n[[frameworks]]\nid = \"nist-ai-rmf\"";
    assert_eq!(
        check("[[frameworks]]\nid = \"nist-ai-rmf\"", own),
        (0, String::new())
    );
    let text = DEFAULT_TOML
        .replacen("[[frameworks]]\nid = \"nist-ai-rmf\"", own, 1)
        .replacen(
            "references = [\"nist-ai-rmf:MANAGE 1.1\", \"nist-ai-rmf:MAP 1.4\"",
            "references = [\"our-controls:OC-1\", \"nist-ai-rmf:MAP 1.4\"",
            1,
        );
    let rubric = rubric::parse(&text).expect("valid");
    let refs = &rubric.finding(FindingId::NoProduction).references;
    assert_eq!(refs[0].tag(), "our-controls:OC-1");
    assert_eq!(&*refs[0].title, "AI use is approved");
    // Its ids must be listed, and a built-in one's must not be.
    let bare = text.replacen(
        "ids = [{ id = \"OC 1\", title = \"AI use is approved\", group = \"Approval\" }]\n",
        "",
        1,
    );
    let problems = rubric::parse(&bare).expect_err("no ids");
    assert!(problems[0]
        .message
        .starts_with("framework \"our-controls\" is not built in (nist-ai-rmf, iso-42001, eu-ai-act); a framework of the rubric's own needs \"ids\""));
}

#[test]
fn a_rubric_without_frameworks_still_loads() {
    let mut text = String::new();
    let mut skipping = false;
    for line in DEFAULT_TOML.lines() {
        if line == "[[frameworks]]" {
            skipping = true;
        } else if line.starts_with('[') {
            skipping = false;
        }
        if !skipping && !line.starts_with("references = ") {
            text.push_str(line);
            text.push('\n');
        }
    }
    let rubric = rubric::parse(&text).expect("valid");
    assert!(rubric.frameworks.is_empty());
    assert!(rubric.dimensions.iter().all(|d| d.references.is_empty()));
}

/// The three frameworks of the default rubric.
const FRAMEWORKS: [&str; 3] = ["nist-ai-rmf", "iso-42001", "eu-ai-act"];

#[test]
fn the_frameworks_are_listed_with_how_much_the_rubric_maps() {
    let out = run(&["frameworks"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    insta::assert_snapshot!("frameworks-table", out.stdout);
    let out = run(&["frameworks", "--format", "json"]);
    assert_eq!(out.code, 0);
    insta::assert_snapshot!("frameworks-json", out.stdout);
}

#[test]
fn a_frameworks_ids_are_listed_with_what_the_rubric_maps_to_each() {
    let out = run(&["frameworks", "iso-42001"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    insta::assert_snapshot!("frameworks-iso-42001-table", out.stdout);
    let out = run(&["frameworks", "nist-ai-rmf", "--format", "markdown"]);
    assert_eq!(out.code, 0);
    insta::assert_snapshot!("frameworks-nist-ai-rmf-markdown", out.stdout);
    let out = run(&["frameworks", "eu-ai-act", "--format", "json"]);
    assert_eq!(out.code, 0);
    let ids: Value = serde_json::from_str(&out.stdout).expect("JSON");
    let schema = run(&["schema", "--report"]);
    let mut schema: Value = serde_json::from_str(&schema.stdout).expect("the schema");
    schema["anyOf"] = json!([{ "$ref": "#/$defs/framework_ids" }]);
    let validator = jsonschema::validator_for(&schema).expect("a valid JSON Schema");
    assert!(validator.is_valid(&ids), "framework_ids describes it");
    assert_eq!(ids["ids"].as_array().map(Vec::len), Some(113));
    assert_eq!(
        ids["ids"][3],
        json!({ "id": "Art. 4", "title": "AI literacy", "group": "Chapter I: General provisions",
                "findings": ["no-adoption", "it-only", "shadow-ai"], "dimensions": ["governance", "people"] })
    );
}

#[test]
fn the_coverage_view_of_every_example() {
    for file in crate::common::examples() {
        let path = format!("examples/{file}");
        let out = run(&["frameworks", "nist-ai-rmf", &path, "--format", "markdown"]);
        assert_eq!(out.code, 0, "{file}: {}", out.stderr);
        insta::assert_snapshot!(format!("coverage-nist-ai-rmf-{file}"), out.stdout);
    }
    let example = "examples/aligned-unguarded-meridian-insurance.yaml";
    let out = run(&["frameworks", "eu-ai-act", example, "--format", "json"]);
    assert_eq!(out.code, 0);
    insta::assert_snapshot!("coverage-eu-ai-act-json", out.stdout);
    let out = run(&["frameworks", "iso-42001", example]);
    assert_eq!(out.code, 0);
    insta::assert_snapshot!("coverage-iso-42001-table", out.stdout);
}

/// Words that would say a control is met: none may describe an id.
const VERDICT_WORDS: [&str; 7] = [
    "pass",
    "met",
    "compliant",
    "complies",
    "satisf",
    "fulfil",
    "✓",
];

#[test]
fn an_id_without_a_finding_never_reads_as_passed() {
    let note = readiness::frameworks::NOT_A_JUDGEMENT;
    for file in crate::common::examples() {
        let path = format!("examples/{file}");
        for framework in FRAMEWORKS {
            let out = run(&["frameworks", framework, &path, "--format", "json"]);
            let view: Value = serde_json::from_str(&out.stdout).expect("JSON");
            for id in view["coverage"][0]["ids"].as_array().expect("ids") {
                let (status, fired, mapped, dimensions) = (
                    id["status"].as_str().expect("status"),
                    id["findings"].as_array().expect("findings"),
                    id["mapped_findings"].as_array().expect("mapped"),
                    id["dimensions"].as_array().expect("dimensions"),
                );
                let expected = if !fired.is_empty() {
                    "fired"
                } else if mapped.is_empty() && dimensions.is_empty() {
                    "not-assessed"
                } else {
                    "no-finding"
                };
                assert_eq!(status, expected, "{file} {framework} {}", id["id"]);
            }
            // The Markdown view, less the frameworks' own titles and the
            // note that says what a reference is not.
            let out = run(&["frameworks", framework, &path, "--format", "markdown"]);
            let mut text = out.stdout.replace(note, "");
            for id in view["coverage"][0]["ids"].as_array().expect("ids") {
                let title = id["title"].as_str().expect("title");
                text = text.replace(&format!("| {title} |"), "| |");
                if id["mapped_findings"].as_array().is_some_and(Vec::is_empty)
                    && id["status"] == "no-finding"
                {
                    let row = text
                        .lines()
                        .find(|l| {
                            l.starts_with(&format!("| {} ", id["id"].as_str().unwrap_or_default()))
                        })
                        .unwrap_or_default();
                    assert!(row.contains("| No finding maps here."), "{file} {row}");
                }
            }
            let lower = text.to_lowercase();
            for word in VERDICT_WORDS {
                let said = lower
                    .split(|c: char| !c.is_alphanumeric() && c != '✓')
                    .any(|w| w.starts_with(word) && (word != "met" || w == "met"));
                assert!(!said, "{file} {framework} says {word}");
            }
        }
    }
}

#[test]
fn an_unknown_framework_is_refused_with_the_nearest() {
    let out = run(&["frameworks", "nist"]);
    assert_eq!(out.code, 2);
    assert!(out.stdout.is_empty());
    assert_eq!(
        out.stderr,
        "the rubric default declares no framework \"nist\"; did you mean \"nist-ai-rmf\"?\n"
    );
    let out = run(&[
        "frameworks",
        "cobit",
        "examples/aligned-harbor-logistics.yaml",
    ]);
    assert_eq!(out.code, 2);
    assert_eq!(
        out.stderr,
        "the rubric default declares no framework \"cobit\"; it declares nist-ai-rmf, iso-42001, eu-ai-act\n"
    );
}

/// Meridian's live claims model is unmonitored and carries high stakes:
/// no-monitoring and unguarded-decisions fire, both mapped to MEASURE 2.4.
const MERIDIAN: &str = "examples/aligned-unguarded-meridian-insurance.yaml";
/// Harbor Logistics monitors what is live: neither fires.
const HARBOR: &str = "examples/aligned-harbor-logistics.yaml";

#[test]
fn fail_on_a_reference_fails_when_a_finding_mapped_to_it_fires() {
    let out = run(&["assess", MERIDIAN, "--fail-on", "nist-ai-rmf:MEASURE-2.4"]);
    assert_eq!(out.code, 1);
    assert_eq!(
        out.stderr,
        format!("{MERIDIAN}: gate failed: reference nist-ai-rmf:MEASURE-2.4: unguarded-decisions and no-monitoring fired (fails when a finding mapped to it fires)\n")
    );
    // The other side: nothing mapped to it fired.
    let out = run(&[
        "assess",
        HARBOR,
        "--fail-on",
        "nist-ai-rmf:MEASURE-2.4",
        "--format",
        "json",
    ]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let report: Value = serde_json::from_str(&out.stdout).expect("JSON");
    assert_eq!(
        report["gate"]["checks"],
        json!([{ "name": "fail_on", "threshold": "nist-ai-rmf:MEASURE-2.4", "actual": "not fired", "findings": [], "passed": true }])
    );
    // The id as the framework writes it is taken too, and a reference only
    // a dimension maps to can never fail.
    let out = run(&[
        "assess",
        MERIDIAN,
        "--fail-on",
        "nist-ai-rmf:GOVERN 1.1,eu-ai-act:Art.-26",
    ]);
    assert_eq!(out.code, 1);
    assert_eq!(
        out.stderr,
        format!("{MERIDIAN}: gate failed: reference eu-ai-act:Art.-26: unguarded-decisions and no-monitoring fired (fails when a finding mapped to it fires)\n")
    );
}

#[test]
fn fail_on_a_reference_leaves_accepted_findings_out() {
    let tmp = crate::common::scratch_dir();
    let dir = crate::common::path_of(&tmp);
    let northwind = "examples/slide-deck-northwind-retail.yaml";
    std::fs::copy(
        format!("{}/{northwind}", env!("CARGO_MANIFEST_DIR")),
        format!("{dir}/northwind.yaml"),
    )
    .expect("copy");
    let args = [
        "assess",
        "northwind.yaml",
        "--fail-on",
        "nist-ai-rmf:MEASURE-2.7",
        "--as-of",
        "2026-11-20",
        "--format",
        "json",
    ];
    // laptop-bound is the one finding mapped to MEASURE 2.7.
    let out = crate::common::run_in(dir, &args);
    assert_eq!(out.code, 1);
    std::fs::write(
        format!("{dir}/readiness.toml"),
        "[[accept]]\nfinding = \"laptop-bound\"\nreason = \"Moves in March\"\nby = \"CIO\"\nuntil = 2027-03-31\n",
    )
    .expect("write");
    let out = crate::common::run_in(dir, &args);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let report: Value = serde_json::from_str(&out.stdout).expect("JSON");
    assert_eq!(
        report["gate"]["checks"],
        json!([{ "name": "fail_on", "threshold": "nist-ai-rmf:MEASURE-2.7", "actual": "not fired", "findings": [], "accepted": 1, "passed": true }])
    );
}

#[test]
fn an_unknown_reference_is_refused_with_the_nearest_id() {
    let out = run(&["assess", MERIDIAN, "--fail-on", "nist-ai-rmf:MEASURE-2.40"]);
    assert_eq!((out.code, out.stdout.as_str()), (2, ""));
    assert_eq!(
        out.stderr,
        "--fail-on: nist-ai-rmf has no id \"MEASURE-2.40\"; did you mean \"MEASURE 2.4\"?\n"
    );
    let out = run(&["assess", MERIDIAN, "--fail-on", "nist-rmf:MEASURE-2.4"]);
    assert_eq!(out.code, 2);
    assert_eq!(
        out.stderr,
        "--fail-on: the rubric default declares no framework \"nist-rmf\"; it declares nist-ai-rmf, iso-42001, eu-ai-act\n"
    );
    // In the settings file, the problem is placed on gate.fail_on.
    let tmp = crate::common::scratch_dir();
    let dir = crate::common::path_of(&tmp);
    std::fs::write(
        format!("{dir}/readiness.toml"),
        "[gate]\nfail_on = [\"critical\", \"iso-42001:A.6.2.60\"]\n",
    )
    .expect("write");
    std::fs::copy(
        format!("{}/{HARBOR}", env!("CARGO_MANIFEST_DIR")),
        format!("{dir}/harbor.yaml"),
    )
    .expect("copy");
    let out = crate::common::run_in(dir, &["assess", "harbor.yaml"]);
    assert_eq!((out.code, out.stdout.as_str()), (2, ""));
    assert_eq!(
        out.stderr,
        "readiness.toml:2:11: gate.fail_on: iso-42001 has no id \"A.6.2.60\"; did you mean \"A.6.2.6\"?\n"
    );
}

#[test]
fn framework_adds_a_framework_view_to_the_report() {
    let args = [
        "assess",
        MERIDIAN,
        "--framework",
        "nist-ai-rmf",
        "--framework",
        "eu-ai-act",
    ];
    let mut markdown = args.to_vec();
    markdown.extend(["--format", "markdown"]);
    let out = run(&markdown);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let view = out
        .stdout
        .split_once("\n### Framework view: ")
        .expect("a framework view")
        .1;
    insta::assert_snapshot!(
        "framework-view-markdown",
        format!("### Framework view: {view}")
    );
    let out = run(&args);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let view = out
        .stdout
        .split_once("\nFramework view: ")
        .expect("a view")
        .1;
    insta::assert_snapshot!("framework-view-table", format!("Framework view: {view}"));
    // The HTML page gives the same views, after Evidence and method.
    let mut html = args.to_vec();
    html.extend(["--format", "html"]);
    let out = run(&html);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let view = out
        .stdout
        .split_once("<h2>Framework view: ")
        .expect("a framework view in the page")
        .1;
    assert!(
        view.starts_with("NIST AI Risk Management Framework"),
        "{view}"
    );
    assert!(view.contains("<h2>Framework view: EU AI Act"), "{view}");
    assert!(
        view.contains("it is not a judgement that the control is met or failed."),
        "{view}"
    );
    assert!(
        view.contains("<th scope=\"row\">MEASURE 2.4</th>"),
        "{view}"
    );
    // Without --framework, no view.
    let out = run(&["assess", MERIDIAN, "--format", "markdown"]);
    assert!(!out.stdout.contains("Framework view"));
}

#[test]
fn the_settings_file_may_ask_for_framework_views() {
    let tmp = crate::common::scratch_dir();
    let dir = crate::common::path_of(&tmp);
    std::fs::copy(
        format!("{}/{HARBOR}", env!("CARGO_MANIFEST_DIR")),
        format!("{dir}/harbor.yaml"),
    )
    .expect("copy");
    std::fs::write(
        format!("{dir}/readiness.toml"),
        "framework = [\"iso-42001\"]\n",
    )
    .expect("write");
    let out = crate::common::run_in(dir, &["assess", "harbor.yaml", "--format", "markdown"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(out
        .stdout
        .contains("\n### Framework view: ISO/IEC 42001 AI management systems, version 2023\n"));
    // The flag replaces the file's list.
    let out = crate::common::run_in(
        dir,
        &[
            "assess",
            "harbor.yaml",
            "--format",
            "markdown",
            "--framework",
            "eu-ai-act",
        ],
    );
    assert!(out
        .stdout
        .contains("\n### Framework view: EU AI Act, version 2024/1689\n"));
    assert!(!out.stdout.contains("Framework view: ISO"));
    // An unknown one is refused with its place and the nearest.
    std::fs::write(
        format!("{dir}/readiness.toml"),
        "framework = [\"iso-4200\"]\n",
    )
    .expect("write");
    let out = crate::common::run_in(dir, &["assess", "harbor.yaml"]);
    assert_eq!((out.code, out.stdout.as_str()), (2, ""));
    assert_eq!(
        out.stderr,
        "readiness.toml:1:13: framework: the rubric default declares no framework \"iso-4200\"; did you mean \"iso-42001\"?\n"
    );
    let out = run(&["assess", HARBOR, "--framework", "cobit"]);
    assert_eq!(
        (out.code, out.stderr.as_str()),
        (2, "--framework: the rubric default declares no framework \"cobit\"; it declares nist-ai-rmf, iso-42001, eu-ai-act\n")
    );
}

#[test]
fn the_readmes_coverage_view_is_the_tools_own() {
    let readme = std::fs::read_to_string(format!("{}/README.md", env!("CARGO_MANIFEST_DIR")))
        .expect("README");
    let prompt = "$ readiness frameworks eu-ai-act examples/aligned-unguarded-meridian-insurance.yaml --format markdown\n";
    let excerpt = readme
        .split_once(prompt)
        .and_then(|(_, rest)| rest.split_once("```"))
        .expect("the README shows a coverage view")
        .0;
    let out = run(&[
        "frameworks",
        "eu-ai-act",
        "examples/aligned-unguarded-meridian-insurance.yaml",
        "--format",
        "markdown",
    ]);
    let lines: Vec<&str> = out.stdout.lines().collect();
    for line in excerpt.lines().filter(|l| *l != "...") {
        assert!(lines.contains(&line), "not in the output: {line}");
    }
}

#[test]
fn the_coverage_view_marks_accepted_findings() {
    let tmp = crate::common::scratch_dir();
    let dir = crate::common::path_of(&tmp);
    std::fs::copy(
        format!(
            "{}/examples/slide-deck-northwind-retail.yaml",
            env!("CARGO_MANIFEST_DIR")
        ),
        format!("{dir}/northwind.yaml"),
    )
    .expect("copy");
    std::fs::write(
        format!("{dir}/readiness.toml"),
        "[[accept]]\nfinding = \"laptop-bound\"\nreason = \"Moves in March\"\nby = \"CIO\"\nuntil = 2027-03-31\n",
    )
    .expect("write");
    let args = [
        "frameworks",
        "nist-ai-rmf",
        "northwind.yaml",
        "--as-of",
        "2026-11-20",
    ];
    let out = crate::common::run_in(dir, &[&args[..], &["--format", "json"]].concat());
    assert_eq!(out.code, 0, "{}", out.stderr);
    let view: Value = serde_json::from_str(&out.stdout).expect("JSON");
    let measure_2_7 = view["coverage"][0]["ids"]
        .as_array()
        .expect("ids")
        .iter()
        .find(|i| i["id"] == "MEASURE 2.7")
        .expect("MEASURE 2.7");
    assert_eq!(measure_2_7["status"], "fired");
    assert_eq!(
        measure_2_7["findings"],
        json!([{ "id": "laptop-bound", "severity": "warning", "title": "Pilots running on a laptop", "counts_for_gate": false }])
    );
    let out = crate::common::run_in(dir, &[&args[..], &["--format", "markdown"]].concat());
    assert!(out
        .stdout
        .contains("| Fired: laptop-bound (warning, accepted). |"));
}

#[test]
fn each_mistake_in_a_framework_declaration_is_refused() {
    let nist = "[[frameworks]]\nid = \"nist-ai-rmf\"";
    let mistakes = [
        (
            format!("{nist}\nids = [{{ id = \"X\", title = \"x\" }}]"),
            "nist-ai-rmf is built in and carries its own ids; remove \"ids\"",
        ),
        (
            format!("[[frameworks]]\nid = \"nist-ai-rmf\"\nname = \"again\"\nversion = \"1.0\"\n\n{nist}"),
            "framework \"nist-ai-rmf\" is declared twice",
        ),
        (
            "[[frameworks]]\nid = \"our:controls\"\nname = \"x\"\nversion = \"1\"\nids = [{ id = \"X\", title = \"x\" }]\n\n[[frameworks]]\nid = \"nist-ai-rmf\"".to_owned(),
            "framework id \"our:controls\" must be a word without spaces or \":\", such as nist-ai-rmf",
        ),
        (
            "[[frameworks]]\nid = \"ours\"\nname = \"x\"\nversion = \"1\"\nids = [{ id = \"A 1\", title = \"x\" }, { id = \"A-1\", title = \"y\" }]\n\n[[frameworks]]\nid = \"nist-ai-rmf\"".to_owned(),
            "id \"A-1\" is listed twice",
        ),
    ];
    let mistakes = mistakes.into_iter().chain([(
        "[[frameworks]]\nid = \"ours\"\nname = \"x\"\nversion = \"1\"\nids = [{ id = \"A 1\", title = \"x\\u001b[2J\" }]\n\n[[frameworks]]\nid = \"nist-ai-rmf\"".to_owned(),
        "id \"A 1\": its id, title and group must be one line of printable text",
    )]);
    for (to, message) in mistakes {
        let text = DEFAULT_TOML.replacen(nist, &to, 1);
        let problems = rubric::parse(&text).expect_err(message);
        assert_eq!(problems[0].message, message);
    }
    let twice = DEFAULT_TOML.replacen(
        "references = [\"nist-ai-rmf:MANAGE 1.1\", \"nist-ai-rmf:MAP 1.4\"",
        "references = [\"nist-ai-rmf:MANAGE 1.1\", \"nist-ai-rmf:MANAGE 1.1\"",
        1,
    );
    let problems = rubric::parse(&twice).expect_err("a reference twice");
    assert_eq!(
        problems[0].message,
        "reference \"nist-ai-rmf:MANAGE 1.1\" is listed twice"
    );
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig { cases: 48, ..proptest::prelude::ProptestConfig::default() })]

    /// Over generated questionnaires: an id reads "fired" exactly when a
    /// finding mapped to it fired, "not assessed" exactly when the rubric maps
    /// nothing to it, and otherwise says it has no finding, never more.
    #[test]
    fn the_coverage_view_says_only_what_fired(doc in crate::properties::questionnaire()) {
        use readiness::coverage::{coverage, Status};
        let rubric = rubric::default_rubric();
        let a = crate::properties::assess(&doc, &rubric);
        for framework in &rubric.frameworks {
            for id in coverage(&rubric, framework, &a).ids {
                let fired: Vec<FindingId> = a
                    .findings
                    .iter()
                    .filter(|f| id.row.findings.contains(&f.id))
                    .map(|f| f.id)
                    .collect();
                let listed: Vec<FindingId> = id.fired.iter().map(|f| f.id).collect();
                proptest::prop_assert_eq!(&listed, &fired);
                let expected = if !fired.is_empty() {
                    Status::Fired
                } else if id.row.mapped() {
                    Status::NoFinding
                } else {
                    Status::NotAssessed
                };
                proptest::prop_assert_eq!(id.status, expected);
                let shows = readiness::render::frameworks::shows(&id);
                match id.status {
                    Status::Fired => proptest::prop_assert!(shows.starts_with("Fired: ")),
                    Status::NoFinding => proptest::prop_assert!(shows.starts_with("No finding")),
                    Status::NotAssessed => proptest::prop_assert_eq!(shows.as_str(), "Not assessed by this rubric."),
                }
            }
        }
    }
}
