//! The grammar of one line's code, after comment removal and trimming, as process_text_line
//! (main/config.c) reads it. Offsets are relative to the start of the trimmed code.
//!
//! nom does the splitting; nom's types never leave this module.

use std::ops::Range;

use nom::bytes::complete::{tag, take_till};
use nom::{IResult, Parser};

use super::scan::find_byte;
use crate::text::{is_blank, strip};

/// What the code of a line is.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum LineSyntax {
    Header(HeaderSyntax),
    Directive(DirectiveSyntax),
    Item(ItemSyntax),
    /// No `=` at all (config.c: "No '=' (equal sign) in line").
    NoEquals,
    /// A leading `\` followed by a blank or nothing (config.c: "Invalid escape in line").
    InvalidEscape,
}

#[derive(Debug, PartialEq, Eq)]
pub(crate) struct HeaderSyntax {
    /// Between `[` and the first `]`; `None` when there is no `]`.
    pub(crate) name: Range<usize>,
    pub(crate) closed: bool,
    /// `(` offset, when `]` is directly followed by `(`.
    pub(crate) open_paren: Option<usize>,
    /// `)` offset, when found.
    pub(crate) close_paren: Option<usize>,
    /// The text between the parentheses (its entries are split by [`HeaderSyntax::entries`]).
    pub(crate) list: Range<usize>,
    /// Text after `]` (when no `(` follows) or after `)`, which config.c ignores.
    pub(crate) trailing: Option<Range<usize>>,
}

#[derive(Debug, PartialEq, Eq)]
pub(crate) struct DirectiveSyntax {
    /// The word after `#` (bytes above 32).
    pub(crate) name: Range<usize>,
    /// The trimmed argument, quotes included; `None` when empty.
    pub(crate) argument: Option<Range<usize>>,
    /// The argument with one pair of `"..."` or `<...>` removed.
    pub(crate) dequoted: Option<Range<usize>>,
}

#[derive(Debug, PartialEq, Eq)]
pub(crate) enum Op {
    Assign,
    Object,
    Append,
}

#[derive(Debug, PartialEq, Eq)]
pub(crate) struct ItemSyntax {
    /// The name, trimmed, with a leading `\` escape included.
    pub(crate) key: Range<usize>,
    /// Offset where the name starts after the escape (`key.start + 1` when escaped).
    pub(crate) escaped: bool,
    pub(crate) op: Op,
    pub(crate) op_range: Range<usize>,
    /// The value, trimmed (may be empty).
    pub(crate) value: Range<usize>,
}

type Res<'a, T> = IResult<&'a [u8], T>;

impl HeaderSyntax {
    /// The comma-separated entries of the option list, not trimmed: config.c splits with
    /// strsep(",") and keeps each piece as it is. No list gives no entries.
    pub(crate) fn entries<'c>(&self, code: &'c [u8]) -> impl Iterator<Item = Range<usize>> + 'c {
        let list = self.list.clone();
        let has_list = self.close_paren.is_some();
        let mut start = list.start;
        let mut done = !has_list;
        std::iter::from_fn(move || {
            if done {
                return None;
            }
            let end = memchr::memchr(b',', &code[start..list.end]).map_or(list.end, |i| start + i);
            let entry = start..end;
            if end == list.end {
                done = true;
            } else {
                start = end + 1;
            }
            Some(entry)
        })
    }
}

/// Parse trimmed, non-empty code.
pub(crate) fn parse_code(code: &[u8]) -> LineSyntax {
    match code.first() {
        Some(b'[') => LineSyntax::Header(header(code)),
        Some(b'#') => LineSyntax::Directive(directive(code)),
        _ => item(code),
    }
}

fn offset(whole: &[u8], rest: &[u8]) -> usize {
    whole.len() - rest.len()
}

fn header(code: &[u8]) -> HeaderSyntax {
    // `[` then everything up to the first `]` (config.c: strchr(cur, ']')).
    let bracketed: Res<'_, (&[u8], &[u8])> = (tag(&b"["[..]), take_till(|c| c == b']')).parse(code);
    let (rest, name) = match bracketed {
        Ok((rest, (_, name))) => (rest, name),
        Err(_) => (&code[code.len()..], &code[1..]),
    };
    let name = 1..1 + name.len();
    if rest.is_empty() {
        return HeaderSyntax {
            name,
            closed: false,
            open_paren: None,
            close_paren: None,
            list: 0..0,
            trailing: None,
        };
    }
    let after_bracket = offset(code, rest) + 1;
    let mut out = HeaderSyntax {
        name,
        closed: true,
        open_paren: None,
        close_paren: None,
        list: 0..0,
        trailing: None,
    };
    if code.get(after_bracket) != Some(&b'(') {
        if after_bracket < code.len() {
            out.trailing = Some(after_bracket..code.len());
        }
        return out;
    }
    out.open_paren = Some(after_bracket);
    let list_start = after_bracket + 1;
    let (rest, list) = till(&code[list_start..], b')');
    if rest.is_empty() {
        return out;
    }
    let close = list_start + list.len();
    out.close_paren = Some(close);
    out.list = list_start..close;
    if close + 1 < code.len() {
        out.trailing = Some(close + 1..code.len());
    }
    out
}

