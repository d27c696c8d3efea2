"""Week 5, gradient checking: what is graded and how.

``forward_propagation`` and ``backward_propagation`` (the one-dimensional ``J = theta * x``)
are graded by their values.

``gradient_check`` and ``gradient_check_n`` are graded by what a gradient check is for:
the ``difference`` they return and the verdict they print with ``print_msg=True``, on
backward passes that are right and, for ``gradient_check_n``, wrong:

- ``gradient_check`` calls the learner's own ``forward_propagation`` and
  ``backward_propagation`` (the reference's when those fail: the engine's retry), so its
  backward pass is right: its relative difference must be rounding noise, below the
  classic's threshold 2e-7, on numbers of any scale (an *absolute* difference grows with
  them), and its message must say the backward pass works.
- ``gradient_check_n`` takes the gradients as an argument: the grader chooses them, right
  (:func:`dlcheck.dense.backward`) or wrong in several ways and sizes (the classic's two
  planted bugs, a sign, a gradient left out, one 0.01 % off), and it runs with the
  grader's ``forward_propagation_n`` (the notebook provides that function; the spec's
  ``provided``), so the check is of the learner's loop, not of the forward pass. On right
  gradients the difference is rounding noise, so it must be below the threshold; on wrong
  ones it is well defined, and must be the reference's. (On 3300 random networks of
  :func:`network` the reference's difference is 5e-10 to 2.3e-8 on right gradients, above
  2e-6 on wrong ones.)

The verdict is read from the printed words: "mistake" or "wrong" says there is a mistake
(the course's messages, "There is a mistake in the backward propagation!" and, before
2021, "The gradient is wrong!"); "fine" or "correct" says the backward pass works. The
course's versions before 2021 had no ``print_msg`` and always printed: their signatures
are graded the same way. Every case the grader chooses lies far from the threshold (a
difference below 5e-8 or above 2e-6), so a threshold of 1e-7, which the earliest
versions used for the one-dimensional check, gives the same verdicts.
"""

from __future__ import annotations

import numpy as np

from dlcheck import dense
from dlcheck.checks import CheckFailed, NotebookSpec, OldSignature
from dlcheck.compare import as_number, expect_scalar
from dlcheck.text import Text, as_text, tr

notebook = NotebookSpec("week5/gradient_checking", helpers=("gc_utils", "testCases", "public_tests"),
                        provided=("forward_propagation_n",),
                        classic_names=("Gradient_Checking", "W1A3"))
forward_propagation = notebook.graded("forward_propagation", points=1)
backward_propagation = notebook.graded("backward_propagation", points=1)
gradient_check = notebook.graded("gradient_check", points=2, old_signatures=[
    OldSignature(("x", "theta", "epsilon"))])  # before 2021: no print_msg, always printed
gradient_check_n = notebook.graded("gradient_check_n", points=3, reference_callees=("forward_propagation_n",),
                                   old_signatures=[OldSignature(("parameters", "gradients", "X", "Y", "epsilon"))])

THRESHOLD = 2e-7  # the classic's: a larger difference means a mistake in the backward pass

# -- the verdict ---------------------------------------------------------------------------

_MISTAKE_WORDS = ("mistake", "wrong", "incorrect", "not correct", "실수", "틀", "잘못", "맞지 않", "올바르지 않")
_FINE_WORDS = ("fine", "correct", "works", "맞", "올바")


def printed_verdict(printed: str) -> bool | None:
    """Whether a printed message says the backward pass has a mistake (True), works
    (False), or neither (None): the mistake's words are looked for first, so "incorrect"
    and "맞지 않습니다" are mistakes."""
    text = printed.lower()
    if any(word in text for word in _MISTAKE_WORDS):
        return True
    if any(word in text for word in _FINE_WORDS):
        return False
    return None


def _says(mistake: bool, ending: str = "다") -> Text:
    """What a verdict says ("실수가 있다" or, with ``ending="습니다."``, "실수가 있습니다.")."""
    if mistake:
        return tr("there is a mistake", "실수가 있" + ending)
    return tr("the backward pass works", "역전파가 맞" + ending)


