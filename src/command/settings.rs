//! The settings of one `assess` run: flags over `readiness.toml`, resolved
//! into one typed value before any work starts.

use crate::acceptance::Acceptance;
use crate::assessment::{Override, RunConfig};
use crate::command::args::AssessArgs;
use crate::command::config;
use crate::diagnostic::{escaped, shown_path};
use crate::error::{Error, SettingProblem};
use crate::gate::Gates;
use crate::vocabulary::{Format, Word as _};
use std::path::{Path, PathBuf};

/// Everything `assess` needs to know besides its inputs.
#[derive(Debug, Clone, PartialEq)]
pub struct Settings {
    /// The settings file read; `None` when none was.
    pub config_file: Option<PathBuf>,
    /// The rubric file; `None` for the default rubric.
    pub rubric: Option<PathBuf>,
    pub format: Format,
    pub gates: Gates,
    /// The accepted risks of the settings file.
    pub accept: Vec<Acceptance>,
    /// Each setting of the settings file that a flag replaced.
    pub overrides: Vec<Override>,
    /// The settings file and the place of its `gate.fail_on`, when the
    /// `--fail-on` conditions in force are its own.
    pub fail_on_from: Option<(PathBuf, crate::diagnostic::Position)>,
    /// The frameworks whose view the report adds (`--framework`, else
    /// `framework` in the settings file), as given.
    pub frameworks: Vec<String>,
    /// The settings file and the place of its `framework`, when the
    /// frameworks in force are its own.
    pub frameworks_from: Option<(PathBuf, crate::diagnostic::Position)>,
}

impl Settings {
    /// Flags override the config file (`--config`, else the nearest
    /// `readiness.toml` from `directory` up, unless `--no-config`); the
    /// default format is the table.
    pub fn resolve(args: &AssessArgs, directory: &Path) -> Result<Settings, Error> {
        let source = config::Source::from_flags(args.config.as_deref(), args.no_config);
        let config = config::discover(source, directory)?;
        config.refused_files(|flag| match flag {
            "rubric" => args.rubric.is_some(),
            _ => args.baseline.is_some(),
        })?;
        let regression_gate = args.fail_on_regression || config.fail_on_regression == Some(true);
        let overrides = overrides(args, &config);
        let mut gates = config.gates.clone().overridden_by(args.gates());
        if regression_gate {
            if gates.baseline.is_none() {
                return Err(match &config.path {
                    Some(path) if !args.fail_on_regression => {
                        let at = config
                            .fail_on_regression_at
                            .map_or_else(String::new, |at| format!(":{}:{}", at.line, at.column));
                        SettingProblem::RegressionWithoutBaseline {
                            settings_file: format!("{}{at}", shown_path(path)),
                            by_flag: false,
                        }
                    }
                    _ => SettingProblem::RegressionWithoutBaseline {
                        settings_file: config::DEFAULT_NAME.to_owned(),
                        by_flag: true,
                    },
                }
                .into());
            }
            gates.tolerance = Some(gates.tolerance.unwrap_or(0.0));
        } else if args.tolerance.is_some() {
            return Err(SettingProblem::ToleranceWithoutGate.into());
        } else {
            // A tolerance without the gate it belongs to is not in force.
            gates.tolerance = None;
        }
        let fail_on_from = match (&config.path, config.fail_on_at) {
            (Some(path), Some(at)) if args.fail_on.is_empty() => Some((path.clone(), at)),
            _ => None,
        };
        let frameworks_from = match (&config.path, config.frameworks_at) {
            (Some(path), Some(at)) if args.framework.is_empty() => Some((path.clone(), at)),
            _ => None,
        };
        let frameworks = if args.framework.is_empty() {
            config.frameworks
        } else {
            args.framework.clone()
        };
        Ok(Settings {
            fail_on_from,
            frameworks,
            frameworks_from,
            config_file: config.path,
            rubric: args.rubric.clone().or(config.rubric),
            format: args.format.or(config.format).unwrap_or(Format::Table),
            gates,
            accept: config.accept,
            overrides,
        })
    }

    /// What the reports say about these settings: the files, as named, and
    /// the gates in force.
    pub fn run_config(&self) -> RunConfig {
        RunConfig {
            file: self.config_file.as_deref().map(shown_path),
            rubric: self.rubric.as_deref().map(shown_path),
            gates: self.gates.clone(),
            overrides: self.overrides.clone(),
        }
    }
}

/// Every value of the settings file that a flag replaces with a different
/// one, in the settings file's order: a flag set to what the file says
/// replaces nothing.
fn overrides(args: &AssessArgs, config: &config::Config) -> Vec<Override> {
    let mut list = Vec::new();
    let mut add = |setting, flag, value: Option<String>, replaced: Option<String>| {
        if let (Some(value), Some(replaced)) = (value, replaced) {
            if value != replaced {
                list.push(Override {
                    setting,
                    flag,
                    value,
                    replaced,
                });
            }
        }
    };
    let path = |p: &Option<PathBuf>| p.as_deref().map(shown_path);
    add(
        "rubric",
        "--rubric",
        path(&args.rubric),
        path(&config.rubric),
    );
    let word = |f: Option<Format>| f.map(|f| f.word().to_owned());
    add("format", "--format", word(args.format), word(config.format));
    let flags = args.gates();
    let (ours, theirs) = (&flags, &config.gates);
    let score = |n: Option<f64>| n.map(|n| format!("{n:.1}"));
    for (setting, flag, value, replaced) in [
        (
            "fail_under",
            "--fail-under",
            ours.fail_under,
            theirs.fail_under,
        ),
        (
            "min_strategy",
            "--min-strategy",
            ours.min_strategy,
            theirs.min_strategy,
        ),
        (
            "min_implementation",
            "--min-implementation",
            ours.min_implementation,
            theirs.min_implementation,
        ),
        (
            "min_completeness",
            "--min-completeness",
            ours.min_completeness,
            theirs.min_completeness,
        ),
    ] {
        add(setting, flag, score(value), score(replaced));
    }
    let words = |list: &[crate::gate::FailCondition]| {
        let words: Vec<String> = list.iter().map(|c| c.word().into_owned()).collect();
        (!words.is_empty()).then(|| words.join(" and "))
    };
    add(
        "fail_on",
        "--fail-on",
        words(&ours.fail_on),
        words(&theirs.fail_on),
    );
    let text = |t: &Option<String>| t.as_deref().map(|t| escaped(t).into_owned());
    add(
        "baseline",
        "--baseline",
        text(&ours.baseline),
        text(&theirs.baseline),
    );
    add(
        "tolerance",
        "--tolerance",
        score(ours.tolerance),
        score(theirs.tolerance),
    );
    list
}
