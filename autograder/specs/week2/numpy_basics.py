"""Week 2, NumPy basics: sigmoid, reshaping, broadcasting, softmax and vectorized losses."""

from __future__ import annotations

import numpy as np

from dlcheck import hints
from dlcheck.checks import NotebookSpec
from dlcheck.compare import expect_array, expect_scalar, shape_of
from dlcheck.text import tr

notebook = NotebookSpec("week2/numpy_basics", helpers=("public_tests", "test_utils"),
                        classic_names=("Python_Basics_with_Numpy", "W2A1"))
basic_sigmoid = notebook.graded("basic_sigmoid", points=1)
sigmoid = notebook.graded("sigmoid", points=1)
sigmoid_derivative = notebook.graded("sigmoid_derivative", points=1)
image2vector = notebook.graded("image2vector", points=1)
normalize_rows = notebook.graded("normalize_rows", points=1, aliases=("normalizeRows",))
softmax = notebook.graded("softmax", points=1)
L1 = notebook.graded("L1", points=1)
L2 = notebook.graded("L2", points=1)

#: Scores within this bound keep a plain np.exp finite (e^50 ~ 5e21), so a naive softmax
#: and one that subtracts the row maximum both pass; the same bound holds for the sigmoids.
MAX_ABS_INPUT = 50.0


def _sigmoid(x):
    """The grader's own sigmoid, for hints (trusted, runs where the checks run)."""
    return 1 / (1 + np.exp(-np.asarray(x, dtype=float)))


_EXP_SIGN = hints.complement(tr("you computed 1 / (1 + exp(x)) = 1 - sigmoid(x); the exponent is -x.",
                                "1 / (1 + exp(x)) = 1 - sigmoid(x)를 계산했습니다. 지수는 -x입니다."))

# -- basic_sigmoid ------------------------------------------------------------------------


@basic_sigmoid.public("values at a few real numbers", "몇 개의 실수에서의 값")
def basic_sigmoid_examples(t):
    for x in (1, 0.0, -2.5):
        expect_scalar(t.call(x), t.expect(f"x={x}", x), f"basic_sigmoid({x})", hints=[_EXP_SIGN])


### BEGIN HIDDEN
from autograder.specs import strategies


@basic_sigmoid.hidden("values at random real numbers in [-30, 30]", "[-30, 30]의 무작위 실수에서의 값",
                      inputs=strategies.floats(-30, 30))
def basic_sigmoid_random(t, x):
    expect_scalar(t.call(x), t.reference(x), f"basic_sigmoid({x!r})", hints=[_EXP_SIGN])
### END HIDDEN


# -- sigmoid ------------------------------------------------------------------------------

def _check_sigmoid(t, x: np.ndarray, want: np.ndarray, label) -> None:
    got = hints.call_explaining(t, label, x, raised=hints.MATH_ON_ARRAYS)
    expect_array(got, want, label, shape_note=shape_of("x"), hints=[_EXP_SIGN])


@sigmoid.public("values on a vector, a matrix and a number", "벡터, 행렬, 숫자에서의 값")
def sigmoid_examples(t):
    vector = np.array([-2.0, 0.0, 1.5])
    matrix = np.array([[1.0, -1.0, 3.0], [0.5, 4.0, -0.25]])
    _check_sigmoid(t, vector, t.expect("vector", vector), "sigmoid(np.array([-2., 0., 1.5]))")
    _check_sigmoid(t, matrix, t.expect("matrix", matrix), tr("sigmoid of a matrix of shape (2, 3)",
                                                               "shape (2, 3)인 행렬의 sigmoid"))
    expect_scalar(t.call(0.0), t.expect("number", 0.0), "sigmoid(0.0)")


### BEGIN HIDDEN
@sigmoid.hidden("values and shape on random arrays of 1 to 3 dimensions", "1~3차원 무작위 배열에서의 값과 shape",
                inputs=strategies.float_arrays(MAX_ABS_INPUT))
def sigmoid_random(t, x):
    _check_sigmoid(t, x, t.reference(x), tr("sigmoid of an array of shape {s}", "shape {s}인 배열의 sigmoid", s=x.shape))
### END HIDDEN


# -- sigmoid_derivative -------------------------------------------------------------------

def _derivative_hints(x: np.ndarray) -> list:
    s = _sigmoid(x)
    return [hints.same_as(s, tr("you returned s = sigmoid(x); the derivative is s * (1 - s).",
                                "s = sigmoid(x)를 반환했습니다. 도함수는 s * (1 - s)입니다.")),
            hints.same_as(1 - s, tr("you returned 1 - s; the derivative is s * (1 - s).",
                                    "1 - s를 반환했습니다. 도함수는 s * (1 - s)입니다.")),
            hints.same_as(x * (1 - x), tr("apply s * (1 - s) to s = sigmoid(x), not to x itself.",
                                          "s * (1 - s)를 x가 아니라 s = sigmoid(x)에 적용하세요."))]


