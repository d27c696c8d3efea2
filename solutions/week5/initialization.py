# %% [markdown]
# # Week 5 — Initialization
#
# Where a network's weights start decides whether gradient descent gets anywhere. This
# notebook trains the same three-layer network on the same data four times, changing only
# the initialization, and you will see one start go nowhere, one start badly, and two learn.
#
# You will write, with numpy only:
#
# 1. `initialize_parameters_zeros`: every weight 0;
# 2. `initialize_parameters_random`: large random weights, `randn * 10`;
# 3. `initialize_parameters_he`: random weights scaled by $\sqrt{2 / n^{[l-1]}}$ (He et al., 2015);
# 4. `initialize_parameters_xavier`: random weights scaled by $\sqrt{1 / n^{[l-1]}}$ (Xavier
#    initialization). The classic course only mentions it; writing it is **this course's
#    addition**;
# 5. `model`, which trains the network with the initialization it is asked for.
#
# The forward pass, the loss, the backward pass and the update are given, in `init_utils`
# (LINEAR -> RELU -> LINEAR -> RELU -> LINEAR -> SIGMOID).
#
# **Shapes**: `X` is `(n_x, m)`, one column per example; `W[l]` is `(n_l, n_{l-1})` and `b[l]`
# is `(n_l, 1)`; `layers_dims = [n_0, n_1, ..., n_L]` lists the sizes of the layers, the
# input first.
#
# Run the check cell after each function: it runs the public checks, the same ones as
# `pytest assignments/week5`. A random initialization is graded by its properties (shapes,
# zero biases, the spread of each layer's weights on large layers, layers that do not repeat
# each other), never by the numbers it drew: draw them in any order.

# %% [markdown] ko
# # 5주차 — 초기화
#
# 신경망의 가중치를 어디에서 시작하느냐에 따라 경사 하강법이 제대로 나아갈지가 정해집니다. 이 노트북은
# 같은 데이터로 같은 3층 신경망을 네 번 학습시키며 초기화만 바꿉니다. 한 번은 전혀 나아가지 못하고, 한
# 번은 나쁘게 출발하며, 두 번은 잘 학습하는 것을 보게 됩니다.
#
# numpy만으로 다음을 작성합니다.
#
# 1. `initialize_parameters_zeros`: 모든 가중치를 0으로
# 2. `initialize_parameters_random`: 큰 무작위 가중치, `randn * 10`
# 3. `initialize_parameters_he`: $\sqrt{2 / n^{[l-1]}}$를 곱한 무작위 가중치 (He et al., 2015)
# 4. `initialize_parameters_xavier`: $\sqrt{1 / n^{[l-1]}}$를 곱한 무작위 가중치 (Xavier 초기화).
#    고전 코스는 언급만 하며, 직접 작성하는 것은 **이 코스에서 더한 과제**입니다
# 5. `model`: 요청받은 초기화로 신경망을 학습시킵니다
#
# 순전파, 손실, 역전파, 갱신은 `init_utils`에 주어져 있습니다(LINEAR -> RELU -> LINEAR -> RELU ->
# LINEAR -> SIGMOID).
#
# **Shape**: `X`는 `(n_x, m)`로 예제 하나가 열 하나입니다. `W[l]`은 `(n_l, n_{l-1})`, `b[l]`은
# `(n_l, 1)`입니다. `layers_dims = [n_0, n_1, ..., n_L]`은 입력층부터 각 층의 크기를 나열합니다.
#
# 함수를 하나 작성할 때마다 바로 아래의 check 셀을 실행하세요. `pytest assignments/week5`와 같은 공개
# 검사를 실행합니다. 무작위 초기화는 뽑은 숫자가 아니라 성질(shape, 0인 편향, 큰 층에서 각 층 가중치의
# 퍼진 정도, 서로 반복하지 않는 층)로 채점합니다. 어떤 순서로 뽑아도 됩니다.

# %%
import matplotlib.pyplot as plt
import numpy as np
from init_utils import (
    backward_propagation,
    compute_loss,
    forward_propagation,
    load_dataset,
    plot_decision_boundary,
    predict_dec,
    update_parameters,
)

from dlcheck import checker

check = checker("week5/initialization")

# %% [markdown]
# ## 1. The data: two circles
#
# `load_dataset()` returns 300 training points and 100 test points of the plane: blue dots
# on an inner circle, red dots on an outer one, with a little noise. (They are the classic
# course's points, drawn as its `sklearn.datasets.make_circles` drew them, generated here by
# `dldata.circles`.) No straight line separates the colours; the network must learn a round
# boundary.

