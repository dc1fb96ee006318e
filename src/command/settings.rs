//! The settings of one `assess` run: flags over `readiness.toml`, resolved
//! into one typed value before any work starts.

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
}

impl Settings {
    /// Flags override the config file (`--config`, else `readiness.toml` in
    /// `directory` when present); the default format is the table.
    pub fn resolve(args: &AssessArgs, directory: &Path) -> Result<Settings, Error> {
        let config = config::discover(args.config.as_deref(), directory)?;
        Ok(Settings {
            config_file: config.path,
            rubric: args.rubric.clone().or(config.rubric),
            format: args.format.or(config.format).unwrap_or(Format::Table),
            gates: config.gates.overridden_by(args.gates()),
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
