//! The settings of one `assess` run: flags over `readiness.toml`, resolved
//! into one typed value before any work starts.

use crate::acceptance::Acceptance;
use crate::assessment::RunConfig;
use crate::command::args::AssessArgs;
use crate::command::config;
use crate::diagnostic::shown_path;
use crate::error::Error;
use crate::gate::Gates;
use crate::vocabulary::Format;
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
    /// Flags override the config file (`--config`, else `readiness.toml` in
    /// `directory` when present); the default format is the table.
    pub fn resolve(args: &AssessArgs, directory: &Path) -> Result<Settings, Error> {
        let config = config::discover(args.config.as_deref(), directory)?;
        let regression_gate = args.fail_on_regression || config.fail_on_regression == Some(true);
        let mut gates = config.gates.overridden_by(args.gates());
        if regression_gate {
            if gates.baseline.is_none() {
                const WHAT: &str = "a questionnaire, a JSON report, or git:REV";
                return Err(Error::Refused(match &config.path {
                    Some(path) if !args.fail_on_regression => format!(
                        "{}: gate.fail_on_regression needs a baseline to compare with: gate.baseline, or --baseline REF ({WHAT})",
                        shown_path(path)
                    ),
                    _ => format!(
                        "--fail-on-regression: needs a baseline to compare with: --baseline REF, or gate.baseline in {} ({WHAT})",
                        config::DEFAULT_NAME
                    ),
                }));
            }
            gates.tolerance = Some(gates.tolerance.unwrap_or(0.0));
        } else if args.tolerance.is_some() {
            return Err(Error::Refused(
                "--tolerance: is the regression gate's, which is off: add --fail-on-regression (or fail_on_regression = true under [gate])".to_owned(),
            ));
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
        })
    }

    /// What the reports say about these settings: the files, as named, and
    /// the gates in force.
    pub fn run_config(&self) -> RunConfig {
        RunConfig {
            file: self.config_file.as_deref().map(shown_path),
            rubric: self.rubric.as_deref().map(shown_path),
            gates: self.gates.clone(),
        }
    }
}
