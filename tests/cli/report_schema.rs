//! `readiness schema --report`: the JSON report's schema, kept in `schema/`,
//! with every key described, and every JSON the tool writes (each example,
//! gated and not, the portfolio with an error, every JSON snapshot) valid
//! against it, checked by an independent validator.

use crate::common::{examples, path_of, run, scratch_dir};
use serde_json::Value;

fn report_schema() -> Value {
    let out = run(&["schema", "--report"]);
    assert_eq!(out.code, 0);
    serde_json::from_str(&out.stdout).expect("the schema is JSON")
}

fn assert_valid(validator: &jsonschema::Validator, report: &Value, what: &str) {
    let errors: Vec<String> = validator
        .iter_errors(report)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .take(5)
        .collect();
    assert!(errors.is_empty(), "{what}: {errors:#?}");
}

#[test]
fn the_committed_report_schema_is_the_one_the_tool_prints() {
    let out = run(&["schema", "--report"]);
    let committed = std::fs::read_to_string(format!(
        "{}/schema/report.schema.json",
        env!("CARGO_MANIFEST_DIR")
    ))
    .expect("schema/");
    assert_eq!(
        committed, out.stdout,
        "run: readiness schema --report > schema/report.schema.json"
    );
}

#[test]
fn every_key_of_the_report_schema_has_a_description() {
    fn walk(schema: &Value, path: &str, missing: &mut Vec<String>) {
        if let Some(properties) = schema.get("properties").and_then(Value::as_object) {
            for (key, property) in properties {
                if property.get("description").is_none() {
                    missing.push(format!("{path}.{key}"));
                }
                walk(property, &format!("{path}.{key}"), missing);
            }
        }
        for nested in ["items", "$defs"] {
            if let Some(inner) = schema.get(nested) {
                match inner.as_object() {
                    Some(defs) if nested == "$defs" => {
                        for (name, def) in defs {
                            walk(def, &format!("{path}#{name}"), missing);
                        }
                    }
                    _ => walk(inner, &format!("{path}[]"), missing),
                }
            }
        }
        for list in ["anyOf", "prefixItems"] {
            for inner in schema
                .get(list)
                .and_then(Value::as_array)
                .into_iter()
                .flatten()
            {
                walk(inner, path, missing);
            }
        }
    }
    let mut missing = Vec::new();
    walk(&report_schema(), "", &mut missing);
    assert_eq!(missing, Vec::<String>::new());
}

#[test]
fn every_json_report_is_valid_against_the_report_schema() {
    let validator = jsonschema::validator_for(&report_schema()).expect("a valid JSON Schema");
    for file in examples() {
        let path = format!("examples/{file}");
        for gates in [
            &[][..],
            &["--fail-under", "50", "--min-completeness", "90"][..],
            &["--fail-on", "purgatory,warning,no-monitoring"][..],
        ] {
            let mut args = vec!["assess", path.as_str(), "--format", "json"];
            args.extend(gates);
            let out = run(&args);
            let report: Value = serde_json::from_str(&out.stdout).expect("JSON");
            assert_valid(&validator, &report, &format!("{file} {gates:?}"));
        }
    }
    // A portfolio with a file that could not be assessed.
    let tmp = scratch_dir();
    let dir = path_of(&tmp);
    std::fs::copy(
        format!(
            "{}/examples/aligned-harbor-logistics.yaml",
            env!("CARGO_MANIFEST_DIR")
        ),
        format!("{dir}/harbor.yaml"),
    )
    .expect("copy");
    std::fs::write(format!("{dir}/bad.yaml"), "version: 1\norganization: 3\n").expect("write");
    let out = run(&["assess", dir, "--format", "json", "--fail-under", "10"]);
    assert_eq!(out.code, 2);
    let report: Value = serde_json::from_str(&out.stdout).expect("JSON");
    assert_eq!(report["errors"].as_array().map(Vec::len), Some(1));
    assert_valid(&validator, &report, "portfolio with an error");
}

