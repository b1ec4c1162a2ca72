//! Showing diagnostics and turning them into an exit status.

use pjconf_diagnostics::render::{self, Format, RenderOptions};
use pjconf_diagnostics::{Diagnostic, Severity, SourceMap};

use crate::args::{ColorArg, FormatArg, OutputArgs};
use crate::{Console, ExitStatus};

/// Where rendered diagnostics go.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Sink {
    /// Standard error: the command has its own output on standard output.
    Stderr,
    /// Standard output: the diagnostics are the command's output (lint).
    Stdout,
}

fn format_of(arg: FormatArg) -> Format {
    match arg {
        FormatArg::Human => Format::Human,
        FormatArg::Json => Format::Json,
        FormatArg::Sarif => Format::Sarif,
        FormatArg::Github => Format::Github,
    }
}

/// Sort, render and write `diagnostics`; return the exit status they call for.
pub(crate) fn report(
    diagnostics: &mut [Diagnostic],
    sources: &SourceMap,
    output: &OutputArgs,
    sink: Sink,
    console: &mut Console,
) -> ExitStatus {
    render::sort(diagnostics);
    let color = match output.color {
        ColorArg::Always => true,
        ColorArg::Never => false,
        ColorArg::Auto => match sink {
            Sink::Stderr => console.err_is_color_terminal,
            Sink::Stdout => console.out_is_color_terminal,
        },
    };
    let format = format_of(output.format);
    let options = RenderOptions {
        color,
        tool_version: env!("CARGO_PKG_VERSION").to_string(),
    };
    // Machine formats always print (an empty array / an empty SARIF run is an answer);
    // human output prints nothing when there is nothing to say.
    if !(diagnostics.is_empty() && format == Format::Human) {
        let mut text = render::render(format, diagnostics, sources, &options);
        if format == Format::Human && !diagnostics.is_empty() {
            text.push_str(&render::summary(diagnostics));
            text.push('\n');
        }
        match sink {
            Sink::Stderr => console.err_str(&text),
            Sink::Stdout => console.out_str(&text),
        }
    }
    status_of(diagnostics, output.warnings_as_errors)
}

/// 1 when any diagnostic is an error (or a warning, with `--warnings-as-errors`), else 0.
pub(crate) fn status_of(diagnostics: &[Diagnostic], warnings_as_errors: bool) -> ExitStatus {
    let threshold = if warnings_as_errors {
        Severity::Warning
    } else {
        Severity::Error
    };
    if diagnostics.iter().any(|d| d.severity >= threshold) {
        ExitStatus::Findings
    } else {
        ExitStatus::Success
    }
}

/// The common end of a command whose output is text: write `text` on standard output and the
/// diagnostics on standard error, and return their status. When the command could not produce
/// its text (`Err`, e.g. an unknown section), the diagnostics are still shown, and the run
/// fails (exit 2) with the error's message.
pub(crate) fn finish<E: std::fmt::Display>(
    text: Result<String, E>,
    diagnostics: &mut [Diagnostic],
    sources: &SourceMap,
    output: &OutputArgs,
    console: &mut Console,
) -> Result<ExitStatus, crate::CliError> {
    match text {
        Ok(text) => {
            console
                .out(text.as_bytes())
                .map_err(|e| crate::CliError::io("cannot write output", e))?;
            Ok(report(diagnostics, sources, output, Sink::Stderr, console))
        }
        Err(e) => {
            report(diagnostics, sources, output, Sink::Stderr, console);
            Err(crate::CliError::Usage(e.to_string()))
        }
    }
}

/// `value` as pretty JSON with a final newline (every JSON output of the CLI).
pub(crate) fn pretty_json<T: serde::Serialize + ?Sized>(
    value: &T,
) -> Result<String, crate::CliError> {
    let mut text = serde_json::to_string_pretty(value)
        .map_err(|e| crate::CliError::Usage(format!("cannot render JSON: {e}")))?;
    text.push('\n');
    Ok(text)
}

/// Exit status of a comparison: 0 when nothing differs, 1 when something does.
pub(crate) fn changes_status(nothing_changed: bool) -> ExitStatus {
    if nothing_changed {
        ExitStatus::Success
    } else {
        ExitStatus::Findings
    }
}
