"""Week 6, optimization methods: what is graded and how.

- The optimizers (``update_parameters_with_gd``, ``_momentum``, ``_rmsprop``, ``_adagrad``,
  ``_adam``) by their update equations, step after step: each step gets the parameters and
  the state the right optimizer reached (so one wrong step does not hide the next), on
  networks of 1 to 4 layers of random widths, with the learning rate, betas and epsilon
  drawn at random in the hidden checks (an argument ignored for its default is named).
  Every returned state and parameter is compared, state first. Hints name the usual slips
  by the values they give: a wrong or swapped beta, (1 - beta) missing, no bias correction,
  t counted from 0, epsilon under the square root instead of after it, the state not
  returned. Updating the caller's dicts in place is allowed (the classic course does); each
  call gets its own copies. Adam may return ``(parameters, v, s)``, as the course's
  notebooks before 2021 did: accepted, with a note.
- The state initializations by their keys, shapes and zeros.
- ``random_mini_batches`` by properties: every example exactly once, X and Y columns kept
  together, batches of the asked size, the remainder last and kept. The public check also
  compares with the classic permutation (``np.random.seed(seed); np.random.permutation(m)``):
  another permutation passes, with a note that the printed batches will differ.
- ``update_lr`` and ``schedule_lr_decay`` by their formulas, called positionally (some
  notebooks name the first argument ``learning_rate``).
- ``model`` step for step against the reference on small problems (a few epochs, every
  optimizer; for a classic notebook, whose model knows gd, momentum and Adam only, those
  three) and all 5000 epochs on 8 points, never the 5000-epoch trainings on the moons,
  whose accuracies (see ``MOONS``) are the notebook's. ``decay`` is never passed: a function
  cannot cross into the sandbox, and the decay lines of the model are given code.

RMSProp and AdaGrad are this course's addition (``missing``): a classic notebook loses their
points only. ``update_lr`` and ``schedule_lr_decay`` exist from the course's 2021 notebook on:
an older notebook loses their points only, and is told why. ``opt_utils`` (ours) and
``opt_utils_v1a`` (the classic one) give no graded function.
"""

from __future__ import annotations

import math

import numpy as np

from dlcheck.checks import CheckFailed, NotebookSpec, OldSignature
from dlcheck.compare import expect_array, expect_keys, expect_scalar, note, unpack
from dlcheck.hints import mistake
from dlcheck.text import Text, as_text, tr

notebook = NotebookSpec("week6/optimization",
                        helpers=("opt_utils", "opt_utils_v1a", "testCases", "public_tests", "test_utils"),
                        classic_names=("Optimization_methods",), seconds=120)
_ADDITION = tr("RMSProp and AdaGrad are this course's addition, which the classic course's notebook lacks: only this "
               "function's point is lost", "RMSProp와 AdaGrad는 이 코스에서 더한 과제이며 고전 코스의 노트북에는 "
               "없습니다. 이 함수의 점수만 잃습니다")
_FROM_2021 = tr("the course's notebooks have it from 2021 on (learning-rate decay); an older notebook lacks it: only "
                "this function's point is lost", "코스의 노트북에는 2021년부터 있습니다 (학습률 감쇠). 이전 노트북에는 "
                "없으며, 이 함수의 점수만 잃습니다")
update_parameters_with_gd = notebook.graded("update_parameters_with_gd", points=1)
random_mini_batches = notebook.graded("random_mini_batches", points=2)
initialize_velocity = notebook.graded("initialize_velocity", points=1)
update_parameters_with_momentum = notebook.graded("update_parameters_with_momentum", points=1)
initialize_rmsprop = notebook.graded("initialize_rmsprop", points=1, missing=_ADDITION)
update_parameters_with_rmsprop = notebook.graded("update_parameters_with_rmsprop", points=1, missing=_ADDITION)
initialize_adagrad = notebook.graded("initialize_adagrad", points=1, missing=_ADDITION)
update_parameters_with_adagrad = notebook.graded("update_parameters_with_adagrad", points=1, missing=_ADDITION)
initialize_adam = notebook.graded("initialize_adam", points=1)
update_parameters_with_adam = notebook.graded("update_parameters_with_adam", points=2,
                                              earlier_results=[3])  # (parameters, v, s) before 2021
update_lr = notebook.graded("update_lr", points=1, missing=_FROM_2021)
schedule_lr_decay = notebook.graded("schedule_lr_decay", points=1, missing=_FROM_2021)
#: The defaults of model's signature, which a call in the earlier signature fills in by name.
MODEL_DEFAULTS = {"learning_rate": 0.0007, "mini_batch_size": 64, "beta": 0.9, "beta1": 0.9, "beta2": 0.999,
                  "epsilon": 1e-8, "num_epochs": 5000, "print_cost": True}
model = notebook.graded("model", points=2, old_signatures=[OldSignature((
    "X", "Y", "layers_dims", "optimizer", *MODEL_DEFAULTS), fill={
        name: (lambda _, value=value: value) for name, value in MODEL_DEFAULTS.items()})])  # before 2021: no decay

#: Training accuracies on the moons after 5000 epochs, mini-batches of 64, network [2, 5, 2, 1]:
#: the classic course's figures, which this course's reference reproduces to the point
#: (measured: 215, 215, 283, 283, 286 and 282 of 300 points; RMSProp 283, AdaGrad 279).
MOONS = {"gd": 0.717, "momentum": 0.717, "adam": 0.943, "gd, schedule_lr_decay, 0.1": 0.943,
         "momentum, schedule_lr_decay, 0.1": 0.953, "adam, schedule_lr_decay, 0.01": 0.940,
         "rmsprop": 0.943, "adagrad, 0.01": 0.930}


