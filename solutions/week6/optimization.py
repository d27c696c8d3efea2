# %% [markdown]
# # Week 6 — Optimization methods
#
# Gradient descent takes one step per pass over the whole training set, always downhill,
# always the same size. This notebook makes training faster and steadier in three ways:
# steps on **mini-batches** of the data, steps that remember the previous ones (**momentum**,
# **RMSProp**, **AdaGrad**, **Adam**), and a learning rate that shrinks as training goes on
# (**learning-rate decay**).
#
# You will write, with numpy only:
#
# 1. `update_parameters_with_gd`: one step of gradient descent;
# 2. `random_mini_batches`: the training set shuffled and cut into mini-batches;
# 3. `initialize_velocity`, `update_parameters_with_momentum`: momentum;
# 4. `initialize_rmsprop`, `update_parameters_with_rmsprop`: RMSProp;
# 5. `initialize_adagrad`, `update_parameters_with_adagrad`: AdaGrad;
# 6. `initialize_adam`, `update_parameters_with_adam`: Adam;
# 7. `update_lr`, `schedule_lr_decay`: learning-rate decay;
# 8. `model`, which trains a three-layer network with any of them.
#
# RMSProp and AdaGrad are **this course's addition** (the lecture decks teach them beside the
# others; the classic course's notebook has no exercise on them). The network's forward pass,
# cost and backward pass are given, in `opt_utils`.
#
# **Shapes**: `X` is `(n_x, m)`, one column per example; `W[l]` is `(n_l, n_{l-1})` and `b[l]`
# is `(n_l, 1)`. Every optimizer takes `parameters` (keys `"W1"`, `"b1"`, ..., `"WL"`, `"bL"`)
# and `grads` (keys `"dW1"`, `"db1"`, ...); the state it keeps (`v`, `s`, `h`) has the keys
# of `grads` and the shapes of the parameters.
#
# Run the check cell after each function: it runs the public checks, the same ones as
# `pytest assignments/week6`. An optimizer is graded by its update equations over several
# steps, on networks of any depth, with the learning rate, betas and epsilon it is given.

# %% [markdown] ko
# # 6주차 — 최적화 방법
#
# 경사 하강법은 훈련 세트 전체를 한 번 지날 때마다 한 걸음을, 언제나 내리막으로, 언제나 같은 크기로
# 내딛습니다. 이 노트북은 세 가지 방법으로 학습을 더 빠르고 안정되게 만듭니다. 데이터의 **미니배치**마다
# 걸음을 내딛고, 이전 걸음을 기억하는 걸음(**모멘텀**, **RMSProp**, **AdaGrad**, **Adam**)을 쓰고,
# 학습이 진행될수록 학습률을 줄입니다(**학습률 감쇠**).
#
# numpy만으로 다음을 작성합니다.
#
# 1. `update_parameters_with_gd`: 경사 하강법 한 단계
# 2. `random_mini_batches`: 훈련 세트를 섞어 미니배치로 자르기
# 3. `initialize_velocity`, `update_parameters_with_momentum`: 모멘텀
# 4. `initialize_rmsprop`, `update_parameters_with_rmsprop`: RMSProp
# 5. `initialize_adagrad`, `update_parameters_with_adagrad`: AdaGrad
# 6. `initialize_adam`, `update_parameters_with_adam`: Adam
# 7. `update_lr`, `schedule_lr_decay`: 학습률 감쇠
# 8. `model`: 이 중 어느 것으로든 3층 신경망을 학습시킵니다
#
# RMSProp와 AdaGrad는 **이 코스에서 더한 과제**입니다(강의 자료는 다른 방법들과 나란히 가르치지만, 고전
# 코스의 노트북에는 이 과제가 없습니다). 신경망의 순전파, 비용, 역전파는 `opt_utils`에 주어져 있습니다.
#
# **Shape**: `X`는 `(n_x, m)`로 예제 하나가 열 하나입니다. `W[l]`은 `(n_l, n_{l-1})`, `b[l]`은
# `(n_l, 1)`입니다. 모든 최적화 함수는 `parameters`(키 `"W1"`, `"b1"`, ..., `"WL"`, `"bL"`)와
# `grads`(키 `"dW1"`, `"db1"`, ...)를 받습니다. 최적화 함수가 유지하는 상태(`v`, `s`, `h`)는 `grads`의
# 키와 파라미터의 shape을 가집니다.
#
# 함수를 하나 작성할 때마다 바로 아래의 check 셀을 실행하세요. `pytest assignments/week6`와 같은 공개
# 검사를 실행합니다. 최적화 함수는 여러 단계에 걸친 갱신 식으로, 어떤 깊이의 신경망에서든, 주어진 학습률,
# beta, epsilon으로 채점합니다.

# %%
import math

import matplotlib.pyplot as plt
import numpy as np
from opt_utils import (
    backward_propagation,
    compute_cost,
    forward_propagation,
    initialize_parameters,
    load_dataset,
    plot_decision_boundary,
    predict,
    predict_dec,
)

from dlcheck import checker

check = checker("week6/optimization")

# %% [markdown]
# ## 1. Gradient descent
#
# One step for every layer $l = 1, \dots, L$:
#
# $$W^{[l]} = W^{[l]} - \alpha \, dW^{[l]}, \qquad b^{[l]} = b^{[l]} - \alpha \, db^{[l]}$$
#
# where $\alpha$ is the learning rate.
#
# ### `update_parameters_with_gd(parameters, grads, learning_rate)`
#
# Return `parameters` after the step. `L = len(parameters) // 2` is the number of layers.

# %% [markdown] ko
# ## 1. 경사 하강법
#
# 모든 층 $l = 1, \dots, L$에서 한 단계:
#
# $$W^{[l]} = W^{[l]} - \alpha \, dW^{[l]}, \qquad b^{[l]} = b^{[l]} - \alpha \, db^{[l]}$$
#
# 여기서 $\alpha$는 학습률입니다.
#
# ### `update_parameters_with_gd(parameters, grads, learning_rate)`
#
# 한 단계 뒤의 `parameters`를 반환하세요. `L = len(parameters) // 2`가 층의 수입니다.

# %%
def update_parameters_with_gd(parameters, grads, learning_rate):
    """One step of gradient descent.

    Parameters
    ----------
    parameters : dict with "W" + str(l) of shape (n_l, n_{l-1}) and "b" + str(l) of shape (n_l, 1)
    grads : dict with "dW" + str(l) and "db" + str(l), shaped like their parameters
    learning_rate : float, the step size alpha

    Returns
    -------
    parameters : dict, every W and b after W = W - learning_rate * dW (b likewise)
    """
    L = len(parameters) // 2  # the number of layers
    for l in range(1, L + 1):
        ### BEGIN SOLUTION
        parameters["W" + str(l)] = parameters["W" + str(l)] - learning_rate * grads["dW" + str(l)]
        parameters["b" + str(l)] = parameters["b" + str(l)] - learning_rate * grads["db" + str(l)]
        ### END SOLUTION
    return parameters

