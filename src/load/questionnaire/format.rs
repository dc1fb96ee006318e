//! The questionnaire format, version 1, as data: every key, its type, its
//! choices in order from least to most mature, and its range.
//!
//! This one table drives the loader (which keys exist, what each accepts), the
//! list of unanswered questions, and the rubric's checks of the paths it reads,
//! so none of them can drift from another.

/// What one answer accepts.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Kind {
    /// Any single scalar, read as text.
    Text,
    /// A name: text on one line (an organization, a pilot, a business problem).
    Name,
    /// A whole number within `min..=max`.
    Integer { min: i64, max: i64 },
    /// A number within `min..=max`; `lower_is_better` where smaller is more mature.
    Number {
        min: f64,
        max: f64,
        lower_is_better: bool,
    },
    /// Exactly `true` or `false`.
    Flag,
    /// A calendar date, `YYYY-MM-DD`.
    Date,
    /// One word of the list, ordered from least to most mature.
    Choice(&'static [&'static str]),
    /// Any of the words, as a list; each read once.
    AnyOf(&'static [&'static str]),
    /// A list of names, each on one line, that name items elsewhere in the
    /// file (a pilot's `serves`); `[]` is an answer: none of them.
    Names,
}

impl Kind {
    /// What the kind allows, in words, for error messages.
    pub fn allowed(&self) -> String {
        match self {
            Kind::Text => "text".to_owned(),
            Kind::Name => "a name on one line".to_owned(),
            Kind::Integer { min, max } if *max == i64::MAX => {
                format!("a whole number, {min} or more")
            }
            Kind::Integer { min, max } => format!("a whole number from {min} to {max}"),
            Kind::Number { min, max, .. } if max.is_infinite() => {
                format!("a number, {min} or more")
            }
            Kind::Number { min, max, .. } => format!("a number from {min} to {max}"),
            Kind::Flag => "true or false".to_owned(),
            Kind::Date => "a date written YYYY-MM-DD".to_owned(),
            Kind::Choice(words) => format!("one of {}", words.join(", ")),
            Kind::AnyOf(words) => format!("a list of any of {}", words.join(", ")),
            Kind::Names => "a list of names, each on one line".to_owned(),
        }
    }
}

