//! Every closed set of words the tool speaks: finding ids and groups,
//! severities, sides, focus and its reasons, levels, quadrants, purgatory
//! status, and the questionnaire's choices that the logic reads.
//!
//! Each word is written once, in the enum's `strum` attributes: the report,
//! the JSON, the rubric's keys, the questionnaire format's choice lists and
//! the command line all take it from there. This module depends on nothing
//! else in the crate, so every stage of the pipeline can use it.

use serde::{Serialize, Serializer};
use strum::{EnumString, IntoStaticStr, VariantArray, VariantNames};

/// A word of a closed set, as the reports and files write it.
pub trait Word: Copy + Eq + Into<&'static str> + VariantArray + VariantNames + 'static {
    /// The word.
    fn word(self) -> &'static str {
        self.into()
    }

    /// Every word of the set, in the enum's order.
    fn words() -> &'static [&'static str] {
        <Self as VariantNames>::VARIANTS
    }

    /// Every member of the set, in the enum's order.
    fn all() -> &'static [Self] {
        <Self as VariantArray>::VARIANTS
    }

    /// The member at `index` of the enum's order (a choice's rank).
    fn at(index: usize) -> Option<Self> {
        Self::all().get(index).copied()
    }

    /// The member written `word`, if any.
    fn parse(word: &str) -> Option<Self> {
        Self::words()
            .iter()
            .position(|w| *w == word)
            .and_then(Self::at)
    }
}

