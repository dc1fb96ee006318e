//! Many questionnaires at once: one row per organization in a stated,
//! stable order, and the totals a group leader reads at a glance. A row is
//! what the portfolio's table, chart, totals and failed-gate lines read of
//! an organization, taken from its assessment as soon as it is assessed;
//! the assessment itself is then released, and its full reports, where
//! one is shown, are read back from where they were kept.

use crate::assessment::CriterionMove;
use crate::assessment::{Assessment, Scores, FORMAT_VERSION};
use crate::diff::NumberChange;
use crate::error::InputError;
use crate::gate::GateCheck;
use crate::number::round1;
use crate::rubric::RubricRef;
use crate::vocabulary::{Confidence, FindingId, Focus, Level, PurgatoryStatus, Quadrant, Severity};
use std::io::{self, Write};
use std::sync::Arc;

/// The order the portfolio lists organizations in, as the report states it.
pub const ORDER: &str = "by overall score, lowest first, then by organization name, then by file";

/// The order of a portfolio's JSON, which writes each organization's report
/// as soon as it is assessed: the order of the inputs.
pub const INPUT_ORDER: &str =
    "as the inputs were named, the questionnaires of a directory by file name";

#[derive(Debug)]
pub struct Portfolio {
    pub format_version: u32,
    /// One per organization assessed, in the portfolio's order.
    pub rows: Vec<PortfolioRow>,
    pub portfolio: Totals,
    /// The inputs that could not be assessed, in input order.
    pub errors: Vec<InputError>,
    /// Where the rows' kept reports are read back from; `None` when none
    /// was kept.
    pub kept: Option<Arc<dyn KeptReports>>,
}

/// What the portfolio reads of one organization.
#[derive(Debug, Clone, PartialEq)]
pub struct PortfolioRow {
    /// The questionnaire as named.
    pub source: String,
    pub organization: String,
    /// The rubric's words (quadrant names) and the chart's cut line.
    pub rubric: Arc<RubricRef>,
    pub scores: Scores,
    pub confidence: Confidence,
    pub level: Level,
    pub quadrant: Quadrant,
    pub focus: Focus,
    pub purgatory: PurgatoryStatus,
    /// Whether its questionnaire lists its pilots: with the list left out,
    /// purgatory is not judged.
    pub pilots_listed: bool,
    /// The published share of pilots that reach production, in percent.
    pub benchmark_pct: f64,
    /// How many findings are critical.
    pub critical: u32,
    /// How many findings acceptances leave out of the gate.
    pub accepted: u32,
    /// Pilots in production or scaled.
    pub live_pilots: u32,
    /// Pilots in production or scaled, or at stage pilot.
    pub started_pilots: u32,
    /// The gate's checks, when a gate was set.
    pub gate: Option<Box<GateOutcome>>,
    /// The scores' changes since the baseline, with `--baseline`.
    pub baseline: Option<Box<ScoreChanges>>,
    /// Where its full reports were kept.
    pub reports: Reports,
}

/// A gate's checks, each with the findings that fail it: what the failed
/// gate's lines name.
#[derive(Debug, Clone, PartialEq)]
pub struct GateOutcome {
    pub passed: bool,
    pub checks: Vec<CheckOutcome>,
    /// The criteria that moved since the baseline, kept only when a score
    /// regression check failed.
    pub moved: Vec<CriterionMove>,
}

/// One check, and the findings that fail it (none when it passed).
#[derive(Debug, Clone, PartialEq)]
pub struct CheckOutcome {
    pub check: GateCheck,
    pub failing: Vec<FailingFinding>,
}

/// A finding that fails a check, as its line on standard error names it.
#[derive(Debug, Clone, PartialEq)]
pub struct FailingFinding {
    pub id: FindingId,
    pub severity: Severity,
    /// Its first located evidence's line about a pilot that counts.
    pub line: Option<u32>,
    /// The pilots it names that no acceptance leaves out.
    pub pilots: Vec<String>,
}

/// The scores' changes since the baseline that the portfolio shows.
#[derive(Debug, Clone, PartialEq)]
pub struct ScoreChanges {
    pub overall: Option<NumberChange>,
    pub strategy: Option<NumberChange>,
    pub implementation: Option<NumberChange>,
    /// The baseline's organization, when it is another one: the changes
    /// then compare two organizations, not one over time.
    pub another: Option<String>,
}

