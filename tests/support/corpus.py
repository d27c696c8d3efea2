"""Bug corpora and example classes: each week declares its cases as data, and every case
is graded one way and tested the same way.

A *case* is a submission and the verdict it must get: the instructor solution with a small
source edit (a bug, :func:`bug`), correct code written differently (a variant), or a
notebook of the bundled example class (``examples/<week>``); the functions that lose
their points (every other function keeps all of its), and fragments that functions'
messages must contain (the check, expected vs got, a hint, what was accepted). A week's
test module gathers its cases in a :class:`Corpus` and subclasses :class:`CorpusTests`
(or :class:`ExampleClassTests`) with it; what only that week asserts stays beside.

How a case is graded: by :func:`autograder.engine.grade_submission`, in the test process,
one file after another, each when a test first asks for its report. That is what every
instructor command runs for each file, sandbox included: ``autograde grade`` does the same
in its own process with ``--jobs 1``, its default; ``--jobs N`` adds a pool of processes,
and the command adds progress lines and the JSON rendering (``tests/autograder/test_cli.py``
tests those). It costs the least machine: on the week-3 corpus (47 files, the 2-core
machine shared with others at load 3 to 4), 263 s of CPU in this process against 317 s
through the command's ``grade_files`` with two jobs, for each worker of a pool is a
process of its own that computes the reference's remembered calls again
(``autograder/memo.py``); here they are computed once for every case of a run. The pool
was faster while a core was free (337 s wall against 412 s), a gain the shared machine
pays for. No week needs a process per file: the sandbox already runs each submission's
code in processes of its own. And the command could not grade everything: it takes a
notebook id, not a spec, so not the week-4 application without its trainings
(:func:`without_training`); and started from a git worktree, the ``autograde`` script
imports the checkout it was installed from, not the one under test.
"""

from __future__ import annotations

import fnmatch
import re
import shutil
import tempfile
import weakref
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import ClassVar

import pytest
from source_edits import Bug

from autograder import ROOT
from autograder.engine import budget, grade_submission
from autograder.sandbox.isolation import Limits
from dlcheck.checks import NotebookSpec
from dlcheck.results import SubmissionReport, TestResult

#: An edit of the solution's source: the graded file's source, or several files by name
#: (the first graded, the others beside it: a companion notebook).
Edit = Callable[[str], "str | Mapping[str, str]"]


def unchanged(solution: str) -> str:
    """The solution itself: its functions all pass, so a lost point is an edit's doing."""
    return solution


@dataclass(frozen=True)
class Case:
    """One submission and the verdict it must get.

    ``submission``: a file graded where it is, or an edit of the solution's source
    (applied when the case is graded, so an edit that no longer fits fails its own tests).
    ``failing``: the functions that lose all their points; every other keeps all of its.
    ``says``: function -> fragments its English message contains.
    ``spec``: the spec to grade with, when it is not the corpus's.
    """

    submission: Path | Edit
    failing: Iterable[str] = frozenset()
    says: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    spec: NotebookSpec | None = None

    def __post_init__(self) -> None:
        object.__setattr__(self, "failing", frozenset(self.failing))


def bug(the_bug: Bug, *, says: Mapping[str, tuple[str, ...]] | None = None, spec: NotebookSpec | None = None) -> Case:
    """The case of ``the_bug``: it costs its function, whose message holds its fragments;
    ``says`` adds what other functions' messages hold."""
    return Case(the_bug.source, {the_bug.function}, {the_bug.function: the_bug.fragments, **(says or {})}, spec)


def bugs(corpus: Mapping[str, Bug], spec: NotebookSpec | None = None) -> dict[str, Case]:
    """A case per bug of ``corpus``, by the same names."""
    return {name: bug(b, spec=spec) for name, b in corpus.items()}


def without_training(spec: NotebookSpec) -> NotebookSpec:
    """``spec`` without the checks that declare their own time (training on the real data,
    about a minute each): for verdicts the small checks decide. Its files keep the whole
    spec's time budget, so a busy machine does not decide a verdict."""
    copy = NotebookSpec(spec.id, helpers=spec.helpers, data_files=spec.data_files, companions=spec.companions,
                        given=spec.given, provided=spec.provided, classic_names=spec.classic_names,
                        seconds=budget(spec, Limits()))
    copy.functions[:] = [fn.with_checks(c for c in fn.checks if not c.seconds) for fn in spec.functions]
    assert sum(len(f.checks) for f in copy.functions) < sum(len(f.checks) for f in spec.functions)
    return copy


def slug(name: str) -> str:
    """A file or folder name for a case name."""
    return re.sub(r"\W", "_", name)


