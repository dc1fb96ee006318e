//! The small schemas the report's types name for what a Rust type cannot
//! say (a date's pattern, a score's range as a pair, a gate's words), and
//! the rule that closes every object to keys it does not describe.

use crate::vocabulary::{Level, Quadrant, ScoreGate, Word};
use schemars::transform::{transform_subschemas, Transform};
use schemars::{json_schema, Schema, SchemaGenerator};
use serde_json::Value;

/// The schema's house rules: every object closed to keys it does not
/// describe; a field that is left out when it has no value (never written
/// as `null`) not nullable; and no `format` but the standard ones (schemars
/// names Rust's number types there, `uint`, `double`, which strict
/// validators refuse as unknown formats).
#[derive(Debug, Clone)]
pub struct Closed;

impl Transform for Closed {
    fn transform(&mut self, schema: &mut Schema) {
        if let Some(object) = schema.as_object_mut() {
            if object.contains_key("properties") && !object.contains_key("additionalProperties") {
                object.insert("additionalProperties".to_owned(), false.into());
            }
            if object.get("format").is_some_and(|f| f != "date") {
                object.remove("format");
            }
            let required: Vec<Value> = object
                .get("required")
                .and_then(Value::as_array)
                .cloned()
                .unwrap_or_default();
            if let Some(Value::Object(properties)) = object.get_mut("properties") {
                for (key, property) in properties.iter_mut() {
                    if !required.iter().any(|r| r == key.as_str()) {
                        not_null(property);
                    }
                }
            }
        }
        transform_subschemas(self, schema);
    }
}

/// `schema` without `null` among its types or its words. (A field that
/// is left out or `null` says so with an `anyOf`, which this leaves alone.)
fn not_null(schema: &mut Value) {
    if let Some(words) = schema.get_mut("enum").and_then(Value::as_array_mut) {
        words.retain(|w| !w.is_null());
    }
    let Some(types) = schema.get_mut("type").and_then(Value::as_array_mut) else {
        return;
    };
    types.retain(|t| t != "null");
    if let [one] = types.as_slice() {
        let one = one.clone();
        schema["type"] = one;
    }
}

/// A date, `YYYY-MM-DD`.
pub fn date(_: &mut SchemaGenerator) -> Schema {
    json_schema!({ "type": "string", "format": "date", "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$" })
}

/// A date, or null.
pub fn nullable_date(_: &mut SchemaGenerator) -> Schema {
    json_schema!({ "type": ["string", "null"], "format": "date", "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$" })
}

/// A score or percentage: a number from 0 to 100.
fn score() -> Schema {
    json_schema!({ "type": "number", "minimum": 0, "maximum": 100 })
}

/// A score, or null.
pub fn nullable_score(_: &mut SchemaGenerator) -> Schema {
    json_schema!({ "anyOf": [score(), { "type": "null" }] })
}

/// A score's range, `[low, high]`.
pub fn low_high(_: &mut SchemaGenerator) -> Schema {
    json_schema!({
        "type": "array",
        "prefixItems": [
            { "description": "The low end.", "type": "number", "minimum": 0, "maximum": 100 },
            { "description": "The high end.", "type": "number", "minimum": 0, "maximum": 100 },
        ],
        "items": false,
        "minItems": 2,
    })
}

/// A score's range, or null.
pub fn nullable_low_high(generator: &mut SchemaGenerator) -> Schema {
    json_schema!({ "anyOf": [low_high(generator), { "type": "null" }] })
}

/// One of `allowed`.
fn words(allowed: &[&str]) -> Schema {
    json_schema!({ "type": "string", "enum": allowed })
}

/// A framework reference as `--fail-on` takes it: `nist-ai-rmf:MEASURE-2.4`.
fn reference_word() -> Schema {
    json_schema!({
        "description": "A framework reference, framework:id with spaces as hyphens, such as nist-ai-rmf:MEASURE-2.4.",
        "type": "string",
        "pattern": "^[^:\\s]+:\\S+$",
    })
}

/// The score a comparison names.
pub fn score_name(_: &mut SchemaGenerator) -> Schema {
    words(&["strategy", "implementation", "overall", "completeness"])
}

/// A gate's name, as `readiness.toml` names it.
pub fn gate_name(_: &mut SchemaGenerator) -> Schema {
    let mut names: Vec<&str> = ScoreGate::words().to_vec();
    names.extend([
        "fail_on",
        "regression.overall",
        "regression.strategy",
        "regression.implementation",
        "regression.level",
        "regression.quadrant",
        "regression.critical",
    ]);
    words(&names)
}

/// A check's threshold: a score, a word it fails on, or a reference.
pub fn gate_threshold(_: &mut SchemaGenerator) -> Schema {
    let allowed: Vec<&str> = fail_on_words()
        .into_iter()
        .chain(Level::words().iter().copied())
        .chain(Quadrant::words().iter().copied())
        .chain(["none"])
        .collect();
    json_schema!({ "anyOf": [score(), words(&allowed), reference_word()] })
}

/// A check's actual value: a score or a word.
pub fn gate_actual(_: &mut SchemaGenerator) -> Schema {
    json_schema!({ "anyOf": [score(), { "type": "string" }] })
}

/// The `--fail-on` values in force.
pub fn fail_on_list(_: &mut SchemaGenerator) -> Schema {
    let allowed = fail_on_words();
    json_schema!({
        "type": "array",
        "items": { "description": "A --fail-on value.", "anyOf": [words(&allowed), reference_word()] },
    })
}

/// The words `--fail-on` takes, besides framework references.
fn fail_on_words() -> Vec<&'static str> {
    crate::gate::FailCondition::words()
}

/// What the coverage view says of an id.
pub fn coverage_status(_: &mut SchemaGenerator) -> Schema {
    words(&["fired", "no-finding", "not-assessed"])
}
