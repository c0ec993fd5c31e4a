"""Plot helpers, small ones composed into bigger ones.

Every helper takes ``ax=None`` (a new figure is made when it is None), returns
what it drew on and never calls ``plt.show()``. Matplotlib strings that mix
Hangul with ``$math$`` are avoided on purpose: mathtext has no font fallback,
so Hangul there would be a missing glyph. Use Unicode (ε, x₀, ∇) in Korean
labels, and ``$…$`` only in labels without Hangul.

Every helper renders Hangul even when ``cu.setup()`` was not called (it adds
the bundled font as a fallback, :func:`course_utils.style.use_korean_fallback`),
and checks the data it is given: a 2D path must have shape ``(n, 2)`` and is
never reshaped, a student's function must return numbers of the right shape.
"""

from __future__ import annotations

import numpy as np

from . import _validate

PATH_LABEL_LIMIT = 6  # beyond this many points, x_k labels pile up on a converging path
# One palette for every path helper, matplotlib and plotly alike, so a run has the same
# colour in a contour, a loss curve, a 3D surface and an animation (matplotlib's tab10:
# red, blue, orange, green, purple, brown, pink, grey).
PATH_COLORS = ["#d62728", "#1f77b4", "#ff7f0e", "#2ca02c", "#9467bd", "#8c564b",
               "#e377c2", "#7f7f7f"]


def signed(number, spec=".4f"):
    """Format ``number`` for figure text with the true minus sign (U+2212).

    Matplotlib draws tick labels with "−"; a Python-formatted "-" beside them
    would look like a hyphen.

    Parameters
    ----------
    number : float
        The number.
    spec : str, default ".4f"
        A format specification, as in ``format(number, spec)``.

    Returns
    -------
    str
    """
    return format(number, spec).replace("-", "\N{MINUS SIGN}")


def _subplots(*args, **kwargs):
    """``plt.subplots`` with the Korean font fallback in place first."""
    import matplotlib.pyplot as plt

    from .style import use_korean_fallback

    use_korean_fallback()
    kwargs.setdefault("layout", "constrained")  # labels of neighbouring panels must not overlap
    return plt.subplots(*args, **kwargs)


def get_ax(ax=None, figsize=(4, 4)):
    """Return ``ax``, or the axes of a new figure of size ``figsize``.

    Either way the Korean font fallback is in place before anything is drawn.
    """
    from matplotlib.axes import Axes

    from .style import use_korean_fallback

    use_korean_fallback()
    if ax is None:
        _, ax = _subplots(figsize=figsize)
    elif not isinstance(ax, Axes):
        _validate.fail("ax", ax, "matplotlib Axes(예: fig, ax = plt.subplots()의 ax) 또는 None이어야 합니다.")
    return ax


def _function_1d(name, f, x=None):
    """A function of one variable to draw, and where: ``x`` or ``f.grid()``."""
    f = _validate.function(name, f, arguments=("x",), example="cu.functions.QUADRATIC",
                           value_kind="함숫값")
    if x is None:
        if not callable(getattr(f, "grid", None)):
            _validate.fail("x", None, "일반 함수를 그리려면 x(그릴 점들)를 주어야 합니다.")
        return f, f.grid()
    x = _validate.finite_array("x", x)
    if x.ndim != 1:
        _validate.fail("x", f"shape {x.shape}", "1차원 배열이어야 합니다.")
    return f, x


def _values_1d(name, f, x):
    """f(x) for drawing: numbers shaped like ``x`` (inf/NaN are left out of a plot)."""
    return _validate.evaluate(name, f, x, arguments=("x",), shape=x.shape, like="x")


def _function_2d(f):
    """A :class:`~course_utils.functions.Function2D` (or one built like it)."""
    if getattr(f, "ndim", None) != 2 or not all(
            callable(getattr(f, attribute, None)) for attribute in ("grid", "loss")):
        _validate.fail("f", f, "이변수 함수 객체(예: cu.functions.ROSENBROCK, "
                               "cu.functions.Function2D(...))여야 합니다.")
    return f


def _paths_2d(paths):
    """``{label: (n, 2) array}``, each path checked (never reshaped)."""
    _validate.mapping("paths", paths)
    return {label: _validate.path_2d("paths", path, label=label) for label, path in paths.items()}


def plot_curve(f, x=None, ax=None, mark_minima=True, label=None, **line_kw):
    """Draw a 1D function with its known minima.

    Parameters
    ----------
    f : Function1D or callable
        The function; a plain callable needs ``x``.
    x : array_like, optional
        Where to evaluate; default ``f.grid()``.
    ax : matplotlib.axes.Axes, optional
        Axes to draw on; a new figure when None.
    mark_minima : bool, default True
        Mark ``f.minima`` (the first, the global one on the domain, as a square).
    label : str, optional
        Legend label of the curve.
    **line_kw
        Passed to ``ax.plot``.

    Returns
    -------
    matplotlib.axes.Axes
    """
    f, x = _function_1d("f", f, x)
    ax = get_ax(ax)
    ax.plot(x, _values_1d("f", f, x), label=label, **line_kw)
    if mark_minima:
        for i, x_min in enumerate(getattr(f, "minima", ())):
            if x.min() <= x_min <= x.max():
                ax.plot(x_min, f(x_min), marker="s" if i == 0 else "D", color="tab:orange",
                        markersize=7, zorder=3, linestyle="none")
    if hasattr(f, "title"):
        ax.set(xlabel="$x$", ylabel="$f(x)$", title=f.title)
    return ax


