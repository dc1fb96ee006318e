//! Live systems and running costs: what goes wrong with pilots in
//! production or scaled, and started pilots that cost more than planned.

pub(super) mod cost_overrun;
pub(super) mod no_adoption;
pub(super) mod no_human_oversight;
pub(super) mod no_monitoring;
pub(super) mod open_incident;
pub(super) mod unassessed_impact;
pub(super) mod unguarded_decisions;
pub(super) mod unmeasured_value;
