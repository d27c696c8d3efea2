"""Golden messages of the comparisons: the exact words a student reads, in both languages.

A change to any of these texts is a change to what hundreds of students see: it should
be made on purpose, here, with the new text.
"""

import numpy as np
import pytest

from dlcheck import hints
from dlcheck.checks import CheckFailed
from dlcheck.compare import (
    as_array,
    collecting_notes,
    describe,
    expect_array,
    expect_keys,
    expect_labels,
    expect_scalar,
    expect_type,
    shape_of,
    unpack,
)
from dlcheck.text import tr


def failure(call, *args, **kwargs):
    with pytest.raises(CheckFailed) as info:
        call(*args, **kwargs)
    return info.value.text


GOLDEN = [
    ("not-an-array", lambda: expect_array([1.0, 2.0], np.zeros((2, 1)), "dw", shape_note=shape_of("w")),
     "dw is a list of length 2; expected a numpy array of shape (2, 1) = shape of w.",
     "dw 값이 길이 2인 list입니다. shape (2, 1) = w의 shape인 numpy 배열이어야 합니다."),
    ("shape-note-in-korean", lambda: expect_array(np.zeros((1, 3)), np.zeros((3, 1)), "dw", shape_note=shape_of("w")),
     "dw has shape (1, 3); expected (3, 1) = shape of w. Did you swap the dimensions (a transpose)?",
     "dw의 shape이 (1, 3)입니다. (3, 1) = w의 shape이어야 합니다. 두 차원을 바꾸지 않았나요(전치)?"),
    ("column-vector-flattened", lambda: expect_array(np.zeros(3), np.zeros((3, 1)), "w"),
     "w has shape (3,); expected (3, 1). Keep w a column vector of shape (n, 1): use .reshape(-1, 1) or keepdims=True.",
     "w의 shape이 (3,)입니다. (3, 1)이어야 합니다. w 배열을 shape (n, 1)인 열벡터로 유지하세요: .reshape(-1, 1) 또는 "
     "keepdims=True."),
    ("row-vector-flattened", lambda: expect_array(np.zeros(4), np.zeros((1, 4)), "Y_prediction"),
     "Y_prediction has shape (4,); expected (1, 4). Keep Y_prediction two-dimensional, shape (1, m): use "
     ".reshape(1, -1) or keepdims=True.",
     "Y_prediction의 shape이 (4,)입니다. (1, 4)이어야 합니다. Y_prediction 배열을 shape (1, m)인 2차원으로 유지하세요: "
     ".reshape(1, -1) 또는 keepdims=True."),
    ("transposed-shape", lambda: expect_array(np.zeros((3, 2)), np.zeros((2, 3)), "W1"),
     "W1 has shape (3, 2); expected (2, 3). Did you swap the dimensions (a transpose)?",
     "W1의 shape이 (3, 2)입니다. (2, 3)이어야 합니다. 두 차원을 바꾸지 않았나요(전치)?"),
    ("square-from-broadcasting", lambda: expect_array(np.zeros((3, 3)), np.zeros((3, 1)), "db1"),
     "db1 has shape (3, 3); expected (3, 1). A square result often comes from broadcasting (n, 1) against (1, n); "
     "check the shapes you combine.",
     "db1의 shape이 (3, 3)입니다. (3, 1)이어야 합니다. 정사각 결과는 흔히 (n, 1)과 (1, n)의 브로드캐스팅에서 "
     "나옵니다. 결합하는 배열의 shape을 확인하세요."),
    ("values-with-hint", lambda: expect_array(np.array([[3.0], [6.0]]), np.array([[1.0], [2.0]]), "dw",
                                              hints=[hints.times_m(3, tr("the gradient", "기울기"))]),
     "dw differs from the expected values (largest difference 4 at index (1, 0)). Expected [1, 2], got [3, 6]. "
     "Hint: the gradient is m = 3 times too large: divide the sum by m (did you forget the 1/m?).",
     "dw 값이 기대값과 다릅니다 (가장 큰 차이 4, 위치 (1, 0)). 기대값 [1, 2], 결과 [3, 6]. "
     "힌트: 기울기 값이 m = 3배 큽니다. 합을 m으로 나누세요 (1/m을 빠뜨리지 않았나요?)."),
    ("nan", lambda: expect_array(np.array([np.nan, 1.0]), np.array([0.5, 1.0]), "A"),
     "A contains nan or inf (got [nan, 1]). Hint: look for overflow in np.exp or log(0); the expected values are finite.",
     "A에 nan 또는 inf가 있습니다 (결과 [nan, 1]). 힌트: np.exp의 오버플로나 log(0)을 찾아보세요. 기대값은 모두 "
     "유한합니다."),
    ("scalar-log10", lambda: expect_scalar(0.5 / np.log(10), 0.5, "cost", hints=[hints.log10()]),
     "cost is wrong. Expected 0.5, got 0.217147. Hint: your cost is the natural-log cost divided by ln(10): use "
     "np.log, not np.log10.",
     "cost 값이 틀렸습니다. 기대값 0.5, 결과 0.217147. 힌트: 비용이 자연로그 비용을 ln(10)으로 나눈 값입니다: "
     "np.log10이 아니라 np.log를 쓰세요."),
    ("one-value-array-where-the-result-is-a-number",
     lambda: expect_scalar(np.array([1.05]), 1.05, "L1(yhat, y)", array_accepted=False),
     "L1(yhat, y) is an array of shape (1,); expected a number, as the notebook asks. Hint: float(...) or "
     "np.squeeze(...) makes a one-value array a number (and np.sum without keepdims=True returns one).",
     "L1(yhat, y) 값이 shape (1,)인 배열입니다. 노트북이 요구하는 대로 숫자여야 합니다. 힌트: 값이 하나인 배열은 "
     "float(...)이나 np.squeeze(...)로 숫자가 됩니다 (keepdims=True 없이 쓴 np.sum은 숫자를 반환합니다)."),
    ("scalar-of-many-values", lambda: expect_scalar(np.zeros((1, 3)), 0.0, "cost"),
     "cost has shape (1, 3); expected a single number.", "cost의 shape이 (1, 3)입니다. 숫자 하나여야 합니다."),
    ("missing-key", lambda: expect_keys({"dw": 1}, ["dw", "db"], "grads"),
     "grads has no key 'db'; expected keys ['dw', 'db'] (got ['dw']).",
     "grads에 키 'db'가 없습니다. 키 ['dw', 'db']가 있어야 합니다 (받은 키 ['dw'])."),
    ("not-a-tuple", lambda: unpack(None, 2, "propagate(w, b, X, Y)", "grads, cost"),
     "propagate(w, b, X, Y) returned None; expected a tuple (grads, cost).",
     "propagate(w, b, X, Y)의 반환값이 None입니다. 튜플 (grads, cost)이어야 합니다."),
    ("wrong-type", lambda: expect_type("0", (float,), "b", tr("a float", "실수")),
     "b is a str; expected a float.", "b 값이 str 값입니다. 실수이어야 합니다."),
    ("labels-not-0-1", lambda: expect_labels(np.array([[0.2, 0.7]]), np.array([[0.2, 0.7]]), "predict(w, b, X)"),
     "predict(w, b, X) holds values other than 0 and 1. Hint: threshold the activations at 0.5.",
     "predict(w, b, X)에 0과 1이 아닌 값이 있습니다. 힌트: 활성값을 0.5 기준으로 나누세요."),
    ("complex", lambda: as_array(np.array([1j]), "dz"),
     "dz is an array of shape (1,) and dtype complex128; expected real numbers.",
     "dz 값이 shape (1,), dtype complex128인 배열입니다. 실수여야 합니다."),
]


