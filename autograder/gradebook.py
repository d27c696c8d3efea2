"""Scores into nbgrader's gradebook, so that ``nbgrader export`` and formgrader see them.

The gradebook is nbgrader's own database, ``gradebook.db`` in the course directory,
written through nbgrader's ORM (:mod:`nbgrader.api`). Each graded function is one
autograded *code* grade cell named by its test id (``"test_propagate"``) and worth the
function's points; the student's Grade for that cell holds the points earned in
``auto_score``. Each graded function also has a *solution* cell named by the function
(``"propagate"``, the grade_id of the student notebook's solution cell), whose Comment holds
the function's message in ``auto_comment``, so formgrader and ``nbgrader generate_feedback``
show it. Entry points:

- :func:`ensure_assignment` declares an assignment, its notebooks, grade and solution cells.
- :func:`record` writes the results of one submitted notebook, all or nothing.
- :func:`record_missing` scores a notebook the student did not hand in 0, as nbgrader does.
- :func:`recorded` says which submitted notebooks are recorded for their current content,
  and whether another tool changed their scores since.
- :func:`assignment_scores` lists every student's score per notebook (the course CSV).

Resumability rule
-----------------
A (student, notebook) pair counts as recorded, and is not graded again by
``autograde course`` (unless ``--force``), when both hold:

1. the sha256 of the submitted file equals the hash stored by the last :func:`record`;
2. every code grade cell of the notebook has a Grade with an ``auto_score``.

The hash is kept in one extra table of the same database, ``autograder_recorded_file``
(assignment, student, notebook, sha256), written in the same transaction as the scores,
so scores and the hash of the file they came from never disagree. A second table,
``autograder_report``, keeps what was written (the scores, and the report the feedback is
made from), so a later run sees when another tool (``nbgrader autograde``, a script)
replaced our scores: :attr:`Recorded.changed_by_others`; and with them the graded code's
fingerprints, for the class page (:mod:`autograder.review`). A third,
``autograder_listed_file``, keeps the files the last run did not grade and why. Nothing is stored outside the
gradebook; nbgrader ignores tables it does not know (its ``create_all`` and its alembic
migrations only touch their own tables).

Rule 2 sends a notebook back for grading when a grade cell was added since, when nbgrader
deleted the submission, or when the last results were incomplete. Changing a grade cell's
points in :func:`ensure_assignment` forgets the hashes of that notebook, for the same
reason. Changing the checks without changing the file does *not* trigger a regrade: that
is what ``force`` is for. nbgrader's own fields were not used because
``SubmittedAssignment.timestamp`` is one per assignment, not per notebook, and means "when
the student submitted" (late penalties are computed from it), and file mtimes change
when files are copied around without their content changing.

nbgrader API surprises (0.9.6) that shape this module
-----------------------------------------------------
- Every ``add_*`` and ``update_or_create_*`` method of ``Gradebook`` commits on its own,
  so a sequence of them is not atomic. :func:`record` builds rows with nbgrader's ORM
  classes on ``gb.db`` instead and commits once.
- ``add_submission`` mirrors the assignment as it is *at that moment* (a Grade per grade
  cell, a Comment per solution cell). A notebook or grade cell added later has no row in
  older submissions; :func:`record` adds the missing ones.
- A new Grade has ``needs_manual_grade=True``. nbgrader's own autograder clears it when it
  sets an auto score and there is no manual score; :func:`record` does the same, or
  formgrader would list every submission as needing manual grading.
- ``Gradebook(url)`` on a *fresh* database runs the ``alembic`` command in a subprocess
  (``nbgrader.api.get_alembic_version``): about 2 s, and ``FileNotFoundError: 'alembic'``
  when the venv is not activated. :func:`_initialize` creates a fresh database the way
  ``Gradebook.__init__`` does, but asks alembic's Python API for the schema version.
- Source cells are not needed: ``nbgrader export`` and formgrader's scores read grade cells
  and grades only. Source cells matter to ``nbgrader autograde`` (it overwrites students'
  cells from them), which this grader replaces.
- ``nbgrader export`` writes one row per (assignment, student), not per notebook, with
  ``raw_score`` the sum of all the student's grades and ``max_score`` the assignment's.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from nbgrader import utils as nbgrader_utils
from nbgrader.api import (
    Assignment,
    Base,
    BaseCell,
    Comment,
    Grade,
    Gradebook,
    GradeCell,
    MissingEntry,
    Notebook,
    Student,
    SubmittedAssignment,
    SubmittedNotebook,
)
from sqlalchemy import (
    Column,
    MetaData,
    String,
    Table,
    Text,
    and_,
    create_engine,
    delete,
    insert,
    inspect,
    select,
    text,
)
from sqlalchemy.orm import Session, object_session

from dlcheck.results import SubmissionReport, TestResult
from dlcheck.text import Text as TextMessage  # sqlalchemy's Text is a column type
from dlcheck.text import as_text

from .gradebook_peek import RECORDED_FILES
from .inert import markdown_or_text

#: The course id written on new assignments: nbgrader's ``CourseDirectory.course_id``
#: default, i.e. what nbgrader's own commands write when the course does not set one.
COURSE_ID = ""

_metadata = MetaData()

#: Which file content each recorded (assignment, student, notebook) was graded from.
recorded_files = Table(
    RECORDED_FILES,
    _metadata,
    Column("assignment", String(128), primary_key=True),
    Column("student", String(128), primary_key=True),
    Column("notebook", String(128), primary_key=True),
    Column("sha256", String(64), nullable=False),
)

#: What autograde last wrote for each (assignment, student, notebook): the report's JSON
#: (:data:`dlcheck.results.SCHEMA`) with ``"scores"`` (grade cell -> auto score written).
reports = Table(
    "autograder_report",
    _metadata,
    Column("assignment", String(128), primary_key=True),
    Column("student", String(128), primary_key=True),
    Column("notebook", String(128), primary_key=True),
    Column("report", Text, nullable=False),
)

#: The files of each assignment's last ``autograde course`` run that were not graded, and
#: why (a link, another copy chosen, not part of the assignment...), for the class page.
listed_files = Table(
    "autograder_listed_file",
    _metadata,
    Column("assignment", String(128), primary_key=True),
    Column("student", String(128), primary_key=True),
    Column("file", String(512), primary_key=True),
    Column("why", Text, nullable=False),
)


class GradebookError(ValueError):
    """The gradebook and what we are asked to write into it disagree."""


@dataclass(frozen=True)
class Recorded:
    """What the gradebook holds for one submitted notebook (see the resumability rule).

    Attributes
    ----------
    sha256 : str
        Hex digest of the submitted file the scores were computed from.
    scores : dict of str to float
        The auto score of each code grade cell, as the gradebook holds it now.
    max_scores : dict of str to float
        The points of each code grade cell.
    written : dict of str to float, optional
        The auto scores autograde wrote; ``None`` for a gradebook written before they were
        kept (then a change by another tool cannot be seen).
    report : SubmissionReport, optional
        The report stored with them (what the feedback is made from); ``None`` when none
        was kept or it cannot be read.
    """

    sha256: str
    scores: dict[str, float]
    max_scores: dict[str, float]
    written: dict[str, float] | None = None
    report: SubmissionReport | None = None

    @property
    def score(self) -> float:
        return sum(self.scores.values())

    @property
    def max_score(self) -> float:
        return sum(self.max_scores.values())

    @property
    def changed_by_others(self) -> dict[str, tuple[float, float]]:
        """Grade cell -> (score autograde wrote, score now) for each score another tool
        replaced since (e.g. ``nbgrader autograde`` run after us)."""
        if self.written is None:
            return {}
        return {name: (self.written.get(name), now) for name, now in self.scores.items()
                if self.written.get(name) != now}


def db_url(db_url_or_course_dir: str | Path) -> str:
    """The SQLAlchemy URL of a gradebook: given as is, or ``<course_dir>/gradebook.db``.

    The latter is nbgrader's default ``CourseDirectory.db_url``.
    """
    given = str(db_url_or_course_dir)
    if "://" in given:
        return given
    course_dir = Path(given)
    if not course_dir.is_dir():
        raise GradebookError(
            f"no course directory at {course_dir}: expected an nbgrader course directory "
            "whose gradebook is gradebook.db (or a database URL such as sqlite:///path.db)"
        )
    return f"sqlite:///{(course_dir / 'gradebook.db').resolve()}"


def solution_name(grade_id: str) -> str:
    """The solution cell of a graded function's grade cell: ``"test_propagate"`` -> ``"propagate"``."""
    return grade_id.removeprefix("test_")


