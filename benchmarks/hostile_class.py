"""A class of honest and hostile week-2 submissions, graded as ``autograde grade --jobs N``
grades one. Prints figures; asserts nothing (tests/benchmarks/test_hostile_class.py does).

    .venv/bin/python benchmarks/hostile_class.py [--jobs 2] [--call-seconds 5]

The class: the nine example notebooks (examples/week2), then one hostile file per attack,
each the solution with one function replaced (so the rest of it keeps its points):
memory bombs, reference calls as amplifiers, functions that sleep, a fork bomb (only at
the levels that bound it: not for a root grader at the processes level), huge and
flooding outputs, and files nested too deeply to parse.

Printed, from one run:
1. the grader's peak memory: resident size of the grader process and of its pool
   workers (not of the sandboxes), sampled every 20 ms, and each one's own peak (VmHWM);
2. the size on disk of the reference cache after the run (a fresh cache folder);
3. the wall time, the isolation level, and each file's score.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOK = "week2/logistic_regression"
SOLUTION = ROOT / "solutions/week2/logistic_regression.py"
MODEL = "def model(X_train, Y_train, X_test, Y_test, num_iterations=2000, learning_rate=0.5, print_cost=False):"

#: Hostile files: name -> code appended to the solution (a later definition replaces the
#: solution's function of that name).
HOSTILE = {
    "memory-bomb": """
def sigmoid(z):
    return np.ones(10**11)
""",
    "memory-hoard": """
def propagate(w, b, X, Y):
    hoard = []
    while True:
        hoard.append(b"x" * 10**7)
""",
    "amplifier-zeros": f"""
{MODEL}
    initialize_with_zeros(2 * 10**8)
    raise ValueError("no model")
""",
    "amplifier-outer-product": f"""
{MODEL}
    predict(np.ones((1, 20000)), 0.0, np.ones((1, 20000)))
    raise ValueError("no model")
""",
    "amplifier-slow-reference": f"""
{MODEL}
    optimize(np.zeros((2, 1)), 0.0, np.ones((2, 3)), np.ones((1, 3)), 10**9, 0.01, False)
""",
    "sleepy": """
def sigmoid(z):
    import time
    time.sleep(10**6)
""",
    "sleepy-everywhere": """
def _nap(*args, **kwargs):
    import time
    time.sleep(10**6)

sigmoid = initialize_with_zeros = propagate = optimize = predict = model = _nap
""",
    "fork-bomb": """
def sigmoid(z):
    import os
    while True:
        try:
            os.fork()
        except OSError:
            os.execv("/bin/sleep", ["sleep", "1000"])
""",
    "output-flood": """
def sigmoid(z):
    import os
    for _ in range(10**6):
        os.write(1, b"PASSED " * 1000)
""",
    "huge-return": """
def sigmoid(z):
    return np.zeros(2 * 10**7)  # 160 MB, over the 64 MB a reply may hold
""",
    "deeply-nested-return": """
def sigmoid(z):
    value = []
    for _ in range(10**5):
        value = [value]
    return value
""",
}


@dataclass
class Peak:
    """Resident sizes seen while sampling: of the grader and its pool workers together,
    and each one's own peak (its VmHWM, in MB)."""

    total_mb: float = 0.0
    own_mb: dict[int, float] = field(default_factory=dict)


def _files_written(solution: str) -> dict[str, str]:
    """Hostile files that are not the solution plus one function: name -> content."""
    cells = [{"cell_type": "code", "metadata": {}, "execution_count": 1, "source": solution,
              "outputs": [{"output_type": "stream", "name": "stdout", "text": "PASSED\n" * 2_300_000}]}]
    return {
        # A statement nested past the parser's limit: that statement is dropped, nothing else.
        "deeply-nested-source.py": solution + "\n\n# %%\nx = " + "(" * 100_000 + ")" * 100_000 + "\n",
        # JSON nested a million deep: the file cannot be read, and says so.
        "deeply-nested-notebook.ipynb": '{"cells": [], "metadata": {"x": ' + "[" * 10**6 + "]" * 10**6 + "}}",
        # Just under the 20 MB a submission may weigh, nearly all of it stored output.
        "huge-outputs.ipynb": json.dumps({"cells": cells, "metadata": {}, "nbformat": 4, "nbformat_minor": 5}),
    }


def hostile_names(include_fork_bomb: bool = True) -> list[str]:
    names = [f"{name}.py" for name in HOSTILE if include_fork_bomb or name != "fork-bomb"]
    return names + list(_files_written(""))


def build_class(folder: Path, hostile: list[str] | None = None, honest: list[str] | None = None) -> list[Path]:
    """Write the class into ``folder`` and list it: the example notebooks named in
    ``honest`` (default all), then the hostile files named in ``hostile`` (default all)."""
    examples = sorted((ROOT / "examples/week2").glob("*.ipynb"))
    files = [p for p in examples if honest is None or p.name in honest]
    solution = SOLUTION.read_text()
    contents = {f"{name}.py": solution + "\n\n# %%\n" + code for name, code in HOSTILE.items()}
    contents.update(_files_written(solution))
    for name in hostile_names() if hostile is None else hostile:
        files.append(folder / name)
        files[-1].write_text(contents[name])
    return files


