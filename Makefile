# The README's two commands are `make grade-example` and `make test`; both set up .venv first.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin

.PHONY: grade-example test test-fast lint release benchmark clean

$(BIN)/autograde: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	touch $@

## Grade the bundled week-2 example class and print the score table.
grade-example: $(BIN)/autograde
	$(BIN)/python -m dldata verify
	$(BIN)/autograde grade --dev-secret --notebook week2/logistic_regression --jobs 2 examples/week2/*.ipynb

## The whole test suite (what CI runs).
test: $(BIN)/autograde
	$(BIN)/pytest tests

## ruff, with the project's configuration (pyproject.toml); CI runs it before the tests.
lint: $(BIN)/autograde
	$(BIN)/ruff check .

## Without the slow tests.
test-fast: $(BIN)/autograde
	$(BIN)/pytest tests -m "not slow"

## Regenerate the student notebooks from solutions/.
release: $(BIN)/autograde
	$(BIN)/autograde release

benchmark: $(BIN)/autograde
	$(BIN)/python benchmarks/grading_time.py

clean:
	rm -rf $(VENV) *.egg-info .pytest_cache .hypothesis