/// The path of every single answer, for the code that reads one: a misspelt
/// name does not compile. The table below is written with the same names.
pub mod path {
    pub const ORGANIZATION_NAME: &str = "organization.name";
    pub const ORGANIZATION_INDUSTRY: &str = "organization.industry";
    pub const ORGANIZATION_EMPLOYEES: &str = "organization.employees";
    pub const ORGANIZATION_ASSESSED: &str = "organization.assessed";
    pub const STRATEGY_SPONSOR: &str = "strategy.sponsor";
    pub const STRATEGY_ROADMAP_STATUS: &str = "strategy.roadmap.status";
    pub const STRATEGY_ROADMAP_HORIZON_MONTHS: &str = "strategy.roadmap.horizon_months";
    pub const STRATEGY_ROADMAP_UPDATED: &str = "strategy.roadmap.updated";
    pub const STRATEGY_ROADMAP_SCALING_PLAN: &str = "strategy.roadmap.scaling_plan";
    pub const STRATEGY_PRIORITIES: &str = "strategy.priorities";
    pub const STRATEGY_OPEN_OPTIONS: &str = "strategy.open_options";
    pub const STRATEGY_INVESTMENT_BUDGET: &str = "strategy.investment.budget";
    pub const STRATEGY_INVESTMENT_PROJECTED_ROI: &str = "strategy.investment.projected_roi";
    pub const STRATEGY_INVESTMENT_AREAS: &str = "strategy.investment.areas";
    pub const STRATEGY_POLICIES_DATA_PRIVACY: &str = "strategy.policies.data_privacy";
    pub const STRATEGY_POLICIES_ETHICS: &str = "strategy.policies.ethics";
    pub const STRATEGY_POLICIES_ACCEPTABLE_USE: &str = "strategy.policies.acceptable_use";
    pub const STRATEGY_OKRS_COMPANY: &str = "strategy.okrs.company";
    pub const STRATEGY_OKRS_TEAM_ALIGNMENT_PCT: &str = "strategy.okrs.team_alignment_pct";
    pub const STRATEGY_OKRS_INDIVIDUAL: &str = "strategy.okrs.individual";
    pub const STRATEGY_RISKS_ASSESSED: &str = "strategy.risks_assessed";
    pub const IMPLEMENTATION_DATA_QUALITY: &str = "implementation.data.quality";
    pub const IMPLEMENTATION_DATA_ACCESS: &str = "implementation.data.access";
    pub const IMPLEMENTATION_DATA_ARCHITECTURE: &str = "implementation.data.architecture";
    pub const IMPLEMENTATION_INFRASTRUCTURE_HOSTING: &str = "implementation.infrastructure.hosting";
    pub const IMPLEMENTATION_INFRASTRUCTURE_PRODUCTION_READY: &str =
        "implementation.infrastructure.production_ready";
    pub const IMPLEMENTATION_MLOPS_VERSION_CONTROL: &str = "implementation.mlops.version_control";
    pub const IMPLEMENTATION_MLOPS_CI_CD: &str = "implementation.mlops.ci_cd";
    pub const IMPLEMENTATION_MLOPS_MODEL_REGISTRY: &str = "implementation.mlops.model_registry";
    pub const IMPLEMENTATION_MLOPS_MONITORING: &str = "implementation.mlops.monitoring";
    pub const IMPLEMENTATION_MLOPS_AUTOMATED_RETRAINING: &str =
        "implementation.mlops.automated_retraining";
    pub const IMPLEMENTATION_TEAM_DATA_SCIENTISTS: &str = "implementation.team.data_scientists";
    pub const IMPLEMENTATION_TEAM_ML_ENGINEERS: &str = "implementation.team.ml_engineers";
    pub const IMPLEMENTATION_TEAM_DATA_ENGINEERS: &str = "implementation.team.data_engineers";
    pub const IMPLEMENTATION_TEAM_PLATFORM_OPS: &str = "implementation.team.platform_ops";
    pub const IMPLEMENTATION_TEAM_HEAD_OF_AI: &str = "implementation.team.head_of_ai";
    pub const IMPLEMENTATION_SPEND_TRACKED: &str = "implementation.spend.tracked";
    pub const IMPLEMENTATION_SPEND_RECURRING_BUDGET: &str = "implementation.spend.recurring_budget";
    pub const IMPLEMENTATION_SPEND_MONTHLY: &str = "implementation.spend.monthly";
    pub const IMPLEMENTATION_SAFEGUARDS_ANONYMIZATION: &str =
        "implementation.safeguards.anonymization";
    pub const IMPLEMENTATION_SAFEGUARDS_BIAS_TESTING: &str =
        "implementation.safeguards.bias_testing";
    pub const IMPLEMENTATION_SAFEGUARDS_ACCESS_CONTROLS: &str =
        "implementation.safeguards.access_controls";
    pub const IMPLEMENTATION_SAFEGUARDS_AUDIT_LOGGING: &str =
        "implementation.safeguards.audit_logging";
    pub const IMPLEMENTATION_CHANGE_MANAGEMENT_HR: &str = "implementation.change_management.hr";
    pub const IMPLEMENTATION_CHANGE_MANAGEMENT_DEPARTMENT_HEADS: &str =
        "implementation.change_management.department_heads";
    pub const IMPLEMENTATION_CHANGE_MANAGEMENT_TRAINING: &str =
        "implementation.change_management.training";
    pub const IMPLEMENTATION_CHANGE_MANAGEMENT_ADOPTION_TRACKED: &str =
        "implementation.change_management.adoption_tracked";
    pub const BELIEFS_STRATEGY_BEFORE_IMPLEMENTATION: &str =
        "beliefs.strategy_before_implementation";
    pub const BELIEFS_IMPLEMENTATION_IS_IT_ONLY: &str = "beliefs.implementation_is_it_only";
    pub const BELIEFS_STRATEGY_MEANS_READY: &str = "beliefs.strategy_means_ready";
    pub const BELIEFS_IMPLEMENTATION_ONE_TIME_COST: &str = "beliefs.implementation_one_time_cost";
    pub const OPERATING_MODEL_EXPERIMENTATION: &str = "operating_model.experimentation";
    pub const OPERATING_MODEL_ADOPTION: &str = "operating_model.adoption";
    pub const OPERATING_MODEL_FOCUS: &str = "operating_model.focus";
    pub const OPERATING_MODEL_GOALS: &str = "operating_model.goals";
    pub const IMPLEMENTATION_INVENTORY_COMPLETE: &str = "implementation.inventory.complete";
    pub const IMPLEMENTATION_INVENTORY_SYSTEMS_KNOWN: &str =
        "implementation.inventory.systems_known";

