"""Interactive explorers: sliders that redraw a figure in place.

An :class:`Explorer` owns one matplotlib ``Figure`` (not a pyplot figure, so
nothing is shown twice) and re-renders it to a PNG inside an
``ipywidgets.Image`` when a slider moves: the artists are updated, not
re-created, which keeps a redraw well under 100 ms. ``explorer.update(...)``
does the same from code (the values are clamped to the sliders' ranges), which
is how the tests and the benchmark time a redraw.
"""

from __future__ import annotations

import base64
import io
import time
from decimal import Decimal

import numpy as np
import PIL.Image

from . import _validate
from .functions import QUADRATIC
from .optimizers import SGD, optimize
from .plots import signed

RENDER_DPI = 110
RERUN_HINT = (
    "탐색기: 저장된 그림은 마지막 상태입니다. 슬라이더를 움직이려면 이 셀을 다시 실행하세요 "
    "(Run 메뉴 → Run All Cells)."
)


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
        # cu.setup("talk") enlarges figures through figure.dpi; explorers follow it
        import matplotlib as mpl

        from .style import BASE_DPI

        fig.set_dpi(RENDER_DPI * mpl.rcParams["figure.dpi"] / BASE_DPI)
        self._canvas = FigureCanvasAgg(fig)
        self.controls = dict(controls)
        self._draw = draw
        self.image = widgets.Image(format="png")
        self.last_redraw_seconds = None
        for control in self.controls.values():
            control.observe(self._on_change, names="value")
        self.widget = widgets.VBox([widgets.HBox(list(self.controls.values())), self.image])
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
        # The live widget, plus a picture of its current state and a one-line hint:
        # a saved, reopened or converted notebook (nbconvert, the static site) has no
        # kernel to talk to, and shows the picture instead of an empty cell.
        bundle = self.widget._repr_mimebundle_(**kwargs)
        bundle["image/png"] = base64.b64encode(self.saved_picture()).decode("ascii")
        bundle["text/plain"] = RERUN_HINT
        return bundle

    def saved_picture(self):
        """PNG of the current state with the re-run hint written under it (for saved copies)."""
        from PIL import ImageDraw, ImageFont

        from .style import FONT_DIR

        image = PIL.Image.open(io.BytesIO(self.image.value)).convert("RGB")
        font = ImageFont.truetype(
            str(FONT_DIR / "NanumGothic.ttf"), size=max(12, image.width // 70)
        )
        pad = font.size // 2
        canvas = PIL.Image.new("RGB", (image.width, image.height + font.size + 2 * pad), "white")
        canvas.paste(image, (0, 0))
        ImageDraw.Draw(canvas).text(
            (pad, image.height + pad), "▶ " + RERUN_HINT, fill=(90, 90, 90), font=font
        )
        buffer = io.BytesIO()
        canvas.save(buffer, format="png", compress_level=1)
        return buffer.getvalue()


def _readout_format(step):
    """A slider readout with as many decimals as its step (0.005 → ".3f", not "0.08" for 0.075)."""
    exponent = Decimal(repr(float(step))).normalize().as_tuple().exponent
    return f".{max(0, -exponent)}f"


def _slider(kind, description, value, low, high, step):
    import ipywidgets as widgets

    cls = widgets.IntSlider if kind == "int" else widgets.FloatSlider
    value = min(max(value, low), high)
    options = {} if kind == "int" else {"readout_format": _readout_format(step)}
    return cls(
        value=value,
        min=low,
        max=high,
        step=step,
        description=description,
        continuous_update=True,
        style={"description_width": "initial"},
        layout=widgets.Layout(width="260px"),
        **options,
    )


def _step_for(low, high):
    """A round slider step, about a hundredth of the range (1, 2 or 5 × 10ᵏ)."""
    raw = (high - low) / 100
    power = 10.0 ** np.floor(np.log10(raw))
    return float(min((factor * power for factor in (1, 2, 5)), key=lambda step: abs(step - raw)))


def _number(x):
    """A parameter value for figure text: 4 significant digits, the true minus sign."""
    return signed(float(x), ".4g")


def _subscript(k):
    return str(k).translate(_SUBSCRIPTS)


_SUBSCRIPTS = str.maketrans("0123456789", "₀₁₂₃₄₅₆₇₈₉")


def _figure(figsize):
    """A matplotlib Figure (not pyplot) whose text renders Hangul, setup() or not."""
    from matplotlib.figure import Figure

    from .style import use_korean_fallback

    use_korean_fallback()
    return Figure(figsize=figsize, layout="constrained")


def _function_1d(f):
    """A function of one variable with a derivative, a domain and known minima, checked."""
    if (
        not callable(f)
        or not callable(getattr(f, "derivative", None))
        or getattr(f, "ndim", 1) != 1
    ):
        _validate.fail(
            "f",
            f,
            "f(x)와 f.derivative(x)가 있는 일변수 함수 객체(예: "
            "cu.functions.QUADRATIC, cu.functions.Function1D(...))여야 합니다.",
        )
    _validate.interval("f.domain", getattr(f, "domain", None))
    minima = _validate.points("f.minima", getattr(f, "minima", ()))
    if minima.ndim > 1:
        _validate.fail("f.minima", f.minima, "최솟값 x 좌표들의 목록이어야 합니다.")
    xs = np.linspace(*f.domain, 9)
    for name, fn in (("f", f), ("f.derivative", f.derivative)):
        values = _validate.evaluate(name, fn, xs, arguments=("x",), shape=xs.shape, like="x")
        if not np.isfinite(values).all():
            _validate.fail(name, values.tolist(), f"정의역 {f.domain}에서 유한한 값이어야 합니다.")
    return f


GAP_RANGE = (1e-12, 1e4)  # the fixed log range of the loss panels (a fixed layout redraws fast)


class _LossPanel:
    """An explorer's loss axes with fixed limits that never hide a value's truth.

    With a known minimum f* it draws f(x_k) − f* on a log axis; without one,
    f(x_k) itself on a linear axis over ``value_range``. Values outside the
    fixed range are drawn at its edge *and* marked ▲ (above) or ▼ (below),
    with a note saying so, so a clipped run is not read as a plateau.
    """

    def __init__(self, ax, f_star, value_range, symbol="x"):
        from matplotlib.ticker import LogLocator, MaxNLocator, NullLocator

        self.ax, self.f_star, self.runs = ax, f_star, []
        if f_star is None:
            low, high = value_range
            pad = 0.05 * (high - low) if high > low else 1.0
            self.low, self.high = low - pad, high + pad
            ax.set(ylim=(self.low, self.high), ylabel=f"$f({symbol}_k)$")
            ax.yaxis.set_major_locator(MaxNLocator(5))
            self.limits = (_number(self.low), _number(self.high))
        else:
            self.low, self.high = GAP_RANGE
            ax.set(yscale="log", ylim=GAP_RANGE, ylabel=f"$f({symbol}_k) - f({symbol}^*)$")
            # Few ticks, no minor ones: tick labels are most of the cost of a redraw.
            ax.yaxis.set_major_locator(LogLocator(numticks=5))
            ax.yaxis.set_minor_locator(NullLocator())
            self.limits = ("10⁻¹²", "10⁴")
        self.note = ax.text(
            0.98,
            0.97,
            "",
            transform=ax.transAxes,
            ha="right",
            va="top",
            fontsize="small",
            color="0.25",
        )

    def add(self, color, **line_kw):
        """A new run's line (and its ▲/▼ marks) in ``color``; returns its index."""
        (line,) = self.ax.plot([], [], color=color, **line_kw)
        (above,) = self.ax.plot(
            [], [], "^", color=color, markersize=6, linestyle="none", markeredgecolor="k", zorder=5
        )
        (below,) = self.ax.plot(
            [], [], "v", color=color, markersize=6, linestyle="none", markeredgecolor="k", zorder=5
        )
        self.runs.append((line, above, below))
        return len(self.runs) - 1

    def show(self, losses_of):
        """Draw ``{index: f(x_k) for k = 0, 1, …}`` and update the note."""
        any_above = any_below = False
        for index, losses in losses_of.items():
            line, above, below = self.runs[index]
            values = np.asarray(losses, dtype=float)
            if self.f_star is not None:
                values = values - self.f_star
            k = np.arange(len(values))
            is_above, is_below = values > self.high, values < self.low
            line.set_data(k, np.clip(values, self.low, self.high))
            above.set_data(k[is_above], np.full(is_above.sum(), self.high))
            below.set_data(k[is_below], np.full(is_below.sum(), self.low))
            any_above |= bool(is_above.any())
            any_below |= bool(is_below.any())
        notes = []
        if any_above:
            notes.append(f"▲ {self.limits[1]}보다 큼 (잘려서 표시)")
        if any_below:
            below_text = (
                "10⁻¹²보다 작거나 f* 아래"
                if self.f_star is not None
                else f"{self.limits[0]}보다 작음"
            )
            notes.append(f"▼ {below_text} (잘려서 표시)")
        self.note.set_text("\n".join(notes))


def _verdict_1d(f, path, x0, lr, steps):
    """A true sentence about a 1D gradient-descent run (no guess about its future).

    Divergence by the package's rule; arrival at a known minimum as
    :func:`course_utils.landscapes.classify_endpoints` decides it (the rule of
    the basin maps); otherwise facts about the iterates shown: an exact
    two-point cycle, a loss that rose at every step, or the last step length.
    """
    from . import landscapes

    if path.diverged:
        return "발산: " + path.reason.replace("에서 ", "에서\n", 1)
    iterates = np.asarray(path)
    k = len(iterates) - 1
    last_step = float(iterates[-1] - iterates[-2])
    if len(f.minima):
        ends = landscapes.Endpoints(
            x0=np.array(x0),
            lr=np.array(lr),
            final=np.array(iterates[-1]),
            last_step=np.array(last_step),
            n_steps=np.array(k),
            diverged=np.array(False),
            n_iter=steps,
        )
        label = int(landscapes.classify_endpoints(ends, f.minima)[()])
        if label >= 0:
            return f"최솟값 x ≈ {signed(f.minima[label], '.4g')}에 도착"
    scale = max(1.0, float(np.max(np.abs(iterates[-3:]))))
    if k >= 2 and abs(iterates[-1] - iterates[-3]) <= 1e-9 * scale < abs(last_step):
        return f"진동: x{_subscript(k)} = x{_subscript(k - 2)} (두 점을 오감)"
    losses = f(iterates)
    if k >= 2 and np.all(np.diff(losses) > 0):
        return "손실이 매 걸음 커지는 중"
    return (
        f"최솟값에 아직 도착하지 않음\n(마지막 보폭 |x{_subscript(k)} − x{_subscript(k - 1)}| "
        f"= {signed(abs(last_step), '.3g')})"
    )


def gd_explorer(
    f=QUADRATIC, lr=0.2, x0=4.0, steps=10, lr_range=(0.01, 1.2), x0_range=None, max_steps=50
):
    """Gradient descent on a 1D function: ε, x₀ and steps → path and loss curve.

    The status text is a fact about the run shown: diverged (by the rule of
    :mod:`course_utils.optimizers`, with the update it happened at), arrived at
    a known minimum (the rule of the basin maps), a two-point cycle, a loss
    that rose at every step, or the last step length. The loss panel marks
    values beyond its fixed range with ▲/▼ instead of drawing a flat line.

    Parameters
    ----------
    f : Function1D, default ``functions.QUADRATIC``
        The function: ``f(x)``, ``f.derivative(x)``, ``f.domain`` and
        ``f.minima`` (the loss panel shows f(x_k) − f(x*) for the first minimum,
        or f(x_k) if ``f.minima`` is empty).
    lr : float, default 0.2
        Initial learning rate ε > 0 (clamped to ``lr_range``).
    x0 : float, default 4.0
        Initial starting point (clamped to ``x0_range``).
    steps : int, default 10
        Initial number of steps, ≥ 1 (clamped to ``max_steps``).
    lr_range : tuple of float, default (0.01, 1.2)
        Slider range of ε; both ends > 0.
    x0_range : tuple of float, optional
        Slider range of x₀; default ``f.domain``.
    max_steps : int, default 50
        Upper end of the steps slider, 1 … 10 000.

    Returns
    -------
    Explorer
        Controls ``"lr"``, ``"x0"`` and ``"steps"``.
    """
    from matplotlib.ticker import MaxNLocator

    f = _function_1d(f)
    lr = _validate.positive("lr", lr)
    x0 = _validate.real_number("x0", x0)
    steps = _validate.count("steps", steps, minimum=1)
    lr_low, lr_high = _validate.interval("lr_range", lr_range, _validate.positive)
    x0_low, x0_high = _validate.interval("x0_range", f.domain if x0_range is None else x0_range)
    max_steps = _validate.count("max_steps", max_steps, minimum=1, maximum=10_000)
    controls = {
        "lr": _slider(
            "float", "학습률 ε", lr, lr_low, lr_high, min(0.01, _step_for(lr_low, lr_high))
        ),
        "x0": _slider(
            "float", "시작점 x₀", x0, x0_low, x0_high, min(0.05, _step_for(x0_low, x0_high))
        ),
        "steps": _slider("int", "반복 횟수", steps, 1, max_steps, 1),
    }
    fig = _figure((8, 3.2))
    ax_path, ax_loss = fig.subplots(1, 2)
    # the curve over the domain and every start the slider allows
    low, high = min(f.domain[0], x0_low), max(f.domain[1], x0_high)
    xs = np.linspace(low, high, 200)
    ys = f(xs)
    ax_path.plot(xs, ys)
    if len(f.minima):
        ax_path.plot(f.minima[0], f(f.minima[0]), marker="s", color="tab:orange", linestyle="none")
    (path_line,) = ax_path.plot([], [], "o-", color="k", markersize=4, linewidth=0.8)
    (start_point,) = ax_path.plot([], [], "o", color="tab:red", markersize=7)
    status = ax_path.text(
        0.02,
        0.95,
        "",
        transform=ax_path.transAxes,
        va="top",
        fontsize=9,
        bbox=dict(facecolor="white", alpha=0.8, edgecolor="none"),
    )
    pad = 0.03 * (high - low)  # so a start at the domain's edge is not cut
    ax_path.set(
        xlim=(low - pad, high + pad),
        xlabel="$x$",
        ylabel="$f(x)$",
        title=f.title if hasattr(f, "title") else None,
    )
    y_low, y_high = float(ys.min()), float(ys.max())
    margin = 0.05 * (y_high - y_low) if y_high > y_low else 1.0
    ax_path.set_ylim(y_low - margin, y_high + margin)
    f_star = float(f(f.minima[0])) if len(f.minima) else None
    losses = _LossPanel(ax_loss, f_star, (y_low, y_high))
    run = losses.add("tab:blue", marker="o", markersize=3)
    ax_loss.set(xlabel="반복 k", title="최솟값까지 남은 손실" if f_star is not None else "손실")
    ax_loss.xaxis.set_major_locator(MaxNLocator(6, integer=True))

    def draw(lr, x0, steps):
        steps = int(steps)
        path = optimize(f.gradient, x0, SGD(lr=lr), steps)
        iterates = np.asarray(path)
        path_line.set_data(iterates, f(iterates))
        start_point.set_data([iterates[0]], [f(iterates[0])])
        losses.show({run: f(iterates)})
        ax_loss.set_xlim(-0.5, steps + 0.5)
        k = len(iterates) - 1
        status.set_text(
            f"ε = {_number(lr)}, x₀ = {_number(x0)}\n"
            f"x{_subscript(k)} = {signed(iterates[-1])}\n" + _verdict_1d(f, path, x0, lr, steps)
        )

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
    from matplotlib.ticker import MaxNLocator

    f = _function_1d(f)
    x0 = _validate.real_number("x0", x0)
    h = _validate.positive("h", h)
    h_low, h_high = _validate.interval("h_range", h_range, _validate.positive)
    x0_low, x0_high = _validate.interval("x0_range", f.domain if x0_range is None else x0_range)
    controls = {
        "h": _slider("float", "간격 h", h, h_low, h_high, min(0.01, (h_high - h_low) / 100)),
        "x0": _slider("float", "접점 x₀", x0, x0_low, x0_high, 0.05),
    }

    fig = _figure((8.4, 3.4))
    ax_curve, ax_slope = fig.subplots(1, 2)

    # Left: wide enough that x₀ + h stays in view for every slider position.
    xs = np.linspace(min(f.domain[0], x0_low), max(f.domain[1], x0_high + h_high), 300)
    ys = f(xs)
    margin = 0.08 * (ys.max() - ys.min())
    x_ends = xs[[0, -1]]
    ax_curve.plot(xs, ys, color="tab:blue", linewidth=2)
    (secant_line,) = ax_curve.plot([], [], color="tab:red", linewidth=1.6, label="할선")
    (tangent_line,) = ax_curve.plot([], [], color="k", linestyle="--", linewidth=1.2, label="접선")
    (run_rise,) = ax_curve.plot([], [], color="tab:gray", linestyle=":", linewidth=1.2)
    (base_point,) = ax_curve.plot([], [], "o", color="k", markersize=6, zorder=4)
    (moving_point,) = ax_curve.plot([], [], "o", color="tab:red", markersize=6, zorder=4)
    ax_curve.set(
        xlim=x_ends,
        ylim=(ys.min() - margin, ys.max() + margin),
        xlabel="$x$",
        ylabel="$f(x)$",
        title=f.title,
    )

    # Right: the secant slope against h. Its y-range is computed once over every
    # slider position, so the axes never move.
    hs = np.linspace(h_low, h_high, 120)
    x0_grid = np.linspace(x0_low, x0_high, 41)[:, None]
    all_slopes = (f(x0_grid + hs) - f(x0_grid)) / hs
    slope_of = f.derivative
    all_tangents = slope_of(x0_grid)
    low = min(all_slopes.min(), all_tangents.min())
    high = max(all_slopes.max(), all_tangents.max())
    pad = 0.08 * (high - low) if high > low else 1.0
    (slope_curve,) = ax_slope.plot([], [], color="tab:red", linewidth=1.6)
    limit_line = ax_slope.axhline(0.0, color="k", linestyle="--", linewidth=1.2)
    (slope_marker,) = ax_slope.plot([], [], "o", color="tab:red", markersize=7, zorder=4)
    ax_slope.set(
        xlim=(0, 1.04 * h_high),
        ylim=(low - pad, high + pad),
        xlabel="간격 h",
        ylabel="기울기",
        title="h → 0 이면 할선 기울기 → f′(x₀)",
    )
    # One legend for both panels, outside the data: red is the secant (and its
    # slope), dashed black the tangent (and f′(x₀)).
    fig.legend(
        handles=[secant_line, tangent_line],
        labels=["할선과 그 기울기 (f(x₀+h) − f(x₀)) / h", "접선과 그 기울기 f′(x₀)"],
        loc="outside lower center",
        ncol=2,
        fontsize=9,
    )
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
            f"h = {_number(h)},  x₀ = {_number(x0)}:   할선 기울기 {signed(secant_slope)},   "
            f"접선 기울기 {signed(tangent_slope)},   차이 {signed(secant_slope - tangent_slope)}"
        )

    return Explorer(fig, controls, draw)


