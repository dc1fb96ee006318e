//! Properties of the scoring over generated questionnaires: scores stay within
//! 0..100 with one decimal, a more mature answer never lowers a score,
//! answering a question never lowers one, and output is deterministic.
//!
//! Questionnaires are generated as JSON, which is also valid YAML.

use crate::common::{test_date, REAL_CASE_FINDINGS};
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
        Kind::Names => proptest::collection::vec("[a-z]{1,8}", 0..3)
            .prop_map(|w| json!(w))
            .boxed(),
    }
}

/// Pilot keys that refer to or depend on other answers, generated where
/// they can hold: `serves` names the generated business problems, and
/// `retired_reason` is given only to retired pilots.
const TIED: &[&str] = &["serves", "retired_reason"];

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
        .filter(|f| !f.required && f.kind != Kind::Date && !TIED.contains(&f.key))
        .map(|f| {
            let key = f.key.to_owned();
            proptest::option::of(value_for(f.kind).prop_map(move |v| (key.clone(), v))).boxed()
        })
        .collect();
    (
        value_for(Kind::Choice(format::STAGES)),
        proptest::option::of(0i64..900),
        optional,
        proptest::option::of(proptest::sample::subsequence(vec![0usize, 1, 2], 0..=3)),
        proptest::option::of(value_for(
            format::pilot_field("retired_reason").expect("a key").kind,
        )),
    )
        .prop_map(|(stage, age, fields, serves, reason)| {
            let mut p = Map::new();
            if let Some(served) = serves {
                // Indices of business problems; kept to those generated later.
                p.insert("serves".into(), json!(served));
            }
            if stage == json!("retired") {
                if let Some(reason) = reason {
                    p.insert("retired_reason".into(), reason);
                }
            }
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

pub(crate) fn questionnaire() -> impl Strategy<Value = Value> {
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
        proptest::option::of(0usize..=3),
        proptest::option::of(proptest::collection::vec(incident(), 0..4)),
        proptest::option::of(proptest::collection::vec(respondent(), 0..3)),
    )
        .prop_map(|(answers, pilots, problems, incidents, respondents)| {
            let mut root = Map::new();
            root.insert("version".into(), json!(1));
            root.insert(
                "organization".into(),
                json!({ "name": "Generated", "assessed": "2026-11-20" }),
            );
            for (path, value) in answers.into_iter().flatten() {
                set(&mut root, path, value);
            }
            let problem_count = problems.unwrap_or(0);
            if let Some(count) = problems {
                let listed: Vec<Value> = (0..count)
                    .map(|i| json!({ "name": format!("problem-{i}") }))
                    .collect();
                set(&mut root, format::BUSINESS_PROBLEMS, json!(listed));
            }
            let pilot_count = pilots.as_ref().map_or(0, Vec::len);
            let mut systems = 0;
            if let Some(pilots) = pilots {
                let named: Vec<Value> = pilots
                    .into_iter()
                    .enumerate()
                    .map(|(i, mut p)| {
                        p["name"] = json!(format!("pilot-{i}"));
                        if let Some(served) = p.get("serves").and_then(Value::as_array).cloned() {
                            let names: Vec<Value> = served
                                .iter()
                                .filter_map(Value::as_u64)
                                .filter(|n| *n < problem_count as u64)
                                .map(|n| json!(format!("problem-{n}")))
                                .collect();
                            p["serves"] = json!(names);
                        }
                        if p["stage"] != json!("idea") {
                            systems += 1;
                        }
                        p
                    })
                    .collect();
                set(&mut root, format::PILOTS, json!(named));
            }
            // Never fewer systems known than the started and retired pilots listed.
            if let Some(known) = root
                .get_mut("implementation")
                .and_then(|i| i.get_mut("inventory"))
                .and_then(|i| i.get_mut("systems_known"))
            {
                let at_least = known.as_i64().unwrap_or(0).max(systems);
                *known = json!(at_least);
            }
            if let Some(incidents) = incidents {
                let tied: Vec<Value> = incidents
                    .into_iter()
                    .map(|(mut incident, pilot)| {
                        if let Some(i) = pilot.filter(|i| *i < pilot_count) {
                            incident["pilot"] = json!(format!("pilot-{i}"));
                        }
                        incident
                    })
                    .collect();
                set(&mut root, format::INCIDENTS, json!(tied));
            }
            if let Some(respondents) = respondents {
                root.insert(format::RESPONDENTS.into(), json!(respondents));
            }
            Value::Object(root)
        })
}

/// A generated questionnaire, loaded and assessed on 2026-11-20.
pub(crate) fn assess_generated(doc: &Value, rubric: &Rubric) -> Assessment {
    assess(doc, rubric)
}

/// An incident, and the index of the pilot it may name.
fn incident() -> BoxedStrategy<(Value, Option<usize>)> {
    let fields = format::list(format::INCIDENTS).expect("incidents").fields;
    let kind = |key: &str| {
        fields
            .iter()
            .find(|f| f.key == key)
            .expect("an incident key")
            .kind
    };
    (
        0i64..900,
        proptest::option::of(0usize..6),
        value_for(kind("kind")),
        value_for(kind("severity")),
        any::<bool>(),
        proptest::option::of(value_for(kind("summary"))),
    )
        .prop_map(|(days, pilot, kind, severity, resolved, summary)| {
            let mut incident = json!({
                "date": test_date().plus_days(-days).to_string(),
                "kind": kind,
                "severity": severity,
                "resolved": resolved,
            });
            if let Some(summary) = summary {
                incident["summary"] = summary;
            }
            (incident, pilot)
        })
        .boxed()
}

fn respondent() -> BoxedStrategy<Value> {
    let answered = format::list(format::RESPONDENTS)
        .expect("respondents")
        .fields[1]
        .kind;
    ("[a-z]{1,8}", proptest::option::of(value_for(answered)))
        .prop_map(|(role, answered)| {
            let mut r = json!({ "role": role });
            if let Some(answered) = answered {
                r["answered"] = answered;
            }
            r
        })
        .boxed()
}

pub(crate) fn assess(doc: &Value, rubric: &Rubric) -> Assessment {
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

/// Every score and range end: strategy, implementation and overall, each
/// as (score, low, high); a side with no score reads as its low end.
fn scores(a: &Assessment) -> [(Option<f64>, f64, f64); 3] {
    let s = &a.scores;
    [
        (s.strategy, s.range.strategy[0], s.range.strategy[1]),
        (
            s.implementation,
            s.range.implementation[0],
            s.range.implementation[1],
        ),
        (s.overall, s.range.overall[0], s.range.overall[1]),
    ]
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
    out.extend(pilot_steps(doc));
    out
}

/// Each pilot answer that can move one step towards the mature end, moved.
/// `sourcing` and `impact` describe a pilot and have no order; a stage steps
/// only along pilot, production, scaled.
fn pilot_steps(doc: &Value) -> Vec<Value> {
    let mut out = Vec::new();
    let Some(list) = doc
        .pointer("/implementation/pilots")
        .and_then(Value::as_array)
    else {
        return out;
    };
    let fields = format::list(format::PILOTS).expect("pilots").fields;
    for (i, pilot) in list.iter().enumerate() {
        for field in fields {
            let Some(current) = pilot.get(field.key) else {
                continue;
            };
            let next = match field.kind {
                Kind::Choice(_) if format::pilot::DESCRIBING.contains(&field.key) => None,
                Kind::Choice(_) if field.key == "stage" => match current.as_str() {
                    Some("pilot") => Some(json!("production")),
                    Some("production") => Some(json!("scaled")),
                    _ => None,
                },
                Kind::Choice(words) => {
                    let at = words.iter().position(|w| Some(*w) == current.as_str());
                    at.and_then(|at| words.get(at + 1)).map(|w| json!(w))
                }
                Kind::Flag if current == &json!(false) => Some(json!(true)),
                Kind::Integer { max, .. } => {
                    current.as_i64().filter(|n| *n < max).map(|n| json!(n + 1))
                }
                Kind::Number {
                    lower_is_better: true,
                    ..
                } => current
                    .as_f64()
                    .filter(|x| *x > 0.0)
                    .map(|x| json!((x - 0.25).max(0.0))),
                _ => None,
            };
            if let Some(next) = next {
                let mut moved = doc.clone();
                moved["implementation"]["pilots"][i][field.key] = next;
                out.push(moved);
            }
        }
    }
    out
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 96, ..ProptestConfig::default() })]

    #[test]
    fn scores_stay_within_their_ranges_within_0_and_100_with_one_decimal(doc in questionnaire()) {
        let a = assess(&doc, &default_rubric());
        let one_decimal = |x: f64| ((x * 10.0).round() - x * 10.0).abs() < 1e-9;
        for (score, low, high) in scores(&a) {
            prop_assert!(0.0 <= low && low <= high && high <= 100.0, "{low} {high}");
            prop_assert!(one_decimal(low) && one_decimal(high));
            if let Some(score) = score {
                prop_assert!(low <= score && score <= high, "{low} <= {score} <= {high}");
                prop_assert!(one_decimal(score), "{score} has more than one decimal");
            }
        }
        prop_assert!((0.0..=100.0).contains(&a.scores.completeness));
        for d in &a.dimensions {
            for s in [d.strategy, d.implementation].into_iter().flatten() {
                prop_assert!((0.0..=100.0).contains(&s));
            }
        }
    }

    #[test]
    fn a_more_mature_answer_never_lowers_a_score_or_a_range_end(doc in questionnaire()) {
        let rubric = default_rubric();
        let before = scores(&assess(&doc, &rubric));
        for moved in one_step_more_mature(&doc) {
            let after = scores(&assess(&moved, &rubric));
            for ((score_b, low_b, high_b), (score_a, low_a, high_a)) in before.iter().zip(after) {
                prop_assert!(low_a >= *low_b && high_a >= *high_b, "{before:?} -> {after:?}\n{moved}");
                if let (Some(b), Some(a)) = (score_b, score_a) {
                    prop_assert!(a >= *b, "{before:?} -> {after:?}\n{moved}");
                }
            }
        }
    }

    /// The words of the README and `explain`: an unanswered question counts
    /// neither for nor against a score; answering it moves the score only
    /// within the range it left open, and never widens the range.
    #[test]
    fn answering_a_question_stays_within_the_range_it_left_open(doc in questionnaire()) {
        let rubric = default_rubric();
        let answered = scores(&assess(&doc, &rubric));
        for question in QUESTIONS.iter().filter(|q| !q.path.starts_with("organization.")) {
            let mut parts: Vec<&str> = question.path.split('.').collect();
            let last = parts.pop().unwrap_or_default();
            let pointer = format!("/{}", parts.join("/"));
            let mut without = doc.clone();
            let removed = without.pointer_mut(&pointer).and_then(|v| v.as_object_mut()).and_then(|m| m.remove(last));
            if removed.is_none() { continue; }
            let open = scores(&assess(&without, &rubric));
            for ((score, low, high), (_, open_low, open_high)) in answered.iter().zip(open) {
                prop_assert!(*low >= open_low && *high <= open_high,
                    "{}: range {open_low}..{open_high} unanswered, {low}..{high} answered", question.path);
                if let Some(score) = score {
                    prop_assert!(open_low <= *score && *score <= open_high,
                        "{}: {score} outside {open_low}..{open_high}", question.path);
                }
            }
        }
    }

    #[test]
    fn listing_an_idea_never_changes_a_score(doc in questionnaire(), idea in pilot()) {
        let rubric = default_rubric();
        let before = assess(&doc, &rubric);
        let mut with_idea = doc.clone();
        let mut idea = idea;
        idea["stage"] = json!("idea");
        idea["name"] = json!("an-idea");
        // Its generated serves are indices, named only within questionnaire(),
        // and an idea has no reason for retiring.
        if let Some(fields) = idea.as_object_mut() {
            fields.remove("serves");
            fields.remove("retired_reason");
        }
        // Without a pilots list there is no list to add the idea to: such
        // cases are discarded, not counted as passing.
        let list = with_idea.pointer_mut("/implementation/pilots").and_then(Value::as_array_mut);
        prop_assume!(list.is_some());
        if let Some(list) = list {
            list.push(idea);
        }
        let after = assess(&with_idea, &rubric);
        prop_assert_eq!(scores(&before), scores(&after));
        prop_assert_eq!(before.scores.completeness, after.scores.completeness);
    }

    /// The table shows what the JSON report says: each score with its range,
    /// each completeness, and the level, quadrant, focus and confidence, on
    /// the line each belongs to. (That the same input gives the same bytes
    /// is pinned by the snapshots of the examples, run in separate processes.)
    #[test]
    fn json_agrees_with_the_table(doc in questionnaire()) {
        let rubric = default_rubric();
        let a = assess(&doc, &rubric);
        let json: Value = serde_json::from_str(&render::json::render(&a.report())).expect("JSON parses");
        let table = render::table::render(&a, 100, false);
        let headline = format!(
            "Level: {}   Quadrant: {}   Focus: {}   Confidence: {}",
            json["level"].as_str().expect("a level"),
            json["quadrant"].as_str().expect("a quadrant"),
            json["focus"].as_str().expect("a focus"),
            json["confidence"].as_str().expect("a confidence"),
        );
        prop_assert!(table.lines().any(|l| l == headline), "{headline}\n{table}");
        let scores = &json["scores"];
        for (key, row) in [
            ("strategy", "Strategy"),
            ("implementation", "Implementation"),
            ("overall", "Overall (harmonic mean)"),
        ] {
            let value = value_cell(&table, row);
            let [low, high] = [0, 1].map(|i| scores["range"][key][i].as_f64().expect("a range end"));
            let open = scores["open_questions"][key].as_u64().expect("a count");
            let once = match open {
                0 => "once the open answers are given".to_owned(),
                1 => "once the 1 open question is answered".to_owned(),
                n => format!("once the {n} open questions are answered"),
            };
            let expected = match scores[key].as_f64() {
                Some(score) if low == high => format!("{score:.1}"),
                Some(score) => format!("{score:.1}, could be {low:.1} to {high:.1} {once}"),
                None => format!("not scored yet; could be {low:.1} to {high:.1} {once}"),
            };
            prop_assert_eq!(value, expected, "{}\n{}", key, table);
        }
        for (value, row) in [
            (&scores["completeness_by_side"]["strategy"], "Completeness, strategy"),
            (&scores["completeness_by_side"]["implementation"], "Completeness, implementation"),
            (&scores["completeness"], "Completeness, overall"),
        ] {
            let expected = format!("{:.1}", value.as_f64().expect("a completeness"));
            prop_assert_eq!(value_cell(&table, row), expected, "{}\n{}", row, table);
        }
    }
}