    /// Answers that are never listed as unanswered: they were added for
    /// real cases in rules 2.4, and only findings read them, so a
    /// questionnaire written without them reads exactly as before.
    pub const NEVER_UNANSWERED: &[&str] = &[
        IMPLEMENTATION_INVENTORY_COMPLETE,
        IMPLEMENTATION_INVENTORY_SYSTEMS_KNOWN,
    ];
}

/// The keys of a pilot (an item of [`PILOTS`]).
pub mod pilot {
    pub const NAME: &str = "name";
    pub const DEPARTMENT: &str = "department";
    pub const STAGE: &str = "stage";
    pub const STARTED: &str = "started";
    pub const ENVIRONMENT: &str = "environment";
    pub const USERS: &str = "users";
    pub const INTEGRATED: &str = "integrated";
    pub const VALUE_MEASURED: &str = "value_measured";
    pub const SUCCESS_METRICS: &str = "success_metrics";
    pub const MONITORING: &str = "monitoring";
    pub const RETRAINING: &str = "retraining";
    pub const COST_VS_PLAN: &str = "cost_vs_plan";
    pub const BUSINESS_OWNER: &str = "business_owner";
    pub const DECISION_BY: &str = "decision_by";
    pub const SOURCING: &str = "sourcing";
    pub const IMPACT: &str = "impact";
    pub const SERVES: &str = "serves";
    pub const HUMAN_REVIEW: &str = "human_review";
    pub const AFFECTS: &str = "affects";
    pub const IMPACT_ASSESSED: &str = "impact_assessed";
    pub const RETIRED_REASON: &str = "retired_reason";

    /// Keys that are never unanswered: measured by their presence
    /// (`business_owner`, `decision_by`), read as their default when left
    /// out (`sourcing`, `impact`), or added for real cases in rules 2.4 and
    /// read only by findings (a questionnaire without them reads as before).
    pub const NEVER_UNANSWERED: &[&str] = &[
        BUSINESS_OWNER,
        DECISION_BY,
        SOURCING,
        IMPACT,
        SERVES,
        HUMAN_REVIEW,
        AFFECTS,
        IMPACT_ASSESSED,
        RETIRED_REASON,
    ];

    /// Keys that describe a pilot rather than rate it: no criterion may
    /// score them.
    pub const DESCRIBING: &[&str] = &[SOURCING, IMPACT, AFFECTS, RETIRED_REASON];
}

/// The keys of an incident (an item of [`INCIDENTS`]).
pub mod incident {
    pub const DATE: &str = "date";
    pub const PILOT: &str = "pilot";
    pub const KIND: &str = "kind";
    pub const SEVERITY: &str = "severity";
    pub const RESOLVED: &str = "resolved";
    pub const SUMMARY: &str = "summary";
}

/// The keys of a respondent (an item of [`RESPONDENTS`]).
pub mod respondent {
    pub const ROLE: &str = "role";
    pub const ANSWERED: &str = "answered";
}

/// The keys of a business problem (an item of [`BUSINESS_PROBLEMS`]).
pub mod problem {
    pub const NAME: &str = "name";
    pub const KPI: &str = "kpi";
    pub const TARGET: &str = "target";
    pub const OWNER: &str = "owner";
}

use super::keys::KeyMap;
use crate::vocabulary::{
    Affected, Belief, DataArchitecture, DataQuality, Environment, HumanReview, Impact,
    IncidentKind, IncidentSeverity, Monitoring, Part, Policy, Priorities, RetiredReason,
    Retraining, Sourcing, Stage,
};
use std::sync::OnceLock;
use strum::VariantNames;

