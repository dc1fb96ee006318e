//! Numbers as every report shows them: each computed figure is rounded to
//! one decimal once, half away from zero, and every cut line compares the
//! rounded value, so what a reader sees is what was compared.

/// Rounds to one decimal, halves away from zero (62.25 → 62.3).
///
/// The figures are means and sums of decimals, which binary floating point
/// computes with errors far below a billionth: 41.25 may come out as
/// 41.2499999999. Those errors are removed first, so a figure that is a half
/// in exact arithmetic rounds as a half, and two equal figures computed in
/// different orders round alike.
pub fn round1(x: f64) -> f64 {
    let exact = (x * 1e9).round() / 1e9;
    // Adding zero turns a negative zero (a share of nothing, taken away)
    // into the zero a reader expects: never "-0.0".
    (exact * 10.0).round() / 10.0 + 0.0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rounds_half_away_from_zero() {
        assert_eq!(round1(59.95), 60.0);
        assert_eq!(round1(59.94), 59.9);
        assert_eq!(round1(62.25), 62.3);
        assert_eq!(round1(-0.25), -0.3);
        // Floating point noise does not decide a half.
        assert_eq!(round1(41.249_999_999_9), 41.3);
        assert_eq!(round1(0.1 + 0.2 + 0.05), 0.4);
        assert_eq!(round1(41.249_9), 41.2);
        for tiny in [-0.0, -0.04, -1e-12] {
            assert!(round1(tiny).is_sign_positive(), "{tiny}");
            assert_eq!(format!("{:.1}", round1(tiny)), "0.0");
        }
        assert_eq!(round1(-0.05), -0.1);
    }
}
