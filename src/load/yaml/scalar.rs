//! Resolves a scalar's text to a value by the YAML 1.2 core schema.
//!
//! Only plain (unquoted) scalars are resolved; quoted and block scalars are
//! always text. The core schema is strict on purpose: `yes`, `on` and `1_000`
//! stay text, so the loader can tell the reader exactly what to write instead.

use super::{clip, Value};
use std::borrow::Cow;

/// What a tag asks of a scalar. Tags outside the core schema are ignored.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Wanted {
    Resolve,
    Text,
    Int,
    Float,
    Bool,
    Null,
}

impl Wanted {
    /// Reads a tag's handle and suffix (`!!int` is `tag:yaml.org,2002:` and `int`).
    pub(super) fn from_tag(handle: &str, suffix: &str) -> Wanted {
        if handle != "tag:yaml.org,2002:" {
            return Wanted::Resolve;
        }
        match suffix {
            "str" => Wanted::Text,
            "int" => Wanted::Int,
            "float" => Wanted::Float,
            "bool" => Wanted::Bool,
            "null" => Wanted::Null,
            _ => Wanted::Resolve,
        }
    }
}

/// The value of one scalar, or why it cannot be one.
/// Takes the parser's text by value, so text stays the string it already is.
pub(super) fn resolve(text: Cow<'_, str>, quoted: bool, wanted: Wanted) -> Result<Value, String> {
    let text_value = |text: Cow<'_, str>| Ok(Value::Text(text.into_owned()));
    let value = match wanted {
        Wanted::Text => return text_value(text),
        Wanted::Resolve if quoted => return text_value(text),
        Wanted::Resolve => match plain(&text) {
            Some(value) => value,
            None => return text_value(text),
        },
        Wanted::Int => int(&text).ok_or_else(|| {
            format!(
                "`{}` is not a whole number, as its tag `!!int` says",
                clip(&text)
            )
        })?,
        Wanted::Float => int(&text)
            .map(|v| match v {
                Value::Int(i) => Value::Float(i as f64),
                other => other,
            })
            .or_else(|| float(&text))
            .ok_or_else(|| {
                format!(
                    "`{}` is not a number, as its tag `!!float` says",
                    clip(&text)
                )
            })?,
        Wanted::Bool => bool(&text).ok_or_else(|| {
            format!(
                "`{}` is not true or false, as its tag `!!bool` says",
                clip(&text)
            )
        })?,
        Wanted::Null => Value::Null,
    };
    match value {
        Value::Float(x) if !x.is_finite() => Err(format!(
            "`{}` is not a finite number; write an ordinary number",
            clip(&text)
        )),
        other => Ok(other),
    }
}

/// A plain scalar's value when it is not text.
/// Whether a plain scalar's text resolves to something other than text:
/// a null, a boolean or a number.
pub(super) fn is_not_text(text: &str) -> bool {
    plain(text).is_some()
}

fn plain(text: &str) -> Option<Value> {
    // Most scalars are words: only these can start a null, a boolean or a number.
    let Some(first) = text.bytes().next() else {
        return Some(Value::Null);
    };
    if !matches!(
        first,
        b'0'..=b'9' | b'+' | b'-' | b'.' | b'~' | b'n' | b'N' | b't' | b'T' | b'f' | b'F'
    ) {
        return None;
    }
    null(text)
        .or_else(|| bool(text))
        .or_else(|| int(text))
        .or_else(|| float(text))
}

fn null(text: &str) -> Option<Value> {
    matches!(text, "" | "~" | "null" | "Null" | "NULL").then_some(Value::Null)
}

fn bool(text: &str) -> Option<Value> {
    match text {
        "true" | "True" | "TRUE" => Some(Value::Bool(true)),
        "false" | "False" | "FALSE" => Some(Value::Bool(false)),
        _ => None,
    }
}

/// `[-+]?[0-9]+`, `0o[0-7]+` or `0x[0-9a-fA-F]+`. A whole number beyond the
/// range of i64 becomes a float, so the loader can still say it is too large.
fn int(text: &str) -> Option<Value> {
    if let Some(octal) = text.strip_prefix("0o") {
        return radix(octal, 8);
    }
    if let Some(hex) = text.strip_prefix("0x") {
        return radix(hex, 16);
    }
    let digits = text.strip_prefix(['-', '+']).unwrap_or(text);
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    Some(match text.parse::<i64>() {
        Ok(i) => Value::Int(i),
        Err(_) => Value::Float(text.parse::<f64>().ok()?),
    })
}

fn radix(digits: &str, base: u32) -> Option<Value> {
    if digits.is_empty() || !digits.chars().all(|c| c.is_digit(base)) {
        return None;
    }
    Some(match i64::from_str_radix(digits, base) {
        Ok(i) => Value::Int(i),
        Err(_) => Value::Float(digits.chars().fold(0.0, |acc, c| {
            acc * f64::from(base) + f64::from(c.to_digit(base).unwrap_or(0))
        })),
    })
}

