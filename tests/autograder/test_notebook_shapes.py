"""The grader's words on notebooks in the shapes real ones take (synthetic sources with
the same shape, never a learner's code): the classic course's unfinished templates, our
stubs with `pass` for the `raise`, a module whose import was commented out, signatures
changed. Graded end to end; the self-check (`pytest weekN`) says the same words."""

from __future__ import annotations

import re
import textwrap
from pathlib import Path

import nbformat
import pytest
from source_edits import BACKWARD_BEFORE_V5, mutate, rewrite

from autograder import ROOT, specs
from autograder.engine import grade_submission
from dlcheck.selfcheck import grade_notebook

pytestmark = pytest.mark.grading  # each test but one grades a notebook in a sandbox

W2_BASICS = specs.get("week2/numpy_basics")
W2_LR = specs.get("week2/logistic_regression")
W3 = specs.get("week3/planar_data_classification")

#: The classic W3A1's templates, unfinished in their three shapes: an empty region (the
#: names the template's last lines use are never computed), `= None` lines, and a learner
#: who deleted update_parameters' default (and passes it in the notebook's own calls).
W3A1_UNFINISHED = '''
import numpy as np
import copy
from testCases_v2 import *
from public_tests import *
from planar_utils import plot_decision_boundary, sigmoid, load_planar_dataset, load_extra_datasets

def layer_sizes(X, Y):
    #(≈ 3 lines of code)
    # n_x = ...
    # YOUR CODE STARTS HERE


    # YOUR CODE ENDS HERE
    return (n_x, n_h, n_y)

def initialize_parameters(n_x, n_h, n_y):
    # YOUR CODE STARTS HERE


    # YOUR CODE ENDS HERE
    parameters = {"W1": W1,
                  "b1": b1,
                  "W2": W2,
                  "b2": b2}
    return parameters

def forward_propagation(X, parameters):
    W1 = None
    b1 = None
    W2 = None
    b2 = None
    Z1 = None
    A1 = None
    Z2 = None
    A2 = None
    assert(A2.shape == (1, X.shape[1]))
    cache = {"Z1": Z1, "A1": A1, "Z2": Z2, "A2": A2}
    return A2, cache

def compute_cost(A2, Y):
    m = Y.shape[1] # number of examples
    # YOUR CODE STARTS HERE


    # YOUR CODE ENDS HERE
    cost = float(np.squeeze(cost))  # makes sure cost is the dimension we expect.
    return cost

def backward_propagation(parameters, cache, X, Y):
    m = X.shape[1]
    W1 = None
    W2 = None
    A1 = None
    A2 = None
    dZ2 = None
    dW2 = None
    db2 = None
    dZ1 = None
    dW1 = None
    db1 = None
    grads = {"dW1": dW1, "db1": db1, "dW2": dW2, "db2": db2}
    return grads

def update_parameters(parameters, grads, learning_rate):
    W1 = copy.deepcopy(parameters["W1"]) - learning_rate * grads["dW1"]
    b1 = parameters["b1"] - learning_rate * grads["db1"]
    W2 = copy.deepcopy(parameters["W2"]) - learning_rate * grads["dW2"]
    b2 = parameters["b2"] - learning_rate * grads["db2"]
    return {"W1": W1, "b1": b1, "W2": W2, "b2": b2}
'''

UNFINISHED = ["layer_sizes", "initialize_parameters", "forward_propagation", "compute_cost", "backward_propagation"]


