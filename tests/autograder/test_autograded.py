"""Tests of autograder.autograded: the marked copy nbgrader's formgrader and generate_feedback read."""

from __future__ import annotations

from pathlib import Path

import nbformat
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

from autograder import ROOT
from autograder.autograded import annotate, write_autograded
from dlcheck.results import TestResult
from dlcheck.text import Text

SIGMOID = TestResult("test_sigmoid", "sigmoid", 1.0, 1.0, True, Text("2 check(s) passed", "검사 2개 통과"))
PROPAGATE = TestResult("test_propagate", "propagate", 0.0, 3.0, False, Text("cost is wrong", "cost가 틀렸습니다"))


def marks(nb) -> list[tuple[int, str, bool, bool, float | None]]:
    """(cell index, grade_id, solution, grade, points) of every marked cell."""
    return [(i, c.metadata.nbgrader["grade_id"], c.metadata.nbgrader["solution"], c.metadata.nbgrader["grade"],
             c.metadata.nbgrader.get("points")) for i, c in enumerate(nb.cells) if "nbgrader" in c.metadata]


def test_a_released_notebook_keeps_its_cells_with_the_gradebook_marks():
    """In the student notebook made by release, is each function's own cell its solution
    cell and its check(...) cell its grade cell, with the verdict as the only output?"""
    nb = nbformat.read(ROOT / "assignments/week2/logistic_regression.ipynb", as_version=4)
    n_cells = len(nb.cells)
    annotate(nb, [SIGMOID, PROPAGATE], lang="en")
    assert len(nb.cells) == n_cells
    got = marks(nb)
    assert [(gid, sol, grade, pts) for _, gid, sol, grade, pts in got] == [
        ("sigmoid", True, False, None), ("test_sigmoid", False, True, 1.0),
        ("propagate", True, False, None), ("test_propagate", False, True, 3.0)]
    sigmoid_cell, check_cell = nb.cells[got[0][0]], nb.cells[got[1][0]]
    assert "def sigmoid(" in sigmoid_cell.source and check_cell.source.strip() == "check(sigmoid)"
    propagate_check = nb.cells[got[3][0]]
    assert [(o.name, o.text) for o in propagate_check.outputs] == [("stderr", "propagate: 0/3. cost is wrong\n")]


def test_a_classic_notebook_gets_a_grade_cell_after_each_definition():
    """In a notebook without check cells (the classic course), is a small grade cell added
    right after each function's cell, and every foreign nbgrader mark removed?"""
    nb = new_notebook(cells=[
        new_markdown_cell("# Logistic regression"),
        new_code_cell("import numpy as np"),
        new_code_cell("def sigmoid(z):\n    return 1 / (1 + np.exp(-z))"),
        new_code_cell("sigmoid_test(sigmoid)"),
        new_code_cell("def propagate(w, b, X, Y):\n    pass"),
    ])
    nb.cells[3].metadata["nbgrader"] = {"grade": True, "grade_id": "cell-deadbeef", "points": 10, "solution": False,
                                        "locked": True, "schema_version": 3, "task": False}
    annotate(nb, [SIGMOID, PROPAGATE], lang="ko")
    assert [(i, gid) for i, gid, *_ in marks(nb)] == [(2, "sigmoid"), (3, "test_sigmoid"), (5, "propagate"),
                                                     (6, "test_propagate")]
    assert nb.cells[3].source == "# graded by autograde: sigmoid" and nb.cells[4].source == "sigmoid_test(sigmoid)"
    assert nb.cells[6].outputs[0].text == "propagate: 0/3. cost가 틀렸습니다\n"


