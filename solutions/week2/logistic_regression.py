# %% [markdown]
# # Week 2 — Logistic regression as a tiny neural network
#
# You will build a classifier that tells pictures of cats from other pictures. The model is
# logistic regression, written the way a neural network with a single neuron is written:
# forward propagation (from the picture to a probability), a cost (how wrong the
# probabilities are), backward propagation (how the cost changes with each parameter), and
# gradient descent (many small steps downhill). Only NumPy.
#
# You will write six functions, each building on the previous ones:
#
# 1. `sigmoid`: squashes a score into a probability;
# 2. `initialize_with_zeros`: the starting parameters;
# 3. `propagate`: the cost and its gradient;
# 4. `optimize`: gradient descent;
# 5. `predict`: from probabilities to labels 0 or 1;
# 6. `model`: all of it together, trained on the pictures.
#
# **Shapes used everywhere in this course** (each example is a column):
#
# | array | shape |
# |---|---|
# | `X` (inputs) | `(n_x, m)`: `n_x = 64*64*3 = 12288` features, `m` examples |
# | `Y` (labels, 0 or 1) | `(1, m)` |
# | `w` (weights) | `(n_x, 1)` |
# | `b` (bias) | a Python float |
#
# **Checking your work.** After each function, run the cell `check(function_name)`: it runs
# the public checks and says what is wrong, where, with a hint. From a terminal,
# `pytest week2` (in the folder that holds `week2/`) runs the same checks on the saved
# notebook. The grader also runs hidden checks on random inputs, so make each function
# right in general, not only on the examples. Only your functions are graded: the cells
# that explore, train and plot are for you.

# %% [markdown] ko
# # 2주 차 — 아주 작은 신경망으로 보는 로지스틱 회귀
#
# 고양이 사진과 다른 사진을 구별하는 분류기를 만듭니다. 모델은 로지스틱 회귀이고, 뉴런이 하나뿐인
# 신경망을 작성하는 방식 그대로 작성합니다: 순전파(사진에서 확률까지), 비용(확률이 얼마나 틀렸는지),
# 역전파(각 매개변수에 따라 비용이 어떻게 변하는지), 그리고 경사 하강법(내리막으로 내딛는 수많은
# 작은 걸음). NumPy만 사용합니다.
#
# 함수 여섯 개를 작성하며, 각 함수는 앞의 함수들 위에 쌓입니다:
#
# 1. `sigmoid`: 점수를 확률로 압축합니다;
# 2. `initialize_with_zeros`: 시작 매개변수;
# 3. `propagate`: 비용과 그 기울기(gradient);
# 4. `optimize`: 경사 하강법;
# 5. `predict`: 확률에서 0 또는 1 레이블로;
# 6. `model`: 이 모든 것을 합쳐 사진으로 학습합니다.
#
# **이 코스 전체에서 쓰는 shape** (예제 하나가 열 하나입니다):
#
# | 배열 | shape |
# |---|---|
# | `X` (입력) | `(n_x, m)`: 특성 `n_x = 64*64*3 = 12288`개, 예제 `m`개 |
# | `Y` (레이블, 0 또는 1) | `(1, m)` |
# | `w` (가중치) | `(n_x, 1)` |
# | `b` (편향) | Python float |
#
# **작업 확인하기.** 함수를 하나 완성할 때마다 `check(함수_이름)` 셀을 실행하세요. 공개 검사를 실행하고,
# 무엇이 어디서 틀렸는지 힌트와 함께 알려 줍니다. 터미널에서 `pytest week2`(`week2/`가 들어 있는
# 폴더에서)를 실행하면 저장된 노트북에 같은 검사를 실행합니다. 채점기는 무작위 입력으로 숨은 검사도
# 실행하므로, 예제에서만이 아니라 일반적으로 맞는 함수를 만드세요. 채점하는 것은 여러분의 함수뿐이며,
# 데이터를 살펴보고, 학습하고, 그래프를 그리는 셀은 여러분을 위한 것입니다.

# %%
import numpy as np
from lr_utils import load_dataset

from dlcheck import checker

check = checker("week2/logistic_regression")

# %%
import matplotlib.pyplot as plt  # for the pictures and plots (the checks do not need it)

