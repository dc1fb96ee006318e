//! What `readiness` reads through the `git` command: a file at one revision
//! (a baseline), and the commits that changed a file (following renames)
//! with its text at each of them, read in one `git cat-file --batch`
//! process rather than one process per version.
//!
//! Every revision, path and commit subject is data: a revision is checked
//! to name a commit before anything else sees it (one starting with `-` is
//! refused, and `--end-of-options` ends git's options), paths are literal
//! (never pathspec magic), git's output is read with NUL separators and
//! fixed fields, and git runs with a fixed set of settings so that a
//! repository's configuration cannot make a read run a program.

use crate::date::Date;
use crate::diagnostic::escaped;
use crate::error::{Error, GitProblem};
use std::io::{BufRead, BufReader, Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

/// One commit that changed the file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Revision {
    /// The full commit id.
    pub commit: String,
    /// The committer's date; `None` when git gives one this tool cannot
    /// read (after the year 9999): the version is kept, its date said so.
    pub date: Option<Date>,
    /// The date as git gave it.
    pub date_text: String,
    /// The commit's subject line.
    pub subject: String,
    /// The file's path at that commit, from the repository's root.
    pub path: String,
    /// The path before, where this commit renamed the file.
    pub renamed_from: Option<String>,
    /// The id of the file's blob at that commit.
    blob: String,
    /// What the path is at that commit when it is not a file: a
    /// symbolic link (whose blob holds the name it points to) or a
    /// submodule (whose id is a commit of another repository).
    not_a_file: Option<&'static str>,
}

/// What a path is, by its mode in a tree, when it is not a file.
fn not_a_file_by_mode(mode: &str) -> Option<&'static str> {
    match mode {
        "120000" => Some("a symbolic link"),
        "160000" => Some("a submodule"),
        "040000" => Some("a directory"),
        _ => None,
    }
}

/// The directory git runs in for `file`, and the file's path from there:
/// the nearest of its directories that is there now, so that a file whose
/// directory was removed since (read at an older revision, or followed
/// back through the history) is still found at the revision that has it.
///
/// A path that is not UTF-8, or holds a control character, is refused:
/// git's answers about it (its log, its objects, its messages) would name
/// another file or break across lines, and a wrong "not found" is worse
/// than a plain refusal.
fn place(file: &Path, shown: &str) -> Result<(PathBuf, String), Error> {
    // A questionnaire reached through a symbolic link is read through it
    // by every other command: its history is the file it points to, not
    // the link's own (whose versions hold only the name it points to).
    let resolved = file
        .symlink_metadata()
        .is_ok_and(|m| m.file_type().is_symlink())
        .then(|| std::fs::canonicalize(file).ok())
        .flatten();
    let file = resolved.as_deref().unwrap_or(file);
    let Some(text) = file.to_str() else {
        return Err(GitProblem::NotUtf8 {
            file: shown.to_owned(),
        }
        .into());
    };
    // git quotes such a name its own way in what it says, over lines.
    if let Some(c) = text.chars().find(|c| c.is_control()) {
        return Err(GitProblem::ControlInName {
            file: shown.to_owned(),
            code: u32::from(c),
        }
        .into());
    }
    // Git keeps no versions of what lies in a `.git` directory; asked from
    // inside one, it would answer about the files at the repository's root.
    if file.components().any(|part| part.as_os_str() == ".git") {
        return Err(GitProblem::InGitDirectory {
            file: shown.to_owned(),
        }
        .into());
    }
    let directory = super::tree::nearest_directory(file);
    // What lies past it, as written (`..` too), or the whole path where the
    // nearest directory is the working one.
    let rest = file.strip_prefix(directory).unwrap_or(file);
    let parts: Vec<_> = rest.iter().map(|part| part.to_string_lossy()).collect();
    Ok((directory.to_path_buf(), parts.join("/")))
}

