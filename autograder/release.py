"""Generate what students receive from the instructor's two sources per notebook.

For each notebook ``<week>/<stem>`` (discovered in ``autograder/specs``):

* ``assignments/<week>/<stem>.ipynb``: the solution (``solutions/<week>/<stem>.py``,
  percent format: ``# %%`` starts a code cell, ``# %% [markdown]`` a markdown cell) with
  each region between ``### BEGIN SOLUTION`` and ``### END SOLUTION`` replaced by a stub
  that raises ``NotImplementedError``, and nbgrader metadata on the solution and check
  cells; and ``<stem>.ko.ipynb``, its Korean edition, when the source has Korean markdown
  cells (``# %% [markdown] ko``, each after the English cell it translates);
* ``autograder/specs/<week>/<stem>.expected.json``: the reference's values for the
  public checks (recorded by running them on the solution), with each graded function's
  parameters and graded callees;
* ``autograder/specs/<week>/<stem>.trained.json``: what the reference's full trainings
  reach, for a spec that declares some (:mod:`autograder.trainings`; run only when what
  they depend on changed, so the instructor's machine pays for them once);
* per week, ``assignments/<week>/conftest.py`` and ``test_<week>_public.py``, so that
  ``pytest assignments/<week>`` runs the public checks of the folder's notebooks;
* ``assignments/<week>/<name>.py`` for each given module of ``autograder/helpers`` that
  students receive word for word (``helpers.GIVEN``), under a line saying so.

Output is deterministic, so a test asserts the committed copies are up to date.
"""

from __future__ import annotations

import contextlib
import io
import json
import math
import re
from pathlib import Path
from typing import Any

from dlcheck import editions, wire
from dlcheck.checks import NotebookSpec
from dlcheck.exercises import strip_hidden
from dlcheck.extract import parse_python
from dlcheck.run import KernelTrial

from . import helpers, project, specs, trainings
from .reference import reference_for

SOLUTION_BLOCK = re.compile(r"^([ \t]*)### BEGIN SOLUTION\n.*?^[ \t]*### END SOLUTION\n", re.M | re.S)
HIDDEN_MARKERS = ("### BEGIN SOLUTION", "### END SOLUTION", "### BEGIN HIDDEN", "### END HIDDEN")
_CHECK_CELL = re.compile(r"^check\((\w+)\)\s*$")
_CHECKER = re.compile(r'(checker\("[^"]+")\)')


def parse_percent(source: str, lang: str = "en") -> list[tuple[str, str]]:
    """``[(cell_type, text)]`` of a percent-format file in one language; markdown loses its
    ``# `` prefix.

    A markdown cell marked ``# %% [markdown] ko`` is the Korean version of the markdown
    cell just before it: the English edition leaves it out, the Korean edition (``lang="ko"``)
    puts it in that cell's place.
    """
    cells: list[tuple[str, str | None, list[str]]] = []
    for line in source.splitlines():
        if line.startswith("# %%"):
            kind = "markdown" if "[markdown]" in line else "code"
            cells.append((kind, "ko" if kind == "markdown" and line.split("]", 1)[-1].strip() == "ko" else None, []))
        elif cells:
            cells[-1][2].append(line)
    out: list[tuple[str, str]] = []
    for kind, cell_lang, lines in cells:
        if kind == "markdown":
            lines = [line[2:] if line.startswith("# ") else line.lstrip("#") for line in lines]
        text = "\n".join(lines).strip("\n")
        if not text:
            continue
        if cell_lang == "ko":
            if lang == "ko" and out and out[-1][0] == "markdown":
                out[-1] = ("markdown", text)
            continue
        out.append((kind, text))
    return out


def has_korean(source: str) -> bool:
    """Whether a percent-format source has Korean markdown cells (a Korean edition)."""
    return any(line.startswith("# %% [markdown]") and line.split("]", 1)[-1].strip() == "ko"
               for line in source.splitlines())


def stub_out(code: str, function_hint: str) -> str:
    """Replace every solution region by ``# YOUR CODE HERE`` and a NotImplementedError."""
    def stub(match: re.Match) -> str:
        indent = match.group(1)
        return (f"{indent}# YOUR CODE HERE\n"
                f"{indent}raise NotImplementedError(\"{function_hint}: replace this line with your code\")\n")
    return SOLUTION_BLOCK.sub(stub, code)


