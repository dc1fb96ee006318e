//! Facts derived from a questionnaire that the scoring and the findings share:
//! each pilot's stage, whether it is active or live, and its age; each with
//! the evidence that explains it. Pure: no I/O, no failure.

use crate::derive::evidence::{Evidence, EvidencePath};
use crate::load::questionnaire::format::{pilot, PILOTS};
use crate::load::questionnaire::{Answers, Item, Questionnaire};
use crate::vocabulary::Stage;

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

    /// Not retired: counted in criteria and triggers.
    pub fn is_counted(&self) -> bool {
        self.stage != Stage::Retired
    }

    pub fn path(&self) -> String {
        format!("{PILOTS}[{}]", self.index)
    }

    /// Evidence naming the pilot as a whole: `churn-model, running 630 days`.
    pub fn evidence(&self, what: &str) -> Evidence {
        Evidence::answer(
            EvidencePath::Item {
                list: PILOTS,
                index: self.index,
                key: None,
            },
            format!("{}, {what}", self.name()),
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
            Some(answer) => Evidence::answer(
                path,
                format!("{}, {key} {}", self.name(), answer.value.describe()),
                answer.at.line,
            ),
            None => Evidence::unanswered(path),
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

    /// Pilots that are not retired; `None` when the list was left out.
    pub fn counted_pilots(&self) -> Option<impl Iterator<Item = &Pilot<'q>>> {
        self.pilots
            .as_ref()
            .map(|pilots| pilots.iter().filter(|p| p.is_counted()))
    }

    /// Evidence for a single answer, when it was given.
    pub fn evidence(&self, path: &'static str) -> Option<Evidence> {
        self.answers()
            .get(path)
            .map(|a| Evidence::answer(path, a.value.describe(), a.at.line))
    }
}
