# %% [markdown]
# # Week 2 — NumPy basics for deep learning
#
# Before building networks, we practise the NumPy moves they are made of: functions applied
# element by element, reshaping, dividing each row by one number per row (broadcasting),
# and computing losses without Python loops (vectorization).
#
# Run the check cell after each function: it runs the public checks, the same ones as
# `pytest assignments/week2`. The grader also runs hidden checks on random inputs (other
# shapes, other values), so make your function right in general, not just on the example.

# %%
import math
import time

import numpy as np

from dlcheck import checker

check = checker("week2/numpy_basics")

# %% [markdown]
# ## 1. `basic_sigmoid(x)` with the `math` module
#
# The sigmoid (or logistic) function squashes any real number into the interval (0, 1):
#
# $$\sigma(x) = \frac{1}{1 + e^{-x}}$$
#
# Write it for a single real number `x`, using `math.exp`. Return a float.

# %%
def basic_sigmoid(x):
    """Sigmoid of one real number.

    Parameters
    ----------
    x : float (or int), a real number

    Returns
    -------
    s : float, 1 / (1 + exp(-x))
    """
    ### BEGIN SOLUTION
    s = 1 / (1 + math.exp(-x))
    ### END SOLUTION
    return s

# %%
check(basic_sigmoid)

# %% [markdown]
# `math.exp` only takes one number. Deep learning works on whole arrays at once, and that
# is what NumPy's functions are for: `np.exp(x)` takes an array of any shape and returns
# the array of the exponentials of its entries.

# %%
x = np.array([1.0, 2.0, 3.0])
try:
    math.exp(x)
except TypeError as error:
    print("math.exp(x) fails on an array:", error)
print("np.exp(x) =", np.exp(x))
print("x + 3 =", x + 3, "and 1 / x =", 1 / x, "(also element by element)")

# %% [markdown]
# ## 2. `sigmoid(x)` on arrays
#
# The same formula, applied to every entry of `x`: if $x = (x_1, \dots, x_n)$ then
#
# $$\sigma(x) = \left(\frac{1}{1 + e^{-x_1}}, \dots, \frac{1}{1 + e^{-x_n}}\right)$$
#
# `x` is a numpy array of any shape (or a single number). Use `np.exp`; arithmetic between an
# array and a number (`1 + a`, `1 / a`) already works entry by entry. Return an array of the
# same shape as `x`.

# %%
def sigmoid(x):
    """Element-wise sigmoid.

    Parameters
    ----------
    x : numpy array of any shape, or a number

    Returns
    -------
    s : numpy array of the same shape as x, s = 1 / (1 + exp(-x)) entry by entry
    """
    ### BEGIN SOLUTION
    s = 1 / (1 + np.exp(-x))
    assert np.shape(s) == np.shape(x)
    ### END SOLUTION
    return s

# %%
check(sigmoid)

# %% [markdown]
# ## 3. `sigmoid_derivative(x)`
#
# Backpropagation needs the slope of every activation function. For the sigmoid it has a
# neat form in terms of the sigmoid itself: differentiating $(1 + e^{-x})^{-1}$ gives
#
# $$\sigma'(x) = \frac{e^{-x}}{(1 + e^{-x})^2} = \sigma(x)\,\bigl(1 - \sigma(x)\bigr)$$
#
# Compute `s = sigmoid(x)` with your function from part 2, then `ds = s * (1 - s)`
# (element-wise, so `ds` has the shape of `x`).

# %%
def sigmoid_derivative(x):
    """Slope of the sigmoid at every entry of x.

    Parameters
    ----------
    x : numpy array of any shape

    Returns
    -------
    ds : numpy array of the same shape as x, sigmoid(x) * (1 - sigmoid(x))
    """
    ### BEGIN SOLUTION
    s = sigmoid(x)
    ds = s * (1 - s)
    assert ds.shape == x.shape
    ### END SOLUTION
    return ds

# %%
check(sigmoid_derivative)

# %% [markdown]
# ## 4. `image2vector(image)`: reshaping
#
# A colour image is a 3-D array of shape `(length, height, depth)`, where `depth = 3` holds the
# red, green and blue values of each pixel. The networks of this course take each example as
# a **column vector**, so the image must become an array of shape `(length * height * depth, 1)`.
#
# Use `image.reshape(...)`, with the sizes from `image.shape`. Keep NumPy's default (C) order:
# the last index moves fastest, so entry `image[i, j, c]` lands in row
# $k = (i \cdot \text{height} + j) \cdot \text{depth} + c$ of the result. Do not transpose
# the image first, and return shape `(n, 1)`, not `(1, n)` or `(n,)`.

# %%
def image2vector(image):
    """Unroll an image into a column vector.

    Parameters
    ----------
    image : numpy array of shape (length, height, depth)

    Returns
    -------
    v : numpy array of shape (length * height * depth, 1), the entries of image in C order
    """
    ### BEGIN SOLUTION
    length, height, depth = image.shape
    v = image.reshape(length * height * depth, 1)
    ### END SOLUTION
    return v

# %%
check(image2vector)

