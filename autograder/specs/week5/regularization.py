"""Week 5, regularization: what is graded and how.

The network is the notebook's, LINEAR -> RELU -> LINEAR -> RELU -> LINEAR -> SIGMOID, on
parameters the grader draws (:func:`network`), with no ReLU input near its kink so that
numerical gradients are exact to rounding.

- ``compute_cost_with_regularization`` by its value, the reference's (it calls the given
  ``compute_cost`` of ``reg_utils``), with hints for the L2 term's usual slips (no 1/m,
  lambd/m for lambd/(2m), the biases penalized).
- ``backward_propagation_with_regularization`` and ``backward_propagation_with_dropout``
  by their six parameter gradients ``dW1`` ... ``db3`` (the only ones ``update_parameters``
  reads; ``dZ3`` and the ``dA`` are not asked for, the course itself returns them with and
  without 1/m): public checks against the reference's answers on fixed caches, hidden
  checks against numerical gradients (numdifftools) of the regularized cost, or of the
  cross-entropy cost with the cache's dropout masks held fixed, and the reference. The
  cost differentiated is the grader's (:func:`cost`), never the learner's: a wrong
  ``compute_cost_with_regularization`` costs only itself.
- ``forward_propagation_with_dropout`` by properties, never by the random numbers drawn,
  so any draw order, ``<`` or ``<=``, ``np.random.rand`` or ``default_rng`` keeps its points:
  the cache holds 14 items in the course's order; the masks ``D1``, ``D2`` have the shapes of
  ``A1``, ``A2`` and hold only 0 and 1; every value of the pass follows from the masks
  (``Z1 = W1 X + b1``: no dropout on the input; ``A1 = relu(Z1) * D1 / keep_prob``: inverted
  dropout; ``A3 = sigmoid(Z3)``: none on the output); on large layers each mask keeps a
  share of units within six standard errors of ``keep_prob``, and is not the same along every
  row or every column (one draw per unit and example); with ``keep_prob = 1`` nothing is dropped.

``model`` is given (the classic notebook gives it too): ``provided``, never graded. The
classic notebook's helper modules (``reg_utils``, ``testCases``, ``public_tests``) give no
graded function, so no ``given`` is declared.
"""

from __future__ import annotations

import numpy as np

from dlcheck.checks import CheckFailed, NotebookSpec
from dlcheck.compare import as_array, expect_array, expect_keys, expect_scalar, fmt, unpack
from dlcheck.hints import mistake
from dlcheck.text import Text, as_text, tr

notebook = NotebookSpec("week5/regularization", helpers=("reg_utils", "testCases", "public_tests", "test_utils"),
                        provided=("model",), classic_names=("Regularization", "W1A2"))
compute_cost_with_regularization = notebook.graded("compute_cost_with_regularization", points=1)
backward_propagation_with_regularization = notebook.graded("backward_propagation_with_regularization", points=2)
forward_propagation_with_dropout = notebook.graded("forward_propagation_with_dropout", points=2)
backward_propagation_with_dropout = notebook.graded("backward_propagation_with_dropout", points=2)

GRADIENTS = ("dW1", "db1", "dW2", "db2", "dW3", "db3")
CACHE = ("Z1", "D1", "A1", "W1", "b1", "Z2", "D2", "A2", "W2", "b2", "Z3", "A3", "W3", "b3")
#: A kept share further than this many standard errors from keep_prob is not chance (6 sigma: 1 in 5e8).
STANDARD_ERRORS = 6.0


# -- the grader's network ----------------------------------------------------------------

def _sigmoid(z: np.ndarray) -> np.ndarray:
    return 0.5 * (1.0 + np.tanh(0.5 * z))


def _relu(z: np.ndarray) -> np.ndarray:
    return np.maximum(z, 0)


