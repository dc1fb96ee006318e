//! Three-valued logic for triggers: an answer left out is *unknown*, and a
//! finding fires only when its trigger is *true*. So an unanswered question
//! never triggers a finding; it lowers completeness instead.

/// True, false, or unknown (left out).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tri {
    True,
    False,
    Unknown,
}

impl Tri {
    /// An answer that may be left out.
    pub fn of(value: Option<bool>) -> Tri {
        match value {
            Some(true) => Tri::True,
            Some(false) => Tri::False,
            None => Tri::Unknown,
        }
    }

    /// false and unknown is false.
    #[must_use]
    pub fn and(self, other: Tri) -> Tri {
        match (self, other) {
            (Tri::False, _) | (_, Tri::False) => Tri::False,
            (Tri::True, Tri::True) => Tri::True,
            _ => Tri::Unknown,
        }
    }

    /// "There is one": true if any is true, false if all are false (or none exist).
    pub fn any(values: impl IntoIterator<Item = Tri>) -> Tri {
        values.into_iter().fold(Tri::False, Tri::or)
    }

    /// true or unknown is true.
    #[must_use]
    pub fn or(self, other: Tri) -> Tri {
        match (self, other) {
            (Tri::True, _) | (_, Tri::True) => Tri::True,
            (Tri::False, Tri::False) => Tri::False,
            _ => Tri::Unknown,
        }
    }

    pub fn is_true(self) -> bool {
        self == Tri::True
    }
}

/// The negation; unknown stays unknown.
impl std::ops::Not for Tri {
    type Output = Tri;

    fn not(self) -> Tri {
        match self {
            Tri::True => Tri::False,
            Tri::False => Tri::True,
            Tri::Unknown => Tri::Unknown,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Tri::{self, False, True, Unknown};

    #[test]
    fn kleene_tables() {
        assert_eq!(False.and(Unknown), False);
        assert_eq!(True.and(Unknown), Unknown);
        assert_eq!(True.or(Unknown), True);
        assert_eq!(False.or(Unknown), Unknown);
        assert_eq!(!Unknown, Unknown);
        assert_eq!(!True, False);
        assert_eq!(Tri::any([]), False);
        assert_eq!(Tri::any([False, Unknown]), Unknown);
        assert_eq!(Tri::any([Unknown, True]), True);
        assert_eq!(Tri::any([False, False]), False);
    }

    /// Every pair, written out: the whole tables.
    #[test]
    fn kleene_tables_whole() {
        let all = [True, False, Unknown];
        // Rows: the left operand, True, False, Unknown; columns: the right.
        let and = [
            [True, False, Unknown],
            [False, False, False],
            [Unknown, False, Unknown],
        ];
        let or = [
            [True, True, True],
            [True, False, Unknown],
            [True, Unknown, Unknown],
        ];
        for (i, a) in all.into_iter().enumerate() {
            for (j, b) in all.into_iter().enumerate() {
                assert_eq!(a.and(b), and[i][j], "{a:?} and {b:?}");
                assert_eq!(a.or(b), or[i][j], "{a:?} or {b:?}");
            }
        }
        assert_eq!([!True, !False, !Unknown], [False, True, Unknown]);
        assert_eq!(
            [Tri::of(Some(true)), Tri::of(Some(false)), Tri::of(None)],
            [True, False, Unknown]
        );
    }
}