def _defined_function(code: str) -> str | None:
    match = re.search(r"^def (\w+)\(", code, re.M)
    return match.group(1) if match else None


def student_notebook(spec: NotebookSpec, root: Path, lang: str = "en") -> Any:
    """The student copy of a notebook, built from its solution source, in ``lang``."""
    import nbformat  # slow to import; graders and student checks never need it

    points = {f.name: f.points for f in spec.functions}
    nb = nbformat.v4.new_notebook()
    nb.metadata = {
        "kernelspec": {"display_name": "Python 3", "language": "python", "name": "python3"},
        "language_info": {"name": "python"},
        "autograde": {"generated_from": spec.solution, "notebook": spec.id,
                      "note": "Generated by `autograde release`; edit the source, not this file."},
    }
    if lang != "en":
        nb.metadata["autograde"]["lang"] = lang
    for i, (kind, text) in enumerate(parse_percent((root / spec.solution).read_text(encoding="utf-8"), lang)):
        if lang != "en":
            text = _CHECKER.sub(lambda m: f'{m.group(1)}, lang="{lang}")', text)
        if kind == "markdown":
            cell = nbformat.v4.new_markdown_cell(text)
        else:
            name = _defined_function(text)
            solved = "### BEGIN SOLUTION" in text
            cell = nbformat.v4.new_code_cell(stub_out(text, name or "solution") if solved else text)
            check = _CHECK_CELL.match(text)
            if name in points and solved:
                cell.metadata["nbgrader"] = {"grade": False, "grade_id": name, "locked": False, "schema_version": 3,
                                             "solution": True, "task": False}
            elif check and check.group(1) in points:
                fn = check.group(1)
                cell.metadata["nbgrader"] = {"grade": True, "grade_id": f"test_{fn}", "locked": True,
                                             "points": points[fn], "schema_version": 3, "solution": False,
                                             "task": False}
        cell["id"] = f"cell-{i:03d}"
        nb.cells.append(cell)
    return nb


def public_expected(spec: NotebookSpec, root: Path) -> dict[str, Any]:
    """The reference values the public checks compare with, keyed ``function/key``."""
    reference = reference_for(spec, root)
    values: dict[str, Any] = {}
    with contextlib.redirect_stdout(io.StringIO()):  # what the reference prints (an accuracy) is not ours to show
        for fn in spec.functions:
            checks = [c for c in fn.checks if c.tier == "public"]
            for check in checks:
                check.run(KernelTrial(fn.name, reference.function(fn.name), values, record=True))
    return values


def untouched_fingerprint(spec: NotebookSpec, root: Path) -> str:
    """The fingerprint of the kept code of the untouched student notebook (the same in
    every edition): the self-check tells from it which edition a learner worked on."""
    nb = student_notebook(spec, root)
    return parse_python([c.source for c in nb.cells if c.cell_type == "code"]).fingerprint()


def expected_path(spec: NotebookSpec, root: Path) -> Path:
    return root / project.SPECS / f"{spec.id}.expected.json"


def _expected_text(spec: NotebookSpec, root: Path) -> str:
    reference = reference_for(spec, root)
    functions = {f.name: {"params": list(reference.params[f.name]), "calls": list(reference.calls[f.name]),
                          **reference.stubs[f.name].to_json()} for f in spec.functions}
    doc = {"_generated_from": f"{spec.solution} and its spec, by `autograde release`; do not edit",
           "notebook": spec.id, "functions": functions, "values": wire.to_json(public_expected(spec, root)),
           "untouched": untouched_fingerprint(spec, root)}
    return json.dumps(doc, indent=1, sort_keys=True, ensure_ascii=False) + "\n"


_CONFTEST = '''"""Generated by `autograde release`; do not edit. `pytest {folder}` runs the public
checks of every notebook in this folder, with the grader's messages (see dlcheck).
Of a notebook and its Korean edition, those you changed are checked (or the first, if neither)."""

from dlcheck.pytest_plugin import pytest_generate_tests, pytest_terminal_summary  # noqa: F401  (pytest hooks)
'''

