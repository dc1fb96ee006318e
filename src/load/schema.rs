//! The questionnaire's JSON Schema, built from the same format table the
//! loader reads, so the two cannot drift. Editors use it to complete and check
//! a questionnaire while a person types (`# yaml-language-server: $schema=...`).

use crate::load::questionnaire::format::{self, Kind};
use serde_json::{json, Map, Value};

/// The JSON Schema (draft 2020-12) of questionnaire format 1.
pub fn questionnaire_schema() -> Value {
    let mut root = section("");
    if let Some(properties) = root.get_mut("properties").and_then(Value::as_object_mut) {
        properties.insert(
            "version".into(),
            json!({ "description": "The questionnaire format version.", "const": 1 }),
        );
    }
    root["$schema"] = json!("https://json-schema.org/draft/2020-12/schema");
    root["title"] = json!("readiness questionnaire, format 1");
    root["type"] = json!("object");
    root["required"] = json!(["version", "organization"]);
    if let Some(organization) = root.pointer_mut("/properties/organization") {
        organization["type"] = json!("object");
        organization["required"] = json!(["name"]);
    }
    root
}

/// The schema of the mapping at `prefix` ("" for the top).
fn section(prefix: &str) -> Value {
    let mut properties = Map::new();
    for key in format::keys_under(prefix) {
        let path = if prefix.is_empty() {
            key.to_owned()
        } else {
            format!("{prefix}.{key}")
        };
        let schema = if let Some(q) = format::question(&path) {
            leaf(q.kind)
        } else if let Some(list) = format::list(&path) {
            let mut item_properties = Map::new();
            for field in list.fields {
                item_properties.insert(field.key.into(), leaf(field.kind));
            }
            let required: Vec<&str> = list
                .fields
                .iter()
                .filter(|f| f.required)
                .map(|f| f.key)
                .collect();
            json!({
                "type": ["array", "null"],
                "items": {
                    "type": "object",
                    "additionalProperties": false,
                    "required": required,
                    "properties": item_properties,
                }
            })
        } else if path == "version" {
            continue;
        } else {
            section(&path)
        };
        properties.insert(key.to_owned(), schema);
    }
    json!({ "type": ["object", "null"], "additionalProperties": false, "properties": properties })
}

fn leaf(kind: Kind) -> Value {
    match kind {
        Kind::Text => json!({ "type": ["string", "number", "boolean", "null"] }),
        Kind::Name => {
            json!({ "type": ["string", "number", "boolean", "null"], "pattern": "^[^\\n]*$" })
        }
        Kind::Integer { min, max } => {
            bounded("integer", json!(min), (max < i64::MAX).then(|| json!(max)))
        }
        Kind::Number { min, max, .. } => {
            bounded("number", json!(min), max.is_finite().then(|| json!(max)))
        }
        Kind::Flag => json!({ "type": ["boolean", "null"] }),
        Kind::Date => json!({
            "type": ["string", "null"],
            "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$",
            "description": "A calendar date, YYYY-MM-DD."
        }),
        Kind::Choice(words) => {
            let mut choices: Vec<Value> = words.iter().map(|w| json!(w)).collect();
            choices.push(Value::Null);
            json!({ "enum": choices, "description": format!("One of: {}.", words.join(", ")) })
        }
        Kind::AnyOf(words) => json!({
            "type": ["array", "null"],
            "items": { "enum": words },
            "description": format!("Any of: {}.", words.join(", "))
        }),
    }
}

fn bounded(kind: &str, min: Value, max: Option<Value>) -> Value {
    let mut schema = json!({ "type": [kind, "null"] });
    schema["minimum"] = min;
    if let Some(max) = max {
        schema["maximum"] = max;
    }
    schema
}
