"""What a test needs is what its markers say: a pytest plugin that makes an undeclared need
fail the test, in every run.

The fast tier (``make check``) selects the tests that need none of the markers below, so
a test that starts a sandbox, runs a command or reads the real data without saying so
would slow it down or break it on a machine without the data. While a test runs (setup,
call and teardown), this plugin refuses what its markers do not declare:

========== ==========================================================================
marker     what it allows
========== ==========================================================================
grading    starting a sandbox: any process started from ``autograder/sandbox/``
           (the worker, the isolation level's trial run)
subprocess any other child process: ``subprocess``, ``os.fork``, ``os.system``,
           ``os.posix_spawn``, a multiprocessing pool
real_data  reading a real data file: ``h5py.File`` on, or ``dldata``'s verification
           of, a file whose size and sha256 are those of ``dldata.store.KNOWN_FILES``
nbgrader   running nbgrader's applications in this process (``NbGraderAPI``, an app,
           a converter) or exporting a notebook with nbconvert (formgrader's page,
           ``jupyter nbconvert``); importing nbgrader and its gradebook API need no mark
========== ==========================================================================

``e2e`` allows nothing by itself (an end-to-end test also declares what it uses). A need
counts wherever it is met, in the test's process or in a command it runs (``autograde
grade`` of the logistic regression reads the real data); the guard sees its own process.
A fixture declares its needs with :func:`fixture_needs`, and passes them to its users.

A refused need raises :class:`UndeclaredNeed` where it happens and fails the test even if
the code under test swallowed the exception. A child process is not watched: a command
started under ``subprocess`` (``autograde course``, ``nbgrader export``) may grade, read
the data or run nbgrader; mark what it does.

``NEEDS_SURVEY=FILE pytest ...`` lists each undeclared need (test, need, what) in FILE
instead of failing: a way to mark a new module.
"""

from __future__ import annotations

import contextlib
import hashlib
import importlib.abc
import importlib.machinery
import os
import subprocess
import sys
import traceback
from collections.abc import Callable, Iterator
from pathlib import Path
from types import ModuleType

import pytest

#: The markers a test declares its needs with, and what each means (pyproject.toml registers them).
NEEDS = ("grading", "subprocess", "real_data", "nbgrader")

_SANDBOX_PACKAGE = str(Path(__file__).resolve().parents[2] / "autograder" / "sandbox") + os.sep


class UndeclaredNeed(RuntimeError):
    """A test did what none of its markers declares."""


class _Guard:
    """The needs the running test declared (``None``: no test is running), and what it
    did without declaring."""

    def __init__(self) -> None:
        self.allowed: frozenset[str] | None = None
        self.refused: list[str] = []
        self.nodeid = ""
        #: ``$NEEDS_SURVEY``: a file where each need is listed (test, need, what) instead of refused.
        self.survey = os.environ.get("NEEDS_SURVEY")

    def refuses(self, need: str) -> bool:
        """Whether a test is running that did not declare ``need``."""
        return self.allowed is not None and need not in self.allowed

    def check(self, need: str, what: str) -> None:
        """Refuse (or, in a survey, list) ``need`` when the running test did not declare it."""
        if not self.refuses(need):
            return
        if self.survey:
            with open(self.survey, "a") as out:
                out.write(f"{self.nodeid}\t{need}\t{what}\n")
            return
        message = f"this test {what} but is not marked {need!r}: add @pytest.mark.{need} (tests/support/needs.py)"
        self.refused.append(message + "\n" + "".join(traceback.format_stack(limit=12)[:-2]))
        raise UndeclaredNeed(message)

    @contextlib.contextmanager
    def running(self, item: pytest.Item) -> Iterator[None]:
        """Guard the block by ``item``'s markers; fail it if it did anything undeclared."""
        outer = self.allowed, self.refused, self.nodeid
        self.allowed = frozenset(m.name for m in item.iter_markers() if m.name in NEEDS)
        self.refused, self.nodeid = [], item.nodeid
        try:
            yield
        finally:
            refused = self.refused
            self.allowed, self.refused, self.nodeid = outer
        if refused:
            pytest.fail("\n\n".join(refused), pytrace=False)


GUARD = _Guard()


# -- processes -----------------------------------------------------------------------

def _process_need() -> tuple[str, str]:
    """``grading`` when the sandbox package starts the process, else ``subprocess``."""
    frame = sys._getframe(2)
    while frame is not None:
        if frame.f_code.co_filename.startswith(_SANDBOX_PACKAGE):
            return "grading", "starts a sandbox"
        frame = frame.f_back
    return "subprocess", "starts a child process"


def _guard_process(function: Callable) -> Callable:
    def guarded(*args, **kwargs):
        GUARD.check(*_process_need())
        return function(*args, **kwargs)
    guarded.__wrapped__ = function
    return guarded


def _guard_processes() -> None:
    subprocess.Popen._execute_child = _guard_process(subprocess.Popen._execute_child)
    for name in ("fork", "forkpty", "system", "posix_spawn", "posix_spawnp"):
        setattr(os, name, _guard_process(getattr(os, name)))
    import multiprocessing.util
    multiprocessing.util.spawnv_passfds = _guard_process(multiprocessing.util.spawnv_passfds)


