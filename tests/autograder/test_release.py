"""The student copies: generated from the one source, up to date, and free of answers."""

import json
import re

import nbformat
import pytest

from autograder import ROOT, specs
from autograder.release import (
    HIDDEN_MARKERS,
    expected_path,
    kept_record,
    public_spec_source,
    release_all,
    stub_out,
)

SPECS = list(specs.notebooks().values())
IDS = [s.id for s in SPECS]


def test_committed_student_copies_are_up_to_date():
    """Would `autograde release` change any committed student file? (Run it if so.)"""
    assert release_all(ROOT, check=True) == []



def _record(values):
    return json.dumps({"notebook": "week2/x", "values": values}, indent=1, sort_keys=True) + "\n"


@pytest.mark.parametrize(("computed", "kept"), [
    ([0.1 + 0.2, 1e-17, {"$t": "nd", "data": [2.5]}], True),   # last digits, noise around zero
    ([0.3 * (1 + 1e-6), 0.0, {"$t": "nd", "data": [2.5]}], False),  # a value that changed
    ([0.3, 0.0], False),                                          # a value missing
    ([0.3, 0, {"$t": "nd", "data": [2.5]}], False),               # an int where a float was
], ids=["last-digits", "changed", "shorter", "int-for-float"])
def test_recorded_values_are_kept_unless_this_machine_computes_other_values(tmp_path, computed, kept):
    """Does a recorded expected-values file stay as committed when this machine's BLAS
    gives the same values in other last digits, and only then?"""
    path = tmp_path / "x.expected.json"
    path.write_text(_record([0.3, 0.0, {"$t": "nd", "data": [2.5]}]), encoding="utf-8")
    new = _record(computed)
    assert kept_record(path, new) == (path.read_text(encoding="utf-8") if kept else new)
    assert kept_record(tmp_path / "missing.expected.json", new) == new

@pytest.mark.parametrize("spec", SPECS, ids=IDS)
def test_student_notebook_holds_no_solution_code(spec):
    """Does the student notebook contain none of the lines inside the solution regions?"""
    text = (ROOT / spec.release).read_text()
    assert not any(marker in text for marker in HIDDEN_MARKERS)
    solution = (ROOT / spec.solution).read_text()
    inside, answer_lines = False, []
    for line in solution.splitlines():
        if "### BEGIN SOLUTION" in line:
            inside = True
        elif "### END SOLUTION" in line:
            inside = False
        elif inside and line.strip():
            answer_lines.append(line.strip())
    source = "\n".join(c.source for c in nbformat.reads(text, as_version=4).cells)
    leaked = [line for line in answer_lines if line in source.splitlines() or f"    {line}" in source]
    assert not leaked, f"solution lines in the student copy: {leaked}"


@pytest.mark.parametrize("spec", SPECS, ids=IDS)
def test_student_notebook_has_a_stub_and_a_graded_check_cell_per_function(spec):
    """Is every graded function stubbed, and is its check cell marked for nbgrader with its points?"""
    nb = nbformat.read(ROOT / spec.release, as_version=4)
    grade_cells = {c.metadata["nbgrader"]["grade_id"]: c.metadata["nbgrader"]["points"]
                   for c in nb.cells if c.metadata.get("nbgrader", {}).get("grade")}
    assert grade_cells == {f.test_name: f.points for f in spec.functions}
    stubs = [c.source for c in nb.cells if c.metadata.get("nbgrader", {}).get("solution")]
    assert len(stubs) == len(spec.functions) and all("raise NotImplementedError" in s for s in stubs)
    assert nb.metadata["autograde"]["generated_from"] == spec.solution


@pytest.mark.parametrize("spec", SPECS, ids=IDS)
def test_expected_values_hold_public_cases_only(spec):
    """Do the recorded values cover only public checks (no hidden inputs or answers)?"""
    doc = json.loads(expected_path(spec, ROOT).read_text())
    keys = [k for k, _ in doc["values"]["v"]]
    assert keys and all(k.split("/")[0] in {f.name for f in spec.functions} for k in keys)
    assert "by `autograde release`" in doc["_generated_from"]
    assert set(doc["functions"]) == {f.name for f in spec.functions}


@pytest.mark.parametrize("spec", SPECS, ids=IDS)
def test_recorded_signatures_and_callees_are_those_of_the_solution(spec):
    """Are each function's parameters and graded callees the ones its solution has, so a
    callee is never left out by hand?"""
    import ast

    doc = json.loads(expected_path(spec, ROOT).read_text())
    defs = {n.name: n for n in ast.parse((ROOT / spec.solution).read_text()).body if isinstance(n, ast.FunctionDef)}
    graded = [f.name for f in specs.declared(spec)]  # with a companion notebook's functions
    for name, info in doc["functions"].items():
        assert info["params"] == [a.arg for a in defs[name].args.args]
        called = {n.func.id for n in ast.walk(defs[name]) if isinstance(n, ast.Call) and isinstance(n.func, ast.Name)}
        assert set(info["calls"]) == called & set(graded) - {name}


