"""An example class graded by the ``autograde grade --json`` command, as the weeks'
``test_weekN_examples.py`` run it."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from collections.abc import Iterable
from pathlib import Path

from autograder import ROOT
from autograder.engine import budget
from autograder.sandbox.isolation import Limits
from dlcheck.checks import NotebookSpec

#: Grading processes side by side on a small machine: one BLAS thread each, or they fight over the cores.
ONE_BLAS_THREAD = dict(os.environ, OPENBLAS_NUM_THREADS="1", OMP_NUM_THREADS="1", MKL_NUM_THREADS="1")


def grading(notebook: str, files: Iterable[Path | str], jobs: int) -> subprocess.Popen:
    """``autograde grade --dev-secret --json`` of ``files`` as ``notebook``, started in the
    project folder (pipes in text)."""
    command = [str(Path(sys.executable).parent / "autograde"), "grade", "--dev-secret", "--notebook", notebook,
               "--json", "--jobs", str(jobs), *map(str, files)]
    return subprocess.Popen(command, cwd=ROOT, env=ONE_BLAS_THREAD, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True)


def graded(notebook: str, files: Iterable[Path | str], jobs: int = 2,
           ) -> tuple[subprocess.CompletedProcess, list[dict], float]:
    """One run of :func:`grading` to its end: the finished process, its JSON reports, and
    the seconds it took."""
    start = time.perf_counter()
    run = grading(notebook, files, jobs)
    stdout, stderr = run.communicate(timeout=600)
    seconds = time.perf_counter() - start
    assert stdout.strip(), f"no JSON on stdout; stderr:\n{stderr}"
    return subprocess.CompletedProcess(run.args, run.returncode, stdout, stderr), json.loads(stdout), seconds


def without_training(spec: NotebookSpec) -> NotebookSpec:
    """``spec`` without the checks that declare their own time (training on the real data,
    about a minute each): for tests of verdicts the small checks decide, graded in-process.
    Its files keep the whole spec's time budget, so a busy machine does not decide a verdict."""
    copy = NotebookSpec(spec.id, helpers=spec.helpers, data_files=spec.data_files, companions=spec.companions,
                        given=spec.given, classic_names=spec.classic_names, seconds=budget(spec, Limits()))
    copy.functions[:] = [fn.with_checks(c for c in fn.checks if not c.seconds) for fn in spec.functions]
    assert sum(len(f.checks) for f in copy.functions) < sum(len(f.checks) for f in spec.functions)
    return copy
