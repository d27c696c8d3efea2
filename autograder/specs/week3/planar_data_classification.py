"""Week 3, planar data classification with one hidden layer: what is graded and how.

The network is LINEAR -> TANH -> LINEAR -> SIGMOID. Checks compare each function with the
reference on a fixed small network (public) and on random ones (hidden: other widths with
n_h != n_x, a single example), and grade properties where the answer is random
(``initialize_parameters``, by the rule week 4 uses too: :mod:`dlcheck.initialization`) or
numerical (``backward_propagation`` against a numerical gradient of the cost).
"""

from __future__ import annotations

import numpy as np

from dlcheck import dense, hints, initialization
from dlcheck.checks import CheckFailed, NotebookSpec, OldSignature
from dlcheck.compare import (
    as_array,
    as_number,
    expect_array,
    expect_keys,
    expect_labels,
    expect_scalar,
    expect_type,
    note,
    shape_of,
    unpack,
)
from dlcheck.text import tr


def _placeholder_parameters(args: dict) -> dict:
    """What the grader passes as ``parameters`` to the course's earlier
    ``compute_cost(A2, Y, parameters)``, which does not use them: arrays of the right kind."""
    n_y = np.shape(args.get("A2", np.zeros((1, 1))))[0]
    return {"W1": np.zeros((1, 1)), "b1": np.zeros((1, 1)), "W2": np.zeros((n_y, 1)), "b2": np.zeros((n_y, 1))}


#: A file's time budget: an honest file takes about 1 s; with a wrong step function,
#: nn_model is graded again with each of its training steps answered by the grader.
notebook = NotebookSpec("week3/planar_data_classification",
                        helpers=("planar_utils", "testCases_v2", "public_tests"),
                        classic_names=("Planar_data_classification_with_one_hidden_layer", "W3A1"), seconds=120)
layer_sizes = notebook.graded("layer_sizes", points=1)
initialize_parameters = notebook.graded("initialize_parameters", points=1)
forward_propagation = notebook.graded("forward_propagation", points=2)
compute_cost = notebook.graded("compute_cost", points=1, old_signatures=[
    OldSignature(("A2", "Y", "parameters"), {"parameters": _placeholder_parameters})])
backward_propagation = notebook.graded("backward_propagation", points=3)
update_parameters = notebook.graded("update_parameters", points=1)
# The initialization is always the reference's, from a seeded np.random: a trained model is
# then comparable exactly, whatever order a submission draws its random numbers in.
nn_model = notebook.graded("nn_model", points=2, reference_callees=("initialize_parameters",))
predict = notebook.graded("predict", points=1)

PARAMETER_KEYS = dense.parameter_keys(2)
CACHE_KEYS = ["Z1", "A1", "Z2", "A2"]
GRAD_KEYS = ["dW1", "db1", "dW2", "db2"]
SHAPE_NOTES = {"W1": "= (n_h, n_x)", "b1": "= (n_h, 1)", "W2": "= (n_y, n_h)", "b2": "= (n_y, 1)",
               "Z1": "= (n_h, m)", "A1": "= (n_h, m)", "Z2": "= (n_y, m)", "A2": "= (n_y, m)",
               "dW1": shape_of("W1"), "db1": shape_of("b1"), "dW2": shape_of("W2"), "db2": shape_of("b2")}

#: The fixed network of the public checks: n_x = 2 inputs, n_h = 3 hidden units, m = 4 examples.
PARAMETERS = {"W1": np.array([[0.5, -1.0], [1.5, 0.2], [-0.3, 0.8]]), "b1": np.array([[0.1], [0.0], [-0.2]]),
              "W2": np.array([[1.0, -2.0, 0.5]]), "b2": np.array([[0.3]])}
X = np.array([[1.0, -0.5, 2.0, 0.0], [0.5, 1.5, -1.0, 0.3]])
Y = np.array([[1.0, 0.0, 1.0, 1.0]])


def _cache(parameters: dict, x: np.ndarray) -> dict:
    """The cache {Z1, A1, Z2, A2} of the notebook's LINEAR -> TANH -> LINEAR -> SIGMOID pass,
    for fixed inputs and for hints that model a mistake from the same inputs."""
    return dense.named_values(dense.forward(x, parameters, hidden=dense.tanh))


# -- layer_sizes ----------------------------------------------------------------------------

def _check_layer_sizes(got, x: np.ndarray, y: np.ndarray, label) -> None:
    sizes = unpack(got, 3, label, "n_x, n_h, n_y")
    n_x, n_y, m = x.shape[0], y.shape[0], x.shape[1]
    for name, value, want, rows_of in (("n_x", sizes[0], n_x, "X"), ("n_h", sizes[1], 4, None),
                                       ("n_y", sizes[2], n_y, "Y")):
        expect_type(value, (int, np.integer), name, tr("an int", "정수(int)"))
        if value == want:
            continue
        if rows_of and value == m and m != want:
            raise CheckFailed(tr("{name} is {got}, the number of examples m; expected {want}. Hint: examples are "
                                 "columns, so {name} is the number of rows: {of}.shape[0].",
                                 "{name} 값이 예제 수 m인 {got}입니다. {want}이어야 합니다. 힌트: 예제는 열이므로 "
                                 "{name} 값은 행의 수, {of}.shape[0]입니다.", name=name, got=value, want=want, of=rows_of))
        raise CheckFailed(tr("{name} is {got}; expected {want}.", "{name} 값이 {got}입니다. {want}이어야 합니다.",
                             name=name, got=value, want=want)
                          + (tr(" Hint: the hidden layer has 4 units.", " 힌트: 은닉층의 유닛은 4개입니다.")
                             if rows_of is None else tr("", "")))


