"""How a graded notebook, its functions and their checks are declared.

A spec (``autograder/specs/<week>/<stem>.py``) reads as a list of declarations::

    notebook = NotebookSpec("week2/logistic_regression", helpers=("lr_utils",))
    sigmoid = notebook.graded("sigmoid", points=1)

    @sigmoid.public("values on a small array", "작은 배열에서의 값")
    def sigmoid_examples(t):
        z = np.array([-1.0, 0.0, 2.0])
        expect_array(t.call(z), t.expect("array", z), "sigmoid(z)")

    ### BEGIN HIDDEN
    @sigmoid.hidden("random arrays", "무작위 배열", inputs=float_arrays())
    def sigmoid_random(t, z):
        expect_array(t.call(z), t.reference(z), f"sigmoid of shape {z.shape}")
    ### END HIDDEN

A check is a function of a :class:`Trial` (and, for a random-input check, of one drawn
example) that raises :class:`CheckFailed` with a student-facing :class:`~dlcheck.text.Text`.
Each check is declared once and belongs to one of two tiers:

``public``
    Fixed inputs. Students run these (``check(fn)`` in the notebook, ``pytest`` on their
    folder) against expected values recorded from the reference at release time.
``hidden``
    Grader only, inside ``### BEGIN HIDDEN`` / ``### END HIDDEN`` regions that the
    student copy of a spec does not contain. Inputs are drawn by hypothesis from
    ``inputs`` with a seed derived from the instructor's secret and the submission's code,
    and compared with the reference solution live.

What can be derived is not declared: a function's parameters and the graded functions it
calls come from the reference solution (``autograder.reference``); the solution and the
student notebook's paths come from the id.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any, Protocol

from .text import Text, as_text


class CheckFailed(AssertionError):
    """A check's verdict that the submission is wrong; ``text`` is the student message."""

    def __init__(self, text: Text):
        if not isinstance(text, Text):
            raise TypeError("CheckFailed needs a Text (every student message exists in each language)")
        self.text = text
        super().__init__(text.en)


class StudentRaised(Exception):
    """The submitted function raised instead of returning."""

    def __init__(self, type_name: str, message: str, where: str = ""):
        self.type_name, self.message, self.where = type_name, message, where
        super().__init__(f"{type_name}: {message}")


class StudentDied(Exception):
    """The submitted function's process ended or hung; no value came back."""

    def __init__(self, reason: Text):
        self.reason = as_text(reason)
        super().__init__(self.reason.en)


class GraderError(RuntimeError):
    """The checking machinery itself cannot work (missing solutions, data, a dependency,
    a secret, or a bug of ours): never the student's fault.

    Raised past the per-check catch-all; the CLI reports it once, as one line, and exits 2.
    """

    def __init__(self, message: Text | str):
        self.text = as_text(message)
        super().__init__(self.text.en)


class Trial(Protocol):
    """What a check sees: the submission, and what the answers should be.

    ``classic`` says whether the notebook handed in is the classic course's own rather
    than this course's (see :func:`autograder.engine.is_classic`): where the two ask for
    different things (W4A1's weights scaled by 0.01, ours by 1/sqrt(n)), both pass, and a
    note says what is true of the notebook handed in.
    """

    classic: bool

    def starting(self, check: Check) -> None:
        """Called before each check runs (the grader gives its calls the check's own time)."""

    def call(self, *args: Any, **kwargs: Any) -> Any:
        """Call the graded function of the submission; raises StudentRaised / StudentDied."""

    def call_with_inputs(self, *args: Any) -> tuple[Any, tuple]:
        """Like :meth:`call` (positional arguments), also returning the arguments as they
        are after the call: whether the function changed its inputs in place."""

    def call_printed(self, *args: Any, **kwargs: Any) -> tuple[Any, str]:
        """Like :meth:`call`, also returning what the call printed (its first few thousand
        characters): for a function whose printed message is part of what it is asked
        for (``gradient_check(..., print_msg=True)`` says whether the backward pass is right)."""

    @property
    def parameters(self) -> tuple[str, ...] | None:
        """The parameter names of the submission's function (``None`` if unknown)."""

    def expect(self, key: str, *args: Any, **kwargs: Any) -> Any:
        """The reference's value on these arguments: recorded under ``key`` at release
        time for students, computed live by the grader."""

    def reference(self, *args: Any, **kwargs: Any) -> Any:
        """The reference function's value on these arguments (hidden checks only)."""

    def reference_of(self, name: str) -> Callable[..., Any]:
        """Another reference function of the notebook, by name (hidden checks only)."""

    def trained(self, training: Training) -> dict[str, Any]:
        """What one of the reference's full trainings reached (hidden checks only): recorded
        by ``autograde release``, computed by the grader when the record is stale."""


