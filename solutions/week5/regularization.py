# %% [markdown]
# # Week 5 — Regularization
#
# A network with enough parameters can learn its training set by heart, noise included,
# and then do worse on points it has never seen: it **overfits**. Regularization makes
# that harder. This notebook trains one three-layer network on the same data three times:
# without regularization, with an L2 penalty on the weights, and with dropout.
#
# You will write, with numpy only:
#
# 1. `compute_cost_with_regularization`: the cost with the L2 penalty;
# 2. `backward_propagation_with_regularization`: its gradients;
# 3. `forward_propagation_with_dropout`: a forward pass that shuts down hidden units at random;
# 4. `backward_propagation_with_dropout`: its gradients.
#
# The network itself (initialization, forward and backward passes without regularization,
# cost, update, predictions) is given in `reg_utils`; `model`, which trains it, is given in
# this notebook.
#
# **What is graded.** `compute_cost_with_regularization` (1 point),
# `backward_propagation_with_regularization` (2), `forward_propagation_with_dropout` (2) and
# `backward_propagation_with_dropout` (2), 7 points in all; `model` is given, not graded.
# The backward passes are checked against numerical gradients of the cost (with the
# dropout masks of the cache held fixed); the dropout forward pass by its properties (the
# share of units kept, the scaling by `1 / keep_prob`, the masks in the cache, no dropout
# on the input or the output layer), never by the random numbers it drew: draw them in any
# order.
#
# **Shapes**: `X` is `(n_x, m)`, one column per example; `W[l]` is `(n_l, n_{l-1})`, `b[l]` is
# `(n_l, 1)` and `A[l]` is `(n_l, m)`.

# %% [markdown] ko
# # 5주차 — 정규화 (Regularization)
#
# 파라미터가 충분히 많은 신경망은 훈련 세트를 잡음까지 통째로 외울 수 있고, 그러면 처음 보는 점에서는
# 더 나빠집니다. 이것이 **과대적합**(overfitting)입니다. 정규화는 이를 어렵게 만듭니다. 이 노트북은 같은
# 데이터로 같은 3층 신경망을 세 번 학습시킵니다: 정규화 없이, 가중치에 L2 벌점을 주고, 드롭아웃으로.
#
# numpy만으로 다음을 작성합니다.
#
# 1. `compute_cost_with_regularization`: L2 벌점을 더한 비용
# 2. `backward_propagation_with_regularization`: 그 기울기
# 3. `forward_propagation_with_dropout`: 은닉 유닛을 무작위로 끄는 순전파
# 4. `backward_propagation_with_dropout`: 그 기울기
#
# 신경망 자체(초기화, 정규화 없는 순전파와 역전파, 비용, 갱신, 예측)는 `reg_utils`에 주어져 있고,
# 이를 학습시키는 `model`은 이 노트북에 주어져 있습니다.
#
# **채점 방식.** `compute_cost_with_regularization` (1점), `backward_propagation_with_regularization`
# (2점), `forward_propagation_with_dropout` (2점), `backward_propagation_with_dropout` (2점), 모두
# 7점입니다. `model`은 주어지는 함수이며 채점하지 않습니다. 역전파는 비용의 수치 기울기와 비교하고
# (드롭아웃 마스크는 캐시의 것으로 고정), 드롭아웃 순전파는 성질로 채점합니다 (남기는 유닛의 비율,
# `1 / keep_prob`로 나누기, 캐시 안의 마스크, 입력층과 출력층에는 드롭아웃 없음). 뽑은 난수로 채점하지
# 않으니 어떤 순서로 뽑아도 됩니다.
#
# **Shape**: `X`는 `(n_x, m)`로 예제 하나가 열 하나입니다. `W[l]`은 `(n_l, n_{l-1})`, `b[l]`은
# `(n_l, 1)`, `A[l]`은 `(n_l, m)`입니다.

# %%
import matplotlib.pyplot as plt
import numpy as np
from reg_utils import (
    backward_propagation,
    compute_cost,
    forward_propagation,
    initialize_parameters,
    load_2D_dataset,
    plot_decision_boundary,
    predict,
    predict_dec,
    relu,
    sigmoid,
    update_parameters,
)

from dlcheck import checker

check = checker("week5/regularization")

