"""The course's exercises: one registry, keyed by id.

An exercise cell holds only the student's answer and one call::

    my_x3 = None   # 여기에 답을 쓰세요

    cu.check("05.1", my_x3)

``"05.1"`` is exercise 1 of notebook 05; its reference, tolerance and hints are
declared in ``course_utils/exercises/nb05.py`` (one module per notebook), so
nothing in the student's cell computes or prints the answer. Like
otter-grader's ``grader.check("q1")``, a check may use results of the cells
above it (the penguin data, a learning-rate sweep): an exercise names them in
``context`` and :func:`check` reads them from the notebook's namespace.

The model answers live in the notebook, in the ``<details>`` box under each
exercise (a ``python`` code block), where a student who asks can read them;
the tests run each of them through the same check with ``strict=True``
(see ``course_utils/_editions.py``).
"""

from __future__ import annotations

import importlib
import re
import sys
from dataclasses import dataclass

from .. import _validate
from ..checks import (
    UNAVAILABLE,
    Outcome,
    compare_function,
    compare_number,
    report,
)

ID_PATTERN = re.compile(r"^(\d\d[a-z]?)\.(\d+)$")


@dataclass(frozen=True)
class Exercise:
    """One exercise: how its answer is judged.

    Attributes
    ----------
    id : str
        ``"NN.k"``: notebook NN, exercise k.
    kind : str
        ``"number"`` (a number or an array) or ``"function"``.
    reference : callable or value
        Numbers: the expected value, or ``reference(**context)`` returning it.
        Functions: ``reference(*point, **context)``, the reference function.
    rtol, atol : float
        The tolerance, chosen per exercise (see :func:`number`).
    hints : tuple of Hint
        Targeted hints for the slips this exercise invites.
    points : tuple
        Functions only: where the two functions are compared.
    context : tuple of str
        Names of notebook variables the reference needs.
    """

    id: str
    kind: str
    reference: object
    rtol: float
    atol: float
    hints: tuple = ()
    points: tuple = ()
    context: tuple = ()

    def expected(self, context=None):
        """The reference value (numbers) or a reference function (functions)."""
        values = _context_values(self, context or {})
        if self.kind == "number":
            return self.reference(**values) if callable(self.reference) else self.reference
        return lambda *args: self.reference(*args, **values)


def _tolerance(rtol, atol):
    rtol = _validate.real_number("rtol", rtol)
    atol = _validate.real_number("atol", atol)
    if rtol < 0 or atol < 0 or rtol + atol == 0:
        _validate.fail(
            "rtol", (rtol, atol), "허용 오차는 0 이상이고 둘 중 하나는 0보다 커야 합니다."
        )
    return rtol, atol


def number(exercise_id, reference, *, rtol, atol, hints=(), context=()):
    """Declare a number (or array) exercise.

    The tolerance has no default on purpose: write the precision the exercise
    asks for (a value read off a printout or worked by hand: ``rtol=1e-3``;
    an exact formula typed as code: ``rtol=1e-9``).
    """
    rtol, atol = _tolerance(rtol, atol)
    return Exercise(exercise_id, "number", reference, rtol, atol, tuple(hints), (), tuple(context))


def function(exercise_id, reference, *, points, rtol, atol, hints=(), context=()):
    """Declare a function exercise, compared with ``reference`` at ``points``."""
    rtol, atol = _tolerance(rtol, atol)
    return Exercise(
        exercise_id, "function", reference, rtol, atol, tuple(hints), tuple(points), tuple(context)
    )


class _Missing(Exception):
    pass


def _context_values(exercise, context):
    missing = [name for name in exercise.context if name not in context]
    if missing:
        raise _Missing(", ".join(f"`{name}`" for name in missing))
    return {name: context[name] for name in exercise.context}


def _module_name(notebook):
    return f"{__name__}.nb{notebook}"


def get(exercise_id):
    """The :class:`Exercise` registered under ``exercise_id`` (e.g. ``"05.1"``)."""
    match = ID_PATTERN.match(exercise_id) if isinstance(exercise_id, str) else None
    if match is None:
        _validate.fail(
            "exercise_id",
            exercise_id,
            '"05.1"처럼 "노트북 번호.문제 번호" 꼴의 문자열이어야 합니다.',
        )
    try:
        module = importlib.import_module(_module_name(match.group(1)))
    except ModuleNotFoundError:
        _validate.fail(
            "exercise_id", exercise_id, f"노트북 {match.group(1)}에는 등록된 연습문제가 없습니다."
        )
    for exercise in module.EXERCISES:
        if exercise.id == exercise_id:
            return exercise
    known = ", ".join(e.id for e in module.EXERCISES)
    _validate.fail("exercise_id", exercise_id, f"등록된 연습문제가 아닙니다 (이 노트북: {known}).")


def evaluate(exercise_id, answer, context=None):
    """Judge ``answer`` to exercise ``exercise_id``; returns an :class:`~course_utils.checks.Outcome`.

    Parameters
    ----------
    exercise_id : str
        For example ``"05.1"``.
    answer : object
        The student's answer.
    context : dict, optional
        Where the names in the exercise's ``context`` are looked up (the
        notebook's namespace when called through :func:`check`).
    """
    exercise = get(exercise_id)
    if (
        answer is None
    ):  # nothing to judge: do not compute a reference (nor need the notebook's data)
        return compare_number(None, 0.0, exercise.rtol, exercise.atol)
    try:
        expected = exercise.expected(context)
    except _Missing as missing:
        return Outcome(
            UNAVAILABLE,
            f"이 연습문제는 위쪽 셀에서 만든 {missing}를 씁니다. "
            "위의 셀들을 먼저 실행하세요 (Run ▸ Run All Cells).",
        )
    if exercise.kind == "number":
        return compare_number(answer, expected, exercise.rtol, exercise.atol, exercise.hints)
    return compare_function(
        answer, expected, exercise.points, exercise.rtol, exercise.atol, exercise.hints
    )


def check(exercise_id, answer, strict=False):
    """Check an answer to exercise ``exercise_id`` and print the verdict.

    Parameters
    ----------
    exercise_id : str
        ``"NN.k"``: notebook NN, exercise k, as written in the exercise cell.
    answer : object
        The student's answer (a number, a list or array, or a function);
        ``None`` means "not answered yet".
    strict : bool, default False
        Raise ``AssertionError`` unless the answer is correct (the tests use
        this to prove the model answers right).

    Returns
    -------
    None
        The verdict is printed, so the cell shows no ``Out``.
    """
    caller = sys._getframe(1).f_globals  # the notebook's namespace, as otter-grader does
    report(evaluate(exercise_id, answer, caller), strict, label=f" (연습문제 {exercise_id})")


def notebook_exercises(notebook):
    """All exercises of notebook ``notebook`` (e.g. ``"05"``), in order."""
    try:
        module = importlib.import_module(_module_name(notebook))
    except ModuleNotFoundError:
        return ()
    return tuple(module.EXERCISES)


__all__ = ["Exercise", "check", "evaluate", "function", "get", "notebook_exercises", "number"]
