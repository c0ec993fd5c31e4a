"""Interactive explorers: sliders that redraw a figure in place.

An :class:`Explorer` owns one matplotlib ``Figure`` (not a pyplot figure, so
nothing is shown twice) and re-renders it to a PNG inside an
``ipywidgets.Image`` when a slider moves: the artists are updated, not
re-created, which keeps a redraw well under 100 ms. ``explorer.update(...)``
does the same from code (the values are clamped to the sliders' ranges), which
is how the tests and the benchmark time a redraw.
"""

from __future__ import annotations

import io
import time

import numpy as np
import PIL.Image

from . import _validate
from .functions import QUADRATIC
from .optimizers import SGD, optimize
from .plots import signed

RENDER_DPI = 110


class Explorer:
    """Sliders plus a figure that ``draw`` updates.

    Parameters
    ----------
    fig : matplotlib.figure.Figure
        The figure to re-render (make it with ``matplotlib.figure.Figure``).
    controls : dict
        ``{name: ipywidgets slider}``; ``draw`` receives the values by name.
    draw : callable
        ``draw(**values)`` updates the figure's artists.
    """

    def __init__(self, fig, controls, draw):
        import ipywidgets as widgets

        from matplotlib.backends.backend_agg import FigureCanvasAgg

        self.fig = fig
        fig.set_dpi(RENDER_DPI)
        self._canvas = FigureCanvasAgg(fig)
        self.controls = dict(controls)
        self._draw = draw
        self.image = widgets.Image(format="png")
        self.last_redraw_seconds = None
        for control in self.controls.values():
            control.observe(self._on_change, names="value")
        self.widget = widgets.VBox(
            [widgets.HBox(list(self.controls.values())), self.image]
        )
        self.redraw()

    def values(self):
        """The current slider values, as a dict."""
        return {name: control.value for name, control in self.controls.items()}

    def _on_change(self, _change):
        self.redraw()

    def redraw(self):
        """Redraw the figure from the current values; returns the seconds it took."""
        start = time.perf_counter()
        self._draw(**self.values())
        self._canvas.draw()
        # Lay out once, then keep the axes where they are: re-running the
        # layout engine on every slider move would cost more than the drawing.
        self.fig.set_layout_engine("none")
        buffer = io.BytesIO()
        # Fast PNG compression: the image only travels to the browser.
        PIL.Image.fromarray(np.asarray(self._canvas.buffer_rgba())).save(
            buffer, format="png", compress_level=1
        )
        self.image.value = buffer.getvalue()
        self.last_redraw_seconds = time.perf_counter() - start
        return self.last_redraw_seconds

    def update(self, **values):
        """Set slider values from code (clamped to their ranges) and redraw once.

        Parameters
        ----------
        **values
            ``name=value`` for some of the controls.

        Returns
        -------
        float
            Seconds the redraw took.
        """
        for name, value in values.items():
            _validate.choice("name", name, tuple(self.controls))
            control = self.controls[name]
            value = _validate.real_number(name, value)
            control.unobserve(self._on_change, names="value")
            control.value = min(max(value, control.min), control.max)
            control.observe(self._on_change, names="value")
        return self.redraw()

    def _repr_mimebundle_(self, **kwargs):
        return self.widget._repr_mimebundle_(**kwargs)


def _slider(kind, description, value, low, high, step):
    import ipywidgets as widgets

    cls = widgets.IntSlider if kind == "int" else widgets.FloatSlider
    value = min(max(value, low), high)
    return cls(value=value, min=low, max=high, step=step, description=description,
               continuous_update=True, style={"description_width": "initial"},
               layout=widgets.Layout(width="260px"))


