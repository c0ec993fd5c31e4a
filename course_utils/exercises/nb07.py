"""Exercises of notebook 07 (non-convex surfaces: grids, critical points, convexity)."""

import numpy as np

from ..calculus import derivative
from ..checks import matches
from ..functions import LECTURE_SURFACE
from . import function


def _xy_grid(xs, ys):
    """The reference: ``np.meshgrid``'s default ("xy") grid, stacked as (X, Y)."""
    return np.stack(np.meshgrid(xs, ys))


def _ij_grid(xs, ys):
    return np.stack(np.meshgrid(xs, ys, indexing="ij"))


# x in [−4, 5], y in [−2, 3]: a rectangle (n_x ≠ n_y) twice, then a square, where the
# two orientations have the same shape and only the values tell them apart
GRID_POINTS = tuple(
    (np.linspace(-4, 5, n_x), np.linspace(-2, 3, n_y)) for n_x, n_y in ((30, 20), (5, 10), (4, 4))
)


def _g_prime(x):
    """g′ of g(x) = 5x·cos x: the lecture surface's ∂f/∂x (it does not depend on y)."""
    return LECTURE_SURFACE.partials(x, 0.5)[0]


def _critical_points():
    """The four critical points of g on [−4, 4]: the two minima of the surface and, since g
    is odd, their mirror images, the two ridges (maxima)."""
    minima = [m[0] for m in LECTURE_SURFACE.minima]
    return sorted(minima + [-m for m in minima])


def _critical_point_in(a, b):
    return next(c for c in _critical_points() if a < c < b)


def _bisection(a, b, keep_left):
    """Bisection to width 1e-10; ``keep_left(a, m)`` says whether [a, m] is kept."""
    while b - a > 1e-10:
        middle = (a + b) / 2
        if keep_left(a, middle):
            b = middle
        else:
            a = middle
    return (a + b) / 2


def _wrong_half(a, b):
    # the branches swapped: the half with the sign change is thrown away
    return _bisection(a, b, lambda a, m: not _g_prime(a) * _g_prime(m) <= 0)


def _rising_only(a, b):
    # "g′(m) > 0 → the root is on the left": true only where g′ goes from − to + (minima)
    return _bisection(a, b, lambda a, m: _g_prime(m) > 0)


def _f_xx(x):
    """f_xx of the lecture surface, by a central difference of its analytic ∂f/∂x."""
    return derivative(_g_prime, x)


BISECTION_POINTS = ((0.0, 2.0), (-4.0, -2.0), (-2.0, 0.0), (2.0, 4.0))


EXERCISES = (
    function(
        "07.1",
        _xy_grid,
        points=GRID_POINTS,
        # np.outer with ones copies the linspace values exactly: only float noise is allowed
        rtol=1e-12,
        atol=1e-12,
        hints=(
            matches(
                _ij_grid,
                '"ij" 방향입니다. "xy"에서는 X가 열(axis 1)을 따라 변하고 모양이 (len(ys), len(xs))입니다.',
            ),
            matches(
                lambda xs, ys: _xy_grid(xs, ys)[::-1],
                "X와 Y가 뒤바뀌었습니다. X에는 xs의 값이, Y에는 ys의 값이 들어가야 합니다.",
            ),
        ),
    ),
    function(
        "07.2",
        _critical_point_in,
        points=BISECTION_POINTS,
        # the task bisects to a width of 1e-10; 1e-8 allows any stopping rule that close
        rtol=0.0,
        atol=1e-8,
        hints=(
            matches(
                _wrong_half,
                "근이 있는 쪽을 버렸습니다. g′(a)·g′(m) ≤ 0이면 부호가 [a, m]에서 바뀌므로 "
                "b = m으로 왼쪽 절반을 남겨야 합니다.",
            ),
            matches(
                _rising_only,
                "g′(m) > 0인지만 보면 g′이 −에서 +로 바뀌는 골짜기에서만 맞습니다. 능선에서는 "
                "+에서 −로 바뀝니다: g′(a)·g′(m)의 부호를 보세요.",
            ),
            matches(
                lambda a, b: (a + b) / 2,
                "구간을 한 번만 나눴습니다. 폭이 10⁻¹⁰보다 작아질 때까지 while 루프로 반복하세요.",
            ),
        ),
    ),
    function(
        "07.3",
        _f_xx,
        points=(-2.0, -0.5, 0.0, 0.7, 1.5, 3.0),
        # the reference is a central difference (error about 1e-9 here); 1e-5 still
        # rejects every wrong formula below
        rtol=1e-5,
        atol=1e-5,
        hints=(
            matches(
                lambda x: -5 * np.sin(x) - 5 * x * np.cos(x),
                "곱의 미분법에서 한 항이 빠졌습니다: (5x·sin x)′ = 5 sin x + 5x·cos x.",
            ),
            matches(
                lambda x: -5 * x * np.cos(x),
                "(5 cos x)′의 부호를 확인하세요: (cos x)′ = −sin x입니다.",
            ),
            matches(
                lambda x: 10 * np.sin(x) + 5 * x * np.cos(x),
                "부호가 반대입니다. f_x = 5 cos x − 5x·sin x의 두 항을 각각 미분한 뒤 부호를 확인하세요.",
            ),
        ),
    ),
)
