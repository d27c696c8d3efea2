"""The week-1 example class: each notebook the solution with small named edits.

Declarations only; ``examples/make_examples.py`` builds the notebooks. Each notebook of the
week has its folder (``warmups/``) and its block below; ``EXAMPLES`` gathers the blocks.
The expected scores are listed in ``README.md`` here and asserted by
``tests/autograder/test_week1_examples.py``.
"""

from make_examples import Edit, Example, NewBody

# == week1/warmups ===========================================================================

WARMUPS = "week1/warmups"

WARMUPS_EXPLORATION = (
    ("", '# Where does each gate fire? A text picture of the unit square.\n'
         'for gate in (AND, NAND, OR, XOR):\n'
         '    print(gate.__name__)\n'
         '    for x2 in (1.0, 0.75, 0.5, 0.25, 0.0):\n'
         '        print("  " + " ".join(str(gate(x1, x2)) for x1 in (0.0, 0.25, 0.5, 0.75, 1.0)))'),
    ("", 'import matplotlib.pyplot as plt\n'
         'x = np.arange(-5.0, 5.0, 0.1)\n'
         'for fn in (step_function, sigmoid, relu):\n'
         '    plt.plot(x, fn(x), label=fn.__name__)\n'
         'plt.legend()\nplt.show()'),
    ("", 'def function_1(x):\n    return 0.01 * x[0] ** 2 + 0.1 * x[0]\n\n'
         'print("slope of function_1 at 5:", numerical_gradient(function_1, np.array([5.0])))'),
)

#: Top-level cells that raise or take long in Jupyter; grading never runs them.
WARMUPS_CRASHING = (
    ("", 'print("loss:", loss_value)  # NameError: never defined'),
    ("", 'assert XOR(1, 1) == 1, "TODO: check the truth table"'),
    ("", 'print("softmax:", softmax(np.array([0.3, 2.9, 4.0]))'),  # SyntaxError: a parenthesis short
    ("", '# How close does a million steps get? (a minute in Jupyter)\n'
         'far = gradient_descent(lambda x: np.sum(x ** 2), np.array([-3.0, 4.0]), lr=0.001, step_num=1000000)'),
)


def _warmups(file: str, what: str, edits: tuple = (), cells: tuple = (), stub: bool = False) -> Example:
    return Example(f"warmups/{file}", what, edits, cells, notebook=WARMUPS, stub=stub)


WARMUPS_EXAMPLES = (
    _warmups("correct.ipynb", "the solution, filled in, plus exploration cells that print, plot and differentiate "
             "at top level", cells=WARMUPS_EXPLORATION),
    _warmups("stub.ipynb", "the untouched student copy", stub=True),
    _warmups("crashing_cells.ipynb", "correct functions; top-level cells raise NameError and AssertionError, one is a "
             "SyntaxError, and one runs a million steps of gradient descent", cells=WARMUPS_CRASHING),
    _warmups("and_lookup_table.ipynb", "AND is a table of the corners, not a perceptron", (
        NewBody("table of the corners", "AND", "y = 1 if (x1, x2) == (1, 1) else 0\n"),)),
    _warmups("softmax_wrong_axis.ipynb", "softmax takes the max and the sum over axis=0, the columns of a batch", (
        Edit("axis 0", "    shifted = a - np.max(a, axis=-1, keepdims=True)\n    exp_a = np.exp(shifted)\n"
                       "    y = exp_a / np.sum(exp_a, axis=-1, keepdims=True)\n",
             "    shifted = a - np.max(a, axis=0, keepdims=True)\n    exp_a = np.exp(shifted)\n"
             "    y = exp_a / np.sum(exp_a, axis=0, keepdims=True)\n"),)),
    _warmups("cross_entropy_log10.ipynb", "cross_entropy_error uses np.log10, as the decks' worked examples do", (
        Edit("log10", "np.log(y[np.arange(batch_size), t] + delta)", "np.log10(y[np.arange(batch_size), t] + delta)"),)),
    _warmups("cross_entropy_delta_outside.ipynb", "cross_entropy_error adds delta to the loss, not inside the log", (
        Edit("delta outside", "np.log(y[np.arange(batch_size), t] + delta)) / batch_size",
             "np.log(y[np.arange(batch_size), t])) / batch_size + delta"),)),
    _warmups("cross_entropy_not_averaged.ipynb", "cross_entropy_error sums over the batch instead of averaging", (
        Edit("no mean", "] + delta)) / batch_size", "] + delta))"),)),
    _warmups("gradient_forward_difference.ipynb", "numerical_gradient takes forward differences, (f(x + h) - f(x)) / h; "
             "gradient_descent keeps its point, graded with the grader's numerical_gradient", (
        Edit("forward difference", "        x[idx] = tmp_val - h\n        fxh2 = f(x)\n"
                                   "        grad[idx] = (fxh1 - fxh2) / (2 * h)\n",
             "        x[idx] = tmp_val\n        fxh2 = f(x)\n        grad[idx] = (fxh1 - fxh2) / h\n"),)),
    _warmups("gradient_x_not_restored.ipynb", "numerical_gradient never puts x[idx] back", (
        Edit("not restored", "        x[idx] = tmp_val\n    ### END", "    ### END"),)),
    _warmups("step_booleans.ipynb", "step_function returns booleans, x > 0: accepted, with a note", (
        Edit("booleans", "y = np.array(x > 0, dtype=int)", "y = x > 0"),)),
)

# == end of week1/warmups ====================================================================

NOTEBOOK = WARMUPS
EXAMPLES = WARMUPS_EXAMPLES
