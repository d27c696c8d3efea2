"""What grading means for an instructor: checks before grading, and a whole nbgrader course
graded into its gradebook, with feedback for each student.

The layout is nbgrader's (what ``nbgrader collect`` produces, and where its other
commands look)::

    <course_dir>/
        gradebook.db                                  scores and comments (see gradebook.py)
        submitted/<student>/<assignment>/<notebook>.ipynb
        submitted/<student>/<assignment>/timestamp.txt  optional: when the student submitted
        autograded/<student>/<assignment>/<notebook>.ipynb   written: what formgrader shows
        feedback/<student>/<assignment>/<file>.html          written: what the student reads

An assignment is a week (``week2``) or one notebook under any of its names (``W2A2``); its
notebooks are matched to files by name (:mod:`autograder.names`).

Grading is resumable: a submitted notebook whose content is unchanged since its results
were recorded is not graded again (the rule is in :mod:`autograder.gradebook`), so a run
that was interrupted, or a rerun after a few late submissions, grades only what is new.
What a file holds never stops the run: a file that is not a regular file inside its
student's folder (a symlink, say), or a ``timestamp.txt`` that is not a time, is named
in the progress and the report, and the run goes on.
"""

from __future__ import annotations

import dataclasses
import hashlib
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from nbgrader.utils import parse_utc

from dlcheck.checks import GraderError, NotebookSpec
from dlcheck.results import SubmissionReport, TestResult
from dlcheck.text import Text, tr

from . import autograded, feedback, gradebook, names, project, specs
from .engine import grade_submission
from .feedback import NotebookFeedback
from .names import safe_name
from .preflight import preflight
from .sandbox.isolation import Limits

NOT_IN_ASSIGNMENT = "not part of this assignment"

Progress = Callable[[str], None]


class CourseError(GraderError):
    """The course directory does not look the way nbgrader lays it out."""


# -- what is graded, and whether the grader can work --------------------------------------

def notebooks_of(assignment: str) -> dict[str, NotebookSpec]:
    """The specs of an assignment, by notebook stem: a week (``week2``) means its notebooks,
    a notebook's name or classic name (``W2A2``) that notebook (:mod:`autograder.names`).
    CourseError names the known weeks and notebooks."""
    found = {s.stem: s for s in names.notebooks_for_assignment(assignment, specs.notebooks().values())}
    if not found:
        weeks = sorted({s.week for s in specs.notebooks().values()})
        classic = sorted(n for s in specs.notebooks().values() for n in names.names_of(s))
        raise CourseError(f"no graded notebooks for assignment {assignment!r}; known: {', '.join(weeks)}, "
                          f"or one notebook's name: {', '.join(classic)}")
    return found


def grade_cells(spec: NotebookSpec) -> list[tuple[str, float]]:
    """The nbgrader grade cells of a notebook: one per graded function, ``(test id, points)``."""
    return [(f.test_name, f.points) for f in spec.functions]


def grader(notebooks: dict[str, NotebookSpec], grading_secret: bytes,
           limits: Limits = Limits()) -> Callable[[Path, str], SubmissionReport]:
    """Grades one file given its path and notebook stem."""
    return lambda path, stem: grade_submission(path, notebooks[stem], secret=grading_secret, limits=limits)


# -- a whole course -----------------------------------------------------------------------

@dataclass(frozen=True)
class CourseNotebook:
    """One notebook of an assignment, as a course grades it.

    Attributes
    ----------
    name : str
        Its name in the gradebook (and of its autograded copy).
    cells : list of (str, float)
        Its grade cells, ``(test id, points)``, as for :func:`gradebook.ensure_assignment`.
    aliases : tuple of str
        Other names its file may have (the classic course's, see :mod:`autograder.names`).
    function_aliases : dict of str to tuple of str
        Earlier names of its functions (to find their cells in the autograded copy).
    released : frozenset of str
        Fingerprints (:meth:`Submission.fingerprint`) of the notebooks students received:
        a file with one of them is an untouched copy.
    """

    name: str
    cells: list[tuple[str, float]]
    aliases: tuple[str, ...] = ()
    function_aliases: dict[str, tuple[str, ...]] = field(default_factory=dict)
    released: frozenset[str] = frozenset()