# %% [markdown]
# ## 1. The data
#
# The data set holds 64 x 64 colour pictures, each labelled 1 (cat) or 0 (non-cat): a
# training set to learn from and a test set to measure how well the model does on pictures
# it never saw. `load_dataset()` returns the pictures as arrays of shape
# `(m, 64, 64, 3)` (`m` pictures, 64 rows, 64 columns, 3 colour channels: red, green, blue,
# each an integer from 0 to 255), the labels as arrays of shape `(1, m)`, and the names of
# the two classes.
#
# **Expected output** of the next cell:
#
# ```text
# train_x_orig: (209, 64, 64, 3) uint8   train_y: (1, 209)
# test_x_orig:  (50, 64, 64, 3) uint8   test_y:  (1, 50)
# classes: [b'non-cat' b'cat']
# cats: 72 of 209 training pictures, 33 of 50 test pictures
# ```

# %% [markdown] ko
# ## 1. 데이터
#
# 데이터셋은 64 x 64 컬러 사진들로, 각 사진에 1(고양이) 또는 0(고양이 아님) 레이블이 붙어 있습니다.
# 모델이 배우는 학습 세트와, 처음 보는 사진에서 모델이 얼마나 잘하는지 재는 테스트 세트가 있습니다.
# `load_dataset()`은 사진들을 shape `(m, 64, 64, 3)`인 배열(사진 `m`장, 64행, 64열, 색 채널 3개: 빨강,
# 초록, 파랑, 각각 0에서 255 사이의 정수)로, 레이블을 shape `(1, m)`인 배열로 돌려주고, 두 클래스의
# 이름도 돌려줍니다.
#
# 다음 셀의 **기대 출력**:
#
# ```text
# train_x_orig: (209, 64, 64, 3) uint8   train_y: (1, 209)
# test_x_orig:  (50, 64, 64, 3) uint8   test_y:  (1, 50)
# classes: [b'non-cat' b'cat']
# cats: 72 of 209 training pictures, 33 of 50 test pictures
# ```

# %%
train_x_orig, train_y, test_x_orig, test_y, classes = load_dataset()
print("train_x_orig:", train_x_orig.shape, train_x_orig.dtype, "  train_y:", train_y.shape)
print("test_x_orig: ", test_x_orig.shape, test_x_orig.dtype, "  test_y: ", test_y.shape)
print("classes:", classes)
print(f"cats: {int(train_y.sum())} of {train_y.shape[1]} training pictures, "
      f"{int(test_y.sum())} of {test_y.shape[1]} test pictures")

# %% [markdown]
# A few training pictures with their labels. Change the range to look at others: some
# pictures are hard even for a person.

# %% [markdown] ko
# 학습 사진 몇 장과 그 레이블입니다. 범위를 바꿔 다른 사진도 보세요. 사람에게도 어려운 사진이 있습니다.

# %%
fig, axes = plt.subplots(2, 5, figsize=(12, 5.5))
for index, ax in zip(range(10, 20), axes.flat, strict=True):
    ax.imshow(train_x_orig[index])
    ax.set_title(f"#{index}: y = {train_y[0, index]} ({classes[train_y[0, index]].decode()})")
    ax.axis("off")
plt.show()

# %% [markdown]
# ### Each picture becomes a column
#
# The model takes each example as a column of numbers. A picture of shape `(64, 64, 3)`
# becomes a column of `64 * 64 * 3 = 12288` values: `reshape(m, -1)` flattens each picture
# into a row (the last index moving fastest: red, green, blue of the first pixel, then of
# the second, ...), and `.T` turns the rows into columns. Dividing by 255 brings every value
# into [0, 1]: inputs on a small, common scale make gradient descent well behaved.
#
# **Expected output** of the next cell:
#
# ```text
# train_x: (12288, 209)   test_x: (12288, 50)
# first pixel of picture 0 (red, green, blue): [17 31 56]
# first 6 values of its column: [0.06666667 0.12156863 0.21960784 0.08627451 0.12941176 0.23137255]
# ```

