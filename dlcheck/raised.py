"""The verdict for a function that raised during a check: what it raised, where, and a
hint when the exception is one beginners meet, in words true of the code handed in.

What is known of that code (:class:`~dlcheck.written.Written`) and of the stub it
replaces (:class:`~dlcheck.written.Stub`) decides the words: a template left unfinished is
"not written yet" (never "variables made by running other cells"), a module not imported
is to be imported, a call that the learner's signature refuses names the signature
change, and an example refers only to the function's own arguments.
"""

from __future__ import annotations

import re

from .checks import StudentRaised
from .text import Text, as_text, tr
from .written import Stub, Written, unfinished

#: Modules notebooks use, by the name code refers to them, with the line that imports them.
MODULES = {"np": "import numpy as np", "numpy": "import numpy as np", "math": "import math", "copy": "import copy",
           "time": "import time", "plt": "import matplotlib.pyplot as plt", "matplotlib": "import matplotlib",
           "h5py": "import h5py", "scipy": "import scipy"}

_NAME_ERROR = re.compile(r"name '(\w+)' is not defined")
_UNBOUND = re.compile(r"local variable '(\w+)'")  # "cannot access local variable 'x' ..." (3.11), "... referenced before" (3.10)
_RAISED_IN = re.compile(r"line \d+, in (\w+)")
#: A TypeError raised by the call itself, before the function's first line ran.
_CALL_REFUSED = re.compile(r"^\w+\(\) (missing \d+ required|got an unexpected keyword|got multiple values|takes \d+)")
_QUOTED = re.compile(r"'(\w+)'")

_GRADED_ONLY = tr("when a function is graded, only the notebook's imports, functions and constants exist",
                  "채점할 때는 노트북의 import, 함수, 상수만 존재합니다")


def raised_message(function: str, description: Text, exc: StudentRaised, written: Written | None = None,
                   stub: Stub | None = None) -> Text:
    """The verdict for ``function`` (as graded, or ``written.name``) that raised ``exc``
    during the check ``description``."""
    raiser = _RAISED_IN.search(exc.where)
    own = {function, *([written.name] if written else [])}
    if exc.type_name == "NotImplementedError" and raiser and raiser.group(1) not in own:
        return tr("{fn}: {check}: {stub}, which {fn} calls, is not implemented yet (it raises NotImplementedError). "
                  "Hint: implement {stub} first.",
                  "{fn}: {check}: {fn} 함수가 호출하는 {stub} 함수가 아직 구현되지 않았습니다 (NotImplementedError 발생). "
                  "힌트: {stub}부터 구현하세요.", fn=function, check=description, stub=raiser.group(1))
    if exc.type_name == "NotImplementedError":
        return tr("{fn} is not implemented yet (it raises NotImplementedError). "
                  "Hint: replace the `raise NotImplementedError` line in {fn} with your code.",
                  "{fn} 함수가 아직 구현되지 않았습니다 (NotImplementedError 발생). "
                  "힌트: {fn} 안의 `raise NotImplementedError` 줄을 여러분의 코드로 바꾸세요.", fn=function)
    if exc.type_name == "TypeError" and not exc.where and _CALL_REFUSED.match(exc.message):
        return _refused_call(function, description, exc, written, stub)
    raised = tr("it raised {kind}{at}: {message}", "{kind} 예외가 발생했습니다{at}: {message}", kind=exc.type_name,
                at=tr(" at {w}", " (위치 {w})", w=as_text(exc.where)) if exc.where else "", message=exc.message)
    if raiser is not None and raiser.group(1) in own:
        not_written = _not_written(function, description, exc, raised, written, stub)
        if not_written is not None:
            return not_written
    text = tr("{fn}: {check}: {raised}", "{fn}: {check}: {raised}", fn=function, check=description, raised=raised)
    # A hint speaks of the function the line that raised is in (a helper of the learner's, maybe).
    in_own = raiser is None or raiser.group(1) in own
    hint = _hint(function if in_own else raiser.group(1), exc, written if in_own else None)
    return text if hint is None else text + tr(". Hint: {hint}", ". 힌트: {hint}", hint=hint)


def _missing_name(exc: StudentRaised) -> str | None:
    """The name a NameError or an UnboundLocalError is about."""
    pattern = {"NameError": _NAME_ERROR, "UnboundLocalError": _UNBOUND}.get(exc.type_name)
    match = pattern.search(exc.message) if pattern else None
    return match.group(1) if match else None


def _none_error(exc: StudentRaised) -> bool:
    """A value that is None where an array was needed: ``None.shape``, ``None * 2``, ..."""
    return exc.type_name in ("TypeError", "AttributeError") and "NoneType" in exc.message