/// Variables that point git at another repository, work tree or index
/// than the one holding the file (a hook's `GIT_DIR` without its
/// `GIT_WORK_TREE` would read the root's file under a subdirectory's name),
/// or that add settings. They are cleared: the repository is always the one
/// found from the file's own directory.
const CLEARED: &[&str] = &[
    "GIT_DIR",
    "GIT_WORK_TREE",
    "GIT_INDEX_FILE",
    "GIT_COMMON_DIR",
    "GIT_PREFIX",
    "GIT_NAMESPACE",
    "GIT_OBJECT_DIRECTORY",
    "GIT_ALTERNATE_OBJECT_DIRECTORIES",
    "GIT_CONFIG_PARAMETERS",
    "GIT_CONFIG_COUNT",
    "GIT_EXTERNAL_DIFF",
    "GIT_PAGER",
];

/// Settings that would let a repository's configuration run a program
/// during a read (a pager, a file-system monitor, a signature check, a
/// text conversion or an external diff), find copies where only renames
/// are followed, or change what the log lists (a first commit without its
/// changes, paths relative to a subdirectory), each fixed for every call.
const SETTINGS: &[&str] = &[
    "core.pager=cat",
    "core.fsmonitor=false",
    "log.showSignature=false",
    "log.showRoot=true",
    "diff.relative=false",
    "diff.external=",
    "diff.renames=true",
    "core.quotePath=false",
];

fn git(directory: &Path) -> Command {
    let mut command = Command::new("git");
    command.current_dir(directory);
    for name in CLEARED {
        command.env_remove(name);
    }
    // Paths given to git are file names, never pathspec magic (`:(top)x`,
    // `org[1].yaml`).
    command.env("GIT_LITERAL_PATHSPECS", "1");
    command.env("GIT_TERMINAL_PROMPT", "0");
    command.arg("--no-pager");
    for setting in SETTINGS {
        command.args(["-c", setting]);
    }
    command
}

/// Git's own message, its first line, made safe to print.
fn why(stderr: &[u8]) -> String {
    let text = String::from_utf8_lossy(stderr);
    let line = text
        .lines()
        .find(|l| !l.trim().is_empty())
        .unwrap_or("git failed without saying why");
    let line = line
        .trim_start_matches("fatal: ")
        .trim_start_matches("error: ")
        .trim_start_matches("warning: ");
    escaped(line).into_owned()
}

/// A git failure as one line naming `shown`.
fn failed(shown: &str, what: &str, stderr: &[u8]) -> Error {
    GitProblem::Failed {
        file: shown.to_owned(),
        what: what.to_owned(),
        why: why(stderr),
    }
    .into()
}

/// Git stopped answering, without a word of why.
fn stopped(shown: &str, what: &str) -> Error {
    GitProblem::Stopped {
        file: shown.to_owned(),
        what: what.to_owned(),
    }
    .into()
}

fn cannot_run(shown: &str, error: std::io::Error) -> Error {
    GitProblem::CannotRun {
        file: shown.to_owned(),
        source: error.into(),
    }
    .into()
}

fn output(command: &mut Command, shown: &str) -> Result<Output, Error> {
    command
        .stdin(Stdio::null())
        .output()
        .map_err(|e| cannot_run(shown, e))
}

/// Whether the repository holding `directory` is a shallow clone: its
/// history stops at a boundary, and older commits are not there.
pub fn is_shallow(directory: &Path) -> bool {
    git(directory)
        .args(["rev-parse", "--is-shallow-repository"])
        .stdin(Stdio::null())
        .output()
        .is_ok_and(|o| o.status.success() && o.stdout.starts_with(b"true"))
}