/// One answer of the questionnaire: its dotted path and what it accepts.
#[derive(Debug, Clone, Copy)]
pub struct Question {
    pub path: &'static str,
    pub kind: Kind,
}

/// A list of items (business problems, pilots), each a mapping with its own keys.
#[derive(Debug, Clone, Copy)]
pub struct ListQuestion {
    pub path: &'static str,
    /// The keys of one item; `required` ones must be given in every item.
    pub fields: &'static [ItemField],
}

/// One key of a list item.
#[derive(Debug, Clone, Copy)]
pub struct ItemField {
    pub key: &'static str,
    pub kind: Kind,
    pub required: bool,
}

const COUNT: Kind = Kind::Integer {
    min: 0,
    max: i64::MAX,
};
const POLICY: &[&str] = <Policy as VariantNames>::VARIANTS;
const BELIEF: &[&str] = <Belief as VariantNames>::VARIANTS;
const POLE: Kind = Kind::Integer { min: 1, max: 5 };

/// The stages of a pilot. `retired` is last but is not a step of maturity.
pub const STAGES: &[&str] = <Stage as VariantNames>::VARIANTS;

/// The top-level keys, in the order a questionnaire is written.
pub const SECTIONS: &[&str] = &[
    "version",
    "organization",
    "respondents",
    "strategy",
    "implementation",
    "beliefs",
    "operating_model",
];