# %%
check(update_parameters_with_gd)

# %% [markdown]
# ## 2. Mini-batches
#
# Two steps turn the training set `(X, Y)` into mini-batches:
#
# 1. **Shuffle** the columns of `X` and `Y` with **the same** permutation, so each example keeps
#    its label: `permutation = list(np.random.permutation(m))`, then `X[:, permutation]` and
#    `Y[:, permutation]`.
# 2. **Cut** the shuffled set into batches of `mini_batch_size` columns (a power of 2: 16, 32,
#    64...). When `m` is not a multiple of it, the **last** batch is smaller and holds the
#    `m - mini_batch_size * math.floor(m / mini_batch_size)` examples left: keep it.
#
# ### `random_mini_batches(X, Y, mini_batch_size=64, seed=0)`
#
# Return the list of `(mini_batch_X, mini_batch_Y)` pairs, of shapes `(n_x, size)` and
# `(1, size)`. The first line seeds `np.random` with `seed`, so that the batches printed here
# are the ones of the check; the grader accepts any random permutation.

# %% [markdown] ko
# ## 2. 미니배치
#
# 두 단계로 훈련 세트 `(X, Y)`를 미니배치로 만듭니다.
#
# 1. `X`와 `Y`의 열을 **같은** 순열로 **섞어서**, 각 예제가 자기 레이블을 유지하게 합니다:
#    `permutation = list(np.random.permutation(m))` 다음에 `X[:, permutation]`과 `Y[:, permutation]`.
# 2. 섞인 세트를 `mini_batch_size`개의 열(2의 거듭제곱: 16, 32, 64...)로 된 배치로 **자릅니다**.
#    `m`이 그 배수가 아니면 **마지막** 배치는 더 작고, 남은 `m - mini_batch_size * math.floor(m / mini_batch_size)`개의
#    예제를 담습니다. 그 배치도 버리지 마세요.
#
# ### `random_mini_batches(X, Y, mini_batch_size=64, seed=0)`
#
# shape이 `(n_x, size)`와 `(1, size)`인 `(mini_batch_X, mini_batch_Y)` 쌍의 리스트를 반환하세요. 첫 줄이
# `np.random`의 시드를 `seed`로 정하므로 여기에 출력되는 배치가 check의 배치와 같습니다. 채점기는 어떤
# 무작위 순열이든 인정합니다.

# %%
def random_mini_batches(X, Y, mini_batch_size=64, seed=0):
    """The training set shuffled (X and Y together) and cut into mini-batches.

    Parameters
    ----------
    X : numpy array of shape (n_x, m), the inputs, one column per example
    Y : numpy array of shape (1, m), the labels
    mini_batch_size : int, the number of examples of each mini-batch (the last may have fewer)
    seed : int, the seed of np.random, so the shuffle is reproducible

    Returns
    -------
    mini_batches : list of (mini_batch_X, mini_batch_Y), of shapes (n_x, size) and (1, size):
        every example exactly once, in batches of mini_batch_size, the remainder last
    """
    np.random.seed(seed)
    m = X.shape[1]  # the number of training examples
    mini_batches = []
    ### BEGIN SOLUTION
    permutation = list(np.random.permutation(m))
    shuffled_X = X[:, permutation]
    shuffled_Y = Y[:, permutation].reshape((1, m))
    num_complete_minibatches = math.floor(m / mini_batch_size)
    for k in range(num_complete_minibatches):
        batch = slice(k * mini_batch_size, (k + 1) * mini_batch_size)
        mini_batches.append((shuffled_X[:, batch], shuffled_Y[:, batch]))
    if m % mini_batch_size != 0:
        rest = slice(num_complete_minibatches * mini_batch_size, m)
        mini_batches.append((shuffled_X[:, rest], shuffled_Y[:, rest]))
    ### END SOLUTION
    return mini_batches

# %%
X_demo = np.arange(2 * 10).reshape(2, 10)
Y_demo = (np.arange(10) % 2).reshape(1, 10)
for mini_batch_X, mini_batch_Y in random_mini_batches(X_demo, Y_demo, mini_batch_size=4, seed=1):
    print(mini_batch_X.tolist(), mini_batch_Y.tolist())

# %%
check(random_mini_batches)

# %% [markdown]
# ## 3. Momentum
#
# Momentum steps along an exponentially weighted average of the past gradients, the
# **velocity** $v$, which smooths the zigzag of mini-batch steps. For every layer:
#
# $$v_{dW^{[l]}} = \beta \, v_{dW^{[l]}} + (1 - \beta) \, dW^{[l]}, \qquad W^{[l]} = W^{[l]} - \alpha \, v_{dW^{[l]}}$$
#
# and the same for $b^{[l]}$ with $v_{db^{[l]}}$. $\beta$ (typically 0.9) says how much of the
# past is kept; $\beta = 0$ is plain gradient descent.
#
# ### `initialize_velocity(parameters)`
#
# Return `v`, a dict with the keys `"dW1"`, `"db1"`, ..., `"dWL"`, `"dbL"`, each **zeros** of
# the shape of its parameter.
#
# ### `update_parameters_with_momentum(parameters, grads, v, beta, learning_rate)`
#
# One step, as above, on every layer. Return `(parameters, v)`: the new velocity too, for the
# next step.

# %% [markdown] ko
# ## 3. 모멘텀
#
# 모멘텀은 지난 기울기들의 지수 가중 평균, 즉 **속도** $v$를 따라 걸음을 내딛어 미니배치 걸음의 지그재그를
# 부드럽게 만듭니다. 모든 층에서:
#
# $$v_{dW^{[l]}} = \beta \, v_{dW^{[l]}} + (1 - \beta) \, dW^{[l]}, \qquad W^{[l]} = W^{[l]} - \alpha \, v_{dW^{[l]}}$$
#
# $b^{[l]}$도 $v_{db^{[l]}}$로 똑같이 합니다. $\beta$(보통 0.9)는 과거를 얼마나 유지할지 정하며,
# $\beta = 0$이면 보통의 경사 하강법입니다.
#
# ### `initialize_velocity(parameters)`
#
# 키가 `"dW1"`, `"db1"`, ..., `"dWL"`, `"dbL"`이고 각 값이 그 파라미터의 shape인 **0** 배열인 dict `v`를
# 반환하세요.
#
# ### `update_parameters_with_momentum(parameters, grads, v, beta, learning_rate)`
#
# 위와 같이 모든 층에서 한 단계를 갱신하세요. `(parameters, v)`를 반환합니다. 다음 단계를 위해 새 속도도
# 반환해야 합니다.