# -- problems ------------------------------------------------------------------------------

def problem(dims: list[int], steps: int, seed: int) -> tuple[dict, list[dict]]:
    """``(parameters, [grads, ...])``: a network of layer sizes ``dims`` and the gradients of
    ``steps`` steps, of various sizes (some tiny, where epsilon matters)."""
    rng = np.random.default_rng(seed)
    params, grads_list = {}, []
    for l in range(1, len(dims)):
        params[f"W{l}"] = rng.normal(size=(dims[l], dims[l - 1]))
        params[f"b{l}"] = rng.normal(size=(dims[l], 1))
    for _ in range(steps):
        grads = {}
        for key, value in params.items():
            scale = 10.0 ** rng.uniform(-4, 0.5, size=value.shape)
            grads["d" + key] = rng.normal(size=value.shape) * scale
        grads_list.append(grads)
    return params, grads_list


def copied(d: dict) -> dict:
    return {k: np.array(v, dtype=float, copy=True) for k, v in d.items()}


def zeros_like(params: dict) -> dict:
    return {"d" + k: np.zeros(v.shape) for k, v in params.items()}


def grad_keys(params: dict) -> list[str]:
    return ["d" + k for k in params]


# -- the grader's own optimizers, with the usual slips (for hints and tests) --------------------

def step(kind: str, params: dict, grads: dict, state: tuple, hyper: dict, t: int = 1, slip: str = "") -> tuple:
    """One step of optimizer ``kind`` (``(parameters, *state)`` after it; Adam also returns
    the corrected averages), or of its ``slip``: "no (1-beta)", "beta swapped", "eps inside",
    "no correction", "t - 1", "t + 1", "gd sign"."""
    lr, eps = hyper.get("learning_rate", 0), hyper.get("epsilon", 1e-8)
    new, out = {}, [copied(s) for s in state]
    corrected = ({}, {})
    for key in params:
        g = grads["d" + key]
        if kind == "gd":
            new[key] = params[key] + lr * g if slip == "gd sign" else params[key] - lr * g
            continue
        if kind == "momentum":
            b = hyper["beta"]
            v = out[0]["d" + key]
            v = (b * v + g if slip == "no (1-beta)" else (1 - b) * v + b * g if slip == "beta swapped"
                 else b * v + (1 - b) * g)
            out[0]["d" + key] = v
            new[key] = params[key] - lr * v
            continue
        if kind in ("rmsprop", "adagrad"):
            s = out[0]["d" + key]
            if kind == "rmsprop":
                b2 = hyper["beta2"]
                s = ((1 - b2) * s + b2 * g**2 if slip == "beta swapped" else b2 * s + g**2 if slip == "no (1-beta)"
                     else b2 * s + (1 - b2) * g**2)
            else:
                s = s + g**2
            out[0]["d" + key] = s
            root = np.sqrt(s + eps) if slip == "eps inside" else np.sqrt(s) + eps
            new[key] = params[key] - lr * g / root
            continue
        b1, b2 = hyper["beta1"], hyper["beta2"]
        v, s = out[0]["d" + key], out[1]["d" + key]
        if slip == "beta swapped":
            v, s = b2 * v + (1 - b2) * g, b1 * s + (1 - b1) * g**2
        else:
            v, s = b1 * v + (1 - b1) * g, b2 * s + (1 - b2) * g**2
        tt = {"t - 1": t - 1, "t + 1": t + 1}.get(slip, t)
        with np.errstate(divide="ignore", invalid="ignore"):
            vc, sc = (v, s) if slip == "no correction" else (v / (1 - b1**tt), s / (1 - b2**tt))
            root = np.sqrt(sc + eps) if slip == "eps inside" else np.sqrt(sc) + eps
            new[key] = params[key] - lr * vc / root
        out[0]["d" + key], out[1]["d" + key] = v, s
        corrected[0]["d" + key], corrected[1]["d" + key] = vc, sc
    return (new, *out, *corrected) if kind == "adam" else (new, *out)


#: How each optimizer is called: the names of its state and of its hyperparameters, in order.
CALLS = {
    "gd": ((), ("learning_rate",)),
    "momentum": (("v",), ("beta", "learning_rate")),
    "rmsprop": (("s",), ("beta2", "learning_rate", "epsilon")),
    "adagrad": (("h",), ("learning_rate", "epsilon")),
    "adam": (("v", "s"), ("t", "learning_rate", "beta1", "beta2", "epsilon")),
}
#: The usual values (Adam's defaults, and beta = 0.9): a hint names one used for the argument.
DEFAULTS = {"beta": 0.9, "beta1": 0.9, "beta2": 0.999, "epsilon": 1e-8, "learning_rate": 0.01}


