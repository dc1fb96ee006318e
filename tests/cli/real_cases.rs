//! The keys added for real cases (rules 2.4) and the six findings that read
//! them: each cross-reference refused where it is written, with the nearest
//! name; each finding at its boundary, both sides, for each way it fires,
//! with the words it prints; and the keys left out changing nothing.

use crate::common::{
    assess, assess_with, doc, finding, fired, fires, of, pilots, run, test_date, REAL_CASE_FINDINGS,
};
use readiness::assessment::Assessment;
use readiness::load::questionnaire::{self, LoadOptions};
use readiness::vocabulary::{Confidence, Group, Severity, Word};
use std::fmt::Write as _;

/// The problems the loader finds in `text`, as `line:column: message`.
fn problems(text: &str) -> Vec<String> {
    match questionnaire::load(
        text,
        LoadOptions {
            as_of: None,
            today: test_date(),
        },
    ) {
        Ok(_) => Vec::new(),
        Err(found) => found
            .iter()
            .map(|d| match d.at {
                Some(at) => format!("{}:{}: {}", at.line, at.column, d.message),
                None => d.message.clone(),
            })
            .collect(),
    }
}

/// Two business problems, then `rest` (line 5 is `strategy:`).
fn with_problems(rest: &str) -> String {
    doc(&format!(
        "strategy:\n  business_problems:\n    - name: Reduce claims leakage\n    - name: Faster triage\n{rest}"
    ))
}

#[test]
fn every_new_key_loads_and_a_questionnaire_without_them_reads_as_before() {
    let body = "respondents:\n  - role: Chief Medical Officer\n    answered: [strategy, beliefs]\n  - role: Head of Nursing\n".to_owned()
        + "strategy:\n  business_problems:\n    - name: Fewer deaths from sepsis\n"
        + "implementation:\n  inventory:\n    complete: true\n    systems_known: 2\n"
        + "  pilots:\n    - { name: watch, stage: production, serves: [Fewer deaths from sepsis], human_review: every_output, affects: [patients, employees], impact_assessed: true }\n"
        + "    - { name: old, stage: retired, retired_reason: value, serves: [] }\n    - { name: next, stage: idea }\n"
        + "  incidents:\n    - { date: 2026-09-14, pilot: watch, kind: harm, severity: high, resolved: true, summary: late alerts }\n    - { date: 2026-11-20, kind: complaint, severity: low, resolved: true }\n";
    assert_eq!(problems(&doc(&body)), Vec::<String>::new());
    let a = of(&body);
    assert_eq!(a.respondents.len(), 2);
    assert_eq!(a.respondents[0].answered, ["strategy", "beliefs"]);
    assert_eq!(a.incidents.len(), 2);
    assert_eq!(a.incidents[1].pilot, None);
    // None of the new keys is ever listed as unanswered.
    let bare = of("implementation:\n  pilots:\n    - { name: watch, stage: production }\n");
    assert!(
        bare.unanswered.iter().all(|p| !p.contains("inventory")
            && !p.contains("serves")
            && !p.contains("human_review")
            && !p.contains("affects")
            && !p.contains("impact_assessed")),
        "{:?}",
        bare.unanswered
    );
    for id in REAL_CASE_FINDINGS {
        assert!(!fired(&bare).contains(&id), "{id}");
    }
}

#[test]
fn serves_names_a_listed_business_problem() {
    let pilot = |serves: &str| {
        with_problems(&format!(
            "implementation:\n  pilots:\n    - name: triage\n      stage: pilot\n      serves: {serves}\n"
        ))
    };
    assert_eq!(problems(&pilot("[Faster triage]")), Vec::<String>::new());
    assert_eq!(problems(&pilot("[]")), Vec::<String>::new());
    assert_eq!(
        problems(&pilot("[Faster triage, Reduce claim leakage]")),
        ["13:31: implementation.pilots[0].serves: \"Reduce claim leakage\" is not a business problem under strategy.business_problems; did you mean \"Reduce claims leakage\"?"]
    );
    // Names compare exactly, as pilot names do; the nearest is offered.
    assert_eq!(
        problems(&pilot("[faster triage]")),
        ["13:16: implementation.pilots[0].serves: \"faster triage\" is not a business problem under strategy.business_problems; did you mean \"Faster triage\"?"]
    );
    assert_eq!(
        problems(&pilot("[Grow revenue]")),
        ["13:16: implementation.pilots[0].serves: \"Grow revenue\" is not a business problem under strategy.business_problems; strategy.business_problems lists: \"Reduce claims leakage\", \"Faster triage\""]
    );
    let without = doc("implementation:\n  pilots:\n    - { name: triage, stage: pilot, serves: [Grow revenue] }\n");
    assert_eq!(
        problems(&without),
        ["7:46: implementation.pilots[0].serves: \"Grow revenue\" is not a business problem under strategy.business_problems; strategy.business_problems lists none"]
    );
    assert_eq!(
        problems(&doc("implementation:\n  pilots:\n    - { name: triage, stage: pilot, serves: Grow }\n")),
        ["7:45: implementation.pilots[0].serves: expected a list of names, each on one line, found the text \"Grow\""]
    );
}

