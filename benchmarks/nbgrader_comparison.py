"""Grade the same submissions with real nbgrader 0.9.6 and with ``autograde``, side by side.

The question: which submissions would an ordinary same-kernel notebook grader have fallen
for? nbgrader executes the whole notebook in one kernel and gives a check cell its points
when that cell shows no error (and prints nothing to stderr); its checks run in the
student's process, so the student's own cells can change what they compare. ``autograde``
runs each student function in a sandbox and compares in its own process.

For every case this script

1. builds a temporary nbgrader course whose instructor notebook
   ``source/week2/logistic_regression.ipynb`` is the solution source
   (``solutions/week2/logistic_regression.py``) with the nbgrader metadata of the student
   copy, runs ``nbgrader generate_assignment week2``, copies the case to
   ``submitted/<case>/week2/logistic_regression.ipynb`` and runs
   ``nbgrader autograde week2 --student <case>``, then reads the score from the gradebook;
2. runs ``autograde grade --notebook week2/logistic_regression --json <case>``;
3. times both, one command per notebook (so both times include the command's start-up),
   and then, unless ``--no-whole-class``, once more on the whole class in one command each.

The cases are the instructor notebook handed in as is, the example class in
``examples/week2/*.ipynb``, and adversarial notebooks generated here from the student copy
(:func:`adversarial_cases`); nothing is written into the repository. The kernel is this
venv's python (a kernelspec installed into the scratch folder, first on ``JUPYTER_PATH``),
with the repo root and ``assignments/week2`` on ``PYTHONPATH``; a cell running longer than
``--cell-timeout`` s (nbgrader's default, 30) is interrupted and the run goes on.

Usage (from the project root)::

    .venv/bin/python benchmarks/nbgrader_comparison.py            # Markdown table on stdout
    .venv/bin/python benchmarks/nbgrader_comparison.py --json     # the same as JSON
    .venv/bin/python benchmarks/nbgrader_comparison.py --case correct --case os_exit

Progress goes to stderr.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path

import nbformat

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from autograder import specs  # noqa: E402  (after the path is set)
from autograder.release import parse_percent, student_notebook  # noqa: E402

NOTEBOOK_ID = "week2/logistic_regression"
ASSIGNMENT = "week2"
STEM = "logistic_regression"
EXAMPLES_DIR = ROOT / "examples" / "week2"
STUDENT_COPY = ROOT / "assignments" / "week2" / "logistic_regression.ipynb"
BIN = Path(sys.executable).parent
NBGRADER_VERSION = "0.9.6"

#: nbgrader's own default per-cell timeout; a cell that runs longer is interrupted.
CELL_TIMEOUT = 30
#: Whole-command limit, for a grader that hangs rather than a cell that is slow.
COMMAND_TIMEOUT = 900


# -- cases --------------------------------------------------------------------------------

@dataclass(frozen=True)
class Case:
    """One submitted notebook.

    Attributes
    ----------
    name : str
        Its row in the table and its nbgrader student id.
    what : str
        One line: what the notebook does.
    text : str
        The notebook, as nbformat JSON.
    completed : bool
        Every graded function has a body (not the stub), so a grader that re-executes the
        notebook runs all of it: the notebooks the "time per completed notebook" is about.
    """

    name: str
    what: str
    text: str = field(repr=False)
    completed: bool = False


def example_cases(folder: Path = EXAMPLES_DIR) -> list[Case]:
    """The example class, ``examples/week2/*.ipynb``, as it is on disk now."""
    cases = []
    for path in sorted(folder.glob("*.ipynb")):
        nb = nbformat.read(path, as_version=4)
        what = nb.metadata.get("example", {}).get("what", "")
        cases.append(Case(path.stem, what, path.read_text(), completed=path.stem != "stub"))
    return cases


_STUB_LINE = "raise NotImplementedError("
_PATCH_NUMPY = ("import numpy as np\n"
                "np.allclose = lambda *a, **k: True\n"
                "np.testing.assert_allclose = lambda *a, **k: None")
_PATCH_NUMPY_MORE = _PATCH_NUMPY + "\nnp.isclose = lambda *a, **k: True"
#: Bodies of the right type and shape, and wrong values (the stub's ``return`` follows).
_GARBAGE = {
    "sigmoid": "s = np.zeros_like(np.asarray(z, dtype=float))",
    "initialize_with_zeros": "w, b = np.ones((dim, 1)), 1.0",
    "propagate": "dw, db, cost = np.ones_like(w), 0.5, 0.5",
    "optimize": 'grads, costs = {"dw": np.ones_like(w), "db": 0.5}, [0.5] * len(range(0, num_iterations, 100))',
    "predict": "Y_prediction = np.ones((1, X.shape[1]))",
    "model": ("w, b, costs = np.ones((X_train.shape[0], 1)), 1.0, [0.5]\n"
              "Y_prediction_test = np.ones((1, X_test.shape[1]))\n"
              "Y_prediction_train = np.ones((1, X_train.shape[1]))"),
}
#: An IPython AST transformer that wraps every later cell in ``try: ... except
#: AssertionError: print("PASSED ...")``: each failing check cell prints a pass instead.
_FAKE_PASS = '''import ast

class _FakePass(ast.NodeTransformer):
    def visit_Module(self, node):
        handler = ast.ExceptHandler(type=ast.Name("AssertionError", ast.Load()), name=None,
                                    body=ast.parse("print('PASSED: all public checks')").body)
        node.body = [ast.Try(body=node.body or [ast.Pass()], handlers=[handler], orelse=[], finalbody=[])]
        return ast.fix_missing_locations(node)

get_ipython().ast_transformers.append(_FakePass())'''
_PATCH_ASSERTION_ERROR = ('import builtins\n'
                          'builtins.AssertionError = type("AssertionError", (Warning,), {})')


def _student_copy() -> nbformat.NotebookNode:
    return nbformat.read(STUDENT_COPY, as_version=4)


def _insert(nb: nbformat.NotebookNode, source: str, after: str | None, cell_id: str) -> nbformat.NotebookNode:
    """Insert a code cell after the first cell containing ``after`` (at the top when None)."""
    place = 0 if after is None else next(i + 1 for i, c in enumerate(nb.cells) if after in c.source)
    cell = nbformat.v4.new_code_cell(source)
    cell["id"] = cell_id
    nb.cells.insert(place, cell)
    return nb


def _stub_bodies(nb: nbformat.NotebookNode, bodies: dict[str, str]) -> nbformat.NotebookNode:
    """Replace the ``raise NotImplementedError`` line of each function by ``bodies[name]``."""
    for cell in nb.cells:
        name = cell.metadata.get("nbgrader", {}).get("grade_id")
        if cell.cell_type == "code" and _STUB_LINE in cell.source and name in bodies:
            body = "\n".join(f"    {line}" for line in bodies[name].splitlines())
            cell.source = "\n".join(body if _STUB_LINE in line else line for line in cell.source.splitlines())
    return nb


def _stubs_return_none(nb: nbformat.NotebookNode) -> nbformat.NotebookNode:
    return _stub_bodies(nb, {fn.name: "return None" for fn in specs.get(NOTEBOOK_ID).functions})


def adversarial_cases() -> list[Case]:
    """Notebooks that do none of the work and try to get the points anyway.

    All are built from the student copy, and none has a working function, so every point
    they get is a point they did not earn. Each notebook says how it was made in its
    metadata (``comparison_case``).
    """
    setup = 'check = checker("'
    built = [
        ("allclose_patched_stubs", "every function returns None; a first cell sets np.allclose to always True "
         "and np.testing.assert_allclose to never raise",
         _insert(_stubs_return_none(_student_copy()), _PATCH_NUMPY, None, "adversarial-1")),
        ("patches_isclose_too", "every function returns right-shaped constants (zeros, ones, 0.5); a first cell "
         "sets np.allclose and np.isclose to always True and np.testing.assert_allclose to never raise",
         _insert(_stub_bodies(_student_copy(), _GARBAGE), _PATCH_NUMPY_MORE, None, "adversarial-1")),
        ("redefines_check", "stubs; a cell after the setup cell sets check = lambda fn: None",
         _insert(_student_copy(), "check = lambda fn: None", setup, "adversarial-1")),
        ("sys_exit", "stubs; a cell after the setup cell calls sys.exit(0)",
         _insert(_student_copy(), "import sys\nsys.exit(0)", setup, "adversarial-1")),
        ("os_exit", "stubs; a cell after the setup cell calls os._exit(0) (the kernel process ends)",
         _insert(_student_copy(), "import os\nos._exit(0)", setup, "adversarial-1")),
        ("fakes_pass_output", "stubs; a cell installs an IPython AST transformer that turns a failing check "
         "into a printed PASSED", _insert(_student_copy(), _FAKE_PASS, setup, "adversarial-1")),
        ("patches_AssertionError", "stubs; a cell replaces builtins.AssertionError by a Warning subclass",
         _insert(_student_copy(), _PATCH_ASSERTION_ERROR, setup, "adversarial-1")),
    ]
    cases = []
    for name, what, nb in built:
        nb.metadata["comparison_case"] = {"generated_by": "benchmarks/nbgrader_comparison.py", "what": what,
                                          "generated_from": str(STUDENT_COPY.relative_to(ROOT))}
        cases.append(Case(name, what, nbformat.writes(nb) + "\n"))
    return cases


def solution_case() -> Case:
    """The instructor notebook handed in as it is: every function right, no extra cells."""
    return Case("solution", "the instructor notebook itself (solutions filled in, no exploration cells)",
                nbformat.writes(instructor_notebook()) + "\n", completed=True)


def all_cases(wait_for_examples: float = 0.0) -> list[Case]:
    """The solution, the example class (waiting up to ``wait_for_examples`` s for it to
    appear) and the adversarial notebooks."""
    deadline = time.monotonic() + wait_for_examples
    while not list(EXAMPLES_DIR.glob("*.ipynb")) and time.monotonic() < deadline:
        time.sleep(10)
    return [solution_case()] + example_cases() + adversarial_cases()


# -- results ------------------------------------------------------------------------------

@dataclass
class Grade:
    """What one grader awarded one notebook.

    Attributes
    ----------
    score, max_score : float
        Points awarded and possible; ``score`` is None when the notebook was not graded.
    functions : dict
        Function name -> points awarded for it (nbgrader: its check cell ``test_<fn>``).
    seconds : float
        Wall time of the one command that graded this notebook.
    error : str or None
        Why the notebook was not graded, or what went wrong on the way.
    graded : bool
        False when the grader recorded no automatic score (nbgrader then lists the
        notebook as needing manual grading, and ``nbgrader export`` reports 0).
    """

    score: float | None
    max_score: float
    functions: dict[str, float]
    seconds: float
    error: str | None = None
    graded: bool = True


@dataclass
class Row:
    """One case, graded both ways."""

    case: str
    what: str
    completed: bool
    nbgrader: Grade
    autograde: Grade

    @property
    def credited_only_by_nbgrader(self) -> list[str]:
        """Functions nbgrader gave points that ``autograde`` did not."""
        return [fn for fn, pts in self.nbgrader.functions.items()
                if pts > 0 and self.autograde.functions.get(fn, 0) < pts]


# -- the environment both graders run in --------------------------------------------------

def grading_env(scratch: Path) -> dict[str, str]:
    """Environment for nbgrader and its kernel: the venv's python as kernel ``python3``,
    the repo root and ``assignments/week2`` importable, no user Jupyter config.

    The kernelspec is installed into ``scratch`` (``ipykernel install --prefix``, which
    writes this venv's absolute python path) and put first on ``JUPYTER_PATH``.
    """
    subprocess.run([sys.executable, "-m", "ipykernel", "install", "--prefix", str(scratch / "prefix"),
                    "--name", "python3"], check=True, capture_output=True)
    env = dict(os.environ)
    env.update(
        PATH=f"{BIN}{os.pathsep}{env.get('PATH', '')}",  # nbgrader calls `alembic`
        PYTHONPATH=os.pathsep.join([str(ROOT), str(STUDENT_COPY.parent)]),
        JUPYTER_PATH=str(scratch / "prefix" / "share" / "jupyter"),
        JUPYTER_CONFIG_DIR=str(scratch / "jupyter-config"),
        JUPYTER_DATA_DIR=str(scratch / "jupyter-data"),
        PYTHONHASHSEED="0",
    )
    env.pop("VIRTUAL_ENV", None)
    return env


def _run(args: list[str], env: dict[str, str], cwd: Path) -> tuple[subprocess.CompletedProcess, float]:
    start = time.perf_counter()
    try:
        proc = subprocess.run(args, env=env, cwd=cwd, capture_output=True, text=True, timeout=COMMAND_TIMEOUT)
    except subprocess.TimeoutExpired as exc:
        proc = subprocess.CompletedProcess(args, -9, exc.stdout or "", f"timed out after {COMMAND_TIMEOUT} s")
    return proc, time.perf_counter() - start


def _last_error(stderr: str) -> str:
    lines = [line.strip() for line in stderr.splitlines() if line.strip()]
    errors = [line for line in lines if "[ERROR]" in line or "Error" in line]
    return (errors or lines or ["(no output)"])[-1][:300]


# -- nbgrader -----------------------------------------------------------------------------

def instructor_notebook() -> nbformat.NotebookNode:
    """The nbgrader source notebook: the student copy's cells and metadata, with the
    solution source instead of the stubs (generate_assignment strips the
    ``### BEGIN SOLUTION`` regions itself)."""
    spec = specs.get(NOTEBOOK_ID)
    nb = student_notebook(spec, ROOT)
    cells = parse_percent((ROOT / spec.solution).read_text())
    if len(cells) != len(nb.cells):
        raise RuntimeError(f"{spec.solution} has {len(cells)} cells, its student copy {len(nb.cells)}")
    for cell, (_, text) in zip(nb.cells, cells, strict=True):
        cell.source = text
    return nb


class NbgraderCourse:
    """A throwaway nbgrader course directory holding the week-2 assignment.

    Parameters
    ----------
    directory : the course root (created); env : from :func:`grading_env`.
    cell_timeout : seconds a cell may run before nbgrader interrupts it.
    """

    def __init__(self, directory: Path, env: dict[str, str], cell_timeout: int = CELL_TIMEOUT):
        self.root, self.env, self.cell_timeout = directory, env, cell_timeout
        self.db_url = f"sqlite:///{directory / 'gradebook.db'}"
        source = directory / "source" / ASSIGNMENT
        source.mkdir(parents=True)
        nbformat.write(instructor_notebook(), source / f"{STEM}.ipynb")
        (directory / "nbgrader_config.py").write_text(
            "c = get_config()\n"
            f"c.CourseDirectory.root = {str(directory)!r}\n"
            f"c.CourseDirectory.db_url = {self.db_url!r}\n"
            f"c.Execute.timeout = {cell_timeout}\n")
        proc, _ = self.nbgrader("generate_assignment", ASSIGNMENT, "--force")
        if proc.returncode != 0:
            raise RuntimeError(f"nbgrader generate_assignment failed: {_last_error(proc.stderr)}")

    def nbgrader(self, *args: str) -> tuple[subprocess.CompletedProcess, float]:
        return _run([str(BIN / "nbgrader"), *args], self.env, self.root)

    def submitted(self, case: Case) -> Path:
        """Where nbgrader expects ``case``'s notebook: ``submitted/<case>/week2/<stem>.ipynb``."""
        return self.root / "submitted" / case.name / ASSIGNMENT / f"{STEM}.ipynb"

    def grade(self, case: Case) -> Grade:
        """Submit ``case`` as student ``case.name`` and autograde it, alone."""
        path = self.submitted(case)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(case.text)
        proc, seconds = self.nbgrader("autograde", ASSIGNMENT, f"--student={case.name}", "--force")
        logs = self.root / "logs"
        logs.mkdir(exist_ok=True)
        (logs / f"{case.name}.log").write_text(proc.stderr)
        grade = self._recorded(case.name, seconds)
        if proc.returncode != 0 or "[ERROR]" in proc.stderr:
            grade.error = _last_error(proc.stderr)
        if not grade.graded:
            grade.error = "not autograded" + (f": {grade.error}" if grade.error else "")
        return grade

    def _recorded(self, student: str, seconds: float) -> Grade:
        from nbgrader.api import Gradebook, MissingEntry

        max_score = specs.get(NOTEBOOK_ID).max_score
        with Gradebook(self.db_url) as gb:
            try:
                nb = gb.find_submission_notebook(STEM, ASSIGNMENT, student)
            except MissingEntry:
                return Grade(None, max_score, {}, seconds, "no grade recorded")
            functions = {g.name.removeprefix("test_"): float(g.score) for g in nb.grades}
            graded = any(g.auto_score is not None for g in nb.grades)
            return Grade(float(nb.score), float(nb.max_score), functions, seconds, graded=graded)


# -- autograde ----------------------------------------------------------------------------

def autograde(paths: list[Path], env: dict[str, str]) -> list[Grade]:
    """``autograde grade --notebook week2/logistic_regression --json <paths>``, timed; each
    file's ``seconds`` is the command's wall time divided by the number of files."""
    proc, seconds = _run([str(BIN / "autograde"), "grade", "--dev-secret", "--notebook", NOTEBOOK_ID, "--json",
                          *map(str, paths)],
                         env, ROOT)
    per_file = seconds / len(paths)
    try:
        reports = json.loads(proc.stdout)
    except ValueError:
        return [Grade(None, specs.get(NOTEBOOK_ID).max_score, {}, per_file, _last_error(proc.stderr))] * len(paths)
    return [Grade(float(r["score"]), float(r["max_score"]), {t["function"]: float(t["score"]) for t in r["tests"]},
                  per_file, r.get("error")) for r in reports]


# -- the comparison -----------------------------------------------------------------------

@dataclass
class Comparison:
    """Every case graded both ways, and how long that took.

    Attributes
    ----------
    rows : list of Row
        One per case, in order.
    cell_timeout : int
        nbgrader's per-cell timeout, s.
    whole_class : dict or None
        Grader -> seconds per notebook when the whole class is graded by one command
        (``nbgrader autograde week2``; ``autograde grade`` on every file), i.e. without a
        command start-up per notebook and, for ``autograde``, with the reference results
        of slow calls shared across the class.
    load_average : tuple of float
        The machine's 1-minute load average before and after, to judge the timings by.
    """

    rows: list[Row]
    cell_timeout: int
    whole_class: dict[str, float] | None = None
    load_average: tuple[float, float] = (float("nan"), float("nan"))


def compare(cases: list[Case], scratch: Path, cell_timeout: int = CELL_TIMEOUT, whole_class: bool = False,
            progress=lambda text: print(text, file=sys.stderr, flush=True)) -> Comparison:
    """Grade every case with nbgrader and with ``autograde``, in ``scratch``; with
    ``whole_class``, then time both graders on all the cases in one command each."""
    load_before = os.getloadavg()[0]
    env = grading_env(scratch)
    course = NbgraderCourse(scratch / "course", env, cell_timeout)
    rows = []
    for i, case in enumerate(cases, 1):
        theirs = course.grade(case)  # writes submitted/<case>/..., which autograde then reads
        ours = autograde([course.submitted(case)], env)[0]
        rows.append(Row(case.name, case.what, case.completed, theirs, ours))
        progress(f"[{i}/{len(cases)}] {case.name}: nbgrader {_score(theirs)} in {theirs.seconds:.1f} s, "
                 f"autograde {_score(ours)} in {ours.seconds:.1f} s")
    result = Comparison(rows, cell_timeout)
    if whole_class and cases:
        progress(f"whole class ({len(cases)} notebooks) in one command each ...")
        _, nbgrader_seconds = course.nbgrader("autograde", ASSIGNMENT, "--force")
        start = time.perf_counter()
        autograde([course.submitted(c) for c in cases], env)
        result.whole_class = {"nbgrader": nbgrader_seconds / len(cases),
                              "autograde": (time.perf_counter() - start) / len(cases)}
    result.load_average = (load_before, os.getloadavg()[0])
    return result


def _score(grade: Grade) -> str:
    return "not graded" if grade.score is None else f"{grade.score:g}"


def _cell(grade: Grade) -> str:
    text = _score(grade)
    return f"{text} ({grade.error})" if grade.error else text


def timing(rows: list[Row]) -> dict[str, dict[str, float]]:
    """Mean seconds per notebook, one command per notebook, for each grader: over all
    cases and over the completed notebooks."""
    out = {}
    for grader in ("nbgrader", "autograde"):
        every = [getattr(r, grader).seconds for r in rows]
        done = [getattr(r, grader).seconds for r in rows if r.completed]
        out[grader] = {"mean_all": statistics.mean(every) if every else float("nan"),
                       "mean_completed": statistics.mean(done) if done else float("nan"),
                       "n_all": len(every), "n_completed": len(done)}
    return out


_LABELS = (("nbgrader", f"nbgrader {NBGRADER_VERSION} autograde"), ("autograde", "autograde grade"))


def markdown(result: Comparison) -> str:
    """The score table, then the timing table."""
    lines = [f"| case | nbgrader {NBGRADER_VERSION} score | autograde score | max | credited only by nbgrader |",
             "|---|---:|---:|---:|---|"]
    for r in result.rows:
        extra = ", ".join(r.credited_only_by_nbgrader) or "-"
        lines.append(f"| {r.case} | {_cell(r.nbgrader)} | {_cell(r.autograde)} | {r.autograde.max_score:g} | {extra} |")
    t = timing(result.rows)
    n_all, n_done = t["nbgrader"]["n_all"], t["nbgrader"]["n_completed"]
    header = f"| grader | one command per notebook: all ({n_all}) | completed ({n_done}) |"
    if result.whole_class:
        header += f" whole class in one command ({n_all}) |"
    lines += ["", "Mean seconds per notebook (wall time; nbgrader cell timeout "
              f"{result.cell_timeout} s; load average {result.load_average[0]:.1f} before, "
              f"{result.load_average[1]:.1f} after):", "", header,
              "|---|---:|---:|" + ("---:|" if result.whole_class else "")]
    for grader, label in _LABELS:
        line = f"| {label} | {t[grader]['mean_all']:.1f} | {t[grader]['mean_completed']:.1f} |"
        if result.whole_class:
            line += f" {result.whole_class[grader]:.1f} |"
        lines.append(line)
    return "\n".join(lines)


def to_json(result: Comparison) -> dict:
    return {"nbgrader_version": NBGRADER_VERSION, "cell_timeout": result.cell_timeout,
            "load_average": list(result.load_average),
            "timing": {"one_command_per_notebook": timing(result.rows), "whole_class": result.whole_class},
            "rows": [{**asdict(r), "credited_only_by_nbgrader": r.credited_only_by_nbgrader} for r in result.rows]}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--json", action="store_true", help="print JSON instead of Markdown")
    parser.add_argument("--case", action="append", default=[], help="only this case (repeatable)")
    parser.add_argument("--cell-timeout", type=int, default=CELL_TIMEOUT, help="nbgrader's per-cell timeout, s")
    parser.add_argument("--wait-for-examples", type=float, default=300,
                        help="seconds to wait for examples/week2/*.ipynb to appear")
    parser.add_argument("--no-whole-class", action="store_true",
                        help="skip timing each grader on the whole class in one command")
    parser.add_argument("--keep", type=Path, help="grade in this (new) folder and keep it, to inspect nbgrader's output")
    args = parser.parse_args(argv)
    cases = all_cases(args.wait_for_examples)
    if args.case:
        unknown = set(args.case) - {c.name for c in cases}
        if unknown:
            parser.error(f"unknown case(s) {sorted(unknown)}; known: {', '.join(c.name for c in cases)}")
        cases = [c for c in cases if c.name in args.case]
    if args.keep:
        args.keep.mkdir(parents=True)
        result = compare(cases, args.keep.resolve(), args.cell_timeout, not args.no_whole_class)
    else:
        with tempfile.TemporaryDirectory(prefix="nbgrader-comparison-") as scratch:
            result = compare(cases, Path(scratch), args.cell_timeout, not args.no_whole_class)
    print(json.dumps(to_json(result), indent=2) if args.json else markdown(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
