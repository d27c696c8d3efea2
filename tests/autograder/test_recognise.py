"""Tests of autograder.recognise: which notebook a file is by the graded functions it defines."""

from __future__ import annotations

import os

import pytest

from autograder import ROOT, recognise, specs
from dlcheck.text import Text

NOTEBOOKS = {s.id: recognise.functions_of(s) for s in specs.notebooks().values()}
BUILDS_ON = {s.id: s.companions for s in specs.notebooks().values()}
STEP = [f.name for f in specs.get("week4/deep_network_step_by_step").functions]
APP = "week4/deep_network_application"


@pytest.mark.parametrize("defined, notebook", [
    pytest.param(["two_layer_model", "L_layer_model"], APP, id="classic-application-without-predict"),
    pytest.param(["two_layer_model", "L_layer_model", "predict", *STEP], APP, id="application-holding-the-steps"),
    pytest.param(STEP, "week4/deep_network_step_by_step", id="step-by-step"),
    pytest.param(STEP[:5], "week4/deep_network_step_by_step", id="half-of-the-step-by-step"),
    pytest.param(["normalizeRows", "basic_sigmoid", "sigmoid", "image2vector"], "week2/numpy_basics",
                 id="earlier-names-count"),
    pytest.param(["sigmoid", "initialize_with_zeros", "propagate", "basic_sigmoid", "image2vector", "normalize_rows",
                  "softmax"], "week2/numpy_basics", id="the-larger-share"),
])
def test_which_notebook_does_a_file_define(defined, notebook):
    """Is a file recognised as the notebook of which it defines at least half the graded
    functions, the application winning over the step-by-step notebook it builds on, and
    otherwise the notebook of which it defines the larger share?"""
    found = recognise.recognise(defined, NOTEBOOKS, BUILDS_ON)
    assert isinstance(found, recognise.Recognised) and found.notebook == notebook, found


@pytest.mark.parametrize("defined, fitted", [
    pytest.param(["sigmoid", "predict"], [], id="a-few-functions"),
    pytest.param([f.name for s in ("week2/logistic_regression", "week2/numpy_basics") for f in specs.get(s).functions],
                 ["week2/logistic_regression", "week2/numpy_basics"], id="two-whole-notebooks-in-one-file"),
    pytest.param([], [], id="nothing"),
])
def test_a_file_that_fits_none_or_several_notebooks_is_not_recognised(defined, fitted):
    """Is a file defining too few functions of any notebook, or all of two unrelated
    notebooks, recognised as none (the notebooks that fitted returned for the reason)?"""
    assert recognise.recognise(defined, NOTEBOOKS, BUILDS_ON) == fitted


def test_what_a_classic_notebook_defines(tmp_path):
    """Are the functions a classic-course notebook defines read from the file (its top-level
    ``def``s, not its test calls), and is a symbolic link not read?"""
    path = ROOT / "examples/week4/application/classic_course/deep_network_application.ipynb"
    assert recognise.defined_in(path) == {"two_layer_model", "L_layer_model"}
    os.symlink(path, tmp_path / "link.ipynb")
    why = recognise.defined_in(tmp_path / "link.ipynb")
    assert isinstance(why, Text) and "symbolic link" in why.en


def test_the_note_and_the_reasons_exist_in_both_languages():
    """Are the choice and each reason said in English and Korean?"""
    note = recognise.Recognised(APP, 2, 3).note("hw.ipynb")
    assert note.en == ("hw.ipynb: its name means no notebook; it defines 2 of the 3 graded functions of "
                       "week4/deep_network_application, so it is taken for week4/deep_network_application")
    assert note.ko.startswith("hw.ipynb: 이름으로는 어느 노트북인지 알 수 없지만")
    for reason in (recognise.why_not("x", []), recognise.why_not("x", ["a", "b"])):
        assert reason.en and reason.ko and reason.en != reason.ko
