"""The lecture's six optimizers, written as its formulas.

Notation (Goodfellow, Bengio & Courville, *Deep Learning*, 2016, ch. 8, as in
the lecture): learning rate ε → ``lr``, momentum α → ``alpha``, small constant
δ → ``delta``, decay rates ρ, ρ₁, ρ₂ → ``rho``, ``rho1``, ``rho2``; v is the
velocity, r the accumulated squared gradient, s the accumulated gradient.

An optimizer keeps its state (v, r, s, k) between calls of :meth:`step`.
``step(w, grad)`` takes the *gradient function*, not a gradient value, because
Nesterov evaluates it at the look-ahead point w + αv.

The update rules give the same iterates as PyTorch's ``torch.optim`` with the
same hyperparameters (``tests/test_optimizers.py`` checks each against a
transcription of PyTorch's update). One difference of bookkeeping: PyTorch's
Nesterov stores the look-ahead point w + αv as its parameter, so its sequence
equals our w + αv, not our w. The notation maps are in the optimizer notebooks.

Divergence, one rule for every optimizer
---------------------------------------
:func:`optimize` and :func:`minibatch_descent` stop a run, quietly (no
RuntimeWarning), and mark it ``diverged``, at the first update k at which

1. the gradient at w⁽ᵏ⁻¹⁾ is not finite (inf or NaN, or its computation
   raised ``OverflowError``), or
2. the new iterate w⁽ᵏ⁾ is not finite, or
3. w⁽ᵏ⁾ leaves the region ``bound``: by default max_i |w_i| > 10⁸
   (``DIVERGENCE_BOUND``), or a box such as ``bound=f.domain``, or
4. the optimizer's state (v, r, s) is not finite: Adagrad, RMSProp and Adam
   square the gradient, and a gradient above ~10¹⁵⁴ makes r infinite and
   the step 0, which would otherwise look like convergence, or
5. (``minibatch_descent`` only) the full-data loss at w⁽ᵏ⁾ is not finite.

The result ends at w⁽ᵏ⁻¹⁾, the last iterate that passed, and records k
(``diverged_at``) and the reason in Korean (``reason``). Adagrad, RMSProp and
Adam move at most about ε per coordinate and step, so in a short run they
never reach 10⁸ however badly they go; to call a run that wanders off the
region of interest a failure, pass that region: ``bound=f.domain``.
"""

from __future__ import annotations

from dataclasses import dataclass
from numbers import Real

import numpy as np

from . import _validate

# An iterate whose magnitude passes this is treated as diverged: far beyond any
# problem in the course, and far below float overflow for their gradients.
DIVERGENCE_BOUND = 1e8
# optimize() refuses longer runs: 10⁶ scalar SGD updates take about 8 s (2D Adam
# about 20 s); the course's longest run is 2 000 updates, and n_iter = 10⁷ is far
# more likely a typo than a plan. The iterates are stored, so their number is
# capped too: 10⁷ values are 80 MB.
MAX_ITER = 1_000_000
MAX_STORED_VALUES = 10_000_000