/// The commit `revision` names, as its full id. A revision that starts with
/// `-` is refused before git sees it, and git is told where its options end.
fn commit_of(directory: &Path, shown: &str, revision: &str) -> Result<String, Error> {
    let revision_shown = escaped(revision);
    if revision.is_empty() {
        return Err(GitProblem::NoRevision {
            file: shown.to_owned(),
        }
        .into());
    }
    if revision.starts_with('-') {
        return Err(GitProblem::OptionLike {
            file: shown.to_owned(),
            revision: revision_shown.into_owned(),
        }
        .into());
    }
    let found = output(
        git(directory).args([
            "rev-parse",
            "--verify",
            "--quiet",
            "--end-of-options",
            &format!("{revision}^{{commit}}"),
        ]),
        shown,
    )?;
    // One commit's id: `^HEAD` is a range's negative end, which git
    // verifies as `^<id>`, not a commit to read.
    let id = String::from_utf8_lossy(&found.stdout).trim().to_owned();
    if found.status.success() && !id.is_empty() && id.bytes().all(|b| b.is_ascii_hexdigit()) {
        if revision.contains("@{") {
            refuse_approximate(directory, shown, revision)?;
        }
        return Ok(id);
    }
    if found.status.success() {
        return Err(GitProblem::NoSuchCommit {
            file: shown.to_owned(),
            revision: revision_shown.into_owned(),
        }
        .into());
    }
    if is_shallow(directory) {
        return Err(GitProblem::Shallow {
            file: shown.to_owned(),
            revision: revision_shown.into_owned(),
        }
        .into());
    }
    // A revision that names a tree or a file (`HEAD^{tree}`) names no
    // commit either, though git says so in words about its own syntax.
    let names_an_object = output(
        git(directory).args([
            "rev-parse",
            "--verify",
            "--quiet",
            "--end-of-options",
            revision,
        ]),
        shown,
    )?
    .status
    .success();
    // `--quiet` silences only an unknown revision; anything else (no
    // repository at all) is said in git's words.
    if !names_an_object && !found.stderr.iter().all(u8::is_ascii_whitespace) {
        return Err(failed(
            shown,
            &format!("cannot be read at git revision {revision_shown}"),
            &found.stderr,
        ));
    }
    // Asked again without `--quiet`, git may know why (`@{u}` with no
    // upstream); its bare "Needed a single revision" adds nothing.
    let asked = verify_aloud(directory, shown, revision)?;
    let reason = why(&asked.stderr);
    if names_an_object
        || reason == "Needed a single revision"
        || asked.stderr.trim_ascii().is_empty()
    {
        return Err(GitProblem::NoSuchCommit {
            file: shown.to_owned(),
            revision: revision_shown.into_owned(),
        }
        .into());
    }
    Err(failed(
        shown,
        &format!("git revision {revision_shown} names no commit"),
        &asked.stderr,
    ))
}

/// A revision read from the reflog (`main@{1.week.ago}`) that reaches past
/// its first entry is taken by git as that entry, with a warning that
/// `--quiet` silences: in a fresh clone, whose reflog starts at the clone,
/// "a week ago" would be now, and a comparison with it would see nothing
/// move. Asked again without `--quiet`, any warning refuses it.
fn refuse_approximate(directory: &Path, shown: &str, revision: &str) -> Result<(), Error> {
    let asked = verify_aloud(directory, shown, revision)?;
    if asked.stderr.iter().all(u8::is_ascii_whitespace) {
        return Ok(());
    }
    Err(GitProblem::Approximate {
        file: shown.to_owned(),
        revision: escaped(revision).into_owned(),
        why: why(&asked.stderr),
    }
    .into())
}

/// `revision` verified as a commit without `--quiet`, for what git says of
/// it besides the id: a warning, or why it names none.
fn verify_aloud(directory: &Path, shown: &str, revision: &str) -> Result<Output, Error> {
    output(
        git(directory).args([
            "rev-parse",
            "--verify",
            "--end-of-options",
            &format!("{revision}^{{commit}}"),
        ]),
        shown,
    )
}

