//! Finding one byte, or either of two, in a slice, as `memchr::memchr` and
//! `memchr::memchr2` do, without asking the processor what it can do.
//! `memchr`'s functions pick their routine on the
//! first call by reading the processor's features (`cpuid`), which on a
//! virtual machine traps to the host: 0.1 to 0.2 ms on the machine
//! BENCHMARKS.md names, a tenth of a run that assesses one questionnaire.
//! On x86-64 every processor has SSE2, so its SSE2 routine needs no
//! asking; elsewhere `memchr` chooses. (Reading JSON, a stored report or a
//! baseline, `serde_json` still lets memchr choose.) Clippy refuses the
//! choosing functions `clippy.toml` lists anywhere else in the crate.

/// The offset of the first `needle` in `haystack`.
#[inline]
pub fn find(needle: u8, haystack: &[u8]) -> Option<usize> {
    #[cfg(target_arch = "x86_64")]
    if let Some(finder) = memchr::arch::x86_64::sse2::memchr::One::new(needle) {
        return finder.find(haystack);
    }
    #[allow(clippy::disallowed_methods)]
    memchr::memchr(needle, haystack)
}

/// The offset of the first `one` or `other` in `haystack`.
#[inline]
pub fn find_either(one: u8, other: u8, haystack: &[u8]) -> Option<usize> {
    #[cfg(target_arch = "x86_64")]
    if let Some(finder) = memchr::arch::x86_64::sse2::memchr::Two::new(one, other) {
        return finder.find(haystack);
    }
    #[allow(clippy::disallowed_methods)]
    memchr::memchr2(one, other, haystack)
}

#[cfg(test)]
#[allow(clippy::disallowed_methods)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn finds_what_memchr_finds(
            needle in any::<u8>(),
            haystack in proptest::collection::vec(any::<u8>(), 0..300),
        ) {
            prop_assert_eq!(find(needle, &haystack), memchr::memchr(needle, &haystack));
        }

        #[test]
        fn finds_what_memchr2_finds(
            one in any::<u8>(),
            other in any::<u8>(),
            haystack in proptest::collection::vec(any::<u8>(), 0..300),
        ) {
            prop_assert_eq!(
                find_either(one, other, &haystack),
                memchr::memchr2(one, other, &haystack)
            );
        }
    }

    #[test]
    fn finds_the_first_of_several_and_none_in_nothing() {
        assert_eq!(find(b'\n', b"a\nb\n"), Some(1));
        assert_eq!(find(b'\n', b""), None);
        assert_eq!(find(0, &[1; 100]), None);
        assert_eq!(find_either(b':', b'#', b"key # a: b"), Some(4));
        assert_eq!(find_either(b':', b'#', b"key: a # b"), Some(3));
        assert_eq!(find_either(b':', b'#', &[b'a'; 100]), None);
    }
}
