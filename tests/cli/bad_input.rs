//! Bad input of every kind: exit code 2, nothing on standard output, and one
//! clear line naming the file, the line and the column, never a panic.

use crate::common::{run, Run};
use std::fmt::Write as _;

/// Writes `bytes` to a scratch file named `name` and runs `args` with it last.
fn with_file(name: &str, bytes: &[u8], args: &[&str]) -> (String, Run) {
    let tmp = crate::common::scratch_dir();
    let path = tmp.path().join(name);
    std::fs::write(&path, bytes).expect("scratch file");
    let shown = path.display().to_string();
    let mut all: Vec<&str> = args.to_vec();
    all.push(&shown);
    let out = run(&all);
    (shown, out)
}

/// Asserts the contract for bad input and returns the first line of the message.
fn refused(name: &str, bytes: &[u8]) -> (String, String) {
    let (path, out) = with_file(name, bytes, &["assess"]);
    assert_eq!(out.code, 2, "{name}: {}", out.stderr);
    assert_eq!(out.stdout, "", "{name}");
    assert!(!out.stderr.contains("panicked"), "{name}: {}", out.stderr);
    let first = out.stderr.lines().next().unwrap_or_default().to_owned();
    (path, first)
}

fn valid_start(rest: &str) -> String {
    format!("version: 1\norganization:\n  name: Acme\n  assessed: 2026-11-20\n{rest}")
}

#[test]
fn empty_and_comment_only_files() {
    let expected = "1:1: the file is empty; a questionnaire starts with `version: 1` and an `organization` with a `name`";
    let (path, line) = refused("empty.yaml", b"");
    assert_eq!(line, format!("{path}:{expected}"));
    let (path, line) = refused("comments.yaml", b"# nothing yet\n# still nothing\n");
    assert_eq!(line, format!("{path}:{expected}"));
}

#[test]
fn a_list_or_a_scalar_at_the_top() {
    let (path, line) = refused("list.yaml", b"- version: 1\n");
    assert_eq!(line, format!("{path}:1:1: a questionnaire is a mapping of sections (version, organization, respondents, strategy, implementation, beliefs, operating_model) at the top; found a list"));
    let (path, line) = refused("scalar.yaml", b"hello\n");
    assert!(
        line.starts_with(&format!("{path}:1:1: a questionnaire is a mapping")),
        "{line}"
    );
    assert!(line.ends_with("found the text \"hello\""), "{line}");
}

#[test]
fn bytes_that_are_not_utf8_text() {
    let (path, line) = refused("latin1.yaml", b"version: 1\nname: caf\xE9\n");
    assert_eq!(
        line,
        format!("{path}:2:10: the file is not UTF-8 text (byte 0xE9 here); save it as UTF-8")
    );
    let (path, line) = refused("binary.yaml", &[0x7F, 0x45, 0x4C, 0x46, 0x00, 0x01]);
    assert_eq!(
        line,
        format!("{path}:1:5: the file holds a NUL byte: it looks like a binary file, not text")
    );
}