@pytest.mark.parametrize("spec", SPECS, ids=IDS)
def test_the_students_copy_of_a_spec_holds_no_hidden_check(spec):
    """Does the spec as students receive it declare no hidden check and import nothing of the grader?"""
    source = public_spec_source(ROOT / "autograder" / "specs" / f"{spec.id}.py")
    assert source.startswith("# Generated by `autograde release`")
    assert "hidden(" not in source and "autograder" not in source.split("\n", 1)[1] and "hypothesis" not in source


def test_every_week_gets_its_pytest_files():
    """Does each week with a graded notebook have the generated conftest and test module?"""
    for week in {spec.week for spec in SPECS}:
        for name in ("conftest.py", f"test_{week}_public.py"):
            assert (ROOT / "assignments" / week / name).read_text().startswith('"""Generated by `autograde release`')


def test_stub_keeps_indentation_and_names_the_function():
    """Does a solution region become an indented stub naming its function?"""
    code = "def f(x):\n    ### BEGIN SOLUTION\n    y = x\n    ### END SOLUTION\n    return y\n"
    assert stub_out(code, "f") == ("def f(x):\n    # YOUR CODE HERE\n"
                                   "    raise NotImplementedError(\"f: replace this line with your code\")\n"
                                   "    return y\n")


def test_korean_markdown_cells_make_a_korean_edition():
    """Does a `# %% [markdown] ko` cell replace the English cell before it in the Korean
    edition only, leaving code cells the same in both?"""
    from autograder.release import has_korean, parse_percent

    source = ("# %% [markdown]\n# # Sigmoid\n# %% [markdown] ko\n# # 시그모이드\n"
              "# %%\ncheck = checker(\"week2/x\")\n# %% [markdown]\n# Untranslated\n")
    assert parse_percent(source) == [("markdown", "# Sigmoid"), ("code", 'check = checker("week2/x")'),
                                     ("markdown", "Untranslated")]
    assert parse_percent(source, "ko") == [("markdown", "# 시그모이드"), ("code", 'check = checker("week2/x")'),
                                           ("markdown", "Untranslated")]
    assert has_korean(source) and not has_korean(source.replace("[markdown] ko", "[markdown]"))


SOLUTIONS = sorted((ROOT / "solutions").glob("*/*.py"))
EXPECTED_BLOCK = re.compile(r"^```text\n(.*?)^```", re.M | re.S)


def _raw_cells(source: str) -> list[tuple[str, str]]:
    """``[(header, text)]`` of a percent-format source: every cell, Korean ones included."""
    parts = re.split(r"^(# %%.*)$", source, flags=re.M)
    return [(parts[i].strip(), parts[i + 1].strip()) for i in range(1, len(parts), 2)]


@pytest.mark.parametrize("solution", SOLUTIONS, ids=[f"{p.parent.name}/{p.stem}" for p in SOLUTIONS])
def test_every_markdown_cell_has_a_korean_translation_after_it(solution):
    """Is each English markdown cell of the source followed by its Korean version
    (`# %% [markdown] ko`, in Hangul), so the Korean edition leaves nothing in English?"""
    cells = _raw_cells(solution.read_text(encoding="utf-8"))
    pairs = zip(cells, [*cells[1:], ("", "")], strict=True)
    untranslated = [text.splitlines()[0] for (header, text), (after, translation) in pairs
                    if header == "# %% [markdown]" and text
                    and not (after == "# %% [markdown] ko" and re.search("[가-힣]", translation))]
    assert not untranslated, f"markdown cells without a Korean cell after them: {untranslated}"


@pytest.mark.parametrize("solution", SOLUTIONS, ids=[f"{p.parent.name}/{p.stem}" for p in SOLUTIONS])
def test_both_editions_show_the_same_expected_outputs(solution):
    """Does the Korean edition show exactly the English edition's expected-output blocks
    (what the code prints is the same in both)?"""
    from autograder.release import parse_percent

    source = solution.read_text(encoding="utf-8")
    blocks = {lang: [EXPECTED_BLOCK.findall(text) for kind, text in parse_percent(source, lang) if kind == "markdown"]
              for lang in ("en", "ko")}
    assert blocks["en"] == blocks["ko"]
