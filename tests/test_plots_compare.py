"""Plot helpers of notebook 12: the plotly path animation, mean ± spread bands and
the family tree."""

import matplotlib.colors
import matplotlib.pyplot as plt
import numpy as np
import pytest

import course_utils as cu
from course_utils.functions import ROSENBROCK

pytestmark = pytest.mark.usefixtures("course_style")


def two_paths():
    return {
        "SGD": cu.optimize(ROSENBROCK.gradient, (-1.2, 1.0), cu.SGD(lr=1e-3), 60),
        "Adam": cu.optimize(ROSENBROCK.gradient, (-1.2, 1.0), cu.Adam(lr=0.1), 30),
    }


# --- animate_paths_2d -----------------------------------------------------------


def test_animation_frames_grow_each_path_from_the_start_to_the_end():
    paths = two_paths()
    fig = cu.plots.animate_paths_2d(ROSENBROCK, paths, n_frames=13)
    # contour lines (scatter traces, so frames need no redraw), then the minimum (1, 1),
    # the faint full paths and the animated paths
    contours = [t for t in fig.data if t.name == "contour"]
    assert len(contours) >= 10 and fig.data[: len(contours)] == tuple(contours)
    rest = fig.data[len(contours) :]
    assert all(trace.type == "scatter" for trace in fig.data) and len(rest) == 5
    assert (rest[0].x[0], rest[0].y[0]) == (1.0, 1.0)
    assert rest[0].marker.symbol == "star"
    faint = rest[1:3]
    for trace, path in zip(faint, paths.values()):
        np.testing.assert_allclose(trace.x, np.asarray(path)[:, 0])
    animated = rest[3:5]
    assert [trace.name for trace in animated] == ["SGD", "Adam"]
    for trace, path in zip(animated, paths.values()):  # the still picture shows x₀ only
        np.testing.assert_allclose([trace.x[0], trace.y[0]], np.asarray(path)[0])
        assert len(trace.x) == 1
    frames = fig.frames
    assert len(frames) == 13 and frames[0].name == "0" and frames[-1].name == "60"
    first_animated = len(contours) + 3
    assert all(list(frame.traces) == [first_animated, first_animated + 1] for frame in frames)
    last_sgd, last_adam = frames[-1].data
    np.testing.assert_allclose(last_sgd.x, np.round(np.asarray(paths["SGD"])[:, 0], 4))
    assert len(last_adam.x) == 31  # a shorter path stops growing at its end
    lengths = [len(frame.data[0].x) for frame in frames]
    assert lengths == sorted(lengths) and lengths[0] == 1


def test_animation_without_known_minima_has_no_star():
    path = cu.optimize(cu.functions.SADDLE.gradient, (1.0, 0.01), cu.SGD(lr=0.1), 10)
    fig = cu.plots.animate_paths_2d(cu.functions.SADDLE, {"SGD": path}, n_frames=5)
    n_contours = sum(trace.name == "contour" for trace in fig.data)
    assert len(fig.data) == n_contours + 2 and list(fig.frames[0].traces) == [n_contours + 1]


def test_animation_has_play_pause_and_a_slider_that_redraw():
    fig = cu.plots.animate_paths_2d(ROSENBROCK, two_paths(), n_frames=10, frame_ms=50)
    play, pause = fig.layout.updatemenus[0].buttons
    assert play.method == pause.method == "animate"
    # only scatter traces change, so plotly.js can animate them without a full redraw
    assert play.args[1]["frame"] == {"duration": 50, "redraw": False}
    steps = fig.layout.sliders[0].steps
    assert len(steps) == len(fig.frames)
    assert [step.args[0][0] for step in steps] == [frame.name for frame in fig.frames]
    assert not any(step.args[1]["frame"]["redraw"] for step in steps)
    assert list(fig.layout.xaxis.range) == list(ROSENBROCK.domain[0])


def contour_log_heights(log_scale):
    """Median log₁₀(1 + f − min f) along each contour line of the animation."""
    fig = cu.plots.animate_paths_2d(ROSENBROCK, two_paths(), log_scale=log_scale, n=200)
    low = ROSENBROCK(*ROSENBROCK.grid(200)).min()
    medians = []
    for trace in fig.data:
        if trace.name == "contour":
            x, y = np.asarray(trace.x, dtype=float), np.asarray(trace.y, dtype=float)
            drawn = ~np.isnan(x)
            medians.append(np.median(np.log10(1 + ROSENBROCK(x[drawn], y[drawn]) - low)))
    return np.diff(medians)


