# %% [markdown]
# # Week 3 — Planar data classification with one hidden layer
#
# Last week a single sigmoid neuron (logistic regression) drew one straight line through the
# data. This week you add a **hidden layer** of `tanh` units and watch the network draw curved
# boundaries that no straight line can. You will write, with numpy only:
#
# 1. the layer sizes and a random initialization,
# 2. forward propagation and the cross-entropy cost,
# 3. backward propagation (the gradients),
# 4. the gradient-descent update, the training loop, and predictions.
#
# **Shapes** (examples are columns, as last week):
#
# | array | shape |
# |---|---|
# | `X` (inputs) | `(n_x, m)`: here `n_x = 2` coordinates, `m` points |
# | `Y` (labels, 0 or 1) | `(1, m)` |
# | `W1`, `b1` | `(n_h, n_x)`, `(n_h, 1)` |
# | `W2`, `b2` | `(n_y, n_h)`, `(n_y, 1)` |
# | `Z1`, `A1` | `(n_h, m)` |
# | `Z2`, `A2` | `(n_y, m)` = `(1, m)` |
#
# Run the check cell after each function: it runs the public checks, the same ones as
# `pytest assignments/week3`. The grader also runs hidden checks on random inputs (other
# layer sizes, a single example, ...), so make your function right in general.

# %% [markdown] ko
# # 3주차 — 은닉층 하나로 평면 데이터 분류하기
#
# 지난주에는 sigmoid 뉴런 하나(로지스틱 회귀)가 데이터 위에 직선 하나를 그었습니다. 이번 주에는
# `tanh` 유닛으로 이루어진 **은닉층**을 더해, 직선으로는 나눌 수 없는 곡선 경계를 신경망이 그려 내는
# 모습을 봅니다. numpy만으로 다음을 직접 작성합니다.
#
# 1. 층의 크기와 무작위 초기화
# 2. 순전파(forward propagation)와 교차 엔트로피 비용
# 3. 역전파(backward propagation), 즉 기울기 계산
# 4. 경사 하강법 갱신, 학습 반복문, 예측
#
# **Shape** (지난주처럼 예제 하나가 열 하나입니다):
#
# | 배열 | shape |
# |---|---|
# | `X` (입력) | `(n_x, m)`: 여기서는 좌표 `n_x = 2`개, 점 `m`개 |
# | `Y` (레이블, 0 또는 1) | `(1, m)` |
# | `W1`, `b1` | `(n_h, n_x)`, `(n_h, 1)` |
# | `W2`, `b2` | `(n_y, n_h)`, `(n_y, 1)` |
# | `Z1`, `A1` | `(n_h, m)` |
# | `Z2`, `A2` | `(n_y, m)` = `(1, m)` |
#
# 함수를 하나 작성할 때마다 바로 아래의 check 셀을 실행하세요. `pytest assignments/week3`와 같은 공개
# 검사를 실행합니다. 채점기는 무작위 입력(다른 층 크기, 예제 하나뿐인 경우 등)으로 숨은 검사도
# 실행하므로, 예제에서만이 아니라 일반적으로 맞는 함수를 만드세요.

# %%
import matplotlib.pyplot as plt
import numpy as np
from planar_utils import load_extra_datasets, load_planar_dataset, plot_decision_boundary, sigmoid

from dlcheck import checker

check = checker("week3/planar_data_classification")

# %% [markdown]
# ## 1. The data: a flower
#
# `load_planar_dataset()` returns 400 points of the plane: `X` holds their coordinates, one
# point per column, and `Y` their colour, 0 (red) or 1 (blue). The two colours are spread
# along the petals of a flower. Look at it: can one straight line separate red from blue?

# %% [markdown] ko
# ## 1. 데이터: 꽃
#
# `load_planar_dataset()`은 평면 위의 점 400개를 반환합니다. `X`는 점마다 열 하나씩 좌표를 담고,
# `Y`는 각 점의 색, 0(빨강) 또는 1(파랑)을 담습니다. 두 색은 꽃잎을 따라 퍼져 있습니다. 그림을 보세요.
# 직선 하나로 빨강과 파랑을 나눌 수 있을까요?

# %%
X, Y = load_planar_dataset()
plt.scatter(X[0, :], X[1, :], c=Y[0, :], s=40, cmap=plt.cm.Spectral)
plt.title("The flower data set")
plt.show()

