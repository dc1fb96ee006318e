//! The JSON Schema of the JSON report, format 1: one assessment, or a
//! portfolio of them. Built from the vocabulary, so every closed set of words
//! is the tool's own; `schema/report.schema.json` is this, committed, and a
//! test validates every JSON snapshot against it. Every object refuses keys
//! it does not describe, so a field added to the report without a
//! description here fails that test.

use crate::vocabulary::{
    AcceptanceStatus, Confidence, Environment, FailOn, FindingId, Focus, FocusReason, Group,
    IncidentKind, IncidentSeverity, Level, Monitoring, Part, PurgatoryStatus, Quadrant,
    RetiredReason, ScoreGate, Severity, Side, Source, Stage, Word,
};
use serde_json::{json, Map, Value};

/// The report's JSON Schema (draft 2020-12).
pub fn report_schema() -> Value {
    json!({
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "readiness JSON report, format 1",
        "description": "One questionnaire gives one assessment; several (or a directory, or --portfolio) give a portfolio of them. The JSON of readiness diff is $defs/comparison; that of readiness history is $defs/history (a file) or $defs/portfolio_history (a directory); that of readiness frameworks is $defs/frameworks, $defs/framework_ids (with an id) or $defs/framework_coverage (with questionnaires).",
        "anyOf": [ { "$ref": "#/$defs/assessment" }, { "$ref": "#/$defs/portfolio" } ],
        "$defs": {
            "assessment": assessment(),
            "portfolio": portfolio(),
            "evidence": evidence(),
            "reference": reference(),
            "score": nullable(score("")),
            "comparison": comparison(),
            "history": history(),
            "portfolio_history": portfolio_history(),
            "frameworks": frameworks_list(),
            "framework_ids": framework_ids(),
            "framework_coverage": framework_coverage(),
        }
    })
}

fn assessment() -> Value {
    let mut schema = object(
        "The assessment of one questionnaire.",
        &[
            ("format_version", json!({ "description": "The report format version; fields are added within a version, never renamed or removed.", "const": 1 })),
            ("tool", object("The tool that made the report.", &[
                ("name", string("Always readiness.")),
                ("version", string("The tool's version.")),
            ])),
            ("source", string("The questionnaire's file name as given on the command line, or the --stdin-filename name.")),
            ("organization", object("Who was assessed, and when.", &[
                ("name", string("The organization's name from the questionnaire.")),
                ("assessed", date("The assessment date used, YYYY-MM-DD.")),
                ("assessed_from", words("Where that date came from: the questionnaire, the --as-of flag, or today's date.", &["questionnaire", "flag", "today"])),
            ])),
            ("rubric", object("The rubric the scores were computed with.", &[
                ("id", string("The rubric's id (default for the built-in one).")),
                ("version", string("The rubric's version.")),
                ("name", string("The rubric's name.")),
                ("quadrants", object("Each quadrant's name and meaning, as the rubric words them.",
                    &Quadrant::words().iter().map(|q| (*q, object("A quadrant in the rubric's words.", &[
                        ("name", string("The quadrant's name for people.")),
                        ("meaning", string("What being in the quadrant means.")),
                    ]))).collect::<Vec<_>>())),
                ("quadrant_cut", score("The score at or above which a side counts as high; the chart's midlines sit here.")),
                ("level_meanings", object("What each level means, in one line, as the rubric words it.",
                    &Level::words().iter().map(|l| (*l, string("What an organization at that level has."))).collect::<Vec<_>>())),
            ])),
            ("scores", scores()),
            ("confidence", word_of::<Confidence>("How far to trust the verdict given what was left unanswered: firm (the open questions cannot change the quadrant), provisional, or insufficient (too little answered to judge).")),
            ("level", word_of::<Level>("The maturity level: the lower of the level the overall score reaches and the cap set by what exists.")),
            ("level_by_score", word_of::<Level>("The level the overall score alone reaches.")),
            ("level_cap", nullable(word_of::<Level>("The highest level what exists supports; null when no cap applies."))),
            ("next_level", nullable(next_level())),
            ("quadrant", word_of::<Quadrant>("Where strategy and implementation put the organization: aligned (both high), slide-deck (a plan nothing delivers), unused-tools (systems without a purpose) or early (neither).")),
            ("focus", word_of::<Focus>("What to work on next: strategy, implementation, both in parallel, or scale.")),
            ("focus_reason", string("The focus in one sentence, naming the facts that decided it.")),
            ("focus_reason_id", word_of::<FocusReason>("Which row of the focus rule decided.")),
            ("purgatory", purgatory()),
            ("respondents", array("Who answered the questionnaire (respondents), in its order; left out when it names nobody.", respondent())),
            ("pilots", array("Every pilot in the questionnaire, retired ones included, in its order.", pilot())),
            ("decisions", array("The go/no-go decisions leadership owes: every lingering pilot, the longest running first.", decision())),
            ("spend", object("What AI costs, as answered; each part null when left out.", &[
                ("monthly", nullable(json!({ "description": "Monthly AI spend, in the questionnaire's currency.", "type": "number", "minimum": 0 }))),
                ("tracked", nullable(json!({ "description": "Spend is tracked against the value the strategy projected.", "type": "boolean" }))),
                ("recurring_budget", nullable(json!({ "description": "Running costs (monitoring, retraining) have a recurring budget.", "type": "boolean" }))),
            ])),
            ("incidents", array("The incidents the questionnaire records (implementation.incidents), in its order; left out when it records none.", incident())),
            ("findings", array("Every finding that fired, most severe first, then in the rules' order.", finding())),
            ("dimensions", array("Each dimension of the rubric with its scores and criteria.", dimension())),
            ("unanswered", array("The questionnaire paths of the questions left unanswered.", string("A dotted path, such as strategy.sponsor or implementation.pilots[0].monitoring."))),
            ("recommendations", array("What to do, ranked: the focus first, then findings' remedies and the largest gaps.", recommendation())),
            ("gate", nullable(gate())),
            ("acceptances", array("Every acceptance of the settings file that concerns this questionnaire (one naming a pilot concerns only questionnaires that have it), in the file's order.", acceptance_state())),
            ("comparison", json!({ "description": "What changed since the baseline (--baseline); null when none was given.", "anyOf": [{ "$ref": "#/$defs/comparison" }, { "type": "null" }] })),
            ("config", config()),
        ],
    );
    without_required(&mut schema, ASSESSMENT_OPTIONAL);
    schema
}

