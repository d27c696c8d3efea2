"""Week 5, initialization: what is graded and how.

The four initializations are graded by the one rule of a random initialization
(:mod:`dlcheck.initialization`): keys, shapes, zero biases, the symmetry broken, layers
that do not repeat each other's draws and, on large layers, the normal distribution of
each layer's scale (10, sqrt(2 / n_{l-1}), sqrt(1 / n_{l-1})): never the numbers drawn,
so any draw order, seed or generator keeps its points. The zero initialization is exact.

``model`` is graded with the reference's initializations (``reference_callees``) after
``np.random.seed(3)`` (the seed the classic course set inside its initializations), so
its trained parameters are compared exactly with the reference's, whatever a learner's
own initializations draw. It is asked for the course's three initializations ("zeros",
"random", "he"), not "xavier": the classic notebook's own ``model`` (given, not written
by the learner) knows only those three, and an old classic notebook cannot be told from
this course's by its imports (both import ``init_utils``).

``initialize_parameters_xavier`` is this course's addition: a classic notebook has none,
and no helper module gives it, so such a notebook gets 0 of its 1 point (the notebook's
text and the verdict say so: ``missing``); every other function is graded as usual. ``init_utils`` gives only
ungraded functions (the network's forward and backward passes, its loss and update, the
data, plots), so no ``given`` is declared.
"""

from __future__ import annotations

import numpy as np

from dlcheck import dense, initialization
from dlcheck.checks import CheckFailed, NotebookSpec
from dlcheck.compare import expect_array, expect_keys
from dlcheck.dense import parameter_keys
from dlcheck.text import tr

#: A file's time budget: an honest file takes about 15 s here (two trainings of 15000
#: steps each side: the defaults and the circles); several times that on a busy machine.
notebook = NotebookSpec("week5/initialization", helpers=("init_utils", "public_tests", "test_utils"),
                        classic_names=("Initialization", "W1A1"), seconds=180)
initialize_parameters_zeros = notebook.graded("initialize_parameters_zeros", points=1)
initialize_parameters_random = notebook.graded("initialize_parameters_random", points=1)
initialize_parameters_he = notebook.graded("initialize_parameters_he", points=2)
initialize_parameters_xavier = notebook.graded("initialize_parameters_xavier", points=1, missing=tr(
    "it is this course's addition, which the classic course's notebook lacks: only its 1 point is lost",
    "이 코스에서 더한 함수이며 고전 코스의 노트북에는 없습니다. 이 함수의 1점만 잃습니다"))
INITIALIZERS = ("initialize_parameters_zeros", "initialize_parameters_random", "initialize_parameters_he",
                "initialize_parameters_xavier")
# The initializations are always the reference's, from a seeded np.random: a trained model
# is then comparable exactly, whatever order a submission draws its random numbers in.
model = notebook.graded("model", points=2, reference_callees=INITIALIZERS)

#: The layer sizes of the public checks: the classic course's small test network, and a
#: large one whose every layer has enough weights to judge their distribution.
SMALL, LARGE = [3, 2, 1], [400, 300, 200, 100]


# -- initialize_parameters_zeros ----------------------------------------------------------

def _check_zeros(got, dims: list[int], label: str) -> None:
    initialization.expect_layer_keys(got, dims, label, "layers_dims")
    shapes = initialization.layer_shapes(dims, [f"n_{l}" for l in range(len(dims))])
    parameters = initialization.expect_shapes(got, shapes, label)
    for key, (shape, defined) in shapes.items():
        expect_array(parameters[key], np.zeros(shape), key, shape_note=defined, hints=[
            lambda g, z: tr("this initialization sets every weight and bias to zero: np.zeros(shape).",
                            "이 초기화는 모든 가중치와 편향을 0으로 둡니다: np.zeros(shape).")])


@initialize_parameters_zeros.public("keys, shapes and zeros for layers_dims = [3, 2, 1]",
                                    "layers_dims = [3, 2, 1]에서의 키, shape, 0")
def zeros_small(t):
    _check_zeros(t.call(list(SMALL)), SMALL, "initialize_parameters_zeros([3, 2, 1])")