def ensure_assignment(
    gb: Gradebook,
    assignment: str,
    notebooks: dict[str, list[tuple[str, float]]],
) -> None:
    """Create or update an assignment, its notebooks and their autograded grade cells.

    Parameters
    ----------
    gb : Gradebook
        The open gradebook (:func:`opened`).
    assignment : str
        The assignment name, e.g. ``"week2"``: the folder name under ``submitted/<student>/``.
    notebooks : dict of str to list of (str, float)
        Notebook name (the file stem, e.g. ``"logistic_regression"``) to its grade cells,
        ``[(grade_id, max_score), ...]`` with ``grade_id`` the test id ``"test_<function>"``.
        Each also gets a solution cell named by :func:`solution_name` (the function).

    Raises
    ------
    GradebookError
        If ``notebooks`` is malformed, or the gradebook has code grade cells in this
        assignment that ``notebooks`` does not list (an autograded function or notebook
        that was removed): they would hold points nobody grades any more. Remove them
        from the gradebook on purpose (e.g. ``nbgrader db assignment remove``) or keep
        the function.

    Notes
    -----
    Not one transaction (nbgrader's ``update_or_create_*`` each commit), but idempotent:
    an interrupted call is completed by running it again; a gradebook that already
    declares it all is only read. Cells nbgrader made itself
    (markdown grade cells, task and solution cells) are left alone.
    """
    _check_notebooks(notebooks)
    try:
        existing = gb.find_assignment(assignment).notebooks
    except MissingEntry:
        existing = []
    code = [(notebook, _code_cells(notebook)) for notebook in existing]
    stale = [
        f"{assignment}/{notebook.name}/{cell.name}"
        for notebook, cells in code
        for cell in cells
        if cell.name not in {grade_id for grade_id, _ in notebooks.get(notebook.name, [])}
    ]
    if stale:
        raise GradebookError(
            f"the gradebook {gb.engine.url} has autograded grade cells that this "
            f"assignment no longer defines: {', '.join(sorted(stale))}; remove them from "
            "the gradebook or keep the functions they grade"
        )
    if _declared(code) == {(name, grade_id): float(points) for name, cells in notebooks.items()
                               for grade_id, points in cells}:
        return  # every run after the first: nbgrader's update_or_create_* would each commit, changing nothing

    gb.update_or_create_assignment(assignment)
    for notebook_name, cells in notebooks.items():
        gb.update_or_create_notebook(notebook_name, assignment)
        for grade_id, max_score in cells:
            try:
                old = gb.find_grade_cell(grade_id, notebook_name, assignment).max_score
            except MissingEntry:
                old = None
            if old is not None and old != float(max_score):
                # Scores recorded against the old points must be recomputed.
                # Forget first: a crash in between then costs a regrade, not a stale score.
                _forget(gb.db, assignment, notebook_name)
                gb.db.commit()
            gb.update_or_create_grade_cell(
                grade_id, notebook_name, assignment,
                max_score=float(max_score), cell_type="code",
            )
            gb.update_or_create_solution_cell(solution_name(grade_id), notebook_name, assignment)