/// The fields that appear only when the questionnaire gives them, so that
/// a questionnaire without the keys added in rules 2.4 reports as before.
const ASSESSMENT_OPTIONAL: &[&str] = &["respondents", "incidents"];

fn respondent() -> Value {
    object(
        "One person who answered, by role.",
        &[
            ("role", string("Their role, as the questionnaire gives it.")),
            (
                "answered",
                array(
                    "The parts of the questionnaire they answered; empty when not said.",
                    word_of::<Part>("A part of the questionnaire."),
                ),
            ),
            (
                "line",
                json!({ "description": "The line of the respondent in the questionnaire.", "type": "integer", "minimum": 1 }),
            ),
        ],
    )
}

fn incident() -> Value {
    object(
        "One incident with an AI system, as recorded.",
        &[
            ("date", date("When it happened, YYYY-MM-DD.")),
            (
                "pilot",
                nullable(string(
                    "The pilot it happened with; null when it is not tied to one.",
                )),
            ),
            (
                "kind",
                word_of::<IncidentKind>("What kind of incident it was."),
            ),
            (
                "severity",
                word_of::<IncidentSeverity>("How serious it was."),
            ),
            (
                "resolved",
                json!({ "description": "Whether it is resolved.", "type": "boolean" }),
            ),
            (
                "summary",
                nullable(string("What happened, in one line; null when not given.")),
            ),
            (
                "line",
                json!({ "description": "The line of the incident in the questionnaire.", "type": "integer", "minimum": 1 }),
            ),
        ],
    )
}

fn scores() -> Value {
    let range = |what: &str| {
        low_high(&format!("The {what} score's range: every open question counted as 0 points (low) and as 100 (high)."))
    };
    let by_side = |description: &str, item: fn(&str) -> Value| {
        object(
            description,
            &[
                ("strategy", item("For the strategy side.")),
                ("implementation", item("For the implementation side.")),
            ],
        )
    };
    object(
        "The scores, each from 0 to 100 with one decimal, computed from what was answered.",
        &[
            ("strategy", side_score("strategy")),
            ("implementation", side_score("implementation")),
            (
                "overall",
                nullable(score(
                    "The harmonic mean of strategy and implementation; null when either is null.",
                )),
            ),
            (
                "completeness",
                score("The share of the rubric's weight answered, in percent."),
            ),
            (
                "range",
                object(
                    "The range each score could take once the open questions are answered.",
                    &[
                        ("strategy", range("strategy")),
                        ("implementation", range("implementation")),
                        ("overall", range("overall")),
                    ],
                ),
            ),
            (
                "completeness_by_side",
                by_side(
                    "The share of each side's weight answered, in percent.",
                    score,
                ),
            ),
            (
                "open_questions",
                object(
                    "How many questions the scores read are unanswered.",
                    &[
                        ("strategy", count("Read by the strategy side's criteria.")),
                        ("implementation", count("Read by the implementation side's criteria.")),
                        ("overall", count("Read by either side's criteria, each question once; questions only a finding reads are not counted.")),
                    ],
                ),
            ),
        ],
    )
}

fn purgatory() -> Value {
    object(
        "Whether pilots are stuck between pilot and production, and why.",
        &[
            ("status", word_of::<PurgatoryStatus>("stuck (pilots linger and none is live), at-risk (a signal fired) or none.")),
            ("signals", array("The purgatory findings that fired.", word_of::<FindingId>("A finding id."))),
            ("lingering", count("Pilots still at stage pilot past the rubric's limit (180 days by default).")),
            ("live", count("Pilots in production or scaled.")),
            ("pilot_to_production_pct", nullable(score("Live pilots as a share of pilots at stage pilot or later, in percent; null when there are none."))),
            ("benchmark", object("The industry figure to compare with.", &[
                ("pilot_to_production_pct", score("The share of pilots that reach production across the industry, in percent.")),
                ("source", string("Where the figure comes from.")),
            ])),
        ],
    )
}