def network(dims: list[int], m: int, seed: int, keep_prob: float = 1.0, kinks: bool = False):
    """``(X, Y, parameters, masks)``: a network of layer sizes ``dims`` (four of them) on ``m``
    examples, and dropout masks ``(D1, D2)`` (all ones for ``keep_prob = 1``), with every
    ReLU input at least 0.05 from 0 (a numerical step never crosses a kink; ``kinks=True``:
    any, for large layers whose gradients are not computed), every output between 0.001 and
    0.999 (there too, any: near a saturated sigmoid the log bends so sharply that central
    differences lose their digits; one output at 5e-8 put a right gradient 7.7e-7 from the
    numerical one, near the 1e-6 the checks allow), and both labels present when ``m > 1``."""
    rng = np.random.default_rng(seed)
    while True:
        x = rng.normal(size=(dims[0], m))
        params = {}
        for k in range(1, 4):
            params[f"W{k}"] = rng.normal(size=(dims[k], dims[k - 1])) / np.sqrt(dims[k - 1])
            params[f"b{k}"] = rng.normal(size=(dims[k], 1)) * 0.3
        masks = tuple((rng.random((dims[k], m)) < keep_prob).astype(int) for k in (1, 2))
        y = (rng.random((1, m)) < 0.5).astype(float)
        zs = forward(x, params, masks, keep_prob)
        away = kinks or min(np.min(np.abs(zs["Z1"])), np.min(np.abs(zs["Z2"]))) > 0.05
        unsaturated = kinks or np.all((zs["A3"] > 1e-3) & (zs["A3"] < 1 - 1e-3))
        if away and unsaturated and (m == 1 or 0 < y.sum() < m):
            return x, y, params, masks


def forward(x: np.ndarray, params: dict, masks=None, keep_prob: float = 1.0) -> dict:
    """Every value of the forward pass with the masks ``(D1, D2)`` held fixed (none: no dropout),
    by the names of the course's cache."""
    d1, d2 = masks if masks is not None else (np.ones((params["W1"].shape[0], 1)), np.ones((params["W2"].shape[0], 1)))
    v = {k: params[k] for k in ("W1", "b1", "W2", "b2", "W3", "b3")}
    v["Z1"] = params["W1"] @ x + params["b1"]
    v["A1"] = _relu(v["Z1"]) * d1 / keep_prob
    v["Z2"] = params["W2"] @ v["A1"] + params["b2"]
    v["A2"] = _relu(v["Z2"]) * d2 / keep_prob
    v["Z3"] = params["W3"] @ v["A2"] + params["b3"]
    v["A3"] = _sigmoid(v["Z3"])
    v["D1"], v["D2"] = d1, d2
    return v


def cache_without_dropout(x: np.ndarray, params: dict) -> tuple:
    """The cache of ``reg_utils.forward_propagation``: (Z1, A1, W1, b1, Z2, A2, W2, b2, Z3, A3, W3, b3)."""
    v = forward(x, params)
    return tuple(v[k] for k in CACHE if not k.startswith("D"))


def cache_with_dropout(x: np.ndarray, params: dict, masks, keep_prob: float) -> tuple:
    """The cache of ``forward_propagation_with_dropout`` for the masks ``(D1, D2)``."""
    v = forward(x, params, masks, keep_prob)
    return tuple(v[k] for k in CACHE)


def cost(x, y, params, lambd: float = 0.0, masks=None, keep_prob: float = 1.0) -> float:
    """The cross-entropy cost of the network (masks held fixed), plus lambd / (2m) times the
    squares of W1, W2, W3."""
    m = y.shape[1]
    a3 = forward(x, params, masks, keep_prob)["A3"]
    cross_entropy = -np.mean(y * np.log(a3) + (1 - y) * np.log(1 - a3))
    return float(cross_entropy + lambd / (2 * m) * sum(np.sum(params[f"W{k}"] ** 2) for k in (1, 2, 3)))


def _l2(params: dict) -> float:
    return float(sum(np.sum(np.square(params[f"W{k}"])) for k in (1, 2, 3)))


# -- compute_cost_with_regularization -----------------------------------------------------

def _cost_hints(y, params, lambd: float) -> list:
    """Hints naming the L2 term's usual slips, by the value they give."""
    m = y.shape[1]
    biases = float(sum(np.sum(np.square(params[f"b{k}"])) for k in (1, 2, 3)))

    def off_by(term: float, text: Text):
        return lambda got, want: text if lambd and np.isclose(float(got), float(want) + term, rtol=1e-9,
                                                               atol=1e-12) else None

    s = _l2(params)
    return [
        off_by(lambd / 2 * s - lambd / (2 * m) * s, tr(
            "the L2 term is m times too large: it is lambd / (2 * m) times the sum of the squares (did you forget the "
            "1/m?).", "L2 항이 m배 큽니다: 제곱의 합에 lambd / (2 * m)을 곱합니다 (1/m을 빠뜨리지 않았나요?).")),
        off_by(lambd / m * s - lambd / (2 * m) * s, tr(
            "the L2 term is twice too large: it is lambd / (2 * m), not lambd / m, times the sum of the squares.",
            "L2 항이 두 배 큽니다: 제곱의 합에 lambd / m이 아니라 lambd / (2 * m)을 곱합니다.")),
        off_by(-lambd / (2 * m) * s, tr(
            "this is the cross-entropy cost alone: add the L2 term, lambd / (2 * m) times the sum of the squares of "
            "W1, W2 and W3.", "교차 엔트로피 비용뿐입니다: L2 항, 즉 lambd / (2 * m) 곱하기 W1, W2, W3의 제곱의 합을 "
            "더하세요.")),
        off_by(lambd / (2 * m) * biases, tr(
            "the biases are penalized too: the L2 term sums the squares of W1, W2 and W3 only.",
            "편향에도 벌점을 주었습니다: L2 항은 W1, W2, W3의 제곱만 더합니다.")),
    ]