/// The text of the value cell of the table's row named `row`, its wrapped
/// lines joined with spaces.
fn value_cell(table: &str, row: &str) -> String {
    let cells = |line: &str| -> Option<(String, String)> {
        let inner = line.strip_prefix('│')?;
        let mut parts = inner.split('┆');
        let name = parts.next()?.trim().to_owned();
        let value = parts.next()?.trim().to_owned();
        Some((name, value))
    };
    let mut lines = table
        .lines()
        .skip_while(|l| cells(l).is_none_or(|(name, _)| name != row));
    let (_, first) = lines
        .next()
        .and_then(cells)
        .unwrap_or_else(|| panic!("no row {row}\n{table}"));
    let mut value = first;
    for (name, more) in lines.map_while(cells) {
        if !name.is_empty() {
            break;
        }
        value.push(' ');
        value.push_str(&more);
    }
    value
}

/// The pilot keys added for real cases.
const REAL_CASE_PILOT_KEYS: [&str; 5] = [
    "serves",
    "human_review",
    "affects",
    "impact_assessed",
    "retired_reason",
];

/// Where each key added for real cases is answered in `doc`, as JSON pointers.
fn real_case_answers(doc: &Value) -> Vec<String> {
    let mut pointers: Vec<String> = [
        "/respondents",
        "/implementation/incidents",
        "/implementation/inventory/complete",
        "/implementation/inventory/systems_known",
    ]
    .iter()
    .filter(|p| doc.pointer(p).is_some())
    .map(|p| (*p).to_owned())
    .collect();
    let pilots = doc
        .pointer("/implementation/pilots")
        .and_then(Value::as_array);
    for (i, pilot) in pilots.into_iter().flatten().enumerate() {
        for key in REAL_CASE_PILOT_KEYS {
            if pilot.get(key).is_some() {
                pointers.push(format!("/implementation/pilots/{i}/{key}"));
            }
        }
    }
    pointers
}