def expect_verdict(printed: str, difference: float, call: Text | str) -> None:
    """What ``call`` (with ``print_msg=True``) printed must say what ``difference`` (the
    true one, far from the threshold) means."""
    call = as_text(call)
    mistake = difference > THRESHOLD
    said = printed_verdict(printed)
    shown = printed.strip()[:200]
    if said is None:
        raise CheckFailed(tr("{call} printed {printed!r}, which does not say whether the backward pass has a mistake. "
                             "Hint: with print_msg=True, print \"There is a mistake in the backward propagation! "
                             "difference = ...\" when the difference is above 2e-7, else \"Your backward propagation "
                             "works perfectly fine! difference = ...\".",
                             "{call} 호출이 {printed!r} 문자열을 출력했는데, 역전파에 실수가 있는지 말하지 않습니다. 힌트: "
                             "print_msg=True이면, 차이가 2e-7보다 클 때 \"There is a mistake in the backward propagation! "
                             "difference = ...\"를, 아니면 \"Your backward propagation works perfectly fine! difference = "
                             "...\"를 출력하세요.", call=call, printed=shown))
    if said != mistake:
        raise CheckFailed(tr("{call} printed {printed!r}: it says {said}, but the difference is {d:.3g}, {side} the "
                             "threshold 2e-7, so {truth}. Hint: a difference above 2e-7 is a mistake: "
                             "`if difference > 2e-7:` prints the mistake message.",
                             "{call} 호출이 {printed!r} 문자열을 출력했습니다: {said}고 말하지만, 차이가 {d:.3g}로 기준값 "
                             "2e-7{side} 때문에 {truth} 힌트: 2e-7보다 큰 차이가 실수입니다: `if difference > 2e-7:`일 때 "
                             "실수 메시지를 출력하세요.",
                             call=call, printed=shown, said=_says(said), d=difference,
                             side=tr("above", "보다 크기") if mistake else tr("below", "보다 작기"),
                             truth=_says(mistake, "습니다.")))


def _number(got, label: Text | str) -> float:
    return as_number(got, label, array_accepted=False)  # the difference is the function's own result


def expect_right(got, label: Text | str, hint: Text | None = None) -> float:
    """The difference of a right backward pass: a number, rounding noise below the threshold."""
    label = as_text(label)
    value = _number(got, label)
    if not 0 <= value < THRESHOLD:
        raise CheckFailed(tr("{label} is {got:.6g}; with a right backward pass, as here, the difference is rounding "
                             "noise, expected between 0 and 2e-7.{hint}",
                             "{label} 값이 {got:.6g}입니다. 여기처럼 역전파가 맞으면 차이는 반올림 잡음이며, 0과 2e-7 "
                             "사이여야 합니다.{hint}", label=label, got=value,
                             hint=tr(" Hint: {h}", " 힌트: {h}", h=hint) if hint else ""))
    return value


# -- one dimension -------------------------------------------------------------------------

def _scalar_hint(wrong: float, text: Text):
    return lambda got, want: text if np.isclose(float(got), wrong, rtol=1e-9, atol=1e-12) else None


def check_forward(t, x: float, theta: float, want: float) -> None:
    expect_scalar(t.call(x, theta), want, f"forward_propagation({x:g}, {theta:g})", array_accepted=False, hints=[
        _scalar_hint(theta + x, tr("J is theta * x, not theta + x.", "J는 theta + x가 아니라 theta * x입니다."))])


def check_backward(t, x: float, theta: float, want: float) -> None:
    expect_scalar(t.call(x, theta), want, f"backward_propagation({x:g}, {theta:g})", hints=[
        _scalar_hint(theta, tr("dtheta = dJ/dtheta is x (J = theta * x), not theta.",
                               "dtheta = dJ/dtheta는 theta가 아니라 x입니다 (J = theta * x)."))])


@forward_propagation.public("J for (x, theta) = (3, 4) and (-2.5, 0.5)", "(x, theta) = (3, 4)와 (-2.5, 0.5)에서의 J")
def forward_examples(t):
    for x, theta in ((3, 4), (-2.5, 0.5)):
        check_forward(t, x, theta, t.expect(f"{x}-{theta}", x, theta))


@backward_propagation.public("dtheta for (x, theta) = (3, 4) and (-2.5, 0.5)",
                             "(x, theta) = (3, 4)와 (-2.5, 0.5)에서의 dtheta")
def backward_examples(t):
    for x, theta in ((3, 4), (-2.5, 0.5)):
        check_backward(t, x, theta, t.expect(f"{x}-{theta}", x, theta))