# %%
print("shape of X:", X.shape, "shape of Y:", Y.shape, "number of training examples m =", X.shape[1])

# %% [markdown]
# ## 2. A baseline: logistic regression
#
# Before building the network, try last week's model. The cell below trains logistic
# regression with gradient descent (it is given: nothing to write) and draws its decision
# boundary. Since the model draws a single line, expect it to be right about half the time:
# on this data it reaches **47 %**, worse than always answering "blue".

# %% [markdown] ko
# ## 2. 기준 모델: 로지스틱 회귀
#
# 신경망을 만들기 전에 지난주의 모델을 먼저 시험해 봅니다. 아래 셀은 경사 하강법으로 로지스틱 회귀를
# 학습시키고(이미 작성되어 있으니 쓸 것은 없습니다) 결정 경계를 그립니다. 이 모델은 직선 하나만
# 그을 수 있으므로 절반 정도만 맞힐 것이라 예상할 수 있습니다. 이 데이터에서 정확도는 **47 %**로,
# 항상 "파랑"이라고 답하는 것보다도 낮습니다.

# %%
def train_logistic_regression(X, Y, num_iterations=2000, learning_rate=0.1):
    """Week 2's model in a few lines: w of shape (n_x, 1) and a float b, by gradient descent."""
    w, b = np.zeros((X.shape[0], 1)), 0.0
    for _ in range(num_iterations):
        error = sigmoid(w.T @ X + b) - Y  # (1, m)
        w = w - learning_rate * (X @ error.T) / X.shape[1]
        b = b - learning_rate * float(np.mean(error))
    return w, b


w_lr, b_lr = train_logistic_regression(X, Y)
lr_predictions = sigmoid(w_lr.T @ X + b_lr) > 0.5
print(f"Logistic regression: {100 * np.mean(lr_predictions == Y):.2f} % of the points right")
plot_decision_boundary(lambda points: sigmoid(w_lr.T @ points + b_lr) > 0.5, X, Y)
plt.title("Logistic regression")
plt.show()

# %% [markdown]
# ## 3. The network
#
# One hidden layer of `n_h` tanh units, then one sigmoid unit. For one example $x$ (a column):
#
# $$z^{[1]} = W^{[1]} x + b^{[1]}, \qquad a^{[1]} = \tanh(z^{[1]}),$$
# $$z^{[2]} = W^{[2]} a^{[1]} + b^{[2]}, \qquad \hat{y} = a^{[2]} = \sigma(z^{[2]}),$$
#
# and the prediction is 1 when $a^{[2]} > 0.5$, else 0. Over all $m$ examples the cost is the
# mean cross-entropy:
#
# $$J = -\frac{1}{m} \sum_{i=1}^{m} \left( y^{(i)} \log a^{[2](i)} + (1 - y^{(i)}) \log\left(1 - a^{[2](i)}\right) \right).$$
#
# Building it takes the usual steps: choose the layer sizes, initialize the parameters, then
# repeat forward propagation, cost, backward propagation and an update.

# %% [markdown] ko
# ## 3. 신경망
#
# `n_h`개의 tanh 유닛으로 된 은닉층 하나 다음에 sigmoid 유닛 하나가 옵니다. 예제 하나 $x$(열 하나)에
# 대해 다음과 같습니다.
#
# $$z^{[1]} = W^{[1]} x + b^{[1]}, \qquad a^{[1]} = \tanh(z^{[1]}),$$
# $$z^{[2]} = W^{[2]} a^{[1]} + b^{[2]}, \qquad \hat{y} = a^{[2]} = \sigma(z^{[2]}),$$
#
# $a^{[2]} > 0.5$이면 1, 아니면 0으로 예측합니다. 예제 $m$개 전체에 대한 비용은 교차 엔트로피의
# 평균입니다.
#
# $$J = -\frac{1}{m} \sum_{i=1}^{m} \left( y^{(i)} \log a^{[2](i)} + (1 - y^{(i)}) \log\left(1 - a^{[2](i)}\right) \right).$$
#
# 만드는 순서는 늘 같습니다. 층의 크기를 정하고, 파라미터를 초기화한 다음, 순전파, 비용, 역전파,
# 갱신을 반복합니다.