# %%
def initialize_velocity(parameters):
    """The velocity of momentum, zero at the start.

    Parameters
    ----------
    parameters : dict with "W" + str(l) and "b" + str(l), l = 1, ..., L

    Returns
    -------
    v : dict with "dW" + str(l) and "db" + str(l): zeros of the shapes of W<l> and b<l>
    """
    L = len(parameters) // 2
    v = {}
    for l in range(1, L + 1):
        ### BEGIN SOLUTION
        v["dW" + str(l)] = np.zeros(parameters["W" + str(l)].shape)
        v["db" + str(l)] = np.zeros(parameters["b" + str(l)].shape)
        ### END SOLUTION
    return v

# %%
check(initialize_velocity)

# %%
def update_parameters_with_momentum(parameters, grads, v, beta, learning_rate):
    """One step of gradient descent with momentum.

    Parameters
    ----------
    parameters : dict with "W" + str(l) and "b" + str(l)
    grads : dict with "dW" + str(l) and "db" + str(l), shaped like their parameters
    v : dict, the velocity, with the keys of grads
    beta : float, the momentum (how much of the previous velocity is kept)
    learning_rate : float, the step size alpha

    Returns
    -------
    parameters : dict, after W = W - learning_rate * v["dW"] (b likewise)
    v : dict, the new velocity, v["dW"] = beta * v["dW"] + (1 - beta) * dW (db likewise)
    """
    L = len(parameters) // 2
    for l in range(1, L + 1):
        ### BEGIN SOLUTION
        for p in ("W", "b"):
            key = "d" + p + str(l)
            v[key] = beta * v[key] + (1 - beta) * grads[key]
            parameters[p + str(l)] = parameters[p + str(l)] - learning_rate * v[key]
        ### END SOLUTION
    return parameters, v

# %%
check(update_parameters_with_momentum)

# %% [markdown]
# ## 4. RMSProp (this course's addition)
#
# RMSProp keeps an exponentially weighted average $s$ of the **squares** of the gradients
# and divides each step by its square root: a parameter whose gradient is large takes
# smaller steps, one whose gradient is small takes larger ones. For every layer:
#
# $$s_{dW^{[l]}} = \beta_2 \, s_{dW^{[l]}} + (1 - \beta_2) \, (dW^{[l]})^2, \qquad
# W^{[l]} = W^{[l]} - \alpha \, \frac{dW^{[l]}}{\sqrt{s_{dW^{[l]}}} + \varepsilon}$$
#
# and the same for $b^{[l]}$. The square is element-wise (`**2`), and $\varepsilon$ is added
# **after** the square root: it only keeps the division away from 0. A notebook of the classic
# course has no RMSProp: the grader gives it 0 of these two functions' points, and grades the
# rest as usual.
#
# ### `initialize_rmsprop(parameters)`
#
# Return `s`, zeros with the keys `"dW1"`, `"db1"`, ... as for the velocity.
#
# ### `update_parameters_with_rmsprop(parameters, grads, s, beta2, learning_rate, epsilon=1e-8)`
#
# One step on every layer. Return `(parameters, s)`.

# %% [markdown] ko
# ## 4. RMSProp (이 코스에서 더한 과제)
#
# RMSProp는 기울기의 **제곱**의 지수 가중 평균 $s$를 유지하고 각 걸음을 그 제곱근으로 나눕니다. 기울기가
# 큰 파라미터는 작은 걸음을, 기울기가 작은 파라미터는 큰 걸음을 내딛습니다. 모든 층에서:
#
# $$s_{dW^{[l]}} = \beta_2 \, s_{dW^{[l]}} + (1 - \beta_2) \, (dW^{[l]})^2, \qquad
# W^{[l]} = W^{[l]} - \alpha \, \frac{dW^{[l]}}{\sqrt{s_{dW^{[l]}}} + \varepsilon}$$
#
# $b^{[l]}$도 똑같이 합니다. 제곱은 원소별(`**2`)이며, $\varepsilon$은 제곱근을 **구한 뒤에** 더합니다.
# 나눗셈이 0에 가까워지지 않게 할 뿐입니다. 고전 코스의 노트북에는 RMSProp가 없으므로, 채점기는 이 두
# 함수의 점수를 0점으로 주고 나머지는 평소대로 채점합니다.
#
# ### `initialize_rmsprop(parameters)`
#
# 속도와 마찬가지로 키가 `"dW1"`, `"db1"`, ...인 0 배열의 dict `s`를 반환하세요.
#
# ### `update_parameters_with_rmsprop(parameters, grads, s, beta2, learning_rate, epsilon=1e-8)`
#
# 모든 층에서 한 단계를 갱신하세요. `(parameters, s)`를 반환합니다.

# %%
def initialize_rmsprop(parameters):
    """The running average of the squared gradients of RMSProp, zero at the start.

    Parameters
    ----------
    parameters : dict with "W" + str(l) and "b" + str(l), l = 1, ..., L

    Returns
    -------
    s : dict with "dW" + str(l) and "db" + str(l): zeros of the shapes of W<l> and b<l>
    """
    L = len(parameters) // 2
    s = {}
    for l in range(1, L + 1):
        ### BEGIN SOLUTION
        s["dW" + str(l)] = np.zeros(parameters["W" + str(l)].shape)
        s["db" + str(l)] = np.zeros(parameters["b" + str(l)].shape)
        ### END SOLUTION
    return s

# %%
check(initialize_rmsprop)

# %%
def update_parameters_with_rmsprop(parameters, grads, s, beta2, learning_rate, epsilon=1e-8):
    """One step of RMSProp.

    Parameters
    ----------
    parameters : dict with "W" + str(l) and "b" + str(l)
    grads : dict with "dW" + str(l) and "db" + str(l), shaped like their parameters
    s : dict, the running average of the squared gradients, with the keys of grads
    beta2 : float, how much of the previous average is kept
    learning_rate : float, the step size alpha
    epsilon : float, added to the square root (after it, not under it)

    Returns
    -------
    parameters : dict, after W = W - learning_rate * dW / (sqrt(s["dW"]) + epsilon) (b likewise)
    s : dict, the new average, s["dW"] = beta2 * s["dW"] + (1 - beta2) * dW**2 (db likewise)
    """
    L = len(parameters) // 2
    for l in range(1, L + 1):
        ### BEGIN SOLUTION
        for p in ("W", "b"):
            key = "d" + p + str(l)
            s[key] = beta2 * s[key] + (1 - beta2) * np.square(grads[key])
            parameters[p + str(l)] = parameters[p + str(l)] - learning_rate * grads[key] / (np.sqrt(s[key]) + epsilon)
        ### END SOLUTION
    return parameters, s

# %%
check(update_parameters_with_rmsprop)

