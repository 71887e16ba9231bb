# mkdocs-briefings: every target sets up what it needs, idempotently.
#   make build   strict build of the site from seeds/ into site/
#   make serve   live-reloading preview (watches seeds/, glossary/, sources.yml)
#   make test    lint, types, import contracts, unit/build/property tests, browser tests,
#                site checks, the same site built with ProperDocs and, exported, with
#                Zensical (mk/engines.mk)
SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := build

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
# Entity discovery compiled with mypyc (mk/native.py), used while the plugin's code is the
# code it was compiled from; BRIEFINGS_NATIVE=0 skips it and runs the sources (slower).
# `native` runs mk/native.py every time (it checks in a moment that the build is current:
# file times alone miss a deleted or renamed module).
NATIVE := native
SITE := site

# Material prints an end-of-life banner about MkDocs 2.0; keep the build log clean.
export NO_MKDOCS_2_WARNING := 1
export DISABLE_MKDOCS_2_WARNING := true
export PIP_DISABLE_PIP_VERSION_CHECK := 1

.PHONY: build serve test check lint typecheck imports unit clean golden bench suggest deps native

$(STAMP): pyproject.toml requirements.lock
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet -r requirements.lock
	$(BIN)/python -m pip install --quiet --no-deps -e .
	@touch $@

# A C compiler for the compiled modules: apt-get runs only when none is installed (and the
# switch is not off); a compiler that cannot be installed, like a failed compile, is
# reported and the sources run.
native: $(STAMP)
	@case "$$(printf %s "$${BRIEFINGS_NATIVE:-}" | tr -d ' ' | tr A-Z a-z)" in \
	  0|false|no|off) ;; \
	  *) command -v cc >/dev/null || command -v gcc >/dev/null \
	     || ! command -v apt-get >/dev/null || { \
	       echo "installing Debian packages: gcc libc6-dev"; \
	       { $(SUDO) apt-get update -qq \
	         && $(SUDO) env DEBIAN_FRONTEND=noninteractive \
	           apt-get install -y -qq --no-install-recommends gcc libc6-dev; } \
	       || echo "could not install gcc: entity discovery will run uncompiled"; } ;; \
	esac
	$(BIN)/python mk/native.py

deps: $(STAMP) $(NATIVE)

build: $(STAMP) $(NATIVE)
	$(BIN)/mkdocs build --strict --clean --site-dir $(SITE)

# The editors' preview: review marks on, non-strict (problems are shown, the rest is served).
serve: $(STAMP) $(NATIVE)
	BRIEFINGS_REVIEW_MARKS=true BRIEFINGS_STRICT=false $(BIN)/mkdocs serve --livereload

lint: $(STAMP)
	$(BIN)/ruff check plugins tests benchmarks mk
	$(BIN)/ruff format --check plugins tests benchmarks mk

typecheck: $(STAMP)
	$(BIN)/mypy

# The architecture contracts of .importlinter: layered rooms, only the adapter imports
# MkDocs, the renderer imports no analysis, no import cycles.
imports: $(STAMP)
	$(BIN)/lint-imports --no-cache

unit: $(STAMP) $(NATIVE)
	$(BIN)/python -m pytest -m "not browser"

# Quality gates (browser, accessibility, HTML validity, links) and benchmarks live in mk/.
include mk/quality.mk
include mk/bench.mk
include mk/engines.mk

test: lint typecheck imports quality-deps properdocs-deps zensical-deps $(NATIVE)
	$(BIN)/python -m pytest
	$(MAKE) check

# Unreviewed entities as glossary entries to review (review/glossary-candidates.yml).
suggest: $(STAMP) $(NATIVE)
	$(BIN)/python -m briefings.suggest --output review/glossary-candidates.yml

clean:
	rm -rf $(SITE) $(PD_SITE) $(EXPORT) .pytest_cache .mypy_cache .ruff_cache .hypothesis .cache test-results
	find . -name __pycache__ -type d -not -path './$(VENV)/*' -not -path './$(PD_VENV)/*' \
		-not -path './$(ZS_VENV)/*' -prune -exec rm -rf {} +

distclean: clean
	rm -rf $(VENV) $(PD_VENV) $(ZS_VENV) node_modules