def _placeholders(placeholders: tuple[str, ...]) -> Text:
    """"placeholder `pass`", "placeholders `W1 = None`, `b1 = None`, ..." (three at most)."""
    shown = ", ".join(f"`{p}`" for p in placeholders[:3]) + (", ..." if len(placeholders) > 3 else "")
    return tr("placeholder{s} {shown}", "{shown} 자리 표시자", s="s" if len(placeholders) > 1 else "", shown=shown)


def _not_written(function: str, description: Text, exc: StudentRaised, raised: Text, written: Written | None,
                 stub: Stub | None) -> Text | None:
    """"{fn} is not written yet: ..." when ``exc`` comes from an unfinished template (see
    :func:`dlcheck.written.unfinished`), else None."""
    placeholders = unfinished(written, stub)
    name = _missing_name(exc)
    if placeholders is None or written is None:
        return None
    if name is not None and name not in MODULES and f"{name}(" not in exc.where and name not in written.computed:
        what = (tr("it never computes {name}, and it still has the template's {left}",
                   "{name} 값을 계산하지 않고, 템플릿의 {left}가 그대로 있습니다",
                   name=name, left=_placeholders(placeholders)) if placeholders else
                tr("it never computes {name}", "{name} 값을 계산하지 않습니다", name=name))
        hint = tr("write the code that computes {name} in {fn} (if you computed it under another name, use that name).",
                  "{fn} 안에서 {name} 값을 계산하는 코드를 쓰세요 (다른 이름으로 계산했다면 그 이름을 쓰세요).",
                  name=name, fn=function)
    elif _none_error(exc) and written.none_placeholders:
        what = tr("it still has the template's {left}, so a value is still None",
                  "템플릿의 {left}가 그대로 있어서 아직 None인 값이 있습니다", left=_placeholders(written.none_placeholders))
        hint = tr("replace each placeholder with your code.", "각 자리 표시자를 여러분의 코드로 바꾸세요.")
    else:
        return None
    return tr("{fn} is not written yet: {what}. {fn}: {check}: {raised}. Hint: {hint}",
              "{fn} 함수가 아직 작성되지 않았습니다: {what}. {fn}: {check}: {raised}. 힌트: {hint}",
              fn=function, what=what, check=description, raised=raised, hint=hint)


def not_written_note(function: str, written: Written | None, stub: Stub | None) -> Text | None:
    """What precedes a failed check's message when the function is an unfinished template
    with placeholders left in it (None otherwise)."""
    placeholders = unfinished(written, stub)
    if not placeholders:
        return None
    return tr("{fn} is not written yet: it still has the template's {left}; replace {them} with your code. ",
              "{fn} 함수가 아직 작성되지 않았습니다: 템플릿의 {left}가 그대로 있습니다. 여러분의 코드로 바꾸세요. ",
              fn=function, left=_placeholders(placeholders), them="them" if len(placeholders) > 1 else "it")


def _arguments(written: Written | None) -> Text:
    """" (X, Y; for example from X.shape)": the function's own arguments, for an example."""
    if written is None or not written.params:
        return tr("", "")
    params = ", ".join(written.params)
    if "X" in written.params:
        return tr(" ({params}; for example from X.shape)", " ({params}; 예: X.shape)", params=params)
    return tr(" ({params})", " ({params})", params=params)


