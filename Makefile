# The two commands of the README's quick start: `make site` and `make test`.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: setup site offline test lint validate bench chromium clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	touch $(STAMP)

setup: $(STAMP)

site: $(STAMP)
	$(BIN)/mkdocs build

offline: $(STAMP)
	OFFLINE=true $(BIN)/mkdocs build

validate: $(STAMP)
	$(BIN)/servicemap validate services.yaml

chromium:
	./scripts/install-chromium.sh

lint: $(STAMP)
	$(BIN)/ruff check src tests hooks benchmarks
	$(BIN)/ruff format --check src tests hooks benchmarks

test: $(STAMP) chromium
	$(BIN)/ruff check src tests hooks benchmarks
	$(BIN)/python -m pytest

bench: $(STAMP)
	$(BIN)/python benchmarks/bench_validate.py

clean:
	rm -rf site_build $(VENV)