#[test]
fn an_incident_names_a_listed_pilot_and_is_not_dated_after_the_assessment() {
    let incident = |pilot: &str, date: &str| {
        doc(&format!(
            "implementation:\n  pilots:\n    - {{ name: sepsis-watch, stage: production }}\n  incidents:\n    - {{ date: {date}, {pilot}kind: harm, severity: high, resolved: false }}\n"
        ))
    };
    assert_eq!(
        problems(&incident("pilot: sepsis-watch, ", "2026-11-20")),
        Vec::<String>::new()
    );
    assert_eq!(problems(&incident("", "2026-11-20")), Vec::<String>::new());
    assert_eq!(
        problems(&incident("pilot: sepsis-wach, ", "2026-11-20")),
        ["9:34: implementation.incidents[0].pilot: \"sepsis-wach\" is not a pilot under implementation.pilots; did you mean \"sepsis-watch\"?"]
    );
    assert_eq!(
        problems(&incident("", "2026-11-21")),
        ["9:15: implementation.incidents[0].date: 2026-11-21 is after the assessment date 2026-11-20"]
    );
    assert_eq!(
        problems(&doc("implementation:\n  incidents:\n    - { date: 2026-01-02, pilot: ghost, kind: outage, severity: low, resolved: true }\n")),
        ["7:34: implementation.incidents[0].pilot: \"ghost\" is not a pilot under implementation.pilots; implementation.pilots lists none"]
    );
    assert_eq!(
        problems(&doc("implementation:\n  incidents:\n    - { date: 2026-01-02, kind: outage, severity: grave }\n")),
        [
            "7:7: implementation.incidents[0]: missing resolved, which every item needs (true or false)",
            "7:51: implementation.incidents[0].severity: \"grave\" is not a choice; expected one of low, medium, high",
        ]
    );
    // A pilot item with its own problem is not in the list: what names it
    // is not judged until that problem is fixed.
    assert_eq!(
        problems(&doc("implementation:\n  pilots:\n    - { name: watch, stage: live }\n  incidents:\n    - { date: 2026-01-02, pilot: watch, kind: harm, severity: low, resolved: true }\n")),
        ["7:29: implementation.pilots[0].stage: \"live\" is not a choice; expected one of idea, pilot, production, scaled, retired"]
    );
}

#[test]
fn only_a_retired_pilot_has_a_reason_for_retiring() {
    let pilot = |stage: &str| {
        doc(&format!(
            "implementation:\n  pilots:\n    - {{ name: old, stage: {stage}, retired_reason: cost }}\n"
        ))
    };
    assert_eq!(problems(&pilot("retired")), Vec::<String>::new());
    assert_eq!(
        problems(&pilot("production")),
        ["7:55: implementation.pilots[0].retired_reason: only a pilot at stage retired has a reason for retiring; this one is at stage production"]
    );
    assert_eq!(
        problems(&doc("implementation:\n  pilots:\n    - { name: old, stage: retired, retired_reason: costs }\n")),
        ["7:52: implementation.pilots[0].retired_reason: \"costs\" is not a choice; expected one of value, cost, risk, replaced, strategy; did you mean \"cost\"?"]
    );
}

