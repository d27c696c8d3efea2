"""Given helpers of the week-6 optimization notebook, in the place of the classic course's
``opt_utils_v1a``: a three-layer network LINEAR -> RELU -> LINEAR -> RELU -> LINEAR -> SIGMOID
(its initialization, forward pass, cost and gradients), its predictions, the moons data,
and a plot.

Shapes follow the course: ``X`` of shape (n_x, m), one column per example; ``W<l>`` of
shape (n_l, n_{l-1}) and ``b<l>`` of shape (n_l, 1). The numbers are the course's: the same
formulas in the same order (the same seed in ``initialize_parameters``; ``compute_cost``
returns the *sum* of the cross-entropy over the mini-batch, the model divides by m once per
epoch), so the notebook's accuracies are the classic ones.

Students receive this file word for word (``autograde release`` writes it beside the
notebook). The grader's sandbox gets the same code: there, ``model`` calls the network's
functions, but the data and the plot are not needed (the grader passes the data in as
arguments and plots nothing).
"""

import numpy as np


def initialize_parameters(layer_dims):
    """He-scaled weights ``randn(n_l, n_{l-1}) * sqrt(2 / n_{l-1})`` and zero biases, drawn
    after ``np.random.seed(3)`` (as the course does, so every training starts from the same
    network).

    Parameters
    ----------
    layer_dims : list of int, the size of each layer, the input's first: [n_x, n_1, ..., n_L]

    Returns
    -------
    parameters : dict with "W<l>" of shape (n_l, n_{l-1}) and "b<l>" of shape (n_l, 1)
    """
    np.random.seed(3)
    parameters = {}
    for k in range(1, len(layer_dims)):
        parameters["W" + str(k)] = np.random.randn(layer_dims[k], layer_dims[k - 1]) * np.sqrt(2 / layer_dims[k - 1])
        parameters["b" + str(k)] = np.zeros((layer_dims[k], 1))
    return parameters


def compute_cost(a3, Y):
    """The cross-entropy *summed* over the examples of ``a3`` (1, m) against ``Y`` (1, m):
    ``-sum(Y log a3 + (1 - Y) log(1 - a3))``. The model adds it up over an epoch's
    mini-batches and divides by the number of examples once.

    A saturated output that is wrong (``a3`` exactly 0 or 1) makes it ``inf``, as in the
    course (no warning is printed); terms that are 0 * inf are left out (``np.nansum``).
    """
    with np.errstate(divide="ignore", invalid="ignore"):
        logprobs = np.multiply(-np.log(a3), Y) + np.multiply(-np.log(1 - a3), 1 - Y)
        cost_total = np.nansum(logprobs)
    return cost_total


def sigmoid(x):
    """Logistic function, element-wise: ``1 / (1 + exp(-x))`` (0 or 1 where it saturates,
    without an overflow warning)."""
    with np.errstate(over="ignore"):
        return 1 / (1 + np.exp(-x))


def relu(x):
    """Rectified linear unit, element-wise: ``max(0, x)``."""
    return np.maximum(0, x)


def forward_propagation(X, parameters):
    """Forward pass of the three-layer network.

    Parameters
    ----------
    X : numpy array of shape (n_x, m)
    parameters : dict with "W1" (n_1, n_x), "b1" (n_1, 1), "W2" (n_2, n_1), "b2" (n_2, 1),
        "W3" (1, n_2), "b3" (1, 1)

    Returns
    -------
    a3 : numpy array of shape (1, m), the sigmoid output
    cache : tuple (z1, a1, W1, b1, z2, a2, W2, b2, z3, a3, W3, b3), for backward_propagation
    """
    W1, b1 = parameters["W1"], parameters["b1"]
    W2, b2 = parameters["W2"], parameters["b2"]
    W3, b3 = parameters["W3"], parameters["b3"]
    z1 = np.dot(W1, X) + b1
    a1 = relu(z1)
    z2 = np.dot(W2, a1) + b2
    a2 = relu(z2)
    z3 = np.dot(W3, a2) + b3
    a3 = sigmoid(z3)
    cache = (z1, a1, W1, b1, z2, a2, W2, b2, z3, a3, W3, b3)
    return a3, cache


