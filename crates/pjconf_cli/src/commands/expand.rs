//! `pjconf expand FILE`: pjsip_wizard.conf as the pjsip.conf objects the wizard creates.

use clap::Args;
use pjconf_emit::{Document, EmitOption, EmitSection, emit};
use pjconf_model::wizard;

use crate::args::{InputArgs, OutputArgs};
use crate::report::finish;
use crate::{CliError, Console, ExitStatus, input};

/// `pjconf expand`.
#[derive(Debug, Args)]
pub struct ExpandArgs {
    #[command(flatten)]
    pub input: InputArgs,
    #[command(flatten)]
    pub output: OutputArgs,
}

/// Print the expansion on standard output; wizard, template and syntax diagnostics go to
/// standard error. Nothing is printed when the expansion cannot be written back faithfully.
pub(crate) fn run(args: &ExpandArgs, console: &mut Console) -> Result<ExitStatus, CliError> {
    let config = input::load(&args.input, console)?;
    let mut diagnostics = config.diagnostics.clone();
    let resolution = pjconf_lint::resolve_sections(&config);
    diagnostics.extend(resolution.diagnostics);
    let wizards = resolution.sections.into_iter().filter(wizard::is_wizard);
    let expansion = wizard::expand_all(wizards);
    diagnostics.extend(expansion.diagnostics);
    let mut document = Document::new();
    for section in &expansion.sections {
        let mut out = EmitSection::new(section.name.clone());
        out.options = section.values.iter().map(EmitOption::from).collect();
        document.push_section(out);
    }
    for hint in &expansion.hints {
        document.push_comment(format!(
            "extensions.conf [{}]: exten => {},hint,{}",
            hint.context, hint.exten, hint.device
        ));
    }
    let text = emit(&document).unwrap_or_else(|refused| {
        // Nothing is printed when the expansion cannot be written back faithfully; the
        // refusals say why (and make the exit status 1).
        diagnostics.extend(refused);
        String::new()
    });
    finish(
        Ok::<_, CliError>(text),
        &mut diagnostics,
        &config.sources,
        &args.output,
        console,
    )
}
