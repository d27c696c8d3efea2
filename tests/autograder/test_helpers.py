"""The classic course's helper modules, as the grader supplies them (sandbox and reference)."""

from __future__ import annotations

import sys
import types

import numpy as np
import pytest

from autograder import helpers, specs
from autograder.reference import reference_for


def test_importable_gives_the_stand_in_and_then_leaves_no_trace(monkeypatch):
    """Inside the block, does ``import planar_utils`` give the stand-in; after it, is the
    module table as it was (a module of that name imported before is put back)?"""
    before = types.ModuleType("planar_utils")
    monkeypatch.setitem(sys.modules, "planar_utils", before)
    with helpers.importable(("planar_utils",)):
        import planar_utils

        assert planar_utils is not before
        np.testing.assert_allclose(planar_utils.sigmoid(np.array([0.0, 2.0])), [0.5, 0.88079708])
    assert sys.modules["planar_utils"] is before
    monkeypatch.delitem(sys.modules, "planar_utils")
    with helpers.importable(("planar_utils",)):
        pass
    assert "planar_utils" not in sys.modules


def test_reference_solution_gets_the_helpers_its_notebook_imports():
    """Does the week-3 solution, which imports sigmoid from planar_utils, find it in the
    stand-in, so that its forward propagation runs in the grader?"""
    reference = reference_for(specs.get("week3/planar_data_classification"))
    assert reference.namespace["sigmoid"].__module__ == "planar_utils"
    parameters = {"W1": np.ones((3, 2)), "b1": np.zeros((3, 1)), "W2": np.ones((1, 3)), "b2": np.zeros((1, 1))}
    a2, _ = reference.function("forward_propagation")(np.zeros((2, 4)), parameters)
    np.testing.assert_allclose(a2, 0.5)


@pytest.mark.parametrize("name", ["load_planar_dataset", "load_extra_datasets", "plot_decision_boundary"])
def test_planar_utils_stand_in_says_data_and_plots_are_not_there(name):
    """Does calling the data loaders or the plot inside a graded function say why it fails?"""
    module = types.ModuleType("planar_utils")
    exec(helpers.sources(("planar_utils",))["planar_utils"], module.__dict__)
    with pytest.raises(RuntimeError, match=rf"{name}\(\) is not available inside a graded function"):
        getattr(module, name)()


def test_stand_in_sigmoid_is_the_one_students_get():
    """Is the sandbox's sigmoid the same function as the notebook's (dldata.planar)?"""
    from dldata.planar import sigmoid

    module = types.ModuleType("planar_utils")
    exec(helpers.sources(("planar_utils",))["planar_utils"], module.__dict__)
    z = np.linspace(-30, 30, 60).reshape(3, -1)
    np.testing.assert_array_equal(module.sigmoid(z), sigmoid(z))


def test_matplotlib_stand_in_draws_nothing_and_accepts_the_usual_calls():
    """Does plotting code of the kind a graded function holds run on the stand-ins
    (``plt.plot``, ``plt.cm.Spectral``, ``fig, ax = plt.subplots()``, ``matplotlib.use``)?"""
    with helpers.importable(("matplotlib", "matplotlib.pyplot")):
        import matplotlib
        import matplotlib.pyplot as plt

        matplotlib.use("Agg")
        fig, ax = plt.subplots(figsize=(4, 3))
        ax.scatter([0.0, 1.0], [1.0, 0.0], c=[0, 1], cmap=plt.cm.Spectral)
        plt.plot(np.arange(3))
        plt.title("cost")
        plt.show()
        assert not hasattr(plt, "__wrapped__")  # dunder names are not absorbed (copy, pickle, inspect)


def test_importable_puts_back_a_real_module_imported_before(monkeypatch):
    """When the grader process already holds a module of a stand-in's name (matplotlib
    imported by something else), is it the same object again after the block?"""
    real = types.ModuleType("matplotlib")
    monkeypatch.setitem(sys.modules, "matplotlib", real)
    with helpers.importable(("matplotlib", "matplotlib.pyplot")):
        assert sys.modules["matplotlib"] is not real
    assert sys.modules["matplotlib"] is real
