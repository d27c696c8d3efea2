"""Grade a whole nbgrader course: every submitted notebook of one assignment, into its gradebook.

The layout is nbgrader's (what ``nbgrader collect`` produces)::

    <course_dir>/
        gradebook.db                                  written here (see gradebook.py)
        submitted/<student>/<assignment>/<notebook>.ipynb
        submitted/<student>/<assignment>/timestamp.txt  optional: when the student submitted

Grading is resumable: a submitted notebook whose content is unchanged since its results
were recorded is not graded again (the rule is in :mod:`autograder.gradebook`), so a run
that was interrupted, or a rerun after a few late submissions, grades only what is new.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from nbgrader.utils import parse_utc

from autograder import gradebook
from autograder.results import SubmissionReport

NOT_IN_ASSIGNMENT = "not part of this assignment"


class CourseError(ValueError):
    """The course directory does not look the way nbgrader lays it out."""


def grade_course(
    course_dir: Path,
    assignment: str,
    grade_file: Callable[[Path, str], SubmissionReport],
    notebooks: dict[str, list[tuple[str, float]]],
    *,
    progress: Callable[[str], None] | None = None,
    force: bool = False,
) -> list[SubmissionReport]:
    """Grade ``submitted/<student>/<assignment>/*.ipynb`` and record the scores in the gradebook.

    Files are taken in sorted order (student, then file name). For each file whose stem is
    a key of ``notebooks``, ``grade_file(path, stem)`` grades it and the results are
    recorded with :func:`autograder.gradebook.record`, one transaction per file, so an
    interrupted run keeps everything recorded before the interruption.

    Parameters
    ----------
    course_dir : Path
        The nbgrader course directory (the one holding ``submitted/`` and ``gradebook.db``).
    assignment : str
        The assignment name: the folder under ``submitted/<student>/``.
    grade_file : callable (Path, str) -> SubmissionReport
        Grades one file given its path and notebook stem. A report with ``error`` set is
        recorded (its scores, zeros or none, show in the gradebook) but not marked as
        done, so the next run grades the file again.
    notebooks : dict of str to list of (str, float)
        Notebook stem to its grade cells ``[(test id, points), ...]``, as for
        :func:`autograder.gradebook.ensure_assignment`, which is called first.
    progress : callable (str) -> None, optional
        Receives one line per file, e.g. ``"[3/120] alice/logistic_regression.ipynb 14/20"``.
    force : bool
        Grade every file, even those recorded with their current content.

    Returns
    -------
    list of SubmissionReport
        The report of each file graded in this run, and for each ``.ipynb`` whose stem is
        not in ``notebooks``, a report with error ``"not part of this assignment ..."``.
        Files skipped as unchanged are not in the list (their line in ``progress`` says so).

    Raises
    ------
    CourseError
        If the course directory, its ``submitted/`` folder, or any submission of
        ``assignment`` is missing.
    """
    course_dir = Path(course_dir)
    files = submitted_files(course_dir, assignment)
    gradebook.ensure_assignment(course_dir, assignment, notebooks)
    done = {} if force else gradebook.recorded(course_dir, assignment)
    say = progress or (lambda line: None)

    reports = []
    for i, (student, path) in enumerate(files, start=1):
        where = f"[{i}/{len(files)}] {student}/{path.name}"
        stem = path.stem
        if stem not in notebooks:
            expected = ", ".join(f"{name}.ipynb" for name in sorted(notebooks))
            report = SubmissionReport(
                submission=str(path),
                notebook=stem,
                error=f"{NOT_IN_ASSIGNMENT} {assignment!r} (expected {expected})",
            )
            reports.append(report)
            say(f"{where} skipped: {report.error}")
            continue

        # Hashed before grading, so a file edited while it is graded is graded again next run.
        digest = hashlib.sha256(path.read_bytes()).hexdigest()
        previous = done.get((student, stem))
        if previous is not None and previous.sha256 == digest:
            say(f"{where} {previous.score:g}/{previous.max_score:g} (unchanged, not regraded)")
            continue

        report = grade_file(path, stem)
        gradebook.record(
            course_dir, assignment, student, stem, report.tests,
            sha256=digest if report.error is None else None,
            timestamp=_submission_timestamp(path.parent),
        )
        reports.append(report)
        if report.error is None:
            say(f"{where} {report.score:g}/{report.max_score:g}")
        else:
            say(f"{where} {report.score:g}/{report.max_score:g} error: {report.error}")
    return reports


def submitted_files(course_dir: Path, assignment: str) -> list[tuple[str, Path]]:
    """``(student, path)`` of every ``submitted/<student>/<assignment>/*.ipynb``, sorted.

    Hidden folders and files (``.ipynb_checkpoints``, ``.alice``) are ignored.

    Raises
    ------
    CourseError
        If ``course_dir`` or ``course_dir/submitted`` is not a directory, or no student
        has a ``<assignment>`` folder (the message lists the assignments that were found).
    """
    course_dir = Path(course_dir)
    submitted = course_dir / "submitted"
    layout = f"submitted/<student>/{assignment}/*.ipynb"
    if not course_dir.is_dir():
        raise CourseError(
            f"no course directory at {course_dir}: expected an nbgrader course directory "
            f"holding {layout}"
        )
    if not submitted.is_dir():
        raise CourseError(
            f"no submitted/ folder in the course directory {course_dir}: expected "
            f"{course_dir / layout} (nbgrader collect puts submissions there)"
        )
    students = sorted(p for p in submitted.iterdir() if p.is_dir() and not p.name.startswith("."))
    folders = [s / assignment for s in students if (s / assignment).is_dir()]
    if not folders:
        found = sorted({
            a.name for s in students for a in s.iterdir()
            if a.is_dir() and not a.name.startswith(".")
        })
        raise CourseError(
            f"no submissions of assignment {assignment!r} in {submitted}: expected "
            f"{submitted}/<student>/{assignment}/*.ipynb; assignments found: "
            f"{', '.join(found) or 'none'}"
        )
    return [
        (folder.parent.name, path)
        for folder in folders
        for path in sorted(folder.glob("*.ipynb"))
        if path.is_file() and not path.name.startswith(".")
    ]


def _submission_timestamp(folder: Path) -> datetime | None:
    """When the student submitted, from nbgrader's ``timestamp.txt`` in the folder, in UTC."""
    path = folder / "timestamp.txt"
    text = path.read_text().strip() if path.is_file() else ""
    if not text:
        return None
    try:
        return parse_utc(text)
    except (ValueError, OverflowError) as e:
        raise CourseError(
            f"{path} holds {text!r}, not a timestamp like '2024-03-01 17:05:12.345 UTC' "
            f"(as nbgrader collect writes): {e}"
        ) from e