class Optimizer:
    """Base class: holds hyperparameters and state, and checks shapes.

    Subclasses implement :meth:`update` as the lecture's formula and list in
    ``hidden_state`` the state arrays whose overflow would not show in w: an
    infinite velocity v makes w infinite, but an infinite r makes the step 0.
    """

    hidden_state = ()
    decoupled = False  # AdamW decays w itself instead of adding λw to the gradient

    def __init__(self, lr, weight_decay=0.0):
        self.lr = _validate.positive("lr", lr)
        self.weight_decay = _validate.real_number("weight_decay", weight_decay)
        if self.weight_decay < 0:
            _validate.fail("weight_decay", weight_decay, "0 이상이어야 합니다.")
        self.reset()

    def reset(self):
        """Forget the state (v, r, s, k), as if no step had been taken."""
        self.k = 0
        self._shape = None

    def _zeros(self, w):
        return np.zeros_like(w, dtype=float)

    def step(self, w, grad):
        """One update w^(k) → w^(k+1).

        Parameters
        ----------
        w : float or ndarray
            The current parameters w^(k).
        grad : callable
            The gradient *function*: ``grad(w)`` returns ∇f(w) with the shape
            of ``w`` (pass ``f.gradient``, not ``f.gradient(w)``).

        Returns
        -------
        float or ndarray
            The new parameters w^(k+1) (a new array; ``w`` is not modified).

        Raises
        ------
        ValueError
            If ``grad`` is not a function of one argument, returns None (a
            missing ``return``), something that is not numbers, or a value of
            another shape than ``w``.
        """
        grad = _validate.function("grad", grad)
        w = _validate.numeric_array("w", w)
        return self._step(w, Gradient("grad", grad, w.shape))

    def _step(self, w, gradient):
        """:meth:`step` without checking its arguments (``gradient`` is a :class:`Gradient`)."""
        if self._shape is None:
            self._shape = w.shape
            self._init_state(w)
        elif w.shape != self._shape:
            raise ValueError(
                f"`w` 값이 올바르지 않습니다: shape {w.shape} — 이 옵티마이저는 "
                f"shape {self._shape}의 파라미터로 시작했습니다. reset()을 먼저 호출하세요."
            )
        self.k += 1
        if self.weight_decay and not self.decoupled:
            # L2 regularisation as torch.optim does it: the gradient of f(w) + λ/2·‖w‖²
            return self.update(w, _WithL2(gradient, self.weight_decay))
        return self.update(w, gradient)

    def state_is_finite(self):
        """Whether the state arrays in ``hidden_state`` (r ≥ 0) hold only finite numbers."""
        # r ≥ 0, so its maximum is finite exactly when every entry is (NaN propagates)
        return self._shape is None or all(
            np.isfinite(getattr(self, name).max()) for name in self.hidden_state
        )

    def _init_state(self, w):
        """Create the zero state for parameters shaped like ``w``."""

    def update(self, w, grad):
        raise NotImplementedError

    def __repr__(self):
        params = ", ".join(f"{k}={v!r}" for k, v in self.hyperparameters().items())
        return f"{type(self).__name__}({params})"

    def hyperparameters(self):
        """The constructor's arguments, as a dict."""
        return self._with_decay({"lr": self.lr})

    def _with_decay(self, params):
        if self.weight_decay or self.decoupled:
            params["weight_decay"] = self.weight_decay
        return params


class _WithL2:
    """g(u) + λu: the gradient of the L2-regularised loss, at whatever point u is asked."""

    def __init__(self, gradient, weight_decay):
        self.gradient, self.weight_decay = gradient, weight_decay

    def __call__(self, u):
        return self.gradient(u) + self.weight_decay * u

    @property
    def last(self):
        return self.gradient.last


class Gradient:
    """A student's gradient function, called safely, that keeps its last value.

    Calling it calls ``fn(w, *extra)`` through :func:`course_utils._validate.call`
    and :func:`~course_utils._validate.returned`: a missing ``return``, a
    non-numeric value or a value shaped unlike ``w`` is a ValueError naming
    ``name``. Non-finite values are returned as they are (divergence).

    Parameters
    ----------
    name : str
        The parameter name used in messages (``"grad_fn"``, ``"grad"``).
    fn : callable
        The function, already checked by :func:`course_utils._validate.function`.
    shape : tuple
        The shape of the parameters, which the gradient must have.
    arguments : tuple of str, default ("w",)
        Names of the arguments, for messages.
    """

    def __init__(self, name, fn, shape, arguments=("w",)):
        self.name, self.fn, self.shape, self.arguments = name, fn, shape, arguments
        self.extra = ()  # further arguments after w (a mini-batch)
        self.last = None  # the last value returned

    def __call__(self, w):
        value = _validate.call(self.name, self.fn, w, *self.extra, arguments=self.arguments)
        self.last = _validate.returned(self.name, value, shape=self.shape, like="w")
        return self.last


class SGD(Optimizer):
    """(Stochastic) gradient descent: w ← w − ε∇f(w).

    Given the full gradient it is plain gradient descent; the name follows
    ``torch.optim.SGD``, which is what it becomes on mini-batches (notebook 08).

    Parameters
    ----------
    lr : float
        Learning rate ε > 0.
    weight_decay : float, default 0.0
        L2 coefficient λ ≥ 0, as in ``torch.optim``: the gradient becomes
        ∇f(w) + λw, so w ← (1 − ελ)w − ε∇f(w) (every optimizer here takes it).
    """

    def update(self, w, grad):
        return w - self.lr * grad(w)


