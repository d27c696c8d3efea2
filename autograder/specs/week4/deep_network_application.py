"""Week 4, the deep-network application (cat / non-cat): what is graded and how.

The models are built from the step-by-step functions, which the grader takes from the
student's own ``deep_network_step_by_step`` notebook handed in with this one (the
companion); when it is missing there, the reference answers them, and when one is wrong,
the engine grades the models again, every check, with those functions answered by the
reference (see the engine). The initialization is always the reference's (seeded as the
course seeds it), so a model's results are compared exactly, whatever order the student's
own initialization draws in.

The classic notebook (W4A2) imports the step-by-step functions and ``predict`` from the
course's ``dnn_app_utils_v3`` and never asks for them: for it they are given
(the grader's rule for given functions), and ``predict``'s point follows the learner's two models.
"""

from __future__ import annotations

import numpy as np

from dlcheck.checks import CheckFailed, NotebookSpec, OldSignature
from dlcheck.compare import as_number, describe, expect_array, expect_keys, expect_labels, note, unpack
from dlcheck.text import tr

STEP_FUNCTIONS = ("initialize_parameters", "initialize_parameters_deep", "linear_forward", "linear_activation_forward",
                  "L_model_forward", "compute_cost", "linear_backward", "linear_activation_backward",
                  "L_model_backward", "update_parameters")

notebook = NotebookSpec("week4/deep_network_application",
                        helpers=("dnn_app_utils", "dnn_app_utils_v3", "public_tests"),
                        data_files=("train_catvnoncat.h5", "test_catvnoncat.h5"),
                        companions=("week4/deep_network_step_by_step",),
                        given={"dnn_app_utils_v3": ("predict", *STEP_FUNCTIONS)},
                        classic_names=("Deep Neural Network - Application", "W4A2"))
two_layer_model = notebook.graded("two_layer_model", points=2, reference_callees=("initialize_parameters",))
predict = notebook.graded("predict", points=1, old_signatures=[
    OldSignature(("parameters", "X"))])  # the course's week-3 order, without y
L_layer_model = notebook.graded("L_layer_model", points=2, reference_callees=("initialize_parameters_deep",))

LEARNING_RATE = 0.0075  # the signatures' default


def _problem(n_x: int, m: int, seed: int) -> tuple[np.ndarray, np.ndarray]:
    """A small fixed problem: ``X`` of shape (n_x, m), labels ``Y`` (1, m) that a network can learn."""
    rng = np.random.default_rng(seed)
    x = rng.normal(size=(n_x, m))
    y = ((x[0] * x[min(1, n_x - 1)] + 0.3 * x[-1]) > 0).astype(float).reshape(1, m)
    return x, y


def _layer_keys(dims) -> list[str]:
    return [f"{k}{l}" for l in range(1, len(dims)) for k in ("W", "b")]


def _results(t, got, label):
    """``(parameters, costs)``; the parameters alone (the course's earlier versions
    returned only them) are accepted with a note (once, whatever the check), and their
    costs are then not checked."""
    if isinstance(got, dict):
        note(tr("the model returns only its parameters, as the course's earlier versions did (accepted; the costs are "
                "not checked); its later versions return (parameters, costs).",
                "모델이 코스의 예전 버전처럼 파라미터만 반환합니다 (인정하며, 비용은 검사하지 않습니다). 이후 버전은 "
                "(parameters, costs)를 반환합니다.") if t.classic else
             tr("the model returns only its parameters (accepted: the course's earlier versions did; the costs are not "
                "checked); this notebook asks for (parameters, costs).",
                "모델이 파라미터만 반환합니다 (코스의 예전 버전이 그랬으므로 인정하며, 비용은 검사하지 않습니다). 이 "
                "노트북은 (parameters, costs)를 요구합니다."), key="parameters only")
        return got, None
    return unpack(got, 2, label, "parameters, costs")


