# Entry points: `make site`, `make serve`, `make test`. Each creates .venv from the pinned
# requirements the first time (and again when requirements.txt changes).
PYTHON  ?= python3
CONTENT ?= content
VENV    := .venv
PY     := $(VENV)/bin/python
export SOURCE_DATE_EPOCH ?= $(shell git log -1 --format=%ct 2>/dev/null || echo 0)

.PHONY: site serve test test-fast check status lint rules new bench clean

$(VENV)/.installed: requirements.txt requirements-nodeps.txt
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.txt
	$(PY) -m pip install --quiet --disable-pip-version-check --no-deps -r requirements-nodeps.txt
	touch $@

# The browser gates' tools (axe-core, the Nu HTML Checker), pinned in package-lock.json; nothing
# runs at install time (--ignore-scripts: vnu-jar would fetch a Java we take from Debian).
node_modules/.package-lock.json: package.json package-lock.json
	npm ci --ignore-scripts --no-audit --no-fund

site: $(VENV)/.installed
	$(PY) -m build_scripts build --content $(CONTENT) $(if $(URL),--url $(URL))

serve: $(VENV)/.installed
	$(PY) -m build_scripts serve --content $(CONTENT)

check: $(VENV)/.installed
	$(PY) -m build_scripts check --content $(CONTENT)

status: $(VENV)/.installed
	$(PY) -m build_scripts status --content $(CONTENT)

# The whole suite: the fast tests (no browser) on both cores, then the browser tests.
test: $(VENV)/.installed node_modules/.package-lock.json
	$(PY) -m pytest -q -n 2 -m "not browser and not slow"
	$(PY) -m pytest -q -m "browser or slow"

test-fast: $(VENV)/.installed
	$(PY) -m pytest -q -n 2 -m "not browser and not slow"

# Start a second edition: make new FOLDER=editions/my-topic, then make site CONTENT=editions/my-topic
new: $(VENV)/.installed
	$(PY) -m build_scripts new $(FOLDER)

# Switch off each validation rule in turn and report which fast test notices (slow: minutes).
rules: $(VENV)/.installed
	$(PY) tools/rules_caught.py

# Build speed (content stages, web build against plain MkDocs), page weight, Lighthouse (run
# `npm ci --prefix tools` once) and the offline files: medians, the machine being shared.
bench: $(VENV)/.installed
	$(PY) tools/bench.py

lint: $(VENV)/.installed
	$(PY) -m ruff check build_scripts tests tools

clean:
	rm -rf site site.old $(VENV) .pytest_cache node_modules
