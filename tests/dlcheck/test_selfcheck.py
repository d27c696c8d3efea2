"""The student's self-check: the grader's messages, public checks only, NumPy only."""

import os
import shutil
import subprocess
import sys
import textwrap
import types

import nbformat
import numpy as np
import pytest

from autograder import ROOT
from autograder.reference import reference_for
from autograder.specs import get
from dlcheck import exercises, selfcheck
from dlcheck.extract import read_submission
from dlcheck.selfcheck import check_function, checker, grade_notebook

NOTEBOOK = "week2/logistic_regression"
EXERCISE = exercises.load(NOTEBOOK)
REFERENCE = reference_for(get(NOTEBOOK))


@pytest.mark.parametrize("notebook_id", exercises.available())
def test_reference_functions_pass_their_public_checks_in_a_kernel(notebook_id):
    """Does check(fn) accept the reference implementation of every function?"""
    exercise = exercises.load(notebook_id)
    reference = reference_for(get(notebook_id))
    for fn in exercise.spec.functions:
        verdict = check_function(exercise, reference.function(fn.name), namespace=reference.namespace)
        assert verdict.passed, verdict.message


def test_the_self_check_holds_no_hidden_check():
    """Are only public checks declared when a spec is loaded for students?"""
    assert all(c.tier == "public" for f in EXERCISE.spec.functions for c in f.checks)
    assert all(c.tier == "public" for c in [c for f in EXERCISE.spec.functions for c in f.checks])
    assert sum(c.tier == "hidden" for f in get(NOTEBOOK).functions for c in f.checks) > 0


def test_inline_check_reports_the_same_message_as_the_grader():
    """Does check(fn) fail the cell with the grader's message for a buggy function?"""
    def sigmoid(z):
        return 1 / (1 + np.exp(z))

    with pytest.raises(AssertionError) as info:
        checker(NOTEBOOK)(sigmoid)
    assert str(info.value).startswith("sigmoid: values on a small array and a scalar: ")
    assert "Hint: you computed 1 - sigmoid(z): the denominator is 1 + np.exp(-z)" in str(info.value)


def test_inline_check_speaks_korean_when_asked():
    """Does checker(..., lang="ko") give the same verdict in Korean?"""
    def sigmoid(z):
        return 1 / (1 + np.exp(z))

    with pytest.raises(AssertionError) as info:
        checker(NOTEBOOK, lang="ko")(sigmoid)
    assert "힌트: 1 - sigmoid(z)를 계산했습니다" in str(info.value)


def test_inline_check_prints_what_passed(capsys):
    """Does a passing check(fn) say what was checked and that hidden checks follow?"""
    checker(NOTEBOOK)(REFERENCE.function("sigmoid"))
    assert capsys.readouterr().out.startswith("PASSED sigmoid: 1 check(s) passed: values on a small array")


def test_a_check_failing_because_of_a_callee_says_which_callee_to_fix():
    """When optimize fails only because the learner's own propagate is wrong, does check(optimize)
    say so (the grader would grade optimize with a correct propagate)?"""
    namespace = dict(REFERENCE.namespace, _right=REFERENCE.function("propagate"))
    exec("def propagate(w, b, X, Y):  # dw without the 1/m\n"
         "    grads, cost = _right(w, b, X, Y)\n"
         "    return {'dw': grads['dw'] * X.shape[1], 'db': grads['db']}, cost\n", namespace)
    optimize = types.FunctionType(REFERENCE.function("optimize").__code__, namespace, "optimize")
    verdict = check_function(EXERCISE, optimize)
    assert not verdict.passed
    assert "optimize calls your propagate, which fails its own checks; fix propagate first" in str(verdict.message)


def test_untouched_stub_gets_not_implemented_messages():
    """Does the public grading of the untouched student copy say what to implement?"""
    report = grade_notebook(ROOT / "assignments" / f"{NOTEBOOK}.ipynb", NOTEBOOK)
    assert report.error is None and report.score == 0
    assert all("is not implemented yet" in str(t.message) for t in report.tests)


def test_the_solution_notebook_passes_every_public_check():
    """Does the self-check of a completed notebook (the solution) pass every function?"""
    report = grade_notebook(ROOT / "solutions" / f"{NOTEBOOK}.py", NOTEBOOK)
    assert report.score == report.max_score, [str(t.message) for t in report.tests if not t.passed]