# %% [markdown] ko
# ### 사진 한 장이 열 하나가 됩니다
#
# 모델은 각 예제를 숫자 한 열로 받습니다. shape `(64, 64, 3)`인 사진은 값 `64 * 64 * 3 = 12288`개짜리
# 열이 됩니다. `reshape(m, -1)`은 각 사진을 한 행으로 펼치고(마지막 인덱스가 가장 빨리 변합니다: 첫
# 픽셀의 빨강, 초록, 파랑, 그다음 두 번째 픽셀의 빨강, 초록, 파랑, ...), `.T`는 행을 열로 바꿉니다.
# 255로 나누면 모든 값이 [0, 1] 안에 들어옵니다. 입력이 작고 공통된 범위에 있으면 경사 하강법이 안정적으로
# 동작합니다.
#
# 다음 셀의 **기대 출력**:
#
# ```text
# train_x: (12288, 209)   test_x: (12288, 50)
# first pixel of picture 0 (red, green, blue): [17 31 56]
# first 6 values of its column: [0.06666667 0.12156863 0.21960784 0.08627451 0.12941176 0.23137255]
# ```

# %%
train_x = train_x_orig.reshape(train_x_orig.shape[0], -1).T / 255.0
test_x = test_x_orig.reshape(test_x_orig.shape[0], -1).T / 255.0
print("train_x:", train_x.shape, "  test_x:", test_x.shape)
print("first pixel of picture 0 (red, green, blue):", train_x_orig[0, 0, 0])
print("first 6 values of its column:", train_x[:6, 0])

# %% [markdown]
# ## 2. `sigmoid(z)`
#
# The model computes a score $z = w^T x + b$ for a picture $x$ and turns it into the
# probability that the picture shows a cat with the sigmoid function:
#
# $$\sigma(z) = \frac{1}{1 + e^{-z}}$$
#
# A large positive score gives a probability near 1, a large negative one near 0, and
# $\sigma(0) = 0.5$.
#
# `z` is a scalar or a numpy array of any shape; return the same shape, computed element-wise
# with `np.exp` (not `math.exp`, which only takes scalars).

# %% [markdown] ko
# ## 2. `sigmoid(z)`
#
# 모델은 사진 $x$에 대해 점수 $z = w^T x + b$를 계산하고, 시그모이드(sigmoid) 함수로 그 점수를 사진이
# 고양이일 확률로 바꿉니다:
#
# $$\sigma(z) = \frac{1}{1 + e^{-z}}$$
#
# 큰 양수 점수는 1에 가까운 확률, 큰 음수 점수는 0에 가까운 확률이 되고, $\sigma(0) = 0.5$입니다.
#
# `z`는 스칼라이거나 임의의 shape을 가진 numpy 배열입니다. `np.exp`로 원소별로 계산해서 같은 shape으로
# 반환하세요(`math.exp`는 스칼라만 받으므로 쓰지 마세요).

# %%
def sigmoid(z):
    """Element-wise logistic function.

    Parameters
    ----------
    z : scalar or numpy array of any shape

    Returns
    -------
    s : sigmoid(z), of the same shape as z
    """
    ### BEGIN SOLUTION
    s = 1 / (1 + np.exp(-z))
    ### END SOLUTION
    return s

# %%
check(sigmoid)

# %% [markdown]
# **Expected output** of the next cell, and a picture of the function:
#
# ```text
# sigmoid([0, 2]) = [0.5        0.88079708]
# ```

# %% [markdown] ko
# 다음 셀의 **기대 출력**과 함수의 그래프:
#
# ```text
# sigmoid([0, 2]) = [0.5        0.88079708]
# ```

# %%
print("sigmoid([0, 2]) =", sigmoid(np.array([0, 2])))
z = np.linspace(-8, 8, 200)
plt.plot(z, sigmoid(z))
plt.axhline(0.5, color="gray", linewidth=0.5)
plt.xlabel("z")
plt.ylabel("sigmoid(z)")
plt.show()

# %% [markdown]
# ## 3. `initialize_with_zeros(dim)`
#
# Return `w`, a numpy array of zeros of shape `(dim, 1)`, and `b = 0.0` (a Python float).
# Logistic regression has no symmetry to break (there is a single neuron), so zeros are a
# fine start.

# %% [markdown] ko
# ## 3. `initialize_with_zeros(dim)`
#
# shape `(dim, 1)`인 0으로 채운 numpy 배열 `w`와 `b = 0.0`(Python float)을 반환하세요. 로지스틱 회귀에는
# 깨야 할 대칭성이 없으므로(뉴런이 하나뿐입니다) 0에서 시작해도 괜찮습니다.

