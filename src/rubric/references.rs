//! Checks a rubric's frameworks and the references of its findings and
//! dimensions: a built-in framework at the version whose ids the tool
//! carries, a framework of the rubric's own with its ids, and every
//! reference to a declared framework and an id it has, with the nearest id
//! when one is close.

use super::raw::{RawFramework, RawRubric};
use super::validate::Checker;
use crate::frameworks::built_in;
use crate::frameworks::{tag_form, Entry, Framework, Reference, References};
use std::collections::BTreeSet;
use std::sync::Arc;
use toml::Spanned;

impl Checker<'_> {
    /// The frameworks the rubric declares, each checked.
    pub(super) fn frameworks(&mut self, raw: &RawRubric) -> Vec<Arc<Framework>> {
        let mut seen = BTreeSet::new();
        let mut out = Vec::new();
        for f in &raw.frameworks {
            let id = f.id.get_ref().trim();
            if !seen.insert(id.to_owned()) {
                self.problem(f.id.span(), format!("framework \"{id}\" is declared twice"));
                continue;
            }
            if let Some(framework) = self.framework(f) {
                out.push(Arc::new(framework));
            }
        }
        out
    }

    fn framework(&mut self, raw: &RawFramework) -> Option<Framework> {
        let id = raw.id.get_ref().trim();
        if id.is_empty() || id.contains(':') || id.contains(char::is_whitespace) {
            self.problem(
                raw.id.span(),
                format!("framework id \"{id}\" must be a word without spaces or \":\", such as nist-ai-rmf"),
            );
            return None;
        }
        let version = raw.version.get_ref().trim();
        // Names and titles reach terminals, Markdown and CI logs, one line each.
        let texts = [Some(raw.name.as_str()), Some(version), raw.short.as_deref()];
        if texts.into_iter().flatten().any(unprintable) {
            self.problem(
                raw.id.span(),
                format!("framework {id}: its name, version and short name must be one line of printable text"),
            );
            return None;
        }
        let entries = match (built_in::find(id), &raw.ids) {
            (Some(_), Some(ids)) => {
                self.problem(
                    ids.span(),
                    format!("{id} is built in and carries its own ids; remove \"ids\""),
                );
                return None;
            }
            (Some(b), None) if version != b.version => {
                self.problem(
                    raw.version.span(),
                    format!(
                        "{id} is built in at version \"{}\"; its ids are those of that version, found \"{version}\"",
                        b.version
                    ),
                );
                return None;
            }
            (Some(b), None) => b.entries(),
            (None, None) => {
                let known: Vec<&str> = built_in::BUILT_IN.iter().map(|b| b.id).collect();
                let message = match crate::suggest::closest(id, &known) {
                    Some(near) => format!("framework \"{id}\" is not built in (did you mean \"{near}\"?); a framework of the rubric's own needs \"ids\", each with an id and a title"),
                    None => format!("framework \"{id}\" is not built in ({}); a framework of the rubric's own needs \"ids\", each with an id and a title", known.join(", ")),
                };
                self.problem(raw.id.span(), message);
                return None;
            }
            (None, Some(ids)) => self.own_entries(raw, ids)?,
        };
        Some(Framework {
            id: id.into(),
            name: raw.name.as_str().into(),
            version: version.into(),
            short: raw.short.as_deref().unwrap_or(id).into(),
            entries,
        })
    }

    /// The ids of a framework the rubric declares itself.
    fn own_entries(
        &mut self,
        raw: &RawFramework,
        ids: &Spanned<Vec<super::raw::RawEntry>>,
    ) -> Option<Vec<Entry>> {
        if ids.get_ref().is_empty() {
            self.problem(ids.span(), "ids must not be empty");
            return None;
        }
        let mut seen = BTreeSet::new();
        let mut entries = Vec::new();
        for e in ids.get_ref() {
            let id = e.id.get_ref().trim();
            // Ids are matched in their tag form too, so `A B` and `A-B` are one id.
            if id.is_empty() {
                self.problem(e.id.span(), "an id must not be blank");
            } else if [id, &e.title]
                .into_iter()
                .chain(e.group.as_deref())
                .any(unprintable)
            {
                self.problem(
                    e.id.span(),
                    format!(
                        "id \"{id}\": its id, title and group must be one line of printable text"
                    ),
                );
            } else if !seen.insert(tag_form(id)) {
                self.problem(e.id.span(), format!("id \"{id}\" is listed twice"));
            } else {
                entries.push(Entry {
                    id: id.into(),
                    title: e.title.as_str().into(),
                    group: e.group.as_deref().unwrap_or(&raw.name).into(),
                    high_risk: false,
                });
            }
        }
        (entries.len() == ids.get_ref().len()).then_some(entries)
    }

    /// The references a finding or dimension lists, each to a declared
    /// framework and an id it has; each given once.
    pub(super) fn references(
        &mut self,
        list: &[Spanned<String>],
        frameworks: &[Arc<Framework>],
    ) -> References {
        let mut out: Vec<Reference> = Vec::new();
        for item in list {
            let written = item.get_ref();
            let Some((framework_id, id)) = written.split_once(':') else {
                let shown = crate::diagnostic::escaped(written);
                self.problem(
                    item.span(),
                    format!("reference \"{shown}\" must be written framework:id, such as \"nist-ai-rmf:MEASURE 2.4\""),
                );
                continue;
            };
            let Some(framework) = frameworks.iter().find(|f| &*f.id == framework_id.trim()) else {
                let declared: Vec<&str> = frameworks.iter().map(|f| &*f.id).collect();
                let start = format!(
                    "the rubric declares no framework \"{}\"",
                    crate::diagnostic::escaped(framework_id)
                );
                let message = match crate::suggest::closest(framework_id, &declared) {
                    Some(near) => format!("{start}; did you mean \"{near}\"?"),
                    None if declared.is_empty() => {
                        format!("{start}; declare it under [[frameworks]]")
                    }
                    None => format!(
                        "{start}; it declares {} (more under [[frameworks]])",
                        declared.join(", ")
                    ),
                };
                self.problem(item.span(), message);
                continue;
            };
            match framework.entry(id) {
                Some(entry)
                    if out
                        .iter()
                        .any(|r| r.framework == framework.id && r.id == entry.id) =>
                {
                    self.problem(
                        item.span(),
                        format!("reference \"{written}\" is listed twice"),
                    );
                }
                Some(entry) => out.push(framework.reference(entry)),
                None => {
                    self.problem(item.span(), framework.unknown(id));
                }
            }
        }
        out.into()
    }
}

/// Text with a line break, a control character or a bidirectional override.
fn unprintable(text: &str) -> bool {
    text.chars().any(crate::diagnostic::is_unsafe)
}