# %% [markdown]
# ## 5. `normalize_rows(x)`: broadcasting
#
# Dividing each row of a matrix by its length (its L2 norm) puts every row on the unit
# sphere; inputs on a common scale make gradient descent better behaved. For `x` of shape
# `(n, m)` the norm of row $i$ is
#
# $$\lVert x_i \rVert = \sqrt{\sum_{j=1}^{m} x_{ij}^2}$$
#
# and the result has entries $x_{ij} / \lVert x_i \rVert$.
#
# `np.linalg.norm(x, axis=1, keepdims=True)` gives the `n` row norms as an array of shape
# `(n, 1)`. Dividing the `(n, m)` array by it **broadcasts**: NumPy stretches the single
# column across all `m` columns, so each row is divided by its own norm. (Without
# `keepdims=True` the norms have shape `(n,)`, which NumPy lines up with the *columns*.)
# The grader never gives you a row of zeros.

# %%
def normalize_rows(x):
    """Divide each row of x by its L2 norm.

    Parameters
    ----------
    x : numpy array of shape (n, m), no row all zeros

    Returns
    -------
    x_normalized : numpy array of shape (n, m) whose rows have L2 norm 1
    """
    ### BEGIN SOLUTION
    x_norm = np.linalg.norm(x, axis=1, keepdims=True)
    assert x_norm.shape == (x.shape[0], 1)
    x_normalized = x / x_norm
    ### END SOLUTION
    return x_normalized

# %%
check(normalize_rows)

# %% [markdown]
# ## 6. `softmax(x)`: a row-wise softmax
#
# Softmax turns a vector of scores into probabilities: positive numbers summing to 1. In this
# warm-up **each row of `x` is one vector of scores** (later weeks put examples in columns and
# normalize over `axis=0`; here it is `axis=1`). For `x` of shape `(n, m)`:
#
# $$\mathrm{softmax}(x)_{ij} = \frac{e^{x_{ij}}}{\sum_{k=1}^{m} e^{x_{ik}}}$$
#
# so every **row** of the result sums to 1. Take `np.exp(x)`, sum it over each row with
# `axis=1, keepdims=True` (shape `(n, 1)`), and divide: broadcasting again.
#
# Optional: subtracting each row's maximum from `x` first gives the same result (the factor
# $e^{-\max}$ cancels) and keeps `np.exp` from overflowing on large scores.

# %%
def softmax(x):
    """Softmax of each row of x.

    Parameters
    ----------
    x : numpy array of shape (n, m), each row a vector of scores

    Returns
    -------
    s : numpy array of shape (n, m), exp(x) divided by its row sums; each row sums to 1
    """
    ### BEGIN SOLUTION
    x_exp = np.exp(x)
    x_sum = np.sum(x_exp, axis=1, keepdims=True)
    assert x_sum.shape == (x.shape[0], 1)
    s = x_exp / x_sum
    ### END SOLUTION
    return s

# %%
check(softmax)

# %% [markdown]
# ## 7. Vectorized losses: `L1(yhat, y)` and `L2(yhat, y)`
#
# A loss measures how far the predictions $\hat y$ are from the true labels $y$; both are
# vectors of shape `(m,)`. Write each with NumPy operations on whole vectors, no loop.
#
# The L1 loss is the **sum** of the absolute differences:
#
# $$L_1(\hat y, y) = \sum_{i=1}^{m} \lvert y^{(i)} - \hat y^{(i)} \rvert$$
#
# The L2 loss is the **sum** of the squared differences:
#
# $$L_2(\hat y, y) = \sum_{i=1}^{m} \left(y^{(i)} - \hat y^{(i)}\right)^2$$
#
# Graded conventions: both are sums, **not means** (no division by `m`), the L2 loss has
# **no factor 1/2 and no square root**. Return a single number. Tip: for a vector `d`,
# `np.dot(d, d)` is the sum of its squared entries.

# %%
def L1(yhat, y):
    """L1 loss: sum of absolute differences.

    Parameters
    ----------
    yhat : numpy array of shape (m,), the predictions
    y : numpy array of shape (m,), the true labels

    Returns
    -------
    loss : float, sum over i of |y_i - yhat_i| (the sum, not the mean)
    """
    ### BEGIN SOLUTION
    assert yhat.shape == y.shape
    loss = float(np.sum(np.abs(y - yhat)))
    ### END SOLUTION
    return loss

# %%
check(L1)

# %%
def L2(yhat, y):
    """L2 loss: sum of squared differences.

    Parameters
    ----------
    yhat : numpy array of shape (m,), the predictions
    y : numpy array of shape (m,), the true labels

    Returns
    -------
    loss : float, sum over i of (y_i - yhat_i)**2 (the sum: no mean, no 1/2, no square root)
    """
    ### BEGIN SOLUTION
    assert yhat.shape == y.shape
    loss = float(np.sum((y - yhat) ** 2))
    ### END SOLUTION
    return loss

# %%
check(L2)

# %% [markdown]
# ## 8. Why vectorize? (not graded)
#
# The same L2 loss, once with a Python loop and once with NumPy, on a million entries.
# The loop visits the numbers one at a time in the interpreter; NumPy runs one compiled loop.

# %%
rng = np.random.default_rng(0)
yhat_big, y_big = rng.random(1_000_000), rng.random(1_000_000)

start = time.perf_counter()
loop_loss = 0.0
for a, b in zip(yhat_big, y_big, strict=True):
    loop_loss += (b - a) ** 2
loop_seconds = time.perf_counter() - start

start = time.perf_counter()
numpy_loss = L2(yhat_big, y_big)
numpy_seconds = time.perf_counter() - start

print(f"loop:  {loop_loss:.6f} in {loop_seconds * 1000:.1f} ms")
print(f"numpy: {numpy_loss:.6f} in {numpy_seconds * 1000:.1f} ms")