def test_a_function_defined_nowhere_gets_a_cell_saying_so():
    """Does a graded function the notebook never defines still get a solution cell (for
    its comment) and a grade cell, at the end?"""
    nb = new_notebook(cells=[new_code_cell("def sigmoid(z):\n    return z")])
    annotate(nb, [SIGMOID, PROPAGATE], lang="en")
    assert [gid for _, gid, *_ in marks(nb)] == ["sigmoid", "test_sigmoid", "propagate", "test_propagate"]
    assert nb.cells[2].cell_type == "markdown" and "`propagate` is graded, but no cell" in nb.cells[2].source


def test_two_functions_in_one_cell_get_a_solution_cell_each():
    """When one cell defines two graded functions, does the second still get a cell of its own?"""
    nb = new_notebook(cells=[new_code_cell("def sigmoid(z):\n    return z\n\ndef propagate(w, b, X, Y):\n    pass")])
    annotate(nb, [SIGMOID, PROPAGATE])
    assert [gid for _, gid, *_ in marks(nb)] == ["sigmoid", "test_sigmoid", "propagate", "test_propagate"]


def test_an_earlier_name_of_a_function_is_found():
    """Is a function defined under the course's earlier name (normalizeRows) marked?"""
    nb = new_notebook(cells=[new_code_cell("def normalizeRows(x):\n    return x")])
    ok = TestResult("test_normalize_rows", "normalize_rows", 1.0, 1.0, True, Text("ok", "ok"))
    annotate(nb, [ok], {"normalize_rows": ("normalizeRows",)})
    assert marks(nb)[0][:2] == (0, "normalize_rows")


def test_an_unreadable_file_leaves_no_copy(tmp_path: Path):
    """Is no copy written (and an older one removed) for a file that is not a notebook?"""
    broken = tmp_path / "broken.ipynb"
    broken.write_text("{ not json")
    target = tmp_path / "autograded" / "x.ipynb"
    target.parent.mkdir()
    target.write_text("old copy")
    assert write_autograded(target, broken, [SIGMOID]) is None
    assert not target.exists()


def test_a_copy_written_over_by_another_tool_is_written_again_and_a_current_one_left(tmp_path: Path):
    """`nbgrader autograde` puts its own executed notebook where our marked copy was: is it
    replaced by ours, and is a copy already as it should be left untouched?"""
    submitted = ROOT / "assignments/week2/logistic_regression.ipynb"
    target = tmp_path / "autograded" / "logistic_regression.ipynb"
    assert write_autograded(target, submitted, [SIGMOID, PROPAGATE], lang="en") == target
    ours = target.read_bytes()
    assert ours == nbformat.writes(nbformat.read(target, as_version=4)).encode() + b"\n"  # as nbformat writes it
    target.write_text(nbformat.writes(nbformat.read(submitted, as_version=4)))  # another tool's notebook
    write_autograded(target, submitted, [SIGMOID, PROPAGATE], lang="en")
    assert target.read_bytes() == ours
    before = target.stat().st_mtime_ns
    write_autograded(target, submitted, [SIGMOID, PROPAGATE], lang="en")
    assert target.stat().st_mtime_ns == before


def test_the_cells_added_to_a_classic_notebook_are_the_same_every_run(tmp_path: Path):
    """A classic notebook gets a grade cell added per function, and one defining nothing a
    note: is its copy the same file every run (cell ids of their own, not drawn at random),
    and valid?"""
    classic = tmp_path / "Logistic_Regression_with_a_Neural_Network_mindset.ipynb"
    nbformat.write(new_notebook(cells=[new_code_cell("def sigmoid(z):\n    return z")]), classic)
    first, second = tmp_path / "first.ipynb", tmp_path / "second.ipynb"
    write_autograded(first, classic, [SIGMOID, PROPAGATE], lang="en")
    write_autograded(second, classic, [SIGMOID, PROPAGATE], lang="en")
    assert first.read_bytes() == second.read_bytes()
    copy = nbformat.read(first, as_version=4)
    nbformat.validate(copy)
    assert [c.id for c in copy.cells] == ["cell-0", "autograde-sigmoid", "autograde-note-propagate",
                                          "autograde-propagate"]