def _declared(code: list[tuple[Notebook, list[GradeCell]]]) -> dict[tuple[str, str], float]:
    """(notebook, grade cell) -> points of each code grade cell that has its solution cell
    (what :func:`ensure_assignment` declares), of ``(notebook, its code grade cells)``."""
    declared = {}
    for notebook, cells in code:
        solutions = {cell.name for cell in notebook.solution_cells}
        declared.update({(notebook.name, cell.name): cell.max_score for cell in cells
                         if solution_name(cell.name) in solutions})
    return declared


def record(
    gb: Gradebook,
    assignment: str,
    student: str,
    notebook: str,
    report: SubmissionReport,
    *,
    sha256: str | None = None,
    timestamp: datetime | str | None = None,
    code: dict | None = None,
) -> None:
    """Write one submitted notebook's report into the gradebook, in one transaction.

    Adds the student and the submission if absent, then sets the ``auto_score`` of the
    student's Grade of each code grade cell of ``notebook``: the score of the report's
    TestResult whose ``name`` is the cell's name, or ``None`` (ungraded, flagged for manual
    grading) for a cell no TestResult covers, so nothing from an older version of the file
    survives; and the ``auto_comment`` of the function's solution cell: the result's
    message, in the current language. Manual scores and comments are kept; as in
    nbgrader, a grade with a manual score stays flagged for review. The report itself is
    kept beside them (``autograder_report``; :attr:`Recorded.report`). Recording the same
    report again changes nothing.

    Parameters
    ----------
    gb : Gradebook
        The open gradebook (:func:`opened`).
    assignment, student, notebook : str
        Assignment name, student id (the folder under ``submitted/``), notebook stem.
    report : SubmissionReport
        The results; each test's ``name`` must be a code grade cell of the notebook with
        the same ``max_score``, and ``0 <= score <= max_score``.
    sha256 : str, optional
        Hex digest of the graded file. Stored for :func:`recorded`; ``None`` forgets any
        stored one, so the notebook counts as not recorded (used for failed gradings).
    timestamp : datetime or str, optional
        When the student submitted (nbgrader's ``timestamp.txt``); sets the submission's
        timestamp, which ``nbgrader export`` lists. ``None`` leaves it as it is.
    code : dict, optional
        The graded code's fingerprints, kept with the report as ``"code"`` (what the class
        page compares, :mod:`autograder.review`).

    Raises
    ------
    GradebookError
        If the assignment or notebook is not in the gradebook (call
        :func:`ensure_assignment` first), or a TestResult does not match a grade cell.
        The gradebook is then unchanged, as it is after any other exception.
    """
    tests = list(report.tests)
    session = gb.db
    try:
        _record(session, assignment, student, notebook, tests, sha256, timestamp)
        _store_report(session, assignment, student, notebook,
                      {**report.to_json(), "scores": {t.name: float(t.score) for t in tests},
                       **({"code": code} if code is not None else {})})
        session.commit()
    except BaseException:
        session.rollback()
        raise


