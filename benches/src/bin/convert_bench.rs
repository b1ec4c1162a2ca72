//! `pjconf convert` time and peak memory on a generated sip.conf.
//!
//! ```text
//! cargo run --release -p pjconf_benches --bin convert_bench [-- PEERS...]
//! ```
//! Default sizes: 10000 50000 100000 peers. Each size: generate (90% dynamic phones, half of
//! them through a `(phone-tpl)` template, 10% IP trunks, one `register =>` per 50 trunks, as
//! the reference gen_sipconf.py describes), then time load + translate + emit (best of 3).
//! Peak RSS (VmHWM) is read at the end. Targets: 100,000 peers in <= 1 s and <= 1 GB.
//!
//! Figures at 100,000 peers (release build, 2-core VM; instructions from callgrind, the
//! repeatable figure; wall is the best of 3 on a VM shared with other builds, so it varies
//! 1.5x from run to run):
//!
//! | | before (`6b6b03a`, glibc malloc) | after (mimalloc, as `pjconf` uses) |
//! | --- | --- | --- |
//! | instructions a peer, load + translate + emit | 74.9 k | 52.8 k (load 5.8 k, translate 37.7 k, emit 9.3 k) |
//! | wall, best of 3 | 2.51 s | 1.00-1.12 s (load average 2; 1.12 s at 5) |
//! | peak RSS | 626 MB | 559-589 MB |
#![allow(clippy::print_stdout)]

use std::fmt::Write as _;
use std::time::{Duration, Instant};

use pjconf_syntax::{LoadOptions, MemoryLoader, load};
use pjconf_translate::{Options, translate};

/// The allocator the `pjconf` binary uses (crates/pjconf_cli/src/main.rs), so the figures are
/// what `pjconf` does.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn generate(peers: usize) -> String {
    let mut s = String::with_capacity(peers * 120);
    let trunks = peers / 10;
    s.push_str("[general]\ncontext=default\nallowguest=no\nudpbindaddr=0.0.0.0:5060\n");
    s.push_str("tcpenable=yes\nexternip=198.51.100.1\nlocalnet=10.0.0.0/8\nuseragent=PBX\n");
    for t in (0..trunks).step_by(50) {
        let _ = writeln!(
            s,
            "register => trunk{t}:pw{t}@10.{}.{}.{}/100{t}",
            t >> 16 & 255,
            t >> 8 & 255,
            t & 255
        );
    }
    s.push_str(
        "\n[phone-tpl](!)\ntype=friend\nhost=dynamic\ndtmfmode=rfc2833\nnat=force_rport,comedia\n",
    );
    s.push_str("qualify=yes\ndisallow=all\nallow=ulaw,alaw,g722\ncontext=from-phones\n\n");
    for i in 0..peers - trunks {
        if i % 2 == 0 {
            let _ = writeln!(
                s,
                "; phone {i}\n[{}](phone-tpl)\nsecret=s{i}\ncallerid=\"User {i}\" <{}>\nmailbox={}@default\n",
                100000 + i,
                100000 + i,
                100000 + i
            );
        } else {
            let _ = writeln!(
                s,
                "[{}]\ntype=friend\nhost=dynamic\nsecret=s{i}\ncontext=from-phones\ndisallow=all\nallow=ulaw\nnat=no\ndirectmedia=nonat\ncall-limit=2\n",
                100000 + i
            );
        }
    }
    for t in 0..trunks {
        let _ = writeln!(
            s,
            "[trunk{t}]\ntype=peer\nhost=10.{}.{}.{}\ndefaultuser=trunk{t}\nsecret=pw{t}\ninsecure=port,invite\nqualify=yes\ncontext=from-trunk\nfromdomain=carrier.example\n",
            t >> 16 & 255,
            t >> 8 & 255,
            t & 255
        );
    }
    s
}

fn run(text: &str) -> (usize, usize, [Duration; 3]) {
    let start = Instant::now();
    let mut files = MemoryLoader::new();
    files.insert("sip.conf", text.as_bytes().to_vec());
    let config = load(&files, "sip.conf", &LoadOptions::default()).expect("load");
    let loaded = start.elapsed();
    if std::env::var_os("GRAPH_ONLY").is_some() {
        let g = pjconf_templates::TemplateGraph::from_config(&config);
        let c = cpu_time();
        drop(g);
        let _ = c;
        let t0 = cpu_time();
        let g = pjconf_templates::TemplateGraph::from_config(&config);
        println!("graph {:?} cpu {:?}", g.len(), cpu_time() - t0);
    }
    let t = translate(&config, &Options::default());
    let translated = start.elapsed();
    if std::env::var_os("NO_EMIT").is_some() {
        let peers = t.stats.peers;
        std::mem::forget(t);
        return (0, peers, [loaded, translated - loaded, Duration::ZERO]);
    }
    let out = t.text().expect("emit");
    let emitted = start.elapsed();
    (
        out.len(),
        t.stats.peers,
        [loaded, translated - loaded, emitted - translated],
    )
}

/// CPU time (user + system) of this process so far, from /proc (10 ms resolution): the
/// machine may be shared, so wall time alone can mislead.
fn cpu_time() -> Duration {
    let ticks = std::fs::read_to_string("/proc/self/stat")
        .ok()
        .and_then(|s| {
            let rest = s.rsplit_once(')')?.1.to_string();
            let f: Vec<u64> = rest
                .split_whitespace()
                .skip(11)
                .take(2)
                .filter_map(|x| x.parse().ok())
                .collect();
            Some(f.iter().sum::<u64>())
        })
        .unwrap_or(0);
    Duration::from_millis(ticks * 10)
}

fn peak_rss_mb() -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb / 1024.0)
}

fn main() {
    let sizes: Vec<usize> = std::env::args()
        .skip(1)
        .filter_map(|a| a.parse().ok())
        .collect();
    let sizes = if sizes.is_empty() {
        vec![10_000, 50_000, 100_000]
    } else {
        sizes
    };
    let mut per_peer = Vec::new();
    for n in sizes {
        let text = generate(n);
        let mut best = Duration::MAX;
        let mut best_cpu = Duration::MAX;
        let mut result = (0, 0, [Duration::ZERO; 3]);
        for _ in 0..3 {
            let start = Instant::now();
            let cpu = cpu_time();
            result = run(&text);
            best = best.min(start.elapsed());
            best_cpu = best_cpu.min(cpu_time().saturating_sub(cpu));
        }
        let us = best.as_secs_f64() * 1e6 / n as f64;
        per_peer.push(us);
        println!(
            "{n:>7} peers  {:>6.1} MB in  {:>6.1} MB out  {} endpoints  best {:>7.3} s wall, {:>7.3} s CPU  ({us:.2} us/peer; load {:.3} s, translate {:.3} s, emit {:.3} s)  peak RSS so far {:.0} MB",
            text.len() as f64 / 1e6,
            result.0 as f64 / 1e6,
            result.1,
            best.as_secs_f64(),
            best_cpu.as_secs_f64(),
            result.2[0].as_secs_f64(),
            result.2[1].as_secs_f64(),
            result.2[2].as_secs_f64(),
            peak_rss_mb().unwrap_or(f64::NAN)
        );
    }
    if let (Some(first), Some(last)) = (per_peer.first(), per_peer.last()) {
        println!(
            "time per peer, largest / smallest size: {:.2} (1.0 = linear)",
            last / first
        );
    }
}
