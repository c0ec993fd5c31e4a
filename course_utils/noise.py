"""Gradient noise: a gradient plus Gaussian noise, and what it does to SGD on a quadratic.

A stochastic gradient is the true gradient plus a random error. The simplest
model of it, used in notebooks 13 (learning-rate schedules) and 16 (noise and
batch size), adds independent Gaussian noise of standard deviation σ to every
coordinate::

    grad = cu.noise.noisy_gradient(f.gradient, sigma=1.0, seed=0)
    path = cu.optimize(grad, x0, cu.SGD(lr=0.1), 200)   # 200 noisy gradients
    grad.reset()                                          # the same noise again

For the 1D quadratic f(x) = λx²/2 with such noise, SGD with learning rates
ε_k is the linear recursion x_{k+1} = (1 − ε_kλ)x_k − ε_kξ_k, ξ_k ~ N(0, σ²),
so its mean square error obeys E[x_{k+1}²] = (1 − ε_kλ)²E[x_k²] + ε_k²σ² exactly
(:func:`mean_square_error`); with a constant ε it settles at the noise floor
εσ²/(λ(2 − ελ)) (:func:`stationary_variance`).
"""

from __future__ import annotations

import copy

import numpy as np

from . import _validate


class NoisyGradient:
    """``grad(w) + σ·z`` with z ~ N(0, I) drawn anew at every call, from a fixed seed.

    Use :func:`noisy_gradient` to make one. Each call draws one standard normal
    number per entry of the gradient, so an ``x0`` holding many independent
    starts (``cu.optimize`` runs them side by side) gets independent noise per
    entry. :meth:`reset` rewinds the random generator to where it started, so a
    second run sees exactly the same noise sequence.

    Attributes
    ----------
    grad : callable
        The exact gradient.
    sigma : float
        Noise standard deviation σ ≥ 0 per coordinate.
    calls : int
        Gradients returned since creation or the last :meth:`reset`.
    """

    def __init__(self, grad, sigma, seed):
        self.grad = _validate.function("grad", grad)
        self.sigma = _noise_sigma(sigma)
        self.rng = _validate.rng("seed", seed)
        self._start = copy.deepcopy(self.rng.bit_generator.state)
        self.calls = 0

    def __call__(self, w):
        exact = _validate.evaluate(
            "grad", self.grad, w, arguments=("w",), shape=np.shape(w), like="w"
        )
        self.calls += 1
        return exact + self.sigma * self.rng.standard_normal(exact.shape)

    def reset(self):
        """Rewind the generator: the next calls draw the same noise as the first ones did."""
        self.rng.bit_generator.state = copy.deepcopy(self._start)
        self.calls = 0
        return self

    def __repr__(self):
        name = getattr(self.grad, "__qualname__", type(self.grad).__name__)
        return f"NoisyGradient(grad={name}, sigma={self.sigma!r}, calls={self.calls})"


def noisy_gradient(grad, sigma, seed):
    """A gradient function that returns ``grad(w)`` plus Gaussian noise N(0, σ²) per coordinate.

    Parameters
    ----------
    grad : callable
        The exact gradient, ``grad(w)`` with the shape of ``w`` (e.g. ``f.gradient``).
    sigma : float
        Standard deviation σ ≥ 0 of the noise added to each coordinate (0: exact).
    seed : int or numpy.random.Generator
        Seed of the noise (a Generator is used as is, and its state at this
        call is what :meth:`NoisyGradient.reset` rewinds to).

    Returns
    -------
    NoisyGradient
        A callable ``g(w)``, usable as ``grad_fn`` of :func:`course_utils.optimize`.

    Examples
    --------
    >>> g = noisy_gradient(lambda w: 2 * w, sigma=0.5, seed=0)
    >>> a = g(np.zeros(3)); _ = g.reset(); b = g(np.zeros(3))
    >>> bool(np.all(a == b))
    True
    """
    return NoisyGradient(grad, sigma, seed)


