//! A finding's, a dimension's or a recommendation's framework references
//! as the report holds them: read from a stored report, a list of
//! [`Reference`]; from the assessment, the rubric's own shared list, whose
//! JSON is made once for the whole run and then copied. In a portfolio's
//! JSON the references are two fifths of every organization's report and
//! the same for each.

use super::Reference;
use crate::frameworks;
use schemars::JsonSchema;
use serde::ser::SerializeSeq;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

#[derive(Debug, Clone)]
pub enum ReferenceList {
    /// As a stored report lists it.
    Read(Vec<Reference>),
    /// The rubric's own, shared with it.
    Assessed(frameworks::References),
}

impl ReferenceList {
    /// Each reference as the report writes it.
    pub fn to_vec(&self) -> Vec<Reference> {
        match self {
            ReferenceList::Read(list) => list.clone(),
            ReferenceList::Assessed(list) => written(list),
        }
    }

    pub fn len(&self) -> usize {
        match self {
            ReferenceList::Read(list) => list.len(),
            ReferenceList::Assessed(list) => list.len(),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// The rubric's references as the report writes each.
fn written(list: &[frameworks::Reference]) -> Vec<Reference> {
    list.iter()
        .map(|r| Reference {
            framework: r.framework.clone(),
            id: r.id.clone(),
            title: r.title.clone(),
        })
        .collect()
}

impl Default for ReferenceList {
    fn default() -> ReferenceList {
        ReferenceList::Read(Vec::new())
    }
}

/// Equal when they write the same report, however each is held.
impl PartialEq for ReferenceList {
    fn eq(&self, other: &ReferenceList) -> bool {
        match (self, other) {
            (ReferenceList::Read(a), ReferenceList::Read(b)) => a == b,
            // The rubric's references hold more than the report writes.
            _ => self.to_vec() == other.to_vec(),
        }
    }
}

/// The rubric's list as its JSON made once (compact; the pretty printer
/// lays it out where it stands, `render::pretty`), else written out.
impl Serialize for ReferenceList {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            ReferenceList::Read(list) => list.serialize(serializer),
            // Nothing to make once.
            ReferenceList::Assessed(list) if list.is_empty() => {
                serializer.serialize_seq(Some(0))?.end()
            }
            ReferenceList::Assessed(list) => {
                match list.json(|l| serde_json::value::to_raw_value(&written(l)).ok()) {
                    Some(json) => json.serialize(serializer),
                    None => written(list).serialize(serializer),
                }
            }
        }
    }
}

impl<'de> Deserialize<'de> for ReferenceList {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<ReferenceList, D::Error> {
        Vec::deserialize(deserializer).map(ReferenceList::Read)
    }
}

/// Described as the list of references it is written as.
impl JsonSchema for ReferenceList {
    fn inline_schema() -> bool {
        <Vec<Reference>>::inline_schema()
    }

    fn schema_name() -> std::borrow::Cow<'static, str> {
        <Vec<Reference>>::schema_name()
    }

    fn schema_id() -> std::borrow::Cow<'static, str> {
        <Vec<Reference>>::schema_id()
    }

    fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        <Vec<Reference>>::json_schema(generator)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shared() -> frameworks::References {
        let reference = |id: &str, title: &str| frameworks::Reference {
            framework: "nist-ai-rmf".into(),
            short: "NIST".into(),
            id: id.into(),
            title: title.into(),
            high_risk: false,
        };
        frameworks::References::from([
            reference("MEASURE 2.4", "Monitored \"when in production\"."),
            reference("MANAGE 4.1", "Plans are implemented."),
        ])
    }

    #[test]
    fn the_rubrics_list_is_written_as_the_listed_one_would_be() {
        let shared = ReferenceList::Assessed(shared());
        let listed = ReferenceList::Read(shared.to_vec());
        // Twice: the second time from the JSON made the first.
        for _ in 0..2 {
            assert_eq!(
                serde_json::to_string(&shared).expect("json"),
                serde_json::to_string(&listed).expect("json")
            );
        }
        let mut pretty = Vec::new();
        crate::render::pretty::to_writer(&mut pretty, &[&shared, &shared]).expect("json");
        assert_eq!(
            String::from_utf8(pretty).expect("utf-8"),
            serde_json::to_string_pretty(&[&listed, &listed]).expect("json")
        );
        assert_eq!(shared, listed);
        assert_ne!(shared, ReferenceList::default());
        let empty = ReferenceList::Assessed(frameworks::References::default());
        assert_eq!(serde_json::to_string(&empty).expect("json"), "[]");
    }

    #[test]
    fn a_stored_list_reads_back_as_listed() {
        let shared = ReferenceList::Assessed(shared());
        let json = serde_json::to_string(&shared).expect("json");
        let read: ReferenceList = serde_json::from_str(&json).expect("read");
        assert!(matches!(&read, ReferenceList::Read(list) if list.len() == 2));
        assert_eq!(read, shared);
    }
}
