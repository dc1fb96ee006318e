//! Properties of the scoring over generated questionnaires: scores stay within
//! 0..100 with one decimal, a more mature answer never lowers a score,
//! answering a question never lowers one, and output is deterministic.
//!
//! Questionnaires are generated as JSON, which is also valid YAML.

use crate::common::test_date;
use proptest::prelude::*;
use readiness::assessment::Assessment;
use readiness::load::questionnaire::format::{self, Kind, QUESTIONS};
use readiness::load::questionnaire::{self as q, LoadOptions};
use readiness::render;
use readiness::rubric::{default_rubric, Rubric};
use serde_json::{json, Map, Value};

fn value_for(kind: Kind) -> BoxedStrategy<Value> {
    match kind {
        Kind::Text | Kind::Name => "[a-z]{1,8}".prop_map(Value::from).boxed(),
        Kind::Integer { min, max } => (min..=max.min(min + 300)).prop_map(Value::from).boxed(),
        Kind::Number { min, max, .. } => (0u32..=400)
            .prop_map(move |n| json!((min + f64::from(n) / 4.0).min(max)))
            .boxed(),
        Kind::Flag => any::<bool>().prop_map(Value::from).boxed(),
        Kind::Date => (2020i32..=2026, 1u32..=10, 1u32..=28)
            .prop_map(|(y, m, d)| json!(format!("{y:04}-{m:02}-{d:02}")))
            .boxed(),
        Kind::Choice(words) => proptest::sample::select(words.to_vec())
            .prop_map(Value::from)
            .boxed(),
        Kind::AnyOf(words) => proptest::sample::subsequence(words.to_vec(), 0..=words.len())
            .prop_map(|w| json!(w))
            .boxed(),
    }
}

/// Sets `value` at a dotted `path` inside `root`, creating sections on the way.
fn set(root: &mut Map<String, Value>, path: &str, value: Value) {
    let mut parts: Vec<&str> = path.split('.').collect();
    let last = parts.pop().unwrap_or_default();
    let mut map = root;
    for part in parts {
        map = map
            .entry(part)
            .or_insert_with(|| json!({}))
            .as_object_mut()
            .expect("a section");
    }
    map.insert(last.to_owned(), value);
}

fn pilot() -> BoxedStrategy<Value> {
    let fields = format::list(format::PILOTS).expect("pilots").fields;
    let optional: Vec<BoxedStrategy<Option<(String, Value)>>> = fields
        .iter()
        .filter(|f| !f.required && f.kind != Kind::Date)
        .map(|f| {
            let key = f.key.to_owned();
            proptest::option::of(value_for(f.kind).prop_map(move |v| (key.clone(), v))).boxed()
        })
        .collect();
    (
        value_for(Kind::Choice(format::STAGES)),
        proptest::option::of(0i64..900),
        optional,
    )
        .prop_map(|(stage, age, fields)| {
            let mut p = Map::new();
            p.insert("stage".into(), stage);
            if let Some(days) = age {
                // Started some days before the assessment date, never after it.
                p.insert(
                    "started".into(),
                    json!(test_date().plus_days(-days).to_string()),
                );
            }
            for (k, v) in fields.into_iter().flatten() {
                p.insert(k, v);
            }
            Value::Object(p)
        })
        .boxed()
}