# %% [markdown]
# ### 3.1 `layer_sizes(X, Y)`
#
# Return `(n_x, n_h, n_y)`: the number of input features (rows of `X`), the size of the
# hidden layer, **4** for now, and the number of outputs (rows of `Y`).

# %% [markdown] ko
# ### 3.1 `layer_sizes(X, Y)`
#
# `(n_x, n_h, n_y)`를 반환하세요. 입력 특성의 수(`X`의 행 수), 은닉층의 크기(지금은 **4**),
# 출력의 수(`Y`의 행 수)입니다.

# %%
def layer_sizes(X, Y):
    """The sizes of the three layers.

    Parameters
    ----------
    X : numpy array of shape (n_x, m), the inputs
    Y : numpy array of shape (n_y, m), the labels

    Returns
    -------
    n_x : int, the size of the input layer
    n_h : int, the size of the hidden layer (4)
    n_y : int, the size of the output layer
    """
    ### BEGIN SOLUTION
    n_x = X.shape[0]
    n_h = 4
    n_y = Y.shape[0]
    ### END SOLUTION
    return (n_x, n_h, n_y)

# %%
X_example, Y_example = np.zeros((5, 3)), np.zeros((2, 3))
print("layer sizes of a (5, 3) input and a (2, 3) output:", layer_sizes(X_example, Y_example))

# %%
check(layer_sizes)

# %% [markdown]
# ### 3.2 `initialize_parameters(n_x, n_h, n_y)`
#
# Draw the weights at random, small: `np.random.randn(rows, columns) * 0.01` gives a normal
# draw of standard deviation 0.01. Start the biases at zero, as column vectors of shape
# `(n, 1)`. The weights, unlike the biases, must not start at zero: every hidden unit would
# then compute the same thing and receive the same gradient, forever (the symmetry is never
# broken).
#
# The cell after the function seeds `np.random` so that its printed output matches the one
# here. No need to seed inside the function: the grader checks the properties of what you
# return (shapes, zero biases, weights of scale 0.01, `W1` and `W2` drawn independently), not
# the order you draw numbers in.

# %% [markdown] ko
# ### 3.2 `initialize_parameters(n_x, n_h, n_y)`
#
# 가중치는 작은 무작위 값으로 뽑습니다. `np.random.randn(행, 열) * 0.01`은 표준편차 0.01인 정규분포
# 값을 줍니다. 편향은 shape `(n, 1)`인 열벡터로, 0에서 시작합니다. 하지만 가중치는 편향과 달리
# 0에서 시작하면 안 됩니다. 그러면 모든 은닉 유닛이 같은 값을 계산하고 같은 기울기를 받아 영원히
# 똑같이 움직입니다(대칭이 깨지지 않습니다).
#
# 함수 다음 셀은 출력이 여기에 보이는 것과 같도록 `np.random`의 시드를 정합니다. 함수 안에서 시드를
# 정할 필요는 없습니다. 채점기는 반환값의 성질(shape, 0인 편향, 0.01 규모의 가중치, 서로 독립적으로
# 뽑은 `W1`과 `W2`)을 검사하며, 난수를 뽑는 순서는 보지 않습니다.

# %%
def initialize_parameters(n_x, n_h, n_y):
    """Small random weights and zero biases for a network with one hidden layer.

    Parameters
    ----------
    n_x, n_h, n_y : int, the sizes of the input, hidden and output layers

    Returns
    -------
    parameters : dict with
        "W1" of shape (n_h, n_x), drawn from a normal distribution times 0.01,
        "b1" of shape (n_h, 1), zeros,
        "W2" of shape (n_y, n_h), drawn from a normal distribution times 0.01,
        "b2" of shape (n_y, 1), zeros
    """
    ### BEGIN SOLUTION
    W1 = np.random.randn(n_h, n_x) * 0.01
    b1 = np.zeros((n_h, 1))
    W2 = np.random.randn(n_y, n_h) * 0.01
    b2 = np.zeros((n_y, 1))
    ### END SOLUTION
    parameters = {"W1": W1, "b1": b1, "W2": W2, "b2": b2}
    return parameters

# %%
np.random.seed(2)
for name, value in initialize_parameters(2, 4, 1).items():
    print(name, "=", value.tolist())

# %%
check(initialize_parameters)