def course_notebook(spec: NotebookSpec, name: str | None = None) -> CourseNotebook:
    """The course's view of a spec, under its gradebook ``name`` (default: its stem)."""
    from dlcheck.extract import SubmissionError, read_submission

    from .release import korean_path

    released = set()
    for path in (project.root() / spec.release, project.root() / korean_path(spec.release)):
        try:
            released.add(read_submission(path, own=False).fingerprint())
        except SubmissionError:
            pass  # not released (yet), or no Korean edition
    return CourseNotebook(name or spec.stem, grade_cells(spec), names.names_of(spec),
                          {f.name: f.aliases for f in spec.functions if f.aliases}, frozenset(released))


@dataclass
class CourseRun:
    """What one run of :func:`grade_course` did.

    Attributes
    ----------
    reports : list of SubmissionReport
        Each file graded in this run, and each file not graded (no matching notebook, not
        a regular file): those have ``error`` set.
    unchanged : int
        Notebooks recorded with their current content, not graded again.
    regraded_after_others : int
        Notebooks graded again because another tool had changed their scores.
    not_handed_in : int
        Notebooks students with a submission did not hand in (scored 0).
    """

    reports: list[SubmissionReport] = field(default_factory=list)
    unchanged: int = 0
    regraded_after_others: int = 0
    not_handed_in: int = 0

    @property
    def graded(self) -> list[SubmissionReport]:
        return [r for r in self.reports if r.error is None]


@dataclass
class _Group:
    """The files one student handed in for one notebook (usually one)."""

    student: str
    notebook: CourseNotebook
    paths: list[Path] = field(default_factory=list)