@dataclass(frozen=True)
class Check:
    """One check of a function.

    Attributes
    ----------
    description : Text
        Shown to students, e.g. "values on a small array and a scalar".
    run : callable
        ``run(t)``, or ``run(t, example)`` when ``inputs`` is given.
    tier : {"public", "hidden"}
    inputs : hypothesis strategy, optional
        Hidden checks only: ``run`` is called once per example drawn from it.
    max_examples : int
        How many examples of ``inputs`` to draw.
    seconds : float, optional
        Wall time each call of this check may take, and CPU time it adds to the
        function's budget, when more than the sandbox's per-call limit (training on real
        data); ``None``: the sandbox's limits. The grader runs such a *long* check in a
        sandbox of its own, beside the next functions (see ``autograder.engine``).
    """

    description: Text
    run: Callable[..., None]
    tier: str = "public"
    inputs: Any = None
    max_examples: int = 12
    seconds: float | None = None

    def __repr__(self) -> str:
        return f"Check({self.description.en!r}, tier={self.tier!r})"


@dataclass(frozen=True)
class Training:
    """A full-scale training of the reference that hidden checks rely on (see
    :meth:`NotebookSpec.training`).

    ``run(reference_of)`` trains with the reference's functions (``reference_of(name)``) and
    returns what the checks read of the result: a few JSON numbers (accuracies, a cost
    curve), never the parameters.
    """

    notebook: str
    name: str
    run: Callable[[Callable[[str], Callable[..., Any]]], dict[str, Any]]


@dataclass(frozen=True)
class OldSignature:
    """A signature the classic course used in an earlier version, still accepted.

    ``params`` are its parameter names; a parameter it has and the current signature
    lacks is filled by ``fill[name](arguments)`` from the current call's arguments (a dict
    by name); parameters the current signature has and it lacks are dropped.
    """

    params: tuple[str, ...]
    fill: dict[str, Callable[[dict[str, Any]], Any]] = field(default_factory=dict)

    def __str__(self) -> str:
        return ", ".join(self.params)


class GradedFunction:
    """A function students implement, with its points and its checks (in order).

    Parameters
    ----------
    name : str
        Its name in the notebook, as in the classic course.
    points : float
        All or nothing: every check passes, or the function earns 0.
    aliases : names of the course's earlier versions (``normalizeRows``), graded the same.
    old_signatures : earlier signatures still accepted (see :class:`OldSignature`).
    reference_callees : graded functions that always run as the reference while this one
        is graded, e.g. a random initialization, so a model's results are comparable.
    missing : what the verdict adds when the notebook does not define it, e.g. that it is
        this course's addition, which the classic course's notebook lacks.
    earlier_results : how many of its results (a tuple) earlier versions returned, e.g. 3
        for Adam's ``(parameters, v, s)`` before 2021: where the reference answers for a
        notebook's own version that returns that many, it returns its first ones, so the
        notebook's code that unpacks them still runs.
    """

    def __init__(self, name: str, points: float, *, aliases: Iterable[str] = (),
                 old_signatures: Iterable[OldSignature] = (), reference_callees: Iterable[str] = (),
                 missing: Text | None = None, earlier_results: Iterable[int] = ()):
        self.name = name
        self.points = points
        self.aliases = tuple(aliases)
        self.old_signatures = tuple(old_signatures)
        self.reference_callees = tuple(reference_callees)
        self.missing = missing
        self.earlier_results = tuple(earlier_results)
        self.checks: list[Check] = []

    def __repr__(self) -> str:
        return f"GradedFunction({self.name!r}, points={self.points}, checks={len(self.checks)})"

    @property
    def test_name(self) -> str:
        """The test id, also the nbgrader grade cell id: ``test_<name>``."""
        return f"test_{self.name}"

    @property
    def names(self) -> tuple[str, ...]:
        """Its current name, then the names of earlier versions."""
        return (self.name, *self.aliases)

    def public(self, en: str, ko: str) -> Callable[[Callable[..., None]], Callable[..., None]]:
        """Decorator: a check on fixed inputs, which students run too."""
        return self._declare(Check(Text(en, ko), _unset, "public"))

    def hidden(self, en: str, ko: str, *, inputs: Any = None, max_examples: int = 12,
               seconds: float | None = None) -> Callable[[Callable[..., None]], Callable[..., None]]:
        """Decorator: a grader-only check, on examples drawn from ``inputs`` if given."""
        return self._declare(Check(Text(en, ko), _unset, "hidden", inputs, max_examples, seconds))

    def _declare(self, template: Check) -> Callable[[Callable[..., None]], Callable[..., None]]:
        def register(run: Callable[..., None]) -> Callable[..., None]:
            self.checks.append(Check(template.description, run, template.tier, template.inputs,
                                     template.max_examples, template.seconds))
            return run
        return register

    def with_checks(self, checks: Iterable[Check]) -> GradedFunction:
        """A copy holding only ``checks`` (the self-check keeps the public ones)."""
        copy = GradedFunction(self.name, self.points, aliases=self.aliases, old_signatures=self.old_signatures,
                              reference_callees=self.reference_callees, missing=self.missing,
                              earlier_results=self.earlier_results)
        copy.checks = list(checks)
        return copy


def _unset(*args: Any) -> None:  # placeholder in a decorator's template Check
    raise AssertionError("a declared check has no body")


