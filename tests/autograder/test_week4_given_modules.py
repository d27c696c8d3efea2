"""The modules week 4 gives students (assignments/week4), and the self-check they run:
does the application find the student's own step-by-step functions, and say clearly when
that notebook is unfinished or missing?"""

from __future__ import annotations

import importlib.util
import shutil
import sys

import pytest

from autograder import ROOT
from dlcheck.selfcheck import grade_notebook

GIVEN = ROOT / "assignments" / "week4"
EXAMPLES = ROOT / "examples" / "week4"


def test_the_graders_dnn_utils_is_the_students():
    """Does the sandbox get exactly the helper module students are given?"""
    assert (ROOT / "autograder" / "helpers" / "dnn_utils.py").read_text() == (GIVEN / "dnn_utils.py").read_text()


def _app_utils(folder, step_notebook=None):
    """``dnn_app_utils`` loaded from ``folder``, beside ``step_notebook`` (copied in) if given."""
    shutil.copy(GIVEN / "dnn_app_utils.py", folder / "dnn_app_utils.py")
    if step_notebook is not None:
        shutil.copy(step_notebook, folder / "deep_network_step_by_step.ipynb")
    spec = importlib.util.spec_from_file_location(f"dnn_app_utils_{folder.name}", folder / "dnn_app_utils.py")
    module = importlib.util.module_from_spec(spec)
    sys.path.insert(0, str(folder))
    try:
        spec.loader.exec_module(module)
    finally:
        sys.path.remove(str(folder))
    return module


def test_finished_step_by_step_functions_are_loaded(tmp_path, capsys):
    """Beside a finished step-by-step notebook, are its functions the ones exported, and
    does the status cell say where they come from?"""
    shutil.copy(GIVEN / "dnn_utils.py", tmp_path / "dnn_utils.py")
    module = _app_utils(tmp_path, EXAMPLES / "application" / "correct" / "deep_network_step_by_step.ipynb")
    module.step_by_step_status()
    assert "loaded from deep_network_step_by_step.ipynb" in capsys.readouterr().out
    assert module.initialize_parameters(3, 2, 1)["W1"].shape == (2, 3)


def test_an_unfinished_step_by_step_notebook_is_named(tmp_path):
    """Beside the untouched step-by-step notebook, does the status cell name the functions
    to finish, and does a training call say to finish that notebook first?"""
    shutil.copy(GIVEN / "dnn_utils.py", tmp_path / "dnn_utils.py")
    module = _app_utils(tmp_path, GIVEN / "deep_network_step_by_step.ipynb")
    with pytest.raises(RuntimeError, match="finish deep_network_step_by_step.ipynb first: initialize_parameters, "):
        module.step_by_step_status()
    with pytest.raises(NotImplementedError, match="finish that notebook first"):
        module.initialize_parameters(3, 2, 1)


def test_a_missing_step_by_step_notebook_is_said(tmp_path):
    """Without the step-by-step notebook, does the module still import (load_data works),
    and does a step function say which notebook it needs?"""
    module = _app_utils(tmp_path)
    with pytest.raises(NameError, match="deep_network_step_by_step.ipynb is not in"):
        module.L_model_forward(None, None)
    with pytest.raises(RuntimeError, match="finish deep_network_step_by_step.ipynb first"):
        module.step_by_step_status()


def test_the_self_check_sees_an_update_in_place(tmp_path):
    """Does the student's own self-check (pytest, in their kernel) fail update_parameters
    when it changes the params it was given, as the grader does?"""
    folder = tmp_path / "week4"
    folder.mkdir()
    shutil.copy(GIVEN / "dnn_utils.py", folder / "dnn_utils.py")
    shutil.copy(EXAMPLES / "step_by_step" / "update_in_place.ipynb", folder / "deep_network_step_by_step.ipynb")
    report = grade_notebook(folder / "deep_network_step_by_step.ipynb", "week4/deep_network_step_by_step")
    failed = {t.function: str(t.message) for t in report.tests if not t.passed}
    assert set(failed) == {"update_parameters"}, failed
    assert "the params it was given changed too" in failed["update_parameters"]
