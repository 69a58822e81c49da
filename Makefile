# Soraq: two commands on a fresh machine.
#   make run    set up, load the bundled examples, serve http://127.0.0.1:8000
#   make test   set up with test dependencies, run the suite on SQLite and PostgreSQL
PYTHON ?= python3
VENV   ?= .venv
BIN     = $(VENV)/bin
HOST   ?= 127.0.0.1
PORT   ?= 8000
export SORAQ_VAR_DIR ?= $(CURDIR)/var

.PHONY: run test install install-test sysdeps serve test-sqlite test-postgres bench evaluate clean help

help:
	@echo "make run    - install, migrate, load examples, create a demo account, serve on http://$(HOST):$(PORT)"
	@echo "make test   - install test dependencies and run the whole suite on SQLite and PostgreSQL"
	@echo "make evaluate - score extraction and linking on ../shared/data/dev"

sysdeps:
	@scripts/system-deps.sh

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	@$(MAKE) --no-print-directory sysdeps
	$(BIN)/pip install --quiet -e '.[ftm]'
	@touch $@

$(VENV)/.installed-test: pyproject.toml $(VENV)/.installed
	$(BIN)/pip install --quiet -e '.[ftm,spark,test]'
	@touch $@

install: $(VENV)/.installed
install-test: $(VENV)/.installed-test

run: install
	@mkdir -p $(SORAQ_VAR_DIR)
	$(BIN)/soraq ingest examples/
	$(BIN)/soraq demo-account --role caseworker --role reviewer
	$(BIN)/soraq serve --host $(HOST) --port $(PORT)

test: install-test
	@scripts/run-tests.sh

evaluate: install
	../shared/tools/evaluate.sh

clean:
	rm -rf $(VENV) var build *.egg-info src/*.egg-info
