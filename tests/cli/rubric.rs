//! A custom rubric is checked completely when it loads: each kind of mistake
//! is refused with its line and column, and `--rubric` exits 2 on any of them.

use crate::common::run;
use readiness::rubric::{self, DEFAULT_TOML};

/// The default rubric with `from` replaced by `to` (once), and its problems.
fn problems(from: &str, to: &str) -> Vec<String> {
    assert!(
        DEFAULT_TOML.contains(from),
        "the default rubric has {from:?}"
    );
    let text = DEFAULT_TOML.replacen(from, to, 1);
    match rubric::parse(&text) {
        Ok(_) => Vec::new(),
        Err(problems) => problems.iter().map(|p| p.render("r.toml", None)).collect(),
    }
}

/// The lines (from 1) of the default rubric with `from` replaced by `to`
/// that contain `needle`.
fn lines_after(from: &str, to: &str, needle: &str) -> Vec<usize> {
    DEFAULT_TOML
        .replacen(from, to, 1)
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.starts_with('#') && l.contains(needle))
        .map(|(i, _)| i + 1)
        .collect()
}

/// The one line (from 1) of the changed rubric that contains `needle`.
fn line_after(from: &str, to: &str, needle: &str) -> usize {
    match lines_after(from, to, needle)[..] {
        [line] => line,
        ref lines => panic!("{needle:?} on lines {lines:?}"),
    }
}

fn line_of(needle: &str) -> usize {
    DEFAULT_TOML
        .lines()
        .position(|l| !l.starts_with('#') && l.contains(needle))
        .expect("present")
        + 1
}

#[test]
fn an_unknown_key_is_refused_with_a_suggestion() {
    let line = line_of("id = \"purpose.business-problems\"");
    assert_eq!(
        problems(
            "id = \"purpose.business-problems\"",
            "id = \"purpose.business-problems\"\nwieght = 2.0"
        ),
        [format!(
            "r.toml:{}:1: unknown key \"wieght\"; did you mean \"weight\"?",
            line + 1
        )]
    );
}

#[test]
fn weights_must_be_above_zero() {
    let line = line_of("weight = 3.0");
    assert_eq!(
        problems("weight = 3.0", "weight = 0.0"),
        [format!("r.toml:{line}:10: weight must be above 0, found 0")]
    );
    assert_eq!(
        problems("weight = 3.0", "weight = -1.0"),
        [format!(
            "r.toml:{line}:10: weight must be above 0, found -1"
        )]
    );
}

#[test]
fn a_points_table_must_cover_every_choice_and_never_fall() {
    let from = "points = { none = 0, draft = 50, approved = 100 }";
    let line = line_of(from);
    assert_eq!(
        problems(from, "points = { none = 0, approved = 100 }"),
        [format!("r.toml:{line}:10: the points table is missing the choice \"draft\" of strategy.roadmap.status")]
    );
    assert_eq!(
        problems(from, "points = { none = 0, draft = 50, approved = 100, final = 100 }"),
        [format!("r.toml:{line}:58: unknown choice of strategy.roadmap.status \"final\"; allowed: none, draft, approved")]
    );
    assert_eq!(
        problems(from, "points = { none = 0, draft = 80, approved = 60 }"),
        [format!("r.toml:{line}:10: points must not fall towards the mature end: \"approved\" (60) scores less than \"draft\" (80)")]
    );
}

#[test]
fn duplicate_ids_are_refused() {
    let second = line_of("id = \"leadership.team\"");
    assert_eq!(
        problems(
            "id = \"leadership.team\"",
            "id = \"purpose.business-problems\""
        ),
        [format!(
            "r.toml:{second}:6: duplicate criterion id \"purpose.business-problems\""
        )]
    );
    let dimension = line_of("id = \"leadership\"");
    let allowed =
        "allowed: purpose, purpose, delivery, investment, governance, scale, data, people, risk";
    let mut expected = vec![format!(
        "r.toml:{dimension}:6: duplicate dimension id \"purpose\""
    )];
    // The three criteria of the dimension renamed away are left without it.
    let orphans = lines_after(
        "id = \"leadership\"",
        "id = \"purpose\"",
        "dimension = \"leadership\"",
    );
    assert_eq!(orphans.len(), 3, "{orphans:?}");
    expected.extend(
        orphans
            .iter()
            .map(|line| format!("r.toml:{line}:13: unknown dimension \"leadership\"; {allowed}")),
    );
    assert_eq!(
        problems("id = \"leadership\"", "id = \"purpose\""),
        expected
    );
}

