# %% [markdown]
# # Week 4 — A deep neural network, step by step
#
# You will build every piece of an L-layer neural network, as small functions you can test
# one at a time: initialization, the forward pass, the cost, the backward pass and the
# update. The next notebook, `deep_network_application.ipynb`, puts your functions together
# to classify cat pictures, so finish this one first.
#
# **Shapes used everywhere** (examples are columns; layer `l` has `n_l` units, `n_0 = n_x`):
#
# | array | shape |
# |---|---|
# | `A[l]` (activations; `A[0] = X`) | `(n_l, m)` |
# | `W[l]` (weights) | `(n_l, n_{l-1})` |
# | `b[l]` (biases) | `(n_l, 1)` |
# | `Z[l] = W[l] A[l-1] + b[l]` | `(n_l, m)` |
# | `dA[l]`, `dW[l]`, `db[l]`, `dZ[l]` | the shape of `A[l]`, `W[l]`, `b[l]`, `Z[l]` |
#
# Forward steps return `(output, cache)`; backward steps take `(d_output, cache)` and return
# the gradients. Run the check cell after each function: it runs the public checks (the same
# ones as `pytest assignments/week4`). The grader also runs hidden checks, on random networks
# of 1 to 4 layers, with any widths and with a single example (m = 1): make your functions
# right in general, not just on the example.

# %% [markdown] ko
# # 4주차 — 심층 신경망을 한 단계씩
#
# L층 신경망의 모든 부분을 하나씩 테스트할 수 있는 작은 함수로 만듭니다: 초기화, 순전파, 비용,
# 역전파, 파라미터 갱신. 다음 노트북 `deep_network_application.ipynb`는 여러분이 만든 함수를
# 조합해 고양이 사진을 분류하므로, 이 노트북을 먼저 끝내세요.
#
# **어디서나 쓰는 shape** (예제는 열로 놓습니다. 층 `l`의 유닛 수는 `n_l`, `n_0 = n_x`):
#
# | 배열 | shape |
# |---|---|
# | `A[l]` (활성값, `A[0] = X`) | `(n_l, m)` |
# | `W[l]` (가중치) | `(n_l, n_{l-1})` |
# | `b[l]` (편향) | `(n_l, 1)` |
# | `Z[l] = W[l] A[l-1] + b[l]` | `(n_l, m)` |
# | `dA[l]`, `dW[l]`, `db[l]`, `dZ[l]` | 각각 `A[l]`, `W[l]`, `b[l]`, `Z[l]`의 shape |
#
# 순전파 단계는 `(출력, cache)`를 반환하고, 역전파 단계는 `(출력의 기울기, cache)`를 받아 기울기를
# 반환합니다. 함수마다 바로 아래의 검사 셀을 실행하세요. 공개 검사(`pytest assignments/week4`와
# 같은 검사)를 실행합니다. 채점기는 1~4층, 임의의 너비, 예제 하나(m = 1)인 무작위 신경망에서 숨은
# 검사도 실행하므로, 예제에서만이 아니라 일반적으로 맞는 함수를 만드세요.

# %%
import copy

import numpy as np
from dnn_utils import relu, relu_backward, sigmoid, sigmoid_backward

from dlcheck import checker

check = checker("week4/deep_network_step_by_step")

# %% [markdown]
# ## 0. The given helpers
#
# `dnn_utils` gives you the two activations and their derivatives:
#
# - `A, activation_cache = sigmoid(Z)` and `A, activation_cache = relu(Z)`; the cache is `Z`;
# - `dZ = sigmoid_backward(dA, activation_cache)` and `dZ = relu_backward(dA, activation_cache)`.

# %% [markdown] ko
# ## 0. 주어진 도우미 함수
#
# `dnn_utils`에는 두 활성화 함수와 그 도함수가 있습니다:
#
# - `A, activation_cache = sigmoid(Z)`, `A, activation_cache = relu(Z)`. cache는 `Z`입니다.
# - `dZ = sigmoid_backward(dA, activation_cache)`, `dZ = relu_backward(dA, activation_cache)`.

# %%
A, Z = relu(np.array([[-1.0, 0.0, 2.0]]))
print("relu:", A, " relu_backward:", relu_backward(np.ones((1, 3)), Z))

