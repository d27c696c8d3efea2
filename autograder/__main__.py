"""``autograde`` entry point: the CLI, with set-up failures as one actionable line."""

from __future__ import annotations

import errno
import gc
import os
import sys


def _missing(exc: ModuleNotFoundError) -> None:
    print(f"autograde: missing dependency {exc.name!r}: install the project with `make test` "
          "(or `pip install -e .`) in this environment", file=sys.stderr)
    sys.exit(2)


#: Set before NumPy loads, unless the environment says otherwise: the grader's BLAS runs one
#: thread. Its reference calls answer the sandboxes, which run beside it (``--jobs``), and
#: idle BLAS threads spinning in the grader took the CPU from them (a training answered by
#: the reference went from 70 s to over 300 s under load).
ONE_THREAD = {"OPENBLAS_NUM_THREADS": "1", "OMP_NUM_THREADS": "1", "MKL_NUM_THREADS": "1"}

#: Modules this process never imports (``None`` in ``sys.modules`` makes their import fail).
#: ``rfc3987_syntax``: jsonschema imports it when it is installed (its ``format-nongpl``
#: extra, which jupyter-events asks for) to check the ``iri`` formats of a schema, and it
#: compiles 38 Lark grammars as it loads: 1 s of CPU, half of what importing nbgrader (and
#: through it nbformat and jsonschema) costs `course`, `report` and `export`, before the
#: first file is graded. No schema checked here has those formats (nbformat's have no
#: ``format`` at all, and neither it nor nbgrader nor nbconvert asks for format checks), so
#: nothing changes but the time: jsonschema leaves those formats unchecked, as it does
#: when the module is not installed.
NOT_IMPORTED = ("rfc3987_syntax",)


def _nbgrader_without_its_init() -> None:
    """Register the ``nbgrader`` package without running its ``__init__.py``.

    That file loads nbgrader's Jupyter server extensions for a Jupyter server to find, and
    with them jupyter_server and nbgrader's apps (0.2 s of CPU). This process uses
    ``nbgrader.api`` and ``nbgrader.utils`` only, which import as they do in the full
    package; the package's one other name any nbgrader module reads, ``__version__``, is
    set as the file sets it.
    """
    import importlib.util

    spec = importlib.util.find_spec("nbgrader")
    if spec is None or "nbgrader" in sys.modules:  # not installed: said when it is imported
        return
    sys.modules["nbgrader"] = importlib.util.module_from_spec(spec)
    from nbgrader._version import __version__

    sys.modules["nbgrader"].__version__ = __version__


def run() -> None:
    for name, value in ONE_THREAD.items():
        os.environ.setdefault(name, value)
    for name in NOT_IMPORTED:
        sys.modules.setdefault(name, None)
    _nbgrader_without_its_init()
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
