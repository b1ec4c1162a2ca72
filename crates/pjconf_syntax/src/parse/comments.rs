//! Comment removal on one line, exactly as config_text_file_load (main/config.c) does it.
//!
//! config.c walks the `;` characters of each line: `\;` is an escaped semicolon, `;--` opens a
//! block comment (unless a fourth `-` follows), `--;` closes one, and any other `;` outside a
//! block comment ends the line. Block comments nest (counter up to 128). The close test runs
//! even outside a block comment, so a stray `--;` drives the counter below zero, and from then
//! on config.c treats every line as commented: we reproduce that, and report it.

use std::ops::Range;

use crate::limits::MAX_NESTED_COMMENTS;

/// How a region of a line is read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Region {
    /// A `;` comment to the end of the line.
    Comment,
    /// Inside (or delimiting) a block comment.
    Block,
    /// Hidden by a stray `--;` earlier in the file.
    Hidden,
}

/// The result of splitting one line.
#[derive(Debug, Default)]
pub(crate) struct Split {
    /// The code pieces, in order (several when an inline block comment splits the code).
    pub(crate) pieces: Vec<Range<usize>>,
    /// Where a plain `;` comment starts, if any.
    pub(crate) comment_at: Option<usize>,
    /// Offsets of `;--` that opened an outermost block comment on this line.
    pub(crate) opened_at: Option<usize>,
    /// Offset of a `--;` that took the counter below zero.
    pub(crate) stray_close_at: Option<usize>,
    /// Offset of a `;--` refused because of the nesting limit.
    pub(crate) too_deep_at: Option<usize>,
    /// True when the line started inside a block comment or hidden region.
    pub(crate) started_in_comment: bool,
    /// The counter when the line started.
    pub(crate) depth_at_start: i32,
}

impl Split {
    /// Classify `[start, end)` of a line that is not in a code piece.
    pub(crate) fn region_of_gap(&self, start: usize) -> Region {
        match self.comment_at {
            Some(c) if start >= c => Region::Comment,
            _ if self.depth_at_start < 0 && self.pieces.is_empty() => Region::Hidden,
            _ => Region::Block,
        }
    }
}

/// Split `line` (without its newline) into code and comments; `depth` is config.c's block
/// comment counter, carried from line to line.
pub(crate) fn split_line(line: &[u8], depth: &mut i32, out: &mut Split) {
    out.pieces.clear();
    out.comment_at = None;
    out.opened_at = None;
    out.stray_close_at = None;
    out.too_deep_at = None;
    out.depth_at_start = *depth;
    out.started_in_comment = *depth != 0;

    // config.c: `if (comment) process_buf = NULL; else process_buf = buf;`
    let mut open_piece: Option<usize> = if *depth == 0 { Some(0) } else { None };
    let mut scan = 0usize;
    while let Some(found) = memchr::memchr(b';', &line[scan..]) {
        let p = scan + found;
        if p > scan && line[p - 1] == b'\\' {
            // Escaped semicolon: not a comment.
            scan = p + 1;
        } else if line.get(p + 1) == Some(&b'-')
            && line.get(p + 2) == Some(&b'-')
            && line.get(p + 3) != Some(&b'-')
        {
            if *depth < MAX_NESTED_COMMENTS {
                if let Some(s) = open_piece.take() {
                    push_piece(&mut out.pieces, s..p);
                }
                if *depth == 0 && out.opened_at.is_none() {
                    out.opened_at = Some(p);
                }
                *depth += 1;
                scan = p + 3;
            } else {
                // config.c logs an error and does not advance (it would loop); we move on.
                out.too_deep_at.get_or_insert(p);
                scan = p + 1;
            }
        } else if p >= scan + 2 && line[p - 1] == b'-' && line[p - 2] == b'-' {
            *depth -= 1;
            scan = p + 1;
            if *depth == 0 {
                if open_piece.is_none() {
                    open_piece = Some(p + 1);
                }
            } else if *depth == -1 {
                out.stray_close_at.get_or_insert(p - 2);
            }
        } else if *depth == 0 {
            // A plain comment ends the line.
            if let Some(s) = open_piece.take() {
                push_piece(&mut out.pieces, s..p);
            }
            out.comment_at = Some(p);
            break;
        } else {
            scan = p + 1;
        }
    }
    if let Some(s) = open_piece {
        push_piece(&mut out.pieces, s..line.len());
    }
}

/// [`split_line`] for a line of `len` bytes known to hold no `;`: no comment opens, closes or
/// starts on it, so the whole line is code, or all of it is inside a block comment. The same
/// result as `split_line`, without scanning the line.
pub(crate) fn split_line_without_semicolon(len: usize, depth: i32, out: &mut Split) {
    out.pieces.clear();
    out.comment_at = None;
    out.opened_at = None;
    out.stray_close_at = None;
    out.too_deep_at = None;
    out.depth_at_start = depth;
    out.started_in_comment = depth != 0;
    if depth == 0 {
        push_piece(&mut out.pieces, 0..len);
    }
}

fn push_piece(pieces: &mut Vec<Range<usize>>, piece: Range<usize>) {
    if !piece.is_empty() {
        pieces.push(piece);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(lines: &[&str]) -> Vec<Vec<String>> {
        let mut depth = 0;
        let mut split = Split::default();
        lines
            .iter()
            .map(|l| {
                split_line(l.as_bytes(), &mut depth, &mut split);
                split
                    .pieces
                    .iter()
                    .map(|r| l[r.clone()].to_string())
                    .collect()
            })
            .collect()
    }

    #[test]
    fn plain_escaped_and_block_comments() {
        assert_eq!(run(&["a=1 ; c"]), [vec!["a=1 "]]);
        assert_eq!(run(&[r"a=x\;y ; c"]), [vec![r"a=x\;y "]]);
        assert_eq!(run(&["a=1 ;-- c --; 2"]), [vec!["a=1 ", " 2"]]);
        assert_eq!(
            run(&["a=1 ;-- start", "inside ; x", "end --; b=2"]),
            [vec!["a=1 "], vec![], vec![" b=2"]]
        );
        // `;---` is an ordinary comment, not a block comment.
        assert_eq!(run(&[";--- banner", "a=1"]), [vec![], vec!["a=1"]]);
    }

    #[test]
    fn stray_close_hides_everything_after_it() {
        // From reading config.c: the counter goes to -1, the current line keeps its text
        // (no NUL is written), and every later line is skipped.
        assert_eq!(
            run(&["x=a--;note ; more", "b=2", "c=3"]),
            [vec!["x=a--;note ; more"], vec![], vec![]]
        );
    }

    #[test]
    fn the_shortcut_without_semicolons_agrees() {
        for line in ["", "a=1", "  [x](!)  ", "--", "a=b--", "\\"] {
            for depth in [-1, 0, 1, 5] {
                let (mut d1, mut full, mut short) = (depth, Split::default(), Split::default());
                split_line(line.as_bytes(), &mut d1, &mut full);
                split_line_without_semicolon(line.len(), depth, &mut short);
                assert_eq!(d1, depth, "{line:?}");
                assert_eq!(
                    format!("{full:?}"),
                    format!("{short:?}"),
                    "{line:?} at {depth}"
                );
            }
        }
    }

    #[test]
    fn nested_block_comments() {
        assert_eq!(
            run(&[";-- outer ;-- inner --; still --;a=1", "b=2"]),
            [vec!["a=1"], vec!["b=2"]]
        );
    }
}
