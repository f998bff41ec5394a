# The project's commands. `make run` and `make test` install what they need first.

API_LISTEN ?= 127.0.0.1:3000
DEMO_DB ?= target/demo/customers.db

.PHONY: run test api lint bench-native

## Starts the local customers API with demo price plans, keeping customers in $(DEMO_DB).
run: api

api:
	scripts/setup.sh native
	mkdir -p $(dir $(DEMO_DB))
	cargo run -p local-api -- --listen $(API_LISTEN) --db $(DEMO_DB) \
		--price-plans api/demo/price_plans.json

## Formatting, lints for both targets, and every test.
test: lint
	cargo test --workspace

lint:
	scripts/setup.sh native
	cargo fmt --all --check
	cargo clippy --workspace --all-targets -- -D warnings
	cargo clippy -p customer-signup --lib --target wasm32-unknown-unknown -- -D warnings

## Criterion figures for validating a full draft natively.
bench-native:
	cargo bench --bench validate
