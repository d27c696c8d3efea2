"""Golden verdicts of a function that raised: the exact words a learner reads, in both
languages, for the shapes real notebooks take (synthetic sources, never a learner's code):
an unfinished template in its three shapes, a module not imported, a variable of another
cell, a signature changed by deleting a default, adding a parameter or renaming one."""

import pytest

from dlcheck.checks import StudentRaised
from dlcheck.raised import raised_message
from dlcheck.text import tr
from dlcheck.written import Stub, in_statements


def written(source, name):
    """``name`` as written in a notebook cell holding ``source``."""
    return in_statements([("<cell 4>", source)], name)


INIT_STUB = Stub(("n_x", "n_h", "n_y"), "n_x, n_h, n_y", {}, frozenset({"W1", "b1", "W2", "b2"}))
CHECK = tr("shapes for (2, 4, 1)", "(2, 4, 1)에서의 shape")
EMPTY_INIT = '''
def initialize_parameters(n_x, n_h, n_y):
    # YOUR CODE STARTS HERE

    # YOUR CODE ENDS HERE
    parameters = {"W1": W1, "b1": b1, "W2": W2, "b2": b2}
    return parameters
'''
SCALED_INIT = '''
def initialize_parameters(n_x, n_h, n_y):
    W1 = np.random.randn(n_h, n_x) * scale
    b1 = np.zeros((n_h, 1))
    W2 = np.random.randn(n_y, n_h) * scale
    b2 = np.zeros((n_y, 1))
    return {"W1": W1, "b1": b1, "W2": W2, "b2": b2}
'''
PASS_COST = '''
def compute_cost(A2, Y):
    m = Y.shape[1]
    pass
    cost = float(np.squeeze(cost))
    return cost
'''
NONE_FORWARD = '''
def forward_propagation(X, parameters):
    W1 = None
    b1 = None
    Z1 = None
    A1 = None
    assert(A1.shape == (4, X.shape[1]))
    return A1, {"Z1": Z1, "A1": A1}
'''
PROPAGATE_WITH_GLOBAL_M = '''
def propagate(w, b, X, Y):
    A = 1 / (1 + np.exp(-(np.dot(w.T, X) + b)))
    dZ = A - Y
    dw = np.dot(X, dZ.T) / m
    db = np.sum(dZ) / m
    cost = -np.sum(Y * np.log(A) + (1 - Y) * np.log(1 - A)) / m
    return {"dw": dw, "db": db}, cost
'''
#: (function, check, what it raised, the function as written, its stub), by case.
CASES = {
    "unfinished-template": ("initialize_parameters", CHECK, StudentRaised("NameError", "name 'W1' is not defined",
         'cell 4, line 6, in initialize_parameters: `parameters = {"W1": W1, "b1": b1, "W2": W2, "b2": b2}`'),
         written(EMPTY_INIT, "initialize_parameters"), INIT_STUB),
    "pass-then-the-templates-line": ("compute_cost", tr("the cost of 4 outputs", "출력 4개의 비용"),
         StudentRaised("UnboundLocalError", "cannot access local variable 'cost' where it is not associated with a value",
                       "cell 4, line 5, in compute_cost: `cost = float(np.squeeze(cost))`"),
         written(PASS_COST, "compute_cost"), Stub(("A2", "Y"), "A2, Y", {}, frozenset({"cost", "logprobs"}))),
    "none-placeholders": ("forward_propagation", tr("A2 and the cache", "A2와 cache"),
         StudentRaised("AttributeError", "'NoneType' object has no attribute 'shape'",
                       "cell 4, line 7, in forward_propagation: `assert(A1.shape == (4, X.shape[1]))`"),
         written(NONE_FORWARD, "forward_propagation"), Stub(("X", "parameters"), "X, parameters", {}, frozenset({"Z1", "A1"}))),
    "module-not-imported": ("basic_sigmoid", tr("values at a few real numbers", "몇 개의 실수에서의 값"),
         StudentRaised("NameError", "name 'math' is not defined", "cell 4, line 3, in basic_sigmoid: `s = 1 / (1 + math.exp(-x))`"),
         written("def basic_sigmoid(x):\n    s = 1 / (1 + math.exp(-x))\n    return s\n", "basic_sigmoid"),
         Stub(("x",), "x", {}, frozenset({"s"}))),
    "a-variable-of-another-cell": ("initialize_parameters", CHECK, StudentRaised("NameError", "name 'scale' is not defined",
         "cell 4, line 3, in initialize_parameters: `W1 = np.random.randn(n_h, n_x) * scale`"),
         written(SCALED_INIT, "initialize_parameters"), INIT_STUB),
    "a-variable-of-another-cell-with-X": ("propagate", tr("grads and cost", "grads와 cost"),
        StudentRaised("NameError", "name 'm' is not defined", "cell 4, line 4, in propagate: `dw = np.dot(X, dZ.T) / m`"),
        written(PROPAGATE_WITH_GLOBAL_M, "propagate"),
        Stub(("w", "b", "X", "Y"), "w, b, X, Y", {}, frozenset({"A", "cost", "dw", "db", "m"}))),
    "a-name-missing-in-a-helper": ("propagate", tr("grads and cost", "grads와 cost"),
        StudentRaised("NameError", "name 'k' is not defined", "cell 4, line 2, in _sigmoid: `return 1 / (1 + np.exp(-k * z))`"),
        written(PROPAGATE_WITH_GLOBAL_M, "propagate"),
        Stub(("w", "b", "X", "Y"), "w, b, X, Y", {}, frozenset({"A", "cost", "dw", "db", "m"}))),
    "none-in-finished-code": ("initialize_parameters", CHECK, StudentRaised(
         "TypeError", "unsupported operand type(s) for *: 'NoneType' and 'float'",
         "cell 4, line 3, in initialize_parameters: `W1 = np.random.randn(n_h, n_x) * scale`"),
         written(SCALED_INIT, "initialize_parameters"), INIT_STUB),
    "none-source-unknown": ("initialize_parameters", CHECK, StudentRaised("AttributeError", "'NoneType' object has no attribute 'shape'",
         "line 3, in initialize_parameters: `assert W1.shape == (4, 2)`"), None, INIT_STUB),
    "a-default-deleted": ("update_parameters", tr("one step with the default learning rate (1.2)", "기본 학습률(1.2)로 한 단계"),
         StudentRaised("TypeError", "update_parameters() missing 1 required positional argument: 'learning_rate'", ""),
         written("def update_parameters(parameters, grads, learning_rate):\n    return parameters\n", "update_parameters"),
         Stub(("parameters", "grads", "learning_rate"), "parameters, grads, learning_rate=1.2", {"learning_rate": "1.2"}, frozenset())),
    "a-required-parameter-added": ("compute_cost", tr("the cost of three predictions", "예측 세 개의 비용"),
         StudentRaised("TypeError", "compute_cost() missing 1 required positional argument: 'eps'", ""),
         written("def compute_cost(AL, Y, eps):\n    return 0.0\n", "compute_cost"), Stub(("AL", "Y"), "AL, Y", {}, frozenset({"cost"}))),
    "a-parameter-renamed": ("optimize", tr("the cost decreases", "비용이 감소"),
         StudentRaised("TypeError", "optimize() got an unexpected keyword argument 'learning_rate'", ""),
         written("def optimize(w, b, X, Y, num_iterations=100, lr=0.009, print_cost=False):\n    return w\n", "optimize"),
         Stub(("w", "b", "X", "Y", "num_iterations", "learning_rate", "print_cost"),
              "w, b, X, Y, num_iterations=100, learning_rate=0.009, print_cost=False",
              {"num_iterations": "100", "learning_rate": "0.009", "print_cost": "False"}, frozenset({"costs"}))),
}