# %% [markdown]
# ### 3.3 `forward_propagation(X, parameters)`
#
# Compute, for all examples at once,
#
# $$Z^{[1]} = W^{[1]} X + b^{[1]}, \quad A^{[1]} = \tanh(Z^{[1]}), \quad
#   Z^{[2]} = W^{[2]} A^{[1]} + b^{[2]}, \quad A^{[2]} = \sigma(Z^{[2]}).$$
#
# Use `np.tanh` for the hidden layer and the given `sigmoid` for the output. Return `A2` and a
# `cache` dict holding `"Z1"`, `"A1"`, `"Z2"` and `"A2"`: backward propagation reads them.

# %% [markdown] ko
# ### 3.3 `forward_propagation(X, parameters)`
#
# 모든 예제에 대해 한 번에 다음을 계산하세요.
#
# $$Z^{[1]} = W^{[1]} X + b^{[1]}, \quad A^{[1]} = \tanh(Z^{[1]}), \quad
#   Z^{[2]} = W^{[2]} A^{[1]} + b^{[2]}, \quad A^{[2]} = \sigma(Z^{[2]}).$$
#
# 은닉층에는 `np.tanh`를, 출력에는 주어진 `sigmoid`를 쓰세요. `A2`와 함께 `"Z1"`, `"A1"`, `"Z2"`,
# `"A2"`를 담은 `cache` dict를 반환하세요. 역전파가 이 값들을 읽습니다.

# %%
def forward_propagation(X, parameters):
    """Forward propagation: LINEAR -> TANH -> LINEAR -> SIGMOID.

    Parameters
    ----------
    X : numpy array of shape (n_x, m)
    parameters : dict with "W1" (n_h, n_x), "b1" (n_h, 1), "W2" (n_y, n_h), "b2" (n_y, 1)

    Returns
    -------
    A2 : numpy array of shape (n_y, m), the sigmoid output
    cache : dict with "Z1", "A1" of shape (n_h, m) and "Z2", "A2" of shape (n_y, m)
    """
    W1 = parameters["W1"]
    b1 = parameters["b1"]
    W2 = parameters["W2"]
    b2 = parameters["b2"]
    ### BEGIN SOLUTION
    Z1 = np.dot(W1, X) + b1
    A1 = np.tanh(Z1)
    Z2 = np.dot(W2, A1) + b2
    A2 = sigmoid(Z2)
    ### END SOLUTION
    cache = {"Z1": Z1, "A1": A1, "Z2": Z2, "A2": A2}
    return A2, cache

# %%
params_example = {"W1": np.array([[0.5, -1.0], [1.5, 0.2], [-0.3, 0.8]]), "b1": np.array([[0.1], [0.0], [-0.2]]),
                  "W2": np.array([[1.0, -2.0, 0.5]]), "b2": np.array([[0.3]])}
X_example = np.array([[1.0, -0.5, 2.0, 0.0], [0.5, 1.5, -1.0, 0.3]])
A2_example, cache_example = forward_propagation(X_example, params_example)
print("A2 =", A2_example)

# %%
check(forward_propagation)

# %% [markdown]
# ### 3.4 `compute_cost(A2, Y)`
#
# The cross-entropy cost $J$ above, with the natural logarithm (`np.log`), averaged over the
# `m` examples, returned as a Python float. No loop needed: `Y * np.log(A2)` multiplies
# element by element, and `np.sum` adds everything.

# %% [markdown] ko
# ### 3.4 `compute_cost(A2, Y)`
#
# 위의 교차 엔트로피 비용 $J$를 자연로그(`np.log`)로 계산하고 예제 `m`개에 대해 평균을 내어, Python
# float로 반환하세요. 반복문은 필요 없습니다. `Y * np.log(A2)`는 원소별로 곱하고, `np.sum`은 모두
# 더합니다.

# %%
def compute_cost(A2, Y):
    """The cross-entropy cost, averaged over the examples.

    Parameters
    ----------
    A2 : numpy array of shape (1, m), the network's outputs, strictly between 0 and 1
    Y : numpy array of shape (1, m), the labels, 0 or 1

    Returns
    -------
    cost : float, -1/m * sum(Y log A2 + (1 - Y) log(1 - A2)), natural logarithm
    """
    m = Y.shape[1]
    ### BEGIN SOLUTION
    log_likelihood = Y * np.log(A2) + (1 - Y) * np.log(1 - A2)
    cost = -np.sum(log_likelihood) / m
    ### END SOLUTION
    cost = float(np.squeeze(cost))
    return cost