#[test]
fn systems_known_is_not_below_the_started_and_retired_pilots_listed() {
    // Two started, one retired, one idea: three systems listed.
    let known = |n: u32| {
        doc(&format!(
            "implementation:\n  inventory:\n    systems_known: {n}\n  pilots:\n    - {{ name: a, stage: pilot }}\n    - {{ name: b, stage: scaled }}\n    - {{ name: c, stage: retired }}\n    - {{ name: d, stage: idea }}\n"
        ))
    };
    assert_eq!(problems(&known(3)), Vec::<String>::new());
    assert_eq!(
        problems(&known(2)),
        ["7:20: implementation.inventory.systems_known: 2 is fewer than the 3 started and retired pilots listed under implementation.pilots; expected a whole number, 3 or more"]
    );
    assert_eq!(
        problems(&doc(
            "implementation:\n  inventory:\n    systems_known: 0\n"
        )),
        Vec::<String>::new()
    );
}

#[test]
fn the_new_choices_and_respondents_are_checked_like_every_answer() {
    assert_eq!(
        problems(&doc("implementation:\n  pilots:\n    - { name: a, stage: pilot, human_review: sampeld, affects: [patient] }\n")),
        [
            "7:46: implementation.pilots[0].human_review: \"sampeld\" is not a choice; expected one of none, sampled, every_output; did you mean \"sampled\"?",
            "7:65: implementation.pilots[0].affects: \"patient\" is not a choice; expected one of employees, customers, applicants, patients, students, citizens, public; did you mean \"patients\"?",
        ]
    );
    assert_eq!(
        problems(&doc("respondents:\n  - answered: [strategy, budget]\n")),
        [
            "6:5: respondents[0]: missing role, which every item needs (text)",
            "6:26: respondents[0].answered: \"budget\" is not a choice; expected one of strategy, implementation, beliefs, operating_model",
        ]
    );
    assert_eq!(
        problems(&doc("respondents:\n  - { rol: CFO }\n")),
        [
            "6:5: respondents[0]: missing role, which every item needs (text)",
            "6:7: unknown key \"rol\" in respondents[0]; did you mean \"role\"?",
        ]
    );
}

#[test]
fn a_broken_reference_is_refused_on_the_command_line() {
    let tmp = crate::common::scratch_dir();
    let path = format!("{}/serves.yaml", crate::common::path_of(&tmp));
    std::fs::write(
        &path,
        with_problems("implementation:\n  pilots:\n    - { name: triage, stage: pilot, serves: [Faster triag] }\n"),
    )
    .expect("scratch file");
    let out = run(&["assess", &path]);
    assert_eq!((out.code, out.stdout.as_str()), (2, ""));
    assert_eq!(
        out.stderr.lines().next(),
        Some(format!("{path}:11:46: implementation.pilots[0].serves: \"Faster triag\" is not a business problem under strategy.business_problems; did you mean \"Faster triage\"?").as_str())
    );
}

#[test]
fn no_human_oversight_needs_a_live_high_stakes_system_with_no_review() {
    let a = of(&pilots(&[
        "stage: production, impact: high, human_review: none",
    ]));
    let f = finding(&a, "no-human-oversight");
    assert_eq!(
        (f.kind, f.severity),
        (Group::Operations, Severity::Critical)
    );
    assert_eq!(
        &*f.message,
        "Live systems whose outputs carry high stakes take effect with no person checking them first: p0."
    );
    let paths: Vec<String> = f.evidence.iter().map(|e| e.path.to_string()).collect();
    assert_eq!(
        paths,
        [
            "implementation.pilots[0].impact",
            "implementation.pilots[0].human_review"
        ]
    );
    assert!(fires(
        &pilots(&["stage: scaled, impact: high, human_review: none"]),
        "no-human-oversight"
    ));
    for quiet in [
        "stage: production, impact: high, human_review: sampled",
        "stage: production, impact: medium, human_review: none",
        "stage: production, human_review: none",
        "stage: production, impact: high",
        "stage: pilot, impact: high, human_review: none",
    ] {
        assert!(!fires(&pilots(&[quiet]), "no-human-oversight"), "{quiet}");
    }
}

