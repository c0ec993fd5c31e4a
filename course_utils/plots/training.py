"""Training curves: losses, bias correction, step lengths, bands over seeds, effective rates."""

from __future__ import annotations

import numpy as np

from .. import _validate
from ._common import MARKER_LIMIT, PATH_COLORS, _sequence, get_ax


def plot_loss_curves(curves, ax=None, log=True, xlabel="반복 횟수 k", ylabel="손실", minimum=0.0):
    """Loss against iteration for several runs.

    Parameters
    ----------
    curves : dict
        ``{label: sequence of losses}``.
    ax : matplotlib.axes.Axes, optional
        Axes to draw on; a new figure when None.
    log : bool, default True
        Logarithmic y-axis; ``loss − minimum`` is drawn so convergence to a
        known minimum shows as a straight line.
    xlabel, ylabel : str
        Axis labels.
    minimum : float, default 0.0
        The known minimum value subtracted on a log axis.

    Returns
    -------
    matplotlib.axes.Axes
    """
    _validate.mapping("curves", curves, what="{이름: 손실 배열}")
    minimum = _validate.real_number("minimum", minimum)
    checked = {}
    for label, losses in curves.items():
        losses = _validate.numeric_array("curves", losses)
        if losses.ndim != 1 or len(losses) == 0:
            raise ValueError(
                f"`curves` 값이 올바르지 않습니다: {label!r}의 shape {losses.shape} — "
                "곡선마다 (n,) 모양의 손실 배열이어야 합니다."
            )
        if np.isnan(losses).any():
            raise ValueError(
                f"`curves` 값이 올바르지 않습니다: {label!r}에 NaN이 있습니다 — "
                "발산한 실행이면 cu.optimize가 멈춘 곳까지의 손실만 넘기세요."
            )
        checked[label] = losses
    ax = get_ax(ax, figsize=(5, 3.5))
    for label, losses in checked.items():
        if log:
            # a run that reaches the minimum exactly would be log(0): clip at tiny
            losses = np.maximum(losses - minimum, np.finfo(float).tiny)
        ax.plot(np.arange(len(losses)), losses, label=label)
    if log:
        ax.set_yscale("log")
        if minimum:
            ylabel = f"{ylabel} − ({minimum:g})"
    ax.set(xlabel=xlabel, ylabel=ylabel)
    if curves:
        ax.legend(fontsize="small")
    return ax


def plot_bias_correction(
    raw,
    corrected,
    ax=None,
    reference=None,
    raw_label="$s_k$",
    corrected_label=r"$\hat{s}_k$",
    reference_label=None,
    logx=False,
):
    """A moment estimate before and after bias correction, against the step k = 1, 2, ….

    Parameters
    ----------
    raw : array_like
        The running average as computed, e.g. Adam's s_k or r_k for k = 1, …, n.
    corrected : array_like
        The bias-corrected estimate, e.g. ŝ_k = s_k/(1 − ρ₁ᵏ), same length as ``raw``.
    ax : matplotlib.axes.Axes, optional
        Axes to draw on; a new figure when None.
    reference : float or array_like, optional
        What both should estimate (a constant gradient, or the gradients g_k
        themselves), drawn in grey.
    raw_label, corrected_label : str
        Legend labels (mathtext, so no Hangul).
    reference_label : str, optional
        Legend label of ``reference``.
    logx : bool, default False
        Logarithmic k-axis (for ρ₂ = 0.999, whose bias lasts thousands of steps).

    Returns
    -------
    matplotlib.axes.Axes

    Notes
    -----
    Each value is marked when there are at most ``MARKER_LIMIT`` (100) of them.
    """
    raw = _sequence("raw", raw)
    corrected = _sequence("corrected", corrected)
    _validate.same_shape("corrected", corrected, raw.shape)
    ax = get_ax(ax, figsize=(5, 3.5))
    k = np.arange(1, len(raw) + 1)
    if reference is not None:
        reference = _validate.finite_array("reference", reference)
        constant = reference.ndim == 0
        reference = np.broadcast_to(reference, raw.shape) if constant else reference
        _validate.same_shape("reference", reference, raw.shape)
        # wide and pale, so it still shows where a corrected estimate lies on top of it
        ax.plot(
            k,
            reference,
            color="0.6",
            linewidth=3.0,
            alpha=0.6,
            linestyle="--" if constant else "-",
            label=reference_label,
            zorder=2,
        )
    markers = len(raw) <= MARKER_LIMIT
    ax.plot(
        k,
        raw,
        color="tab:blue",
        marker="o" if markers else None,
        markersize=2.5,
        linewidth=1.2,
        label=raw_label,
        zorder=3,
    )
    ax.plot(
        k,
        corrected,
        color="tab:red",
        marker="s" if markers else None,
        markersize=2.5,
        linewidth=1.2,
        label=corrected_label,
        zorder=4,
    )
    if logx:
        ax.set_xscale("log")
    ax.set(xlabel="반복 횟수 k")
    ax.legend(fontsize="small")
    return ax


