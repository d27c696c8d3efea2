# %% [markdown]
# # Week 5 — Gradient checking
#
# A backward pass can be almost right: a factor forgotten in one gradient, a sign in another,
# and the network still trains, only worse. Gradient checking tells: it compares the
# gradient your backward pass computes with one computed from the cost alone, by
# nudging each parameter a little up and a little down.
#
# You will check a one-dimensional example first, then a three-layer network whose
# backward pass, given here, holds bugs for your check to find.
#
# **What is graded.** `forward_propagation` (1 point), `backward_propagation` (1),
# `gradient_check` (2) and `gradient_check_n` (3), 7 points in all. `forward_propagation_n`
# and `backward_propagation_n` are given, not graded; fixing the bugs of
# `backward_propagation_n` is for you, not graded either. The grader runs `gradient_check_n`
# with its own `forward_propagation_n` and on gradients it chooses: right ones, and wrong
# ones of several kinds and sizes. It reads the `difference` your function returns, and
# the message it prints with `print_msg=True`: whether there is a mistake.

# %% [markdown] ko
# # 5주차 — 기울기 검사 (Gradient checking)
#
# 역전파는 거의 맞게 짜기 쉽습니다: 한 기울기에서 계수 하나를 빠뜨리거나 다른 기울기에서 부호가 틀려도
# 신경망은 여전히 학습합니다. 다만 더 나쁘게요. 기울기 검사로 이를 알아낼 수 있습니다: 역전파가 계산한
# 기울기를, 각 파라미터를 조금 올리고 조금 내려서 비용만으로 계산한 기울기와 비교합니다.
#
# 먼저 1차원 예제를 검사하고, 다음으로 3층 신경망을 검사합니다. 이 신경망의 역전파는 주어지며, 여러분의
# 검사가 찾아낼 버그가 들어 있습니다.
#
# **채점 방식.** `forward_propagation` (1점), `backward_propagation` (1점), `gradient_check` (2점),
# `gradient_check_n` (3점), 모두 7점입니다. `forward_propagation_n`과 `backward_propagation_n`은
# 주어지는 함수이며 채점하지 않습니다. `backward_propagation_n`의 버그를 고치는 것도 여러분의 몫이며
# 채점하지 않습니다. 채점기는 `gradient_check_n`을 채점기의 `forward_propagation_n`으로, 채점기가 고른
# 기울기로 실행합니다: 맞는 기울기와, 여러 종류와 크기의 틀린 기울기입니다. 함수가 반환하는
# `difference`와, `print_msg=True`일 때 출력하는 메시지(실수가 있는지 여부)를 읽습니다.

# %%
import numpy as np
from gc_utils import dictionary_to_vector, gradients_to_vector, relu, sigmoid, vector_to_dictionary

from dlcheck import checker

check = checker("week5/gradient_checking")

# %% [markdown]
# ## 1. A one-dimensional example
#
# Take the linear function $J(\theta) = \theta x$, with one real parameter $\theta$ and one
# real input $x$. Its forward pass computes $J$; its backward pass computes
# $\frac{\partial J}{\partial \theta}$.
#
# ### `forward_propagation(x, theta)`
#
# Return $J = \theta x$.

# %% [markdown] ko
# ## 1. 1차원 예제
#
# 실수 파라미터 $\theta$ 하나와 실수 입력 $x$ 하나로 된 선형 함수 $J(\theta) = \theta x$를 봅시다.
# 순전파는 $J$를, 역전파는 $\frac{\partial J}{\partial \theta}$를 계산합니다.
#
# ### `forward_propagation(x, theta)`
#
# $J = \theta x$를 반환하세요.

# %%
def forward_propagation(x, theta):
    """The cost of the one-dimensional example, J(theta) = theta * x.

    Parameters
    ----------
    x : float, the input
    theta : float, the parameter

    Returns
    -------
    J : float, theta * x
    """
    ### BEGIN SOLUTION
    J = theta * x
    ### END SOLUTION
    return J

# %%
check(forward_propagation)

# %% [markdown]
# ### `backward_propagation(x, theta)`
#
# Return the derivative of $J$ with respect to $\theta$: $d\theta = \frac{\partial J}{\partial \theta} = x$.

# %% [markdown] ko
# ### `backward_propagation(x, theta)`
#
# $\theta$에 대한 $J$의 도함수를 반환하세요: $d\theta = \frac{\partial J}{\partial \theta} = x$.