class NotebookSpec:
    """One graded notebook: its id and what it grades, in grading order.

    Parameters
    ----------
    id : str
        ``"<week>/<stem>"``; the solution is ``solutions/<id>.py`` and the student
        notebook ``assignments/<id>.ipynb``.
    helpers : the classic course's helper modules the notebook imports, supplied by the
        grader inside the sandbox (``autograder/helpers/<name>.py``); matplotlib's
        stand-ins come with every notebook.
    data_files : data files the hidden checks read (see ``dldata``).
    companions : ids of notebooks whose functions this one uses (the student's own copy
        of that notebook is loaded beside it when it is there, e.g. the week-4
        application uses the step-by-step functions).
    given : what each of the classic course's helper modules gives a notebook that imports
        it: module -> names of graded functions (this notebook's or its companions'), e.g.
        ``{"dnn_app_utils_v3": ("predict", "L_model_forward", ...)}``. A function a file
        imports from such a module and does not define is the course's, not the learner's:
        the reference answers it, and the notebook does not grade it (``autograder.given``).
    provided : functions the notebook itself gives its learners, written out in one of its
        cells (week 5's ``forward_propagation_n``), that graded functions call: never graded,
        never asked for; a graded function that names one in its ``reference_callees`` is
        graded with the reference's in its place, so the grader chooses what it computes.
    classic_names : the classic course's names of this notebook (file stems without a
        version suffix, e.g. ``"Logistic_Regression_with_a_Neural_Network_mindset"``) and of
        its assignment (``"W2A2"``), so a class that kept them is graded without renaming
        (``autograder.names``).
    seconds : wall time one file of this notebook may take, besides its long checks
        (which declare their own, see :class:`Check`): what grading an honest file needs
        at worst, several times over, and what a hostile one costs at most.
    """

    def __init__(self, id: str, *, helpers: Iterable[str] = (), data_files: Iterable[str] = (),
                 companions: Iterable[str] = (), given: Mapping[str, Iterable[str]] | None = None,
                 provided: Iterable[str] = (), classic_names: Iterable[str] = (), seconds: float = 60):
        self.id = id
        self.helpers = tuple(helpers)
        self.data_files = tuple(data_files)
        self.companions = tuple(companions)
        self.given = {module: tuple(functions) for module, functions in (given or {}).items()}
        self.provided = tuple(provided)
        self.classic_names = tuple(classic_names)
        self.seconds = seconds
        self.functions: list[GradedFunction] = []  # graded, in order
        self.declared: list[GradedFunction] = self.functions  # every graded function of the notebook
        self.trainings: dict[str, Training] = {}

    def __repr__(self) -> str:
        return f"NotebookSpec({self.id!r}, functions={[f.name for f in self.functions]})"

    def graded(self, name: str, points: float, **options: Any) -> GradedFunction:
        """Declare the next graded function (see :class:`GradedFunction` for ``options``)."""
        if any(f.name == name for f in self.functions):
            raise ValueError(f"{self.id}: {name} is declared twice")
        fn = GradedFunction(name, points, **options)
        self.functions.append(fn)
        return fn

    def training(self, name: str) -> Callable[[Callable[..., dict[str, Any]]], Training]:
        """Decorator: one of the reference's full trainings, which the hidden checks read
        with ``t.trained(training)``. It depends on the solution alone, so ``autograde
        release`` runs it once and records its facts (``autograder.trainings``)."""
        def register(run: Callable[..., dict[str, Any]]) -> Training:
            if name in self.trainings:
                raise ValueError(f"{self.id}: the training {name!r} is declared twice")
            self.trainings[name] = Training(self.id, name, run)
            return self.trainings[name]
        return register

    @property
    def week(self) -> str:
        return self.id.split("/", 1)[0]

    @property
    def stem(self) -> str:
        return self.id.rsplit("/", 1)[-1]

    @property
    def solution(self) -> str:
        """The instructor source, relative to the project root."""
        return f"solutions/{self.id}.py"

    @property
    def release(self) -> str:
        """The student notebook, relative to the project root."""
        return f"assignments/{self.id}.ipynb"

    @property
    def max_score(self) -> float:
        return sum(f.points for f in self.functions)

    def function(self, name: str) -> GradedFunction:
        """The graded function called ``name`` (or an earlier name of it)."""
        for fn in self.declared:
            if name in fn.names:
                return fn
        raise KeyError(f"{self.id} grades no function {name!r}")

    def only(self, *names: str) -> NotebookSpec:
        """A copy grading only the functions ``names`` (for tests and partial runs); the
        others stay declared (they are still the notebook's, and may be called)."""
        copy = NotebookSpec(self.id, helpers=self.helpers, data_files=self.data_files, companions=self.companions,
                            given=self.given, provided=self.provided, classic_names=self.classic_names,
                            seconds=self.seconds)
        copy.functions = [f for f in self.functions if f.name in names]
        copy.declared = self.declared
        return copy

    def public_only(self) -> NotebookSpec:
        """A copy keeping only the public checks."""
        copy = self.only()
        copy.functions = [f.with_checks(c for c in f.checks if c.tier == "public") for f in self.functions]
        copy.declared = copy.functions
        return copy