def grade_course(
    course_dir: Path,
    assignment: str,
    grade_file: Callable[[Path, str], SubmissionReport],
    notebooks: Mapping[str, list[tuple[str, float]] | CourseNotebook],
    *,
    progress: Progress | None = None,
    force: bool = False,
    lang: str | None = None,
) -> CourseRun:
    """Grade ``submitted/<student>/<assignment>/*.ipynb``; record scores, comments and feedback.

    Files are taken in sorted order (student, then file name). Each file is matched to a
    notebook by its name (:func:`autograder.names.match`: the notebook's name or one of its
    aliases, a Korean edition, a version suffix). For each file matched,
    ``grade_file(path, name)`` grades it and the results are recorded with
    :func:`autograder.gradebook.record`, one transaction per file, so an interrupted run
    keeps everything recorded before the interruption. Then, outside the transaction:

    - ``feedback/<student>/<assignment>/<file stem>.html``, the student's feedback page
      (:mod:`autograder.feedback`), with ``timestamp.txt`` and ``submission_secret.txt``
      copied beside it as ``nbgrader release_feedback`` needs;
    - ``autograded/<student>/<assignment>/<notebook>.ipynb``, the marked copy formgrader
      and ``nbgrader generate_feedback`` read (:mod:`autograder.autograded`).

    A notebook of the assignment that a student with a submission folder did not hand in
    scores 0 (:func:`gradebook.record_missing`), as nbgrader's autograde does. A student
    who handed in several files for one notebook (the English and the Korean edition,
    say) is graded on the one they worked on: untouched copies of the released notebook
    are passed over, and if several were edited, each is graded and the higher score
    counts.

    A file recorded with its current content is not graded again, unless ``force``, or
    unless another tool changed its scores in the gradebook since (then it says so and
    grades it again); its feedback page is rewritten from the gradebook when missing or
    out of date (a manual score given in formgrader).

    Parameters
    ----------
    course_dir : Path
        The nbgrader course directory (the one holding ``submitted/`` and ``gradebook.db``).
    assignment : str
        The assignment name: the folder under ``submitted/<student>/``.
    grade_file : callable (Path, str) -> SubmissionReport
        Grades one file given its path and notebook name. A report with ``error`` set is
        recorded (its scores, zeros or none, show in the gradebook) but not marked as
        done, so the next run grades the file again.
    notebooks : dict of str to CourseNotebook or list of (str, float)
        Notebook name to the notebook (or just its grade cells ``[(test id, points), ...]``),
        as for :func:`autograder.gradebook.ensure_assignment`, which is called first.
    progress : callable (str) -> None, optional
        Receives one line per file, e.g. ``"[3/120] alice/logistic_regression.ipynb 14/20"``.
    force : bool
        Grade every file, even those recorded with their current content.
    lang : str, optional
        The language shown first in feedback pages and written in gradebook comments.

    Returns
    -------
    CourseRun
        Its ``reports``: each file graded in this run, and each file not graded: one that
        matches no notebook (error ``"not part of this assignment ..."``) or that is not
        a regular file of the student's folder (scored 0, recorded). Files skipped as
        unchanged are not in the list (their line in ``progress`` says so, and
        ``unchanged`` counts them).

    Raises
    ------
    CourseError
        If the course directory, its ``submitted/`` folder, or any submission of
        ``assignment`` is missing.
    """
    course_dir = Path(course_dir)
    books = {name: nb if isinstance(nb, CourseNotebook) else CourseNotebook(name, list(nb))
             for name, nb in notebooks.items()}
    folders = assignment_folders(course_dir, assignment)
    files = [(folder.parent.name, path) for folder in folders for path in _notebook_files(folder)]
    say = progress or (lambda line: None)
    where = {path: f"[{i}/{len(files)}] {safe_name(student)}/{safe_name(path.name)}"
             for i, (student, path) in enumerate(files, start=1)}
    aliases = {name: nb.aliases for name, nb in books.items()}
    groups: dict[tuple[str, str], _Group] = {}
    summary = CourseRun()
    with gradebook.opened(course_dir) as gb:
        gradebook.ensure_assignment(gb, assignment, {name: nb.cells for name, nb in books.items()})
        done = gradebook.recorded(gb, assignment)
        matched = {path: names.match(path.name, aliases) for _, path in files}
        for student, path in files:
            if matched[path] is not None:
                groups.setdefault((student, matched[path]), _Group(student, books[matched[path]])).paths.append(path)
        run = _Run(course_dir, assignment, gb, grade_file, done, force, say, where, lang, summary)
        for student, path in files:  # in file order; a group is graded at its first file
            if matched[path] is None:
                report = SubmissionReport(submission=str(path), notebook=path.stem, error=(
                    f"{NOT_IN_ASSIGNMENT} {assignment!r} (expected {names.expected_files(aliases)})"))
                summary.reports.append(report)
                say(f"{where[path]} skipped: {report.error}")
            elif groups[student, matched[path]].paths[0] == path:
                run.grade(groups[student, matched[path]])
        for folder in folders:
            for name, nb in sorted(books.items()):
                if (folder.parent.name, name) not in groups:
                    run.missing(folder.parent.name, nb)
    return summary


