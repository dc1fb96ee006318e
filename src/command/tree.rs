//! The tree a repository's own files may bring in: a settings file's rubric
//! and baseline, a directory's questionnaires. They come with the
//! repository's changes, and whatever they name is read and its first
//! problem quoted in the job's log; so a file elsewhere on the machine (a
//! password file, a process's environment), named or reached through a
//! symbolic link, is refused unread. A file given on the command line is
//! the runner's own choice, and may lie anywhere.

use std::path::Path;

/// The tree a file must lie in: a repository, or outside one, a directory.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tree {
    /// The repository holding the directory (up to the directory holding `.git`).
    Repository,
    /// The directory itself, which no repository holds.
    Directory,
}

/// The tree that `directory` belongs to, when `file` lies outside it; `None`
/// when it lies inside, or when either is not there (whoever reads the
/// file says why).
pub fn outside(file: &Path, directory: &Path) -> Option<Tree> {
    let real = std::fs::canonicalize(file).ok()?;
    let directory = std::fs::canonicalize(directory).ok()?;
    let repository = directory
        .ancestors()
        .find(|a| std::fs::symlink_metadata(a.join(".git")).is_ok());
    let (root, tree) = match repository {
        Some(root) => (root, Tree::Repository),
        None => (directory.as_path(), Tree::Directory),
    };
    (!real.starts_with(root)).then_some(tree)
}

/// The directory a file named in `file` lies in: `.` for a bare name.
pub fn directory_of(file: &Path) -> &Path {
    file.parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."))
}