# %% [markdown] ko
# ## 1. 데이터: 두 개의 원
#
# `load_dataset()`은 평면 위의 훈련용 점 300개와 테스트용 점 100개를 반환합니다. 파란 점은 안쪽 원,
# 빨간 점은 바깥쪽 원 위에 잡음을 조금 더해 놓여 있습니다. (고전 코스가 `sklearn.datasets.make_circles`로
# 뽑은 바로 그 점들이며, 여기서는 `dldata.circles`가 생성합니다.) 직선 하나로는 두 색을 나눌 수 없으므로,
# 신경망은 둥근 경계를 배워야 합니다.

# %%
train_X, train_Y, test_X, test_Y = load_dataset()
plt.scatter(train_X[0, :], train_X[1, :], c=train_Y[0, :], s=40, cmap=plt.cm.Spectral)
plt.title("Training set: two circles")
plt.show()
print("train_X:", train_X.shape, "train_Y:", train_Y.shape, "test_X:", test_X.shape, "test_Y:", test_Y.shape)

# %% [markdown]
# ## 2. Zero initialization
#
# ### `initialize_parameters_zeros(layers_dims)`
#
# Return a dict with, for each layer $l = 1, \dots, L$ (where $L$ = `len(layers_dims) - 1`),
# `"W" + str(l)` of shape `(layers_dims[l], layers_dims[l-1])` and `"b" + str(l)` of shape
# `(layers_dims[l], 1)`, **all zeros** (`np.zeros(shape)`: mind the double parentheses).

# %% [markdown] ko
# ## 2. 0으로 초기화
#
# ### `initialize_parameters_zeros(layers_dims)`
#
# 각 층 $l = 1, \dots, L$($L$ = `len(layers_dims) - 1`)에 대해 shape `(layers_dims[l], layers_dims[l-1])`인
# `"W" + str(l)`과 shape `(layers_dims[l], 1)`인 `"b" + str(l)`을 담은 dict를 반환하세요. 값은 **모두
# 0**입니다(`np.zeros(shape)`: 괄호가 두 겹인 것에 주의하세요).

# %%
def initialize_parameters_zeros(layers_dims):
    """Every weight and bias zero.

    Parameters
    ----------
    layers_dims : list of int, the sizes of the layers [n_0, n_1, ..., n_L], input first

    Returns
    -------
    parameters : dict with, for l = 1, ..., L,
        "W" + str(l) of shape (layers_dims[l], layers_dims[l-1]), zeros,
        "b" + str(l) of shape (layers_dims[l], 1), zeros
    """
    parameters = {}
    L = len(layers_dims) - 1  # the number of layers with parameters
    ### BEGIN SOLUTION
    for l in range(1, L + 1):
        parameters["W" + str(l)] = np.zeros((layers_dims[l], layers_dims[l - 1]))
        parameters["b" + str(l)] = np.zeros((layers_dims[l], 1))
    ### END SOLUTION
    return parameters

# %%
for name, value in initialize_parameters_zeros([3, 2, 1]).items():
    print(name, "=", value.tolist())

# %%
check(initialize_parameters_zeros)

# %% [markdown]
# ## 3. Large random initialization
#
# Zero weights never break the symmetry: every unit of a layer computes the same thing and
# receives the same gradient, so they stay equal forever (you will see it in section 7).
# Random weights break it. Here, on purpose, **large** ones.
#
# ### `initialize_parameters_random(layers_dims)`
#
# The same dict, with each `W` drawn from a normal distribution **times 10**,
# `np.random.randn(layers_dims[l], layers_dims[l-1]) * 10`, and each `b` zeros.
#
# The cell after the function seeds `np.random` (with 3, as the classic course did inside
# its function) so that its printed output matches the one here; no need to seed inside the
# function.

# %% [markdown] ko
# ## 3. 큰 무작위 값으로 초기화
#
# 가중치가 0이면 대칭이 깨지지 않습니다. 한 층의 모든 유닛이 같은 값을 계산하고 같은 기울기를 받아
# 영원히 똑같이 남습니다(7절에서 직접 봅니다). 무작위 가중치는 대칭을 깹니다. 여기서는 일부러 **큰**
# 값을 씁니다.
#
# ### `initialize_parameters_random(layers_dims)`
#
# 같은 dict를 만들되, 각 `W`는 정규분포에서 뽑은 값에 **10을 곱해**
# `np.random.randn(layers_dims[l], layers_dims[l-1]) * 10`으로, 각 `b`는 0으로 채웁니다.
#
# 함수 다음 셀은 출력이 여기에 보이는 것과 같도록 `np.random`의 시드를 3으로 정합니다(고전 코스는 함수
# 안에서 정했습니다). 함수 안에서 시드를 정할 필요는 없습니다.

