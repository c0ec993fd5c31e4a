"""newton_explorer: the paths it draws are second_order.newton_path's and cu.optimize's; it validates."""

import numpy as np
import pytest

import course_utils as cu
from course_utils.functions import QUADRATIC, X_SIN_X

pytestmark = pytest.mark.usefixtures("course_style")


def second(x):
    return 2 * np.cos(x) - x * np.sin(x)


def status_of(explorer):
    return [t.get_text() for t in explorer.fig.axes[0].texts if "x₀ =" in t.get_text()][0]


def test_paths_are_newtons_and_gradient_descents():
    explorer = cu.widgets.newton_explorer(second_derivative=second)
    seconds = explorer.update(x0=5.0, lr=0.1, steps=6)
    assert seconds > 0 and explorer.image.value[:4] == b"\x89PNG"
    newton_k, gd_k = None, None
    for line in explorer.fig.axes[1].lines:
        if line.get_color() == "tab:red":
            newton_k = line.get_ydata()
        elif line.get_color() == "tab:blue":
            gd_k = line.get_ydata()
    np.testing.assert_allclose(
        newton_k, cu.second_order.newton_path(X_SIN_X.derivative, second, 5.0, 6)
    )
    np.testing.assert_allclose(gd_k, cu.optimize(X_SIN_X.derivative, 5.0, cu.SGD(lr=0.1), 6))


def test_status_tells_minimum_maximum_and_a_jump_out():
    explorer = cu.widgets.newton_explorer()  # f″ by central differences
    explorer.update(x0=2.0, steps=8)
    assert "극댓값" in status_of(explorer) and "2.029" in status_of(explorer)
    explorer.update(x0=4.0)
    assert "극솟값" in status_of(explorer) and "4.913" in status_of(explorer)
    explorer.update(x0=1.1)
    assert "멈춤" in status_of(explorer) and "벗어남" in status_of(explorer)


def test_redraw_is_fast_and_values_are_clamped():
    # ≤ 100 ms on an idle machine (tools/benchmark.py); on a shared one, compared with gd_explorer
    # in the same process, so the load cancels
    explorer = cu.widgets.newton_explorer()
    reference = cu.widgets.gd_explorer(X_SIN_X, x0=2.0)
    times = [explorer.update(x0=x) for x in np.linspace(-0.5, 6.5, 5)]
    reference_times = [reference.update(x0=x) for x in np.linspace(-0.5, 6.5, 5)]
    assert np.median(times) < 0.1 or np.median(times) < 1.5 * np.median(reference_times)
    explorer.update(x0=100.0, lr=-1.0, steps=1000)
    assert explorer.values() == {"x0": 7.0, "lr": 0.01, "steps": 30}


def test_other_function_and_bad_input():
    explorer = cu.widgets.newton_explorer(QUADRATIC, x0=4.0, second_derivative=lambda x: 2 + 0 * x)
    assert "극솟값" in status_of(explorer)
    with pytest.raises(ValueError, match="`second_derivative`"):
        cu.widgets.newton_explorer(second_derivative=3.0)
    with pytest.raises(ValueError, match="`second_derivative`"):
        cu.widgets.newton_explorer(second_derivative=lambda x: None)
    with pytest.raises(ValueError, match="`x0_range`"):
        cu.widgets.newton_explorer(x0_range=(-5.0, 3.0))
    with pytest.raises(ValueError, match="`lr_range`"):
        cu.widgets.newton_explorer(lr_range=(0.0, 1.0))
    with pytest.raises(ValueError, match="`max_steps`"):
        cu.widgets.newton_explorer(max_steps=0)
    with pytest.raises(ValueError, match="`f`"):
        cu.widgets.newton_explorer(f=cu.functions.ROSENBROCK)
