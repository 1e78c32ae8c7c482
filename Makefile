# The targets a newcomer would guess. `make demo` sets everything up from nothing and runs cjm on the samples;
# `make test` runs the test suite (setting up first if needed).
VENV    ?= .venv
PYTHON  ?= python3
BIN     := $(VENV)/bin
STAMP   := $(VENV)/.installed-stamp
BENCH_STAMP := $(VENV)/.bench-stamp

.PHONY: setup system-deps demo test lint format bench fuzz docs clean

MERMAID_CLI := tests/render/mermaid-cli
MERMAID_STAMP := $(MERMAID_CLI)/node_modules/.installed-stamp

setup: system-deps $(STAMP) $(MERMAID_STAMP)

# Graphviz's `dot` and a Japanese-capable font are real parts of cjm (diagrams, Japanese labels).
system-deps:
	@sh scripts/install-system-deps.sh

# Mermaid's own renderer, for the test that draws every Mermaid diagram cjm writes; it drives Debian's chromium,
# so puppeteer downloads no browser of its own.
$(MERMAID_STAMP): $(MERMAID_CLI)/package.json $(MERMAID_CLI)/package-lock.json
	cd $(MERMAID_CLI) && PUPPETEER_SKIP_DOWNLOAD=1 npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
	@touch $@

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	@touch $@

# The main job on the samples: check them, rank one map's initiatives, draw every map, write a report.
demo: setup
	$(BIN)/cjm validate samples/
	$(BIN)/cjm lint samples/
	$(BIN)/cjm prioritise samples/cosmetics-subscription.yaml
	$(BIN)/cjm render samples/ -o out/diagrams/ --format png
	$(BIN)/cjm report samples/apparel-working-mother.yaml -o out/apparel-report.html
	$(BIN)/cjm export samples/apparel-working-mother.yaml -o out/apparel-working-mother.xlsx
	$(BIN)/cjm export samples/apparel-working-mother.yaml -o out/apparel-working-mother.pptx
	@echo "Diagrams are in out/diagrams/, a report in out/apparel-report.html, an Excel grid and a deck in out/."

test: setup
	$(BIN)/python -m pytest

# Style, types, the layers' import contract and dead code ([tool.ruff], [tool.mypy], [tool.importlinter] and
# [tool.vulture] in pyproject.toml); `make format` fixes what can be fixed by itself.
LINT_PATHS := cjm tests bench fuzz tools vulture_whitelist.py

lint: $(STAMP)
	$(BIN)/ruff format --check $(LINT_PATHS)
	$(BIN)/ruff check $(LINT_PATHS)
	$(BIN)/lint-imports --no-logo
	$(BIN)/vulture
	$(BIN)/mypy

format: $(STAMP)
	$(BIN)/ruff format $(LINT_PATHS)
	$(BIN)/ruff check --fix $(LINT_PATHS)

# The benchmark harness (docs/benchmarks.md): generates its corpus, measures cjm against check-jsonschema, yamllint,
# PyYAML and dot in the same run, prints the ratios against their targets, writes bench/results/latest.json.
bench: setup $(BENCH_STAMP)
	$(BIN)/python -m bench.run

$(BENCH_STAMP): pyproject.toml $(STAMP)
	$(BIN)/python -m pip install --quiet -e '.[dev,bench]'
	@touch $@

# Coverage-guided fuzzing of the loader and everything behind it (atheris), for FUZZ_SECONDS.
FUZZ_SECONDS ?= 300
fuzz: $(STAMP)
	$(BIN)/python -m pip install --quiet 'atheris>=2.3'
	$(BIN)/python -m fuzz.loader --seconds $(FUZZ_SECONDS)

docs: $(STAMP)
	$(BIN)/python -m tools.docs

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache .hypothesis $(MERMAID_CLI)/node_modules