# %% [markdown]
# ## 5. AdaGrad (this course's addition)
#
# AdaGrad divides by the square root of the **sum** of all the past squared gradients, $h$:
# the more a parameter has moved, the smaller its steps become, for good. For every layer:
#
# $$h_{dW^{[l]}} = h_{dW^{[l]}} + (dW^{[l]})^2, \qquad
# W^{[l]} = W^{[l]} - \alpha \, \frac{dW^{[l]}}{\sqrt{h_{dW^{[l]}}} + \varepsilon}$$
#
# and the same for $b^{[l]}$; $\varepsilon$ again after the square root. The classic course has
# no AdaGrad either (0 of its points for a classic notebook).
#
# ### `initialize_adagrad(parameters)`
#
# Return `h`, zeros with the keys `"dW1"`, `"db1"`, ...
#
# ### `update_parameters_with_adagrad(parameters, grads, h, learning_rate, epsilon=1e-8)`
#
# One step on every layer. Return `(parameters, h)`.

# %% [markdown] ko
# ## 5. AdaGrad (이 코스에서 더한 과제)
#
# AdaGrad는 지난 모든 기울기 제곱의 **합** $h$의 제곱근으로 나눕니다. 파라미터가 많이 움직였을수록 걸음이
# 영영 작아집니다. 모든 층에서:
#
# $$h_{dW^{[l]}} = h_{dW^{[l]}} + (dW^{[l]})^2, \qquad
# W^{[l]} = W^{[l]} - \alpha \, \frac{dW^{[l]}}{\sqrt{h_{dW^{[l]}}} + \varepsilon}$$
#
# $b^{[l]}$도 똑같이 하며, $\varepsilon$은 역시 제곱근 뒤에 더합니다. 고전 코스에는 AdaGrad도 없습니다
# (고전 노트북은 이 함수들의 점수를 0점 받습니다).
#
# ### `initialize_adagrad(parameters)`
#
# 키가 `"dW1"`, `"db1"`, ...인 0 배열의 dict `h`를 반환하세요.
#
# ### `update_parameters_with_adagrad(parameters, grads, h, learning_rate, epsilon=1e-8)`
#
# 모든 층에서 한 단계를 갱신하세요. `(parameters, h)`를 반환합니다.

# %%
def initialize_adagrad(parameters):
    """The sum of the squared gradients of AdaGrad, zero at the start.

    Parameters
    ----------
    parameters : dict with "W" + str(l) and "b" + str(l), l = 1, ..., L

    Returns
    -------
    h : dict with "dW" + str(l) and "db" + str(l): zeros of the shapes of W<l> and b<l>
    """
    L = len(parameters) // 2
    h = {}
    for l in range(1, L + 1):
        ### BEGIN SOLUTION
        h["dW" + str(l)] = np.zeros(parameters["W" + str(l)].shape)
        h["db" + str(l)] = np.zeros(parameters["b" + str(l)].shape)
        ### END SOLUTION
    return h

# %%
check(initialize_adagrad)

# %%
def update_parameters_with_adagrad(parameters, grads, h, learning_rate, epsilon=1e-8):
    """One step of AdaGrad.

    Parameters
    ----------
    parameters : dict with "W" + str(l) and "b" + str(l)
    grads : dict with "dW" + str(l) and "db" + str(l), shaped like their parameters
    h : dict, the sum of the past squared gradients, with the keys of grads
    learning_rate : float, the step size alpha
    epsilon : float, added to the square root (after it, not under it)

    Returns
    -------
    parameters : dict, after W = W - learning_rate * dW / (sqrt(h["dW"]) + epsilon) (b likewise)
    h : dict, the new sum, h["dW"] = h["dW"] + dW**2 (db likewise)
    """
    L = len(parameters) // 2
    for l in range(1, L + 1):
        ### BEGIN SOLUTION
        for p in ("W", "b"):
            key = "d" + p + str(l)
            h[key] = h[key] + np.square(grads[key])
            parameters[p + str(l)] = parameters[p + str(l)] - learning_rate * grads[key] / (np.sqrt(h[key]) + epsilon)
        ### END SOLUTION
    return parameters, h

# %%
check(update_parameters_with_adagrad)

# %% [markdown]
# ## 6. Adam
#
# Adam combines momentum ($v$, the average of the gradients) and RMSProp ($s$, the average of
# their squares), each **bias-corrected**: both start at 0, so early on they are too small,
# and dividing by $1 - \beta^t$ makes up for it. With $t$ the number of steps taken so far,
# **counting from 1** (the first step has $t = 1$), for every layer:
#
# $$\begin{aligned}
# v_{dW} &= \beta_1 v_{dW} + (1 - \beta_1) \, dW, & v^{corrected}_{dW} &= \frac{v_{dW}}{1 - \beta_1^t}, \\
# s_{dW} &= \beta_2 s_{dW} + (1 - \beta_2) \, (dW)^2, & s^{corrected}_{dW} &= \frac{s_{dW}}{1 - \beta_2^t}, \\
# W &= W - \alpha \, \frac{v^{corrected}_{dW}}{\sqrt{s^{corrected}_{dW}} + \varepsilon}
# \end{aligned}$$
#
# and the same for $b$; $\varepsilon$ after the square root.
#
# ### `initialize_adam(parameters)`
#
# Return `(v, s)`: two dicts of zeros with the keys `"dW1"`, `"db1"`, ...
#
# ### `update_parameters_with_adam(parameters, grads, v, s, t, learning_rate=0.01, beta1=0.9, beta2=0.999, epsilon=1e-8)`
#
# One step on every layer. Return `(parameters, v, s, v_corrected, s_corrected)`, the last two
# dicts with the bias-corrected values of this step. (The course's notebooks before 2021
# returned `(parameters, v, s)`: the grader accepts that too, and says so.)

# %% [markdown] ko
# ## 6. Adam
#
# Adam은 모멘텀($v$, 기울기의 평균)과 RMSProp($s$, 기울기 제곱의 평균)를 합치고, 둘 다 **편향을
# 보정**합니다. 둘 다 0에서 시작하므로 초반에는 너무 작은데, $1 - \beta^t$로 나누어 이를 메웁니다.
# $t$는 지금까지 내디딘 걸음의 수이며 **1부터 셉니다**(첫 걸음이 $t = 1$). 모든 층에서:
#
# $$\begin{aligned}
# v_{dW} &= \beta_1 v_{dW} + (1 - \beta_1) \, dW, & v^{corrected}_{dW} &= \frac{v_{dW}}{1 - \beta_1^t}, \\
# s_{dW} &= \beta_2 s_{dW} + (1 - \beta_2) \, (dW)^2, & s^{corrected}_{dW} &= \frac{s_{dW}}{1 - \beta_2^t}, \\
# W &= W - \alpha \, \frac{v^{corrected}_{dW}}{\sqrt{s^{corrected}_{dW}} + \varepsilon}
# \end{aligned}$$
#
# $b$도 똑같이 하며, $\varepsilon$은 제곱근 뒤에 더합니다.
#
# ### `initialize_adam(parameters)`
#
# 키가 `"dW1"`, `"db1"`, ...인 0 배열의 dict 두 개 `(v, s)`를 반환하세요.
#
# ### `update_parameters_with_adam(parameters, grads, v, s, t, learning_rate=0.01, beta1=0.9, beta2=0.999, epsilon=1e-8)`
#
# 모든 층에서 한 단계를 갱신하세요. `(parameters, v, s, v_corrected, s_corrected)`를 반환하며, 마지막
# 두 dict는 이번 단계의 편향 보정된 값입니다. (2021년 이전의 코스 노트북은 `(parameters, v, s)`를
# 반환했습니다. 채점기는 그것도 인정하며, 그렇다고 알려 줍니다.)