# %%
print("cost =", compute_cost(A2_example, np.array([[1, 0, 1, 1]])))

# %%
check(compute_cost)

# %% [markdown]
# ### 3.5 `backward_propagation(parameters, cache, X, Y)`
#
# The gradients of the cost with respect to each parameter, each of the shape of that
# parameter. Going backwards through the network:
#
# $$dZ^{[2]} = A^{[2]} - Y, \qquad dW^{[2]} = \frac{1}{m} dZ^{[2]} A^{[1]T}, \qquad
#   db^{[2]} = \frac{1}{m} \sum_{i=1}^{m} dZ^{[2](i)},$$
# $$dZ^{[1]} = W^{[2]T} dZ^{[2]} * \left(1 - (A^{[1]})^2\right), \qquad
#   dW^{[1]} = \frac{1}{m} dZ^{[1]} X^T, \qquad db^{[1]} = \frac{1}{m} \sum_{i=1}^{m} dZ^{[1](i)}.$$
#
# * $*$ is the element-wise product, and $1 - (A^{[1]})^2$ is the derivative of tanh:
#   $\tanh'(z) = 1 - \tanh^2(z)$. It is written with `A1` (the tanh), not `Z1`.
# * The sums run over the examples, the columns: `np.sum(dZ1, axis=1, keepdims=True)` keeps
#   `db1` of shape `(n_h, 1)`, the shape of `b1`.
#
# The grader also compares your gradients with a numerical derivative of the cost.

# %% [markdown] ko
# ### 3.5 `backward_propagation(parameters, cache, X, Y)`
#
# 각 파라미터에 대한 비용의 기울기를, 그 파라미터와 같은 shape으로 구하세요. 신경망을 거꾸로
# 따라가면 다음과 같습니다.
#
# $$dZ^{[2]} = A^{[2]} - Y, \qquad dW^{[2]} = \frac{1}{m} dZ^{[2]} A^{[1]T}, \qquad
#   db^{[2]} = \frac{1}{m} \sum_{i=1}^{m} dZ^{[2](i)},$$
# $$dZ^{[1]} = W^{[2]T} dZ^{[2]} * \left(1 - (A^{[1]})^2\right), \qquad
#   dW^{[1]} = \frac{1}{m} dZ^{[1]} X^T, \qquad db^{[1]} = \frac{1}{m} \sum_{i=1}^{m} dZ^{[1](i)}.$$
#
# * $*$는 원소별 곱이고, $1 - (A^{[1]})^2$는 tanh의 도함수입니다: $\tanh'(z) = 1 - \tanh^2(z)$.
#   `Z1`이 아니라 `A1`(tanh 값)으로 씁니다.
# * 합은 예제, 즉 열을 따라 구합니다. `np.sum(dZ1, axis=1, keepdims=True)`로 하면 `db1`이 `b1`과
#   같은 shape `(n_h, 1)`로 유지됩니다.
#
# 채점기는 여러분의 기울기를 비용의 수치 미분과도 비교합니다.

# %%
def backward_propagation(parameters, cache, X, Y):
    """Gradients of the cross-entropy cost of the network.

    Parameters
    ----------
    parameters : dict with "W1" (n_h, n_x), "b1" (n_h, 1), "W2" (n_y, n_h), "b2" (n_y, 1)
    cache : dict with "Z1", "A1" (n_h, m) and "Z2", "A2" (n_y, m), from forward_propagation
    X : numpy array of shape (n_x, m)
    Y : numpy array of shape (n_y, m), labels 0 or 1

    Returns
    -------
    grads : dict with "dW1" (n_h, n_x), "db1" (n_h, 1), "dW2" (n_y, n_h), "db2" (n_y, 1),
        each the derivative of the cost with respect to that parameter
    """
    m = X.shape[1]
    W2 = parameters["W2"]
    A1 = cache["A1"]
    A2 = cache["A2"]
    ### BEGIN SOLUTION
    dZ2 = A2 - Y
    dW2 = np.dot(dZ2, A1.T) / m
    db2 = np.sum(dZ2, axis=1, keepdims=True) / m
    dZ1 = np.dot(W2.T, dZ2) * (1 - np.power(A1, 2))
    dW1 = np.dot(dZ1, X.T) / m
    db1 = np.sum(dZ1, axis=1, keepdims=True) / m
    ### END SOLUTION
    grads = {"dW1": dW1, "db1": db1, "dW2": dW2, "db2": db2}
    return grads

