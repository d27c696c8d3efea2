"""Week 1, warm-ups: perceptron gates, activations, softmax, losses, numerical gradient,
gradient descent and backpropagation on small graphs (the decks' conventions: outputs
``y``, labels ``t``, ``loss(y, t)``).

**Gates.** Any perceptron that gets the four corners right passes, whatever its weights
and whether it fires on ``> 0`` or ``>= 0``: besides the corners, the checks ask only
where every such perceptron agrees. Each gate's weights have signs the corners fix
(AND and OR: both positive; NAND: both negative), so its output is monotone in each
input, and a point beyond a corner in that order shares the corner's answer
(``AND(2, 2) = 1``, ``AND(0.5, -1) = 0``, ``OR(1, 0.3) = 1``, ``NAND(0.4, 0) = 1``). A table
of the four corners (``x1 == 1 and x2 == 1``, a dict) fails there. Points strictly
inside the square are not asked about (``AND(0.9, 0.9)`` is 1 for the decks' weights and
0 for ``w = (1, 1), b = -1.9``). XOR is graded on its values (the corners and the
diagonal beyond them, where it is 0 whatever the gates' weights); the notebook asks
that it be built from the gates.

**Functions that take functions.** ``numerical_gradient(f, x)`` and ``gradient_descent``
get a :class:`dlcheck.formulas.Polynomial` with random coefficients: data that crosses
to the sandbox and is rebuilt there as a plain callable (see ``docs/security.md``).
Their results are compared with the polynomial's exact gradient, and with gradient
descent's closed form on a quadratic.
"""

from __future__ import annotations

import numpy as np

from dlcheck import hints
from dlcheck.checks import CheckFailed, NotebookSpec
from dlcheck.compare import Hint, as_number, describe, expect_array, expect_scalar, fmt, note, shape_of, unpack
from dlcheck.formulas import Polynomial
from dlcheck.text import tr

notebook = NotebookSpec("week1/warmups")
AND = notebook.graded("AND", points=1)
NAND = notebook.graded("NAND", points=1)
OR = notebook.graded("OR", points=1)
XOR = notebook.graded("XOR", points=1)
step_function = notebook.graded("step_function", points=1)
sigmoid = notebook.graded("sigmoid", points=1)
relu = notebook.graded("relu", points=1)
softmax = notebook.graded("softmax", points=2)
mean_squared_error = notebook.graded("mean_squared_error", points=1)
cross_entropy_error = notebook.graded("cross_entropy_error", points=2)
numerical_gradient = notebook.graded("numerical_gradient", points=2)
gradient_descent = notebook.graded("gradient_descent", points=1)
relu_backward = notebook.graded("relu_backward", points=1)
graph_backward = notebook.graded("graph_backward", points=2)

#: The step of the central differences the notebook asks for.
H = 1e-4
DELTA = 1e-7

# -- the gates ----------------------------------------------------------------------------

CORNERS = ((0, 0), (1, 0), (0, 1), (1, 1))
TRUTH = {"AND": (0, 0, 0, 1), "NAND": (1, 1, 1, 0), "OR": (0, 1, 1, 1), "XOR": (0, 1, 1, 0)}


def determined(gate: str, x1: float, x2: float) -> int | None:
    """The output every perceptron right on the four corners gives at ``(x1, x2)``, or
    ``None`` where two of them may disagree (see the module docstring)."""
    up = x1 >= 1 and x2 >= 1
    down = x1 <= 0 and x2 <= 0
    low_edge = (x1 <= 1 and x2 <= 0) or (x1 <= 0 and x2 <= 1)
    high_edge = (x1 >= 1 and x2 >= 0) or (x1 >= 0 and x2 >= 1)
    if gate == "AND":
        return 1 if up else 0 if low_edge else None
    if gate == "NAND":
        return 0 if up else 1 if low_edge else None
    if gate == "OR":
        return 0 if down else 1 if high_edge else None
    return 0 if up or down else None  # XOR: AND(NAND, OR) on the diagonal beyond the corners


#: Points beyond the corners the public checks ask about, per gate.
BEYOND = {"AND": ((2, 2), (1.5, 1), (0.5, 0), (-1, 0.5), (-2, -2)),
          "NAND": ((2, 2), (1, 1.5), (0.5, 0), (0, -1), (-2, -2)),
          "OR": ((-1, -0.5), (-2, -2), (1, 0.3), (0.5, 1), (2, 2)),
          "XOR": ((2, 2), (1.5, 1), (-1, -1), (0, -0.5))}


def _beyond_hint(gate: str, want: int):
    """Why a point beyond the corners has one answer (a table of the corners has none)."""
    if gate == "XOR":
        return tr(" Hint: XOR = AND(NAND(x1, x2), OR(x1, x2)) gives {want} here whatever weights its gates have, "
                  "as long as each is right on the four corners; a table of the corners cannot say.",
                  " 힌트: 각 게이트가 네 꼭짓점에서 맞기만 하면, 가중치가 무엇이든 XOR = AND(NAND(x1, x2), OR(x1, x2))의 "
                  "출력은 여기서 {want}입니다. 꼭짓점만 적은 표는 답할 수 없습니다.", want=want)
    return tr(" Hint: a perceptron fires when w1*x1 + w2*x2 + b > 0; every perceptron that is right on the "
              "four corners gives {want} here, while a table of the corners cannot say.",
              " 힌트: 퍼셉트론은 w1*x1 + w2*x2 + b > 0일 때 1을 냅니다. 네 꼭짓점에서 맞는 퍼셉트론이라면 "
              "모두 여기서 출력이 {want}이지만, 꼭짓점만 적은 표는 답할 수 없습니다.", want=want)


