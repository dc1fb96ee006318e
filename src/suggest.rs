//! "Did you mean": the closest known word to a mistyped one.

/// The candidate closest to `word` by edit distance, when it is close enough to
/// be a plausible typo (at most a third of the word's length, and at least 1).
pub fn closest<'a>(word: &str, candidates: &[&'a str]) -> Option<&'a str> {
    let limit = (word.chars().count() / 3).max(1);
    candidates
        .iter()
        .map(|c| (distance(&word.to_lowercase(), &c.to_lowercase()), *c))
        .filter(|(d, _)| *d <= limit)
        .min_by_key(|(d, _)| *d)
        .map(|(_, c)| c)
}

/// Levenshtein distance over characters.
fn distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut previous: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut current = Vec::with_capacity(b.len() + 1);
        current.push(i + 1);
        for (j, cb) in b.iter().enumerate() {
            let substitute = previous[j] + usize::from(ca != *cb);
            current.push(substitute.min(previous[j + 1] + 1).min(current[j] + 1));
        }
        previous = current;
    }
    previous[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggests_near_words_only() {
        assert_eq!(
            closest("pilot", &["pilots", "data", "team"]),
            Some("pilots")
        );
        assert_eq!(closest("sponser", &["sponsor", "roadmap"]), Some("sponsor"));
        assert_eq!(closest("Roadmap", &["sponsor", "roadmap"]), Some("roadmap"));
        assert_eq!(closest("zzzzzz", &["sponsor", "roadmap"]), None);
        assert_eq!(distance("kitten", "sitting"), 3);
    }
}
