"""batch_noise_explorer: its path is cu.Momentum's on the noisy quadratic; floor from the formula; it validates."""

import numpy as np
import pytest

import course_utils as cu

pytestmark = pytest.mark.usefixtures("course_style")


def test_path_is_the_optimizers_path_with_the_fixed_noise():
    explorer = cu.widgets.batch_noise_explorer(steps=50, seed=3)
    seconds = explorer.update(batch_size=16, lr=0.1, alpha=0.5)
    assert seconds > 0 and explorer.image.value[:4] == b"\x89PNG"
    lam = np.array([1.0, 10.0])
    z = np.random.default_rng(3).standard_normal((50, 2))
    calls = iter(range(50))
    expected = cu.optimize(
        lambda w: lam * w + 0.25 * z[next(calls)], [3.0, 1.0], cu.Momentum(lr=0.1, alpha=0.5), 50
    )
    drawn = explorer.fig.axes[0].lines[-2].get_xydata()
    np.testing.assert_allclose(drawn, expected)
    floor = explorer.fig.axes[1].lines[2].get_ydata()[0]
    assert np.isclose(floor, 0.5 * lam @ cu.noise.momentum_stationary_variance(lam, 0.1, 0.5, 0.25))


def test_same_noise_at_every_slider_position_and_clamping():
    explorer = cu.widgets.batch_noise_explorer(steps=40)
    explorer.update(batch_size=1, lr=0.01, alpha=0.0)
    first = explorer.fig.axes[0].lines[-2].get_xydata().copy()
    explorer.update(batch_size=2, lr=0.01, alpha=0.0)
    explorer.update(batch_size=1, lr=0.01, alpha=0.0)
    np.testing.assert_array_equal(explorer.fig.axes[0].lines[-2].get_xydata(), first)
    explorer.update(batch_size=1000, lr=10.0, alpha=-1.0)
    assert explorer.values() == {"batch_size": 128, "lr": 0.4, "alpha": 0.0}
    status = [t.get_text() for t in explorer.fig.axes[0].texts if "B =" in t.get_text()][0]
    assert "불안정" in status  # ε·λ_max = 4 ≥ 2


def test_redraw_is_fast():
    explorer = cu.widgets.batch_noise_explorer()
    times = [explorer.update(batch_size=b, lr=0.05, alpha=0.5) for b in (1, 4, 16, 64, 8)]
    assert np.median(times) < 1.0  # generous on a shared machine; the benchmark reports ≤ 100 ms


def test_bad_input():
    for kwargs, name in [
        ({"steps": 1}, "`steps`"),
        ({"curvature": (1.0, -1.0)}, "`curvature`"),
        ({"curvature": (1.0, 2.0, 3.0)}, "`curvature`"),
        ({"sigma": 0.0}, "`sigma`"),
        ({"w0": (1.0,)}, "`w0`"),
        ({"batch_range": (4, 2)}, "`batch_range`"),
        ({"lr_range": (0.0, 0.4)}, "`lr_range`"),
        ({"alpha_range": (0.0, 1.0)}, "`alpha_range`"),
        ({"alpha": 1.0}, "`alpha`"),
        ({"batch_size": 0}, "`batch_size`"),
    ]:
        with pytest.raises(ValueError, match=name):
            cu.widgets.batch_noise_explorer(**kwargs)
