//! Work on many inputs at once, each result handed over in input order as
//! soon as it and every one before it are done. A portfolio's JSON is
//! written this way while the organizations after it are still being
//! assessed, instead of being kept until the last one is done.
//!
//! The work runs on rayon's threads (so `pages` knows a portfolio's files
//! from a file read on its own); the results are handed over on the
//! calling thread. Threads take the inputs in short runs, and the next run
//! only while they are fewer than [`AHEAD_PER_THREAD`] runs each ahead of
//! the last one handed over: one slow input holds the others' results
//! back, never lets them pile up.

use std::collections::BTreeMap;
use std::sync::{mpsc, Condvar, Mutex, PoisonError};

/// How many runs of inputs each thread may be done with ahead of the one
/// awaited.
const AHEAD_PER_THREAD: usize = 2;
/// The most inputs a thread takes at once. Each run taken and handed over
/// is a wake-up of the other side; one input at a time, for ten thousand
/// small files, those were a fifth of the run's time in the kernel.
const LONGEST_RUN: usize = 8;

/// Which run of inputs is taken next, and how far the handing over has come.
struct Window {
    next: usize,
    handed_over: usize,
    stopped: bool,
    /// Threads waiting for the window to move: told only when there are.
    waiting: usize,
}

/// `work` done for each of `count` inputs (by index), several at once,
/// each result passed to `take` in input order on this thread. The first
/// error `take` returns stops the work: inputs not yet begun are left.
pub(super) fn each_in_order<T: Send, E>(
    count: usize,
    work: impl Fn(usize) -> T + Sync,
    mut take: impl FnMut(T) -> Result<(), E>,
) -> Result<(), E> {
    let threads = rayon::current_num_threads().min(count);
    // One input skips the threads: starting them costs more than the work.
    if threads <= 1 {
        return (0..count).try_for_each(|index| take(work(index)));
    }
    // Runs short enough that every thread has many: a few large files are
    // worked on one a thread, not one after another on a single thread.
    let run = (count / (threads * 16)).clamp(1, LONGEST_RUN);
    let runs = count.div_ceil(run);
    let ahead = threads * AHEAD_PER_THREAD;
    let window = Mutex::new(Window {
        next: 0,
        handed_over: 0,
        stopped: false,
        waiting: 0,
    });
    let moved = Condvar::new();
    let lock = || window.lock().unwrap_or_else(PoisonError::into_inner);
    // The next run to work on, once the window allows it; `None` when
    // every run is taken or the work stopped.
    let claim = || {
        let mut state = lock();
        while !state.stopped && state.next < runs && state.next >= state.handed_over + ahead {
            state.waiting += 1;
            state = moved.wait(state).unwrap_or_else(PoisonError::into_inner);
            state.waiting -= 1;
        }
        (!state.stopped && state.next < runs).then(|| {
            state.next += 1;
            state.next - 1
        })
    };
    // Moves the window (or stops the work) and wakes whoever waits for it.
    let advance = |handed_over: Option<usize>| {
        let mut state = lock();
        match handed_over {
            Some(runs_done) => state.handed_over = runs_done,
            None => state.stopped = true,
        }
        if state.waiting > 0 {
            moved.notify_all();
        }
    };
    let stop = || advance(None);
    let (sender, results) = mpsc::channel::<(usize, Vec<T>)>();
    rayon::in_place_scope(|scope| {
        for _ in 0..threads {
            let sender = sender.clone();
            let (claim, work, stop) = (&claim, &work, &stop);
            scope.spawn(move |_| {
                // Work that panics stops the others, which would otherwise
                // wait for its result forever; the panic goes on.
                let _guard = StopOnPanic(stop);
                while let Some(taken) = claim() {
                    let inputs = taken * run..count.min((taken + 1) * run);
                    if sender.send((taken, inputs.map(work).collect())).is_err() {
                        return;
                    }
                }
            });
        }
        drop(sender);
        // Runs done ahead of the one awaited, by their place.
        let mut waiting = BTreeMap::new();
        let mut awaited = 0;
        for (taken, done) in &results {
            waiting.insert(taken, done);
            while let Some(done) = waiting.remove(&awaited) {
                awaited += 1;
                for result in done {
                    if let Err(error) = take(result) {
                        stop();
                        return Err(error);
                    }
                }
                advance(Some(awaited));
            }
        }
        Ok(())
    })
}

/// Calls its function if dropped while the thread panics.
struct StopOnPanic<'s>(&'s dyn Fn());

impl Drop for StopOnPanic<'_> {
    fn drop(&mut self) {
        if std::thread::panicking() {
            (self.0)();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::{AtomicUsize, Ordering};

    #[test]
    fn results_come_in_input_order_whichever_finishes_first() {
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(3)
            .build()
            .expect("a pool");
        let taken = pool.install(|| {
            let mut taken = Vec::new();
            // Early inputs take longest, so later ones finish first.
            let work = |i: usize| {
                std::thread::sleep(std::time::Duration::from_millis(((40 - i) % 7) as u64));
                i * 10
            };
            each_in_order(40, work, |r| {
                taken.push(r);
                Ok::<(), ()>(())
            })
            .expect("no error");
            taken
        });
        assert_eq!(taken, (0..40).map(|i| i * 10).collect::<Vec<_>>());
    }

    #[test]
    fn an_error_in_taking_stops_the_work_and_is_returned() {
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(2)
            .build()
            .expect("a pool");
        let begun = AtomicUsize::new(0);
        let result = pool.install(|| {
            let mut taken = Vec::new();
            let result = each_in_order(
                10_000,
                |i| {
                    begun.fetch_add(1, Ordering::Relaxed);
                    i
                },
                |i| {
                    taken.push(i);
                    if i == 5 {
                        Err("stop")
                    } else {
                        Ok(())
                    }
                },
            );
            assert_eq!(taken, vec![0, 1, 2, 3, 4, 5]);
            result
        });
        assert_eq!(result, Err("stop"));
        // No thread ran further ahead than the window lets it.
        assert!(begun.load(Ordering::Relaxed) <= (6 + 2 * AHEAD_PER_THREAD) * LONGEST_RUN);
    }

    #[test]
    fn one_input_or_none_is_worked_on_here() {
        let mut taken = Vec::new();
        each_in_order(
            1,
            |i| i + 1,
            |r| {
                taken.push(r);
                Ok::<(), ()>(())
            },
        )
        .expect("no error");
        each_in_order(
            0,
            |i| i,
            |r| {
                taken.push(r);
                Ok::<(), ()>(())
            },
        )
        .expect("no error");
        assert_eq!(taken, vec![1]);
    }
}
