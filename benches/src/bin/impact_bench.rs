//! `pjconf_tenants::impact` time on a generated multi-tenant model: one tenant's template,
//! inherited by all of that tenant's lines, changes.
//!
//! ```text
//! cargo run --release -p pjconf_benches --bin impact_bench [-- OPTIONS]
//!   --tenants N    tenants (default 1000)
//!   --lines M      lines per tenant (default 1000)
//!   --reps R       timed repetitions of each scenario (default 5)
//!   --skip-objects compile the old model without keeping its objects: impact then
//!                  recompiles the affected elements on both sides (else the old side's
//!                  objects are found in the old compilation)
//!   --text         build the models as a directory model's texts (engine.toml and one
//!                  TOML file per tenant) parsed with `ModelSource::from_files` (parsing
//!                  not timed): the unchanged tenants' files then have the same bytes, which
//!                  impact compares instead of the parsed values
//! ```
//!
//! The model is the one of `compile_bench` (four templates per tenant, `base` inherited by
//! every line through `phone`). Not timed: building the two models as Rust values and
//! compiling the old one (without its objects: the template graphs are what impact needs).
//! Timed: everything [`pjconf_tenants::impact`] does: the structural comparison of the two
//! models, the dependents of the changed template, the recompilation of the affected lines
//! on both sides and the object comparison. Scenarios: `template` (tenant N/2's `base`
//! changes: context and allow, so 2 options of each of its M endpoints), `line` (one line's
//! caller id), `none` (identical models: the cost of the comparison alone). Target:
//! `template` <= 50 ms for 1,000 x 1,000 lines (release build).
//!
//! Measured 2026-11-23 on a 2-core machine shared with other builds (wall times are
//! pessimistic and noisy), old objects kept unless said:
//! - 1,000 x 1,000, `--text`, load about 4: template 40.5 ms (median 43.2 ms: target met),
//!   line 22.3 ms (27.8), none 23.1 ms (31.6); peak RSS 11.5 GB (two parsed models with
//!   positions, objects kept). The binary of the session before (commit `6b6b03a`), run
//!   right after at load about 5: template 55.9 ms (58.2), line 24.4 ms (28.4). (The same
//!   binary measured 214 ms earlier that day at load 4-7.)
//! - 100 x 1,000, `--text`, load about 3: template 18.0 ms (median 20.1), was 31.3 (39.0).
//! - Earlier in the day, 1,000 x 1,000 `--skip-objects` (values, no texts): template 594 ms,
//!   line 366 ms, none 310 ms: the structural comparison of 1M lines (~300 ns a line)
//!   dominates.
//! - Instructions (callgrind `--toggle-collect` on `impact` and on the recompilation's
//!   worker closures, 20 x 1,000, `--text`, the three scenarios together): 80.2 M, was
//!   119.8 M counted the same way. 49.5 M recompile the 1,001 affected lines (was 83.8 M):
//!   about 49 k a line, of which the objects 25.7 k, the template graph 9.3 k, the option
//!   checks 6.2 k (no sections are built for impact any more); 17.6 M compare the objects
//!   (was 21.0 M); the rest mostly drops them and compares the models.
#![allow(clippy::print_stdout, clippy::print_stderr, clippy::exit)]

use std::time::{Duration, Instant};

use pjconf_benches::tenant_model::generate;
use pjconf_tenants::{CompileOptions, ModelSource, compile, impact};

const TARGET: Duration = Duration::from_millis(50);

/// `pjconf_tenants::impact` time on a generated multi-tenant model.
#[derive(clap::Parser)]
struct Options {
    /// Tenants (at least 1).
    #[arg(long, value_name = "N", default_value_t = 1000)]
    tenants: usize,
    /// Lines per tenant (at least 1).
    #[arg(long, value_name = "M", default_value_t = 1000)]
    lines: usize,
    /// Timed repetitions of each scenario (at least 1).
    #[arg(long, value_name = "R", default_value_t = 5)]
    reps: usize,
    /// Compile the old model without keeping its objects.
    #[arg(long)]
    skip_objects: bool,
    /// Build the models as a directory model's texts, parsed with `ModelSource::from_files`.
    #[arg(long)]
    text: bool,
}

fn options() -> Options {
    let mut o = <Options as clap::Parser>::parse();
    o.tenants = o.tenants.max(1);
    o.lines = o.lines.max(1);
    o.reps = o.reps.max(1);
    o
}

