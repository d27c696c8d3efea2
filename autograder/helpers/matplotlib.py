"""Stand-in for ``matplotlib`` inside the grading sandbox (and for the reference solution's
import of it): with ``matplotlib.pyplot`` beside it, plotting draws nothing there.

A graded function never needs a picture, and the real ``matplotlib.pyplot`` costs about a
second to import in every sandbox (several when it builds its font cache afresh, as in a
sandbox without a home folder). Any attribute is an object that accepts every call.
"""


class _Nothing:
    """Absorbs calls, attributes and items; unpacks as two of itself (``fig, ax = ...``)."""

    def __call__(self, *args, **kwargs):
        return self

    def __getattr__(self, name):
        if name.startswith("__"):
            raise AttributeError(name)
        return self

    def __getitem__(self, key):
        return self

    def __iter__(self):
        return iter((self, self))


_NOTHING = _Nothing()


def __getattr__(name):
    if name.startswith("__"):
        raise AttributeError(name)
    return _NOTHING
