# Quality gates a reader would notice (issue 6), included by the top-level Makefile.
#   make quality-deps  what the browser, accessibility and HTML checks need, installed only when
#                      missing: Debian's Chromium and a Java runtime (apt-get), axe-core and
#                      vnu-jar from package-lock.json into node_modules/ (npm ci), the pinned
#                      Python packages (pytest-playwright: see requirements.lock)
#   make check         strict build into site/, then every internal link and #fragment
#                      (tests/quality/check_links.py) and valid HTML (vnu, with the allow-list
#                      tests/quality/vnu-allowlist.toml)
# The browser and axe-core tests are pytest tests (tests/browser, marker `browser`): make test
# runs them with the rest; `pytest -m browser` runs them alone.

CHROMIUM := /usr/bin/chromium
NODE_STAMP := node_modules/.installed
SUDO := $(if $(filter 0,$(shell id -u)),,sudo)
SITE_URL := $(shell sed -n 's/^site_url:[[:space:]]*//p' mkdocs.yml)

.PHONY: quality-deps system-deps node-deps check

quality-deps: $(STAMP) system-deps node-deps

# Debian packages: apt-get runs (update, then install) only when one is missing. npm comes
# with Node.js on most images; Debian's own npm package is the fallback.
system-deps:
	@missing=""; \
	test -x $(CHROMIUM) || missing="$$missing chromium"; \
	command -v java >/dev/null || missing="$$missing default-jre-headless"; \
	command -v npm >/dev/null || missing="$$missing npm"; \
	if [ -n "$$missing" ]; then \
	  echo "installing Debian packages:$$missing"; \
	  $(SUDO) apt-get update -qq; \
	  $(SUDO) env DEBIAN_FRONTEND=noninteractive \
	    apt-get install -y -qq --no-install-recommends $$missing; \
	fi

node-deps: $(NODE_STAMP)

# --ignore-scripts: vnu-jar's postinstall would download a Java runtime; Debian's Java is used.
$(NODE_STAMP): package.json package-lock.json | system-deps
	npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
	@touch $@

check: build quality-deps
	@status=0; \
	$(BIN)/python tests/quality/check_links.py $(SITE) --site-url "$(SITE_URL)" || status=1; \
	$(BIN)/python tests/quality/check_html.py $(SITE) || status=1; \
	exit $$status
