//! The questionnaire's JSON Schema, built from the same format table the
//! loader reads, so the two cannot drift. Editors use it to complete and check
//! a questionnaire while a person types (`# yaml-language-server: $schema=...`).

use crate::load::questionnaire::about::{about, poles};
use crate::load::questionnaire::format::{self, Kind};
use serde_json::{json, Map, Value};

/// The JSON Schema (draft 2020-12) of questionnaire format 1.
pub fn questionnaire_schema() -> Value {
    let mut root = section("");
    if let Some(properties) = root.get_mut("properties").and_then(Value::as_object_mut) {
        properties.insert(
            "version".into(),
            json!({ "description": about("version").unwrap_or_default(), "const": 1 }),
        );
    }
    root["$schema"] = json!("https://json-schema.org/draft/2020-12/schema");
    root["title"] = json!("readiness questionnaire, format 1");
    root["description"] = json!(
        "What an organization has done about AI, for readiness assess: its strategy, its implementation, what leadership believes and its operating model. Leave out what you do not know: it is listed as unanswered, never scored."
    );
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
        let mut schema = if let Some(q) = format::question(&path) {
            leaf(q.kind)
        } else if let Some(list) = format::list(&path) {
            let mut item_properties = Map::new();
            for field in list.fields {
                let mut schema = leaf(field.kind);
                // A name the item may leave out (an incident's pilot) may be null.
                if field.kind == Kind::Name && !field.required {
                    schema["type"] = json!(["string", "number", "boolean", "null"]);
                }
                // Required text (a respondent's role) must hold something,
                // as the loader requires.
                if field.kind == Kind::Text && field.required {
                    schema["type"] = json!(["string", "number", "boolean"]);
                    schema["pattern"] = json!("\\S");
                }
                describe(&mut schema, &format!("{path}.{}", field.key));
                item_properties.insert(field.key.into(), schema);
            }
            let required: Vec<&str> = list
                .fields
                .iter()
                .filter(|f| f.required)
                .map(|f| f.key)
                .collect();
            let mut item = json!({
                "type": "object",
                "additionalProperties": false,
                "required": required,
                "properties": item_properties,
            });
            if path == format::PILOTS {
                item["if"] = retired_reason_given();
                item["then"] = json!({ "properties": { "stage": { "const": "retired" } } });
            }
            json!({ "type": ["array", "null"], "items": item })
        } else if path == "version" {
            continue;
        } else {
            section(&path)
        };
        describe(&mut schema, &path);
        properties.insert(key.to_owned(), schema);
    }
    json!({ "type": ["object", "null"], "additionalProperties": false, "properties": properties })
}

/// A pilot with a `retired_reason` (not null): only a retired pilot has one.
fn retired_reason_given() -> Value {
    json!({
        "required": [format::pilot::RETIRED_REASON],
        "properties": { format::pilot::RETIRED_REASON: { "not": { "type": "null" } } }
    })
}

/// Puts what the key asks first in the schema's description, before what
/// the kind allows; a scale adds its two poles.
fn describe(schema: &mut Value, path: &str) {
    let mut text = about(path).unwrap_or_default().to_owned();
    if let Some(poles) = path.strip_prefix("operating_model.").and_then(poles) {
        text = format!("{text} {poles}; 3 is balanced.");
    }
    if let Some(allowed) = schema.get("description").and_then(Value::as_str) {
        text.push(' ');
        text.push_str(allowed);
    }
    schema["description"] = json!(text);
}

/// A calendar date: the pattern refuses days that do not exist (February
/// 30th, April 31st, February 29th outside leap years), as the tool does.
const CALENDAR_DATE: &str = concat!(
    "^(?:[0-9]{4}-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12][0-9]|3[01])",
    "|(?:0[469]|11)-(?:0[1-9]|[12][0-9]|30)",
    "|02-(?:0[1-9]|1[0-9]|2[0-8]))",
    "|(?:[0-9]{2}(?:0[48]|[2468][048]|[13579][26])|(?:[02468][048]|[13579][26])00)-02-29)$"
);

fn leaf(kind: Kind) -> Value {
    match kind {
        Kind::Text => json!({ "type": ["string", "number", "boolean", "null"] }),
        // Required wherever it is used, so never null; a number or a flag
        // is read as its text; a string must hold something on one line.
        Kind::Name => json!({
            "type": ["string", "number", "boolean"],
            "pattern": "^[^\\n]*\\S[^\\n]*$",
            "description": "A name on one line, not blank."
        }),
        Kind::Integer { min, max } => {
            bounded("integer", json!(min), (max < i64::MAX).then(|| json!(max)))
        }
        Kind::Number { min, max, .. } => {
            // Past 2^53 a number is refused (it cannot be held exactly).
            let max = if max.is_finite() {
                json!(max)
            } else {
                json!(1_u64 << 53)
            };
            bounded("number", json!(min), Some(max))
        }
        Kind::Flag => json!({ "type": ["boolean", "null"] }),
        Kind::Date => json!({
            "type": ["string", "null"],
            "format": "date",
            "pattern": CALENDAR_DATE,
            "description": "A calendar date, YYYY-MM-DD."
        }),
        Kind::Choice(words) => {
            let mut choices: Vec<Value> = words.iter().map(|w| json!(w)).collect();
            choices.push(Value::Null);
            json!({ "enum": choices, "description": format!("One of: {}.", words.join(", ")) })
        }
        Kind::Names => json!({
            "type": ["array", "null"],
            "items": {
                "type": ["string", "number"],
                "pattern": "^[^\\n]*\\S[^\\n]*$"
            },
            "description": "A list of names, each on one line."
        }),
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
