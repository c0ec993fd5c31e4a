"""Shared pieces of the plot helpers: the path palette, axes creation, input checks."""

from __future__ import annotations

import numpy as np

from .. import _validate

PATH_LABEL_LIMIT = 6  # beyond this many points, x_k labels pile up on a converging path
# One palette for every path helper, matplotlib and plotly alike, so a run has the same
# colour in a contour, a loss curve, a 3D surface and an animation (matplotlib's tab10:
# red, blue, orange, green, purple, brown, pink, grey).
PATH_COLORS = [
    "#d62728",
    "#1f77b4",
    "#ff7f0e",
    "#2ca02c",
    "#9467bd",
    "#8c564b",
    "#e377c2",
    "#7f7f7f",
]
MARKER_LIMIT = 100  # longer sequences are drawn as plain lines: markers would merge into a band


def signed(number, spec=".4f"):
    """Format ``number`` for figure text with the true minus sign (U+2212).

    Matplotlib draws tick labels with "−"; a Python-formatted "-" beside them
    would look like a hyphen.

    Parameters
    ----------
    number : float
        The number.
    spec : str, default ".4f"
        A format specification, as in ``format(number, spec)``.

    Returns
    -------
    str
    """
    return format(number, spec).replace("-", "\N{MINUS SIGN}")


def _subplots(*args, **kwargs):
    """``plt.subplots`` with the Korean font fallback in place first."""
    import matplotlib.pyplot as plt

    from ..style import use_korean_fallback

    use_korean_fallback()
    kwargs.setdefault("layout", "constrained")  # labels of neighbouring panels must not overlap
    return plt.subplots(*args, **kwargs)


def get_ax(ax=None, figsize=(4, 4)):
    """Return ``ax``, or the axes of a new figure of size ``figsize``.

    Either way the Korean font fallback is in place before anything is drawn.
    """
    from matplotlib.axes import Axes

    from ..style import use_korean_fallback

    use_korean_fallback()
    if ax is None:
        _, ax = _subplots(figsize=figsize)
    elif not isinstance(ax, Axes):
        _validate.fail(
            "ax", ax, "matplotlib Axes(예: fig, ax = plt.subplots()의 ax) 또는 None이어야 합니다."
        )
    return ax


def _function_1d(name, f, x=None):
    """A function of one variable to draw, and where: ``x`` or ``f.grid()``."""
    f = _validate.function(
        name, f, arguments=("x",), example="cu.functions.QUADRATIC", value_kind="함숫값"
    )
    if x is None:
        if not callable(getattr(f, "grid", None)):
            _validate.fail("x", None, "일반 함수를 그리려면 x(그릴 점들)를 주어야 합니다.")
        return f, f.grid()
    x = _validate.finite_array("x", x)
    if x.ndim != 1:
        _validate.fail("x", f"shape {x.shape}", "1차원 배열이어야 합니다.")
    return f, x


def _values_1d(name, f, x):
    """f(x) for drawing: numbers shaped like ``x`` (inf/NaN are left out of a plot)."""
    return _validate.evaluate(name, f, x, arguments=("x",), shape=x.shape, like="x")


def _function_2d(f):
    """A :class:`~course_utils.functions.Function2D` (or one built like it)."""
    if getattr(f, "ndim", None) != 2 or not all(
        callable(getattr(f, attribute, None)) for attribute in ("grid", "loss")
    ):
        _validate.fail(
            "f",
            f,
            "이변수 함수 객체(예: cu.functions.ROSENBROCK, "
            "cu.functions.Function2D(...))여야 합니다.",
        )
    return f


def _paths_2d(paths):
    """``{label: (n, 2) array}``, each path checked (never reshaped)."""
    _validate.mapping("paths", paths)
    return {label: _validate.path_2d("paths", path, label=label) for label, path in paths.items()}


def _path_1d(name, path, label=None):
    """Iterates of a 1D run: shape ``(n,)`` (or ``(n, 1)``), finite, n ≥ 1; not flattened."""
    where = "" if label is None else f"{label!r}의 "
    array = _validate.numeric_array(name, path if label is None else path)
    if array.ndim == 2 and array.shape[1] == 1:
        array = array[:, 0]
    if array.ndim != 1 or len(array) == 0:
        raise ValueError(
            f"`{name}` 값이 올바르지 않습니다: {where}shape {array.shape} — 일변수 경로는 "
            "(n,) 모양의 반복값 배열이어야 합니다 (2차원 경로는 plot_path_2d)."
        )
    if not np.isfinite(array).all():
        raise ValueError(
            f"`{name}` 값이 올바르지 않습니다: {where}NaN 또는 inf가 있는 경로 — "
            "모든 점이 유한해야 합니다."
        )
    return array


def _sequence(name, values):
    """A finite 1D sequence of numbers, n ≥ 1 (not flattened from a matrix)."""
    values = _validate.finite_array(name, values)
    if values.ndim != 1:
        _validate.fail(name, f"shape {values.shape}", "1차원 (n,) 배열이어야 합니다.")
    return values
