//! `declare_rule!`: one rule struct, its doc comment, and its [`crate::RuleMeta`] from the
//! same text, so the documentation printed by `pjconf rule CODE` is the doc comment.

/// Declare a rule struct and its `META`. The doc comment is both the rustdoc of the struct
/// and [`crate::RuleMeta::doc`] (with the one space rustdoc keeps after `///` removed).
macro_rules! declare_rule {
    (
        $(#[doc = $doc:literal])+
        pub(crate) struct $name:ident {
            code: $code:literal,
            name: $rule_name:literal,
            severity: $severity:ident,
            summary: $summary:literal $(,)?
        }
    ) => {
        $(#[doc = $doc])+
        #[derive(Debug, Clone, Copy, Default)]
        pub(crate) struct $name;

        impl $name {
            pub(crate) const META: $crate::RuleMeta = $crate::RuleMeta {
                code: $code,
                name: $rule_name,
                severity: ::pjconf_diagnostics::Severity::$severity,
                summary: $summary,
                doc: {
                    const RAW: &str = concat!($($doc, "\n"),+);
                    const LEN: usize = $crate::macros::stripped_len(RAW);
                    const BYTES: [u8; LEN] = $crate::macros::strip::<LEN>(RAW);
                    match ::core::str::from_utf8(&BYTES) {
                        Ok(text) => text,
                        Err(_) => panic!("rule documentation is not UTF-8"),
                    }
                },
            };
        }
    };
}

/// The length of `raw` without the one space that starts each of its lines.
pub(crate) const fn stripped_len(raw: &str) -> usize {
    let bytes = raw.as_bytes();
    let mut len = 0;
    let mut i = 0;
    let mut line_start = true;
    while i < bytes.len() {
        if !(line_start && bytes[i] == b' ') {
            len += 1;
        }
        line_start = bytes[i] == b'\n';
        i += 1;
    }
    len
}

/// `raw` without the one space that starts each of its lines.
pub(crate) const fn strip<const N: usize>(raw: &str) -> [u8; N] {
    let bytes = raw.as_bytes();
    let mut out = [0u8; N];
    let mut len = 0;
    let mut i = 0;
    let mut line_start = true;
    while i < bytes.len() {
        if !(line_start && bytes[i] == b' ') {
            out[len] = bytes[i];
            len += 1;
        }
        line_start = bytes[i] == b'\n';
        i += 1;
    }
    out
}
