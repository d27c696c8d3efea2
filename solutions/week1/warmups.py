# %% [markdown]
# # Week 1 — Warm-ups: perceptrons, activations, losses, gradients
#
# The pieces every network is made of, one at a time, in the conventions of our lecture
# decks: a network's **outputs are `y`**, the **labels are `t`**, and a loss takes them in
# that order, `loss(y, t)`.
#
# 1. Perceptrons: the logic gates AND, NAND and OR, and why XOR needs two layers.
# 2. Activation functions: step, sigmoid, ReLU; softmax for the output layer.
# 3. Losses: mean squared error and cross-entropy, with the decks' worked examples.
# 4. Numerical differentiation and gradient descent.
# 5. Backpropagation on small computational graphs.
#
# **What is graded.** The gates 1 point each (4), `step_function`, `sigmoid` and `relu` 1
# each, `softmax` 2, `mean_squared_error` 1, `cross_entropy_error` 2,
# `numerical_gradient` 2, `gradient_descent` 1, `relu_backward` 1 and `graph_backward` 2:
# 18 points in all.
#
# **Checking your work.** After each function, run the cell `check(function_name)`: it runs
# the public checks and says what is wrong, with a hint. From a terminal, `pytest week1`
# (in the folder that holds `week1/`) runs the same checks on the saved notebook. The
# grader also runs hidden checks on random inputs (other shapes, other values), so make
# each function right in general, not only on the examples.

# %% [markdown] ko
# # 1주 차 — 워밍업: 퍼셉트론, 활성화 함수, 손실 함수, 기울기
#
# 신경망을 이루는 부품을 하나씩, 강의 자료의 표기를 따라 만들어 봅니다: 신경망의 **출력은 `y`**,
# **정답 레이블은 `t`**이고, 손실 함수는 이 순서대로 `loss(y, t)`로 받습니다.
#
# 1. 퍼셉트론: 논리 게이트 AND, NAND, OR, 그리고 XOR에 층이 두 개 필요한 이유.
# 2. 활성화 함수: 계단 함수, 시그모이드, ReLU, 그리고 출력층의 소프트맥스.
# 3. 손실 함수: 평균 제곱 오차와 교차 엔트로피 오차, 강의 자료의 예제와 함께.
# 4. 수치 미분과 경사 하강법.
# 5. 작은 계산 그래프에서의 역전파.
#
# **채점 방식.** 게이트는 각 1점(4점), `step_function`, `sigmoid`, `relu`는 각 1점, `softmax` 2점,
# `mean_squared_error` 1점, `cross_entropy_error` 2점, `numerical_gradient` 2점,
# `gradient_descent` 1점, `relu_backward` 1점, `graph_backward` 2점으로, 모두 18점입니다.
#
# **작업 확인하기.** 함수를 하나 완성할 때마다 `check(함수_이름)` 셀을 실행하세요. 공개 검사를 실행하고,
# 무엇이 틀렸는지 힌트와 함께 알려 줍니다. 터미널에서 `pytest week1`(`week1/`가 들어 있는 폴더에서)을
# 실행하면 저장된 노트북에 같은 검사를 실행합니다. 채점기는 무작위 입력(다른 shape, 다른 값)으로 숨은
# 검사도 실행하므로, 예제에서만이 아니라 일반적으로 맞는 함수를 만드세요.

# %%
import numpy as np

from dlcheck import checker

check = checker("week1/warmups")

# %% [markdown]
# ## 1. Perceptrons
#
# A perceptron weighs its inputs, adds a bias, and fires when the sum is positive:
#
# $$y = \begin{cases} 0 & (w_1 x_1 + w_2 x_2 + b \le 0) \\ 1 & (w_1 x_1 + w_2 x_2 + b > 0) \end{cases}$$
#
# Choosing $w_1, w_2, b$ chooses the gate. The decks use $(0.5, 0.5, -0.7)$ for AND,
# $(-0.5, -0.5, 0.7)$ for NAND and $(0.5, 0.5, -0.2)$ for OR; any other weights that give
# the right output on the four inputs $(0, 0), (1, 0), (0, 1), (1, 1)$ are just as good.
#
# Write each gate as a perceptron: weights, a bias, and the threshold; return the integer
# 0 or 1. **What the grader accepts:** any weights and bias that separate the four inputs
# the right way, with `> 0` or `>= 0` as the threshold. Besides the four inputs it calls
# the gate on inputs where every such perceptron answers the same, such as `AND(2, 2) = 1`
# or `OR(-1, -0.5) = 0`: a table of the four answers (`if x1 == 1 and x2 == 1`) fails
# there, a perceptron never does.

