"""Basin maps: the vectorised runs match cu.optimize, the labels mean what they say,
the map is fast, bad input is refused in Korean; the basin explorer redraws."""

import time

import matplotlib.colors
import matplotlib.pyplot as plt
import numpy as np
import pytest

import course_utils as cu
from course_utils import landscapes
from course_utils.functions import QUADRATIC, X_SIN_X
from course_utils.landscapes import DIVERGED, NOT_CONVERGED

GLOBAL, LOCAL = 0, 1  # X_SIN_X.minima = (4.913…, 0.0)


pytestmark = pytest.mark.usefixtures("course_style")


def local_maximum_of_x_sin_x():
    """The watershed between the two basins: f′(x) = 0 on (1.5, 2.5), by bisection."""
    low, high = 1.5, 2.5  # f′(1.5) > 0 > f′(2.5)
    for _ in range(60):
        middle = (low + high) / 2
        low, high = (middle, high) if X_SIN_X.derivative(middle) > 0 else (low, middle)
    return (low + high) / 2


def test_shape_is_learning_rates_by_starts():
    x0s = np.linspace(-1, 7, 9)
    assert landscapes.gd_endpoints(X_SIN_X, x0s, 0.25, 5).shape == (9,)
    ends = landscapes.gd_endpoints(X_SIN_X, x0s, [0.1, 0.2, 0.3], 5)
    assert ends.shape == (3, 9)
    np.testing.assert_array_equal(ends.x0[2], x0s)
    np.testing.assert_array_equal(ends.lr[:, 4], [0.1, 0.2, 0.3])
    assert landscapes.gd_endpoints(X_SIN_X, 2.5, 0.25, 5).shape == ()


def test_quadratic_matches_the_closed_form():
    # x_n − 2 = (1 − 2ε)^n (x₀ − 2), notebook 05
    x0s, lrs, n = np.array([4.0, -1.0, 0.5]), np.array([0.05, 0.2, 0.7]), 12
    ends = landscapes.gd_endpoints(QUADRATIC, x0s, lrs, n)
    expected = 2 + (1 - 2 * lrs[:, None]) ** n * (x0s - 2)
    np.testing.assert_allclose(ends.final, expected, rtol=1e-12, atol=1e-12)
    assert not ends.diverged.any() and (ends.n_steps == n).all()


@pytest.mark.parametrize("lr", [0.05, 0.25, 0.5, 1.0, 1.7, 2.2, 2.45])
def test_agrees_with_optimize_for_sample_starts(lr):
    """Same numbers as cu.optimize(f.gradient, x0, cu.SGD(lr), n) — even where chaotic."""
    x0s = np.linspace(-1, 7, 23)
    ends = landscapes.gd_endpoints(X_SIN_X, x0s, lr, 150)
    for i, x0 in enumerate(x0s):
        path = cu.optimize(X_SIN_X.gradient, x0, cu.SGD(lr=lr), 150)
        assert ends.final[i] == path.final
        assert ends.diverged[i] == path.diverged
        assert ends.n_steps[i] == path.n_steps
        if path.n_steps:
            assert ends.last_step[i] == path[-1] - path[-2]


def test_divergence_is_quiet_and_stops_like_optimize():
    # pytest turns any RuntimeWarning (overflow) into an error: none may be emitted
    ends = landscapes.gd_endpoints(QUADRATIC, [4.0, 2.0], [1.5, 3.0], 2000)
    for row, lr in enumerate([1.5, 3.0]):
        path = cu.optimize(QUADRATIC.gradient, 4.0, cu.SGD(lr=lr), 2000)
        assert path.diverged and ends.diverged[row, 0]
        assert ends.n_steps[row, 0] == path.n_steps < 2000
        assert ends.final[row, 0] == path.final
        assert abs(ends.final[row, 0]) <= cu.optimizers.DIVERGENCE_BOUND
    # starting exactly at the minimum never moves, whatever ε
    assert not ends.diverged[:, 1].any() and (ends.final[:, 1] == 2.0).all()


def test_basins_of_x_sin_x_split_at_the_local_maximum():
    ends = landscapes.gd_endpoints(X_SIN_X, np.linspace(-1, 7, 401), 0.25, 100)
    labels = landscapes.classify_endpoints(ends, X_SIN_X.minima)
    assert set(np.unique(labels)) == {GLOBAL, LOCAL}
    watershed = local_maximum_of_x_sin_x()
    assert watershed == pytest.approx(2.0288, abs=1e-4)
    assert (labels[ends.x0 < watershed] == LOCAL).all()
    assert (labels[ends.x0 > watershed] == GLOBAL).all()
    # the lecture's two starts
    assert labels[np.argmin(abs(ends.x0 - 2.5))] == GLOBAL
    assert labels[np.argmin(abs(ends.x0 - 1.5))] == LOCAL


