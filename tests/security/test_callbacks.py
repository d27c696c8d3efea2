"""Reference calls as an amplifier: a function graded with reference callees (step 3c of
the engine) makes the grader run reference code on arguments it chose. A few bytes of
arguments can ask for gigabytes (``initialize_with_zeros(2 * 10**8)``, or ``predict`` on
inputs of shape (1, K), whose ``w.T @ X`` is K x K), for slow work, or for results the
grader would keep. Does the grader stay within :attr:`Limits.callback_mb` of extra memory,
keep none of it, and count the time against the file's budget? And the arrays a child
shares with the grader (:mod:`dlcheck.wire`): can forged references reach anything, can
a flood of them make the grader keep more than :attr:`Limits.shared_mb`?

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
from needs import fixture_needs

from autograder import ROOT
from autograder.specs.week2.logistic_regression import notebook as FULL_SPEC

from .conftest import LIMITS, PROTOCOL_HELPERS

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


#: Arrays of 1 MB, each new, kept by the child, each sent to ``predict`` and answered
#: with another 1 MB: without a bound the grader would keep 2 MB per call.
HANDLE_FLOOD = """
    kept = []
    for i in range(200):
        X = np.random.default_rng(i).random((1, 2**17))
        kept.append((X, predict(np.ones((1, 1)), 0.0, X)))
    raise ValueError(f"flooded with {len(kept)} calls")
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
@fixture_needs("subprocess", "grading")
def measured(tmp_path_factory) -> dict[str, dict]:
    """Each case graded in one fresh process, after an honest model (the baseline), with
    its own cache folder: report, peak resident size after it, cache entries."""
    folder = tmp_path_factory.mktemp("amplifiers")
    files = {"honest": "import numpy as np\n\n" + MODEL + textwrap.indent(textwrap.dedent(HONEST_MODEL), "    "),
             **{name: _amplifier(call) for name, call in AMPLIFIERS.items()},
             "cache-filler": "import numpy as np\n\n" + MODEL + textwrap.indent(textwrap.dedent(CACHE_FILLER), "    ")}
    return _measure(folder, files, BOUNDS)


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
    assert "did not return before the file's time budget ran out" in graded.message("model")
    assert graded.seconds < limits.file_seconds + 3


@pytest.mark.subprocess
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


def _measure(folder: Path, files: dict[str, str], bounds: dict) -> dict[str, dict]:
    """Each file graded in turn in one fresh process: report and peak resident size after it."""
    paths = []
    for name, source in files.items():
        paths.append(folder / f"{name}.py")
        paths[-1].write_text(source)
    env = {"PATH": "/usr/bin:/bin", "HOME": str(folder), "AUTOGRADE_CACHE_DIR": str(folder / "cache"),
           "AUTOGRADE_LANG": "en", "LANG": "C.UTF-8"}
    import os

    env.update({k: v for k, v in os.environ.items() if k.startswith(("OPENBLAS_", "AUTOGRADE_ISOLATION"))})
    done = subprocess.run([sys.executable, "-c", GRADE_AND_MEASURE, json.dumps(bounds), *map(str, paths)],
                          capture_output=True, text=True, cwd=ROOT, env=env, timeout=600)
    assert done.returncode == 0, done.stderr[-3000:]
    return dict(zip(files, json.loads(done.stdout.strip().splitlines()[-1]), strict=True))


@pytest.mark.subprocess
@pytest.mark.grading
@pytest.mark.parametrize("shared_mb, holds", [(32, True), (1024, False)], ids=["bound-32MB", "control-unbounded"])
def test_shared_arrays_stay_within_their_bound(shared_mb, holds, tmp_path):
    """Can a child make the grader keep every array it sends, and every answer, by keeping
    them all itself (a flood of handles)? With ``shared_mb`` the grader's peak grows by at
    most that bound; the control, with a bound above the 400 MB of the flood, shows the
    measurement would see it."""
    honest = "import numpy as np\n\n" + MODEL + textwrap.indent(textwrap.dedent(HONEST_MODEL), "    ")
    flood = "import numpy as np\n\n" + MODEL + textwrap.indent(textwrap.dedent(HANDLE_FLOOD), "    ")
    measured = _measure(tmp_path, {"honest": honest, "flood": flood}, dict(BOUNDS, shared_mb=shared_mb))
    assert "flooded with 200 calls" in measured["flood"]["report"]["tests"][0]["message"]
    grew = measured["flood"]["peak_mb"] - measured["honest"]["peak_mb"]
    if holds:
        assert grew <= shared_mb + SLACK_MB, f"the grader's peak grew by {grew:.0f} MB"
    else:
        assert grew > 200, f"the grader's peak grew by only {grew:.0f} MB"


