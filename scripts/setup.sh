#!/usr/bin/env bash
# Installs what the project needs on a fresh machine, skipping whatever is already there.
#
#   scripts/setup.sh native    Rust components and the wasm32 target.
#   scripts/setup.sh web       + trunk, the wasm-bindgen CLI matching Cargo.lock, wasm-opt.
#   scripts/setup.sh browser   + Chromium, chromedriver, and the end-to-end test packages.
#
# Each part includes the ones above it. Run by the Makefile; safe to run again at any time.
# Everything comes from crates.io, npm and Debian's packages: trunk is told to download nothing.
set -euo pipefail

cd "$(dirname "$0")/.."

TRUNK_VERSION=0.21.14

say() { printf 'setup: %s\n' "$*" >&2; }

as_root() {
    if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

native() {
    command -v cargo >/dev/null || {
        say "cargo is missing; install Rust with rustup first (https://rustup.rs)"
        exit 1
    }
    local installed
    installed=$(rustup component list --installed 2>/dev/null || true)
    for component in clippy rustfmt; do
        grep -q "^$component" <<<"$installed" || rustup component add "$component"
    done
    rustup target list --installed | grep -qx wasm32-unknown-unknown \
        || rustup target add wasm32-unknown-unknown
}

# The wasm-bindgen version Cargo.lock resolved; the CLI must be exactly this one.
locked_wasm_bindgen() {
    awk '/^name = "wasm-bindgen"$/ { getline; gsub(/[^0-9.]/, ""); print; exit }' Cargo.lock
}

npm_packages() {
    command -v npm >/dev/null || {
        say "installing Node.js and npm"
        as_root apt-get update -qq
        as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nodejs npm
    }
    if [ ! -x e2e/node_modules/.bin/wasm-opt ] || [ e2e/package-lock.json -nt e2e/node_modules ]; then
        say "installing npm packages (wasm-opt, playwright-core, axe-core)"
        npm ci --prefix e2e --no-audit --no-fund --loglevel=error
        touch e2e/node_modules
    fi
}

web() {
    native
    if [ "$(trunk --version 2>/dev/null)" != "trunk $TRUNK_VERSION" ]; then
        say "installing trunk $TRUNK_VERSION (about 13 minutes on 2 cores)"
        cargo install --locked "trunk@$TRUNK_VERSION"
    fi
    local wanted
    wanted=$(locked_wasm_bindgen)
    if [ "$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $wanted" ]; then
        say "installing wasm-bindgen-cli $wanted"
        # Not --locked: the CLI's own lock file names a crate version the registry lacks.
        cargo install --force wasm-bindgen-cli --version "$wanted"
    fi
    npm_packages
}

browser() {
    web
    if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then
        say "installing Chromium and chromedriver"
        as_root apt-get update -qq
        as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver
    fi
}

case "${1:-native}" in
    native) native ;;
    web) web ;;
    browser) browser ;;
    *)
        say "unknown part '$1' (expected: native, web or browser)"
        exit 2
        ;;
esac
