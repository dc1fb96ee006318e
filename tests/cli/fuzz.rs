//! Robust loading for any bytes: a proptest-driven mutator over the shipped
//! examples, and arbitrary bytes, through load, assess and every renderer.
//! Nothing may panic; every refusal must carry a message and a sane position.
//!
//! CI runs a few hundred cases. For a long run:
//! `READINESS_FUZZ_CASES=200000 cargo test --release --test cli fuzz`.

use crate::common::{examples, run_with_stdin, test_date};
use proptest::prelude::*;
use readiness::load::questionnaire::{self, LoadOptions};
use readiness::load::source;
use readiness::{render, rubric};

fn cases(default: u32) -> u32 {
    std::env::var("READINESS_FUZZ_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

fn seeds() -> Vec<Vec<u8>> {
    examples()
        .iter()
        .map(|f| {
            std::fs::read(format!("{}/examples/{f}", env!("CARGO_MANIFEST_DIR"))).expect("example")
        })
        .collect()
}

/// One edit to a byte string.
#[derive(Debug, Clone)]
enum Edit {
    Flip { at: usize, byte: u8 },
    Insert { at: usize, bytes: Vec<u8> },
    Delete { at: usize, len: usize },
    Duplicate { at: usize, len: usize },
}

fn edit() -> impl Strategy<Value = Edit> {
    // Bytes that matter to YAML, and some that do not belong in it.
    let interesting = prop_oneof![
        Just(b':'),
        Just(b'-'),
        Just(b' '),
        Just(b'\n'),
        Just(b'\t'),
        Just(b'['),
        Just(b']'),
        Just(b'{'),
        Just(b'}'),
        Just(b'&'),
        Just(b'*'),
        Just(b'!'),
        Just(b'#'),
        Just(b'"'),
        Just(b'\''),
        Just(b'|'),
        Just(b'>'),
        Just(b'%'),
        Just(0u8),
        Just(0xFFu8),
        Just(0xC3u8),
        any::<u8>()
    ];
    prop_oneof![
        (any::<usize>(), interesting.clone()).prop_map(|(at, byte)| Edit::Flip { at, byte }),
        (any::<usize>(), proptest::collection::vec(interesting, 1..8))
            .prop_map(|(at, bytes)| Edit::Insert { at, bytes }),
        (any::<usize>(), 1usize..64).prop_map(|(at, len)| Edit::Delete { at, len }),
        (any::<usize>(), 1usize..256).prop_map(|(at, len)| Edit::Duplicate { at, len }),
    ]
}

fn apply(mut bytes: Vec<u8>, edits: &[Edit]) -> Vec<u8> {
    for e in edits {
        let n = bytes.len().max(1);
        match e {
            Edit::Flip { at, byte } => {
                if !bytes.is_empty() {
                    let i = at % n;
                    bytes[i] = *byte;
                }
            }
            Edit::Insert { at, bytes: new } => {
                let i = at % (bytes.len() + 1);
                bytes.splice(i..i, new.iter().copied());
            }
            Edit::Delete { at, len } => {
                let i = at % n;
                let end = (i + len).min(bytes.len());
                bytes.drain(i.min(end)..end);
            }
            Edit::Duplicate { at, len } => {
                let i = at % n;
                let end = (i + len).min(bytes.len());
                let copy: Vec<u8> = bytes[i.min(end)..end].to_vec();
                bytes.splice(end..end, copy);
            }
        }
    }
    bytes
}

/// Load, assess and render; panics are the failure this looks for.
fn exercise(bytes: Vec<u8>) -> Result<(), TestCaseError> {
    let lines =
        u32::try_from(bytes.iter().filter(|b| **b == b'\n').count()).unwrap_or(u32::MAX - 1) + 1;
    let text = match source::text_of(bytes) {
        Ok(text) => text,
        Err(d) => {
            prop_assert!(!d.message.is_empty());
            return Ok(());
        }
    };
    let options = LoadOptions {
        as_of: None,
        today: test_date(),
    };
    match questionnaire::load(&text, options) {
        Ok(q) => {
            let rubric = rubric::default_rubric();
            let a = readiness::assess::assess(&q, &rubric, "fuzz.yaml");
            for s in [
                a.scores.strategy,
                a.scores.implementation,
                a.scores.overall,
                Some(a.scores.completeness),
            ]
            .into_iter()
            .flatten()
            {
                prop_assert!((0.0..=100.0).contains(&s));
            }
            let _ = render::table::render(&a, 100, false);
            let _ = render::markdown::render(&a);
            let _ = render::json::render(&a.report());
        }
        Err(problems) => {
            prop_assert!(!problems.is_empty());
            for p in &problems {
                prop_assert!(!p.message.is_empty());
                if let Some(at) = p.at {
                    prop_assert!(
                        at.line >= 1 && at.line <= lines + 1,
                        "line {} of {lines}: {}",
                        at.line,
                        p.message
                    );
                }
                let _ = p.render("fuzz.yaml", Some(&text));
            }
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: cases(256), failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn mutated_examples_never_panic(seed in 0usize..16, edits in proptest::collection::vec(edit(), 1..6)) {
        let seeds = seeds();
        let bytes = apply(seeds[seed % seeds.len()].clone(), &edits);
        exercise(bytes)?;
    }

    #[test]
    fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..2048)) {
        exercise(bytes)?;
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: cases(256) / 8, failure_persistence: None, ..ProptestConfig::default() })]

    /// The whole binary keeps the exit-code contract: 0 with a report, or 2
    /// with nothing on standard output; never a panic.
    #[test]
    fn the_binary_keeps_the_exit_code_contract(seed in 0usize..16, edits in proptest::collection::vec(edit(), 1..6)) {
        let seeds = seeds();
        let bytes = apply(seeds[seed % seeds.len()].clone(), &edits);
        let out = run_with_stdin(&["assess", "-", "--format", "json", "--as-of", "2026-11-20"], &bytes);
        prop_assert!(out.code == 0 || out.code == 2, "exit {}: {}", out.code, out.stderr);
        prop_assert!(!out.stderr.contains("panicked"), "{}", out.stderr);
        if out.code == 2 {
            prop_assert_eq!(out.stdout, "");
            prop_assert!(out.stderr.starts_with("<stdin>"), "{}", out.stderr);
        } else {
            prop_assert!(serde_json::from_str::<serde_json::Value>(&out.stdout).is_ok());
        }
    }
}

/// Hostile inputs kept as fixtures (and any crash the long runs find): each
/// is loaded through the whole binary on every test run.
#[test]
fn hostile_fixtures_keep_the_contract() {
    let dir = format!("{}/tests/fixtures/hostile", env!("CARGO_MANIFEST_DIR"));
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .expect("fixtures")
        .map(|e| e.expect("entry").path())
        .collect();
    files.sort();
    assert!(files.len() >= 10);
    for path in files {
        let shown = path.display().to_string();
        let out = crate::common::run(&[
            "assess",
            &shown,
            "--format",
            "json",
            "--as-of",
            "2026-11-20",
        ]);
        assert!(out.code == 0 || out.code == 2, "{shown}: exit {}", out.code);
        assert!(!out.stderr.contains("panicked"), "{shown}: {}", out.stderr);
        if out.code == 2 {
            assert_eq!(out.stdout, "", "{shown}");
            assert!(out.stderr.starts_with(&shown), "{shown}: {}", out.stderr);
        }
        exercise(std::fs::read(&path).expect("fixture")).unwrap_or_else(|e| panic!("{shown}: {e}"));
    }
}