#[test]
fn unassessed_impact_needs_people_beyond_employees_and_no_assessment() {
    let a = of(&pilots(&[
        "stage: production, impact: high, affects: [employees, patients, public], impact_assessed: false",
    ]));
    let f = finding(&a, "unassessed-impact");
    assert_eq!(
        (f.kind, f.severity),
        (Group::Operations, Severity::Critical)
    );
    assert_eq!(
        &*f.message,
        "Live systems whose outputs carry high stakes for patients and the public, with no assessment of that effect: p0."
    );
    assert_eq!(
        &*f.remedy,
        "Assess how p0 affect patients and the public: who could be harmed, how, and what would catch it; act on what the assessment finds."
    );
    assert_eq!(f.evidence.len(), 3);
    for quiet in [
        "stage: production, impact: high, affects: [employees], impact_assessed: false",
        "stage: production, impact: high, affects: [patients], impact_assessed: true",
        "stage: production, impact: high, affects: [patients]",
        "stage: production, impact: high, impact_assessed: false",
        "stage: production, affects: [patients], impact_assessed: false",
        "stage: pilot, impact: high, affects: [patients], impact_assessed: false",
    ] {
        assert!(!fires(&pilots(&[quiet]), "unassessed-impact"), "{quiet}");
    }
}

/// Pilots, then incidents, each written in flow style.
fn incidents(pilot_entries: &[&str], entries: &[&str]) -> Assessment {
    let mut body = pilots(pilot_entries);
    body.push_str("  incidents:\n");
    for entry in entries {
        let _ = writeln!(body, "    - {{ {entry} }}");
    }
    of(&body)
}

#[test]
fn open_incident_takes_the_worst_open_incidents_severity() {
    for (severity, expected) in [
        ("high", Severity::Critical),
        ("medium", Severity::Warning),
        ("low", Severity::Info),
    ] {
        let a = incidents(
            &["stage: production, monitoring: manual"],
            &[&format!(
                "date: 2026-09-14, pilot: p0, kind: harm, severity: {severity}, resolved: false"
            )],
        );
        let f = finding(&a, "open-incident");
        assert_eq!((f.kind, f.severity), (Group::Operations, expected));
        assert_eq!(
            &*f.message,
            format!("Open incidents with AI systems, the worst first: 2026-09-14, p0, harm, {severity} severity.")
        );
        assert_eq!(*f.pilots, ["p0"]);
    }
    let resolved = incidents(
        &["stage: production"],
        &["date: 2026-09-14, pilot: p0, kind: harm, severity: high, resolved: true"],
    );
    assert!(!fired(&resolved).contains(&"open-incident"));
    // The worst first, whatever the file's order; an unwatched system is said.
    let a = incidents(
        &[
            "stage: production, monitoring: none",
            "stage: scaled, monitoring: automated",
        ],
        &[
            "date: 2026-10-01, kind: complaint, severity: low, resolved: false",
            "date: 2026-09-14, pilot: p1, kind: legal, severity: medium, resolved: true",
            "date: 2026-08-02, pilot: p0, kind: harm, severity: high, resolved: false",
        ],
    );
    let f = finding(&a, "open-incident");
    assert_eq!(f.severity, Severity::Critical);
    assert_eq!(
        &*f.message,
        "Open incidents with AI systems, the worst first: 2026-08-02, p0, harm, high severity, on a system nobody monitors; 2026-10-01, not tied to a pilot, complaint, low severity."
    );
    let paths: Vec<String> = f.evidence.iter().map(|e| e.path.to_string()).collect();
    assert_eq!(
        paths,
        [
            "implementation.incidents[2]",
            "implementation.pilots[0].monitoring",
            "implementation.incidents[0]"
        ]
    );
    assert_eq!(f.evidence[0].line, Some(12));
}

#[test]
fn the_rubric_caps_open_incidents_severity() {
    let text = readiness::rubric::DEFAULT_TOML.replace(
        "[findings.open-incident]\nseverity = \"critical\"",
        "[findings.open-incident]\nseverity = \"warning\"",
    );
    let rubric = readiness::rubric::parse(&text).expect("a valid rubric");
    let body = doc(&format!(
        "{}  incidents:\n    - {{ date: 2026-09-14, kind: harm, severity: high, resolved: false }}\n    - {{ date: 2026-09-15, kind: harm, severity: low, resolved: false }}\n",
        pilots(&["stage: production"])
    ));
    let severities: Vec<Severity> = assess_with(&body, &rubric)
        .findings
        .iter()
        .filter(|f| f.id.word() == "open-incident")
        .map(|f| f.severity)
        .collect();
    assert_eq!(severities, [Severity::Warning]);
}

