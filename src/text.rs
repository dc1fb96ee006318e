//! Text that every layer writes: a list of names as a sentence, and text
//! written with `write!` into a `String`. A `String` takes every write, so
//! code that builds text returns `fmt::Result` and passes errors on with
//! `?`, and the few places that start from a `String` end here, where the
//! result is checked once rather than dropped at every line.

use std::fmt;

/// Names as a sentence: `a`, `a and b`, `a, b and c`, and past three
/// `a, b, c and 2 more`; empty for none. A name whose own words could be
/// read as the list's (a comma, " and ") is quoted: `"churn and
/// retention" and "forecast, demand"` are two names, not four.
pub fn names<'n>(names: impl Iterator<Item = &'n str>) -> String {
    let all: Vec<&str> = names.collect();
    // Only the names said are looked at: a list may hold thousands.
    let said = |names: &[&'n str]| -> Vec<std::borrow::Cow<'n, str>> {
        names.iter().map(|name| as_listed(name)).collect()
    };
    match all.as_slice() {
        [] => String::new(),
        [one] => as_listed(one).into_owned(),
        [first @ .., last] if all.len() <= 3 => {
            format!("{} and {}", said(first).join(", "), as_listed(last))
        }
        _ => format!("{} and {} more", said(&all[..3]).join(", "), all.len() - 3),
    }
}

/// A name as a list of names shows it: in quotes when it holds a comma or
/// " and ", which would make it read as two.
fn as_listed(name: &str) -> std::borrow::Cow<'_, str> {
    if name.contains(',') || name.contains(" and ") {
        format!("\"{name}\"").into()
    } else {
        name.into()
    }
}

/// Every one of `items`, the last after `last` ("and", "or"): `a, b and
/// c`; unlike [`names`], never shortened.
pub fn every(items: &[&str], last: &str) -> String {
    match items {
        [] => String::new(),
        [one] => (*one).to_owned(),
        [first @ .., end] => format!("{} {last} {end}", first.join(", ")),
    }
}

/// Whether `text` names `name` as a word of its own: not inside a longer
/// word (a pilot called `chat` is not named by "chatbot", nor `AI` by
/// "AIR"). Where the name starts or ends with a character that is not a
/// letter or digit, that side needs no boundary.
pub fn mentions(text: &str, name: &str) -> bool {
    if name.is_empty() {
        return false;
    }
    let word_char = |c: char| c.is_alphanumeric();
    let opens_word = name.chars().next().is_some_and(word_char);
    let closes_word = name.chars().next_back().is_some_and(word_char);
    text.match_indices(name).any(|(at, _)| {
        let before = text[..at].chars().next_back();
        let after = text[at + name.len()..].chars().next();
        let joined_before = opens_word && before.is_some_and(word_char);
        let joined_after = closes_word && after.is_some_and(word_char);
        !joined_before && !joined_after
    })
}

/// The text `write` writes, in a new `String`.
pub fn written(write: impl FnOnce(&mut String) -> fmt::Result) -> String {
    let mut out = String::new();
    append(&mut out, write);
    out
}

/// Appends to `out` what `write` writes. Only a `Display` that reports an
/// error could stop a write to a `String`, and none in this crate does: a
/// failure is a bug, which debug builds and tests catch.
pub fn append<W: ?Sized>(out: &mut W, write: impl FnOnce(&mut W) -> fmt::Result) {
    let result = write(out);
    debug_assert!(result.is_ok(), "writing to a String cannot fail");
}

/// An I/O error in a reader's words: the system's description, as the rest
/// of a message is written (lower case), without Rust's `(os error N)`.
pub fn io_words(error: &std::io::Error) -> String {
    let text = error.to_string();
    let text = match text.rfind(" (os error ") {
        Some(at) if text.ends_with(')') => &text[..at],
        _ => &text,
    };
    lower_first(text)
}

/// `text` with its first letter in lower case, to follow a colon or stand
/// inside a sentence: "Pilots running" becomes "pilots running".
pub fn lower_first(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map_or_else(String::new, |first| {
        first.to_lowercase().chain(chars).collect()
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::fmt::Write as _;

    #[test]
    fn an_io_error_is_said_without_rusts_error_number() {
        let error = std::io::Error::from_raw_os_error(5);
        assert!(error.to_string().ends_with("(os error 5)"));
        assert_eq!(io_words(&error), "input/output error");
        let own = std::io::Error::other("Kept report cut short (a note)");
        assert_eq!(io_words(&own), "kept report cut short (a note)");
    }

    #[test]
    fn a_name_that_reads_as_two_is_quoted_in_a_list() {
        let two = ["churn and retention", "forecast, demand"];
        assert_eq!(
            names(two.into_iter()),
            "\"churn and retention\" and \"forecast, demand\""
        );
        assert_eq!(
            names(["churn-model", "demand"].into_iter()),
            "churn-model and demand"
        );
        // "andes" holds "and", not " and ".
        assert_eq!(names(["andes", "sandbox"].into_iter()), "andes and sandbox");
    }

    #[test]
    fn a_name_is_mentioned_only_as_a_word_of_its_own() {
        assert!(mentions("Put chat in production.", "chat"));
        assert!(mentions("chat", "chat"));
        assert!(mentions("chat, then more", "chat"));
        assert!(mentions("(chat)", "chat"));
        // Inside a longer word, on either side, it is not named.
        assert!(!mentions("The chatbot has run.", "chat"));
        assert!(!mentions("A webchat has run.", "chat"));
        assert!(!mentions("AIR quality", "AI"));
        // A hyphen parts words: "demand" is named in "demand-forecast", as
        // a reader would see it.
        assert!(mentions("see demand-forecast", "demand"));
        // A later occurrence that stands alone still counts.
        assert!(mentions("The chatbot and chat both run.", "chat"));
        // A name ending in punctuation needs no boundary after it.
        assert!(mentions("Pilot v2.x rolled out.", "v2."));
        assert!(mentions("see (beta)s", "(beta)"));
        // Letters of any script are letters.
        assert!(!mentions("Übersetzungsdienst", "Übersetzung"));
        assert!(mentions("Übersetzung läuft", "Übersetzung"));
        assert!(!mentions("anything", ""));
    }

    #[test]
    fn what_is_written_is_kept() {
        let mut text = written(|out| write!(out, "a{}", 1));
        append(&mut text, |out| writeln!(out, " b"));
        assert_eq!(text, "a1 b\n");
    }

    #[test]
    fn names_read_as_a_sentence() {
        let list = |n: &[&str]| names(n.iter().copied());
        assert_eq!(list(&[]), "");
        assert_eq!(list(&["a"]), "a");
        assert_eq!(list(&["a", "b"]), "a and b");
        assert_eq!(list(&["a", "b", "c"]), "a, b and c");
        assert_eq!(list(&["a", "b", "c", "d", "e"]), "a, b, c and 2 more");
    }
}
