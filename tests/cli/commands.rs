//! The everyday commands besides `assess`: rubric show, check and export,
//! and shell completions.

use crate::common::run;
use readiness::vocabulary::Word;

#[test]
fn rubric_export_prints_the_default_rubric_which_checks_valid() {
    let out = run(&["rubric", "export"]);
    assert_eq!(out.code, 0);
    assert_eq!(out.stdout, readiness::rubric::DEFAULT_TOML);
    let tmp = crate::common::scratch_dir();
    let path = format!("{}/exported.toml", crate::common::path_of(&tmp));
    std::fs::write(&path, &out.stdout).expect("scratch file");
    let check = run(&["rubric", "check", &path]);
    assert_eq!((check.code, check.stdout), (0, format!("{path}: valid\n")));
}

#[test]
fn rubric_check_refuses_a_broken_rubric_with_exit_2() {
    let tmp = crate::common::scratch_dir();
    let path = format!("{}/broken.toml", crate::common::path_of(&tmp));
    std::fs::write(
        &path,
        readiness::rubric::DEFAULT_TOML.replacen("weight = 3.0", "weight = -3.0", 1),
    )
    .expect("scratch file");
    let out = run(&["rubric", "check", &path]);
    assert_eq!((out.code, out.stdout.as_str()), (2, ""));
    let line = readiness::rubric::DEFAULT_TOML
        .lines()
        .position(|l| l.starts_with("weight = 3.0"))
        .expect("a weight of 3")
        + 1;
    assert_eq!(
        out.stderr.lines().next(),
        Some(format!("{path}:{line}:10: weight must be above 0, found -3").as_str())
    );
    let missing = run(&["rubric", "check", "no/such.toml"]);
    assert_eq!(
        (missing.code, missing.stderr.as_str()),
        (2, "no/such.toml: no such file\n")
    );
}

#[test]
fn rubric_show_lists_thresholds_criteria_and_findings() {
    let out = run(&["rubric", "show"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    insta::assert_snapshot!("rubric-show", out.stdout);
}

/// Every subcommand, in the order `readiness --help` lists them.
const SUBCOMMANDS: [&str; 11] = [
    "assess",
    "validate",
    "diff",
    "history",
    "rubric",
    "explain",
    "frameworks",
    "schema",
    "init",
    "completions",
    "help",
];

/// Every long flag of `assess`.
const ASSESS_FLAGS: [&str; 21] = [
    "detail",
    "stdin-filename",
    "format",
    "no-step-summary",
    "config",
    "no-config",
    "output",
    "rubric",
    "as-of",
    "portfolio",
    "fail-under",
    "min-strategy",
    "min-implementation",
    "min-completeness",
    "baseline",
    "fail-on-regression",
    "tolerance",
    "fail-on",
    "framework",
    "color",
    "help",
];

/// The long flags of the other subcommands that `assess` does not have.
const OTHER_FLAGS: [&str; 5] = ["max", "since", "report", "force", "version"];

#[test]
fn completions_for_each_shell() {
    for shell in ["bash", "zsh", "fish", "powershell", "elvish"] {
        let out = run(&["completions", shell]);
        assert_eq!((out.code, out.stderr.as_str()), (0, ""), "{shell}");
        let script = out.stdout;
        // Each shell spells a subcommand and a flag its own way.
        let command = |name: &str| match shell {
            "bash" => format!(",{name})\n"),
            "zsh" => format!("\n'{name}:"),
            "fish" => format!("-f -a \"{name}\" -d '"),
            "powershell" => format!("[CompletionResult]::new('{name}', '{name}',"),
            _ => format!("cand {name} '"),
        };
        let flag = |name: &str| match shell {
            "bash" => script
                .split(|c: char| c.is_whitespace() || c == '"')
                .any(|token| token == format!("--{name}")),
            "zsh" => ["[", "=["]
                .iter()
                .any(|after| script.contains(&format!("--{name}{after}"))),
            "fish" => script.contains(&format!(" -l {name} ")),
            "powershell" => {
                script.contains(&format!("[CompletionResult]::new('--{name}', '--{name}',"))
            }
            _ => script.contains(&format!("cand --{name} '")),
        };
        for name in SUBCOMMANDS.iter().chain(&["show", "check", "export"]) {
            assert!(script.contains(&command(name)), "{shell}: {name}");
        }
        for name in ASSESS_FLAGS.iter().chain(&OTHER_FLAGS) {
            assert!(flag(name), "{shell}: --{name}");
        }
        // `readiness help rubric <TAB>` offers the rubric's own subcommands.
        let help_rubric_show = match shell {
            "bash" => "readiness__subcmd__help__subcmd__rubric,show)",
            "zsh" => "'readiness help rubric show commands'",
            "fish" => "__fish_readiness_using_subcommand help; and __fish_seen_subcommand_from rubric\" -f -a \"show\"",
            "powershell" => "'readiness;help;rubric;show'",
            _ => "&'readiness;help;rubric;show'=",
        };
        assert!(
            script.contains(help_rubric_show),
            "{shell}: help rubric show"
        );
    }
    // A shell clap has no script for is refused, naming the ones it has.
    let out = run(&["completions", "tcsh"]);
    assert_eq!((out.code, out.stdout.as_str()), (2, ""));
    assert_eq!(
        out.stderr,
        "error: invalid value 'tcsh' for '<SHELL>'\n  [possible values: bash, elvish, fish, powershell, zsh]\n\n  tip: a similar value exists: 'zsh'\n\nFor more information, try '--help'.\n"
    );
}

#[test]
fn fish_completes_shell_names_not_files_after_completions() {
    let fish = run(&["completions", "fish"]).stdout;
    for shell in ["bash", "elvish", "fish", "powershell", "zsh"] {
        let line = format!(
            "complete -c readiness -n \"__fish_readiness_using_subcommand completions\" -f -a \"{shell}\"\n"
        );
        assert!(fish.contains(&line), "{line}");
    }
    // The other shells complete positionals themselves; no line is added there.
    assert!(!run(&["completions", "bash"]).stdout.contains("__fish"));
}

/// The first word of each line of the block under `heading` in a help text.
fn listed<'a>(help: &'a str, heading: &str) -> Vec<&'a str> {
    help.split_once(&format!("\n{heading}\n"))
        .unwrap_or_else(|| panic!("no {heading} in {help}"))
        .1
        .lines()
        .take_while(|l| !l.is_empty())
        .filter_map(|l| l.split_whitespace().next())
        .collect()
}

