"""The Korean font set-up: bundled, registered, no glyph warnings, idempotent."""

import logging
import warnings

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import pytest  # noqa: E402
import seaborn as sns  # noqa: E402
from matplotlib import font_manager  # noqa: E402

import course_utils as cu  # noqa: E402
from course_utils import style  # noqa: E402


def render_korean_figure():
    fig, ax = plt.subplots(figsize=(3, 2))
    ax.plot([-3, -1, 2], [1, -2, 0])  # negative ticks: the real minus sign U+2212
    ax.set_title("한글 제목: 학습률 ε, 시작점 x₀")
    ax.set_xlabel("$x_{k}$")
    fig.canvas.draw()
    labels = [t.get_text() for t in ax.get_yticklabels()]
    plt.close(fig)
    return labels


def test_font_ships_with_its_licence():
    assert (style.FONT_DIR / "NanumGothic.ttf").stat().st_size > 1_000_000
    licence = (style.FONT_DIR / "OFL.txt").read_text(encoding="utf-8")
    assert "SIL OPEN FONT LICENSE" in licence and "Version 1.1" in licence


def test_setup_registers_nanum_and_renders_hangul_without_warnings(caplog):
    cu.setup()
    assert "NanumGothic" in {f.name for f in font_manager.fontManager.ttflist}
    assert matplotlib.rcParams["font.family"] == ["DejaVu Sans", "NanumGothic"]
    assert matplotlib.rcParams["axes.unicode_minus"] is True
    with warnings.catch_warnings(), caplog.at_level(logging.WARNING):
        warnings.simplefilter("error")
        labels = render_korean_figure()
    assert not caplog.records, [r.getMessage() for r in caplog.records]
    assert any(label.startswith("\N{MINUS SIGN}") for label in labels)


def test_without_setup_hangul_would_be_missing():
    # Guards the test above: the check can fail (DejaVu Sans alone has no Hangul).
    matplotlib.rcParams["font.family"] = ["DejaVu Sans"]
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        render_korean_figure()
    assert any("missing from font" in str(w.message) for w in caught)
    cu.setup()


def test_setup_is_idempotent_and_restores_after_user_theme():
    cu.setup()
    first = dict(matplotlib.rcParams)
    sns.set_theme()  # a student's own theme replaces font.family
    assert matplotlib.rcParams["font.family"] != style.FONT_FAMILY
    cu.setup()
    assert dict(matplotlib.rcParams) == first
    count = sum(f.name == "NanumGothic" for f in font_manager.fontManager.ttflist)
    cu.setup()
    assert sum(f.name == "NanumGothic" for f in font_manager.fontManager.ttflist) == count


def test_lecture_style_and_talk_context():
    cu.setup()
    paper = {key: matplotlib.rcParams[key] for key in ("font.size", "figure.dpi")}
    assert matplotlib.rcParams["figure.constrained_layout.use"] is True
    assert matplotlib.rcParams["axes.facecolor"] == "white"  # whitegrid
    cu.setup("talk")
    # the whole figure grows: the same fonts relative to the figure, at 1.875x the pixels,
    # so a legend covers in talk mode exactly what it covers in paper mode
    assert matplotlib.rcParams["font.size"] == paper["font.size"]
    assert matplotlib.rcParams["figure.dpi"] == pytest.approx(1.875 * paper["figure.dpi"])
    fig, ax = plt.subplots(figsize=(4, 3))
    ax.plot([0, 1], [0, 1], label="손실")
    ax.legend()
    fig.canvas.draw()
    width_px = fig.canvas.get_width_height()[0]
    plt.close(fig)
    assert width_px == pytest.approx(4 * 1.875 * paper["figure.dpi"], abs=1)
    cu.setup("poster")
    assert matplotlib.rcParams["figure.dpi"] == pytest.approx(2.5 * paper["figure.dpi"])
    cu.setup()
    assert matplotlib.rcParams["figure.dpi"] == paper["figure.dpi"]


def test_unknown_context():
    with pytest.raises(ValueError, match="`context`.*'huge'"):
        cu.setup("huge")


def test_import_has_no_side_effects():
    import subprocess
    import sys

    code = (
        "import matplotlib as mpl; before = dict(mpl.rcParams); import course_utils; "
        "assert dict(mpl.rcParams) == before; import sys; "
        "assert 'plotly' not in sys.modules and 'ipywidgets' not in sys.modules "
        "and 'sympy' not in sys.modules and 'matplotlib.pyplot' not in sys.modules"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def test_bold_hangul_renders_without_weight_warning(caplog):
    cu.setup()
    with caplog.at_level(logging.WARNING):
        fig, ax = plt.subplots()
        ax.set_title("굵은 제목", fontweight="bold")
        fig.canvas.draw()
        plt.close(fig)
    assert not caplog.records, [r.getMessage() for r in caplog.records]


# Counts complete renders of a figure: FigureCanvasAgg.draw rasterises the whole figure
# (the inline backend's PNG calls it too; a layout pass either calls Figure.draw without
# rendering or enters FigureCanvasAgg.draw only to be stopped before drawing anything).
COUNT_RENDERS = """\
from matplotlib.backends.backend_agg import FigureCanvasAgg
_renders = []
_render = FigureCanvasAgg.draw


def _counting_render(self):
    _render(self)
    _renders.append(id(self.figure))


FigureCanvasAgg.draw = _counting_render
"""
# pyplot's redraw-after-each-cell first, as IPython orders the callbacks without cu.setup()
REDRAW_FIRST = """\
import IPython
_events = IPython.get_ipython().events
_flush = [f for f in _events.callbacks["post_execute"] if f.__name__ == "flush_figures"][0]
_events.unregister("post_execute", _flush)
_events.register("post_execute", _flush)
"""
FIGURE = "fig, ax = plt.subplots()\nax.plot([1, 2])"


def test_a_figure_cell_renders_its_figure_once_after_setup(request):
    # In a kernel, pyplot's redraw-after-each-cell ran before the inline backend's
    # flush, so every figure was rendered twice (once on a canvas nobody sees).
    from notebook_runner import code_cell, run_cells

    cells = [
        code_cell(COUNT_RENDERS),
        code_cell("import matplotlib.pyplot as plt\nimport course_utils as cu\ncu.setup()"),
        code_cell(FIGURE),
        code_cell("assert len(_renders) == 1, _renders\n_renders.clear()"),
        code_cell(REDRAW_FIRST),
        code_cell(FIGURE),
        code_cell("assert len(_renders) == 2, _renders  # the counter sees a double render"),
        code_cell("_renders.clear()\ncu.setup()"),
        code_cell(FIGURE),
        code_cell("FigureCanvasAgg.draw = _render\nassert len(_renders) == 1, _renders"),
    ]
    assert run_cells(request, cells) is None
