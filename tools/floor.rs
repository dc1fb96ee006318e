//! The floor the benchmarks measure `readiness` against: a program that only
//! reads each questionnaire and runs saphyr-parser's events over it, with the
//! same allocator, memory pages, profile and threads as the tool, and
//! nothing else. (A large file's events are parsed on one thread here, as
//! in the tool; the tool builds its tree from them on a second one.)
//! `cargo build --profile dist --example floor`, then
//! `target/dist/examples/floor PATH...` (files, or directories whose
//! `.yaml`/`.yml` files are read, as `assess` reads a directory).
//!
//! `tools/bench.sh` reports every figure as a ratio to this program: what
//! the tool costs above it is what the tool itself adds.

// A benchmark program reports what it could not read and stops.
#![allow(clippy::print_stderr)]

use rayon::prelude::*;
use readiness::command::pages;
use saphyr_parser::{Event, Parser};
use std::path::{Path, PathBuf};

#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// Every event of the text, counted so that the work cannot be skipped.
fn events(text: &str) -> usize {
    let mut count = 0;
    for event in Parser::new_from_str(text) {
        match event {
            Ok((Event::StreamEnd, _)) => break,
            Ok(_) => count += 1,
            Err(_) => return count,
        }
    }
    count
}

/// The questionnaires a path names, in the order `assess` takes them.
fn files(path: &Path) -> std::io::Result<Vec<PathBuf>> {
    if !path.is_dir() {
        return Ok(vec![path.to_path_buf()]);
    }
    let mut found: Vec<PathBuf> = std::fs::read_dir(path)?
        .filter_map(Result::ok)
        .map(|entry| entry.path())
        .filter(|p| p.extension().is_some_and(|x| x == "yaml" || x == "yml"))
        .collect();
    found.sort();
    Ok(found)
}

fn main() -> std::process::ExitCode {
    pages::start_small();
    let mut all = Vec::new();
    for arg in std::env::args_os().skip(1) {
        match files(Path::new(&arg)) {
            Ok(found) => all.extend(found),
            Err(error) => {
                eprintln!("floor: {}: {error}", Path::new(&arg).display());
                return std::process::ExitCode::from(2);
            }
        }
    }
    let read = |path: &PathBuf| {
        std::fs::read_to_string(path).map(|text| {
            pages::grow_for_input(text.len());
            events(&text)
        })
    };
    // One file runs on the main thread, as the tool starts no pool for one.
    let counted: std::io::Result<Vec<usize>> = if all.len() == 1 {
        all.iter().map(read).collect()
    } else {
        all.par_iter().map(read).collect()
    };
    match counted {
        // The count goes to the exit path only, so it is computed yet not printed.
        Ok(counts) => std::process::ExitCode::from(u8::from(counts.iter().sum::<usize>() == 0)),
        Err(error) => {
            eprintln!("floor: {error}");
            std::process::ExitCode::from(2)
        }
    }
}
