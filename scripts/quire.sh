#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# One entry point for a fresh Debian 12 machine:
#   scripts/quire.sh run [APP ARGS...]   install what is missing, build, start Quire
#   scripts/quire.sh test                install what is missing, build, run every test with ctest
#   scripts/quire.sh build               install what is missing, build
# Idempotent: installed packages are skipped and the build directory is reused.
# QUIRE_PRESET picks the CMake preset (default: dev).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
preset="${QUIRE_PRESET:-dev}"
build_dir="$root/build/$preset"

apt_packages=(
  cmake ninja-build g++ git pkg-config
  qt6-base-dev qt6-webengine-dev qt6-webchannel-dev libqt6sql6-sqlite libsqlite3-dev libgl-dev
  libgtest-dev libgmock-dev clang-16 libclang-rt-16-dev clang-format clang-tidy-16
  libclang-16-dev llvm-16-dev
  libical-dev sqlite3 xauth xvfb fonts-dejavu-core dpkg-dev
  postgresql libqt6sql6-psql libpq-dev
)

log() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

install_packages() {
  local missing=()
  for package in "${apt_packages[@]}"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
  done
  if [ "${#missing[@]}" -gt 0 ]; then
    log "Installing Debian packages: ${missing[*]}"
    as_root apt-get -o DPkg::Lock::Timeout=600 update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600 install -y -qq --no-install-recommends "${missing[@]}"
  fi
  if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
    log "Node.js 20.19+ and npm are needed to build the UI; install them and run again."
    exit 1
  fi
  local node_major
  node_major="$(node -p 'process.versions.node.split(".")[0]')"
  if [ "$node_major" -lt 20 ]; then
    log "Node.js $(node --version) is too old: the UI build needs 20.19 or newer."
    exit 1
  fi
}

build() {
  if [ ! -f "$build_dir/CMakeCache.txt" ]; then
    log "Configuring ($preset)"
    cmake --preset "$preset" -S "$root"
  fi
  log "Building ($preset)"
  cmake --build "$build_dir" -j "$(nproc)"
}

webengine_env() {
  # Chromium's sandbox cannot run as root; without a display the app renders offscreen.
  if [ "$(id -u)" -eq 0 ]; then export QTWEBENGINE_DISABLE_SANDBOX=1; fi
  if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ] && [ -z "${QT_QPA_PLATFORM:-}" ]; then
    export QT_QPA_PLATFORM=offscreen
  fi
}

command="${1:-}"
[ $# -gt 0 ] && shift
case "$command" in
  run)
    install_packages
    build
    webengine_env
    if [ "${QT_QPA_PLATFORM:-}" = offscreen ]; then
      log "No display found: Quire runs offscreen (set DISPLAY to see its window)."
    fi
    log "Starting Quire"
    [ "${1:-}" = "--" ] && shift
    exec "$build_dir/app/quire" "$@"
    ;;
  test)
    install_packages
    build
    webengine_env
    log "Running the test suite"
    cd "$root"
    exec ctest --preset "$preset" -j 2 "$@"
    ;;
  build)
    install_packages
    build
    ;;
  *)
    echo "usage: scripts/quire.sh run [APP ARGS...] | test [CTEST ARGS...] | build" >&2
    exit 2
    ;;
esac
