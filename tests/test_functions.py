"""Every analytic derivative in course_utils.functions against a central difference."""

import numpy as np
import pytest

import course_utils as cu
from course_utils import functions as fn

ONE_D = [f for f in fn.ALL.values() if f.ndim == 1]
TWO_D = [f for f in fn.ALL.values() if f.ndim == 2]


def sample_points(f, count=7, seed=0):
    rng = np.random.default_rng(seed)
    if f.ndim == 1:
        return rng.uniform(*f.domain, size=count)
    (x0, x1), (y0, y1) = f.domain
    return np.column_stack([rng.uniform(x0, x1, count), rng.uniform(y0, y1, count)])


@pytest.mark.parametrize("f", ONE_D, ids=lambda f: f.name)
def test_1d_derivative_matches_central_difference(f):
    x = sample_points(f)
    numeric = cu.calculus.derivative(f, x, h=1e-6)
    np.testing.assert_allclose(f.derivative(x), numeric, rtol=1e-6, atol=1e-6)


@pytest.mark.parametrize("f", TWO_D, ids=lambda f: f.name)
def test_2d_gradient_matches_central_difference(f):
    worst = cu.calculus.gradient_check(
        f.loss, f.gradient, sample_points(f), h=1e-6, rtol=1e-5, atol=1e-5
    )
    assert worst < 1e-3


@pytest.mark.parametrize("f", TWO_D, ids=lambda f: f.name)
def test_2d_functions_are_vectorised_over_grids(f):
    X, Y = f.grid(7)
    Z = f(X, Y)
    assert Z.shape == (7, 7)
    assert Z[3, 4] == pytest.approx(float(f(X[3, 4], Y[3, 4])))
    G = f.gradient(np.stack([X, Y], axis=-1))
    assert G.shape == (7, 7, 2)
    fx, fy = f.partials(X[2, 5], Y[2, 5])
    np.testing.assert_allclose(G[2, 5], [fx, fy])


@pytest.mark.parametrize("f", [f for f in fn.ALL.values() if f.minima], ids=lambda f: f.name)
def test_known_minima_are_local_minima(f):
    for m in f.minima:
        m = np.atleast_1d(np.asarray(m, dtype=float))
        g = f.gradient(m if f.ndim == 2 else m[0])
        assert np.allclose(g, 0, atol=1e-9), f"gradient {g} at {m}"
        rng = np.random.default_rng(1)
        for _ in range(20):
            nearby = m + rng.normal(scale=1e-3, size=m.shape)
            if f.ndim == 1:
                assert f(nearby[0]) >= f(m[0])
            else:
                assert f.loss(nearby) >= f.loss(m)


def test_lecture_values():
    assert fn.QUADRATIC(2.0) == 2.0 and fn.QUADRATIC(3.0) == 3.0
    assert fn.QUADRATIC.derivative(3.0) == 2.0
    assert fn.CUBIC.derivative(1.0) == 7.0  # 9·1² − 2
    assert fn.POLYNOMIAL_2D.partials(1.0, 2.0) == (24.0, -8.0)  # 3·2²+12·1², 6·1·2−10·2
    assert fn.CHAIN_BOWL.partials(3.0, 5.0) == (6.0, 6.0)
    assert fn.CHAIN_CUBIC.derivative(1.0) == 6.0


def test_global_minimum_of_lecture_surface_on_domain_is_first():
    f = fn.LECTURE_SURFACE
    X, Y = f.grid(400)
    Z = f(X, Y)
    i = np.unravel_index(np.argmin(Z), Z.shape)
    assert np.hypot(X[i] - f.minima[0][0], Y[i] - f.minima[0][1]) < 0.05


def test_get_by_name_and_unknown_name():
    assert fn.get("rosenbrock") is fn.ROSENBROCK
    with pytest.raises(ValueError, match="`name`.*'nope'"):
        fn.get("nope")
