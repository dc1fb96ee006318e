#!/usr/bin/env bash
# Runs the composite action's scripts as GitHub's runner would (bash -e -o
# pipefail, the inputs as environment variables) against the examples, with
# the freshly built tool standing in for the cached install, and checks what
# a workflow sees: the exit code, the exit-code output, the failed checks in
# the log, the report written, and the job summary appended.
set -euo pipefail
cd "$(dirname "$0")/.."

cargo build --locked --quiet
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/temp/readiness-tool/bin"
cp target/debug/readiness "$work/temp/readiness-tool/bin/"

# The Assess step's script, as action.yml holds it (js-yaml is in tools/js).
(cd tools/js && node --input-type=module -e '
  import { readFileSync } from "node:fs";
  import yaml from "js-yaml";
  const action = yaml.load(readFileSync("../../action.yml", "utf8"));
  process.stdout.write(action.runs.steps.find((s) => s.id === "assess").run);
') > "$work/assess.sh"

# The defaults of action.yml, then the case's own inputs.
run_case() {
  : > "$work/output" && : > "$work/summary" && rm -f "$work/report"
  (
    export RUNNER_TEMP="$work/temp" GITHUB_OUTPUT="$work/output" GITHUB_STEP_SUMMARY="$work/summary"
    export FILES=org.yaml FORMAT=json OUTPUT="$work/report" FAIL_UNDER= MIN_STRATEGY= \
      MIN_IMPLEMENTATION= MIN_COMPLETENESS= FAIL_ON= PORTFOLIO=false CONFIG= STEP_SUMMARY=true SARIF=
    export "$@"
    bash --noprofile --norc -eo pipefail "$work/assess.sh"
  ) > "$work/stdout" 2> "$work/stderr"
}
fail() { echo "action: $*" >&2; exit 1; }

# A failed gate: exit 1, named in the log, the report and the summary written.
code=0
run_case FILES="examples/slide-deck-northwind-retail.yaml" FAIL_UNDER=60 FAIL_ON=purgatory || code=$?
[ "$code" -eq 1 ] || fail "a failed gate exits $code, not 1"
grep -qx "exit-code=1" "$work/output" || fail "no exit-code=1 output"
grep -q "gate failed: overall 40.3 is below 60.0" "$work/stderr" || fail "the failed check is not in the log"
grep -q '"passed": false' "$work/report" || fail "the report does not hold the failed gate"
head -1 "$work/summary" | grep -q "Gate" || fail "the summary does not open with the gate"

# Globs and directories, the portfolio, no summary: every gate passes.
code=0
run_case FILES="examples/aligned-*.yaml" PORTFOLIO=true STEP_SUMMARY=false FAIL_UNDER=50 || code=$?
[ "$code" -eq 0 ] || fail "a passed gate exits $code: $(cat "$work/stderr")"
grep -qx "exit-code=0" "$work/output" || fail "no exit-code=0 output"
grep -q '"organizations":3' "$work/report" || fail "the glob did not give the three aligned examples"
[ ! -s "$work/summary" ] || fail "step-summary false still wrote the summary"

# SARIF for code scanning beside the report, whatever the gate says.
code=0
run_case FILES="examples/slide-deck-northwind-retail.yaml" FAIL_UNDER=60 SARIF="$work/findings.sarif" || code=$?
[ "$code" -eq 1 ] || fail "a failed gate with SARIF exits $code, not 1"
grep -q '"version": "2.1.0"' "$work/findings.sarif" || fail "no SARIF written"
[ "$(grep -c "gate failed" "$work/stderr")" -eq 1 ] || fail "the failed check is not said once"

# Annotations in the log.
code=0
run_case FILES="examples/slide-deck-northwind-retail.yaml" FORMAT=github OUTPUT= || code=$?
[ "$code" -eq 0 ] || fail "annotations exit $code"
grep -q '^::warning file=examples/slide-deck-northwind-retail.yaml,line=' "$work/stdout" || fail "no annotation in the log"

# A file that cannot be read: exit 2.
code=0
run_case FILES="no/such.yaml" OUTPUT= || code=$?
[ "$code" -eq 2 ] || fail "a missing file exits $code, not 2"

echo "action: scripts checked"
