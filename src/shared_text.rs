//! Text that many reports quote: the rubric's words, a finding's message
//! that its recommendation repeats. One copy is shared by every assessment
//! that quotes it. (Each text once kept its JSON form, made on first use:
//! `serde_json` escaped text a byte at a time through its writer. The
//! tool's own writer, `render::json_writer`, copies text with nothing to
//! escape whole, as fast as it copied the kept form.)

use serde::{Serialize, Serializer};
use std::fmt;
use std::sync::Arc;

/// Shared, immutable text; reads as a `str`.
#[derive(Clone)]
pub struct SharedText(Repr);

#[derive(Clone)]
enum Repr {
    /// The compiled rubric's words, held by the binary: nothing to
    /// allocate at start, and copying one is copying two words, with no
    /// count for the threads of a portfolio to contend over.
    Static(&'static str),
    /// Text made at run time (a rubric read from a file, a message).
    Shared(Arc<str>),
}

impl SharedText {
    /// Text the binary holds, shared without a copy or a count.
    pub const fn from_static(text: &'static str) -> SharedText {
        SharedText(Repr::Static(text))
    }
}

impl std::ops::Deref for SharedText {
    type Target = str;
    fn deref(&self) -> &str {
        match &self.0 {
            Repr::Static(text) => text,
            Repr::Shared(text) => text,
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
        SharedText(Repr::Shared(text.into()))
    }
}

impl Default for SharedText {
    fn default() -> SharedText {
        SharedText::from_static("")
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

/// Serialized as the text it is.
impl Serialize for SharedText {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self)
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