def gd_explorer(f=QUADRATIC, lr=0.2, x0=4.0, steps=10, lr_range=(0.01, 1.2), x0_range=None,
                max_steps=50):
    """Gradient descent on a 1D function: ε, x₀ and steps → path and loss curve.

    Parameters
    ----------
    f : Function1D, default ``functions.QUADRATIC``
        The function.
    lr : float, default 0.2
        Initial learning rate ε.
    x0 : float, default 4.0
        Initial starting point.
    steps : int, default 10
        Initial number of steps.
    lr_range : tuple of float, default (0.01, 1.2)
        Slider range of ε.
    x0_range : tuple of float, optional
        Slider range of x₀; default ``f.domain``.
    max_steps : int, default 50
        Upper end of the steps slider.

    Returns
    -------
    Explorer
    """
    from matplotlib.figure import Figure
    from matplotlib.ticker import LogLocator, NullLocator

    x0_range = f.domain if x0_range is None else x0_range
    controls = {
        "lr": _slider("float", "학습률 ε", lr, *lr_range, 0.01),
        "x0": _slider("float", "시작점 x₀", x0, *x0_range, 0.05),
        "steps": _slider("int", "반복 횟수", steps, 1, max_steps, 1),
    }
    fig = Figure(figsize=(8, 3.2), layout="constrained")
    ax_path, ax_loss = fig.subplots(1, 2)
    xs = f.grid()
    ax_path.plot(xs, f(xs))
    ax_path.plot(f.minima[0], f(f.minima[0]), marker="s", color="tab:orange", linestyle="none")
    (path_line,) = ax_path.plot([], [], "o-", color="k", markersize=4, linewidth=0.8)
    (start_point,) = ax_path.plot([], [], "o", color="tab:red", markersize=7)
    status = ax_path.text(0.02, 0.95, "", transform=ax_path.transAxes, va="top")
    pad = 0.03 * (f.domain[1] - f.domain[0])  # so a start at the domain's edge is not cut
    ax_path.set(xlim=(f.domain[0] - pad, f.domain[1] + pad), xlabel="$x$", ylabel="$f(x)$",
                title=f.title)
    f_min = float(f(f.minima[0]))
    (loss_line,) = ax_loss.plot([], [], "o-", markersize=3)
    gap_floor, gap_ceiling = 1e-12, 1e4  # fixed, so the layout never has to change
    ax_loss.set(yscale="log", ylim=(gap_floor, gap_ceiling), xlabel="반복 k",
                ylabel="$f(x_k) - f(x^*)$", title="최솟값까지 남은 손실")
    # Few ticks, no minor ones: tick labels are most of the cost of a redraw.
    ax_loss.yaxis.set_major_locator(LogLocator(numticks=5))
    ax_loss.yaxis.set_minor_locator(NullLocator())
    y_low, y_high = f(xs).min(), f(xs).max()
    ax_path.set_ylim(y_low - 0.05 * (y_high - y_low), y_high + 0.05 * (y_high - y_low))

    def draw(lr, x0, steps):
        path = np.asarray(optimize(f.gradient, x0, SGD(lr=lr), int(steps)))
        path_line.set_data(path, f(path))
        start_point.set_data([path[0]], [f(path[0])])
        gap = np.clip(f(path) - f_min, gap_floor, gap_ceiling)
        loss_line.set_data(np.arange(len(gap)), gap)
        ax_loss.set_xlim(-0.5, steps + 0.5)
        step_sizes = np.abs(np.diff(path))
        if len(path) < steps + 1:
            status.set_text(f"발산! ({len(path)}번째 반복에서 중단)")
        elif len(step_sizes) > 1 and step_sizes[-1] > step_sizes[0] * (1 + 1e-9):
            status.set_text("발산하는 중! (보폭이 커짐)")
        elif len(step_sizes) > 1 and step_sizes[-1] > 0 and np.isclose(step_sizes[-1], step_sizes[0]):
            status.set_text("진동 중 (보폭이 줄지 않음)")
        else:
            status.set_text(f"$x_{{{len(path) - 1}}}$ = {signed(path[-1])}")

    return Explorer(fig, controls, draw)


