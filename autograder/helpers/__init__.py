"""Stand-ins for the classic course's helper modules, supplied inside the sandbox.

A notebook imports them (``from lr_utils import load_dataset``); grading never runs
top-level cells, so they only need to exist, to provide the small given functions graded
code calls (``sigmoid``), and to say clearly what is not available inside a graded
function. Each spec names the ones its notebook may import; the reference solution's
imports of them get the same stand-ins (:func:`importable`).
"""

from __future__ import annotations

import contextlib
import functools
import sys
import types
from collections.abc import Iterator
from pathlib import Path

_HERE = Path(__file__).resolve().parent

#: Stand-ins that are word for word what students are given: `autograde release` writes
#: each into the week folder of the notebooks that import it (one source for both sides).
GIVEN = ("dnn_utils", "init_utils", "gc_utils", "reg_utils", "opt_utils")


@functools.cache
def sources(names: tuple[str, ...]) -> dict[str, str]:
    """Module name -> source, for the stand-ins ``names``."""
    return {name: (_HERE / f"{name}.py").read_text(encoding="utf-8") for name in names}


@contextlib.contextmanager
def importable(names: tuple[str, ...]) -> Iterator[None]:
    """While the block runs, ``import <name>`` gives the stand-in of each of ``names``
    (the grader's trusted code only: the reference solution). Modules of those names
    that were imported before are put back afterwards."""
    saved = {name: sys.modules.get(name) for name in names}
    for name, source in sources(tuple(names)).items():
        module = types.ModuleType(name)
        module.__file__ = str(_HERE / f"{name}.py")
        exec(compile(source, module.__file__, "exec"), module.__dict__)
        sys.modules[name] = module
    try:
        yield
    finally:
        for name, module in saved.items():
            if module is None:
                sys.modules.pop(name, None)
            else:
                sys.modules[name] = module
