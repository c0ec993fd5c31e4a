"""momentum_explorer: the paths it draws are cu.Momentum's and cu.Nesterov's; it validates."""

import numpy as np
import pytest

import course_utils as cu
from course_utils.functions import ILL_CONDITIONED, ROSENBROCK

pytestmark = pytest.mark.usefixtures("course_style")


def drawn_paths(explorer):
    ax_path = explorer.fig.axes[0]
    return {
        line.get_label(): line.get_xydata()
        for line in ax_path.lines
        if line.get_label() in ("Momentum", "Nesterov")
    }


def test_paths_are_the_optimizers_paths():
    explorer = cu.widgets.momentum_explorer(steps=60)
    seconds = explorer.update(lr=0.1, alpha=0.8)
    assert seconds > 0 and explorer.image.value[:4] == b"\x89PNG"
    paths = drawn_paths(explorer)
    for name, optimizer in [("Momentum", cu.Momentum), ("Nesterov", cu.Nesterov)]:
        expected = cu.optimize(
            ILL_CONDITIONED.gradient, [-9.0, 2.0], optimizer(lr=0.1, alpha=0.8), 60
        )
        np.testing.assert_allclose(paths[name], expected)
    loss_lines = explorer.fig.axes[1].lines
    np.testing.assert_allclose(
        loss_lines[0].get_ydata(), np.clip(ILL_CONDITIONED.loss(paths["Momentum"]), 1e-12, 1e4)
    )


def test_moving_a_slider_redraws_and_values_are_clamped():
    explorer = cu.widgets.momentum_explorer()
    before = explorer.image.value
    explorer.controls["alpha"].value = 0.5  # as a student's slider move
    assert explorer.image.value != before
    explorer.update(lr=10.0, alpha=-1.0)
    assert explorer.values() == {"lr": 0.5, "alpha": 0.0}


def test_divergence_is_reported_in_the_figure_not_as_a_warning():
    explorer = cu.widgets.momentum_explorer()
    explorer.update(lr=0.45, alpha=0.95)  # Nesterov's stable range is smaller than Momentum's
    status = [t.get_text() for t in explorer.fig.axes[0].texts if "ε =" in t.get_text()][0]
    assert "Nesterov: 발산" in status and "Momentum: 100번 후" in status


def test_other_functions_and_bad_input():
    explorer = cu.widgets.momentum_explorer(
        ROSENBROCK, lr=0.001, w0=(-1.5, 2.0), steps=30, lr_range=(0.0001, 0.003)
    )
    assert len(drawn_paths(explorer)["Momentum"]) == 31
    with pytest.raises(ValueError, match="`lr_range`"):
        cu.widgets.momentum_explorer(lr_range=(0.0, 0.5))
    with pytest.raises(ValueError, match="`lr_range`"):
        cu.widgets.momentum_explorer(lr_range=(0.5, 0.1))
    with pytest.raises(ValueError, match="`alpha_range`"):
        cu.widgets.momentum_explorer(alpha_range=(0.0, 1.0))
    with pytest.raises(ValueError, match="`alpha`"):
        cu.widgets.momentum_explorer(alpha=1.5)
    with pytest.raises(ValueError, match="`w0`"):
        cu.widgets.momentum_explorer(w0=(1.0, 2.0, 3.0))
    with pytest.raises(ValueError, match="`steps`"):
        cu.widgets.momentum_explorer(steps=0)