@pytest.mark.parametrize("call, en, ko", [g[1:] for g in GOLDEN], ids=[g[0] for g in GOLDEN])
def test_golden_failure_message(call, en, ko):
    """Is the message exactly this, in English and in Korean?"""
    text = failure(call)
    assert text.en == en
    assert text.ko == ko


@pytest.mark.parametrize("got, want, call, note_en", [
    (np.array([0.5]), 0.5, expect_scalar,
     "cost is an array of shape (1,); a number is expected (accepted: it holds one value). float(...) or "
     "np.squeeze(...) makes it a number."),
    (np.zeros((2, 1), dtype=int), np.zeros((2, 1)), expect_array,
     "cost holds int64 values where floats are expected (accepted: the values are equal)."),
    (np.array([[True, False]]), np.array([[1.0, 0.0]]), expect_labels,
     "cost holds bool values where floats are expected (accepted: the values are equal)."),
], ids=["size-1-array-for-a-number", "integer-zeros", "boolean-labels"])
def test_harmless_differences_pass_with_a_note(got, want, call, note_en):
    """Is a difference that changes nothing downstream accepted, and said?"""
    with collecting_notes() as notes:
        call(got, want, "cost")
    assert [n.en for n in notes] == [note_en]


def test_a_real_shape_difference_is_not_accepted():
    """Is (m,) against (1, m), which changes broadcasting, still a failure?"""
    with pytest.raises(CheckFailed):
        expect_array(np.array([1.0, 0.0]), np.array([[1.0, 0.0]]), "Y_prediction")


def test_describe_says_type_and_shape():
    assert describe(np.zeros((2, 3))).en == "an array of shape (2, 3) and dtype float64"
    assert describe({"a": 1}).ko == "길이 1인 dict"


def test_a_note_met_on_every_example_is_said_once():
    """Is the same accepted difference, met under labels naming each example (which would
    spell out the hidden sizes), noted once, in the first example's words?"""
    with collecting_notes() as notes:
        for m in (5, 7, 9):
            expect_scalar(np.array([0.5]), 0.5, f"cost with m = {m}")
            expect_array(np.zeros((2, 1), dtype=int), np.zeros((2, 1)), f"w with m = {m}")
    assert [n.en.split(" is ")[0].split(" holds ")[0] for n in notes] == ["cost with m = 5", "w with m = 5"]
