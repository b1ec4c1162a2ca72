//! Category filters: which earlier section a `(+filter)` header extends.
//!
//! main/config.c finds the section to extend with category_get_sep, which walks the sections
//! read so far in order and returns the first whose name matches (case-insensitively) and for
//! which does_category_match accepts the filter. The filter text is what follows `+` in the
//! header; its terms are joined by `&` (a `,` would already have ended the header entry).
//!
//! How a filter is read (does_category_match, with ast_strsep for the splitting):
//! - An empty filter (plain `+`) accepts any section that is not a template.
//! - Terms are split at `&`, then each term at `=` into a name and a value. Splitting skips a
//!   separator inside `'...'` or `"..."` or right after a `\`; each piece is trimmed and one
//!   pair of surrounding quotes removed. An empty remainder ends the list (`type=aor&` is one
//!   term). A term without `=` makes the filter match nothing.
//! - `TEMPLATES=include` (name compared case-sensitively, value not) lets templates match;
//!   `TEMPLATES=restrict` matches only templates; any other `TEMPLATES` value fails the term.
//! - Any other term is a pair of POSIX extended regular expressions: it holds when ONE
//!   variable of the section (inherited ones included) has a name matching the first and a
//!   value matching the second. The expressions are not anchored and are case-sensitive, so
//!   `type=aor` also accepts `auth_type=...aor...`; write `^type$=^aor$` to be exact. A
//!   pattern that does not compile makes the filter match nothing (config.c logs an error).
//! - The section matches when every term holds, and it is not a template unless a
//!   `TEMPLATES` term allowed templates.

mod regex;

use regex::Regex;

use crate::model::trim_blanks;

/// A parsed category filter (the text after `+` in a header).
///
/// ```
/// use pjconf_templates::CategoryFilter;
///
/// let filter = CategoryFilter::parse("type=aor");
/// assert!(filter.matches(false, [("type", "aor")]));
/// assert!(!filter.matches(false, [("type", "endpoint")]));
/// assert!(!filter.matches(true, [("type", "aor")]), "templates need TEMPLATES=include");
/// assert!(CategoryFilter::parse("").matches(false, []));
/// ```
#[derive(Debug, Clone)]
pub struct CategoryFilter {
    empty: bool,
    terms: Vec<Term>,
    invalid: Option<String>,
}

#[derive(Debug, Clone)]
enum Term {
    Include,
    Restrict,
    OtherTemplates,
    Pair(Box<Regex>, Box<Regex>),
}

impl CategoryFilter {
    /// Read `filter` with `&` between terms, as for a `(+filter)` header.
    pub fn parse(filter: &str) -> Self {
        Self::parse_with(filter, b'&')
    }

    /// Read `filter` with `sep` between terms (config.c uses `,` for its own
    /// `TEMPLATES=include` lookups).
    pub fn parse_with(filter: &str, sep: u8) -> Self {
        let mut result = CategoryFilter {
            empty: filter.is_empty(),
            terms: Vec::new(),
            invalid: None,
        };
        let mut rest = Some(filter);
        while let Some(term) = strsep(&mut rest, sep) {
            let mut pair = Some(term);
            let name = strsep(&mut pair, b'=');
            let value = strsep(&mut pair, b'=');
            let (Some(name), Some(value)) = (name, value) else {
                result.invalid = Some(format!("the term `{term}` has no `=value`"));
                return result;
            };
            let parsed = if name == "TEMPLATES" {
                if value.eq_ignore_ascii_case("include") {
                    Term::Include
                } else if value.eq_ignore_ascii_case("restrict") {
                    Term::Restrict
                } else {
                    Term::OtherTemplates
                }
            } else {
                match (Regex::new(name), Regex::new(value)) {
                    (Ok(n), Ok(v)) => Term::Pair(Box::new(n), Box::new(v)),
                    (Err(e), _) => {
                        result.invalid = Some(format!("`{name}` does not compile: {}", e.0));
                        return result;
                    }
                    (_, Err(e)) => {
                        result.invalid = Some(format!("`{value}` does not compile: {}", e.0));
                        return result;
                    }
                }
            };
            result.terms.push(parsed);
        }
        result
    }

    /// Why the filter can match nothing at all (a term without `=`, a pattern that does not
    /// compile), if it cannot.
    pub fn invalid(&self) -> Option<&str> {
        self.invalid.as_deref()
    }

