//! Facts derived from a questionnaire that the scoring and the findings share:
//! each pilot's stage, whether it is active or live, and its age; each with
//! the evidence that explains it. Pure: no I/O, no failure.

use crate::date::Date;
use crate::derive::evidence::{Evidence, EvidencePath};
use crate::load::questionnaire::format::{pilot, PILOTS};
use crate::load::questionnaire::{Answers, Item, Questionnaire};
use crate::vocabulary::{Impact, Sourcing, Stage};

/// One pilot as the findings see it.
#[derive(Debug, Clone)]
pub struct Pilot<'q> {
    pub index: usize,
    pub stage: Stage,
    /// Whole days from `started` to the assessment date, when `started` is given.
    pub age_days: Option<i64>,
    pub item: &'q Item,
}

impl<'q> Pilot<'q> {
    pub fn name(&self) -> &'q str {
        self.item.name()
    }

    pub fn answers(&self) -> &'q Answers {
        &self.item.answers
    }

    /// At stage `pilot`.
    pub fn is_active(&self) -> bool {
        self.stage.is_active()
    }

    /// At stage `production` or `scaled`.
    pub fn is_live(&self) -> bool {
        self.stage.is_live()
    }

    /// At stage `pilot`, `production` or `scaled`: counted in every
    /// per-pilot criterion and the pilot-to-production rate.
    pub fn is_started(&self) -> bool {
        self.stage.is_started()
    }

    /// What rides on its outputs; `medium` when left out.
    pub fn impact(&self) -> Impact {
        self.answers()
            .choice_of(pilot::IMPACT)
            .unwrap_or(Impact::Medium)
    }

    /// Whether `impact: high` is written out (a default never raises the stakes).
    pub fn is_high_impact(&self) -> bool {
        self.answers().choice_of(pilot::IMPACT) == Some(Impact::High)
    }

    /// Where it comes from; `built` when left out.
    pub fn sourcing(&self) -> Sourcing {
        self.answers()
            .choice_of(pilot::SOURCING)
            .unwrap_or(Sourcing::Built)
    }

    /// Its go/no-go date, when given.
    pub fn decision_by(&self) -> Option<Date> {
        self.answers().date(pilot::DECISION_BY)
    }

    pub fn path(&self) -> String {
        [PILOTS, "[", itoa::Buffer::new().format(self.index), "]"].concat()
    }

    /// Evidence naming the pilot as a whole: `churn-model, running 630 days`.
    pub fn evidence(&self, what: &str) -> Evidence {
        Evidence::answer(
            EvidencePath::Item {
                list: PILOTS,
                index: self.index,
                key: None,
            },
            [self.name(), ", ", what].concat(),
            self.item.at.line,
        )
    }

    /// Evidence citing one of the pilot's answers, at that answer's line.
    pub fn field_evidence(&self, key: &'static str) -> Evidence {
        let path = EvidencePath::Item {
            list: PILOTS,
            index: self.index,
            key: Some(key),
        };
        match self.answers().get(key) {
            // Joined into one allocation of the right size: a file of ten
            // thousand pilots cites tens of thousands of answers.
            Some(answer) => Evidence::answer(
                path,
                [self.name(), ", ", key, " ", &answer.value.describe()].concat(),
                answer.at.line,
            ),
            None => Evidence::unanswered(path),
        }
    }

    /// Evidence for where the pilot comes from: the answer, or when it is
    /// left out the default it is read as (no line: nothing was written).
    pub fn sourcing_evidence(&self) -> Evidence {
        if self.answers().get(pilot::SOURCING).is_some() {
            return self.field_evidence(pilot::SOURCING);
        }
        Evidence {
            path: EvidencePath::Item {
                list: PILOTS,
                index: self.index,
                key: Some(pilot::SOURCING),
            },
            value: format!(
                "{}, sourcing {} (the default)",
                self.name(),
                Sourcing::Built
            )
            .into(),
            line: None,
        }
    }
}

/// The facts of one questionnaire.
#[derive(Debug)]
pub struct Facts<'q> {
    pub questionnaire: &'q Questionnaire,
    /// Every pilot, retired ones included; `None` when the list was left out.
    pub pilots: Option<Vec<Pilot<'q>>>,
}

impl<'q> Facts<'q> {
    pub fn derive(questionnaire: &'q Questionnaire) -> Facts<'q> {
        let pilots = questionnaire.list(PILOTS).map(|list| {
            list.items
                .iter()
                .enumerate()
                .map(|(index, item)| Pilot {
                    index,
                    // The loader requires a stage in every pilot.
                    stage: item.answers.choice_of(pilot::STAGE).unwrap_or(Stage::Idea),
                    age_days: item
                        .answers
                        .date(pilot::STARTED)
                        .map(|started| questionnaire.assessed.days_since(started)),
                    item,
                })
                .collect()
        });
        Facts {
            questionnaire,
            pilots,
        }
    }

    pub fn answers(&self) -> &'q Answers {
        &self.questionnaire.answers
    }

    /// Started pilots (`pilot`, `production`, `scaled`); `None` when the
    /// list was left out, which is unknown rather than none.
    pub fn started_pilots(&self) -> Option<Vec<&Pilot<'q>>> {
        self.pilots
            .as_ref()
            .map(|pilots| pilots.iter().filter(|p| p.is_started()).collect())
    }

    /// Started pilots with the live ones first, each part in the
    /// questionnaire's order: how a sentence names the work under way, the
    /// systems already in use before the trials. Empty when none is started
    /// or the list was left out.
    pub fn started_live_first(&self) -> Vec<&Pilot<'q>> {
        let (live, active): (Vec<&Pilot<'q>>, Vec<&Pilot<'q>>) = self
            .all_pilots()
            .filter(|p| p.is_started())
            .partition(|p| p.is_live());
        live.into_iter().chain(active).collect()
    }

    /// Pilots at stage `pilot`; empty when the list was left out.
    pub fn active_pilots(&self) -> Vec<&Pilot<'q>> {
        self.all_pilots().filter(|p| p.is_active()).collect()
    }

    /// Pilots in production or scaled; empty when the list was left out.
    pub fn live_pilots(&self) -> Vec<&Pilot<'q>> {
        self.all_pilots().filter(|p| p.is_live()).collect()
    }

    /// Active pilots that linger: started `stale_days` or more before the
    /// assessment date, or past their go/no-go date (a decision due today
    /// has not passed). A pilot without either date does not linger.
    pub fn lingering_pilots(&self, stale_days: i64) -> Vec<&Pilot<'q>> {
        let assessed = self.questionnaire.assessed;
        self.active_pilots()
            .into_iter()
            .filter(|p| {
                p.age_days.is_some_and(|age| age >= stale_days)
                    || p.decision_by().is_some_and(|due| due < assessed)
            })
            .collect()
    }

    fn all_pilots(&self) -> impl Iterator<Item = &Pilot<'q>> {
        self.pilots.iter().flatten()
    }

    /// Evidence for a single answer, when it was given.
    pub fn evidence(&self, path: &'static str) -> Option<Evidence> {
        self.answers()
            .get(path)
            .map(|a| Evidence::answer(path, a.value.describe(), a.at.line))
    }
}