/// `[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?`, `[-+]?.inf` and `.nan`.
fn float(text: &str) -> Option<Value> {
    let unsigned = text.strip_prefix(['-', '+']).unwrap_or(text);
    if matches!(unsigned, ".inf" | ".Inf" | ".INF") {
        let sign = if text.starts_with('-') { -1.0 } else { 1.0 };
        return Some(Value::Float(sign * f64::INFINITY));
    }
    if matches!(text, ".nan" | ".NaN" | ".NAN") {
        return Some(Value::Float(f64::NAN));
    }
    let (mantissa, exponent) = match unsigned.find(['e', 'E']) {
        Some(at) => (&unsigned[..at], Some(&unsigned[at + 1..])),
        None => (unsigned, None),
    };
    let (whole, fraction) = match mantissa.split_once('.') {
        Some((whole, fraction)) => (whole, Some(fraction)),
        None => (mantissa, None),
    };
    let digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    let mantissa_ok = match fraction {
        Some(fraction) if whole.is_empty() => !fraction.is_empty() && digits(fraction),
        Some(fraction) => digits(whole) && digits(fraction),
        None => !whole.is_empty() && digits(whole),
    };
    let exponent_ok = exponent.is_none_or(|e| {
        let e = e.strip_prefix(['-', '+']).unwrap_or(e);
        !e.is_empty() && digits(e)
    });
    if !(mantissa_ok && exponent_ok) {
        return None;
    }
    text.parse::<f64>().ok().map(Value::Float)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn plain_value(text: &str) -> Value {
        resolve(Cow::Borrowed(text), false, Wanted::Resolve)
            .unwrap_or_else(|e| panic!("{text}: {e}"))
    }

    #[test]
    fn core_schema_plain_scalars() {
        for (text, value) in [
            ("", Value::Null),
            ("~", Value::Null),
            ("NULL", Value::Null),
            ("True", Value::Bool(true)),
            ("false", Value::Bool(false)),
            ("yes", Value::Text("yes".into())),
            ("on", Value::Text("on".into())),
            ("42", Value::Int(42)),
            ("-7", Value::Int(-7)),
            ("+3", Value::Int(3)),
            ("007", Value::Int(7)),
            ("0x1F", Value::Int(31)),
            ("0o17", Value::Int(15)),
            ("1_000", Value::Text("1_000".into())),
            ("1,000", Value::Text("1,000".into())),
            ("1.5", Value::Float(1.5)),
            (".5", Value::Float(0.5)),
            ("3.", Value::Float(3.0)),
            ("1e2", Value::Float(100.0)),
            ("-2.5E-1", Value::Float(-0.25)),
            ("1e", Value::Text("1e".into())),
            (".", Value::Text(".".into())),
            ("-", Value::Text("-".into())),
            ("2026-01-02", Value::Text("2026-01-02".into())),
            ("9223372036854775807", Value::Int(i64::MAX)),
            (
                "9223372036854775808",
                Value::Float(9_223_372_036_854_775_808.0),
            ),
        ] {
            assert_eq!(plain_value(text), value, "{text:?}");
        }
    }

    #[test]
    fn quoted_scalars_stay_text() {
        assert_eq!(
            resolve(Cow::Borrowed("true"), true, Wanted::Resolve),
            Ok(Value::Text("true".into()))
        );
    }

    #[test]
    fn non_finite_numbers_are_refused() {
        for text in [".inf", "-.Inf", "+.INF", ".nan", ".NaN"] {
            let error = resolve(Cow::Borrowed(text), false, Wanted::Resolve).expect_err(text);
            assert!(error.contains("not a finite number"), "{error}");
        }
        assert_eq!(
            plain_value("0x10000000000000000"),
            Value::Float(18_446_744_073_709_551_616.0)
        );
    }

    #[test]
    fn core_tags() {
        assert_eq!(
            resolve(Cow::Borrowed("123"), false, Wanted::Text),
            Ok(Value::Text("123".into()))
        );
        assert_eq!(
            resolve(Cow::Borrowed("2"), false, Wanted::Float),
            Ok(Value::Float(2.0))
        );
        assert_eq!(
            resolve(Cow::Borrowed("1"), true, Wanted::Int),
            Ok(Value::Int(1))
        );
        assert_eq!(
            resolve(Cow::Borrowed("x"), false, Wanted::Null),
            Ok(Value::Null)
        );
        assert!(resolve(Cow::Borrowed("one"), false, Wanted::Int).is_err());
        assert!(resolve(Cow::Borrowed("yes"), false, Wanted::Bool).is_err());
        assert_eq!(Wanted::from_tag("!", "custom"), Wanted::Resolve);
        assert_eq!(Wanted::from_tag("tag:yaml.org,2002:", "str"), Wanted::Text);
    }
}