/// Declares closed sets: each enum derives its words with strum, serializes
/// as its word, and is a [`Word`].
macro_rules! closed_set {
    ($(
        $(#[$meta:meta])*
        $name:ident { $($(#[$vmeta:meta])* $variant:ident),+ $(,)? }
    )+) => {$(
        #[derive(
            Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash,
            IntoStaticStr, EnumString, VariantArray, VariantNames,
        )]
        $(#[$meta])*
        pub enum $name { $($(#[$vmeta])* $variant),+ }

        impl Word for $name {}

        impl Serialize for $name {
            fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.serialize_str(self.word())
            }
        }

        /// Read back as its word, and only as one of the set's words.
        impl<'de> serde::Deserialize<'de> for $name {
            fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                let word = String::deserialize(deserializer)?;
                Self::parse(&word).ok_or_else(|| {
                    serde::de::Error::custom(format!(
                        "{word:?} is not one of the words allowed here: {}",
                        Self::words().join(", ")
                    ))
                })
            }
        }

        /// Its words, inline where it is used: a closed set reads best
        /// beside the field's own description.
        impl schemars::JsonSchema for $name {
            fn inline_schema() -> bool {
                true
            }

            fn schema_name() -> std::borrow::Cow<'static, str> {
                stringify!($name).into()
            }

            fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
                schemars::json_schema!({ "type": "string", "enum": Self::words() })
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.word())
            }
        }
    )+};
}

closed_set! {
    /// Every finding the tool can detect, in the order of the rules' tables:
    /// the order reports list them within a severity, and recommendations
    /// within a step.
    #[strum(serialize_all = "kebab-case")]
    FindingId {
        NoProduction,
        StalePilot,
        OverdueDecision,
        LaptopBound,
        UnprovenPilot,
        InfrastructureGap,
        PlanWithoutResults,
        UnguardedDecisions,
        NoMonitoring,
        UnmeasuredValue,
        CostOverrun,
        NoAdoption,
        NoHumanOversight,
        UnassessedImpact,
        OpenIncident,
        StrategyFirst,
        ItOnly,
        StrategyEqualsReady,
        OneTimeCost,
        Overwhelmed,
        #[strum(serialize = "tension.experimentation")]
        TensionExperimentation,
        #[strum(serialize = "tension.adoption")]
        TensionAdoption,
        #[strum(serialize = "tension.focus")]
        TensionFocus,
        #[strum(serialize = "tension.goals")]
        TensionGoals,
        ShadowAi,
        UnanchoredPilot,
        UnservedProblem,
        IncompleteInventory,
    }

    /// Which family a finding belongs to: work that does not reach
    /// production, live systems, misconceptions, and the rest.
    #[strum(serialize_all = "lowercase")]
    Group { Purgatory, Operations, Misconception, Other }

    /// How severe a finding is, least first.
    #[strum(serialize_all = "lowercase")]
    Severity { Info, Warning, Critical }

    /// Which half of readiness a criterion measures.
    #[strum(serialize_all = "lowercase")]
    Side { Strategy, Implementation }

    /// The one-word answer leadership reads first.
    #[strum(serialize_all = "lowercase")]
    Focus { Strategy, Implementation, Parallel, Scale }

    /// Which row of the focus rule decided, in the rule's order; the rubric
    /// holds a sentence for each.
    #[strum(serialize_all = "kebab-case")]
    FocusReason {
        NoPlanOnRecord,
        Stuck,
        Overwhelmed,
        Harden,
        UnusedTools,
        SlideDeck,
        EarlyStuck,
        Early,
        Aligned,
    }

    /// How far to trust the verdict, given what was left unanswered.
    #[strum(serialize_all = "lowercase")]
    Confidence { Firm, Provisional, Insufficient }

    /// The maturity level, least first.
    #[strum(serialize_all = "lowercase")]
    Level { Exploring, Experimenting, Operationalizing, Scaling, Transforming }

    /// Where strategy and implementation place an organization.
    #[strum(serialize_all = "kebab-case")]
    Quadrant { Aligned, SlideDeck, UnusedTools, Early }

    /// Whether pilots are stuck in purgatory.
    #[strum(serialize_all = "kebab-case")]
    PurgatoryStatus { Stuck, AtRisk, None }

    /// Where a misconception shows: leadership said it, the answers show it, or both.
    #[strum(serialize_all = "lowercase")]
    Source { Belief, Behavior, Both }

    /// A pilot's stage, in the format's order. `Retired` is last but is not a
    /// step of maturity: a retired pilot is counted nowhere.
    #[strum(serialize_all = "lowercase")]
    Stage { Idea, Pilot, Production, Scaled, Retired }

    /// Where a pilot runs, least mature first.
    #[strum(serialize_all = "lowercase")]
    Environment { Laptop, Sandbox, Cloud, Production }

    /// How a pilot is monitored, least mature first.
    #[strum(serialize_all = "lowercase")]
    Monitoring { None, Manual, Automated }

    /// How a pilot is retrained, least mature first.
    #[strum(serialize_all = "snake_case")]
    Retraining { None, AdHoc, Scheduled, Automated }

    /// Where a pilot comes from. Not a rating: it has no order of maturity.
    #[strum(serialize_all = "lowercase")]
    Sourcing { Built, Bought }

    /// What rides on a pilot's outputs (money, health, rights). Not a rating.
    #[strum(serialize_all = "lowercase")]
    Impact { Low, Medium, High }

    /// Whether people check a pilot's outputs before they take effect, least
    /// mature first.
    #[strum(serialize_all = "snake_case")]
    HumanReview { None, Sampled, EveryOutput }

    /// Who a pilot's outputs affect. Describes; has no order.
    #[strum(serialize_all = "lowercase")]
    Affected { Employees, Customers, Applicants, Patients, Students, Citizens, Public }

    /// Why a pilot was retired. Describes; has no order.
    #[strum(serialize_all = "lowercase")]
    RetiredReason { Value, Cost, Risk, Replaced, Strategy }

    /// What kind of thing went wrong in an incident. Describes; has no order.
    #[strum(serialize_all = "lowercase")]
    IncidentKind { Harm, Legal, Outage, Security, Complaint, Other }

    /// How serious an incident was, least first.
    #[strum(serialize_all = "lowercase")]
    IncidentSeverity { Low, Medium, High }

    /// The parts of the questionnaire a respondent answered.
    #[strum(serialize_all = "snake_case")]
    Part { Strategy, Implementation, Beliefs, OperatingModel }

    /// Where the assessment date came from, as the report says: the
    /// questionnaire's `organization.assessed`, the `--as-of` option (a
    /// flag, as the report names it), or the system clock.
    #[strum(serialize_all = "kebab-case")]
    DateSource {
        Questionnaire,
        #[strum(serialize = "flag")]
        AsOf,
        Today,
    }

    /// An answer to a belief statement, least mature first.
    #[strum(serialize_all = "lowercase")]
    Belief { Agree, Unsure, Disagree }

    /// The status of a roadmap or a policy, least mature first.
    #[strum(serialize_all = "lowercase")]
    Policy { None, Draft, Approved }

    /// How the open options are prioritized, least mature first.
    #[strum(serialize_all = "lowercase")]
    Priorities { None, Unranked, Ranked }

    /// The data's quality, least mature first.
    #[strum(serialize_all = "lowercase")]
    DataQuality { Poor, Fair, Good, Excellent }

    /// The data's architecture, least mature first.
    #[strum(serialize_all = "lowercase")]
    DataArchitecture { Legacy, Modernizing, Modern }

    /// What `--fail-on` fails on.
    #[strum(serialize_all = "lowercase")]
    FailOn { Purgatory, Critical, Warning }

    /// A report's format.
    #[strum(serialize_all = "lowercase")]
    Format { Table, Markdown, Json, Sarif, Github, Codeclimate, Junit, Html }

    /// What became of an accepted risk in one assessment: in force (it
    /// matched a finding that fired), expired (past its date: the finding
    /// counts again), or unmatched (the finding does not fire: remove it).
    #[strum(serialize_all = "kebab-case")]
    AcceptanceStatus { InForce, Expired, Unmatched }

    /// A gate on a score, named as the JSON report and `readiness.toml` name it.
    #[strum(serialize_all = "snake_case")]
    ScoreGate { FailUnder, MinStrategy, MinImplementation, MinCompleteness }
}

impl ScoreGate {
    /// The score a gate compares, in words.
    pub fn subject(self) -> &'static str {
        match self {
            ScoreGate::FailUnder => "overall",
            ScoreGate::MinStrategy => "strategy",
            ScoreGate::MinImplementation => "implementation",
            ScoreGate::MinCompleteness => "completeness",
        }
    }
}