def _expect_bit(got, want: int, label: str, hint=None) -> None:
    """A gate's output: the number ``want`` (0 or 1); a bool or a float is accepted with a
    note. ``hint`` follows a wrong answer (off the corners: why it has one answer)."""
    hint = hint or tr("", "")
    if isinstance(got, (bool, np.bool_)):
        if bool(got) != bool(want):
            raise CheckFailed(tr("{label} is {got}; expected {want}.", "{label} 값이 {got}입니다. {want}이어야 합니다.",
                                 label=label, got=got, want=want) + hint)
        note(tr("the gate returns booleans (True/False) where the notebook asks for the integers 0 and 1 "
                "(accepted: they compute alike); int(...) or 1 if ... else 0 gives integers.",
                "게이트가 정수 0과 1 대신 불리언(True/False)을 반환합니다 (계산이 같으므로 인정). "
                "int(...)나 1 if ... else 0으로 정수를 반환할 수 있습니다."), key="gate-bool")
        return
    value = as_number(got, label, array_accepted=False)
    if value != want:
        raise CheckFailed(tr("{label} is {got:g}; expected {want}.", "{label} 값이 {got:g}입니다. {want}이어야 합니다.",
                             label=label, got=value, want=want) + hint)
    if not isinstance(got, (int, np.integer)):
        note(tr("the gate returns {kind} where the notebook asks for the integers 0 and 1 (accepted: the value is "
                "right).", "게이트의 반환값이 정수 0과 1이 아니라 {kind}입니다 (값이 맞으므로 인정).", kind=describe(got)),
             key=("gate-type", type(got).__name__))


def _check_gate(t, gate: str, points) -> None:
    for x1, x2 in points:
        want = determined(gate, x1, x2)
        _expect_bit(t.call(x1, x2), want, f"{gate}({x1}, {x2})", _beyond_hint(gate, want))


def _declare_gate(fn, gate: str) -> None:
    @fn.public("the four corners of the truth table", "진리표의 네 꼭짓점")
    def corners(t):
        for (x1, x2), want in zip(CORNERS, TRUTH[gate], strict=True):
            _expect_bit(t.call(x1, x2), want, f"{gate}({x1}, {x2})")

    @fn.public("inputs beyond the corners, where every perceptron right on the corners agrees",
               "꼭짓점 바깥의 입력 (꼭짓점에서 맞는 퍼셉트론이라면 모두 같은 답을 내는 곳)")
    def beyond(t):
        _check_gate(t, gate, BEYOND[gate])


for _fn, _gate in ((AND, "AND"), (NAND, "NAND"), (OR, "OR"), (XOR, "XOR")):
    _declare_gate(_fn, _gate)


### BEGIN HIDDEN
from hypothesis import strategies as st

from autograder.specs import gradients, strategies


@st.composite
def determined_points(draw, gate: str):
    """Ten points (x1, x2) in [-3, 3]^2 where the gate's output is determined."""
    points = []
    while len(points) < 10:
        x1, x2 = draw(strategies.floats(-3, 3)), draw(strategies.floats(-3, 3))
        if gate == "XOR":
            x1 = x2 = x1  # the diagonal
        if determined(gate, x1, x2) is not None:
            points.append((x1, x2))
    return points


def _declare_hidden_gate(fn, gate: str) -> None:
    @fn.hidden("random inputs where every perceptron right on the corners agrees",
               "꼭짓점에서 맞는 퍼셉트론이라면 모두 같은 답을 내는 무작위 입력", inputs=determined_points(gate),
               max_examples=5)
    def random_points(t, points):
        _check_gate(t, gate, points)


for _fn, _gate in ((AND, "AND"), (NAND, "NAND"), (OR, "OR"), (XOR, "XOR")):
    _declare_hidden_gate(_fn, _gate)
### END HIDDEN


# -- activations ----------------------------------------------------------------------------

def _check_step(t, x: np.ndarray, label) -> None:
    got = t.call(x)
    want = np.array(x > 0, dtype=int)
    expect_array(got, want, label, shape_note=shape_of("x"), hints=[hints.same_as(
        np.array(x >= 0, dtype=int), tr("step_function(0) is 0: the condition is x > 0, not x >= 0.",
                                        "step_function(0)은 0입니다: 조건은 x >= 0이 아니라 x > 0입니다."))])
    if isinstance(got, np.ndarray) and got.dtype == bool:
        note(tr("step_function returns booleans (x > 0) where the notebook asks for the integers 0 and 1 "
                "(accepted: arithmetic reads True as 1); np.array(x > 0, dtype=int) gives integers.",
                "step_function이 정수 0과 1 대신 불리언(x > 0)을 반환합니다 (산술에서는 True를 1로 읽으므로 인정). "
                "np.array(x > 0, dtype=int)는 정수를 반환합니다."), key="step-bool")


@step_function.public("values on a vector with 0 in it, and on a matrix", "0이 들어 있는 벡터와 행렬에서의 값")
def step_examples(t):
    _check_step(t, np.array([-1.0, 0.0, 2.0, 0.5]), "step_function(np.array([-1., 0., 2., 0.5]))")
    _check_step(t, np.array([[3.0, -0.1], [0.0, 7.5], [-2.0, 1e-3]]),
                tr("step_function of a matrix of shape (3, 2)", "shape (3, 2)인 행렬의 step_function"))


_EXP_SIGN = hints.complement(tr("you computed 1 / (1 + exp(x)) = 1 - sigmoid(x); the exponent is -x.",
                                "1 / (1 + exp(x)) = 1 - sigmoid(x)를 계산했습니다. 지수는 -x입니다."))


