#!/usr/bin/env bash
# Runs the pre-commit hook as a pre-commit user would: pre-commit (from PyPI,
# pinned) builds the tool from this repository and runs readiness-validate on
# a scratch repository's questionnaires; a valid one passes, an invalid one
# fails the hook with its line and column. Needs Python 3 with venv, and git.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

python3 -m venv "$work/venv"
"$work/venv/bin/pip" install --quiet pre-commit==4.0.1
export PRE_COMMIT_HOME="$work/cache"
mkdir "$work/repo" && cd "$work/repo"
git init --quiet
cp "$root/examples/aligned-harbor-logistics.yaml" good.yaml
printf 'version: 1\norganization:\n  name: X\n  bogus: 1\n' > bad.yaml
git add good.yaml bad.yaml

"$work/venv/bin/pre-commit" try-repo "$root" readiness-validate --files good.yaml > "$work/good.log" 2>&1 \
  || { cat "$work/good.log" >&2; echo "pre-commit: a valid questionnaire failed the hook" >&2; exit 1; }
if "$work/venv/bin/pre-commit" try-repo "$root" readiness-validate --files bad.yaml > "$work/bad.log" 2>&1; then
  echo "pre-commit: an invalid questionnaire passed the hook" >&2; exit 1
fi
grep -q 'bad.yaml:4:3: unknown key "bogus"' "$work/bad.log" \
  || { cat "$work/bad.log" >&2; echo "pre-commit: the hook's failure does not name the problem" >&2; exit 1; }
# A file named like an option: without `--` in the hook's entry, it printed
# the help and passed.
mkdir "$work/dash" && cd "$work/dash"
git init --quiet
cp ../repo/bad.yaml ./-h.yaml
git add ./-h.yaml
if "$work/venv/bin/pre-commit" try-repo "$root" readiness-validate --all-files > "$work/dash.log" 2>&1; then
  cat "$work/dash.log" >&2; echo "pre-commit: an invalid questionnaire named -h.yaml passed the hook" >&2; exit 1
fi
grep -q -- '-h.yaml:4:3: unknown key "bogus"' "$work/dash.log" \
  || { cat "$work/dash.log" >&2; echo "pre-commit: the hook read -h.yaml as an option" >&2; exit 1; }
echo "pre-commit: hook checked"