/// `doc` without the answer at `pointer`.
fn without(doc: &Value, pointer: &str) -> Value {
    let mut out = doc.clone();
    let (parent, key) = pointer.rsplit_once('/').unwrap_or(("", pointer));
    if let Some(map) = out.pointer_mut(parent).and_then(Value::as_object_mut) {
        map.remove(key);
    }
    out
}

fn real_case_findings(a: &Assessment) -> Vec<&'static str> {
    a.findings
        .iter()
        .map(|f| f.id.into())
        .filter(|id| REAL_CASE_FINDINGS.contains(id))
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    /// No criterion reads the keys added for real cases: with or without
    /// them, every score, range, completeness, level, quadrant and
    /// unanswered question is the same; left out, none of their findings
    /// fires; and only an incomplete inventory moves the confidence.
    #[test]
    fn the_keys_for_real_cases_move_no_score_and_left_out_fire_nothing(doc in questionnaire()) {
        let rubric = default_rubric();
        let mut stripped = doc.clone();
        for pointer in real_case_answers(&doc).iter().rev() {
            stripped = without(&stripped, pointer);
        }
        let with_keys = assess(&doc, &rubric);
        let bare = assess(&stripped, &rubric);
        prop_assert_eq!(real_case_findings(&bare), Vec::<&str>::new());
        prop_assert_eq!(with_keys.scores, bare.scores);
        prop_assert_eq!(with_keys.level, bare.level);
        prop_assert_eq!(with_keys.quadrant, bare.quadrant);
        prop_assert_eq!(&with_keys.unanswered, &bare.unanswered);
        let incomplete = doc.pointer("/implementation/inventory/complete") == Some(&json!(false));
        let expected = if incomplete {
            bare.confidence.max(readiness::vocabulary::Confidence::Provisional)
        } else {
            bare.confidence
        };
        prop_assert_eq!(with_keys.confidence, expected);
    }

    /// Leaving out any one of those answers never makes one of their
    /// findings fire: an unanswered key is unknown, never a trigger.
    #[test]
    fn leaving_out_a_key_for_real_cases_never_makes_its_findings_fire(doc in questionnaire()) {
        let rubric = default_rubric();
        let before = real_case_findings(&assess(&doc, &rubric));
        for pointer in real_case_answers(&doc) {
            let after = real_case_findings(&assess(&without(&doc, &pointer), &rubric));
            for id in &after {
                prop_assert!(before.contains(id), "{id} fired once {pointer} was left out\n{doc}");
            }
        }
    }
}