# %%
def initialize_adam(parameters):
    """The two running averages of Adam, zero at the start.

    Parameters
    ----------
    parameters : dict with "W" + str(l) and "b" + str(l), l = 1, ..., L

    Returns
    -------
    v : dict with "dW" + str(l) and "db" + str(l): zeros of the shapes of W<l> and b<l>
    s : dict with the same keys and shapes, zeros
    """
    L = len(parameters) // 2
    v = {}
    s = {}
    for l in range(1, L + 1):
        ### BEGIN SOLUTION
        for p in ("W", "b"):
            v["d" + p + str(l)] = np.zeros(parameters[p + str(l)].shape)
            s["d" + p + str(l)] = np.zeros(parameters[p + str(l)].shape)
        ### END SOLUTION
    return v, s

# %%
check(initialize_adam)

# %%
def update_parameters_with_adam(parameters, grads, v, s, t, learning_rate=0.01, beta1=0.9, beta2=0.999,
                                epsilon=1e-8):
    """One step of Adam.

    Parameters
    ----------
    parameters : dict with "W" + str(l) and "b" + str(l)
    grads : dict with "dW" + str(l) and "db" + str(l), shaped like their parameters
    v : dict, the running average of the gradients, with the keys of grads
    s : dict, the running average of the squared gradients, with the keys of grads
    t : int, the number of this step, counting from 1 (for the bias correction)
    learning_rate : float, the step size alpha
    beta1 : float, the decay of v
    beta2 : float, the decay of s
    epsilon : float, added to the square root (after it, not under it)

    Returns
    -------
    parameters : dict, after W = W - learning_rate * v_corrected["dW"] / (sqrt(s_corrected["dW"]) + epsilon)
    v : dict, the new v["dW"] = beta1 * v["dW"] + (1 - beta1) * dW
    s : dict, the new s["dW"] = beta2 * s["dW"] + (1 - beta2) * dW**2
    v_corrected : dict, v["dW"] / (1 - beta1**t) (db likewise)
    s_corrected : dict, s["dW"] / (1 - beta2**t) (db likewise)
    """
    L = len(parameters) // 2
    v_corrected = {}
    s_corrected = {}
    for l in range(1, L + 1):
        ### BEGIN SOLUTION
        for p in ("W", "b"):
            key = "d" + p + str(l)
            v[key] = beta1 * v[key] + (1 - beta1) * grads[key]
            v_corrected[key] = v[key] / (1 - beta1**t)
            s[key] = beta2 * s[key] + (1 - beta2) * np.square(grads[key])
            s_corrected[key] = s[key] / (1 - beta2**t)
            step = v_corrected[key] / (np.sqrt(s_corrected[key]) + epsilon)
            parameters[p + str(l)] = parameters[p + str(l)] - learning_rate * step
        ### END SOLUTION
    return parameters, v, s, v_corrected, s_corrected

# %%
check(update_parameters_with_adam)

# %% [markdown]
# ## 7. Learning-rate decay
#
# Late in training, smaller steps settle nearer the minimum. With $\alpha_0$ the initial
# learning rate and the epoch number counted from 0:
#
# $$\alpha = \frac{1}{1 + \text{decay\_rate} \times \text{epoch\_num}} \, \alpha_0$$
#
# This shrinks quickly: after 1000 epochs at decay rate 1, $\alpha_0 / 1001$. **Scheduled** decay
# shrinks the rate only every `time_interval` epochs:
#
# $$\alpha = \frac{1}{1 + \text{decay\_rate} \times \lfloor \text{epoch\_num} / \text{time\_interval} \rfloor} \, \alpha_0$$
#
# ### `update_lr(learning_rate0, epoch_num, decay_rate)` and `schedule_lr_decay(learning_rate0, epoch_num, decay_rate, time_interval=1000)`
#
# Return the learning rate of each formula. (`np.floor` or `//` for the floor.)

# %% [markdown] ko
# ## 7. 학습률 감쇠
#
# 학습 후반에는 작은 걸음이 최솟값에 더 가까이 자리 잡습니다. 초기 학습률이 $\alpha_0$이고 에포크 번호를
# 0부터 세면:
#
# $$\alpha = \frac{1}{1 + \text{decay\_rate} \times \text{epoch\_num}} \, \alpha_0$$
#
# 이것은 빨리 줄어듭니다. 감쇠율 1로 1000 에포크가 지나면 $\alpha_0 / 1001$입니다. **일정 간격** 감쇠는
# `time_interval` 에포크마다 한 번씩만 학습률을 줄입니다.
#
# $$\alpha = \frac{1}{1 + \text{decay\_rate} \times \lfloor \text{epoch\_num} / \text{time\_interval} \rfloor} \, \alpha_0$$
#
# ### `update_lr(learning_rate0, epoch_num, decay_rate)`와 `schedule_lr_decay(learning_rate0, epoch_num, decay_rate, time_interval=1000)`
#
# 각 식의 학습률을 반환하세요. (내림은 `np.floor`나 `//`.)

# %%
def update_lr(learning_rate0, epoch_num, decay_rate):
    """The learning rate decayed every epoch.

    Parameters
    ----------
    learning_rate0 : float, the initial learning rate
    epoch_num : int, the epoch number, from 0
    decay_rate : float

    Returns
    -------
    learning_rate : float, learning_rate0 / (1 + decay_rate * epoch_num)
    """
    ### BEGIN SOLUTION
    learning_rate = 1 / (1 + decay_rate * epoch_num) * learning_rate0
    ### END SOLUTION
    return learning_rate

# %%
check(update_lr)