def step_lengths(path):
    """The largest per-coordinate move of each step, max_i |w_{k,i} − w_{k−1,i}|.

    Parameters
    ----------
    path : array_like
        Iterates of shape ``(n+1,)`` or ``(n+1, d)``, the start first.

    Returns
    -------
    ndarray
        Shape ``(n,)``: entry k−1 belongs to the step w_{k−1} → w_k.
    """
    path = _validate.numeric_array("path", path)
    if path.ndim == 1:
        path = path[:, None]
    if path.ndim != 2 or len(path) < 2 or path.shape[1] == 0:
        raise ValueError(
            f"`path` 값이 올바르지 않습니다: shape {path.shape} — 점이 두 개 이상인 "
            "(n+1,) 또는 (n+1, d) 배열이어야 합니다."
        )
    if not np.isfinite(path).all():
        _validate.fail("path", "NaN 또는 inf가 있는 경로", "모든 점이 유한해야 합니다.")
    return np.abs(np.diff(path, axis=0)).max(axis=1)


def plot_step_lengths(
    paths,
    scale=1.0,
    ax=None,
    bound=None,
    bound_label=None,
    log=False,
    ylabel="좌표별 최대 이동",
    colors=None,
):
    """How far each step moves, per run: max_i |Δw_i| / ``scale`` against k.

    Parameters
    ----------
    paths : dict
        ``{label: path}``, each of shape ``(n+1,)`` or ``(n+1, d)``.
    scale : float or dict, default 1.0
        Divide the step lengths by this (e.g. the step size ε, so a bound of
        one step size is 1); a dict gives one scale per label.
    ax : matplotlib.axes.Axes, optional
        Axes to draw on; a new figure when None.
    bound : float, optional
        Draw a dashed horizontal line at this height.
    bound_label : str, optional
        Legend label of the bound.
    log : bool, default False
        Logarithmic y-axis.
    ylabel : str
        Label of the y-axis.
    colors : dict or sequence, optional
        Line colours, ``{label: colour}`` or one per path in order (e.g. to
        match a contour plot of the same runs); default the colour cycle.

    Returns
    -------
    matplotlib.axes.Axes
    """
    _validate.mapping("paths", paths)
    lengths_of = {}
    for label, path in paths.items():
        try:
            lengths_of[label] = step_lengths(path)
        except ValueError as error:  # name the path inside the dict
            raise ValueError(
                str(error).replace(
                    "`path` 값이 올바르지 않습니다:", f"`paths` 값이 올바르지 않습니다: {label!r}의"
                )
            ) from None
    if bound is not None:
        bound = _validate.real_number("bound", bound)
    ax = get_ax(ax, figsize=(5, 3.5))
    for i, (label, path) in enumerate(paths.items()):
        divisor = scale.get(label) if isinstance(scale, dict) else scale
        divisor = _validate.positive("scale", divisor)
        lengths = lengths_of[label] / divisor
        color = (
            None
            if colors is None
            else (colors[label] if isinstance(colors, dict) else list(colors)[i])
        )
        ax.plot(np.arange(1, len(lengths) + 1), lengths, linewidth=1.2, label=label, color=color)
    if bound is not None:
        ax.axhline(bound, color="k", linestyle="--", linewidth=1.0, label=bound_label)
    if log:
        ax.set_yscale("log")
    ax.set(xlabel="반복 횟수 k", ylabel=ylabel)
    if paths or bound_label:
        ax.legend(fontsize="small")
    return ax