def recorded(gb: Gradebook, assignment: str) -> dict[tuple[str, str], Recorded]:
    """The (student, notebook) pairs of ``assignment`` whose results are complete.

    A pair is listed when :func:`record` stored a file hash for it and every code grade
    cell of the notebook has an ``auto_score`` (the module's resumability rule); the
    caller compares ``sha256`` with the file's current hash, and looks at
    :attr:`Recorded.changed_by_others`.
    """
    session = gb.db
    rows = session.execute(
        select(recorded_files).where(recorded_files.c.assignment == assignment)
    ).all()
    stored = {(r.student, r.notebook): json.loads(r.report) for r in session.execute(
        select(reports).where(reports.c.assignment == assignment)).all()}
    out = {}
    for row in rows:
        try:
            submitted = gb.find_submission_notebook(row.notebook, assignment, row.student)
        except MissingEntry:
            continue
        cells = _code_cells(submitted.notebook)
        grades = {g.cell_id: g for g in submitted.grades}
        scores = {c.name: grades[c.id].auto_score if c.id in grades else None for c in cells}
        if not cells or any(s is None for s in scores.values()):
            continue
        kept = stored.get((row.student, row.notebook))
        out[row.student, row.notebook] = Recorded(
            sha256=row.sha256,
            scores=scores,
            max_scores={c.name: c.max_score for c in cells},
            written=None if kept is None else kept.get("scores"),
            report=None if kept is None else report_of(kept),
        )
    return out


def report_of(kept: dict) -> SubmissionReport | None:
    """The report kept with a notebook's scores, or None: none (only scores were kept) or
    not one this grader reads (a newer schema, say; the notebook is then graded again)."""
    try:
        return SubmissionReport.from_json(kept)
    except (KeyError, TypeError, ValueError):
        return None


