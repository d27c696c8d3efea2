# %% [markdown]
# # Week 2 — NumPy basics for deep learning
#
# Before building networks, we practise the NumPy moves they are made of: functions applied
# element by element, reshaping, dividing each row by one number per row (broadcasting),
# and computing losses without Python loops (vectorization).
#
# **Checking your work.** After each function, run the cell `check(function_name)`: it runs
# the public checks and says what is wrong, where, with a hint. From a terminal,
# `pytest week2` (in the folder that holds `week2/`) runs the same checks on the saved
# notebook. The grader also runs hidden checks on random inputs (other shapes, other
# values), so make each function right in general, not only on the examples. After most
# checks, a cell tries the function on an example; the markdown above it shows the
# **expected output**.

# %% [markdown] ko
# # 2주 차 — 딥러닝을 위한 NumPy 기초
#
# 신경망을 만들기 전에, 신경망을 이루는 NumPy 동작들을 연습합니다: 원소별로 적용하는 함수, reshape,
# 행마다 숫자 하나씩으로 각 행을 나누기(브로드캐스팅), 그리고 Python 반복문 없이 손실 계산하기(벡터화).
#
# **작업 확인하기.** 함수를 하나 완성할 때마다 `check(함수_이름)` 셀을 실행하세요. 공개 검사를 실행하고,
# 무엇이 어디서 틀렸는지 힌트와 함께 알려 줍니다. 터미널에서 `pytest week2`(`week2/`가 들어 있는
# 폴더에서)를 실행하면 저장된 노트북에 같은 검사를 실행합니다. 채점기는 무작위 입력(다른 shape, 다른
# 값)으로 숨은 검사도 실행하므로, 예제에서만이 아니라 일반적으로 맞는 함수를 만드세요. 대부분의 검사
# 뒤에는 함수를 예제로 실행해 보는 셀이 있고, 그 위의 마크다운에 **기대 출력**이 있습니다.

# %%
import math
import time

import numpy as np

from dlcheck import checker

check = checker("week2/numpy_basics")

# %%
import matplotlib.pyplot as plt  # for the pictures and plots (the checks do not need it)

# %% [markdown]
# ## 1. `basic_sigmoid(x)` with the `math` module
#
# The sigmoid (or logistic) function squashes any real number into the interval (0, 1):
#
# $$\sigma(x) = \frac{1}{1 + e^{-x}}$$
#
# Write it for a single real number `x`, using `math.exp`. Return a float.

# %% [markdown] ko
# ## 1. `math` 모듈로 작성하는 `basic_sigmoid(x)`
#
# 시그모이드(sigmoid, 로지스틱) 함수는 어떤 실수든 구간 (0, 1) 안으로 압축합니다:
#
# $$\sigma(x) = \frac{1}{1 + e^{-x}}$$
#
# 실수 하나 `x`에 대해 `math.exp`를 써서 작성하세요. float을 반환하세요.

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
# **Expected output** of the next cell:
#
# ```text
# basic_sigmoid(1) = 0.7310585786300049
# basic_sigmoid(-3) = 0.04742587317756678
# ```

# %% [markdown] ko
# 다음 셀의 **기대 출력**:
#
# ```text
# basic_sigmoid(1) = 0.7310585786300049
# basic_sigmoid(-3) = 0.04742587317756678
# ```

# %%
print("basic_sigmoid(1) =", basic_sigmoid(1))
print("basic_sigmoid(-3) =", basic_sigmoid(-3))

# %% [markdown]
# `math.exp` only takes one number. Deep learning works on whole arrays at once, and that
# is what NumPy's functions are for: `np.exp(x)` takes an array of any shape and returns
# the array of the exponentials of its entries.
#
# **Expected output** of the next cell:
#
# ```text
# math.exp(x) fails on an array: TypeError
# np.exp(x) = [ 2.71828183  7.3890561  20.08553692]
# x + 3 = [4. 5. 6.] and 1 / x = [1.         0.5        0.33333333] (also element by element)
# ```

