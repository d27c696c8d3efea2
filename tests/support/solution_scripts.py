"""A solution run top to bottom as a script, as a learner runs its notebook: beside its
week's given modules (``assignments/<week>/``), plots to a file backend, one BLAS thread."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from autograder import ROOT


def run(source: str, week: str, folder: Path, *, timeout: float = 600) -> subprocess.CompletedProcess:
    """Run ``source`` (a solution, perhaps edited) as ``folder/solution.py`` from
    ``assignments/<week>``; fails the test when it exits with an error."""
    script = folder / "solution.py"
    script.write_text(source, encoding="utf-8")
    given = ROOT / "assignments" / week
    env = dict(os.environ, MPLBACKEND="Agg", PYTHONPATH=str(given), OPENBLAS_NUM_THREADS="1")
    proc = subprocess.run([sys.executable, str(script)], cwd=given, env=env, capture_output=True, text=True,
                          timeout=timeout)
    assert proc.returncode == 0, proc.stderr[-3000:]
    return proc
