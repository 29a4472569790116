# Entry points: `make site`, `make serve`, `make test`. Each creates .venv from the pinned
# requirements the first time (and again when requirements.txt changes).
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
export SOURCE_DATE_EPOCH ?= $(shell git log -1 --format=%ct 2>/dev/null || echo 0)

.PHONY: site serve test check lint clean

$(VENV)/.installed: requirements.txt
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.txt
	touch $@

site: $(VENV)/.installed
	$(PY) -m build_scripts build

serve: $(VENV)/.installed
	$(PY) -m build_scripts serve

check: $(VENV)/.installed
	$(PY) -m build_scripts check

test: $(VENV)/.installed
	$(PY) -m pytest -q

lint: $(VENV)/.installed
	$(PY) -m ruff check build_scripts tests

clean:
	rm -rf site site.old $(VENV) .pytest_cache
