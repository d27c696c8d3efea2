"""Two things week 5's gradient checks need from the engine: what a graded call prints
(``t.call_printed``: ``gradient_check(..., print_msg=True)`` says its verdict), and a
function the notebook provides ready-made (``NotebookSpec(provided=...)``:
``forward_propagation_n``) answered by the reference while a graded function that calls it
is graded, never graded itself."""

from __future__ import annotations

import textwrap

import pytest

from autograder import specs
from autograder.engine import grade_submission
from dlcheck.checks import CheckFailed, NotebookSpec
from dlcheck.compare import expect_scalar
from dlcheck.run import KernelTrial
from dlcheck.text import tr

MINI_SOLUTION = '''
import numpy as np

def double(x):
    return 2 * x

def shout(x, print_msg=False):
    ### BEGIN SOLUTION
    y = double(x)
    if print_msg:
        print("LOUD " + str(y))
    ### END SOLUTION
    return y
'''


def _expect_loud(t) -> None:
    value, printed = t.call_printed(3.0, print_msg=True)
    expect_scalar(value, 6.0, "shout(3.0)")
    if "LOUD 6.0" not in printed:
        raise CheckFailed(tr("printed {n} characters, starting {start!r}", "{n}자 출력, 시작 {start!r}",
                             n=len(printed), start=printed[:20]))


@pytest.fixture
def mini(tmp_path, monkeypatch):
    """A project with one notebook, ``week9/mini``: ``shout`` (graded) calls ``double`` (provided)."""
    (tmp_path / "solutions" / "week9").mkdir(parents=True)
    (tmp_path / "solutions" / "week9" / "mini.py").write_text(MINI_SOLUTION)
    monkeypatch.setenv("AUTOGRADE_PROJECT", str(tmp_path))
    spec = NotebookSpec("week9/mini", provided=("double",))
    shout = spec.graded("shout", points=1, reference_callees=("double",))
    shout.public("shouts twice its argument", "인자의 두 배를 외침")(_expect_loud)
    return spec


def _grade(tmp_path, spec, source):
    path = tmp_path / "submission.py"
    path.write_text("import numpy as np\n" + textwrap.dedent(source))
    return {t.function: t for t in grade_submission(path, spec).tests}


def test_a_provided_function_is_declared_but_never_graded(mini):
    """Is a provided function among the functions the notebook may call, with no points,
    and not among those it grades?"""
    assert [f.name for f in mini.functions] == ["shout"]
    assert [(f.name, f.points) for f in specs.declared(mini)] == [("shout", 1), ("double", 0)]
    assert mini.only("shout").provided == mini.public_only().provided == ("double",)


def test_a_kernel_trial_returns_what_the_call_printed():
    """In the learner's kernel, does ``call_printed`` return the value and the printed text,
    printing nothing itself?"""
    def shout(x, print_msg=False):
        if print_msg:
            print("LOUD", 2 * x)
        return 2 * x
    value, printed = KernelTrial("shout", shout, {}).call_printed(3.0, print_msg=True)
    assert (value, printed) == (6.0, "LOUD 6.0\n")


@pytest.mark.grading
def test_the_solution_prints_its_verdict_in_the_sandbox(tmp_path, mini):
    """Does a graded call in the sandbox bring back what it printed?"""
    tests = _grade(tmp_path, mini, MINI_SOLUTION)
    assert tests["shout"].passed, tests["shout"].message


@pytest.mark.grading
@pytest.mark.parametrize("printing, n", [('print("quiet")', 6), ('print("x" * 10**6)', 4000)],
                         ids=["another-message", "a-million-characters"])
def test_what_a_call_printed_is_what_the_check_reads_and_no_more_than_4000_characters(tmp_path, mini, printing, n):
    """Does the check read the call's own output, kept to its first 4000 characters?"""
    tests = _grade(tmp_path, mini, f"""
        def double(x):
            return 2 * x

        def shout(x, print_msg=False):
            {printing}
            return double(x)
    """)
    assert not tests["shout"].passed and f"printed {n} characters" in str(tests["shout"].message)


@pytest.mark.grading
@pytest.mark.parametrize("double", ["def double(x):\n    return 3 * x\n", ""], ids=["wrong", "missing"])
def test_a_provided_callee_is_the_references_while_its_caller_is_graded(tmp_path, mini, double):
    """When the learner's copy of the provided function is wrong, or missing, is the graded
    caller still graded on its own code (the reference answering the provided function)?"""
    tests = _grade(tmp_path, mini, double + textwrap.dedent("""
        def shout(x, print_msg=False):
            y = double(x)
            if print_msg:
                print("LOUD", y)
            return y
    """))
    assert list(tests) == ["shout"]
    assert tests["shout"].passed, tests["shout"].message