def _slip_texts(kind: str) -> dict[str, Text]:
    beta = {"momentum": "beta", "rmsprop": "beta2", "adam": "beta1 and beta2"}.get(kind, "beta")
    return {
        "gd sign": tr("the step goes uphill: W = W - learning_rate * dW, a minus.",
                      "걸음이 오르막으로 갑니다: W = W - learning_rate * dW (빼기)입니다."),
        "no (1-beta)": tr("the gradient is added without its factor (1 - {b}): the average is {b} * old + (1 - {b}) * "
                          "new.", "기울기에 (1 - {b})를 곱하지 않고 더했습니다: 평균은 {b} * 이전 + (1 - {b}) * 새 값입니다.",
                          b=beta.split()[0]),
        "beta swapped": tr("{b} weighs the wrong term: {b} multiplies the previous average, (1 - {b}) the new gradient"
                           "{extra}.", "{b} 값이 잘못된 항에 곱해졌습니다: {b} 값은 이전 평균에, (1 - {b}) 값은 새 기울기에 "
                           "곱합니다{extra}.", b=beta,
                           extra=" (beta1 for v, beta2 for s)" if kind == "adam" else ""),
        "eps inside": tr("epsilon is under the square root: it is added after it, sqrt(s) + epsilon.",
                         "epsilon이 제곱근 안에 있습니다: 제곱근 뒤에 더합니다, sqrt(s) + epsilon."),
        "no correction": tr("there is no bias correction: divide v by (1 - beta1**t) and s by (1 - beta2**t), and step "
                            "with the corrected values.", "편향 보정이 없습니다: v를 (1 - beta1**t)로, s를 (1 - beta2**t)로 "
                            "나누고, 보정된 값으로 갱신하세요."),
        "t - 1": tr("the bias correction uses t - 1: t counts the steps from 1, and the correction is 1 - beta**t with "
                    "the t given.", "편향 보정이 t - 1을 씁니다: t는 1부터 세며, 보정은 주어진 t로 1 - beta**t입니다."),
        "t + 1": tr("the bias correction uses t + 1: the caller has already counted this step; use 1 - beta**t with "
                    "the t given.", "편향 보정이 t + 1을 씁니다: 호출하는 쪽이 이번 단계를 이미 셌습니다. 주어진 t로 "
                    "1 - beta**t를 쓰세요."),
    }


def _value_ignored(name: str, passed: float) -> Text:
    return tr("these are the values of {name} = {d:g}, not of the {name} passed in ({v:g}): use the argument.",
              "{name} = {d:g}일 때의 값입니다. 전달된 {name} ({v:g})의 값이 아닙니다: 인자를 쓰세요.", name=name,
              d=DEFAULTS[name], v=passed)


def _results(t, kind: str, got, label: Text) -> tuple:
    """``(parameters, *state[, v_corrected, s_corrected])`` of the call's return value."""
    state_names, _ = CALLS[kind]
    if kind == "gd":
        return (got,)
    if kind == "adam" and isinstance(got, tuple) and len(got) == 3:
        note(tr("update_parameters_with_adam returns (parameters, v, s), as the course's notebooks before 2021 did "
                "(accepted; v_corrected and s_corrected are not checked); its later notebooks also return v_corrected "
                "and s_corrected.", "update_parameters_with_adam이 2021년 이전 코스 노트북처럼 (parameters, v, s)를 "
                "반환합니다 (인정하며, v_corrected와 s_corrected는 검사하지 않습니다). 이후 노트북은 v_corrected와 "
                "s_corrected도 반환합니다."), key="adam 3")
        return tuple(got)
    names = ", ".join(("parameters", *state_names, *(("v_corrected", "s_corrected") if kind == "adam" else ())))
    return unpack(got, 1 + len(state_names) + (2 if kind == "adam" else 0), label, names)


def expect_step(t, kind: str, args: tuple, hyper: dict, want: tuple, label: Text, step_t: int = 1) -> None:
    """The optimizer's answer on ``args`` must be ``want`` (state first, then the corrected
    averages, then the parameters), with the slips named by hints."""
    state_names, hyper_names = CALLS[kind]
    params, grads, state = args[0], args[1], tuple(args[2:2 + len(state_names)])
    got = _results(t, kind, t.call(*[copied(a) if isinstance(a, dict) else a for a in args]), label)
    texts = _slip_texts(kind)
    slips = {"gd": ["gd sign"], "momentum": ["no (1-beta)", "beta swapped"],
             "rmsprop": ["eps inside", "no (1-beta)", "beta swapped"], "adagrad": ["eps inside"],
             "adam": ["no correction", "t - 1", "t + 1", "eps inside", "beta swapped"]}[kind]
    wrong = {slip: step(kind, params, grads, state, hyper, step_t, slip) for slip in slips}
    ignored = {name: step(kind, params, grads, state, {**hyper, name: DEFAULTS[name]}, step_t)
               for name in hyper_names if name in DEFAULTS and not math.isclose(hyper[name], DEFAULTS[name])}
    names = [*state_names, *(("v_corrected", "s_corrected") if kind == "adam" else ())]
    order = [(1 + k, n) for k, n in enumerate(names)] + [(0, "parameters")]
    for index, name in order:
        if index >= len(got):
            continue
        keys = list(params) if name == "parameters" else grad_keys(params)
        got_dict = expect_keys(got[index], keys, tr("{name} returned by {label}", "{label}에서 반환된 {name}",
                                                     name=name, label=label))
        for key in keys:
            hints = [mistake(lambda w=w, i=index, key=key: w[i][key], texts[slip]) for slip, w in wrong.items()]
            hints += [mistake(lambda w=w, i=index, key=key: w[i][key], _value_ignored(n, hyper[n]))
                      for n, w in ignored.items()]
            if name != "parameters" and index <= len(state):
                hints.append(mistake(lambda i=index, key=key: state[i - 1][key], tr(
                    "{name} is the one passed in, unchanged: compute the new {name} and return it, for the next step.",
                    "{name} 값이 전달받은 그대로입니다: 새 {name} 값을 계산해서 반환해야 다음 단계에 쓸 수 있습니다.",
                    name=name)))
            if name == "parameters" and kind != "gd":
                hints.append(mistake(lambda key=key: params[key], tr(
                    "the parameters are not updated: W = W - learning_rate * (the step of the method).",
                    "파라미터가 갱신되지 않았습니다: W = W - learning_rate * (그 방법의 걸음).")))
            expect_array(got_dict[key], want[index][key], tr("{name}[\"{key}\"] of {label}", "{label}의 {name}[\"{key}\"]",
                                                            name=name, key=key, label=label),
                         rtol=1e-6, atol=1e-10, hints=hints)