def _check_elementwise(t, x: np.ndarray, want, label, extra_hints=()) -> None:
    got = hints.call_explaining(t, label, x, raised=hints.MATH_ON_ARRAYS)
    expect_array(got, want, label, shape_note=shape_of("x"), hints=extra_hints)


@sigmoid.public("values on a vector and a matrix", "벡터와 행렬에서의 값")
def sigmoid_examples(t):
    vector = np.array([-1.0, 1.0, 2.0])
    matrix = np.array([[0.0, -3.0, 0.5], [4.0, -0.25, 1.5]])
    _check_elementwise(t, vector, t.expect("vector", vector), "sigmoid(np.array([-1., 1., 2.]))", [_EXP_SIGN])
    _check_elementwise(t, matrix, t.expect("matrix", matrix),
                       tr("sigmoid of a matrix of shape (2, 3)", "shape (2, 3)인 행렬의 sigmoid"), [_EXP_SIGN])


def _relu_hints(x: np.ndarray) -> list:
    return [hints.same_as(np.minimum(0, x), tr("you kept the negative entries: max(0, x) keeps the positive ones.",
                                               "음수 원소를 남겼습니다: max(0, x)는 양수 원소를 남깁니다.")),
            hints.same_as(np.maximum(0, x) > 0, tr("you returned where x > 0 (0 or 1); relu returns max(0, x), the "
                                                   "values themselves.",
                                                   "x > 0인지 여부(0 또는 1)를 반환했습니다. relu는 값 자체, max(0, x)를 "
                                                   "반환합니다."))]


@relu.public("values on a vector and a three-dimensional array", "벡터와 3차원 배열에서의 값")
def relu_examples(t):
    vector = np.array([-2.0, 0.0, 3.0, 0.5])
    cube = np.arange(-6.0, 6.0).reshape(2, 3, 2) / 2
    _check_elementwise(t, vector, t.expect("vector", vector), "relu(np.array([-2., 0., 3., 0.5]))", _relu_hints(vector))
    _check_elementwise(t, cube, t.expect("cube", cube), tr("relu of an array of shape (2, 3, 2)",
                                                             "shape (2, 3, 2)인 배열의 relu"), _relu_hints(cube))


### BEGIN HIDDEN
@step_function.hidden("values and shape on random arrays of 1 to 3 dimensions", "1~3차원 무작위 배열에서의 값과 shape",
                      inputs=strategies.float_arrays(10.0))
def step_random(t, x):
    _check_step(t, x, tr("step_function of an array of shape {s}", "shape {s}인 배열의 step_function", s=x.shape))


@sigmoid.hidden("values and shape on random arrays of 1 to 3 dimensions", "1~3차원 무작위 배열에서의 값과 shape",
                inputs=strategies.float_arrays(30.0))
def sigmoid_random(t, x):
    _check_elementwise(t, x, t.reference(x), tr("sigmoid of an array of shape {s}", "shape {s}인 배열의 sigmoid",
                                                 s=x.shape), [_EXP_SIGN])


@relu.hidden("values and shape on random arrays of 1 to 3 dimensions", "1~3차원 무작위 배열에서의 값과 shape",
             inputs=strategies.float_arrays(10.0))
def relu_random(t, x):
    _check_elementwise(t, x, t.reference(x), tr("relu of an array of shape {s}", "shape {s}인 배열의 relu", s=x.shape),
                       _relu_hints(x))
### END HIDDEN


# -- softmax --------------------------------------------------------------------------------

def _softmax_hints(a: np.ndarray) -> list:
    e = np.exp(a - a.max(axis=-1, keepdims=True))
    found = [hints.mistake(lambda: e / e.sum(), tr(
        "you divided by the sum over the whole batch; divide each row by its own sum: axis=1 (or axis=-1) with "
        "keepdims=True.", "배치 전체의 합으로 나눴습니다. 각 행을 자기 행의 합으로 나누세요: keepdims=True와 함께 "
        "axis=1(또는 axis=-1)."))]
    if a.ndim == 2:
        columns = np.exp(a - a.max(axis=0, keepdims=True))
        found.insert(0, hints.mistake(lambda: columns / columns.sum(axis=0, keepdims=True), tr(
            "each COLUMN of your result sums to 1: softmax ran along the wrong axis. One example is one row: "
            "take the max and the sum over axis=1 (or axis=-1), with keepdims=True.",
            "결과의 각 열의 합이 1입니다: 소프트맥스를 잘못된 축으로 계산했습니다. 예제 하나가 행 하나입니다: "
            "최댓값과 합을 keepdims=True와 함께 axis=1(또는 axis=-1)로 구하세요.")))
    return found


def _check_softmax(t, a: np.ndarray, label) -> None:
    got = hints.call_explaining(t, label, a, raised=hints.keepdims(tr("row maxima and sums", "행의 최댓값과 합")))
    want = np.exp(a - np.max(a, axis=-1, keepdims=True))
    want = want / want.sum(axis=-1, keepdims=True)
    if isinstance(got, np.ndarray) and got.shape == a.shape and not np.all(np.isfinite(got)):
        if a.ndim == 2 and np.ptp(a.max(axis=1)) > 700:
            why = tr("the rows' largest scores are far apart: shift each row by its OWN maximum "
                     "(np.max(a, axis=1, keepdims=True)), not by the largest score of the whole batch.",
                     "행마다 가장 큰 점수가 크게 다릅니다: 배치 전체의 최댓값이 아니라 각 행을 자기 행의 최댓값"
                     "(np.max(a, axis=1, keepdims=True))만큼 빼세요.")
        else:
            why = tr("np.exp overflows for scores near 1000: subtract the largest score before np.exp.",
                     "점수가 1000 가까이 되면 np.exp가 오버플로합니다: np.exp 전에 가장 큰 점수를 빼세요.")
        raise CheckFailed(tr("{label} contains nan or inf (got {got}). Hint: {why}",
                             "{label}에 nan 또는 inf가 있습니다 (결과 {got}). 힌트: {why}",
                             label=label, got=fmt(got), why=why))
    expect_array(got, want, label, shape_note=shape_of("a"), hints=_softmax_hints(a))