GOLDEN = {
    'unfinished-template': (
        'initialize_parameters is not written yet: it never computes W1. initialize_parameters: shapes for (2, '
        '4, 1): it raised NameError at cell 4, line 6, in initialize_parameters: `parameters = {"W1": W1, "b1": '
        'b1, "W2": W2, "b2": b2}`: name \'W1\' is not defined. Hint: write the code that computes W1 in '
        'initialize_parameters (if you computed it under another name, use that name).',
        'initialize_parameters 함수가 아직 작성되지 않았습니다: W1 값을 계산하지 않습니다. '
        'initialize_parameters: (2, 4, 1)에서의 shape: NameError 예외가 발생했습니다 (위치 cell 4, line 6, in '
        'initialize_parameters: `parameters = {"W1": W1, "b1": b1, "W2": W2, "b2": b2}`): name \'W1\' is not '
        'defined. 힌트: initialize_parameters 안에서 W1 값을 계산하는 코드를 쓰세요 (다른 이름으로 계산했다면 '
        '그 이름을 쓰세요).'),
    'pass-then-the-templates-line': (
        "compute_cost is not written yet: it never computes cost, and it still has the template's placeholder "
        '`pass`. compute_cost: the cost of 4 outputs: it raised UnboundLocalError at cell 4, line 5, in '
        "compute_cost: `cost = float(np.squeeze(cost))`: cannot access local variable 'cost' where it is not "
        'associated with a value. Hint: write the code that computes cost in compute_cost (if you computed it '
        'under another name, use that name).',
        'compute_cost 함수가 아직 작성되지 않았습니다: cost 값을 계산하지 않고, 템플릿의 `pass` '
        '자리 표시자가 그대로 있습니다. compute_cost: 출력 4개의 비용: UnboundLocalError 예외가 발생했습니다 '
        '(위치 cell 4, line 5, in compute_cost: `cost = float(np.squeeze(cost))`): cannot access local variable '
        "'cost' where it is not associated with a value. 힌트: compute_cost 안에서 cost 값을 계산하는 코드를 "
        '쓰세요 (다른 이름으로 계산했다면 그 이름을 쓰세요).'),
    'none-placeholders': (
        "forward_propagation is not written yet: it still has the template's placeholders `W1 = None`, `b1 = "
        'None`, `Z1 = None`, ..., so a value is still None. forward_propagation: A2 and the cache: it raised '
        'AttributeError at cell 4, line 7, in forward_propagation: `assert(A1.shape == (4, X.shape[1]))`: '
        "'NoneType' object has no attribute 'shape'. Hint: replace each placeholder with your code.",
        'forward_propagation 함수가 아직 작성되지 않았습니다: 템플릿의 `W1 = None`, `b1 = None`, `Z1 '
        '= None`, ... 자리 표시자가 그대로 있어서 아직 None인 값이 있습니다. forward_propagation: A2와 cache: '
        'AttributeError 예외가 발생했습니다 (위치 cell 4, line 7, in forward_propagation: `assert(A1.shape == '
        "(4, X.shape[1]))`): 'NoneType' object has no attribute 'shape'. 힌트: 각 자리 표시자를 여러분의 코드로 "
        '바꾸세요.'),
    'module-not-imported': (
        'basic_sigmoid: values at a few real numbers: it raised NameError at cell 4, line 3, in basic_sigmoid: '
        "`s = 1 / (1 + math.exp(-x))`: name 'math' is not defined. Hint: math is a module, and the notebook "
        'does not import it: add `import math` where the notebook imports its modules (its first code cell) and '
        "run that cell; when a function is graded, only the notebook's imports, functions and constants exist.",
        'basic_sigmoid: 몇 개의 실수에서의 값: NameError 예외가 발생했습니다 (위치 cell 4, line 3, in '
        "basic_sigmoid: `s = 1 / (1 + math.exp(-x))`): name 'math' is not defined. 힌트: math 모듈을 "
        '노트북이 import하지 않습니다: 노트북이 모듈을 import하는 곳(첫 코드 셀)에 `import math` 줄을 추가하고 '
        '그 셀을 실행하세요. 채점할 때는 노트북의 import, 함수, 상수만 존재합니다.'),
    'a-variable-of-another-cell': (
        'initialize_parameters: shapes for (2, 4, 1): it raised NameError at cell 4, line 3, in '
        "initialize_parameters: `W1 = np.random.randn(n_h, n_x) * scale`: name 'scale' is not defined. Hint: "
        'initialize_parameters never computes scale, which this line uses: compute scale in '
        'initialize_parameters from its arguments (n_x, n_h, n_y); when a function is graded, only the '
        "notebook's imports, functions and constants exist, not the variables made by running other cells. If "
        'scale is a typo, fix the name.',
        'initialize_parameters: (2, 4, 1)에서의 shape: NameError 예외가 발생했습니다 (위치 cell 4, line 3, in '
        "initialize_parameters: `W1 = np.random.randn(n_h, n_x) * scale`): name 'scale' is not defined. 힌트: "
        'initialize_parameters 함수는 scale 값을 계산하지 않는데, 이 줄에서 scale 값을 씁니다: '
        'initialize_parameters 안에서 인자 (n_x, n_h, n_y)로부터 scale 값을 계산하세요. 채점할 때는 노트북의 '
        'import, 함수, 상수만 존재합니다. 다른 셀을 실행해서 만든 변수는 없습니다. 오타라면 이름을 고치세요.'),
    "a-variable-of-another-cell-with-X": (
        "propagate: grads and cost: it raised NameError at cell 4, line 4, in propagate: `dw = np.dot(X, dZ.T) / m`: "
        "name 'm' is not defined. Hint: propagate never computes m, which this line uses: compute m in propagate "
        "from its arguments (w, b, X, Y; for example from X.shape); when a function is graded, only the notebook's "
        "imports, functions and constants exist, not the variables made by running other cells. If m is a typo, fix "
        "the name.",
        "propagate: grads와 cost: NameError 예외가 발생했습니다 (위치 cell 4, line 4, in propagate: "
        "`dw = np.dot(X, dZ.T) / m`): name 'm' is not defined. 힌트: propagate 함수는 m 값을 계산하지 않는데, "
        "이 줄에서 m 값을 씁니다: propagate 안에서 인자 (w, b, X, Y; 예: X.shape)로부터 m 값을 계산하세요. "
        "채점할 때는 노트북의 import, 함수, 상수만 존재합니다. 다른 셀을 실행해서 만든 변수는 없습니다. 오타라면 "
        "이름을 고치세요."),
    "a-name-missing-in-a-helper": (
        "propagate: grads and cost: it raised NameError at cell 4, line 2, in _sigmoid: `return 1 / (1 + np.exp(-k * "
        "z))`: name 'k' is not defined. Hint: _sigmoid never computes k, which this line uses: compute k in _sigmoid "
        "from its arguments; when a function is graded, only the notebook's imports, functions and constants exist, "
        "not the variables made by running other cells. If k is a typo, fix the name.",
        "propagate: grads와 cost: NameError 예외가 발생했습니다 (위치 cell 4, line 2, in _sigmoid: `return 1 / (1 + "
        "np.exp(-k * z))`): name 'k' is not defined. 힌트: _sigmoid 함수는 k 값을 계산하지 않는데, 이 줄에서 k 값을 "
        "씁니다: _sigmoid 안에서 인자로부터 k 값을 계산하세요. 채점할 때는 노트북의 import, 함수, 상수만 "
        "존재합니다. 다른 셀을 실행해서 만든 변수는 없습니다. 오타라면 이름을 고치세요."),
    'none-in-finished-code': (
        'initialize_parameters: shapes for (2, 4, 1): it raised TypeError at cell 4, line 3, in '
        'initialize_parameters: `W1 = np.random.randn(n_h, n_x) * scale`: unsupported operand type(s) for *: '
        "'NoneType' and 'float'. Hint: a value is None where a number or an array is needed: check that each "
        'value is computed, and that each function initialize_parameters calls returns its result (a function '
        'that ends without `return` returns None).',
        'initialize_parameters: (2, 4, 1)에서의 shape: TypeError 예외가 발생했습니다 (위치 cell 4, line 3, in '
        'initialize_parameters: `W1 = np.random.randn(n_h, n_x) * scale`): unsupported operand type(s) for *: '
        "'NoneType' and 'float'. 힌트: 숫자나 배열이 필요한 곳에 None인 값이 있습니다: 각 값이 계산되는지, "
        '그리고 initialize_parameters 함수가 호출하는 각 함수가 결과를 반환하는지 확인하세요 (`return` 없이 '
        '끝나는 함수는 None을 반환합니다).'),
    'none-source-unknown': (
        'initialize_parameters: shapes for (2, 4, 1): it raised AttributeError at line 3, in '
        "initialize_parameters: `assert W1.shape == (4, 2)`: 'NoneType' object has no attribute 'shape'. Hint: "
        "initialize_parameters looks unfinished: a value is still None, as in the template's `... = None` "
        'lines. Replace each None with your code.',
        'initialize_parameters: (2, 4, 1)에서의 shape: AttributeError 예외가 발생했습니다 (위치 line 3, in '
        "initialize_parameters: `assert W1.shape == (4, 2)`): 'NoneType' object has no attribute 'shape'. 힌트: "
        'initialize_parameters 함수가 아직 완성되지 않은 것 같습니다: 템플릿의 `... = None`처럼 아직 None인 값이 '
        '있습니다. 각 None을 여러분의 코드로 바꾸세요.'),
    'a-default-deleted': (
        'update_parameters: one step with the default learning rate (1.2): update_parameters could not be '
        "called: update_parameters() missing 1 required positional argument: 'learning_rate'. learning_rate has "
        "no default in your update_parameters; the stub's is learning_rate=1.2. Hint: keep the stub's "
        'signature, def update_parameters(parameters, grads, learning_rate=1.2): the checks call '
        "update_parameters as the course's notebook does.",
        'update_parameters: 기본 학습률(1.2)로 한 단계: update_parameters 함수를 호출할 수 없습니다: '
        "update_parameters() missing 1 required positional argument: 'learning_rate'. 여러분의 "
        'update_parameters에는 learning_rate의 기본값이 없습니다. 스텁의 기본값은 learning_rate=1.2입니다. '
        '힌트: 스텁의 시그니처 def update_parameters(parameters, grads, learning_rate=1.2)를 그대로 두세요. '
        '검사는 코스의 노트북과 같은 방식으로 update_parameters 함수를 호출합니다.'),
    'a-required-parameter-added': (
        'compute_cost: the cost of three predictions: compute_cost could not be called: compute_cost() missing '
        "1 required positional argument: 'eps'. eps is a parameter the stub does not have. Hint: keep the "
        "stub's signature, def compute_cost(AL, Y): the checks call compute_cost as the course's notebook does.",
        'compute_cost: 예측 세 개의 비용: compute_cost 함수를 호출할 수 없습니다: compute_cost() missing 1 '
        "required positional argument: 'eps'. eps 인자는 스텁에 없습니다. 힌트: 스텁의 시그니처 def "
        'compute_cost(AL, Y)를 그대로 두세요. 검사는 코스의 노트북과 같은 방식으로 compute_cost 함수를 '
        '호출합니다.'),
    'a-parameter-renamed': (
        'optimize: the cost decreases: optimize could not be called: optimize() got an unexpected keyword '
        "argument 'learning_rate'. Your optimize has no parameter learning_rate (it takes w, b, X, Y, "
        "num_iterations, lr, print_cost). Hint: keep the stub's signature, def optimize(w, b, X, Y, "
        "num_iterations=100, learning_rate=0.009, print_cost=False): the checks call optimize as the course's "
        'notebook does.',
        'optimize: 비용이 감소: optimize 함수를 호출할 수 없습니다: optimize() got an unexpected keyword '
        "argument 'learning_rate'. 여러분의 optimize에는 learning_rate 인자가 없습니다 (w, b, X, Y, "
        'num_iterations, lr, print_cost를 받습니다). 힌트: 스텁의 시그니처 def optimize(w, b, X, Y, '
        'num_iterations=100, learning_rate=0.009, print_cost=False)를 그대로 두세요. 검사는 코스의 노트북과 '
        '같은 방식으로 optimize 함수를 호출합니다.'),
}