def check_cost(t, x, y, params, lambd: float, want: float, label: Text | str) -> None:
    a3 = forward(x, params)["A3"]
    expect_scalar(t.call(a3, y, params, lambd), want, label, rtol=1e-9, atol=1e-12, array_accepted=False,
                  hints=_cost_hints(y, params, lambd))


@compute_cost_with_regularization.public("m = 5, lambd = 0.1: the cross-entropy cost plus the L2 term",
                                         "m = 5, lambd = 0.1: 교차 엔트로피 비용 더하기 L2 항")
def cost_example(t):
    x, y, params, _ = network([3, 2, 3, 1], 5, seed=1)
    a3 = forward(x, params)["A3"]
    check_cost(t, x, y, params, 0.1, t.expect("m5", a3, y, params, 0.1),
               "compute_cost_with_regularization(A3, Y, parameters, lambd=0.1) (m = 5)")


@compute_cost_with_regularization.public("the notebook's network [2, 20, 3, 1], m = 8, lambd = 0.7",
                                         "노트북의 신경망 [2, 20, 3, 1], m = 8, lambd = 0.7")
def cost_notebook_network(t):
    x, y, params, _ = network([2, 20, 3, 1], 8, seed=2)
    a3 = forward(x, params)["A3"]
    check_cost(t, x, y, params, 0.7, t.expect("notebook", a3, y, params, 0.7),
               "compute_cost_with_regularization(A3, Y, parameters, lambd=0.7) (m = 8)")


# -- the backward passes ------------------------------------------------------------------

def _gradients(got, label: Text | str) -> dict:
    return expect_keys(got, GRADIENTS, label)


def expect_gradients(got, want: dict, label: Text | str, hints: dict | None = None) -> None:
    """The six parameter gradients of ``got`` must be ``want``'s, each of its parameter's shape."""
    label = as_text(label)
    grads = _gradients(got, label)
    for key in GRADIENTS:
        name = tr("{key} of {label}", "{label}의 {key}", key=key, label=label)
        expect_array(grads[key], want[key], name, shape_note=tr("= the shape of {p}", "= {p}의 shape", p=key[1:]),
                     hints=(hints or {}).get(key, ()))


def _l2_hints(params: dict, lambd: float, m: int, plain: dict) -> dict:
    """For each dW: the gradient without the L2 term, with lambd * W (no 1/m), or lambd / (2m) * W."""
    out = {}
    for k in (1, 2, 3):
        w, base = params[f"W{k}"], plain[f"dW{k}"]
        out[f"dW{k}"] = [
            mistake(lambda base=base: base, tr(
                "dW{l} lacks the L2 term's gradient: add lambd / m * W{l}.",
                "dW{l}에 L2 항의 기울기가 없습니다: lambd / m * W{l}을 더하세요.", l=k)),
            mistake(lambda base=base, w=w: base + lambd * w, tr(
                "dW{l}'s L2 term is m times too large: it is lambd / m * W{l}.",
                "dW{l}의 L2 항이 m배 큽니다: lambd / m * W{l}입니다.", l=k)),
            mistake(lambda base=base, w=w: base + lambd / (2 * m) * w, tr(
                "dW{l}'s L2 term is half what it should be: the derivative of lambd / (2m) * W{l}**2 is "
                "lambd / m * W{l}.", "dW{l}의 L2 항이 절반입니다: lambd / (2m) * W{l}**2의 도함수는 lambd / m * W{l}입니다.",
                l=k)),
        ]
    return out


