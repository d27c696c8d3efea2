"""Tests of autograder.batch: several files at a time, and the same graded code once."""

from __future__ import annotations

import os
import time
from pathlib import Path

import nbformat
import pytest
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

from autograder.batch import Task, grade_many, same_work, started
from dlcheck.results import SubmissionReport, TestResult
from dlcheck.text import as_text

CODE = "import numpy as np\n\ndef sigmoid(z):\n    return 1 / (1 + np.exp(-z))\n"


def notebook(path: Path, *cells: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    nbformat.write(new_notebook(cells=[new_code_cell(c) for c in cells]), path)
    return path


class Grader:
    """A ``grade_file`` that scores a file 1 when its code says ``return 1 /`` and records
    which process graded what (a module-level class: worker processes can run it)."""

    def __call__(self, path: Path, notebook: str, companions=None) -> SubmissionReport:
        passed = "return 1 /" in path.read_text()
        test = TestResult("test_sigmoid", "sigmoid", float(passed), 1.0, passed, as_text(""))
        return SubmissionReport(str(path), notebook, [test], notes=[as_text(f"graded by {os.getpid()}")],
                                seconds={"sigmoid": 0.1})


class Marking(Grader):
    """Leaves a file named after each student it grades in ``marks``, after ``seconds``."""

    def __init__(self, marks: Path, seconds: float = 0.0) -> None:
        self.marks, self.seconds = marks, seconds

    def __call__(self, path: Path, notebook: str, companions=None) -> SubmissionReport:
        time.sleep(self.seconds)
        (self.marks / path.parent.name).touch()
        return super().__call__(path, notebook, companions)


class Counting(Grader):
    def __init__(self) -> None:
        self.graded: list[Path] = []

    def __call__(self, path: Path, notebook: str, companions=None) -> SubmissionReport:
        self.graded.append(path)
        return super().__call__(path, notebook, companions)


def test_same_work_reads_the_codes_meaning_the_name_and_the_notebook(tmp_path):
    """Are two files the same work when only comments, markdown and exploratory output
    differ, and different work when the code, the file's name or the notebook differs?"""
    a = notebook(tmp_path / "alice/sigmoid.ipynb", CODE)
    b = notebook(tmp_path / "bob/sigmoid.ipynb", "# my answer\n" + CODE.replace("\n\n", "\n\n\n"))
    nb = nbformat.read(b, as_version=4)
    nb.cells.insert(0, new_markdown_cell("notes"))
    nbformat.write(nb, b)
    other_code = notebook(tmp_path / "carol/sigmoid.ipynb", CODE.replace("1 /", "2 /"))
    other_name = notebook(tmp_path / "dave/sigmoid (1).ipynb", CODE)

    key = same_work(Task(a, "week2/x"), builds_on_others=False)
    assert key is not None
    assert same_work(Task(b, "week2/x"), builds_on_others=False) == key
    assert same_work(Task(a, "week2/y"), builds_on_others=False) != key
    assert same_work(Task(other_code, "week2/x"), builds_on_others=False) != key
    assert same_work(Task(other_name, "week2/x"), builds_on_others=False) != key


def test_same_work_counts_the_companions_and_leaves_the_unknown_alone(tmp_path):
    """Does a companion's code change the work; and is a file graded alone when it cannot
    be read, or when its companions are to be looked for beside it?"""
    a = notebook(tmp_path / "alice/app.ipynb", CODE)
    b = notebook(tmp_path / "bob/app.ipynb", CODE)
    step_a = notebook(tmp_path / "alice/steps.ipynb", "def f():\n    return 1\n")
    step_b = notebook(tmp_path / "bob/steps.ipynb", "def f():\n    return 2\n")
    with_a = same_work(Task(a, "app", {"steps": step_a}), builds_on_others=True)
    assert with_a == same_work(Task(b, "app", {"steps": tmp_path / "bob/../alice/steps.ipynb"}), builds_on_others=True)
    assert with_a != same_work(Task(b, "app", {"steps": step_b}), builds_on_others=True)
    assert with_a != same_work(Task(b, "app", {"steps": None}), builds_on_others=True)
    assert same_work(Task(a, "app"), builds_on_others=True) is None
    broken = tmp_path / "eve/app.ipynb"
    broken.parent.mkdir()
    broken.write_text("{not json")
    assert same_work(Task(broken, "app"), builds_on_others=False) is None


def _class(tmp_path: Path) -> list[Task]:
    """Five files: alice's, bob's and dave's the same work; carol's its own; eve's unreadable."""
    files = [notebook(tmp_path / s / "sigmoid.ipynb", "# " + s + "\n" + code)
             for s, code in (("alice", CODE), ("bob", CODE), ("carol", CODE.replace("1 /", "2 /")), ("dave", CODE))]
    broken = tmp_path / "eve/sigmoid.ipynb"
    broken.parent.mkdir()
    broken.write_text("{not json")
    return [Task(f, "week2/x") for f in files[:3]] + [Task(broken, "week2/x"), Task(files[3], "week2/x")]


def test_the_same_work_is_graded_once_and_reported_per_file(tmp_path):
    """Is each distinct work graded once, and does every file get a report under its own
    name, in the tasks' order, saying whose grading it took?"""
    tasks = _class(tmp_path)
    grader = Counting()
    results = list(grade_many(tasks, grader, jobs=1))
    assert grader.graded == [tasks[0].path, tasks[2].path, tasks[3].path]
    assert [r.submission for r, _ in results] == [str(t.path) for t in tasks]
    assert [took for _, took in results] == [None, 0, None, None, 0]
    assert [r.score for r, _ in results] == [1, 1, 0, 0, 1]
    assert results[1][0].seconds == {} and results[0][0].seconds == {"sigmoid": 0.1}


def test_a_callers_change_to_one_report_stays_in_it(tmp_path):
    """When the caller adds a note to the first file's report (the course adds how a file
    was recognised), do the files that took its grading get the report as graded?"""
    tasks = _class(tmp_path)
    graded = grade_many(tasks, Grader(), jobs=1)
    first, _ = next(graded)
    first.notes.insert(0, as_text("recognised by its functions"))
    second, took = next(graded)
    assert took == 0
    assert len(second.notes) == 1 and "graded by" in second.notes[0].render("en")


@pytest.mark.subprocess
def test_jobs_grade_in_worker_processes_with_the_same_results(tmp_path):
    """With two jobs, are files graded in worker processes, never in the caller's, with the
    same reports in the same order as with one?"""
    tasks = _class(tmp_path)
    one = list(grade_many(tasks, Grader(), jobs=1))
    two = list(grade_many(tasks, Grader(), jobs=2))
    assert [(r.submission, r.score, took) for r, took in two] == [(r.submission, r.score, took) for r, took in one]
    graded_by = {r.notes[0].render("en") for r, _ in two}
    assert f"graded by {os.getpid()}" not in graded_by
    assert 1 <= len(graded_by) <= 2


def test_started_grades_one_job_as_asked_and_stops_when_left(tmp_path):
    """With one job, is each file graded only when its report is asked for, and nothing
    more once the caller leaves?"""
    tasks = _class(tmp_path)
    grader = Counting()
    with started(tasks, grader, jobs=1) as graded:
        assert grader.graded == []
        next(graded)
    assert grader.graded == [tasks[0].path]


@pytest.mark.subprocess
def test_started_jobs_grade_before_a_report_is_asked_for_and_stop_when_left(tmp_path):
    """With two jobs, do the workers start on entering (before the caller asks for a
    report: the course opens its gradebook meanwhile), and are the files not started yet
    left ungraded when the caller leaves?"""
    marks = tmp_path / "marks"
    marks.mkdir()
    tasks = [Task(notebook(tmp_path / f"s{i}" / "sigmoid.ipynb", f"# {i}\n" + CODE.replace("1 /", f"{i} /")), "x")
             for i in range(8)]
    with started(tasks, Marking(marks, seconds=0.5), jobs=2):
        deadline = time.monotonic() + 60
        while not any(marks.iterdir()) and time.monotonic() < deadline:
            time.sleep(0.05)
        assert any(marks.iterdir())  # graded while no report was asked for
    assert 1 <= len(list(marks.iterdir())) < len(tasks)
