"""The training of ``benchmarks/reference_callees.py``: is the week-4 two-layer model's
training on the real data feasible with every step answered by the reference (the
engine's step 3c), within its check's time and a bounded grader?"""

import benchmark_scripts
import pytest

from autograder.sandbox.isolation import Limits

# The training runs in a child process (train_apart), which grades on the real data.
pytestmark = [pytest.mark.subprocess, pytest.mark.grading, pytest.mark.real_data]


def test_training_with_reference_callees_completes_within_its_check():
    """Does ``two_layer_model`` trained on the cat pictures, its callees answered by the
    reference, pass its check (whose calls get 60 s), the grader growing by at most the
    shared arrays' bound and the training's own working memory?"""
    benchmark_scripts.skip_without_cat_data()
    script = benchmark_scripts.load("reference_callees")
    run = script.train_apart("two_layer_model", "reference")
    assert run["passed"], run["message"]
    assert "linear_activation_backward" in run["callees"]
    assert run["grew_mb"] < Limits().shared_mb + 128, run