# %% [markdown] ko
# `math.exp`는 숫자 하나만 받습니다. 딥러닝은 배열 전체를 한꺼번에 다루고, NumPy의 함수들이 바로 그런
# 용도입니다: `np.exp(x)`는 임의의 shape을 가진 배열을 받아 각 원소의 지수로 이루어진 배열을 돌려줍니다.
#
# 다음 셀의 **기대 출력**:
#
# ```text
# math.exp(x) fails on an array: TypeError
# np.exp(x) = [ 2.71828183  7.3890561  20.08553692]
# x + 3 = [4. 5. 6.] and 1 / x = [1.         0.5        0.33333333] (also element by element)
# ```

# %%
x = np.array([1.0, 2.0, 3.0])
try:
    math.exp(x)
except TypeError as error:
    print("math.exp(x) fails on an array:", type(error).__name__)
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

# %% [markdown] ko
# ## 2. 배열에 적용하는 `sigmoid(x)`
#
# 같은 공식을 `x`의 모든 원소에 적용합니다: $x = (x_1, \dots, x_n)$이면
#
# $$\sigma(x) = \left(\frac{1}{1 + e^{-x_1}}, \dots, \frac{1}{1 + e^{-x_n}}\right)$$
#
# `x`는 임의의 shape을 가진 numpy 배열(또는 숫자 하나)입니다. `np.exp`를 쓰세요. 배열과 숫자 사이의
# 산술(`1 + a`, `1 / a`)은 이미 원소별로 동작합니다. `x`와 shape이 같은 배열을 반환하세요.

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
# **Expected output** of the next cell:
#
# ```text
# sigmoid(np.array([1, 2, 3])) = [0.73105858 0.88079708 0.95257413]
# ```

# %% [markdown] ko
# 다음 셀의 **기대 출력**:
#
# ```text
# sigmoid(np.array([1, 2, 3])) = [0.73105858 0.88079708 0.95257413]
# ```

# %%
print("sigmoid(np.array([1, 2, 3])) =", sigmoid(np.array([1, 2, 3])))

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

# %% [markdown] ko
# ## 3. `sigmoid_derivative(x)`
#
# 역전파에는 모든 활성화 함수의 기울기가 필요합니다. 시그모이드의 기울기는 시그모이드 자신으로 깔끔하게
# 표현됩니다: $(1 + e^{-x})^{-1}$을 미분하면
#
# $$\sigma'(x) = \frac{e^{-x}}{(1 + e^{-x})^2} = \sigma(x)\,\bigl(1 - \sigma(x)\bigr)$$
#
# 2번에서 작성한 함수로 `s = sigmoid(x)`를 계산한 다음 `ds = s * (1 - s)`를 계산하세요(원소별이므로
# `ds`의 shape은 `x`와 같습니다).

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
# **Expected output** of the next cell, then a plot: the slope is largest, 1/4, at
# $x = 0$, and almost 0 far from it, where the sigmoid is flat. (That flatness slows
# learning in deep networks: later weeks come back to it.)
#
# ```text
# sigmoid_derivative(np.array([1, 2, 3])) = [0.19661193 0.10499359 0.04517666]
# ```

# %% [markdown] ko
# 다음 셀의 **기대 출력**과 그래프: 기울기는 $x = 0$에서 1/4로 가장 크고, 시그모이드가 평평해지는
# 먼 곳에서는 거의 0입니다. (이 평평함은 깊은 신경망의 학습을 느리게 만듭니다. 이후 주차에서 다시
# 다룹니다.)
#
# ```text
# sigmoid_derivative(np.array([1, 2, 3])) = [0.19661193 0.10499359 0.04517666]
# ```

# %%
print("sigmoid_derivative(np.array([1, 2, 3])) =", sigmoid_derivative(np.array([1, 2, 3])))
x = np.linspace(-6, 6, 200)
plt.plot(x, sigmoid(x), label="sigmoid(x)")
plt.plot(x, sigmoid_derivative(x), label="sigmoid_derivative(x)")
plt.xlabel("x")
plt.legend()
plt.show()

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

