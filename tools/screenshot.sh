#!/usr/bin/env bash
# Regenerates docs/report.png, the README's picture of the HTML report's
# first screen: the Kestrel Manufacturing example rendered by the tool and
# photographed by headless Chromium (installed from Debian where missing),
# in the light scheme, 900 pixels wide.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v chromium >/dev/null 2>&1; then
  apt-get update -qq || { echo "screenshot: apt-get update failed, so chromium cannot be installed" >&2; exit 1; }
  apt-get install -y -qq chromium || { echo "screenshot: could not install chromium from Debian" >&2; exit 1; }
fi
cargo build --locked --quiet
out=target/screenshot
rm -rf "$out" && mkdir -p "$out" docs
target/debug/readiness assess examples/early-live-kestrel-manufacturing.yaml --format html \
  --no-step-summary -o "$out/report.html"
profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT
chromium --headless --no-sandbox --disable-gpu --no-first-run --disable-background-networking \
  --disable-component-update --disable-sync --user-data-dir="$profile" --hide-scrollbars \
  --force-device-scale-factor=1 --force-prefers-reduced-motion --window-size=900,1150 \
  --screenshot="$PWD/docs/report.png" "file://$PWD/$out/report.html" 2>/dev/null
echo "docs/report.png: $(wc -c < docs/report.png) bytes"