# %% [markdown]
# ## 1. The data
#
# A goalkeeper kicks the ball; the dots are where players of each team headed it (blue: the
# ball went to a player of our team, red: to the other team). Where on the field should the
# goalkeeper aim? `load_2D_dataset()` returns 211 training points and 200 test points of the
# plane (the classic course's `data.mat`, found and verified by `dldata`; if it is missing,
# the message says how to fetch it).

# %% [markdown] ko
# ## 1. 데이터
#
# 골키퍼가 공을 찹니다. 점은 각 팀 선수가 공을 머리로 받은 위치입니다 (파랑: 우리 팀 선수에게 감, 빨강:
# 상대 팀에게 감). 골키퍼는 경기장의 어디로 차야 할까요? `load_2D_dataset()`은 평면 위의 훈련 점 211개와
# 테스트 점 200개를 반환합니다 (고전 코스의 `data.mat`을 `dldata`가 찾아 검증합니다. 파일이 없으면 받는
# 방법을 메시지가 알려 줍니다).

# %%
train_X, train_Y, test_X, test_Y = load_2D_dataset()
print("train_X", train_X.shape, "train_Y", train_Y.shape, "test_X", test_X.shape, "test_Y", test_Y.shape)
plt.scatter(train_X[0, :], train_X[1, :], c=train_Y[0, :], s=40, cmap=plt.cm.Spectral)
plt.title("Where the ball was headed")
plt.show()

# %% [markdown]
# ## 2. The model (given)
#
# `model` trains the network LINEAR -> RELU -> LINEAR -> RELU -> LINEAR -> SIGMOID, of layers
# `[n_x, 20, 3, 1]`, by gradient descent:
#
# - with `lambd = 0` and `keep_prob = 1`, without regularization (the functions of `reg_utils`);
# - with `lambd > 0`, with the L2 penalty (your `compute_cost_with_regularization` and
#   `backward_propagation_with_regularization`);
# - with `keep_prob < 1`, with dropout (your `forward_propagation_with_dropout` and
#   `backward_propagation_with_dropout`).
#
# One at a time: this notebook does not combine the two. Read it; it runs once your
# functions are written.

# %% [markdown] ko
# ## 2. 모델 (주어짐)
#
# `model`은 층이 `[n_x, 20, 3, 1]`인 신경망 LINEAR -> RELU -> LINEAR -> RELU -> LINEAR -> SIGMOID를
# 경사 하강법으로 학습시킵니다.
#
# - `lambd = 0`이고 `keep_prob = 1`이면 정규화 없이 (`reg_utils`의 함수로)
# - `lambd > 0`이면 L2 벌점으로 (여러분의 `compute_cost_with_regularization`과
#   `backward_propagation_with_regularization`으로)
# - `keep_prob < 1`이면 드롭아웃으로 (여러분의 `forward_propagation_with_dropout`과
#   `backward_propagation_with_dropout`으로)
#
# 한 번에 하나씩입니다. 이 노트북은 둘을 함께 쓰지 않습니다. 읽어 보세요. 함수를 작성하고 나면 실행됩니다.

# %%
def model(X, Y, learning_rate=0.3, num_iterations=30000, print_cost=True, lambd=0, keep_prob=1):
    """Train the three-layer network, without regularization, with L2 (lambd > 0) or with
    dropout (keep_prob < 1) (given).

    Parameters
    ----------
    X : numpy array of shape (n_x, m), the inputs
    Y : numpy array of shape (1, m), the labels, 0 or 1
    learning_rate : float, the step of gradient descent
    num_iterations : int, the number of gradient-descent steps
    print_cost : bool, print the cost every 10000 iterations
    lambd : float, the L2 regularization's lambda (0: none)
    keep_prob : float, the probability of keeping a hidden unit in dropout (1: no dropout)

    Returns
    -------
    parameters : dict with the trained "W1", "b1", "W2", "b2", "W3", "b3"
    """
    assert lambd == 0 or keep_prob == 1, "L2 regularization or dropout, one at a time"
    layers_dims = [X.shape[0], 20, 3, 1]
    parameters = initialize_parameters(layers_dims)
    for i in range(num_iterations):
        if keep_prob == 1:
            a3, cache = forward_propagation(X, parameters)
        else:
            a3, cache = forward_propagation_with_dropout(X, parameters, keep_prob)
        if lambd == 0:
            cost = compute_cost(a3, Y)
        else:
            cost = compute_cost_with_regularization(a3, Y, parameters, lambd)
        if lambd == 0 and keep_prob == 1:
            grads = backward_propagation(X, Y, cache)
        elif lambd != 0:
            grads = backward_propagation_with_regularization(X, Y, cache, lambd)
        else:
            grads = backward_propagation_with_dropout(X, Y, cache, keep_prob)
        parameters = update_parameters(parameters, grads, learning_rate)
        if print_cost and i % 10000 == 0:
            print(f"Cost after iteration {i}: {cost}")
    return parameters

