"""Input checks shared by the package.

Every check raises a ``ValueError`` whose Korean message names the parameter by
its code name and shows the value it got, so a student sees at once which
argument to fix instead of a traceback from deep inside NumPy.

The second half is the one place where the package calls a *student's*
function (a gradient, a loss, a curve): :func:`function` checks that the
argument is a function taking the right arguments (not a gradient *value*),
:func:`call` calls it, and :func:`returned` checks what came back, so a
missing ``return``, a string or a wrong shape is named as such.
"""

from __future__ import annotations

import inspect
import math
from numbers import Real

import numpy as np

SHOWN_LIMIT = 80  # characters of a value repeated in a message (a huge array is summarised)


def shown(value):
    """A short, one-line text for ``value`` in a message: its repr, summarised when long.

    NumPy scalars are shown as plain numbers (``0.5``, not ``np.float64(0.5)``),
    arrays with more than six entries by their shape, long lists by their length.
    """
    if isinstance(value, np.generic):
        value = value.item()
    if isinstance(value, np.ndarray) and value.size > 6:
        return f"shape {value.shape}인 배열"
    text = repr(value)
    if len(text) <= SHOWN_LIMIT and "\n" not in text:
        return text
    if isinstance(value, (list, tuple)):
        return f"{type(value).__name__} (항목 {len(value)}개)"
    text = " ".join(text.split())
    return text if len(text) <= SHOWN_LIMIT else text[: SHOWN_LIMIT - 1] + "…"


def fail(name, value, requirement):
    """Raise the course's ValueError: parameter ``name``, the ``value`` it got, and why."""
    raise ValueError(f"`{name}` 값이 올바르지 않습니다: {shown(value)} — {requirement}")


def real_number(name, value):
    """Return ``value`` as a finite float, or raise naming ``name``."""
    if isinstance(value, (bool, np.bool_)) or not isinstance(
        value, (Real, np.floating, np.integer)
    ):
        fail(name, value, "유한한 실수여야 합니다.")
    value = float(value)
    if not math.isfinite(value):
        fail(name, value, "유한한 실수여야 합니다.")
    return value


def positive(name, value):
    """A finite number strictly greater than 0 (learning rates, δ, step sizes)."""
    number = real_number(name, value)
    if number <= 0:
        fail(name, value, "0보다 큰 유한한 수여야 합니다.")
    return number


def unit_interval(name, value):
    """A decay or momentum coefficient in [0, 1) (α, ρ, ρ₁, ρ₂)."""
    number = real_number(name, value)
    if not 0 <= number < 1:
        fail(name, value, "0 이상 1 미만이어야 합니다.")
    return number


def count(name, value, minimum=0, maximum=None):
    """A whole number >= ``minimum`` (and <= ``maximum`` if given): iterations, epochs, sizes."""
    if isinstance(value, (bool, np.bool_)) or not isinstance(value, (int, np.integer)):
        hint = " (예: 1e3 대신 1000)" if isinstance(value, float) and value.is_integer() else ""
        fail(name, value, f"{minimum} 이상의 정수여야 합니다{hint}.")
    if value < minimum:
        fail(name, value, f"{minimum} 이상의 정수여야 합니다.")
    if maximum is not None and value > maximum:
        fail(name, value, f"{maximum:,} 이하의 정수여야 합니다.")
    return int(value)


def boolean(name, value):
    """``True`` or ``False`` (a string such as ``"False"`` would be truthy)."""
    if not isinstance(value, (bool, np.bool_)):
        fail(name, value, "True 또는 False여야 합니다.")
    return bool(value)


def _float_array(value):
    """``(array, None)`` for numbers or an array of numbers, else ``(None, why)``."""
    try:
        array = np.asarray(value)
    except (TypeError, ValueError):  # ragged nested lists
        return None, "숫자 또는 (모양이 고른) 숫자 배열이어야 합니다."
    kind = array.dtype.kind
    if kind == "b":
        return None, "참/거짓(bool)이 아니라 숫자여야 합니다."
    if kind == "c":
        return None, "복소수가 아니라 실수여야 합니다."
    if kind == "O":
        # Fractions and the like convert; None would silently become NaN
        if any(item is None for item in array.flat):
            return None, "None이 섞이지 않은 숫자 배열이어야 합니다."
        try:
            array = array.astype(float)
        except (TypeError, ValueError):
            return None, "숫자 또는 숫자 배열이어야 합니다."
    elif kind not in "iuf":
        return None, "숫자 또는 숫자 배열이어야 합니다."
    return array.astype(float, copy=False), None


def numeric_array(name, value):
    """A float array of any shape from numbers (inf and NaN allowed, bools and strings not)."""
    array, problem = _float_array(value)
    if problem:
        fail(name, value, problem)
    return array


