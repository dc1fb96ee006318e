//! `readiness.toml`: settings for `assess` kept next to the questionnaires,
//! read from the current directory or `--config FILE`. Flags override it; a
//! `rubric` path is relative to the config file; unknown keys are errors.

use crate::acceptance::Acceptance;
use crate::diagnostic::Diagnostic;
use crate::error::Error;
use crate::gate::{add_once, FailCondition, Gates};
use crate::load::source;
use crate::load::toml_text::position;
use crate::suggest::closest;
use crate::vocabulary::{Format, ScoreGate, Word};
use serde::Deserialize;
use std::path::{Path, PathBuf};
use toml::Spanned;

/// The file read from the current directory when `--config` is not given.
pub const DEFAULT_NAME: &str = "readiness.toml";

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawConfig {
    rubric: Option<String>,
    /// The frameworks whose view the report adds: an id or a list of ids.
    framework: Option<Spanned<toml::Value>>,
    format: Option<Spanned<String>>,
    gate: Option<RawGate>,
    accept: Option<Vec<Spanned<super::acceptances::RawAccept>>>,
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
    baseline: Option<String>,
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
    /// `fail_on_regression` under `[gate]`, when written.
    pub fail_on_regression: Option<bool>,
    /// The accepted risks, `[[accept]]`, in the file's order.
    pub accept: Vec<Acceptance>,
    /// Where `gate.fail_on` is written, for problems found once the rubric
    /// is read (a framework reference it does not have).
    pub fail_on_at: Option<crate::diagnostic::Position>,
    /// `framework`: the ids of the frameworks whose view the report adds,
    /// and where they are written, for problems found once the rubric is read.
    pub frameworks: Vec<String>,
    pub frameworks_at: Option<crate::diagnostic::Position>,
}

/// The config in force: `explicit` when given (it must exist), else
/// `readiness.toml` in `directory` when present, else none.
pub fn discover(explicit: Option<&Path>, directory: &Path) -> Result<Config, Error> {
    let path = if let Some(path) = explicit {
        path.to_path_buf()
    } else {
        let candidate = directory.join(DEFAULT_NAME);
        // Absent, there is no config; present, it must be read, or the
        // gates it sets would be off in silence.
        if std::fs::symlink_metadata(&candidate).is_err() {
            return Ok(Config::default());
        }
        if let Some(why) = not_a_settings_file(&candidate) {
            return Err(Error::Refused(format!(
                "{}: {why}; it is read for settings, so make it a file or remove it",
                crate::diagnostic::shown_path(candidate.strip_prefix(".").unwrap_or(&candidate))
            )));
        }
        PathBuf::from(DEFAULT_NAME)
    };
    let file = crate::diagnostic::shown_path(&path);
    let text = source::read_text(&path).map_err(|d| Error::Invalid {
        file: file.clone(),
        text: None,
        problems: vec![d],
    })?;
    let mut config = parse(&text, &path).map_err(|problems| Error::Invalid {
        file,
        text: Some(text),
        problems,
    })?;
    config.path = Some(path);
    Ok(config)
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
    let raw: RawConfig = crate::load::toml_text::parse(text).map_err(|d| vec![d])?;
    let mut problems = Vec::new();
    let mut config = Config {
        rubric: raw.rubric.map(|r| match path.parent() {
            Some(dir) if !dir.as_os_str().is_empty() => dir.join(r),
            _ => PathBuf::from(r),
        }),
        ..Config::default()
    };
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
            .as_deref()
            .map(|baseline| relative_baseline(baseline, path));
        config.fail_on_regression = gate.fail_on_regression.as_ref().map(|on| *on.get_ref());
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
    for entry in raw.accept.iter().flatten() {
        match super::acceptances::acceptance(text, path, entry) {
            Ok(accepted) => {
                if let Some(earlier) = config
                    .accept
                    .iter()
                    .find(|x| x.finding == accepted.finding && x.pilot == accepted.pilot)
                {
                    problems.push(Diagnostic::at(
                        position(text, entry.span().start),
                        format!(
                            "accept: {} is accepted twice (first at line {}); keep one entry",
                            accepted.subject(),
                            earlier.line
                        ),
                    ));
                } else {
                    config.accept.push(accepted);
                }
            }
            Err(mut found) => problems.append(&mut found),
        }
    }
    if problems.is_empty() {
        Ok(config)
    } else {
        Err(problems)
    }
}

/// A baseline file is read relative to the config file, as the rubric is;
/// `git:REV` names a revision, not a file.
fn relative_baseline(baseline: &str, config: &Path) -> String {
    match config.parent() {
        Some(dir) if !dir.as_os_str().is_empty() && !baseline.starts_with("git:") => {
            dir.join(baseline).to_string_lossy().into_owned()
        }
        _ => baseline.to_owned(),
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