def basin_explorer(
    f=None,
    x0=2.5,
    lr=0.25,
    x0_range=None,
    lr_range=(0.01, 2.5),
    n_iter=100,
    shown_steps=30,
    resolution=(240, 160),
):
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
    from matplotlib.ticker import MaxNLocator

    from . import landscapes
    from .functions import X_SIN_X

    f = _function_1d(X_SIN_X if f is None else f)
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

    fig = _figure((8.8, 3.3))
    ax_path, ax_map = fig.subplots(1, 2, width_ratios=(1, 1.2))

    # Left: the curve over the slider range, with fixed limits (points outside stay out).
    xs = np.linspace(x0_low, x0_high, 300)
    ys = f(xs)
    margin = 0.08 * (ys.max() - ys.min())
    ax_path.plot(xs, ys, color="0.55", linewidth=1.5)
    names = landscapes.outcome_names(f.minima)
    colors = landscapes.outcome_colors(len(f.minima))
    for label, x_min in enumerate(f.minima):
        ax_path.plot(
            x_min,
            f(x_min),
            marker="*",
            markersize=13,
            color=colors[label],
            markeredgecolor="k",
            linestyle="none",
            zorder=5,
        )
    (path_line,) = ax_path.plot([], [], "o-", color="k", markersize=3, linewidth=0.7, zorder=4)
    (start_point,) = ax_path.plot([], [], "o", color="tab:red", markersize=7, zorder=6)
    status = ax_path.text(
        0.02,
        0.97,
        "",
        transform=ax_path.transAxes,
        va="top",
        fontsize="small",
        bbox=dict(facecolor="white", alpha=0.85, edgecolor="none"),
    )
    ax_path.set(
        xlim=(x0_low, x0_high),
        ylim=(ys.min() - margin, ys.max() + 2.5 * margin),
        xlabel="x",
        ylabel="f(x)",
    )
    # Titles as plain text: an axes title is re-positioned (costly) on every draw.
    ax_path.text(0.5, 1.02, f.title, transform=ax_path.transAxes, ha="center")

    # Right: the map, computed once for the whole slider range.
    ends = landscapes.gd_endpoints(
        f, np.linspace(x0_low, x0_high, n_x0), np.linspace(lr_low, lr_high, n_lr), n_iter
    )
    # No legend (the verdict on the left names the outcome; the notebook shows
    # the legend): text is most of the cost of a redraw.
    landscapes.plot_basin_map(f, ends, ax=ax_map, legend=False)
    ax_map.text(
        0.5,
        1.02,
        f"{n_iter}번 반복 후 도착지 (빨간 원: 현재 x₀, ε)",
        transform=ax_map.transAxes,
        ha="center",
    )
    for ax in (ax_path, ax_map):
        ax.xaxis.set_major_locator(MaxNLocator(5))
        ax.yaxis.set_major_locator(MaxNLocator(5))
    (here,) = ax_map.plot(
        [],
        [],
        marker="o",
        markersize=9,
        markerfacecolor="none",
        markeredgecolor="tab:red",
        markeredgewidth=2,
        linestyle="none",
    )

    def draw(x0, lr):
        path = optimize(f.gradient, x0, SGD(lr=lr), n_iter)
        shown = np.asarray(path[: shown_steps + 1])
        path_line.set_data(shown, f(shown))
        start_point.set_data([x0], [f(x0)])
        here.set_data([x0], [lr])
        label = int(
            landscapes.classify_endpoints(landscapes.gd_endpoints(f, x0, lr, n_iter), f.minima)[()]
        )
        if path.diverged:  # the same rule, and the same count, as every explorer
            verdict = f"발산 — {path.reason}"
        else:
            final = signed(path.final)
            verdict = f"{names[label]}" if label >= 0 else f"{names[label]} (x = {final})"
        status.set_text(f"x₀ = {_number(x0)}, ε = {_number(lr)}\n{n_iter}번 후: {verdict}")

    return Explorer(fig, controls, draw)


