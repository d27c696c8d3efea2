"""Functions a classic notebook imports from the course's helper modules: given, not the
learner's to write.

The classic week-4 application (W4A2) never asks for ``predict``: ``from dnn_app_utils_v3
import *`` gives it, with the course's own step-by-step functions, and the notebook only
calls them. Each spec declares what each classic helper module gives
(``NotebookSpec(..., given={"dnn_app_utils_v3": ("predict", ...)})``). Weeks 5 and 6
declare none (``init_utils``, ``reg_utils``, ``gc_utils`` and ``opt_utils_v1a`` give no
graded function: W2A1 of course 2 imports only the network, data and plots from
``opt_utils_v1a``, its ``model`` a cell of the notebook, graded; W1A1 imports only helpers
from ``init_utils``, W1A2 only the network its graded functions regularize from
``reg_utils`` (its ``model`` is a cell of the notebook, provided), and W1A3 writes its
``forward_propagation_n`` in a cell, which this course's notebook provides the same way,
``NotebookSpec(..., provided=...)``).

A declared function is *given* to a file that imports it from such a module (``from m
import *`` or ``from m import f``) and does not define it itself (under any of its names).
Then:

- the reference answers it whenever graded code calls it (it is the course's function,
  which the notebook ran), in every run, with a note that says so;
- a given function that the notebook grades is not graded (no message blames the learner
  for not writing it); its points follow the learner's own functions (:func:`score`).

Why its points follow the learner's own functions, rather than being given outright or
left out: nbgrader's gradebook holds one set of grade cells, with one maximum, per
notebook, so leaving it out would give some students another maximum, and the class's
scores would no longer compare; giving the point outright would give an untouched classic
notebook points for nothing. Scored as the share of the learner's own points, the
notebook's total is the share of its own functions the learner got right, on the same
maximum as everyone's (the gradebook's way of excusing an item), and an untouched notebook
still scores 0.
"""

from __future__ import annotations

import ast
import dataclasses
from collections.abc import Iterable

from dlcheck.checks import GradedFunction, NotebookSpec
from dlcheck.extract import Submission
from dlcheck.results import TestResult
from dlcheck.run import result
from dlcheck.text import Text, tr

from .recognise import defined


def imports(submission: Submission) -> dict[str, set[str]]:
    """Module -> the names the submission imports from it at top level (``"*"`` for all)."""
    found: dict[str, set[str]] = {}
    for _, source in submission.statements:
        try:
            tree = ast.parse(source)
        except (SyntaxError, ValueError, RecursionError, MemoryError):  # parsed once already: a defensive no
            continue
        for node in tree.body:
            if isinstance(node, ast.ImportFrom) and node.module and not node.level:
                found.setdefault(node.module, set()).update(a.name for a in node.names)
    return found


def given_to(spec: NotebookSpec, declared: Iterable[GradedFunction], submission: Submission,
             own: frozenset[str] | None = None) -> dict[str, str]:
    """Each function of ``declared`` given to ``submission`` -> the helper module that gives
    it (the rule of the module docstring); ``own``: the functions the learner's code
    defines (default: the submission's)."""
    own = defined(submission) if own is None else own
    imported = imports(submission)
    out = {}
    for fn in declared:
        if set(fn.names) & own:
            continue
        for module, functions in spec.given.items():
            names = imported.get(module, set())
            if fn.name in functions and ("*" in names or set(fn.names) & names):
                out[fn.name] = module
                break
    return out


def placeholder(fn: GradedFunction, module: str) -> TestResult:
    """The result of a given function until :func:`score` knows its points."""
    return result(fn, False, tr("{fn} is given by {module}", "{fn} 함수는 {module}에서 주어집니다", fn=fn.name,
                                module=module))


def score(tests: list[TestResult], given: dict[str, str]) -> list[TestResult]:
    """``tests`` with each given function scored as the share of the learner's own points
    (see the module docstring), and its message saying so."""
    own = [t for t in tests if t.function not in given]
    earned, available = sum(t.score for t in own), sum(t.max_score for t in own)
    share = earned / available if available else 0.0
    out = []
    for t in tests:
        if t.function in given:
            points = round(share * t.max_score, 2)
            t = dataclasses.replace(t, score=points, passed=bool(available) and earned == available,
                                    message=_message(t.function, given[t.function], earned, available, points))
        out.append(t)
    return out


def _message(fn: str, module: str, earned: float, available: float, points: float) -> Text:
    return tr("{fn} is not yours to write: your notebook imports it from {module}, the classic course's helper "
              "module, so it is not graded. Its points follow your own functions: {earned:g} of {available:g} "
              "points, so {points:g}.",
              "{fn} 함수는 직접 작성하는 함수가 아닙니다: 노트북이 클래식 코스의 도우미 모듈 {module}에서 가져오므로 "
              "채점하지 않습니다. 이 함수의 점수는 직접 작성한 함수들의 점수 비율을 따릅니다: {available:g}점 중 "
              "{earned:g}점이므로 {points:g}점.", fn=fn, module=module, earned=earned, available=available,
              points=points)


def note(file: str, given: dict[str, str], graded: Iterable[str]) -> list[Text]:
    """One note per helper module: what ``file`` takes from it, and what that means."""
    by_module: dict[str, list[str]] = {}
    for fn, module in given.items():
        by_module.setdefault(module, []).append(fn)
    graded = set(graded)
    notes = []
    for module, functions in by_module.items():
        scored = [f for f in functions if f in graded]
        text = tr("{file} imports {functions} from {module}, the classic course's helper module: they are the "
                  "course's, not yours to write, and the grader runs its own correct versions of them where your "
                  "code calls them.",
                  "{file} 파일은 클래식 코스의 도우미 모듈 {module}에서 {functions} 함수를 가져옵니다: 코스가 준 함수이므로 "
                  "직접 작성하지 않아도 되고, 여러분의 코드가 호출하는 곳에서는 채점기가 올바른 버전을 실행합니다.",
                  file=file, functions=", ".join(functions), module=module)
        if scored:
            text = text + tr(" {fns} is not graded: its points follow your own functions.",
                             " {fns} 함수는 채점하지 않으며, 그 점수는 직접 작성한 함수들의 점수 비율을 따릅니다.",
                             fns=", ".join(scored))
        notes.append(text)
    return notes
