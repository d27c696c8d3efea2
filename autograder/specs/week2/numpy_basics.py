"""Week 2, NumPy basics: sigmoid, reshaping, broadcasting, softmax and vectorized losses."""

from __future__ import annotations

from typing import Any, Callable

import numpy as np
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

from ...checks import CheckFailed, GradedFunction, NotebookSpec, StudentRaised, Trial, hidden, public
from ...compare import Hint, expect_array, expect_scalar, ratio_hint, same_as_hint

# -- shared inputs, strategies and helpers ------------------------------------------------

#: Scores within this bound keep a plain np.exp finite (e^50 ~ 5e21), so a naive softmax
#: and one that subtracts the row maximum both pass; the same bound holds for the sigmoids.
MAX_ABS_INPUT = 50.0


def _floats(low: float, high: float):
    return st.floats(low, high, allow_nan=False, allow_infinity=False, width=64)


def _any_shape_arrays(bound: float):
    """Float arrays of 1 to 3 dimensions (0-d arrays are numbers, tested separately)."""
    return hnp.arrays(np.float64, hnp.array_shapes(min_dims=1, max_dims=3, max_side=5),
                      elements=_floats(-bound, bound))


@st.composite
def _matrices(draw, bound: float, max_rows: int = 5, max_cols: int = 6):
    """A float matrix of shape (n, m), 1 <= n <= max_rows, 1 <= m <= max_cols."""
    shape = (draw(st.integers(1, max_rows)), draw(st.integers(1, max_cols)))
    return draw(hnp.arrays(np.float64, shape, elements=_floats(-bound, bound)))


def _sigmoid(x):
    """The grader's own sigmoid, for hints (trusted, runs in the grader)."""
    return 1 / (1 + np.exp(-np.asarray(x, dtype=float)))


def _call(t: Trial, name: str, *args: Any, raised_hints: dict[str, str]) -> Any:
    """``t.call(*args)``; an exception whose message contains a key of ``raised_hints``
    becomes a failure with that hint (others, NotImplementedError included, go to the engine)."""
    try:
        return t.call(*args)
    except StudentRaised as exc:
        hint = next((h for text, h in raised_hints.items() if text in exc.message), None)
        if hint is None:
            raise
        where = f" at {exc.where}" if exc.where else ""
        raise CheckFailed(f"{name} raised {exc.type_name}{where}: {exc.message.rstrip()}. Hint: {hint}") from None


#: math.exp on an array: "only 0-dimensional arrays ..." (NumPy 2), "only size-1 / length-1 arrays ..." (1.x).
MATH_ON_ARRAYS = {"arrays can be converted to Python scalars":
                  "math.exp takes one number only; use np.exp, which works on whole arrays."}


def _keepdims_hint(what: str) -> dict[str, str]:
    """An (n, m) array divided by a vector of shape (n,) (when n != m): keepdims was forgotten."""
    return {"could not be broadcast together": f"keep the {what} two-dimensional, of shape (n, 1), with "
                                                f"keepdims=True, so that each row is divided by its own value."}


def _complement_hint(text: str) -> Hint:
    """Hint when the submission returned 1 - expected (the sigmoid with exp(x) for exp(-x))."""
    return lambda got, want: text if np.allclose(got, 1 - want, rtol=1e-6, atol=1e-10) else None


def _mistake_hint(wrong_answer: Callable[[], np.ndarray], text: str) -> Hint:
    """Hint when the submission returned ``wrong_answer()``, a known mistake's result.

    Computed only when a comparison fails; a mistake that cannot happen on this input
    (shapes that do not broadcast) or gives nan (a zero column) does not match.
    """
    def rule(got: np.ndarray, want: np.ndarray) -> str | None:
        try:
            with np.errstate(all="ignore"):
                wrong = np.asarray(wrong_answer(), dtype=float)
        except ValueError:
            return None
        return text if wrong.shape == got.shape and np.allclose(got, wrong) else None
    return rule


_EXP_SIGN = _complement_hint("you computed 1 / (1 + exp(x)) = 1 - sigmoid(x); the exponent is -x.")

# -- basic_sigmoid ------------------------------------------------------------------------


@public("values at a few real numbers")
def basic_sigmoid_examples(t: Trial) -> None:
    for x in (1, 0.0, -2.5):
        expect_scalar(t.call(x), t.expect(f"x={x}", x), f"basic_sigmoid({x})", hints=[_EXP_SIGN])


