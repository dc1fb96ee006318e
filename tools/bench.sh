#!/usr/bin/env bash
# Reproduces the figures in BENCHMARKS.md on this machine.
# Needs hyperfine, GNU time and python3 (Debian: apt-get install hyperfine time python3).
set -euo pipefail
cd "$(dirname "$0")/.."

cargo build --profile dist --locked --quiet
cargo build --profile dist --locked --quiet --example generate
bin=target/dist/readiness
units=target/bench-units
results=target/bench-results
mkdir -p "$results"

median() {
  python3 - "$1" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))["results"][0]
ms = {k: r[k] * 1000 for k in ("median", "mean", "min", "max")}
print("median {median:.2f} ms, mean {mean:.2f} ms, min {min:.2f} ms, max {max:.2f} ms".format(**ms))
PY
}

echo "== One assessment of a shipped example, start to exit"
hyperfine -N --warmup 20 --runs 300 --export-json "$results/one.json" \
  "$bin assess examples/slide-deck-northwind-retail.yaml --format json"
median "$results/one.json"

echo "== 10,000 generated questionnaires, one portfolio to JSON"
rm -rf "$units"
target/dist/examples/generate 10000 "$units"
hyperfine -N --warmup 1 --runs 10 --export-json "$results/portfolio.json" \
  "$bin assess $units --format json"
median "$results/portfolio.json"
files=("$units"/*.yaml)
for n in 2500 5000 10000; do
  subset="$units-$n"
  rm -rf "$subset" && mkdir -p "$subset"
  for f in "${files[@]:0:$n}"; do ln -s "$PWD/$f" "$subset/"; done
  /usr/bin/time -f "$n questionnaires, 2 cores: %e s wall, %M KB peak" "$bin" assess "$subset" --format json > /dev/null
done
RAYON_NUM_THREADS=1 /usr/bin/time -f "10000 questionnaires, 1 core: %e s wall, %M KB peak" "$bin" assess "$units" --format json > /dev/null

echo "== Where the time goes, one thread"
READINESS_BENCH_DIR="$units" cargo bench --locked --quiet --bench portfolio

echo "== Pilots in one questionnaire"
cargo bench --locked --quiet --bench pilots

echo "== The worst file under the 4 MiB cap"
cap="$results/cap-pilots.yaml"
python3 - "$cap" <<'PY'
import sys
body = "version: 1\norganization: {name: A, assessed: 2026-11-20}\nimplementation:\n  pilots:\n"
i = 0
while True:
    line = f"    - {{name: p{i}, stage: pilot, started: 2025-01-01, environment: laptop, users: 3, value_measured: false, monitoring: none, retraining: none, cost_vs_plan: 2}}\n"
    if len(body) + len(line) > 4 * 1024 * 1024 - 10:
        break
    body += line
    i += 1
open(sys.argv[1], "w").write(body)
PY
for format in json table markdown; do
  /usr/bin/time -f "at the cap, $format: %e s wall, %M KB peak" "$bin" assess "$cap" --format "$format" > /dev/null
done
sixteen="$results/cap-sixteen"
rm -rf "$sixteen" && mkdir -p "$sixteen"
for n in $(seq 1 16); do cp "$cap" "$sixteen/u$n.yaml"; done
/usr/bin/time -f "sixteen at the cap, json: %e s wall, %M KB peak" "$bin" assess "$sixteen" --format json > /dev/null
