//! The evidence a finding or a recommendation rests on, as the report
//! holds it: read from a stored report, a list of [`Evidence`]; from the
//! assessment, the assessment's own shared list, each path and value
//! written out only as it is serialized. A report of ten thousand pilots
//! holds hundreds of thousands of pieces of evidence: copying each into
//! two strings of its own, only to write them out and free them, was a
//! tenth of writing that report and a fifth of its memory.

use super::listed::{Listed, WrittenAs};
use super::Evidence;
use crate::derive::evidence as assessed;
use serde::ser::{SerializeSeq, SerializeStruct};
use serde::{Serialize, Serializer};
use std::sync::Arc;

/// Evidence as the report holds it: read, or the assessment's own list.
pub type EvidenceList = Listed<Evidence, Arc<[assessed::Evidence]>>;

impl WrittenAs<Evidence> for Arc<[assessed::Evidence]> {
    fn count(&self) -> usize {
        self.len()
    }

    fn items(&self) -> Vec<Evidence> {
        self.iter()
            .map(|e| Evidence {
                path: e.path.text(),
                value: e.value.to_string(),
                line: e.line,
            })
            .collect()
    }

    fn write<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut seq = serializer.serialize_seq(Some(self.len()))?;
        for piece in self.iter() {
            seq.serialize_element(&Piece(piece))?;
        }
        seq.end()
    }
}

/// One piece of the assessment's evidence, written as [`Evidence`] is.
struct Piece<'a>(&'a assessed::Evidence);

impl Serialize for Piece<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut fields = serializer.serialize_struct("Evidence", 3)?;
        fields.serialize_field("path", &Path(&self.0.path))?;
        fields.serialize_field("value", &*self.0.value)?;
        fields.serialize_field("line", &self.0.line)?;
        fields.end()
    }
}

/// A path, written out as it is serialized.
struct Path<'a>(&'a assessed::EvidencePath);

impl Serialize for Path<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self.0 {
            assessed::EvidencePath::Fixed(path) => serializer.serialize_str(path),
            assessed::EvidencePath::Written(path) => serializer.serialize_str(path),
            // Written into one string first: through the formatting
            // machinery, each of its pieces would be escaped on its own.
            other => serializer.serialize_str(&other.text()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::questionnaire::format::{pilot, PILOTS};
    use crate::vocabulary::Side;

    fn assessed() -> Arc<[assessed::Evidence]> {
        vec![
            assessed::Evidence::answer(
                assessed::EvidencePath::Item {
                    list: PILOTS,
                    index: 12,
                    key: Some(pilot::MONITORING),
                },
                "none",
                40,
            ),
            assessed::Evidence::answer(
                assessed::EvidencePath::Item {
                    list: PILOTS,
                    index: 3,
                    key: None,
                },
                String::from("churn \"model\", running 630 days"),
                9,
            ),
            assessed::Evidence::score(Side::Strategy, 71.25),
            assessed::Evidence::unanswered("strategy.sponsor"),
            assessed::Evidence::unanswered(assessed::EvidencePath::Written(
                "implementation.pilots[2].owner".to_owned(),
            )),
        ]
        .into()
    }

    #[test]
    fn the_assessments_evidence_is_written_as_the_listed_evidence_would_be() {
        let shared = EvidenceList::Assessed(assessed());
        let listed = EvidenceList::Read(shared.to_vec());
        assert_eq!(
            listed.to_vec()[1],
            Evidence {
                path: "implementation.pilots[3]".to_owned(),
                value: "churn \"model\", running 630 days".to_owned(),
                line: Some(9),
            }
        );
        for write in [serde_json::to_string, serde_json::to_string_pretty] {
            assert_eq!(write(&shared).expect("json"), write(&listed).expect("json"));
        }
        let mut pretty = Vec::new();
        crate::render::pretty::to_writer(&mut pretty, &shared).expect("json");
        assert_eq!(
            String::from_utf8(pretty).expect("utf-8"),
            serde_json::to_string_pretty(&listed).expect("json")
        );
        assert_eq!(shared, listed);
        assert_ne!(shared, EvidenceList::default());
    }

    #[test]
    fn a_stored_list_reads_back_as_listed() {
        let shared = EvidenceList::Assessed(assessed());
        let json = serde_json::to_string(&shared).expect("json");
        let read: EvidenceList = serde_json::from_str(&json).expect("read");
        assert!(matches!(&read, EvidenceList::Read(list) if list.len() == 5));
        assert_eq!(read, shared);
    }
}
