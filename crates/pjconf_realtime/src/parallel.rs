//! The rows of a large model on every core: converting objects to rows is the largest part
//! of a whole-model apply, and each object converts alone.

use pjconf_model::PjsipObject;

use crate::error::RealtimeError;
use crate::rows::{Dialect, Row, row_for};

/// Objects per piece of work: small enough to share the work out, large enough that a
/// piece costs far more than handing it over.
const CHUNK: usize = 4096;

/// [`row_for`] of every object, in order; the error of the first object that fails (as a
/// sequential conversion would report).
pub(crate) fn rows_in_parallel(
    objects: &[PjsipObject],
    dialect: Dialect,
) -> Result<Vec<Row>, RealtimeError> {
    let chunks: Vec<&[PjsipObject]> = objects.chunks(CHUNK).collect();
    let pieces = pjconf_parallel::map_ordered(chunks.len(), &|i| {
        chunks[i]
            .iter()
            .map(|o| row_for(o, dialect))
            .collect::<Result<Vec<Row>, RealtimeError>>()
    });
    let mut rows = Vec::with_capacity(objects.len());
    for piece in pieces {
        rows.extend(piece?);
    }
    Ok(rows)
}
