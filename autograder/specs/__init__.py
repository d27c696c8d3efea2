"""Every graded notebook, discovered: each ``autograder/specs/<week>/<stem>.py`` of the
project declares one :class:`~dlcheck.checks.NotebookSpec` (its id is ``<week>/<stem>``).

Adding a notebook adds no line here (docs/adding-an-exercise.md).
"""

from __future__ import annotations

import functools
import importlib.util
import sys
from pathlib import Path

from dlcheck.checks import GradedFunction, GraderError, NotebookSpec

from .. import project


def _module_name(root: Path, path: Path) -> str:
    week, stem = path.parent.name, path.stem
    if root == project.CHECKOUT:  # the same module objects as `import autograder.specs.<week>.<stem>`
        return f"autograder.specs.{week}.{stem}"
    return f"autograde_project_{abs(hash(str(root)))}.{week}.{stem}"


def _load(root: Path, path: Path) -> NotebookSpec:
    name = _module_name(root, path)
    module = sys.modules.get(name)
    if module is None:
        loader_spec = importlib.util.spec_from_file_location(name, path)
        module = importlib.util.module_from_spec(loader_spec)
        sys.modules[name] = module
        loader_spec.loader.exec_module(module)
    found = [v for v in vars(module).values() if isinstance(v, NotebookSpec)]
    expected_id = f"{path.parent.name}/{path.stem}"
    if len(found) != 1 or found[0].id != expected_id:
        raise GraderError(f"{path} must declare exactly one NotebookSpec, with the id {expected_id!r}")
    return found[0]


@functools.cache
def _notebooks(root: Path) -> dict[str, NotebookSpec]:
    folder = root / project.SPECS
    paths = sorted(p for p in folder.glob("*/*.py") if not p.name.startswith("_"))
    return {spec.id: spec for spec in (_load(root, p) for p in paths)}


def notebooks() -> dict[str, NotebookSpec]:
    """Every notebook of the project, by id, in week and name order."""
    return _notebooks(project.root())


def get(notebook_id: str) -> NotebookSpec:
    """The spec of a notebook id; KeyError names the known ids."""
    known = notebooks()
    try:
        return known[notebook_id]
    except KeyError:
        raise KeyError(f"unknown notebook {notebook_id!r}; known: {', '.join(sorted(known))}") from None


def declared(spec: NotebookSpec) -> list[GradedFunction]:
    """Every graded function ``spec``'s notebook may call: its own declared ones, then
    those of its companions (graded in their own notebook, answered by the reference
    there when they are wrong, never graded again here), then the ones the notebook
    provides ready-made (:class:`NotebookSpec`'s ``provided``: 0 points, never graded)."""
    functions = list(spec.declared)
    for companion in spec.companions:
        names = {f.name for f in functions}
        functions += [f for f in get(companion).declared if f.name not in names]
    names = {f.name for f in functions}
    return functions + [GradedFunction(name, 0) for name in spec.provided if name not in names]


#: Stand-ins every notebook gets: plotting draws nothing while grading (see autograder/helpers).
PLOTTING = ("matplotlib", "matplotlib.pyplot")


def helpers(spec: NotebookSpec) -> tuple[str, ...]:
    """The helper stand-ins ``spec``'s notebook gets, in the sandbox and for its reference:
    matplotlib's, then its companions' (their code imports them: dnn_utils), then its own."""
    return tuple(dict.fromkeys([*PLOTTING, *(h for s in (*map(get, spec.companions), spec) for h in s.helpers)]))
