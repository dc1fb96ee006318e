//! Live systems: what goes wrong with pilots in production or scaled.

pub(super) mod cost_overrun;
pub(super) mod no_adoption;
pub(super) mod no_monitoring;
pub(super) mod unguarded_decisions;
pub(super) mod unmeasured_value;

use crate::derive::evidence::Evidence;
use crate::derive::facts::Pilot;

/// The pilots that meet `test`, and evidence citing the key each was judged on.
fn matching<'p, 'q>(
    pilots: &[&'p Pilot<'q>],
    key: &'static str,
    test: impl Fn(&Pilot<'_>) -> bool,
) -> (Vec<&'p Pilot<'q>>, Vec<Evidence>) {
    let chosen: Vec<&'p Pilot<'q>> = pilots.iter().copied().filter(|p| test(p)).collect();
    let evidence = chosen.iter().map(|p| p.field_evidence(key)).collect();
    (chosen, evidence)
}