class Corpus:
    """A notebook's cases by name, each graded once, when a test first asks for its report
    (so ``-k`` grades only the cases of the selected tests)."""

    def __init__(self, spec: NotebookSpec, cases: Mapping[str, Case]):
        self.spec = spec
        self.cases = dict(cases)
        self._reports: dict[str, SubmissionReport] = {}
        self._folder: Path | None = None

    def __repr__(self) -> str:
        return f"Corpus({self.spec.id!r}, {len(self.cases)} cases)"

    def spec_of(self, name: str) -> NotebookSpec:
        return self.cases[name].spec or self.spec

    def report(self, name: str) -> SubmissionReport:
        """The report of case ``name``, graded the first time it is asked for."""
        if name not in self._reports:
            self._reports[name] = grade_submission(self._path(name), self.spec_of(name))
        return self._reports[name]

    def verdicts(self, name: str) -> dict[str, TestResult]:
        """Case ``name``'s verdict of each function, by function."""
        return {t.function: t for t in self.report(name).tests}

    def messages(self, name: str) -> dict[str, str]:
        """Case ``name``'s English message of each function, by function."""
        return {f: str(t.message) for f, t in self.verdicts(name).items()}

    def _path(self, name: str) -> Path:
        submission, spec = self.cases[name].submission, self.spec_of(name)
        if isinstance(submission, Path):
            return submission
        files = submission((ROOT / spec.solution).read_text(encoding="utf-8"))
        if isinstance(files, str):
            files = {Path(spec.solution).name: files}
        if self._folder is None:
            self._folder = Path(tempfile.mkdtemp(prefix=f"corpus-{slug(self.spec.id)}-"))
            weakref.finalize(self, shutil.rmtree, self._folder, True)
        folder = self._folder / slug(name)
        folder.mkdir()
        for file, source in files.items():
            (folder / file).write_text(source, encoding="utf-8")
        return folder / next(iter(files))


def _said(cases: Mapping[str, Case]) -> list[str]:
    return [name for name, case in cases.items() if case.says]


class CorpusTests:
    """The tests of every case of ``corpus``: subclass it as ``Test...`` with ``corpus = ...``,
    and ``needs``, the markers of what grading its cases needs (``tests/support/needs.py``),
    if more than a sandbox.

    Parameters: ``case`` takes every case's name, ``said`` the names of those with ``says``.
    """

    corpus: ClassVar[Corpus]
    needs: ClassVar[tuple[str, ...]] = ("grading",)

    def pytest_generate_tests(self, metafunc: pytest.Metafunc) -> None:
        marks = [getattr(pytest.mark, need) for need in self.needs]
        for argument, names in (("case", list(self.corpus.cases)), ("said", _said(self.corpus.cases))):
            if argument in metafunc.fixturenames:
                metafunc.parametrize(argument, [pytest.param(n, marks=marks, id=n) for n in names])

    def test_costs_exactly_its_failing_functions(self, case: str) -> None:
        """Is the file graded, every function in the spec's order with its points, and does
        it lose all the points of exactly the functions it gets wrong, keeping all others?"""
        report, spec, failing = self.corpus.report(case), self.corpus.spec_of(case), self.corpus.cases[case].failing
        assert report.error is None, str(report.error)
        points = {f.name: f.points for f in spec.functions}
        assert [(t.function, t.max_score) for t in report.tests] == list(points.items())
        wrong = {t.function: str(t.message) for t in report.tests if t.passed == (t.function in failing)}
        assert not wrong, f"expected to fail {sorted(failing)}; these did otherwise: {wrong}"
        assert all(t.score == (t.max_score if t.passed else 0) for t in report.tests), report.tests
        assert report.score == spec.max_score - sum(points[f] for f in failing)

    def test_messages_say_what_they_should(self, said: str) -> None:
        """Does each function's message say what the case declares: for a failing one, the
        function's name, the check, expected vs got and a hint that fits the bug; for one
        that keeps its points, what was accepted or how it was graded?"""
        case, verdicts = self.corpus.cases[said], self.corpus.verdicts(said)
        for function, fragments in case.says.items():
            verdict = verdicts[function]
            message = "(it passed)" if function in case.failing and verdict.passed else str(verdict.message)
            missing = [f for f in fragments if f not in message]
            assert not missing, f"{function}: {missing} not in: {message}"
            if function in case.failing:
                assert re.search(rf"\b{function}\b", message), message


class ExampleClassTests(CorpusTests):
    """The tests of a bundled example class (``examples/<week>``) and its README's table,
    beside :class:`CorpusTests`'. ``members``: globs, in ``folder``, of the class's files
    (or of folders, for a glob that ends with ``/``); a case is named by its path there,
    as the README's table names it; cases outside ``folder`` (the solution) are not members."""

    folder: ClassVar[Path]
    members: ClassVar[tuple[str, ...]]

    def _members(self) -> dict[str, Case]:
        return {name: case for name, case in self.corpus.cases.items() if isinstance(case.submission, Path)
                and case.submission.is_relative_to(self.folder)}

    def test_every_example_has_an_expected_verdict(self) -> None:
        """Is every file of the example class one a case expects a verdict for, and vice versa?"""
        found = [p.relative_to(self.folder).as_posix() + ("/" if glob.endswith("/") else "")
                 for glob in self.members for p in sorted(self.folder.glob(glob))]
        assert sorted(found) == sorted(self._members())

    def test_readme_table_lists_the_expected_scores(self) -> None:
        """Does the example class's README give each example the score the cases expect (the
        rows of its members: a week of two notebooks may have a class for each)?"""
        readme = (self.folder / "README.md").read_text(encoding="utf-8")
        rows = [row for row in re.findall(r"^\| `([\w./]+)` \| .* \| (\d+)/(\d+)\b.*\|$", readme, re.M)
                if any(fnmatch.fnmatch(row[0], glob) for glob in self.members)]  # a week's other notebooks have theirs
        expected = {}
        for name, case in self._members().items():
            spec = case.spec or self.corpus.spec
            expected[name] = (spec.max_score - sum(f.points for f in spec.functions if f.name in case.failing),
                              spec.max_score)
        assert {name: (int(score), int(of)) for name, score, of in rows} == expected


def failing_all_but(spec: NotebookSpec, passing: Iterable[str]) -> frozenset[str]:
    """The functions of ``spec`` not in ``passing``: for a case that keeps only a few."""
    return frozenset(f.name for f in spec.functions) - set(passing)