def plain_gradients(x, y, params, masks=None, keep_prob: float = 1.0, lambd: float = 0.0) -> dict:
    """The exact gradients of :func:`cost` (the grader's own backward pass, for hints and tests)."""
    v = forward(x, params, masks, keep_prob)
    m = y.shape[1]
    d1, d2 = (v["D1"], v["D2"])
    dz3 = v["A3"] - y
    g = {"dW3": dz3 @ v["A2"].T / m + lambd / m * params["W3"], "db3": dz3.sum(axis=1, keepdims=True) / m}
    dz2 = (params["W3"].T @ dz3) * d2 / keep_prob * (v["Z2"] > 0)
    g["dW2"], g["db2"] = dz2 @ v["A1"].T / m + lambd / m * params["W2"], dz2.sum(axis=1, keepdims=True) / m
    dz1 = (params["W2"].T @ dz2) * d1 / keep_prob * (v["Z1"] > 0)
    g["dW1"], g["db1"] = dz1 @ x.T / m + lambd / m * params["W1"], dz1.sum(axis=1, keepdims=True) / m
    return g


def check_l2_backward(t, x, y, params, lambd: float, want: dict, label: Text | str) -> None:
    got = t.call(x, y, cache_without_dropout(x, params), lambd)
    expect_gradients(got, want, label, _l2_hints(params, lambd, y.shape[1], plain_gradients(x, y, params)))


@backward_propagation_with_regularization.public("m = 5, lambd = 0.7: the six gradients dW1 ... db3",
                                                 "m = 5, lambd = 0.7: 기울기 여섯 개 dW1 ... db3")
def l2_backward_example(t):
    x, y, params, _ = network([3, 2, 3, 1], 5, seed=1)
    cache = cache_without_dropout(x, params)
    check_l2_backward(t, x, y, params, 0.7, t.expect("m5", x, y, cache, 0.7),
                      "backward_propagation_with_regularization(X, Y, cache, lambd=0.7) (m = 5)")


def _dropout_hints(x, y, params, masks, keep_prob: float) -> dict:
    """For each gradient: the values of a backward pass without 1 / keep_prob, or that lets
    the dropped units through (its ReLU derivative from Z, no mask)."""
    m = y.shape[1]
    v = forward(x, params, masks, keep_prob)

    def without(scale: bool, mask: bool) -> dict:
        dz3 = v["A3"] - y
        g = {"dW3": dz3 @ v["A2"].T / m, "db3": dz3.sum(axis=1, keepdims=True) / m}
        da2 = params["W3"].T @ dz3 * (masks[1] if mask else 1) / (keep_prob if scale else 1)
        dz2 = da2 * (v["Z2"] > 0)
        g["dW2"], g["db2"] = dz2 @ v["A1"].T / m, dz2.sum(axis=1, keepdims=True) / m
        da1 = params["W2"].T @ dz2 * (masks[0] if mask else 1) / (keep_prob if scale else 1)
        dz1 = da1 * (v["Z1"] > 0)
        g["dW1"], g["db1"] = dz1 @ x.T / m, dz1.sum(axis=1, keepdims=True) / m
        return g

    unscaled, unmasked = without(False, True), without(True, False)
    return {key: [mistake(lambda key=key: unscaled[key], tr(
                      "{key} is what a backward pass gives without dividing dA1 and dA2 by keep_prob: the forward pass "
                      "scaled the kept units by 1 / keep_prob, so their gradients are scaled too.",
                      "{key} 값이 dA1과 dA2를 keep_prob로 나누지 않은 역전파의 값입니다: 순전파가 남은 유닛에 "
                      "1 / keep_prob를 곱했으므로 기울기에도 곱해집니다.", key=key)),
                  mistake(lambda key=key: unmasked[key], tr(
                      "{key} lets the gradient through the units that dropout shut down: multiply dA2 by D2 and dA1 "
                      "by D1, the masks of the cache.",
                      "{key} 계산에서 드롭아웃이 끈 유닛으로도 기울기가 흐릅니다: dA2에 D2를, dA1에 D1을 (캐시의 "
                      "마스크를) 곱하세요.", key=key))]
            for key in GRADIENTS if key not in ("dW3", "db3")}


def check_dropout_backward(t, x, y, params, masks, keep_prob: float, want: dict, label: Text | str) -> None:
    got = t.call(x, y, cache_with_dropout(x, params, masks, keep_prob), keep_prob)
    expect_gradients(got, want, label, _dropout_hints(x, y, params, masks, keep_prob))


@backward_propagation_with_dropout.public("m = 5, keep_prob = 0.8, masks given in the cache: the six gradients",
                                          "m = 5, keep_prob = 0.8, 캐시에 주어진 마스크: 기울기 여섯 개")
