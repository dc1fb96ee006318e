//! Work on many inputs at once, each result handed over in input order as
//! soon as it and every one before it are done. A portfolio's JSON is
//! written this way while the organizations after it are still being
//! assessed, instead of being kept until the last one is done.
//!
//! The work runs on rayon's threads (so `pages` knows a portfolio's files
//! from a file read on its own); the results are handed over on the
//! calling thread. Threads take the inputs in short runs and pass their
//! results on in batches: one input at a time, each result woke the
//! calling thread, and for ten thousand small files those wake-ups took
//! as much time in the kernel as the temporary file had. A batch goes as
//! soon as its results weigh [`BATCH_WEIGHT`], so a large report is passed
//! on alone.
//!
//! What is done but not yet handed over is bounded: a thread starts an
//! input only while fewer than [`AHEAD_PER_THREAD`] runs each lie between
//! it and the one awaited, and the results waiting weigh less than
//! [`WAITING_WEIGHT`]; the input awaited may always start. One slow input
//! holds the others' results back, never lets them pile up.

use std::collections::BTreeMap;
use std::ops::Range;
use std::sync::{mpsc, Condvar, Mutex, MutexGuard, PoisonError};
use std::time::Duration;

/// How many runs of inputs each thread may be ahead of the one awaited.
const AHEAD_PER_THREAD: usize = 2;
/// The most inputs a thread takes at once.
const LONGEST_RUN: usize = 32;
/// A batch weighing this much is passed on at once.
const BATCH_WEIGHT: usize = 1 << 20;
/// The most that results done and not yet handed over may weigh before
/// threads wait (the input awaited excepted). Small results stay far
/// below it (the runs bound them); one large report waiting is enough to
/// hold the threads back, so that large questionnaires take about the
/// memory of one report each thread is making, and one more.
const WAITING_WEIGHT: usize = 16 << 20;
/// How often the calling thread, waiting, looks for a signal: a report
/// file being written defers signals until its writer looks, and an input
/// that takes long (standard input from a terminal) writes nothing.
const LOOK_FOR_SIGNALS: Duration = Duration::from_millis(100);

/// How far the work has come, shared by the threads.
struct Window {
    /// The first input no thread has taken.
    next: usize,
    /// How many inputs were handed over: the index of the one awaited.
    handed_over: usize,
    /// The weight of the results passed on and not handed over yet.
    waiting_weight: usize,
    stopped: bool,
    /// Threads waiting for the window to move: told only when there are.
    sleepers: usize,
}

/// The window, and what the threads need to know to move within it.
struct Shared {
    window: Mutex<Window>,
    moved: Condvar,
    count: usize,
    /// How many inputs a thread takes at once.
    run: usize,
    /// How far past the one awaited an input may start.
    ahead: usize,
}

impl Shared {
    fn lock(&self) -> MutexGuard<'_, Window> {
        self.window.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// Whether input `index` may start now.
    fn may_start(&self, state: &Window, index: usize) -> bool {
        index == state.handed_over
            || (index < state.handed_over + self.ahead && state.waiting_weight < WAITING_WEIGHT)
    }

    /// Waits while `waits` holds and the work goes on.
    fn wait_while<'s>(
        &'s self,
        mut state: MutexGuard<'s, Window>,
        waits: impl Fn(&Window) -> bool,
    ) -> MutexGuard<'s, Window> {
        while !state.stopped && waits(&state) {
            state.sleepers += 1;
            state = self
                .moved
                .wait(state)
                .unwrap_or_else(PoisonError::into_inner);
            state.sleepers -= 1;
        }
        state
    }

    /// Waits until input `index` may start; false once the work stopped.
    fn wait_to_start(&self, index: usize) -> bool {
        let state = self.wait_while(self.lock(), |state| !self.may_start(state, index));
        !state.stopped
    }

    /// The next run of inputs to work on; `None` when every input is
    /// taken or the work stopped.
    fn claim(&self) -> Option<Range<usize>> {
        let state = self.wait_while(self.lock(), |state| {
            state.next < self.count && !self.may_start(state, state.next)
        });
        let mut state = state;
        if state.stopped || state.next >= self.count {
            return None;
        }
        let start = state.next;
        state.next = self.count.min(start + self.run);
        Some(start..state.next)
    }

    /// Changes the window under its lock and wakes whoever waits for it.
    fn change(&self, how: impl FnOnce(&mut Window)) {
        let mut state = self.lock();
        how(&mut state);
        if state.sleepers > 0 {
            self.moved.notify_all();
        }
    }

    fn stop(&self) {
        self.change(|state| state.stopped = true);
    }
}

