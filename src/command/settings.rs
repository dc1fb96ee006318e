//! The settings of one `assess` run: flags over `readiness.toml`, resolved
//! into one typed value before any work starts.

use crate::command::args::AssessArgs;
use crate::command::config;
use crate::error::Error;
use crate::gate::Gates;
use crate::vocabulary::Format;
use std::path::{Path, PathBuf};

/// Everything `assess` needs to know besides its inputs.
#[derive(Debug, Clone, PartialEq)]
pub struct Settings {
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
            rubric: args.rubric.clone().or(config.rubric),
            format: args.format.or(config.format).unwrap_or(Format::Table),
            gates: config.gates.overridden_by(args.gates()),
        })
    }
}
