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

1. **find** (:func:`find_files`): the ``*.ipynb`` entries of each student's folder and
   of the folders below it (``W4A1/``, ``W4A2/``: at most :data:`MAX_DEPTH` deep and
   :data:`MAX_FOLDERS` folders, hidden ones and links to folders left), at most
   :data:`MAX_FILES` a student; only names are read here;
2. **match** (:func:`match_files`): each to a notebook by its name (:mod:`autograder.names`),
   else by the graded functions it defines (:mod:`autograder.recognise`: at most
   :data:`autograder.recognise.MAX_READ` files a student are read for it, each a regular
   file of the student's own, through the bounded reader); the notebooks the assignment's
   notebooks build on (the step-by-step notebook of the week-4 application) are matched
   too, to be used with them; the others are listed as not part of the assignment;
3. **refuse** (:func:`refuse`): what is not a regular file of the student's own (a link,
   symbolic or hard, a FIFO, a folder) is listed with the reason and never opened; a
   notebook with nothing else scores 0 with that reason;
4. **choose** (:func:`autograder.copies.choose`): one file per notebook, the others
   listed: extra copies buy nothing; a file recognised by its functions is one more file
   of its notebook; the file chosen for a notebook another builds on is the one that
   notebook is graded with (:mod:`autograder.companions`);
5. **skip if unchanged**: a notebook recorded with the chosen file's current content
   (and that of the files it is graded with) is not graded again (the rule is in
   :mod:`autograder.gradebook`), so an interrupted run, or a rerun after a few late
   submissions, grades only what is new; when no file is recorded with its current
   content (a first run, ``force``: :mod:`autograder.gradebook_peek` tells without
   nbgrader), step 6 starts first, and nbgrader is imported and the gradebook opened while
   the first files are graded;
6. **grade** (:mod:`autograder.batch`: ``jobs`` files at a time, or on a Dask cluster
   (:mod:`autograder.cluster`), the same graded code once); 7. **record** (one transaction
   per notebook, by this process alone, in file order); 8. **feedback** (the page, from
   the gradebook's scores); 9. **autograded copy** (for formgrader); 10. **review** (once
   the run is recorded: the files not graded kept in the gradebook, and the class page
   ``feedback/index.html``, :mod:`autograder.review`).

Then a notebook a student did not hand in scores 0 (and when the student handed in files
that were recognised as no notebook, the reason says that rather than "not handed in").
What a file holds never stops the run: every file is read through :mod:`dlcheck.files`
(bounded, never blocking), and where the grader writes comes from the course layout, never
from stored data.
"""

from __future__ import annotations

import contextlib
import dataclasses
import hashlib
import os
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from dlcheck import editions
from dlcheck.checks import GraderError, NotebookSpec
from dlcheck.extract import MAX_SUBMISSION_BYTES, SubmissionError, read_submission
from dlcheck.files import NotReadable, read_regular, refusal, sha256_regular
from dlcheck.results import SubmissionReport, TestResult
from dlcheck.text import Text, as_text, tr

from . import batch, copies, feedback, gradebook_peek, names, recognise, specs
from .names import safe_name
from .preflight import preflight
from .sandbox.isolation import Limits

# nbgrader (the gradebook's ORM, :mod:`autograder.gradebook`) takes a quarter of a second of CPU
# to import. The functions that write the gradebook import it, so that when no file can be
# skipped the import overlaps the grading of the first files (:func:`grade_course`).
if TYPE_CHECKING:
    from . import gradebook

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
        raise CourseError(tr("no graded notebooks for assignment {assignment!r}; known: {weeks}, or one notebook's "
                             "name: {names}",
                             "과제 {assignment!r}에 채점할 노트북이 없습니다. 알려진 과제: {weeks}, 또는 노트북 이름: "
                             "{names}", assignment=assignment, weeks=", ".join(weeks), names=", ".join(classic)))
    return found


def grade_cells(spec: NotebookSpec) -> list[tuple[str, float]]:
    """The nbgrader grade cells of a notebook: one per graded function, ``(test id, points)``."""
    return [(f.test_name, f.points) for f in spec.functions]


def grader(notebooks: dict[str, NotebookSpec], grading_secret: bytes, limits: Limits = Limits()) -> batch.Grader:
    """Grades one file given its path and notebook name, and, for a notebook that builds on
    others, the student's file of each (by notebook name; ``None``: none handed in)."""
    return batch.Grader(grading_secret, limits, {name: spec.id for name, spec in notebooks.items()})


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
    companions : tuple of CourseNotebook
        The notebooks it builds on (the week-4 application, the step-by-step notebook):
        the student's file of each is graded with it.
    """

    name: str
    cells: list[tuple[str, float]]
    aliases: tuple[str, ...] = ()
    function_aliases: dict[str, tuple[str, ...]] = field(default_factory=dict)
    released: frozenset[str] = frozenset()
    companions: tuple[CourseNotebook, ...] = ()

    @property
    def functions(self) -> tuple[tuple[str, ...], ...]:
        """Its graded functions, each as its names (to recognise a file by what it defines)."""
        graded = [test.removeprefix("test_") for test, _ in self.cells]
        return tuple((f, *self.function_aliases.get(f, ())) for f in graded)


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
    not_recognised : int
        Notebooks of which no file was recognised, in submissions holding files recognised
        as no notebook (scored 0, saying so).
    """

    reports: list[SubmissionReport] = field(default_factory=list)
    skipped: list[tuple[Path, Text]] = field(default_factory=list)
    unchanged: int = 0
    regraded_after_others: int = 0
    not_handed_in: int = 0
    not_recognised: int = 0

    @property
    def graded(self) -> list[SubmissionReport]:
        return [r for r in self.reports if r.error is None]