# %% [markdown]
# ## 1. Initialization
#
# ### 1.1 `initialize_parameters(n_x, n_h, n_y)`: a two-layer network
#
# Weights are small random numbers, so that the units of a layer differ (zeros would make
# them all compute the same thing): `W1 = np.random.randn(n_h, n_x) * 0.01`,
# `W2 = np.random.randn(n_y, n_h) * 0.01`. Biases start at zero: `b1` of shape `(n_h, 1)`,
# `b2` of shape `(n_y, 1)`.
#
# **What is graded.** The first line fixes the random seed, so your printed numbers match the
# ones shown here; the grader does not compare random numbers. It checks the properties:
# shapes, zero biases, the scale 0.01, values that differ between layers. Drawing the random
# numbers in another order is fine.

# %% [markdown] ko
# ## 1. 초기화
#
# ### 1.1 `initialize_parameters(n_x, n_h, n_y)`: 2층 신경망
#
# 가중치는 작은 무작위 수입니다. 그래야 한 층의 유닛들이 서로 달라집니다 (0이면 모두 같은 것을
# 계산합니다): `W1 = np.random.randn(n_h, n_x) * 0.01`, `W2 = np.random.randn(n_y, n_h) * 0.01`.
# 편향은 0에서 시작합니다: shape `(n_h, 1)`인 `b1`, shape `(n_y, 1)`인 `b2`.
#
# **채점 방식.** 첫 줄은 무작위 시드를 고정해 출력되는 숫자가 여기에 보이는 숫자와 같게 합니다.
# 채점기는 무작위 수 자체를 비교하지 않고 성질을 검사합니다: shape, 0인 편향, 0.01이라는 크기,
# 층마다 다른 값. 무작위 수를 다른 순서로 뽑아도 괜찮습니다.

# %%
def initialize_parameters(n_x, n_h, n_y):
    """Random weights and zero biases for a two-layer network.

    Parameters
    ----------
    n_x : int, size of the input layer
    n_h : int, size of the hidden layer
    n_y : int, size of the output layer

    Returns
    -------
    parameters : dict with
        "W1" of shape (n_h, n_x), "b1" of shape (n_h, 1),
        "W2" of shape (n_y, n_h), "b2" of shape (n_y, 1)
    """
    np.random.seed(1)  # fixed, so the printed values match; the grader checks properties
    ### BEGIN SOLUTION
    W1 = np.random.randn(n_h, n_x) * 0.01
    b1 = np.zeros((n_h, 1))
    W2 = np.random.randn(n_y, n_h) * 0.01
    b2 = np.zeros((n_y, 1))
    ### END SOLUTION
    parameters = {"W1": W1, "b1": b1, "W2": W2, "b2": b2}
    return parameters

# %%
check(initialize_parameters)

# %% [markdown]
# ### 1.2 `initialize_parameters_deep(layer_dims)`: an L-layer network
#
# `layer_dims` lists the sizes of the layers, input first: `[n_0, n_1, ..., n_L]`, so the
# network has `L = len(layer_dims) - 1` layers with parameters, numbered 1 to L. For each
# `l` in `range(1, L + 1)`:
#
# $$W^{[l]} = \frac{\text{np.random.randn}(n_l, n_{l-1})}{\sqrt{n_{l-1}}}, \qquad b^{[l]} = 0 \text{ of shape } (n_l, 1)$$
#
# Dividing by $\sqrt{n_{l-1}}$ keeps each `Z[l]` of about the same size whatever the width of
# the layer before, so deep networks start training right away (with a fixed 0.01 the
# signal shrinks at every layer). Keys are `"W1"`, `"b1"`, ..., `"WL"`, `"bL"`. As above, the
# seed is fixed for the printed values and the grader checks properties.
#
# **Why not 0.01, as in the classic course?** The classic step-by-step notebook scales every
# layer by 0.01 and seeds with `np.random.seed(3)`, and its own tests expect the numbers those
# give; this notebook divides by $\sqrt{n_{l-1}}$, as the classic application notebook's own
# helper does, and seeds with 1, so its printed numbers differ from the classic's. With 0.01,
# a deep network's activations shrink layer after layer and `L_layer_model`, in the next
# notebook, learns far more slowly. The grader accepts either scale (it checks properties,
# not the numbers drawn) and its note says which one this notebook asks for.

