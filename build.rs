//! Lays out the `readiness` binary's code so that a single assessment
//! touches fewer pages of it.
//!
//! The program's code is some 4.5 MB, and the part one assessment runs is
//! spread through all of it in the linker's order; on Linux each first
//! touch of a 64 KiB window of it is a page fault, 2 to 3 µs each. A
//! linker script (`tools/hot-code.ld`, made by `tools/hot-code.sh`) puts
//! the functions the shipped examples run first, together, in the order
//! they first run (BENCHMARKS.md has what it saves). The script names
//! functions without the hashes the compiler appends, so it holds as the
//! code changes: a function it misses is merely left where it was.
//!
//! Only where the linker is known to read such a script: x86-64 Linux with
//! the GNU C library, built by Rust 1.90 or later from a toolchain that
//! ships its own LLD (rustup's do), with which it then links by default.
//! A toolchain without it links with the system's linker, which may be
//! gold or mold, neither of which reads the script; a build that chooses
//! its own linker, flavour or linker arguments is left as it is too, and
//! `READINESS_PLAIN_LAYOUT=1` leaves any build as it is (for a linker put
//! in place another way, such as `mold -run`).

use std::env;
use std::path::Path;
use std::process::Command;

fn main() {
    println!("cargo::rerun-if-changed=build.rs");
    println!("cargo::rerun-if-changed=tools/hot-code.ld");
    println!("cargo::rerun-if-env-changed=RUSTC_LINKER");
    println!("cargo::rerun-if-env-changed=READINESS_PLAIN_LAYOUT");
    if env::var("TARGET").as_deref() != Ok("x86_64-unknown-linux-gnu")
        || env::var_os("READINESS_PLAIN_LAYOUT").is_some_and(|v| v == "1")
        || !links_with_its_own_lld()
        || names_its_own_linker()
    {
        return;
    }
    let manifest = env::var_os("CARGO_MANIFEST_DIR").unwrap_or_default();
    let script = Path::new(&manifest).join("tools").join("hot-code.ld");
    // A path that is not Unicode cannot be written as an instruction to Cargo.
    let Some(script) = script.to_str().filter(|_| script.is_file()) else {
        return;
    };
    // `-T FILE`, which the C compiler that drives the link passes on: one
    // argument each, so that no character of the path can split it.
    println!("cargo::rustc-link-arg-bin=readiness=-T");
    println!("cargo::rustc-link-arg-bin=readiness={script}");
    println!("cargo::rustc-env=READINESS_HOT_CODE_LAYOUT=1");
}

/// Whether the compiler is Rust 1.90 or later, the first to link
/// x86_64-unknown-linux-gnu with its own LLD by default, and has that LLD
/// (the driver it puts before the system's linker) to link with.
fn links_with_its_own_lld() -> bool {
    let rustc = env::var_os("RUSTC").unwrap_or_else(|| "rustc".into());
    let Ok(sysroot) = Command::new(&rustc).args(["--print", "sysroot"]).output() else {
        return false;
    };
    let sysroot = String::from_utf8_lossy(&sysroot.stdout);
    let own_lld =
        Path::new(sysroot.trim()).join("lib/rustlib/x86_64-unknown-linux-gnu/bin/gcc-ld/ld.lld");
    if !own_lld.is_file() {
        return false;
    }
    let Ok(output) = Command::new(rustc).arg("-vV").output() else {
        return false;
    };
    let text = String::from_utf8_lossy(&output.stdout);
    let Some(release) = text.lines().find_map(|l| l.strip_prefix("release: ")) else {
        return false;
    };
    let mut numbers = release.split(['.', '-']).map(|n| n.parse::<u32>().ok());
    matches!(
        (numbers.next().flatten(), numbers.next().flatten()),
        (Some(major), Some(minor)) if (major, minor) >= (1, 90)
    )
}

/// Whether the build chose a linker, a flavour of one or arguments for it,
/// in Cargo's settings or in the flags it passes to the compiler.
fn names_its_own_linker() -> bool {
    if env::var_os("RUSTC_LINKER").is_some() {
        return true;
    }
    let flags = env::var("CARGO_ENCODED_RUSTFLAGS").unwrap_or_default();
    flags.split('\u{1f}').any(|flag| {
        flag.contains("linker") || flag.contains("link-arg") || flag.contains("link-self-contained")
    })
}
