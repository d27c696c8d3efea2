"""The instructor's solution of a notebook, run in the grader's own process (trusted).

Besides the reference functions themselves, the solution's source says what a spec does
not have to: each graded function's parameters, and which other graded functions it
calls (its *callees*). Both are read from the solution's syntax tree, so a callee is
never left out of a hand-written list.

Reference calls print nothing (``print_cost=True`` goes nowhere: stdout belongs to the
report), and those the grader asks for itself are remembered (:mod:`autograder.memo`);
calls made for a sandbox (callbacks) are not, so a student cannot fill the cache.
"""

from __future__ import annotations

import ast
import contextlib
import functools
import hashlib
import inspect
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from dlcheck import written
from dlcheck.checks import GradedFunction, GraderError, NotebookSpec
from dlcheck.extract import parse_python
from dlcheck.text import tr

from . import helpers, memo, project
from .sandbox.session import quiet


@dataclass(frozen=True)
class Reference:
    """One notebook's solution: its namespace, and what its source says of each graded function.

    Attributes
    ----------
    namespace : dict
        The solution's functions (its kept statements, run here).
    digest : str
        sha256 of the solution source: part of every cache key.
    params : dict of str to tuple of str
        Parameters of each graded function.
    calls : dict of str to tuple of str
        The other graded functions each graded function calls, in the spec's order.
    stubs : dict of str to Stub
        What each graded function's stub asks: its signature with defaults, and the names
        its solution region computes (for messages, see :mod:`dlcheck.written`).
    modules : frozenset of str
        The modules the solutions import (top-level names: ``numpy``, ``dnn_utils``).
    """

    namespace: dict[str, Any]
    digest: str
    params: dict[str, tuple[str, ...]]
    calls: dict[str, tuple[str, ...]]
    stubs: dict[str, written.Stub]
    modules: frozenset[str] = frozenset()

    def function(self, name: str) -> Callable[..., Any]:
        try:
            return self.namespace[name]
        except KeyError:
            raise GraderError(f"the reference solution defines no {name!r}") from None

    def asked(self, name: str) -> Callable[..., Any]:
        """``name``, for a call the grader itself makes: quiet, and remembered when slow."""
        return _quiet(memo.memoized(name, self.function(name), self.digest))

    def for_callback(self, fn: GradedFunction, results: int | None = None) -> Callable[..., Any]:
        """``fn``'s reference, for a sandbox that calls it in place of the student's own
        version: quiet, never cached, and accepting the course's earlier signatures; with
        ``results`` (one of ``fn.earlier_results``), returning that many of its results, as
        the student's own version and the code that calls it do."""
        reference = self.function(fn.name)
        signature = inspect.signature(reference)

        def call(*args: Any, **kwargs: Any) -> Any:
            try:
                signature.bind(*args, **kwargs)
            except TypeError:
                args, kwargs = _from_old_signature(fn, signature, args, kwargs)
            value = reference(*args, **kwargs)
            return value[:results] if results is not None and isinstance(value, tuple) else value

        call.__name__ = fn.name
        return call


@contextlib.contextmanager
def fixed_random_state(seed: int = 0) -> Iterator[None]:
    """Run the block (reference calls of a check) alone among reference calls, from NumPy's
    global random state seeded with ``seed``, and put the state back after. The state is
    part of a remembered result's key (:mod:`autograder.memo`), so a slow reference that
    seeds itself is then found in the cache whatever ran before it, in whichever thread
    (long checks run side by side)."""
    with quiet():
        state = np.random.get_state()
        np.random.seed(seed)
        try:
            yield
        finally:
            np.random.set_state(state)


def _quiet(fn: Callable[..., Any]) -> Callable[..., Any]:
    """``fn``, run alone among reference calls (the cache's look-up of NumPy's random state
    included), printing nothing."""
    @functools.wraps(fn)
    def call(*args: Any, **kwargs: Any) -> Any:
        with quiet():
            return fn(*args, **kwargs)
    return call