# %%
def backward_propagation(x, theta):
    """The derivative of J(theta) = theta * x with respect to theta.

    Parameters
    ----------
    x : float, the input
    theta : float, the parameter

    Returns
    -------
    dtheta : float, dJ/dtheta = x
    """
    ### BEGIN SOLUTION
    dtheta = x
    ### END SOLUTION
    return dtheta

# %%
check(backward_propagation)

# %% [markdown]
# ### `gradient_check(x, theta, epsilon=1e-7, print_msg=False)`
#
# The derivative is the limit of a centred difference:
#
# $$\frac{\partial J}{\partial \theta} = \lim_{\varepsilon \to 0} \frac{J(\theta + \varepsilon) - J(\theta - \varepsilon)}{2 \varepsilon}$$
#
# With a small $\varepsilon$ it gives `gradapprox`, an approximation that needs only the
# forward pass. Compare it with `grad`, what your backward pass computes, by their
# **relative** difference (it does not grow or shrink with the scale of the numbers):
#
# $$\text{difference} = \frac{\| \text{grad} - \text{gradapprox} \|_2}{\| \text{grad} \|_2 + \| \text{gradapprox} \|_2}$$
#
# 1. `theta_plus` $= \theta + \varepsilon$, `theta_minus` $= \theta - \varepsilon$;
#    `J_plus` and `J_minus`, the forward pass at each;
#    `gradapprox` $= \frac{J^{+} - J^{-}}{2 \varepsilon}$ (note the 2);
# 2. `grad`, the backward pass at $\theta$;
# 3. `difference` by the formula above (`np.linalg.norm` computes $\| \cdot \|_2$).
#
# A difference below $2 \times 10^{-7}$ means the backward pass is right. With
# `print_msg=True`, print which it is: `"There is a mistake in the backward propagation!
# difference = ..."` when the difference is above $2 \times 10^{-7}$, else `"Your backward
# propagation works perfectly fine! difference = ..."`. Return `difference` in both cases.
#
# (The course's versions before 2021 had no `print_msg`, and always printed; a function
# with that signature is graded too.)

# %% [markdown] ko
# ### `gradient_check(x, theta, epsilon=1e-7, print_msg=False)`
#
# 도함수는 중심 차분의 극한입니다:
#
# $$\frac{\partial J}{\partial \theta} = \lim_{\varepsilon \to 0} \frac{J(\theta + \varepsilon) - J(\theta - \varepsilon)}{2 \varepsilon}$$
#
# 작은 $\varepsilon$으로 계산하면 순전파만으로 구하는 근사값 `gradapprox`가 됩니다. 이것을 역전파가
# 계산한 `grad`와 **상대** 차이로 비교하세요 (숫자의 크기에 따라 커지거나 작아지지 않습니다):
#
# $$\text{difference} = \frac{\| \text{grad} - \text{gradapprox} \|_2}{\| \text{grad} \|_2 + \| \text{gradapprox} \|_2}$$
#
# 1. `theta_plus` $= \theta + \varepsilon$, `theta_minus` $= \theta - \varepsilon$, 각각에서의
#    순전파 `J_plus`와 `J_minus`, 그리고 `gradapprox` $= \frac{J^{+} - J^{-}}{2 \varepsilon}$ (2에 주의);
# 2. `grad`: $\theta$에서의 역전파;
# 3. 위 공식으로 `difference` (`np.linalg.norm`이 $\| \cdot \|_2$를 계산합니다).
#
# 차이가 $2 \times 10^{-7}$보다 작으면 역전파가 맞습니다. `print_msg=True`이면 어느 쪽인지 출력하세요:
# 차이가 $2 \times 10^{-7}$보다 크면 `"There is a mistake in the backward propagation! difference = ..."`,
# 아니면 `"Your backward propagation works perfectly fine! difference = ..."`. 두 경우 모두
# `difference`를 반환하세요.
#
# (2021년 이전 코스 버전에는 `print_msg`가 없고 항상 출력했습니다. 그 시그니처의 함수도 채점합니다.)