def test_labels_for_cycles_and_divergence():
    # quadratic, ε = 1: 4 ↔ 0 forever; ε = 1.5: diverges; ε = 0.5: one step to 2
    ends = landscapes.gd_endpoints(QUADRATIC, 4.0, [1.0, 1.5, 0.5], 200)
    labels = landscapes.classify_endpoints(ends, QUADRATIC.minima)
    assert labels.tolist() == [NOT_CONVERGED, DIVERGED, 0]
    # x·sin x, ε = 0.5 > 2/f″(4.913) ≈ 0.384: the global minimum is unstable
    ends = landscapes.gd_endpoints(X_SIN_X, [3.0, 5.0, 6.5], 0.5, 300)
    assert (landscapes.classify_endpoints(ends, X_SIN_X.minima) == NOT_CONVERGED).all()


def _endpoints(final, last_step):
    shape = np.shape(final)
    return landscapes.Endpoints(
        x0=np.zeros(shape),
        lr=np.ones(shape),
        final=np.asarray(final),
        last_step=np.asarray(last_step),
        n_steps=np.ones(shape, int),
        diverged=np.zeros(shape, bool),
        n_iter=1,
    )


def test_a_chaotic_visit_near_a_minimum_does_not_count():
    minima = X_SIN_X.minima
    # arrived with a long jump (ε > 1 lands near 0 by chance)
    assert landscapes.classify_endpoints(_endpoints(0.0004, -1.67), minima) == NOT_CONVERGED
    # close, short step, but moving away (0 is repelling for ε > 1)
    assert landscapes.classify_endpoints(_endpoints(3e-4, 4e-4), minima) == NOT_CONVERGED
    # close, short step, moving in: converged
    assert landscapes.classify_endpoints(_endpoints(-1e-4, -3e-4), minima) == LOCAL
    # jitter between the floats next to x*: still converged
    x_star = minima[0]
    up = np.nextafter(x_star, 10)
    down = np.nextafter(np.nextafter(x_star, 0), 0)
    assert landscapes.classify_endpoints(_endpoints(down, down - up), minima) == GLOBAL


def test_the_2d_map_is_fast():
    x0s, lrs = np.linspace(-1, 7, 301), np.linspace(0.0125, 2.5, 200)
    landscapes.gd_endpoints(X_SIN_X, x0s[:5], lrs[:5], 5)  # warm up
    start = time.perf_counter()
    ends = landscapes.gd_endpoints(X_SIN_X, x0s, lrs, 100)
    labels = landscapes.classify_endpoints(ends, X_SIN_X.minima)
    assert time.perf_counter() - start < 1.0
    assert {GLOBAL, LOCAL, NOT_CONVERGED, DIVERGED} <= set(np.unique(labels))


def test_names_and_colors():
    names = landscapes.outcome_names(X_SIN_X.minima)
    assert names[GLOBAL] == "전역 최솟값 x ≈ 4.913"
    assert names[LOCAL] == "국소 최솟값 x ≈ 0"
    assert names[DIVERGED] == "발산" and NOT_CONVERGED in names
    assert landscapes.outcome_names([-1.5])[0] == "전역 최솟값 x ≈ \N{MINUS SIGN}1.5"
    colors = landscapes.outcome_colors(2)
    assert set(colors) == {0, 1, DIVERGED, NOT_CONVERGED}
    image = landscapes.label_image([[0, DIVERGED]], 2)
    assert image.shape == (1, 2, 3)
    np.testing.assert_allclose(image[0, 1], matplotlib.colors.to_rgb(colors[DIVERGED]))


def test_plot_basin_map_1d_colours_each_start():
    fig, ax = plt.subplots()
    ends = landscapes.gd_endpoints(X_SIN_X, np.linspace(-1, 7, 50), 0.25, 100)
    labels = landscapes.classify_endpoints(ends, X_SIN_X.minima)
    assert landscapes.plot_basin_map(X_SIN_X, ends, ax=ax) is ax
    starts = ax.collections[0]
    np.testing.assert_allclose(starts.get_offsets()[:, 0], ends.x0)
    colors = landscapes.outcome_colors(2)
    np.testing.assert_allclose(
        starts.get_facecolors()[:, :3], [matplotlib.colors.to_rgb(colors[k]) for k in labels]
    )
    legend = [t.get_text() for t in ax.get_legend().get_texts()]
    assert legend == ["전역 최솟값 x ≈ 4.913", "국소 최솟값 x ≈ 0"]


