//! The assessment written in the JSON report's format ([`report::v1`]):
//! what `--format json` writes and what a comparison reads of the side
//! assessed now. Rubric texts stay shared (`SharedText`), so the escaping
//! each is given once is kept.

use super::{
    Assessment, CriterionResult, DecisionNeeded, DimensionResult, Finding, IncidentSummary,
    PilotSummary, Recommendation, RecommendationId, Respondent,
};
use crate::acceptance::{Acceptance, AcceptanceState};
use crate::frameworks::References;
use crate::gate::{Gate, GateCheck, Gates};
use crate::number::round1;
use crate::report::v1;
use crate::rubric::RubricRef;
use crate::vocabulary::{FailOn, FindingId, Level, Part, Quadrant, Severity, Word};

impl Assessment {
    /// This assessment as the JSON report writes it.
    pub fn report(&self) -> v1::Report {
        let s = &self.scores;
        v1::Report {
            format_version: self.format_version,
            tool: v1::Tool {
                name: self.tool.name.to_owned(),
                version: self.tool.version.to_owned(),
            },
            source: self.source.clone(),
            organization: v1::Organization {
                name: self.organization.name.clone(),
                assessed: self.organization.assessed.clone(),
                assessed_from: self.organization.assessed_from,
            },
            rubric: rubric(&self.rubric),
            scores: v1::Scores {
                strategy: s.strategy,
                implementation: s.implementation,
                overall: s.overall,
                completeness: s.completeness,
                range: v1::Ranges {
                    strategy: s.range.strategy,
                    implementation: s.range.implementation,
                    overall: s.range.overall,
                },
                completeness_by_side: v1::BySide {
                    strategy: s.completeness_by_side.strategy,
                    implementation: s.completeness_by_side.implementation,
                },
                open_questions: v1::OpenQuestions {
                    strategy: s.open_questions.strategy,
                    implementation: s.open_questions.implementation,
                    overall: s.open_questions.overall,
                },
            },
            confidence: self.confidence,
            level: self.level,
            level_by_score: self.level_by_score,
            level_cap: self.level_cap,
            next_level: self.next_level.as_ref().map(|n| v1::NextLevel {
                level: n.level,
                starts_at: n.starts_at,
                points_needed: n.points_needed,
                cap: n.cap,
                criteria: n.criteria.clone(),
            }),
            quadrant: self.quadrant,
            focus: self.focus,
            focus_reason: self.focus_reason.clone(),
            focus_reason_id: self.focus_reason_id,
            purgatory: v1::Purgatory {
                status: self.purgatory.status,
                signals: self.purgatory.signals.clone(),
                lingering: self.purgatory.lingering,
                live: self.purgatory.live,
                pilot_to_production_pct: self.purgatory.pilot_to_production_pct,
                benchmark: v1::Benchmark {
                    pilot_to_production_pct: self.purgatory.benchmark.pilot_to_production_pct,
                    source: self.purgatory.benchmark.source.clone(),
                },
            },
            respondents: self.respondents.iter().map(respondent).collect(),
            pilots: self.pilots.iter().map(pilot).collect(),
            decisions: self.decisions.iter().map(decision).collect(),
            spend: v1::Spend {
                monthly: self.spend.monthly,
                tracked: self.spend.tracked,
                recurring_budget: self.spend.recurring_budget,
            },
            incidents: self.incidents.iter().map(incident).collect(),
            findings: self.findings.iter().map(finding).collect(),
            dimensions: self.dimensions.iter().map(dimension).collect(),
            unanswered: self.unanswered.clone(),
            recommendations: self.recommendations.iter().map(recommendation).collect(),
            gate: self.gate.as_ref().map(gate),
            acceptances: self.acceptances.iter().map(acceptance_state).collect(),
            comparison: self.comparison.clone(),
            config: v1::Config {
                file: self.config.file.clone(),
                rubric: self.config.rubric.clone(),
                gates: gates(&self.config.gates),
            },
        }
    }
}