@softmax.public("one example's scores, and a batch of two rows", "예제 하나의 점수와, 두 행짜리 배치")
def softmax_examples(t):
    _check_softmax(t, np.array([0.3, 2.9, 4.0]), "softmax(np.array([0.3, 2.9, 4.0]))")
    _check_softmax(t, np.array([[2.0, 1.0, 0.1, -1.0], [0.5, 3.0, 3.0, 1.0]]),
                   tr("softmax of a batch of shape (2, 4)", "shape (2, 4)인 배치의 softmax"))


@softmax.public("scores of 1000 and more: no overflow", "1000 이상의 점수: 오버플로 없음")
def softmax_overflow(t):
    _check_softmax(t, np.array([1010.0, 1000.0, 990.0]), "softmax(np.array([1010., 1000., 990.]))")
    _check_softmax(t, np.array([[1010.0, 1000.0, 990.0], [1.0, 2.0, 3.0]]),
                   tr("softmax of the batch [[1010, 1000, 990], [1, 2, 3]]",
                      "배치 [[1010, 1000, 990], [1, 2, 3]]의 softmax"))


### BEGIN HIDDEN
@st.composite
def scores(draw):
    """One example's scores or a batch, each row around its own offset (up to 2000 apart)."""
    a = draw(strategies.matrices(10.0, max_rows=4, max_cols=6))
    offsets = np.array([draw(strategies.floats(-1000, 1000)) for _ in range(a.shape[0])])
    a = a + offsets[:, None]
    return a[0] if draw(st.booleans()) else a


@softmax.hidden("random scores, one example or a batch, with rows up to 2000 apart",
                "무작위 점수, 예제 하나 또는 배치 (행끼리 최대 2000 차이)", inputs=scores())
def softmax_random(t, a):
    _check_softmax(t, a, tr("softmax of scores of shape {s}", "shape {s}인 점수의 softmax", s=a.shape))
### END HIDDEN


# -- losses ----------------------------------------------------------------------------------

DECK_T = np.array([0, 0, 1, 0, 0, 0, 0, 0, 0, 0], dtype=float)
DECK_Y = np.array([0.1, 0.05, 0.6, 0.0, 0.05, 0.1, 0.0, 0.1, 0.0, 0.0])


def _mse_hints(y: np.ndarray, t: np.ndarray) -> list:
    return [hints.ratio(2.0, tr("your loss is twice the expected one: the decks' mean squared error has a factor 1/2.",
                                "손실이 기대값의 두 배입니다: 강의 자료의 평균 제곱 오차에는 1/2이 곱해져 있습니다.")),
            hints.ratio(2.0 / y.size, tr("you averaged over the entries; here it is 1/2 times the SUM of the squares.",
                                         "원소들의 평균을 구했습니다. 여기서는 제곱의 합에 1/2을 곱합니다.")),
            hints.mistake(lambda: 0.5 * np.sum(np.abs(y - t)), tr(
                "you summed absolute differences; square them: (y - t)**2.", "차이의 절댓값을 더했습니다. 제곱하세요: (y - t)**2."))]


def _check_mse(t, y, labels, want, label) -> None:
    expect_scalar(t.call(y, labels), want, label, hints=_mse_hints(y, labels), array_accepted=False)


@mean_squared_error.public("the decks' example, and a batch", "강의 자료의 예제와 배치")
def mse_examples(t):
    _check_mse(t, DECK_Y, DECK_T, t.expect("deck", DECK_Y, DECK_T),
               tr("mean_squared_error(y, t) for the decks' y and t", "강의 자료의 y와 t로 계산한 mean_squared_error(y, t)"))
    y = np.array([[0.7, 0.2, 0.1], [0.1, 0.1, 0.8]])
    labels = np.array([[1.0, 0.0, 0.0], [0.0, 1.0, 0.0]])
    _check_mse(t, y, labels, t.expect("batch", y, labels),
               tr("mean_squared_error of a batch of shape (2, 3)", "shape (2, 3)인 배치의 mean_squared_error"))


def _ce_hints(y: np.ndarray, labels: np.ndarray) -> list:
    batch = y.shape[0] if y.ndim == 2 else 1
    found = [hints.log10()]
    if batch > 1:
        found.append(hints.ratio(batch, tr(
            "your loss is the batch size ({m}) times too large: average over the batch's examples (divide by the "
            "batch size).", "손실이 배치 크기({m})배 큽니다: 배치의 예제들에 대해 평균을 내세요 (배치 크기로 나누기).",
            m=batch)))
    else:
        found.append(hints.ratio(1 / y.shape[0], tr(
            "for one example (1-D y), the loss is not divided: y.shape[0] is the number of classes here, not a "
            "batch size.", "예제 하나(1차원 y)이면 나누지 않습니다: 여기서 y.shape[0]은 배치 크기가 아니라 클래스 "
            "수입니다.")))
    return found