# %% [markdown] ko
# ## 1. 퍼셉트론
#
# 퍼셉트론은 입력에 가중치를 곱해 더하고 편향을 더한 다음, 그 합이 양수이면 1을 출력합니다:
#
# $$y = \begin{cases} 0 & (w_1 x_1 + w_2 x_2 + b \le 0) \\ 1 & (w_1 x_1 + w_2 x_2 + b > 0) \end{cases}$$
#
# $w_1, w_2, b$를 어떻게 고르느냐에 따라 게이트가 정해집니다. 강의 자료에서는 AND에 $(0.5, 0.5, -0.7)$,
# NAND에 $(-0.5, -0.5, 0.7)$, OR에 $(0.5, 0.5, -0.2)$를 씁니다. 네 입력
# $(0, 0), (1, 0), (0, 1), (1, 1)$에서 올바른 출력을 내기만 하면 다른 가중치도 똑같이 좋습니다.
#
# 각 게이트를 퍼셉트론으로 작성하세요: 가중치, 편향, 임곗값으로 정수 0 또는 1을 반환합니다.
# **채점 기준:** 네 입력을 올바르게 나누는 가중치와 편향이면 무엇이든, 임곗값은 `> 0`이든 `>= 0`이든
# 인정합니다. 채점기는 네 입력 말고도, 그런 퍼셉트론이라면 모두 같은 답을 내는 입력에서 게이트를
# 호출합니다. 예를 들어 `AND(2, 2) = 1`, `OR(-1, -0.5) = 0`입니다. 네 답을 적어 둔 표
# (`if x1 == 1 and x2 == 1`)는 여기서 틀리지만, 퍼셉트론은 절대 틀리지 않습니다.

# %%
def AND(x1, x2):
    """The AND gate as a perceptron.

    Parameters
    ----------
    x1, x2 : float, the two inputs (0 or 1 for the gate's truth table)

    Returns
    -------
    y : int, 1 if w1 * x1 + w2 * x2 + b > 0 else 0
    """
    ### BEGIN SOLUTION
    x = np.array([x1, x2])
    w = np.array([0.5, 0.5])
    b = -0.7
    tmp = np.sum(w * x) + b
    y = 1 if tmp > 0 else 0
    ### END SOLUTION
    return y

# %%
check(AND)

# %%
def NAND(x1, x2):
    """The NAND gate (not AND) as a perceptron.

    Parameters
    ----------
    x1, x2 : float, the two inputs

    Returns
    -------
    y : int, 0 when both inputs are 1, else 1
    """
    ### BEGIN SOLUTION
    x = np.array([x1, x2])
    w = np.array([-0.5, -0.5])
    b = 0.7
    tmp = np.sum(w * x) + b
    y = 1 if tmp > 0 else 0
    ### END SOLUTION
    return y

# %%
check(NAND)

# %%
def OR(x1, x2):
    """The OR gate as a perceptron.

    Parameters
    ----------
    x1, x2 : float, the two inputs

    Returns
    -------
    y : int, 1 when at least one input is 1, else 0
    """
    ### BEGIN SOLUTION
    x = np.array([x1, x2])
    w = np.array([0.5, 0.5])
    b = -0.2
    tmp = np.sum(w * x) + b
    y = 1 if tmp > 0 else 0
    ### END SOLUTION
    return y

# %%
check(OR)

# %% [markdown]
# ### Why one perceptron cannot compute XOR
#
# XOR is 1 when exactly one input is 1. Suppose one perceptron did it. From $(0, 0) \to 0$:
# $b \le 0$. From $(1, 1) \to 0$: $w_1 + w_2 + b \le 0$. From $(1, 0) \to 1$ and
# $(0, 1) \to 1$: $w_1 + b > 0$ and $w_2 + b > 0$; adding these two,
# $w_1 + w_2 + 2b > 0$, so $w_1 + w_2 + b > -b \ge 0$, against the second line. One
# straight line cannot put $(1, 0)$ and $(0, 1)$ on one side and $(0, 0)$ and $(1, 1)$ on
# the other.
#
# Two layers can. With the decks' weights, NAND fires below the line $x_1 + x_2 = 1.4$,
# OR above the line $x_1 + x_2 = 0.4$, and an AND of the two fires in the band between
# the two lines, which holds $(1, 0)$ and $(0, 1)$ and neither $(0, 0)$ nor $(1, 1)$:
#
# ```
#  x2
#  1 |  1 . . . . 0        NAND:  x1 + x2 < 1.4   (below the upper line)
#    |  . . . . . .        OR:    x1 + x2 > 0.4   (above the lower line)
#    |  . . . . . .        XOR = AND(NAND, OR): between the two lines
#  0 |  0 . . . . 1
#    +-------------- x1
# ```
#
# Write `XOR(x1, x2)` as that two-layer perceptron, from your three gates.