@hidden("values at random real numbers in [-30, 30]")
def basic_sigmoid_random(t: Trial) -> None:
    def body(x):
        expect_scalar(t.call(x), t.reference("basic_sigmoid")(x), f"basic_sigmoid({x!r})", hints=[_EXP_SIGN])
    t.for_random_inputs(_floats(-30, 30), body)


# -- sigmoid ------------------------------------------------------------------------------

def _check_sigmoid(t: Trial, x: np.ndarray, want: np.ndarray, label: str) -> None:
    got = _call(t, label, x, raised_hints=MATH_ON_ARRAYS)
    expect_array(got, want, label, shape_note="= shape of x", hints=[_EXP_SIGN])


@public("values on a vector, a matrix and a number")
def sigmoid_examples(t: Trial) -> None:
    vector = np.array([-2.0, 0.0, 1.5])
    matrix = np.array([[1.0, -1.0, 3.0], [0.5, 4.0, -0.25]])
    _check_sigmoid(t, vector, t.expect("vector", vector), "sigmoid(np.array([-2., 0., 1.5]))")
    _check_sigmoid(t, matrix, t.expect("matrix", matrix), "sigmoid of a matrix of shape (2, 3)")
    expect_scalar(t.call(0.0), t.expect("number", 0.0), "sigmoid(0.0)")


@hidden("values and shape on random arrays of 1 to 3 dimensions")
def sigmoid_random(t: Trial) -> None:
    def body(x):
        _check_sigmoid(t, x, t.reference("sigmoid")(x), f"sigmoid of an array of shape {x.shape}")
    t.for_random_inputs(_any_shape_arrays(MAX_ABS_INPUT), body)


# -- sigmoid_derivative -------------------------------------------------------------------

def _derivative_hints(x: np.ndarray) -> list[Hint]:
    s = _sigmoid(x)
    return [same_as_hint(s, "you returned s = sigmoid(x); the derivative is s * (1 - s)."),
            same_as_hint(1 - s, "you returned 1 - s; the derivative is s * (1 - s)."),
            same_as_hint(x * (1 - x), "apply s * (1 - s) to s = sigmoid(x), not to x itself.")]


def _check_derivative(t: Trial, x: np.ndarray, want: np.ndarray, label: str) -> None:
    expect_array(t.call(x), want, label, shape_note="= shape of x", hints=_derivative_hints(x))


@public("values on a vector and a matrix")
def sigmoid_derivative_examples(t: Trial) -> None:
    vector = np.array([-1.0, 0.0, 2.0, 3.0])
    matrix = np.array([[0.5, -3.0], [1.0, 2.5], [-0.5, 0.0]])
    _check_derivative(t, vector, t.expect("vector", vector), "sigmoid_derivative(np.array([-1., 0., 2., 3.]))")
    _check_derivative(t, matrix, t.expect("matrix", matrix), "sigmoid_derivative of a matrix of shape (3, 2)")


@hidden("values and shape on random arrays of 1 to 3 dimensions")
def sigmoid_derivative_random(t: Trial) -> None:
    def body(x):
        _check_derivative(t, x, t.reference("sigmoid_derivative")(x),
                          f"sigmoid_derivative of an array of shape {x.shape}")
    t.for_random_inputs(_any_shape_arrays(MAX_ABS_INPUT), body)


# -- image2vector -------------------------------------------------------------------------

def _reordered(got: np.ndarray, want: np.ndarray) -> str | None:
    """Hint when the values are all there but in another order (transpose, order="F")."""
    if got.shape == want.shape and np.allclose(np.sort(got, axis=None), np.sort(want, axis=None)):
        return ("the values are right but in a different order: reshape order. Use image.reshape(-1, 1) "
                "(C order, last index fastest), without transposing and without order='F'.")
    return None


def _check_image2vector(t: Trial, image: np.ndarray, want: np.ndarray) -> None:
    expect_array(t.call(image), want, "image2vector(image)", hints=[_reordered],
                 shape_note=f"= (length*height*depth, 1) for an image of shape {image.shape}, a column vector")


@public("a (3, 2, 4) image becomes a (24, 1) column")
def image2vector_example(t: Trial) -> None:
    image = np.arange(24, dtype=float).reshape(3, 2, 4) / 10 + 0.05
    _check_image2vector(t, image, t.expect("3x2x4", image))


@st.composite
def images(draw):
    """An image of shape (length, height, depth) with distinct pixel values, so order shows."""
    shape = (draw(st.integers(1, 6)), draw(st.integers(1, 6)), draw(st.integers(1, 4)))
    return draw(hnp.arrays(np.float64, shape, elements=_floats(0, 1), unique=True))