# %%
def gradient_check(x, theta, epsilon=1e-7, print_msg=False):
    """Compare backward_propagation with a centred difference of forward_propagation at theta.

    Parameters
    ----------
    x : float, the input
    theta : float, the parameter
    epsilon : float, the small shift of theta in the centred difference
    print_msg : bool, print whether the backward pass is right

    Returns
    -------
    difference : float, ||grad - gradapprox|| / (||grad|| + ||gradapprox||)
    """
    ### BEGIN SOLUTION
    theta_plus = theta + epsilon
    theta_minus = theta - epsilon
    J_plus = forward_propagation(x, theta_plus)
    J_minus = forward_propagation(x, theta_minus)
    gradapprox = (J_plus - J_minus) / (2 * epsilon)
    grad = backward_propagation(x, theta)
    numerator = np.linalg.norm(grad - gradapprox)
    denominator = np.linalg.norm(grad) + np.linalg.norm(gradapprox)
    difference = numerator / denominator
    if print_msg:
        if difference > 2e-7:
            print("There is a mistake in the backward propagation! difference = " + str(difference))
        else:
            print("Your backward propagation works perfectly fine! difference = " + str(difference))
    ### END SOLUTION
    return difference

# %%
check(gradient_check)

# %%
difference = gradient_check(3, 4, print_msg=True)

# %% [markdown]
# ## 2. A three-layer network
#
# In practice a network has many parameters. The one here is
# `LINEAR -> RELU -> LINEAR -> RELU -> LINEAR -> SIGMOID`, with layers `[4, 5, 3, 1]`,
# examples in columns (`X` of shape `(4, m)`, `Y` of shape `(1, m)`), and the cross-entropy
# cost. Its forward and backward passes are given below: read them.

# %% [markdown] ko
# ## 2. 3층 신경망
#
# 실제 신경망에는 파라미터가 많습니다. 여기의 신경망은 `LINEAR -> RELU -> LINEAR -> RELU -> LINEAR ->
# SIGMOID`이고, 층은 `[4, 5, 3, 1]`, 예제는 열 방향입니다 (`X`의 shape은 `(4, m)`, `Y`는 `(1, m)`).
# 비용은 교차 엔트로피입니다. 순전파와 역전파는 아래에 주어집니다: 읽어 보세요.

# %%
def forward_propagation_n(X, Y, parameters):
    """The forward pass and the cross-entropy cost of the network (given).

    Parameters
    ----------
    X : numpy array of shape (4, m), one example per column
    Y : numpy array of shape (1, m), labels 0 or 1
    parameters : dict with "W1" of shape (5, 4), "b1" (5, 1), "W2" (3, 5), "b2" (3, 1),
        "W3" (1, 3), "b3" (1, 1)

    Returns
    -------
    cost : float, -(1/m) sum(Y log A3 + (1 - Y) log(1 - A3))
    cache : tuple (Z1, A1, W1, b1, Z2, A2, W2, b2, Z3, A3, W3, b3)
    """
    m = X.shape[1]
    W1, b1 = parameters["W1"], parameters["b1"]
    W2, b2 = parameters["W2"], parameters["b2"]
    W3, b3 = parameters["W3"], parameters["b3"]
    Z1 = np.dot(W1, X) + b1
    A1 = relu(Z1)
    Z2 = np.dot(W2, A1) + b2
    A2 = relu(Z2)
    Z3 = np.dot(W3, A2) + b3
    A3 = sigmoid(Z3)
    log_probs = np.multiply(-np.log(A3), Y) + np.multiply(-np.log(1 - A3), 1 - Y)
    cost = 1.0 / m * np.sum(log_probs)
    cache = (Z1, A1, W1, b1, Z2, A2, W2, b2, Z3, A3, W3, b3)
    return cost, cache

# %%
def backward_propagation_n(X, Y, cache):
    """The backward pass of the network (given, with bugs to find).

    Parameters
    ----------
    X : numpy array of shape (4, m)
    Y : numpy array of shape (1, m)
    cache : the cache of forward_propagation_n

    Returns
    -------
    gradients : dict of the gradients of the cost: "dW1", "db1", ... "db3", each of its
        parameter's shape, and "dZ1", "dA1", ... of the activations
    """
    m = X.shape[1]
    (Z1, A1, W1, b1, Z2, A2, W2, b2, Z3, A3, W3, b3) = cache
    dZ3 = A3 - Y
    dW3 = 1.0 / m * np.dot(dZ3, A2.T)
    db3 = 1.0 / m * np.sum(dZ3, axis=1, keepdims=True)
    dA2 = np.dot(W3.T, dZ3)
    dZ2 = np.multiply(dA2, np.int64(A2 > 0))
    dW2 = 1.0 / m * np.dot(dZ2, A1.T) * 2
    db2 = 1.0 / m * np.sum(dZ2, axis=1, keepdims=True)
    dA1 = np.dot(W2.T, dZ2)
    dZ1 = np.multiply(dA1, np.int64(A1 > 0))
    dW1 = 1.0 / m * np.dot(dZ1, X.T)
    db1 = 4.0 / m * np.sum(dZ1, axis=1, keepdims=True)
    gradients = {"dZ3": dZ3, "dW3": dW3, "db3": db3, "dA2": dA2, "dZ2": dZ2, "dW2": dW2, "db2": db2,
                 "dA1": dA1, "dZ1": dZ1, "dW1": dW1, "db1": db1}
    return gradients

