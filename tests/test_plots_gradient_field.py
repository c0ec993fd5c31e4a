"""plot_gradient_field: arrows along ∇f (or −∇f), on a grid, perpendicular to contours."""

import matplotlib.pyplot as plt  # tests/conftest.py selects the Agg backend
import numpy as np
import pytest
from matplotlib.quiver import Quiver

import course_utils as cu
from course_utils.functions import CHAIN_BOWL, POLYNOMIAL_2D, QUADRATIC, SADDLE

pytestmark = pytest.mark.usefixtures("course_style")


def arrows(ax):
    (quiver,) = [c for c in ax.collections if isinstance(c, Quiver)]
    return quiver.X, quiver.Y, quiver.U, quiver.V


def test_arrows_point_along_the_gradient_on_an_n_by_n_grid():
    fig, ax = plt.subplots()
    assert cu.plots.plot_gradient_field(POLYNOMIAL_2D, ax=ax, n=6) is ax
    X, Y, U, V = arrows(ax)
    assert len(X) == 36
    (x_min, x_max), (y_min, y_max) = POLYNOMIAL_2D.domain
    assert x_min < X.min() and X.max() < x_max and y_min < Y.min() and Y.max() < y_max
    grad = POLYNOMIAL_2D.gradient(np.column_stack([X, Y]))
    unit = grad / np.linalg.norm(grad, axis=1, keepdims=True)
    drawn = np.column_stack([U, V])
    lengths = np.linalg.norm(drawn, axis=1)
    np.testing.assert_allclose(drawn / lengths[:, None], unit, atol=1e-12)
    np.testing.assert_allclose(lengths, lengths[0])  # normalized: direction only
    assert lengths[0] < 4 / 6  # shorter than one grid cell
    assert ax.get_aspect() == 1.0
    assert ax.get_xlim() == (x_min, x_max)


def test_descent_arrows_point_to_the_minimum_and_ascent_ones_away():
    ax = cu.plots.plot_gradient_field(CHAIN_BOWL, n=6, descent=True)
    X, Y, U, V = arrows(ax)
    towards_minimum = np.column_stack([2.0 - X, 2.0 - Y])
    assert np.all(np.einsum("ij,ij->i", np.column_stack([U, V]), towards_minimum) > 0)
    X, Y, U, V = arrows(cu.plots.plot_gradient_field(CHAIN_BOWL, n=6))
    assert np.all(np.einsum("ij,ij->i", np.column_stack([U, V]), towards_minimum) < 0)


def test_arrows_are_perpendicular_to_the_contour_lines():
    # f = x² − y²: its level sets have tangent (y, x), along which f does not change
    X, Y, U, V = arrows(cu.plots.plot_gradient_field(SADDLE, n=8))
    np.testing.assert_allclose(U * Y + V * X, 0.0, atol=1e-12)


def test_unnormalized_lengths_follow_the_gradient_norm():
    X, Y, U, V = arrows(cu.plots.plot_gradient_field(CHAIN_BOWL, n=5, normalize=False))
    norms = np.linalg.norm(CHAIN_BOWL.gradient(np.column_stack([X, Y])), axis=1)
    lengths = np.hypot(U, V)
    np.testing.assert_allclose(lengths / lengths.max(), norms / norms.max())


def test_a_zero_gradient_gets_no_arrow_and_no_warning():
    # n = 5 on [−2, 2]²: the middle arrow sits on the saddle point (0, 0)
    X, Y, U, V = arrows(cu.plots.plot_gradient_field(SADDLE, n=5))
    middle = (np.abs(X) < 1e-12) & (np.abs(Y) < 1e-12)
    assert middle.sum() == 1 and U[middle] == 0 and V[middle] == 0
    assert np.all(np.isfinite(U)) and np.all(np.isfinite(V))


def test_contour_is_optional():
    fig, ax = plt.subplots()
    cu.plots.plot_gradient_field(CHAIN_BOWL, ax=ax, contour=False, equal_aspect=False)
    assert len(ax.collections) == 1 and ax.get_aspect() == "auto"
    cu.plots.plot_gradient_field(CHAIN_BOWL, ax=ax)
    assert len(ax.collections) > 2  # contour lines below the arrows


@pytest.mark.parametrize("n", [1, 0, 2.5, "15"])
def test_bad_n_raises_value_error(n):
    with pytest.raises(ValueError, match="`n`"):
        cu.plots.plot_gradient_field(CHAIN_BOWL, n=n)


def test_a_one_variable_function_raises_value_error():
    with pytest.raises(ValueError, match="`f`"):
        cu.plots.plot_gradient_field(QUADRATIC)
