"""Public checks of every graded function in this folder's notebooks (see conftest.py)."""

import pytest


def test_public_checks(graded, report_of):
    spec, name = graded
    report = report_of(spec)
    if report.error:
        pytest.fail(f"not graded: {report.error}", pytrace=False)
    result = next(t for t in report.tests if t.function == name)
    if not result.passed:
        pytest.fail(result.message, pytrace=False)