# -- real data -----------------------------------------------------------------------

#: (size, sha256) -> name of each real data file, read from ``dldata.store.KNOWN_FILES``
#: before any test registers a fake under a real name.
REAL_FILES: dict[tuple[int, str], str] = {}


def real_file(path: object) -> str | None:
    """The name of the real data file at ``path``, or None (a fake, another file, a file object)."""
    try:
        size = os.stat(path).st_size
    except (TypeError, ValueError, OSError):
        return None
    if all(size != s for s, _ in REAL_FILES):
        return None
    return REAL_FILES.get((size, hashlib.sha256(Path(path).read_bytes()).hexdigest()))


def _guard_real_data() -> None:
    import h5py

    from dldata import store

    REAL_FILES.update({(f.size, f.sha256): name for name, f in store.KNOWN_FILES.items()})
    file_init = h5py.File.__init__

    def h5py_file(self, name, *args, **kwargs):
        if GUARD.refuses("real_data") and (known := real_file(name)):
            GUARD.check("real_data", f"opens the real {known}")
        file_init(self, name, *args, **kwargs)

    check_file = store.check_file

    def verified(path):
        problem = check_file(path)
        if problem is None and GUARD.refuses("real_data") and (known := real_file(path)):  # not a registered fake
            GUARD.check("real_data", f"verifies the real {known}")
        return problem

    h5py.File.__init__ = h5py_file
    store.check_file = verified


# -- nbgrader ------------------------------------------------------------------------

#: module -> (class, method, what it does) of the entry points of nbgrader's applications and
#: nbconvert's exporters. Importing nbgrader imports them all (its gradebook API too), so the
#: guard is on running them, not on importing them.
_NBGRADER_ENTRIES = {
    "nbgrader.apps.api": ("NbGraderAPI", "__init__", "uses nbgrader's NbGraderAPI (formgrader's)"),
    "nbgrader.apps.baseapp": ("NbGrader", "initialize", "runs an nbgrader application"),
    "nbgrader.converters.base": ("BaseConverter", "start", "runs an nbgrader converter"),
    "nbconvert.exporters.exporter": ("Exporter", "from_notebook_node",
                                     "exports a notebook with nbconvert (as formgrader and `jupyter nbconvert` do)"),
}


def _guard_entry(module: ModuleType) -> None:
    cls, method, what = _NBGRADER_ENTRIES[module.__name__]
    owner = getattr(module, cls)
    function = getattr(owner, method)

    def guarded(*args, **kwargs):
        GUARD.check("nbgrader", what)
        return function(*args, **kwargs)

    guarded.__wrapped__ = function
    setattr(owner, method, guarded)


class _GuardOnImport(importlib.abc.MetaPathFinder):
    """Guards the entry points of a module of :data:`_NBGRADER_ENTRIES` once it is imported
    (imported lazily: most runs never import nbgrader)."""

    def find_spec(self, fullname, path, target=None):
        if fullname not in _NBGRADER_ENTRIES:
            return None
        spec = importlib.machinery.PathFinder.find_spec(fullname, path, target)
        if spec is None or spec.loader is None:
            return spec
        exec_module = spec.loader.exec_module

        def exec_and_guard(module: ModuleType) -> None:
            exec_module(module)
            _guard_entry(module)

        spec.loader.exec_module = exec_and_guard
        return spec


def _guard_nbgrader() -> None:
    for name in _NBGRADER_ENTRIES:
        if name in sys.modules:
            _guard_entry(sys.modules[name])
    sys.meta_path.insert(0, _GuardOnImport())


# -- fixtures that need ----------------------------------------------------------------

def fixture_needs(*markers: str) -> Callable[[Callable], Callable]:
    """Declare what a fixture needs (under ``@pytest.fixture``): every test that uses it,
    directly or through another fixture, is marked with ``markers`` when collected, so
    ``-m`` selects it as if the test were marked itself."""
    unknown = set(markers) - {*NEEDS, "e2e"}
    assert not unknown, f"not a need: {unknown}"

    def declare(function: Callable) -> Callable:
        function.needs = markers
        return function

    return declare


@pytest.hookimpl(tryfirst=True)  # before `-m` deselects
def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        info = getattr(item, "_fixtureinfo", None)  # pytest's own record of the fixtures a test uses
        for name in info.names_closure if info else ():
            for fixture in info.name2fixturedefs.get(name, ())[-1:]:  # the definition this test gets
                for marker in getattr(fixture.func, "needs", ()):
                    item.add_marker(marker)


# -- hooks ---------------------------------------------------------------------------

def pytest_configure(config: pytest.Config) -> None:
    _guard_processes()
    _guard_real_data()
    _guard_nbgrader()


@pytest.hookimpl(wrapper=True)
def pytest_runtest_setup(item: pytest.Item):
    with GUARD.running(item):
        return (yield)


@pytest.hookimpl(wrapper=True)
def pytest_runtest_call(item: pytest.Item):
    with GUARD.running(item):
        return (yield)


@pytest.hookimpl(wrapper=True)
def pytest_runtest_teardown(item: pytest.Item, nextitem: pytest.Item | None):
    with GUARD.running(item):
        return (yield)