# %%
def initialize_parameters_random(layers_dims):
    """Large random weights (a normal draw times 10) and zero biases.

    Parameters
    ----------
    layers_dims : list of int, the sizes of the layers [n_0, n_1, ..., n_L], input first

    Returns
    -------
    parameters : dict with, for l = 1, ..., L,
        "W" + str(l) of shape (layers_dims[l], layers_dims[l-1]), np.random.randn(...) * 10,
        "b" + str(l) of shape (layers_dims[l], 1), zeros
    """
    parameters = {}
    L = len(layers_dims) - 1
    ### BEGIN SOLUTION
    for l in range(1, L + 1):
        parameters["W" + str(l)] = np.random.randn(layers_dims[l], layers_dims[l - 1]) * 10
        parameters["b" + str(l)] = np.zeros((layers_dims[l], 1))
    ### END SOLUTION
    return parameters

# %%
np.random.seed(3)
for name, value in initialize_parameters_random([3, 2, 1]).items():
    print(name, "=", value.tolist())

# %%
check(initialize_parameters_random)

# %% [markdown]
# ## 4. He initialization
#
# Scale each layer's weights by the number of inputs of its units, $n^{[l-1]}$: with
#
# $$W^{[l]} = \texttt{np.random.randn}(n^{[l]}, n^{[l-1]}) \times \sqrt{\frac{2}{n^{[l-1]}}},$$
#
# a ReLU layer passes on a signal of about the same size as it receives, so neither the
# activations nor the gradients shrink or blow up from layer to layer. It is named after
# He et al. (2015), who derived the factor 2 for ReLU.
#
# ### `initialize_parameters_he(layers_dims)`
#
# The same dict, each `W` drawn with the formula above (`layers_dims[l-1]`, the size of the
# layer **before**), each `b` zeros.

# %% [markdown] ko
# ## 4. He 초기화
#
# 각 층의 가중치를 그 층 유닛이 받는 입력의 수 $n^{[l-1]}$에 맞춰 조정합니다.
#
# $$W^{[l]} = \texttt{np.random.randn}(n^{[l]}, n^{[l-1]}) \times \sqrt{\frac{2}{n^{[l-1]}}}$$
#
# 이렇게 하면 ReLU 층은 받은 신호와 비슷한 크기의 신호를 넘겨 주므로, 활성값도 기울기도 층을 지날
# 때마다 줄어들거나 폭발하지 않습니다. ReLU에 맞는 인수 2를 유도한 He et al. (2015)의 이름을 땄습니다.
#
# ### `initialize_parameters_he(layers_dims)`
#
# 같은 dict를 만들되, 각 `W`는 위 식으로(**앞** 층의 크기 `layers_dims[l-1]`을 씁니다), 각 `b`는 0으로
# 채웁니다.

# %%
def initialize_parameters_he(layers_dims):
    """He initialization: weights np.random.randn(...) * sqrt(2 / n_{l-1}), zero biases.

    Parameters
    ----------
    layers_dims : list of int, the sizes of the layers [n_0, n_1, ..., n_L], input first

    Returns
    -------
    parameters : dict with, for l = 1, ..., L,
        "W" + str(l) of shape (layers_dims[l], layers_dims[l-1]),
            np.random.randn(...) * np.sqrt(2 / layers_dims[l-1]),
        "b" + str(l) of shape (layers_dims[l], 1), zeros
    """
    parameters = {}
    L = len(layers_dims) - 1
    ### BEGIN SOLUTION
    for l in range(1, L + 1):
        scale = np.sqrt(2 / layers_dims[l - 1])
        parameters["W" + str(l)] = np.random.randn(layers_dims[l], layers_dims[l - 1]) * scale
        parameters["b" + str(l)] = np.zeros((layers_dims[l], 1))
    ### END SOLUTION
    return parameters

# %%
np.random.seed(3)
for name, value in initialize_parameters_he([2, 4, 1]).items():
    print(name, "=", value.tolist())

# %%
check(initialize_parameters_he)

