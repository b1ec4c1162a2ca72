//! Parser throughput and peak memory on a large generated `pjsip.conf`.
//!
//! ```text
//! cargo run --release -p pjconf_benches --bin parse_bench [-- OPTIONS]
//!   --sections N      sections to generate (default 100000)
//!   --iterations K    timed iterations (default 10)
//!   --seed S          generator seed (default 1)
//!   --keep PATH       write the generated file to PATH and keep it
//!   --parse-once PATH only read PATH and parse it once, then print VmHWM (peak RSS);
//!                     the default mode runs this in a child process
//! ```
//!
//! Throughput is bytes / best time, in MB/s (10^6 bytes per second).
#![allow(clippy::print_stdout, clippy::print_stderr, clippy::exit)]

use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::Arc;
use std::time::{Duration, Instant};

use pjconf_benches::measure::proc_status_kib;
use pjconf_diagnostics::FileId;

/// The parse targets the bench reports against.
const TARGET_MB_S: f64 = 200.0;
const TARGET_RSS_RATIO: f64 = 4.0;

/// Parser throughput and peak memory on a generated pjsip.conf.
#[derive(clap::Parser)]
struct Options {
    /// Sections to generate.
    #[arg(long, value_name = "N", default_value_t = 100_000)]
    sections: usize,
    /// Timed iterations.
    #[arg(long, value_name = "K", default_value_t = 10)]
    iterations: usize,
    /// Generator seed.
    #[arg(long, value_name = "S", default_value_t = 1)]
    seed: u64,
    /// Write the generated file to PATH and keep it.
    #[arg(long, value_name = "PATH")]
    keep: Option<PathBuf>,
    /// Only read PATH, parse it once and print VmHWM (the default mode runs this in a child).
    #[arg(long, value_name = "PATH")]
    parse_once: Option<PathBuf>,
}

/// Stop the bench with a message (exit 2).
fn fail(problem: &str) -> ! {
    eprintln!("parse_bench: {problem}");
    std::process::exit(2)
}

/// Child mode: read the file and parse it once, as a caller of the parser would, then report
/// the peak resident set size (VmHWM) before and after.
fn parse_once(path: &Path) {
    let before = proc_status_kib("VmHWM");
    let bytes = std::fs::read(path).unwrap_or_else(|e| fail(&format!("{}: {e}", path.display())));
    let len = bytes.len();
    let after_read = proc_status_kib("VmHWM");
    let parsed = pjconf_syntax::parse(FileId(0), bytes);
    let after = proc_status_kib("VmHWM");
    let rss = proc_status_kib("VmRSS");
    println!(
        "bytes={len} tokens={} lines={} diagnostics={} hwm_start_kib={before} hwm_after_read_kib={after_read} hwm_after_parse_kib={after} rss_after_parse_kib={rss}",
        parsed.tree.token_count(),
        parsed.tree.line_count(),
        parsed.diagnostics.len(),
    );
    black_box(&parsed);
}

fn field(line: &str, name: &str) -> u64 {
    line.split_whitespace()
        .find_map(|kv| kv.strip_prefix(name)?.strip_prefix('=')?.parse().ok())
        .unwrap_or(0)
}

fn mb_s(bytes: usize, time: Duration) -> f64 {
    bytes as f64 / 1e6 / time.as_secs_f64()
}

fn summary(name: &str, bytes: usize, mut times: Vec<Duration>) -> f64 {
    times.sort();
    let best = times[0];
    let median = times[times.len() / 2];
    let speed = mb_s(bytes, best);
    println!(
        "{name:<16} best {:>8.2} ms  median {:>8.2} ms  {speed:>8.1} MB/s (best)  {:>8.1} MB/s (median)",
        best.as_secs_f64() * 1e3,
        median.as_secs_f64() * 1e3,
        mb_s(bytes, median),
    );
    speed
}