def plot_tangent(f, x0, ax=None, width=1.0, slope=None, **line_kw):
    """Draw the tangent line of ``f`` at ``x0`` and the point of tangency.

    Parameters
    ----------
    f : callable
        A function of one variable.
    x0 : float
        Point of tangency.
    ax : matplotlib.axes.Axes, optional
        Axes to draw on; a new figure when None.
    width : float, default 1.0
        The line is drawn over ``[x0 − width, x0 + width]``.
    slope : float, optional
        f′(x0); default ``f.derivative(x0)`` if ``f`` has it, else numerical.
    **line_kw
        Passed to ``ax.plot`` (default: dashed).

    Returns
    -------
    matplotlib.axes.Axes
    """
    from .calculus import tangent_line

    width = _validate.positive("width", width)
    ax = get_ax(ax)
    if slope is None and callable(getattr(f, "derivative", None)):
        x0 = _validate.real_number("x0", x0)
        slope = float(_validate.evaluate("f.derivative", f.derivative, x0, scalar=True).reshape(()))
    line = tangent_line(f, x0, slope=slope)
    xs = np.linspace(x0 - width, x0 + width, 2)
    line_kw.setdefault("linestyle", "--")
    line_kw.setdefault("label", f"접선 (기울기 {signed(line.slope, 'g')})")
    ax.plot(xs, line(xs), **line_kw)
    ax.plot(*line.point, marker="o", color="k", zorder=3)
    return ax


def plot_path_1d(f, path, ax=None, name="x", max_labels=PATH_LABEL_LIMIT, color="k",
                 marker="o", label=None, offset=0.1):
    """Draw the iterates of a 1D optimization on the curve, labelled x₀, x₁, ….

    Parameters
    ----------
    f : callable
        The function (the points are drawn at height f(x_k)).
    path : array_like
        Iterates x₀ (the start), x₁, …, e.g. from :func:`course_utils.optimize`.
    ax : matplotlib.axes.Axes, optional
        Axes to draw on; a new figure when None.
    name : str, default "x"
        Symbol for the labels.
    max_labels : int, default 6
        Label only the first ``max_labels`` points (later ones crowd together).
    color : str, default "k"
        Colour of points and labels.
    marker : str, default "o"
        Marker of the points.
    label : str, optional
        Legend label.
    offset : float, default 0.1
        Horizontal offset of a label from its point.

    Returns
    -------
    matplotlib.axes.Axes
    """
    f = _validate.function("f", f, arguments=("x",), example="cu.functions.QUADRATIC",
                           value_kind="함숫값")
    path = _path_1d("path", path)
    max_labels = _validate.count("max_labels", max_labels)
    offset = _validate.real_number("offset", offset)
    ax = get_ax(ax)
    heights = _values_1d("f", f, path)
    ax.scatter(path, heights, color=color, marker=marker, zorder=4, label=label, s=20)
    for k, (point, height) in enumerate(zip(path[:max_labels], heights)):
        ax.text(point + offset, height, f"${name}_{{{k}}}$", color=color)
    return ax


def _path_1d(name, path, label=None):
    """Iterates of a 1D run: shape ``(n,)`` (or ``(n, 1)``), finite, n ≥ 1; not flattened."""
    where = "" if label is None else f"{label!r}의 "
    array = _validate.numeric_array(name, path if label is None else path)
    if array.ndim == 2 and array.shape[1] == 1:
        array = array[:, 0]
    if array.ndim != 1 or len(array) == 0:
        raise ValueError(
            f"`{name}` 값이 올바르지 않습니다: {where}shape {array.shape} — 일변수 경로는 "
            "(n,) 모양의 반복값 배열이어야 합니다 (2차원 경로는 plot_path_2d)."
        )
    if not np.isfinite(array).all():
        raise ValueError(f"`{name}` 값이 올바르지 않습니다: {where}NaN 또는 inf가 있는 경로 — "
                         "모든 점이 유한해야 합니다.")
    return array


def plot_descent_1d(f, path, ax=None, title=None, x=None, **path_kw):
    """A curve with an optimization path on it: :func:`plot_curve` + :func:`plot_path_1d`.

    Parameters
    ----------
    f : Function1D
        The function.
    path : array_like
        Iterates x₀ (the start), x₁, ….
    ax : matplotlib.axes.Axes, optional
        Axes to draw on; a new figure when None.
    title : str, optional
        Axes title; default the formula.
    x : array_like, optional
        Where to draw the curve; default ``f.grid()``.
    **path_kw
        Passed to :func:`plot_path_1d`.

    Returns
    -------
    matplotlib.axes.Axes
    """
    ax = plot_curve(f, x=x, ax=ax)
    plot_path_1d(f, path, ax=ax, **path_kw)
    if title is not None:
        ax.set_title(title)
    return ax


