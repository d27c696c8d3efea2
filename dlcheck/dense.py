"""The small dense network the checks compute with, written once for every week.

The specs use it to build fixed inputs (a forward pass's cache) and to model known
mistakes (the hidden layer through sigmoid, the wrong derivative in the backward pass);
a student's code is never called here. One convention throughout: ``A[l]`` of shape
``(n_l, m)``, ``W[l]`` of shape ``(n_l, n_{l-1})``, ``b[l]`` of shape ``(n_l, 1)``, examples
in columns, parameters keyed ``"W1", "b1", ..., "WL", "bL"``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import NamedTuple

import numpy as np

#: An activation g, element-wise on an array of any shape.
Activation = Callable[[np.ndarray], np.ndarray]


def sigmoid(z: np.ndarray) -> np.ndarray:
    """``1 / (1 + exp(-z))``, computed as ``(1 + tanh(z / 2)) / 2``: no overflow warning for large ``|z|``."""
    return 0.5 * (1.0 + np.tanh(0.5 * z))


def relu(z: np.ndarray) -> np.ndarray:
    """``max(0, z)``, element-wise."""
    return np.maximum(z, 0)


tanh: Activation = np.tanh


class Layer(NamedTuple):
    """One layer of a forward pass: its input ``a_prev`` of shape (n_{l-1}, m), ``w`` of shape
    (n_l, n_{l-1}), ``b`` of shape (n_l, 1), ``z = w a_prev + b`` and ``a = g(z)``, both of
    shape (n_l, m)."""

    a_prev: np.ndarray
    w: np.ndarray
    b: np.ndarray
    z: np.ndarray
    a: np.ndarray

    @property
    def cache(self) -> tuple[tuple[np.ndarray, np.ndarray, np.ndarray], np.ndarray]:
        """The course's layer cache ``((A_prev, W, b), Z)``: (linear_cache, activation_cache)."""
        return (self.a_prev, self.w, self.b), self.z


def depth(parameters: dict) -> int:
    """L, the number of layers with parameters (a W and a b each)."""
    return len(parameters) // 2


def parameter_keys(layers: int) -> list[str]:
    """``["W1", "b1", ..., "WL", "bL"]`` for ``layers`` = L layers."""
    return [f"{k}{l}" for l in range(1, layers + 1) for k in ("W", "b")]


def forward(x: np.ndarray, parameters: dict, hidden: Activation = relu, output: Activation = sigmoid) -> list[Layer]:
    """The layers of a forward pass through ``parameters`` (see :func:`parameter_keys`):
    ``hidden`` in layers 1 to L-1, ``output`` in layer L; ``x`` of shape (n_0, m)."""
    layers, a, last = [], x, depth(parameters)
    for l in range(1, last + 1):
        w, b = parameters[f"W{l}"], parameters[f"b{l}"]
        z = w @ a + b
        layers.append(Layer(a, w, b, z, (hidden if l < last else output)(z)))
        a = layers[-1].a
    return layers


def named_values(layers: list[Layer]) -> dict[str, np.ndarray]:
    """``{"Z1": ..., "A1": ..., ..., "ZL": ..., "AL": ...}``: a forward pass as a cache dict (week 3's)."""
    return {f"{k}{l}": v for l, layer in enumerate(layers, 1) for k, v in (("Z", layer.z), ("A", layer.a))}


#: The derivative g'(Z) of a layer's activation, from the layer (its Z or its A): ``backward``'s model.
Derivative = Callable[[Layer], np.ndarray]


def relu_derivative(layer: Layer) -> np.ndarray:
    """1 where Z > 0, else 0."""
    return (layer.z > 0).astype(float)


def sigmoid_derivative(layer: Layer) -> np.ndarray:
    """``A (1 - A)``, with A = sigmoid(Z)."""
    return layer.a * (1 - layer.a)


def tanh_derivative(layer: Layer) -> np.ndarray:
    """``1 - A**2``, with A = tanh(Z)."""
    return 1 - layer.a ** 2


def backward(layers: list[Layer], y: np.ndarray, hidden: Derivative = relu_derivative,
             output: Derivative = sigmoid_derivative) -> dict[str, np.ndarray]:
    """Gradients of the cross-entropy cost ``-(1/m) sum(Y log AL + (1 - Y) log(1 - AL))`` of a
    forward pass ``layers``, labels ``y`` of shape (1, m): ``"dW{l}"``, ``"db{l}"`` shaped like
    W[l] and b[l], and ``"dA{l-1}"``, the gradient of A[l-1] per example (no 1/m: the course's
    convention), for l = L down to 1. ``hidden`` and ``output`` give g'(Z) of layers 1 to L-1
    and of layer L (pass another to model a mistake)."""
    grads, m = {}, y.shape[1]
    al = layers[-1].a
    da = -(y / al - (1 - y) / (1 - al))
    for l in range(len(layers), 0, -1):
        layer = layers[l - 1]
        dz = da * (output if l == len(layers) else hidden)(layer)
        grads[f"dW{l}"], grads[f"db{l}"] = dz @ layer.a_prev.T / m, dz.sum(axis=1, keepdims=True) / m
        grads[f"dA{l - 1}"] = da = layer.w.T @ dz
    return grads