# %% [markdown] ko
# ## 4. `image2vector(image)`: reshape
#
# 컬러 이미지는 shape `(length, height, depth)`인 3차원 배열이며, `depth = 3`에 각 픽셀의 빨강, 초록, 파랑
# 값이 들어 있습니다. 이 코스의 신경망은 각 예제를 **열벡터**로 받으므로, 이미지를 shape
# `(length * height * depth, 1)`인 배열로 바꿔야 합니다.
#
# `image.shape`에서 얻은 크기로 `image.reshape(...)`를 쓰세요. NumPy의 기본(C) 순서를 유지하세요: 마지막
# 인덱스가 가장 빨리 변하므로, 원소 `image[i, j, c]`는 결과의
# $k = (i \cdot \text{height} + j) \cdot \text{depth} + c$번째 행에 놓입니다. 이미지를 먼저 전치하지 말고,
# `(1, n)`이나 `(n,)`가 아닌 shape `(n, 1)`을 반환하세요.

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
# A tiny "image" of shape `(2, 3, 2)` holding the numbers 0 to 11 in C order, so that its
# column lists them in order. **Expected output** of the next cell:
#
# ```text
# image[1, 2, 0] = 10
# image2vector(image) has shape (12, 1)
# as a row: [[ 0  1  2  3  4  5  6  7  8  9 10 11]]
# ```

# %% [markdown] ko
# 0부터 11까지의 숫자를 C 순서로 담은 shape `(2, 3, 2)`짜리 작은 "이미지"입니다. 그래서 이 이미지의 열은
# 숫자를 차례대로 나열합니다. 다음 셀의 **기대 출력**:
#
# ```text
# image[1, 2, 0] = 10
# image2vector(image) has shape (12, 1)
# as a row: [[ 0  1  2  3  4  5  6  7  8  9 10 11]]
# ```

# %%
image = np.arange(12).reshape(2, 3, 2)
print("image[1, 2, 0] =", image[1, 2, 0])
print("image2vector(image) has shape", image2vector(image).shape)
print("as a row:", image2vector(image).T)

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

# %% [markdown] ko
# ## 5. `normalize_rows(x)`: 브로드캐스팅
#
# 행렬의 각 행을 그 길이(L2 노름)로 나누면 모든 행이 단위 구 위에 놓입니다. 입력이 공통된 범위에 있으면
# 경사 하강법이 더 안정적으로 동작합니다. shape `(n, m)`인 `x`에서 $i$번째 행의 노름은
#
# $$\lVert x_i \rVert = \sqrt{\sum_{j=1}^{m} x_{ij}^2}$$
#
# 이고, 결과의 원소는 $x_{ij} / \lVert x_i \rVert$입니다.
#
# `np.linalg.norm(x, axis=1, keepdims=True)`는 `n`개의 행 노름을 shape `(n, 1)`인 배열로 줍니다. `(n, m)`
# 배열을 이것으로 나누면 **브로드캐스팅**이 일어납니다: NumPy가 열 하나를 `m`개 열 전체로 늘려서, 각 행이
# 자기 노름으로 나뉩니다. (`keepdims=True`가 없으면 노름의 shape이 `(n,)`이 되고, NumPy는 이를 *열* 방향으로
# 맞춥니다.) 채점기는 0으로만 된 행을 주지 않습니다.

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
# **Expected output** of the next cell:
#
# ```text
# normalize_rows(x) =
# [[0.         0.6        0.8       ]
#  [0.13736056 0.82416338 0.54944226]]
# row norms of the result: [1. 1.]
# ```

# %% [markdown] ko
# 다음 셀의 **기대 출력**:
#
# ```text
# normalize_rows(x) =
# [[0.         0.6        0.8       ]
#  [0.13736056 0.82416338 0.54944226]]
# row norms of the result: [1. 1.]
# ```

# %%
x = np.array([[0.0, 3.0, 4.0], [1.0, 6.0, 4.0]])
print("normalize_rows(x) =")
print(normalize_rows(x))
print("row norms of the result:", np.linalg.norm(normalize_rows(x), axis=1))

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

