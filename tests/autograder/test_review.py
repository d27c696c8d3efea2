"""Tests of autograder.review: the class page an instructor reads after a course run.

A small class is graded once per module by :func:`grade_course` with a grader that
returns fixed results (no sandbox), into a real gradebook; the page is checked as HTML,
rebuilt by ``autograde report`` from the gradebook alone, and rendered by a real headless
Chromium (when there is one: ``make test`` installs it where it can).
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import nbformat
import pytest
from click.testing import CliRunner
from nbformat.v4 import new_code_cell, new_notebook
from PIL import Image  # matplotlib's dependency

from autograder import gradebook, review
from autograder.cli import main
from autograder.course import grade_course
from dlcheck.results import SubmissionReport, TestResult
from dlcheck.text import Text, tr

ASSIGNMENT = "week2"
CELLS = [("test_sigmoid", 2.0), ("test_propagate", 3.0), ("test_optimize", 5.0)]
NOTEBOOKS = {"logistic_regression": CELLS}
HOSTILE = "<img src=x onerror=alert(1)>"

SIGMOID = "def sigmoid(z):\n    return 1 / (1 + np.exp(-z))\n"
PROPAGATE = "def propagate(w, b, X, Y):\n    return w.T @ X + b\n"
OPTIMIZE = "def optimize(w, b):\n    return w - 0.1 * b\n"
#: Each student's code, and the messages of the functions that fail (the others pass).
CLASS = {
    "alice": ([SIGMOID, PROPAGATE, OPTIMIZE], {}),
    "bob": (["# my own work\n" + SIGMOID, PROPAGATE.replace("return", "return  "), OPTIMIZE], {}),  # alice's
    "carol": ([SIGMOID, PROPAGATE, "def optimize(w, b):\n    return w\n"],
              {"optimize": tr("cost 0.52 after 100 iterations; expected 0.31", "100번 뒤 비용 0.52, 기대값 0.31")}),
    "dave": (["def sigmoid(z):\n    return np.tanh(z)\n", "def propagate(w, b, X, Y):\n    return 0\n",
              "def optimize(w, b):\n    return b\n"],
             {"sigmoid": tr("sigmoid(0) is 0; expected 0.5", "sigmoid(0)은 0, 기대값 0.5"),
              "propagate": tr(f"dw is {HOSTILE}", f"dw: {HOSTILE}"),
              "optimize": tr("cost 0.77 after 100 iterations; expected 0.31", "100번 뒤 비용 0.77, 기대값 0.31")}),
    HOSTILE: (["def sigmoid(z):\n    return z\n"], {"sigmoid": tr("sigmoid(0) is 0; expected 0.5", "sigmoid(0)은 0"),
                                                   "propagate": tr("not defined", "정의되지 않음"),
                                                   "optimize": tr("not defined", "정의되지 않음")}),
}


def grade(path: Path, notebook: str) -> SubmissionReport:
    """The fixed results of CLASS for the student whose file ``path`` is."""
    failing = CLASS.get(path.parent.parent.name, ((), {}))[1]  # a student not in CLASS passes
    tests = [TestResult(name, name.removeprefix("test_"), 0.0 if name[5:] in failing else points, points,
                        name[5:] not in failing, failing.get(name[5:], tr("all checks passed", "모든 검사 통과")))
             for name, points in CELLS]
    return SubmissionReport(str(path), notebook, tests, isolation="namespaces")


def write_notebook(path: Path, cells: list[str]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    nbformat.write(new_notebook(cells=[new_code_cell("import numpy as np")] + [new_code_cell(c) for c in cells]), path)


@pytest.fixture(scope="module")
def course(tmp_path_factory) -> Path:
    """The class graded once: alice and bob hand in the same code (bob's comments and
    spacing aside), carol theirs but for optimize, dave their own, the hostile id one
    function; erin hands in only a scratch notebook, and alice a link besides."""
    course = tmp_path_factory.mktemp("course")
    for student, (cells, _) in CLASS.items():
        write_notebook(course / "submitted" / student / ASSIGNMENT / "logistic_regression.ipynb", cells)
    write_notebook(course / "submitted" / "erin" / ASSIGNMENT / "scratch.ipynb", ["1 + 1"])
    (course / "submitted" / "alice" / ASSIGNMENT / "planar.ipynb").symlink_to("/etc/hostname")
    grade_course(course, ASSIGNMENT, grade, NOTEBOOKS)
    return course


@pytest.fixture(scope="module")
def summary(course: Path) -> review.ClassSummary:
    with gradebook.opened(course) as gb:
        return review.summarise(gb, ASSIGNMENT)


def test_the_histogram_counts_each_total_once_full_marks_in_the_last_bar():
    """Does each total fall in one of ten equal ranges, 0 in the first and full marks in the last?"""
    assert review.histogram_counts([0, 0.9, 1, 5, 9.99, 10], 10) == [2, 1, 0, 0, 0, 1, 0, 0, 0, 2]
    assert review.histogram_counts([0, 0], 0) == [2] + [0] * 9


def test_messages_that_differ_in_their_numbers_count_as_one():
    """Are failure messages equal but for their numbers (each student's hidden inputs) one
    mistake, counted, most frequent first, shown by the first of them?"""
    def report(*messages: Text | None) -> SubmissionReport:
        return SubmissionReport("f", "nb", [TestResult(f"test_f{i}", f"f{i}", 0.0 if m else 1.0, 1.0, m is None,
                                                       m or tr("ok", "ok")) for i, m in enumerate(messages)])
    reports = [report(tr("got 0.25, expected 1", "0.25"), None), report(tr("got -3e-05, expected 1", "-3e-05"), None),
               report(tr("shape (2, 1)", "(2, 1)"), tr("x", "x")), report(None, None)]

    stats = review.function_stats("nb", reports)

    assert [(f.function, f.passed, f.graded) for f in stats] == [("f0", 1, 4), ("f1", 3, 4)]
    assert [(text.en, n) for text, n in stats[0].messages] == [("got 0.25, expected 1", 2), ("shape (2, 1)", 1)]


def test_the_summary_is_the_class(summary: review.ClassSummary):
    """Does the summary hold each total, each function's pass rate and messages, who did not
    hand in, the files not graded, the same code and the isolation levels?"""
    assert sorted(summary.totals) == sorted([("alice", 10.0), ("bob", 10.0), ("carol", 5.0), ("dave", 0.0),
                                             (HOSTILE, 0.0)])
    assert summary.max_score == 10.0
    assert [(f.function, f.passed, f.graded) for f in summary.functions] == [
        ("sigmoid", 3, 5), ("propagate", 3, 5), ("optimize", 2, 5)]
    optimize = summary.functions[2]
    assert [(text.en, n) for text, n in optimize.messages] == [
        ("cost 0.52 after 100 iterations; expected 0.31", 2), ("not defined", 1)]
    assert summary.not_handed_in == {"erin": ["logistic_regression"]}
    assert [(s, f) for s, f, _ in summary.listed] == [("alice", "planar.ipynb"), ("erin", "scratch.ipynb")]
    assert summary.isolation == {"namespaces": 5}


def test_identical_and_near_identical_code_are_grouped(summary: review.ClassSummary, course: Path):
    """Are alice and bob (the same code but for comments and spacing) identical, carol
    (theirs but for one function) near-identical with them, and dave and the hostile id
    (their own code; failing functions alike) in no group?"""
    assert summary.same_code == [review.SameCode("logistic_regression", ("alice", "bob", "carol"), False,
                                                 ("optimize",))]
    with gradebook.opened(course) as gb:
        kept = {student: kept for (student, _), kept in gradebook.kept_reports(gb, ASSIGNMENT).items()}
    codes = {student: kept[student]["code"] for student in ("alice", "bob", "carol")}
    assert codes["alice"]["fingerprint"] == codes["bob"]["fingerprint"] != codes["carol"]["fingerprint"]
    alone = review.same_code("logistic_regression",
                             [(s, gradebook.report_of(kept[s]), codes[s]) for s in ("alice", "bob")])
    assert alone == [review.SameCode("logistic_regression", ("alice", "bob"), True, ())]


def test_untouched_copies_and_stubs_alike_are_no_group():
    """Are untouched released copies left out, and two files alike in failing functions only not near-identical?"""
    def graded(student: str, fingerprint: str, untouched: bool, passing: bool) -> tuple:
        tests = [TestResult(n, n[5:], p if passing else 0.0, p, passing, tr("", "")) for n, p in CELLS]
        functions = {n[5:]: n[5:] + student if n == "test_optimize" else "stub" for n, _ in CELLS}
        return student, SubmissionReport("f", "nb", tests), {"fingerprint": fingerprint, "functions": functions,
                                                              "untouched": untouched}

    assert review.same_code("nb", [graded("a", "x", True, False), graded("b", "x", True, False)]) == []
    assert review.same_code("nb", [graded("a", "x", False, False), graded("b", "y", False, False)]) == []
    assert len(review.same_code("nb", [graded("a", "x", False, True), graded("b", "y", False, True)])) == 1


def test_the_page_shows_the_class_in_both_languages_and_escapes_students(course: Path):
    """Does the course run write feedback/index.html with every section in English and
    Korean, the counts, and a hostile student id and message as text, no script at all?"""
    page = (course / "feedback" / "index.html").read_text(encoding="utf-8")
    for en, ko in (("Scores", "점수 분포"), ("Not handed in", "제출하지 않은 노트북"),
                   ("Files not graded, and why", "채점하지 않은 파일과 이유"), ("The same code", "같은 코드")):
        assert f'<span class="en" lang="en">{en}</span><span class="ko" lang="ko">{ko}</span>' in page
    assert "cost 0.52 after 100 iterations; expected 0.31" in page and "2×" in page
    assert "namespaces (5)" in page and "erin" in page and "planar.ipynb" in page
    assert HOSTILE not in page and "&lt;img src=x onerror=alert(1)&gt;" in page
    assert "<script" not in page.lower() and " on" + "error=" not in page.replace("onerror=alert", "")


def test_autograde_report_rebuilds_the_page_from_the_gradebook(course: Path, tmp_path: Path):
    """Does `autograde report` write the same page from the gradebook alone (no grading:
    the submissions are gone), and say what is missing without a gradebook?"""
    copy = tmp_path / "course"
    shutil.copytree(course, copy, ignore=shutil.ignore_patterns("submitted"))
    (copy / "feedback" / "index.html").unlink()

    done = CliRunner().invoke(main, ["report", ASSIGNMENT, "--course-dir", str(copy)])

    assert done.exit_code == 0, done.output
    rebuilt = (copy / "feedback" / "index.html").read_text(encoding="utf-8")
    made_at = re.compile(r"\d{4}-\d\d-\d\d \d\d:\d\d")
    original = (course / "feedback" / "index.html").read_text(encoding="utf-8")
    assert made_at.sub("", rebuilt) == made_at.sub("", original)
    missing = CliRunner().invoke(main, ["report", ASSIGNMENT, "--course-dir", str(tmp_path / "none")])
    assert missing.exit_code != 0 and "no gradebook" in str(missing.exception)


# -- in a real browser ------------------------------------------------------------------

WIDTH, HEIGHT = 1200, 2000


def _chromium() -> str | None:
    return shutil.which("chromium") or shutil.which("chromium-browser")


def _browse(page: Path, profile: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([_chromium(), "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                           "--disable-component-update", "--disable-sync", "--no-first-run",
                           f"--user-data-dir={profile}", f"--window-size={WIDTH},{HEIGHT}", *args, page.as_uri()],
                          capture_output=True, text=True, timeout=120, check=True)


@pytest.fixture(scope="module")
def browsed(course: Path, tmp_path_factory) -> tuple[str, Path]:
    """The page as Chromium renders it: its DOM, and a screenshot."""
    if _chromium() is None:
        pytest.skip("no chromium: `make test` installs it with apt-get where it can (root, Debian)")
    folder = tmp_path_factory.mktemp("browser")
    page = course / "feedback" / "index.html"
    dom = _browse(page, folder / "profile", "--dump-dom").stdout
    _browse(page, folder / "profile", f"--screenshot={folder / 'page.png'}")
    return dom, folder / "page.png"


@pytest.mark.subprocess
def test_chromium_renders_the_page_with_its_numbers_and_both_languages(browsed):
    """Does a real browser show the class: both languages' headings, the counts, the messages, the students?"""
    dom, _ = browsed
    assert "점수 분포" in dom and "Scores" in dom and "2×" in dom and "3 / 5" in dom
    assert "cost 0.52 after 100 iterations; expected 0.31" in dom and "erin" in dom
    assert "<img src" not in dom


@pytest.mark.subprocess
def test_chromium_screenshot_is_the_size_asked_and_draws_the_histogram(browsed):
    """Is the screenshot a PNG of the window's size, not blank, with the histogram's blue bars drawn?"""
    _, png = browsed
    with Image.open(png) as image:
        assert (image.format, image.size) == ("PNG", (WIDTH, HEIGHT))
        colours = {colour[:3] for _, colour in image.convert("RGB").getcolors(WIDTH * HEIGHT)}
    assert len(colours) > 5
    assert (0x09, 0x69, 0xDA) in colours  # a histogram bar


def test_a_student_folder_named_like_the_page_leaves_the_grades_alone(tmp_path: Path):
    """Does a student whose folder is called index.html (their feedback folder then takes the
    page's place) get graded, the run saying the page was not written rather than failing?"""
    write_notebook(tmp_path / "submitted" / "index.html" / ASSIGNMENT / "logistic_regression.ipynb", [SIGMOID])
    lines: list[str] = []

    done = grade_course(tmp_path, ASSIGNMENT, grade, NOTEBOOKS, progress=lines.append)

    assert [r.score for r in done.reports] == [10.0]
    assert (tmp_path / "feedback" / "index.html").is_dir() and "was not written" in lines[-1]