/// One model: what the tool writes reads back into the same value, every
/// field of it (gate checks with their optional parts, a comparison inside).
#[test]
fn every_report_reads_back_as_the_value_it_was_written_from() {
    for file in examples() {
        let path = format!("examples/{file}");
        for extra in [
            &[][..],
            &["--fail-under", "50", "--min-completeness", "90"][..],
            &[
                "--fail-on",
                "purgatory,warning,no-monitoring,nist-ai-rmf:MEASURE-2.4",
            ][..],
            // A regression baseline is the same organization's.
            &["--baseline", path.as_str(), "--fail-on-regression"][..],
        ] {
            let mut args = vec!["assess", path.as_str(), "--format", "json"];
            args.extend(extra);
            let out = run(&args);
            let report = readiness::report::read::parse(&out.stdout)
                .unwrap_or_else(|e| panic!("{file} {extra:?}: {}", e[0].message));
            assert_eq!(
                readiness::render::json::render(&report),
                out.stdout,
                "{file} {extra:?}"
            );
        }
    }
}

#[test]
fn every_json_snapshot_is_valid_against_the_report_schema() {
    let validator = jsonschema::validator_for(&report_schema()).expect("a valid JSON Schema");
    // `readiness diff --format json` writes the comparison the report holds.
    let mut comparison_schema = report_schema();
    comparison_schema["anyOf"] = serde_json::json!([{ "$ref": "#/$defs/comparison" }]);
    let comparison = jsonschema::validator_for(&comparison_schema).expect("a valid JSON Schema");
    // `readiness history --format json`, of a file or of a directory.
    let mut history_schema = report_schema();
    history_schema["anyOf"] = serde_json::json!([
        { "$ref": "#/$defs/history" },
        { "$ref": "#/$defs/portfolio_history" }
    ]);
    let history = jsonschema::validator_for(&history_schema).expect("a valid JSON Schema");
    // `readiness frameworks --format json`: the list, one framework's ids, the coverage view.
    let mut frameworks_schema = report_schema();
    frameworks_schema["anyOf"] = serde_json::json!([
        { "$ref": "#/$defs/frameworks" },
        { "$ref": "#/$defs/framework_ids" },
        { "$ref": "#/$defs/framework_coverage" }
    ]);
    let frameworks = jsonschema::validator_for(&frameworks_schema).expect("a valid JSON Schema");
    let dir = format!("{}/tests/cli/snapshots", env!("CARGO_MANIFEST_DIR"));
    let mut checked = 0;
    for entry in std::fs::read_dir(&dir).expect("snapshots") {
        let path = entry.expect("entry").path();
        let name = path
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or_default()
            .to_owned();
        if !name.contains("json") || name.contains("schema") {
            continue;
        }
        let text = std::fs::read_to_string(&path).expect("snapshot");
        // After insta's header, the snapshot is the report as written.
        let body = text.splitn(3, "---\n").nth(2).expect("an insta snapshot");
        let report: Value = serde_json::from_str(body).expect("a JSON snapshot");
        if name.contains("diff") {
            assert_valid(&comparison, &report, &name);
        } else if name.contains("frameworks__") {
            assert_valid(&frameworks, &report, &name);
        } else if name.contains("history") {
            assert_valid(&history, &report, &name);
        } else {
            assert_valid(&validator, &report, &name);
        }
        checked += 1;
    }
    assert!(checked >= 12, "only {checked} JSON snapshots found");
}

#[test]
fn a_key_the_schema_does_not_describe_is_refused() {
    let validator = jsonschema::validator_for(&report_schema()).expect("a valid JSON Schema");
    let out = run(&[
        "assess",
        "examples/aligned-harbor-logistics.yaml",
        "--format",
        "json",
    ]);
    let mut report: Value = serde_json::from_str(&out.stdout).expect("JSON");
    assert!(validator.is_valid(&report));
    report["scores"]["undocumented"] = Value::from(1);
    assert!(!validator.is_valid(&report));
    report["scores"]
        .as_object_mut()
        .expect("scores")
        .remove("undocumented");
    report["quadrant"] = Value::from("somewhere");
    assert!(!validator.is_valid(&report));
}
