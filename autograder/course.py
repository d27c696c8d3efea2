"""What grading means for an instructor: a whole nbgrader course graded into its
gradebook, with feedback for each student.

The layout is nbgrader's (what ``nbgrader collect`` produces, and where its other
commands look)::

    <course_dir>/
        gradebook.db                                  scores and comments (see gradebook.py)
        submitted/<student>/<assignment>/<notebook>.ipynb
        submitted/<student>/<assignment>/timestamp.txt  optional: when the student submitted
        autograded/<student>/<assignment>/<notebook>.ipynb   written: what formgrader shows
        feedback/<student>/<assignment>/<file>.html          written: what the student reads

An assignment is a week (``week2``) or one notebook under any of its names (``W2A2``).

A run is one ordered list of small steps (:data:`STEPS`):

1. **find** (:func:`find_files`): the ``*.ipynb`` entries of each student's folder, at
   most :data:`MAX_FILES` a student, by name; only names are read here;
2. **match** (:func:`match_files`): each to a notebook by its name (:mod:`autograder.names`);
   the others are listed as not part of the assignment;
3. **refuse** (:func:`refuse`): what is not a regular file of the student's own (a link,
   symbolic or hard, a FIFO, a folder) is listed with the reason and never opened; a
   notebook with nothing else scores 0 with that reason;
4. **choose** (:func:`autograder.copies.choose`): one file per notebook, the others
   listed: extra copies buy nothing;
5. **skip if unchanged**: a notebook recorded with the chosen file's current content is
   not graded again (the rule is in :mod:`autograder.gradebook`), so an interrupted run,
   or a rerun after a few late submissions, grades only what is new;
6. **grade**; 7. **record** (one transaction per notebook); 8. **feedback** (the page, from
   the gradebook's scores); 9. **autograded copy** (for formgrader).

Then a notebook a student did not hand in scores 0. What a file holds never stops the
run: every file is read through :mod:`dlcheck.files` (bounded, never blocking), and
where the grader writes comes from the course layout, never from stored data.
"""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from nbgrader.utils import parse_utc

from dlcheck.checks import GraderError, NotebookSpec
from dlcheck.extract import MAX_SUBMISSION_BYTES
from dlcheck.files import NotReadable, read_regular, refusal, sha256_regular
from dlcheck.results import SubmissionReport, TestResult
from dlcheck.text import Text, tr

from . import autograded, copies, feedback, gradebook, names, specs
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
    return CourseNotebook(name or spec.stem, grade_cells(spec), names.names_of(spec),
                          {f.name: f.aliases for f in spec.functions if f.aliases}, copies.released(spec))


@dataclass
class CourseRun:
    """What one run of :func:`grade_course` did.

    Attributes
    ----------
    reports : list of SubmissionReport
        Each notebook graded in this run (one per student and notebook), and each scored 0
        because none of its files could be read (those have ``error`` set).
    skipped : list of (Path, Text)
        Every file not graded, with why: not part of the assignment, not a regular file
        of the student's own, another file of the same notebook chosen, beyond the
        number of files read from one folder.
    unchanged : int
        Notebooks recorded with their current content, not graded again.
    regraded_after_others : int
        Notebooks graded again because another tool had changed their scores.
    not_handed_in : int
        Notebooks students with a submission did not hand in (scored 0).
    """

    reports: list[SubmissionReport] = field(default_factory=list)
    skipped: list[tuple[Path, Text]] = field(default_factory=list)
    unchanged: int = 0
    regraded_after_others: int = 0
    not_handed_in: int = 0

    @property
    def graded(self) -> list[SubmissionReport]:
        return [r for r in self.reports if r.error is None]


#: The steps of a run, in order (see the module docstring). Refuse comes before any read
#: of a file, choose before skip (the digest is the chosen file's), record before
#: feedback (the page shows the gradebook's scores, an instructor's included).
STEPS = ("find", "match", "refuse", "choose", "skip if unchanged", "grade", "record", "feedback", "autograded copy")

#: The most ``*.ipynb`` entries read from one student's folder (by name); the rest are listed.
MAX_FILES = 32

#: nbgrader's files beside a submission that ``release_feedback`` reads from the feedback folder.
NBGRADER_FILES = ("timestamp.txt", "submission_secret.txt")
_SMALL_FILE = 4096  # the most read of one of them (nbgrader writes a few dozen bytes)


