"""Learning-rate schedules: ε as a function of the update number k.

A schedule is a callable: ``schedule(k)`` is the learning rate of update k
(k = 0, 1, 2, …), written as the closed-form formula. Each one gives the same
sequence as the matching ``torch.optim.lr_scheduler`` stepped once per update
(``tests/test_schedules.py`` checks each against a transcription of PyTorch's
own recursive rules)::

    schedule = cu.schedules.Cosine(lr=0.1, T_max=100)
    schedule(0), schedule(50), schedule(100)      # 0.1, 0.05, 0.0
    cu.optimize(f.gradient, x0, cu.SGD(lr=0.1), 100, schedule=schedule)

=============================================  ==================================
course                                         PyTorch
=============================================  ==================================
``StepDecay(lr, step_size, gamma)``            ``StepLR``
``Exponential(lr, gamma)``                     ``ExponentialLR``
``Cosine(lr, T_max, eta_min=0.0)``             ``CosineAnnealingLR``
``Warmup(lr, warmup_steps, start_factor)``     ``LinearLR`` (to factor 1)
``OneCycle(max_lr, total_steps, …)``           ``OneCycleLR`` (cosine, lr only)
``InverseTime(lr, decay)``                     (ε₀ / (1 + decay·k), Robbins–Monro)
=============================================  ==================================
"""

from __future__ import annotations

import math

import numpy as np

from . import _validate


class Schedule:
    """Base class: ``schedule(k)`` → ε of update k; ``schedule.values(n)`` → the first n."""

    def __call__(self, k):
        k = _validate.count("k", k)
        return float(self.rate(k))

    def rate(self, k):
        raise NotImplementedError

    def values(self, n):
        """ε for updates 0, 1, …, n − 1, as an array."""
        n = _validate.count("n", n)
        return np.array([self(k) for k in range(n)])

    def __repr__(self):
        params = ", ".join(f"{key}={value!r}" for key, value in vars(self).items())
        return f"{type(self).__name__}({params})"


class Constant(Schedule):
    """ε_k = ε (no schedule)."""

    def __init__(self, lr):
        self.lr = _validate.positive("lr", lr)

    def rate(self, k):
        return self.lr


