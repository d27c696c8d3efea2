"""Reference calls as an amplifier: a function graded with reference callees (step 3c of
the engine) makes the grader run reference code on arguments it chose. A few bytes of
arguments can ask for gigabytes (``initialize_with_zeros(2 * 10**8)``, or ``predict`` on
inputs of shape (1, K), whose ``w.T @ X`` is K x K), for slow work, or for results the
grader would keep. Does the grader stay within :attr:`Limits.callback_mb` of extra memory,
keep none of it, and count the time against the file's budget?

The memory cases are graded in a fresh Python process, so that its peak resident size
says what grading them cost and nothing else.
"""

from __future__ import annotations

import dataclasses
import json
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from autograder import ROOT
from autograder.specs.week2.logistic_regression import notebook as FULL_SPEC

from .conftest import LIMITS

#: Small bounds, so that a failing defence shows clearly above the noise of the process.
BOUNDS = {"callback_mb": 256, "message_mb": 64, "call_seconds": 20, "memory_mb": 2048}
#: What the grader's peak may grow by, beyond the callback bound: the encoded answers the
#: sandbox receives are small here, and allocators keep a little.
SLACK_MB = 64

MODEL = "def model(X_train, Y_train, X_test, Y_test, num_iterations=2000, learning_rate=0.5, print_cost=False):\n"

AMPLIFIERS = {
    # 1.6 GB of zeros from one integer.
    "zeros-1.6GB": "initialize_with_zeros(2 * 10**8)",
    # w.T @ X of shapes (20000, 1) @ (1, 20000): 3.2 GB from 320 KB of arguments.
    "predict-outer-product-3.2GB": "predict(np.ones((1, 20000)), 0.0, np.ones((1, 20000)))",
    # 240 MB fits the bound, but encoding the answer copies it twice more.
    "result-that-fits-until-encoded": "initialize_with_zeros(3 * 10**7)",
    # 80 MB answers, each within the memory bound, but larger than a message may be.
    "answers-larger-than-a-message": "[initialize_with_zeros(10**7) for _ in range(8)]",
}

#: Slow reference calls on arguments nobody else uses: if callbacks were cached, each
#: would be a new entry on disk.
CACHE_FILLER = """
    for i in range(12):
        X = np.random.default_rng(i).normal(size=(50, 100))
        optimize(np.zeros((50, 1)), 0.0, X, (X[:1] > 0).astype(float), 3000 + i, 0.01, False)
    raise ValueError("done")
"""

HONEST_MODEL = """
    w, b = initialize_with_zeros(X_train.shape[0])
    params, grads, costs = optimize(w, b, X_train, Y_train, num_iterations, learning_rate, print_cost)
    w, b = params["w"], params["b"]
    Y_prediction_test, Y_prediction_train = predict(w, b, X_test), predict(w, b, X_train)
    return {"costs": costs, "Y_prediction_test": Y_prediction_test, "Y_prediction_train": Y_prediction_train,
            "w": w, "b": b, "learning_rate": learning_rate, "num_iterations": num_iterations}
"""

GRADE_AND_MEASURE = """
import json, sys
from autograder import memo
from autograder.engine import grade_submission
from autograder.sandbox.isolation import Limits
from autograder.specs.week2.logistic_regression import notebook

def peak_mb():  # VmHWM: this process's own peak (ru_maxrss would start at the forking parent's size)
    return next(int(line.split()[1]) for line in open("/proc/self/status") if line.startswith("VmHWM:")) / 1024

spec, limits = notebook.only("model"), Limits(**json.loads(sys.argv[1]))
rows = []
for path in sys.argv[2:]:
    report = grade_submission(path, spec, limits=limits, tiers=("public",))
    folder = memo.cache_dir()
    rows.append({"report": report.to_json(), "peak_mb": peak_mb(),
                 "cache": sorted(p.name for p in folder.iterdir()) if folder.exists() else [],
                 "remembered": len(memo._memory)})
print(json.dumps(rows))
"""


def _amplifier(call: str) -> str:
    return "import numpy as np\n\n" + MODEL + textwrap.indent(textwrap.dedent(f"""
        try:
            {call}
        except MemoryError as exc:
            raise ValueError(f"refused: {{exc}}") from None
        raise ValueError("allowed")
    """), "    ")


