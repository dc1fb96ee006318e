//! What SIGINT, SIGTERM and SIGHUP do: stop with the shell's code for an
//! interrupted command (130), leaving no half-written report behind.
//!
//! The handlers only set flags, so no thread waits for signals: starting
//! one cost about a third of a millisecond on every run, a tenth of the
//! time of a small one.
//!
//! While no report file is being written, a signal stops the process in
//! the handler itself. While one is, the signal is only noted; the writer
//! (`output.rs`) looks for it at each write and before the rename, and the
//! file's guard when writing ends, however it ends; then every temporary
//! file is removed and the run stops. So an interrupted run never leaves a
//! file with a temporary name, and never renames a half-written one into
//! place. A file is counted as being written from before its temporary
//! file is made, which happens at the report's first write, not before it
//! is rendered.

use crate::command::ExitStatus;
use std::fs;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Mutex;

/// The exit status of an interrupted run, as a shell reports one.
const INTERRUPTED_STATUS: i32 = ExitStatus::Interrupted.code() as i32;

/// Set by the handlers when a signal arrives.
static INTERRUPTED: AtomicBool = AtomicBool::new(false);

/// True while no temporary file is being written: a signal then stops the
/// process where it is.
static STOP_AT_ONCE: AtomicBool = AtomicBool::new(true);

/// The report files being written, and the temporary files among them
/// that exist so far, removed if the run is interrupted.
static PENDING: Mutex<Writing> = Mutex::new(Writing {
    files: 0,
    temporary: Vec::new(),
});

#[derive(Debug)]
struct Writing {
    files: usize,
    temporary: Vec<PathBuf>,
}

/// The files being written, even where a thread panicked holding them.
fn pending() -> std::sync::MutexGuard<'static, Writing> {
    PENDING
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
}

/// Installs the handlers. The flag is set before the stop is decided, in
/// that order, so a signal that does not stop at once is always noted.
/// The signals are held back while the handlers go in (on Unix): one that
/// arrived between the handler and its actions would otherwise be lost,
/// and one between the two actions only noted. Where a handler cannot be
/// installed, that signal stops the process as it stops any program,
/// possibly leaving a temporary file behind.
pub fn install() {
    #[cfg(unix)]
    let signals = [
        signal_hook::consts::SIGINT,
        signal_hook::consts::SIGTERM,
        signal_hook::consts::SIGHUP,
    ];
    #[cfg(not(unix))]
    let signals = [signal_hook::consts::SIGINT, signal_hook::consts::SIGTERM];
    #[cfg(unix)]
    let held = hold_back(&signals);
    for signal in signals {
        if signal_hook::flag::register(signal, &INTERRUPTED).is_ok() {
            signal_hook::flag::register_conditional_shutdown(
                signal,
                INTERRUPTED_STATUS,
                &STOP_AT_ONCE,
            )
            .ok();
        }
    }
    // A signal held back meanwhile arrives now, to handlers in place.
    #[cfg(unix)]
    if let Some(held) = held {
        nix::sys::signal::pthread_sigmask(
            nix::sys::signal::SigmaskHow::SIG_SETMASK,
            Some(&held),
            None,
        )
        .ok();
    }
}

/// Blocks `signals` on this thread, the only one yet; the mask before, to
/// restore. `None` where it cannot be done: the handlers go in regardless.
#[cfg(unix)]
fn hold_back(signals: &[i32]) -> Option<nix::sys::signal::SigSet> {
    use nix::sys::signal::{pthread_sigmask, SigSet, SigmaskHow, Signal};
    let mut set = SigSet::empty();
    for &signal in signals {
        set.add(Signal::try_from(signal).ok()?);
    }
    let mut before = SigSet::empty();
    pthread_sigmask(SigmaskHow::SIG_BLOCK, Some(&set), Some(&mut before)).ok()?;
    Some(before)
}

/// Stops the run if a signal has arrived: removes every temporary file
/// still being written, then exits with 130.
pub fn stop_if_interrupted() {
    if INTERRUPTED.load(Ordering::SeqCst) {
        remove_pending();
        std::process::exit(INTERRUPTED_STATUS);
    }
}

/// Removes every temporary file still being written. A file that cannot
/// be removed (already gone, or its directory unwritable now) is passed
/// over: the others are still removed, and the run is stopping anyway.
fn remove_pending() {
    for path in &pending().temporary {
        fs::remove_file(path).ok();
    }
}

/// A report file being written: from before its temporary file is
/// created until it is renamed into place or removed. While any is alive,
/// a signal is noted rather than acted on at once.
#[derive(Debug)]
pub struct Pending {
    path: Option<PathBuf>,
}

impl Pending {
    /// Begins writing: from here a signal waits for the writer to see it.
    pub fn begin() -> Pending {
        let mut writing = pending();
        writing.files += 1;
        STOP_AT_ONCE.store(false, Ordering::SeqCst);
        drop(writing);
        // A handler on another thread may have found the stop still
        // armed and be stopping the run: it noted the signal first, so it
        // is seen here, and no file is made that it would leave behind.
        stop_if_interrupted();
        Pending { path: None }
    }

    /// The temporary file now exists at `path`: removed if the run is interrupted.
    pub fn track(&mut self, path: &Path) {
        pending().temporary.push(path.to_path_buf());
        self.path = Some(path.to_path_buf());
    }
}

/// Writing is over, the file renamed into place or removed (its guard is
/// dropped after it): a signal noted while it was written, or arriving
/// now, stops the run here, whichever way writing ended.
impl Drop for Pending {
    fn drop(&mut self) {
        let mut writing = pending();
        if let Some(path) = &self.path {
            if let Some(at) = writing.temporary.iter().position(|p| p == path) {
                writing.temporary.swap_remove(at);
            }
        }
        writing.files -= 1;
        // Other files still being written keep the signal waiting for them.
        if writing.files == 0 {
            STOP_AT_ONCE.store(true, Ordering::SeqCst);
        }
        drop(writing);
        if INTERRUPTED.load(Ordering::SeqCst) {
            if let Some(path) = &self.path {
                fs::remove_file(path).ok();
            }
            stop_if_interrupted();
        }
    }
}

/// Whether a signal now would stop the run in its handler.
#[cfg(test)]
pub(crate) fn stops_at_once() -> bool {
    STOP_AT_ONCE.load(Ordering::SeqCst)
}

/// Held by each test that begins writing a file: the state above is the
/// process's, and tests run side by side.
#[cfg(test)]
pub(crate) fn one_test_at_a_time() -> std::sync::MutexGuard<'static, ()> {
    static ONE_TEST_AT_A_TIME: Mutex<()> = Mutex::new(());
    ONE_TEST_AT_A_TIME
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
}

#[cfg(test)]
mod tests {
    use super::*;

    // A signal waits while any file is being written, from before its
    // temporary file exists until the last write is over, and stops at
    // once again after.
    #[test]
    fn a_signal_waits_for_every_file_being_written() {
        let _alone = one_test_at_a_time();
        assert!(stops_at_once());
        let mut first = Pending::begin();
        assert!(!stops_at_once());
        first.track(Path::new("first.tmp"));
        let second = Pending::begin();
        assert_eq!(pending().temporary, [PathBuf::from("first.tmp")]);
        drop(first);
        assert!(!stops_at_once(), "the second file is still being written");
        assert!(pending().temporary.is_empty());
        drop(second);
        assert!(stops_at_once());
        assert_eq!(pending().files, 0);
    }
}
