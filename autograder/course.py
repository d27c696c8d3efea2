"""What grading means for an instructor: checks before grading, and a whole nbgrader course
graded into its gradebook.

The layout is nbgrader's (what ``nbgrader collect`` produces)::

    <course_dir>/
        gradebook.db                                  written here (see gradebook.py)
        submitted/<student>/<assignment>/<notebook>.ipynb
        submitted/<student>/<assignment>/timestamp.txt  optional: when the student submitted

An assignment is a week (``week2``); its notebooks are the specs of that week, by stem.

Grading is resumable: a submitted notebook whose content is unchanged since its results
were recorded is not graded again (the rule is in :mod:`autograder.gradebook`), so a run
that was interrupted, or a rerun after a few late submissions, grades only what is new.
What a file holds never stops the run: a file that is not a regular file inside its
student's folder (a symlink, say), or a ``timestamp.txt`` that is not a time, is named
in the progress and the report, and the run goes on.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable
from datetime import datetime
from pathlib import Path

from nbgrader.utils import parse_utc

from dlcheck.checks import GraderError, NotebookSpec
from dlcheck.results import SubmissionReport, TestResult
from dlcheck.text import Text, tr

from . import gradebook, secret, specs
from .engine import grade_submission
from .sandbox.isolation import Limits

NOT_IN_ASSIGNMENT = "not part of this assignment"

Progress = Callable[[str], None]


class CourseError(GraderError):
    """The course directory does not look the way nbgrader lays it out."""


# -- what is graded, and whether the grader can work --------------------------------------

def notebooks_of(assignment: str) -> dict[str, NotebookSpec]:
    """The specs of an assignment (a week), by notebook stem; CourseError names the known ones."""
    found = {s.stem: s for s in specs.notebooks().values() if s.week == assignment}
    if not found:
        weeks = sorted({s.week for s in specs.notebooks().values()})
        raise CourseError(f"no graded notebooks for assignment {assignment!r}; known: {', '.join(weeks)}")
    return found


def grade_cells(spec: NotebookSpec) -> list[tuple[str, float]]:
    """The nbgrader grade cells of a notebook: one per graded function, ``(test id, points)``."""
    return [(f.test_name, f.points) for f in spec.functions]


def preflight(notebooks: Iterable[NotebookSpec], *, dev_secret: bool) -> bytes:
    """Everything grading needs, checked before any file is graded: the data the hidden
    checks read, and the instructor's secret. Returns the secret; GraderError says what
    is missing and how to fix it."""
    from dldata.store import DataError, find_file

    for spec in notebooks:
        for name in spec.data_files:
            try:
                find_file(name)
            except DataError as exc:
                raise GraderError(str(exc)) from None
    return secret.for_grading(allow_development=dev_secret)


def grader(notebooks: dict[str, NotebookSpec], grading_secret: bytes,
           limits: Limits = Limits()) -> Callable[[Path, str], SubmissionReport]:
    """Grades one file given its path and notebook stem."""
    return lambda path, stem: grade_submission(path, notebooks[stem], secret=grading_secret, limits=limits)


def safe_name(text: str) -> str:
    """A file or folder name as it may appear on one line of progress: control characters
    (a newline that would forge a line) shown escaped."""
    return "".join(ch if ch.isprintable() else repr(ch)[1:-1] for ch in text)


# -- a whole course -----------------------------------------------------------------------

def grade_course(
    course_dir: Path,
    assignment: str,
    grade_file: Callable[[Path, str], SubmissionReport],
    notebooks: dict[str, list[tuple[str, float]]],
    *,
    progress: Progress | None = None,
    force: bool = False,
) -> list[SubmissionReport]:
    """Grade ``submitted/<student>/<assignment>/*.ipynb`` and record the scores in the gradebook.

    Files are taken in sorted order (student, then file name). For each file whose stem is
    a key of ``notebooks``, ``grade_file(path, stem)`` grades it and the results are
    recorded with :func:`autograder.gradebook.record`, one transaction per file, so an
    interrupted run keeps everything recorded before the interruption. The gradebook is
    opened once for the run.

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
        The report of each file graded in this run, and of each file not graded: one
        whose stem is not in ``notebooks`` (error ``"not part of this assignment ..."``)
        or that is not a regular file of the student's folder (scored 0, recorded).
        Files skipped as unchanged are not in the list (their line in ``progress`` says so).

    Raises
    ------
    CourseError
        If the course directory, its ``submitted/`` folder, or any submission of
        ``assignment`` is missing.
    """
    course_dir = Path(course_dir)
    files = submitted_files(course_dir, assignment)
    say = progress or (lambda line: None)
    reports = []
    with gradebook.opened(course_dir) as gb:
        gradebook.ensure_assignment(gb, assignment, notebooks)
        done = {} if force else gradebook.recorded(gb, assignment)
        for i, (student, path) in enumerate(files, start=1):
            where = f"[{i}/{len(files)}] {safe_name(student)}/{safe_name(path.name)}"
            stem = path.stem.removesuffix(".ko")  # the Korean edition is the same notebook
            if stem not in notebooks:
                expected = ", ".join(f"{name}.ipynb" for name in sorted(notebooks))
                report = SubmissionReport(submission=str(path), notebook=stem,
                                          error=f"{NOT_IN_ASSIGNMENT} {assignment!r} (expected {expected})")
                reports.append(report)
                say(f"{where} skipped: {report.error}")
                continue
            refused = _not_a_regular_file(path, course_dir / "submitted" / student)
            if refused:
                report = _refused(path, stem, notebooks[stem], refused)
                gradebook.record(gb, assignment, student, stem, report.tests, sha256=None)
                reports.append(report)
                say(f"{where} 0: {report.error}")
                continue

            # Hashed before grading, so a file edited while it is graded is graded again next run.
            digest = hashlib.sha256(path.read_bytes()).hexdigest()
            previous = done.get((student, stem))
            if previous is not None and previous.sha256 == digest:
                say(f"{where} {previous.score:g}/{previous.max_score:g} (unchanged, not regraded)")
                continue

            report = grade_file(path, stem)
            timestamp, warning = _submission_timestamp(path.parent)
            if warning:
                say(f"{where} warning: {warning}")
            gradebook.record(gb, assignment, student, stem, report.tests,
                             sha256=digest if report.error is None else None, timestamp=timestamp)
            reports.append(report)
            status = f"{report.score:g}/{report.max_score:g}"
            say(f"{where} {status}" if report.error is None else f"{where} {status} error: {report.error}")
    return reports


def _not_a_regular_file(path: Path, student_folder: Path) -> Text | None:
    """Why ``path`` is not graded as the student's own file, or None."""
    if path.is_symlink():
        return tr("it is a symbolic link; only the student's own files are graded",
                  "심볼릭 링크입니다. 학생 본인의 파일만 채점합니다")
    try:
        inside = path.resolve().is_relative_to(student_folder.resolve())
    except OSError:
        inside = False
    if not inside or not path.is_file():
        return tr("it is not a regular file inside the student's folder", "학생 폴더 안의 일반 파일이 아닙니다")
    return None


def _refused(path: Path, stem: str, cells: list[tuple[str, float]], why: Text) -> SubmissionReport:
    reason = tr("not graded: {why}", "채점하지 않음: {why}", why=why)
    tests = [TestResult(name, name.removeprefix("test_"), 0.0, points, False, reason) for name, points in cells]
    return SubmissionReport(submission=str(path), notebook=stem, tests=tests, error=why)


def submitted_files(course_dir: Path, assignment: str) -> list[tuple[str, Path]]:
    """``(student, path)`` of every ``submitted/<student>/<assignment>/*.ipynb``, sorted.

    Hidden folders and files (``.ipynb_checkpoints``, ``.alice``) are ignored; symbolic
    links are listed (and refused by :func:`grade_course`), not followed.

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
        raise CourseError(f"no course directory at {course_dir}: expected an nbgrader course directory "
                          f"holding {layout}")
    if not submitted.is_dir():
        raise CourseError(f"no submitted/ folder in the course directory {course_dir}: expected "
                          f"{course_dir / layout} (nbgrader collect puts submissions there)")
    students = sorted(p for p in submitted.iterdir()
                      if p.is_dir() and not p.is_symlink() and not p.name.startswith("."))
    folders = [s / assignment for s in students if (s / assignment).is_dir() and not (s / assignment).is_symlink()]
    if not folders:
        found = sorted({a.name for s in students for a in s.iterdir() if a.is_dir() and not a.name.startswith(".")})
        raise CourseError(f"no submissions of assignment {assignment!r} in {submitted}: expected "
                          f"{submitted}/<student>/{assignment}/*.ipynb; assignments found: {', '.join(found) or 'none'}")
    return [(folder.parent.name, path) for folder in folders for path in sorted(folder.glob("*.ipynb"))
            if not path.name.startswith(".")]


def _submission_timestamp(folder: Path) -> tuple[datetime | None, str | None]:
    """When the student submitted, from nbgrader's ``timestamp.txt`` in the folder, in UTC;
    and a warning when the file is there but is not a time (then no timestamp is used)."""
    path = folder / "timestamp.txt"
    try:
        text = path.read_text(errors="replace").strip() if path.is_file() and not path.is_symlink() else ""
    except OSError:
        text = ""
    if not text:
        return None, None
    try:
        return parse_utc(text), None
    except (ValueError, OverflowError) as e:
        return None, (f"{path} holds {safe_name(text[:80])!r}, not a timestamp like '2024-03-01 17:05:12.345 UTC' "
                      f"(as nbgrader collect writes): {e}; graded without a submission time")


def grade_assignment(course_dir: Path, assignment: str, *, dev_secret: bool = False, force: bool = False,
                     limits: Limits = Limits(), progress: Progress | None = None) -> list[SubmissionReport]:
    """Check, then grade every submission of ``assignment`` into the course's gradebook."""
    notebooks = notebooks_of(assignment)
    grading_secret = preflight(notebooks.values(), dev_secret=dev_secret)
    return grade_course(Path(course_dir), assignment, grader(notebooks, grading_secret, limits),
                        {stem: grade_cells(spec) for stem, spec in notebooks.items()},
                        progress=progress, force=force)

