"""How long the week-4 application's training on the real data takes when every step is
answered by the reference (graded "with reference callees", the engine's step 3c), against
the same training with the student's own functions in the sandbox. Prints figures;
asserts nothing.

    .venv/bin/python benchmarks/reference_callees.py [--model two_layer_model|L_layer_model] [--repeat N]

For each model (``two_layer_model`` (12288, 7, 1) and ``L_layer_model`` [12288, 20, 7, 5, 1],
the check's 200 iterations on the cat pictures, the completed example notebooks): the long
check ("trained on the cat pictures") run through the engine (``_Grading._run``), once with
the solution's step-by-step functions running in the sandbox ("own"), once with
``linear_activation_forward`` / ``L_model_forward``, ``compute_cost``, the backward steps
and ``update_parameters`` answered by the reference in the grader ("reference"). Each run
is in a fresh grader process, single-thread BLAS (as in the sandbox), so that its peak
resident size (VmHWM) is its own; "grew" is that peak less the size before the training
(data loaded, sandbox started). With ``--repeat``, the runs alternate and the fastest of
each is compared (the machine is shared: its load is printed). Then a plain 20 MB round
trip through a child process.

Target: reference <= 3 x own. Every step sends 20 MB back (the gradient of the 12288 x 209
input, which the reference computes and the student's code may use); the training set,
the caches and the parameters go back as references (``dlcheck/wire.py``).

Before references and the copy-free wire, the reference run of ``two_layer_model`` (then
the full 2500 iterations) did not finish within the check's 300 s, and the 20 MB round trip
took 68 ms (median, this machine). The reference's own full training, which the check also
asks for, is remembered after its first run (``autograder/memo.py``)."""

from __future__ import annotations

import argparse
import json
import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
APP = "week4/deep_network_application"
CASE = ROOT / "examples/week4/application/correct/deep_network_application.ipynb"
MODELS = ("two_layer_model", "L_layer_model")
SINGLE_THREAD = dict(os.environ, OPENBLAS_NUM_THREADS="1", OMP_NUM_THREADS="1", MKL_NUM_THREADS="1")


def _status_mb(field: str) -> float:
    with open("/proc/self/status") as f:
        return next(int(line.split()[1]) for line in f if line.startswith(field + ":")) / 1024


def train(model: str, answered: str) -> dict:
    """In this process: run ``model``'s training on the real data through the engine, its
    callees the student's own (``answered="own"``) or the reference's; seconds, verdict,
    peak and growth of this process's resident size."""
    from autograder import specs
    from autograder.engine import _companions, _Grading
    from autograder.reference import reference_for
    from autograder.sandbox.isolation import Limits
    from autograder.secret import DEVELOPMENT_SECRET
    from dlcheck.extract import read_submission
    from dlcheck.results import SubmissionReport
    from dldata.catvnoncat import load_catvnoncat

    spec = specs.get(APP)
    submission = read_submission(CASE)
    companions = _companions(spec, CASE, submission, {}, {}).statements
    report = SubmissionReport(submission=str(CASE), notebook=spec.id)
    grading = _Grading(spec, reference_for(spec), submission, companions, DEVELOPMENT_SECRET, Limits(),
                       ("public", "hidden"), report)
    fn = next(f for f in spec.functions if f.name == model)
    try:
        found = grading._find(fn, grading._running_sandbox().functions)
        long = [c for c in fn.checks if c.seconds]
        callees = grading._callees(fn, found)
        answered_by = fn.reference_callees if answered == "own" else (*fn.reference_callees, *callees)
        load_catvnoncat()  # loaded (and cached) before the size is taken
        before = _status_mb("VmRSS")
        start = time.perf_counter()
        verdict = grading._run(fn, found, long, answered_by)
        seconds = time.perf_counter() - start
    finally:
        grading.close()
    peak = _status_mb("VmHWM")
    return {"seconds": seconds, "passed": verdict.passed, "message": str(verdict.message)[:200],
            "peak_mb": peak, "grew_mb": peak - before, "callees": list(answered_by)}


def train_apart(model: str, answered: str) -> dict:
    """:func:`train` in a fresh single-thread process."""
    done = subprocess.run([sys.executable, __file__, "--train", model, answered], capture_output=True, text=True,
                          cwd=ROOT, env=SINGLE_THREAD)
    if done.returncode != 0:
        raise SystemExit(done.stderr[-2000:])
    return json.loads(done.stdout.strip().splitlines()[-1])


def round_trip_ms(times: int = 20) -> float:
    """Median milliseconds for a 20 MB array to go to a child process and back."""
    sys.path.insert(0, str(ROOT))
    from dlcheck import wire

    ours, theirs = socket.socketpair()
    pid = os.fork()
    if pid == 0:
        ours.close()
        channel = wire.Channel(theirs)
        try:
            while True:
                channel.send(channel.receive())
        except EOFError:
            os._exit(0)
    theirs.close()
    channel, x = wire.Channel(ours), np.random.default_rng(0).random((12288, 209))
    channel.send(x)
    channel.receive()
    spent = []
    for _ in range(times):
        start = time.perf_counter()
        channel.send(x)
        channel.receive()
        spent.append(time.perf_counter() - start)
    channel.close()
    os.waitpid(pid, 0)
    return float(np.median(spent)) * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--model", choices=MODELS, action="append", help="Only this model (repeatable).")
    parser.add_argument("--repeat", type=int, default=1, help="Runs of each kind, alternating (default 1).")
    parser.add_argument("--train", nargs=2, metavar=("MODEL", "own|reference"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.train:
        print(json.dumps(train(*args.train)))
        return
    print(f"load average (1 min) at the start: {os.getloadavg()[0]:.1f} ({os.cpu_count()} cores)")
    for model in args.model or MODELS:
        runs: dict[str, list[dict]] = {"own": [], "reference": []}
        for _ in range(args.repeat):
            for kind in runs:
                runs[kind].append(train_apart(model, kind))
        print(f"\n{model}, 2500 iterations on the cat pictures "
              f"(reference answers: {', '.join(runs['reference'][0]['callees'])})")
        for kind, name in (("own", "own functions"), ("reference", "reference callees")):
            for run in runs[kind]:
                print(f"  {name:18} {run['seconds']:6.1f} s  passed={run['passed']}  grader peak "
                      f"{run['peak_mb']:5.0f} MB (grew {run['grew_mb']:4.0f} MB during the training)")
                if not run["passed"]:
                    print(f"    {run['message']}")
        best = {kind: min(run["seconds"] for run in done) for kind, done in runs.items()}
        print(f"  ratio reference / own: {best['reference'] / best['own']:.2f}"
              + (" (fastest of each)" if args.repeat > 1 else ""))
    print(f"\nload average (1 min) at the end: {os.getloadavg()[0]:.1f}")
    print(f"20 MB round trip through a child process: {round_trip_ms():.1f} ms (median of 20)")


if __name__ == "__main__":
    main()
