//! The diagnostics of the template stage, one constructor per code (see [`crate::codes`]).

use pjconf_diagnostics::{Applicability, Diagnostic, Edit, Fix, Span};

use crate::codes;
use crate::model::trim_blanks;

/// What Asterisk does with a file whose header names a parent it cannot find.
fn inheritance_rejected(parent: &str) -> String {
    format!(
        "Asterisk rejects the whole file: no transports, no endpoints at start-up, and the old configuration stays on reload (\"Inheritance requested, but category '{parent}' does not exist\")"
    )
}

/// A section that a suggestion or an explanation points at: its name and where it is.
#[derive(Debug, Clone)]
pub(crate) struct Place {
    pub(crate) name: String,
    pub(crate) span: Span,
}

/// PJ101: the parent exists nowhere.
pub(crate) fn unknown_parent(
    child: &str,
    parent: &str,
    at: Span,
    suggestion: Option<Place>,
    file_order: bool,
) -> Diagnostic {
    let mut d = Diagnostic::error(
        codes::UNKNOWN_PARENT,
        format!("`{child}` inherits from `{parent}`, which does not exist"),
        at,
    )
    .with_label(at, format!("no section named `{parent}`"));
    match suggestion {
        Some(s) => {
            d = d
                .with_help(format!("did you mean `{}`?", s.name))
                .with_secondary(s.span, format!("`{}` is defined here", s.name))
                .with_fix(Fix {
                    message: format!("Replace `{parent}` with `{}`", s.name),
                    applicability: Applicability::Unsafe,
                    edits: vec![Edit {
                        span: at,
                        content: s.name,
                    }],
                });
        }
        None => {
            d = d.with_help(format!(
                "define a section `[{parent}]` above `[{child}]`, or fix the name"
            ));
        }
    }
    if file_order {
        d = d.with_note(inheritance_rejected(parent));
    }
    d
}

/// PJ102: the parent is defined, but only below the section that names it.
pub(crate) fn defined_below(child: &str, parent: &str, at: Span, defined: Span) -> Diagnostic {
    Diagnostic::error(
        codes::PARENT_DEFINED_BELOW,
        format!("`{child}` inherits from `{parent}`, which is defined only below it"),
        at,
    )
    .with_label(at, format!("`{parent}` is not defined yet at this point"))
    .with_secondary(defined, format!("`{parent}` is defined here, below `{child}`"))
    .with_help(format!("move `[{parent}]` above `[{child}]`"))
    .with_note(
        "config.c looks a parent up among the sections read so far (process_text_line), never further down",
    )
    .with_note(inheritance_rejected(parent))
}

/// PJ103: blanks around a parent name, which config.c keeps.
pub(crate) fn parent_blanks(
    child: &str,
    parent: &str,
    at: Span,
    trimmed_exists: bool,
    file_order: bool,
) -> Diagnostic {
    let trimmed = trim_blanks(parent);
    let mut d = Diagnostic::error(
        codes::PARENT_NAME_BLANKS,
        format!("`{child}` inherits from `{parent}`, with blanks around the name"),
        at,
    )
    .with_label(at, format!("Asterisk looks for a section named `{parent}`"))
    .with_help(format!(
        "remove the space: write `{trimmed}` with no blanks after the `,` or around the name"
    ))
    .with_fix(Fix {
        message: format!("Remove the blanks around `{trimmed}`"),
        applicability: Applicability::Safe,
        edits: vec![Edit {
            span: at,
            content: trimmed.to_string(),
        }],
    })
    .with_note("config.c splits the parent list at `,` and does not trim the names");
    if !trimmed_exists {
        d = d.with_note(format!("there is no section named `{trimmed}` either"));
    }
    if file_order {
        d = d.with_note(inheritance_rejected(parent));
    }
    d
}

/// PJ104: a section that names itself as its parent.
pub(crate) fn self_inheritance(child: &str, at: Span, file_order: bool) -> Diagnostic {
    let d = self_reference(child, at);
    if file_order {
        d.with_note(
            "config.c looks the parent up before it adds the new section, so it finds nothing",
        )
        .with_note(inheritance_rejected(child))
    } else {
        d
    }
}

/// PJ104 after a `+`: `[a](+,a)` makes the extended section inherit from itself.
pub(crate) fn self_inheritance_after_extend(child: &str, at: Span) -> Diagnostic {
    self_reference(child, at).with_note(format!(
        "after `+`, `{child}` is the section being worked on: ast_category_inherit would copy it into itself while walking its own list, which only stops when memory runs out"
    ))
}

fn self_reference(child: &str, at: Span) -> Diagnostic {
    Diagnostic::error(
        codes::SELF_INHERITANCE,
        format!("`{child}` inherits from itself"),
        at,
    )
    .with_label(at, format!("`{child}` names itself as its parent"))
    .with_help(format!("remove `{child}` from its own parent list"))
}

/// One step of a cycle: `child` inherits from the next step's section at `at`.
#[derive(Debug, Clone)]
pub(crate) struct CycleStep {
    pub(crate) child: String,
    pub(crate) parent: String,
    pub(crate) at: Span,
}