#: How a progress line says a file was not graded, before why.
_NOT_GRADED = tr("not graded: ", "채점하지 못함: ")

#: The steps of a run, in order (see the module docstring). Refuse comes before any read
#: of a file, choose before skip (the digest is the chosen file's), record before
#: feedback (the page shows the gradebook's scores, an instructor's included).
STEPS = ("find", "match", "refuse", "choose", "skip if unchanged", "grade", "record", "feedback", "autograded copy",
         "review")

#: The most ``*.ipynb`` entries read from one student's folder (by name); the rest are listed.
MAX_FILES = 32
#: How deep below a student's assignment folder notebooks are looked for, and in how many
#: folders at most (``W4A1/``, ``W4A2/``; hidden ones such as ``.ipynb_checkpoints`` left).
MAX_DEPTH = 3
MAX_FOLDERS = 16

#: nbgrader's files beside a submission that ``release_feedback`` reads from the feedback folder.
NBGRADER_FILES = ("timestamp.txt", "submission_secret.txt")
_SMALL_FILE = 4096  # the most read of one of them (nbgrader writes a few dozen bytes)


@dataclass(frozen=True)
class Found:
    """A file of a student's folder of the assignment (``folder``, where nbgrader's
    ``timestamp.txt`` is), and how progress lines name it
    (``"[3/12] alice/logistic_regression.ipynb"``, shown safely)."""

    student: str
    path: Path
    label: str
    folder: Path | None = None

    @property
    def submission(self) -> Path:
        """The student's folder of the assignment (the file's own folder by default)."""
        return self.folder or self.path.parent


def _notebooks_below(folder: Path) -> list[Path]:
    """The ``*.ipynb`` entries of ``folder`` and of the folders below it (see
    :data:`MAX_DEPTH`, :data:`MAX_FOLDERS`), by relative path. Entries are not opened;
    a link to a folder is not followed."""
    found, queue, seen = [], [(folder, 0)], 0
    while queue and seen < MAX_FOLDERS:
        current, depth = queue.pop(0)
        seen += 1
        try:
            with os.scandir(current) as it:
                entries = sorted(it, key=lambda e: e.name)
        except OSError:
            continue
        for entry in entries:
            if entry.name.startswith("."):
                continue
            if entry.name.endswith(".ipynb"):
                found.append(Path(entry.path))
            elif depth < MAX_DEPTH and entry.is_dir(follow_symlinks=False):
                queue.append((Path(entry.path), depth + 1))
    return sorted(found, key=lambda p: p.relative_to(folder).parts)


def find_files(course_dir: Path, assignment: str) -> tuple[list[Found], list[tuple[Found, Text]]]:
    """Step 1: every ``*.ipynb`` entry of ``submitted/<student>/<assignment>/`` and the
    folders below it (hidden ones ignored), sorted by student then path; and those beyond
    :data:`MAX_FILES` a student, with why. Nothing is opened or followed. Raises
    CourseError as :func:`assignment_folders`."""
    entries = []
    for folder in assignment_folders(course_dir, assignment):
        paths = _notebooks_below(folder)
        entries += [(folder.parent.name, folder, path, i >= MAX_FILES) for i, path in enumerate(paths)]
    files, beyond = [], []
    for i, (student, folder, path, over) in enumerate(entries, start=1):
        shown = "/".join(safe_name(part) for part in path.relative_to(folder).parts)
        found = Found(student, path, f"[{i}/{len(entries)}] {safe_name(student)}/{shown}", folder)
        if over:
            beyond.append((found, tr("more than {n} notebooks in the folder; only the first {n} by name are read",
                                     "폴더에 노트북이 {n}개보다 많습니다. 이름순으로 처음 {n}개만 읽습니다", n=MAX_FILES)))
        else:
            files.append(found)
    return files, beyond


