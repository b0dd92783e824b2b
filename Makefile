# chanscope developer entry points. `make test` is what CI runs (.ci/run).
SHELL := /usr/bin/env bash
CARGO ?= cargo
export GOTOOLCHAIN := local

# Tool installation. Each tool gets its own deps-<name> target added to DEPS,
# so a fresh machine only needs `make test`. Hook points for what comes later:
# deps-wasm (rustup target add wasm32-unknown-unknown), deps-wasm-bindgen
# (the CLI matching the crate's wasm-bindgen version), deps-npm (npm ci for
# the web playground) and deps-chromium (headless browser tests).
DEPS := deps-go deps-wasm deps-wasm-bindgen deps-npm deps-chromium

.PHONY: test deps $(DEPS) build conformance check-goldens goldens play bench wasm wasm-test web web-test package package-test

test: deps
	$(CARGO) test --workspace --release
	scripts/check-goldens
	$(MAKE) wasm-test web-test package-test tsan

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

# ---- The web playground (wasm/ + web/) ----
# The wasm-bindgen CLI must be exactly the version of the wasm-bindgen crate
# in Cargo.lock (no --locked: a pinned transitive version is missing here).
WASM_BINDGEN_VERSION := $(shell sed -n '/^name = "wasm-bindgen"$$/{n;s/^version = "\(.*\)"/\1/p;}' Cargo.lock)
WASM_TARGET := wasm32-unknown-unknown
WASM_FILE = $(or $(CARGO_TARGET_DIR),target)/$(WASM_TARGET)/wasm-release/chanscope_wasm.wasm
WASM_PKG := web/src/wasm-pkg
# Largest gzipped size of the wasm module (bytes): a guard against
# accidental bloat. 460 KiB since the race detector, the schedule explorer
# and the library (measured 412 KB gzipped on 2026-11-28).
WASM_MAX_GZ := 471040
PORT ?= 8080

deps-wasm:
	@rustup target list --installed | grep -qx $(WASM_TARGET) || rustup target add $(WASM_TARGET)

deps-wasm-bindgen:
	@test -n "$(WASM_BINDGEN_VERSION)" || { echo "no wasm-bindgen in Cargo.lock" >&2; exit 1; }
	@if [ "$$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $(WASM_BINDGEN_VERSION)" ] || \
	    [ "$$(wasm-bindgen-test-runner --version 2>/dev/null)" != "wasm-bindgen-test-runner $(WASM_BINDGEN_VERSION)" ]; then \
		echo "installing wasm-bindgen-cli $(WASM_BINDGEN_VERSION) (a few minutes)"; \
		$(CARGO) install wasm-bindgen-cli --version $(WASM_BINDGEN_VERSION) --force; \
	fi

# npm ci only when package-lock.json changed since the last install.
deps-npm:
	@if [ ! -f web/node_modules/.package-lock.json ] || [ web/package-lock.json -nt web/node_modules/.package-lock.json ]; then \
		cd web && npm ci --no-audit --no-fund; \
	fi

deps-chromium:
	@command -v chromium >/dev/null || { apt-get update && apt-get install -y --no-install-recommends chromium; }

# The wasm module and its JS glue + .d.ts (web/src/wasm-pkg, not committed).
wasm: deps-wasm deps-wasm-bindgen
	$(CARGO) build -p chanscope-wasm --target $(WASM_TARGET) --profile wasm-release
	wasm-bindgen --target web --remove-name-section --remove-producers-section --out-dir $(WASM_PKG) $(WASM_FILE)
	@gz=$$(gzip -9 -c $(WASM_PKG)/chanscope_wasm_bg.wasm | wc -c); \
	echo "chanscope_wasm_bg.wasm: $$(wc -c < $(WASM_PKG)/chanscope_wasm_bg.wasm) bytes, $$gz gzipped (limit $(WASM_MAX_GZ))"; \
	test $$gz -le $(WASM_MAX_GZ)

# The threaded wasm build for parallel mode (web/src/wasm-pkg-mt, not
# committed): a Web Worker per P over one shared memory. Nightly rebuilds
# std with atomics; the link args make the memory shared and imported (the
# page creates it) and export the TLS symbols wasm-bindgen's thread start
# needs. Its own target dir keeps the stable builds' caches intact. The
# normal build above stays the default and the fallback.
WASM_MT_PKG := web/src/wasm-pkg-mt
WASM_MT_DIR := $(or $(CARGO_TARGET_DIR),target)/wasm-mt
WASM_MT_FILE = $(WASM_MT_DIR)/$(WASM_TARGET)/wasm-release/chanscope_wasm.wasm
WASM_MT_RUSTFLAGS := -C target-feature=+atomics,+bulk-memory,+mutable-globals \
	-C link-arg=--shared-memory -C link-arg=--import-memory -C link-arg=--max-memory=1073741824 \
	-C link-arg=--export=__wasm_init_tls -C link-arg=--export=__tls_size \
	-C link-arg=--export=__tls_align -C link-arg=--export=__tls_base -C link-arg=--export=__heap_base