class Momentum(Optimizer):
    """Momentum (Polyak 1964): v ← αv − ε∇f(w), w ← w + v.

    Parameters
    ----------
    lr : float
        Learning rate ε > 0.
    alpha : float, default 0.9
        Momentum α in [0, 1); α = 0 is plain gradient descent.
    """

    def __init__(self, lr, alpha=0.9, weight_decay=0.0):
        self.alpha = _validate.unit_interval("alpha", alpha)
        super().__init__(lr, weight_decay)

    def _init_state(self, w):
        self.v = self._zeros(w)

    def update(self, w, grad):
        self.v = self.alpha * self.v - self.lr * grad(w)
        return w + self.v

    def hyperparameters(self):
        return self._with_decay({"lr": self.lr, "alpha": self.alpha})


class Nesterov(Momentum):
    """Nesterov momentum (1983; Sutskever et al. 2013): the gradient is taken
    at the look-ahead point w + αv.

    v ← αv − ε∇f(w + αv), w ← w + v.

    Parameters
    ----------
    lr : float
        Learning rate ε > 0.
    alpha : float, default 0.9
        Momentum α in [0, 1).
    """

    def update(self, w, grad):
        self.v = self.alpha * self.v - self.lr * grad(w + self.alpha * self.v)
        return w + self.v


class Adagrad(Optimizer):
    """Adagrad (Duchi, Hazan & Singer 2011): per-parameter rates from the
    sum of all squared gradients.

    r ← r + g⊙g, w ← w − ε/(δ + √r) ⊙ g.

    Parameters
    ----------
    lr : float
        Global learning rate ε > 0.
    delta : float, default 1e-7
        Small constant δ > 0 that keeps the division finite.
    """

    hidden_state = ("r",)

    def __init__(self, lr, delta=1e-7, weight_decay=0.0):
        self.delta = _validate.positive("delta", delta)
        super().__init__(lr, weight_decay)

    def _init_state(self, w):
        self.r = self._zeros(w)

    def update(self, w, grad):
        g = grad(w)
        self.r = self.r + g * g
        return w - self.lr / (self.delta + np.sqrt(self.r)) * g

    def effective_lr(self):
        """ε/(δ + √r) per parameter, after the last step."""
        return self.lr / (self.delta + np.sqrt(self.r))

    def hyperparameters(self):
        return self._with_decay({"lr": self.lr, "delta": self.delta})


class RMSProp(Adagrad):
    """RMSProp (Tieleman & Hinton 2012): like Adagrad, but r is an
    exponentially decaying average, so old gradients fade.

    r ← ρr + (1 − ρ) g⊙g, w ← w − ε/(δ + √r) ⊙ g.

    Parameters
    ----------
    lr : float
        Global learning rate ε > 0.
    rho : float, default 0.9
        Decay rate ρ in [0, 1).
    delta : float, default 1e-6
        Small constant δ > 0.
    """

    def __init__(self, lr, rho=0.9, delta=1e-6, weight_decay=0.0):
        self.rho = _validate.unit_interval("rho", rho)
        super().__init__(lr, delta=delta, weight_decay=weight_decay)

    def update(self, w, grad):
        g = grad(w)
        self.r = self.rho * self.r + (1 - self.rho) * g * g
        return w - self.lr / (self.delta + np.sqrt(self.r)) * g

    def hyperparameters(self):
        return self._with_decay({"lr": self.lr, "rho": self.rho, "delta": self.delta})


class Adam(Optimizer):
    """Adam (Kingma & Ba 2014): momentum on the gradient (s) plus RMSProp's
    scaling (r), both bias-corrected; k counts steps from 1.

    s ← ρ₁s + (1 − ρ₁)g,  r ← ρ₂r + (1 − ρ₂) g⊙g,
    ŝ = s/(1 − ρ₁ᵏ),  r̂ = r/(1 − ρ₂ᵏ),  w ← w − ε ŝ/(δ + √r̂).

    Parameters
    ----------
    lr : float
        Step size ε > 0 (the paper suggests 0.001).
    rho1 : float, default 0.9
        Decay rate ρ₁ of the first moment, in [0, 1).
    rho2 : float, default 0.999
        Decay rate ρ₂ of the second moment, in [0, 1).
    delta : float, default 1e-8
        Small constant δ > 0.
    """

    hidden_state = ("r",)  # an infinite s makes ŝ/√r̂ NaN, which shows in w

    def __init__(self, lr, rho1=0.9, rho2=0.999, delta=1e-8, weight_decay=0.0):
        self.rho1 = _validate.unit_interval("rho1", rho1)
        self.rho2 = _validate.unit_interval("rho2", rho2)
        self.delta = _validate.positive("delta", delta)
        super().__init__(lr, weight_decay)

    def _init_state(self, w):
        self.s = self._zeros(w)
        self.r = self._zeros(w)

    def update(self, w, grad):
        return w - self.adam_step(grad(w))

    def adam_step(self, g):
        """Update s and r with the gradient g; return the step ε ŝ/(δ + √r̂)."""
        k = self.k
        self.s = self.rho1 * self.s + (1 - self.rho1) * g
        self.r = self.rho2 * self.r + (1 - self.rho2) * g * g
        s_hat = self.s / (1 - self.rho1**k)
        r_hat = self.r / (1 - self.rho2**k)
        return self.lr / (self.delta + np.sqrt(r_hat)) * s_hat

    def hyperparameters(self):
        return self._with_decay(
            {"lr": self.lr, "rho1": self.rho1, "rho2": self.rho2, "delta": self.delta}
        )