@dataclass
class Matched:
    """What step 2 found.

    Attributes
    ----------
    groups : dict of (str, str) to list of Found
        The files of each (student, notebook), in file order (notebooks of the assignment,
        and those they build on).
    unmatched : list of (Found, Text)
        The files of no notebook, with why.
    recognised : dict of Found to Recognised
        The files matched by the functions they define, not by their names.
    """

    groups: dict[tuple[str, str], list[Found]] = field(default_factory=dict)
    unmatched: list[tuple[Found, Text]] = field(default_factory=list)
    recognised: dict[Found, recognise.Recognised] = field(default_factory=dict)


def match_files(files: list[Found], books: Mapping[str, CourseNotebook], assignment: str) -> Matched:
    """Step 2: the files of each (student, notebook) by their names, else by the graded
    functions they define (at most :data:`autograder.recognise.MAX_READ` files read a
    student, each refused unread unless a regular file of the student's own); and the
    files of no notebook, with why. The notebooks ``books`` build on are matched too."""
    known = {**{c.name: c for nb in books.values() for c in nb.companions}, **books}
    aliases = {name: nb.aliases for name, nb in known.items()}
    functions = {name: nb.functions for name, nb in known.items()}
    builds_on = {name: [c.name for c in nb.companions] for name, nb in known.items()}
    matched = Matched()
    read: dict[str, int] = {}
    for found in files:
        notebook = names.match(found.path.name, aliases)
        if notebook is None:
            by_functions = _by_functions(found, functions, builds_on, read)
            if isinstance(by_functions, recognise.Recognised):
                notebook = by_functions.notebook
                matched.recognised[found] = by_functions
            else:
                matched.unmatched.append((found, tr(
                    "{not_in} {assignment!r} (expected {files}); {why}",
                    "과제 {assignment!r}에 속하지 않습니다 (기대한 파일: {files}). {why}", not_in=NOT_IN_ASSIGNMENT,
                    assignment=assignment, files=names.expected_files(aliases), why=by_functions)))
                continue
        matched.groups.setdefault((found.student, notebook), []).append(found)
    return matched


def _by_functions(found: Found, functions: Mapping[str, recognise.Functions], builds_on: Mapping[str, list[str]],
                  read: dict[str, int]) -> recognise.Recognised | Text:
    """The notebook ``found`` is by what it defines, or why none (counting the files read
    for its student in ``read``)."""
    if read.get(found.student, 0) >= recognise.MAX_READ:
        return tr("its name means no notebook, and it was not read: only {n} such files of a submission are read",
                  "이름으로 노트북을 알 수 없고, 읽지 않았습니다: 제출물마다 그런 파일은 {n}개만 읽습니다",
                  n=recognise.MAX_READ)
    why = refusal(found.path)
    if why is not None:
        return tr("its name means no notebook, and it was not read: {why}",
                  "이름으로 노트북을 알 수 없고, 읽지 않았습니다: {why}", why=why)
    read[found.student] = read.get(found.student, 0) + 1
    defined = recognise.defined_in(found.path)
    fitted = recognise.recognise(defined, functions, builds_on) if not isinstance(defined, Text) else defined
    return fitted if isinstance(fitted, recognise.Recognised) else recognise.why_not(found.path.name, fitted)


@dataclass(frozen=True)
class Picked:
    """Steps 3 and 4 for the files of one (student, notebook): those refused with why,
    and the choice among the others (``None`` when every file was refused)."""

    refused: list[tuple[Found, Text]]
    choice: copies.Choice | None
    found: dict[Path, Found]

    @property
    def chosen(self) -> Found | None:
        return None if self.choice is None else self.found[self.choice.graded]