@initialize_parameters_zeros.public("keys, shapes and zeros for layers_dims = [2, 10, 5, 1]",
                                    "layers_dims = [2, 10, 5, 1]에서의 키, shape, 0")
def zeros_model_network(t):
    _check_zeros(t.call([2, 10, 5, 1]), [2, 10, 5, 1], "initialize_parameters_zeros([2, 10, 5, 1])")


# -- the random initializations -----------------------------------------------------------

def _random_scales(l: int, dims: list[int]) -> dict[str, float]:
    return {"10": 10.0}


def _he_scales(l: int, dims: list[int]) -> dict[str, float]:
    return {f"np.sqrt(2 / {dims[l - 1]})": np.sqrt(2 / dims[l - 1])}


def _xavier_scales(l: int, dims: list[int]) -> dict[str, float]:
    return {f"np.sqrt(1 / {dims[l - 1]})": np.sqrt(1 / dims[l - 1])}


#: Each random initialization's layer scales.
RANDOM = {"initialize_parameters_random": _random_scales, "initialize_parameters_he": _he_scales,
          "initialize_parameters_xavier": _xavier_scales}


def _scale_hint(name: str, w, l: int, dims: list[int]):
    """What a wrong spread of layer ``l`` looks like it is, for the He and Xavier scales: the
    other one's factor, or the layer's own size n_l where n_{l-1} is asked."""
    if name == "initialize_parameters_random" or dims[l] == dims[l - 1]:
        return None
    std = float(np.std(w))
    factor = 2 if name == "initialize_parameters_he" else 1
    tolerance = initialization.STANDARD_ERRORS / np.sqrt(2 * np.size(w))
    guesses = (
        (np.sqrt((3 - factor) / dims[l - 1]), tr(
            "your weights are scaled by np.sqrt({other} / n_{{l-1}}); this function asks for np.sqrt({factor} / n_{{l-1}}).",
            "가중치에 np.sqrt({other} / n_{{l-1}})을 곱했습니다. 이 함수는 np.sqrt({factor} / n_{{l-1}})을 요구합니다.",
            other=3 - factor, factor=factor)),
        (np.sqrt(factor / dims[l]), tr(
            "your weights are scaled by the layer's own size n_l = layers_dims[l]; use the size of the layer before, "
            "n_{{l-1}} = layers_dims[l - 1].",
            "가중치의 크기를 그 층 자신의 크기 n_l = layers_dims[l]로 정했습니다. 앞 층의 크기 n_{{l-1}} = "
            "layers_dims[l - 1]을 쓰세요.")),
    )
    return next((text for scale, text in guesses if abs(std / scale - 1) <= tolerance), None)


def _check_random(t, name: str, dims: list[int], *, distribution: bool) -> None:
    """The rule of a random initialization (dlcheck.initialization) for ``name`` and layer
    sizes ``dims``, with a hint when a large layer's spread is another formula's."""
    scales = RANDOM[name]
    initialization.expect_deep_initialization(t.call(list(dims)), dims, f"{name}({dims})", lambda l: scales(l, dims),
                                              distribution=distribution, dims_name="layers_dims",
                                              spread_hint=lambda l, w: _scale_hint(name, w, l, dims))


@initialize_parameters_random.public("keys, shapes, zero biases and random weights for layers_dims = [3, 2, 1]",
                                     "layers_dims = [3, 2, 1]에서의 키, shape, 0인 편향, 무작위 가중치")
def random_small(t):
    _check_random(t, "initialize_parameters_random", SMALL, distribution=False)


@initialize_parameters_random.public("weights randn * 10, drawn independently in each layer, for [400, 300, 200, 100]",
                                     "[400, 300, 200, 100]에서 층마다 따로 뽑은 randn * 10 가중치")
def random_large(t):
    _check_random(t, "initialize_parameters_random", LARGE, distribution=True)


@initialize_parameters_he.public("keys, shapes, zero biases and random weights for layers_dims = [3, 2, 1]",
                                 "layers_dims = [3, 2, 1]에서의 키, shape, 0인 편향, 무작위 가중치")
def he_small(t):
    _check_random(t, "initialize_parameters_he", SMALL, distribution=False)


