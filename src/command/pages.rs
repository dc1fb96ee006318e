//! The size of the memory pages a run takes from the system.
//!
//! The first touch of each 4 KiB page traps into the kernel: about 2.4 µs
//! on the machine BENCHMARKS.md names. A questionnaire of 10,000 pilots
//! (1.6 MB) has the run touch some 40 MB, 10,000 pages, a fifth of its
//! time; in transparent huge pages of 2 MiB, a few dozen. A small run gains
//! nothing from them and risks the kernel's compacting memory to find one,
//! and a portfolio's threads, each keeping pages of its own, would hold
//! more than twice the memory. So every run starts with huge pages
//! refused, and reading a large questionnaire (more than
//! [`LARGE_FILE`] bytes) allows them for the rest of the run.
//!
//! mimalloc asks for huge pages on the memory it reserves
//! (`MADV_HUGEPAGE`); the process's flag (`PR_SET_THP_DISABLE`) says
//! whether the kernel gives them. Both are Linux's: elsewhere, and on a
//! kernel that refuses the flag, the run is the same, only as fast as the
//! system's own setting makes it. The flag passes to the programs a run
//! starts (`git`, for `history` and baselines); it changes nothing they
//! print.

use crate::load::source::LARGE_FILE;

/// Refuses huge pages: called first thing in `main`.
pub fn start_small() {
    set_huge_pages(false);
}

/// Allows huge pages from now on when the run reads a questionnaire of
/// `len` bytes, if it is large.
pub fn grow_for_input(len: usize) {
    if len > LARGE_FILE {
        set_huge_pages(true);
    }
}

#[cfg(target_os = "linux")]
fn set_huge_pages(allowed: bool) {
    // Best effort: a kernel without the flag keeps its own setting.
    let _ = nix::sys::prctl::set_thp_disable(!allowed);
}

#[cfg(not(target_os = "linux"))]
fn set_huge_pages(_allowed: bool) {}

#[cfg(all(test, target_os = "linux"))]
mod tests {
    use super::*;
    use nix::sys::prctl::get_thp_disable;

    #[test]
    fn huge_pages_are_allowed_from_a_large_questionnaire_on() {
        start_small();
        assert_eq!(get_thp_disable(), Ok(true));
        grow_for_input(LARGE_FILE);
        assert_eq!(get_thp_disable(), Ok(true));
        grow_for_input(LARGE_FILE + 1);
        assert_eq!(get_thp_disable(), Ok(false));
        // Once allowed, a smaller file read later does not refuse them.
        grow_for_input(10);
        assert_eq!(get_thp_disable(), Ok(false));
        start_small();
        assert_eq!(get_thp_disable(), Ok(true));
    }
}
