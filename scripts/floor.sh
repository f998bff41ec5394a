#!/usr/bin/env bash
# Builds the three floor pages of bench/floor the way trunk builds the form: the release profile
# for wasm32, then `wasm-bindgen --target=web --no-typescript` and `wasm-opt -Oz`, the two calls
# trunk 0.21 makes for `data-wasm-opt="z"`. The benchmark weighs what lands in target/floor/.
# Needs what `scripts/setup.sh web` installs; run by `make bench`.
set -euo pipefail

cd "$(dirname "$0")/.."

out=target/floor
pages=(floor-rules floor-hello floor-rules-hello)

cargo build --release --target wasm32-unknown-unknown -p customer-signup-floor --bins
rm -rf "$out"
for page in "${pages[@]}"; do
    wasm-bindgen --target=web --no-typescript --out-dir="$out/$page" --out-name="$page" \
        "target/wasm32-unknown-unknown/release/$page.wasm"
    wasm-opt -Oz --output="$out/$page/${page}_bg.wasm" "$out/$page/${page}_bg.wasm"
done
