"""Plotly figures: 3D surfaces with paths, animations of paths, and showing them offline."""

from __future__ import annotations

import numpy as np

from .. import _validate
from ._common import PATH_COLORS, _function_2d, _paths_2d


def surface_3d(
    f, paths=None, n=60, lift=0.0, colorscale="Viridis", opacity=0.9, title=None, height=500
):
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

    from ..webfont import apply_to_plotly

    apply_to_plotly()  # Hangul in the course web font (the template cu.setup() defers)
    X, Y = f.grid(n)
    fig = go.Figure(
        go.Surface(
            x=X,
            y=Y,
            z=f(X, Y),
            colorscale=colorscale,
            opacity=opacity,
            showscale=False,
            name="f(x, y)",
        )
    )
    for (label, path), color in zip(paths.items(), PATH_COLORS * 4):
        z = f.loss(path) + lift
        fig.add_trace(
            go.Scatter3d(
                x=path[:, 0],
                y=path[:, 1],
                z=z,
                mode="lines+markers",
                name=label,
                legendgroup=label,
                line=dict(color=color, width=6),
                marker=dict(size=2.5, color=color),
            )
        )
        # same legend group: hiding a path in the legend hides its start/end marks too
        fig.add_trace(
            go.Scatter3d(
                x=[path[0, 0], path[-1, 0]],
                y=[path[0, 1], path[-1, 1]],
                z=[z[0], z[-1]],
                mode="markers",
                showlegend=False,
                legendgroup=label,
                marker=dict(size=[6, 7], symbol=["circle-open", "diamond"], color=color),
            )
        )
    fig.update_layout(
        title=title or f"f(x, y) = {f.text or f.latex}",
        height=height,
        margin=dict(l=0, r=0, t=40, b=0),
        scene=dict(xaxis_title="x", yaxis_title="y", zaxis_title="f(x, y)"),
    )
    return fig


def _frame_ends(n_points, n_frames):
    """Indices k of the last iterate shown in each frame: 0 … n_points − 1, evenly."""
    return np.unique(np.round(np.linspace(0, n_points - 1, n_frames)).astype(int))


def animate_paths_2d(
    f, paths, n_frames=40, log_scale=False, n=80, title=None, height=480, frame_ms=80
):
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

    from ..webfont import apply_to_plotly

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
        fig.add_trace(
            go.Scatter(
                x=joined[:, 0],
                y=joined[:, 1],
                mode="lines",
                showlegend=False,
                line=dict(color=color, width=1),
                hoverinfo="skip",
                name="contour",
            )
        )
    if f.minima:  # the known minima as stars
        x_star, y_star = np.asarray(f.minima, dtype=float).T
        fig.add_trace(
            go.Scatter(
                x=x_star,
                y=y_star,
                mode="markers",
                showlegend=False,
                marker=dict(symbol="star", size=14, color="#d62728"),
                hoverinfo="skip",
            )
        )
    colors = dict(zip(arrays, PATH_COLORS * 4))
    for label, path in arrays.items():  # faint complete paths
        fig.add_trace(
            go.Scatter(
                x=path[:, 0],
                y=path[:, 1],
                mode="lines",
                showlegend=False,
                line=dict(color=colors[label], width=1.5),
                opacity=0.45,
                hoverinfo="skip",
            )
        )
    first = len(fig.data)
    for label, path in arrays.items():  # the animated paths start at x₀
        fig.add_trace(
            go.Scatter(
                x=path[:1, 0],
                y=path[:1, 1],
                mode="lines+markers",
                name=label,
                line=dict(color=colors[label], width=2.5),
                marker=dict(size=5, color=colors[label]),
            )
        )
    animated = list(range(first, len(fig.data)))
    longest = max(len(path) for path in arrays.values())
    frames, steps = [], []
    for k in _frame_ends(longest, n_frames):
        data = [
            go.Scatter(x=np.round(path[: k + 1, 0], 4), y=np.round(path[: k + 1, 1], 4))
            for path in arrays.values()
        ]
        frames.append(go.Frame(data=data, traces=animated, name=str(k)))
        steps.append(
            dict(
                method="animate",
                label=str(k),
                args=[
                    [str(k)],
                    dict(
                        mode="immediate",
                        frame=dict(duration=0, redraw=False),
                        transition=dict(duration=0),
                    ),
                ],
            )
        )
    fig.frames = frames
    play = dict(
        frame=dict(duration=frame_ms, redraw=False),
        transition=dict(duration=0),
        fromcurrent=True,
        mode="immediate",
    )
    pause = dict(
        frame=dict(duration=0, redraw=False), transition=dict(duration=0), mode="immediate"
    )
    (x_min, x_max), (y_min, y_max) = f.domain
    fig.update_layout(
        title=title or f"f(x, y) = {f.text or f.latex}",
        height=height,
        margin=dict(l=50, r=20, t=50, b=40),
        xaxis=dict(range=[x_min, x_max], title="x"),
        yaxis=dict(range=[y_min, y_max], title="y"),
        legend=dict(orientation="h", y=-0.32),
        updatemenus=[
            dict(
                type="buttons",
                direction="left",
                x=0.0,
                y=-0.12,
                xanchor="left",
                yanchor="top",
                showactive=False,
                buttons=[
                    dict(label="▶", method="animate", args=[None, play]),
                    dict(label="❚❚", method="animate", args=[[None], pause]),
                ],
            )
        ],
        sliders=[
            dict(
                active=0,
                steps=steps,
                x=0.12,
                y=-0.05,
                len=0.88,
                xanchor="left",
                yanchor="top",
                currentvalue=dict(prefix="반복 k = ", font=dict(size=13)),
                font=dict(size=8),
                pad=dict(t=0, b=0),
            )
        ],
    )
    return fig


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
        _validate.fail(
            "fig", fig, "plotly Figure여야 합니다 (예: cu.plots.surface_3d(...)가 돌려준 값)."
        )
    bundle = {
        "application/vnd.plotly.v1+json": json.loads(pio.to_json(fig, validate=False)),
        "text/plain": f"<plotly Figure: {len(fig.data)} traces>",
    }
    display(bundle, raw=True)