# %% [markdown] ko
# ### 퍼셉트론 하나로 XOR을 만들 수 없는 이유
#
# XOR은 입력 중 정확히 하나가 1일 때 1입니다. 퍼셉트론 하나로 이것이 된다고 해 봅시다.
# $(0, 0) \to 0$에서 $b \le 0$, $(1, 1) \to 0$에서 $w_1 + w_2 + b \le 0$입니다.
# $(1, 0) \to 1$과 $(0, 1) \to 1$에서 $w_1 + b > 0$, $w_2 + b > 0$이고, 이 둘을 더하면
# $w_1 + w_2 + 2b > 0$, 즉 $w_1 + w_2 + b > -b \ge 0$이 되어 두 번째 식과 모순입니다. 직선 하나로는
# $(1, 0)$과 $(0, 1)$을 한쪽에, $(0, 0)$과 $(1, 1)$을 다른 쪽에 둘 수 없습니다.
#
# 층을 두 개 쌓으면 됩니다. 강의 자료의 가중치로는 NAND가 직선 $x_1 + x_2 = 1.4$ 아래에서, OR이 직선
# $x_1 + x_2 = 0.4$ 위에서 1을 내고, 둘을 AND로 묶으면 두 직선 사이의 띠에서 1이 됩니다. 이 띠에는
# $(1, 0)$과 $(0, 1)$이 들어가고 $(0, 0)$과 $(1, 1)$은 들어가지 않습니다:
#
# ```
#  x2
#  1 |  1 . . . . 0        NAND:  x1 + x2 < 1.4   (위쪽 직선의 아래)
#    |  . . . . . .        OR:    x1 + x2 > 0.4   (아래쪽 직선의 위)
#    |  . . . . . .        XOR = AND(NAND, OR): 두 직선 사이
#  0 |  0 . . . . 1
#    +-------------- x1
# ```
#
# 여러분의 세 게이트로 `XOR(x1, x2)`를 이 2층 퍼셉트론으로 작성하세요.

# %%
def XOR(x1, x2):
    """The XOR gate as a two-layer perceptron: NAND and OR, then AND.

    Parameters
    ----------
    x1, x2 : float, the two inputs

    Returns
    -------
    y : int, 1 when exactly one input is 1, else 0
    """
    ### BEGIN SOLUTION
    s1 = NAND(x1, x2)
    s2 = OR(x1, x2)
    y = AND(s1, s2)
    ### END SOLUTION
    return y

# %%
check(XOR)

# %%
for x1, x2 in [(0, 0), (1, 0), (0, 1), (1, 1)]:
    print(f"XOR({x1}, {x2}) = {XOR(x1, x2)}")

# %% [markdown]
# ## 2. Activation functions
#
# A perceptron's threshold is the **step function**; a neural network replaces it with a
# smooth one, whose slope tells learning which way to move. Each of these works element
# by element on an array `x` of any shape and returns an array of the same shape:
#
# - `step_function(x)`: 1 where $x > 0$, else 0, as **integers** (`x > 0` alone gives
#   booleans: convert them with `.astype(int)` or `np.array(..., dtype=int)`);
# - `sigmoid(x)` $= \dfrac{1}{1 + e^{-x}}$;
# - `relu(x)` $= \max(0, x)$.

# %% [markdown] ko
# ## 2. 활성화 함수
#
# 퍼셉트론의 임곗값 처리는 **계단 함수**입니다. 신경망은 이를 매끄러운 함수로 바꾸고, 그 기울기가 학습이
# 어느 쪽으로 움직일지 알려 줍니다. 아래 함수는 모두 어떤 shape의 배열 `x`든 원소별로 계산해 같은
# shape의 배열을 반환합니다:
#
# - `step_function(x)`: $x > 0$인 곳은 1, 아니면 0을 **정수**로 (`x > 0`만 쓰면 불리언이 나옵니다:
#   `.astype(int)`나 `np.array(..., dtype=int)`로 바꾸세요);
# - `sigmoid(x)` $= \dfrac{1}{1 + e^{-x}}$;
# - `relu(x)` $= \max(0, x)$.

