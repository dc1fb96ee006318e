//! Writes a report to a file whole or not at all (or appends it to a job
//! summary): into a temporary file in the same directory, with a random name
//! created exclusively, then renamed into place. A reader never sees a
//! half-written report, a failed run never destroys an existing one, and the
//! temporary file is removed on every path that does not persist it.

use crate::error::Error;
use std::fs::OpenOptions;
#[cfg(unix)]
use std::fs::Permissions;
use std::io::{BufWriter, ErrorKind, Write};
use std::path::{Path, PathBuf};
use tempfile::NamedTempFile;

/// Whether writing may replace a file already at the path.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Replace {
    /// Replace it (`-o`).
    Allowed,
    /// Leave it and fail (`init` without `--force`), checked atomically.
    Refused,
}

/// Writes to `path` what `contents` writes; on failure, a message naming what went wrong.
pub fn write_whole(
    path: &Path,
    replace: Replace,
    contents: impl FnOnce(&mut dyn Write) -> std::io::Result<()>,
) -> Result<(), Error> {
    write_whole_or_say_why(path, replace, contents).map_err(Error::Refused)
}

fn write_whole_or_say_why(
    path: &Path,
    replace: Replace,
    contents: impl FnOnce(&mut dyn Write) -> std::io::Result<()>,
) -> Result<(), String> {
    let shown = path.display();
    if path.is_dir() {
        return Err(format!(
            "{shown}: is a directory; give the path of a file to write"
        ));
    }
    if path.file_name().is_none() {
        return Err(format!("{shown}: not a file name"));
    }
    let directory = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    if !directory.is_dir() {
        return Err(format!(
            "{shown}: the directory {} does not exist",
            directory.display()
        ));
    }
    let cannot = |e: &std::io::Error| format!("{shown}: cannot write the report: {}", reason(e));
    let mut builder = tempfile::Builder::new();
    builder.prefix(".readiness");
    #[cfg(unix)]
    builder.permissions(permissions_for(path));
    let temporary = builder.tempfile_in(&directory).map_err(|e| cannot(&e))?;
    let temporary = fill(temporary, contents).map_err(|e| cannot(&e))?;
    let persisted = match replace {
        Replace::Allowed => temporary.persist(path),
        Replace::Refused => temporary.persist_noclobber(path),
    };
    // A failed persist drops the temporary file, which removes it.
    persisted.map(drop).map_err(|e| match e.error.kind() {
        ErrorKind::AlreadyExists => {
            format!("{shown}: already exists; add --force to overwrite it")
        }
        _ => cannot(&e.error),
    })
}

/// Appends `contents` to `path`, creating it if needed; never truncates it.
pub fn append(path: &Path, contents: &str) -> Result<(), Error> {
    OpenOptions::new()
        .append(true)
        .create(true)
        .open(path)
        .and_then(|mut file| file.write_all(contents.as_bytes()))
        .map_err(|e| {
            Error::Refused(format!(
                "{}: cannot append the report: {}",
                path.display(),
                reason(&e)
            ))
        })
}

/// The permissions the report is created with: those of the file it replaces,
/// else what a new file gets (read and write for all, less the umask, which
/// the operating system applies), rather than tempfile's private default.
#[cfg(unix)]
fn permissions_for(path: &Path) -> Permissions {
    use std::os::unix::fs::PermissionsExt;
    match std::fs::metadata(path) {
        Ok(existing) if existing.is_file() => existing.permissions(),
        _ => Permissions::from_mode(0o666),
    }
}

/// Writes `contents` into the temporary file and syncs it to disk.
fn fill(
    temporary: NamedTempFile,
    contents: impl FnOnce(&mut dyn Write) -> std::io::Result<()>,
) -> std::io::Result<NamedTempFile> {
    let mut buffered = BufWriter::new(temporary);
    contents(&mut buffered)?;
    let temporary = buffered
        .into_inner()
        .map_err(std::io::IntoInnerError::into_error)?;
    temporary.as_file().sync_all()?;
    Ok(temporary)
}

fn reason(error: &std::io::Error) -> String {
    match error.kind() {
        ErrorKind::PermissionDenied => "permission denied".to_owned(),
        ErrorKind::NotFound => "the directory does not exist".to_owned(),
        _ => error.to_string(),
    }
}