#[test]
fn help_and_version_as_clap_does_them() {
    let help = run(&["--help"]);
    assert_eq!((help.code, help.stderr.as_str()), (0, ""));
    assert_eq!(listed(&help.stdout, "Commands:"), SUBCOMMANDS);
    assert!(
        help.stdout
            .contains("\nUsage: readiness [OPTIONS] <COMMAND>\n"),
        "{}",
        help.stdout
    );
    for flag in ["--color <WHEN>", "-h, --help", "-V, --version"] {
        assert!(
            help.stdout
                .lines()
                .any(|l| l.trim_start().starts_with(flag)),
            "{flag}"
        );
    }
    let version = run(&["--version"]);
    assert_eq!(
        version.stdout,
        format!("readiness {}\n", env!("CARGO_PKG_VERSION"))
    );
    let assess_help = run(&["help", "assess"]);
    assert_eq!(assess_help.code, 0);
    let mut flags: Vec<&str> = assess_help
        .stdout
        .lines()
        .filter_map(|l| {
            let l = l.trim_start();
            let long = match l.split_once(", ") {
                Some((short, long)) if short.len() == 2 && short.starts_with('-') => long,
                _ => l,
            };
            long.strip_prefix("--")?.split(' ').next()
        })
        .collect();
    flags.sort_unstable();
    let mut expected = ASSESS_FLAGS.to_vec();
    expected.sort_unstable();
    assert_eq!(flags, expected);
    // No subcommand: the short help on standard error, and exit 2.
    let none = run(&[]);
    assert_eq!((none.code, none.stdout.as_str()), (2, ""));
    assert!(
        none.stderr
            .starts_with("How ready an organization is for AI, and what to do next\n\nUsage: readiness [OPTIONS] <COMMAND>\n"),
        "{}",
        none.stderr
    );
    assert_eq!(listed(&none.stderr, "Commands:"), SUBCOMMANDS);
}

#[test]
fn explain_covers_every_criterion_and_finding_of_the_default_rubric() {
    let rubric = readiness::rubric::default_rubric();
    let mut ids: Vec<String> = rubric.criteria.iter().map(|c| c.id.to_string()).collect();
    ids.extend(
        readiness::vocabulary::FindingId::words()
            .iter()
            .map(|id| (*id).to_owned()),
    );
    for id in &ids {
        let out = run(&["explain", id]);
        assert_eq!(out.code, 0, "{id}: {}", out.stderr);
        assert!(out.stdout.starts_with(&format!("{id}: ")), "{id}");
        assert!(out.stdout.contains("How to improve: "), "{id}");
        assert!(
            out.stdout.contains("Fires when: ") || out.stdout.contains("Points: "),
            "{id}"
        );
        assert!(
            !out.stdout.contains('{'),
            "{id}: an unfilled placeholder\n{}",
            out.stdout
        );
    }
    insta::assert_snapshot!(
        "explain-stale-pilot",
        run(&["explain", "stale-pilot"]).stdout
    );
    insta::assert_snapshot!(
        "explain-delivery-stage",
        run(&["explain", "delivery.stage"]).stdout
    );
}

