//! `--format github`: GitHub Actions workflow commands, which the runner turns into
//! annotations on the pull request.
//!
//! Escaping follows `@actions/core` (`toolkit/packages/core/src/command.ts`): in the message,
//! `%` → `%25`, `\r` → `%0D`, `\n` → `%0A`; in property values, additionally `:` → `%3A` and
//! `,` → `%2C`.

use std::fmt::Write as _;

use super::resolve;
use crate::{Diagnostic, Severity, SourceMap};

/// Render each diagnostic as one workflow command line:
///
/// ```text
/// ::error file=NAME,line=L,col=C,endLine=L2,endColumn=C2,title=CODE::MESSAGE
/// ```
///
/// Errors use `::error`, warnings `::warning`, info `::notice`. `endColumn` is the column just
/// after the span, like everywhere else in pjconf output. The message is followed, each on a
/// new (escaped) line, by `help: ...` and by one `note: ...` per note. Every line ends with a
/// newline; no diagnostics give an empty string.
///
/// ```
/// use pjconf_diagnostics::render::github;
/// use pjconf_diagnostics::{Diagnostic, SourceMap, Span};
///
/// let mut sources = SourceMap::new();
/// let file = sources.add("pjsip.conf", b"[udp\n".to_vec());
/// let d = Diagnostic::error("PJ003", "missing `]`", Span::new(file, 0, 4))
///     .with_help("add `]`: [udp]");
/// assert_eq!(
///     github(&[d], &sources),
///     "::error file=pjsip.conf,line=1,col=1,endLine=1,endColumn=5,title=PJ003\
///      ::missing `]`%0Ahelp: add `]`: [udp]\n",
/// );
/// ```
pub fn github(diagnostics: &[Diagnostic], sources: &SourceMap) -> String {
    let mut out = String::new();
    for d in diagnostics {
        let command = match d.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "notice",
        };
        let at = resolve(sources, d.primary.span);
        let mut message = d.message.clone();
        if let Some(help) = &d.help {
            message.push_str("\nhelp: ");
            message.push_str(help);
        }
        for note in &d.notes {
            message.push_str("\nnote: ");
            message.push_str(note);
        }
        let _ = writeln!(
            out,
            "::{command} file={},line={},col={},endLine={},endColumn={},title={}::{}",
            escape_property(sources.name(d.primary.span.file)),
            at.start_line,
            at.start_column,
            at.end_line,
            at.end_column,
            escape_property(d.code),
            escape_data(&message),
        );
    }
    out
}

/// Escape a command's message (`escapeData` in `@actions/core`).
fn escape_data(s: &str) -> String {
    s.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// Escape a command property value (`escapeProperty` in `@actions/core`).
fn escape_property(s: &str) -> String {
    escape_data(s).replace(':', "%3A").replace(',', "%2C")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escaping_matches_actions_core() {
        assert_eq!(escape_data("50% a\r\nb: c, d"), "50%25 a%0D%0Ab: c, d");
        assert_eq!(
            escape_property("C:\\a,b%\n"),
            "C%3A\\a%2Cb%25%0A".to_owned()
        );
    }
}
