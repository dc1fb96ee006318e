//! Scale without surprise: load, assess and render questionnaires of growing
//! numbers of pilots, and show that the time per pilot stays flat (linear
//! time) and the peak memory stays modest.
//!
//! Run with `cargo bench --bench pilots`. It prints a table; it asserts nothing,
//! since a benchmark measures and a test decides.

// A benchmark is a program whose job is to print its measurements.
#![allow(clippy::print_stdout)]

use readiness::date::Date;
use readiness::load::questionnaire::{self, LoadOptions};
use readiness::{render, rubric};
use std::fmt::Write as _;
use std::time::{Duration, Instant};

const STAGES: [&str; 5] = ["idea", "pilot", "production", "scaled", "retired"];
const ENVIRONMENTS: [&str; 4] = ["laptop", "sandbox", "cloud", "production"];

fn questionnaire(pilots: usize) -> String {
    let mut text = String::from("version: 1\norganization:\n  name: Scale Test\n  assessed: 2026-11-20\nimplementation:\n  pilots:\n");
    for i in 0..pilots {
        let _ = writeln!(
            text,
            "    - {{ name: p{i}, department: D{}, stage: {}, started: 2025-{:02}-{:02}, environment: {}, users: {}, integrated: {}, value_measured: {}, success_metrics: [business_kpi], monitoring: manual, retraining: ad_hoc, cost_vs_plan: 1.{} }}",
            i % 17,
            STAGES[i % 5],
            1 + i % 12,
            1 + i % 28,
            ENVIRONMENTS[i % 4],
            i % 300,
            i % 2 == 0,
            i % 3 == 0,
            i % 9
        );
    }
    text
}

fn median(mut samples: Vec<Duration>) -> Duration {
    samples.sort();
    samples[samples.len() / 2]
}

/// The process's peak resident memory so far, in MiB (Linux), if known.
fn peak_mib() -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kib: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kib / 1024.0)
}

fn main() {
    // The binary's pages: small, and huge from a large file on.
    readiness::command::pages::start_small();
    let rubric = rubric::default_rubric();
    let options = LoadOptions {
        as_of: None,
        today: Date::today(),
    };
    println!(
        "{:>8} {:>10} {:>12} {:>14} {:>10}",
        "pilots", "bytes", "median ms", "µs per pilot", "peak MiB"
    );
    for pilots in [1_000, 2_000, 5_000, 10_000] {
        let text = questionnaire(pilots);
        readiness::command::pages::grow_for_input(text.len());
        let runs = if pilots >= 5_000 { 5 } else { 11 };
        let mut samples = Vec::with_capacity(runs);
        for _ in 0..runs {
            let start = Instant::now();
            let q = questionnaire::load(&text, options).expect("a valid questionnaire");
            let a = readiness::assess::assess(&q, &rubric, "scale.yaml");
            let json = render::json::render(&a.report());
            std::hint::black_box(json);
            samples.push(start.elapsed());
        }
        let m = median(samples);
        println!(
            "{pilots:>8} {:>10} {:>12.1} {:>14.1} {:>10}",
            text.len(),
            m.as_secs_f64() * 1e3,
            m.as_secs_f64() * 1e6 / pilots as f64,
            peak_mib().map_or_else(|| "?".to_owned(), |p| format!("{p:.0}"))
        );
    }
}