def _check_derivative(t, x: np.ndarray, want: np.ndarray, label) -> None:
    expect_array(t.call(x), want, label, shape_note=shape_of("x"), hints=_derivative_hints(x))


@sigmoid_derivative.public("values on a vector and a matrix", "벡터와 행렬에서의 값")
def sigmoid_derivative_examples(t):
    vector = np.array([-1.0, 0.0, 2.0, 3.0])
    matrix = np.array([[0.5, -3.0], [1.0, 2.5], [-0.5, 0.0]])
    _check_derivative(t, vector, t.expect("vector", vector), "sigmoid_derivative(np.array([-1., 0., 2., 3.]))")
    _check_derivative(t, matrix, t.expect("matrix", matrix), tr("sigmoid_derivative of a matrix of shape (3, 2)",
                                                                  "shape (3, 2)인 행렬의 sigmoid_derivative"))


### BEGIN HIDDEN
@sigmoid_derivative.hidden("values and shape on random arrays of 1 to 3 dimensions",
                           "1~3차원 무작위 배열에서의 값과 shape", inputs=strategies.float_arrays(MAX_ABS_INPUT))
def sigmoid_derivative_random(t, x):
    _check_derivative(t, x, t.reference(x), tr("sigmoid_derivative of an array of shape {s}",
                                               "shape {s}인 배열의 sigmoid_derivative", s=x.shape))
### END HIDDEN


# -- image2vector -------------------------------------------------------------------------

def _reordered(got: np.ndarray, want: np.ndarray):
    """Hint when the values are all there but in another order (transpose, order="F")."""
    if got.shape == want.shape and np.allclose(np.sort(got, axis=None), np.sort(want, axis=None)):
        return tr("the values are right but in a different order: reshape order. Use image.reshape(-1, 1) "
                  "(C order, last index fastest), without transposing and without order='F'.",
                  "값은 맞지만 순서가 다릅니다: reshape의 순서 문제입니다. 전치나 order='F' 없이 "
                  "image.reshape(-1, 1)을 쓰세요 (C 순서, 마지막 인덱스가 가장 빨리 변함).")
    return None


def _check_image2vector(t, image: np.ndarray, want: np.ndarray) -> None:
    expect_array(t.call(image), want, "image2vector(image)", hints=[_reordered],
                 shape_note=tr("= (length*height*depth, 1) for an image of shape {s}, a column vector",
                               "= (length*height*depth, 1) (shape {s}인 이미지의 열벡터)", s=image.shape))


@image2vector.public("a (3, 2, 4) image becomes a (24, 1) column", "(3, 2, 4) 이미지가 (24, 1) 열벡터가 됨")
def image2vector_example(t):
    image = np.arange(24, dtype=float).reshape(3, 2, 4) / 10 + 0.05
    _check_image2vector(t, image, t.expect("3x2x4", image))


### BEGIN HIDDEN
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp


@st.composite
def images(draw):
    """An image of shape (length, height, depth) with distinct pixel values, so order shows."""
    shape = (draw(st.integers(1, 6)), draw(st.integers(1, 6)), draw(st.integers(1, 4)))
    return draw(hnp.arrays(np.float64, shape, elements=strategies.floats(0, 1), unique=True))


@image2vector.hidden("random image shapes", "무작위 이미지 shape", inputs=images())
def image2vector_random(t, image):
    _check_image2vector(t, image, t.reference(image))
### END HIDDEN


# -- normalize_rows -----------------------------------------------------------------------

def _normalize_hints(x: np.ndarray) -> list:
    return [hints.mistake(lambda: x / np.linalg.norm(x, axis=0, keepdims=True),
                          tr("you divided each column by its norm; use one norm per row: axis=1 (with keepdims=True).",
                             "각 열을 그 열의 노름으로 나눴습니다. 행마다 노름 하나를 쓰세요: axis=1 (keepdims=True와 함께).")),
            hints.mistake(lambda: x / np.linalg.norm(x),
                          tr("you divided by the norm of the whole matrix; use one norm per row: axis=1 "
                             "(with keepdims=True).",
                             "행렬 전체의 노름으로 나눴습니다. 행마다 노름 하나를 쓰세요: axis=1 (keepdims=True와 함께).")),
            hints.mistake(lambda: x / np.sum(x ** 2, axis=1, keepdims=True),
                          tr("you divided by the sum of squares; the norm is its square root.",
                             "제곱합으로 나눴습니다. 노름은 그 제곱근입니다.")),
            hints.mistake(lambda: x / np.sum(np.abs(x), axis=1, keepdims=True),
                          tr("you divided by the sum of absolute values; the L2 norm is sqrt(sum of squares).",
                             "절댓값의 합으로 나눴습니다. L2 노름은 sqrt(제곱합)입니다.")),
            hints.mistake(lambda: x / np.linalg.norm(x, axis=1)[np.newaxis, :],
                          tr("the norms have shape (n,), so each column j was divided by the norm of row j: "
                             "use keepdims=True.",
                             "노름의 shape이 (n,)이라서 각 열 j가 행 j의 노름으로 나뉘었습니다: keepdims=True를 쓰세요."))]


