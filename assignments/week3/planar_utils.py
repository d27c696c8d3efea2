"""Helpers for the week-3 notebook, in the place of the classic course's ``planar_utils``.

The data sets and ``sigmoid`` come from the project's ``dldata.planar`` (generated, not
downloaded); ``plot_decision_boundary`` draws what a classifier predicts over the plane.
"""

import numpy as np

from dldata.planar import load_extra_datasets, load_planar_dataset, sigmoid

__all__ = ["load_extra_datasets", "load_planar_dataset", "plot_decision_boundary", "sigmoid"]


def plot_decision_boundary(model, X, Y, resolution=0.01, ax=None):
    """Colour the plane by the class ``model`` predicts, and draw the points on top.

    Parameters
    ----------
    model : callable
        ``model(points)`` takes points as columns, of shape (2, k), and returns their
        labels, of shape (1, k) or (k,): for example ``lambda x: predict(parameters, x)``.
    X : ndarray of shape (2, m)
        The points to draw.
    Y : ndarray of shape (1, m)
        Their labels, 0 or 1 (the colour of each point).
    resolution : float
        Spacing of the grid the model is evaluated on.
    ax : matplotlib Axes, optional
        Where to draw (default: the current axes).
    """
    import matplotlib.pyplot as plt  # only the plots need it

    ax = ax or plt.gca()
    x_min, x_max = X[0, :].min() - 1, X[0, :].max() + 1
    y_min, y_max = X[1, :].min() - 1, X[1, :].max() + 1
    xx, yy = np.meshgrid(np.arange(x_min, x_max, resolution), np.arange(y_min, y_max, resolution))
    grid = np.vstack([xx.ravel(), yy.ravel()])  # (2, k): one point per column
    labels = np.asarray(model(grid), dtype=float).reshape(xx.shape)
    ax.contourf(xx, yy, labels, cmap=plt.cm.Spectral, alpha=0.8)
    ax.scatter(X[0, :], X[1, :], c=np.ravel(Y), s=20, cmap=plt.cm.Spectral, edgecolors="k", linewidths=0.3)
    ax.set_xlabel("$x_1$")
    ax.set_ylabel("$x_2$")
    return ax
