"""Plot helpers return what they drew on; the explorer redraws, clamps and validates."""

import matplotlib.pyplot as plt
import numpy as np
import pytest

import course_utils as cu
from course_utils.functions import LECTURE_SURFACE, QUADRATIC, ROSENBROCK

pytestmark = pytest.mark.usefixtures("course_style")


def test_1d_helpers_draw_on_given_axes():
    fig, ax = plt.subplots()
    path = cu.optimize(QUADRATIC.derivative, 4.0, cu.SGD(lr=0.2), 10)
    assert cu.plots.plot_descent_1d(QUADRATIC, path, ax=ax) is ax
    labels = [t.get_text() for t in ax.texts]
    assert labels[0] == "$x_{0}$" and len(labels) == cu.plots.PATH_LABEL_LIMIT
    # the first labelled point is the start x0 = 4
    assert ax.texts[0].get_position()[0] == pytest.approx(4.0 + 0.1)
    assert cu.plots.plot_tangent(QUADRATIC, 3.0, ax=ax) is ax
    tangent = ax.lines[-2].get_xydata()
    slope = (tangent[1, 1] - tangent[0, 1]) / (tangent[1, 0] - tangent[0, 0])
    assert slope == pytest.approx(2.0)


def test_helpers_make_their_own_axes_when_none():
    assert cu.plots.plot_curve(QUADRATIC).figure is not None
    axes = cu.plots.path_panels(QUADRATIC, {"a": [4, 3], "b": [4, 0], "c": [4, 2]})
    assert axes.shape == (1, 3)
    with pytest.raises(ValueError, match="`paths`"):
        cu.plots.path_panels(QUADRATIC, {})


def test_paths_2d_and_loss_curves():
    paths = {
        name: cu.optimize(ROSENBROCK.gradient, [-1.5, 2.0], cu.make_optimizer(name, lr=1e-3), 50)
        for name in ("sgd", "adam")
    }
    ax = cu.plots.plot_paths_2d(ROSENBROCK, paths, contour_kw={"log_levels": True})
    assert [t.get_text() for t in ax.get_legend().get_texts()] == ["sgd", "adam"]
    ax2 = cu.plots.plot_loss_curves({k: ROSENBROCK.loss(p) for k, p in paths.items()})
    assert ax2.get_yscale() == "log" and len(ax2.lines) == 2


def test_surface_3d_draws_paths_on_the_surface():
    path = cu.optimize(LECTURE_SURFACE.gradient, [0.0, -2.0], cu.SGD(lr=0.02), 30)
    fig = cu.plots.surface_3d(LECTURE_SURFACE, {"GD": path}, n=30)
    surface, line, ends = fig.data
    assert surface.type == "surface" and np.shape(surface.z) == (30, 30)
    np.testing.assert_allclose(line.z, LECTURE_SURFACE.loss(path))  # on the surface
    assert list(ends.x) == [path[0, 0], path[-1, 0]]
    assert line.legendgroup == ends.legendgroup == "GD"  # hidden together from the legend
    assert line.line.color == cu.plots.PATH_COLORS[0]


def test_gd_explorer_redraws_fast_and_clamps():
    explorer = cu.widgets.gd_explorer()
    assert explorer.image.value[:4] == b"\x89PNG"
    seconds = explorer.update(lr=5.0, x0=-100, steps=3)
    assert explorer.values() == {"lr": 1.2, "x0": 0.0, "steps": 3}  # clamped to the ranges
    assert seconds < 1.0
    with pytest.raises(ValueError, match="`lr`"):
        explorer.update(lr=float("nan"))
    with pytest.raises(ValueError, match="`name`.*'alpha'"):
        explorer.update(alpha=0.5)


def status_of(explorer):
    return explorer.fig.axes[0].texts[0].get_text()