@layer_sizes.public("sizes for X of shape (5, 3) and Y of shape (2, 3)", "shape (5, 3)인 X와 (2, 3)인 Y의 크기")
def layer_sizes_example(t):
    x, y = np.zeros((5, 3)), np.zeros((2, 3))
    _check_layer_sizes(t.call(x, y), x, y, "layer_sizes(X, Y)")


### BEGIN HIDDEN
from hypothesis import strategies as st


@layer_sizes.hidden("sizes for random shapes", "무작위 shape에서의 크기",
                    inputs=st.tuples(st.integers(1, 30), st.integers(1, 3), st.integers(1, 30)), max_examples=6)
def layer_sizes_random(t, shape):
    n_x, n_y, m = shape
    x, y = np.zeros((n_x, m)), np.zeros((n_y, m))
    _check_layer_sizes(t.call(x, y), x, y, tr("layer_sizes for X of shape {s}", "shape {s}인 X의 layer_sizes", s=x.shape))
### END HIDDEN


# -- initialize_parameters ------------------------------------------------------------------

@initialize_parameters.public("shapes, zero biases and small random weights for (n_x, n_h, n_y) = (2, 4, 1)",
                              "(n_x, n_h, n_y) = (2, 4, 1)일 때 shape, 0인 편향, 작은 무작위 가중치")
def initialization_small(t):
    initialization.expect_initialize_parameters(t.call(2, 4, 1), (2, 4, 1), "initialize_parameters(2, 4, 1)")


@initialize_parameters.public("weights drawn from a normal distribution of standard deviation 0.01, for (30, 40, 20)",
                              "(30, 40, 20)일 때 표준편차 0.01인 정규분포에서 뽑은 가중치")
def initialization_scale(t):
    initialization.expect_initialize_parameters(t.call(30, 40, 20), (30, 40, 20), "initialize_parameters(30, 40, 20)",
                                                distribution=True)


### BEGIN HIDDEN
@initialize_parameters.hidden("random layer sizes", "무작위 층 크기",
                              inputs=st.tuples(st.integers(1, 12), st.integers(1, 12), st.integers(1, 3)), max_examples=8)
def initialization_random(t, sizes):
    initialization.expect_initialize_parameters(t.call(*sizes), sizes, f"initialize_parameters{sizes}")
### END HIDDEN


# -- forward_propagation --------------------------------------------------------------------

def _forward_hints(key: str, want_cache: dict, parameters: dict, x: np.ndarray) -> list:
    z1, z2 = want_cache["Z1"], want_cache["Z2"]
    if key == "Z1":
        return [hints.mistake(lambda: parameters["W1"] @ x, tr("Z1 lacks the bias: Z1 = np.dot(W1, X) + b1.",
                                                               "Z1에 편향이 빠졌습니다: Z1 = np.dot(W1, X) + b1."))]
    if key == "A1":
        return [hints.mistake(lambda: dense.sigmoid(z1), tr("A1 is sigmoid(Z1): the hidden layer uses np.tanh(Z1).",
                                                       "A1이 sigmoid(Z1)입니다: 은닉층은 np.tanh(Z1)을 씁니다.")),
                hints.mistake(lambda: np.maximum(z1, 0), tr("A1 is relu(Z1): the hidden layer uses np.tanh(Z1).",
                                                            "A1이 relu(Z1)입니다: 은닉층은 np.tanh(Z1)을 씁니다.")),
                hints.mistake(lambda: z1, tr("A1 equals Z1: apply the activation, A1 = np.tanh(Z1).",
                                             "A1이 Z1과 같습니다: 활성화 함수를 적용하세요, A1 = np.tanh(Z1)."))]
    if key == "Z2":
        return [hints.mistake(lambda: parameters["W2"] @ z1 + parameters["b2"],
                              tr("Z2 is computed from Z1: use the activation, Z2 = np.dot(W2, A1) + b2.",
                                 "Z2를 Z1으로 계산했습니다: 활성값을 쓰세요, Z2 = np.dot(W2, A1) + b2.")),
                hints.mistake(lambda: parameters["W2"] @ want_cache["A1"],
                              tr("Z2 lacks the bias: Z2 = np.dot(W2, A1) + b2.", "Z2에 편향이 빠졌습니다: Z2 = np.dot(W2, A1) + b2."))]
    return [hints.mistake(lambda: np.tanh(z2), tr("A2 is tanh(Z2): the output layer uses sigmoid(Z2).",
                                                  "A2가 tanh(Z2)입니다: 출력층은 sigmoid(Z2)를 씁니다.")),
            hints.mistake(lambda: z2, tr("A2 equals Z2: apply the output activation, A2 = sigmoid(Z2).",
                                         "A2가 Z2와 같습니다: 출력 활성화 함수를 적용하세요, A2 = sigmoid(Z2)."))]


def _check_forward(got, want, parameters: dict, x: np.ndarray, label) -> None:
    a2, cache = unpack(got, 2, label, "A2, cache")
    want_a2, want_cache = want
    cache = expect_keys(cache, CACHE_KEYS, "cache")
    for key in CACHE_KEYS:  # in the order they are computed: the first wrong one is named
        expect_array(cache[key], want_cache[key], tr("cache['{key}']", "cache['{key}']", key=key),
                     shape_note=SHAPE_NOTES[key], hints=_forward_hints(key, want_cache, parameters, x))
    expect_array(a2, want_a2, "A2", shape_note=SHAPE_NOTES["A2"],
                 hints=[hints.same_as(want_cache["A1"], tr("you returned A1; return A2, the output of the last layer.",
                                                           "A1을 반환했습니다. 마지막 층의 출력인 A2를 반환하세요."))])