def _one_dimension_hints(x: float) -> dict[str, Text]:
    """The wrong differences of known mistakes, for a right backward pass at ``x``."""
    return {"doubled": tr("this is the difference of a gradapprox twice the derivative: divide J_plus - J_minus by "
                          "2 * epsilon, not by epsilon.",
                          "gradapprox가 도함수의 두 배일 때의 차이입니다: J_plus - J_minus를 epsilon이 아니라 "
                          "2 * epsilon으로 나누세요."),
            "absolute": tr("the difference grew with the scale of x ({x:g}): it is ||grad - gradapprox|| alone; divide "
                           "it by ||grad|| + ||gradapprox|| (a relative difference).",
                           "차이가 x({x:g})의 크기에 따라 커졌습니다: ||grad - gradapprox||만 계산했습니다. "
                           "||grad|| + ||gradapprox||로 나누세요 (상대 차이).", x=x)}


def check_gradient_check(t, x: float, theta: float, label: Text | str, **kwargs) -> None:
    """``gradient_check`` at a right backward pass: a difference below the threshold, and a
    printed verdict that says the backward pass works."""
    difference, printed = t.call_printed(x, theta, print_msg=True, **kwargs)
    hint = None
    value = _number(difference, label)
    if np.isclose(value, 1 / 3, rtol=1e-4):
        hint = _one_dimension_hints(x)["doubled"]
    elif abs(x) > 100 and value >= THRESHOLD:
        hint = _one_dimension_hints(x)["absolute"]
    value = expect_right(difference, label, hint)
    expect_verdict(printed, value, label)


@gradient_check.public("x = 3, theta = 4: a difference below 2e-7, and the message says the backward pass works",
                       "x = 3, theta = 4: 2e-7보다 작은 차이, 그리고 역전파가 맞다는 메시지")
def gradient_check_small(t):
    check_gradient_check(t, 3, 4, "gradient_check(3, 4, print_msg=True)")


@gradient_check.public("x = 10000, theta = 0.5: the relative difference stays below 2e-7 on large numbers",
                       "x = 10000, theta = 0.5: 큰 숫자에서도 상대 차이가 2e-7보다 작음")
def gradient_check_scale(t):
    check_gradient_check(t, 10000.0, 0.5, "gradient_check(10000.0, 0.5, print_msg=True)")


# -- the three-layer network -----------------------------------------------------------------

LAYERS = [4, 5, 3, 1]
KEYS = dense.parameter_keys(3)


def network(m: int, seed: int) -> tuple[np.ndarray, np.ndarray, dict]:
    """``(X, Y, parameters)`` of the notebook's network on ``m`` examples: generic values,
    no ReLU input within 0.05 of its kink (a shift of 1e-7 never crosses one), and every
    parameter's gradient at least 5 % of the whole gradient's norm (no layer is dead, so
    each wrong backward pass of :data:`WRONG` changes the gradient by more than 2.5e-6
    of its norm)."""
    rng = np.random.default_rng(seed)
    while True:
        x = rng.normal(size=(LAYERS[0], m))
        params = {}
        for layer in range(1, len(LAYERS)):
            params[f"W{layer}"] = rng.normal(size=(LAYERS[layer], LAYERS[layer - 1])) / np.sqrt(LAYERS[layer - 1])
            params[f"b{layer}"] = rng.normal(size=(LAYERS[layer], 1)) * 0.5
        if min(np.min(np.abs(layer.z)) for layer in dense.forward(x, params)) <= 0.05:
            continue
        y = (rng.random((1, m)) > 0.5).astype(float)
        right = right_gradients(x, y, params)
        norms = [np.linalg.norm(g) for g in _flat_blocks(right)]
        if min(norms) > 0.05 * np.linalg.norm(norms) and _rounding(x, y, params, right) < ROUNDING_BOUND:
            return x, y, params


#: The largest difference a right backward pass may show on a network asked about: its
#: centred differences round to at most this (7 times below the threshold), so no verdict
#: hangs on rounding. About one network in a few hundred rounds to more and is not asked.
ROUNDING_BOUND = 3e-8


def _rounding(x: np.ndarray, y: np.ndarray, params: dict, right: dict, epsilon: float = 1e-7) -> float:
    """The difference a gradient check finds between the right gradients and the centred
    differences of the notebook's cost (its rounding, as a correct check computes it)."""
    def cost(p: dict) -> float:
        a3 = dense.forward(x, p)[-1].a
        return float(1.0 / x.shape[1] * np.sum(np.multiply(-np.log(a3), y) + np.multiply(-np.log(1 - a3), 1 - y)))

    grad, approx = [], []
    for key in KEYS:
        for index in np.ndindex(params[key].shape):
            shifted = [{**params, key: params[key].copy()} for _ in range(2)]
            shifted[0][key][index] += epsilon
            shifted[1][key][index] -= epsilon
            approx.append((cost(shifted[0]) - cost(shifted[1])) / (2 * epsilon))
            grad.append(right[f"d{key}"][index])
    grad, approx = np.array(grad), np.array(approx)
    return float(np.linalg.norm(grad - approx) / (np.linalg.norm(grad) + np.linalg.norm(approx)))


