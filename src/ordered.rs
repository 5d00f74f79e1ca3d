//! An ordered parallel map: items are worked on by several threads, results consumed in input order.
//!
//! `build` analyses files on every core while one thread stores the finished ones, and `analyze`
//! searches the graph from blocks of nodes on every core while one thread adds up their scores:
//! results arrive in input order, so they never depend on the thread count or on timing. Workers
//! stay at most `window` items ahead of the consumer, so memory is bounded by the window, not by
//! the input.

use std::collections::BTreeMap;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{mpsc, Condvar, Mutex};

/// Runs `work` on each item on `jobs` threads and passes each result, in input order, to `consume`.
/// The first error from `consume` stops the work (items not yet started are not worked on) and is
/// returned.
pub fn for_each_ordered<T, R, E>(
    items: &[T],
    jobs: usize,
    window: usize,
    work: impl Fn(&T) -> R + Sync,
    mut consume: impl FnMut(usize, R) -> Result<(), E>,
) -> Result<(), E>
where
    T: Sync,
    R: Send,
{
    if jobs <= 1 || items.len() <= 1 {
        for (i, item) in items.iter().enumerate() {
            consume(i, work(item))?;
        }
        return Ok(());
    }
    let window = window.max(jobs);
    let next = AtomicUsize::new(0);
    let stop = AtomicBool::new(false);
    // How many results the consumer has taken; workers wait while they are a window ahead.
    let consumed = (Mutex::new(0usize), Condvar::new());
    let (sender, receiver) = mpsc::channel::<(usize, R)>();
    std::thread::scope(|scope| {
        for _ in 0..jobs {
            let sender = sender.clone();
            let (next, stop, consumed, work) = (&next, &stop, &consumed, &work);
            scope.spawn(move || {
                let _guard = StopOnPanic { stop, consumed };
                loop {
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    if i >= items.len() {
                        return;
                    }
                    let (lock, ready) = consumed;
                    let mut done = lock.lock().unwrap_or_else(|e| e.into_inner());
                    while i >= *done + window && !stop.load(Ordering::Relaxed) {
                        done = ready.wait(done).unwrap_or_else(|e| e.into_inner());
                    }
                    drop(done);
                    if stop.load(Ordering::Relaxed) || sender.send((i, work(&items[i]))).is_err() {
                        return;
                    }
                }
            });
        }
        drop(sender);
        let mut pending = BTreeMap::new();
        let mut result = Ok(());
        'items: for want in 0..items.len() {
            let value = loop {
                if let Some(value) = pending.remove(&want) {
                    break value;
                }
                match receiver.recv() {
                    Ok((i, value)) => {
                        pending.insert(i, value);
                    }
                    // Every worker is gone before this item's result: one panicked, and leaving the
                    // scope passes its panic on.
                    Err(_) => break 'items,
                }
            };
            result = consume(want, value);
            let (lock, ready) = &consumed;
            *lock.lock().unwrap_or_else(|e| e.into_inner()) = want + 1;
            if result.is_err() {
                stop.store(true, Ordering::Relaxed);
            }
            ready.notify_all();
            if result.is_err() {
                break;
            }
        }
        drop(receiver);
        result
    })
}

/// Stops the other workers when a worker panics, so none waits for a consumer that waits for the
/// panicked worker's result: the scope ends and passes the panic on instead of hanging.
struct StopOnPanic<'a> {
    stop: &'a AtomicBool,
    consumed: &'a (Mutex<usize>, Condvar),
}

impl Drop for StopOnPanic<'_> {
    fn drop(&mut self) {
        if std::thread::panicking() {
            let (lock, ready) = self.consumed;
            let _held = lock.lock().unwrap_or_else(|e| e.into_inner());
            self.stop.store(true, Ordering::Relaxed);
            ready.notify_all();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::AtomicUsize;

    #[test]
    fn results_arrive_in_input_order_for_any_thread_count() {
        let items: Vec<u64> = (0..200).collect();
        for jobs in [1, 2, 3, 8] {
            let mut seen = Vec::new();
            // Uneven work so that threads finish out of order.
            let work = |&n: &u64| {
                std::thread::sleep(std::time::Duration::from_micros((n * 7919) % 300));
                n * n
            };
            for_each_ordered(&items, jobs, 4, work, |i, r| {
                seen.push((i, r));
                Ok::<_, ()>(())
            })
            .unwrap();
            let expected: Vec<(usize, u64)> = items.iter().map(|&n| (n as usize, n * n)).collect();
            assert_eq!(seen, expected, "jobs = {jobs}");
        }
    }

    #[test]
    fn workers_stay_within_the_window_and_an_error_stops_them() {
        let items: Vec<usize> = (0..1000).collect();
        let started = AtomicUsize::new(0);
        let error = for_each_ordered(
            &items,
            2,
            8,
            |_| started.fetch_add(1, Ordering::SeqCst),
            |i, _| if i == 20 { Err(i) } else { Ok(()) },
        );
        assert_eq!(error, Err(20));
        let started = started.load(Ordering::SeqCst);
        assert!((21..=20 + 8 + 2).contains(&started), "{started} items were started");
    }

    #[test]
    fn a_panicking_worker_ends_the_work_instead_of_hanging_it() {
        let items: Vec<usize> = (0..1000).collect();
        let outcome = std::panic::catch_unwind(|| {
            for_each_ordered(&items, 2, 4, |&n| assert_ne!(n, 10, "item ten"), |_, _| Ok::<_, ()>(()))
        });
        assert!(outcome.is_err(), "the worker's panic reaches the caller");
    }
}
