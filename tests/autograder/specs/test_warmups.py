"""The week-1 warm-ups spec: are its questions fair? Every perceptron right on the four
corners (any weights, ``> 0`` or ``>= 0``) answers the beyond-the-corners points as the spec
says; central differences land far inside the gradient tolerance and forward ones far
outside it; gradient descent's closed form is what a correct descent reaches."""

import numpy as np
import pytest

from autograder import specs
from autograder.reference import reference_for
from autograder.specs.week1 import warmups as week1

REFERENCE = reference_for(specs.get("week1/warmups"))


def _random_perceptrons(gate: str, rng: np.random.Generator, n: int):
    """``n`` random perceptrons (w1, w2, b, threshold) right on the gate's four corners."""
    found = []
    while len(found) < n:
        w1, w2, b = rng.uniform(-3, 3, 3)
        strict = bool(rng.integers(2))
        fire = (lambda t: t > 0) if strict else (lambda t: t >= 0)
        unit = (w1, w2, b, fire)
        if all(int(fire(w1 * x1 + w2 * x2 + b)) == y for (x1, x2), y in zip(week1.CORNERS, week1.TRUTH[gate], strict=True)):
            found.append(unit)
    return found


def _run(unit, x1, x2) -> int:
    w1, w2, b, fire = unit
    return int(fire(w1 * x1 + w2 * x2 + b))


@pytest.mark.parametrize("gate", ["AND", "NAND", "OR"])
def test_every_perceptron_right_on_the_corners_gives_the_determined_answers(gate):
    """For 300 random perceptrons right on the corners and 300 random points in [-3, 3]^2
    (and the public ones), does each agree with the spec wherever the spec asks?"""
    rng = np.random.default_rng(0)
    points = [tuple(p) for p in rng.uniform(-3, 3, (300, 2))] + list(week1.BEYOND[gate])
    asked = [(x1, x2) for x1, x2 in points if week1.determined(gate, x1, x2) is not None]
    assert len(asked) > 50
    for unit in _random_perceptrons(gate, rng, 300):
        assert all(_run(unit, x1, x2) == week1.determined(gate, x1, x2) for x1, x2 in asked)


def test_xor_from_any_right_gates_gives_the_determined_answers():
    """Is XOR = AND(NAND, OR), from any gates right on the corners, 0 wherever the spec asks?"""
    rng = np.random.default_rng(1)
    gates = {g: _random_perceptrons(g, rng, 60) for g in ("AND", "NAND", "OR")}
    points = [(t, t) for t in rng.uniform(-3, 3, 200)] + list(week1.BEYOND["XOR"])
    asked = [p for p in points if week1.determined("XOR", *p) is not None]
    for a, n, o in zip(gates["AND"], gates["NAND"], gates["OR"], strict=True):
        assert all(_run(a, _run(n, *p), _run(o, *p)) == week1.determined("XOR", *p) for p in asked)


def test_a_table_of_the_corners_fails_somewhere_public():
    """Does a table of the four answers give a wrong answer on a public point, for each gate?"""
    for gate in ("AND", "NAND", "OR"):
        table = dict(zip(week1.CORNERS, week1.TRUTH[gate], strict=True))
        assert any(table.get(p, 0) != week1.determined(gate, *p) for p in week1.BEYOND[gate])
        assert any(table.get(p, 1) != week1.determined(gate, *p) for p in week1.BEYOND[gate])


def _worst(got: np.ndarray, want: np.ndarray, rtol: float = 1e-7, atol: float = 1e-7) -> float:
    """The largest |got - want| over what np.allclose allows there (1 is the threshold)."""
    return float(np.max(np.abs(got - want) / (atol + rtol * np.abs(want))))


def test_central_differences_are_far_inside_the_tolerance_and_forward_ones_far_outside():
    """On 300 draws of the hidden check's polynomials and shapes (x in [-2, 2], up to 4 per
    side), is the reference's central difference within 1/20 of the tolerance and a forward
    difference more than 5 times past it?"""
    rng = np.random.default_rng(2)
    numerical_gradient = REFERENCE.function("numerical_gradient")
    central, forward = 0.0, np.inf
    for _ in range(300):
        shape = tuple(rng.integers(1, 5, rng.integers(1, 4)))
        x = rng.uniform(-2, 2, shape)
        f = week1.polynomial(rng, shape)
        exact = f.gradient(x)
        central = max(central, _worst(numerical_gradient(f, x.copy()), exact))
        forward = min(forward, _worst(week1._forward_difference(f, x), exact))
    assert central < 0.05 and forward > 5, (central, forward)


def test_the_closed_form_is_where_a_correct_descent_ends():
    """On 200 random quadratics, rates and step numbers, does the reference's descent (its
    numerical gradients included) end within 1/20 of the tolerance of the closed form?"""
    rng = np.random.default_rng(3)
    gradient_descent = REFERENCE.function("gradient_descent")
    worst = 0.0
    for _ in range(200):
        shape = tuple(rng.integers(1, 5, rng.integers(1, 4)))
        x0 = rng.uniform(-2, 2, shape)
        f = week1.quadratic(rng, shape)
        lr, steps = float(rng.choice([0.01, 0.05, 0.1, 0.2])), int(rng.integers(1, 61))
        worst = max(worst, _worst(gradient_descent(f, x0, lr, steps), week1.descent(f, x0, lr, steps), 1e-6, 1e-8))
    assert worst < 0.05, worst