def _check_normalize(t, x: np.ndarray, want: np.ndarray, label) -> None:
    got = hints.call_explaining(t, label, x, raised=hints.keepdims(tr("row norms", "행 노름")))
    expect_array(got, want, label, shape_note=shape_of("x"), hints=_normalize_hints(x))


@normalize_rows.public("rows of a (2, 3) and a (3, 3) matrix get length 1", "(2, 3)과 (3, 3) 행렬의 각 행의 길이가 1이 됨")
def normalize_rows_examples(t):
    wide = np.array([[0.0, 3.0, 4.0], [2.0, 6.0, 9.0]])
    square = np.array([[1.0, 2.0, 2.0], [-4.0, 0.0, 3.0], [0.5, 0.5, -0.5]])
    _check_normalize(t, wide, t.expect("2x3", wide), tr("normalize_rows of a matrix of shape (2, 3)",
                                                          "shape (2, 3)인 행렬의 normalize_rows"))
    _check_normalize(t, square, t.expect("3x3", square), tr("normalize_rows of a matrix of shape (3, 3)",
                                                              "shape (3, 3)인 행렬의 normalize_rows"))


### BEGIN HIDDEN
def _no_zero_rows(x: np.ndarray) -> np.ndarray:
    """A row (almost) all zeros has no direction; give it a first entry of 1."""
    x = x.copy()
    x[np.linalg.norm(x, axis=1) < 1e-3, 0] = 1.0
    return x


@normalize_rows.hidden("random matrices (no zero rows)", "무작위 행렬 (0인 행 없음)",
                       inputs=strategies.matrices(10.0).map(_no_zero_rows))
def normalize_rows_random(t, x):
    _check_normalize(t, x, t.reference(x), tr("normalize_rows of a matrix of shape {s}",
                                              "shape {s}인 행렬의 normalize_rows", s=x.shape))
### END HIDDEN


# -- softmax ------------------------------------------------------------------------------

def _softmax_hints(x: np.ndarray) -> list:
    e = np.exp(x)
    return [hints.mistake(lambda: e / e.sum(axis=0, keepdims=True),
                          tr("each column of your result sums to 1; here each ROW must sum to 1: "
                             "sum over axis=1 (with keepdims=True).",
                             "결과의 각 열의 합이 1입니다. 여기서는 각 행의 합이 1이어야 합니다: "
                             "axis=1로 더하세요 (keepdims=True와 함께).")),
            hints.mistake(lambda: e / e.sum(), tr("you divided by the sum over the whole matrix; divide each row by "
                                                  "its own sum: axis=1 (with keepdims=True).",
                                                  "행렬 전체의 합으로 나눴습니다. 각 행을 자신의 합으로 나누세요: "
                                                  "axis=1 (keepdims=True와 함께).")),
            hints.mistake(lambda: e / e.sum(axis=1)[np.newaxis, :],
                          tr("the row sums have shape (n,), so each column j was divided by the sum of row j: "
                             "use keepdims=True.",
                             "행의 합의 shape이 (n,)이라서 각 열 j가 행 j의 합으로 나뉘었습니다: keepdims=True를 쓰세요."))]


def _check_softmax(t, x: np.ndarray, want: np.ndarray, label) -> None:
    got = hints.call_explaining(t, label, x, raised=hints.keepdims(tr("row sums", "행의 합")))
    expect_array(got, want, label, shape_note=shape_of("x"), hints=_softmax_hints(x))


@softmax.public("each row of a (2, 4) and a (3, 3) matrix becomes probabilities",
                "(2, 4)와 (3, 3) 행렬의 각 행이 확률이 됨")