/// PJ105: sections that inherit from each other in a loop.
pub(crate) fn cycle(steps: &[CycleStep], others: &[String]) -> Diagnostic {
    let mut path: Vec<&str> = steps.iter().map(|s| s.child.as_str()).collect();
    path.push(&steps[0].child);
    let first = &steps[0];
    let mut d = Diagnostic::error(
        codes::INHERITANCE_CYCLE,
        format!("inheritance cycle: {}", path.join(" -> ")),
        first.at,
    )
    .with_label(
        first.at,
        format!("`{}` inherits from `{}`", first.child, first.parent),
    );
    for step in &steps[1..] {
        d = d.with_secondary(
            step.at,
            format!("`{}` inherits from `{}`", step.child, step.parent),
        );
    }
    d = d.with_help("remove one of these parents to break the cycle");
    if !others.is_empty() {
        d = d.with_note(format!(
            "also caught in the same loop: {}",
            others
                .iter()
                .map(|o| format!("`{o}`"))
                .collect::<Vec<_>>()
                .join(", ")
        ));
    }
    d.with_note("the parents inside the loop are ignored when these sections are resolved")
}

/// Why a `(+)` header found nothing to extend.
#[derive(Debug, Clone)]
pub(crate) enum ExtendMiss {
    /// No section of that name at all (before it, in file order).
    Nothing,
    /// Only templates, and a plain `+` skips templates.
    OnlyTemplates(Vec<Span>),
    /// Sections of that name exist, and none matches the filter.
    FilterMismatch(Vec<Span>),
    /// The filter can never match.
    BadFilter(String),
}

/// PJ106: `(+)` with no section to extend.
pub(crate) fn nothing_to_extend(
    name: &str,
    filter: &str,
    at: Span,
    miss: ExtendMiss,
    below: Option<Span>,
    file_order: bool,
) -> Diagnostic {
    let header = format!("[{name}](+{filter})");
    let place = if file_order { " above it" } else { "" };
    let message = match &miss {
        ExtendMiss::OnlyTemplates(_) => {
            format!("`{header}` extends `{name}`, but every `{name}`{place} is a template")
        }
        _ if filter.is_empty() => {
            format!("`{header}` extends `{name}`, but no section `{name}` is defined{place}")
        }
        _ => format!(
            "`{header}` extends `{name}`, but no section `{name}`{place} matches `{filter}`"
        ),
    };
    let mut d = Diagnostic::error(codes::NOTHING_TO_EXTEND, message, at)
        .with_label(at, "nothing to extend");
    match miss {
        ExtendMiss::Nothing => {
            d = d.with_help(format!(
                "define `[{name}]` before this header, or drop the `+` to start a new section"
            ));
        }
        ExtendMiss::OnlyTemplates(spans) => {
            for s in spans {
                d = d.with_secondary(s, format!("`{name}` is a template"));
            }
            d = d.with_help(format!(
                "a plain `+` never extends a template; write `[{name}](+TEMPLATES=include)` to extend it"
            ));
        }
        ExtendMiss::FilterMismatch(spans) => {
            for s in spans {
                d = d.with_secondary(s, format!("this `{name}` does not match `{filter}`"));
            }
            d = d.with_help(
                "the filter is `name=value` regular expressions (unanchored) tested against every option of the section; fix it, or use a plain `+`",
            );
        }
        ExtendMiss::BadFilter(why) => {
            d = d
                .with_help("fix the filter: terms are `name=value` joined by `&`")
                .with_note(format!("the filter can never match: {why}"));
        }
    }
    if let Some(below) = below {
        d = d.with_secondary(below, format!("`{name}` is defined here, below"));
    }
    if file_order {
        d = d.with_note(format!(
            "Asterisk rejects the whole file (\"Category addition requested, but category '{name}' does not exist\")"
        ));
    }
    d
}

/// PJ107: `(+)` lines that sections which already inherited never get; `children` are the
/// first few of the `count` children read before.
pub(crate) fn extension_after_inheritance(
    name: &str,
    at: Span,
    count: usize,
    children: &[(String, Span)],
) -> Diagnostic {
    let first = &children[0].0;
    let (who, them) = match count {
        1 => (format!("`{first}`"), format!("`{first}`")),
        2 => (format!("`{first}` and 1 other section"), "them".to_string()),
        n => (
            format!("`{first}` and {} other sections", n - 1),
            "them".to_string(),
        ),
    };
    let mut d = Diagnostic::warning(
        codes::EXTENSION_AFTER_INHERITANCE,
        format!("lines added to `{name}` after {who} inherited from it do not reach {them}"),
        at,
    )
    .with_label(at, format!("extends `{name}` too late for {who}"));
    for (child, span) in children {
        d = d.with_secondary(*span, format!("`{child}` copied `{name}` here"));
    }
    d.with_help(format!(
        "move this section above the sections that inherit from `{name}`, or put the lines in `[{name}]` itself"
    ))
    .with_note(
        "inheritance copies the parent's options when the child is read (ast_category_inherit); a later `(+)` does not reach children read before it",
    )
}
