"""How long grading a week-3 notebook takes, and where the time goes. Prints figures; asserts nothing.

    .venv/bin/python benchmarks/week3_grading_time.py

Measured in one run, so the ratios are what to read (machines are noisy; the load average
is printed with the figures):
1. one run of the reference ``nn_model`` on the flower (10000 iterations): the floor, since
   grading trains once on it;
2. ``autograde grade`` of the correct example notebook in a fresh process;
3. the same notebook graded in this process, warm, with the seconds of each function;
4. a notebook with a wrong backward pass (``nn_model`` is then graded again with the
   reference's callees, a round trip to the grader per call);
5. the nine example notebooks with ``--jobs 2``.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
NOTEBOOK = "week3/planar_data_classification"
EXAMPLES = ROOT / "examples" / "week3"


def timed(fn, *args, **kwargs) -> tuple[float, object]:
    start = time.perf_counter()
    value = fn(*args, **kwargs)
    return time.perf_counter() - start, value


def main() -> None:
    from autograder import specs
    from autograder.engine import grade_submission
    from autograder.reference import reference_for
    from dldata.planar import load_planar_dataset

    spec = specs.get(NOTEBOOK)
    print(f"load average: {os.getloadavg()[0]:.2f} on {os.cpu_count()} cores")
    x, y = load_planar_dataset()
    np.random.seed(2)
    floor, _ = timed(reference_for(spec).function("nn_model"), x, y, 4, num_iterations=10000)
    print(f"reference nn_model on the flower (10000 iterations): {floor:.2f} s")

    command = [str(BIN / "autograde"), "grade", "--dev-secret", "--notebook", NOTEBOOK]
    fresh, proc = timed(subprocess.run, [*command, str(EXAMPLES / "correct.ipynb")], cwd=ROOT, capture_output=True)
    print(f"autograde grade, correct.ipynb, fresh process: {fresh:.2f} s ({fresh / floor:.1f}x the floor)")

    grade_submission(EXAMPLES / "correct.ipynb", spec)  # warm: reference loaded, numpy imported
    for name in ("correct.ipynb", "backward_relu_derivative.ipynb"):
        seconds, report = timed(grade_submission, EXAMPLES / name, spec)
        parts = ", ".join(f"{k} {v:.2f}" for k, v in report.seconds.items())
        print(f"{name} in this process: {seconds:.2f} s, {report.score:g}/{report.max_score:g} ({parts})")

    files = [str(p) for p in sorted(EXAMPLES.glob("*.ipynb"))]
    env = dict(os.environ, OPENBLAS_NUM_THREADS="1", OMP_NUM_THREADS="1", MKL_NUM_THREADS="1")
    batch, _ = timed(subprocess.run, [*command, "--jobs", "2", *files], cwd=ROOT, env=env, capture_output=True)
    print(f"autograde grade --jobs 2, {len(files)} examples: {batch:.2f} s ({batch / len(files):.2f} s each)")
    print(f"load average after: {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    main()
