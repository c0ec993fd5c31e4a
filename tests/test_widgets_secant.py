"""secant_explorer: the secant and tangent it draws, clamping, bad input."""

import numpy as np
import pytest
from matplotlib.colors import same_color

import course_utils as cu
from course_utils.functions import QUADRATIC, X_SIN_X

pytestmark = pytest.mark.usefixtures("course_style")


def drawn_slope(line):
    (x_a, y_a), (x_b, y_b) = line.get_xydata()
    return (y_b - y_a) / (x_b - x_a)


def lines_by_color(explorer, color):
    ax_curve = explorer.fig.axes[0]
    return [
        line
        for line in ax_curve.lines
        if same_color(line.get_color(), color) and len(line.get_xdata()) == 2
    ]


def test_redraw_draws_secant_and_tangent_with_the_right_slopes():
    explorer = cu.widgets.secant_explorer()
    assert explorer.image.value[:4] == b"\x89PNG"
    seconds = explorer.update(h=0.5, x0=3.0)
    assert 0 < seconds < 1.0
    (secant,) = lines_by_color(explorer, "tab:red")
    (tangent,) = lines_by_color(explorer, "k")
    # for x² − 4x + 6 the secant slope is exactly f′(x₀) + h
    assert drawn_slope(secant) == pytest.approx(2.5)
    assert drawn_slope(tangent) == pytest.approx(2.0)
    # both pass through (x₀, f(x₀))
    for line in (secant, tangent):
        (x_a, y_a), _ = line.get_xydata()
        assert y_a + drawn_slope(line) * (3.0 - x_a) == pytest.approx(QUADRATIC(3.0))
    readout = explorer.fig.texts[0].get_text()
    assert "2.5000" in readout and "2.0000" in readout and "0.5000" in readout


def test_right_panel_shows_secant_slope_approaching_the_tangent_slope():
    explorer = cu.widgets.secant_explorer(X_SIN_X, x0=2.0, h=0.3, h_range=(0.01, 1.0))
    ax_slope = explorer.fig.axes[1]
    curve = next(line for line in ax_slope.lines if len(line.get_xdata()) > 2)
    hs, slopes = curve.get_data()
    tangent = float(X_SIN_X.derivative(2.0))
    np.testing.assert_allclose(slopes, (X_SIN_X(2.0 + hs) - X_SIN_X(2.0)) / hs)
    assert abs(slopes[0] - tangent) < abs(slopes[-1] - tangent)  # closer as h → 0
    limit = next(line for line in ax_slope.lines if line.get_linestyle() == "--")
    assert limit.get_ydata()[0] == pytest.approx(tangent)


def test_values_are_clamped_to_the_slider_ranges():
    explorer = cu.widgets.secant_explorer(h_range=(0.01, 1.5))
    explorer.update(h=100.0, x0=-7.0)
    assert explorer.values() == {"h": 1.5, "x0": 0.0}
    explorer.update(h=1e-9)
    assert explorer.values()["h"] == 0.01
    (secant,) = lines_by_color(explorer, "tab:red")
    assert drawn_slope(secant) == pytest.approx(QUADRATIC.derivative(0.0) + 0.01)
    # initial values outside the ranges are clamped too
    assert cu.widgets.secant_explorer(x0=10.0, h=5.0).values() == {"h": 1.5, "x0": 4.0}


def test_axes_stay_fixed_while_the_sliders_move():
    explorer = cu.widgets.secant_explorer()
    limits = [(ax.get_xlim(), ax.get_ylim()) for ax in explorer.fig.axes]
    explorer.update(h=0.01, x0=0.0)
    explorer.update(h=1.5, x0=4.0)
    assert [(ax.get_xlim(), ax.get_ylim()) for ax in explorer.fig.axes] == limits
    # the right panel's y-range holds every slope the sliders can produce
    low, high = explorer.fig.axes[1].get_ylim()
    assert low < QUADRATIC.derivative(0.0) and high > QUADRATIC.derivative(4.0) + 1.5


@pytest.mark.parametrize(
    "kwargs, name",
    [
        ({"h": 0.0}, "`h`"),
        ({"h": -0.5}, "`h`"),
        ({"x0": float("nan")}, "`x0`"),
        ({"h_range": (0.0, 1.0)}, "`h_range`"),
        ({"h_range": (1.0, 0.5)}, "`h_range`"),
        ({"h_range": 1.0}, "`h_range`"),
        ({"x0_range": (3.0, 3.0)}, "`x0_range`"),
    ],
)
def test_bad_input_raises_value_error_naming_the_parameter(kwargs, name):
    with pytest.raises(ValueError, match=name):
        cu.widgets.secant_explorer(**kwargs)


def test_bad_update_raises_value_error():
    explorer = cu.widgets.secant_explorer()
    with pytest.raises(ValueError, match="`h`"):
        explorer.update(h=float("inf"))
    with pytest.raises(ValueError, match="`name`.*'lr'"):
        explorer.update(lr=0.1)