/// The bytes of `file` as it was at `revision`. Its size is asked first: a
/// file larger than a questionnaire may be is refused unread.
pub fn show(file: &Path, shown: &str, revision: &str) -> Result<Vec<u8>, Error> {
    let (directory, name) = place(file, shown)?;
    let commit = commit_of(&directory, shown, revision)?;
    let revision_shown = escaped(revision);
    // The file's path from the repository's root, computed in its own
    // directory.
    let prefix = output(git(&directory).args(["rev-parse", "--show-prefix"]), shown)?;
    if !prefix.status.success() {
        return Err(failed(shown, "is not in a git repository", &prefix.stderr));
    }
    let prefix = String::from_utf8_lossy(&prefix.stdout);
    let in_tree = format!("{}{name}", prefix.trim_end_matches('\n'));
    // What the path is, by its mode, before anything is read: a symbolic
    // link is a blob holding the name it points to, and a submodule's id
    // names a commit of another repository, which this one does not hold.
    if let Some(what) = not_a_file_at(&directory, shown, &commit, &in_tree) {
        return Err(GitProblem::NotAFile {
            file: shown.to_owned(),
            revision: revision_shown.into_owned(),
            what,
        }
        .into());
    }
    let object = format!("{commit}:{in_tree}");
    let size = output(git(&directory).args(["cat-file", "-s", &object]), shown)?;
    if !size.status.success() {
        return Err(failed(
            shown,
            &format!("cannot be read at git revision {revision_shown}"),
            &size.stderr,
        ));
    }
    let size: u64 = String::from_utf8_lossy(&size.stdout)
        .trim()
        .parse()
        .map_err(|_| GitProblem::NoSize {
            file: shown.to_owned(),
            revision: revision_shown.to_string(),
        })?;
    if size > crate::load::source::MAX_BYTES {
        return Err(GitProblem::TooLarge {
            file: shown.to_owned(),
            revision: revision_shown.into_owned(),
        }
        .into());
    }
    let bytes = output(git(&directory).args(["cat-file", "blob", &object]), shown)?;
    if !bytes.status.success() {
        return Err(failed(
            shown,
            &format!("cannot be read at git revision {revision_shown}"),
            &bytes.stderr,
        ));
    }
    Ok(bytes.stdout)
}

/// What the path `in_tree` (from the repository's root) is at `commit`
/// by its mode, when it is not a file; `None` for a file, or when git
/// cannot say (the reads that follow then say why).
fn not_a_file_at(
    directory: &Path,
    shown: &str,
    commit: &str,
    in_tree: &str,
) -> Option<&'static str> {
    let listed = output(
        git(directory).args(["ls-tree", "-z", "--full-tree", commit, "--", in_tree]),
        shown,
    )
    .ok()
    .filter(|listed| listed.status.success())?;
    // `<mode> <type> <id>\t<path>\0`
    let mode = listed.stdout.split(|&b| b == b' ').next()?;
    not_a_file_by_mode(std::str::from_utf8(mode).ok()?)
}

/// The commits that changed `file`, newest first, following renames (never
/// copies); a commit that deleted it is left out (there is nothing to
/// assess).
pub fn revisions(file: &Path, shown: &str) -> Result<Log, Error> {
    let (directory, name) = place(file, shown)?;
    let output = output(
        git(&directory).args([
            "log",
            "--follow",
            "--no-show-signature",
            "--no-textconv",
            "--no-ext-diff",
            "--diff-filter=d",
            "-z",
            "--no-abbrev",
            "--format=%H%x00%cs%x00%s",
            "--raw",
            "--",
            &name,
        ]),
        shown,
    )?;
    if !output.status.success() {
        return Err(failed(shown, "its history cannot be read", &output.stderr));
    }
    // Whether the clone is shallow, and the file's path from the
    // repository's root as the log names it, asked where the log ran: in
    // one call, a line each.
    let asked = self::output(
        git(&directory).args(["rev-parse", "--is-shallow-repository", "--show-prefix"]),
        shown,
    )?;
    let answers = String::from_utf8_lossy(&asked.stdout);
    let mut lines = answers.lines();
    let shallow = asked.status.success() && lines.next() == Some("true");
    let in_tree = asked
        .status
        .success()
        .then(|| format!("{}{name}", lines.next().unwrap_or_default()));
    let revisions =
        parse_log(&output.stdout, in_tree).ok_or_else(|| GitProblem::UnreadableLog {
            file: shown.to_owned(),
        })?;
    Ok(Log { revisions, shallow })
}

/// The commits that changed a file, and whether the clone they were read
/// from is shallow (its history cut at the clone's boundary).
#[derive(Debug)]
pub struct Log {
    pub revisions: Vec<Revision>,
    pub shallow: bool,
}

