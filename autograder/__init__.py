"""The grader of the deep-learning exercises: see README.md ("How grading works") for the
pipeline, and :mod:`autograder.engine` for grading one file step by step."""

from .project import CHECKOUT as ROOT

__all__ = ["ROOT"]
