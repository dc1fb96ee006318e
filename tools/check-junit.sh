#!/usr/bin/env bash
# Checks the JUnit XML reports against a published JUnit schema with xmllint:
# the Jenkins xUnit plugin's junit-10.xsd, as pytest's source distribution
# ships it (from PyPI, pinned), and xmllint from Debian's libxml2-utils. The
# reports checked: a gate that fails, one that passes, none, a regression
# gate, and a portfolio with a file that cannot be read. Needs Python 3 with
# venv; installs xmllint where it is missing.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v xmllint >/dev/null 2>&1; then
  apt-get update -qq || { echo "check-junit: apt-get update failed, so libxml2-utils cannot be installed" >&2; exit 1; }
  apt-get install -y -qq libxml2-utils || { echo "check-junit: could not install libxml2-utils from Debian" >&2; exit 1; }
fi
cargo build --locked --quiet
bin=target/debug/readiness
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

python3 -m venv "$work/venv"
"$work/venv/bin/pip" download --quiet --no-deps --no-binary :all: pytest==8.3.4 -d "$work/sdist"
tar -xzf "$work/sdist/pytest-8.3.4.tar.gz" -C "$work" pytest-8.3.4/testing/example_scripts/junit-10.xsd
xsd="$work/pytest-8.3.4/testing/example_scripts/junit-10.xsd"

northwind=examples/slide-deck-northwind-retail.yaml
run() { "$bin" assess --no-step-summary --format junit "$@" 2>/dev/null || [ $? -le 2 ]; }
run "$northwind" --fail-under 60 --fail-on warning,laptop-bound --min-completeness 10 > "$work/failed.xml"
run "$northwind" --fail-under 10 > "$work/passed.xml"
run "$northwind" > "$work/none.xml"
# A regression baseline is the same organization's: Harbor's answers under Northwind's name.
sed 's/^  name: Harbor Logistics$/  name: Northwind Retail/' examples/aligned-harbor-logistics.yaml > "$work/strong.yaml"
run "$northwind" --baseline "$work/strong.yaml" --fail-on-regression > "$work/regression.xml"
grep -q '<failure type="gate"' "$work/regression.xml" || { echo "junit: no failure in a regression's report" >&2; exit 1; }
printf 'version: 1\norganization: [\n' > "$work/broken.yaml"
run examples "$work/broken.yaml" --fail-on critical > "$work/portfolio.xml"
for report in "$work"/*.xml; do
  xmllint --noout --schema "$xsd" "$report" 2>&1 | grep -v ' validates$' >&2 \
    && { echo "junit: $(basename "$report") does not follow junit-10.xsd" >&2; exit 1; }
done
grep -q '<failure type="gate"' "$work/failed.xml" || { echo "junit: no failure in a failed gate's report" >&2; exit 1; }
grep -q '<error type="invalid"' "$work/portfolio.xml" || { echo "junit: no error for an unreadable file" >&2; exit 1; }
reports=("$work"/*.xml)
echo "junit: ${#reports[@]} reports valid against junit-10.xsd"
