"""The week-5 helper module ``reg_utils`` (``autograder/helpers/reg_utils.py``), which
students get word for word and the sandbox runs: is its network right, is its
initialization the course's, and does it say why the data is missing where the data is
missing?"""

from __future__ import annotations

import builtins
import types

import numpy as np
import pytest

from autograder import helpers
from autograder.specs import gradients

KEYS = [f"{k}{layer}" for layer in (1, 2, 3) for k in ("W", "b")]


def _module() -> types.ModuleType:
    module = types.ModuleType("reg_utils")
    exec(helpers.sources(("reg_utils",))["reg_utils"], module.__dict__)
    return module


def _network(seed: int, dims=(2, 5, 3, 1), m: int = 6):
    """A random network with no ReLU input near its kink (so finite differences are exact)."""
    rng = np.random.default_rng(seed)
    while True:
        x = rng.normal(size=(dims[0], m))
        parameters = {}
        for k in range(1, len(dims)):
            parameters[f"W{k}"] = rng.normal(size=(dims[k], dims[k - 1]))
            parameters[f"b{k}"] = rng.normal(size=(dims[k], 1)) * 0.3
        cache = _module().forward_propagation(x, parameters)[1]
        if min(np.min(np.abs(cache[0])), np.min(np.abs(cache[4]))) > 0.05:
            return x, (rng.random((1, m)) < 0.5).astype(float), parameters


@pytest.mark.parametrize("seed", range(5))
def test_backward_propagation_is_the_gradient_of_compute_cost(seed):
    """Do the given gradients agree with central differences of the given cost?"""
    utils = _module()
    x, y, parameters = _network(seed)

    def cost(*values):
        return utils.compute_cost(utils.forward_propagation(x, dict(zip(KEYS, values, strict=True)))[0], y)

    numeric = gradients.numerical_gradients(cost, [parameters[k] for k in KEYS], step=1e-5)
    analytic = utils.backward_propagation(x, y, utils.forward_propagation(x, parameters)[1])
    for key, want in zip(KEYS, numeric, strict=True):
        np.testing.assert_allclose(analytic["d" + key], want, rtol=1e-5, atol=1e-8, err_msg=key)


def test_initialize_parameters_is_the_course_s_seeded_draw():
    """Are the weights randn / sqrt(n_prev) after np.random.seed(3), in layer order, and the
    biases zeros (so every run of the notebook starts from the classic's network)?"""
    parameters = _module().initialize_parameters([2, 20, 3, 1])
    np.random.seed(3)
    for k, (n, n_prev) in enumerate(((20, 2), (3, 20), (1, 3)), 1):
        np.testing.assert_array_equal(parameters[f"W{k}"], np.random.randn(n, n_prev) / np.sqrt(n_prev))
        np.testing.assert_array_equal(parameters[f"b{k}"], np.zeros((n, 1)))


def test_update_parameters_steps_down_every_layer_and_replaces_the_arrays():
    """Is each W and b moved by -learning_rate times its gradient, the caller's arrays left as they were?"""
    utils = _module()
    x, y, parameters = _network(7)
    before = {k: v.copy() for k, v in parameters.items()}
    grads = utils.backward_propagation(x, y, utils.forward_propagation(x, parameters)[1])
    arrays = dict(parameters)
    updated = utils.update_parameters(parameters, grads, 0.3)
    for key, value in before.items():
        np.testing.assert_allclose(updated[key], value - 0.3 * grads["d" + key])
        np.testing.assert_array_equal(arrays[key], value)


def test_a_saturated_wrong_output_costs_inf_without_a_warning():
    utils = _module()
    with np.errstate(over="raise", divide="raise", invalid="raise"):
        a3 = utils.sigmoid(np.array([[-1000.0, 1000.0]]))
        assert a3.tolist() == [[0.0, 1.0]]
        assert utils.compute_cost(a3, np.array([[1.0, 1.0]])) == np.inf
        assert utils.compute_cost(a3, np.array([[0.0, 1.0]])) == 0.0


def test_predict_prints_the_accuracy_and_returns_labels(capsys):
    utils = _module()
    x, y, parameters = _network(3)
    labels = utils.predict(x, y, parameters)
    assert labels.shape == (1, 6) and set(np.unique(labels)) <= {0, 1}
    assert capsys.readouterr().out.startswith("Accuracy: ")
    np.testing.assert_array_equal(utils.predict_dec(parameters, x), labels == 1)


def test_load_2d_dataset_says_why_not_where_dldata_is_missing(monkeypatch):
    """Where dldata cannot be imported (the sandbox), does load_2D_dataset say that the grader
    passes the data in, rather than fail on a missing file?"""
    utils = _module()
    real_import = builtins.__import__

    def without_dldata(name, *args, **kwargs):
        if name.startswith("dldata"):
            raise ImportError(name)
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", without_dldata)
    with pytest.raises(RuntimeError, match=r"load_2D_dataset\(\) is not available inside a graded function"):
        utils.load_2D_dataset()


#: The functions of the classic course's reg_utils: a notebook may import any of them, and
#: one name missing would fail its whole import statement (and every graded function calling
#: relu or sigmoid with it).
CLASSIC_NAMES = ("sigmoid", "relu", "load_planar_dataset", "initialize_parameters", "compute_cost",
                 "forward_propagation", "backward_propagation", "update_parameters", "predict", "load_2D_dataset",
                 "plot_decision_boundary", "predict_dec")


def test_every_name_of_the_classic_module_can_be_imported():
    utils = _module()
    assert [name for name in CLASSIC_NAMES if not callable(getattr(utils, name, None))] == []