# %% [markdown]
# ### `gradient_check_n(parameters, gradients, X, Y, epsilon=1e-7, print_msg=False)`
#
# The same check, for every parameter at once. `gc_utils` gives the helpers:
# `dictionary_to_vector(parameters)` returns the parameters as one vector `theta` of shape
# `(47, 1)` (and the name of each entry), `vector_to_dictionary(theta)` turns such a vector
# back into a dict that `forward_propagation_n` takes, and `gradients_to_vector(gradients)`
# makes `grad`, the vector of `"dW1"`, `"db1"`, ... in the same order.
#
# For each entry `i` of `theta`:
#
# 1. `theta_plus`, a **copy** of `theta` (`np.copy`), with `theta_plus[i]` increased by
#    `epsilon`; `J_plus[i]`, the cost `forward_propagation_n` returns at
#    `vector_to_dictionary(theta_plus)`;
# 2. the same with `theta_minus`, a copy with `theta_minus[i]` decreased by `epsilon`, for `J_minus[i]`;
# 3. `gradapprox[i]` $= \frac{J^{+}_i - J^{-}_i}{2 \varepsilon}$.
#
# Then the relative difference of `grad` and `gradapprox` as in `gradient_check`, the same
# message with `print_msg=True` (a mistake when the difference is above $2 \times 10^{-7}$),
# and return `difference`.
#
# Only `theta[i]` may move: without the copy, the change of `theta_plus[i]` would also move
# `theta` itself, and every later cost would be computed at the wrong place.

# %% [markdown] ko
# ### `gradient_check_n(parameters, gradients, X, Y, epsilon=1e-7, print_msg=False)`
#
# 같은 검사를 모든 파라미터에 대해 한 번에 합니다. `gc_utils`가 도우미 함수를 줍니다:
# `dictionary_to_vector(parameters)`는 파라미터를 shape `(47, 1)`인 벡터 `theta` 하나로 (그리고 각 원소의
# 이름을) 반환하고, `vector_to_dictionary(theta)`는 그런 벡터를 `forward_propagation_n`이 받는 dict로
# 되돌리며, `gradients_to_vector(gradients)`는 `"dW1"`, `"db1"`, ...을 같은 순서의 벡터 `grad`로 만듭니다.
#
# `theta`의 각 원소 `i`에 대해:
#
# 1. `theta`의 **복사본**(`np.copy`)인 `theta_plus`의 `theta_plus[i]`를 `epsilon`만큼 늘리고,
#    `vector_to_dictionary(theta_plus)`에서 `forward_propagation_n`이 반환하는 비용을 `J_plus[i]`로;
# 2. 같은 방법으로 `theta_minus[i]`를 `epsilon`만큼 줄인 복사본에서 `J_minus[i]`를;
# 3. `gradapprox[i]` $= \frac{J^{+}_i - J^{-}_i}{2 \varepsilon}$.
#
# 그다음 `gradient_check`처럼 `grad`와 `gradapprox`의 상대 차이를 계산하고, `print_msg=True`이면 같은
# 메시지를 출력하고 (차이가 $2 \times 10^{-7}$보다 크면 실수), `difference`를 반환하세요.
#
# 움직여야 하는 것은 `theta[i]` 하나뿐입니다: 복사하지 않으면 `theta_plus[i]`를 바꿀 때 `theta` 자체도
# 바뀌어, 그 뒤의 비용이 모두 엉뚱한 곳에서 계산됩니다.