def right_gradients(x: np.ndarray, y: np.ndarray, params: dict) -> dict:
    """The gradients of the cost, as a right backward pass returns them (with "dA" keys too)."""
    return dense.backward(dense.forward(x, params), y)


def _flat(arrays: dict, keys: list[str]) -> np.ndarray:
    return np.concatenate([np.ravel(arrays[k]) for k in keys])


def _flat_blocks(gradients: dict) -> list[np.ndarray]:
    return [np.ravel(gradients[f"d{k}"]) for k in KEYS]


#: Wrong backward passes: name -> (what, what in Korean, the gradients from the right ones).
WRONG = {
    "classic": ("the classic's two bugs: dW2 doubled, db1 four times too large",
                "클래식 코스의 두 버그: 두 배인 dW2, 네 배인 db1",
                lambda g: {**g, "dW2": 2 * g["dW2"], "db1": 4 * g["db1"]}),
    "sign": ("dW3 with its sign flipped", "부호가 바뀐 dW3", lambda g: {**g, "dW3": -g["dW3"]}),
    "left-out": ("db2 left at zero", "0으로 남은 db2", lambda g: {**g, "db2": np.zeros_like(g["db2"])}),
    "slightly": ("dW1 0.01 % too large", "0.01 % 큰 dW1", lambda g: {**g, "dW1": g["dW1"] * (1 + 1e-4)}),
}


def _relative(a: np.ndarray, b: np.ndarray) -> float:
    return float(np.linalg.norm(a - b) / (np.linalg.norm(a) + np.linalg.norm(b)))


def _loop_hints(x, y, params, gradients, epsilon: float) -> list:
    """Hints naming the mistakes of the loop whose differences fit the number returned:
    the model's gradapprox is a centred difference of :mod:`dlcheck.dense`'s cost."""
    def cost(p):
        a = dense.forward(x, p)[-1].a
        return float(-np.mean(y * np.log(a) + (1 - y) * np.log(1 - a)))

    def rule(got, want):
        theta = _flat(params, KEYS)
        ends = np.cumsum([0] + [params[k].size for k in KEYS])
        approx = np.empty_like(theta)
        for i in range(theta.size):
            shifted = []
            for sign in (1, -1):
                moved = theta.copy()
                moved[i] += sign * epsilon
                shifted.append(cost({k: moved[ends[j]:ends[j + 1]].reshape(params[k].shape) for j, k in enumerate(KEYS)}))
            approx[i] = (shifted[0] - shifted[1]) / (2 * epsilon)
        grad = _flat(gradients, [f"d{k}" for k in KEYS])
        known = [(float(np.linalg.norm(grad - approx)), tr(
                     "your difference is ||grad - gradapprox|| alone; divide it by ||grad|| + ||gradapprox|| (a relative "
                     "difference).", "차이가 ||grad - gradapprox||뿐입니다. ||grad|| + ||gradapprox||로 나누세요 (상대 차이).")),
                 (_relative(grad, 2 * approx), tr(
                     "this is the difference of a gradapprox twice the derivative: divide J_plus[i] - J_minus[i] by "
                     "2 * epsilon, not by epsilon.",
                     "gradapprox가 도함수의 두 배일 때의 차이입니다: J_plus[i] - J_minus[i]를 epsilon이 아니라 "
                     "2 * epsilon으로 나누세요.")),
                 (_relative(grad, approx / 2), tr(
                     "this is the difference of a gradapprox half the derivative, as when J_minus[i] is computed at "
                     "theta itself: theta_plus and theta_minus must each be a copy of the parameters (np.copy), or "
                     "the shift of one moves the other.",
                     "gradapprox가 도함수의 절반일 때의 차이입니다. J_minus[i]를 theta 자체에서 계산하면 그렇게 됩니다: "
                     "theta_plus와 theta_minus는 각각 파라미터의 복사본(np.copy)이어야 합니다. 아니면 한쪽을 움직일 때 "
                     "다른 쪽도 움직입니다.")),
                 (_relative(grad, -approx), tr("this is the difference of a gradapprox of the wrong sign: "
                                               "J_plus[i] - J_minus[i], in this order.",
                                               "부호가 반대인 gradapprox의 차이입니다: J_plus[i] - J_minus[i] 순서입니다."))]
        return next((text for value, text in known if np.isclose(float(got), value, rtol=1e-3, atol=1e-12)), None)
    return [rule]