@hidden("random image shapes")
def image2vector_random(t: Trial) -> None:
    def body(image):
        _check_image2vector(t, image, t.reference("image2vector")(image))
    t.for_random_inputs(images(), body)


# -- normalize_rows -----------------------------------------------------------------------

def _normalize_hints(x: np.ndarray) -> list[Hint]:
    return [_mistake_hint(lambda: x / np.linalg.norm(x, axis=0, keepdims=True),
                          "you divided each column by its norm; use one norm per row: axis=1 (with keepdims=True)."),
            _mistake_hint(lambda: x / np.linalg.norm(x),
                          "you divided by the norm of the whole matrix; use one norm per row: axis=1 "
                          "(with keepdims=True)."),
            _mistake_hint(lambda: x / np.sum(x ** 2, axis=1, keepdims=True),
                          "you divided by the sum of squares; the norm is its square root."),
            _mistake_hint(lambda: x / np.sum(np.abs(x), axis=1, keepdims=True),
                          "you divided by the sum of absolute values; the L2 norm is sqrt(sum of squares)."),
            _mistake_hint(lambda: x / np.linalg.norm(x, axis=1)[np.newaxis, :],
                          "the norms have shape (n,), so each column j was divided by the norm of row j: "
                          "use keepdims=True.")]


def _check_normalize(t: Trial, x: np.ndarray, want: np.ndarray, label: str) -> None:
    got = _call(t, label, x, raised_hints=_keepdims_hint("row norms"))
    expect_array(got, want, label, shape_note="= shape of x", hints=_normalize_hints(x))


@public("rows of a (2, 3) and a (3, 3) matrix get length 1")
def normalize_rows_examples(t: Trial) -> None:
    wide = np.array([[0.0, 3.0, 4.0], [2.0, 6.0, 9.0]])
    square = np.array([[1.0, 2.0, 2.0], [-4.0, 0.0, 3.0], [0.5, 0.5, -0.5]])
    _check_normalize(t, wide, t.expect("2x3", wide), "normalize_rows of a matrix of shape (2, 3)")
    _check_normalize(t, square, t.expect("3x3", square), "normalize_rows of a matrix of shape (3, 3)")


def _no_zero_rows(x: np.ndarray) -> np.ndarray:
    """A row (almost) all zeros has no direction; give it a first entry of 1."""
    x = x.copy()
    x[np.linalg.norm(x, axis=1) < 1e-3, 0] = 1.0
    return x


@hidden("random matrices (no zero rows)")
def normalize_rows_random(t: Trial) -> None:
    def body(x):
        _check_normalize(t, x, t.reference("normalize_rows")(x), f"normalize_rows of a matrix of shape {x.shape}")
    t.for_random_inputs(_matrices(10.0).map(_no_zero_rows), body)


# -- softmax ------------------------------------------------------------------------------

def _softmax_hints(x: np.ndarray) -> list[Hint]:
    e = np.exp(x)
    return [_mistake_hint(lambda: e / e.sum(axis=0, keepdims=True),
                          "each column of your result sums to 1; here each ROW must sum to 1: "
                          "sum over axis=1 (with keepdims=True)."),
            _mistake_hint(lambda: e / e.sum(), "you divided by the sum over the whole matrix; divide each row by "
                                               "its own sum: axis=1 (with keepdims=True)."),
            _mistake_hint(lambda: e / e.sum(axis=1)[np.newaxis, :],
                          "the row sums have shape (n,), so each column j was divided by the sum of row j: "
                          "use keepdims=True.")]


def _check_softmax(t: Trial, x: np.ndarray, want: np.ndarray, label: str) -> None:
    got = _call(t, label, x, raised_hints=_keepdims_hint("row sums"))
    expect_array(got, want, label, shape_note="= shape of x", hints=_softmax_hints(x))


@public("each row of a (2, 4) and a (3, 3) matrix becomes probabilities")
def softmax_examples(t: Trial) -> None:
    wide = np.array([[2.0, 1.0, 0.0, -1.0], [5.0, 5.0, 0.5, 3.0]])
    square = np.array([[0.0, 1.0, 2.0], [3.0, -2.0, 0.0], [1.0, 1.0, 1.0]])
    _check_softmax(t, wide, t.expect("2x4", wide), "softmax of a matrix of shape (2, 4)")
    _check_softmax(t, square, t.expect("3x3", square), "softmax of a matrix of shape (3, 3)")