# %%
grads_example = backward_propagation(params_example, cache_example, X_example, np.array([[1, 0, 1, 1]]))
for name, value in grads_example.items():
    print(name, "=", value.tolist())

# %%
check(backward_propagation)

# %% [markdown]
# ### 3.6 `update_parameters(parameters, grads, learning_rate=1.2)`
#
# One step of gradient descent on every parameter, $\theta \leftarrow \theta - \alpha\, d\theta$,
# with $\alpha$ = `learning_rate`. Keep the default of **1.2**: `nn_model` relies on it.
#
# Return the updated parameters in a dict. Writing `W1 = W1 - learning_rate * dW1` makes a
# new array; `W1 -= learning_rate * dW1` changes the caller's array in place. Both are
# accepted here, since `nn_model` only keeps the new values; prefer the first when a caller
# may still need the old parameters.

# %% [markdown] ko
# ### 3.6 `update_parameters(parameters, grads, learning_rate=1.2)`
#
# 모든 파라미터에 경사 하강법을 한 단계 적용하세요: $\theta \leftarrow \theta - \alpha\, d\theta$,
# $\alpha$ = `learning_rate`. 기본값 **1.2**는 그대로 두세요. `nn_model`이 이 값을 씁니다.
#
# 갱신한 파라미터를 dict로 반환하세요. `W1 = W1 - learning_rate * dW1`은 새 배열을 만들고,
# `W1 -= learning_rate * dW1`은 호출한 쪽의 배열을 제자리에서 바꿉니다. `nn_model`은 새 값만 쓰므로
# 여기서는 둘 다 인정합니다. 호출한 쪽이 이전 파라미터를 계속 쓸 수 있다면 첫 번째 방식이 좋습니다.

# %%
def update_parameters(parameters, grads, learning_rate=1.2):
    """One gradient-descent step.

    Parameters
    ----------
    parameters : dict with "W1", "b1", "W2", "b2"
    grads : dict with "dW1", "db1", "dW2", "db2", each of the shape of its parameter
    learning_rate : float, the step size (default 1.2)

    Returns
    -------
    parameters : dict with the updated "W1", "b1", "W2", "b2" (same shapes)
    """
    W1, b1, W2, b2 = parameters["W1"], parameters["b1"], parameters["W2"], parameters["b2"]
    dW1, db1, dW2, db2 = grads["dW1"], grads["db1"], grads["dW2"], grads["db2"]
    ### BEGIN SOLUTION
    W1 = W1 - learning_rate * dW1
    b1 = b1 - learning_rate * db1
    W2 = W2 - learning_rate * dW2
    b2 = b2 - learning_rate * db2
    ### END SOLUTION
    parameters = {"W1": W1, "b1": b1, "W2": W2, "b2": b2}
    return parameters

# %%
updated_example = update_parameters(params_example, grads_example)
print("W1 after one step:", updated_example["W1"].tolist())

# %%
check(update_parameters)

# %% [markdown]
# ### 3.7 `nn_model(X, Y, n_h, num_iterations=10000, print_cost=False)`
#
# Put the pieces together. Take `n_x` and `n_y` from `layer_sizes(X, Y)` (the hidden size is
# the argument `n_h`), initialize with `initialize_parameters`, then repeat `num_iterations`
# times: `forward_propagation`, `compute_cost`, `backward_propagation`, `update_parameters`
# (with its default learning rate). Return the trained parameters.
#
# The grader runs your `nn_model` with the reference `initialize_parameters`, from a seeded
# `np.random`, so its results can be compared exactly; the check cell does the same with
# yours, so it expects an initialization that draws `W1`, then `W2`, with
# `np.random.randn`, as the stub above says.