fn pilot() -> Value {
    let mut schema = object(
        "One pilot as the inventory lists it.",
        &[
            ("name", string("The pilot's name.")),
            (
                "department",
                nullable(string("The department that runs it; null when not given.")),
            ),
            (
                "stage",
                word_of::<Stage>("Its stage: idea, pilot, production, scaled or retired."),
            ),
            (
                "age_days",
                nullable(
                    json!({ "description": "Days from its start to the assessment date; null when the start is not given.", "type": "integer" }),
                ),
            ),
            (
                "environment",
                nullable(word_of::<Environment>(
                    "Where it runs; null when not given.",
                )),
            ),
            (
                "users",
                nullable(
                    json!({ "description": "How many people use it; null when not given.", "type": "integer", "minimum": 0 }),
                ),
            ),
            (
                "monitoring",
                nullable(word_of::<Monitoring>(
                    "How its outputs are watched; null when not given.",
                )),
            ),
            (
                "business_owner",
                nullable(string(
                    "Who in the business is accountable for its results; null when nobody is named.",
                )),
            ),
            (
                "retired_reason",
                word_of::<RetiredReason>(
                    "Why a retired pilot was retired; left out when not given.",
                ),
            ),
            (
                "line",
                json!({ "description": "The line of the pilot in the questionnaire.", "type": "integer", "minimum": 1 }),
            ),
        ],
    );
    without_required(&mut schema, &["retired_reason"]);
    schema
}

/// Makes `keys` of an object schema optional.
fn without_required(schema: &mut Value, keys: &[&str]) {
    if let Some(required) = schema.get_mut("required").and_then(Value::as_array_mut) {
        required.retain(|k| !keys.iter().any(|key| k == key));
    }
}

fn finding() -> Value {
    let mut schema = object(
        "A finding that fired, with the evidence that made it fire.",
        &[
            ("id", word_of::<FindingId>("The finding's id; readiness explain ID describes it.")),
            ("kind", word_of::<Group>("Its family: purgatory, operations (live systems), misconception, or other.")),
            ("severity", word_of::<Severity>("info, warning or critical.")),
            ("title", string("The finding's title.")),
            ("message", string("What fired, naming the pilots or answers concerned.")),
            ("evidence", array("The answers that made it fire, each with its path and line.", json!({ "$ref": "#/$defs/evidence" }))),
            ("remedy", string("What to do about it.")),
            ("source", word_of::<Source>("Misconceptions only: whether leadership states the belief, shows it in practice, or both.")),
            ("contradicts_stated_belief", json!({ "description": "Misconceptions only: true when practice shows the belief that leadership says it does not hold (a say-do gap).", "type": "boolean" })),
            ("statement", string("Misconceptions only: the belief, in full.")),
            ("correction", string("Misconceptions only: why the belief is wrong.")),
            ("pilots", array("The pilots it names, in the questionnaire's order; empty when it names none.", string("A pilot's name."))),
            ("accepted", array("The acceptances in force that cover it ([[accept]] in readiness.toml).", acceptance("An acceptance in force."))),
            ("counts_for_gate", json!({ "description": "False when acceptances in force cover it whole (without a pilot, or one for each pilot it names): it is still reported and still counts in the scores, but not for --fail-on.", "type": "boolean" })),
            ("references", references("The framework controls the rubric maps this finding to: evidence about each, not a judgement that it is met.")),
        ],
    );
    // The four misconception fields appear on misconceptions only.
    schema["required"] = json!([
        "id",
        "kind",
        "severity",
        "title",
        "message",
        "evidence",
        "remedy",
        "pilots",
        "accepted",
        "counts_for_gate",
        "references"
    ]);
    schema
}

/// An `[[accept]]` entry of the settings file.
fn acceptance_fields() -> Vec<(&'static str, Value)> {
    vec![
        ("finding", word_of::<FindingId>("The finding accepted.")),
        (
            "pilot",
            nullable(string(
                "The one pilot accepted, for a per-pilot finding; null for the whole finding.",
            )),
        ),
        ("reason", string("Why the risk is accepted.")),
        ("by", string("Who accepted it.")),
        ("until", date("The last day it holds.")),
        (
            "file",
            string("The settings file it is written in, as named."),
        ),
        (
            "line",
            json!({ "description": "The line of its [[accept]] header.", "type": "integer", "minimum": 1 }),
        ),
    ]
}

fn acceptance(description: &str) -> Value {
    object(description, &acceptance_fields())
}

fn acceptance_state() -> Value {
    let mut fields = acceptance_fields();
    fields.push(("status", word_of::<AcceptanceStatus>("in-force (it covers a finding that fired), expired (past its date: the finding counts again) or unmatched (the finding does not fire: remove it).")));
    object("An acceptance of the settings file that concerns this questionnaire, and what became of it.", &fields)
}

fn evidence() -> Value {
    object(
        "One piece of evidence a reader can check in the questionnaire.",
        &[
            ("path", string("The questionnaire path (implementation.pilots[0].environment), or scores.strategy for a score.")),
            ("value", string("The value in words.")),
            ("line", nullable(json!({ "description": "The line in the questionnaire; null for a score or an unanswered question.", "type": "integer", "minimum": 1 }))),
        ],
    )
}

