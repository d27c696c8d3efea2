"""Hidden checks on random inputs: hypothesis draws the examples, reproducibly.

A check declared with ``inputs=<strategy>`` runs once per drawn example. The seed comes
from the instructor's secret, the notebook, the function, the check and the submission's
kept code (:func:`autograder.secret.seed`): the same code always sees the same inputs,
and changed code sees others. The first failing example is the one reported (never
hypothesis's shrunk replay of it, which would cost time and change the message).
Hypothesis keeps what it stores in the grader's cache folder, never in the folder the
grader was started from.
"""

from __future__ import annotations

import os
from typing import Any

from dlcheck.checks import Check, CheckFailed, StudentDied, StudentRaised

from . import memo
from . import secret as secrets


def run_random(check: Check, trial: Any, seed: int) -> None:
    """Run ``check.run(trial, example)`` on up to ``check.max_examples`` examples."""
    from hypothesis import HealthCheck, Phase, configuration, given, settings
    from hypothesis import seed as hypothesis_seed

    if not os.environ.get("HYPOTHESIS_STORAGE_DIRECTORY"):
        configuration.set_hypothesis_home_dir(memo.cache_dir() / "hypothesis")

    failures: list[BaseException] = []

    @hypothesis_seed(seed)
    @settings(max_examples=check.max_examples, database=None, deadline=None, derandomize=False,
              phases=[Phase.generate], suppress_health_check=list(HealthCheck), report_multiple_bugs=False,
              print_blob=False)
    @given(check.inputs)
    def property_(example: Any) -> None:
        try:
            check.run(trial, example)
        except (CheckFailed, StudentRaised, StudentDied) as exc:
            failures.append(exc)
            raise

    try:
        property_()
    except BaseException:
        if failures:
            raise failures[0] from None
        raise


def seeded_runner(secret: bytes, notebook_id: str, function: str, code_fingerprint: str):
    """A :data:`dlcheck.run.RandomInputs` for one function of one submission."""
    def run(check: Check, trial: Any) -> None:
        name = getattr(check.run, "__name__", "") + "/" + check.description.en
        run_random(check, trial, secrets.seed(secret, notebook_id, function, name, code_fingerprint))
    return run
