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
    # contour + the minimum (1, 1) + faint full paths + animated paths
    assert [trace.type for trace in fig.data] == ["contour"] + ["scatter"] * 5
    assert (fig.data[1].x[0], fig.data[1].y[0]) == (1.0, 1.0)
    assert fig.data[1].marker.symbol == "star"
    faint = fig.data[2:4]
    for trace, path in zip(faint, paths.values()):
        np.testing.assert_allclose(trace.x, np.asarray(path)[:, 0])
    animated = fig.data[4:6]
    assert [trace.name for trace in animated] == ["SGD", "Adam"]
    for trace, path in zip(animated, paths.values()):  # the still picture shows x₀ only
        np.testing.assert_allclose([trace.x[0], trace.y[0]], np.asarray(path)[0])
        assert len(trace.x) == 1
    frames = fig.frames
    assert len(frames) == 13 and frames[0].name == "0" and frames[-1].name == "60"
    assert all(list(frame.traces) == [4, 5] for frame in frames)
    last_sgd, last_adam = frames[-1].data
    np.testing.assert_allclose(last_sgd.x, np.round(np.asarray(paths["SGD"])[:, 0], 4))
    assert len(last_adam.x) == 31  # a shorter path stops growing at its end
    lengths = [len(frame.data[0].x) for frame in frames]
    assert lengths == sorted(lengths) and lengths[0] == 1


def test_animation_without_known_minima_has_no_star():
    path = cu.optimize(cu.functions.SADDLE.gradient, (1.0, 0.01), cu.SGD(lr=0.1), 10)
    fig = cu.plots.animate_paths_2d(cu.functions.SADDLE, {"SGD": path}, n_frames=5)
    assert len(fig.data) == 3 and list(fig.frames[0].traces) == [2]


def test_animation_has_play_pause_and_a_slider_that_redraw():
    fig = cu.plots.animate_paths_2d(ROSENBROCK, two_paths(), n_frames=10, frame_ms=50)
    play, pause = fig.layout.updatemenus[0].buttons
    assert play.method == pause.method == "animate"
    assert play.args[1]["frame"] == {"duration": 50, "redraw": True}
    steps = fig.layout.sliders[0].steps
    assert len(steps) == len(fig.frames)
    assert [step.args[0][0] for step in steps] == [frame.name for frame in fig.frames]
    assert all(step.args[1]["frame"]["redraw"] for step in steps)
    assert list(fig.layout.xaxis.range) == list(ROSENBROCK.domain[0])


def test_animation_log_scale_colours_by_log_height():
    fig = cu.plots.animate_paths_2d(ROSENBROCK, two_paths(), log_scale=True, n=30)
    X, Y = ROSENBROCK.grid(30)
    Z = ROSENBROCK(X, Y)
    np.testing.assert_allclose(fig.data[0].z, np.log10(1 + Z - Z.min()))


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
