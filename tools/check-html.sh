#!/usr/bin/env bash
# Renders the HTML reports and checks them as their readers will meet them:
# the Nu HTML Checker (vnu, from the npm package vnu-jar, on Java) reports no
# error in any page (every example, the portfolio with its reports, a report
# against a baseline, a comparison, a history, hostile names); headless
# Chromium prints each example to PDF exactly as the README shows, and
# pdftotext shows that "Evidence and method" begins a page no later than the
# third, so the leadership part fits on two; axe-core, run in that Chromium
# through puppeteer-core, finds no violation in the light or the dark colour
# scheme, and no first screen is blank. Screenshots stay in
# target/html-checks. Needs Java, Chromium and poppler-utils, installed from
# Debian where missing; the npm packages are pinned by tools/js/package-lock.json.
set -euo pipefail
cd "$(dirname "$0")/.."

missing=()
command -v java >/dev/null 2>&1 || missing+=(default-jre-headless)
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
command -v pdftotext >/dev/null 2>&1 || missing+=(poppler-utils)
if [ ${#missing[@]} -gt 0 ]; then
  apt-get update -qq || { echo "check-html: apt-get update failed, so ${missing[*]} cannot be installed" >&2; exit 1; }
  apt-get install -y -qq "${missing[@]}" || { echo "check-html: could not install ${missing[*]} from Debian" >&2; exit 1; }
fi

cargo build --locked --quiet
bin=target/debug/readiness
out=target/html-checks
rm -rf "$out" && mkdir -p "$out/pdf" "$out/screenshots"
for file in examples/*.yaml; do
  "$bin" assess "$file" --format html --no-step-summary -o "$out/$(basename "$file" .yaml).html"
done
"$bin" assess examples --format html --detail --no-step-summary -o "$out/portfolio.html"
# With a gate, the portfolio's table has its widest form: one column more.
status=0
"$bin" assess examples --format html --fail-under 60 --no-step-summary -o "$out/portfolio-gated.html" 2>/dev/null || status=$?
if [ "$status" -ne 1 ]; then
  echo "check-html: the gated portfolio ended with $status, not 1 (gate failed)" >&2
  exit 1
fi
"$bin" assess tests/fixtures/hostile-names --format html --detail --no-step-summary -o "$out/hostile-names.html"
# Northwind a quarter on: a comparison, and a report against its baseline.
sed -e 's/stage: pilot/stage: production/' examples/slide-deck-northwind-retail.yaml > "$out/northwind-later.yaml.in"
mv "$out/northwind-later.yaml.in" "$out/northwind-later.yaml"
"$bin" diff examples/slide-deck-northwind-retail.yaml "$out/northwind-later.yaml" --format html > "$out/diff.html"
"$bin" assess "$out/northwind-later.yaml" --baseline examples/slide-deck-northwind-retail.yaml \
  --format html --no-step-summary -o "$out/baseline.html"
rm "$out/northwind-later.yaml"
# A history: Northwind committed three times, Harbor Logistics beside it.
history="$out/history-repo"
mkdir -p "$history/org"
commit() {
  git -C "$history" add --all
  GIT_AUTHOR_DATE="$1T12:00:00Z" GIT_COMMITTER_DATE="$1T12:00:00Z" \
    git -C "$history" -c user.name=readiness -c user.email=readiness@example.org commit --quiet -m "$1"
}
git -C "$history" init --quiet
cp examples/slide-deck-northwind-retail.yaml "$history/org/northwind.yaml"
commit 2026-09-01
sed -i -e 's/stage: pilot/stage: production/' "$history/org/northwind.yaml"
commit 2026-10-01
cp examples/aligned-harbor-logistics.yaml "$history/org/harbor.yaml"
sed -i -e 's/environment: laptop/environment: production/' "$history/org/northwind.yaml"
commit 2026-11-01
"$bin" history "$history/org/northwind.yaml" --format html > "$out/history.html"
"$bin" history "$history/org" --format html > "$out/history-portfolio.html"
rm -rf "$history"

(cd tools/js && npm ci --no-audit --no-fund --silent)
java -jar tools/js/node_modules/vnu-jar/build/dist/vnu.jar --errors-only "$out"/*.html
pages=("$out"/*.html)
echo "vnu: no error in ${#pages[@]} pages"

# Axe-core, screenshots, a phone's width, and each example printed on A4.
mkdir -p "$out/pdf-a4"
examples_html=()
for file in examples/*.yaml; do examples_html+=("$out/$(basename "$file" .yaml).html"); done
node tools/js/check-html.mjs --screenshots "$out/screenshots" "$out"/*.html
node tools/js/check-html.mjs --a4 "$out/pdf-a4" "${examples_html[@]}" >/dev/null

# The page of `pdf` on which "Evidence and method" is the first line, if any.
evidence_page() {
  local pdf=$1 pages page first
  pages=$(pdfinfo "$pdf" | awk '/^Pages:/ {print $2}')
  for ((page = 1; page <= pages; page++)); do
    first=$(pdftotext -f "$page" -l "$page" -layout "$pdf" - | grep -m1 -v '^[[:space:]]*$' | sed -e 's/^[[:space:]]*//' || true)
    if [ "$first" = "Evidence and method" ]; then
      echo "$page"
      return
    fi
  done
}

# Printed as the README shows (Chromium's default paper, Letter), and on A4.
profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT
chromium_flags=(--headless --no-sandbox --disable-gpu --no-first-run --disable-background-networking
  --disable-component-update --disable-sync --user-data-dir="$profile" --no-pdf-header-footer)
for file in examples/*.yaml; do
  name=$(basename "$file" .yaml)
  chromium "${chromium_flags[@]}" --print-to-pdf="$out/pdf/$name.pdf" "file://$PWD/$out/$name.html" 2>/dev/null
  for pdf in "$out/pdf/$name.pdf" "$out/pdf-a4/$name.pdf"; do
    starts=$(evidence_page "$pdf")
    if [ -z "$starts" ]; then
      echo "$pdf: \"Evidence and method\" does not begin a page" >&2
      exit 1
    fi
    if [ "$starts" -gt 3 ]; then
      echo "$pdf: \"Evidence and method\" begins page $starts; the leadership part is longer than two pages" >&2
      exit 1
    fi
    echo "$pdf: \"Evidence and method\" begins page $starts"
  done
done
