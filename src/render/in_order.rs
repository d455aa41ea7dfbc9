//! Running numbered jobs on the rayon pool and taking their results in order on a thread of
//! its own, with no barrier between batches: a worker takes the next job as soon as it is
//! free, and may run at most a fixed number of jobs ahead of the oldest result not yet taken.

use std::collections::VecDeque;
use std::panic::AssertUnwindSafe;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Condvar, Mutex, PoisonError, mpsc};

/// Runs `work(i)` for every `i` in `0..count`, in parallel on the rayon pool, and calls
/// `take` with the results in the order of `i`, on a thread of its own while the jobs go on.
/// A job starts only when it is fewer than `ahead` (at least 1) past the next result `take`
/// waits for, so at most `ahead` results are ever held; results are taken in runs of half
/// that.
pub fn run_in_order<T: Send>(
    count: usize,
    ahead: usize,
    work: impl Fn(usize) -> T + Sync,
    mut take: impl FnMut(T) + Send,
) {
    let window = Window {
        taken: Mutex::new(0),
        moved: Condvar::new(),
        ahead: ahead.max(1),
    };
    let (tx, rx) = mpsc::channel::<(usize, T)>();
    let next_job = AtomicUsize::new(0);
    std::thread::scope(|s| {
        let window = &window;
        let taker = s.spawn(move || {
            // Closes the window when this thread ends, even by a panic, so no worker waits for
            // it forever.
            let _close = CloseOnDrop(window);
            let mut held = Held {
                slots: VecDeque::new(),
                ready: 0,
                next: 0,
            };
            // Taken in runs of half the window: this thread then wakes the workers, and reaches
            // the memory `take` writes to, once a run rather than once a job.
            let run = window.ahead.div_ceil(2);
            for (i, result) in rx {
                held.put(i, result);
                if held.ready >= run {
                    window.advance(held.take_ready(&mut take));
                }
            }
            held.take_ready(&mut take);
        });
        rayon::scope(|r| {
            for _ in 0..rayon::current_num_threads() {
                let tx = tx.clone();
                let (work, next_job) = (&work, &next_job);
                r.spawn(move |_| {
                    loop {
                        let i = next_job.fetch_add(1, Ordering::Relaxed);
                        if i >= count || !window.wait_for(i) {
                            break;
                        }
                        // A job that panics ends the window first, so the other workers stop
                        // instead of waiting for its result.
                        let done = std::panic::catch_unwind(AssertUnwindSafe(|| work(i)));
                        match done {
                            Ok(result) => {
                                if tx.send((i, result)).is_err() {
                                    break;
                                }
                            }
                            Err(e) => {
                                window.close();
                                std::panic::resume_unwind(e);
                            }
                        }
                    }
                });
            }
        });
        drop(tx);
        if let Err(e) = taker.join() {
            std::panic::resume_unwind(e);
        }
    });
}

/// Results that came in out of order, held until every one before them is in.
struct Held<T> {
    /// From the next result to take on; `None` where the job has not ended.
    slots: VecDeque<Option<T>>,
    /// How many at the front are in.
    ready: usize,
    /// The job number of the front.
    next: usize,
}

impl<T> Held<T> {
    /// Holds the result of job `i` (at or past `next`, given once).
    fn put(&mut self, i: usize, result: T) {
        let at = i - self.next;
        if self.slots.len() <= at {
            self.slots.resize_with(at + 1, || None);
        }
        self.slots[at] = Some(result);
        while self.slots.get(self.ready).is_some_and(Option::is_some) {
            self.ready += 1;
        }
    }

    /// Hands the results ready at the front to `take`, in order; returns the next job number.
    fn take_ready(&mut self, take: &mut impl FnMut(T)) -> usize {
        for result in self.slots.drain(..self.ready).flatten() {
            take(result);
        }
        self.next += self.ready;
        self.ready = 0;
        self.next
    }
}

/// How far the taker has got, which the workers wait on.
struct Window {
    /// The next result the taker waits for (`usize::MAX` once it has ended).
    taken: Mutex<usize>,
    moved: Condvar,
    ahead: usize,
}

impl Window {
    /// Waits until job `i` may start; `false` when the taker has ended and no result is wanted.
    fn wait_for(&self, i: usize) -> bool {
        let mut taken = self.taken.lock().unwrap_or_else(PoisonError::into_inner);
        while *taken != usize::MAX && i >= *taken + self.ahead {
            taken = self
                .moved
                .wait(taken)
                .unwrap_or_else(PoisonError::into_inner);
        }
        *taken != usize::MAX
    }

    /// Closes the window: every worker waiting or about to wait stops.
    fn close(&self) {
        *self.taken.lock().unwrap_or_else(PoisonError::into_inner) = usize::MAX;
        self.moved.notify_all();
    }

    fn advance(&self, taken: usize) {
        let mut t = self.taken.lock().unwrap_or_else(PoisonError::into_inner);
        if *t != usize::MAX {
            *t = taken;
        }
        self.moved.notify_all();
    }
}

/// Closes the window when dropped.
struct CloseOnDrop<'a>(&'a Window);

impl Drop for CloseOnDrop<'_> {
    fn drop(&mut self) {
        self.0.close();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn results_are_taken_in_order_whatever_order_they_finish_in() {
        let mut got = Vec::new();
        // Early jobs take longest, so later ones finish first and must be held back.
        run_in_order(
            200,
            8,
            |i| {
                if i % 16 == 0 {
                    std::thread::sleep(std::time::Duration::from_millis(2));
                }
                i * 3
            },
            |r| got.push(r),
        );
        assert_eq!(got, (0..200).map(|i| i * 3).collect::<Vec<_>>());
    }

    #[test]
    fn no_job_runs_more_than_ahead_past_the_next_result_taken() {
        let taken = AtomicUsize::new(0);
        let worst = AtomicUsize::new(0);
        run_in_order(
            300,
            4,
            |i| {
                let t = taken.load(Ordering::SeqCst);
                worst.fetch_max(i - t.min(i), Ordering::SeqCst);
                if i % 7 == 0 {
                    std::thread::sleep(std::time::Duration::from_millis(1));
                }
                i
            },
            |i| taken.store(i + 1, Ordering::SeqCst),
        );
        assert_eq!(taken.load(Ordering::SeqCst), 300);
        // `taken` is stored just before the window moves, so a job sees it at most `ahead - 1`
        // behind itself.
        assert!(worst.load(Ordering::SeqCst) < 4, "{worst:?}");
    }

    #[test]
    fn a_job_that_panics_ends_the_run_with_its_panic() {
        let r = std::panic::catch_unwind(|| {
            run_in_order(
                100,
                2,
                |i| {
                    if i == 5 {
                        panic!("job {i} fails");
                    }
                    i
                },
                |_| {},
            );
        });
        let e = r.expect_err("the panic reaches the caller");
        let msg = e.downcast_ref::<String>().map(String::as_str);
        assert_eq!(msg, Some("job 5 fails"));
    }

    #[test]
    fn nothing_to_run_takes_nothing() {
        let mut got: Vec<usize> = Vec::new();
        run_in_order(0, 4, |i| i, |r| got.push(r));
        assert!(got.is_empty());
    }
}