def run_steps(t, kind: str, dims: list[int], steps: int, seed: int, hyper: dict, answer, label: Text,
              positional_defaults: bool = True) -> None:
    """``steps`` steps of ``kind`` from zero state; each call gets the state the right
    optimizer reached (``answer(key, *args)``: the reference's answer)."""
    params, grads_list = problem(dims, steps, seed)
    state_names, hyper_names = CALLS[kind]
    state = tuple(zeros_like(params) for _ in state_names)
    for k, grads in enumerate(grads_list, start=1):
        extra = tuple(k if n == "t" else hyper[n] for n in hyper_names)
        args = (params, grads, *state, *extra)
        want = answer(f"step{k}", *[copied(a) if isinstance(a, dict) else a for a in args])
        if kind == "gd":
            want = (want,)
        step_label = tr("step {k} of {label}", "{label}의 {k}번째 단계", k=k, label=label)
        expect_step(t, kind, args, hyper, want, step_label, step_t=k)
        params, state = want[0], tuple(want[1:1 + len(state_names)])


def _label(kind: str, fn: str, dims, hyper: dict) -> Text:
    shown = ", ".join(f"{k}={v:g}" for k, v in hyper.items())
    return tr("{fn} on layers {dims} ({shown})", "층 {dims}에서의 {fn} ({shown})", fn=fn, dims=dims, shown=shown)


# -- the public checks of the optimizers -----------------------------------------------------

_PUBLIC = {
    "gd": ({"learning_rate": 0.01},),
    "momentum": ({"beta": 0.9, "learning_rate": 0.01},),
    "rmsprop": ({"beta2": 0.999, "learning_rate": 0.01, "epsilon": 1e-8},),
    "adagrad": ({"learning_rate": 0.1, "epsilon": 1e-8},),
    "adam": ({"learning_rate": 0.01, "beta1": 0.9, "beta2": 0.999, "epsilon": 1e-8},),
}
_FUNCTIONS = {"gd": update_parameters_with_gd, "momentum": update_parameters_with_momentum,
              "rmsprop": update_parameters_with_rmsprop, "adagrad": update_parameters_with_adagrad,
              "adam": update_parameters_with_adam}


def _public_optimizer(kind: str) -> None:
    fn = _FUNCTIONS[kind]
    hyper = _PUBLIC[kind][0]

    @fn.public(f"3 steps on a network of layers [3, 2, 1] ({', '.join(f'{k}={v:g}' for k, v in hyper.items())})",
               f"층 [3, 2, 1]의 신경망에서 3단계 ({', '.join(f'{k}={v:g}' for k, v in hyper.items())})")
    def check_small(t):
        run_steps(t, kind, [3, 2, 1], 3, 1, hyper, lambda key, *a: t.expect(f"small_{key}", *a),
                  _label(kind, fn.name, [3, 2, 1], hyper))

    @fn.public("3 steps on a deeper network, layers [4, 5, 3, 1], other values of the arguments",
               "더 깊은 신경망 (층 [4, 5, 3, 1])에서 인자의 다른 값으로 3단계")
    def check_deep(t):
        other = {k: {"learning_rate": 0.05, "beta": 0.7, "beta1": 0.8, "beta2": 0.95, "epsilon": 1e-3}[k] for k in hyper}
        run_steps(t, kind, [4, 5, 3, 1], 3, 2, other, lambda key, *a: t.expect(f"deep_{key}", *a),
                  _label(kind, fn.name, [4, 5, 3, 1], other))


for _kind in _FUNCTIONS:
    _public_optimizer(_kind)


# -- the initializations -------------------------------------------------------------------------

def expect_zeros(got, params: dict, name: str, label: Text) -> None:
    """A dict with the gradients' keys, each zeros of its parameter's shape."""
    got = expect_keys(got, grad_keys(params), tr("{name} returned by {label}", "{label}에서 반환된 {name}",
                                                 name=name, label=label))
    extra = sorted(set(got) - set(grad_keys(params)), key=str)
    if extra:
        raise CheckFailed(tr("{name} returned by {label} has keys {extra} besides {keys}: only \"dW1\", \"db1\", ... "
                             "(one per parameter, named like its gradient).",
                             "{label}에서 반환된 {name}에 {keys} 말고도 키 {extra}가 있습니다: \"dW1\", \"db1\", ...만 "
                             "(파라미터마다 하나, 그 기울기 이름으로) 있어야 합니다.",
                             name=name, label=label, extra=extra, keys=grad_keys(params)))
    for key in grad_keys(params):
        expect_array(got[key], np.zeros(params[key[1:]].shape), tr("{name}[\"{key}\"] of {label}",
                                                                  "{label}의 {name}[\"{key}\"]", name=name, key=key,
                                                                  label=label),
                     shape_note=tr("= the shape of {p}", "= {p}의 shape", p=key[1:]))


