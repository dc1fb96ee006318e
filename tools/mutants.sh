#!/usr/bin/env bash
# Mutation testing of the rules: cargo-mutants changes the code of the rule
# modules one small edit at a time (a `>` made `>=`, a `&&` made `||`, a
# function made to return a default) and runs the tests against each edit; an
# edit that no test notices is a rule no test pins. MUTANTS.md has the last
# results and what was done about each miss.
#
#   tools/mutants.sh                 every mutant of the rule modules
#   tools/mutants.sh --in-diff       only those on lines changed since the merge base with main
#   tools/mutants.sh -f src/gate.rs  only those of some files (any cargo-mutants option
#                                    after the mode is passed on: --re, --list, --shard 1/4...)
#
# It needs cargo-mutants (`cargo install --locked cargo-mutants`) and
# cargo-nextest. What makes a run affordable on two shared cores (a whole
# `cargo test` takes about 110 s, some 20 hours for the 778 mutants):
#   - .cargo/mutants.toml: the `mutants` profile (no debug info, so a mutant
#     rebuilds and relinks in about 5 s), nextest (each test in its own
#     process, stopping at the first failure), only the library and
#     integration tests, and without the two tests that exercise no rule;
#   - PROPTEST_CASES=8 (the properties run 256 cases each otherwise);
#   - one target directory kept between runs, target/mutants-build, so the
#     dependencies are built once, not once per run, and the tests' scratch
#     files (CARGO_TARGET_TMPDIR) never meet those of a `cargo test` run at
#     the same time.
# The whole remaining suite runs for every mutant, with no choosing of tests
# per file: a mutant not caught costs about 25 s, a caught one less.
#
# Results are in target/mutants-build/mutants.out (missed.txt, caught.txt,
# unviable.txt, timeout.txt, outcomes.json); the exit code is cargo-mutants':
# 0 when every mutant was caught or unviable, 2 when some were missed.
set -euo pipefail
cd "$(dirname "$0")/.."

# The rule modules: everything that decides a score, a finding, a focus, a
# recommendation, a gate, a regression or an acceptance, and a portfolio's
# order and totals.
rule_files=(
  'src/assess/**/*.rs'
  'src/derive/**/*.rs'
  src/gate.rs
  src/regression.rs
  src/regression_moves.rs
  src/acceptance.rs
  src/portfolio.rs
)

build_dir="$PWD/target/mutants-build"
in_diff=false
if [ "${1:-}" = "--in-diff" ]; then
  in_diff=true
  shift
fi

# The rule modules unless the caller names files of their own.
own_files=false
for argument in "$@"; do
  case "$argument" in
    -f | --file | --file=*) own_files=true ;;
  esac
done
select=()
if [ "$own_files" = false ]; then
  for file in "${rule_files[@]}"; do
    select+=(--file "$file")
  done
fi

if [ "$in_diff" = true ]; then
  base=$(git merge-base HEAD main)
  mkdir -p "$build_dir"
  git diff "$base" >"$build_dir/in.diff"
  if [ ! -s "$build_dir/in.diff" ]; then
    echo "tools/mutants.sh: nothing changed since $(git rev-parse --short "$base") on main" >&2
    exit 0
  fi
  select+=(--in-diff "$build_dir/in.diff")
fi

export PROPTEST_CASES="${PROPTEST_CASES:-8}"
export CARGO_TARGET_DIR="$build_dir"
exec cargo mutants --output "$build_dir" "${select[@]}" "$@"
