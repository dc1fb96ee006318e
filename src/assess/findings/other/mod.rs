//! The other findings: too many open options, the risk of shadow AI, and the
//! operating model's tensions.

pub(super) mod overwhelmed;
pub(super) mod shadow_ai;
pub(super) mod tensions;