def test_plot_basin_map_2d_is_an_image_over_x0_and_lr():
    ends = landscapes.gd_endpoints(X_SIN_X, np.linspace(-1, 7, 81), np.linspace(0.1, 2.5, 25), 60)
    ax = landscapes.plot_basin_map(X_SIN_X, ends)
    (image,) = ax.images
    assert image.get_array().shape == (25, 81, 3)
    half_x, half_lr = 0.1 / 2, 0.1 / 2
    np.testing.assert_allclose(
        image.get_extent(), [-1 - half_x, 7 + half_x, 0.1 - half_lr, 2.5 + half_lr]
    )
    assert ax.get_xlabel() == "시작점 x₀" and ax.get_ylabel() == "학습률 ε"


@pytest.mark.parametrize(
    "call, parameter",
    [
        (lambda: landscapes.gd_endpoints(np.sin, [1.0], 0.1, 5), "`f`"),
        (lambda: landscapes.gd_endpoints(X_SIN_X, [1.0, np.nan], 0.1, 5), "`x0s`"),
        (lambda: landscapes.gd_endpoints(X_SIN_X, [], 0.1, 5), "`x0s`"),
        (lambda: landscapes.gd_endpoints(X_SIN_X, [1.0], [0.1, -0.2], 5), "`lrs`.*-0.2"),
        (lambda: landscapes.gd_endpoints(X_SIN_X, [1.0], 0.0, 5), "`lrs`"),
        (lambda: landscapes.gd_endpoints(X_SIN_X, [1.0], np.inf, 5), "`lrs`"),
        (lambda: landscapes.gd_endpoints(X_SIN_X, [1.0], 0.1, 0), "`n_iter`"),
        (lambda: landscapes.gd_endpoints(X_SIN_X, [1.0], 0.1, 2.5), "`n_iter`"),
        (lambda: landscapes.classify_endpoints(np.zeros(3), X_SIN_X.minima), "`endpoints`"),
        (lambda: landscapes.classify_endpoints(_endpoints(0.0, 0.0), [[0.0]]), "`minima`"),
        (lambda: landscapes.classify_endpoints(_endpoints(0.0, 0.0), [0.0], tol=0), "`tol`"),
        (lambda: landscapes.outcome_colors(9), "`n_minima`"),
        (lambda: landscapes.label_image([5], 2), "`labels`"),
    ],
)
def test_bad_input_is_refused_in_korean(call, parameter):
    with pytest.raises(ValueError, match=parameter) as error:
        call()
    assert "값이 올바르지 않습니다" in str(error.value)


def test_plot_basin_map_refuses_bad_input():
    ends = landscapes.gd_endpoints(X_SIN_X, np.linspace(-1, 7, 11), [0.1, 0.2], 5)
    with pytest.raises(ValueError, match="`labels`"):
        landscapes.plot_basin_map(X_SIN_X, ends, labels=np.zeros(3, int))
    uneven = landscapes.gd_endpoints(X_SIN_X, [0.0, 1.0, 3.0], [0.1, 0.2], 5)
    with pytest.raises(ValueError, match="`x0s`"):
        landscapes.plot_basin_map(X_SIN_X, uneven)
    cube = landscapes.gd_endpoints(X_SIN_X, np.ones((2, 2)), [0.1, 0.2], 5)
    with pytest.raises(ValueError, match="`endpoints`"):
        landscapes.plot_basin_map(X_SIN_X, cube)
    with pytest.raises(ValueError, match="`endpoints`"):
        landscapes.plot_basin_map(X_SIN_X, "map")


def test_basin_explorer_names_the_outcome_and_redraws_fast():
    explorer = cu.widgets.basin_explorer()
    assert explorer.image.value[:4] == b"\x89PNG"
    status = explorer.fig.axes[0].texts[0]
    assert "전역 최솟값" in status.get_text()  # default x₀ = 2.5, ε = 0.25
    explorer.update(x0=1.5)
    assert "국소 최솟값" in status.get_text()
    explorer.update(x0=5.0, lr=0.5)
    assert "도달 못 함" in status.get_text()
    explorer.update(x0=3.0, lr=2.4)
    assert "발산" in status.get_text()
    seconds = explorer.update(x0=-100, lr=100)
    assert explorer.values() == {"x0": -1.0, "lr": 2.5}  # clamped
    assert seconds < 1.0
    marker = explorer.fig.axes[1].lines[-1]
    assert marker.get_xydata().tolist() == [[-1.0, 2.5]]


def test_basin_explorer_refuses_bad_input():
    with pytest.raises(ValueError, match="`lr_range`"):
        cu.widgets.basin_explorer(lr_range=(0.0, 1.0))
    with pytest.raises(ValueError, match="`resolution`"):
        cu.widgets.basin_explorer(resolution=(1, 10))
    with pytest.raises(ValueError, match="`n_iter`"):
        cu.widgets.basin_explorer(n_iter=0)
