"""Random inputs shared by the specs' hidden checks (grader only: hypothesis)."""

from __future__ import annotations

import numpy as np
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp


def floats(low: float, high: float) -> st.SearchStrategy[float]:
    """Finite float64 numbers in [low, high]."""
    return st.floats(low, high, allow_nan=False, allow_infinity=False, width=64)


def float_arrays(bound: float, min_dims: int = 1, max_dims: int = 3, max_side: int = 5) -> st.SearchStrategy:
    """Float arrays of ``min_dims`` to ``max_dims`` dimensions, entries in [-bound, bound]."""
    return hnp.arrays(np.float64, hnp.array_shapes(min_dims=min_dims, max_dims=max_dims, max_side=max_side),
                      elements=floats(-bound, bound))


@st.composite
def matrices(draw, bound: float, max_rows: int = 5, max_cols: int = 6) -> np.ndarray:
    """A float matrix of shape (n, m), 1 <= n <= max_rows, 1 <= m <= max_cols."""
    shape = (draw(st.integers(1, max_rows)), draw(st.integers(1, max_cols)))
    return draw(hnp.arrays(np.float64, shape, elements=floats(-bound, bound)))


def labels(m: int) -> st.SearchStrategy:
    """0/1 labels of shape (1, m), as floats."""
    return hnp.arrays(np.float64, (1, m), elements=st.sampled_from([0.0, 1.0]))
