"""Stand-in for ``matplotlib.pyplot`` inside the grading sandbox (and for the reference
solution's import of it): ``plt.plot(...)``, ``plt.show()`` and the rest draw nothing there.

It is the ``matplotlib`` stand-in's (loaded before it, see ``autograder.specs.PLOTTING``),
which says why: a graded function never needs a picture, and the real module costs a
second or more to import in every sandbox.
"""

from matplotlib import __getattr__  # noqa: F401 - any attribute absorbs every call
