# The README's two commands are `make grade-example` and `make test`; both set up .venv first.
# `make check` is the developer's loop: the tests that need nothing but Python (about a minute).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin

.PHONY: data browser grade-example test check lint release benchmark clean

$(BIN)/autograde: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	touch $@

## The exercises' data, verified: copied from a local folder, else downloaded from public
## mirrors. Without either (offline, no copy), one line says where to put the files.
data: $(BIN)/autograde
	@$(BIN)/python -m dldata fetch --quiet train_catvnoncat.h5 test_catvnoncat.h5 data.mat

## A headless browser for the class page's test (tests/autograder/test_review.py): Debian's
## chromium, installed when missing and possible (root with apt-get, as on CI's fresh machine);
## elsewhere the browser tests skip, saying why. Never fails the run.
browser:
	@command -v chromium >/dev/null 2>&1 || command -v chromium-browser >/dev/null 2>&1 \
	  || { [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1 \
	       && (apt-get install -y --no-install-recommends chromium >/dev/null 2>&1 \
	           || (apt-get update >/dev/null 2>&1 && apt-get install -y --no-install-recommends chromium >/dev/null 2>&1)) \
	       && echo "installed chromium (for the class page's browser test)"; } \
	  || echo "no chromium, and it cannot be installed here: the class page's browser tests will skip"

## Grade the bundled week-2 example class and print the score table.
grade-example: data
	$(BIN)/autograde grade --dev-secret --notebook week2/logistic_regression --jobs 2 examples/week2/*.ipynb

## The whole test suite (what CI runs), with the 30 slowest steps at the end; the data is
## checked first, not 7 minutes in. One worker per core, each taking whole files (a file's
## fixtures, such as a graded bug corpus, are built once). The browser first, where it can be had.
test: data browser
	$(BIN)/pytest tests -n auto --dist loadfile --durations=30

## The fast tier: the tests that start no sandbox and no child process, read no real data,
## run no nbgrader application and no end-to-end run, and are not slow (the markers in
## pyproject.toml; a test that does one of these unmarked fails, tests/support/needs.py).
## No data needed.
PURE := not (grading or subprocess or real_data or nbgrader or e2e or slow)
check: $(BIN)/autograde
	$(BIN)/pytest tests -m "$(PURE)" --durations=10

## ruff, with the project's configuration (pyproject.toml); CI runs it before the tests.
lint: $(BIN)/autograde
	$(BIN)/ruff check .

## Regenerate the student notebooks from solutions/.
release: $(BIN)/autograde
	$(BIN)/autograde release

benchmark: $(BIN)/autograde
	$(BIN)/python benchmarks/grading_time.py

clean:
	rm -rf $(VENV) *.egg-info .pytest_cache .hypothesis