def momentum_explorer(
    f=None,
    lr=0.05,
    alpha=0.9,
    w0=(-9.0, 2.0),
    steps=100,
    lr_range=(0.005, 0.5),
    alpha_range=(0.0, 0.99),
):
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
    from matplotlib.ticker import MaxNLocator

    from .functions import ILL_CONDITIONED
    from .optimizers import Momentum, Nesterov
    from .plots import _function_2d

    f = _function_2d(ILL_CONDITIONED if f is None else f)
    w0 = _validate.finite_array("w0", w0)
    _validate.same_shape("w0", w0, (2,))
    for name, fn, shape in (("f.loss", f.loss, ()), ("f.gradient", f.gradient, (2,))):
        value = _validate.evaluate(name, fn, w0, shape=shape, like="w0")
        if not np.isfinite(value).all():
            _validate.fail(name, value.tolist(), "시작점 w0에서 유한해야 합니다.")
    steps = _validate.count("steps", steps, minimum=1)
    lr_low, lr_high = _validate.interval("lr_range", lr_range, _validate.positive)
    alpha_low, alpha_high = _validate.interval("alpha_range", alpha_range, _validate.unit_interval)
    controls = {
        "lr": _slider(
            "float",
            "학습률 ε",
            _validate.positive("lr", lr),
            lr_low,
            lr_high,
            min(0.005, _step_for(lr_low, lr_high)),
        ),
        "alpha": _slider(
            "float",
            "모멘텀 α",
            _validate.unit_interval("alpha", alpha),
            alpha_low,
            alpha_high,
            min(0.01, _step_for(alpha_low, alpha_high)),
        ),
    }

    fig = _figure((8.6, 3.3))
    ax_path, ax_loss = fig.subplots(1, 2, width_ratios=[1.25, 1])
    # A coarse grid and few levels: the contour is redrawn on every slider move.
    X, Y = f.grid(80)
    ax_path.contour(X, Y, f(X, Y), levels=15, cmap="viridis", linewidths=0.6)
    for x_min, y_min in f.minima:
        ax_path.plot(x_min, y_min, marker="*", color="tab:red", markersize=11, linestyle="none")
    ax_path.plot(*w0, "o", markersize=7, markerfacecolor="white", markeredgecolor="k")
    runs = {"Momentum": (Momentum, "tab:red"), "Nesterov": (Nesterov, "tab:blue")}
    Z = f(X, Y)
    f_star = float(f.loss(np.asarray(f.minima[0]))) if f.minima else None
    losses = _LossPanel(ax_loss, f_star, (float(Z.min()), float(Z.max())), symbol="w")
    path_lines, loss_lines = {}, {}
    for name, (_, color) in runs.items():
        (path_lines[name],) = ax_path.plot(
            [], [], "o-", color=color, markersize=2, linewidth=1.0, label=name
        )
        loss_lines[name] = losses.add(color, linewidth=1.2, label=name)
    (x_min, x_max), (y_min, y_max) = f.domain
    ax_path.set(xlim=(x_min, x_max), ylim=(y_min, y_max), xlabel="$x$", ylabel="$y$")
    # Titles and legends as plain text: placing a real title or legend measures every
    # tick label on each redraw, which costs more than the paths themselves.
    ax_path.text(0.5, 1.02, f.title, transform=ax_path.transAxes, ha="center", va="bottom")
    for i, (name, (_, color)) in enumerate(runs.items()):
        ax_path.text(
            0.98,
            0.96 - 0.08 * i,
            name,
            color=color,
            transform=ax_path.transAxes,
            ha="right",
            va="top",
            fontsize=9,
            fontweight="bold",
        )
    ax_path.xaxis.set_major_locator(MaxNLocator(5))
    ax_path.yaxis.set_major_locator(MaxNLocator(4))
    status = ax_path.text(
        0.02,
        0.03,
        "",
        transform=ax_path.transAxes,
        fontsize=9,
        bbox=dict(facecolor="white", alpha=0.8, edgecolor="none"),
    )
    ax_loss.set(xlim=(0, steps), xlabel="반복 k")
    ax_loss.text(
        0.5,
        1.02,
        "f(w) − f* (로그 눈금)" if f_star is not None else "손실 f(w)",
        transform=ax_loss.transAxes,
        ha="center",
        va="bottom",
    )
    ax_loss.xaxis.set_major_locator(MaxNLocator(5))

    def draw(lr, alpha):
        report, shown = [], {}
        for name, (optimizer, _) in runs.items():
            path = optimize(f.gradient, w0, optimizer(lr=lr, alpha=alpha), steps)
            points = np.asarray(path)
            path_lines[name].set_data(points[:, 0], points[:, 1])
            values = f.loss(points)
            shown[loss_lines[name]] = values
            if path.diverged:  # the same rule, and the same count, as every explorer
                report.append(f"{name}: 발산 — {path.reason}")
            else:  # the loss itself, not the clipped value the panel shows
                report.append(f"{name}: {steps}번 후 손실 f(w) = {signed(values[-1], '.4g')}")
        losses.show(shown)
        status.set_text(f"ε = {_number(lr)}, α = {_number(alpha)}\n" + "\n".join(report))

    return Explorer(fig, controls, draw)