def _noise_sigma(sigma):
    """The noise standard deviation σ ≥ 0, or the course's Korean ValueError."""
    sigma = _validate.real_number("sigma", sigma)
    if sigma < 0:
        _validate.fail("sigma", sigma, "0 이상의 유한한 수여야 합니다 (잡음의 표준편차).")
    return sigma


def _curvature_and_rate(curvature, lr):
    curvature = _validate.positive("curvature", curvature)
    lr = _validate.positive("lr", lr)
    if lr * curvature >= 2:
        _validate.fail(
            "lr", lr, f"ε·λ < 2 여야 수렴합니다 (지금 ε·λ = {lr * curvature:g}, λ = {curvature:g})."
        )
    return curvature, lr


def stationary_variance(curvature, lr, sigma):
    """The noise floor: E[(x − x*)²] that SGD with constant ε settles at on f = λ(x − x*)²/2.

    From x_{k+1} − x* = (1 − ελ)(x_k − x*) − εξ_k with Var ξ = σ², the
    stationary variance V solves V = (1 − ελ)²V + ε²σ², so

        V = ε²σ² / (1 − (1 − ελ)²) = εσ² / (λ(2 − ελ))  ≈ εσ²/(2λ) for small ελ.

    Parameters
    ----------
    curvature : float or array_like
        λ > 0 (for a diagonal quadratic, one λ per coordinate: the result is per coordinate).
    lr : float
        Constant learning rate ε > 0 with ελ < 2.
    sigma : float
        Noise standard deviation σ ≥ 0.

    Returns
    -------
    float or ndarray
        V, with the shape of ``curvature``.
    """
    sigma = _noise_sigma(sigma)
    lam = _validate.finite_array("curvature", curvature)
    values = [_curvature_and_rate(c, lr) for c in lam.ravel()]
    result = np.array([rate * sigma**2 / (c * (2 - rate * c)) for c, rate in values]).reshape(
        lam.shape
    )
    return float(result) if result.ndim == 0 else result


def mean_square_error(curvature, lrs, sigma, x0):
    """E[(x_k − x*)²], k = 0 … n, of SGD with learning rates ``lrs`` on f = λ(x − x*)²/2 plus noise σ.

    The exact recursion E[e_{k+1}²] = (1 − ε_kλ)²E[e_k²] + ε_k²σ², e_0 = x0 − x*
    (the noise is independent of the iterate, so the cross term vanishes).
    It holds for any schedule, including ones where 1 − ε_kλ < −1 for a while.

    Parameters
    ----------
    curvature : float
        λ > 0.
    lrs : array_like
        ε_0, ε_1, …, ε_{n−1} ≥ 0 (e.g. ``schedule.values(n)``).
    sigma : float
        Noise standard deviation σ ≥ 0.
    x0 : float
        Starting error x_0 − x*.

    Returns
    -------
    ndarray
        n + 1 values, E[e_0²] = x0² first.
    """
    lam = _validate.positive("curvature", curvature)
    rates = _validate.finite_array("lrs", lrs)
    if rates.ndim != 1:
        _validate.fail("lrs", lrs, "학습률 ε_k의 1차원 배열이어야 합니다.")
    if np.any(rates < 0):
        _validate.fail("lrs", lrs, "모든 학습률이 0 이상이어야 합니다.")
    sigma = _noise_sigma(sigma)
    e0 = _validate.real_number("x0", x0)
    out = np.empty(len(rates) + 1)
    out[0] = e0**2
    for k, rate in enumerate(rates):
        out[k + 1] = (1 - rate * lam) ** 2 * out[k] + rate**2 * sigma**2
    return out