impl Stage {
    /// Started: at stage `pilot`, `production` or `scaled`.
    pub fn is_started(self) -> bool {
        matches!(self, Stage::Pilot | Stage::Production | Stage::Scaled)
    }

    /// At stage `pilot`: started, not yet live.
    pub fn is_active(self) -> bool {
        self == Stage::Pilot
    }

    /// At stage `production` or `scaled`.
    pub fn is_live(self) -> bool {
        matches!(self, Stage::Production | Stage::Scaled)
    }
}

/// The purgatory findings that make an organization that is not stuck at
/// risk; the others say what keeps pilots back, and alone make no risk.
pub const AT_RISK_SIGNALS: [FindingId; 4] = [
    FindingId::NoProduction,
    FindingId::StalePilot,
    FindingId::OverdueDecision,
    FindingId::PlanWithoutResults,
];

impl PurgatoryStatus {
    /// `stuck` when at least one active pilot lingers and more pilots
    /// linger than are live; `at-risk` when not stuck and one of
    /// [`AT_RISK_SIGNALS`] fired; `none` otherwise. Taking a pilot to
    /// production never makes it worse.
    pub fn of(lingering: usize, live: usize, signals: &[FindingId]) -> PurgatoryStatus {
        if lingering >= 1 && lingering > live {
            PurgatoryStatus::Stuck
        } else if signals.iter().any(|s| AT_RISK_SIGNALS.contains(s)) {
            PurgatoryStatus::AtRisk
        } else {
            PurgatoryStatus::None
        }
    }
}