# %% [markdown] ko
# ### 1.2 `initialize_parameters_deep(layer_dims)`: L층 신경망
#
# `layer_dims`는 입력부터 차례로 각 층의 크기입니다: `[n_0, n_1, ..., n_L]`. 따라서 파라미터가 있는
# 층은 `L = len(layer_dims) - 1`개이고, 1부터 L까지 번호를 붙입니다. `range(1, L + 1)`의 각 `l`에 대해:
#
# $$W^{[l]} = \frac{\text{np.random.randn}(n_l, n_{l-1})}{\sqrt{n_{l-1}}}, \qquad b^{[l]} = \text{shape } (n_l, 1)\text{인 } 0$$
#
# $\sqrt{n_{l-1}}$로 나누면 앞 층의 너비와 상관없이 각 `Z[l]`의 크기가 비슷하게 유지되어, 깊은 신경망도
# 바로 학습을 시작합니다 (0.01로 고정하면 층을 지날 때마다 신호가 작아집니다). 키는 `"W1"`, `"b1"`, ...,
# `"WL"`, `"bL"`입니다. 위와 같이 시드는 출력값을 위해 고정되어 있고, 채점기는 성질을 검사합니다.
#
# **고전 코스처럼 0.01을 쓰지 않는 이유.** 고전 코스의 단계별 노트북은 모든 층에 0.01을 곱하고
# `np.random.seed(3)`으로 시드를 정하며, 그 노트북의 테스트도 그렇게 나온 숫자를 기대합니다. 이 노트북은
# 고전 코스의 응용 노트북의 도우미 함수처럼 $\sqrt{n_{l-1}}$로 나누고 시드 1을 쓰므로, 출력되는 숫자가
# 고전 코스와 다릅니다. 0.01을 쓰면 깊은 신경망의 활성값이 층을 지날 때마다 작아져서, 다음 노트북의
# `L_layer_model`이 훨씬 느리게 학습합니다. 채점기는 (뽑힌 숫자가 아니라 성질을 검사하므로) 두 크기를 모두
# 인정하고, 이 노트북이 어느 쪽을 요구하는지 참고 메시지로 알려 줍니다.

# %%
def initialize_parameters_deep(layer_dims):
    """Random weights scaled by 1/sqrt(n_{l-1}) and zero biases for an L-layer network.

    Parameters
    ----------
    layer_dims : list of int, [n_0, n_1, ..., n_L], the input size first

    Returns
    -------
    parameters : dict with, for l = 1, ..., L,
        "Wl" of shape (n_l, n_{l-1}) and "bl" of shape (n_l, 1)
    """
    np.random.seed(1)  # fixed, so the printed values match; the grader checks properties
    parameters = {}
    L = len(layer_dims) - 1  # number of layers with parameters
    ### BEGIN SOLUTION
    for l in range(1, L + 1):
        parameters["W" + str(l)] = np.random.randn(layer_dims[l], layer_dims[l - 1]) / np.sqrt(layer_dims[l - 1])
        parameters["b" + str(l)] = np.zeros((layer_dims[l], 1))
    ### END SOLUTION
    return parameters

# %%
check(initialize_parameters_deep)

# %%
parameters = initialize_parameters_deep([5, 4, 3])
print("W1 =", parameters["W1"].round(3), "\nb1 =", parameters["b1"].ravel(), "\nW2 shape:", parameters["W2"].shape)

# %% [markdown]
# ## 2. Forward propagation
#
# ### 2.1 `linear_forward(A, W, b)`
#
# $$Z = W A + b$$
#
# with `A` the previous layer's activations, of shape `(n_{l-1}, m)`; `b` of shape `(n_l, 1)`
# is broadcast over the `m` columns. Return `Z` and `cache = (A, W, b)`, **in this order**:
# the backward pass reads it back as `A_prev, W, b = cache`.

# %% [markdown] ko
# ## 2. 순전파
#
# ### 2.1 `linear_forward(A, W, b)`
#
# $$Z = W A + b$$
#
# `A`는 앞 층의 활성값으로 shape이 `(n_{l-1}, m)`입니다. shape `(n_l, 1)`인 `b`는 `m`개의 열로
# 브로드캐스트됩니다. `Z`와 `cache = (A, W, b)`를 **이 순서로** 반환하세요. 역전파에서
# `A_prev, W, b = cache`로 다시 읽습니다.

# %%
def linear_forward(A, W, b):
    """The linear part of a layer's forward pass.

    Parameters
    ----------
    A : numpy array of shape (n_{l-1}, m), activations of the previous layer (or X)
    W : numpy array of shape (n_l, n_{l-1})
    b : numpy array of shape (n_l, 1)

    Returns
    -------
    Z : numpy array of shape (n_l, m), W A + b
    cache : tuple (A, W, b), in this order
    """
    ### BEGIN SOLUTION
    Z = np.dot(W, A) + b
    ### END SOLUTION
    cache = (A, W, b)
    return Z, cache

