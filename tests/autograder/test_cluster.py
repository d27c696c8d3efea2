"""Tests of autograder.cluster: a class graded on a Dask cluster of several worker processes
gets the reports a local run gets, one of its workers killed mid-run; what travels to a
worker holds no secret, and a worker with another secret refuses to grade.

The cluster (three worker processes, one thread each) is started once for the module.
"""

from __future__ import annotations

import dataclasses
import os
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import nbformat
import pytest
from needs import fixture_needs

from autograder import ROOT, cluster, project, secret
from autograder.batch import Grader, Task, grade_many
from autograder.sandbox.isolation import Limits
from dlcheck.checks import GraderError

WARMUPS = "week1/warmups"
EXAMPLES = ROOT / "examples/week1/warmups"
#: Distinct works of the week-1 notebook (about 2 s each to grade).
FILES = ("softmax_wrong_axis", "stub")
BIN = Path(sys.executable).parent



# -- what travels (no cluster) -----------------------------------------------------------------

def test_a_parcel_holds_the_files_by_their_place_and_no_path_of_here(tmp_path):
    """Does a parcel carry the graded file and its companions by their paths relative to each
    other (what a report may show), their bytes and times, and nothing of where they are?"""
    app = tmp_path / "alice/W4A2/app.ipynb"
    steps = tmp_path / "alice/W4A1/steps.ipynb"
    for path, text in ((app, "app"), (steps, "steps")):
        path.parent.mkdir(parents=True)
        path.write_text(text)
    os.utime(steps, (1_000_000, 1_000_000))
    parcel = cluster.pack(Task(app, "app", {"steps": steps, "other": None}), beside=[])
    assert parcel == cluster.Parcel("app", "W4A2/app.ipynb",
                                    (("W4A2/app.ipynb", b"app", app.stat().st_mtime),
                                     ("W4A1/steps.ipynb", b"steps", 1_000_000.0)),
                                    (("other", None), ("steps", "W4A1/steps.ipynb")))
    assert str(tmp_path) not in repr(parcel)


def test_a_notebook_looked_for_beside_the_file_travels_beside_it(tmp_path):
    """Does a week-4 application graded alone (its step-by-step notebook looked for beside
    it) travel with the step-by-step file found there, beside it, and no companion named,
    so that the worker finds it beside the file as grading here does?"""
    app, steps = tmp_path / "deep_network_application.ipynb", tmp_path / "deep_network_step_by_step.ipynb"
    for path in (app, steps, tmp_path / "unrelated.ipynb"):
        path.write_text("{}")
    sender = cluster.Sender(None, Grader(b"secret"), builds_on_others=lambda n: True, here=print)
    task = Task(app, "week4/deep_network_application")
    parcel = cluster.pack(task, sender._beside(task))
    assert [f[0] for f in parcel.files] == [app.name, steps.name] and parcel.companions is None


def test_a_file_that_cannot_be_read_is_not_sent(tmp_path):
    """Is a task whose file is a link (refused when read) left to be graded here, where its
    report says why?"""
    real = tmp_path / "real.ipynb"
    real.write_text("{}")
    link = tmp_path / "warmups.ipynb"
    link.symlink_to(real)
    assert cluster.pack(Task(link, WARMUPS), beside=[]) is None
    assert cluster.pack(Task(real, WARMUPS), beside=[]) is not None


def test_the_secret_does_not_travel_and_another_secret_refuses(tmp_path, monkeypatch):
    """Does the remote grader carry the secret's digest only, and does a worker whose own
    secret differs refuse to grade (a grade under another secret is another grade)?"""
    run_secret = b"the run's long random secret"
    remote = cluster.Sender(None, Grader(run_secret), builds_on_others=lambda n: False, here=print).remote
    assert run_secret not in repr(remote).encode() and remote.secret_digest == secret.digest(run_secret)
    assert secret.digest(b"another secret") != remote.secret_digest
    monkeypatch.setenv(secret.ENV_VAR, "another secret")
    parcel = cluster.Parcel(WARMUPS, "warmups.ipynb", (("warmups.ipynb", b"{}", 0.0),))
    with pytest.raises(GraderError, match="has another instructor secret than the run"):
        remote(parcel)