# %%
def step_function(x):
    """The step function, element-wise.

    Parameters
    ----------
    x : numpy array of any shape

    Returns
    -------
    y : numpy array of integers, of the shape of x: 1 where x > 0, else 0
    """
    ### BEGIN SOLUTION
    y = np.array(x > 0, dtype=int)
    ### END SOLUTION
    return y

# %%
check(step_function)

# %%
def sigmoid(x):
    """The sigmoid function, element-wise.

    Parameters
    ----------
    x : numpy array of any shape

    Returns
    -------
    y : numpy array of the shape of x, 1 / (1 + exp(-x))
    """
    ### BEGIN SOLUTION
    y = 1 / (1 + np.exp(-x))
    ### END SOLUTION
    return y

# %%
check(sigmoid)

# %%
def relu(x):
    """The rectified linear unit, element-wise.

    Parameters
    ----------
    x : numpy array of any shape

    Returns
    -------
    y : numpy array of the shape of x, max(0, x)
    """
    ### BEGIN SOLUTION
    y = np.maximum(0, x)
    ### END SOLUTION
    return y

# %%
check(relu)

# %% [markdown]
# ### Softmax
#
# The output layer of a classifier turns its scores $a_1, \dots, a_n$ into probabilities:
#
# $$y_k = \frac{e^{a_k}}{\sum_{i=1}^{n} e^{a_i}}$$
#
# `np.exp(1000)` is `inf`, so a score of 1000 breaks the formula as written. Subtracting
# any constant $C$ from every score changes nothing ($e^{a_k - C} / \sum_i e^{a_i - C}$ is
# the same fraction), so subtract the largest score first: the largest exponent is then 0.
#
# `softmax(a)` takes one example's scores (a 1-D array), or a batch with **one example per
# row** (a 2-D array of shape (batch size, number of classes)): each row becomes
# probabilities that sum to 1, and each row is shifted by its own largest score
# (`axis=1` with `keepdims=True`, or `axis=-1`, which works for both).

# %% [markdown] ko
# ### 소프트맥스
#
# 분류기의 출력층은 점수 $a_1, \dots, a_n$을 확률로 바꿉니다:
#
# $$y_k = \frac{e^{a_k}}{\sum_{i=1}^{n} e^{a_i}}$$
#
# `np.exp(1000)`은 `inf`이므로, 점수가 1000이면 위 식을 그대로 계산할 수 없습니다. 모든 점수에서 같은
# 상수 $C$를 빼도 결과는 그대로이므로($e^{a_k - C} / \sum_i e^{a_i - C}$는 같은 분수입니다), 가장 큰
# 점수를 먼저 빼세요. 그러면 가장 큰 지수가 0이 됩니다.
#
# `softmax(a)`는 예제 하나의 점수(1차원 배열)나, **행마다 예제 하나**인 배치(shape이 (배치 크기, 클래스
# 수)인 2차원 배열)를 받습니다. 각 행이 합이 1인 확률이 되고, 각 행은 자기 행의 최댓값만큼 빼야 합니다
# (`keepdims=True`와 함께 `axis=1`, 또는 두 경우 모두에 맞는 `axis=-1`).

# %%
def softmax(a):
    """Softmax of one example's scores, or of each row of a batch, safe from overflow.

    Parameters
    ----------
    a : numpy array of shape (n,) or (batch_size, n), scores

    Returns
    -------
    y : numpy array of the shape of a; y sums to 1 (each row of a batch does)
    """
    ### BEGIN SOLUTION
    shifted = a - np.max(a, axis=-1, keepdims=True)
    exp_a = np.exp(shifted)
    y = exp_a / np.sum(exp_a, axis=-1, keepdims=True)
    ### END SOLUTION
    return y

# %%
check(softmax)

# %%
print(softmax(np.array([1010.0, 1000.0, 990.0])))  # no overflow: about [0.99995, 4.5e-05, 2.1e-09]

