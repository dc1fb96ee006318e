//! A list the report holds in one of two ways: read from a stored report,
//! a list of the report's own items; made from the assessment, a list
//! shared with the assessment and written out only as it is serialized,
//! so that a report of thousands of pilots copies none of it. Evidence
//! (`evidence.rs`) and framework references (`references.rs`) are held so.

use schemars::JsonSchema;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

#[derive(Debug, Clone)]
pub enum Listed<T, Shared> {
    /// As a stored report lists it.
    Read(Vec<T>),
    /// The assessment's own, shared with it.
    Assessed(Shared),
}

/// A list shared with the assessment, written as a list of `T`.
pub trait WrittenAs<T> {
    /// How many items it holds.
    fn count(&self) -> usize;
    /// Each item as the report writes it.
    fn items(&self) -> Vec<T>;
    /// The list written as the report writes it.
    fn write<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error>;
}

impl<T: Clone, Shared: WrittenAs<T>> Listed<T, Shared> {
    /// Each item as the report writes it.
    pub fn to_vec(&self) -> Vec<T> {
        match self {
            Listed::Read(list) => list.clone(),
            Listed::Assessed(list) => list.items(),
        }
    }

    pub fn len(&self) -> usize {
        match self {
            Listed::Read(list) => list.len(),
            Listed::Assessed(list) => list.count(),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

impl<T, Shared> Default for Listed<T, Shared> {
    fn default() -> Listed<T, Shared> {
        Listed::Read(Vec::new())
    }
}

/// Equal when they write the same report, however each is held.
impl<T: Clone + PartialEq, Shared: WrittenAs<T>> PartialEq for Listed<T, Shared> {
    fn eq(&self, other: &Listed<T, Shared>) -> bool {
        match (self, other) {
            (Listed::Read(a), Listed::Read(b)) => a == b,
            _ => self.to_vec() == other.to_vec(),
        }
    }
}

impl<T: Serialize, Shared: WrittenAs<T>> Serialize for Listed<T, Shared> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Listed::Read(list) => list.serialize(serializer),
            Listed::Assessed(list) => list.write(serializer),
        }
    }
}

impl<'de, T: Deserialize<'de>, Shared> Deserialize<'de> for Listed<T, Shared> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Listed<T, Shared>, D::Error> {
        Vec::deserialize(deserializer).map(Listed::Read)
    }
}

/// Described as the list it is written as.
impl<T: JsonSchema, Shared> JsonSchema for Listed<T, Shared> {
    fn inline_schema() -> bool {
        <Vec<T>>::inline_schema()
    }

    fn schema_name() -> std::borrow::Cow<'static, str> {
        <Vec<T>>::schema_name()
    }

    fn schema_id() -> std::borrow::Cow<'static, str> {
        <Vec<T>>::schema_id()
    }

    fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        <Vec<T>>::json_schema(generator)
    }
}
