//! A map keyed by the format's own paths and item keys. The loader and the
//! assessment look these keys up hundreds of times per questionnaire, so the
//! map uses rustc-hash's fast hash; nothing iterates it, so its order cannot
//! show in any output.

pub(crate) type KeyMap<V> = rustc_hash::FxHashMap<&'static str, V>;
