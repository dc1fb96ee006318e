#!/usr/bin/env bash
# Interrupts real runs at chosen moments and checks what an interrupted run
# promises: exit status 130, no temporary `.readiness*` file left, and no
# half-written report renamed into place. strace delivers the signal on a
# chosen system call and makes that call fail where the case needs it (a
# rename, an fsync or a write that fails as the signal arrives), so every
# case happens the same way on every run. Needs strace (Debian's package).
set -euo pipefail
cd "$(dirname "$0")/.."

cargo build --locked --quiet
tool=$PWD/target/debug/readiness
example=$PWD/examples/partial-cedar-health.yaml
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT

# interrupted NAME EXPECTED-FILES STRACE-OPTIONS... -- TOOL-ARGUMENTS...:
# runs the tool under strace in an empty directory, then checks its exit
# status and that the directory holds exactly EXPECTED-FILES.
interrupted() {
  local name=$1 expected=$2; shift 2
  local options=()
  while [ "$1" != "--" ]; do options+=("$1"); shift; done
  shift
  local dir="$scratch/$name"
  mkdir -p "$dir"
  local status=0
  (cd "$dir" && strace -qq -f -o /dev/null "${options[@]}" "$tool" "$@" >/dev/null 2>&1) || status=$?
  local left
  left=$(cd "$dir" && find . -mindepth 1 -maxdepth 1 -printf '%P\n' | sort | paste -sd' ' -)
  if [ "$status" != 130 ] || [ "$left" != "$expected" ]; then
    echo "check-signals: $name: exit $status, left '$left'; expected exit 130, left '$expected'" >&2
    exit 1
  fi
}

renames=(-e "trace=rename,renameat,renameat2")
interrupted rename-fails-cross-device "" "${renames[@]}" -e inject=rename,renameat,renameat2:error=EXDEV:signal=SIGINT \
  -- assess "$example" --format json -o out.json
interrupted rename-fails-on-sigterm "" "${renames[@]}" -e inject=rename,renameat,renameat2:error=EIO:signal=SIGTERM \
  -- assess "$example" --format json -o out.json
interrupted init-finds-the-file-made-meanwhile "" -e trace=renameat2 -e inject=renameat2:error=EEXIST:signal=SIGINT \
  -- init q.yaml
interrupted fsync-fails "" -e trace=fsync -e inject=fsync:error=EIO:signal=SIGINT \
  -- assess "$example" --format json -o out.json
interrupted first-write-fails "" -e trace=write -e inject=write:error=ENOSPC:signal=SIGINT:when=1 \
  -- assess "$example" --format json -o out.json
interrupted second-write-fails "" -e trace=write -e inject=write:error=ENOSPC:signal=SIGHUP:when=2 \
  -- assess "$PWD/examples" --format json -o out.json
interrupted while-reading "" -P "$example" -e inject=openat:signal=SIGINT \
  -- assess "$example" --format json -o out.json
# The run's first rt_sigprocmask holds the signals back while their
# handlers go in; one arriving then is handled once they are in.
interrupted while-the-handlers-go-in "" -e trace=rt_sigprocmask -e inject=rt_sigprocmask:signal=SIGINT:when=1 \
  -- assess "$example" --format json -o out.json
# A signal after the rename: the report is whole, and the run still says
# it was interrupted.
interrupted after-the-rename "out.json" "${renames[@]}" -e inject=rename,renameat,renameat2:signal=SIGINT:when=1 \
  -- assess "$example" --format json -o out.json

# The same runs without a signal write their report and exit 0.
(cd "$scratch" && "$tool" assess "$example" --format json -o whole.json)
[ -s "$scratch/whole.json" ] || { echo "check-signals: a run without a signal wrote no report" >&2; exit 1; }
echo "signals: 9 interrupted runs checked"