@pytest.mark.parametrize("case", list(CASES), ids=list(CASES))
def test_golden_verdict_of_a_function_that_raised(case):
    """Is the verdict exactly this, in English and in Korean?"""
    message = raised_message(*CASES[case])
    assert (message.en, message.ko) == GOLDEN[case]


@pytest.mark.parametrize("case", ["unfinished-template", "pass-then-the-templates-line", "a-variable-of-another-cell",
                                  "a-variable-of-another-cell-with-X"])
def test_no_verdict_speaks_of_names_the_function_lacks(case):
    """Does no verdict tell a function without X to compute from X.shape, nor blame
    "variables made by running other cells" for a template left unfinished?"""
    message = raised_message(*CASES[case]).en
    assert ("X.shape" in message) == (case == "a-variable-of-another-cell-with-X")
    assert ("running other cells" in message) == case.startswith("a-variable-of-another-cell")


def test_the_verdict_is_the_same_on_python_3_10():
    """Does Python 3.10's wording of an UnboundLocalError give the same words?"""
    fn, check, exc, written_as, stub = CASES["pass-then-the-templates-line"]
    older = StudentRaised(exc.type_name, "local variable 'cost' referenced before assignment", exc.where)
    assert raised_message(fn, check, older, written_as, stub).en == GOLDEN["pass-then-the-templates-line"][0].replace(
        "cannot access local variable 'cost' where it is not associated with a value",
        "local variable 'cost' referenced before assignment")