.PHONY: wasm-mt deps-wasm-mt
deps-wasm-mt:
	@rustup toolchain list | grep -q '^nightly' || rustup toolchain install nightly --profile minimal
	@rustup component list --toolchain nightly --installed | grep -q '^rust-src' || rustup component add rust-src --toolchain nightly
	@rustup target list --toolchain nightly --installed | grep -qx $(WASM_TARGET) || rustup target add $(WASM_TARGET) --toolchain nightly

wasm-mt: deps-wasm-mt deps-wasm-bindgen
	CARGO_TARGET_DIR=$(WASM_MT_DIR) CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="$(WASM_MT_RUSTFLAGS)" \
		$(CARGO) +nightly build -p chanscope-wasm --features threads --target $(WASM_TARGET) --profile wasm-release \
		-Z build-std=panic_abort,std
	wasm-bindgen --target web --remove-name-section --remove-producers-section --out-dir $(WASM_MT_PKG) $(WASM_MT_FILE)
	@grep -q 'shared: *true' $(WASM_MT_PKG)/chanscope_wasm.js || { echo "wasm-mt: the glue does not create a shared memory" >&2; exit 1; }
	@echo "chanscope_wasm_bg.wasm (threads): $$(wc -c < $(WASM_MT_PKG)/chanscope_wasm_bg.wasm) bytes, $$(gzip -9 -c $(WASM_MT_PKG)/chanscope_wasm_bg.wasm | wc -c) gzipped"

# wasm-bindgen-test tests of the wasm crate, headless in Node.
wasm-test: deps-wasm deps-wasm-bindgen
	CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner \
		$(CARGO) test -p chanscope-wasm --target $(WASM_TARGET) --release

# The static site in web/dist/ (servable by any static server).
web: wasm wasm-mt deps-npm
	cd web && npm run build

# Builds everything and serves the page on http://127.0.0.1:$(PORT).
play: web
	cd web && PORT=$(PORT) npx vite preview --port $(PORT)

# Unit and browser tests (Chromium) of the page and of the views.
web-test: web deps-chromium
	cd web && npm run test:page
	cd web && npm run test:views
	cd web && npm run test:parallel
	$(CARGO) test --release -p chanscope-wasm --features threads --lib parallel

# The npm package `chanscope` (web/package): builds dist/, packs it and
# prints the tarball's path as the last line; also the gzipped bytes a page
# loads (the element: element.js + its chunk + worker.js + wasm).
PACKAGE_DIR := web/package
package: wasm deps-npm
	cd web && PLAYGROUND_URL="$(PLAYGROUND_URL)" node package/build.mjs
	@cd $(PACKAGE_DIR)/dist && gz() { for f in "$$@"; do gzip -9 -c "$$f" | wc -c; done | awk '{s+=$$1} END {print s}'; }; \
	chunks=$$(ls client-*.js); \
	echo "page loads (gzipped): element $$(gz element.js $$chunks worker.js chanscope_wasm_bg.wasm) bytes (JS $$(gz element.js $$chunks worker.js), wasm $$(gz chanscope_wasm_bg.wasm)); headless run() $$(gz index.js $$chunks worker.js chanscope_wasm_bg.wasm) bytes"
	@rm -f $(PACKAGE_DIR)/chanscope-*.tgz
	@cd $(PACKAGE_DIR) && tgz=$$(npm pack --silent) && \
	echo "tarball: $$(wc -c < $$tgz) bytes" && echo "$(abspath $(PACKAGE_DIR))/$$tgz"

# Installs the packed tarball into fresh projects outside the repository:
# Node (headless run), a plain page without COOP/COEP with two elements
# (Chromium), a Vite app; the tarball's size budget.
package-test: package deps-chromium
	cd web && node --test test/package/

# chanscope against real Go, side by side (ratios); BENCH_FLAGS=--update-readme
# rewrites the README's table.
bench: deps-go build
	python3 scripts/bench.py $(BENCH_FLAGS)

# The page's parallel mode: bench/cpu8.go at procs 1 and 2 in Chromium.
.PHONY: bench-browser
bench-browser: web deps-chromium
	cd web && node test/bench/parallel-speedup.mjs

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

# ThreadSanitizer over the parallel driver (core/tests/parallel.rs: the
# stress programs and the conformance suites under --parallel). Nightly with
# std rebuilt instrumented; its own target dir keeps the normal build intact.
# Release, because TSan slows every run several times over and the test
# kills a run after 30 s; TSAN_REPS repetitions of the stress programs.
# A report aborts the run (exit 86, not 66, which is chanscope's own
# --race exit) and shows in the test's failure listing.
TSAN_REPS ?= 1
TSAN_TARGET := x86_64-unknown-linux-gnu
.PHONY: tsan
tsan:
	@rustup toolchain list | grep -q '^nightly' || rustup toolchain install nightly --profile minimal
	@rustup component list --toolchain nightly --installed | grep -q '^rust-src' || rustup component add rust-src --toolchain nightly
	CARGO_TARGET_DIR=target/tsan RUSTFLAGS=-Zsanitizer=thread CARGO_PROFILE_RELEASE_DEBUG=line-tables-only \
		TSAN_OPTIONS="halt_on_error=1 exitcode=86" PARALLEL_REPS=$(TSAN_REPS) \
		$(CARGO) +nightly test -Zbuild-std --target $(TSAN_TARGET) --release -p chanscope-core --test parallel
