//! A stored report checked against the report's own JSON Schema where serde
//! is lenient: serde reads a struct from a list, by position, so a report
//! whose `scores` were written as `[80.9, 26.8, ...]` read as if they were
//! an object; and a type says nothing of range, so a share of answers of
//! 1e300 or a negative head count read as any other number. Keys the schema
//! does not know are left alone: a later tool's report still compares.

use serde_json::{Map, Value};

/// Each place in `report` where a list stands for an object, or a number
/// lies outside the range the schema gives: its JSON path and why. `defs`
/// is the schema's `$defs`; the report is checked against `assessment`.
pub(super) fn problems(report: &Value, defs: &Map<String, Value>) -> Vec<(String, String)> {
    let mut found = Vec::new();
    if let Some(schema) = defs.get("assessment") {
        walk(report, schema, defs, &mut String::new(), &mut found);
    }
    found
}

fn walk(
    value: &Value,
    schema: &Value,
    defs: &Map<String, Value>,
    path: &mut String,
    found: &mut Vec<(String, String)>,
) {
    let Some(schema) = resolved(schema, defs) else {
        return;
    };
    // `Option`s and enums of shapes: the branch of the value's own type.
    for choice in ["anyOf", "oneOf"] {
        if let Some(branches) = schema.get(choice).and_then(Value::as_array) {
            let resolved_branches: Vec<&Value> =
                branches.iter().filter_map(|b| resolved(b, defs)).collect();
            match resolved_branches.iter().find(|b| allows(b, value)) {
                Some(branch) => walk(value, branch, defs, path, found),
                // An optional object written as a list fits no branch, and
                // serde would read it by position all the same.
                None if value.is_array()
                    && resolved_branches
                        .iter()
                        .any(|b| types(b).contains(&"object")) =>
                {
                    found.push((
                        shown(path),
                        "invalid type: a list, expected an object".to_owned(),
                    ));
                }
                None => {}
            }
            return;
        }
    }
    if !allows(schema, value) {
        if value.is_array() && types(schema).contains(&"object") {
            found.push((
                shown(path),
                "invalid type: a list, expected an object".to_owned(),
            ));
        }
        // Any other wrong type is serde's to say, with its words.
        return;
    }
    match value {
        Value::Object(fields) => {
            let properties = schema.get("properties").and_then(Value::as_object);
            let others = schema.get("additionalProperties").filter(|s| s.is_object());
            for (key, field) in fields {
                let Some(field_schema) = properties.and_then(|p| p.get(key)).or(others) else {
                    continue;
                };
                let at = path.len();
                if !path.is_empty() {
                    path.push('.');
                }
                path.push_str(key);
                walk(field, field_schema, defs, path, found);
                path.truncate(at);
            }
        }
        Value::Array(items) => {
            let by_position = schema.get("prefixItems").and_then(Value::as_array);
            let every = schema.get("items").filter(|s| s.is_object());
            for (i, item) in items.iter().enumerate() {
                let Some(item_schema) = by_position.and_then(|p| p.get(i)).or(every) else {
                    continue;
                };
                let at = path.len();
                path.push('[');
                path.push_str(itoa::Buffer::new().format(i));
                path.push(']');
                walk(item, item_schema, defs, path, found);
                path.truncate(at);
            }
        }
        Value::Number(n) => {
            if let Some(why) = n
                .as_f64()
                .and_then(|x| out_of_range(x, &n.to_string(), schema))
            {
                found.push((shown(path), why));
            }
        }
        _ => {}
    }
}

/// The schema `$ref` points to, followed through `$defs`; the schema itself
/// when it is no reference.
fn resolved<'s>(schema: &'s Value, defs: &'s Map<String, Value>) -> Option<&'s Value> {
    match schema.get("$ref").and_then(Value::as_str) {
        Some(reference) => defs.get(reference.strip_prefix("#/$defs/")?),
        None => Some(schema),
    }
}

/// The JSON types a schema names (none when it names none).
fn types(schema: &Value) -> Vec<&str> {
    match schema.get("type") {
        Some(Value::String(one)) => vec![one.as_str()],
        Some(Value::Array(many)) => many.iter().filter_map(Value::as_str).collect(),
        _ => Vec::new(),
    }
}

/// Whether the schema's type allows the value's; a schema naming no type
/// (an enum of words, a reference) allows any.
fn allows(schema: &Value, value: &Value) -> bool {
    let named = types(schema);
    if named.is_empty() {
        return true;
    }
    let kind = match value {
        Value::Null => "null",
        Value::Bool(_) => "boolean",
        Value::Number(n) if n.is_i64() || n.is_u64() => "integer",
        Value::Number(_) => "number",
        Value::String(_) => "string",
        Value::Array(_) => "array",
        Value::Object(_) => "object",
    };
    named.contains(&kind) || (kind == "integer" && named.contains(&"number"))
}

/// Why `x`, written `written`, lies outside the schema's range, if it does.
fn out_of_range(x: f64, written: &str, schema: &Value) -> Option<String> {
    let bound = |key: &str| schema.get(key).and_then(Value::as_f64);
    let (min, max) = (bound("minimum"), bound("maximum"));
    let range = match (min, max) {
        (Some(min), Some(max)) => format!("from {min} to {max}"),
        (Some(min), None) => format!("{min} or more"),
        (None, Some(max)) => format!("{max} or less"),
        (None, None) => return None,
    };
    let outside = min.is_some_and(|min| x < min) || max.is_some_and(|max| x > max);
    outside.then(|| format!("{written} is out of range; a report holds a number {range} here"))
}

/// A path as messages show it: the report itself is `.`.
fn shown(path: &str) -> String {
    if path.is_empty() {
        ".".to_owned()
    } else {
        path.to_owned()
    }
}
