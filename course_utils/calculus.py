"""Numerical derivatives: the definition of the derivative, made computable.

``derivative`` approximates f′(x) = lim_{h→0} (f(x+h) − f(x)) / h with a finite
h. The central difference (f(x+h) − f(x−h)) / 2h has error O(h²) instead of the
forward difference's O(h), which notebook 01 shows on a log-log plot.
"""

from __future__ import annotations

import numpy as np

from . import _validate

METHODS = ("central", "forward", "backward")


def derivative(f, x, h=1e-5, method="central"):
    """Finite-difference approximation of f′(x).

    Parameters
    ----------
    f : callable
        A function of one variable, element-wise on arrays.
    x : float or array_like
        Where to differentiate.
    h : float, default 1e-5
        Step size, > 0.
    method : {"central", "forward", "backward"}, default "central"
        ``(f(x+h) − f(x−h)) / 2h``, ``(f(x+h) − f(x)) / h`` or ``(f(x) − f(x−h)) / h``.

    Returns
    -------
    float or ndarray
        The approximation, with the shape of ``x``.
    """
    h = _validate.positive("h", h)
    _validate.choice("method", method, METHODS)
    x = np.asarray(x, dtype=float)
    if method == "central":
        return (f(x + h) - f(x - h)) / (2 * h)
    if method == "forward":
        return (f(x + h) - f(x)) / h
    return (f(x) - f(x - h)) / h


def gradient(f, w, h=1e-5):
    """Central-difference gradient of a scalar function of a vector.

    Parameters
    ----------
    f : callable
        ``f(w) -> float`` for ``w`` of shape ``(d,)``.
    w : array_like
        The point, shape ``(d,)`` (a scalar is treated as ``d = 1``).
    h : float, default 1e-5
        Step size, > 0.

    Returns
    -------
    ndarray
        ∂f/∂w_i for every i, with the shape of ``w``.
    """
    h = _validate.positive("h", h)
    w = _validate.finite_array("w", w)
    grad = np.zeros_like(w)
    for i in np.ndindex(w.shape):
        step = np.zeros_like(w)
        step[i] = h
        grad[i] = (f(w + step) - f(w - step)) / (2 * h)
    return grad


def tangent_line(f, x0, slope=None):
    """The tangent line of ``f`` at ``x0`` as a function.

    Parameters
    ----------
    f : callable
        A function of one variable.
    x0 : float
        The point of tangency.
    slope : float, optional
        f′(x0); by default the central difference.

    Returns
    -------
    callable
        ``line(x) = f(x0) + f′(x0)(x − x0)``.
    """
    x0 = _validate.real_number("x0", x0)
    y0 = float(f(x0))
    slope = float(derivative(f, x0)) if slope is None else _validate.real_number("slope", slope)

    def line(x):
        return y0 + slope * (np.asarray(x, dtype=float) - x0)

    line.slope = slope
    line.point = (x0, y0)
    return line


def gradient_check(f, grad, points, h=1e-5, rtol=1e-6, atol=1e-8):
    """Compare an analytic gradient with central differences at several points.

    Parameters
    ----------
    f : callable
        ``f(w) -> float``; ``w`` is a scalar or an array of shape ``(d,)``.
    grad : callable
        The analytic gradient, ``grad(w)`` with the shape of ``w``.
    points : iterable
        The points to check at.
    h : float, default 1e-5
        Finite-difference step.
    rtol, atol : float
        Tolerances, as in :func:`numpy.allclose`.

    Returns
    -------
    float
        The largest absolute difference seen (0 for an exact match).

    Raises
    ------
    AssertionError
        If at some point the two disagree beyond the tolerances.
    """
    worst = 0.0
    for point in points:
        point = _validate.finite_array("points", point)
        analytic = np.asarray(grad(point), dtype=float)
        numeric = gradient(lambda w: float(f(w)), point, h=h)
        numeric = numeric.reshape(analytic.shape)
        difference = float(np.max(np.abs(analytic - numeric)))
        worst = max(worst, difference)
        if not np.allclose(analytic, numeric, rtol=rtol, atol=atol):
            raise AssertionError(
                f"기울기 불일치 at {point.tolist()}: 해석적 {analytic.tolist()} "
                f"≠ 수치적 {numeric.tolist()}"
            )
    return worst
