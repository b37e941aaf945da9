# The project's commands. Nothing needs installing by hand: the first target that
# needs Python packages creates .venv and installs the pinned versions.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
export NO_MKDOCS_2_WARNING := 1

.PHONY: site serve check annotations test test-fast browser bench golden clean

$(STAMP): pyproject.toml constraints.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -c constraints.txt -e '.[test]'
	touch $@

site: $(STAMP)  ## build the site into site/
	$(BIN)/python -m generator build

serve: $(STAMP)  ## live preview on localhost:8000
	$(BIN)/python -m generator serve

check: $(STAMP)  ## validate the whole archive
	$(BIN)/python -m generator check

annotations: $(STAMP)  ## the check as GitHub annotations, for CI
	$(BIN)/python -m generator check --format github

browser:  ## Debian's Chromium, for the real-browser tests
	@sh tests/browser/install-chromium.sh

test: $(STAMP) browser  ## the whole suite, real-browser tests included
	$(BIN)/python -m pytest

test-fast: $(STAMP)  ## everything but the browser tests
	$(BIN)/python -m pytest -m "not browser"

bench: $(STAMP) browser  ## benchmark at N readouts (BENCH_N="100 1000" by default)
	$(BIN)/python -m benchmarks.bench

golden: $(STAMP)  ## rewrite the golden pages after a deliberate change to the output
	$(BIN)/python -m tests.golden

clean:
	rm -rf site site.old .site-* .site.old-* .site.built.json .docs-* docs/index.md docs/readouts docs/officials docs/initiatives \
	       docs/timeline docs/events docs/venues docs/data docs/feed.xml docs/.lastmod.json test-artifacts .pytest_cache
