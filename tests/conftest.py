"""Settings every test shares: messages in English (the golden texts are English unless a
test asks for Korean), for this process and the commands it starts; and one file graded at a
time unless a test asks for more (``make test`` already runs one test worker per core)."""

import os

import pytest

from dlcheck.text import set_language

os.environ["AUTOGRADE_LANG"] = "en"
os.environ["AUTOGRADE_JOBS"] = "1"

#: What a test needs is what its markers say (tests/support/needs.py).
pytest_plugins = ["needs"]


@pytest.fixture(autouse=True)
def english_messages():
    set_language(None)
    yield
    set_language(None)


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Modules of end-to-end tests first, then those that grade, then the rest, each module's
    tests kept together and in order: `make test` hands whole files to its workers in this
    order, so the long files start early and short ones fill the end, rather than one worker
    running a long file alone while the other has nothing left."""
    def module(item: pytest.Item) -> str:
        return item.nodeid.split("::", 1)[0]

    weight: dict[str, int] = {}
    for item in items:
        heavy = 0 if item.get_closest_marker("e2e") else 1 if item.get_closest_marker("grading") else 2
        weight[module(item)] = min(weight.get(module(item), 2), heavy)
    items.sort(key=lambda item: weight[module(item)])
