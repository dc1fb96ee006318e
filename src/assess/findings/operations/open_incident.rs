//! `open-incident`: incidents with AI systems that are not resolved. One
//! finding names them all, the worst first; its severity is the worst
//! one's (high: critical, medium: warning, low: info), never above the
//! rubric's severity for the finding.

use super::super::{Context, Detected, Detector, PilotSet};
use crate::derive::evidence::{Evidence, EvidencePath};
use crate::derive::facts::Pilot;
use crate::load::questionnaire::format::{incident, pilot, INCIDENTS};
use crate::load::questionnaire::Item;
use crate::vocabulary::{FindingId, IncidentSeverity, Monitoring, Severity};

pub(crate) const DETECTOR: Detector = Detector {
    id: FindingId::OpenIncident,
    reads: &[],
    reads_of_pilots: &[],
    pilot_set: PilotSet::Started,
    trigger: "An incident under implementation.incidents has resolved: false; the finding is as severe as the worst of them.",
    detect,
};

/// The finding's severity for an incident's.
fn severity_of(s: IncidentSeverity) -> Severity {
    match s {
        IncidentSeverity::High => Severity::Critical,
        IncidentSeverity::Medium => Severity::Warning,
        IncidentSeverity::Low => Severity::Info,
    }
}

fn detect(cx: &Context<'_>) -> Option<Detected> {
    let list = cx.facts.questionnaire.list(INCIDENTS)?;
    // The loader requires a severity and `resolved` in every incident.
    let mut open: Vec<(usize, &Item, IncidentSeverity)> = list
        .items
        .iter()
        .enumerate()
        .filter(|(_, item)| item.answers.flag(incident::RESOLVED) == Some(false))
        .filter_map(|(i, item)| {
            let severity = item.answers.choice_of(incident::SEVERITY)?;
            Some((i, item, severity))
        })
        .collect();
    // The worst first; a stable sort keeps the file's order within one severity.
    open.sort_by_key(|(_, _, s)| std::cmp::Reverse(*s));
    let worst = open.first()?.2;
    let pilots: Vec<&Pilot<'_>> = cx.facts.pilots.iter().flatten().collect();
    let pilot_of = |item: &Item| {
        let name = item.answers.text(incident::PILOT)?;
        pilots.iter().copied().find(|p| p.name() == name)
    };
    let mut evidence = Vec::new();
    let mut said = Vec::new();
    for (i, item, _) in &open {
        let described = describe(item);
        evidence.push(Evidence::answer(
            EvidencePath::Item {
                list: INCIDENTS,
                index: *i,
                key: None,
            },
            format!("{described}, not resolved"),
            item.at.line,
        ));
        let unwatched = pilot_of(item)
            .filter(|p| p.answers().choice_of(pilot::MONITORING) == Some(Monitoring::None));
        match unwatched {
            Some(p) => {
                evidence.push(p.field_evidence(pilot::MONITORING));
                said.push(format!("{described}, on a system nobody monitors"));
            }
            None => said.push(described),
        }
    }
    // The pilots concerned, each once, in the order of the pilots list.
    let mut concerned: Vec<&Pilot<'_>> = open
        .iter()
        .filter_map(|(_, item, _)| pilot_of(item))
        .collect();
    concerned.sort_by_key(|p| p.index);
    concerned.dedup_by_key(|p| p.index);
    let mut detected = Detected::new(evidence)
        .naming(&concerned)
        .with("incidents", &said.join("; "));
    // `{count}` counts incidents here, not pilots.
    detected.vars.retain(|(name, _)| *name != "count");
    detected = detected.with("count", &open.len());
    detected.severity = Some(severity_of(worst));
    Some(detected)
}

/// An incident in words: `2026-09-14, sepsis-watch, harm, high severity`.
fn describe(item: &Item) -> String {
    let answers = &item.answers;
    let mut parts: Vec<String> = Vec::new();
    if let Some(date) = answers.date(incident::DATE) {
        parts.push(date.to_string());
    }
    parts.push(
        answers
            .text(incident::PILOT)
            .map_or_else(|| "not tied to a pilot".to_owned(), str::to_owned),
    );
    if let Some(kind) = answers.choice(incident::KIND) {
        parts.push(kind.to_owned());
    }
    if let Some(severity) = answers.choice(incident::SEVERITY) {
        parts.push(format!("{severity} severity"));
    }
    parts.join(", ")
}
