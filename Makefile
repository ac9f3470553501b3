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
# The site generator: MkDocs 1.6.1, or ProperDocs (its maintained fork, the same site:
# tests/test_properdocs.py).  make site GENERATORE=properdocs  installs it in .venv first.
GENERATORE ?= mkdocs
GENERATOR_DEPS := $(if $(filter properdocs,$(GENERATORE)),$(BIN)/properdocs)

.PHONY: setup site serve offline zensical test lint validate expected bench bench-scale chromium java clean

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

$(BIN)/properdocs: $(STAMP)
	$(BIN)/pip install --quiet -e '.[properdocs]'

setup: $(STAMP)

site: $(STAMP) $(GENERATOR_DEPS)
	$(BIN)/$(GENERATORE) build -f $(TERRITORIO)/mkdocs.yml

# The preview while editing: rebuilt at every save, the open page reloads by itself (README).
serve: $(STAMP) $(GENERATOR_DEPS)
	$(BIN)/$(GENERATORE) serve -f $(TERRITORIO)/mkdocs.yml

offline: $(STAMP) $(GENERATOR_DEPS)
	OFFLINE=true $(BIN)/$(GENERATORE) build -f $(TERRITORIO)/mkdocs.yml

# Optional: the Italian site built by Zensical instead of MkDocs, in site_zensical/ (what works
# and what does not: docs/zensical.md). OFFLINE=true makes the copy for file:// and its zip.
$(BIN)/zensical: $(STAMP)
	$(BIN)/pip install --quiet -e '.[zensical]'

zensical: $(BIN)/zensical
	$(BIN)/python scripts/zensical-build.py -f $(TERRITORIO)/mkdocs.yml -d $(TERRITORIO)/site_zensical

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

# Rewrites tests/expected/ (the whole-output test's expected site) from a build of
# tests/data/expected/territorio/: run it after an intended change and review the diff.
expected: $(TEST_STAMP)
	$(BIN)/python tests/expected_output.py

bench: $(TEST_STAMP)
	$(BIN)/python benchmarks/bench_validate.py

# Writes the table of README.md's "Prestazioni" section (builds 1,000 to 10,000 records: minutes).
bench-scale: $(TEST_STAMP)
	$(BIN)/python benchmarks/bench_scale.py

# docs/problemi.md is generated from the problem codes (src/servicemap/data/problemi.yaml):
# run this after changing a code, a message or an explanation (tests/test_docs.py checks it).
.PHONY: problemi
problemi: $(STAMP)
	$(BIN)/python -m servicemap.problems.docs

clean:
	rm -rf site_build site_zensical $(VENV) .tools