def kept_reports(gb: Gradebook, assignment: str) -> dict[tuple[str, str], dict]:
    """What :func:`record` and :func:`record_missing` kept for each (student, notebook) of
    ``assignment``, as stored: a report's JSON with ``"scores"`` (and ``"code"``), or
    ``{"missing": true}``; an entry that is not JSON is left out."""
    out = {}
    for row in gb.db.execute(select(reports).where(reports.c.assignment == assignment)).all():
        try:
            out[row.student, row.notebook] = json.loads(row.report)
        except ValueError:
            continue
    return out


def record_listed(gb: Gradebook, assignment: str, files: list[tuple[str, str, TextMessage]]) -> None:
    """Keep the files of a run of ``assignment`` that were not graded, ``(student, file
    relative to the student's folder, why)``, in place of the previous run's (one transaction)."""
    session = gb.db
    try:
        session.execute(listed_files.delete().where(listed_files.c.assignment == assignment))
        unique = {(student, file): why for student, file, why in files}
        for (student, file), why in sorted(unique.items()):
            session.execute(insert(listed_files).values(assignment=assignment, student=student, file=file,
                                                        why=json.dumps(why.as_dict(), ensure_ascii=False)))
        session.commit()
    except BaseException:
        session.rollback()
        raise


def listed(gb: Gradebook, assignment: str) -> list[tuple[str, str, TextMessage]]:
    """What :func:`record_listed` kept for ``assignment``, by student and file."""
    rows = gb.db.execute(select(listed_files).where(listed_files.c.assignment == assignment)).all()
    out = []
    for row in sorted(rows, key=lambda r: (r.student, r.file)):
        try:
            out.append((row.student, row.file, TextMessage(**json.loads(row.why))))
        except (ValueError, TypeError):
            continue
    return out


def record_missing(gb: Gradebook, assignment: str, student: str, notebook: str,
                   comment: str) -> bool:
    """Score a notebook the student did not hand in 0, as ``nbgrader autograde`` does.

    The student's submission of ``assignment`` (created if absent) gets an auto score of 0
    and no manual-grading flag on each code grade cell of ``notebook``, and ``comment`` on
    each of its solution cells; any hash recorded for it is forgotten, so the notebook is
    graded when it is handed in. Manual scores are kept. One transaction; nothing is
    written when the gradebook already says so.

    Returns
    -------
    bool
        Whether anything changed.
    """
    session = gb.db
    try:
        submitted = _submitted_notebook(session, assignment, student, notebook)
        grades = {g.cell_id: g for g in submitted.grades}
        comments = {c.cell_id: c for c in submitted.comments}
        changed = session.new or session.dirty
        for cell in _code_cells(submitted.notebook):
            grade = grades[cell.id]
            if grade.auto_score != 0 or grade.needs_manual_grade != (grade.manual_score is not None):
                _set_auto_score(grade, 0.0)
                changed = True
        for cell in _own_solution_cells(submitted.notebook):
            if comments[cell.id].auto_comment != comment:
                comments[cell.id].auto_comment = comment
                changed = True
        if session.execute(select(recorded_files.c.sha256).where(
                _where(recorded_files, assignment, notebook, student))).first() is not None:
            _forget(session, assignment, notebook, student)
            changed = True
        changed = _store_report(session, assignment, student, notebook, {"missing": True}) or changed
        session.commit()
        return bool(changed)
    except BaseException:
        session.rollback()
        raise


def final_scores(gb: Gradebook, assignment: str, student: str,
                 notebook: str) -> dict[str, float | None]:
    """Grade cell -> the score that counts (a manual score wins, as in nbgrader) of one
    student's notebook; empty when there is no submission."""
    try:
        submitted = gb.find_submission_notebook(notebook, assignment, student)
    except MissingEntry:
        return {}
    rows = gb.db.execute(select(BaseCell.name, Grade.score, Grade.auto_score, Grade.manual_score)
                         .join(BaseCell, BaseCell.id == Grade.cell_id).where(Grade.notebook_id == submitted.id))
    return {name: score if (auto, manual) != (None, None) else None for name, score, auto, manual in rows}


def notebook_names(gb: Gradebook, assignment: str) -> list[str]:
    """The names of the assignment's notebooks in the gradebook (none if it has no such assignment)."""
    try:
        return sorted(nb.name for nb in gb.find_assignment(assignment).notebooks)
    except MissingEntry:
        return []


