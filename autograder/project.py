"""Where a course's sources live: one folder laid out as this repository is.

    <root>/solutions/<week>/<stem>.py            the instructor's source of a notebook
    <root>/autograder/specs/<week>/<stem>.py     what is graded in it, and how
    <root>/assignments/<week>/                   what students receive (generated)

The root is ``$AUTOGRADE_PROJECT`` (``autograde --project DIR``), else the checkout this
package lives in.
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
