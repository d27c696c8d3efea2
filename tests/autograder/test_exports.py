"""Tests of autograder.exports: CSV per file, Gradescope's results.json, the course-wide CSV."""

from __future__ import annotations

import csv
import io

import pytest

from autograder import __version__, exports
from autograder.gradebook import StudentScores
from dlcheck.results import SubmissionReport, TestResult
from dlcheck.text import Text


def report(submission: str, notebook: str, scores: dict[str, tuple[float, float]], *, error: str | None = None,
           isolation: str = "processes") -> SubmissionReport:
    tests = [TestResult(f"test_{fn}", fn, got, points, got == points, Text(f"{fn} says why", f"{fn} 이유"))
             for fn, (got, points) in scores.items()]
    return SubmissionReport(submission, notebook, tests, error=error, isolation=isolation)


ALICE = report("alice.ipynb", "week2/logistic_regression", {"sigmoid": (1, 1), "propagate": (0, 3)})
BOB = report("bob.ipynb", "week2/logistic_regression", {"sigmoid": (0, 1), "propagate": (3, 3)})
BASICS = report("carol.ipynb", "week2/numpy_basics", {"sigmoid": (1, 1), "L1": (1, 1)}, isolation="namespaces")


def rows(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text)))


def test_csv_has_a_row_per_file_and_a_column_per_function():
    """Does the CSV give each file its total, isolation level and each function's points?"""
    assert rows(exports.reports_csv([ALICE, BOB])) == [
        {"submission": "alice.ipynb", "notebook": "week2/logistic_regression", "score": "1", "max_score": "4",
         "isolation": "processes", "error": "", "sigmoid": "1", "propagate": "0"},
        {"submission": "bob.ipynb", "notebook": "week2/logistic_regression", "score": "3", "max_score": "4",
         "isolation": "processes", "error": "", "sigmoid": "0", "propagate": "3"},
    ]


def test_csv_of_several_notebooks_keeps_same_named_functions_apart():
    """When files of two notebooks share a function name (sigmoid), is each notebook's
    function a column of its own, empty for the other notebook's files?"""
    got = rows(exports.reports_csv([ALICE, BASICS]))
    assert list(got[0])[6:] == ["logistic_regression/sigmoid", "logistic_regression/propagate",
                                "numpy_basics/sigmoid", "numpy_basics/L1"]
    assert (got[1]["logistic_regression/sigmoid"], got[1]["numpy_basics/sigmoid"]) == ("", "1")


def test_csv_names_why_a_file_was_not_graded_in_the_chosen_language():
    """Is a file that could not be graded a row with 0 and its reason?"""
    broken = report("x.ipynb", "week2/logistic_regression", {}, error=Text("not JSON", "JSON 아님"))
    assert rows(exports.reports_csv([broken], lang="ko"))[0]["error"] == "JSON 아님"


def test_gradescope_results_follow_its_format():
    """Is results.json Gradescope's format: score, output, visibility, and one test per
    function with name, score, max_score, status, output and visibility?"""
    results = exports.gradescope_results([ALICE], visibility="after_published")
    assert results == {
        "score": 1.0,
        "output": f"Graded by dl-autograder {__version__} (isolation level: processes).",
        "visibility": "after_published",
        "stdout_visibility": "hidden",
        "tests": [
            {"name": "sigmoid", "score": 1, "max_score": 1, "status": "passed", "output": "sigmoid says why",
             "visibility": "after_published"},
            {"name": "propagate", "score": 0, "max_score": 3, "status": "failed", "output": "propagate says why",
             "visibility": "after_published"},
        ],
    }
    numbers = [results["score"]] + [t[k] for t in results["tests"] for k in ("score", "max_score")]
    assert all(type(n) is float for n in numbers), numbers  # one number type, as Gradescope shows them


def test_gradescope_results_of_several_notebooks_and_a_broken_file():
    """With two notebooks in one submission, are tests prefixed by the notebook, and does
    the output name a file that could not be graded (and both isolation levels)?"""
    broken = report("y.ipynb", "?", {}, error="not a notebook")
    results = exports.gradescope_results([ALICE, BASICS, broken], lang="en")
    assert [t["name"] for t in results["tests"]][:3] == ["week2/logistic_regression: sigmoid",
                                                         "week2/logistic_regression: propagate",
                                                         "week2/numpy_basics: sigmoid"]
    assert results["score"] == 3.0
    assert results["output"].splitlines() == [
        f"Graded by dl-autograder {__version__} (isolation level: namespaces, processes).",
        "y.ipynb: not graded: not a notebook"]


def test_gradescope_rejects_an_unknown_visibility():
    """Is a visibility Gradescope does not know refused, naming the known ones?"""
    with pytest.raises(ValueError, match="known: visible, hidden, after_due_date, after_published"):
        exports.gradescope_results([ALICE], visibility="later")


def test_course_csv_has_a_row_per_student_and_a_column_per_notebook():
    """Does the course CSV list each student's notebook scores, total, maximum and isolation
    level, with an empty cell for a student without a submission?"""
    scores = [StudentScores("alice", {"logistic_regression": 7.0, "numpy_basics": 0.0},
                            {"logistic_regression": 10.0, "numpy_basics": 8.0}, "namespaces"),
              StudentScores("dave", {"logistic_regression": None, "numpy_basics": None},
                            {"logistic_regression": 10.0, "numpy_basics": 8.0})]
    assert exports.course_csv(scores) == (
        "student,logistic_regression,numpy_basics,score,max_score,isolation\n"
        "alice,7,0,7,18,namespaces\n"
        "dave,,,0,18,\n")


@pytest.mark.parametrize("chosen, shown", [(None, "ko"), ("en", "en")], ids=["edition", "chosen"])
def test_gradescope_results_of_a_korean_edition_speak_korean(monkeypatch, chosen, shown):
    """Does a Korean edition's results.json speak Korean (its output line and its tests'
    messages), unless a language was chosen on purpose?"""
    monkeypatch.delenv("AUTOGRADE_LANG", raising=False)
    monkeypatch.setenv("LANG", "C.UTF-8")
    if chosen:
        monkeypatch.setenv("AUTOGRADE_LANG", chosen)
    korean = report("logistic_regression.ko.ipynb", "week2/logistic_regression", {"sigmoid": (1, 1)})
    results = exports.gradescope_results([korean])
    assert results["output"] == {"ko": f"dl-autograder {__version__} 채점 결과입니다 (격리 수준: processes).",
                                 "en": f"Graded by dl-autograder {__version__} (isolation level: processes)."}[shown]
    assert results["tests"][0]["output"] == {"ko": "sigmoid 이유", "en": "sigmoid says why"}[shown]
