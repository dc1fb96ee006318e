//! "Did you mean": the closest known word to a mistyped one.

/// The candidate closest to `word` by edit distance, when it is close enough to
/// be a plausible typo (at most a third of the word's length, and at least 1).
pub fn closest<'a>(word: &str, candidates: &[&'a str]) -> Option<&'a str> {
    let limit = (word.chars().count() / 3).max(1);
    let word = word.to_lowercase();
    candidates
        .iter()
        .map(|c| (strsim::levenshtein(&word, &c.to_lowercase()), *c))
        .filter(|(d, _)| *d <= limit)
        .min_by_key(|(d, _)| *d)
        .map(|(_, c)| c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggests_only_plausible_typos() {
        assert_eq!(closest("sponser", &["sponsor", "roadmap"]), Some("sponsor"));
        assert_eq!(closest("Roadmap", &["sponsor", "roadmap"]), Some("roadmap"));
        assert_eq!(closest("zzzzzz", &["sponsor", "roadmap"]), None);
        // The first of equally close candidates wins, so hints are stable.
        assert_eq!(closest("ab", &["ac", "ad"]), Some("ac"));
    }
}