fn dimension() -> Value {
    object(
        "A dimension of the rubric: its score on each side, and its criteria.",
        &[
            ("id", string("The dimension's id.")),
            ("name", string("The dimension's name.")),
            (
                "strategy",
                json!({ "$ref": "#/$defs/score", "description": "Its strategy score; null when it has no strategy criterion answered." }),
            ),
            (
                "implementation",
                json!({ "$ref": "#/$defs/score", "description": "Its implementation score; null when it has no implementation criterion answered." }),
            ),
            (
                "criteria",
                array(
                    "Its criteria.",
                    object(
                        "A criterion and what the questionnaire earned on it.",
                        &[
                            (
                                "id",
                                string("The criterion's id, such as delivery.roadmap."),
                            ),
                            ("title", string("What the criterion asks for.")),
                            ("side", word_of::<Side>("The side it counts towards.")),
                            (
                                "weight",
                                json!({ "description": "Its weight within its side.", "type": "number", "exclusiveMinimum": 0 }),
                            ),
                            (
                                "points",
                                json!({ "$ref": "#/$defs/score", "description": "Its points from 0 to 100 over what was answered; null when nothing it reads is answered." }),
                            ),
                            (
                                "answered",
                                json!({ "description": "The share of what it reads that was answered, from 0 to 1.", "type": "number", "minimum": 0, "maximum": 1 }),
                            ),
                            (
                                "applies",
                                json!({ "description": "False when it does not apply (a pilot criterion with no pilot); it then counts for nothing.", "type": "boolean" }),
                            ),
                        ],
                    ),
                ),
            ),
            (
                "references",
                references("The framework controls the rubric maps this dimension to; its criteria's gaps carry them."),
            ),
        ],
    )
}

fn recommendation() -> Value {
    object(
        "One recommendation, with why and the evidence.",
        &[
            ("rank", json!({ "description": "Its rank, from 1.", "type": "integer", "minimum": 1 })),
            ("id", string("What it comes from: focus, answer-first, a finding id or a criterion id.")),
            ("group", nullable(word_of::<Group>("The family of the finding it comes from; null for the focus, answer-first and criteria."))),
            ("title", string("What to do.")),
            ("reason", string("Why, in one sentence.")),
            ("evidence", array("The answers it rests on.", json!({ "$ref": "#/$defs/evidence" }))),
            ("references", references("The finding's framework references, or for a criterion's gap its dimension's; empty for the focus and answer-first.")),
            ("pilots", array("The pilots its advice names, in the questionnaire's order; for a finding's remedy, only those no earlier item with the same fix named.", string("A pilot's name."))),
            ("also", array("Findings whose advice it gives too: a later item with the same fix and no other pilot, folded in here rather than repeated.", word_of::<FindingId>("A finding id."))),
        ],
    )
}

fn next_level() -> Value {
    object(
        "The next level up and what holds the organization back from it; null at the top level.",
        &[
            ("level", word_of::<Level>("The next level.")),
            ("starts_at", score("Where it starts on the overall score.")),
            ("points_needed", score("Overall points still missing; 0 when the score already reaches it.")),
            ("cap", nullable(word_of::<Level>("The cap set by what exists that holds the level below it; null when what exists allows it."))),
            ("criteria", array("The criteria with the largest weighted gaps, whose answers would raise the score most; empty when the score already reaches the level.", string("A criterion id."))),
        ],
    )
}

fn decision() -> Value {
    object(
        "A lingering pilot awaiting its go/no-go decision.",
        &[
            ("pilot", string("The pilot's name.")),
            (
                "business_owner",
                nullable(string(
                    "Who in the business is accountable for it; null when nobody is named.",
                )),
            ),
            (
                "decision_by",
                nullable(date("Its go/no-go date; null when none is set.")),
            ),
            (
                "overdue",
                json!({ "description": "Whether the go/no-go date has passed.", "type": "boolean" }),
            ),
            (
                "days_running",
                nullable(
                    json!({ "description": "Days since it started; null when its start is not given.", "type": "integer", "minimum": 0 }),
                ),
            ),
            (
                "cost_vs_plan",
                nullable(
                    json!({ "description": "Its cost against plan; null when not answered.", "type": "number", "minimum": 0 }),
                ),
            ),
            (
                "line",
                json!({ "description": "The line of the pilot in the questionnaire.", "type": "integer", "minimum": 1 }),
            ),
        ],
    )
}

fn reference() -> Value {
    object(
        "One id of a governance framework the rubric declares.",
        &[
            ("framework", string("The framework's id, such as nist-ai-rmf, iso-42001 or eu-ai-act.")),
            ("id", string("The subcategory, clause, control or article, as the framework writes it: MEASURE 2.4, A.6.2.6, Art. 26.")),
            ("title", string("Its title (for NIST AI RMF, the subcategory's text).")),
        ],
    )
}