def pick(files: list[Found], nb: CourseNotebook) -> Picked:
    """Steps 3 and 4: refuse what is not a regular file of the student's own, then choose
    one of the others (:func:`autograder.copies.choose`)."""
    kept, refused = refuse(files)
    choice = copies.choose([f.path for f in kept], nb.name, nb.released) if kept else None
    return Picked(refused, choice, {f.path: f for f in files})


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
    grade_file: Callable[..., SubmissionReport],
    notebooks: Mapping[str, list[tuple[str, float]] | CourseNotebook],
    *,
    progress: Progress | None = None,
    force: bool = False,
    lang: str | None = None,
    jobs: int = 1,
    scheduler: str | None = None,
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
        Grades one file given its path and notebook name; for a notebook with companions,
        also given (third argument) the student's chosen file of each companion, by name
        (``None``: none handed in). A report with ``error`` set is recorded (its scores,
        zeros or none, show in the gradebook) but not marked as done, so the next run
        grades the file again.
    notebooks : dict of str to CourseNotebook or list of (str, float)
        Notebook name to the notebook (or just its grade cells ``[(test id, points), ...]``),
        as for :func:`autograder.gradebook.ensure_assignment`, which is called first.
    progress : callable (str) -> None, optional
        Receives one line per file, e.g. ``"[3/120] alice/logistic_regression.ipynb 14/20"``.
    force : bool
        Grade every notebook, even those recorded with their current content.
    lang : str, optional
        The language shown first in feedback pages and written in gradebook comments.
    jobs : int
        Files graded at the same time (:func:`autograder.batch.grade_many`, which also
        grades the same graded code once); ``grade_file`` then runs in worker processes
        and must be picklable. This process alone writes the gradebook, in file order.
    scheduler : str, optional
        The address of a Dask scheduler whose workers grade the files (``"local"``: a
        cluster of ``jobs`` worker processes here); ``grade_file`` is then a
        :class:`autograder.batch.Grader` (:mod:`autograder.cluster`).

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
    known = {**{c.name: c for nb in books.values() for c in nb.companions}, **books}
    say = progress or (lambda line: None)
    summary = CourseRun()
    files, beyond = find_files(course_dir, assignment)
    matched = match_files(files, books, assignment)
    skipped = dict(matched.unmatched + beyond)
    picked = {key: pick(group, known[key[1]]) for key, group in matched.groups.items()}
    first = {group[0]: key for key, group in matched.groups.items()}
    run = _Run(course_dir, assignment, grade_file, force, lang, summary, matched.recognised)
    run.say = run.held.append  # until record_graded says it all in file order
    for found in files + [f for f, _ in beyond]:  # in file order; a notebook at its first file
        if found in skipped:
            summary.skipped.append((found.path, skipped[found]))
            run.say(f"{found.label} " + (tr("skipped: ", "건너뜀: ") + skipped[found]).render(lang))
            continue
        if found in matched.recognised:
            run.say(f"{found.label} {matched.recognised[found].why().render(lang)}")
        if found in first:
            student, name = first[found]
            if name in books:
                companions = {c.name: picked.get((student, c.name)) for c in books[name].companions}
                run.notebook(student, books[name], picked[student, name], companions)
            else:
                run.used_with_others(student, known[name], picked[student, name], books)
    # Step 5 needs the gradebook only for a file recorded with its current content; when there
    # is none, the grading starts first, and nbgrader is imported while the first files are graded.
    digests = None if force else gradebook_peek.recorded_digests(course_dir, assignment)
    grade_first = force or (digests is not None and not run.may_be_unchanged(digests))
    with contextlib.ExitStack() as stack:
        graded = stack.enter_context(run.started(jobs, scheduler)) if grade_first else None
        from . import gradebook, review

        gb = stack.enter_context(gradebook.opened(course_dir))
        gradebook.ensure_assignment(gb, assignment, {name: nb.cells for name, nb in books.items()})
        run.gb, run.done = gb, gradebook.recorded(gb, assignment)
        if graded is None:
            run.skip_unchanged()
            graded = stack.enter_context(run.started(jobs, scheduler))
        for folder in assignment_folders(course_dir, assignment):  # said after the files graded
            student = folder.parent.name
            unrecognised = [f.path.name for f, _ in matched.unmatched if f.student == student]
            for name, nb in sorted(books.items()):
                if (student, name) not in matched.groups:
                    run.missing(student, nb, unrecognised)
        run.record_graded(graded, say)
        gradebook.record_listed(gb, assignment, [_listed(course_dir, path, why) for path, why in summary.skipped])
        try:
            review.write_page(review.page_path(course_dir), review.summarise(gb, assignment), lang)
        except OSError as exc:  # e.g. a student's folder named index.html: the grades stand
            say(f"the class page {review.page_path(course_dir)} was not written: {safe_name(str(exc))}")
    return summary


def _listed(course_dir: Path, path: Path, why: Text) -> tuple[str, str, Text]:
    """``(student, file below the student's assignment folder, why)`` of a file not graded."""
    parts = path.relative_to(course_dir / "submitted").parts
    return parts[0], "/".join(parts[2:]), why