    /// Does a section with these variables (in order, inherited ones included) match?
    pub fn matches<'a>(
        &self,
        is_template: bool,
        variables: impl IntoIterator<Item = (&'a str, &'a str)> + Clone,
    ) -> bool {
        if self.empty {
            return !is_template;
        }
        if self.invalid.is_some() {
            return false;
        }
        let mut found = 0;
        let mut template_ok = false;
        for term in &self.terms {
            match term {
                Term::Include => {
                    template_ok |= is_template;
                    found += 1;
                }
                Term::Restrict if is_template => {
                    template_ok = true;
                    found += 1;
                }
                Term::Restrict => return false,
                Term::OtherTemplates => {}
                Term::Pair(name, value) => {
                    let hit = variables
                        .clone()
                        .into_iter()
                        .any(|(k, v)| name.is_match(k) && value.is_match(v));
                    if hit {
                        found += 1;
                    }
                }
            }
        }
        found == self.terms.len() && (!is_template || template_ok)
    }
}

/// The next piece of `*rest` up to an unquoted, unescaped `sep`, trimmed and unquoted, as
/// ast_strsep with AST_STRSEP_STRIP gives it; `None` once the remainder is empty.
fn strsep<'a>(rest: &mut Option<&'a str>, sep: u8) -> Option<&'a str> {
    let text = (*rest)?;
    if text.is_empty() {
        return None;
    }
    let bytes = text.as_bytes();
    let mut stack = [0u8; 8];
    let mut depth = 0usize;
    let mut i = 0;
    let mut end = None;
    while i < bytes.len() {
        if bytes[i] == b'\\' {
            i += 2;
            if i >= bytes.len() {
                break;
            }
        }
        let b = bytes[i];
        if b == b'\'' || b == b'"' {
            if b == stack[depth] {
                stack[depth] = 0;
                depth -= 1;
            } else {
                depth += 1;
                if depth >= stack.len() {
                    return None;
                }
                stack[depth] = b;
            }
        }
        if b == sep && depth == 0 {
            end = Some(i);
            break;
        }
        i += 1;
    }
    let piece = match end {
        Some(at) => {
            *rest = Some(&text[at + 1..]);
            &text[..at]
        }
        None => {
            *rest = None;
            text
        }
    };
    Some(strip_quoted(piece))
}

/// ast_strip_quoted with `'` and `"`: trim, then drop one pair of matching outer quotes.
fn strip_quoted(s: &str) -> &str {
    let s = trim_blanks(s);
    match s.as_bytes().first() {
        Some(&q @ (b'\'' | b'"')) if s.as_bytes().last() == Some(&q) => {
            if s.len() == 1 {
                ""
            } else {
                &s[1..s.len() - 1]
            }
        }
        _ => s,
    }
}

#[cfg(test)]
mod tests {
    use super::{CategoryFilter, strsep};

    #[test]
    fn splits_like_ast_strsep() {
        let mut rest = Some(" type = aor &'a&b'=x& ");
        assert_eq!(strsep(&mut rest, b'&'), Some("type = aor"));
        assert_eq!(strsep(&mut rest, b'&'), Some("'a&b'=x"));
        let mut pair = Some("'a&b' = x");
        assert_eq!(strsep(&mut pair, b'='), Some("a&b"));
        assert_eq!(strsep(&mut rest, b'&'), Some(""));
        assert_eq!(strsep(&mut rest, b'&'), None);
    }

    #[test]
    fn templates_terms() {
        let include = CategoryFilter::parse("TEMPLATES=include");
        assert!(include.matches(true, []));
        assert!(include.matches(false, []));
        let restrict = CategoryFilter::parse("TEMPLATES=restrict&type=aor");
        assert!(!restrict.matches(false, [("type", "aor")]));
        assert!(restrict.matches(true, [("type", "aor")]));
        assert!(!CategoryFilter::parse("templates=include").matches(true, []));
    }

    #[test]
    fn regex_terms_are_unanchored() {
        let f = CategoryFilter::parse("type=aor");
        assert!(f.matches(false, [("auth_type", "aors")]));
        let exact = CategoryFilter::parse("^type$=^aor$");
        assert!(!exact.matches(false, [("auth_type", "aors")]));
        assert!(exact.matches(false, [("x", "y"), ("type", "aor")]));
    }

    #[test]
    fn broken_filters_match_nothing() {
        assert!(CategoryFilter::parse("type").invalid().is_some());
        assert!(!CategoryFilter::parse("type").matches(false, [("type", "x")]));
        assert!(CategoryFilter::parse("type=(").invalid().is_some());
        assert!(!CategoryFilter::parse("&type=aor").matches(false, [("type", "aor")]));
        assert!(CategoryFilter::parse("type=aor&").matches(false, [("type", "aor")]));
    }
}