# %% [markdown]
# ## 3. Losses
#
# A loss says how far the outputs `y` are from the labels `t` (one-hot: 1 for the right
# class, 0 elsewhere).
#
# **Mean squared error**, with the decks' factor 1/2 (it cancels the 2 of the derivative):
#
# $$E = \frac{1}{2} \sum_k (y_k - t_k)^2$$
#
# `mean_squared_error(y, t)` returns this number; for 2-D arrays, the sum runs over every
# entry.
#
# **Cross-entropy error**, with the **natural** logarithm (`np.log`):
#
# $$E = -\sum_k t_k \log(y_k + \delta), \qquad \delta = 10^{-7}$$
#
# The small $\delta$ goes **inside** the log: an output of exactly 0 would give
# $\log 0 = -\infty$. `cross_entropy_error(y, t)` takes one example (`y` and `t` 1-D) or a
# batch (`y` 2-D, one example per row), and for a batch returns the **average** over its
# examples, so the loss does not grow with the batch size. The labels of a batch may be
# one-hot rows (`t` of `y`'s shape) or class indices (`t` of shape (batch size,), e.g.
# `[2, 0]`): with indices, each row's loss is $-\log(y_{\text{row}, t_{\text{row}}} + \delta)$.

# %% [markdown] ko
# ## 3. 손실 함수
#
# 손실 함수는 출력 `y`가 정답 레이블 `t`(원-핫: 정답 클래스만 1, 나머지는 0)에서 얼마나 먼지 나타냅니다.
#
# **평균 제곱 오차(MSE)**, 강의 자료처럼 1/2을 곱합니다(미분했을 때 나오는 2와 약분됩니다):
#
# $$E = \frac{1}{2} \sum_k (y_k - t_k)^2$$
#
# `mean_squared_error(y, t)`는 이 값을 반환합니다. 2차원 배열이면 모든 원소에 대해 더합니다.
#
# **교차 엔트로피 오차(CEE)**, **자연로그**(`np.log`)를 씁니다:
#
# $$E = -\sum_k t_k \log(y_k + \delta), \qquad \delta = 10^{-7}$$
#
# 작은 값 $\delta$는 log **안에** 더합니다. 출력이 정확히 0이면 $\log 0 = -\infty$가 되기 때문입니다.
# `cross_entropy_error(y, t)`는 예제 하나(`y`와 `t`가 1차원)나 배치(`y`가 2차원, 행마다 예제 하나)를
# 받고, 배치이면 예제들의 **평균**을 반환합니다. 그래야 손실이 배치 크기에 따라 커지지 않습니다. 배치의
# 레이블은 원-핫 행(`t`의 shape이 `y`와 같음)일 수도, 클래스 번호(`t`의 shape이 (배치 크기,), 예:
# `[2, 0]`)일 수도 있습니다. 클래스 번호이면 각 행의 손실은 $-\log(y_{\text{행}, t_{\text{행}}} + \delta)$입니다.

# %%
def mean_squared_error(y, t):
    """Half the sum of squared differences between outputs and labels.

    Parameters
    ----------
    y : numpy array, the outputs
    t : numpy array of the shape of y, the one-hot labels

    Returns
    -------
    loss : float, 1/2 * sum((y - t)**2) (the sum, over every entry)
    """
    ### BEGIN SOLUTION
    loss = 0.5 * np.sum((y - t) ** 2)
    ### END SOLUTION
    return loss

# %%
check(mean_squared_error)

# %%
def cross_entropy_error(y, t):
    """Cross-entropy error with the natural log, averaged over a batch.

    Parameters
    ----------
    y : numpy array of shape (n,) or (batch_size, n), the outputs (probabilities)
    t : numpy array, the labels: one-hot, of the shape of y, or class indices, of shape
        (batch_size,) for a batch

    Returns
    -------
    loss : float, -sum(t * log(y + 1e-7)) for one example; the mean over the batch's
        examples for a batch
    """
    ### BEGIN SOLUTION
    delta = 1e-7
    if y.ndim == 1:
        t = t.reshape(1, t.size)
        y = y.reshape(1, y.size)
    if t.size == y.size:  # one-hot labels: their class indices
        t = t.argmax(axis=1)
    batch_size = y.shape[0]
    loss = -np.sum(np.log(y[np.arange(batch_size), t] + delta)) / batch_size
    ### END SOLUTION
    return loss

# %%
check(cross_entropy_error)