#[test]
fn unanchored_pilot_needs_started_work_that_serves_nothing() {
    let a = assess(&with_problems(&pilots(&[
        "stage: pilot, serves: []",
        "stage: production, serves: [Faster triage]",
    ])));
    let f = finding(&a, "unanchored-pilot");
    assert_eq!((f.kind, f.severity), (Group::Other, Severity::Warning));
    assert_eq!(
        &*f.message,
        "Started work that serves none of the business problems the strategy names: p0."
    );
    assert_eq!(f.evidence[0].value, "p0, serves none");
    for quiet in [
        "stage: idea, serves: []",
        "stage: retired, serves: []",
        "stage: pilot",
    ] {
        let a = assess(&with_problems(&pilots(&[quiet])));
        assert!(!fired(&a).contains(&"unanchored-pilot"), "{quiet}");
    }
}

#[test]
fn unserved_problem_needs_every_started_pilot_to_say_what_it_serves() {
    let a = assess(&with_problems(&pilots(&[
        "stage: pilot, serves: []",
        "stage: production, serves: [Faster triage]",
        "stage: idea, serves: [Reduce claims leakage]",
    ])));
    let f = finding(&a, "unserved-problem");
    assert_eq!((f.kind, f.severity), (Group::Other, Severity::Info));
    assert_eq!(
        &*f.message,
        "Business problems the strategy names that no started pilot works on: Reduce claims leakage."
    );
    assert_eq!(
        f.evidence[0].path.to_string(),
        "strategy.business_problems[0]"
    );
    for (quiet, why) in [
        (
            vec![
                "stage: pilot, serves: [Reduce claims leakage]",
                "stage: scaled, serves: [Faster triage]",
            ],
            "every problem served",
        ),
        (
            vec!["stage: pilot, serves: [Faster triage]", "stage: scaled"],
            "one started pilot leaves serves out",
        ),
        (vec!["stage: idea, serves: []"], "no started pilot"),
    ] {
        let a = assess(&with_problems(&pilots(&quiet)));
        assert!(!fired(&a).contains(&"unserved-problem"), "{why}");
    }
}

#[test]
fn incomplete_inventory_says_how_much_is_listed_and_caps_confidence() {
    let listed = pilots(&["stage: production", "stage: retired", "stage: idea"]);
    let a = of(&format!(
        "{listed}  inventory:\n    complete: false\n    systems_known: 126\n"
    ));
    let f = finding(&a, "incomplete-inventory");
    assert_eq!((f.kind, f.severity), (Group::Other, Severity::Warning));
    assert_eq!(
        &*f.message,
        "The pilots list holds 2 of the 126 AI systems known to exist, so the implementation half describes only part of the AI in use."
    );
    let a = of(&format!("{listed}  inventory:\n    complete: false\n"));
    assert_eq!(
        &*finding(&a, "incomplete-inventory").message,
        "The pilots list holds 2 AI systems, and how many more exist is not answered, so the implementation half describes only part of the AI in use."
    );
    // Every system counted is listed, yet the list is marked incomplete.
    let a = of(&format!(
        "{listed}  inventory:\n    complete: false\n    systems_known: 2\n"
    ));
    assert_eq!(
        &*finding(&a, "incomplete-inventory").message,
        "The pilots list holds every AI system counted as known (2), but the inventory is marked incomplete, so the implementation half describes only part of the AI in use."
    );
    let a = of(&format!(
        "{listed}  inventory:\n    complete: false\n    systems_known: 3\n"
    ));
    assert_eq!(
        &*finding(&a, "incomplete-inventory").message,
        "The pilots list holds 2 of the 3 AI systems known to exist, so the implementation half describes only part of the AI in use."
    );
    assert!(!fires(
        &format!("{listed}  inventory:\n    complete: true\n    systems_known: 2\n"),
        "incomplete-inventory"
    ));
    assert!(!fires(
        &format!("{listed}  inventory:\n    systems_known: 9\n"),
        "incomplete-inventory"
    ));
    // A fully answered example: firm, then provisional, its scores unmoved.
    let example = std::fs::read_to_string(format!(
        "{}/examples/aligned-harbor-logistics.yaml",
        env!("CARGO_MANIFEST_DIR")
    ))
    .expect("example");
    let firm = assess(&example);
    assert_eq!(firm.confidence, Confidence::Firm);
    let partial = assess(&example.replacen(
        "\nimplementation:\n",
        "\nimplementation:\n  inventory:\n    complete: false\n",
        1,
    ));
    assert_eq!(partial.confidence, Confidence::Provisional);
    assert_eq!(partial.scores, firm.scores);
    assert_eq!(partial.quadrant, firm.quadrant);
    let report = readiness::render::markdown::render(&partial);
    assert!(
        report.contains("Confidence: **provisional**. The pilots list is not the whole inventory of AI in use, so the verdict rests on part of it."),
        "{report}"
    );
}

