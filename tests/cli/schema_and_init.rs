//! `readiness schema` (the JSON Schema, checked against every example by a real
//! validator, and kept in `schema/`) and `readiness init` (a starter that
//! validates and assesses, and never overwrites without --force).

use crate::common::{examples, run};
use readiness::load::yaml::{self, Node, Value as Yaml};
use serde_json::{json, Map, Value};

fn schema() -> Value {
    let out = run(&["schema"]);
    assert_eq!(out.code, 0);
    serde_json::from_str(&out.stdout).expect("the schema is JSON")
}

fn to_json(node: &Node) -> Value {
    match &node.value {
        Yaml::Null => Value::Null,
        Yaml::Bool(b) => json!(b),
        Yaml::Int(i) => json!(i),
        Yaml::Float(x) => json!(x),
        Yaml::Text(t) => json!(t),
        Yaml::List(items) => Value::Array(items.iter().map(to_json).collect()),
        Yaml::Map(entries) => {
            let mut map = Map::new();
            for (k, v) in entries {
                if let Yaml::Text(key) = &k.value {
                    map.insert(key.clone(), to_json(v));
                }
            }
            Value::Object(map)
        }
    }
}

fn as_json(yaml_text: &str) -> Value {
    to_json(&yaml::parse(yaml_text).expect("YAML"))
}

#[test]
fn the_schema_snapshot_and_the_committed_copy_agree() {
    let out = run(&["schema"]);
    insta::assert_snapshot!("questionnaire-schema", out.stdout);
    let committed = std::fs::read_to_string(format!(
        "{}/schema/questionnaire.schema.json",
        env!("CARGO_MANIFEST_DIR")
    ))
    .expect("schema/");
    assert_eq!(
        committed, out.stdout,
        "run: readiness schema > schema/questionnaire.schema.json"
    );
}

#[test]
fn every_example_is_valid_against_the_schema_and_points_to_it() {
    let validator = jsonschema::validator_for(&schema()).expect("a valid JSON Schema");
    for file in examples() {
        let text =
            std::fs::read_to_string(format!("{}/examples/{file}", env!("CARGO_MANIFEST_DIR")))
                .expect("example");
        assert!(
            text.starts_with(
                "# yaml-language-server: $schema=../schema/questionnaire.schema.json\n"
            ),
            "{file}"
        );
        let errors: Vec<String> = validator
            .iter_errors(&as_json(&text))
            .map(|e| e.to_string())
            .collect();
        assert!(errors.is_empty(), "{file}: {errors:?}");
    }
}

#[test]
fn the_schema_refuses_what_the_loader_refuses() {
    let validator = jsonschema::validator_for(&schema()).expect("a valid JSON Schema");
    let base = "version: 1\norganization:\n  name: A\n";
    assert!(validator.is_valid(&as_json(base)));
    for bad in [
        "version: 1\norganization:\n  name: A\n  employes: 5\n",
        "version: 2\norganization:\n  name: A\n",
        "version: 1\n",
        "version: 1\norganization:\n  name: A\nstrategy:\n  sponsor: chief\n",
        "version: 1\norganization:\n  name: A\noperating_model:\n  focus: 6\n",
        "version: 1\norganization:\n  name: A\nimplementation:\n  pilots:\n    - { name: x }\n",
        "version: 1\norganization:\n  name: A\nimplementation:\n  mlops:\n    ci_cd: \"yes\"\n",
    ] {
        assert!(!validator.is_valid(&as_json(bad)), "{bad}");
        let loaded = readiness::load::questionnaire::load(
            bad,
            readiness::load::questionnaire::LoadOptions {
                as_of: None,
                today: crate::common::test_date(),
            },
        );
        assert!(loaded.is_err(), "the loader refuses it too: {bad}");
    }
}

#[test]
fn init_writes_a_starter_that_validates_and_assesses() {
    let out = run(&["init"]);
    assert_eq!(out.code, 0);
    let starter = out.stdout;
    let validator = jsonschema::validator_for(&schema()).expect("a valid JSON Schema");
    assert!(validator.is_valid(&as_json(&starter)));
    // Every key of the format appears in it.
    for question in readiness::load::questionnaire::format::QUESTIONS {
        let key = question.path.rsplit('.').next().unwrap_or_default();
        assert!(starter.contains(&format!("{key}:")), "{}", question.path);
    }
    let dir = format!("{}/init", env!("CARGO_TARGET_TMPDIR"));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("scratch directory");
    let path = format!("{dir}/org.yaml");
    let written = run(&["init", &path]);
    assert_eq!(written.code, 0, "{}", written.stderr);
    assert_eq!(std::fs::read_to_string(&path).expect("written"), starter);
    assert_eq!(run(&["validate", &path]).code, 0);
    let assessed = run(&["assess", &path, "--format", "json", "--as-of", "2026-11-20"]);
    assert_eq!(assessed.code, 0, "{}", assessed.stderr);
    let report: Value = serde_json::from_str(&assessed.stdout).expect("JSON");
    assert_eq!(report["scores"]["completeness"], 0.0);
    assert_eq!(report["findings"], json!([]));
}

#[test]
fn init_never_overwrites_without_force() {
    let path = format!("{}/existing.yaml", env!("CARGO_TARGET_TMPDIR"));
    std::fs::write(&path, "mine\n").expect("scratch file");
    let out = run(&["init", &path]);
    assert_eq!((out.code, out.stdout.as_str()), (2, ""));
    assert_eq!(
        out.stderr,
        format!("{path}: already exists; add --force to overwrite it\n")
    );
    assert_eq!(std::fs::read_to_string(&path).expect("kept"), "mine\n");
    assert_eq!(run(&["init", &path, "--force"]).code, 0);
    assert!(std::fs::read_to_string(&path)
        .expect("written")
        .starts_with("# A readiness questionnaire"));
}
