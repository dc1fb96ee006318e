//! JSON made once and kept for the whole run: a rubric's lists of
//! framework references (compact). Every organization's JSON report
//! repeats them; each is made the first time a report needs it and copied
//! as it is from then on. (A
//! `##[` in one is broken with the rest of the report it is written into:
//! `render::lines`.)

use serde_json::value::RawValue;

/// Keeps `form` for the rest of the run.
pub fn keep(form: Box<RawValue>) -> &'static RawValue {
    Box::leak(form)
}