def _initializer(fn, names: tuple[str, ...]) -> None:
    def check_on(t, dims, seed):
        params, _ = problem(dims, 0, seed)
        label = as_text(f"{fn.name}(parameters) (layers {dims})")
        got = t.call(copied(params))
        if len(names) == 1:
            expect_zeros(got, params, names[0], label)
            return
        got = unpack(got, 2, label, ", ".join(names))
        for name, value in zip(names, got, strict=True):
            expect_zeros(value, params, name, label)

    @fn.public("keys, shapes and zeros for layers [3, 2, 1] and [4, 5, 3, 1]",
               "층 [3, 2, 1]과 [4, 5, 3, 1]에서 키, shape, 0")
    def public_shapes(t):
        check_on(t, [3, 2, 1], 1)
        check_on(t, [4, 5, 3, 1], 2)

    ### BEGIN HIDDEN
    @fn.hidden("networks of 1 to 4 layers of random widths", "무작위 너비의 1~4층 신경망", inputs=_dims(), max_examples=6)
    def hidden_shapes(t, case):
        dims, seed = case
        check_on(t, dims, seed)
    ### END HIDDEN


### BEGIN HIDDEN
from hypothesis import strategies as st


@st.composite
def _dims(draw):
    """``(dims, seed)``: 1 to 4 layers of 1 to 6 units."""
    n = draw(st.integers(1, 4))
    return [draw(st.integers(1, 6)) for _ in range(n + 1)], draw(st.integers(0, 2**32 - 1))
### END HIDDEN

_initializer(initialize_velocity, ("v",))
_initializer(initialize_rmsprop, ("s",))
_initializer(initialize_adagrad, ("h",))
_initializer(initialize_adam, ("v", "s"))


### BEGIN HIDDEN
_VALUES = {"learning_rate": st.sampled_from([0.001, 0.0137, 0.05, 0.3]),
           "beta": st.sampled_from([0.5, 0.75, 0.93]), "beta1": st.sampled_from([0.6, 0.85, 0.95]),
           "beta2": st.sampled_from([0.9, 0.97, 0.9995]), "epsilon": st.sampled_from([1e-4, 1e-2, 0.3])}


def _hyper(kind: str):
    names = [n for n in CALLS[kind][1] if n != "t"]
    return st.fixed_dictionaries({n: _VALUES[n] for n in names})


def _hidden_optimizer(kind: str) -> None:
    fn = _FUNCTIONS[kind]

    @fn.hidden("4 steps on networks of 1 to 4 layers, with random values of the arguments",
               "1~4층 신경망에서 인자의 무작위 값으로 4단계", inputs=st.tuples(_dims(), _hyper(kind)), max_examples=6)
    def hidden_steps(t, case):
        (dims, seed), hyper = case
        run_steps(t, kind, dims, 4, seed, hyper, lambda key, *a: t.reference(*a), _label(kind, fn.name, dims, hyper))


for _kind in _FUNCTIONS:
    _hidden_optimizer(_kind)


@update_parameters_with_adam.hidden("the defaults of learning_rate, beta1, beta2 and epsilon, 3 steps",
                                    "learning_rate, beta1, beta2, epsilon의 기본값으로 3단계")
def adam_defaults(t):
    params, grads_list = problem([3, 4, 1], 3, 7)
    v, s = zeros_like(params), zeros_like(params)
    for k, grads in enumerate(grads_list, start=1):
        label = tr("update_parameters_with_adam(parameters, grads, v, s, t={k}) (the defaults)",
                   "update_parameters_with_adam(parameters, grads, v, s, t={k}) (기본값)", k=k)
        want = t.reference(copied(params), copied(grads), copied(v), copied(s), k)
        expect_step(t, "adam", (params, grads, v, s, k), {**DEFAULTS}, want, label, step_t=k)
        params, v, s = want[:3]
### END HIDDEN


# -- random_mini_batches ----------------------------------------------------------------------------

def batch_problem(n_x: int, m: int, seed: int) -> tuple[np.ndarray, np.ndarray]:
    """``X`` of shape (n_x, m) whose first row numbers the examples (0 to m-1) and ``Y`` of
    shape (1, m) with a value of its own per example, so a column tells where it came from."""
    rng = np.random.default_rng(seed)
    x = np.vstack([np.arange(m, dtype=float), rng.normal(size=(n_x - 1, m))])
    y = (rng.random((1, m)) < 0.5).astype(float) + np.arange(m) * 1e-3
    return x, y