def _check_ce(t, y: np.ndarray, labels: np.ndarray, want: float, label) -> None:
    got = t.call(y, labels)
    value = as_number(got, label, array_accepted=False)
    if not np.isfinite(value):
        raise CheckFailed(tr("{label} is {got}; expected {want:.6g}. Hint: an output of exactly 0 makes log(0) = -inf: "
                             "add the delta (1e-7) INSIDE the log, np.log(y + delta), not to the result.",
                             "{label} 값이 {got}입니다. {want:.6g}이어야 합니다. 힌트: 출력이 정확히 0이면 log(0) = -inf가 "
                             "됩니다: delta(1e-7)를 결과가 아니라 log 안에 더하세요, np.log(y + delta).",
                             label=label, got=value, want=want))
    expect_scalar(got, want, label, hints=_ce_hints(y, labels), array_accepted=False)


#: An output of exactly 0 for the right class: delta decides, -log(1e-7) = 16.118.
ZERO_Y = np.array([0.0, 0.9, 0.1])
ZERO_T = np.array([1.0, 0.0, 0.0])
BATCH_Y = np.array([[0.1, 0.7, 0.2], [0.8, 0.15, 0.05], [0.3, 0.3, 0.4]])
BATCH_T = np.array([[0.0, 1.0, 0.0], [1.0, 0.0, 0.0], [0.0, 0.0, 1.0]])


@cross_entropy_error.public("one example: the decks' y and t, and an output of exactly 0 for the right class",
                            "예제 하나: 강의 자료의 y와 t, 그리고 정답 클래스의 출력이 정확히 0인 경우")
def ce_single(t):
    _check_ce(t, DECK_Y, DECK_T, t.expect("deck", DECK_Y, DECK_T),
               tr("cross_entropy_error(y, t) for the decks' y and t", "강의 자료의 y와 t로 계산한 cross_entropy_error(y, t)"))
    _check_ce(t, ZERO_Y, ZERO_T, t.expect("zero", ZERO_Y, ZERO_T),
              "cross_entropy_error(np.array([0., 0.9, 0.1]), np.array([1., 0., 0.]))")


@cross_entropy_error.public("a batch of three, with one-hot labels and with class indices",
                            "예제 세 개짜리 배치, 원-핫 레이블과 클래스 번호 레이블")
def ce_batch(t):
    indices = np.array([1, 0, 2])
    _check_ce(t, BATCH_Y, BATCH_T, t.expect("batch-one-hot", BATCH_Y, BATCH_T),
              tr("cross_entropy_error of a batch of 3 with one-hot labels", "원-핫 레이블인 3개짜리 배치의 cross_entropy_error"))
    _check_ce(t, BATCH_Y, indices, t.expect("batch-indices", BATCH_Y, indices),
              tr("cross_entropy_error of a batch of 3 with labels t = np.array([1, 0, 2])",
                 "레이블이 t = np.array([1, 0, 2])인 3개짜리 배치의 cross_entropy_error"))


### BEGIN HIDDEN
@st.composite
def outputs_and_labels(draw):
    """Softmax outputs of one example or a batch (some exactly 0), and their labels, one-hot
    or as indices (batches only)."""
    rng = np.random.default_rng(draw(st.integers(0, 2**32 - 1)))
    batch, n = int(rng.integers(1, 6)), int(rng.integers(2, 8))
    y = rng.dirichlet(np.ones(n), size=batch)
    y[rng.random(y.shape) < 0.15] = 0.0
    indices = rng.integers(0, n, size=batch)
    one_hot = np.eye(n)[indices]
    if draw(st.booleans()):
        return y[0], one_hot[0]
    return (y, indices) if draw(st.booleans()) else (y, one_hot)


@mean_squared_error.hidden("random outputs and one-hot labels, one example or a batch",
                           "무작위 출력과 원-핫 레이블, 예제 하나 또는 배치", inputs=outputs_and_labels())
def mse_random(t, example):
    y, labels = example
    if labels.shape != y.shape:
        labels = np.eye(y.shape[-1])[labels]
    _check_mse(t, y, labels, t.reference(y, labels),
               tr("mean_squared_error of outputs of shape {s}", "shape {s}인 출력의 mean_squared_error", s=y.shape))


@cross_entropy_error.hidden("random outputs (some exactly 0), one example or a batch, one-hot or index labels",
                            "무작위 출력(일부는 정확히 0), 예제 하나 또는 배치, 원-핫 또는 번호 레이블",
                            inputs=outputs_and_labels())
def ce_random(t, example):
    y, labels = example
    kind = tr("one-hot", "원-핫") if labels.shape == y.shape else tr("index", "번호")
    _check_ce(t, y, labels, t.reference(y, labels),
              tr("cross_entropy_error of outputs of shape {s} with {kind} labels",
                 "{kind} 레이블인 shape {s} 출력의 cross_entropy_error", s=y.shape, kind=kind))
### END HIDDEN


# -- numerical_gradient and gradient_descent -----------------------------------------------

def polynomial(rng: np.random.Generator, shape: tuple) -> Polynomial:
    """A cubic with random coefficients per element: |x^2 coefficient| in [0.5, 2], a small
    x^3 one, so that f'' is at least 0.4 in absolute value for |x| <= 2 (a forward
    difference is off by h/2 * f'' >= 2e-5) while a central one is off by at most 5e-10."""
    c2 = rng.uniform(0.5, 2.0, shape) * rng.choice([-1.0, 1.0], shape)
    return Polynomial(np.stack([rng.uniform(-1, 1, shape), rng.uniform(-2, 2, shape), c2,
                                rng.uniform(-0.05, 0.05, shape)]))


def _forward_difference(f: Polynomial, x: np.ndarray) -> np.ndarray:
    """The forward-difference gradient (a known mistake), one unit step per element."""
    fx, flat = f(x), x.ravel()
    return np.array([(f((flat + step).reshape(x.shape)) - fx) / H for step in np.eye(flat.size) * H]).reshape(x.shape)