@initialize_parameters_he.public("weights randn * sqrt(2 / n_{l-1}), drawn independently in each layer, for "
                                 "[400, 300, 200, 100]",
                                 "[400, 300, 200, 100]에서 층마다 따로 뽑은 randn * sqrt(2 / n_{l-1}) 가중치")
def he_large(t):
    _check_random(t, "initialize_parameters_he", LARGE, distribution=True)


@initialize_parameters_xavier.public("keys, shapes, zero biases and random weights for layers_dims = [3, 2, 1]",
                                     "layers_dims = [3, 2, 1]에서의 키, shape, 0인 편향, 무작위 가중치")
def xavier_small(t):
    _check_random(t, "initialize_parameters_xavier", SMALL, distribution=False)


@initialize_parameters_xavier.public("weights randn * sqrt(1 / n_{l-1}), drawn independently in each layer, for "
                                     "[400, 300, 200, 100]",
                                     "[400, 300, 200, 100]에서 층마다 따로 뽑은 randn * sqrt(1 / n_{l-1}) 가중치")
def xavier_large(t):
    _check_random(t, "initialize_parameters_xavier", LARGE, distribution=True)


### BEGIN HIDDEN
from hypothesis import strategies as st

#: Random depths (1 to 5 layers with parameters) and widths (1 to 30): shapes, zero
#: biases, the symmetry broken, no repeated draws (too few weights to judge a distribution).
LAYERS = st.lists(st.integers(1, 30), min_size=2, max_size=6)
#: Another large network: the distribution of each layer whatever its size (64 x 64 = 4096
#: weights, 32 x 64 = 2048), and the model's own widths (10 x 2 = 20 weights, judged without it).
OTHER = [500, 64, 64, 64, 32]


@initialize_parameters_zeros.hidden("random depths and sizes", "무작위 깊이와 크기", inputs=LAYERS, max_examples=8)
def zeros_random(t, dims):
    _check_zeros(t.call(list(dims)), dims, f"initialize_parameters_zeros({dims})")


@initialize_parameters_random.hidden("random depths and sizes", "무작위 깊이와 크기", inputs=LAYERS, max_examples=8)
def random_random(t, dims):
    _check_random(t, "initialize_parameters_random", dims, distribution=False)


@initialize_parameters_random.hidden("another large network, [500, 64, 64, 64, 32]", "다른 큰 신경망 [500, 64, 64, 64, 32]")
def random_other(t):
    _check_random(t, "initialize_parameters_random", OTHER, distribution=True)


@initialize_parameters_he.hidden("random depths and sizes", "무작위 깊이와 크기", inputs=LAYERS, max_examples=8)
def he_random(t, dims):
    _check_random(t, "initialize_parameters_he", dims, distribution=False)


@initialize_parameters_he.hidden("another large network, [500, 64, 64, 64, 32]", "다른 큰 신경망 [500, 64, 64, 64, 32]")
def he_other(t):
    _check_random(t, "initialize_parameters_he", OTHER, distribution=True)


@initialize_parameters_xavier.hidden("random depths and sizes", "무작위 깊이와 크기", inputs=LAYERS, max_examples=8)
def xavier_random(t, dims):
    _check_random(t, "initialize_parameters_xavier", dims, distribution=False)


@initialize_parameters_xavier.hidden("another large network, [500, 64, 64, 64, 32]", "다른 큰 신경망 [500, 64, 64, 64, 32]")
def xavier_other(t):
    _check_random(t, "initialize_parameters_xavier", OTHER, distribution=True)
### END HIDDEN


# -- model --------------------------------------------------------------------------------

#: np.random is seeded with this before each training, so the initialization is the same:
#: the seed the classic course set inside its random initializations.
SEED = 3
#: What the model is asked to train with: the classic course's three (see the module docstring).
KINDS = ("zeros", "random", "he")
MODEL_KEYS = parameter_keys(3)

#: A small problem: 12 points of the plane, labelled 1 inside the circle of radius 1.
X_SMALL = np.array([[0.2, -0.5, 1.3, -1.1, 0.4, 0.9, -0.3, -1.4, 0.1, 1.2, -0.8, 0.6],
                    [0.3, 0.4, -0.9, 0.8, -0.2, 1.1, -0.6, -0.7, 1.5, 0.2, -1.2, -0.4]])