fn rubric(r: &RubricRef) -> v1::Rubric {
    let quadrant = |q: Quadrant| {
        let text = r.quadrants.get(q);
        v1::QuadrantText {
            name: text.name.clone(),
            meaning: text.meaning.clone(),
        }
    };
    let meaning = |l: Level| r.level_meanings.get(l).clone();
    v1::Rubric {
        id: r.id.clone(),
        version: r.version.clone(),
        name: r.name.clone(),
        quadrants: v1::Quadrants {
            aligned: quadrant(Quadrant::Aligned),
            early: quadrant(Quadrant::Early),
            slide_deck: quadrant(Quadrant::SlideDeck),
            unused_tools: quadrant(Quadrant::UnusedTools),
        },
        quadrant_cut: r.quadrant_cut,
        level_meanings: v1::LevelMeanings {
            experimenting: meaning(Level::Experimenting),
            exploring: meaning(Level::Exploring),
            operationalizing: meaning(Level::Operationalizing),
            scaling: meaning(Level::Scaling),
            transforming: meaning(Level::Transforming),
        },
    }
}

fn respondent(r: &Respondent) -> v1::Respondent {
    v1::Respondent {
        role: r.role.clone(),
        // The loader let only these words through.
        answered: r.answered.iter().filter_map(|w| Part::parse(w)).collect(),
        line: r.line,
    }
}

fn pilot(p: &PilotSummary) -> v1::Pilot {
    v1::Pilot {
        name: p.name.clone(),
        department: p.department.clone(),
        stage: p.stage,
        age_days: p.age_days,
        environment: p.environment,
        users: p.users,
        monitoring: p.monitoring,
        business_owner: p.business_owner.clone(),
        retired_reason: p.retired_reason,
        line: p.line,
    }
}

fn decision(d: &DecisionNeeded) -> v1::Decision {
    v1::Decision {
        pilot: d.pilot.clone(),
        business_owner: d.business_owner.clone(),
        decision_by: d.decision_by.clone(),
        overdue: d.overdue,
        days_running: d.days_running,
        cost_vs_plan: d.cost_vs_plan,
        line: d.line,
    }
}

fn incident(i: &IncidentSummary) -> v1::Incident {
    v1::Incident {
        date: i.date.clone(),
        pilot: i.pilot.clone(),
        kind: i.kind,
        severity: i.severity,
        resolved: i.resolved,
        summary: i.summary.clone(),
        line: i.line,
    }
}

/// The rubric's own list, shared: its JSON is made once for the run.
fn references(list: &References) -> v1::ReferenceList {
    v1::ReferenceList::Assessed(list.clone())
}

fn acceptance(a: &Acceptance) -> v1::Acceptance {
    v1::Acceptance {
        finding: a.finding,
        pilot: a.pilot.clone(),
        reason: a.reason.clone(),
        by: a.by.clone(),
        until: a.until.to_string(),
        file: a.file.clone(),
        line: a.line,
    }
}

fn acceptance_state(a: &AcceptanceState) -> v1::AcceptanceState {
    v1::AcceptanceState {
        acceptance: acceptance(&a.acceptance),
        status: a.status,
    }
}

fn finding(f: &Finding) -> v1::Finding {
    v1::Finding {
        id: f.id,
        kind: f.kind,
        severity: f.severity,
        title: f.title.clone(),
        message: f.message.clone(),
        evidence: v1::EvidenceList::Assessed(f.evidence.clone()),
        remedy: f.remedy.clone(),
        source: f.source,
        contradicts_stated_belief: f.contradicts_stated_belief,
        statement: f.statement.clone(),
        correction: f.correction.clone(),
        pilots: f.pilots.clone(),
        accepted: f.accepted.iter().map(acceptance).collect(),
        counts_for_gate: f.counts_for_gate,
        references: references(&f.references),
    }
}

fn dimension(d: &DimensionResult) -> v1::Dimension {
    v1::Dimension {
        id: d.id.clone(),
        name: d.name.clone(),
        strategy: d.strategy,
        implementation: d.implementation,
        criteria: d.criteria.iter().map(criterion).collect(),
        references: references(&d.references),
    }
}

fn criterion(c: &CriterionResult) -> v1::Criterion {
    v1::Criterion {
        id: c.criterion.id.clone(),
        title: c.criterion.title.clone(),
        side: c.criterion.side,
        weight: c.criterion.weight,
        points: c.points,
        answered: c.answered,
        applies: c.applies,
    }
}

