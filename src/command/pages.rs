//! The size of the memory pages a run takes from the system.
//!
//! The first touch of each 4 KiB page traps into the kernel: about 2.4 µs
//! on the machine BENCHMARKS.md names. A questionnaire of 10,000 pilots
//! (1.6 MB) has the run touch some 40 MB, 10,000 pages, a fifth of its
//! time; in transparent huge pages of 2 MiB, a few dozen. A small run gains
//! nothing from them and risks the kernel's compacting memory to find one,
//! and a portfolio's threads, each keeping pages of its own, would hold
//! more than twice the memory. So every run starts with huge pages
//! refused, and a large questionnaire (more than [`LARGE_FILE`] bytes) read
//! on its own, not as one of a portfolio's, allows them for the rest of
//! the run.
//!
//! mimalloc asks for huge pages on the memory it reserves
//! (`MADV_HUGEPAGE`); the process's flag (`PR_SET_THP_DISABLE`) says
//! whether the kernel gives them. Both are Linux's: elsewhere, and on a
//! kernel that refuses the flag, the run is the same, only as fast as the
//! system's own setting makes it. A process that starts with the flag
//! already set (by whoever started it, or by mimalloc for
//! `MIMALLOC_ALLOW_THP=0`) never takes huge pages. The flag passes to the
//! programs a run starts (`git`, for `history` and baselines), which then
//! run without huge pages too; it changes nothing they print.

use crate::load::source::LARGE_FILE;
use std::sync::atomic::{AtomicBool, Ordering};

/// Set when the process started with huge pages refused from outside.
static REFUSED_BEFORE: AtomicBool = AtomicBool::new(false);

/// Set once huge pages are refused for the start of the run.
static STARTED_SMALL: AtomicBool = AtomicBool::new(false);

/// Refuses huge pages as the program is loaded, before Rust's own start
/// allocates anything. That first allocation has mimalloc reserve its
/// memory and write to it; refused only in `main`, which comes after, the
/// kernel had already given the run two huge pages and cleared them,
/// 4 MiB of zeros: 0.2 ms of a run that assesses one questionnaire. The
/// loader runs each function of `.init_array` before `main`.
#[cfg(target_os = "linux")]
#[allow(unsafe_code)]
#[used]
#[link_section = ".init_array"]
static START_SMALL_AT_LOAD: extern "C" fn() = start_small_at_load;

#[cfg(target_os = "linux")]
extern "C" fn start_small_at_load() {
    // Only atomics and two system calls: nothing here needs Rust's start.
    start_small();
}

/// Refuses huge pages for the start of the run, once: as the program is
/// loaded where the system allows (Linux), else first thing in `main`.
pub fn start_small() {
    // A reference to the function the loader runs, so that the linker
    // keeps it with this one in every build.
    #[cfg(target_os = "linux")]
    std::hint::black_box(&START_SMALL_AT_LOAD);
    if STARTED_SMALL.swap(true, Ordering::Relaxed) {
        return;
    }
    if refused() == Some(true) {
        REFUSED_BEFORE.store(true, Ordering::Relaxed);
    }
    set_refused(true);
}

/// Allows huge pages from now on when the run reads a questionnaire of
/// `len` bytes on its own, if it is large and nothing outside refused them.
/// A file read on the thread pool is one of a portfolio's, whose threads
/// keep to small pages.
pub fn grow_for_input(len: usize) {
    let on_its_own = rayon::current_thread_index().is_none();
    if on_its_own && len > LARGE_FILE && !refused_from_outside() {
        set_refused(false);
    }
}

/// Whether huge pages were refused before the run: by whoever started it,
/// or for mimalloc (`MIMALLOC_ALLOW_THP` false). The flag mimalloc sets
/// for the variable may come after [`start_small`] as the program loads
/// (the loader's order of the two is the linker's), so the variable is
/// read here too, as mimalloc reads it: its name in any case.
fn refused_from_outside() -> bool {
    REFUSED_BEFORE.load(Ordering::Relaxed)
        || std::env::vars_os().any(|(name, value)| {
            name.to_str()
                .is_some_and(|n| n.eq_ignore_ascii_case("MIMALLOC_ALLOW_THP"))
                && value.to_str().is_some_and(reads_as_false)
        })
}

/// Whether mimalloc reads an option's value as off.
fn reads_as_false(value: &str) -> bool {
    let value = value.trim().to_ascii_lowercase();
    matches!(value.as_str(), "false" | "no" | "off") || value.parse::<i64>() == Ok(0)
}

/// Whether the process refuses huge pages; `None` where it cannot say.
#[cfg(target_os = "linux")]
fn refused() -> Option<bool> {
    nix::sys::prctl::get_thp_disable().ok()
}

#[cfg(not(target_os = "linux"))]
fn refused() -> Option<bool> {
    None
}

#[cfg(target_os = "linux")]
fn set_refused(refused: bool) {
    // Best effort: a kernel without the flag keeps its own setting.
    let _ = nix::sys::prctl::set_thp_disable(refused);
}

#[cfg(not(target_os = "linux"))]
fn set_refused(_refused: bool) {}

#[cfg(all(test, target_os = "linux"))]
mod tests {
    use super::*;
    use nix::sys::prctl::{get_thp_disable, set_thp_disable};

    #[test]
    fn mimalloc_s_option_is_off_for_its_words_of_no() {
        for off in ["0", "00", " 0 ", "false", "FALSE", "no", "Off"] {
            assert!(reads_as_false(off), "{off}");
        }
        for on in ["1", "true", "yes", "on", "2", ""] {
            assert!(!reads_as_false(on), "{on}");
        }
    }

    #[test]
    fn huge_pages_are_refused_at_load_and_allowed_from_a_large_questionnaire_on() {
        // Where the kernel keeps the flag to itself there is nothing to
        // see; and a test run whose parent refused huge pages keeps them
        // refused, as the tool does.
        if get_thp_disable().is_err() || refused_from_outside() {
            return;
        }
        // Refused before any test ran: by the loader, not by a call.
        assert!(STARTED_SMALL.load(Ordering::Relaxed));
        assert_eq!(get_thp_disable(), Ok(true));
        start_small();
        assert_eq!(get_thp_disable(), Ok(true));
        grow_for_input(LARGE_FILE);
        assert_eq!(get_thp_disable(), Ok(true));
        grow_for_input(LARGE_FILE + 1);
        assert_eq!(get_thp_disable(), Ok(false));
        // Once allowed, a smaller file read later does not refuse them, nor
        // does starting small again.
        grow_for_input(10);
        start_small();
        assert_eq!(get_thp_disable(), Ok(false));
        // Refused before the run starts: never allowed.
        assert_eq!(set_thp_disable(true), Ok(()));
        STARTED_SMALL.store(false, Ordering::Relaxed);
        start_small();
        grow_for_input(LARGE_FILE + 1);
        assert_eq!(get_thp_disable(), Ok(true));
        // The process as the test found it.
        REFUSED_BEFORE.store(false, Ordering::Relaxed);
    }
}
