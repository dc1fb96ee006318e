//! Governance frameworks a rubric maps its findings and dimensions to: NIST
//! AI RMF 1.0, ISO/IEC 42001:2023 and the EU AI Act are built in, with their
//! full lists of ids compiled in from `frameworks/*.tsv`; a rubric may
//! declare others. A reference says "this finding is evidence about that
//! control", never that the control is met.

pub mod built_in;

use crate::shared_text::SharedText;
use serde_json::value::RawValue;
use std::fmt;
use std::sync::{Arc, OnceLock};

/// The sentence every output that shows references carries once.
pub const NOT_A_JUDGEMENT: &str = "A framework reference marks a finding or a dimension as evidence about that control; it is not a judgement that the control is met or failed.";

/// Beside an article of the EU AI Act whose obligations bind high-risk systems only.
pub const HIGH_RISK: &str = "where the system is high-risk under the Act";

/// A framework as a rubric declares it.
#[derive(Debug, Clone, PartialEq)]
pub struct Framework {
    /// Its id in the tool, such as `nist-ai-rmf`.
    pub id: SharedText,
    pub name: SharedText,
    pub version: SharedText,
    /// What compact references start with, such as `NIST`.
    pub short: SharedText,
    /// Every id it has, in its own order.
    pub entries: Vec<Entry>,
}

/// One id of a framework: a subcategory, clause, control or article.
#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    pub id: SharedText,
    pub title: SharedText,
    /// The function, clause or chapter it belongs to, for grouped views.
    pub group: SharedText,
    /// Its obligations apply to high-risk AI systems only (EU AI Act).
    pub high_risk: bool,
}

impl Framework {
    /// The entry with this id, written as the framework writes it or in its
    /// tag form (`MEASURE-2.4`).
    pub fn entry(&self, id: &str) -> Option<&Entry> {
        let wanted = tag_form(id.trim());
        self.entries.iter().find(|e| tag_form(&e.id) == wanted)
    }

    /// Every id, for suggestions.
    pub fn ids(&self) -> Vec<&str> {
        self.entries.iter().map(|e| &*e.id).collect()
    }

    /// Why `id` is not one of its ids, with the nearest one when one is close.
    pub fn unknown(&self, id: &str) -> String {
        let ids = self.ids();
        let id = id.trim();
        // Written by whoever ran the tool: quoted on one line, as given.
        let shown = crate::diagnostic::escaped(id);
        match crate::suggest::closest(id, &ids) {
            Some(near) => format!("{} has no id \"{shown}\"; did you mean \"{near}\"?", self.id),
            None => format!(
                "{} has no id \"{shown}\"; its ids look like \"{}\" (readiness frameworks {} lists them)",
                self.id,
                ids.first().copied().unwrap_or_default(),
                self.id
            ),
        }
    }

    /// Its name and version: `NIST AI Risk Management Framework, version 1.0`.
    pub fn title(&self) -> String {
        format!("{}, version {}", self.name, self.version)
    }

    /// The reference to `entry` of this framework.
    pub fn reference(&self, entry: &Entry) -> Reference {
        Reference {
            framework: self.id.clone(),
            short: self.short.clone(),
            id: entry.id.clone(),
            title: entry.title.clone(),
            high_risk: entry.high_risk,
        }
    }
}

/// An id as a tag or a command-line word writes it: each space a hyphen,
/// so `MEASURE 2.4` is `MEASURE-2.4`.
pub fn tag_form(id: &str) -> String {
    id.split_whitespace().collect::<Vec<_>>().join("-")
}

/// A finding's or a dimension's reference to one id of a framework. The
/// JSON report writes its framework, id and title.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reference {
    pub framework: SharedText,
    /// The framework's short name, for compact lists.
    pub short: SharedText,
    pub id: SharedText,
    pub title: SharedText,
    pub high_risk: bool,
}

impl Reference {
    /// `nist-ai-rmf:MEASURE-2.4`: a code-scanning tag, and what `--fail-on` takes.
    pub fn tag(&self) -> String {
        format!("{}:{}", self.framework, tag_form(&self.id))
    }
}

