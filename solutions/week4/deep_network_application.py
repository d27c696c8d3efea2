# %% [markdown]
# # Week 4 — Deep neural network application: cat or not a cat?
#
# You will train two networks on the cat / non-cat pictures of week 2 and compare them with
# logistic regression (70 % test accuracy):
#
# - a two-layer network, `LINEAR -> RELU -> LINEAR -> SIGMOID`;
# - an L-layer network, `[LINEAR -> RELU] * (L-1) -> LINEAR -> SIGMOID`.
#
# Both are built from **your** functions of `deep_network_step_by_step.ipynb`:
# `from dnn_app_utils import *` loads them from that notebook, which must be in the same
# folder and finished (saved). It also gives `load_data()`, the data loader.
#
# **What is graded.** `two_layer_model`, `L_layer_model` and `predict`. The grader checks them
# on small problems, and trains your two models on the real pictures with your own
# step-by-step functions; to make the results comparable it starts them from its own
# initialization (the seeded one of `initialize_parameters` and `initialize_parameters_deep`).
# Keep the default arguments of the signatures as they are.

# %% [markdown] ko
# # 4주차 — 심층 신경망 응용: 고양이일까, 아닐까?
#
# 2주차의 고양이 / 고양이 아님 사진으로 두 신경망을 학습시키고 로지스틱 회귀(테스트 정확도 70 %)와
# 비교합니다:
#
# - 2층 신경망, `LINEAR -> RELU -> LINEAR -> SIGMOID`
# - L층 신경망, `[LINEAR -> RELU] * (L-1) -> LINEAR -> SIGMOID`
#
# 두 신경망 모두 `deep_network_step_by_step.ipynb`에서 만든 **여러분의** 함수로 만듭니다.
# `from dnn_app_utils import *`가 그 노트북에서 함수를 불러오므로, 그 노트북이 같은 폴더에 있고
# 완성되어 (저장되어) 있어야 합니다. 데이터를 읽는 `load_data()`도 여기서 옵니다.
#
# **채점 방식.** `two_layer_model`, `L_layer_model`, `predict`를 채점합니다. 채점기는 작은 문제에서
# 검사하고, 여러분의 step-by-step 함수로 두 모델을 실제 사진에서 학습시킵니다. 결과를 비교할 수 있도록
# 초기화는 채점기의 것(`initialize_parameters`와 `initialize_parameters_deep`의 시드 고정 버전)으로
# 시작합니다. 시그니처의 기본 인자는 그대로 두세요.

# %%
import matplotlib.pyplot as plt
import numpy as np
from dnn_app_utils import *  # your step-by-step functions, load_data

from dlcheck import checker

check = checker("week4/deep_network_application")

# %% [markdown]
# ## 1. Your step-by-step functions
#
# This cell says whether every function of `deep_network_step_by_step.ipynb` is finished.
# If it names some that are not, go back to that notebook, finish them, save it, and
# restart this notebook's kernel.

# %% [markdown] ko
# ## 1. 여러분의 step-by-step 함수
#
# 이 셀은 `deep_network_step_by_step.ipynb`의 함수가 모두 완성되었는지 알려 줍니다. 완성되지 않은
# 함수가 있다고 하면 그 노트북으로 돌아가 완성하고 저장한 뒤, 이 노트북의 커널을 다시 시작하세요.

# %%
step_by_step_status()

# %% [markdown]
# ## 2. The data
#
# `load_data()` returns the pictures as arrays of shape `(m, 64, 64, 3)` and the labels as
# `(1, m)`, as in week 2. Each picture becomes a column of `64 * 64 * 3 = 12288` values,
# scaled to [0, 1].

# %% [markdown] ko
# ## 2. 데이터
#
# `load_data()`는 2주차처럼 사진을 shape `(m, 64, 64, 3)`인 배열로, 레이블을 `(1, m)`으로 반환합니다.
# 사진 하나는 `64 * 64 * 3 = 12288`개 값의 열이 되고, [0, 1] 범위로 조정됩니다.

# %%
train_x_orig, train_y, test_x_orig, test_y, classes = load_data()
train_x = train_x_orig.reshape(train_x_orig.shape[0], -1).T / 255.0
test_x = test_x_orig.reshape(test_x_orig.shape[0], -1).T / 255.0
print("train_x:", train_x.shape, "train_y:", train_y.shape, "test_x:", test_x.shape, "test_y:", test_y.shape)

# %%
index = 10
plt.imshow(train_x_orig[index])
plt.title(f"y = {train_y[0, index]}: a {classes[train_y[0, index]].decode('utf-8')} picture")
plt.axis("off")
plt.show()

