//! Lint bench: a generated pjsip.conf of N endpoints, each with its aor and auth (every
//! 1000th endpoint names a missing aor, so the did-you-mean path runs too), through the whole
//! check (`pjconf_lint::check_config`: syntax, templates, objects, every rule).
//!
//! Target (issue 5): 100,000 endpoints in at most 1 s and 1 GB peak memory.
//!
//! ```sh
//! cargo run --release -p pjconf_benches --bin lint_bench -- 100000
//! ```
//! Prints the input size, the best of three timings of the check (the file already in
//! memory), the number of findings, and the process's peak resident set (VmHWM).
//! `LINT_BENCH_STAGES=1` also times each stage once (load, resolve, classify, rules).
//!
//! Figures at 100,000 endpoints (release build, 2-core VM; instructions from callgrind per
//! load + check, the repeatable figure; wall times are the best of 3 on a VM shared with
//! other builds, so they vary 1.5x from run to run). Stages at load average 2: load 110 ms,
//! resolve 380 ms, classify 35 ms, rules 299 ms.
//!
//! | | before (`6b6b03a`, glibc malloc) | after (mimalloc, as `pjconf` uses) |
//! | --- | --- | --- |
//! | instructions, load + check | 4.86 G | 3.99 G |
//! | of which load (parse) | 1.06 G | 1.03 G |
//! | template resolution (`resolve_sections`) | 3.1 G | 2.20 G |
//! | rules | 0.7 G | 0.72 G |
//! | wall, best of 3 | 2.18 s (load average 1) | 0.73-0.83 s (load average 2); 1.36 s at 5 |
//! | peak RSS | 577 MiB | 533-573 MiB |

#![allow(clippy::print_stdout)]

use std::fmt::Write as _;
use std::time::{Duration, Instant};

use pjconf_benches::measure::peak_rss_kib;
use pjconf_lint::{FileKind, Selection, check_config};
use pjconf_syntax::{LoadOptions, MemoryLoader, load_text};

/// The allocator the `pjconf` binary uses (crates/pjconf_cli/src/main.rs), so the figures are
/// what `pjconf` does.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn generate(endpoints: usize) -> String {
    let mut out = String::with_capacity(endpoints * 260);
    out.push_str("[transport-udp]\ntype = transport\nprotocol = udp\nbind = 0.0.0.0:5060\n\n");
    out.push_str("[phone](!)\ntype = endpoint\ncontext = from-phones\ndisallow = all\nallow = ulaw,alaw\ntransport = transport-udp\n\n");
    for i in 0..endpoints {
        let id = 100_000 + i;
        let aors = if i % 1000 == 0 {
            format!("x{id}")
        } else {
            id.to_string()
        };
        let _ = write!(
            out,
            "[{id}](phone)\naors = {aors}\nauth = {id}\ncallerid = \"Phone {id}\" <{id}>\n\n\
             [{id}]\ntype = aor\nmax_contacts = 1\n\n\
             [{id}]\ntype = auth\nauth_type = userpass\nusername = {id}\npassword = secret{id}\n\n"
        );
    }
    out
}

fn main() {
    let endpoints: usize = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(100_000);
    let text = generate(endpoints);
    let bytes = text.len();
    let loader = MemoryLoader::new();
    let mut best = Duration::MAX;
    let mut findings = 0;
    for _ in 0..3 {
        let started = Instant::now();
        let config = load_text(
            &loader,
            "pjsip.conf",
            text.clone().into_bytes(),
            &LoadOptions::default(),
        );
        let report = check_config(&config, FileKind::Pjsip, &Selection::default());
        best = best.min(started.elapsed());
        findings = report.diagnostics.len();
    }
    if std::env::var_os("LINT_BENCH_STAGES").is_some() {
        let t = Instant::now();
        let config = load_text(
            &loader,
            "pjsip.conf",
            text.clone().into_bytes(),
            &LoadOptions::default(),
        );
        let load = t.elapsed();
        let t = Instant::now();
        let resolution = pjconf_lint::resolve_sections(&config);
        let resolve = t.elapsed();
        let t = Instant::now();
        let objects = pjconf_model::ObjectSet::classify(resolution.sections);
        let classify = t.elapsed();
        let t = Instant::now();
        let cx = pjconf_lint::LintContext::new(&objects);
        let found = pjconf_lint::lint(&cx, &Selection::default());
        let rules = t.elapsed();
        println!(
            "stages: load {load:?}, resolve {resolve:?}, classify {classify:?}, rules {rules:?} ({} findings)",
            found.len()
        );
        for rule in pjconf_lint::rules() {
            let t = Instant::now();
            let sel = Selection {
                select: vec![rule.meta().code.to_string()],
                ignore: vec![],
            };
            let _ = pjconf_lint::lint(&pjconf_lint::LintContext::new(&objects), &sel);
            println!("  {} {:?}", rule.meta().code, t.elapsed());
        }
    }
    println!(
        "lint: {endpoints} endpoints (+aors, auths), {:.1} MiB: best {:.0} ms, {findings} findings, peak RSS {:.0} MiB",
        bytes as f64 / 1048576.0,
        best.as_secs_f64() * 1000.0,
        peak_rss_kib() as f64 / 1024.0
    );
}
