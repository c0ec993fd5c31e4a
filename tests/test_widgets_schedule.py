"""schedule_explorer: its runs are cu.optimize's SGD with cu.noise's noise; fixed noise; validation."""

import numpy as np
import pytest

import course_utils as cu
from course_utils.functions import ILL_CONDITIONED
from course_utils.widgets import build_schedule, schedule_explorer

pytestmark = pytest.mark.usefixtures("course_style")


def drawn(explorer):
    ax_lr, ax_path, ax_loss = explorer.fig.axes[:3]
    path = [line for line in ax_path.lines if line.get_label() == "실행 하나"][0].get_xydata()
    return ax_lr.lines[0].get_ydata(), path, ax_path.collections[-1].get_offsets(), ax_loss.lines[0]


def test_runs_are_sgd_with_the_noisy_gradient_and_the_schedule():
    explorer = schedule_explorer(steps=80, runs=30, seed=4)
    seconds = explorer.update(kind="cosine", lr=0.3, final_log10=np.log10(0.05))
    assert seconds > 0 and explorer.image.value[:4] == b"\x89PNG"
    rates, path, ends, loss_line = drawn(explorer)
    schedule = build_schedule("cosine", 0.3, 0.05, 0.1, 80)
    np.testing.assert_allclose(rates, schedule.values(80))
    assert rates[-1] == pytest.approx(0.3 * 0.05)
    grad = cu.noise.noisy_gradient(ILL_CONDITIONED.gradient, 1.0, seed=4)
    runs = cu.optimize(grad, np.tile([-8.0, 2.0], (30, 1)), cu.SGD(lr=1.0), 80, schedule=schedule)
    np.testing.assert_allclose(ends, runs.final, atol=1e-12)
    np.testing.assert_allclose(path, np.asarray(runs)[:, 0], atol=1e-12)
    np.testing.assert_allclose(loss_line.get_ydata()[-1], ILL_CONDITIONED.loss(runs.final).mean())


def test_the_noise_is_fixed_so_only_the_schedule_changes():
    explorer = schedule_explorer(steps=60, runs=20)
    explorer.update(kind="constant", lr=0.2)
    first = drawn(explorer)[1].copy()
    explorer.update(kind="step", lr=0.1)
    explorer.update(kind="constant", lr=0.2)
    np.testing.assert_array_equal(drawn(explorer)[1], first)


@pytest.mark.parametrize(
    "kind",
    ["constant", "step", "exponential", "inverse_time", "cosine", "warmup_cosine", "one_cycle"],
)
def test_every_schedule_ends_where_the_slider_says(kind):
    schedule = build_schedule(kind, 0.2, 0.01, 0.2, 300)
    rates = np.array([schedule(k) for k in range(300)])
    assert rates.max() == pytest.approx(0.2, rel=1e-2)
    if kind != "constant":
        assert rates[-1] == pytest.approx(0.2 * 0.01, rel=1e-6)


def test_the_floor_line_is_the_constant_lr_formula():
    explorer = schedule_explorer(steps=50, runs=5)
    explorer.update(lr=0.2)
    floor = explorer.fig.axes[2].lines[1].get_ydata()[0]
    expected = cu.noise.stationary_variance([0.2, 4.0], 0.2, 1.0) @ np.array([0.2, 4.0]) / 2
    assert floor == pytest.approx(expected, rel=1e-6)


def test_dropdown_and_sliders_are_set_and_clamped():
    explorer = schedule_explorer(steps=40, runs=5)
    before = explorer.image.value
    explorer.controls["kind"].value = "exponential"  # as a student's dropdown choice
    assert explorer.image.value != before
    explorer.update(final_log10=-9.0, lr=5.0)
    assert explorer.values()["final_log10"] == -4.0
    assert explorer.values()["lr"] == 0.45
    with pytest.raises(ValueError, match="`kind`"):
        explorer.update(kind="linear")


def test_divergence_is_stated_not_warned():
    explorer = schedule_explorer(steps=50, runs=5, lr_range=(0.1, 0.8))
    explorer.update(kind="constant", lr=0.8)  # ε·λ = 3.2 > 2 along y
    status = explorer.fig.axes[1].texts[-1].get_text()
    assert "발산" in status


def test_bad_input():
    with pytest.raises(ValueError, match="`kind`"):
        schedule_explorer(kind="cyclic")
    with pytest.raises(ValueError, match="`final_ratio`"):
        schedule_explorer(final_ratio=1.0)
    with pytest.raises(ValueError, match="`sigma`"):
        schedule_explorer(sigma=-1.0)
    with pytest.raises(ValueError, match="`runs`"):
        schedule_explorer(runs=0)
    with pytest.raises(ValueError, match="`w0`"):
        schedule_explorer(w0=(1.0, 2.0, 3.0))
    with pytest.raises(ValueError, match="`lr_range`"):
        schedule_explorer(lr_range=(0.0, 0.5))
