"""Week 2, logistic regression on cat / non-cat: what is graded and how."""

from __future__ import annotations

import numpy as np

from dlcheck import hints
from dlcheck.checks import CheckFailed, NotebookSpec
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

#: A file's time budget is the default 60 s: an honest file takes a few seconds (model runs
#: a quarter of its training on the real data in the sandbox), a hostile one at most the budget.
notebook = NotebookSpec("week2/logistic_regression",
                        helpers=("lr_utils", "public_tests", "test_utils"),
                        data_files=("train_catvnoncat.h5", "test_catvnoncat.h5"),
                        classic_names=("Logistic_Regression_with_a_Neural_Network_mindset", "W2A2"))
sigmoid = notebook.graded("sigmoid", points=1)
initialize_with_zeros = notebook.graded("initialize_with_zeros", points=1)
propagate = notebook.graded("propagate", points=3)
optimize = notebook.graded("optimize", points=2)
predict = notebook.graded("predict", points=1)
model = notebook.graded("model", points=2)

#: The classic course's small example (two features, three examples).
W = np.array([[1.0], [2.0]])
B = 2.0
X = np.array([[1.0, 2.0, -1.0], [3.0, 4.0, -3.2]])
Y = np.array([[1.0, 0.0, 1.0]])


def _cost_hints(m: int) -> list:
    return [hints.log10(), hints.times_m(m, tr("the cost", "비용")),
            hints.sign_flipped(tr("the cost has a minus sign in front of the sum.", "비용의 합 앞에 마이너스 부호가 있어야 합니다.")),
            _negative_cost]


def _negative_cost(got: np.ndarray, want: np.ndarray):
    """A cross-entropy is never negative: a dropped minus sign, whatever else is wrong."""
    if float(got) < 0 < float(want):
        return tr("your cost is negative, and a cross-entropy never is: put the minus sign in front of the sum "
                  "(then compare again).",
                  "비용이 음수인데, 교차 엔트로피는 음수가 될 수 없습니다: 합 앞에 마이너스 부호를 붙이세요 (그다음 다시 비교하세요).")
    return None


def _grad_hints(m: int) -> list:
    return [hints.times_m(m, tr("the gradient", "기울기")),
            hints.sign_flipped(tr("the gradient is (1/m) X (A - Y)^T, not (Y - A).",
                                  "기울기는 (Y - A)가 아니라 (1/m) X (A - Y)^T입니다."))]


# -- sigmoid ------------------------------------------------------------------------------

_EXP_SIGN = hints.complement(tr("you computed 1 - sigmoid(z): the denominator is 1 + np.exp(-z), with a minus sign.",
                                "1 - sigmoid(z)를 계산했습니다: 분모는 마이너스 부호가 있는 1 + np.exp(-z)입니다."))


@sigmoid.public("values on a small array and a scalar", "작은 배열과 스칼라에서의 값")
def sigmoid_examples(t):
    z = np.array([-1.0, 0.0, 2.0])
    expect_array(t.call(z), t.expect("array", z), "sigmoid(np.array([-1., 0., 2.]))", hints=[_EXP_SIGN])
    expect_scalar(t.call(0.0), 0.5, "sigmoid(0.0)")


### BEGIN HIDDEN
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

from autograder.specs import strategies


@st.composite
def problems(draw, max_features: int = 6, max_examples: int = 8):
    """A random logistic-regression problem ``(w, b, X, Y)`` with consistent shapes.

    Entries are bounded so that |w^T x + b| <= 6 * 2 * 1 + 3 = 15: sigmoid stays strictly
    between 0 and 1 in float64 and the cost is finite (a saturated sigmoid makes log(0),
    which is not a fair question).
    """
    n = draw(st.integers(1, max_features))
    m = draw(st.integers(1, max_examples))
    w = draw(hnp.arrays(np.float64, (n, 1), elements=strategies.floats(-2, 2)))
    b = draw(strategies.floats(-3, 3))
    x = draw(hnp.arrays(np.float64, (n, m), elements=strategies.floats(-1, 1)))
    y = draw(hnp.arrays(np.float64, (1, m), elements=st.sampled_from([0.0, 1.0])))
    return w, b, x, y


@sigmoid.hidden("values and shape on random arrays", "무작위 배열에서의 값과 shape",
                inputs=strategies.float_arrays(30.0))