# %% [markdown]
# ### The decks' worked examples, done right
#
# Two examples from the decks: inputs $z$, weights $W$ and biases $b$ give the scores
# $a = Wz + b$ (row $i$ of $W$ holds the weights into output $i$), softmax makes them
# probabilities, and the label is $(1, 0)$.
#
# 1. $z = (0.5, 0.1)$, $W = \begin{pmatrix} 0.2 & 0.1 \\ 0.3 & 0.4 \end{pmatrix}$,
#    $b = (0.7, 0.2)$: $a = (0.81, 0.39)$, $y \approx (0.6035, 0.3965)$.
# 2. $z = (0.2, 0.4)$, $w_{11} = 0.1$, $w_{21} = 0.2$, $w_{12} = 0.9$, $w_{22} = 0.2$,
#    $b = (0.1, 0.9)$: $a = (0.48, 1.02)$, $y \approx (0.3682, 0.6318)$.
#
# The decks compute the cross-entropy with $\log_{10}$, on probabilities rounded to two
# digits (0.4318 is $-\log_{10} 0.37$), and one slide slips in computing $e^{a}$ (its 0.214
# is $-\log_{10} 0.61$; the exact probability is 0.6035). Our losses use the natural
# logarithm, as every deep-learning library does, on the exact probabilities:
# $-\ln 0.6035 \approx 0.505$ and $-\ln 0.3682 \approx 0.999$ (with $\log_{10}$: 0.219 and
# 0.434). The two
# differ by a constant factor, $\ln x = \ln 10 \cdot \log_{10} x \approx 2.303 \log_{10} x$,
# so they rank outputs alike; but a loss smaller by 2.303 makes every gradient smaller by
# 2.303 too, and the grader says so when it sees one.

# %% [markdown] ko
# ### 강의 자료의 예제, 바르게 풀기
#
# 강의 자료의 예제 두 개입니다. 입력 $z$, 가중치 $W$, 편향 $b$로 점수 $a = Wz + b$를 구하고($W$의
# $i$번째 행이 출력 $i$로 들어가는 가중치), 소프트맥스로 확률을 만듭니다. 정답 레이블은 $(1, 0)$입니다.
#
# 1. $z = (0.5, 0.1)$, $W = \begin{pmatrix} 0.2 & 0.1 \\ 0.3 & 0.4 \end{pmatrix}$,
#    $b = (0.7, 0.2)$: $a = (0.81, 0.39)$, $y \approx (0.6035, 0.3965)$.
# 2. $z = (0.2, 0.4)$, $w_{11} = 0.1$, $w_{21} = 0.2$, $w_{12} = 0.9$, $w_{22} = 0.2$,
#    $b = (0.1, 0.9)$: $a = (0.48, 1.02)$, $y \approx (0.3682, 0.6318)$.
#
# 강의 자료는 교차 엔트로피를 $\log_{10}$으로, 소수 둘째 자리까지 반올림한 확률로 계산합니다(0.4318은
# $-\log_{10} 0.37$입니다). 또 한 슬라이드는 $e^{a}$ 계산에서 실수를 했습니다(0.214는 $-\log_{10} 0.61$이고,
# 정확한 확률은 0.6035입니다). 이 노트북의 손실 함수는 모든 딥러닝 라이브러리처럼 자연로그를, 정확한
# 확률에 씁니다: $-\ln 0.6035 \approx 0.505$, $-\ln 0.3682 \approx 0.999$입니다($\log_{10}$으로는 0.219와
# 0.434). 두 값은 상수배만큼 다릅니다:
# $\ln x = \ln 10 \cdot \log_{10} x \approx 2.303 \log_{10} x$. 그래서 출력의 순서는 똑같이 매기지만,
# 손실이 2.303배 작으면 모든 기울기도 2.303배 작아집니다. 채점기는 그런 손실을 보면 그렇다고 알려 줍니다.

# %%
examples = {
    "deck example 1": (np.array([0.5, 0.1]), np.array([[0.2, 0.1], [0.3, 0.4]]), np.array([0.7, 0.2])),
    "deck example 2": (np.array([0.2, 0.4]), np.array([[0.1, 0.9], [0.2, 0.2]]), np.array([0.1, 0.9])),
}
label = np.array([1.0, 0.0])
for name, (z, W, b) in examples.items():
    y = softmax(W @ z + b)
    print(f"{name}: a = {W @ z + b}, y = {np.round(y, 4)}, MSE = {mean_squared_error(y, label):.4f}, "
          f"CEE = {cross_entropy_error(y, label):.4f} (log10 would give {cross_entropy_error(y, label) / np.log(10):.4f})")