def expect_batches(got, x: np.ndarray, y: np.ndarray, size: int, label: Text) -> np.ndarray:
    """The batches' properties; returns the order of the examples (the permutation)."""
    n_x, m = x.shape
    full, rest = divmod(m, size)
    count = full + (rest > 0)
    if not isinstance(got, (list, tuple)):
        raise CheckFailed(tr("{label} returned {kind}; expected a list of (mini_batch_X, mini_batch_Y) pairs.",
                             "{label}의 반환값이 {kind}입니다. (mini_batch_X, mini_batch_Y) 쌍의 리스트여야 "
                             "합니다.", label=label, kind=type(got).__name__))
    if len(got) != count:
        dropped = rest > 0 and len(got) == full
        raise CheckFailed(tr("{label} returned {n} mini-batches; with m = {m} and mini_batch_size = {s}, expected {c} "
                             "({f} of {s} examples{r}).{hint}",
                             "{label}에서 미니배치 {n}개가 반환되었습니다. m = {m}, mini_batch_size = {s}이면 {c}개여야 "
                             "합니다 (예제 {s}개짜리 {f}개{rk}).{hintk}",
                             label=label, n=len(got), m=m, s=size, c=count, f=full,
                             r=f" and a last one of {rest}" if rest else "", rk=f", 마지막은 {rest}개" if rest else "",
                             hint=" Hint: the last, smaller mini-batch is missing: keep the examples left after the "
                                  "full batches." if dropped else "",
                             hintk=" 힌트: 마지막의 더 작은 미니배치가 없습니다: 가득 찬 배치 뒤에 남은 예제도 "
                                   "담으세요." if dropped else ""))
    order = []
    for k, batch in enumerate(got):
        where = tr("mini-batch {k} of {label}", "{label}의 {k}번째 미니배치", k=k, label=label)
        bx, by = unpack(batch, 2, where, "mini_batch_X, mini_batch_Y")
        n = size if k < full else rest
        expect_array_shape(bx, (n_x, n), tr("mini_batch_X of {w}", "{w}의 mini_batch_X", w=where))
        expect_array_shape(by, (1, n), tr("mini_batch_Y of {w}", "{w}의 mini_batch_Y", w=where))
        index = np.asarray(bx[0], dtype=float)
        whole = np.rint(index).astype(int)
        if not np.allclose(index, whole) or np.any(whole < 0) or np.any(whole >= m) or not np.array_equal(
                bx, x[:, whole]):
            raise CheckFailed(tr("the columns of mini_batch_X of {w} are not columns of X: shuffle whole columns, "
                                 "X[:, permutation].", "{w}의 mini_batch_X의 열이 X의 열이 아닙니다: 열 전체를 섞으세요, "
                                 "X[:, permutation].", w=where))
        if not np.array_equal(by, y[:, whole]):
            raise CheckFailed(tr("mini_batch_Y of {w} does not hold the labels of its examples in mini_batch_X: shuffle "
                                 "X and Y with the same permutation, X[:, permutation] and Y[:, permutation].",
                                 "{w}의 mini_batch_Y가 mini_batch_X의 예제들의 레이블이 아닙니다: X와 Y를 같은 순열로 "
                                 "섞으세요, X[:, permutation]과 Y[:, permutation].", w=where))
        order.extend(whole.tolist())
    if sorted(order) != list(range(m)):
        raise CheckFailed(tr("the mini-batches of {label} do not hold every example exactly once: draw one permutation "
                             "of all m examples (np.random.permutation(m)) and cut it.",
                             "{label}의 미니배치들이 모든 예제를 정확히 한 번씩 담지 않습니다: m개 예제 전체의 순열 하나를 "
                             "뽑고 (np.random.permutation(m)) 자르세요.", label=label))
    if m >= 20 and order == list(range(m)):
        raise CheckFailed(tr("the mini-batches of {label} keep the examples in their order: shuffle them first "
                             "(np.random.permutation(m)).", "{label}의 미니배치들이 예제를 원래 순서대로 담습니다: 먼저 "
                             "섞으세요 (np.random.permutation(m)).", label=label))
    return np.array(order)


def expect_array_shape(got, shape: tuple, name: Text) -> None:
    if not isinstance(got, np.ndarray) or got.shape != shape:
        raise CheckFailed(tr("{name} has shape {got}; expected {want}.", "{name}의 shape이 {got}입니다. {want}이어야 "
                             "합니다.", name=name, got=getattr(got, "shape", type(got).__name__), want=shape))


@random_mini_batches.public("m = 148, mini_batch_size = 64, seed = 0: two full batches and one of 20, the classic "
                           "permutation", "m = 148, mini_batch_size = 64, seed = 0: 가득 찬 배치 두 개와 20개짜리 하나, "
                           "고전 코스의 순열")
def batches_classic(t):
    x, y = batch_problem(3, 148, 1)
    label = as_text("random_mini_batches(X, Y, mini_batch_size=64, seed=0) (m = 148)")
    order = expect_batches(t.call(x, y, 64, 0), x, y, 64, label)
    want = expect_batches(t.expect("m148", x, y, 64, 0), x, y, 64, label)
    if not np.array_equal(order, want):
        note(tr("random_mini_batches shuffles with another permutation than np.random.seed(seed); "
                "np.random.permutation(m) (accepted: any permutation is right; the batches printed in the notebook "
                "will differ from the ones shown).", "random_mini_batches가 np.random.seed(seed); "
                "np.random.permutation(m)과 다른 순열로 섞습니다 (어떤 순열이든 맞으므로 인정합니다. 노트북에 출력되는 "
                "배치는 보이는 것과 다릅니다)."))


@random_mini_batches.public("m = 10, mini_batch_size = 4 and 5; m = 3 with mini_batch_size = 64 (one batch of 3)",
                           "m = 10, mini_batch_size = 4와 5, m = 3과 mini_batch_size = 64 (3개짜리 배치 하나)")
def batches_small(t):
    for m, size in ((10, 4), (10, 5), (3, 64)):
        x, y = batch_problem(2, m, m + size)
        expect_batches(t.call(x, y, size, 1), x, y, size,
                       as_text(f"random_mini_batches(X, Y, mini_batch_size={size}, seed=1) (m = {m})"))


### BEGIN HIDDEN
@random_mini_batches.hidden("random sizes of the data and of the batches, and seeds", "데이터와 배치의 무작위 크기, 시드",
                            inputs=st.tuples(st.integers(1, 5), st.integers(1, 300), st.sampled_from([1, 2, 8, 16, 32,
                                                                                                      64, 128, 512]),
                                             st.integers(0, 10000)), max_examples=10)
def batches_random(t, case):
    n_x, m, size, seed = case
    x, y = batch_problem(n_x, m, seed)
    expect_batches(t.call(x, y, size, seed), x, y, size,
                   tr("random_mini_batches with n_x = {n}, m = {m}, mini_batch_size = {s}",
                      "n_x = {n}, m = {m}, mini_batch_size = {s}인 random_mini_batches", n=n_x, m=m, s=size))