def _gradient_hints(f: Polynomial, x: np.ndarray) -> list:
    return [hints.mistake(lambda: _forward_difference(f, x), tr(
                "your gradient is the forward difference (f(x + h) - f(x)) / h; use the central difference "
                "(f(x + h) - f(x - h)) / (2 * h), which is exact up to h**2.",
                "전방 차분 (f(x + h) - f(x)) / h로 계산했습니다. h**2 오차까지 정확한 중심 차분 "
                "(f(x + h) - f(x - h)) / (2 * h)을 쓰세요.")),
            hints.ratio(2.0, tr("your gradient is twice the right one: divide the central difference by 2 * h, "
                                "with parentheses: / (2 * h).",
                                "기울기가 두 배입니다: 중심 차분을 2 * h로 나누세요 (괄호와 함께: / (2 * h)).")),
            hints.same_as(np.zeros_like(x), tr("your gradient is all zeros: an h like 1e-50 rounds to nothing in "
                                               "float64 (use h = 1e-4), or x + h was computed on an integer array.",
                                               "기울기가 모두 0입니다: 1e-50 같은 h는 float64에서 반올림되어 사라집니다"
                                               "(h = 1e-4를 쓰세요). 또는 정수 배열에서 x + h를 계산하지 않았나요?"))]


def _expect_put_back(x: np.ndarray, after, label) -> None:
    """``x`` as the call left it (``after``) must hold what it held: each ``x[idx]`` put back."""
    same_shape = isinstance(after, np.ndarray) and after.shape == x.shape
    if same_shape and np.allclose(after, x, rtol=1e-12, atol=1e-12):
        return
    if same_shape:
        where = tuple(int(i) for i in np.argwhere(~np.isclose(after, x, rtol=1e-12, atol=1e-12))[0])
        change = tr("at index {where}, {before:.6g} became {now:.6g}", "인덱스 {where}의 값이 바뀜: {before:.6g} → {now:.6g}",
                    where=where, before=float(x[where]), now=float(after[where]))
    else:
        change = tr("it became {kind}", "지금은 {kind}", kind=describe(after))
    raise CheckFailed(tr("after {label}, x no longer holds what it held ({change}). Hint: keep x[idx] in tmp_val and "
                         "put it back, x[idx] = tmp_val, before moving to the next index.",
                         "{label} 뒤에 x의 값이 처음과 다릅니다 ({change}). 힌트: x[idx]를 tmp_val에 저장해 두었다가 "
                         "다음 인덱스로 가기 전에 x[idx] = tmp_val로 되돌리세요.", label=label, change=change))


def _check_gradient(t, f: Polynomial, x: np.ndarray, label) -> None:
    got, (_, after) = t.call_with_inputs(f, x)
    expect_array(got, f.gradient(x), label, rtol=1e-7, atol=1e-7, shape_note=shape_of("x"),
                 hints=_gradient_hints(f, x))
    _expect_put_back(x, after, label)


@numerical_gradient.public("exact gradients of two cubics, at a vector and at a (2, 3) matrix, with x put back",
                           "두 삼차 다항식의 정확한 기울기, 벡터와 (2, 3) 행렬에서, x는 원래 값으로")
def numerical_gradient_examples(t):
    x = np.array([1.5, -0.5, 0.25])
    _check_gradient(t, polynomial(np.random.default_rng(1), x.shape), x,
                    tr("numerical_gradient(f, x) of a cubic f at x of shape (3,)",
                       "shape (3,)인 x에서 삼차 다항식 f의 numerical_gradient(f, x)"))
    x = np.array([[0.5, -1.0, 2.0], [0.0, 1.0, -1.5]])
    _check_gradient(t, polynomial(np.random.default_rng(2), x.shape), x,
                    tr("numerical_gradient(f, x) of a cubic f at x of shape (2, 3)",
                       "shape (2, 3)인 x에서 삼차 다항식 f의 numerical_gradient(f, x)"))


def descent(f: Polynomial, x0: np.ndarray, lr: float, steps: int) -> np.ndarray:
    """Where gradient descent on the quadratic ``f`` ends: the exact gradient c1 + 2 c2 x
    makes each step x - m <- (1 - 2 c2 lr) (x - m), with m = -c1 / (2 c2) the minimum."""
    c1, c2 = f.coefficients[1], f.coefficients[2]
    minimum = -c1 / (2 * c2)
    return minimum + (1 - 2 * c2 * lr) ** steps * (x0 - minimum)


def _climbed(f: Polynomial, x0: np.ndarray, text) -> Hint:
    """``text`` when every coordinate ended farther from the minimum than it started (an
    ascent grows geometrically, so its values are compared by their direction only)."""
    minimum = -f.coefficients[1] / (2 * f.coefficients[2])
    start = np.abs(x0 - minimum)
    return lambda got, want: text if np.all(np.abs(got - minimum) > start) and np.any(start > 0) else None


def _descent_hints(f: Polynomial, x0: np.ndarray, lr: float, steps: int) -> list:
    return [hints.same_as(descent(f, x0, 0.01, steps), tr(
                "your x is where learning rate 0.01 leads: use the lr passed in, not the default.",
                "x가 학습률 0.01로 도착하는 곳입니다: 기본값이 아니라 전달된 lr을 쓰세요.")),
            hints.same_as(descent(f, x0, lr, 100), tr(
                "your x is where 100 steps lead: take step_num steps, as passed in.",
                "x가 100번 반복해서 도착하는 곳입니다: 전달된 step_num만큼 반복하세요.")),
            _climbed(f, x0, tr("you climbed the gradient: x = x - lr * grad, with a minus.",
                               "기울기를 따라 올라갔습니다: x = x - lr * grad, 마이너스입니다.")),
            hints.same_as(x0, tr("x never moved: update it in each step, x = x - lr * grad.",
                                 "x가 전혀 움직이지 않았습니다: 매 단계 x = x - lr * grad로 갱신하세요."))]


