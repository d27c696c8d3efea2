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