class AdamW(Adam):
    """AdamW (Loshchilov & Hutter 2019): Adam with *decoupled* weight decay.

    The decay shrinks w directly instead of entering the gradient, so Adam's
    per-parameter scaling does not weaken it where gradients are large:

    w ← (1 − ελ)·w − ε ŝ/(δ + √r̂),  with s, r from the gradient of f alone,

    the same iterates as ``torch.optim.AdamW``.

    Parameters
    ----------
    lr : float
        Step size ε > 0.
    rho1, rho2 : float, default 0.9, 0.999
        Decay rates ρ₁, ρ₂ in [0, 1).
    delta : float, default 1e-8
        Small constant δ > 0.
    weight_decay : float, default 0.01
        Decoupled decay λ ≥ 0 (PyTorch's default).
    """

    decoupled = True

    def __init__(self, lr, rho1=0.9, rho2=0.999, delta=1e-8, weight_decay=0.01):
        super().__init__(lr, rho1=rho1, rho2=rho2, delta=delta, weight_decay=weight_decay)

    def update(self, w, grad):
        g = grad(w)  # at the parameters before the decay, as PyTorch computes it
        return (1 - self.lr * self.weight_decay) * w - self.adam_step(g)


OPTIMIZERS = {
    "sgd": SGD,
    "momentum": Momentum,
    "nesterov": Nesterov,
    "adagrad": Adagrad,
    "rmsprop": RMSProp,
    "adam": Adam,
    "adamw": AdamW,
}


def make_optimizer(name, **hyperparameters):
    """Build an optimizer by name, e.g. ``make_optimizer("adam", lr=0.1)``.

    Parameters
    ----------
    name : str
        One of ``"sgd"``, ``"momentum"``, ``"nesterov"``, ``"adagrad"``,
        ``"rmsprop"``, ``"adam"``, ``"adamw"`` (case-insensitive).
    **hyperparameters
        Passed to the optimizer's constructor.

    Returns
    -------
    Optimizer
    """
    key = name.lower() if isinstance(name, str) else name
    cls = OPTIMIZERS[_validate.choice("name", key, tuple(OPTIMIZERS))]
    return cls(**hyperparameters)


class Trajectory(np.ndarray):
    """The iterates x⁽⁰⁾, x⁽¹⁾, … of an optimization, starting point included.

    A NumPy array (shape ``(n+1,)`` for a scalar start, ``(n+1, d)`` for a
    vector) with extra attributes:

    Attributes
    ----------
    diverged : bool
        True if the run was stopped by the divergence rule (module docstring):
        a non-finite gradient, iterate or optimizer state, or an iterate
        outside ``bound`` (by default max|w_i| > ``DIVERGENCE_BOUND`` = 10⁸).
        The array then ends at the last iterate that passed.
    diverged_at : int or None
        The update k that broke the rule (``n_steps + 1``), None if none did.
    reason : str or None
        In Korean, which update broke which part of the rule, e.g.
        ``"26번째 갱신에서 반복값의 크기가 10⁸을 넘음"``; None if not diverged.
    """

    def __new__(cls, iterates, diverged=False, reason=None, diverged_at=None):
        obj = np.asarray(iterates, dtype=float).view(cls)
        obj.diverged = bool(diverged)
        obj.reason = reason
        obj.diverged_at = diverged_at
        return obj

    def __array_finalize__(self, obj):
        self.diverged = getattr(obj, "diverged", False)
        self.reason = getattr(obj, "reason", None)
        self.diverged_at = getattr(obj, "diverged_at", None)

    @property
    def n_steps(self):
        """Number of updates actually made."""
        return len(self) - 1

    @property
    def final(self):
        """The last iterate, as a float or a plain array."""
        last = np.asarray(self)[-1]
        return float(last) if last.ndim == 0 else last


