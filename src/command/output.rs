//! Writes a report where `-o` says, as `>` would but never half-written:
//! a regular file (new or existing) is written into a temporary file in the
//! same directory, with a random name created exclusively, then renamed into
//! place, keeping the old file's permissions; anything else that exists (a
//! device, a FIFO, a terminal) is written in place, since renaming over it
//! would replace it. A read-only file is refused, as `>` refuses it. A
//! temporary file is removed on every path that does not persist it, and on
//! SIGINT, SIGTERM and SIGHUP too (see [`interrupt`]); only a panic, a bug,
//! which aborts the installed (`dist`) build at once, leaves it behind.
//! Also appends the job summary for GitHub Actions.

use crate::command::interrupt::{self, Pending};
use crate::error::{Error, WriteProblem};
#[cfg(unix)]
use std::fs::Permissions;
use std::fs::{self, OpenOptions};
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
    write_or_say_why(path, replace, contents).map_err(Error::Write)
}

fn write_or_say_why(
    path: &Path,
    replace: Replace,
    contents: impl FnOnce(&mut dyn Write) -> std::io::Result<()>,
) -> Result<(), WriteProblem> {
    let shown = crate::diagnostic::shown_path(path);
    let cannot = |source: std::io::Error| WriteProblem::CannotWrite {
        path: shown.clone(),
        source: source.into(),
    };
    match fs::metadata(path) {
        Ok(found) if found.is_dir() => {
            return Err(WriteProblem::IsADirectory {
                path: shown.clone(),
            })
        }
        Ok(_) if replace == Replace::Refused => {
            return Err(WriteProblem::AlreadyExists {
                path: shown.clone(),
            })
        }
        // A device, a FIFO or a terminal: written in place, never replaced.
        Ok(found) if !found.is_file() => {
            let file = OpenOptions::new().write(true).open(path).map_err(cannot)?;
            let mut buffered = BufWriter::new(file);
            return contents(&mut buffered)
                .and_then(|()| buffered.flush())
                .map_err(cannot);
        }
        // A regular file: refused where `>` would be refused.
        Ok(_) => {
            OpenOptions::new().write(true).open(path).map_err(cannot)?;
        }
        Err(e) if e.kind() == ErrorKind::NotFound => {}
        Err(e) => return Err(cannot(e)),
    }
    // Through a symbolic link, the file it points to is the one replaced,
    // or made, as `>` makes it.
    let target = followed(path);
    if target.file_name().is_none() {
        return Err(WriteProblem::NotAFileName {
            path: shown.clone(),
        });
    }
    let directory = match target.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    if !directory.is_dir() {
        return Err(WriteProblem::NoDirectory {
            path: shown.clone(),
            directory: crate::diagnostic::shown_path(&directory),
        });
    }
    let mut builder = tempfile::Builder::new();
    builder.prefix(".readiness");
    #[cfg(unix)]
    builder.permissions(permissions_for(&target));
    let written = fill(Lazy::new(&builder, &directory), contents).map_err(cannot)?;
    // Not renamed into place if the run was interrupted while it was written.
    interrupt::stop_if_interrupted();
    let Written { file, pending } = written;
    let persisted = match replace {
        Replace::Allowed => file.persist(&target),
        Replace::Refused => file.persist_noclobber(&target),
    };
    // A failed persist gives the temporary file back; dropped here, it is
    // removed, before the guard below stops caring for it.
    let result = persisted.map(drop).map_err(|e| match e.error.kind() {
        ErrorKind::AlreadyExists => WriteProblem::AlreadyExists {
            path: shown.clone(),
        },
        _ => cannot(e.error),
    });
    drop(pending);
    result
}

/// The file `path` names, through any symbolic links: the link itself is
/// never replaced. A link to a file not made yet leads to that file's
/// place, made there as `>` would make it. (A loop of links fails earlier,
/// when the path's metadata is read.)
fn followed(path: &Path) -> PathBuf {
    if let Ok(found) = fs::canonicalize(path) {
        return found;
    }
    let mut current = path.to_path_buf();
    // As many links as Linux follows before it gives up.
    for _ in 0..40 {
        let Ok(target) = fs::read_link(&current) else {
            break;
        };
        current = match current.parent() {
            Some(directory) => directory.join(target),
            None => target,
        };
    }
    current
}

/// GitHub's limit on one step's job summary.
pub const SUMMARY_LIMIT: usize = 1024 * 1024;