# %% [markdown]
# ## 3. Without regularization
#
# Train the network as it is (a few seconds):

# %% [markdown] ko
# ## 3. 정규화 없이
#
# 신경망을 그대로 학습시켜 보세요 (몇 초 걸립니다):

# %%
parameters = model(train_X, train_Y)
print("On the training set:")
predictions_train = predict(train_X, train_Y, parameters)
print("On the test set:")
predictions_test = predict(test_X, test_Y, parameters)

# %% [markdown]
# The cost falls from 0.656 to 0.139 after 20000 steps; the network is right on **94.8 %** of
# the training points and **91.5 %** of the test points. Its boundary shows why: it bends
# around single points of the training set, noise that the test set does not share.

# %% [markdown] ko
# 비용이 0.656에서 20000단계 뒤 0.139로 떨어지고, 신경망은 훈련 점의 **94.8 %**, 테스트 점의
# **91.5 %**를 맞힙니다. 경계를 보면 이유가 보입니다: 테스트 세트에는 없는 잡음인, 훈련 세트의 점
# 하나하나를 돌아서 휘어 있습니다.

# %%
plt.title("Without regularization")
plot_decision_boundary(lambda x: predict_dec(parameters, x), train_X, train_Y)
plt.show()

# %% [markdown]
# ## 4. L2 regularization
#
# L2 regularization adds to the cross-entropy cost a penalty on the size of the weights:
#
# $$J_{\text{regularized}} = J_{\text{cross-entropy}} + \frac{\lambda}{2m} \sum_{l=1}^{3} \sum_{k,j} (W_{k,j}^{[l]})^2,
# \qquad J_{\text{cross-entropy}} = -\frac{1}{m} \sum_{i=1}^{m} \left( y^{(i)} \log a^{(i)} + (1 - y^{(i)}) \log(1 - a^{(i)}) \right)$$
#
# ($a^{(i)}$ the output for example $i$): the cross-entropy cost, then the L2 penalty.
#
# ### `compute_cost_with_regularization(A3, Y, parameters, lambd)`
#
# Return $J_{\text{regularized}}$: `compute_cost(A3, Y)` (given) for the cross-entropy part,
# plus $\frac{\lambda}{2m}$ (note the 2) times the sum of the squares of every entry of `W1`,
# `W2` and `W3` (`np.sum(np.square(W1))`); the biases are not penalized. `m` is the number of
# examples, `Y.shape[1]`.

# %% [markdown] ko
# ## 4. L2 정규화
#
# L2 정규화는 교차 엔트로피 비용에 가중치 크기에 대한 벌점을 더합니다:
#
# $$J_{\text{regularized}} = J_{\text{cross-entropy}} + \frac{\lambda}{2m} \sum_{l=1}^{3} \sum_{k,j} (W_{k,j}^{[l]})^2,
# \qquad J_{\text{cross-entropy}} = -\frac{1}{m} \sum_{i=1}^{m} \left( y^{(i)} \log a^{(i)} + (1 - y^{(i)}) \log(1 - a^{(i)}) \right)$$
#
# ($a^{(i)}$는 예제 $i$의 출력): 앞은 교차 엔트로피 비용, 뒤는 L2 벌점입니다.
#
# ### `compute_cost_with_regularization(A3, Y, parameters, lambd)`
#
# $J_{\text{regularized}}$를 반환하세요: 교차 엔트로피 부분은 `compute_cost(A3, Y)`(주어짐)로, 여기에
# $\frac{\lambda}{2m}$ (2에 주의) 곱하기 `W1`, `W2`, `W3`의 모든 원소의 제곱의 합
# (`np.sum(np.square(W1))`)을 더합니다. 편향에는 벌점을 주지 않습니다. `m`은 예제 수 `Y.shape[1]`입니다.

