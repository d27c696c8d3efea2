"""How long grading takes, and where the time goes. Prints figures; asserts nothing.

    .venv/bin/python benchmarks/grading_time.py [--skip-notebook] [--class-size 20] [--pairs 3]

Every figure but the floor and the breakdown times a whole command as a user runs it: a
fresh process, the default environment (``--jobs`` defaults to the machine's cores), the
data in place. Measured in one run, so the ratios are what to read (machines are noisy);
the load average is printed before and after.

1. one run of the reference ``model()`` on the real data, with one BLAS thread as the
   sandbox has (the yardstick: the training the grader ran for every submission until it
   compared a tenth of it step for step, docs/grading.md);
2. ``autograde grade`` of one completed week-2 notebook, with an empty reference cache,
   then again with the reference results cached on disk;
3. ten byte-identical copies of it (ten students' folders) in one command: the same work,
   graded once;
4. a class of distinct completed notebooks (each the solution with a function of its own
   added, so each is its own work), as ``autograde course --jobs 1``, on a Dask cluster of
   two worker processes here (``--scheduler local --jobs 2``, its start included), and
   ``autograde course --jobs 2`` and ``autograde grade --jobs 2`` of the same files,
   alternated ``--pairs`` times: their ratio moves by several percent from one run to the
   next, so each pair's is printed, and the medians are the figures;
5. re-executing the notebook top to bottom with nbconvert, as nbgrader does (for one
   notebook, and per notebook of the class, which nbgrader grades one after another).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import nbformat

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
    one_thread = {name: "1" for name in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS")}
    return float(subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT,
                                check=True, env=os.environ | one_thread).stdout)


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


def load() -> str:
    return " ".join(f"{x:.2f}" for x in os.getloadavg())


def course_of(notebook: Path, size: int, folder: Path) -> list[Path]:
    """A course folder of ``size`` students, each handing in the completed notebook with a
    function of their own added (their own work); returns their files."""
    nb = nbformat.read(notebook, as_version=4)
    files = []
    for i in range(size):
        mine = nbformat.from_dict(nb)
        mine.cells.append(nbformat.v4.new_code_cell(f"def student_{i}():\n    return {i}\n"))
        path = folder / "submitted" / f"student{i:02}" / "week2" / "logistic_regression.ipynb"
        path.parent.mkdir(parents=True)
        nbformat.write(mine, path)
        files.append(path)
    (folder / "nbgrader_config.py").write_text("c = get_config()\n")
    return files


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--skip-notebook", action="store_true", help="Skip the nbconvert re-execution.")
    parser.add_argument("--class-size", type=int, default=20, help="Students of the class graded by `course`.")
    parser.add_argument("--pairs", type=int, default=3,
                        help="Times `course --jobs 2` and `grade --jobs 2` are run, alternated (the medians count).")
    args = parser.parse_args()
    if args.pairs < 1:
        parser.error("--pairs must be at least 1")
    notebook = completed_notebook()
    autograde = str(BIN / "autograde")
    grade = [autograde, "grade", "--dev-secret", "--notebook", NOTEBOOK, "--json"]
    print(f"load average before: {load()}  ({os.cpu_count()} cores)")

    floor = reference_model_seconds()
    # A fresh cache folder: the first command computes the reference results, later ones reuse them.
    os.environ["AUTOGRADE_CACHE_DIR"] = tempfile.mkdtemp(prefix="autograde-cache-")
    one, proc = seconds([*grade, str(notebook)], cwd=ROOT)
    assert proc.returncode == 0, proc.stderr
    one_cached, _ = seconds([*grade, str(notebook)], cwd=ROOT)
    work = Path(tempfile.mkdtemp(prefix="autograde-bench-"))
    copies = []
    for i in range(10):
        (work / "copies" / f"student{i}").mkdir(parents=True)
        copies.append(shutil.copy(notebook, work / "copies" / f"student{i}" / notebook.name))
    ten, proc = seconds([*grade, *copies], cwd=ROOT)
    assert proc.returncode == 0 and proc.stderr.count("graded once") == 9, proc.stderr
    files = course_of(notebook, args.class_size, work / "course")
    course = [autograde, "course", "week2", "--dev-secret", "--course-dir", str(work / "course"), "--force"]
    course_1, proc = seconds([*course, "--jobs", "1"], cwd=ROOT)
    assert proc.returncode == 0 and "graded once" not in proc.stderr, proc.stderr
    course_dask, proc = seconds([*course, "--jobs", "2", "--scheduler", "local"], cwd=ROOT)
    assert proc.returncode == 0, proc.stderr
    pairs = []
    for _ in range(args.pairs):
        course_seconds, proc = seconds([*course, "--jobs", "2"], cwd=ROOT)
        assert proc.returncode == 0, proc.stderr
        grade_seconds, proc = seconds([*grade, "--jobs", "2", *map(str, files)], cwd=ROOT)
        assert proc.returncode == 0, proc.stderr
        pairs.append((course_seconds, grade_seconds))
    course_2, grade_2 = statistics.median(c for c, _ in pairs), statistics.median(g for _, g in pairs)
    course_vs_grade = statistics.median(c / g for c, g in pairs)
    os.environ["AUTOGRADE_CACHE_DIR"] = tempfile.mkdtemp(prefix="autograde-cache-")
    steps = breakdown(notebook)
    nbconvert = None if args.skip_notebook else nbconvert_seconds(notebook)
    shutil.rmtree(work, ignore_errors=True)

    n = args.class_size
    print(f"notebook graded: {notebook.relative_to(ROOT) if notebook.is_relative_to(ROOT) else notebook}")
    print(f"reference model() on the real data, one thread:  {floor:7.2f} s   1.00x")
    print(f"autograde grade, 1 notebook, empty cache:         {one:7.2f} s   {one / floor:.2f}x")
    print(f"autograde grade, 1 notebook, cache warm:          {one_cached:7.2f} s   {one_cached / floor:.2f}x")
    print(f"autograde grade, 10 identical copies:             {ten:7.2f} s   {ten / floor:.2f}x "
          f"({ten / one_cached:.2f}x one notebook)")
    print(f"autograde course, class of {n}, --jobs 1:          {course_1:7.2f} s   {course_1 / floor:.2f}x "
          f"({course_1 / n:.2f} s each)")
    print(f"autograde course, class of {n}, --jobs 2:          {course_2:7.2f} s   {course_2 / floor:.2f}x "
          f"({course_1 / course_2:.2f}x faster than one job)")
    print(f"autograde course, the same class, 2 Dask workers: {course_dask:7.2f} s   {course_dask / floor:.2f}x "
          f"({course_dask / course_2:.2f}x --jobs 2; --scheduler local --jobs 2)")
    print(f"autograde grade, the same {n} files, --jobs 2:     {grade_2:7.2f} s   {grade_2 / floor:.2f}x "
          f"(course takes {course_vs_grade:.2f}x)")
    print(f"  (--jobs 2: medians of {len(pairs)} alternated pairs, course against grade in each: "
          f"{', '.join(f'{c / g:.2f}x' for c, g in pairs)})")
    if nbconvert is not None:
        print(f"re-executing the notebook (nbconvert, as nbgrader): {nbconvert:5.2f} s   {nbconvert / floor:.2f}x "
              f"({nbconvert / one_cached:.1f}x a warm autograde grade)")
        print(f"  per notebook of the class, as nbgrader grades one after another: {nbconvert:.2f} s against "
              f"{course_2 / n:.2f} s by autograde course --jobs 2 ({nbconvert * n / course_2:.1f}x)")
    print("\nwhere the time goes (seconds, one process: first notebook cold, second warm):")
    keys = [k for k in steps[0] if k not in ("total", "score")]
    print(f"  {'step':24} {'cold':>7} {'warm':>7}")
    for key in [*keys, "total"]:
        print(f"  {key:24} {steps[0].get(key, 0):7.2f} {steps[1].get(key, 0):7.2f}")
    print("  ('model' runs 200 of the course's 2000 iterations of the submission's own model on the real data;\n"
          "   cold, it also runs the reference's 200, which the cache then keeps; the reference's full training\n"
          "   is never run here: autograde release recorded it, autograder/trainings.py)")
    print(f"load average after: {load()}")


if __name__ == "__main__":
    main()