/// What every `readiness frameworks` document starts with.
fn frameworks_head() -> Vec<(&'static str, Value)> {
    vec![
        ("format_version", json!({ "description": "The format version, as in the report.", "const": 1 })),
        ("rubric", object("The rubric whose frameworks and mapping these are.", &[
            ("id", string("The rubric's id.")),
            ("version", string("The rubric's version.")),
            ("name", string("The rubric's name.")),
        ])),
        ("note", string("That a reference marks evidence about a control, not a judgement that the control is met.")),
    ]
}

fn framework_head() -> Value {
    object(
        "The framework, as the rubric declares it.",
        &[
            ("id", string("Its id, such as nist-ai-rmf.")),
            ("name", string("Its name.")),
            ("version", string("Its version.")),
            (
                "short",
                string("What compact references start with, such as NIST."),
            ),
        ],
    )
}

fn frameworks_list() -> Value {
    let mut fields = frameworks_head();
    fields.push((
        "frameworks",
        array(
            "Each framework the rubric declares, in its order.",
            object(
                "A framework and how much of it the rubric maps.",
                &[
                    ("id", string("Its id.")),
                    ("name", string("Its name.")),
                    ("version", string("Its version.")),
                    ("short", string("What compact references start with.")),
                    ("ids", count("How many ids it has.")),
                    (
                        "mapped",
                        count("How many of them a finding or dimension of the rubric maps to."),
                    ),
                ],
            ),
        ),
    ));
    object(
        "readiness frameworks: the frameworks a rubric declares.",
        &fields,
    )
}

/// The fields an id has in both `frameworks ID` documents.
fn id_fields() -> Vec<(&'static str, Value)> {
    vec![
        ("id", string("The id, as the framework writes it.")),
        (
            "title",
            string("Its title (for NIST AI RMF, the subcategory's text)."),
        ),
        (
            "group",
            string("The function, clause or chapter it belongs to."),
        ),
    ]
}

fn framework_ids() -> Value {
    let mut fields = frameworks_head();
    fields.push(("framework", framework_head()));
    let mut id = id_fields();
    id.push((
        "findings",
        array(
            "The findings the rubric maps to it.",
            word_of::<FindingId>("A finding id."),
        ),
    ));
    id.push((
        "dimensions",
        array(
            "The dimensions the rubric maps to it.",
            string("A dimension id."),
        ),
    ));
    fields.push((
        "ids",
        array(
            "Every id of the framework, in its order.",
            object("An id and what the rubric maps to it.", &id),
        ),
    ));
    object(
        "readiness frameworks ID: a framework's ids and what the rubric maps to each.",
        &fields,
    )
}

fn framework_coverage() -> Value {
    let mut fields = frameworks_head();
    fields.push(("framework", framework_head()));
    let mut id = id_fields();
    id.push(("status", words("fired (a finding mapped to it fired), no-finding (the rubric maps findings or dimensions to it and none fired: not a judgement that it is met) or not-assessed (the rubric maps nothing to it).", &["fired", "no-finding", "not-assessed"])));
    id.push(("findings", array("The findings mapped to it that fired.", object("A finding that fired.", &[
        ("id", word_of::<FindingId>("The finding's id.")),
        ("severity", word_of::<Severity>("Its severity.")),
        ("title", string("Its title.")),
        ("counts_for_gate", json!({ "description": "False when accepted risks in force cover it whole.", "type": "boolean" })),
    ]))));
    id.push((
        "mapped_findings",
        array(
            "Every finding the rubric maps to it, fired or not.",
            word_of::<FindingId>("A finding id."),
        ),
    ));
    id.push(("dimensions", array("The scores of the dimensions the rubric maps to it.", object("A dimension's scores.", &[
        ("id", string("The dimension's id.")),
        ("name", string("Its name.")),
        ("strategy", json!({ "$ref": "#/$defs/score", "description": "Its strategy score; null when none." })),
        ("implementation", json!({ "$ref": "#/$defs/score", "description": "Its implementation score; null when none." })),
    ]))));
    let each = object(
        "What one assessment shows for every id of the framework.",
        &[
            ("source", string("The questionnaire's file name as given.")),
            ("organization", string("The organization's name.")),
            ("assessed", date("The assessment date used.")),
            (
                "counts",
                object(
                    "How many ids have each status.",
                    &[
                        ("fired", count("Ids with a finding that fired.")),
                        ("no-finding", count("Ids the rubric maps, with no finding.")),
                        ("not-assessed", count("Ids the rubric maps nothing to.")),
                    ],
                ),
            ),
            (
                "ids",
                array(
                    "Every id of the framework, in its order.",
                    object("An id and what the assessment shows for it.", &id),
                ),
            ),
        ],
    );
    fields.push((
        "coverage",
        array("One entry per questionnaire, in the order given.", each),
    ));
    object(
        "readiness frameworks ID FILE...: the coverage view.",
        &fields,
    )
}

/// A framework reference as `--fail-on` takes it: `nist-ai-rmf:MEASURE-2.4`.
fn reference_word() -> Value {
    json!({ "description": "A framework reference, framework:id with spaces as hyphens, such as nist-ai-rmf:MEASURE-2.4.", "type": "string", "pattern": "^[^:\\s]+:\\S+$" })
}

fn references(description: &str) -> Value {
    array(description, json!({ "$ref": "#/$defs/reference" }))
}

