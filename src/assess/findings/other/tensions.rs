//! `tension.*`: an operating model at one extreme of a pole. Three poles are
//! healthiest in the middle; goals at the aligned end (5).

use super::super::{Context, Detected, Detector, PilotSet};
use crate::load::questionnaire::format::path;
use crate::vocabulary::FindingId;

pub(crate) const EXPERIMENTATION: Detector = Detector {
    id: FindingId::TensionExperimentation,
    reads: &[path::OPERATING_MODEL_EXPERIMENTATION],
    reads_of_pilots: &[],
    pilot_set: PilotSet::Started,
    trigger: "operating_model.experimentation is 1 (learning without control) or 5 (control without learning).",
    detect: |cx| at_extreme(cx, path::OPERATING_MODEL_EXPERIMENTATION, &[1, 5]),
};

pub(crate) const ADOPTION: Detector = Detector {
    id: FindingId::TensionAdoption,
    reads: &[path::OPERATING_MODEL_ADOPTION],
    reads_of_pilots: &[],
    pilot_set: PilotSet::Started,
    trigger: "operating_model.adoption is 1 (bottom-up only) or 5 (top-down only).",
    detect: |cx| at_extreme(cx, path::OPERATING_MODEL_ADOPTION, &[1, 5]),
};

pub(crate) const FOCUS: Detector = Detector {
    id: FindingId::TensionFocus,
    reads: &[path::OPERATING_MODEL_FOCUS],
    reads_of_pilots: &[],
    pilot_set: PilotSet::Started,
    trigger: "operating_model.focus is 1 (execution without governance) or 5 (governance that stalls output).",
    detect: |cx| at_extreme(cx, path::OPERATING_MODEL_FOCUS, &[1, 5]),
};

pub(crate) const GOALS: Detector = Detector {
    id: FindingId::TensionGoals,
    reads: &[path::OPERATING_MODEL_GOALS],
    reads_of_pilots: &[],
    pilot_set: PilotSet::Started,
    trigger: "operating_model.goals is 1 or 2 (isolated team goals).",
    detect: |cx| at_extreme(cx, path::OPERATING_MODEL_GOALS, &[1, 2]),
};

/// The pole at `path` when its answer is one of `extremes`.
fn at_extreme(cx: &Context<'_>, path: &'static str, extremes: &[i64]) -> Option<Detected> {
    let value = cx
        .facts
        .answers()
        .integer(path)
        .filter(|v| extremes.contains(v))?;
    Some(Detected::new(cx.facts.evidence(path).into_iter().collect()).with("value", &value))
}