/// Every single answer, in the order the questionnaire is written.
/// `version` is not listed: the loader checks it on its own.
pub const QUESTIONS: &[Question] = &[
    q(path::ORGANIZATION_NAME, Kind::Name),
    q(path::ORGANIZATION_INDUSTRY, Kind::Text),
    q(
        path::ORGANIZATION_EMPLOYEES,
        Kind::Integer {
            min: 1,
            max: i64::MAX,
        },
    ),
    q(path::ORGANIZATION_ASSESSED, Kind::Date),
    q(
        path::STRATEGY_SPONSOR,
        Kind::Choice(&["none", "manager", "director", "vp", "c_suite", "board"]),
    ),
    q(path::STRATEGY_ROADMAP_STATUS, Kind::Choice(POLICY)),
    q(
        path::STRATEGY_ROADMAP_HORIZON_MONTHS,
        Kind::Integer { min: 1, max: 120 },
    ),
    q(path::STRATEGY_ROADMAP_UPDATED, Kind::Date),
    q(path::STRATEGY_ROADMAP_SCALING_PLAN, Kind::Flag),
    q(
        path::STRATEGY_PRIORITIES,
        Kind::Choice(<Priorities as VariantNames>::VARIANTS),
    ),
    q(path::STRATEGY_OPEN_OPTIONS, COUNT),
    q(
        path::STRATEGY_INVESTMENT_BUDGET,
        Kind::Choice(&["none", "requested", "approved"]),
    ),
    q(
        path::STRATEGY_INVESTMENT_PROJECTED_ROI,
        Kind::Number {
            min: 0.0,
            max: f64::INFINITY,
            lower_is_better: false,
        },
    ),
    q(
        path::STRATEGY_INVESTMENT_AREAS,
        Kind::AnyOf(&["talent", "cloud", "data", "tooling", "training", "partners"]),
    ),
    q(path::STRATEGY_POLICIES_DATA_PRIVACY, Kind::Choice(POLICY)),
    q(path::STRATEGY_POLICIES_ETHICS, Kind::Choice(POLICY)),
    q(path::STRATEGY_POLICIES_ACCEPTABLE_USE, Kind::Choice(POLICY)),
    q(path::STRATEGY_OKRS_COMPANY, Kind::Flag),
    q(
        path::STRATEGY_OKRS_TEAM_ALIGNMENT_PCT,
        Kind::Number {
            min: 0.0,
            max: 100.0,
            lower_is_better: false,
        },
    ),
    q(path::STRATEGY_OKRS_INDIVIDUAL, Kind::Flag),
    q(
        path::STRATEGY_RISKS_ASSESSED,
        Kind::AnyOf(&[
            "market",
            "strategic",
            "technical",
            "operational",
            "regulatory",
        ]),
    ),
    q(
        path::IMPLEMENTATION_DATA_QUALITY,
        Kind::Choice(<DataQuality as VariantNames>::VARIANTS),
    ),
    q(
        path::IMPLEMENTATION_DATA_ACCESS,
        Kind::Choice(&["siloed", "partial", "unified"]),
    ),
    q(
        path::IMPLEMENTATION_DATA_ARCHITECTURE,
        Kind::Choice(<DataArchitecture as VariantNames>::VARIANTS),
    ),
    q(
        path::IMPLEMENTATION_INFRASTRUCTURE_HOSTING,
        Kind::Choice(&["on_prem", "hybrid", "cloud"]),
    ),
    q(
        path::IMPLEMENTATION_INFRASTRUCTURE_PRODUCTION_READY,
        Kind::Flag,
    ),
    q(path::IMPLEMENTATION_MLOPS_VERSION_CONTROL, Kind::Flag),
    q(path::IMPLEMENTATION_MLOPS_CI_CD, Kind::Flag),
    q(path::IMPLEMENTATION_MLOPS_MODEL_REGISTRY, Kind::Flag),
    q(path::IMPLEMENTATION_MLOPS_MONITORING, Kind::Flag),
    q(path::IMPLEMENTATION_MLOPS_AUTOMATED_RETRAINING, Kind::Flag),
    q(path::IMPLEMENTATION_TEAM_DATA_SCIENTISTS, COUNT),
    q(path::IMPLEMENTATION_TEAM_ML_ENGINEERS, COUNT),
    q(path::IMPLEMENTATION_TEAM_DATA_ENGINEERS, COUNT),
    q(path::IMPLEMENTATION_TEAM_PLATFORM_OPS, COUNT),
    q(path::IMPLEMENTATION_TEAM_HEAD_OF_AI, Kind::Flag),
    q(path::IMPLEMENTATION_SPEND_TRACKED, Kind::Flag),
    q(path::IMPLEMENTATION_SPEND_RECURRING_BUDGET, Kind::Flag),
    q(
        path::IMPLEMENTATION_SPEND_MONTHLY,
        Kind::Number {
            min: 0.0,
            max: f64::INFINITY,
            lower_is_better: false,
        },
    ),
    q(path::IMPLEMENTATION_SAFEGUARDS_ANONYMIZATION, Kind::Flag),
    q(path::IMPLEMENTATION_SAFEGUARDS_BIAS_TESTING, Kind::Flag),
    q(path::IMPLEMENTATION_SAFEGUARDS_ACCESS_CONTROLS, Kind::Flag),
    q(path::IMPLEMENTATION_SAFEGUARDS_AUDIT_LOGGING, Kind::Flag),
    q(path::IMPLEMENTATION_CHANGE_MANAGEMENT_HR, Kind::Flag),
    q(
        path::IMPLEMENTATION_CHANGE_MANAGEMENT_DEPARTMENT_HEADS,
        Kind::Flag,
    ),
    q(path::IMPLEMENTATION_CHANGE_MANAGEMENT_TRAINING, Kind::Flag),
    q(
        path::IMPLEMENTATION_CHANGE_MANAGEMENT_ADOPTION_TRACKED,
        Kind::Flag,
    ),
    q(
        path::BELIEFS_STRATEGY_BEFORE_IMPLEMENTATION,
        Kind::Choice(BELIEF),
    ),
    q(
        path::BELIEFS_IMPLEMENTATION_IS_IT_ONLY,
        Kind::Choice(BELIEF),
    ),
    q(path::BELIEFS_STRATEGY_MEANS_READY, Kind::Choice(BELIEF)),
    q(
        path::BELIEFS_IMPLEMENTATION_ONE_TIME_COST,
        Kind::Choice(BELIEF),
    ),
    q(path::OPERATING_MODEL_EXPERIMENTATION, POLE),
    q(path::OPERATING_MODEL_ADOPTION, POLE),
    q(path::OPERATING_MODEL_FOCUS, POLE),
    q(path::OPERATING_MODEL_GOALS, POLE),
    q(path::IMPLEMENTATION_INVENTORY_COMPLETE, Kind::Flag),
    q(path::IMPLEMENTATION_INVENTORY_SYSTEMS_KNOWN, COUNT),
];