@pytest.fixture(scope="module")
def classic_unfinished(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("w3a1") / "Planar_data_classification_with_one_hidden_layer.py"
    path.write_text(W3A1_UNFINISHED)
    return path


@pytest.fixture(scope="module")
def classic_unfinished_graded(classic_unfinished):
    spec = W3.only(*UNFINISHED, "update_parameters")
    return {t.function: t for t in grade_submission(classic_unfinished, spec).tests}


def test_an_unfinished_classic_template_is_not_written_yet(classic_unfinished_graded):
    """Is each unfinished template told it is not written yet, naming what it never
    computes or the placeholders left, never "variables made by running other cells" and
    never an X.shape it has no X for?"""
    messages = {f: classic_unfinished_graded[f].message.en for f in UNFINISHED}
    assert all(m.startswith(f"{f} is not written yet: ") for f, m in messages.items()), messages
    assert messages["initialize_parameters"].startswith("initialize_parameters is not written yet: it never computes W1.")
    assert messages["compute_cost"].startswith("compute_cost is not written yet: it never computes cost.")
    assert "Hint: write the code that computes cost in compute_cost" in messages["compute_cost"]
    assert "placeholders `W1 = None`, `b1 = None`, `W2 = None`, ..., so a value is still None" \
        in messages["forward_propagation"]
    assert "'NoneType' object has no attribute 'shape'. Hint: replace each placeholder" in messages["forward_propagation"]
    assert "placeholders `W1 = None`, `W2 = None`, `A1 = None`, ...; replace them" in messages["backward_propagation"]
    assert not [m for m in messages.values() if "running other cells" in m or "from X.shape" in m], messages
    korean = classic_unfinished_graded["initialize_parameters"].message.ko
    assert korean.startswith("initialize_parameters 함수가 아직 작성되지 않았습니다: W1 값을 계산하지 않습니다.")


def test_a_deleted_default_is_named_as_a_signature_change(classic_unfinished_graded):
    """Does update_parameters without its default learning rate lose its point to a
    message naming the change and the stub's signature, rather than a bare TypeError?"""
    verdict = classic_unfinished_graded["update_parameters"]
    assert not verdict.passed
    assert verdict.message.en == (
        "update_parameters: one step with the default learning rate (1.2): update_parameters could not be called: "
        "update_parameters() missing 1 required positional argument: 'learning_rate'. learning_rate has no default "
        "in your update_parameters; the stub's is learning_rate=1.2. Hint: keep the stub's signature, "
        "def update_parameters(parameters, grads, learning_rate=1.2): the checks call update_parameters as the "
        "course's notebook does.")


def test_the_self_check_says_the_same_of_an_unfinished_template(classic_unfinished, classic_unfinished_graded):
    """Does `pytest week3` on the same file give the grader's words, function by function?"""
    checked = {t.function: t.message for t in grade_notebook(classic_unfinished, W3.id).tests}
    assert {f: checked[f] for f in classic_unfinished_graded} == \
        {f: t.message for f, t in classic_unfinished_graded.items()}


def _with_pass_for_raise(notebook: str, path: Path) -> Path:
    """The released notebook's code with each `raise NotImplementedError(...)` replaced by `pass`."""
    nb = nbformat.read(ROOT / f"assignments/{notebook}.ipynb", as_version=4)
    source = "\n\n".join(cell.source for cell in nb.cells if cell.cell_type == "code")
    path.write_text(re.sub(r"raise NotImplementedError\([^)]*\)", "pass", source))
    return path


def test_our_stubs_with_pass_for_raise_are_not_written_yet(tmp_path):
    """When a learner swaps each `raise NotImplementedError` for `pass` and writes nothing,
    is every function "not written yet" (the template's `pass` named), in both languages?"""
    report = grade_submission(_with_pass_for_raise(W2_BASICS.id, tmp_path / "numpy_basics.py"), W2_BASICS)
    assert report.score == 0
    for test in report.tests:
        assert test.message.en.startswith(f"{test.function} is not written yet: it never computes "), test.message.en
        assert "it still has the template's placeholder `pass`" in test.message.en
        assert "템플릿의 `pass` 자리 표시자가 그대로 있습니다" in test.message.ko


def test_a_module_whose_import_is_commented_out_is_to_be_imported(tmp_path):
    """With `#import math`, is basic_sigmoid told that math is a module to import (not a
    variable of another cell to compute "from X.shape"), and does nothing else lose a point?"""
    path = tmp_path / "numpy_basics.py"
    path.write_text((ROOT / W2_BASICS.solution).read_text().replace("\nimport math\n", "\n#import math\n"))
    report = grade_submission(path, W2_BASICS)
    assert {t.function for t in report.tests if not t.passed} == {"basic_sigmoid"}
    message = report.tests[0].message
    assert message.en.endswith("Hint: math is a module, and the notebook does not import it: add `import math` where "
                               "the notebook imports its modules (its first code cell) and run that cell; when a "
                               "function is graded, only the notebook's imports, functions and constants exist.")
    assert "math 모듈을 노트북이 import하지 않습니다" in message.ko


#: A learner who deleted optimize's and model's defaults, and so calls them with every
#: argument, as the classic notebook's model() and its tests do; and a predict given a
#: required parameter of its own.
SIGNATURES_CHANGED = (
    ("def optimize(w, b, X, Y, num_iterations=100, learning_rate=0.009, print_cost=False):",
     "def optimize(w, b, X, Y, num_iterations, learning_rate, print_cost):"),
    ("def predict(w, b, X):", "def predict(w, b, X, threshold):"),
)


def test_calls_are_made_as_the_classic_notebook_makes_them(tmp_path):
    """Does an optimize without defaults, which the classic notebook's own calls (every
    argument given) still call, keep its points; and does a predict with a required
    parameter of its own lose its point to a message naming that parameter?"""
    source = (ROOT / W2_LR.solution).read_text()
    for old, new in SIGNATURES_CHANGED:
        assert source.count(old) == 1
        source = source.replace(old, new)
    path = tmp_path / "logistic_regression.py"
    path.write_text(source)
    graded = {t.function: t for t in grade_submission(path, W2_LR.only("optimize", "predict")).tests}
    assert graded["optimize"].passed, graded["optimize"].message.en
    assert "threshold is a parameter the stub does not have. Hint: keep the stub's signature, def predict(w, b, X)" \
        in graded["predict"].message.en
    assert textwrap.shorten(graded["predict"].message.ko, 1000).count("threshold 인자는 스텁에 없습니다") == 1


# -- week 4: notes true of the notebook handed in --------------------------------------------

W4 = specs.get("week4/deep_network_step_by_step")
W4_SOLUTION = (ROOT / W4.solution).read_text()

#: initialize_parameters_deep as the classic W4A1 writes it: seed 3, every layer times 0.01.
DEEP_INIT_0_01 = """
    np.random.seed(3)
    for l in range(1, len(layer_dims)):
        parameters['W' + str(l)] = np.random.randn(layer_dims[l], layer_dims[l-1]) * 0.01
        parameters['b' + str(l)] = np.zeros((layer_dims[l], 1))
"""
#: The classic W4A1's imports, in place of ours (content, not the name, says which notebook it is).
CLASSIC_IMPORTS = ("from dnn_utils import relu, relu_backward, sigmoid, sigmoid_backward\n",
                   "from testCases import *\nfrom dnn_utils import sigmoid, sigmoid_backward, relu, relu_backward\n"
                   "from public_tests import *\n")


def _week4(tmp_path: Path, *edits: tuple[str, str], classic: bool = False) -> dict:
    source = W4_SOLUTION
    for function, body in edits:
        source = rewrite(source, function, body)
    if classic:
        source = mutate(source, *CLASSIC_IMPORTS)
    path = tmp_path / "Building_your_Deep_Neural_Network_Step_by_Step_v8a.py"
    path.write_text(source)
    report = grade_submission(path, W4.only("initialize_parameters_deep", "L_model_backward"))
    return {t.function: t for t in report.tests}


def test_our_notebook_with_the_0_01_scale_gets_one_true_note(tmp_path):
    """Does our notebook's deep initialization scaled by 0.01 keep its point with one note
    (not one per layer and per check) saying that this notebook asks for 1/sqrt(n)?"""
    message = _week4(tmp_path, ("initialize_parameters_deep", DEEP_INIT_0_01))["initialize_parameters_deep"].message
    assert message.en.count("Note:") == 1 and message.ko.count("참고:") == 1, message.en
    assert message.en.endswith("Note: the weights are scaled by 0.01 (accepted: the classic course's convention); "
                               "this notebook asks for 1/sqrt(n_{l-1}).")


def test_a_classic_step_by_step_notebook_is_asked_for_what_it_asks(tmp_path):
    """Is a classic W4A1 (known by its imports) with the 0.01 scale graded without a note
    claiming it asks for 1/sqrt(n), and one with 1/sqrt(n) told its notebook asks for 0.01?"""
    classic = _week4(tmp_path, ("initialize_parameters_deep", DEEP_INIT_0_01), classic=True)["initialize_parameters_deep"]
    assert classic.passed and "Note:" not in classic.message.en, classic.message.en
    ours = _week4(tmp_path, classic=True)["initialize_parameters_deep"]
    assert ours.passed and ours.message.en.endswith(
        "Note: the weights are scaled by 1/sqrt(n_{l-1}) (accepted: this course's convention, which the classic "
        "application notebook uses too); your notebook asks for 0.01.")


def test_grads_under_the_keys_before_version_5_keep_their_points_with_a_note(tmp_path):
    """Does an L_model_backward storing each layer's dA_prev under "dA" + str(l) (dA1, dA2
    for two layers), its dW and db right, keep its 2 points, with one note true of the
    notebook handed in (ours asks for "dA" + str(l - 1); a classic one's later versions do)?"""
    ours = _week4(tmp_path, ("L_model_backward", BACKWARD_BEFORE_V5))["L_model_backward"]
    assert ours.passed, ours.message.en
    assert ours.message.en.count("Note:") == 1 and ours.message.en.endswith(
        "Note: grads keeps the gradient of A[l-1] under \"dA\" + str(l) (accepted: the course's convention before "
        "version 5); this notebook asks for \"dA\" + str(l - 1), so that \"dA0\" is the gradient of X.")
    classic = _week4(tmp_path, ("L_model_backward", BACKWARD_BEFORE_V5), classic=True)["L_model_backward"]
    assert classic.passed and "its later versions use \"dA\" + str(l - 1)" in classic.message.en


def test_a_missing_dA0_says_which_key_is_expected(tmp_path):
    """When grads lacks dA0 in no earlier convention (layer 1's dA_prev never stored), does
    the message say under which key each dA_prev goes?"""
    body = """
        dAL = -(np.divide(Y, AL) - np.divide(1 - Y, 1 - AL))
        grads["dA" + str(L - 1)], grads["dW" + str(L)], grads["db" + str(L)] = linear_activation_backward(
            dAL, caches[L - 1], "sigmoid")
        for l in reversed(range(1, L)):
            dA_prev, grads["dW" + str(l)], grads["db" + str(l)] = linear_activation_backward(
                grads["dA" + str(l)], caches[l - 1], "relu")
    """
    verdict = _week4(tmp_path, ("L_model_backward", body))["L_model_backward"]
    assert not verdict.passed
    assert "grads has no key 'dA0'" in verdict.message.en
    assert verdict.message.en.endswith("Hint: store layer l's dA_prev, the gradient of A[l-1], under \"dA\" + str(l - 1): "
                                       "\"dA0\" is the gradient of X, \"dA1\" the one layer L passes back.")


@pytest.mark.parametrize("edition", ["deep_network_step_by_step.ipynb", "deep_network_step_by_step.ko.ipynb"])
def test_our_notebook_says_why_its_initialization_differs_from_the_classic(edition):
    """Does the notebook (each edition) say, before initialize_parameters_deep, that the
    classic one scales by 0.01 with seed 3, which its tests expect, and that both pass?"""
    cells = nbformat.read(ROOT / "assignments" / "week4" / edition, as_version=4).cells
    stub = next(i for i, c in enumerate(cells) if c.source.startswith("def initialize_parameters_deep("))
    text = cells[stub - 1].source
    assert "0.01" in text and "np.random.seed(3)" in text and "L_layer_model" in text, text


def test_a_model_returning_only_its_parameters_gets_one_note(tmp_path):
    """Does a two_layer_model returning only its parameters (the course's earlier versions)
    keep its points with one note, not one per check?"""
    app = specs.get("week4/deep_network_application")
    source = (ROOT / app.solution).read_text()
    start = source.index("def two_layer_model(")
    end = source.index("    return parameters, costs\n", start)
    path = tmp_path / "deep_network_application.py"
    path.write_text(source[:end] + "    return parameters\n" + source[end + len("    return parameters, costs\n"):])
    (tmp_path / "deep_network_step_by_step.py").write_text(W4_SOLUTION)  # its own step functions beside it
    verdict = grade_submission(path, app.only("two_layer_model"), tiers=("public",)).tests[0]
    assert verdict.passed, verdict.message.en
    assert verdict.message.en.count("Note:") == 1 and verdict.message.en.endswith(
        "Note: the model returns only its parameters (accepted: the course's earlier versions did; the costs are not "
        "checked); this notebook asks for (parameters, costs).")
