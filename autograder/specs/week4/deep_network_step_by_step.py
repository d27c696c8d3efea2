"""Week 4, an L-layer network step by step: what is graded and how.

Forward functions are compared with the reference, caches entry by entry in their nested
structure; backward functions also against a numerical gradient of the reference forward
pass; random initialization by its properties (shapes, zero biases, scale, layers that do
not repeat each other), never by the random numbers it drew.
"""

from __future__ import annotations

import numpy as np

from dlcheck import dense, hints, initialization
from dlcheck.checks import CheckFailed, NotebookSpec, OldSignature, StudentRaised
from dlcheck.compare import as_array, describe, expect_array, expect_keys, expect_scalar, note, shape_of, unpack
from dlcheck.text import Text, as_text, tr

notebook = NotebookSpec("week4/deep_network_step_by_step",
                        helpers=("dnn_utils", "dnn_utils_v2", "testCases", "testCases_v4a", "public_tests"),
                        classic_names=("Building_your_Deep_Neural_Network_Step_by_Step", "W4A1"))
initialize_parameters = notebook.graded("initialize_parameters", points=1)
initialize_parameters_deep = notebook.graded("initialize_parameters_deep", points=1)
linear_forward = notebook.graded("linear_forward", points=1)
linear_activation_forward = notebook.graded("linear_activation_forward", points=1)
L_model_forward = notebook.graded("L_model_forward", points=2)
compute_cost = notebook.graded("compute_cost", points=1)
linear_backward = notebook.graded("linear_backward", points=1)
linear_activation_backward = notebook.graded("linear_activation_backward", points=1)
L_model_backward = notebook.graded("L_model_backward", points=2)
update_parameters = notebook.graded("update_parameters", points=1, old_signatures=[
    OldSignature(("parameters", "grads", "learning_rate"), {"parameters": lambda a: a["params"]})])


# -- fixed networks (the model is dlcheck.dense: relu layers, then sigmoid) -------------------

def _network(dims: list[int], m: int, seed: int) -> tuple[np.ndarray, np.ndarray, dict]:
    """``(X, Y, parameters)`` of a network of layer sizes ``dims`` on ``m`` examples: generic
    values (no ReLU input within 0.05 of its kink, so numerical gradients are exact)."""
    rng = np.random.default_rng(seed)
    while True:
        x = rng.normal(size=(dims[0], m))
        params = {}
        for l in range(1, len(dims)):
            params[f"W{l}"] = rng.normal(size=(dims[l], dims[l - 1])) / np.sqrt(dims[l - 1])
            params[f"b{l}"] = rng.normal(size=(dims[l], 1)) * 0.5
        if min(np.min(np.abs(layer.z)) for layer in dense.forward(x, params)) > 0.05:
            y = (rng.random((dims[-1], m)) > 0.5).astype(float)
            return x, y, params


def _copy(params: dict) -> dict:
    return {k: np.array(v, copy=True) for k, v in params.items()}


# -- caches ------------------------------------------------------------------------------

def _matches(got, want: np.ndarray) -> bool:
    return isinstance(got, np.ndarray) and got.shape == want.shape and np.allclose(got, want, rtol=1e-6, atol=1e-8)


def expect_linear_cache(got, want: tuple, label: Text | str) -> None:
    """``got`` must be the tuple ``(A_prev, W, b)`` of ``want``'s arrays, in that order; a
    missing or reordered entry is named."""
    names, label = ("A_prev", "W", "b"), as_text(label)
    if not isinstance(got, (tuple, list)):
        raise CheckFailed(tr("{label} is {kind}; expected the tuple (A_prev, W, b).",
                             "{label} 값이 {kind}입니다. 튜플 (A_prev, W, b)여야 합니다.", label=label, kind=describe(got)))
    found = [next((n for n, w in zip(names, want, strict=True) if _matches(g, w)), "?") for g in got]
    if len(got) != 3 or found != list(names):
        missing = [n for n in names if n not in found]
        what = (tr(" ({names} missing)", " ({names} 없음)", names=", ".join(missing)) if missing
                else tr(" (reordered)", " (순서가 바뀜)"))
        raise CheckFailed(tr("{label} holds ({found}){what}; expected (A_prev, W, b) in this order: the backward pass "
                             "reads it as `A_prev, W, b = cache`.",
                             "{label} 값이 ({found}){what}입니다. 이 순서의 (A_prev, W, b)여야 합니다: 역전파에서 "
                             "`A_prev, W, b = cache`로 읽습니다.", label=label, found=", ".join(found), what=what))


def expect_layer_cache(got, want: tuple, label: Text | str) -> None:
    """``got`` must be ``(linear_cache, activation_cache)`` = ``((A_prev, W, b), Z)``."""
    label = as_text(label)
    (a_prev, w, b), z = want
    if not isinstance(got, (tuple, list)) or len(got) != 2:
        raise CheckFailed(tr("{label} is {kind}; expected the tuple (linear_cache, activation_cache).",
                             "{label} 값이 {kind}입니다. 튜플 (linear_cache, activation_cache)여야 합니다.",
                             label=label, kind=describe(got)))
    if isinstance(got[0], np.ndarray) and isinstance(got[1], (tuple, list)):
        raise CheckFailed(tr("{label} holds (activation_cache, linear_cache); expected (linear_cache, activation_cache) "
                             "in this order.",
                             "{label} 값이 (activation_cache, linear_cache)입니다. 이 순서의 (linear_cache, "
                             "activation_cache)여야 합니다.", label=label))
    expect_linear_cache(got[0], (a_prev, w, b), tr("{label}[0] (linear_cache)", "{label}[0] (linear_cache)", label=label))
    expect_array(got[1], z, tr("{label}[1] (activation_cache)", "{label}[1] (activation_cache)", label=label), hints=[
        lambda g, z_: tr("activation_cache is Z, the cache that relu or sigmoid returned, not their output A.",
                         "activation_cache는 relu나 sigmoid가 반환한 cache인 Z입니다. 출력 A가 아닙니다.")
        if np.allclose(g, dense.relu(z_)) or np.allclose(g, dense.sigmoid(z_)) else None])


