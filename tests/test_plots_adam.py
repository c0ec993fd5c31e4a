"""Plot helpers of the Adam notebook: bias-correction curves and step lengths."""

import matplotlib.pyplot as plt
import numpy as np
import pytest

import course_utils as cu
from course_utils.functions import ROSENBROCK

pytestmark = pytest.mark.usefixtures("course_style")


def adam_moments(g, n):
    """s_k, r_k of cu.Adam after each of n steps with the constant gradient g."""
    opt = cu.Adam(lr=0.1)
    w, s, r = np.array(0.0), [], []
    for _ in range(n):
        w = opt.step(w, lambda _: np.array(g))
        s.append(float(opt.s))
        r.append(float(opt.r))
    return np.array(s), np.array(r)


def test_bias_correction_curves_start_at_k_1_and_show_the_data():
    s, _ = adam_moments(2.0, 20)
    k = np.arange(1, 21)
    s_hat = s / (1 - 0.9**k)
    fig, ax = plt.subplots()
    assert (
        cu.plots.plot_bias_correction(s, s_hat, ax=ax, reference=2.0, reference_label="$g$") is ax
    )
    reference, raw, corrected = ax.lines
    np.testing.assert_array_equal(raw.get_xdata(), k)
    np.testing.assert_allclose(raw.get_ydata(), (1 - 0.9**k) * 2.0)  # s_k = (1 − ρ₁ᵏ)·g
    np.testing.assert_allclose(corrected.get_ydata(), 2.0)  # ŝ_k = g exactly
    np.testing.assert_allclose(reference.get_ydata(), 2.0)
    assert reference.get_linestyle() == "--"  # a constant reference is dashed
    assert [t.get_text() for t in ax.get_legend().get_texts()] == ["$g$", "$s_k$", r"$\hat{s}_k$"]


def test_bias_correction_log_axis_and_a_varying_reference():
    _, r = adam_moments(3.0, 50)
    r_hat = r / (1 - 0.999 ** np.arange(1, 51))
    g_squared = np.linspace(1, 9, 50)
    ax = cu.plots.plot_bias_correction(
        r, r_hat, reference=g_squared, logx=True, raw_label="$r_k$", corrected_label=r"$\hat{r}_k$"
    )
    assert ax.get_xscale() == "log" and ax.lines[0].get_linestyle() == "-"
    np.testing.assert_allclose(ax.lines[2].get_ydata(), 9.0)


def test_bias_correction_rejects_mismatched_lengths():
    with pytest.raises(ValueError, match="`corrected`"):
        cu.plots.plot_bias_correction([1, 2, 3], [1, 2])
    with pytest.raises(ValueError, match="`reference`"):
        cu.plots.plot_bias_correction([1, 2, 3], [1, 2, 3], reference=[1, 2])


def test_step_lengths_is_the_largest_coordinate_move():
    path = np.array([[0.0, 0.0], [0.5, -2.0], [0.25, -2.0]])
    np.testing.assert_allclose(cu.plots.step_lengths(path), [2.0, 0.25])
    np.testing.assert_allclose(cu.plots.step_lengths([4.0, 3.0, 3.5]), [1.0, 0.5])
    with pytest.raises(ValueError, match="`path`"):
        cu.plots.step_lengths([1.0])


def test_adam_first_step_is_one_step_size_on_the_plot():
    lr = 0.05
    path = cu.optimize(ROSENBROCK.gradient, [-1.5, 2.0], cu.Adam(lr=lr), 30)
    fig, ax = plt.subplots()
    assert (
        cu.plots.plot_step_lengths({"Adam": path}, scale=lr, ax=ax, bound=1.0, bound_label="ε")
        is ax
    )
    line, bound = ax.lines
    np.testing.assert_array_equal(line.get_xdata(), np.arange(1, 31))
    assert line.get_ydata()[0] == pytest.approx(1.0, rel=1e-6)  # |Δw| = ε|g|/(δ+|g|)
    assert np.all(line.get_ydata() <= 1.0 + 1e-9)
    assert list(bound.get_ydata()) == [1.0, 1.0]


def test_step_lengths_scale_per_label_and_validation():
    paths = {"a": [0.0, 1.0, 3.0], "b": [0.0, 0.5]}
    ax = cu.plots.plot_step_lengths(paths, scale={"a": 2.0, "b": 0.5}, log=True)
    np.testing.assert_allclose(ax.lines[0].get_ydata(), [0.5, 1.0])
    np.testing.assert_allclose(ax.lines[1].get_ydata(), [1.0])
    assert ax.get_yscale() == "log"
    with pytest.raises(ValueError, match="`scale`"):
        cu.plots.plot_step_lengths(paths, scale=0.0)


def test_paths_and_losses_share_colours():
    paths = {
        name: cu.optimize(ROSENBROCK.gradient, [-1.2, 1.0], cu.make_optimizer(name, lr=1e-3), 40)
        for name in ("sgd", "momentum", "adam")
    }
    contour_ax, loss_ax = cu.plots.plot_paths_and_losses(ROSENBROCK, paths)
    path_colors = {
        line.get_label(): line.get_color() for line in contour_ax.lines if line.get_label() in paths
    }
    loss_colors = {line.get_label(): line.get_color() for line in loss_ax.lines}
    assert loss_colors == path_colors and len(set(path_colors.values())) == 3
    np.testing.assert_allclose(loss_ax.lines[2].get_ydata(), ROSENBROCK.loss(paths["adam"]))
    assert [t.get_text() for t in loss_ax.get_legend().get_texts()] == list(paths)


def test_paths_and_losses_on_given_axes_with_a_minimum():
    fig, axes = plt.subplots(1, 2)
    path = cu.optimize(ROSENBROCK.gradient, [0.0, 0.0], cu.Adam(lr=0.05), 20)
    drawn = cu.plots.plot_paths_and_losses(ROSENBROCK, {"Adam": path}, axes=axes, minimum=-1.0)
    assert drawn[0] is axes[0] and drawn[1] is axes[1]
    np.testing.assert_allclose(axes[1].lines[0].get_ydata(), ROSENBROCK.loss(path) + 1.0)
    assert axes[1].get_ylabel().endswith("(-1)")


def test_bias_correction_marks_points_only_for_short_sequences():
    short = cu.plots.plot_bias_correction(np.ones(10), np.ones(10))
    assert short.lines[0].get_marker() == "o"
    long = cu.plots.plot_bias_correction(
        np.ones(cu.plots.MARKER_LIMIT + 1), np.ones(cu.plots.MARKER_LIMIT + 1)
    )
    assert long.lines[0].get_marker() in (None, "None", "")


def test_step_lengths_take_colours_by_label_or_in_order():
    paths = {"a": [0.0, 1.0], "b": [0.0, 2.0]}
    by_label = cu.plots.plot_step_lengths(paths, colors={"a": "tab:red", "b": "tab:blue"})
    in_order = cu.plots.plot_step_lengths(paths, colors=["tab:red", "tab:blue"])
    for ax in (by_label, in_order):
        assert [line.get_color() for line in ax.lines] == ["tab:red", "tab:blue"]