/// Appends the job summary to `path`, never truncating what earlier steps
/// wrote, and never waiting: a target that is not a regular file, or that
/// cannot be opened at once, is refused. A summary over GitHub's limit is cut
/// at a line, with a line saying what was left out.
pub fn append_summary(path: &Path, summary: &str) -> Result<(), Error> {
    let shown = crate::diagnostic::shown_path(path);
    let refused = |source: std::io::Error| -> Error {
        WriteProblem::SummaryNotWritten {
            path: shown.clone(),
            source: source.into(),
        }
        .into()
    };
    match fs::symlink_metadata(path).and_then(|_| fs::metadata(path)) {
        Ok(found) if !found.is_file() => {
            return Err(WriteProblem::SummaryNotAFile {
                path: shown.clone(),
            }
            .into());
        }
        Ok(_) => {}
        Err(e) if e.kind() == ErrorKind::NotFound => {}
        Err(e) => return Err(refused(e)),
    }
    let mut options = OpenOptions::new();
    options.append(true).create(true);
    #[cfg(unix)]
    {
        // Never block on a file that turned into a FIFO since it was looked at.
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(NONBLOCK);
    }
    let text = capped(summary);
    options
        .open(path)
        .and_then(|mut file| {
            // What an earlier step wrote may end mid-line, or in a table
            // that would take this summary's first line as its next row.
            let gap = separation(&file);
            file.write_all(gap.as_bytes())?;
            file.write_all(text.as_bytes())
        })
        .map_err(refused)
}

/// The line breaks that put a blank line between what `file` (open to
/// append) holds and what is appended to it: none for an empty file. Its
/// last bytes are read through a second opening, for reading; a file that
/// cannot be read is set apart by a blank line whatever it ends with.
fn separation(file: &fs::File) -> &'static str {
    let len = file.metadata().map_or(1, |m| m.len());
    if len == 0 {
        return "";
    }
    let last = last_bytes(file, len).unwrap_or_default();
    match last.as_slice() {
        [.., b'\n', b'\n'] | [b'\n'] => "",
        [.., b'\n'] => "\n",
        _ => "\n\n",
    }
}

/// The last two bytes (at most) of a file `len` bytes long.
#[cfg(unix)]
fn last_bytes(file: &fs::File, len: u64) -> std::io::Result<Vec<u8>> {
    use std::os::unix::fs::FileExt;
    let back = len.min(2);
    let mut last = vec![0; usize::try_from(back).unwrap_or(2)];
    // `/dev/fd/N` reopens the appending file for reading, with the
    // reader's own permission, and never follows a name that changed.
    let reader = fs::File::open(format!("/dev/fd/{}", std::os::fd::AsRawFd::as_raw_fd(file)))?;
    reader.read_exact_at(&mut last, len - back)?;
    Ok(last)
}

#[cfg(not(unix))]
fn last_bytes(_file: &fs::File, _len: u64) -> std::io::Result<Vec<u8>> {
    Ok(Vec::new())
}

/// `O_NONBLOCK` on Linux and the BSDs.
#[cfg(unix)]
const NONBLOCK: i32 = if cfg!(target_os = "linux") {
    0o4000
} else {
    0x0004
};

/// The summary within GitHub's limit, cut at a line with a note of what was cut.
fn capped(summary: &str) -> std::borrow::Cow<'_, str> {
    if summary.len() <= SUMMARY_LIMIT {
        return summary.into();
    }
    // The cut is made at a line, found before a character boundary: a byte
    // index inside a multi-byte character cannot slice a `str`.
    let mut room = SUMMARY_LIMIT - 200;
    while !summary.is_char_boundary(room) {
        room -= 1;
    }
    let cut = summary[..room].rfind('\n').map_or(0, |at| at + 1);
    let left_out = summary.len() - cut;
    format!(
        "{}\n> The report was cut here to fit GitHub's 1 MiB limit for a job summary: {left_out} bytes were left out. The full report is in the job's output.\n",
        &summary[..cut]
    )
    .into()
}

/// The permissions the report is created with: those of the file it replaces,
/// else what a new file gets (read and write for all, less the umask, which
/// the operating system applies), rather than tempfile's private default.
#[cfg(unix)]
fn permissions_for(path: &Path) -> Permissions {
    use std::os::unix::fs::PermissionsExt;
    match fs::metadata(path) {
        Ok(existing) if existing.is_file() => existing.permissions(),
        _ => Permissions::from_mode(0o666),
    }
}

/// Writes `contents` into a temporary file and syncs it to disk.
fn fill(
    lazy: Lazy<'_>,
    contents: impl FnOnce(&mut dyn Write) -> std::io::Result<()>,
) -> std::io::Result<Written> {
    let mut buffered = BufWriter::new(lazy);
    contents(&mut buffered)?;
    let written = buffered
        .into_inner()
        .map_err(std::io::IntoInnerError::into_error)?
        .into_written()?;
    written.file.as_file().sync_all()?;
    Ok(written)
}