def _forward_hints(x: np.ndarray, params: dict) -> list:
    return [hints.mistake(lambda: dense.forward(x, params, output=dense.relu)[-1].a,
                          tr("the last layer went through relu: layer L uses sigmoid (layers 1 to L-1 use relu).",
                             "마지막 층이 relu를 지났습니다: L층은 sigmoid를 씁니다 (1층부터 L-1층까지 relu).")),
            hints.mistake(lambda: dense.forward(x, params, hidden=dense.sigmoid)[-1].a,
                          tr("the hidden layers went through sigmoid: layers 1 to L-1 use relu.",
                             "은닉층이 sigmoid를 지났습니다: 1층부터 L-1층까지 relu를 씁니다."))]


_LAYER_KEYS = {"KeyError": tr("the layers are numbered 1 to L: loop over range(1, L) for the relu layers and use "
                              "\"W\" + str(l); the last layer's keys are \"W\" + str(L) and \"b\" + str(L).",
                              "층 번호는 1부터 L까지입니다: relu 층은 range(1, L)로 돌고 \"W\" + str(l)을 쓰세요. 마지막 층의 "
                              "키는 \"W\" + str(L), \"b\" + str(L)입니다.")}


def _call(t, label, *args, raised=None):
    """``t.call`` with hints for exceptions a beginner meets here (KeyError of a layer key)."""
    try:
        return t.call(*args)
    except StudentRaised as exc:
        hint = (raised or {}).get(exc.type_name)
        if exc.type_name == "KeyError" and hint is not None and exc.message.strip("'\"")[:1] in "WbdA":
            where = f" ({exc.where})" if exc.where else ""
            raise CheckFailed(tr("{label} raised KeyError {key}{where}. Hint: {hint}",
                                 "{label}에서 KeyError {key} 예외가 발생했습니다{where}. 힌트: {hint}",
                                 label=as_text(label), key=exc.message, where=where, hint=hint)) from None
        raise


# -- initialization -----------------------------------------------------------------------

# initialize_parameters is week 3's function: one rule for both (dlcheck.initialization).
@initialize_parameters.public("shapes, zero biases and random weights for (n_x, n_h, n_y) = (3, 2, 1)",
                              "(n_x, n_h, n_y) = (3, 2, 1)에서의 shape, 0인 편향, 무작위 가중치")
def init_small(t):
    initialization.expect_initialize_parameters(t.call(3, 2, 1), (3, 2, 1), "initialize_parameters(3, 2, 1)")


@initialize_parameters.public("weights scaled by 0.01, drawn independently in each layer, for (300, 200, 100)",
                              "(300, 200, 100)에서 0.01 크기의, 층마다 따로 뽑은 가중치")
def init_scale(t):
    initialization.expect_initialize_parameters(t.call(300, 200, 100), (300, 200, 100),
                                                "initialize_parameters(300, 200, 100)", distribution=True)


#: The two scales of the deep initialization, each what one notebook asks for: this
#: course's, 1/sqrt(n_{l-1}) (the classic application notebook's helper uses it too: with
#: 0.01 the signal shrinks at every layer and L_layer_model barely trains), and the classic
#: step-by-step notebook's 0.01 (its own tests expect it, with seed 3). Either passes; the
#: note says which one the notebook handed in asks for.
ACCEPTED_SCALE = {
    False: Text("the weights are scaled by 0.01 (accepted: the classic course's convention); this notebook asks for "
              "1/sqrt(n_{l-1}).",
              "가중치의 크기가 0.01입니다 (고전 코스의 방식이므로 인정). 이 노트북은 1/sqrt(n_{l-1})을 요구합니다."),
    True: Text("the weights are scaled by 1/sqrt(n_{l-1}) (accepted: this course's convention, which the classic "
             "application notebook uses too); your notebook asks for 0.01.",
             "가중치의 크기가 1/sqrt(n_{l-1})입니다 (이 코스의 방식이며 고전 코스의 응용 노트북도 쓰므로 인정). "
             "여러분의 노트북은 0.01을 요구합니다."),
}


def _check_deep_init(t, dims: list[int], distribution: bool) -> None:
    """The rule of a random initialization (dlcheck.initialization) for layer sizes ``dims``:
    with ``distribution``, each layer's scale, 1/sqrt(n_{l-1}) or the accepted 0.01."""
    label = f"initialize_parameters_deep({dims})"
    params = t.call(list(dims))
    initialization.expect_layer_keys(params, dims, label)
    shapes = initialization.layer_shapes(dims, [f"n_{l}" for l in range(len(dims))])
    params = initialization.expect_shapes(params, shapes, label)
    initialization.expect_zero_biases(params, shapes)
    if distribution:
        for l in range(1, len(dims)):
            scales = {f"1/sqrt(n_{l - 1}) = 1/sqrt({dims[l - 1]})": 1 / np.sqrt(dims[l - 1]), "0.01": 0.01}
            if t.classic:  # the classic W4A1 asks for 0.01
                scales = dict(reversed(scales.items()))
            initialization.expect_normal_draws(params[f"W{l}"], scales, f"W{l}", accepted=ACCEPTED_SCALE[t.classic])
        for l in range(2, len(dims)):
            initialization.expect_independent(params[f"W{l - 1}"], params[f"W{l}"], (f"W{l - 1}", f"W{l}"))