@dataclass
class _Run:
    """What every notebook of one run of :func:`grade_course` shares."""

    course_dir: Path
    assignment: str
    grade_file: Callable[..., SubmissionReport]
    force: bool
    lang: str | None
    summary: CourseRun
    recognised: dict[Found, recognise.Recognised] = field(default_factory=dict)
    say: Progress | None = None
    #: What is said until :meth:`record_graded`, and where each notebook is recorded.
    held: list[str | _Queued | _Refused] = field(default_factory=list)
    queued: list[_Queued] = field(default_factory=list)  # step 6, for all at once (started)
    gb: gradebook.Gradebook | None = None  # open from step 5 on
    done: dict[tuple[str, str], gradebook.Recorded] = field(default_factory=dict)

    def _listed(self, picked: Picked) -> None:
        """Say each file refused or passed over, with why."""
        for found, why in picked.refused:
            self.summary.skipped.append((found.path, why))
            self.say(f"{found.label} " + (_NOT_GRADED + why).render(self.lang))
        for path, why in sorted(picked.choice.passed_over if picked.choice else (),
                                key=lambda passed: passed[0].name):  # in file order
            self.summary.skipped.append((path, why))
            self.say(f"{picked.found[path].label} " + (_NOT_GRADED + why).render(self.lang))

    def notebook(self, student: str, nb: CourseNotebook, picked: Picked,
                 companions: dict[str, Picked | None]) -> None:
        """Steps 3 to 9 for one notebook of one student (3 and 4 done by :func:`pick`):
        ``companions`` are the picks of the notebooks it builds on, when handed in."""
        self._listed(picked)
        chosen = picked.chosen
        if chosen is None:
            self.held.append(_Refused(student, nb, picked.refused[0][0].path, picked.refused[0][1]))
            return
        with_files = {name: None if p is None or p.chosen is None else p.chosen.path for name, p in companions.items()}
        try:
            digest = _digest(chosen.path, with_files)
        except NotReadable as exc:  # too large, or changed since step 3
            self.say(f"{chosen.label} " + (_NOT_GRADED + exc.text).render(self.lang))
            self.held.append(_Refused(student, nb, chosen.path, exc.text))
            return
        self.held.append(_Queued(chosen, nb, digest, with_files if nb.companions else None))

    def used_with_others(self, student: str, nb: CourseNotebook, picked: Picked,
                         books: Mapping[str, CourseNotebook]) -> None:
        """The files of a notebook the assignment's notebooks build on, not graded here:
        the chosen one is used with them, each other listed with why."""
        self._listed(picked)
        chosen = picked.chosen
        if chosen is None:
            return
        users = ", ".join(name for name, book in sorted(books.items()) if nb in book.companions)
        why = tr("not graded in {assignment!r}: used as the {notebook} notebook of {users}",
                 "{assignment!r}에서 채점하지 않음: {users}의 {notebook} 노트북으로 사용합니다",
                 assignment=self.assignment, notebook=nb.name, users=users)
        self.summary.skipped.append((chosen.path, why))
        self.say(f"{chosen.label} {why.render(self.lang)}")

    def may_be_unchanged(self, recorded: Mapping[tuple[str, str], str]) -> bool:
        """Whether step 5 may skip a notebook: one is recorded (``recorded``: (student,
        notebook) -> sha256, :func:`autograder.gradebook_peek.recorded_digests`) with the
        digest of its chosen file."""
        return any(recorded.get((q.chosen.student, q.nb.name)) == q.digest
                   for q in self.held if isinstance(q, _Queued))

    def skip_unchanged(self) -> None:
        """Step 5 for every notebook held: those recorded with their file's content leave
        the queue (:meth:`_unchanged`, which says why in their place)."""
        held, self.held = self.held, []
        self.say = self.held.append
        for entry in held:
            if not isinstance(entry, _Queued) or not self._unchanged(entry.chosen, entry.nb, entry.digest):
                self.held.append(entry)

    def _unchanged(self, chosen: Found, nb: CourseNotebook, digest: str) -> bool:
        """Step 5: whether the notebook is recorded with this very file (its feedback then
        rewritten if out of date), saying so; or why it is graded again."""
        previous = self.done.get((chosen.student, nb.name))
        if previous is None or previous.sha256 != digest or self.force:
            return False
        changed = previous.changed_by_others
        if changed:
            self.say(f"{chosen.label} " + (_foreign(changed, previous) + tr("; grading it again", "; 다시 채점합니다"))
                     .render(self.lang))
            self.summary.regraded_after_others += 1
            return False
        if previous.report is None:
            return False
        self.say(f"{chosen.label} {previous.score:g}/{previous.max_score:g} "
                 + tr("(unchanged, not regraded)", "(변경 없음, 다시 채점하지 않음)").render(self.lang))
        self._write_files(self._feedback(previous.report, chosen, nb), chosen, nb)
        self.summary.unchanged += 1
        return True

    @contextlib.contextmanager
    def started(self, jobs: int, scheduler: str | None = None) -> Iterator[Iterator[tuple[SubmissionReport, int | None]]]:
        """Step 6 started for every notebook held, ``jobs`` files at a time (or on the Dask
        cluster of ``scheduler``): their reports in file order (:func:`autograder.batch.started`)."""
        self.queued = [entry for entry in self.held if isinstance(entry, _Queued)]
        tasks = [batch.Task(q.chosen.path, q.nb.name, q.companions) for q in self.queued]
        builds_on = {q.nb.name: bool(q.nb.companions) for q in self.queued}
        with batch.started(tasks, self.grade_file, jobs, builds_on.__getitem__, scheduler) as graded:
            yield graded

    def record_graded(self, graded: Iterator[tuple[SubmissionReport, int | None]], say: Progress) -> None:
        """Steps 7 to 9 for every notebook held, in file order, as :meth:`started` grades
        them. The lines held go to ``say`` in file order, each graded notebook's when it and
        those before it are graded and recorded."""
        held, self.held, self.say = self.held, [], say
        for entry in held:
            if isinstance(entry, _Queued):
                report, took = next(graded)
                self._record(entry, report, None if took is None else self.queued[took].chosen)
            elif isinstance(entry, _Refused):
                self._record_refused(entry)
            else:
                say(entry)

    def _record(self, queued: _Queued, report: SubmissionReport, same_as: Found | None) -> None:
        """Steps 7 to 9 for one graded notebook; ``same_as``: the file whose grading it took
        (the same graded code, :mod:`autograder.batch`)."""
        from . import gradebook

        chosen, nb, digest = queued.chosen, queued.nb, queued.digest
        if chosen in self.recognised:
            report.notes.insert(0, self.recognised[chosen].note(chosen.path.name))
        self.summary.reports.append(report)
        timestamp, warning = _submission_timestamp(chosen.submission)
        if warning:
            self.say(f"{chosen.label} " + (tr("warning: ", "경고: ") + warning).render(self.lang))
        kept = feedback.filed(report, student=chosen.student, assignment=self.assignment, notebook=nb.name)
        previous = self.done.get((chosen.student, nb.name))
        if previous is not None and previous.report is not None:
            before = self._feedback(previous.report, chosen, nb)
            if dataclasses.replace(before, graded_at=kept.graded_at) == kept:
                kept = before  # the same results: the same report, graded when they were first found
        gradebook.record(self.gb, self.assignment, chosen.student, nb.name, kept,
                         sha256=digest if report.error is None else None, timestamp=timestamp,
                         code=None if report.error is not None else code_fingerprints(chosen.path, nb))
        status = as_text(f"{report.score:g}/{report.max_score:g}")
        if report.error is not None:
            status += tr(" error: ", " 오류: ") + report.error
        if same_as is not None:
            status += tr(" (the same graded code as {file}, graded once)", " ({file} 파일과 같은 채점 코드: 한 번만 채점)",
                         file=same_as.label)
        self.say(f"{chosen.label} " + status.render(self.lang))
        for note in report.notes:
            self.say(f"{chosen.label} " + (tr("note: ", "참고: ") + note).render(self.lang))
        self._write_files(kept, chosen, nb)

    def _feedback(self, stored: SubmissionReport, chosen: Found, nb: CourseNotebook) -> SubmissionReport:
        """A report kept in the gradebook, named after the course layout, not after what
        it says (a tampered gradebook must not choose where a page is written)."""
        return dataclasses.replace(stored, student=chosen.student, assignment=self.assignment, notebook=nb.name,
                                   submission=chosen.path.name)

    def _record_refused(self, refused: _Refused) -> None:
        """A notebook whose every file was refused scores 0 with the reason."""
        from . import gradebook

        student, nb = refused.student, refused.nb
        report = _refused(refused.path, nb.name, nb.cells, refused.why)
        gradebook.record(self.gb, self.assignment, student, nb.name,
                         feedback.filed(report, student=student, assignment=self.assignment, notebook=nb.name))
        self.summary.reports.append(report)

    def missing(self, student: str, nb: CourseNotebook, unrecognised: list[str] = ()) -> None:
        """Score 0 a notebook of which the student handed in no file: not handed in, or,
        when some of the student's files were recognised as no notebook, not recognised."""
        if unrecognised:
            why = tr("no file of this notebook was recognised: {files} neither named after it nor defining most of its "
                     "graded functions", "이 노트북의 파일을 찾지 못했습니다: {files} 파일은 이 노트북의 이름도 아니고 "
                     "채점 함수를 절반 이상 정의하지도 않습니다", files=", ".join(unrecognised))
            self.summary.not_recognised += 1
        else:
            why = tr("not handed in: no file of this notebook in the submission",
                     "제출하지 않음: 제출물에 이 노트북 파일이 없습니다")
            self.summary.not_handed_in += 1
        from . import gradebook

        gradebook.record_missing(self.gb, self.assignment, student, nb.name, why.render(self.lang))
        # A copy left from a file since withdrawn would show formgrader a notebook not handed in.
        (self.course_dir / "autograded" / student / self.assignment / f"{nb.name}.ipynb").unlink(missing_ok=True)
        total = sum(points for _, points in nb.cells)
        shown = safe_name(why.render(self.lang)) if unrecognised else tr("not handed in", "제출하지 않음").render(self.lang)
        self.say(f"[-] {safe_name(student)}/{safe_name(nb.name)}.ipynb {shown}: 0/{total:g}")

    def _write_files(self, kept: SubmissionReport, submitted: Found, nb: CourseNotebook) -> None:
        """Steps 8 and 9: the feedback page and the autograded copy, from the gradebook's
        current scores; each written only when it does not hold what it should (missing, out
        of date, or written over by another tool)."""
        from . import autograded, gradebook

        final = gradebook.final_scores(self.gb, self.assignment, kept.student, nb.name)
        kept = kept.with_scores(final)
        lang = self.lang or editions.language(submitted.path.name)  # a Korean edition's learner reads Korean
        page = feedback.feedback_path(self.course_dir, kept)
        if not page.is_file() or page.read_text(encoding="utf-8") != feedback.render_html(kept, lang):
            feedback.write_feedback(self.course_dir, kept, lang)
        copy = self.course_dir / "autograded" / kept.student / self.assignment / f"{nb.name}.ipynb"
        autograded.write_autograded(copy, submitted.path, list(kept.tests), nb.function_aliases, lang)
        for folder in (page.parent, copy.parent):
            _copy_submission_files(submitted.submission, folder)