# %%
def gradient_check_n(parameters, gradients, X, Y, epsilon=1e-7, print_msg=False):
    """Compare the gradients of a backward pass with centred differences of forward_propagation_n.

    Parameters
    ----------
    parameters : dict of "W1", "b1", ..., "b3" (see forward_propagation_n)
    gradients : dict of "dW1", "db1", ..., "db3", the backward pass's gradients of the cost
        at parameters, each of its parameter's shape
    X : numpy array of shape (4, m)
    Y : numpy array of shape (1, m)
    epsilon : float, the small shift of each parameter in the centred difference
    print_msg : bool, print whether the backward pass is right

    Returns
    -------
    difference : float, ||grad - gradapprox|| / (||grad|| + ||gradapprox||)
    """
    parameters_values, _ = dictionary_to_vector(parameters)
    grad = gradients_to_vector(gradients)
    num_parameters = parameters_values.shape[0]
    J_plus = np.zeros((num_parameters, 1))
    J_minus = np.zeros((num_parameters, 1))
    gradapprox = np.zeros((num_parameters, 1))
    ### BEGIN SOLUTION
    for i in range(num_parameters):
        theta_plus = np.copy(parameters_values)
        theta_plus[i] = theta_plus[i] + epsilon
        J_plus[i], _ = forward_propagation_n(X, Y, vector_to_dictionary(theta_plus))
        theta_minus = np.copy(parameters_values)
        theta_minus[i] = theta_minus[i] - epsilon
        J_minus[i], _ = forward_propagation_n(X, Y, vector_to_dictionary(theta_minus))
        gradapprox[i] = (J_plus[i] - J_minus[i]) / (2 * epsilon)
    numerator = np.linalg.norm(grad - gradapprox)
    denominator = np.linalg.norm(grad) + np.linalg.norm(gradapprox)
    difference = numerator / denominator
    if print_msg:
        if difference > 2e-7:
            print("There is a mistake in the backward propagation! difference = " + str(difference))
        else:
            print("Your backward propagation works perfectly fine! difference = " + str(difference))
    ### END SOLUTION
    return difference

# %%
check(gradient_check_n)

# %% [markdown]
# Now check the given backward pass, on three examples and random parameters:

# %% [markdown] ko
# 이제 주어진 역전파를 예제 세 개와 무작위 파라미터로 검사해 보세요:

# %%
rng = np.random.default_rng(1)
X = rng.standard_normal((4, 3))
Y = np.array([[1.0, 1.0, 0.0]])
parameters = {"W1": rng.standard_normal((5, 4)), "b1": rng.standard_normal((5, 1)),
              "W2": rng.standard_normal((3, 5)), "b2": rng.standard_normal((3, 1)),
              "W3": rng.standard_normal((1, 3)), "b3": rng.standard_normal((1, 1))}
cost, cache = forward_propagation_n(X, Y, parameters)
gradients = backward_propagation_n(X, Y, cache)
difference = gradient_check_n(parameters, gradients, X, Y, 1e-7, True)

# %% [markdown]
# Your check should say there is a mistake: the difference is far above $2 \times 10^{-7}$.
# Which gradients are wrong? Compare `gradients_to_vector(gradients)` with your `gradapprox`
# entry by entry (`dictionary_to_vector` also returns the name of each entry), then read
# `backward_propagation_n` again: two of its lines do not compute the derivative. Fix them
# (this is not graded) and run the check again; it should now say the backward pass works.
#
# **Notes.** Gradient checking is slow (two forward passes per parameter): use it to
# verify a backward pass, not in every step of training. And it does not work with
# dropout, whose forward pass is random: check with dropout off (`keep_prob = 1`), then
# turn it on.

# %% [markdown] ko
# 여러분의 검사는 실수가 있다고 말해야 합니다: 차이가 $2 \times 10^{-7}$보다 훨씬 큽니다. 어느 기울기가
# 틀렸을까요? `gradients_to_vector(gradients)`와 여러분의 `gradapprox`를 원소별로 비교해 보고
# (`dictionary_to_vector`가 각 원소의 이름도 반환합니다), `backward_propagation_n`을 다시 읽어 보세요:
# 두 줄이 도함수를 계산하지 않습니다. 고친 뒤 (채점하지 않습니다) 다시 검사하면, 이제 역전파가 맞다고
# 말해야 합니다.
#
# **참고.** 기울기 검사는 느립니다 (파라미터마다 순전파 두 번): 역전파를 확인할 때 쓰고, 학습의 매 단계에서
# 쓰지 마세요. 그리고 순전파가 무작위인 드롭아웃과는 함께 쓸 수 없습니다: 드롭아웃을 끄고
# (`keep_prob = 1`) 검사한 다음 켜세요.