def sigmoid_random(t, z):
    expect_array(t.call(z), t.reference(z), tr("sigmoid of an array of shape {s}", "shape {s}인 배열의 sigmoid", s=z.shape))
### END HIDDEN


# -- initialize_with_zeros ----------------------------------------------------------------

def _check_zeros(t, dim: int) -> None:
    w, b = unpack(t.call(dim), 2, f"initialize_with_zeros({dim})", "w, b")
    expect_array(w, np.zeros((dim, 1)), "w", shape_note="= (dim, 1)")
    expect_type(b, (float, int, np.floating, np.integer, np.ndarray), "b", tr("a float (0.0)", "실수 (0.0)"))
    expect_scalar(b, 0.0, "b")


@initialize_with_zeros.public("w of shape (dim, 1) and b = 0.0 for dim = 2", "dim = 2일 때 shape (dim, 1)인 w와 b = 0.0")
def zeros_example(t):
    _check_zeros(t, 2)


### BEGIN HIDDEN
@initialize_with_zeros.hidden("random dimensions", "무작위 차원", inputs=st.integers(1, 300), max_examples=5)
def zeros_random(t, dim):
    _check_zeros(t, dim)
### END HIDDEN


# -- propagate ----------------------------------------------------------------------------

def _check_propagate(got, want, m: int, label) -> None:
    grads, cost = unpack(got, 2, label, "grads, cost")
    want_grads, want_cost = want
    expect_keys(grads, ["dw", "db"], "grads")
    expect_array(grads["dw"], want_grads["dw"], "dw", shape_note=shape_of("w"), hints=_grad_hints(m))
    expect_scalar(grads["db"], want_grads["db"], "db", hints=_grad_hints(m))
    # A one-value array is accepted for the cost here (with a note): propagate's result is the
    # gradients with their cost, which only feeds the costs list that optimize keeps and model
    # plots, where an array of shape (1, 1) changes nothing; the course's template squeezes it.
    expect_scalar(cost, want_cost, "cost", hints=_cost_hints(m))


@propagate.public("grads and cost on the classic example", "코스 예제에서의 grads와 cost")
def propagate_example(t):
    _check_propagate(t.call(W, B, X, Y), t.expect("classic", W, B, X, Y), 3, "propagate(w, b, X, Y)")


### BEGIN HIDDEN
from autograder.specs import gradients


@propagate.hidden("grads and cost on random problems", "무작위 문제에서의 grads와 cost", inputs=problems())
def propagate_random(t, problem):
    w, b, x, y = problem
    _check_propagate(t.call(w, b, x, y), t.reference(w, b, x, y), x.shape[1],
                     tr("propagate on X of shape {s}", "shape {s}인 X에서의 propagate", s=x.shape))


@propagate.hidden("dw, db agree with a numerical gradient of your own cost", "dw, db가 여러분의 비용의 수치 기울기와 일치")
def propagate_gradient(t):
    rng = np.random.default_rng(7)
    w, b = rng.normal(size=(3, 1)) * 0.5, 0.3
    x, y = rng.normal(size=(3, 5)), (rng.random((1, 5)) > 0.5).astype(float)

    def cost_at(theta: np.ndarray) -> float:
        _, cost = unpack(t.call(theta[:-1].reshape(-1, 1), float(theta[-1]), x, y), 2, "propagate", "grads, cost")
        return as_number(cost, "cost")

    theta = np.concatenate([w.ravel(), [b]])
    numeric = gradients.numerical_gradient(cost_at, theta, step=1e-4)
    grads, _ = unpack(t.call(w, b, x, y), 2, "propagate", "grads, cost")
    expect_keys(grads, ["dw", "db"], "grads")
    analytic = np.concatenate([as_array(grads["dw"], "dw").ravel(), as_array(grads["db"], "db").ravel()])
    gradients.expect_agreement(analytic, numeric, "dw, db", tr("dw = (1/m) X (A - Y)^T, db = (1/m) sum(A - Y).",
                                                               "dw = (1/m) X (A - Y)^T, db = (1/m) sum(A - Y)."))
### END HIDDEN


# -- optimize -----------------------------------------------------------------------------