# %% [markdown]
# ## 5. Xavier initialization (this course's addition)
#
# The classic course only mentions it: for tanh or sigmoid units, the factor is 1, not 2,
#
# $$W^{[l]} = \texttt{np.random.randn}(n^{[l]}, n^{[l-1]}) \times \sqrt{\frac{1}{n^{[l-1]}}}.$$
#
# (Glorot and Bengio's original, "Xavier", averages the sizes of both layers,
# $\sqrt{2 / (n^{[l-1]} + n^{[l]})}$; asked here is the one-sided form above, which week 4's
# deep network used too.) A notebook of the classic course has no such function: the grader
# gives it 0 of this function's 1 point, and grades the rest as usual.
#
# ### `initialize_parameters_xavier(layers_dims)`
#
# The same dict, each `W` drawn with the formula above, each `b` zeros.

# %% [markdown] ko
# ## 5. Xavier 초기화 (이 코스에서 더한 과제)
#
# 고전 코스는 언급만 합니다. tanh나 sigmoid 유닛에는 인수가 2가 아니라 1입니다.
#
# $$W^{[l]} = \texttt{np.random.randn}(n^{[l]}, n^{[l-1]}) \times \sqrt{\frac{1}{n^{[l-1]}}}$$
#
# (Glorot과 Bengio의 원래 "Xavier"는 두 층의 크기를 평균한 $\sqrt{2 / (n^{[l-1]} + n^{[l]})}$를 씁니다.
# 여기서 요구하는 것은 위의 한쪽 형태이며, 4주차의 깊은 신경망도 이것을 썼습니다.) 고전 코스의 노트북에는
# 이 함수가 없으므로, 채점기는 이 함수의 1점 중 0점을 주고 나머지는 평소대로 채점합니다.
#
# ### `initialize_parameters_xavier(layers_dims)`
#
# 같은 dict를 만들되, 각 `W`는 위 식으로, 각 `b`는 0으로 채웁니다.

# %%
def initialize_parameters_xavier(layers_dims):
    """Xavier initialization: weights np.random.randn(...) * sqrt(1 / n_{l-1}), zero biases.

    Parameters
    ----------
    layers_dims : list of int, the sizes of the layers [n_0, n_1, ..., n_L], input first

    Returns
    -------
    parameters : dict with, for l = 1, ..., L,
        "W" + str(l) of shape (layers_dims[l], layers_dims[l-1]),
            np.random.randn(...) * np.sqrt(1 / layers_dims[l-1]),
        "b" + str(l) of shape (layers_dims[l], 1), zeros
    """
    parameters = {}
    L = len(layers_dims) - 1
    ### BEGIN SOLUTION
    for l in range(1, L + 1):
        scale = np.sqrt(1 / layers_dims[l - 1])
        parameters["W" + str(l)] = np.random.randn(layers_dims[l], layers_dims[l - 1]) * scale
        parameters["b" + str(l)] = np.zeros((layers_dims[l], 1))
    ### END SOLUTION
    return parameters

# %%
np.random.seed(3)
for name, value in initialize_parameters_xavier([2, 4, 1]).items():
    print(name, "=", value.tolist())

# %%
check(initialize_parameters_xavier)

# %% [markdown]
# ## 6. The model
#
# ### `model(X, Y, learning_rate=0.01, num_iterations=15000, print_cost=True, initialization="he")`
#
# The network has the layer sizes `layers_dims = [X.shape[0], 10, 5, 1]`. Initialize its
# parameters with the function that `initialization` names: `"zeros"`, `"random"`, `"he"` or
# `"xavier"`. Then repeat `num_iterations` times one step of gradient descent, with the given
# functions of `init_utils`: `forward_propagation(X, parameters)` returns the output `a3` and
# a `cache`; `compute_loss(a3, Y)` the cost; `backward_propagation(X, Y, cache)` the
# gradients; `update_parameters(parameters, grads, learning_rate)` the parameters after the
# step. Return the trained `parameters`. Keep the defaults of the signature. The given part
# prints the cost every 1000 iterations.
#
# The grader runs your `model` with its own initializations, from a seeded `np.random`, so its
# results can be compared exactly; the check cell does the same with yours, so it expects
# initializations that draw `W1`, `W2`, `W3` in this order with `np.random.randn`, as the
# stubs above say.