/// The temporary file a report is written into, made at the report's first
/// write: until then nothing is being written, so a signal stops the run at
/// once, however long the report takes to render (a portfolio's HTML takes
/// seconds). Every write looks for a signal first.
struct Lazy<'a> {
    builder: &'a tempfile::Builder<'a, 'a>,
    directory: &'a Path,
    written: Option<Written>,
}

/// A temporary file, and the guard that removes it if the run is
/// interrupted; the file is dropped first.
struct Written {
    file: NamedTempFile,
    pending: Pending,
}

impl<'a> Lazy<'a> {
    fn new(builder: &'a tempfile::Builder<'a, 'a>, directory: &'a Path) -> Lazy<'a> {
        Lazy {
            builder,
            directory,
            written: None,
        }
    }

    /// The temporary file, made now if nothing was written yet.
    fn file(&mut self) -> std::io::Result<&mut NamedTempFile> {
        let written = match self.written.take() {
            Some(written) => written,
            None => self.make()?,
        };
        Ok(&mut self.written.insert(written).file)
    }

    /// The temporary file with everything written, made now if nothing was.
    fn into_written(mut self) -> std::io::Result<Written> {
        match self.written.take() {
            Some(written) => Ok(written),
            None => self.make(),
        }
    }

    fn make(&self) -> std::io::Result<Written> {
        // From before the file exists, a signal waits for the writer.
        let mut pending = Pending::begin();
        let file = self.builder.tempfile_in(self.directory)?;
        pending.track(file.path());
        Ok(Written { file, pending })
    }
}

impl Write for Lazy<'_> {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        interrupt::stop_if_interrupted();
        self.file()?.write(bytes)
    }

    fn flush(&mut self) -> std::io::Result<()> {
        interrupt::stop_if_interrupted();
        match &mut self.written {
            Some(written) => written.file.flush(),
            None => Ok(()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entries(directory: &Path) -> Vec<String> {
        let mut names: Vec<String> = fs::read_dir(directory)
            .expect("the directory")
            .map(|e| {
                e.expect("an entry")
                    .file_name()
                    .to_string_lossy()
                    .into_owned()
            })
            .collect();
        names.sort();
        names
    }

    // While the report renders, no file is being written: a signal then
    // stops the run at once, and no temporary file exists to be left.
    // From the first write until the rename, a signal waits for the writer.
    #[test]
    fn the_temporary_file_is_made_at_the_first_write_and_guarded_until_the_rename() {
        let _alone = interrupt::one_test_at_a_time();
        let directory = tempfile::tempdir().expect("a directory");
        let path = directory.path().join("report.json");
        write_whole(&path, Replace::Allowed, |out| {
            assert!(entries(directory.path()).is_empty());
            assert!(interrupt::stops_at_once());
            out.write_all(b"{}\n")?;
            out.flush()?;
            let made = entries(directory.path());
            assert!(
                made.len() == 1 && made[0].starts_with(".readiness"),
                "{made:?}"
            );
            assert!(!interrupt::stops_at_once());
            Ok(())
        })
        .expect("written");
        assert_eq!(entries(directory.path()), ["report.json"]);
        assert_eq!(fs::read_to_string(&path).expect("the report"), "{}\n");
        assert!(interrupt::stops_at_once());
    }

    // A report that writes nothing is still written: an empty file.
    #[test]
    fn a_report_of_nothing_is_an_empty_file() {
        let _alone = interrupt::one_test_at_a_time();
        let directory = tempfile::tempdir().expect("a directory");
        let path = directory.path().join("empty.txt");
        write_whole(&path, Replace::Allowed, |_| Ok(())).expect("written");
        assert_eq!(entries(directory.path()), ["empty.txt"]);
        assert_eq!(fs::read(&path).expect("the report"), b"");
        assert!(interrupt::stops_at_once());
    }

    // A report that fails before it writes anything leaves nothing behind.
    #[test]
    fn a_report_that_fails_before_writing_leaves_nothing() {
        let _alone = interrupt::one_test_at_a_time();
        let directory = tempfile::tempdir().expect("a directory");
        let path = directory.path().join("report.json");
        let failed = write_whole(&path, Replace::Allowed, |_| {
            Err(std::io::Error::other("the report could not be rendered"))
        });
        assert!(failed.is_err());
        assert!(entries(directory.path()).is_empty());
        assert!(interrupt::stops_at_once());
    }

    #[test]
    fn a_summary_over_the_limit_is_cut_at_a_line() {
        let line = "x".repeat(99) + "\n";
        let summary = line.repeat(20_000);
        let cut = capped(&summary);
        assert!(cut.len() <= SUMMARY_LIMIT);
        assert!(cut.contains("bytes were left out"));
        let kept = cut
            .split("\n> The report was cut")
            .next()
            .unwrap_or_default();
        assert!(kept.ends_with('\n') && kept.lines().all(|l| l.len() == 99));
        assert_eq!(capped("short\n"), "short\n");
    }
}