def quadratic(rng: np.random.Generator, shape: tuple) -> Polynomial:
    """A quadratic bowl per element, its minimum somewhere in [-2, 2]."""
    c2 = rng.uniform(0.5, 2.0, shape)
    minimum = rng.uniform(-2, 2, shape)
    return Polynomial(np.stack([c2 * minimum ** 2, -2 * c2 * minimum, c2]))


def _check_descent(t, f: Polynomial, x0: np.ndarray, lr: float | None, steps: int | None, label) -> None:
    args = (f, x0) + (() if lr is None else (lr,)) + (() if steps is None else (steps,))
    lr, steps = 0.01 if lr is None else lr, 100 if steps is None else steps
    expect_array(t.call(*args), descent(f, x0, lr, steps), label, rtol=1e-6, atol=1e-8, shape_note=shape_of("init_x"),
                 hints=_descent_hints(f, x0, lr, steps))


@gradient_descent.public("the decks' x0**2 + x1**2 from (-3, 4), and a bowl with its lr, step_num and defaults",
                         "강의 자료의 x0**2 + x1**2를 (-3, 4)에서, 그리고 그릇 모양 함수에서 lr, step_num, 기본값")
def descent_examples(t):
    _check_descent(t, Polynomial([0.0, 0.0, 1.0]), np.array([-3.0, 4.0]), 0.1, 100,
                   "gradient_descent(function_2, np.array([-3., 4.]), lr=0.1, step_num=100)")
    bowl, x0 = quadratic(np.random.default_rng(3), (3,)), np.array([1.0, -2.0, 0.5])
    _check_descent(t, bowl, x0, 0.2, 15, tr("gradient_descent(f, init_x, lr=0.2, step_num=15) on a quadratic",
                                             "이차 함수에서 gradient_descent(f, init_x, lr=0.2, step_num=15)"))
    _check_descent(t, bowl, x0, None, None, tr("gradient_descent(f, init_x) on a quadratic (lr=0.01, step_num=100)",
                                               "이차 함수에서 gradient_descent(f, init_x) (lr=0.01, step_num=100)"))


### BEGIN HIDDEN
@st.composite
def seeded_shapes(draw):
    """A seed for the coefficients, and x of 1 to 3 dimensions with entries in [-2, 2]."""
    x = draw(strategies.float_arrays(2.0, max_side=4))
    return draw(st.integers(0, 2**32 - 1)), x


@numerical_gradient.hidden("exact gradients of random cubics at random x of 1 to 3 dimensions, with x put back",
                           "무작위 삼차 다항식의 정확한 기울기, 1~3차원 무작위 x에서, x는 원래 값으로",
                           inputs=seeded_shapes(), max_examples=8)
def numerical_gradient_random(t, example):
    seed, x = example
    _check_gradient(t, polynomial(np.random.default_rng(seed), x.shape), x,
                    tr("numerical_gradient(f, x) of a cubic at x of shape {s}",
                       "shape {s}인 x에서 삼차 다항식의 numerical_gradient(f, x)", s=x.shape))


@st.composite
def descents(draw):
    seed, x0 = draw(seeded_shapes())
    return seed, x0, draw(st.sampled_from([0.01, 0.05, 0.1, 0.2])), draw(st.integers(1, 60))


@gradient_descent.hidden("random quadratics, starting points, learning rates and step numbers",
                         "무작위 이차 함수, 시작점, 학습률, 반복 횟수", inputs=descents(), max_examples=6)
def descent_random(t, example):
    seed, x0, lr, steps = example
    _check_descent(t, quadratic(np.random.default_rng(seed), x0.shape), x0, lr, steps,
                   tr("gradient_descent(f, init_x, lr={lr}, step_num={n}) from init_x of shape {s}",
                      "shape {s}인 init_x에서 gradient_descent(f, init_x, lr={lr}, step_num={n})",
                      lr=lr, n=steps, s=x0.shape))
### END HIDDEN


# -- backpropagation -------------------------------------------------------------------------

def _relu_backward_hints(dout: np.ndarray, x: np.ndarray) -> list:
    return [hints.same_as(dout * (x <= 0), tr("you passed dout where x <= 0; ReLU passes it where x > 0.",
                                              "x <= 0인 곳에 dout을 흘려보냈습니다. ReLU는 x > 0인 곳에 흘려보냅니다.")),
            hints.same_as((x > 0).astype(float), tr("you returned the mask (x > 0); multiply it by dout.",
                                                    "마스크 (x > 0)를 반환했습니다. dout을 곱하세요.")),
            hints.same_as(dout * np.maximum(0, x), tr("you multiplied dout by relu(x); the local derivative is 1 "
                                                      "where x > 0 and 0 elsewhere.",
                                                      "dout에 relu(x)를 곱했습니다. 국소 미분은 x > 0인 곳에서 1, "
                                                      "나머지에서 0입니다."))]


@relu_backward.public("a vector and a (2, 3) matrix", "벡터와 (2, 3) 행렬")
def relu_backward_examples(t):
    for key, dout, x in (("vector", np.array([0.5, -1.0, 2.0, 3.0]), np.array([1.0, -2.0, 0.5, -0.1])),
                         ("matrix", np.array([[1.0, 2.0, -3.0], [0.1, -0.2, 0.3]]),
                          np.array([[-1.0, 2.0, 3.0], [0.5, -0.5, 4.0]]))):
        expect_array(t.call(dout, x), t.expect(key, dout, x), tr("relu_backward(dout, x) of shape {s}",
                                                                 "shape {s}인 relu_backward(dout, x)", s=x.shape),
                     shape_note=shape_of("x"), hints=_relu_backward_hints(dout, x))


