"""The reference solution's loading: what an instructor reads when it cannot be found."""

from __future__ import annotations

import pytest

from autograder import reference
from dlcheck.checks import GraderError


def test_does_a_missing_solution_name_the_setting_that_points_at_the_project(tmp_path):
    """A grader installed with pip has no solutions/ of its own: does the error (both
    languages) say to set AUTOGRADE_PROJECT or pass --project?"""
    missing = tmp_path / "solutions" / "week2" / "logistic_regression.py"
    with pytest.raises(GraderError) as raised:
        reference._solution((missing,))
    text = raised.value.text
    assert text.en == (f"the reference solution {missing} is missing (No such file or directory); grading needs "
                       "the instructor's solutions/ folder: set AUTOGRADE_PROJECT to the project holding it (an "
                       "installed grader has none of its own), or pass --project DIR")
    assert "AUTOGRADE_PROJECT" in text.ko and "--project DIR" in text.ko and str(missing) in text.ko
