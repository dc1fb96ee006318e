#!/usr/bin/env bash
# Reproduces the figures in BENCHMARKS.md on this machine.
# Needs hyperfine and GNU time (Debian: apt-get install hyperfine time).
set -euo pipefail
cd "$(dirname "$0")/.."

cargo build --release --locked --quiet
cargo build --release --locked --quiet --example generate
bin=target/release/readiness
units=target/bench-units

echo "== One assessment of a shipped example, start to exit"
hyperfine -N --warmup 20 --runs 300 "$bin assess examples/slide-deck-northwind-retail.yaml --format json"

echo "== 10,000 generated questionnaires"
rm -rf "$units"
target/release/examples/generate 10000 "$units"
for n in 2500 5000 10000; do
  subset="$units-$n"
  rm -rf "$subset" && mkdir -p "$subset"
  ls "$units" | head -n "$n" | while read -r f; do ln -s "$PWD/$units/$f" "$subset/$f"; done
  /usr/bin/time -f "$n questionnaires, 2 cores: %e s wall, %M KB peak" "$bin" assess "$subset" --format json > /dev/null
done
RAYON_NUM_THREADS=1 /usr/bin/time -f "10000 questionnaires, 1 core: %e s wall, %M KB peak" "$bin" assess "$units" --format json > /dev/null

echo "== Where the time goes, one thread"
READINESS_BENCH_DIR="$units" cargo bench --locked --quiet --bench portfolio

echo "== Pilots in one questionnaire"
cargo bench --locked --quiet --bench pilots