@forward_propagation.public("A2 and the cache of a network with 2 inputs, 3 hidden units, 4 examples",
                            "입력 2개, 은닉 유닛 3개, 예제 4개인 신경망의 A2와 cache")
def forward_example(t):
    _check_forward(t.call(X, PARAMETERS), t.expect("example", X, PARAMETERS), PARAMETERS, X,
                   "forward_propagation(X, parameters)")


### BEGIN HIDDEN
from dataclasses import dataclass


@dataclass(frozen=True)
class Network:
    """A random problem for one hidden layer: ``X`` (n_x, m), labels ``Y`` (1, m) of 0.0 and
    1.0, and ``parameters`` W1 (n_h, n_x), b1 (n_h, 1), W2 (1, n_h), b2 (1, 1)."""

    X: np.ndarray
    Y: np.ndarray
    parameters: dict

    def __repr__(self) -> str:
        n_h, n_x = self.parameters["W1"].shape
        return f"Network(n_x={n_x}, n_h={n_h}, m={self.X.shape[1]})"


@st.composite
def networks(draw, max_width: int = 5, max_examples: int = 7) -> Network:
    """Random widths with n_h != n_x (a transposed matrix shows as a wrong shape), m from 1.

    The entries come from a generator seeded by hypothesis rather than element by element:
    hypothesis favours degenerate arrays (all zeros, repeated values) that would hide a
    wrong activation or derivative. Bounds keep the problem fair: |Z2| <= 2 n_h + 1 <= 11,
    so A2 stays strictly between 0 and 1 and the cost is finite.
    """
    n_x = draw(st.integers(1, max_width))
    n_h = draw(st.integers(1, max_width).filter(lambda n: n != n_x))
    m = draw(st.integers(1, max_examples))
    rng = np.random.default_rng(draw(st.integers(0, 2**32 - 1)))
    parameters = {"W1": rng.uniform(-2, 2, (n_h, n_x)), "b1": rng.uniform(-1, 1, (n_h, 1)),
                  "W2": rng.uniform(-2, 2, (1, n_h)), "b2": rng.uniform(-1, 1, (1, 1))}
    x = rng.uniform(-3, 3, (n_x, m))
    y = (rng.random((1, m)) < 0.5).astype(float)
    return Network(x, y, parameters)


#: One example, widths 2 -> 3 -> 1: mistakes that only show with m = 1.
SINGLE = Network(np.array([[0.7], [-1.2]]), np.array([[1.0]]),
                 {"W1": np.array([[0.4, -0.9], [1.1, 0.3], [-0.6, 0.5]]), "b1": np.array([[0.2], [-0.1], [0.05]]),
                  "W2": np.array([[-1.3, 0.8, 0.6]]), "b2": np.array([[-0.4]])})


def _label(what: str, network: Network):
    n_h, n_x = network.parameters["W1"].shape
    return tr("{what} with n_x = {n_x}, n_h = {n_h}, m = {m}", "n_x = {n_x}, n_h = {n_h}, m = {m}일 때의 {what}",
              what=what, n_x=n_x, n_h=n_h, m=network.X.shape[1])


@forward_propagation.hidden("random networks", "무작위 신경망", inputs=networks(), max_examples=10)
def forward_random(t, network):
    x, parameters = network.X, network.parameters
    _check_forward(t.call(x, parameters), t.reference(x, parameters), parameters, x,
                   _label("forward_propagation", network))


@forward_propagation.hidden("a single example (m = 1)", "예제 하나 (m = 1)")
def forward_single(t):
    x, parameters = SINGLE.X, SINGLE.parameters
    _check_forward(t.call(x, parameters), t.reference(x, parameters), parameters, x, _label("forward_propagation", SINGLE))
### END HIDDEN


# -- compute_cost ---------------------------------------------------------------------------

def _negative_cost(got: np.ndarray, want: np.ndarray):
    """A cross-entropy is never negative: a dropped minus sign, whatever else is wrong."""
    if float(got) < 0 < float(want):
        return tr("your cost is negative, and a cross-entropy never is: put the minus sign in front of the sum.",
                  "비용이 음수인데, 교차 엔트로피는 음수가 될 수 없습니다: 합 앞에 마이너스 부호를 붙이세요.")
    return None


def _cost_hints(a2: np.ndarray, y: np.ndarray) -> list:
    m = y.shape[1]
    return [hints.log10(), hints.times_m(m, tr("the cost", "비용")),
            hints.sign_flipped(tr("the cost has a minus sign in front of the sum.", "비용의 합 앞에 마이너스 부호가 있어야 합니다.")),
            hints.mistake(lambda: -np.sum(y * np.log(a2)) / m,
                          tr("the cost lacks the (1 - Y) * log(1 - A2) term, for the examples labelled 0.",
                             "비용에 레이블이 0인 예제를 위한 (1 - Y) * log(1 - A2) 항이 빠졌습니다.")),
            _negative_cost]


def _check_cost(got, want: float, a2: np.ndarray, y: np.ndarray, label) -> None:
    """The cost is the function's result, asked for as a number: a one-value array fails."""
    expect_type(got, (float, int, np.floating, np.integer, np.ndarray), label, tr("a float", "실수(float)"))
    expect_scalar(got, want, label, hints=_cost_hints(a2, y), array_accepted=False)