fn gate() -> Value {
    let threshold_words: Vec<&str> = FailOn::words()
        .iter()
        .chain(FindingId::words())
        .copied()
        .collect();
    let mut names: Vec<&str> = ScoreGate::words().to_vec();
    names.extend([
        "fail_on",
        "regression.overall",
        "regression.strategy",
        "regression.implementation",
        "regression.level",
        "regression.quadrant",
        "regression.critical",
    ]);
    let threshold_words: Vec<&str> = threshold_words
        .into_iter()
        .chain(Level::words().iter().copied())
        .chain(Quadrant::words().iter().copied())
        .chain(["none"])
        .collect();
    object(
        "The gate's result when a gate was set; the report is null here when none was.",
        &[
            (
                "passed",
                json!({ "description": "True when every check passed (exit 0); false means exit 1.", "type": "boolean" }),
            ),
            (
                "checks",
                array(
                    "Every check of the gate, score gates first.",
                    json!({
                        "description": "One check: its name, threshold, actual value and result. A score check's actual is the low end of the score's range, with the score and the part left open beside it.",
                        "type": "object",
                        "additionalProperties": false,
                        "required": ["name", "threshold", "actual", "passed"],
                        "properties": {
                            "name": words("The gate, as readiness.toml names it.", &names),
                            "threshold": {
                                "description": "A score for a score gate (for a score regression, the baseline's low end less the tolerance); for fail_on, the level, finding id or framework reference it fails on; for the level and quadrant regressions, the baseline's; for regression.critical, none.",
                                "anyOf": [score(""), words("", &threshold_words), reference_word()],
                            },
                            "actual": {
                                "description": "A score check: the low end of the score's range. fail_on: the purgatory status, the most severe finding's severity (or none), or fired / not fired for a finding id or a framework reference. A level or quadrant regression: the level or quadrant now. regression.critical: the new critical finding's id, or none.",
                                "anyOf": [score(""), { "type": "string" }],
                            },
                            "score": { "$ref": "#/$defs/score", "description": "Score checks only: the score from what was answered; null when nothing was." },
                    "baseline": score("Score regression checks only: the low end of the score's range in the baseline; the threshold is this less the tolerance."),
                            "open": { "$ref": "#/$defs/score", "description": "Score checks only: the score less the low end, the part of a shortfall that rests on open questions." },
                            "findings": array("fail_on a framework reference only: the findings mapped to it that fired and count (accepted ones left out).", word_of::<FindingId>("A finding id.")),
                            "accepted": { "description": "fail_on checks only, when accepted findings were left out: how many (for a finding id, 1 when it fired and is accepted).", "type": "integer", "minimum": 1 },
                            "passed": { "description": "Whether this check passed.", "type": "boolean" },
                        },
                    }),
                ),
            ),
        ],
    )
}

fn config() -> Value {
    let threshold = |what: &str| {
        nullable(score(&format!(
            "Fails when the {what} score's low end is below this; null when not set."
        )))
    };
    let fail_on: Vec<&str> = FailOn::words()
        .iter()
        .chain(FindingId::words())
        .copied()
        .collect();
    object(
        "The settings the report was made with.",
        &[
            ("file", nullable(string("The settings file read (readiness.toml or --config), as named; null when none was."))),
            ("rubric", nullable(string("The rubric file read, as named; null for the built-in rubric."))),
            ("gates", object("Every gate in force, from the flags over the settings file.", &[
                ("fail_under", threshold("overall")),
                ("min_strategy", threshold("strategy")),
                ("min_implementation", threshold("implementation")),
                ("min_completeness", nullable(score("Fails when completeness is below this; null when not set."))),
                ("fail_on", array("The --fail-on values: purgatory, a severity, finding ids or framework references.", json!({ "description": "A --fail-on value.", "anyOf": [words("", &fail_on), reference_word()] }))),
                ("baseline", nullable(string("The --baseline reference compared with (a file, or git:REV); null when none was given."))),
                ("tolerance", nullable(score("With --fail-on-regression, the points a score may fall; null when off."))),
            ])),
        ],
    )
}