@dataclass
class _Run:
    """One run of :func:`grade_course`: what each group of files needs, in order."""

    course_dir: Path
    assignment: str
    gb: Any
    grade_file: Callable[[Path, str], SubmissionReport]
    done: dict
    force: bool
    say: Progress
    where: dict[Path, str]
    lang: str | None
    summary: CourseRun

    def grade(self, group: _Group) -> None:
        student, nb = group.student, group.notebook
        paths = self._worked_on(group)
        refused = [(p, why) for p in paths if (why := _not_a_regular_file(p, self._folder(student)))]
        if refused:
            for path, why in refused:
                report = _refused(path, nb.name, nb.cells, why)
                gradebook.record(self.gb, self.assignment, student, nb.name, report.tests, sha256=None)
                self.summary.reports.append(report)
                self.say(f"{self.where[path]} 0: {report.error}")
            return
        # Hashed before grading, so a file edited while it is graded is graded again next run.
        digest = _digest(paths)
        previous = self.done.get((student, nb.name))
        if previous is not None and previous.sha256 == digest and not self.force:
            changed = previous.changed_by_others
            if not changed and previous.report and "tests" in previous.report:
                kept = Path(previous.report["submitted"])
                self.say(f"{self.where[self._path(paths, kept)]} {previous.score:g}/{previous.max_score:g} "
                         "(unchanged, not regraded)")
                self._write_files(NotebookFeedback.from_json(previous.report), self._path(paths, kept), nb)
                self.summary.unchanged += 1
                return
            if changed:
                self.say(f"{self.where[paths[0]]} {_foreign(changed, previous)}; grading it again")
                self.summary.regraded_after_others += 1
        graded = []
        for path in paths:
            report = self.grade_file(path, nb.name)
            graded.append(report)
            self.summary.reports.append(report)
        best = max(graded, key=lambda r: (r.error is None, r.score))
        path = Path(best.submission)
        timestamp, warning = _submission_timestamp(path.parent)
        if warning:
            self.say(f"{self.where[path]} warning: {warning}")
        fb = NotebookFeedback.from_report(best, student=student, assignment=self.assignment, notebook=nb.name)
        if previous is not None and previous.report and "tests" in previous.report:
            before = NotebookFeedback.from_json(previous.report)
            if dataclasses.replace(before, graded_at=fb.graded_at) == fb:
                fb = before  # the same results: the same report, graded when they were first found
        gradebook.record(self.gb, self.assignment, student, nb.name, best.tests,
                         sha256=digest if best.error is None else None, timestamp=timestamp,
                         report=fb.to_json())
        for report in graded:
            at = self.where[Path(report.submission)]
            status = f"{report.score:g}/{report.max_score:g}"
            if report.error is not None:
                status += f" error: {report.error}"
            if len(graded) > 1:
                status += " (counted: the higher score)" if report is best else f" (not counted: {path.name} scored higher)"
            self.say(f"{at} {status}")
        self._write_files(fb, path, nb, regraded=True)

    def missing(self, student: str, nb: CourseNotebook) -> None:
        """Score a notebook the student did not hand in 0."""
        why = tr("not handed in: no file of this notebook in the submission", "제출하지 않음: 제출물에 이 노트북 파일이 없습니다")
        gradebook.record_missing(self.gb, self.assignment, student, nb.name, why.render(self.lang))
        # A copy left from a file since withdrawn would show formgrader a notebook not handed in.
        (self.course_dir / "autograded" / student / self.assignment / f"{nb.name}.ipynb").unlink(missing_ok=True)
        self.summary.not_handed_in += 1
        total = sum(points for _, points in nb.cells)
        self.say(f"[-] {safe_name(student)}/{safe_name(nb.name)}.ipynb not handed in: 0/{total:g}")

    def _folder(self, student: str) -> Path:
        return self.course_dir / "submitted" / student / self.assignment

    def _worked_on(self, group: _Group) -> list[Path]:
        """The files of a group worth grading: all but untouched copies of the released
        notebook, unless that leaves none (then the notebook's own name, else the first)."""
        if len(group.paths) == 1:
            return group.paths
        edited = [p for p in group.paths if not _untouched(p, group.notebook)]
        for path in group.paths:
            if path not in edited:
                self.say(f"{self.where[path]} skipped: an untouched copy of the released notebook "
                         f"(the student's other file of {group.notebook.name} is graded)")
        if edited:
            return edited
        exact = [p for p in group.paths if names.is_exact(p.name, group.notebook.name)]
        return exact[:1] or group.paths[:1]

    @staticmethod
    def _path(paths: list[Path], name: Path) -> Path:
        return next((p for p in paths if p.name == name.name), paths[0])

    def _write_files(self, fb: NotebookFeedback, submitted: Path, nb: CourseNotebook, regraded: bool = False) -> None:
        """The feedback page and the autograded copy, from the gradebook's current scores;
        each written only when missing or out of date."""
        final = gradebook.final_scores(self.gb, self.assignment, fb.student, nb.name)
        fb = fb.with_scores(final)
        page = feedback.feedback_path(self.course_dir, fb)
        if not page.is_file() or page.read_text(encoding="utf-8") != feedback.render_html(fb, self.lang):
            feedback.write_feedback(self.course_dir, fb, self.lang)
        copy = self.course_dir / "autograded" / fb.student / self.assignment / f"{nb.name}.ipynb"
        if regraded or not copy.is_file() or copy.stat().st_mtime < submitted.stat().st_mtime:
            autograded.write_autograded(copy, submitted, list(fb.tests), nb.function_aliases, self.lang)
        for folder in (page.parent, copy.parent):
            _copy_submission_files(submitted.parent, folder)


