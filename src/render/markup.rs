//! Outside text (names, answers, paths) made safe in the markup the
//! reports are written in: a Markdown cell and HTML text. Every renderer
//! that writes either uses these, so each rule is written once.

/// Text the tool did not write, safe anywhere in Markdown: in a table cell,
/// a heading, a list item or a paragraph. Markdown's punctuation is escaped so
/// that it is shown, not read (no emphasis, link, image or code), `<`, `>` and
/// `&` become entities so that no HTML passes through, and line breaks become
/// spaces so that nothing can start a line of its own.
pub fn cell(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match c {
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '\\' | '`' | '*' | '_' | '[' | ']' | '|' | '~' | '#' | '!' | '$' => {
                out.push('\\');
                out.push(c);
            }
            '\n' | '\r' => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

/// Text the tool did not write, as a Markdown code span outside a table,
/// shown as written: inside a code span no escape is read (a `\` shows as
/// one, and `<` as `<`), so none is written. The span is fenced by one
/// backtick more than the longest run of them in the text, with a space
/// inside the fence where the text starts or ends with a backtick or a
/// space (one of each is taken off again), and line breaks are spaces.
pub fn code(text: &str) -> String {
    let text: String = text
        .chars()
        .map(|c| if matches!(c, '\n' | '\r') { ' ' } else { c })
        .collect();
    if text.is_empty() {
        return "` `".to_owned();
    }
    let longest_run = text.split(|c| c != '`').map(str::len).max().unwrap_or(0);
    let fence = "`".repeat(longest_run + 1);
    // CommonMark takes a space off each side only of text that is not all
    // spaces: text that is shows as it is.
    let all_spaces = text.bytes().all(|b| b == b' ');
    let padded = !all_spaces && (text.starts_with(['`', ' ']) || text.ends_with(['`', ' ']));
    let pad = if padded { " " } else { "" };
    format!("{fence}{pad}{text}{pad}{fence}")
}

/// Text safe in HTML content and in a quoted attribute value: the five
/// characters that could end either become references, line breaks and tabs
/// spaces, and characters HTML forbids in a document (controls,
/// noncharacters) U+FFFD, so that no outside text ever becomes markup or
/// makes the page invalid.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            // HTML shows a line break in text as a space; written as one, no
            // outside text ever starts a line of the file (where `::` could
            // start a workflow command, and the guard would show a `\`).
            '\n' | '\r' | '\t' => out.push(' '),
            c if c.is_control() || is_noncharacter(c) => out.push('\u{FFFD}'),
            c => out.push(c),
        }
    }
    out
}

fn is_noncharacter(c: char) -> bool {
    let u = u32::from(c);
    (0xFDD0..=0xFDEF).contains(&u) || (u & 0xFFFE) == 0xFFFE
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_code_span_shows_its_text_as_written() {
        assert_eq!(code("org.yaml"), "`org.yaml`");
        assert_eq!(code("a`b"), "``a`b``");
        assert_eq!(code("``x"), "``` ``x ```");
        assert_eq!(code("a "), "` a  `");
        assert_eq!(code(""), "` `");
        assert_eq!(code("  "), "`  `");
        assert_eq!(code("i|<b>[l](u)\\.yaml"), "`i|<b>[l](u)\\.yaml`");
        assert_eq!(code("two\nlines"), "`two lines`");
    }
}