def minibatch_variance(per_sample, batch_size, replace=False):
    """Total variance E‖g_B − ḡ‖² of a mini-batch gradient, from the n per-sample gradients.

    The mini-batch gradient g_B is the mean of ``batch_size`` = B rows drawn
    from the n per-sample gradients g_1 … g_n, whose mean is the full
    gradient ḡ and whose total variance is σ² = (1/n) Σᵢ ‖gᵢ − ḡ‖². Then

    * with replacement (independent draws):      E‖g_B − ḡ‖² = σ²/B;
    * without replacement (one shuffled epoch):  E‖g_B − ḡ‖² = (σ²/B)·(n − B)/(n − 1).

    The second factor is the finite-population correction: it is ≈ 1 for
    B ≪ n and 0 at B = n (the whole data set is the full gradient).
    :func:`course_utils.minibatch_descent` cuts each shuffled epoch into
    batches, so each of its batches is drawn without replacement.

    Parameters
    ----------
    per_sample : array_like
        The per-sample gradients, shape ``(n,)`` or ``(n, d)``, n ≥ 2.
    batch_size : int
        B, 1 ≤ B ≤ n (any B ≥ 1 with ``replace=True``).
    replace : bool, default False
        Draws with replacement instead of without.

    Returns
    -------
    float
        E‖g_B − ḡ‖², the trace of the mini-batch gradient's covariance.

    Examples
    --------
    >>> g = np.array([0.0, 1.0, 2.0, 3.0])          # σ² = 1.25
    >>> round(minibatch_variance(g, 2), 4), minibatch_variance(g, 2, replace=True)
    (0.4167, 0.625)
    """
    grads = _validate.finite_array("per_sample", per_sample)
    if grads.ndim not in (1, 2) or len(grads) < 2:
        _validate.fail(
            "per_sample",
            per_sample,
            "샘플마다 한 행인 그래디언트 배열(shape (n,) 또는 (n, d), n ≥ 2)이어야 합니다.",
        )
    replace = _validate.boolean("replace", replace)
    n = len(grads)
    size = _validate.count("batch_size", batch_size, minimum=1, maximum=None if replace else n)
    deviations = grads - grads.mean(axis=0)
    sigma2 = float(np.sum(deviations**2)) / n  # population variance: divide by n
    correction = 1.0 if replace else (n - size) / (n - 1)
    return sigma2 / size * correction


def momentum_stationary_variance(curvature, lr, alpha, sigma):
    """The noise floor of Momentum: E[(x − x*)²] it settles at on f = λ(x − x*)²/2 plus noise σ.

    With v ← αv − ε(λx + ξ), x ← x + v (ξ ~ N(0, σ²), independent), the error
    follows x_{k+1} = (1 + α − ελ)x_k − αx_{k−1} − εξ_k, a stable AR(2) process
    for 0 < ελ < 2(1 + α), whose stationary variance is

        V = (1 + α)εσ² / ((1 − α) λ (2(1 + α) − ελ))  ≈ (ε/(1 − α))σ²/(2λ) for small ελ,

    the floor of plain SGD (:func:`stationary_variance`) with the effective
    learning rate ε/(1 − α). α = 0 gives SGD's floor exactly.

    Parameters
    ----------
    curvature : float or array_like
        λ > 0 (one per coordinate of a diagonal quadratic: the result is per coordinate).
    lr : float
        ε > 0 with ελ < 2(1 + α).
    alpha : float
        Momentum α in [0, 1).
    sigma : float
        Noise standard deviation σ ≥ 0.

    Returns
    -------
    float or ndarray
        V, with the shape of ``curvature``.
    """
    sigma = _noise_sigma(sigma)
    rate = _validate.positive("lr", lr)
    alpha = _validate.unit_interval("alpha", alpha)
    lam = _validate.finite_array("curvature", curvature)
    if np.any(lam <= 0):
        _validate.fail("curvature", curvature, "모든 곡률 λ가 0보다 커야 합니다.")
    if np.any(rate * lam >= 2 * (1 + alpha)):
        _validate.fail(
            "lr",
            lr,
            f"ε·λ < 2(1 + α) 여야 수렴합니다 (지금 ε·λ_max = {rate * lam.max():g}, "
            f"2(1 + α) = {2 * (1 + alpha):g}).",
        )
    result = (1 + alpha) * rate * sigma**2 / ((1 - alpha) * lam * (2 * (1 + alpha) - rate * lam))
    return float(result) if result.ndim == 0 else result


__all__ = [
    "NoisyGradient",
    "mean_square_error",
    "minibatch_variance",
    "momentum_stationary_variance",
    "noisy_gradient",
    "stationary_variance",
]