def check_model(t, args: tuple, kwargs: dict, want, label, *, default_lr_called: bool = False) -> tuple[dict, list]:
    """The model's parameters and recorded costs must equal the reference's."""
    x, y, dims = args
    params, costs = _results(t, t.call(*args, **kwargs), label)
    want_params, want_costs = want
    params = expect_keys(params, _layer_keys(dims), "parameters")
    lr_hint = []
    if default_lr_called:
        explicit = _results(t, t.call(*args, **kwargs, learning_rate=LEARNING_RATE), label)[0]
        if isinstance(explicit, dict) and all(_close(explicit.get(k), want_params[k]) for k in want_params):
            lr_hint = [lambda g, w: tr("called without learning_rate, your model does not use {lr}: keep the default "
                                       "learning_rate={lr} of the signature.",
                                       "learning_rate 없이 호출하면 여러분의 모델은 학습률로 {lr} 값을 쓰지 않습니다: "
                                       "시그니처의 learning_rate={lr} 기본값을 그대로 두세요.", lr=LEARNING_RATE)]
    for key in _layer_keys(dims):
        expect_array(params[key], want_params[key], f"parameters[{key!r}]", rtol=1e-5, atol=1e-8, hints=[
            *lr_hint,
            lambda g, w, key=key: tr("{key} differs after training. Run the step-by-step functions in the order of "
                                     "the notebook, with the given learning_rate and num_iterations, and start from "
                                     "the parameters the initialization returns.",
                                     "학습 뒤의 {key} 값이 다릅니다. 노트북의 순서대로 step-by-step 함수를 실행하고, 주어진 "
                                     "learning_rate와 num_iterations를 쓰고, 초기화가 반환한 파라미터에서 시작하세요.", key=key)])
    if costs is not None:
        expect_costs(costs, want_costs)
    return params, costs


def _close(got, want) -> bool:
    return isinstance(got, np.ndarray) and got.shape == want.shape and np.allclose(got, want, rtol=1e-5, atol=1e-8)


def expect_costs(costs, want: list) -> None:
    if not isinstance(costs, list) or len(costs) != len(want):
        raise CheckFailed(tr("costs is {kind}; expected a list of {n} costs. Hint: append the cost when i % 100 == 0.",
                             "costs가 {kind}입니다. 비용 {n}개의 list여야 합니다. 힌트: i % 100 == 0일 때 비용을 추가하세요.",
                             kind=describe(costs), n=len(want)))
    expect_array(np.array([as_number(c, "costs[i]") for c in costs]), np.array(want, dtype=float), "costs",
                 rtol=1e-5, atol=1e-8)


# -- two_layer_model ---------------------------------------------------------------------

@two_layer_model.public("parameters and costs after 150 steps on a small problem (n_x = 5, n_h = 4)",
                        "작은 문제에서 150번 갱신한 뒤의 parameters와 costs (n_x = 5, n_h = 4)")
def two_layer_small(t):
    x, y = _problem(5, 12, seed=1)
    args, kwargs = (x, y, (5, 4, 1)), dict(num_iterations=150, learning_rate=0.1, print_cost=False)
    check_model(t, args, kwargs, t.expect("small", *args, **kwargs), "two_layer_model(X, Y, (5, 4, 1), ...)")


@two_layer_model.public("the default learning_rate (0.0075), 60 steps", "기본 learning_rate (0.0075), 60번 갱신")
def two_layer_default_lr(t):
    x, y = _problem(4, 9, seed=2)
    args, kwargs = (x, y, (4, 3, 1)), dict(num_iterations=60, print_cost=False)
    check_model(t, args, kwargs, t.expect("default-lr", *args, **kwargs), "two_layer_model(X, Y, (4, 3, 1), ...)",
                default_lr_called=True)


# -- predict -----------------------------------------------------------------------------

def _network_params(dims: list[int], seed: int) -> dict:
    rng = np.random.default_rng(seed)
    return {f"{k}{l}": rng.normal(size=(dims[l], dims[l - 1] if k == "W" else 1)) for l in range(1, len(dims))
            for k in ("W", "b")}


def check_predict(t, x, y, params, want, label) -> None:
    expect_labels(t.call(x, y, params), want, label)


@predict.public("labels of a two-layer and a three-layer network", "2층과 3층 신경망의 레이블")
def predict_examples(t):
    for dims, seed in (([4, 3, 1], 3), ([4, 5, 2, 1], 4)):
        x, y = _problem(dims[0], 7, seed)
        params = _network_params(dims, seed)
        check_predict(t, x, y, params, t.expect(f"layers-{len(dims) - 1}", x, y, params),
                      tr("predict(X, y, parameters) with layers {d}", "층 {d}에서의 predict(X, y, parameters)", d=dims))


