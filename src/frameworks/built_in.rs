//! The three frameworks built into the tool, their ids and titles compiled
//! in from `frameworks/*.tsv` (copies of the published lists: NIST's
//! subcategory texts, ISO/IEC 42001's ids and titles only, the EU AI Act's
//! article titles), and how each groups its ids for the framework view.

use super::Entry;

/// A built-in framework: what a rubric must declare to use it, and its ids.
#[derive(Debug, Clone, Copy)]
pub struct BuiltIn {
    pub id: &'static str,
    /// The version a rubric must declare: the ids are those of this version.
    pub version: &'static str,
    data: &'static str,
    group: fn(&str) -> String,
}

pub const NIST: &str = "nist-ai-rmf";
pub const ISO: &str = "iso-42001";
pub const EU: &str = "eu-ai-act";

pub const BUILT_IN: [BuiltIn; 3] = [
    BuiltIn {
        id: NIST,
        version: "1.0",
        data: include_str!("../../frameworks/nist-ai-rmf-1.0.tsv"),
        group: nist_function,
    },
    BuiltIn {
        id: ISO,
        version: "2023",
        data: include_str!("../../frameworks/iso-iec-42001-2023.tsv"),
        group: iso_clause,
    },
    BuiltIn {
        id: EU,
        version: "2024/1689",
        data: include_str!("../../frameworks/eu-ai-act-2024-1689.tsv"),
        group: eu_chapter,
    },
];

/// The built-in framework with this id.
pub fn find(id: &str) -> Option<&'static BuiltIn> {
    BUILT_IN.iter().find(|b| b.id == id)
}

/// The articles whose obligations apply to high-risk AI systems only, as
/// frameworks.md lists them.
const HIGH_RISK_ARTICLES: [&str; 5] = ["Art. 14", "Art. 26", "Art. 27", "Art. 72", "Art. 73"];

impl BuiltIn {
    /// Every id with its title, in the published order. The files are the
    /// tool's own (a header row, then `id<TAB>title`), checked by the tests.
    pub fn entries(&self) -> Vec<Entry> {
        self.data
            .lines()
            .skip(1)
            .filter_map(|line| line.split_once('\t'))
            .map(|(id, title)| Entry {
                id: id.trim().into(),
                title: title.trim().into(),
                group: (self.group)(id.trim()).into(),
                high_risk: self.id == EU && HIGH_RISK_ARTICLES.contains(&id.trim()),
            })
            .collect()
    }
}

/// NIST AI RMF: the function, the id's first word (`GOVERN`).
fn nist_function(id: &str) -> String {
    id.split_whitespace().next().unwrap_or(id).to_owned()
}

/// ISO/IEC 42001: the clause (`Clause 6`), or the Annex A control
/// objective (`Annex A.6`). Only ids and titles of the standard may be
/// shipped, so groups are named by number alone.
fn iso_clause(id: &str) -> String {
    match id.strip_prefix("A.") {
        Some(rest) => format!("Annex A.{}", rest.split('.').next().unwrap_or(rest)),
        None => format!("Clause {}", id.split('.').next().unwrap_or(id)),
    }
}

/// The chapters of Regulation (EU) 2024/1689: number, first article, title.
const CHAPTERS: [(&str, u32, &str); 13] = [
    ("I", 1, "General provisions"),
    ("II", 5, "Prohibited AI practices"),
    ("III", 6, "High-risk AI systems"),
    (
        "IV",
        50,
        "Transparency obligations for providers and deployers of certain AI systems",
    ),
    ("V", 51, "General-purpose AI models"),
    ("VI", 57, "Measures in support of innovation"),
    ("VII", 64, "Governance"),
    ("VIII", 71, "EU database for high-risk AI systems"),
    (
        "IX",
        72,
        "Post-market monitoring, information sharing and market surveillance",
    ),
    ("X", 95, "Codes of conduct and guidelines"),
    ("XI", 97, "Delegation of power and committee procedure"),
    ("XII", 99, "Penalties"),
    ("XIII", 102, "Final provisions"),
];

/// EU AI Act: the chapter an article is in (`Chapter III: High-risk AI systems`).
fn eu_chapter(id: &str) -> String {
    let number: Option<u32> = id.strip_prefix("Art.").and_then(|n| n.trim().parse().ok());
    let chapter = number.and_then(|n| CHAPTERS.iter().rev().find(|(_, first, _)| n >= *first));
    match chapter {
        Some((roman, _, title)) => format!("Chapter {roman}: {title}"),
        None => "Other".to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_list_is_whole() {
        let count = |id| find(id).map(|b| b.entries().len());
        assert_eq!(count(NIST), Some(72));
        assert_eq!(count(ISO), Some(70));
        assert_eq!(count(EU), Some(113));
        for b in &BUILT_IN {
            // Every line of the file is an entry: none was dropped.
            assert_eq!(b.entries().len() + 1, b.data.lines().count(), "{}", b.id);
        }
    }

    #[test]
    fn groups_follow_the_frameworks_structure() {
        assert_eq!(nist_function("MEASURE 2.4"), "MEASURE");
        assert_eq!(iso_clause("6.2"), "Clause 6");
        assert_eq!(iso_clause("10.1"), "Clause 10");
        assert_eq!(iso_clause("A.6.2.6"), "Annex A.6");
        assert_eq!(iso_clause("A.10.2"), "Annex A.10");
        assert_eq!(eu_chapter("Art. 4"), "Chapter I: General provisions");
        assert_eq!(eu_chapter("Art. 5"), "Chapter II: Prohibited AI practices");
        assert_eq!(eu_chapter("Art. 49"), "Chapter III: High-risk AI systems");
        assert_eq!(
            eu_chapter("Art. 72"),
            "Chapter IX: Post-market monitoring, information sharing and market surveillance"
        );
        assert_eq!(eu_chapter("Art. 113"), "Chapter XIII: Final provisions");
    }

    #[test]
    fn only_the_listed_articles_are_high_risk() {
        let eu = find(EU).map(BuiltIn::entries).unwrap_or_default();
        let high: Vec<&str> = eu.iter().filter(|e| e.high_risk).map(|e| &*e.id).collect();
        assert_eq!(high, HIGH_RISK_ARTICLES);
    }
}