# %%
def initialize_with_zeros(dim):
    """Zero parameters for logistic regression.

    Parameters
    ----------
    dim : int, the number of features n_x

    Returns
    -------
    w : numpy array of shape (dim, 1), all zeros
    b : float, 0.0
    """
    ### BEGIN SOLUTION
    w = np.zeros((dim, 1))
    b = 0.0
    ### END SOLUTION
    return w, b

# %%
check(initialize_with_zeros)

# %% [markdown]
# **Expected output** of the next cell:
#
# ```text
# w = [[0.]
#  [0.]]
# b = 0.0 float
# ```

# %% [markdown] ko
# 다음 셀의 **기대 출력**:
#
# ```text
# w = [[0.]
#  [0.]]
# b = 0.0 float
# ```

# %%
w, b = initialize_with_zeros(2)
print("w =", w)
print("b =", b, type(b).__name__)

# %% [markdown]
# ## 4. `propagate(w, b, X, Y)`: forward and backward
#
# Forward: the probabilities of all `m` examples at once, $A = \sigma(w^T X + b)$, of shape
# `(1, m)`, and the cross-entropy cost (natural log, averaged over the `m` examples):
#
# $$J = -\frac{1}{m}\sum_{i=1}^{m} \left(y^{(i)}\log a^{(i)} + (1-y^{(i)})\log(1-a^{(i)})\right)$$
#
# Each term is small when the probability $a^{(i)}$ is close to the label $y^{(i)}$ and grows
# without bound as it moves towards the wrong label.
#
# Backward: the gradient of the cost,
#
# $$dw = \frac{\partial J}{\partial w} = \frac{1}{m} X (A - Y)^T \quad\text{(shape of w)},\qquad
#   db = \frac{\partial J}{\partial b} = \frac{1}{m}\sum_{i=1}^m (a^{(i)} - y^{(i)})$$
#
# Return `grads = {"dw": dw, "db": db}` and `cost` as a scalar (`np.squeeze` or `float`).
# No loop over the examples: `np.dot`, `np.sum` and `np.log` work on whole arrays.
# The grader also checks your `dw`, `db` against a numerical gradient of your own cost.

# %% [markdown] ko
# ## 4. `propagate(w, b, X, Y)`: 순전파와 역전파
#
# 순전파: `m`개 예제의 확률을 한꺼번에 계산한 $A = \sigma(w^T X + b)$(shape `(1, m)`)와, 교차 엔트로피
# 비용(자연로그, `m`개 예제에 대한 평균):
#
# $$J = -\frac{1}{m}\sum_{i=1}^{m} \left(y^{(i)}\log a^{(i)} + (1-y^{(i)})\log(1-a^{(i)})\right)$$
#
# 각 항은 확률 $a^{(i)}$가 레이블 $y^{(i)}$에 가까우면 작고, 틀린 레이블 쪽으로 갈수록 한없이 커집니다.
#
# 역전파: 비용의 기울기,
#
# $$dw = \frac{\partial J}{\partial w} = \frac{1}{m} X (A - Y)^T \quad\text{(shape of w)},\qquad
#   db = \frac{\partial J}{\partial b} = \frac{1}{m}\sum_{i=1}^m (a^{(i)} - y^{(i)})$$
#
# `grads = {"dw": dw, "db": db}`와, 스칼라인 `cost`(`np.squeeze`나 `float` 사용)를 반환하세요. 예제마다
# 도는 반복문은 쓰지 마세요. `np.dot`, `np.sum`, `np.log`는 배열 전체에 한 번에 동작합니다. 채점기는
# 여러분의 `dw`, `db`를 여러분 자신의 비용의 수치 기울기와도 비교합니다.

# %%
def propagate(w, b, X, Y):
    """Cost and gradient of logistic regression.

    Parameters
    ----------
    w : numpy array of shape (n_x, 1)
    b : float
    X : numpy array of shape (n_x, m)
    Y : numpy array of shape (1, m), labels 0 or 1

    Returns
    -------
    grads : dict with "dw" of shape (n_x, 1) and "db", a float
    cost : float, the cross-entropy cost (natural log, mean over examples)
    """
    ### BEGIN SOLUTION
    m = X.shape[1]
    A = sigmoid(np.dot(w.T, X) + b)
    cost = -np.sum(Y * np.log(A) + (1 - Y) * np.log(1 - A)) / m
    dZ = A - Y
    dw = np.dot(X, dZ.T) / m
    db = float(np.sum(dZ) / m)
    cost = float(np.squeeze(cost))
    ### END SOLUTION
    grads = {"dw": dw, "db": db}
    return grads, cost

