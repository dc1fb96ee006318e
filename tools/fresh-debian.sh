#!/usr/bin/env bash
# Runs .ci/run on a fresh Debian 12 with nothing installed but the Rust
# toolchain: a minimal bookworm made by debootstrap, this machine's rustup
# toolchain copied in, and a clone of the repository's HEAD. What .ci/run
# needs beyond Rust it must install itself. Needs root and debootstrap
# (Debian: apt-get install debootstrap).
#
#   tools/fresh-debian.sh [ROOT]    # ROOT defaults to target/fresh-debian
set -euo pipefail
cd "$(dirname "$0")/.."
root=${1:-target/fresh-debian}
root=$(realpath -m "$root")
repo=$PWD

if [ ! -x "$root/usr/bin/apt-get" ]; then
  debootstrap --variant=minbase bookworm "$root" http://deb.debian.org/debian
fi
# The system this one uses to reach the registries, as a new machine has it.
cp /etc/resolv.conf "$root/etc/resolv.conf"

# The Rust toolchain, as rustup installs it; nothing else of this machine.
rustup_home=${RUSTUP_HOME:-$HOME/.rustup}
cargo_home=${CARGO_HOME:-$HOME/.cargo}
mkdir -p "$root/root/.cargo"
rm -rf "$root/root/.rustup" "$root/root/.cargo/bin"
cp -a "$rustup_home" "$root/root/.rustup"
cp -a "$cargo_home/bin" "$root/root/.cargo/bin"
# rustup itself fetches over HTTPS, so a machine with Rust has the
# certificates, and the authorities this machine's network adds to them
# (/usr/local/share/ca-certificates) are the machine's, not the project's.
chroot "$root" /bin/sh -c 'command -v update-ca-certificates >/dev/null || { apt-get update -qq && apt-get install -y -qq ca-certificates >/dev/null; }'
if [ -d /usr/local/share/ca-certificates ]; then
  cp -a /usr/local/share/ca-certificates/. "$root/usr/local/share/ca-certificates/"
  chroot "$root" update-ca-certificates >/dev/null
fi
# The variables that point tools at those authorities, where this machine sets them.
trust=()
for name in SSL_CERT_FILE SSL_CERT_DIR NODE_EXTRA_CA_CERTS REQUESTS_CA_BUNDLE PIP_CERT CURL_CA_BUNDLE GIT_SSL_CAINFO; do
  if [ -n "${!name:-}" ]; then trust+=("$name=${!name}"); fi
done

rm -rf "$root/work/readiness"
mkdir -p "$root/work"
git clone --quiet --no-hardlinks "$repo" "$root/work/readiness"

mounted=()
cleanup() {
  for (( i=${#mounted[@]}-1; i>=0; i-- )); do umount -l "${mounted[$i]}" || true; done
}
trap cleanup EXIT
for fs in proc sys dev dev/pts; do
  mount --bind "/$fs" "$root/$fs"
  mounted+=("$root/$fs")
done
mount -t tmpfs tmpfs "$root/dev/shm"
mounted+=("$root/dev/shm")

chroot "$root" /usr/bin/env -i HOME=/root TERM=dumb "${trust[@]}" \
  PATH=/root/.cargo/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
  /bin/bash -c 'cd /work/readiness && .ci/run'
echo "fresh-debian: .ci/run passed on a minimal Debian 12 with only Rust installed"