class StepDecay(Schedule):
    """ε_k = ε·γ^⌊k / step_size⌋: multiply by γ every ``step_size`` updates.

    Parameters
    ----------
    lr : float
        Initial learning rate ε > 0.
    step_size : int
        Updates between two decays, ≥ 1.
    gamma : float
        Factor γ in (0, 1].
    """

    def __init__(self, lr, step_size, gamma):
        self.lr = _validate.positive("lr", lr)
        self.step_size = _validate.count("step_size", step_size, minimum=1)
        self.gamma = _factor("gamma", gamma)

    def rate(self, k):
        return self.lr * self.gamma ** (k // self.step_size)


class Exponential(Schedule):
    """ε_k = ε·γ^k.

    Parameters
    ----------
    lr : float
        Initial learning rate ε > 0.
    gamma : float
        Factor γ in (0, 1] per update.
    """

    def __init__(self, lr, gamma):
        self.lr = _validate.positive("lr", lr)
        self.gamma = _factor("gamma", gamma)

    def rate(self, k):
        return self.lr * self.gamma**k


class Cosine(Schedule):
    """ε_k = η_min + (ε − η_min)·(1 + cos(πk / T_max)) / 2: half a cosine from ε to η_min.

    After ``T_max`` updates the formula goes on as PyTorch's does (the cosine
    rises again); schedules are normally used for exactly ``T_max`` updates.

    Parameters
    ----------
    lr : float
        Initial learning rate ε > 0.
    T_max : int
        Updates until ε reaches η_min, ≥ 1.
    eta_min : float, default 0.0
        Final learning rate, 0 ≤ η_min < ε.
    """

    def __init__(self, lr, T_max, eta_min=0.0):
        self.lr = _validate.positive("lr", lr)
        self.T_max = _validate.count("T_max", T_max, minimum=1)
        self.eta_min = _validate.real_number("eta_min", eta_min)
        if not 0 <= self.eta_min < self.lr:
            _validate.fail("eta_min", eta_min, f"0 이상이고 lr({self.lr:g})보다 작아야 합니다.")

    def rate(self, k):
        return (
            self.eta_min + (self.lr - self.eta_min) * (1 + math.cos(math.pi * k / self.T_max)) / 2
        )


class Warmup(Schedule):
    """Linear warm-up: ε_k = ε·(f₀ + (1 − f₀)·min(k, K)/K), from f₀·ε to ε in K updates.

    Parameters
    ----------
    lr : float
        Learning rate ε > 0 reached after the warm-up.
    warmup_steps : int
        K ≥ 1 updates of warm-up.
    start_factor : float
        f₀ in (0, 1]: the first update uses f₀·ε.
    """

    def __init__(self, lr, warmup_steps, start_factor):
        self.lr = _validate.positive("lr", lr)
        self.warmup_steps = _validate.count("warmup_steps", warmup_steps, minimum=1)
        self.start_factor = _factor("start_factor", start_factor)

    def rate(self, k):
        done = min(k, self.warmup_steps) / self.warmup_steps
        return self.lr * (self.start_factor + (1 - self.start_factor) * done)


class OneCycle(Schedule):
    """1cycle (Smith & Topin 2019): cosine warm-up from ε_max/div to ε_max, then
    cosine annealing to ε_max/(div·final_div), over ``total_steps`` updates.

    Parameters
    ----------
    max_lr : float
        Peak learning rate ε_max > 0.
    total_steps : int
        Updates in the cycle, ≥ 2; ``schedule(k)`` is defined for
        0 ≤ k ≤ total_steps, as in PyTorch.
    pct_start : float, default 0.3
        Fraction of the cycle spent warming up, in (0, 1).
    div_factor : float, default 25.0
        ε at k = 0 is ε_max / div_factor.
    final_div_factor : float, default 1e4
        The final ε is (ε_max / div_factor) / final_div_factor.
    """

    def __init__(self, max_lr, total_steps, pct_start=0.3, div_factor=25.0, final_div_factor=1e4):
        self.max_lr = _validate.positive("max_lr", max_lr)
        self.total_steps = _validate.count("total_steps", total_steps, minimum=2)
        self.pct_start = _validate.real_number("pct_start", pct_start)
        if not 0 < self.pct_start < 1:
            _validate.fail("pct_start", pct_start, "0보다 크고 1보다 작아야 합니다.")
        if self.pct_start * self.total_steps <= 1:
            _validate.fail(
                "pct_start",
                pct_start,
                f"pct_start × total_steps가 1보다 커야 합니다 (지금 {self.pct_start * self.total_steps:g}).",
            )
        self.div_factor = _validate.positive("div_factor", div_factor)
        self.final_div_factor = _validate.positive("final_div_factor", final_div_factor)

    def rate(self, k):
        if k > self.total_steps:
            _validate.fail(
                "k", k, f"total_steps({self.total_steps}) 이하여야 합니다 (한 주기가 끝났습니다)."
            )
        initial = self.max_lr / self.div_factor
        final = initial / self.final_div_factor
        peak_at = self.pct_start * self.total_steps - 1  # PyTorch's end of the warm-up phase
        if k <= peak_at:
            return _cosine_between(initial, self.max_lr, k / peak_at)
        return _cosine_between(self.max_lr, final, (k - peak_at) / (self.total_steps - 1 - peak_at))


class InverseTime(Schedule):
    """ε_k = ε / (1 + decay·k): Σε_k = ∞ and Σε_k² < ∞, the Robbins–Monro conditions.

    Parameters
    ----------
    lr : float
        Initial learning rate ε > 0.
    decay : float
        Decay rate > 0 per update.
    """

    def __init__(self, lr, decay):
        self.lr = _validate.positive("lr", lr)
        self.decay = _validate.positive("decay", decay)

    def rate(self, k):
        return self.lr / (1 + self.decay * k)


def _cosine_between(start, end, fraction):
    """From ``start`` (fraction 0) to ``end`` (fraction 1) along half a cosine."""
    return end + (start - end) / 2 * (math.cos(math.pi * fraction) + 1)


def _factor(name, value):
    number = _validate.real_number(name, value)
    if not 0 < number <= 1:
        _validate.fail(name, value, "0보다 크고 1 이하여야 합니다.")
    return number


def as_schedule(schedule):
    """A :class:`Schedule` or any ``schedule(k) -> float``; refuses anything else in Korean."""
    if isinstance(schedule, Schedule):
        return schedule
    if not callable(schedule):
        _validate.fail(
            "schedule",
            schedule,
            "k → 학습률을 돌려주는 함수여야 합니다 (예: cu.schedules.Cosine(lr=0.1, T_max=100)).",
        )
    return schedule


__all__ = [
    "Constant",
    "Cosine",
    "Exponential",
    "InverseTime",
    "OneCycle",
    "Schedule",
    "StepDecay",
    "Warmup",
    "as_schedule",
]
