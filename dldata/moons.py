"""The "moons" data of the week-6 optimization notebook, generated here without sklearn.

The classic course drew its 300 training points with
``sklearn.datasets.make_moons(n_samples=300, noise=.2)`` right after ``np.random.seed(3)``.
`make_moons` reproduces sklearn's algorithm with NumPy alone, drawing from the same global
``RandomState``, so the points are the course's to the last bit (checked against
scikit-learn 1.x by ``tests/dldata/test_moons.py`` where it is installed):

1. ``n // 2`` points on the upper half circle of radius 1 centred at (0, 0) and the rest on
   the lower half circle centred at (1, 0.5), each evenly spaced in angle from 0 to pi
   (both ends included); labels 0 (upper moon) then 1 (lower moon);
2. the points shuffled together: ``shuffle`` of ``np.arange(n)`` by the global RandomState;
3. Gaussian noise of standard deviation ``noise`` added to every coordinate, drawn
   ``(n, 2)`` in row order.

Examples are columns, as everywhere in the course: ``X`` of shape (2, m), float64, and
``Y`` of shape (1, m), int64. The course has no test set for this notebook.
"""

from __future__ import annotations

import numpy as np

#: Standard deviation of the noise of the course's data.
NOISE = 0.2
TRAIN_SIZE, TRAIN_SEED = 300, 3


def make_moons(n_samples: int, noise: float | None = None,
               random_state: np.random.RandomState | None = None) -> tuple[np.ndarray, np.ndarray]:
    """sklearn's ``make_moons(n_samples, shuffle=True, noise=noise)``, in its layout: ``X`` of
    shape (n_samples, 2) and ``y`` of shape (n_samples,), int64.

    ``random_state``: the RandomState to draw from; by default NumPy's global one (what
    ``np.random.seed`` seeds), as sklearn's ``random_state=None`` does.
    """
    rs = np.random.mtrand._rand if random_state is None else random_state
    n_out = n_samples // 2
    n_in = n_samples - n_out
    angle_out = np.linspace(0, np.pi, n_out)
    angle_in = np.linspace(0, np.pi, n_in)
    X = np.vstack([np.append(np.cos(angle_out), 1 - np.cos(angle_in)),
                   np.append(np.sin(angle_out), 1 - np.sin(angle_in) - 0.5)]).T
    y = np.hstack([np.zeros(n_out, dtype=np.int64), np.ones(n_in, dtype=np.int64)])
    order = np.arange(n_samples)
    rs.shuffle(order)
    X, y = X[order], y[order]
    if noise is not None:
        X = X + rs.normal(scale=noise, size=X.shape)
    return X, y


def load_dataset() -> tuple[np.ndarray, np.ndarray]:
    """The course's moons: ``train_X, train_Y``.

    300 points drawn after ``np.random.seed(3)``, noise 0.2. Like the course's
    ``load_dataset``, this seeds NumPy's global random generator (it is left as the draw
    left it).

    Returns
    -------
    train_X : ndarray of shape (2, 300), float64
    train_Y : ndarray of shape (1, 300), int64, 0 (upper moon) or 1 (lower moon)
    """
    np.random.seed(TRAIN_SEED)
    train_X, train_Y = make_moons(TRAIN_SIZE, noise=NOISE)
    return train_X.T, train_Y.reshape(1, -1)