#: On right gradients, a gradapprox twice or half the derivative gives the same difference, 1/3.
_TWICE_OR_HALF = tr("1/3 is the difference of a gradapprox twice or half the derivative: divide J_plus[i] - "
                    "J_minus[i] by 2 * epsilon (not epsilon), and make theta_plus and theta_minus each a copy of the "
                    "parameters (np.copy), so that J_minus[i] is not computed at theta itself.",
                    "1/3은 gradapprox가 도함수의 두 배이거나 절반일 때의 차이입니다: J_plus[i] - J_minus[i]를 "
                    "(epsilon이 아니라) 2 * epsilon으로 나누고, theta_plus와 theta_minus를 각각 파라미터의 복사본"
                    "(np.copy)으로 만들어 J_minus[i]가 theta 자체에서 계산되지 않게 하세요.")


def check_gradient_check_n(t, x, y, params, gradients, want, what: Text | str, epsilon: float | None = None,
                           verdict: bool = True) -> None:
    """``gradient_check_n`` on gradients the grader chose (``what`` they are): on right ones
    (``want`` below the threshold) a difference below it, on wrong ones the reference's
    difference ``want``; and (``verdict``) a printed message that says what the difference
    means."""
    m, what = x.shape[1], as_text(what)
    if epsilon is not None:
        what = tr("{what}, with epsilon = {e:g}", "{what}, epsilon = {e:g}", what=what, e=epsilon)
    label = tr("the difference gradient_check_n returns for {what} (m = {m})",
               "{what}에 대해 gradient_check_n이 반환한 차이 (m = {m})", what=what, m=m)
    kwargs = {} if epsilon is None else {"epsilon": epsilon}
    difference, printed = t.call_printed(params, gradients, x, y, print_msg=True, **kwargs)
    hints = _loop_hints(x, y, params, gradients, epsilon or 1e-7)
    if epsilon is not None:
        hints.insert(0, lambda got, _: tr(
            "this is the difference of a much smaller shift: use the argument epsilon (theta_plus[i] + epsilon, "
            "theta_minus[i] - epsilon, 2 * epsilon), not a number of your own.",
            "훨씬 작은 이동으로 계산한 차이입니다: 여러분이 정한 숫자가 아니라 인자 epsilon을 쓰세요 (theta_plus[i] + "
            "epsilon, theta_minus[i] - epsilon, 2 * epsilon).") if float(got) < want / 100 else None)
    if want < THRESHOLD:
        value = _number(difference, label)
        hint = None
        if np.isclose(value, 1 / 3, rtol=1e-4):
            hint = _TWICE_OR_HALF
        elif value >= THRESHOLD:
            hint = hints[0](value, want)
        expect_right(difference, label, hint)
    else:
        expect_scalar(difference, want, label, rtol=1e-4, atol=1e-9, hints=hints, array_accepted=False)
    if verdict:
        expect_verdict(printed, want, tr("gradient_check_n on {what} (m = {m}, print_msg=True)",
                                         "{what}에 대한 gradient_check_n (m = {m}, print_msg=True)", what=what, m=m))


@gradient_check_n.public("the classic's two bugs (m = 3): the difference of the reference, and the message says there "
                         "is a mistake",
                         "클래식 코스의 두 버그 (m = 3): 참조 구현의 차이, 그리고 실수가 있다는 메시지")
def gradient_check_n_classic_bugs(t):
    x, y, params = network(3, seed=1)
    en, ko, wrong = WRONG["classic"]
    gradients = wrong(right_gradients(x, y, params))
    check_gradient_check_n(t, x, y, params, gradients, t.expect("classic-bugs", params, gradients, x, y), Text(en, ko))


@gradient_check_n.public("right gradients (m = 3): a difference below 2e-7, and the message says the backward pass "
                         "works", "맞는 기울기 (m = 3): 2e-7보다 작은 차이, 그리고 역전파가 맞다는 메시지")
def gradient_check_n_right(t):
    x, y, params = network(3, seed=1)
    check_gradient_check_n(t, x, y, params, right_gradients(x, y, params), 0.0, tr("right gradients", "맞는 기울기"))


### BEGIN HIDDEN
from hypothesis import strategies as st

from autograder.specs import strategies


