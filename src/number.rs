//! Numbers as every report shows them: each computed figure is rounded to
//! one decimal once, half away from zero, and every cut line compares the
//! rounded value, so what a reader sees is what was compared.

/// Rounds to one decimal, halves away from zero (62.25 → 62.3).
pub fn round1(x: f64) -> f64 {
    (x * 10.0).round() / 10.0
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
    }
}