#: The public example's outputs: A2 of the fixed network on X.
A2 = _cache(PARAMETERS, X)["A2"]


@compute_cost.public("the cost of 4 outputs", "출력 4개의 비용")
def cost_example(t):
    _check_cost(t.call(A2, Y), t.expect("example", A2, Y), A2, Y, "compute_cost(A2, Y)")


### BEGIN HIDDEN
@st.composite
def outputs(draw, max_examples: int = 8) -> tuple[np.ndarray, np.ndarray]:
    """``(A2, Y)``: outputs in [0.01, 0.99] (a finite cost) and labels 0.0 / 1.0, of shape (1, m)."""
    m = draw(st.integers(1, max_examples))
    rng = np.random.default_rng(draw(st.integers(0, 2**32 - 1)))
    return rng.uniform(0.01, 0.99, (1, m)), (rng.random((1, m)) < 0.5).astype(float)


@compute_cost.hidden("random outputs and labels", "무작위 출력과 레이블", inputs=outputs(), max_examples=10)
def cost_random(t, case):
    a2, y = case
    _check_cost(t.call(a2, y), t.reference(a2, y), a2, y,
                tr("the cost of {m} output(s)", "출력 {m}개의 비용", m=y.shape[1]))


@compute_cost.hidden("a single example (m = 1), labelled 0", "레이블이 0인 예제 하나 (m = 1)")
def cost_single(t):
    a2, y = np.array([[0.8]]), np.array([[0.0]])
    _check_cost(t.call(a2, y), t.reference(a2, y), a2, y, "compute_cost(np.array([[0.8]]), np.array([[0.]]))")
### END HIDDEN


# -- backward_propagation -------------------------------------------------------------------

#: dZ1 written with another activation's derivative (or none), g'(Z1) from the hidden layer:
#: known mistakes, by their hint.
_WRONG_DERIVATIVES = (
    (dense.relu_derivative,
     tr("dZ1 uses the derivative of relu (Z1 > 0); the hidden layer is tanh, whose derivative is 1 - A1**2.",
        "dZ1에 relu의 도함수(Z1 > 0)를 썼습니다. 은닉층은 tanh이고, 그 도함수는 1 - A1**2입니다.")),
    (lambda layer: 1 - layer.z ** 2,
     tr("dZ1 uses 1 - Z1**2; the derivative of tanh is 1 - tanh(Z1)**2 = 1 - A1**2, written with A1.",
        "dZ1에 1 - Z1**2를 썼습니다. tanh의 도함수는 1 - tanh(Z1)**2 = 1 - A1**2로, A1으로 씁니다.")),
    (dense.sigmoid_derivative,
     tr("dZ1 uses the derivative of sigmoid, A1 * (1 - A1); the hidden layer is tanh: 1 - A1**2.",
        "dZ1에 sigmoid의 도함수 A1 * (1 - A1)를 썼습니다. 은닉층은 tanh이므로 1 - A1**2입니다.")),
    (lambda layer: 1 - layer.a,
     tr("dZ1 uses 1 - A1; the derivative of tanh is 1 - A1**2 (squared).",
        "dZ1에 1 - A1을 썼습니다. tanh의 도함수는 1 - A1**2(제곱)입니다.")),
    (lambda layer: np.ones_like(layer.a),
     tr("dZ1 lacks the derivative of tanh: dZ1 = np.dot(W2.T, dZ2) * (1 - A1**2).",
        "dZ1에 tanh의 도함수가 빠졌습니다: dZ1 = np.dot(W2.T, dZ2) * (1 - A1**2).")),
)


def _backward_hints(key: str, parameters: dict, x: np.ndarray, y: np.ndarray) -> list:
    m = x.shape[1]
    rules = [hints.times_m(m, key),
             hints.sign_flipped(tr("dZ2 = A2 - Y, not Y - A2.", "dZ2는 Y - A2가 아니라 A2 - Y입니다.")),
             hints.transposed()]
    if key in ("dW1", "db1"):
        layers = dense.forward(x, parameters, hidden=dense.tanh)
        rules += [hints.mistake(lambda d=derivative: dense.backward(layers, y, hidden=d)[key], text)
                  for derivative, text in _WRONG_DERIVATIVES]
    return rules


