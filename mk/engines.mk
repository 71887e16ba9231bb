# Engines other than MkDocs 1.x (issue 19), included by the top-level Makefile.
#   make properdocs-deps   .venv-properdocs: ProperDocs (a fork of MkDocs 1.x that keeps its
#                          plugin API) with the pinned packages of requirements-properdocs.lock
#                          and this project, and no MkDocs (see the lock's header); make test
#                          needs it for tests/engines/test_properdocs.py
#   make build-properdocs  strict build of the site with ProperDocs into site-properdocs/
PD_VENV := .venv-properdocs
PD_BIN := $(PD_VENV)/bin
PD_STAMP := $(PD_VENV)/.installed
PD_SITE := site-properdocs

.PHONY: properdocs-deps build-properdocs

# --no-deps: the lock pins every package; with dependencies resolved, Material would pull in
# MkDocs. The project is installed editable, like in .venv, so both engines run this tree.
$(PD_STAMP): pyproject.toml requirements-properdocs.lock
	@test -x $(PD_BIN)/python || $(PYTHON) -m venv $(PD_VENV)
	$(PD_BIN)/python -m pip install --quiet --no-deps -r requirements-properdocs.lock
	$(PD_BIN)/python -m pip install --quiet --no-deps -e .
	@touch $@

properdocs-deps: $(PD_STAMP)

# -f: ProperDocs looks for properdocs.yml first and asks to rename mkdocs.yml when it falls
# back on it; naming the file keeps one configuration for both engines and the log clean.
build-properdocs: $(PD_STAMP)
	$(PD_BIN)/properdocs build --strict --clean -f mkdocs.yml --site-dir $(PD_SITE)