@random_mini_batches.hidden("the default mini_batch_size (64) and seed (0)", "기본값 mini_batch_size (64)와 seed (0)")
def batches_defaults(t):
    x, y = batch_problem(2, 200, 3)
    expect_batches(t.call(x, y), x, y, 64, as_text("random_mini_batches(X, Y) (m = 200)"))
### END HIDDEN


# -- learning-rate decay ----------------------------------------------------------------------------

def _decay_hints(lr0: float, epoch: int, rate: float, interval: int | None) -> list:
    hints = []
    if interval is not None:
        every = lr0 / (1 + rate * epoch)
        unfloored = lr0 / (1 + rate * epoch / interval)
        hints += [lambda g, w: tr("this is update_lr's rate, decayed every epoch: decay once every time_interval "
                                  "epochs, np.floor(epoch_num / time_interval).",
                                  "update_lr의 학습률, 즉 에포크마다 감쇠한 값입니다: time_interval 에포크마다 한 번 "
                                  "감쇠하세요, np.floor(epoch_num / time_interval).")
                  if np.isclose(float(g), every) else None,
                  lambda g, w: tr("epoch_num / time_interval is not rounded down: np.floor(epoch_num / time_interval).",
                                  "epoch_num / time_interval을 내림하지 않았습니다: np.floor(epoch_num / time_interval).")
                  if np.isclose(float(g), unfloored) else None]
    hints.append(lambda g, w: tr("the rate is multiplied by (1 + decay_rate * ...) instead of divided by it.",
                                 "학습률을 (1 + decay_rate * ...)로 나누지 않고 곱했습니다.")
                 if np.isclose(float(g), lr0 * lr0 / float(w)) else None)
    return hints


def check_decay(t, fn: str, args: tuple, want: float) -> None:
    lr0, epoch, rate, *interval = args
    label = f"{fn}({', '.join(repr(a) for a in args)})"
    expect_scalar(t.call(*args), want, label, rtol=1e-9, atol=1e-15,
                  hints=_decay_hints(lr0, epoch, rate, interval[0] if interval else (1000 if fn == "schedule_lr_decay"
                                                                                      else None)))


@update_lr.public("update_lr(0.5, 2, 1), update_lr(0.3, 10, 0.1) and update_lr(0.01, 0, 2)",
                  "update_lr(0.5, 2, 1), update_lr(0.3, 10, 0.1), update_lr(0.01, 0, 2)")
def update_lr_examples(t):
    for args in ((0.5, 2, 1), (0.3, 10, 0.1), (0.01, 0, 2)):
        check_decay(t, "update_lr", args, t.expect(f"lr{args}", *args))


@schedule_lr_decay.public("schedule_lr_decay at epochs 100, 1000, 2500 with the default time_interval, and with "
                          "time_interval = 100", "기본 time_interval과 time_interval = 100으로 에포크 100, 1000, 2500에서의 "
                          "schedule_lr_decay")
def schedule_examples(t):
    for args in ((0.5, 100, 0.3), (0.5, 1000, 0.3), (0.3, 2500, 1), (0.3, 250, 0.5, 100)):
        check_decay(t, "schedule_lr_decay", args, t.expect(f"lr{args}", *args))


### BEGIN HIDDEN
_DECAY = st.tuples(st.sampled_from([0.0007, 0.01, 0.1, 0.5]), st.integers(0, 9999),
                   st.sampled_from([0.1, 0.3, 1, 2.5]), st.sampled_from([7, 100, 500, 1000]))


@update_lr.hidden("random rates, epochs and decay rates", "무작위 학습률, 에포크, 감쇠율", inputs=_DECAY, max_examples=10)
def update_lr_random(t, case):
    check_decay(t, "update_lr", case[:3], t.reference(*case[:3]))


@schedule_lr_decay.hidden("random rates, epochs, decay rates and intervals", "무작위 학습률, 에포크, 감쇠율, 간격",
                          inputs=_DECAY, max_examples=10)
def schedule_random(t, case):
    check_decay(t, "schedule_lr_decay", case, t.reference(*case))
### END HIDDEN


# -- model --------------------------------------------------------------------------------------------

CLASSIC_KINDS = ("gd", "momentum", "adam")
KINDS = ("gd", "momentum", "rmsprop", "adagrad", "adam")
MODEL_KEYS = ("W1", "b1", "W2", "b2", "W3", "b3")


def moons(n: int, seed: int) -> tuple[np.ndarray, np.ndarray]:
    """``n`` points of two moons (noise 0.2) from their own generator: X (2, n), Y (1, n)."""
    from dldata.moons import make_moons

    x, y = make_moons(n, noise=0.2, random_state=np.random.RandomState(seed))
    return x.T, y.reshape(1, -1).astype(float)


def _kinds(t) -> tuple[str, ...]:
    if t.classic:
        note(tr("model is checked with \"gd\", \"momentum\" and \"adam\", the optimizers the classic course's model "
                "knows (this course's also trains with \"rmsprop\" and \"adagrad\").",
                "model은 고전 코스의 model이 아는 \"gd\", \"momentum\", \"adam\"으로 검사합니다 (이 코스의 model은 "
                "\"rmsprop\"과 \"adagrad\"로도 학습합니다)."), key="classic kinds")
        return CLASSIC_KINDS
    return KINDS