@pytest.fixture(scope="module")
def measured(tmp_path_factory) -> dict[str, dict]:
    """Each case graded in one fresh process, after an honest model (the baseline), with
    its own cache folder: report, peak resident size after it, cache entries."""
    folder = tmp_path_factory.mktemp("amplifiers")
    files = {"honest": "import numpy as np\n\n" + MODEL + textwrap.indent(textwrap.dedent(HONEST_MODEL), "    "),
             **{name: _amplifier(call) for name, call in AMPLIFIERS.items()},
             "cache-filler": "import numpy as np\n\n" + MODEL + textwrap.indent(textwrap.dedent(CACHE_FILLER), "    ")}
    paths = []
    for name, source in files.items():
        paths.append(folder / f"{name}.py")
        paths[-1].write_text(source)
    env = {"PATH": "/usr/bin:/bin", "HOME": str(folder), "AUTOGRADE_CACHE_DIR": str(folder / "cache"),
           "AUTOGRADE_LANG": "en", "LANG": "C.UTF-8"}
    import os

    env.update({k: v for k, v in os.environ.items() if k.startswith(("OPENBLAS_", "AUTOGRADE_ISOLATION"))})
    done = subprocess.run([sys.executable, "-c", GRADE_AND_MEASURE, json.dumps(BOUNDS), *map(str, paths)],
                          capture_output=True, text=True, cwd=ROOT, env=env, timeout=600)
    assert done.returncode == 0, done.stderr[-3000:]
    return dict(zip(files, json.loads(done.stdout.strip().splitlines()[-1]), strict=True))


def test_honest_model_passes_with_these_bounds(measured):
    """Control: does an honest model keep its points with the small bounds used here?"""
    report = measured["honest"]["report"]
    assert report["score"] == report["max_score"], report["tests"][0]["message"]


@pytest.mark.parametrize("case", list(AMPLIFIERS))
def test_reference_call_cannot_grow_the_grader_past_its_bound(case, measured):
    """Can a function make the grader's reference code allocate more than
    ``callback_mb``, in the call or in encoding its answer?"""
    names = list(measured)
    before = max(measured[name]["peak_mb"] for name in names[:names.index(case)])
    grew = measured[case]["peak_mb"] - before
    assert grew <= BOUNDS["callback_mb"] + SLACK_MB, f"the grader's peak grew by {grew:.0f} MB"
    message = measured[case]["report"]["tests"][0]["message"]
    assert "refused: " in message and "allowed" not in message, message
    assert measured[case]["report"]["score"] == 0


def test_reference_calls_made_for_a_sandbox_are_not_kept(measured):
    """Can slow reference calls on arguments of the student's choosing fill the grader's
    cache, on disk or in memory? (Only calls the grader asks for itself are kept.)"""
    assert "done" in measured["cache-filler"]["report"]["tests"][0]["message"]  # all twelve ran
    assert measured["cache-filler"]["cache"] == measured["honest"]["cache"]
    assert measured["cache-filler"]["remembered"] == measured["honest"]["remembered"]


def test_reference_call_time_counts_against_the_file_budget(tmp_path, grade):
    """Does reference work a function asks for end when the file's time budget does, even
    when that comes before the call's own limit?"""
    limits = dataclasses.replace(LIMITS, call_seconds=20, file_seconds=4)
    path = tmp_path / "slow.py"
    path.write_text("import numpy as np\n\n" + MODEL + "    optimize(np.zeros((2, 1)), 0.0, np.ones((2, 3)), "
                    "np.ones((1, 3)), 10**9, 0.01, False)\n")
    graded = grade(path, spec=FULL_SPEC.only("model"), limits=limits, tiers=("public",))
    assert graded.report.error is None and graded.report.score == 0
    assert "did not return within" in graded.message("model")
    assert graded.seconds < limits.file_seconds + 3


def test_measurement_would_see_an_allocation(tmp_path):
    """Control of the method: does the peak resident size of a fresh process show an
    allocation of the size the bound is about?"""
    probe = ("import numpy as np\n"
             "def peak():\n"
             "    return next(int(l.split()[1]) for l in open('/proc/self/status') if l.startswith('VmHWM:')) / 1024\n"
             f"before = peak(); x = np.ones({(BOUNDS['callback_mb'] + 2 * SLACK_MB) * 2**17}); print(peak() - before)")
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=60,
                          cwd=Path(tmp_path))
    assert float(done.stdout) > BOUNDS["callback_mb"] + SLACK_MB, done.stderr