# %% [markdown] ko
# ### 3.7 `nn_model(X, Y, n_h, num_iterations=10000, print_cost=False)`
#
# 지금까지 만든 조각을 합칩니다. `n_x`와 `n_y`는 `layer_sizes(X, Y)`에서 가져오고(은닉층 크기는 인자
# `n_h`입니다), `initialize_parameters`로 초기화한 다음, `num_iterations`번 반복하세요:
# `forward_propagation`, `compute_cost`, `backward_propagation`, `update_parameters`(기본 학습률 사용).
# 학습된 파라미터를 반환하세요.
#
# 채점기는 결과를 정확히 비교할 수 있도록, 시드를 정한 `np.random`과 참조 `initialize_parameters`로
# 여러분의 `nn_model`을 실행합니다. check 셀은 같은 일을 여러분의 초기화 함수로 하므로, 위 스텁의
# 설명처럼 `np.random.randn`으로 `W1`, 그다음 `W2`를 뽑는 초기화를 기대합니다.

# %%
def nn_model(X, Y, n_h, num_iterations=10000, print_cost=False):
    """Train the network by gradient descent.

    Parameters
    ----------
    X : numpy array of shape (n_x, m)
    Y : numpy array of shape (n_y, m), labels 0 or 1
    n_h : int, the size of the hidden layer
    num_iterations : int, the number of gradient-descent steps
    print_cost : bool, print the cost every 1000 iterations

    Returns
    -------
    parameters : dict with the trained "W1", "b1", "W2", "b2"
    """
    ### BEGIN SOLUTION
    n_x, _, n_y = layer_sizes(X, Y)
    parameters = initialize_parameters(n_x, n_h, n_y)
    ### END SOLUTION
    for i in range(num_iterations):
        ### BEGIN SOLUTION
        A2, cache = forward_propagation(X, parameters)
        cost = compute_cost(A2, Y)
        grads = backward_propagation(parameters, cache, X, Y)
        parameters = update_parameters(parameters, grads)
        ### END SOLUTION
        if print_cost and i % 1000 == 0:
            print(f"Cost after iteration {i}: {cost:f}")
    return parameters

# %%
check(nn_model)

# %% [markdown]
# ### 3.8 `predict(parameters, X)`
#
# Run forward propagation and answer 1 where $a^{[2]} > 0.5$, else 0. Return an array of shape
# `(1, m)`.

# %% [markdown] ko
# ### 3.8 `predict(parameters, X)`
#
# 순전파를 실행하고 $a^{[2]} > 0.5$인 곳은 1, 아니면 0으로 답하세요. shape `(1, m)`인 배열을
# 반환하세요.

# %%
def predict(parameters, X):
    """Predicted labels of the network.

    Parameters
    ----------
    parameters : dict with "W1", "b1", "W2", "b2"
    X : numpy array of shape (n_x, m)

    Returns
    -------
    predictions : numpy array of shape (1, m), 1 where the output is above 0.5, else 0
    """
    ### BEGIN SOLUTION
    A2, cache = forward_propagation(X, parameters)
    predictions = (A2 > 0.5).astype(float)
    ### END SOLUTION
    return predictions

# %%
check(predict)

# %% [markdown]
# ## 4. Train it on the flower
#
# Four hidden units, 10000 steps (a few seconds). The cost should fall from 0.69 to about
# 0.22, and the network should classify about **90 %** of the points right, against 47 % for
# logistic regression: the boundary now follows the petals.

# %% [markdown] ko
# ## 4. 꽃 데이터로 학습하기
#
# 은닉 유닛 4개, 10000단계입니다(몇 초 걸립니다). 비용은 0.69에서 0.22 정도로 줄고, 신경망은 점의
# 약 **90 %**를 맞게 분류해야 합니다. 로지스틱 회귀는 47 %였습니다. 이제 경계가 꽃잎을 따라갑니다.

# %%
np.random.seed(2)
parameters = nn_model(X, Y, n_h=4, num_iterations=10000, print_cost=True)
predictions = predict(parameters, X)
print(f"Accuracy: {100 * np.mean(predictions == Y):.2f} %")
plot_decision_boundary(lambda points: predict(parameters, points), X, Y)
plt.title("Decision boundary for a hidden layer of size 4")
plt.show()

# %% [markdown]
# ## 5. How many hidden units?
#
# Train networks with hidden layers of 1, 2, 3, 4, 5, 20 and 50 units (5000 steps each; this
# takes a little longer) and compare. With the same seed you should see about:
#
# | hidden units | 1 | 2 | 3 | 4 | 5 | 20 | 50 |
# |---|---|---|---|---|---|---|---|
# | training accuracy (%) | 67.5 | 67.25 | 90.75 | 90.5 | 91.25 | 90.5 | 90.75 |
#
# One or two units are too few to bend the boundary around the petals. From three on, the
# network fits the flower; more units draw more intricate boundaries without doing better
# here, and on new data such boundaries can do worse (overfitting, the topic of a later week).

