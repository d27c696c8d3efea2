"""The week-5 helper module ``init_utils`` (``autograder/helpers/init_utils.py``), which
students get word for word and the sandbox runs: is its network right, and does it say why
the data is missing where the data is missing?"""

from __future__ import annotations

import builtins
import types

import numpy as np
import pytest

from autograder import helpers
from autograder.specs import gradients


def _module() -> types.ModuleType:
    module = types.ModuleType("init_utils")
    exec(helpers.sources(("init_utils",))["init_utils"], module.__dict__)
    return module


def _network(seed: int, dims=(3, 4, 2, 1), m: int = 5):
    """A random network with no ReLU input near its kink (so finite differences are exact)."""
    rng = np.random.default_rng(seed)
    while True:
        x = rng.normal(size=(dims[0], m))
        parameters = {}
        for l in range(1, len(dims)):  # noqa: E741 - the course's layer index
            parameters[f"W{l}"] = rng.normal(size=(dims[l], dims[l - 1]))
            parameters[f"b{l}"] = rng.normal(size=(dims[l], 1)) * 0.3
        cache = _module().forward_propagation(x, parameters)[1]
        if min(np.min(np.abs(cache[0])), np.min(np.abs(cache[4]))) > 0.05:
            return x, (rng.random((1, m)) < 0.5).astype(float), parameters


@pytest.mark.parametrize("seed", range(5))
def test_backward_propagation_is_the_gradient_of_compute_loss(seed):
    """Do the given gradients agree with central differences of the given loss?"""
    utils = _module()
    x, y, parameters = _network(seed)
    keys = [f"{k}{layer}" for layer in (1, 2, 3) for k in ("W", "b")]

    def loss(*values):
        return utils.compute_loss(utils.forward_propagation(x, dict(zip(keys, values, strict=True)))[0], y)

    numeric = gradients.numerical_gradients(loss, [parameters[k] for k in keys], step=1e-5)
    analytic = utils.backward_propagation(x, y, utils.forward_propagation(x, parameters)[1])
    for key, want in zip(keys, numeric, strict=True):
        np.testing.assert_allclose(analytic["d" + key], want, rtol=1e-5, atol=1e-8, err_msg=key)


def test_update_parameters_steps_down_every_layer_and_replaces_the_arrays():
    """Is each W and b moved by -learning_rate times its gradient, the caller's arrays left as they were?"""
    utils = _module()
    x, y, parameters = _network(7)
    before = {k: v.copy() for k, v in parameters.items()}
    grads = utils.backward_propagation(x, y, utils.forward_propagation(x, parameters)[1])
    arrays = dict(parameters)
    updated = utils.update_parameters(parameters, grads, 0.1)
    for key, value in before.items():
        np.testing.assert_allclose(updated[key], value - 0.1 * grads["d" + key])
        np.testing.assert_array_equal(arrays[key], value)


def test_a_saturated_wrong_output_costs_inf_without_a_warning():
    """Does compute_loss give inf for a confident wrong answer, and the sigmoid saturate, with
    no RuntimeWarning (the large random initialization's first cost)?"""
    utils = _module()
    with np.errstate(over="raise", divide="raise", invalid="raise"):  # underflow to 0 is no warning by default
        a3 = utils.sigmoid(np.array([[-1000.0, 1000.0]]))
        assert a3.tolist() == [[0.0, 1.0]]
        assert utils.compute_loss(a3, np.array([[1.0, 1.0]])) == np.inf
        assert utils.compute_loss(a3, np.array([[0.0, 1.0]])) == 0.0


def test_predict_prints_the_accuracy_and_returns_labels(capsys):
    """Does predict return 0/1 labels of shape (1, m) and print the accuracy, as the course's does?"""
    utils = _module()
    x, y, parameters = _network(3)
    labels = utils.predict(x, y, parameters)
    assert labels.shape == (1, 5) and set(np.unique(labels)) <= {0, 1}
    assert capsys.readouterr().out.startswith("Accuracy: ")
    np.testing.assert_array_equal(utils.predict_dec(parameters, x), labels == 1)


def test_load_dataset_gives_the_circles_and_says_why_not_where_dldata_is_missing(monkeypatch):
    """On a student's machine, is load_dataset the circles of dldata; where dldata cannot be
    imported (the sandbox), does it say that the grader passes the data in?"""
    from dldata.circles import load_dataset

    utils = _module()
    assert all(np.array_equal(a, b) for a, b in zip(utils.load_dataset(), load_dataset(), strict=True))
    real_import = builtins.__import__

    def without_dldata(name, *args, **kwargs):
        if name.startswith("dldata"):
            raise ImportError(name)
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", without_dldata)
    with pytest.raises(RuntimeError, match=r"load_dataset\(\) is not available inside a graded function"):
        utils.load_dataset()
