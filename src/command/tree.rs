//! The tree a repository's own files may bring in: a settings file's rubric
//! and baseline, a directory's questionnaires. They come with the
//! repository's changes, and whatever they name is read and its first
//! problem quoted in the job's log; so a file elsewhere on the machine (a
//! password file, a process's environment), named or reached through a
//! symbolic link, is refused unread. A file given on the command line is
//! the runner's own choice, and may lie anywhere. A repository's `.git`
//! directory is not part of its tree.

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
    // A repository's own workings (its settings, with their remotes and
    // any credentials in them) are no file of its content.
    let outside = !real.starts_with(root) || real.starts_with(root.join(".git"));
    outside.then_some(tree)
}

/// Where a file read at a git revision lies, for [`outside`]: the nearest of
/// its directories that is there now, as git is run from it.
pub fn nearest_directory(file: &Path) -> &Path {
    let mut directory = directory_of(file);
    // `.` and `/` are their own directories: the walk ends there.
    while !directory.is_dir() && directory_of(directory) != directory {
        directory = directory_of(directory);
    }
    directory
}

/// The directory a file named in `file` lies in: `.` for a bare name.
pub fn directory_of(file: &Path) -> &Path {
    file.parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."))
}
