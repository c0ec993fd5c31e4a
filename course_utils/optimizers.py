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
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from . import _validate

# An iterate whose magnitude passes this is treated as diverged: far beyond any
# problem in the course, and far below float overflow for their gradients.
DIVERGENCE_BOUND = 1e8


class Optimizer:
    """Base class: holds hyperparameters and state, and checks shapes.

    Subclasses implement :meth:`update` as the lecture's formula.
    """

    def __init__(self, lr):
        self.lr = _validate.positive("lr", lr)
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
            ``grad(w)`` returns ∇f(w) with the shape of ``w``.

        Returns
        -------
        float or ndarray
            The new parameters w^(k+1) (a new array; ``w`` is not modified).
        """
        w = np.asarray(w, dtype=float)
        if self._shape is None:
            self._shape = w.shape
            self._init_state(w)
        elif w.shape != self._shape:
            raise ValueError(
                f"`w` 값이 올바르지 않습니다: shape {w.shape} — 이 옵티마이저는 "
                f"shape {self._shape}의 파라미터로 시작했습니다. reset()을 먼저 호출하세요."
            )
        self.k += 1
        checked = _checked_gradient(grad, w.shape)
        return self.update(w, checked)

    def _init_state(self, w):
        """Create the zero state for parameters shaped like ``w``."""

    def update(self, w, grad):
        raise NotImplementedError

    def __repr__(self):
        params = ", ".join(f"{k}={v!r}" for k, v in self.hyperparameters().items())
        return f"{type(self).__name__}({params})"

    def hyperparameters(self):
        """The constructor's arguments, as a dict."""
        return {"lr": self.lr}


def _checked_gradient(grad, shape):
    """Wrap ``grad`` so a gradient of the wrong shape fails with a clear message."""

    def wrapped(w):
        g = np.asarray(grad(w), dtype=float)
        if g.shape != shape:
            raise ValueError(
                f"`grad` 값이 올바르지 않습니다: shape {g.shape} — 그래디언트는 "
                f"파라미터와 같은 shape {shape}이어야 합니다."
            )
        return g

    return wrapped


