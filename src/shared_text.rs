//! Text that many reports quote: the rubric's words, a finding's message
//! that its recommendation repeats. One copy is shared by every assessment
//! that quotes it, and its JSON form (quoted and escaped) is made once, the
//! first time a report needs it, and then copied: escaping the same rubric
//! words again for each of ten thousand organizations was the largest single
//! cost of a portfolio's JSON.

use crate::json_forms;
use serde::{Serialize, Serializer};
use serde_json::value::RawValue;
use std::fmt;
use std::sync::{Arc, OnceLock};

/// Shared, immutable text; reads as a `str`.
#[derive(Clone)]
pub struct SharedText(Repr);

#[derive(Clone)]
enum Repr {
    /// The compiled rubric's words, held by the binary: nothing to
    /// allocate at start, and copying one is copying three words, with no
    /// count for the threads of a portfolio to contend over.
    Static {
        text: &'static str,
        json: &'static StaticJson,
    },
    /// Text made at run time (a rubric read from a file, a message).
    Shared(Arc<Inner>),
}

/// Where the JSON form of a text the binary holds is kept, made on first
/// use and kept for the run (`json_forms`). It
/// holds no pointer to its text, so that a `static` of it is zeros: the
/// program's loader writes nothing into it at start and no page of it is
/// touched until a report is written as JSON. (With the text's address in
/// each, the loader wrote 1,555 addresses into 15 pages at every start, a
/// page fault each, for a run that may write no JSON at all.)
#[derive(Debug)]
pub struct StaticJson(OnceLock<Option<&'static RawValue>>);

impl StaticJson {
    pub const fn new() -> StaticJson {
        StaticJson(OnceLock::new())
    }
}

impl Default for StaticJson {
    fn default() -> StaticJson {
        StaticJson::new()
    }
}

struct Inner {
    text: Box<str>,
    /// The text as a JSON string, quotes and escapes included (`None` only
    /// if `serde_json` could not write it, which a string never fails).
    json: OnceLock<Option<Box<RawValue>>>,
}

impl SharedText {
    /// Text the binary holds, shared without a copy or a count, with the
    /// `static` its JSON form is kept in.
    pub const fn from_static(text: &'static str, json: &'static StaticJson) -> SharedText {
        SharedText(Repr::Static { text, json })
    }

    /// The text as a JSON string, made on first use.
    fn json(&self) -> Option<&RawValue> {
        let made = |text: &str| serde_json::value::to_raw_value(text).ok();
        match &self.0 {
            Repr::Static { text, json } => *json.0.get_or_init(|| made(text).map(json_forms::keep)),
            Repr::Shared(inner) => inner.json.get_or_init(|| made(&inner.text)).as_deref(),
        }
    }
}

impl std::ops::Deref for SharedText {
    type Target = str;
    fn deref(&self) -> &str {
        match &self.0 {
            Repr::Static { text, .. } => text,
            Repr::Shared(inner) => &inner.text,
        }
    }
}

impl AsRef<str> for SharedText {
    fn as_ref(&self) -> &str {
        self
    }
}

impl std::borrow::Borrow<str> for SharedText {
    fn borrow(&self) -> &str {
        self
    }
}

impl From<&str> for SharedText {
    fn from(text: &str) -> SharedText {
        SharedText::from(Box::<str>::from(text))
    }
}

impl From<String> for SharedText {
    fn from(text: String) -> SharedText {
        SharedText::from(text.into_boxed_str())
    }
}

impl From<Box<str>> for SharedText {
    fn from(text: Box<str>) -> SharedText {
        SharedText(Repr::Shared(Arc::new(Inner {
            text,
            json: OnceLock::new(),
        })))
    }
}

impl Default for SharedText {
    fn default() -> SharedText {
        static EMPTY: StaticJson = StaticJson::new();
        SharedText::from_static("", &EMPTY)
    }
}

impl PartialEq for SharedText {
    fn eq(&self, other: &SharedText) -> bool {
        **self == **other
    }
}

impl Eq for SharedText {}

impl PartialEq<str> for SharedText {
    fn eq(&self, other: &str) -> bool {
        &**self == other
    }
}

impl PartialEq<&str> for SharedText {
    fn eq(&self, other: &&str) -> bool {
        &**self == *other
    }
}

impl PartialOrd for SharedText {
    fn partial_cmp(&self, other: &SharedText) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for SharedText {
    fn cmp(&self, other: &SharedText) -> std::cmp::Ordering {
        (**self).cmp(&**other)
    }
}

impl std::hash::Hash for SharedText {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        (**self).hash(state);
    }
}

impl fmt::Debug for SharedText {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&**self, f)
    }
}

impl fmt::Display for SharedText {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self)
    }
}

/// Serialized as its JSON form made once. Reports are only ever serialized
/// as JSON, by writers that copy such a raw value as it is (the tool's own,
/// `render::json_writer`, and `serde_json`'s), and `serde_json`'s `to_value`
/// reads it back as a string.
impl Serialize for SharedText {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self.json() {
            Some(json) => json.serialize(serializer),
            None => serializer.serialize_str(self),
        }
    }
}

/// Read back from a stored report as the text it is.
impl<'de> serde::Deserialize<'de> for SharedText {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        String::deserialize(deserializer).map(SharedText::from)
    }
}

impl schemars::JsonSchema for SharedText {
    fn inline_schema() -> bool {
        true
    }

    fn schema_name() -> std::borrow::Cow<'static, str> {
        "String".into()
    }

    fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        String::json_schema(generator)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn its_json_is_the_escaped_text_however_it_is_written() {
        let text = SharedText::from("a \"quoted\" word\nand a tab\t");
        assert_eq!(
            serde_json::to_string(&text).expect("json"),
            r#""a \"quoted\" word\nand a tab\t""#
        );
        assert_eq!(
            serde_json::to_string_pretty(&vec![text.clone()]).expect("json"),
            "[\n  \"a \\\"quoted\\\" word\\nand a tab\\t\"\n]"
        );
        assert_eq!(
            serde_json::to_value(&text).expect("value"),
            serde_json::Value::String((*text).to_owned())
        );
        assert_eq!(&*text, "a \"quoted\" word\nand a tab\t");
    }
}