/// The lists of the questionnaire.
pub const LISTS: &[ListQuestion] = &[
    ListQuestion {
        path: RESPONDENTS,
        fields: &[
            field(respondent::ROLE, Kind::Text, true),
            field(
                respondent::ANSWERED,
                Kind::AnyOf(<Part as VariantNames>::VARIANTS),
                false,
            ),
        ],
    },
    ListQuestion {
        path: BUSINESS_PROBLEMS,
        fields: &[
            field(problem::NAME, Kind::Name, true),
            field(problem::KPI, Kind::Text, false),
            field(problem::TARGET, Kind::Text, false),
            field(problem::OWNER, Kind::Text, false),
        ],
    },
    ListQuestion {
        path: PILOTS,
        fields: &[
            field(pilot::NAME, Kind::Name, true),
            field(pilot::DEPARTMENT, Kind::Text, false),
            field(pilot::STAGE, Kind::Choice(STAGES), true),
            field(pilot::STARTED, Kind::Date, false),
            field(
                pilot::ENVIRONMENT,
                Kind::Choice(<Environment as VariantNames>::VARIANTS),
                false,
            ),
            field(pilot::USERS, COUNT, false),
            field(pilot::INTEGRATED, Kind::Flag, false),
            field(pilot::VALUE_MEASURED, Kind::Flag, false),
            field(
                pilot::SUCCESS_METRICS,
                Kind::AnyOf(&[
                    "model_accuracy",
                    "user_adoption",
                    "business_kpi",
                    "cost_savings",
                ]),
                false,
            ),
            field(
                pilot::MONITORING,
                Kind::Choice(<Monitoring as VariantNames>::VARIANTS),
                false,
            ),
            field(
                pilot::RETRAINING,
                Kind::Choice(<Retraining as VariantNames>::VARIANTS),
                false,
            ),
            field(
                pilot::COST_VS_PLAN,
                Kind::Number {
                    min: 0.0,
                    max: f64::INFINITY,
                    lower_is_better: true,
                },
                false,
            ),
            field(pilot::BUSINESS_OWNER, Kind::Text, false),
            field(pilot::DECISION_BY, Kind::Date, false),
            field(
                pilot::SOURCING,
                Kind::Choice(<Sourcing as VariantNames>::VARIANTS),
                false,
            ),
            field(
                pilot::IMPACT,
                Kind::Choice(<Impact as VariantNames>::VARIANTS),
                false,
            ),
            field(pilot::SERVES, Kind::Names, false),
            field(
                pilot::HUMAN_REVIEW,
                Kind::Choice(<HumanReview as VariantNames>::VARIANTS),
                false,
            ),
            field(
                pilot::AFFECTS,
                Kind::AnyOf(<Affected as VariantNames>::VARIANTS),
                false,
            ),
            field(pilot::IMPACT_ASSESSED, Kind::Flag, false),
            field(
                pilot::RETIRED_REASON,
                Kind::Choice(<RetiredReason as VariantNames>::VARIANTS),
                false,
            ),
        ],
    },
    ListQuestion {
        path: INCIDENTS,
        fields: &[
            field(incident::DATE, Kind::Date, true),
            field(incident::PILOT, Kind::Name, false),
            field(
                incident::KIND,
                Kind::Choice(<IncidentKind as VariantNames>::VARIANTS),
                true,
            ),
            field(
                incident::SEVERITY,
                Kind::Choice(<IncidentSeverity as VariantNames>::VARIANTS),
                true,
            ),
            field(incident::RESOLVED, Kind::Flag, true),
            field(incident::SUMMARY, Kind::Text, false),
        ],
    },
];

/// The path of the respondents list.
pub const RESPONDENTS: &str = "respondents";
/// The path of the incidents list.
pub const INCIDENTS: &str = "implementation.incidents";

