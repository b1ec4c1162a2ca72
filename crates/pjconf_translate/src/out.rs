//! Building output sections, checking every value against the pjsip option table.

use pjconf_diagnostics::{Diagnostic, Severity, Span};
use pjconf_emit::{EmitOption, EmitSection, SYNTHESIZED};
use pjconf_model::{ObjectType, check_value, lookup};

use crate::codes;

/// Where a translated line came from.
#[derive(Debug, Clone, Copy)]
pub(crate) struct From {
    pub(crate) key_span: Span,
    pub(crate) value_span: Span,
}

impl From {
    pub(crate) const NOWHERE: From = From {
        key_span: SYNTHESIZED,
        value_span: SYNTHESIZED,
    };
}

/// A section being built for one object type.
#[derive(Debug, Clone)]
pub(crate) struct Building {
    pub(crate) object_type: ObjectType,
    pub(crate) section: EmitSection,
}

impl Building {
    pub(crate) fn new(object_type: ObjectType, name: &str, name_span: Span) -> Self {
        let mut section = EmitSection::new(name);
        section.name_span = name_span;
        Building {
            object_type,
            section,
        }
    }
}

/// Append `key = value` to `b` when the option exists and the value is one Asterisk
/// accepts; otherwise report it. Returns true when the line was written.
pub(crate) fn push(
    b: &mut Building,
    report: &mut Vec<Diagnostic>,
    key: &str,
    value: &str,
    from: From,
    comment: Option<String>,
) -> bool {
    let Some(spec) = lookup(b.object_type, key) else {
        report.push(
            Diagnostic::new(
                codes::UNTRANSLATABLE_VALUE,
                Severity::Error,
                format!(
                    "internal: `{key}` is not a pjsip {} option",
                    b.object_type.as_str()
                ),
                from.key_span,
            )
            .with_note("this is a pjconf bug; please report it"),
        );
        return false;
    };
    if let Err(problem) = check_value(spec, value) {
        let mut d = Diagnostic::new(
            codes::UNTRANSLATABLE_VALUE,
            Severity::Warning,
            format!(
                "`{value}` cannot be translated to {} `{key}`: {}",
                b.object_type.as_str(),
                problem.message
            ),
            from.value_span,
        )
        .with_label(from.value_span, "not translated")
        .with_note(format!("pjsip accepts {}", problem.expected));
        if let Some(s) = problem.suggestion {
            d = d.with_help(format!("did you mean `{s}`?"));
        }
        report.push(d);
        return false;
    }
    b.section.options.push(EmitOption {
        key: key.to_string(),
        value: value.to_string(),
        comment,
        key_span: from.key_span,
        value_span: from.value_span,
    });
    true
}
