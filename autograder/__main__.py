"""``autograde`` entry point: the CLI, with set-up failures as one actionable line."""

from __future__ import annotations

import errno
import gc
import os
import sys
import types


def _missing(exc: ModuleNotFoundError) -> None:
    print(f"autograde: missing dependency {exc.name!r}: install the project with `make test` "
          "(or `pip install -e .`) in this environment", file=sys.stderr)
    sys.exit(2)


#: Set before NumPy loads, unless the environment says otherwise: the grader's BLAS runs one
#: thread. Its reference calls answer the sandboxes, which run beside it (``--jobs``), and
#: idle BLAS threads spinning in the grader took the CPU from them (a training answered by
#: the reference went from 70 s to over 300 s under load).
ONE_THREAD = {"OPENBLAS_NUM_THREADS": "1", "OMP_NUM_THREADS": "1", "MKL_NUM_THREADS": "1"}

#: Modules this process never imports (``None`` in ``sys.modules`` makes their import fail),
#: each with the formats of JSON schemas it checks. jsonschema imports them when they are
#: installed (its ``format-nongpl`` extra, which jupyter-events asks for) to check those
#: formats, when nbgrader imports nbformat: ``rfc3987_syntax`` compiles 38 Lark grammars as
#: it loads (1 s of CPU, half of what importing nbgrader cost `course`, `report` and
#: `export` before the first file was graded); ``isoduration`` (which loads arrow) and
#: ``rfc3986_validator`` took 0.03 s more. No schema checked here has those formats
#: (nbformat's have no ``format`` at all, and neither it nor nbgrader nor nbconvert asks
#: for format checks), so nothing changes but the time: jsonschema leaves those formats
#: unchecked, as it does when the modules are not installed.
NOT_IMPORTED = {"rfc3987_syntax": ("iri", "iri-reference"), "rfc3986_validator": ("uri", "uri-reference"),
                "isoduration": ("duration",)}


#: Packages registered without running their ``__init__.py``; it runs when a name it
#: defines is first read. Their modules import as they do in the full package.
#:
#: - ``nbgrader``'s loads nbgrader's Jupyter server extensions for a Jupyter server to find,
#:   and with them jupyter_server and nbgrader's apps (0.2 s of CPU). This process uses
#:   ``nbgrader.api`` and ``nbgrader.utils``; the package's one name any nbgrader module
#:   reads, ``__version__``, is set as the file sets it.
#: - ``nbconvert``'s, and those of its filters and preprocessors, load every exporter, jinja2,
#:   nbclient and ZeroMQ (0.08 s of CPU). This process uses one filter, nbconvert's markdown
#:   renderer (:mod:`autograder.inert`), when a course records its first grade.
INITIALISED_WHEN_USED = ("nbgrader", "nbconvert", "nbconvert.filters", "nbconvert.preprocessors")


def _initialised_when_used(name: str) -> types.ModuleType | None:
    """Register the package ``name`` (installed, not imported yet) whose ``__init__.py`` runs
    when a name it defines is first read, and return it (``None``: not registered); a module
    of the package is imported when read as one of its names (``from nbgrader import
    utils``), as the full package does."""
    import importlib
    import importlib.util

    if name in sys.modules:
        return None
    spec = importlib.util.find_spec(name)
    if spec is None or spec.loader is None or spec.submodule_search_locations is None:
        return None  # not installed: said when it is imported
    package = importlib.util.module_from_spec(spec)

    def initialised(attribute: str) -> object:
        if importlib.util.find_spec(f"{name}.{attribute}") is not None:
            return importlib.import_module(f"{name}.{attribute}")
        del package.__getattr__
        spec.loader.exec_module(package)
        return getattr(package, attribute)

    package.__getattr__ = initialised
    sys.modules[name] = package
    parent, _, child = name.rpartition(".")
    if parent:
        setattr(sys.modules[parent], child, package)
    return package


#: Modules loaded only when one of their functions is called, each with the functions
#: other modules import from them as they load. ``nbgrader.utils`` imports setuptools'
#: archive functions (for ``nbgrader zip_collect``), which load setuptools and
#: pkg_resources: 0.07 s of CPU, a quarter of what importing nbgrader costs, for functions
#: this process never calls.
DEFERRED = {"setuptools.archive_util": ("unpack_archive", "unpack_tarfile", "unpack_zipfile")}


def _deferred(module: str, functions: tuple[str, ...]) -> None:
    """Stand in for ``module`` until it is used: each of ``functions``, and any other name
    read from the stand-in but the module attributes Python's import looks for
    (``__path__``...), imports the module itself (which then replaces the stand-in) and is
    taken from it."""
    import importlib
    import importlib.util

    if module in sys.modules or importlib.util.find_spec(module.partition(".")[0]) is None:
        return
    stand_in = types.ModuleType(module, "Loaded when one of its names is used (autograder.__main__.DEFERRED).")

    def loaded() -> types.ModuleType:
        if sys.modules.get(module) is stand_in:
            del sys.modules[module]
        return importlib.import_module(module)

    def forward(function: str) -> object:
        def call(*args: object, **kwargs: object) -> object:
            return getattr(loaded(), function)(*args, **kwargs)
        call.__name__ = call.__qualname__ = function
        return call

    for function in functions:
        setattr(stand_in, function, forward(function))

    def attribute(name: str) -> object:
        if name.startswith("__"):
            raise AttributeError(name)
        return getattr(loaded(), name)

    stand_in.__getattr__ = attribute
    sys.modules[module] = stand_in


def prepare_process() -> None:
    """What this process imports, and how: :data:`ONE_THREAD`, :data:`NOT_IMPORTED`,
    :data:`INITIALISED_WHEN_USED` and :data:`DEFERRED`."""
    for name, value in ONE_THREAD.items():
        os.environ.setdefault(name, value)
    for name in NOT_IMPORTED:
        sys.modules.setdefault(name, None)
    packages = {name: _initialised_when_used(name) for name in INITIALISED_WHEN_USED}
    if packages["nbgrader"] is not None:
        from nbgrader._version import __version__  # the one name of its package nbgrader's modules read

        packages["nbgrader"].__version__ = __version__
    for module, functions in DEFERRED.items():
        _deferred(module, functions)


def run() -> None:
    prepare_process()
    try:
        from .cli import run as cli
    except ModuleNotFoundError as exc:
        _missing(exc)
    try:
        cli()
    except ModuleNotFoundError as exc:
        _missing(exc)
    except OSError as exc:
        if exc.errno == errno.ENOSPC:
            sys.exit(f"autograde: the disk is full ({exc.filename or 'while writing'}); free some space and "
                     "run the same command again (grades already recorded are kept)")
        raise
    finally:
        # The work is done: the interpreter's last garbage collections, over every object
        # of nbgrader, SQLAlchemy and the specs, took 0.15 s of the exit. Exit handlers
        # still run and files are still closed; objects kept alive only by reference
        # cycles are left for the process's end to free.
        gc.freeze()


if __name__ == "__main__":
    run()
