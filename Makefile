# Jeton — every command sets itself up on a fresh Debian/Ubuntu machine.
SHELL := /bin/bash
.DEFAULT_GOAL := help
CARGO ?= cargo
export PATH := $(HOME)/.cargo/bin:$(PATH)
# The Tauri CLI runs its hooks (tauri.conf.json: npm run build) in the UI directory.
TAURI := TAURI_FRONTEND_PATH=ui ui/node_modules/.bin/tauri
VERSION := $(shell sed -n 's/^  "version": "\(.*\)",$$/\1/p' tauri.conf.json)

.PHONY: help deps test-deps ui build release run demo test lint rust-test ui-test ui-e2e e2e bindings completions bench bench-ui bench-git clean package package-test

help:
	@echo "make run    build and start Jeton against github.com"
	@echo "make demo   start a fake GitHub with sample tokens and Jeton pointed at it"
	@echo "make test   every check: format, lint, Rust, UI and end-to-end tests"
	@echo "make release  optimized build (target/release/jeton)"
	@echo "make package  .deb and .rpm of the optimized build (target/release/bundle/)"

deps:
	@scripts/deps

test-deps:
	@scripts/deps --test

ui: deps
	npm --prefix ui run build --silent

build: ui
	$(CARGO) build --workspace --bins

release: ui
	$(CARGO) build --release --bin jeton --bin git-credential-jeton

run:
	@scripts/need-display run
	@$(MAKE) --no-print-directory build
	./target/debug/jeton

demo:
	@scripts/need-display demo
	@$(MAKE) --no-print-directory build
	scripts/demo

lint: ui
	$(CARGO) fmt --all --check
	$(CARGO) clippy --workspace --all-targets -- -D warnings

# JETON_PRUNE_TESTS=1 (.ci/run) removes the test binaries once they have run: about
# 2 GB that nothing later uses, on a CI disk that has little to spare.
rust-test: ui
	scripts/headless $(CARGO) test --workspace
	@if [ -n "$${JETON_PRUNE_TESTS:-}" ]; then \
	    find target/debug/deps -maxdepth 1 -type f -executable ! -name '*.so' -delete; \
	    echo "rust-test: test binaries removed, target/ is $$(du -sh target | cut -f1)"; fi

ui-test: deps
	npm --prefix ui run check
	npm --prefix ui test

ui-e2e: ui
	npm --prefix ui run e2e

e2e: test-deps build
	scripts/headless node tests/e2e/run.mjs

# .deb and .rpm (docs/packaging.md): built by the Tauri CLI's pure-Rust bundlers; no
# AppImage, whose bundler downloads its tools. The paths and sizes are the last lines.
package: deps
	$(TAURI) build --bundles deb,rpm
	@ls -l target/release/bundle/deb/*.deb target/release/bundle/rpm/*.rpm | awk '{print "package:", $$5, $$NF}'

# The package test on the debug build `make build` left (the packaging is the same; the
# optimized one takes ~10 min more): installs it, runs it, removes it (tests/package/run.sh).
package-test: test-deps build
	$(TAURI) bundle --debug --bundles deb,rpm
	tests/package/run.sh target/debug/bundle/deb/Jeton_$(VERSION)_amd64.deb

test: test-deps lint rust-test ui-test ui-e2e e2e package-test
	@echo "make test: all checks passed"

bindings: ui
	JETON_WRITE_BINDINGS=1 $(CARGO) test --lib -- --exact bindings::bindings_are_current doubles::tests::doubles_are_current

# The shell completions the packages ship (completions/; tests/completions.rs checks them).
completions: ui
	JETON_WRITE_COMPLETIONS=1 $(CARGO) test --test completions -- --exact the_packaged_scripts_are_current

# Every benchmark in bench/ and one table of ratios, written to BENCHMARKS.md (bench/all.mjs).
bench: ui test-deps
	$(CARGO) build --release -p jeton -p jeton-bench -p jeton-bench-hello
	node bench/all.mjs

# git credential fill answered by Jeton, gh's helper and credential-store, interleaved
# (bench/git_credential.rs): medians, p95, ratios and Jeton's phases; a BENCH line last.
bench-git: ui test-deps
	$(CARGO) build --release -p jeton -p jeton-bench --bin jeton --bin git-credential-jeton --bin jeton-bench-git
	scripts/headless target/release/jeton-bench-git target/release/jeton

# The dashboard at 10 and 1,000 tokens in Chromium, IPC mocked (bench/dashboard.mjs).
bench-ui: ui
	node bench/dashboard.mjs

clean:
	$(CARGO) clean
	rm -rf ui/dist artifacts