# %% [markdown] ko
# ## 6. 모델
#
# ### `model(X, Y, learning_rate=0.01, num_iterations=15000, print_cost=True, initialization="he")`
#
# 신경망의 층 크기는 `layers_dims = [X.shape[0], 10, 5, 1]`입니다. `initialization`이 가리키는 함수
# (`"zeros"`, `"random"`, `"he"`, `"xavier"`)로 파라미터를 초기화하세요. 그다음 `init_utils`에 주어진
# 함수로 경사 하강법 한 단계를 `num_iterations`번 반복하세요. `forward_propagation(X, parameters)`는 출력
# `a3`와 `cache`를, `compute_loss(a3, Y)`는 비용을, `backward_propagation(X, Y, cache)`는 기울기를,
# `update_parameters(parameters, grads, learning_rate)`는 한 단계 뒤의 파라미터를 반환합니다. 학습된
# `parameters`를 반환하세요. 시그니처의 기본값은 그대로 두세요. 주어진 부분이 1000번마다 비용을 출력합니다.
#
# 채점기는 결과를 정확히 비교할 수 있도록, 시드를 정한 `np.random`과 자신의 초기화 함수로 여러분의
# `model`을 실행합니다. check 셀은 같은 일을 여러분의 초기화 함수로 하므로, 위 스텁의 설명처럼
# `np.random.randn`으로 `W1`, `W2`, `W3`를 이 순서로 뽑는 초기화를 기대합니다.

# %%
def model(X, Y, learning_rate=0.01, num_iterations=15000, print_cost=True, initialization="he"):
    """Train the three-layer network LINEAR -> RELU -> LINEAR -> RELU -> LINEAR -> SIGMOID.

    Parameters
    ----------
    X : numpy array of shape (n_x, m), the inputs
    Y : numpy array of shape (1, m), the labels, 0 or 1
    learning_rate : float, the step of gradient descent
    num_iterations : int, the number of gradient-descent steps
    print_cost : bool, print the cost every 1000 iterations
    initialization : str, "zeros", "random", "he" or "xavier": which initialization to use

    Returns
    -------
    parameters : dict with the trained "W1", "b1", "W2", "b2", "W3", "b3"
    """
    layers_dims = [X.shape[0], 10, 5, 1]
    ### BEGIN SOLUTION
    if initialization == "zeros":
        parameters = initialize_parameters_zeros(layers_dims)
    elif initialization == "random":
        parameters = initialize_parameters_random(layers_dims)
    elif initialization == "he":
        parameters = initialize_parameters_he(layers_dims)
    elif initialization == "xavier":
        parameters = initialize_parameters_xavier(layers_dims)
    ### END SOLUTION
    for i in range(num_iterations):
        ### BEGIN SOLUTION
        a3, cache = forward_propagation(X, parameters)
        cost = compute_loss(a3, Y)
        grads = backward_propagation(X, Y, cache)
        parameters = update_parameters(parameters, grads, learning_rate)
        ### END SOLUTION
        if print_cost and i % 1000 == 0:
            print(f"Cost after iteration {i}: {cost}")
    return parameters

# %%
check(model)

# %% [markdown]
# ## 7. Four starts, one network
#
# Each cell trains the network for 15000 steps (a few seconds each) from one initialization,
# `np.random` seeded with 3 first, and prints its accuracy on the training and the test set.
#
# **Zeros.** The cost stays at $\ln 2 \approx 0.6931$ from the first step to the last and
# every point gets the same answer: **50 %** on both sets. With all weights 0, every hidden
# unit computes the same value and gets the same gradient; the layer acts as a single unit,
# which here learns nothing at all.

# %% [markdown] ko
# ## 7. 하나의 신경망, 네 가지 출발점
#
# 각 셀은 `np.random`의 시드를 3으로 정한 뒤, 한 가지 초기화에서 출발해 신경망을 15000단계 학습시키고
# (각각 몇 초 걸립니다) 훈련 세트와 테스트 세트의 정확도를 출력합니다.
#
# **0으로.** 비용은 첫 단계부터 마지막까지 $\ln 2 \approx 0.6931$에 머물고, 모든 점이 같은 답을 받습니다.
# 두 세트 모두 **50 %**입니다. 가중치가 모두 0이면 모든 은닉 유닛이 같은 값을 계산하고 같은 기울기를 받습니다.
# 층 전체가 유닛 하나처럼 움직이며, 여기서는 아무것도 배우지 못합니다.