def test_gd_explorer_reports_divergence_by_the_package_rule():
    # ε = 1.2 on x² − 4x + 6: |x_k − 2| = 2·1.4^k stays below 10⁸ for 50 steps, so the run
    # has not diverged by the rule; the status says what is true, the panel marks the clipping
    explorer = cu.widgets.gd_explorer()
    explorer.update(lr=1.2, x0=4.0, steps=30)
    assert "발산" not in status_of(explorer) and "손실이 매 걸음 커지는 중" in status_of(explorer)
    assert "▲" in explorer.fig.axes[1].texts[0].get_text()
    wide = cu.widgets.gd_explorer(lr=3.0, lr_range=(0.01, 3.0), steps=30)
    path = cu.optimize(cu.functions.QUADRATIC.gradient, 4.0, cu.SGD(lr=3.0), 30)
    assert path.diverged and f"발산: {path.diverged_at}번째 갱신에서" in status_of(wide)
    explorer.update(lr=0.2, x0=4.0, steps=10)
    assert "발산" not in status_of(explorer) and "▲" not in explorer.fig.axes[1].texts[0].get_text()


def test_gd_explorer_status_is_true_on_a_non_quadratic_function():
    # REVIEW A16: this run converges, with growing steps at first
    explorer = cu.widgets.gd_explorer(f=cu.functions.X_SIN_X, lr=0.01, x0=3.0, steps=10)
    path = cu.optimize(cu.functions.X_SIN_X.gradient, 3.0, cu.SGD(lr=0.01), 10)
    assert np.all(np.diff(cu.functions.X_SIN_X(np.asarray(path))) < 0)  # the loss falls
    text = status_of(explorer)
    assert "발산" not in text and "커지는" not in text and "아직 도착하지 않음" in text
    explorer.update(steps=50, lr=0.3)
    assert "최솟값 x ≈ 4.913에 도착" in status_of(explorer)


def test_gd_explorer_arrival_is_marked_below_the_floor():
    explorer = cu.widgets.gd_explorer(lr=0.5)  # one step lands exactly on x* = 2
    assert "최솟값 x ≈ 2에 도착" in status_of(explorer)
    note = explorer.fig.axes[1].texts[0].get_text()
    assert "▼" in note
    below = [line for line in explorer.fig.axes[1].lines if line.get_marker() == "v"][0]
    assert list(below.get_xdata()) == list(range(1, 11))


def test_data_loader_works_from_any_directory(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    table = cu.data.load_penguins(["flipper_length_mm", "body_mass_g"], verbose=True)
    assert table.shape == (342, 2) and not table.isna().any().any()
    assert "2행을 제외" in capsys.readouterr().out
    assert len(cu.data.load_penguins(dropna=False)) == 344
    with pytest.raises(ValueError, match="`columns`.*'wing'"):
        cu.data.load_penguins(["wing"])
    with pytest.raises(ValueError, match="`name`"):
        cu.data.data_path("missing.csv")


def test_gd_explorer_status_oscillation_and_local_minimum():
    explorer = cu.widgets.gd_explorer()
    explorer.update(lr=1.0, x0=4.0, steps=10)
    assert "진동" in explorer.fig.axes[0].texts[0].get_text()
    local = cu.widgets.gd_explorer(f=cu.functions.X_SIN_X, lr=0.25, x0=1.5, steps=20)
    text = local.fig.axes[0].texts[0].get_text()
    assert "발산" not in text and "\N{MINUS SIGN}" not in text.split("=")[0]
    local.update(x0=-0.9, steps=3)
    assert "-" not in local.fig.axes[0].texts[0].get_text().replace("$x_{3}$", "")


def test_signed_uses_the_true_minus_sign():
    assert cu.plots.signed(-1.5) == "\N{MINUS SIGN}1.5000"
    assert cu.plots.signed(2e-3, ".1e") == "2.0e\N{MINUS SIGN}03"
    ax = cu.plots.plot_tangent(cu.functions.QUADRATIC, 1.0)
    assert ax.get_legend_handles_labels()[1][0] == "접선 (기울기 \N{MINUS SIGN}2)"
