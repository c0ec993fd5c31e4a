"""The comparison engine behind the exercises' self-checks.

A student's answer — a number, a vector, or a function — is compared with a
reference, and the verdict is an :class:`Outcome`: one of

- ``"correct"``: ○, the answer matches within the exercise's tolerance;
- ``"wrong"``: ×, with what the student gave (never the expected number of a
  numeric exercise), why it differs, and a targeted hint where one applies;
- ``"unanswered"``: ☞, the answer is still ``None`` (or a function still
  returns ``None``): nothing is judged yet;
- ``"unavailable"``: ※, the check cannot run yet (a cell above it, whose
  results the exercise uses, has not been run).

Exercises normally go through :func:`course_utils.exercises.check`, which knows
each exercise's reference, tolerance and hints; :func:`check_number` and
:func:`check_function` are the same engine for a reference you give yourself.

Hints are :class:`Hint` objects made by the factories at the end of this
module (:func:`sign_flipped`, :func:`near`, :func:`unnormalized`,
:func:`missing_start`, :func:`matches`, :func:`when`). Slips every exercise can
make — a missing ``return``, ``^`` for a power, a string or a bool for a
number, a wrong shape, a rounded value — are recognised without being declared.
"""

from __future__ import annotations

import math
import warnings
from collections.abc import Callable
from dataclasses import dataclass
from numbers import Number

import numpy as np

CORRECT, WRONG, UNANSWERED, UNAVAILABLE = "correct", "wrong", "unanswered", "unavailable"
MARKS = {CORRECT: "○", WRONG: "×", UNANSWERED: "☞", UNAVAILABLE: "※"}
# The not-answered line: the notebook tests look for it under every exercise cell.
NOT_ANSWERED = "아직 답을 입력하지 않았습니다."
MAX_MESSAGE = 600
DEFAULT_POINTS = (-2.0, -0.5, 0.0, 0.7, 1.5, 3.0)


@dataclass(frozen=True)
class Outcome:
    """A verdict: its status, the message shown to the student, and the hints that fired."""

    status: str
    message: str
    hints: tuple = ()

    def __bool__(self):
        return self.status == CORRECT

    @property
    def text(self):
        """The line printed under the exercise cell."""
        return f"{MARKS[self.status]} {self.message}".strip()


class _Unanswered(Exception):
    """Raised inside the engine when the answer is (partly) still None."""


class _NotNumbers(Exception):
    """Raised inside the engine when the answer cannot be read as numbers."""


# --------------------------------------------------------------------------
# formatting: what the student gave, short and with significant digits


def format_number(x):
    """A number with 6 significant digits (``:.6g``), never rounded to zero."""
    if isinstance(x, (bool, np.bool_)):
        return repr(bool(x))
    if isinstance(x, (int, np.integer)):
        return str(int(x))
    return f"{float(x):.6g}"


def format_value(value, threshold=6):
    """A short text for a number or an array: entries with 6 significant digits,
    long arrays summarised (shape plus the first and last entries)."""
    array = np.asarray(value)
    if array.ndim == 0:
        return format_number(array.item())
    text = np.array2string(
        array,
        threshold=threshold,
        edgeitems=2,
        separator=", ",
        max_line_width=10_000,
        formatter={"float_kind": format_number, "int_kind": format_number},
    )
    text = " ".join(text.split())
    if array.size > threshold or array.ndim > 1:
        text = f"shape {array.shape} 배열 {text}"
    return _shorten(text, 200)


def _shorten(text, limit=MAX_MESSAGE):
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _format_args(args):
    return ", ".join(format_value(a, threshold=4) for a in args)


def _relative_error(got, want):
    scale = np.maximum(np.abs(want), np.finfo(float).tiny)
    return float(np.max(np.abs(got - want) / scale))


def precision_phrase(rtol, atol):
    """Korean wording of a tolerance: what counts as equal in this exercise."""
    parts = []
    if rtol:
        parts.append(f"상대오차 {rtol:g} 이내")
    if atol:
        parts.append(f"절대오차 {atol:g} 이내")
    return " 또는 ".join(parts) or "정확히 같은 값"


