#!/usr/bin/env bash
# Installs what the project needs on a fresh machine, skipping whatever is already there.
#
#   scripts/setup.sh native   Rust components for building, linting and testing natively.
#
# Run by `make run` and `make test`; safe to run again at any time.
set -euo pipefail

need_rust_parts() {
    command -v cargo >/dev/null || {
        echo "setup: cargo is missing; install Rust with rustup first" >&2
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

case "${1:-native}" in
    native) need_rust_parts ;;
    *)
        echo "setup: unknown part '$1' (expected: native)" >&2
        exit 2
        ;;
esac