/// What changed between two assessments: `assess --baseline` writes it under
/// `comparison`, and `readiness diff --format json` writes it whole.
fn comparison() -> Value {
    let number_change = |description: &str| object(description, &number_change_fields());
    let range = |description: &str| nullable(low_high(description));
    let mut score_fields = vec![(
        "name",
        words(
            "The score.",
            &["strategy", "implementation", "overall", "completeness"],
        ),
    )];
    score_fields.extend(number_change_fields());
    score_fields.push((
        "before_range",
        range("The range before; null when there was none."),
    ));
    score_fields.push((
        "after_range",
        range("The range after; null when there is none."),
    ));
    let finding = compared_finding();
    object(
        "What changed between two assessments, each side a questionnaire assessed or a stored JSON report.",
        &[
            ("format_version", json!({ "description": "The comparison's format version.", "const": 1 })),
            ("before", compared_side("The earlier assessment.")),
            ("after", compared_side("The later assessment.")),
            ("warnings", array("What makes the two hard to compare: another organization, another rubric.", string("One warning, in a sentence."))),
            ("scores", array("Strategy, implementation, overall and completeness, before and after.", object("A score before and after.", &score_fields))),
            ("level", word_change("The maturity level.")),
            ("quadrant", word_change("The quadrant.")),
            ("focus", word_change("The focus.")),
            ("confidence", word_change("The confidence.")),
            ("purgatory_status", word_change("The pilot purgatory status.")),
            ("pilot_to_production_pct", number_change("The pilot-to-production rate, in percent.")),
            ("dimensions", array("Every dimension of either side, the later side's order first.", object("A dimension's scores before and after.", &[
                ("id", string("The dimension's id.")),
                ("name", string("Its name.")),
                ("strategy", number_change("Its strategy score.")),
                ("implementation", number_change("Its implementation score.")),
            ]))),
            ("findings", object("Findings matched by id.", &[
                ("resolved", array("Findings of the earlier side that no longer fire.", finding.clone())),
                ("new", array("Findings that fire now and did not before.", finding.clone())),
                ("still_open", array("Findings that fire on both sides.", finding)),
            ])),
            ("pilots", array("Pilots matched by name: at another stage, added or removed.", object("A pilot that changed.", &[
                ("name", string("The pilot's name.")),
                ("before", nullable(string("Its stage before; null when it was added since."))),
                ("after", nullable(string("Its stage now; null when it was removed since."))),
            ]))),
        ],
    )
}

/// Which report a side of a comparison is.
fn compared_side(description: &str) -> Value {
    object(
        description,
        &[
            (
                "source",
                string("The file it was read from, or git:REV:file."),
            ),
            ("organization", string("The organization's name.")),
            ("assessed", string("Its assessment date, YYYY-MM-DD.")),
            (
                "rubric",
                string("The rubric's id and version, as \"default version 2\"."),
            ),
        ],
    )
}

/// A word before and after.
fn word_change(description: &str) -> Value {
    object(
        description,
        &[
            (
                "before",
                json!({ "description": "The word before; null when there was none.", "type": ["string", "null"] }),
            ),
            (
                "after",
                json!({ "description": "The word after; null when there is none.", "type": ["string", "null"] }),
            ),
            (
                "changed",
                json!({ "description": "Whether the two differ.", "type": "boolean" }),
            ),
        ],
    )
}

/// A number before and after, and the change.
fn number_change_fields() -> Vec<(&'static str, Value)> {
    vec![
        (
            "before",
            nullable(score("The value before; null when there was none.")),
        ),
        (
            "after",
            nullable(score("The value after; null when there is none.")),
        ),
        (
            "change",
            json!({ "description": "After less before, one decimal; null when either is null.", "anyOf": [{ "type": "number", "minimum": -100, "maximum": 100 }, { "type": "null" }] }),
        ),
    ]
}

fn compared_finding() -> Value {
    object(
        "A finding, as it reads in the side it comes from (now, for one still open).",
        &[
            ("id", string("The finding's id.")),
            (
                "kind",
                word_of::<Group>(
                    "Its family: purgatory, operations (live systems), misconception, or other.",
                ),
            ),
            ("severity", word_of::<Severity>("Its severity.")),
            ("title", string("Its title.")),
            (
                "message",
                string("What it says, naming the pilots it concerns."),
            ),
        ],
    )
}

/// `readiness history --format json` for one questionnaire.
fn history() -> Value {
    let point = object(
        "What the trend shows of one assessment.",
        &[
            (
                "organization",
                string("The organization's name in this version."),
            ),
            (
                "assessed",
                date("The assessment date used: the questionnaire's, else the commit's."),
            ),
            ("strategy", side_score("strategy")),
            ("implementation", side_score("implementation")),
            (
                "overall",
                nullable(score("The overall score; null when a side has none.")),
            ),
            (
                "completeness",
                score("How much of the questionnaire is answered, by weight."),
            ),
            ("level", word_of::<Level>("The maturity level.")),
            ("quadrant", word_of::<Quadrant>("The quadrant.")),
            ("focus", word_of::<Focus>("The focus.")),
            (
                "confidence",
                word_of::<Confidence>("How far to trust the verdict."),
            ),
            (
                "purgatory",
                word_of::<PurgatoryStatus>("The pilot purgatory status."),
            ),
            ("open_findings", count("How many findings fired.")),
            ("critical_findings", count("How many of them are critical.")),
        ],
    );
    object(
        "Every committed version of one questionnaire, oldest first, each assessed on its own date.",
        &[
            ("format_version", json!({ "description": "The history's format version.", "const": 1 })),
            ("file", string("The questionnaire as named on the command line.")),
            ("rubric", string("The rubric every version was assessed with, as \"default version 2\".")),
            ("shallow", json!({ "description": "The repository is a shallow clone: the history is cut at the clone's boundary, and older versions are not listed.", "type": "boolean" })),
            ("versions", array("The versions within --since and --max, oldest first.", object("One committed version.", &[
                ("commit", json!({ "description": "The full commit id.", "type": "string", "pattern": "^[0-9a-f]{40,64}$" })),
                ("date", json!({ "description": "The commit's date as git gives it, YYYY-MM-DD; a date past the year 9999 has more digits, and that version is not assessed.", "type": "string", "pattern": "^[0-9]{4,}-[0-9]{2}-[0-9]{2}$" })),
                ("subject", string("The commit's subject line.")),
                ("path", string("The file's path at that commit, from the repository's root (renames are followed, copies never).")),
                ("renamed_from", nullable(string("The path before, where this commit renamed the file; null otherwise."))),
                ("assessment", nullable(point)),
                ("error", nullable(input_error("Why the version could not be assessed; null when it was."))),
            ]))),
        ],
    )
}