# %% [markdown] ko
# ## 5. 은닉 유닛은 몇 개가 좋을까?
#
# 은닉층 크기가 1, 2, 3, 4, 5, 20, 50인 신경망을 각각 5000단계씩 학습시켜 비교해 봅니다(조금 더
# 오래 걸립니다). 같은 시드라면 대략 다음과 같은 결과가 나옵니다.
#
# | 은닉 유닛 | 1 | 2 | 3 | 4 | 5 | 20 | 50 |
# |---|---|---|---|---|---|---|---|
# | 훈련 정확도 (%) | 67.5 | 67.25 | 90.75 | 90.5 | 91.25 | 90.5 | 90.75 |
#
# 유닛이 한두 개로는 경계를 꽃잎을 따라 구부리기에 부족합니다. 세 개부터는 꽃 모양에 맞춰지고,
# 유닛이 더 많으면 경계가 더 복잡해질 뿐 여기서 더 나아지지는 않습니다. 새로운 데이터에서는 이런
# 경계가 오히려 더 나쁠 수 있습니다(과대적합, 뒤에서 다룹니다).

# %%
hidden_layer_sizes = [1, 2, 3, 4, 5, 20, 50]
plt.figure(figsize=(16, 28))
print("hidden units | training accuracy")
for i, n_h in enumerate(hidden_layer_sizes):
    ax = plt.subplot(4, 2, i + 1)
    np.random.seed(2)
    parameters_h = nn_model(X, Y, n_h, num_iterations=5000)
    accuracy_h = 100 * np.mean(predict(parameters_h, X) == Y)
    print(f"{n_h:>12} | {accuracy_h:.2f} %")
    plot_decision_boundary(lambda points, p=parameters_h: predict(p, points), X, Y, ax=ax)
    ax.set_title(f"{n_h} hidden units: {accuracy_h:.2f} %")
plt.show()

# %% [markdown]
# ## 6. Other data sets
#
# `load_extra_datasets()` returns a dict of four more sets of 400 points: two noisy circles,
# two interleaved moons, four blobs labelled like an XOR, and the inner and outer halves of
# a Gaussian. Logistic regression gets about half of the circles, blobs and Gaussian right;
# the same 4-unit network gets about 89 %, 95 % and 92.5 % (and 97 % of the moons). Try other
# hidden sizes, or other learning rates (pass one to `update_parameters` in a copy of
# `nn_model`).

# %% [markdown] ko
# ## 6. 다른 데이터셋
#
# `load_extra_datasets()`는 점 400개짜리 데이터셋 네 개를 dict로 반환합니다. 잡음이 있는 동심원 두 개,
# 서로 맞물린 초승달 두 개, XOR처럼 레이블이 붙은 덩어리 네 개, 그리고 가우시안 분포의 안쪽 절반과
# 바깥쪽 절반입니다. 로지스틱 회귀는 동심원, 덩어리, 가우시안에서 절반 정도만 맞히지만, 같은 은닉
# 유닛 4개짜리 신경망은 각각 약 89 %, 95 %, 92.5 %를 맞힙니다(초승달은 97 %). 다른 은닉층 크기나 다른
# 학습률(`nn_model`을 복사해서 `update_parameters`에 학습률을 넘겨 보세요)도 시험해 보세요.

# %%
datasets = load_extra_datasets()
fig, axes = plt.subplots(2, 2, figsize=(14, 12))
for ax, (name, (X_extra, Y_extra)) in zip(axes.ravel(), datasets.items(), strict=True):
    np.random.seed(2)
    parameters_extra = nn_model(X_extra, Y_extra, 4, num_iterations=10000)
    accuracy_extra = 100 * np.mean(predict(parameters_extra, X_extra) == Y_extra)
    print(f"{name}: {accuracy_extra:.2f} %")
    plot_decision_boundary(lambda points, p=parameters_extra: predict(p, points), X_extra, Y_extra, ax=ax)
    ax.set_title(f"{name}: {accuracy_extra:.2f} %")
plt.show()
