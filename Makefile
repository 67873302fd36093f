# Slipway: `make run` builds and runs the main job on the AWS plan; `make test` runs the tests.
SHELL := /bin/bash
PLAN ?= plans/aws-migration.yaml
NAME := $(basename $(notdir $(PLAN)))
SLIPWAY := .build/release/slipway

.PHONY: run test bench bench-leveling build deps tj3 chromium clean golden fuzz fuzz-replay sanitize sanitize-address sanitize-thread

# Installs what is missing on a fresh Debian machine (needs root, as on CI).
deps:
	@if ! pkg-config --exists libgvc 2>/dev/null; then \
	  echo "Installing libgraphviz-dev and pkg-config with apt-get"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq libgraphviz-dev pkg-config >/dev/null; \
	fi

build: deps
	swift build -c release --product slipway

run: build
	@mkdir -p output
	$(SLIPWAY) check $(PLAN)
	$(SLIPWAY) schedule $(PLAN)
	$(SLIPWAY) schedule $(PLAN) --format json -o output/$(NAME)-schedule.json
	$(SLIPWAY) schedule $(PLAN) --format markdown -o output/$(NAME)-schedule.md
	$(SLIPWAY) critical $(PLAN) --near 1w
	$(SLIPWAY) simulate $(PLAN) --iterations 10000 --seed 7
	$(SLIPWAY) simulate $(PLAN) --level --iterations 10000 --seed 7
	$(SLIPWAY) compare $(PLAN) --iterations 10000 --seed 7
	$(SLIPWAY) render $(PLAN) --all
	for f in svg png pdf; do $(SLIPWAY) render $(PLAN) --diagram risk --level --seed 7 --format $$f -o output/$(NAME)-risk-leveled.$$f || exit 1; done
	$(SLIPWAY) buffers $(PLAN)
	for f in svg png pdf; do $(SLIPWAY) render $(PLAN) --diagram gantt --buffers --format $$f -o output/$(NAME)-gantt-buffers.$$f || exit 1; done
	@# Earned value and buffers four weeks in, on a copy with a baseline and progress (the README's example).
	@if [ "$(PLAN)" = plans/aws-migration.yaml ]; then SLIPWAY=$(SLIPWAY) Scripts/aws-week4-example.sh; fi
	$(SLIPWAY) review $(PLAN) --seed 7
	$(SLIPWAY) review $(PLAN) --seed 7 --format markdown
	@# The README shows the pack as a reader first sees it: 1280x800, headless Chromium.
	@if command -v chromium >/dev/null 2>&1; then \
	  chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --window-size=1280,800 \
	    --screenshot=$(CURDIR)/output/$(NAME)-review.png file://$(CURDIR)/output/$(NAME)-review.html >/dev/null 2>&1 \
	    && echo "Wrote output/$(NAME)-review.png"; \
	else echo "chromium is not installed ('make chromium'): output/$(NAME)-review.png not refreshed"; fi
	@echo "Wrote output/$(NAME)-schedule.json, output/$(NAME)-schedule.md, output/$(NAME)-review.html and output/$(NAME)-review.md"

# TaskJuggler (tj3) lets the interchange tests check the .tjp export; they skip without it.
tj3:
	@if ! command -v tj3 >/dev/null 2>&1; then \
	  echo "Installing tj3 (TaskJuggler) with apt-get"; \
	  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq tj3 >/dev/null) || echo "tj3 not installed; its tests will be skipped"; \
	fi

# Headless Chromium and chromedriver let the review pack's browser test run; it is skipped without them.
chromium:
	@if ! command -v chromium >/dev/null 2>&1 || ! command -v chromedriver >/dev/null 2>&1; then \
	  echo "Installing chromium and chromium-driver with apt-get"; \
	  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver >/dev/null) || echo "chromium not installed; the browser test will be skipped"; \
	fi

# The fuzzers' saved inputs are replayed after the suite; fuzzing itself is
# `make fuzz` (a libFuzzer build and a minute per target would triple CI's time).
test: deps tj3 chromium
	swift test
	$(MAKE) --no-print-directory fuzz-replay

bench: deps
	swift build -c release --product slipway
	swift build -c release --product slipway-bench
	.build/release/slipway-bench --slipway $(SLIPWAY) --dot-dir .build/bench-dot
	@echo "the same network graphs through the dot program:"
	@Scripts/compare-with-dot.sh .build/bench-dot

# Coverage-guided fuzzing of the plan, tracker, MSPDI, progress and baseline readers
# (FUZZ_SECONDS per target, default 60; FUZZ_TARGETS to choose). Crashes are saved
# under Tests/Fuzz/crashes/.
fuzz: deps build
	Scripts/fuzz.sh

# Replays every saved crash through its target (the file name starts with it) and
# every hand-written seed (its folder names the target), without libFuzzer: a debug
# build that `swift test` has already made, so `make test` runs it in seconds.
fuzz-replay:
	swift build --product slipway-fuzz
	@shopt -s nullglob; n=0; for f in Tests/Fuzz/crashes/*-* Tests/Fuzz/seeds/*/*; do \
	  case $$f in Tests/Fuzz/seeds/*) t=$$(basename $$(dirname $$f));; *) t=$$(basename $$f); t=$${t%%-*};; esac; \
	  FUZZ_TARGET=$$t .build/debug/slipway-fuzz $$f >/dev/null || { echo "fuzz-replay: $$f fails its target $$t" >&2; exit 1; }; n=$$((n+1)); \
	done; echo "fuzz-replay: all $$n saved inputs pass"

# The test suite under AddressSanitizer, then the tests that render in parallel and
# run 'progress' concurrently under ThreadSanitizer. Separate build paths keep the
# normal build intact.
# Leaks inside Graphviz, fontconfig and XCTest are suppressed (Tests/Sanitizers/lsan.supp).
# Each half is timed (the first run of each also builds the instrumented package).
sanitize: sanitize-address sanitize-thread

sanitize-address: deps tj3
	time (LSAN_OPTIONS=suppressions=$(CURDIR)/Tests/Sanitizers/lsan.supp:print_suppressions=0 \
	  swift test --sanitize=address --build-path .build/asan)

sanitize-thread: deps tj3
	time swift test --sanitize=thread --build-path .build/tsan --filter "Concurren|Parallel|Progress|RenderFormat|Simulation|MonteCarlo"
# Leveling under a budget of generated schedules on the PSPLIB single-mode sets,
# each schedule checked feasible, and `schedule --level` timed on the AWS plan and
# a 1,000-task plan. All four sets at three budgets take long (50,000 schedules on
# J120 is most of it): choose with SETS and BUDGETS, e.g.
#   make bench-leveling SETS=j30,j120 BUDGETS=5000
SETS ?= j30,j60,j90,j120
BUDGETS ?= 1000,5000,50000
PSPLIB ?= ../shared/benchmarks/psplib
bench-leveling: deps
	swift build -c release --product slipway
	swift build -c release --product slipway-bench
	.build/release/slipway-bench --only leveling --slipway $(SLIPWAY) --psplib $(PSPLIB) --sets $(SETS) --budgets $(BUDGETS)

# Regenerates the golden files of the tests from the current code; review the diff.
golden:
	SLIPWAY_UPDATE_GOLDEN=1 swift test || true
	git diff --stat -- Tests

clean:
	rm -rf .build
