#!/usr/bin/env bash
# Asks a real fish what it completes from the script `readiness completions
# fish` prints: the shell names after `completions`, the gate words after
# `--fail-on`. Needs fish (Debian's package).
set -euo pipefail
cd "$(dirname "$0")/.."

cargo build --locked --quiet
script=target/readiness.fish
target/debug/readiness completions fish > "$script"
expect() {
  local line="$1" wanted="$2" got
  got=$(fish --no-config -c "source $script; complete -C '$line'" | cut -f1 | tr '\n' ' ')
  if [ "$got" != "$wanted" ]; then
    echo "fish completes '$line' with '$got'; expected '$wanted'" >&2
    exit 1
  fi
}
expect "readiness completions " "bash elvish fish powershell zsh "
expect "readiness assess --fail-on " "critical purgatory warning "
echo "fish: completions checked"
