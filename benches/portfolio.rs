//! Where the time goes when assessing many questionnaires, one thread, in
//! process: reading the files, bare YAML parsing, loading (parse and check),
//! assessing, and rendering the portfolio's JSON (each organization's kept
//! in memory as it is rendered, then the portfolio written, counted and not
//! kept); each step the best of five runs. The ratio of a full assessment to bare
//! parsing shows the cost the tool adds above YAML.
//!
//! Generate the questionnaires first, then run:
//! `cargo run --release --example generate -- 10000 target/bench-units`
//! `READINESS_BENCH_DIR=target/bench-units cargo bench --bench portfolio`

// A benchmark is a program whose job is to print its measurements.
#![allow(clippy::print_stdout)]

use readiness::date::Date;
use readiness::load::questionnaire::{self, LoadOptions};
use readiness::load::yaml;
use readiness::portfolio::{Portfolio, PortfolioRow, Reports};
use readiness::{render, rubric};
use std::time::{Duration, Instant};

// The same allocator as the tool's binary, so the figures are the tool's,
// and the same small pages as its portfolio (`start_small`, first in main).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// The shortest of five runs: the least disturbed by whatever else the
/// machine is doing. What a run returns is dropped after the clock stops,
/// as the tool exits without freeing what it built.
fn best_of<T>(mut run: impl FnMut() -> T) -> Duration {
    (0..5)
        .map(|_| {
            let start = Instant::now();
            let kept = run();
            let elapsed = start.elapsed();
            drop(kept);
            elapsed
        })
        .min()
        .unwrap_or_default()
}

/// The questionnaires of `READINESS_BENCH_DIR`, in order; `None`, said,
/// when there are none.
fn questionnaires() -> Option<Vec<std::path::PathBuf>> {
    let dir =
        std::env::var("READINESS_BENCH_DIR").unwrap_or_else(|_| "target/bench-units".to_owned());
    let Ok(entries) = std::fs::read_dir(&dir) else {
        println!(
            "no questionnaires in {dir}; generate them first (see the top of benches/portfolio.rs)"
        );
        return None;
    };
    let mut paths: Vec<_> = entries.filter_map(Result::ok).map(|e| e.path()).collect();
    paths.sort();
    Some(paths)
}

fn main() {
    readiness::command::pages::start_small();
    let Some(paths) = questionnaires() else {
        return;
    };
    // One thread throughout, the portfolio's chunked JSON rendering included.
    rayon::ThreadPoolBuilder::new()
        .num_threads(1)
        .build_global()
        .expect("a fresh thread pool");
    let rubric = rubric::default_rubric();
    let options = LoadOptions {
        as_of: None,
        today: Date::today(),
    };

    let start = Instant::now();
    let texts: Vec<String> = paths
        .iter()
        .map(|p| std::fs::read_to_string(p).expect("readable"))
        .collect();
    let read = start.elapsed();

    let events = best_of(|| {
        for text in &texts {
            for event in saphyr_parser::Parser::new_from_str(text) {
                std::hint::black_box(event.expect("YAML"));
            }
        }
    });
    let parse = best_of(|| {
        for text in &texts {
            std::hint::black_box(yaml::parse(text).expect("YAML"));
        }
    });
    let load = best_of(|| {
        for text in &texts {
            std::hint::black_box(questionnaire::load(text, options).expect("valid"));
        }
    });
    // As the tool works: each questionnaire loaded, assessed and dropped,
    // only its assessment kept.
    let assess_all = || -> Vec<_> {
        texts
            .iter()
            .zip(&paths)
            .map(|(text, path)| {
                let questionnaire = questionnaire::load(text, options).expect("valid");
                readiness::assess::assess(&questionnaire, &rubric, &path.display().to_string())
            })
            .collect()
    };
    let load_and_assess = best_of(|| std::hint::black_box(assess_all()));
    let assessments = assess_all();
    let mut json = Counter(0);
    let render = best_of(|| {
        // As the tool works: each organization's JSON rendered and
        // written, its row kept, then the totals written.
        json = Counter(0);
        let mut writer = render::json::PortfolioWriter::new(&mut json);
        let mut buffer = Vec::new();
        let rows: Vec<PortfolioRow> = assessments
            .iter()
            .map(|a| {
                buffer.clear();
                render::json::append_separated(a, &mut buffer);
                writer.assessment(&buffer).expect("written");
                PortfolioRow::new(a.clone(), Reports::default())
            })
            .collect();
        let portfolio = Portfolio::with_reports(rows, None);
        writer.finish(&portfolio).expect("written");
        portfolio
    });

    let ms = |d: Duration| d.as_secs_f64() * 1e3;
    println!(
        "{} questionnaires, {} MB of YAML, {} MB of JSON",
        paths.len(),
        texts.iter().map(String::len).sum::<usize>() / 1_000_000,
        json.0 / 1_000_000
    );
    println!("read        {:>9.1} ms", ms(read));
    println!(
        "YAML events {:>9.1} ms  (the parser alone, no tree)",
        ms(events)
    );
    println!("parse only  {:>9.1} ms  (into the node tree)", ms(parse));
    println!("load        {:>9.1} ms  (parse and check)", ms(load));
    println!("load+assess {:>9.1} ms", ms(load_and_assess));
    println!("render JSON {:>9.1} ms", ms(render));
    println!(
        "ratio, (load + assess) / parse only:          {:.2}",
        ms(load_and_assess) / ms(parse)
    );
    println!(
        "ratio, (load + assess + render) / parse only: {:.2}",
        (ms(load_and_assess) + ms(render)) / ms(parse)
    );
}

/// Counts the bytes written to it and keeps none.
struct Counter(usize);

impl std::io::Write for Counter {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        self.0 += bytes.len();
        Ok(bytes.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}
