"""The checks' small network model: does it compute what the formulas say, checked against
independent references (the textbook formulas, central differences of its own cost)?"""

import warnings

import numpy as np
import pytest

from dlcheck import dense


def _parameters(dims, seed=0):
    rng = np.random.default_rng(seed)
    return {f"{k}{l}": rng.normal(size=(dims[l], dims[l - 1] if k == "W" else 1))
            for l in range(1, len(dims)) for k in ("W", "b")}


def _cost(x, y, parameters, hidden=dense.relu):
    al = dense.forward(x, parameters, hidden=hidden)[-1].a
    return float(-np.mean(y * np.log(al) + (1 - y) * np.log(1 - al)))


def test_sigmoid_is_the_logistic_function_without_overflow_warnings():
    """Is sigmoid 1 / (1 + exp(-z)) to rounding (absolute: (1 + tanh(z/2)) / 2 loses the
    relative precision of values below 1e-10, which no check compares), and silent at |z| = 1000?"""
    z = np.linspace(-30, 30, 61)
    np.testing.assert_allclose(dense.sigmoid(z), 1 / (1 + np.exp(-z)), rtol=1e-12, atol=1e-16)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        np.testing.assert_array_equal(dense.sigmoid(np.array([-1000.0, 1000.0])), [0.0, 1.0])


def test_forward_follows_the_formulas_layer_by_layer():
    """Does a two-layer pass give Z1 = W1 X + b1, A1 = tanh(Z1), Z2 = W2 A1 + b2,
    A2 = sigmoid(Z2), with each layer's cache ((A_prev, W, b), Z)?"""
    p = _parameters([3, 4, 1])
    x = np.random.default_rng(1).normal(size=(3, 5))
    first, second = dense.forward(x, p, hidden=np.tanh)
    z1 = p["W1"] @ x + p["b1"]
    z2 = p["W2"] @ np.tanh(z1) + p["b2"]
    np.testing.assert_allclose(second.a, 1 / (1 + np.exp(-z2)))
    np.testing.assert_allclose(first.a, np.tanh(z1))
    (a_prev, w, b), z = second.cache
    assert a_prev is first.a and w is p["W2"] and b is p["b2"] and z is second.z
    assert list(dense.named_values([first, second])) == ["Z1", "A1", "Z2", "A2"]


def test_forward_uses_the_hidden_activation_in_every_layer_but_the_last():
    """With four layers, do layers 1 to 3 go through relu and layer 4 through sigmoid?"""
    layers = dense.forward(np.ones((2, 3)), _parameters([2, 3, 3, 2, 1], seed=2))
    for layer in layers[:-1]:
        np.testing.assert_array_equal(layer.a, np.maximum(layer.z, 0))
    np.testing.assert_allclose(layers[-1].a, 1 / (1 + np.exp(-layers[-1].z)))


@pytest.mark.parametrize("dims, hidden, derivative", [
    ([3, 4, 1], np.tanh, dense.tanh_derivative),
    ([4, 3, 2, 1], dense.relu, dense.relu_derivative),
    ([2, 1], dense.relu, dense.relu_derivative),
], ids=["tanh-two-layers", "relu-three-layers", "one-layer"])
def test_backward_is_the_gradient_of_the_cost(dims, hidden, derivative):
    """Do dW and db agree with central differences of the cross-entropy cost, and is dA0
    m times the cost's gradient with respect to X (the course's dA is per example)?"""
    rng = np.random.default_rng(3)
    p, x = _parameters(dims, seed=4), rng.normal(size=(dims[0], 6))
    y = (rng.random((1, 6)) > 0.5).astype(float)
    grads = dense.backward(dense.forward(x, p, hidden=hidden), y, hidden=derivative)
    step = 1e-6
    for key in p:
        numeric = np.zeros_like(p[key])
        for i in np.ndindex(p[key].shape):
            up, down = {k: v.copy() for k, v in p.items()}, {k: v.copy() for k, v in p.items()}
            up[key][i] += step
            down[key][i] -= step
            numeric[i] = (_cost(x, y, up, hidden) - _cost(x, y, down, hidden)) / (2 * step)
        np.testing.assert_allclose(grads["d" + key], numeric, rtol=1e-5, atol=1e-8, err_msg=key)
    numeric_x = np.zeros_like(x)
    for i in np.ndindex(x.shape):
        up, down = x.copy(), x.copy()
        up[i] += step
        down[i] -= step
        numeric_x[i] = (_cost(up, y, p, hidden) - _cost(down, y, p, hidden)) / (2 * step)
    np.testing.assert_allclose(grads["dA0"], x.shape[1] * numeric_x, rtol=1e-5, atol=1e-8)


def test_backward_models_a_wrong_derivative():
    """Does another derivative in the hidden layer change dW1 but not dW2 (so a hint built
    on it names a mistake of the hidden layer only)?"""
    p, x, y = _parameters([2, 3, 1], seed=5), np.random.default_rng(6).normal(size=(2, 4)), np.array([[1.0, 0, 1, 0]])
    layers = dense.forward(x, p, hidden=np.tanh)
    right = dense.backward(layers, y, hidden=dense.tanh_derivative)
    wrong = dense.backward(layers, y, hidden=dense.relu_derivative)
    np.testing.assert_array_equal(right["dW2"], wrong["dW2"])
    assert not np.allclose(right["dW1"], wrong["dW1"])


def test_parameter_keys_and_depth():
    """Are the keys W1, b1, ..., WL, bL, in order, and is the depth read back from them?"""
    assert dense.parameter_keys(2) == ["W1", "b1", "W2", "b2"]
    assert dense.depth(_parameters([5, 4, 3, 1])) == 3