def code_fingerprints(path: Path, nb: CourseNotebook) -> dict | None:
    """What the class page compares of a graded file (:mod:`autograder.review`): its code
    fingerprint, that of each graded function it defines (under its name or an earlier
    one), and whether it is an untouched copy of the released notebook; ``None`` when the
    file cannot be read."""
    try:
        submission = read_submission(path)
    except SubmissionError:
        return None
    code = submission.fingerprint()
    defined = submission.function_fingerprints()
    functions = {names[0]: next((defined[n] for n in names if n in defined), None) for names in nb.functions}
    return {"fingerprint": code, "functions": {f: fp for f, fp in functions.items() if fp is not None},
            "untouched": code in nb.released}


@dataclass(frozen=True)
class _Queued:
    """A notebook of one student to grade: its chosen file, recorded with ``digest``."""

    chosen: Found
    nb: CourseNotebook
    digest: str
    companions: dict[str, Path | None] | None


@dataclass(frozen=True)
class _Refused:
    """A notebook of one student not graded, every file of it refused (``path``, the first, with ``why``)."""

    student: str
    nb: CourseNotebook
    path: Path
    why: Text


def _digest(path: Path, companions: Mapping[str, Path | None]) -> str:
    """The sha256 a notebook is recorded with: its file's, and, for a notebook graded with
    the files of others (its companions), those files' too, so a step-by-step notebook
    handed in later has its application graded again."""
    digest = sha256_regular(path, MAX_SUBMISSION_BYTES)
    others = sorted((name, other) for name, other in companions.items() if other is not None)
    if not others:
        return digest
    parts = [digest] + [f"{name}:{sha256_regular(other, MAX_SUBMISSION_BYTES)}" for name, other in others]
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()