# %%
check(linear_forward)

# %% [markdown]
# ### 2.2 `linear_activation_forward(A_prev, W, b, activation)`
#
# One whole layer: `Z, linear_cache = linear_forward(A_prev, W, b)`, then
# `A, activation_cache = relu(Z)` when `activation == "relu"`, or `sigmoid(Z)` when
# `activation == "sigmoid"`. Return `A` and `cache = (linear_cache, activation_cache)`,
# **in this order**.

# %% [markdown] ko
# ### 2.2 `linear_activation_forward(A_prev, W, b, activation)`
#
# 층 하나 전체: `Z, linear_cache = linear_forward(A_prev, W, b)` 다음에, `activation == "relu"`이면
# `A, activation_cache = relu(Z)`, `activation == "sigmoid"`이면 `sigmoid(Z)`. `A`와
# `cache = (linear_cache, activation_cache)`를 **이 순서로** 반환하세요.

# %%
def linear_activation_forward(A_prev, W, b, activation):
    """One layer's forward pass: linear, then the activation.

    Parameters
    ----------
    A_prev : numpy array of shape (n_{l-1}, m)
    W : numpy array of shape (n_l, n_{l-1})
    b : numpy array of shape (n_l, 1)
    activation : "relu" or "sigmoid"

    Returns
    -------
    A : numpy array of shape (n_l, m), the layer's activations
    cache : tuple (linear_cache, activation_cache), where linear_cache = (A_prev, W, b)
        and activation_cache = Z, of shape (n_l, m)
    """
    ### BEGIN SOLUTION
    Z, linear_cache = linear_forward(A_prev, W, b)
    if activation == "sigmoid":
        A, activation_cache = sigmoid(Z)
    elif activation == "relu":
        A, activation_cache = relu(Z)
    else:
        raise ValueError(f"unknown activation {activation!r}")
    ### END SOLUTION
    cache = (linear_cache, activation_cache)
    return A, cache

# %%
check(linear_activation_forward)

# %% [markdown]
# ### 2.3 `L_model_forward(X, parameters)`
#
# The whole network: layers 1 to L-1 are `[LINEAR -> RELU]`, the last layer L is
# `[LINEAR -> SIGMOID]`, whose output `AL` (shape `(1, m)`) is the probability of a cat.
# Start from `A = X`; the number of layers is `L = len(parameters) // 2`. Append each
# layer's cache to the list `caches`, in order, so that `caches[l - 1]` is the cache of
# layer `l`.

# %% [markdown] ko
# ### 2.3 `L_model_forward(X, parameters)`
#
# 신경망 전체: 1층부터 L-1층까지는 `[LINEAR -> RELU]`, 마지막 L층은 `[LINEAR -> SIGMOID]`이고,
# 그 출력 `AL`(shape `(1, m)`)은 고양이일 확률입니다. `A = X`에서 시작하세요. 층의 수는
# `L = len(parameters) // 2`입니다. 각 층의 cache를 차례로 리스트 `caches`에 추가해서
# `caches[l - 1]`이 `l`층의 cache가 되게 하세요.

# %%
def L_model_forward(X, parameters):
    """Forward pass of [LINEAR -> RELU] * (L-1) -> LINEAR -> SIGMOID.

    Parameters
    ----------
    X : numpy array of shape (n_0, m)
    parameters : dict of "Wl" of shape (n_l, n_{l-1}) and "bl" of shape (n_l, 1), l = 1..L

    Returns
    -------
    AL : numpy array of shape (n_L, m), the last layer's activations (probabilities)
    caches : list of L caches, caches[l - 1] = ((A_prev, W, b), Z) of layer l
    """
    caches = []
    A = X
    L = len(parameters) // 2  # number of layers
    ### BEGIN SOLUTION
    for l in range(1, L):
        A_prev = A
        A, cache = linear_activation_forward(A_prev, parameters["W" + str(l)], parameters["b" + str(l)], "relu")
        caches.append(cache)
    AL, cache = linear_activation_forward(A, parameters["W" + str(L)], parameters["b" + str(L)], "sigmoid")
    caches.append(cache)
    ### END SOLUTION
    return AL, caches