/// `git log -z --format=%H%x00%cs%x00%s --raw`: for each commit its id,
/// date and subject, then its raw changes, each `:MODES IDS STATUS` and one
/// path (two for a rename or copy), every field ended by NUL. Fields are
/// taken by position, so no subject or path can start a record of its own.
///
/// `path` is the file's path from the repository's root, followed back
/// through its renames: a commit where a directory stood at that path lists
/// the files inside it, which are other files (another organization's
/// questionnaire, perhaps), and is a version that is not a file.
fn parse_log(bytes: &[u8], mut path: Option<String>) -> Option<Vec<Revision>> {
    let text = |field: &[u8]| String::from_utf8_lossy(field).into_owned();
    let mut fields = bytes.split(|&b| b == 0).peekable();
    let mut revisions = Vec::new();
    while let Some(commit) = fields.next() {
        if commit.is_empty() && fields.peek().is_none() {
            break;
        }
        if commit.is_empty() || !commit.iter().all(u8::is_ascii_hexdigit) {
            return None;
        }
        let commit = text(commit);
        let date_text = text(fields.next()?);
        // A subject is shown, never read: as every outside text is shown,
        // on one line, escaped, with bytes that are not UTF-8 as `\xNN`.
        let subject = crate::diagnostic::shown_bytes(fields.next()?);
        let mut changes = Vec::new();
        // Each raw change starts a line of its own: its field starts with
        // the line break `--raw` writes after the subject, then `:`.
        let is_change = |f: &&[u8]| {
            let breaks = f.iter().take_while(|&&b| b == b'\n').count();
            f[breaks..].starts_with(b":")
        };
        while let Some(raw) = fields.next_if(is_change) {
            let raw = text(raw);
            let raw = raw.trim_start_matches('\n');
            // `:old-mode new-mode old-id new-id STATUS`
            let parts: Vec<&str> = raw.split(' ').collect();
            let not_a_file = not_a_file_by_mode(parts.get(1)?);
            let blob = (*parts.get(3)?).to_owned();
            let status = parts.get(4)?;
            let first = text(fields.next()?);
            let (new_path, renamed_from, copied) = if status.starts_with('R') {
                (text(fields.next()?), Some(first), false)
            } else if status.starts_with('C') {
                // A copy is where this file began: what came before is the
                // history of the file it was copied from, another file.
                (text(fields.next()?), None, true)
            } else {
                (first, None, false)
            };
            changes.push(Change {
                blob,
                path: new_path,
                renamed_from,
                not_a_file,
                copied,
            });
        }
        let the_file = path
            .as_deref()
            .and_then(|path| changes.iter().position(|c| c.path == path));
        let change = match (the_file, path.as_deref()) {
            (Some(at), _) => Some(changes.swap_remove(at)),
            (None, Some(path)) if changes.iter().any(|c| c.is_inside(path)) => Some(Change {
                blob: String::new(),
                path: path.to_owned(),
                renamed_from: None,
                not_a_file: Some("a directory"),
                copied: false,
            }),
            _ => changes.pop(),
        };
        // A merge lists no change of its own: there is no version to read.
        let Some(Change {
            blob,
            path: path_then,
            renamed_from,
            not_a_file,
            copied,
        }) = change
        else {
            continue;
        };
        // Older commits name the file by its name before the rename.
        if let Some(before) = &renamed_from {
            path = Some(before.clone());
        }
        revisions.push(Revision {
            date: Date::parse(&date_text),
            date_text,
            commit,
            subject,
            path: path_then,
            renamed_from,
            blob,
            not_a_file,
        });
        if copied {
            break;
        }
    }
    Some(revisions)
}

/// One raw change of a commit, as `parse_log` reads it.
struct Change {
    blob: String,
    path: String,
    renamed_from: Option<String>,
    not_a_file: Option<&'static str>,
    /// Where the file began as a copy of another.
    copied: bool,
}

impl Change {
    /// Whether it changed a file inside a directory at `path`.
    fn is_inside(&self, path: &str) -> bool {
        self.path
            .strip_prefix(path)
            .is_some_and(|rest| rest.starts_with('/'))
    }
}

/// The file at one revision, as git gave it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Blob {
    Bytes(Vec<u8>),
    /// Larger than a questionnaire may be; its bytes were skipped.
    TooLarge,
    /// Not a file at that revision (a symbolic link, a submodule), said
    /// in words; nothing was read.
    NotAFile(&'static str),
}

