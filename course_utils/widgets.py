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
    ax_path.set(xlim=f.domain, xlabel="$x$", ylabel="$f(x)$", title=f.title)
    x_star = f.minima[0]
    f_min = float(f(x_star))
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
        if len(path) < steps + 1:
            status.set_text(f"발산! ({len(path)}번째 반복에서 중단)")
        elif abs(path[-1] - x_star) > abs(path[0] - x_star):
            status.set_text("발산하는 중! (최솟값에서 멀어짐)")
        else:
            status.set_text(f"$x_{{{len(path) - 1}}}$ = {path[-1]:.4f}")

    return Explorer(fig, controls, draw)