def path_panels(f, paths, ncols=None, panel_size=3.0, x=None, sharey=True, **path_kw):
    """Side-by-side panels, one optimization path each (e.g. several ε).

    Parameters
    ----------
    f : Function1D
        The function.
    paths : dict
        ``{panel title: path}``.
    ncols : int, optional
        Panels per row; default all in one row.
    panel_size : float, default 3.0
        Width and height of one panel in inches.
    x : array_like, optional
        Where to draw the curve; default ``f.grid()``.
    sharey : bool, default True
        Share the y-axis between panels.
    **path_kw
        Passed to :func:`plot_path_1d`.

    Returns
    -------
    ndarray of matplotlib.axes.Axes
    """
    _validate.mapping("paths", paths)
    paths = {title: _path_1d("paths", path, label=title) for title, path in paths.items()}
    n = len(paths)
    ncols = n if ncols is None else _validate.count("ncols", ncols, minimum=1)
    panel_size = _validate.positive("panel_size", panel_size)
    nrows = -(-n // ncols)
    fig, axes = _subplots(nrows, ncols, figsize=(panel_size * ncols, panel_size * nrows),
                          sharex=True, sharey=sharey, squeeze=False)
    for ax, (title, path) in zip(axes.flat, paths.items()):
        plot_descent_1d(f, path, ax=ax, title=title, x=x, **path_kw)
    for ax in axes.flat[n:]:
        ax.set_visible(False)
    return axes


def plot_contour(f, ax=None, n=200, levels=30, log_levels=False, filled=False,
                 mark_minima=True, cmap="viridis"):
    """Contour lines of a 2D function over its domain.

    Parameters
    ----------
    f : Function2D
        The function.
    ax : matplotlib.axes.Axes, optional
        Axes to draw on; a new figure when None.
    n : int, default 200
        Grid points per side.
    levels : int or array_like, default 30
        Number of levels or the levels themselves.
    log_levels : bool, default False
        Space levels geometrically above the minimum (for steep valleys such as
        Rosenbrock).
    filled : bool, default False
        Filled contours instead of lines.
    mark_minima : bool, default True
        Mark ``f.minima`` with a star.
    cmap : str, default "viridis"
        Colormap.

    Returns
    -------
    matplotlib.axes.Axes
    """
    f = _function_2d(f)
    n = _validate.count("n", n, minimum=2)
    ax = get_ax(ax, figsize=(5, 4))
    X, Y = f.grid(n)
    Z = f(X, Y)
    if log_levels:
        count = levels if isinstance(levels, int) else 30
        low = Z.min()
        levels = low + np.geomspace(1e-3 * (Z.max() - low) + 1e-12, Z.max() - low, count)
    draw = ax.contourf if filled else ax.contour
    draw(X, Y, Z, levels=levels, cmap=cmap, linewidths=None if filled else 0.8)
    if mark_minima:
        for x_min, y_min in f.minima:
            ax.plot(x_min, y_min, marker="*", color="tab:red", markersize=12,
                    linestyle="none", zorder=5)
    ax.set(xlabel="$x$", ylabel="$y$", title=f.title)
    ax.set_aspect("auto")
    return ax


def plot_path_2d(path, ax=None, label=None, color=None, marker="o", markersize=3):
    """Draw one 2D optimization path: a line through the iterates, start ○, end ×.

    Parameters
    ----------
    path : array_like
        Iterates of shape ``(n+1, 2)``, the start first.
    ax : matplotlib.axes.Axes, optional
        Axes to draw on; a new figure when None.
    label : str, optional
        Legend label.
    color : str, optional
        Line colour; default the next in the cycle.
    marker : str, default "o"
        Marker of the iterates.
    markersize : float, default 3
        Marker size of the iterates.

    Returns
    -------
    matplotlib.axes.Axes
    """
    path = _validate.path_2d("path", path)
    ax = get_ax(ax, figsize=(5, 4))
    (line,) = ax.plot(path[:, 0], path[:, 1], marker=marker, markersize=markersize,
                      linewidth=1.2, color=color, label=label, zorder=4)
    ax.plot(*path[0], marker="o", markersize=8, markerfacecolor="white",
            markeredgecolor=line.get_color(), linestyle="none", zorder=5)
    ax.plot(*path[-1], marker="X", markersize=9, color=line.get_color(),
            linestyle="none", zorder=5)
    return ax


def plot_paths_2d(f, paths, ax=None, legend=True, contour_kw=None, **path_kw):
    """Contour of ``f`` with the paths of several optimizers and a legend.

    Parameters
    ----------
    f : Function2D
        The function.
    paths : dict
        ``{label: path}``, each path of shape ``(n+1, 2)``.
    ax : matplotlib.axes.Axes, optional
        Axes to draw on; a new figure when None.
    legend : bool, default True
        Draw a legend of the paths.
    contour_kw : dict, optional
        Passed to :func:`plot_contour`.
    **path_kw
        Passed to :func:`plot_path_2d`.

    Returns
    -------
    matplotlib.axes.Axes
    """
    f = _function_2d(f)
    paths = _paths_2d(paths)
    ax = plot_contour(f, ax=ax, **(contour_kw or {}))
    for (label, path), color in zip(paths.items(), PATH_COLORS * 4):
        plot_path_2d(path, ax=ax, label=label, color=color, **path_kw)
    (x_min, x_max), (y_min, y_max) = f.domain
    ax.set(xlim=(x_min, x_max), ylim=(y_min, y_max))
    if legend and paths:
        ax.legend(loc="best", fontsize="small")
    return ax


def plot_loss_curves(curves, ax=None, log=True, xlabel="반복 횟수 k", ylabel="손실",
                     minimum=0.0):
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
            raise ValueError(f"`curves` 값이 올바르지 않습니다: {label!r}의 shape {losses.shape} — "
                             "곡선마다 (n,) 모양의 손실 배열이어야 합니다.")
        if np.isnan(losses).any():
            raise ValueError(f"`curves` 값이 올바르지 않습니다: {label!r}에 NaN이 있습니다 — "
                             "발산한 실행이면 cu.optimize가 멈춘 곳까지의 손실만 넘기세요.")
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


def surface_3d(f, paths=None, n=60, lift=0.0, colorscale="Viridis", opacity=0.9,
               title=None, height=500):
    """A rotatable plotly 3D surface of ``f``, with optimization paths drawn on it.

    Parameters
    ----------
    f : Function2D
        The function.
    paths : dict, optional
        ``{label: path}``, each of shape ``(n+1, 2)``: drawn as lines on the
        surface at height f(x, y), start ○ and end ◆ marked.
    n : int, default 60
        Grid points per side.
    lift : float, default 0.0
        Raise paths this much above the surface so it does not hide them.
    colorscale : str, default "Viridis"
        Plotly colorscale of the surface.
    opacity : float, default 0.9
        Surface opacity.
    title : str, optional
        Figure title; default the formula in plain text.
    height : int, default 500
        Figure height in pixels.

    Returns
    -------
    plotly.graph_objects.Figure
    """
    f = _function_2d(f)
    paths = {} if paths is None else _paths_2d(paths)
    n = _validate.count("n", n, minimum=2)
    lift = _validate.real_number("lift", lift)

    import plotly.graph_objects as go

    from .webfont import apply_to_plotly

    apply_to_plotly()  # Hangul in the course web font (the template cu.setup() defers)
    X, Y = f.grid(n)
    fig = go.Figure(go.Surface(x=X, y=Y, z=f(X, Y), colorscale=colorscale, opacity=opacity,
                               showscale=False, name="f(x, y)"))
    for (label, path), color in zip(paths.items(), PATH_COLORS * 4):
        z = f.loss(path) + lift
        fig.add_trace(go.Scatter3d(x=path[:, 0], y=path[:, 1], z=z, mode="lines+markers",
                                   name=label, legendgroup=label,
                                   line=dict(color=color, width=6),
                                   marker=dict(size=2.5, color=color)))
        # same legend group: hiding a path in the legend hides its start/end marks too
        fig.add_trace(go.Scatter3d(x=[path[0, 0], path[-1, 0]], y=[path[0, 1], path[-1, 1]],
                                   z=[z[0], z[-1]], mode="markers", showlegend=False,
                                   legendgroup=label,
                                   marker=dict(size=[6, 7], symbol=["circle-open", "diamond"],
                                               color=color)))
    fig.update_layout(title=title or f"f(x, y) = {f.text or f.latex}", height=height,
                      margin=dict(l=0, r=0, t=40, b=0),
                      scene=dict(xaxis_title="x", yaxis_title="y", zaxis_title="f(x, y)"))
    return fig


MARKER_LIMIT = 100  # longer sequences are drawn as plain lines: markers would merge into a band


def plot_bias_correction(raw, corrected, ax=None, reference=None, raw_label="$s_k$",
                         corrected_label=r"$\hat{s}_k$", reference_label=None, logx=False):
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
        ax.plot(k, reference, color="0.6", linewidth=3.0, alpha=0.6,
                linestyle="--" if constant else "-", label=reference_label, zorder=2)
    markers = len(raw) <= MARKER_LIMIT
    ax.plot(k, raw, color="tab:blue", marker="o" if markers else None, markersize=2.5,
            linewidth=1.2, label=raw_label, zorder=3)
    ax.plot(k, corrected, color="tab:red", marker="s" if markers else None, markersize=2.5,
            linewidth=1.2, label=corrected_label, zorder=4)
    if logx:
        ax.set_xscale("log")
    ax.set(xlabel="반복 횟수 k")
    ax.legend(fontsize="small")
    return ax


def _sequence(name, values):
    """A finite 1D sequence of numbers, n ≥ 1 (not flattened from a matrix)."""
    values = _validate.finite_array(name, values)
    if values.ndim != 1:
        _validate.fail(name, f"shape {values.shape}", "1차원 (n,) 배열이어야 합니다.")
    return values


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


def plot_step_lengths(paths, scale=1.0, ax=None, bound=None, bound_label=None, log=False,
                      ylabel="좌표별 최대 이동", colors=None):
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
            raise ValueError(str(error).replace("`path` 값이 올바르지 않습니다:",
                                                f"`paths` 값이 올바르지 않습니다: {label!r}의")) from None
    if bound is not None:
        bound = _validate.real_number("bound", bound)
    ax = get_ax(ax, figsize=(5, 3.5))
    for i, (label, path) in enumerate(paths.items()):
        divisor = scale.get(label) if isinstance(scale, dict) else scale
        divisor = _validate.positive("scale", divisor)
        lengths = lengths_of[label] / divisor
        color = None if colors is None else (
            colors[label] if isinstance(colors, dict) else list(colors)[i])
        ax.plot(np.arange(1, len(lengths) + 1), lengths, linewidth=1.2, label=label, color=color)
    if bound is not None:
        ax.axhline(bound, color="k", linestyle="--", linewidth=1.0, label=bound_label)
    if log:
        ax.set_yscale("log")
    ax.set(xlabel="반복 횟수 k", ylabel=ylabel)
    if paths or bound_label:
        ax.legend(fontsize="small")
    return ax


def plot_gradient_field(f, ax=None, n=15, descent=False, normalize=True, contour=True,
                        equal_aspect=True, color="tab:red", contour_kw=None, **quiver_kw):
    """Arrows of ∇f (steepest ascent) or −∇f (steepest descent) on a grid over the contours.

    The arrow at a point is perpendicular to the contour line through it; the
    right angle is only seen as one on axes with equal scales (``equal_aspect``).

    Parameters
    ----------
    f : Function2D
        The function; ``f.gradient`` gives the arrows, ``f.domain`` the grid.
    ax : matplotlib.axes.Axes, optional
        Axes to draw on; a new figure when None.
    n : int, default 15
        Arrows per side (n × n, at the centres of an n × n partition of the domain), ≥ 2.
    descent : bool, default False
        Draw −∇f, the direction of steepest descent, instead of ∇f.
    normalize : bool, default True
        Draw every arrow with the same length (direction only); otherwise the
        lengths are proportional to ‖∇f‖, the longest one grid cell long.
    contour : bool, default True
        Draw the contour lines first, with :func:`plot_contour`.
    equal_aspect : bool, default True
        Same scale on both axes, so arrows meet the contours at a visible right angle.
    color : str, default "tab:red"
        Arrow colour.
    contour_kw : dict, optional
        Passed to :func:`plot_contour`.
    **quiver_kw
        Passed to ``ax.quiver``.

    Returns
    -------
    matplotlib.axes.Axes
    """
    n = _validate.count("n", n, minimum=2)
    if getattr(f, "ndim", None) != 2:
        raise ValueError(f"`f` 값이 올바르지 않습니다: {f!r} — 이변수 함수(Function2D)여야 합니다.")
    if contour:
        ax = plot_contour(f, ax=ax, **(contour_kw or {}))
    else:
        ax = get_ax(ax, figsize=(5, 4))
    (x_min, x_max), (y_min, y_max) = f.domain
    dx, dy = (x_max - x_min) / n, (y_max - y_min) / n
    X, Y = np.meshgrid(x_min + dx * (np.arange(n) + 0.5), y_min + dy * (np.arange(n) + 0.5))
    grad = f.gradient(np.stack([X, Y], axis=-1))
    direction = -grad if descent else grad
    U, V = direction[..., 0], direction[..., 1]
    norm = np.hypot(U, V)
    longest = 0.8 * min(dx, dy)  # an arrow never reaches the next grid point
    if normalize:
        # a zero gradient (a critical point on the grid) gets no arrow, not a 0/0
        factor = np.divide(longest, norm, out=np.zeros_like(norm), where=norm > 0)
    else:
        factor = longest / norm.max() if norm.max() > 0 else 0.0
    quiver_kw.setdefault("width", 0.005)
    quiver_kw.setdefault("zorder", 4)
    ax.quiver(X, Y, U * factor, V * factor, angles="xy", scale_units="xy", scale=1,
              color=color, **quiver_kw)
    if equal_aspect:
        ax.set_aspect("equal")
    ax.set(xlim=(x_min, x_max), ylim=(y_min, y_max))
    return ax


# --- comparing optimizers (notebook 12) --------------------------------------

def _frame_ends(n_points, n_frames):
    """Indices k of the last iterate shown in each frame: 0 … n_points − 1, evenly."""
    return np.unique(np.round(np.linspace(0, n_points - 1, n_frames)).astype(int))


def animate_paths_2d(f, paths, n_frames=40, log_scale=False, n=80, title=None, height=480,
                     frame_ms=80):
    """A plotly animation of several optimizers moving over the contours of ``f``.

    Each path is drawn twice: faint and complete (so the still picture already
    tells the story) and bold up to the current iterate, which the ▶ button and
    the slider advance. The known minima ``f.minima`` are marked with stars. Plotly animates in the browser, so the figure is cheap
    to build and plays offline in JupyterLab.

    Parameters
    ----------
    f : Function2D
        The function; its ``domain`` sets the axes.
    paths : dict
        ``{label: path}``, each of shape ``(n+1, 2)``, start first (lengths may differ:
        a shorter, e.g. diverged, path stops early).
    n_frames : int, default 40
        Number of animation frames, ≥ 2 (the iterates are sampled evenly).
    log_scale : bool, default False
        Colour the contours by log₁₀(1 + f − min f) (for steep valleys such as Rosenbrock).
    n : int, default 80
        Contour grid points per side.
    title : str, optional
        Figure title; default the formula in plain text.
    height : int, default 480
        Figure height in pixels.
    frame_ms : int, default 80
        Duration of one frame in milliseconds.

    Returns
    -------
    plotly.graph_objects.Figure
    """
    n_frames = _validate.count("n_frames", n_frames, minimum=2)
    frame_ms = _validate.count("frame_ms", frame_ms, minimum=1)
    f = _function_2d(f)
    arrays = _paths_2d(paths)
    n = _validate.count("n", n, minimum=2)

    import contourpy
    import plotly.colors
    import plotly.graph_objects as go

    from .webfont import apply_to_plotly

    apply_to_plotly()  # Hangul in the course web font (the template cu.setup() defers)
    X, Y = f.grid(n)
    Z = f(X, Y)
    if log_scale:
        Z = np.log10(1 + Z - Z.min())
    fig = go.Figure()
    # Contours as plain line traces, not a go.Contour: plotly.js animates scatter
    # traces without a full redraw, while a contour trace would be redrawn (and
    # flicker or vanish) on every frame.
    levels = np.linspace(Z.min(), Z.max(), 27)[1:-1]
    colorscale = plotly.colors.sample_colorscale("Viridis", np.linspace(0, 0.9, len(levels)))
    generator = contourpy.contour_generator(X, Y, Z)
    for level, color in zip(levels, colorscale):
        segments = generator.lines(level)
        if not segments:
            continue
        joined = np.concatenate([np.vstack([seg, [np.nan, np.nan]]) for seg in segments])
        fig.add_trace(go.Scatter(x=joined[:, 0], y=joined[:, 1], mode="lines", showlegend=False,
                                 line=dict(color=color, width=1), hoverinfo="skip",
                                 name="contour"))
    if f.minima:  # the known minima as stars
        x_star, y_star = np.asarray(f.minima, dtype=float).T
        fig.add_trace(go.Scatter(x=x_star, y=y_star, mode="markers", showlegend=False,
                                 marker=dict(symbol="star", size=14, color="#d62728"),
                                 hoverinfo="skip"))
    colors = dict(zip(arrays, PATH_COLORS * 4))
    for label, path in arrays.items():  # faint complete paths
        fig.add_trace(go.Scatter(x=path[:, 0], y=path[:, 1], mode="lines", showlegend=False,
                                 line=dict(color=colors[label], width=1.5), opacity=0.45,
                                 hoverinfo="skip"))
    first = len(fig.data)
    for label, path in arrays.items():  # the animated paths start at x₀
        fig.add_trace(go.Scatter(x=path[:1, 0], y=path[:1, 1], mode="lines+markers", name=label,
                                 line=dict(color=colors[label], width=2.5),
                                 marker=dict(size=5, color=colors[label])))
    animated = list(range(first, len(fig.data)))
    longest = max(len(path) for path in arrays.values())
    frames, steps = [], []
    for k in _frame_ends(longest, n_frames):
        data = [go.Scatter(x=np.round(path[: k + 1, 0], 4), y=np.round(path[: k + 1, 1], 4))
                for path in arrays.values()]
        frames.append(go.Frame(data=data, traces=animated, name=str(k)))
        steps.append(dict(method="animate", label=str(k),
                          args=[[str(k)], dict(mode="immediate", frame=dict(duration=0, redraw=False),
                                               transition=dict(duration=0))]))
    fig.frames = frames
    play = dict(frame=dict(duration=frame_ms, redraw=False), transition=dict(duration=0),
                fromcurrent=True, mode="immediate")
    pause = dict(frame=dict(duration=0, redraw=False), transition=dict(duration=0),
                 mode="immediate")
    (x_min, x_max), (y_min, y_max) = f.domain
    fig.update_layout(
        title=title or f"f(x, y) = {f.text or f.latex}", height=height,
        margin=dict(l=50, r=20, t=50, b=40),
        xaxis=dict(range=[x_min, x_max], title="x"),
        yaxis=dict(range=[y_min, y_max], title="y"),
        legend=dict(orientation="h", y=-0.32),
        updatemenus=[dict(type="buttons", direction="left", x=0.0, y=-0.12, xanchor="left",
                          yanchor="top", showactive=False,
                          buttons=[dict(label="▶", method="animate", args=[None, play]),
                                   dict(label="❚❚", method="animate",
                                        args=[[None], pause])])],
        sliders=[dict(active=0, steps=steps, x=0.12, y=-0.05, len=0.88, xanchor="left",
                      yanchor="top", currentvalue=dict(prefix="반복 k = ", font=dict(size=13)),
                      font=dict(size=8), pad=dict(t=0, b=0))],
    )
    return fig


def plot_mean_band(runs, x=None, ax=None, label=None, color=None, log=False, band="minmax",
                   **line_kw):
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


def plot_family_tree(nodes, edges, ax=None, figsize=(10, 7), fontsize=8.5):
    """A family tree drawn with boxes and arrows (e.g. of the optimizers).

    Parameters
    ----------
    nodes : dict
        ``{name: {"xy": (x, y), "text": str, "highlight": bool}}``: the box's centre
        in axes coordinates (0–1), the lines under the name (separated by
        ``"\\n"``; no ``$math$`` if they contain Hangul), and whether to fill the
        box in colour (e.g. the methods a lecture covers).
    edges : iterable of tuple
        ``(parent, child)`` pairs of node names; an arrow points to the child.
    ax : matplotlib.axes.Axes, optional
        Axes to draw on; a new figure of size ``figsize`` when None.
    figsize : tuple of float, default (10, 7)
        Size of a new figure in inches.
    fontsize : float, default 8.5
        Font size of the box texts.

    Returns
    -------
    matplotlib.axes.Axes
    """
    from matplotlib.patches import FancyArrowPatch

    ax = get_ax(ax, figsize=figsize)
    edges = list(edges)
    for parent, child in edges:
        for end in (parent, child):
            if end not in nodes:
                raise ValueError(
                    f"`edges` 값이 올바르지 않습니다: {end!r} — nodes에 없는 이름입니다."
                )
    boxes = {}
    for name, node in nodes.items():
        x, y = node["xy"]
        highlight = node.get("highlight", False)
        boxes[name] = ax.text(
            x, y, f"{name}\n{node.get('text', '')}".strip(), transform=ax.transAxes,
            ha="center", va="center", fontsize=fontsize, linespacing=1.35, zorder=3,
            bbox=dict(boxstyle="round,pad=0.45", linewidth=1.2,
                      facecolor="#dbe9f6" if highlight else "#f2f2f2",
                      edgecolor="tab:blue" if highlight else "0.5"),
        )
    # the boxes' sizes are known only after a layout pass; the arrows are clipped against them
    ax.figure.draw_without_rendering()
    for parent, child in edges:
        arrow = FancyArrowPatch(
            posA=nodes[parent]["xy"], posB=nodes[child]["xy"], transform=ax.transAxes,
            patchA=boxes[parent].get_bbox_patch(), patchB=boxes[child].get_bbox_patch(),
            arrowstyle="-|>", mutation_scale=14, linewidth=1.3, color="0.3", zorder=2,
            shrinkA=2, shrinkB=2,
        )
        ax.add_patch(arrow)
    ax.set_axis_off()
    ax.set(xlim=(0, 1), ylim=(0, 1))
    return ax


def plot_paths_and_losses(f, paths, axes=None, minimum=None, contour_kw=None, **path_kw):
    """Paths on the contour (left) and their loss curves (right), one colour per run.

    :func:`plot_paths_2d` and :func:`plot_loss_curves` side by side, with each
    loss curve in the colour of its path.

    Parameters
    ----------
    f : Function2D
        The function.
    paths : dict
        ``{label: path}``, each path of shape ``(n+1, 2)``.
    axes : sequence of two matplotlib.axes.Axes, optional
        Where to draw; a new 1×2 figure when None.
    minimum : float, optional
        Subtracted from the losses on the log axis; default f at its first
        known minimum (0 when ``f.minima`` is empty).
    contour_kw : dict, optional
        Passed to :func:`plot_contour`.
    **path_kw
        Passed to :func:`plot_path_2d`.

    Returns
    -------
    ndarray of matplotlib.axes.Axes
        The two axes (contour, losses).
    """
    f = _function_2d(f)
    paths = _paths_2d(paths)
    if axes is None:
        _, axes = _subplots(1, 2, figsize=(10, 4))
    try:
        contour_ax, loss_ax = axes
    except (TypeError, ValueError):
        _validate.fail("axes", axes, "Axes 두 개(등고선, 손실)여야 합니다.")
    plot_paths_2d(f, paths, ax=contour_ax, contour_kw=contour_kw, **path_kw)
    if minimum is None:
        minimum = float(f.loss(np.asarray(f.minima[0]))) if f.minima else 0.0
    minimum = _validate.real_number("minimum", minimum)
    plot_loss_curves({label: f.loss(path) for label, path in paths.items()}, ax=loss_ax,
                     minimum=minimum)
    colors = {line.get_label(): line.get_color() for line in contour_ax.lines}
    for line in loss_ax.lines:
        line.set_color(colors[line.get_label()])
    if paths:
        loss_ax.legend(fontsize="small")
    return np.asarray(axes)


def plot_momentum_step(f, w, v, lr, alpha, nesterov=False, ax=None, margin=0.35, n=120,
                       levels=25):
    """One Momentum or Nesterov update drawn as vectors on the contour of ``f``.

    Momentum:  w⁽ᵏ⁺¹⁾ = w + αv − ε∇f(w);  Nesterov:  w⁽ᵏ⁺¹⁾ = w + αv − ε∇f(w + αv).
    The arrows are added tip to tail: αv from w to the look-ahead point w + αv,
    then −ε∇f from there (the gradient taken at w for Momentum, at w + αv for
    Nesterov), and the resulting step v⁽ᵏ⁺¹⁾ = αv − ε∇f(·) from w to w⁽ᵏ⁺¹⁾.
    The arrows carry the gids ``"momentum_part"``, ``"gradient_part"`` and
    ``"step"``; the axes have equal scales so the angles are true.

    Parameters
    ----------
    f : Function2D
        The function (its ``gradient`` and values for the contour).
    w : array_like
        The current point w⁽ᵏ⁾, shape ``(2,)``.
    v : array_like
        The current velocity v⁽ᵏ⁾, shape ``(2,)``.
    lr : float
        Learning rate ε > 0.
    alpha : float
        Momentum α in [0, 1).
    nesterov : bool, default False
        Take the gradient at the look-ahead point w + αv.
    ax : matplotlib.axes.Axes, optional
        Axes to draw on; a new figure when None.
    margin : float, default 0.35
        Padding around the drawn points, as a fraction of their extent.
    n : int, default 120
        Grid points per side of the local contour.
    levels : int, default 25
        Number of contour levels.

    Returns
    -------
    matplotlib.axes.Axes
    """
    w = _validate.finite_array("w", w)
    v = _validate.finite_array("v", v)
    _validate.same_shape("w", w, (2,))
    _validate.same_shape("v", v, (2,))
    lr = _validate.positive("lr", lr)
    alpha = _validate.unit_interval("alpha", alpha)
    margin = _validate.positive("margin", margin)
    n = _validate.count("n", n, minimum=2)
    ax = get_ax(ax, figsize=(5, 4))

    look_ahead = w + alpha * v
    where = look_ahead if nesterov else w
    gradient_step = -lr * np.asarray(f.gradient(where), dtype=float)
    w_new = look_ahead + gradient_step
    points = np.stack([w, look_ahead, w_new])
    # Both methods' next points fix the window, so a Momentum and a Nesterov panel
    # drawn from the same state share one scale and can be compared side by side.
    both_next = look_ahead - lr * np.asarray(f.gradient(np.stack([w, look_ahead])), dtype=float)

    # A square window around the points: with equal axis scales the angles are true.
    low = np.vstack([points, both_next]).min(axis=0)
    high = np.vstack([points, both_next]).max(axis=0)
    center = (low + high) / 2
    half = (1 + 2 * margin) * max(float(np.max(high - low)), 1e-3) / 2
    xs = np.linspace(center[0] - half, center[0] + half, n)
    ys = np.linspace(center[1] - half, center[1] + half, n)
    X, Y = np.meshgrid(xs, ys)
    ax.contour(X, Y, f(X, Y), levels=levels, cmap="viridis", linewidths=0.7, alpha=0.8)

    where_text = r"w+\alpha v" if nesterov else "w"
    arrows = [
        ("momentum_part", w, look_ahead, "tab:blue", r"$\alpha v^{(k)}$"),
        ("gradient_part", look_ahead, w_new, "tab:orange",
         rf"$-\epsilon\nabla f({where_text})$"),
        ("step", w, w_new, "tab:red", r"$v^{(k+1)}$"),
    ]
    centroid = points.mean(axis=0)
    for gid, start, end, color, text in arrows:
        arrow = ax.annotate("", xy=end, xytext=start, zorder=5,
                            arrowprops=dict(arrowstyle="-|>", color=color, lw=2.2,
                                            shrinkA=0, shrinkB=0, mutation_scale=14))
        arrow.set_gid(gid)
        direction = end - start
        length = float(np.hypot(*direction))
        normal = np.array([-direction[1], direction[0]]) / length if length else np.zeros(2)
        middle = (start + end) / 2
        # labels go outside the triangle the three arrows make
        outward = normal if np.dot(normal, middle - centroid) >= 0 else -normal
        ha = "left" if outward[0] > 0.3 else "right" if outward[0] < -0.3 else "center"
        va = "bottom" if outward[1] > 0.3 else "top" if outward[1] < -0.3 else "center"
        ax.annotate(text, xy=middle, xytext=6 * outward, textcoords="offset points",
                    color=color, fontsize=10, zorder=6, ha=ha, va=va)
    ax.plot(*w, "o", color="k", markersize=6, zorder=7)
    ax.text(*w, "$w^{(k)}$  ", ha="right", va="top", zorder=7)
    ax.plot(*look_ahead, "o", markerfacecolor="white" if not nesterov else "tab:blue",
            markeredgecolor="tab:blue", markersize=7, zorder=7)
    if nesterov:
        ax.text(*look_ahead, r"$w^{(k)}+\alpha v^{(k)}$  ", color="tab:blue", ha="right",
                va="top", zorder=7)
    ax.plot(*w_new, "X", color="tab:red", markersize=9, zorder=7)
    ax.text(*w_new, "  $w^{(k+1)}$", color="tab:red", va="bottom", zorder=7)
    ax.set(xlim=(xs[0], xs[-1]), ylim=(ys[0], ys[-1]), xlabel="$x$", ylabel="$y$")
    ax.set_aspect("equal", adjustable="box")
    return ax


def plot_effective_lr(rates, ax=None, parameter_names=("x", "y"), log=True,
                      xlabel="반복 횟수 k", ylabel="유효 학습률 ε/(δ+√r)"):
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
            ax.plot(steps, history[:, j], color=color, linestyle=styles[j % len(styles)],
                    label=name)
    if log:
        ax.set_yscale("log")
    ax.set(xlabel=xlabel, ylabel=ylabel)
    ax.legend(fontsize="small")
    return ax


def show(fig):
    """Display a plotly figure in the notebook, the way JupyterLab's plotly extension draws it.

    Same output as ``fig.show()`` with plotly's notebook renderer (the
    ``application/vnd.plotly.v1+json`` bundle, drawn offline by the extension
    plotly ships), without plotly's renderer machinery: ``fig.show()`` imports
    nbformat only to check its version, and that import chain (jsonschema,
    rfc3987) costs a second or more in every kernel that shows a 3D figure.

    Parameters
    ----------
    fig : plotly.graph_objects.Figure
        The figure (its frames, if any, are kept: animations still play).

    Returns
    -------
    None
    """
    import json

    import plotly.io as pio
    from IPython.display import display

    if not hasattr(fig, "to_plotly_json"):
        _validate.fail("fig", fig, "plotly Figure여야 합니다 (예: cu.plots.surface_3d(...)가 돌려준 값).")
    bundle = {"application/vnd.plotly.v1+json": json.loads(pio.to_json(fig, validate=False)),
              "text/plain": f"<plotly Figure: {len(fig.data)} traces>"}
    display(bundle, raw=True)
