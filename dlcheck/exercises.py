"""The exercises a student can check: each notebook's public checks and recorded answers.

A notebook ``<week>/<stem>`` is described by two files in an exercises folder:

``<week>/<stem>.py``
    Its spec (see :mod:`dlcheck.checks`). Regions between ``### BEGIN HIDDEN`` and
    ``### END HIDDEN`` are removed before it runs, so only public checks are declared.
``<week>/<stem>.expected.json``
    Written by ``autograde release``: the reference's values for the public checks, and
    each graded function's parameters and graded callees, derived from the solution.

Folders searched, in order: ``dlcheck/exercises/`` inside this package (in the student
kit, where ``autograde release --to DIR`` puts the specs without their hidden regions; it
is found wherever the kit is installed, editable or not) and, on the instructor's side,
the specs of the project named by ``$AUTOGRADE_PROJECT`` and of the checkout this package
lives in.
"""

from __future__ import annotations

import functools
import json
import os
import re
import sys
import types
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from . import wire
from .checks import GraderError, NotebookSpec
from .text import tr
from .written import Stub

PACKAGE_EXERCISES = Path(__file__).resolve().parent / "exercises"
CHECKOUT_SPECS = Path(__file__).resolve().parent.parent / "autograder" / "specs"
PROJECT_ENV_VAR = "AUTOGRADE_PROJECT"


def folders() -> list[Path]:
    """Where exercises are looked for, in order."""
    project = os.environ.get(PROJECT_ENV_VAR, "").strip()
    return [PACKAGE_EXERCISES, *([Path(project) / "autograder" / "specs"] if project else []), CHECKOUT_SPECS]

HIDDEN_REGION = re.compile(r"^[ \t]*### BEGIN HIDDEN[^\n]*\n.*?^[ \t]*### END HIDDEN[^\n]*\n", re.M | re.S)


def strip_hidden(source: str, keep_lines: bool = False) -> str:
    """``source`` without its hidden regions; ``keep_lines`` leaves blank lines in their
    place, so line numbers still match the original file."""
    def blank(match: re.Match) -> str:
        return "\n" * match.group(0).count("\n") if keep_lines else ""
    stripped = HIDDEN_REGION.sub(blank, source)
    if "### BEGIN HIDDEN" in stripped or "### END HIDDEN" in stripped:
        raise GraderError("unbalanced ### BEGIN HIDDEN / ### END HIDDEN markers")
    return stripped


@dataclass(frozen=True)
class Exercise:
    """What the self-check knows of one notebook.

    Attributes
    ----------
    spec : NotebookSpec
        The notebook's graded functions with their public checks only.
    expected : dict
        Recorded reference values, keyed ``"<function>/<key>"``.
    params, calls : dict
        Each graded function's parameters, and the graded functions it calls, as in the
        reference solution.
    untouched : str
        The fingerprint of the untouched student notebook's kept code (see
        :meth:`dlcheck.extract.Submission.fingerprint`); "" when not recorded.
    stubs : dict
        What each graded function's stub asks (:class:`dlcheck.written.Stub`), for messages.
    """

    spec: NotebookSpec
    expected: dict[str, Any]
    params: dict[str, list[str]]
    calls: dict[str, list[str]]
    untouched: str = ""
    stubs: dict[str, Stub] = field(default_factory=dict)


def spec_file(notebook_id: str) -> Path:
    """The spec source of ``notebook_id`` in the first folder that holds it."""
    for folder in folders():
        path = folder / f"{notebook_id}.py"
        if path.is_file():
            return path
    raise GraderError(tr("no exercise {id!r}: its checks are not installed (looked in {where})",
                         "연습 {id!r}: 검사 파일이 설치되어 있지 않아 찾을 수 없습니다 (찾은 곳: {where})",
                         id=notebook_id, where=", ".join(str(f) for f in folders())))


def run_spec_source(source: str, filename: str, module_name: str) -> NotebookSpec:
    """Run a spec's source as module ``module_name`` and return the notebook it declares."""
    module = types.ModuleType(module_name)
    module.__file__ = filename
    sys.modules[module_name] = module
    exec(compile(source, filename, "exec"), module.__dict__)
    found = [v for v in vars(module).values() if isinstance(v, NotebookSpec)]
    if len(found) != 1:
        raise GraderError(f"{filename} declares {len(found)} notebooks; a spec declares exactly one")
    return found[0]


@functools.cache
def load(notebook_id: str) -> Exercise:
    """The public side of ``notebook_id`` (loaded once per process)."""
    path = spec_file(notebook_id)
    source = strip_hidden(path.read_text(encoding="utf-8"), keep_lines=True)
    spec = run_spec_source(source, str(path), "dlcheck.exercises." + notebook_id.replace("/", "."))
    expected_file = path.with_suffix(".expected.json")
    try:
        doc = json.loads(expected_file.read_text(encoding="utf-8"))
    except OSError:
        raise GraderError(tr("the recorded answers of {id} are missing ({file}); reinstall the course package "
                             "(instructors: run `autograde release`)",
                             "{id}의 기록된 정답 파일이 없습니다 ({file}). 코스 패키지를 다시 설치하세요 "
                             "(강사: `autograde release`를 실행하세요)",
                             id=notebook_id, file=expected_file)) from None
    functions = doc.get("functions", {})
    return Exercise(spec.public_only(), wire.from_json(doc["values"]),
                    {name: info["params"] for name, info in functions.items()},
                    {name: info["calls"] for name, info in functions.items()}, doc.get("untouched", ""),
                    {name: Stub.from_json(info["params"], info) for name, info in functions.items() if "signature" in info})


def available() -> list[str]:
    """Ids of every exercise found in the folders, sorted."""
    ids = set()
    for folder in folders():
        for path in folder.glob("*/*.expected.json"):
            ids.add(f"{path.parent.name}/{path.name.removesuffix('.expected.json')}")
    return sorted(ids)
