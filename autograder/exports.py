"""Grading reports in the formats other tools read.

- :func:`reports_csv`: one row per graded file, a column per function (a spreadsheet, an LMS
  import);
- :func:`gradescope_results`: Gradescope's ``results.json`` for one submission, so the
  package runs as a Gradescope autograder (``examples/gradescope/``);
- :func:`course_csv`: one row per student of a course, a column per notebook, from the
  gradebook (manual scores included).

Each says which isolation level the files were graded at. Every CSV is written by
:func:`_csv`, whose cells a spreadsheet reads as text or numbers, never as formulas: a
student names their own folder, and a file name or an error message may be theirs too.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable
from pathlib import PurePath
from typing import TYPE_CHECKING

from dlcheck import editions
from dlcheck.results import SubmissionReport
from dlcheck.text import as_text, tr

from . import __version__

if TYPE_CHECKING:
    from .gradebook import StudentScores

#: Gradescope's visibility settings for a test or the whole result.
GRADESCOPE_VISIBILITY = ("visible", "hidden", "after_due_date", "after_published")


#: What makes a spreadsheet read a cell as a formula (OWASP, "CSV Injection"), and a line
#: feed, which a carriage return becomes.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\n")
_NUMBER = re.compile(r"[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?")


def spreadsheet_cell(value: object) -> object:
    """``value`` as a CSV cell no spreadsheet runs: text starting with ``= + - @``, a tab or
    a carriage return gets a leading apostrophe (OWASP's defence), which spreadsheets show
    as text; numbers, also written as text (``"-0.5"``), stay numbers. A carriage return
    becomes a line feed: the writer quotes a cell holding its line end (``\\n``) but not a
    lone ``\\r``, which readers take for the end of the row, so the rest of the cell would
    begin a row of its own (``x\\r=HYPERLINK(...)``)."""
    if not isinstance(value, str):
        return value
    if value.startswith(_FORMULA_START) and not _NUMBER.fullmatch(value):
        value = "'" + value
    return value.replace("\r\n", "\n").replace("\r", "\n")


def _csv(rows: Iterable[list[object]]) -> str:
    """The one writer of every CSV the project makes (see :func:`spreadsheet_cell`)."""
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows([spreadsheet_cell(v) for v in row] for row in rows)
    return out.getvalue()


def reports_csv(reports: list[SubmissionReport], lang: str | None = None) -> str:
    """CSV: ``submission, notebook, score, max_score, isolation, error``, then one column
    per graded function, named ``<function>``, or ``<notebook stem>/<function>`` when the
    files are of several notebooks (empty where a file's notebook lacks it)."""
    several = len({r.notebook for r in reports if r.tests}) > 1

    def column(r: SubmissionReport, function: str) -> str:
        return f"{r.notebook.rsplit('/', 1)[-1]}/{function}" if several else function

    columns = list(dict.fromkeys(column(r, t.function) for r in reports for t in r.tests))
    rows: list[list[object]] = [["submission", "notebook", "score", "max_score", "isolation", "error", *columns]]
    for r in reports:
        scores = {column(r, t.function): f"{t.score:g}" for t in r.tests}
        rows.append([r.submission, r.notebook, f"{r.score:g}", f"{r.max_score:g}", r.isolation or "",
                     "" if r.error is None else r.error.render(lang), *(scores.get(c, "") for c in columns)])
    return _csv(rows)


def gradescope_results(reports: list[SubmissionReport], *, lang: str | None = None,
                       visibility: str = "visible") -> dict:
    """Gradescope's ``results.json`` for one submission made of ``reports`` (one per file).

    One test per graded function, named ``"<notebook>: <function>"`` when the submission
    holds several notebooks; its ``output`` is the function's message. The overall
    ``output`` names the grader, its version and the isolation level, and why a file could
    not be graded, in ``lang`` (default: the one chosen, else Korean when a counted file is a
    Korean edition, else :func:`dlcheck.text.language`). Gradescope sums the tests' scores; ``score`` is given too. One report
    per notebook counts (the first), so no notebook scores above its maximum; ``autograde
    grade --format gradescope`` chooses which (:func:`autograder.copies.choose`).
    """
    if visibility not in GRADESCOPE_VISIBILITY:
        raise ValueError(f"unknown Gradescope visibility {visibility!r}; known: {', '.join(GRADESCOPE_VISIBILITY)}")
    counted: list[SubmissionReport] = []  # the first report of each notebook
    for r in reports:
        if r.tests and all(c.notebook != r.notebook for c in counted):
            counted.append(r)
    several = len(counted) > 1
    if lang is None and any(editions.is_korean_edition(PurePath(r.submission).name) for r in counted):
        lang = editions.language(".ko.ipynb")  # unless one is chosen, a Korean edition's learner reads Korean
    tests = []
    for r in counted:
        for t in r.tests:
            tests.append({
                "name": f"{r.notebook}: {t.function}" if several else t.function,
                "score": float(t.score),  # one number type throughout (a point count may be an int)
                "max_score": float(t.max_score),
                "status": "passed" if t.passed else "failed",
                "output": t.message.render(lang),
                "visibility": visibility,
            })
    levels = sorted({r.isolation for r in reports if r.isolation})
    lines = [tr("Graded by dl-autograder {version} (isolation level: {levels}).",
                "dl-autograder {version} 채점 결과입니다 (격리 수준: {levels}).", version=__version__,
                levels=", ".join(levels) or tr("unknown", "알 수 없음"))]
    lines += [f"{r.submission}: " + as_text(n) for r in counted for n in r.notes]
    lines += [f"{r.submission}: " + tr("not graded: ", "채점하지 못함: ") + r.error for r in reports
              if r.error is not None]
    lines += [f"{r.submission}: " + tr("not counted: another file of {notebook} is",
                                       "점수에 넣지 않음: {notebook}의 다른 파일이 들어갑니다", notebook=r.notebook)
              for r in reports if r.tests and r not in counted]
    if not reports:
        lines.append(tr("No notebook was found in the submission.", "제출물에서 노트북을 찾지 못했습니다."))
    return {
        "score": float(sum(r.score for r in counted)),
        "output": "\n".join(line.render(lang) for line in lines),
        "visibility": visibility,
        "stdout_visibility": "hidden",
        "tests": tests,
    }


def course_csv(rows: list[StudentScores]) -> str:
    """CSV: ``student``, one column per notebook, ``score, max_score``, and the isolation
    level(s) the student's notebooks were graded at; an empty notebook cell means no
    submission of the assignment."""
    notebooks = list(rows[0].max_scores) if rows else []
    header: list[object] = ["student", *notebooks, "score", "max_score", "isolation"]
    body = [[r.student, *("" if r.notebooks[n] is None else f"{r.notebooks[n]:g}" for n in notebooks),
             f"{r.score:g}", f"{r.max_score:g}", r.isolation] for r in rows]
    return _csv([header, *body])