#[test]
fn unknown_paths_kinds_sides_and_placeholders() {
    let from = "answer = \"strategy.sponsor\"";
    let line = line_of(from);
    assert_eq!(
        problems(from, "answer = \"strategy.sponser\""),
        [format!("r.toml:{line}:10: unknown questionnaire path \"strategy.sponser\"; did you mean \"strategy.sponsor\"?")]
    );
    let kind = line_of("kind = \"list-completeness\"");
    assert_eq!(
        problems("kind = \"list-completeness\"\nlist", "kind = \"list-complete\"\nlist"),
        [format!("r.toml:{kind}:8: unknown criterion kind \"list-complete\"; did you mean \"list-completeness\"?")]
    );
    let side = line_of("side = \"strategy\"");
    assert_eq!(
        problems("side = \"strategy\"", "side = \"strategic\""),
        [format!(
            "r.toml:{side}:8: unknown side \"strategic\"; did you mean \"strategy\"?"
        )]
    );
    let message = line_of("message = \"Still pilots {days} days");
    let found = problems("Still pilots {days} days", "Still pilots {weeks} days");
    assert_eq!(
        found,
        [format!(
            "r.toml:{message}:11: unknown placeholder {{weeks}}; this text may use: count, days, pilots"
        )]
    );
}

#[test]
fn weights_above_the_cap_sides_without_criteria_and_related_criteria() {
    let line = line_of("weight = 3.0");
    assert_eq!(
        problems("weight = 3.0", "weight = 1000.5"),
        [format!(
            "r.toml:{line}:10: weight must be at most max_weight (1000), found 1000.5"
        )]
    );
    assert!(problems("weight = 3.0", "weight = 1000.0").is_empty());
    // Every strategy criterion moved to the implementation side.
    let text = DEFAULT_TOML.replace("side = \"strategy\"", "side = \"implementation\"");
    let found: Vec<String> = match rubric::parse(&text) {
        Ok(_) => Vec::new(),
        Err(problems) => problems.iter().map(|p| p.render("r.toml", None)).collect(),
    };
    assert_eq!(
        found,
        ["r.toml:1:1: the rubric needs at least one strategy criterion"]
    );
    let related = line_of("related = [\"delivery.priorities\"]");
    assert_eq!(
        problems("related = [\"delivery.priorities\"]", "related = [\"delivery.priority\"]"),
        [format!("r.toml:{related}:12: unknown criterion \"delivery.priority\"; did you mean \"delivery.priorities\"?")]
    );
}

#[test]
fn a_misconception_needs_a_text_for_each_source_and_the_gap() {
    let (from, to) = (
        "gap = \"Leadership rejects the statement, yet acts on it.\"\n\n[findings.it-only]",
        "\n[findings.it-only]",
    );
    let messages = line_after(from, to, "[findings.strategy-first.messages]");
    assert_eq!(
        problems(from, to),
        [format!("r.toml:{messages}:1: missing key \"gap\"")]
    );
    let (from, to) = (
        "[findings.strategy-first.messages]",
        "[findings.strategy-first.words]",
    );
    let finding = line_of("[findings.strategy-first]");
    let words = line_after(from, to, "[findings.strategy-first.words]");
    assert_eq!(
        problems(from, to),
        [
            format!("r.toml:{finding}:1: the misconception strategy-first needs [findings.strategy-first.messages] with belief, behavior, both and gap"),
            format!("r.toml:{words}:26: unknown key \"words\"; allowed: severity, title, message, remedy, related, references, statement, correction, messages, remedy_started, fix"),
        ]
    );
    // A belief stated alone has no evidence to name.
    let belief = line_of("belief = \"Leadership holds that implementing AI is a job");
    let found = problems(
        "belief = \"Leadership holds that implementing AI is a job for the IT department alone.\"",
        "belief = \"Leadership holds that {pilots} are a job for IT.\"",
    );
    assert_eq!(
        found,
        [format!(
            "r.toml:{belief}:10: unknown placeholder {{pilots}}; this text may use: none"
        )]
    );
}