@initialize_parameters_deep.public("shapes and zero biases for layer_dims = [5, 4, 3]",
                                   "layer_dims = [5, 4, 3]에서의 shape과 0인 편향")
def deep_init_small(t):
    _check_deep_init(t, [5, 4, 3], distribution=False)


@initialize_parameters_deep.public("weights scaled by 1/sqrt(n_{l-1}), independent layers, for [400, 300, 200, 100]",
                                   "[400, 300, 200, 100]에서 1/sqrt(n_{l-1}) 크기의, 서로 독립인 층의 가중치")
def deep_init_scale(t):
    _check_deep_init(t, [400, 300, 200, 100], distribution=True)


### BEGIN HIDDEN
from hypothesis import strategies as st

from autograder.specs import gradients

#: Layer sizes of random networks: 1 to 4 layers with parameters, widths 1 to 5 (so
#: n_h != n_x most of the time), one output unit, m = 1 to 5 examples (m = 1 included).
DEPTHS, WIDTHS, EXAMPLES = (1, 4), (1, 5), (1, 5)


@st.composite
def networks(draw, min_depth: int = DEPTHS[0]):
    """``(X, Y, parameters)`` of a random network (see :data:`DEPTHS`)."""
    depth = draw(st.integers(min_depth, DEPTHS[1]))
    dims = [draw(st.integers(*WIDTHS)) for _ in range(depth)] + [1]
    m = draw(st.integers(*EXAMPLES))
    return _network(dims, m, draw(st.integers(0, 2**32 - 1)))


#: Fixed cases besides the random ones, so each kind of network is always seen: three and
#: four layers of unequal widths, with a single example.
FIXED_NETWORKS = (([3, 4, 2, 1], 1, 1), ([2, 5, 3, 4, 1], 4, 2), ([6, 3, 1], 1, 3), ([4, 1], 3, 4))


@initialize_parameters.hidden("shapes and zero biases for random sizes", "무작위 크기에서의 shape과 0인 편향",
                              inputs=st.tuples(st.integers(1, 40), st.integers(1, 40), st.integers(1, 5)),
                              max_examples=6)
def init_random(t, sizes):
    initialization.expect_initialize_parameters(t.call(*sizes), sizes, f"initialize_parameters{sizes}")


@initialize_parameters_deep.hidden("shapes and zero biases for random depths and sizes",
                                   "무작위 깊이와 크기에서의 shape과 0인 편향",
                                   inputs=st.lists(st.integers(1, 30), min_size=2, max_size=6), max_examples=8)
def deep_init_random(t, dims):
    _check_deep_init(t, dims, distribution=False)


@initialize_parameters_deep.hidden("scale and independence for another network, [500, 64, 64, 64, 32]",
                                   "다른 신경망 [500, 64, 64, 64, 32]에서의 크기와 독립성")
def deep_init_other(t):
    _check_deep_init(t, [500, 64, 64, 64, 32], distribution=True)
### END HIDDEN


# -- linear_forward ---------------------------------------------------------------------

def _check_linear_forward(t, a, w, b, label) -> None:
    z, cache = unpack(t.call(a, w, b), 2, label, "Z, cache")
    expect_array(z, w @ a + b, "Z", shape_note="= (n_l, m)", hints=[
        hints.mistake(lambda: w @ a, tr("b is missing: Z = W A + b.", "b가 빠졌습니다: Z = W A + b.")),
        hints.mistake(lambda: w * a + b if w.shape == a.shape else None,
                      tr("W * A multiplies element by element; use np.dot(W, A).",
                         "W * A는 원소끼리 곱합니다. np.dot(W, A)를 쓰세요."))])
    expect_linear_cache(cache, (a, w, b), "cache")


@linear_forward.public("Z and cache on a small example", "작은 예제에서의 Z와 cache")
def linear_forward_example(t):
    rng = np.random.default_rng(1)
    a, w, b = rng.normal(size=(3, 2)), rng.normal(size=(1, 3)), rng.normal(size=(1, 1))
    _check_linear_forward(t, a, w, b, "linear_forward(A, W, b)")


@linear_forward.public("Z and cache with 4 units, 3 inputs and 5 examples", "유닛 4개, 입력 3개, 예제 5개에서의 Z와 cache")
def linear_forward_wide(t):
    rng = np.random.default_rng(2)
    a, w, b = rng.normal(size=(3, 5)), rng.normal(size=(4, 3)), rng.normal(size=(4, 1))
    _check_linear_forward(t, a, w, b, "linear_forward(A, W, b)")


### BEGIN HIDDEN
@st.composite
def layers(draw):
    """``(A_prev, W, b)`` of a random layer, and a gradient G of its output's shape."""
    n_prev, n, m = draw(st.integers(*WIDTHS)), draw(st.integers(*WIDTHS)), draw(st.integers(*EXAMPLES))
    rng = np.random.default_rng(draw(st.integers(0, 2**32 - 1)))
    while True:
        a, w, b = rng.normal(size=(n_prev, m)), rng.normal(size=(n, n_prev)), rng.normal(size=(n, 1))
        if np.min(np.abs(w @ a + b)) > 0.05:  # away from relu's kink
            return a, w, b, rng.normal(size=(n, m))