# %%
def compute_cost_with_regularization(A3, Y, parameters, lambd):
    """The cross-entropy cost plus the L2 penalty of the weights.

    Parameters
    ----------
    A3 : numpy array of shape (1, m), the network's outputs
    Y : numpy array of shape (1, m), the labels, 0 or 1
    parameters : dict with "W1", "b1", "W2", "b2", "W3", "b3"
    lambd : float, the regularization's lambda

    Returns
    -------
    cost : float, compute_cost(A3, Y) + lambd / (2 m) * (sum of the squares of W1, W2, W3)
    """
    m = Y.shape[1]
    W1 = parameters["W1"]
    W2 = parameters["W2"]
    W3 = parameters["W3"]
    cross_entropy_cost = compute_cost(A3, Y)
    ### BEGIN SOLUTION
    L2_regularization_cost = lambd / (2 * m) * (np.sum(np.square(W1)) + np.sum(np.square(W2)) + np.sum(np.square(W3)))
    ### END SOLUTION
    cost = cross_entropy_cost + L2_regularization_cost
    return cost

# %%
check(compute_cost_with_regularization)

# %% [markdown]
# ### `backward_propagation_with_regularization(X, Y, cache, lambd)`
#
# The penalty adds to the gradient of each weight matrix its own derivative,
# $\frac{d}{dW}\left(\frac{\lambda}{2m} W^2\right) = \frac{\lambda}{m} W$: for $l = 1, 2, 3$,
#
# $$dW^{[l]} = \frac{1}{m} dZ^{[l]} A^{[l-1]T} + \frac{\lambda}{m} W^{[l]}$$
#
# ($A^{[0]} = X$). Everything else is the backward pass of `reg_utils`: $dZ^{[3]} = A^{[3]} - Y$,
# $db^{[l]}$ the mean of $dZ^{[l]}$ over the examples, $dA^{[l-1]} = W^{[l]T} dZ^{[l]}$, and
# $dZ^{[l]} = dA^{[l]} * (A^{[l]} > 0)$ for the ReLU layers. `cache` is what
# `forward_propagation` returns: `(Z1, A1, W1, b1, Z2, A2, W2, b2, Z3, A3, W3, b3)`. Return a
# dict with `"dW1"`, `"db1"`, `"dW2"`, `"db2"`, `"dW3"`, `"db3"` (also `"dZ3"`, `"dA2"`, ... if you
# like: the grader reads the six gradients of the parameters).

# %% [markdown] ko
# ### `backward_propagation_with_regularization(X, Y, cache, lambd)`
#
# 벌점은 각 가중치 행렬의 기울기에 벌점 자신의 도함수 $\frac{d}{dW}\left(\frac{\lambda}{2m} W^2\right) =
# \frac{\lambda}{m} W$를 더합니다. $l = 1, 2, 3$에 대해
#
# $$dW^{[l]} = \frac{1}{m} dZ^{[l]} A^{[l-1]T} + \frac{\lambda}{m} W^{[l]}$$
#
# 입니다 ($A^{[0]} = X$). 나머지는 모두 `reg_utils`의 역전파와 같습니다: $dZ^{[3]} = A^{[3]} - Y$,
# $db^{[l]}$은 예제들에 대한 $dZ^{[l]}$의 평균, $dA^{[l-1]} = W^{[l]T} dZ^{[l]}$, ReLU 층에서는
# $dZ^{[l]} = dA^{[l]} * (A^{[l]} > 0)$입니다. `cache`는 `forward_propagation`이 반환하는
# `(Z1, A1, W1, b1, Z2, A2, W2, b2, Z3, A3, W3, b3)`입니다. `"dW1"`, `"db1"`, `"dW2"`, `"db2"`, `"dW3"`,
# `"db3"`를 담은 dict를 반환하세요 (`"dZ3"`, `"dA2"`, ...를 함께 담아도 됩니다. 채점기는 파라미터의
# 기울기 여섯 개를 읽습니다).