_SUPERSCRIPTS = str.maketrans("-0123456789", "⁻⁰¹²³⁴⁵⁶⁷⁸⁹")


def _number_text(x):
    """10⁸ for a power of ten, else a short number with the true minus sign."""
    if x > 0 and float(np.log10(x)).is_integer():
        return "10" + str(int(np.log10(x))).translate(_SUPERSCRIPTS)
    return format(x, "g").replace("-", "\N{MINUS SIGN}")


class Region:
    """Where the iterates of a run must stay (the ``bound`` of :func:`optimize`).

    Parameters
    ----------
    bound : float or array_like
        A number b > 0: max_i |w_i| ≤ b. A pair ``(low, high)``: every
        coordinate in [low, high] (``f.domain`` of a Function1D). ``d`` pairs:
        one interval per coordinate along the last axis (``f.domain`` of a
        Function2D).
    shape : tuple
        The shape of the parameters.
    """

    def __init__(self, bound, shape):
        if isinstance(bound, (Real, np.number)) and not isinstance(bound, (bool, np.bool_)):
            self.radius = _validate.positive("bound", bound)
            self.box = None
            self.text = f"반복값의 크기가 {_number_text(self.radius)}을 넘음"
            return
        box = _validate.numeric_array("bound", bound)
        if box.shape == (2,):
            box = box[None, :]
        d = shape[-1] if shape else 1
        if box.ndim != 2 or box.shape[1] != 2 or len(box) not in (1, d):
            _validate.fail(
                "bound",
                bound,
                f"양수 하나, (최솟값, 최댓값) 한 쌍, 또는 좌표마다 한 쌍씩 "
                f"{d}쌍(예: f.domain)이어야 합니다.",
            )
        for low, high in box:
            _validate.interval("bound", (low, high))
        self.radius, self.box = None, box
        self.low, self.high = box[:, 0], box[:, 1]
        sides = " × ".join(f"[{_number_text(low)}, {_number_text(high)}]" for low, high in box)
        self.text = f"반복값이 영역 {sides}을 벗어남"

    def contains(self, w):
        """Whether ``w`` lies in the region (False for inf and NaN)."""
        if self.box is None:
            return bool(np.abs(w).max() <= self.radius)
        return bool(((w >= self.low) & (w <= self.high)).all())


def _broken_rule(w, gradient, optimizer, region):
    """Which part of the divergence rule the update to ``w`` broke, or None.

    Checked in the order that is cheapest on the common path: with every
    update rule here (AdamW included) a non-finite gradient makes w non-finite
    (inf − inf, 0·inf and inf/inf are NaN), so the gradient is examined only
    then, to name the cause.
    """
    if region.contains(w):
        if optimizer.state_is_finite():
            return None
        return "옵티마이저 상태(누적 제곱 r)가 inf가 됨 (그래디언트가 너무 큼)"
    if gradient.last is not None and not np.isfinite(gradient.last).all():
        return "그래디언트가 inf 또는 NaN이 됨"
    if not np.isfinite(w).all():
        return "반복값이 inf 또는 NaN이 됨"
    return region.text


def _check_optimizer(optimizer):
    if not isinstance(optimizer, Optimizer):
        hint = (
            " (클래스가 아니라 cu.SGD(lr=0.1)처럼 만든 객체를 넘기세요)"
            if isinstance(optimizer, type) and issubclass(optimizer, Optimizer)
            else ""
        )
        _validate.fail(
            "optimizer", optimizer, f"cu.SGD(lr=...) 같은 Optimizer 객체여야 합니다{hint}."
        )
    return optimizer


class _Scheduled:
    """Sets ``optimizer.lr`` to ``schedule(k)`` before update k; restores it afterwards."""

    def __init__(self, optimizer, schedule):
        self.optimizer, self.schedule = optimizer, schedule
        self.base = optimizer.lr

    def set(self, k):
        if self.schedule is not None:
            value = _validate.real_number(
                "schedule", _validate.call("schedule", self.schedule, k, arguments=("k",))
            )
            if value < 0:  # ε = 0 (the end of a cosine) is a step of zero, allowed
                _validate.fail("schedule", value, f"schedule({k})는 0 이상의 학습률이어야 합니다.")
            self.optimizer.lr = value

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.optimizer.lr = self.base
        return False