/// Reads the file's blob at each revision, in order, one at a time through
/// one `git cat-file --batch`, handing each to `each` and keeping none: the
/// memory held is one version's, however many there are.
pub fn each_content(
    file: &Path,
    shown: &str,
    revisions: &[Revision],
    mut each: impl FnMut(usize, Blob),
) -> Result<(), Error> {
    let (directory, _) = place(file, shown)?;
    let mut child = git(&directory)
        .args(["cat-file", "--batch"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| cannot_run(shown, e))?;
    // Requested by object id: no path reaches git's line-based input.
    // Only files are asked for: a submodule's id names no object here.
    let mut requests = String::new();
    for r in revisions.iter().filter(|r| r.not_a_file.is_none()) {
        requests.push_str(&r.blob);
        requests.push('\n');
    }
    let mut stdin = child
        .stdin
        .take()
        .ok_or_else(|| stopped(shown, "cannot write to git cat-file"))?;
    // Written from another thread: git answers as it reads, and a full pipe
    // on either side would otherwise stop both.
    let writer = std::thread::spawn(move || stdin.write_all(requests.as_bytes()));
    let mut out = BufReader::new(
        child
            .stdout
            .take()
            .ok_or_else(|| stopped(shown, "cannot read from git cat-file"))?,
    );
    let broken = |source: std::io::Error| GitProblem::Broken {
        file: shown.to_owned(),
        source: source.into(),
    };
    let mut stopped_by = None;
    for (index, revision) in revisions.iter().enumerate() {
        if let Some(what) = revision.not_a_file {
            each(index, Blob::NotAFile(what));
            continue;
        }
        let mut header = String::new();
        out.read_line(&mut header).map_err(broken)?;
        // `<id> blob <size>`; anything else (`<id> missing`, or nothing
        // because git stopped) means the repository cannot give the version.
        let size = match header.trim_end().split(' ').collect::<Vec<_>>()[..] {
            [_, "blob", size] => size.parse::<u64>().ok(),
            _ => None,
        };
        let Some(size) = size else {
            stopped_by = Some(format!(
                "the version of commit {} cannot be read: {}",
                revision.commit,
                if header.trim().is_empty() {
                    "git stopped".to_owned()
                } else {
                    escaped(header.trim()).into_owned()
                }
            ));
            break;
        };
        if size > crate::load::source::MAX_BYTES {
            std::io::copy(&mut (&mut out).take(size), &mut std::io::sink()).map_err(broken)?;
            each(index, Blob::TooLarge);
        } else {
            // At most MAX_BYTES, which fits in memory and in usize.
            let mut text = vec![0; usize::try_from(size).unwrap_or_default()];
            out.read_exact(&mut text).map_err(broken)?;
            each(index, Blob::Bytes(text));
        }
        let mut newline = [0; 1];
        out.read_exact(&mut newline).map_err(broken)?;
    }
    drop(out);
    // A write that failed (git closed its input) shows in git's answers and
    // its status, both checked below; a writer that panicked is an error of
    // its own, reported once git is waited for.
    let writer_panicked = writer.join().is_err();
    let status = child.wait().map_err(|e| cannot_run(shown, e))?;
    let mut stderr = Vec::new();
    if let Some(mut e) = child.stderr.take() {
        let _ = e.read_to_end(&mut stderr);
    }
    if writer_panicked {
        return Err(stopped(shown, "cannot write to git cat-file"));
    }
    if let Some(what) = stopped_by {
        return Err(if stderr.is_empty() {
            stopped(shown, &what)
        } else {
            failed(shown, &what, &stderr)
        });
    }
    if !status.success() {
        return Err(failed(shown, "its versions cannot be read", &stderr));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn git_runs_in_the_nearest_directory_there_is() {
        let here = env!("CARGO_MANIFEST_DIR");
        let cases = [
            (
                format!("{here}/src/org.yaml"),
                format!("{here}/src"),
                "org.yaml",
            ),
            (
                format!("{here}/gone/old/org.yaml"),
                here.to_owned(),
                "gone/old/org.yaml",
            ),
            (
                format!("{here}/gone/../org.yaml"),
                here.to_owned(),
                "gone/../org.yaml",
            ),
            ("org.yaml".to_owned(), ".".to_owned(), "org.yaml"),
            ("gone/org.yaml".to_owned(), ".".to_owned(), "gone/org.yaml"),
        ];
        for (file, directory, name) in cases {
            let (d, n) = place(Path::new(&file), &file).expect("UTF-8");
            assert_eq!((d, n.as_str()), (PathBuf::from(directory), name), "{file}");
        }
    }

    #[test]
    fn a_log_is_read_by_position() {
        let log = b"0123abcd\x002026-08-20\x00Northwind: both pilots live\x00\n:100644 100644 aaa bbb M\x00team/org.yaml\x00\
4567ef\x002026-08-01\x00moved \x1e 0000\x00\n:100644 100644 ccc aaa R100\x00old.yaml\x00team/org.yaml\x00";
        let revisions = parse_log(log, None).expect("a log");
        assert_eq!(revisions.len(), 2);
        assert_eq!(revisions[0].commit, "0123abcd");
        assert_eq!(revisions[0].date, Date::parse("2026-08-20"));
        assert_eq!(revisions[0].subject, "Northwind: both pilots live");
        assert_eq!(revisions[0].path, "team/org.yaml");
        assert_eq!(revisions[0].blob, "bbb");
        // A control character in a subject is shown escaped, and a byte that
        // is not UTF-8 as `\xNN`.
        assert_eq!(revisions[1].subject, "moved \\u{1e} 0000");
        let odd = parse_log(b"ab\x002026-08-20\x00caf\xe9 \xe2\x80\xae\x00\n:100644 100644 aaa bbb M\x00org.yaml\x00", None)
            .expect("a log");
        assert_eq!(odd[0].subject, "caf\\xE9 \\u{202e}");
        assert_eq!(revisions[1].renamed_from.as_deref(), Some("old.yaml"));
        assert_eq!(parse_log(b"", None).map(|r| r.len()), Some(0));
        // `--follow` finds copies too: the history stops at the copy.
        let copied = parse_log(
            b"ab\x002026-08-20\x00copy\x00\n:100644 100644 aaa bbb C075\x00template.yaml\x00org.yaml\x00\
cd\x002026-08-01\x00template\x00\n:000000 100644 000 aaa A\x00template.yaml\x00",
            None,
        )
        .expect("a log");
        assert_eq!(copied.len(), 1);
        assert_eq!(copied[0].path, "org.yaml");
        assert_eq!(copied[0].renamed_from, None);
        assert_eq!(parse_log(b"not hex\x00x\x00y\x00", None), None);
        let late =
            parse_log(b"ab\x0010000-01-01\x00x\x00:1 1 a b M\x00o.yaml\x00", None).expect("a log");
        assert_eq!(late[0].date, None);
        assert_eq!(late[0].date_text, "10000-01-01");
    }

    #[test]
    fn a_commit_where_a_directory_stood_at_the_path_is_not_a_version_of_the_file() {
        // Newest first: the file, its rename from old.yaml, and a directory
        // that stood at old.yaml before, whose files are other files.
        let log = b"aa\x002026-09-01\x00edit\x00\n:100644 100644 b1 b2 M\x00org.yaml\x00\
bb\x002026-08-01\x00rename\x00\n:100644 100644 b0 b1 R100\x00old.yaml\x00org.yaml\x00\
cc\x002026-07-01\x00a directory\x00\n:000000 100644 0 d1 A\x00old.yaml/a.yaml\x00\n:000000 100644 0 d2 A\x00old.yaml/b.yaml\x00";
        let revisions = parse_log(log, Some("org.yaml".to_owned())).expect("a log");
        let read: Vec<(&str, &str, Option<&str>)> = revisions
            .iter()
            .map(|r| (r.path.as_str(), r.blob.as_str(), r.not_a_file))
            .collect();
        assert_eq!(
            read,
            [
                ("org.yaml", "b2", None),
                ("org.yaml", "b1", None),
                ("old.yaml", "", Some("a directory")),
            ]
        );
        // Among several changes, the one of the file is taken, wherever it is.
        let log = b"aa\x002026-09-01\x00two\x00\n:100644 100644 b1 b2 M\x00org.yaml\x00\n:100644 100644 c1 c2 M\x00org.yaml.bak\x00";
        let revisions = parse_log(log, Some("org.yaml".to_owned())).expect("a log");
        assert_eq!(revisions[0].blob, "b2");
    }
}
