"""Which of a learner's files is the notebook another notebook builds on (its *companion*:
the week-4 application builds on the step-by-step notebook), so that grading uses the
learner's own functions from it.

Where it is looked for, best first:

1. **in the learner's submission**, when the caller holds all of it: the course run pairs a
   student's application with the file of the step-by-step notebook chosen in the same
   submission (``submitted/<student>/<assignment>/`` and the folders below it), by name or
   by functions, as that notebook is graded; ``autograde grade`` pairs the files of one call
   (:func:`nearest`: in the same folder, else in a folder next to it, ``W4A1/`` beside
   ``W4A2/``, when only one folder there holds one);
2. **beside the file** (:func:`beside`), otherwise: under the companion's own name (a
   Korean notebook's Korean edition first), then a classic name (in name order), then the
   newest edited file beside it that defines at least half the companion's graded
   functions, among at most :data:`autograder.recognise.MAX_READ` files read.

A notebook whose functions a file imports from the classic course's helper module
(``from dnn_app_utils_v3 import *``) needs no companion: those are the course's
(:mod:`autograder.given`). Every file is read through :func:`dlcheck.extract.read_submission`
(regular files of the learner's own, bounded) and nothing is followed.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

from dlcheck import editions
from dlcheck.checks import NotebookSpec
from dlcheck.files import refusal

from . import copies, names, recognise

#: The most folders between two files of one call of ``grade`` that are paired: 0 in one
#: folder, 1 a folder and its subfolder, 2 sibling folders (``W4A1/`` and ``W4A2/``).
NEAR = 2


def beside(path: Path, companion: NotebookSpec) -> Path | None:
    """The learner's ``companion`` notebook beside ``path``, by the order of the module
    docstring, or ``None``."""
    by_name = _by_name(path, companion)
    if by_name:
        return by_name[0]
    return _by_functions(path, companion)


def _by_name(path: Path, companion: NotebookSpec) -> list[Path]:
    both = [f"{companion.stem}.ipynb", editions.korean_edition(companion.stem)]
    if editions.is_korean_edition(path.name):
        both.reverse()  # the same edition first
    own = [path.with_name(n) for n in (*both, f"{companion.stem}.py")]
    aliases = {companion.stem: names.names_of(companion)}
    classic = sorted(p for p in _others(path) if p not in own and names.match(p.name, aliases))
    # A link or FIFO under the name is returned too: reading it is refused, and the reason said.
    return [p for p in own + classic if p != path and os.path.lexists(p)]


def _others(path: Path) -> list[Path]:
    """The other ``.ipynb`` / ``.py`` entries beside ``path`` (hidden ones left), unopened."""
    try:
        with os.scandir(path.parent) as entries:
            return [path.parent / e.name for e in entries
                    if e.name.endswith((".ipynb", ".py")) and not e.name.startswith(".") and e.name != path.name]
    except OSError:
        return []


def _by_functions(path: Path, companion: NotebookSpec) -> Path | None:
    """The newest edited file beside ``path`` defining at least half the companion's graded
    functions (untouched released copies passed over), of the first few regular files."""
    functions = recognise.functions_of(companion)
    candidates = [p for p in sorted(_others(path)) if refusal(p) is None][:recognise.MAX_READ]
    fitting = []
    for candidate in candidates:
        defined = recognise.defined_in(candidate)
        if not isinstance(defined, frozenset) or 2 * recognise.fits(defined, functions) < len(functions):
            continue
        fitting.append(candidate)
    if not fitting:
        return None
    return copies.choose(fitting, companion.stem, copies.released(companion)).graded


def nearest(path: Path, candidates: Iterable[Path], companion: NotebookSpec) -> Path | None:
    """Of ``candidates`` (files of one call that are ``companion``'s), those of the folder
    nearest ``path`` within :data:`NEAR` folders, when one folder is nearest; of them, the
    one :func:`autograder.copies.choose` chooses."""
    here = Path(os.path.abspath(path)).parent
    by_folder: dict[Path, list[Path]] = {}
    for candidate in candidates:
        by_folder.setdefault(Path(os.path.abspath(candidate)).parent, []).append(Path(candidate))
    distance = {folder: _distance(here, folder) for folder in by_folder}
    near = [folder for folder, d in distance.items() if d <= NEAR]
    if not near:
        return None
    closest = min(distance[f] for f in near)
    folders = [f for f in near if distance[f] == closest]
    if len(folders) != 1:
        return None  # two folders as near: whose is it? Not guessed.
    found = by_folder[folders[0]]
    return found[0] if len(found) == 1 else copies.choose(found, companion.stem, copies.released(companion)).graded


def _distance(a: Path, b: Path) -> int:
    """How many folders apart ``a`` and ``b`` are (up to their common parent and down)."""
    common = Path(os.path.commonpath([a, b]))
    return len(a.relative_to(common).parts) + len(b.relative_to(common).parts)


def shown(companion: Path, path: Path) -> str:
    """``companion`` as the learner knows it, from the folder of ``path``: its name when it
    is beside, else the path from their common folder (``W4A1/a1_building.ipynb``)."""
    a, b = Path(os.path.abspath(companion)), Path(os.path.abspath(path))
    if a.parent == b.parent:
        return a.name
    common = Path(os.path.commonpath([a, b.parent]))
    return str(a.relative_to(common))