#[test]
fn unguarded_decisions_says_when_a_person_checks_every_output() {
    let message = |review: &str| {
        let a = of(&pilots(&[&format!(
            "stage: production, impact: high, monitoring: manual{review}"
        )]));
        finding(&a, "unguarded-decisions").message.to_string()
    };
    assert_eq!(
        message(""),
        "Live systems whose outputs carry high stakes, watched by hand or not at all: p0."
    );
    assert_eq!(message(", human_review: sampled"), message(""));
    assert_eq!(
        message(", human_review: every_output"),
        "Live systems whose outputs carry high stakes, watched by hand or not at all: p0. People check each output of p0, which does not catch a model drifting over months."
    );
}

#[test]
fn the_reports_name_who_answered_and_only_when_someone_is_named() {
    let named = of("respondents:\n  - { role: COO, answered: [strategy, beliefs, operating_model] }\n  - role: \"Head of *Care*\"\n  - { role: CFO, answered: [implementation] }\n");
    let markdown = readiness::render::markdown::render(&named);
    let line = "Answered by: COO (strategy, beliefs and operating model); Head of \\*Care\\*; CFO (implementation).";
    // In the first lines, and again in the method.
    let first: Vec<&str> = markdown.lines().take(12).collect();
    assert!(first.contains(&line), "{markdown}");
    assert!(markdown.contains(&format!("- {line}\n")), "{markdown}");
    let table = readiness::render::table::render(&named, 200, false);
    assert_eq!(
        table.lines().nth(1),
        Some("Answered by: COO (strategy, beliefs and operating model); Head of *Care*; CFO (implementation).")
    );
    let nobody = of("strategy:\n  sponsor: vp\n");
    assert!(!readiness::render::markdown::render(&nobody).contains("Answered by"));
    assert!(!readiness::render::table::render(&nobody, 200, false).contains("Answered by"));
}

#[test]
fn the_purgatory_section_counts_pilots_retired_on_purpose_by_reason() {
    let said = |entries: &[&str]| {
        let a = of(&pilots(entries));
        let markdown = readiness::render::markdown::render(&a);
        let table = readiness::render::table::render(&a, 200, false);
        let line = markdown
            .lines()
            .find(|l| l.starts_with("Retired on purpose"))
            .map(str::to_owned);
        let in_table = table
            .lines()
            .find(|l| l.starts_with("Retired on purpose"))
            .map(str::to_owned);
        assert_eq!(line, in_table);
        line
    };
    assert_eq!(
        said(&[
            "stage: retired, retired_reason: cost",
            "stage: retired, retired_reason: cost"
        ]),
        Some(
            "Retired on purpose, a decision rather than a failure: 2 pilots, for cost.".to_owned()
        )
    );
    assert_eq!(
        said(&["stage: retired, retired_reason: replaced"]),
        Some("Retired on purpose, a decision rather than a failure: 1 pilot, replaced.".to_owned())
    );
    assert_eq!(
        said(&[
            "stage: retired, retired_reason: risk",
            "stage: retired, retired_reason: value",
            "stage: retired",
            "stage: retired, retired_reason: replaced",
        ]),
        Some("Retired on purpose, a decision rather than a failure: 3 pilots (1 for value, 1 for risk, 1 replaced).".to_owned())
    );
    assert_eq!(said(&["stage: retired", "stage: pilot"]), None);
    let a = of(&pilots(&["stage: retired, retired_reason: strategy"]));
    assert!(readiness::render::markdown::render(&a)
        .contains("| p0 | not stated | retired (for strategy) |"));
}

