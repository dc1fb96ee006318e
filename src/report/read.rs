//! A stored JSON report read back with the strictness a questionnaire gets:
//! valid JSON, a `format_version` this tool reads, every field of the
//! format present and of its type ([`super::v1`]), closed words among their
//! words, the numbers a comparison reads in range, and every text and key,
//! wherever it is, one line with no control, bidi or invisible character.
//! Each problem names the JSON path and the reason.

use super::Report;
use crate::date::Date;
use crate::diagnostic::{self, Diagnostic, Position};
use crate::vocabulary::{PurgatoryStatus, Word};
use serde_json::Value;

/// The format versions this tool reads.
pub const SUPPORTED: u64 = 1;

/// `text` as a report, or every problem found.
pub fn parse(text: &str) -> Result<Report, Vec<Diagnostic>> {
    // serde would read a struct from a list too; a report is an object.
    if !text.trim_start().starts_with('{') {
        let what = if text.trim().is_empty() {
            "is empty"
        } else {
            "not a JSON object"
        };
        return Err(vec![Diagnostic::whole_file(format!(
            "{what}: a report written by `readiness assess --format json` is one object, {{ ... }}"
        ))]);
    }
    // Read first as plain JSON, whatever the shape: the version decides
    // the rest, and every text is checked where it is, known field or not.
    let whole: Value = serde_json::from_str(text).map_err(|e| vec![json_error(&e, None)])?;
    match whole.get("format_version") {
        None => {
            return Err(vec![Diagnostic::whole_file(
                "format_version: missing; a report written by `readiness assess --format json` has format_version 1",
            )])
        }
        Some(Value::Number(n)) if n.as_u64() == Some(SUPPORTED) => {}
        // A whole number past 2^64, read as a float: no digits of it shown.
        Some(Value::Number(n)) if n.as_f64().is_some_and(|x| x.abs() >= 1.8e19) => {
            return Err(vec![Diagnostic::whole_file(format!(
                "format_version: a number too large to hold is not a format this version of readiness reads; it reads format {SUPPORTED}"
            ))])
        }
        Some(other) => {
            let mut shown = other.to_string();
            if shown.len() > 40 {
                shown = format!("{}…", shown.chars().take(40).collect::<String>());
            }
            return Err(vec![Diagnostic::whole_file(format!(
                "format_version: {} is not a format this version of readiness reads; it reads format {SUPPORTED}",
                diagnostic::escaped(&shown)
            ))]);
        }
    }
    if let Some(list) = whole.get("assessments").and_then(Value::as_array) {
        return Err(vec![Diagnostic::whole_file(format!(
            "assessments: this is a portfolio of {} reports; compare one organization's report (`readiness assess FILE --format json`)",
            list.len()
        ))]);
    }
    // The tool's other JSON documents, by the keys only they have.
    let other = [
        ("before", "a comparison, as `readiness diff` writes it"),
        ("versions", "a history, as `readiness history` writes it"),
        ("histories", "a history, as `readiness history` writes it"),
        (
            "note",
            "a framework document, as `readiness frameworks` writes it",
        ),
    ];
    if let Some((key, what)) = other.iter().find(|(key, _)| whole.get(key).is_some()) {
        return Err(vec![Diagnostic::whole_file(format!(
            "{key}: this is {what}; compare one organization's report (`readiness assess FILE --format json`)"
        ))]);
    }
    let mut hidden = Vec::new();
    hidden_texts(&whole, &mut String::new(), &mut hidden);
    if !hidden.is_empty() {
        return Err(hidden);
    }
    // Where serde is lenient: an object written as a list, a number out of
    // its range.
    let shape: Vec<Diagnostic> = super::shape::problems(&whole, schema_defs())
        .into_iter()
        .map(|(path, why)| Diagnostic::whole_file(format!("{path}: {why}")))
        .collect();
    if !shape.is_empty() {
        return Err(shape);
    }
    let mut deserializer = serde_json::Deserializer::from_str(text);
    // The text is valid JSON (the probe read it whole): what fails now is
    // the shape, at a path.
    let report: Report = serde_path_to_error::deserialize(&mut deserializer).map_err(|e| {
        let path = e.path().to_string();
        vec![json_error(e.inner(), Some(&path))]
    })?;
    let mut problems = check(&report);
    problems.extend(contradictions(&report));
    if problems.is_empty() {
        Ok(report)
    } else {
        Err(problems)
    }
}

/// The report schema's `$defs`, made once: a portfolio compared with its
/// baselines reads a report for every organization.
fn schema_defs() -> &'static serde_json::Map<String, Value> {
    static DEFS: std::sync::OnceLock<serde_json::Map<String, Value>> = std::sync::OnceLock::new();
    DEFS.get_or_init(|| {
        let schema = crate::report::v1::root::report_schema();
        schema
            .as_value()
            .get("$defs")
            .and_then(Value::as_object)
            .cloned()
            .unwrap_or_default()
    })
}

