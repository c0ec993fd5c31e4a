"""Second-order ideas in small: Newton's method, a numerical Hessian, Armijo backtracking.

Notebook 15 writes each of these in the open first; this module is the tested
version the later cells and the explorer call::

    path = cu.second_order.newton_path(f1, f2, 4.0, 6)          # x ← x − f′(x)/f″(x)
    path = cu.second_order.newton_path(f.gradient, hess, w0, 3)  # w ← w − H(w)⁻¹∇f(w)
    w1, t = cu.second_order.backtracking_step(f.loss, f.gradient, w0)
    run = cu.second_order.line_search_descent(f.loss, f.gradient, w0, 200)

Newton's step solves the linear system H p = ∇f with ``np.linalg.solve`` (never
an explicit inverse: solving is cheaper and more accurate). Backtracking is
Armijo's rule (Armijo 1966; Nocedal & Wright 2006, §3.1, Algorithm 3.1): start
at t = t₀ and multiply t by β until

    f(w + t·p) ≤ f(w) + c·t·∇f(w)·p,

with p = −∇f(w) for gradient descent, so the condition reads
f(w − t∇f) ≤ f(w) − c·t·‖∇f‖².
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from . import _validate
from .optimizers import DIVERGENCE_BOUND, Region, Trajectory

MAX_NEWTON_ITER = 10_000  # Newton converges in a handful of steps; more is a typo
MAX_LINE_SEARCH_ITER = 100_000


def _point(name, x0):
    """A finite starting point: a number or a vector (shape ``()`` or ``(d,)``)."""
    x = _validate.finite_array(name, x0)
    if x.ndim > 1:
        _validate.fail(name, x0, "숫자 하나 또는 1차원 벡터(shape (d,))여야 합니다.")
    return x


def _hessian_at(hessian_fn, x):
    """H(x) checked: shape () for a scalar x, (d, d) for a vector of d entries."""
    shape = () if x.ndim == 0 else (x.size, x.size)
    like = "x (숫자 하나)" if x.ndim == 0 else "(d, d) 행렬"
    if x.ndim == 0:
        return _validate.evaluate(
            "hessian_fn", hessian_fn, x, arguments=("x",), shape=shape, like=like
        )
    value = _validate.evaluate("hessian_fn", hessian_fn, x, arguments=("w",), like=like)
    if value.shape != shape:
        raise ValueError(
            f"`hessian_fn`가 돌려준 값이 올바르지 않습니다: shape {value.shape} — "
            f"w의 원소가 {x.size}개이므로 shape {shape}인 행렬이어야 합니다."
        )
    return value


def newton_step(gradient, hessian):
    """The Newton step p = −H⁻¹g, by solving H p = −g; None if H is singular or not finite.

    Parameters
    ----------
    gradient : float or ndarray
        g = ∇f(x) (shape ``()`` or ``(d,)``).
    hessian : float or ndarray
        H(x) (shape ``()`` or ``(d, d)``).

    Returns
    -------
    ndarray or None
        p with the shape of ``gradient``.
    """
    g, H = np.asarray(gradient, dtype=float), np.asarray(hessian, dtype=float)
    if not (np.isfinite(g).all() and np.isfinite(H).all()):
        return None
    if g.ndim == 0:
        return None if H == 0 else -g / H
    try:
        step = np.linalg.solve(H, -g)
    except np.linalg.LinAlgError:  # exactly singular
        return None
    return step if np.isfinite(step).all() else None


def newton_path(grad_fn, hessian_fn, x0, n_iter, bound=DIVERGENCE_BOUND):
    """Newton's method: ``n_iter`` steps x ← x − H(x)⁻¹∇f(x) from ``x0``.

    In one variable this is x ← x − f′(x)/f″(x). Newton's method looks for a
    point where the gradient is zero; it does not look for a minimum: where
    f″ < 0 (a Hessian that is not positive definite) the step can go uphill,
    to a maximum or a saddle point.

    Parameters
    ----------
    grad_fn : callable
        ``grad_fn(x)``: f′(x) for a number, ∇f(w) (shape ``(d,)``) for a vector.
    hessian_fn : callable
        ``hessian_fn(x)``: f″(x) for a number, the Hessian H(w) (shape ``(d, d)``)
        for a vector.
    x0 : float or array_like
        The start, a finite number or a vector of shape ``(d,)``.
    n_iter : int
        Number of steps, 0 ≤ n_iter ≤ 10 000.
    bound : float or array_like, default 10⁸
        The region the iterates must stay in, as ``bound`` of
        :func:`course_utils.optimize` (a number, or a box such as ``f.domain``).

    Returns
    -------
    Trajectory
        x⁽⁰⁾, x⁽¹⁾, … (start included). The run stops early, with
        ``diverged=True`` and a Korean ``reason``, when the Hessian is singular
        (f″ = 0: there is no Newton step), when a value is not finite, or when an
        iterate leaves ``bound``.

    Raises
    ------
    ValueError
        On bad input, or if a function returns None, non-numbers or a wrong shape.
    """
    grad_fn = _validate.function("grad_fn", grad_fn, arguments=("x",))
    hessian_fn = _validate.function(
        "hessian_fn",
        hessian_fn,
        arguments=("x",),
        example="lambda x: 2 * np.cos(x) - x * np.sin(x)",
        value_kind="2계 도함수 값",
    )
    x = _point("x0", x0)
    n_iter = _validate.count("n_iter", n_iter, maximum=MAX_NEWTON_ITER)
    region = Region(bound, x.shape)
    if not region.contains(x):
        _validate.fail("x0", x0, f"시작점이 `bound` 영역 안에 있어야 합니다 ({region.text}).")
    iterates, broken = [x], None
    with np.errstate(over="ignore", invalid="ignore", divide="ignore"):
        for k in range(1, n_iter + 1):
            g = _validate.evaluate("grad_fn", grad_fn, x, arguments=("x",), shape=x.shape, like="x")
            step = newton_step(g, _hessian_at(hessian_fn, x))
            if step is None:
                broken = (
                    "헤세 행렬이 특이하거나 유한하지 않음 (뉴턴 걸음이 없음)"
                    if x.ndim
                    else "f″ = 0이거나 값이 유한하지 않음 (뉴턴 걸음이 없음)"
                )
                break
            x = x + step
            if not np.isfinite(x).all():
                broken = "반복값이 inf 또는 NaN이 됨"
                break
            if not region.contains(x):
                broken = region.text
                break
            iterates.append(x)
    if broken is None:
        return Trajectory(np.array(iterates))
    return Trajectory(
        np.array(iterates), diverged=True, diverged_at=k, reason=f"{k}번째 갱신에서 {broken}"
    )


def hessian(grad_fn, w, h=1e-5):
    """The Hessian by central differences of the gradient: row i is ∂(∇f)/∂w_i.

    Parameters
    ----------
    grad_fn : callable
        ``grad_fn(w)`` returns ∇f(w), shape ``(d,)``.
    w : array_like
        The point, shape ``(d,)``, finite.
    h : float, default 1e-5
        Step size, > 0.

    Returns
    -------
    ndarray
        Shape ``(d, d)``, symmetrised ((H + Hᵀ)/2: the exact Hessian of a twice
        continuously differentiable function is symmetric, the differences are
        so up to rounding).
    """
    grad_fn = _validate.function("grad_fn", grad_fn)
    h = _validate.positive("h", h)
    w = _point("w", w)
    if w.ndim == 0:
        _validate.fail(
            "w",
            w,
            "1차원 벡터(shape (d,))여야 합니다. 일변수 함수의 f″는 "
            "cu.calculus.derivative(f.derivative, x)로 구하세요.",
        )
    rows = []
    for i in range(w.size):
        shift = np.zeros_like(w)
        shift[i] = h
        after, before = (
            _validate.evaluate("grad_fn", grad_fn, point, shape=w.shape, like="w")
            for point in (w + shift, w - shift)
        )
        if not (np.isfinite(after).all() and np.isfinite(before).all()):
            _validate.fail("w", w.tolist(), "이 점 근처에서 그래디언트가 유한해야 합니다.")
        rows.append((after - before) / (2 * h))
    H = np.array(rows)
    return (H + H.T) / 2


def _loss(f, w):
    """f(w) as a float (inf for a non-finite value: such a trial point is rejected)."""
    value = _validate.evaluate("f", f, w, arguments=("w",), scalar=True)
    value = float(value.reshape(()))
    return value if np.isfinite(value) else np.inf


def _line_search_options(t0, c, beta, max_trials):
    t0 = _validate.positive("t0", t0)
    c = _validate.real_number("c", c)
    if not 0 < c < 1:
        _validate.fail("c", c, "0보다 크고 1보다 작아야 합니다 (보통 1e-4).")
    beta = _validate.real_number("beta", beta)
    if not 0 < beta < 1:
        _validate.fail("beta", beta, "0보다 크고 1보다 작아야 합니다 (보통 0.5).")
    max_trials = _validate.count("max_trials", max_trials, minimum=1, maximum=1000)
    return t0, c, beta, max_trials


def _backtrack(f, w, f_w, g, p, t0, c, beta, max_trials):
    """(t, f(w + t·p), trials) for the first t = t₀βʲ meeting Armijo's condition; t = 0 if none."""
    slope = float(np.sum(g * p))
    t = t0
    for trial in range(1, max_trials + 1):
        f_new = _loss(f, w + t * p)
        if f_new <= f_w + c * t * slope:
            return t, f_new, trial
        t *= beta
    return 0.0, f_w, max_trials