# -- L_layer_model -----------------------------------------------------------------------

@L_layer_model.public("parameters and costs after 150 steps on a small problem, layers [5, 4, 3, 1]",
                      "작은 문제에서 150번 갱신한 뒤의 parameters와 costs, 층 [5, 4, 3, 1]")
def l_layer_small(t):
    x, y = _problem(5, 12, seed=5)
    args, kwargs = (x, y, [5, 4, 3, 1]), dict(num_iterations=150, learning_rate=0.1, print_cost=False)
    check_model(t, args, kwargs, t.expect("small", *args, **kwargs), "L_layer_model(X, Y, [5, 4, 3, 1], ...)")


@L_layer_model.public("the default learning_rate (0.0075), 60 steps", "기본 learning_rate (0.0075), 60번 갱신")
def l_layer_default_lr(t):
    x, y = _problem(4, 9, seed=6)
    args, kwargs = (x, y, [4, 3, 2, 1]), dict(num_iterations=60, print_cost=False)
    check_model(t, args, kwargs, t.expect("default-lr", *args, **kwargs), "L_layer_model(X, Y, [4, 3, 2, 1], ...)",
                default_lr_called=True)


### BEGIN HIDDEN
from hypothesis import strategies as st

from autograder.reference import fixed_random_state
from dlcheck.checks import GraderError


@st.composite
def model_problems(draw, depth: tuple[int, int]):
    """``(X, Y, layers_dims, num_iterations)``: a small random problem and network."""
    n_layers = draw(st.integers(*depth))
    dims = [draw(st.integers(2, 6)) for _ in range(n_layers)] + [1]
    x, y = _problem(dims[0], draw(st.integers(1, 10)), draw(st.integers(0, 2**32 - 1)))
    return x, y, dims, draw(st.sampled_from([1, 99, 100, 101, 150]))


def _random_models(t, case, name):
    x, y, dims, iterations = case
    if name == "two_layer_model":
        dims = tuple(dims)
    args, kwargs = (x, y, dims), dict(num_iterations=iterations, learning_rate=0.05, print_cost=False)
    check_model(t, args, kwargs, t.reference(*args, **kwargs),
                tr("{fn} with layers {d}, m = {m}, {n} iterations", "층 {d}, m = {m}, 반복 {n}번의 {fn}", fn=name,
                   d=list(dims), m=x.shape[1], n=iterations))


def _all_defaults(t, dims):
    """Every default (learning_rate 0.0075, num_iterations 3000), on a tiny problem."""
    x, y = _problem(dims[0], 6, seed=7)
    args = (x, y, dims)
    check_model(t, args, {}, t.reference(*args), tr("the defaults, on layers {d}", "층 {d}에서의 기본값", d=list(dims)))


def _cost_falls(t, dims, label, init: str) -> None:
    """A stated margin: the mean of the last two recorded costs is at least 0.1 below the
    mean of the first two, over 301 steps on a learnable problem. A model that returns only
    its parameters (earlier versions) is judged by the cost at the initialization and at
    the parameters it returns."""
    x, y = _problem(dims[0], 40, seed=8)
    params, costs = _results(t, t.call(x, y, dims, num_iterations=301, learning_rate=0.5, print_cost=False), label)
    if costs is None:
        start = t.reference_of(init)(*dims) if isinstance(dims, tuple) else t.reference_of(init)(list(dims))
        forward, cost = t.reference_of("L_model_forward"), t.reference_of("compute_cost")
        params = expect_keys(params, _layer_keys(dims), "parameters")
        costs = [cost(forward(x, p)[0], y) for p in (start, start, params, params)]
    costs = [as_number(c, "costs[i]") for c in costs] if isinstance(costs, list) else []
    if len(costs) < 4 or not np.mean(costs[-2:]) < np.mean(costs[:2]) - 0.1:
        raise CheckFailed(tr("the cost did not go down by at least 0.1 over 301 steps (costs: {costs}). Hint: update "
                             "the parameters in every iteration and use the updated ones in the next.",
                             "301번 갱신하는 동안 비용이 0.1 이상 줄지 않았습니다 (costs: {costs}). 힌트: 매 반복마다 "
                             "파라미터를 갱신하고, 다음 반복에서 갱신된 파라미터를 쓰세요.", costs=np.round(costs, 4)))