/// `serde_json`'s error as a diagnostic at its line and column, with the
/// JSON path where known. Its text is escaped: it may quote the report.
fn json_error(e: &serde_json::Error, path: Option<&str>) -> Diagnostic {
    // serde_json's message, less its own " at line L column C".
    let message = e.to_string();
    let message = message
        .rsplit_once(" at line ")
        .map_or(message.as_str(), |(m, _)| m);
    let message = diagnostic::escaped(message);
    let syntax = matches!(
        e.classify(),
        serde_json::error::Category::Syntax | serde_json::error::Category::Eof
    );
    let text = match path {
        None if syntax => format!("not valid JSON: {message}"),
        Some(path) if path != "." => format!("{path}: {}", plain(&message)),
        _ => format!("not a report of one organization: {}", plain(&message)),
    };
    let line = u32::try_from(e.line()).unwrap_or(u32::MAX);
    if line == 0 {
        return Diagnostic::whole_file(text);
    }
    let at = Position {
        line,
        column: u32::try_from(e.column()).unwrap_or(u32::MAX).max(1),
    };
    Diagnostic::at(at, text)
}

/// serde's words for a shape, without the names of Rust types.
fn plain(message: &str) -> String {
    if message == "trailing characters" {
        return "holds more values than it may (a range is [low, high])".to_owned();
    }
    // serde_json reads a whole number past 2^64 as a float, and names it
    // so ("floating point `1e23`"): the number was whole, only too large.
    if let Some(rest) = message.strip_prefix("invalid type: floating point `") {
        let (number, expected) = rest.split_once("`, ").unwrap_or((rest, ""));
        let too_large = number.parse::<f64>().is_ok_and(|x| x.abs() >= 1.8e19);
        let whole = expected.starts_with("expected u") || expected.starts_with("expected i");
        if too_large && whole {
            return plain(&format!("the number is too large to hold; {expected}"));
        }
    }
    let mut text = message.to_owned();
    if let Some(at) = text.find("expected struct ") {
        text.replace_range(at.., "expected an object");
    }
    // Every number type serde may name, the longest first (`u128` before `u8`).
    for (rust, words) in [
        ("expected f64", "expected a number"),
        ("expected f32", "expected a number"),
        ("expected usize", "expected a whole number, 0 or more"),
        ("expected isize", "expected a whole number"),
        ("expected u128", "expected a whole number, 0 or more"),
        ("expected i128", "expected a whole number"),
        ("expected u64", "expected a whole number, 0 or more"),
        ("expected i64", "expected a whole number"),
        ("expected u32", "expected a whole number, 0 or more"),
        ("expected i32", "expected a whole number"),
        ("expected u16", "expected a whole number, 0 or more"),
        ("expected i16", "expected a whole number"),
        ("expected u8", "expected a whole number, 0 or more"),
        ("expected i8", "expected a whole number"),
        (
            "expected an array of length 2",
            "expected [low, high], two numbers",
        ),
        ("expected a sequence", "expected a list"),
        ("invalid type: map", "invalid type: an object"),
        ("invalid type: sequence", "invalid type: a list"),
        ("invalid length", "wrong number of values:"),
    ] {
        text = text.replace(rust, words);
    }
    text
}

/// Every text of `value` that holds a control, bidi or invisible
/// character, at its JSON path (`findings[0].title`); `path` is where
/// `value` is.
fn hidden_texts(value: &Value, path: &mut String, problems: &mut Vec<Diagnostic>) {
    let at = path.len();
    match value {
        Value::String(text) => {
            if let Some(why) = text_problem(text) {
                problems.push(Diagnostic::whole_file(format!("{path}: {why}")));
            }
        }
        Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                path.push('[');
                path.push_str(&i.to_string());
                path.push(']');
                hidden_texts(item, path, problems);
                path.truncate(at);
            }
        }
        Value::Object(fields) => {
            for (key, field) in fields {
                if !path.is_empty() {
                    path.push('.');
                }
                path.push_str(&shown_key(key));
                if let Some(why) = text_problem(key) {
                    problems.push(Diagnostic::whole_file(format!(
                        "{path}: the key {}",
                        why.replace("a text of a report", "a key of a report")
                    )));
                }
                hidden_texts(field, path, problems);
                path.truncate(at);
            }
        }
        Value::Null | Value::Bool(_) | Value::Number(_) => {}
    }
}

/// A key as a JSON path shows it: every control, bidi or invisible
/// character written as its code point, so the path itself is safe to print.
fn shown_key(key: &str) -> String {
    key.chars()
        .map(|c| {
            if diagnostic::is_hidden(c) || c.is_control() {
                format!("\\u{{{:04X}}}", u32::from(c))
            } else {
                c.to_string()
            }
        })
        .collect()
}

