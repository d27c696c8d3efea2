"""Checking your own exercises: ``from dlcheck import checker``.

The student's side of the course package (NumPy only): the public checks of each
notebook, with the grader's own messages, in Korean and English. See
:mod:`dlcheck.selfcheck`.
"""

from .selfcheck import checker

__all__ = ["checker"]