# %%
def train_and_report(initialization):
    """Train the model from the given initialization (np.random seeded with 3), print its
    accuracies, and draw its decision boundary."""
    np.random.seed(3)
    parameters = model(train_X, train_Y, initialization=initialization)
    train_accuracy = 100 * np.mean(predict_dec(parameters, train_X) == train_Y)
    test_accuracy = 100 * np.mean(predict_dec(parameters, test_X) == test_Y)
    print(f"{initialization}: train {train_accuracy:.2f} %, test {test_accuracy:.2f} %")
    plot_decision_boundary(lambda points: predict_dec(parameters, points), train_X, train_Y)
    plt.title(f"{initialization} initialization")
    plt.show()
    return parameters


parameters_zeros = train_and_report("zeros")

# %% [markdown]
# **Large random weights.** The symmetry is broken and the network learns, but badly: the
# first cost is `inf`, because with weights of size 10 the last unit's input is so large
# that the sigmoid answers exactly 0 or 1, and a confident wrong answer costs $-\log 0$. The
# cost then falls slowly (0.38 after 15000 steps) and the network reaches about **83 %** of
# the training points and **86 %** of the test points. Large weights saturate the output
# and slow the descent: it would take far longer to get anywhere good.

# %% [markdown] ko
# **큰 무작위 가중치.** 대칭은 깨지고 신경망이 학습하지만, 잘하지는 못합니다. 첫 비용이 `inf`입니다.
# 가중치가 10 정도로 크면 마지막 유닛의 입력이 너무 커서 sigmoid가 정확히 0이나 1을 답하고, 확신에 찬
# 오답은 $-\log 0$의 비용을 치르기 때문입니다. 이후 비용은 천천히 줄어(15000단계 뒤 0.38) 훈련 점의 약
# **83 %**, 테스트 점의 약 **86 %**를 맞힙니다. 큰 가중치는 출력을 포화시키고 경사 하강을 느리게 합니다.
# 좋은 결과에 이르려면 훨씬 오래 걸립니다.

# %%
parameters_random = train_and_report("random")

# %% [markdown]
# **He.** The cost falls from 0.883 to 0.074 and the network separates the circles: about
# **99.33 %** of the training points and **96 %** of the test points, with a round boundary.

# %% [markdown] ko
# **He.** 비용이 0.883에서 0.074로 줄고 신경망이 두 원을 나눕니다. 훈련 점의 약 **99.33 %**, 테스트 점의
# **96 %**를 맞히며, 경계는 둥근 모양입니다.

# %%
parameters_he = train_and_report("he")

# %% [markdown]
# **Xavier.** Half the variance of He's: this network of ReLU units starts a little
# quieter and, in the same 15000 steps, reaches about **99 %** of the training points and
# **93 %** of the test points.
#
# | initialization | train accuracy | test accuracy | what it shows |
# |---|---|---|---|
# | zeros | 50 % | 50 % | the symmetry is never broken |
# | random, times 10 | 83 % | 86 % | weights too large: a saturated output, slow descent |
# | He | 99.33 % | 96 % | the scale ReLU layers need |
# | Xavier | 99 % | 93 % | the scale for tanh layers; fine here too |
#
# To remember: initialize weights at random to break the symmetry; not too large; and scale
# each layer by its number of inputs, $\sqrt{2 / n^{[l-1]}}$ for ReLU layers.

# %% [markdown] ko
# **Xavier.** 분산이 He의 절반입니다. ReLU 유닛으로 된 이 신경망은 조금 더 조용하게 출발하고, 같은
# 15000단계 동안 훈련 점의 약 **99 %**, 테스트 점의 **93 %**를 맞힙니다.
#
# | 초기화 | 훈련 정확도 | 테스트 정확도 | 보여 주는 것 |
# |---|---|---|---|
# | 0 | 50 % | 50 % | 대칭이 끝내 깨지지 않습니다 |
# | 무작위, 10배 | 83 % | 86 % | 너무 큰 가중치: 포화된 출력, 느린 하강 |
# | He | 99.33 % | 96 % | ReLU 층에 맞는 크기 |
# | Xavier | 99 % | 93 % | tanh 층에 맞는 크기. 여기서도 괜찮습니다 |
#
# 기억할 것: 대칭을 깨기 위해 가중치는 무작위로, 너무 크지 않게 초기화하고, 각 층을 입력의 수에 맞춰
# 조정하세요. ReLU 층에는 $\sqrt{2 / n^{[l-1]}}$입니다.

# %%
parameters_xavier = train_and_report("xavier")