# %%
check(propagate)

# %% [markdown]
# On a small example (two features, three examples). **Expected output** of the next cell:
#
# ```text
# dw = [[0.99845601]
#  [2.39507239]]
# db = 0.001455578136784208
# cost = 5.801545319394553
# ```

# %% [markdown] ko
# 작은 예제(특성 2개, 예제 3개)에서 다음 셀의 **기대 출력**:
#
# ```text
# dw = [[0.99845601]
#  [2.39507239]]
# db = 0.001455578136784208
# cost = 5.801545319394553
# ```

# %%
w, b = np.array([[1.0], [2.0]]), 2.0
X, Y = np.array([[1.0, 2.0, -1.0], [3.0, 4.0, -3.2]]), np.array([[1, 0, 1]])
example_grads, example_cost = propagate(w, b, X, Y)
print("dw =", example_grads["dw"])
print("db =", example_grads["db"])
print("cost =", example_cost)

# %% [markdown]
# ## 5. `optimize(...)`: gradient descent
#
# Repeat `num_iterations` times: compute `grads, cost = propagate(w, b, X, Y)`, then
# $w \leftarrow w - \alpha\, dw$ and $b \leftarrow b - \alpha\, db$ with $\alpha$ = `learning_rate`.
# Record the cost every 100 iterations (iterations 0, 100, 200, ...) in the list `costs`.
# Return `params = {"w": w, "b": b}`, the last `grads`, and `costs`.

# %% [markdown] ko
# ## 5. `optimize(...)`: 경사 하강법
#
# `num_iterations`번 반복하세요: `grads, cost = propagate(w, b, X, Y)`를 계산한 다음, $\alpha$ =
# `learning_rate`로 $w \leftarrow w - \alpha\, dw$, $b \leftarrow b - \alpha\, db$를 적용합니다. 100번마다
# (반복 0, 100, 200, ...) 비용을 리스트 `costs`에 기록하세요. `params = {"w": w, "b": b}`, 마지막
# `grads`, 그리고 `costs`를 반환하세요.

# %%
def optimize(w, b, X, Y, num_iterations=100, learning_rate=0.009, print_cost=False):
    """Gradient descent on the logistic-regression cost.

    Parameters
    ----------
    w : numpy array of shape (n_x, 1); b : float
    X : numpy array of shape (n_x, m); Y : numpy array of shape (1, m)
    num_iterations : int, number of gradient steps
    learning_rate : float, the step size alpha
    print_cost : bool, print the cost every 100 iterations

    Returns
    -------
    params : dict with "w" (n_x, 1) and "b"
    grads : dict with "dw" and "db" from the last iteration
    costs : list of the costs at iterations 0, 100, 200, ...
    """
    ### BEGIN SOLUTION
    w = w.copy()
    costs = []
    for i in range(num_iterations):
        grads, cost = propagate(w, b, X, Y)
        w = w - learning_rate * grads["dw"]
        b = b - learning_rate * grads["db"]
        if i % 100 == 0:
            costs.append(cost)
            if print_cost:
                print(f"Cost after iteration {i}: {cost:f}")
    ### END SOLUTION
    params = {"w": w, "b": b}
    return params, grads, costs

# %%
check(optimize)

# %% [markdown]
# One hundred steps on the same small example. **Expected output** of the next cell:
#
# ```text
# w = [[0.19033591]
#  [0.12259159]]
# b = 1.9253598300845747
# dw = [[0.67752042]
#  [1.41625495]]
# db = 0.21919450454067657
# costs = [5.801545319394553]
# ```

# %% [markdown] ko
# 같은 작은 예제에서 100걸음. 다음 셀의 **기대 출력**:
#
# ```text
# w = [[0.19033591]
#  [0.12259159]]
# b = 1.9253598300845747
# dw = [[0.67752042]
#  [1.41625495]]
# db = 0.21919450454067657
# costs = [5.801545319394553]
# ```