#[test]
fn every_finding_needs_its_texts() {
    let line = line_of("[findings.shadow-ai]");
    assert_eq!(
        problems("[findings.shadow-ai]", "[findings.shadow-ia]"),
        [
            "r.toml:1:1: missing [findings.\"shadow-ai\"]: every finding needs its texts"
                .to_owned(),
            format!("r.toml:{line}:1: unknown finding \"shadow-ia\"; did you mean \"shadow-ai\"?"),
        ]
    );
}

#[test]
fn thresholds_out_of_range() {
    let line = line_of("quadrant_cut = 50.0");
    assert_eq!(
        problems("quadrant_cut = 50.0", "quadrant_cut = 150.0"),
        [format!(
            "r.toml:{line}:16: quadrant_cut must be a score from 0 to 100, found 150"
        )]
    );
}

#[test]
fn a_bad_rubric_file_exits_2_before_any_assessment() {
    let tmp = crate::common::scratch_dir();
    let path = format!("{}/bad-rubric.toml", crate::common::path_of(&tmp));
    std::fs::write(
        &path,
        DEFAULT_TOML.replacen("weight = 3.0", "weight = 0", 1),
    )
    .expect("scratch file");
    let out = run(&[
        "assess",
        "examples/aligned-harbor-logistics.yaml",
        "--rubric",
        &path,
    ]);
    assert_eq!((out.code, out.stdout.as_str()), (2, ""));
    let line = line_of("weight = 3.0");
    let gutter = " ".repeat(line.to_string().len());
    assert_eq!(
        out.stderr,
        format!(
            "{path}:{line}:10: weight must be above 0, found 0\n{line} | weight = 0\n{gutter} |          ^\n"
        )
    );
    let not_toml = format!("{}/not-toml.toml", crate::common::path_of(&tmp));
    std::fs::write(&not_toml, "id = \n").expect("scratch file");
    let out = run(&[
        "assess",
        "examples/aligned-harbor-logistics.yaml",
        "--rubric",
        &not_toml,
    ]);
    assert_eq!((out.code, out.stdout.as_str()), (2, ""));
    assert_eq!(
        out.stderr,
        format!("{not_toml}:1:6: string values must be quoted, expected literal string\n1 | id = \n  |      ^\n")
    );
}

#[test]
fn the_default_rubric_used_as_a_file_gives_the_same_report() {
    let tmp = crate::common::scratch_dir();
    let path = format!("{}/same-rubric.toml", crate::common::path_of(&tmp));
    std::fs::write(&path, DEFAULT_TOML).expect("scratch file");
    let file = "examples/slide-deck-northwind-retail.yaml";
    let custom = run(&["assess", file, "--format", "json", "--rubric", &path]);
    let default = run(&["assess", file, "--format", "json"]);
    assert_eq!(custom.code, 0, "{}", custom.stderr);
    // The same but for the rubric file the report names.
    let mut custom: serde_json::Value = serde_json::from_str(&custom.stdout).expect("json");
    let default: serde_json::Value = serde_json::from_str(&default.stdout).expect("json");
    assert_eq!(custom["config"]["rubric"], path.as_str());
    custom["config"]["rubric"] = serde_json::Value::Null;
    assert_eq!(custom, default);
}

