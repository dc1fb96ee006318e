//! Which questionnaires a command reads: files as given, `-` for standard
//! input, and for a directory every `*.yaml` and `*.yml` directly in it, by name.

use crate::error::Error;
use std::path::{Path, PathBuf};

/// The questionnaires named on the command line, directories expanded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Inputs {
    pub files: Vec<PathBuf>,
    /// More than one questionnaire, or a directory: a portfolio is shown.
    pub several: bool,
}

/// Expands directories; a directory with no questionnaire is an error.
pub fn expand(given: &[PathBuf]) -> Result<Inputs, Error> {
    let mut files = Vec::new();
    let mut from_directory = false;
    for path in given {
        if path.as_os_str() != "-" && path.is_dir() {
            from_directory = true;
            let found = questionnaires_in(path)?;
            if found.is_empty() {
                return Err(Error::Refused(format!(
                    "{}: no questionnaire (*.yaml, *.yml) in this directory",
                    crate::diagnostic::shown_path(path)
                )));
            }
            files.extend(found);
        } else {
            files.push(path.clone());
        }
    }
    Ok(Inputs {
        several: from_directory || files.len() > 1,
        files,
    })
}

fn questionnaires_in(directory: &Path) -> Result<Vec<PathBuf>, Error> {
    let entries = std::fs::read_dir(directory).map_err(|e| {
        Error::Refused(format!(
            "{}: cannot be read: {e}",
            crate::diagnostic::shown_path(directory)
        ))
    })?;
    let mut found: Vec<PathBuf> = entries
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.is_file())
        .filter(|p| matches!(p.extension().and_then(|e| e.to_str()), Some("yaml" | "yml")))
        .collect();
    // Sorted by name, so the order never depends on the file system.
    found.sort();
    Ok(found)
}

/// Refuses an output file that is one of the inputs, however it is named
/// (the same file through another path or a link), before anything is read.
pub fn refuse_overwriting(output: &Path, inputs: &Inputs) -> Result<(), Error> {
    let Ok(target) = std::fs::metadata(output) else {
        return Ok(());
    };
    for input in inputs.files.iter().filter(|f| f.as_os_str() != "-") {
        if let Ok(read) = std::fs::metadata(input) {
            if same_file(&target, &read) {
                return Err(Error::Refused(format!(
                    "{}: is also an input ({}); writing the report there would replace the questionnaire, so choose another file",
                    crate::diagnostic::shown_path(output),
                    crate::diagnostic::shown_path(input)
                )));
            }
        }
    }
    Ok(())
}

#[cfg(unix)]
fn same_file(a: &std::fs::Metadata, b: &std::fs::Metadata) -> bool {
    use std::os::unix::fs::MetadataExt;
    a.dev() == b.dev() && a.ino() == b.ino()
}

#[cfg(not(unix))]
fn same_file(_: &std::fs::Metadata, _: &std::fs::Metadata) -> bool {
    false
}
