"""The hostile class of ``benchmarks/hostile_class.py``, graded twice by the CLI's pool:
same JSON both times, honest notebooks scored as alone, hostile files contained.

The class is the benchmark's, less the files that wait out the time limit (``sleepy``,
``sleepy-everywhere``, ``amplifier-slow-reference``) or repeat a heavy attack in every
caller of the attacked function (``memory-hoard``, ``output-flood``): minutes, and covered
by tests/security, so that two runs fit the suite's budget. The limits are the defaults: a
time limit near what an honest model needs to train on the real data would make the
verdict depend on the machine's load, which is what this test must not see.
"""

import json

import benchmark_scripts
import pytest

from autograder import specs

pytestmark = [pytest.mark.grading, pytest.mark.subprocess, pytest.mark.real_data, pytest.mark.e2e]
SPEC = specs.get("week2/logistic_regression")
HONEST = ["correct.ipynb", "stub.ipynb", "cost_log10.ipynb", "patches_numpy.ipynb"]
SLOW = {"sleepy.py", "sleepy-everywhere.py", "amplifier-slow-reference.py", "memory-hoard.py", "output-flood.py"}


@pytest.fixture(scope="module")
def runs(tmp_path_factory):
    """The class graded twice, each time in a fresh grader with an empty cache."""
    benchmark_scripts.skip_without_cat_data()
    script = benchmark_scripts.load("hostile_class")
    folder = tmp_path_factory.mktemp("class")
    hostile = [n for n in script.hostile_names(script.fork_bomb_is_bounded()) if n not in SLOW]
    files = script.build_class(folder, hostile, HONEST)
    graded = [script.grade_class(files, jobs=2, limits={}, cache_dir=folder / f"cache{i}") for i in range(2)]
    return {"reports": [reports for reports, _, _ in graded], "hostile": hostile}


def test_grading_the_hostile_class_twice_gives_identical_json(runs):
    """Does the same class, hostile files and all, get the same JSON in two runs?"""
    first, second = runs["reports"]
    assert json.dumps(first, sort_keys=True) == json.dumps(second, sort_keys=True)


def test_honest_notebooks_keep_the_scores_they_get_alone(runs):
    """Do the example notebooks graded beside hostile files get their documented scores?"""
    scores = {r["submission"].rsplit("/", 1)[-1]: r["score"] for r in runs["reports"][0]}
    assert [scores[name] for name in HONEST] == [10, 0, 7, 2]  # examples/week2/README.md


def test_every_hostile_file_is_contained(runs):
    """Does each hostile file lose only what it attacks with, never a grader error?"""
    reports = {r["submission"].rsplit("/", 1)[-1]: r for r in runs["reports"][0]}
    for name in runs["hostile"]:
        report = reports[name]
        text = json.dumps(report)
        assert "internal grader error" not in text, name
        if name == "deeply-nested-notebook.ipynb":
            assert report["score"] == 0 and "nested too deeply" in report["error"]
        elif name in ("deeply-nested-source.py", "huge-outputs.ipynb"):
            assert report["score"] == SPEC.max_score, (name, report)
        else:
            lost = [t for t in report["tests"] if not t["passed"]]
            assert len(lost) == 1 and report["score"] == SPEC.max_score - lost[0]["max_score"], (name, lost)