/// `work` done for each of `count` inputs (by index), several at once,
/// each result passed to `take` in input order on this thread; `weigh`
/// tells how much memory a result holds. The first error `take` returns
/// stops the work: inputs not yet begun are left.
pub(super) fn each_in_order<T: Send, E>(
    count: usize,
    work: impl Fn(usize) -> T + Sync,
    weigh: impl Fn(&T) -> usize + Sync,
    mut take: impl FnMut(T) -> Result<(), E>,
) -> Result<(), E> {
    // One input skips the threads: starting them (asking for the pool
    // starts it) costs more than the work.
    if count <= 1 {
        return (0..count).try_for_each(|index| take(work(index)));
    }
    // Called from one of the pool's own threads, that thread hands the
    // results over and cannot also take work.
    let pool = rayon::current_num_threads();
    let threads = match rayon::current_thread_index() {
        Some(_) => pool - 1,
        None => pool,
    };
    let threads = threads.min(count);
    if threads == 0 {
        return (0..count).try_for_each(|index| take(work(index)));
    }
    // Runs short enough that every thread has many: a few large files are
    // worked on one a thread, not one after another on a single thread.
    let run = (count / (threads * 16)).clamp(1, LONGEST_RUN);
    let shared = Shared {
        window: Mutex::new(Window {
            next: 0,
            handed_over: 0,
            waiting_weight: 0,
            stopped: false,
            sleepers: 0,
        }),
        moved: Condvar::new(),
        count,
        run,
        ahead: threads * AHEAD_PER_THREAD * run,
    };
    let (sender, batches) = mpsc::channel::<Batch<T>>();
    rayon::in_place_scope(|scope| {
        for _ in 0..threads {
            let sender = sender.clone();
            let (shared, work, weigh) = (&shared, &work, &weigh);
            scope.spawn(move |_| work_on(shared, work, weigh, &sender));
        }
        drop(sender);
        hand_over(&shared, &batches, &mut take)
    })
}

/// One thread's part: runs of inputs worked on, their results passed on
/// in batches, until every input is taken or the work stops.
fn work_on<T>(
    shared: &Shared,
    work: impl Fn(usize) -> T,
    weigh: impl Fn(&T) -> usize,
    sender: &mpsc::Sender<Batch<T>>,
) {
    // Work that panics stops the others, which would otherwise wait for
    // its result forever; the panic goes on.
    let _guard = StopOnPanic(shared);
    // Passes a batch on, its weight counted as waiting; false when
    // nothing takes batches any more.
    let pass = |batch: Batch<T>| {
        let weight = batch.weight;
        shared.change(|state| state.waiting_weight += weight);
        sender.send(batch).is_ok()
    };
    while let Some(inputs) = shared.claim() {
        let mut batch = Batch::starting_at(inputs.start);
        for index in inputs {
            let (may_start, stopped) = {
                let state = shared.lock();
                (shared.may_start(&state, index), state.stopped)
            };
            if stopped {
                return;
            }
            // The batch goes before this thread waits: the input awaited
            // may be in it.
            if !may_start
                && index > batch.first
                && !pass(std::mem::replace(&mut batch, Batch::starting_at(index)))
            {
                return;
            }
            if !may_start && !shared.wait_to_start(index) {
                return;
            }
            let result = work(index);
            batch.weight += weigh(&result);
            batch.results.push(result);
            if batch.weight >= BATCH_WEIGHT
                && !pass(std::mem::replace(&mut batch, Batch::starting_at(index + 1)))
            {
                return;
            }
        }
        if !batch.results.is_empty() && !pass(batch) {
            return;
        }
    }
}

/// The calling thread's part: each batch handed over to `take` in input
/// order, looking for a signal while it waits.
fn hand_over<T, E>(
    shared: &Shared,
    batches: &mpsc::Receiver<Batch<T>>,
    take: &mut impl FnMut(T) -> Result<(), E>,
) -> Result<(), E> {
    // A panic in `take` stops the threads too.
    let _guard = StopOnPanic(shared);
    // Batches done ahead of the one awaited, by their first input.
    let mut ahead_of_turn = BTreeMap::new();
    let mut awaited = 0;
    loop {
        super::interrupt::stop_if_interrupted();
        let batch = match batches.recv_timeout(LOOK_FOR_SIGNALS) {
            Ok(batch) => batch,
            Err(mpsc::RecvTimeoutError::Timeout) => continue,
            Err(mpsc::RecvTimeoutError::Disconnected) => return Ok(()),
        };
        ahead_of_turn.insert(batch.first, batch);
        while let Some(batch) = ahead_of_turn.remove(&awaited) {
            awaited += batch.results.len();
            for result in batch.results {
                if let Err(error) = take(result) {
                    shared.stop();
                    return Err(error);
                }
            }
            shared.change(|state| {
                state.handed_over = awaited;
                state.waiting_weight -= batch.weight;
            });
        }
    }
}