def _expect_bias_gradient(got, want: np.ndarray, key: str, m: int, rules: list) -> None:
    """db of ``want``'s shape (n, 1). A single number is accepted for an output layer of one
    unit (it updates b2 to the same (1, 1) array); for a wider layer it means the sum ran
    over every entry, not over the examples."""
    single = isinstance(got, (float, int, np.floating, np.integer)) or \
        (isinstance(got, np.ndarray) and got.size == 1 and got.shape != want.shape)
    if single and want.size == 1:
        value = as_number(got, key)
        expect_scalar(value, float(want.ravel()[0]), key, hints=rules)
        note(tr("{key} is a single number where an array of shape {shape} is expected (accepted: b - learning_rate * "
                "{key} gives the same array). np.sum(..., axis=1, keepdims=True) keeps the shape.",
                "{key} 값이 shape {shape}인 배열이 아니라 숫자 하나입니다 (b - learning_rate * {key}의 결과가 같으므로 인정). "
                "np.sum(..., axis=1, keepdims=True)로 shape을 유지할 수 있습니다.", key=key, shape=want.shape))
        return
    if single:
        raise CheckFailed(tr("{key} is a single number; expected an array of shape {shape}. Hint: np.sum without an "
                             "axis adds over the units too; sum over the examples only: np.sum(..., axis=1, keepdims=True).",
                             "{key} 값이 숫자 하나입니다. shape {shape}인 배열이어야 합니다. 힌트: axis 없는 np.sum은 유닛까지 "
                             "모두 더합니다. 예제에 대해서만 더하세요: np.sum(..., axis=1, keepdims=True).",
                             key=key, shape=want.shape))
    if isinstance(got, np.ndarray) and got.shape == (1, m) != want.shape:
        raise CheckFailed(tr("{key} has shape {got}; expected {want}. Hint: you summed over the units (axis=0); sum over "
                             "the examples, the columns: np.sum(..., axis=1, keepdims=True).",
                             "{key}의 shape이 {got}입니다. {want}이어야 합니다. 힌트: 유닛 방향(axis=0)으로 더했습니다. 예제, 즉 "
                             "열 방향으로 더하세요: np.sum(..., axis=1, keepdims=True).", key=key, got=got.shape,
                             want=want.shape))
    expect_array(got, want, key, shape_note=SHAPE_NOTES[key], hints=rules)


def _check_backward(got, want: dict, parameters: dict, x: np.ndarray, y: np.ndarray) -> None:
    grads = expect_keys(got, GRAD_KEYS, "grads")
    for key in ("dW2", "db2", "dW1", "db1"):  # in the order they are computed: the first wrong one is named
        rules = _backward_hints(key, parameters, x, y)
        if key.startswith("db"):
            _expect_bias_gradient(grads[key], want[key], key, x.shape[1], rules)
        else:
            expect_array(grads[key], want[key], key, shape_note=SHAPE_NOTES[key], hints=rules)


#: The public example's cache: the fixed network's forward pass on X.
CACHE = _cache(PARAMETERS, X)


@backward_propagation.public("grads of the network with 2 inputs, 3 hidden units, 4 examples",
                             "입력 2개, 은닉 유닛 3개, 예제 4개인 신경망의 grads")
def backward_example(t):
    _check_backward(t.call(PARAMETERS, CACHE, X, Y), t.expect("example", PARAMETERS, CACHE, X, Y), PARAMETERS, X, Y)


### BEGIN HIDDEN
from autograder.specs import gradients


def _reference_cache(t, network: Network) -> dict:
    return t.reference_of("forward_propagation")(network.X, network.parameters)[1]


@backward_propagation.hidden("random networks", "무작위 신경망", inputs=networks(), max_examples=10)
def backward_random(t, network):
    args = (network.parameters, _reference_cache(t, network), network.X, network.Y)
    _check_backward(t.call(*args), t.reference(*args), network.parameters, network.X, network.Y)


@backward_propagation.hidden("a single example (m = 1)", "예제 하나 (m = 1)")
def backward_single(t):
    args = (SINGLE.parameters, _reference_cache(t, SINGLE), SINGLE.X, SINGLE.Y)
    _check_backward(t.call(*args), t.reference(*args), SINGLE.parameters, SINGLE.X, SINGLE.Y)


_GRADIENT_FORMULAS = tr("dZ2 = A2 - Y, dW2 = (1/m) dZ2 A1^T, db2 = (1/m) sum of dZ2 over the examples, "
                        "dZ1 = W2^T dZ2 * (1 - A1**2), dW1 = (1/m) dZ1 X^T, db1 = (1/m) sum of dZ1 over the examples.",
                        "dZ2 = A2 - Y, dW2 = (1/m) dZ2 A1^T, db2 = (1/m) (dZ2를 예제에 대해 더한 값), "
                        "dZ1 = W2^T dZ2 * (1 - A1**2), dW1 = (1/m) dZ1 X^T, db1 = (1/m) (dZ1을 예제에 대해 더한 값).")


@backward_propagation.hidden("grads agree with a numerical gradient of the cost", "grads가 비용의 수치 기울기와 일치",
                             inputs=networks(max_width=4, max_examples=5), max_examples=5)
def backward_gradient(t, network):
    """The submission's backward pass, given the cache of the true forward pass, against
    central differences of the true cost (the reference forward pass and cost): only the
    function under test can be called while it is graded, and differentiating the
    specified cost keeps a mistake in forward_propagation or compute_cost out of this
    function's grade."""
    forward, cost = t.reference_of("forward_propagation"), t.reference_of("compute_cost")

    def cost_of(*values: np.ndarray) -> float:
        return cost(forward(network.X, dict(zip(PARAMETER_KEYS, values, strict=True)))[0], network.Y)

    arrays = [network.parameters[key] for key in PARAMETER_KEYS]
    numeric = gradients.numerical_gradients(cost_of, arrays, step=1e-4)
    grads = expect_keys(t.call(network.parameters, _reference_cache(t, network), network.X, network.Y),
                        GRAD_KEYS, "grads")
    analytic = [as_array(grads[key], key) for key in GRAD_KEYS]
    for key, value, parameter in zip(GRAD_KEYS, analytic, arrays, strict=True):
        if value.size != parameter.size:
            raise CheckFailed(tr("{key} has {got} entries; expected {want}, one per entry of {p}.",
                                 "{key}의 원소가 {got}개입니다. {p}의 원소마다 하나씩 {want}개여야 합니다.",
                                 key=key, got=value.size, want=parameter.size, p=key[1:]))
    gradients.expect_agreement(gradients.flat(*analytic), gradients.flat(*numeric), "dW1, db1, dW2, db2",
                               _GRADIENT_FORMULAS)