# %%
check(L_model_forward)

# %% [markdown]
# ## 3. `compute_cost(AL, Y)`
#
# The cross-entropy cost, with the natural log, averaged over the `m` examples:
#
# $$J = -\frac{1}{m} \sum_{i=1}^{m} \left(y^{(i)}\log a^{[L](i)} + (1-y^{(i)})\log\left(1-a^{[L](i)}\right)\right)$$
#
# Return it as a number (`float(...)` or `np.squeeze(...)`), not an array of shape `(1, 1)`.

# %% [markdown] ko
# ## 3. `compute_cost(AL, Y)`
#
# 자연로그를 쓰고 `m`개의 예제에 대해 평균한 교차 엔트로피 비용:
#
# $$J = -\frac{1}{m} \sum_{i=1}^{m} \left(y^{(i)}\log a^{[L](i)} + (1-y^{(i)})\log\left(1-a^{[L](i)}\right)\right)$$
#
# shape `(1, 1)`인 배열이 아니라 숫자로 반환하세요 (`float(...)` 또는 `np.squeeze(...)`).

# %%
def compute_cost(AL, Y):
    """Cross-entropy cost of the predictions.

    Parameters
    ----------
    AL : numpy array of shape (1, m), predicted probabilities
    Y : numpy array of shape (1, m), labels 0 or 1

    Returns
    -------
    cost : float
    """
    m = Y.shape[1]
    ### BEGIN SOLUTION
    cost = -np.sum(Y * np.log(AL) + (1 - Y) * np.log(1 - AL)) / m
    cost = float(np.squeeze(cost))
    ### END SOLUTION
    return cost

# %%
check(compute_cost)

# %% [markdown]
# ## 4. Backward propagation
#
# ### 4.1 `linear_backward(dZ, cache)`
#
# Given `dZ = dJ/dZ[l]` of shape `(n_l, m)` and the layer's `cache = (A_prev, W, b)`:
#
# $$dW^{[l]} = \frac{1}{m} dZ^{[l]} A^{[l-1]T}, \qquad db^{[l]} = \frac{1}{m} \sum_{i=1}^{m} dZ^{[l](i)},
# \qquad dA^{[l-1]} = W^{[l]T} dZ^{[l]}$$
#
# `db` sums over the examples, the columns: `np.sum(dZ, axis=1, keepdims=True)`, which
# keeps its shape `(n_l, 1)`. Return `dA_prev, dW, db`, each of the shape of what it is the
# gradient of.

# %% [markdown] ko
# ## 4. 역전파
#
# ### 4.1 `linear_backward(dZ, cache)`
#
# shape `(n_l, m)`인 `dZ = dJ/dZ[l]`와 그 층의 `cache = (A_prev, W, b)`가 주어지면:
#
# $$dW^{[l]} = \frac{1}{m} dZ^{[l]} A^{[l-1]T}, \qquad db^{[l]} = \frac{1}{m} \sum_{i=1}^{m} dZ^{[l](i)},
# \qquad dA^{[l-1]} = W^{[l]T} dZ^{[l]}$$
#
# `db`는 예제, 즉 열 방향으로 더합니다: shape `(n_l, 1)`을 유지하는
# `np.sum(dZ, axis=1, keepdims=True)`. `dA_prev, dW, db`를 반환하세요. 각각 무엇의 기울기인지에
# 해당하는 배열과 같은 shape입니다.

# %%
def linear_backward(dZ, cache):
    """The linear part of a layer's backward pass.

    Parameters
    ----------
    dZ : numpy array of shape (n_l, m), gradient of the cost with respect to Z
    cache : tuple (A_prev, W, b) from linear_forward

    Returns
    -------
    dA_prev : numpy array of shape (n_{l-1}, m), the shape of A_prev
    dW : numpy array of shape (n_l, n_{l-1}), the shape of W
    db : numpy array of shape (n_l, 1), the shape of b
    """
    A_prev, W, b = cache
    m = A_prev.shape[1]
    ### BEGIN SOLUTION
    dW = np.dot(dZ, A_prev.T) / m
    db = np.sum(dZ, axis=1, keepdims=True) / m
    dA_prev = np.dot(W.T, dZ)
    ### END SOLUTION
    return dA_prev, dW, db

# %%
check(linear_backward)