# --- learning-rate schedules under gradient noise (notebook 13) -------------------------

SCHEDULE_KINDS = {  # dropdown label → code name
    "상수": "constant",
    "계단 (StepDecay)": "step",
    "지수 (Exponential)": "exponential",
    "1/t (InverseTime)": "inverse_time",
    "코사인 (Cosine)": "cosine",
    "워밍업 + 코사인": "warmup_cosine",
    "1cycle (OneCycle)": "one_cycle",
}


class WarmupCosine:
    """Linear warm-up from f₀·ε to ε in K updates, then a cosine from ε down to η_min.

    For updates k = 0 … total_steps − 1: ``schedules.Warmup(lr, K, f₀)`` for k < K,
    then ``schedules.Cosine(lr, total_steps − 1 − K, η_min)`` shifted by K, so the
    last update uses η_min (``torch.optim.lr_scheduler.SequentialLR`` chains them so).
    """

    def __init__(self, lr, warmup_steps, total_steps, start_factor=0.01, eta_min=0.0):
        from .schedules import Cosine, Warmup

        self.warmup = Warmup(lr, warmup_steps, start_factor)
        self.total_steps = _validate.count(
            "total_steps", total_steps, minimum=self.warmup.warmup_steps + 2
        )
        self.cosine = Cosine(lr, self.total_steps - 1 - self.warmup.warmup_steps, eta_min)

    def __call__(self, k):
        k = _validate.count("k", k)
        K = self.warmup.warmup_steps
        return self.warmup(k) if k < K else self.cosine(k - K)

    def __repr__(self):
        return f"Warmup → Cosine({self.warmup!r}, {self.cosine!r})"