### END HIDDEN


# -- update_parameters ----------------------------------------------------------------------

def _update_hints(key: str, parameters: dict, grads: dict, learning_rate: float) -> list:
    return [hints.gradient_step(
        key, parameters[key], grads["d" + key], learning_rate,
        not_updated=tr("{key} was not updated: {key} = {key} - learning_rate * d{key}.",
                       "{key} 값이 갱신되지 않았습니다: {key} = {key} - learning_rate * d{key}.", key=key),
        other_rate=lambda rate: tr(
            "{key} moved by {rate:.6g} times d{key}; expected learning_rate = {lr:g} times: use the learning_rate "
            "argument, whose default is {lr:g} (keep the stub's default).",
            "{key} 값이 d{key}의 {rate:.6g}배만큼 움직였습니다. learning_rate = {lr:g}배여야 합니다: 기본값이 {lr:g}인 "
            "learning_rate 인자를 쓰세요 (스텁의 기본값을 그대로 두세요).", key=key, rate=rate, lr=learning_rate))]


def _check_update(got, want: dict, parameters: dict, grads: dict, learning_rate: float, label) -> None:
    updated = expect_keys(got, PARAMETER_KEYS, label)
    for key in PARAMETER_KEYS:
        expect_array(updated[key], want[key], key, shape_note=SHAPE_NOTES[key],
                     hints=_update_hints(key, parameters, grads, learning_rate))


GRADS = {"dW1": np.array([[0.02, -0.01], [0.005, 0.03], [-0.04, 0.01]]), "db1": np.array([[0.01], [-0.02], [0.003]]),
         "dW2": np.array([[-0.05, 0.02, 0.01]]), "db2": np.array([[0.04]])}


@update_parameters.public("one step with the default learning rate (1.2)", "기본 학습률(1.2)로 한 단계")
def update_default(t):
    _check_update(t.call(PARAMETERS, GRADS), t.expect("default", PARAMETERS, GRADS), PARAMETERS, GRADS, 1.2,
                  "update_parameters(parameters, grads)")


@update_parameters.public("one step with learning_rate=0.5", "learning_rate=0.5로 한 단계")
def update_given_rate(t):
    _check_update(t.call(PARAMETERS, GRADS, 0.5), t.expect("0.5", PARAMETERS, GRADS, 0.5), PARAMETERS, GRADS, 0.5,
                  "update_parameters(parameters, grads, 0.5)")


### BEGIN HIDDEN
@update_parameters.hidden("random parameters, gradients and learning rates", "무작위 파라미터, 기울기, 학습률",
                          inputs=st.tuples(networks(), st.integers(0, 2**32 - 1), st.sampled_from([0.01, 0.3, 2.0])),
                          max_examples=6)
def update_random(t, case):
    network, seed, learning_rate = case
    rng = np.random.default_rng(seed)
    grads = {"d" + key: rng.normal(size=value.shape) for key, value in network.parameters.items()}
    _check_update(t.call(network.parameters, grads, learning_rate),
                  t.reference(network.parameters, grads, learning_rate), network.parameters, grads, learning_rate,
                  _label(f"update_parameters (learning_rate={learning_rate})", network))
### END HIDDEN


# -- nn_model -------------------------------------------------------------------------------

#: np.random is seeded with this before each training, so the initialization is the same. It
#: is the seed the course's 2017 initialize_parameters set inside itself, so such a notebook's
#: own initialization matches in a student's self-check too.
SEED = 2

#: A small problem: 8 points of the plane, labelled by the sign of x1 * x2 (an XOR).
X_SMALL = np.array([[1.0, -1.2, 0.8, -0.5, 1.5, -1.1, 0.3, -0.9], [0.9, 1.1, -1.3, -0.7, 0.4, -0.2, 1.2, -1.4]])
Y_SMALL = (X_SMALL[0:1] * X_SMALL[1:2] > 0).astype(float)


def _seeded(fn, *args, **kwargs):
    """``fn(*args, **kwargs)`` right after ``np.random.seed(SEED)``: the initialization nn_model
    asks for draws from there (in the grader, the reference's; in a notebook, yours)."""
    np.random.seed(SEED)
    return fn(*args, **kwargs)


def _check_model(got, want: dict, label, model_hints=()) -> dict:
    parameters = expect_keys(got, PARAMETER_KEYS, label)
    for key in PARAMETER_KEYS:
        expect_array(parameters[key], want[key], key, rtol=1e-5, atol=1e-8, shape_note=SHAPE_NOTES[key],
                     hints=[h(key) for h in model_hints])
    return parameters


@nn_model.public("the trained parameters on a small problem (3 hidden units, 100 iterations), from a seeded "
                 "initialization", "작은 문제에서 학습된 파라미터 (은닉 유닛 3개, 100번 반복, 시드를 정한 초기화)")