# --------------------------------------------------------------------------
# reading an answer as numbers


def _contains_none(value):
    if value is None:
        return True
    if isinstance(value, (list, tuple)):
        return any(_contains_none(v) for v in value)
    if isinstance(value, np.ndarray) and value.dtype == object:
        return any(_contains_none(v) for v in value.ravel())
    return False


def _kind_of(value):
    return type(value).__name__


def as_numbers(answer, what="입력"):
    """The answer as a float array, or raise with a Korean reason.

    Raises ``_Unanswered`` when a ``None`` is still in it, ``_NotNumbers`` when
    it is a string, a bool, a function, a complex number or a ragged list.
    """
    if _contains_none(answer):
        raise _Unanswered
    if isinstance(answer, (bool, np.bool_)):
        raise _NotNumbers(
            f"{what}이 {answer!r}입니다. True/False는 숫자가 아닙니다: 숫자로 답하세요."
        )
    if isinstance(answer, (str, bytes)):
        raise _NotNumbers(
            f"{what}이 문자열 {_shorten(repr(answer), 60)}입니다. 숫자는 따옴표 없이 쓰세요"
            + (f": {answer.strip()}" if _looks_numeric(answer) else ".")
        )
    if callable(answer) and not isinstance(answer, np.ndarray):
        raise _NotNumbers(
            f"{what}이 함수({getattr(answer, '__name__', _kind_of(answer))})입니다. "
            "값이 필요합니다: 함수를 호출한 결과(예: f(3.0))를 넣으세요."
        )
    if isinstance(answer, (dict, set, frozenset)):
        raise _NotNumbers(
            f"{what}이 {_kind_of(answer)}입니다. 숫자나 숫자의 리스트/배열이 필요합니다."
        )
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            raw = np.asarray(answer)
        except ValueError:
            raise _NotNumbers(f"{what}의 리스트들 길이가 서로 다릅니다 (모양을 정할 수 없습니다).")
    if raw.dtype == object or raw.dtype.kind in "USV":
        items = [v for v in raw.ravel() if not isinstance(v, Number)]
        shown = _shorten(repr(items[0]), 60) if items else "?"
        raise _NotNumbers(f"{what}에 숫자가 아닌 값이 있습니다: {shown}")
    if raw.dtype.kind == "b":
        raise _NotNumbers(f"{what}이 True/False 배열입니다. 숫자로 답하세요.")
    if raw.dtype.kind == "c":
        raise _NotNumbers(f"{what}이 복소수입니다: {_shorten(str(raw), 60)}. 실수로 답하세요.")
    return raw.astype(float)


def _looks_numeric(text):
    try:
        float(text)
    except (TypeError, ValueError):
        return False
    return True


# --------------------------------------------------------------------------
# hints


@dataclass(frozen=True)
class Hint:
    """A targeted hint: shown when ``applies`` recognises the slip in a wrong answer.

    Attributes
    ----------
    message : str or callable
        The Korean hint, or ``message(got)`` when it quotes the answer (for
        example what the student's learning rate would do).
    applies : callable
        ``applies(got, want) -> bool``; for numbers ``got`` and ``want`` are
        float arrays of the same shape (or of the shapes the hint expects);
        for functions ``got`` is the student's function and ``want`` the
        reference function, and ``points`` are passed too.
    example : callable
        ``example(want)`` builds an answer that makes the hint fire (the unit
        tests check that every declared hint really fires).
    kind : str
        ``"number"`` or ``"function"``.
    """

    message: str
    applies: Callable
    example: Callable
    kind: str = "number"


def _close(got, want, rtol, atol):
    got, want = np.asarray(got, dtype=float), np.asarray(want, dtype=float)
    return got.shape == want.shape and bool(np.allclose(got, want, rtol=rtol, atol=atol))


def sign_flipped(message="부호가 반대입니다. 방향(+/−)을 다시 확인하세요."):
    """Hint for an answer equal to −expected."""
    return Hint(
        message,
        lambda got, want: bool(np.any(want != 0)) and _close(got, -want, 1e-6, 1e-12),
        lambda want: -np.asarray(want, dtype=float),
    )