/// Where one kept report lies among those kept.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Kept {
    pub offset: u64,
    pub len: u64,
}

/// Where kept reports are read back from.
pub trait KeptReports: std::fmt::Debug + Send + Sync {
    /// Copies a kept report to `out`.
    fn copy(&self, kept: Kept, out: &mut dyn Write) -> io::Result<()>;
}

/// An organization's full reports, rendered when it was assessed.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Reports {
    /// Its table, after a rule, for `--detail`.
    pub table: Option<Kept>,
    /// Its Markdown report, headings one level down, for `--detail`.
    pub markdown: Option<Kept>,
    /// Its SARIF results, comma-separated.
    pub sarif: Option<Kept>,
    /// Its GitHub annotations, each after its kind's rank.
    pub github: Option<Kept>,
    /// Its Code Quality issues, comma-separated.
    pub codeclimate: Option<Kept>,
    /// Its HTML report, headings one level down, for `--detail`.
    pub html: Option<Kept>,
}

pub use crate::report::v1::portfolio::{QuadrantCounts, Totals};

impl Portfolio {
    /// A portfolio of assessments, none of whose full reports is kept.
    pub fn new(assessments: Vec<Assessment>) -> Portfolio {
        let rows = assessments
            .into_iter()
            .map(|a| PortfolioRow::new(a, Reports::default()))
            .collect();
        Portfolio::with_reports(rows, None)
    }

    /// A portfolio of rows whose full reports are read back from `kept`,
    /// sorted where they are.
    pub fn with_reports(
        mut rows: Vec<PortfolioRow>,
        kept: Option<Arc<dyn KeptReports>>,
    ) -> Portfolio {
        sort(&mut rows);
        let mut quadrants = QuadrantCounts::default();
        let (mut live, mut started) = (0usize, 0usize);
        for row in &rows {
            *quadrants.get_mut(row.quadrant) += 1;
            live += row.live_pilots as usize;
            started += row.started_pilots as usize;
        }
        let totals = Totals {
            organizations: rows.len(),
            quadrants,
            stuck: rows
                .iter()
                .filter(|r| r.purgatory == PurgatoryStatus::Stuck)
                .count(),
            pilot_to_production_pct: (started > 0)
                .then(|| round1(100.0 * live as f64 / started as f64)),
            order: ORDER.to_owned(),
        };
        Portfolio {
            format_version: FORMAT_VERSION,
            rows,
            portfolio: totals,
            errors: Vec::new(),
            kept,
        }
    }

    /// Copies a row's kept report to `out`; `what` names the report for
    /// the error when none was kept.
    pub fn copy(
        &self,
        row: &PortfolioRow,
        kept: Option<Kept>,
        what: &str,
        out: &mut dyn Write,
    ) -> io::Result<()> {
        match (&self.kept, kept) {
            (Some(reports), Some(kept)) => reports.copy(kept, out),
            _ => Err(io::Error::new(
                io::ErrorKind::NotFound,
                format!("no {what} report of {} was kept", row.source),
            )),
        }
    }
}

/// The rows in the portfolio's order: by effective overall score, then
/// name, then file; equal rows keep their order. The order is found on
/// indices and the rows moved into it where they are, so that no second
/// set of rows is ever held.
fn sort(rows: &mut [PortfolioRow]) {
    let mut order: Vec<usize> = (0..rows.len()).collect();
    order.sort_by(|&i, &j| {
        let (a, b) = (&rows[i], &rows[j]);
        a.scores
            .effective_overall()
            .total_cmp(&b.scores.effective_overall())
            .then_with(|| a.organization.cmp(&b.organization))
            .then_with(|| a.source.cmp(&b.source))
    });
    // Row `k` is to hold the row now at `order[k]`: each cycle of the
    // permutation is followed once, a row swapped into place at each step.
    for start in 0..order.len() {
        let mut k = start;
        while order[k] != k {
            let next = order[k];
            order[k] = k;
            if next == start {
                break;
            }
            rows.swap(k, next);
            k = next;
        }
    }
}

