"""Where does gradient descent end? Basins of attraction of a 1D function.

Gradient descent from x₀ with learning rate ε is run for *every* start and
every rate at once: the iterates of all runs form one NumPy array and one loop
applies w^(k+1) = w^(k) − ε f′(w^(k)) to all of them, so a whole (x₀, ε) map of
tens of thousands of runs takes a fraction of a second::

    f = cu.functions.X_SIN_X
    ends = cu.landscapes.gd_endpoints(f, np.linspace(-1, 7, 401), 0.25, n_iter=100)
    labels = cu.landscapes.classify_endpoints(ends, f.minima)
    cu.landscapes.plot_basin_map(f, ends, labels)

A run that blows up is stopped exactly as :func:`course_utils.optimize` stops
it (an iterate non-finite or beyond ``DIVERGENCE_BOUND``), quietly: divergence
is one of the outcomes on the map, not a warning.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from . import _validate
from .optimizers import DIVERGENCE_BOUND
from .plots import signed

# Labels of outcomes that are not a known minimum (minima are labelled 0, 1, …).
DIVERGED = -1
NOT_CONVERGED = -2

MINIMUM_COLORS = (
    "tab:blue",
    "tab:orange",
    "tab:green",
    "tab:purple",
    "tab:brown",
    "tab:pink",
    "tab:olive",
    "tab:cyan",
)
OUTCOME_COLORS = {NOT_CONVERGED: "#d4d4d4", DIVERGED: "#1a1a1a"}


@dataclass(frozen=True)
class Endpoints:
    """The outcome of many gradient-descent runs, one entry per run.

    All arrays have the same shape: ``lrs.shape + x0s.shape`` of the call to
    :func:`gd_endpoints` (rows are learning rates, columns are starts).

    Attributes
    ----------
    x0 : ndarray
        Starting point x₀ of each run.
    lr : ndarray
        Learning rate ε of each run.
    final : ndarray
        The last iterate; for a diverged run, the last one within the bound
        (as :class:`course_utils.optimizers.Trajectory` ends).
    last_step : ndarray
        x_n − x_(n−1), the last update made (NaN if a run diverged at once).
    n_steps : ndarray of int
        Updates made: ``n_iter``, or fewer if the run diverged.
    diverged : ndarray of bool
        True where the run was stopped because it blew up.
    n_iter : int
        Updates requested per run.
    """

    x0: np.ndarray
    lr: np.ndarray
    final: np.ndarray
    last_step: np.ndarray
    n_steps: np.ndarray
    diverged: np.ndarray
    n_iter: int

    @property
    def shape(self):
        """Shape of the grid of runs."""
        return self.final.shape


def _derivative_of(f):
    derivative = getattr(f, "derivative", None)
    if not callable(derivative):
        raise ValueError(
            f"`f` 값이 올바르지 않습니다: {f!r} — f.derivative(x)가 있는 일변수 함수"
            "(예: cu.functions.X_SIN_X)여야 합니다."
        )
    return derivative


def gd_endpoints(f, x0s, lrs, n_iter):
    """Run gradient descent from every start x₀ with every learning rate ε at once.

    Each run is x^(k+1) = x^(k) − ε f′(x^(k)), k = 0, …, n_iter − 1, the update
    of :class:`course_utils.SGD`. All runs advance together as one array; a
    run whose iterate becomes non-finite or exceeds ``DIVERGENCE_BOUND`` in
    magnitude stops there (no overflow warning) and is marked diverged.

    Parameters
    ----------
    f : Function1D
        The function; only ``f.derivative`` is used.
    x0s : float or array_like
        Starting points x₀, finite.
    lrs : float or array_like
        Learning rates ε, finite and > 0.
    n_iter : int
        Updates per run, ≥ 1.

    Returns
    -------
    Endpoints
        Arrays of shape ``np.shape(lrs) + np.shape(x0s)``: one row of starts
        per learning rate (a scalar ε gives the shape of ``x0s``).
    """
    derivative = _derivative_of(f)
    x0s = _validate.finite_array("x0s", x0s)
    lrs = _validate.finite_array("lrs", lrs)
    if np.any(lrs <= 0):
        bad = float(lrs[lrs <= 0].flat[0])
        _validate.fail("lrs", bad, "학습률은 모두 0보다 커야 합니다.")
    n_iter = _validate.count("n_iter", n_iter, minimum=1)

    shape = lrs.shape + x0s.shape
    x0_grid = np.broadcast_to(x0s, shape)
    lr_grid = np.broadcast_to(lrs.reshape(lrs.shape + (1,) * x0s.ndim), shape)

    final = x0_grid.ravel().copy()
    last_step = np.full(final.size, np.nan)
    n_steps = np.full(final.size, n_iter)
    diverged = np.zeros(final.size, dtype=bool)

    # The runs still going, compacted: x, ε and their places in the grid.
    index = np.arange(final.size)
    x = final.copy()
    lr = lr_grid.ravel().copy()
    step = np.full(final.size, np.nan)
    with np.errstate(over="ignore", invalid="ignore", divide="ignore"):
        for k in range(n_iter):
            x_new = x - lr * derivative(x)
            blown = ~(np.abs(x_new) <= DIVERGENCE_BOUND)  # also True for NaN
            if blown.any():
                # record where the diverging runs stopped, then drop them
                gone = index[blown]
                final[gone], last_step[gone] = x[blown], step[blown]
                n_steps[gone], diverged[gone] = k, True
                keep = ~blown
                index, x, x_new, lr = index[keep], x[keep], x_new[keep], lr[keep]
            step = x_new - x
            x = x_new
    final[index], last_step[index] = x, step

    return Endpoints(
        x0=x0_grid.copy(),
        lr=lr_grid.copy(),
        final=final.reshape(shape),
        last_step=last_step.reshape(shape),
        n_steps=n_steps.reshape(shape),
        diverged=diverged.reshape(shape),
        n_iter=n_iter,
    )


def classify_endpoints(endpoints, minima, tol=1e-3):
    """Label each run by where it ended: which known minimum, or neither.

    A run counts as converged to the minimum x* nearest to its last iterate
    when its last step was short, ``|x_n − x_(n−1)| ≤ tol``, it ended close,
    ``|x_n − x*| ≤ tol``, and that step did not move away from x*,
    ``|x_n − x*| ≤ |x_(n−1) − x*|`` (up to rounding). A chaotic run that
    happens to land near a minimum it cannot settle in (one that is unstable
    for this ε) arrives with a long step or leaves with a growing distance,
    so it does not count.

    Parameters
    ----------
    endpoints : Endpoints
        From :func:`gd_endpoints`.
    minima : sequence of float
        Known minima, e.g. ``f.minima`` (label 0 is the first).
    tol : float, default 1e-3
        Distance tolerance, > 0.

    Returns
    -------
    ndarray of int
        Shaped like the runs: ``i`` for ``minima[i]``, ``DIVERGED`` (−1) for a
        run that blew up, ``NOT_CONVERGED`` (−2) for everything else (too few
        steps, a cycle, chaotic wandering, or a minimum not in ``minima``).
    """
    if not isinstance(endpoints, Endpoints):
        raise ValueError(
            f"`endpoints` 값이 올바르지 않습니다: {type(endpoints).__name__} — "
            "gd_endpoints(...)가 돌려준 Endpoints여야 합니다."
        )
    minima = _validate.finite_array("minima", minima)
    if minima.ndim != 1:
        _validate.fail("minima", minima.tolist(), "최솟값 x 좌표들의 1차원 목록이어야 합니다.")
    tol = _validate.positive("tol", tol)

    final = endpoints.final[..., np.newaxis]
    distance = np.abs(final - minima)
    previous_distance = np.abs(final - endpoints.last_step[..., np.newaxis] - minima)
    nearest = np.argmin(distance, axis=-1)
    nearest_distance = np.take_along_axis(distance, nearest[..., np.newaxis], -1)[..., 0]
    nearest_previous = np.take_along_axis(previous_distance, nearest[..., np.newaxis], -1)[..., 0]
    # a few units of rounding: a converged run may jitter between the floats next to x*
    rounding = 4 * np.spacing(np.abs(minima))[nearest]
    arrived = (
        (np.abs(endpoints.last_step) <= tol)
        & (nearest_distance <= tol)
        & (nearest_distance <= nearest_previous + rounding)
    )
    labels = np.where(arrived, nearest, NOT_CONVERGED)
    labels[endpoints.diverged] = DIVERGED
    return labels


def outcome_names(minima):
    """Korean legend names of the labels of :func:`classify_endpoints`.

    Parameters
    ----------
    minima : sequence of float
        Known minima, the global one (on the domain) first, as in ``f.minima``.

    Returns
    -------
    dict
        ``{label: name}`` for every minimum, ``NOT_CONVERGED`` and ``DIVERGED``.
    """
    minima = _validate.finite_array("minima", minima).ravel()
    names = {}
    for i, x_min in enumerate(minima):
        kind = "전역 최솟값" if i == 0 else "국소 최솟값"
        shown = signed(x_min, ".4g")
        names[i] = f"{kind} x ≈ {shown}"
    names[NOT_CONVERGED] = "최솟값에 도달 못 함"
    names[DIVERGED] = "발산"
    return names


def outcome_colors(n_minima):
    """``{label: colour}`` for ``n_minima`` minima and the other outcomes.

    Parameters
    ----------
    n_minima : int
        Number of known minima (at most 8).

    Returns
    -------
    dict
    """
    n_minima = _validate.count("n_minima", n_minima)
    if n_minima > len(MINIMUM_COLORS):
        _validate.fail("n_minima", n_minima, f"{len(MINIMUM_COLORS)} 이하여야 합니다.")
    return {**dict(enumerate(MINIMUM_COLORS[:n_minima])), **OUTCOME_COLORS}


def label_image(labels, n_minima):
    """Labels as an RGB image (for ``imshow``) in the colours of :func:`outcome_colors`.

    Parameters
    ----------
    labels : array_like of int
        From :func:`classify_endpoints`.
    n_minima : int
        Number of known minima.

    Returns
    -------
    ndarray
        Shape ``labels.shape + (3,)``, floats in [0, 1].
    """
    from matplotlib.colors import to_rgb

    labels = np.asarray(labels)
    colors = outcome_colors(n_minima)
    unknown = set(np.unique(labels).tolist()) - set(colors)
    if unknown:
        _validate.fail("labels", sorted(unknown), "classify_endpoints의 레이블이어야 합니다.")
    image = np.zeros(labels.shape + (3,))
    for label, color in colors.items():
        image[labels == label] = to_rgb(color)
    return image


def _grid_extent(values, name):
    """``(low, high)`` edges of evenly spaced cell centres ``values``."""
    values = np.asarray(values, dtype=float)
    if values.size < 2:
        return values[0] - 0.5, values[0] + 0.5
    spacing = np.diff(values)
    if not np.allclose(spacing, spacing[0], rtol=1e-6, atol=1e-12) or spacing[0] <= 0:
        _validate.fail(name, "간격이 일정하지 않음", "오름차순 등간격(np.linspace)이어야 합니다.")
    half = spacing[0] / 2
    return values[0] - half, values[-1] + half


def plot_basin_map(f, endpoints, labels=None, ax=None, tol=1e-3, legend=True, marker_size=12):
    """Draw where gradient descent ends, coloured by outcome.

    One learning rate (1D runs): the curve of ``f`` with each start x₀ drawn
    on it in the colour of the minimum it reaches. A grid of learning rates
    (2D runs): an image over (x₀, ε), one pixel per run.

    Parameters
    ----------
    f : Function1D
        The function (curve, domain and ``f.minima``, the global one first).
    endpoints : Endpoints
        From :func:`gd_endpoints`; a 2D map needs evenly spaced x₀ and ε.
    labels : array_like of int, optional
        From :func:`classify_endpoints`; default computed with ``f.minima``.
    ax : matplotlib.axes.Axes, optional
        Axes to draw on; a new figure when None.
    tol : float, default 1e-3
        Passed to :func:`classify_endpoints` when ``labels`` is None.
    legend : bool, default True
        Add a legend of the outcomes that occur.
    marker_size : float, default 12
        Marker size of the starts (1D only).

    Returns
    -------
    matplotlib.axes.Axes
    """
    from matplotlib.patches import Patch

    from .plots import get_ax, plot_curve

    if not isinstance(endpoints, Endpoints):
        raise ValueError(
            f"`endpoints` 값이 올바르지 않습니다: {type(endpoints).__name__} — "
            "gd_endpoints(...)가 돌려준 Endpoints여야 합니다."
        )
    minima = tuple(f.minima)
    labels = classify_endpoints(endpoints, minima, tol) if labels is None else np.asarray(labels)
    _validate.same_shape("labels", labels, endpoints.shape)
    if endpoints.final.ndim not in (1, 2):
        _validate.fail(
            "endpoints",
            f"shape {endpoints.shape}",
            "1차원(학습률 하나) 또는 2차원(학습률 × 시작점)이어야 합니다.",
        )
    colors = outcome_colors(len(minima))

    if endpoints.final.ndim == 1:
        ax = plot_curve(
            f, ax=get_ax(ax, figsize=(6, 3.5)), mark_minima=False, color="0.6", linewidth=1.2
        )
        ax.scatter(
            endpoints.x0,
            f(endpoints.x0),
            c=label_image(labels, len(minima)),
            s=marker_size,
            zorder=4,
            linewidths=0,
        )
        # the minima themselves, in the colour of the starts that reach them
        for label, x_min in enumerate(minima):
            ax.plot(
                x_min,
                f(x_min),
                marker="*",
                markersize=14,
                color=colors[label],
                markeredgecolor="k",
                linestyle="none",
                zorder=5,
            )
        ax.set(xlabel="시작점 x₀", ylabel="f(x₀)")
    else:
        ax = get_ax(ax, figsize=(6, 4))
        x_low, x_high = _grid_extent(endpoints.x0[0], "x0s")
        lr_low, lr_high = _grid_extent(endpoints.lr[:, 0], "lrs")
        ax.imshow(
            label_image(labels, len(minima)),
            origin="lower",
            aspect="auto",
            interpolation="nearest",
            extent=(x_low, x_high, lr_low, lr_high),
        )
        ax.set(xlabel="시작점 x₀", ylabel="학습률 ε")
        ax.grid(False)
    if legend:
        names = outcome_names(minima)
        present = [label for label in names if np.any(labels == label)]
        handles = [Patch(color=colors[label], label=names[label]) for label in present]
        if endpoints.final.ndim == 1:
            ax.legend(handles=handles, fontsize="small", loc="best", framealpha=0.9)
        else:  # outside, so it hides no part of the map
            ax.legend(
                handles=handles,
                fontsize="small",
                loc="upper left",
                bbox_to_anchor=(1.01, 1.0),
                borderaxespad=0.0,
            )
    return ax
