"""The scripts of ``benchmarks/``, loaded as modules by the tests that check their figures."""

from __future__ import annotations

import importlib.util
import sys
from types import ModuleType

import pytest

from autograder import ROOT


def load(stem: str) -> ModuleType:
    """``benchmarks/<stem>.py`` as a module (its command-line part does not run)."""
    module_spec = importlib.util.spec_from_file_location(stem, ROOT / "benchmarks" / f"{stem}.py")
    module = importlib.util.module_from_spec(module_spec)
    sys.modules[module_spec.name] = module  # dataclasses look their module up while being defined
    module_spec.loader.exec_module(module)
    return module


def skip_without_cat_data() -> None:
    """Skip the calling test when the cat/non-cat data is not in place (both scripts train on it)."""
    from dldata.store import DataError, find_file

    try:
        for name in ("train_catvnoncat.h5", "test_catvnoncat.h5"):
            find_file(name)
    except DataError as exc:
        pytest.skip(f"the cat/non-cat data is not available: {exc}")
