# The README's two commands are `make grade-example` and `make test`; both set up .venv first.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin

.PHONY: data grade-example test test-fast lint release benchmark clean

$(BIN)/autograde: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	touch $@

## The exercises' data, verified: copied from a local folder, else downloaded from public
## mirrors. Without either (offline, no copy), one line says where to put the files.
data: $(BIN)/autograde
	@$(BIN)/python -m dldata fetch --quiet

## Grade the bundled week-2 example class and print the score table.
grade-example: data
	$(BIN)/autograde grade --dev-secret --notebook week2/logistic_regression --jobs 2 examples/week2/*.ipynb

## The whole test suite (what CI runs); the data is checked first, not 7 minutes in.
test: data
	$(BIN)/pytest tests

## ruff, with the project's configuration (pyproject.toml); CI runs it before the tests.
lint: $(BIN)/autograde
	$(BIN)/ruff check .

## Without the slow tests.
test-fast: data
	$(BIN)/pytest tests -m "not slow"

## Regenerate the student notebooks from solutions/.
release: $(BIN)/autograde
	$(BIN)/autograde release

benchmark: $(BIN)/autograde
	$(BIN)/python benchmarks/grading_time.py

clean:
	rm -rf $(VENV) *.egg-info .pytest_cache .hypothesis