class SGD(Optimizer):
    """(Stochastic) gradient descent: w ← w − ε∇f(w).

    Parameters
    ----------
    lr : float
        Learning rate ε > 0.
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

    def __init__(self, lr, alpha=0.9):
        self.alpha = _validate.unit_interval("alpha", alpha)
        super().__init__(lr)

    def _init_state(self, w):
        self.v = self._zeros(w)

    def update(self, w, grad):
        self.v = self.alpha * self.v - self.lr * grad(w)
        return w + self.v

    def hyperparameters(self):
        return {"lr": self.lr, "alpha": self.alpha}


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

    def __init__(self, lr, delta=1e-7):
        self.delta = _validate.positive("delta", delta)
        super().__init__(lr)

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
        return {"lr": self.lr, "delta": self.delta}


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

    def __init__(self, lr, rho=0.9, delta=1e-6):
        self.rho = _validate.unit_interval("rho", rho)
        super().__init__(lr, delta=delta)

    def update(self, w, grad):
        g = grad(w)
        self.r = self.rho * self.r + (1 - self.rho) * g * g
        return w - self.lr / (self.delta + np.sqrt(self.r)) * g

    def hyperparameters(self):
        return {"lr": self.lr, "rho": self.rho, "delta": self.delta}


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

    def __init__(self, lr, rho1=0.9, rho2=0.999, delta=1e-8):
        self.rho1 = _validate.unit_interval("rho1", rho1)
        self.rho2 = _validate.unit_interval("rho2", rho2)
        self.delta = _validate.positive("delta", delta)
        super().__init__(lr)

    def _init_state(self, w):
        self.s = self._zeros(w)
        self.r = self._zeros(w)

    def update(self, w, grad):
        g = grad(w)
        k = self.k
        self.s = self.rho1 * self.s + (1 - self.rho1) * g
        self.r = self.rho2 * self.r + (1 - self.rho2) * g * g
        s_hat = self.s / (1 - self.rho1**k)
        r_hat = self.r / (1 - self.rho2**k)
        return w - self.lr / (self.delta + np.sqrt(r_hat)) * s_hat

    def hyperparameters(self):
        return {"lr": self.lr, "rho1": self.rho1, "rho2": self.rho2, "delta": self.delta}


OPTIMIZERS = {
    "sgd": SGD,
    "momentum": Momentum,
    "nesterov": Nesterov,
    "adagrad": Adagrad,
    "rmsprop": RMSProp,
    "adam": Adam,
}


def make_optimizer(name, **hyperparameters):
    """Build an optimizer by name, e.g. ``make_optimizer("adam", lr=0.1)``.

    Parameters
    ----------
    name : str
        One of ``"sgd"``, ``"momentum"``, ``"nesterov"``, ``"adagrad"``,
        ``"rmsprop"``, ``"adam"`` (case-insensitive).
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
    vector) with one extra attribute:

    Attributes
    ----------
    diverged : bool
        True if the run was stopped because an iterate became non-finite or
        larger than ``DIVERGENCE_BOUND``; the array then ends at the last
        iterate that was still within the bound.
    """

    def __new__(cls, iterates, diverged=False):
        obj = np.asarray(iterates, dtype=float).view(cls)
        obj.diverged = bool(diverged)
        return obj

    def __array_finalize__(self, obj):
        self.diverged = getattr(obj, "diverged", False)

    @property
    def n_steps(self):
        """Number of updates actually made."""
        return len(self) - 1

    @property
    def final(self):
        """The last iterate, as a float or a plain array."""
        last = np.asarray(self)[-1]
        return float(last) if last.ndim == 0 else last


def _within_bound(w):
    return bool(np.all(np.isfinite(w)) and np.max(np.abs(w)) <= DIVERGENCE_BOUND)


def optimize(grad_fn, x0, optimizer, n_iter):
    """Run ``n_iter`` updates of ``optimizer`` from ``x0``.

    Parameters
    ----------
    grad_fn : callable
        ``grad_fn(w)`` returns ∇f(w) with the shape of ``w``.
    x0 : float or array_like
        Starting point x⁽⁰⁾, finite.
    optimizer : Optimizer
        Its state is reset first, so every call starts fresh.
    n_iter : int
        Number of updates, ≥ 0.

    Returns
    -------
    Trajectory
        The iterates including ``x0``: shape ``(n_iter+1,)`` for a scalar
        ``x0``, ``(n_iter+1, d)`` for a vector; shorter, with
        ``diverged=True``, if the run blew up (no RuntimeWarning is emitted).
    """
    if not isinstance(optimizer, Optimizer):
        raise ValueError(
            f"`optimizer` 값이 올바르지 않습니다: {optimizer!r} — "
            "cu.optimizers.SGD(lr=...) 같은 Optimizer 객체여야 합니다."
        )
    w = _validate.finite_array("x0", x0)
    n_iter = _validate.count("n_iter", n_iter)
    optimizer.reset()
    iterates = [w]
    diverged = False
    # Divergence is part of the lesson: compute quietly, then check the result.
    with np.errstate(over="ignore", invalid="ignore", divide="ignore"):
        for _ in range(n_iter):
            w = optimizer.step(w, grad_fn)
            if not _within_bound(w):
                diverged = True
                break
            iterates.append(w)
    return Trajectory(np.stack(iterates), diverged=diverged)


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


def minibatch_descent(loss, grad, w0, X, y, optimizer, batch_size, epochs, seed=None,
                      loss_every=1, target_loss=None):
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
        Initial parameters w⁽⁰⁾.
    X : array_like
        Inputs, one row per sample.
    y : array_like
        Targets, ``len(y) == len(X)``.
    optimizer : Optimizer
        Reset before training starts.
    batch_size : int
        Samples per mini-batch, 1 ≤ batch_size ≤ len(X); ``len(X)`` is
        full-batch gradient descent, 1 is "pure" SGD.
    epochs : int
        Passes over the data, ≥ 0.
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

    Returns
    -------
    TrainingResult
        With ``loss_every > 1``, ``path``, ``step_loss`` and ``samples_seen``
        hold the recorded updates only (still aligned with each other).
    """
    if not isinstance(optimizer, Optimizer):
        raise ValueError(
            f"`optimizer` 값이 올바르지 않습니다: {optimizer!r} — Optimizer 객체여야 합니다."
        )
    X = _validate.finite_array("X", X)
    y = _validate.finite_array("y", y)
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
    loss_every = _validate.count("loss_every", loss_every, minimum=1)
    if target_loss is not None:
        target_loss = _validate.real_number("target_loss", target_loss)
    rng = _validate.rng("seed", seed)
    w = _validate.finite_array("w0", w0)

    optimizer.reset()
    path, step_loss, samples_seen, update_counts = [w], [float(loss(w, X, y))], [0], [0]
    epoch_loss = [step_loss[0]]
    diverged = False
    reached = target_loss is not None and step_loss[0] <= target_loss
    updates = seen = 0

    def record(w):
        path.append(w)
        step_loss.append(float(loss(w, X, y)))
        samples_seen.append(seen)
        update_counts.append(updates)
        return target_loss is not None and step_loss[-1] <= target_loss

    with np.errstate(over="ignore", invalid="ignore", divide="ignore"):
        for _ in range(0 if reached else epochs):
            order = rng.permutation(n)
            for start in range(0, n, batch_size):
                batch = order[start : start + batch_size]
                X_batch, y_batch = X[batch], y[batch]
                w_before = w
                w = optimizer.step(w, lambda v: grad(v, X_batch, y_batch))
                if not _within_bound(w):
                    diverged = True
                    if path[-1] is not w_before:  # keep the last finite iterate
                        record(w_before)
                    break
                updates += 1
                seen += len(batch)
                epoch_done = start + batch_size >= n
                if updates % loss_every == 0 or epoch_done:
                    reached = record(w)
                    if reached:
                        break
            if diverged:
                break
            if epoch_done:
                epoch_loss.append(step_loss[-1])
            if reached:
                break
    return TrainingResult(
        w=path[-1],
        path=Trajectory(np.stack(path), diverged=diverged),
        epoch_loss=np.array(epoch_loss),
        step_loss=np.array(step_loss),
        samples_seen=np.array(samples_seen),
        updates=np.array(update_counts),
        diverged=diverged,
    )
