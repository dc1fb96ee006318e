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
        // The keys added for real cases (rules 2.4). What refers to another
        // part of the file (a served problem's name, an incident's pilot,
        // systems_known against the pilots listed, an incident's date against
        // the assessment date) is checked by the loader alone: JSON Schema
        // cannot compare one value with another.
        "version: 1\norganization:\n  name: A\nimplementation:\n  pilots:\n    - { name: x, stage: pilot, serves: Churn }\n",
        "version: 1\norganization:\n  name: A\nimplementation:\n  pilots:\n    - { name: x, stage: pilot, serves: [\"\"] }\n",
        "version: 1\norganization:\n  name: A\nimplementation:\n  pilots:\n    - { name: x, stage: pilot, human_review: always }\n",
        "version: 1\norganization:\n  name: A\nimplementation:\n  pilots:\n    - { name: x, stage: pilot, affects: [patient] }\n",
        "version: 1\norganization:\n  name: A\nimplementation:\n  pilots:\n    - { name: x, stage: pilot, impact_assessed: \"no\" }\n",
        "version: 1\norganization:\n  name: A\nimplementation:\n  pilots:\n    - { name: x, stage: production, retired_reason: cost }\n",
        "version: 1\norganization:\n  name: A\nimplementation:\n  pilots:\n    - { name: x, stage: retired, retired_reason: price }\n",
        "version: 1\norganization:\n  name: A\nimplementation:\n  incidents:\n    - { date: 2026-01-02, severity: low, resolved: true }\n",
        "version: 1\norganization:\n  name: A\nimplementation:\n  incidents:\n    - { date: 2026-01-02, kind: harm, severity: grave, resolved: true }\n",
        "version: 1\norganization:\n  name: A\nimplementation:\n  incidents:\n    - { date: 2026-01-02, kind: harm, severity: low, resolved: \"yes\" }\n",
        "version: 1\norganization:\n  name: A\nimplementation:\n  incidents:\n    - { date: 2026-02-30, kind: harm, severity: low, resolved: true }\n",
        "version: 1\norganization:\n  name: A\nimplementation:\n  incidents:\n    - { date: 2026-01-02, kind: harm, severity: low, resolved: true, pilot: \"\" }\n",
        "version: 1\norganization:\n  name: A\nimplementation:\n  incidents:\n    - { date: 2026-01-02, kind: harm, severity: low, resolved: true, owner: me }\n",
        "version: 1\norganization:\n  name: A\nimplementation:\n  inventory:\n    systems_known: -1\n",
        "version: 1\norganization:\n  name: A\nimplementation:\n  inventory:\n    complete: yes\n",
        "version: 1\norganization:\n  name: A\nimplementation:\n  inventory:\n    known: 3\n",
        "version: 1\norganization:\n  name: A\nrespondents:\n  - answered: [strategy]\n",
        "version: 1\norganization:\n  name: A\nrespondents:\n  - { role: CFO, answered: [budget] }\n",
        "version: 1\norganization:\n  name: A\nrespondents:\n  role: CFO\n",
        "version: 1\norganization:\n  name: A\nrespondents:\n  - role: \"  \"\n",
        "version: 1\norganization:\n  name: A\nrespondents:\n  - role: ~\n",
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
fn the_schema_accepts_what_the_loader_accepts_of_the_keys_for_real_cases() {
    let validator = jsonschema::validator_for(&schema()).expect("a valid JSON Schema");
    for good in [
        "version: 1\norganization:\n  name: A\nrespondents:\n  - { role: CFO, answered: [strategy, operating_model] }\n  - role: 42\n",
        "version: 1\norganization:\n  name: A\nstrategy:\n  business_problems:\n    - name: Churn\nimplementation:\n  inventory: { complete: false, systems_known: 3 }\n  pilots:\n    - { name: x, stage: production, serves: [Churn], human_review: every_output, affects: [patients, public], impact_assessed: false }\n    - { name: y, stage: retired, retired_reason: risk, serves: [] }\n    - { name: z, stage: pilot, retired_reason: ~ }\n  incidents:\n    - { date: 2026-01-02, pilot: x, kind: legal, severity: high, resolved: false, summary: a ruling }\n    - { date: 2026-01-03, pilot: ~, kind: other, severity: low, resolved: true }\n",
    ] {
        assert!(loads(good), "the tool on:\n{good}");
        let errors: Vec<String> = validator
            .iter_errors(&as_json(good))
            .map(|e| e.to_string())
            .collect();
        assert!(errors.is_empty(), "the schema on:\n{good}\n{errors:?}");
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
    let tmp = crate::common::scratch_dir();
    let dir = crate::common::path_of(&tmp);
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

// The command `init` suggests is pasted into a shell: a path in it never
// becomes an option, a second command or a substitution.
#[test]
fn the_command_init_suggests_keeps_the_path_one_word() {
    let tmp = crate::common::scratch_dir();
    let dir = crate::common::path_of(&tmp);
    for (name, word) in [
        ("org.yaml", "org.yaml"),
        ("-x.yaml", "./-x.yaml"),
        ("a b;touch pwned.yaml", "'a b;touch pwned.yaml'"),
        ("$(id).yaml", "'$(id).yaml'"),
        ("it's.yaml", "'it'\\''s.yaml'"),
    ] {
        let out = crate::common::run_in(dir, &["init", "--", name]);
        assert_eq!(out.code, 0, "{}", out.stderr);
        assert_eq!(
            out.stdout,
            format!("wrote {name}; fill it in, then run: readiness assess {word}\n")
        );
        assert!(std::path::Path::new(&format!("{dir}/{name}")).is_file());
    }
    // A name that starts with `::` is shown after `./`: the same file.
    let out = crate::common::run_in(dir, &["init", "--", "::x.yaml"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert_eq!(
        out.stdout,
        "wrote ./::x.yaml; fill it in, then run: readiness assess ./::x.yaml\n"
    );
    // A name shown escaped is not the name a shell would pass: no command
    // is offered that would name another file.
    let out = crate::common::run_in(dir, &["init", "--", "c\u{1b}[31mred.yaml"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert_eq!(
        out.stdout,
        "wrote c\\u{1b}[31mred.yaml; fill it in, then assess it with readiness assess\n"
    );
}

#[test]
fn init_never_overwrites_without_force() {
    let tmp = crate::common::scratch_dir();
    let path = format!("{}/existing.yaml", crate::common::path_of(&tmp));
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

/// Whether the loader accepts the questionnaire text.
fn loads(text: &str) -> bool {
    readiness::load::questionnaire::load(
        text,
        readiness::load::questionnaire::LoadOptions {
            as_of: None,
            today: crate::common::test_date(),
        },
    )
    .is_ok()
}

#[test]
fn the_schema_and_the_tool_agree_on_dates_and_names_at_their_edges() {
    let validator = jsonschema::validator_for(&schema()).expect("a valid JSON Schema");
    let date = |d: &str| format!("version: 1\norganization:\n  name: A\n  assessed: \"{d}\"\n");
    let org_name = |n: &str| format!("version: 1\norganization:\n  name: {n}\n");
    let pilot = |n: &str| {
        format!("version: 1\norganization:\n  name: A\nimplementation:\n  pilots:\n    - name: {n}\n      stage: pilot\n")
    };
    let problem = |n: &str| {
        format!("version: 1\norganization:\n  name: A\nstrategy:\n  business_problems:\n    - name: {n}\n")
    };
    let cases = [
        (date("2026-02-28"), true),
        (date("2026-02-29"), false),
        (date("2026-02-30"), false),
        (date("2024-02-29"), true),
        (date("2000-02-29"), true),
        (date("1900-02-29"), false),
        (date("2026-04-30"), true),
        (date("2026-04-31"), false),
        (date("2026-12-31"), true),
        (date("2026-13-01"), false),
        (date("2026-00-10"), false),
        (date("2026-01-00"), false),
        (date("2026-1-01"), false),
        (org_name("A"), true),
        (org_name("42"), true),
        (org_name("\"\""), false),
        (org_name("\"   \""), false),
        (org_name("~"), false),
        (org_name("\"two\\nlines\""), false),
        (pilot("churn-model"), true),
        (pilot("\"\""), false),
        (pilot("\" \""), false),
        (pilot("~"), false),
        (problem("Churn"), true),
        (problem("\"\""), false),
        (problem("\"  \""), false),
    ];
    for (text, valid) in &cases {
        assert_eq!(loads(text), *valid, "the tool on:\n{text}");
        assert_eq!(
            validator.is_valid(&as_json(text)),
            *valid,
            "the schema on:\n{text}"
        );
    }
}

/// The keys under `schema` without a description worth the name.
fn walk(schema: &Value, path: &str, missing: &mut Vec<String>) {
    for (key, property) in schema
        .get("properties")
        .and_then(Value::as_object)
        .into_iter()
        .flatten()
    {
        let described = property
            .get("description")
            .and_then(Value::as_str)
            .is_some_and(|d| d.len() > 10);
        if !described {
            missing.push(format!("{path}.{key}"));
        }
        walk(property, &format!("{path}.{key}"), missing);
        if let Some(items) = property.get("items") {
            walk(items, &format!("{path}.{key}[]"), missing);
        }
    }
}

#[test]
fn every_key_of_the_questionnaire_schema_says_what_it_asks() {
    use readiness::load::questionnaire::about::about;
    use readiness::load::questionnaire::format;
    for question in format::QUESTIONS {
        assert!(about(question.path).is_some(), "{}", question.path);
    }
    for list in format::LISTS {
        assert!(about(list.path).is_some(), "{}", list.path);
        for field in list.fields {
            let path = format!("{}.{}", list.path, field.key);
            assert!(about(&path).is_some(), "{path}");
        }
    }
    let mut missing = Vec::new();
    walk(&schema(), "", &mut missing);
    assert_eq!(missing, Vec::<String>::new());
}

#[test]
fn the_scales_name_their_poles_in_the_schema_and_the_starter() {
    let schema = schema();
    let starter = run(&["init"]).stdout;
    for (key, low, high) in [
        (
            "experimentation",
            "agile experimentation",
            "structured control",
        ),
        ("adoption", "bottom-up adoption", "top-down policy"),
        ("focus", "execution first", "governance first"),
        ("goals", "isolated team goals", "company-aligned objectives"),
    ] {
        let poles = format!("1 = {low}, 5 = {high}");
        let description = schema["properties"]["operating_model"]["properties"][key]["description"]
            .as_str()
            .expect("a description");
        assert!(description.contains(&poles), "{description}");
        let line = starter
            .lines()
            .find(|l| l.trim_start().starts_with(&format!("{key}:")) && l.contains("1 to 5"))
            .expect("the scale's line");
        assert!(
            line.ends_with(&format!(
                "# a whole number from 1 to 5: {poles} (3 is balanced)"
            )),
            "{line}"
        );
    }
    // The beliefs carry their statements in full.
    let belief = schema["properties"]["beliefs"]["properties"]["implementation_is_it_only"]
        ["description"]
        .as_str()
        .expect("a description");
    assert!(belief.contains("Implementing AI is a job for the IT department alone."));
}

#[test]
fn init_dash_writes_to_standard_output_not_to_a_file_named_dash() {
    let tmp = crate::common::scratch_dir();
    let dir = crate::common::path_of(&tmp);
    let out = crate::common::run_in(dir, &["init", "-"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert_eq!(out.stdout, run(&["init"]).stdout);
    assert!(!std::path::Path::new(&format!("{dir}/-")).exists());
}
