#!/usr/bin/env bash
# Renders the reports and checks them with the tools their readers use:
# every Markdown report must pass markdownlint (the settings in
# .markdownlint-cli2.jsonc), and every Mermaid chart must parse with the
# mermaid package (tools/js), and every JSON report must be valid against
# schema/report.schema.json by ajv, a validator independent of the tool.
# Needs Node.js and npm; the packages come from the npm registry, pinned by
# tools/js/package-lock.json.
set -euo pipefail
cd "$(dirname "$0")/.."

cargo build --locked --quiet
bin=target/debug/readiness
out=target/report-checks
rm -rf "$out" && mkdir -p "$out"
for file in examples/*.yaml; do
  "$bin" assess "$file" --format markdown --no-step-summary -o "$out/$(basename "$file" .yaml).md"
  # Gated, so that every kind of check is in the JSON; a failed gate is exit 1.
  "$bin" assess "$file" --format json --no-step-summary --fail-under 50 \
    --fail-on purgatory,warning,no-monitoring -o "$out/$(basename "$file" .yaml).json" 2>/dev/null || [ $? -eq 1 ]
done
"$bin" assess examples --format json --no-step-summary -o "$out/portfolio.json"
"$bin" assess examples --format markdown --detail --no-step-summary -o "$out/portfolio.md"
# A comparison, as posted in a pull request: Northwind now and a quarter on.
sed -e 's/stage: pilot/stage: production/' examples/slide-deck-northwind-retail.yaml > "$out/northwind-later.yaml.in"
mv "$out/northwind-later.yaml.in" "$out/northwind-later.yaml"
"$bin" diff examples/slide-deck-northwind-retail.yaml "$out/northwind-later.yaml" --format markdown > "$out/diff.md"
# The same comparison inside the report, alone and in a portfolio.
"$bin" assess "$out/northwind-later.yaml" --baseline examples/slide-deck-northwind-retail.yaml \
  --format markdown --no-step-summary -o "$out/baseline.md"
"$bin" assess "$out/northwind-later.yaml" --baseline examples/slide-deck-northwind-retail.yaml \
  --format json --no-step-summary -o "$out/baseline.json"
"$bin" assess "$out/northwind-later.yaml" --baseline examples/slide-deck-northwind-retail.yaml \
  --portfolio --detail --format markdown --no-step-summary -o "$out/baseline-portfolio.md"
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
"$bin" history "$history/org/northwind.yaml" --format markdown > "$out/history.md"
"$bin" history "$history/org" --format markdown > "$out/history-portfolio.md"
rm -rf "$history"
# Accepted risks: one in force with Markdown in its reason, one expired, one unmatched.
accepting="$out/accepting"
mkdir -p "$accepting"
cp examples/slide-deck-northwind-retail.yaml "$accepting/northwind.yaml"
cat > "$accepting/readiness.toml" <<'TOML'
[[accept]]
finding = "laptop-bound"
pilot = "churn-model"
reason = "Moves *before* March | see <ticket> #12"
by = "Dana Whitfield, CIO"
until = 2027-03-31

[[accept]]
finding = "cost-overrun"
reason = "Budget reset at the next fiscal year"
by = "CFO"
until = 2026-11-19

[[accept]]
finding = "shadow-ai"
reason = "Policy published"
by = "CISO"
until = 2027-01-31
TOML
(cd "$accepting" && "$OLDPWD/$bin" assess northwind.yaml --format markdown --no-step-summary 2>/dev/null) > "$out/accepted.md"
rm -rf "$accepting"
# Names that once broke the chart: brackets, pipes, keywords, quotes, duplicates.
"$bin" assess tests/fixtures/hostile-names --format markdown --no-step-summary -o "$out/hostile-names.md"

# Framework references: the lists, the coverage view (of one questionnaire
# and of several) and the report's framework view. Their JSON is checked
# against its $defs by the tests (tests/cli/report_schema.rs).
"$bin" frameworks --format markdown > "$out/frameworks.md"
for framework in nist-ai-rmf iso-42001 eu-ai-act; do
  "$bin" frameworks "$framework" --format markdown > "$out/frameworks-$framework.md"
  "$bin" frameworks "$framework" examples --format markdown > "$out/coverage-$framework.md"
done
"$bin" assess examples/aligned-unguarded-meridian-insurance.yaml --framework nist-ai-rmf \
  --framework iso-42001 --framework eu-ai-act --format markdown --no-step-summary -o "$out/framework-view.md"
"$bin" assess examples --framework nist-ai-rmf --detail --format markdown --no-step-summary \
  -o "$out/framework-view-portfolio.md"

(cd tools/js && npm ci --no-audit --no-fund --silent)
tools/js/node_modules/.bin/markdownlint-cli2 "$out/*.md"
node tools/js/check-mermaid.mjs "$out"/*.md
tools/js/node_modules/.bin/ajv validate --spec=draft2020 -c ajv-formats --strict=false \
  -s schema/report.schema.json -d "$out/*.json"
