"""`autograde course`: a class graded into nbgrader's gradebook, listed by `nbgrader export`."""

import csv
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import nbformat
import pytest

from autograder import ROOT, specs
from autograder.release import parse_percent

pytestmark = pytest.mark.slow
SPEC = specs.get("week2/logistic_regression")
BIN = Path(sys.executable).parent


def _solution_notebook() -> str:
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_code_cell(text) if kind == "code" else nbformat.v4.new_markdown_cell(text)
                for kind, text in parse_percent((ROOT / SPEC.solution).read_text())]
    return nbformat.writes(nb)


@pytest.fixture
def course(tmp_path):
    """A course dir: alice and carol hand in the solution, bob the untouched stub."""
    (tmp_path / "nbgrader_config.py").write_text("c = get_config()\nc.CourseDirectory.root = '.'\n")
    for student, text in (("alice", _solution_notebook()), ("bob", (ROOT / SPEC.release).read_text()),
                          ("carol", _solution_notebook())):
        folder = tmp_path / "submitted" / student / "week2"
        folder.mkdir(parents=True)
        (folder / "logistic_regression.ipynb").write_text(text)
    return tmp_path


def _autograde(course_dir, *extra, **kwargs):
    return subprocess.Popen([str(BIN / "autograde"), "course", "week2", "--dev-secret", "--course-dir", str(course_dir),
                             *extra],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, **kwargs)


def _export(course_dir) -> dict[str, tuple[float, float]]:
    env = dict(os.environ, PATH=f"{BIN}:{os.environ['PATH']}")
    proc = subprocess.run([str(BIN / "nbgrader"), "export"], cwd=course_dir, capture_output=True, text=True,
                          env=env, timeout=300)
    assert proc.returncode == 0, proc.stderr
    with open(course_dir / "grades.csv") as f:
        return {row["student_id"]: (float(row["raw_score"]), float(row["max_score"])) for row in csv.DictReader(f)}


def test_course_scores_reach_nbgrader_export(course):
    """Does `nbgrader export` list every student's score after `autograde course`?"""
    proc = _autograde(course)
    out, err = proc.communicate(timeout=600)
    assert proc.returncode == 0, err
    scores = _export(course)
    assert scores["alice"][0] == SPEC.max_score and scores["carol"][0] == SPEC.max_score
    assert scores["bob"][0] == 0
    assert "[3/3]" in err


def test_killed_run_resumes_and_records_each_grade_once(course):
    """After `kill -9` mid-run, does a rerun finish the class with the same grades as one clean run?"""
    proc = _autograde(course, start_new_session=True)
    deadline = time.monotonic() + 300
    line = ""
    while "[1/3]" not in line and time.monotonic() < deadline:
        line = proc.stderr.readline()
    os.killpg(proc.pid, signal.SIGKILL)
    proc.communicate()
    rerun = _autograde(course)
    out, err = rerun.communicate(timeout=600)
    assert rerun.returncode == 0, err
    assert "unchanged" in err  # alice was recorded before the kill and is not graded again
    scores = _export(course)
    assert {s: v[0] for s, v in scores.items()} == {"alice": SPEC.max_score, "bob": 0, "carol": SPEC.max_score}
