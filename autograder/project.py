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
