"""Student self-check for week 2: `pytest assignments/week2`.

Grades the notebooks in this folder on the public checks, through the same sandbox and
with the same messages as the grader. At the end it says which function to work on next.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from autograder.selfcheck import grade_public, specs_in

HERE = Path(__file__).resolve().parent
_reports: dict[str, object] = {}


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    if "graded" in metafunc.fixturenames:
        cases = [(spec, fn.name) for spec in specs_in(HERE) for fn in spec.functions]
        metafunc.parametrize("graded", cases, ids=[f"{spec.stem}:{name}" for spec, name in cases])


@pytest.fixture
def report_of():
    """The public-check report of a notebook, graded once per session."""
    def get(spec):
        if spec.id not in _reports:
            _reports[spec.id] = grade_public(HERE / Path(spec.release).name, spec)
        return _reports[spec.id]
    return get


def pytest_terminal_summary(terminalreporter, exitstatus, config) -> None:
    for report in _reports.values():
        todo = [t for t in report.tests if not t.passed]
        if report.error:
            terminalreporter.write_line(f"{Path(report.submission).name}: not graded: {report.error}")
        elif todo:
            first = todo[0]
            terminalreporter.write_line(
                f"{Path(report.submission).name}: {len(report.tests) - len(todo)}/{len(report.tests)} functions "
                f"pass their public checks. Work on {first.function} next: {first.message}")
        else:
            terminalreporter.write_line(f"{Path(report.submission).name}: every public check passes. "
                                        "The grader also runs hidden checks on random inputs.")
