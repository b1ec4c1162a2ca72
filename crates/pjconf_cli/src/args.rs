//! Command-line arguments.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

/// pjconf: parse, check and compile Asterisk PJSIP configuration.
///
/// Reads sip.conf, pjsip.conf and pjsip_wizard.conf exactly as Asterisk reads them, reports
/// every problem with its file:line:column, and exits 0 when clean, 1 when there are findings
/// at error level, 2 when it could not do its job.
#[derive(Debug, Parser)]
#[command(
    name = "pjconf",
    version,
    propagate_version = true,
    max_term_width = 100,
    after_help = "Examples:\n  pjconf parse /etc/asterisk/pjsip.conf\n  pjconf parse --reprint - < pjsip.conf\n  pjconf parse --format sarif pjsip.conf 2> pjconf.sarif"
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Parse a configuration file and print its syntax tree as JSON.
    ///
    /// Follows #include and #tryinclude (inside --root); reports syntax problems on standard
    /// error. With --reprint, prints the file back from the tree instead: always
    /// byte-identical to the input.
    Parse(ParseArgs),
    /// Resolve templates and print every section with its full value list.
    ///
    /// Applies config.c's inheritance (parents left to right, then the section's own lines),
    /// `(+)` and `+=`. `--format conf` prints pjsip.conf text with the templates flattened
    /// away; `--format json` adds where each value came from. Diagnostics (shown as
    /// --diagnostics says) go to standard error.
    Resolve(ResolveArgs),
    /// Show each value of a section with the line that wrote it and the template chain it
    /// came through (only KEY's values when KEY is given).
    Explain(ExplainArgs),
    /// List the sections that inherit from a section, directly or through other templates.
    Dependents(DependentsArgs),
    /// Check pjsip.conf or pjsip_wizard.conf files: syntax, templates, objects, references,
    /// conflicts Asterisk resolves silently. Findings go to standard output.
    ///
    /// Exit 0 when no finding is at error level, 1 when one is (or a warning, with
    /// --warnings-as-errors), 2 when a file cannot be read. `pjconf rule CODE` explains a code.
    Lint(crate::commands::lint::LintArgs),
    /// Print the documentation of a diagnostic code or lint rule name.
    Rule(crate::commands::rule::RuleArgs),
    /// Expand a pjsip_wizard.conf into the pjsip.conf objects Asterisk's wizard creates.
    Expand(crate::commands::expand::ExpandArgs),
    /// Convert chan_sip sip.conf (with its includes) into pjsip.conf.
    ///
    /// Every option that is not translated is reported on standard error (and as JSON with
    /// --report) with its place, the reason and what to do instead. Exits 0 when everything
    /// was translated, 1 when the report lists something a person must look at.
    Convert(ConvertArgs),
    /// Compile a multi-tenant model (TOML/JSON, or a directory with engine.toml and
    /// tenants/*.toml) into pjsip.conf.
    ///
    /// Each tenant keeps its own templates (or, with --flatten, every object is written fully
    /// resolved); names never collide across tenants and every isolation rule is checked.
    /// Nothing is written when the model has errors (exit 1).
    Compile(crate::commands::compile::CompileArgs),
    /// Compare two configurations object by object, after template resolution.
    ///
    /// Objects are matched by (type, id); order, formatting, comments and how values were
    /// inherited do not count. Scalar options compare their last value, list options the
    /// whole ordered list. Exit 0 when equal, 1 when different, 2 on failure.
    Diff(crate::commands::diff::DiffArgs),
    /// Write the compiled objects into Asterisk's PJSIP realtime tables (ps_*).
    ///
    /// Compares with the database and writes only the rows that differ (insert, update,
    /// delete) in one transaction; a second run changes nothing. Deletes only rows this
    /// --scope wrote. Prints the `sorcery memory cache expire` commands (or AMI actions) that
    /// make a running Asterisk see each change. --dry-run prints the SQL instead.
    Apply(crate::commands::apply::ApplyArgs),
    /// Create the realtime tables that are missing (PostgreSQL: the reference schema;
    /// SQLite: narrow tables with only the columns in use).
    Schema(crate::commands::schema::SchemaArgs),
    /// Show the PJSIP objects an edit of a multi-tenant model adds, removes or changes.
    ///
    /// Objects are matched by tenant, type and id; a changed object lists each option whose
    /// value changed (scalar options: the last value; list options: the ordered list). Only
    /// what the edit touches is recompiled. Exit 0 when nothing changes, 1 when something
    /// does, 2 when a model cannot be read or has errors.
    Impact(crate::commands::impact::ImpactArgs),
}

