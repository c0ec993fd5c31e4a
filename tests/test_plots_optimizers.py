"""plot_momentum_step draws the update rule's vectors; plot_effective_lr draws per-parameter rates."""

import matplotlib.pyplot as plt
import numpy as np
import pytest

import course_utils as cu
from course_utils.functions import ILL_CONDITIONED

pytestmark = pytest.mark.usefixtures("course_style")


def arrows(ax):
    """{gid: (start, end)} of the annotation arrows drawn by plot_momentum_step."""
    found = {}
    for text in ax.texts:
        if text.get_gid():
            found[text.get_gid()] = (
                np.asarray(text.xyann, dtype=float),
                np.asarray(text.xy, dtype=float),
            )
    return found


@pytest.mark.parametrize("nesterov", [False, True])
def test_momentum_step_arrows_add_up_to_one_optimizer_step(nesterov):
    w, v, lr, alpha = np.array([-6.0, 0.4]), np.array([0.8, -0.9]), 0.15, 0.9
    fig, ax = plt.subplots()
    assert (
        cu.plots.plot_momentum_step(ILL_CONDITIONED, w, v, lr, alpha, nesterov=nesterov, ax=ax)
        is ax
    )
    drawn = arrows(ax)
    assert set(drawn) == {"momentum_part", "gradient_part", "step"}
    start, end = drawn["momentum_part"]
    np.testing.assert_allclose(start, w)
    np.testing.assert_allclose(end, w + alpha * v)
    # the optimizer, started from the same state, lands where the arrows end
    optimizer = (cu.Nesterov if nesterov else cu.Momentum)(lr=lr, alpha=alpha)
    optimizer.step(np.zeros(2), lambda _: np.zeros(2))  # creates the state v = 0
    optimizer.v = v.copy()
    w_new = optimizer.step(w, ILL_CONDITIONED.gradient)
    gradient_start, gradient_end = drawn["gradient_part"]
    np.testing.assert_allclose(gradient_start, w + alpha * v)
    np.testing.assert_allclose(gradient_end, w_new)
    step_start, step_end = drawn["step"]
    np.testing.assert_allclose(step_start, w)
    np.testing.assert_allclose(step_end - step_start, optimizer.v)


def test_momentum_and_nesterov_steps_differ_only_in_the_gradient_point():
    w, v = np.array([-6.0, 0.4]), np.array([0.8, -0.9])
    fig, (left, right) = plt.subplots(1, 2)
    cu.plots.plot_momentum_step(ILL_CONDITIONED, w, v, 0.15, 0.9, ax=left)
    cu.plots.plot_momentum_step(ILL_CONDITIONED, w, v, 0.15, 0.9, nesterov=True, ax=right)
    plain, ahead = arrows(left), arrows(right)
    np.testing.assert_allclose(plain["momentum_part"][1], ahead["momentum_part"][1])
    look_ahead = w + 0.9 * v
    expected = {
        "plain": -0.15 * ILL_CONDITIONED.gradient(w),
        "ahead": -0.15 * ILL_CONDITIONED.gradient(look_ahead),
    }
    np.testing.assert_allclose(np.subtract(*plain["gradient_part"][::-1]), expected["plain"])
    np.testing.assert_allclose(np.subtract(*ahead["gradient_part"][::-1]), expected["ahead"])
    assert left.get_aspect() == 1.0 and right.get_aspect() == 1.0
    # one state, one window: the two panels can be compared at the same scale
    assert left.get_xlim() == right.get_xlim() and left.get_ylim() == right.get_ylim()


def test_momentum_step_makes_its_own_axes_and_validates():
    ax = cu.plots.plot_momentum_step(ILL_CONDITIONED, [1.0, 1.0], [0.0, 0.0], 0.1, 0.5)
    assert ax.figure is not None
    with pytest.raises(ValueError, match="`lr`"):
        cu.plots.plot_momentum_step(ILL_CONDITIONED, [1.0, 1.0], [0.0, 0.0], 0.0, 0.5)
    with pytest.raises(ValueError, match="`alpha`"):
        cu.plots.plot_momentum_step(ILL_CONDITIONED, [1.0, 1.0], [0.0, 0.0], 0.1, 1.0)
    with pytest.raises(ValueError, match="`w`"):
        cu.plots.plot_momentum_step(ILL_CONDITIONED, [1.0, 1.0, 1.0], [0.0, 0.0], 0.1, 0.5)
    with pytest.raises(ValueError, match="`v`"):
        cu.plots.plot_momentum_step(ILL_CONDITIONED, [1.0, 1.0], [np.nan, 0.0], 0.1, 0.5)


def test_effective_lr_draws_one_line_per_run_and_parameter():
    optimizer = cu.Adagrad(lr=0.5)
    w, history = np.array([-9.0, 2.0]), []
    for _ in range(20):
        w = optimizer.step(w, ILL_CONDITIONED.gradient)
        history.append(optimizer.effective_lr())
    fig, ax = plt.subplots()
    drawn = cu.plots.plot_effective_lr({"Adagrad": history, "scalar": np.ones(20)}, ax=ax)
    assert drawn is ax and ax.get_yscale() == "log"
    assert [line.get_label() for line in ax.lines] == ["Adagrad · x", "Adagrad · y", "scalar"]
    x_line = ax.lines[0]
    np.testing.assert_allclose(x_line.get_xdata(), np.arange(1, 21))
    np.testing.assert_allclose(x_line.get_ydata(), np.asarray(history)[:, 0])
    # one colour per run, one line style per parameter
    assert ax.lines[0].get_color() == ax.lines[1].get_color() != ax.lines[2].get_color()
    assert ax.lines[0].get_linestyle() != ax.lines[1].get_linestyle()


def test_effective_lr_validates_its_input():
    with pytest.raises(ValueError, match="`rates`"):
        cu.plots.plot_effective_lr({})
    with pytest.raises(ValueError, match="`rates`"):
        cu.plots.plot_effective_lr({"three": np.ones((5, 3))})
    assert cu.plots.plot_effective_lr({"a": np.ones((3, 2))}, log=False).get_yscale() == "linear"