def secant_explorer(f=QUADRATIC, x0=3.0, h=1.0, h_range=(0.01, 1.5), x0_range=None):
    """Secant → tangent: as h shrinks, the secant slope (f(x₀+h) − f(x₀)) / h → f′(x₀).

    The left panel shows the curve, the secant through (x₀, f(x₀)) and
    (x₀ + h, f(x₀ + h)) with its run h and rise, and the tangent at x₀; the
    right panel shows the secant slope as a function of h, approaching the
    tangent slope f′(x₀) (dashed) as h → 0. Both panels keep fixed axes.

    Parameters
    ----------
    f : Function1D, default ``functions.QUADRATIC``
        The function; ``f.derivative`` gives the tangent slope.
    x0 : float, default 3.0
        Initial point of tangency x₀ (clamped to ``x0_range``).
    h : float, default 1.0
        Initial step h > 0 (clamped to ``h_range``).
    h_range : tuple of float, default (0.01, 1.5)
        Slider range of h; both ends > 0.
    x0_range : tuple of float, optional
        Slider range of x₀; default ``f.domain``.

    Returns
    -------
    Explorer
        Controls ``"h"`` and ``"x0"``.
    """
    from matplotlib.figure import Figure
    from matplotlib.ticker import MaxNLocator

    from .calculus import derivative

    x0 = _validate.real_number("x0", x0)
    h = _validate.positive("h", h)
    h_low, h_high = _validate.interval("h_range", h_range, _validate.positive)
    x0_low, x0_high = _validate.interval("x0_range", f.domain if x0_range is None else x0_range)
    controls = {
        "h": _slider("float", "간격 h", h, h_low, h_high, min(0.01, (h_high - h_low) / 100)),
        "x0": _slider("float", "접점 x₀", x0, x0_low, x0_high, 0.05),
    }

    fig = Figure(figsize=(8.4, 3.4), layout="constrained")
    ax_curve, ax_slope = fig.subplots(1, 2)

    # Left: wide enough that x₀ + h stays in view for every slider position.
    xs = np.linspace(min(f.domain[0], x0_low), max(f.domain[1], x0_high + h_high), 300)
    ys = f(xs)
    margin = 0.08 * (ys.max() - ys.min())
    x_ends = xs[[0, -1]]
    ax_curve.plot(xs, ys, color="tab:blue", linewidth=2)
    (secant_line,) = ax_curve.plot([], [], color="tab:red", linewidth=1.6, label="할선")
    (tangent_line,) = ax_curve.plot([], [], color="k", linestyle="--", linewidth=1.2,
                                    label="접선")
    (run_rise,) = ax_curve.plot([], [], color="tab:gray", linestyle=":", linewidth=1.2)
    (base_point,) = ax_curve.plot([], [], "o", color="k", markersize=6, zorder=4)
    (moving_point,) = ax_curve.plot([], [], "o", color="tab:red", markersize=6, zorder=4)
    ax_curve.set(xlim=x_ends, ylim=(ys.min() - margin, ys.max() + margin), xlabel="$x$",
                 ylabel="$f(x)$", title=f.title)

    # Right: the secant slope against h. Its y-range is computed once over every
    # slider position, so the axes never move.
    hs = np.linspace(h_low, h_high, 120)
    x0_grid = np.linspace(x0_low, x0_high, 41)[:, None]
    all_slopes = (f(x0_grid + hs) - f(x0_grid)) / hs
    slope_of = getattr(f, "derivative", None) or (lambda x: derivative(f, x))
    all_tangents = slope_of(x0_grid)
    low = min(all_slopes.min(), all_tangents.min())
    high = max(all_slopes.max(), all_tangents.max())
    pad = 0.08 * (high - low) if high > low else 1.0
    (slope_curve,) = ax_slope.plot([], [], color="tab:red", linewidth=1.6)
    limit_line = ax_slope.axhline(0.0, color="k", linestyle="--", linewidth=1.2)
    (slope_marker,) = ax_slope.plot([], [], "o", color="tab:red", markersize=7, zorder=4)
    ax_slope.set(xlim=(0, 1.04 * h_high), ylim=(low - pad, high + pad), xlabel="간격 h",
                 ylabel="기울기", title="h → 0 이면 할선 기울기 → f′(x₀)")
    # One legend for both panels, outside the data: red is the secant (and its
    # slope), dashed black the tangent (and f′(x₀)).
    fig.legend(handles=[secant_line, tangent_line],
               labels=["할선과 그 기울기 (f(x₀+h) − f(x₀)) / h", "접선과 그 기울기 f′(x₀)"],
               loc="outside lower center", ncol=2, fontsize=9)
    readout = fig.suptitle("", fontsize=10)
    # Few ticks: tick labels are most of the cost of a redraw.
    for ax in (ax_curve, ax_slope):
        ax.xaxis.set_major_locator(MaxNLocator(5))
        ax.yaxis.set_major_locator(MaxNLocator(4))

    def draw(h, x0):
        y0, y1 = float(f(x0)), float(f(x0 + h))
        secant_slope = (y1 - y0) / h
        tangent_slope = float(slope_of(x0))
        secant_line.set_data(x_ends, y0 + secant_slope * (x_ends - x0))
        tangent_line.set_data(x_ends, y0 + tangent_slope * (x_ends - x0))
        run_rise.set_data([x0, x0 + h, x0 + h], [y0, y0, y1])
        base_point.set_data([x0], [y0])
        moving_point.set_data([x0 + h], [y1])
        slope_curve.set_data(hs, (f(x0 + hs) - y0) / hs)
        slope_marker.set_data([h], [secant_slope])
        limit_line.set_ydata([tangent_slope, tangent_slope])
        readout.set_text(
            f"h = {signed(h, '.3f')},  x₀ = {signed(x0, '.3f')}:   할선 기울기 {signed(secant_slope)},   "
            f"접선 기울기 {signed(tangent_slope)},   차이 {signed(secant_slope - tangent_slope)}"
        )

    return Explorer(fig, controls, draw)