/// References as every format shows them compactly, one group per
/// framework: `NIST MEASURE 2.4, MANAGE 4.1 · ISO A.6.2.6 · EU AI Act Art. 26
/// (where the system is high-risk under the Act)`. Empty for none.
pub fn compact(references: &[Reference]) -> String {
    let high_risk = |out: &mut String| {
        out.push_str(" (");
        out.push_str(HIGH_RISK);
        out.push(')');
    };
    let mut out = String::new();
    // Each framework in the order its first reference comes, written once.
    for (at, first) in references.iter().enumerate() {
        if references[..at]
            .iter()
            .any(|r| r.framework == first.framework)
        {
            continue;
        }
        let group = || {
            references[at..]
                .iter()
                .filter(|r| r.framework == first.framework)
        };
        let every_high_risk = group().all(|r| r.high_risk);
        if !out.is_empty() {
            out.push_str(" · ");
        }
        out.push_str(&first.short);
        for (i, r) in group().enumerate() {
            out.push_str(if i == 0 { " " } else { ", " });
            out.push_str(&r.id);
            if r.high_risk && !every_high_risk {
                high_risk(&mut out);
            }
        }
        if every_high_risk {
            high_risk(&mut out);
        }
    }
    out
}

/// The references of a rubric's finding or dimension, shared by every
/// assessment that reports it; reads as a slice of [`Reference`].
///
/// Their JSON form is made once, by whichever report writes it first, and
/// then copied: in a portfolio's JSON the references are two fifths of
/// every organization's report, the same for each.
#[derive(Clone)]
pub struct References(Arc<Held>);

/// The list, with its JSON form once made.
struct Held {
    list: Box<[Reference]>,
    json: OnceLock<Option<&'static RawValue>>,
}

impl References {
    /// The list's JSON form, made by `write` the first time it is asked
    /// for (`None` where `write` could not make it), and kept for the rest
    /// of the run (`json_forms`): so it is asked only of lists that last the run, a
    /// rubric's (the default rubric is built once; a rubric file is read
    /// once a command).
    pub fn json(
        &self,
        write: impl FnOnce(&[Reference]) -> Option<Box<RawValue>>,
    ) -> Option<&RawValue> {
        *self
            .0
            .json
            .get_or_init(|| write(&self.0.list).map(crate::json_forms::keep))
    }
}

/// No references: one list, shared by every recommendation that has none,
/// rather than one made for each.
impl Default for References {
    fn default() -> References {
        static EMPTY: OnceLock<References> = OnceLock::new();
        EMPTY.get_or_init(|| References::from(Vec::new())).clone()
    }
}

impl std::ops::Deref for References {
    type Target = [Reference];
    fn deref(&self) -> &[Reference] {
        &self.0.list
    }
}

impl From<Vec<Reference>> for References {
    fn from(list: Vec<Reference>) -> References {
        References(Arc::new(Held {
            list: list.into_boxed_slice(),
            json: OnceLock::new(),
        }))
    }
}

impl<const N: usize> From<[Reference; N]> for References {
    fn from(list: [Reference; N]) -> References {
        References::from(Vec::from(list))
    }
}

impl PartialEq for References {
    fn eq(&self, other: &References) -> bool {
        **self == **other
    }
}

impl Eq for References {}

impl fmt::Debug for References {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_list().entries(self.iter()).finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn reference(framework: &str, short: &str, id: &str, high_risk: bool) -> Reference {
        Reference {
            framework: framework.into(),
            short: short.into(),
            id: id.into(),
            title: "t".into(),
            high_risk,
        }
    }

    #[test]
    fn every_empty_list_is_the_one_shared_list() {
        // Not one list for each recommendation without references: a
        // list's JSON, once made, is kept for the rest of the run.
        let (a, b) = (References::default(), References::default());
        assert!(Arc::ptr_eq(&a.0, &b.0));
        assert!(a.is_empty());
    }

    #[test]
    fn compact_groups_by_framework_and_notes_high_risk_articles() {
        let list = [
            reference("nist-ai-rmf", "NIST", "MEASURE 2.4", false),
            reference("iso-42001", "ISO", "A.6.2.6", false),
            reference("nist-ai-rmf", "NIST", "MANAGE 4.1", false),
            reference("eu-ai-act", "EU AI Act", "Art. 26", true),
        ];
        assert_eq!(
            compact(&list),
            "NIST MEASURE 2.4, MANAGE 4.1 · ISO A.6.2.6 · EU AI Act Art. 26 (where the system is high-risk under the Act)"
        );
        let mixed = [
            reference("eu-ai-act", "EU AI Act", "Art. 4", false),
            reference("eu-ai-act", "EU AI Act", "Art. 14", true),
        ];
        assert_eq!(
            compact(&mixed),
            "EU AI Act Art. 4, Art. 14 (where the system is high-risk under the Act)"
        );
        assert_eq!(compact(&[]), "");
    }

    #[test]
    fn tags_write_spaces_as_hyphens() {
        let r = reference("nist-ai-rmf", "NIST", "MEASURE 2.4", false);
        assert_eq!(r.tag(), "nist-ai-rmf:MEASURE-2.4");
        assert_eq!(tag_form(" Art.  26 "), "Art.-26");
    }
}
