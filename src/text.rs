//! Text written with `write!` into a `String`. A `String` takes every
//! write, so code that builds text returns `fmt::Result` and passes errors
//! on with `?`, and the few places that start from a `String` end here,
//! where the result is checked once rather than dropped at every line.

use std::fmt;

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

#[cfg(test)]
mod tests {
    use super::*;
    use std::fmt::Write as _;

    #[test]
    fn what_is_written_is_kept() {
        let mut text = written(|out| write!(out, "a{}", 1));
        append(&mut text, |out| writeln!(out, " b"));
        assert_eq!(text, "a1 b\n");
    }
}
