//! Limits config.c applies while reading, and the limits pjconf adds for safety.

/// config.c reads lines with `fgets` into an 8192-byte buffer (config_text_file_load); a line
/// whose text (without its `\n`) is longer than this is skipped whole, with a warning.
pub const MAX_LINE_LEN: usize = 8190;

/// config.c counts nested `;--` block comments up to `MAX_NESTED_COMMENTS` (128).
pub const MAX_NESTED_COMMENTS: i32 = 128;

/// Largest single file pjconf reads (64 MiB). Bigger files are refused with a diagnostic.
pub const MAX_FILE_SIZE: u64 = 64 * 1024 * 1024;

/// Largest total of all files one load reads (512 MiB).
pub const MAX_TOTAL_SIZE: u64 = 512 * 1024 * 1024;

/// Deepest `#include` nesting followed (the top file is depth 0). Asterisk has no limit of its
/// own; a chain this deep is almost certainly a mistake, and the limit keeps a load bounded.
pub const MAX_INCLUDE_DEPTH: usize = 32;

/// Most files one load reads, counting each included file once.
pub const MAX_FILES: usize = 10_000;
