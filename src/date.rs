//! Calendar dates (`YYYY-MM-DD`): parsing, today's date, and whole days between two dates.
//!
//! The questionnaire needs nothing more than this, so the project keeps it in a
//! few lines instead of taking a date-time dependency.

use std::fmt;
use std::time::{SystemTime, UNIX_EPOCH};

/// A proleptic Gregorian calendar date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    year: i32,
    month: u32,
    day: u32,
}

impl Date {
    /// Reads exactly `YYYY-MM-DD`; `None` for any other shape or a day that does not exist.
    pub fn parse(text: &str) -> Option<Date> {
        let bytes = text.as_bytes();
        let shape_ok = bytes.len() == 10
            && bytes[4] == b'-'
            && bytes[7] == b'-'
            && bytes
                .iter()
                .enumerate()
                .all(|(i, b)| i == 4 || i == 7 || b.is_ascii_digit());
        if !shape_ok {
            return None;
        }
        let year: i32 = text[0..4].parse().ok()?;
        let month: u32 = text[5..7].parse().ok()?;
        let day: u32 = text[8..10].parse().ok()?;
        Date::from_parts(year, month, day)
    }

    /// A date from its parts, when that day exists.
    pub fn from_parts(year: i32, month: u32, day: u32) -> Option<Date> {
        if !(1..=12).contains(&month) || day == 0 || day > days_in_month(year, month) {
            return None;
        }
        Some(Date { year, month, day })
    }

    /// The current date in UTC, read from the system clock.
    pub fn today() -> Date {
        let seconds = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map_or(0, |d| d.as_secs());
        let days = i64::try_from(seconds / 86_400).unwrap_or(0);
        Date::from_days_since_epoch(days)
    }

    /// The same day a year later; 29 February becomes 28 February.
    #[must_use]
    pub fn one_year_later(self) -> Date {
        let day = self.day.min(days_in_month(self.year + 1, self.month));
        Date {
            year: self.year + 1,
            month: self.month,
            day,
        }
    }

    /// Whole days from `earlier` to `self` (negative when `earlier` is later).
    pub fn days_since(self, earlier: Date) -> i64 {
        self.days_since_epoch() - earlier.days_since_epoch()
    }

    /// The date `days` days later (earlier when negative).
    #[must_use]
    pub fn plus_days(self, days: i64) -> Date {
        Date::from_days_since_epoch(self.days_since_epoch() + days)
    }

    // Days since 1970-01-01, after Howard Hinnant's `days_from_civil`.
    fn days_since_epoch(self) -> i64 {
        let year = i64::from(self.year) - i64::from(self.month <= 2);
        let era = year.div_euclid(400);
        let year_of_era = year - era * 400;
        let month = i64::from(self.month);
        let day_of_year =
            (153 * (month + if month > 2 { -3 } else { 9 }) + 2) / 5 + i64::from(self.day) - 1;
        let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
        era * 146_097 + day_of_era - 719_468
    }

    // The inverse of `days_since_epoch`, after Howard Hinnant's `civil_from_days`.
    fn from_days_since_epoch(days: i64) -> Date {
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let day_of_era = z - era * 146_097;
        let year_of_era =
            (day_of_era - day_of_era / 1460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
        let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
        let mp = (5 * day_of_year + 2) / 153;
        let day = day_of_year - (153 * mp + 2) / 5 + 1;
        let month = if mp < 10 { mp + 3 } else { mp - 9 };
        let year = year_of_era + era * 400 + i64::from(month <= 2);
        Date {
            year: i32::try_from(year).unwrap_or(i32::MAX),
            month: u32::try_from(month).unwrap_or(1),
            day: u32::try_from(day).unwrap_or(1),
        }
    }
}

fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        2 if year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // Digit by digit for the years people write: a file of thousands of
        // pilots writes thousands of dates.
        if let Ok(year @ 0..=9999) = u32::try_from(self.year) {
            let mut text = *b"0000-00-00";
            let digits = [
                (0, year / 1000),
                (1, year / 100),
                (2, year / 10),
                (3, year),
                (5, self.month / 10),
                (6, self.month),
                (8, self.day / 10),
                (9, self.day),
            ];
            for (at, n) in digits {
                text[at] = b'0' + u8::try_from(n % 10).unwrap_or(0);
            }
            return f.write_str(std::str::from_utf8(&text).map_err(|_| fmt::Error)?);
        }
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_year_later_keeps_the_day_where_it_exists() {
        let later = |d: &str| Date::parse(d).expect("a date").one_year_later().to_string();
        assert_eq!(later("2026-11-29"), "2027-11-29");
        assert_eq!(later("2028-02-29"), "2029-02-28");
        assert_eq!(later("2027-02-28"), "2028-02-28");
    }

    #[test]
    fn parses_real_dates_and_refuses_others() {
        assert_eq!(
            Date::parse("2026-11-20").map(|d| d.to_string()),
            Some("2026-11-20".into())
        );
        assert!(Date::parse("2024-02-29").is_some());
        assert!(Date::parse("2026-02-29").is_none());
        assert!(Date::parse("2026-02-30").is_none());
        assert!(Date::parse("2026-13-01").is_none());
        assert!(Date::parse("2026-1-01").is_none());
        assert!(Date::parse("20261101").is_none());
        assert!(Date::parse("2026-11-2x").is_none());
    }

    #[test]
    fn is_written_as_four_two_and_two_digits_whatever_the_year() {
        for (year, month, day) in [
            (0, 1, 1),
            (7, 2, 9),
            (99, 10, 31),
            (999, 12, 1),
            (2026, 11, 20),
            (9999, 12, 31),
            (10_000, 1, 1),
            (-1, 3, 4),
            (-12_345, 5, 6),
        ] {
            let date = Date::from_parts(year, month, day).unwrap_or_else(|| unreachable!());
            assert_eq!(date.to_string(), format!("{year:04}-{month:02}-{day:02}"));
        }
    }

    #[test]
    fn counts_days_across_years_and_round_trips() {
        let a = Date::parse("2025-03-01").unwrap_or_else(|| unreachable!());
        let b = Date::parse("2026-11-20").unwrap_or_else(|| unreachable!());
        assert_eq!(b.days_since(a), 629);
        assert_eq!(a.days_since(b), -629);
        for days in [-1000, 0, 1, 59, 365, 20_000] {
            let d = Date::from_days_since_epoch(days);
            assert_eq!(d.days_since_epoch(), days);
        }
    }
}