fn recommendation(r: &Recommendation) -> v1::Recommendation {
    v1::Recommendation {
        rank: r.rank,
        // A criterion's id stays the rubric's shared text.
        id: match &r.id {
            RecommendationId::Criterion(id) => id.clone(),
            other => other.as_str().into(),
        },
        group: r.group,
        title: r.title.clone(),
        reason: r.reason.to_string(),
        evidence: v1::EvidenceList::Assessed(r.evidence.clone()),
        pilots: r.pilots.clone(),
        also: r.also.clone(),
        references: references(&r.references),
    }
}

fn gates(g: &Gates) -> v1::Gates {
    v1::Gates {
        fail_under: g.fail_under,
        min_strategy: g.min_strategy,
        min_implementation: g.min_implementation,
        min_completeness: g.min_completeness,
        fail_on: g.fail_on.iter().map(|c| c.word().into_owned()).collect(),
        baseline: g.baseline.clone(),
        tolerance: g.tolerance,
    }
}

fn gate(g: &Gate) -> v1::Gate {
    v1::Gate {
        passed: g.passed,
        checks: g.checks.iter().map(check).collect(),
    }
}

/// The name of the `--fail-on` check, as `readiness.toml` and the JSON name it.
const FAIL_ON: &str = "fail_on";

/// A check as one flat record: its name, threshold, actual value and
/// result; a score for a score, words for `fail_on` (a finding id as its
/// threshold reads `fired` or `not fired`).
fn check(c: &GateCheck) -> v1::GateCheck {
    use v1::gate::Value::{Score, Word as Text};
    let word = |w: &str| Text(w.to_owned());
    let fired = |yes: bool| word(if yes { "fired" } else { "not fired" });
    let mut out = v1::GateCheck {
        name: FAIL_ON.to_owned(),
        threshold: word("none"),
        actual: word("none"),
        findings: None,
        accepted: None,
        score: None,
        open: None,
        baseline: None,
        passed: c.passed(),
    };
    match *c {
        GateCheck::Reference {
            ref reference,
            fired: ref findings,
            accepted,
        } => {
            out.threshold = word(reference);
            out.actual = fired(!findings.is_empty());
            out.findings = Some(findings.clone());
            out.accepted = (accepted > 0).then_some(accepted);
        }
        GateCheck::Score {
            gate,
            threshold,
            low,
            score,
        } => {
            gate.word().clone_into(&mut out.name);
            out.threshold = Score(threshold);
            out.actual = Score(low);
            out.score = Some(score);
            out.open = Some(c.open());
        }
        GateCheck::Purgatory { status, .. } => {
            out.threshold = word(FailOn::Purgatory.word());
            out.actual = word(status.word());
        }
        GateCheck::Severity {
            fail_on,
            worst,
            accepted,
        } => {
            out.threshold = word(fail_on.word());
            out.actual = word(worst.map_or("none", Severity::word));
            // Only where an acceptance is involved, so gates without one
            // read as they always have.
            out.accepted = (accepted > 0).then_some(accepted);
        }
        GateCheck::Finding {
            id,
            fired: yes,
            accepted,
        } => {
            out.threshold = word(id.word());
            out.actual = fired(yes);
            out.accepted = (yes && accepted).then_some(1);
        }
        GateCheck::ScoreRegression {
            score,
            baseline,
            low,
            tolerance,
        } => {
            out.name = format!("regression.{score}");
            out.threshold = Score(round1(baseline - tolerance).max(0.0));
            out.actual = Score(low);
            out.baseline = Some(baseline);
        }
        GateCheck::LevelRegression { baseline, level } => {
            "regression.level".clone_into(&mut out.name);
            out.threshold = word(baseline.word());
            out.actual = word(level.word());
        }
        GateCheck::QuadrantRegression { baseline, quadrant } => {
            "regression.quadrant".clone_into(&mut out.name);
            out.threshold = word(baseline.word());
            out.actual = word(quadrant.word());
        }
        GateCheck::NewCritical { id } => {
            "regression.critical".clone_into(&mut out.name);
            out.actual = word(id.map_or("none", FindingId::word));
        }
    }
    out
}