@dataclass(frozen=True)
class StudentScores:
    """One student's scores in an assignment, by notebook (``None``: no submission row),
    and the isolation levels their notebooks were graded at (``""`` if none recorded)."""

    student: str
    notebooks: dict[str, float | None]
    max_scores: dict[str, float]
    isolation: str = ""

    @property
    def score(self) -> float:
        return sum(s or 0.0 for s in self.notebooks.values())

    @property
    def max_score(self) -> float:
        return sum(self.max_scores.values())


def assignment_scores(gb: Gradebook, assignment: str) -> list[StudentScores]:
    """Every student of the gradebook with their score in each notebook of ``assignment``
    (manual scores win over auto scores, as in nbgrader), sorted by student id."""
    try:
        found = gb.find_assignment(assignment)
    except MissingEntry:
        known = ", ".join(sorted(a.name for a in gb.assignments)) or "none"
        raise GradebookError(f"the gradebook {gb.engine.url} has no assignment {assignment!r}; "
                             f"it has: {known}") from None
    maxima = {nb.name: nb.max_score for nb in sorted(found.notebooks, key=lambda n: n.name)}
    levels: dict[str, set[str]] = {}
    for row in gb.db.execute(select(reports).where(reports.c.assignment == assignment)).all():
        level = json.loads(row.report).get("isolation")
        if level:
            levels.setdefault(row.student, set()).add(level)
    out = []
    for student in sorted(gb.students, key=lambda s: s.id):
        try:
            submission = gb.find_submission(assignment, student.id)
        except MissingEntry:
            scores = dict.fromkeys(maxima)
        else:
            by_name = {nb.name: nb.score for nb in submission.notebooks}
            scores = {name: by_name.get(name) for name in maxima}
        out.append(StudentScores(student.id, scores, maxima, ", ".join(sorted(levels.get(student.id, ())))))
    return out


def _submitted_notebook(session: Session, assignment: str, student: str, notebook: str) -> SubmittedNotebook:
    """The student's SubmittedNotebook of ``notebook``, created (with the submission,
    mirroring the assignment as nbgrader does) when absent; never commits."""
    nb = _find_notebook(session, assignment, notebook)
    student_row = session.get(Student, student)
    if student_row is None:
        student_row = Student(id=student)
        session.add(student_row)
    submission = session.scalars(
        select(SubmittedAssignment).where(
            SubmittedAssignment.assignment_id == nb.assignment.id,
            SubmittedAssignment.student_id == student,
        )
    ).one_or_none()
    if submission is None:
        # As Gradebook.add_submission: the submission mirrors the whole assignment.
        submission = SubmittedAssignment(assignment=nb.assignment, student=student_row)
        session.add(submission)
        for other in nb.assignment.notebooks:
            other_submitted = SubmittedNotebook(notebook=other, assignment=submission)
            session.add(other_submitted)
            _mirror(session, other, other_submitted)
    submitted = next((s for s in submission.notebooks if s.notebook_id == nb.id), None)
    if submitted is None:  # the notebook was added to the assignment after the submission
        submitted = SubmittedNotebook(notebook=nb, assignment=submission)
        session.add(submitted)
    _mirror(session, nb, submitted)
    return submitted


def _store_report(session: Session, assignment: str, student: str, notebook: str, report: dict) -> bool:
    """Keep ``report`` for the notebook (replacing the previous one); whether it changed."""
    text_ = json.dumps(report, sort_keys=True, ensure_ascii=False)
    where = _where(reports, assignment, notebook, student)
    old = session.execute(select(reports.c.report).where(where)).scalar_one_or_none()
    if old == text_:
        return False
    if old is None:
        session.execute(insert(reports).values(assignment=assignment, student=student, notebook=notebook,
                                               report=text_))
    else:
        session.execute(reports.update().where(where).values(report=text_))
    return True