def dropout_backward_example(t):
    x, y, params, masks = network([3, 2, 3, 1], 5, seed=3, keep_prob=0.8)
    cache = cache_with_dropout(x, params, masks, 0.8)
    check_dropout_backward(t, x, y, params, masks, 0.8, t.expect("m5", x, y, cache, 0.8),
                           "backward_propagation_with_dropout(X, Y, cache, keep_prob=0.8) (m = 5)")


@backward_propagation_with_dropout.public("the notebook's network [2, 20, 3, 1], m = 10, keep_prob = 0.86",
                                          "노트북의 신경망 [2, 20, 3, 1], m = 10, keep_prob = 0.86")
def dropout_backward_notebook(t):
    x, y, params, masks = network([2, 20, 3, 1], 10, seed=4, keep_prob=0.86)
    cache = cache_with_dropout(x, params, masks, 0.86)
    check_dropout_backward(t, x, y, params, masks, 0.86, t.expect("notebook", x, y, cache, 0.86),
                           "backward_propagation_with_dropout(X, Y, cache, keep_prob=0.86) (m = 10)")


# -- forward_propagation_with_dropout -------------------------------------------------------

def _fail(en: str, ko: str, **values) -> None:
    raise CheckFailed(tr(en, ko, **values))


def _mask(value, name: str, shape: tuple, label: Text) -> np.ndarray:
    """A mask of the cache: an array of ``shape`` holding 0 and 1 only (booleans are fine)."""
    mask = as_array(value, tr("{name} (the cache's mask) of {label}", "{label}의 {name} (캐시의 마스크)",
                              name=name, label=label))
    if mask.shape != shape:
        _fail("{name} in the cache of {label} has shape {got}; expected {want}, the shape of A{l} (one draw per unit "
              "and example: np.random.rand(A{l}.shape[0], A{l}.shape[1])).",
              "{label}의 캐시에 있는 {name}의 shape이 {got}입니다. A{l}의 shape인 {want}여야 합니다 (유닛과 예제마다 한 "
              "번씩 뽑기: np.random.rand(A{l}.shape[0], A{l}.shape[1])).",
              name=name, label=label, got=mask.shape, want=shape, l=name[1])
    values = np.asarray(mask, dtype=float)
    if not np.all((values == 0) | (values == 1)):
        _fail("{name} in the cache of {label} holds values other than 0 and 1 ({some}): store the mask, "
              "(D < keep_prob).astype(int), not the uniform numbers it was drawn from.",
              "{label}의 캐시에 있는 {name}에 0과 1이 아닌 값이 있습니다 ({some}): 뽑은 균등 난수가 아니라 마스크 "
              "(D < keep_prob).astype(int)를 저장하세요.", name=name, label=label, some=fmt(values[(values != 0) & (values != 1)]))
    return values


