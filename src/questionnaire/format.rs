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
}

impl Kind {
    /// What the kind allows, in words, for error messages.
    pub fn allowed(&self) -> String {
        match self {
            Kind::Text => "text".to_owned(),
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
        }
    }
}

use super::keys::KeyMap;
use std::sync::OnceLock;

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
const POLICY: &[&str] = &["none", "draft", "approved"];
const BELIEF: &[&str] = &["agree", "unsure", "disagree"];
const POLE: Kind = Kind::Integer { min: 1, max: 5 };

/// The stages of a pilot. `retired` is last but is not a step of maturity.
pub const STAGES: &[&str] = &["idea", "pilot", "production", "scaled", "retired"];

/// The top-level keys, in the order a questionnaire is written.
pub const SECTIONS: &[&str] = &[
    "version",
    "organization",
    "strategy",
    "implementation",
    "beliefs",
    "operating_model",
];

/// Every single answer, in the order the questionnaire is written.
/// `version` is not listed: the loader checks it on its own.
pub const QUESTIONS: &[Question] = &[
    q("organization.name", Kind::Text),
    q("organization.industry", Kind::Text),
    q(
        "organization.employees",
        Kind::Integer {
            min: 1,
            max: i64::MAX,
        },
    ),
    q("organization.assessed", Kind::Date),
    q(
        "strategy.sponsor",
        Kind::Choice(&["none", "manager", "director", "vp", "c_suite", "board"]),
    ),
    q("strategy.roadmap.status", Kind::Choice(POLICY)),
    q(
        "strategy.roadmap.horizon_months",
        Kind::Integer { min: 1, max: 120 },
    ),
    q("strategy.roadmap.updated", Kind::Date),
    q("strategy.roadmap.scaling_plan", Kind::Flag),
    q(
        "strategy.priorities",
        Kind::Choice(&["none", "unranked", "ranked"]),
    ),
    q("strategy.open_options", COUNT),
    q(
        "strategy.investment.budget",
        Kind::Choice(&["none", "requested", "approved"]),
    ),
    q(
        "strategy.investment.projected_roi",
        Kind::Number {
            min: 0.0,
            max: f64::INFINITY,
            lower_is_better: false,
        },
    ),
    q(
        "strategy.investment.areas",
        Kind::AnyOf(&["talent", "cloud", "data", "tooling", "training", "partners"]),
    ),
    q("strategy.policies.data_privacy", Kind::Choice(POLICY)),
    q("strategy.policies.ethics", Kind::Choice(POLICY)),
    q("strategy.policies.acceptable_use", Kind::Choice(POLICY)),
    q("strategy.okrs.company", Kind::Flag),
    q(
        "strategy.okrs.team_alignment_pct",
        Kind::Number {
            min: 0.0,
            max: 100.0,
            lower_is_better: false,
        },
    ),
    q("strategy.okrs.individual", Kind::Flag),
    q(
        "strategy.risks_assessed",
        Kind::AnyOf(&[
            "market",
            "strategic",
            "technical",
            "operational",
            "regulatory",
        ]),
    ),
    q(
        "implementation.data.quality",
        Kind::Choice(&["poor", "fair", "good", "excellent"]),
    ),
    q(
        "implementation.data.access",
        Kind::Choice(&["siloed", "partial", "unified"]),
    ),
    q(
        "implementation.data.architecture",
        Kind::Choice(&["legacy", "modernizing", "modern"]),
    ),
    q(
        "implementation.infrastructure.hosting",
        Kind::Choice(&["on_prem", "hybrid", "cloud"]),
    ),
    q("implementation.infrastructure.production_ready", Kind::Flag),
    q("implementation.mlops.version_control", Kind::Flag),
    q("implementation.mlops.ci_cd", Kind::Flag),
    q("implementation.mlops.model_registry", Kind::Flag),
    q("implementation.mlops.monitoring", Kind::Flag),
    q("implementation.mlops.automated_retraining", Kind::Flag),
    q("implementation.team.data_scientists", COUNT),
    q("implementation.team.ml_engineers", COUNT),
    q("implementation.team.data_engineers", COUNT),
    q("implementation.team.platform_ops", COUNT),
    q("implementation.team.head_of_ai", Kind::Flag),
    q("implementation.spend.tracked", Kind::Flag),
    q("implementation.spend.recurring_budget", Kind::Flag),
    q(
        "implementation.spend.monthly",
        Kind::Number {
            min: 0.0,
            max: f64::INFINITY,
            lower_is_better: false,
        },
    ),
    q("implementation.safeguards.anonymization", Kind::Flag),
    q("implementation.safeguards.bias_testing", Kind::Flag),
    q("implementation.safeguards.access_controls", Kind::Flag),
    q("implementation.safeguards.audit_logging", Kind::Flag),
    q("implementation.change_management.hr", Kind::Flag),
    q(
        "implementation.change_management.department_heads",
        Kind::Flag,
    ),
    q("implementation.change_management.training", Kind::Flag),
    q(
        "implementation.change_management.adoption_tracked",
        Kind::Flag,
    ),
    q(
        "beliefs.strategy_before_implementation",
        Kind::Choice(BELIEF),
    ),
    q("beliefs.implementation_is_it_only", Kind::Choice(BELIEF)),
    q("beliefs.strategy_means_ready", Kind::Choice(BELIEF)),
    q("beliefs.implementation_one_time_cost", Kind::Choice(BELIEF)),
    q("operating_model.experimentation", POLE),
    q("operating_model.adoption", POLE),
    q("operating_model.focus", POLE),
    q("operating_model.goals", POLE),
];

/// The two lists of the questionnaire.
pub const LISTS: &[ListQuestion] = &[
    ListQuestion {
        path: "strategy.business_problems",
        fields: &[
            field("name", Kind::Text, true),
            field("kpi", Kind::Text, false),
            field("target", Kind::Text, false),
            field("owner", Kind::Text, false),
        ],
    },
    ListQuestion {
        path: "implementation.pilots",
        fields: &[
            field("name", Kind::Text, true),
            field("department", Kind::Text, false),
            field("stage", Kind::Choice(STAGES), true),
            field("started", Kind::Date, false),
            field(
                "environment",
                Kind::Choice(&["laptop", "sandbox", "cloud", "production"]),
                false,
            ),
            field("users", COUNT, false),
            field("integrated", Kind::Flag, false),
            field("value_measured", Kind::Flag, false),
            field(
                "success_metrics",
                Kind::AnyOf(&[
                    "model_accuracy",
                    "user_adoption",
                    "business_kpi",
                    "cost_savings",
                ]),
                false,
            ),
            field(
                "monitoring",
                Kind::Choice(&["none", "manual", "automated"]),
                false,
            ),
            field(
                "retraining",
                Kind::Choice(&["none", "ad_hoc", "scheduled", "automated"]),
                false,
            ),
            field(
                "cost_vs_plan",
                Kind::Number {
                    min: 0.0,
                    max: f64::INFINITY,
                    lower_is_better: true,
                },
                false,
            ),
        ],
    },
];

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
