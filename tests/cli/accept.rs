//! Accepted risks (`[[accept]]` in readiness.toml): each rule on both sides
//! of its boundary (the expiry day, a year after the assessment date, one
//! pilot or all of them), every configuration error with its place, and the
//! report in every format.

use crate::common::{path_of, run_in, scratch_dir, Run};
use serde_json::Value;
use std::fmt::Write as _;
use tempfile::TempDir;

/// Northwind is assessed on 2026-11-20; churn-model and demand-forecast are
/// its stale pilots, churn-model the one on a laptop.
const NORTHWIND: &str = "examples/slide-deck-northwind-retail.yaml";

/// A scratch directory holding Northwind and a readiness.toml of `config`.
fn setup(config: &str) -> TempDir {
    let tmp = scratch_dir();
    let dir = path_of(&tmp);
    let text = std::fs::read_to_string(format!("{}/{NORTHWIND}", env!("CARGO_MANIFEST_DIR")))
        .expect("example");
    std::fs::write(format!("{dir}/northwind.yaml"), text).expect("write");
    std::fs::write(format!("{dir}/readiness.toml"), config).expect("write");
    tmp
}

fn accept(finding: &str, pilot: Option<&str>, until: &str) -> String {
    let pilot = pilot.map_or_else(String::new, |p| format!("pilot = \"{p}\"\n"));
    format!(
        "[[accept]]\nfinding = \"{finding}\"\n{pilot}reason = \"Moves to the data platform in March\"\nby = \"Dana Whitfield, CIO\"\nuntil = {until}\n"
    )
}

/// Acceptances are judged on the date `--as-of` gives, else today: these
/// tests judge them on Northwind's own date, whatever the clock says.
fn assess(dir: &str, extra: &[&str]) -> Run {
    let mut args = vec![
        "assess",
        "northwind.yaml",
        "--format",
        "json",
        "--as-of",
        "2026-11-20",
    ];
    args.extend(extra);
    run_in(dir, &args)
}

fn report(out: &Run) -> Value {
    serde_json::from_str(&out.stdout).expect("JSON")
}

fn finding<'a>(report: &'a Value, id: &str) -> &'a Value {
    report["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .find(|f| f["id"] == id)
        .expect("the finding fired")
}

#[test]
fn an_accepted_finding_is_still_reported_and_scored_but_leaves_the_gate() {
    let gated = ["--fail-on", "laptop-bound"];
    let tmp = setup("");
    let dir = path_of(&tmp);
    let before = assess(dir, &gated);
    assert_eq!(before.code, 1, "{}", before.stderr);
    let tmp = setup(&accept("laptop-bound", Some("churn-model"), "2027-03-31"));
    let dir = path_of(&tmp);
    let after = assess(dir, &gated);
    assert_eq!((after.code, after.stderr.as_str()), (0, ""));
    let (before, after) = (report(&before), report(&after));
    assert_eq!(
        before["scores"], after["scores"],
        "accepting changes no score"
    );
    assert_eq!(before["level"], after["level"]);
    let laptop = finding(&after, "laptop-bound");
    assert_eq!(laptop["counts_for_gate"], false);
    assert_eq!(laptop["accepted"][0]["by"], "Dana Whitfield, CIO");
    assert_eq!(laptop["accepted"][0]["until"], "2027-03-31");
    assert_eq!(after["acceptances"][0]["status"], "in-force");
    assert_eq!(
        after["gate"]["checks"][0],
        serde_json::json!({"name": "fail_on", "threshold": "laptop-bound", "actual": "fired", "accepted": 1, "passed": true})
    );
}

#[test]
fn a_per_pilot_finding_leaves_the_gate_only_when_every_pilot_it_names_is_accepted() {
    let gated = ["--fail-on", "stale-pilot"];
    let one = accept("stale-pilot", Some("churn-model"), "2027-03-31");
    let tmp = setup(&one);
    let dir = path_of(&tmp);
    let out = assess(dir, &gated);
    assert_eq!(out.code, 1, "one of two pilots accepted: {}", out.stderr);
    assert_eq!(
        finding(&report(&out), "stale-pilot")["counts_for_gate"],
        true
    );
    let both = format!(
        "{one}\n{}",
        accept("stale-pilot", Some("demand-forecast"), "2027-03-31")
    );
    let tmp = setup(&both);
    let dir = path_of(&tmp);
    let out = assess(dir, &gated);
    assert_eq!(out.code, 0, "both accepted: {}", out.stderr);
    assert_eq!(
        finding(&report(&out), "stale-pilot")["accepted"]
            .as_array()
            .map(Vec::len),
        Some(2)
    );
    let whole = accept("stale-pilot", None, "2027-03-31");
    let tmp = setup(&whole);
    let dir = path_of(&tmp);
    assert_eq!(assess(dir, &gated).code, 0, "the whole finding accepted");
}