@dataclass(frozen=True)
class Found:
    """A file of a student's folder of the assignment, and how progress lines name it
    (``"[3/12] alice/logistic_regression.ipynb"``, shown safely)."""

    student: str
    path: Path
    label: str


def find_files(course_dir: Path, assignment: str) -> tuple[list[Found], list[tuple[Found, Text]]]:
    """Step 1: every ``submitted/<student>/<assignment>/*.ipynb`` entry (hidden ones
    ignored), sorted by student then name; and those beyond :data:`MAX_FILES` a student,
    with why. Nothing is opened or followed. Raises CourseError as :func:`assignment_folders`."""
    entries = []
    for folder in assignment_folders(course_dir, assignment):
        names_ = sorted(e.name for e in os.scandir(folder) if e.name.endswith(".ipynb") and not e.name.startswith("."))
        entries += [(folder.parent.name, folder / name, i >= MAX_FILES) for i, name in enumerate(names_)]
    files, beyond = [], []
    for i, (student, path, over) in enumerate(entries, start=1):
        found = Found(student, path, f"[{i}/{len(entries)}] {safe_name(student)}/{safe_name(path.name)}")
        if over:
            beyond.append((found, tr("more than {n} notebooks in the folder; only the first {n} by name are read",
                                     "폴더에 노트북이 {n}개보다 많습니다. 이름순으로 처음 {n}개만 읽습니다", n=MAX_FILES)))
        else:
            files.append(found)
    return files, beyond


def match_files(files: list[Found], books: Mapping[str, CourseNotebook], assignment: str
                ) -> tuple[dict[tuple[str, str], list[Found]], list[tuple[Found, Text]]]:
    """Step 2: the files of each (student, notebook), in file order, by their names; and
    the files that match no notebook, with why."""
    aliases = {name: nb.aliases for name, nb in books.items()}
    groups: dict[tuple[str, str], list[Found]] = {}
    unmatched = []
    for found in files:
        notebook = names.match(found.path.name, aliases)
        if notebook is None:
            unmatched.append((found, tr("{not_in} {assignment!r} (expected {files})",
                                        "과제 {assignment!r}에 속하지 않습니다 (기대한 파일: {files})",
                                        not_in=NOT_IN_ASSIGNMENT, assignment=assignment,
                                        files=names.expected_files(aliases))))
        else:
            groups.setdefault((found.student, notebook), []).append(found)
    return groups, unmatched