#: ``model`` making one honest callback with a 1 MB array, so that the grader holds
#: handles 1 (that array) and 0 (its answer), then writing a callback of ``predict`` whose
#: arguments are the raw JSON ``ARGS`` (with a list of handles to drop, ``DROP``).
FORGED_REFERENCE = textwrap.dedent(PROTOCOL_HELPERS) + """
def _send_forged(sock, args, drop=None):
    import json, struct
    call = {"$t": "dict", "v": [["op", "callback"], ["function", "predict"], ["args", args],
                                ["kwargs", {"$t": "dict", "v": []}]]}
    body = json.dumps(call if drop is None else {"$t": "msg", "v": call, "drop": drop}).encode()
    frame = struct.pack(">I", len(body)) + body + struct.pack(">I", 0)
    sock.sendall(len(frame).to_bytes(8, "big") + frame)

""" + MODEL + """
    X = np.ones((1, 2**17))
    predict(np.ones((1, 1)), 0.0, X)
    sock = _protocol_socket()
    _send_forged(sock, ARGS, DROP)
    raise ValueError(str(_receive_frame(sock))[:300])
"""

W = {"$t": "nd", "dtype": "<f8", "shape": [1, 1], "data": [1.0]}  # np.ones((1, 1)), inline

FORGED_REFERENCES = {
    "handle-never-given": ([W, 0.0, {"$t": "ref", "h": 3}], None),
    "handle-far-ahead": ([W, 0.0, {"$t": "ref", "h": 10**6}], None),
    "handle-as-a-string": ([W, 0.0, {"$t": "ref", "h": "1"}], None),
    "handle-that-is-a-path": ([W, 0.0, {"$t": "ref", "h": "/proc/self/environ"}], None),
    "handle-as-a-list": ([W, 0.0, {"$t": "ref", "h": [1]}], None),
    "drop-list-of-references": ([W, 0.0, 1.0], [{"$t": "ref", "h": 0}]),
}


def _forged(args: list, drop: list | None) -> str:
    return "import numpy as np\n\n" + FORGED_REFERENCE.replace("ARGS", repr(args)).replace("DROP", repr(drop))


@pytest.mark.parametrize("args, drop", list(FORGED_REFERENCES.values()), ids=list(FORGED_REFERENCES))
def test_a_forged_array_reference_is_not_a_result(args, drop, tmp_path, grade):
    """Can a child write a callback whose array references name anything but an array
    the grader holds for it? The frame is not a result: the function gets 0, and the
    grader goes on."""
    path = tmp_path / "forged.py"
    path.write_text(_forged(args, drop))
    graded = grade(path, spec=FULL_SPEC.only("model"), tiers=("public",))
    assert graded.report.error is None and graded.report.score == 0
    assert "not a result" in graded.message("model"), graded.message("model")


def test_a_reference_to_what_the_child_sent_is_answered(tmp_path, grade):
    """Control of the method: the same frame with a well-formed reference to the array
    the child sent (handle 1) is answered as its bytes would be: what a reference
    resolves to, the child had."""
    path = tmp_path / "reference.py"
    path.write_text(_forged([W, 0.0, {"$t": "ref", "h": 1}], None))
    graded = grade(path, spec=FULL_SPEC.only("model"), tiers=("public",))
    assert "'op': 'return', 'value': array([[1., 1., 1., ..." in graded.message("model"), graded.message("model")