fn main() {
    let mut o = <Options as clap::Parser>::parse();
    o.iterations = o.iterations.max(1);
    if let Some(path) = &o.parse_once {
        parse_once(path);
        return;
    }

    let started = Instant::now();
    let text = pjconf_benches::pjsip_conf(o.sections, o.seed);
    let generated_in = started.elapsed();
    let path = o.keep.clone().unwrap_or_else(|| {
        std::env::temp_dir().join(format!("pjconf_parse_bench_{}.conf", std::process::id()))
    });
    std::fs::write(&path, &text).unwrap_or_else(|e| fail(&format!("{}: {e}", path.display())));
    let bytes = std::fs::read(&path).unwrap_or_else(|e| fail(&format!("{}: {e}", path.display())));
    drop(text);
    let len = bytes.len();
    println!(
        "input: {} sections, {len} bytes ({:.2} MiB), generated in {:.0} ms, at {}",
        o.sections,
        len as f64 / (1024.0 * 1024.0),
        generated_in.as_secs_f64() * 1e3,
        path.display()
    );

    // The bytes are shared, so the timed loop measures the parser, not a copy of the input.
    let shared: Arc<[u8]> = bytes.into();
    let check = pjconf_syntax::parse(FileId(0), Arc::clone(&shared));
    assert!(
        check.tree.reprint() == shared[..],
        "reprint differs from the input"
    );
    println!(
        "tree: {} tokens ({:.2} bytes/token), {} lines, {} sections, {} diagnostics",
        check.tree.token_count(),
        len as f64 / check.tree.token_count().max(1) as f64,
        check.tree.line_count(),
        check.tree.sections().count(),
        check.diagnostics.len(),
    );
    drop(check);

    let mut parse_times = Vec::new();
    let mut reprint_times = Vec::new();
    let mut both_times = Vec::new();
    for _ in 0..o.iterations {
        let t0 = Instant::now();
        let parsed = pjconf_syntax::parse(FileId(0), black_box(Arc::clone(&shared)));
        let t1 = Instant::now();
        let out = parsed.tree.reprint();
        let t2 = Instant::now();
        assert_eq!(out.len(), len);
        black_box(&out);
        drop(out);
        drop(parsed);
        parse_times.push(t1 - t0);
        reprint_times.push(t2 - t1);
        both_times.push(t2 - t0);
    }
    println!("{} iterations:", o.iterations);
    let parse_speed = summary("parse", len, parse_times);
    summary("reprint", len, reprint_times);
    summary("parse+reprint", len, both_times);
    drop(shared);

    // Peak memory of a fresh process that reads the file and parses it once.
    let exe = std::env::current_exe().unwrap_or_else(|e| fail(&format!("current_exe: {e}")));
    let child = Command::new(exe).arg("--parse-once").arg(&path).output();
    let report = match &child {
        Ok(out) if out.status.success() => String::from_utf8_lossy(&out.stdout).into_owned(),
        Ok(out) => {
            eprintln!(
                "parse-once failed: {}",
                String::from_utf8_lossy(&out.stderr)
            );
            String::new()
        }
        Err(e) => {
            eprintln!("parse-once could not start: {e}");
            String::new()
        }
    };
    let hwm = field(&report, "hwm_after_parse_kib") * 1024;
    let start = field(&report, "hwm_start_kib") * 1024;
    let after_read = field(&report, "hwm_after_read_kib") * 1024;
    let ratio = hwm as f64 / len as f64;
    println!(
        "peak RSS (read + parse once, VmHWM): {:.1} MiB = {ratio:.2}x the file; \
         process start {:.1} MiB, after read {:.1} MiB; growth {:.2}x the file",
        hwm as f64 / (1024.0 * 1024.0),
        start as f64 / (1024.0 * 1024.0),
        after_read as f64 / (1024.0 * 1024.0),
        hwm.saturating_sub(start) as f64 / len as f64,
    );
    println!(
        "targets: parse {parse_speed:.1} MB/s vs >= {TARGET_MB_S} MB/s: {}; peak RSS {ratio:.2}x vs <= {TARGET_RSS_RATIO}x: {}",
        if parse_speed >= TARGET_MB_S {
            "met"
        } else {
            "MISSED"
        },
        if hwm > 0 && ratio <= TARGET_RSS_RATIO {
            "met"
        } else {
            "MISSED"
        },
    );

    if o.keep.is_none() {
        let _ = std::fs::remove_file(&path);
    }
}