#[test]
fn every_finding_says_which_criteria_its_remedy_covers() {
    let (from, to) = ("related = [\"delivery.priorities\"]\n", "");
    let line = line_after(from, to, "[findings.overwhelmed]");
    assert_eq!(
        problems(from, to),
        [format!("r.toml:{line}:1: missing key \"related\"")]
    );
}

/// The contract case `tests/cmd/rubric-check-invalid.toml` checks a copy of
/// the default rubric with three mistakes; the copy must follow the rubric.
#[test]
fn the_mistakes_fixture_is_the_default_rubric_with_three_mistakes() {
    let fixture = std::fs::read_to_string(format!(
        "{}/tests/fixtures/rubrics/mistakes.toml",
        env!("CARGO_MANIFEST_DIR")
    ))
    .expect("fixture");
    let body = fixture
        .split_once("# and a focus reason renamed (so the real one is missing).\n")
        .expect("the fixture's header")
        .1;
    let stuck = DEFAULT_TOML
        .lines()
        .find(|l| l.starts_with("stuck = "))
        .expect("a stuck sentence");
    let expected = DEFAULT_TOML
        .replacen("weight = 3.0", "weight = 0.0", 1)
        .replacen(
            stuck,
            "stuck = \"Pivot to implementation: pilots are stuck ({signal}).\"",
            1,
        )
        .replacen(
            "\naligned = \"Scale: both halves",
            "\naligned-org = \"Scale: both halves",
            1,
        );
    assert_eq!(
        body, expected,
        "regenerate tests/fixtures/rubrics/mistakes.toml"
    );
}

#[test]
fn every_number_a_rubric_holds_is_bounded() {
    let line = line_of("weight = 3.0");
    assert_eq!(
        problems("weight = 3.0", "weight = 1e308"),
        [format!(
            "r.toml:{line}:10: weight must be at most max_weight (1000), found 1e308"
        )]
    );
    let max = line_of("max_weight = 1000.0");
    assert_eq!(
        problems("max_weight = 1000.0", "max_weight = 1e308"),
        [format!(
            "r.toml:{max}:14: max_weight must be a number above 0 and at most 1000, found 1e308"
        )]
    );
    for (from, to, column, message) in [
        (
            "cost_overrun_ratio = 1.25",
            "cost_overrun_ratio = 1e300",
            22,
            "cost_overrun_ratio must be a number above 0 and at most 1000, found 1e300".to_owned(),
        ),
        (
            "impact_weights = { low = 1.0,",
            "impact_weights = { low = 1e300,",
            18,
            "impact_weights.low must be a number above 0 and at most 1000, found 1e300".to_owned(),
        ),
        (
            "stale_pilot_days = 180",
            "stale_pilot_days = 9000000000",
            20,
            "stale_pilot_days must be a whole number from 0 to 36500, found 9000000000".to_owned(),
        ),
        (
            "quadrant_cut = 50.0",
            "quadrant_cut = -1e300",
            16,
            "quadrant_cut must be a score from 0 to 100, found -1e300".to_owned(),
        ),
        (
            "weight = 3.0",
            "weight = -1e300",
            10,
            "weight must be above 0, found -1e300".to_owned(),
        ),
        (
            "points = { none = 0, draft = 50, approved = 100 }",
            "points = { none = 0, draft = 5e300, approved = 100 }",
            30,
            "points must be from 0 to 100, found 5e300".to_owned(),
        ),
        (
            "curve = [[1, 20], [6, 60], [12, 100]]",
            "curve = [[1, 20], [6, 60], [1e300, 100]]",
            9,
            "curve pair [1e300, 100]: values must be within ±1000000000 and points from 0 to 100"
                .to_owned(),
        ),
    ] {
        let line = line_of(from);
        assert_eq!(
            problems(from, to),
            [format!("r.toml:{line}:{column}: {message}")],
            "{to}"
        );
    }
}