# %%
def backward_propagation_with_regularization(X, Y, cache, lambd):
    """Gradients of compute_cost_with_regularization with respect to every parameter.

    Parameters
    ----------
    X : numpy array of shape (n_x, m)
    Y : numpy array of shape (1, m), labels 0 or 1
    cache : tuple (Z1, A1, W1, b1, Z2, A2, W2, b2, Z3, A3, W3, b3) of forward_propagation
    lambd : float, the regularization's lambda

    Returns
    -------
    gradients : dict with "dW1", "db1", "dW2", "db2", "dW3", "db3", each of its parameter's
        shape (and "dZ3", "dA2", "dZ2", "dA1", "dZ1")
    """
    m = X.shape[1]
    (Z1, A1, W1, b1, Z2, A2, W2, b2, Z3, A3, W3, b3) = cache
    ### BEGIN SOLUTION
    dZ3 = A3 - Y
    dW3 = 1.0 / m * np.dot(dZ3, A2.T) + lambd / m * W3
    db3 = 1.0 / m * np.sum(dZ3, axis=1, keepdims=True)
    dA2 = np.dot(W3.T, dZ3)
    dZ2 = np.multiply(dA2, np.int64(A2 > 0))
    dW2 = 1.0 / m * np.dot(dZ2, A1.T) + lambd / m * W2
    db2 = 1.0 / m * np.sum(dZ2, axis=1, keepdims=True)
    dA1 = np.dot(W2.T, dZ2)
    dZ1 = np.multiply(dA1, np.int64(A1 > 0))
    dW1 = 1.0 / m * np.dot(dZ1, X.T) + lambd / m * W1
    db1 = 1.0 / m * np.sum(dZ1, axis=1, keepdims=True)
    ### END SOLUTION
    gradients = {"dZ3": dZ3, "dW3": dW3, "db3": db3, "dA2": dA2, "dZ2": dZ2, "dW2": dW2, "db2": db2,
                 "dA1": dA1, "dZ1": dZ1, "dW1": dW1, "db1": db1}
    return gradients

# %%
check(backward_propagation_with_regularization)

# %% [markdown]
# Now train with $\lambda = 0.7$:

# %% [markdown] ko
# 이제 $\lambda = 0.7$로 학습시켜 보세요:

# %%
parameters = model(train_X, train_Y, lambd=0.7)
print("On the training set:")
predictions_train = predict(train_X, train_Y, parameters)
print("On the test set:")
predictions_test = predict(test_X, test_Y, parameters)

# %% [markdown]
# **93.8 %** on the training set and **93 %** on the test set: a little worse on the points
# it learned from, better on the others. The network no longer overfits, and its boundary
# is smoother.
#
# Why it works: the penalty pulls every weight towards 0 at each step ("weight decay"), and
# a network with small weights computes a smoother function, which cannot follow single
# noisy points. $\lambda$ is a hyperparameter, tuned on a dev set: too large, and the
# boundary becomes too smooth to fit the data (high bias).

# %% [markdown] ko
# 훈련 세트에서 **93.8 %**, 테스트 세트에서 **93 %**: 학습한 점에서는 조금 나빠지고, 다른 점에서는 더
# 좋아졌습니다. 신경망이 더는 과대적합하지 않고, 경계가 더 매끄럽습니다.
#
# 효과가 있는 이유: 벌점이 매 단계 모든 가중치를 0 쪽으로 당기고("가중치 감쇠"), 가중치가 작은 신경망은
# 더 매끄러운 함수를 계산하므로 잡음 섞인 점 하나하나를 따라갈 수 없습니다. $\lambda$는 개발 세트로
# 조정하는 하이퍼파라미터입니다. 너무 크면 경계가 너무 매끄러워져 데이터를 맞추지 못합니다 (높은 편향).

# %%
plt.title("With L2 regularization, lambda = 0.7")
plot_decision_boundary(lambda x: predict_dec(parameters, x), train_X, train_Y)
plt.show()