_TEST_MODULE = '''"""Generated by `autograde release`; do not edit. One test per graded function of the
notebooks in this folder: does it pass its public checks?"""

from dlcheck.pytest_plugin import test_public_checks  # noqa: F401  (collected here)
'''


def conftest_text(folder: str) -> str:
    """The generated ``conftest.py`` of a week's folder, run as ``pytest {folder}``."""
    return _CONFTEST.format(folder=folder)


def given_module_text(name: str, source: str) -> str:
    """A given module as its week folder holds it: the stand-in ``source`` of
    ``autograder/helpers/<name>.py`` word for word, under a line saying it is generated."""
    return (f"# Generated by `autograde release` from autograder/helpers/{name}.py (what the grader's "
            "sandbox gets); do not edit.\n" + source)


def outputs(root: Path) -> dict[Path, str]:
    """Every generated file of the project, with its content."""
    import nbformat

    files: dict[Path, str] = {}
    for spec in specs.notebooks().values():
        files[root / spec.release] = nbformat.writes(student_notebook(spec, root)) + "\n"
        if has_korean((root / spec.solution).read_text(encoding="utf-8")):
            files[root / editions.korean_edition(spec.release)] = nbformat.writes(student_notebook(spec, root, "ko")) + "\n"
        files[expected_path(spec, root)] = kept_record(expected_path(spec, root), _expected_text(spec, root))
        trained = trainings.record_text(spec, root)
        if trained is not None:
            files[trainings.record_path(spec, root)] = trained
        folder = root / project.ASSIGNMENTS / spec.week
        files[folder / "conftest.py"] = conftest_text(f"{project.ASSIGNMENTS}/{spec.week}")
        files[folder / f"test_{spec.week}_public.py"] = _TEST_MODULE
        for name, source in helpers.sources(tuple(h for h in spec.helpers if h in helpers.GIVEN)).items():
            files[folder / f"{name}.py"] = given_module_text(name, source)
    return files


#: How far a recorded float may be from the one computed here and still be the same value:
#: BLAS and CPUs differ in the last digits (the public checks compare far more loosely).
RECORDED_FLOAT_RTOL, RECORDED_FLOAT_ATOL = 1e-9, 1e-12


def kept_record(path: Path, text: str) -> str:
    """The expected values to write at ``path``: what it holds when that differs from
    ``text`` only in floats within the tolerances above, else ``text``. So another
    machine's last digits neither fail ``release --check``, nor rewrite the committed
    file, nor change the kit."""
    try:
        held = path.read_text(encoding="utf-8")
        return held if held == text or _same_values(json.loads(held), json.loads(text)) else text
    except (OSError, ValueError):
        return text


def _same_values(a: Any, b: Any) -> bool:
    if isinstance(a, float) and isinstance(b, float):
        return math.isclose(a, b, rel_tol=RECORDED_FLOAT_RTOL, abs_tol=RECORDED_FLOAT_ATOL) or (
            math.isnan(a) and math.isnan(b))
    if type(a) is not type(b):
        return False
    if isinstance(a, dict):
        return a.keys() == b.keys() and all(_same_values(a[k], b[k]) for k in a)
    if isinstance(a, list):
        return len(a) == len(b) and all(_same_values(x, y) for x, y in zip(a, b, strict=True))
    return a == b


def release_all(root: Path, check: bool = False, files: dict[Path, str] | None = None) -> list[Path]:
    """Write (or with ``check``, only compare) every generated file (``files``, when
    :func:`outputs` is already computed); return the stale ones."""
    stale = []
    for path, text in (outputs(root) if files is None else files).items():
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            stale.append(path)
            if not check:
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_text(text, encoding="utf-8")
    return stale


def public_spec_source(spec_path: Path) -> str:
    """A spec as the student package holds it: hidden regions removed, marked generated."""
    header = (f"# Generated by `autograde release` from {project.SPECS}/{spec_path.parent.name}/{spec_path.name}, "
              "without its hidden checks; do not edit.\n")
    return header + strip_hidden(spec_path.read_text(encoding="utf-8"))