# %%
params, grads, costs = optimize(w, b, X, Y, num_iterations=100, learning_rate=0.009)
print("w =", params["w"])
print("b =", params["b"])
print("dw =", grads["dw"])
print("db =", grads["db"])
print("costs =", costs)

# %% [markdown]
# ## 6. `predict(w, b, X)`
#
# Compute $A = \sigma(w^T X + b)$ and predict 1 where $a > 0.5$, else 0. Return an array of
# shape `(1, m)` (not `(m,)`). A comparison such as `A > 0.5` gives an array of booleans
# of the same shape; `.astype(float)` turns them into 0.0 and 1.0.

# %% [markdown] ko
# ## 6. `predict(w, b, X)`
#
# $A = \sigma(w^T X + b)$를 계산하고, $a > 0.5$인 곳은 1, 아니면 0으로 예측하세요. shape `(1, m)`인
# 배열을 반환하세요(`(m,)`가 아닙니다). `A > 0.5` 같은 비교는 같은 shape의 불리언 배열을 주고,
# `.astype(float)`가 이를 0.0과 1.0으로 바꿉니다.

# %%
def predict(w, b, X):
    """Predicted labels (0 or 1) of logistic regression.

    Parameters
    ----------
    w : numpy array of shape (n_x, 1); b : float
    X : numpy array of shape (n_x, m)

    Returns
    -------
    Y_prediction : numpy array of shape (1, m) holding 0 or 1
    """
    ### BEGIN SOLUTION
    A = sigmoid(np.dot(w.T, X) + b)
    Y_prediction = (A > 0.5).astype(float)
    ### END SOLUTION
    return Y_prediction

# %%
check(predict)

# %% [markdown]
# **Expected output** of the next cell:
#
# ```text
# predictions = [[1. 1. 0.]]
# ```

# %% [markdown] ko
# 다음 셀의 **기대 출력**:
#
# ```text
# predictions = [[1. 1. 0.]]
# ```

# %%
w, b = np.array([[0.1124579], [0.23106775]]), -0.3
X = np.array([[1.0, -1.1, -3.2], [1.2, 2.0, 0.1]])
print("predictions =", predict(w, b, X))

# %% [markdown]
# ## 7. `model(...)`: everything together
#
# Initialize with zeros (`initialize_with_zeros(X_train.shape[0])`), run `optimize` on the
# **training** data, then `predict` on the training and on the test data. Return a dict with
# `"costs"`, `"Y_prediction_test"`, `"Y_prediction_train"`, `"w"`, `"b"`, `"learning_rate"` and
# `"num_iterations"`. The grader trains it on the real cat/non-cat data (lr 0.005, 2000
# iterations), where a correct model reaches 99 % training and 70 % test accuracy.

# %% [markdown] ko
# ## 7. `model(...)`: 모두 합치기
#
# 0으로 초기화하고(`initialize_with_zeros(X_train.shape[0])`), **학습** 데이터로 `optimize`를 실행한 다음,
# 학습 데이터와 테스트 데이터에 `predict`를 적용하세요. `"costs"`, `"Y_prediction_test"`,
# `"Y_prediction_train"`, `"w"`, `"b"`, `"learning_rate"`, `"num_iterations"`를 담은 dict를 반환하세요.
# 채점기는 실제 고양이/고양이 아님 데이터로 학습시키며(lr 0.005, 2000번 반복), 올바른 모델은 학습 정확도
# 99 %, 테스트 정확도 70 %에 이릅니다.

# %%
def model(X_train, Y_train, X_test, Y_test, num_iterations=2000, learning_rate=0.5, print_cost=False):
    """Train logistic regression and predict on the training and test sets.

    Parameters
    ----------
    X_train : numpy array of shape (n_x, m_train); Y_train : of shape (1, m_train)
    X_test : numpy array of shape (n_x, m_test); Y_test : of shape (1, m_test)
    num_iterations, learning_rate, print_cost : as in optimize

    Returns
    -------
    d : dict with "costs", "Y_prediction_test" (1, m_test), "Y_prediction_train" (1, m_train),
        "w", "b", "learning_rate", "num_iterations"
    """
    ### BEGIN SOLUTION
    w, b = initialize_with_zeros(X_train.shape[0])
    params, grads, costs = optimize(w, b, X_train, Y_train, num_iterations, learning_rate, print_cost)
    w, b = params["w"], params["b"]
    Y_prediction_test = predict(w, b, X_test)
    Y_prediction_train = predict(w, b, X_train)
    ### END SOLUTION
    d = {"costs": costs, "Y_prediction_test": Y_prediction_test, "Y_prediction_train": Y_prediction_train,
         "w": w, "b": b, "learning_rate": learning_rate, "num_iterations": num_iterations}
    return d