# %% [markdown]
# ## 5. Dropout
#
# Dropout shuts down each hidden unit with probability `1 - keep_prob` at each step of
# training: the units that stay must learn without relying on any one of their neighbours.
# Only the hidden layers drop units, never the input (`X`) or the output (`A3`). And only in
# training: predictions use the whole network.
#
# ### `forward_propagation_with_dropout(X, parameters, keep_prob=0.5)`
#
# The forward pass of `reg_utils`, with, after each hidden layer's activation `A1` and `A2`:
#
# 1. a mask `D1` of the shape of `A1`, each entry 1 with probability `keep_prob` and 0
#    otherwise: `np.random.rand(...)` draws uniform numbers in $[0, 1)$; those below
#    `keep_prob` are kept (`(D1 < keep_prob).astype(int)`);
# 2. `A1 = A1 * D1`, which shuts down the units of the zeros;
# 3. `A1 = A1 / keep_prob`, so that the expected value of each unit stays the same
#    (**inverted dropout**: a unit kept with probability 0.8 is multiplied by 1 / 0.8).
#
# Then the same for `A2` with `D2`. Return `A3` and the cache
# `(Z1, D1, A1, W1, b1, Z2, D2, A2, W2, b2, Z3, A3, W3, b3)`: the masks are stored for the
# backward pass, and `A1`, `A2` there are the activations after dropout.
#
# The given `np.random.seed(1)` at the top makes every call draw the same masks, as in the
# classic course (so the figures below are its figures); the grader does not depend on it.

# %% [markdown] ko
# ## 5. 드롭아웃
#
# 드롭아웃은 학습의 매 단계마다 각 은닉 유닛을 `1 - keep_prob`의 확률로 끕니다. 남은 유닛들은 이웃 중
# 어느 하나에 기대지 않고 배워야 합니다. 은닉층만 유닛을 끄며, 입력(`X`)이나 출력(`A3`)은 끄지 않습니다.
# 그리고 학습할 때만 그렇습니다. 예측에는 신경망 전체를 씁니다.
#
# ### `forward_propagation_with_dropout(X, parameters, keep_prob=0.5)`
#
# `reg_utils`의 순전파에, 각 은닉층의 활성화 `A1`, `A2` 다음에 다음을 더합니다.
#
# 1. `A1`과 shape이 같은 마스크 `D1`. 각 원소는 `keep_prob`의 확률로 1, 아니면 0입니다:
#    `np.random.rand(...)`가 $[0, 1)$의 균등 난수를 뽑고, `keep_prob`보다 작은 것을 남깁니다
#    (`(D1 < keep_prob).astype(int)`).
# 2. `A1 = A1 * D1`: 0인 자리의 유닛을 끕니다.
# 3. `A1 = A1 / keep_prob`: 각 유닛의 기댓값이 그대로 유지되게 합니다 (**역 드롭아웃**(inverted
#    dropout): 0.8의 확률로 남는 유닛에는 1 / 0.8을 곱합니다).
#
# 그다음 `A2`에도 `D2`로 똑같이 합니다. `A3`와 캐시 `(Z1, D1, A1, W1, b1, Z2, D2, A2, W2, b2, Z3, A3, W3,
# b3)`를 반환하세요. 마스크는 역전파를 위해 저장하며, 캐시의 `A1`, `A2`는 드롭아웃을 적용한 뒤의
# 활성화입니다.
#
# 맨 위에 주어진 `np.random.seed(1)` 때문에 고전 코스에서처럼 매 호출이 같은 마스크를 뽑습니다 (그래서
# 아래 수치가 고전 코스의 수치입니다). 채점기는 이것에 의존하지 않습니다.