def _check_optimize(got, want, label, b0: float, w_hints=()) -> None:
    params, grads, costs = unpack(got, 3, label, "params, grads, costs")
    want_params, want_grads, want_costs = want
    expect_keys(params, ["w", "b"], "params")
    b = params["b"]
    if isinstance(b, (int, float, np.number)) and b == b0 and want_params["b"] != b0:
        raise CheckFailed(tr("params['b'] is still {b0:g}, its initial value. Hint: update b in the loop too: "
                             "b = b - learning_rate * db.",
                             "params['b']가 아직 초기값 {b0:g}입니다. 힌트: 반복문 안에서 b도 갱신하세요: "
                             "b = b - learning_rate * db.", b0=b0))
    expect_array(params["w"], want_params["w"], "params['w']", hints=w_hints)
    expect_scalar(b, want_params["b"], "params['b']")
    expect_keys(grads, ["dw", "db"], "grads")
    expect_array(grads["dw"], want_grads["dw"], tr("grads['dw'] (from the last iteration)", "grads['dw'] (마지막 반복의 값)"))
    if not isinstance(costs, list) or len(costs) != len(want_costs):
        raise CheckFailed(tr("costs is {kind}; expected a list of {n} costs. Hint: append the cost when i % 100 == 0.",
                             "costs가 {kind}입니다. 비용 {n}개의 list여야 합니다. 힌트: i % 100 == 0일 때 비용을 추가하세요.",
                             kind=tr("a list of length {n}", "길이 {n}인 list", n=len(costs)) if isinstance(costs, list)
                             else type(costs).__name__, n=len(want_costs)))
    expect_array(np.array([as_number(c, "costs[i]") for c in costs]), np.array(want_costs), "costs")


@optimize.public("params, grads and costs after 100 steps on the classic example",
                 "코스 예제에서 100번 갱신한 뒤의 params, grads, costs")
def optimize_example(t):
    kwargs = dict(num_iterations=100, learning_rate=0.009, print_cost=False)
    want = t.expect("classic", W.copy(), B, X, Y, **kwargs)
    # Known mistakes, modelled with the reference: stepping up the gradient, and reusing
    # the first step's gradient 100 times (propagate called once, before the loop).
    ascent = t.expect("ascent", W.copy(), B, X, Y, num_iterations=100, learning_rate=-0.009, print_cost=False)
    one_step = t.expect("one-step", W.copy(), B, X, Y, num_iterations=1, learning_rate=0.009, print_cost=False)
    w_hints = [hints.same_as(ascent[0]["w"], tr("you moved up the gradient: w = w - learning_rate * dw, with a minus.",
                                                "기울기를 따라 올라갔습니다: w = w - learning_rate * dw (마이너스)입니다.")),
               hints.same_as(W - 100 * (W - one_step[0]["w"]),
                             tr("w moved by the same step in every iteration: call propagate inside the loop, "
                                "with the current w and b.",
                                "w가 매 반복 같은 만큼 움직였습니다: 반복문 안에서 현재 w와 b로 propagate를 호출하세요."))]
    _check_optimize(t.call(W.copy(), B, X, Y, **kwargs), want,
                    "optimize(w, b, X, Y, num_iterations=100, learning_rate=0.009)", B, w_hints)


### BEGIN HIDDEN
@optimize.hidden("random problems and iteration counts", "무작위 문제와 반복 횟수",
                 inputs=st.tuples(problems(), st.sampled_from([1, 99, 100, 101, 250])), max_examples=6)
def optimize_random(t, case):
    (w, b, x, y), iterations = case
    kwargs = dict(num_iterations=iterations, learning_rate=0.05, print_cost=False)
    _check_optimize(t.call(w, b, x, y, **kwargs), t.reference(w, b, x, y, **kwargs),
                    tr("optimize for {n} iterations", "{n}번 반복한 optimize", n=iterations), b)


@optimize.hidden("the cost decreases on separable data", "분리 가능한 데이터에서 비용이 감소")
def optimize_decreases(t):
    rng = np.random.default_rng(11)
    x = rng.normal(size=(4, 40))
    y = (x[0:1] + 0.5 * x[1:2] > 0).astype(float)
    _, _, costs = unpack(t.call(np.zeros((4, 1)), 0.0, x, y, num_iterations=500, learning_rate=0.1, print_cost=False),
                         3, "optimize", "params, grads, costs")
    costs = [as_number(c, "costs[i]") for c in costs] if isinstance(costs, list) else []
    if len(costs) < 5 or not np.mean(costs[-2:]) < np.mean(costs[:2]) - 0.1:
        raise CheckFailed(tr("the cost did not go down by at least 0.1 over 500 steps (costs: {costs}). "
                             "Hint: update with w = w - learning_rate * dw and use the new w in the next step.",
                             "500번 갱신하는 동안 비용이 0.1 이상 줄지 않았습니다 (costs: {costs}). "
                             "힌트: w = w - learning_rate * dw로 갱신하고, 다음 단계에서 새 w를 쓰세요.",
                             costs=np.round(costs, 4)))
