"""The reference's full trainings: recorded once by release, read by grading, never trusted stale."""

import json
import math

import pytest
from threadpoolctl import threadpool_limits

from autograder import ROOT, memo, specs, trainings
from autograder.reference import reference_for

TRAINED = [s for s in specs.notebooks().values() if s.trainings]
FLOWER = specs.get("week3/planar_data_classification")
FLOWER_TRAINING = next(iter(FLOWER.trainings.values()))


def _record(spec):
    return json.loads(trainings.record_path(spec, ROOT).read_text(encoding="utf-8"))


def test_the_notebooks_that_train_at_full_scale_declare_their_trainings():
    assert {s.id for s in TRAINED} == {"week2/logistic_regression", "week3/planar_data_classification",
                                       "week4/deep_network_application"}
    assert len(specs.get("week4/deep_network_application").trainings) == 2


@pytest.mark.parametrize("spec", TRAINED, ids=[s.id for s in TRAINED])
def test_each_committed_record_is_current_and_names_its_trainings(spec):
    record = _record(spec)
    assert record["key"] == trainings.record_key(spec, ROOT)
    assert set(record["trainings"]) == set(spec.trainings)


@pytest.fixture
def fresh_state(monkeypatch):
    """No record read and no fact computed before the test, whatever other tests did."""
    trainings._recorded.cache_clear()
    monkeypatch.setattr(trainings, "_computed", {})
    yield
    trainings._recorded.cache_clear()


def test_grading_reads_the_record_when_its_key_is_current(fresh_state, monkeypatch, tmp_path):
    record = _record(FLOWER)
    record["trainings"][FLOWER_TRAINING.name]["train accuracy"] = 12.5  # not what training gives
    path = tmp_path / "record.json"
    path.write_text(json.dumps(record), encoding="utf-8")
    monkeypatch.setattr(trainings, "record_path", lambda spec, root: path)
    monkeypatch.setattr(trainings, "_run", lambda training, reference: pytest.fail("trained although recorded"))
    assert trainings.facts(FLOWER_TRAINING, reference_for(FLOWER)) == {"train accuracy": 12.5}


def test_a_stale_record_is_never_read_the_facts_are_computed(fresh_state, monkeypatch, tmp_path):
    """A solution changed since release: the record's key is another; grading trains instead."""
    record = _record(FLOWER)
    record["key"] = "0" * 64
    record["trainings"][FLOWER_TRAINING.name]["train accuracy"] = 12.5
    path = tmp_path / "record.json"
    path.write_text(json.dumps(record), encoding="utf-8")
    monkeypatch.setattr(trainings, "record_path", lambda spec, root: path)
    monkeypatch.setenv("AUTOGRADE_CACHE_DIR", str(tmp_path / "cache"))
    assert trainings.facts(FLOWER_TRAINING, reference_for(FLOWER)) == {"train accuracy": 90.75}
    text = trainings.record_text(FLOWER, ROOT)  # what release writes: trained again, under the current key
    assert json.loads(text)["key"] == trainings.record_key(FLOWER, ROOT) != record["key"]
    assert json.loads(text)["trainings"] == {FLOWER_TRAINING.name: {"train accuracy": 90.75}}


def test_release_keeps_a_current_record_without_training(monkeypatch):
    monkeypatch.setattr(trainings, "_run", lambda training, reference: pytest.fail("trained although current"))
    assert trainings.record_text(FLOWER, ROOT) == trainings.record_path(FLOWER, ROOT).read_text(encoding="utf-8")
    assert trainings.record_text(specs.get("week2/numpy_basics"), ROOT) is None  # no training: no record


def test_the_key_changes_with_what_the_facts_depend_on(monkeypatch, tmp_path):
    """A changed solution is another key (the spec, helpers and loaders are hashed beside it)."""
    before = trainings.record_key(FLOWER, ROOT)
    reference = reference_for(FLOWER)
    monkeypatch.setattr(trainings, "reference_for",
                        lambda spec, root: type(reference)(reference.namespace, "another solution", reference.params,
                                                           reference.calls, reference.stubs))
    assert trainings.record_key(FLOWER, ROOT) != before


@pytest.mark.real_data
@pytest.mark.parametrize("spec", TRAINED, ids=[s.id for s in TRAINED])
def test_each_record_is_what_the_reference_reaches_trained_again_here(spec, tmp_path, monkeypatch):
    """The committed numbers are the reference's: every training run again, nothing remembered
    (an empty reference cache), compares equal (accuracies exactly; costs to BLAS's last digits)."""
    monkeypatch.setenv("AUTOGRADE_CACHE_DIR", str(tmp_path))
    monkeypatch.setattr(memo, "_memory", {})  # nor what this process remembered
    reference = reference_for(spec)
    recorded = _record(spec)["trainings"]
    for name, training in spec.trainings.items():
        with threadpool_limits(limits=1):  # as the grader trains: beside the other tests, not against them
            facts = trainings._run(training, reference)
        assert facts.keys() == recorded[name].keys()
        for key, value in facts.items():
            if isinstance(value, list):
                assert len(value) == len(recorded[name][key])
                assert all(math.isclose(a, b, rel_tol=1e-9) for a, b in zip(value, recorded[name][key], strict=True))
            else:
                assert value == recorded[name][key], f"{spec.id} {name}: {key}"