# %%
def forward_propagation_with_dropout(X, parameters, keep_prob=0.5):
    """The forward pass LINEAR -> RELU + DROPOUT -> LINEAR -> RELU + DROPOUT -> LINEAR -> SIGMOID.

    Parameters
    ----------
    X : numpy array of shape (n_x, m)
    parameters : dict with "W1" (n_1, n_x), "b1" (n_1, 1), "W2" (n_2, n_1), "b2" (n_2, 1),
        "W3" (1, n_2), "b3" (1, 1)
    keep_prob : float, the probability of keeping each hidden unit

    Returns
    -------
    A3 : numpy array of shape (1, m), the sigmoid output
    cache : tuple (Z1, D1, A1, W1, b1, Z2, D2, A2, W2, b2, Z3, A3, W3, b3): D1 and D2 the
        masks, of the shapes of A1 and A2, and A1, A2 the activations after dropout
    """
    np.random.seed(1)
    W1, b1 = parameters["W1"], parameters["b1"]
    W2, b2 = parameters["W2"], parameters["b2"]
    W3, b3 = parameters["W3"], parameters["b3"]
    Z1 = np.dot(W1, X) + b1
    A1 = relu(Z1)
    ### BEGIN SOLUTION
    D1 = np.random.rand(A1.shape[0], A1.shape[1])
    D1 = (D1 < keep_prob).astype(int)
    A1 = A1 * D1
    A1 = A1 / keep_prob
    ### END SOLUTION
    Z2 = np.dot(W2, A1) + b2
    A2 = relu(Z2)
    ### BEGIN SOLUTION
    D2 = np.random.rand(A2.shape[0], A2.shape[1])
    D2 = (D2 < keep_prob).astype(int)
    A2 = A2 * D2
    A2 = A2 / keep_prob
    ### END SOLUTION
    Z3 = np.dot(W3, A2) + b3
    A3 = sigmoid(Z3)
    cache = (Z1, D1, A1, W1, b1, Z2, D2, A2, W2, b2, Z3, A3, W3, b3)
    return A3, cache

# %%
check(forward_propagation_with_dropout)

# %% [markdown]
# ### `backward_propagation_with_dropout(X, Y, cache, keep_prob)`
#
# The backward pass goes through the same units: a unit shut down in the forward pass had no
# effect on the cost, so its gradient is 0, and a kept one was scaled by `1 / keep_prob`, so
# its gradient is too. After computing `dA2` (and `dA1`) as without dropout:
#
# 1. `dA2 = dA2 * D2`, with the mask of the forward pass, from the cache;
# 2. `dA2 = dA2 / keep_prob`.
#
# The rest is the backward pass of `reg_utils` (without the L2 term). Return a dict with
# `"dW1"`, `"db1"`, `"dW2"`, `"db2"`, `"dW3"`, `"db3"`.

# %% [markdown] ko
# ### `backward_propagation_with_dropout(X, Y, cache, keep_prob)`
#
# 역전파도 같은 유닛을 거칩니다. 순전파에서 꺼진 유닛은 비용에 영향을 주지 않았으므로 기울기가 0이고,
# 남은 유닛은 `1 / keep_prob`가 곱해졌으므로 기울기에도 곱해집니다. 드롭아웃이 없을 때처럼 `dA2`(와
# `dA1`)를 계산한 다음:
#
# 1. `dA2 = dA2 * D2`: 캐시에 있는 순전파의 마스크로
# 2. `dA2 = dA2 / keep_prob`
#
# 나머지는 `reg_utils`의 역전파와 같습니다 (L2 항 없이). `"dW1"`, `"db1"`, `"dW2"`, `"db2"`, `"dW3"`,
# `"db3"`를 담은 dict를 반환하세요.

# %%
def backward_propagation_with_dropout(X, Y, cache, keep_prob):
    """Gradients of the cross-entropy cost of forward_propagation_with_dropout, through
    the units its masks kept.

    Parameters
    ----------
    X : numpy array of shape (n_x, m)
    Y : numpy array of shape (1, m), labels 0 or 1
    cache : tuple (Z1, D1, A1, W1, b1, Z2, D2, A2, W2, b2, Z3, A3, W3, b3) of
        forward_propagation_with_dropout
    keep_prob : float, the probability of keeping each hidden unit

    Returns
    -------
    gradients : dict with "dW1", "db1", "dW2", "db2", "dW3", "db3", each of its parameter's
        shape (and "dZ3", "dA2", "dZ2", "dA1", "dZ1")
    """
    m = X.shape[1]
    (Z1, D1, A1, W1, b1, Z2, D2, A2, W2, b2, Z3, A3, W3, b3) = cache
    ### BEGIN SOLUTION
    dZ3 = A3 - Y
    dW3 = 1.0 / m * np.dot(dZ3, A2.T)
    db3 = 1.0 / m * np.sum(dZ3, axis=1, keepdims=True)
    dA2 = np.dot(W3.T, dZ3)
    dA2 = dA2 * D2
    dA2 = dA2 / keep_prob
    dZ2 = np.multiply(dA2, np.int64(A2 > 0))
    dW2 = 1.0 / m * np.dot(dZ2, A1.T)
    db2 = 1.0 / m * np.sum(dZ2, axis=1, keepdims=True)
    dA1 = np.dot(W2.T, dZ2)
    dA1 = dA1 * D1
    dA1 = dA1 / keep_prob
    dZ1 = np.multiply(dA1, np.int64(A1 > 0))
    dW1 = 1.0 / m * np.dot(dZ1, X.T)
    db1 = 1.0 / m * np.sum(dZ1, axis=1, keepdims=True)
    ### END SOLUTION
    gradients = {"dZ3": dZ3, "dW3": dW3, "db3": db3, "dA2": dA2, "dZ2": dZ2, "dW2": dW2, "db2": db2,
                 "dA1": dA1, "dZ1": dZ1, "dW1": dW1, "db1": db1}
    return gradients

