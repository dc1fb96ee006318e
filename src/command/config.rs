//! `readiness.toml`: settings for `assess` kept next to the questionnaires,
//! found from the current directory upward to the repository's root, or
//! named with `--config FILE`. Flags override it; a `rubric` path is
//! relative to the config file; unknown keys are errors.

use crate::acceptance::Acceptance;
use crate::diagnostic::Diagnostic;
use crate::error::Error;
use crate::gate::{add_once, FailCondition, Gates};
use crate::load::source;
use crate::load::toml_text::position;
use crate::suggest::closest;
use crate::vocabulary::{FindingId, Format, ScoreGate, Word};
use serde::Deserialize;
use std::path::{Path, PathBuf};
use toml::Spanned;

/// The file searched for when `--config` is not given.
pub const DEFAULT_NAME: &str = "readiness.toml";

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawConfig {
    rubric: Option<Spanned<String>>,
    /// The frameworks whose view the report adds: an id or a list of ids.
    framework: Option<Spanned<toml::Value>>,
    format: Option<Spanned<String>>,
    gate: Option<RawGate>,
    accept: Option<Vec<Spanned<super::accept_entries::RawAccept>>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawGate {
    fail_under: Option<Spanned<f64>>,
    min_strategy: Option<Spanned<f64>>,
    min_implementation: Option<Spanned<f64>>,
    min_completeness: Option<Spanned<f64>>,
    /// One word or a list of words, each possibly commas between several.
    fail_on: Option<Spanned<toml::Value>>,
    /// A questionnaire, a JSON report (relative to this file) or `git:REV`.
    baseline: Option<Spanned<String>>,
    fail_on_regression: Option<Spanned<bool>>,
    tolerance: Option<Spanned<f64>>,
}

/// Settings from a config file.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Config {
    /// The file these settings were read from; `None` when none was.
    pub path: Option<PathBuf>,
    /// Resolved against the config file's directory.
    pub rubric: Option<PathBuf>,
    pub format: Option<Format>,
    pub gates: Gates,
    /// `fail_on_regression` under `[gate]`, when written, and where.
    pub fail_on_regression: Option<bool>,
    pub fail_on_regression_at: Option<crate::diagnostic::Position>,
    /// The accepted risks, `[[accept]]`, in the file's order.
    pub accept: Vec<Acceptance>,
    /// Where `gate.fail_on` is written, for problems found once the rubric
    /// is read (a framework reference it does not have).
    pub fail_on_at: Option<crate::diagnostic::Position>,
    /// `framework`: the ids of the frameworks whose view the report adds,
    /// and where they are written, for problems found once the rubric is read.
    pub frameworks: Vec<String>,
    pub frameworks_at: Option<crate::diagnostic::Position>,
    /// The files it names that lie outside the tree it governs, each with
    /// the flag that would replace it (`rubric`, `baseline`): a problem
    /// only when the flag does not (`refused_files`).
    pub outside: Vec<(&'static str, Diagnostic)>,
    /// The file's text, kept only when `outside` has a problem to show.
    pub text: Option<String>,
}

impl Config {
    /// The first file named outside the tree that no flag replaces, as an
    /// error; `replaced` says whether a flag replaces the file it is for.
    pub fn refused_files(&self, replaced: impl Fn(&str) -> bool) -> Result<(), Error> {
        let Some((_, problem)) = self.outside.iter().find(|(flag, _)| !replaced(flag)) else {
            return Ok(());
        };
        Err(Error::Invalid {
            file: self
                .path
                .as_deref()
                .map(crate::diagnostic::shown_path)
                .unwrap_or_default(),
            text: self.text.clone(),
            problems: vec![problem.clone()],
        })
    }
}

/// Where the settings come from: a file named, none, or the search.
#[derive(Debug, Clone, Copy)]
pub enum Source<'a> {
    /// `--config FILE`: it must exist.
    Named(&'a Path),
    /// `--no-config`: no settings file is read.
    None,
    /// `readiness.toml`, found from the directory upward.
    Search,
}

impl<'a> Source<'a> {
    /// The source the two flags ask for; clap keeps them apart.
    pub fn from_flags(config: Option<&'a Path>, no_config: bool) -> Source<'a> {
        match (config, no_config) {
            (Some(path), _) => Source::Named(path),
            (None, true) => Source::None,
            (None, false) => Source::Search,
        }
    }
}

/// The config in force: the file named when there is one (it must exist),
/// none with `--no-config`, else the nearest `readiness.toml` from
/// `directory` upward, as cargo and ruff find theirs.
pub fn discover(source: Source<'_>, directory: &Path) -> Result<Config, Error> {
    let path = match source {
        Source::Named(path) => path.to_path_buf(),
        Source::None => return Ok(Config::default()),
        Source::Search => match search(directory)? {
            Some(path) => path,
            None => return Ok(Config::default()),
        },
    };
    let file = crate::diagnostic::shown_path(&path);
    let text = source::read_text(&path).map_err(|d| Error::Invalid {
        file: file.clone(),
        text: None,
        problems: vec![d],
    })?;
    let mut config = match parse(&text, &path) {
        Ok(config) => config,
        Err(problems) => {
            return Err(Error::Invalid {
                file,
                text: Some(text),
                problems,
            })
        }
    };
    config.path = Some(path);
    if !config.outside.is_empty() {
        config.text = Some(text);
    }
    Ok(config)
}

/// The nearest `readiness.toml` from `directory` upward, named relative to
/// it (`readiness.toml`, `../readiness.toml`, ...). The search stops at the
/// repository's root, the first directory holding `.git` (a directory, or
/// the file of a worktree or submodule), so that a settings file outside
/// the repository never gates it; outside a repository it goes up to the
/// filesystem's root.
fn search(directory: &Path) -> Result<Option<PathBuf>, Error> {
    // The real directory decides how many levels there are above; the
    // names stay relative, as the user's own paths are.
    let levels = std::fs::canonicalize(directory).map_or(1, |real| real.ancestors().count());
    let mut here = directory.to_path_buf();
    for _ in 0..levels {
        let candidate = here.join(DEFAULT_NAME);
        // Absent, look further up; present, it must be read, or the gates
        // it sets would be off in silence.
        if std::fs::symlink_metadata(&candidate).is_ok() {
            // A settings file found by searching is the tree's own: one
            // linked from elsewhere (a link a change can add) is refused
            // unread, or its lines would be shown in the log as errors.
            let linked_out = super::tree::outside(&candidate, &here).map(|tree| match tree {
                super::tree::Tree::Repository => {
                    "links to a file outside the repository holding it"
                }
                super::tree::Tree::Directory => "links to a file outside its directory",
            });
            if let Some(why) = not_a_settings_file(&candidate).or(linked_out) {
                return Err(crate::error::SettingProblem::NotASettingsFile {
                    path: crate::diagnostic::shown_path(tidy(&candidate)),
                    why,
                }
                .into());
            }
            return Ok(Some(tidy(&candidate).to_path_buf()));
        }
        if std::fs::symlink_metadata(here.join(".git")).is_ok() {
            break;
        }
        here = here.join("..");
    }
    Ok(None)
}

/// `./readiness.toml` as `readiness.toml`, `./../x` as `../x`.
fn tidy(path: &Path) -> &Path {
    path.strip_prefix(".").unwrap_or(path)
}

/// Why a `readiness.toml` that exists cannot be read as settings, if it cannot.
fn not_a_settings_file(path: &Path) -> Option<&'static str> {
    match std::fs::metadata(path) {
        Ok(found) if found.is_file() => None,
        Ok(found) if found.is_dir() => Some("is a directory"),
        Ok(_) => Some("is not a regular file (a FIFO, a socket or a device)"),
        Err(_) => Some("is a symbolic link to nothing, or to itself"),
    }
}

/// Parses config text; `path` is where it was read, for relative rubric paths.
pub fn parse(text: &str, path: &Path) -> Result<Config, Vec<Diagnostic>> {
    // Every unknown key at once, then the other problems of what reads.
    let (read, mut problems) = crate::load::toml_text::parse_all::<RawConfig>(text);
    let Some((raw, read_text)) = read else {
        // A list where a table belongs (`[[gate]]`), or a table where a
        // list of tables belongs (`accept = {...}`), fails as a type that
        // names neither; said as what it is instead.
        let shapes = misshapen_tables(text);
        return Err(if shapes.is_empty() { problems } else { shapes });
    };
    let text = read_text.as_str();
    problems.extend(hidden_characters(text, &raw));
    // The text has been read already, so it parses.
    if let Ok(document) = toml::de::DeTable::parse(text) {
        let tables = ["gate", "accept[]"];
        let lists = crate::load::toml_text::lists_for_tables(text, document.get_ref(), &tables);
        problems.extend(lists);
    }
    let mut config = Config {
        rubric: raw.rubric.as_ref().map(|r| {
            let r = r.get_ref();
            match path.parent() {
                Some(dir) if !dir.as_os_str().is_empty() => dir.join(r),
                _ => PathBuf::from(r),
            }
        }),
        ..Config::default()
    };
    config.outside = files_outside(text, path, &raw, config.rubric.as_deref());
    if let Some(format) = &raw.format {
        match Format::parse(format.get_ref()) {
            Some(f) => config.format = Some(f),
            None => problems.push(choice_problem(text, format, "format", Format::words())),
        }
    }
    if let Some(framework) = &raw.framework {
        let at = position(text, framework.span().start);
        config.frameworks_at = Some(at);
        match framework_ids(framework.get_ref()) {
            Ok(ids) => config.frameworks = ids,
            Err(problem) => problems.push(Diagnostic::at(at, format!("framework: {problem}"))),
        }
    }
    if let Some(gate) = &raw.gate {
        let mut score = |value: &Option<Spanned<f64>>, name: &dyn std::fmt::Display| {
            let value = value.as_ref()?;
            let v = *value.get_ref();
            if (0.0..=100.0).contains(&v) {
                Some(v)
            } else {
                problems.push(Diagnostic::at(
                    position(text, value.span().start),
                    format!("gate.{name}: expected a number from 0 to 100, found {v}"),
                ));
                None
            }
        };
        config.gates.fail_under = score(&gate.fail_under, &ScoreGate::FailUnder);
        config.gates.min_strategy = score(&gate.min_strategy, &ScoreGate::MinStrategy);
        config.gates.min_implementation =
            score(&gate.min_implementation, &ScoreGate::MinImplementation);
        config.gates.min_completeness = score(&gate.min_completeness, &ScoreGate::MinCompleteness);
        let tolerance = score(&gate.tolerance, &"tolerance");
        config.gates.baseline = gate
            .baseline
            .as_ref()
            .map(|baseline| relative_baseline(baseline.get_ref(), path));
        config.fail_on_regression = gate.fail_on_regression.as_ref().map(|on| *on.get_ref());
        config.fail_on_regression_at = gate
            .fail_on_regression
            .as_ref()
            .map(|on| position(text, on.span().start));
        config.gates.tolerance = tolerance;
        if let Some(fail_on) = &gate.fail_on {
            config.fail_on_at = Some(position(text, fail_on.span().start));
            match fail_conditions(fail_on.get_ref()) {
                Ok(list) => config.gates.fail_on = list,
                Err(problem) => problems.push(Diagnostic::at(
                    position(text, fail_on.span().start),
                    format!("gate.fail_on: {problem}"),
                )),
            }
        }
    }
    config.accept = acceptances(text, path, &raw, &mut problems);
    if problems.is_empty() {
        Ok(config)
    } else {
        Err(problems)
    }
}

/// `[gate]` written as a list, and `[[accept]]` as one table; nothing when
/// the text is not TOML at all.
fn misshapen_tables(text: &str) -> Vec<Diagnostic> {
    let Ok(document) = toml::de::DeTable::parse(text) else {
        return Vec::new();
    };
    let mut problems =
        crate::load::toml_text::lists_for_tables(text, document.get_ref(), &["gate"]);
    for (name, value) in document.get_ref() {
        if name.get_ref() == "accept" && matches!(value.get_ref(), toml::de::DeValue::Table(_)) {
            problems.push(Diagnostic::at(
                position(text, value.span().start),
                "accept: a list of tables, one [[accept]] for each accepted risk, not one table"
                    .to_owned(),
            ));
        }
    }
    problems
}

/// Every text of the file obeys a questionnaire's rules for names: the
/// paths and the revision too.
fn hidden_characters(text: &str, raw: &RawConfig) -> Vec<Diagnostic> {
    let mut problems = Vec::new();
    let mut check = |key: &str, value: &str, span: std::ops::Range<usize>, what: &str| {
        let found = value
            .chars()
            .find(|&c| crate::diagnostic::needs_escaping(c));
        if let Some(c) = found {
            problems.push(Diagnostic::at(
                position(text, span.start),
                format!(
                    "{key}: holds U+{:04X}, a control, invisible or bidirectional character; {what} is one line of visible characters",
                    u32::from(c)
                ),
            ));
        }
    };
    let gate = raw.gate.as_ref();
    let paths = [
        ("rubric", raw.rubric.as_ref()),
        ("gate.baseline", gate.and_then(|g| g.baseline.as_ref())),
    ];
    for (key, value) in paths {
        if let Some(value) = value {
            check(key, value.get_ref(), value.span(), "a path or revision");
        }
    }
    // The words: one, or a list of them.
    let words = [
        ("framework", raw.framework.as_ref()),
        ("gate.fail_on", gate.and_then(|g| g.fail_on.as_ref())),
    ];
    for (key, value) in words {
        let Some(value) = value else { continue };
        let texts: Vec<&str> = match value.get_ref() {
            toml::Value::String(one) => vec![one.as_str()],
            toml::Value::Array(many) => many.iter().filter_map(toml::Value::as_str).collect(),
            _ => Vec::new(),
        };
        for word in texts {
            check(key, word, value.span(), "a word or a reference");
        }
    }
    problems
}

/// The `[[accept]]` entries, each checked, each accepted once.
fn acceptances(
    text: &str,
    path: &Path,
    raw: &RawConfig,
    problems: &mut Vec<Diagnostic>,
) -> Vec<Acceptance> {
    let positions = crate::load::toml_text::Positions::new(text);
    let mut accept = Vec::new();
    // Each acceptance's first line, by what it accepts: found by lookup,
    // so that thousands of entries are read in linear time.
    let mut first_line: rustc_hash::FxHashMap<(FindingId, Option<String>), u32> =
        rustc_hash::FxHashMap::default();
    for entry in raw.accept.iter().flatten() {
        match super::accept_entries::acceptance(&positions, path, entry) {
            Ok(accepted) => {
                let key = (accepted.finding, accepted.pilot.clone());
                if let Some(earlier) = first_line.get(&key) {
                    problems.push(Diagnostic::at(
                        positions.at(entry.span().start),
                        format!(
                            "accept: {} is accepted twice (first at line {earlier}); keep one entry",
                            accepted.subject(),
                        ),
                    ));
                } else {
                    first_line.insert(key, accepted.line);
                    accept.push(accepted);
                }
            }
            Err(mut found) => problems.append(&mut found),
        }
    }
    accept
}

/// The files the settings name (the rubric, a baseline file) that lie
/// outside the tree they govern (`super::tree`).
fn files_outside(
    text: &str,
    path: &Path,
    raw: &RawConfig,
    rubric: Option<&Path>,
) -> Vec<(&'static str, Diagnostic)> {
    let mut problems = Vec::new();
    let baseline = raw.gate.as_ref().and_then(|g| g.baseline.as_ref());
    // A file as it lies now, or `git:REV:PATH`, where git runs from the
    // nearest directory of PATH there is: the repository it reads is there.
    let baseline_file = baseline.and_then(|b| {
        let baseline = relative_baseline(b.get_ref(), path);
        match baseline.strip_prefix("git:") {
            None => Some(PathBuf::from(baseline)),
            Some(git) => git
                .split_once(':')
                .map(|(_, file)| super::tree::nearest_directory(Path::new(file)).to_path_buf()),
        }
    });
    let named = [
        ("rubric", raw.rubric.as_ref(), rubric.map(Path::to_path_buf)),
        ("gate.baseline", baseline, baseline_file),
    ];
    let directory = super::tree::directory_of(path);
    for (key, value, file) in named {
        let Some(value) = value else {
            continue;
        };
        let flag = key.trim_start_matches("gate.");
        let at = position(text, value.span().start);
        if let Some(why) = unusable(key, value.get_ref(), file.as_deref()) {
            problems.push((flag, Diagnostic::at(at, format!("{key}: {why}"))));
            continue;
        }
        let Some(file) = file else {
            continue;
        };
        if let Some(tree) = super::tree::outside(&file, directory) {
            let tree = match tree {
                super::tree::Tree::Repository => "the repository holding this settings file",
                super::tree::Tree::Directory => "this settings file's directory",
            };
            problems.push((
                flag,
                Diagnostic::at(
                    at,
                    format!(
                        "{key}: \"{}\" lies outside {tree}; a settings file names files inside it (--{flag} names any file)",
                        crate::diagnostic::escaped(value.get_ref()),
                    ),
                ),
            ));
        }
    }
    problems
}

/// Why the file a settings key names cannot be read, said at the key, so
/// that the message names the settings file and its line rather than a
/// bare path: a blank name, a rubric that is missing or a directory, a
/// `git:` baseline with no revision or one git would take for an option.
fn unusable(key: &str, value: &str, file: Option<&Path>) -> Option<String> {
    let shown = crate::diagnostic::escaped(value);
    if crate::diagnostic::shows_nothing(value) {
        return Some("is blank; name a file, or leave the key out".to_owned());
    }
    if let Some(git) = value
        .strip_prefix("git:")
        .filter(|_| key == "gate.baseline")
    {
        let (revision, file) = match git.split_once(':') {
            Some((revision, file)) => (revision, Some(file)),
            None => (git, None),
        };
        return if revision.is_empty() {
            Some(format!(
                "\"{shown}\" names no revision; write git:REV, as in git:HEAD~1 or git:origin/main"
            ))
        } else if revision.starts_with('-') {
            Some(format!("\"{shown}\": the git revision starts with '-', which git would read as an option; name a commit, a branch or a tag"))
        } else if file == Some("") {
            Some(format!(
                "\"{shown}\" names no file after the revision; write git:REV:PATH, or git:REV for the questionnaire assessed"
            ))
        } else {
            None
        };
    }
    let file = file.filter(|_| key == "rubric")?;
    match std::fs::metadata(file) {
        Ok(found) if found.is_dir() => Some(format!(
            "\"{shown}\" is a directory; name the rubric's TOML file, read relative to this settings file"
        )),
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => Some(format!(
            "\"{shown}\" is not there, read relative to this settings file"
        )),
        // Its reader says what else is wrong with it.
        _ => None,
    }
}

/// A baseline file is read relative to the config file, as the rubric is,
/// and so is the PATH of `git:REV:PATH`: the same settings compare with
/// the same file from whichever directory they are found. `git:REV`
/// names a revision of the file assessed, not a file.
fn relative_baseline(baseline: &str, config: &Path) -> String {
    let Some(dir) = config.parent().filter(|d| !d.as_os_str().is_empty()) else {
        return baseline.to_owned();
    };
    match baseline.strip_prefix("git:") {
        None => dir.join(baseline).to_string_lossy().into_owned(),
        Some(git) => match git.split_once(':') {
            Some((revision, file)) if !file.is_empty() => {
                format!("git:{revision}:{}", dir.join(file).to_string_lossy())
            }
            _ => baseline.to_owned(),
        },
    }
}

/// `fail_on = "purgatory"`, `"warning,no-monitoring"` or a list of such
/// strings, as `--fail-on` takes them.
fn fail_conditions(value: &toml::Value) -> Result<Vec<FailCondition>, String> {
    let texts: Vec<&str> = match value {
        toml::Value::String(one) => vec![one.as_str()],
        toml::Value::Array(many) => many
            .iter()
            .map(|item| item.as_str().ok_or_else(|| not_a_word(item)))
            .collect::<Result<_, _>>()?,
        other => return Err(not_a_word(other)),
    };
    let mut list = Vec::new();
    for word in texts.iter().flat_map(|text| text.split(',')).map(str::trim) {
        let condition = FailCondition::parse(word).ok_or_else(|| {
            let hint = closest(word, &FailCondition::words())
                .map(|n| format!("; did you mean \"{n}\"?"))
                .unwrap_or_default();
            format!(
                "\"{word}\" is not a choice; expected {}{hint}",
                FailCondition::ALLOWED
            )
        })?;
        add_once(&mut list, condition);
    }
    Ok(list)
}

/// `framework = "nist-ai-rmf"` or a list of ids; each is checked against
/// the rubric once it is read.
fn framework_ids(value: &toml::Value) -> Result<Vec<String>, String> {
    match value {
        toml::Value::String(one) => Ok(vec![one.clone()]),
        toml::Value::Array(many) => many
            .iter()
            .map(|item| {
                item.as_str()
                    .map(str::to_owned)
                    .ok_or_else(|| not_a_word(item))
            })
            .collect(),
        other => Err(not_a_word(other)),
    }
}

fn not_a_word(value: &toml::Value) -> String {
    format!(
        "expected a word or a list of words, found {}",
        value.type_str()
    )
}

fn choice_problem(text: &str, value: &Spanned<String>, name: &str, allowed: &[&str]) -> Diagnostic {
    let hint = closest(value.get_ref(), allowed)
        .map(|n| format!("; did you mean \"{n}\"?"))
        .unwrap_or_default();
    Diagnostic::at(
        position(text, value.span().start),
        format!(
            "{name}: \"{}\" is not a choice; expected one of {}{hint}",
            value.get_ref(),
            allowed.join(", ")
        ),
    )
}

impl Gates {
    /// These gates, with any set in `over` taking their place.
    #[must_use]
    pub fn overridden_by(self, over: Gates) -> Gates {
        Gates {
            fail_under: over.fail_under.or(self.fail_under),
            min_strategy: over.min_strategy.or(self.min_strategy),
            min_implementation: over.min_implementation.or(self.min_implementation),
            min_completeness: over.min_completeness.or(self.min_completeness),
            fail_on: if over.fail_on.is_empty() {
                self.fail_on
            } else {
                over.fail_on
            },
            baseline: over.baseline.or(self.baseline),
            tolerance: over.tolerance.or(self.tolerance),
        }
    }
}
