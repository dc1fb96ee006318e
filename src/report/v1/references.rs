//! A finding's, a dimension's or a recommendation's framework references
//! as the report holds them: read from a stored report, a list of
//! [`Reference`]; from the assessment, the rubric's own shared list, whose
//! JSON is made once for the whole run and then copied. In a portfolio's
//! JSON the references are two fifths of every organization's report and
//! the same for each.

use super::listed::{Listed, WrittenAs};
use super::Reference;
use crate::frameworks;
use serde::ser::SerializeSeq;
use serde::{Serialize, Serializer};

/// Framework references as the report holds them: read, or the rubric's
/// own list.
pub type ReferenceList = Listed<Reference, frameworks::References>;

/// The rubric's list as its JSON made once (compact; the pretty printer
/// lays it out where it stands, `render::pretty`), else written out.
impl WrittenAs<Reference> for frameworks::References {
    fn count(&self) -> usize {
        self.len()
    }

    /// The rubric's references hold more than the report writes.
    fn items(&self) -> Vec<Reference> {
        self.iter()
            .map(|r| Reference {
                framework: r.framework.clone(),
                id: r.id.clone(),
                title: r.title.clone(),
            })
            .collect()
    }

    fn write<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        if self.is_empty() {
            // Nothing to make once.
            return serializer.serialize_seq(Some(0))?.end();
        }
        match self.json(|_| serde_json::value::to_raw_value(&self.items()).ok()) {
            Some(json) => json.serialize(serializer),
            None => self.items().serialize(serializer),
        }
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