def _notebook_files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.glob("*.ipynb") if not p.name.startswith("."))


def _digest(paths: list[Path]) -> str:
    """The sha256 of the file graded, or of each file's name and sha256 when several were."""
    if len(paths) == 1:
        return hashlib.sha256(paths[0].read_bytes()).hexdigest()
    parts = [f"{p.name}:{hashlib.sha256(p.read_bytes()).hexdigest()}" for p in sorted(paths)]
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()


def _untouched(path: Path, nb: CourseNotebook) -> bool:
    """Whether the file's code is exactly that of a released notebook (never edited)."""
    from dlcheck.extract import SubmissionError, read_submission

    try:
        return read_submission(path).fingerprint() in nb.released
    except SubmissionError:
        return False


def _foreign(changed: dict[str, tuple[float, float]], previous: gradebook.Recorded) -> str:
    """``"its scores were changed in the gradebook by another tool ... (test_propagate 3 -> 0; total 7 -> 5)"``."""
    cells = "; ".join(f"{name} {ours:g} -> {now:g}" for name, (ours, now) in sorted(changed.items()))
    ours = sum(previous.written.values())
    return (f"its scores were changed in the gradebook since autograde wrote them, by another tool (nbgrader "
            f"autograde?): {cells}; total {ours:g} -> {previous.score:g}")


#: nbgrader's files beside a submission that ``release_feedback`` reads from the feedback folder.
NBGRADER_FILES = ("timestamp.txt", "submission_secret.txt")


def _copy_submission_files(source: Path, dest: Path) -> None:
    """Copy nbgrader's ``timestamp.txt`` and ``submission_secret.txt`` (regular files only)."""
    for name in NBGRADER_FILES:
        path = source / name
        if path.is_file() and not path.is_symlink():
            data = path.read_bytes()[:4096]
            target = dest / name
            if not target.is_file() or target.read_bytes() != data:
                dest.mkdir(parents=True, exist_ok=True)
                target.write_bytes(data)


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


def assignment_folders(course_dir: Path, assignment: str) -> list[Path]:
    """Every ``submitted/<student>/<assignment>/`` folder, sorted by student.

    Hidden folders (``.alice``) and symbolic links are ignored.

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
    return folders


def submitted_files(course_dir: Path, assignment: str) -> list[tuple[str, Path]]:
    """``(student, path)`` of every ``submitted/<student>/<assignment>/*.ipynb``, sorted.

    Hidden files (``.ipynb_checkpoints``) are ignored; symbolic links are listed (and
    refused by :func:`grade_course`), not followed. Raises CourseError as
    :func:`assignment_folders`.
    """
    return [(folder.parent.name, path) for folder in assignment_folders(course_dir, assignment)
            for path in _notebook_files(folder)]


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
                     limits: Limits = Limits(), progress: Progress | None = None,
                     lang: str | None = None) -> CourseRun:
    """Check, then grade every submission of ``assignment`` into the course's gradebook."""
    found = notebooks_of(assignment)
    grading_secret = preflight(found.values(), dev_secret=dev_secret)
    existing = gradebook.notebook_names(course_dir, assignment) if (Path(course_dir) / "gradebook.db").is_file() else []
    books, by_name = {}, {}
    for spec in found.values():
        # A gradebook that already names the notebook (e.g. after the classic file) keeps its name.
        name = names.match(spec.stem, {n: () for n in existing}) or next(
            (n for n in existing if names.match(n, {spec.stem: names.names_of(spec)})), spec.stem)
        books[name], by_name[name] = course_notebook(spec, name), spec
    grade_one = grader(by_name, grading_secret, limits)
    return grade_course(Path(course_dir), assignment, grade_one, books, progress=progress, force=force, lang=lang)