#[test]
fn a_fix_is_one_lowercase_word_and_never_on_a_misconception() {
    let line = line_of("fix = \"decide\"");
    assert_eq!(
        problems("fix = \"decide\"", "fix = \"Go/no-go\""),
        [format!(
            "r.toml:{line}:7: fix \"Go/no-go\" must be one lowercase word (letters and -), such as decide, monitor or measure"
        )]
    );
    assert_eq!(
        problems("fix = \"decide\"", "fix = \"go-no-go\""),
        Vec::<String>::new()
    );
    let remedy =
        "remedy = \"Give HR and the heads of the affected departments a role in every rollout.\"";
    let line = line_of(remedy) + 1;
    assert_eq!(
        problems(remedy, &format!("{remedy}\nfix = \"involve\"")),
        [format!(
            "r.toml:{line}:7: a misconception takes no \"fix\"; it-only is one"
        )]
    );
}

#[test]
fn the_texts_for_started_pilots_and_the_level_meanings_are_required() {
    let started = DEFAULT_TOML
        .lines()
        .find(|l| l.starts_with("remedy_started = "))
        .expect("strategy-first's second remedy");
    let finding = line_of("[findings.strategy-first]");
    assert_eq!(
        problems(&format!("{started}\n"), ""),
        [format!("r.toml:{finding}:1: the finding strategy-first needs \"remedy_started\": its remedy when pilots are started, naming them ({{started}}) instead of advising to start one")]
    );
    let early = DEFAULT_TOML
        .lines()
        .find(|l| l.starts_with("early-started = "))
        .expect("the early sentence for started pilots");
    assert_eq!(
        problems(&format!("{early}\n"), ""),
        ["r.toml:1:1: missing focus.early-started: the sentence for focus early when pilots are started, naming them instead of advising to start one"]
    );
    let line = line_of("early-started = ");
    assert_eq!(
        problems("teach the strategy while it takes shape, and make sure", "teach {nothing} while it takes shape, and make sure"),
        [format!("r.toml:{line}:17: unknown placeholder {{nothing}}; this text may use: pilots, each, strategy, implementation")]
    );
    let meaning = DEFAULT_TOML
        .lines()
        .find(|l| l.starts_with("scaling = \""))
        .expect("the scaling level's meaning");
    assert_eq!(
        problems(&format!("{meaning}\n"), ""),
        ["r.toml:1:1: missing level_meanings.scaling: one line on what that level means"]
    );
}

#[test]
fn every_problem_is_reported_at_once_unknown_keys_included() {
    // Two unknown keys (one over several lines, one a whole table) and a
    // weight out of range: one run names all three, in the file's order.
    let days = line_of("stale_pilot_days = 180");
    let weight = line_of("weight = 3.0");
    let text = DEFAULT_TOML
        .replacen(
            "stale_pilot_days = 180",
            "stale_pilot_days = 180\nstale_pilot_dayz = [\n  1,\n  2,\n]",
            1,
        )
        .replacen("[[criteria]]", "[extra]\nx = 1\n\n[[criteria]]", 1)
        .replacen("weight = 3.0", "weight = 0.0\nwieght = 2.0", 1);
    let extra = text
        .lines()
        .position(|l| l == "[extra]")
        .expect("the table")
        + 1;
    // Lines added above move the weight down: 4 for the list, 3 for the table.
    let weight = weight + 7;
    let found: Vec<String> = match rubric::parse(&text) {
        Ok(_) => Vec::new(),
        Err(problems) => problems.iter().map(|p| p.render("r.toml", None)).collect(),
    };
    assert_eq!(
        found,
        [
            format!("r.toml:{}:1: unknown key \"stale_pilot_dayz\"; did you mean \"stale_pilot_days\"?", days + 1),
            format!("r.toml:{extra}:2: unknown key \"extra\"; allowed: id, version, name, thresholds, levels, level_meanings, quadrants, focus, dimensions, criteria, findings, benchmark, answer_first, frameworks"),
            format!("r.toml:{weight}:10: weight must be above 0, found 0"),
            format!("r.toml:{}:1: unknown key \"wieght\"; did you mean \"weight\"?", weight + 1),
        ]
    );
    // A key inside an inline table cannot be cut out alone: it is reported,
    // and nothing after it is guessed at.
    let found = problems(
        "impact_weights = { low = 1.0,",
        "impact_weights = { lwo = 2.0, low = 1.0,",
    );
    let line = line_of("impact_weights = { low = 1.0,");
    assert_eq!(
        found,
        [format!(
            "r.toml:{line}:20: unknown key \"lwo\"; allowed: low, medium, high"
        )]
    );
}