def model_small(t):
    args = (X_SMALL, Y_SMALL, 3)
    want = _seeded(t.expect, "small", *args, num_iterations=100, print_cost=False)
    initial = _seeded(t.expect, "initial", *args, num_iterations=0, print_cost=False)
    one_step = _seeded(t.expect, "one-step", *args, num_iterations=1, print_cost=False)
    model_hints = (
        lambda key: hints.same_as(initial[key], tr(
            "{key} is still its initial value: in each iteration, parameters = update_parameters(parameters, grads).",
            "{key} 값이 아직 초기값입니다: 반복할 때마다 parameters = update_parameters(parameters, grads)로 갱신하세요.",
            key=key)),
        lambda key: hints.same_as(one_step[key], tr(
            "{key} is the result of a single step: return the parameters after the loop, not inside it.",
            "{key} 값이 한 단계만 갱신한 결과입니다: 반복문 안이 아니라 반복문이 끝난 뒤에 반환하세요.", key=key)),
        lambda key: lambda got, w: tr(
            "the parameters differ from a model trained from the same initialization (np.random seeded with {seed}). "
            "Hint: in each of the num_iterations iterations call forward_propagation, compute_cost, "
            "backward_propagation and update_parameters (default learning rate), each on the current parameters. In "
            "your notebook this check uses your initialize_parameters, so it assumes W1 then W2 drawn with "
            "np.random.randn as the stub says; the grader uses its own.",
            "같은 초기화(시드 {seed}로 정한 np.random)에서 학습한 모델과 파라미터가 다릅니다. 힌트: num_iterations번의 "
            "반복마다 현재 파라미터로 forward_propagation, compute_cost, backward_propagation, update_parameters(기본 "
            "학습률)를 호출하세요. 노트북에서는 이 검사가 여러분의 initialize_parameters를 쓰므로 스텁의 설명대로 "
            "np.random.randn으로 W1, 그다음 W2를 뽑는다고 가정합니다. 채점기는 자신의 초기화를 씁니다.", seed=SEED),
    )
    got = _seeded(t.call, *args, num_iterations=100, print_cost=False)
    w1 = got.get("W1") if isinstance(got, dict) else None
    if isinstance(w1, np.ndarray) and w1.shape == (4, 2):
        raise CheckFailed(tr("W1 has shape (4, 2): a hidden layer of 4 units, the n_h of layer_sizes; expected (3, 2) "
                             "for n_h = 3. Hint: take only n_x and n_y from layer_sizes; the hidden size is the argument "
                             "n_h.",
                             "W1의 shape이 (4, 2)입니다: layer_sizes의 n_h인 유닛 4개짜리 은닉층입니다. n_h = 3이므로 (3, 2)여야 "
                             "합니다. 힌트: layer_sizes에서는 n_x와 n_y만 가져오세요. 은닉층 크기는 인자 n_h입니다."))
    _check_model(got, want, "nn_model(X, Y, 3, num_iterations=100)", model_hints)


### BEGIN HIDDEN
from autograder.reference import fixed_random_state
from dlcheck.checks import GraderError
from dldata.planar import load_planar_dataset

#: Reference on the flower (np.random seeded with 2, 4 hidden units, 10000 iterations): 90.75 %
#: training accuracy (363 of 400). A correct nn_model starts from the same initialization
#: (the reference's, see reference_callees) and lands on the same parameters up to rounding;
#: the floor allows 3 misclassified points more (tests/autograder/specs measures the margin).
FLOWER_SEED = 2
FLOWER_ACCURACY_FLOOR = 90.0
#: The learner's training on the flower is compared step for step with the reference's over
#: FLOWER_STEPS iterations; the accuracy is then that of the reference's full training from
#: the same start, as for week 4's application (docs/grading.md says why that establishes
#: the same facts). With a wrong step function, nn_model is graded again with every step
#: answered by the grader: 10000 iterations of round trips took about 16 s, 500 take 1 s.
FLOWER_STEPS = 500
FLOWER_ITERATIONS = 10000
#: X_SMALL labelled by the sign of x1 + x2 (a line separates it): with 4 hidden units the
#: reference's cost falls from 0.693 to 0.018 in 30 steps; a fall of 0.3 is asked. (The XOR
#: labels would need 200 steps, each a round trip to the grader when callees are answered by
#: the reference.)
Y_LINE = (X_SMALL[0:1] + X_SMALL[1:2] > 0).astype(float)
COST_ITERATIONS = 30
COST_MARGIN = 0.3


def _trained(got, n_x: int, n_h: int, label) -> dict:
    """Trained parameters of the right shapes (before the reference computes with them)."""
    return initialization.expect_shapes(got, initialization.layer_shapes((n_x, n_h, 1), initialization.TWO_LAYER_SIZES), label)


def _cost_of(t, parameters: dict, x: np.ndarray, y: np.ndarray) -> float:
    """The cost of ``parameters`` on (x, y), by the reference forward pass and cost."""
    return t.reference_of("compute_cost")(t.reference_of("forward_propagation")(x, parameters)[0], y)


@nn_model.hidden("the cost falls by at least 0.3 over 30 iterations on 8 points a line separates",
                 "직선으로 나뉘는 점 8개에서 30번 반복하는 동안 비용이 0.3 이상 감소")
def model_cost_falls(t):
    initial = _seeded(t.reference_of("initialize_parameters"), 2, 4, 1)
    trained = _trained(_seeded(t.call, X_SMALL, Y_LINE, 4, num_iterations=COST_ITERATIONS, print_cost=False), 2, 4, "nn_model")
    before, after = _cost_of(t, initial, X_SMALL, Y_LINE), _cost_of(t, trained, X_SMALL, Y_LINE)
    if not after <= before - COST_MARGIN:
        raise CheckFailed(tr("the cost went from {before:.4f} to {after:.4f} over {n} iterations; expected it to fall by "
                             "at least {margin}. Hint: update the parameters in each iteration and use the updated ones "
                             "in the next.",
                             "{n}번 반복하는 동안 비용이 {before:.4f}에서 {after:.4f}까지 바뀌었습니다. {margin} 이상 줄어야 "
                             "합니다. 힌트: 반복할 때마다 파라미터를 갱신하고, 다음 반복에서 갱신된 값을 쓰세요.",
                             before=before, after=after, margin=COST_MARGIN, n=COST_ITERATIONS))


