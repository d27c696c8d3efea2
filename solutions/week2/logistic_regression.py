# %% [markdown]
# # Week 2 — Logistic regression as a tiny neural network
#
# You will build a cat / non-cat image classifier with logistic regression, written the way
# a one-neuron neural network is written: forward propagation, a cost, backward propagation,
# and gradient descent. Only numpy.
#
# **Shapes used everywhere in this course** (examples are columns):
#
# | array | shape |
# |---|---|
# | `X` (inputs) | `(n_x, m)`: `n_x = 64*64*3 = 12288` features, `m` examples |
# | `Y` (labels, 0 or 1) | `(1, m)` |
# | `w` (weights) | `(n_x, 1)` |
# | `b` (bias) | a Python float |
#
# Run the check cell after each function: it runs the public checks, the same ones as
# `pytest assignments/week2`. The grader also runs hidden checks on random inputs, so make
# your function right in general, not just on the example.

# %%
import numpy as np
from lr_utils import load_dataset

from dlcheck import checker

check = checker("week2/logistic_regression")

# %% [markdown]
# ## 1. The data
# `load_dataset()` returns the raw images `(m, 64, 64, 3)` (uint8) and labels `(1, m)`. We
# flatten each image into a column and scale pixel values to [0, 1].

# %%
train_x_orig, train_y, test_x_orig, test_y, classes = load_dataset()
train_x = train_x_orig.reshape(train_x_orig.shape[0], -1).T / 255.0
test_x = test_x_orig.reshape(test_x_orig.shape[0], -1).T / 255.0
print("train_x:", train_x.shape, "train_y:", train_y.shape, "test_x:", test_x.shape)

# %% [markdown]
# ## 2. `sigmoid(z)`
#
# $$\sigma(z) = \frac{1}{1 + e^{-z}}$$
#
# `z` is a scalar or a numpy array of any shape; return the same shape, computed element-wise
# with `np.exp` (not `math.exp`, which only takes scalars).

# %%
def sigmoid(z):
    """Element-wise logistic function.

    Parameters
    ----------
    z : scalar or numpy array of any shape

    Returns
    -------
    s : sigmoid(z), of the same shape as z
    """
    ### BEGIN SOLUTION
    s = 1 / (1 + np.exp(-z))
    ### END SOLUTION
    return s

# %%
check(sigmoid)

# %% [markdown]
# ## 3. `initialize_with_zeros(dim)`
#
# Return `w`, a numpy array of zeros of shape `(dim, 1)`, and `b = 0.0` (a Python float).
# Logistic regression has no symmetry to break, so zeros are a fine start.

# %%
def initialize_with_zeros(dim):
    """Zero parameters for logistic regression.

    Parameters
    ----------
    dim : int, the number of features n_x

    Returns
    -------
    w : numpy array of shape (dim, 1), all zeros
    b : float, 0.0
    """
    ### BEGIN SOLUTION
    w = np.zeros((dim, 1))
    b = 0.0
    ### END SOLUTION
    return w, b

# %%
check(initialize_with_zeros)

# %% [markdown]
# ## 4. `propagate(w, b, X, Y)`: forward and backward
#
# Forward: $A = \sigma(w^T X + b)$, of shape `(1, m)`, and the cross-entropy cost (natural log,
# averaged over the `m` examples):
#
# $$J = -\frac{1}{m}\sum_{i=1}^{m} \left(y^{(i)}\log a^{(i)} + (1-y^{(i)})\log(1-a^{(i)})\right)$$
#
# Backward:
#
# $$dw = \frac{\partial J}{\partial w} = \frac{1}{m} X (A - Y)^T \quad\text{(shape of w)},\qquad
#   db = \frac{\partial J}{\partial b} = \frac{1}{m}\sum_{i=1}^m (a^{(i)} - y^{(i)})$$
#
# Return `grads = {"dw": dw, "db": db}` and `cost` as a scalar (`np.squeeze` or `float`).
# The grader also checks your `dw`, `db` against a numerical gradient of your own cost.

# %%
def propagate(w, b, X, Y):
    """Cost and gradient of logistic regression.

    Parameters
    ----------
    w : numpy array of shape (n_x, 1)
    b : float
    X : numpy array of shape (n_x, m)
    Y : numpy array of shape (1, m), labels 0 or 1

    Returns
    -------
    grads : dict with "dw" of shape (n_x, 1) and "db", a float
    cost : float, the cross-entropy cost (natural log, mean over examples)
    """
    ### BEGIN SOLUTION
    m = X.shape[1]
    A = sigmoid(np.dot(w.T, X) + b)
    cost = -np.sum(Y * np.log(A) + (1 - Y) * np.log(1 - A)) / m
    dZ = A - Y
    dw = np.dot(X, dZ.T) / m
    db = float(np.sum(dZ) / m)
    cost = float(np.squeeze(cost))
    ### END SOLUTION
    grads = {"dw": dw, "db": db}
    return grads, cost