@hidden("random matrices with scores up to 50 in absolute value")
def softmax_random(t: Trial) -> None:
    def body(x):
        _check_softmax(t, x, t.reference("softmax")(x), f"softmax of a matrix of shape {x.shape}")
    t.for_random_inputs(_matrices(MAX_ABS_INPUT), body)


# -- L1 and L2 ----------------------------------------------------------------------------

@st.composite
def prediction_pairs(draw):
    """``(yhat, y)``: two vectors of shape (m,), as in the stub (np.dot(d, d) needs 1-D)."""
    m = draw(st.integers(1, 20))
    yhat = draw(hnp.arrays(np.float64, (m,), elements=_floats(-5, 5)))
    y = draw(hnp.arrays(np.float64, (m,), elements=_floats(-5, 5)))
    return yhat, y


#: A fixed example: m = 5 predictions against 0/1 labels.
YHAT = np.array([0.8, 0.1, 0.3, 0.6, 0.95])
Y = np.array([1.0, 0.0, 0.0, 1.0, 1.0])


def _l1_hints(yhat: np.ndarray, y: np.ndarray) -> list[Hint]:
    m = y.shape[0]
    signed = float(np.sum(y - yhat))
    return [ratio_hint(1 / m, "your loss is the mean; the L1 loss here is the sum (no division by m)."),
            lambda got, want: ("take the absolute value of each difference (np.abs) before summing."
                               if np.isclose(abs(float(got)), abs(signed)) else None)]


def _l2_hints(yhat: np.ndarray, y: np.ndarray) -> list[Hint]:
    m = y.shape[0]
    return [ratio_hint(1 / m, "your loss is the mean; the L2 loss here is the sum (no division by m)."),
            ratio_hint(0.5, "drop the factor 1/2: the L2 loss here is the plain sum of squares."),
            lambda got, want: ("don't take the square root: the L2 loss here is the sum of squares itself."
                               if np.isclose(float(got), np.sqrt(want)) and not np.isclose(want, 1) else None),
            same_as_hint(np.asarray(np.sum(np.abs(y - yhat))),
                         "that is the sum of absolute differences (L1); square the differences instead.")]


def _check_loss(t: Trial, yhat: np.ndarray, y: np.ndarray, want: float, name: str, hints: list[Hint]) -> None:
    label = f"{name}(yhat, y) with m = {y.shape[0]}"
    expect_scalar(t.call(yhat, y), want, label, hints=hints)


@public("the loss on five predictions")
def l1_example(t: Trial) -> None:
    _check_loss(t, YHAT, Y, t.expect("five", YHAT, Y), "L1", _l1_hints(YHAT, Y))


@hidden("random vectors of length 1 to 20")
def l1_random(t: Trial) -> None:
    def body(pair):
        yhat, y = pair
        _check_loss(t, yhat, y, t.reference("L1")(yhat, y), "L1", _l1_hints(yhat, y))
    t.for_random_inputs(prediction_pairs(), body)


@public("the loss on five predictions")
def l2_example(t: Trial) -> None:
    _check_loss(t, YHAT, Y, t.expect("five", YHAT, Y), "L2", _l2_hints(YHAT, Y))


@hidden("random vectors of length 1 to 20")
def l2_random(t: Trial) -> None:
    def body(pair):
        yhat, y = pair
        _check_loss(t, yhat, y, t.reference("L2")(yhat, y), "L2", _l2_hints(yhat, y))
    t.for_random_inputs(prediction_pairs(), body)


SPEC = NotebookSpec(
    id="week2/numpy_basics",
    solution="solutions/week2/numpy_basics.py",
    release="assignments/week2/numpy_basics.ipynb",
    helpers=("public_tests", "test_utils"),
    functions=(
        GradedFunction("basic_sigmoid", ("x",), 1, (basic_sigmoid_examples, basic_sigmoid_random)),
        GradedFunction("sigmoid", ("x",), 1, (sigmoid_examples, sigmoid_random)),
        GradedFunction("sigmoid_derivative", ("x",), 1, (sigmoid_derivative_examples, sigmoid_derivative_random),
                       calls=("sigmoid",)),
        GradedFunction("image2vector", ("image",), 1, (image2vector_example, image2vector_random)),
        GradedFunction("normalize_rows", ("x",), 1, (normalize_rows_examples, normalize_rows_random)),
        GradedFunction("softmax", ("x",), 1, (softmax_examples, softmax_random)),
        GradedFunction("L1", ("yhat", "y"), 1, (l1_example, l1_random)),
        GradedFunction("L2", ("yhat", "y"), 1, (l2_example, l2_random)),
    ),
)