def points(name, value):
    """A float array with only finite entries, possibly empty (where a function is evaluated)."""
    # fast path: optimizers call the course's functions with float arrays thousands of times
    array = (
        value
        if type(value) is np.ndarray and value.dtype == np.float64
        else numeric_array(name, value)
    )
    if not np.isfinite(array).all():
        fail(name, value, "모든 값이 유한한 수(NaN, inf 아님)여야 합니다.")
    return array


def finite_array(name, value):
    """A non-empty float array with only finite entries (starting points, data)."""
    array = numeric_array(name, value)
    if array.size == 0:
        fail(name, value, "비어 있지 않은 숫자 배열이어야 합니다.")
    if not np.all(np.isfinite(array)):
        fail(name, value, "모든 값이 유한한 수(NaN, inf 아님)여야 합니다.")
    return array


def choice(name, value, options):
    """One of ``options``; the message lists the valid ones."""
    try:
        known = value in options
    except TypeError:  # an unhashable value (a list) asked of a set or dict keys
        known = False
    if not known:
        listed = ", ".join(repr(option) for option in options)
        fail(name, value, f"다음 중 하나여야 합니다: {listed}")
    return value


def same_shape(name, value, expected_shape):
    """Raise unless ``value`` has ``expected_shape``."""
    shape = np.shape(value)
    if shape != tuple(expected_shape):
        fail(name, f"shape {shape}", f"shape이 {tuple(expected_shape)} 이어야 합니다.")
    return value


def interval(name, value, check=real_number):
    """A range ``(low, high)`` whose ends pass ``check`` and with ``low < high`` (slider ranges)."""
    try:
        low, high = value
    except (TypeError, ValueError):
        fail(name, value, "(최솟값, 최댓값) 두 수여야 합니다.")
    low, high = check(name, low), check(name, high)
    if low >= high:
        fail(name, value, "최솟값이 최댓값보다 작아야 합니다.")
    return low, high


def rng(name, seed):
    """A ``numpy.random.Generator`` from an int seed, None or a Generator (returned as is)."""
    if isinstance(seed, (bool, np.bool_, float)):  # default_rng(True) and (1.0) would "work"
        fail(name, seed, "정수 시드, None 또는 np.random.Generator여야 합니다.")
    try:
        return np.random.default_rng(seed)
    except (TypeError, ValueError):
        fail(name, seed, "정수 시드, None 또는 np.random.Generator여야 합니다.")


def path_2d(name, value, label=None):
    """An optimization path in the plane: a finite float array of shape ``(n, 2)``, n ≥ 1.

    Nothing is reshaped: a transposed ``(2, n)`` path or a flat one is refused,
    with its shape in the message. ``label`` names the path inside a dict.
    """
    where = "" if label is None else f"{label!r}의 "
    array, problem = _float_array(value)
    if problem:
        fail(name, value if label is None else {label: value}, problem)
    if array.ndim != 2 or array.shape[1] != 2 or len(array) == 0:
        hint = (
            " — 전치된 (2, n) 배열이면 .T를 붙이세요"
            if array.ndim == 2 and array.shape[0] == 2 and array.shape[1] != 2
            else ""
        )
        raise ValueError(
            f"`{name}` 값이 올바르지 않습니다: {where}shape {array.shape} — 2차원 경로는 "
            f"점마다 한 행인 (n, 2) 배열이어야 합니다 (n ≥ 1){hint}."
        )
    if not np.all(np.isfinite(array)):
        raise ValueError(
            f"`{name}` 값이 올바르지 않습니다: {where}NaN 또는 inf가 있는 경로 — "
            "모든 점이 유한해야 합니다 (발산한 실행은 cu.optimize가 유한한 점에서 멈춥니다)."
        )
    return array


def mapping(name, value, what="{이름: 경로}"):
    """A non-empty dict (labelled paths, curves): a lone array or list is refused."""
    if not isinstance(value, dict):
        fail(
            name,
            value if not isinstance(value, np.ndarray) else f"shape {value.shape}인 배열",
            f"{what} 모양의 dict여야 합니다 (하나뿐이면 {{'이름': 값}}처럼 감싸세요).",
        )
    if not value:
        fail(name, value, f"{what} 항목이 하나 이상 있어야 합니다.")
    return value


# --- calling a student's function ----------------------------------------------

_COUNT_WORDS = {2: "두", 3: "세", 4: "네"}


def _takes(arguments):
    """ "w 하나" or "(w, X, y) 세 개": the arguments a function must take."""
    if len(arguments) == 1:
        return f"{arguments[0]} 하나"
    word = _COUNT_WORDS.get(len(arguments), str(len(arguments)))
    return f"({', '.join(arguments)}) {word} 개"