def test_animation_log_scale_spaces_contours_evenly_in_log_height():
    steps = contour_log_heights(log_scale=True)
    assert np.all(steps > 0) and np.ptp(steps) < 0.1 * steps.mean()
    linear = contour_log_heights(log_scale=False)
    assert np.ptp(linear) > 5 * linear.min()  # even in f, so uneven in log f


def test_animation_rejects_bad_arguments():
    with pytest.raises(ValueError, match="`paths`"):
        cu.plots.animate_paths_2d(ROSENBROCK, {})
    with pytest.raises(ValueError, match="`n_frames`"):
        cu.plots.animate_paths_2d(ROSENBROCK, two_paths(), n_frames=1)
    with pytest.raises(ValueError, match="`frame_ms`"):
        cu.plots.animate_paths_2d(ROSENBROCK, two_paths(), frame_ms=0)


# --- plot_mean_band -------------------------------------------------------------


def test_mean_band_draws_the_mean_and_the_min_max_range():
    runs = np.array([[1.0, 2.0, 3.0], [3.0, 2.0, 5.0], [2.0, 5.0, 4.0]])
    fig, ax = plt.subplots()
    assert cu.plots.plot_mean_band(runs, x=[10, 20, 30], ax=ax, label="runs") is ax
    (line,) = ax.lines
    np.testing.assert_allclose(line.get_xdata(), [10, 20, 30])
    np.testing.assert_allclose(line.get_ydata(), [2.0, 3.0, 4.0])
    (band,) = ax.collections
    vertices = band.get_paths()[0].vertices
    assert vertices[:, 1].min() == 1.0 and vertices[:, 1].max() == 5.0
    assert band.get_facecolor()[0][:3] == pytest.approx(matplotlib.colors.to_rgb(line.get_color()))


def test_mean_band_std_option():
    runs = np.array([[0.0, 1.0], [2.0, 3.0]])
    fig, ax = plt.subplots()
    cu.plots.plot_mean_band(runs, ax=ax, band="std")
    vertices = ax.collections[0].get_paths()[0].vertices
    assert vertices[:, 1].min() == pytest.approx(0.0)  # mean 1 − std 1
    assert vertices[:, 1].max() == pytest.approx(3.0)  # mean 2 + std 1


def test_mean_band_skips_missing_values_without_warnings():
    # a diverged run stops early (NaN); an all-NaN column is left out, not averaged
    runs = np.array([[1.0, 2.0, np.nan, np.nan], [3.0, np.nan, np.nan, np.nan]])
    fig, ax = plt.subplots()
    cu.plots.plot_mean_band(runs, ax=ax, log=True)
    (line,) = ax.lines
    np.testing.assert_allclose(line.get_xdata(), [0, 1])
    np.testing.assert_allclose(line.get_ydata(), [2.0, 2.0])
    assert ax.get_yscale() == "log"
    fig.canvas.draw()


def test_mean_band_rejects_bad_arguments():
    with pytest.raises(ValueError, match="`band`"):
        cu.plots.plot_mean_band(np.ones((2, 3)), band="iqr")
    with pytest.raises(ValueError, match="`x`"):
        cu.plots.plot_mean_band(np.ones((2, 3)), x=[1, 2])
    with pytest.raises(ValueError, match="`runs`"):
        cu.plots.plot_mean_band(np.ones((2, 3, 4)))


# --- plot_family_tree -------------------------------------------------------------

NODES = {
    "GD": dict(xy=(0.5, 0.9), text="Cauchy, 1847"),
    "SGD": dict(xy=(0.5, 0.5), text="Robbins & Monro, 1951\n미니배치", highlight=True),
    "Momentum": dict(xy=(0.2, 0.1), text="Polyak, 1964", highlight=True),
}


def test_family_tree_draws_one_box_per_node_and_one_arrow_per_edge():
    fig, ax = plt.subplots()
    assert cu.plots.plot_family_tree(NODES, [("GD", "SGD"), ("SGD", "Momentum")], ax=ax) is ax
    texts = {text.get_text().splitlines()[0]: text for text in ax.texts}
    assert set(texts) == set(NODES)
    assert "미니배치" in texts["SGD"].get_text()
    assert len(ax.patches) == 2  # the arrows
    highlighted = texts["SGD"].get_bbox_patch().get_facecolor()
    plain = texts["GD"].get_bbox_patch().get_facecolor()
    assert highlighted != plain
    assert not ax.axison
    fig.canvas.draw()  # Hangul and arrows render without a warning
    arrow = ax.patches[0]
    start, end = arrow.get_path().vertices[[0, -1]]
    assert start[1] > end[1]  # parent above child: the arrow points down


def test_family_tree_rejects_an_edge_to_an_unknown_node():
    with pytest.raises(ValueError, match="`edges`"):
        cu.plots.plot_family_tree(NODES, [("GD", "Adam")])