def _record(
    session: Session,
    assignment: str,
    student: str,
    notebook: str,
    tests: list[TestResult],
    sha256: str | None,
    timestamp: datetime | str | None,
) -> None:
    """The body of :func:`record`: checks everything, then adds rows, never commits."""
    nb = _find_notebook(session, assignment, notebook)
    cells = {c.name: c for c in _code_cells(nb)}
    results = _check_results(tests, cells, f"{assignment}/{notebook}")
    if timestamp is not None:
        try:
            timestamp = nbgrader_utils.parse_utc(timestamp)
        except (ValueError, OverflowError) as e:
            raise GradebookError(f"unreadable submission timestamp {timestamp!r}: {e}") from e

    submitted = _submitted_notebook(session, assignment, student, notebook)
    if timestamp is not None:
        submitted.assignment.timestamp = timestamp

    grades = {g.cell_id: g for g in submitted.grades}
    for name, cell in cells.items():
        result = results.get(name)
        _set_auto_score(grades[cell.id], None if result is None else float(result.score))
    comments = {c.cell_id: c for c in submitted.comments}
    by_function = {solution_name(t.name): t for t in results.values()}
    for cell in _own_solution_cells(nb):
        result = by_function.get(cell.name)
        comments[cell.id].auto_comment = None if result is None else comment_text(result)

    _forget(session, assignment, notebook, student)
    if sha256 is not None:
        session.execute(
            insert(recorded_files).values(
                assignment=assignment, student=student, notebook=notebook, sha256=sha256
            )
        )


def comment_text(result: TestResult) -> str:
    """A function's gradebook comment: its points, then its message in the current language.

    ``nbgrader generate_feedback`` renders comments as markdown, raw HTML included, and a
    message may quote what student code raised: one that would render as more than text
    is written as text (:func:`autograder.inert.markdown_or_text`)."""
    return markdown_or_text(f"{result.function}: {result.score:g}/{result.max_score:g}. "
                            f"{as_text(result.message).render()}")


def _set_auto_score(grade: Grade, auto_score: float | None) -> None:
    """Set a grade's auto score and its review flag, as nbgrader's SaveAutoGrades does."""
    grade.auto_score = auto_score
    grade.needs_manual_grade = grade.manual_score is not None or auto_score is None


def _check_results(
    tests: list[TestResult], cells: dict[str, GradeCell], where: str
) -> dict[str, TestResult]:
    """The results by name, after checking each against the gradebook's grade cell."""
    results: dict[str, TestResult] = {}
    for t in tests:
        if t.name in results:
            raise GradebookError(f"two results named {t.name!r} for {where}")
        cell = cells.get(t.name)
        if cell is None:
            raise GradebookError(
                f"result {t.name!r} has no grade cell in {where}; the gradebook knows "
                f"{sorted(cells) or 'none'} (run ensure_assignment with this function)"
            )
        if float(t.max_score) != cell.max_score:
            raise GradebookError(
                f"result {t.name!r} is out of {t.max_score:g} points but grade cell "
                f"{where}/{t.name} is out of {cell.max_score:g}"
            )
        if not 0 <= t.score <= t.max_score:
            raise GradebookError(
                f"result {t.name!r} scores {t.score:g}, outside [0, {t.max_score:g}]"
            )
        results[t.name] = t
    return results


def _find_notebook(session: Session, assignment: str, notebook: str) -> Notebook:
    found = session.scalars(
        select(Notebook)
        .join(Assignment, Assignment.id == Notebook.assignment_id)
        .where(Assignment.name == assignment, Notebook.name == notebook)
    ).one_or_none()
    if found is not None:
        return found
    known = session.scalars(select(Assignment).where(Assignment.name == assignment)).one_or_none()
    if known is None:
        raise GradebookError(
            f"the gradebook has no assignment {assignment!r}; call ensure_assignment first"
        )
    raise GradebookError(
        f"the gradebook has no notebook {notebook!r} in assignment {assignment!r} "
        f"(it has {[n.name for n in known.notebooks]}); call ensure_assignment first"
    )


def _code_cells(notebook: Notebook) -> list[GradeCell]:
    """The autograded grade cells of a notebook, sorted by name: in one query (through
    ``notebook.grade_cells``, each cell's own columns took a query per cell)."""
    cells = object_session(notebook).scalars(
        select(GradeCell).where(GradeCell.notebook_id == notebook.id, GradeCell.cell_type == "code"))
    return sorted(cells, key=lambda c: c.name)