# %%
def schedule_lr_decay(learning_rate0, epoch_num, decay_rate, time_interval=1000):
    """The learning rate decayed once every time_interval epochs.

    Parameters
    ----------
    learning_rate0 : float, the initial learning rate
    epoch_num : int, the epoch number, from 0
    decay_rate : float
    time_interval : int, the number of epochs between two decays

    Returns
    -------
    learning_rate : float, learning_rate0 / (1 + decay_rate * floor(epoch_num / time_interval))
    """
    ### BEGIN SOLUTION
    learning_rate = 1 / (1 + decay_rate * np.floor(epoch_num / time_interval)) * learning_rate0
    ### END SOLUTION
    return learning_rate

# %%
check(schedule_lr_decay)

# %% [markdown]
# ## 8. The model
#
# ### `model(X, Y, layers_dims, optimizer, learning_rate=0.0007, mini_batch_size=64, beta=0.9, beta1=0.9, beta2=0.999, epsilon=1e-8, num_epochs=5000, print_cost=True, decay=None, decay_rate=1)`
#
# The given part initializes the network (`initialize_parameters(layers_dims)` of `opt_utils`,
# seeded) and loops over the epochs; in each epoch, over the mini-batches of
# `random_mini_batches(X, Y, mini_batch_size, seed)`, with a seed that grows by 1 every epoch
# (so every epoch shuffles differently, the same way in every run). Write the two places
# where the optimizer matters, for `optimizer` = `"gd"`, `"momentum"`, `"rmsprop"`,
# `"adagrad"` or `"adam"`:
#
# 1. before the loop, initialize its state (`v`; `s`; `h`; `v, s`; nothing for `"gd"`);
# 2. after the backward pass of each mini-batch, update the parameters with its function:
#    momentum with `beta`, RMSProp with `beta2` and `epsilon`, AdaGrad with `epsilon`, Adam with
#    `beta1`, `beta2`, `epsilon` and the step count `t`, **incremented before** each Adam step
#    (so the first is 1); all with `learning_rate`.
#
# After each epoch the given part decays the learning rate when `decay` is a function
# (`update_lr` or `schedule_lr_decay`), from the initial rate: `decay(learning_rate0, i, decay_rate)`.
# It returns the trained `parameters`.

# %% [markdown] ko
# ## 8. 모델
#
# ### `model(X, Y, layers_dims, optimizer, learning_rate=0.0007, mini_batch_size=64, beta=0.9, beta1=0.9, beta2=0.999, epsilon=1e-8, num_epochs=5000, print_cost=True, decay=None, decay_rate=1)`
#
# 주어진 부분이 신경망을 초기화하고(`opt_utils`의 `initialize_parameters(layers_dims)`, 시드 고정)
# 에포크마다 반복합니다. 각 에포크에서는 `random_mini_batches(X, Y, mini_batch_size, seed)`의
# 미니배치마다 반복하며, 시드는 에포크마다 1씩 커집니다(그래서 에포크마다 다르게 섞이지만, 실행할 때마다
# 같은 방식으로 섞입니다). `optimizer`가 `"gd"`, `"momentum"`, `"rmsprop"`, `"adagrad"`, `"adam"`일 때
# 최적화 방법이 중요한 두 곳을 작성하세요.
#
# 1. 반복 전에 그 상태를 초기화합니다(`v`; `s`; `h`; `v, s`; `"gd"`는 없음).
# 2. 각 미니배치의 역전파 다음에 그 함수로 파라미터를 갱신합니다. 모멘텀은 `beta`로, RMSProp는 `beta2`와
#    `epsilon`으로, AdaGrad는 `epsilon`으로, Adam은 `beta1`, `beta2`, `epsilon`과 단계 수 `t`로 하며,
#    `t`는 각 Adam 단계 **전에** 1 늘립니다(그래서 첫 단계가 1). 모두 `learning_rate`를 씁니다.
#
# 주어진 부분은 `decay`가 함수(`update_lr` 또는 `schedule_lr_decay`)이면 에포크마다 초기 학습률에서
# 학습률을 감쇠시킵니다: `decay(learning_rate0, i, decay_rate)`. 학습된 `parameters`를 반환합니다.

# %%
def model(X, Y, layers_dims, optimizer, learning_rate=0.0007, mini_batch_size=64, beta=0.9,
          beta1=0.9, beta2=0.999, epsilon=1e-8, num_epochs=5000, print_cost=True, decay=None, decay_rate=1):
    """Train the three-layer network with mini-batches and an optimizer.

    Parameters
    ----------
    X : numpy array of shape (2, m), the inputs
    Y : numpy array of shape (1, m), the labels, 0 or 1
    layers_dims : list of int, the sizes of the layers [n_x, n_1, n_2, 1]
    optimizer : str, "gd", "momentum", "rmsprop", "adagrad" or "adam"
    learning_rate : float, the initial step size
    mini_batch_size : int
    beta : float, the momentum
    beta1, beta2 : float, the decays of Adam's averages (beta2 is RMSProp's too)
    epsilon : float, RMSProp's, AdaGrad's and Adam's
    num_epochs : int, the number of passes over the training set
    print_cost : bool, print the cost every 1000 epochs
    decay : None, or a function decay(learning_rate0, epoch_num, decay_rate)
    decay_rate : float

    Returns
    -------
    parameters : dict with the trained "W1", "b1", "W2", "b2", "W3", "b3"
    """
    costs = []
    t = 0  # the number of Adam steps so far
    seed = 10  # the mini-batches of every run are the same
    m = X.shape[1]
    learning_rate0 = learning_rate
    parameters = initialize_parameters(layers_dims)
    ### BEGIN SOLUTION
    if optimizer == "momentum":
        v = initialize_velocity(parameters)
    elif optimizer == "rmsprop":
        s = initialize_rmsprop(parameters)
    elif optimizer == "adagrad":
        h = initialize_adagrad(parameters)
    elif optimizer == "adam":
        v, s = initialize_adam(parameters)
    ### END SOLUTION
    for i in range(num_epochs):
        seed = seed + 1
        cost_total = 0
        for minibatch_X, minibatch_Y in random_mini_batches(X, Y, mini_batch_size, seed):
            a3, caches = forward_propagation(minibatch_X, parameters)
            cost_total += compute_cost(a3, minibatch_Y)
            grads = backward_propagation(minibatch_X, minibatch_Y, caches)
            ### BEGIN SOLUTION
            if optimizer == "gd":
                parameters = update_parameters_with_gd(parameters, grads, learning_rate)
            elif optimizer == "momentum":
                parameters, v = update_parameters_with_momentum(parameters, grads, v, beta, learning_rate)
            elif optimizer == "rmsprop":
                parameters, s = update_parameters_with_rmsprop(parameters, grads, s, beta2, learning_rate, epsilon)
            elif optimizer == "adagrad":
                parameters, h = update_parameters_with_adagrad(parameters, grads, h, learning_rate, epsilon)
            elif optimizer == "adam":
                t = t + 1
                parameters, v, s, _, _ = update_parameters_with_adam(parameters, grads, v, s, t, learning_rate,
                                                                     beta1, beta2, epsilon)
            ### END SOLUTION
        cost_avg = cost_total / m
        if decay:
            learning_rate = decay(learning_rate0, i, decay_rate)
        if print_cost and i % 1000 == 0:
            print(f"Cost after epoch {i}: {cost_avg:f}, learning rate {learning_rate:g}")
        if i % 100 == 0:
            costs.append(cost_avg)
    model.costs = costs  # for the figure below; the check reads only the parameters
    return parameters

