//! `readiness history`: an organization's readiness over time, from every
//! committed version of its questionnaire. Each version is assessed on its
//! own date (the questionnaire's, else its commit's), and one that was
//! invalid at its commit stays in the series with its problems.

use crate::assessment::Assessment;
use crate::vocabulary::Severity;

pub use crate::report::v1::history::{History, Point, PortfolioHistory, Version};

pub use crate::error::UNSHALLOW;

impl Point {
    pub fn of(a: &Assessment) -> Point {
        Point {
            organization: a.organization.name.clone(),
            assessed: a.organization.assessed.clone(),
            strategy: a.scores.strategy,
            implementation: a.scores.implementation,
            overall: a.scores.overall,
            completeness: a.scores.completeness,
            level: a.level,
            quadrant: a.quadrant,
            focus: a.focus,
            confidence: a.confidence,
            purgatory: a.purgatory.status,
            open_findings: a.findings.len(),
            critical_findings: a
                .findings
                .iter()
                .filter(|f| f.severity == Severity::Critical)
                .count(),
        }
    }
}

impl History {
    /// The versions that could be assessed, with their assessments.
    pub fn assessed(&self) -> impl Iterator<Item = (&Version, &Point)> {
        self.versions
            .iter()
            .filter_map(|v| v.assessment.as_ref().map(|p| (v, p)))
    }

    /// The organization's name in its latest valid version, else the file.
    pub fn name(&self) -> &str {
        self.assessed()
            .last()
            .map_or(self.file.as_str(), |(_, p)| p.organization.as_str())
    }

    /// One point per commit date, the day's last valid version: what a
    /// chart plots.
    pub fn by_day(&self) -> Vec<(&str, &Point)> {
        let mut days: Vec<(&str, &Point)> = Vec::new();
        for (version, point) in self.assessed() {
            match days.last_mut() {
                Some((date, last)) if *date == version.date => *last = point,
                _ => days.push((&version.date, point)),
            }
        }
        days
    }
}

impl PortfolioHistory {
    /// Every date any organization's chart has, in order, from the first on
    /// which every organization has a valid version (a line cannot start
    /// later than the chart), with each organization's score then: its
    /// latest version on or before that date.
    pub fn common_days(&self) -> Vec<(String, Vec<&Point>)> {
        let lines: Vec<Vec<(&str, &Point)>> = self.histories.iter().map(History::by_day).collect();
        let Some(start) = lines
            .iter()
            .map(|days| days.first().map(|(d, _)| *d))
            .collect::<Option<Vec<&str>>>()
            .and_then(|firsts| firsts.into_iter().max())
        else {
            return Vec::new();
        };
        let mut dates: Vec<&str> = lines
            .iter()
            .flatten()
            .map(|(d, _)| *d)
            .filter(|d| *d >= start)
            .collect();
        dates.sort_unstable();
        dates.dedup();
        dates
            .into_iter()
            .map(|date| {
                let points = lines
                    .iter()
                    .filter_map(|days| days.iter().rev().find(|(d, _)| *d <= date).map(|(_, p)| *p))
                    .collect();
                (date.to_owned(), points)
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::Point;
    use crate::load::questionnaire::{self, LoadOptions};

    /// A trend point is the same whether the whole report is worked out or
    /// only the verdict, for every shipped example.
    #[test]
    fn the_verdict_gives_the_point_the_whole_assessment_gives() {
        let rubric = crate::rubric::default_rubric();
        let examples = concat!(env!("CARGO_MANIFEST_DIR"), "/examples");
        let mut checked = 0;
        for entry in std::fs::read_dir(examples).expect("examples") {
            let path = entry.expect("entry").path();
            if path.extension().is_none_or(|x| x != "yaml") {
                continue;
            }
            let text = std::fs::read_to_string(&path).expect("example");
            let options = LoadOptions {
                as_of: None,
                today: crate::date::Date::parse("2026-11-20").expect("date"),
            };
            let q = questionnaire::load(&text, options).expect("valid example");
            let whole = crate::assess::assess(&q, &rubric, "x.yaml");
            let verdict = crate::assess::verdict(&q, &rubric, "x.yaml");
            assert_eq!(Point::of(&verdict), Point::of(&whole), "{}", path.display());
            assert!(verdict.recommendations.is_empty() && !whole.recommendations.is_empty());
            checked += 1;
        }
        assert!(checked >= 9, "{checked} examples");
    }
}
