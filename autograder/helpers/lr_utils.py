"""Stand-in for the classic course's ``lr_utils`` inside the grading sandbox.

Grading never runs top-level cells, so ``load_dataset`` is only reached if a graded
function calls it; the data is not inside the sandbox, and saying so beats a NameError.
"""


def load_dataset():
    raise RuntimeError("load_dataset() is not available inside a graded function: "
                       "the grader passes the data in as arguments")