def _foreign(changed: dict[str, tuple[float, float]], previous: gradebook.Recorded) -> Text:
    """``"its scores were changed in the gradebook by another tool ... (test_propagate 3 -> 0; total 7 -> 5)"``."""
    cells = "; ".join(f"{name} {ours:g} -> {now:g}" for name, (ours, now) in sorted(changed.items()))
    ours = sum(previous.written.values())
    return tr("its scores were changed in the gradebook since autograde wrote them, by another tool (nbgrader "
              "autograde?): {cells}; total {ours:g} -> {now:g}",
              "autograde가 기록한 뒤 다른 도구(nbgrader autograde?)가 성적부의 점수를 바꿨습니다: {cells}; "
              "합계 {ours:g} -> {now:g}", cells=cells, ours=ours, now=previous.score)


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
        raise CourseError(tr("no course directory at {folder}: expected an nbgrader course directory holding {layout}",
                             "{folder}에 강좌 폴더가 없습니다: {layout} 형태의 제출물이 있는 nbgrader 강좌 폴더여야 합니다",
                             folder=course_dir, layout=layout))
    if not submitted.is_dir():
        raise CourseError(tr("no submitted/ folder in the course directory {folder}: expected {expected} (nbgrader "
                             "collect puts submissions there)",
                             "강좌 폴더 {folder}에 submitted/ 폴더가 없습니다: {expected} 형태여야 합니다 (nbgrader "
                             "collect가 제출물을 거기에 둡니다)", folder=course_dir, expected=course_dir / layout))
    students = sorted(p for p in submitted.iterdir()
                      if p.is_dir() and not p.is_symlink() and not p.name.startswith("."))
    folders = [s / assignment for s in students if (s / assignment).is_dir() and not (s / assignment).is_symlink()]
    if not folders:
        found = sorted({a.name for s in students for a in s.iterdir() if a.is_dir() and not a.name.startswith(".")})
        raise CourseError(tr("no submissions of assignment {assignment!r} in {submitted}: expected "
                             "{submitted}/<student>/{assignment}/*.ipynb; assignments found: {found}",
                             "{submitted}에 과제 {assignment!r}의 제출물이 없습니다: "
                             "{submitted}/<student>/{assignment}/*.ipynb 형태여야 합니다. 찾은 과제: {found}",
                             assignment=assignment, submitted=submitted,
                             found=", ".join(found) or tr("none", "없음")))
    return folders


