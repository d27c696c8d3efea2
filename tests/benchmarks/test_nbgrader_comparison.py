"""nbgrader 0.9.6 and autograde on the same notebooks: the README's comparison, checked.

Runs ``benchmarks/nbgrader_comparison.py`` (real nbgrader, a real kernel) on three cases:
the instructor notebook handed in as is, a notebook of right-shaped garbage that patches
``np.allclose``/``np.isclose``, and a stub notebook that redefines ``check``.
"""


import benchmark_scripts
import pytest

from autograder import specs

pytestmark = [pytest.mark.subprocess, pytest.mark.nbgrader, pytest.mark.grading, pytest.mark.real_data, pytest.mark.e2e]
SPEC = specs.get("week2/logistic_regression")
ALL_FUNCTIONS = {f.name for f in SPEC.functions}


@pytest.fixture(scope="module")
def rows(tmp_path_factory):
    """Case name -> Row, graded once for the module by nbgrader and by autograde."""
    benchmark_scripts.skip_without_cat_data()
    script = benchmark_scripts.load("nbgrader_comparison")
    adversarial = {c.name: c for c in script.adversarial_cases()}
    cases = [script.solution_case(), adversarial["patches_isclose_too"], adversarial["redefines_check"]]
    result = script.compare(cases, tmp_path_factory.mktemp("nbgrader-comparison"), progress=lambda text: None)
    return {r.case: r for r in result.rows}


def test_solution_gets_full_marks_from_both(rows):
    """Is the setup fair: does real nbgrader, in its own kernel, give the solution full marks, as autograde does?"""
    row = rows["solution"]
    assert (row.nbgrader.score, row.nbgrader.error) == (SPEC.max_score, None)
    assert (row.autograde.score, row.autograde.error) == (SPEC.max_score, None)


def test_nbgrader_credits_garbage_that_patches_numpy_comparisons(rows):
    """Does nbgrader credit functions returning garbage when a cell patches np.allclose and
    np.isclose, while autograde gives each of them 0? (Only in-kernel checks that use no
    numpy comparison, like optimize's exact test of an unchanged b, resist the patch.)"""
    row = rows["patches_isclose_too"]
    assert row.nbgrader.score >= SPEC.max_score - SPEC.function("optimize").points
    assert len(row.credited_only_by_nbgrader) >= len(ALL_FUNCTIONS) - 1
    assert row.autograde.functions == {name: 0.0 for name in ALL_FUNCTIONS}


def test_nbgrader_credits_stubs_when_check_is_redefined(rows):
    """Does `check = lambda fn: None` in a student cell earn full nbgrader marks for untouched stubs, and 0 from autograde?"""
    row = rows["redefines_check"]
    assert row.nbgrader.score == SPEC.max_score
    assert row.autograde.score == 0