@two_layer_model.hidden("random small problems and iteration counts", "무작위 작은 문제와 반복 횟수",
                        inputs=model_problems((2, 2)), max_examples=4)
def two_layer_random(t, case):
    _random_models(t, case, "two_layer_model")


#: The defaults check runs 3000 iterations on a tiny problem (the learning_rate default is
#: also checked publicly, in 60 steps).
@two_layer_model.hidden("all defaults (3000 iterations) on a tiny problem", "작은 문제에서 모든 기본값 (3000번 반복)")
def two_layer_defaults(t):
    _all_defaults(t, (3, 2, 1))


@two_layer_model.hidden("the cost falls on a learnable problem", "학습 가능한 문제에서 비용이 감소")
def two_layer_falls(t):
    _cost_falls(t, (4, 5, 1), "two_layer_model", "initialize_parameters")


@L_layer_model.hidden("random small problems, 2 to 4 layers, and iteration counts", "무작위 작은 문제, 2~4층, 반복 횟수",
                      inputs=model_problems((2, 4)), max_examples=4)
def l_layer_random(t, case):
    _random_models(t, case, "L_layer_model")


@L_layer_model.hidden("all defaults (3000 iterations) on a tiny problem", "작은 문제에서 모든 기본값 (3000번 반복)")
def l_layer_defaults(t):
    _all_defaults(t, [3, 2, 2, 1])


@L_layer_model.hidden("the cost falls on a learnable problem", "학습 가능한 문제에서 비용이 감소")
def l_layer_falls(t):
    _cost_falls(t, [4, 5, 3, 1], "L_layer_model", "initialize_parameters_deep")


@predict.hidden("random networks of 1 to 4 layers", "1~4층의 무작위 신경망",
                inputs=st.tuples(st.lists(st.integers(1, 5), min_size=1, max_size=4), st.integers(1, 8),
                                 st.integers(0, 2**32 - 1)), max_examples=8)
def predict_random(t, case):
    widths, m, seed = case
    dims = [*widths, 1]
    x, y = _problem(dims[0], m, seed % 1000)
    params = _network_params(dims, seed)
    if np.min(np.abs(t.reference_of("L_model_forward")(x, params)[0] - 0.5)) < 1e-9:
        return  # a tie at exactly 0.5 is not a fair question
    check_predict(t, x, y, params, t.reference(x, y, params),
                  tr("predict with layers {d}, m = {m}", "층 {d}, m = {m}에서의 predict", d=dims, m=m))


# -- on the real data --------------------------------------------------------------------
#
# The facts: the learner's model, with their own step-by-step functions (or the reference's,
# see the engine), trains correctly at full scale and reaches the held-out accuracy. They
# are established without training the learner's model to the end
# (docs/grading.md, "The week-4 application without two full trainings"):
# 1. on the cat pictures, the learner's model is the reference's step for step over the
#    first STEPS_ON_CATS iterations at the notebook's default learning rate (parameters and
#    costs, the first cost that of the reference initialization);
# 2. on small problems it is the reference's over random sizes and iteration counts, and
#    over 3000 iterations with every default (the checks above);
# 3. the reference, trained in full from the same start (once per solution: recorded by
#    release, TRAININGS), reaches the floors, which is the accuracy reported.
#
# Calibration (this project's solution, float64, single-thread BLAS, initialization by the
# reference: seed 1 inside initialize_parameters / initialize_parameters_deep), 2500
# iterations at learning_rate 0.0075:
#   (12288, 7, 1):           cost 0.6930497 at 0, 0.0485548 at 2400; train 100 %, test 72 %
#   [12288, 20, 7, 5, 1]:    cost 0.7717493 at 0, 0.0928782 at 2400; train 98.56 %, test 80 %
# With other initialization seeds (0-9) the test accuracy ranges over 66-76 % (two layers)
# and 62-80 % (four), which is why the initialization is the reference's. The floors allow
# one misclassified example more than the calibration in each set.