def _looks_numeric(value):
    return _float_array(value)[1] is None and not isinstance(value, (str, bytes))


def _signature_problem(fn, n_arguments):
    """Why ``fn`` cannot take ``n_arguments`` positional arguments, or None (also if unknown)."""
    try:
        signature = inspect.signature(fn)
    except (TypeError, ValueError):  # some builtins have no signature: find out when called
        return None
    try:
        signature.bind(*range(n_arguments))
    except TypeError as error:
        title = getattr(fn, "__name__", type(fn).__name__)
        return f"받은 함수는 {title}{signature} ({error})"
    return None


def function(name, value, arguments=("w",), example="f.gradient", value_kind="그래디언트 값"):
    """A function that takes ``arguments`` positionally, checked before it is called.

    Parameters
    ----------
    name : str
        The parameter's code name, e.g. ``"grad_fn"``.
    value : object
        What the student passed.
    arguments : tuple of str, default ("w",)
        Names of the positional arguments the function will be called with.
    example : str, default "f.gradient"
        An example of a right argument, shown in the message.
    value_kind : str, default "그래디언트 값"
        What a number passed here probably is ("a gradient value", "a function value").

    Returns
    -------
    callable
        ``value`` itself.
    """
    if not callable(value):
        if value is not None and _looks_numeric(value):
            raise ValueError(
                f"`{name}`에는 {value_kind}이 아니라 함수(예: {example})를 넘겨야 합니다: "
                f"받은 값 {shown(value)}"
            )
        fail(name, value, f"함수(예: {example})여야 합니다.")
    problem = _signature_problem(value, len(arguments))
    if problem is not None:
        raise ValueError(f"`{name}`는 {_takes(arguments)}를 받는 함수여야 합니다: {problem}")
    return value


def call(name, fn, *args, arguments=None):
    """``fn(*args)``; a call that fails on the number of arguments is named as such.

    An error raised *inside* the student's function is left alone: its
    traceback points at the student's own line.
    """
    try:
        return fn(*args)
    except TypeError as error:
        # Raised by the call itself (no frame of fn below this one) and fn cannot
        # take these arguments, or its signature is unknown: the arity is wrong.
        problem = _signature_problem(fn, len(args))
        if error.__traceback__.tb_next is None and (problem or not _has_signature(fn)):
            takes = _takes(arguments or tuple(f"인자{i + 1}" for i in range(len(args))))
            raise ValueError(
                f"`{name}`는 {takes}를 받는 함수여야 합니다: {problem or error}"
            ) from error
        raise


def _has_signature(fn):
    try:
        inspect.signature(fn)
    except (TypeError, ValueError):
        return False
    return True


def returned(name, value, shape=None, scalar=False, like="입력"):
    """What a student's function returned, as a float array, or a ValueError saying what is wrong.

    Parameters
    ----------
    name : str
        The function's parameter name (``"grad_fn"``, ``"f"``).
    value : object
        The return value.
    shape : tuple, optional
        The shape it must have (a gradient: the shape of ``w``).
    scalar : bool, default False
        It must be a single number (a loss, f(w) of a scalar function).
    like : str, default "입력"
        What ``shape`` is the shape of, for the message (``"w"``).

    Returns
    -------
    ndarray
        Non-finite values are returned as they are: whether they are an error
        or divergence is the caller's decision.
    """
    if value is None:
        raise ValueError(
            f"`{name}`가 None을 돌려주었습니다 — 함수 끝에 `return`을 빠뜨리지 않았나요?"
        )
    array, problem = _float_array(value)
    if problem:
        raise ValueError(f"`{name}`가 돌려준 값이 올바르지 않습니다: {shown(value)} — {problem}")
    if scalar and array.size != 1:
        raise ValueError(
            f"`{name}`가 돌려준 값이 올바르지 않습니다: shape {array.shape} — 숫자 하나"
            "(스칼라)를 돌려줘야 합니다."
        )
    if shape is not None and array.shape != tuple(shape):
        raise ValueError(
            f"`{name}`가 돌려준 값이 올바르지 않습니다: shape {array.shape} — {like}와 같은 "
            f"shape {tuple(shape)}이어야 합니다."
        )
    return array


def evaluate(name, fn, *args, arguments=None, shape=None, scalar=False, like="입력"):
    """:func:`call` then :func:`returned`, with NumPy's overflow warnings silenced.

    Whether an inf or NaN result is an error is left to the caller, which
    knows whether it means divergence (an optimizer) or a bad point (a derivative).
    """
    with np.errstate(over="ignore", invalid="ignore", divide="ignore"):
        value = call(name, fn, *args, arguments=arguments)
    return returned(name, value, shape=shape, scalar=scalar, like=like)