def _own_solution_cells(notebook: Notebook) -> list:
    """The solution cells named after this notebook's code grade cells (ours, not nbgrader's)."""
    names = {solution_name(c.name) for c in _code_cells(notebook)}
    return [c for c in notebook.solution_cells if c.name in names]


def _mirror(session: Session, notebook: Notebook, submitted: SubmittedNotebook) -> None:
    """Give ``submitted`` the Grades and Comments ``Gradebook.add_submission`` would have.

    Each new row is added to the session explicitly: SQLAlchemy 2 no longer cascades an
    object into the session through a backref (``Grade(notebook=submitted)``).
    """
    graded = {g.cell_id for g in submitted.grades}
    commented = {c.cell_id for c in submitted.comments}
    for cell in notebook.grade_cells + notebook.task_cells:
        if cell.id not in graded:
            session.add(Grade(cell_id=cell.id, notebook=submitted))
    for cell in notebook.solution_cells + notebook.task_cells:
        if cell.id not in commented:
            session.add(Comment(cell_id=cell.id, notebook=submitted))


def _where(table: Table, assignment: str, notebook: str, student: str | None = None):
    """The rows of ``table`` for a notebook: of one student, or of all."""
    where = and_(table.c.assignment == assignment, table.c.notebook == notebook)
    return where if student is None else and_(where, table.c.student == student)


def _forget(session: Session, assignment: str, notebook: str, student: str | None = None) -> None:
    """Delete stored file hashes of a notebook: of one student, or of all."""
    session.execute(delete(recorded_files).where(_where(recorded_files, assignment, notebook, student)))


def _check_notebooks(notebooks: dict[str, list[tuple[str, float]]]) -> None:
    if not notebooks:
        raise GradebookError("an assignment needs at least one notebook")
    for name, cells in notebooks.items():
        if not name or Path(name).name != name or name.endswith(".ipynb"):
            raise GradebookError(f"notebook name {name!r} must be a file stem, e.g. 'logistic_regression'")
        if not cells:
            raise GradebookError(f"notebook {name!r} has no grade cells")
        ids = [grade_id for grade_id, _ in cells]
        if len(set(ids)) != len(ids):
            raise GradebookError(f"notebook {name!r} lists a grade cell twice: {ids}")
        for grade_id, max_score in cells:
            if not grade_id or not max_score > 0:
                raise GradebookError(
                    f"grade cell {grade_id!r} of notebook {name!r} needs a name and "
                    f"positive points, got {max_score!r}"
                )


@contextmanager
def opened(db_url_or_course_dir: str | Path) -> Iterator[Gradebook]:
    """An open nbgrader Gradebook (the database created if needed), closed afterwards.

    The functions of this module take it, so a whole run opens the database once.
    """
    url = db_url(db_url_or_course_dir)
    _initialize(url)
    gb = Gradebook(url, course_id=COURSE_ID)
    try:
        yield gb
    finally:
        gb.close()


def _initialize(url: str) -> None:
    """Create nbgrader's tables, its schema version, and our side table, where missing.

    For a database without tables this is what ``Gradebook.__init__`` does, except that
    the alembic head revision comes from alembic's Python API instead of the ``alembic``
    command (see the module docstring). ``nbgrader db upgrade`` relies on that version.
    """
    engine = create_engine(url)
    try:
        fresh = not inspect(engine).get_table_names()
        with engine.begin() as connection:
            if fresh:
                Base.metadata.create_all(connection)
                connection.execute(text(
                    "CREATE TABLE alembic_version (version_num VARCHAR(32) NOT NULL);"
                ))
                connection.execute(
                    text("INSERT INTO alembic_version (version_num) VALUES (:v);"),
                    {"v": _alembic_head()},
                )
            _metadata.create_all(connection)
    finally:
        engine.dispose()


@functools.cache
def _alembic_head() -> str:
    """The schema revision of the installed nbgrader, as ``alembic heads`` prints it."""
    from alembic.config import Config as AlembicConfig  # 0.1 s to import, for a new gradebook only
    from alembic.script import ScriptDirectory
    from nbgrader.dbutil import _temp_alembic_ini

    with _temp_alembic_ini("sqlite://") as alembic_ini:
        return ScriptDirectory.from_config(AlembicConfig(alembic_ini)).get_current_head()
