//! The other findings: too many open options, the risk of shadow AI, the
//! operating model's tensions, pilots and business problems that do not
//! meet, and an inventory that is not whole.

pub(super) mod incomplete_inventory;
pub(super) mod overwhelmed;
pub(super) mod shadow_ai;
pub(super) mod tensions;
pub(super) mod unanchored_pilot;
pub(super) mod unserved_problem;
