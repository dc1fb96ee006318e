#!/usr/bin/env bash
# Runs the composite action's scripts as GitHub's runner would (bash -e -o
# pipefail, the inputs as environment variables) against the examples, with
# the freshly built tool standing in for the cached install, and checks what
# a workflow sees: the exit code, the exit-code output, the failed checks in
# the log, the report written, and the job summary appended.
# Each case exports its inputs in a subshell on purpose, so that none leaks
# into the next case.
# shellcheck disable=SC2030,SC2031
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

# The release download step's script, the same way.
(cd tools/js && node --input-type=module -e '
  import { readFileSync } from "node:fs";
  import yaml from "js-yaml";
  const action = yaml.load(readFileSync("../../action.yml", "utf8"));
  process.stdout.write(action.runs.steps.find((s) => s.id === "release").run);
') > "$work/release.sh"

# The defaults of action.yml, then the case's own inputs.
run_case() {
  : > "$work/output" && : > "$work/summary" && rm -f "$work/report"
  (
    export RUNNER_TEMP="$work/temp" GITHUB_OUTPUT="$work/output" GITHUB_STEP_SUMMARY="$work/summary"
    export FILES=org.yaml FORMAT=json OUTPUT="$work/report" FAIL_UNDER='' MIN_STRATEGY='' \
      MIN_IMPLEMENTATION='' MIN_COMPLETENESS='' FAIL_ON='' PORTFOLIO=false CONFIG='' STEP_SUMMARY=true SARIF='' \
      BASELINE='' FAIL_ON_REGRESSION=false TOLERANCE=''
    # Each argument is a NAME=value of the case's own.
    # shellcheck disable=SC2163
    export "$@"
    cd "${CASE_DIR:-.}"
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

# A YAML block of files, one a line (as `files: |` gives it): every line read.
code=0
run_case FILES=$'examples/aligned-harbor-logistics.yaml\nexamples/aligned-unguarded-meridian-insurance.yaml\n' \
  PORTFOLIO=true STEP_SUMMARY=false || code=$?
[ "$code" -eq 0 ] || fail "a block of files exits $code: $(cat "$work/stderr")"
grep -q '"organizations":2' "$work/report" || fail "a block of files read only its first line"

# A pattern that matches nothing fails the step, whatever else matched.
code=0
run_case FILES=$'examples/aligned-*.yaml\n  examples/nothing-*.yaml' PORTFOLIO=true || code=$?
[ "$code" -eq 2 ] || fail "a pattern matching nothing exits $code, not 2"
grep -qx "exit-code=2" "$work/output" || fail "no exit-code=2 output for a pattern matching nothing"
grep -qF 'files: "examples/nothing-*.yaml" matches no file' "$work/stderr" || fail "the empty pattern is not named: $(cat "$work/stderr")"
[ ! -e "$work/report" ] || fail "a report was written though a pattern matched nothing"

# SARIF: never over the report; into a directory made for it; its errors kept.
code=0
run_case FILES="examples/slide-deck-northwind-retail.yaml" SARIF="$work/report" || code=$?
[ "$code" -eq 2 ] || fail "sarif equal to output exits $code, not 2"
grep -qx "exit-code=2" "$work/output" || fail "no exit-code=2 output for sarif equal to output"
grep -q "is also the output" "$work/stderr" || fail "sarif equal to output is not said"
[ ! -e "$work/report" ] || fail "sarif equal to output still wrote a report"
code=0
run_case FILES="examples/slide-deck-northwind-retail.yaml" SARIF="$work/new/dir/findings.sarif" || code=$?
[ "$code" -eq 0 ] || fail "a SARIF path in a new directory exits $code: $(cat "$work/stderr")"
grep -q '"version": "2.1.0"' "$work/new/dir/findings.sarif" || fail "no SARIF written in a new directory"
mkdir -p "$work/taken.sarif"
code=0
run_case FILES="examples/slide-deck-northwind-retail.yaml" SARIF="$work/taken.sarif" || code=$?
[ "$code" -eq 2 ] || fail "a SARIF that cannot be written exits $code, not 2"
grep -qx "exit-code=2" "$work/output" || fail "no exit-code output when the SARIF cannot be written"
grep -q "taken.sarif" "$work/stderr" || fail "the SARIF's error was thrown away"

# Inputs left empty never replace readiness.toml's settings; one that is
# set does, and says so.
mkdir -p "$work/settings/questionnaires"
cp examples/slide-deck-northwind-retail.yaml "$work/settings/questionnaires/org.yaml"
git -C "$work/settings" init --quiet
printf '[gate]\nfail_on = ["critical", "purgatory"]\n' > "$work/settings/readiness.toml"
code=0
CASE_DIR="$work/settings/questionnaires" run_case FILES=org.yaml || code=$?
[ "$code" -eq 1 ] || fail "readiness.toml's gate, from a subdirectory, exits $code, not 1"
grep -q "^org.yaml: gate failed: critical finding plan-without-results: fails on critical" "$work/stderr" \
  || fail "readiness.toml's critical gate did not fail: $(cat "$work/stderr")"
code=0
CASE_DIR="$work/settings/questionnaires" run_case FILES=org.yaml FAIL_ON=warning || code=$?
grep -qF "note: fail_on: warning, from --fail-on, replacing ../readiness.toml's critical and purgatory" "$work/stderr" \
  || fail "a replaced setting is not said: $(cat "$work/stderr")"

# The regression gate against the base branch, in a real repository.
repo="$work/regression"
mkdir -p "$repo"
git -C "$repo" init --quiet
# The baseline is the same organization's: Harbor's answers under Northwind's name.
sed 's/^  name: Harbor Logistics$/  name: Northwind Retail/' examples/aligned-harbor-logistics.yaml >"$repo/org.yaml"
grep -q '^  name: Northwind Retail$' "$repo/org.yaml" || fail "the baseline was not renamed"
git -C "$repo" -c user.name=ci -c user.email=ci@example.org add org.yaml
git -C "$repo" -c user.name=ci -c user.email=ci@example.org commit --quiet -m "the baseline"
cp examples/slide-deck-northwind-retail.yaml "$repo/org.yaml"
code=0
CASE_DIR="$repo" run_case FILES=org.yaml BASELINE=git:HEAD FAIL_ON_REGRESSION=true TOLERANCE=5 || code=$?
[ "$code" -eq 1 ] || fail "a regression exits $code, not 1: $(cat "$work/stderr")"
grep -q "^org.yaml: gate failed: overall .* against the baseline's .*beyond the tolerance of 5.0" "$work/stderr" \
  || fail "the regression is not in the log: $(cat "$work/stderr")"
grep -q '"tolerance": 5.0' "$work/report" || fail "the tolerance input was not passed"
code=0
CASE_DIR="$repo" run_case FILES=org.yaml BASELINE=git:HEAD || code=$?
[ "$code" -eq 0 ] || fail "a baseline without the regression gate exits $code, not 0"
grep -q '"comparison": {' "$work/report" || fail "the baseline input was not passed"

# A file that cannot be read: exit 2.
code=0
run_case FILES="no/such.yaml" OUTPUT= || code=$?
[ "$code" -eq 2 ] || fail "a missing file exits $code, not 2"

# At a release tag the release's archive is installed once its checksum
# matches; a mismatch fails the step; another ref builds from source. The
# release is served from a directory standing in for GitHub's releases.
version=$(sed -n 's/^version = "\(.*\)"$/\1/p' Cargo.toml | head -1)
releases="$work/releases"
mkdir -p "$releases/v$version" "$work/pack"
cp target/debug/readiness "$work/pack/"
tar -czf "$releases/v$version/readiness-x86_64-unknown-linux-musl.tar.gz" -C "$work/pack" readiness
(cd "$releases/v$version" && sha256sum readiness-x86_64-unknown-linux-musl.tar.gz > readiness-x86_64-unknown-linux-musl.sha256)
release_case() {
  local ref=$1; shift
  local action="$work/_actions/acme/readiness/$ref"
  mkdir -p "$action" && cp Cargo.toml "$action/"
  rm -rf "$work/rtemp" && mkdir -p "$work/rtemp" && : > "$work/output"
  (
    export GITHUB_ACTION_PATH="$action" RUNNER_TEMP="$work/rtemp" GITHUB_OUTPUT="$work/output" \
      RUNNER_OS=Linux RUNNER_ARCH=X64 READINESS_RELEASES="file://$releases"
    # Each argument is a NAME=value of the case's own.
    # shellcheck disable=SC2163
    export "$@"
    bash --noprofile --norc -eo pipefail "$work/release.sh"
  ) > "$work/stdout" 2> "$work/stderr"
}
code=0
release_case "v$version" || code=$?
[ "$code" -eq 0 ] || fail "the release download exits $code: $(cat "$work/stderr")"
grep -qx "installed=true" "$work/output" || fail "the release build was not installed"
"$work/rtemp/readiness-tool/bin/readiness" --version | grep -q "$version" || fail "the installed release build does not run"
code=0
release_case main || code=$?
if [ "$code" -ne 0 ] || ! grep -qx "installed=false" "$work/output"; then
  fail "a branch did not fall back to building from source"
fi
[ ! -e "$work/rtemp/readiness-release" ] || fail "a branch downloaded a release"
code=0
release_case v99.0.0 || code=$?
grep -qx "installed=false" "$work/output" || fail "a tag that is not the source's version used a release"
code=0
release_case "v$version" RUNNER_ARCH=ARM64 || code=$?
if [ "$code" -ne 0 ] || ! grep -qx "installed=false" "$work/output"; then
  fail "a missing release build did not fall back to source"
fi
echo "0000000000000000000000000000000000000000000000000000000000000000  readiness-x86_64-unknown-linux-musl.tar.gz" \
  > "$releases/v$version/readiness-x86_64-unknown-linux-musl.sha256"
code=0
release_case "v$version" || code=$?
[ "$code" -eq 1 ] || fail "an archive that does not match its checksum exits $code, not 1"
grep -q "does not match its SHA-256 checksum" "$work/stderr" || fail "the checksum mismatch is not said"
[ ! -e "$work/rtemp/readiness-tool/bin/readiness" ] || fail "an archive that does not match its checksum was installed"
! grep -qx "installed=true" "$work/output" || fail "a mismatched archive was reported installed"

echo "action: scripts checked"