# %% [markdown] ko
# ## 6. `softmax(x)`: 행별 softmax
#
# softmax는 점수 벡터를 확률, 즉 합이 1인 양수들로 바꿉니다. 이 연습에서는 **`x`의 각 행이 점수 벡터
# 하나**입니다(이후 주차에서는 예제를 열에 두고 `axis=0`으로 정규화하지만, 여기서는 `axis=1`입니다).
# shape `(n, m)`인 `x`에 대해:
#
# $$\mathrm{softmax}(x)_{ij} = \frac{e^{x_{ij}}}{\sum_{k=1}^{m} e^{x_{ik}}}$$
#
# 따라서 결과의 모든 **행**의 합이 1입니다. `np.exp(x)`를 구하고, `axis=1, keepdims=True`로 각 행을
# 더한 다음(shape `(n, 1)`), 나누세요: 다시 브로드캐스팅입니다.
#
# 선택 사항: `x`에서 먼저 각 행의 최댓값을 빼도 결과는 같고(인수 $e^{-\max}$가 약분됩니다), 점수가 클 때
# `np.exp`가 오버플로되는 것을 막아 줍니다.

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
# **Expected output** of the next cell (each row of the result sums to 1; the largest
# score of a row gets the largest probability):
#
# ```text
# softmax(x) =
# [[9.80897665e-01 8.94462891e-04 1.79657674e-02 1.21052389e-04
#   1.21052389e-04]
#  [8.78679856e-01 1.18916387e-01 8.01252314e-04 8.01252314e-04
#   8.01252314e-04]]
# row sums: [1. 1.]
# ```

# %% [markdown] ko
# 다음 셀의 **기대 출력** (결과의 각 행의 합은 1이고, 행에서 가장 큰 점수가 가장 큰 확률을 얻습니다):
#
# ```text
# softmax(x) =
# [[9.80897665e-01 8.94462891e-04 1.79657674e-02 1.21052389e-04
#   1.21052389e-04]
#  [8.78679856e-01 1.18916387e-01 8.01252314e-04 8.01252314e-04
#   8.01252314e-04]]
# row sums: [1. 1.]
# ```

# %%
x = np.array([[9.0, 2.0, 5.0, 0.0, 0.0], [7.0, 5.0, 0.0, 0.0, 0.0]])
print("softmax(x) =")
print(softmax(x))
print("row sums:", np.sum(softmax(x), axis=1))

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

# %% [markdown] ko
# ## 7. 벡터화한 손실: `L1(yhat, y)`와 `L2(yhat, y)`
#
# 손실은 예측 $\hat y$가 실제 레이블 $y$에서 얼마나 먼지 잽니다. 둘 다 shape `(m,)`인 벡터입니다. 각
# 손실을 반복문 없이 벡터 전체에 대한 NumPy 연산으로 작성하세요.
#
# L1 손실은 절댓값 차이의 **합**입니다:
#
# $$L_1(\hat y, y) = \sum_{i=1}^{m} \lvert y^{(i)} - \hat y^{(i)} \rvert$$
#
# L2 손실은 차이의 제곱의 **합**입니다:
#
# $$L_2(\hat y, y) = \sum_{i=1}^{m} \left(y^{(i)} - \hat y^{(i)}\right)^2$$
#
# 채점 규칙: 둘 다 **평균이 아니라** 합이고(`m`으로 나누지 않음), L2 손실에는 **1/2 계수도 제곱근도
# 없습니다**. 숫자 하나를 반환하세요. 팁: 벡터 `d`에 대해 `np.dot(d, d)`는 원소 제곱의 합입니다.

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

# %% [markdown]
# **Expected output** of the next cell:
#
# ```text
# L1 = 1.1
# ```

# %% [markdown] ko
# 다음 셀의 **기대 출력**:
#
# ```text
# L1 = 1.1
# ```

# %%
yhat, y = np.array([0.9, 0.2, 0.1, 0.4, 0.9]), np.array([1.0, 0.0, 0.0, 1.0, 1.0])
print(f"L1 = {L1(yhat, y):.6g}")

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
# **Expected output** of the next cell (the same example as for `L1`):
#
# ```text
# L2 = 0.43
# ```

# %% [markdown] ko
# 다음 셀의 **기대 출력** (`L1`과 같은 예제):
#
# ```text
# L2 = 0.43
# ```

# %%
print(f"L2 = {L2(yhat, y):.6g}")

# %% [markdown]
# ## 8. Why vectorize? (not graded)
#
# The same L2 loss, once with a Python loop and once with NumPy, on a million entries.
# The loop visits the numbers one at a time in the interpreter; NumPy runs one compiled loop.

# %% [markdown] ko
# ## 8. 왜 벡터화할까? (채점하지 않음)
#
# 같은 L2 손실을 한 번은 Python 반복문으로, 한 번은 NumPy로, 원소 백만 개에 대해 계산합니다. 반복문은
# 인터프리터에서 숫자를 하나씩 방문하고, NumPy는 컴파일된 반복문 하나를 실행합니다.

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
