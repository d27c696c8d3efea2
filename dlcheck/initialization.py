"""A random initialization, judged by its properties: one rule for every week that asks for one.

A correct initialization draws random numbers, in any order and from any seed, so it is
never compared with the reference's numbers. It is graded by what every correct draw has:
the keys and shapes, zero biases, weights that break the symmetry (not zero, rows that
differ, layers that do not repeat each other's draws), no weight far beyond the asked
scale, and, on enough weights, the distribution asked for: ``np.random.randn(...) * scale``,
mean 0 and standard deviation ``scale``, not the uniform ``np.random.rand``.

The distribution is judged in standard errors, so that a correct draw fails with the same
negligible probability whatever the size (at most about 5e-9 per weight matrix: its
standard deviation and its mean each stray beyond :data:`STANDARD_ERRORS` standard errors
with probability 2e-9 to 3e-9, exact chi-square and t tails), while the band
narrows as the weights grow (15 % at :data:`MIN_ENTRIES` weights, 1.2 % at 120000): a wrong
scale such as ``1/sqrt(n_l)`` for ``1/sqrt(n_{l-1})`` (15 % off for 400 and 300 units)
fails on a large layer. ``tests/dlcheck/test_initialization.py`` computes the tails and
draws correct and broken initializations.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

import numpy as np

from .checks import CheckFailed, GraderError
from .compare import as_array, expect_array, expect_keys, note
from .dense import parameter_keys
from .text import Text, as_text, tr

#: Fewest weights whose distribution is judged: W2 of (20, 40), week 3's initialize_parameters(30, 40, 20).
MIN_ENTRIES = 800
#: How far, in standard errors, a correct draw's mean and standard deviation may be from 0
#: and the asked scale: the standard deviation's standard error is scale / sqrt(2 n), the
#: mean's std / sqrt(n).
STANDARD_ERRORS = 6
#: No correct weight is more than this many times the scale from 0: P(|N(0, 1)| > 8) = 1.2e-15.
OUTLIER = 8

#: A layer's shape and how it is defined, e.g. ``((4, 2), "= (n_h, n_x)")``.
Shapes = Mapping[str, tuple[tuple[int, ...], str]]


def layer_shapes(dims: Sequence[int], names: Sequence[str]) -> dict[str, tuple[tuple[int, int], str]]:
    """``{"W1": ((n_1, n_0), "= (name_1, name_0)"), "b1": ((n_1, 1), "= (name_1, 1)"), ...}``
    for layer sizes ``dims`` = [n_0, ..., n_L] called ``names`` (``("n_x", "n_h", "n_y")``)."""
    shapes = {}
    for l in range(1, len(dims)):
        shapes[f"W{l}"] = (dims[l], dims[l - 1]), f"= ({names[l]}, {names[l - 1]})"
        shapes[f"b{l}"] = (dims[l], 1), f"= ({names[l]}, 1)"
    return shapes


def expect_shapes(got, shapes: Shapes, label: Text | str) -> dict:
    """``got`` must be a dict holding an array of real numbers of each of ``shapes``."""
    parameters = expect_keys(got, list(shapes), label)
    for key, (shape, defined) in shapes.items():
        value = parameters[key]
        if not isinstance(value, np.ndarray) or value.shape != shape:
            expect_array(value, np.zeros(shape), key, shape_note=defined)  # raises, naming type or shape
        as_array(value, key)
    return parameters


def expect_zero_biases(parameters: dict, shapes: Shapes) -> None:
    """Every ``b`` key of ``shapes`` must hold zeros: biases start at zero."""
    for key, (shape, defined) in shapes.items():
        if key.startswith("b"):
            expect_array(parameters[key], np.zeros(shape), key, shape_note=defined, hints=[
                lambda g, z: tr("biases start at zero: np.zeros((n, 1)).", "편향은 0에서 시작합니다: np.zeros((n, 1)).")])


def expect_small_random_weights(w, name: str, scale: float, scale_label: str) -> None:
    """``w`` must hold finite random numbers of about ``scale``, at any size: not all zero,
    no entry beyond :data:`OUTLIER` times ``scale``, rows that differ (else every unit of the
    layer computes the same thing)."""
    values = as_array(w, name)
    draw = f"np.random.randn(...) * {scale_label}"
    if not np.all(np.isfinite(values)):
        raise CheckFailed(tr("{key} contains nan or inf.", "{key}에 nan 또는 inf가 있습니다.", key=name))
    if not np.any(values):
        raise CheckFailed(tr("{key} is all zeros. Hint: zero weights never break the symmetry (every hidden unit "
                             "stays the same): draw them with {draw}.",
                             "{key}의 값이 모두 0입니다. 힌트: 가중치가 0이면 대칭이 깨지지 않습니다(모든 은닉 유닛이 "
                             "똑같이 남습니다). {draw}로 뽑으세요.", key=name, draw=draw))
    big = float(np.max(np.abs(values)))
    if big > OUTLIER * scale:
        raise CheckFailed(tr("{key} has entries as large as {big:.3g}; expected small weights, of standard deviation "
                             "{label} (|w| <= {bound:g}). Hint: multiply the normal draw by {label}: {draw}.",
                             "{key}에 {big:.3g}만큼 큰 값이 있습니다. 표준편차 {label}인 작은 가중치(|w| <= {bound:g})여야 "
                             "합니다. 힌트: 정규분포 값에 {label}을 곱하세요: {draw}.",
                             key=name, big=big, label=scale_label, bound=OUTLIER * scale, draw=draw))
    if values.ndim == 2 and values.shape[0] > 1 and values.shape[1] > 0 and np.all(values == values[:1]):
        raise CheckFailed(tr("every row of {key} is the same, so every unit of the layer computes the same thing and "
                             "the symmetry is never broken. Hint: draw each weight at random: {draw}.",
                             "{key}의 모든 행이 같아서 층의 모든 유닛이 같은 값을 계산하고 대칭이 깨지지 않습니다. "
                             "힌트: 가중치를 하나하나 무작위로 뽑으세요: {draw}.", key=name, draw=draw))


def expect_normal_draws(w, scales: Mapping[str, float], name: str, accepted: Text | None = None) -> None:
    """``w`` must look like ``np.random.randn(...) * scale`` for the first scale of
    ``scales`` (label -> scale), the one the notebook asks for; a later one (another
    convention of the course) is accepted with the note ``accepted``, said once however
    many layers and checks meet it (by default, one naming the scales). ``w`` needs at least
    :data:`MIN_ENTRIES` entries (fewer is the spec's mistake)."""
    values = as_array(w, name)
    (label, scale), *others = scales.items()
    n, std, mean = values.size, float(np.std(values)), float(np.mean(values))
    if n < MIN_ENTRIES:
        raise GraderError(f"expect_normal_draws needs at least {MIN_ENTRIES} entries; {name} has {n}")
    if not np.all(np.isfinite(values)) or std == 0:
        raise CheckFailed(tr("{name} holds {what}; expected random numbers: np.random.randn(...) * {label}.",
                             "{name} 배열의 값이 {what}입니다. 무작위 수여야 합니다: np.random.randn(...) * {label}.",
                             name=name, label=label,
                             what=tr("one value only", "모두 같은 값") if std == 0 else tr("nan or inf", "nan 또는 inf")))
    if np.all(values >= 0):  # 2**-800 for a normal draw
        raise CheckFailed(tr("every entry of {key} is positive: it looks drawn from a uniform distribution on [0, 1). "
                             "Hint: use np.random.randn (a normal draw around 0), not np.random.rand.",
                             "{key}의 모든 값이 양수입니다: [0, 1) 균등분포에서 뽑은 것 같습니다. 힌트: np.random.rand가 "
                             "아니라 np.random.randn(0 주변의 정규분포)을 쓰세요.", key=name))
    if abs(mean) > STANDARD_ERRORS * std / np.sqrt(n):
        raise CheckFailed(tr("{name} has mean {mean:.3g}; randn's values have mean 0.", "{name}의 평균이 {mean:.3g}입니다. "
                             "randn의 값은 평균이 0입니다.", name=name, mean=mean))
    tolerance = STANDARD_ERRORS / np.sqrt(2 * n)
    for i, (other_label, other) in enumerate(((label, scale), *others)):
        if abs(std / other - 1) <= tolerance:
            if i:
                note(accepted or tr("the weights are scaled by {other} (accepted: {why}); this notebook asks for {label}.",
                                    "가중치의 크기가 {other}입니다 ({why}이므로 인정). 이 노트북이 요구하는 것은 "
                                    "{label}입니다.", other=other_label, label=label,
                                    why=tr("the course's earlier convention", "코스의 예전 방식")),
                     key=("weights scaled", i))
            return
    hint = (tr(" Hint: multiply by {label} (your values look unscaled).",
               " 힌트: np.random.randn(...) * {label}처럼 곱하세요 (값의 크기가 조정되지 않은 것 같습니다).", label=label)
            if abs(std - 1) <= tolerance else "")
    raise CheckFailed(tr("{name} has standard deviation {std:.4g}; expected {scale:.4g} (np.random.randn(...) * {label}).",
                         "{name}의 표준편차가 {std:.4g}입니다. {scale:.4g}여야 합니다 (np.random.randn(...) * {label}).",
                         name=name, std=std, scale=scale, label=label) + hint)


def expect_independent(a, b, names: tuple[str, str]) -> None:
    """Two layers' weights must not repeat the same random numbers, up to their scales (a
    random sequence restarted from the same seed before each layer): the first values of
    ``b`` are not a multiple of the first values of ``a`` (to 1e-9). Honest draws of two
    numbers each are that by chance with probability about 1e-9, of more numbers far less;
    of one number each, only when equal."""
    x, y = np.ravel(as_array(a, names[0])), np.ravel(as_array(b, names[1]))
    k = min(x.size, y.size)
    x, y = x[:k], y[:k]
    if not np.any(x):
        return
    factor = float(x @ y / (x @ x))
    if (k > 1 or factor == 1) and np.allclose(y, factor * x, rtol=1e-9, atol=0):
        raise CheckFailed(tr("{b} repeats the random numbers of {a}: the two were drawn from a random sequence started "
                             "again from the same seed. Hint: set the seed at most once, before all the draws, not "
                             "before each layer.",
                             "{b}의 값이 {a}의 무작위 수를 반복합니다: 같은 시드로 다시 시작한 난수열에서 뽑았습니다. "
                             "힌트: 시드는 모든 값을 뽑기 전에 많아야 한 번만 정하고, 층마다 다시 정하지 마세요.",
                             a=names[0], b=names[1]))


#: The names of the classic two-layer initialization's sizes, and the scale it asks for.
TWO_LAYER_SIZES, TWO_LAYER_SCALE = ("n_x", "n_h", "n_y"), 0.01


def expect_initialize_parameters(got, sizes: tuple[int, int, int], label: Text | str, *,
                                 distribution: bool = False) -> dict:
    """The one rule of the classic ``initialize_parameters(n_x, n_h, n_y)`` (W1 and W2 drawn
    with ``np.random.randn(...) * 0.01``, zero biases), whichever week asks for it: keys,
    shapes, zero biases, symmetry broken, no repeated draws and, with ``distribution`` (on
    at least :data:`MIN_ENTRIES` weights per matrix), the normal distribution of scale 0.01."""
    shapes = layer_shapes(sizes, TWO_LAYER_SIZES)
    parameters = expect_shapes(got, shapes, as_text(label))
    expect_zero_biases(parameters, shapes)
    for key in ("W1", "W2"):
        expect_small_random_weights(parameters[key], key, TWO_LAYER_SCALE, "0.01")
        if distribution:
            expect_normal_draws(parameters[key], {"0.01": TWO_LAYER_SCALE}, key)
    expect_independent(parameters["W1"], parameters["W2"], ("W1", "W2"))
    return parameters


def expect_layer_keys(got, dims: Sequence[int], label: Text | str, dims_name: str = "layer_dims") -> None:
    """Exactly the keys W1, b1, ..., WL, bL (L = len(dims) - 1): a layer missing or one too
    many is the loop's range, and the hint says so (``dims_name``: the argument's name)."""
    keys = parameter_keys(len(dims) - 1)
    if isinstance(got, dict) and set(map(str, got)) != set(keys):
        raise CheckFailed(tr("{label} has the keys {got}; expected exactly {keys}. Hint: the layers with parameters "
                             "are 1 to L = len({dims}) - 1: loop over range(1, L + 1), with \"W\" + str(l).",
                             "{label}의 키가 {got}입니다. 정확히 {keys}여야 합니다. 힌트: 파라미터가 있는 층은 "
                             "1부터 L = len({dims}) - 1까지입니다: range(1, L + 1)로 돌고 \"W\" + str(l)을 쓰세요.",
                             label=as_text(label), got=sorted(map(str, got)), keys=keys, dims=dims_name))


#: ``scales(l)``: layer l's scales, label -> scale, the one the notebook asks for first (see
#: :func:`expect_normal_draws`), e.g. ``{"sqrt(2 / n_0) = sqrt(2 / 400)": 0.0707}``.
LayerScales = Callable[[int], Mapping[str, float]]


def expect_deep_initialization(got, dims: Sequence[int], label: Text | str, scales: LayerScales, *,
                               distribution: bool = False, dims_name: str = "layer_dims",
                               accepted: Text | None = None,
                               spread_hint: Callable[[int, np.ndarray], Text | None] | None = None) -> dict:
    """The rule of a random initialization of an L-layer network of layer sizes ``dims``
    (``W[l]`` drawn as ``np.random.randn(n_l, n_{l-1}) * scale_l``, zero biases), whichever
    notebook asks for it: exactly the keys, the shapes, zero biases, the symmetry broken in
    every layer (not zero, rows that differ, no weight beyond :data:`OUTLIER` times the
    scale), no layer repeating the previous one's draws and, with ``distribution``, the
    normal distribution of each layer's scale on every layer of at least
    :data:`MIN_ENTRIES` weights (smaller layers of a large network are judged without it).
    ``spread_hint(l, W)``: a hint for layer l's wrong spread (what formula it looks like), or None."""
    label = as_text(label)
    expect_layer_keys(got, dims, label, dims_name)
    names = [f"n_{l}" for l in range(len(dims))]
    shapes = layer_shapes(dims, names)
    parameters = expect_shapes(got, shapes, label)
    expect_zero_biases(parameters, shapes)
    for l in range(1, len(dims)):
        asked_label, asked = next(iter(scales(l).items()))
        expect_small_random_weights(parameters[f"W{l}"], f"W{l}", asked, asked_label)
        if distribution and parameters[f"W{l}"].size >= MIN_ENTRIES:
            try:
                expect_normal_draws(parameters[f"W{l}"], scales(l), f"W{l}", accepted=accepted)
            except CheckFailed as failed:
                hint = spread_hint(l, parameters[f"W{l}"]) if spread_hint is not None else None
                if hint is None:
                    raise
                raise CheckFailed(failed.text + tr(" Hint: ", " 힌트: ") + hint) from None
        if l > 1:
            expect_independent(parameters[f"W{l - 1}"], parameters[f"W{l}"], (f"W{l - 1}", f"W{l}"))
    return parameters