# %%
check(model)

# %% [markdown]
# ## 9. The moons, trained every way
#
# `load_dataset()` returns 300 points of the plane in two interleaved half-moons (the classic
# course's points: `sklearn.datasets.make_moons(n_samples=300, noise=.2)` after
# `np.random.seed(3)`, generated here by `dldata.moons`). The cells below train the network
# `[2, 5, 2, 1]` for 5000 epochs with mini-batches of 64, each optimizer in turn (a few
# seconds each), and print its accuracy on the training set. What you should see, from the
# classic course and from this course's reference:
#
# | optimizer | learning rate | decay | accuracy |
# |---|---|---|---|
# | gradient descent | 0.0007 | none | 71.7 % |
# | momentum | 0.0007 | none | 71.7 % |
# | RMSProp | 0.0007 | none | 94.3 % |
# | AdaGrad | 0.01 | none | 93.0 % |
# | Adam | 0.0007 | none | 94.3 % |
# | gradient descent | 0.1 | `schedule_lr_decay` | 94.3 % |
# | momentum | 0.1 | `schedule_lr_decay` | 95.3 % |
# | Adam | 0.01 | `schedule_lr_decay` | 94.0 % |
#
# At 0.0007, momentum barely differs from gradient descent (a small rate and a small data
# set); the methods that divide by the size of the gradients get far in the same number of
# epochs. A larger rate that decays closes the gap.

# %% [markdown] ko
# ## 9. 달 모양 데이터를 여러 방법으로 학습하기
#
# `load_dataset()`은 서로 맞물린 두 반달 모양의 평면 위 점 300개를 반환합니다(고전 코스의 점들로,
# `np.random.seed(3)` 다음에 `sklearn.datasets.make_moons(n_samples=300, noise=.2)`로 뽑은 것을 여기서는
# `dldata.moons`가 생성합니다). 아래 셀들은 신경망 `[2, 5, 2, 1]`을 크기 64의 미니배치로 5000 에포크씩,
# 최적화 방법마다 차례로 학습시키고(각각 몇 초) 훈련 세트 정확도를 출력합니다. 고전 코스와 이 코스의 참조
# 구현에서 나오는 결과는 다음과 같습니다.
#
# | 최적화 방법 | 학습률 | 감쇠 | 정확도 |
# |---|---|---|---|
# | 경사 하강법 | 0.0007 | 없음 | 71.7 % |
# | 모멘텀 | 0.0007 | 없음 | 71.7 % |
# | RMSProp | 0.0007 | 없음 | 94.3 % |
# | AdaGrad | 0.01 | 없음 | 93.0 % |
# | Adam | 0.0007 | 없음 | 94.3 % |
# | 경사 하강법 | 0.1 | `schedule_lr_decay` | 94.3 % |
# | 모멘텀 | 0.1 | `schedule_lr_decay` | 95.3 % |
# | Adam | 0.01 | `schedule_lr_decay` | 94.0 % |
#
# 0.0007에서는 모멘텀이 경사 하강법과 거의 다르지 않습니다(작은 학습률과 작은 데이터 세트). 기울기의
# 크기로 나누는 방법들은 같은 에포크 수로 멀리 갑니다. 감쇠하는 더 큰 학습률이 그 차이를 메웁니다.

# %%
train_X, train_Y = load_dataset()
layers_dims = [2, 5, 2, 1]  # n_x = 2: points of the plane
runs = {
    "gradient descent": dict(optimizer="gd"),
    "momentum": dict(optimizer="momentum"),
    "RMSProp": dict(optimizer="rmsprop"),
    "AdaGrad": dict(optimizer="adagrad", learning_rate=0.01),
    "Adam": dict(optimizer="adam"),
    "gradient descent, decay": dict(optimizer="gd", learning_rate=0.1, decay=schedule_lr_decay),
    "momentum, decay": dict(optimizer="momentum", learning_rate=0.1, decay=schedule_lr_decay),
    "Adam, decay": dict(optimizer="adam", learning_rate=0.01, decay=schedule_lr_decay),
}
trained, cost_curves = {}, {}
for name, kwargs in runs.items():
    trained[name] = model(train_X, train_Y, layers_dims, print_cost=False, **kwargs)
    cost_curves[name] = model.costs
    print(f"{name:>24}: ", end="")
    predict(train_X, train_Y, trained[name])

# %% [markdown]
# One figure with the cost of every training (every 100 epochs), and the decision boundary of
# each network.

# %% [markdown] ko
# 모든 학습의 비용(100 에포크마다)을 그린 그림 하나와, 각 신경망의 결정 경계입니다.

# %%
fig = plt.figure(figsize=(16, 9))
ax = fig.add_subplot(3, 4, (1, 4))
for name, costs in cost_curves.items():
    ax.plot(np.arange(len(costs)) * 100, costs, label=name)
ax.set_xlabel("epoch")
ax.set_ylabel("cost")
ax.set_yscale("log")
ax.legend(ncol=4, fontsize=8)
for k, (name, parameters) in enumerate(trained.items()):
    ax = fig.add_subplot(3, 4, 5 + k)
    plot_decision_boundary(lambda x, parameters=parameters: predict_dec(parameters, x), train_X, train_Y, ax=ax)
    ax.set_title(name, fontsize=9)
fig.tight_layout()
plt.show()