fn questionnaire() -> impl Strategy<Value = Value> {
    let answers: Vec<BoxedStrategy<Option<(&'static str, Value)>>> = QUESTIONS
        .iter()
        .filter(|q| !q.path.starts_with("organization."))
        .map(|q| {
            let path = q.path;
            proptest::option::of(value_for(q.kind).prop_map(move |v| (path, v))).boxed()
        })
        .collect();
    (
        answers,
        proptest::option::of(proptest::collection::vec(pilot(), 0..6)),
    )
        .prop_map(|(answers, pilots)| {
            let mut root = Map::new();
            root.insert("version".into(), json!(1));
            root.insert(
                "organization".into(),
                json!({ "name": "Generated", "assessed": "2026-11-20" }),
            );
            for (path, value) in answers.into_iter().flatten() {
                set(&mut root, path, value);
            }
            if let Some(pilots) = pilots {
                let named: Vec<Value> = pilots
                    .into_iter()
                    .enumerate()
                    .map(|(i, mut p)| {
                        p["name"] = json!(format!("pilot-{i}"));
                        p
                    })
                    .collect();
                set(&mut root, format::PILOTS, json!(named));
            }
            Value::Object(root)
        })
}

fn assess(doc: &Value, rubric: &Rubric) -> Assessment {
    let text = doc.to_string();
    let loaded = q::load(
        &text,
        LoadOptions {
            as_of: None,
            today: test_date(),
        },
    )
    .unwrap_or_else(|p| panic!("{p:?}\n{text}"));
    readiness::assess::assess(&loaded, rubric, "generated.yaml")
}

fn scores(a: &Assessment) -> [f64; 3] {
    [a.scores.strategy, a.scores.implementation, a.scores.overall]
}

/// Each answer that can move one step towards the mature end, moved.
fn one_step_more_mature(doc: &Value) -> Vec<Value> {
    let mut out = Vec::new();
    for question in QUESTIONS {
        let pointer = format!("/{}", question.path.replace('.', "/"));
        let Some(current) = doc.pointer(&pointer) else {
            continue;
        };
        let next = match question.kind {
            Kind::Choice(words) => {
                let i = words
                    .iter()
                    .position(|w| Some(*w) == current.as_str())
                    .unwrap_or(0);
                words.get(i + 1).map(|w| json!(w))
            }
            Kind::Flag if current == &json!(false) => Some(json!(true)),
            Kind::Integer { max, .. }
                if question.path.starts_with("implementation.team")
                    || question.path.ends_with("open_options") =>
            {
                current.as_i64().filter(|n| *n < max).map(|n| json!(n + 1))
            }
            Kind::Number {
                max,
                lower_is_better: false,
                ..
            } => current.as_f64().map(|x| json!((x + 1.0).min(max))),
            _ => None,
        };
        if let Some(next) = next {
            let mut moved = doc.clone();
            if let Some(slot) = moved.pointer_mut(&pointer) {
                *slot = next;
            }
            out.push(moved);
        }
    }
    out
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 96, ..ProptestConfig::default() })]

    #[test]
    fn scores_stay_within_0_and_100_with_one_decimal(doc in questionnaire()) {
        let a = assess(&doc, &default_rubric().expect("valid"));
        for s in [a.scores.strategy, a.scores.implementation, a.scores.overall, a.scores.completeness] {
            prop_assert!((0.0..=100.0).contains(&s), "{s}");
            prop_assert!(((s * 10.0).round() - s * 10.0).abs() < 1e-9, "{s} has more than one decimal");
        }
        for d in &a.dimensions {
            for s in [d.strategy, d.implementation].into_iter().flatten() {
                prop_assert!((0.0..=100.0).contains(&s));
            }
        }
    }

    #[test]
    fn a_more_mature_answer_never_lowers_a_score(doc in questionnaire()) {
        let rubric = default_rubric().expect("valid");
        let before = scores(&assess(&doc, &rubric));
        for moved in one_step_more_mature(&doc) {
            let after = scores(&assess(&moved, &rubric));
            for (b, a) in before.iter().zip(after) {
                prop_assert!(a >= *b, "{before:?} -> {after:?}\n{moved}");
            }
        }
    }

    #[test]
    fn answering_a_question_never_lowers_a_score(doc in questionnaire()) {
        let rubric = default_rubric().expect("valid");
        let answered = scores(&assess(&doc, &rubric));
        for question in QUESTIONS.iter().filter(|q| !q.path.starts_with("organization.")) {
            let mut parts: Vec<&str> = question.path.split('.').collect();
            let last = parts.pop().unwrap_or_default();
            let pointer = format!("/{}", parts.join("/"));
            let mut without = doc.clone();
            let removed = without.pointer_mut(&pointer).and_then(|v| v.as_object_mut()).and_then(|m| m.remove(last));
            if removed.is_none() { continue; }
            let unanswered = scores(&assess(&without, &rubric));
            for (a, u) in answered.iter().zip(unanswered) {
                prop_assert!(*a >= u, "{}: {unanswered:?} unanswered, {answered:?} answered", question.path);
            }
        }
    }

    #[test]
    fn output_is_byte_identical_in_every_format_and_json_agrees_with_the_table(doc in questionnaire()) {
        let rubric = default_rubric().expect("valid");
        let first = assess(&doc, &rubric);
        let second = assess(&doc, &rubric);
        prop_assert_eq!(render::json::render(&first), render::json::render(&second));
        prop_assert_eq!(render::table::render(&first, 100, false), render::table::render(&second, 100, false));
        prop_assert_eq!(render::markdown::render(&first), render::markdown::render(&second));
        let parsed: Value = serde_json::from_str(&render::json::render(&first)).expect("JSON parses");
        let table = render::table::render(&first, 100, false);
        for key in ["strategy", "implementation", "overall", "completeness"] {
            let value = parsed["scores"][key].as_f64().expect("a number");
            prop_assert!(table.contains(&format!("{value:.1}")), "{key} {value}");
        }
    }
}
