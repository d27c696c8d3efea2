"""How long grading takes, and where the time goes. Prints figures; asserts nothing.

    .venv/bin/python benchmarks/grading_time.py [--skip-notebook]

Measured in one run, so the ratios are what to read (machines are noisy):
1. one run of the reference ``model()`` on the real data (the floor: grading must train once);
2. grading one completed week-2 notebook in a fresh process, with an empty reference
   cache, then again with the reference results cached on disk;
3. grading ten in one process, one at a time, and ten with ``--jobs 2``;
4. re-executing the same notebook top to bottom with nbconvert, as nbgrader does.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
NOTEBOOK = "week2/logistic_regression"


def completed_notebook() -> Path:
    """A completed week-2 notebook: the bundled correct example, or one built from the solution."""
    example = ROOT / "examples/week2/correct.ipynb"
    if example.exists():
        return example
    import nbformat

    from autograder.release import parse_percent

    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_code_cell(t) if k == "code" else nbformat.v4.new_markdown_cell(t)
                for k, t in parse_percent((ROOT / "solutions/week2/logistic_regression.py").read_text())]
    path = Path(tempfile.mkdtemp()) / "completed.ipynb"
    nbformat.write(nb, path)
    return path


def seconds(cmd: list[str], **kwargs) -> tuple[float, subprocess.CompletedProcess]:
    start = time.perf_counter()
    proc = subprocess.run(cmd, capture_output=True, text=True, **kwargs)
    return time.perf_counter() - start, proc


def reference_model_seconds() -> float:
    code = ("import time; from autograder import specs; from autograder.reference import reference_for;"
            "from dldata import load_catvnoncat;"
            "d = load_catvnoncat(); m = reference_for(specs.get('week2/logistic_regression')).function('model');"
            "t = time.perf_counter(); m(d.train_x, d.train_y, d.test_x, d.test_y, num_iterations=2000, "
            "learning_rate=0.005); print(time.perf_counter() - t)")
    return float(subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT,
                                check=True).stdout)


def breakdown(notebook: Path) -> dict[str, float]:
    """Per-step seconds of grading one notebook twice in one process (cold, then warm)."""
    code = ("import json, time; from autograder.engine import grade_submission; from autograder import specs;"
            f"s = specs.get('{NOTEBOOK}'); out = []\n"
            "for _ in range(2):\n"
            f"    t = time.perf_counter(); r = grade_submission({str(notebook)!r}, s)\n"
            "    out.append(dict(r.seconds, total=time.perf_counter() - t, score=r.score))\n"
            "print(json.dumps(out))")
    return json.loads(subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT,
                                     check=True).stdout)


def nbconvert_seconds(notebook: Path) -> float | None:
    """Execute the whole notebook in a kernel, as nbgrader's autograde step does."""
    work = Path(tempfile.mkdtemp())
    shutil.copy(notebook, work / "nb.ipynb")
    env = dict(os.environ, PYTHONPATH=f"{ROOT}:{ROOT / 'assignments/week2'}", PATH=f"{BIN}:{os.environ['PATH']}")
    elapsed, proc = seconds([str(BIN / "jupyter"), "nbconvert", "--to", "notebook", "--execute",
                             "--ExecutePreprocessor.timeout=600", "--output", "out.ipynb", "nb.ipynb"],
                            cwd=work, env=env)
    shutil.rmtree(work, ignore_errors=True)
    return elapsed if proc.returncode == 0 else None


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--skip-notebook", action="store_true", help="Skip the nbconvert re-execution.")
    args = parser.parse_args()
    notebook = completed_notebook()
    grade = [str(BIN / "autograde"), "grade", "--dev-secret", "--notebook", NOTEBOOK, "--json"]

    floor = reference_model_seconds()
    # A fresh cache folder: the first command computes the reference results, later ones reuse them.
    os.environ["AUTOGRADE_CACHE_DIR"] = tempfile.mkdtemp(prefix="autograde-cache-")
    one, proc = seconds([*grade, str(notebook)], cwd=ROOT)
    assert proc.returncode == 0, proc.stderr
    one_cached, _ = seconds([*grade, str(notebook)], cwd=ROOT)
    ten_files = [str(notebook)] * 10
    ten, _ = seconds([*grade, *ten_files], cwd=ROOT)
    ten_jobs, _ = seconds([*grade, "--jobs", "2", *ten_files], cwd=ROOT)
    os.environ["AUTOGRADE_CACHE_DIR"] = tempfile.mkdtemp(prefix="autograde-cache-")
    steps = breakdown(notebook)
    nbconvert = None if args.skip_notebook else nbconvert_seconds(notebook)

    print(f"notebook graded: {notebook.relative_to(ROOT) if notebook.is_relative_to(ROOT) else notebook}")
    print(f"reference model() on the real data, one run:   {floor:6.2f} s   (1.00x)")
    print(f"autograde, 1 notebook, empty cache:             {one:6.2f} s   ({one / floor:.2f}x)")
    print(f"autograde, 1 notebook, reference results cached: {one_cached:5.2f} s   ({one_cached / floor:.2f}x)")
    print(f"autograde, 10 notebooks, --jobs 1:              {ten:6.2f} s   ({ten / floor:.2f}x, {ten / 10:.2f} s each)")
    print(f"autograde, 10 notebooks, --jobs 2:              {ten_jobs:6.2f} s   ({ten_jobs / floor:.2f}x)")
    if nbconvert is not None:
        print(f"re-executing the notebook (nbconvert, as nbgrader): {nbconvert:6.2f} s   ({nbconvert / floor:.2f}x; "
              f"{nbconvert / one:.1f}x autograde's one notebook)")
    print("\nwhere the time goes (seconds, one process: first notebook cold, second warm):")
    keys = [k for k in steps[0] if k not in ("total", "score")]
    print(f"  {'step':24} {'cold':>7} {'warm':>7}")
    for key in [*keys, "total"]:
        print(f"  {key:24} {steps[0].get(key, 0):7.2f} {steps[1].get(key, 0):7.2f}")
    print("  ('model' trains the submission's own model on the real data; cold, it also trains the reference\n"
          "   model for the expected values, which the cache then keeps.)")


if __name__ == "__main__":
    main()