def basin_explorer(f=None, x0=2.5, lr=0.25, x0_range=None, lr_range=(0.01, 2.5), n_iter=100,
                   shown_steps=30, resolution=(240, 160)):
    """Where does gradient descent end? x₀ and ε → the path, next to the basin map.

    The left panel shows the first ``shown_steps`` iterates of gradient
    descent on the curve and, in words, where the run is after ``n_iter``
    updates (a known minimum, not arrived, or diverged, as
    :func:`course_utils.landscapes.classify_endpoints` decides). The right
    panel is the basin map over (x₀, ε), computed once, with the current
    (x₀, ε) marked on it.

    Parameters
    ----------
    f : Function1D, optional
        The function; default ``functions.X_SIN_X``.
    x0 : float, default 2.5
        Initial starting point x₀ (clamped to ``x0_range``).
    lr : float, default 0.25
        Initial learning rate ε (clamped to ``lr_range``).
    x0_range : tuple of float, optional
        Slider range of x₀ and x-range of the map; default ``f.domain``.
    lr_range : tuple of float, default (0.01, 2.5)
        Slider range of ε and ε-range of the map; both ends > 0.
    n_iter : int, default 100
        Updates per run, for the verdict and the map.
    shown_steps : int, default 30
        Iterates drawn on the curve (the verdict still uses ``n_iter``).
    resolution : tuple of int, default (240, 160)
        Map pixels along x₀ and ε. The default keeps x₀ = 0, a minimum of
        x·sin x, off the grid: a run started exactly at a minimum stays there
        for every ε and would show as a one-pixel line.

    Returns
    -------
    Explorer
        Controls ``"x0"`` and ``"lr"``.
    """
    from matplotlib.figure import Figure
    from matplotlib.ticker import MaxNLocator

    from . import landscapes
    from .functions import X_SIN_X

    f = X_SIN_X if f is None else f
    x0 = _validate.real_number("x0", x0)
    lr = _validate.positive("lr", lr)
    x0_low, x0_high = _validate.interval("x0_range", f.domain if x0_range is None else x0_range)
    lr_low, lr_high = _validate.interval("lr_range", lr_range, _validate.positive)
    n_iter = _validate.count("n_iter", n_iter, minimum=1)
    shown_steps = _validate.count("shown_steps", shown_steps, minimum=1)
    try:
        n_x0, n_lr = resolution
    except (TypeError, ValueError):
        _validate.fail("resolution", resolution, "(x₀ 방향 개수, ε 방향 개수) 두 정수여야 합니다.")
    n_x0 = _validate.count("resolution", n_x0, minimum=2)
    n_lr = _validate.count("resolution", n_lr, minimum=2)
    controls = {
        "x0": _slider("float", "시작점 x₀", x0, x0_low, x0_high, 0.01),
        "lr": _slider("float", "학습률 ε", lr, lr_low, lr_high, 0.005),
    }

    fig = Figure(figsize=(8.8, 3.3), layout="constrained")
    ax_path, ax_map = fig.subplots(1, 2, width_ratios=(1, 1.2))

    # Left: the curve over the slider range, with fixed limits (points outside stay out).
    xs = np.linspace(x0_low, x0_high, 300)
    ys = f(xs)
    margin = 0.08 * (ys.max() - ys.min())
    ax_path.plot(xs, ys, color="0.55", linewidth=1.5)
    names = landscapes.outcome_names(f.minima)
    colors = landscapes.outcome_colors(len(f.minima))
    for label, x_min in enumerate(f.minima):
        ax_path.plot(x_min, f(x_min), marker="*", markersize=13, color=colors[label],
                     markeredgecolor="k", linestyle="none", zorder=5)
    (path_line,) = ax_path.plot([], [], "o-", color="k", markersize=3, linewidth=0.7, zorder=4)
    (start_point,) = ax_path.plot([], [], "o", color="tab:red", markersize=7, zorder=6)
    status = ax_path.text(0.02, 0.97, "", transform=ax_path.transAxes, va="top",
                          fontsize="small", bbox=dict(facecolor="white", alpha=0.85,
                                                      edgecolor="none"))
    ax_path.set(xlim=(x0_low, x0_high), ylim=(ys.min() - margin, ys.max() + 2.5 * margin),
                xlabel="x", ylabel="f(x)")
    # Titles as plain text: an axes title is re-positioned (costly) on every draw.
    ax_path.text(0.5, 1.02, f.title, transform=ax_path.transAxes, ha="center")

    # Right: the map, computed once for the whole slider range.
    ends = landscapes.gd_endpoints(f, np.linspace(x0_low, x0_high, n_x0),
                                   np.linspace(lr_low, lr_high, n_lr), n_iter)
    # No legend (the verdict on the left names the outcome; the notebook shows
    # the legend): text is most of the cost of a redraw.
    landscapes.plot_basin_map(f, ends, ax=ax_map, legend=False)
    ax_map.text(0.5, 1.02, f"{n_iter}번 반복 후 도착지 (빨간 원: 현재 x₀, ε)",
                transform=ax_map.transAxes, ha="center")
    for ax in (ax_path, ax_map):
        ax.xaxis.set_major_locator(MaxNLocator(5))
        ax.yaxis.set_major_locator(MaxNLocator(5))
    (here,) = ax_map.plot([], [], marker="o", markersize=9, markerfacecolor="none",
                          markeredgecolor="tab:red", markeredgewidth=2, linestyle="none")

    def draw(x0, lr):
        path = optimize(f.gradient, x0, SGD(lr=lr), n_iter)
        shown = np.asarray(path[: shown_steps + 1])
        path_line.set_data(shown, f(shown))
        start_point.set_data([x0], [f(x0)])
        here.set_data([x0], [lr])
        label = int(landscapes.classify_endpoints(
            landscapes.gd_endpoints(f, x0, lr, n_iter), f.minima)[()])
        if path.diverged:
            verdict = f"발산 ({len(path)}번째 갱신에서 |x| > 10⁸, 중단)"
        else:
            final = signed(path.final)
            verdict = f"{names[label]}" if label >= 0 else f"{names[label]} (x = {final})"
        status.set_text(f"x₀ = {signed(x0, '.2f')}, ε = {lr:.3f}\n{n_iter}번 후: {verdict}")

    return Explorer(fig, controls, draw)


