//! Writes a report to a file whole or not at all (or appends it to a job
//! summary): into a temporary file in
//! the same directory, then renamed into place. A reader never sees a
//! half-written report, and a failed run never destroys an existing one.

use std::fs::{self, OpenOptions};
use std::io::{BufWriter, ErrorKind, Write};
use std::path::{Path, PathBuf};

/// Writes to `path` what `contents` writes; on failure, a message naming what went wrong.
pub fn write_whole(
    path: &Path,
    contents: impl FnOnce(&mut dyn Write) -> std::io::Result<()>,
) -> Result<(), String> {
    let shown = path.display();
    if path.is_dir() {
        return Err(format!(
            "{shown}: is a directory; give the path of a file to write"
        ));
    }
    let file_name = path
        .file_name()
        .ok_or_else(|| format!("{shown}: not a file name"))?
        .to_string_lossy()
        .into_owned();
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
    let temporary = directory.join(format!(".{file_name}.{}.tmp", std::process::id()));
    let written = write_new(&temporary, contents).and_then(|()| fs::rename(&temporary, path));
    written.map_err(|e| {
        // Leave nothing behind but what was there before.
        let _ = fs::remove_file(&temporary);
        format!("{shown}: cannot write the report: {}", reason(&e))
    })
}

/// Appends `contents` to `path`, creating it if needed; never truncates it.
pub fn append(path: &Path, contents: &str) -> Result<(), String> {
    let mut file = OpenOptions::new()
        .append(true)
        .create(true)
        .open(path)
        .map_err(|e| {
            format!(
                "{}: cannot append the report: {}",
                path.display(),
                reason(&e)
            )
        })?;
    file.write_all(contents.as_bytes()).map_err(|e| {
        format!(
            "{}: cannot append the report: {}",
            path.display(),
            reason(&e)
        )
    })
}

fn write_new(
    path: &Path,
    contents: impl FnOnce(&mut dyn Write) -> std::io::Result<()>,
) -> std::io::Result<()> {
    let file = OpenOptions::new().write(true).create_new(true).open(path)?;
    let mut buffered = BufWriter::new(file);
    contents(&mut buffered)?;
    buffered
        .into_inner()
        .map_err(|e| e.into_error())?
        .sync_all()
}

fn reason(error: &std::io::Error) -> String {
    match error.kind() {
        ErrorKind::PermissionDenied => "permission denied".to_owned(),
        ErrorKind::NotFound => "the directory does not exist".to_owned(),
        ErrorKind::AlreadyExists => "a temporary file of the same name is in the way".to_owned(),
        _ => error.to_string(),
    }
}