/// What types cannot say: ranges of the numbers a comparison reads, dates,
/// names that must be there and be unique.
fn check(r: &Report) -> Vec<Diagnostic> {
    let mut problems = Vec::new();
    let mut text = |path: &str, value: &str| {
        if value.trim().is_empty() {
            problems.push(Diagnostic::whole_file(format!("{path}: is empty")));
        }
    };
    text("organization.name", &r.organization.name);
    text("organization.assessed", &r.organization.assessed);
    text("rubric.id", &r.rubric.id);
    text("rubric.version", &r.rubric.version);
    for (i, f) in r.findings.iter().enumerate() {
        text(&format!("findings[{i}].title"), &f.title);
        text(&format!("findings[{i}].message"), &f.message);
    }
    for (i, d) in r.dimensions.iter().enumerate() {
        text(&format!("dimensions[{i}].id"), &d.id);
        text(&format!("dimensions[{i}].name"), &d.name);
        for (j, c) in d.criteria.iter().enumerate() {
            text(&format!("dimensions[{i}].criteria[{j}].id"), &c.id);
        }
    }
    for (i, p) in r.pilots.iter().enumerate() {
        text(&format!("pilots[{i}].name"), &p.name);
    }
    let assessed = &r.organization.assessed;
    if !assessed.trim().is_empty() && Date::parse(assessed).is_none() {
        problems.push(Diagnostic::whole_file(format!(
            "organization.assessed: {:?} is not a date written YYYY-MM-DD",
            diagnostic::escaped(&r.organization.assessed)
        )));
    }
    let mut number = |path: &str, value: Option<f64>| {
        if let Some(v) = value.filter(|v| !(0.0..=100.0).contains(v)) {
            let mut shown = format!("{v}");
            if shown.len() > 24 {
                shown = format!("{v:e}");
            }
            problems.push(Diagnostic::whole_file(format!(
                "{path}: {shown} is out of range; a score or share is from 0 to 100"
            )));
        }
    };
    let s = &r.scores;
    number("scores.strategy", s.strategy);
    number("scores.implementation", s.implementation);
    number("scores.overall", s.overall);
    number("scores.completeness", Some(s.completeness));
    for (name, range) in [
        ("strategy", s.range.strategy),
        ("implementation", s.range.implementation),
        ("overall", s.range.overall),
    ] {
        number(&format!("scores.range.{name}[0]"), Some(range[0]));
        number(&format!("scores.range.{name}[1]"), Some(range[1]));
    }
    number(
        "purgatory.pilot_to_production_pct",
        r.purgatory.pilot_to_production_pct,
    );
    for (i, d) in r.dimensions.iter().enumerate() {
        number(&format!("dimensions[{i}].strategy"), d.strategy);
        number(&format!("dimensions[{i}].implementation"), d.implementation);
        for (j, c) in d.criteria.iter().enumerate() {
            number(
                &format!("dimensions[{i}].criteria[{j}].points"),
                c.points.map(f64::from),
            );
        }
    }
    for (name, range) in [
        ("strategy", s.range.strategy),
        ("implementation", s.range.implementation),
        ("overall", s.range.overall),
    ] {
        if range[0] > range[1] {
            problems.push(Diagnostic::whole_file(format!(
                "scores.range.{name}: its low end {} is above its high end {}",
                range[0], range[1]
            )));
        }
    }
    unique(
        &mut problems,
        "pilots",
        "name",
        r.pilots.iter().map(|p| p.name.as_str()),
    );
    unique(
        &mut problems,
        "dimensions",
        "id",
        r.dimensions.iter().map(|d| &*d.id),
    );
    unique(
        &mut problems,
        "findings",
        "id",
        r.findings.iter().map(|f| f.id.into()),
    );
    problems
}