### END HIDDEN


# -- predict ------------------------------------------------------------------------------

@predict.public("labels on the classic example", "코스 예제에서의 레이블")
def predict_example(t):
    w, b = np.array([[0.1124579], [0.23106775]]), -0.3
    x = np.array([[1.0, -1.1, -3.2], [1.2, 2.0, 0.1]])
    expect_labels(t.call(w, b, x), t.expect("classic", w, b, x), "predict(w, b, X)")


### BEGIN HIDDEN
@predict.hidden("labels on random problems", "무작위 문제에서의 레이블", inputs=problems())
def predict_random(t, problem):
    w, b, x, _ = problem
    if np.min(np.abs(w.T @ x + b)) < 1e-6:  # a tie at exactly 0.5 is not a fair question
        return
    expect_labels(t.call(w, b, x), t.reference(w, b, x), tr("predict on X of shape {s}", "shape {s}인 X에서의 predict",
                                                            s=x.shape))
### END HIDDEN


# -- model --------------------------------------------------------------------------------

MODEL_KEYS = ["costs", "Y_prediction_test", "Y_prediction_train", "w", "b", "learning_rate", "num_iterations"]


def _check_model(got, want, label) -> dict:
    d = expect_keys(got, MODEL_KEYS, label)
    m_train, m_test = want["Y_prediction_train"].shape[1], want["Y_prediction_test"].shape[1]
    for key, other in (("Y_prediction_train", "Y_prediction_test"), ("Y_prediction_test", "Y_prediction_train")):
        value = d[key]
        if isinstance(value, np.ndarray) and value.shape == want[other].shape and m_train != m_test:
            raise CheckFailed(tr("{key} has shape {shape}, the shape of {other}. Hint: predict on X_train for "
                                 "Y_prediction_train and on X_test for Y_prediction_test.",
                                 "{key}의 shape이 {other}의 shape인 {shape}입니다. 힌트: Y_prediction_train은 X_train으로, "
                                 "Y_prediction_test는 X_test로 예측하세요.", key=key, shape=value.shape, other=other))
    # The weights first: wrong training data or hyperparameters show there, with a hint.
    expect_array(d["w"], want["w"], "w", rtol=1e-4, atol=1e-7, hints=[
        lambda g, w_: tr("w is still all zeros: return the w from the params that optimize returns.",
                         "w가 아직 모두 0입니다: optimize가 반환한 params의 w를 반환하세요.") if not np.any(g) else None,
        lambda g, w_: tr("w differs from a model trained on (X_train, Y_train): train on the training set, with the "
                         "given num_iterations and learning_rate.",
                         "w가 (X_train, Y_train)으로 학습한 모델과 다릅니다: 주어진 num_iterations와 learning_rate로 "
                         "훈련 세트에서 학습하세요.")])
    expect_scalar(d["b"], want["b"], "b", rtol=1e-4, atol=1e-7)
    for key in ("Y_prediction_train", "Y_prediction_test"):
        expect_labels(d[key], want[key], key)
    return d


@model.public("all results on a small problem (50 iterations)", "작은 문제에서의 모든 결과 (50번 반복)")
def model_example(t):
    rng = np.random.default_rng(3)
    x_train, x_test = rng.normal(size=(4, 7)), rng.normal(size=(4, 5))
    y_train, y_test = (rng.random((1, 7)) > 0.5).astype(float), (rng.random((1, 5)) > 0.5).astype(float)
    kwargs = dict(num_iterations=50, learning_rate=0.01, print_cost=False)
    _check_model(t.call(x_train, y_train, x_test, y_test, **kwargs),
                 t.expect("small", x_train, y_train, x_test, y_test, **kwargs), "model(...)")


### BEGIN HIDDEN
from dlcheck.checks import GraderError

