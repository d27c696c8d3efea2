"""Stand-in for ``matplotlib.pyplot`` inside the grading sandbox (and for the reference
solution's import of it): ``plt.plot(...)``, ``plt.show()`` and the rest draw nothing there.

See the ``matplotlib`` stand-in beside it for why: a graded function never needs a picture,
and the real module costs a second or more to import in every sandbox.
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
