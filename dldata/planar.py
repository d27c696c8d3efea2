"""Two-dimensional toy data sets for the week-3 notebook (one hidden layer), generated here.

Nothing is read from disk: each set is drawn from a fixed seed, so every call returns the
same points on every machine. Examples are columns, as everywhere in the course:

- ``X`` of shape (2, m), float64: the two coordinates of each point;
- ``Y`` of shape (1, m), uint8: its label, 0 or 1.

`load_planar_dataset` is the "flower": two classes of 200 points spread along the petals
of the rose curve r = 4 sin(4t). It is drawn with NumPy's legacy ``RandomState(1)`` in a
fixed order, which reproduces the course's reference figures: logistic regression reaches
47 % training accuracy, a network with 4 tanh hidden units 90.75 % (10000 steps of
gradient descent, learning rate 1.2, weights drawn after ``np.random.seed(2)``).

`load_extra_datasets` gives four other sets to explore with the same network (see its
docstring for how each is drawn).
"""

from __future__ import annotations

import numpy as np

#: Points per set.
M = 400
#: Largest radius of the flower's petals.
PETAL_LENGTH = 4.0


def sigmoid(z):
    """Element-wise logistic function 1 / (1 + exp(-z)), of the same shape as ``z``."""
    return 1 / (1 + np.exp(-z))


def load_planar_dataset() -> tuple[np.ndarray, np.ndarray]:
    """The flower: 400 points, 200 of each class, along the petals of r = 4 sin(4t).

    Class ``j`` (0, then 1) covers the angles ``t`` in ``[3.12 j, 3.12 (j + 1)]``, evenly
    spaced plus Gaussian noise of standard deviation 0.2; its radii are ``4 sin(4t)`` plus
    noise of the same size. Points are ``(r sin t, r cos t)``. The draws come from the
    legacy ``np.random.RandomState(1)``, class 0 first, angles before radii.

    Returns
    -------
    X : ndarray of shape (2, 400), float64
        Columns 0-199 are class 0, columns 200-399 class 1.
    Y : ndarray of shape (1, 400), uint8
    """
    rs = np.random.RandomState(1)
    n = M // 2
    X = np.zeros((2, M))
    Y = np.zeros((1, M), dtype=np.uint8)
    for j in (0, 1):
        t = np.linspace(j * 3.12, (j + 1) * 3.12, n) + rs.randn(n) * 0.2
        r = PETAL_LENGTH * np.sin(4 * t) + rs.randn(n) * 0.2
        X[:, j * n:(j + 1) * n] = np.vstack([r * np.sin(t), r * np.cos(t)])
        Y[0, j * n:(j + 1) * n] = j
    return X, Y


def noisy_circles(m: int = M, factor: float = 0.5, noise: float = 0.2, seed: int = 3) -> tuple[np.ndarray, np.ndarray]:
    """Two concentric circles: class 0 of radius 1, class 1 of radius ``factor``, their
    points evenly spaced in angle, plus Gaussian noise of standard deviation ``noise``.

    Returns X of shape (2, m) and Y of shape (1, m), m // 2 points of class 0 first.
    """
    rng = np.random.default_rng(seed)
    n_outer = m // 2
    X, Y = np.zeros((2, m)), np.zeros((1, m), dtype=np.uint8)
    for label, (start, count, radius) in enumerate(((0, n_outer, 1.0), (n_outer, m - n_outer, factor))):
        angle = np.linspace(0, 2 * np.pi, count, endpoint=False)
        X[:, start:start + count] = radius * np.vstack([np.cos(angle), np.sin(angle)])
        Y[0, start:start + count] = label
    return X + rng.normal(0, noise, X.shape), Y


def noisy_moons(m: int = M, noise: float = 0.2, seed: int = 4) -> tuple[np.ndarray, np.ndarray]:
    """Two interleaved half circles of radius 1: class 0 is (cos t, sin t), class 1 is
    (1 - cos t, 0.5 - sin t), t evenly spaced in [0, pi], plus Gaussian noise of standard
    deviation ``noise``.

    Returns X of shape (2, m) and Y of shape (1, m), m // 2 points of class 0 first.
    """
    rng = np.random.default_rng(seed)
    n_upper = m // 2
    t_upper, t_lower = np.linspace(0, np.pi, n_upper), np.linspace(0, np.pi, m - n_upper)
    X = np.hstack([np.vstack([np.cos(t_upper), np.sin(t_upper)]),
                   np.vstack([1 - np.cos(t_lower), 0.5 - np.sin(t_lower)])])
    Y = np.zeros((1, m), dtype=np.uint8)
    Y[0, n_upper:] = 1
    return X + rng.normal(0, noise, X.shape), Y


def xor_blobs(m: int = M, std: float = 1.0, seed: int = 5) -> tuple[np.ndarray, np.ndarray]:
    """Four Gaussian blobs of standard deviation ``std`` centred on (+-2, +-2), m // 4
    points each (the last takes the rest); the label is 1 where the centre's coordinates
    have the same sign (an XOR of the two signs, which no straight line separates).

    Returns X of shape (2, m) and Y of shape (1, m).
    """
    rng = np.random.default_rng(seed)
    centres = np.array([[-2.0, -2.0], [-2.0, 2.0], [2.0, -2.0], [2.0, 2.0]]).T  # (2, 4)
    which = np.minimum(np.arange(m) // (m // 4), 3)
    X = centres[:, which] + rng.normal(0, std, (2, m))
    Y = (np.sign(centres[0, which]) == np.sign(centres[1, which])).astype(np.uint8).reshape(1, m)
    return X, Y


def gaussian_quantiles(m: int = M, variance: float = 0.5, seed: int = 6) -> tuple[np.ndarray, np.ndarray]:
    """Points of an isotropic Gaussian of the given ``variance`` centred on the origin;
    the half nearest the centre is class 0, the outer half class 1 (exactly m // 2 of
    class 0, split at the median distance).

    Returns X of shape (2, m) and Y of shape (1, m).
    """
    rng = np.random.default_rng(seed)
    X = rng.normal(0, np.sqrt(variance), (2, m))
    order = np.argsort(np.sum(X**2, axis=0), kind="stable")
    Y = np.zeros((1, m), dtype=np.uint8)
    Y[0, order[m // 2:]] = 1
    return X, Y


def load_extra_datasets() -> dict[str, tuple[np.ndarray, np.ndarray]]:
    """Four more 2-D sets of 400 points, by name, each ``(X, Y)`` with X of shape (2, 400)
    and Y of shape (1, 400), uint8:

    ``"noisy_circles"``
        two concentric circles (radii 1 and 0.5, noise 0.2), see `noisy_circles`;
    ``"noisy_moons"``
        two interleaved half circles (noise 0.2), see `noisy_moons`;
    ``"blobs"``
        four blobs at (+-2, +-2) labelled by the XOR of their signs, see `xor_blobs`;
    ``"gaussian_quantiles"``
        the inner and outer halves of one Gaussian, see `gaussian_quantiles`.

    Each is drawn from its own fixed seed (``np.random.default_rng``): the same on every call.
    """
    return {"noisy_circles": noisy_circles(), "noisy_moons": noisy_moons(), "blobs": xor_blobs(),
            "gaussian_quantiles": gaussian_quantiles()}