# %% [markdown]
# ## 3. `two_layer_model`
#
# Gradient descent on a two-layer network, `layers_dims = (n_x, n_h, n_y)`:
#
# 1. `parameters = initialize_parameters(n_x, n_h, n_y)`;
# 2. for each of the `num_iterations` iterations: the forward pass with
#    `linear_activation_forward` (`"relu"`, then `"sigmoid"`), the cost with `compute_cost`,
#    `dA2 = -(Y / A2 - (1 - Y) / (1 - A2))`, the backward pass with
#    `linear_activation_backward` (`"sigmoid"`, then `"relu"`), and
#    `parameters = update_parameters(parameters, grads, learning_rate)`, where `grads` holds
#    `"dW1"`, `"db1"`, `"dW2"`, `"db2"`;
# 3. record the cost every 100 iterations (iterations 0, 100, 200, ...) in the list `costs`;
#    with `print_cost=True`, also print it then, and after the last iteration.
#
# Return `parameters, costs`.

# %% [markdown] ko
# ## 3. `two_layer_model`
#
# 2층 신경망의 경사 하강법, `layers_dims = (n_x, n_h, n_y)`:
#
# 1. `parameters = initialize_parameters(n_x, n_h, n_y)`
# 2. `num_iterations`번 반복하면서: `linear_activation_forward`로 순전파(`"relu"` 다음 `"sigmoid"`),
#    `compute_cost`로 비용, `dA2 = -(Y / A2 - (1 - Y) / (1 - A2))`, `linear_activation_backward`로
#    역전파(`"sigmoid"` 다음 `"relu"`), 그리고 `"dW1"`, `"db1"`, `"dW2"`, `"db2"`를 담은 `grads`로
#    `parameters = update_parameters(parameters, grads, learning_rate)`
# 3. 100번마다(0, 100, 200, ...번째 반복) 비용을 리스트 `costs`에 기록하세요. `print_cost=True`이면
#    그때와 마지막 반복 뒤에 비용을 출력하세요.
#
# `parameters, costs`를 반환하세요.

# %%
def two_layer_model(X, Y, layers_dims, learning_rate=0.0075, num_iterations=3000, print_cost=False):
    """Train LINEAR -> RELU -> LINEAR -> SIGMOID by gradient descent.

    Parameters
    ----------
    X : numpy array of shape (n_x, m), one example per column
    Y : numpy array of shape (1, m), labels 0 or 1
    layers_dims : tuple (n_x, n_h, n_y)
    learning_rate : float, the step of gradient descent
    num_iterations : int, the number of gradient-descent steps
    print_cost : bool, print the cost every 100 iterations

    Returns
    -------
    parameters : dict with "W1" of shape (n_h, n_x), "b1" (n_h, 1), "W2" (n_y, n_h), "b2" (n_y, 1)
    costs : list of the costs at iterations 0, 100, 200, ...
    """
    grads = {}
    costs = []
    n_x, n_h, n_y = layers_dims
    ### BEGIN SOLUTION
    parameters = initialize_parameters(n_x, n_h, n_y)
    for i in range(num_iterations):
        W1, b1, W2, b2 = parameters["W1"], parameters["b1"], parameters["W2"], parameters["b2"]
        A1, cache1 = linear_activation_forward(X, W1, b1, "relu")
        A2, cache2 = linear_activation_forward(A1, W2, b2, "sigmoid")
        cost = compute_cost(A2, Y)
        dA2 = -(np.divide(Y, A2) - np.divide(1 - Y, 1 - A2))
        dA1, grads["dW2"], grads["db2"] = linear_activation_backward(dA2, cache2, "sigmoid")
        _, grads["dW1"], grads["db1"] = linear_activation_backward(dA1, cache1, "relu")
        parameters = update_parameters(parameters, grads, learning_rate)
        if i % 100 == 0:
            costs.append(cost)
        if print_cost and (i % 100 == 0 or i == num_iterations - 1):
            print(f"Cost after iteration {i}: {cost}")
    ### END SOLUTION
    return parameters, costs

# %%
check(two_layer_model)

# %% [markdown]
# Now train it on the pictures: 7 hidden units, 2500 iterations (about half a minute).

# %% [markdown] ko
# 이제 사진으로 학습시키세요: 은닉 유닛 7개, 2500번 반복 (30초쯤 걸립니다).

# %%
parameters, costs = two_layer_model(train_x, train_y, layers_dims=(12288, 7, 1), num_iterations=2500,
                                    print_cost=True)

# %%
def plot_costs(costs, learning_rate=0.0075):
    plt.plot(np.squeeze(costs))
    plt.ylabel("cost")
    plt.xlabel("iterations (per hundreds)")
    plt.title(f"Learning rate = {learning_rate}")
    plt.show()


plot_costs(costs)

# %% [markdown]
# ## 4. `predict(X, y, parameters)`
#
# The network's prediction is 1 (cat) where `AL > 0.5`, else 0: run `L_model_forward`
# (it works for two layers too) and threshold `AL`. Return `p` of shape `(1, m)`; also print
# the accuracy, the fraction of examples where `p == y`.

# %% [markdown] ko
# ## 4. `predict(X, y, parameters)`
#
# 신경망의 예측은 `AL > 0.5`인 곳에서 1(고양이), 아니면 0입니다: `L_model_forward`를 실행하고
# (2층에서도 동작합니다) `AL`을 기준값으로 나누세요. shape `(1, m)`인 `p`를 반환하고, 정확도(`p == y`인
# 예제의 비율)도 출력하세요.