def near(wrong, message, rtol=1e-6, atol=1e-9):
    """Hint for a known wrong value; ``wrong`` is a value or ``wrong(expected)``."""
    value = wrong if callable(wrong) else (lambda _want: wrong)
    return Hint(
        message,
        lambda got, want: (
            _close(got, value(want), rtol, atol) and not _close(got, want, rtol, atol)
        ),
        lambda want: np.asarray(value(want), dtype=float),
    )


def unnormalized(
    message="방향은 맞지만 길이가 1이 아닙니다. 벡터를 그 길이(노름)로 나누어 단위벡터로 만드세요.",
):
    """Hint for a vector parallel to the expected unit vector but of another length."""

    def applies(got, want):
        norm = np.linalg.norm(got)
        return (
            got.shape == want.shape
            and norm > 0
            and not math.isclose(norm, 1.0, rel_tol=1e-3)
            and _close(got / norm, want / np.linalg.norm(want), 1e-4, 1e-9)
        )

    return Hint(message, applies, lambda want: 2.5 * np.asarray(want, dtype=float))


def missing_start(message="경로의 첫 점 x₀(시작점)가 빠졌습니다. 경로는 시작점부터 담아야 합니다."):
    """Hint for a path that lacks its first point."""
    return Hint(
        message,
        lambda got, want: got.shape[:1] == (len(want) - 1,) and _close(got, want[1:], 1e-6, 1e-9),
        lambda want: np.asarray(want, dtype=float)[1:],
    )


def when(predicate, message, example):
    """Hint from any ``predicate(got, want) -> bool``; ``example(want)`` must make it fire."""
    return Hint(message, predicate, example)


def matches(wrong_function, message):
    """Function hint: the student's function equals ``wrong_function`` at every point."""

    def applies(got, want, points):
        for args in points:
            try:
                with warnings.catch_warnings(), np.errstate(all="ignore"):
                    warnings.simplefilter("ignore")
                    ok = _close(
                        as_numbers(got(*args)), as_numbers(wrong_function(*args)), 1e-6, 1e-9
                    )
            except Exception:
                return False
            if not ok:
                return False
        return True

    return Hint(message, applies, lambda want: wrong_function, kind="function")


def _fired(hints, got, *rest):
    fired = []
    for hint in hints:
        try:
            if hint.applies(got, *rest):
                fired.append(hint.message(got) if callable(hint.message) else hint.message)
        except Exception:  # a hint that does not apply to this shape of answer
            continue
    return tuple(fired)


# --------------------------------------------------------------------------
# the two comparisons


def compare_number(answer, expected, rtol, atol, hints=(), what="입력"):
    """Compare a number (or an array of numbers) with ``expected``.

    Parameters
    ----------
    answer : object
        What the student gave.
    expected : float or array_like
        The reference value.
    rtol, atol : float
        Tolerances, as in :func:`numpy.allclose`.
    hints : sequence of Hint
        Targeted hints for this exercise.
    what : str
        How the message names the answer ("입력", "함수가 돌려준 값", …).

    Returns
    -------
    Outcome
    """
    try:
        got = as_numbers(answer, what)
    except _Unanswered:
        if answer is None:
            return Outcome(UNANSWERED, f"{NOT_ANSWERED} `None` 자리를 채우고 다시 실행해 보세요.")
        return Outcome(
            UNANSWERED, f"{what}에 아직 None인 자리가 있습니다. 채우지 않은 칸을 채워 주세요."
        )
    except _NotNumbers as reason:
        return Outcome(WRONG, _shorten(str(reason)))
    want = np.asarray(expected, dtype=float)
    shown = format_value(got)
    if got.shape != want.shape:
        fired = _fired(hints, got, want)
        message = (
            f"모양(shape)이 다릅니다: {what}의 shape {got.shape}, 필요한 shape {want.shape}. "
            f"{what}: {shown}"
        )
        return Outcome(WRONG, _with_hints(message, fired), fired)
    if not np.all(np.isfinite(got)):
        return Outcome(WRONG, f"{what}에 NaN 또는 inf가 있습니다: {shown}")
    if np.allclose(got, want, rtol=rtol, atol=atol):
        return Outcome(CORRECT, "정답입니다!")
    fired = _fired(hints, got, want)
    message = f"아직 아닙니다. {what}: {shown}"
    if not fired:
        error = _relative_error(got, want)
        # "almost": within ten times the tolerance (a value rounded one digit too early)
        if np.allclose(got, want, rtol=10 * rtol, atol=10 * atol):
            message += (
                f" — 거의 맞았습니다. 다만 이 문제는 {precision_phrase(rtol, atol)}를 정답으로 봅니다 "
                f"(지금 상대오차 {error:.2g}). 반올림했다면 자릿수를 늘리거나 식 그대로 계산해 넣으세요."
            )
    return Outcome(WRONG, _with_hints(message, fired), fired)