#: The course's training on the real data: lr 0.005, 2000 iterations, reaching 99.04 % train
#: and 70 % test accuracy. The floors allow one misclassified example more in each set.
CAT_TRAINING = dict(num_iterations=2000, learning_rate=0.005, print_cost=False)
TRAIN_ACCURACY_FLOOR = 98.5
TEST_ACCURACY_FLOOR = 68.0
#: The learner's model is compared step for step with the reference's over CAT_STEPS
#: iterations on the real data; the accuracy is then that of the reference's full training
#: (cat_training, recorded by release), as for weeks 3 and 4 (docs/grading.md says why).
#: As many as the week-4 application's: an update that differs from the reference's differs
#: in the first iteration; its 2 recorded costs are drawn against the reference's 20.
CAT_STEPS = 200


@model.hidden("all results after the course's 2000 iterations on a small problem",
              "작은 문제에서 코스와 같은 2000번 반복한 뒤의 모든 결과")
def model_course_iterations(t):
    rng = np.random.default_rng(5)
    x_train, x_test = rng.normal(size=(3, 9)), rng.normal(size=(3, 4))
    y_train, y_test = (rng.random((1, 9)) > 0.5).astype(float), (rng.random((1, 4)) > 0.5).astype(float)
    args = (x_train, y_train, x_test, y_test)
    _check_model(t.call(*args, **CAT_TRAINING), t.reference(*args, **CAT_TRAINING),
                 tr("model(...) for 2000 iterations on a small problem", "작은 문제에서 2000번 반복한 model(...)"))


@notebook.training("the course's training on the cat data")
def cat_training(reference_of):
    """What the reference's model reaches, trained as the course does: recorded by release."""
    from dldata.catvnoncat import load_catvnoncat

    data = load_catvnoncat()
    full = reference_of("model")(data.train_x, data.train_y, data.test_x, data.test_y, **CAT_TRAINING)
    return {"train accuracy": 100.0 * float(np.mean(full["Y_prediction_train"] == data.train_y)),
            "test accuracy": 100.0 * float(np.mean(full["Y_prediction_test"] == data.test_y)),
            "costs": [float(np.squeeze(cost)) for cost in full["costs"]]}


@model.hidden("on the real cat / non-cat data: the reference's steps, then 99 % train, 70 % test accuracy",
              "실제 고양이 데이터에서: 정답과 같은 단계, 끝까지 학습하면 훈련 정확도 99 %, 테스트 정확도 70 %")
def model_real_data(t):
    from dlcheck.compare import plot_curve
    from dldata.catvnoncat import load_catvnoncat

    data = load_catvnoncat()
    args = (data.train_x, data.train_y, data.test_x, data.test_y)
    steps = dict(CAT_TRAINING, num_iterations=CAT_STEPS)
    got, want = t.call(*args, **steps), t.reference(*args, **steps)
    full = t.trained(cat_training)  # recorded by release (autograder/trainings.py)
    if isinstance(got, dict):  # drawn in the feedback, before any comparison can fail
        plot_curve(tr("cost on the cat data: your first {n} iterations and the reference's full training",
                      "고양이 데이터에서의 비용: 여러분의 처음 {n}번 반복과 정답의 전체 학습", n=CAT_STEPS),
                   got.get("costs"), full["costs"], tr("iterations (x100)", "반복 횟수 (x100)"))
    _check_model(got, want, tr("model on the cat data, {n} iterations", "고양이 데이터에서 {n}번 반복한 model",
                               n=CAT_STEPS))
    train, test = full["train accuracy"], full["test accuracy"]
    if train < TRAIN_ACCURACY_FLOOR or test < TEST_ACCURACY_FLOOR:
        raise GraderError(f"the reference model, trained as the course does on the cat data, reaches {train:.2f} % "
                          f"train and {test:.2f} % test accuracy, below the floors {TRAIN_ACCURACY_FLOOR} / "
                          f"{TEST_ACCURACY_FLOOR} %: the spec's calibration no longer holds")
    note(tr("on the cat data your model takes the reference's steps ({n} iterations compared); trained for {total} "
            "iterations, it reaches {train:.2f} % train and {test:.2f} % test accuracy.",
            "고양이 데이터에서 model이 정답과 같은 단계를 밟습니다 ({n}번 반복 비교). {total}번 학습하면 훈련 정확도 "
            "{train:.2f} %, 테스트 정확도 {test:.2f} %에 이릅니다.", n=CAT_STEPS, total=CAT_TRAINING["num_iterations"],
            train=train, test=test),
         key="accuracy on the cat data")
### END HIDDEN