def _hint(function: str, exc: StudentRaised, written: Written | None) -> Text | None:
    """A hint for an exception beginners meet, or None."""
    name = _missing_name(exc)
    if exc.type_name in ("SystemExit", "KeyboardInterrupt"):
        return tr("a graded function must return a value, not stop the program.",
                  "채점되는 함수는 프로그램을 멈추지 말고 값을 반환해야 합니다.")
    if _none_error(exc) and written is None:
        return tr("{fn} looks unfinished: a value is still None, as in the template's `... = None` lines. "
                  "Replace each None with your code.",
                  "{fn} 함수가 아직 완성되지 않은 것 같습니다: 템플릿의 `... = None`처럼 아직 None인 값이 있습니다. "
                  "각 None을 여러분의 코드로 바꾸세요.", fn=function)
    if _none_error(exc):
        return tr("a value is None where a number or an array is needed: check that each value is computed, and that "
                  "each function {fn} calls returns its result (a function that ends without `return` returns None).",
                  "숫자나 배열이 필요한 곳에 None인 값이 있습니다: 각 값이 계산되는지, 그리고 {fn} 함수가 호출하는 각 함수가 "
                  "결과를 반환하는지 확인하세요 (`return` 없이 끝나는 함수는 None을 반환합니다).", fn=function)
    if exc.type_name == "NameError" and name in MODULES:
        return tr("{name} is a module, and the notebook does not import it: add `{line}` where the notebook imports its "
                  "modules (its first code cell) and run that cell; {graded}.",
                  "{name} 모듈을 노트북이 import하지 않습니다: 노트북이 모듈을 import하는 곳(첫 코드 셀)에 "
                  "`{line}` 줄을 추가하고 그 셀을 실행하세요. {graded}.", name=name, line=MODULES[name],
                  graded=_GRADED_ONLY)
    if exc.type_name == "NameError" and name and f"{name}(" in exc.where:
        return tr("{name} is called but not defined: define it in a code cell of the notebook ({graded}).",
                  "{name} 함수를 호출하지만 정의되어 있지 않습니다: 노트북의 코드 셀에 정의하세요 ({graded}).",
                  name=name, graded=_GRADED_ONLY)
    if exc.type_name == "NameError" and name:
        return tr("{fn} never computes {name}, which this line uses: compute {name} in {fn} from its arguments{args}; "
                  "{graded}, not the variables made by running other cells. If {name} is a typo, fix the name.",
                  "{fn} 함수는 {name} 값을 계산하지 않는데, 이 줄에서 {name} 값을 씁니다: {fn} 안에서 인자{args}로부터 "
                  "{name} 값을 계산하세요. {graded}. 다른 셀을 실행해서 만든 변수는 없습니다. 오타라면 이름을 고치세요.",
                  fn=function, name=name, args=_arguments(written), graded=_GRADED_ONLY)
    if exc.type_name == "UnboundLocalError" and name and written is not None and name in written.computed:
        return tr("{name} is assigned in {fn}, but not before this line runs: only in a branch (an if) that did not "
                  "run, or further down?",
                  "{name} 변수는 {fn} 안에서 값을 받지만, 이 줄이 실행되기 전에는 아닙니다: 실행되지 않은 분기(if) 안에서만, "
                  "또는 더 아래에서 값을 받지 않나요?", name=name, fn=function)
    if exc.type_name == "UnboundLocalError" and name:
        return tr("{fn} never computes {name} before this line uses it: compute it first.",
                  "{fn} 함수는 이 줄에서 {name} 값을 쓰기 전에 계산하지 않습니다: 먼저 계산하세요.", fn=function, name=name)
    if exc.type_name == "ValueError" and "not aligned" in exc.message:
        return tr("check the shapes you multiply: np.dot(A, B) needs A's columns to match B's rows.",
                  "곱하는 배열의 shape을 확인하세요: np.dot(A, B)는 A의 열 수와 B의 행 수가 같아야 합니다.")
    return None


def _refused_call(function: str, description: Text, exc: StudentRaised, written: Written | None,
                  stub: Stub | None) -> Text:
    """The verdict for a call the learner's signature refused: which change it is, and
    the stub's signature to keep."""
    changes = []
    if " missing " in exc.message:
        for name in _QUOTED.findall(exc.message.split(":", 1)[-1]):
            if stub is not None and name in stub.defaults:
                changes.append(tr("{name} has no default in your {fn}; the stub's is {name}={default}.",
                                  "여러분의 {fn}에는 {name}의 기본값이 없습니다. 스텁의 기본값은 {name}={default}입니다.",
                                  name=name, fn=function, default=stub.defaults[name]))
            elif stub is not None and name not in stub.params:
                changes.append(tr("{name} is a parameter the stub does not have.", "{name} 인자는 스텁에 없습니다.",
                                  name=name))
    elif "unexpected keyword" in exc.message:
        name = _QUOTED.search(exc.message).group(1)
        takes = tr(" (it takes {params})", " ({params}를 받습니다)", params=", ".join(written.params)) if written else ""
        changes.append(tr("Your {fn} has no parameter {name}{takes}.", "여러분의 {fn}에는 {name} 인자가 없습니다{takes}.",
                          fn=function, name=name, takes=takes))
    hint = (tr("keep the stub's signature, def {fn}({signature}): the checks call {fn} as the course's notebook does.",
               "스텁의 시그니처 def {fn}({signature})를 그대로 두세요. 검사는 코스의 노트북과 같은 방식으로 {fn} 함수를 "
               "호출합니다.", fn=function, signature=stub.signature) if stub is not None else
            tr("keep the stub's parameters and their defaults: the checks call {fn} as the course's notebook does.",
               "스텁의 인자와 기본값을 그대로 두세요. 검사는 코스의 노트북과 같은 방식으로 {fn} 함수를 호출합니다.",
               fn=function))
    return tr("{fn}: {check}: {fn} could not be called: {message}. {changes}Hint: {hint}",
              "{fn}: {check}: {fn} 함수를 호출할 수 없습니다: {message}. {changes}힌트: {hint}",
              fn=function, check=description, message=exc.message, hint=hint,
              changes=Text("".join(c.en + " " for c in changes), "".join(c.ko + " " for c in changes)))