# %%
check(model)

# %% [markdown]
# ## 8. Train it on the pictures
#
# 2000 steps of gradient descent with learning rate 0.005; this takes a few seconds. With
# `print_cost=True` the cost is printed every 100 iterations. Then the next cell measures
# your model's accuracy: the percentage of pictures whose predicted label is the true one.
#
# **Expected output** of the next two cells (the cost every 100 iterations, first and last
# lines shown here):
#
# ```text
# Cost after iteration 0: 0.693147
# Cost after iteration 100: 0.584508
# ...
# Cost after iteration 1900: 0.140872
# ```
#
# ```text
# train accuracy: 99.04 %
# test accuracy:  70.00 %
# ```

# %% [markdown] ko
# ## 8. 사진으로 학습하기
#
# 학습률 0.005로 경사 하강법 2000걸음을 내딛습니다. 몇 초 걸립니다. `print_cost=True`이면 100번마다
# 비용을 출력합니다. 그다음 셀은 여러분 모델의 정확도, 즉 예측한 레이블이 실제 레이블과 같은 사진의
# 비율을 잽니다.
#
# 다음 두 셀의 **기대 출력** (100번마다 출력되는 비용 중 처음과 마지막 줄만 보입니다):
#
# ```text
# Cost after iteration 0: 0.693147
# Cost after iteration 100: 0.584508
# ...
# Cost after iteration 1900: 0.140872
# ```
#
# ```text
# train accuracy: 99.04 %
# test accuracy:  70.00 %
# ```

# %%
d = model(train_x, train_y, test_x, test_y, num_iterations=2000, learning_rate=0.005, print_cost=True)

# %%
print(f"train accuracy: {100 * np.mean(d['Y_prediction_train'] == train_y):.2f} %")
print(f"test accuracy:  {100 * np.mean(d['Y_prediction_test'] == test_y):.2f} %")

# %% [markdown]
# The model fits the training pictures almost perfectly but gets 3 test pictures in 10
# wrong: it **overfits** (later weeks bring ways to reduce that). Not bad for a single neuron
# on 209 pictures, though: guessing "cat" for every test picture would score 66 %.
#
# ### The learning curve
#
# The cost falls quickly at first, then more and more slowly: more iterations would lower
# the training cost further, but not necessarily improve the test accuracy.

# %% [markdown] ko
# 모델은 학습 사진은 거의 완벽하게 맞히지만 테스트 사진은 10장 중 3장을 틀립니다. **과대적합**
# (overfitting)입니다(이후 주차에서 이를 줄이는 방법을 배웁니다). 그래도 사진 209장으로 학습한 뉴런
# 하나치고는 나쁘지 않습니다. 모든 테스트 사진을 "고양이"라고 찍으면 66 %입니다.
#
# ### 학습 곡선
#
# 비용은 처음에는 빠르게, 그다음에는 점점 느리게 줄어듭니다. 반복을 더 하면 학습 비용은 더 낮아지겠지만,
# 테스트 정확도가 꼭 좋아지지는 않습니다.

# %%
plt.plot(np.arange(len(d["costs"])) * 100, d["costs"])
plt.xlabel("iteration")
plt.ylabel("cost")
plt.title(f"learning rate = {d['learning_rate']}")
plt.show()

# %% [markdown]
# ### Where the model is wrong
#
# The test pictures your model labels wrongly (a correct model gets the same 15 wrong).
# Some are hard: a cat seen from an unusual angle, in odd colours or small in the frame.

# %% [markdown] ko
# ### 모델이 틀리는 곳
#
# 여러분의 모델이 잘못 분류한 테스트 사진들입니다(올바른 모델은 같은 15장을 틀립니다). 어려운 사진도
# 있습니다: 특이한 각도에서 본 고양이, 색이 이상하거나 화면 속에서 작게 나온 고양이.

