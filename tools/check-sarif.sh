#!/usr/bin/env bash
# Checks the SARIF the tool writes with Microsoft's SARIF validator
# (`sarif-multitool validate`, from the npm registry, pinned by
# tools/js/package-lock.json): one questionnaire, a portfolio, accepted
# findings, and hostile file and pilot names. Any error or warning fails,
# but one: SARIF2005 asks for the tool's informationUri, which comes from
# `repository` in Cargo.toml and is left out until the package names one.
set -euo pipefail
cd "$(dirname "$0")/.."

cargo build --locked --quiet
bin="$PWD/target/debug/readiness"
out="$PWD/target/sarif-checks"
rm -rf "$out" && mkdir -p "$out"

"$bin" assess examples/slide-deck-northwind-retail.yaml --format sarif -o "$out/one.sarif"
"$bin" assess examples --format sarif -o "$out/portfolio.sarif"
"$bin" assess tests/fixtures/hostile-names --format sarif -o "$out/hostile-names.sarif" 2>/dev/null || [ $? -eq 1 ]
work="$out/accepted"
mkdir -p "$work"
cp examples/slide-deck-northwind-retail.yaml "$work/north wind,1.yaml"
cat > "$work/readiness.toml" <<'TOML'
[[accept]]
finding = "laptop-bound"
pilot = "churn-model"
reason = "Moves to the data platform in March: \"soon\" <b>"
by = "Dana Whitfield, CIO"
until = 2027-03-31
TOML
(cd "$work" && "$bin" assess "north wind,1.yaml" --format sarif -o "$out/accepted.sarif")

(cd tools/js && npm ci --no-audit --no-fund --silent)
tool=tools/js/node_modules/@microsoft/sarif-multitool-linux/Sarif.Multitool
# npm may skip the package's own install script, which makes it executable.
chmod u+x "$tool"
export DOTNET_SYSTEM_GLOBALIZATION_INVARIANT=1 DOTNET_CLI_TELEMETRY_OPTOUT=1
report=$("$tool" validate "$out"/*.sarif 2>&1) || { echo "$report"; exit 1; }
problems=$(grep -E ': (error|warning) ' <<< "$report" | grep -v ' SARIF2005: ' || true)
if [ -n "$problems" ]; then
  echo "$problems"
  exit 1
fi
logs=("$out"/*.sarif)
echo "sarif: ${#logs[@]} logs valid"