def _submission_timestamp(folder: Path) -> tuple[datetime | None, Text | None]:
    """When the student submitted, from nbgrader's ``timestamp.txt`` in the folder, in UTC;
    and a warning when the file is there but is not a time (then no timestamp is used)."""
    path = folder / "timestamp.txt"
    if not os.path.lexists(path):
        return None, None
    try:
        text = read_regular(path, _SMALL_FILE).decode(errors="replace").strip()
    except NotReadable as exc:
        return None, tr("{path} is not read ({why}); graded without a submission time",
                        "{path} 파일을 읽지 않았습니다 ({why}). 제출 시각 없이 채점합니다",
                        path=safe_name(str(path)), why=exc.text)
    if not text:
        return None, None
    from nbgrader.utils import parse_utc

    try:
        return parse_utc(text), None
    except (ValueError, OverflowError) as e:
        return None, tr("{path} holds {text!r}, not a timestamp like '2024-03-01 17:05:12.345 UTC' (as nbgrader "
                        "collect writes): {why}; graded without a submission time",
                        "{path} 파일의 내용 {text!r}: nbgrader collect가 쓰는 '2024-03-01 17:05:12.345 UTC' 같은 "
                        "시각이 아닙니다 ({why}). 제출 시각 없이 채점합니다",
                        path=safe_name(str(path)), text=safe_name(text[:80]), why=safe_name(str(e)[:200]))


def grade_assignment(course_dir: Path, assignment: str, *, dev_secret: bool = False, force: bool = False,
                     limits: Limits = Limits(), progress: Progress | None = None,
                     lang: str | None = None, jobs: int = 1, scheduler: str | None = None) -> CourseRun:
    """Check, then grade every submission of ``assignment`` into the course's gradebook."""
    found = notebooks_of(assignment)
    grading_secret = preflight(found.values(), dev_secret=dev_secret)
    existing = gradebook_peek.notebook_names(course_dir, assignment)
    if existing is None:  # not readable here: nbgrader's ORM reads it, or says what is wrong
        from . import gradebook

        with gradebook.opened(course_dir) as gb:
            existing = gradebook.notebook_names(gb, assignment)
    books, by_name = {}, {}
    for spec in found.values():
        # A gradebook that already names the notebook (e.g. after the classic file) keeps its name.
        name = names.match(spec.stem, {n: () for n in existing}) or next(
            (n for n in existing if names.match(n, {spec.stem: names.names_of(spec)})), spec.stem)
        books[name], by_name[name] = course_notebook(spec, name), spec
    name_of = {spec.id: name for name, spec in by_name.items()}
    for name, spec in list(by_name.items()):  # the notebooks each builds on, graded here or not
        used = []
        for companion in map(specs.get, spec.companions):
            used_name = name_of.get(companion.id, companion.stem)
            used.append(books.get(used_name) or course_notebook(companion, used_name))
            by_name.setdefault(used_name, companion)
        books[name] = dataclasses.replace(books[name], companions=tuple(used))
    grade_one = grader(by_name, grading_secret, limits)
    return grade_course(Path(course_dir), assignment, grade_one, books, progress=progress, force=force, lang=lang,
                        jobs=jobs, scheduler=scheduler)
