# The two commands of the README's quick start: `make site` and `make test`.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
TEST_STAMP := $(VENV)/.installed-test
# One site per territory from this repository: a territory is a folder with its mkdocs.yml,
# services.yaml, territorio.geojson and geocache.yaml (the repository root is the default one).
#   make site TERRITORIO=examples/cernusco   ->  examples/cernusco/site_build/
TERRITORIO ?= .
# The Nu HTML Checker (W3C validator) for tests/test_html_valid.py, from npm into a local folder.
VNU_VERSION := 26.9.27
VNU_JAR := .tools/node_modules/vnu-jar/build/dist/vnu.jar

.PHONY: setup site offline test lint validate bench bench-scale chromium java clean

# The site needs only the package; the tests also need the test tools and the `territory` extra
# (ISTAT/Openpolis data, heavy: pandas, geopandas), so that `servicemap territory` is tested too.
$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e .
	touch $(STAMP)

$(TEST_STAMP): $(STAMP)
	$(BIN)/pip install --quiet -e '.[test,territory]'
	touch $(TEST_STAMP)

setup: $(STAMP)

site: $(STAMP)
	$(BIN)/mkdocs build -f $(TERRITORIO)/mkdocs.yml

offline: $(STAMP)
	OFFLINE=true $(BIN)/mkdocs build -f $(TERRITORIO)/mkdocs.yml

validate: $(STAMP)
	$(BIN)/servicemap validate $(TERRITORIO)/services.yaml

chromium:
	./scripts/install-chromium.sh

java:
	./scripts/install-java.sh

$(VNU_JAR):
	npm install --prefix .tools --no-audit --no-fund --silent vnu-jar@$(VNU_VERSION)

lint: $(TEST_STAMP)
	$(BIN)/ruff check src tests hooks benchmarks
	$(BIN)/ruff format --check src tests hooks benchmarks

test: $(TEST_STAMP) chromium java $(VNU_JAR)
	$(BIN)/ruff check src tests hooks benchmarks
	$(BIN)/python -m pytest

bench: $(TEST_STAMP)
	$(BIN)/python benchmarks/bench_validate.py

# Writes the table of README.md's "Prestazioni" section (builds 1,000 to 10,000 records: minutes).
bench-scale: $(TEST_STAMP)
	$(BIN)/python benchmarks/bench_scale.py

clean:
	rm -rf site_build $(VENV) .tools
