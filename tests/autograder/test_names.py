"""Tests of autograder.names: the classic course's file and assignment names mapped to notebooks."""

from __future__ import annotations

import pytest

from autograder import names, specs

WEEK2 = {s.stem: names.names_of(s) for s in specs.notebooks().values() if s.week == "week2"}


@pytest.mark.parametrize(
    "filename, notebook",
    [
        ("logistic_regression.ipynb", "logistic_regression"),
        ("logistic_regression.ko.ipynb", "logistic_regression"),
        ("Logistic_Regression_with_a_Neural_Network_mindset.ipynb", "logistic_regression"),
        ("Logistic_Regression_with_a_Neural_Network_mindset_v6a.ipynb", "logistic_regression"),
        ("Logistic Regression with a Neural Network mindset v5.ipynb", "logistic_regression"),
        ("Python_Basics_with_Numpy.ipynb", "numpy_basics"),
        ("Python Basics With Numpy v3.ipynb", "numpy_basics"),
        ("Python_Basics_with_Numpy_v2a-Copy1.ipynb", "numpy_basics"),
        ("numpy_basics (1).ipynb", "numpy_basics"),
        ("scratch.ipynb", None),
        ("Planar_data_classification_with_one_hidden_layer.ipynb", None),
    ],
    ids=lambda v: v if isinstance(v, str) else "none",
)
def test_which_week2_notebook_does_a_file_name_mean(filename, notebook):
    """Is each classic (or versioned, copied, Korean) file name mapped to its notebook,
    and a file of another week or a scratch file to none?"""
    assert names.match(filename, WEEK2) == notebook


@pytest.mark.parametrize(
    "name, key",
    [("Deep Neural Network - Application v8.ipynb", "deepneuralnetworkapplication"),
     ("Deep_Neural_Network_Application_v3.ipynb", "deepneuralnetworkapplication"),
     ("Planar data classification with onehidden layer v6c.ipynb", "planardataclassificationwithonehiddenlayer"),
     ("conv2.ipynb", "conv2")],
    ids=["spaces-and-dash", "underscores", "old-planar-spelling", "digits-are-not-a-version"],
)
def test_what_key_is_a_name_compared_by(name, key):
    """Do spelling variants of one classic name share a key, while a name that merely ends
    in 'v2' keeps it?"""
    assert names.key(name) == key


@pytest.mark.parametrize(
    "assignment, stems",
    [("week2", ["logistic_regression", "numpy_basics"]), ("Week 2", ["logistic_regression", "numpy_basics"]),
     ("W2A2", ["logistic_regression"]), ("Logistic_Regression_with_a_Neural_Network_mindset", ["logistic_regression"]),
     ("logistic_regression", ["logistic_regression"]), ("W2A1", ["numpy_basics"]), ("homework", [])],
    ids=["week", "week-spaced", "coursera-code", "classic-name", "stem", "other-code", "unknown"],
)
def test_which_notebooks_does_an_assignment_name_mean(assignment, stems):
    """Is a week all its notebooks, and a notebook's name or Coursera code that notebook?"""
    found = names.notebooks_for_assignment(assignment, specs.notebooks().values())
    assert sorted(s.stem for s in found) == stems


def test_does_the_expected_list_name_the_classic_files_but_not_assignment_codes():
    """Does the message for an unmatched file say which names would match?"""
    assert names.expected_files(WEEK2) == (
        "logistic_regression.ipynb (or Logistic_Regression_with_a_Neural_Network_mindset*.ipynb), "
        "numpy_basics.ipynb (or Python_Basics_with_Numpy*.ipynb)")


ALL = {s.stem: names.names_of(s) for s in specs.notebooks().values()}


@pytest.mark.parametrize(
    "filename, notebook",
    [
        ("Planar+data+classification+with+one+hidden+layer+v5.ipynb", "planar_data_classification"),
        ("Deep+Neural+Network+-+Application+v8.ipynb", "deep_network_application"),
        ("Deep%20Neural%20Network%20-%20Application%20v8.ipynb", "deep_network_application"),
        ("Deep Neural Network - Application v8 (2).ipynb", "deep_network_application"),
        ("Building_your_Deep_Neural_Network_Step_by_Step_v8a (1).ipynb", "deep_network_step_by_step"),
        ("a1_planar_data_classification_with_one_hidden_layer.ipynb", "planar_data_classification"),
        ("W4A1 - Building_your_Deep_Neural_Network_Step_by_Step.ipynb", "deep_network_step_by_step"),
        ("01-deep_network_application.ko.ipynb", "deep_network_application"),
        ("a1_building_your_deep_neural_network.ipynb", None),
        ("conv2.ipynb", None),
    ],
    ids=["coursera-plus", "coursera-plus-dash", "url-encoded", "browser-copy", "version-and-copy",
         "numbered-classic", "assignment-code-in-front", "numbered-own-korean", "truncated-rename", "not-numbering"],
)
def test_which_notebook_does_a_downloaded_or_renamed_file_name_mean(filename, notebook):
    """Are Coursera's downloads (``+`` for spaces), a browser's ``(2)`` and a learner's numbering
    in front (``a1_``, ``W4A1 - ``) read as the notebook's name, while a shortened rename
    (``a1_building_your_deep_neural_network``) is left to the functions the file defines?"""
    assert names.match(filename, ALL) == notebook