#[test]
fn every_text_of_a_rubric_is_one_line_of_visible_characters() {
    let title = "title = \"Answer the open questions before acting on this report.\"";
    let line = line_of(title);
    let cases = [
        ("Answer\\u001b[2K", "U+001B, a control character"),
        ("Answer\\n::error::forged", "U+000A, a control character"),
        (
            "Answer\\u202e",
            "U+202E, a character that is invisible or changes the direction of text",
        ),
        ("Answer\\u200b", "U+200B, a character that is invisible"),
    ];
    for (text, why) in cases {
        let found = problems(title, &format!("title = \"{text}\""));
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(
            found[0].starts_with(&format!("r.toml:{line}:9: the text \"")),
            "{}",
            found[0]
        );
        assert!(found[0].contains(why), "{}", found[0]);
        assert!(
            !found[0].contains(['\u{1b}', '\u{202e}', '\u{200b}']) && !found[0].contains("\n::"),
            "{}",
            found[0]
        );
    }
    // Visible text other than ASCII is text like any other.
    assert!(problems(title, "title = \"Répondez d'abord ❤️ 東京\"").is_empty());
}

#[test]
fn a_brace_that_opens_no_placeholder_is_refused() {
    let message = "message = \"Still pilots {days} days or more after they started: {pilots}.\"";
    let line = line_of(message);
    assert_eq!(
        problems(message, "message = \"Still pilots {days days or more.\""),
        [format!(
            "r.toml:{line}:11: a \"{{\" with no \"}}\" after it; a placeholder is written {{name}}"
        ),]
    );
    assert!(problems(message, "message = \"Still pilots {days} days or more.\"").is_empty());
}

#[test]
fn a_table_written_as_a_list_is_refused() {
    let from = "impact_weights = { low = 1.0, medium = 2.0, high = 3.0 }";
    let line = line_of(from);
    assert_eq!(
        problems(from, "impact_weights = [1.0, 5.0, 900.0]"),
        [format!("r.toml:{line}:18: thresholds.impact_weights: a table is written with its keys by name, never as a list")]
    );
}

// {missing} lists a checklist's or an any-of's labels: one label for each
// part, and the placeholder only where there are labels.
#[test]
fn labels_name_each_part_and_missing_needs_them() {
    let labels = "labels = [\"version control\", \"CI/CD\", \"a model registry\", \"monitoring\", \"automated retraining\"]";
    let line = line_of(labels);
    assert_eq!(
        problems(labels, "labels = [\"version control\", \"CI/CD\"]"),
        [format!("r.toml:{line}:10: \"labels\" names 2 where the criterion has 5; give one for each answer or item, in their order")]
    );
    let advice = "advice = \"Add what the MLOps practice lacks: {missing}.\"";
    let advice_line = line_of(advice);
    assert_eq!(
        problems(&format!("\n{labels}"), ""),
        [format!(
            "r.toml:{advice_line}:10: unknown placeholder {{missing}}; this text may use: none"
        )]
    );
    // A checklist of one may name it; a kind with no parts takes none.
    let plan = "answers = [\"strategy.roadmap.scaling_plan\"]";
    assert!(problems(plan, &format!("{plan}\nlabels = [\"a plan\"]")).is_empty());
    let roadmap = "points = { none = 0, draft = 50, approved = 100 }";
    let roadmap_line = line_of(roadmap) + 1;
    assert_eq!(
        problems(roadmap, &format!("{roadmap}\nlabels = [\"x\"]")),
        [format!("r.toml:{roadmap_line}:10: \"labels\" is not used by a criterion of kind \"choice\" (it uses answer, points)")]
    );
}