// A finding accepted for one of its two pilots was counted as accepted in
// the summary line, while it still counted for the gate.
#[test]
fn the_summary_counts_a_finding_accepted_for_some_of_its_pilots_apart() {
    let summary = |config: &str| {
        let report = markdown(config);
        let line = report
            .lines()
            .find(|l| l.starts_with("Findings: "))
            .map(str::to_owned);
        line.expect("the summary line")
    };
    let one = accept("stale-pilot", Some("churn-model"), "2027-03-31");
    let laptop = accept("laptop-bound", Some("churn-model"), "2027-03-31");
    let goals = accept("tension.goals", None, "2027-03-31");
    let counts = "Findings: 1 critical, 9 warnings and 1 note";
    for (config, said) in [
        (
            one.clone(),
            "; 1 of them accepted for only some of its pilots.",
        ),
        (
            format!("{one}\n{laptop}"),
            "; 1 of them accepted, and 1 for only some of its pilots.",
        ),
        (format!("{laptop}\n{goals}"), "; 2 of them accepted."),
        (
            format!(
                "{one}\n{}",
                accept("unproven-pilot", Some("churn-model"), "2027-03-31")
            ),
            "; 2 of them accepted for only some of their pilots.",
        ),
    ] {
        assert!(
            summary(&config).starts_with(&format!("{counts}{said} ")),
            "{said}: {}",
            summary(&config)
        );
    }
}

#[test]
fn an_acceptance_holds_through_its_last_day_and_then_counts_again() {
    let gated = ["--fail-on", "laptop-bound"];
    // Northwind is assessed on 2026-11-20.
    let tmp = setup(&accept("laptop-bound", Some("churn-model"), "2026-11-20"));
    let dir = path_of(&tmp);
    let out = assess(dir, &gated);
    assert_eq!((out.code, out.stderr.as_str()), (0, ""));
    let tmp = setup(&accept("laptop-bound", Some("churn-model"), "2026-11-19"));
    let dir = path_of(&tmp);
    let out = assess(dir, &gated);
    assert_eq!(out.code, 1);
    assert_eq!(
        out.stderr,
        "warning: readiness.toml:1: the acceptance of laptop-bound for churn-model by Dana Whitfield, CIO expired on 2026-11-19: the finding counts again; fix it, or renew the acceptance with a new date\n\
         northwind.yaml:54: gate failed: finding laptop-bound (churn-model) fired: fails when it fires\n\
         what to do: run `readiness explain laptop-bound` to see why it fired and how to resolve it, or accept a known risk with an [[accept]] entry in readiness.toml\n"
    );
    let report = report(&out);
    assert_eq!(report["acceptances"][0]["status"], "expired");
    assert_eq!(finding(&report, "laptop-bound")["counts_for_gate"], true);
    assert_eq!(
        finding(&report, "laptop-bound")["accepted"],
        serde_json::json!([])
    );
}

#[test]
fn an_expired_acceptance_in_a_portfolio_says_the_finding_counts_again() {
    // No gate: the finding fails no check and is not critical, and the
    // portfolio still knows it fired when it warns.
    let tmp = setup(&accept("laptop-bound", None, "2026-11-19"));
    let dir = path_of(&tmp);
    let out = assess(dir, &["--portfolio"]);
    assert_eq!(out.code, 0);
    assert_eq!(
        out.stderr,
        "warning: readiness.toml:1: the acceptance of laptop-bound by Dana Whitfield, CIO expired on 2026-11-19: the finding counts again; fix it, or renew the acceptance with a new date\n"
    );
}

#[test]
fn an_acceptance_lasts_a_year_at_most() {
    let tmp = setup(&accept("laptop-bound", Some("churn-model"), "2027-11-20"));
    let dir = path_of(&tmp);
    let out = assess(dir, &[]);
    assert_eq!((out.code, out.stderr.as_str()), (0, ""));
    // A year to the day is the longest an acceptance may last: it is active.
    assert_eq!(report(&out)["acceptances"][0]["status"], "in-force");
    assert_eq!(report(&out)["acceptances"][0]["until"], "2027-11-20");
    let tmp = setup(&accept("laptop-bound", Some("churn-model"), "2027-11-21"));
    let dir = path_of(&tmp);
    let out = assess(dir, &[]);
    assert_eq!((out.code, out.stdout.as_str()), (2, ""));
    assert!(
        out.stderr.starts_with(
            "readiness.toml:6:9: accept.until: 2027-11-21 is more than a year after 2026-11-20, the date acceptances are judged on; accept a risk for a year at most (2027-11-20), then look again\n"
        ),
        "{}",
        out.stderr
    );
}