def _dropout_pass(t, x, params, keep_prob, label: Text, *, default: bool = False) -> dict:
    """Call the function, check its cache's structure and that every value follows from its
    own masks; return the cache's values by name."""
    got = t.call(x, params) if default else t.call(x, params, keep_prob)
    a3, cache = unpack(got, 2, label, "A3, cache")
    cache = unpack(cache, 14, tr("the cache of {label}", "{label}의 캐시", label=label),
                   "Z1, D1, A1, W1, b1, Z2, D2, A2, W2, b2, Z3, A3, W3, b3")
    got_values = dict(zip(CACHE, cache, strict=True))
    m = x.shape[1]
    d1 = _mask(got_values["D1"], "D1", (params["W1"].shape[0], m), label)
    d2 = _mask(got_values["D2"], "D2", (params["W2"].shape[0], m), label)
    want = forward(x, params, (d1, d2), keep_prob)
    z1 = want["Z1"]
    what = {
        "Z1": tr("Z1 = W1 X + b1: dropout never touches the input X.", "Z1 = W1 X + b1: 드롭아웃은 입력 X를 건드리지 않습니다."),
        "A1": tr("A1 = relu(Z1) * D1 / keep_prob, after dropout: the kept units are divided by keep_prob (inverted "
                 "dropout).", "A1 = relu(Z1) * D1 / keep_prob (드롭아웃 뒤): 남은 유닛을 keep_prob로 나눕니다 (역 드롭아웃)."),
        "Z2": tr("Z2 = W2 A1 + b2, with A1 after dropout.", "Z2 = W2 A1 + b2 (드롭아웃 뒤의 A1로)."),
        "A2": tr("A2 = relu(Z2) * D2 / keep_prob, after dropout: the kept units are divided by keep_prob (inverted "
                 "dropout).", "A2 = relu(Z2) * D2 / keep_prob (드롭아웃 뒤): 남은 유닛을 keep_prob로 나눕니다 (역 드롭아웃)."),
        "Z3": tr("Z3 = W3 A2 + b3, with A2 after dropout.", "Z3 = W3 A2 + b3 (드롭아웃 뒤의 A2로)."),
        "A3": tr("A3 = sigmoid(Z3): the output layer is never dropped.", "A3 = sigmoid(Z3): 출력층은 끄지 않습니다."),
    }
    known = {
        "A1": [mistake(lambda: _relu(z1) * d1, tr("A1 is relu(Z1) * D1, not divided by keep_prob: divide the kept "
                                                  "units by keep_prob (inverted dropout), so their expected value stays.",
                                                  "A1이 keep_prob로 나누지 않은 relu(Z1) * D1입니다: 남은 유닛을 keep_prob로 "
                                                  "나누어야 (역 드롭아웃) 기댓값이 유지됩니다.")),
               mistake(lambda: _relu(z1), tr("A1 in the cache is relu(Z1), before dropout: store A1 after the mask and "
                                             "the division by keep_prob.", "캐시의 A1이 드롭아웃 전의 relu(Z1)입니다: "
                                             "마스크를 곱하고 keep_prob로 나눈 뒤의 A1을 저장하세요."))],
    }
    for key in ("Z1", "A1", "Z2", "A2", "Z3", "A3"):
        value = a3 if key == "A3" else got_values[key]
        expect_array(value, want[key], tr("{key} of {label}", "{label}의 {key}", key=key, label=label),
                     hints=[*known.get(key, ()), lambda g, w, key=key: what[key]])
    expect_array(got_values["A3"], want["A3"], tr("the cache's A3 of {label}", "{label}의 캐시의 A3", label=label))
    for key in ("W1", "b1", "W2", "b2", "W3", "b3"):
        expect_array(got_values[key], params[key], tr("{key} in the cache of {label}", "{label}의 캐시의 {key}",
                                                      key=key, label=label))
    return {**got_values, "D1": d1, "D2": d2}


def _expect_share(mask: np.ndarray, keep_prob: float, name: str, label: Text) -> None:
    """A large mask must be drawn per unit and per example (not every row, nor every column,
    the same), and keep a share of ones equal to keep_prob, up to chance."""
    if keep_prob < 1 and (np.all(mask == mask[:, :1]) or np.all(mask == mask[:1, :])):
        _fail("{name} of {label} is the same along every row or every column: draw one number per unit and per "
              "example, np.random.rand(A.shape[0], A.shape[1]), not one per unit or per example.",
              "{label}의 {name} 마스크가 모든 행 또는 모든 열을 따라 같습니다: 유닛 하나, 예제 하나마다 숫자 하나를 "
              "뽑으세요 (np.random.rand(A.shape[0], A.shape[1])). 유닛마다나 예제마다 하나가 아닙니다.",
              name=name, label=label)
    share = float(mask.mean())
    tolerance = STANDARD_ERRORS * np.sqrt(keep_prob * (1 - keep_prob) / mask.size)
    if abs(share - keep_prob) > tolerance:
        hint = tr(" Hint: that is 1 - keep_prob: keep the units whose number is below keep_prob "
                  "(np.random.rand(...) < keep_prob).",
                  " 힌트: 1 - keep_prob입니다: 난수가 keep_prob보다 작은 유닛을 남기세요 "
                  "(np.random.rand(...) < keep_prob).") if abs(share - (1 - keep_prob)) <= tolerance else ""
        _fail("{name} of {label} keeps {share:.2%} of the units; with keep_prob = {p:g} on {n} units, expected "
              "{p:.0%} within {tol:.1%}.{hint}",
              "{label}의 {name} 마스크가 유닛의 {share:.2%}를 남깁니다. 유닛 {n}개에서 keep_prob = {p:g}이면 {p:.0%}에서 "
              "{tol:.1%} 이내여야 합니다.{hint}", name=name, label=label, share=share, p=keep_prob, n=mask.size,
              tol=tolerance, hint=hint)


def _wide(seed: int):
    """Large hidden layers (300 and 200 units, 200 examples: 100000 mask entries)."""
    return network([4, 300, 200, 1], 200, seed=seed, kinks=True)[:3]