def test_a_worker_with_another_project_or_grader_refuses(monkeypatch):
    """Does the remote grader carry the run's project digest, and does a worker whose own
    course project or grader differs (another commit's checks) refuse to grade?"""
    monkeypatch.delenv(secret.ENV_VAR, raising=False)
    monkeypatch.delenv(secret.FILE_ENV_VAR, raising=False)
    remote = cluster.Sender(None, Grader(secret.DEVELOPMENT_SECRET), builds_on_others=lambda n: False,
                            here=print).remote
    assert remote.project_digest == project.digest()
    monkeypatch.setattr(project, "digest", lambda chosen=None: "0" * 64)
    parcel = cluster.Parcel(WARMUPS, "warmups.ipynb", (("warmups.ipynb", b"{}", 0.0),))
    with pytest.raises(GraderError, match="has another course project or grader than the run"):
        remote(parcel)


def test_the_project_digest_names_what_decides_a_grade(tmp_path):
    """Does the digest change with a solution, a spec or release's records of the project,
    and stay the same for an unrelated file?"""
    (tmp_path / "solutions" / "week9").mkdir(parents=True)
    (tmp_path / project.SPECS / "week9").mkdir(parents=True)
    solution, spec = tmp_path / "solutions/week9/x.py", tmp_path / project.SPECS / "week9/x.py"
    record = tmp_path / project.SPECS / "week9/x.trained.json"
    for path in (solution, spec, record):
        path.write_text("a = 1\n")
    digests = set()
    for path in (None, solution, spec, record, tmp_path / "README.md"):
        if path is not None:
            path.write_text("a = 2\n")
        project._digest.cache_clear()
        digests.add(project.digest(tmp_path))
    project._digest.cache_clear()
    assert len(digests) == 4  # the README changed nothing


def test_a_scheduler_out_of_reach_says_how_to_start_one(monkeypatch):
    """Does a run whose scheduler cannot be reached stop with one line naming the two
    commands that start a cluster?"""
    with socket.socket() as free:
        free.bind(("127.0.0.1", 0))
        address = f"tcp://127.0.0.1:{free.getsockname()[1]}"
    monkeypatch.setattr(cluster, "CONNECT_SECONDS", 1)
    with pytest.raises(GraderError) as raised, cluster.connected(address, jobs=1):
        pass
    assert f"no Dask scheduler with a worker at {address}" in str(raised.value)
    assert "`dask scheduler`" in str(raised.value) and f"`dask worker {address} --nthreads 1`" in str(raised.value)


class _WhereGraded:
    """A ``grade_file`` saying where it ran: in a main thread, which process, on what bytes."""

    def __call__(self, path: Path, notebook: str) -> tuple[bool, int, bytes]:
        return threading.current_thread() is threading.main_thread(), os.getpid(), Path(path).read_bytes()


@pytest.mark.subprocess
def test_a_worker_grades_in_the_main_thread_of_a_child_it_keeps():
    """Is a parcel graded, when a worker's thread asks (as Dask runs tasks), in the main
    thread of a forked child, where the reference calls' deadline (SIGALRM) can be set; and
    is that child kept for the next parcel?"""
    child = cluster._GradingChild()
    parcel = cluster.Parcel(WARMUPS, "a/warmups.ipynb", (("a/warmups.ipynb", b"{}", 0.0),))
    try:
        with ThreadPoolExecutor(1) as thread:
            first, second = (thread.submit(child.grade, _WhereGraded(), parcel).result(timeout=30) for _ in range(2))
    finally:
        child.close()
    assert first == second == (True, child.pid, b"{}") and child.pid != os.getpid()


# -- a cluster ----------------------------------------------------------------------------------

@pytest.fixture(scope="module")
@fixture_needs("subprocess")
def scheduler():
    """The address of a local Dask cluster of three worker processes, one thread each."""
    from distributed import LocalCluster

    with LocalCluster(n_workers=3, threads_per_worker=1, processes=True, dashboard_address=":0") as local:
        yield local.scheduler_address


def _slow_notebook(path: Path) -> Path:
    """The correct notebook whose `relu` sleeps 0.3 s a call (about 4 s of grading, 0.8 s
    without): the file graded when a worker is killed."""
    nb = nbformat.read(EXAMPLES / "correct.ipynb", as_version=4)
    nb.cells.append(nbformat.v4.new_code_cell(
        "import time\n_quick_relu = relu\n\ndef relu(x):\n    time.sleep(0.3)\n    return _quick_relu(x)\n"))
    path.parent.mkdir(parents=True, exist_ok=True)
    nbformat.write(nb, path)
    return path


def _without_timing(report):
    return dataclasses.replace(report, seconds={})