def _with_hints(message, fired):
    if fired:
        message += " 힌트: " + " ".join(fired)
    return _shorten(message)


def _where(args):
    return f"입력 ({_format_args(args)})" if len(args) != 1 else f"입력 {_format_args(args)}"


def _call(function, args):
    """Call a student's function quietly; return (value, None) or (None, Outcome)."""
    where = _where(args)
    try:
        with warnings.catch_warnings(), np.errstate(all="ignore"):
            warnings.simplefilter("ignore")
            return function(*args), None
    except TypeError as error:
        text = str(error)
        if (
            "^" in text or "bitwise_xor" in text
        ):  # floats: "for ^"; NumPy arrays: "ufunc 'bitwise_xor'"
            return None, Outcome(
                WRONG,
                _shorten(
                    f"{where}에서 오류가 났습니다: TypeError: {text}. 힌트: 파이썬의 거듭제곱은 `**`입니다 "
                    "(`x**2`). `^`는 비트 연산(XOR)입니다."
                ),
            )
        if "NoneType" in text:
            return None, Outcome(
                WRONG,
                _shorten(
                    f"{where}에서 계산에 None이 섞였습니다 (TypeError: {text}). 아직 `None`인 자리가 "
                    "있나요? 채우지 않은 칸을 채워 주세요."
                ),
            )
        if "positional argument" in text or "takes" in text:
            return None, Outcome(
                WRONG,
                _shorten(
                    f"함수의 인자 개수가 맞지 않습니다: {len(args)}개의 값({_format_args(args)})으로 불렀더니 "
                    f"TypeError: {text}"
                ),
            )
        return None, Outcome(WRONG, _shorten(f"{where}에서 오류가 났습니다: TypeError: {text}"))
    except NameError as error:
        return None, Outcome(
            WRONG,
            _shorten(
                f"{where}에서 오류가 났습니다: NameError: {error}. 이름의 오타가 없는지, 그 이름을 만드는 "
                "셀을 먼저 실행했는지 확인하세요."
            ),
        )
    except Exception as error:  # a student's bug: reported, not raised
        return None, Outcome(
            WRONG, _shorten(f"{where}에서 오류가 났습니다: {type(error).__name__}: {error}")
        )


def _points_as_args(points):
    return [tuple(p) if isinstance(p, tuple) else (p,) for p in points]


