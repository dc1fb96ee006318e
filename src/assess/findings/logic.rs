//! Three-valued logic for triggers: an answer left out is *unknown*, and a
//! finding fires only when its trigger is *true*. So an unanswered question
//! never triggers a finding; it lowers completeness instead.

/// True, false, or unknown (left out).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Tri {
    True,
    False,
    Unknown,
}

impl Tri {
    /// An answer that may be left out.
    pub(crate) fn of(value: Option<bool>) -> Tri {
        match value {
            Some(true) => Tri::True,
            Some(false) => Tri::False,
            None => Tri::Unknown,
        }
    }

    /// false and unknown is false.
    #[must_use]
    pub(crate) fn and(self, other: Tri) -> Tri {
        match (self, other) {
            (Tri::False, _) | (_, Tri::False) => Tri::False,
            (Tri::True, Tri::True) => Tri::True,
            _ => Tri::Unknown,
        }
    }

    /// true or unknown is true.
    #[must_use]
    pub(crate) fn or(self, other: Tri) -> Tri {
        match (self, other) {
            (Tri::True, _) | (_, Tri::True) => Tri::True,
            (Tri::False, Tri::False) => Tri::False,
            _ => Tri::Unknown,
        }
    }

    pub(crate) fn is_true(self) -> bool {
        self == Tri::True
    }
}

#[cfg(test)]
mod tests {
    use super::Tri::{False, True, Unknown};

    #[test]
    fn kleene_tables() {
        assert_eq!(False.and(Unknown), False);
        assert_eq!(True.and(Unknown), Unknown);
        assert_eq!(True.or(Unknown), True);
        assert_eq!(False.or(Unknown), Unknown);
    }
}