def _kill_the_worker_grading_the_first(address: str, after: float = 1.5) -> int:
    """SIGKILL the worker process of the cluster at ``address`` that grades the first file
    sent to it, ``after`` seconds after it took it; its pid."""
    from distributed import Client

    with Client(address) as client:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            busy = [w for w, keys in client.processing().items() if any(k.startswith("autograde-0-") for k in keys)]
            if busy:
                time.sleep(after)
                pid = client.run(os.getpid, workers=busy[:1])[busy[0]]
                still = client.processing(workers=busy[:1])[busy[0]]
                assert any(k.startswith("autograde-0-") for k in still), "graded before the kill: make it slower"
                os.kill(pid, signal.SIGKILL)
                return pid
            time.sleep(0.05)
    raise AssertionError("no worker took the first file")


@pytest.mark.grading
@pytest.mark.subprocess
def test_the_local_cluster_starts_its_workers_with_the_grader_loaded(tmp_path):
    """Does `--scheduler local` start worker processes forked from this one, the grader
    already imported (as a process pool's workers are; spawned ones imported it for their
    first file), and do they grade as a local run?"""
    paths = [shutil.copy(EXAMPLES / f"{name}.ipynb", tmp_path) for name in FILES]
    tasks = [Task(Path(path), WARMUPS) for path in paths]
    grader = Grader(secret.DEVELOPMENT_SECRET, Limits())
    with cluster.connected(cluster.LOCAL, 2) as client:
        # eval, a builtin, travels by name: the worker imports nothing to run it
        loaded = client.run(eval, "'autograder.engine' in __import__('sys').modules")
    assert len(loaded) == 2 and set(loaded.values()) == {True}
    on_cluster = list(grade_many(tasks, grader, jobs=2, scheduler=cluster.LOCAL))
    local = list(grade_many(tasks, grader, jobs=2))
    assert [(_without_timing(r), took) for r, took in on_cluster] == [(_without_timing(r), took) for r, took in local]


@pytest.mark.grading
@pytest.mark.subprocess
@pytest.mark.e2e
def test_a_killed_worker_changes_no_report(scheduler, tmp_path):
    """Does a class graded on the cluster, the worker grading one file killed mid-grading,
    get each report once, in file order, equal to that of a local run?"""
    paths = [_slow_notebook(tmp_path / "slow.ipynb"), *(shutil.copy(EXAMPLES / f"{name}.ipynb", tmp_path) for name in FILES)]
    tasks = [Task(Path(path), WARMUPS) for path in paths]
    grader = Grader(secret.DEVELOPMENT_SECRET, Limits())
    with ThreadPoolExecutor(1) as thread:
        on_cluster = thread.submit(lambda: list(grade_many(tasks, grader, scheduler=scheduler)))
        killed = _kill_the_worker_grading_the_first(scheduler)
        reports = on_cluster.result(timeout=300)
    with pytest.raises(ProcessLookupError):
        os.kill(killed, 0)
    local = list(grade_many(tasks, grader, jobs=2))
    assert [r.submission for r, _ in reports] == [str(t.path) for t in tasks]
    assert [(_without_timing(r), took) for r, took in reports] == [(_without_timing(r), took) for r, took in local]
    assert reports[0][0].score == reports[0][0].max_score  # slow, and correct


@pytest.mark.grading
@pytest.mark.subprocess
@pytest.mark.e2e
def test_course_on_a_cluster_records_each_grade_of_one_job_once(scheduler, tmp_path):
    """Does `autograde course --scheduler ADDRESS`, the worker grading the first student
    killed mid-grading, say the lines and record the scores of `--jobs 1`, each notebook
    once and the same graded code once?"""
    runs = {}
    for how in (("--scheduler", scheduler), ("--jobs", "1")):
        course = tmp_path / how[0].strip("-")
        _slow_notebook(course / "submitted/aaron/week1/warmups.ipynb")
        for student, name in (("bob", "stub"), ("carol", "softmax_wrong_axis"), ("dave", "softmax_wrong_axis")):
            (course / "submitted" / student / "week1").mkdir(parents=True)
            shutil.copy(EXAMPLES / f"{name}.ipynb", course / "submitted" / student / "week1" / "warmups.ipynb")
        command = [str(BIN / "autograde"), "course", "week1", "--dev-secret", "--course-dir", str(course),
                   "--csv", str(course / "scores.csv"), *how]
        with subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) as proc:
            if how[0] == "--scheduler":
                _kill_the_worker_grading_the_first(scheduler)
            _, err = proc.communicate(timeout=300)
        assert proc.returncode == 0, err
        lines = [line for line in err.splitlines() if line.startswith("[")]
        runs[how[0]] = (lines, (course / "scores.csv").read_text())
    assert runs["--scheduler"] == runs["--jobs"]
    lines, scores = runs["--jobs"]
    assert len(lines) == 4 and "(the same graded code as [3/4] carol/warmups.ipynb, graded once)" in lines[3]
    assert scores.count("\n") == 5  # the header and a row per student