/// A finding that takes its severity from what it found says how, and one
/// with a fixed severity says that severity.
#[test]
fn explain_says_how_a_findings_severity_is_set() {
    let second_line = |id: &str| {
        let out = run(&["explain", id]);
        assert_eq!(out.code, 0, "{id}: {}", out.stderr);
        out.stdout.lines().nth(1).unwrap_or_default().to_owned()
    };
    assert_eq!(
        second_line("open-incident"),
        "A finding about live systems and running costs, severity that of the worst open incident (high: critical, medium: warning, low: info), at most critical."
    );
    assert_eq!(
        second_line("no-monitoring"),
        "A finding about live systems and running costs, severity critical."
    );
}

// explain gave strategy-first's remedy for no pilot started only, and no
// misconception's remedy for a belief stated but not shown.
#[test]
fn explain_gives_every_remedy_a_report_may_give() {
    let out = run(&["explain", "strategy-first", "--no-config"]);
    assert!(
        out.stdout.contains("\nOnce pilots are started: Let the pilots under way (named in the report) teach the strategy at each checkpoint, instead of waiting for the plan to be finished.\n"),
        "{}",
        out.stdout
    );
    assert!(
        !out.stdout.contains("When leadership states it"),
        "{}",
        out.stdout
    );
    let out = run(&["explain", "one-time-cost", "--no-config"]);
    assert!(
        out.stdout.contains("\nWhen leadership states it and the answers do not show it: Talk the belief through with leadership before it shapes decisions: Models need monitoring"),
        "{}",
        out.stdout
    );
    let out = run(&["explain", "stale-pilot", "--no-config"]);
    assert!(!out.stdout.contains("Once pilots") && !out.stdout.contains("When leadership"));
}

#[test]
fn explain_suggests_the_closest_id() {
    let out = run(&["explain", "stale-pilots"]);
    assert_eq!((out.code, out.stdout.as_str()), (2, ""));
    assert_eq!(out.stderr, "unknown id \"stale-pilots\"; did you mean \"stale-pilot\"? (`readiness explain` lists the findings, `readiness rubric show` the criteria too)\n");
    // A word cut short is completed, wherever an id is taken.
    let out = run(&["explain", "stale"]);
    assert_eq!(out.code, 2);
    assert!(
        out.stderr.contains("did you mean \"stale-pilot\"?"),
        "{}",
        out.stderr
    );
    let out = run(&["assess", "examples", "--fail-on", "stale"]);
    assert_eq!((out.code, out.stdout.as_str()), (2, ""));
    assert!(
        out.stderr.contains("did you mean \"stale-pilot\"?"),
        "{}",
        out.stderr
    );
}

#[test]
fn explain_without_an_id_lists_every_finding() {
    let out = run(&["explain"]);
    assert_eq!((out.code, out.stderr.as_str()), (0, ""));
    for id in readiness::vocabulary::FindingId::words() {
        assert_eq!(
            out.stdout.matches(&format!(" {id} ")).count(),
            1,
            "{id}\n{}",
            out.stdout
        );
    }
    insta::assert_snapshot!("explain-list", out.stdout);
    let out = run(&["explain", "--format", "json"]);
    assert_eq!(out.code, 0);
    let list: serde_json::Value = serde_json::from_str(&out.stdout).expect("JSON");
    let findings = list["findings"].as_array().expect("findings");
    assert_eq!(
        findings.len(),
        readiness::vocabulary::FindingId::words().len()
    );
    assert_eq!(
        findings[0],
        serde_json::json!({
            "id": "no-production",
            "group": "purgatory",
            "severity": "warning",
            "title": findings[0]["title"].as_str().expect("a title"),
        })
    );
    let markdown = run(&["explain", "--format", "markdown"]);
    assert!(markdown
        .stdout
        .starts_with("| Finding | Group | Severity | Title |\n| --- | --- | --- | --- |\n| `"));
    // The list takes a format; an explanation does not.
    let out = run(&["explain", "stale-pilot", "--format", "json"]);
    assert_eq!((out.code, out.stdout.as_str()), (2, ""));
}

