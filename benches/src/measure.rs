//! What the bench binaries measure besides time.

/// A field of `/proc/self/status` in KiB (`VmHWM` is the peak resident set, `VmRSS` the
/// current one); 0 where /proc is not available.
pub fn proc_status_kib(field: &str) -> u64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    status
        .lines()
        .find_map(|l| l.strip_prefix(field)?.strip_prefix(':'))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
        .unwrap_or(0)
}

/// The peak resident set of this process so far, in KiB.
pub fn peak_rss_kib() -> u64 {
    proc_status_kib("VmHWM")
}