Y_SMALL = (np.sum(X_SMALL**2, axis=0, keepdims=True) < 1).astype(float)


def _seeded(fn, *args, **kwargs):
    """``fn(*args, **kwargs)`` right after ``np.random.seed(SEED)``: the initialization the
    model asks for draws from there (in the grader, the reference's; in a notebook, yours)."""
    np.random.seed(SEED)
    return fn(*args, **kwargs)


def _close(got, want: dict) -> bool:
    return isinstance(got, dict) and all(
        isinstance(got.get(k), np.ndarray) and got[k].shape == want[k].shape
        and np.allclose(got[k], want[k], rtol=1e-5, atol=1e-8) for k in MODEL_KEYS)


def _check_model(got, want: dict, label, others: dict[str, dict] | None = None, kind: str = "he") -> dict:
    """The trained parameters must be the reference's (rtol 1e-5); when they are those of
    another initialization (``others``: kind -> its trained parameters), the hint says so."""
    parameters = expect_keys(got, MODEL_KEYS, label)
    other = next((k for k, p in (others or {}).items() if k != kind and _close(parameters, p)), None)
    for key in MODEL_KEYS:
        expect_array(parameters[key], want[key], key, rtol=1e-5, atol=1e-8, hints=[
            lambda g, w: tr("these are the parameters trained from the \"{other}\" initialization; this call asks "
                            "for initialization=\"{kind}\": call the initialization function that the argument "
                            "initialization names.",
                            "\"{other}\" 초기화에서 학습한 파라미터입니다. 이 호출은 initialization=\"{kind}\"를 "
                            "요구합니다. 인자 initialization이 가리키는 초기화 함수를 호출하세요.",
                            other=other, kind=kind) if other else None,
            lambda g, w: tr("the parameters differ from a model trained from the same initialization (np.random seeded "
                            "with {seed}): layers_dims = [X.shape[0], 10, 5, 1]; in each of the num_iterations "
                            "iterations call forward_propagation, compute_loss, backward_propagation and "
                            "update_parameters(parameters, grads, learning_rate). In your notebook this check uses your "
                            "initializations, so it assumes W1, W2, W3 drawn in this order with np.random.randn as the "
                            "stubs say; the grader uses its own.",
                            "같은 초기화(시드 {seed}로 정한 np.random)에서 학습한 모델과 파라미터가 다릅니다: "
                            "layers_dims = [X.shape[0], 10, 5, 1]이고, num_iterations번의 반복마다 forward_propagation, "
                            "compute_loss, backward_propagation, update_parameters(parameters, grads, learning_rate)를 "
                            "호출하세요. 노트북에서는 이 검사가 여러분의 초기화 함수를 쓰므로 스텁의 설명대로 "
                            "np.random.randn으로 W1, W2, W3를 이 순서로 뽑는다고 가정합니다. 채점기는 자신의 초기화를 "
                            "씁니다.", seed=SEED)])
    return parameters


@model.public("the trained parameters of each initialization (zeros, random, he) on 12 points, 20 iterations, "
              "learning_rate=0.1, from a seeded np.random",
              "점 12개에서 각 초기화(zeros, random, he)로 학습한 파라미터 (20번 반복, learning_rate=0.1, 시드를 정한 "
              "np.random)")
def model_each_initialization(t):
    kwargs = dict(learning_rate=0.1, num_iterations=20, print_cost=False)
    want = {kind: _seeded(t.expect, kind, X_SMALL, Y_SMALL, **kwargs, initialization=kind) for kind in KINDS}
    for kind in KINDS:
        got = _seeded(t.call, X_SMALL, Y_SMALL, **kwargs, initialization=kind)
        _check_model(got, want[kind], f"model(X, Y, learning_rate=0.1, num_iterations=20, initialization=\"{kind}\")",
                     want, kind)


@model.public("the defaults learning_rate=0.01 and initialization=\"he\", 30 iterations",
              "기본값 learning_rate=0.01과 initialization=\"he\", 30번 반복")
def model_defaults(t):
    want = _seeded(t.expect, "defaults", X_SMALL, Y_SMALL, num_iterations=30, print_cost=False)
    got = _seeded(t.call, X_SMALL, Y_SMALL, num_iterations=30, print_cost=False)
    _check_model(got, want, "model(X, Y, num_iterations=30)")