def _from_old_signature(fn: GradedFunction, current: inspect.Signature, args: tuple,
                        kwargs: dict) -> tuple[tuple, dict]:
    """Arguments given in one of ``fn``'s old signatures, renamed to the current one."""
    for old in fn.old_signatures:
        old_signature = inspect.Signature([inspect.Parameter(p, inspect.Parameter.POSITIONAL_OR_KEYWORD)
                                           for p in old.params])
        try:
            bound = old_signature.bind(*args, **kwargs).arguments
        except TypeError:
            continue
        return (), {name: value for name, value in bound.items() if name in current.parameters}
    return args, kwargs  # let the reference say what is wrong


def _derive(source: str, graded: tuple[str, ...], solution: Path) -> tuple[dict, dict, dict]:
    """Parameters, graded callees and stub of each graded function, read from the solution."""
    defs = {node.name: node for node in ast.parse(source).body if isinstance(node, ast.FunctionDef)}
    params, calls, stubs = {}, {}, {}
    for name in graded:
        node = defs.get(name)
        if node is None:
            raise GraderError(f"{solution} does not define the graded function {name}")
        stubs[name] = written.stub_of(node, source.splitlines())
        params[name] = stubs[name].params
        used = {n.id for n in ast.walk(node) if isinstance(n, ast.Name)}
        calls[name] = tuple(other for other in graded if other != name and other in used)
    return params, calls, stubs


@functools.cache
def _solution(solutions: tuple[Path, ...], helper_names: tuple[str, ...] = ()) -> tuple[str, dict[str, Any]]:
    """The solutions' sources (joined), and the namespace their kept statements make, in
    order: a companion notebook's solution first, so the notebook's own code can call it.

    Their imports of the classic course's helper modules (``from planar_utils import sigmoid``)
    get the stand-ins the sandbox gets (``helper_names``), so the reference and the
    submission call the same given functions.
    """
    sources = []
    for solution in solutions:
        try:
            sources.append(solution.read_text(encoding="utf-8"))
        except OSError as exc:
            raise GraderError(tr(
                "the reference solution {solution} is missing ({why}); grading needs the instructor's solutions/ "
                "folder: set {setting} to the project holding it (an installed grader has none of its own), "
                "or pass --project DIR",
                "참조 솔루션 {solution} 파일이 없습니다 ({why}). 채점에는 교수자의 solutions/ 폴더가 필요합니다: "
                "그 폴더가 있는 프로젝트를 {setting}에 지정하거나 (설치된 채점기에는 들어 있지 않습니다) "
                "--project DIR를 주세요",
                solution=str(solution), why=exc.strerror, setting=project.ENV_VAR)) from None
    namespace: dict[str, Any] = {"__name__": "reference"}
    with quiet(), helpers.importable(helper_names):
        for solution, source in zip(solutions, sources, strict=True):
            for filename, statement in parse_python([source], prefix="solution").statements:
                try:
                    exec(compile(statement, f"{solution}{filename}", "exec"), namespace)
                except ImportError:
                    continue  # the notebook's own set-up imports (dlcheck)
    return "\n".join(sources), namespace


@functools.cache
def _reference(solutions: tuple[Path, ...], helper_names: tuple[str, ...], graded: tuple[str, ...]) -> Reference:
    source, namespace = _solution(solutions, helper_names)
    params, calls, stubs = _derive(source, graded, solutions[-1])
    return Reference(namespace, hashlib.sha256(source.encode()).hexdigest(), params, calls, stubs,
                     imported(parse_python([source]).statements))


def imported(statements: list[tuple[str, str]]) -> frozenset[str]:
    """The modules kept statements import (top-level names: ``import numpy as np`` is ``numpy``)."""
    names = set()
    for _, statement in statements:
        try:
            tree = ast.parse(statement)
        except (SyntaxError, ValueError, RecursionError, MemoryError):
            continue
        for node in tree.body:
            if isinstance(node, ast.Import):
                names.update(alias.name.split(".")[0] for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
                names.add(node.module.split(".")[0])
    return frozenset(names)


def reference_for(spec: NotebookSpec, root: Path | None = None) -> Reference:
    """The reference of ``spec`` (the solution runs once per process). A notebook with
    companions (the week-4 application uses the step-by-step functions) gets their
    solutions too, and their graded functions are among its declared ones."""
    from . import specs

    root = root or project.root()
    companions = [specs.get(c) for c in spec.companions]
    solutions = tuple((root / s.solution).resolve() for s in (*companions, spec))
    return _reference(solutions, specs.helpers(spec), tuple(f.name for f in specs.declared(spec)))
