"""Helpers of the week-4 application notebook: the cat / non-cat data, and YOUR functions.

``from dnn_app_utils import *`` gives the application notebook:

- the functions you wrote in ``deep_network_step_by_step.ipynb`` (this folder), read from
  that notebook the way the grader reads it: its imports, functions and constants only,
  never its other cells (save the notebook after editing it, then restart this kernel);
- ``load_data()``, the cat / non-cat pictures (found and verified by ``dldata``);
- ``step_by_step_status()``, which says whether those functions are all finished.

This module is given, not graded.
"""

from __future__ import annotations

import functools
from pathlib import Path

from dlcheck.extract import SubmissionError, read_submission
from dlcheck.text import tr
from dldata.catvnoncat import load_dataset

STEP_BY_STEP = "deep_network_step_by_step"

#: The functions of the step-by-step notebook that the application uses.
STEP_FUNCTIONS = ("initialize_parameters", "initialize_parameters_deep", "linear_forward", "linear_activation_forward",
                  "L_model_forward", "compute_cost", "linear_backward", "linear_activation_backward",
                  "L_model_backward", "update_parameters")

__all__ = ["load_data", "step_by_step_status", *STEP_FUNCTIONS]

_FOLDER = Path(__file__).resolve().parent


def load_data():
    """The cat / non-cat pictures, as the course's ``load_data()`` returns them.

    Returns
    -------
    train_x_orig : numpy array of shape (209, 64, 64, 3), uint8
    train_y : numpy array of shape (1, 209), labels 1 = cat
    test_x_orig : numpy array of shape (50, 64, 64, 3), uint8
    test_y : numpy array of shape (1, 50)
    classes : numpy array of shape (2,), [b"non-cat", b"cat"]
    """
    return load_dataset()


def _notebook() -> Path | None:
    """The step-by-step notebook of this folder: the English or the Korean edition,
    whichever was saved last."""
    found = [p for p in (_FOLDER / f"{STEP_BY_STEP}.ipynb", _FOLDER / f"{STEP_BY_STEP}.ko.ipynb") if p.is_file()]
    return max(found, key=lambda p: p.stat().st_mtime) if found else None


def _load(path: Path | None) -> tuple[dict, str]:
    """The namespace made by the notebook's kept statements, and why it is empty if it is."""
    namespace: dict = {"__name__": STEP_BY_STEP}
    if path is None:
        return namespace, str(tr("{nb}.ipynb is not in {folder}", "{folder}에 {nb}.ipynb가 없습니다",
                                 nb=STEP_BY_STEP, folder=_FOLDER))
    try:
        submission = read_submission(path, prefix="step-by-step cell", own=False)
    except SubmissionError as exc:
        return namespace, str(exc.text)
    for filename, source in submission.statements:
        try:
            exec(compile(source, filename, "exec"), namespace)
        except Exception:  # noqa: BLE001 - as in the grader, a failing top-level line is skipped
            continue
    return namespace, ""


def _finish_first(name: str, fn):
    """``fn``, whose NotImplementedError says which notebook to finish."""
    @functools.wraps(fn)
    def call(*args, **kwargs):
        try:
            return fn(*args, **kwargs)
        except NotImplementedError as exc:
            raise NotImplementedError(str(tr(
                "{error} (in {nb}.ipynb): finish that notebook first, save it, and restart this kernel",
                "{error} ({nb}.ipynb 안): 그 노트북을 먼저 완성해 저장한 뒤, 이 노트북의 커널을 다시 시작하세요",
                error=str(exc), nb=STEP_BY_STEP))) from None
    return call


def _missing(name: str, why: str):
    def call(*args, **kwargs):
        raise NameError(str(tr("{fn} is not defined: {why}. This notebook uses your {fn} from {nb}.ipynb.",
                               "{fn} 함수가 정의되어 있지 않습니다: {why}. 이 노트북은 {nb}.ipynb에 있는 여러분의 {fn} 함수를 "
                               "사용합니다.", fn=name, why=why, nb=STEP_BY_STEP)))
    call.__name__ = name
    return call


def _unfinished(fn) -> bool:
    """Whether ``fn``'s own code still raises NotImplementedError (an untouched stub)."""
    return "NotImplementedError" in getattr(getattr(fn, "__code__", None), "co_names", ())


_PATH = _notebook()
_NAMESPACE, _WHY = _load(_PATH)
_STATUS = {}
for _name in STEP_FUNCTIONS:
    _fn = _NAMESPACE.get(_name)
    if callable(_fn):
        globals()[_name] = _finish_first(_name, _fn)
        _STATUS[_name] = "unfinished" if _unfinished(_fn) else "ok"
    else:
        globals()[_name] = _missing(_name, _WHY or str(tr("{nb}.ipynb does not define it",
                                                          "{nb}.ipynb에 정의되어 있지 않습니다", nb=STEP_BY_STEP)))
        _STATUS[_name] = "missing"


def step_by_step_status() -> None:
    """Print where the step-by-step functions come from; raise RuntimeError, naming them,
    if some are missing or still raise NotImplementedError."""
    todo = [name for name, state in _STATUS.items() if state != "ok"]
    if todo:
        raise RuntimeError(str(tr(
            "finish {nb}.ipynb first: {names} {are} not finished there ({why}). Save it, then restart this kernel.",
            "먼저 {nb}.ipynb를 완성하세요: {names} 함수가 아직 완성되지 않았습니다 ({why}). 저장한 뒤 이 노트북의 커널을 "
            "다시 시작하세요.", nb=STEP_BY_STEP, names=", ".join(todo), are="is" if len(todo) == 1 else "are",
            why=_WHY or str(tr("they still raise NotImplementedError or are not defined",
                               "아직 NotImplementedError를 발생시키거나 정의되어 있지 않습니다")))))
    print(tr("Your {n} step-by-step functions are loaded from {file}.",
             "{file}에서 여러분의 step-by-step 함수 {n}개를 불러왔습니다.", n=len(_STATUS), file=_PATH.name))