def backtracking_step(f, grad_fn, w, t0=1.0, c=1e-4, beta=0.5, direction=None, max_trials=60):
    """One step of Armijo backtracking line search: returns ``(w_next, t)``.

    Tries t = t₀, βt₀, β²t₀, … and accepts the first t with
    f(w + t·p) ≤ f(w) + c·t·∇f(w)·p; with the default p = −∇f(w) that is
    f(w − t∇f) ≤ f(w) − c·t·‖∇f‖² (Nocedal & Wright 2006, Algorithm 3.1).

    Parameters
    ----------
    f : callable
        ``f(w)`` returns one number (for a Function2D pass ``f.loss``). A
        non-finite value at a trial point counts as "not low enough".
    grad_fn : callable
        ``grad_fn(w)`` returns ∇f(w) with the shape of ``w``.
    w : float or array_like
        The current point, finite.
    t0 : float, default 1.0
        The first step size tried, > 0.
    c : float, default 1e-4
        Armijo's constant, 0 < c < 1: the fraction of the decrease the slope
        promises that the step must deliver.
    beta : float, default 0.5
        The factor t is multiplied by after a rejected trial, 0 < β < 1.
    direction : array_like, optional
        The search direction p (default −∇f(w)); it must go downhill, ∇f·p < 0.
    max_trials : int, default 60
        How many step sizes to try, 1 … 1000.

    Returns
    -------
    w_next : float or ndarray
        w + t·p (``w`` itself if no trial met the condition, e.g. when
        rounding hides any decrease next to a minimum).
    t : float
        The accepted step size, 0.0 if no trial met the condition or ∇f(w) = 0.

    Raises
    ------
    ValueError
        On bad input, or if ``direction`` does not go downhill.
    """
    f = _validate.function("f", f, arguments=("w",), example="f.loss", value_kind="함숫값")
    grad_fn = _validate.function("grad_fn", grad_fn)
    t0, c, beta, max_trials = _line_search_options(t0, c, beta, max_trials)
    w = _point("w", w)
    g = _validate.evaluate("grad_fn", grad_fn, w, shape=w.shape, like="w")
    if not np.isfinite(g).all():
        _validate.fail("w", w.tolist(), "이 점에서 그래디언트가 유한해야 합니다.")
    if direction is None:
        p = -g
    else:
        p = _validate.finite_array("direction", direction)
        _validate.same_shape("direction", p, w.shape)
    if not np.any(g):
        return (float(w) if w.ndim == 0 else w), 0.0
    if float(np.sum(g * p)) >= 0:
        _validate.fail(
            "direction",
            direction,
            "내려가는 방향이어야 합니다 (∇f(w)·p < 0). p = −∇f(w)이면 언제나 그렇습니다.",
        )
    with np.errstate(over="ignore", invalid="ignore"):
        t, _, _ = _backtrack(f, w, _loss(f, w), g, p, t0, c, beta, max_trials)
    w_next = w + t * p
    return (float(w_next) if w_next.ndim == 0 else w_next), t