def refuse(files: list[Found]) -> tuple[list[Found], list[tuple[Found, Text]]]:
    """Step 3: the files that are regular files of the student's own (:func:`dlcheck.files.refusal`);
    and the others (links, FIFOs, folders, ...), with why. Nothing is opened or followed."""
    kept, refused = [], []
    for found in files:
        why = refusal(found.path)
        if why is None:
            kept.append(found)
        else:
            refused.append((found, why))
    return kept, refused


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

    The steps are those of the module docstring. For each notebook a student handed in,
    ``grade_file(path, name)`` grades the chosen file and the results are recorded with
    :func:`autograder.gradebook.record`, one transaction per notebook, so an interrupted
    run keeps everything recorded before the interruption. Then, outside the transaction:

    - ``feedback/<student>/<assignment>/<file stem>.html``, the student's feedback page
      (:mod:`autograder.feedback`), with ``timestamp.txt`` and ``submission_secret.txt``
      copied beside it as ``nbgrader release_feedback`` needs;
    - ``autograded/<student>/<assignment>/<notebook>.ipynb``, the marked copy formgrader
      and ``nbgrader generate_feedback`` read (:mod:`autograder.autograded`).

    A notebook of the assignment that a student with a submission folder did not hand in
    scores 0 (:func:`gradebook.record_missing`), as nbgrader's autograde does. Of several
    files of one notebook, one is graded (:func:`autograder.copies.choose`).

    A notebook recorded with its chosen file's current content is not graded again,
    unless ``force``, or unless another tool changed its scores in the gradebook since
    (then it says so and grades it again); its feedback page is rewritten from the
    gradebook when missing or out of date (a manual score given in formgrader).

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
        Grade every notebook, even those recorded with their current content.
    lang : str, optional
        The language shown first in feedback pages and written in gradebook comments.

    Returns
    -------
    CourseRun
        What was graded, and every file not graded with why.

    Raises
    ------
    CourseError
        If the course directory, its ``submitted/`` folder, or any submission of
        ``assignment`` is missing.
    """
    course_dir = Path(course_dir)
    books = {name: nb if isinstance(nb, CourseNotebook) else CourseNotebook(name, list(nb))
             for name, nb in notebooks.items()}
    say = progress or (lambda line: None)
    summary = CourseRun()
    files, beyond = find_files(course_dir, assignment)
    groups, unmatched = match_files(files, books, assignment)
    skipped = dict(unmatched + beyond)
    first = {group[0]: (student, name) for (student, name), group in groups.items()}
    with gradebook.opened(course_dir) as gb:
        gradebook.ensure_assignment(gb, assignment, {name: nb.cells for name, nb in books.items()})
        run = _Run(course_dir, assignment, gb, grade_file, gradebook.recorded(gb, assignment), force, say, lang,
                   summary)
        for found in files + [f for f, _ in beyond]:  # in file order; a notebook at its first file
            if found in skipped:
                summary.skipped.append((found.path, skipped[found]))
                say(f"{found.label} skipped: {skipped[found].render(lang)}")
            elif found in first:
                student, name = first[found]
                run.notebook(student, books[name], groups[student, name])
        for folder in assignment_folders(course_dir, assignment):
            for name, nb in sorted(books.items()):
                if (folder.parent.name, name) not in groups:
                    run.missing(folder.parent.name, nb)
    return summary


@dataclass
class _Run:
    """What every notebook of one run of :func:`grade_course` shares."""

    course_dir: Path
    assignment: str
    gb: gradebook.Gradebook
    grade_file: Callable[[Path, str], SubmissionReport]
    done: dict[tuple[str, str], gradebook.Recorded]
    force: bool
    say: Progress
    lang: str | None
    summary: CourseRun

    def notebook(self, student: str, nb: CourseNotebook, files: list[Found]) -> None:
        """Steps 3 to 9 for one notebook of one student."""
        kept, refused = refuse(files)
        for found, why in refused:
            self.summary.skipped.append((found.path, why))
            self.say(f"{found.label} not graded: {why.render(self.lang)}")
        if not kept:
            self._record_refused(student, nb, refused[0][0].path, refused[0][1])
            return
        choice = copies.choose([f.path for f in kept], nb.name, nb.released)
        label = {f.path: f.label for f in kept}
        for path, why in sorted(choice.passed_over, key=lambda passed: passed[0].name):  # in file order
            self.summary.skipped.append((path, why))
            self.say(f"{label[path]} not graded: {why.render(self.lang)}")
        chosen = Found(student, choice.graded, label[choice.graded])
        try:
            digest = sha256_regular(chosen.path, MAX_SUBMISSION_BYTES)
        except NotReadable as exc:  # too large, or changed since step 3
            self.say(f"{chosen.label} not graded: {exc.text.render(self.lang)}")
            self._record_refused(student, nb, chosen.path, exc.text)
            return
        if not self._unchanged(chosen, nb, digest):
            self._grade(chosen, nb, digest)

    def _unchanged(self, chosen: Found, nb: CourseNotebook, digest: str) -> bool:
        """Step 5: whether the notebook is recorded with this very file (its feedback then
        rewritten if out of date), saying so; or why it is graded again."""
        previous = self.done.get((chosen.student, nb.name))
        if previous is None or previous.sha256 != digest or self.force:
            return False
        changed = previous.changed_by_others
        if changed:
            self.say(f"{chosen.label} {_foreign(changed, previous)}; grading it again")
            self.summary.regraded_after_others += 1
            return False
        if not (previous.report and "tests" in previous.report):
            return False
        self.say(f"{chosen.label} {previous.score:g}/{previous.max_score:g} (unchanged, not regraded)")
        self._write_files(self._feedback(NotebookFeedback.from_json(previous.report), chosen, nb), chosen.path, nb)
        self.summary.unchanged += 1
        return True

    def _grade(self, chosen: Found, nb: CourseNotebook, digest: str) -> None:
        """Steps 6 to 9."""
        report = self.grade_file(chosen.path, nb.name)
        self.summary.reports.append(report)
        timestamp, warning = _submission_timestamp(chosen.path.parent)
        if warning:
            self.say(f"{chosen.label} warning: {warning}")
        fb = NotebookFeedback.from_report(report, student=chosen.student, assignment=self.assignment,
                                          notebook=nb.name)
        previous = self.done.get((chosen.student, nb.name))
        if previous is not None and previous.report and "tests" in previous.report:
            before = self._feedback(NotebookFeedback.from_json(previous.report), chosen, nb)
            if dataclasses.replace(before, graded_at=fb.graded_at) == fb:
                fb = before  # the same results: the same report, graded when they were first found
        gradebook.record(self.gb, self.assignment, chosen.student, nb.name, report.tests,
                         sha256=digest if report.error is None else None, timestamp=timestamp, report=fb.to_json())
        status = f"{report.score:g}/{report.max_score:g}"
        if report.error is not None:
            status += f" error: {report.error.render(self.lang)}"
        self.say(f"{chosen.label} {status}")
        self._write_files(fb, chosen.path, nb, regraded=True)

    def _feedback(self, stored: NotebookFeedback, chosen: Found, nb: CourseNotebook) -> NotebookFeedback:
        """A report kept in the gradebook, named after the course layout, not after what
        it says (a tampered gradebook must not choose where a page is written)."""
        return dataclasses.replace(stored, student=chosen.student, assignment=self.assignment, notebook=nb.name,
                                   submitted=chosen.path.name)

    def _record_refused(self, student: str, nb: CourseNotebook, path: Path, why: Text) -> None:
        """A notebook whose every file was refused scores 0 with the reason."""
        report = _refused(path, nb.name, nb.cells, why)
        gradebook.record(self.gb, self.assignment, student, nb.name, report.tests, sha256=None)
        self.summary.reports.append(report)

    def missing(self, student: str, nb: CourseNotebook) -> None:
        """Score a notebook the student did not hand in 0."""
        why = tr("not handed in: no file of this notebook in the submission", "제출하지 않음: 제출물에 이 노트북 파일이 없습니다")
        gradebook.record_missing(self.gb, self.assignment, student, nb.name, why.render(self.lang))
        # A copy left from a file since withdrawn would show formgrader a notebook not handed in.
        (self.course_dir / "autograded" / student / self.assignment / f"{nb.name}.ipynb").unlink(missing_ok=True)
        self.summary.not_handed_in += 1
        total = sum(points for _, points in nb.cells)
        self.say(f"[-] {safe_name(student)}/{safe_name(nb.name)}.ipynb not handed in: 0/{total:g}")

    def _write_files(self, fb: NotebookFeedback, submitted: Path, nb: CourseNotebook, regraded: bool = False) -> None:
        """Steps 8 and 9: the feedback page and the autograded copy, from the gradebook's
        current scores; each written only when missing or out of date."""
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


def _foreign(changed: dict[str, tuple[float, float]], previous: gradebook.Recorded) -> str:
    """``"its scores were changed in the gradebook by another tool ... (test_propagate 3 -> 0; total 7 -> 5)"``."""
    cells = "; ".join(f"{name} {ours:g} -> {now:g}" for name, (ours, now) in sorted(changed.items()))
    ours = sum(previous.written.values())
    return (f"its scores were changed in the gradebook since autograde wrote them, by another tool (nbgrader "
            f"autograde?): {cells}; total {ours:g} -> {previous.score:g}")


def _copy_submission_files(source: Path, dest: Path) -> None:
    """Copy nbgrader's ``timestamp.txt`` and ``submission_secret.txt`` (regular files of
    their own, a few KB at most; others are left)."""
    for name in NBGRADER_FILES:
        try:
            data = read_regular(source / name, _SMALL_FILE)
        except NotReadable:
            continue
        target = dest / name
        if not target.is_file() or target.read_bytes() != data:
            dest.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data)


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


def _submission_timestamp(folder: Path) -> tuple[datetime | None, str | None]:
    """When the student submitted, from nbgrader's ``timestamp.txt`` in the folder, in UTC;
    and a warning when the file is there but is not a time (then no timestamp is used)."""
    path = folder / "timestamp.txt"
    if not os.path.lexists(path):
        return None, None
    try:
        text = read_regular(path, _SMALL_FILE).decode(errors="replace").strip()
    except NotReadable as exc:
        return None, f"{safe_name(str(path))} is not read ({exc.text.en}); graded without a submission time"
    if not text:
        return None, None
    try:
        return parse_utc(text), None
    except (ValueError, OverflowError) as e:
        return None, (f"{safe_name(str(path))} holds {safe_name(text[:80])!r}, not a timestamp like "
                      f"'2024-03-01 17:05:12.345 UTC' (as nbgrader collect writes): {safe_name(str(e)[:200])}; "
                      "graded without a submission time")


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