# %% [markdown]
# ### 4.2 `linear_activation_backward(dA, cache, activation)`
#
# One whole layer backwards: with `linear_cache, activation_cache = cache`, first
# `dZ = relu_backward(dA, activation_cache)` (or `sigmoid_backward`), then
# `linear_backward(dZ, linear_cache)`. Return `dA_prev, dW, db`.

# %% [markdown] ko
# ### 4.2 `linear_activation_backward(dA, cache, activation)`
#
# 층 하나 전체의 역전파: `linear_cache, activation_cache = cache`로 꺼낸 뒤, 먼저
# `dZ = relu_backward(dA, activation_cache)` (또는 `sigmoid_backward`), 그다음
# `linear_backward(dZ, linear_cache)`. `dA_prev, dW, db`를 반환하세요.

# %%
def linear_activation_backward(dA, cache, activation):
    """One layer's backward pass: through the activation, then the linear part.

    Parameters
    ----------
    dA : numpy array of shape (n_l, m), gradient of the cost with respect to A
    cache : tuple (linear_cache, activation_cache) from linear_activation_forward
    activation : "relu" or "sigmoid", as in the forward pass

    Returns
    -------
    dA_prev : numpy array of shape (n_{l-1}, m)
    dW : numpy array of shape (n_l, n_{l-1})
    db : numpy array of shape (n_l, 1)
    """
    linear_cache, activation_cache = cache
    ### BEGIN SOLUTION
    if activation == "relu":
        dZ = relu_backward(dA, activation_cache)
    elif activation == "sigmoid":
        dZ = sigmoid_backward(dA, activation_cache)
    else:
        raise ValueError(f"unknown activation {activation!r}")
    dA_prev, dW, db = linear_backward(dZ, linear_cache)
    ### END SOLUTION
    return dA_prev, dW, db

# %%
check(linear_activation_backward)

# %% [markdown]
# ### 4.3 `L_model_backward(AL, Y, caches)`
#
# Backwards through the whole network. Start from the derivative of the cost with respect to
# `AL`:
#
# $$dA^{[L]} = -\left(\frac{Y}{A^{[L]}} - \frac{1 - Y}{1 - A^{[L]}}\right)$$
#
# (`Y = Y.reshape(AL.shape)` first). Layer L is a sigmoid layer, with cache `caches[L - 1]`;
# then layers L-1 down to 1 are ReLU layers, layer `l` with cache `caches[l - 1]`. Store the
# gradients in `grads` under the keys `"dA" + str(l - 1)`, `"dW" + str(l)`, `"db" + str(l)`
# for each layer `l` (so `"dA0"` is the gradient with respect to `X`).

# %% [markdown] ko
# ### 4.3 `L_model_backward(AL, Y, caches)`
#
# 신경망 전체를 거꾸로 지나갑니다. `AL`에 대한 비용의 도함수에서 시작하세요:
#
# $$dA^{[L]} = -\left(\frac{Y}{A^{[L]}} - \frac{1 - Y}{1 - A^{[L]}}\right)$$
#
# (먼저 `Y = Y.reshape(AL.shape)`). L층은 cache가 `caches[L - 1]`인 sigmoid 층이고, 그다음 L-1층부터
# 1층까지는 ReLU 층이며, `l`층의 cache는 `caches[l - 1]`입니다. 각 층 `l`의 기울기를 `grads`에
# `"dA" + str(l - 1)`, `"dW" + str(l)`, `"db" + str(l)` 키로 저장하세요 (`"dA0"`은 `X`에 대한 기울기).

# %%
def L_model_backward(AL, Y, caches):
    """Backward pass of [LINEAR -> RELU] * (L-1) -> LINEAR -> SIGMOID.

    Parameters
    ----------
    AL : numpy array of shape (1, m), output of L_model_forward
    Y : numpy array of shape (1, m), labels 0 or 1
    caches : list of L caches from L_model_forward, caches[l - 1] of layer l

    Returns
    -------
    grads : dict with, for l = 1, ..., L, "dA{l-1}" of the shape of A[l-1],
        "dW{l}" of the shape of W[l] and "db{l}" of the shape of b[l]
    """
    grads = {}
    L = len(caches)  # number of layers
    Y = Y.reshape(AL.shape)
    ### BEGIN SOLUTION
    dAL = -(np.divide(Y, AL) - np.divide(1 - Y, 1 - AL))
    dA_prev, dW, db = linear_activation_backward(dAL, caches[L - 1], "sigmoid")
    grads["dA" + str(L - 1)], grads["dW" + str(L)], grads["db" + str(L)] = dA_prev, dW, db
    for l in reversed(range(1, L)):
        dA_prev, dW, db = linear_activation_backward(grads["dA" + str(l)], caches[l - 1], "relu")
        grads["dA" + str(l - 1)], grads["dW" + str(l)], grads["db" + str(l)] = dA_prev, dW, db
    ### END SOLUTION
    return grads