def _checked_schedule(schedule):
    if schedule is None:
        return None
    from .schedules import as_schedule

    return as_schedule(schedule)


def optimize(grad_fn, x0, optimizer, n_iter, bound=DIVERGENCE_BOUND, schedule=None):
    """Run ``n_iter`` updates of ``optimizer`` from ``x0``.

    Parameters
    ----------
    grad_fn : callable
        The gradient function: ``grad_fn(w)`` returns ∇f(w) with the shape of
        ``w`` (pass ``f.gradient``, not a value).
    x0 : float or array_like
        Starting point x⁽⁰⁾, finite and inside ``bound``. An array of several
        starts (e.g. shape ``(m,)`` for a 1D function) runs them side by side
        as one vector.
    optimizer : Optimizer
        Its state is reset first, so every call starts fresh.
    n_iter : int
        Number of updates, 0 ≤ n_iter ≤ ``MAX_ITER`` (10⁶), and at most
        ``MAX_STORED_VALUES`` (10⁷) stored numbers, (n_iter + 1)·size of x0.
    bound : float or array_like, default ``DIVERGENCE_BOUND`` (10⁸)
        The region of the divergence rule (see :class:`Region`): a number b
        (max|w_i| ≤ b), a pair (low, high), or one pair per coordinate such as
        ``f.domain``, to stop a run that leaves the region of interest.
    schedule : callable, optional
        A learning-rate schedule (``course_utils.schedules``): update k
        (k = 0, 1, …) uses ε = ``schedule(k)`` instead of ``optimizer.lr``,
        which is restored afterwards. Like ``torch.optim.lr_scheduler``
        stepped once per update. (Momentum and Nesterov keep the lecture's
        form v ← αv − ε_k g, so under a changing ε they weigh each past
        gradient by the ε it was taken with; ``torch.optim.SGD`` scales its
        whole buffer by the current ε instead. With a constant ε both agree.)

    Returns
    -------
    Trajectory
        The iterates including ``x0``: shape ``(n_iter+1,)`` for a scalar
        ``x0``, ``(n_iter+1, d)`` for a vector; shorter, with
        ``diverged=True`` and the ``reason``, if the run broke the divergence
        rule of this module (no RuntimeWarning is emitted).

    Raises
    ------
    ValueError
        On bad input, including a ``grad_fn`` that is not a function of one
        argument or returns None, non-numbers or the wrong shape.
    """
    _check_optimizer(optimizer)
    grad_fn = _validate.function("grad_fn", grad_fn)
    w = _validate.finite_array("x0", x0)
    n_iter = _validate.count("n_iter", n_iter, maximum=MAX_ITER)
    if (n_iter + 1) * w.size > MAX_STORED_VALUES:
        _validate.fail(
            "n_iter",
            n_iter,
            f"반복값 (n_iter + 1)개 × 시작점의 원소 {w.size}개를 모두 저장하면 "
            f"한도 {MAX_STORED_VALUES:,}개를 넘습니다. n_iter를 줄이세요.",
        )
    region = Region(bound, w.shape)
    if not region.contains(w):
        _validate.fail("x0", x0, f"시작점이 `bound` 영역 안에 있어야 합니다 ({region.text}).")
    schedule = _checked_schedule(schedule)
    optimizer.reset()
    gradient = Gradient("grad_fn", grad_fn, w.shape)
    # Preallocated: memory is the result's, not a list of 0-d arrays ten times its size.
    iterates = np.empty((n_iter + 1,) + w.shape)
    iterates[0] = w
    stored, broken = 1, None
    # Divergence is part of the lesson: compute quietly, then apply the rule.
    with (
        np.errstate(over="ignore", invalid="ignore", divide="ignore"),
        _Scheduled(optimizer, schedule) as scheduled,
    ):
        while stored <= n_iter:
            scheduled.set(stored - 1)
            try:
                w = optimizer._step(w, gradient)
            except OverflowError:  # math.exp and the like in a student's gradient
                broken = "그래디언트 계산이 넘침 (OverflowError)"
                break
            broken = _broken_rule(w, gradient, optimizer, region)
            if broken is not None:
                break
            iterates[stored] = w
            stored += 1
    if broken is None:
        return Trajectory(iterates)
    return Trajectory(
        iterates[:stored].copy(),
        diverged=True,
        diverged_at=stored,
        reason=f"{stored}번째 갱신에서 {broken}",
    )