/// How diagnostics are shown and judged; shared by every subcommand.
#[derive(Debug, Clone, Args)]
pub struct OutputArgs {
    /// Diagnostic format.
    #[arg(long, value_enum, default_value_t = FormatArg::Human, global = true)]
    pub format: FormatArg,
    /// When to color human output.
    #[arg(long, value_enum, default_value_t = ColorArg::Auto, global = true)]
    pub color: ColorArg,
    /// Exit 1 on warnings too.
    #[arg(long, global = true)]
    pub warnings_as_errors: bool,
}

/// Where input files come from; shared by commands that read configuration.
#[derive(Debug, Clone, Args)]
pub struct InputArgs {
    /// The configuration file, or `-` for standard input.
    pub file: PathBuf,
    /// Directory that every read must stay inside, and against which relative #include paths
    /// resolve (Asterisk resolves them against its config directory). Default: the file's
    /// directory (the current directory for `-`).
    #[arg(long, value_name = "DIR")]
    pub root: Option<PathBuf>,
}

/// `pjconf parse`.
#[derive(Debug, Args)]
pub struct ParseArgs {
    #[command(flatten)]
    pub input: InputArgs,
    /// Print the file back from the tree (byte-identical) instead of the JSON tree.
    #[arg(long)]
    pub reprint: bool,
    #[command(flatten)]
    pub output: OutputArgs,
}

/// `--format`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FormatArg {
    /// Source lines with carets, for people.
    Human,
    /// A JSON array (schema in docs/diagnostics.md).
    Json,
    /// SARIF 2.1.0, for code-scanning uploads.
    Sarif,
    /// GitHub Actions workflow annotations.
    Github,
}

/// `--color`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorArg {
    /// Color when standard error is a terminal and NO_COLOR is not set.
    Auto,
    /// Always color.
    Always,
    /// Never color.
    Never,
}

/// `pjconf resolve`.
#[derive(Debug, Args)]
pub struct ResolveArgs {
    #[command(flatten)]
    pub input: InputArgs,
    /// Only the sections with this name (Sorcery ids are case-sensitive; ignoring case when
    /// nothing matches exactly).
    #[arg(long, value_name = "NAME")]
    pub section: Option<String>,
    /// What to print on standard output.
    #[arg(long, value_enum, default_value_t = ResolveFormat::Conf)]
    pub format: ResolveFormat,
    /// Diagnostic format (standard error).
    #[arg(long, value_enum, default_value_t = FormatArg::Human)]
    pub diagnostics: FormatArg,
    /// When to color human output.
    #[arg(long, value_enum, default_value_t = ColorArg::Auto)]
    pub color: ColorArg,
    /// Exit 1 on warnings too.
    #[arg(long)]
    pub warnings_as_errors: bool,
}

/// `pjconf resolve --format`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ResolveFormat {
    /// pjsip.conf text: no templates, every section with its full value list.
    Conf,
    /// JSON: every section (templates too) with each value's origin and chain.
    Json,
}

/// `pjconf explain`.
#[derive(Debug, Args)]
pub struct ExplainArgs {
    #[command(flatten)]
    pub input: InputArgs,
    /// The section to explain (every section of that name).
    pub section: String,
    /// Only the values of this option (case-insensitive).
    pub key: Option<String>,
    #[command(flatten)]
    pub output: OutputArgs,
}

/// `pjconf dependents`.
#[derive(Debug, Args)]
pub struct DependentsArgs {
    #[command(flatten)]
    pub input: InputArgs,
    /// The section whose dependents to list.
    pub section: String,
    #[command(flatten)]
    pub output: OutputArgs,
}

/// `pjconf convert`.
#[derive(Debug, Args)]
pub struct ConvertArgs {
    #[command(flatten)]
    pub input: InputArgs,
    /// Where to write pjsip.conf (`-`: standard output). Written atomically; never the input.
    #[arg(short = 'o', long = "output", value_name = "FILE", default_value = "-")]
    pub output_file: PathBuf,
    /// Also write the report as JSON to this file.
    #[arg(long, value_name = "FILE")]
    pub report: Option<PathBuf>,
    /// Resolve templates into each section instead of keeping them.
    #[arg(long)]
    pub flatten: bool,
    /// Write one file per original file into DIR, plus DIR/pjsip.conf including them.
    #[arg(long, value_name = "DIR", conflicts_with = "output_file")]
    pub split: Option<PathBuf>,
    #[command(flatten)]
    pub output: OutputArgs,
}
