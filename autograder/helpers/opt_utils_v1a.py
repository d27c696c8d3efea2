"""Stand-in for the classic course's ``opt_utils_v1a``: the same given helpers as ``opt_utils``
(installed before it by the spec's helper list), which holds no graded function."""

from opt_utils import (  # noqa: F401
    backward_propagation,
    compute_cost,
    forward_propagation,
    initialize_parameters,
    load_dataset,
    plot_decision_boundary,
    predict,
    predict_dec,
    relu,
    sigmoid,
)


def load_params_and_grads(seed=1):
    """The classic notebook's small parameters and gradients for its own tests (ours are the
    grader's): W1 (2, 3), b1 (2, 1), W2 (3, 3), b2 (3, 1) and their gradients, drawn after
    ``np.random.seed(seed)``."""
    import numpy as np

    np.random.seed(seed)
    W1, b1 = np.random.randn(2, 3), np.random.randn(2, 1)
    W2, b2 = np.random.randn(3, 3), np.random.randn(3, 1)
    dW1, db1 = np.random.randn(2, 3), np.random.randn(2, 1)
    dW2, db2 = np.random.randn(3, 3), np.random.randn(3, 1)
    return W1, b1, W2, b2, dW1, db1, dW2, db2