@pytest.mark.subprocess
def test_pytest_on_the_assignment_folder_says_what_to_do_first():
    """Does `pytest assignments/week2` on untouched stubs fail and name the first function to implement?"""
    proc = subprocess.run([sys.executable, "-m", "pytest", "assignments/week2", "-q", "-p", "no:cacheprovider"],
                          cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert proc.returncode == 1
    assert "Work on sigmoid next: sigmoid is not implemented yet" in proc.stdout


GRADER_ONLY = ("autograder", "nbgrader", "hypothesis", "numdifftools", "scipy", "sqlalchemy", "click")
POSIX_ONLY = ("fcntl", "resource", "termios", "pwd", "grp")


def _imported(code: str) -> list[str]:
    probe = f"import sys\n{code}\nprint('IMPORTED', sorted(set(m.split('.')[0] for m in sys.modules)))"
    proc = subprocess.run([sys.executable, "-c", probe], cwd=ROOT / "assignments", capture_output=True, text=True,
                          timeout=120)
    line = next((x for x in proc.stdout.splitlines() if x.startswith("IMPORTED")), None)
    assert line, proc.stdout + proc.stderr
    return eval(line.removeprefix("IMPORTED "))


@pytest.mark.subprocess
def test_checking_in_a_notebook_imports_nothing_of_the_grader_nor_posix_only_modules():
    """Does `from dlcheck import checker` and a check import no grader module and no
    POSIX-only module (fcntl, resource: absent on Windows)?"""
    modules = _imported("from dlcheck import checker\nimport numpy as np\n"
                        "check = checker('week2/numpy_basics')\n"
                        "exec('def sigmoid(x):\\n    return 1 / (1 + np.exp(-x))')\ncheck(sigmoid)")
    assert not [m for m in modules if m in GRADER_ONLY + POSIX_ONLY]


@pytest.mark.subprocess
def test_the_pytest_self_check_imports_nothing_of_the_grader():
    """Does the pytest plugin (grading a notebook file) import no grader module? (pytest itself
    may import POSIX modules where they exist, and does without them on Windows.)"""
    modules = _imported("import dlcheck.pytest_plugin\nfrom dlcheck.selfcheck import grade_notebook\n"
                        "grade_notebook('week2/numpy_basics.ipynb', 'week2/numpy_basics')")
    assert not [m for m in modules if m in GRADER_ONLY]


# -- one notebook, two editions; the grader's words ----------------------------------------

def _week_folder(tmp_path, *names: str):
    """A copy of assignments/week2 holding the named notebooks, and its generated pytest files."""
    folder = tmp_path / "week2"
    folder.mkdir()
    for name in (*names, "conftest.py", "test_week2_public.py", "lr_utils.py"):
        shutil.copy(ROOT / "assignments" / "week2" / name, folder / name)
    return folder


def _filled(notebook, solution, edit=lambda source: source):
    """The notebook's code cells replaced by the solution's (markers dropped), then ``edit``ed."""
    from autograder.release import parse_percent

    nb = nbformat.read(notebook, as_version=4)
    cells = parse_percent(edit((ROOT / solution).read_text(encoding="utf-8")))
    for cell, (_, text) in zip(nb.cells, cells, strict=True):
        if cell.cell_type == "code":
            cell.source = "\n".join(line for line in text.splitlines() if "### " not in line)
    nbformat.write(nb, notebook)


def test_pytest_checks_the_edition_a_learner_changed(tmp_path):
    """Of a notebook and its Korean edition, does `pytest week2` check only the one that was
    changed, and when neither was, only the first?"""
    folder = _week_folder(tmp_path, "numpy_basics.ipynb", "numpy_basics.ko.ipynb")
    assert selfcheck.exercises_in(folder) == [(folder / "numpy_basics.ipynb", "week2/numpy_basics")]
    _filled(folder / "numpy_basics.ko.ipynb", "solutions/week2/numpy_basics.py")
    assert selfcheck.exercises_in(folder) == [(folder / "numpy_basics.ko.ipynb", "week2/numpy_basics")]
    _filled(folder / "numpy_basics.ipynb", "solutions/week2/numpy_basics.py")
    assert len(selfcheck.exercises_in(folder)) == 2


@pytest.mark.subprocess
def test_a_korean_edition_is_reported_in_korean(tmp_path):
    """Does pytest report the checks of a Korean edition in Korean, as its check cells do,
    unless $AUTOGRADE_LANG asks otherwise?"""
    folder = _week_folder(tmp_path, "numpy_basics.ipynb", "numpy_basics.ko.ipynb")
    _filled(folder / "numpy_basics.ko.ipynb", "solutions/week2/numpy_basics.py",
            lambda source: source.replace("s = 1 / (1 + math.exp(-x))", "s = 1 / (1 + math.exp(x))"))
    command = [sys.executable, "-m", "pytest", str(folder), "-q", "-p", "no:cacheprovider"]
    env = {k: v for k, v in os.environ.items() if k != "AUTOGRADE_LANG"}
    korean = subprocess.run(command, capture_output=True, text=True, timeout=300, env=env | {"LANG": "C"})
    assert "basic_sigmoid: 몇 개의 실수에서의 값" in korean.stdout
    assert "numpy_basics.ko.ipynb: 함수 8개 중 7개가 공개 검사를 통과합니다. 다음은 basic_sigmoid" in korean.stdout
    english = subprocess.run(command, capture_output=True, text=True, timeout=300, env=env | {"AUTOGRADE_LANG": "en"})
    assert "numpy_basics.ko.ipynb: 7/8 functions pass their public checks. Work on basic_sigmoid next" \
        in english.stdout


def test_a_stub_inside_a_callee_is_named_as_the_callee():
    """When optimize is written but the propagate it calls still raises NotImplementedError,
    does the message name propagate as what is not implemented (not optimize)?"""
    namespace = dict(REFERENCE.namespace)
    exec("def propagate(w, b, X, Y):\n    raise NotImplementedError('propagate: replace this line')\n", namespace)
    optimize = types.FunctionType(REFERENCE.function("optimize").__code__, namespace, "optimize")
    message = str(check_function(EXERCISE, optimize).message)
    assert message.startswith("optimize: params, grads and costs after 100 steps on the classic example: "
                              "propagate, which optimize calls, is not implemented yet (it raises "
                              "NotImplementedError). Hint: implement propagate first.")


@pytest.fixture(scope="module")
def buggy_propagate(tmp_path_factory):
    """A .py submission whose propagate lacks the 1/m in dw; its optimize is right."""
    source = (ROOT / "solutions" / f"{NOTEBOOK}.py").read_text(encoding="utf-8")
    path = tmp_path_factory.mktemp("agreement") / "submission.py"
    path.write_text(source.replace("dw = np.dot(X, dZ.T) / m", "dw = np.dot(X, dZ.T)"), encoding="utf-8")
    return path


@pytest.mark.grading
@pytest.mark.real_data
def test_the_self_check_and_the_grader_say_the_same_of_a_function_failing_through_its_callee(buggy_propagate):
    """When optimize fails only because the learner's propagate is wrong, do the pytest
    self-check, the inline check and the grader report the same failure of optimize, and
    say that the grader grades it with a correct propagate?"""
    from autograder.engine import grade_submission

    graded = {t.function: t for t in grade_submission(buggy_propagate, get(NOTEBOOK)).tests}
    checked = {t.function: t for t in grade_notebook(buggy_propagate, NOTEBOOK).tests}
    assert not graded["propagate"].passed and not checked["propagate"].passed
    assert graded["optimize"].passed and not checked["optimize"].passed
    own = str(graded["optimize"].message).split("with your own, it failed: ", 1)[1].split(" What differs", 1)[0]
    assert "graded with correct versions of propagate" in str(graded["optimize"].message)
    assert str(checked["optimize"].message) == own + " Note: optimize calls your propagate, which fails its own " \
        "checks; fix propagate first (the grader grades optimize with a correct version of propagate)."
    kernel = selfcheck._run_kept_code(read_submission(buggy_propagate).statements, ROOT / "assignments" / "week2")
    with pytest.raises(AssertionError) as inline:
        checker(NOTEBOOK)(kernel["optimize"])
    assert str(inline.value) == str(checked["optimize"].message)


def _defined_as(source: str, **names) -> types.FunctionType:
    """The one function ``source`` defines, with NumPy and ``names`` as its globals."""
    namespace = {"np": np, **names}
    exec(textwrap.dedent(source), namespace)
    return next(v for k, v in namespace.items() if isinstance(v, types.FunctionType) and k not in names)


def test_an_earlier_signature_of_the_course_passes_with_a_note():
    """Does the course's 2017-2019 ``compute_cost(A2, Y, parameters)`` pass check(fn), saying
    it was checked with the earlier signature, as the grader grades it?"""
    old = _defined_as("""
        def compute_cost(A2, Y, parameters):
            m = Y.shape[1]
            return float(-np.sum(Y * np.log(A2) + (1 - Y) * np.log(1 - A2)) / m)
    """)
    verdict = check_function(exercises.load("week3/planar_data_classification"), old)
    assert verdict.passed, verdict.message
    assert "graded with the course's earlier signature compute_cost(A2, Y, parameters)" in str(verdict.message)


def test_an_earlier_signature_that_fails_says_which_signature_was_used():
    """When a function in an earlier signature fails, does the message say the earlier
    signature was the one checked (so the learner does not look for a signature bug)?"""
    reference = reference_for(get("week4/deep_network_step_by_step")).function("update_parameters")
    off = _defined_as("""
        def update_parameters(parameters, grads, learning_rate):
            return reference(parameters, grads, 2 * learning_rate)
    """, reference=reference)
    verdict = check_function(exercises.load("week4/deep_network_step_by_step"), off)
    assert not verdict.passed
    assert "Note: graded with the course's earlier signature update_parameters(parameters, grads, learning_rate)" \
        in str(verdict.message), verdict.message


def test_a_signature_the_checks_cannot_call_says_the_stubs():
    """A function with too few parameters and no earlier signature of that shape: does
    check(fn) say which signature the stub has, as the grader does?"""
    verdict = check_function(EXERCISE, _defined_as("def propagate(w, b):\n    return {}, 0.0\n"))
    assert not verdict.passed
    assert "propagate takes (w, b) but is called as propagate(w, b, X, Y)" in str(verdict.message)


WEEKS = sorted({notebook_id.split("/")[0] for notebook_id in exercises.available()})


@pytest.mark.subprocess
@pytest.mark.parametrize("week", WEEKS)
def test_pytest_on_a_completed_week_passes_and_on_its_stubs_fails(tmp_path, week):
    """With every notebook of a week completed (the solutions, in the released notebooks),
    does `pytest weekN` pass every function; on the untouched stubs, does it fail and name
    the first function to write?"""
    folder = tmp_path / week
    shutil.copytree(ROOT / "assignments" / week, folder)
    stems = sorted(p.stem for p in folder.glob("*.ipynb") if not p.stem.endswith(".ko"))
    for stem in stems:
        _filled(folder / f"{stem}.ipynb", f"solutions/{week}/{stem}.py")
    command = [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider"]
    completed = subprocess.run([*command, str(folder)], capture_output=True, text=True, timeout=600)
    functions = sum(len(exercises.load(f"{week}/{stem}").spec.functions) for stem in stems)
    assert completed.returncode == 0 and f"{functions} passed" in completed.stdout, completed.stdout[-2000:]
    stubs = subprocess.run([*command, str(ROOT / "assignments" / week)], capture_output=True, text=True, timeout=600)
    first = exercises.load(f"{week}/{stems[0]}").spec.functions[0].name
    assert stubs.returncode == 1 and f"Work on {first} next" in stubs.stdout, stubs.stdout[-2000:]


def test_a_signature_change_is_named_by_check_fn_in_the_graders_words():
    """Does check(fn) on an update_parameters without its default learning rate say the
    grader's words (the call refused, the change, the stub's signature), not a traceback
    line of the self-check's own code?"""
    no_default = _defined_as("""
        def update_parameters(parameters, grads, learning_rate):
            return parameters
    """)
    verdict = check_function(exercises.load("week3/planar_data_classification"), no_default)
    assert verdict.message.en == (
        "update_parameters: one step with the default learning rate (1.2): update_parameters could not be called: "
        "update_parameters() missing 1 required positional argument: 'learning_rate'. learning_rate has no default "
        "in your update_parameters; the stub's is learning_rate=1.2. Hint: keep the stub's signature, "
        "def update_parameters(parameters, grads, learning_rate=1.2): the checks call update_parameters as the "
        "course's notebook does.")