@linear_forward.hidden("Z and cache on random layers", "무작위 층에서의 Z와 cache", inputs=layers())
def linear_forward_random(t, layer):
    a, w, b, _ = layer
    _check_linear_forward(t, a, w, b, tr("linear_forward with A of shape {s}", "shape {s}인 A의 linear_forward",
                                         s=a.shape))
### END HIDDEN


# -- linear_activation_forward -----------------------------------------------------------

def _check_activation_forward(t, a, w, b, activation, label) -> None:
    z = w @ a + b
    want = dense.relu(z) if activation == "relu" else dense.sigmoid(z)
    other = dense.sigmoid(z) if activation == "relu" else dense.relu(z)
    got, cache = unpack(t.call(a, w, b, activation), 2, label, "A, cache")
    expect_array(got, want, "A", shape_note="= (n_l, m)", hints=[hints.same_as(other, tr(
        "this is the other activation: \"relu\" calls relu(Z), \"sigmoid\" calls sigmoid(Z).",
        "다른 활성화 함수의 결과입니다: \"relu\"이면 relu(Z), \"sigmoid\"이면 sigmoid(Z)를 호출하세요.")),
        hints.same_as(z, tr("A is Z: apply the activation to Z.", "A가 Z입니다: Z에 활성화 함수를 적용하세요."))])
    expect_layer_cache(cache, ((a, w, b), z), "cache")


@linear_activation_forward.public("A and cache with sigmoid and with relu", "sigmoid와 relu에서의 A와 cache")
def activation_forward_example(t):
    rng = np.random.default_rng(3)
    a, w, b = rng.normal(size=(3, 2)), rng.normal(size=(1, 3)), rng.normal(size=(1, 1))
    for activation in ("sigmoid", "relu"):
        _check_activation_forward(t, a, w, b, activation, f'linear_activation_forward(A_prev, W, b, "{activation}")')


### BEGIN HIDDEN
@linear_activation_forward.hidden("A and cache on random layers, both activations", "무작위 층에서 두 활성화 함수의 A와 cache",
                                  inputs=st.tuples(layers(), st.sampled_from(["relu", "sigmoid"])))
def activation_forward_random(t, case):
    (a, w, b, _), activation = case
    _check_activation_forward(t, a, w, b, activation, tr('linear_activation_forward(..., "{act}") with A_prev of shape {s}',
                                                          'shape {s}인 A_prev의 linear_activation_forward(..., "{act}")',
                                                          act=activation, s=a.shape))
### END HIDDEN


# -- L_model_forward ---------------------------------------------------------------------

def _check_model_forward(t, x, params, want, label) -> None:
    want_al, want_caches = want
    al, caches = unpack(_call(t, label, x, _copy(params), raised=_LAYER_KEYS), 2, label, "AL, caches")
    depth = len(params) // 2
    expect_array(al, want_al, "AL", shape_note="= (1, m)", hints=_forward_hints(x, params))
    if not isinstance(caches, (list, tuple)) or len(caches) != depth:
        raise CheckFailed(tr("caches is {kind}; expected a list of L = {L} caches, one per layer. Hint: append each "
                             "layer's cache, the last layer's too.",
                             "caches가 {kind}입니다. 층마다 하나씩, L = {L}개의 cache를 담은 list여야 합니다. 힌트: 마지막 층을 "
                             "포함해 각 층의 cache를 추가하세요.", kind=describe(caches), L=depth))
    for l in range(1, depth + 1):
        expect_layer_cache(caches[l - 1], want_caches[l - 1], tr("caches[{i}] (layer {l})", "caches[{i}] ({l}층)",
                                                                 i=l - 1, l=l))


@L_model_forward.public("AL and caches of a two-layer network", "2층 신경망의 AL과 caches")
def model_forward_two(t):
    x, _, params = _network([4, 3, 1], 5, seed=5)
    _check_model_forward(t, x, params, t.expect("two", x, params), "L_model_forward(X, parameters)")


@L_model_forward.public("AL and caches of a four-layer network of unequal widths", "너비가 다른 4층 신경망의 AL과 caches")
def model_forward_four(t):
    x, _, params = _network([5, 4, 3, 2, 1], 3, seed=6)
    _check_model_forward(t, x, params, t.expect("four", x, params), "L_model_forward(X, parameters)")


### BEGIN HIDDEN
@L_model_forward.hidden("fixed networks of 1 to 4 layers, m = 1 included", "1~4층의 고정된 신경망 (m = 1 포함)")
def model_forward_fixed(t):
    for dims, m, seed in FIXED_NETWORKS:
        x, _, params = _network(dims, m, seed)
        _check_model_forward(t, x, params, t.reference(x, params),
                             tr("L_model_forward on layers {d}, m = {m}", "층 {d}, m = {m}에서의 L_model_forward", d=dims, m=m))