/// The model of [`generate`] as texts (tenant `k` edited as `scenario` says), parsed.
fn texts(tenants: usize, lines: usize, k: usize, scenario: &str) -> ModelSource {
    use std::fmt::Write as _;
    let engine = "asterisk = \"22\"\n\n[transports.udp]\nprotocol = \"udp\"\nbind = \"0.0.0.0:5060\"\n\n[transports.wss]\nprotocol = \"wss\"\nbind = \"0.0.0.0:8089\"\n";
    let files: Vec<(String, String)> = (0..tenants)
        .map(|t| {
            let slug = format!("t{t}");
            let (context, allow) = if t == k && scenario == "template" {
                (format!("{slug}_office"), "\"ulaw\", \"g722\"")
            } else {
                (format!("{slug}_phones"), "\"ulaw\", \"alaw\"")
            };
            let mut s = format!(
                "name = \"{slug}\"\ndomains = [\"{slug}.example\"]\n\n\
                 [[templates]]\nname = \"base\"\nendpoint = {{ disallow = \"all\", allow = [{allow}], context = \"{context}\", transport = \"udp\", dtmf_mode = \"rfc4733\" }}\n\n\
                 [[templates]]\nname = \"phone\"\nparents = [\"base\"]\nendpoint = {{ direct_media = false }}\naor = {{ max_contacts = 1, remove_existing = true }}\n\n\
                 [[templates]]\nname = \"webrtc\"\nparents = [\"base\"]\nendpoint = {{ webrtc = true, allow = [\"opus\"], transport = \"wss\" }}\naor = {{ max_contacts = 5 }}\n\n\
                 [[templates]]\nname = \"prefs\"\nendpoint = {{ language = \"fr\", named_call_group = [\"sales\"] }}\n"
            );
            for i in 0..lines {
                let parents = if i % 2 == 0 {
                    "\"phone\", \"prefs\""
                } else {
                    "\"phone\", \"webrtc\", \"prefs\""
                };
                let callerid = if t == k && i == 0 && scenario == "line" {
                    "Someone <1>".to_string()
                } else {
                    format!("User {i} <{i}>")
                };
                let _ = write!(
                    s,
                    "\n[[lines]]\nname = \"u{i}\"\nparents = [{parents}]\npassword = \"pw-{t}-{i}\"\nendpoint = {{ callerid = \"{callerid}\" }}\n"
                );
            }
            (format!("tenants/t{t:05}.toml"), s)
        })
        .collect();
    let refs: Vec<(&str, &str)> = files
        .iter()
        .map(|(n, t)| (n.as_str(), t.as_str()))
        .collect();
    ModelSource::from_files(Some(("engine.toml", engine)), &refs).unwrap_or_else(|e| {
        eprintln!("impact_bench: the generated texts do not parse: {e:?}");
        std::process::exit(2)
    })
}

fn peak_rss_mb() -> Option<f64> {
    let kib = pjconf_benches::measure::peak_rss_kib();
    (kib > 0).then(|| kib as f64 / 1024.0)
}

fn main() {
    let o = options();
    let build = Instant::now();
    let k = o.tenants / 2;
    let old = if o.text {
        texts(o.tenants, o.lines, k, "")
    } else {
        ModelSource::from_model(generate(o.tenants, o.lines))
    };
    let compiled = compile(
        &old,
        &CompileOptions {
            skip_objects: o.skip_objects,
            ..CompileOptions::default()
        },
    );
    if !compiled.is_ok() {
        eprintln!(
            "impact_bench: the generated model has errors: {:?}",
            compiled.diagnostics.first()
        );
        std::process::exit(2);
    }
    println!(
        "{} tenants x {} lines = {} lines; model + first compile ({}) {:.1} s (not timed)",
        o.tenants,
        o.lines,
        o.tenants * o.lines,
        if o.skip_objects {
            "objects not kept"
        } else {
            "objects kept"
        },
        build.elapsed().as_secs_f64()
    );
    let slug = format!("t{k}");
    let mut failed = false;
    // One scenario model at a time (each is a full copy of the model).
    for (name, expect) in [("template", o.lines), ("line", 1), ("none", 0)] {
        let mut model = old.model.clone();
        match name {
            "template" => {
                let base = &mut model.tenants[k].templates[0];
                base.endpoint
                    .insert("context".into(), format!("{slug}_office").into());
                base.endpoint
                    .insert("allow".into(), ["ulaw", "g722"].into());
            }
            "line" => {
                model.tenants[k].lines[0]
                    .endpoint
                    .insert("callerid".into(), "Someone <1>".into());
            }
            _ => {}
        }
        let new = if o.text {
            drop(model);
            texts(o.tenants, o.lines, k, name)
        } else {
            ModelSource::from_model(model)
        };
        let mut times = Vec::with_capacity(o.reps);
        let mut changes = 0;
        for _ in 0..o.reps {
            let start = Instant::now();
            let out = impact(&old, &compiled, &new);
            times.push(start.elapsed());
            changes = out.changes.len();
            if out.full_recompile || !out.diagnostics.is_empty() {
                eprintln!("impact_bench: {name}: unexpected full recompile or diagnostics");
                std::process::exit(2);
            }
        }
        times.sort();
        let (min, median) = (times[0], times[times.len() / 2]);
        let ok = name != "template" || median <= TARGET;
        failed |= !ok || changes != expect;
        println!(
            "{name:>9}: {changes:>6} objects changed (expected {expect})  min {:>8.2} ms  median {:>8.2} ms{}",
            min.as_secs_f64() * 1e3,
            median.as_secs_f64() * 1e3,
            if name == "template" {
                if ok {
                    "  (target <= 50 ms: met)"
                } else {
                    "  (target <= 50 ms: MISSED)"
                }
            } else {
                ""
            }
        );
    }
    println!("peak RSS {:.0} MB", peak_rss_mb().unwrap_or(f64::NAN));
    if failed {
        std::process::exit(1);
    }
}
