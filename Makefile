# The project's commands. `make run` and `make test` install what they need first
# (scripts/setup.sh), so both work on a fresh machine that has Rust.

SHELL := /bin/bash
export PATH := $(CURDIR)/e2e/node_modules/.bin:$(HOME)/.cargo/bin:$(PATH)
export CHROMEDRIVER ?= /usr/bin/chromedriver
# Bounds the whole browser test binary, not one test.
export WASM_BINDGEN_TEST_TIMEOUT ?= 600

LISTEN ?= 127.0.0.1:8080
DEMO_DB ?= target/demo/customers.db
# The strict policy the bundle is built to run under; `make run` serves every page with it.
CSP ?= default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; \
	connect-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'none'
export CSP

.PHONY: run dev api test lint test-native test-browser test-e2e dist bench bench-native

## The release build of the form and the local API together, under the strict CSP: the form at
## http://$(LISTEN)/ and the example admin page at http://$(LISTEN)/example/.
run: dist
	cargo build -p local-api
	mkdir -p $(dir $(DEMO_DB))
	@echo "Demo: the form at http://$(LISTEN)/, an admin page embedding it at" \
		"http://$(LISTEN)/example/ (API under /api/). Ctrl-C stops it."
	target/debug/local-api --listen $(LISTEN) --form-dir dist --example-dir examples/admin \
		--content-security-policy "$$CSP" --db $(DEMO_DB) --price-plans api/demo/price_plans.json

## For working on the form: trunk serve rebuilds on change and proxies /api/ to the local API.
dev:
	scripts/setup.sh web
	cargo build -p local-api
	mkdir -p $(dir $(DEMO_DB))
	target/debug/local-api --listen 127.0.0.1:3000 --db $(DEMO_DB) \
		--price-plans api/demo/price_plans.json & api=$$!; \
	trap "kill $$api" EXIT; trunk serve --offline

## The local API alone, on port 3000.
api:
	scripts/setup.sh native
	mkdir -p $(dir $(DEMO_DB))
	cargo run -p local-api -- --listen 127.0.0.1:3000 --db $(DEMO_DB) \
		--price-plans api/demo/price_plans.json

## The size-tuned release bundle in dist/.
dist:
	scripts/setup.sh web
	trunk build --release --offline

## Everything: formatting, lints, native tests, component tests in Chromium, whole flows.
test: lint test-native test-browser test-e2e

lint:
	scripts/setup.sh native
	cargo fmt --all --check
	cargo clippy -p customer-signup -p local-api --all-targets -- -D warnings
	cargo clippy -p customer-signup-bench --all-targets -- -D warnings
	cargo clippy -p customer-signup --target wasm32-unknown-unknown --lib --bins --test web \
		-- -D warnings
	cargo clippy -p customer-signup-floor --target wasm32-unknown-unknown --lib --bins \
		-- -D warnings

test-native:
	scripts/setup.sh native
	cargo test -p customer-signup -p local-api

test-browser:
	scripts/setup.sh browser
	cargo test -p customer-signup --target wasm32-unknown-unknown --test web

test-e2e: dist
	scripts/setup.sh browser
	trunk build --release --offline --public-url /admin/signup/ --dist target/dist-subpath
	cargo build -p local-api
	npm test --prefix e2e

## Performance figures (a benchmark: it prints, it never fails): what the browser downloads and
## the floor under it (scripts/floor.sh), load and keystroke times in Chromium, validation in
## the browser and natively, memory.
bench: dist
	scripts/setup.sh browser
	cargo build -p local-api
	scripts/floor.sh
	node e2e/bench/bench.mjs
	cargo bench -p customer-signup-bench

## Criterion figures for validating a full draft natively.
bench-native:
	cargo bench -p customer-signup-bench
