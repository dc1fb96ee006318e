//! `incomplete-inventory`: the pilots list is not the whole of the AI in
//! use, so the implementation half describes only part of it. It also caps
//! confidence at provisional (`assess::confidence`).

use super::super::{Context, Detected, Detector, PilotSet};
use crate::load::questionnaire::format::path;
use crate::vocabulary::FindingId;

pub(crate) const DETECTOR: Detector = Detector {
    id: FindingId::IncompleteInventory,
    reads: &[
        path::IMPLEMENTATION_INVENTORY_COMPLETE,
        path::IMPLEMENTATION_INVENTORY_SYSTEMS_KNOWN,
    ],
    reads_of_pilots: &[],
    pilot_set: PilotSet::Started,
    trigger: "implementation.inventory.complete is false. It also holds confidence at provisional or below: the implementation half describes only part of the AI in use.",
    detect,
};

fn detect(cx: &Context<'_>) -> Option<Detected> {
    let answers = cx.facts.answers();
    if answers.flag(path::IMPLEMENTATION_INVENTORY_COMPLETE)? {
        return None;
    }
    let mut evidence: Vec<_> = cx
        .facts
        .evidence(path::IMPLEMENTATION_INVENTORY_COMPLETE)
        .into_iter()
        .collect();
    // The systems the list holds: started and retired pilots (ideas are
    // not systems yet), as the loader counts them against systems_known.
    let listed = cx
        .facts
        .pilots
        .iter()
        .flatten()
        .filter(|p| p.is_started() || p.stage == crate::vocabulary::Stage::Retired)
        .count();
    let known = answers.integer(path::IMPLEMENTATION_INVENTORY_SYSTEMS_KNOWN);
    evidence.extend(
        cx.facts
            .evidence(path::IMPLEMENTATION_INVENTORY_SYSTEMS_KNOWN),
    );
    let extent = if let Some(known) = known {
        if usize::try_from(known).is_ok_and(|known| listed >= known) {
            // Every system counted is listed, yet the answer says the list
            // is not the whole: the count itself is what falls short.
            format!("every AI system counted as known ({known}), but the inventory is marked incomplete")
        } else {
            let systems = if known == 1 { "system" } else { "systems" };
            format!("{listed} of the {known} AI {systems} known to exist")
        }
    } else {
        let systems = if listed == 1 { "system" } else { "systems" };
        format!("{listed} AI {systems}, and how many more exist is not answered")
    };
    Some(Detected::new(evidence).with("extent", &extent))
}