/// Split `input` before the first `byte`: (rest starting at `byte`, text before it). The rest
/// is empty when `byte` does not occur. (Not nom's `take_till`, which tests a byte at a
/// time: this runs on every option line.)
fn till(input: &[u8], byte: u8) -> (&[u8], &[u8]) {
    let at = find_byte(byte, input).unwrap_or(input.len());
    (&input[at..], &input[..at])
}

fn directive(code: &[u8]) -> DirectiveSyntax {
    // `#` then the name: bytes above 32 (config.c: `while (*c && *c > 32) c++`).
    let name_end = 1 + code[1..].iter().take_while(|&&c| !is_blank(c)).count();
    let (arg_start, arg_end) = strip(code, name_end, code.len());
    let argument = (arg_start < arg_end).then_some(arg_start..arg_end);
    let dequoted = argument.clone().map(|r| {
        let (first, last) = (code[r.start], code[r.end - 1]);
        let closing = match first {
            b'"' => Some(b'"'),
            b'<' => Some(b'>'),
            _ => None,
        };
        // config.c removes the opening quote only when the last byte is the matching close.
        match closing {
            Some(c) if last == c && r.len() >= 2 => r.start + 1..r.end - 1,
            Some(c) if last == c => r.end..r.end,
            _ => r,
        }
    });
    DirectiveSyntax {
        name: 1..name_end,
        argument,
        dequoted,
    }
}

fn item(code: &[u8]) -> LineSyntax {
    let escaped = code[0] == b'\\';
    if escaped && code.get(1).is_none_or(|&c| c < 33) {
        return LineSyntax::InvalidEscape;
    }
    // config.c: strchr(cur + is_escaped, '=') with cur already past the `\`.
    let search_from = if escaped { 2 } else { 0 };
    let (rest, before) = till(&code[search_from..], b'=');
    if rest.is_empty() {
        return LineSyntax::NoEquals;
    }
    let eq = search_from + before.len();
    let name_start = usize::from(escaped);
    let (op, op_range, key_end) = if eq > name_start + usize::from(escaped) && code[eq - 1] == b'+'
    {
        (Op::Append, eq - 1..eq + 1, eq - 1)
    } else if code.get(eq + 1) == Some(&b'>') {
        (Op::Object, eq..eq + 2, eq)
    } else {
        (Op::Assign, eq..eq + 1, eq)
    };
    let (key_start, key_end) = strip(code, 0, key_end);
    let (value_start, value_end) = strip(code, op_range.end, code.len());
    LineSyntax::Item(ItemSyntax {
        key: key_start..key_end,
        escaped,
        op,
        op_range,
        value: value_start..value_end,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn item_of(code: &str) -> ItemSyntax {
        match parse_code(code.as_bytes()) {
            LineSyntax::Item(i) => i,
            other => panic!("not an item: {other:?}"),
        }
    }

    #[test]
    fn items_split_at_the_first_equals() {
        let i = item_of("exten => 1,1,Set(a=b)");
        assert_eq!((i.key, i.op, i.value), (0..5, Op::Object, 9..21));
        let i = item_of("allow += ,g722");
        assert_eq!((i.key, i.op, i.value), (0..5, Op::Append, 9..14));
        let i = item_of(r"\[weird=1");
        assert_eq!((i.key, i.escaped, i.value), (0..7, true, 8..9));
        assert_eq!(parse_code(b"no equals here"), LineSyntax::NoEquals);
        assert_eq!(parse_code(b"\\ x=1"), LineSyntax::InvalidEscape);
    }

    #[test]
    fn headers_keep_untrimmed_entries() {
        let LineSyntax::Header(h) = parse_code(b"[a](!, b)x") else {
            panic!()
        };
        let entries: Vec<_> = h.entries(b"[a](!, b)x").collect();
        assert_eq!(entries, vec![4..5, 6..8]);
        assert_eq!(h.trailing, Some(9..10));
        let LineSyntax::Header(h) = parse_code(b"[a](b") else {
            panic!()
        };
        assert_eq!((h.open_paren, h.close_paren), (Some(3), None));
        let LineSyntax::Header(h) = parse_code(b"[abc") else {
            panic!()
        };
        assert!(!h.closed);
    }

    #[test]
    fn directives_dequote_only_matching_pairs() {
        let LineSyntax::Directive(d) = parse_code(b"#include \"x.conf\"") else {
            panic!()
        };
        assert_eq!((d.name, d.dequoted), (1..8, Some(10..16)));
        let LineSyntax::Directive(d) = parse_code(b"#include <x.conf") else {
            panic!()
        };
        assert_eq!(d.dequoted, Some(9..16));
    }
}
