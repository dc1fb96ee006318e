//! Every text of a rubric, its keys too, is one line of visible characters:
//! titles, messages and names reach terminals, Markdown, HTML and CI logs,
//! where a line break, an escape sequence, a bidi override or a zero-width
//! character would change what a reader sees. The rule is the one a
//! questionnaire's names obey, checked over the whole document at once, so
//! that no field is left out.

use crate::diagnostic;
use std::ops::Range;
use toml::de::{DeTable, DeValue};
use toml::Spanned;

/// Each text of the rubric's `document` that holds a character a line of
/// visible text may not: where it starts, and why.
pub(super) fn refused(document: &DeTable<'_>) -> Vec<(Range<usize>, String)> {
    let mut problems = Vec::new();
    table(document, &mut problems);
    problems
}

fn table(table: &DeTable<'_>, problems: &mut Vec<(Range<usize>, String)>) {
    for (key, value) in table {
        text(key.get_ref(), key.span(), "key", problems);
        self::value(value, problems);
    }
}

fn value(value: &Spanned<DeValue<'_>>, problems: &mut Vec<(Range<usize>, String)>) {
    match value.get_ref() {
        DeValue::String(s) => text(s, value.span(), "text", problems),
        DeValue::Array(items) => {
            for item in &**items {
                self::value(item, problems);
            }
        }
        DeValue::Table(t) => table(t, problems),
        DeValue::Integer(_) | DeValue::Float(_) | DeValue::Boolean(_) | DeValue::Datetime(_) => {}
    }
}

fn text(text: &str, span: Range<usize>, what: &str, problems: &mut Vec<(Range<usize>, String)>) {
    // An id, a name or a sentence that shows nothing would leave a blank
    // where a reader looks for it (`readiness explain ""` found one).
    if diagnostic::shows_nothing(text) {
        problems.push((
            span,
            format!("the {what} is blank; a rubric's texts say something"),
        ));
        return;
    }
    if let Some(c) = text.chars().find(|&c| diagnostic::needs_escaping(c)) {
        let kind = if c.is_control() {
            "a control character"
        } else {
            "a character that is invisible or changes the direction of text"
        };
        problems.push((
            span,
            format!(
                "the {what} \"{}\" holds U+{:04X}, {kind}; a rubric's texts are one line of visible characters",
                diagnostic::escaped(&crate::load::yaml::clip(text)),
                u32::from(c)
            ),
        ));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn refused_in(toml: &str) -> Vec<(Range<usize>, String)> {
        refused(DeTable::parse(toml).expect("TOML").get_ref())
    }

    #[test]
    fn no_text_or_key_is_blank() {
        let mut found: Vec<String> = refused_in("id = \"\"\n[q]\nname = \" \"\n\"\" = 1\n")
            .into_iter()
            .map(|(_, why)| why)
            .collect();
        found.sort();
        assert_eq!(
            found,
            [
                "the key is blank; a rubric's texts say something",
                "the text is blank; a rubric's texts say something",
                "the text is blank; a rubric's texts say something",
            ]
        );
    }

    #[test]
    fn every_text_and_key_is_one_line_of_visible_characters() {
        let toml = "a = \"ok\"\n[t]\nb = [\"x\\u001b[2K\", { c = \"d\\u200be\" }]\n\"k\\n\" = 1\ne = \"f\\tg\"\n";
        let found: Vec<String> = refused_in(toml).into_iter().map(|(_, why)| why).collect();
        assert_eq!(found.len(), 4, "{found:?}");
        assert!(found
            .iter()
            .any(|w| w.contains("\"x\\u{1b}[2K\" holds U+001B, a control character")));
        assert!(found
            .iter()
            .any(|w| w.contains("\"d\\u{200b}e\" holds U+200B, a character that is invisible")));
        assert!(found
            .iter()
            .any(|w| w.contains("the key \"k\\n\" holds U+000A")));
        assert!(found.iter().any(|w| w.contains("\"f\\tg\" holds U+0009")));
        assert!(refused_in("a = \"Café 東京 ❤️\"\nb = 1\n").is_empty());
        // A long text is quoted shortened; the position says where it is.
        let long = format!("a = \"{}\\u001b\"\n", "x".repeat(100));
        let found = refused_in(&long);
        assert_eq!(found.len(), 1);
        assert!(
            found[0]
                .1
                .starts_with(&format!("the text \"{}…\" holds U+001B", "x".repeat(40))),
            "{}",
            found[0].1
        );
    }
}