### BEGIN HIDDEN
@st.composite
def problems(draw):
    """``(X, Y, initialization, learning_rate, num_iterations)``: a small random problem, n_x
    of 1 to 4 (so layers_dims[0] is read from X), m of 1 to 10 (m = 1 included)."""
    n_x, m = draw(st.integers(1, 4)), draw(st.integers(1, 10))
    rng = np.random.default_rng(draw(st.integers(0, 2**32 - 1)))
    x = rng.normal(size=(n_x, m))
    y = (rng.random((1, m)) < 0.5).astype(float)
    return (x, y, draw(st.sampled_from(KINDS)), draw(st.sampled_from([0.01, 0.1, 0.5])),
            draw(st.sampled_from([1, 2, 7, 25])))


@model.hidden("random problems, initializations, learning rates and iteration counts",
              "무작위 문제, 초기화, 학습률, 반복 횟수", inputs=problems(), max_examples=8)
def model_random(t, case):
    x, y, kind, learning_rate, iterations = case
    kwargs = dict(learning_rate=learning_rate, num_iterations=iterations, print_cost=False, initialization=kind)
    _check_model(_seeded(t.call, x, y, **kwargs), _seeded(t.reference, x, y, **kwargs),
                 tr("model with n_x = {n}, m = {m}, initialization=\"{kind}\", learning_rate={lr}, {it} iterations",
                    "n_x = {n}, m = {m}, initialization=\"{kind}\", learning_rate={lr}, 반복 {it}번의 model",
                    n=x.shape[0], m=x.shape[1], kind=kind, lr=learning_rate, it=iterations), kind=kind)


@model.hidden("every default (15000 iterations, learning_rate=0.01, \"he\") on 6 points",
              "점 6개에서 모든 기본값 (15000번 반복, learning_rate=0.01, \"he\")")
def model_all_defaults(t):
    x, y = X_SMALL[:, :6], Y_SMALL[:, :6]
    _check_model(_seeded(t.call, x, y, print_cost=False), _seeded(t.reference, x, y, print_cost=False),
                 "model(X, Y) (every default)")


# Calibration (the reference, He initialization after np.random.seed(3), 15000 iterations at
# learning_rate 0.01, the classic course's figures): cost 0.8830537 at 0, 0.0735790 at
# 14000; 99.33 % train (298 of 300), 96 % test (96 of 100). The floors allow one
# misclassified point more in each set.
CIRCLES_TRAIN_FLOOR, CIRCLES_TEST_FLOOR = 297 / 300, 95 / 100


@model.hidden("trained on the circles with \"he\": at least 99 % train and 95 % test accuracy (reference 99.33 % "
              "and 96 %)", "두 원 데이터에서 \"he\"로 학습: 훈련 정확도 99 %, 테스트 95 % 이상 (참조 99.33 %, 96 %)")
def model_circles(t):
    from dldata.circles import load_dataset

    train_x, train_y, test_x, test_y = load_dataset()
    parameters = _seeded(t.call, train_x, train_y, print_cost=False)
    parameters = initialization.expect_shapes(parameters, initialization.layer_shapes(
        [2, 10, 5, 1], ("n_x", "n_1", "n_2", "n_3")), "model(train_X, train_Y)")
    for split, x, y, floor in (("train", train_x, train_y, CIRCLES_TRAIN_FLOOR),
                               ("test", test_x, test_y, CIRCLES_TEST_FLOOR)):
        a3 = dense.forward(x, {k: np.asarray(v, dtype=float) for k, v in parameters.items()})[-1].a
        accuracy = float(np.mean((a3 > 0.5) == y))
        if not accuracy >= floor - 1e-9:
            raise CheckFailed(tr("trained with the defaults on the circles, the model is {acc:.2%} accurate on the "
                                 "{split} set; expected at least {floor:.0%}.",
                                 "두 원 데이터에서 기본값으로 학습한 모델의 {split} 세트 정확도가 {acc:.2%}입니다. 최소 "
                                 "{floor:.0%}여야 합니다.", acc=accuracy, split=split, floor=floor))
### END HIDDEN
