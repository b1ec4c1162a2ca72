//! Template resolution as config.c does it, for output without templates.

use std::collections::HashMap;

use pjconf_diagnostics::Diagnostic;

use crate::check;
use crate::document::{Document, EmitItem, EmitOption, EmitSection};

/// Resolve every non-template section through its parents and drop the templates.
///
/// Each section's lines become, as ast_category_inherit builds them: the resolved lines of
/// each parent, parents left to right, then the section's own lines. Nothing is overridden:
/// every line is kept, in that order (Asterisk applies them in order, so a later scalar wins
/// and list options accumulate). A parent is the FIRST section above with that name, compared
/// ASCII case-insensitively (templates or not), as config.c looks it up. Comment blocks,
/// blank items and section comments are kept; the headers lose their parent lists.
///
/// Resolution is iterative (an explicit stack, parents always lie above), so chains of any
/// depth are fine. A parent that is not a section above, or that a header cannot hold, is
/// refused with the same diagnostics [`crate::emit`] gives, since config.c would reject the
/// file.
///
/// ```
/// use pjconf_emit::{Document, EmitSection, emit, flatten};
///
/// let mut doc = Document::new();
/// doc.push_section(EmitSection::new("codecs").template().with_option("allow", "ulaw"));
/// doc.push_section(EmitSection::new("media").template().with_option("direct_media", "no"));
/// doc.push_section(
///     EmitSection::new("6001")
///         .with_parents(["codecs", "media"])
///         .with_option("type", "endpoint")
///         .with_option("allow", "opus"),
/// );
/// let flat = flatten(&doc).unwrap();
/// assert_eq!(
///     emit(&flat).unwrap(),
///     "[6001]\nallow = ulaw\ndirect_media = no\ntype = endpoint\nallow = opus\n",
/// );
///
/// let missing = Document { items: vec![EmitSection::new("x").with_parents(["nope"]).into()] };
/// assert_eq!(flatten(&missing).unwrap_err()[0].code, "PJ612");
/// ```
pub fn flatten(doc: &Document) -> Result<Document, Vec<Diagnostic>> {
    let sections: Vec<&EmitSection> = doc.sections().collect();
    let mut first: HashMap<String, usize> = HashMap::new();
    let mut problems = Vec::new();
    let mut parents: Vec<Vec<usize>> = Vec::with_capacity(sections.len());
    let mut earlier = check::Earlier::default();
    for (i, section) in sections.iter().enumerate() {
        let mut resolved = Vec::with_capacity(section.parents.len());
        for parent in &section.parents {
            let before = problems.len();
            check::parent_name(
                &section.name,
                parent,
                section.name_span,
                &earlier,
                &mut problems,
            );
            if problems.len() == before
                && let Some(&j) = first.get(&parent.to_ascii_lowercase())
            {
                resolved.push(j);
            }
        }
        parents.push(resolved);
        let lower = section.name.to_ascii_lowercase();
        first.entry(lower).or_insert(i);
        earlier.insert(check::Caseless(&section.name));
    }
    if !problems.is_empty() {
        return Err(problems);
    }

    let mut items = Vec::with_capacity(doc.items.len());
    let mut index = 0;
    for item in &doc.items {
        match item {
            EmitItem::Section(section) => {
                if !section.template {
                    items.push(EmitItem::Section(EmitSection {
                        name: section.name.clone(),
                        name_span: section.name_span,
                        template: false,
                        parents: Vec::new(),
                        comment: section.comment.clone(),
                        options: resolve(index, &sections, &parents),
                    }));
                }
                index += 1;
            }
            other => items.push(other.clone()),
        }
    }
    Ok(Document { items })
}

/// The lines of section `start`: a depth-first walk over parent indices with an explicit
/// stack of (section, next parent to visit).
fn resolve(start: usize, sections: &[&EmitSection], parents: &[Vec<usize>]) -> Vec<EmitOption> {
    let mut out = Vec::new();
    let mut stack = vec![(start, 0usize)];
    while let Some(top) = stack.last_mut() {
        let (section, next) = *top;
        if let Some(&parent) = parents[section].get(next) {
            top.1 += 1;
            stack.push((parent, 0));
        } else {
            out.extend(sections[section].options.iter().cloned());
            stack.pop();
        }
    }
    out
}
