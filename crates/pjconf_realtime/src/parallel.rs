//! The rows of a large model on every core: converting objects to rows is the largest part
//! of a whole-model apply, and each object converts alone.

use pjconf_model::PjsipObject;

use crate::error::RealtimeError;
use crate::rows::{Dialect, Row, row_for};

/// Objects per piece of work: small enough to share the work out, large enough that a
/// piece costs far more than handing it over.
const CHUNK: usize = 4096;

/// The rows of one piece, with its position among the pieces.
type Piece = (usize, Result<Vec<Row>, RealtimeError>);

/// [`row_for`] of every object, in order; the error of the first object that fails (as a
/// sequential conversion would report).
pub(crate) fn rows_in_parallel(
    objects: &[PjsipObject],
    dialect: Dialect,
) -> Result<Vec<Row>, RealtimeError> {
    let one = |chunk: &[PjsipObject]| -> Result<Vec<Row>, RealtimeError> {
        chunk.iter().map(|o| row_for(o, dialect)).collect()
    };
    let workers = std::thread::available_parallelism()
        .map_or(1, std::num::NonZeroUsize::get)
        .min(objects.len().div_ceil(CHUNK));
    if workers <= 1 {
        return one(objects);
    }
    let chunks: Vec<&[PjsipObject]> = objects.chunks(CHUNK).collect();
    let next = std::sync::atomic::AtomicUsize::new(0);
    let done: Vec<Vec<Piece>> = std::thread::scope(|scope| {
        let handles: Vec<_> = (0..workers)
            .map(|_| {
                scope.spawn(|| {
                    let mut mine = Vec::new();
                    loop {
                        let i = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                        let Some(chunk) = chunks.get(i) else {
                            break;
                        };
                        mine.push((i, one(chunk)));
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
    let mut pieces: Vec<Piece> = done.into_iter().flatten().collect();
    pieces.sort_unstable_by_key(|(i, _)| *i);
    let mut rows = Vec::with_capacity(objects.len());
    for (_, piece) in pieces {
        rows.extend(piece?);
    }
    Ok(rows)
}
