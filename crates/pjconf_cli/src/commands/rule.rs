//! `pjconf rule CODE`: what a code means.

use clap::Args;

use crate::{CliError, Console, ExitStatus};

/// `pjconf rule`.
#[derive(Debug, Args)]
pub struct RuleArgs {
    /// A code (PJ203) or lint rule name (unknown-option).
    #[arg(required_unless_present = "list")]
    pub code: Option<String>,
    /// List every code with its severity and summary.
    #[arg(long)]
    pub list: bool,
}

/// Every code of the stages that are not lint rules: (code, severity, summary).
fn stage_codes()
-> impl Iterator<Item = &'static (&'static str, pjconf_diagnostics::Severity, &'static str)> {
    pjconf_syntax::codes::CODES
        .iter()
        .chain(pjconf_templates::codes::CODES)
        .chain(pjconf_model::wizard::codes::CODES)
        .chain(pjconf_translate::codes::CODES)
        .chain(pjconf_tenants::codes::CODES)
        .chain(pjconf_emit::codes::CODES)
}

/// Print the rule's documentation, or a stage code's summary; exit 2 for an unknown code.
pub(crate) fn run(args: &RuleArgs, console: &mut Console) -> Result<ExitStatus, CliError> {
    let write = |console: &mut Console, text: String| {
        console
            .out(text.as_bytes())
            .map_err(|e| CliError::io("cannot write output", e))
    };
    if args.list {
        let mut text = String::new();
        for (code, severity, summary) in stage_codes() {
            text.push_str(&format!("{code}  {:<7}  {summary}\n", severity.as_str()));
        }
        for rule in pjconf_lint::rules() {
            let meta = rule.meta();
            text.push_str(&format!(
                "{}  {:<7}  {} ({})\n",
                meta.code,
                meta.severity.as_str(),
                meta.summary,
                meta.name
            ));
        }
        write(console, text)?;
        return Ok(ExitStatus::Success);
    }
    let wanted = args.code.as_deref().unwrap_or_default();
    if let Some(rule) = pjconf_lint::rule(wanted) {
        let meta = rule.meta();
        let text = format!(
            "{} {} ({})\n\n{}\n",
            meta.code,
            meta.name,
            meta.severity.as_str(),
            meta.doc.trim_end()
        );
        write(console, text)?;
        return Ok(ExitStatus::Success);
    }
    match stage_codes().find(|(code, _, _)| code.eq_ignore_ascii_case(wanted)) {
        Some((code, severity, summary)) => {
            write(
                console,
                format!("{code} ({})\n\n{summary}\n", severity.as_str()),
            )?;
            Ok(ExitStatus::Success)
        }
        None => Err(CliError::Usage(format!(
            "no code or rule named `{wanted}`; `pjconf rule --list` lists them"
        ))),
    }
}