def softmax_examples(t):
    wide = np.array([[2.0, 1.0, 0.0, -1.0], [5.0, 5.0, 0.5, 3.0]])
    square = np.array([[0.0, 1.0, 2.0], [3.0, -2.0, 0.0], [1.0, 1.0, 1.0]])
    _check_softmax(t, wide, t.expect("2x4", wide), tr("softmax of a matrix of shape (2, 4)", "shape (2, 4)인 행렬의 softmax"))
    _check_softmax(t, square, t.expect("3x3", square), tr("softmax of a matrix of shape (3, 3)",
                                                            "shape (3, 3)인 행렬의 softmax"))


### BEGIN HIDDEN
@softmax.hidden("random matrices with scores up to 50 in absolute value", "절댓값 50 이하의 점수를 가진 무작위 행렬",
                inputs=strategies.matrices(MAX_ABS_INPUT))
def softmax_random(t, x):
    _check_softmax(t, x, t.reference(x), tr("softmax of a matrix of shape {s}", "shape {s}인 행렬의 softmax", s=x.shape))
### END HIDDEN


# -- L1 and L2 ----------------------------------------------------------------------------

#: A fixed example: m = 5 predictions against 0/1 labels.
YHAT = np.array([0.8, 0.1, 0.3, 0.6, 0.95])
Y = np.array([1.0, 0.0, 0.0, 1.0, 1.0])


def _l1_hints(yhat: np.ndarray, y: np.ndarray) -> list:
    signed = float(np.sum(y - yhat))
    return [hints.divided_by_m(y.shape[0], tr("your loss", "손실")),
            lambda got, want: (tr("take the absolute value of each difference (np.abs) before summing.",
                                  "더하기 전에 각 차이의 절댓값(np.abs)을 취하세요.")
                               if np.isclose(abs(float(got)), abs(signed)) else None)]


def _l2_hints(yhat: np.ndarray, y: np.ndarray) -> list:
    return [hints.divided_by_m(y.shape[0], tr("your loss", "손실")),
            hints.ratio(0.5, tr("drop the factor 1/2: the L2 loss here is the plain sum of squares.",
                                "1/2 계수를 빼세요: 여기서 L2 손실은 그냥 제곱합입니다.")),
            lambda got, want: (tr("don't take the square root: the L2 loss here is the sum of squares itself.",
                                  "제곱근을 취하지 마세요: 여기서 L2 손실은 제곱합 그 자체입니다.")
                               if np.isclose(float(got), np.sqrt(want)) and not np.isclose(want, 1) else None),
            hints.same_as(np.sum(np.abs(y - yhat)), tr("that is the sum of absolute differences (L1); square the "
                                                       "differences instead.",
                                                       "그것은 절댓값 차이의 합(L1)입니다. 대신 차이를 제곱하세요."))]


def _check_loss(t, yhat: np.ndarray, y: np.ndarray, want: float, name: str, loss_hints: list) -> None:
    """The loss is the function's result, asked for as a number ("loss : float"): an array
    of shape (1,) (np.sum(..., keepdims=True)) fails rather than passing with a note."""
    expect_scalar(t.call(yhat, y), want, tr("{name}(yhat, y) with m = {m}", "m = {m}일 때의 {name}(yhat, y)",
                                            name=name, m=y.shape[0]), hints=loss_hints, array_accepted=False)


@L1.public("the loss on five predictions", "예측 다섯 개에서의 손실")
def l1_example(t):
    _check_loss(t, YHAT, Y, t.expect("five", YHAT, Y), "L1", _l1_hints(YHAT, Y))


@L2.public("the loss on five predictions", "예측 다섯 개에서의 손실")
def l2_example(t):
    _check_loss(t, YHAT, Y, t.expect("five", YHAT, Y), "L2", _l2_hints(YHAT, Y))


### BEGIN HIDDEN
@st.composite
def prediction_pairs(draw):
    """``(yhat, y)``: two vectors of shape (m,), as in the stub (np.dot(d, d) needs 1-D)."""
    m = draw(st.integers(1, 20))
    yhat = draw(hnp.arrays(np.float64, (m,), elements=strategies.floats(-5, 5)))
    y = draw(hnp.arrays(np.float64, (m,), elements=strategies.floats(-5, 5)))
    return yhat, y


@L1.hidden("random vectors of length 1 to 20", "길이 1~20인 무작위 벡터", inputs=prediction_pairs())
def l1_random(t, pair):
    yhat, y = pair
    _check_loss(t, yhat, y, t.reference(yhat, y), "L1", _l1_hints(yhat, y))


@L2.hidden("random vectors of length 1 to 20", "길이 1~20인 무작위 벡터", inputs=prediction_pairs())
def l2_random(t, pair):
    yhat, y = pair
    _check_loss(t, yhat, y, t.reference(yhat, y), "L2", _l2_hints(yhat, y))
### END HIDDEN
