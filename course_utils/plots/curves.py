"""Curves of one variable: f(x), tangents, and gradient-descent paths on them."""

from __future__ import annotations

import numpy as np

from .. import _validate
from ._common import PATH_LABEL_LIMIT, _function_1d, _path_1d, _subplots, _values_1d, get_ax, signed


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
                ax.plot(
                    x_min,
                    f(x_min),
                    marker="s" if i == 0 else "D",
                    color="tab:orange",
                    markersize=7,
                    zorder=3,
                    linestyle="none",
                )
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
    from ..calculus import tangent_line

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


def plot_path_1d(
    f,
    path,
    ax=None,
    name="x",
    max_labels=PATH_LABEL_LIMIT,
    color="k",
    marker="o",
    label=None,
    offset=0.1,
):
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
    f = _validate.function(
        "f", f, arguments=("x",), example="cu.functions.QUADRATIC", value_kind="함숫값"
    )
    path = _path_1d("path", path)
    max_labels = _validate.count("max_labels", max_labels)
    offset = _validate.real_number("offset", offset)
    ax = get_ax(ax)
    heights = _values_1d("f", f, path)
    ax.scatter(path, heights, color=color, marker=marker, zorder=4, label=label, s=20)
    for k, (point, height) in enumerate(zip(path[:max_labels], heights)):
        ax.text(point + offset, height, f"${name}_{{{k}}}$", color=color)
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
    _validate.mapping("paths", paths)
    paths = {title: _path_1d("paths", path, label=title) for title, path in paths.items()}
    n = len(paths)
    ncols = n if ncols is None else _validate.count("ncols", ncols, minimum=1)
    panel_size = _validate.positive("panel_size", panel_size)
    nrows = -(-n // ncols)
    fig, axes = _subplots(
        nrows,
        ncols,
        figsize=(panel_size * ncols, panel_size * nrows),
        sharex=True,
        sharey=sharey,
        squeeze=False,
    )
    for ax, (title, path) in zip(axes.flat, paths.items()):
        plot_descent_1d(f, path, ax=ax, title=title, x=x, **path_kw)
    for ax in axes.flat[n:]:
        ax.set_visible(False)
    return axes
