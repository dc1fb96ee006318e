//! The rubric's texts are templates: `{name}` placeholders that a finding or
//! the focus fills with what it found. The rubric check refuses a placeholder
//! the text's finding does not fill.

/// Fills `{name}` placeholders from `vars`; unknown names are left as written
/// (the rubric check refuses them before any text is filled).
pub fn fill(template: &str, vars: &[(&str, String)]) -> String {
    let mut out = String::with_capacity(template.len());
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        if let Some(close) = after.find('}') {
            let name = &after[..close];
            match vars.iter().find(|(n, _)| *n == name) {
                Some((_, value)) => out.push_str(value),
                None => out.push_str(&rest[open..open + close + 2]),
            }
            rest = &after[close + 1..];
        } else {
            out.push_str(&rest[open..]);
            rest = "";
        }
    }
    out.push_str(rest);
    out
}

/// The `{name}` placeholders a template uses.
pub fn placeholders(template: &str) -> Vec<&str> {
    let mut names = Vec::new();
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        let after = &rest[open + 1..];
        let Some(close) = after.find('}') else { break };
        names.push(&after[..close]);
        rest = &after[close + 1..];
    }
    names
}

/// Whether a `{` opens no placeholder: no `}` follows it.
pub fn unclosed(template: &str) -> bool {
    template
        .rfind('{')
        .is_some_and(|open| !template[open..].contains('}'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fills_known_placeholders_only() {
        let vars = [("count", "3".to_owned())];
        assert_eq!(fill("{count} pilots, {other}", &vars), "3 pilots, {other}");
        assert_eq!(placeholders("a {x} b {y}"), ["x", "y"]);
        assert_eq!(fill("no braces", &vars), "no braces");
        assert_eq!(fill("open { only", &vars), "open { only");
        assert!(unclosed("open { only") && unclosed("{a} and {b"));
        assert!(!unclosed("{a} and {b}") && !unclosed("no braces") && !unclosed("}{x}"));
    }
}
