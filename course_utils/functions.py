"""The lecture's functions and standard 2D test problems.

Each function carries its value, its analytic derivative or gradient, a LaTeX
formula for titles and its known minima, and works element-wise on NumPy
arrays, so the same object draws a curve, fills a contour grid and feeds an
optimizer::

    f = cu.functions.QUADRATIC          # f(x) = x² − 4x + 6
    f(3.0), f.derivative(3.0)           # (3.0, 2.0)
    g = cu.functions.LECTURE_SURFACE    # 5x·cos x + (2y − 1)²
    g(X, Y)                             # on a meshgrid
    g.gradient(np.array([1.0, 0.0]))    # vector form, for optimizers

Every analytic derivative here is checked against a central difference in
``tests/test_functions.py``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np

from . import _validate


@dataclass(frozen=True)
class Function1D:
    """A scalar function of one variable with its analytic derivative.

    Parameters
    ----------
    name : str
        Short code name (used by :func:`get`).
    latex : str
        The formula as LaTeX without dollar signs, e.g. ``"x^2 - 4x + 6"``.
    value : callable
        ``value(x)``, element-wise on arrays.
    derivative_fn : callable
        ``derivative_fn(x)``, the analytic f′(x), element-wise.
    domain : tuple of float
        The interval the course plots it on.
    minima : tuple of float
        Local minima inside ``domain`` (the global one on the domain first).
    """

    name: str
    latex: str
    value: Callable = field(repr=False)
    derivative_fn: Callable = field(repr=False)
    domain: tuple = (-5.0, 5.0)
    minima: tuple = ()
    ndim = 1

    def __call__(self, x):
        x = _validate.points("x", x)
        with np.errstate(over="ignore"):  # f(1e200) = inf, quietly, as floats give it
            return self.value(x)

    def derivative(self, x):
        """f′(x), element-wise, at finite ``x``."""
        x = _validate.points("x", x)
        with np.errstate(over="ignore"):
            return self.derivative_fn(x)

    # For optimizers, which see every problem as "a gradient of w".
    gradient = derivative

    def loss(self, w):
        """f(w): the same as calling the function, named for optimizer code."""
        return self(w)

    @property
    def title(self):
        """The formula ready for a matplotlib title: ``$f(x) = …$``."""
        return f"$f(x) = {self.latex}$"

    def grid(self, n=200):
        """``n`` evenly spaced points over :attr:`domain`, n ≥ 2."""
        return np.linspace(*self.domain, _validate.count("n", n, minimum=2))


@dataclass(frozen=True)
class Function2D:
    """A scalar function of two variables with its analytic gradient.

    Parameters
    ----------
    name : str
        Short code name (used by :func:`get`).
    latex : str
        The formula as LaTeX without dollar signs.
    value : callable
        ``value(x, y)``, element-wise on arrays (grids from ``np.meshgrid``).
    partials : callable
        ``partials(x, y) -> (f_x, f_y)``, the analytic partial derivatives.
    domain : tuple of tuple
        ``((x_min, x_max), (y_min, y_max))`` for plots.
    minima : tuple of tuple
        Known local minima ``(x, y)`` inside ``domain``, global first.
    text : str
        The formula in plain Unicode, for plotly titles (no LaTeX renderer there).
    """

    name: str
    latex: str
    value: Callable = field(repr=False)
    partials: Callable = field(repr=False)
    domain: tuple = ((-5.0, 5.0), (-5.0, 5.0))
    minima: tuple = ()
    text: str = ""
    ndim = 2

    def __call__(self, x, y):
        x, y = _validate.points("x", x), _validate.points("y", y)
        if x.shape != y.shape:
            try:
                np.broadcast_shapes(x.shape, y.shape)
            except ValueError:
                _validate.fail(
                    "y",
                    f"shape {y.shape}",
                    f"x의 shape {x.shape}과 맞아야 합니다 (np.meshgrid로 만든 격자처럼).",
                )
        with np.errstate(over="ignore"):
            return self.value(x, y)

    @staticmethod
    def _points(w):
        w = _validate.points("w", w)
        if w.ndim == 0 or w.shape[-1] != 2:
            _validate.fail(
                "w",
                f"shape {w.shape}",
                "점 (x, y)마다 마지막 축의 길이가 2인 (2,) 또는 (n, 2) 배열이어야 합니다.",
            )
        return w

    def loss(self, w):
        """f at points ``w`` of shape ``(..., 2)`` (optimizer iterates)."""
        w = self._points(w)
        with np.errstate(over="ignore"):
            return self.value(w[..., 0], w[..., 1])

    def gradient(self, w):
        """∇f at points ``w`` of shape ``(..., 2)``; returns the same shape."""
        w = self._points(w)
        with np.errstate(over="ignore"):
            f_x, f_y = self.partials(w[..., 0], w[..., 1])
        return np.stack(np.broadcast_arrays(f_x, f_y), axis=-1)

    @property
    def title(self):
        """The formula ready for a matplotlib title: ``$f(x, y) = …$``."""
        return f"$f(x, y) = {self.latex}$"

    def grid(self, n=200):
        """``X, Y`` from ``np.meshgrid`` over :attr:`domain`, ``n`` points a side."""
        n = _validate.count("n", n, minimum=2)
        (x_min, x_max), (y_min, y_max) = self.domain
        return np.meshgrid(np.linspace(x_min, x_max, n), np.linspace(y_min, y_max, n))


# --- one variable ------------------------------------------------------------

QUADRATIC = Function1D(
    name="quadratic",
    latex="x^2 - 4x + 6",
    value=lambda x: x**2 - 4 * x + 6,
    derivative_fn=lambda x: 2 * x - 4,
    domain=(0.0, 4.0),
    minima=(2.0,),
)

CUBIC = Function1D(
    name="cubic",
    latex="3x^3 - 2x + 1",
    value=lambda x: 3 * x**3 - 2 * x + 1,
    derivative_fn=lambda x: 9 * x**2 - 2,
    domain=(-1.0, 1.0),
    minima=(float(np.sqrt(2 / 9)),),  # local only: f → −∞ as x → −∞
)

X_SIN_X = Function1D(
    name="x_sin_x",
    latex=r"x \sin x",
    value=lambda x: x * np.sin(x),
    derivative_fn=lambda x: np.sin(x) + x * np.cos(x),
    domain=(-1.0, 7.0),
    # f′(x) = 0 solved numerically (tests check f′ ≈ 0 and f″ > 0 there).
    minima=(4.913180439434884, 0.0),
)

CHAIN_CUBIC = Function1D(
    name="chain_cubic",
    latex="(2x - 1)^3",
    value=lambda x: (2 * x - 1) ** 3,
    derivative_fn=lambda x: 6 * (2 * x - 1) ** 2,  # chain rule: 3(2x−1)² · 2
    domain=(-0.5, 1.5),
    minima=(),
)


# --- two variables -----------------------------------------------------------

POLYNOMIAL_2D = Function2D(
    name="polynomial_2d",
    text="3xy² + 4x³ − 5y² + 1",
    latex="3xy^2 + 4x^3 - 5y^2 + 1",
    value=lambda x, y: 3 * x * y**2 + 4 * x**3 - 5 * y**2 + 1,
    partials=lambda x, y: (3 * y**2 + 12 * x**2, 6 * x * y - 10 * y),
    domain=((-2.0, 2.0), (-2.0, 2.0)),
    minima=(),  # the only critical point (0, 0) is not a minimum
)

CHAIN_BOWL = Function2D(
    name="chain_bowl",
    text="3(x − 2)² + (y − 2)²",
    latex="3(x - 2)^2 + (y - 2)^2",
    value=lambda x, y: 3 * (x - 2) ** 2 + (y - 2) ** 2,
    partials=lambda x, y: (6 * (x - 2), 2 * (y - 2)),
    domain=((-1.0, 5.0), (-1.0, 5.0)),
    minima=((2.0, 2.0),),
)

LECTURE_SURFACE = Function2D(
    name="lecture_surface",
    text="5x·cos x + (2y − 1)²",
    latex=r"5x \cos x + (2y - 1)^2",
    value=lambda x, y: 5 * x * np.cos(x) + (2 * y - 1) ** 2,
    partials=lambda x, y: (5 * np.cos(x) - 5 * x * np.sin(x), 4 * (2 * y - 1)),
    domain=((-4.0, 5.0), (-4.0, 5.0)),
    # x·tan x = 1 solved numerically; y = 1/2. Global minimum on the domain first.
    minima=((3.4256184594817283, 0.5), (-0.8603335890193797, 0.5)),
)

ILL_CONDITIONED = Function2D(
    name="ill_conditioned",
    text="0.1x² + 2y²",
    latex="0.1x^2 + 2y^2",
    value=lambda x, y: 0.1 * x**2 + 2 * y**2,
    partials=lambda x, y: (0.2 * x, 4 * y),
    domain=((-10.0, 10.0), (-3.0, 3.0)),
    minima=((0.0, 0.0),),
)

ROSENBROCK = Function2D(
    name="rosenbrock",
    text="(1 − x)² + 100(y − x²)²",
    latex="(1 - x)^2 + 100(y - x^2)^2",
    value=lambda x, y: (1 - x) ** 2 + 100 * (y - x**2) ** 2,
    partials=lambda x, y: (-2 * (1 - x) - 400 * x * (y - x**2), 200 * (y - x**2)),
    domain=((-2.0, 2.0), (-1.0, 3.0)),
    minima=((1.0, 1.0),),
)

BEALE = Function2D(
    name="beale",
    text="(1.5 − x + xy)² + (2.25 − x + xy²)² + (2.625 − x + xy³)²",
    latex=r"(1.5 - x + xy)^2 + (2.25 - x + xy^2)^2 + (2.625 - x + xy^3)^2",
    value=lambda x, y: (
        (1.5 - x + x * y) ** 2 + (2.25 - x + x * y**2) ** 2 + (2.625 - x + x * y**3) ** 2
    ),
    partials=lambda x, y: (
        2 * (1.5 - x + x * y) * (y - 1)
        + 2 * (2.25 - x + x * y**2) * (y**2 - 1)
        + 2 * (2.625 - x + x * y**3) * (y**3 - 1),
        2 * (1.5 - x + x * y) * x
        + 2 * (2.25 - x + x * y**2) * 2 * x * y
        + 2 * (2.625 - x + x * y**3) * 3 * x * y**2,
    ),
    domain=((-4.5, 4.5), (-4.5, 4.5)),
    minima=((3.0, 0.5),),
)

SADDLE = Function2D(
    name="saddle",
    text="x² − y²",
    latex="x^2 - y^2",
    value=lambda x, y: x**2 - y**2,
    partials=lambda x, y: (2 * x, -2 * y),
    domain=((-2.0, 2.0), (-2.0, 2.0)),
    minima=(),  # (0, 0) is a saddle point: a minimum along x, a maximum along y
)

ALL = {
    f.name: f
    for f in (
        QUADRATIC,
        CUBIC,
        X_SIN_X,
        CHAIN_CUBIC,
        POLYNOMIAL_2D,
        CHAIN_BOWL,
        LECTURE_SURFACE,
        ILL_CONDITIONED,
        ROSENBROCK,
        BEALE,
        SADDLE,
    )
}


def get(name):
    """Look a function up by its code name.

    Parameters
    ----------
    name : str
        One of the keys of :data:`ALL`, e.g. ``"rosenbrock"``.

    Returns
    -------
    Function1D or Function2D
    """
    return ALL[_validate.choice("name", name, tuple(ALL))]