def check_model(t, got, want: dict, kind: str, label: Text | str) -> None:
    params = expect_keys(got, MODEL_KEYS, label)
    label = as_text(label)
    if kind == "adam" and any(isinstance(v, np.ndarray) and not np.all(np.isfinite(v)) for v in params.values()):
        raise CheckFailed(tr("the parameters of {label} are nan or inf: Adam's step count t must be 1 at the first "
                             "step (1 - beta1**0 is 0); increment t before each call of update_parameters_with_adam.",
                             "{label}의 파라미터가 nan 또는 inf입니다: Adam의 단계 수 t는 첫 단계에서 1이어야 합니다 "
                             "(1 - beta1**0은 0). update_parameters_with_adam을 부르기 전마다 t를 1 늘리세요.",
                             label=label))
    for key in MODEL_KEYS:
        expect_array(params[key], want[key], tr("{key} of {label}", "{label}의 {key}", key=key, label=label),
                     rtol=1e-5, atol=1e-8, hints=[lambda g, w: tr(
                         "the parameters differ from the reference's model trained the same way: before the loop, "
                         "initialize the state of optimizer \"{kind}\"; after each mini-batch's backward pass, update "
                         "with its function and the arguments of model (learning_rate, beta, beta1, beta2, epsilon; "
                         "Adam's t incremented before each step).",
                         "같은 방식으로 학습한 참조 구현의 모델과 파라미터가 다릅니다: 반복 전에 최적화 방법 \"{kind}\"의 "
                         "상태를 초기화하고, 각 미니배치의 역전파 다음에 그 함수와 model의 인자 (learning_rate, beta, "
                         "beta1, beta2, epsilon, 각 단계 전에 1 늘린 Adam의 t)로 갱신하세요.", kind=kind)])


_SMALL = dict(learning_rate=0.01, mini_batch_size=16, num_epochs=3, print_cost=False)


@model.public("each optimizer, 3 epochs on 40 points of two moons, mini-batches of 16, learning_rate=0.01",
              "최적화 방법마다 두 달 모양의 점 40개에서 3 에포크, 크기 16의 미니배치, learning_rate=0.01")
def model_each_optimizer(t):
    x, y = moons(40, 1)
    for kind in _kinds(t):
        want = t.expect(f"small_{kind}", x, y, [2, 5, 2, 1], kind, **_SMALL)
        check_model(t, t.call(x, y, [2, 5, 2, 1], kind, **_SMALL), want, kind,
                    f"model(X, Y, [2, 5, 2, 1], \"{kind}\", learning_rate=0.01, mini_batch_size=16, num_epochs=3)")


@model.public("the defaults (learning_rate=0.0007, mini-batches of 64, beta=0.9, beta1=0.9, beta2=0.999), 2 epochs "
              "on 150 points", "점 150개에서 기본값 (learning_rate=0.0007, 크기 64의 미니배치, beta=0.9, beta1=0.9, "
              "beta2=0.999)으로 2 에포크")
def model_defaults(t):
    x, y = moons(150, 2)
    for kind in _kinds(t):
        want = t.expect(f"defaults_{kind}", x, y, [2, 5, 2, 1], kind, num_epochs=2, print_cost=False)
        check_model(t, t.call(x, y, [2, 5, 2, 1], kind, num_epochs=2, print_cost=False), want, kind,
                    f"model(X, Y, [2, 5, 2, 1], \"{kind}\", num_epochs=2)")


### BEGIN HIDDEN
@st.composite
def _model_problems(draw):
    m = draw(st.integers(5, 90))
    return (m, draw(st.integers(0, 2**31 - 1)), draw(st.sampled_from([4, 16, 32, 64])),
            draw(st.sampled_from([0.001, 0.02, 0.1])), draw(st.sampled_from([1, 2, 4])),
            draw(st.sampled_from([0.5, 0.8, 0.95])), draw(st.sampled_from([0.8, 0.9])),
            draw(st.sampled_from([0.99, 0.9999])), draw(st.sampled_from([1e-8, 1e-3])))


@model.hidden("random problems, optimizers, batch sizes and arguments", "무작위 문제, 최적화 방법, 배치 크기, 인자",
              inputs=_model_problems(), max_examples=4)
def model_random(t, case):
    m, seed, size, lr, epochs, beta, beta1, beta2, eps = case
    x, y = moons(m, seed)
    dims = [2, 4, 3, 1]
    for kind in _kinds(t):
        kwargs = dict(learning_rate=lr, mini_batch_size=size, beta=beta, beta1=beta1, beta2=beta2, epsilon=eps,
                      num_epochs=epochs, print_cost=False)
        check_model(t, t.call(x, y, dims, kind, **kwargs), t.reference(x, y, dims, kind, **kwargs), kind,
                    tr("model with m = {m}, layers {d}, \"{kind}\", {args}", "m = {m}, 층 {d}, \"{kind}\", {args}인 "
                       "model", m=m, d=dims, kind=kind, args=", ".join(f"{k}={v:g}" for k, v in kwargs.items())))


@model.hidden("all 5000 epochs of Adam, with the default arguments, on 8 points (one mini-batch)",
              "점 8개 (미니배치 하나)에서 기본 인자로 Adam 5000 에포크 전부")
def model_full(t):
    x, y = moons(8, 5)
    for kind in ("adam",):
        got = t.call(x, y, [2, 5, 2, 1], kind, num_epochs=5000, print_cost=False)
        check_model(t, got, t.reference(x, y, [2, 5, 2, 1], kind, num_epochs=5000, print_cost=False), kind,
                    f"model(X, Y, [2, 5, 2, 1], \"{kind}\", num_epochs=5000) (8 points)")
### END HIDDEN
