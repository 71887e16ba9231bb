# Engines other than MkDocs 1.x (issue 19), included by the top-level Makefile.
#   make properdocs-deps   .venv-properdocs: ProperDocs (a fork of MkDocs 1.x that keeps its
#                          plugin API) with the pinned packages of requirements-properdocs.lock
#                          and this project, and no MkDocs (see the lock's header); make test
#                          needs it for tests/engines/test_properdocs.py
#   make build-properdocs  strict build of the site with ProperDocs into site-properdocs/
#   make export            the annotated site as plain pages in export/ (mkdocs.yml + docs/),
#                          which any Material-compatible engine builds without the plugin
#   make zensical-deps     .venv-zensical: Zensical with the pinned packages of
#                          requirements-zensical.lock; make test needs it for
#                          tests/engines/test_zensical.py
#   make build-zensical    make export, then a strict Zensical build of it into export/site/
PD_VENV := .venv-properdocs
PD_BIN := $(PD_VENV)/bin
PD_STAMP := $(PD_VENV)/.installed
PD_SITE := site-properdocs

ZS_VENV := .venv-zensical
ZS_BIN := $(ZS_VENV)/bin
ZS_STAMP := $(ZS_VENV)/.installed
EXPORT := export

.PHONY: properdocs-deps build-properdocs export zensical-deps build-zensical

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

# The export is another adapter over the same core (python -m briefings.export): it reads
# mkdocs.yml and writes $(EXPORT)/mkdocs.yml and $(EXPORT)/docs/, replacing an earlier export.
export: $(STAMP) $(NATIVE)
	$(BIN)/python -m briefings.export --config-file mkdocs.yml --output $(EXPORT)

# --no-deps: the lock pins every package. Zensical needs neither MkDocs nor this project.
$(ZS_STAMP): requirements-zensical.lock
	@test -x $(ZS_BIN)/python || $(PYTHON) -m venv $(ZS_VENV)
	$(ZS_BIN)/python -m pip install --quiet --no-deps -r requirements-zensical.lock
	@touch $@

zensical-deps: $(ZS_STAMP)

# Zensical writes the site next to the configuration it reads: $(EXPORT)/site/.
build-zensical: export $(ZS_STAMP)
	$(ZS_BIN)/zensical build --strict --clean -f $(EXPORT)/mkdocs.yml
