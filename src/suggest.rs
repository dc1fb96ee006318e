//! "Did you mean": the closest known word to a mistyped one.

/// The candidate closest to `word` by edit distance, when it is close enough to
/// be a plausible typo (at most a third of the word's length, and at least 1);
/// else the one candidate that begins with it or has it as a whole part
/// between hyphens (`stale` for `stale-pilot`), when exactly one does and
/// the word has three characters or more.
pub fn closest<'a>(word: &str, candidates: &[&'a str]) -> Option<&'a str> {
    let limit = (word.chars().count() / 3).max(1);
    let word = word.to_lowercase();
    let typo = candidates
        .iter()
        .map(|c| (strsim::levenshtein(&word, &c.to_lowercase()), *c))
        .filter(|(d, _)| *d <= limit)
        .min_by_key(|(d, _)| *d)
        .map(|(_, c)| c);
    if typo.is_some() || word.chars().count() < 3 {
        return typo;
    }
    let mut shortened = candidates.iter().filter(|c| {
        let c = c.to_lowercase();
        c.starts_with(&word) || c.split('-').any(|part| part == word)
    });
    match (shortened.next(), shortened.next()) {
        (Some(one), None) => Some(*one),
        _ => None,
    }
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
        // A word cut short, or one part of a hyphenated id, when one fits.
        let ids = [
            "stale-pilot",
            "no-production",
            "no-monitoring",
            "laptop-bound",
        ];
        assert_eq!(closest("stale", &ids), Some("stale-pilot"));
        assert_eq!(closest("laptop", &ids), Some("laptop-bound"));
        assert_eq!(closest("production", &ids), Some("no-production"));
        // Two fit: no guess; too short: no guess.
        assert_eq!(closest("no", &ids), None);
        assert_eq!(closest("no-", &ids), None);
        assert_eq!(closest("st", &ids), None);
    }
}
