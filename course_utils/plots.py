"""Plot helpers, small ones composed into bigger ones.

Every helper takes ``ax=None`` (a new figure is made when it is None), returns
what it drew on and never calls ``plt.show()``. Matplotlib strings that mix
Hangul with ``$math$`` are avoided on purpose: mathtext has no font fallback,
so Hangul there would be a missing glyph. Use Unicode (ε, x₀, ∇) in Korean
labels, and ``$…$`` only in labels without Hangul.
"""

from __future__ import annotations

import numpy as np

from . import _validate

PATH_LABEL_LIMIT = 6  # beyond this many points, x_k labels pile up on a converging path


def get_ax(ax=None, figsize=(4, 4)):
    """Return ``ax``, or the axes of a new figure of size ``figsize``."""
    if ax is not None:
        return ax
    import matplotlib.pyplot as plt

    _, ax = plt.subplots(figsize=figsize)
    return ax


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
    ax = get_ax(ax)
    x = f.grid() if x is None else np.asarray(x, dtype=float)
    ax.plot(x, f(x), label=label, **line_kw)
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

    ax = get_ax(ax)
    if slope is None and hasattr(f, "derivative"):
        slope = float(f.derivative(x0))
    line = tangent_line(f, x0, slope=slope)
    xs = np.linspace(x0 - width, x0 + width, 2)
    line_kw.setdefault("linestyle", "--")
    line_kw.setdefault("label", f"접선 (기울기 {line.slope:g})")
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
    ax = get_ax(ax)
    path = np.asarray(path, dtype=float).ravel()
    ax.scatter(path, f(path), color=color, marker=marker, zorder=4, label=label, s=20)
    for k, point in enumerate(path[:max_labels]):
        ax.text(point + offset, f(point), f"${name}_{{{k}}}$", color=color)
    return ax


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
    import matplotlib.pyplot as plt

    n = len(paths)
    if n == 0:
        raise ValueError("`paths` 값이 올바르지 않습니다: {} — 경로가 하나 이상 필요합니다.")
    ncols = n if ncols is None else _validate.count("ncols", ncols, minimum=1)
    nrows = -(-n // ncols)
    fig, axes = plt.subplots(nrows, ncols, figsize=(panel_size * ncols, panel_size * nrows),
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
    ax = get_ax(ax, figsize=(5, 4))
    path = np.asarray(path, dtype=float).reshape(-1, 2)
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
    ax = plot_contour(f, ax=ax, **(contour_kw or {}))
    palette = ["tab:red", "tab:blue", "tab:orange", "tab:green", "tab:purple",
               "tab:brown", "tab:pink", "tab:gray"]
    for (label, path), color in zip(paths.items(), palette * 4):
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
    ax = get_ax(ax, figsize=(5, 3.5))
    for label, losses in curves.items():
        losses = np.asarray(losses, dtype=float)
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
    import plotly.graph_objects as go

    X, Y = f.grid(n)
    fig = go.Figure(go.Surface(x=X, y=Y, z=f(X, Y), colorscale=colorscale, opacity=opacity,
                               showscale=False, name="f(x, y)"))
    colors = ["#e41a1c", "#377eb8", "#ff7f00", "#4daf4a", "#984ea3", "#a65628",
              "#f781bf", "#999999"]
    for (label, path), color in zip((paths or {}).items(), colors * 4):
        path = np.asarray(path, dtype=float).reshape(-1, 2)
        z = f.loss(path) + lift
        fig.add_trace(go.Scatter3d(x=path[:, 0], y=path[:, 1], z=z, mode="lines+markers",
                                   name=label, line=dict(color=color, width=6),
                                   marker=dict(size=2.5, color=color)))
        fig.add_trace(go.Scatter3d(x=[path[0, 0], path[-1, 0]], y=[path[0, 1], path[-1, 1]],
                                   z=[z[0], z[-1]], mode="markers", showlegend=False,
                                   marker=dict(size=[6, 7], symbol=["circle-open", "diamond"],
                                               color=color)))
    fig.update_layout(title=title or f"f(x, y) = {f.text or f.latex}", height=height,
                      margin=dict(l=0, r=0, t=40, b=0),
                      scene=dict(xaxis_title="x", yaxis_title="y", zaxis_title="f(x, y)"))
    return fig