# %%
check(propagate)

# %% [markdown]
# ## 5. `optimize(...)`: gradient descent
#
# Repeat `num_iterations` times: compute `grads, cost = propagate(w, b, X, Y)`, then
# $w \leftarrow w - \alpha\, dw$ and $b \leftarrow b - \alpha\, db$ with $\alpha$ = `learning_rate`.
# Record the cost every 100 iterations (iterations 0, 100, 200, ...) in the list `costs`.
# Return `params = {"w": w, "b": b}`, the last `grads`, and `costs`.

# %%
def optimize(w, b, X, Y, num_iterations=100, learning_rate=0.009, print_cost=False):
    """Gradient descent on the logistic-regression cost.

    Parameters
    ----------
    w : numpy array of shape (n_x, 1); b : float
    X : numpy array of shape (n_x, m); Y : numpy array of shape (1, m)
    num_iterations : int, number of gradient steps
    learning_rate : float, the step size alpha
    print_cost : bool, print the cost every 100 iterations

    Returns
    -------
    params : dict with "w" (n_x, 1) and "b"
    grads : dict with "dw" and "db" from the last iteration
    costs : list of the costs at iterations 0, 100, 200, ...
    """
    ### BEGIN SOLUTION
    w = w.copy()
    costs = []
    for i in range(num_iterations):
        grads, cost = propagate(w, b, X, Y)
        w = w - learning_rate * grads["dw"]
        b = b - learning_rate * grads["db"]
        if i % 100 == 0:
            costs.append(cost)
            if print_cost:
                print(f"Cost after iteration {i}: {cost:f}")
    ### END SOLUTION
    params = {"w": w, "b": b}
    return params, grads, costs

# %%
check(optimize)

# %% [markdown]
# ## 6. `predict(w, b, X)`
#
# Compute $A = \sigma(w^T X + b)$ and predict 1 where $a > 0.5$, else 0. Return an array of
# shape `(1, m)` (not `(m,)`).

# %%
def predict(w, b, X):
    """Predicted labels (0 or 1) of logistic regression.

    Parameters
    ----------
    w : numpy array of shape (n_x, 1); b : float
    X : numpy array of shape (n_x, m)

    Returns
    -------
    Y_prediction : numpy array of shape (1, m) holding 0 or 1
    """
    ### BEGIN SOLUTION
    A = sigmoid(np.dot(w.T, X) + b)
    Y_prediction = (A > 0.5).astype(float)
    ### END SOLUTION
    return Y_prediction

# %%
check(predict)

# %% [markdown]
# ## 7. `model(...)`: everything together
#
# Initialize with zeros (`initialize_with_zeros(X_train.shape[0])`), run `optimize` on the
# **training** data, then `predict` on the training and on the test data. Return a dict with
# `"costs"`, `"Y_prediction_test"`, `"Y_prediction_train"`, `"w"`, `"b"`, `"learning_rate"` and
# `"num_iterations"`. The grader trains it on the real cat/non-cat data (lr 0.005, 2000
# iterations), where a correct model reaches 99 % training and 70 % test accuracy.

# %%
def model(X_train, Y_train, X_test, Y_test, num_iterations=2000, learning_rate=0.5, print_cost=False):
    """Train logistic regression and predict on the training and test sets.

    Parameters
    ----------
    X_train : numpy array of shape (n_x, m_train); Y_train : of shape (1, m_train)
    X_test : numpy array of shape (n_x, m_test); Y_test : of shape (1, m_test)
    num_iterations, learning_rate, print_cost : as in optimize

    Returns
    -------
    d : dict with "costs", "Y_prediction_test" (1, m_test), "Y_prediction_train" (1, m_train),
        "w", "b", "learning_rate", "num_iterations"
    """
    ### BEGIN SOLUTION
    w, b = initialize_with_zeros(X_train.shape[0])
    params, grads, costs = optimize(w, b, X_train, Y_train, num_iterations, learning_rate, print_cost)
    w, b = params["w"], params["b"]
    Y_prediction_test = predict(w, b, X_test)
    Y_prediction_train = predict(w, b, X_train)
    if print_cost:
        print(f"train accuracy: {100 - np.mean(np.abs(Y_prediction_train - Y_train)) * 100} %")
        print(f"test accuracy: {100 - np.mean(np.abs(Y_prediction_test - Y_test)) * 100} %")
    ### END SOLUTION
    d = {"costs": costs, "Y_prediction_test": Y_prediction_test, "Y_prediction_train": Y_prediction_train,
         "w": w, "b": b, "learning_rate": learning_rate, "num_iterations": num_iterations}
    return d

# %%
check(model)

# %% [markdown]
# ## 8. Train it
# This takes a few seconds. Try other learning rates and see how the cost curve changes.

# %%
d = model(train_x, train_y, test_x, test_y, num_iterations=2000, learning_rate=0.005, print_cost=True)