@L_model_forward.hidden("random networks of 1 to 4 layers", "1~4층의 무작위 신경망", inputs=networks())
def model_forward_random(t, network):
    x, _, params = network
    _check_model_forward(t, x, params, t.reference(x, params),
                         tr("L_model_forward on X of shape {s}, {L} layers", "shape {s}인 X, {L}층의 L_model_forward",
                            s=x.shape, L=len(params) // 2))
### END HIDDEN


# -- compute_cost ------------------------------------------------------------------------

def _check_cost(t, al, y, want) -> None:
    """The cost is the function's result, asked for as a number ("not an array of shape
    (1, 1)"): a one-value array fails."""
    m = y.shape[1]
    expect_scalar(t.call(al, y), want, "cost", array_accepted=False, hints=[
        hints.log10(), hints.times_m(m, tr("the cost", "비용")),
        hints.sign_flipped(tr("the cost has a minus sign in front of the sum.", "비용의 합 앞에 마이너스 부호가 있어야 합니다."))])


@compute_cost.public("the cost of three predictions", "예측 세 개의 비용")
def cost_example(t):
    al, y = np.array([[0.8, 0.9, 0.4]]), np.array([[1.0, 1.0, 0.0]])
    _check_cost(t, al, y, t.expect("three", al, y))


### BEGIN HIDDEN
@st.composite
def predictions(draw):
    m = draw(st.integers(*EXAMPLES))
    rng = np.random.default_rng(draw(st.integers(0, 2**32 - 1)))
    return rng.uniform(0.02, 0.98, size=(1, m)), (rng.random((1, m)) > 0.5).astype(float)


@compute_cost.hidden("random predictions, m = 1 included", "무작위 예측 (m = 1 포함)", inputs=predictions())
def cost_random(t, case):
    al, y = case
    _check_cost(t, al, y, t.reference(al, y))
### END HIDDEN


# -- linear_backward ---------------------------------------------------------------------

def _grad_hints(m: int, what) -> list:
    return [hints.times_m(m, what), hints.transposed()]


def _check_linear_backward(t, dz, cache, label) -> None:
    a, w, b = cache
    m = a.shape[1]
    got = hints.call_explaining(t, label, dz, cache, raised=hints.keepdims("db"))
    da, dw, db = unpack(got, 3, label, "dA_prev, dW, db")
    if not isinstance(db, np.ndarray):
        raise CheckFailed(tr("db is {kind}; expected an array of shape {shape} = (n_l, 1). Hint: sum over the examples "
                             "only: np.sum(dZ, axis=1, keepdims=True) / m.",
                             "db가 {kind}입니다. shape {shape} = (n_l, 1)인 배열이어야 합니다. 힌트: 예제 방향으로만 더하세요: "
                             "np.sum(dZ, axis=1, keepdims=True) / m.", kind=describe(db), shape=b.shape))
    expect_array(dw, dz @ a.T / m, "dW", shape_note=shape_of("W"), hints=_grad_hints(m, "dW"))
    expect_array(db, dz.sum(axis=1, keepdims=True) / m, "db", shape_note=shape_of("b"), hints=_grad_hints(m, "db"))
    expect_array(da, w.T @ dz, "dA_prev", shape_note=shape_of("A_prev"), hints=[
        hints.ratio(1 / m, tr("dA_prev has no 1/m: dA_prev = W^T dZ (the 1/m belongs to dW and db only).",
                              "dA_prev에는 1/m이 없습니다: dA_prev = W^T dZ (1/m은 dW와 db에만 있습니다)."))])


@linear_backward.public("dA_prev, dW, db on a small example", "작은 예제에서의 dA_prev, dW, db")
def linear_backward_example(t):
    rng = np.random.default_rng(4)
    dz = rng.normal(size=(3, 4))
    cache = (rng.normal(size=(5, 4)), rng.normal(size=(3, 5)), rng.normal(size=(3, 1)))
    _check_linear_backward(t, dz, cache, "linear_backward(dZ, cache)")


### BEGIN HIDDEN
def _expect_layer_gradients(got, a, w, b, g, activation, label) -> None:
    """``(dA_prev, dW, db)`` must agree with a numerical gradient of
    F(A, W, b) = (1/m) sum(G * g(W A + b)): dW, db are dF/dW, dF/db; dA_prev is m dF/dA
    (the course's dA is per example)."""
    m = a.shape[1]
    act = {"relu": dense.relu, "sigmoid": dense.sigmoid}.get(activation, lambda z: z)
    n_da, n_dw, n_db = gradients.numerical_gradients(lambda a_, w_, b_: float(np.sum(g * act(w_ @ a_ + b_)) / m),
                                                     [a, w, b])
    da, dw, db = unpack(got, 3, label, "dA_prev, dW, db")
    analytic = gradients.flat(as_array(dw, "dW"), as_array(db, "db"), as_array(da, "dA_prev"))
    gradients.expect_agreement(analytic, gradients.flat(n_dw, n_db, m * n_da), "dW, db, dA_prev",
                               tr("dW = (1/m) dZ A_prev^T, db = (1/m) sum of dZ over the examples, dA_prev = W^T dZ.",
                                  "dW = (1/m) dZ A_prev^T, db = (1/m) 예제 방향 dZ의 합, dA_prev = W^T dZ."))


@linear_backward.hidden("random layers, against the reference", "무작위 층에서 참조 답안과 비교", inputs=layers())
def linear_backward_random(t, layer):
    a, w, b, g = layer
    _check_linear_backward(t, g, (a, w, b), tr("linear_backward with dZ of shape {s}", "shape {s}인 dZ의 linear_backward",
                                               s=g.shape))


@linear_backward.hidden("agreement with a numerical gradient on random layers", "무작위 층에서 수치 기울기와 일치",
                        inputs=layers(), max_examples=6)
def linear_backward_gradient(t, layer):
    a, w, b, g = layer
    _expect_layer_gradients(t.call(g, (a, w, b)), a, w, b, g, "linear", "linear_backward")
### END HIDDEN


# -- linear_activation_backward ----------------------------------------------------------

def _activation_backward_hints(da, z, a_prev, w, activation) -> list:
    """Mistakes of dZ, modelled on dW: the derivative without dA, the other activation's
    derivative, dA itself taken for dZ."""
    m = a_prev.shape[1]
    s = dense.sigmoid(z)
    dw = lambda dz: dz @ a_prev.T / m
    wrong_other = da * s * (1 - s) if activation == "relu" else da * (z > 0)
    return [
        hints.mistake(lambda: dw((z > 0).astype(float)) if activation == "relu" else dw(s * (1 - s)), tr(
            "dZ is only the activation's derivative: multiply it by dA (the given relu_backward(dA, cache) does).",
            "dZ가 활성화 함수의 도함수뿐입니다: dA를 곱하세요 (주어진 relu_backward(dA, cache)가 해 줍니다).")),
        hints.mistake(lambda: dw(wrong_other), tr(
            "this is the other activation's derivative: \"relu\" uses relu_backward, \"sigmoid\" sigmoid_backward.",
            "다른 활성화 함수의 도함수입니다: \"relu\"는 relu_backward, \"sigmoid\"는 sigmoid_backward를 씁니다.")),
        hints.mistake(lambda: dw(da), tr("dZ is dA: go through the activation's derivative first "
                                         "(relu_backward or sigmoid_backward).",
                                         "dZ가 dA입니다: 먼저 활성화 함수의 도함수를 지나세요 (relu_backward 또는 sigmoid_backward).")),
        hints.mistake(lambda: dw(da * (z >= 0)) if activation == "relu" else None, tr(
            "relu's derivative is 1 where Z > 0 and 0 where Z <= 0.", "relu의 도함수는 Z > 0에서 1, Z <= 0에서 0입니다.")),
    ]


_WRONG_CACHE = {"not supported between instances of 'tuple'": tr(
    "relu_backward and sigmoid_backward take activation_cache (Z); linear_backward takes linear_cache: "
    "linear_cache, activation_cache = cache.",
    "relu_backward와 sigmoid_backward는 activation_cache(Z)를, linear_backward는 linear_cache를 받습니다: "
    "linear_cache, activation_cache = cache."),
    "unsupported operand type(s) for *: 'float' and 'tuple'": tr(
    "relu_backward and sigmoid_backward take activation_cache (Z); linear_backward takes linear_cache.",
    "relu_backward와 sigmoid_backward는 activation_cache(Z)를, linear_backward는 linear_cache를 받습니다.")}


def _check_activation_backward(t, da, cache, activation, label) -> None:
    (a_prev, w, b), z = cache
    m = a_prev.shape[1]
    s = dense.sigmoid(z)
    dz = da * (z > 0) if activation == "relu" else da * s * (1 - s)
    got = hints.call_explaining(t, label, da, cache, activation, raised=_WRONG_CACHE)
    d_prev, dw, db = unpack(got, 3, label, "dA_prev, dW, db")
    expect_array(dw, dz @ a_prev.T / m, "dW", shape_note=shape_of("W"),
                 hints=[*_activation_backward_hints(da, z, a_prev, w, activation), *_grad_hints(m, "dW")])
    expect_array(db, dz.sum(axis=1, keepdims=True) / m, "db", shape_note=shape_of("b"), hints=_grad_hints(m, "db"))
    expect_array(d_prev, w.T @ dz, "dA_prev", shape_note=shape_of("A_prev"))


def _layer(rng, n_prev: int, n: int, m: int):
    while True:
        a, w, b = rng.normal(size=(n_prev, m)), rng.normal(size=(n, n_prev)), rng.normal(size=(n, 1))
        z = w @ a + b
        if np.min(np.abs(z)) > 0.05:
            return rng.normal(size=(n, m)), ((a, w, b), z)


@linear_activation_backward.public("dA_prev, dW, db through sigmoid and through relu", "sigmoid와 relu를 거친 dA_prev, dW, db")
def activation_backward_example(t):
    rng = np.random.default_rng(8)
    da, cache = _layer(rng, 3, 2, 4)
    for activation in ("sigmoid", "relu"):
        _check_activation_backward(t, da, cache, activation,
                                   f'linear_activation_backward(dA, cache, "{activation}")')


### BEGIN HIDDEN
@linear_activation_backward.hidden("random layers, both activations, against the reference and a numerical gradient",
                                   "무작위 층, 두 활성화 함수에서 참조 답안 및 수치 기울기와 비교",
                                   inputs=st.tuples(layers(), st.sampled_from(["relu", "sigmoid"])), max_examples=8)
def activation_backward_random(t, case):
    (a, w, b, g), activation = case
    cache = ((a, w, b), w @ a + b)
    label = tr('linear_activation_backward(..., "{act}") with dA of shape {s}',
               'shape {s}인 dA의 linear_activation_backward(..., "{act}")', act=activation, s=g.shape)
    _check_activation_backward(t, g, cache, activation, label)
    _expect_layer_gradients(t.call(g, cache, activation), a, w, b, g, activation, label)
### END HIDDEN


# -- L_model_backward --------------------------------------------------------------------

def _grad_keys(depth: int) -> list[str]:
    return [k for l in range(depth, 0, -1) for k in (f"dW{l}", f"db{l}", f"dA{l - 1}")]


def _layers(al, caches) -> list[dense.Layer]:
    """The layers of the course's ``caches`` [((A_prev, W, b), Z), ...] and output ``al`` (to model a mistake)."""
    outputs = [cache[0][0] for cache in caches[1:]] + [al]
    return [dense.Layer(a_prev, w, b, z, a) for ((a_prev, w, b), z), a in zip(caches, outputs, strict=True)]


#: What the classic course's versions before 5 named grads' dA keys, and this notebook's:
#: there grads["dA" + str(l)] held layer l's dA_prev, the gradient of A[l-1] (dA1 to dAL);
#: here it is grads["dA" + str(l - 1)] (dA0 to dA{L-1}, dA0 the gradient of X). The same
#: arrays under other names: accepted, with a note true of the notebook handed in.
EARLIER_KEYS = {
    False: tr("grads keeps the gradient of A[l-1] under \"dA\" + str(l) (accepted: the course's convention before "
              "version 5); this notebook asks for \"dA\" + str(l - 1), so that \"dA0\" is the gradient of X.",
              "grads가 A[l-1]의 기울기를 \"dA\" + str(l) 키에 담습니다 (버전 5 이전 코스의 방식이므로 인정). 이 노트북은 "
              "\"dA\" + str(l - 1)을 요구합니다. 그래서 \"dA0\"이 X의 기울기입니다."),
    True: tr("grads keeps the gradient of A[l-1] under \"dA\" + str(l), the course's convention before version 5 "
             "(accepted); its later versions use \"dA\" + str(l - 1), so that \"dA0\" is the gradient of X.",
             "grads가 A[l-1]의 기울기를 \"dA\" + str(l) 키에 담습니다. 버전 5 이전 코스의 방식이므로 인정합니다. 이후 "
             "버전은 \"dA\" + str(l - 1)을 씁니다. 그래서 \"dA0\"이 X의 기울기입니다."),
}


def _earlier_keys(grads, depth: int) -> dict[str, str] | None:
    """This notebook's key of each of ``grads``' keys when they follow the course's
    convention before version 5 (dA1 to dAL, every dW and db, no dA0), else None."""
    earlier = [f"dA{l}" for l in range(1, depth + 1)]
    if not isinstance(grads, dict) or "dA0" in grads or not set(earlier) | set(_grad_keys(depth)) - {"dA0"} <= set(grads):
        return None
    return {**{f"dA{l}": f"dA{l - 1}" for l in range(1, depth + 1)},
            **{k: k for k in _grad_keys(depth) if not k.startswith("dA")}}


def _expect_grad_keys(grads, depth: int) -> dict:
    """``grads`` must hold every key of :func:`_grad_keys`; a missing dA key is explained."""
    try:
        return expect_keys(grads, _grad_keys(depth), "grads")
    except CheckFailed as failed:
        missing = next((k for k in _grad_keys(depth) if isinstance(grads, dict) and k not in grads), "")
        if not missing.startswith("dA"):
            raise
        raise CheckFailed(failed.text + tr(
            " Hint: store layer l's dA_prev, the gradient of A[l-1], under \"dA\" + str(l - 1): \"dA0\" is the "
            "gradient of X, \"dA{last}\" the one layer L passes back.",
            " 힌트: l층의 dA_prev, 즉 A[l-1]의 기울기를 \"dA\" + str(l - 1) 키에 담으세요: \"dA0\" 키가 X의 기울기이고, "
            "\"dA{last}\" 키가 L층이 돌려주는 기울기입니다.", last=depth - 1)) from None


def _check_model_backward(t, al, y, caches, want, label) -> dict:
    depth = len(caches)
    grads = _call(t, label, al, y, caches, raised=_LAYER_KEYS)
    renamed = _earlier_keys(grads, depth)
    if renamed is not None:
        grads = {renamed[k]: v for k, v in grads.items() if k in renamed}
    grads = _expect_grad_keys(grads, depth)
    theirs = {v: k for k, v in renamed.items()} if renamed else {k: k for k in _grad_keys(depth)}
    m = y.shape[1]
    sign = tr("dAL = -(Y / AL - (1 - Y) / (1 - AL)): mind the minus sign in front.",
              "dAL = -(Y / AL - (1 - Y) / (1 - AL)): 앞의 마이너스 부호에 주의하세요.")
    for key in _grad_keys(depth):
        extra = [hints.sign_flipped(sign),
                 hints.mistake(lambda key=key: dense.backward(_layers(al, caches), y, output=dense.relu_derivative)[key], tr(
                     "the last layer went back through relu: layer L is a sigmoid layer (\"sigmoid\"), the others relu.",
                     "마지막 층을 relu로 거슬러 갔습니다: L층은 sigmoid 층(\"sigmoid\")이고, 나머지가 relu입니다."))]
        expect_array(grads[key], want[key], f"grads[{theirs[key]!r}]", hints=[*extra, *_grad_hints(m, key)])
    if renamed is not None:
        note(EARLIER_KEYS[t.classic])
    return grads


def _cached_network(dims, m, seed):
    """``(X, Y, parameters, AL, caches)`` with caches as the documented nested tuples."""
    x, y, params = _network(dims, m, seed)
    layers = dense.forward(x, params)
    return x, y, params, layers[-1].a, [layer.cache for layer in layers]


@L_model_backward.public("grads of a two-layer network", "2층 신경망의 grads")
def model_backward_two(t):
    _, y, _, al, caches = _cached_network([4, 3, 1], 5, seed=9)
    _check_model_backward(t, al, y, caches, t.expect("two", al, y, caches), "L_model_backward(AL, Y, caches)")


@L_model_backward.public("grads of a three-layer network of unequal widths", "너비가 다른 3층 신경망의 grads")
def model_backward_three(t):
    _, y, _, al, caches = _cached_network([5, 4, 2, 1], 3, seed=10)
    _check_model_backward(t, al, y, caches, t.expect("three", al, y, caches), "L_model_backward(AL, Y, caches)")


### BEGIN HIDDEN
def _model_backward_against_gradient(t, x, y, params, label) -> None:
    """Value check against the reference, then agreement with a numerical gradient of the
    reference cost J(parameters) (and m times dJ/dX for dA0: the course's dA is per example)."""
    al, caches = t.reference_of("L_model_forward")(x, params)
    grads = _check_model_backward(t, al, y, caches, t.reference(al, y, caches), label)
    depth, m = len(params) // 2, y.shape[1]
    forward, cost = t.reference_of("L_model_forward"), t.reference_of("compute_cost")
    keys = [k for l in range(1, depth + 1) for k in (f"W{l}", f"b{l}")]

    def j(x_, *arrays):
        return cost(forward(x_, dict(zip(keys, arrays, strict=True)))[0], y)

    numeric = gradients.numerical_gradients(j, [x, *(params[k] for k in keys)])
    analytic = gradients.flat(*(as_array(grads["d" + k], "d" + k) for k in keys), as_array(grads["dA0"], "dA0"))
    gradients.expect_agreement(analytic, gradients.flat(*numeric[1:], m * numeric[0]), "grads",
                               tr("each layer: dZ through the activation's derivative, then dW = (1/m) dZ A_prev^T, "
                                  "db = (1/m) sum(dZ), dA_prev = W^T dZ; layer L with sigmoid, the others with relu.",
                                  "각 층: 활성화 함수의 도함수를 거친 dZ, 그다음 dW = (1/m) dZ A_prev^T, db = (1/m) sum(dZ), "
                                  "dA_prev = W^T dZ. L층은 sigmoid, 나머지는 relu."))


@L_model_backward.hidden("fixed networks of 1 to 4 layers (m = 1 included), against the reference and a numerical gradient",
                         "1~4층의 고정된 신경망 (m = 1 포함)에서 참조 답안 및 수치 기울기와 비교")
def model_backward_fixed(t):
    for dims, m, seed in FIXED_NETWORKS:
        x, y, params = _network(dims, m, seed)
        _model_backward_against_gradient(t, x, y, params, tr("L_model_backward on layers {d}, m = {m}",
                                                             "층 {d}, m = {m}에서의 L_model_backward", d=dims, m=m))


@L_model_backward.hidden("random networks of 1 to 4 layers, against the reference and a numerical gradient",
                         "1~4층의 무작위 신경망에서 참조 답안 및 수치 기울기와 비교", inputs=networks(), max_examples=8)
def model_backward_random(t, network):
    x, y, params = network
    _model_backward_against_gradient(t, x, y, params, tr("L_model_backward with {L} layers, m = {m}",
                                                         "{L}층, m = {m}에서의 L_model_backward",
                                                         L=len(params) // 2, m=y.shape[1]))
### END HIDDEN


# -- update_parameters -------------------------------------------------------------------

def _check_update(t, params, grads, lr, label) -> None:
    want = {k: v - lr * grads["d" + k] for k, v in params.items()}
    got, (params_after, *_) = t.call_with_inputs(_copy(params), grads, lr)
    got = expect_keys(got, list(params), label)
    for key in params:
        expect_array(got[key], want[key], key, shape_note=shape_of(key), hints=[hints.gradient_step(
            key, params[key], grads["d" + key], lr,
            not_updated=tr("{k} did not change: update every layer, l = 1 to L (range(1, L + 1)).",
                           "{k} 값이 바뀌지 않았습니다: 모든 층 l = 1부터 L까지 갱신하세요 (range(1, L + 1)).", k=key))])
    changed = [k for k in params if not (isinstance(params_after, dict) and k in params_after
                                         and _matches(params_after[k], params[k]))]
    if changed:
        if (t.parameters or ("params",))[0] == "parameters":
            if not t.classic:  # a classic notebook of that version asked for it: nothing to note
                note(tr("update_parameters changes the parameters it is given (accepted: the course's earlier version "
                        "updated them in place); this notebook asks for a new dict.",
                        "update_parameters가 받은 파라미터를 바꿉니다 (코스의 예전 버전은 그 자리에서 갱신했으므로 인정). "
                        "이 노트북은 새 dict를 요구합니다."))
            return
        raise CheckFailed(tr("the values are right, but the params it was given changed too ({keys}): update a copy. "
                             "Hint: start with parameters = copy.deepcopy(params) and update parameters, or build a new dict; "
                             "`-=` on params' arrays changes the caller's arrays.",
                             "값은 맞지만, 받은 params도 바뀌었습니다 ({keys}): 복사본을 갱신하세요. 힌트: "
                             "parameters = copy.deepcopy(params)로 시작해 parameters를 갱신하거나 새 dict를 만드세요. "
                             "params의 배열에 `-=`를 쓰면 호출한 쪽의 배열이 바뀝니다.", keys=", ".join(changed)))


@update_parameters.public("one step on a two-layer network, params left unchanged",
                          "2층 신경망에서 한 단계, params는 그대로")
def update_example(t):
    rng = np.random.default_rng(12)
    dims = [4, 3, 1]
    params = {f"{k}{l}": rng.normal(size=(dims[l], dims[l - 1] if k == "W" else 1)) for l in (1, 2) for k in "Wb"}
    grads = {f"d{k}": rng.normal(size=v.shape) for k, v in params.items()}
    _check_update(t, params, grads, 0.1, "update_parameters(params, grads, 0.1)")


### BEGIN HIDDEN
@update_parameters.hidden("random depths and learning rates", "무작위 깊이와 학습률",
                          inputs=st.tuples(networks(), st.sampled_from([0.01, 0.1, 1.2])), max_examples=6)
def update_random(t, case):
    (_, _, params), lr = case
    rng = np.random.default_rng(len(params))
    grads = {f"d{k}": rng.normal(size=v.shape) for k, v in params.items()}
    _check_update(t, params, grads, lr, tr("update_parameters with {L} layers, learning_rate {lr}",
                                           "{L}층, learning_rate {lr}의 update_parameters", L=len(params) // 2, lr=lr))
### END HIDDEN