#[test]
fn explain_reads_thresholds_from_the_rubric_in_use() {
    let tmp = crate::common::scratch_dir();
    let path = format!("{}/explain-rubric.toml", crate::common::path_of(&tmp));
    std::fs::write(
        &path,
        readiness::rubric::DEFAULT_TOML.replacen(
            "stale_pilot_days = 180",
            "stale_pilot_days = 90",
            1,
        ),
    )
    .expect("scratch file");
    let out = run(&["explain", "stale-pilot", "--rubric", &path]);
    assert!(
        out.stdout.contains("started 90 days or more before"),
        "{}",
        out.stdout
    );
}

fn run_env(args: &[&str], env: &[(&str, &str)]) -> crate::common::Run {
    let mut command = std::process::Command::new(env!("CARGO_BIN_EXE_readiness"));
    command.args(args).current_dir(env!("CARGO_MANIFEST_DIR"));
    for name in ["NO_COLOR", "CLICOLOR", "CLICOLOR_FORCE", "TERM"] {
        command.env_remove(name);
    }
    for (name, value) in env {
        command.env(name, value);
    }
    let output = command.output().expect("the binary runs");
    crate::common::Run {
        stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
        code: output.status.code().unwrap_or(-1),
    }
}

#[test]
fn colour_follows_the_flag_and_the_environment() {
    let file = "examples/slide-deck-northwind-retail.yaml";
    let escape = "\u{1b}[";
    // Not a terminal: no colour unless asked for.
    assert!(!run_env(&["assess", file], &[]).stdout.contains(escape));
    let always = run_env(&["assess", file, "--color", "always"], &[]);
    assert!(always.stdout.contains(escape));
    assert!(!run_env(
        &["assess", file, "--color", "never"],
        &[("CLICOLOR_FORCE", "1")]
    )
    .stdout
    .contains(escape));
    assert!(run_env(&["assess", file], &[("CLICOLOR_FORCE", "1")])
        .stdout
        .contains(escape));
    // `CLICOLOR_FORCE=0` forces nothing, as the convention says.
    assert!(!run_env(&["assess", file], &[("CLICOLOR_FORCE", "0")])
        .stdout
        .contains(escape));
    assert!(!run_env(
        &["assess", file],
        &[("CLICOLOR_FORCE", "1"), ("NO_COLOR", "1")]
    )
    .stdout
    .contains(escape));
    // Colour never reaches JSON or Markdown.
    assert!(!run_env(
        &["assess", file, "--color", "always", "--format", "json"],
        &[]
    )
    .stdout
    .contains(escape));
    assert!(!run_env(
        &["assess", file, "--color", "always", "--format", "markdown"],
        &[]
    )
    .stdout
    .contains(escape));
    // Stripped of its escapes, the coloured table is the plain one.
    let plain = run_env(&["assess", file], &[]).stdout;
    let mut stripped = String::new();
    let mut rest = always.stdout.as_str();
    while let Some(start) = rest.find(escape) {
        stripped.push_str(&rest[..start]);
        let after = &rest[start..];
        let end = after.find('m').map_or(after.len(), |i| i + 1);
        rest = &after[end..];
    }
    stripped.push_str(rest);
    assert_eq!(stripped, plain);
}

#[test]
fn the_readmes_completion_instructions_work_on_a_fresh_machine() {
    let readme = std::fs::read_to_string(format!("{}/README.md", env!("CARGO_MANIFEST_DIR")))
        .expect("README");
    let block = readme
        .split_once("Shell completions")
        .and_then(|(_, rest)| rest.split_once("```sh\n"))
        .and_then(|(_, rest)| rest.split_once("```"))
        .expect("the completions block")
        .0;
    // A home with nothing in it, and the binary first on the path.
    let home_tmp = crate::common::scratch_dir();
    let home = crate::common::path_of(&home_tmp);
    let bin = std::path::Path::new(env!("CARGO_BIN_EXE_readiness"))
        .parent()
        .expect("the binary's directory")
        .to_string_lossy()
        .into_owned();
    let path = format!("{bin}:{}", std::env::var("PATH").unwrap_or_default());
    let status = std::process::Command::new("sh")
        .args(["-euc", block])
        .env("HOME", home)
        .env("PATH", path)
        .status()
        .expect("sh runs");
    assert!(status.success(), "{block}");
    for (file, opening) in [
        (
            ".local/share/bash-completion/completions/readiness",
            "_readiness()",
        ),
        (
            ".config/fish/completions/readiness.fish",
            "# Print an optspec for argparse",
        ),
        (".zfunc/_readiness", "#compdef readiness"),
    ] {
        let text = std::fs::read_to_string(format!("{home}/{file}")).unwrap_or_default();
        assert!(text.contains(opening), "{file}: {text:.200}");
    }
}
