//! What `readiness` reads through the `git` command: a file at one revision
//! (a baseline), and the commits that changed a file (following renames)
//! with its text at each of them, read in one `git cat-file --batch`
//! process rather than one process per version.

use crate::date::Date;
use crate::error::Error;
use std::fmt::Write as _;
use std::io::{BufRead, BufReader, Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

/// One commit that changed the file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Revision {
    /// The full commit id.
    pub commit: String,
    /// The committer's date.
    pub date: Date,
    /// The commit's subject line.
    pub subject: String,
    /// The file's path at that commit, from the repository's root.
    pub path: String,
}

/// The directory git runs in for `file`, and the file's name there.
fn place(file: &Path) -> (PathBuf, String) {
    let directory = match file.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let name = file
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    (directory, name)
}

fn git(directory: &Path) -> Command {
    let mut command = Command::new("git");
    command.current_dir(directory);
    command
}

/// A git failure as one line naming `shown`.
fn failed(shown: &str, what: &str, stderr: &[u8]) -> Error {
    let why = String::from_utf8_lossy(stderr);
    let why = why
        .lines()
        .next()
        .unwrap_or("git failed")
        .trim_start_matches("fatal: ")
        .to_owned();
    Error::Refused(format!("{shown}: {what}: {why}"))
}

fn cannot_run(shown: &str, error: &std::io::Error) -> Error {
    Error::Refused(format!("{shown}: the git command cannot be run: {error}"))
}

/// The bytes of `file` as it was at `revision`.
pub fn show(file: &Path, shown: &str, revision: &str) -> Result<Vec<u8>, Error> {
    let (directory, name) = place(file);
    // `REV:./name` is the file at REV, relative to the directory git runs in.
    let output = git(&directory)
        .arg("show")
        .arg(format!("{revision}:./{name}"))
        .output()
        .map_err(|e| cannot_run(shown, &e))?;
    if !output.status.success() {
        return Err(failed(
            shown,
            &format!("cannot be read at git revision {revision}"),
            &output.stderr,
        ));
    }
    Ok(output.stdout)
}

/// The commits that changed `file`, newest first, following renames; a
/// commit that deleted it is left out (there is nothing to assess).
pub fn revisions(file: &Path, shown: &str) -> Result<Vec<Revision>, Error> {
    let (directory, name) = place(file);
    let output = git(&directory)
        .args([
            "log",
            "--follow",
            "--diff-filter=d",
            "-z",
            "--format=%x1e%H%x1f%cs%x1f%s",
            "--name-only",
            "--",
            &name,
        ])
        .output()
        .map_err(|e| cannot_run(shown, &e))?;
    if !output.status.success() {
        return Err(failed(shown, "its history cannot be read", &output.stderr));
    }
    let text = String::from_utf8_lossy(&output.stdout);
    Ok(text.split('\u{1e}').filter_map(parse_record).collect())
}

/// `HASH␟DATE␟SUBJECT\0\nPATH\0`, as `git log -z` writes one commit.
fn parse_record(record: &str) -> Option<Revision> {
    let (header, rest) = record.split_once('\0')?;
    let mut fields = header.splitn(3, '\u{1f}');
    let commit = fields.next()?.to_owned();
    let date = Date::parse(fields.next()?)?;
    let subject = fields.next().unwrap_or_default().to_owned();
    let path = rest.trim_start_matches('\n').split('\0').next()?.to_owned();
    (!commit.is_empty() && !path.is_empty()).then_some(Revision {
        commit,
        date,
        subject,
        path,
    })
}

/// The file at one revision, as git gave it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Blob {
    Bytes(Vec<u8>),
    /// Larger than a questionnaire may be; its bytes were skipped.
    TooLarge,
    /// Git has no such file (a path git cannot name on one line).
    Missing,
}

/// The file's bytes at each revision, in order.
pub fn contents(file: &Path, shown: &str, revisions: &[Revision]) -> Result<Vec<Blob>, Error> {
    let (directory, _) = place(file);
    let mut child = git(&directory)
        .args(["cat-file", "--batch"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| cannot_run(shown, &e))?;
    let mut requests = String::new();
    for r in revisions {
        let _ = writeln!(requests, "{}:{}", r.commit, r.path.replace('\n', " "));
    }
    let mut stdin = child
        .stdin
        .take()
        .ok_or_else(|| Error::Refused(format!("{shown}: cannot write to git cat-file")))?;
    // Written from another thread: git answers as it reads, and a full pipe
    // on either side would otherwise stop both.
    let writer = std::thread::spawn(move || stdin.write_all(requests.as_bytes()));
    let mut out = BufReader::new(
        child
            .stdout
            .take()
            .ok_or_else(|| Error::Refused(format!("{shown}: cannot read from git cat-file")))?,
    );
    let mut texts = Vec::with_capacity(revisions.len());
    let broken = |e: std::io::Error| Error::Refused(format!("{shown}: git cat-file stopped: {e}"));
    for _ in revisions {
        let mut header = String::new();
        out.read_line(&mut header).map_err(broken)?;
        // `<id> blob <size>`, or `<request> missing`.
        let size = header.trim_end().strip_suffix(" missing").map_or_else(
            || {
                header
                    .rsplit(' ')
                    .next()
                    .and_then(|s| s.trim().parse::<u64>().ok())
            },
            |_| None,
        );
        let Some(size) = size else {
            texts.push(Blob::Missing);
            continue;
        };
        if size > crate::load::source::MAX_BYTES {
            std::io::copy(&mut (&mut out).take(size), &mut std::io::sink()).map_err(broken)?;
            texts.push(Blob::TooLarge);
        } else {
            // At most MAX_BYTES, which fits in memory and in usize.
            let mut text = vec![0; usize::try_from(size).unwrap_or_default()];
            out.read_exact(&mut text).map_err(broken)?;
            texts.push(Blob::Bytes(text));
        }
        let mut newline = [0; 1];
        out.read_exact(&mut newline).map_err(broken)?;
    }
    let _ = writer.join();
    let status = child.wait().map_err(|e| cannot_run(shown, &e))?;
    if !status.success() {
        let mut stderr = Vec::new();
        if let Some(mut e) = child.stderr.take() {
            let _ = e.read_to_end(&mut stderr);
        }
        return Err(failed(shown, "its versions cannot be read", &stderr));
    }
    Ok(texts)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_record_of_git_log() {
        let record = "0123abcd\u{1f}2026-08-20\u{1f}Northwind: both pilots live\0\nteam/org.yaml\0";
        let revision = parse_record(record).expect("a revision");
        assert_eq!(revision.commit, "0123abcd");
        assert_eq!(revision.date, Date::parse("2026-08-20").expect("a date"));
        assert_eq!(revision.subject, "Northwind: both pilots live");
        assert_eq!(revision.path, "team/org.yaml");
        assert_eq!(parse_record(""), None);
        assert_eq!(
            parse_record("0123\u{1f}not a date\u{1f}x\0\na.yaml\0"),
            None
        );
    }
}
