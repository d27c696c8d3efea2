"""The example classes: generated from the solutions, so a bug example cannot silently go
correct when the solution changes."""

import importlib.util
import sys

import pytest

from autograder import ROOT


def _make_examples():
    spec = importlib.util.spec_from_file_location("make_examples", ROOT / "examples" / "make_examples.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault(spec.name, module)  # dataclasses and the weeks' modules look it up there
    spec.loader.exec_module(sys.modules[spec.name])
    return sys.modules[spec.name]


MAKE = _make_examples()
WEEKS = MAKE.week_modules()


@pytest.mark.parametrize("week", sorted(WEEKS))
def test_examples_are_what_the_script_generates(week):
    """Are the committed notebooks exactly what examples/make_examples.py generates now?"""
    folder = ROOT / "examples" / week
    generated = MAKE.notebooks(WEEKS[week])
    stale = [name for name, text in generated.items() if (folder / name).read_text(encoding="utf-8") != text]
    assert not stale, f"out of date (run .venv/bin/python examples/make_examples.py): {stale}"
    assert sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*.ipynb")) == sorted(generated)


def test_an_edit_that_no_longer_fits_the_solution_stops_the_script():
    """Does an edit whose text is not in the solution exactly once raise, instead of making a
    "buggy" example that is in fact correct?"""
    with pytest.raises(MAKE.EditError, match="occurs 0 times"):
        MAKE.Edit("gone", "this text is not in any solution", "x").apply("def f():\n    return 1\n")
