"""`autograde course` on the weeks: week 1's notebook (its English and Korean editions),
week 3's notebook, week 4's two notebooks handed in together, the application graded with
the step-by-step notebook beside it, week 5's notebooks, together and under the classic
course's names, and week 6's under its classic names."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest

from autograder import ROOT, specs
from autograder.gradebook import assignment_scores, opened
from autograder.release import parse_percent

pytestmark = [pytest.mark.subprocess, pytest.mark.grading, pytest.mark.e2e]
EXAMPLES = ROOT / "examples" / "week4" / "application"
STEPS = ROOT / "examples" / "week4" / "step_by_step"


def _completed(notebook_id: str) -> str:
    """The solution of ``notebook_id`` as a notebook (markers dropped), as a learner who
    finished it would hand it in."""
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_code_cell("\n".join(line for line in text.splitlines() if "### " not in line))
                if kind == "code" else nbformat.v4.new_markdown_cell(text)
                for kind, text in parse_percent((ROOT / specs.get(notebook_id).solution).read_text())]
    return nbformat.writes(nb)


def _course(tmp_path: Path, handed_in: dict[tuple[str, str], dict[str, str]]) -> Path:
    """A course dir where each (student, assignment) hands in ``{file name: notebook text}``."""
    (tmp_path / "nbgrader_config.py").write_text("c = get_config()\nc.CourseDirectory.root = '.'\n")
    for (student, assignment), files in handed_in.items():
        folder = tmp_path / "submitted" / student / assignment
        folder.mkdir(parents=True)
        for name, text in files.items():
            (folder / name).parent.mkdir(parents=True, exist_ok=True)
            (folder / name).write_text(text)
    return tmp_path


def _grade(course: Path, assignment: str, env: dict[str, str] | None = None) -> dict[str, dict[str, float | None]]:
    done = subprocess.run([str(Path(sys.executable).parent / "autograde"), "course", assignment, "--dev-secret",
                           "--course-dir", str(course)], capture_output=True, text=True, timeout=900, env=env)
    assert done.returncode == 0, done.stderr
    with opened(course) as gb:
        return {row.student: row.notebooks for row in assignment_scores(gb, assignment)}


# == week1/warmups ===========================================================================

def test_week1_is_graded_into_the_gradebook(tmp_path):
    """Do a finished week-1 notebook, the untouched stub and the untouched Korean edition
    get 18, 0 and 0 in the gradebook (the functions passed to numerical_gradient and
    gradient_descent crossing to each sandbox as data); and, no language chosen, does the
    Korean edition's feedback page open in Korean, the others' in English?"""
    notebook = specs.get("week1/warmups")
    course = _course(tmp_path, {
        ("alice", "week1"): {"warmups.ipynb": _completed(notebook.id)},
        ("bob", "week1"): {"warmups.ipynb": (ROOT / notebook.release).read_text()},
        ("chloe", "week1"): {"warmups.ko.ipynb": (ROOT / notebook.release.replace(".ipynb", ".ko.ipynb")).read_text()}})
    unchosen = {k: v for k, v in os.environ.items() if k not in ("AUTOGRADE_LANG", "LC_ALL", "LC_MESSAGES")}
    assert _grade(course, "week1", dict(unchosen, LANG="C.UTF-8")) == {
        "alice": {"warmups": 18.0}, "bob": {"warmups": 0.0}, "chloe": {"warmups": 0.0}}
    pages = {student: next((course / "feedback" / student / "week1").glob("*.html")).read_text()
             for student in ("alice", "chloe")}
    assert '<html lang="en">' in pages["alice"] and '<html lang="ko">' in pages["chloe"]

# == end of week1/warmups ====================================================================


def test_week3_is_graded_into_the_gradebook(tmp_path):
    """Do a finished week-3 notebook and the untouched stub get 12 and 0 in the gradebook?"""
    notebook = "week3/planar_data_classification"
    course = _course(tmp_path, {
        ("alice", "week3"): {"planar_data_classification.ipynb": _completed(notebook)},
        ("bob", "week3"): {"planar_data_classification.ipynb": (ROOT / specs.get(notebook).release).read_text()}})
    assert _grade(course, "week3") == {"alice": {"planar_data_classification": 12.0},
                                       "bob": {"planar_data_classification": 0.0}}


@pytest.mark.real_data
def test_week4_application_is_graded_with_the_step_by_step_notebook_handed_in_with_it(tmp_path):
    """With a step-by-step notebook whose update_parameters changes its argument in place
    handed in beside a correct application, in sibling folders (``W4A1/``, ``W4A2/``), the
    application under Coursera's download name and the step-by-step notebook under a name
    that says nothing, does the step-by-step notebook lose those points while the
    application keeps all 5, trained on the cat pictures with the learner's own step
    functions from that file (so the companion was found in the submission); and do the
    released stubs get 0?"""
    alice = {"W4A1/a1_building_your_deep_neural_network.ipynb": (STEPS / "update_in_place.ipynb").read_text(),
             "W4A2/Deep+Neural+Network+-+Application+v8.ipynb":
                 (EXAMPLES / "correct" / "deep_network_application.ipynb").read_text()}
    released = {f"{s.stem}.ipynb": (ROOT / s.release).read_text() for s in map(specs.get, (
        "week4/deep_network_step_by_step", "week4/deep_network_application"))}
    course = _course(tmp_path, {("alice", "week4"): alice, ("bob", "week4"): released})
    scores = _grade(course, "week4")
    assert scores["bob"] == {"deep_network_application": 0.0, "deep_network_step_by_step": 0.0}
    assert scores["alice"]["deep_network_application"] == 5.0
    assert 0 < scores["alice"]["deep_network_step_by_step"] < 12
    page = (course / "feedback" / "alice" / "week4" / "Deep+Neural+Network+-+Application+v8.html").read_text()
    assert "trained on the cat pictures" in page and "no deep_network_step_by_step notebook" not in page
    assert "from W4A1/a1_building_your_deep_neural_network.ipynb" in page


@pytest.mark.real_data
def test_week4_application_alone_is_trained_with_the_reference_step_functions(tmp_path):
    """When only the application is handed in, are its models trained on the cat pictures
    with the reference's step functions (answered from the grader's process), its feedback
    saying first, and in a note, that no step-by-step notebook was found in the submission?"""
    course = _course(tmp_path, {("carol", "week4"): {
        "deep_network_application.ipynb": (EXAMPLES / "without_step_by_step" / "deep_network_application.ipynb")
        .read_text()}})
    scores = _grade(course, "week4")
    assert scores["carol"]["deep_network_step_by_step"] in (None, 0.0)
    assert scores["carol"]["deep_network_application"] == 5.0
    page = (course / "feedback" / "carol" / "week4" / "deep_network_application.html").read_text()
    assert "trained on the cat pictures" in page
    assert "no deep_network_step_by_step notebook of yours was found in your submission" in page
    assert "Hand it in with deep_network_application.ipynb so that your own functions are used" in page


# == week5/initialization ====================================================================

def test_week5_initialization_is_graded_under_the_classic_names(tmp_path):
    """In an assignment named as Coursera names it (W1A1), are a finished notebook saved as
    Initialization_v2a.ipynb, the classic notebook as "Initialization (1).ipynb" and the
    untouched stub graded 7, 6 (no Xavier initialization, this course's addition) and 0?"""
    notebook = "week5/initialization"
    classic = ROOT / "examples" / "week5" / "initialization" / "classic_course.ipynb"
    course = _course(tmp_path, {
        ("alice", "W1A1"): {"Initialization_v2a.ipynb": _completed(notebook)},
        ("carol", "W1A1"): {"Initialization (1).ipynb": classic.read_text()},
        ("bob", "W1A1"): {"initialization.ipynb": (ROOT / specs.get(notebook).release).read_text()}})
    assert _grade(course, "W1A1") == {"alice": {"initialization": 7.0}, "carol": {"initialization": 6.0},
                                      "bob": {"initialization": 0.0}}

# == end of week5/initialization =============================================================


# == week5/regularization ====================================================================

def test_week5_regularization_is_graded_under_the_classic_names(tmp_path):
    """In an assignment named as Coursera names it (W1A2), are a finished notebook saved as
    Regularization_v2a.ipynb, the classic notebook as "Regularization (1).ipynb" and the
    untouched stub graded 7, 7 and 0?"""
    notebook = "week5/regularization"
    classic = ROOT / "examples" / "week5" / "regularization" / "classic_course.ipynb"
    course = _course(tmp_path, {
        ("alice", "W1A2"): {"Regularization_v2a.ipynb": _completed(notebook)},
        ("carol", "W1A2"): {"Regularization (1).ipynb": classic.read_text()},
        ("bob", "W1A2"): {"regularization.ipynb": (ROOT / specs.get(notebook).release).read_text()}})
    assert _grade(course, "W1A2") == {"alice": {"regularization": 7.0}, "carol": {"regularization": 7.0},
                                      "bob": {"regularization": 0.0}}

# == end of week5/regularization =============================================================


# == week5 ===================================================================================

def test_week5_is_graded_into_the_gradebook(tmp_path):
    """In an assignment ``week5`` holding its three notebooks, are a learner's finished
    notebooks (gradient checking under its classic name, in a ``W1A3/`` folder) graded 7
    each, and the untouched stubs 0 each?"""
    ids = ("week5/initialization", "week5/regularization", "week5/gradient_checking")
    course = _course(tmp_path, {
        ("alice", "week5"): {"initialization.ipynb": _completed(ids[0]), "regularization.ipynb": _completed(ids[1]),
                             "W1A3/Gradient_Checking.ipynb": _completed(ids[2])},
        ("bob", "week5"): {f"{specs.get(i).stem}.ipynb": (ROOT / specs.get(i).release).read_text() for i in ids}})
    assert _grade(course, "week5") == {
        "alice": {"initialization": 7.0, "regularization": 7.0, "gradient_checking": 7.0},
        "bob": {"initialization": 0.0, "regularization": 0.0, "gradient_checking": 0.0}}

# == end of week5 ============================================================================


# == week6/optimization ======================================================================

def test_week6_optimization_is_graded_under_the_classic_names(tmp_path):
    """In an assignment ``week6``, are a finished notebook saved as Coursera names it in a
    ``W2A1/`` folder, the classic notebook (before 2021) as Optimization_methods_v1b.ipynb and
    the untouched stub graded 16, 10 (no RMSProp, AdaGrad or learning-rate decay) and 0?
    (The assignment is not called W2A1: that code is also week 2's numpy_basics, course 1's.)"""
    notebook = "week6/optimization"
    classic = ROOT / "examples" / "week6" / "optimization" / "classic_course.ipynb"
    course = _course(tmp_path, {
        ("alice", "week6"): {"W2A1/Optimization_methods.ipynb": _completed(notebook)},
        ("carol", "week6"): {"Optimization_methods_v1b.ipynb": classic.read_text()},
        ("bob", "week6"): {"optimization.ipynb": (ROOT / specs.get(notebook).release).read_text()}})
    assert _grade(course, "week6") == {"alice": {"optimization": 16.0}, "carol": {"optimization": 10.0},
                                       "bob": {"optimization": 0.0}}

# == end of week6/optimization ===============================================================