def momentum_explorer(f=None, lr=0.05, alpha=0.9, w0=(-9.0, 2.0), steps=100,
                      lr_range=(0.005, 0.5), alpha_range=(0.0, 0.99)):
    """Momentum and Nesterov on a 2D function: ε and α → both paths and loss curves.

    Parameters
    ----------
    f : Function2D, optional
        The function; default ``functions.ILL_CONDITIONED`` (0.1x² + 2y², a ravine).
    lr : float, default 0.05
        Initial learning rate ε.
    alpha : float, default 0.9
        Initial momentum α.
    w0 : array_like, default (-9.0, 2.0)
        Starting point w⁽⁰⁾, shape ``(2,)``.
    steps : int, default 100
        Number of updates of each run.
    lr_range : tuple of float, default (0.005, 0.5)
        Slider range of ε (both ends > 0).
    alpha_range : tuple of float, default (0.0, 0.99)
        Slider range of α (inside [0, 1)).

    Returns
    -------
    Explorer
    """
    from matplotlib.figure import Figure
    from matplotlib.ticker import LogLocator, MaxNLocator, NullLocator

    from .functions import ILL_CONDITIONED
    from .optimizers import Momentum, Nesterov

    f = ILL_CONDITIONED if f is None else f
    w0 = _validate.finite_array("w0", w0)
    _validate.same_shape("w0", w0, (2,))
    steps = _validate.count("steps", steps, minimum=1)
    lr_low, lr_high = _validate.interval("lr_range", lr_range, _validate.positive)
    alpha_low, alpha_high = _validate.interval("alpha_range", alpha_range,
                                                _validate.unit_interval)
    controls = {
        "lr": _slider("float", "학습률 ε", _validate.positive("lr", lr), lr_low, lr_high,
                      0.005),
        "alpha": _slider("float", "모멘텀 α", _validate.unit_interval("alpha", alpha),
                         alpha_low, alpha_high, 0.01),
    }

    fig = Figure(figsize=(8.6, 3.3), layout="constrained")
    ax_path, ax_loss = fig.subplots(1, 2, width_ratios=[1.25, 1])
    # A coarse grid and few levels: the contour is redrawn on every slider move.
    X, Y = f.grid(80)
    ax_path.contour(X, Y, f(X, Y), levels=15, cmap="viridis", linewidths=0.6)
    for x_min, y_min in f.minima:
        ax_path.plot(x_min, y_min, marker="*", color="tab:red", markersize=11,
                     linestyle="none")
    ax_path.plot(*w0, "o", markersize=7, markerfacecolor="white", markeredgecolor="k")
    runs = {"Momentum": (Momentum, "tab:red"), "Nesterov": (Nesterov, "tab:blue")}
    path_lines, loss_lines = {}, {}
    for name, (_, color) in runs.items():
        (path_lines[name],) = ax_path.plot([], [], "o-", color=color, markersize=2,
                                           linewidth=1.0, label=name)
        (loss_lines[name],) = ax_loss.plot([], [], color=color, linewidth=1.2, label=name)
    (x_min, x_max), (y_min, y_max) = f.domain
    ax_path.set(xlim=(x_min, x_max), ylim=(y_min, y_max), xlabel="$x$", ylabel="$y$")
    # Titles and legends as plain text: placing a real title or legend measures every
    # tick label on each redraw, which costs more than the paths themselves.
    ax_path.text(0.5, 1.02, f.title, transform=ax_path.transAxes, ha="center", va="bottom")
    for i, (name, (_, color)) in enumerate(runs.items()):
        ax_path.text(0.98, 0.96 - 0.08 * i, name, color=color, transform=ax_path.transAxes,
                     ha="right", va="top", fontsize=9, fontweight="bold")
    ax_path.xaxis.set_major_locator(MaxNLocator(5))
    ax_path.yaxis.set_major_locator(MaxNLocator(4))
    status = ax_path.text(0.02, 0.03, "", transform=ax_path.transAxes, fontsize=9,
                          bbox=dict(facecolor="white", alpha=0.8, edgecolor="none"))
    f_min = float(f.loss(np.asarray(f.minima[0]))) if f.minima else 0.0
    gap_floor, gap_ceiling = 1e-12, 1e4  # fixed, so the layout never has to change
    ax_loss.set(yscale="log", xlim=(0, steps), ylim=(gap_floor, gap_ceiling),
                xlabel="반복 k", ylabel="$f(w_k) - f(w^*)$")
    ax_loss.text(0.5, 1.02, "손실 (로그 눈금)", transform=ax_loss.transAxes, ha="center",
                 va="bottom")
    ax_loss.xaxis.set_major_locator(MaxNLocator(5))
    ax_loss.yaxis.set_major_locator(LogLocator(numticks=5))
    ax_loss.yaxis.set_minor_locator(NullLocator())

    def draw(lr, alpha):
        report = []
        for name, (optimizer, _) in runs.items():
            path = optimize(f.gradient, w0, optimizer(lr=lr, alpha=alpha), steps)
            points = np.asarray(path)
            path_lines[name].set_data(points[:, 0], points[:, 1])
            gap = np.clip(f.loss(points) - f_min, gap_floor, gap_ceiling)
            loss_lines[name].set_data(np.arange(len(gap)), gap)
            if path.diverged:
                report.append(f"{name}: 발산 ({path.n_steps}번째 반복에서 중단)")
            else:
                report.append(f"{name}: {steps}번 후 손실 {signed(gap[-1], '.1e')}")
        status.set_text(f"ε = {lr:.3f}, α = {alpha:.2f}\n" + "\n".join(report))

    return Explorer(fig, controls, draw)