@nn_model.hidden("random problems and iteration counts", "무작위 문제와 반복 횟수",
                 inputs=st.tuples(networks(), st.sampled_from([1, 2, 7, 20])), max_examples=5)
def model_random(t, case):
    network, iterations = case
    n_h = network.parameters["W1"].shape[0]
    args = (network.X, network.Y, n_h)
    _check_model(_seeded(t.call, *args, num_iterations=iterations, print_cost=False),
                 _seeded(t.reference, *args, num_iterations=iterations, print_cost=False),
                 _label(f"nn_model ({iterations} iterations)", network))


@notebook.training("nn_model on the flower, from the reference's start")
def flower_training(reference_of):
    """The training accuracy of the reference's full training on the flower: recorded by release."""
    x, y = load_planar_dataset()
    with fixed_random_state(FLOWER_SEED):
        trained = reference_of("nn_model")(x, y, 4, num_iterations=FLOWER_ITERATIONS, print_cost=False)
    return {"train accuracy": 100.0 * float(np.mean(reference_of("predict")(trained, x) == y))}


@nn_model.hidden("trained on the flower: the reference's steps, then at least 90 % training accuracy (reference "
                 "90.75 %)", "꽃 데이터로 학습: 정답과 같은 단계, 끝까지 학습하면 훈련 정확도 90 % 이상 (참조 90.75 %)")
def model_flower(t):
    x, y = load_planar_dataset()
    label = tr("nn_model(X, Y, 4) on the flower, {n} iterations", "꽃 데이터에서 {n}번 반복한 nn_model(X, Y, 4)",
               n=FLOWER_STEPS)
    np.random.seed(FLOWER_SEED)  # the reference's initialize_parameters answers it, drawing from here
    got = _trained(t.call(x, y, 4, num_iterations=FLOWER_STEPS, print_cost=False), 2, 4, label)
    with fixed_random_state(FLOWER_SEED):
        want = t.reference(x, y, 4, num_iterations=FLOWER_STEPS, print_cost=False)
    _check_model(got, want, label)
    accuracy = t.trained(flower_training)["train accuracy"]  # recorded by release (autograder/trainings.py)
    if accuracy < FLOWER_ACCURACY_FLOOR:
        raise GraderError(f"the reference nn_model, trained for {FLOWER_ITERATIONS} iterations on the flower, reaches "
                          f"{accuracy:.2f} % training accuracy, below the floor {FLOWER_ACCURACY_FLOOR} %: the spec's "
                          "calibration no longer holds")
    note(tr("on the flower your nn_model takes the reference's steps ({n} iterations compared); trained for {total} "
            "iterations from the same start, it reaches {acc:.2f} % training accuracy.",
            "꽃 데이터에서 nn_model이 정답과 같은 단계를 밟습니다 ({n}번 반복 비교). 같은 시작점에서 {total}번 학습하면 "
            "훈련 정확도 {acc:.2f} %에 이릅니다.", n=FLOWER_STEPS, total=FLOWER_ITERATIONS, acc=accuracy),
         key="accuracy on the flower")
### END HIDDEN


# -- predict --------------------------------------------------------------------------------

def _check_predict(got, parameters: dict, x: np.ndarray, want: np.ndarray, label) -> None:
    if isinstance(got, np.ndarray) and got.shape == want.shape and got.dtype.kind in "biuf":
        values = got.astype(float)
        if got.dtype.kind == "f" and np.allclose(values, _cache(parameters, x)["A2"]) and not np.allclose(values, want):
            raise CheckFailed(tr("{label} returned the probabilities A2. Hint: threshold them: 1 where A2 > 0.5, else 0.",
                                 "{label}의 반환값이 확률 A2입니다. 힌트: A2 > 0.5인 곳은 1, 아니면 0으로 바꾸세요.",
                                 label=label))
        if np.array_equal(values, 1 - want):
            raise CheckFailed(tr("{label} has every label swapped. Hint: predict 1 where A2 > 0.5, else 0.",
                                 "{label}의 레이블이 모두 뒤바뀌었습니다. 힌트: A2 > 0.5인 곳은 1, 아니면 0으로 예측하세요.",
                                 label=label))
    expect_labels(got, want, label)


@predict.public("labels of the network with 2 inputs, 3 hidden units, 4 examples",
                "입력 2개, 은닉 유닛 3개, 예제 4개인 신경망의 레이블")
def predict_example(t):
    _check_predict(t.call(PARAMETERS, X), PARAMETERS, X, t.expect("example", PARAMETERS, X), "predict(parameters, X)")


### BEGIN HIDDEN
@predict.hidden("random networks", "무작위 신경망", inputs=networks(), max_examples=10)
def predict_random(t, network):
    parameters, x = network.parameters, network.X
    if np.min(np.abs(_cache(parameters, x)["A2"] - 0.5)) < 1e-9:  # a tie at exactly 0.5 is not a fair question
        return
    _check_predict(t.call(parameters, x), parameters, x, t.reference(parameters, x), _label("predict", network))


@predict.hidden("a single example (m = 1)", "예제 하나 (m = 1)")
def predict_single(t):
    parameters, x = SINGLE.parameters, SINGLE.X
    _check_predict(t.call(parameters, x), parameters, x, t.reference(parameters, x), _label("predict", SINGLE))
### END HIDDEN