# %%
check(backward_propagation_with_dropout)

# %% [markdown]
# Now train with dropout, `keep_prob = 0.86`: each step shuts down 14 % of the hidden units.

# %% [markdown] ko
# 이제 `keep_prob = 0.86`인 드롭아웃으로 학습시켜 보세요. 매 단계 은닉 유닛의 14 %를 끕니다.

# %%
parameters = model(train_X, train_Y, keep_prob=0.86, learning_rate=0.3)
print("On the training set:")
predictions_train = predict(train_X, train_Y, parameters)
print("On the test set:")
predictions_test = predict(test_X, test_Y, parameters)

# %% [markdown]
# **92.9 %** on the training set and **95 %** on the test set: the best test accuracy of the
# three. (The cost printed is that of the network with its units shut down, not of the
# whole network that predicts.)

# %% [markdown] ko
# 훈련 세트에서 **92.9 %**, 테스트 세트에서 **95 %**: 셋 중 가장 좋은 테스트 정확도입니다. (출력되는
# 비용은 유닛을 끈 신경망의 비용이며, 예측하는 전체 신경망의 비용이 아닙니다.)

# %%
plt.title("With dropout, keep_prob = 0.86")
plot_decision_boundary(lambda x: predict_dec(parameters, x), train_X, train_Y)
plt.show()

# %% [markdown]
# ## 6. What you have seen
#
# | model | training accuracy | test accuracy |
# |---|---|---|
# | three layers, no regularization | 94.8 % | 91.5 % |
# | with L2 regularization, $\lambda = 0.7$ | 93.8 % | 93 % |
# | with dropout, `keep_prob = 0.86` | 92.9 % | 95 % |
#
# Regularization costs some accuracy on the training set and buys more on the test set: it
# trades fitting the training points for generalizing beyond them.
#
# - L2 regularization adds $\frac{\lambda}{2m} \sum \|W\|^2$ to the cost, and so
#   $\frac{\lambda}{m} W$ to each weight's gradient: the weights shrink.
# - Dropout shuts down hidden units at random, in training only, in the forward and the
#   backward pass alike, dividing by `keep_prob` to keep the expected values.
# - Check the backward pass with dropout off (`keep_prob = 1`): gradient checking needs a
#   cost that does not change from one call to the next.

# %% [markdown] ko
# ## 6. 정리
#
# | 모델 | 훈련 정확도 | 테스트 정확도 |
# |---|---|---|
# | 3층, 정규화 없음 | 94.8 % | 91.5 % |
# | L2 정규화, $\lambda = 0.7$ | 93.8 % | 93 % |
# | 드롭아웃, `keep_prob = 0.86` | 92.9 % | 95 % |
#
# 정규화는 훈련 세트의 정확도를 조금 내주고 테스트 세트에서 더 많이 얻습니다. 훈련 점에 맞추는 대신
# 그 너머로 일반화합니다.
#
# - L2 정규화는 비용에 $\frac{\lambda}{2m} \sum \|W\|^2$를 더하고, 따라서 각 가중치의 기울기에
#   $\frac{\lambda}{m} W$를 더합니다. 가중치가 줄어듭니다.
# - 드롭아웃은 학습할 때만 은닉 유닛을 무작위로 끄며, 순전파와 역전파에서 똑같이 끄고, 기댓값을
#   유지하려고 `keep_prob`로 나눕니다.
# - 역전파는 드롭아웃을 끄고 (`keep_prob = 1`) 검사하세요. 기울기 검사에는 호출할 때마다 바뀌지 않는
#   비용이 필요합니다.