def _graph_hints(name: str, dout, w, x) -> list:
    if name == "dx":
        return [hints.ratio(0.5, tr("dx is half the right value: the square node's derivative is 2x.",
                                    "dx가 올바른 값의 절반입니다: 제곱 노드의 미분은 2x입니다.")),
                hints.same_as(np.asarray(dout * 2 * x), tr("dx misses w: the multiplication node passes x**2 the "
                                                           "value of w.", "dx에 w가 빠졌습니다: 곱셈 노드는 x**2 쪽에 "
                                                           "w의 값을 곱해 보냅니다."))]
    if name == "dw":
        return [hints.same_as(np.asarray(dout * x), tr("dw is dout * x; the multiplication node multiplies by the "
                                                       "other input, x**2.", "dw가 dout * x입니다. 곱셈 노드는 상대편 "
                                                       "입력인 x**2를 곱합니다.")),
                hints.same_as(np.asarray(dout * 2 * w * x), tr("dw holds dx: return (dw, dx, db), in that order.",
                                                               "dw에 dx 값이 들어 있습니다: (dw, dx, db) 순서로 "
                                                               "반환하세요."))]
    return [hints.same_as(np.ones_like(np.asarray(dout, dtype=float)), tr(
        "db is 1; the addition node passes dout on: db = dout.",
        "db가 1입니다. 덧셈 노드는 dout을 그대로 흘려보냅니다: db = dout."))]


def _check_graph(t, dout, w, x, b, want: tuple, label) -> None:
    got = unpack(t.call(dout, w, x, b), 3, label, "dw, dx, db")
    for name, value, expected in zip(("dw", "dx", "db"), got, want, strict=True):
        hint_list = _graph_hints(name, dout, w, x)
        if np.ndim(expected) == 0:
            expect_scalar(value, float(expected), tr("{name} of {label}", "{label}의 {name}", name=name, label=label),
                          hints=hint_list)
        else:
            expect_array(value, expected, tr("{name} of {label}", "{label}의 {name}", name=name, label=label),
                         shape_note=shape_of(name[1:]), hints=hint_list)


@graph_backward.public("numbers (dout=1, w=3, x=2, b=1) and arrays of shape (3,)",
                       "숫자 (dout=1, w=3, x=2, b=1)와 shape (3,)인 배열")
def graph_backward_examples(t):
    _check_graph(t, 1.0, 3.0, 2.0, 1.0, t.expect("numbers", 1.0, 3.0, 2.0, 1.0), "graph_backward(1.0, 3.0, 2.0, 1.0)")
    dout, w, x, b = np.array([0.5, -1.0, 2.0]), np.array([1.5, 2.0, -0.5]), np.array([-1.0, 0.5, 3.0]), np.zeros(3)
    _check_graph(t, dout, w, x, b, t.expect("arrays", dout, w, x, b),
                 tr("graph_backward(dout, w, x, b) of shape (3,)", "shape (3,)인 graph_backward(dout, w, x, b)"))


### BEGIN HIDDEN
@st.composite
def graph_inputs(draw):
    """dout, w, x, b: four arrays of one random shape, x away from 0 (relu's kink)."""
    shape = draw(st.sampled_from([(3,), (2, 3), (4, 1), (2, 2, 2)]))
    rng = np.random.default_rng(draw(st.integers(0, 2**32 - 1)))
    x = rng.uniform(0.05, 3.0, shape) * rng.choice([-1.0, 1.0], shape)
    return rng.normal(size=shape), rng.normal(size=shape), x, rng.normal(size=shape)


@relu_backward.hidden("against numerical gradients of sum(dout * relu(x)) on random arrays",
                      "무작위 배열에서 sum(dout * relu(x))의 수치 미분과 비교", inputs=graph_inputs(), max_examples=8)
def relu_backward_random(t, example):
    dout, _, x, _ = example
    (numeric,) = gradients.numerical_gradients(lambda v: float(np.sum(dout * np.maximum(0, v))), [x])
    expect_array(t.call(dout, x), numeric, tr("relu_backward(dout, x) of shape {s}", "shape {s}인 relu_backward(dout, x)",
                                              s=x.shape), rtol=1e-6, atol=1e-7, shape_note=shape_of("x"),
                 hints=_relu_backward_hints(dout, x))


@graph_backward.hidden("against numerical gradients of sum(dout * (w * x**2 + b)) on random arrays",
                       "무작위 배열에서 sum(dout * (w * x**2 + b))의 수치 미분과 비교", inputs=graph_inputs(),
                       max_examples=8)
def graph_backward_random(t, example):
    dout, w, x, b = example
    want = gradients.numerical_gradients(lambda w_, x_, b_: float(np.sum(dout * (w_ * x_ ** 2 + b_))), [w, x, b])
    got = unpack(t.call(dout, w, x, b), 3, "graph_backward(dout, w, x, b)", "dw, dx, db")
    label = tr("graph_backward(dout, w, x, b) of shape {s}", "shape {s}인 graph_backward(dout, w, x, b)", s=x.shape)
    for name, value, expected in zip(("dw", "dx", "db"), got, want, strict=True):
        expect_array(value, expected, tr("{name} of {label}", "{label}의 {name}", name=name, label=label),
                     rtol=1e-6, atol=1e-7, shape_note=shape_of(name[1:]), hints=_graph_hints(name, dout, w, x))
### END HIDDEN