def compare_function(answer, reference, points, rtol, atol, hints=()):
    """Compare a function with ``reference`` at ``points``.

    Parameters
    ----------
    answer : object
        What the student gave: a function, or ``None`` when not answered yet.
    reference : callable
        The reference function.
    points : sequence
        Where to compare. A tuple is unpacked as several arguments
        (``(x, y)`` → ``f(x, y)``); anything else (a number, a list, an array)
        is passed as one argument.
    rtol, atol : float
        Tolerances, as in :func:`numpy.allclose`.
    hints : sequence of Hint
        Function hints (:func:`matches`) and number hints (applied to the
        value at the first point that differs).

    Returns
    -------
    Outcome
    """
    if answer is None:
        return Outcome(UNANSWERED, f"{NOT_ANSWERED} `None` 자리를 채우고 다시 실행해 보세요.")
    if not callable(answer):
        return Outcome(
            WRONG,
            _shorten(
                f"함수가 필요합니다. 받은 값은 {_kind_of(answer)} {format_value(answer) if _is_numeric(answer) else ''}".rstrip()
                + "입니다. `def 이름(x): return ...` 또는 `lambda x: ...`로 함수를 만드세요."
            ),
        )
    arg_list = _points_as_args(points)
    function_hints = [h for h in hints if h.kind == "function"]
    number_hints = [h for h in hints if h.kind == "number"]
    for args in arg_list:
        got, failure = _call(answer, args)
        if failure is not None:
            return failure
        if got is None:
            return Outcome(
                UNANSWERED,
                "함수가 None을 돌려주었습니다. `return`을 빠뜨리지 않았나요? "
                "(아직 채우지 않은 `None` 자리가 있다면 채워 주세요.)",
            )
        want = reference(*args)
        outcome = compare_number(got, want, rtol, atol, number_hints, what="함수가 돌려준 값")
        if outcome.status == CORRECT:
            continue
        if outcome.status == UNANSWERED:
            return outcome
        fired = _fired(function_hints, answer, reference, arg_list) + outcome.hints
        message = outcome.message.split(" 힌트: ")[0]
        if "shape" not in message:
            message += f" (정답 함수의 값: {format_value(np.asarray(want, dtype=float))})"
        return Outcome(WRONG, _with_hints(f"{_where(args)}에서 — {message}", fired), fired)
    return Outcome(CORRECT, f"정답입니다! {len(arg_list)}개의 입력에서 모두 일치합니다.")


def _is_numeric(value):
    try:
        as_numbers(value)
    except (_Unanswered, _NotNumbers):
        return False
    return True


def report(outcome, strict=False, label=""):
    """Print the verdict; with ``strict`` a verdict other than correct raises ``AssertionError``."""
    if strict and outcome.status != CORRECT:
        raise AssertionError(f"모범답안이 통과하지 못했습니다{label}: {outcome.message}")
    print(outcome.text)


def check_number(answer, expected, rtol=1e-6, atol=1e-9, hints=(), strict=False):
    """Compare a number (or a vector) with ``expected`` and print the verdict.

    Parameters
    ----------
    answer : float or array_like or None
        The answer; ``None`` means "not answered yet".
    expected : float or array_like
        The reference value.
    rtol, atol : float
        Tolerances, as in :func:`numpy.allclose`.
    hints : sequence of Hint
        Targeted hints.
    strict : bool, default False
        Raise ``AssertionError`` unless the answer is correct.

    Returns
    -------
    None
        The verdict is printed (nothing is returned, so a cell shows no ``Out``).
    """
    report(compare_number(answer, expected, rtol, atol, hints), strict)


def check_function(
    answer, reference, points=DEFAULT_POINTS, rtol=1e-6, atol=1e-9, hints=(), strict=False
):
    """Compare a function with ``reference`` at ``points`` and print the verdict.

    Parameters
    ----------
    answer : callable or None
        The function; ``None`` means "not answered yet".
    reference : callable
        The reference function.
    points : sequence, default (-2, -0.5, 0, 0.7, 1.5, 3)
        Where to compare; a tuple is unpacked as arguments, e.g.
        ``[(0, 1), (2, -1)]`` for a function of two variables.
    rtol, atol : float
        Tolerances, as in :func:`numpy.allclose`.
    hints : sequence of Hint
        Targeted hints.
    strict : bool, default False
        Raise ``AssertionError`` unless the answer is correct.

    Returns
    -------
    None
    """
    report(compare_function(answer, reference, points, rtol, atol, hints), strict)


__all__ = [
    "Hint",
    "Outcome",
    "check_function",
    "check_number",
    "compare_function",
    "compare_number",
    "format_value",
    "matches",
    "missing_start",
    "near",
    "sign_flipped",
    "unnormalized",
    "when",
]