@forward_propagation.hidden("J on random numbers", "무작위 숫자에서의 J",
                            inputs=st.tuples(strategies.floats(-100, 100), strategies.floats(-100, 100)))
def forward_random(t, case):
    x, theta = case
    check_forward(t, x, theta, t.reference(x, theta))


@backward_propagation.hidden("dtheta on random numbers", "무작위 숫자에서의 dtheta",
                             inputs=st.tuples(strategies.floats(-100, 100), strategies.floats(-100, 100)))
def backward_random(t, case):
    x, theta = case
    check_backward(t, x, theta, t.reference(x, theta))


def _away_from_zero(low: float, high: float) -> st.SearchStrategy[float]:
    """Numbers whose size is between ``low`` and ``high``, of either sign."""
    return st.tuples(strategies.floats(low, high), st.sampled_from([1.0, -1.0])).map(lambda p: p[0] * p[1])


@gradient_check.hidden("random x from 0.1 to 10000 in size and theta up to 10: a difference below 2e-7 and the "
                       "message says the backward pass works",
                       "크기가 0.1에서 10000인 무작위 x, 10 이하의 theta: 2e-7보다 작은 차이와 역전파가 맞다는 메시지",
                       inputs=st.tuples(_away_from_zero(0.1, 1e4), strategies.floats(-10, 10)), max_examples=8)
def gradient_check_random(t, case):
    x, theta = case
    check_gradient_check(t, x, theta, tr("gradient_check({x:g}, {theta:g}, print_msg=True)",
                                         "gradient_check({x:g}, {theta:g}, print_msg=True)", x=x, theta=theta))


@gradient_check.hidden("another epsilon (1e-4)", "다른 epsilon (1e-4)")
def gradient_check_epsilon(t):
    check_gradient_check(t, -7.5, 2.0, "gradient_check(-7.5, 2.0, epsilon=1e-4, print_msg=True)", epsilon=1e-4)


@st.composite
def _cases(draw):
    """``(m, seed, kind)``: a network on m examples, and which gradients (``"right"`` or a key of WRONG)."""
    return draw(st.integers(1, 6)), draw(st.integers(0, 2**32 - 1)), draw(st.sampled_from(["right", *WRONG]))


@gradient_check_n.hidden("random networks and gradients, right or wrong in four ways (the classic's bugs, a sign, a "
                         "gradient left out, one 0.01 % off)",
                         "무작위 신경망과 기울기: 맞거나, 네 가지로 틀림 (클래식 코스의 버그, 부호, 빠진 기울기, 0.01 % 틀린 "
                         "기울기)", inputs=_cases(), max_examples=8)
def gradient_check_n_random(t, case):
    m, seed, kind = case
    x, y, params = network(m, seed)
    gradients = right_gradients(x, y, params)
    what = tr("right gradients", "맞는 기울기")
    if kind != "right":
        en, ko, wrong = WRONG[kind]
        gradients, what = wrong(gradients), Text(en, ko)
    check_gradient_check_n(t, x, y, params, gradients, t.reference(params, gradients, x, y), what)


@gradient_check_n.hidden("every kind of wrong gradients on one network (m = 5)", "한 신경망(m = 5)에서 모든 종류의 틀린 기울기")
def gradient_check_n_every_kind(t):
    x, y, params = network(5, seed=7)
    for en, ko, wrong in WRONG.values():
        gradients = wrong(right_gradients(x, y, params))
        check_gradient_check_n(t, x, y, params, gradients, t.reference(params, gradients, x, y), Text(en, ko))


#: With epsilon = 0.01 the centred difference is less exact: on right gradients the difference
#: is 7.9e-6 on this network, against 1e-9 with the default, so a loop that ignores its
#: epsilon shows.
@gradient_check_n.hidden("its epsilon is used: the difference with epsilon = 0.01, on the classic's bugs and on "
                         "right gradients", "epsilon 인자를 씀: 클래식 코스의 버그와 맞는 기울기에서 epsilon = 0.01일 때의 차이")
def gradient_check_n_epsilon(t):
    x, y, params = network(4, seed=11)
    for gradients, what in ((WRONG["classic"][2](right_gradients(x, y, params)), tr("the classic's bugs", "클래식 버그")),
                            (right_gradients(x, y, params), tr("right gradients", "맞는 기울기"))):
        want = t.reference(params, gradients, x, y, epsilon=0.01)
        # A large epsilon's difference is no verdict on the gradients: only its value is checked.
        check_gradient_check_n(t, x, y, params, gradients, want, what, epsilon=0.01, verdict=False)
### END HIDDEN
