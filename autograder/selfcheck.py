"""The student's side: the public checks, with the grader's own messages.

* In the notebook, after each function: ``check = checker("week2/logistic_regression")``
  once, then ``check(propagate)``. Runs in the student's kernel (it is their own code).
* From a shell: ``pytest assignments/week2`` grades the notebooks in that folder through
  the same sandbox and checks as the grader, public tier only, against the expected values
  recorded at release time (students have no solutions).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Callable

from . import ROOT, specs
from .checks import NotebookSpec
from .engine import KernelTrial, grade_submission, run_checks
from .release import load_expected
from .results import SubmissionReport, TestResult


def check_function(spec: NotebookSpec, fn: Callable[..., Any], root: Path = ROOT) -> TestResult:
    """Run the public checks of ``fn`` (a function object named as in the spec)."""
    graded = spec.function(fn.__name__)
    checks = [c for c in graded.checks if c.tier == "public"]
    return run_checks(graded, checks, KernelTrial(graded.name, fn, load_expected(spec, root)))


def checker(notebook_id: str) -> Callable[[Callable[..., Any]], None]:
    """``check(fn)`` for a notebook: prints the verdict, or raises AssertionError with the
    grader's message (so a failing check cell shows as failed, for nbgrader too)."""
    spec = specs.get(notebook_id)

    def check(fn: Callable[..., Any]) -> None:
        result = check_function(spec, fn)
        if not result.passed:
            raise AssertionError(result.message)
        n_hidden = sum(c.tier == "hidden" for c in spec.function(fn.__name__).checks)
        print(f"PASSED {fn.__name__}: {result.message.removeprefix('passed ')}. "
              f"The grader also runs {n_hidden} hidden check(s) on random inputs.")

    return check


def grade_public(path: Path, spec: NotebookSpec, root: Path = ROOT) -> SubmissionReport:
    """Grade a notebook file on the public checks only, as ``pytest assignments/...`` does."""
    return grade_submission(path, spec, tiers=("public",), recorded=load_expected(spec, root))


def specs_in(folder: Path, root: Path = ROOT) -> list[NotebookSpec]:
    """The notebook specs whose student notebooks live in ``folder``."""
    folder = folder.resolve()
    return [s for s in specs.NOTEBOOKS.values() if (root / s.release).resolve().parent == folder]
