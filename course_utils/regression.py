"""Linear regression by mean squared error: the model, the loss and its gradient.

The parameters are one vector ``params = (w_1, …, w_d, b)``, weights first and
the bias last, which is the form the optimizers in :mod:`course_utils.optimizers`
update. With one feature, ``params = (w, b)`` and

    ŷ_i = w·x_i + b,
    L(w, b) = (1/n) Σ_i (ŷ_i − y_i)²,
    ∂L/∂w = (2/n) Σ_i (ŷ_i − y_i)·x_i,    ∂L/∂b = (2/n) Σ_i (ŷ_i − y_i).

The loss and gradient have the signature ``f(params, X, y)`` that
:func:`course_utils.minibatch_descent` expects: called with a mini-batch they
give the mini-batch loss and gradient. ``tests/test_regression.py`` checks the
gradient against :func:`course_utils.calculus.gradient`.

:class:`Standardizer` turns a feature into z = (x − mean)/std and converts a
line fitted on z back to the original units (e.g. grams per millimetre), and
:func:`loss_surface` returns L(w, b) as a
:class:`~course_utils.functions.Function2D`, so the contour helpers of
:mod:`course_utils.plots` draw it like any other surface of the course.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from . import _validate
from .functions import Function2D


def _features(X):
    """``X`` as a 2D float array ``(n, d)``; a 1D array is one feature."""
    X = _validate.numeric_array("X", X)
    if X.ndim == 1:
        return X[:, None]
    if X.ndim != 2:
        _validate.fail("X", f"shape {X.shape}", "1차원 (n,) 또는 2차원 (n, d) 배열이어야 합니다.")
    return X


def _checked(params, X, y=None):
    """Shapes only (cheap: these functions run once per mini-batch)."""
    X = _features(X)
    params = _validate.numeric_array("params", params)
    if params.shape != (X.shape[1] + 1,):
        _validate.fail(
            "params",
            f"shape {params.shape}",
            f"특성 {X.shape[1]}개에 맞게 (가중치 {X.shape[1]}개, 바이어스 1개) "
            f"shape ({X.shape[1] + 1},) 이어야 합니다.",
        )
    if y is None:
        return params, X
    y = _validate.numeric_array("y", y)
    if y.shape != (len(X),):
        _validate.fail(
            "y", f"shape {y.shape}", f"X의 행 수에 맞게 shape ({len(X)},) 이어야 합니다."
        )
    return params, X, y


def _linear(params, X):
    """Σ_j x_ij·w_j + b for every row i.

    ``einsum`` instead of ``@``: the sums are the formula's, and for a tall
    matrix with one or two columns ``@`` hands the work to a multi-threaded
    BLAS whose threads stall when other programs keep the cores busy, which
    made timing runs (notebook 08) erratic.
    """
    return np.einsum("ij,j->i", X, params[:-1]) + params[-1]


def predict(params, X):
    """The model's output ŷ = Xw + b.

    Parameters
    ----------
    params : array_like
        ``(w_1, …, w_d, b)``, shape ``(d+1,)``.
    X : array_like
        Inputs, shape ``(n,)`` for one feature or ``(n, d)``.

    Returns
    -------
    ndarray
        ŷ, shape ``(n,)``.
    """
    params, X = _checked(params, X)
    return _linear(params, X)


def mse_loss(params, X, y):
    """Mean squared error L = (1/n) Σ (ŷ_i − y_i)².

    Parameters
    ----------
    params : array_like
        ``(w_1, …, w_d, b)``, shape ``(d+1,)``.
    X : array_like
        Inputs, shape ``(n,)`` or ``(n, d)``: all the data or one mini-batch.
    y : array_like
        Targets, shape ``(n,)``.

    Returns
    -------
    float
    """
    params, X, y = _checked(params, X, y)
    residual = _linear(params, X) - y
    return float(np.einsum("i,i->", residual, residual)) / len(y)


def mse_gradient(params, X, y):
    """Gradient of :func:`mse_loss` with respect to ``params``.

    ∂L/∂w_j = (2/n) Σ_i (ŷ_i − y_i)·x_ij,  ∂L/∂b = (2/n) Σ_i (ŷ_i − y_i).

    Parameters
    ----------
    params : array_like
        ``(w_1, …, w_d, b)``, shape ``(d+1,)``.
    X : array_like
        Inputs, shape ``(n,)`` or ``(n, d)``: all the data or one mini-batch.
    y : array_like
        Targets, shape ``(n,)``.

    Returns
    -------
    ndarray
        Shape ``(d+1,)``, the bias component last.
    """
    params, X, y = _checked(params, X, y)
    residual = _linear(params, X) - y
    gradient = np.empty_like(params)
    gradient[:-1] = np.einsum("i,ij->j", residual, X)  # Σ_i r_i·x_ij
    gradient[-1] = residual.sum()
    gradient *= 2 / len(y)
    return gradient


def mse_hessian(X):
    """The (constant) Hessian of :func:`mse_loss`: (2/n)·AᵀA with A = [X, 1].

    Its eigenvalues set the shape of the loss surface: their ratio, the
    condition number, is the length-to-width ratio of the contour ellipses
    squared, and gradient descent is stable only for ε < 2/λ_max.

    Parameters
    ----------
    X : array_like
        Inputs, shape ``(n,)`` or ``(n, d)``.

    Returns
    -------
    ndarray
        Shape ``(d+1, d+1)``.
    """
    X = _validate.finite_array("X", _features(X))
    A = np.column_stack([X, np.ones(len(X))])
    return 2 / len(X) * (A.T @ A)


def least_squares(X, y):
    """The exact minimizer of :func:`mse_loss` (the normal equations, solved stably).

    Parameters
    ----------
    X : array_like
        Inputs, shape ``(n,)`` or ``(n, d)``, finite.
    y : array_like
        Targets, shape ``(n,)``, finite.

    Returns
    -------
    ndarray
        ``params`` of shape ``(d+1,)`` with the smallest loss.
    """
    X = _validate.finite_array("X", _features(X))
    y = _validate.finite_array("y", y)
    _checked(np.zeros(X.shape[1] + 1), X, y)
    A = np.column_stack([X, np.ones(len(X))])
    solution, *_ = np.linalg.lstsq(A, y, rcond=None)
    return solution


@dataclass(frozen=True)
class Standardizer:
    """z = (x − mean)/std per feature, and its inverse.

    Make one with :meth:`fit`. ``std`` is the population standard deviation
    (``ddof=0``), so z has mean 0 and mean square 1 exactly.

    Parameters
    ----------
    mean : float or ndarray
        Mean of each feature.
    std : float or ndarray
        Standard deviation of each feature, > 0.
    """

    mean: float | np.ndarray
    std: float | np.ndarray

    @classmethod
    def fit(cls, x):
        """Learn mean and standard deviation from data.

        Parameters
        ----------
        x : array_like
            Shape ``(n,)`` (one feature) or ``(n, d)``, finite, not constant.

        Returns
        -------
        Standardizer
        """
        x = _validate.finite_array("x", x)
        mean, std = x.mean(axis=0), x.std(axis=0)
        if np.any(std == 0):
            _validate.fail("x", f"std {std!r}", "값이 모두 같은 특성은 표준화할 수 없습니다.")
        if x.ndim == 1:
            return cls(float(mean), float(std))
        return cls(mean, std)

    def transform(self, x):
        """z = (x − mean)/std.

        Parameters
        ----------
        x : array_like
            Values in the original units.

        Returns
        -------
        ndarray
        """
        return (np.asarray(x, dtype=float) - self.mean) / self.std

    def inverse(self, z):
        """x = mean + std·z.

        Parameters
        ----------
        z : array_like
            Standardized values.

        Returns
        -------
        ndarray
        """
        return self.mean + self.std * np.asarray(z, dtype=float)

    def unscale_params(self, params):
        """A linear model fitted on z, rewritten for the original x.

        ŷ = Σ_j w_j (x_j − m_j)/s_j + b = Σ_j (w_j/s_j) x_j + (b − Σ_j w_j m_j/s_j).

        Parameters
        ----------
        params : array_like
            ``(w_1, …, w_d, b)`` for standardized inputs.

        Returns
        -------
        ndarray
            ``(w_1/s_1, …, w_d/s_d, b − Σ w_j m_j/s_j)``: slopes per original unit.
        """
        params = np.asarray(params, dtype=float)
        mean, std = np.atleast_1d(self.mean), np.atleast_1d(self.std)
        if params.shape != (len(mean) + 1,):
            _validate.fail(
                "params", f"shape {params.shape}", f"shape ({len(mean) + 1},) 이어야 합니다."
            )
        slopes = params[:-1] / std
        return np.append(slopes, params[-1] - slopes @ mean)


@dataclass(frozen=True)
class LossSurface(Function2D):
    """A :class:`~course_utils.functions.Function2D` that also knows its minimum value.

    Parameters
    ----------
    min_value : float
        L* = L(w*, b*), the smallest loss (the other parameters as in Function2D).
    """

    min_value: float = 0.0


def loss_surface(X, y, domain=None, span=2.0):
    """L(w, b) of a one-feature regression as a :class:`Function2D` (x-axis w, y-axis b).

    The loss is quadratic, so around the exact minimizer (w*, b*) it is, with
    no approximation,

        L(w, b) = L* + mean(x²)·Δw² + 2·mean(x)·Δw·Δb + Δb²,  Δw = w − w*, Δb = b − b*,

    which evaluates a whole contour grid in one pass instead of once per sample.

    Parameters
    ----------
    X : array_like
        The one feature, shape ``(n,)`` or ``(n, 1)``, finite.
    y : array_like
        Targets, shape ``(n,)``, finite.
    domain : tuple of tuple, optional
        ``((w_min, w_max), (b_min, b_max))`` for plots; default the minimizer ± ``span``.
    span : float, default 2.0
        Half-width of the default domain, > 0.

    Returns
    -------
    LossSurface
        Call it as ``L(w, b)`` on grids; ``.gradient(params)`` for optimizers;
        ``.minima`` holds (w*, b*); ``.min_value`` is L*.
    """
    X = _validate.finite_array("X", _features(X))
    if X.shape[1] != 1:
        _validate.fail(
            "X", f"shape {X.shape}", "손실 곡면 L(w, b)는 특성이 1개일 때만 그릴 수 있습니다."
        )
    span = _validate.positive("span", span)
    best = least_squares(X, y)
    min_value = mse_loss(best, X, y)
    x = X[:, 0]
    mean_x, mean_xx = float(x.mean()), float(np.mean(x**2))
    w_star, b_star = float(best[0]), float(best[1])

    def value(w, b):
        dw, db = w - w_star, b - b_star
        return min_value + mean_xx * dw**2 + 2 * mean_x * dw * db + db**2

    def partials(w, b):
        dw, db = w - w_star, b - b_star
        return 2 * (mean_xx * dw + mean_x * db), 2 * (mean_x * dw + db)

    if domain is None:
        domain = ((w_star - span, w_star + span), (b_star - span, b_star + span))
    return LossSurface(
        name="mse_surface",
        latex=r"\frac{1}{n}\sum_{i=1}^{n} (w x_i + b - y_i)^2",
        value=value,
        partials=partials,
        domain=tuple(tuple(float(v) for v in pair) for pair in domain),
        minima=((w_star, b_star),),
        text="L(w, b) = (1/n)·Σ(w·xᵢ + b − yᵢ)²",
        min_value=min_value,
    )
