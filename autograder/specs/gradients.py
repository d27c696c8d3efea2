"""Numerical gradient agreement, the heart of every backward-pass check (grader only).

The student's analytic gradient is compared with a numerical gradient of the student's
*own* cost (central differences, numdifftools), so the check asks "is your backward pass
the derivative of your forward pass?" independently of the reference. Pair it with value
checks: a cost that is constant zero has a gradient that agrees with itself.
"""

from __future__ import annotations

from collections.abc import Callable

import numdifftools as nd
import numpy as np

from dlcheck.checks import CheckFailed
from dlcheck.compare import fmt
from dlcheck.text import Text, as_text, tr

#: Largest relative error ||a - n|| / (||a|| + ||n||) accepted in float64.
TOLERANCE = 1e-6


def numerical_gradient(cost: Callable[[np.ndarray], float], theta: np.ndarray, step: float = 1e-5) -> np.ndarray:
    """The gradient of ``cost`` at ``theta`` (a flat float64 vector), by central differences."""
    return np.asarray(nd.Gradient(cost, step=step, method="central", order=2)(theta), dtype=float).reshape(theta.shape)


def numerical_gradients(cost: Callable[..., float], arrays: list[np.ndarray], step: float = 1e-5) -> list[np.ndarray]:
    """The gradient of ``cost(*arrays)`` with respect to each of ``arrays`` (each of its
    array's shape), by central differences over all of them at once."""
    ends = np.cumsum([0] + [a.size for a in arrays])

    def at(theta: np.ndarray) -> float:
        return cost(*(theta[ends[i]:ends[i + 1]].reshape(a.shape) for i, a in enumerate(arrays)))

    numeric = numerical_gradient(at, flat(*arrays), step)
    return [numeric[ends[i]:ends[i + 1]].reshape(a.shape) for i, a in enumerate(arrays)]


def flat(*arrays: np.ndarray) -> np.ndarray:
    """The entries of ``arrays``, one after the other, as one flat vector."""
    return np.concatenate([np.ravel(a) for a in arrays])


def relative_error(analytic: np.ndarray, numeric: np.ndarray) -> float:
    """``||a - n|| / (||a|| + ||n||)``, with a floor so two zero vectors agree."""
    return float(np.linalg.norm(analytic - numeric) / max(np.linalg.norm(analytic) + np.linalg.norm(numeric), 1e-12))


def expect_agreement(analytic: np.ndarray, numeric: np.ndarray, name: Text | str, formula: Text,
                     tolerance: float = TOLERANCE) -> None:
    """The analytic gradient ``name`` must agree with the numerical one; ``formula`` is the hint."""
    name = as_text(name)
    if analytic.shape != numeric.shape:
        raise CheckFailed(tr("{name} has {got} entries; expected {want} (one per parameter).",
                             "{name}의 원소가 {got}개입니다. 파라미터마다 하나씩 {want}개여야 합니다.",
                             name=name, got=analytic.size, want=numeric.size))
    error = relative_error(analytic, numeric)
    if not error <= tolerance:
        raise CheckFailed(tr("{name} disagrees with the numerical gradient of your own cost (relative error {e:.2g}; "
                             "expected < {tol:g}). Numerical {num}, yours {yours}. Hint: {formula}",
                             "{name} 값이 여러분의 비용의 수치 기울기와 다릅니다 (상대 오차 {e:.2g}, {tol:g} 미만이어야 함). "
                             "수치 기울기 {num}, 여러분의 값 {yours}. 힌트: {formula}",
                             name=name, e=error, tol=tolerance, num=fmt(numeric), yours=fmt(analytic), formula=formula))
