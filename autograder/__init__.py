"""The grader of the deep-learning exercises: see README.md ("How grading works") for the
pipeline, and :mod:`autograder.engine` for grading one file step by step."""

from importlib import metadata

from .project import CHECKOUT as ROOT

try:
    __version__ = metadata.version("dl-autograder")
except metadata.PackageNotFoundError:  # a bare checkout on sys.path, not installed
    __version__ = "unknown"

__all__ = ["ROOT", "__version__"]
