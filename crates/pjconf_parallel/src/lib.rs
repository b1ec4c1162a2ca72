//! Independent pieces of work on every core, with results in a fixed order.
//!
//! The tenant compiler (one piece per tenant) and the realtime writer (one piece per chunk
//! of objects) both need the same thing: run `f(0)`, ..., `f(n - 1)` on every available
//! core and get the results back in index order, so that what they produce does not depend
//! on scheduling.

#![warn(missing_docs)]

use std::num::NonZeroUsize;
use std::sync::atomic::{AtomicUsize, Ordering};

/// `f(0..n)` on every available core, results in index order.
///
/// Workers take the next index from a shared counter, so pieces of unequal cost share out
/// well. With one core (or one piece) everything runs on the calling thread. A panic in `f`
/// is resumed on the calling thread.
///
/// ```
/// let squares = pjconf_parallel::map_ordered(5, &|i| i * i);
/// assert_eq!(squares, [0, 1, 4, 9, 16]);
/// ```
pub fn map_ordered<T: Send>(n: usize, f: &(dyn Fn(usize) -> T + Sync)) -> Vec<T> {
    let workers = std::thread::available_parallelism()
        .map_or(1, NonZeroUsize::get)
        .min(n);
    if workers <= 1 {
        return (0..n).map(f).collect();
    }
    let next = AtomicUsize::new(0);
    let done: Vec<Vec<(usize, T)>> = std::thread::scope(|scope| {
        let handles: Vec<_> = (0..workers)
            .map(|_| {
                scope.spawn(|| {
                    let mut mine = Vec::new();
                    loop {
                        let i = next.fetch_add(1, Ordering::Relaxed);
                        if i >= n {
                            break;
                        }
                        mine.push((i, f(i)));
                    }
                    mine
                })
            })
            .collect();
        handles
            .into_iter()
            .map(|h| h.join().unwrap_or_else(|e| std::panic::resume_unwind(e)))
            .collect()
    });
    let mut slots: Vec<Option<T>> = (0..n).map(|_| None).collect();
    for (i, t) in done.into_iter().flatten() {
        slots[i] = Some(t);
    }
    slots.into_iter().flatten().collect()
}

#[cfg(test)]
mod tests {
    use super::map_ordered;

    #[test]
    fn results_come_back_in_index_order_whatever_each_piece_costs() {
        // Early pieces cost the most, so later ones finish first.
        let out = map_ordered(200, &|i| {
            let mut spin = 0u64;
            for k in 0..(200 - i) * 1000 {
                spin = std::hint::black_box(spin.wrapping_add(k as u64));
            }
            (i, spin > 0 || i == 199)
        });
        let out: Vec<usize> = out
            .into_iter()
            .map(|(i, spun)| {
                assert!(spun);
                i
            })
            .collect();
        assert_eq!(out, (0..200).collect::<Vec<_>>());
        assert!(map_ordered(0, &|i| i).is_empty());
        assert_eq!(map_ordered(1, &|i| i + 7), [7]);
    }
}
