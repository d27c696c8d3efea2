"""The README says what the project holds."""

from __future__ import annotations

import re

import pytest

from autograder import ROOT, specs

README = (ROOT / "README.md").read_text(encoding="utf-8")


def _curriculum_rows() -> dict[str, str]:
    """Notebook id -> its row of the README's curriculum table."""
    section = README.split("## Curriculum", 1)[1].split("\n## ", 1)[0]
    return {m.group(1): line for line in section.splitlines() if (m := re.match(r"\| \d \| `([\w/]+)`", line))}


@pytest.mark.parametrize("notebook_id", sorted(specs.notebooks()))
def test_curriculum_row_names_the_notebooks_functions_points_and_classic_names(notebook_id):
    """Does the curriculum table have a row for every notebook with a spec, naming each
    graded function, the total points and the classic names?"""
    spec = specs.get(notebook_id)
    row = _curriculum_rows().get(notebook_id)
    assert row is not None, f"README's curriculum has no row for {notebook_id}"
    assert all(re.search(rf"\b{re.escape(f.name)}\b", row) for f in spec.functions), row
    assert f"({sum(f.points for f in spec.functions):g})" in row or f"; {sum(f.points for f in spec.functions):g})" in row
    assert all(name in row for name in spec.classic_names), row


def test_curriculum_lists_no_notebook_without_a_spec():
    assert set(_curriculum_rows()) <= set(specs.notebooks())


@pytest.mark.parametrize("path", ["README.md", "kit/README.md", "kit/README.ko.md", "docs/security.md",
                                  "docs/adding-an-exercise.md"])
def test_no_merge_conflict_left_in_the_documents(path):
    text = (ROOT / path).read_text(encoding="utf-8")
    assert not re.search(r"^(<{7}|>{7}|={7})( |$)", text, re.M), f"{path} holds a merge conflict marker"
