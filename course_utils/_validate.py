"""Input checks shared by the package.

Every check raises a ``ValueError`` whose Korean message names the parameter by
its code name and shows the value it got, so a student sees at once which
argument to fix instead of a traceback from deep inside NumPy.
"""

from __future__ import annotations

import math
from numbers import Real

import numpy as np


def fail(name, value, requirement):
    """Raise the course's ValueError: parameter ``name``, the ``value`` it got, and why."""
    raise ValueError(f"`{name}` 값이 올바르지 않습니다: {value!r} — {requirement}")


def real_number(name, value):
    """Return ``value`` as a finite float, or raise naming ``name``."""
    if isinstance(value, bool) or not isinstance(value, (Real, np.floating, np.integer)):
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


def count(name, value, minimum=0):
    """A whole number >= ``minimum`` (iteration counts, epochs, batch sizes)."""
    if isinstance(value, bool) or not isinstance(value, (int, np.integer)):
        fail(name, value, f"{minimum} 이상의 정수여야 합니다.")
    if value < minimum:
        fail(name, value, f"{minimum} 이상의 정수여야 합니다.")
    return int(value)


def finite_array(name, value):
    """A float array with only finite entries (starting points, data)."""
    try:
        array = np.asarray(value, dtype=float)
    except (TypeError, ValueError):
        fail(name, value, "숫자 또는 숫자 배열이어야 합니다.")
    if array.size == 0:
        fail(name, value, "비어 있지 않은 숫자 배열이어야 합니다.")
    if not np.all(np.isfinite(array)):
        fail(name, value, "모든 값이 유한한 수(NaN, inf 아님)여야 합니다.")
    return array


def choice(name, value, options):
    """One of ``options``; the message lists the valid ones."""
    if value not in options:
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
    try:
        return np.random.default_rng(seed)
    except (TypeError, ValueError):
        fail(name, seed, "정수 시드, None 또는 np.random.Generator여야 합니다.")