impl PortfolioRow {
    /// What the portfolio reads of `a`, whose full reports are kept at
    /// `reports`; the rest of it is released.
    pub fn new(a: Assessment, reports: Reports) -> PortfolioRow {
        let count = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
        let critical = count(critical_count(&a));
        let accepted = count(a.findings.iter().filter(|f| !f.counts_for_gate).count());
        let live = a.pilots.iter().filter(|p| p.stage.is_live()).count();
        let started = a
            .pilots
            .iter()
            .filter(|p| p.stage.is_live() || p.stage.is_active())
            .count();
        let gate = GateOutcome::of(&a).map(Box::new);
        let baseline = a.comparison.as_ref().map(|c| {
            let change = |name: &str| {
                c.scores
                    .iter()
                    .find(|s| s.name == name)
                    .map(|s| s.value.clone())
            };
            Box::new(ScoreChanges {
                overall: change("overall"),
                strategy: change("strategy"),
                implementation: change("implementation"),
                another: (c.before.organization != c.after.organization)
                    .then(|| c.before.organization.clone()),
            })
        });
        PortfolioRow {
            critical,
            accepted,
            live_pilots: count(live),
            started_pilots: count(started),
            gate,
            baseline,
            scores: a.scores,
            confidence: a.confidence,
            level: a.level,
            quadrant: a.quadrant,
            focus: a.focus,
            purgatory: a.purgatory.status,
            pilots_listed: a.purgatory.pilots_listed,
            benchmark_pct: a.purgatory.benchmark.pilot_to_production_pct,
            rubric: a.rubric,
            organization: a.organization.name,
            source: a.source,
            reports,
        }
    }

    /// Whether its gate failed.
    pub fn gate_failed(&self) -> bool {
        self.gate.as_ref().is_some_and(|g| !g.passed)
    }
}

impl GateOutcome {
    /// The gate of `a` and the findings that fail each of its checks;
    /// `None` when no gate was set.
    pub fn of(a: &Assessment) -> Option<GateOutcome> {
        let gate = a.gate.as_ref()?;
        let checks: Vec<CheckOutcome> = gate
            .checks
            .iter()
            .map(|check| CheckOutcome {
                check: check.clone(),
                failing: crate::assess::gate::failing_findings(check, a)
                    .into_iter()
                    .map(|f| FailingFinding {
                        id: f.id,
                        severity: f.severity,
                        line: f.gate_line(),
                        pilots: f
                            .unaccepted_pilots()
                            .into_iter()
                            .map(str::to_owned)
                            .collect(),
                    })
                    .collect(),
            })
            .collect();
        let regressed = checks
            .iter()
            .any(|c| !c.check.passed() && matches!(c.check, GateCheck::ScoreRegression { .. }));
        Some(GateOutcome {
            passed: gate.passed,
            checks,
            moved: if regressed {
                a.moved.clone()
            } else {
                Vec::new()
            },
        })
    }
}

/// How many critical findings an assessment has.
pub fn critical_count(a: &Assessment) -> usize {
    a.findings
        .iter()
        .filter(|f| f.severity == Severity::Critical)
        .count()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_are_sorted_where_they_are_and_equal_ones_keep_their_order() {
        let rubric = crate::rubric::default_rubric();
        let today = crate::date::Date::parse("2026-11-20").expect("date");
        let options = crate::load::questionnaire::LoadOptions { as_of: None, today };
        let text = std::fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/examples/slide-deck-northwind-retail.yaml"
        ))
        .expect("example");
        let q = crate::load::questionnaire::load(&text, options).expect("valid");
        let base = crate::assess::assess(&q, &rubric, "n.yaml");
        // Scores, names and sources chosen so that the order is known,
        // with two rows equal in all three told apart by their reports.
        let specs = [
            (30.0, "b", "1", 0),
            (10.0, "z", "2", 1),
            (30.0, "a", "3", 2),
            (30.0, "b", "1", 3),
            (20.0, "c", "4", 4),
            (10.0, "a", "5", 5),
        ];
        let rows: Vec<PortfolioRow> = specs
            .iter()
            .map(|&(score, name, source, mark)| {
                let mut a = base.clone();
                a.scores.overall = Some(score);
                a.organization.name = name.to_owned();
                a.source = source.to_owned();
                let reports = Reports {
                    table: Some(Kept {
                        offset: mark,
                        len: 0,
                    }),
                    ..Reports::default()
                };
                PortfolioRow::new(a, reports)
            })
            .collect();
        let p = Portfolio::with_reports(rows, None);
        let marks: Vec<u64> = p
            .rows
            .iter()
            .map(|r| r.reports.table.map_or(99, |k| k.offset))
            .collect();
        assert_eq!(marks, [5, 1, 4, 2, 0, 3]);
    }
}
