"""Hidden checks on random inputs (autograder.random_inputs)."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from autograder import ROOT


@pytest.mark.subprocess
@pytest.mark.grading
@pytest.mark.real_data
def test_grading_leaves_no_hypothesis_folder_where_it_was_started(tmp_path):
    """Does grading a file (random-input checks included) from some folder keep
    hypothesis's files in the grader's cache, leaving that folder as it was?"""
    started_in, cache = tmp_path / "course", tmp_path / "cache"
    started_in.mkdir()
    environment = {k: v for k, v in os.environ.items() if k != "HYPOTHESIS_STORAGE_DIRECTORY"}
    subprocess.run([sys.executable, "-m", "autograder", "grade", "--dev-secret", "--notebook",
                    "week2/logistic_regression", str(ROOT / "solutions" / "week2" / "logistic_regression.py")],
                   cwd=started_in, env={**environment, "AUTOGRADE_CACHE_DIR": str(cache)},
                   check=True, capture_output=True, timeout=300)
    assert list(started_in.iterdir()) == []
    assert (cache / "hypothesis").is_dir()
