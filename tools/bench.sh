#!/usr/bin/env bash
# Reproduces the figures in BENCHMARKS.md: every case timed against the
# floor, tools/floor.rs, a program that only reads each file and runs
# saphyr-parser's events over it (same allocator, same `dist` profile, same
# threads). What the tool costs above the floor is what the tool adds.
# Single runs are timed with hyperfine side by side; the long runs as pairs,
# tool then floor, alternating, and each figure is the median of the
# pairs' ratios, so a load that comes and goes falls on both sides alike.
# Needs hyperfine, GNU time, git and python3 (Debian: apt-get install
# hyperfine time git python3).
set -euo pipefail
cd "$(dirname "$0")/.."

cargo build --profile dist --locked --quiet
cargo build --profile dist --locked --quiet --example floor --example generate
work=target/bench-results
mkdir -p "$work"
# Both programs timed as installed copies (`cargo install` copies the
# binary too): run from the file the linker wrote, the tool's single runs
# measured up to 15 % slower, with the same page faults, than from a copy.
bin=$work/readiness
floor=$work/floor
install -m 755 target/dist/readiness "$bin"
install -m 755 target/dist/examples/floor "$floor"
pairs=${PAIRS:-5}

# paired NAME TOOL-COMMAND FLOOR-COMMAND: the median ratio of PAIRS pairs.
paired() {
  python3 - "$pairs" "$1" "$2" "$3" <<'PY'
import shlex, statistics, subprocess, sys, time
pairs, name, tool, floor = int(sys.argv[1]), sys.argv[2], sys.argv[3], sys.argv[4]
def timed(command):
    start = time.perf_counter()
    subprocess.run(command, shell=True, check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - start
timed(tool); timed(floor)  # warm the page cache
ratios, tools, floors = [], [], []
for _ in range(pairs):
    t, f = timed(tool), timed(floor)
    tools.append(t); floors.append(f); ratios.append(t / f)
print(f"{name}: tool {statistics.median(tools):.3f} s, floor {statistics.median(floors):.3f} s, "
      f"ratio {statistics.median(ratios):.2f} (median of {pairs} pairs)")
PY
}

echo "== One questionnaire: each shipped example as its own process (hyperfine -N, side by side)"
python3 - "$bin" "$floor" "$work" <<'PY'
import glob, json, statistics, subprocess, sys
bin, floor, work = sys.argv[1:4]
ratios = []
for example in sorted(glob.glob("examples/*.yaml")):
    out = f"{work}/one.json"
    subprocess.run(["hyperfine", "-N", "--warmup", "3", "--runs", "100", "--style", "none",
                    "--export-json", out, f"{bin} assess {example}", f"{floor} {example}"],
                   check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    tool_run, floor_run = json.load(open(out))["results"]
    ratio = tool_run["median"] / floor_run["median"]
    ratios.append(ratio)
    print(f"  {example}: tool {tool_run['median'] * 1000:.2f} ms, floor {floor_run['median'] * 1000:.2f} ms, ratio {ratio:.2f}")
print(f"one questionnaire: median ratio {statistics.median(ratios):.2f} over {len(ratios)} examples")
PY

echo "== A portfolio of 10,000 questionnaires, --format json"
units=target/bench-units
if [ "$(find "$units" -name '*.yaml' 2>/dev/null | wc -l)" -ne 10000 ]; then
  rm -rf "$units"
  target/dist/examples/generate 10000 "$units" >/dev/null
fi
paired "portfolio of 10,000" "$bin assess $units --format json" "$floor $units"

echo "== One questionnaire of 10,000 pilots, --format json and the table"
big="$work/pilots-10000.yaml"
python3 - "$big" <<'PY'
import sys
lines = ["version: 1", "organization: {name: Many Pilots, assessed: 2026-11-20}", "implementation:", "  pilots:"]
for i in range(10000):
    lines.append(f"    - {{name: p{i}, stage: pilot, started: 2025-01-01, environment: laptop, users: 3, "
                 "value_measured: false, monitoring: none, retraining: none, cost_vs_plan: 2}")
open(sys.argv[1], "w").write("\n".join(lines) + "\n")
PY
paired "10,000 pilots, json" "$bin assess $big --format json" "$floor $big"
paired "10,000 pilots, table" "$bin assess $big" "$floor $big"

echo "== history of 500 and 5,000 versions, against git plus parsing every version"
for versions in 500 5000; do
  repo="$work/history-$versions"
  rm -rf "$repo" && git init --quiet "$repo"
  # One questionnaire, a commit a day, each changing an answer, renamed
  # half-way, every 50th not valid; written with git fast-import.
  python3 - examples/slide-deck-northwind-retail.yaml "$versions" <<'PY' | git -C "$repo" fast-import --quiet
import datetime, sys
base = open(sys.argv[1]).read().replace("  assessed: 2026-11-20\n", "")
count = int(sys.argv[2])
start = datetime.datetime(2012, 1, 1, 12, tzinfo=datetime.timezone.utc)
out = sys.stdout
for i in range(count):
    text = base.replace("users: 12", f"users: {12 + i}")
    if i % 50 == 49:
        text += "oops: [\n"
    path = "org/northwind.yaml" if i >= count // 2 else "org/nw.yaml"
    when = int((start + datetime.timedelta(days=i)).timestamp())
    data = text.encode()
    message = f"version {i}"
    out.write("commit refs/heads/main\n")
    out.write(f"committer readiness <readiness@example.org> {when} +0000\n")
    out.write(f"data {len(message)}\n{message}\n")
    if i == count // 2:
        out.write("D org/nw.yaml\n")
    out.write(f"M 100644 inline {path}\ndata {len(data)}\n")
    out.flush()
    sys.stdout.buffer.write(data)
    out.write("\n")
PY
  git -C "$repo" checkout --quiet main
  # The floor: the git commands the tool runs (the log, then every version
  # in one cat-file --batch) and the events of every version.
  versions_dir="$work/history-$versions-versions"
  rm -rf "$versions_dir" && mkdir -p "$versions_dir"
  git -C "$repo" log --follow --diff-filter=d --no-abbrev --format=%H --raw -- org/northwind.yaml \
    | awk '/^:/ {print $4}' > "$work/blobs-$versions"
  n=0
  while read -r blob; do
    n=$((n + 1))
    git -C "$repo" cat-file blob "$blob" > "$versions_dir/v$n.yaml"
  done < "$work/blobs-$versions"
  log="git -C $repo log --follow --no-show-signature --no-textconv --no-ext-diff --diff-filter=d -z --no-abbrev --format=%H%x00%cs%x00%s --raw -- org/northwind.yaml"
  paired "history of $versions versions" \
    "$bin history $repo/org/northwind.yaml --format json" \
    "$log >/dev/null && git -C $repo cat-file --batch < $work/blobs-$versions >/dev/null && $floor $versions_dir"
done

echo "== Peak memory, 10,000 and 100,000 questionnaires, --format json"
hundred=target/bench-units-100000
if [ "$(find "$hundred" -name '*.yaml' 2>/dev/null | wc -l)" -ne 100000 ]; then
  rm -rf "$hundred"
  target/dist/examples/generate 100000 "$hundred" >/dev/null
fi
for dir in "$units" "$hundred"; do
  /usr/bin/time -f "$dir: tool %e s wall, %M KiB peak" "$bin" assess "$dir" --format json >/dev/null
  /usr/bin/time -f "$dir: floor %e s wall, %M KiB peak" "$floor" "$dir" >/dev/null
done
