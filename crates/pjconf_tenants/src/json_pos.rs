//! The positions of keys and values in a JSON document, by model path. serde_json gives no
//! spans, so this scanner walks the text once (iteratively, any depth) and records them; on
//! malformed JSON it stops quietly (serde_json reports the error).

use pjconf_diagnostics::{FileId, Span};

use crate::source::{Positions, record};

enum Frame {
    Object { path: String },
    Array { path: String, index: usize },
}

/// Record the span of every key and value of `text` under `prefix`.
pub(crate) fn scan(file: FileId, text: &str, prefix: &str, positions: &mut Positions) {
    let b = text.as_bytes();
    let mut i = 0;
    let mut stack: Vec<Frame> = Vec::new();
    // The path and key span of the value about to be read.
    let mut pending: Option<(String, Span)> = Some((prefix.to_string(), Span::empty(file, 0)));
    let sp = |s: usize, e: usize| Span::new(file, s as u32, e as u32);
    // Values whose end is not known yet: (path, key span, start).
    let mut open: Vec<(String, Span, usize)> = Vec::new();
    loop {
        while i < b.len() && b[i].is_ascii_whitespace() {
            i += 1;
        }
        if i >= b.len() {
            return;
        }
        match b[i] {
            b'{' | b'[' => {
                let (path, key) = pending
                    .take()
                    .unwrap_or_else(|| (String::new(), Span::empty(file, 0)));
                open.push((path.clone(), key, i));
                stack.push(if b[i] == b'{' {
                    Frame::Object { path }
                } else {
                    Frame::Array { path, index: 0 }
                });
                i += 1;
                if let Some(Frame::Array { path, index }) = stack.last() {
                    let p = format!("{path}[{index}]");
                    pending = Some((p, Span::empty(file, i as u32)));
                }
            }
            b'}' | b']' => {
                stack.pop();
                pending = None;
                if let Some((path, key, start)) = open.pop() {
                    let key = if key.is_empty() {
                        sp(start, i + 1)
                    } else {
                        key
                    };
                    record(positions, path, key, sp(start, i + 1));
                }
                i += 1;
            }
            b',' => {
                i += 1;
                if let Some(Frame::Array { path, index }) = stack.last_mut() {
                    *index += 1;
                    pending = Some((format!("{path}[{index}]"), Span::empty(file, i as u32)));
                }
            }
            b':' => i += 1,
            b'"' => {
                let start = i;
                i += 1;
                while i < b.len() && b[i] != b'"' {
                    i += if b[i] == b'\\' { 2 } else { 1 };
                }
                i = (i + 1).min(b.len());
                let in_object_key =
                    matches!(stack.last(), Some(Frame::Object { .. })) && pending.is_none();
                if in_object_key {
                    let key: String = serde_json::from_str(&text[start..i]).unwrap_or_default();
                    if let Some(Frame::Object { path }) = stack.last() {
                        let p = if path.is_empty() {
                            key
                        } else {
                            format!("{path}.{key}")
                        };
                        pending = Some((p, sp(start, i)));
                    }
                } else {
                    finish_scalar(&mut pending, positions, sp(start, i));
                }
            }
            _ => {
                let start = i;
                while i < b.len()
                    && !matches!(b[i], b',' | b'}' | b']')
                    && !b[i].is_ascii_whitespace()
                {
                    i += 1;
                }
                if i == start {
                    return;
                }
                finish_scalar(&mut pending, positions, sp(start, i));
            }
        }
    }
}

fn finish_scalar(pending: &mut Option<(String, Span)>, positions: &mut Positions, value: Span) {
    if let Some((path, key)) = pending.take() {
        let key = if key.is_empty() { value } else { key };
        record(positions, path, key, value);
    }
}
