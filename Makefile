# The project's commands. Nothing needs installing by hand: the first target that
# needs Python packages creates .venv and installs the pinned versions.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
export NO_MKDOCS_2_WARNING := 1

.PHONY: site serve check annotations test test-fast browser pandoc bench golden clean

# The oldest Python the pinned packages install on: pymdown-extensions 13.1 asks for 3.11.5.
MIN_PYTHON := 3.11.5

$(STAMP): pyproject.toml constraints.txt
	@version=$$($(PYTHON) -c 'import sys; print("%d.%d.%d" % sys.version_info[:3])' 2>/dev/null) || { \
	  echo "make: no Python at '$(PYTHON)': install Python $(MIN_PYTHON) or later, then run: make $@ PYTHON=/path/to/python3" >&2; exit 1; }; \
	if [ "$$(printf '%s\n' $(MIN_PYTHON) "$$version" | sort -V | head -n 1)" != "$(MIN_PYTHON)" ]; then \
	  echo "make: $(PYTHON) is Python $$version, and the pinned packages need $(MIN_PYTHON) or later: install a newer Python (python.org, pyenv or your system's packages), then run: make PYTHON=python3.12" >&2; exit 1; fi
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -c constraints.txt -e '.[test]'
	touch $@

site: $(STAMP)  ## build the site into site/
	$(BIN)/python -m generator build

serve: $(STAMP)  ## live preview: prints its address, the site_url's path on 127.0.0.1:8000
	$(BIN)/python -m generator serve

check: $(STAMP)  ## validate the whole archive
	$(BIN)/python -m generator check

annotations: $(STAMP)  ## the check as GitHub annotations, for CI
	$(BIN)/python -m generator check --format github

browser:  ## Debian's Chromium, for the real-browser tests
	@sh tests/install-debian.sh chromium CHROMIUM Chromium "the browser tests"

pandoc:  ## Debian's pandoc, whose citeproc renders the citation downloads in the tests
	@sh tests/install-debian.sh pandoc PANDOC pandoc "the citation tests"

# The suite runs in one process per core (pytest-xdist), which share each whole-site build (tests/conftest.py).
# TEST_WORKERS=0 runs it in this process alone.
TEST_WORKERS ?= auto
PARALLEL := -n $(TEST_WORKERS)

test: $(STAMP) browser pandoc  ## the whole suite, real-browser tests included
	$(BIN)/python -m pytest $(PARALLEL)

# test-fast collects no property test: Hypothesis's plugin would import Hypothesis in every process to report nothing.
test-fast: $(STAMP)  ## everything but the browser tests and the slow ones (whole sites, larger archives)
	$(BIN)/python -m pytest $(PARALLEL) -p no:hypothesispytest -m "not browser and not slow"

bench: $(STAMP) browser  ## benchmark at N readouts (BENCH_N="100 1000" by default)
	$(BIN)/python -m benchmarks.bench

golden: $(STAMP)  ## rewrite the golden pages after a deliberate change to the output
	$(BIN)/python -m tests.golden

clean: $(STAMP)  ## remove everything builds and tests make (the build's own: python -m generator clean)
	$(BIN)/python -m generator clean
	rm -rf site.old test-artifacts .pytest_cache .ruff_cache .import_linter_cache
