"""Numerical derivatives: the definition of the derivative, made computable.

``derivative`` approximates f′(x) = lim_{h→0} (f(x+h) − f(x)) / h with a finite
h. The central difference (f(x+h) − f(x−h)) / 2h has error O(h²) instead of the
forward difference's O(h), which notebook 01 shows on a log-log plot.
"""

from __future__ import annotations

from numbers import Real

import numpy as np

from . import _validate

METHODS = ("central", "forward", "backward")


def _function(name, f, arguments=("x",)):
    return _validate.function(
        name, f, arguments=arguments, example="lambda x: x**2 또는 f", value_kind="함숫값"
    )


def _values(name, f, at, shape, where):
    """f(at), checked: numbers of ``shape``, finite (a derivative needs finite values)."""
    values = _validate.evaluate(name, f, at, arguments=("x",), shape=shape, like="x")
    if not np.all(np.isfinite(values)):
        bad = np.asarray(at)[~np.isfinite(values)] if np.ndim(at) else at
        point = _validate.shown(float(np.ravel(bad)[0]))
        raise ValueError(
            f"`{name}`가 {where} = {point}에서 inf 또는 NaN을 돌려주었습니다 — 그 근처에서 "
            "함수가 정의되고 유한해야 미분을 근사할 수 있습니다."
        )
    return values


def derivative(f, x, h=1e-5, method="central"):
    """Finite-difference approximation of f′(x).

    Parameters
    ----------
    f : callable
        A function of one variable, element-wise on arrays: ``f(x)`` has the
        shape of ``x`` (for a function of a vector use :func:`gradient`).
    x : float or array_like
        Where to differentiate, finite.
    h : float, default 1e-5
        Step size, > 0.
    method : {"central", "forward", "backward"}, default "central"
        ``(f(x+h) − f(x−h)) / 2h``, ``(f(x+h) − f(x)) / h`` or ``(f(x) − f(x−h)) / h``.

    Returns
    -------
    float or ndarray
        The approximation, with the shape of ``x``.

    Raises
    ------
    ValueError
        If ``f`` is not a function of one argument, returns None, non-numbers,
        a value shaped unlike ``x`` or a non-finite value near ``x``.
    """
    f = _function("f", f)
    h = _validate.positive("h", h)
    _validate.choice("method", method, METHODS)
    x = _validate.points("x", x)
    if method == "central":
        return (
            _values("f", f, x + h, x.shape, "x + h") - _values("f", f, x - h, x.shape, "x − h")
        ) / (2 * h)
    if method == "forward":
        return (_values("f", f, x + h, x.shape, "x + h") - _values("f", f, x, x.shape, "x")) / h
    return (_values("f", f, x, x.shape, "x") - _values("f", f, x - h, x.shape, "x − h")) / h


def _scalar(name, f, w, what):
    """f(w) for a scalar function of a vector, checked: one finite number."""
    value = _validate.evaluate(name, f, w, arguments=("w",), scalar=True)
    value = float(value.reshape(()))
    if not np.isfinite(value):
        raise ValueError(
            f"`{name}`가 {what}에서 {value}을 돌려주었습니다 — 그 근처에서 함수가 유한해야 "
            "그래디언트를 근사할 수 있습니다."
        )
    return value


def gradient(f, w, h=1e-5):
    """Central-difference gradient of a scalar function of a vector.

    Parameters
    ----------
    f : callable
        ``f(w) -> float`` for ``w`` of shape ``(d,)`` (or any shape: a matrix
        of weights); it must return one number.
    w : array_like
        The point, finite (a scalar is treated as ``d = 1``).
    h : float, default 1e-5
        Step size, > 0.

    Returns
    -------
    ndarray
        ∂f/∂w_i for every i, with the shape of ``w``.
    """
    f = _validate.function("f", f, arguments=("w",), example="f.loss", value_kind="함숫값")
    h = _validate.positive("h", h)
    w = _validate.finite_array("w", w)
    grad = np.zeros_like(w)
    for i in np.ndindex(w.shape):
        step = np.zeros_like(w)
        step[i] = h
        index = ", ".join(map(str, i))
        grad[i] = (
            _scalar("f", f, w + step, f"w[{index}] + h")
            - _scalar("f", f, w - step, f"w[{index}] − h")
        ) / (2 * h)
    return grad


def tangent_line(f, x0, slope=None):
    """The tangent line of ``f`` at ``x0`` as a function.

    Parameters
    ----------
    f : callable
        A function of one variable.
    x0 : float
        The point of tangency, finite.
    slope : float, optional
        f′(x0); by default the central difference.

    Returns
    -------
    callable
        ``line(x) = f(x0) + f′(x0)(x − x0)``.
    """
    f = _function("f", f)
    x0 = _validate.real_number("x0", x0)
    y0 = float(_values("f", f, np.asarray(x0), (), "x0"))
    slope = float(derivative(f, x0)) if slope is None else _validate.real_number("slope", slope)

    def line(x):
        return y0 + slope * (_validate.points("x", x) - x0)

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
        The points to check at, at least one (a list of points, not one point:
        ``[[0.0, 1.0]]`` for the single point (0, 1)).
    h : float, default 1e-5
        Finite-difference step.
    rtol, atol : float
        Tolerances, as in :func:`numpy.allclose`, ≥ 0.

    Returns
    -------
    float
        The largest absolute difference seen (0 for an exact match).

    Raises
    ------
    AssertionError
        If at some point the two disagree beyond the tolerances.
    ValueError
        On bad input: ``grad`` not a function (a gradient value), returning
        None or a value shaped unlike the point, no points, ...
    """
    f = _validate.function("f", f, arguments=("w",), example="f.loss", value_kind="함숫값")
    grad = _validate.function("grad", grad, arguments=("w",))
    for name, tolerance in (("rtol", rtol), ("atol", atol)):
        if _validate.real_number(name, tolerance) < 0:
            _validate.fail(name, tolerance, "0 이상이어야 합니다.")
    if (
        isinstance(points, (str, bytes, Real, np.generic))
        or not hasattr(points, "__iter__")
        or isinstance(points, np.ndarray)
        and points.ndim == 0
    ):
        _validate.fail(
            "points", points, "점들의 목록이어야 합니다 (점 하나라면 [점]으로 감싸세요)."
        )
    points = list(points)
    if not points:
        _validate.fail("points", points, "점이 하나 이상 있어야 합니다.")
    worst = 0.0
    for point in points:
        point = _validate.finite_array("points", point)
        analytic = _validate.evaluate(
            "grad", grad, point, arguments=("w",), shape=point.shape, like="점"
        )
        numeric = gradient(f, point, h=h)
        difference = float(np.max(np.abs(analytic - numeric)))
        worst = max(worst, difference)
        if not np.allclose(analytic, numeric, rtol=rtol, atol=atol):
            raise AssertionError(
                f"기울기 불일치 at {point.tolist()}: 해석적 {analytic.tolist()} "
                f"≠ 수치적 {numeric.tolist()}"
            )
    return worst
