# Slipway: `make run` builds and runs the main job on the AWS plan; `make test` runs the tests.
SHELL := /bin/bash
PLAN ?= plans/aws-migration.yaml
NAME := $(basename $(notdir $(PLAN)))
SLIPWAY := .build/release/slipway

.PHONY: run test bench bench-leveling build deps tj3 clean golden

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
	$(SLIPWAY) render $(PLAN) --all
	@echo "Wrote output/$(NAME)-schedule.json and output/$(NAME)-schedule.md"

# TaskJuggler (tj3) lets the interchange tests check the .tjp export; they skip without it.
tj3:
	@if ! command -v tj3 >/dev/null 2>&1; then \
	  echo "Installing tj3 (TaskJuggler) with apt-get"; \
	  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq tj3 >/dev/null) || echo "tj3 not installed; its tests will be skipped"; \
	fi

test: deps tj3
	swift test

bench: deps
	swift build -c release --product slipway
	swift build -c release --product slipway-bench
	.build/release/slipway-bench --slipway $(SLIPWAY) --dot-dir .build/bench-dot
	@echo "the same network graphs through the dot program:"
	@Scripts/compare-with-dot.sh .build/bench-dot

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