#[test]
fn an_acceptance_that_matches_nothing_is_a_warning() {
    let tmp = setup(&accept("shadow-ai", None, "2027-01-31"));
    let dir = path_of(&tmp);
    let out = assess(dir, &[]);
    assert_eq!(out.code, 0);
    assert_eq!(
        out.stderr,
        "warning: readiness.toml:1: the acceptance of shadow-ai matched nothing in northwind.yaml: the finding does not fire; remove the acceptance\n"
    );
    assert_eq!(report(&out)["acceptances"][0]["status"], "unmatched");
    // The same for one pilot the finding does not name.
    let tmp = setup(&accept(
        "laptop-bound",
        Some("demand-forecast"),
        "2027-01-31",
    ));
    let dir = path_of(&tmp);
    let out = assess(dir, &[]);
    assert!(
        out.stderr
            .contains("the acceptance of laptop-bound for demand-forecast matched nothing"),
        "{}",
        out.stderr
    );
}

#[test]
fn an_accepted_critical_finding_leaves_the_severity_gate() {
    // With every critical finding accepted, the most severe one that counts
    // is a warning.
    let tmp = setup("");
    let dir = path_of(&tmp);
    let out = assess(dir, &[]);
    let critical: Vec<String> = report(&out)["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .filter(|f| f["severity"] == "critical")
        .map(|f| f["id"].as_str().expect("an id").to_owned())
        .collect();
    assert!(!critical.is_empty());
    let config: String = critical
        .iter()
        .map(|id| accept(id, None, "2027-01-31"))
        .collect::<Vec<_>>()
        .join("\n");
    let tmp = setup(&config);
    let dir = path_of(&tmp);
    let out = assess(dir, &["--fail-on", "critical"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let check = &report(&out)["gate"]["checks"][0];
    assert_eq!(check["actual"], "warning");
    assert_eq!(check["accepted"], critical.len());
    let out = assess(dir, &["--fail-on", "warning"]);
    assert_eq!(out.code, 1);
    // One line for each warning that fails the gate, located, none for an
    // accepted critical finding, each saying how many were left out.
    let left_out = format!(
        "fails on warning or worse ({} left out)",
        if critical.len() == 1 {
            "1 accepted finding".to_owned()
        } else {
            format!("{} accepted findings", critical.len())
        }
    );
    let lines: Vec<&str> = out.stderr.lines().collect();
    let (advice, failed) = lines.split_last().expect("lines");
    assert!(advice.starts_with("what to do: "), "{}", out.stderr);
    assert!(!failed.is_empty());
    for line in failed {
        assert!(
            line.starts_with("northwind.yaml:")
                && line.contains(": gate failed: warning finding ")
                && line.ends_with(&left_out),
            "{line}"
        );
        assert!(
            critical.iter().all(|id| !line.contains(id.as_str())),
            "{line}"
        );
    }
}

/// The first line of standard error for a settings file holding `config`.
fn refused(config: &str) -> String {
    let tmp = setup(config);
    let dir = path_of(&tmp);
    let out = assess(dir, &[]);
    assert_eq!((out.code, out.stdout.as_str()), (2, ""), "{config}");
    out.stderr.lines().next().unwrap_or_default().to_owned()
}

#[test]
fn every_mistake_in_an_acceptance_is_refused_with_its_place() {
    let entry = |body: &str| format!("[[accept]]\n{body}\n");
    let full = "reason = \"r\"\nby = \"b\"\nuntil = 2027-01-01";
    assert_eq!(
        refused(&entry(&format!("finding = \"laptop-bond\"\n{full}"))),
        "readiness.toml:2:11: accept.finding: \"laptop-bond\" is not a finding id (`readiness explain` lists them); did you mean \"laptop-bound\"?"
    );
    assert_eq!(
        refused(&entry(&format!(
            "finding = \"strategy-first\"\npilot = \"churn-model\"\n{full}"
        ))),
        "readiness.toml:3:9: accept.pilot: strategy-first is about the organization as a whole, not one pilot; remove pilot to accept it"
    );
    assert_eq!(
        refused(&entry(&format!(
            "finding = \"laptop-bound\"\npilot = \"churn\"\n{full}"
        ))),
        "readiness.toml:3:9: accept.pilot: no questionnaire assessed has a pilot named \"churn\"; name it as implementation.pilots does; did you mean \"churn-model\"?"
    );
    assert_eq!(
        refused(&entry(
            "finding = \"laptop-bound\"\nby = \"b\"\nuntil = 2027-01-01"
        )),
        "readiness.toml:1:1: accept: reason is required: why the risk is accepted"
    );
    assert_eq!(
        refused(&entry(
            "finding = \"laptop-bound\"\nreason = \"r\"\nuntil = 2027-01-01"
        )),
        "readiness.toml:1:1: accept: by is required: who accepted the risk"
    );
    assert_eq!(
        refused(&entry("finding = \"laptop-bound\"\nreason = \"r\"\nby = \"b\"")),
        "readiness.toml:1:1: accept: until is required: the last day the acceptance holds, YYYY-MM-DD, at most a year after the assessment date"
    );
    assert_eq!(
        refused(&entry("reason = \"r\"\nby = \"b\"\nuntil = 2027-01-01")),
        "readiness.toml:1:1: accept: finding is required: the id of the finding accepted (`readiness explain` lists them)"
    );
    assert_eq!(
        refused(&entry(
            "finding = \"laptop-bound\"\nreason = \"r\"\nby = \"b\"\nuntil = \"March\""
        )),
        "readiness.toml:5:9: accept.until: expected a date, YYYY-MM-DD, found \"March\""
    );
    assert_eq!(
        refused(&entry(
            "finding = \"laptop-bound\"\nreason = \"  \"\nby = \"b\"\nuntil = 2027-01-01"
        )),
        "readiness.toml:3:10: accept.reason: is empty; write why the risk is accepted"
    );
    assert_eq!(
        refused(&entry(
            "finding = \"laptop-bound\"\nreason = \"r\\n::error::x\"\nby = \"b\"\nuntil = 2027-01-01"
        )),
        "readiness.toml:3:10: accept.reason: holds U+000A, a character that cannot be shown safely on one line; remove it"
    );
    assert_eq!(
        refused(&format!(
            "{}\n{}",
            accept("laptop-bound", None, "2027-01-01"),
            accept("laptop-bound", None, "2027-02-01")
        )),
        "readiness.toml:7:1: accept: laptop-bound is accepted twice (first at line 1); keep one entry"
    );
    assert_eq!(
        refused(&entry(&format!(
            "finding = \"laptop-bound\"\nowner = \"x\"\n{full}"
        ))),
        "readiness.toml:3:1: unknown key \"owner\"; allowed: finding, pilot, reason, by, until"
    );
}

#[test]
fn explain_shows_the_acceptances_of_a_finding() {
    let config = format!(
        "{}\n{}",
        accept("laptop-bound", Some("churn-model"), "2027-03-31"),
        accept("stale-pilot", None, "2000-01-01")
    );
    let tmp = setup(&config);
    let dir = path_of(&tmp);
    let out = run_in(dir, &["explain", "laptop-bound", "--as-of", "2026-12-01"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(
        out.stdout.ends_with(
            "\nAccepted risks (readiness.toml):\n  line 1: accepted for churn-model by Dana Whitfield, CIO until 2027-03-31: Moves to the data platform in March (in force on 2026-12-01).\n"
        ),
        "{}",
        out.stdout
    );
    let out = run_in(dir, &["explain", "stale-pilot"]);
    assert!(
        out.stdout.ends_with(
            "until 2000-01-01: Moves to the data platform in March (expired on 2000-01-01: it counts again).\n"
        ),
        "{}",
        out.stdout
    );
    let out = run_in(dir, &["explain", "no-monitoring"]);
    assert!(!out.stdout.contains("Accepted risks"), "{}", out.stdout);
}

// explain showed an acceptance as in force that assess refused, dated more
// than a year ahead.
#[test]
fn explain_refuses_an_acceptance_past_a_year_as_assess_does() {
    let tmp = setup(&accept("laptop-bound", None, "2099-12-31"));
    let dir = path_of(&tmp);
    let explained = run_in(dir, &["explain", "laptop-bound", "--as-of", "2026-12-01"]);
    let assessed = run_in(dir, &["assess", "northwind.yaml", "--as-of", "2026-12-01"]);
    for out in [&explained, &assessed] {
        assert_eq!((out.code, out.stdout.as_str()), (2, ""));
        assert!(
            out.stderr.starts_with("readiness.toml:5:9: accept.until: 2099-12-31 is more than a year after 2026-12-01, the date acceptances are judged on; accept a risk for a year at most (2027-12-01), then look again\n"),
            "{}",
            out.stderr
        );
    }
    // Another finding's explanation does not read it.
    assert_eq!(run_in(dir, &["explain", "stale-pilot"]).code, 0);
}

#[test]
fn the_acceptances_in_every_format() {
    let config = format!(
        "{}\n{}\n{}",
        accept("laptop-bound", Some("churn-model"), "2027-03-31").replace(
            "Moves to the data platform in March",
            "Moves *before* March | see <ticket> #12"
        ),
        accept("cost-overrun", None, "2026-11-19"),
        accept("shadow-ai", None, "2027-01-31"),
    );
    let tmp = setup(&config);
    let dir = path_of(&tmp);
    for format in ["table", "markdown", "json"] {
        let out = run_in(dir, &["assess", "northwind.yaml", "--format", format]);
        assert_eq!(out.code, 0, "{}", out.stderr);
        insta::assert_snapshot!(format!("accept-{format}"), out.stdout);
    }
}

// Acceptances expired by the questionnaire's date, which nobody updates, so
// they could stay in force for ever.
#[test]
fn an_acceptance_expires_by_the_clock_never_by_the_questionnaires_date() {
    let gated = ["--fail-on", "laptop-bound"];
    // Northwind says it was assessed on 2026-11-20; the clock is later than
    // 2026-11-25 (these lines were written on 2026-12-04).
    let tmp = setup(&accept("laptop-bound", Some("churn-model"), "2026-11-25"));
    let dir = path_of(&tmp);
    let args = [
        "assess",
        "northwind.yaml",
        "--format",
        "json",
        "--fail-on",
        "laptop-bound",
    ];
    let out = run_in(dir, &args);
    assert_eq!(out.code, 1, "{}", out.stderr);
    assert_eq!(report(&out)["acceptances"][0]["status"], "expired");
    assert!(
        out.stderr.contains("expired on 2026-11-25"),
        "{}",
        out.stderr
    );
    // explain agrees with the gate.
    let out = run_in(dir, &["explain", "laptop-bound"]);
    assert!(
        out.stdout
            .contains("(expired on 2026-11-25: it counts again)"),
        "{}",
        out.stdout
    );
    // On a day given with --as-of, judged on that day, by every command.
    assert_eq!(assess(dir, &gated).code, 0);
    let out = run_in(dir, &["explain", "laptop-bound", "--as-of", "2026-11-25"]);
    assert!(
        out.stdout.contains("(in force on 2026-11-25)"),
        "{}",
        out.stdout
    );
    let out = run_in(dir, &["explain", "laptop-bound", "--as-of", "2026-11-26"]);
    assert!(
        out.stdout
            .contains("(expired on 2026-11-25: it counts again on 2026-11-26)"),
        "{}",
        out.stdout
    );
}

// Invisible and bidi marks were accepted in a settings file's texts.
#[test]
fn a_settings_text_with_an_invisible_or_bidi_mark_is_refused() {
    for (mark, name) in [
        ('\u{200e}', "200E"),
        ('\u{200f}', "200F"),
        ('\u{061c}', "061C"),
        ('\u{200b}', "200B"),
        ('\u{2028}', "2028"),
        ('\u{feff}', "FEFF"),
    ] {
        let config = format!(
            "[[accept]]\nfinding = \"laptop-bound\"\nreason = \"Moves{mark} in March\"\nby = \"Dana\"\nuntil = 2027-01-31\n"
        );
        let tmp = setup(&config);
        let dir = path_of(&tmp);
        let out = assess(dir, &[]);
        assert_eq!((out.code, out.stdout.as_str()), (2, ""), "U+{name}");
        assert!(
            out.stderr.starts_with(&format!("readiness.toml:3:10: accept.reason: holds U+{name}, a character that is invisible or changes the direction of text")),
            "{}",
            out.stderr
        );
        let config = config
            .replace(&format!("Moves{mark}"), "Moves")
            .replace("by = \"Dana\"", &format!("by = \"Da{mark}na\""));
        let out = assess(path_of(&setup(&config)), &[]);
        assert_eq!(out.code, 2, "U+{name} in by");
        let config = format!("[gate]\nbaseline = \"git:HEAD{mark}\"\n");
        let out = assess(path_of(&setup(&config)), &[]);
        assert_eq!(
            (out.code, out.stdout.as_str()),
            (2, ""),
            "U+{name} in baseline"
        );
        assert!(
            out.stderr
                .starts_with("readiness.toml:2:12: gate.baseline: holds U+"),
            "{}",
            out.stderr
        );
    }
}

// Sixteen thousand acceptances took 45 s: every lookup was a scan. Each
// still works, one for each pilot; the time is measured in BENCHMARKS.md.
#[test]
fn thousands_of_acceptances_each_cover_their_own_pilot() {
    let tmp = scratch_dir();
    let dir = path_of(&tmp);
    let mut yaml = String::from(
        "version: 1\norganization:\n  name: Many\n  assessed: 2026-11-20\nimplementation:\n  pilots:\n",
    );
    let mut config = String::new();
    for i in 0..3000 {
        let _ = writeln!(
            yaml,
            "    - {{ name: p{i}, stage: pilot, started: 2025-01-01 }}"
        );
        if i > 0 {
            config.push_str(&accept("stale-pilot", Some(&format!("p{i}")), "2027-01-31"));
        }
    }
    std::fs::write(format!("{dir}/org.yaml"), &yaml).expect("write");
    std::fs::write(format!("{dir}/readiness.toml"), &config).expect("write");
    let gated = [
        "assess",
        "org.yaml",
        "--as-of",
        "2026-11-20",
        "--fail-on",
        "stale-pilot",
        "--format",
        "json",
    ];
    let out = run_in(dir, &gated);
    // p0 is not accepted: the finding still counts.
    assert_eq!(out.code, 1, "{}", out.stderr);
    let report = report(&out);
    assert_eq!(
        finding(&report, "stale-pilot")["accepted"]
            .as_array()
            .map(Vec::len),
        Some(2999)
    );
    config.push_str(&accept("stale-pilot", Some("p0"), "2027-01-31"));
    std::fs::write(format!("{dir}/readiness.toml"), &config).expect("write");
    assert_eq!(run_in(dir, &gated).code, 0);
}

/// The warning for an expired acceptance says whether the finding it
/// covered still fires: only when the same finding fires for the pilot it
/// names (or, without a pilot, at all) does it count again.
#[test]
fn an_expired_acceptance_says_whether_its_finding_still_fires() {
    let expired = |finding: &str, pilot: Option<&str>| {
        let tmp = setup(&accept(finding, pilot, "2026-11-19"));
        let dir = path_of(&tmp);
        let out = assess(dir, &[]);
        assert_eq!(out.code, 0, "{}", out.stderr);
        out.stderr
    };
    let by = "by Dana Whitfield, CIO expired on 2026-11-19";
    let again = "the finding counts again; fix it, or renew the acceptance with a new date";
    let gone = "the finding no longer fires; remove the acceptance";
    // laptop-bound fires for churn-model, and not for demand-forecast (in
    // a sandbox), a pilot Northwind also has.
    assert_eq!(
        expired("laptop-bound", Some("churn-model")),
        format!("warning: readiness.toml:1: the acceptance of laptop-bound for churn-model {by}: {again}\n")
    );
    assert_eq!(
        expired("laptop-bound", Some("demand-forecast")),
        format!("warning: readiness.toml:1: the acceptance of laptop-bound for demand-forecast {by}: {gone}\n")
    );
    assert_eq!(
        expired("laptop-bound", None),
        format!("warning: readiness.toml:1: the acceptance of laptop-bound {by}: {again}\n")
    );
    // shadow-ai does not fire for Northwind, though other findings do.
    assert_eq!(
        expired("shadow-ai", None),
        format!("warning: readiness.toml:1: the acceptance of shadow-ai {by}: {gone}\n")
    );
}

/// The one-year limit is checked only for acceptances that concern the
/// questionnaire: one naming a pilot it does not have is refused for that
/// pilot, not for its date.
#[test]
fn the_year_limit_applies_only_to_acceptances_of_pilots_the_questionnaire_has() {
    let entry = |pilot: &str| {
        format!("[[accept]]\nfinding = \"laptop-bound\"\npilot = \"{pilot}\"\nreason = \"r\"\nby = \"b\"\nuntil = 2028-01-01\n")
    };
    assert_eq!(
        refused(&entry("churn")),
        "readiness.toml:3:9: accept.pilot: no questionnaire assessed has a pilot named \"churn\"; name it as implementation.pilots does; did you mean \"churn-model\"?"
    );
    assert_eq!(
        refused(&entry("churn-model")),
        "readiness.toml:6:9: accept.until: 2028-01-01 is more than a year after 2026-11-20, the date acceptances are judged on; accept a risk for a year at most (2027-11-20), then look again"
    );
}

// The framework view ignored an acceptance whose pilot no questionnaire
// has, and showed the risk as not accepted with no word why.
#[test]
fn the_framework_view_refuses_an_unknown_pilot_as_assess_does() {
    let tmp = setup(&accept("laptop-bound", Some("churn-modle"), "2026-12-31"));
    let dir = path_of(&tmp);
    for args in [
        vec!["assess", "northwind.yaml", "--as-of", "2026-11-20"],
        vec![
            "frameworks",
            "nist-ai-rmf",
            "northwind.yaml",
            "--as-of",
            "2026-11-20",
        ],
    ] {
        let out = run_in(dir, &args);
        assert_eq!((out.code, out.stdout.as_str()), (2, ""), "{args:?}");
        assert!(
            out.stderr.starts_with("readiness.toml:3:9: accept.pilot: no questionnaire assessed has a pilot named \"churn-modle\""),
            "{args:?}: {}",
            out.stderr
        );
    }
    let known = setup(&accept("laptop-bound", Some("churn-model"), "2026-12-31"));
    let out = run_in(
        path_of(&known),
        &[
            "frameworks",
            "nist-ai-rmf",
            "northwind.yaml",
            "--as-of",
            "2026-11-20",
        ],
    );
    assert_eq!(out.code, 0, "{}", out.stderr);
}

// Accepting one warning made a critical-only gate say "1 accepted finding
// left out", as if a critical finding had been excused.
#[test]
fn a_severity_gate_counts_only_the_accepted_findings_it_would_have_caught() {
    let tmp = setup(&accept("laptop-bound", None, "2027-01-31"));
    let dir = path_of(&tmp);
    let out = assess(dir, &["--fail-on", "critical"]);
    assert_eq!(out.code, 1, "{}", out.stderr);
    let check = &report(&out)["gate"]["checks"][0];
    assert_eq!(check["accepted"], Value::Null, "{check}");
    assert!(!out.stderr.contains("accepted finding"), "{}", out.stderr);
    let out = assess(dir, &["--fail-on", "warning"]);
    assert_eq!(out.code, 1);
    assert_eq!(report(&out)["gate"]["checks"][0]["accepted"], 1);
    assert!(
        out.stderr.contains("(1 accepted finding left out)"),
        "{}",
        out.stderr
    );
}

// With churn-model's stale-pilot accepted, the failed gate named
// demand-forecast at churn-model's line.
#[test]
fn a_failed_gate_points_at_a_pilot_that_counts() {
    let tmp = setup(&accept("stale-pilot", Some("churn-model"), "2027-01-31"));
    let dir = path_of(&tmp);
    let out = assess(dir, &["--fail-on", "stale-pilot"]);
    assert_eq!(out.code, 1, "{}", out.stderr);
    let text = std::fs::read_to_string(format!("{dir}/northwind.yaml")).expect("read");
    let line_of = |needle: &str| {
        text.lines()
            .position(|l| l.contains(needle))
            .expect("present")
            + 1
    };
    let (churn, demand) = (
        line_of("name: churn-model"),
        line_of("name: demand-forecast"),
    );
    assert!(
        out.stderr.starts_with(&format!(
            "northwind.yaml:{demand}: gate failed: finding stale-pilot (demand-forecast) fired"
        )),
        "{}",
        out.stderr
    );
    assert!(
        !out.stderr.contains(&format!(":{churn}:")),
        "{}",
        out.stderr
    );
}

// The action plan told leadership to fix a risk it had accepted, with no
// word of the acceptance, which only the Findings section showed.
#[test]
fn an_action_item_says_the_acceptance_of_the_risk_it_would_fix() {
    let plan = |config: &str| {
        let report = markdown(config);
        let start = report.find("## Action plan").expect("an action plan");
        let end = report.find("## Scores").expect("scores");
        report[start..end].to_owned()
    };
    let laptop = accept("laptop-bound", Some("churn-model"), "2027-03-31");
    let said = plan(&laptop);
    assert!(
        said.contains("3. **Move churn-model to a shared cloud or production platform that others can reach and operations can support.**  \n   Why: Pilots that run on someone's laptop: churn-model.  \n   Owner: VP Customer Success (churn-model).  \n   Accepted for churn-model by Dana Whitfield, CIO until 2027-03-31: Moves to the data platform in March.\n"),
        "{said}"
    );
    // Another finding's acceptance says nothing here.
    let said = plan(&accept("cost-overrun", Some("churn-model"), "2027-03-31"));
    assert!(!said.contains("Accepted"), "{said}");
    // A finding accepted whole says so under its item.
    let said = plan(&accept("no-production", None, "2027-03-31"));
    assert!(
        said.contains("no owner named for demand-forecast.  \n   Accepted by Dana Whitfield, CIO until 2027-03-31: Moves to the data platform in March.\n"),
        "{said}"
    );
    // An acceptance of a finding whose item is further down says nothing
    // in the first three.
    let said = plan(&format!(
        "{laptop}\n{}",
        accept("unproven-pilot", Some("demand-forecast"), "2027-03-31")
    ));
    assert_eq!(said.matches("Accepted for").count(), 1, "{said}");
}

/// Northwind's Markdown report under a readiness.toml of `config`, judged
/// on its own date.
fn markdown(config: &str) -> String {
    let tmp = setup(config);
    let out = run_in(
        path_of(&tmp),
        &[
            "assess",
            "northwind.yaml",
            "--format",
            "markdown",
            "--as-of",
            "2026-11-20",
        ],
    );
    assert_eq!(out.code, 0, "{}", out.stderr);
    out.stdout
}

// A portfolio's JSON is written as its organizations are assessed; an
// acceptance of a pilot that no questionnaire names is found only after
// the last, and still nothing is written, to standard output or to a file.
#[test]
fn a_json_portfolio_refused_after_its_last_organization_writes_nothing() {
    let portfolio = |pilot: &str, output: Option<&str>| {
        let tmp = setup(&accept("laptop-bound", Some(pilot), "2026-12-31"));
        let dir = path_of(&tmp).to_owned();
        let copy = std::fs::read_to_string(format!("{dir}/northwind.yaml")).expect("example");
        std::fs::write(format!("{dir}/other.yaml"), copy).expect("write");
        let mut args = vec![
            "assess",
            "northwind.yaml",
            "other.yaml",
            "--format",
            "json",
            "--as-of",
            "2026-11-20",
        ];
        args.extend(output.map(|o| ["-o", o]).into_iter().flatten());
        let out = run_in(&dir, &args);
        let file = output.and_then(|o| std::fs::read_to_string(format!("{dir}/{o}")).ok());
        (out, file, tmp)
    };
    for output in [None, Some("report.json")] {
        let (out, file, _tmp) = portfolio("churn-modle", output);
        assert_eq!((out.code, out.stdout.as_str()), (2, ""), "{output:?}");
        assert!(
            out.stderr.starts_with("readiness.toml:3:9: accept.pilot: no questionnaire assessed has a pilot named \"churn-modle\""),
            "{output:?}: {}",
            out.stderr
        );
        assert_eq!(file, None, "no report file is left behind");
    }
    // A pilot that is named: the same whole report either way.
    let (out, _, _tmp) = portfolio("churn-model", None);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let (to_file, file, _tmp) = portfolio("churn-model", Some("report.json"));
    assert_eq!((to_file.code, to_file.stdout.as_str()), (0, ""));
    assert_eq!(file.as_deref(), Some(out.stdout.as_str()));
    let json: serde_json::Value = serde_json::from_str(&out.stdout).expect("JSON");
    assert_eq!(json["assessments"].as_array().map(Vec::len), Some(2));
}

// With nothing assessed, the problems of the questionnaires are what the
// run says, not that no questionnaire has the pilot an acceptance names.
#[test]
fn a_json_portfolio_of_bad_questionnaires_says_their_problems_first() {
    let tmp = setup(&accept("laptop-bound", Some("churn-model"), "2026-12-31"));
    let dir = path_of(&tmp);
    for name in ["a.yaml", "b.yaml"] {
        std::fs::write(
            format!("{dir}/{name}"),
            "version: 1\norganization:\n  size: 3\n",
        )
        .expect("write");
    }
    let args = |format| {
        [
            "assess",
            "a.yaml",
            "b.yaml",
            "--format",
            format,
            "--as-of",
            "2026-11-20",
        ]
    };
    let json = run_in(dir, &args("json"));
    assert_eq!((json.code, json.stdout.as_str()), (2, ""));
    assert!(
        json.stderr
            .starts_with("a.yaml:1:1: missing organization.name"),
        "{}",
        json.stderr
    );
    assert!(!json.stderr.contains("accept.pilot"), "{}", json.stderr);
    assert_eq!(json.stderr, run_in(dir, &args("markdown")).stderr);
}
