"""Where a course's sources live: one folder laid out as this repository is.

    <root>/solutions/<week>/<stem>.py            the instructor's source of a notebook
    <root>/autograder/specs/<week>/<stem>.py     what is graded in it, and how
    <root>/assignments/<week>/                   what students receive (generated)

The root is ``$AUTOGRADE_PROJECT`` (``autograde --project DIR``), else the checkout this
package lives in. A grader installed with ``pip install`` (not ``-e``) lives in
site-packages, which holds its package and the specs but no ``solutions/``: it needs the
setting, pointed at the project it was installed from (the Gradescope zip's copy, the CI
job's checkout, the Docker image's ``/opt/autograde``).
"""

from __future__ import annotations

import functools
import hashlib
import importlib
import os
from pathlib import Path

ENV_VAR = "AUTOGRADE_PROJECT"
CHECKOUT = Path(__file__).resolve().parent.parent
SPECS, ASSIGNMENTS = "autograder/specs", "assignments"


def root() -> Path:
    """The project root in use."""
    chosen = os.environ.get(ENV_VAR, "").strip()
    return Path(chosen).resolve() if chosen else CHECKOUT


def origin() -> str:
    """Where :func:`root` came from, as a reader of the doctor's report needs it."""
    if os.environ.get(ENV_VAR, "").strip():
        return f"${ENV_VAR} or --project"
    return f"the folder this grader is installed in; ${ENV_VAR} is not set"


#: The grader's own packages, whose code decides a grade as much as the course project's.
PACKAGES = ("autograder", "dlcheck", "dldata")


def digest(chosen: Path | None = None) -> str:
    """sha256 of what decides a grade besides the file and the secret: the project's
    solutions and specs (release's records with them), and the grader's own code as this
    process imports it (the packages' Python files, by their paths inside the package, so
    a checkout and a ``pip install`` of one commit agree). Read once per process: the code
    a process runs is the code it loaded. A Dask worker compares its own with the run's
    (:mod:`autograder.cluster`)."""
    return _digest(chosen or root())


@functools.cache
def _digest(folder: Path) -> str:
    files = [(f"project/{p.relative_to(folder)}", p) for pattern in ("solutions/**/*.py", f"{SPECS}/**/*.py",
                                                                      f"{SPECS}/**/*.json")
             for p in folder.glob(pattern)]
    for name in PACKAGES:
        package = Path(importlib.import_module(name).__file__).parent
        files += [(f"{name}/{p.relative_to(package)}", p) for p in package.rglob("*.py")]
    total = hashlib.sha256()
    for label, path in sorted(files):
        total.update(f"{label}\0{path.stat().st_size}\0".encode())
        total.update(path.read_bytes())
    return total.hexdigest()