@forward_propagation_with_dropout.public("m = 5, keep_prob = 0.7: the cache's masks, and every value of the pass "
                                         "follows from them (inverted dropout, no dropout on the input or output)",
                                         "m = 5, keep_prob = 0.7: 캐시의 마스크, 그리고 순전파의 모든 값이 그 마스크에서 "
                                         "나옴 (역 드롭아웃, 입력과 출력에는 드롭아웃 없음)")
def dropout_forward_small(t):
    x, _, params, _ = network([3, 2, 3, 1], 5, seed=1)
    _dropout_pass(t, x, params, 0.7, as_text("forward_propagation_with_dropout(X, parameters, keep_prob=0.7) (m = 5)"))


@forward_propagation_with_dropout.public("layers of 300 and 200 units, m = 200, keep_prob = 0.8: each mask keeps about "
                                         "80 % of the units, drawn per unit and example",
                                         "300개와 200개 유닛의 층, m = 200, keep_prob = 0.8: 각 마스크가 유닛과 예제마다 "
                                         "뽑아 약 80 %의 유닛을 남김")
def dropout_forward_share(t):
    x, _, params = _wide(seed=5)
    label = as_text("forward_propagation_with_dropout(X, parameters, keep_prob=0.8) (layers of 300 and 200 units)")
    values = _dropout_pass(t, x, params, 0.8, label)
    for name in ("D1", "D2"):
        _expect_share(values[name], 0.8, name, label)


### BEGIN HIDDEN
from hypothesis import strategies as st

from autograder.specs import gradients


@st.composite
def _problems(draw):
    """``(dims, m, seed)``: a small network of four layer sizes on m examples."""
    dims = [draw(st.integers(1, 4)), draw(st.integers(1, 6)), draw(st.integers(1, 4)), 1]
    return dims, draw(st.integers(1, 7)), draw(st.integers(0, 2**32 - 1))


_LAMBDAS = st.sampled_from([0.0, 0.01, 0.1, 0.7, 1.0, 3.5])
_KEEP = st.sampled_from([0.5, 0.6, 0.75, 0.86, 0.9, 1.0])


@compute_cost_with_regularization.hidden("random networks and lambdas: the reference's cost",
                                         "무작위 신경망과 lambda: 참조 구현의 비용",
                                         inputs=st.tuples(_problems(), _LAMBDAS), max_examples=10)
def cost_random(t, case):
    (dims, m, seed), lambd = case
    x, y, params, _ = network(dims, m, seed)
    a3 = forward(x, params)["A3"]
    check_cost(t, x, y, params, lambd, t.reference(a3, y, params, lambd),
               tr("compute_cost_with_regularization on layers {d}, m = {m}, lambd = {l:g}",
                  "층 {d}, m = {m}, lambd = {l:g}에서의 compute_cost_with_regularization", d=dims, m=m, l=lambd))


def _gradient_agreement(got, x, y, params, label: Text, *, lambd: float = 0.0, masks=None,
                        keep_prob: float = 1.0, formula: Text) -> None:
    grads = _gradients(got, label)
    keys = ("W1", "b1", "W2", "b2", "W3", "b3")
    numeric = gradients.numerical_gradients(
        lambda *arrays: cost(x, y, dict(zip(keys, arrays, strict=True)), lambd, masks, keep_prob), [params[k] for k in keys])
    for key, num in zip(keys, numeric, strict=True):
        analytic = as_array(grads[f"d{key}"], tr("d{key} of {label}", "{label}의 d{key}", key=key, label=label))
        if analytic.shape != num.shape:
            expect_array(analytic, num, tr("d{key} of {label}", "{label}의 d{key}", key=key, label=label))
        gradients.expect_agreement(np.asarray(analytic, dtype=float).ravel(), num.ravel(),
                                   tr("d{key} of {label}", "{label}의 d{key}", key=key, label=label), formula)


_L2_FORMULA = tr("dW = (1/m) dZ A_prev.T + (lambd / m) W, the derivative of the cost with the L2 term; db has no L2 "
                 "term.", "dW = (1/m) dZ A_prev.T + (lambd / m) W (L2 항이 있는 비용의 도함수). db에는 L2 항이 없습니다.")
_DROPOUT_FORMULA = tr("after dA2 = W3.T dZ3, multiply by D2 and divide by keep_prob (the same for dA1 with D1), as the "
                      "forward pass did.", "dA2 = W3.T dZ3 다음에, 순전파에서처럼 D2를 곱하고 keep_prob로 나누세요 "
                      "(dA1은 D1로 똑같이).")


