"""Reading a graded function as written (placeholders left, names computed) and its stub
as the solution has it (signature, names its region computes)."""

import ast
import textwrap

import pytest

from dlcheck.written import Stub, Written, in_statements, of_function, stub_of, unfinished

#: The classic course's templates, in their three shapes (synthetic, not a learner's code).
TEMPLATES = '''
import numpy as np

def initialize_parameters(n_x, n_h, n_y):
    """Docstring."""
    #(≈ 4 lines of code)
    # W1 = ...
    # YOUR CODE STARTS HERE

    # YOUR CODE ENDS HERE
    parameters = {"W1": W1, "b1": b1, "W2": W2, "b2": b2}
    return parameters

def forward_propagation(X, parameters):
    W1 = None
    b1 = parameters["b1"]
    Z1 = None
    Z1 = np.dot(W1, X) + b1
    A1, cache = None
    return A1, cache

def compute_cost(A2, Y):
    m = Y.shape[1]
    pass
    cost = float(np.squeeze(cost))
    return cost

def initialize_parameters_deep(layer_dims):
    parameters = {}
    for l in range(1, len(layer_dims)):
        parameters['W' + str(l)] = None
        parameters['b' + str(l)] = np.zeros((layer_dims[l], 1))
    return parameters
'''

SOLUTION = '''
def update_parameters(parameters, grads, learning_rate=1.2, *, verbose=False):
    W1, b1 = parameters["W1"], parameters["b1"]
    dW1 = grads["dW1"]
    ### BEGIN SOLUTION
    W1 = W1 - learning_rate * dW1
    step = learning_rate * grads["db1"]
    b1 = b1 - step
    ### END SOLUTION
    return {"W1": W1, "b1": b1}
'''


def _written(name: str) -> Written:
    return in_statements([("<cell 1>", TEMPLATES)], name)


@pytest.mark.parametrize("name, placeholders, computed", [
    ("initialize_parameters", (), {"parameters"}),
    ("forward_propagation", ("W1 = None", "A1, cache = None"), {"b1", "Z1"}),
    ("compute_cost", ("pass",), {"m"}),
    ("initialize_parameters_deep", ("parameters['W' + str(l)] = None",), {"parameters", "l"}),
], ids=["empty-region", "none-lines", "pass", "none-into-a-dict"])
def test_placeholders_and_computed_names_of_each_template_shape(name, placeholders, computed):
    """Which placeholders are left, and which names does the function compute (not from
    None, not from the name itself: `cost = float(np.squeeze(cost))` computes no cost)?
    A `W1 = None` line later given a value is no placeholder."""
    written = _written(name)
    assert written.placeholders == placeholders
    assert written.computed == computed


def test_the_last_definition_counts_and_a_kernel_function_is_read_from_its_source():
    """Is the definition read the one that runs (the last), and is a function of this
    process read from its own source, as `check(fn)` in a notebook does?"""
    statements = [("<cell 1>", "def f(x):\n    pass\n"), ("<cell 2>", "def f(x):\n    y = x\n    return y\n")]
    assert in_statements(statements, "f") == Written("f", ("x",), frozenset({"y"}), ())

    def g(a, b=2):
        c = None
        return c
    assert of_function(g) == Written("g", ("a", "b"), frozenset(), ("c = None",))
    assert of_function(len) is None


def test_a_stub_has_the_solutions_signature_and_what_its_region_alone_computes():
    """Is the stub's signature the solution's, defaults as written, and are the names it
    asks for those its region computes, less those the template's own lines compute (W1)?"""
    tree = ast.parse(textwrap.dedent(SOLUTION))
    stub = stub_of(tree.body[0], textwrap.dedent(SOLUTION).splitlines())
    assert stub == Stub(("parameters", "grads", "learning_rate", "verbose"),
                        "parameters, grads, learning_rate=1.2, *, verbose=False",
                        {"learning_rate": "1.2", "verbose": "False"}, frozenset({"step"}))
    assert Stub.from_json(stub.params, stub.to_json()) == stub


def test_unfinished_means_placeholders_left_or_nothing_of_the_stub_computed():
    """Is a function unfinished when a `= None` placeholder is left, or when it computes
    nothing the stub asks for, and not for a stray `pass` beside code of its own?"""
    stub = Stub(("A2", "Y"), "A2, Y", {}, frozenset({"cost", "logprobs"}))
    assert unfinished(_written("compute_cost"), stub) == ("pass",)
    written = Written("compute_cost", ("A2", "Y"), frozenset({"m", "logprobs"}), ("pass",))
    assert unfinished(written, stub) is None
    assert unfinished(_written("forward_propagation"), None) == ("W1 = None", "A1, cache = None")
    assert unfinished(None, stub) is None


@pytest.mark.parametrize("body, count", [
    ("    return parameters, v, s\n", 3),
    ("    if t:\n        return p, v, s, vc, sc\n    return p, v, s, vc, sc\n", 5),
    ("    if t:\n        return p, v, s\n    return p, v, s, vc, sc\n", None),
    ("    def inner():\n        return 1, 2\n    return (p, v, s)\n", 3),
    ("    return result\n", None),
    ("    pass\n", None),
], ids=["three", "five-twice", "mixed", "nested-def-ignored", "a-name", "no-return"])
def test_how_many_values_every_return_writes_out(body, count):
    """Is ``returns_tuple_of`` n exactly when every return of the function itself writes a
    tuple of n values (Adam's ``return parameters, v, s`` before 2021)?"""
    written = in_statements([("<cell 1>", f"def adam(parameters, t):\n{body}")], "adam")
    assert written.returns_tuple_of == count