def fork_bomb_is_bounded() -> bool:
    """Does the level grading will use bound a fork bomb (not root at the processes level)?"""
    from autograder.sandbox import isolation

    return not (isolation.level() == "processes" and os.geteuid() == 0)


#: Run in a fresh process: grade the files given as arguments with the CLI's pool, print JSON.
_GRADE = """
import json, sys
from autograder.cli import grade_files
from autograder.sandbox.isolation import Limits
from autograder.secret import DEVELOPMENT_SECRET

limits, jobs = Limits(**json.loads(sys.argv[1])), int(sys.argv[2])
work = [(f, "week2/logistic_regression") for f in sys.argv[3:]]
reports = grade_files(work, DEVELOPMENT_SECRET, jobs, limits)
print(json.dumps([r.to_json() for r in reports], ensure_ascii=False))
"""


def _status_mb(pid: int) -> tuple[float, float] | None:
    """VmRSS and VmHWM of ``pid`` in MB, or None once it is gone."""
    try:
        with open(f"/proc/{pid}/status") as f:
            fields = dict(line.split(":", 1) for line in f if ":" in line)
        return int(fields["VmRSS"].split()[0]) / 1024, int(fields["VmHWM"].split()[0]) / 1024
    except (OSError, KeyError, ValueError):
        return None


def _pool_workers(pid: int) -> list[int]:
    """Children of the grader that are its pool workers (forked: the same command line),
    not the sandboxes it starts."""
    try:
        cmdline = Path(f"/proc/{pid}/cmdline").read_bytes()
        children = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
    except OSError:
        return []
    found = []
    for child in map(int, children):
        try:
            if Path(f"/proc/{child}/cmdline").read_bytes() == cmdline:
                found.append(child)
        except OSError:
            pass
    return found


def _sample(pid: int, peak: Peak, stop: threading.Event) -> None:
    while not stop.is_set():
        total = 0.0
        for p in [pid, *_pool_workers(pid)]:
            sizes = _status_mb(p)
            if sizes:
                total += sizes[0]
                peak.own_mb[p] = max(peak.own_mb.get(p, 0.0), sizes[1])
        peak.total_mb = max(peak.total_mb, total)
        stop.wait(0.02)


def grade_class(files: list[Path], *, jobs: int, limits: dict, cache_dir: Path) -> tuple[list[dict], Peak, float]:
    """Grade ``files`` in a fresh grader process: the reports, its memory peak, seconds."""
    env = dict(os.environ, AUTOGRADE_CACHE_DIR=str(cache_dir), AUTOGRADE_LANG="en")
    start = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-c", _GRADE, json.dumps(limits), str(jobs), *map(str, files)],
                            cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    peak, stop = Peak(), threading.Event()
    sampler = threading.Thread(target=_sample, args=(proc.pid, peak, stop), daemon=True)
    sampler.start()
    out, err = proc.communicate()
    seconds = time.perf_counter() - start
    stop.set()
    sampler.join()
    if proc.returncode != 0:
        raise RuntimeError(f"grading failed (exit {proc.returncode}): {err[-3000:]}")
    return json.loads(out.strip().splitlines()[-1]), peak, seconds


def folder_mb(folder: Path) -> float:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file()) / 2**20 if folder.exists() else 0.0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--jobs", type=int, default=2, help="Files graded in parallel (default 2).")
    parser.add_argument("--call-seconds", type=float, default=20,
                        help="Wall time per call (default 20 s: an honest model trains on the real data in a few).")
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT))
    from autograder.sandbox import isolation

    limits = {"call_seconds": args.call_seconds, "load_seconds": 10, "file_seconds": 300}
    with tempfile.TemporaryDirectory(prefix="autograde-hostile-") as tmp:
        folder, cache = Path(tmp) / "class", Path(tmp) / "cache"
        folder.mkdir()
        files = build_class(folder, hostile_names(include_fork_bomb=fork_bomb_is_bounded()))
        reports, peak, seconds = grade_class(files, jobs=args.jobs, limits=limits, cache_dir=cache)
        cache_mb = folder_mb(cache)
    honest = sum(1 for f in files if f.parent.name == "week2")
    print(f"class: {len(files)} files ({honest} honest example notebooks, {len(files) - honest} hostile), "
          f"graded with --jobs {args.jobs}, call_seconds={args.call_seconds:g}, at the {isolation.level()} level")
    print(f"wall time:                                  {seconds:7.1f} s")
    print(f"grader peak resident size (grader + pool workers, sampled every 20 ms): {peak.total_mb:7.0f} MB")
    own = sorted(peak.own_mb.values(), reverse=True)
    print(f"  each process's own peak (VmHWM):          {', '.join(f'{mb:.0f}' for mb in own)} MB")
    print(f"reference cache on disk after the run:      {cache_mb:7.2f} MB")
    print("\nscores:")
    width = max(len(Path(r["submission"]).name) for r in reports)
    for r in reports:
        note = f"  not graded: {r['error'][:90]}" if r.get("error") else ""
        lost = [t["function"] for t in r["tests"] if not t["passed"]]
        print(f"  {Path(r['submission']).name:<{width}}  {r['score']:4g}/{r['max_score']:g}"
              f"{'  lost: ' + ', '.join(lost) if lost and not note else ''}{note}")


if __name__ == "__main__":
    main()