def backward_propagation(X, Y, cache):
    """Gradients of the mean cross-entropy (:func:`compute_cost` divided by m) with respect to every parameter (and activation).

    Parameters
    ----------
    X : numpy array of shape (n_x, m)
    Y : numpy array of shape (1, m), labels 0 or 1
    cache : the cache of :func:`forward_propagation`

    Returns
    -------
    gradients : dict with "dW<l>", "db<l>" (each of the shape of its parameter), and
        "dz<l>", "da<l>" of the hidden layers
    """
    m = X.shape[1]
    (z1, a1, W1, b1, z2, a2, W2, b2, z3, a3, W3, b3) = cache
    dz3 = 1.0 / m * (a3 - Y)
    dW3 = np.dot(dz3, a2.T)
    db3 = np.sum(dz3, axis=1, keepdims=True)
    da2 = np.dot(W3.T, dz3)
    dz2 = np.multiply(da2, np.int64(a2 > 0))
    dW2 = np.dot(dz2, a1.T)
    db2 = np.sum(dz2, axis=1, keepdims=True)
    da1 = np.dot(W2.T, dz2)
    dz1 = np.multiply(da1, np.int64(a1 > 0))
    dW1 = np.dot(dz1, X.T)
    db1 = np.sum(dz1, axis=1, keepdims=True)
    return {"dz3": dz3, "dW3": dW3, "db3": db3, "da2": da2, "dz2": dz2, "dW2": dW2, "db2": db2,
            "da1": da1, "dz1": dz1, "dW1": dW1, "db1": db1}


def predict(X, y, parameters):
    """Labels 0 / 1 of the network on ``X`` (1 where the output is above 0.5), of shape
    (1, m); prints the accuracy against the labels ``y``, of shape (1, m)."""
    a3, _ = forward_propagation(X, parameters)
    p = (a3 > 0.5).astype(int)
    print("Accuracy: " + str(np.mean(p[0, :] == y[0, :])))
    return p


def predict_dec(parameters, X):
    """Booleans, of shape (1, m): whether the network's output is above 0.5 (for plots)."""
    a3, _ = forward_propagation(X, parameters)
    return a3 > 0.5


def load_dataset():
    """The moons, as the course's ``load_dataset()``: ``train_X`` (2, 300) and ``train_Y``
    (1, 300), generated by ``dldata.moons`` (sklearn's ``make_moons(n_samples=300, noise=.2)``
    after ``np.random.seed(3)``, point for point)."""
    try:
        from dldata.moons import load_dataset as load
    except ImportError:  # inside the grader's sandbox
        raise RuntimeError("load_dataset() is not available inside a graded function: "
                           "the grader passes the data in as arguments") from None
    return load()


def plot_decision_boundary(model, X, y, resolution=0.01, ax=None):
    """Colour the plane by the class ``model`` predicts, and draw the points on top.

    Parameters
    ----------
    model : callable
        ``model(points)`` takes points as columns, of shape (2, k), and returns their
        labels, of shape (1, k) or (k,): for example ``lambda x: predict_dec(parameters, x)``.
    X : numpy array of shape (2, m), the points to draw
    y : numpy array of shape (1, m), their labels, 0 or 1 (the colour of each point)
    resolution : float, spacing of the grid the model is evaluated on
    ax : matplotlib Axes, optional (default: the current axes)
    """
    import matplotlib.pyplot as plt  # only the plots need it

    ax = ax or plt.gca()
    x_min, x_max = X[0, :].min() - 0.5, X[0, :].max() + 0.5
    y_min, y_max = X[1, :].min() - 0.5, X[1, :].max() + 0.5
    xx, yy = np.meshgrid(np.arange(x_min, x_max, resolution), np.arange(y_min, y_max, resolution))
    grid = np.vstack([xx.ravel(), yy.ravel()])  # (2, k): one point per column
    labels = np.asarray(model(grid), dtype=float).reshape(xx.shape)
    ax.contourf(xx, yy, labels, cmap=plt.cm.Spectral, alpha=0.8)
    ax.scatter(X[0, :], X[1, :], c=np.ravel(y), s=20, cmap=plt.cm.Spectral, edgecolors="k", linewidths=0.3)
    ax.set_xlabel("$x_1$")
    ax.set_ylabel("$x_2$")
    return ax
