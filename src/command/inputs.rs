//! Which questionnaires a command reads: files as given, `-` for standard
//! input, and for a directory every `*.yaml` and `*.yml` directly in it (in
//! any case), by name. An entry named like a questionnaire that cannot be one
//! (a directory, a FIFO, a link to nothing or to itself) is a named problem,
//! never skipped in silence; so is a link to a file outside the directory's
//! repository (`super::tree`), which is not read. Each file is read once.

use crate::diagnostic::shown_path;
use crate::error::{Error, InputsProblem};
use std::path::{Path, PathBuf};

/// The questionnaires named on the command line, directories expanded.
#[derive(Debug, Clone)]
pub struct Inputs {
    pub files: Vec<PathBuf>,
    /// More than one questionnaire, or a directory: a portfolio is shown.
    pub several: bool,
    /// Entries of a directory named like questionnaires that cannot be read as one.
    pub problems: Vec<Error>,
}

/// Expands directories; a directory with no questionnaire is an error.
pub fn expand(given: &[PathBuf]) -> Result<Inputs, Error> {
    let mut files = Vec::new();
    let mut problems = Vec::new();
    let mut from_directory = false;
    for path in given {
        if path.as_os_str() != "-" && path.is_dir() {
            from_directory = true;
            let (found, refused) = questionnaires_in(path)?;
            if found.is_empty() && refused.is_empty() {
                return Err(InputsProblem::NoQuestionnaire {
                    dir: shown_path(path),
                }
                .into());
            }
            files.extend(found);
            problems.extend(refused);
        } else {
            files.push(path.clone());
        }
    }
    let files = once_each(files);
    Ok(Inputs {
        several: from_directory || files.len() > 1,
        files,
        problems,
    })
}

/// Each file once, as it is spelled without `.` parts or doubled
/// separators (`./q/./org.yaml`, `q//org.yaml` are `q/org.yaml`): a file
/// named twice so, or found in a directory and named too, is assessed
/// once, and its name, which code-scanning formats fingerprint, is the
/// same however it was typed so. (A `..` part is kept: through a link it
/// may lead elsewhere. An absolute path and a relative one, or two links,
/// name a file twice.)
fn once_each(files: Vec<PathBuf>) -> Vec<PathBuf> {
    let mut seen = rustc_hash::FxHashSet::default();
    files
        .into_iter()
        .map(|file| {
            let parts = file
                .components()
                .filter(|part| *part != std::path::Component::CurDir);
            match parts.collect::<PathBuf>() {
                // `-` (standard input) and `.` stay what they are, and so
                // does `./-`, a file, which would read as `-`.
                _ if file.as_os_str() == "-" => file,
                bare if bare.as_os_str().is_empty() || bare.as_os_str() == "-" => file,
                bare => bare,
            }
        })
        .filter(|file| seen.insert(file.clone()))
        .collect()
}

/// The questionnaires of a directory, sorted by name so that the order never
/// depends on the file system, and the entries named like one that are not.
fn questionnaires_in(directory: &Path) -> Result<(Vec<PathBuf>, Vec<Error>), Error> {
    let entries =
        std::fs::read_dir(directory).map_err(|source| InputsProblem::UnreadableDirectory {
            dir: shown_path(directory),
            source: source.into(),
        })?;
    // With whether the directory lists it as a regular file (not a link):
    // those need no look of their own, which for ten thousand files was a
    // system call each before any work could start.
    let mut named: Vec<(PathBuf, bool)> = entries
        .filter_map(Result::ok)
        .map(|e| (e.path(), e.file_type().is_ok_and(|t| t.is_file())))
        .filter(|(p, _)| is_named_like_a_questionnaire(p))
        .collect();
    named.sort();
    let mut found = Vec::new();
    let mut refused = Vec::new();
    for (path, regular) in named {
        let why = if regular {
            None
        } else {
            not_a_questionnaire(&path)
                .map(|why| {
                    format!("{why}; it is named like a questionnaire but cannot be read as one")
                })
                .or_else(|| linked_outside(&path, directory))
        };
        match why {
            None => found.push(path),
            Some(why) => refused.push(Error::Invalid {
                file: shown_path(&path),
                text: None,
                problems: vec![crate::diagnostic::Diagnostic::whole_file(why)],
            }),
        }
    }
    Ok((found, refused))
}

fn is_named_like_a_questionnaire(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case("yaml") || e.eq_ignore_ascii_case("yml"))
}

/// Why a directory entry cannot be read as a questionnaire, if it cannot.
fn not_a_questionnaire(path: &Path) -> Option<String> {
    match std::fs::metadata(path) {
        Ok(found) if found.is_file() => None,
        Ok(found) if found.is_dir() => Some("is a directory".to_owned()),
        Ok(_) => Some("is not a regular file (a FIFO, a socket or a device)".to_owned()),
        Err(_) if std::fs::symlink_metadata(path).is_ok() => {
            Some("is a symbolic link to nothing, or to itself".to_owned())
        }
        Err(e) => Some(format!("cannot be read: {}", crate::text::io_words(&e))),
    }
}

/// Why a directory's entry is not read, if it links to a file outside the
/// directory's repository (`super::tree`).
fn linked_outside(path: &Path, directory: &Path) -> Option<String> {
    let tree = match super::tree::outside(path, directory)? {
        super::tree::Tree::Repository => "the repository holding this directory",
        super::tree::Tree::Directory => "this directory",
    };
    Some(format!(
        "links to a file outside {tree}, which is not read; give that file's own path to assess it"
    ))
}

/// Refuses an output file that is one of the inputs, however it is named
/// (the same file through another path or a link), before the report is
/// written: a questionnaire, or another file read (`others`, each with what
/// it is: the rubric, the settings file, a baseline).
pub fn refuse_overwriting(
    output: &Path,
    inputs: &Inputs,
    others: &[(&Path, &'static str)],
) -> Result<(), Error> {
    match input_at(output, inputs, others) {
        Some((input, what)) => Err(InputsProblem::OutputIsInput {
            output: shown_path(output),
            input,
            what,
        }
        .into()),
        None => Ok(()),
    }
}

/// The input, as shown, and what it is, that `output` is the same file
/// as, if it is one of them.
pub fn input_at(
    output: &Path,
    inputs: &Inputs,
    others: &[(&Path, &'static str)],
) -> Option<(String, &'static str)> {
    let target = std::fs::metadata(output).ok()?;
    // Standard input may be the very file named: `assess - -o q.yaml < q.yaml`.
    let stdin = Path::new(if cfg!(unix) { "/dev/stdin" } else { "-" });
    let questionnaires = inputs.files.iter().map(|f| {
        if f.as_os_str() == "-" {
            (stdin, "standard input".to_owned())
        } else {
            (f.as_path(), shown_path(f))
        }
    });
    let read = questionnaires
        .map(|(f, shown)| (f, shown, "questionnaire"))
        .chain(others.iter().map(|&(f, what)| (f, shown_path(f), what)));
    read.filter(|(input, _, _)| {
        std::fs::metadata(input).is_ok_and(|read| same_file(&target, &read))
    })
    .map(|(_, shown, what)| (shown, what))
    .next()
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