/// Results of consecutive inputs, passed on together.
struct Batch<T> {
    first: usize,
    results: Vec<T>,
    weight: usize,
}

impl<T> Batch<T> {
    fn starting_at(first: usize) -> Batch<T> {
        Batch {
            first,
            results: Vec::new(),
            weight: 0,
        }
    }
}

/// Stops the work if dropped while the thread panics.
struct StopOnPanic<'s>(&'s Shared);

impl Drop for StopOnPanic<'_> {
    fn drop(&mut self) {
        if std::thread::panicking() {
            self.0.stop();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::{AtomicUsize, Ordering};

    /// A pool of `threads`, one of which, calling, hands the results over.
    fn pool(threads: usize) -> rayon::ThreadPool {
        rayon::ThreadPoolBuilder::new()
            .num_threads(threads)
            .build()
            .expect("a pool")
    }

    fn no_weight<T>(_: &T) -> usize {
        0
    }

    #[test]
    fn results_come_in_input_order_whichever_finishes_first() {
        for (threads, count) in [(1, 5), (2, 40), (3, 40), (4, 2_000)] {
            let taken = pool(threads).install(|| {
                let mut taken = Vec::new();
                // Early inputs take longest, so later ones finish first.
                let work = |i: usize| {
                    if count <= 40 {
                        std::thread::sleep(Duration::from_millis(((40 - i) % 7) as u64));
                    }
                    i * 10
                };
                each_in_order(count, work, no_weight, |r| {
                    taken.push(r);
                    Ok::<(), ()>(())
                })
                .expect("no error");
                taken
            });
            assert_eq!(taken, (0..count).map(|i| i * 10).collect::<Vec<_>>());
        }
    }

    #[test]
    fn an_error_in_taking_stops_the_work_and_is_returned() {
        let begun = AtomicUsize::new(0);
        let result = pool(3).install(|| {
            let mut taken = Vec::new();
            let work = |i| {
                begun.fetch_add(1, Ordering::Relaxed);
                i
            };
            let result = each_in_order(10_000, work, no_weight, |i| {
                taken.push(i);
                if i == 5 {
                    Err("stop")
                } else {
                    Ok(())
                }
            });
            assert_eq!(taken, vec![0, 1, 2, 3, 4, 5]);
            result
        });
        assert_eq!(result, Err("stop"));
        // No thread ran further ahead than the window lets it.
        let ahead = 2 * AHEAD_PER_THREAD * LONGEST_RUN;
        assert!(begun.load(Ordering::Relaxed) <= 6 + ahead + 2 * LONGEST_RUN);
    }

    #[test]
    fn heavy_results_wait_for_the_one_awaited_without_piling_up() {
        // Input 0 is slow; every other result weighs a quarter of what
        // may wait, so at most four wait beside the slow one at a time.
        let most_waiting = AtomicUsize::new(0);
        let done = AtomicUsize::new(0);
        let handed = AtomicUsize::new(0);
        let taken = pool(4).install(|| {
            let mut taken = Vec::new();
            let work = |i: usize| {
                if i == 0 {
                    std::thread::sleep(Duration::from_millis(200));
                }
                let waiting =
                    done.fetch_add(1, Ordering::SeqCst) + 1 - handed.load(Ordering::SeqCst);
                most_waiting.fetch_max(waiting, Ordering::SeqCst);
                i
            };
            let weigh = |_: &usize| WAITING_WEIGHT / 4;
            each_in_order(200, work, weigh, |i| {
                handed.fetch_add(1, Ordering::SeqCst);
                taken.push(i);
                Ok::<(), ()>(())
            })
            .expect("no error");
            taken
        });
        assert_eq!(taken, (0..200).collect::<Vec<_>>());
        // Four waiting, the slow one, and one started by each thread as
        // the weight fell below the limit.
        assert!(
            most_waiting.load(Ordering::SeqCst) <= 4 + 1 + 3,
            "{most_waiting:?}"
        );
    }

    #[test]
    fn a_panic_in_taking_stops_the_threads_and_goes_on() {
        let outcome = std::panic::catch_unwind(|| {
            pool(3).install(|| {
                each_in_order(
                    1_000,
                    |i| i,
                    no_weight,
                    |i| {
                        assert!(i < 10, "taken too far");
                        Ok::<(), ()>(())
                    },
                )
            })
        });
        assert!(outcome.is_err());
    }

    #[test]
    fn one_input_or_none_is_worked_on_here() {
        let mut taken = Vec::new();
        let mut take = |r| {
            taken.push(r);
            Ok::<(), ()>(())
        };
        each_in_order(1, |i| i + 1, no_weight, &mut take).expect("no error");
        each_in_order(0, |i| i, no_weight, &mut take).expect("no error");
        assert_eq!(taken, vec![1]);
    }
}