#[test]
fn a_byte_order_mark_and_crlf_line_endings_are_accepted() {
    let text = valid_start("strategy:\n  sponsor: vp\n").replace('\n', "\r\n");
    let mut bytes = vec![0xEF, 0xBB, 0xBF];
    bytes.extend(text.as_bytes());
    let (_, out) = with_file("bom-crlf.yaml", &bytes, &["assess", "--format", "json"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(out.stdout.contains("\"name\": \"Acme\""));
}

#[test]
fn a_missing_file_and_a_directory() {
    let out = run(&["assess", "no/such/file.yaml"]);
    assert_eq!((out.code, out.stdout.as_str()), (2, ""));
    assert_eq!(out.stderr, "no/such/file.yaml: no such file\n");
    let tmp = crate::common::scratch_dir();
    let empty = format!("{}/empty-directory", crate::common::path_of(&tmp));
    std::fs::create_dir(&empty).expect("scratch directory");
    for command in ["assess", "validate"] {
        let out = run(&[command, &empty]);
        assert_eq!((out.code, out.stdout.as_str()), (2, ""));
        assert_eq!(
            out.stderr,
            format!("{empty}: no questionnaire (*.yaml, *.yml) in this directory\n")
        );
    }
}

#[test]
fn yaml_syntax_tabs_and_duplicate_keys() {
    let (path, line) = refused("tabs.yaml", b"version: 1\norganization:\n\tname: Acme\n");
    assert!(line.starts_with(&format!("{path}:3:")), "{line}");
    assert!(line.contains("tab"), "{line}");
    let (path, line) = refused(
        "dup.yaml",
        b"version: 1\norganization:\n  name: A\n  name: B\n",
    );
    assert_eq!(
        line,
        format!("{path}:4:3: the key \"name\" appears twice in the same mapping; keep one")
    );
    let (path, line) = refused(
        "syntax.yaml",
        b"version: 1\norganization: [a, b\nstrategy: x\n",
    );
    assert!(line.starts_with(&format!("{path}:3:")), "{line}");
    assert!(line.contains("not valid YAML"), "{line}");
}

#[test]
fn terminal_escape_sequences_in_text_are_refused() {
    let (path, line) = refused(
        "escape.yaml",
        b"version: 1\norganization:\n  name: \"Acme\\e[2J\"\n",
    );
    assert_eq!(
        line,
        format!("{path}:3:9: the text holds the control character U+001B, which cannot be shown safely; remove it")
    );
    // Line breaks are ordinary in free text, but a name is one line.
    let (_, out) = with_file(
        "multi-line.yaml",
        valid_start(
            "strategy:\n  business_problems:\n    - name: Late deliveries\n      kpi: |\n        on-time\n        rate\n",
        )
        .as_bytes(),
        &["validate"],
    );
    assert_eq!(out.code, 0, "{}", out.stderr);
    // Shown as spaces in every report.
    let (_, out) = with_file(
        "multi-line-department.yaml",
        valid_start("implementation:\n  pilots:\n    - name: p0\n      stage: pilot\n      department: |\n        Supply\n        Chain\n")
            .as_bytes(),
        &["assess", "--format", "json"],
    );
    assert!(
        out.stdout.contains("\"department\": \"Supply Chain\""),
        "{}",
        out.stdout
    );
    let (path, line) = refused(
        "multi-line-name.yaml",
        valid_start(
            "strategy:\n  business_problems:\n    - name: |\n        Late\n        deliveries\n",
        )
        .as_bytes(),
    );
    assert_eq!(
        line,
        format!("{path}:8:9: strategy.business_problems[0].name: a name is one line; this one holds a line break")
    );
    let (path, line) = refused(
        "pilot-name.yaml",
        valid_start("implementation:\n  pilots:\n    - { name: \"a\\nb\", stage: pilot }\n")
            .as_bytes(),
    );
    assert!(
        line.starts_with(&format!(
            "{path}:7:15: implementation.pilots[0].name: a name is one line"
        )),
        "{line}"
    );
}

#[test]
fn bidirectional_overrides_are_refused() {
    for (name, character) in [("rlo.yaml", "\u{202E}"), ("isolate.yaml", "\u{2066}")] {
        let text = format!("version: 1\norganization:\n  name: \"Acme{character}x\"\n");
        let (path, line) = refused(name, text.as_bytes());
        assert!(
            line.starts_with(&format!("{path}:3:9: the text holds U+")),
            "{line}"
        );
        assert!(line.contains("bidirectional override"), "{line}");
    }
    // The characters just outside the refused ranges are ordinary text.
    let (_, out) = with_file(
        "near-bidi.yaml",
        "version: 1\norganization:\n  name: \"Acme\u{2027}\u{2070}\"\n".as_bytes(),
        &["validate"],
    );
    assert_eq!(out.code, 0, "{}", out.stderr);
}

#[test]
fn hostile_yaml_fails_fast_with_a_clear_message() {
    let mut bomb = String::from("a: &a [\"x\",\"x\",\"x\",\"x\",\"x\",\"x\",\"x\",\"x\",\"x\"]\n");
    for (prev, name) in ["a", "b", "c", "d", "e", "f", "g", "h"]
        .iter()
        .zip(["b", "c", "d", "e", "f", "g", "h", "i"])
    {
        let _ = writeln!(
            bomb,
            "{name}: &{name} [{}]",
            vec![format!("*{prev}"); 9].join(",")
        );
    }
    let (path, line) = refused("bomb.yaml", bomb.as_bytes());
    assert!(line.starts_with(&path), "{line}");
    assert!(line.contains("alias"), "{line}");

    let deep = format!("a: {}{}\n", "[".repeat(100_000), "]".repeat(100_000));
    let (path, line) = refused("deep.yaml", deep.as_bytes());
    assert!(line.starts_with(&format!("{path}:1:")), "{line}");
    assert!(
        line.ends_with("the YAML is nested too deeply; a questionnaire needs only a few levels"),
        "{line}"
    );
}

#[test]
fn a_file_over_the_size_cap() {
    let big = format!("version: 1\n# {}\n", "x".repeat(5 * 1024 * 1024));
    let (path, line) = refused("big.yaml", big.as_bytes());
    assert_eq!(
        line,
        format!("{path}: the file is larger than 4 MiB, the most this tool reads from one file")
    );
}

#[test]
fn a_50_mib_file_is_refused_from_its_size_alone() {
    // A sparse file: 50 MiB long, almost nothing on disk, and never read.
    let tmp = crate::common::scratch_dir();
    let path = format!("{}/fifty.yaml", crate::common::path_of(&tmp));
    let file = std::fs::File::create(&path).expect("scratch file");
    file.set_len(50 * 1024 * 1024).expect("sparse length");
    drop(file);
    let out = run(&["assess", &path]);
    assert_eq!((out.code, out.stdout.as_str()), (2, ""));
    assert_eq!(
        out.stderr,
        format!("{path}: the file is larger than 4 MiB, the most this tool reads from one file\n")
    );
}

#[test]
fn every_problem_in_a_file_is_reported_in_order() {
    let text = "version: 1\norganization:\n  name: Acme\n  employes: 5\nstrategy:\n  sponsor: chief\n  roadmap:\n    horizon_months: 0\n";
    let (path, out) = with_file("several.yaml", text.as_bytes(), &["validate"]);
    assert_eq!(out.code, 2);
    assert_eq!(out.stdout, "");
    let lines: Vec<&str> = out
        .stderr
        .lines()
        .filter(|l| l.starts_with(&path))
        .collect();
    assert_eq!(
        lines,
        [
            format!("{path}:4:3: unknown key \"employes\" in organization; did you mean \"employees\"?"),
            format!("{path}:6:12: strategy.sponsor: \"chief\" is not a choice; expected one of none, manager, director, vp, c_suite, board"),
            format!("{path}:8:21: strategy.roadmap.horizon_months: expected a whole number from 1 to 120, found the number 0"),
        ]
    );
    // Each message is followed by the offending line and a caret under the column.
    assert!(
        out.stderr.contains("4 |   employes: 5\n  |   ^\n"),
        "{}",
        out.stderr
    );
}

/// One rule of the questionnaire format: the YAML after the organization, and
/// the message expected at a line and column.
fn rule(name: &str, rest: &str, at: &str, message: &str) {
    let (path, out) = with_file(name, valid_start(rest).as_bytes(), &["assess"]);
    assert_eq!((out.code, out.stdout.as_str()), (2, ""), "{name}");
    let expected = format!("{path}:{at}: {message}");
    assert!(
        out.stderr.lines().any(|l| l == expected),
        "{name}: expected\n{expected}\nin\n{}",
        out.stderr
    );
}

// A blank answer earned the points of a real one: a KPI of "" counted as a
// KPI, a business owner of " " as an owner.
#[test]
fn a_blank_answer_is_refused_not_counted() {
    let blank = "is blank; write the answer, or leave the key out while it is not known";
    rule(
        "blank-kpi.yaml",
        "strategy:\n  business_problems:\n    - { name: B, kpi: \"\", target: t, owner: o }\n",
        "7:23",
        &format!("strategy.business_problems[0].kpi: {blank}"),
    );
    rule(
        "blank-owner.yaml",
        "implementation:\n  pilots:\n    - { name: a, stage: pilot, business_owner: \" \" }\n",
        "7:48",
        &format!("implementation.pilots[0].business_owner: {blank}"),
    );
    rule(
        "blank-role.yaml",
        "respondents:\n  - { role: \"\u{3000}\" }\n",
        "6:13",
        &format!("respondents[0].role: {blank}"),
    );
    // Left out, the same answers are unknown, and the file is valid.
    let (_, out) = with_file(
        "left-out.yaml",
        valid_start("strategy:\n  business_problems:\n    - { name: B, target: t, owner: o }\n")
            .as_bytes(),
        &["validate"],
    );
    assert_eq!(out.code, 0, "{}", out.stderr);
}

#[test]
fn every_rule_of_the_format() {
    rule(
        "unknown-top.yaml",
        "strategyy: {}\n",
        "5:1",
        "unknown key \"strategyy\" at the top; did you mean \"strategy\"?",
    );
    rule("unknown-far.yaml", "implementation:\n  gpus: 8\n", "6:3", "unknown key \"gpus\" in implementation; allowed: pilots, incidents, data, infrastructure, mlops, team, spend, safeguards, change_management, inventory");
    rule(
        "unknown-pilot-key.yaml",
        "implementation:\n  pilots:\n    - { name: a, stge: pilot }\n",
        "7:18",
        "unknown key \"stge\" in implementation.pilots[0]; did you mean \"stage\"?",
    );
    rule("wrong-type.yaml", "implementation:\n  team:\n    ml_engineers: two\n", "7:19", "implementation.team.ml_engineers: expected a whole number, 0 or more, found the text \"two\"");
    rule("quoted-number.yaml", "strategy:\n  open_options: \"3\"\n", "6:17", "strategy.open_options: expected a whole number, 0 or more, found the text \"3\"; write numbers without quotes");
    rule(
        "fraction.yaml",
        "strategy:\n  open_options: 2.5\n",
        "6:17",
        "strategy.open_options: expected a whole number, 0 or more, found the number 2.5",
    );
    rule(
        "negative.yaml",
        "implementation:\n  spend:\n    monthly: -1\n",
        "7:14",
        "implementation.spend.monthly: expected a number, 0 or more, found the number -1",
    );
    rule(
        "percent.yaml",
        "strategy:\n  okrs:\n    team_alignment_pct: 101\n",
        "7:25",
        "strategy.okrs.team_alignment_pct: expected a number from 0 to 100, found the number 101",
    );
    rule(
        "pole.yaml",
        "operating_model:\n  focus: 6\n",
        "6:10",
        "operating_model.focus: expected a whole number from 1 to 5, found the number 6",
    );
    rule("choice.yaml", "strategy:\n  priorities: Ranked\n", "6:15", "strategy.priorities: \"Ranked\" is not a choice; expected one of none, unranked, ranked; did you mean \"ranked\"?");
    rule("any-of.yaml", "strategy:\n  risks_assessed: [market, legal]\n", "6:28", "strategy.risks_assessed: \"legal\" is not a choice; expected one of market, strategic, technical, operational, regulatory");
    rule("any-of-scalar.yaml", "strategy:\n  risks_assessed: market\n", "6:19", "strategy.risks_assessed: expected a list of any of market, strategic, technical, operational, regulatory, found the text \"market\"");
    rule("yes.yaml", "implementation:\n  mlops:\n    ci_cd: yes\n", "7:12", "implementation.mlops.ci_cd: expected true or false, found \"yes\"; yes/no/on/off are not booleans here");
    rule("bad-date.yaml", "strategy:\n  roadmap:\n    updated: 2026-02-30\n", "7:14", "strategy.roadmap.updated: \"2026-02-30\" is not a calendar date; expected a date written YYYY-MM-DD");
    rule("date-shape.yaml", "strategy:\n  roadmap:\n    updated: 1/6/2026\n", "7:14", "strategy.roadmap.updated: \"1/6/2026\" is not a calendar date; expected a date written YYYY-MM-DD");
    rule(
        "future-start.yaml",
        "implementation:\n  pilots:\n    - { name: a, stage: pilot, started: 2026-11-21 }\n",
        "7:41",
        "implementation.pilots[0].started: 2026-11-21 is after the assessment date 2026-11-20",
    );
    rule(
        "future-update.yaml",
        "strategy:\n  roadmap:\n    updated: 2027-01-01\n",
        "7:14",
        "strategy.roadmap.updated: 2027-01-01 is after the assessment date 2026-11-20",
    );
    rule("dup-pilot.yaml", "implementation:\n  pilots:\n    - { name: churn, stage: pilot }\n    - { name: churn, stage: idea }\n", "8:15", "implementation.pilots[1].name: \"churn\" is already the name of implementation.pilots[0] (line 7); pilot names must differ");
    rule("no-stage.yaml", "implementation:\n  pilots:\n    - { name: churn }\n", "7:7", "implementation.pilots[0]: missing stage, which every item needs (one of idea, pilot, production, scaled, retired)");
    rule("section-scalar.yaml", "strategy: lots\n", "5:11", "strategy: expected a mapping of keys (business_problems, sponsor, roadmap, priorities, open_options, investment, policies, okrs, risks_assessed), found the text \"lots\"");
    rule(
        "pilots-mapping.yaml",
        "implementation:\n  pilots:\n    name: a\n",
        "7:5",
        "implementation.pilots: expected a list of items (`- name: ...`), found a mapping of keys",
    );
}

#[test]
fn pilot_names_differing_in_case_or_spaces_are_distinct() {
    let text = valid_start("implementation:\n  pilots:\n    - { name: churn, stage: pilot }\n    - { name: Churn, stage: pilot }\n    - { name: \"churn \", stage: pilot }\n");
    let (_, out) = with_file("distinct-names.yaml", text.as_bytes(), &["validate"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
}

#[test]
fn version_and_organization_name() {
    let (path, line) = refused("version-2.yaml", b"version: 2\norganization:\n  name: A\n");
    assert_eq!(
        line,
        format!("{path}:1:10: version: the number 2 is not a supported version; supported: 1")
    );
    let (path, line) = refused(
        "version-text.yaml",
        b"version: \"1\"\norganization:\n  name: A\n",
    );
    assert_eq!(line, format!("{path}:1:10: version: expected the number 1, found the text \"1\"; write it without quotes"));
    let (path, line) = refused("no-version.yaml", b"organization:\n  name: A\n");
    assert_eq!(
        line,
        format!("{path}:1:1: missing `version: 1` at the top of the file")
    );
    let (path, line) = refused(
        "no-name.yaml",
        b"version: 1\norganization:\n  industry: retail\n",
    );
    assert_eq!(
        line,
        format!("{path}:1:1: missing organization.name: the organization's name is required")
    );
    let (path, line) = refused(
        "blank-name.yaml",
        b"version: 1\norganization:\n  name: \"  \"\n",
    );
    assert_eq!(
        line,
        format!("{path}:3:9: organization.name: must not be blank")
    );
}

#[test]
fn as_of_fixes_today_and_never_overrides_the_file() {
    let undated = "version: 1\norganization:\n  name: A\nimplementation:\n  pilots:\n    - { name: a, stage: pilot, started: 2026-03-01 }\n";
    let (_, out) = with_file(
        "undated.yaml",
        undated.as_bytes(),
        &["validate", "--as-of", "2026-02-28"],
    );
    assert_eq!(out.code, 2);
    assert!(
        out.stderr
            .contains("is after the assessment date 2026-02-28"),
        "{}",
        out.stderr
    );
    let (_, out) = with_file(
        "undated2.yaml",
        undated.as_bytes(),
        &["assess", "--format", "json", "--as-of", "2026-03-02"],
    );
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(out.stdout.contains("\"assessed\": \"2026-03-02\""));
    assert!(out.stdout.contains("\"assessed_from\": \"flag\""));
    let dated = valid_start("");
    let (_, out) = with_file(
        "dated.yaml",
        dated.as_bytes(),
        &["assess", "--format", "json", "--as-of", "2030-01-01"],
    );
    assert!(out.stdout.contains("\"assessed\": \"2026-11-20\""));
    let out = run(&[
        "assess",
        "examples/partial-cedar-health.yaml",
        "--as-of",
        "2026-13-01",
    ]);
    assert_eq!((out.code, out.stdout.as_str()), (2, ""));
    assert!(
        out.stderr
            .contains("invalid value '2026-13-01' for '--as-of <YYYY-MM-DD>': not a calendar date; expected YYYY-MM-DD"),
        "{}",
        out.stderr
    );
}

#[test]
fn validate_reports_each_file() {
    let (path, out) = with_file(
        "one-bad.yaml",
        b"version: 1\norganization:\n  name: A\n  size: 3\n",
        &["validate", "examples/partial-cedar-health.yaml"],
    );
    assert_eq!(out.code, 2);
    assert_eq!(out.stdout, "examples/partial-cedar-health.yaml: valid\n");
    assert!(
        out.stderr
            .starts_with(&format!("{path}:4:3: unknown key \"size\" in organization")),
        "{}",
        out.stderr
    );
}

// A name written with a wrong value was reported twice: once as what it is,
// and once as missing.
#[test]
fn a_wrong_organization_name_is_one_problem_not_also_a_missing_one() {
    for (value, message) in [
        (
            "\"North\\nwind\"",
            "3:9: organization.name: a name is one line",
        ),
        ("[North, wind]", "3:9: organization.name: expected"),
    ] {
        let text = format!("version: 1\norganization:\n  name: {value}\n");
        let (path, out) = with_file("name.yaml", text.as_bytes(), &["validate"]);
        assert_eq!(out.code, 2, "{}", out.stderr);
        assert!(
            out.stderr.starts_with(&format!("{path}:{message}")),
            "{}",
            out.stderr
        );
        assert!(
            !out.stderr.contains("missing organization.name"),
            "{}",
            out.stderr
        );
    }
    let (path, out) = with_file(
        "name.yaml",
        b"version: 1\norganization:\n  name:\n",
        &["validate"],
    );
    assert_eq!(out.code, 2, "{}", out.stderr);
    assert!(
        out.stderr
            .starts_with(&format!("{path}:1:1: missing organization.name")),
        "{}",
        out.stderr
    );
}

// A number too large for a whole number was quoted with digits the reader
// never wrote (18446744073709551615 as 18446744073709552000): past 2^53 a
// number is said as about the value held.
#[test]
fn a_number_past_exact_is_said_as_the_rounded_value_it_is() {
    for (written, shown) in [
        ("18446744073709551615", "1.8446744073709552e19"),
        ("1e300", "1e300"),
        ("1e16", "1e16"),
    ] {
        let text = valid_start(&format!("  employees: {written}\n"));
        let (path, line) = refused("big.yaml", text.as_bytes());
        assert_eq!(
            line,
            format!("{path}:5:14: organization.employees: expected a whole number, 1 or more, found a number of about {shown}")
        );
    }
}

// A spend of 12345678901234567890 was printed as 12,345,678,901,234,567,168:
// a number (not only a whole number) past 2^53 is refused, and 2^53 itself
// is printed as written.
#[test]
fn a_number_past_exact_is_refused_wherever_it_stands() {
    let spend = |monthly: &str| {
        format!("version: 1\norganization:\n  name: Big Spender\n  assessed: 2026-11-20\nimplementation:\n  spend:\n    monthly: {monthly}\n")
    };
    for (written, shown) in [
        (
            "12345678901234567890",
            "a number of about 1.2345678901234567e19",
        ),
        ("1e23", "a number of about 1e23"),
        ("9007199254740993", "the number 9007199254740993"),
    ] {
        let (path, line) = refused("spend.yaml", spend(written).as_bytes());
        assert_eq!(
            line,
            format!("{path}:7:14: implementation.spend.monthly: expected a number, 0 or more, found {shown}; numbers above 9,007,199,254,740,992 cannot be held exactly")
        );
    }
    // Out of range is said as such, whatever its size.
    let cost = "version: 1\norganization:\n  name: Big Spender\n  assessed: 2026-11-20\nimplementation:\n  pilots:\n    - name: p\n      stage: pilot\n      cost_vs_plan: -1e20\n";
    let (path, line) = refused("cost.yaml", cost.as_bytes());
    assert!(
        line.starts_with(&format!(
            "{path}:9:21: implementation.pilots[0].cost_vs_plan: expected"
        )),
        "{line}"
    );
    assert!(!line.contains("cannot be held exactly"), "{line}");
    let (_, out) = with_file(
        "spend.yaml",
        spend("9007199254740992").as_bytes(),
        &["assess"],
    );
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(
        out.stdout
            .contains("Monthly AI spend: 9,007,199,254,740,992."),
        "{}",
        out.stdout
    );
}

// A name of a lone combining mark, a variation selector or the blank braille
// pattern was accepted, and headed the report with nothing to see.
#[test]
fn a_name_that_shows_nothing_is_blank() {
    for blank in ["\\u2800", "\\u0301", "\\uFE0F", " \\u2800 "] {
        let text = format!("version: 1\norganization:\n  name: \"{blank}\"\n");
        let (path, out) = with_file("blank.yaml", text.as_bytes(), &["validate"]);
        assert_eq!(out.code, 2, "{blank}: {}", out.stderr);
        assert!(
            out.stderr
                .starts_with(&format!("{path}:3:9: organization.name: must not be blank")),
            "{blank}: {}",
            out.stderr
        );
    }
    // A mark on a letter, and a braille letter, show something.
    for name in ["e\\u0301", "\\u2801"] {
        let text = format!("version: 1\norganization:\n  name: \"{name}\"\n");
        let (_, out) = with_file("named.yaml", text.as_bytes(), &["validate"]);
        assert!(!out.stderr.contains("blank"), "{name}: {}", out.stderr);
    }
}
