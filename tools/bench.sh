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

echo "== The history of 500 revisions"
history="$results/history-repo"
rm -rf "$history" && git init --quiet "$history"
# 500 commits of one questionnaire, a day apart, each changing an answer,
# renamed half-way, every 50th not valid; written with git fast-import.
python3 - examples/slide-deck-northwind-retail.yaml <<'PY' | git -C "$history" fast-import --quiet
import datetime, sys
base = open(sys.argv[1]).read().replace("  assessed: 2026-11-20\n", "")
start = datetime.datetime(2026, 10, 1, 12, tzinfo=datetime.timezone.utc)
out = sys.stdout
for i in range(500):
    text = base.replace("users: 12", f"users: {12 + i}")
    if i % 50 == 49:
        text += "oops: [\n"
    path = "org/northwind.yaml" if i >= 250 else "org/nw.yaml"
    when = int((start + datetime.timedelta(days=i)).timestamp())
    data = text.encode()
    message = f"version {i}".encode()
    out.write("commit refs/heads/main\n")
    out.write(f"committer readiness <readiness@example.org> {when} +0000\n")
    out.write(f"data {len(message)}\n{message.decode()}\n")
    if i == 250:
        out.write("D org/nw.yaml\n")
    out.write(f"M 100644 inline {path}\ndata {len(data)}\n")
    out.flush()
    sys.stdout.buffer.write(data)
    out.write("\n")
PY
git -C "$history" checkout --quiet main
hyperfine -N --warmup 2 --runs 10 --export-json "$results/history.json" \
  "$bin history $history/org/northwind.yaml --format json"
median "$results/history.json"
"$bin" history "$history/org/northwind.yaml" --format json | python3 -c \
  'import json,sys; v=json.load(sys.stdin)["versions"]; print(len(v), "versions,", sum(x["error"] is not None for x in v), "not valid")'
hyperfine -N --warmup 2 --runs 10 --export-json "$results/history-git.json" \
  "git -C $history log --follow --format=%H --name-only -- org/northwind.yaml"
echo "git log --follow alone: $(median "$results/history-git.json")"
hyperfine -N --warmup 2 --runs 10 --export-json "$results/history-markdown.json" \
  "$bin history $history/org/northwind.yaml --format markdown"
echo "as Markdown: $(median "$results/history-markdown.json")"

echo "== diff against two assessments"
later="$results/northwind-later.yaml"
sed -e 's/stage: pilot/stage: production/' examples/slide-deck-northwind-retail.yaml > "$later"
hyperfine -N --warmup 20 --runs 300 --export-json "$results/diff.json" \
  "$bin diff examples/slide-deck-northwind-retail.yaml $later --format json"
echo "diff: $(median "$results/diff.json")"