#[test]
fn incidents_are_listed_under_live_systems_with_outside_text_escaped() {
    let a = incidents(
        &["stage: pilot"],
        &[
            "date: 2026-09-14, pilot: p0, kind: legal, severity: medium, resolved: false, summary: \"a ruling | <b>void</b>\"",
            "date: 2026-10-01, kind: outage, severity: low, resolved: true",
        ],
    );
    let markdown = readiness::render::markdown::render(&a);
    let section = markdown
        .split_once("#### Live systems and running costs\n\n")
        .map(|(_, rest)| rest)
        .expect("a live systems section");
    let section = section
        .split_once("Incidents: ")
        .map(|(_, rest)| format!("Incidents: {rest}"))
        .expect("the incidents after the findings of live systems");
    assert!(
        section.starts_with("Incidents: 2 recorded, 1 not resolved.\n\n| Date | Pilot | Kind | Severity | Resolved | What happened |\n| --- | --- | --- | --- | --- | --- |\n| 2026-09-14 | p0 | legal | medium | no | a ruling \\| &lt;b&gt;void&lt;/b&gt; |\n| 2026-10-01 | not tied to a pilot | outage | low | yes | not stated |\n"),
        "{section}"
    );
    let table = readiness::render::table::render(&a, 200, false);
    assert!(
        table.contains("Incidents: 2 recorded, 1 not resolved."),
        "{table}"
    );
    assert!(table.contains("a ruling | <b>void</b>"), "{table}");
    // Without incidents, nothing is said of them.
    let none = of(&pilots(&["stage: production"]));
    assert!(!readiness::render::markdown::render(&none).contains("Incidents:"));
    assert!(!readiness::render::table::render(&none, 200, false).contains("Incidents:"));
}

/// The example that uses every key for real cases, in the code-scanning
/// formats too (the other examples are there through the portfolio).
#[test]
fn the_lakeshore_example_in_the_code_scanning_formats() {
    for format in ["sarif", "github"] {
        let out = run(&[
            "assess",
            "examples/aligned-incident-lakeshore-health.yaml",
            "--format",
            format,
            "--no-step-summary",
        ]);
        assert_eq!(out.code, 0, "{}", out.stderr);
        insta::assert_snapshot!(format!("lakeshore-{format}"), out.stdout);
    }
}

/// No criterion may score what describes a pilot or names other items.
#[test]
fn a_rubric_cannot_score_the_describing_keys() {
    for (key, message) in [
        (
            "affects",
            "the pilot key affects describes a pilot and cannot be scored",
        ),
        (
            "retired_reason",
            "the pilot key retired_reason describes a pilot and cannot be scored",
        ),
        ("serves", "the pilot key serves cannot be scored"),
    ] {
        let text = readiness::rubric::DEFAULT_TOML.replacen(
            "field = \"integrated\"",
            &format!("field = \"{key}\""),
            1,
        );
        let problems: Vec<String> = match readiness::rubric::parse(&text) {
            Ok(_) => Vec::new(),
            Err(found) => found.iter().map(|p| p.message.clone()).collect(),
        };
        assert_eq!(problems, [message], "{key}");
    }
}

/// The starter lists every key for real cases, with what each refers to.
#[test]
fn init_writes_the_keys_for_real_cases() {
    let out = run(&["init"]);
    assert_eq!(out.code, 0);
    for line in [
        "respondents:                        # a list; uncomment and repeat the item below",
        "  # - role:                         # required; text",
        "    #   serves:                     # a list of names, each on one line: names under strategy.business_problems, [] for none",
        "    #   human_review:               # one of none, sampled, every_output",
        "    #   retired_reason:             # one of value, cost, risk, replaced, strategy: only for stage retired",
        "  incidents:                        # a list; uncomment and repeat the item below",
        "    # - date:                       # required; a date written YYYY-MM-DD: not after the assessment date",
        "    #   pilot:                      # a name on one line: the name of a listed pilot",
        "  inventory:",
        "    complete:                       # true or false",
    ] {
        assert!(out.stdout.lines().any(|l| l == line), "{line}\n{}", out.stdout);
    }
}