@dataclass
class LineSearchRun:
    """What :func:`line_search_descent` returns.

    Attributes
    ----------
    path : Trajectory
        The iterates, start included.
    step_sizes : ndarray
        The accepted t of every update (length ``path.n_steps``).
    evaluations : int
        How many times f was evaluated in all (f(w) once per update, plus every trial).
    newton_steps : int
        Updates that used the Newton direction (0 without ``hessian_fn``).
    stopped : str or None
        In Korean, why the run stopped before ``n_iter`` updates, else None.
    """

    path: Trajectory
    step_sizes: np.ndarray
    evaluations: int
    newton_steps: int
    stopped: str | None


def line_search_descent(
    f, grad_fn, x0, n_iter, t0=1.0, c=1e-4, beta=0.5, hessian_fn=None, max_trials=60, tol=0.0
):
    """Descent with Armijo backtracking at every update: no learning rate to tune.

    Without ``hessian_fn`` the direction is p = −∇f (gradient descent whose
    step size t is chosen anew each update). With ``hessian_fn`` it is Newton's
    p = −H⁻¹∇f when that goes downhill (∇f·p < 0), and −∇f otherwise (a
    Hessian that is not positive definite can make Newton's step point uphill):
    a damped Newton method with the simplest safeguard.

    Parameters
    ----------
    f : callable
        ``f(w)`` returns one number (``f.loss`` of a course function).
    grad_fn : callable
        ``grad_fn(w)`` returns ∇f(w) with the shape of ``w``.
    x0 : float or array_like
        The start, a finite number or vector.
    n_iter : int
        At most this many updates, 0 … 100 000.
    t0, c, beta, max_trials
        As in :func:`backtracking_step` (every update starts again at t₀).
    hessian_fn : callable, optional
        ``hessian_fn(w)``: the Hessian, for the Newton direction.
    tol : float, default 0.0
        Stop once ‖∇f‖ ≤ tol (the default stops only at an exactly zero gradient).

    Returns
    -------
    LineSearchRun
    """
    f = _validate.function("f", f, arguments=("w",), example="f.loss", value_kind="함숫값")
    grad_fn = _validate.function("grad_fn", grad_fn)
    if hessian_fn is not None:
        hessian_fn = _validate.function("hessian_fn", hessian_fn, value_kind="헤세 행렬 값")
    t0, c, beta, max_trials = _line_search_options(t0, c, beta, max_trials)
    w = _point("x0", x0)
    n_iter = _validate.count("n_iter", n_iter, maximum=MAX_LINE_SEARCH_ITER)
    tol = _validate.real_number("tol", tol)
    if tol < 0:
        _validate.fail("tol", tol, "0 이상이어야 합니다.")
    f_w = _loss(f, w)
    if not np.isfinite(f_w):
        _validate.fail("x0", x0, "시작점에서 f가 유한해야 합니다.")
    iterates, steps, evaluations, newton_steps, stopped = [w], [], 1, 0, None
    with np.errstate(over="ignore", invalid="ignore", divide="ignore"):
        for k in range(1, n_iter + 1):
            g = _validate.evaluate("grad_fn", grad_fn, w, shape=w.shape, like="w")
            if not np.isfinite(g).all():
                stopped = f"{k}번째 갱신에서 그래디언트가 inf 또는 NaN이 됨"
                break
            if np.sqrt(np.sum(g * g)) <= tol:
                stopped = f"{k - 1}번 갱신 뒤 ‖∇f‖ ≤ {tol:g}"
                break
            p = -g
            if hessian_fn is not None:
                newton = newton_step(g, _hessian_at(hessian_fn, w))
                if newton is not None and float(np.sum(g * newton)) < 0:
                    p, newton_steps = newton, newton_steps + 1
            t, f_new, trials = _backtrack(f, w, f_w, g, p, t0, c, beta, max_trials)
            evaluations += trials
            if t == 0.0:
                stopped = (
                    f"{k}번째 갱신에서 t = t₀·β^{max_trials - 1}까지 줄여도 조건을 "
                    "만족하지 않음 (반올림 한계)"
                )
                break
            w, f_w = w + t * p, f_new
            iterates.append(w)
            steps.append(t)
    return LineSearchRun(
        Trajectory(np.array(iterates)), np.array(steps), evaluations, newton_steps, stopped
    )