@dataclass
class TrainingResult:
    """What :func:`minibatch_descent` returns.

    Attributes
    ----------
    w : ndarray
        The final parameters.
    path : Trajectory
        Parameters after every update, ``w0`` first (only the recorded updates
        when ``minibatch_descent`` was called with ``loss_every > 1``).
    epoch_loss : ndarray
        Full-data loss before training and after each epoch (``epochs + 1`` values;
        fewer if training stopped early at ``target_loss`` or diverged).
    step_loss : ndarray
        Full-data loss at every entry of ``path`` (``len(path)`` values).
    samples_seen : ndarray
        Per-sample gradients computed before each entry of ``step_loss``.
    updates : ndarray
        Updates made before each entry of ``step_loss`` (0 for ``w0``).
    diverged : bool
        True if training stopped because the parameters blew up.
    """

    w: np.ndarray
    path: Trajectory
    epoch_loss: np.ndarray
    step_loss: np.ndarray
    samples_seen: np.ndarray
    updates: np.ndarray
    diverged: bool


def minibatch_descent(
    loss,
    grad,
    w0,
    X,
    y,
    optimizer,
    batch_size,
    epochs,
    seed=None,
    loss_every=1,
    target_loss=None,
    bound=DIVERGENCE_BOUND,
    schedule=None,
):
    """The lecture's mini-batch algorithm, for any of the optimizers.

    1. set w⁽⁰⁾; 2. shuffle the data; 3. split it into mini-batches;
    4. for each batch: gradient → search direction → update;
    5. repeat 2–4 for ``epochs`` epochs.

    Parameters
    ----------
    loss : callable
        ``loss(w, X, y) -> float``, the mean loss over the given rows.
    grad : callable
        ``grad(w, X_batch, y_batch)``: the gradient of the mean loss over the
        batch, shaped like ``w``.
    w0 : array_like
        Initial parameters w⁽⁰⁾, finite, with a finite loss.
    X : array_like
        Inputs, one row per sample (shape ``(n,)`` or ``(n, d)``).
    y : array_like
        Targets, ``len(y) == len(X)``.
    optimizer : Optimizer
        Reset before training starts.
    batch_size : int
        Samples per mini-batch, 1 ≤ batch_size ≤ len(X); ``len(X)`` is
        full-batch gradient descent, 1 is "pure" SGD.
    epochs : int
        Passes over the data, ≥ 0; at most ``MAX_ITER`` (10⁶) updates in all.
    seed : int or numpy.random.Generator, optional
        Randomness for the shuffles; the same seed gives the same run.
    loss_every : int, default 1
        Record (evaluate the full-data loss and store the parameters) after
        every ``loss_every``-th update and after the last update of each
        epoch; 1 records every update. A full-data loss costs as much as a
        full-batch gradient, so timing runs on large data record less often.
        Shuffles and updates do not depend on it.
    target_loss : float, optional
        Stop as soon as a recorded full-data loss is ≤ ``target_loss``
        (time-to-target runs). ``epoch_loss`` then holds completed epochs only.
    bound : float or array_like, default ``DIVERGENCE_BOUND`` (10⁸)
        The region of the divergence rule, as in :func:`optimize`.
    schedule : callable, optional
        A learning-rate schedule, as in :func:`optimize`: update k (counted
        over all epochs from 0) uses ε = ``schedule(k)``.

    Returns
    -------
    TrainingResult
        With ``loss_every > 1``, ``path``, ``step_loss`` and ``samples_seen``
        hold the recorded updates only (still aligned with each other).
        Divergence follows the rule of this module, plus a non-finite loss at
        a recorded point; ``path.reason`` says which.
    """
    _check_optimizer(optimizer)
    loss = _validate.function(
        "loss", loss, arguments=("w", "X", "y"), example="model.loss", value_kind="손실 값"
    )
    grad = _validate.function(
        "grad", grad, arguments=("w", "X_batch", "y_batch"), example="model.gradient"
    )
    X = _validate.finite_array("X", X)
    checked = _validate.finite_array("y", y)
    # integer class labels reach the loss and the gradient as integers
    y = np.asarray(y) if np.asarray(y).dtype.kind in "iu" else checked
    for name, data in (("X", X), ("y", y)):
        if data.ndim == 0:
            _validate.fail(
                name, data.item(), "샘플마다 한 행인 배열이어야 합니다 (숫자 하나가 아니라)."
            )
    if len(X) != len(y):
        raise ValueError(
            f"`y` 값이 올바르지 않습니다: 길이 {len(y)} — X와 같은 길이 {len(X)}여야 합니다."
        )
    n = len(X)
    batch_size = _validate.count("batch_size", batch_size, minimum=1)
    if batch_size > n:
        raise ValueError(
            f"`batch_size` 값이 올바르지 않습니다: {batch_size} — 데이터 개수 {n} 이하여야 합니다."
        )
    epochs = _validate.count("epochs", epochs)
    per_epoch = -(-n // batch_size)
    if epochs * per_epoch > MAX_ITER:
        _validate.fail(
            "epochs",
            epochs,
            f"에폭당 업데이트 {per_epoch:,}번 × {epochs:,} 에폭은 한도 {MAX_ITER:,}번을 넘습니다.",
        )
    loss_every = _validate.count("loss_every", loss_every, minimum=1)
    if target_loss is not None:
        target_loss = _validate.real_number("target_loss", target_loss)
    rng = _validate.rng("seed", seed)
    w = _validate.finite_array("w0", w0)
    region = Region(bound, w.shape)
    if not region.contains(w):
        _validate.fail("w0", w0, f"시작점이 `bound` 영역 안에 있어야 합니다 ({region.text}).")

    def full_loss(w):
        value = _validate.evaluate("loss", loss, w, X, y, arguments=("w", "X", "y"), scalar=True)
        return float(value.reshape(()))

    schedule = _checked_schedule(schedule)
    optimizer.reset()
    gradient = Gradient("grad", grad, w.shape, arguments=("w", "X_batch", "y_batch"))
    first_loss = full_loss(w)
    if not np.isfinite(first_loss):
        _validate.fail(
            "w0", w0, f"시작점에서 손실이 유한해야 합니다: loss(w0, X, y) = {first_loss}"
        )
    path, step_loss, samples_seen, update_counts = [w], [first_loss], [0], [0]
    epoch_loss = [first_loss]
    broken = None
    reached = target_loss is not None and first_loss <= target_loss
    updates = seen = 0

    def record(w, value):
        path.append(w)
        step_loss.append(value)
        samples_seen.append(seen)
        update_counts.append(updates)
        return target_loss is not None and value <= target_loss

    with (
        np.errstate(over="ignore", invalid="ignore", divide="ignore"),
        _Scheduled(optimizer, schedule) as scheduled,
    ):
        for _ in range(0 if reached else epochs):
            order = rng.permutation(n)
            for start in range(0, n, batch_size):
                batch = order[start : start + batch_size]
                gradient.extra = (X[batch], y[batch])
                w_before = w
                scheduled.set(updates)
                try:
                    w = optimizer._step(w, gradient)
                    broken = _broken_rule(w, gradient, optimizer, region)
                except OverflowError:  # math.exp and the like in a student's gradient
                    broken = "그래디언트 계산이 넘침 (OverflowError)"
                epoch_done = start + batch_size >= n
                recorded = (updates + 1) % loss_every == 0 or epoch_done
                if broken is None and recorded:
                    value = full_loss(w)
                    if not np.isfinite(value):
                        broken = "손실이 inf 또는 NaN이 됨"
                if broken is not None:
                    if path[-1] is not w_before:  # keep the last iterate that passed
                        value = full_loss(w_before)
                        if np.isfinite(value):
                            record(w_before, value)
                    break
                updates += 1
                seen += len(batch)
                if recorded:
                    reached = record(w, value)
                    if reached:
                        break
            if broken is not None:
                break
            if epoch_done:
                epoch_loss.append(step_loss[-1])
            if reached:
                break
    diverged = broken is not None
    reason = f"{updates + 1}번째 갱신에서 {broken}" if diverged else None
    return TrainingResult(
        w=path[-1],
        path=Trajectory(
            np.stack(path),
            diverged=diverged,
            reason=reason,
            diverged_at=updates + 1 if diverged else None,
        ),
        epoch_loss=np.array(epoch_loss),
        step_loss=np.array(step_loss),
        samples_seen=np.array(samples_seen),
        updates=np.array(update_counts),
        diverged=diverged,
    )
