"""Two-variable pictures in the plane: contours, paths, gradient fields, one momentum step."""

from __future__ import annotations

import numpy as np

from .. import _validate
from ._common import PATH_COLORS, _function_2d, _paths_2d, _subplots, get_ax
from .training import plot_loss_curves


def plot_contour(
    f, ax=None, n=200, levels=30, log_levels=False, filled=False, mark_minima=True, cmap="viridis"
):
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
            ax.plot(
                x_min, y_min, marker="*", color="tab:red", markersize=12, linestyle="none", zorder=5
            )
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
    (line,) = ax.plot(
        path[:, 0],
        path[:, 1],
        marker=marker,
        markersize=markersize,
        linewidth=1.2,
        color=color,
        label=label,
        zorder=4,
    )
    ax.plot(
        *path[0],
        marker="o",
        markersize=8,
        markerfacecolor="white",
        markeredgecolor=line.get_color(),
        linestyle="none",
        zorder=5,
    )
    ax.plot(*path[-1], marker="X", markersize=9, color=line.get_color(), linestyle="none", zorder=5)
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


def plot_gradient_field(
    f,
    ax=None,
    n=15,
    descent=False,
    normalize=True,
    contour=True,
    equal_aspect=True,
    color="tab:red",
    contour_kw=None,
    **quiver_kw,
):
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
    ax.quiver(
        X,
        Y,
        U * factor,
        V * factor,
        angles="xy",
        scale_units="xy",
        scale=1,
        color=color,
        **quiver_kw,
    )
    if equal_aspect:
        ax.set_aspect("equal")
    ax.set(xlim=(x_min, x_max), ylim=(y_min, y_max))
    return ax


# --- comparing optimizers (notebook 12) --------------------------------------


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
    plot_loss_curves(
        {label: f.loss(path) for label, path in paths.items()}, ax=loss_ax, minimum=minimum
    )
    colors = {line.get_label(): line.get_color() for line in contour_ax.lines}
    for line in loss_ax.lines:
        line.set_color(colors[line.get_label()])
    if paths:
        loss_ax.legend(fontsize="small")
    return np.asarray(axes)


def plot_momentum_step(f, w, v, lr, alpha, nesterov=False, ax=None, margin=0.35, n=120, levels=25):
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
        ("gradient_part", look_ahead, w_new, "tab:orange", rf"$-\epsilon\nabla f({where_text})$"),
        ("step", w, w_new, "tab:red", r"$v^{(k+1)}$"),
    ]
    centroid = points.mean(axis=0)
    for gid, start, end, color, text in arrows:
        arrow = ax.annotate(
            "",
            xy=end,
            xytext=start,
            zorder=5,
            arrowprops=dict(
                arrowstyle="-|>", color=color, lw=2.2, shrinkA=0, shrinkB=0, mutation_scale=14
            ),
        )
        arrow.set_gid(gid)
        direction = end - start
        length = float(np.hypot(*direction))
        normal = np.array([-direction[1], direction[0]]) / length if length else np.zeros(2)
        middle = (start + end) / 2
        # labels go outside the triangle the three arrows make
        outward = normal if np.dot(normal, middle - centroid) >= 0 else -normal
        ha = "left" if outward[0] > 0.3 else "right" if outward[0] < -0.3 else "center"
        va = "bottom" if outward[1] > 0.3 else "top" if outward[1] < -0.3 else "center"
        ax.annotate(
            text,
            xy=middle,
            xytext=6 * outward,
            textcoords="offset points",
            color=color,
            fontsize=10,
            zorder=6,
            ha=ha,
            va=va,
        )
    ax.plot(*w, "o", color="k", markersize=6, zorder=7)
    ax.text(*w, "$w^{(k)}$  ", ha="right", va="top", zorder=7)
    ax.plot(
        *look_ahead,
        "o",
        markerfacecolor="white" if not nesterov else "tab:blue",
        markeredgecolor="tab:blue",
        markersize=7,
        zorder=7,
    )
    if nesterov:
        ax.text(
            *look_ahead,
            r"$w^{(k)}+\alpha v^{(k)}$  ",
            color="tab:blue",
            ha="right",
            va="top",
            zorder=7,
        )
    ax.plot(*w_new, "X", color="tab:red", markersize=9, zorder=7)
    ax.text(*w_new, "  $w^{(k+1)}$", color="tab:red", va="bottom", zorder=7)
    ax.set(xlim=(xs[0], xs[-1]), ylim=(ys[0], ys[-1]), xlabel="$x$", ylabel="$y$")
    ax.set_aspect("equal", adjustable="box")
    return ax
