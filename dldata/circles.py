"""The "circles" data of the week-5 initialization notebook, generated here without sklearn.

The classic course drew its points with ``sklearn.datasets.make_circles(n_samples, noise=.05)``
right after ``np.random.seed(1)`` (300 training points) and ``np.random.seed(2)`` (100
test points). `make_circles` reproduces sklearn's algorithm with NumPy alone, drawing from
the same global ``RandomState``, so the points are the course's to the last bit (checked
against scikit-learn 1.x by ``tests/dldata/test_circles.py`` where it is installed):

1. ``n // 2`` points on the outer circle of radius 1 and the rest on the inner circle of
   radius ``factor`` (0.8), each evenly spaced in angle from 0, ``endpoint=False``;
   labels 0 (outer) then 1 (inner);
2. the points shuffled together: ``shuffle`` of ``np.arange(n)`` by the global RandomState;
3. Gaussian noise of standard deviation ``noise`` added to every coordinate, drawn
   ``(n, 2)`` in row order.

Examples are columns, as everywhere in the course: ``X`` of shape (2, m), float64, and
``Y`` of shape (1, m), int64.
"""

from __future__ import annotations

import numpy as np

#: Radius of the inner circle (the outer one has radius 1): sklearn's default.
FACTOR = 0.8
#: Standard deviation of the noise of the course's data.
NOISE = 0.05
TRAIN_SIZE, TRAIN_SEED = 300, 1
TEST_SIZE, TEST_SEED = 100, 2


def make_circles(n_samples: int, noise: float | None = None, factor: float = FACTOR,
                 random_state: np.random.RandomState | None = None) -> tuple[np.ndarray, np.ndarray]:
    """sklearn's ``make_circles(n_samples, shuffle=True, noise=noise, factor=factor)``, in its
    layout: ``X`` of shape (n_samples, 2) and ``y`` of shape (n_samples,), int64.

    ``random_state``: the RandomState to draw from; by default NumPy's global one (what
    ``np.random.seed`` seeds), as sklearn's ``random_state=None`` does.
    """
    rs = np.random.mtrand._rand if random_state is None else random_state
    n_out = n_samples // 2
    n_in = n_samples - n_out
    angle_out = np.linspace(0, 2 * np.pi, n_out, endpoint=False)
    angle_in = np.linspace(0, 2 * np.pi, n_in, endpoint=False)
    X = np.vstack([np.append(np.cos(angle_out), np.cos(angle_in) * factor),
                   np.append(np.sin(angle_out), np.sin(angle_in) * factor)]).T
    y = np.hstack([np.zeros(n_out, dtype=np.int64), np.ones(n_in, dtype=np.int64)])
    order = np.arange(n_samples)
    rs.shuffle(order)
    X, y = X[order], y[order]
    if noise is not None:
        X = X + rs.normal(scale=noise, size=X.shape)
    return X, y


def load_dataset() -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """The course's circles: ``train_X, train_Y, test_X, test_Y``.

    300 training points drawn after ``np.random.seed(1)``, 100 test points after
    ``np.random.seed(2)``, noise 0.05, inner radius 0.8. Like the course's ``load_dataset``,
    this seeds NumPy's global random generator (it is left as the test draw left it).

    Returns
    -------
    train_X : ndarray of shape (2, 300), float64
    train_Y : ndarray of shape (1, 300), int64, 0 (outer circle) or 1 (inner)
    test_X : ndarray of shape (2, 100), float64
    test_Y : ndarray of shape (1, 100), int64
    """
    np.random.seed(TRAIN_SEED)
    train_X, train_Y = make_circles(TRAIN_SIZE, noise=NOISE)
    np.random.seed(TEST_SEED)
    test_X, test_Y = make_circles(TEST_SIZE, noise=NOISE)
    return train_X.T, train_Y.reshape(1, -1), test_X.T, test_Y.reshape(1, -1)