ITERATIONS = 2500  # the notebook's training
STEPS_ON_CATS = 200  # the iterations compared step for step on the cat pictures
STEPS_SECONDS = 60  # a wall-time bound for those steps, many times the 2-5 s they take here
FLOORS = {"two_layer_model": ((12288, 7, 1), 208 / 209, 35 / 50),
          "L_layer_model": ([12288, 20, 7, 5, 1], 205 / 209, 39 / 50)}


def _full_training(name: str):
    """The reference ``name`` trained in full on the cat pictures from its own start: its
    accuracies, recorded by release (autograder/trainings.py)."""
    def run(reference_of):
        from dldata.catvnoncat import load_catvnoncat

        data = load_catvnoncat()
        with fixed_random_state():  # the reference seeds its initialization
            params, _ = reference_of(name)(data.train_x, data.train_y, FLOORS[name][0], num_iterations=ITERATIONS,
                                           print_cost=False)
        forward = reference_of("L_model_forward")
        return {f"{split} accuracy": float(np.mean((forward(x, params)[0] > 0.5) == y))
                for split, x, y in (("train", data.train_x, data.train_y), ("test", data.test_x, data.test_y))}

    return notebook.training(f"{name} on the cat pictures, {ITERATIONS} iterations")(run)


TRAININGS = {name: _full_training(name) for name in FLOORS}


def _trained_on_cats(t, name: str) -> None:
    """The learner's model on the real data, step for step the reference's; then the
    reference's full training from the same start, which must reach the floors (else the
    grader is at fault), said in a note."""
    from dldata.catvnoncat import load_catvnoncat

    data = load_catvnoncat()
    dims, train_floor, test_floor = FLOORS[name]
    args = (data.train_x, data.train_y, dims)
    steps = dict(num_iterations=STEPS_ON_CATS, print_cost=False)
    with fixed_random_state():  # the reference seeds its initialization: found remembered whatever ran before
        want = t.reference(*args, **steps)
    check_model(t, args, steps, want, tr("{fn} on the cat pictures, {n} iterations", "고양이 사진에서 {n}번 반복한 {fn}",
                                         fn=name, n=STEPS_ON_CATS))
    full = t.trained(TRAININGS[name])
    accuracy = {split: full[f"{split} accuracy"] for split in ("train", "test")}
    if not (accuracy["train"] >= train_floor - 1e-9 and accuracy["test"] >= test_floor - 1e-9):
        raise GraderError(f"the reference {name}, trained for {ITERATIONS} iterations on the cat pictures, reaches "
                          f"{accuracy['train']:.1%} train and {accuracy['test']:.1%} test accuracy, below the floors "
                          f"{train_floor:.1%} and {test_floor:.1%}: the spec's calibration no longer holds")
    note(tr("on the cat pictures your model takes the reference's steps ({n} iterations compared); trained for "
            "{total} iterations from the same start, it reaches {train:.1%} train and {test:.1%} test accuracy.",
            "고양이 사진에서 모델이 정답과 같은 단계를 밟습니다 ({n}번 반복 비교). 같은 시작점에서 {total}번 학습하면 "
            "훈련 정확도 {train:.1%}, 테스트 정확도 {test:.1%}에 이릅니다.", n=STEPS_ON_CATS, total=ITERATIONS,
            train=accuracy["train"], test=accuracy["test"]), key="accuracy on the cat pictures")


@two_layer_model.hidden("trained on the cat pictures: the reference's steps, then at least 99.5 % train and 70 % "
                        "test accuracy",
                        "고양이 사진에서 학습: 정답과 같은 단계, 끝까지 학습하면 훈련 정확도 99.5 %, 테스트 70 % 이상",
                        seconds=STEPS_SECONDS)
def two_layer_cats(t):
    _trained_on_cats(t, "two_layer_model")


@L_layer_model.hidden("trained on the cat pictures: the reference's steps, then at least 98 % train and 78 % "
                      "test accuracy",
                      "고양이 사진에서 학습: 정답과 같은 단계, 끝까지 학습하면 훈련 정확도 98 %, 테스트 78 % 이상",
                      seconds=STEPS_SECONDS)
def l_layer_cats(t):
    _trained_on_cats(t, "L_layer_model")
### END HIDDEN