def build_schedule(kind, lr, final_ratio, warmup, steps):
    """The schedule the explorer draws: ``kind`` with ε₀ = ``lr`` ending near ``final_ratio``·ε₀.

    Parameters
    ----------
    kind : str
        One of the values of :data:`SCHEDULE_KINDS`.
    lr : float
        ε₀ (the peak ε for the warm-up schedules and 1cycle).
    final_ratio : float
        ε at the last update k = steps − 1 divided by ε₀, in (0, 1) (ignored by "constant").
    warmup : float
        Fraction of the updates spent warming up, in (0, 1) (warm-up schedules and 1cycle).
    steps : int
        Number of updates.

    Returns
    -------
    callable
        ``schedule(k)``: a :mod:`course_utils.schedules` object (or :class:`WarmupCosine`).
    """
    from . import schedules

    kind = _validate.choice("kind", kind, tuple(SCHEDULE_KINDS.values()))
    lr = _validate.positive("lr", lr)
    final_ratio = _validate.real_number("final_ratio", final_ratio)
    if not 0 < final_ratio < 1:
        _validate.fail("final_ratio", final_ratio, "0보다 크고 1보다 작아야 합니다.")
    warmup = _validate.real_number("warmup", warmup)
    if not 0 < warmup < 1:
        _validate.fail("warmup", warmup, "0보다 크고 1보다 작아야 합니다.")
    steps = _validate.count("steps", steps, minimum=10)
    last = steps - 1
    warmup_steps = max(1, round(warmup * steps))
    if kind == "constant":
        return schedules.Constant(lr)
    if kind == "step":  # three drops, at a quarter, half and three quarters of the run
        return schedules.StepDecay(lr, step_size=-(-steps // 4), gamma=final_ratio ** (1 / 3))
    if kind == "exponential":
        return schedules.Exponential(lr, gamma=final_ratio ** (1 / last))
    if kind == "inverse_time":
        return schedules.InverseTime(lr, decay=(1 / final_ratio - 1) / last)
    if kind == "cosine":  # reaches η_min at the last update
        return schedules.Cosine(lr, T_max=last, eta_min=lr * final_ratio)
    if kind == "warmup_cosine":
        return WarmupCosine(lr, warmup_steps, steps, eta_min=lr * final_ratio)
    # one_cycle: final ε = ε_max / (div · final_div) = final_ratio · ε_max
    return schedules.OneCycle(
        lr,
        total_steps=steps,
        pct_start=max(warmup, 1.5 / steps),
        div_factor=25.0,
        final_div_factor=1 / (25.0 * final_ratio),
    )


class _ScheduleExplorer(Explorer):
    """An :class:`Explorer` with a dropdown (set by its code name) that redraws by blitting.

    Only ``dynamic`` artists change with the controls: the axes, ticks, grid and
    contours are rendered once into a background, and each redraw pastes it back
    and draws the dynamic artists on top (a full draw is mostly tick labels).
    """

    def __init__(self, fig, controls, draw, dynamic):
        self._dynamic = tuple(dynamic)
        self._background = None
        super().__init__(fig, controls, draw)

    def redraw(self):
        """Redraw the dynamic artists from the current values; returns the seconds it took."""
        start = time.perf_counter()
        self._draw(**self.values())
        if self._background is None:  # lay out once, render everything static
            for artist in self._dynamic:
                artist.set_animated(True)
            self._canvas.draw()
            self.fig.set_layout_engine("none")
            self._background = self._canvas.copy_from_bbox(self.fig.bbox)
        else:
            self._canvas.restore_region(self._background)
        for artist in self._dynamic:
            artist.axes.draw_artist(artist)
        buffer = io.BytesIO()
        PIL.Image.fromarray(np.asarray(self._canvas.buffer_rgba())).save(
            buffer, format="png", compress_level=1
        )
        self.image.value = buffer.getvalue()
        self.last_redraw_seconds = time.perf_counter() - start
        return self.last_redraw_seconds

    def update(self, **values):
        for name, value in values.items():
            _validate.choice("name", name, tuple(self.controls))
            control = self.controls[name]
            control.unobserve(self._on_change, names="value")
            if hasattr(control, "options"):  # the dropdown: a code name
                control.value = _validate.choice(name, value, tuple(SCHEDULE_KINDS.values()))
            else:
                value = _validate.real_number(name, value)
                control.value = min(max(value, control.min), control.max)
            control.observe(self._on_change, names="value")
        return self.redraw()


def _curvatures_at(f, w):
    """Eigenvalues of f's Hessian at ``w`` from central differences of f.gradient."""
    h = 1e-4
    columns = [(f.gradient(w + h * e) - f.gradient(w - h * e)) / (2 * h) for e in np.eye(2)]
    H = np.array(columns)
    return np.linalg.eigvalsh((H + H.T) / 2)


def schedule_explorer(
    f=None,
    kind="constant",
    lr=0.2,
    final_ratio=0.01,
    warmup=0.1,
    sigma=1.0,
    w0=(-8.0, 2.0),
    steps=300,
    runs=200,
    seed=0,
    lr_range=(0.01, 0.45),
):
    """SGD with a learning-rate schedule on a 2D function with noisy gradients.

    Three panels: ε(k); one run's path and where all ``runs`` runs end (over the
    contours); the mean loss over the runs. The noise is drawn once (seed
    ``seed``) and kept, so a slider changes only the schedule. Run r is
    ``cu.optimize(cu.noise.noisy_gradient(f.gradient, sigma, seed), W0, cu.SGD(lr=1),
    steps, schedule=…)`` with all runs as the rows of ``W0``.

    Parameters
    ----------
    f : Function2D, optional
        Default ``functions.ILL_CONDITIONED`` (0.1x² + 2y², curvatures 0.2 and 4).
    kind : str, default "constant"
        The initial schedule, a value of :data:`SCHEDULE_KINDS`.
    lr : float, default 0.2
        ε₀ (peak ε for the warm-up schedules and 1cycle).
    final_ratio : float, default 0.01
        ε at the last update over ε₀, in (0, 1) (see :func:`build_schedule`); its
        slider sets log₁₀ of it, from −4 to −0.1.
    warmup : float, default 0.1
        Warm-up fraction of the updates, in (0, 1).
    sigma : float, default 1.0
        Noise standard deviation per coordinate, ≥ 0.
    w0 : array_like, default (-8.0, 2.0)
        Start of every run, shape ``(2,)``.
    steps : int, default 300
        Updates per run, 10 … 2000.
    runs : int, default 200
        Independent runs (same start, different noise), 1 … 2000.
    seed : int, default 0
        Seed of the noise.
    lr_range : tuple of float, default (0.01, 0.45)
        Slider range of ε₀ (both ends > 0).

    Returns
    -------
    Explorer
    """
    import ipywidgets as widgets
    from matplotlib.ticker import FuncFormatter, LogLocator, MaxNLocator, NullLocator

    from .functions import ILL_CONDITIONED
    from .plots import _function_2d

    f = _function_2d(ILL_CONDITIONED if f is None else f)
    w0 = _validate.finite_array("w0", w0)
    _validate.same_shape("w0", w0, (2,))
    steps = _validate.count("steps", steps, minimum=10, maximum=2000)
    runs = _validate.count("runs", runs, minimum=1, maximum=2000)
    sigma = _validate.real_number("sigma", sigma)
    if sigma < 0:
        _validate.fail("sigma", sigma, "0 이상의 유한한 수여야 합니다 (잡음의 표준편차).")
    lr_low, lr_high = _validate.interval("lr_range", lr_range, _validate.positive)
    build_schedule(kind, lr, final_ratio, warmup, steps)  # validates the initial values
    # The noise, once: the same numbers cu.noise.noisy_gradient draws, one (runs, 2) block per update
    rng = _validate.rng("seed", seed)
    noise = sigma * rng.standard_normal((steps, runs, 2))
    f_star = float(f.loss(np.asarray(f.minima[0]))) if f.minima else None
    curvatures = _curvatures_at(f, np.asarray(f.minima[0], dtype=float)) if f.minima else None

    controls = {
        "kind": widgets.Dropdown(
            options=list(SCHEDULE_KINDS.items()),
            value=kind,
            description="스케줄",
            style={"description_width": "initial"},
            layout=widgets.Layout(width="230px"),
        ),
        "lr": _slider(
            "float",
            "ε₀ (최대 ε)",
            _validate.positive("lr", lr),
            lr_low,
            lr_high,
            min(0.005, _step_for(lr_low, lr_high)),
        ),
        # the exponent on a plain slider: ratios from 10⁻⁴ to 0.8 spread evenly
        "final_log10": _slider(
            "float", "log₁₀(끝 ε / ε₀)", float(np.log10(final_ratio)), -4.0, -0.1, 0.05
        ),
        "warmup": _slider("float", "워밍업 비율", warmup, 0.02, 0.5, 0.01),
    }

    fig = _figure((10.5, 3.4))
    ax_lr, ax_path, ax_loss = fig.subplots(1, 3, width_ratios=[1, 1.25, 1])
    k_axis = np.arange(steps)
    (lr_line,) = ax_lr.plot([], [], color="tab:purple", linewidth=1.5)
    ax_lr.set(yscale="log", xlim=(0, steps), ylim=(lr_low * 1e-4, lr_high * 2), xlabel="갱신 k")
    ax_lr.yaxis.set_major_locator(LogLocator(numticks=6))
    ax_lr.yaxis.set_minor_locator(NullLocator())
    # "10⁻³" as plain text: mathtext tick labels are most of the cost of a redraw
    ax_lr.yaxis.set_major_formatter(FuncFormatter(_power_of_ten))
    ax_lr.text(
        0.5, 1.02, "학습률 ε(k) (로그 눈금)", transform=ax_lr.transAxes, ha="center", va="bottom"
    )

    X, Y = f.grid(80)
    ax_path.contour(X, Y, f(X, Y), levels=15, cmap="viridis", linewidths=0.6)
    cloud = ax_path.scatter(
        np.zeros(runs), np.zeros(runs), s=4, color="tab:orange", alpha=0.6, label="모든 실행의 끝점"
    )
    (path_line,) = ax_path.plot([], [], "-", color="tab:red", linewidth=0.8, label="실행 하나")
    ax_path.plot(*w0, "o", markersize=7, markerfacecolor="white", markeredgecolor="k")
    for x_min, y_min in f.minima:
        ax_path.plot(x_min, y_min, marker="*", color="k", markersize=10, linestyle="none")
    (x_low, x_high), (y_low, y_high) = f.domain
    ax_path.set(xlim=(x_low, x_high), ylim=(y_low, y_high), xlabel="$x$", ylabel="$y$")
    ax_path.xaxis.set_major_locator(MaxNLocator(5))
    ax_path.yaxis.set_major_locator(MaxNLocator(4))
    ax_path.text(0.5, 1.02, f.title, transform=ax_path.transAxes, ha="center", va="bottom")
    ax_path.text(
        0.98,
        0.96,
        "실행 하나",
        color="tab:red",
        transform=ax_path.transAxes,
        ha="right",
        va="top",
        fontsize=9,
        fontweight="bold",
    )
    ax_path.text(
        0.98,
        0.86,
        f"{runs}개 실행의 끝점",
        color="tab:orange",
        transform=ax_path.transAxes,
        ha="right",
        va="top",
        fontsize=9,
        fontweight="bold",
    )
    status = ax_path.text(
        0.02,
        0.03,
        "",
        transform=ax_path.transAxes,
        fontsize=8,
        bbox=dict(facecolor="white", alpha=0.8, edgecolor="none"),
    )

    start_gap = float(f.loss(w0)) - (f_star or 0.0)
    loss_low, loss_high = 1e-4, max(10 * start_gap, 1.0)
    (loss_line,) = ax_loss.plot([], [], color="tab:red", linewidth=1.3)
    (floor_line,) = ax_loss.plot([0, steps], [np.nan, np.nan], "--", color="0.3", linewidth=1.0)
    floor_text = ax_loss.text(
        0.98, 0.97, "", transform=ax_loss.transAxes, ha="right", va="top", fontsize=8, color="0.25"
    )
    ax_loss.set(yscale="log", xlim=(0, steps), ylim=(loss_low, loss_high), xlabel="갱신 k")
    ax_loss.yaxis.set_major_locator(LogLocator(numticks=5))
    ax_loss.yaxis.set_minor_locator(NullLocator())
    ax_loss.yaxis.set_major_formatter(FuncFormatter(_power_of_ten))
    ax_loss.xaxis.set_major_locator(MaxNLocator(5))
    ax_lr.xaxis.set_major_locator(MaxNLocator(5))
    ax_loss.text(
        0.5,
        1.02,
        f"평균 손실 f(w) − f* ({runs}개 실행, 로그 눈금)"
        if f_star is not None
        else f"평균 손실 f(w) ({runs}개 실행, 로그 눈금)",
        transform=ax_loss.transAxes,
        ha="center",
        va="bottom",
    )

    def draw(kind, lr, final_log10, warmup):
        schedule = build_schedule(kind, lr, 10.0**final_log10, warmup, steps)
        rates = np.array([schedule(k) for k in range(steps)])
        lr_line.set_data(k_axis, rates)
        W = np.tile(w0, (runs, 1))
        losses = np.empty(steps + 1)
        losses[0] = float(f.loss(w0))
        broken = None
        with np.errstate(over="ignore", invalid="ignore"):
            for k in range(steps):  # the SGD update w ← w − ε_k (∇f(w) + noise)
                W = W - rates[k] * (f.gradient(W) + noise[k])
                if not np.isfinite(W).all() or np.abs(W).max() > 1e8:
                    broken = k + 1
                    break
                losses[k + 1] = f.loss(W).mean()
        if broken is None:
            gaps = losses - (f_star or 0.0)
            path = np.vstack([w0, _single_path(f, w0, rates, noise)])
            path_line.set_data(path[:, 0], path[:, 1])
            cloud.set_offsets(W)
            loss_line.set_data(np.arange(steps + 1), np.clip(gaps, loss_low, loss_high))
            result = f"{steps}번 후 평균 손실 {signed(gaps[-1], '.3g')}"
        else:
            path_line.set_data([], [])
            cloud.set_offsets(np.empty((0, 2)))
            loss_line.set_data([], [])
            result = f"{broken}번째 갱신에서 발산 (|w| > 10⁸ 또는 inf)"
        if curvatures is not None and np.all(curvatures > 0) and np.all(lr * curvatures < 2):
            floor = float(np.sum(lr * sigma**2 / (2 * (2 - lr * curvatures))))
            floor_line.set_ydata([floor, floor])
            floor_text.set_text(f"점선: 상수 ε₀ = {_number(lr)}의 잡음 바닥 {floor:.3g}")
        else:
            floor_line.set_ydata([np.nan, np.nan])
            floor_text.set_text("")
        status.set_text(f"{_schedule_text(schedule)}\n{result}")

    dynamic = (lr_line, cloud, path_line, loss_line, floor_line, floor_text, status)
    explorer = _ScheduleExplorer(fig, controls, draw, dynamic)
    explorer.widget.children[0].layout.flex_flow = "row wrap"
    return explorer


_SUPERSCRIPTS = str.maketrans("-0123456789", "⁻⁰¹²³⁴⁵⁶⁷⁸⁹")


def _power_of_ten(value, _position=None):
    """A log-axis tick label as plain text: 10⁻³ (no mathtext)."""
    if value <= 0:
        return ""
    return "10" + str(round(np.log10(value))).translate(_SUPERSCRIPTS)


def _single_path(f, w0, rates, noise):
    """Run 0 of the explorer: its own path, the same noise as the cloud's first row."""
    w, points = np.array(w0, dtype=float), np.empty((len(rates), 2))
    for k, rate in enumerate(rates):
        w = w - rate * (f.gradient(w) + noise[k, 0])
        points[k] = w
    return points


def _schedule_text(schedule):
    """The schedule's parameters in 3 significant digits, e.g. ``Exponential(lr=0.2, gamma=0.985)``."""
    from .schedules import Schedule

    if isinstance(schedule, WarmupCosine):
        return (
            f"워밍업 {schedule.warmup.warmup_steps}번 → Cosine(T_max={schedule.cosine.T_max}, "
            f"eta_min={schedule.cosine.eta_min:.3g})"
        )
    if isinstance(schedule, Schedule):
        params = ", ".join(
            f"{key}={value:.3g}" if isinstance(value, float) else f"{key}={value}"
            for key, value in vars(schedule).items()
        )
        return f"{type(schedule).__name__}({params})"
    return repr(schedule)


def batch_noise_explorer(
    batch_size=8,
    lr=0.05,
    alpha=0.0,
    steps=200,
    curvature=(1.0, 10.0),
    sigma=1.0,
    w0=(3.0, 1.0),
    seed=0,
    batch_range=(1, 128),
    lr_range=(0.005, 0.4),
    alpha_range=(0.0, 0.95),
):
    """Mini-batch size B, ε and α on a noisy quadratic: the path, the loss and its noise floor.

    The problem is f(w) = ½(λ₁w₁² + λ₂w₂²) with the gradient of a mini-batch of
    B samples modelled as ∇f(w) + (σ/√B)·z, z ~ N(0, I) (notebook 16, sections
    1–2). The standard normal draws z_k come from ``seed`` and are the same for
    every slider position, so moving B only rescales the same noise. The run is
    :class:`course_utils.Momentum` (α = 0 is plain SGD) through
    :func:`course_utils.optimize`; the loss panel adds the running average of
    the iterates (Polyak–Ruppert, from the middle of the run) and the exact
    noise floor ½Σλ_j V_j (:func:`course_utils.noise.momentum_stationary_variance`).

    Parameters
    ----------
    batch_size : int, default 8
        Initial B.
    lr : float, default 0.05
        Initial learning rate ε.
    alpha : float, default 0.0
        Initial momentum α.
    steps : int, default 200
        Updates per run (2 … 2000).
    curvature : tuple of float, default (1.0, 10.0)
        λ₁, λ₂ > 0.
    sigma : float, default 1.0
        Noise standard deviation of one sample's gradient, per coordinate, > 0.
    w0 : array_like, default (3.0, 1.0)
        Starting point, shape ``(2,)``.
    seed : int, default 0
        Seed of the noise (fixed while the sliders move).
    batch_range : tuple of int, default (1, 128)
        Slider range of B.
    lr_range, alpha_range : tuple of float
        Slider ranges of ε (> 0) and α (in [0, 1)).

    Returns
    -------
    Explorer
    """
    from matplotlib.ticker import LogLocator, MaxNLocator, NullLocator

    from .noise import momentum_stationary_variance
    from .optimizers import Momentum

    steps = _validate.count("steps", steps, minimum=2, maximum=2000)
    lam = _validate.finite_array("curvature", curvature)
    _validate.same_shape("curvature", lam, (2,))
    if np.any(lam <= 0):
        _validate.fail("curvature", curvature, "두 곡률 λ₁, λ₂가 모두 0보다 커야 합니다.")
    sigma = _validate.positive("sigma", sigma)
    w0 = _validate.finite_array("w0", w0)
    _validate.same_shape("w0", w0, (2,))
    rng = _validate.rng("seed", seed)
    if isinstance(batch_range, (str, bytes)) or len(batch_range) != 2:
        _validate.fail("batch_range", batch_range, "(최솟값, 최댓값) 두 정수여야 합니다.")
    b_low = _validate.count("batch_range", batch_range[0], minimum=1)
    b_high = _validate.count("batch_range", batch_range[1], minimum=b_low + 1)
    lr_low, lr_high = _validate.interval("lr_range", lr_range, _validate.positive)
    alpha_low, alpha_high = _validate.interval("alpha_range", alpha_range, _validate.unit_interval)
    controls = {
        "batch_size": _slider(
            "int",
            "배치 크기 B",
            _validate.count("batch_size", batch_size, minimum=1),
            b_low,
            b_high,
            1,
        ),
        "lr": _slider(
            "float",
            "학습률 ε",
            _validate.positive("lr", lr),
            lr_low,
            lr_high,
            min(0.005, _step_for(lr_low, lr_high)),
        ),
        "alpha": _slider(
            "float",
            "모멘텀 α",
            _validate.unit_interval("alpha", alpha),
            alpha_low,
            alpha_high,
            min(0.01, _step_for(alpha_low, alpha_high)),
        ),
    }
    noise = rng.standard_normal((steps, 2))  # z_k, drawn once: the sliders rescale, never redraw

    fig = _figure((8.6, 3.4))
    ax_path, ax_loss = fig.subplots(1, 2, width_ratios=[1.1, 1])
    extent = 1.15 * np.abs(w0).max()
    grid = np.linspace(-extent, extent, 60)
    X, Y = np.meshgrid(grid, grid)
    Z = 0.5 * (lam[0] * X**2 + lam[1] * Y**2)
    ax_path.contour(
        X, Y, Z, levels=np.geomspace(Z.max() * 1e-3, Z.max(), 10), cmap="viridis", linewidths=0.6
    )
    ax_path.plot(0.0, 0.0, marker="*", color="tab:red", markersize=11, linestyle="none")
    ax_path.plot(*w0, "o", markersize=7, markerfacecolor="white", markeredgecolor="k")
    (path_line,) = ax_path.plot([], [], "-", color="tab:blue", linewidth=0.8)
    (average_dot,) = ax_path.plot(
        [], [], "D", color="tab:orange", markersize=6, markeredgecolor="k", linestyle="none"
    )
    ax_path.set(xlim=(-extent, extent), ylim=(-extent, extent), xlabel="$w_1$", ylabel="$w_2$")
    ax_path.xaxis.set_major_locator(MaxNLocator(5))
    ax_path.yaxis.set_major_locator(MaxNLocator(5))
    ax_path.text(
        0.5,
        1.02,
        f"f = ½({_number(lam[0])}·w₁² + {_number(lam[1])}·w₂²), 잡음 σ/√B",
        transform=ax_path.transAxes,
        ha="center",
        va="bottom",
    )
    status = ax_path.text(
        0.02,
        0.03,
        "",
        transform=ax_path.transAxes,
        fontsize=8.5,
        bbox=dict(facecolor="white", alpha=0.85, edgecolor="none"),
    )

    low, high = 1e-6, 1e3
    (loss_line,) = ax_loss.plot([], [], color="tab:blue", linewidth=0.8, label="f(w_k)")
    (average_line,) = ax_loss.plot([], [], color="tab:orange", linewidth=1.4)
    floor_line = ax_loss.axhline(1.0, color="k", linestyle="--", linewidth=1.0)
    ax_loss.set(xlim=(0, steps), yscale="log", ylim=(low, high), xlabel="반복 k")
    ax_loss.yaxis.set_major_locator(LogLocator(numticks=5))
    ax_loss.yaxis.set_minor_locator(NullLocator())
    ax_loss.xaxis.set_major_locator(MaxNLocator(5))
    ax_loss.text(
        0.5, 1.02, "f(w) (로그 눈금)", transform=ax_loss.transAxes, ha="center", va="bottom"
    )
    for i, (text, color) in enumerate(
        [("f(w_k)", "tab:blue"), ("평균 w̄의 f (뒤 절반)", "tab:orange"), ("잡음 바닥 (식)", "k")]
    ):
        ax_loss.text(
            0.98,
            0.96 - 0.08 * i,
            text,
            color=color,
            transform=ax_loss.transAxes,
            ha="right",
            va="top",
            fontsize=8.5,
        )
    note = ax_loss.text(0.02, 0.03, "", transform=ax_loss.transAxes, fontsize=8, color="0.25")
    start = steps // 2

    def draw(batch_size, lr, alpha):
        scale = sigma / np.sqrt(batch_size)
        calls = iter(range(steps))

        def noisy(w):
            return lam * w + scale * noise[next(calls)]

        path = optimize(noisy, w0, Momentum(lr=lr, alpha=alpha), steps)
        points = np.asarray(path)
        path_line.set_data(points[:, 0], points[:, 1])
        values = 0.5 * (points**2 @ lam)
        loss_line.set_data(np.arange(len(values)), np.clip(values, low, high))
        stiff = lr * lam.max()
        lines = [
            f"B = {batch_size}, ε = {_number(lr)}, α = {_number(alpha)}",
            f"ε·λ_max = {_number(stiff)} (안정 한계 2(1 + α) = {_number(2 * (1 + alpha))})",
        ]
        if len(points) > start + 1:
            averages = (
                np.cumsum(points[start:], axis=0) / np.arange(1, len(points) - start + 1)[:, None]
            )
            average_line.set_data(
                np.arange(start, len(points)), np.clip(0.5 * (averages**2 @ lam), low, high)
            )
            average_dot.set_data([averages[-1, 0]], [averages[-1, 1]])
        else:
            average_line.set_data([], [])
            average_dot.set_data([], [])
        if stiff < 2 * (1 + alpha):
            floor = 0.5 * float(lam @ momentum_stationary_variance(lam, lr, alpha, scale))
            floor_line.set_ydata([floor, floor])
            floor_line.set_visible(True)
            lines.append(
                f"잡음 바닥 E f = {signed(floor, '.3g')}, 마지막 f = {signed(values[-1], '.3g')}"
            )
        else:
            floor_line.set_visible(False)
            lines.append("ε·λ_max ≥ 2(1 + α): 바닥 없음 (불안정)")
        if path.diverged:
            lines.append(f"발산 — {path.reason}")
        status.set_text("\n".join(lines))
        clipped = bool(np.any(values > high) or np.any(values < low))
        note.set_text("범위 밖의 값은 가장자리에 잘려서 표시" if clipped else "")

    return Explorer(fig, controls, draw)


def newton_explorer(
    f=None,
    x0=2.0,
    lr=0.25,
    steps=8,
    second_derivative=None,
    x0_range=None,
    lr_range=(0.01, 1.0),
    max_steps=30,
):
    """Newton's method against gradient descent on a 1D function: x₀, ε and steps → both paths.

    The left panel shows f, the region where f″ < 0 (shaded), Newton's local
    quadratic model at x₀ (the parabola whose vertex is Newton's first step)
    and both runs' iterates; the right panel shows x_k against k. The status
    says where each run ended: Newton at a point with f′ = 0 and whether f″ is
    positive (a minimum) or negative (a maximum) there, or that it stopped
    (f″ = 0, or a step leaving ``f.domain``); gradient descent as in
    :func:`gd_explorer`.

    Parameters
    ----------
    f : Function1D, optional
        The function; default ``functions.X_SIN_X`` (x·sin x on [−1, 7]).
    x0 : float, default 2.0
        Initial start (clamped to ``x0_range``); f″(2) < 0 on x·sin x.
    lr : float, default 0.25
        Initial learning rate ε of gradient descent (clamped to ``lr_range``).
    steps : int, default 8
        Initial number of steps of each run (clamped to ``max_steps``).
    second_derivative : callable, optional
        f″(x), element-wise; default: the central difference of ``f.derivative``
        (``calculus.derivative``), accurate to about 10⁻¹⁰.
    x0_range : tuple of float, optional
        Slider range of x₀, inside ``f.domain`` (the default).
    lr_range : tuple of float, default (0.01, 1.0)
        Slider range of ε, both ends > 0.
    max_steps : int, default 30
        Upper end of the steps slider, 1 … 200.

    Returns
    -------
    Explorer
        Controls ``"x0"``, ``"lr"`` and ``"steps"``.
    """
    from matplotlib.ticker import MaxNLocator

    from .calculus import derivative
    from .functions import X_SIN_X
    from .second_order import newton_path

    f = _function_1d(X_SIN_X if f is None else f)
    if second_derivative is None:

        def second_derivative(x):
            return derivative(f.derivative, x)

    xs = np.linspace(*f.domain, 400)
    curvature = _validate.evaluate(
        "second_derivative",
        _validate.function(
            "second_derivative",
            second_derivative,
            arguments=("x",),
            example="lambda x: 2 * np.cos(x) - x * np.sin(x)",
            value_kind="2계 도함수 값",
        ),
        xs,
        arguments=("x",),
        shape=xs.shape,
        like="x",
    )
    if not np.isfinite(curvature).all():
        _validate.fail("second_derivative", "inf/NaN", f"정의역 {f.domain}에서 유한해야 합니다.")
    x0_low, x0_high = _validate.interval("x0_range", f.domain if x0_range is None else x0_range)
    if x0_low < f.domain[0] or x0_high > f.domain[1]:
        _validate.fail("x0_range", x0_range, f"f.domain {f.domain} 안에 있어야 합니다.")
    lr_low, lr_high = _validate.interval("lr_range", lr_range, _validate.positive)
    max_steps = _validate.count("max_steps", max_steps, minimum=1, maximum=200)
    controls = {
        "x0": _slider(
            "float",
            "시작점 x₀",
            _validate.real_number("x0", x0),
            x0_low,
            x0_high,
            min(0.01, _step_for(x0_low, x0_high)),
        ),
        "lr": _slider(
            "float",
            "경사하강법의 ε",
            _validate.positive("lr", lr),
            lr_low,
            lr_high,
            min(0.01, _step_for(lr_low, lr_high)),
        ),
        "steps": _slider(
            "int", "반복 횟수", _validate.count("steps", steps, minimum=1), 1, max_steps, 1
        ),
    }

    fig = _figure((9.4, 3.5))
    ax_curve, ax_k = fig.subplots(1, 2, width_ratios=[1.35, 1])
    ys = f(xs)
    y_low, y_high = float(ys.min()), float(ys.max())
    margin = 0.08 * (y_high - y_low)
    ax_curve.fill_between(
        xs,
        y_low - margin,
        y_high + margin,
        where=curvature < 0,
        color="tab:red",
        alpha=0.1,
        linewidth=0,
    )
    ax_curve.plot(xs, ys, color="k", linewidth=1.2)
    (model_line,) = ax_curve.plot([], [], color="tab:red", linestyle="--", linewidth=1)
    (gd_line,) = ax_curve.plot([], [], "s-", color="tab:blue", markersize=4, linewidth=0.8)
    (newton_line,) = ax_curve.plot([], [], "o-", color="tab:red", markersize=5, linewidth=0.8)
    (start,) = ax_curve.plot(
        [], [], "o", markersize=8, markerfacecolor="white", markeredgecolor="k", zorder=5
    )
    ax_curve.set(
        xlim=f.domain, ylim=(y_low - margin, y_high + margin), xlabel="$x$", ylabel="$f(x)$"
    )
    ax_curve.text(0.5, 1.02, f.title, transform=ax_curve.transAxes, ha="center", va="bottom")
    ax_curve.text(
        0.98,
        0.03,
        "빨간 띠: f″ < 0",
        transform=ax_curve.transAxes,
        ha="right",
        fontsize=8,
        color="tab:red",
    )
    status = ax_curve.text(
        0.02,
        0.97,
        "",
        transform=ax_curve.transAxes,
        va="top",
        fontsize=8.5,
        bbox=dict(facecolor="white", alpha=0.85, edgecolor="none"),
    )
    (gd_k,) = ax_k.plot([], [], "s-", color="tab:blue", markersize=3, linewidth=0.8)
    (newton_k,) = ax_k.plot([], [], "o-", color="tab:red", markersize=4, linewidth=0.8)
    ax_k.set(ylim=f.domain, xlabel="반복 k", ylabel="$x_k$")
    ax_k.text(
        0.5,
        1.02,
        "뉴턴법(빨강)과 경사하강법(파랑)",
        transform=ax_k.transAxes,
        ha="center",
        va="bottom",
    )
    ax_k.xaxis.set_major_locator(MaxNLocator(6, integer=True))
    half_width = 0.12 * (f.domain[1] - f.domain[0])

    def newton_verdict(path):
        iterates = np.asarray(path)
        end = float(iterates[-1])
        if path.diverged:
            return "뉴턴법: 멈춤 — " + path.reason
        if abs(float(f.derivative(end))) > 1e-8:
            return f"뉴턴법: 아직 f′ ≠ 0 (x{_subscript(len(iterates) - 1)} = {_number(end)})"
        kind = "극솟값 (f″ > 0)" if float(second_derivative(end)) > 0 else "극댓값 (f″ < 0)"
        return f"뉴턴법: f′ = 0인 x ≈ {_number(end)}, {kind}"

    def draw(x0, lr, steps):
        steps = int(steps)
        newton = newton_path(f.derivative, second_derivative, x0, steps, bound=f.domain)
        gd = optimize(f.gradient, x0, SGD(lr=lr), steps)
        # Newton's quadratic model at x₀: f(x₀) + f′(x₀)(x − x₀) + ½ f″(x₀)(x − x₀)²
        slope, bend = float(f.derivative(x0)), float(second_derivative(x0))
        local = np.linspace(x0 - half_width, x0 + half_width, 40)
        model_line.set_data(
            local, float(f(x0)) + slope * (local - x0) + 0.5 * bend * (local - x0) ** 2
        )
        for line, line_k, path in ((newton_line, newton_k, newton), (gd_line, gd_k, gd)):
            iterates = np.asarray(path)
            line.set_data(iterates, f(iterates))
            line_k.set_data(np.arange(len(iterates)), iterates)
        start.set_data([x0], [f(x0)])
        ax_k.set_xlim(-0.5, steps + 0.5)
        status.set_text(
            f"x₀ = {_number(x0)}, f″(x₀) = {_number(bend)}\n"
            + newton_verdict(newton).replace(" — ", "\n  ", 1)
            + "\n"
            + f"경사하강법 (ε = {_number(lr)}):\n  "
            + _verdict_1d(f, gd, x0, lr, steps).replace("\n", " ")
        )

    return Explorer(fig, controls, draw)
