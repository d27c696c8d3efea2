"""Stand-ins for the classic course's helper modules, supplied inside the sandbox.

A notebook imports them (``from lr_utils import load_dataset``); grading never runs
top-level cells, so they only need to exist, and to say clearly what is not available
inside a graded function. Each spec names the ones its notebook may import.
"""

from __future__ import annotations

import functools
from pathlib import Path

_HERE = Path(__file__).resolve().parent


@functools.cache
def sources(names: tuple[str, ...]) -> dict[str, str]:
    """Module name -> source, for the stand-ins ``names``."""
    return {name: (_HERE / f"{name}.py").read_text(encoding="utf-8") for name in names}