def plot_mean_band(
    runs, x=None, ax=None, label=None, color=None, log=False, band="minmax", **line_kw
):
    """The mean of several runs as a line, their spread as a shaded band.

    Parameters
    ----------
    runs : array_like
        Shape ``(n_runs, n_points)``: one curve per run (e.g. per seed). NaN
        marks a missing value (a run that stopped); a point is drawn from the
        runs that have it.
    x : array_like, optional
        Horizontal positions, ``n_points`` of them; default 0, 1, ….
    ax : matplotlib.axes.Axes, optional
        Axes to draw on; a new figure when None.
    label : str, optional
        Legend label of the mean line.
    color : str, optional
        Colour of line and band; default the next in the cycle.
    log : bool, default False
        Logarithmic y-axis (the mean is still the arithmetic mean).
    band : {"minmax", "std"}, default "minmax"
        Shade between the smallest and largest run, or mean ± one standard deviation.
    **line_kw
        Passed to ``ax.plot`` for the mean line.

    Returns
    -------
    matplotlib.axes.Axes
    """
    _validate.choice("band", band, ("minmax", "std"))
    runs = np.asarray(runs, dtype=float)
    if runs.ndim == 1:
        runs = runs[None, :]
    if runs.ndim != 2 or runs.shape[1] == 0:
        raise ValueError(
            f"`runs` 값이 올바르지 않습니다: shape {runs.shape} — (실행 수, 점 수) 배열이어야 합니다."
        )
    x = np.arange(runs.shape[1]) if x is None else np.asarray(x, dtype=float)
    _validate.same_shape("x", x, (runs.shape[1],))
    ax = get_ax(ax, figsize=(5, 3.5))
    present = ~np.isnan(runs)
    count = present.sum(axis=0)
    shown = count > 0  # masked by hand: np.nanmean warns on an all-NaN column
    filled = np.where(present, runs, 0.0)
    mean = filled.sum(axis=0)[shown] / count[shown]
    if band == "minmax":
        low = np.where(present, runs, np.inf).min(axis=0)[shown]
        high = np.where(present, runs, -np.inf).max(axis=0)[shown]
    else:
        deviation = np.where(present, runs - filled.sum(axis=0) / np.maximum(count, 1), 0.0)
        spread = np.sqrt((deviation**2).sum(axis=0)[shown] / count[shown])
        low, high = mean - spread, mean + spread
    (line,) = ax.plot(x[shown], mean, label=label, color=color, **line_kw)
    ax.fill_between(x[shown], low, high, color=line.get_color(), alpha=0.2, linewidth=0)
    if log:
        ax.set_yscale("log")
    return ax


def plot_effective_lr(
    rates,
    ax=None,
    parameter_names=("x", "y"),
    log=True,
    xlabel="반복 횟수 k",
    ylabel="유효 학습률 ε/(δ+√r)",
):
    """Per-parameter effective learning rates over iterations (Adagrad, RMSProp, …).

    Parameters
    ----------
    rates : dict
        ``{label: array of shape (n_steps, n_parameters)}``: the rate of every
        parameter after every step, e.g. ``opt.effective_lr()`` collected in a loop.
    ax : matplotlib.axes.Axes, optional
        Axes to draw on; a new figure when None.
    parameter_names : sequence of str, default ("x", "y")
        Names of the parameters in the legend; one colour per label, one line
        style per parameter.
    log : bool, default True
        Logarithmic y-axis (rates span orders of magnitude).
    xlabel, ylabel : str
        Axis labels.

    Returns
    -------
    matplotlib.axes.Axes
    """
    if not rates:
        raise ValueError("`rates` 값이 올바르지 않습니다: {} — 곡선이 하나 이상 필요합니다.")
    ax = get_ax(ax, figsize=(5, 3.5))
    styles = ["-", "--", ":", "-."]
    for (label, history), color in zip(rates.items(), PATH_COLORS * 4):
        history = np.asarray(history, dtype=float)
        if history.ndim == 1:
            history = history[:, None]
        if history.ndim != 2 or history.shape[1] > len(parameter_names):
            raise ValueError(
                f"`rates` 값이 올바르지 않습니다: {label!r}의 shape {history.shape} — "
                f"(반복 횟수, 파라미터 수 ≤ {len(parameter_names)}) 모양이어야 합니다."
            )
        steps = np.arange(1, len(history) + 1)
        for j in range(history.shape[1]):
            name = f"{label} · {parameter_names[j]}" if history.shape[1] > 1 else label
            ax.plot(
                steps, history[:, j], color=color, linestyle=styles[j % len(styles)], label=name
            )
    if log:
        ax.set_yscale("log")
    ax.set(xlabel=xlabel, ylabel=ylabel)
    ax.legend(fontsize="small")
    return ax