/// The path of the pilots list.
pub const PILOTS: &str = "implementation.pilots";
/// The path of the business problems list.
pub const BUSINESS_PROBLEMS: &str = "strategy.business_problems";

const fn q(path: &'static str, kind: Kind) -> Question {
    Question { path, kind }
}

const fn field(key: &'static str, kind: Kind, required: bool) -> ItemField {
    ItemField {
        key,
        kind,
        required,
    }
}

/// The single answer at `path`, if the format has one.
pub fn question(path: &str) -> Option<&'static Question> {
    QUESTIONS.iter().find(|q| q.path == path)
}

/// The list at `path`, if the format has one.
pub fn list(path: &str) -> Option<&'static ListQuestion> {
    LISTS.iter().find(|l| l.path == path)
}

/// The pilot field `key`, if a pilot has one.
pub fn pilot_field(key: &str) -> Option<&'static ItemField> {
    list(PILOTS).and_then(|l| l.fields.iter().find(|f| f.key == key))
}

/// The keys allowed directly under the mapping at `prefix` ("" for the top).
pub fn keys_under(prefix: &str) -> Vec<&'static str> {
    if prefix.is_empty() {
        return SECTIONS.to_vec();
    }
    let mut keys: Vec<&'static str> = Vec::new();
    // Each list comes first in its section, as the format writes them.
    let paths = LISTS
        .iter()
        .map(|l| l.path)
        .chain(QUESTIONS.iter().map(|q| q.path));
    for path in paths {
        if let Some(rest) = path.strip_prefix(prefix).and_then(|r| r.strip_prefix('.')) {
            let key = rest.split('.').next().unwrap_or(rest);
            if !keys.contains(&key) {
                keys.push(key);
            }
        }
    }
    keys
}

/// What a path of the format names.
#[derive(Debug, Clone, Copy)]
pub enum Entry {
    Question(&'static Question),
    List(&'static ListQuestion),
    /// A mapping of further keys.
    Section,
}

/// Writes into `path` the path of `key` in the mapping at `prefix`
/// (`strategy` and `sponsor` make `strategy.sponsor`; the top's keys are
/// their own paths), reusing its room.
pub fn write_path(path: &mut String, prefix: &str, key: &str) {
    path.clear();
    if !prefix.is_empty() {
        path.push_str(prefix);
        path.push('.');
    }
    path.push_str(key);
}

/// What `path` names, if anything. The loader looks up every key it reads;
/// scanning the tables for each one cost a tenth of loading, so the paths
/// are indexed once.
pub fn entry(path: &str) -> Option<Entry> {
    static INDEX: OnceLock<KeyMap<Entry>> = OnceLock::new();
    let index = INDEX.get_or_init(|| {
        let mut index = KeyMap::default();
        let paths = QUESTIONS.iter().map(|q| q.path);
        for path in paths.chain(LISTS.iter().map(|l| l.path)) {
            // Every proper prefix of a path is a section.
            for (at, _) in path.match_indices('.') {
                index.insert(&path[..at], Entry::Section);
            }
        }
        for list in LISTS {
            index.insert(list.path, Entry::List(list));
        }
        for question in QUESTIONS {
            index.insert(question.path, Entry::Question(question));
        }
        index
    });
    index.get(path).copied()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sections_list_their_keys_in_order() {
        assert_eq!(
            keys_under("strategy.roadmap"),
            ["status", "horizon_months", "updated", "scaling_plan"]
        );
        assert_eq!(
            keys_under("organization"),
            ["name", "industry", "employees", "assessed"]
        );
        assert!(keys_under("implementation").contains(&"pilots"));
        let is_section = |path| matches!(entry(path), Some(Entry::Section));
        assert!(is_section("implementation.mlops"));
        assert!(!is_section("implementation.pilots"));
        assert!(!is_section("strategy.sponsor"));
    }

    #[test]
    fn every_path_is_unique() {
        let mut paths: Vec<&str> = QUESTIONS.iter().map(|q| q.path).collect();
        paths.extend(LISTS.iter().map(|l| l.path));
        let count = paths.len();
        paths.sort_unstable();
        paths.dedup();
        assert_eq!(paths.len(), count);
    }
}