# %%
wrong = np.flatnonzero(d["Y_prediction_test"][0] != test_y[0])
print(f"{len(wrong)} test pictures labelled wrongly: {wrong}")
fig, axes = plt.subplots(2, 4, figsize=(12, 6.5))
for index, ax in zip(wrong, axes.flat, strict=False):
    ax.imshow(test_x_orig[index])
    ax.set_title(f"#{index}: true {classes[test_y[0, index]].decode()},\n"
                 f"predicted {classes[int(d['Y_prediction_test'][0, index])].decode()}")
for ax in axes.flat:
    ax.axis("off")
plt.show()

# %% [markdown]
# ## 9. Choosing the learning rate
#
# The learning rate $\alpha$ sets the size of each gradient step. Too large, and the steps
# overshoot: the cost can oscillate or even grow. Too small, and many iterations are
# needed to get anywhere. The cell below trains three models, 1500 iterations each, and
# draws their costs on one plot.
#
# **Expected output** of the next cell (before the plot):
#
# ```text
# learning rate 0.01: train accuracy 99.52 %, test accuracy 68.00 %
# learning rate 0.001: train accuracy 89.00 %, test accuracy 64.00 %
# learning rate 0.0001: train accuracy 68.42 %, test accuracy 36.00 %
# ```

# %% [markdown] ko
# ## 9. 학습률 고르기
#
# 학습률 $\alpha$는 경사 하강법 한 걸음의 크기를 정합니다. 너무 크면 걸음이 지나쳐서 비용이 오르내리거나
# 오히려 커질 수 있습니다. 너무 작으면 어딘가에 이르기까지 반복이 아주 많이 필요합니다. 아래 셀은 모델
# 세 개를 각각 1500번 반복으로 학습시키고, 그 비용을 그래프 하나에 그립니다.
#
# 다음 셀의 **기대 출력** (그래프 앞부분):
#
# ```text
# learning rate 0.01: train accuracy 99.52 %, test accuracy 68.00 %
# learning rate 0.001: train accuracy 89.00 %, test accuracy 64.00 %
# learning rate 0.0001: train accuracy 68.42 %, test accuracy 36.00 %
# ```

# %%
models = {rate: model(train_x, train_y, test_x, test_y, num_iterations=1500, learning_rate=rate)
          for rate in (0.01, 0.001, 0.0001)}
for rate, trained in models.items():
    print(f"learning rate {rate}: "
          f"train accuracy {100 * np.mean(trained['Y_prediction_train'] == train_y):.2f} %, "
          f"test accuracy {100 * np.mean(trained['Y_prediction_test'] == test_y):.2f} %")
    plt.plot(np.arange(len(trained["costs"])) * 100, trained["costs"], label=f"learning rate {rate}")
plt.xlabel("iteration")
plt.ylabel("cost")
plt.legend()
plt.show()

# %% [markdown]
# With 0.01 the cost jumps up and down during the first 500 iterations (the steps are too
# large there) before it settles, lowest of the three; with 0.0001 it has barely moved after
# 1500 iterations. The lowest training cost is not the best model: the 0.01 model fits the
# training pictures best but does slightly worse on the test pictures than the 0.005 model
# above. In practice, try a few rates spaced by factors of about 10 (or 3), and keep the
# one that does best on data held out from training.
#
# Things to try: more or fewer iterations; other learning rates; look at the weights
# `d["w"]` reshaped to a `(64, 64, 3)` picture.

# %% [markdown] ko
# 0.01에서는 처음 500번 동안 비용이 오르내리다가(그 구간에서는 걸음이 너무 큽니다) 자리를 잡고, 셋 중
# 가장 낮아집니다. 0.0001에서는 1500번 반복한 뒤에도 거의 움직이지 않았습니다. 학습 비용이 가장 낮다고
# 가장 좋은 모델은 아닙니다: 0.01 모델은 학습 사진을 가장 잘 맞히지만, 테스트 사진에서는 위의 0.005
# 모델보다 조금 못합니다. 실제로는 약 10배(또는 3배) 간격으로 학습률 몇 개를 시도해 보고, 학습에 쓰지
# 않고 따로 떼어 둔 데이터에서 가장 잘하는 것을 고르세요.
#
# 해 볼 만한 것: 반복 횟수를 늘리거나 줄이기, 다른 학습률, 가중치 `d["w"]`를 `(64, 64, 3)` 사진으로
# reshape해서 보기.