/// What a report says in two places that cannot both be true: a score
/// outside its own range (a gate reads the range's low end, a comparison
/// the score), a side with answers and no score, an overall score with a
/// side missing or missing with both there, a score written -0.0, and a
/// purgatory status its own counts and signals do not give
/// ([`PurgatoryStatus::of`]). A report written by `assess` never says them; an
/// edited one is refused rather than compared.
fn contradictions(r: &Report) -> Vec<Diagnostic> {
    let mut problems = Vec::new();
    let s = &r.scores;
    let scores = [
        ("strategy", s.strategy, s.range.strategy),
        ("implementation", s.implementation, s.range.implementation),
        ("overall", s.overall, s.range.overall),
    ];
    for (name, score, [low, high]) in scores {
        match score {
            Some(v) if v == 0.0 && v.is_sign_negative() => {
                problems.push(Diagnostic::whole_file(format!(
                    "scores.{name}: is -0.0; a score is from 0 to 100, written without a sign"
                )));
            }
            Some(v) if !(low..=high).contains(&v) => {
                problems.push(Diagnostic::whole_file(format!(
                    "scores.{name}: {} lies outside its own range, scores.range.{name} [{}, {}]",
                    as_json(v),
                    as_json(low),
                    as_json(high)
                )));
            }
            _ => {}
        }
    }
    for (name, score, answered) in [
        ("strategy", s.strategy, s.completeness_by_side.strategy),
        (
            "implementation",
            s.implementation,
            s.completeness_by_side.implementation,
        ),
    ] {
        if score.is_none() && answered > 0.0 {
            problems.push(Diagnostic::whole_file(format!(
                "scores.{name}: is null, yet completeness_by_side.{name} says {}% of that side is answered",
                as_json(answered)
            )));
        }
    }
    let both = s.strategy.is_some() && s.implementation.is_some();
    if s.overall.is_some() != both {
        problems.push(Diagnostic::whole_file(if both {
            "scores.overall: is null, yet both sides have a score".to_owned()
        } else {
            "scores.overall: has a value, yet a side has no score".to_owned()
        }));
    }
    let p = &r.purgatory;
    let status = PurgatoryStatus::of(p.lingering, p.live, &p.signals);
    if p.status != status {
        problems.push(Diagnostic::whole_file(format!(
            "purgatory.status: is {}, yet its counts ({} lingering, {} live) and signals make it {}",
            p.status.word(),
            p.lingering,
            p.live,
            status.word()
        )));
    }
    problems
}

/// A number as JSON writes it (`99.0`, not `99`).
fn as_json(v: f64) -> String {
    serde_json::Value::from(v).to_string()
}

/// A name that appears twice in one list: the comparison matches by it.
fn unique<'a>(
    problems: &mut Vec<Diagnostic>,
    list: &str,
    key: &str,
    names: impl Iterator<Item = &'a str>,
) {
    let mut seen = rustc_hash::FxHashSet::default();
    for (i, name) in names.enumerate() {
        if !seen.insert(name) {
            problems.push(Diagnostic::whole_file(format!(
                "{list}[{i}].{key}: {} appears earlier in {list}; each is listed once",
                diagnostic::escaped(name)
            )));
        }
    }
}

/// Why a text of a report cannot be shown as it is, if it cannot: the
/// rules a questionnaire's names obey.
fn text_problem(text: &str) -> Option<String> {
    let c = text.chars().find(|&c| diagnostic::refused_in_text(c))?;
    Some(format!(
        "holds U+{:04X}, {}; a text of a report is one line of visible characters",
        u32::from(c),
        if c.is_control() {
            "a control character"
        } else {
            "a character that is invisible or changes the direction of text"
        }
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn problem(text: &str) -> String {
        let problems = parse(text).expect_err("refused");
        problems[0].message.clone()
    }

    #[test]
    fn the_shape_is_said_in_plain_words_never_in_rust_types() {
        assert_eq!(
            problem(""),
            "is empty: a report written by `readiness assess --format json` is one object, { ... }"
        );
        assert_eq!(
            problem("{\"format_version\": 1, \"source\": \"x\", \"organization\": 3}"),
            "organization: invalid type: integer `3`, expected an object"
        );
        assert_eq!(
            problem("{\"format_version\": 3}"),
            "format_version: 3 is not a format this version of readiness reads; it reads format 1"
        );
        assert_eq!(
            problem("{\"format_version\": 1}"),
            "not a report of one organization: missing field `tool`"
        );
        // A whole number past 2^64, read as a float, is said to be too
        // large; a fraction is still a fraction.
        assert_eq!(
            plain("invalid type: floating point `1e23`, expected usize"),
            "the number is too large to hold; expected a whole number, 0 or more"
        );
        assert_eq!(
            plain("invalid type: floating point `1.5`, expected u32"),
            "invalid type: floating point `1.5`, expected a whole number, 0 or more"
        );
        assert_eq!(
            problem("{\"format_version\": 18446744073709551617}"),
            "format_version: a number too large to hold is not a format this version of readiness reads; it reads format 1"
        );
        assert_eq!(
            plain("invalid type: string \"a\", expected f64"),
            "invalid type: string \"a\", expected a number"
        );
        for (rust, words) in [
            ("usize", "a whole number, 0 or more"),
            ("u8", "a whole number, 0 or more"),
            ("u128", "a whole number, 0 or more"),
            ("i64", "a whole number"),
            ("f32", "a number"),
        ] {
            assert_eq!(
                plain(&format!("invalid value: integer `-1`, expected {rust}")),
                format!("invalid value: integer `-1`, expected {words}")
            );
        }
    }
}
