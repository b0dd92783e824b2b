# chanscope developer entry points. `make test` is what CI runs (.ci/run).
SHELL := /usr/bin/env bash
CARGO ?= cargo
export GOTOOLCHAIN := local

# Tool installation. Each tool gets its own deps-<name> target added to DEPS,
# so a fresh machine only needs `make test`. Hook points for what comes later:
# deps-wasm (rustup target add wasm32-unknown-unknown), deps-wasm-bindgen
# (the CLI matching the crate's wasm-bindgen version), deps-npm (npm ci for
# the web playground) and deps-chromium (headless browser tests).
DEPS := deps-go

.PHONY: test deps $(DEPS) build conformance check-goldens goldens play bench

test: deps
	$(CARGO) test --workspace --release
	scripts/check-goldens

deps: $(DEPS)

deps-go:
	scripts/install-go

build:
	$(CARGO) build --release -p chanscope-core

# Only the Go-conformance suite; CONFORMANCE_FILTER=substr narrows it.
conformance:
	$(CARGO) test --release -p chanscope-core --test conformance

check-goldens: deps-go
	scripts/check-goldens

# Re-record tests/conformance/*.golden from real Go (never edit them by hand).
goldens: deps-go
	scripts/record-goldens

# The web playground comes later; for now run the first example with the CLI.
PLAY_EXAMPLE ?= $(firstword $(wildcard examples/hello.go) $(sort $(wildcard examples/*.go)))
play: build
	@test -n "$(PLAY_EXAMPLE)" || { echo "make play: no examples/*.go" >&2; exit 1; }
	target/release/chanscope run $(PLAY_EXAMPLE)

# chanscope against real Go, side by side (ratios); BENCH_FLAGS=--update-readme
# rewrites the README's table.
bench: deps-go build
	python3 scripts/bench.py $(BENCH_FLAGS)

# Fuzz parse+check+compile+bounded run (core/fuzz, nightly + cargo-fuzz).
# New inputs go to core/fuzz/corpus/pipeline (git-ignored); the Go sources
# of the repository seed it. Leak checks are off: the Rc heap leaks cycles
# (a recursive closure) by design. FUZZ_SECONDS=0 runs until stopped.
.PHONY: fuzz
fuzz:
	mkdir -p core/fuzz/corpus/pipeline
	cd core && ASAN_OPTIONS=detect_leaks=0 cargo +nightly fuzz run pipeline \
		fuzz/corpus/pipeline ../tests/conformance ../examples ../bench -- \
		-max_total_time=$${FUZZ_SECONDS:-600} -dict=fuzz/go.dict -detect_leaks=0 \
		-timeout=10 -rss_limit_mb=4096 -max_len=4096