# %% [markdown]
# ## 4. Numerical differentiation and gradient descent
#
# The derivative of $f$ at $x$ is the limit of a difference quotient. With a small but not
# too small $h$ (the decks' $h = 10^{-4}$; $10^{-50}$ rounds to 0 in float64), the
# **central** difference is far more accurate than the forward one:
#
# $$\frac{\partial f}{\partial x_i} \approx \frac{f(x + h e_i) - f(x - h e_i)}{2h}$$
#
# (forward: $\frac{f(x + h e_i) - f(x)}{h}$, off by about $\frac{h}{2} f''$; central: off
# by about $\frac{h^2}{6} f'''$).
#
# `numerical_gradient(f, x)` returns the gradient of a function `f` (it takes an array and
# returns a number) at `x`, an array of **any shape**, as an array of `x`'s shape. Change
# one element of `x` at a time, in place (`np.ndindex(x.shape)` or `np.nditer` visits every
# index), and **put it back** before the next: `x` must hold what it held when your
# function returns. The grader calls it with functions of its own choosing (polynomials
# with random coefficients) and compares with their exact gradients.
#
# `gradient_descent(f, init_x, lr=0.01, step_num=100)` starts at `init_x` and takes
# `step_num` steps $x \leftarrow x - \text{lr} \cdot \nabla f(x)$, each gradient from your
# `numerical_gradient`; it returns the last $x$.

# %% [markdown] ko
# ## 4. 수치 미분과 경사 하강법
#
# $x$에서 $f$의 도함수는 차분 몫의 극한입니다. 작지만 너무 작지는 않은 $h$(강의 자료의 $h = 10^{-4}$.
# $10^{-50}$은 float64에서 0으로 반올림됩니다)로는 전방 차분보다 **중심 차분**이 훨씬 정확합니다:
#
# $$\frac{\partial f}{\partial x_i} \approx \frac{f(x + h e_i) - f(x - h e_i)}{2h}$$
#
# (전방 차분 $\frac{f(x + h e_i) - f(x)}{h}$의 오차는 약 $\frac{h}{2} f''$, 중심 차분의 오차는 약
# $\frac{h^2}{6} f'''$입니다).
#
# `numerical_gradient(f, x)`는 함수 `f`(배열을 받아 숫자를 반환)의 `x`에서의 기울기를 `x`와 같은 shape의
# 배열로 반환합니다. `x`는 **어떤 shape**이든 됩니다. `x`의 원소를 한 번에 하나씩 그 자리에서 바꾸고
# (`np.ndindex(x.shape)`나 `np.nditer`로 모든 인덱스를 돌 수 있습니다), 다음 원소로 가기 전에 **원래
# 값으로 되돌리세요**. 함수가 반환할 때 `x`는 처음 값 그대로여야 합니다. 채점기는 자기가 고른 함수
# (계수가 무작위인 다항식)로 호출하고, 그 함수의 정확한 기울기와 비교합니다.
#
# `gradient_descent(f, init_x, lr=0.01, step_num=100)`은 `init_x`에서 시작해
# $x \leftarrow x - \text{lr} \cdot \nabla f(x)$를 `step_num`번 반복하고(기울기는 여러분의
# `numerical_gradient`로 구합니다), 마지막 $x$를 반환합니다.

# %%
def numerical_gradient(f, x):
    """The gradient of f at x by central differences, h = 1e-4.

    Parameters
    ----------
    f : function taking a numpy array of x's shape and returning a float
    x : numpy array of floats, of any shape; changed during the call, and put back

    Returns
    -------
    grad : numpy array of the shape of x, (f(x + h e_i) - f(x - h e_i)) / (2h) at each index i
    """
    ### BEGIN SOLUTION
    h = 1e-4
    grad = np.zeros_like(x)
    for idx in np.ndindex(x.shape):
        tmp_val = x[idx]
        x[idx] = tmp_val + h
        fxh1 = f(x)
        x[idx] = tmp_val - h
        fxh2 = f(x)
        grad[idx] = (fxh1 - fxh2) / (2 * h)
        x[idx] = tmp_val
    ### END SOLUTION
    return grad

# %%
check(numerical_gradient)

# %%
def gradient_descent(f, init_x, lr=0.01, step_num=100):
    """step_num steps of gradient descent on f, from init_x.

    Parameters
    ----------
    f : function taking a numpy array of init_x's shape and returning a float
    init_x : numpy array of floats, the starting point
    lr : float, the learning rate
    step_num : int, how many steps to take

    Returns
    -------
    x : numpy array of the shape of init_x, the point reached
    """
    ### BEGIN SOLUTION
    x = init_x.copy()
    for i in range(step_num):
        grad = numerical_gradient(f, x)
        x = x - lr * grad
    ### END SOLUTION
    return x