impl FindingId {
    /// The group each finding belongs to, fixed by what it detects.
    pub fn group(self) -> Group {
        use FindingId as F;
        match self {
            F::NoProduction
            | F::StalePilot
            | F::OverdueDecision
            | F::LaptopBound
            | F::UnprovenPilot
            | F::InfrastructureGap
            | F::PlanWithoutResults => Group::Purgatory,
            F::NoMonitoring
            | F::UnguardedDecisions
            | F::UnmeasuredValue
            | F::CostOverrun
            | F::NoAdoption
            | F::NoHumanOversight
            | F::UnassessedImpact
            | F::OpenIncident => Group::Operations,
            F::StrategyFirst | F::ItOnly | F::StrategyEqualsReady | F::OneTimeCost => {
                Group::Misconception
            }
            F::Overwhelmed
            | F::TensionExperimentation
            | F::TensionAdoption
            | F::TensionFocus
            | F::TensionGoals
            | F::ShadowAi
            | F::UnanchoredPilot
            | F::UnservedProblem
            | F::IncompleteInventory => Group::Other,
        }
    }
}

impl FindingId {
    /// The `{name}` placeholders the rubric's message and remedy for this
    /// finding may use; the finding fills each of them. `{pilots}` names the
    /// pilots concerned.
    pub fn placeholders(self) -> &'static [&'static str] {
        use FindingId as F;
        match self {
            F::NoProduction => &["active", "min_active", "pilots"],
            F::StalePilot => &["count", "days", "pilots"],
            F::OverdueDecision
            | F::LaptopBound
            | F::UnprovenPilot
            | F::UnmeasuredValue
            | F::NoHumanOversight
            | F::UnanchoredPilot
            | F::ItOnly
            | F::OneTimeCost => &["count", "pilots"],
            F::NoMonitoring | F::NoAdoption => &["count", "pilots", "gaps", "steps"],
            F::InfrastructureGap => &["pilots", "blockers", "fixes"],
            F::UnguardedDecisions => &["count", "pilots", "review"],
            F::CostOverrun => &["count", "ratio", "pilots"],
            F::PlanWithoutResults => &[
                "strategy",
                "implementation",
                "min_strategy",
                "max_implementation",
            ],
            F::StrategyFirst => &["roadmap"],
            F::StrategyEqualsReady => &["strategy", "min_strategy", "gaps"],
            F::Overwhelmed => &["open_options", "min_options"],
            F::TensionExperimentation | F::TensionAdoption | F::TensionFocus | F::TensionGoals => {
                &["value"]
            }
            F::ShadowAi => &[],
            F::UnassessedImpact => &["count", "pilots", "affected"],
            F::OpenIncident => &["count", "incidents", "pilots"],
            F::UnservedProblem => &["count", "problems"],
            F::IncompleteInventory => &["extent"],
        }
    }
}

impl FocusReason {
    /// The `{name}` placeholders the rubric's sentence for this reason may use.
    pub fn placeholders(self) -> &'static [&'static str] {
        use FocusReason as R;
        match self {
            R::NoPlanOnRecord => &["completeness", "min_completeness", "live_note"],
            R::Stuck => &[
                "lingering",
                "live",
                "live_note",
                "pilots",
                "each",
                "strategy",
            ],
            R::Overwhelmed => &["open_options", "strategy", "live_note"],
            R::Harden => &["findings", "strategy", "implementation", "live_pilots"],
            R::EarlyStuck => &[
                "lingering",
                "live",
                "live_note",
                "pilots",
                "each",
                "strategy",
                "implementation",
            ],
            R::SlideDeck => &["strategy", "implementation", "delivery"],
            R::UnusedTools | R::Aligned => &[
                "strategy",
                "implementation",
                "live_pilots",
                "proven",
                "live_note",
            ],
            R::Early => &["strategy", "implementation"],
        }
    }

    /// The focus this reason decides.
    pub fn focus(self) -> Focus {
        use FocusReason as R;
        match self {
            R::NoPlanOnRecord | R::Overwhelmed | R::UnusedTools => Focus::Strategy,
            R::Stuck | R::Harden | R::SlideDeck => Focus::Implementation,
            R::EarlyStuck | R::Early => Focus::Parallel,
            R::Aligned => Focus::Scale,
        }
    }
}