# %%
def predict(X, y, parameters):
    """Labels predicted by a trained network, and their accuracy (printed).

    Parameters
    ----------
    X : numpy array of shape (n_x, m)
    y : numpy array of shape (1, m), the true labels (for the printed accuracy)
    parameters : dict of a trained network's "Wl" and "bl"

    Returns
    -------
    p : numpy array of shape (1, m), 1 where the network says cat, else 0
    """
    m = X.shape[1]
    ### BEGIN SOLUTION
    AL, _ = L_model_forward(X, parameters)
    p = (AL > 0.5).astype(float)
    ### END SOLUTION
    print("Accuracy: " + str(np.sum(p == y) / m))
    return p

# %%
check(predict)

# %%
predictions_train = predict(train_x, train_y, parameters)
predictions_test = predict(test_x, test_y, parameters)

# %% [markdown]
# The two-layer network classifies about 72 % of the test pictures right, better than
# logistic regression. Now a deeper one.
#
# ## 5. `L_layer_model`
#
# The same loop with your L-layer functions: `initialize_parameters_deep(layers_dims)`,
# then in each iteration `L_model_forward`, `compute_cost`, `L_model_backward` and
# `update_parameters`. Record (and print) the cost as in `two_layer_model`. Return
# `parameters, costs`.

# %% [markdown] ko
# 2층 신경망은 테스트 사진의 약 72 %를 맞게 분류합니다. 로지스틱 회귀보다 낫습니다. 이제 더 깊은
# 신경망입니다.
#
# ## 5. `L_layer_model`
#
# L층 함수로 같은 반복을 합니다: `initialize_parameters_deep(layers_dims)` 다음, 매 반복마다
# `L_model_forward`, `compute_cost`, `L_model_backward`, `update_parameters`. 비용은
# `two_layer_model`처럼 기록(그리고 출력)하세요. `parameters, costs`를 반환하세요.

# %%
def L_layer_model(X, Y, layers_dims, learning_rate=0.0075, num_iterations=3000, print_cost=False):
    """Train [LINEAR -> RELU] * (L-1) -> LINEAR -> SIGMOID by gradient descent.

    Parameters
    ----------
    X : numpy array of shape (n_x, m), one example per column
    Y : numpy array of shape (1, m), labels 0 or 1
    layers_dims : list [n_x, n_1, ..., n_L], the input size first
    learning_rate : float, the step of gradient descent
    num_iterations : int, the number of gradient-descent steps
    print_cost : bool, print the cost every 100 iterations

    Returns
    -------
    parameters : dict of "Wl" of shape (n_l, n_{l-1}) and "bl" of shape (n_l, 1), l = 1..L
    costs : list of the costs at iterations 0, 100, 200, ...
    """
    costs = []
    ### BEGIN SOLUTION
    parameters = initialize_parameters_deep(layers_dims)
    for i in range(num_iterations):
        AL, caches = L_model_forward(X, parameters)
        cost = compute_cost(AL, Y)
        grads = L_model_backward(AL, Y, caches)
        parameters = update_parameters(parameters, grads, learning_rate)
        if i % 100 == 0:
            costs.append(cost)
        if print_cost and (i % 100 == 0 or i == num_iterations - 1):
            print(f"Cost after iteration {i}: {cost}")
    ### END SOLUTION
    return parameters, costs

# %%
check(L_layer_model)

# %% [markdown]
# Train a four-layer network, `[12288, 20, 7, 5, 1]`, for 2500 iterations (under a minute).

# %% [markdown] ko
# 4층 신경망 `[12288, 20, 7, 5, 1]`을 2500번 반복해 학습시키세요 (1분 안쪽).

# %%
parameters, costs = L_layer_model(train_x, train_y, [12288, 20, 7, 5, 1], num_iterations=2500, print_cost=True)
plot_costs(costs)
pred_train = predict(train_x, train_y, parameters)
pred_test = predict(test_x, test_y, parameters)

# %% [markdown]
# The four-layer network reaches about 80 % on the test set. Some pictures it gets wrong:
# often the cat has an unusual position or colour, is small in the picture, or the light is
# poor.

# %% [markdown] ko
# 4층 신경망은 테스트 세트에서 약 80 %에 이릅니다. 틀리게 분류한 사진 몇 장을 보면, 고양이의 자세나
# 색이 특이하거나, 사진 속에서 작거나, 조명이 나쁜 경우가 많습니다.

# %%
wrong = np.flatnonzero(pred_test[0] != test_y[0])
fig, axes = plt.subplots(1, len(wrong), figsize=(2 * len(wrong), 2.5), squeeze=False)
for ax, i in zip(axes[0], wrong, strict=True):
    ax.imshow(test_x[:, i].reshape(64, 64, 3))
    ax.set_title(f"said {classes[int(pred_test[0, i])].decode('utf-8')}\nis {classes[test_y[0, i]].decode('utf-8')}",
                 fontsize=8)
    ax.axis("off")
plt.show()