# %%
check(gradient_descent)

# %%
def function_2(x):
    return np.sum(x ** 2)


print(gradient_descent(function_2, np.array([-3.0, 4.0]), lr=0.1, step_num=100))  # close to [0, 0]

# %% [markdown]
# ## 5. Backpropagation on computational graphs
#
# Backpropagation multiplies the gradient coming from above, `dout` $= \frac{\partial L}{\partial f}$,
# by each node's local derivative (the chain rule).
#
# **ReLU node.** For $f = \mathrm{ReLU}(x)$: $\frac{\partial f}{\partial x} = 1$ where
# $x > 0$ and 0 where $x \le 0$. `relu_backward(dout, x)` returns $\frac{\partial L}{\partial x}$,
# of `x`'s shape.
#
# **A small graph.** For $f = g + b$ with $g = w x^2$ (element-wise, on numbers or arrays of
# one shape), the addition node passes `dout` on unchanged, and the multiplication node
# passes each input the other's value:
#
# $$\frac{\partial L}{\partial b} = \text{dout}, \quad
# \frac{\partial L}{\partial w} = \text{dout} \cdot x^2, \quad
# \frac{\partial L}{\partial x} = \text{dout} \cdot w \cdot 2x$$
#
# `graph_backward(dout, w, x, b)` returns the tuple `(dw, dx, db)`, each of its variable's
# shape. The grader checks both against numerical gradients on random values.

# %% [markdown] ko
# ## 5. 계산 그래프에서의 역전파
#
# 역전파는 위에서 내려온 기울기 `dout` $= \frac{\partial L}{\partial f}$에 각 노드의 국소 미분을
# 곱합니다(연쇄 법칙).
#
# **ReLU 노드.** $f = \mathrm{ReLU}(x)$이면 $\frac{\partial f}{\partial x}$는 $x > 0$인 곳에서 1,
# $x \le 0$인 곳에서 0입니다. `relu_backward(dout, x)`는 `x`와 같은 shape의
# $\frac{\partial L}{\partial x}$를 반환합니다.
#
# **작은 그래프.** $f = g + b$, $g = w x^2$(숫자나 같은 shape의 배열에 원소별로)에서, 덧셈 노드는
# `dout`을 그대로 흘려보내고, 곱셈 노드는 각 입력에 상대편 입력의 값을 곱해 보냅니다:
#
# $$\frac{\partial L}{\partial b} = \text{dout}, \quad
# \frac{\partial L}{\partial w} = \text{dout} \cdot x^2, \quad
# \frac{\partial L}{\partial x} = \text{dout} \cdot w \cdot 2x$$
#
# `graph_backward(dout, w, x, b)`는 튜플 `(dw, dx, db)`를 반환하며, 각각 해당 변수와 같은 shape입니다.
# 채점기는 두 함수 모두 무작위 값에서 수치 미분과 비교합니다.

# %%
def relu_backward(dout, x):
    """dL/dx for f = ReLU(x), from dout = dL/df.

    Parameters
    ----------
    dout : numpy array of the shape of x, the gradient from above
    x : numpy array, the ReLU node's input

    Returns
    -------
    dx : numpy array of the shape of x, dout where x > 0, else 0
    """
    ### BEGIN SOLUTION
    dx = dout * (x > 0)
    ### END SOLUTION
    return dx

# %%
check(relu_backward)

# %%
def graph_backward(dout, w, x, b):
    """The gradients of the graph f = w * x**2 + b, from dout = dL/df.

    Parameters
    ----------
    dout : float or numpy array, the gradient from above
    w, x, b : floats or numpy arrays of dout's shape, the graph's inputs

    Returns
    -------
    dw : dout * x**2, of the shape of w
    dx : dout * 2 * w * x, of the shape of x
    db : dout, of the shape of b
    """
    ### BEGIN SOLUTION
    dg = dout  # the addition node
    db = dout
    dw = dg * x ** 2  # the multiplication node g = w * s, s = x**2
    ds = dg * w
    dx = ds * 2 * x  # the square node
    ### END SOLUTION
    return dw, dx, db

# %%
check(graph_backward)

# %%
print(graph_backward(1.0, 3.0, 2.0, 1.0))  # (4.0, 12.0, 1.0)