/// `readiness history DIRECTORY --format json`.
fn portfolio_history() -> Value {
    object(
        "The history of every questionnaire in a directory.",
        &[
            (
                "format_version",
                json!({ "description": "The history's format version.", "const": 1 }),
            ),
            (
                "histories",
                array(
                    "One history per questionnaire, in the directory's order.",
                    json!({ "$ref": "#/$defs/history" }),
                ),
            ),
        ],
    )
}

/// An input that could not be assessed, with its problems.
fn input_error(description: &str) -> Value {
    let problem = object(
        "One problem of the input.",
        &[
            (
                "line",
                nullable(
                    json!({ "description": "The line, when known.", "type": "integer", "minimum": 1 }),
                ),
            ),
            (
                "column",
                nullable(
                    json!({ "description": "The column, when known.", "type": "integer", "minimum": 1 }),
                ),
            ),
            ("message", string("What is wrong, and what is allowed.")),
        ],
    );
    object(
        description,
        &[
            (
                "file",
                nullable(string(
                    "The file as named; null for a problem that belongs to no one file.",
                )),
            ),
            (
                "problems",
                array("Its problems, at most a hundred.", problem),
            ),
            (
                "more",
                count("How many more problems it has than are listed."),
            ),
        ],
    )
}

fn portfolio() -> Value {
    object(
        "Several assessments, in the portfolio's order, with totals and the inputs that could not be assessed.",
        &[
            ("format_version", json!({ "description": "The report format version.", "const": 1 })),
            ("assessments", array("One assessment per organization, by overall score, lowest first, then by name, then by file.", json!({ "$ref": "#/$defs/assessment" }))),
            ("portfolio", object("Totals over the organizations assessed.", &[
                ("organizations", count("How many organizations were assessed.")),
                ("quadrants", object("How many organizations are in each quadrant.", &Quadrant::words().iter().map(|q| (*q, count("Organizations in this quadrant."))).collect::<Vec<_>>())),
                ("stuck", count("How many are stuck in pilot purgatory.")),
                ("pilot_to_production_pct", nullable(score("Live pilots as a share of pilots at stage pilot or later over all organizations, in percent; null when there are none."))),
                ("order", string("The order of the assessments, in words.")),
            ])),
            ("errors", array("The inputs that could not be assessed (the exit code is then 2).", input_error("An input that could not be assessed."))),
        ],
    )
}

/// An object with these properties, all required, and no other key.
fn object(description: &str, properties: &[(&str, Value)]) -> Value {
    let map: Map<String, Value> = properties
        .iter()
        .map(|(key, schema)| ((*key).to_owned(), schema.clone()))
        .collect();
    let required: Vec<&str> = properties.iter().map(|(key, _)| *key).collect();
    json!({
        "description": description,
        "type": "object",
        "additionalProperties": false,
        "required": required,
        "properties": map,
    })
}

fn array(description: &str, items: Value) -> Value {
    let mut schema = json!({ "description": description, "type": "array" });
    schema["items"] = items;
    schema
}

fn string(description: &str) -> Value {
    json!({ "description": description, "type": "string" })
}

fn date(description: &str) -> Value {
    json!({ "description": description, "type": "string", "format": "date", "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$" })
}

/// A score's range, `[low, high]`.
fn low_high(description: &str) -> Value {
    json!({
        "description": description,
        "type": "array",
        "prefixItems": [score("The low end."), score("The high end.")],
        "items": false,
        "minItems": 2,
    })
}

/// A side's score, or null when nothing on that side is answered.
fn side_score(side: &str) -> Value {
    nullable(score(&format!(
        "The {side} score; null when nothing on that side is answered."
    )))
}

/// A score or percentage: a number from 0 to 100 with one decimal.
fn score(description: &str) -> Value {
    let mut schema = json!({ "type": "number", "minimum": 0, "maximum": 100 });
    if !description.is_empty() {
        schema["description"] = json!(description);
    }
    schema
}

fn count(description: &str) -> Value {
    json!({ "description": description, "type": "integer", "minimum": 0 })
}

fn words(description: &str, allowed: &[&str]) -> Value {
    let mut schema = json!({ "type": "string", "enum": allowed });
    if !description.is_empty() {
        schema["description"] = json!(description);
    }
    schema
}

fn word_of<T: Word>(description: &str) -> Value {
    words(description, T::words())
}

/// The schema, or null: its description kept on the outside.
fn nullable(schema: Value) -> Value {
    let description = schema.get("description").cloned();
    let mut inner = schema;
    if let Some(object) = inner.as_object_mut() {
        object.remove("description");
    }
    let mut outer = json!({ "anyOf": [inner, { "type": "null" }] });
    if let Some(description) = description {
        outer["description"] = description;
    }
    outer
}