impl Quadrant {
    /// The focus reason that names the quadrant.
    pub fn reason(self) -> FocusReason {
        match self {
            Quadrant::Aligned => FocusReason::Aligned,
            Quadrant::SlideDeck => FocusReason::SlideDeck,
            Quadrant::UnusedTools => FocusReason::UnusedTools,
            Quadrant::Early => FocusReason::Early,
        }
    }
}

/// A value for each member of a closed set, indexed by the member: the
/// rubric's texts per finding, per quadrant and per focus reason. Built only
/// complete, so a lookup never misses.
#[derive(Debug, Clone, PartialEq)]
pub struct PerWord<K, V> {
    values: Vec<V>,
    key: std::marker::PhantomData<K>,
}

impl<K: Word, V> PerWord<K, V> {
    /// One value per member, in the enum's order; `None` when any is missing.
    pub fn complete(mut by_key: Vec<(K, V)>) -> Option<PerWord<K, V>> {
        let position = |k: &K| K::all().iter().position(|m| m == k);
        by_key.sort_by_key(|(k, _)| position(k));
        let in_order = by_key.len() == K::all().len()
            && by_key
                .iter()
                .zip(K::all())
                .all(|((k, _), member)| k == member);
        in_order.then(|| PerWord {
            values: by_key.into_iter().map(|(_, v)| v).collect(),
            key: std::marker::PhantomData,
        })
    }

    /// One value per member, given in the enum's order: how the compiled
    /// default rubric, written from a complete one, builds its tables.
    pub(crate) fn in_order(by_key: Vec<(K, V)>) -> PerWord<K, V> {
        debug_assert!(by_key.iter().map(|(k, _)| k).eq(K::all()));
        PerWord {
            values: by_key.into_iter().map(|(_, v)| v).collect(),
            key: std::marker::PhantomData,
        }
    }

    pub fn get(&self, key: K) -> &V {
        let index = K::all().iter().position(|m| *m == key).unwrap_or_default();
        &self.values[index]
    }

    /// Every member with its value, in the enum's order.
    pub fn iter(&self) -> impl Iterator<Item = (K, &V)> {
        K::all().iter().copied().zip(&self.values)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_come_from_one_place() {
        assert_eq!(FindingId::TensionGoals.word(), "tension.goals");
        assert_eq!(FindingId::ShadowAi.word(), "shadow-ai");
        assert_eq!(
            FindingId::parse("plan-without-results"),
            Some(FindingId::PlanWithoutResults)
        );
        assert_eq!(FindingId::parse("no-such"), None);
        assert_eq!(PurgatoryStatus::AtRisk.word(), "at-risk");
        assert_eq!(
            Retraining::words(),
            ["none", "ad_hoc", "scheduled", "automated"]
        );
        assert_eq!(Stage::at(4), Some(Stage::Retired));
        assert_eq!(
            serde_json::to_string(&Quadrant::SlideDeck).ok().as_deref(),
            Some("\"slide-deck\"")
        );
    }

    #[test]
    fn per_word_is_only_built_complete() {
        let complete = PerWord::complete(vec![(Side::Implementation, 2), (Side::Strategy, 1)]);
        assert_eq!(complete.as_ref().map(|p| *p.get(Side::Strategy)), Some(1));
        assert_eq!(complete.map(|p| *p.get(Side::Implementation)), Some(2));
        assert!(PerWord::complete(vec![(Side::Strategy, 1)]).is_none());
        assert!(PerWord::complete(vec![(Side::Strategy, 1), (Side::Strategy, 2)]).is_none());
    }
}
