"""Hints for the mistakes that recur through the course, written once.

A hint rule takes ``(got, want)``, the submission's value and the expected one as float
arrays of the same shape, and returns a :class:`~dlcheck.text.Text` naming the mistake
when the numbers fit it, or ``None``. :func:`dlcheck.compare.expect_array` tries the
rules it is given in order; the first that fits is shown.

Mistakes that show as an exception rather than a value (``math.exp`` on an array,
broadcasting without ``keepdims``) are matched on the exception's text by
:func:`call_explaining`.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

import numpy as np

from .checks import CheckFailed, StudentRaised, Trial
from .compare import Hint
from .text import Text, as_text, tr


def ratio(factor: float, text: Text, rtol: float = 1e-4) -> Hint:
    """``text`` when ``got == factor * want`` (and ``want`` is not all zeros)."""
    def rule(got: np.ndarray, want: np.ndarray) -> Text | None:
        if np.allclose(want, 0):
            return None
        return text if np.allclose(got, factor * want, rtol=rtol, atol=1e-10) else None
    return rule


def times_m(m: int, what: Text | str) -> Hint:
    """A sum where the mean is asked: ``m`` times the expected value."""
    return ratio(m, tr("{what} is m = {m} times too large: divide the sum by m (did you forget the 1/m?).",
                       "{what} 값이 m = {m}배 큽니다. 합을 m으로 나누세요 (1/m을 빠뜨리지 않았나요?).",
                       what=as_text(what), m=m))


def divided_by_m(m: int, what: Text | str) -> Hint:
    """A mean where the sum is asked: ``want / m``."""
    return ratio(1 / m, tr("{what} is the mean; here it is the sum (no division by m).",
                           "{what} 값이 평균입니다. 여기서는 합이어야 합니다 (m으로 나누지 않습니다).", what=as_text(what)))


def sign_flipped(fix: Text | str) -> Hint:
    """The negative of the expected value; ``fix`` says where the sign belongs."""
    return ratio(-1.0, tr("the sign is flipped: {fix}", "부호가 반대입니다: {fix}", fix=as_text(fix)))


def log10() -> Hint:
    """A cross-entropy computed with ``np.log10``: the natural-log value divided by ln 10."""
    return ratio(1 / np.log(10), tr("your cost is the natural-log cost divided by ln(10): use np.log, not np.log10.",
                                    "비용이 자연로그 비용을 ln(10)으로 나눈 값입니다: np.log10이 아니라 np.log를 쓰세요."))


def transposed() -> Hint:
    """The right values in transposed positions (a square array, or a ravel of one)."""
    def rule(got: np.ndarray, want: np.ndarray) -> Text | None:
        if want.ndim == 2 and want.shape[0] == want.shape[1] and np.allclose(got, want.T):
            return tr("the values are transposed: check the order of the dimensions (a .T too many or too few?).",
                      "값이 전치되어 있습니다: 차원의 순서를 확인하세요 (.T가 하나 많거나 적지 않나요?).")
        return None
    return rule


def same_as(value: Any, text: Text) -> Hint:
    """``text`` when the submission returned ``value`` (a known wrong answer)."""
    value = np.asarray(value, dtype=float)
    return lambda got, want: text if got.shape == value.shape and np.allclose(got, value) else None


def complement(text: Text) -> Hint:
    """``text`` when the submission returned ``1 - want`` (``exp(z)`` for ``exp(-z)``)."""
    return lambda got, want: text if np.allclose(got, 1 - want, rtol=1e-6, atol=1e-10) else None


def gradient_step(key: str, before: np.ndarray, gradient: np.ndarray, learning_rate: float, not_updated: Text,
                  other_rate: Callable[[float], Text] | None = None) -> Hint:
    """For the update ``key = key - learning_rate * d<key>`` of ``before`` by ``gradient``:
    when the submission moved ``before`` by a multiple of the gradient (the least-squares
    rate fits), says which step it took: none (``not_updated``), up the gradient (the
    sign), or another rate (``other_rate(rate)``, when given)."""
    def rule(got: np.ndarray, want: np.ndarray) -> Text | None:
        if not np.any(gradient):
            return None
        rate = float(np.sum((before - got) * gradient) / np.sum(gradient * gradient))
        if not np.allclose(got, before - rate * gradient, rtol=1e-6, atol=1e-9):
            return None
        if np.isclose(rate, 0):
            return not_updated
        if np.isclose(rate, -learning_rate):
            return tr("you stepped up the gradient: {key} = {key} - learning_rate * d{key}, with a minus.",
                      "기울기를 따라 올라갔습니다: {key} = {key} - learning_rate * d{key} (마이너스)입니다.", key=key)
        return other_rate(rate) if other_rate else None
    return rule


def mistake(wrong_answer: Callable[[], Any], text: Text) -> Hint:
    """``text`` when the submission returned ``wrong_answer()``, a known mistake's result.

    Computed only when a comparison fails; a mistake that cannot happen on this input
    (shapes that do not broadcast) or gives nan does not match.
    """
    def rule(got: np.ndarray, want: np.ndarray) -> Text | None:
        try:
            with np.errstate(all="ignore"):
                wrong = np.asarray(wrong_answer(), dtype=float)
        except (ValueError, TypeError, IndexError, KeyError):
            return None
        return text if wrong.shape == got.shape and np.allclose(got, wrong) else None
    return rule


# -- mistakes that raise ----------------------------------------------------------------

#: ``math.exp`` on an array: "only 0-dimensional arrays ..." (NumPy 2), "only size-1 ..." (1.x).
MATH_ON_ARRAYS = {"arrays can be converted to Python scalars": tr(
    "math.exp takes one number only; use np.exp, which works on whole arrays.",
    "math.exp는 숫자 하나만 받습니다. 배열 전체에 동작하는 np.exp를 쓰세요.")}


def keepdims(what: Text | str) -> dict[str, Text]:
    """An (n, m) array divided by a vector of shape (n,) (n != m): ``keepdims`` was forgotten."""
    return {"could not be broadcast together": tr(
        "keep the {what} two-dimensional, of shape (n, 1), with keepdims=True, so that each row is "
        "divided by its own value.",
        "keepdims=True를 써서 {what}의 shape을 (n, 1)인 2차원으로 유지하세요. 그래야 각 행이 자신의 값으로 나뉩니다.",
        what=as_text(what))}


def call_explaining(t: Trial, label: Text | str, *args: Any, raised: Mapping[str, Text]) -> Any:
    """``t.call(*args)``; an exception whose message contains a key of ``raised`` becomes a
    failure with that hint (any other exception goes on to the engine's message)."""
    try:
        return t.call(*args)
    except StudentRaised as exc:
        hint = next((h for text, h in raised.items() if text in exc.message), None)
        if hint is None:
            raise
        where = f" ({exc.where})" if exc.where else ""
        raise CheckFailed(tr("{label} raised {kind}{where}: {message}. Hint: {hint}",
                             "{label}에서 {kind} 예외가 발생했습니다{where}: {message}. 힌트: {hint}",
                             label=as_text(label), kind=exc.type_name, where=where,
                             message=exc.message.rstrip(), hint=hint)) from None
