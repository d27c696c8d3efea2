"""Declaring a notebook: functions in order, checks in order, public or hidden."""

import pytest

from dlcheck.checks import CheckFailed, NotebookSpec
from dlcheck.text import tr


def test_declarations_keep_their_order_and_tier():
    spec = NotebookSpec("week9/toy", helpers=("lr_utils",))
    f = spec.graded("f", points=2, aliases=("oldF",))
    g = spec.graded("g", points=1)

    @f.public("first", "첫째")
    def first(t):
        pass

    @f.hidden("second", "둘째", inputs=[1, 2], max_examples=3)
    def second(t, x):
        pass

    assert [fn.name for fn in spec.functions] == ["f", "g"] and spec.max_score == 3
    assert [(c.tier, c.description.ko) for c in f.checks] == [("public", "첫째"), ("hidden", "둘째")]
    assert f.checks[1].inputs == [1, 2] and f.checks[1].max_examples == 3
    assert spec.function("oldF") is f and g.test_name == "test_g"
    assert (spec.solution, spec.release, spec.week, spec.stem) == (
        "solutions/week9/toy.py", "assignments/week9/toy.ipynb", "week9", "toy")
    assert [c.tier for c in spec.public_only().function("f").checks] == ["public"]
    assert [fn.name for fn in spec.only("g").functions] == ["g"]


def test_a_function_declared_twice_is_refused():
    spec = NotebookSpec("week9/toy")
    spec.graded("f", points=1)
    with pytest.raises(ValueError, match="declared twice"):
        spec.graded("f", points=1)


def test_a_failure_needs_a_message_in_every_language():
    """Is a plain (English-only) string refused as a student message?"""
    with pytest.raises(TypeError, match="each language"):
        CheckFailed("only English")
    assert CheckFailed(tr("wrong", "틀림")).text.ko == "틀림"


def test_classic_names_are_declared_on_the_spec_and_kept_by_copies():
    """Are a notebook's classic names kept by the copies the grader and the self-check make?"""
    notebook = NotebookSpec("week9/thing", classic_names=("The_Thing_v2", "W9A1"))
    notebook.graded("f", points=1)
    assert notebook.classic_names == ("The_Thing_v2", "W9A1")
    assert notebook.only("f").classic_names == notebook.public_only().classic_names == notebook.classic_names