# %% [markdown]
# ## 10. Five optimizers on one function (the lecture decks' figure)
#
# The lecture decks compare the optimizers on
#
# $$f(x, y) = \frac{x^2}{20} + y^2,$$
#
# a long, narrow valley whose minimum is at $(0, 0)$: steep across ($y$), nearly flat along
# ($x$). Its gradient is $(x / 10, \, 2y)$. The cell below writes the point $(x, y)$ as a
# one-layer "network" with $W^{[1]} = [[x]]$ and $b^{[1]} = [[y]]$, so that **your** functions
# move it, 30 steps from $(-7, 2)$ each, and plots the five paths over the contours of $f$.
#
# The update rules, in the decks' notation ($\eta$ the learning rate, $\odot$ element-wise):
#
# | method | update |
# |---|---|
# | SGD | $W \leftarrow W - \eta \, \partial L / \partial W$ |
# | Momentum | $v \leftarrow \beta v + (1 - \beta) \, \partial L / \partial W, \quad W \leftarrow W - \eta v$ |
# | AdaGrad | $h \leftarrow h + \partial L / \partial W \odot \partial L / \partial W, \quad W \leftarrow W - \eta \, \partial L / \partial W \, / \, (\sqrt{h} + \varepsilon)$ |
# | RMSProp | $h \leftarrow \beta_2 h + (1 - \beta_2) \, \partial L / \partial W \odot \partial L / \partial W, \quad W \leftarrow W - \eta \, \partial L / \partial W \, / \, (\sqrt{h} + \varepsilon)$ |
# | Adam | momentum's $v$ and RMSProp's $s$, bias-corrected, $W \leftarrow W - \eta \, \hat v / (\sqrt{\hat s} + \varepsilon)$ |
#
# (The decks write momentum as $v \leftarrow \alpha v - \eta \, \partial L / \partial W$, $W \leftarrow W + v$:
# the same method, with the learning rate folded into $v$; with $\alpha = \beta$ it takes the
# steps of ours at the learning rate $\eta / (1 - \beta)$.)
#
# SGD zigzags across the valley; momentum overshoots and swings back; AdaGrad and RMSProp
# scale each coordinate by its own gradients, so they head almost straight along the flat
# direction; Adam does both. These cells are not graded: your functions are, above.

# %% [markdown] ko
# ## 10. 한 함수 위의 다섯 가지 최적화 방법 (강의 자료의 그림)
#
# 강의 자료는 다음 함수에서 최적화 방법들을 비교합니다.
#
# $$f(x, y) = \frac{x^2}{20} + y^2$$
#
# 최솟값이 $(0, 0)$에 있는 길고 좁은 골짜기로, 가로질러($y$)는 가파르고 따라서($x$)는 거의 평평합니다.
# 기울기는 $(x / 10, \, 2y)$입니다. 아래 셀은 점 $(x, y)$를 $W^{[1]} = [[x]]$, $b^{[1]} = [[y]]$인 1층
# "신경망"으로 써서, **여러분의** 함수가 $(-7, 2)$에서 각각 30걸음 움직이게 하고, 다섯 경로를 $f$의
# 등고선 위에 그립니다.
#
# 강의 자료의 표기로 쓴 갱신 규칙입니다($\eta$는 학습률, $\odot$는 원소별 곱).
#
# | 방법 | 갱신 |
# |---|---|
# | SGD | $W \leftarrow W - \eta \, \partial L / \partial W$ |
# | Momentum | $v \leftarrow \beta v + (1 - \beta) \, \partial L / \partial W, \quad W \leftarrow W - \eta v$ |
# | AdaGrad | $h \leftarrow h + \partial L / \partial W \odot \partial L / \partial W, \quad W \leftarrow W - \eta \, \partial L / \partial W \, / \, (\sqrt{h} + \varepsilon)$ |
# | RMSProp | $h \leftarrow \beta_2 h + (1 - \beta_2) \, \partial L / \partial W \odot \partial L / \partial W, \quad W \leftarrow W - \eta \, \partial L / \partial W \, / \, (\sqrt{h} + \varepsilon)$ |
# | Adam | 모멘텀의 $v$와 RMSProp의 $s$를 편향 보정하여 $W \leftarrow W - \eta \, \hat v / (\sqrt{\hat s} + \varepsilon)$ |
#
# (강의 자료는 모멘텀을 $v \leftarrow \alpha v - \eta \, \partial L / \partial W$, $W \leftarrow W + v$로
# 씁니다. 학습률을 $v$에 넣었을 뿐 같은 방법이며, $\alpha = \beta$이면 학습률 $\eta / (1 - \beta)$에서의
# 우리 방법과 같은 걸음을 내딛습니다.)
#
# SGD는 골짜기를 가로질러 지그재그로 움직이고, 모멘텀은 지나쳤다가 되돌아옵니다. AdaGrad와 RMSProp는 각
# 좌표를 자기 기울기로 조정하므로 평평한 방향을 따라 거의 곧게 나아갑니다. Adam은 둘 다 합니다. 이 셀들은
# 채점하지 않습니다. 채점하는 것은 위의 여러분 함수입니다.

# %%
def toy_gradients(point):
    """The gradient of f(x, y) = x**2 / 20 + y**2 at the point {"W1": [[x]], "b1": [[y]]}."""
    return {"dW1": point["W1"] / 10.0, "db1": 2.0 * point["b1"]}


def toy_path(step, state, steps=30):
    """The 31 points (x, y) from (-7, 2) of ``steps`` updates ``point, state = step(point, grads, state)``."""
    point = {"W1": np.array([[-7.0]]), "b1": np.array([[2.0]])}
    path = [(-7.0, 2.0)]
    for _ in range(steps):
        point, state = step(point, toy_gradients(point), state)
        path.append((float(point["W1"][0, 0]), float(point["b1"][0, 0])))
    return np.array(path)


def adam_step(point, grads, state):
    v, s, t = state
    point, v, s = update_parameters_with_adam(point, grads, v, s, t + 1, learning_rate=0.3)[:3]
    return point, (v, s, t + 1)


start = {"W1": np.array([[-7.0]]), "b1": np.array([[2.0]])}
paths = {
    "SGD": toy_path(lambda p, g, st: (update_parameters_with_gd(p, g, 0.95), st), None),
    "Momentum": toy_path(lambda p, g, st: update_parameters_with_momentum(p, g, st, 0.9, 1.0),
                         initialize_velocity(start)),
    "AdaGrad": toy_path(lambda p, g, st: update_parameters_with_adagrad(p, g, st, 1.5), initialize_adagrad(start)),
    "RMSProp": toy_path(lambda p, g, st: update_parameters_with_rmsprop(p, g, st, 0.99, 0.3), initialize_rmsprop(start)),
    "Adam": toy_path(adam_step, (*initialize_adam(start), 0)),
}
for name, path in paths.items():
    print(f"{name:>8}: after 30 steps (x, y) = ({path[-1, 0]:.4f}, {path[-1, 1]:.4f})")

# %%
xs, ys = np.meshgrid(np.linspace(-10, 10, 200), np.linspace(-5, 5, 200))
fig, axes = plt.subplots(2, 3, figsize=(13, 7))
for ax, (name, path) in zip(axes.ravel()[:5], paths.items(), strict=True):
    ax.contour(xs, ys, xs**2 / 20 + ys**2, levels=15, colors="lightgray")
    ax.plot(path[:, 0], path[:, 1], "o-", color="tab:red", markersize=3)
    ax.plot(0, 0, "+", color="black", markersize=12)
    ax.set_xlim(-10, 10)
    ax.set_ylim(-5, 5)
    ax.set_title(name)
axes[1, 2].axis("off")
fig.tight_layout()
plt.show()
