"""The student copies: generated from the one source, up to date, and free of answers."""

import json

import nbformat
import pytest

from autograder import ROOT, specs
from autograder.release import HIDDEN_MARKERS, expected_path, release_all, stub_out

SPECS = list(specs.NOTEBOOKS.values())
IDS = [s.id for s in SPECS]


def test_committed_student_copies_are_up_to_date():
    """Would `autograde release` change any committed student file? (Run it if so.)"""
    assert release_all(ROOT, check=True) == []


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
    assert "generated" in doc["_generated_from"] or "by `autograde release`" in doc["_generated_from"]


def test_stub_keeps_indentation_and_names_the_function():
    """Does a solution region become an indented stub naming its function?"""
    code = "def f(x):\n    ### BEGIN SOLUTION\n    y = x\n    ### END SOLUTION\n    return y\n"
    assert stub_out(code, "f") == ("def f(x):\n    # YOUR CODE HERE\n"
                                   "    raise NotImplementedError(\"f: replace this line with your code\")\n"
                                   "    return y\n")