# %%
check(L_model_backward)

# %% [markdown]
# ## 5. `update_parameters(params, grads, learning_rate)`
#
# One step of gradient descent, for every layer `l`:
#
# $$W^{[l]} \leftarrow W^{[l]} - \alpha\, dW^{[l]}, \qquad b^{[l]} \leftarrow b^{[l]} - \alpha\, db^{[l]}$$
#
# with $\alpha$ = `learning_rate`.
#
# **What is graded.** Return the updated parameters in a **new** dict and leave `params` as
# it was (start with `parameters = copy.deepcopy(params)`, or build a new dict): a caller
# may still need the old values. A function that changes the caller's `params` (for example
# with `-=`) fails. (Earlier versions of the course updated `parameters` in place; a
# function written that way, with that parameter name, is accepted with a note.)

# %% [markdown] ko
# ## 5. `update_parameters(params, grads, learning_rate)`
#
# 경사 하강법 한 단계, 각 층 `l`에 대해:
#
# $$W^{[l]} \leftarrow W^{[l]} - \alpha\, dW^{[l]}, \qquad b^{[l]} \leftarrow b^{[l]} - \alpha\, db^{[l]}$$
#
# $\alpha$ = `learning_rate`.
#
# **채점 방식.** 갱신한 파라미터를 **새** dict로 반환하고 `params`는 그대로 두세요
# (`parameters = copy.deepcopy(params)`로 시작하거나 새 dict를 만드세요). 호출한 쪽에서 이전 값이
# 아직 필요할 수 있습니다. 호출한 쪽의 `params`를 바꾸는 함수(예: `-=` 사용)는 실패합니다. (코스의
# 예전 버전은 `parameters`를 그 자리에서 갱신했습니다. 그 인자 이름으로 그렇게 쓴 함수는 참고 메시지와
# 함께 인정합니다.)

# %%
def update_parameters(params, grads, learning_rate):
    """One gradient-descent step on every layer's parameters.

    Parameters
    ----------
    params : dict of "Wl" of shape (n_l, n_{l-1}) and "bl" of shape (n_l, 1), l = 1..L;
        left unchanged
    grads : dict with "dWl" and "dbl" of the same shapes, from L_model_backward
    learning_rate : float

    Returns
    -------
    parameters : a new dict with the updated "Wl" and "bl"
    """
    parameters = copy.deepcopy(params)
    L = len(parameters) // 2  # number of layers
    ### BEGIN SOLUTION
    for l in range(1, L + 1):
        parameters["W" + str(l)] = parameters["W" + str(l)] - learning_rate * grads["dW" + str(l)]
        parameters["b" + str(l)] = parameters["b" + str(l)] - learning_rate * grads["db" + str(l)]
    ### END SOLUTION
    return parameters

# %%
check(update_parameters)

# %% [markdown]
# ## 6. All together, on a tiny problem
#
# Your functions make a training loop. On 8 random points and a 3-layer network, the cost
# should go down. Then open `deep_network_application.ipynb`: it loads your functions from
# this notebook (save it first).

# %% [markdown] ko
# ## 6. 작은 문제에서 모두 함께
#
# 여러분의 함수로 학습 루프를 만들 수 있습니다. 무작위 점 8개와 3층 신경망에서 비용이 줄어들어야
# 합니다. 그다음 `deep_network_application.ipynb`를 여세요. 이 노트북에서 여러분의 함수를
# 불러옵니다 (먼저 저장하세요).

# %%
rng = np.random.default_rng(0)
X_tiny = rng.normal(size=(4, 8))
Y_tiny = (X_tiny[0:1] + X_tiny[1:2] > 0).astype(float)
parameters = initialize_parameters_deep([4, 5, 3, 1])
for i in range(301):
    AL, caches = L_model_forward(X_tiny, parameters)
    grads = L_model_backward(AL, Y_tiny, caches)
    parameters = update_parameters(parameters, grads, learning_rate=0.1)
    if i % 100 == 0:
        print(f"cost after {i} steps: {compute_cost(AL, Y_tiny):.4f}")