@backward_propagation_with_regularization.hidden("random networks and lambdas: the numerical gradients of the "
                                                 "regularized cost, and the reference's",
                                                 "무작위 신경망과 lambda: 정규화된 비용의 수치 기울기, 그리고 참조 구현",
                                                 inputs=st.tuples(_problems(), _LAMBDAS), max_examples=8)
def l2_backward_random(t, case):
    (dims, m, seed), lambd = case
    x, y, params, _ = network(dims, m, seed)
    label = tr("backward_propagation_with_regularization on layers {d}, m = {m}, lambd = {l:g}",
               "층 {d}, m = {m}, lambd = {l:g}에서의 backward_propagation_with_regularization", d=dims, m=m, l=lambd)
    cache = cache_without_dropout(x, params)
    got = t.call(x, y, cache, lambd)
    _gradient_agreement(got, x, y, params, label, lambd=lambd, formula=_L2_FORMULA)
    expect_gradients(got, t.reference(x, y, cache, lambd), label,
                     _l2_hints(params, lambd, m, plain_gradients(x, y, params)))


@backward_propagation_with_dropout.hidden("random networks, masks and keep_prob: the numerical gradients with the "
                                          "masks held fixed, and the reference's",
                                          "무작위 신경망, 마스크, keep_prob: 마스크를 고정한 수치 기울기, 그리고 참조 구현",
                                          inputs=st.tuples(_problems(), _KEEP), max_examples=8)
def dropout_backward_random(t, case):
    (dims, m, seed), keep_prob = case
    x, y, params, masks = network(dims, m, seed, keep_prob)
    label = tr("backward_propagation_with_dropout on layers {d}, m = {m}, keep_prob = {p:g}",
               "층 {d}, m = {m}, keep_prob = {p:g}에서의 backward_propagation_with_dropout", d=dims, m=m, p=keep_prob)
    cache = cache_with_dropout(x, params, masks, keep_prob)
    got = t.call(x, y, cache, keep_prob)
    _gradient_agreement(got, x, y, params, label, masks=masks, keep_prob=keep_prob, formula=_DROPOUT_FORMULA)
    expect_gradients(got, t.reference(x, y, cache, keep_prob), label, _dropout_hints(x, y, params, masks, keep_prob))


@forward_propagation_with_dropout.hidden("random small networks and keep_prob: the masks and the values that follow "
                                         "from them", "무작위 작은 신경망과 keep_prob: 마스크와 그로부터 나오는 값",
                                         inputs=st.tuples(_problems(), _KEEP), max_examples=8)
def dropout_forward_random(t, case):
    (dims, m, seed), keep_prob = case
    x, _, params, _ = network(dims, m, seed)
    _dropout_pass(t, x, params, keep_prob, tr("forward_propagation_with_dropout on layers {d}, m = {m}, keep_prob = "
                                              "{p:g}", "층 {d}, m = {m}, keep_prob = {p:g}에서의 "
                                              "forward_propagation_with_dropout", d=dims, m=m, p=keep_prob))


@forward_propagation_with_dropout.hidden("large layers with keep_prob 0.3, 0.86 and the default 0.5: the share of "
                                         "units kept", "큰 층에서 keep_prob 0.3, 0.86, 기본값 0.5: 남기는 유닛의 비율")
def dropout_forward_shares(t):
    x, _, params = _wide(seed=9)
    for keep_prob, default in ((0.3, False), (0.86, False), (0.5, True)):
        label = tr("forward_propagation_with_dropout(X, parameters{arg}) (layers of 300 and 200 units)",
                   "forward_propagation_with_dropout(X, parameters{arg}) (300개와 200개 유닛의 층)",
                   arg="" if default else f", keep_prob={keep_prob}")
        values = _dropout_pass(t, x, params, keep_prob, label, default=default)
        for name in ("D1", "D2"):
            _expect_share(values[name], keep_prob, name, label)


@forward_propagation_with_dropout.hidden("keep_prob = 1: nothing is dropped, the plain forward pass",
                                         "keep_prob = 1: 아무것도 끄지 않음, 보통의 순전파")
def dropout_forward_none(t):
    x, _, params = _wide(seed=10)
    label = as_text("forward_propagation_with_dropout(X, parameters, keep_prob=1.0)")
    values = _dropout_pass(t, x, params, 1.0, label)
    for name in ("D1", "D2"):
        _expect_share(values[name], 1.0, name, label)
### END HIDDEN
